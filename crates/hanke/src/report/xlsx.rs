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

fn money_number(m: Money) -> f64 {
    // The decimal text read as a number: the double nearest the amount, as
    // Excel stores a typed amount.
    m.to_plain_string().parse().unwrap_or(0.0)
}

fn rate_number(r: Rate) -> f64 {
    let (num, den) = r.as_fraction();
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
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
        sheet.write_string_with_format(first_row, c as u16, heading(name, lang), &f.bold)?;
    }
    for (c, (_, values)) in table.columns.iter().enumerate() {
        let c = c as u16;
        for r in 0..table.rows() {
            let row = first_row.saturating_add(1).saturating_add(r as u32);
            match values {
                Values::Money(v) => {
                    if let Some(m) = v.get(r).copied().flatten() {
                        sheet.write_number_with_format(row, c, money_number(m), &f.money)?;
                    }
                }
                Values::Count(v) => {
                    if let Some(n) = v.get(r).copied().flatten() {
                        sheet.write_number(row, c, n as f64)?;
                    }
                }
                Values::Int(v) => {
                    if let Some(n) = v.get(r).copied().flatten() {
                        sheet.write_number(row, c, n as f64)?;
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
    Ok(first_row
        .saturating_add(1)
        .saturating_add(table.rows() as u32))
}

fn write_day(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    d: chrono::NaiveDate,
    f: &Formats,
) -> Result<(), ExportError> {
    use chrono::Datelike;
    match ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8) {
        Ok(day) => {
            sheet.write_datetime_with_format(row, col, &day, &f.date)?;
        }
        // Before 1900 Excel has no date: the day as text.
        Err(_) => {
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
                sheet.write_string_with_format(row, c as u16, h.get(lang), &f.bold)?;
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
                        sheet.write_number_with_format(
                            row,
                            (c as u16).saturating_add(1),
                            money_number(m),
                            &f.money,
                        )?;
                    }
                }
                row = row.saturating_add(1);
            }
            row = row.saturating_add(1);
        }
        for (label, rate) in [(L::UTILISATION, s.utilisation), (L::EU_SHARE, s.eu_share)] {
            if let Some(r) = rate {
                sheet.write_string_with_format(row, 0, label.get(lang), &f.bold)?;
                sheet.write_number_with_format(row, 1, rate_number(r), &f.percent)?;
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
        sheet.write_string_with_format(0, c as u16, h.get(lang), &f.bold)?;
    }
    for (i, (who, finding)) in all.iter().enumerate() {
        let row = (i as u32).saturating_add(1);
        sheet.write_string(row, 0, text(who))?;
        sheet.write_string(row, 1, finding.rule_id)?;
        sheet.write_string(row, 2, finding.severity.text().get(lang))?;
        sheet.write_string(row, 3, text(&finding.path))?;
        sheet.write_string(row, 4, text(finding.message(lang)))?;
    }
    sheet.autofit();
    Ok(book.save_to_buffer()?)
}
