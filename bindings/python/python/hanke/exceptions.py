"""The exceptions of hanke — one class per family of the core's error catalogue.

Every exception carries the core's stable ``code`` (e.g. ``"money.sub_cent"``),
typed per family as a ``Literal`` (``MoneyCode``, ``IdentifierCode``, …), and
the core's message, which never holds an identity code. The class is chosen
from the code, in one place (the binding's funnel), so the same failure raises
the same class whichever function met it. Errors about input that cannot be
read also subclass :class:`ValueError` (through :class:`ValidationError`), so
``except ValueError`` keeps working in code that does not know hanke.

>>> import hanke
>>> from hanke.exceptions import MoneyError
>>> try:
...     hanke.Money("1.505")
... except MoneyError as e:
...     (e.code, e.family)
('money.sub_cent', 'Money')
"""

from __future__ import annotations

from typing import ClassVar, Literal, get_args

__all__ = [
    "HankeError",
    "ValidationError",
    "MoneyError",
    "IdentifierError",
    "ChoiceError",
    "ClassificationError",
    "PeriodError",
    "JsonError",
    "ParticipantError",
    "CsvImportError",
    "EuraError",
    "IndicatorError",
    "ActivityError",
    "AssessmentError",
    "ExportError",
    "ArgumentError",
    "HankeIOError",
    "MoneyCode",
    "IdentifierCode",
    "ChoiceCode",
    "ClassificationCode",
    "PeriodCode",
    "JsonCode",
    "ParticipantCode",
    "ImportCode",
    "EuraCode",
    "IndicatorCode",
    "ActivityCode",
    "AssessmentCode",
    "ExportCode",
    "ArgumentCode",
    "IoCode",
    "class_for",
]

# --- generated from hanke::errors by crates/hanke-checks/tests/bindings.rs; do not edit ---
MoneyCode = Literal[
    "money.empty",
    "money.invalid_character",
    "money.bad_grouping",
    "money.sub_cent",
    "money.overflow",
    "money.division_by_zero",
    "money.invalid_rate",
    "money.invalid_band",
    "money.negative",
    "money.decimals",
]
IdentifierCode = Literal[
    "business_id.format",
    "business_id.check_digit",
    "business_id.remainder_one",
    "project_code.format",
    "hetu.length",
    "hetu.date",
    "hetu.century_sign",
    "hetu.individual_number",
    "hetu.temporary",
    "hetu.check_character",
    "email.invalid",
]
ChoiceCode = Literal[
    "programme.period",
    "funding.stage",
    "programme.fund",
    "indicator.catalogue",
    "report.language",
    "programme.objective",
    "rulebook.no_participant_rules",
    "portfolio.by",
    "programme.unknown",
]
ClassificationCode = Literal[
    "classify.unknown_year",
    "classify.invalid_code",
    "classify.embedded_data",
]
PeriodCode = Literal[
    "period.invalid_date",
    "period.end_before_start",
    "period.no_entries",
    "period.ambiguous",
    "period.mixed",
    "period.outside",
]
JsonCode = Literal[
    "json.syntax",
    "json.data",
    "json.eof",
    "participant.json",
    "sync_record.json",
    "indicator.json",
    "activity.json",
    "assessment.json",
]
ParticipantCode = Literal[
    "participant.invalid_id",
    "participant.id_is_identity_code",
    "participant.unknown_exit_situation",
    "sync.identity_code_not_pseudonymised",
    "sync.pseudonym_mismatch",
    "sync.form_of_other_period",
    "sync.invalid_time",
    "sync.invalid_source",
    "sync.unknown_field",
    "sync.answers_rejected",
    "sync.deleted",
    "sync.reentry_without_exit",
    "sync.different_records",
    "sync.unresolved",
    "sync.no_such_conflict",
    "sync.invalid_side",
    "form_version.invalid",
    "pseudonym.secret_too_short",
    "pseudonym.invalid_text",
    "pseudonym.drop_without_secret",
]
ImportCode = Literal[
    "columns.length_mismatch",
    "columns.bitmap_too_short",
    "columns.missing_entry_date",
    "columns.invalid_value",
    "columns.date_out_of_range",
    "columns.later_events",
    "columns.unsupported_type",
    "columns.missing_value",
    "columns.inconsistent",
    "columns.same_person",
    "import.unknown_column",
    "import.duplicate_column",
    "import.missing_column",
    "csv.empty",
    "csv.header",
    "csv.unicode_text",
    "import.encoding_mismatch",
    "import.workbook",
    "import.no_sheet",
    "import.option_not_for_source",
    "import.encoding",
    "import.arrow",
    "table.arrow",
    "table.shape",
]
EuraCode = Literal[
    "eura_list.unknown_column",
    "eura_list.duplicate_column",
    "eura_list.missing_column",
]
IndicatorCode = Literal[
    "sfc.cut_off",
    "sfc.objective",
    "sfc.catalogue",
    "sfc.cut_off_mismatch",
    "sfc.target_group",
    "sfc.placement",
    "sfc.explain",
    "sfc.region",
    "sfc.kit",
    "sfc.csv",
    "indicator.period_mismatch",
    "indicator.merge_mismatch",
    "indicator.not_explained",
]
ActivityCode = Literal[
    "activity.feedback_scale",
    "activity.point_outside_scale",
    "activity.not_named",
]
AssessmentCode = Literal[
    "assessment.instrument",
    "assessment.other_instrument",
    "assessment.unknown_item",
    "assessment.out_of_scale",
    "assessment.overflow",
]
ExportCode = Literal[
    "export.no_project_code",
    "export.no_reporting_organisation",
    "export.no_period",
    "export.xlsx",
]
ArgumentCode = Literal[
    "money.type",
    "money.float",
    "argument.type",
    "argument.range",
]
IoCode = Literal[
    "json.io",
    "sfc.io",
    "csv.io",
    "eura_list.open",
    "io.open",
]

_FAMILY_CODES: dict[str, tuple[str, ...]] = {
    "Money": get_args(MoneyCode),
    "Identifier": get_args(IdentifierCode),
    "Choice": get_args(ChoiceCode),
    "Classification": get_args(ClassificationCode),
    "Period": get_args(PeriodCode),
    "Json": get_args(JsonCode),
    "Participant": get_args(ParticipantCode),
    "Import": get_args(ImportCode),
    "Eura": get_args(EuraCode),
    "Indicator": get_args(IndicatorCode),
    "Activity": get_args(ActivityCode),
    "Assessment": get_args(AssessmentCode),
    "Export": get_args(ExportCode),
    "Argument": get_args(ArgumentCode),
    "Io": get_args(IoCode),
}
# --- end generated ---


class HankeError(Exception):
    """Base class of every error hanke raises.

    ``code`` is the stable code of the core's catalogue (``docs/errors.md``);
    ``family`` names the class's family; ``codes`` lists the family's codes.

    >>> issubclass(ValidationError, HankeError)
    True
    """

    family: ClassVar[str] = ""
    codes: ClassVar[tuple[str, ...]] = ()
    code: str

    def __init__(self, message: str, code: str = "hanke.error") -> None:
        super().__init__(message)
        self.code = code


class ValidationError(HankeError, ValueError):
    """Input that cannot be read as given: money, an identifier, a word of a
    closed set, a date, a document, a file's contents. Never echoes a full
    identity code.

    >>> issubclass(ValidationError, ValueError)
    True
    """


def _family(name: str) -> tuple[str, tuple[str, ...]]:
    return name, _FAMILY_CODES[name]


class MoneyError(ValidationError):
    """An amount, a rate or a budget band that cannot be read or computed."""

    family, codes = _family("Money")
    code: MoneyCode


class IdentifierError(ValidationError):
    """A business ID, a project code, an identity code or an e-mail address
    that is not valid."""

    family, codes = _family("Identifier")
    code: IdentifierCode


class ChoiceError(ValidationError):
    """A word outside a closed set: a programme period, a stage, a fund, a
    catalogue, a language, a portfolio grouping, a specific objective."""

    family, codes = _family("Choice")
    code: ChoiceCode


class ClassificationError(ValidationError):
    """A municipality, region or education code that is not in the
    classification."""

    family, codes = _family("Classification")
    code: ClassificationCode


class PeriodError(ValidationError):
    """A project period, or a date no programme period covers."""

    family, codes = _family("Period")
    code: PeriodCode


class JsonError(ValidationError):
    """JSON that is not a valid hanke document — a project, participants, an
    activity log, indicators, an assessment: the same class whichever reader
    met it; the message names the field path, line and column."""

    family, codes = _family("Json")
    code: JsonCode


class ParticipantError(ValidationError):
    """A participant id, pseudonym or exit situation that cannot be read."""

    family, codes = _family("Participant")
    code: ParticipantCode


class CsvImportError(ValidationError):
    """A participant file or table that cannot be read at all (a header that
    would lose data, an unknown encoding, columns of the wrong type). Rows that
    cannot be read are not errors: they are rejected and listed in the import
    report."""

    family, codes = _family("Import")
    code: ImportCode


class EuraError(CsvImportError):
    """A EURA project list that cannot be read (a CSV import, so also a
    :class:`CsvImportError`)."""

    family, codes = _family("Eura")
    code: EuraCode


class IndicatorError(HankeError):
    """Indicator sets that cannot be combined or explained, or an indicator
    document that cannot be read."""

    family, codes = _family("Indicator")
    code: IndicatorCode


class ActivityError(ValidationError):
    """An activity log or an entry of it that cannot be read or recorded."""

    family, codes = _family("Activity")
    code: ActivityCode


class AssessmentError(ValidationError):
    """A self-assessment instrument or response that cannot be read."""

    family, codes = _family("Assessment")
    code: AssessmentCode


class ExportError(ValidationError):
    """A project that cannot be exported (IATI, Kohesio)."""

    family, codes = _family("Export")
    code: ExportCode


class ArgumentError(ValidationError, TypeError):
    """An argument of a type or range hanke does not take (a ``float`` for
    money, a negative count, a non-Arrow table)."""

    family, codes = _family("Argument")
    code: ArgumentCode


class HankeIOError(HankeError, OSError):
    """A file that cannot be opened or read.

    >>> issubclass(HankeIOError, OSError)
    True
    """

    family, codes = _family("Io")
    code: IoCode


_CLASSES: dict[str, type[HankeError]] = {
    c.family: c
    for c in (
        MoneyError,
        IdentifierError,
        ChoiceError,
        ClassificationError,
        PeriodError,
        JsonError,
        ParticipantError,
        CsvImportError,
        EuraError,
        IndicatorError,
        ActivityError,
        AssessmentError,
        ExportError,
        ArgumentError,
        HankeIOError,
    )
}


def class_for(family: str) -> type[HankeError]:
    """The exception class of a family of the catalogue (the binding's funnel
    raises through this).

    >>> class_for("Money").__name__
    'MoneyError'
    """
    return _CLASSES[family]
