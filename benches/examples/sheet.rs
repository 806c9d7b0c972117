//! The participant-sheet reader (`import::read_participants_sheet`, issue 28)
//! against the CSV reader on the same rows: the first `n` participants of the
//! benchmark data set written once as CSV and as an .xlsx workbook (every cell
//! a text cell, as the CSV has them), then each read `reps` times.
//!
//! ```text
//! cargo build --release -p hanke-benches --example sheet
//! target/release/examples/sheet 100000 3
//! ```

use std::hint::black_box;
use std::time::Instant;

use hanke::import::{
    IdentityCodes, ImportOptions, read_participants_csv_with_lines, read_participants_sheet,
    write_participants_csv,
};
use hanke_benches::{P21, participants};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let reps: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(3);
    let people = participants(n, P21);
    let mut csv = Vec::new();
    write_participants_csv(&mut csv, &people, IdentityCodes::Omit)
        .unwrap_or_else(|e| unreachable!("{e}"));
    let text = String::from_utf8(csv.clone()).unwrap_or_else(|e| unreachable!("{e}"));
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, line) in text.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            let (Ok(r), Ok(c)) = (u32::try_from(r), u16::try_from(c)) else {
                unreachable!("the sheet fits");
            };
            if !cell.is_empty() {
                sheet
                    .write_string(r, c, cell)
                    .unwrap_or_else(|e| unreachable!("{e}"));
            }
        }
    }
    let xlsx = book
        .save_to_buffer()
        .unwrap_or_else(|e| unreachable!("{e}"));
    println!(
        "{n} participants: CSV {} MB, xlsx {} MB",
        csv.len() / 1_000_000,
        xlsx.len() / 1_000_000
    );
    for _ in 0..reps {
        let start = Instant::now();
        let read = read_participants_csv_with_lines(&csv[..], ImportOptions::default())
            .unwrap_or_else(|e| unreachable!("{e}"));
        let csv_secs = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let sheet = read_participants_sheet(&xlsx, None, ImportOptions::default())
            .unwrap_or_else(|e| unreachable!("{e}"));
        let xlsx_secs = start.elapsed().as_secs_f64();
        assert_eq!(read.0.len(), sheet.0.len());
        println!(
            "CSV {:.3} s ({:.2} M rows/s) · xlsx {:.3} s ({:.2} M rows/s)",
            csv_secs,
            n as f64 / csv_secs / 1e6,
            xlsx_secs,
            n as f64 / xlsx_secs / 1e6
        );
        black_box((read, sheet));
    }
}
