//! What the command reads: projects, participant lists (CSV or a
//! spreadsheet), activity logs, and the bundled example data.

use std::path::{Path, PathBuf};

use hanke::Project;
use hanke::activity::ActivityLog;
use hanke::import::{ImportOptions, ImportReport, is_workbook_path, read_participants_file};
use hanke::participant::{Participant, ParticipantId};

/// One project with the files that belong to it.
#[derive(Debug, Clone)]
pub struct Job {
    pub project: PathBuf,
    pub participants: Option<PathBuf>,
    pub activities: Option<PathBuf>,
}

/// The repository's example data (the seeds' fifteen projects and a
/// synthetic ESR+ project that shows a cost model).
pub fn bundled_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/data")
}

/// A path as the user would write it: relative to the working directory
/// when inside it.
pub fn shown(path: &Path) -> String {
    let here = std::env::current_dir().ok();
    let abs = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    here.and_then(|h| {
        let h = h.canonicalize().ok()?;
        abs.strip_prefix(h).ok().map(|p| p.display().to_string())
    })
    .unwrap_or_else(|| path.display().to_string())
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

/// Every bundled project, with the participants and activities beside it.
pub fn bundled_jobs() -> Result<Vec<Job>, String> {
    let data = bundled_data();
    let mut projects = json_files(&data.join("projects"));
    if projects.is_empty() {
        return Err(format!(
            "no bundled projects in {} (run from a clone of the repository, or give files)",
            shown(&data)
        ));
    }
    projects.extend(json_files(&data.join("synthetic")));
    Ok(projects
        .into_iter()
        .map(|project| {
            let stem = project.file_stem().map(PathBuf::from).unwrap_or_default();
            let beside = |sub: &str, ext: &str| {
                Some(data.join(sub).join(&stem).with_extension(ext)).filter(|p| p.exists())
            };
            Job {
                participants: beside("participants", "csv"),
                activities: beside("activities", "json"),
                project,
            }
        })
        .collect())
}

/// Whether a path is a participant list (CSV or a workbook).
pub fn is_participant_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("csv"))
        || is_workbook_path(path)
}

/// Groups paths into jobs: each project JSON, followed by its participant
/// list (CSV or a workbook) and its activity log (JSON or a workbook).
pub fn jobs_of(paths: &[PathBuf]) -> Vec<Job> {
    let mut jobs: Vec<Job> = Vec::new();
    for path in paths {
        let list = is_participant_file(path);
        let log = !path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("csv"));
        match jobs.last_mut() {
            Some(job) if list && job.participants.is_none() => {
                job.participants = Some(path.clone())
            }
            Some(job) if log && job.participants.is_some() && job.activities.is_none() => {
                job.activities = Some(path.clone())
            }
            _ => jobs.push(Job {
                project: path.clone(),
                participants: None,
                activities: None,
            }),
        }
    }
    jobs
}

/// A file that could not be read: the file, and the error with its code
/// and place.
pub fn file_error(path: &Path, e: &dyn std::fmt::Display, code: &str) -> String {
    format!("{}: {e} [{code}]", shown(path))
}

pub fn load_project(path: &Path) -> Result<Project, String> {
    let file = std::fs::File::open(path).map_err(|e| file_error(path, &e, "io"))?;
    Project::from_json_reader(std::io::BufReader::new(file))
        .map_err(|e| file_error(path, &e, e.code()))
}

/// An activity log: JSON, or a workbook's activity sheet (its rows accounted
/// for in `tally`, its refusals written to standard error by cell).
pub fn load_activities(
    path: &Path,
    tally: &mut crate::output::Tally,
) -> Result<ActivityLog, String> {
    if is_workbook_path(path) {
        let bytes = std::fs::read(path).map_err(|e| file_error(path, &e, "io"))?;
        let (log, report) = hanke::import::read_activities_sheet(&bytes, None)
            .map_err(|e| located(path, e.line(), &e.to_string(), e.code()))?;
        for f in report.rejections.iter().chain(&report.findings) {
            say!("{}", crate::output::finding_line(path, f));
        }
        tally.add_account(&report);
        return Ok(log);
    }
    let text = std::fs::read_to_string(path).map_err(|e| file_error(path, &e, "io"))?;
    ActivityLog::from_json_str(&text).map_err(|e| file_error(path, &e, e.code()))
}

/// An error of a file as `path:line: message [code]` (grep's form), or
/// `path: message [code]` without a line; a message that begins with its
/// line (`line 3: …`, as the readers' errors say it alone) does not say it
/// twice.
fn located(path: &Path, line: Option<u64>, message: &str, code: &str) -> String {
    match line {
        Some(l) => {
            let message = message
                .strip_prefix(&format!("line {l}: "))
                .unwrap_or(message);
            format!("{}:{l}: {message} [{code}]", shown(path))
        }
        None => format!("{}: {message} [{code}]", shown(path)),
    }
}

/// Accepted participants, the line (or sheet row) each came from, and the
/// account of the file.
pub struct ParticipantFile {
    pub people: Vec<Participant>,
    pub lines: Vec<(ParticipantId, u64)>,
    pub report: ImportReport,
}

/// Reads a participant list: a spreadsheet (`.xlsx`, `.xlsm`, `.xls`,
/// `.ods`; `sheet` or the first) or CSV, through the same field table.
pub fn read_participants(
    path: &Path,
    options: ImportOptions,
    sheet: Option<&str>,
) -> Result<ParticipantFile, String> {
    let spin = crate::output::spinner(format!("reading {}", shown(path)));
    let read = read_participants_file(path, sheet, options);
    spin.finish_and_clear();
    let (people, lines, report) =
        read.map_err(|e| located(path, e.line().filter(|l| *l > 0), &e.to_string(), e.code()))?;
    Ok(ParticipantFile {
        people,
        lines,
        report,
    })
}
