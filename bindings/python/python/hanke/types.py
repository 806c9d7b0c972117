"""The closed sets and result shapes of hanke's Python API, for type checkers.

The words themselves are read by the Rust core (``ProgrammePeriod``, ``Stage``,
``Language``, … each with its own ``FromStr``): these ``Literal`` types only say
to a type checker which words the core accepts, and the ``TypedDict`` types
which keys a result has.

>>> from typing import get_args
>>> from hanke.types import Language
>>> get_args(Language)
('fi', 'sv', 'en')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypedDict

if TYPE_CHECKING:
    from hanke._native import Indicators

__all__ = [
    "Period",
    "Stage",
    "Language",
    "Severity",
    "Catalogue",
    "PortfolioBy",
    "Verification",
    "SpecificObjectiveDict",
    "PriorityDict",
    "ProgrammeDict",
    "MunicipalityDict",
    "RegionDict",
    "RowAccountDict",
    "TallyDict",
    "ExplanationDict",
    "ImportReportDict",
    "SheetSourceDict",
    "ListReportDict",
    "MergeSide",
    "ChangeDict",
    "FieldConflictDict",
    "DeleteVsEditConflictDict",
    "ExitVsReentryConflictDict",
    "ConflictDict",
    "SfcDifferenceDict",
    "SfcOperationDict",
]

#: A programme period's key (``hanke::programme::ProgrammePeriod::key``).
Period = Literal["2007-2013", "2014-2020", "2021-2027"]
#: A funding stage (``hanke::funding::Stage``).
Stage = Literal["planned", "granted", "realised"]
#: The language of a report, label or message (``hanke::lang::Language``).
Language = Literal["fi", "sv", "en"]
#: How serious a finding is (``hanke::finding::Severity``).
Severity = Literal["error", "warning", "info"]
#: An indicator catalogue (``hanke::indicator::Catalogue``).
Catalogue = Literal["esf_2014", "esf_plus", "esf_plus_most_deprived"]
#: A grouping of a EURA portfolio (``hanke::eura::PortfolioBy``).
PortfolioBy = Literal["priority_axis", "authority", "status"]
#: How far a catalogue fact is checked against its source.
Verification = Literal["verified", "partial", "unverified"]


class SpecificObjectiveDict(TypedDict):
    """A specific objective of a programme (``hanke.specific_objective``)."""

    code: str
    name_fi: str
    esf_plus_letter: str | None
    verification: Verification
    source: str


class PriorityDict(TypedDict):
    """A priority of a programme (``hanke.priority``)."""

    number: int
    name_fi: str
    fund: str
    specific_objectives: list[SpecificObjectiveDict]
    verification: Verification


class ProgrammeDict(TypedDict):
    """A structural-funds programme (``hanke.programme``)."""

    period: Period
    name_fi: str
    name_en: str
    cci: str
    priorities: list[PriorityDict]


class MunicipalityDict(TypedDict):
    """A municipality of the regional classification (``hanke.municipality``)."""

    code: str
    name_fi: str
    name_sv: str
    region: str
    region_name_fi: str | None
    sub_region: str
    sub_region_name_fi: str | None
    nuts3: str
    classification_year: int


class RegionDict(TypedDict):
    """A region of the regional classification (``hanke.region``)."""

    code: str
    name_fi: str
    name_sv: str
    nuts3: str
    municipalities: int
    classification_year: int


class RowAccountDict(TypedDict):
    """The account of an import's rows and lines, as every reader gives it
    (``hanke::csv_record::RowAccount``): rows read = accepted + rejected, and
    lines = the header + blank lines + the lines of every row (``balanced``)."""

    rows_read: int
    accepted: int
    rejected: int
    blank_lines: int
    lines: int
    record_lines: int
    balanced: bool


class SheetSourceDict(TypedDict):
    """Where in a workbook a participant list was read (``ImportReportDict.sheet``)."""

    sheet: str
    sheets: list[str]
    header_row: int
    rows_above_header: int


class ImportReportDict(RowAccountDict):
    """A participant import's report (``Participants.report``)."""

    ignored_columns: list[str]
    unnamed_columns: list[str]
    sheet: NotRequired[SheetSourceDict]
    encoding: Literal["utf-8", "windows-1252"]
    encoding_detected: bool
    period: Period
    period_inferred: bool


class ListReportDict(RowAccountDict):
    """A EURA project list's report (``ProjectList.report``)."""

    realigned: int
    padded: int
    unwrapped: int


class TallyDict(TypedDict):
    """Counts by gender with their total (``Indicators.get``, ``grand_total``)."""

    women: int
    men: int
    non_binary: int
    unknown: int
    total: int


class ExplanationDict(TypedDict):
    """One indicator explained down to its records (``Participants.explain``):
    the indicator's definition, the parameters applied, each record's outcome
    (by pseudonym or id, never an identity code), the value and a text."""

    period: Period
    catalogue: Catalogue
    indicator: dict[str, Any]
    cut_off: str | None
    parameters: dict[str, Any]
    records: list[dict[str, Any]]
    value: dict[str, int]
    text: str


#: A side of a three-way merge (``hanke::sync::Side``).
MergeSide = Literal["local", "remote"]


class ChangeDict(TypedDict):
    """One change of a synced record's audit trail (``SyncRecord.history``):
    the field, its old and new value, when (UTC), by whom (a role or a device,
    never a name) and under which form edition."""

    field: str
    old: str | None
    new: str | None
    at: str
    by: str
    form: str


class FieldConflictDict(TypedDict):
    """The same field changed differently on both sides of a merge."""

    kind: Literal["field"]
    field: str
    ancestor: str | None
    local: str | None
    remote: str | None


class DeleteVsEditConflictDict(TypedDict):
    """A record deleted on one side and edited on the other."""

    kind: Literal["delete_vs_edit"]
    deleted_on: MergeSide
    edited: list[str]


class ExitVsReentryConflictDict(TypedDict):
    """An exit on the very day of a re-entry on the other side."""

    kind: Literal["exit_vs_reentry"]
    exit_on: MergeSide
    exit_date: str
    reentry_date: str


#: A merge conflict (``MergeOutcome.conflicts``); ``kind`` tells which.
ConflictDict = FieldConflictDict | DeleteVsEditConflictDict | ExitVsReentryConflictDict


class SfcDifferenceDict(TypedDict):
    """A cell where two SFC2021 tables differ (``compare_sfc_tables``)."""

    priority: int
    specific_objective: str
    category_of_region: Literal["less developed", "transition", "more developed"]
    indicator: str
    gender: Literal["woman", "man", "non_binary"]
    expected: int | None
    actual: int | None


class SfcOperationDict(TypedDict):
    """One operation of a portfolio for ``sfc_tables``: its cell, its indicators
    (ESF+ catalogue, the table's cut-off; ``None``: no individual participants)
    and the output indicators its target group reports every participant under."""

    project_code: str
    priority: int
    specific_objective: str
    category_of_region: Literal["less developed", "transition", "more developed"]
    indicators: Indicators | None
    target_group: NotRequired[list[str]]
