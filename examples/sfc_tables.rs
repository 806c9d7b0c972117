//! SFC2021 Tables 6 and 10 from a conformance kit, and the comparison of another
//! system's table with the expected one (issue 27).
//!
//! ```text
//! cargo run -p hanke-examples --example sfc_tables -- kit [DIR] [--on 2024-12-31] [--table 6|10]
//! cargo run -p hanke-examples --example sfc_tables -- compare EXPECTED.csv ACTUAL.csv
//! ```
//!
//! `kit` prints the table's CSV (default: the bundled kit `conformance/sfc2021`,
//! Table 6, cut-off 2024-12-31 — the kit's own, stated on standard error) and
//! the validation findings on standard error. `compare` lists every differing
//! cell and exits with 1 if there is one, 2 on an error. Every error has its
//! code.

use std::path::PathBuf;
use std::process::ExitCode;

use hanke::sfc::{CutOff, Table6, compare, run_kit};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn value<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    match args.first().map(String::as_str) {
        None | Some("kit") => {
            let dir = args
                .get(1)
                .filter(|a| !a.starts_with("--"))
                .map_or_else(|| root.join("conformance/sfc2021"), PathBuf::from);
            let on = value(args, "--on").unwrap_or("2024-12-31");
            let cut_off: CutOff = on
                .parse()
                .map_err(|e: hanke::sfc::SfcError| format!("[{}] {e}", e.code()))?;
            let run = run_kit(&dir, cut_off).map_err(|e| format!("[{}] {e}", e.code()))?;
            eprintln!(
                "cut-off {cut_off} (submission due {})",
                cut_off.submission_due()
            );
            match value(args, "--table").unwrap_or("6") {
                "6" => {
                    print!("{}", run.table6.to_csv());
                    for f in run.table6.validate() {
                        eprintln!("{f}");
                    }
                }
                "10" => print!("{}", run.table10.to_csv()),
                other => return Err(format!("--table is 6 or 10, not {other:?}")),
            }
            Ok(ExitCode::SUCCESS)
        }
        Some("compare") => {
            let [_, expected, actual] = args else {
                return Err("compare takes EXPECTED.csv ACTUAL.csv".into());
            };
            let read = |p: &str| -> Result<Table6, String> {
                let text = std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"))?;
                Table6::from_csv(&text).map_err(|e| format!("{p}: [{}] {e}", e.code()))
            };
            let (e, a) = (read(expected)?, read(actual)?);
            let diff = compare(e.rows(), a.rows());
            for d in &diff {
                let show = |v: Option<u64>| v.map_or("missing".to_string(), |v| v.to_string());
                println!(
                    "{},{},{},{},{}: expected {}, got {}",
                    d.cell.priority,
                    d.cell.objective,
                    d.cell.region,
                    d.cell.indicator,
                    d.cell.gender.code(),
                    show(d.expected),
                    show(d.actual)
                );
            }
            println!("{} differing cell(s)", diff.len());
            Ok(if diff.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Some(other) => Err(format!("unknown command {other:?}: kit or compare")),
    }
}
