//! Reports and tables as Excel workbooks — *Excel-työkirja* (`.xlsx`,
//! rust_xlsxwriter), for the people who do the reporting.
//!
//! - Every text is a string cell, never a formula: `=HYPERLINK(…)` in a
//!   project's name stays text. Identity codes are masked and markup shown as
//!   text, as in every other output ([`crate::publish::text`]).
//! - Money is a number cell with the format `# ##0,00 €` (Excel shows it in
//!   the reader's locale). The value is the amount's decimal text read as a
//!   number — what Excel itself stores when the amount is typed in; the exact
//!   amount stays in the library and its JSON ([ADR 0024]).
//! - Rates (utilisation, EU share) are number cells with a percentage format,
//!   counts are whole numbers, days are date cells.
//! - Every number cell shows the figure hanke computed: a value Excel cannot
//!   show exactly (more than 15 significant digits: Microsoft KB 65903; a day
//!   before 1900 or after 9999) is written as its exact text instead, and a
//!   table wider or longer than a worksheet is refused — never wrapped round
//!   onto earlier cells.
//! - Headings and labels are in the report's language (`--lang fi` gives
//!   Finnish headings: [`heading`]).
//!
//! [ADR 0024]: https://example.invalid/hanke/docs/adr/0024-a-command-for-reporting.md
//!
//! ```
//! use hanke::export::table::{ResultTable, Values};
//! use hanke::report::xlsx::tables_to_xlsx;
//! use hanke::lang::Language;
//! let t = ResultTable::new("indicators").column("women", Values::Count(vec![Some(3)]));
//! let bytes = tables_to_xlsx(&[t], Language::Fi)?;
//! assert_eq!(&bytes[..2], b"PK"); // a zip container, as every .xlsx is
//! # Ok::<(), hanke::export::ExportError>(())
//! ```

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::export::ExportError;
use crate::export::table::{ResultTable, Values, heading};
use crate::lang::Language;
use crate::money::{Money, Rate};
use crate::report::EsrReport;
use crate::report::labels as L;

impl From<XlsxError> for ExportError {
    fn from(e: XlsxError) -> Self {
        ExportError::Xlsx {
            message: crate::Echo::message(&e.to_string()),
        }
    }
}

/// The formats of a workbook's cells.
struct Formats {
    bold: Format,
    money: Format,
    percent: Format,
    date: Format,
    title: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            bold: Format::new().set_bold(),
            money: Format::new().set_num_format("#,##0.00 \"€\""),
            percent: Format::new().set_num_format("0.00 %"),
            date: Format::new().set_num_format("d.m.yyyy"),
            title: Format::new().set_bold().set_font_size(14),
        }
    }
}

/// Whole numbers below this in magnitude (and amounts below it in cents) are
/// written as number cells: Excel stores and shows a number to 15 significant
/// digits (Microsoft KB 65903, "Microsoft Excel retains 15 significant
/// digits"; KB 78113: IEEE 754 doubles), so a value of at most 15 digits is
/// shown as the digits written. A value of more digits would be shown as
/// another figure — 1 234 567 890 123 456 as 1 234 567 890 123 450 — silently;
/// it is written as a text cell with every digit instead, which a reader sees
/// (text is not summed, and stands aligned left).
const EXACT_BELOW: u128 = 1_000_000_000_000_000;

/// What a value becomes in a cell: a number Excel shows exactly, or the
/// value's exact text.
enum Exact {
    Number(f64),
    Text(String),
}

impl Exact {
    /// An amount: its decimal text read as a number — the double nearest the
    /// amount, as Excel stores a typed amount, shown with its two decimals as
    /// written — or that text where it has more than 15 digits.
    fn money(m: Money) -> Exact {
        let text = m.to_plain_string();
        if u128::from(m.cents().unsigned_abs()) >= EXACT_BELOW {
            return Exact::Text(text);
        }
        match text.parse::<f64>() {
            Ok(n) => Exact::Number(n),
            Err(_) => Exact::Text(text),
        }
    }

    /// A rate shown as a percentage with two decimals: the fraction as a
    /// number where that percentage has at most 15 digits (every rate a
    /// project has); otherwise the percentage as hanke writes it, as text.
    fn rate(r: Rate) -> Exact {
        let (num, den) = r.as_fraction();
        match r.percent_scaled(2) {
            Some(shown) if shown.unsigned_abs() < EXACT_BELOW && den != 0 => {
                // The quotient of the two doubles: the double nearest the
                // rate where both are below 2^53, within an ulp beyond.
                #[allow(clippy::cast_precision_loss, reason = "see above")]
                Exact::Number(num as f64 / den as f64)
            }
            _ => Exact::Text(r.to_percent_string(2)),
        }
    }

    /// A whole number (a count, a signed integer).
    fn whole(n: i128) -> Exact {
        if n.unsigned_abs() < EXACT_BELOW {
            // Below 10^15 < 2^53: the conversion is exact.
            #[allow(clippy::cast_precision_loss, reason = "exact below 2^53")]
            Exact::Number(n as f64)
        } else {
            Exact::Text(n.to_string())
        }
    }

    fn write(
        self,
        sheet: &mut Worksheet,
        row: u32,
        col: u16,
        format: Option<&Format>,
    ) -> Result<(), ExportError> {
        match (self, format) {
            (Exact::Number(n), Some(format)) => {
                sheet.write_number_with_format(row, col, n, format)?;
            }
            (Exact::Number(n), None) => {
                sheet.write_number(row, col, n)?;
            }
            (Exact::Text(t), _) => {
                sheet.write_string(row, col, t)?;
            }
        }
        Ok(())
    }
}

/// A column number of a worksheet: past `u16` it is refused (Excel's limit
/// is 16 384 columns), never wrapped round to an earlier column.
fn col_at(c: usize) -> Result<u16, ExportError> {
    Ok(u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?)
}

/// Row `r` counted from `first`: past `u32` it is refused (Excel's limit is
/// 1 048 576 rows), never wrapped round to an earlier row.
fn row_at(first: u32, r: usize) -> Result<u32, ExportError> {
    u32::try_from(r)
        .ok()
        .and_then(|r| first.checked_add(r))
        .ok_or_else(|| XlsxError::RowColumnLimitError.into())
}

fn text(s: &str) -> String {
    crate::publish::text(s).into_owned()
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`,
/// unique in the workbook.
fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let clean: String = text(wanted)
        .chars()
        .map(|c| if "[]:*?/\\'".contains(c) { '_' } else { c })
        .collect();
    let base: String = clean.trim().chars().take(28).collect();
    let base = if base.is_empty() {
        "Sheet".to_string()
    } else {
        base
    };
    let mut name = base.clone();
    let mut n: u32 = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{base} {n}");
        n = n.saturating_add(1);
    }
    taken.push(name.clone());
    name
}

fn write_table(
    sheet: &mut Worksheet,
    first_row: u32,
    table: &ResultTable,
    lang: Language,
    f: &Formats,
) -> Result<u32, ExportError> {
    for (c, name) in table.names().iter().enumerate() {
        sheet.write_string_with_format(first_row, col_at(c)?, heading(name, lang), &f.bold)?;
    }
    let data_row = row_at(first_row, 1)?;
    for (c, (_, values)) in table.columns.iter().enumerate() {
        let c = col_at(c)?;
        for r in 0..table.rows() {
            let row = row_at(data_row, r)?;
            match values {
                Values::Money(v) => {
                    if let Some(m) = v.get(r).copied().flatten() {
                        Exact::money(m).write(sheet, row, c, Some(&f.money))?;
                    }
                }
                Values::Count(v) => {
                    if let Some(n) = v.get(r).copied().flatten() {
                        Exact::whole(i128::from(n)).write(sheet, row, c, None)?;
                    }
                }
                Values::Int(v) => {
                    if let Some(n) = v.get(r).copied().flatten() {
                        Exact::whole(i128::from(n)).write(sheet, row, c, None)?;
                    }
                }
                Values::Date(v) => {
                    if let Some(d) = v.get(r).copied().flatten() {
                        write_day(sheet, row, c, d, f)?;
                    }
                }
                Values::Text(_) | Values::Bool(_) => {
                    let t = table.text_at(usize::from(c), r, lang);
                    if !t.is_empty() {
                        sheet.write_string(row, c, t)?;
                    }
                }
            }
        }
    }
    sheet.autofit();
    row_at(data_row, table.rows())
}

fn write_day(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    d: chrono::NaiveDate,
    f: &Formats,
) -> Result<(), ExportError> {
    use chrono::Datelike;
    // Excel's days are 1900-01-01 to 9999-12-31: rust_xlsxwriter takes
    // 1899-12-31 too, as day 0, which Excel shows as "0.1.1900". A year that
    // is no `u16` is refused here, not wrapped round (year 67 436 would have
    // been written as a day of 1900).
    let day = u16::try_from(d.year())
        .ok()
        .filter(|year| (1900..=9999).contains(year))
        .and_then(|year| {
            let month = u8::try_from(d.month()).ok()?;
            let day = u8::try_from(d.day()).ok()?;
            ExcelDateTime::from_ymd(year, month, day).ok()
        });
    match day {
        Some(day) => {
            sheet.write_datetime_with_format(row, col, &day, &f.date)?;
        }
        // Before 1900 or after 9999 Excel has no date: the day as text.
        None => {
            sheet.write_string(row, col, d.to_string())?;
        }
    }
    Ok(())
}

/// Result tables as a workbook, one sheet each (named after the table),
/// headed in `lang`.
pub fn tables_to_xlsx(tables: &[ResultTable], lang: Language) -> Result<Vec<u8>, ExportError> {
    let f = Formats::new();
    let mut book = Workbook::new();
    let mut taken = Vec::new();
    for t in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(t.name, &mut taken))?;
        write_table(sheet, 0, t, lang, &f)?;
    }
    Ok(book.save_to_buffer()?)
}

/// ESR reports as a workbook: a sheet per project (identity and placement,
/// implementers with their business IDs, the financing table in euros, the
/// utilisation and EU share as percentages, the cost model's computation line
/// by line, the common indicators by gender, the project's own indicators),
/// then one sheet of every finding with its project, rule id and severity.
///
/// ```
/// use hanke::report::xlsx::reports_to_xlsx;
/// use hanke::report::{EsrReport, ReportInputs};
/// use hanke::lang::Language;
/// let project = hanke::Project::from_json_str(&std::fs::read_to_string(
///     concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/projects/toimet_S22026.json"))?)?;
/// let report = EsrReport::new(&project, "2020-12-31".parse()?, ReportInputs::default());
/// let bytes = reports_to_xlsx(&[report], Language::Fi)?;
/// assert!(bytes.len() > 1000);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn reports_to_xlsx(reports: &[EsrReport], lang: Language) -> Result<Vec<u8>, ExportError> {
    let f = Formats::new();
    let mut book = Workbook::new();
    let mut taken = vec![text(L::FINDINGS.get(lang))];
    for report in reports {
        let s = &report.summary;
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(s.code.as_deref().unwrap_or(&s.name), &mut taken))?;
        let mut row = 0u32;
        sheet.write_string_with_format(
            row,
            0,
            format!("{} {}", L::REPORT_TITLE.get(lang), text(&s.name)),
            &f.title,
        )?;
        row = row.saturating_add(1);
        sheet.write_string(row, 0, L::CUT_OFF.get(lang))?;
        write_day(sheet, row, 1, report.cut_off, &f)?;
        row = row.saturating_add(2);
        let pair =
            |sheet: &mut Worksheet, row: &mut u32, k: &str, v: &str| -> Result<(), ExportError> {
                sheet.write_string_with_format(*row, 0, k, &f.bold)?;
                sheet.write_string(*row, 1, text(v))?;
                *row = (*row).saturating_add(1);
                Ok(())
            };
        for (k, v) in &s.placement {
            pair(sheet, &mut row, k.get(lang), v)?;
        }
        pair(
            sheet,
            &mut row,
            L::PERIOD.get(lang),
            s.period.as_deref().unwrap_or("–"),
        )?;
        let status = s
            .status
            .map_or(L::UNKNOWN.get(lang), |st| st.text().get(lang));
        pair(sheet, &mut row, L::STATUS.get(lang), status)?;
        for i in &s.implementers {
            pair(sheet, &mut row, i.role.text().get(lang), &i.name)?;
            if let Some(id) = i.business_id {
                pair(sheet, &mut row, L::BUSINESS_ID.get(lang), &id.to_string())?;
            }
        }
        row = row.saturating_add(1);
        if !s.funding.is_empty() {
            sheet.write_string_with_format(row, 0, L::FINANCING.get(lang), &f.title)?;
            row = row.saturating_add(1);
            for (c, h) in [L::SOURCE, L::PLANNED, L::GRANTED, L::REALISED]
                .iter()
                .enumerate()
            {
                sheet.write_string_with_format(row, col_at(c)?, h.get(lang), &f.bold)?;
            }
            row = row.saturating_add(1);
            for line in &s.funding {
                let label = line
                    .source
                    .map_or(L::TOTAL.get(lang), |src| src.text().get(lang));
                sheet.write_string(row, 0, label)?;
                let a = &line.amounts;
                for (c, m) in [a.planned, a.granted, a.realised].into_iter().enumerate() {
                    if let Some(m) = m {
                        let c = col_at(c.saturating_add(1))?;
                        Exact::money(m).write(sheet, row, c, Some(&f.money))?;
                    }
                }
                row = row.saturating_add(1);
            }
            row = row.saturating_add(1);
        }
        for (label, rate) in [(L::UTILISATION, s.utilisation), (L::EU_SHARE, s.eu_share)] {
            if let Some(r) = rate {
                sheet.write_string_with_format(row, 0, label.get(lang), &f.bold)?;
                Exact::rate(r).write(sheet, row, 1, Some(&f.percent))?;
                row = row.saturating_add(1);
            }
        }
        if let Some(kind) = report.cost_model {
            pair(
                sheet,
                &mut row,
                L::COST_MODEL.get(lang),
                kind.text().get(lang),
            )?;
        }
        if let Some(b) = &s.budget_computation {
            row = row.saturating_add(1);
            sheet.write_string_with_format(row, 0, L::BUDGET_BY_COST_MODEL.get(lang), &f.title)?;
            row = row.saturating_add(1);
            // The computation line by line, as the report prints it.
            for line in b.get(lang).lines() {
                sheet.write_string(row, 0, text(line))?;
                row = row.saturating_add(1);
            }
        }
        if let Some(p) = &report.participants {
            row = row.saturating_add(1);
            sheet.write_string_with_format(row, 0, L::PARTICIPANTS.get(lang), &f.title)?;
            row = row.saturating_add(1);
            let mut t = ResultTable::indicators(&p.indicators);
            // The indicator's name in the report's language only.
            let keep = match lang {
                Language::Fi => "name_fi",
                Language::Sv => "name_sv",
                Language::En => "name_en",
            };
            t.columns
                .retain(|(n, _)| !n.starts_with("name_") || *n == keep);
            row = write_table(sheet, row, &t, lang, &f)?.saturating_add(1);
        }
        if !report.project_indicators.is_empty() {
            sheet.write_string_with_format(row, 0, L::PROJECT_INDICATORS.get(lang), &f.title)?;
            row = row.saturating_add(1);
            write_table(sheet, row, &report.project_indicator_table(), lang, &f)?;
        }
        sheet.set_column_width(0, 40)?;
    }
    // Every finding of every project, with its rule id.
    let sheet = book.add_worksheet();
    sheet.set_name(text(L::FINDINGS.get(lang)))?;
    let mut all: Vec<(String, &crate::finding::Finding)> = Vec::new();
    for r in reports {
        let who = r
            .summary
            .code
            .clone()
            .unwrap_or_else(|| r.summary.name.clone());
        all.extend(r.findings.iter().map(|f| (who.clone(), f)));
    }
    let heads = [L::PROJECT, L::RULE, L::SEVERITY, L::WHERE, L::FINDING];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, col_at(c)?, h.get(lang), &f.bold)?;
    }
    for (i, (who, finding)) in all.iter().enumerate() {
        let row = row_at(1, i)?;
        sheet.write_string(row, 0, text(who))?;
        sheet.write_string(row, 1, finding.rule_id)?;
        sheet.write_string(row, 2, finding.severity.text().get(lang))?;
        sheet.write_string(row, 3, text(&finding.path))?;
        sheet.write_string(row, 4, text(finding.message(lang)))?;
    }
    sheet.autofit();
    Ok(book.save_to_buffer()?)
}

/// Every value written reads back as itself (calamine, the reader of the
/// `spreadsheet` feature): a number Excel shows as the exact figure, or the
/// exact figure as text — never another figure (the family of the `as`
/// conversions and the 15-digit limit).
#[cfg(test)]
#[cfg(feature = "spreadsheet")]
mod tests {
    use super::*;
    use calamine::{Data, Reader};
    use chrono::NaiveDate;

    /// The cells of the first sheet's rows below the heading, by column.
    fn read_back(table: &ResultTable) -> Vec<Vec<Data>> {
        let bytes = tables_to_xlsx(std::slice::from_ref(table), Language::En).unwrap();
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let name = book.sheet_names().first().cloned().unwrap();
        let range = book.worksheet_range(&name).unwrap();
        (0..table.columns.len())
            .map(|c| {
                (0..table.rows())
                    .map(|r| range.get((r + 1, c)).cloned().unwrap_or(Data::Empty))
                    .collect()
            })
            .collect()
    }

    /// What a number cell shows with `decimals` decimals (Excel's 15 digits
    /// are all these values have).
    fn shown(cell: &Data, decimals: usize) -> String {
        match cell {
            Data::Float(f) => format!("{f:.decimals$}"),
            Data::Int(n) => format!("{n}"),
            Data::String(s) => s.clone(),
            other => panic!("unexpected cell {other:?}"),
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn every_number_reads_back_as_written_or_as_its_text(
            cents in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::num::i64::ANY,
                    -1_000_000_000_000_001i64..1_000_000_000_000_001,
                    -1_000i64..1_000,
                ],
                1..6,
            ),
            counts in proptest::collection::vec(
                proptest::prop_oneof![proptest::num::u64::ANY, 999_999_999_999_990u64..1_000_000_000_000_010],
                1..6,
            ),
            ints in proptest::collection::vec(proptest::num::i64::ANY, 1..6),
        ) {
            let rows = cents.len().max(counts.len()).max(ints.len());
            let pad = |n: usize| rows - n;
            let money: Vec<Option<Money>> = cents.iter().map(|&c| Some(Money::from_cents(c)))
                .chain(std::iter::repeat_n(None, pad(cents.len()))).collect();
            let count: Vec<Option<u64>> = counts.iter().copied().map(Some)
                .chain(std::iter::repeat_n(None, pad(counts.len()))).collect();
            let int: Vec<Option<i64>> = ints.iter().copied().map(Some)
                .chain(std::iter::repeat_n(None, pad(ints.len()))).collect();
            let table = ResultTable::new("numbers")
                .column("amount", Values::Money(money.clone()))
                .column("count", Values::Count(count.clone()))
                .column("value", Values::Int(int.clone()));
            let cells = read_back(&table);
            for (r, m) in money.iter().enumerate() {
                let cell = &cells[0][r];
                match m {
                    Some(m) => {
                        proptest::prop_assert_eq!(shown(cell, 2), m.to_plain_string());
                        // Text only past 15 digits.
                        let is_text = matches!(cell, Data::String(_));
                        proptest::prop_assert_eq!(is_text, m.cents().unsigned_abs() >= 1_000_000_000_000_000);
                    }
                    None => proptest::prop_assert_eq!(cell, &Data::Empty),
                }
            }
            for (r, n) in count.iter().enumerate() {
                match n {
                    Some(n) => proptest::prop_assert_eq!(shown(&cells[1][r], 0), n.to_string()),
                    None => proptest::prop_assert_eq!(&cells[1][r], &Data::Empty),
                }
            }
            for (r, n) in int.iter().enumerate() {
                match n {
                    Some(n) => proptest::prop_assert_eq!(shown(&cells[2][r], 0), n.to_string()),
                    None => proptest::prop_assert_eq!(&cells[2][r], &Data::Empty),
                }
            }
        }
    }

    /// A day Excel has (1900–9999) is a date cell of that day; any other is
    /// its text — year 67 436 was written as a day of 1900 (`as u16`).
    #[test]
    fn a_day_is_that_day_or_its_text() {
        let days = [
            NaiveDate::from_ymd_opt(1900, 3, 1).unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(1899, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(67_436, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(-1, 6, 1).unwrap(),
        ];
        let table = ResultTable::new("days").column(
            "day",
            Values::Date(days.iter().copied().map(Some).collect()),
        );
        let cells = read_back(&table);
        for (day, cell) in days.iter().zip(&cells[0]) {
            match cell {
                Data::DateTime(dt) => {
                    let (y, m, d, ..) = dt.to_ymd_hms_milli();
                    let read = NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d));
                    assert_eq!(read, Some(*day), "{day}");
                    assert!(
                        (1900..=9999).contains(&chrono::Datelike::year(day)),
                        "{day}"
                    );
                }
                Data::String(s) => {
                    assert_eq!(s, &day.to_string());
                    assert!(!(1900..=9999).contains(&chrono::Datelike::year(day)));
                }
                other => panic!("{day}: {other:?}"),
            }
        }
    }

    /// A rate is a number whose percentage shows as hanke's own, or past 15
    /// digits hanke's own percentage as text.
    #[test]
    fn a_rate_is_its_percentage() {
        let r = Rate::new(684_554, 913_048).unwrap();
        let Exact::Number(n) = Exact::rate(r) else {
            panic!("a number")
        };
        assert_eq!(format!("{:.2}", n * 100.0), "74.97");
        assert_eq!(r.to_percent_string(2), "74,97 %");
        let huge = Rate::new(i64::MAX, 1).unwrap();
        let Exact::Text(t) = Exact::rate(huge) else {
            panic!("text")
        };
        assert_eq!(t, huge.to_percent_string(2));
    }

    /// A table wider than a worksheet is refused, not wrapped onto its first
    /// columns.
    #[test]
    fn a_table_wider_than_a_sheet_is_refused() {
        assert!(col_at(usize::from(u16::MAX)).is_ok());
        assert!(col_at(usize::from(u16::MAX) + 1).is_err());
        assert!(row_at(1, u32::MAX as usize).is_err());
        assert_eq!(row_at(1, 5).unwrap(), 6);
    }
}
