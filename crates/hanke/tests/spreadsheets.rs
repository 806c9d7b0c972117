//! Participant lists from spreadsheets (issue 28): a workbook made the way a
//! coordinator makes one reads with the same account as its CSV twin.
//!
//! The fixtures `tests/data/osallistujat.{xlsx,ods,csv}` hold the same
//! synthetic list (identity codes with temporary numbers 900–999). The
//! workbooks are written by this file: `HANKE_BLESS=1 cargo test -p hanke
//! --features spreadsheet --test spreadsheets` rewrites them.
//!
//! The workbook has what a coordinator's has: a merged title row above the
//! header, Finnish headers, dates as Excel serials formatted as dates (and
//! one written as text), an education level typed as a number, a hidden
//! identity-code column, an empty trailing column, a blank row, and two bad
//! rows (a date typed as a plain number, a day that does not exist).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::PathBuf;

use hanke::import::{ImportOptions, read_participants_csv_with_lines, read_participants_sheet};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// One value of the list: how a coordinator typed it.
#[derive(Clone, Copy)]
enum V {
    Text(&'static str),
    /// A date typed into a date-formatted cell: an Excel serial.
    Day(u16, u8, u8),
    /// A number typed into a cell.
    Num(f64),
    Empty,
}

const TITLE: &str = "Osallistujat – Esimerkkihanke (synteettinen)";
const HEADERS: [&str; 10] = [
    "Osallistujatunnus",
    "Aloituspäivä",
    "Henkilötunnus",
    "Syntymäaika",
    "Sukupuoli",
    "Koulutusaste",
    "Työmarkkinatilanne",
    "Lopetuspäivä",
    "Lopputilanne",
    "",
];
/// The hidden column (C, the identity codes).
const HIDDEN: u16 = 2;

fn rows() -> Vec<[V; 9]> {
    use V::*;
    vec![
        [
            Text("X-001"),
            Day(2024, 3, 1),
            Text("230465-922K"),
            Day(1965, 4, 23),
            Text("nainen"),
            Num(2.0),
            Text("työtön"),
            Day(2024, 9, 30),
            Text("työ"),
        ],
        [
            Text("X-002"),
            Day(2024, 3, 4),
            Text("010170-9184"),
            Day(1970, 1, 1),
            Text("nainen"),
            Num(7.0),
            Text("työllinen"),
            Empty,
            Empty,
        ],
        [
            Text("X-003"),
            Text("5.3.2024"),
            Text("070196-9580"),
            Day(1996, 1, 7),
            Text("mies"),
            Num(3.0),
            Text("opiskelija"),
            Empty,
            Empty,
        ],
        [
            Text("X-004"),
            Day(2024, 4, 2),
            Text("090680-9531"),
            Day(1980, 6, 9),
            Text("mies"),
            Num(2.0),
            Text("työtön"),
            Day(2024, 12, 20),
            Text("opiskelu"),
        ],
        [
            Empty, Empty, Empty, Empty, Empty, Empty, Empty, Empty, Empty,
        ],
        // A date typed as a plain number: never turned into a date.
        [
            Text("X-005"),
            Num(45383.0),
            Empty,
            Day(1990, 2, 2),
            Text("nainen"),
            Num(3.0),
            Text("työtön"),
            Empty,
            Empty,
        ],
        // A day that does not exist, typed as text.
        [
            Text("X-006"),
            Text("31.4.2024"),
            Empty,
            Day(1985, 5, 5),
            Text("mies"),
            Num(2.0),
            Text("työtön"),
            Empty,
            Empty,
        ],
        [
            Num(7.0),
            Day(2024, 5, 6),
            Empty,
            Empty,
            Text("muu"),
            Empty,
            Text("työvoiman ulkopuolella"),
            Empty,
            Empty,
        ],
    ]
}

/// The CSV twin: what Excel's "CSV (semicolon)" on Finnish Windows writes for
/// the sheet below its title row (dates as shown, the hidden column included,
/// the trailing column as a final delimiter).
fn csv_twin() -> String {
    let mut out = HEADERS.join(";");
    out.push('\n');
    for row in rows() {
        let cells: Vec<String> = row
            .iter()
            .map(|v| match v {
                V::Text(t) => t.to_string(),
                V::Day(y, m, d) => format!("{d}.{m}.{y}"),
                V::Num(n) => format!("{n}"),
                V::Empty => String::new(),
            })
            .collect();
        out.push_str(&cells.join(";"));
        out.push_str(";\n");
    }
    out
}

fn write_xlsx() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Osallistujat").unwrap();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("d.m.yyyy");
    let shaded = Format::new().set_background_color("#EEEEEE");
    sheet.merge_range(0, 0, 0, 8, TITLE, &bold).unwrap();
    for (c, h) in HEADERS.iter().enumerate() {
        sheet
            .write_string_with_format(1, c as u16, *h, &bold)
            .unwrap();
    }
    for (r, row) in rows().iter().enumerate() {
        let r = r as u32 + 2;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match *v {
                V::Text(t) => {
                    sheet.write_string(r, c, t).unwrap();
                }
                V::Day(y, m, d) => {
                    let day = ExcelDateTime::from_ymd(y, m, d).unwrap();
                    sheet.write_datetime_with_format(r, c, &day, &date).unwrap();
                }
                V::Num(n) => {
                    sheet.write_number(r, c, n).unwrap();
                }
                V::Empty => {}
            }
        }
        // The trailing column: formatted, never written in.
        sheet.write_blank(r, 9, &shaded).unwrap();
    }
    sheet.set_column_hidden(HIDDEN).unwrap();
    book.save_to_buffer().unwrap()
}

/// The same sheet as OpenDocument (what LibreOffice saves): dates as
/// `office:date-value`, the title spanning nine columns, column C collapsed.
fn write_ods() -> Vec<u8> {
    let cell = |v: &V| match v {
        V::Text(t) => format!(
            "<table:table-cell office:value-type=\"string\"><text:p>{t}</text:p></table:table-cell>"
        ),
        V::Day(y, m, d) => format!(
            "<table:table-cell office:value-type=\"date\" office:date-value=\"{y:04}-{m:02}-{d:02}\"><text:p>{d}.{m}.{y}</text:p></table:table-cell>"
        ),
        V::Num(n) => format!(
            "<table:table-cell office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>"
        ),
        V::Empty => "<table:table-cell/>".to_string(),
    };
    let mut body = String::new();
    body.push_str("<table:table-column/><table:table-column/><table:table-column table:visibility=\"collapse\"/><table:table-column table:number-columns-repeated=\"7\"/>");
    body.push_str(&format!("<table:table-row><table:table-cell table:number-columns-spanned=\"9\" office:value-type=\"string\"><text:p>{TITLE}</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated=\"8\"/></table:table-row>"));
    body.push_str("<table:table-row>");
    for h in HEADERS.iter().take(9) {
        body.push_str(&cell(&V::Text(h)));
    }
    body.push_str("</table:table-row>");
    for row in rows() {
        body.push_str("<table:table-row>");
        for v in &row {
            body.push_str(&cell(v));
        }
        body.push_str("</table:table-row>");
    }
    ods_of(&format!(
        "<table:table table:name=\"Osallistujat\">{body}</table:table>"
    ))
}

/// An OpenDocument spreadsheet package whose `content.xml` holds `tables`
/// (`<table:table>` elements).
fn ods_of(tables: &str) -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
<office:body><office:spreadsheet>{tables}\
</office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
</manifest:manifest>";
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.finish().unwrap();
    out.into_inner()
}

fn options() -> ImportOptions {
    let mut o = ImportOptions::default();
    // Synthetic people: temporary identity codes only.
    o.accept_temporary_codes = true;
    o
}

#[test]
fn fixtures_are_current() {
    let bless = std::env::var_os("HANKE_BLESS").is_some();
    let twin = csv_twin();
    if bless {
        std::fs::write(data("osallistujat.xlsx"), write_xlsx()).unwrap();
        std::fs::write(data("osallistujat.ods"), write_ods()).unwrap();
        std::fs::write(data("osallistujat.csv"), &twin).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(data("osallistujat.csv")).unwrap(),
        twin,
        "the CSV twin differs from the rows of this file: HANKE_BLESS=1"
    );
}

/// Reads each workbook and its CSV twin and compares the accounts.
#[test]
fn a_coordinators_workbook_reads_as_its_csv_twin() {
    let csv = std::fs::read(data("osallistujat.csv")).unwrap();
    let (c_people, c_lines, c_report) =
        read_participants_csv_with_lines(csv.as_slice(), options()).unwrap();
    assert!(c_report.is_balanced());
    assert_eq!(
        (
            c_report.rows_read,
            c_report.accepted,
            c_report.rejected,
            c_report.blank_lines
        ),
        (7, 5, 2, 1),
        "{:#?}",
        c_report.rejections
    );
    for (file, written) in [
        ("osallistujat.xlsx", write_xlsx()),
        ("osallistujat.ods", write_ods()),
    ] {
        let bytes = std::fs::read(data(file)).unwrap();
        for b in [&bytes, &written] {
            let (people, lines, report) = read_participants_sheet(b, None, options()).unwrap();
            assert!(report.is_balanced(), "{file}: {report:#?}");
            assert_eq!(
                (
                    report.rows_read,
                    report.accepted,
                    report.rejected,
                    report.blank_lines
                ),
                (
                    c_report.rows_read,
                    c_report.accepted,
                    c_report.rejected,
                    c_report.blank_lines
                ),
                "{file}: {:#?}",
                report.rejections
            );
            assert_eq!(people, c_people, "{file}: the same records");
            // One title row above: every sheet row is the CSV line plus one.
            let shifted: Vec<_> = c_lines.iter().map(|(id, l)| (*id, l + 1)).collect();
            assert_eq!(lines, shifted, "{file}");
            let sheet = report.sheet.as_ref().unwrap();
            assert_eq!(
                (
                    sheet.sheet.as_str(),
                    sheet.header_row,
                    sheet.rows_above_header
                ),
                ("Osallistujat", 2, 1),
                "{file}"
            );
            // The same rows refused for the same fields, named by their cells.
            let refused = |r: &hanke::import::ImportReport| -> Vec<(String, &'static str, u64)> {
                r.rejections
                    .iter()
                    .map(|f| (f.path.clone(), f.rule_id, f.line.unwrap()))
                    .collect()
            };
            let csv_refused: Vec<_> = refused(&c_report)
                .into_iter()
                .map(|(p, r, l)| (p, r, l + 1))
                .collect();
            assert_eq!(refused(&report), csv_refused, "{file}");
            let cells: Vec<&str> = report
                .rejections
                .iter()
                .filter_map(|f| f.cell.as_deref())
                .collect();
            assert_eq!(cells, ["Osallistujat!B8", "Osallistujat!B9"], "{file}");
        }
    }
}

#[test]
fn the_refusals_say_what_the_cell_holds_and_never_echo_a_code() {
    let bytes = std::fs::read(data("osallistujat.xlsx")).unwrap();
    let (_, _, report) = read_participants_sheet(&bytes, None, options()).unwrap();
    let text: Vec<String> = report.rejections.iter().map(ToString::to_string).collect();
    assert!(text[0].contains("a number here is not"), "{text:?}");
    assert!(
        text[0].starts_with("[error] IMP-CSV-003 at Osallistujat!B8, entry_date"),
        "{text:?}"
    );
    let json = serde_json::to_string(&report).unwrap();
    for code in ["230465-922K", "010170-9184", "070196-9580"] {
        assert!(!json.contains(code) && !text.concat().contains(code));
    }
}

#[test]
fn a_value_in_a_column_without_a_header_rejects_its_row_in_both_readers() {
    let csv = "participant_id;entry_date;\nP1;1.3.2024;\nP2;2.3.2024;kirjoitettu\n";
    let (people, report) = hanke::import::read_participants_csv(csv.as_bytes(), options()).unwrap();
    assert_eq!(people.len(), 1);
    assert_eq!(report.unnamed_columns, ["3"]);
    assert_eq!(report.rejections[0].rule_id, "IMP-CSV-005");
    assert_eq!(report.rejections[0].line, Some(3));

    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    for (r, row) in [
        ["participant_id", "entry_date", ""],
        ["P1", "1.3.2024", ""],
        ["P2", "2.3.2024", "kirjoitettu"],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                s.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let (people, _, report) = read_participants_sheet(&bytes, None, options()).unwrap();
    assert_eq!(people.len(), 1);
    assert_eq!(report.unnamed_columns, ["C"]);
    assert_eq!(report.rejections[0].rule_id, "IMP-CSV-005");
    assert_eq!(report.rejections[0].cell.as_deref(), Some("Sheet1!C3"));
}

#[test]
fn not_a_workbook_and_a_missing_sheet_are_coded() {
    let e = read_participants_sheet(b"participant_id,entry_date\n", None, options()).unwrap_err();
    assert_eq!(e.code(), "import.workbook");
    let bytes = std::fs::read(data("osallistujat.xlsx")).unwrap();
    let e = read_participants_sheet(&bytes, Some("Taul2"), options()).unwrap_err();
    assert_eq!(e.code(), "import.no_sheet");
    assert!(e.to_string().contains("Osallistujat"), "{e}");
}

/// A row of the activity sheet: the day (none: typed as a plain number),
/// kind, name, and the counts (head count, three sectors, four feedback
/// points; negative: left empty).
type ActivityRow = (Option<(u16, u8, u8)>, &'static str, &'static str, [f64; 8]);

/// The activity sheet: a title row, Finnish headers, the first two rows the
/// first two network events of KeKo's bundled activity log, a training
/// without feedback, and a row whose date was typed as a plain number.
fn write_activity_xlsx() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Toiminta").unwrap();
    let date = Format::new().set_num_format("d.m.yyyy");
    sheet
        .merge_range(
            0,
            0,
            0,
            10,
            "Toimintaloki – KeKo (synteettinen)",
            &Format::new().set_bold(),
        )
        .unwrap();
    let headers = [
        "Päivämäärä",
        "Tyyppi",
        "Nimi",
        "Osallistujia",
        "Yksityinen sektori",
        "Julkinen sektori",
        "Kolmas sektori",
        "Palaute 1",
        "Palaute 2",
        "Palaute 3",
        "Palaute 4",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    let rows: [ActivityRow; 4] = [
        (
            Some((2017, 6, 1)),
            "verkostotilaisuus",
            "",
            [34.0, 5.0, 8.0, 21.0, 0.0, 1.0, 5.0, 4.0],
        ),
        (
            Some((2017, 6, 25)),
            "network_event",
            "",
            [34.0, 5.0, 8.0, 21.0, 0.0, 2.0, 3.0, 5.0],
        ),
        (
            Some((2017, 9, 12)),
            "koulutus",
            "Digikoulutus",
            [12.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0],
        ),
        (
            None,
            "valmennuskerta",
            "",
            [3.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0],
        ),
    ];
    for (r, (day, kind, name, numbers)) in rows.iter().enumerate() {
        let r = r as u32 + 2;
        match day {
            Some((y, m, d)) => {
                sheet
                    .write_datetime_with_format(
                        r,
                        0,
                        ExcelDateTime::from_ymd(*y, *m, *d).unwrap(),
                        &date,
                    )
                    .unwrap();
            }
            // A date typed without the date format: a plain number.
            None => {
                sheet.write_number(r, 0, 42_900.0).unwrap();
            }
        }
        sheet.write_string(r, 1, *kind).unwrap();
        if !name.is_empty() {
            sheet.write_string(r, 2, *name).unwrap();
        }
        for (c, n) in numbers.iter().enumerate() {
            if *n >= 0.0 {
                sheet.write_number(r, c as u16 + 3, *n).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn an_activity_sheet_reads_as_the_json_log_it_mirrors() {
    if std::env::var_os("HANKE_BLESS").is_some() {
        std::fs::write(data("toiminta.xlsx"), write_activity_xlsx()).unwrap();
    }
    let keko = hanke::activity::ActivityLog::from_json_str(
        &std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../examples/data/activities/keko.json"),
        )
        .unwrap(),
    )
    .unwrap();
    for bytes in [
        std::fs::read(data("toiminta.xlsx")).unwrap(),
        write_activity_xlsx(),
    ] {
        let (log, report) = hanke::import::read_activities_sheet(&bytes, None).unwrap();
        assert!(report.is_balanced(), "{report:#?}");
        assert_eq!(
            (report.rows_read, report.accepted, report.rejected),
            (4, 3, 1)
        );
        assert_eq!(report.sheet.header_row, 2);
        assert_eq!(&log.activities[..2], &keko.activities[..2]);
        assert_eq!(log.activities[2].name.as_deref(), Some("Digikoulutus"));
        assert!(log.activities[2].feedback.is_none());
        let refused = &report.rejections[0];
        assert_eq!(refused.cell.as_deref(), Some("Toiminta!A6"));
        assert!(
            refused.message_en.contains("never read as a date"),
            "{refused}"
        );
    }
}

#[test]
fn an_activity_sheet_refuses_what_it_cannot_read_by_cell() {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    let rows: &[&[&str]] = &[
        &["date", "kind", "attendees", "private", "participant_ids"],
        &["1.3.2024", "juhlat", "5", "", ""],
        &["2.3.2024", "coaching", "", "", "P1, P2"],
        &["3.3.2024", "coaching", "3", "5", ""],
        &["4.3.2024", "coaching", "3", "", "P1"],
        &["5.3.2024", "coaching", "", "", ""],
        // Two ids written apart, or one holding a space: not told, refused.
        &["6.3.2024", "coaching", "", "", "P1 P2"],
        &["7.3.2024", "coaching", "", "", "P1;\tP3 ,P2"],
        &["8.3.2024", "coaching", "", "", "P1\nP2"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                s.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    let (log, report) =
        hanke::import::read_activities_sheet(&book.save_to_buffer().unwrap(), None).unwrap();
    assert_eq!(log.activities.len(), 2, "{report:#?}");
    assert_eq!(log.activities[0].attendance.count(), 2);
    assert_eq!(log.activities[1].attendance.count(), 3);
    let why: Vec<(&str, &str)> = report
        .rejections
        .iter()
        .map(|f| (f.path.as_str(), f.cell.as_deref().unwrap()))
        .collect();
    assert_eq!(
        why,
        [
            ("kind", "Sheet1!B2"),
            ("attendees", "Sheet1!4:4"),
            ("attendees", "Sheet1!5:5"),
            ("attendees", "Sheet1!6:6"),
            ("participant_ids", "Sheet1!E7"),
            ("attendees", "Sheet1!7:7"),
            ("participant_ids", "Sheet1!E9"),
            ("attendees", "Sheet1!9:9"),
        ]
    );
    assert!(
        report.rejections[4]
            .message_en
            .contains("two ids need a comma between them"),
        "{}",
        report.rejections[4]
    );
    // A header no column has stops the sheet.
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    s.write_string(0, 0, "date").unwrap();
    s.write_string(0, 1, "kind").unwrap();
    s.write_string(0, 2, "Nimi ja puhelin").unwrap();
    let e =
        hanke::import::read_activities_sheet(&book.save_to_buffer().unwrap(), None).unwrap_err();
    assert_eq!(e.code(), "import.unknown_column");
}

/// The family test of "two paths that read the same data behave the same":
/// any list of cells — valid and invalid dates (as date cells, as text, as
/// plain numbers), labels, ids typed as numbers, blanks, blank rows, values
/// in an unnamed column — reads from a workbook with the same account,
/// records, refused fields and warnings as from the CSV Excel writes for it.
mod twins {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Cell {
        Text(String),
        Day(u16, u8, u8),
        Num(i64),
        Empty,
    }

    fn text() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "nainen",
            "mies",
            "muu",
            "woman",
            "tuntematon",
            "1.3.2024",
            "31.4.2024",
            "2024-02-29",
            "2023-02-29",
            "työtön",
            "opiskelija",
            "x",
            "=1+1",
            "P-1",
            "P-2",
            "3",
            "kyllä",
            "ei",
            " välilyönti ",
            "010190-900P",
        ])
        .prop_map(String::from)
    }

    fn cell() -> impl Strategy<Value = Cell> {
        prop_oneof![
            text().prop_map(Cell::Text),
            (1990u16..2030, 1u8..13, 1u8..29).prop_map(|(y, m, d)| Cell::Day(y, m, d)),
            (0i64..50_000).prop_map(Cell::Num),
            Just(Cell::Empty),
        ]
    }

    /// A cell of a column that is not a date. A date cell there is where the
    /// two differ on purpose: the CSV cannot tell `1.1.1990` typed as an id
    /// from an id Excel turned into a date (`1-1` → 1.1.), the workbook can,
    /// and refuses it (`a_date_cell_outside_a_date_column_is_refused`).
    fn not_a_day() -> impl Strategy<Value = Cell> {
        prop_oneof![
            text().prop_map(Cell::Text),
            (0i64..50_000).prop_map(Cell::Num),
            Just(Cell::Empty),
        ]
    }

    fn row() -> impl Strategy<Value = Vec<Cell>> {
        (
            not_a_day(),
            cell(),
            not_a_day(),
            not_a_day(),
            cell(),
            not_a_day(),
        )
            .prop_map(|(a, b, c, d, e, f)| vec![a, b, c, d, e, f])
    }

    #[test]
    fn a_date_cell_outside_a_date_column_is_refused() {
        let rows = vec![vec![
            Cell::Day(2024, 1, 3),
            Cell::Day(2024, 3, 1),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ]];
        let (people, _, report) =
            read_participants_sheet(&xlsx_of(&rows), None, options()).unwrap();
        assert!(people.is_empty());
        assert_eq!(report.rejections[0].path, "participant_id");
        assert!(
            report.rejections[0]
                .message_en
                .starts_with("a date here is not"),
            "{}",
            report.rejections[0]
        );
        // The CSV Excel writes for it has the text 3.1.2024, read as an id.
        let (people, _) =
            hanke::import::read_participants_csv(csv_of(&rows).as_bytes(), options()).unwrap();
        assert_eq!(people[0].id.as_str(), "3.1.2024");
    }

    const HEADS: [&str; 6] = [
        "Osallistujatunnus",
        "Aloituspäivä",
        "Sukupuoli",
        "Koulutusaste",
        "Lopetuspäivä",
        "",
    ];

    /// The CSV Excel writes for the sheet: its used range, so empty rows
    /// after the last value are not written (nor are they in the workbook's
    /// range).
    fn csv_of(rows: &[Vec<Cell>]) -> String {
        let mut out = HEADS.join(";");
        out.push('\n');
        let used = rows
            .iter()
            .rposition(|r| r.iter().any(|c| !matches!(c, Cell::Empty)))
            .map_or(0, |i| i + 1);
        for row in rows.iter().take(used) {
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    // Excel quotes a text only where it must; these need none.
                    Cell::Text(t) => t.clone(),
                    Cell::Day(y, m, d) => format!("{d}.{m}.{y}"),
                    Cell::Num(n) => n.to_string(),
                    Cell::Empty => String::new(),
                })
                .collect();
            out.push_str(&cells.join(";"));
            out.push('\n');
        }
        out
    }

    fn xlsx_of(rows: &[Vec<Cell>]) -> Vec<u8> {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let date = Format::new().set_num_format("d.m.yyyy");
        for (c, h) in HEADS.iter().enumerate() {
            if !h.is_empty() {
                sheet.write_string(0, c as u16, *h).unwrap();
            }
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                match v {
                    Cell::Text(t) => {
                        sheet.write_string(r, c, t).unwrap();
                    }
                    Cell::Day(y, m, d) => {
                        sheet
                            .write_datetime_with_format(
                                r,
                                c,
                                ExcelDateTime::from_ymd(*y, *m, *d).unwrap(),
                                &date,
                            )
                            .unwrap();
                    }
                    Cell::Num(n) => {
                        sheet.write_number(r, c, *n as f64).unwrap();
                    }
                    Cell::Empty => {}
                }
            }
        }
        book.save_to_buffer().unwrap()
    }

    /// What a CSV reader is given for a plain number in a date column is
    /// its digits, which no date reads as; in the workbook it is a number,
    /// refused as one. Both refuse the field: the tests compare fields.
    fn refused(r: &hanke::import::ImportReport, shift: u64) -> Vec<(String, &'static str, u64)> {
        r.rejections
            .iter()
            .map(|f| (f.path.clone(), f.rule_id, f.line.unwrap_or(0) + shift))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
        #[test]
        fn a_workbook_and_its_csv_read_alike(rows in prop::collection::vec(row(), 0..12)) {
            let (c_people, c_lines, c_report) =
                read_participants_csv_with_lines(csv_of(&rows).as_bytes(), options()).unwrap();
            let (people, lines, report) = read_participants_sheet(&xlsx_of(&rows), None, options()).unwrap();
            prop_assert!(report.is_balanced() && c_report.is_balanced());
            prop_assert_eq!(
                (report.rows_read, report.accepted, report.rejected, report.blank_lines),
                (c_report.rows_read, c_report.accepted, c_report.rejected, c_report.blank_lines)
            );
            prop_assert_eq!(people, c_people);
            prop_assert_eq!(lines, c_lines);
            prop_assert_eq!(refused(&report, 0), refused(&c_report, 0));
            // Every refusal of the workbook names its cell; no code is echoed.
            prop_assert!(report.rejections.iter().all(|f| f.cell.is_some()));
            let shown = format!("{report:?}");
            prop_assert!(!shown.contains("010190-900P"));
        }
    }
}

/// Nothing of an activity row is dropped without a word: a typed value where
/// a name or ids go is refused, a column twice stops the sheet, and a date
/// with a time of day keeps its day with the note the participant sheet gives.
#[test]
fn an_activity_sheet_drops_nothing_silently() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    let stamp = Format::new().set_num_format("d.m.yyyy hh:mm");
    let day = Format::new().set_num_format("d.m.yyyy");
    for (c, h) in ["date", "kind", "name", "attendees", "participant_ids"]
        .iter()
        .enumerate()
    {
        s.write_string(0, c as u16, *h).unwrap();
    }
    let at = |y, m, d| ExcelDateTime::from_ymd(y, m, d).unwrap();
    // A head count and a date where the ids go.
    s.write_string(1, 0, "1.3.2024").unwrap();
    s.write_string(1, 1, "coaching").unwrap();
    s.write_number(1, 3, 4.0).unwrap();
    s.write_datetime_with_format(1, 4, at(2024, 3, 1), &day)
        .unwrap();
    // A date where the name goes.
    s.write_string(2, 0, "2.3.2024").unwrap();
    s.write_string(2, 1, "coaching").unwrap();
    s.write_datetime_with_format(2, 2, at(2024, 3, 2), &day)
        .unwrap();
    s.write_number(2, 3, 4.0).unwrap();
    // A date with a time of day.
    s.write_datetime_with_format(3, 0, at(2024, 3, 3).and_hms(10, 30, 0).unwrap(), &stamp)
        .unwrap();
    s.write_string(3, 1, "coaching").unwrap();
    s.write_number(3, 3, 2.0).unwrap();
    let (log, report) =
        hanke::import::read_activities_sheet(&book.save_to_buffer().unwrap(), None).unwrap();
    assert_eq!((report.accepted, report.rejected), (1, 2), "{report:#?}");
    let refused: Vec<(&str, &str)> = report
        .rejections
        .iter()
        .map(|f| (f.path.as_str(), f.cell.as_deref().unwrap()))
        .collect();
    assert_eq!(
        refused,
        [("participant_ids", "Sheet1!E2"), ("name", "Sheet1!C3")]
    );
    assert_eq!(log.activities[0].date.to_string(), "2024-03-03");
    assert_eq!(report.findings[0].rule_id, "IMP-TIME-001");
    assert_eq!(report.findings[0].cell.as_deref(), Some("Sheet1!A4"));

    let mut book = Workbook::new();
    let s = book.add_worksheet();
    for (c, h) in ["date", "kind", "attendees", "Päivämäärä"]
        .iter()
        .enumerate()
    {
        s.write_string(0, c as u16, *h).unwrap();
    }
    let e =
        hanke::import::read_activities_sheet(&book.save_to_buffer().unwrap(), None).unwrap_err();
    assert_eq!(e.code(), "import.duplicate_column");
}

/// An .xlsx written by a program that writes formulas without calculating
/// them: each row's cells as (value, formula), `None` for none.
fn xlsx_with_formulas(rows: &[&[(Option<&str>, Option<&str>)]]) -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let mut data = String::new();
    for (r, row) in rows.iter().enumerate() {
        data.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, (value, formula)) in row.iter().enumerate() {
            let at = format!("{}{}", hanke::import::column_letters(c as u32), r + 1);
            match (value, formula) {
                (Some(v), None) => data.push_str(&format!(
                    "<c r=\"{at}\" t=\"inlineStr\"><is><t>{v}</t></is></c>"
                )),
                (v, Some(f)) => {
                    let v = v.map_or(String::new(), |v| format!("<v>{v}</v>"));
                    data.push_str(&format!("<c r=\"{at}\" t=\"str\"><f>{f}</f>{v}</c>"));
                }
                (None, None) => {}
            }
        }
        data.push_str("</row>");
    }
    let files = [
        ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>".to_string()),
        ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".to_string()),
        ("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Osallistujat\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".to_string()),
        ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".to_string()),
        ("xl/worksheets/sheet1.xml", format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{data}</sheetData></worksheet>")),
    ];
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    for (name, text) in files {
        zip.start_file(name, SimpleFileOptions::default()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// A formula cell without a computed value was read as an empty cell: its
/// value silently missing. Now both readers of a sheet refuse it with its
/// cell; a formula with its value (what a spreadsheet saves) reads as the
/// value.
#[test]
fn a_formula_without_a_computed_value_is_refused_by_its_cell() {
    let t = |v: &'static str| (Some(v), None);
    let participants = xlsx_with_formulas(&[
        &[t("participant_id"), t("entry_date"), t("gender")],
        &[t("P1"), t("2024-01-10"), (None, Some("\"mies\""))],
        &[
            t("P2"),
            t("2024-01-11"),
            (Some("nainen"), Some("\"nainen\"")),
        ],
        &[
            t("P3"),
            (None, Some("TEXT(TODAY(),\"yyyy-mm-dd\")")),
            t("mies"),
        ],
    ]);
    let (people, _, report) = read_participants_sheet(&participants, None, options()).unwrap();
    assert_eq!(
        people.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["P2"]
    );
    let cells: Vec<(&str, Option<&str>)> = report
        .rejections
        .iter()
        .map(|f| (f.path.as_str(), f.cell.as_deref()))
        .collect();
    assert_eq!(
        cells,
        [
            ("gender", Some("Osallistujat!C2")),
            ("entry_date", Some("Osallistujat!B4")),
        ]
    );
    assert!(
        report
            .rejections
            .iter()
            .all(|f| f.message_en.contains("a formula without a computed value")),
        "{:#?}",
        report.rejections
    );
    assert!(report.is_balanced());
    // A row, or a cell past the last column, of formulas alone lies outside
    // the cells that hold values: it was dropped without a word.
    let f = |formula: &'static str| (None, Some(formula));
    let edges = xlsx_with_formulas(&[
        &[t("participant_id"), t("entry_date"), t("gender")],
        &[t("P1"), t("2024-01-10"), t("mies"), f("1+1")],
        &[f("\"P2\""), f("\"2024-01-11\""), f("\"nainen\"")],
    ]);
    let (people, _, report) = read_participants_sheet(&edges, None, options()).unwrap();
    assert!(people.is_empty(), "{people:?}");
    assert_eq!((report.rows_read, report.rejected), (2, 2), "{report:#?}");
    let cells: Vec<Option<String>> = report.rejections.iter().map(|f| f.cell.clone()).collect();
    assert_eq!(
        cells,
        ["D2", "A3", "B3", "C3"].map(|c| Some(format!("Osallistujat!{c}"))),
        "{report:#?}"
    );
    assert!(report.is_balanced());
    let activities = xlsx_with_formulas(&[
        &[t("date"), t("kind"), t("attendees")],
        &[(None, Some("DATE(2024,3,1)")), t("coaching"), t("5")],
    ]);
    let (log, report) = hanke::import::read_activities_sheet(&activities, None).unwrap();
    assert!(log.activities.is_empty());
    assert_eq!(report.account.rejected, 1, "{report:#?}");
    // Said as what the cell is, not in the column's own words alone ("not a
    // date", as it was for an error value such as #N/A too).
    let date = &report.account.rejections[0];
    assert_eq!(date.cell.as_deref(), Some("Osallistujat!A2"));
    assert!(
        date.message_en
            .starts_with("a formula without a computed value"),
        "{}",
        date.message_en
    );
}

/// The ids of the records read, and the field and cell of each refusal.
fn ids_and_refusals<'a>(
    people: &'a [hanke::participant::Participant],
    report: &'a hanke::import::ImportReport,
) -> (Vec<&'a str>, Vec<(&'a str, &'a str)>) {
    let ids = people.iter().map(|p| p.id.as_str()).collect();
    let refused = report
        .rejections
        .iter()
        .map(|f| (f.path.as_str(), f.cell.as_deref().unwrap_or("")))
        .collect();
    (ids, refused)
}

/// A value merged over several cells stands in the first cell only; the
/// others read as empty. A list whose entry day is merged down over a
/// group's rows showed it on each row, but the later rows were read without
/// it: the value silently missing.
/// Now every covered cell of a data row is refused with its cell, in both
/// sheet readers; a merged title above the header is read as before.
#[test]
fn a_merged_cell_is_refused_in_every_row_it_covers_but_its_first() {
    use rust_xlsxwriter::{Format, Workbook};
    let plain = Format::new();
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    s.set_name("Osallistujat").unwrap();
    s.merge_range(0, 0, 0, 3, "Osallistujat 2024", &plain)
        .unwrap();
    for (c, h) in ["participant_id", "entry_date", "gender", "muistiinpanot"]
        .iter()
        .enumerate()
    {
        s.write_string(1, c as u16, *h).unwrap();
    }
    // Sheet rows 3–5: one entry day merged down over three people.
    s.merge_range(2, 1, 4, 1, "2024-01-10", &plain).unwrap();
    for (r, (id, gender)) in [("P1", "mies"), ("P2", "nainen"), ("P3", "mies")]
        .iter()
        .enumerate()
    {
        s.write_string(2 + r as u32, 0, *id).unwrap();
        s.write_string(2 + r as u32, 2, *gender).unwrap();
    }
    // Row 6: an entry day merged across over the gender beside it.
    s.write_string(5, 0, "P4").unwrap();
    s.merge_range(5, 1, 5, 2, "2024-02-01", &plain).unwrap();
    // Row 7: a gender merged across into a column left out as asked: no
    // value is lost, the row reads.
    s.write_string(6, 0, "P5").unwrap();
    s.write_string(6, 1, "2024-02-02").unwrap();
    s.merge_range(6, 2, 6, 3, "nainen", &plain).unwrap();
    // Rows 8–9: an id merged down over a row that holds nothing else: a
    // blank row (its one value is read on row 8).
    s.merge_range(7, 0, 8, 0, "P6", &plain).unwrap();
    s.write_string(7, 1, "2024-03-01").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let mut ignoring = options();
    ignoring.ignore_columns = vec!["muistiinpanot".into()];
    let (people, _, report) = read_participants_sheet(&bytes, None, ignoring).unwrap();
    let (ids, refused) = ids_and_refusals(&people, &report);
    assert_eq!(ids, ["P1", "P5", "P6"]);
    assert_eq!(
        refused,
        [
            ("entry_date", "Osallistujat!B4"),
            ("entry_date", "Osallistujat!B5"),
            ("gender", "Osallistujat!C6"),
        ],
        "{report:#?}"
    );
    assert!(report.rejections[0].message_en.starts_with(
        "part of the merged cell B3:B5, whose value stands in its first cell B3 only"
    ));
    assert_eq!((report.rows_read, report.rejected), (6, 3));
    assert!(report.is_balanced());

    let mut book = Workbook::new();
    let s = book.add_worksheet();
    for (c, h) in ["date", "kind", "attendees"].iter().enumerate() {
        s.write_string(0, c as u16, *h).unwrap();
    }
    s.merge_range(1, 0, 2, 0, "2024-03-01", &plain).unwrap();
    for r in 1..3 {
        s.write_string(r, 1, "coaching").unwrap();
        s.write_number(r, 2, 5.0).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let (log, report) = hanke::import::read_activities_sheet(&bytes, None).unwrap();
    assert_eq!(log.activities.len(), 1);
    assert_eq!(report.account.rejected, 1, "{report:#?}");
    assert_eq!(
        report.account.rejections[0].cell.as_deref(),
        Some("Sheet1!A3")
    );
    assert_eq!(report.account.rejections[0].path, "date");
}

/// An option that cannot apply to what is read — a sheet for a CSV file, an
/// encoding or a delimiter for a workbook — did nothing without a word; it
/// is refused with its code, before anything is read.
#[test]
fn an_option_that_cannot_apply_is_refused() {
    use hanke::import::{Encoding, read_participants_file};
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let refused = |path: &str, sheet: Option<&str>, options: ImportOptions| {
        read_participants_file(&data.join(path), sheet, options)
            .map(|_| ())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        refused("osallistujat.csv", Some("Osallistujat"), options()),
        "sheet names a sheet of a workbook; a CSV file has none: leave it out"
    );
    let mut encoded = options();
    encoded.encoding = Some(Encoding::Windows1252);
    assert!(refused("osallistujat.xlsx", None, encoded.clone()).starts_with("encoding "));
    assert!(refused("osallistujat.ods", None, encoded.clone()).starts_with("encoding "));
    let mut delimited = options();
    delimited.delimiter = Some(b';');
    assert!(
        refused("osallistujat.xlsx", Some("Osallistujat"), delimited).starts_with("delimiter ")
    );
    // Where they apply, they are read.
    assert!(
        read_participants_file(
            &data.join("osallistujat.xlsx"),
            Some("Osallistujat"),
            options()
        )
        .is_ok()
    );
    let mut utf8 = options();
    utf8.encoding = Some(Encoding::Utf8);
    assert!(read_participants_file(&data.join("osallistujat.csv"), None, utf8).is_ok());
}

/// An OpenDocument sheet's merged cells (calamine lists none; read from the
/// sheet's content as calamine reads its cells): covered cells of a data
/// row are refused as in an .xlsx, at the places calamine gives them —
/// past rows and cells written as repeated.
#[test]
fn a_merged_cell_of_an_ods_sheet_is_refused_as_in_an_xlsx() {
    let text = |v: &str| {
        format!(
            "<table:table-cell office:value-type=\"string\"><text:p>{v}</text:p></table:table-cell>"
        )
    };
    let spanning = |v: &str, attr: &str| {
        format!(
            "<table:table-cell {attr} office:value-type=\"string\"><text:p>{v}</text:p></table:table-cell>"
        )
    };
    let covered = "<table:covered-table-cell/>";
    let row = |cells: &[String]| format!("<table:table-row>{}</table:table-row>", cells.concat());
    let rows = [
        // Another sheet first, with a merge of its own that must not count.
        String::new(),
        row(&[text("participant_id"), text("entry_date"), text("gender")]),
        row(&[text("P1"), spanning("2024-01-10", "table:number-rows-spanned=\"2\""), text("mies")]),
        row(&[text("P2"), covered.into(), text("nainen")]),
        "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell table:number-columns-repeated=\"3\"/></table:table-row>".into(),
        row(&[
            "<table:table-cell table:number-columns-repeated=\"0\"/>".into(),
            text("P3"),
            spanning("2024-02-01", "table:number-columns-spanned=\"2\""),
            covered.into(),
        ]),
    ];
    let other = format!(
        "<table:table table:name=\"Muistiinpanot\">{}</table:table>",
        row(&[spanning("x", "table:number-rows-spanned=\"9\""), text("y")])
    );
    let bytes = ods_of(&format!(
        "{other}<table:table table:name=\"Osallistujat\">{}</table:table>",
        rows.concat()
    ));
    let (people, _, report) =
        read_participants_sheet(&bytes, Some("Osallistujat"), options()).unwrap();
    let (ids, refused) = ids_and_refusals(&people, &report);
    assert_eq!(ids, ["P1"]);
    assert_eq!(
        refused,
        [
            ("entry_date", "Osallistujat!B3"),
            ("gender", "Osallistujat!C6")
        ],
        "{report:#?}"
    );
    assert!(
        report.rejections[1]
            .message_en
            .starts_with("part of the merged cell B6:C6")
    );
    assert!(report.is_balanced());
}
