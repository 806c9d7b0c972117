//! Participant lists from spreadsheets — *osallistujaluettelo
//! taulukkolaskentatiedostona* (`.xlsx`, `.xls`, `.ods`).
//!
//! The sheet goes through the same field table, header layout
//! ([`HeaderLayout`]), record builder and row account as a CSV file: one list
//! reads the same whether a coordinator saved it as a workbook or as CSV.
//! What a spreadsheet adds, and how it is read:
//!
//! - **Title rows above the header** (a merged "Osallistujat 2024" row): the
//!   header is the first row with a cell that names the `participant_id`
//!   column (in any of its English, Finnish or Swedish headers); the rows above
//!   it are counted in [`SheetSource::rows_above_header`], never read as data.
//! - **Dates as Excel stores them**: a cell formatted as a date (a serial
//!   number in the 1900 or 1904 system, or an ISO date in `.ods`) is that day;
//!   a date with a time of day gives its day and an `IMP-TIME-001` warning, as
//!   an Arrow timestamp does; dates written as text read as in CSV. A plain
//!   number in a date column is refused — a number is never turned into a date
//!   — and a date in any other column is refused, never turned into a number.
//! - **Numbers**: a whole number in a text column reads as its digits (what
//!   the CSV Excel writes holds); a number with a fraction is refused.
//! - **Empty columns**: a column with an empty header and no values (the
//!   trailing column a sheet's formatting leaves) is listed in
//!   [`ImportReport::unnamed_columns`]; a value in one rejects its row
//!   (`IMP-CSV-005`), as in CSV.
//! - **Hidden columns** are read like the others, as Excel's own CSV export
//!   writes them: hiding a column in a sheet does not remove its data.
//! - **Where**: every finding names its cell (`Osallistujat!C7`) and the row
//!   number the spreadsheet shows ([`Finding::at_cell`]).

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use chrono::NaiveDate;
use serde::Serialize;

use super::participants::{HeaderLayout, value_without_header};
use super::record::{Cell, RecordBuilder};
use super::{ImportError, ImportOptions, ImportReport, ParticipantsWithLines};
use crate::finding::{Finding, rules};
use crate::participant::fields::{COLUMNS, Column, ValueKind};

/// How many rows from the top a header is looked for in.
const HEADER_SEARCH_ROWS: usize = 50;

/// Where in a workbook a participant list was read from — *taulukon
/// lähde*: part of the [`ImportReport`] of a spreadsheet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SheetSource {
    /// The sheet read.
    pub sheet: String,
    /// Every sheet of the workbook, in order.
    pub sheets: Vec<String>,
    /// The row of the header, as the spreadsheet numbers rows (from 1).
    pub header_row: u64,
    /// Rows above the header with something in them (a title, a date): not
    /// data, and not read.
    pub rows_above_header: u64,
}

const DURATION: (&str, &str, &str) = ("a duration", "kesto", "en varaktighet");
const SHEET_ERROR: (&str, &str, &str) = (
    "a spreadsheet error value (such as #N/A or #VALUE!)",
    "taulukon virhearvo (kuten #PUUTTUU! tai #ARVO!)",
    "ett felvärde i kalkylarket (som #SAKNAS! eller #VÄRDEFEL!)",
);
const UNREADABLE_DATE: (&str, &str, &str) = (
    "a spreadsheet date that cannot be read",
    "taulukon päivämäärä, jota ei voi lukea",
    "ett datum i kalkylarket som inte kan läsas",
);

/// A spreadsheet's column letters (`0` → `A`, `26` → `AA`).
///
/// ```
/// use hanke::import::column_letters;
/// assert_eq!([column_letters(0), column_letters(25), column_letters(26), column_letters(701)], ["A", "Z", "AA", "ZZ"]);
/// ```
pub fn column_letters(index: u32) -> String {
    let mut n = u64::from(index).saturating_add(1);
    let mut out = Vec::new();
    while n > 0 {
        let rem = n.saturating_sub(1) % 26;
        out.push(char::from(b'A'.saturating_add(rem as u8)));
        n = n.saturating_sub(1) / 26;
    }
    out.iter().rev().collect()
}

/// A cell as the record builder is given it, before borrowing.
enum Converted<'a> {
    Cell(Cell<'a>),
    /// A whole number in a text column: read as its digits.
    Digits(i64),
    /// A date with a time of day: the day, with a warning.
    DayOfTime(NaiveDate),
}

fn whole(f: f64) -> Option<i64> {
    // Whole and within the range an i64 holds exactly.
    (f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
}

fn convert(data: &Data, kind: ValueKind) -> Converted<'_> {
    let number = |n: i64| {
        if kind == ValueKind::Date {
            // A number is never turned into a date: the builder refuses it.
            Converted::Cell(Cell::Int(n))
        } else {
            Converted::Digits(n)
        }
    };
    match data {
        Data::Empty => Converted::Cell(Cell::Missing),
        Data::String(s) => match s.trim() {
            "" => Converted::Cell(Cell::Missing),
            t => Converted::Cell(Cell::Text(t)),
        },
        Data::Int(n) => number(*n),
        Data::Float(f) => match whole(*f) {
            Some(n) => number(n),
            None => Converted::Cell(Cell::Fraction),
        },
        Data::Bool(b) => Converted::Cell(Cell::Bool(*b)),
        Data::DateTime(dt) if dt.is_duration() => Converted::Cell(Cell::Refused(&DURATION)),
        Data::DateTime(dt) => {
            let (y, m, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
            match NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d)) {
                None => Converted::Cell(Cell::OutOfRange),
                Some(day) if (h, mi, s, ms) == (0, 0, 0, 0) => Converted::Cell(Cell::Date(day)),
                Some(day) => Converted::DayOfTime(day),
            }
        }
        Data::DateTimeIso(text) => iso_day(text),
        Data::DurationIso(_) => Converted::Cell(Cell::Refused(&DURATION)),
        Data::Error(_) => Converted::Cell(Cell::Refused(&SHEET_ERROR)),
    }
}

/// An OpenDocument date value (`2016-03-01` or `2016-03-01T10:30:00`).
fn iso_day(text: &str) -> Converted<'_> {
    let (day, time) = text.split_once('T').unwrap_or((text, ""));
    let Ok(d) = NaiveDate::parse_from_str(day, "%Y-%m-%d") else {
        return Converted::Cell(Cell::Refused(&UNREADABLE_DATE));
    };
    if time.trim_start_matches(['0', ':', '.']).is_empty() {
        Converted::Cell(Cell::Date(d))
    } else {
        Converted::DayOfTime(d)
    }
}

fn is_blank(row: &[Data]) -> bool {
    row.iter().all(|d| match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    })
}

fn header_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        // A number or a date as a header names no column; shown as written.
        other => other.to_string(),
    }
}

/// Reads the participant list on `sheet` (the first sheet when `None`) of a
/// workbook (`.xlsx`, `.xlsm`, `.xls`, `.ods`; the format is read from the
/// bytes), with the account of every row and the row each accepted record
/// came from.
///
/// ```
/// use hanke::import::{ImportOptions, read_participants_sheet};
/// let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/osallistujat.xlsx"))?;
/// let mut options = ImportOptions::default();
/// options.accept_temporary_codes = true; // synthetic people
/// let (people, rows, report) = read_participants_sheet(&bytes, None, options)?;
/// assert!(report.is_balanced());
/// assert_eq!((report.accepted, report.rejected), (5, 2));
/// assert_eq!(report.rejections[0].cell.as_deref(), Some("Osallistujat!B8"));
/// assert_eq!(report.sheet.as_ref().map(|s| s.header_row), Some(2));
/// assert_eq!(rows.first().map(|r| r.1), Some(3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_participants_sheet(
    bytes: &[u8],
    sheet: Option<&str>,
    options: ImportOptions,
) -> Result<ParticipantsWithLines, ImportError> {
    let mut workbook =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| ImportError::Workbook {
            message: crate::Echo::message(&e.to_string()),
        })?;
    let sheets = workbook.sheet_names();
    let name = match sheet {
        Some(s) => sheets
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| ImportError::NoSheet {
                name: crate::Echo::new(s),
                sheets: sheets.iter().map(|n| crate::Echo::new(n)).collect(),
            })?,
        None => sheets
            .first()
            .cloned()
            .ok_or(ImportError::File(super::csv_record::FileError::Empty))?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| ImportError::Workbook {
            message: crate::Echo::message(&e.to_string()),
        })?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let rows: Vec<&[Data]> = range.rows().collect();
    let sheet_row = |i: usize| u64::from(top).saturating_add(i as u64).saturating_add(1);
    let letters = |i: usize| column_letters(left.saturating_add(i as u32));

    // The header: the first row naming participant_id, else the first row
    // with anything in it (so that its mistake is the one reported).
    let names_id = |row: &&[Data]| {
        row.iter().any(|d| {
            matches!(d, Data::String(s) if Column::from_header(s) == Some(Column::ParticipantId))
        })
    };
    let header_at = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(names_id)
        .or_else(|| rows.iter().position(|r| !is_blank(r)))
        .ok_or(ImportError::File(super::csv_record::FileError::Empty))?;
    let header_line = sheet_row(header_at);
    let headers: Vec<String> = rows
        .get(header_at)
        .map(|r| r.iter().map(header_text).collect())
        .unwrap_or_default();
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let layout = HeaderLayout::new(&header_refs, &options.ignore_columns).map_err(|error| {
        ImportError::Columns {
            line: header_line,
            error,
        }
    })?;
    let mut report = ImportReport {
        ignored_columns: layout.ignored.clone(),
        unnamed_columns: layout.unnamed.iter().map(|i| letters(*i)).collect(),
        sheet: Some(SheetSource {
            sheet: crate::ids::redact(&name).into_owned(),
            sheets: sheets
                .iter()
                .map(|n| crate::ids::redact(n).into_owned())
                .collect(),
            header_row: header_line,
            rows_above_header: rows.iter().take(header_at).filter(|r| !is_blank(r)).count() as u64,
        }),
        ..ImportReport::default()
    };
    // The account counts from the header down, as a CSV file's lines do.
    report.lines = rows.len().saturating_sub(header_at) as u64;

    let mut builder = RecordBuilder::default();
    let (mut people, mut lines) = (Vec::new(), Vec::new());
    let empty = Data::Empty;
    for (i, row) in rows.iter().enumerate().skip(header_at.saturating_add(1)) {
        let line = sheet_row(i);
        if is_blank(row) {
            report.blank_lines = report.blank_lines.saturating_add(1);
            continue;
        }
        report.rows_read = report.rows_read.saturating_add(1);
        report.record_lines = report.record_lines.saturating_add(1);
        let at = |path: &str| -> String {
            let position = COLUMNS
                .iter()
                .find(|c| c.name == path)
                .and_then(|c| layout.positions.get(c.column as usize).copied().flatten());
            match position {
                Some(p) => format!("{name}!{}{line}", letters(p)),
                None => format!("{name}!{line}:{line}"),
            }
        };
        // Cells beyond the header (a value in a column to its right) are
        // unnamed columns too.
        let stray: Vec<usize> = (0..row.len())
            .filter(|&c| c >= headers.len() || layout.unnamed.contains(&c))
            .filter(|&c| {
                row.get(c)
                    .is_some_and(|d| !is_blank(std::slice::from_ref(d)))
            })
            .collect();
        if !stray.is_empty() {
            report.rejected = report.rejected.saturating_add(1);
            report.rejections.extend(stray.iter().map(|&c| {
                let cell = format!("{name}!{}{line}", letters(c));
                value_without_header(&letters(c)).at_cell(cell, line)
            }));
            continue;
        }
        let mut digits: [String; COLUMNS.len()] = Default::default();
        let mut converted: Vec<Option<Converted<'_>>> = Vec::with_capacity(COLUMNS.len());
        let mut time_notes = Vec::new();
        for spec in &COLUMNS {
            let data = layout
                .positions
                .get(spec.column as usize)
                .copied()
                .flatten()
                .map(|p| row.get(p).unwrap_or(&empty));
            converted.push(data.map(|d| convert(d, spec.kind)));
        }
        for (slot, c) in digits.iter_mut().zip(&converted) {
            if let Some(Converted::Digits(n)) = c {
                *slot = n.to_string();
            }
        }
        let cells: Vec<Cell<'_>> = converted
            .iter()
            .zip(&digits)
            .zip(&COLUMNS)
            .map(|((c, text), spec)| match c {
                None => Cell::Missing,
                Some(Converted::Cell(c)) => *c,
                Some(Converted::Digits(_)) => Cell::Text(text),
                Some(Converted::DayOfTime(day)) => {
                    if spec.kind == ValueKind::Date {
                        time_notes.push(spec.column);
                    }
                    Cell::Date(*day)
                }
            })
            .collect();
        let cell = |c: Column| cells.get(c as usize).copied().unwrap_or(Cell::Missing);
        let before = report.rejections.len();
        let built = builder.build(&options, &cell, &mut report.rejections);
        for f in report.rejections.iter_mut().skip(before) {
            *f = f.clone().at_cell(at(&f.path), line);
        }
        match built {
            Some(p) => {
                report.accepted = report.accepted.saturating_add(1);
                for c in time_notes {
                    report.findings.push(
                        Finding::new(
                            &rules::CSV_TIME_OF_DAY,
                            c.name(),
                            "a date with a time of day; its day is taken",
                            "päivämäärä kellonaikoineen; sen päivä otetaan",
                            "ett datum med en tid på dygnet; dess dag tas",
                        )
                        .at_cell(at(c.name()), line),
                    );
                }
                if let Some(rules) = options.rules {
                    report.findings.extend(
                        rules
                            .check(&p)
                            .into_iter()
                            .map(|f| f.clone().at_cell(at(&f.path), line)),
                    );
                }
                lines.push((p.id, line));
                people.push(p);
            }
            None => report.rejected = report.rejected.saturating_add(1),
        }
    }
    Ok((people, lines, report))
}

/// Whether `path` names a workbook by its extension (`.xlsx`, `.xlsm`,
/// `.xlsb`, `.xls`, `.ods`), case-insensitively.
///
/// ```
/// use hanke::import::is_workbook_path;
/// assert!(is_workbook_path("osallistujat.XLSX".as_ref()));
/// assert!(!is_workbook_path("osallistujat.csv".as_ref()));
/// ```
pub fn is_workbook_path(path: &std::path::Path) -> bool {
    path.extension().and_then(|x| x.to_str()).is_some_and(|x| {
        ["xlsx", "xlsm", "xlsb", "xls", "ods"]
            .iter()
            .any(|w| x.eq_ignore_ascii_case(w))
    })
}

/// Reads the participant list at `path`: a workbook by its extension
/// ([`is_workbook_path`]; `sheet` or the first), any other file as CSV —
/// one entry point for the `hanke` command and the Python binding, so that
/// both read a file the same way.
///
/// ```
/// use hanke::import::{ImportOptions, read_participants_file};
/// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/");
/// let mut options = ImportOptions::default();
/// options.accept_temporary_codes = true;
/// let (a, _, ra) = read_participants_file(format!("{dir}osallistujat.xlsx").as_ref(), None, options.clone())?;
/// let (b, _, rb) = read_participants_file(format!("{dir}osallistujat.csv").as_ref(), None, options)?;
/// assert_eq!((a, ra.rejected), (b, rb.rejected));
/// # Ok::<(), hanke::import::ImportError>(())
/// ```
pub fn read_participants_file(
    path: &std::path::Path,
    sheet: Option<&str>,
    options: ImportOptions,
) -> Result<ParticipantsWithLines, ImportError> {
    let io = |source: std::io::Error| {
        ImportError::File(super::csv_record::FileError::Io { line: 0, source })
    };
    if is_workbook_path(path) {
        let bytes = std::fs::read(path).map_err(io)?;
        read_participants_sheet(&bytes, sheet, options)
    } else {
        let file = std::fs::File::open(path).map_err(io)?;
        super::read_participants_csv_with_lines(std::io::BufReader::new(file), options)
    }
}
