"""hanke — Finnish ESF and ESF+ projects and their rules, from Python.

The rules live in the Rust core; this package converts and delegates, so a
notebook gets the same answers as a Rust service or a phone.

>>> import hanke
>>> p = hanke.Project.load("examples/data/projects/toimet_S22026.json")
>>> str(p.utilisation())
'88,33 %'
>>> hanke.Money("101 500") - hanke.Money("89 660")
Money('11840.00')
"""

from hanke._errors import (
    CsvImportError,
    HankeError,
    HankeIOError,
    IndicatorError,
    JsonError,
    ValidationError,
)
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
    build_profile,
    common_indicators,
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
    specific_objective,
    suppress_small_counts,
    synthetic_participants,
    time_common_indicators,
    validate_business_id,
    validate_identity_code,
    validate_project_code,
)

__all__ = [
    "ActivityLog",
    "BusinessId",
    "CsvImportError",
    "EsrReport",
    "Finding",
    "HankeError",
    "HankeIOError",
    "IndicatorError",
    "Indicators",
    "JsonError",
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
    "build_profile",
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
    "specific_objective",
    "suppress_small_counts",
    "synthetic_participants",
    "time_common_indicators",
    "validate_business_id",
    "validate_identity_code",
    "validate_project_code",
]
