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
//! - **Merged cells** hold their value in the first cell only: every other
//!   cell of a data row that a merge with a value covers is refused with its
//!   cell (.xlsx and .xls, whose merges calamine lists, and .ods, whose
//!   merges are read from its content), never read as empty.
//! - **Where**: every finding names its cell (`Osallistujat!C7`) and the row
//!   number the spreadsheet shows ([`Finding::at_cell`]).

use std::io::Cursor;

use calamine::{CellErrorType, Data, Reader, open_workbook_auto_from_rs};
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
const UNCALCULATED: (&str, &str, &str) = (
    "a formula without a computed value (the file was written by a program that does not calculate: open it in a spreadsheet and save it)",
    "kaava ilman laskettua arvoa (tiedoston kirjoittanut ohjelma ei laske: avaa se taulukkolaskennassa ja tallenna)",
    "en formel utan beräknat värde (filen skrevs av ett program som inte räknar: öppna den i ett kalkylprogram och spara den)",
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

/// A cell's reference as a spreadsheet writes it (`(2, 1)` → `B3`), from its
/// absolute (row, column), both from 0.
fn a1((row, col): (u32, u32)) -> String {
    format!(
        "{}{}",
        column_letters(col),
        u64::from(row).saturating_add(1)
    )
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
            Converted::Cell(Cell::Int(i128::from(n)))
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
        // Excel's own "not computed yet", and what `mark_uncalculated` puts
        // where a formula has no value.
        Data::Error(CellErrorType::GettingData) => Converted::Cell(Cell::Refused(&UNCALCULATED)),
        Data::Error(_) => Converted::Cell(Cell::Refused(&SHEET_ERROR)),
    }
}

/// What a workbook's sheets may hold that costs a pass over a sheet to list
/// (measured: formulas 60 % of the reading, merged cells 40 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MayHold {
    /// A formula element (`<f>`, `<f t="shared" …>`, or with a namespace
    /// prefix, `<x:f>`).
    formulas: bool,
    /// A list of merged cells (`<mergeCells>`).
    merges: bool,
}

/// What the sheets of the workbook in `bytes` may hold: for an .xlsx, what
/// one pass over its sheets' XML finds; for any other workbook, or one whose
/// sheets cannot be searched, everything.
fn may_hold(bytes: &[u8]) -> MayHold {
    use std::io::Read;
    let all = MayHold {
        formulas: true,
        merges: true,
    };
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return all;
    };
    let sheets: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml"))
        .map(str::to_string)
        .collect();
    if sheets.is_empty() {
        return all;
    }
    let mut found = MayHold {
        formulas: false,
        merges: false,
    };
    let mut xml = Vec::new();
    for name in &sheets {
        xml.clear();
        let Ok(mut part) = zip.by_name(name) else {
            return all;
        };
        if part.read_to_end(&mut xml).is_err() {
            return all;
        }
        // `<f` or `:f` (a prefixed element) ending its name.
        found.formulas |= xml
            .windows(3)
            .any(|w| matches!(w, [b'<' | b':', b'f', b'>' | b' ' | b'/']));
        found.merges |= xml.windows(10).any(|w| w == b"mergeCells");
        if found == all {
            break;
        }
    }
    found
}

/// Marks the cells of `range` that hold a formula but no value — what a
/// program that writes formulas without calculating them (a script's
/// library) leaves, and what was read as an empty cell, the value silently
/// missing — as Excel's "not computed yet" (`#GETTING_DATA`), which every
/// reader of a sheet refuses with its cell. A workbook saved by a
/// spreadsheet holds each formula's value, and is read as before.
///
/// A formula cell may lie outside the cells that hold values — a last row or
/// a column of formulas alone — where it was not even an empty cell: the
/// range is then widened to hold it, so that its row is read (and refused)
/// rather than dropped; `Err` with the first such cell when that would add
/// more than [`MOST_CELLS_ADDED`] cells.
fn mark_uncalculated(
    range: &mut calamine::Range<Data>,
    formulas: &calamine::Range<String>,
) -> Result<(), (u32, u32)> {
    let Some((top, left)) = formulas.start() else {
        return Ok(());
    };
    let mut marks = Vec::new();
    for (r, c, formula) in formulas.used_cells() {
        let (Ok(r), Ok(c)) = (u32::try_from(r), u32::try_from(c)) else {
            continue;
        };
        let at = (top.saturating_add(r), left.saturating_add(c));
        if !formula.trim().is_empty() && matches!(range.get_value(at), Some(Data::Empty) | None) {
            marks.push(at);
        }
    }
    if !widen(range, &marks) {
        return Err(marks
            .iter()
            .copied()
            .find(|&at| range.get_value(at).is_none())
            .unwrap_or_default());
    }
    for at in marks {
        range.set_value(at, Data::Error(CellErrorType::GettingData));
    }
    Ok(())
}

/// The merged cells of the sheet `name` of the OpenDocument spreadsheet in
/// `bytes` — calamine lists none for .ods — read from its `content.xml` as
/// calamine reads the cells (the same XML reader and settings): a cell
/// with `table:number-rows-spanned` or `table:number-columns-spanned`
/// above one is a merge, at the row and column calamine gives it (rows and
/// cells counted with their `number-…-repeated`; covered cells are cells).
/// `None` when the content cannot be read.
fn ods_merges(bytes: &[u8], name: &str) -> Option<Vec<calamine::Dimensions>> {
    use quick_xml::events::Event;
    use quick_xml::name::QName;
    use std::io::Read;
    let mut xml = Vec::new();
    zip::ZipArchive::new(Cursor::new(bytes))
        .ok()?
        .by_name("content.xml")
        .ok()?
        .read_to_end(&mut xml)
        .ok()?;
    if !xml.windows(9).any(|w| w == b"-spanned=") {
        return Some(Vec::new());
    }
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let count = |e: &quick_xml::events::BytesStart<'_>, key: &[u8]| -> Option<u32> {
        match e.try_get_attribute(key).ok()? {
            Some(a) => std::str::from_utf8(&a.value).ok()?.trim().parse().ok(),
            None => Some(1),
        }
    };
    let (mut buf, mut skip) = (Vec::new(), Vec::new());
    let mut merges = Vec::new();
    let mut in_sheet = false;
    let (mut row, mut col, mut rows_here) = (0u32, 0u32, 1u32);
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) if e.name() == QName(b"table:table") => {
                let this = e
                    .try_get_attribute(b"table:name")
                    .ok()
                    .flatten()
                    .and_then(|a| a.decode_and_unescape_value(reader.decoder()).ok())
                    .is_some_and(|n| n == name);
                if in_sheet {
                    // A table inside a cell of the sheet: not its rows.
                    reader.read_to_end_into(e.name(), &mut skip).ok()?;
                } else if this {
                    in_sheet = true;
                }
            }
            Event::Start(e) if in_sheet && e.name() == QName(b"table:table-row") => {
                rows_here = count(&e, b"table:number-rows-repeated")?;
                col = 0;
            }
            Event::Start(e)
                if in_sheet
                    && (e.name() == QName(b"table:table-cell")
                        || e.name() == QName(b"table:covered-table-cell")) =>
            {
                let repeats = count(&e, b"table:number-columns-repeated")?;
                if e.name() == QName(b"table:table-cell") {
                    let rows = count(&e, b"table:number-rows-spanned")?.max(1);
                    let cols = count(&e, b"table:number-columns-spanned")?.max(1);
                    if rows > 1 || cols > 1 {
                        // A spanning cell repeated across (rare): each a merge.
                        for k in 0..repeats.min(1024) {
                            let at = col.saturating_add(k);
                            merges.push(calamine::Dimensions {
                                start: (row, at),
                                end: (
                                    row.saturating_add(rows.saturating_sub(1)),
                                    at.saturating_add(cols.saturating_sub(1)),
                                ),
                            });
                        }
                    }
                }
                col = col.saturating_add(repeats);
                reader.read_to_end_into(e.name(), &mut skip).ok()?;
            }
            Event::End(e) if in_sheet && e.name() == QName(b"table:table-row") => {
                row = row.saturating_add(rows_here);
            }
            Event::End(e) if in_sheet && e.name() == QName(b"table:table") => break,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
        skip.clear();
    }
    Some(merges)
}

/// The most cells [`widen`] adds to a sheet's range: a few rows or columns
/// of formulas alone past the values are common; a formula at the sheet's
/// far corner (`XFD1048576`) would make a range of seventeen billion cells.
const MOST_CELLS_ADDED: u64 = 1 << 20;

/// The cells of `range` each merge of `merged` covers but its first, by row
/// of the range: the column in the range and the merge's index. Only cells
/// inside the range are listed (a merge reaching past the values covers no
/// row that is read); `None` when merges overlap so that they cover more
/// cells than the range has — a damaged workbook.
fn covered_cells(
    range: &calamine::Range<Data>,
    merged: &[calamine::Dimensions],
) -> Option<Vec<Vec<(u32, usize)>>> {
    let (Some((top, left)), Some((bottom, right))) = (range.start(), range.end()) else {
        return Some(Vec::new());
    };
    let mut out: Vec<Vec<(u32, usize)>> = vec![Vec::new(); range.height()];
    let mut left_to_list = (range.height() as u64).saturating_mul(range.width() as u64);
    for (k, m) in merged.iter().enumerate() {
        for row in m.start.0.max(top)..=m.end.0.min(bottom) {
            for col in m.start.1.max(left)..=m.end.1.min(right) {
                if (row, col) == m.start {
                    continue;
                }
                left_to_list = left_to_list.checked_sub(1)?;
                if let Some(cells) = out.get_mut(row.saturating_sub(top) as usize) {
                    cells.push((col.saturating_sub(left), k));
                }
            }
        }
    }
    Some(out)
}

/// `range` widened, where needed, to hold the cells `at` (absolute
/// positions), its values kept where they were: a formula without a value
/// may lie outside the range calamine gives (a last row of formulas alone),
/// and its row would not be read at all. `false`, with `range` unchanged,
/// when that would add more than [`MOST_CELLS_ADDED`] cells.
fn widen(range: &mut calamine::Range<Data>, at: &[(u32, u32)]) -> bool {
    let (Some(&first), Some(&last)) = (at.first(), at.last()) else {
        return true;
    };
    let (start, end) = at.iter().fold(
        (range.start().unwrap_or(first), range.end().unwrap_or(last)),
        |((r0, c0), (r1, c1)), &(r, c)| ((r0.min(r), c0.min(c)), (r1.max(r), c1.max(c))),
    );
    if range.start() == Some(start) && range.end() == Some(end) {
        return true;
    }
    let cells = |(r0, c0): (u32, u32), (r1, c1): (u32, u32)| {
        u64::from(r1.saturating_sub(r0))
            .saturating_add(1)
            .saturating_mul(u64::from(c1.saturating_sub(c0)).saturating_add(1))
    };
    let now = match (range.start(), range.end()) {
        (Some(s), Some(e)) => cells(s, e),
        _ => 0,
    };
    if cells(start, end).saturating_sub(now) > MOST_CELLS_ADDED {
        return false;
    }
    let mut wider = calamine::Range::new(start, end);
    let (top, left) = range.start().unwrap_or(start);
    for (r, c, value) in range.used_cells() {
        let (Ok(r), Ok(c)) = (u32::try_from(r), u32::try_from(c)) else {
            continue;
        };
        wider.set_value(
            (top.saturating_add(r), left.saturating_add(c)),
            value.clone(),
        );
    }
    *range = wider;
    true
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

/// A sheet of a workbook, opened — *avattu taulukko*: its name, the
/// workbook's sheets and its cells. Both readers open a sheet, find its
/// header and describe where they read it the same way.
struct OpenSheet {
    name: String,
    sheets: Vec<String>,
    range: calamine::Range<Data>,
    /// The sheet's merged cells whose first cell holds a value (.xlsx, .xls,
    /// .ods; not .xlsb).
    merged: Vec<calamine::Dimensions>,
    /// For each row of the range, the cells of it a merge of `merged`
    /// covers (not its first): the column in the range, the merge's index.
    covered: Vec<Vec<(u32, usize)>>,
}

impl OpenSheet {
    /// `sheet` (the first when `None`) of the workbook in `bytes`.
    fn open(bytes: &[u8], sheet: Option<&str>) -> Result<OpenSheet, ImportError> {
        let damaged = |e: &dyn std::fmt::Display| ImportError::Workbook {
            message: crate::Echo::message(&e.to_string()),
        };
        let mut workbook =
            open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
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
        let mut range = workbook.worksheet_range(&name).map_err(|e| damaged(&e))?;
        // The formulas are read only to find cells without a value; a
        // workbook whose formulas cannot be listed is read as its values.
        let may = may_hold(bytes);
        if may.formulas
            && let Ok(formulas) = workbook.worksheet_formula(&name)
        {
            mark_uncalculated(&mut range, &formulas).map_err(|far| ImportError::Workbook {
                message: crate::Echo::new(&format!(
                    "a formula without a computed value at {} lies far outside the cells that hold values; open the workbook in a spreadsheet and save it",
                    a1(far)
                )),
            })?;
        }
        let merged = match &mut workbook {
            _ if !may.merges => Vec::new(),
            calamine::Sheets::Xlsx(x) => x
                .worksheet_merge_cells(&name)
                .and_then(Result::ok)
                .unwrap_or_default(),
            calamine::Sheets::Xls(x) => x.worksheet_merge_cells(&name).unwrap_or_default(),
            calamine::Sheets::Ods(_) => ods_merges(bytes, &name)
                .ok_or_else(|| damaged(&"its content cannot be read for merged cells"))?,
            calamine::Sheets::Xlsb(_) => Vec::new(),
        };
        let merged: Vec<calamine::Dimensions> = merged
            .into_iter()
            .filter(|m| m.start != m.end)
            .filter(|m| {
                range
                    .get_value(m.start)
                    .is_some_and(|d| !is_blank(std::slice::from_ref(d)))
            })
            .collect();
        let covered = covered_cells(&range, &merged).ok_or_else(|| ImportError::Workbook {
            message: crate::Echo::new("merged cells overlap"),
        })?;
        Ok(OpenSheet {
            name,
            sheets,
            range,
            merged,
            covered,
        })
    }

    /// The refusals of row `i` of the range (sheet row `line`) for its
    /// cells that a merged cell covers — every cell of a merge but its
    /// first, which alone holds the value: a list with a value merged down
    /// over several rows (one entry day for a group) shows it on each row,
    /// but the later rows' cells are empty, and were read so, the value
    /// silently missing. `path_of(c)` names column `c` of the range if it
    /// is read; a covered cell of a column that is not (ignored, or without
    /// a header) loses nothing and is not refused. A row that holds nothing
    /// of its own is blank, whatever a merge shows on it (its value is read
    /// once, in the merge's first row).
    fn merged_refusals(
        &self,
        i: usize,
        line: u64,
        path_of: impl Fn(usize) -> Option<String>,
    ) -> Vec<Finding> {
        let mut out = Vec::new();
        for &(c, m) in self.covered.get(i).map_or(&[][..], Vec::as_slice) {
            let (Some(m), Some(path)) = (self.merged.get(m), path_of(c as usize)) else {
                continue;
            };
            let first = a1(m.start);
            let whole = format!("{first}:{}", a1(m.end));
            let c = c as usize;
            out.push(
                Finding::new(
                    &rules::CSV_INVALID_VALUE,
                    path,
                    format!("part of the merged cell {whole}, whose value stands in its first cell {first} only: unmerge the cells and give each row its own value"),
                    format!("osa yhdistettyä solua {whole}, jonka arvo on vain sen ensimmäisessä solussa {first}: pura yhdistäminen ja anna kullekin riville oma arvonsa"),
                    format!("del av den sammanslagna cellen {whole}, vars värde står endast i dess första cell {first}: dela upp cellerna och ge varje rad sitt eget värde"),
                )
                .at_cell(self.cell_ref(c, line), line),
            );
        }
        out
    }

    /// The sheet's row number (from 1) of row `i` of the range.
    fn row_number(&self, i: usize) -> u64 {
        let top = self.range.start().map_or(0, |(r, _)| r);
        u64::from(top).saturating_add(i as u64).saturating_add(1)
    }

    /// The column letters of column `i` of the range.
    fn letters(&self, i: usize) -> String {
        let left = self.range.start().map_or(0, |(_, c)| c);
        column_letters(left.saturating_add(i as u32))
    }

    /// The header: the first row (of the first [`HEADER_SEARCH_ROWS`]) with a
    /// text cell `is_key` accepts, else the first row with anything in it
    /// (so that its mistake is the one reported) — its index in `rows` and
    /// its cells as text.
    fn header(
        rows: &[&[Data]],
        is_key: impl Fn(&str) -> bool,
    ) -> Result<(usize, Vec<String>), ImportError> {
        let at = rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .position(|row| {
                row.iter()
                    .any(|d| matches!(d, Data::String(s) if is_key(s)))
            })
            .or_else(|| rows.iter().position(|r| !is_blank(r)))
            .ok_or(ImportError::File(super::csv_record::FileError::Empty))?;
        let texts = rows
            .get(at)
            .map(|r| r.iter().map(header_text).collect())
            .unwrap_or_default();
        Ok((at, texts))
    }

    /// The reference of column `c` on the sheet's row `line` (`Osallistujat!B8`).
    fn cell_ref(&self, c: usize, line: u64) -> String {
        format!("{}!{}{line}", self.name, self.letters(c))
    }

    /// The reference of the sheet's whole row `line` (`Osallistujat!8:8`).
    fn row_ref(&self, line: u64) -> String {
        format!("{}!{line}:{line}", self.name)
    }

    /// Whether column `c` of `row` holds a value.
    fn has_value(row: &[Data], c: usize) -> bool {
        row.get(c)
            .is_some_and(|d| !is_blank(std::slice::from_ref(d)))
    }

    /// Where the sheet was read, its header at row `header_at` of `rows`.
    fn source(&self, rows: &[&[Data]], header_at: usize) -> SheetSource {
        SheetSource {
            sheet: crate::ids::redact(&self.name).into_owned(),
            sheets: self
                .sheets
                .iter()
                .map(|n| crate::ids::redact(n).into_owned())
                .collect(),
            header_row: self.row_number(header_at),
            rows_above_header: rows.iter().take(header_at).filter(|r| !is_blank(r)).count() as u64,
        }
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
    super::SourceKind::Workbook.check(sheet, &options)?;
    let open = OpenSheet::open(bytes, sheet)?;
    let rows: Vec<&[Data]> = open.range.rows().collect();
    let sheet_row = |i: usize| open.row_number(i);
    let letters = |i: usize| open.letters(i);
    let (header_at, headers) = OpenSheet::header(&rows, |s| {
        Column::from_header(s) == Some(Column::ParticipantId)
    })?;
    let header_line = sheet_row(header_at);
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
        sheet: Some(open.source(&rows, header_at)),
        ..ImportReport::default()
    };
    report.findings = super::participants::absent_ignored_columns(&header_refs, &options);
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
        let merged = open.merged_refusals(i, line, |c| {
            COLUMNS
                .iter()
                .find(|spec| layout.positions.get(spec.column as usize) == Some(&Some(c)))
                .map(|spec| spec.name.to_string())
        });
        if !merged.is_empty() {
            report.rejected = report.rejected.saturating_add(1);
            report.rejections.extend(merged);
            continue;
        }
        let at = |path: &str| -> String {
            let position = COLUMNS
                .iter()
                .find(|c| c.name == path)
                .and_then(|c| layout.positions.get(c.column as usize).copied().flatten());
            match position {
                Some(p) => open.cell_ref(p, line),
                None => open.row_ref(line),
            }
        };
        // The header row spans the range, so every cell is under a header:
        // a named one, or an unnamed one whose values must be empty.
        let stray: Vec<usize> = layout
            .unnamed
            .iter()
            .copied()
            .filter(|&c| OpenSheet::has_value(row, c))
            .collect();
        if !stray.is_empty() {
            report.rejected = report.rejected.saturating_add(1);
            report.rejections.extend(
                stray.iter().map(|&c| {
                    value_without_header(&letters(c)).at_cell(open.cell_ref(c, line), line)
                }),
            );
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
        let refused: Vec<Finding> = report.rejections.drain(before..).collect();
        report.rejections.extend(refused.into_iter().map(|f| {
            let cell = at(&f.path);
            f.at_cell(cell, line)
        }));
        match built {
            Some(p) => {
                report.accepted = report.accepted.saturating_add(1);
                for c in time_notes {
                    report
                        .findings
                        .push(time_of_day(c.name()).at_cell(at(c.name()), line));
                }
                if let Some(rules) = options.rules {
                    report.findings.extend(rules.check(&p).into_iter().map(|f| {
                        let cell = at(&f.path);
                        f.at_cell(cell, line)
                    }));
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
        // The sheet reader asks `SourceKind::Workbook.check` itself.
        let bytes = std::fs::read(path).map_err(io)?;
        read_participants_sheet(&bytes, sheet, options)
    } else {
        super::SourceKind::Csv.check(sheet, &options)?;
        let file = std::fs::File::open(path).map_err(io)?;
        super::read_participants_csv_with_lines(std::io::BufReader::new(file), options)
    }
}

// ---- Activity logs ---------------------------------------------------------

/// A column of an activity sheet: its name and the Finnish and Swedish
/// headers it is also read by (compared as labels: case, spaces, hyphens and
/// underscores do not matter).
const ACTIVITY_COLUMNS: &[(&str, &[&str])] = &[
    ("date", &["päivämäärä", "pvm", "datum"]),
    ("kind", &["tyyppi", "laji", "typ"]),
    ("name", &["nimi", "aihe", "namn"]),
    (
        "attendees",
        &[
            "osallistujia",
            "osallistujamäärä",
            "deltagare",
            "antal_deltagare",
        ],
    ),
    (
        "participant_ids",
        &["osallistujatunnukset", "deltagarkoder"],
    ),
    (
        "private",
        &["yksityinen_sektori", "yritykset", "privat_sektor"],
    ),
    ("public", &["julkinen_sektori", "offentlig_sektor"]),
    (
        "third_sector",
        &["kolmas_sektori", "järjestöt", "tredje_sektorn"],
    ),
];

/// The highest feedback point a sheet's `feedback_N` (`palaute_N`,
/// `respons_N`) columns may name.
const FEEDBACK_POINTS: u8 = 10;

/// The account of an activity sheet — *toimintalokin tuontiraportti*: every
/// row accepted or rejected with its cell, and where the sheet was read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ActivityImportReport {
    /// The account of rows.
    #[serde(flatten)]
    pub account: super::csv_record::RowAccount,
    /// The sheet, and where its header was found.
    pub sheet: SheetSource,
    /// Columns with an empty header and no value, by letter.
    pub unnamed_columns: Vec<String>,
}

row_account_report!(ActivityImportReport);

/// Which column a header of an activity sheet names.
#[derive(PartialEq, Eq)]
enum ActivityColumn {
    Named(&'static str),
    Feedback(u8),
}

fn activity_column(header: &str) -> Option<ActivityColumn> {
    use crate::participant::label_is;
    if let Some((name, _)) = ACTIVITY_COLUMNS
        .iter()
        .find(|(n, alt)| label_is(header, n) || alt.iter().any(|a| label_is(header, a)))
    {
        return Some(ActivityColumn::Named(name));
    }
    let h = header.trim().to_lowercase().replace([' ', '-'], "_");
    ["feedback_", "palaute_", "respons_"]
        .iter()
        .find_map(|p| h.strip_prefix(p))
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=FEEDBACK_POINTS).contains(n))
        .map(ActivityColumn::Feedback)
}

fn activity_kind(text: &str) -> Option<crate::activity::ActivityKind> {
    use crate::activity::ActivityKind;
    use crate::participant::label_is;
    ActivityKind::ALL.into_iter().find(|k| {
        let key = serde_json::to_value(k).ok();
        let key = key.as_ref().and_then(|v| v.as_str()).unwrap_or("");
        label_is(text, key) || label_is(text, k.name_fi()) || label_is(text, k.name_en())
    })
}

/// The note of a date cell with a time of day (`IMP-TIME-001`): its day is
/// taken, as for an Arrow timestamp.
fn time_of_day(path: &str) -> Finding {
    Finding::new(
        &rules::CSV_TIME_OF_DAY,
        path,
        "a date with a time of day; its day is taken",
        "päivämäärä kellonaikoineen; sen päivä otetaan",
        "ett datum med en tid på dygnet; dess dag tas",
    )
}

/// Records the refusal of a cell's value (`IMP-CSV-003`).
fn refuse(
    out: &mut Vec<Finding>,
    cell: String,
    line: u64,
    path: &str,
    en: String,
    fi: String,
    sv: String,
) {
    out.push(Finding::new(&rules::CSV_INVALID_VALUE, path, en, fi, sv).at_cell(cell, line));
}

/// [`refuse`] of a cell holding `d`, saying first what the cell is when the
/// sheet refuses it as such (an error value, a duration, a formula without
/// a computed value) — the column's own words alone would name the wrong
/// reason ("not a date" for `#N/A`).
#[allow(clippy::too_many_arguments, reason = "refuse's arguments and the cell")]
fn refuse_as(
    d: &Data,
    out: &mut Vec<Finding>,
    cell: String,
    line: u64,
    path: &str,
    en: String,
    fi: String,
    sv: String,
) {
    let (en, fi, sv) = match convert(d, ValueKind::Id) {
        Converted::Cell(Cell::Refused(what)) => (
            format!("{}; {en}", what.0),
            format!("{}; {fi}", what.1),
            format!("{}; {sv}", what.2),
        ),
        _ => (en, fi, sv),
    };
    refuse(out, cell, line, path, en, fi, sv);
}

/// Reads an activity log from `sheet` (the first when `None`) of a workbook:
/// one row per activity — `date` (*päivämäärä*), `kind` (*tyyppi*: a kind's
/// name in English, Finnish or its key, e.g. `verkostotilaisuus`), `name`,
/// and either `attendees` (a head count, with `private`, `public`,
/// `third_sector` as its breakdown) or `participant_ids` (the participants'
/// ids, separated by commas or semicolons; an id with a space inside is
/// refused, since `P1 P2` may as well be two ids); feedback as `feedback_1` … `feedback_N` (or
/// `palaute_N`): the number of answers of each point of the scale the
/// columns span. Cells are read as in a participant sheet (a date cell is a
/// day, a number is never a date); every refusal names its cell.
///
/// ```
/// use hanke::import::read_activities_sheet;
/// let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/toiminta.xlsx"))?;
/// let (log, report) = read_activities_sheet(&bytes, None)?;
/// assert!(report.is_balanced());
/// assert_eq!((report.accepted, report.rejected), (3, 1));
/// assert_eq!(log.activities[0].attendance.count(), 34);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_activities_sheet(
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<(crate::activity::ActivityLog, ActivityImportReport), ImportError> {
    use crate::activity::{Activity, ActivityLog, Attendance, Feedback};
    let open = OpenSheet::open(bytes, sheet)?;
    let rows: Vec<&[Data]> = open.range.rows().collect();
    let sheet_row = |i: usize| open.row_number(i);
    let letters = |i: usize| open.letters(i);
    let (header_at, headers) = OpenSheet::header(&rows, |s| {
        matches!(activity_column(s), Some(ActivityColumn::Named("date")))
    })?;
    let header_line = sheet_row(header_at);
    let column_error = |error| ImportError::Columns {
        line: header_line,
        error,
    };
    let mut columns: Vec<Option<ActivityColumn>> = Vec::with_capacity(headers.len());
    let mut unnamed = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        if h.trim().is_empty() {
            unnamed.push(i);
            columns.push(None);
            continue;
        }
        let Some(c) = activity_column(h) else {
            return Err(column_error(
                crate::participant::fields::HeaderError::UnknownColumn {
                    name: crate::Echo::new(h.trim()),
                },
            ));
        };
        // A column twice: which one to read would be a guess, and the other
        // one's values would be lost (as `resolve_headers` refuses it).
        if columns.iter().flatten().any(|seen| *seen == c) {
            return Err(column_error(
                crate::participant::fields::HeaderError::DuplicateColumn {
                    name: match c {
                        ActivityColumn::Named(n) => n,
                        ActivityColumn::Feedback(_) => "feedback",
                    },
                },
            ));
        }
        columns.push(Some(c));
    }
    let position = |want: &str| {
        columns
            .iter()
            .position(|c| matches!(c, Some(ActivityColumn::Named(n)) if *n == want))
    };
    for required in ["date", "kind"] {
        if position(required).is_none() {
            return Err(column_error(
                crate::participant::fields::HeaderError::MissingColumn { name: required },
            ));
        }
    }
    let mut feedback: Vec<(u8, usize)> = columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c {
            Some(ActivityColumn::Feedback(p)) => Some((*p, i)),
            _ => None,
        })
        .collect();
    feedback.sort_unstable();
    let mut report = ActivityImportReport {
        sheet: open.source(&rows, header_at),
        unnamed_columns: unnamed.iter().map(|i| letters(*i)).collect(),
        ..ActivityImportReport::default()
    };
    report.account.lines = rows.len().saturating_sub(header_at) as u64;
    let empty = Data::Empty;
    let mut log = ActivityLog::default();
    for (i, row) in rows.iter().enumerate().skip(header_at.saturating_add(1)) {
        let line = sheet_row(i);
        if is_blank(row) {
            report.account.blank_lines = report.account.blank_lines.saturating_add(1);
            continue;
        }
        report.account.rows_read = report.account.rows_read.saturating_add(1);
        report.account.record_lines = report.account.record_lines.saturating_add(1);
        let mut refusals = open.merged_refusals(i, line, |c| match columns.get(c) {
            Some(Some(ActivityColumn::Named(name))) => Some((*name).to_string()),
            Some(Some(ActivityColumn::Feedback(point))) => Some(format!("feedback_{point}")),
            _ => None,
        });
        let cell_ref = |c: usize| open.cell_ref(c, line);
        for &c in &unnamed {
            if OpenSheet::has_value(row, c) {
                refusals.push(value_without_header(&letters(c)).at_cell(cell_ref(c), line));
            }
        }
        let mut notes = Vec::new();
        let get = |c: Option<usize>| c.map(|c| (c, row.get(c).unwrap_or(&empty)));
        // The day.
        let mut date = None;
        if let Some((c, d)) = get(position("date")) {
            match convert(d, ValueKind::Date) {
                Converted::Cell(Cell::Date(day)) => date = Some(day),
                Converted::DayOfTime(day) => {
                    date = Some(day);
                    notes.push(time_of_day("date").at_cell(cell_ref(c), line));
                }
                Converted::Cell(Cell::Text(t)) => match super::record::parse_date(t) {
                    Ok(day) => date = Some(day),
                    Err(why) => refuse(&mut refusals, cell_ref(c), line, "date", format!("{t:?}: {why}"), format!("{t:?}: virheellinen päivämäärä"), format!("{t:?}: ogiltigt datum")),
                },
                Converted::Cell(Cell::Missing) => refusals.push(
                    Finding::new(&rules::CSV_REQUIRED_MISSING, "date", "`date` is required", "`date` on pakollinen", "`date` är obligatoriskt")
                        .at_cell(cell_ref(c), line),
                ),
                _ => refuse_as(d, &mut refusals, cell_ref(c), line, "date", "not a date (a number is never read as a date: format the cell as a date)".into(), "ei päivämäärä (lukua ei lueta päivämääräksi: muotoile solu päivämääräksi)".into(), "inte ett datum (ett tal läses aldrig som ett datum: formatera cellen som datum)".into()),
            }
        }
        // The kind.
        let mut kind = None;
        if let Some((c, d)) = get(position("kind")) {
            match convert(d, ValueKind::Id) {
                Converted::Cell(Cell::Text(t)) => match activity_kind(t) {
                    Some(k) => kind = Some(k),
                    None => refuse(
                        &mut refusals,
                        cell_ref(c),
                        line,
                        "kind",
                        format!(
                            "{t:?} is not a kind of activity (e.g. coaching, training, network_event, valmennuskerta, verkostotilaisuus)"
                        ),
                        format!(
                            "{t:?} ei ole toiminnon tyyppi (esim. valmennuskerta, koulutus, verkostotilaisuus)"
                        ),
                        format!(
                            "{t:?} är inte en typ av aktivitet (t.ex. coaching, training, network_event)"
                        ),
                    ),
                },
                Converted::Cell(Cell::Missing) => refusals.push(
                    Finding::new(
                        &rules::CSV_REQUIRED_MISSING,
                        "kind",
                        "`kind` is required",
                        "`kind` on pakollinen",
                        "`kind` är obligatoriskt",
                    )
                    .at_cell(cell_ref(c), line),
                ),
                _ => refuse_as(
                    d,
                    &mut refusals,
                    cell_ref(c),
                    line,
                    "kind",
                    "expected the name of a kind of activity".into(),
                    "odotettiin toiminnon tyypin nimeä".into(),
                    "förväntades namnet på en typ av aktivitet".into(),
                ),
            }
        }
        // A whole number of a count column.
        let count = |field: &str, refusals: &mut Vec<Finding>| -> Option<u64> {
            let (c, d) = get(position(field))?;
            let n = match convert(d, ValueKind::Id) {
                Converted::Cell(Cell::Missing) => return None,
                Converted::Digits(n) => u64::try_from(n).ok(),
                Converted::Cell(Cell::Text(t)) => t.parse::<u64>().ok(),
                _ => None,
            };
            if n.is_none() {
                refuse_as(
                    d,
                    refusals,
                    cell_ref(c),
                    line,
                    field,
                    format!("`{field}` is a count: a whole number, 0 or more"),
                    format!("`{field}` on lukumäärä: kokonaisluku, vähintään 0"),
                    format!("`{field}` är ett antal: ett heltal, minst 0"),
                );
            }
            n
        };
        let total = count("attendees", &mut refusals);
        let mut by = std::collections::BTreeMap::new();
        for sector in ["private", "public", "third_sector"] {
            if let Some(n) = count(sector, &mut refusals) {
                by.insert(sector.to_string(), n);
            }
        }
        let ids: Option<Vec<crate::participant::ParticipantId>> = get(position("participant_ids"))
            .and_then(|(c, d)| match convert(d, ValueKind::Id) {
                Converted::Cell(Cell::Missing) => None,
                Converted::Cell(Cell::Text(t)) => {
                    let listed: Vec<&str> = t
                        .split([',', ';'])
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .collect();
                    // `P1 P2` is two ids written apart as much as one id
                    // holding a space: which, the cell cannot tell, so an
                    // id with a space inside is not read from a list (the
                    // JSON form lists ids one by one).
                    let parsed: Result<Vec<crate::participant::ParticipantId>, _> =
                        if listed.iter().any(|id| id.contains(char::is_whitespace)) {
                            Err(())
                        } else {
                            listed.iter().map(|id| id.parse().map_err(drop)).collect()
                        };
                    match parsed {
                        Ok(ids) => Some(ids),
                        Err(()) => {
                            refusals.push(
                                Finding::new(
                                    &rules::CSV_INVALID_VALUE,
                                    "participant_ids",
                                    "participant ids separated by commas or semicolons (an id with a space inside is not read here: two ids need a comma between them)",
                                    "osallistujatunnukset pilkuin tai puolipistein erotettuina (tunnusta, jonka sisällä on välilyönti, ei lueta tästä: kahden tunnuksen väliin tarvitaan pilkku)",
                                    "deltagarkoder åtskilda med kommatecken eller semikolon (en kod med mellanslag inuti läses inte här: mellan två koder behövs ett kommatecken)",
                                )
                                .at_cell(cell_ref(c), line),
                            );
                            None
                        }
                    }
                }
                Converted::Digits(n) => n.to_string().parse().ok().map(|id| vec![id]),
                // A date, a yes/no, an error value: no id, and never dropped.
                _ => {
                    refuse_as(
                        d,
                        &mut refusals,
                        cell_ref(c),
                        line,
                        "participant_ids",
                        "expected participant ids separated by commas".into(),
                        "odotettiin osallistujatunnuksia pilkuin erotettuina".into(),
                        "förväntades deltagarkoder åtskilda med kommatecken".into(),
                    );
                    None
                }
            });
        let attendance = match (total, ids) {
            (Some(_), Some(_)) => {
                refusals.push(
                    Finding::new(
                        &rules::CSV_INVALID_VALUE,
                        "attendees",
                        "both a head count and named participants: give one",
                        "sekä osallistujamäärä että nimetyt osallistujat: anna toinen",
                        "både ett antal och namngivna deltagare: ange det ena",
                    )
                    .at_cell(open.row_ref(line), line),
                );
                None
            }
            (None, Some(ids)) => Some(Attendance::Named(ids)),
            (Some(total), None) => {
                let sum: u64 = by.values().sum();
                if sum > total {
                    refusals.push(
                        Finding::new(
                            &rules::CSV_INVALID_VALUE,
                            "attendees",
                            format!("the sectors add up to {sum}, more than the {total} attendees"),
                            format!(
                                "sektorien summa {sum} on suurempi kuin osallistujamäärä {total}"
                            ),
                            format!("sektorerna summerar till {sum}, fler än {total} deltagare"),
                        )
                        .at_cell(open.row_ref(line), line),
                    );
                }
                Some(Attendance::HeadCount { total, by })
            }
            (None, None) => {
                refusals.push(
                    Finding::new(
                        &rules::CSV_REQUIRED_MISSING,
                        "attendees",
                        "`attendees` (a head count) or `participant_ids` is required",
                        "`attendees` (osallistujamäärä) tai `participant_ids` on pakollinen",
                        "`attendees` (antal) eller `participant_ids` är obligatoriskt",
                    )
                    .at_cell(open.row_ref(line), line),
                );
                None
            }
        };
        // Feedback: the answers of each point the columns span.
        let mut answers = Vec::with_capacity(feedback.len());
        let mut any = false;
        for &(_, c) in &feedback {
            let d = row.get(c).unwrap_or(&empty);
            match convert(d, ValueKind::Id) {
                Converted::Cell(Cell::Missing) => answers.push(0),
                Converted::Digits(n) if n >= 0 => {
                    any = true;
                    answers.push(n as u64);
                }
                _ => refuse_as(
                    d,
                    &mut refusals,
                    cell_ref(c),
                    line,
                    "feedback",
                    "a number of answers: a whole number, 0 or more".into(),
                    "vastausten määrä: kokonaisluku, vähintään 0".into(),
                    "antal svar: ett heltal, minst 0".into(),
                ),
            }
        }
        let scale = match (feedback.first(), feedback.last()) {
            (Some((min, _)), Some((max, _))) if any => Some((*min, *max)),
            _ => None,
        };
        let fb = scale.and_then(|(min, max)| match Feedback::new(min, max, answers) {
            Ok(f) => Some(f),
            Err(e) => {
                refusals.push(Finding::new(&rules::CSV_INVALID_VALUE, "feedback", format!("{e} (the feedback columns must run without a gap, e.g. feedback_1 … feedback_4)"), "palautesarakkeiden on oltava yhtenäiset (esim. palaute_1 … palaute_4)", "responskolumnerna måste vara utan luckor (t.ex. respons_1 … respons_4)").at_cell(open.row_ref(line), line));
                None
            }
        });
        let title = get(position("name")).and_then(|(c, d)| match convert(d, ValueKind::Id) {
            Converted::Cell(Cell::Missing) => None,
            Converted::Cell(Cell::Text(t)) => Some(t.to_string()),
            Converted::Digits(n) => Some(n.to_string()),
            // A date or another typed value as a name: refused, not dropped.
            _ => {
                refuse_as(
                    d,
                    &mut refusals,
                    cell_ref(c),
                    line,
                    "name",
                    "expected a name as text".into(),
                    "odotettiin nimeä tekstinä".into(),
                    "förväntades ett namn som text".into(),
                );
                None
            }
        });
        match (date, kind, attendance) {
            (Some(date), Some(kind), Some(attendance)) if refusals.is_empty() => {
                let mut a = Activity::new(date, kind, attendance);
                a.name = title;
                a.feedback = fb;
                log.activities.push(a);
                report.account.accepted = report.account.accepted.saturating_add(1);
                report.account.findings.extend(notes);
            }
            _ => {
                report.account.rejected = report.account.rejected.saturating_add(1);
                report.account.rejections.extend(refusals);
            }
        }
    }
    Ok((log, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An .xlsx whose one sheet's XML is `sheet`.
    fn xlsx(sheet: &str) -> Vec<u8> {
        use std::io::Write;
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let o = zip::write::SimpleFileOptions::default();
        zip.start_file("xl/workbook.xml", o).unwrap();
        zip.write_all(b"<workbook/>").unwrap();
        zip.start_file("xl/worksheets/sheet1.xml", o).unwrap();
        zip.write_all(sheet.as_bytes()).unwrap();
        zip.finish().unwrap();
        out.into_inner()
    }

    /// Every formula cell without a value is marked, wherever it lies
    /// against the cells with values — inside, below, right of, above and
    /// left of them, or with no values at all — and the values are kept
    /// where they were.
    #[test]
    fn every_formula_without_a_value_is_marked_wherever_it_lies() {
        let uncalculated = Data::Error(CellErrorType::GettingData);
        let formulas_at = |cells: &[(u32, u32)]| {
            let mut f = calamine::Range::new((0, 0), (9, 9));
            for &at in cells {
                f.set_value(at, "1+1".to_string());
            }
            f
        };
        let values = || {
            let mut v: calamine::Range<Data> = calamine::Range::new((2, 2), (3, 3));
            v.set_value((2, 2), Data::String("a".into()));
            v.set_value((3, 3), Data::Float(1.0));
            v
        };
        for cells in [
            vec![(2, 3)],
            vec![(4, 2)],
            vec![(3, 5)],
            vec![(0, 2)],
            vec![(2, 0)],
            vec![(0, 0), (9, 9)],
        ] {
            let mut range = values();
            mark_uncalculated(&mut range, &formulas_at(&cells)).unwrap();
            for &at in &cells {
                assert_eq!(range.get_value(at), Some(&uncalculated), "{cells:?}");
            }
            assert_eq!(range.get_value((2, 2)), Some(&Data::String("a".into())));
            assert_eq!(range.get_value((3, 3)), Some(&Data::Float(1.0)));
            // A formula over a value keeps the value.
            let mut range = values();
            mark_uncalculated(&mut range, &formulas_at(&[(2, 2)])).unwrap();
            assert_eq!(range.get_value((2, 2)), Some(&Data::String("a".into())));
        }
        let mut empty: calamine::Range<Data> = calamine::Range::empty();
        mark_uncalculated(&mut empty, &formulas_at(&[(1, 1), (4, 0)])).unwrap();
        assert_eq!(empty.get_value((1, 1)), Some(&uncalculated));
        assert_eq!(empty.get_value((4, 0)), Some(&uncalculated));
        // A formula at the sheet's far corner is not made a range of
        // billions of cells: the workbook is refused with the cell.
        let mut far = calamine::Range::new((1_048_575, 16_383), (1_048_575, 16_383));
        far.set_value((1_048_575, 16_383), "1+1".to_string());
        let mut range = values();
        assert_eq!(
            mark_uncalculated(&mut range, &far),
            Err((1_048_575, 16_383))
        );
        assert_eq!(range.get_value((2, 2)), Some(&Data::String("a".into())));
    }

    /// The cells merges cover, by row, inside the range only; merges that
    /// overlap beyond what the range holds are refused.
    #[test]
    fn covered_cells_are_listed_inside_the_range() {
        let range: calamine::Range<Data> = calamine::Range::new((1, 1), (4, 3));
        let dims = |start, end| calamine::Dimensions { start, end };
        let covered = covered_cells(&range, &[dims((1, 1), (2, 1)), dims((4, 2), (9, 9))]).unwrap();
        assert_eq!(covered, vec![vec![], vec![(0, 0)], vec![], vec![(2, 1)]]);
        let everything = dims((0, 0), (1_048_575, 16_383));
        assert!(covered_cells(&range, &[everything, everything]).is_none());
        assert!(
            covered_cells(&calamine::Range::empty(), &[everything])
                .unwrap()
                .is_empty()
        );
    }

    /// Formulas and merged cells are listed for every sheet that has one, in
    /// any spelling of the element, and for anything that is not an .xlsx;
    /// skipped only for an .xlsx without one.
    #[test]
    fn formulas_and_merges_are_skipped_only_where_there_are_none() {
        let cell =
            |inner: &str| format!("<sheetData><row><c r=\"A1\">{inner}</c></row></sheetData>");
        let may_hold_formulas = |bytes: &[u8]| may_hold(bytes).formulas;
        assert!(!may_hold_formulas(&xlsx(&cell("<v>1</v>"))));
        assert!(!may_hold_formulas(&xlsx(&cell("<is><t>fax: f</t></is>"))));
        assert!(!may_hold(&xlsx(&cell("<v>1</v>"))).merges);
        for merges in [
            "<mergeCells count=\"1\"><mergeCell ref=\"A1:A2\"/></mergeCells>",
            "<x:mergeCells><x:mergeCell ref=\"A1:B1\"/></x:mergeCells>",
        ] {
            let sheet = format!("{}{merges}", cell("<v>1</v>"));
            assert_eq!(
                may_hold(&xlsx(&sheet)),
                MayHold {
                    formulas: false,
                    merges: true
                },
                "{merges}"
            );
        }
        for formula in [
            "<f>A1+1</f>",
            "<f t=\"shared\" ref=\"A1:A9\" si=\"0\">B1</f>",
            "<f t=\"shared\" si=\"0\"/>",
            "<x:f>A1</x:f>",
            "<f/>",
        ] {
            assert!(may_hold_formulas(&xlsx(&cell(formula))), "{formula}");
        }
        assert_eq!(
            may_hold(b"not a zip"),
            MayHold {
                formulas: true,
                merges: true
            }
        );
    }
}
