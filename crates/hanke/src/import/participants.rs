//! Participant records from and to CSV — *osallistujatiedot CSV-muodossa*.
//! The format is documented in `docs/participant-csv.md`, whose column table
//! is generated from the field table ([`crate::participant::fields`]).

use std::io::{BufRead, Write};

use serde::Serialize;

use std::num::NonZeroUsize;

use super::csv_record::{
    Encoding, FileError, ReadError, Record, RecordReader, RowAccount, SyntaxError, detect_delimiter,
};
use super::parallel;
use super::record::{Cell, RecordBuilder};
use crate::finding::{Finding, rules};
use crate::participant::fields::{COLUMNS, Column, HeaderError, resolve_headers};
use crate::participant::{Answer, LabourStatus, Participant, ParticipantId, Pseudonymiser};
use crate::rulebook::ParticipantRules;

/// Why a file could not be read at all (as opposed to a row, which is rejected
/// and accounted for in the [`ImportReport`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The file cannot be read at all (empty, a header that cannot be read, a
    /// failed read): what every CSV reader shares.
    #[error(transparent)]
    File(#[from] FileError),
    /// The header's columns would lose data or lack a required one (the same
    /// [`HeaderError`] an Arrow table gets for the same mistake).
    #[error("line {line}: {error}")]
    Columns {
        /// The line of the header.
        line: u64,
        /// What is wrong.
        error: HeaderError,
    },
    /// The file was named Windows-1252 but is UTF-8 with letters outside
    /// ASCII: read so, every `ä` would become `Ã¤` without a word.
    #[error(
        "the file is UTF-8 with letters outside ASCII; read as windows-1252 they would change (ä → Ã¤): leave the encoding out or name utf-8"
    )]
    EncodingMismatch,
    /// The bytes are not a workbook hanke reads (`.xlsx`, `.xlsm`, `.xls`,
    /// `.ods`), or the workbook is damaged.
    #[error("not a readable workbook (.xlsx, .xls or .ods): {message}")]
    Workbook {
        /// What the workbook reader said.
        message: crate::Echo,
    },
    /// The sheet asked for is not in the workbook.
    #[error("the workbook has no sheet {name}; its sheets: {}", sheets.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))]
    NoSheet {
        /// The sheet asked for.
        name: crate::Echo,
        /// The sheets it has.
        sheets: Vec<crate::Echo>,
    },
    /// The options ask for what cannot be done (identity codes dropped
    /// without a pseudonymiser).
    #[error(transparent)]
    Pseudonym(#[from] crate::participant::PseudonymError),
    /// An option given for a source it does not apply to — a sheet for a
    /// CSV file or a table, an encoding or a delimiter for a workbook or a
    /// table ([`SourceKind::check`]): it would do nothing, and the caller
    /// would believe it had.
    #[error("{option} {applies_to}; {given} has none: leave it out")]
    OptionNotForSource {
        /// The option (`sheet`, `encoding`, `delimiter`).
        option: &'static str,
        /// What it is for.
        applies_to: &'static str,
        /// What was given instead.
        given: &'static str,
    },
}

impl ImportOptions {
    /// Whether what is asked of identity codes can be done: dropping them
    /// only once pseudonymised, never without a pseudonymiser (the codes
    /// would be kept without a word). Every reader asks this, a file's
    /// through [`SourceKind::check`].
    pub(crate) fn check_identity_codes(&self) -> Result<(), crate::participant::PseudonymError> {
        if self.drop_identity_codes && self.pseudonymiser.is_none() {
            return Err(crate::participant::PseudonymError::DropWithoutSecret);
        }
        Ok(())
    }
}

/// What a participant list is read from — *lähde* — for telling which
/// options apply to it ([`SourceKind::check`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SourceKind {
    /// A CSV file.
    Csv,
    /// A workbook (`.xlsx`, `.xls`, `.ods`).
    Workbook,
    /// An Arrow table (polars, pandas, pyarrow), typed columns.
    Table,
}

impl SourceKind {
    /// Whether `sheet` and the options apply to this kind of source: a sheet
    /// to a workbook only, an encoding and a delimiter to a CSV file only;
    /// and whether they can be done at all (identity codes dropped only once
    /// pseudonymised: never without a pseudonymiser). An option that cannot
    /// apply is refused, never silently ignored; every reader asks this.
    ///
    /// ```
    /// use hanke::import::{ImportOptions, SourceKind};
    /// let options = ImportOptions::default();
    /// assert!(SourceKind::Workbook.check(Some("Osallistujat"), &options).is_ok());
    /// let e = SourceKind::Csv.check(Some("Osallistujat"), &options).unwrap_err();
    /// assert_eq!(e.code(), "import.option_not_for_source");
    /// assert_eq!(e.to_string(), "sheet names a sheet of a workbook; a CSV file has none: leave it out");
    /// ```
    pub fn check(self, sheet: Option<&str>, options: &ImportOptions) -> Result<(), ImportError> {
        let given = match self {
            SourceKind::Csv => "a CSV file",
            SourceKind::Workbook => "a workbook",
            SourceKind::Table => "a table",
        };
        let refuse = |option, applies_to| {
            Err(ImportError::OptionNotForSource {
                option,
                applies_to,
                given,
            })
        };
        options.check_identity_codes()?;
        if sheet.is_some() && self != SourceKind::Workbook {
            return refuse("sheet", "names a sheet of a workbook");
        }
        if self != SourceKind::Csv {
            if options.encoding.is_some() {
                return refuse("encoding", "names the encoding of a CSV file's bytes");
            }
            if options.delimiter.is_some() {
                return refuse("delimiter", "names the delimiter of a CSV file");
            }
        }
        Ok(())
    }
}

error_codes! {
    ImportError {
        ImportError::EncodingMismatch => "import.encoding_mismatch": "A file named Windows-1252 that is UTF-8 with letters outside ASCII (read so, every letter would change).",
        ImportError::Workbook { .. } => "import.workbook": "The bytes are not a workbook hanke reads (.xlsx, .xlsm, .xls, .ods), or the workbook is damaged.",
        ImportError::NoSheet { .. } => "import.no_sheet": "The sheet asked for is not in the workbook.",
        ImportError::OptionNotForSource { .. } => "import.option_not_for_source": "An option given for a source it does not apply to: a sheet for a CSV file or a table, an encoding or a delimiter for a workbook or a table.",
    }
    via {
        ImportError::File(e) => e,
        ImportError::Columns { error, .. } => error,
        ImportError::Pseudonym(e) => e,
    }
}

impl ImportError {
    /// The line of the file, where there is one.
    pub fn line(&self) -> Option<u64> {
        match self {
            ImportError::EncodingMismatch
            | ImportError::Workbook { .. }
            | ImportError::NoSheet { .. }
            | ImportError::OptionNotForSource { .. }
            | ImportError::Pseudonym(_) => None,
            ImportError::File(e) => e.line(),
            ImportError::Columns { line, .. } => Some(*line),
        }
    }
}

/// How to read participant records (a CSV file, or an Arrow table).
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
    /// Without one, every reader refuses it
    /// (`pseudonym.drop_without_secret`): the codes would be kept.
    pub drop_identity_codes: bool,
    /// Check every accepted record against these rules; findings carry the line.
    pub rules: Option<&'static ParticipantRules>,
    /// Columns to leave out, by header (compared as headers are: case, spaces,
    /// hyphens and underscores do not matter) — a coordinator's `Nimi` beside
    /// the format's columns. Their data never enters a record; the report
    /// lists them ([`ImportReport::ignored_columns`]). Any other column the
    /// format does not have stops the import (`import.unknown_column`).
    pub ignore_columns: Vec<String>,
    /// The file's encoding. `None`: UTF-8, or Windows-1252 where the start of
    /// the file shows it with certainty ([`Encoding::detect`]); the report says
    /// which was used.
    pub encoding: Option<Encoding>,
    /// Threads for reading a whole CSV file ([`read_participants_csv`],
    /// [`read_participants_csv_with_lines`], and `read_participants_file`
    /// for a CSV path): `None` or 1 reads on the calling thread only (the
    /// default: threads are opt-in, ADR 0025); more reads with
    /// [`ParticipantCsvReader::read_parallel`], with identical results (at
    /// most 64 threads are started, whatever this asks). The
    /// streaming [`ParticipantCsvReader::next_participant`], workbooks and
    /// Arrow tables are read on the calling thread whatever this says.
    pub threads: Option<NonZeroUsize>,
    /// Labels given apart from their keys, by a table column's name: an
    /// integer column named here is read as a dictionary column whose keys
    /// are its integers and whose labels these are — a polars frame's
    /// categoricals by their physical codes, whose one category list every
    /// column shares, without building (and checking) an Arrow dictionary
    /// per column (issue 29, ADR 0025 §11). Read exactly as that dictionary
    /// would be: a present key past the labels is refused at its row, and a
    /// column of a kind no dictionary is read for is refused. Arrow tables
    /// only.
    #[cfg(feature = "arrow")]
    pub categories: Vec<(String, arrow_array::ArrayRef)>,
}

/// The account of an import — *tuontiraportti*: every row is either accepted or
/// rejected, with the reasons, and every line of the file is accounted for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ImportReport {
    /// The account of rows and lines.
    #[serde(flatten)]
    pub account: RowAccount,
    /// Columns left out as asked ([`ImportOptions::ignore_columns`]), by their
    /// headers as written.
    pub ignored_columns: Vec<String>,
    /// Columns with an empty header and no value in any row, by position
    /// (`3` for the third field of a CSV line, `G` for a spreadsheet's
    /// column): they carry no data and are left out. A value in one rejects
    /// its row (`IMP-CSV-005`).
    pub unnamed_columns: Vec<String>,
    /// The encoding the file was read in.
    pub encoding: Encoding,
    /// Whether the encoding was detected rather than given (UTF-8 is the
    /// default, not a detection).
    pub encoding_detected: bool,
    /// For a spreadsheet: the sheet, and where its header was found (its
    /// lines are then the sheet's rows from the header down).
    #[cfg(feature = "spreadsheet")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<super::spreadsheet::SheetSource>,
}

row_account_report!(ImportReport);

/// Where each field of the format is in a header — *otsikkorivin sarakkeet*:
/// shared by the CSV and the spreadsheet readers so that one header reads the
/// same in both.
#[derive(Debug, Clone)]
pub(crate) struct HeaderLayout {
    /// Column → position in the row.
    pub(crate) positions: [Option<usize>; COLUMNS.len()],
    /// Columns left out as asked, by their headers as written (redacted).
    pub(crate) ignored: Vec<String>,
    /// Positions of the columns with an empty header.
    pub(crate) unnamed: Vec<usize>,
}

impl HeaderLayout {
    /// The layout of `headers`: an empty header is an unnamed column (its
    /// values must be empty), an ignored one is listed, any other must name a
    /// column of the format ([`resolve_headers`]).
    pub(crate) fn new(headers: &[&str], ignore: &[String]) -> Result<HeaderLayout, HeaderError> {
        let named: Vec<(usize, &str)> = headers
            .iter()
            .enumerate()
            .filter(|(_, h)| !h.trim().is_empty())
            .map(|(i, h)| (i, *h))
            .collect();
        let names: Vec<&str> = named.iter().map(|(_, h)| *h).collect();
        let columns = resolve_headers(&names, ignore, &[Column::ParticipantId, Column::EntryDate])?;
        let mut layout = HeaderLayout {
            positions: [None; COLUMNS.len()],
            ignored: Vec::new(),
            unnamed: (0..headers.len())
                .filter(|i| headers.get(*i).is_some_and(|h| h.trim().is_empty()))
                .collect(),
        };
        for ((i, header), column) in named.iter().zip(columns) {
            match column {
                Some(c) => {
                    if let Some(slot) = layout.positions.get_mut(c as usize) {
                        *slot = Some(*i);
                    }
                }
                None => layout
                    .ignored
                    .push(crate::ids::redact(header.trim()).into_owned()),
            }
        }
        Ok(layout)
    }
}

/// `IMP-CSV-006` for each name of `asked` (given as `option`) that no header
/// of `headers` is, by `is` — once a name, in the order asked. A name that
/// matches nothing leaves nothing out; most often it is a typing slip, and
/// then the column meant was read, or refused, after all.
pub(crate) fn absent_option_columns<'a>(
    headers: &[&str],
    option: &str,
    asked: impl IntoIterator<Item = &'a str>,
    is: impl Fn(&str, &str) -> bool,
) -> Vec<Finding> {
    let mut absent: Vec<&str> = Vec::new();
    for name in asked {
        if !headers.iter().any(|h| is(h, name)) && !absent.contains(&name) {
            absent.push(name);
        }
    }
    absent
        .into_iter()
        .map(|name| {
            let name = crate::ids::redact(name.trim());
            Finding::new(
                &rules::CSV_OPTION_COLUMN_ABSENT,
                option,
                format!(
                    "{option} names `{name}`, which the header does not have: nothing was done for it (check its spelling against the header)"
                ),
                format!(
                    "{option} nimeää sarakkeen `{name}`, jota otsikkorivillä ei ole: sille ei tehty mitään (tarkista kirjoitusasu otsikkoriviltä)"
                ),
                format!(
                    "{option} namnger kolumnen `{name}`, som rubrikraden saknar: inget gjordes för den (kontrollera stavningen mot rubrikraden)"
                ),
            )
        })
        .collect()
}

/// [`absent_option_columns`] for [`ImportOptions::ignore_columns`], compared
/// as headers are.
pub(crate) fn absent_ignored_columns(headers: &[&str], options: &ImportOptions) -> Vec<Finding> {
    absent_option_columns(
        headers,
        "ignore_columns",
        options.ignore_columns.iter().map(String::as_str),
        crate::participant::label_is,
    )
}

/// The refusal of a row with a value under an empty header (`IMP-CSV-005`),
/// the column named by its position.
pub(crate) fn value_without_header(position: &str) -> Finding {
    Finding::new(
        &rules::CSV_VALUE_WITHOUT_HEADER,
        "",
        format!(
            "column {position} has a value but no header: name the column in the header, or empty it"
        ),
        format!(
            "sarakkeessa {position} on arvo mutta ei otsikkoa: nimeä sarake otsikkorivillä tai tyhjennä se"
        ),
        format!(
            "kolumn {position} har ett värde men ingen rubrik: namnge kolumnen i rubrikraden eller töm den"
        ),
    )
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
    /// The number of fields of the header.
    width: usize,
    /// Where each column is.
    layout: HeaderLayout,
    options: ImportOptions,
    report: ImportReport,
    failed: bool,
    /// Lines of delimiters only, counted as blank.
    empty_rows: u64,
    builder: RecordBuilder,
    last_line: Option<u64>,
}

impl<R: BufRead> ParticipantCsvReader<R> {
    /// Reads the header and prepares to read rows. Fails on a header that would
    /// lose data (unknown or repeated columns) or lacks `participant_id` or
    /// `entry_date`.
    pub fn new(mut src: R, options: ImportOptions) -> Result<Self, ImportError> {
        SourceKind::Csv.check(None, &options)?;
        let delimiter = options
            .delimiter
            .unwrap_or_else(|| detect_delimiter(&mut src));
        let (encoding, detected) = match options.encoding {
            Some(Encoding::Windows1252) => {
                let sample = src.fill_buf().unwrap_or(&[]);
                let non_ascii_utf8 = Encoding::detect(sample) == Some(Encoding::Utf8)
                    && sample.iter().any(|b| !b.is_ascii());
                if non_ascii_utf8 {
                    return Err(ImportError::EncodingMismatch);
                }
                (Encoding::Windows1252, false)
            }
            Some(e) => (e, false),
            None => match Encoding::detect(src.fill_buf().unwrap_or(&[])) {
                Some(Encoding::Windows1252) => (Encoding::Windows1252, true),
                _ => (Encoding::Utf8, false),
            },
        };
        let mut records = RecordReader::with_encoding(src, delimiter, encoding);
        let line = records.read_header()?;
        let mut names = Vec::with_capacity(records.len());
        for i in 0..records.len() {
            match records.field_str(i) {
                Some(Ok(name)) => names.push(name.to_string()),
                _ => {
                    return Err(ImportError::File(FileError::Header {
                        line,
                        message: crate::Echo::message(&format!(
                            "header {} is not text in {} (a file saved by Excel as \"CSV\" on Finnish Windows is windows-1252: name that encoding)",
                            i.saturating_add(1),
                            encoding.name()
                        )),
                    }));
                }
            }
        }
        let headers: Vec<&str> = names.iter().map(String::as_str).collect();
        let layout = HeaderLayout::new(&headers, &options.ignore_columns)
            .map_err(|error| ImportError::Columns { line, error })?;
        let mut report = ImportReport {
            ignored_columns: layout.ignored.clone(),
            unnamed_columns: layout
                .unnamed
                .iter()
                .map(|i| i.saturating_add(1).to_string())
                .collect(),
            encoding,
            encoding_detected: detected,
            ..ImportReport::default()
        };
        report.findings = absent_ignored_columns(&headers, &options);
        Ok(ParticipantCsvReader {
            records,
            width: headers.len(),
            report,
            layout,
            options,
            failed: false,
            empty_rows: 0,
            builder: RecordBuilder::default(),
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
        self.report.blank_lines = self.records.blank_lines.saturating_add(self.empty_rows);
        self.report.lines = self.records.lines();
        // The header is a record of the reader's, not a row; nor is a line of
        // delimiters only.
        self.report.record_lines = self
            .records
            .record_lines()
            .saturating_sub(1)
            .saturating_sub(self.empty_rows);
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
            let row = match next_row(&mut self.records, &mut self.empty_rows) {
                Ok(Some(row)) => row,
                Ok(None) => {
                    self.sync_lines();
                    return Ok(None);
                }
                Err(e) => {
                    self.failed = true;
                    return Err(e);
                }
            };
            self.report.rows_read = self.report.rows_read.saturating_add(1);
            let line = match row {
                Ok(line) => line,
                Err(malformed) => {
                    reject(&mut self.report.account, malformed);
                    continue;
                }
            };
            let rows = RowFormat {
                width: self.width,
                layout: &self.layout,
                options: &self.options,
            };
            let built = rows.read(
                self.records.record(),
                line,
                &mut self.builder,
                &mut self.report.account,
            );
            if let Some(p) = built {
                self.last_line = Some(line);
                return Ok(Some(p));
            }
        }
    }

    /// The account of a line that breaks the CSV syntax (`IMP-CSV-001`).
    fn malformed(line: u64, error: SyntaxError) -> Finding {
        Finding::new(
            &rules::CSV_MALFORMED,
            "",
            error.describe(),
            format!("rivin CSV-muoto on virheellinen: {}", error.describe_fi()),
            format!("radens CSV-format är felaktigt: {}", error.describe_sv()),
        )
        .at_lines(line, error.last_line().unwrap_or(line))
    }

    /// Reads the rest of the file on `threads` threads and gives the accepted
    /// participants to `sink` in the order of the file, a batch at a time;
    /// returns the report. The participants, the report and its every finding
    /// are **identical** to reading with [`Self::next_participant`] — the same
    /// code reads each row, and the batches are put back in order.
    ///
    /// The calling thread reads and splits the lines (the strict CSV syntax
    /// and the line account stay in one place) and calls `sink`; `threads`
    /// other threads turn fields into records (labels, dates, identity codes,
    /// the rules), which is most of the work. With `threads` = 1 nothing is
    /// started: the calling thread reads as [`Self::next_participant`] does.
    /// Threads are opt-in (ADR 0025) and scoped: none outlives the call; at
    /// most 64 are started (one thread splits the lines for all of them), and
    /// where the system refuses a thread the reading goes on with those it
    /// has, or on the calling thread.
    /// Memory stays bounded by what `sink` keeps plus a few batches in flight
    /// per thread. A read failure ends the reading with its error; batches
    /// given to `sink` before it stay given, as with the streaming reader.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// use hanke::import::{ImportOptions, ParticipantCsvReader, read_participants_csv};
    /// let mut csv = String::from("participant_id;entry_date\n");
    /// for i in 0..10_000 {
    ///     csv.push_str(&format!("P{i};{}.3.2016\n", if i % 7 == 0 { 32 } else { 1 }));
    /// }
    /// let reader = ParticipantCsvReader::new(csv.as_bytes(), ImportOptions::default())?;
    /// let mut ids = Vec::new();
    /// let report = reader.read_parallel(NonZeroUsize::new(2).unwrap(), |batch| ids.extend(batch.into_iter().map(|p| p.id)))?;
    /// let (one, one_report) = read_participants_csv(csv.as_bytes(), ImportOptions::default())?;
    /// assert_eq!(ids, one.iter().map(|p| p.id).collect::<Vec<_>>());
    /// assert_eq!(report, one_report);
    /// assert_eq!(report.rejected, 1_429);
    /// # Ok::<(), hanke::import::ImportError>(())
    /// ```
    pub fn read_parallel(
        self,
        threads: NonZeroUsize,
        mut sink: impl FnMut(Vec<Participant>),
    ) -> Result<ImportReport, ImportError> {
        self.read_in_batches(threads, BATCH_ROWS, |accepted| sink(accepted.people))
    }

    /// [`Self::read_parallel`] with `batch_rows` rows a batch (at least one;
    /// tests cut the file at every place), giving each batch's lines too.
    pub(crate) fn read_in_batches(
        mut self,
        threads: NonZeroUsize,
        batch_rows: usize,
        mut sink: impl FnMut(parallel::Accepted),
    ) -> Result<ImportReport, ImportError> {
        let batch_rows = batch_rows.max(1);
        if threads.get() == 1 {
            return self.read_here(batch_rows, &mut sink);
        }
        let rows = RowFormat {
            width: self.width,
            layout: &self.layout,
            options: &self.options,
        };
        let records = &mut self.records;
        let report = &mut self.report;
        let empty_rows = &mut self.empty_rows;
        let outcome: Result<bool, ImportError> = std::thread::scope(|scope| {
            let Some(mut pool) = parallel::Pool::start(scope, threads.get(), &rows) else {
                return Ok(false);
            };
            let mut batch = pool.batch();
            while let Some(row) = next_row(records, empty_rows)? {
                match row {
                    Ok(line) => {
                        batch.records.push(records.record());
                        batch.rows.push(parallel::Row::Fields(line));
                    }
                    Err(malformed) => batch.rows.push(parallel::Row::Malformed(malformed)),
                }
                report.rows_read = report.rows_read.saturating_add(1);
                if batch.rows.len() >= batch_rows {
                    batch = pool.send(batch, &mut |part, accepted| {
                        merge(&mut report.account, part);
                        sink(accepted);
                    });
                }
            }
            pool.finish(batch, &mut |part, accepted| {
                merge(&mut report.account, part);
                sink(accepted);
            });
            Ok(true)
        });
        if !outcome? {
            // No thread could be started: nothing was read yet.
            return self.read_here(batch_rows, &mut sink);
        }
        Ok(self.into_report())
    }

    /// [`Self::read_in_batches`] on the calling thread: the streaming reader,
    /// `batch_rows` participants at a time.
    fn read_here(
        mut self,
        batch_rows: usize,
        sink: &mut impl FnMut(parallel::Accepted),
    ) -> Result<ImportReport, ImportError> {
        let mut batch = parallel::Accepted::default();
        while let Some(p) = self.next_participant()? {
            batch.people.push(p);
            batch.lines.push(self.last_line.unwrap_or_default());
            if batch.people.len() >= batch_rows {
                sink(std::mem::take(&mut batch));
            }
        }
        if !batch.people.is_empty() {
            sink(batch);
        }
        Ok(self.into_report())
    }
}

/// The next row of the file: `Ok(line)` with the record at hand in
/// `records`, or `Err` with the rejection of a line that breaks the CSV
/// syntax (`IMP-CSV-001`); `None` at the end. Lines of delimiters only (what
/// a spreadsheet writes for an empty row) are blank lines, as the empty row
/// is in the sheet: counted in `empty_rows` and skipped. The one reading of
/// rows for the streaming reader and for [`ParticipantCsvReader::read_parallel`].
fn next_row<R: BufRead>(
    records: &mut RecordReader<R>,
    empty_rows: &mut u64,
) -> Result<Option<Result<u64, Finding>>, ImportError> {
    loop {
        let line = match records.read() {
            Ok(Some(line)) => line,
            Ok(None) => return Ok(None),
            Err(ReadError::Syntax { line, error }) => {
                return Ok(Some(Err(ParticipantCsvReader::<R>::malformed(line, error))));
            }
            Err(ReadError::Io { line, error }) => {
                return Err(FileError::Io {
                    line,
                    source: error,
                }
                .into());
            }
        };
        if !is_empty_row(records.record()) {
            return Ok(Some(Ok(line)));
        }
        *empty_rows = empty_rows.saturating_add(1);
    }
}

/// Counts a row rejected for `finding` (a row the CSV syntax refused), in its
/// place among the account's rejections.
pub(crate) fn reject(account: &mut RowAccount, finding: Finding) {
    account.rejected = account.rejected.saturating_add(1);
    account.rejections.push(finding);
}

/// Rows handed to a thread at a time by [`ParticipantCsvReader::read_parallel`]:
/// large enough that handing over costs nothing next to reading them (≈ 2 ms
/// of work), small enough that a few in flight per thread are a few MB.
pub(crate) const BATCH_ROWS: usize = 4_096;

/// Adds a thread's account of its rows to the report's: counts added,
/// findings appended (batches are merged in the order of the file).
fn merge(account: &mut RowAccount, part: RowAccount) {
    account.accepted = account.accepted.saturating_add(part.accepted);
    account.rejected = account.rejected.saturating_add(part.rejected);
    account.rejections.extend(part.rejections);
    account.findings.extend(part.findings);
}

/// Whether a record is a line of delimiters only (spaces and tabs allowed):
/// what a spreadsheet writes for an empty row, counted as a blank line.
fn is_empty_row(record: Record<'_>) -> bool {
    (0..record.len()).all(|i| {
        record
            .field(i)
            .is_none_or(|f| f.iter().all(|b| *b == b' ' || *b == b'\t'))
    })
}

/// What reading a row's fields needs besides the fields: the header's width
/// and layout and the options — *rivin muoto*. [`RowFormat::read`] is the one
/// reading of a row, for the streaming reader and for every thread of
/// [`ParticipantCsvReader::read_parallel`].
pub(crate) struct RowFormat<'o> {
    /// The number of fields of the header.
    width: usize,
    /// Where each column is.
    layout: &'o HeaderLayout,
    options: &'o ImportOptions,
}

impl RowFormat<'_> {
    /// Reads one row (already counted in `rows_read`): the participant, or
    /// `None` with the row counted as rejected and its reasons, at `line`, in
    /// `account`. An accepted row is counted and checked against the rules
    /// of the options.
    pub(crate) fn read(
        &self,
        record: Record<'_>,
        line: u64,
        builder: &mut RecordBuilder,
        account: &mut RowAccount,
    ) -> Option<Participant> {
        if record.len() != self.width {
            account.rejected = account.rejected.saturating_add(1);
            let (got, want) = (record.len(), self.width);
            account.rejections.push(
                Finding::new(
                    &rules::CSV_MALFORMED,
                    "",
                    format!("the row has {got} fields; the header has {want}"),
                    format!("rivillä on {got} kenttää; otsikkorivillä {want}"),
                    format!("raden har {got} fält; rubrikraden {want}"),
                )
                .at_line(line),
            );
            return None;
        }
        let before = account.rejections.len();
        let stray: Vec<usize> = self
            .layout
            .unnamed
            .iter()
            .copied()
            .filter(|&i| {
                record
                    .field_str(i)
                    .is_some_and(|t| t.map_or(true, |t| !t.trim().is_empty()))
            })
            .collect();
        if !stray.is_empty() {
            account.rejected = account.rejected.saturating_add(1);
            account.rejections.extend(
                stray
                    .iter()
                    .map(|i| value_without_header(&i.saturating_add(1).to_string()).at_line(line)),
            );
            return None;
        }
        let positions = &self.layout.positions;
        let cell = |c: Column| -> Cell<'_> {
            let Some(i) = positions.get(c as usize).copied().flatten() else {
                return Cell::Missing;
            };
            match record.field_str(i) {
                None => Cell::Missing,
                Some(Err(())) => Cell::NotText,
                Some(Ok(text)) => {
                    // Most values have no surrounding space: skip the
                    // Unicode-aware trim when the first and last bytes
                    // are visible ASCII.
                    let raw = text.as_bytes();
                    let visible = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
                    let t = if visible(raw.first()) && visible(raw.last()) {
                        text
                    } else {
                        text.trim()
                    };
                    if t.is_empty() {
                        Cell::Missing
                    } else {
                        Cell::Text(t)
                    }
                }
            }
        };
        let built = builder.build(self.options, &cell, &mut account.rejections);
        for f in account.rejections.iter_mut().skip(before) {
            f.line = Some(line);
        }
        match built {
            Some(p) => {
                account.accepted = account.accepted.saturating_add(1);
                if let Some(rules) = self.options.rules {
                    account
                        .findings
                        .extend(rules.check(&p).into_iter().map(|f| f.at_line(line)));
                }
                Some(p)
            }
            None => {
                account.rejected = account.rejected.saturating_add(1);
                None
            }
        }
    }
}

impl<R: BufRead> Iterator for ParticipantCsvReader<R> {
    type Item = Result<Participant, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_participant().transpose()
    }
}

/// Reads a whole participant file into memory, with its account — on the
/// threads [`ImportOptions::threads`] asks for (the calling thread by
/// default; the same result on any number).
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
    let (people, _, report) = read_whole(src, options, false)?;
    Ok((people, report))
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
    read_whole(src, options, true)
}

/// A whole file on the threads the options ask for (one by default), the
/// lines of the records where asked.
fn read_whole<R: BufRead>(
    src: R,
    options: ImportOptions,
    with_lines: bool,
) -> Result<ParticipantsWithLines, ImportError> {
    let threads = options.threads.unwrap_or(NonZeroUsize::MIN);
    let reader = ParticipantCsvReader::new(src, options)?;
    let (mut people, mut lines) = (Vec::new(), Vec::new());
    let report = reader.read_in_batches(threads, BATCH_ROWS, |batch| {
        if with_lines {
            lines.extend(batch.people.iter().map(|p| p.id).zip(batch.lines));
        }
        people.extend(batch.people);
    })?;
    Ok((people, lines, report))
}

/// Accepted records, the line each came from, and the import report.
pub type ParticipantsWithLines = (Vec<Participant>, Vec<(ParticipantId, u64)>, ImportReport);

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
    let columns: Vec<Column> = Column::ALL
        .into_iter()
        .filter(|c| *c != C::IdentityCode || identity_codes == IdentityCodes::Include)
        .collect();
    let header: Vec<&str> = columns.iter().map(|c| c.name()).collect();
    writeln!(w, "{}", header.join(","))?;
    for p in participants {
        let fields: Vec<String> = columns
            .iter()
            .map(|c| {
                // Through the publication gate's CSV cell, codes kept as they
                // are (this file is data hanke reads back; the identity-code
                // column is written only when asked): a formula is neutralised
                // with a leading `'`, which the reader takes off again.
                crate::publish::data_csv_cell(&column_text(p, *c).unwrap_or_default())
            })
            .collect();
        writeln!(w, "{}", fields.join(","))?;
    }
    Ok(())
}

/// The text of one column of a record, as files write it: codes, ISO dates,
/// `yes`/`no`; `None` where the record has no value. The identity code is
/// written in full: callers decide whether a column leaves the library.
pub(crate) fn column_text(p: &Participant, c: Column) -> Option<String> {
    use Column as C;
    let e = &p.entry;
    let d = &e.disadvantages;
    let ans = |a: Option<Answer>| a.map(|a| a.code().to_string());
    let yes_no = |b: Option<bool>| b.map(|b| if b { "yes" } else { "no" }.to_string());
    match c {
        C::ParticipantId => Some(p.id.as_str().to_string()),
        C::IdentityCode => p.identity_code.as_ref().map(|c| c.expose().to_string()),
        C::Pseudonym => p.pseudonym.map(|x| x.to_string()),
        C::EntryDate => Some(e.date.to_string()),
        C::BirthDate => e.birth_date.map(|x| x.to_string()),
        C::Gender => e.gender.map(|g| g.code().to_string()),
        C::Municipality => e.municipality.map(|m| m.to_string()),
        C::LabourStatus => e.labour_status.map(|s| s.code().to_string()),
        C::UnemployedSince => match e.labour_status {
            Some(LabourStatus::Unemployed { since }) => since.map(|x| x.to_string()),
            _ => None,
        },
        C::Education => e.education.map(|l| l.code().to_string()),
        C::Disability => ans(d.disability),
        C::ForeignBackground => ans(d.foreign_background),
        C::ThirdCountryNational => ans(d.third_country_national),
        C::Minority => ans(d.minority),
        C::Homeless => ans(d.homeless),
        C::OtherDisadvantaged => ans(d.other_disadvantaged),
        C::HouseholdJobless => yes_no(e.household.map(|h| h.jobless)),
        C::HouseholdDependentChildren => yes_no(e.household.map(|h| h.dependent_children)),
        C::HouseholdSingleAdult => yes_no(e.household.map(|h| h.single_adult)),
        C::ExitDate => p.exit.as_ref().map(|x| x.date.to_string()),
        C::ExitSituation => p
            .exit
            .as_ref()
            .and_then(|x| x.situation)
            .map(|s| s.code().to_string()),
        C::QualificationGained => yes_no(p.exit.as_ref().and_then(|x| x.qualification_gained)),
        C::FollowUpDate => p.follow_up.map(|f| f.date.to_string()),
        C::FollowUpEmployed => yes_no(p.follow_up.and_then(|f| f.employed)),
        C::FollowUpImprovement => p
            .follow_up
            .and_then(|f| f.improvement)
            .map(|i| i.code().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_finnish_swedish_and_english() {
        assert_eq!(Column::from_header("Aloituspäivä"), Some(Column::EntryDate));
        assert_eq!(Column::from_header("entry date"), Some(Column::EntryDate));
        assert_eq!(
            Column::from_header("Työmarkkina-asema"),
            Some(Column::LabourStatus)
        );
        assert_eq!(Column::from_header("Kön"), Some(Column::Gender));
        assert_eq!(Column::from_header("shoe size"), None);
    }
}
