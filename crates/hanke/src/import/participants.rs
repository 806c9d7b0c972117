//! Participant records from and to CSV — *osallistujatiedot CSV-muodossa*.
//! The format is documented in `docs/participant-csv.md`.

use std::io::{BufRead, Write};

use chrono::NaiveDate;
use serde::Serialize;

use super::csv_record::{ReadError, RecordReader, detect_delimiter};
use crate::PersonalIdentityCode;
use crate::classify::{EducationLevel, MunicipalityCode};
use crate::participant::{
    Answer, Disadvantages, Exit, ExitSituation, FollowUp, Gender, Improvement, LabourStatus,
    Participant, ParticipantId, ParticipantRules, Pseudonym, Pseudonymiser,
};
use crate::report::{Finding, rules};

/// A column of the participant CSV format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    // In the order of `COLUMNS` (column_index relies on it; a test checks).
    ParticipantId,
    EntryDate,
    IdentityCode,
    Pseudonym,
    BirthDate,
    Gender,
    Municipality,
    LabourStatus,
    UnemployedSince,
    Education,
    Disability,
    ForeignBackground,
    ThirdCountryNational,
    Minority,
    Homeless,
    OtherDisadvantaged,
    ExitDate,
    ExitSituation,
    QualificationGained,
    FollowUpDate,
    FollowUpEmployed,
    FollowUpImprovement,
}

/// Each column: its English name (written) and the names it is read by.
const COLUMNS: [(Column, &str, &[&str]); 22] = [
    (
        Column::ParticipantId,
        "participant_id",
        &["osallistujatunnus", "tunnus", "id"],
    ),
    (
        Column::EntryDate,
        "entry_date",
        &["aloituspäivä", "aloituspvm"],
    ),
    (
        Column::IdentityCode,
        "identity_code",
        &["henkilötunnus", "hetu"],
    ),
    (Column::Pseudonym, "pseudonym", &["pseudonyymi"]),
    (Column::BirthDate, "birth_date", &["syntymäaika"]),
    (Column::Gender, "gender", &["sukupuoli"]),
    (
        Column::Municipality,
        "municipality",
        &["kotikunta", "kunta"],
    ),
    (
        Column::LabourStatus,
        "labour_status",
        &["työmarkkina_asema", "työmarkkinatilanne"],
    ),
    (
        Column::UnemployedSince,
        "unemployed_since",
        &["työtön_alkaen", "työttömyys_alkanut"],
    ),
    (Column::Education, "education", &["koulutusaste"]),
    (
        Column::Disability,
        "disability",
        &["vamma_tai_pitkäaikaissairaus", "vamma"],
    ),
    (
        Column::ForeignBackground,
        "foreign_background",
        &["ulkomaalaistausta"],
    ),
    (
        Column::ThirdCountryNational,
        "third_country_national",
        &["kolmannen_maan_kansalainen"],
    ),
    (Column::Minority, "minority", &["vähemmistö"]),
    (Column::Homeless, "homeless", &["asunnoton"]),
    (
        Column::OtherDisadvantaged,
        "other_disadvantaged",
        &["muu_heikommassa_asemassa"],
    ),
    (
        Column::ExitDate,
        "exit_date",
        &["lopetuspäivä", "lopetuspvm"],
    ),
    (
        Column::ExitSituation,
        "exit_situation",
        &["tilanne_lopettaessa", "lopputilanne"],
    ),
    (
        Column::QualificationGained,
        "qualification_gained",
        &["tutkinto_suoritettu"],
    ),
    (Column::FollowUpDate, "follow_up_date", &["seurantapäivä"]),
    (
        Column::FollowUpEmployed,
        "follow_up_employed",
        &["työllinen_seurannassa"],
    ),
    (
        Column::FollowUpImprovement,
        "follow_up_improvement",
        &["tilanne_parantunut"],
    ),
];

/// The trimmed text of a column in the current row: `Ok(None)` if the column
/// is absent or the value blank, `Err(())` if it is not UTF-8.
fn field_text<'r, R: BufRead>(
    records: &'r RecordReader<R>,
    positions: &[Option<usize>],
    column: Column,
) -> Result<Option<&'r str>, ()> {
    let Some(i) = positions.get(column_index(column)).copied().flatten() else {
        return Ok(None);
    };
    let Some(text) = records.field_str(i) else {
        return Ok(None);
    };
    let text = text?;
    let raw = text.as_bytes();
    // Most values have no surrounding space: skip the Unicode-aware trim when
    // the first and last bytes are visible ASCII.
    let visible = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    let t = if visible(raw.first()) && visible(raw.last()) {
        text
    } else {
        text.trim()
    };
    Ok((!t.is_empty()).then_some(t))
}

/// The position of `c` in [`COLUMNS`], which lists the columns in declaration
/// order (a test checks).
fn column_index(c: Column) -> usize {
    c as usize
}

fn column_name(c: Column) -> &'static str {
    COLUMNS
        .iter()
        .find(|(k, _, _)| *k == c)
        .map_or("", |(_, n, _)| n)
}

fn column_by_header(header: &str) -> Option<Column> {
    COLUMNS.iter().find_map(|(c, en, fi)| {
        (crate::participant::label_is(header, en)
            || fi.iter().any(|f| crate::participant::label_is(header, f)))
        .then_some(*c)
    })
}

/// Why a file could not be read at all (as opposed to a row, which is rejected
/// and accounted for in the [`ImportReport`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The file has no header line.
    #[error("the file is empty: a header line is needed")]
    Empty,
    /// The header cannot be read (bad quoting, not UTF-8).
    #[error("line {line}: the header cannot be read: {message}")]
    Header {
        /// The line.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A header names a column the format does not have; its data would be lost.
    #[error("line {line}: unknown column `{name}` (see docs/participant-csv.md)")]
    UnknownColumn {
        /// The line of the header.
        line: u64,
        /// The header text.
        name: String,
    },
    /// Two headers name the same column.
    #[error("line {line}: column `{name}` appears twice")]
    DuplicateColumn {
        /// The line of the header.
        line: u64,
        /// The column's English name.
        name: &'static str,
    },
    /// A required column is absent.
    #[error("line {line}: the required column `{name}` is missing")]
    MissingColumn {
        /// The line of the header.
        line: u64,
        /// The column's English name.
        name: &'static str,
    },
    /// Reading failed.
    #[error("line {line}: read error: {source}")]
    Io {
        /// The line being read.
        line: u64,
        /// The I/O error.
        source: std::io::Error,
    },
}

error_codes! {
    ImportError {
        ImportError::Empty => "import.empty": "The file has no header line.",
        ImportError::Header { .. } => "import.header": "The header cannot be read (bad quoting, not UTF-8).",
        ImportError::UnknownColumn { .. } => "import.unknown_column": "A header names a column the format does not have; its data would be lost.",
        ImportError::DuplicateColumn { .. } => "import.duplicate_column": "Two headers name the same column.",
        ImportError::MissingColumn { .. } => "import.missing_column": "A required column is absent.",
        ImportError::Io { .. } => "import.io": "Reading failed.",
    }
}

impl ImportError {
    /// The line of the file, where there is one.
    pub fn line(&self) -> Option<u64> {
        match self {
            ImportError::Empty => None,
            ImportError::Header { line, .. }
            | ImportError::UnknownColumn { line, .. }
            | ImportError::DuplicateColumn { line, .. }
            | ImportError::MissingColumn { line, .. }
            | ImportError::Io { line, .. } => Some(*line),
        }
    }
}

/// How to read a participant CSV file.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ImportOptions {
    /// The field delimiter; `None` detects `;` or `,` from the header line.
    pub delimiter: Option<u8>,
    /// Accept identity codes with temporary individual numbers (900–999), as
    /// synthetic and test data use.
    pub accept_temporary_codes: bool,
    /// Pseudonymise identity codes on reading.
    pub pseudonymiser: Option<Pseudonymiser>,
    /// With a pseudonymiser: drop the identity codes once pseudonymised.
    pub drop_identity_codes: bool,
    /// Check every accepted record against these rules; findings carry the line.
    pub rules: Option<&'static ParticipantRules>,
}

/// The account of an import — *tuontiraportti*: every row is either accepted or
/// rejected, with the reasons.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ImportReport {
    /// Data rows read (the header and blank lines are not rows).
    pub rows_read: u64,
    /// Rows accepted as participants.
    pub accepted: u64,
    /// Rows rejected.
    pub rejected: u64,
    /// Why rows were rejected: one finding per problem, each with line and field.
    pub rejections: Vec<Finding>,
    /// Findings of the rules on accepted rows, with their lines.
    pub findings: Vec<Finding>,
    /// Blank lines skipped.
    pub blank_lines: u64,
    /// Physical lines of the file, counted as they are read (a line ends in
    /// `\n`, `\r\n` or a lone `\r`).
    pub lines: u64,
    /// Lines of the data rows, accepted or rejected (a row that a stray quote
    /// ran on over several lines counts each of them).
    pub record_lines: u64,
}

impl ImportReport {
    /// Whether every row and every line is accounted for: rows read =
    /// accepted + rejected, and lines = the header + blank lines + the lines
    /// of every row.
    pub fn is_balanced(&self) -> bool {
        self.accepted.checked_add(self.rejected) == Some(self.rows_read)
            && Some(self.lines)
                == self
                    .blank_lines
                    .checked_add(self.record_lines)
                    .and_then(|n| n.checked_add(1))
    }
}

/// A streaming reader of participant records — *osallistujatietojen lukija*.
/// Yields accepted participants; rejected rows are recorded in the report.
///
/// ```
/// use hanke::import::{ParticipantCsvReader, ImportOptions};
/// let csv = "participant_id,entry_date,gender,exit_date,exit_situation\n\
///            P1,2016-03-01,nainen,2016-09-30,palkkatukityö\n\
///            P2,31.2.2016,mies,,\n\
///            P3,1.4.2016,mies,,\n";
/// let mut reader = ParticipantCsvReader::new(csv.as_bytes(), ImportOptions::default())?;
/// let ids: Vec<String> = reader.by_ref().map(|r| r.map(|p| p.id.to_string())).collect::<Result<_, _>>()?;
/// assert_eq!(ids, ["P1", "P3"]);
/// let report = reader.into_report();
/// assert_eq!((report.rows_read, report.accepted, report.rejected), (3, 2, 1));
/// assert_eq!(report.rejections[0].line, Some(3));
/// assert_eq!(report.rejections[0].path, "entry_date");
/// # Ok::<(), hanke::import::ImportError>(())
/// ```
pub struct ParticipantCsvReader<R> {
    records: RecordReader<R>,
    /// Field position → column.
    columns: Vec<Column>,
    /// Column → field position.
    positions: [Option<usize>; COLUMNS.len()],
    options: ImportOptions,
    report: ImportReport,
    failed: bool,
    labels: Labels,
    last_line: Option<u64>,
}

/// The labels a file has used, with what they read as. A categorical column
/// holds a handful of distinct texts, so after the first rows each label is
/// one comparison of bytes instead of a search of the label tables.
/// Bounded: past [`Memo::CAPACITY`] distinct texts a label is read afresh.
struct Memo<T> {
    entries: Vec<(Box<str>, Option<T>)>,
}

impl<T: Copy> Memo<T> {
    const CAPACITY: usize = 32;

    fn read(&mut self, text: &str, parse: impl FnOnce(&str) -> Option<T>) -> Option<T> {
        if let Some((_, v)) = self.entries.iter().find(|(k, _)| **k == *text) {
            return *v;
        }
        let v = parse(text);
        if self.entries.len() < Self::CAPACITY {
            self.entries.push((text.into(), v));
        }
        v
    }
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo {
            entries: Vec::new(),
        }
    }
}

#[derive(Default)]
struct Labels {
    gender: Memo<Gender>,
    status: Memo<LabourStatus>,
    answer: Memo<Answer>,
    situation: Memo<ExitSituation>,
    improvement: Memo<Improvement>,
}

impl<R: BufRead> ParticipantCsvReader<R> {
    /// Reads the header and prepares to read rows. Fails on a header that would
    /// lose data (unknown or repeated columns) or lacks `participant_id` or
    /// `entry_date`.
    pub fn new(mut src: R, options: ImportOptions) -> Result<Self, ImportError> {
        let delimiter = options
            .delimiter
            .unwrap_or_else(|| detect_delimiter(&mut src));
        let mut records = RecordReader::new(src, delimiter);
        let line = match records.read() {
            Ok(Some(line)) => line,
            Ok(None) => return Err(ImportError::Empty),
            Err(ReadError::Syntax { line, error }) => {
                return Err(ImportError::Header {
                    line,
                    message: error.describe(),
                });
            }
            Err(ReadError::Io { line, error }) => {
                return Err(ImportError::Io {
                    line,
                    source: error,
                });
            }
        };
        let mut columns = Vec::with_capacity(records.len());
        let mut positions = [None; COLUMNS.len()];
        for i in 0..records.len() {
            let raw = records.field(i).unwrap_or(&[]);
            let name = std::str::from_utf8(raw).map_err(|_| ImportError::Header {
                line,
                message: format!("header {} is not valid UTF-8", i.saturating_add(1)),
            })?;
            let column = column_by_header(name).ok_or_else(|| ImportError::UnknownColumn {
                line,
                // A data row read as a header must not echo an identity code.
                name: crate::ids::redact(name.trim()).into_owned(),
            })?;
            let slot = positions
                .get_mut(column_index(column))
                .ok_or(ImportError::Empty)?;
            if slot.is_some() {
                return Err(ImportError::DuplicateColumn {
                    line,
                    name: column_name(column),
                });
            }
            *slot = Some(i);
            columns.push(column);
        }
        for required in [Column::ParticipantId, Column::EntryDate] {
            if positions
                .get(column_index(required))
                .copied()
                .flatten()
                .is_none()
            {
                return Err(ImportError::MissingColumn {
                    line,
                    name: column_name(required),
                });
            }
        }
        Ok(ParticipantCsvReader {
            records,
            columns,
            positions,
            options,
            report: ImportReport::default(),
            failed: false,
            labels: Labels::default(),
            last_line: None,
        })
    }

    /// The account so far.
    pub fn report(&self) -> &ImportReport {
        &self.report
    }

    /// The final account.
    pub fn into_report(mut self) -> ImportReport {
        self.sync_lines();
        self.report
    }

    /// The line counts of the report from the record reader's.
    fn sync_lines(&mut self) {
        self.report.blank_lines = self.records.blank_lines;
        self.report.lines = self.records.lines();
        // The header is a record of the reader's, not a row.
        self.report.record_lines = self.records.record_lines().saturating_sub(1);
    }

    fn reject(
        &mut self,
        line: u64,
        rule: &crate::report::Rule,
        field: &str,
        en: String,
        fi: String,
        sv: String,
    ) {
        self.report
            .rejections
            .push(Finding::new(rule, field, en, fi).with_sv(sv).at_line(line));
    }

    /// The line of the file the participant last returned was read from — for
    /// findings about the record made later (data-quality checks).
    ///
    /// ```
    /// use hanke::import::{ParticipantCsvReader, ImportOptions};
    /// let csv = "participant_id,entry_date\nP1,2016-03-01\nP2,bad\nP3,2016-04-01\n";
    /// let mut r = ParticipantCsvReader::new(csv.as_bytes(), ImportOptions::default())?;
    /// r.next_participant()?;
    /// assert_eq!(r.line(), Some(2));
    /// r.next_participant()?; // P2 is rejected; P3 comes from line 4
    /// assert_eq!(r.line(), Some(4));
    /// # Ok::<(), hanke::import::ImportError>(())
    /// ```
    pub fn line(&self) -> Option<u64> {
        self.last_line
    }

    /// The next accepted participant, or `None` at the end of the file.
    /// Rejected rows are skipped (and recorded); only an I/O failure is an error.
    pub fn next_participant(&mut self) -> Result<Option<Participant>, ImportError> {
        if self.failed {
            return Ok(None);
        }
        loop {
            let line = match self.records.read() {
                Ok(Some(line)) => line,
                Ok(None) => {
                    self.sync_lines();
                    return Ok(None);
                }
                Err(ReadError::Syntax { line, error }) => {
                    self.report.rows_read = self.report.rows_read.saturating_add(1);
                    self.report.rejected = self.report.rejected.saturating_add(1);
                    self.report.rejections.push(
                        Finding::new(
                            &rules::CSV_MALFORMED,
                            "",
                            error.describe(),
                            format!("rivin CSV-muoto on virheellinen: {}", error.describe_fi()),
                        )
                        .with_sv(format!(
                            "radens CSV-format är felaktigt: {}",
                            error.describe_sv()
                        ))
                        .at_lines(line, error.last_line().unwrap_or(line)),
                    );
                    continue;
                }
                Err(ReadError::Io { line, error }) => {
                    self.failed = true;
                    return Err(ImportError::Io {
                        line,
                        source: error,
                    });
                }
            };
            self.report.rows_read = self.report.rows_read.saturating_add(1);
            if self.records.len() != self.columns.len() {
                self.report.rejected = self.report.rejected.saturating_add(1);
                let (got, want) = (self.records.len(), self.columns.len());
                self.reject(
                    line,
                    &rules::CSV_MALFORMED,
                    "",
                    format!("the row has {got} fields; the header has {want}"),
                    format!("rivillä on {got} kenttää; otsikkorivillä {want}"),
                    format!("raden har {got} fält; rubrikraden {want}"),
                );
                continue;
            }
            let before = self.report.rejections.len();
            let parsed = self.parse_row(line);
            match parsed {
                Some(p) if self.report.rejections.len() == before => {
                    self.report.accepted = self.report.accepted.saturating_add(1);
                    self.last_line = Some(line);
                    if let Some(rules) = self.options.rules {
                        self.report
                            .findings
                            .extend(rules.check(&p).into_iter().map(|f| f.at_line(line)));
                    }
                    return Ok(Some(p));
                }
                _ => {
                    self.report.rejected = self.report.rejected.saturating_add(1);
                }
            }
        }
    }

    /// The trimmed text of a column in the current row: `Ok(None)` if the
    /// column is absent or the value blank, `Err(())` if it is not UTF-8.
    fn field_text(&self, column: Column) -> Result<Option<&str>, ()> {
        field_text(&self.records, &self.positions, column)
    }

    fn is_blank(&self, column: Column) -> bool {
        matches!(self.field_text(column), Ok(None))
    }

    /// Parses a column with `parse`; records a rejection when it is not UTF-8 or
    /// `parse` fails. `None` for a blank value.
    fn value<T>(
        &mut self,
        line: u64,
        column: Column,
        expected: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        self.label(line, column, expected, |s, _| parse(s))
    }

    /// [`Self::value`] with the file's memoised labels at hand.
    fn label<T>(
        &mut self,
        line: u64,
        column: Column,
        expected: &str,
        parse: impl FnOnce(&str, &mut Labels) -> Result<T, String>,
    ) -> Option<T> {
        let result = match field_text(&self.records, &self.positions, column) {
            Ok(None) => return None,
            Ok(Some(text)) => parse(text, &mut self.labels),
            Err(()) => {
                self.reject(
                    line,
                    &rules::CSV_INVALID_UTF8,
                    column_name(column),
                    "the value is not valid UTF-8 (save the file as UTF-8)".to_string(),
                    "arvo ei ole UTF-8-merkistöä (tallenna tiedosto UTF-8-muodossa)".to_string(),
                    "värdet är inte UTF-8 (spara filen i UTF-8-format)".to_string(),
                );
                return None;
            }
        };
        match result {
            Ok(v) => Some(v),
            Err(why) => {
                self.reject(
                    line,
                    &rules::CSV_INVALID_VALUE,
                    column_name(column),
                    format!("expected {expected}: {why}"),
                    format!("odotettiin: {expected}: {why}"),
                    format!("förväntades: {expected}: {why}"),
                );
                None
            }
        }
    }

    fn date(&mut self, line: u64, column: Column) -> Option<NaiveDate> {
        self.value(line, column, "a date (2016-03-01 or 1.3.2016)", |s| {
            parse_date(s).ok_or_else(|| "not a date that exists".to_string())
        })
    }

    fn answer(&mut self, line: u64, column: Column) -> Option<Answer> {
        self.label(
            line,
            column,
            "yes, no or declined (kyllä, ei, en halua vastata)",
            |s, labels| {
                labels
                    .answer
                    .read(s, Answer::from_label)
                    .ok_or_else(|| "unknown answer".to_string())
            },
        )
    }

    fn boolean(&mut self, line: u64, column: Column) -> Option<bool> {
        self.label(
            line,
            column,
            "yes or no (kyllä, ei)",
            |s, labels| match labels.answer.read(s, Answer::from_label) {
                Some(Answer::Yes) => Ok(true),
                Some(Answer::No) => Ok(false),
                _ => Err("unknown answer".to_string()),
            },
        )
    }

    fn require(&mut self, line: u64, column: Column) {
        let name = column_name(column);
        self.reject(
            line,
            &rules::CSV_REQUIRED_MISSING,
            name,
            format!("`{name}` is required"),
            format!("`{name}` on pakollinen"),
            format!("`{name}` är obligatoriskt"),
        );
    }

    fn conflict(&mut self, line: u64, column: Column, en: &str, fi: &str, sv: &str) {
        let name = column_name(column);
        self.reject(
            line,
            &rules::CSV_INVALID_VALUE,
            name,
            en.to_string(),
            fi.to_string(),
            sv.to_string(),
        );
    }

    fn parse_row(&mut self, line: u64) -> Option<Participant> {
        use Column as C;
        let id = self.value(line, C::ParticipantId, "1–32 characters", |s| {
            s.parse::<ParticipantId>().map_err(|e| e.to_string())
        });
        if self.is_blank(C::ParticipantId) {
            self.require(line, C::ParticipantId);
        }
        let entry_date = self.date(line, C::EntryDate);
        if self.is_blank(C::EntryDate) {
            self.require(line, C::EntryDate);
        }
        let temporary = self.options.accept_temporary_codes;
        let code = self.value(line, C::IdentityCode, "a personal identity code", |s| {
            let parsed = if temporary {
                PersonalIdentityCode::parse_allowing_temporary(s)
            } else {
                s.parse::<PersonalIdentityCode>()
            };
            // The error names what is wrong and never holds the code.
            parsed.map_err(|e| format!("{e} ({})", e.code()))
        });
        let pseudonym = self.value(line, C::Pseudonym, "64 hexadecimal digits", |s| {
            s.parse::<Pseudonym>().map_err(|e| e.to_string())
        });
        let birth_date = self.date(line, C::BirthDate);
        let gender = self.label(line, C::Gender, "woman, man or non_binary", |s, labels| {
            labels
                .gender
                .read(s, Gender::from_label)
                .ok_or_else(|| "unknown gender".to_string())
        });
        let municipality = self.value(line, C::Municipality, "a municipality code", |s| {
            s.parse::<MunicipalityCode>().map_err(|e| e.to_string())
        });
        let status =
            self.label(
                line,
                C::LabourStatus,
                "a labour-market status",
                |s, labels| {
                    labels.status.read(s, LabourStatus::from_label).ok_or_else(|| {
                "use employed, self_employed, unemployed, inactive_in_education or inactive"
                    .to_string()
            })
                },
            );
        let since = self.date(line, C::UnemployedSince);
        let education = self.value(line, C::Education, "a Koulutusaste level 0–9", |s| {
            s.parse::<EducationLevel>().map_err(|e| e.to_string())
        });
        let disadvantages = Disadvantages {
            disability: self.answer(line, C::Disability),
            foreign_background: self.answer(line, C::ForeignBackground),
            third_country_national: self.answer(line, C::ThirdCountryNational),
            minority: self.answer(line, C::Minority),
            homeless: self.answer(line, C::Homeless),
            other_disadvantaged: self.answer(line, C::OtherDisadvantaged),
        };
        let exit_date = self.date(line, C::ExitDate);
        let exit_situation = self.label(
            line,
            C::ExitSituation,
            "an exit situation code",
            |s, labels| {
                labels
                    .situation
                    .read(s, ExitSituation::from_label)
                    .ok_or_else(|| "unknown situation".to_string())
            },
        );
        let qualification = self.boolean(line, C::QualificationGained);
        let follow_up_date = self.date(line, C::FollowUpDate);
        let follow_up_employed = self.boolean(line, C::FollowUpEmployed);
        let improvement = self.label(
            line,
            C::FollowUpImprovement,
            "an improvement code",
            |s, labels| {
                labels
                    .improvement
                    .read(s, Improvement::from_label)
                    .ok_or_else(|| "unknown improvement".to_string())
            },
        );

        // Values that would be lost without the value they belong to.
        let labour_status = match (status, since) {
            (Some(LabourStatus::Unemployed { .. }), since) => {
                Some(LabourStatus::Unemployed { since })
            }
            (_, Some(_)) => {
                self.conflict(
                    line,
                    C::UnemployedSince,
                    "given, but the labour-market status is not `unemployed`",
                    "annettu, mutta työmarkkina-asema ei ole `työtön`",
                    "angivet, men ställningen på arbetsmarknaden är inte `arbetslös`",
                );
                None
            }
            (status, None) => status,
        };
        if exit_date.is_none()
            && (exit_situation.is_some() || qualification.is_some())
            && self.is_blank(C::ExitDate)
        {
            self.conflict(
                line,
                C::ExitDate,
                "exit data given without an exit date",
                "lopetustietoja ilman lopetuspäivää",
                "uppgifter om avslutet utan avslutsdatum",
            );
        }
        if follow_up_date.is_none()
            && (follow_up_employed.is_some() || improvement.is_some())
            && self.is_blank(C::FollowUpDate)
        {
            self.conflict(
                line,
                C::FollowUpDate,
                "follow-up data given without a follow-up date",
                "seurantatietoja ilman seurantapäivää",
                "uppföljningsuppgifter utan uppföljningsdatum",
            );
        }
        if follow_up_date.is_some() && self.is_blank(C::ExitDate) {
            self.conflict(
                line,
                C::FollowUpDate,
                "a follow-up needs an exit date",
                "seuranta edellyttää lopetuspäivää",
                "uppföljning förutsätter ett avslutsdatum",
            );
        }

        let mut p = Participant::new(id?, entry_date?);
        p.entry.birth_date = birth_date.or_else(|| code.as_ref().map(|c| c.birth_date()));
        p.entry.gender = gender;
        p.entry.municipality = municipality;
        p.entry.labour_status = labour_status;
        p.entry.education = education;
        p.entry.disadvantages = disadvantages;
        p.pseudonym = pseudonym;
        if let (Some(ps), Some(c)) = (&self.options.pseudonymiser, &code) {
            let derived = ps.pseudonym(c);
            if pseudonym.is_some_and(|given| given != derived) {
                self.conflict(
                    line,
                    C::Pseudonym,
                    "the pseudonym does not match the identity code with this secret",
                    "pseudonyymi ei vastaa henkilötunnusta tällä avaimella",
                    "pseudonymen motsvarar inte personbeteckningen med denna nyckel",
                );
                return None;
            }
            p.pseudonym = Some(derived);
        }
        let keep_code = !(self.options.drop_identity_codes && self.options.pseudonymiser.is_some());
        if keep_code {
            p.identity_code = code;
        }
        if let Some(date) = exit_date {
            let mut exit = Exit::new(date, exit_situation);
            exit.qualification_gained = qualification;
            p.exit = Some(exit);
        }
        if let Some(date) = follow_up_date {
            let mut f = FollowUp::new(date, follow_up_employed);
            f.improvement = improvement;
            p.follow_up = Some(f);
        }
        Some(p)
    }
}

impl<R: BufRead> Iterator for ParticipantCsvReader<R> {
    type Item = Result<Participant, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_participant().transpose()
    }
}

/// Reads a whole participant file into memory, with its account.
///
/// ```
/// use hanke::import::{read_participants_csv, ImportOptions};
/// let (ps, report) = read_participants_csv("participant_id;entry_date\nP1;1.3.2016\n".as_bytes(), ImportOptions::default())?;
/// assert_eq!((ps.len(), report.is_balanced()), (1, true));
/// # Ok::<(), hanke::import::ImportError>(())
/// ```
pub fn read_participants_csv<R: BufRead>(
    src: R,
    options: ImportOptions,
) -> Result<(Vec<Participant>, ImportReport), ImportError> {
    let mut reader = ParticipantCsvReader::new(src, options)?;
    let mut out = Vec::new();
    while let Some(p) = reader.next_participant()? {
        out.push(p);
    }
    Ok((out, reader.into_report()))
}

/// The accepted records of a participant CSV, the line of the file each came
/// from, and the report — what a data-quality run ([`crate::quality`]) needs
/// to point at rows. [`read_participants_csv`] is the same without the lines.
///
/// ```
/// use hanke::import::{ImportOptions, read_participants_csv_with_lines};
/// let csv = "participant_id,entry_date\nP1,2016-03-01\nP2,bad\nP3,2016-04-01\n";
/// let (people, lines, report) = read_participants_csv_with_lines(csv.as_bytes(), ImportOptions::default())?;
/// assert_eq!(people.len(), 2);
/// assert_eq!(lines, [("P1".parse()?, 2), ("P3".parse()?, 4)]);
/// assert_eq!(report.rejected, 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_participants_csv_with_lines<R: BufRead>(
    src: R,
    options: ImportOptions,
) -> Result<ParticipantsWithLines, ImportError> {
    let mut reader = ParticipantCsvReader::new(src, options)?;
    let (mut people, mut lines) = (Vec::new(), Vec::new());
    while let Some(p) = reader.next_participant()? {
        if let Some(line) = reader.line() {
            lines.push((p.id, line));
        }
        people.push(p);
    }
    Ok((people, lines, reader.into_report()))
}

/// Accepted records, the line each came from, and the import report.
pub type ParticipantsWithLines = (Vec<Participant>, Vec<(ParticipantId, u64)>, ImportReport);

/// Reads `2016-03-01` or `1.3.2016` (day and month with or without a leading
/// zero); `None` for anything else or a date that does not exist.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "at most four checked ASCII digits: below 10 000"
)]
fn parse_date(s: &str) -> Option<NaiveDate> {
    // The ISO form as files write it (YYYY-MM-DD), digit by digit; anything
    // else goes the general way below, which gives the same answer for it.
    if let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = s.as_bytes() {
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |ds: &[u8]| ds.iter().fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
            let year = i32::try_from(n(&[y0, y1, y2, y3])).ok()?;
            return NaiveDate::from_ymd_opt(year, n(&[m0, m1]), n(&[d0, d1]));
        }
    }
    let num = |t: &str, max_len: usize| -> Option<u32> {
        if t.is_empty() || t.len() > max_len || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    };
    let mut iso = s.split('-');
    if let (Some(y), Some(m), Some(d), None) = (iso.next(), iso.next(), iso.next(), iso.next()) {
        if y.len() == 4 && m.len() == 2 && d.len() == 2 {
            let year = i32::try_from(num(y, 4)?).ok()?;
            return NaiveDate::from_ymd_opt(year, num(m, 2)?, num(d, 2)?);
        }
        return None;
    }
    let mut fi = s.split('.');
    if let (Some(d), Some(m), Some(y), None) = (fi.next(), fi.next(), fi.next(), fi.next()) {
        if y.len() == 4 {
            let year = i32::try_from(num(y, 4)?).ok()?;
            return NaiveDate::from_ymd_opt(year, num(m, 2)?, num(d, 2)?);
        }
    }
    None
}

/// Whether a written file holds identity codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentityCodes {
    /// Leave them out (the default choice).
    Omit,
    /// Write them in full: the caller takes responsibility for the file.
    Include,
}

/// Writes participants as CSV with the English column names, in the format
/// [`ParticipantCsvReader`] reads. Later exit events are not written (the format
/// has one exit situation).
///
/// ```
/// use chrono::NaiveDate;
/// use hanke::import::{write_participants_csv, IdentityCodes};
/// use hanke::participant::Participant;
/// let p = Participant::new("P1".parse()?, NaiveDate::from_ymd_opt(2016, 3, 1).unwrap());
/// let mut out = Vec::new();
/// write_participants_csv(&mut out, &[p], IdentityCodes::Omit)?;
/// assert!(String::from_utf8(out)?.lines().nth(1).unwrap().starts_with("P1,2016-03-01,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_participants_csv<W: Write>(
    mut w: W,
    participants: &[Participant],
    identity_codes: IdentityCodes,
) -> std::io::Result<()> {
    use Column as C;
    let columns: Vec<Column> = COLUMNS
        .iter()
        .map(|(c, _, _)| *c)
        .filter(|c| *c != C::IdentityCode || identity_codes == IdentityCodes::Include)
        .collect();
    let header: Vec<&str> = columns.iter().map(|c| column_name(*c)).collect();
    writeln!(w, "{}", header.join(","))?;
    let opt = |v: Option<String>| v.unwrap_or_default();
    for p in participants {
        let e = &p.entry;
        let d = &e.disadvantages;
        let ans = |a: Option<Answer>| a.map(|a| a.code().to_string());
        let yes_no = |b: Option<bool>| b.map(|b| if b { "yes" } else { "no" }.to_string());
        let fields: Vec<String> = columns
            .iter()
            .map(|c| match c {
                C::ParticipantId => quote(p.id.as_str()),
                C::IdentityCode => opt(p.identity_code.as_ref().map(|c| c.expose().to_string())),
                C::Pseudonym => opt(p.pseudonym.map(|x| x.to_string())),
                C::EntryDate => e.date.to_string(),
                C::BirthDate => opt(e.birth_date.map(|x| x.to_string())),
                C::Gender => opt(e.gender.map(|g| g.code().to_string())),
                C::Municipality => opt(e.municipality.map(|m| m.to_string())),
                C::LabourStatus => opt(e.labour_status.map(|s| s.code().to_string())),
                C::UnemployedSince => opt(match e.labour_status {
                    Some(LabourStatus::Unemployed { since }) => since.map(|x| x.to_string()),
                    _ => None,
                }),
                C::Education => opt(e.education.map(|l| l.code().to_string())),
                C::Disability => opt(ans(d.disability)),
                C::ForeignBackground => opt(ans(d.foreign_background)),
                C::ThirdCountryNational => opt(ans(d.third_country_national)),
                C::Minority => opt(ans(d.minority)),
                C::Homeless => opt(ans(d.homeless)),
                C::OtherDisadvantaged => opt(ans(d.other_disadvantaged)),
                C::ExitDate => opt(p.exit.as_ref().map(|x| x.date.to_string())),
                C::ExitSituation => opt(p
                    .exit
                    .as_ref()
                    .and_then(|x| x.situation)
                    .map(|s| s.code().to_string())),
                C::QualificationGained => {
                    opt(yes_no(p.exit.as_ref().and_then(|x| x.qualification_gained)))
                }
                C::FollowUpDate => opt(p.follow_up.map(|f| f.date.to_string())),
                C::FollowUpEmployed => opt(yes_no(p.follow_up.and_then(|f| f.employed))),
                C::FollowUpImprovement => opt(p
                    .follow_up
                    .and_then(|f| f.improvement)
                    .map(|i| i.code().to_string())),
            })
            .collect();
        writeln!(w, "{}", fields.join(","))?;
    }
    Ok(())
}

/// A CSV field, quoted when it holds a delimiter, a quote or a line break.
pub(crate) fn quote(s: &str) -> String {
    if s.contains([',', '"', ';', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_date("2016-03-01"), d(2016, 3, 1));
        assert_eq!(parse_date("1.3.2016"), d(2016, 3, 1));
        assert_eq!(parse_date("01.03.2016"), d(2016, 3, 1));
        assert_eq!(parse_date("29.2.2023"), None);
        assert_eq!(parse_date("2016-3-1"), None);
        assert_eq!(parse_date("1.3.16"), None);
        assert_eq!(parse_date("+1.3.2016"), None);
    }

    #[test]
    fn columns_are_listed_in_declaration_order() {
        for (i, (c, _, _)) in COLUMNS.iter().enumerate() {
            assert_eq!(column_index(*c), i);
        }
    }

    #[test]
    fn headers_in_finnish_and_english() {
        assert_eq!(column_by_header("Aloituspäivä"), Some(Column::EntryDate));
        assert_eq!(column_by_header("entry date"), Some(Column::EntryDate));
        assert_eq!(
            column_by_header("Työmarkkina-asema"),
            Some(Column::LabourStatus)
        );
        assert_eq!(column_by_header("shoe size"), None);
    }
}
