//! Where and how the command writes: formats, the output file, findings as a
//! person reads them, the closing account, and progress on a terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use hanke::csv_record::RowAccount;
use hanke::finding::{Finding, Severity};
use hanke::import::ImportReport;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::input::shown;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown (the default): tables a person reads, or pastes into a document.
    Md,
    /// HTML: the Markdown rendered, every text escaped.
    Html,
    /// JSON in the chosen language.
    Json,
    /// CSV: one table, comma-separated.
    Csv,
    /// An Excel workbook (needs --output).
    Xlsx,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// Writes the result to `output`, or to standard output. A workbook is
/// binary: it needs a file.
pub fn emit(output: Option<&PathBuf>, format: Format, bytes: &[u8]) -> Result<(), String> {
    match output {
        Some(path) => std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", shown(path))),
        None => {
            needs_file(format, None)?;
            print(bytes)
        }
    }
}

/// `bytes` on standard output — `print!` without its panic: a closed or full
/// standard output is an error the command reports with status 2.
pub fn print(bytes: &[u8]) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| format!("standard output: {e}"))
}

/// A workbook is binary: refused without `--output`, before any work.
pub fn needs_file(format: Format, output: Option<&PathBuf>) -> Result<(), String> {
    if format == Format::Xlsx && output.is_none() {
        Err("--format xlsx writes a workbook: name the file with --output FILE.xlsx".into())
    } else {
        Ok(())
    }
}

/// Refuses a format a command does not write, saying which it does.
pub fn only(format: Format, accepted: &[Format]) -> Result<(), String> {
    if accepted.contains(&format) {
        Ok(())
    } else {
        let names: Vec<&str> = accepted.iter().map(|f| f.name()).collect();
        Err(format!(
            "--format {} is not written by this command; it writes {}",
            format.name(),
            names.join(", ")
        ))
    }
}

/// A finding as a person reads it: the file, where (line, or the
/// spreadsheet's cell), then the finding with its rule id.
pub fn finding_line(file: &Path, f: &Finding) -> String {
    let place = match (&f.cell, f.line, f.end_line) {
        (Some(cell), ..) => format!("{cell}: "),
        (None, Some(l), Some(end)) => format!("{l}–{end}: "),
        (None, Some(l), None) => format!("{l}: "),
        // A finding on the whole file: `path: [warning] …`, as grep's form
        // has it without a line.
        _ => " ".to_string(),
    };
    let field = if f.path.is_empty() {
        String::new()
    } else {
        format!(" {}:", f.path)
    };
    format!(
        "{}:{place}[{}] {}{field} {}",
        shown(file),
        f.severity,
        f.rule_id,
        f.message_en
    )
}

/// Counts of findings by severity.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub rows_read: u64,
    pub accepted: u64,
    pub rejected: u64,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Tally {
    pub fn add_findings<'a>(&mut self, findings: impl IntoIterator<Item = &'a Finding>) {
        for f in findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.notes += 1,
            }
        }
    }

    /// The rows and findings of a file's account (a participant list's,
    /// an activity sheet's).
    pub fn add_account(&mut self, r: &RowAccount) {
        self.rows_read += r.rows_read;
        self.accepted += r.accepted;
        self.rejected += r.rejected;
        self.add_findings(r.rejections.iter().chain(&r.findings));
    }

    /// The closing line.
    pub fn summary(&self) -> String {
        format!(
            "rows read {}, accepted {}, rejected {}; findings: {} error(s), {} warning(s), {} note(s)",
            self.rows_read, self.accepted, self.rejected, self.errors, self.warnings, self.notes
        )
    }
}

/// What an import changed or left out, said once per file (the title rows
/// above a sheet's header, columns ignored or empty).
pub fn import_notes(file: &Path, r: &ImportReport) -> Vec<String> {
    let mut out = Vec::new();
    let name = shown(file);
    if let Some(s) = &r.sheet {
        out.push(format!(
            "{name}: sheet {} (of {}), header on row {}{}",
            s.sheet,
            s.sheets.len(),
            s.header_row,
            if s.rows_above_header > 0 {
                format!(", {} title row(s) above it not read", s.rows_above_header)
            } else {
                String::new()
            }
        ));
    }
    if !r.ignored_columns.is_empty() {
        out.push(format!(
            "{name}: columns left out as asked: {}",
            r.ignored_columns.join(", ")
        ));
    }
    if !r.unnamed_columns.is_empty() {
        out.push(format!(
            "{name}: empty column(s) without a header left out: {}",
            r.unnamed_columns.join(", ")
        ));
    }
    out
}

/// A progress bar on standard error, drawn only when standard error is a
/// terminal (never in a pipe, a file or CI logs).
pub fn progress(len: u64, what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what.to_string());
    bar
}

/// A spinner on standard error while one long step runs (reading a large
/// file), drawn only when standard error is a terminal.
pub fn spinner(what: String) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_message(what);
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
