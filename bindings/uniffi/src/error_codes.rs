// Generated from hanke::errors by crates/hanke-checks/tests/bindings.rs; do not edit.
// Regenerate with `HANKE_BLESS=1 cargo test -p hanke-checks --test bindings`.

//! The errors Kotlin and Swift see: one `HankeError` case per family of the
//! catalogue (`hanke::errors::Family`), each with its family's codes as an enum,
//! so that an app can `when`/`switch` over them exhaustively.

// The codes' descriptions are plain text (`role:<role>`), not HTML.
#![allow(rustdoc::invalid_html_tags)]

/// The codes of the money family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum MoneyCode {
    /// `money.empty`: The text was empty (after trimming white space and a currency sign).
    MoneyEmpty,
    /// `money.invalid_character`: The text held a character that has no place in an amount.
    MoneyInvalidCharacter,
    /// `money.bad_grouping`: Digits were grouped with spaces, but not in groups of three.
    MoneyBadGrouping,
    /// `money.sub_cent`: More than two decimals: hanke never rounds a parsed amount silently.
    MoneySubCent,
    /// `money.overflow`: The amount or a result of arithmetic does not fit in 64-bit cents.
    MoneyOverflow,
    /// `money.division_by_zero`: A ratio or rate was asked of a zero whole.
    MoneyDivisionByZero,
    /// `money.invalid_rate`: A rate with a negative value or a zero denominator.
    MoneyInvalidRate,
    /// `money.invalid_band`: A budget band whose lower bound is above its upper bound, or that is not a band.
    MoneyInvalidBand,
    /// `money.negative`: An amount that must not be negative was.
    MoneyNegative,
    /// `money.decimals`: Decimals asked of a percentage that hanke does not write: fewer than 0 or more than 30.
    MoneyDecimals,
}

/// The codes of the identifier family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum IdentifierCode {
    /// `business_id.format`: A business ID not of the form `NNNNNNN-T` (or the old `NNNNNN-T`).
    BusinessIdFormat,
    /// `business_id.check_digit`: A business ID whose check digit does not match its digits.
    BusinessIdCheckDigit,
    /// `business_id.remainder_one`: A business ID whose weighted sum leaves remainder 1: no such ID is issued.
    BusinessIdRemainderOne,
    /// `project_code.format`: A project code not of the form letter + five digits.
    ProjectCodeFormat,
    /// `hetu.length`: Not 11 characters after trimming.
    HetuLength,
    /// `hetu.date`: The first six characters are not a date that exists.
    HetuDate,
    /// `hetu.century_sign`: The seventh character is not a century sign (+ - Y X W V U A B C D E F).
    HetuCenturySign,
    /// `hetu.individual_number`: The individual number is not three digits in 002–999.
    HetuIndividualNumber,
    /// `hetu.temporary`: A temporary code (individual number 900–999) where only permanent ones are accepted.
    HetuTemporary,
    /// `hetu.check_character`: The check character does not match.
    HetuCheckCharacter,
    /// `email.invalid`: Not an e-mail address, in any of the forms public pages write them.
    EmailInvalid,
}

/// The codes of the choice family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ChoiceCode {
    /// `programme.period`: An unknown programme period (2007-2013, 2014-2020, 2021-2027).
    ProgrammePeriod,
    /// `funding.stage`: A funding stage other than planned, granted or realised.
    FundingStage,
    /// `programme.fund`: An unknown fund (ESR, ESR+, EAKR, JTF).
    ProgrammeFund,
    /// `indicator.catalogue`: An unknown indicator catalogue.
    IndicatorCatalogue,
    /// `report.language`: A language other than fi, sv or en.
    ReportLanguage,
    /// `programme.objective`: Not an ESF+ specific objective (a)–(l), or one hanke has no Annex I rules for ((m); 2014–2020).
    ProgrammeObjective,
    /// `rulebook.no_participant_rules`: The rulebook asked for has no participant rules (not an EU period).
    RulebookNoParticipantRules,
    /// `portfolio.by`: A portfolio grouping other than priority_axis, authority or status.
    PortfolioBy,
}

/// The codes of the classification family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ClassificationCode {
    /// `classify.unknown_year`: No regional classification is embedded for that year.
    ClassifyUnknownYear,
    /// `classify.invalid_code`: A code of the wrong form (e.g. a municipality code of four digits).
    ClassifyInvalidCode,
    /// `classify.embedded_data`: The embedded data could not be read (a defect in hanke, tested against).
    ClassifyEmbeddedData,
}

/// The codes of the period family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PeriodCode {
    /// `period.invalid_date`: Not a date in any accepted form.
    PeriodInvalidDate,
    /// `period.end_before_start`: The end comes before the start.
    PeriodEndBeforeStart,
    /// `period.no_entries`: No entry date to tell the programme period from.
    PeriodNoEntries,
    /// `period.ambiguous`: Every entry falls in the eligibility of both 2014–2020 and 2021–2027 (2021–2023): the period must be given.
    PeriodAmbiguous,
    /// `period.mixed`: Entries only one period holds beside entries only the other holds.
    PeriodMixed,
    /// `period.outside`: An entry outside the eligibility of every period hanke has rules for.
    PeriodOutside,
}

/// The codes of the json family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum JsonCode {
    /// `json.syntax`: The text is not JSON.
    JsonSyntax,
    /// `json.data`: JSON, but not a valid project: an unknown or missing field, a bad amount, an unknown code.
    JsonData,
    /// `json.eof`: The JSON text is cut short.
    JsonEof,
    /// `participant.json`: Participant records that are not valid JSON of the record form: a syntax error, an unknown or repeated field, a value that is not one of the field's.
    ParticipantJson,
    /// `sync_record.json`: A synced record that is not valid JSON of the sync form.
    SyncRecordJson,
    /// `indicator.json`: The JSON form of a computation could not be read (or written); the message names the field path.
    IndicatorJson,
    /// `activity.json`: An activity file that cannot be read.
    ActivityJson,
    /// `assessment.json`: The instrument's JSON cannot be read.
    AssessmentJson,
}

/// The codes of the participant family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ParticipantCode {
    /// `participant.invalid_id`: The record id is empty, longer than 32 bytes or holds control or invisible characters or < >.
    ParticipantInvalidId,
    /// `participant.id_is_identity_code`: The record id has the shape of a personal identity code: an id is shown in reports and messages, so it must not identify a person.
    ParticipantIdIsIdentityCode,
    /// `participant.unknown_exit_situation`: A text that is not an exit situation's code or Finnish name.
    ParticipantUnknownExitSituation,
    /// `sync.identity_code_not_pseudonymised`: An identity code was answered and no pseudonymiser was given; a record never holds the code.
    SyncIdentityCodeNotPseudonymised,
    /// `sync.pseudonym_mismatch`: The record's pseudonym is not the pseudonym of the identity code answered with it.
    SyncPseudonymMismatch,
    /// `sync.form_of_other_period`: A stamp's form edition belongs to another programme period than the record.
    SyncFormOfOtherPeriod,
    /// `sync.invalid_time`: A change time that is not an RFC 3339 time with its offset.
    SyncInvalidTime,
    /// `sync.invalid_source`: A change source that is not role:<role> or device:<id>.
    SyncInvalidSource,
    /// `sync.unknown_field`: A field that is not a column of the participant file, or the identity code.
    SyncUnknownField,
    /// `sync.answers_rejected`: Answers the participant reader refused; the findings say which and why.
    SyncAnswersRejected,
    /// `sync.deleted`: An edit of a deleted record.
    SyncDeleted,
    /// `sync.reentry_without_exit`: A re-entry on a record without an exit before the re-entry day.
    SyncReentryWithoutExit,
    /// `sync.different_records`: Versions of different records given to one merge.
    SyncDifferentRecords,
    /// `sync.unresolved`: A merge outcome taken as a record while conflicts are unresolved.
    SyncUnresolved,
    /// `sync.no_such_conflict`: A conflict index out of range or already resolved.
    SyncNoSuchConflict,
    /// `sync.invalid_side`: A side of a merge that is not local or remote.
    SyncInvalidSide,
    /// `form_version.invalid`: A form version that is not a programme period and an edition number, e.g. 2021-2027#2.
    FormVersionInvalid,
    /// `pseudonym.secret_too_short`: The secret is shorter than 16 bytes.
    PseudonymSecretTooShort,
    /// `pseudonym.invalid_text`: A pseudonym's text is not 64 hexadecimal digits.
    PseudonymInvalidText,
    /// `pseudonym.drop_without_secret`: Identity codes to be dropped once pseudonymised, without a secret to pseudonymise them with (they would have been kept).
    PseudonymDropWithoutSecret,
    /// `record.lock`: A participant record or merge is unavailable (a previous call panicked while holding it).
    RecordLock,
}

/// The codes of the import family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ImportCode {
    /// `columns.length_mismatch`: A column has another length than the entry dates.
    ColumnsLengthMismatch,
    /// `columns.bitmap_too_short`: A validity or value bitmap is shorter than its column.
    ColumnsBitmapTooShort,
    /// `columns.missing_entry_date`: A record has no entry date: without one a person is not a participant.
    ColumnsMissingEntryDate,
    /// `columns.invalid_value`: A value is not one of the column's values (e.g. a dictionary entry that is not a gender).
    ColumnsInvalidValue,
    /// `columns.date_out_of_range`: A date outside the dates hanke can represent.
    ColumnsDateOutOfRange,
    /// `columns.later_events`: A record with exit events after the exit day, which columns do not hold.
    ColumnsLaterEvents,
    /// `columns.unsupported_type`: A column's type cannot be read as the field (reading a table): a null, binary, list or struct column where values are expected.
    ColumnsUnsupportedType,
    /// `columns.missing_value`: A column present in the table has a row without a value a record must have (the participant id).
    ColumnsMissingValue,
    /// `columns.inconsistent`: Values of a row that contradict each other, as the record reader would refuse them.
    ColumnsInconsistent,
    /// `columns.same_person`: A row of a person an earlier row is of (the same identity code or pseudonym): the column path counts rows, so re-entries are merged first.
    ColumnsSamePerson,
    /// `import.unknown_column`: A header names a column the format does not have; its data would be lost.
    ImportUnknownColumn,
    /// `import.duplicate_column`: Two headers name the same column.
    ImportDuplicateColumn,
    /// `import.missing_column`: A required column is absent.
    ImportMissingColumn,
    /// `csv.empty`: The file has no header line.
    CsvEmpty,
    /// `csv.header`: The header cannot be read (bad quoting, not text in the file's encoding).
    CsvHeader,
    /// `csv.unicode_text`: The file is UTF-16 text (Excel's "Unicode text"), which hanke does not read: save it as CSV UTF-8.
    CsvUnicodeText,
    /// `import.encoding_mismatch`: A file named Windows-1252 that is UTF-8 with letters outside ASCII (read so, every letter would change).
    ImportEncodingMismatch,
    /// `import.workbook`: The bytes are not a workbook hanke reads (.xlsx, .xlsm, .xls, .ods), or the workbook is damaged.
    ImportWorkbook,
    /// `import.no_sheet`: The sheet asked for is not in the workbook.
    ImportNoSheet,
    /// `import.option_not_for_source`: An option given for a source it does not apply to: a sheet for a CSV file or a table, an encoding or a delimiter for a workbook or a table.
    ImportOptionNotForSource,
    /// `import.encoding`: An encoding hanke does not read (it reads utf-8 and windows-1252).
    ImportEncoding,
}

/// The codes of the eura family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum EuraCode {
    /// `eura_list.unknown_column`: A header names a column the list does not have; its data would be lost.
    EuraListUnknownColumn,
    /// `eura_list.duplicate_column`: Two headers name the same column.
    EuraListDuplicateColumn,
    /// `eura_list.missing_column`: A column of the list is absent.
    EuraListMissingColumn,
}

/// The codes of the indicator family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum IndicatorCode {
    /// `sfc.cut_off`: A cut-off that is not 30 June or 31 December.
    SfcCutOff,
    /// `sfc.objective`: A specific objective that is not a letter (a)-(m) of Reg. 2021/1057 Art 4(1) or ESO4.1-ESO4.13.
    SfcObjective,
    /// `sfc.catalogue`: An operation counted under another catalogue than ESF+'s.
    SfcCatalogue,
    /// `sfc.cut_off_mismatch`: An operation counted to another cut-off than the table's.
    SfcCutOffMismatch,
    /// `sfc.target_group`: A target-group flag on an indicator that is not an ESF+ participant output indicator.
    SfcTargetGroup,
    /// `sfc.placement`: A project without the period, priority, specific objective (with its Art 4(1) letter) or category of region its cell needs.
    SfcPlacement,
    /// `sfc.explain`: A cell that cannot be explained: an indicator not in the tables, another category of region, or an operation without its records.
    SfcExplain,
    /// `sfc.region`: A category of region that is not less developed, transition or more developed.
    SfcRegion,
    /// `sfc.kit`: A file of a conformance kit that cannot be read as the kit's (a participant file with rejected rows, bad JSON).
    SfcKit,
    /// `sfc.csv`: A table CSV that cannot be read (header, cell or number).
    SfcCsv,
    /// `indicator.period_mismatch`: The catalogue is of another programme period than the participant rules.
    IndicatorPeriodMismatch,
    /// `indicator.merge_mismatch`: The parts were computed with different catalogues, rules or cut-offs.
    IndicatorMergeMismatch,
    /// `indicator.not_explained`: The code names no indicator of the catalogue computed from participant records.
    IndicatorNotExplained,
}

/// The codes of the activity family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ActivityCode {
    /// `activity.feedback_scale`: The scale's bounds are reversed or the counts do not match its points.
    ActivityFeedbackScale,
    /// `activity.point_outside_scale`: A feedback answer outside the scale.
    ActivityPointOutsideScale,
    /// `activity.not_named`: A named attendee recorded at an activity counted by head count.
    ActivityNotNamed,
    /// `activity.index`: No activity at the index given.
    ActivityIndex,
    /// `activity.lock`: The activity log is unavailable (a previous call panicked while holding it).
    ActivityLock,
}

/// The codes of the assessment family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum AssessmentCode {
    /// `assessment.instrument`: The instrument is not usable (no areas, an empty area, repeated ids, a reversed scale).
    AssessmentInstrument,
    /// `assessment.other_instrument`: Answers to another instrument.
    AssessmentOtherInstrument,
    /// `assessment.unknown_item`: An answer to an item the instrument does not have.
    AssessmentUnknownItem,
    /// `assessment.out_of_scale`: An answer outside the scale.
    AssessmentOutOfScale,
    /// `assessment.overflow`: An exact mean or change is too large to hold in 64-bit integers.
    AssessmentOverflow,
}

/// The codes of the export family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ExportCode {
    /// `export.no_project_code`: The project has no code and no activity id was given; an IATI identifier ends with it.
    ExportNoProjectCode,
    /// `export.no_reporting_organisation`: No main implementer with a business ID; an IATI identifier starts with FI-PRO-<Y-tunnus>.
    ExportNoReportingOrganisation,
    /// `export.no_period`: The project has no period; an IATI activity requires its start and end.
    ExportNoPeriod,
    /// `export.xlsx`: Writing a workbook failed.
    ExportXlsx,
}

/// The codes of the argument family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ArgumentCode {
    /// `argument.date`: A date that is not a day of the years 0000 to 9999, the days every reader of hanke takes (LocalDate.MAX, LocalDate.of(-1, 1, 1)).
    ArgumentDate,
}

/// The codes of the io family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum IoCode {
    /// `json.io`: The JSON could not be read from its source.
    JsonIo,
    /// `sfc.io`: A file that cannot be opened or read.
    SfcIo,
    /// `csv.io`: Reading failed.
    CsvIo,
    /// `eura_list.open`: The file cannot be opened.
    EuraListOpen,
}

/// Errors of hanke, one case per family, with the typed code, the code's
/// stable text (`key`, as `docs/errors.md` lists it) and the core's message
/// (`reason`, since Kotlin exceptions own `message`), which never carries
/// an identity code.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum HankeError {
    /// An error of the money family.
    #[error("{reason}")]
    Money {
        /// The code.
        code: MoneyCode,
        /// The code's stable text, e.g. `money.sub_cent`.
        key: String, // echo-safe: a code of the catalogue, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
    /// An error of the identifier family.
    #[error("{reason}")]
    Identifier {
        /// The code.
        code: IdentifierCode,
        /// The code's stable text, e.g. `money.sub_cent`.
        key: String, // echo-safe: a code of the catalogue, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
    /// An error of the choice family.
    #[error("{reason}")]
    Choice {
        /// The code.
        code: ChoiceCode,
        /// The code's stable text, e.g. `money.sub_cent`.
        key: String, // echo-safe: a code of the catalogue, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
    /// An error of the classification family.
    #[error("{reason}")]
    Classification {
        /// The code.
        code: ClassificationCode,
        /// The code's stable text, e.g. `money.sub_cent`.
        key: String, // echo-safe: a code of the catalogue, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
    /// An error of the period family.
    #[error("{reason}")]
    Period {
        /// The code.
        code: PeriodCode,
        /// The code's stable text, e.g. `money.sub_cent`.
        key: String, // echo-safe: a code of the catalogue, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
    /// An error of the json family.
    #[error("{reason}")]
    Json {
        /// The code.
        code: JsonCode,
        /// The code's stable text, e.g. `money.sub_cent`.
        key: String, // echo-safe: a code of the catalogue, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
    /// An error of the participant family.
    #[error("{reason}")]
    Participant {
        /// The code.
        code: ParticipantCode,
        /// The code's stable text, e.g. `money.sub_cent`.
        key: String, // echo-safe: a code of the catalogue, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
    /// An error of the import family.
    #[error("{reason}")]
    Import {
        /// The code.
        code: ImportCode,
        /// The code's stable text, e.g. `money.sub_cent`.
        key: String, // echo-safe: a code of the catalogue, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
    /// An error of the eura family.
    #[error("{reason}")]
    Eura {
        /// The code.
        code: EuraCode,
        /// The code's stable text, e.g. `money.sub_cent`.
        key: String, // echo-safe: a code of the catalogue, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
    /// An error of the indicator family.
    #[error("{reason}")]
    Indicator {
        /// The code.
        code: IndicatorCode,
        /// The code's stable text, e.g. `money.sub_cent`.
        key: String, // echo-safe: a code of the catalogue, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
    /// An error of the activity family.
    #[error("{reason}")]
    Activity {
        /// The code.
        code: ActivityCode,
        /// The code's stable text, e.g. `money.sub_cent`.
        key: String, // echo-safe: a code of the catalogue, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
    /// An error of the assessment family.
    #[error("{reason}")]
    Assessment {
        /// The code.
        code: AssessmentCode,
        /// The code's stable text, e.g. `money.sub_cent`.
        key: String, // echo-safe: a code of the catalogue, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
    /// An error of the export family.
    #[error("{reason}")]
    Export {
        /// The code.
        code: ExportCode,
        /// The code's stable text, e.g. `money.sub_cent`.
        key: String, // echo-safe: a code of the catalogue, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
    /// An error of the argument family.
    #[error("{reason}")]
    Argument {
        /// The code.
        code: ArgumentCode,
        /// The code's stable text, e.g. `money.sub_cent`.
        key: String, // echo-safe: a code of the catalogue, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
    /// An error of the io family.
    #[error("{reason}")]
    Io {
        /// The code.
        code: IoCode,
        /// The code's stable text, e.g. `money.sub_cent`.
        key: String, // echo-safe: a code of the catalogue, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
    /// A code in no family. Never raised: the catalogue tests hold every
    /// code this binding raises to a family (`crates/hanke-checks`).
    #[error("{reason}")]
    Unlisted {
        /// The code's text.
        key: String, // echo-safe: a code, never user text
        /// The core's message.
        reason: String, // echo-safe: made only by `invalid`, which masks it
    },
}

impl HankeError {
    /// The error of `code` with `reason` (already masked); a code in no
    /// family is `Unlisted` (the catalogue tests keep every raised code in one).
    pub(crate) fn coded(code: &str, reason: String) -> HankeError {
        let key = code.to_string();
        match code {
            "money.empty" => HankeError::Money { code: MoneyCode::MoneyEmpty, key, reason },
            "money.invalid_character" => HankeError::Money { code: MoneyCode::MoneyInvalidCharacter, key, reason },
            "money.bad_grouping" => HankeError::Money { code: MoneyCode::MoneyBadGrouping, key, reason },
            "money.sub_cent" => HankeError::Money { code: MoneyCode::MoneySubCent, key, reason },
            "money.overflow" => HankeError::Money { code: MoneyCode::MoneyOverflow, key, reason },
            "money.division_by_zero" => HankeError::Money { code: MoneyCode::MoneyDivisionByZero, key, reason },
            "money.invalid_rate" => HankeError::Money { code: MoneyCode::MoneyInvalidRate, key, reason },
            "money.invalid_band" => HankeError::Money { code: MoneyCode::MoneyInvalidBand, key, reason },
            "money.negative" => HankeError::Money { code: MoneyCode::MoneyNegative, key, reason },
            "money.decimals" => HankeError::Money { code: MoneyCode::MoneyDecimals, key, reason },
            "business_id.format" => HankeError::Identifier { code: IdentifierCode::BusinessIdFormat, key, reason },
            "business_id.check_digit" => HankeError::Identifier { code: IdentifierCode::BusinessIdCheckDigit, key, reason },
            "business_id.remainder_one" => HankeError::Identifier { code: IdentifierCode::BusinessIdRemainderOne, key, reason },
            "project_code.format" => HankeError::Identifier { code: IdentifierCode::ProjectCodeFormat, key, reason },
            "hetu.length" => HankeError::Identifier { code: IdentifierCode::HetuLength, key, reason },
            "hetu.date" => HankeError::Identifier { code: IdentifierCode::HetuDate, key, reason },
            "hetu.century_sign" => HankeError::Identifier { code: IdentifierCode::HetuCenturySign, key, reason },
            "hetu.individual_number" => HankeError::Identifier { code: IdentifierCode::HetuIndividualNumber, key, reason },
            "hetu.temporary" => HankeError::Identifier { code: IdentifierCode::HetuTemporary, key, reason },
            "hetu.check_character" => HankeError::Identifier { code: IdentifierCode::HetuCheckCharacter, key, reason },
            "email.invalid" => HankeError::Identifier { code: IdentifierCode::EmailInvalid, key, reason },
            "programme.period" => HankeError::Choice { code: ChoiceCode::ProgrammePeriod, key, reason },
            "funding.stage" => HankeError::Choice { code: ChoiceCode::FundingStage, key, reason },
            "programme.fund" => HankeError::Choice { code: ChoiceCode::ProgrammeFund, key, reason },
            "indicator.catalogue" => HankeError::Choice { code: ChoiceCode::IndicatorCatalogue, key, reason },
            "report.language" => HankeError::Choice { code: ChoiceCode::ReportLanguage, key, reason },
            "programme.objective" => HankeError::Choice { code: ChoiceCode::ProgrammeObjective, key, reason },
            "rulebook.no_participant_rules" => HankeError::Choice { code: ChoiceCode::RulebookNoParticipantRules, key, reason },
            "portfolio.by" => HankeError::Choice { code: ChoiceCode::PortfolioBy, key, reason },
            "classify.unknown_year" => HankeError::Classification { code: ClassificationCode::ClassifyUnknownYear, key, reason },
            "classify.invalid_code" => HankeError::Classification { code: ClassificationCode::ClassifyInvalidCode, key, reason },
            "classify.embedded_data" => HankeError::Classification { code: ClassificationCode::ClassifyEmbeddedData, key, reason },
            "period.invalid_date" => HankeError::Period { code: PeriodCode::PeriodInvalidDate, key, reason },
            "period.end_before_start" => HankeError::Period { code: PeriodCode::PeriodEndBeforeStart, key, reason },
            "period.no_entries" => HankeError::Period { code: PeriodCode::PeriodNoEntries, key, reason },
            "period.ambiguous" => HankeError::Period { code: PeriodCode::PeriodAmbiguous, key, reason },
            "period.mixed" => HankeError::Period { code: PeriodCode::PeriodMixed, key, reason },
            "period.outside" => HankeError::Period { code: PeriodCode::PeriodOutside, key, reason },
            "json.syntax" => HankeError::Json { code: JsonCode::JsonSyntax, key, reason },
            "json.data" => HankeError::Json { code: JsonCode::JsonData, key, reason },
            "json.eof" => HankeError::Json { code: JsonCode::JsonEof, key, reason },
            "participant.json" => HankeError::Json { code: JsonCode::ParticipantJson, key, reason },
            "sync_record.json" => HankeError::Json { code: JsonCode::SyncRecordJson, key, reason },
            "indicator.json" => HankeError::Json { code: JsonCode::IndicatorJson, key, reason },
            "activity.json" => HankeError::Json { code: JsonCode::ActivityJson, key, reason },
            "assessment.json" => HankeError::Json { code: JsonCode::AssessmentJson, key, reason },
            "participant.invalid_id" => HankeError::Participant { code: ParticipantCode::ParticipantInvalidId, key, reason },
            "participant.id_is_identity_code" => HankeError::Participant { code: ParticipantCode::ParticipantIdIsIdentityCode, key, reason },
            "participant.unknown_exit_situation" => HankeError::Participant { code: ParticipantCode::ParticipantUnknownExitSituation, key, reason },
            "sync.identity_code_not_pseudonymised" => HankeError::Participant { code: ParticipantCode::SyncIdentityCodeNotPseudonymised, key, reason },
            "sync.pseudonym_mismatch" => HankeError::Participant { code: ParticipantCode::SyncPseudonymMismatch, key, reason },
            "sync.form_of_other_period" => HankeError::Participant { code: ParticipantCode::SyncFormOfOtherPeriod, key, reason },
            "sync.invalid_time" => HankeError::Participant { code: ParticipantCode::SyncInvalidTime, key, reason },
            "sync.invalid_source" => HankeError::Participant { code: ParticipantCode::SyncInvalidSource, key, reason },
            "sync.unknown_field" => HankeError::Participant { code: ParticipantCode::SyncUnknownField, key, reason },
            "sync.answers_rejected" => HankeError::Participant { code: ParticipantCode::SyncAnswersRejected, key, reason },
            "sync.deleted" => HankeError::Participant { code: ParticipantCode::SyncDeleted, key, reason },
            "sync.reentry_without_exit" => HankeError::Participant { code: ParticipantCode::SyncReentryWithoutExit, key, reason },
            "sync.different_records" => HankeError::Participant { code: ParticipantCode::SyncDifferentRecords, key, reason },
            "sync.unresolved" => HankeError::Participant { code: ParticipantCode::SyncUnresolved, key, reason },
            "sync.no_such_conflict" => HankeError::Participant { code: ParticipantCode::SyncNoSuchConflict, key, reason },
            "sync.invalid_side" => HankeError::Participant { code: ParticipantCode::SyncInvalidSide, key, reason },
            "form_version.invalid" => HankeError::Participant { code: ParticipantCode::FormVersionInvalid, key, reason },
            "pseudonym.secret_too_short" => HankeError::Participant { code: ParticipantCode::PseudonymSecretTooShort, key, reason },
            "pseudonym.invalid_text" => HankeError::Participant { code: ParticipantCode::PseudonymInvalidText, key, reason },
            "pseudonym.drop_without_secret" => HankeError::Participant { code: ParticipantCode::PseudonymDropWithoutSecret, key, reason },
            "record.lock" => HankeError::Participant { code: ParticipantCode::RecordLock, key, reason },
            "columns.length_mismatch" => HankeError::Import { code: ImportCode::ColumnsLengthMismatch, key, reason },
            "columns.bitmap_too_short" => HankeError::Import { code: ImportCode::ColumnsBitmapTooShort, key, reason },
            "columns.missing_entry_date" => HankeError::Import { code: ImportCode::ColumnsMissingEntryDate, key, reason },
            "columns.invalid_value" => HankeError::Import { code: ImportCode::ColumnsInvalidValue, key, reason },
            "columns.date_out_of_range" => HankeError::Import { code: ImportCode::ColumnsDateOutOfRange, key, reason },
            "columns.later_events" => HankeError::Import { code: ImportCode::ColumnsLaterEvents, key, reason },
            "columns.unsupported_type" => HankeError::Import { code: ImportCode::ColumnsUnsupportedType, key, reason },
            "columns.missing_value" => HankeError::Import { code: ImportCode::ColumnsMissingValue, key, reason },
            "columns.inconsistent" => HankeError::Import { code: ImportCode::ColumnsInconsistent, key, reason },
            "columns.same_person" => HankeError::Import { code: ImportCode::ColumnsSamePerson, key, reason },
            "import.unknown_column" => HankeError::Import { code: ImportCode::ImportUnknownColumn, key, reason },
            "import.duplicate_column" => HankeError::Import { code: ImportCode::ImportDuplicateColumn, key, reason },
            "import.missing_column" => HankeError::Import { code: ImportCode::ImportMissingColumn, key, reason },
            "csv.empty" => HankeError::Import { code: ImportCode::CsvEmpty, key, reason },
            "csv.header" => HankeError::Import { code: ImportCode::CsvHeader, key, reason },
            "csv.unicode_text" => HankeError::Import { code: ImportCode::CsvUnicodeText, key, reason },
            "import.encoding_mismatch" => HankeError::Import { code: ImportCode::ImportEncodingMismatch, key, reason },
            "import.workbook" => HankeError::Import { code: ImportCode::ImportWorkbook, key, reason },
            "import.no_sheet" => HankeError::Import { code: ImportCode::ImportNoSheet, key, reason },
            "import.option_not_for_source" => HankeError::Import { code: ImportCode::ImportOptionNotForSource, key, reason },
            "import.encoding" => HankeError::Import { code: ImportCode::ImportEncoding, key, reason },
            "eura_list.unknown_column" => HankeError::Eura { code: EuraCode::EuraListUnknownColumn, key, reason },
            "eura_list.duplicate_column" => HankeError::Eura { code: EuraCode::EuraListDuplicateColumn, key, reason },
            "eura_list.missing_column" => HankeError::Eura { code: EuraCode::EuraListMissingColumn, key, reason },
            "sfc.cut_off" => HankeError::Indicator { code: IndicatorCode::SfcCutOff, key, reason },
            "sfc.objective" => HankeError::Indicator { code: IndicatorCode::SfcObjective, key, reason },
            "sfc.catalogue" => HankeError::Indicator { code: IndicatorCode::SfcCatalogue, key, reason },
            "sfc.cut_off_mismatch" => HankeError::Indicator { code: IndicatorCode::SfcCutOffMismatch, key, reason },
            "sfc.target_group" => HankeError::Indicator { code: IndicatorCode::SfcTargetGroup, key, reason },
            "sfc.placement" => HankeError::Indicator { code: IndicatorCode::SfcPlacement, key, reason },
            "sfc.explain" => HankeError::Indicator { code: IndicatorCode::SfcExplain, key, reason },
            "sfc.region" => HankeError::Indicator { code: IndicatorCode::SfcRegion, key, reason },
            "sfc.kit" => HankeError::Indicator { code: IndicatorCode::SfcKit, key, reason },
            "sfc.csv" => HankeError::Indicator { code: IndicatorCode::SfcCsv, key, reason },
            "indicator.period_mismatch" => HankeError::Indicator { code: IndicatorCode::IndicatorPeriodMismatch, key, reason },
            "indicator.merge_mismatch" => HankeError::Indicator { code: IndicatorCode::IndicatorMergeMismatch, key, reason },
            "indicator.not_explained" => HankeError::Indicator { code: IndicatorCode::IndicatorNotExplained, key, reason },
            "activity.feedback_scale" => HankeError::Activity { code: ActivityCode::ActivityFeedbackScale, key, reason },
            "activity.point_outside_scale" => HankeError::Activity { code: ActivityCode::ActivityPointOutsideScale, key, reason },
            "activity.not_named" => HankeError::Activity { code: ActivityCode::ActivityNotNamed, key, reason },
            "activity.index" => HankeError::Activity { code: ActivityCode::ActivityIndex, key, reason },
            "activity.lock" => HankeError::Activity { code: ActivityCode::ActivityLock, key, reason },
            "assessment.instrument" => HankeError::Assessment { code: AssessmentCode::AssessmentInstrument, key, reason },
            "assessment.other_instrument" => HankeError::Assessment { code: AssessmentCode::AssessmentOtherInstrument, key, reason },
            "assessment.unknown_item" => HankeError::Assessment { code: AssessmentCode::AssessmentUnknownItem, key, reason },
            "assessment.out_of_scale" => HankeError::Assessment { code: AssessmentCode::AssessmentOutOfScale, key, reason },
            "assessment.overflow" => HankeError::Assessment { code: AssessmentCode::AssessmentOverflow, key, reason },
            "export.no_project_code" => HankeError::Export { code: ExportCode::ExportNoProjectCode, key, reason },
            "export.no_reporting_organisation" => HankeError::Export { code: ExportCode::ExportNoReportingOrganisation, key, reason },
            "export.no_period" => HankeError::Export { code: ExportCode::ExportNoPeriod, key, reason },
            "export.xlsx" => HankeError::Export { code: ExportCode::ExportXlsx, key, reason },
            "argument.date" => HankeError::Argument { code: ArgumentCode::ArgumentDate, key, reason },
            "json.io" => HankeError::Io { code: IoCode::JsonIo, key, reason },
            "sfc.io" => HankeError::Io { code: IoCode::SfcIo, key, reason },
            "csv.io" => HankeError::Io { code: IoCode::CsvIo, key, reason },
            "eura_list.open" => HankeError::Io { code: IoCode::EuraListOpen, key, reason },
            _ => HankeError::Unlisted { key, reason },
        }
    }
}
