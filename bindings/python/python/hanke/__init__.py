"""hanke — Finnish ESF and ESF+ projects and their rules, from Python.

The rules live in the Rust core; this package converts and delegates, so a
notebook gets the same answers as a Rust service or a phone. Errors are the
classes of :mod:`hanke.exceptions` (all under :class:`HankeError`); helpers
for tests and benchmarks are in :mod:`hanke.testing`.

>>> import hanke
>>> p = hanke.Project.load("examples/data/projects/toimet_S22026.json")
>>> str(p.utilisation())
'88,33 %'
>>> hanke.Money("101 500") - hanke.Money("89 660")
Money('11840.00')
"""

from hanke import exceptions, sync, testing, types
from hanke.exceptions import HankeError, ValidationError
from hanke._native import (
    ActivityLog,
    BusinessId,
    EsrReport,
    Finding,
    Indicators,
    Money,
    ParsedDescription,
    ParticipantData,
    Participants,
    Project,
    ProjectCode,
    ProjectList,
    Rate,
    Table,
    __version__,
    check_quality,
    common_indicators,
    compare_sfc_tables,
    sfc_kit,
    sfc_tables,
    kohesio_csv,
    markdown_html,
    municipality,
    parse_description,
    parse_project_page,
    portfolio_report,
    priority,
    programme,
    programmes,
    read_participants,
    region,
    render_description,
    rule_table,
    specific_objective,
    suppress_small_counts,
    validate_business_id,
    validate_identity_code,
    pseudonym,
    validate_project_code,
)

__all__ = [
    "exceptions",
    "sync",
    "testing",
    "types",
    "ActivityLog",
    "BusinessId",
    "EsrReport",
    "Finding",
    "HankeError",
    "Indicators",
    "Money",
    "ParsedDescription",
    "ParticipantData",
    "Participants",
    "Project",
    "ProjectCode",
    "ProjectList",
    "Rate",
    "Table",
    "ValidationError",
    "__version__",
    "check_quality",
    "compare_sfc_tables",
    "sfc_kit",
    "sfc_tables",
    "common_indicators",
    "kohesio_csv",
    "markdown_html",
    "municipality",
    "parse_description",
    "parse_project_page",
    "portfolio_report",
    "priority",
    "programme",
    "programmes",
    "read_participants",
    "region",
    "render_description",
    "rule_table",
    "specific_objective",
    "suppress_small_counts",
    "validate_business_id",
    "validate_identity_code",
    "pseudonym",
    "validate_project_code",
]
