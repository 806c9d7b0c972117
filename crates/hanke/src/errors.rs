//! The catalogue of stable error codes — *virhekoodit* — and of finding rules.
//!
//! Every error hanke returns has a [`code`](crate::MoneyError::code) such as
//! `money.sub_cent`; every finding a check reports has a rule id such as
//! `FIN-SUM-001` ([`crate::errors::all_rules`]). Both are stable across
//! releases: a code keeps its meaning, is never reused, and is removed only in
//! a breaking release (ADR 0014). The Python exceptions carry the same codes in
//! `.code`, the Kotlin and Swift errors in `code`.
//!
//! The lists are built from the code itself — each error type's `CODES` comes
//! from the same table as its `code()` match — and `docs/errors.md` is
//! [`to_markdown`]'s output, kept equal by a test.
//!
//! ```
//! let codes: Vec<&str> = hanke::errors::ERRORS
//!     .iter()
//!     .flat_map(|e| e.codes.iter().map(|c| c.code))
//!     .collect();
//! assert!(codes.contains(&"money.sub_cent"));
//! assert!(codes.contains(&"hetu.check_character"));
//! ```

use std::fmt::Write as _;

use crate::finding::Rule;

pub use crate::error_code::ErrorCode;

/// The family of an error — *virheperhe*: what the bindings raise it as
/// (a Python exception class under `HankeError`, a Kotlin `HankeException`
/// subclass and a Swift `HankeError` case, each with the family's typed
/// codes). Every error type of the core belongs to one family, and so does
/// every code a binding raises itself; the families are the bindings'
/// exception hierarchy, decided here once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// Amounts, rates and budget bands (`money.*`).
    Money,
    /// Identifiers: business IDs, project codes, identity codes, e-mail addresses.
    Identifier,
    /// A word outside a closed set: a period, a stage, a language, a fund.
    Choice,
    /// Codes of the classifications (municipalities, regions, education).
    Classification,
    /// Project periods and the programme period a date falls in.
    Period,
    /// JSON documents of projects and participants.
    Json,
    /// Participant records, their ids and pseudonyms.
    Participant,
    /// Participant files and tables: headers, encodings, columns.
    Import,
    /// EURA project lists.
    Eura,
    /// Common indicators: combining and explaining them.
    Indicator,
    /// Activity logs.
    Activity,
    /// Self-assessment instruments and responses.
    Assessment,
    /// Exports to IATI and Kohesio.
    Export,
    /// A binding's argument of a type or range the core never sees.
    Argument,
    /// A file that cannot be opened or read.
    Io,
}

impl Family {
    /// Every family, in catalogue order.
    pub const ALL: [Family; 15] = [
        Family::Money,
        Family::Identifier,
        Family::Choice,
        Family::Classification,
        Family::Period,
        Family::Json,
        Family::Participant,
        Family::Import,
        Family::Eura,
        Family::Indicator,
        Family::Activity,
        Family::Assessment,
        Family::Export,
        Family::Argument,
        Family::Io,
    ];

    /// The family's name, `Money` … `Io`: the bindings name their classes
    /// after it (`MoneyError`, `HankeException.Money`).
    pub const fn name(self) -> &'static str {
        match self {
            Family::Money => "Money",
            Family::Identifier => "Identifier",
            Family::Choice => "Choice",
            Family::Classification => "Classification",
            Family::Period => "Period",
            Family::Json => "Json",
            Family::Participant => "Participant",
            Family::Import => "Import",
            Family::Eura => "Eura",
            Family::Indicator => "Indicator",
            Family::Activity => "Activity",
            Family::Assessment => "Assessment",
            Family::Export => "Export",
            Family::Argument => "Argument",
            Family::Io => "Io",
        }
    }

    /// Whether the family is about input that cannot be read as given (a
    /// Python `ValueError`); the others are about work that cannot be done.
    pub const fn is_bad_input(self) -> bool {
        !matches!(self, Family::Indicator | Family::Io)
    }
}

/// The family of a core code, `None` for a code that is not the core's: its
/// error type's, except that the same failure is one family whichever reader
/// met it: JSON that cannot be read (`*.json`: `activity.json`,
/// `indicator.json`, …) is [`Family::Json`], and a failure to open or read a
/// file (`*.open`, `*.io`) is [`Family::Io`].
///
/// ```
/// use hanke::errors::{Family, family_of};
/// assert_eq!(family_of("money.sub_cent"), Some(Family::Money));
/// assert_eq!(family_of("hetu.check_character"), Some(Family::Identifier));
/// assert_eq!(family_of("csv.io"), Some(Family::Io));
/// assert_eq!(family_of("activity.json"), Some(Family::Json));
/// assert_eq!(family_of("nothing.here"), None);
/// ```
pub fn family_of(code: &str) -> Option<Family> {
    let e = ERRORS
        .iter()
        .find(|e| e.codes.iter().any(|c| c.code == code))?;
    Some(match code.rsplit_once('.').map(|(_, reason)| reason) {
        Some("io" | "open") => Family::Io,
        Some("json") => Family::Json,
        _ => e.family,
    })
}

/// An error type and its codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorType {
    /// The type's path, e.g. `hanke::MoneyError`.
    pub name: &'static str,
    /// The family it is raised as in the bindings.
    pub family: Family,
    /// What raises it.
    pub raised_by: &'static str,
    /// Its codes.
    pub codes: &'static [ErrorCode],
}

/// Every error type of the core with its codes.
pub const ERRORS: &[ErrorType] = &[
    ErrorType {
        name: "hanke::MoneyError",
        family: Family::Money,
        raised_by: "amounts, rates and budget bands: parsing and arithmetic",
        codes: crate::money::MoneyError::CODES,
    },
    ErrorType {
        name: "hanke::IdError",
        family: Family::Identifier,
        raised_by: "business IDs (Y-tunnus) and project codes",
        codes: crate::ids::IdError::CODES,
    },
    ErrorType {
        name: "hanke::ids::HetuError",
        family: Family::Identifier,
        raised_by: "personal identity codes (henkilötunnus); no code's text ever appears in an error",
        codes: crate::ids::HetuError::CODES,
    },
    ErrorType {
        name: "hanke::choice::ChoiceError",
        family: Family::Choice,
        raised_by: "words naming one of a closed set: a programme period, a funding stage, a fund, a catalogue, a report language, a portfolio grouping",
        codes: crate::choice::ChoiceError::CODES,
    },
    ErrorType {
        name: "hanke::classify::ClassifyError",
        family: Family::Classification,
        raised_by: "Statistics Finland classifications",
        codes: crate::classify::ClassifyError::CODES,
    },
    ErrorType {
        name: "hanke::org::EmailError",
        family: Family::Identifier,
        raised_by: "e-mail addresses",
        codes: crate::org::EmailError::CODES,
    },
    ErrorType {
        name: "hanke::project::PeriodError",
        family: Family::Period,
        raised_by: "dates and project periods",
        codes: crate::project::PeriodError::CODES,
    },
    ErrorType {
        name: "hanke::project::JsonError",
        family: Family::Json,
        raised_by: "project files (JSON)",
        codes: crate::project::JsonError::CODES,
    },
    ErrorType {
        name: "hanke::export::ExportError",
        family: Family::Export,
        raised_by: "open-data exports (IATI)",
        codes: crate::export::ExportError::CODES,
    },
    ErrorType {
        name: "hanke::participant::ParticipantError",
        family: Family::Participant,
        raised_by: "participant ids",
        codes: crate::participant::ParticipantError::CODES,
    },
    ErrorType {
        name: "hanke::participant::ParticipantJsonError",
        family: Family::Json,
        raised_by: "participant records read from JSON",
        codes: crate::participant::ParticipantJsonError::CODES,
    },
    ErrorType {
        name: "hanke::participant::UnknownExitSituation",
        family: Family::Participant,
        raised_by: "exit situations",
        codes: crate::participant::UnknownExitSituation::CODES,
    },
    ErrorType {
        name: "hanke::sync::SyncError",
        family: Family::Participant,
        raised_by: "synced participant records: capture, edits, re-entries, merges and their JSON",
        codes: crate::sync::SyncError::CODES,
    },
    ErrorType {
        name: "hanke::questionnaire::FormVersionError",
        family: Family::Participant,
        raised_by: "form editions of the participant questionnaire",
        codes: crate::questionnaire::FormVersionError::CODES,
    },
    ErrorType {
        name: "hanke::sfc::SfcError",
        family: Family::Indicator,
        raised_by: "SFC2021 indicator tables: cut-offs, cells, operations and table CSVs",
        codes: crate::sfc::SfcError::CODES,
    },
    ErrorType {
        name: "hanke::participant::PseudonymError",
        family: Family::Participant,
        raised_by: "pseudonyms and the pseudonymiser's secret",
        codes: crate::participant::PseudonymError::CODES,
    },
    ErrorType {
        name: "hanke::participant::columns::ColumnsError",
        family: Family::Import,
        raised_by: "participant columns (Arrow, columnar input)",
        codes: crate::participant::columns::ColumnsError::CODES,
    },
    ErrorType {
        name: "hanke::participant::fields::HeaderError",
        family: Family::Import,
        raised_by: "the columns of participant data, in a CSV header or an Arrow table alike",
        codes: crate::participant::fields::HeaderError::CODES,
    },
    ErrorType {
        name: "hanke::csv_record::FileError",
        family: Family::Import,
        raised_by: "every CSV reader (participant files, EURA project lists): a file that cannot be read at all",
        codes: crate::csv_record::FileError::CODES,
    },
    ErrorType {
        name: "hanke::import::ImportError",
        family: Family::Import,
        raised_by: "the participant CSV importer (the file as a whole; rows go to findings)",
        codes: crate::import::ImportError::CODES,
    },
    ErrorType {
        name: "hanke::import::UnknownEncoding",
        family: Family::Import,
        raised_by: "naming the encoding of a file to read",
        codes: crate::import::UnknownEncoding::CODES,
    },
    ErrorType {
        name: "hanke::eura::ListImportError",
        family: Family::Eura,
        raised_by: "the EURA 2014 project list importer (the file as a whole; rows go to findings)",
        codes: crate::eura::ListImportError::CODES,
    },
    ErrorType {
        name: "hanke::rulebook::PeriodInferenceError",
        family: Family::Period,
        raised_by: "telling the programme period of participant data from its entry dates",
        codes: crate::rulebook::PeriodInferenceError::CODES,
    },
    ErrorType {
        name: "hanke::indicator::IndicatorError",
        family: Family::Indicator,
        raised_by: "indicator computation, merging and indicator JSON",
        codes: crate::indicator::IndicatorError::CODES,
    },
    ErrorType {
        name: "hanke::activity::ActivityError",
        family: Family::Activity,
        raised_by: "activity logs",
        codes: crate::activity::ActivityError::CODES,
    },
    ErrorType {
        name: "hanke::assessment::AssessmentError",
        family: Family::Assessment,
        raised_by: "self-assessment instruments and responses",
        codes: crate::assessment::AssessmentError::CODES,
    },
];

/// A code a binding raises itself, with its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BindingCode {
    /// The family it is raised as.
    pub family: Family,
    /// The code and its meaning.
    pub code: ErrorCode,
}

/// The codes one binding raises itself, for [`to_markdown`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BindingCodes {
    /// The binding, e.g. `Python`.
    pub binding: &'static str,
    /// Its codes.
    pub codes: &'static [BindingCode],
}

/// Every code of the core, in catalogue order. The bindings' own codes (a
/// Python `float` for money, a Kotlin date out of range) are theirs: each
/// binding crate lists them (`BINDING_CODES`), and the workspace checks
/// (`crates/hanke-checks`) publish them with these in `docs/errors.md`.
pub fn all_codes() -> impl Iterator<Item = &'static ErrorCode> {
    ERRORS.iter().flat_map(|e| e.codes.iter())
}

/// Whether `code` is an error code of the core.
///
/// ```
/// assert!(hanke::errors::is_known("json.data"));
/// assert!(!hanke::errors::is_known("json.nothing"));
/// ```
pub fn is_known(code: &str) -> bool {
    all_codes().any(|c| c.code == code)
}

/// The catalogue as Markdown: errors by type, the codes each binding raises
/// itself (handed in by the caller — the core does not know its bindings),
/// and the finding rules with severity and source (`docs/errors.md`).
///
/// ```
/// let doc = hanke::errors::to_markdown(&[]);
/// assert!(doc.contains("`money.sub_cent`"));
/// assert!(doc.contains("`FIN-SUM-001`"));
/// ```
pub fn to_markdown(bindings: &[BindingCodes]) -> String {
    let mut out = String::from(
        "# Error codes and finding rules\n\n\
         Generated by `hanke::errors::to_markdown` (a test keeps this file equal to the code; \
         regenerate with `HANKE_BLESS=1 cargo test -p hanke-checks`). Codes and rule ids \
         are stable: a code keeps its meaning and is never reused (ADR 0014). Python exceptions \
         carry the code in `.code`; Kotlin and Swift errors in `code`.\n\n\
         ## Errors\n",
    );
    for e in ERRORS {
        let _ = write!(
            out,
            "\n### `{}`\n\nRaised by {}. Family: {}.\n\n",
            e.name,
            e.raised_by,
            e.family.name()
        );
        table(&mut out, e.codes);
    }
    if !bindings.is_empty() {
        out.push_str(
            "\n## Raised by the bindings\n\n\
             For arguments the core never sees in that form.\n",
        );
        for b in bindings {
            let _ = write!(out, "\n### {}\n\n", b.binding);
            out.push_str("| code | family | meaning |\n|---|---|---|\n");
            for c in b.codes {
                let _ = writeln!(
                    out,
                    "| `{}` | {} | {} |",
                    c.code.code,
                    c.family.name(),
                    cell(c.code.meaning)
                );
            }
        }
    }
    out.push_str(
        "\n## Finding rules\n\n\
         Checks report findings, never errors, so that every problem is listed at once. \
         \"hanke\" as the source marks an internal-consistency check (arithmetic, references).\n\n\
         | rule | severity | title | title (fi) | title (sv) | source |\n|---|---|---|---|---|---|\n",
    );
    hanke_base::finding::markdown_rows(&mut out, all_rules(), "hanke");
    out
}

fn table(out: &mut String, codes: &[ErrorCode]) {
    out.push_str("| code | meaning |\n|---|---|\n");
    for c in codes {
        let _ = writeln!(out, "| `{}` | {} |", c.code, cell(c.meaning));
    }
}

/// Table cells hold no `|` or line breaks.
fn cell(s: &str) -> String {
    hanke_base::finding::markdown_cell(s)
}

/// Every rule as a table: id, severity, titles in English, Finnish and
/// Swedish, and source (`None` for hanke's own consistency checks).
///
/// ```
/// let t = hanke::errors::rule_table();
/// assert_eq!(t.rows(), hanke::errors::all_rules().len());
/// ```
pub fn rule_table() -> crate::export::table::ResultTable {
    use crate::export::table::{ResultTable, Values};
    let all = all_rules();
    let text = |f: fn(&Rule) -> String| Values::texts(all, f);
    ResultTable::new("rules")
        .column("id", text(|r| r.id.to_string()))
        .column("severity", text(|r| r.severity.to_string()))
        .column("title_en", text(|r| r.title_en.to_string()))
        .column("title_fi", text(|r| r.title_fi.to_string()))
        .column("title_sv", text(|r| r.title_sv.to_string()))
        .column(
            "source",
            Values::Text(all.iter().map(|r| r.source.map(str::to_string)).collect()),
        )
}

/// Every rule hanke enforces, for publishing the list and for tests.
pub fn all_rules() -> &'static [Rule] {
    use crate::finding::rules::*;
    static ALL: [Rule; 103] = [
        FUNDING_NEGATIVE_AMOUNT,
        FUNDING_SOURCES_EXCEED_TOTAL,
        FUNDING_SOURCES_PARTIAL,
        FUNDING_PUBLIC_TOTAL_MISMATCH,
        FUNDING_PUBLIC_ABOVE_TOTAL,
        FUNDING_REALISED_OVER_GRANTED,
        GROUP_BUDGETS_EXCEED_PROJECT,
        GROUP_BUDGETS_DO_NOT_ROLL_UP,
        GROUP_BUDGETS_PARTIAL,
        BUDGET_OUTSIDE_BAND,
        CODE_SERIES_MISMATCH,
        UNKNOWN_SPECIFIC_OBJECTIVE,
        OBJECTIVE_IN_OTHER_PRIORITY,
        PRIORITY_FUND_MISMATCH,
        MAIN_IMPLEMENTER_COUNT,
        NO_MAIN_IMPLEMENTER,
        UNKNOWN_FUNDER,
        UNKNOWN_AREA_CODE,
        COST_MODEL_NOT_ALLOWED,
        COST_RATE_ABOVE_LIMIT,
        SIMPLIFIED_COSTS_MANDATORY,
        SIMPLIFIED_COSTS_MANDATORY_2014,
        COFINANCING_CAP_EXCEEDED,
        COFINANCING_NOT_AGGREGATED,
        DECISION_GRANT_EXCEEDED,
        DECISION_RATE_EXCEEDED,
        DECISION_RATE_UNCHECKED,
        HOURS_ABOVE_RATE_BASIS,
        PARTICIPANT_EXIT_BEFORE_ENTRY,
        PARTICIPANT_BORN_AFTER_ENTRY,
        PARTICIPANT_UNEMPLOYED_AFTER_ENTRY,
        PARTICIPANT_FOLLOW_UP_BEFORE_EXIT,
        PARTICIPANT_GENDER_NOT_IN_PERIOD,
        PARTICIPANT_BIRTH_DATE_MISMATCH,
        PARTICIPANT_INCOMPLETE,
        PARTICIPANT_EXIT_WITHOUT_SITUATION,
        PARTICIPANT_IMPROVEMENT_NOT_APPLICABLE,
        PARTICIPANT_FOLLOW_UP_OUTSIDE_WINDOW,
        PARTICIPANT_FOLLOW_UP_WITHOUT_EXIT,
        PARTICIPANT_DUPLICATES_MERGED,
        PARTICIPANT_AGE_IMPOSSIBLE,
        PARTICIPANT_AGE_IMPLAUSIBLE,
        PARTICIPANT_DATE_OUTSIDE_PERIOD,
        PARTICIPANT_UNEMPLOYED_BEFORE_BIRTH,
        PARTICIPANT_MUNICIPALITY_UNKNOWN,
        PARTICIPANT_DUPLICATES_DISAGREE,
        PARTICIPANT_ID_REPEATED,
        PARTICIPANT_EVENT_OUTSIDE_REFERENCE,
        ACTIVITY_BREAKDOWN_ABOVE_TOTAL,
        ACTIVITY_FEEDBACK_SCALES_MIXED,
        ACTIVITY_NAMED_TWICE,
        ACTIVITY_COUNT_OVERFLOW,
        INDICATOR_INCOMPLETE_RECORDS,
        INDICATOR_BEHIND_MILESTONE,
        SMALL_NUMBERS_SUPPRESSED,
        QUALITY_ENTRY_OUTSIDE_PERIOD,
        QUALITY_EXIT_OUTSIDE_PERIOD,
        QUALITY_DATE_AFTER_CUT_OFF,
        QUALITY_EXIT_MISSING,
        QUALITY_PARTICIPATIONS_OVERLAP,
        QUALITY_ONLY_AT_EVENTS,
        QUALITY_OUTSIDE_TARGET_GROUPS,
        QUALITY_INDICATOR_IMPLAUSIBLE,
        CSV_MALFORMED,
        CSV_INVALID_UTF8,
        CSV_INVALID_VALUE,
        CSV_REQUIRED_MISSING,
        CSV_VALUE_WITHOUT_HEADER,
        CSV_OPTION_COLUMN_ABSENT,
        PUBLICATION_IDENTITY_CODE,
        PUBLICATION_MARKUP,
        CSV_TIME_OF_DAY,
        CSV_TIME_ZONE,
        EURA_DESCRIPTION_INCOMPLETE,
        EURA_PRIORITY_UNKNOWN,
        EURA_OBJECTIVE_UNKNOWN,
        EURA_VALUE_UNREADABLE,
        EURA_LINE_UNRECOGNISED,
        EURA_AREA_UNKNOWN,
        EURA_AUTHORITY_UNKNOWN,
        EURA_NAME_DIFFERS,
        EURA_LABEL_REPEATED,
        EURA_LIST_SHIFTED_COLUMNS,
        EURA_LIST_REALIGNED,
        EURA_LIST_UNWRAPPED,
        EURA_LIST_DUPLICATE_CODE,
        EURA_LIST_NEGATIVE_AMOUNT,
        EURA_LIST_END_BEFORE_START,
        QUESTIONNAIRE_UNKNOWN_QUESTION,
        QUESTIONNAIRE_REQUIRED_UNANSWERED,
        QUESTIONNAIRE_RECORD_UNREADABLE,
        QUESTIONNAIRE_EARLIER_EDITION,
        QUESTIONNAIRE_UNKNOWN_EDITION,
        SYNC_REENTRY_RULE_APPLIED,
        SYNC_CONFLICT,
        SFC_RULE_144,
        SFC_RULE_145,
        SFC_RULE_146,
        SFC_RULE_147,
        SFC_RULE_148,
        SFC_RESERVED_COMPOSITE,
        SFC_RESULT_ABOVE_OUTPUT,
        SFC_UNGENDERED,
    ];
    &ALL
}

/// The text of every source file of the crate, for the tests that keep lists
/// (this catalogue, the JSON round trips) complete by reading the code.
#[cfg(test)]
pub(crate) fn source_texts() -> Vec<String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    // This crate and the base crate below it (`hanke-base`, whose modules it
    // re-exports): the catalogue lists the errors of both.
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    walk(&here.join("src"), &mut out);
    walk(&here.join("../hanke-base/src"), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut codes: Vec<&str> = all_codes().map(|c| c.code).collect();
        for c in &codes {
            let (area, reason) = c.split_once('.').unwrap_or_default();
            let ok =
                |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
            assert!(ok(area) && ok(reason), "{c}");
        }
        assert!(all_codes().all(|c| !c.meaning.is_empty()));
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n, "a code appears twice");
    }

    /// `JsonError::code` comes from serde_json's category; each category's code
    /// is in the list.
    #[test]
    fn every_json_error_category_is_listed() {
        use crate::project::Project;
        struct Failing;
        impl std::io::Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk gone"))
            }
        }
        let got: Vec<&str> = [
            Project::from_json_str("{]").err().map(|e| e.code()),
            Project::from_json_str("{\"name\": 1}")
                .err()
                .map(|e| e.code()),
            Project::from_json_str("{").err().map(|e| e.code()),
            Project::from_json_reader(Failing).err().map(|e| e.code()),
        ]
        .into_iter()
        .flatten()
        .collect();
        let listed: Vec<&str> = crate::project::JsonError::CODES
            .iter()
            .map(|c| c.code)
            .collect();
        assert_eq!(got, listed);
    }

    /// Every error type with a `code()` in the sources is in [`ERRORS`].
    #[test]
    fn every_error_type_is_catalogued() {
        let mut found: Vec<String> = source_texts().iter().flat_map(|t| coded_types(t)).collect();
        found.sort();
        found.dedup();
        let mut listed: Vec<String> = ERRORS
            .iter()
            .map(|e| e.name.rsplit("::").next().unwrap_or_default().to_string())
            .collect();
        listed.sort();
        assert_eq!(found, listed);
    }

    /// Types with a `code()` in a source text: `error_codes!` invocations and
    /// hand-written impls.
    fn coded_types(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut current_impl = None;
        let mut after_macro = false;
        for line in text.lines() {
            let t = line.trim();
            if let Some(rest) = t.strip_prefix("impl ") {
                current_impl = rest.split_whitespace().next().map(str::to_string);
            }
            if t == "error_codes! {" {
                after_macro = true;
            } else if after_macro && t.ends_with(" {") && !t.starts_with("///") {
                out.push(t.trim_end_matches(" {").to_string());
                after_macro = false;
            } else if t.starts_with("pub fn code(&self) -> &'static str") && !after_macro {
                out.extend(current_impl.clone());
            }
        }
        // The macro's own definition is not a type.
        out.retain(|n| n != "$ty");
        out
    }

    #[test]
    fn rule_ids_are_unique_and_well_formed() {
        let mut ids: Vec<_> = all_rules().iter().map(|r| r.id).collect();
        for id in &ids {
            assert!(
                id.len() >= 9
                    && id
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
                "{id}"
            );
        }
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate rule id");
    }
}
