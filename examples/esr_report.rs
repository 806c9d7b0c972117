//! The main job: the ESR report of projects at a cut-off date — identity and
//! placement, period and status, financing, the EU common indicators by gender
//! computed from the participants, the project's own indicators from its
//! activities, and every finding — then the portfolio rolled up by priority and
//! specific objective and the co-financing check.
//!
//! ```text
//! cargo run --example esr_report                              # every bundled project
//! cargo run --example esr_report -- --on 2017-06-30           # another cut-off
//! cargo run --example esr_report -- --lang fi                 # Finnish (or sv, en)
//! cargo run --example esr_report -- --json project.json       # JSON instead of Markdown
//! cargo run --example esr_report -- --quality                  # the data-quality check instead
//! cargo run --example esr_report -- --iati target/iati         # also an IATI 2.03 file per project
//! cargo run --example esr_report -- --kohesio ops.csv          # also Kohesio-style operation rows
//! cargo run --example esr_report -- project.json participants.csv [activities.json]
//! ```
//!
//! A bundled project gets the participants of `data/participants/<name>.csv`
//! (synthetic people) and the activities of `data/activities/<name>.json` when
//! they exist. Given paths, a `.csv` is read as participants and a second `.json`
//! after the project as its activity log.
//!
//! A file that cannot be read is reported with its path, the field and the line,
//! and the command exits with status 1 after printing the others.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use hanke::Project;
use hanke::activity::ActivityLog;
use hanke::cofinancing;
use hanke::export::ExportError;
use hanke::export::iati::{IatiOptions, to_iati_xml};
use hanke::funding::Stage;
use hanke::import::{ImportOptions, read_participants_csv_with_lines};
use hanke::lang::Language;
use hanke::participant::ParticipantId;
use hanke::quality::{QualityInput, check};
use hanke::report::{EsrReport, PortfolioReport, ReportInputs};
use hanke::rulebook::Rulebook;

struct Job {
    project: PathBuf,
    participants: Option<PathBuf>,
    activities: Option<PathBuf>,
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn bundled_jobs() -> Result<Vec<Job>, String> {
    let dir = data_dir().join("projects");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    Ok(paths
        .into_iter()
        .map(|project| {
            let stem = project.file_stem().map(PathBuf::from).unwrap_or_default();
            let beside = |sub: &str, ext: &str| {
                Some(data_dir().join(sub).join(&stem).with_extension(ext)).filter(|p| p.exists())
            };
            Job {
                participants: beside("participants", "csv"),
                activities: beside("activities", "json"),
                project,
            }
        })
        .collect())
}

fn load(path: &Path) -> Result<Project, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Project::from_json_reader(std::io::BufReader::new(file))
        .map_err(|e| format!("{}: {e} [{}]", path.display(), e.code()))
}

/// The report's inputs, and the line of the CSV file each participant came from.
fn inputs(
    project: &Project,
    job: &Job,
) -> Result<(ReportInputs, Vec<(ParticipantId, u64)>), String> {
    let mut inputs = ReportInputs::default();
    let mut lines = Vec::new();
    if let Some(csv) = &job.participants {
        let file = std::fs::File::open(csv).map_err(|e| format!("{}: {e}", csv.display()))?;
        let mut options = ImportOptions::default();
        // The bundled people are synthetic: temporary identity codes only.
        options.accept_temporary_codes = true;
        options.rules = Rulebook::for_project(project).and_then(Rulebook::participants);
        let (records, read_lines, report) =
            read_participants_csv_with_lines(std::io::BufReader::new(file), options)
                .map_err(|e| format!("{}: {e} [{}]", csv.display(), e.code()))?;
        lines = read_lines;
        inputs.import_findings = report.account.rejections;
        inputs.participants = Some(records);
    }
    if let Some(path) = &job.activities {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        inputs.activities = Some(
            ActivityLog::from_json_str(&text)
                .map_err(|e| format!("{}: {e} [{}]", path.display(), e.code()))?,
        );
    }
    Ok((inputs, lines))
}

fn main() -> ExitCode {
    let mut cut_off = chrono::Local::now().date_naive();
    let mut lang = Language::En;
    let mut json = false;
    let mut quality = false;
    let mut iati_dir: Option<PathBuf> = None;
    let mut kohesio_file: Option<PathBuf> = None;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--on" => match args.next().map(|d| d.parse::<chrono::NaiveDate>()) {
                Some(Ok(d)) => cut_off = d,
                _ => {
                    eprintln!("error: --on takes a date such as 2020-06-01");
                    return ExitCode::from(2);
                }
            },
            // The core reads the word (fi, sv, en): its error says what is accepted.
            "--lang" => match args.next().unwrap_or_default().parse::<Language>() {
                Ok(l) => lang = l,
                Err(e) => {
                    eprintln!("error: --lang: {e} [{}]", e.code());
                    return ExitCode::from(2);
                }
            },
            "--json" => json = true,
            "--quality" => quality = true,
            "--iati" => match args.next() {
                Some(dir) => iati_dir = Some(PathBuf::from(dir)),
                None => {
                    eprintln!("error: --iati takes a directory to write the IATI files into");
                    return ExitCode::from(2);
                }
            },
            "--kohesio" => match args.next() {
                Some(file) => kohesio_file = Some(PathBuf::from(file)),
                None => {
                    eprintln!("error: --kohesio takes a CSV file to write");
                    return ExitCode::from(2);
                }
            },
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let jobs = if paths.is_empty() {
        match bundled_jobs() {
            Ok(j) => j,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        // Each project path, followed by its own participant CSV and activity log.
        let mut jobs: Vec<Job> = Vec::new();
        for path in paths {
            let is_csv = path.extension().is_some_and(|x| x == "csv");
            match jobs.last_mut() {
                Some(job) if is_csv && job.participants.is_none() => job.participants = Some(path),
                Some(job) if !is_csv && job.participants.is_some() && job.activities.is_none() => {
                    job.activities = Some(path)
                }
                _ => jobs.push(Job {
                    project: path,
                    participants: None,
                    activities: None,
                }),
            }
        }
        jobs
    };

    let mut failed = 0;
    let mut projects = Vec::new();
    let mut reports = Vec::new();
    for job in &jobs {
        let project = match load(&job.project) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("error: {e}");
                failed += 1;
                continue;
            }
        };
        let (inputs, lines) = match inputs(&project, job) {
            Ok(i) => i,
            Err(e) => {
                eprintln!("error: {e}");
                failed += 1;
                (ReportInputs::default(), Vec::new())
            }
        };
        if quality {
            let mut input = QualityInput::new(&project, cut_off);
            input.participants = inputs.participants.as_deref().unwrap_or_default();
            input.lines = &lines;
            input.activities = inputs.activities.as_ref();
            println!(
                "## {}\n\n```text\n{}```\n",
                project.name,
                check(&input).to_text()
            );
            projects.push(project);
            continue;
        }
        let activities = inputs.activities.clone();
        let report = EsrReport::new(&project, cut_off, inputs);
        if let Some(dir) = &iati_dir {
            let mut options = IatiOptions::new(cut_off);
            options.common_indicators = report.participants.as_ref().map(|s| &s.indicators);
            options.activities = activities.as_ref();
            match write_iati(dir, &project, &options) {
                Ok(Some(path)) => eprintln!("IATI: {}", path.display()),
                Ok(None) => {}
                Err(e) => {
                    eprintln!("error: {}: {e}", job.project.display());
                    failed += 1;
                }
            }
        }
        if json {
            match report.to_json() {
                Ok(text) => println!("{text}"),
                Err(e) => {
                    eprintln!("error: {}: {e}", job.project.display());
                    failed += 1;
                }
            }
        } else {
            println!("{}", report.to_markdown(lang));
        }
        reports.push(report);
        projects.push(project);
    }
    if !json && !quality {
        println!("{}", PortfolioReport::new(&reports).to_markdown(lang));
        // Co-financing caps apply to a priority of a programme, so they are
        // checked on the portfolio as a whole, never on one project.
        let check = cofinancing::check_portfolio(&projects, Stage::Granted);
        println!(
            "## Co-financing by priority (granted funding)\n\n```text\n{}```\n",
            check.to_text()
        );
        println!(
            "{} project(s) reported, {failed} file(s) could not be read",
            projects.len()
        );
    }
    if let Some(file) = &kohesio_file {
        match std::fs::write(file, hanke::export::kohesio::to_csv(&projects)) {
            Ok(()) => eprintln!(
                "Kohesio: {} ({} operations)",
                file.display(),
                projects.len()
            ),
            Err(e) => {
                eprintln!("error: {}: {e}", file.display());
                failed += 1;
            }
        }
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes the project's IATI file into `dir` as `<code>.xml`; a project IATI
/// cannot take (no code, no main implementer with a business ID, no period)
/// is skipped with a note.
fn write_iati(
    dir: &Path,
    project: &Project,
    options: &IatiOptions<'_>,
) -> Result<Option<PathBuf>, String> {
    let xml = match to_iati_xml(project, options) {
        Ok(xml) => xml,
        Err(
            e @ (ExportError::NoProjectCode
            | ExportError::NoReportingOrganisation
            | ExportError::NoPeriod),
        ) => {
            eprintln!("IATI: {} skipped: {e} ({})", project.name, e.code());
            return Ok(None);
        }
        Err(e) => return Err(e.to_string()),
    };
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let code = project
        .code
        .as_ref()
        .map_or_else(|| "project".to_string(), ToString::to_string);
    let path = dir.join(format!("{code}.xml"));
    std::fs::write(&path, xml).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Some(path))
}
