//! The main job: load projects and print, per project, a readable summary —
//! placement, period and status, implementers, financing with shares and
//! utilisation, and any findings.
//!
//! ```text
//! cargo run --example esr_report                          # every bundled project
//! cargo run --example esr_report -- path/to/project.json  # your own files
//! cargo run --example esr_report -- --on 2020-06-01       # status on another day
//! ```
//!
//! A bundled project with a participant file (`data/participants/<same name>.csv`,
//! synthetic people) also gets a participant overview by its period's rules,
//! after merging re-entries; every row of the file is accounted for.
//!
//! A file that cannot be read is reported with its path, the field and the line,
//! and the command exits with status 1 after printing the others.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use hanke::Project;
use hanke::cofinancing;
use hanke::funding::Stage;
use hanke::import::{ImportOptions, read_participants_csv};
use hanke::participant::{ParticipantOverview, merge_duplicates};
use hanke::report::ProjectSummary;
use hanke::rulebook::Rulebook;

/// The participant overview of a project, if it has a participant file.
fn participants(project: &Project, path: &Path) -> Result<Option<String>, String> {
    let Some(stem) = path.file_stem() else {
        return Ok(None);
    };
    let csv = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/participants")
        .join(stem)
        .with_extension("csv");
    let Some(rules) = Rulebook::for_project(project).and_then(Rulebook::participants) else {
        return Ok(None);
    };
    let Ok(file) = std::fs::File::open(&csv) else {
        return Ok(None);
    };
    let mut options = ImportOptions::default();
    // The bundled people are synthetic: temporary identity codes only.
    options.accept_temporary_codes = true;
    options.rules = Some(rules);
    let (records, report) = read_participants_csv(std::io::BufReader::new(file), options)
        .map_err(|e| format!("{}: {e} [{}]", csv.display(), e.code()))?;
    let merged = merge_duplicates(records, None);
    let mut text = format!(
        "== Participants ({}; {} rows read, {} accepted, {} rejected, {} re-entries merged)\n",
        csv.file_name().and_then(|n| n.to_str()).unwrap_or(""),
        report.rows_read,
        report.accepted,
        report.rejected,
        merged.merges.iter().map(|m| m.merged.len()).sum::<usize>()
    );
    text.push_str(&ParticipantOverview::new(rules, &merged.participants).to_text());
    for f in report.rejections.iter().take(5) {
        text.push_str(&format!("  {f}\n"));
    }
    Ok(Some(text))
}

fn bundled_projects() -> Result<Vec<PathBuf>, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/projects");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    Ok(paths)
}

fn load(path: &Path) -> Result<Project, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Project::from_json_reader(std::io::BufReader::new(file))
        .map_err(|e| format!("{}: {e} [{}]", path.display(), e.code()))
}

fn main() -> ExitCode {
    let mut day = chrono::Local::now().date_naive();
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--on" {
            match args.next().map(|d| d.parse::<chrono::NaiveDate>()) {
                Some(Ok(d)) => day = d,
                _ => {
                    eprintln!("error: --on takes a date such as 2020-06-01");
                    return ExitCode::from(2);
                }
            }
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    if paths.is_empty() {
        match bundled_projects() {
            Ok(p) => paths = p,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let mut failed = 0;
    let mut projects = Vec::new();
    for path in &paths {
        match load(path) {
            Ok(project) => {
                println!("{}", ProjectSummary::new(&project, day).to_text());
                match participants(&project, path) {
                    Ok(Some(text)) => println!("{text}"),
                    Ok(None) => {}
                    Err(e) => {
                        eprintln!("error: {e}");
                        failed += 1;
                    }
                }
                projects.push(project);
            }
            Err(e) => {
                eprintln!("error: {e}");
                failed += 1;
            }
        }
    }
    // Co-financing caps apply to a priority of a programme, so they are checked on
    // the portfolio as a whole, never on one project.
    let check = cofinancing::check_portfolio(&projects, Stage::Granted);
    println!(
        "== Co-financing by priority (granted funding)\n{}",
        check.to_text()
    );
    println!(
        "{} project(s) reported, {failed} file(s) could not be read",
        paths.len() - failed
    );
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
