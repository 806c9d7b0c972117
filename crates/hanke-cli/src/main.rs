//! `hanke` — the command for the people who do the reporting of ESR and ESR+
//! projects: the ESR report of a project or a portfolio, every data-quality
//! finding (with an exit status that can gate a pipeline), the EU common
//! indicators of a participant list, one figure explained down to its
//! records, EURA public data, and the SFC2021 tables — from project JSON,
//! participant lists in CSV or a spreadsheet (`.xlsx`, `.ods`), and activity
//! logs; to Markdown, HTML, JSON, CSV or an Excel workbook.
//!
//! Every rule is the core's (`hanke`); this crate reads arguments, files and
//! formats, and says what happened. Exit status: 0 done; 1 a finding of
//! severity error (`check`), a file that could not be read, rows of a
//! participant list rejected (the figures leave them out), or differing
//! cells (`sfc compare`); 2 a usage error or a file that stops the run.

/// A line on standard error — `eprintln!` without its panic: where standard
/// error is closed or full (`hanke report 2>&1 | head`), what it would say has
/// nowhere to go, and the command finishes its work and exits with its own
/// status instead of 101. (Standard output's failures are errors: exit 2.)
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        // Nothing to report a failure to: the channel for reports is gone.
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod input;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use hanke::cofinancing;
use hanke::export::table::ResultTable;
use hanke::funding::Stage;
use hanke::import::{ImportOptions, ImportReport};
use hanke::indicator::CommonIndicators;
use hanke::lang::Language;
use hanke::participant::merge_duplicates_parallel;
use hanke::programme::ProgrammePeriod;
use hanke::quality::{QualityInput, check};
use hanke::report::{EsrReport, PortfolioReport, ReportInputs};
use hanke::rulebook::Rulebook;
use hanke::sfc::CutOff;

use input::{Job, bundled_jobs, jobs_of, load_activities, load_project, read_participants, shown};
use output::{Format, Tally, emit, finding_line, import_notes, needs_file, only, progress};

const EXAMPLES_REPORT: &str = "\
Examples:
  hanke report                                  # every bundled project, then the portfolio
  hanke report --lang fi --on 2024-12-31        # in Finnish, at another cut-off
  hanke report project.json osallistujat.xlsx   # your project with its participant list
  hanke report --format xlsx -o raportti.xlsx   # the tables as an Excel workbook
  hanke report --format html -o report.html";

const EXAMPLES_CHECK: &str = "\
Examples:
  hanke check                                   # the bundled data
  hanke check project.json osallistujat.csv     # exit 1 when there is an error
  hanke check project.json list.xlsx --sheet Osallistujat --format csv";

const EXAMPLES_INDICATORS: &str = "\
Examples:
  hanke indicators osallistujat.xlsx --period 2021-2027 --on 2024-12-31
  hanke indicators people.csv --project project.json --format xlsx -o indikaattorit.xlsx";

const EXAMPLES_EXPLAIN: &str = "\
Examples:
  hanke explain CR04 people.csv --period 2014-2020 --on 2017-06-30
  hanke explain EECO01 osallistujat.xlsx --project project.json";

const EXAMPLES_EURA: &str = "\
Examples:
  hanke eura                                    # the bundled descriptions, page and project list
  hanke eura eura2014_projektilista.csv --format csv";

const EXAMPLES_SFC: &str = "\
Examples:
  hanke sfc kit                                 # Table 6 of the bundled conformance kit
  hanke sfc kit --table 10 --on 2024-12-31
  hanke sfc compare expected.csv actual.csv     # exit 1 when a cell differs";

/// ESR and ESR+ reporting from project files, participant lists and
/// spreadsheets: reports, data-quality checks, indicators, SFC2021 tables.
///
/// Run with no arguments, it prints the ESR report of every bundled example
/// project and the portfolio (`hanke report`).
#[derive(Debug, Parser)]
#[command(name = "hanke", version, after_help = EXAMPLES_REPORT)]
struct Cli {
    /// Language of the output: fi, sv or en.
    #[arg(long, global = true, value_parser = language, default_value = "en")]
    lang: Language,
    /// The cut-off day (YYYY-MM-DD or D.M.YYYY, as a participant file writes
    /// a day). Default: the latest reporting cut-off (30 June or 31 December)
    /// on or before today — it changes only when a cut-off passes, and the
    /// output states it.
    #[arg(long, global = true, value_name = "DATE", value_parser = day)]
    on: Option<NaiveDate>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The ESR report of each project and the portfolio (identity, implementers
    /// with their business IDs, financing, the cost model's computation,
    /// indicators by gender, project indicators, findings).
    #[command(after_help = EXAMPLES_REPORT)]
    Report(ReportArgs),
    /// Every data-quality finding; exit status 1 when one is an error.
    #[command(after_help = EXAMPLES_CHECK)]
    Check(CheckArgs),
    /// The EU common indicators of a participant list, by gender.
    #[command(after_help = EXAMPLES_INDICATORS)]
    Indicators(IndicatorArgs),
    /// One indicator down to the records counted, and why the others are not.
    #[command(after_help = EXAMPLES_EXPLAIN)]
    Explain(ExplainArgs),
    /// EURA public data: project descriptions, pages, and the project list
    /// with its portfolio summaries.
    #[command(after_help = EXAMPLES_EURA)]
    Eura(EuraArgs),
    /// SFC2021 Tables 6 and 10 of a conformance kit, and the comparison of
    /// another system's table with the expected one.
    #[command(after_help = EXAMPLES_SFC)]
    Sfc {
        #[command(subcommand)]
        command: SfcCommand,
    },
}

/// How participant lists are read.
#[derive(Debug, Args, Clone, Default)]
struct ReadArgs {
    /// Accept identity codes with temporary individual numbers (900–999), as
    /// synthetic and test data use. The bundled data are synthetic and always
    /// read so; your own files only when you ask.
    #[arg(long)]
    accept_temporary_codes: bool,
    /// The sheet of a workbook to read (default: the first).
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// A column to leave out, by its header (repeatable), e.g. `--ignore-column Nimi`.
    #[arg(long = "ignore-column", value_name = "HEADER")]
    ignore_columns: Vec<String>,
    /// Read CSV lists, and merge a person's records, on this many threads
    /// (default 1; at most 64 are started). The records, the account and the
    /// findings are the same on any number; workbooks are read on one.
    #[arg(long, value_name = "N")]
    threads: Option<std::num::NonZeroUsize>,
}

/// Where a result goes.
#[derive(Debug, Args, Clone)]
struct OutArgs {
    /// The file to write (needed for xlsx); standard output when left out.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Args, Default)]
struct ReportArgs {
    /// Project JSON files, each followed by its participant list (.csv, .xlsx,
    /// .ods) and activity log (.json, or a workbook's activity sheet); none:
    /// the bundled example data.
    paths: Vec<PathBuf>,
    /// md, html, json or xlsx.
    #[arg(long, value_enum, default_value = "md")]
    format: Option<Format>,
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    /// Also write an IATI 2.03 file per project into this directory.
    #[arg(long, value_name = "DIR")]
    iati: Option<PathBuf>,
    /// Also write Kohesio-style operation rows to this CSV file.
    #[arg(long, value_name = "FILE")]
    kohesio: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Project JSON files, each followed by its participant list and activity
    /// log; none: the bundled example data.
    paths: Vec<PathBuf>,
    /// md, json, csv or xlsx.
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
    #[command(flatten)]
    out: OutArgs,
    #[command(flatten)]
    read: ReadArgs,
}

/// The rules a participant list is read under.
#[derive(Debug, Args)]
struct RulesArgs {
    /// The project the list belongs to (its programme period decides the rules).
    #[arg(long, value_name = "PROJECT.json", conflicts_with = "period")]
    project: Option<PathBuf>,
    /// The programme period: 2014-2020 or 2021-2027.
    #[arg(long, value_parser = period)]
    period: Option<ProgrammePeriod>,
}

#[derive(Debug, Args)]
struct IndicatorArgs {
    /// The participant list (.csv, .xlsx, .ods).
    file: PathBuf,
    #[command(flatten)]
    rules: RulesArgs,
    /// md, json, csv or xlsx.
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
    #[command(flatten)]
    out: OutArgs,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Debug, Args)]
struct ExplainArgs {
    /// The indicator's code, e.g. CR04 or EECO01.
    code: String,
    /// The participant list (.csv, .xlsx, .ods).
    file: PathBuf,
    #[command(flatten)]
    rules: RulesArgs,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Debug, Args)]
struct EuraArgs {
    /// EURA descriptions (.txt), project pages (.txt) and project lists
    /// (.csv); none: the bundled ones.
    paths: Vec<PathBuf>,
    /// md, json, csv or xlsx (json, csv and xlsx give the portfolio tables).
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
    #[command(flatten)]
    out: OutArgs,
    /// Also print each description written back in EURA's form.
    #[arg(long)]
    render: bool,
}

#[derive(Debug, Subcommand)]
enum SfcCommand {
    /// A table of a conformance kit (default: the bundled `conformance/sfc2021`).
    Kit {
        /// The kit's directory.
        dir: Option<PathBuf>,
        /// Table 6 (outputs and results) or 10 (longer-term results).
        #[arg(long, default_value = "6", value_parser = ["6", "10"])]
        table: String,
        /// csv, json or xlsx.
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Every cell where ACTUAL differs from EXPECTED (Table 6 CSV files).
    Compare {
        /// The expected table.
        expected: PathBuf,
        /// The table to check.
        actual: PathBuf,
    },
}

fn language(s: &str) -> Result<Language, String> {
    // The core reads the word; its error says what is accepted.
    s.parse::<Language>()
        .map_err(|e| format!("{e} [{}]", e.code()))
}

fn day(s: &str) -> Result<NaiveDate, String> {
    // The core's one grammar of a day (`hanke::day`), as the files are read.
    hanke::day::parse_day(s.trim()).map_err(hanke::day::refusal)
}

fn period(s: &str) -> Result<ProgrammePeriod, String> {
    s.parse::<ProgrammePeriod>()
        .map_err(|e| format!("{e} [{}]", e.code()))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let on = cli.on;
    let result = match cli.command {
        None => report(ReportArgs::default(), cli.lang, cut_off(on)),
        Some(Command::Report(a)) => report(a, cli.lang, cut_off(on)),
        Some(Command::Check(a)) => check_cmd(a, cli.lang, cut_off(on)),
        Some(Command::Indicators(a)) => indicators(a, cli.lang, cut_off(on)),
        Some(Command::Explain(a)) => explain(a, cut_off(on)),
        Some(Command::Eura(a)) => eura(a, cli.lang),
        Some(Command::Sfc { command }) => sfc(command, cli.lang, cli.on),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            say!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// The cut-off: `--on`, else the latest reporting cut-off on or before
/// today in Helsinki, stated. Today is Helsinki's, not the machine's zone's:
/// on a server in UTC, 30 June and 31 December from 00:00 to 03:00 in
/// Finland were still the day before, and the cut-off the one before.
fn cut_off(on: Option<NaiveDate>) -> NaiveDate {
    match on {
        Some(d) => d,
        None => {
            let day = CutOff::latest_on_or_before(hanke::day::today_in_helsinki()).day();
            say!(
                "cut-off {} (the latest reporting cut-off; --on DATE for another)",
                day.format("%-d.%-m.%Y")
            );
            day
        }
    }
}

fn import_options(read: &ReadArgs, bundled: bool) -> ImportOptions {
    let mut o = ImportOptions::default();
    o.accept_temporary_codes = read.accept_temporary_codes || bundled;
    o.ignore_columns = read.ignore_columns.clone();
    o.threads = read.threads;
    o
}

/// The jobs of `paths`, or of the bundled data (whose synthetic identity
/// codes are temporary ones, accepted and said so).
fn jobs(paths: &[PathBuf]) -> Result<(Vec<Job>, bool), String> {
    if paths.is_empty() {
        let jobs = bundled_jobs()?;
        say!(
            "the bundled example data: {} projects (synthetic participants: temporary identity codes accepted)",
            jobs.len()
        );
        Ok((jobs, true))
    } else {
        Ok((jobs_of(paths), false))
    }
}

/// What reading a participant list did, said on standard error: its notes
/// (title rows, columns left out), with `echo` every refusal and finding by
/// line or cell; its rows and findings go into `tally`.
fn account_for(path: &std::path::Path, report: &ImportReport, echo: bool, tally: &mut Tally) {
    for note in import_notes(path, report) {
        say!("{note}");
    }
    if echo {
        for f in report.rejections.iter().chain(&report.findings) {
            say!("{}", finding_line(path, f));
        }
    }
    tally.add_account(report);
}

/// One job read: the project, its participants (merged per person), their
/// rows, activities; file problems go to standard error and the tally.
struct Read {
    project: hanke::Project,
    inputs: ReportInputs,
    lines: Vec<(hanke::participant::ParticipantId, u64)>,
    /// The participant list's refusals and findings, with their rows.
    import_findings: Vec<hanke::Finding>,
}

/// Reads a job; `echo` writes the participant list's findings to standard
/// error as they are found (the report does; the check prints them itself).
fn read_job(
    job: &Job,
    read: &ReadArgs,
    bundled: bool,
    echo: bool,
    tally: &mut Tally,
) -> Result<Read, String> {
    let project = load_project(&job.project)?;
    let mut inputs = ReportInputs::default();
    let mut lines = Vec::new();
    let mut import_findings = Vec::new();
    if let Some(path) = &job.participants {
        let mut options = import_options(read, bundled);
        options.rules = Rulebook::for_project(&project).and_then(Rulebook::participants);
        let file = read_participants(path, options, read.sheet.as_deref())?;
        account_for(path, &file.report, echo, tally);
        inputs.import_findings = file.report.rejections.clone();
        import_findings = file
            .report
            .rejections
            .iter()
            .chain(&file.report.findings)
            .cloned()
            .collect();
        inputs.participants = Some(file.people);
        lines = file.lines;
    }
    if let Some(path) = &job.activities {
        inputs.activities = Some(load_activities(path, tally)?);
    }
    Ok(Read {
        project,
        inputs,
        lines,
        import_findings,
    })
}

fn report(a: ReportArgs, lang: Language, cut_off: NaiveDate) -> Result<ExitCode, String> {
    let format = a.format.unwrap_or(Format::Md);
    only(
        format,
        &[Format::Md, Format::Html, Format::Json, Format::Xlsx],
    )?;
    needs_file(format, a.output.as_ref())?;
    let (jobs, bundled) = jobs(&a.paths)?;
    let mut tally = Tally::default();
    let mut failed = 0;
    let (mut projects, mut reports) = (Vec::new(), Vec::new());
    let bar = progress(jobs.len() as u64, "projects");
    for job in &jobs {
        bar.inc(1);
        let read = match read_job(job, &a.read, bundled, true, &mut tally) {
            Ok(r) => r,
            Err(e) => {
                bar.suspend(|| say!("error: {e}"));
                failed += 1;
                continue;
            }
        };
        let activities = read.inputs.activities.clone();
        let report = EsrReport::new(&read.project, cut_off, read.inputs);
        if let Some(dir) = &a.iati {
            write_iati(dir, &read.project, &report, activities.as_ref(), cut_off)?;
        }
        reports.push(report);
        projects.push(read.project);
    }
    bar.finish_and_clear();
    let portfolio = PortfolioReport::new(&reports);
    let cofin = cofinancing::check_portfolio(&projects, Stage::Granted);
    let bytes = match format {
        Format::Md | Format::Html => {
            let mut md = String::new();
            for r in &reports {
                md.push_str(&r.to_markdown(lang));
                md.push('\n');
            }
            md.push_str(&portfolio.to_markdown(lang));
            // Co-financing caps apply to a priority of a programme: checked on
            // the portfolio as a whole, never on one project.
            md.push_str(&format!(
                "\n## {}\n\n```text\n{}```\n",
                lang.pick(
                    "Vastinrahoitus toimintalinjoittain (myönnetty)",
                    "Medfinansiering per insatsområde (beviljat)",
                    "Co-financing by priority (granted funding)"
                ),
                hanke::publish::text(&cofin.to_text()).replace("```", "` ` `")
            ));
            if format == Format::Html {
                hanke::publish::markdown_to_html(&md).into_bytes()
            } else {
                md.into_bytes()
            }
        }
        Format::Json => {
            let mut items = Vec::new();
            for r in &reports {
                let text = r.to_json_in(lang).map_err(|e| e.to_string())?;
                items.push(
                    serde_json::from_str::<serde_json::Value>(&text).map_err(|e| e.to_string())?,
                );
            }
            let portfolio: serde_json::Value =
                serde_json::from_str(&portfolio.to_json_in(lang).map_err(|e| e.to_string())?)
                    .map_err(|e| e.to_string())?;
            let doc =
                serde_json::json!({"cut_off": cut_off, "projects": items, "portfolio": portfolio});
            let mut s = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
            s.push('\n');
            s.into_bytes()
        }
        Format::Xlsx => hanke::report::xlsx::reports_to_xlsx(&reports, lang)
            .map_err(|e| format!("{e} [{}]", e.code()))?,
        Format::Csv => unreachable_format()?,
    };
    emit(a.output.as_ref(), format, &bytes)?;
    if let Some(file) = &a.kohesio {
        std::fs::write(file, hanke::export::kohesio::to_csv(&projects))
            .map_err(|e| format!("{}: {e}", shown(file)))?;
        say!("Kohesio: {} ({} operations)", shown(file), projects.len());
    }
    for r in &reports {
        tally.add_findings(r.findings.iter().filter(|f| f.line.is_none()));
    }
    say!(
        "{} project(s) reported, {failed} could not be read; {}",
        reports.len(),
        tally.summary()
    );
    Ok(if failed > 0 || tally.rejected > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn unreachable_format() -> Result<Vec<u8>, String> {
    Err("this format is not written by this command".into())
}

fn write_iati(
    dir: &std::path::Path,
    project: &hanke::Project,
    report: &EsrReport,
    activities: Option<&hanke::activity::ActivityLog>,
    cut_off: NaiveDate,
) -> Result<(), String> {
    use hanke::export::ExportError;
    use hanke::export::iati::{IatiOptions, to_iati_xml};
    let mut options = IatiOptions::new(cut_off);
    options.common_indicators = report.participants.as_ref().map(|s| &s.indicators);
    options.activities = activities;
    let xml = match to_iati_xml(project, &options) {
        Ok(xml) => xml,
        Err(
            e @ (ExportError::NoProjectCode
            | ExportError::NoReportingOrganisation
            | ExportError::NoPeriod),
        ) => {
            say!("IATI: {} skipped: {e} [{}]", project.name, e.code());
            return Ok(());
        }
        Err(e) => return Err(format!("{e} [{}]", e.code())),
    };
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", shown(dir)))?;
    let code = project
        .code
        .as_ref()
        .map_or_else(|| "project".to_string(), ToString::to_string);
    let path = dir.join(format!("{code}.xml"));
    std::fs::write(&path, xml).map_err(|e| format!("{}: {e}", shown(&path)))?;
    say!("IATI: {}", shown(&path));
    Ok(())
}

fn check_cmd(a: CheckArgs, lang: Language, cut_off: NaiveDate) -> Result<ExitCode, String> {
    only(
        a.format,
        &[Format::Md, Format::Json, Format::Csv, Format::Xlsx],
    )?;
    needs_file(a.format, a.out.output.as_ref())?;
    let (jobs, bundled) = jobs(&a.paths)?;
    let mut tally = Tally::default();
    let mut failed = 0;
    let mut all = Vec::new();
    let mut text = String::new();
    let bar = progress(jobs.len() as u64, "projects");
    for job in &jobs {
        bar.inc(1);
        let read = match read_job(job, &a.read, bundled, false, &mut tally) {
            Ok(r) => r,
            Err(e) => {
                bar.suspend(|| say!("error: {e}"));
                failed += 1;
                continue;
            }
        };
        let mut input = QualityInput::new(&read.project, cut_off);
        let people = read.inputs.participants.as_deref().unwrap_or_default();
        input.participants = people;
        input.lines = &read.lines;
        input.activities = read.inputs.activities.as_ref();
        let quality = check(&input);
        let file = job.participants.as_deref().unwrap_or(&job.project);
        text.push_str(&format!(
            "## {}\n\n",
            hanke::publish::markdown(&read.project.name)
        ));
        // The list's own findings, then the checks' (one finding once: a
        // record's rule may be found by both).
        let mut findings: Vec<hanke::Finding> = Vec::new();
        for f in read.import_findings.iter().chain(&quality.findings) {
            let same =
                |g: &hanke::Finding| g.rule_id == f.rule_id && g.path == f.path && g.line == f.line;
            if !findings.iter().any(same) {
                findings.push(f.clone());
            }
        }
        if findings.is_empty() {
            text.push_str(lang.pick(
                "Ei havaintoja.\n\n",
                "Inga iakttagelser.\n\n",
                "No findings.\n\n",
            ));
        } else {
            text.push_str("```text\n");
            for f in &findings {
                text.push_str(&hanke::publish::text(&finding_line(file, f)));
                text.push('\n');
            }
            text.push_str("```\n\n");
        }
        tally.add_findings(
            findings
                .iter()
                .filter(|f| !read.import_findings.contains(f)),
        );
        all.extend(findings);
    }
    bar.finish_and_clear();
    let table = ResultTable::findings(&all);
    let bytes = match a.format {
        Format::Md => {
            text.push_str(&tally.summary());
            text.push('\n');
            text.into_bytes()
        }
        Format::Csv => table.to_csv().into_bytes(),
        Format::Json => {
            let doc = serde_json::json!({"cut_off": cut_off, "findings": all});
            let mut s = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
            s.push('\n');
            s.into_bytes()
        }
        Format::Xlsx => hanke::report::xlsx::tables_to_xlsx(&[table], lang)
            .map_err(|e| format!("{e} [{}]", e.code()))?,
        Format::Html => unreachable_format()?,
    };
    emit(a.out.output.as_ref(), a.format, &bytes)?;
    say!("{}", tally.summary());
    Ok(if failed > 0 || tally.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The rules of a participant list: of the project's period, or the period given.
fn rulebook(r: &RulesArgs) -> Result<&'static Rulebook, String> {
    if let Some(path) = &r.project {
        let project = load_project(path)?;
        return Rulebook::for_project(&project).ok_or_else(|| {
            format!(
                "{}: the project has no programme period hanke has rules for",
                shown(path)
            )
        });
    }
    let period = r
        .period
        .ok_or("name the rules: --period 2014-2020|2021-2027, or --project PROJECT.json")?;
    Rulebook::for_period(period).ok_or_else(|| format!("no rules for {period}"))
}

/// A participant list read under `rules`, one record per person.
fn people(
    file: &std::path::Path,
    rules: &'static Rulebook,
    read: &ReadArgs,
    tally: &mut Tally,
) -> Result<Vec<hanke::participant::Participant>, String> {
    let mut options = import_options(read, false);
    options.rules = rules.participants();
    let list = read_participants(file, options, read.sheet.as_deref())?;
    account_for(file, &list.report, true, tally);
    // One person's records are one participant (a re-entry counts once).
    let threads = read.threads.unwrap_or(std::num::NonZeroUsize::MIN);
    let merged = merge_duplicates_parallel(list.people, None, threads);
    for f in &merged.findings {
        say!("{}", finding_line(file, f));
    }
    tally.add_findings(&merged.findings);
    Ok(merged.participants)
}

fn indicators(a: IndicatorArgs, lang: Language, cut_off: NaiveDate) -> Result<ExitCode, String> {
    only(
        a.format,
        &[Format::Md, Format::Json, Format::Csv, Format::Xlsx],
    )?;
    needs_file(a.format, a.out.output.as_ref())?;
    let rules = rulebook(&a.rules)?;
    let mut tally = Tally::default();
    let people = people(&a.file, rules, &a.read, &mut tally)?;
    let (Some(catalogue), Some(prules)) = (rules.indicators(), rules.participants()) else {
        return Err("no indicator catalogue for these rules".into());
    };
    let ind = CommonIndicators::compute(catalogue, prules, Some(cut_off), &people)
        .map_err(|e| format!("{e} [{}]", e.code()))?;
    let mut table = ResultTable::indicators(&ind);
    let bytes = match a.format {
        Format::Md => {
            let keep = match lang {
                Language::Fi => "name_fi",
                Language::Sv => "name_sv",
                Language::En => "name_en",
            };
            table
                .columns
                .retain(|(n, _)| !n.starts_with("name_") || *n == keep);
            format!(
                "{} {}\n\n{}",
                lang.pick("Tilanne päivältä", "Läget per", "Cut-off"),
                cut_off.format("%-d.%-m.%Y"),
                table.to_markdown(lang)
            )
            .into_bytes()
        }
        Format::Csv => table.to_csv().into_bytes(),
        Format::Json => {
            let mut s = ind
                .to_json_string()
                .map_err(|e| format!("{e} [{}]", e.code()))?;
            s.push('\n');
            s.into_bytes()
        }
        Format::Xlsx => hanke::report::xlsx::tables_to_xlsx(&[table], lang)
            .map_err(|e| format!("{e} [{}]", e.code()))?,
        Format::Html => unreachable_format()?,
    };
    emit(a.out.output.as_ref(), a.format, &bytes)?;
    say!("{}", tally.summary());
    Ok(incomplete(&tally))
}

/// Exit status 1 when rows were rejected: the figures leave them out.
fn incomplete(tally: &Tally) -> ExitCode {
    if tally.rejected > 0 {
        say!(
            "{} row(s) rejected: the figures leave them out",
            tally.rejected
        );
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn explain(a: ExplainArgs, cut_off: NaiveDate) -> Result<ExitCode, String> {
    let rules = rulebook(&a.rules)?;
    let mut tally = Tally::default();
    let people = people(&a.file, rules, &a.read, &mut tally)?;
    let (Some(catalogue), Some(prules)) = (rules.indicators(), rules.participants()) else {
        return Err("no indicator catalogue for these rules".into());
    };
    let ind = CommonIndicators::new(catalogue, prules, Some(cut_off))
        .map_err(|e| format!("{e} [{}]", e.code()))?;
    let why = ind
        .explain(&a.code, &people)
        .map_err(|e| format!("{e} [{}]", e.code()))?;
    output::print(hanke::publish::text(&why.to_text()).as_bytes())?;
    say!("{}", tally.summary());
    Ok(incomplete(&tally))
}

fn eura(a: EuraArgs, lang: Language) -> Result<ExitCode, String> {
    use hanke::eura::{PortfolioBy, ProjectList, parse_description, parse_project_page};
    use hanke::programme::Fund;
    only(
        a.format,
        &[Format::Md, Format::Json, Format::Csv, Format::Xlsx],
    )?;
    needs_file(a.format, a.out.output.as_ref())?;
    let paths = if a.paths.is_empty() {
        let dir = input::bundled_data().join("eura");
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("descriptions"))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        files.push(dir.join("pages/S20250.txt"));
        files.push(dir.join("eura2014_projektilista.csv"));
        files
    } else {
        a.paths.clone()
    };
    let mut md = String::new();
    let mut tables = Vec::new();
    let mut failed = 0;
    let mut tally = Tally::default();
    for path in &paths {
        if path.extension().is_some_and(|e| e == "csv") {
            let list = match ProjectList::from_path(path) {
                Ok(l) => l,
                Err(e) => {
                    say!("error: {}: {e} [{}]", shown(path), e.code());
                    failed += 1;
                    continue;
                }
            };
            let r = &list.report;
            tally.rows_read += r.rows_read;
            tally.accepted += r.accepted;
            tally.rejected += r.rejected;
            tally.add_findings(&r.rejections);
            tally.add_findings(&r.findings);
            // Rejections and the notes of accepted rows (a reading taken, a
            // negative amount, a code twice), in line order.
            let mut said: Vec<&hanke::Finding> = r.rejections.iter().chain(&r.findings).collect();
            said.sort_by_key(|f| f.line);
            for f in said {
                say!("{}", finding_line(path, f));
            }
            md.push_str(&format!(
                "\n## {} (project list)\n\n{} rows read: {} accepted ({} with unquoted commas joined, {} with padding, {} unwrapped from whole-line quotes), {} rejected; {} lines, all accounted for: {}\n",
                shown(path),
                r.rows_read,
                r.accepted,
                r.realigned,
                r.padded,
                r.unwrapped,
                r.rejected,
                r.lines,
                r.is_balanced()
            ));
            for by in [
                PortfolioBy::PriorityAxis,
                PortfolioBy::Authority,
                PortfolioBy::Status,
            ] {
                let t = list
                    .portfolio(Some(Fund::Esf), by)
                    .map_err(|e| format!("{}: {e} [{}]", shown(path), e.code()))?;
                md.push_str(&format!(
                    "\nESR projects by {}:\n\n{}",
                    by.label_fi().to_lowercase(),
                    t.to_markdown()
                ));
                tables.push(ResultTable::portfolio(&t));
            }
        } else {
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                Err(e) => {
                    say!("error: {}: {e}", shown(path));
                    failed += 1;
                    continue;
                }
            };
            let (project, findings, kind) = if text.contains("Tietoja hankkeesta") {
                let p = parse_project_page(&text);
                (p.project, p.findings, "project page")
            } else {
                let d = parse_description(&text);
                (d.project, d.findings, "EURA 2014 description")
            };
            tally.add_findings(&findings);
            md.push_str(&format!("\n## {} ({kind})\n\n", shown(path)));
            md.push_str(&hanke::publish::text(&project_summary(&project)));
            if a.render {
                md.push('\n');
                md.push_str(&hanke::eura::render_description(&project));
                md.push('\n');
            }
            for f in &findings {
                md.push_str(&format!("  {}\n", hanke::publish::text(&f.to_string())));
            }
        }
    }
    let bytes = match a.format {
        Format::Md => md.into_bytes(),
        Format::Csv => tables
            .iter()
            .map(ResultTable::to_csv)
            .collect::<Vec<_>>()
            .join("\n")
            .into_bytes(),
        Format::Json => {
            let doc: Vec<serde_json::Value> = tables
                .iter()
                .map(|t| {
                    let rows: Vec<serde_json::Value> = (0..t.rows())
                        .map(|r| {
                            serde_json::Value::Object(
                                t.columns
                                    .iter()
                                    .enumerate()
                                    .map(|(c, (n, _))| {
                                        (
                                            n.to_string(),
                                            serde_json::Value::String(t.text_at(c, r, lang)),
                                        )
                                    })
                                    .collect(),
                            )
                        })
                        .collect();
                    serde_json::Value::Array(rows)
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
            s.push('\n');
            s.into_bytes()
        }
        Format::Xlsx => hanke::report::xlsx::tables_to_xlsx(&tables, lang)
            .map_err(|e| format!("{e} [{}]", e.code()))?,
        Format::Html => unreachable_format()?,
    };
    emit(a.out.output.as_ref(), a.format, &bytes)?;
    say!(
        "{} file(s) read, {failed} could not be read; {}",
        paths.len() - failed,
        tally.summary()
    );
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A project read from EURA public data, in a few lines: code and name,
/// placement, period and status, the applicant and co-implementers with
/// their business IDs.
fn project_summary(p: &hanke::Project) -> String {
    use hanke::project::ImplementerRole;
    let mut out = String::new();
    let code = p.code.map(|c| c.to_string()).unwrap_or_else(|| "–".into());
    out.push_str(&format!("{code} {}\n", p.name));
    let pl = &p.placement;
    out.push_str(&format!(
        "  priority {} · specific objective {} · {}\n",
        pl.priority.map_or("–".into(), |n| format!("TL{n}")),
        pl.specific_objective.as_deref().unwrap_or("–"),
        pl.responsible_authority
            .map_or("authority –".into(), |a| a.short_name_fi().to_string())
    ));
    if let Some(period) = p.period {
        let status = p.reported_status.as_ref().map_or("", |s| s.text());
        out.push_str(&format!("  {period} · {status}\n"));
    }
    let id =
        |o: &hanke::org::Organisation| o.business_id.map(|b| format!(" ({b})")).unwrap_or_default();
    if let Some(main) = p.main_implementer() {
        out.push_str(&format!(
            "  applicant {}{}\n",
            main.organisation.name,
            id(&main.organisation)
        ));
    }
    for co in p.implementers_with_role(ImplementerRole::CoImplementer) {
        out.push_str(&format!(
            "  co-implementer {}{}\n",
            co.organisation.name,
            id(&co.organisation)
        ));
    }
    out
}

fn sfc(command: SfcCommand, lang: Language, on: Option<NaiveDate>) -> Result<ExitCode, String> {
    use hanke::sfc::{Table6, compare, run_kit};
    match command {
        SfcCommand::Kit {
            dir,
            table,
            format,
            out,
        } => {
            only(format, &[Format::Csv, Format::Json, Format::Xlsx])?;
            needs_file(format, out.output.as_ref())?;
            let dir =
                dir.unwrap_or_else(|| input::bundled_data().join("../../conformance/sfc2021"));
            // The kit's own cut-off unless one is given.
            let day =
                on.unwrap_or_else(|| NaiveDate::from_ymd_opt(2024, 12, 31).unwrap_or_default());
            let cut_off = CutOff::new(day).map_err(|e| format!("{e} [{}]", e.code()))?;
            let run = run_kit(&dir, cut_off).map_err(|e| format!("{e} [{}]", e.code()))?;
            say!(
                "cut-off {cut_off} (submission due {})",
                cut_off.submission_due()
            );
            let (csv, result) = if table == "6" {
                for f in run.table6.validate() {
                    say!("{f}");
                }
                (run.table6.to_csv(), run.table6.result_table())
            } else {
                (run.table10.to_csv(), run.table10.result_table())
            };
            let bytes = match format {
                Format::Json => {
                    let mut s = serde_json::to_string_pretty(
                        &if table == "6" {
                            serde_json::to_value(&run.table6)
                        } else {
                            serde_json::to_value(&run.table10)
                        }
                        .map_err(|e| e.to_string())?,
                    )
                    .map_err(|e| e.to_string())?;
                    s.push('\n');
                    s.into_bytes()
                }
                Format::Xlsx => hanke::report::xlsx::tables_to_xlsx(&[result], lang)
                    .map_err(|e| format!("{e} [{}]", e.code()))?,
                _ => csv.into_bytes(),
            };
            emit(out.output.as_ref(), format, &bytes)?;
            Ok(ExitCode::SUCCESS)
        }
        SfcCommand::Compare { expected, actual } => {
            let read = |p: &PathBuf| -> Result<Table6, String> {
                let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", shown(p)))?;
                Table6::from_csv(&text).map_err(|e| format!("{}: {e} [{}]", shown(p), e.code()))
            };
            let (e, a) = (read(&expected)?, read(&actual)?);
            let diff = compare(e.rows(), a.rows());
            let mut lines = String::new();
            for d in &diff {
                let show = |v: Option<u64>| v.map_or("missing".to_string(), |v| v.to_string());
                lines.push_str(&format!(
                    "{},{},{},{},{}: expected {}, got {}\n",
                    d.cell.priority,
                    d.cell.objective,
                    d.cell.region,
                    d.cell.indicator,
                    d.cell.gender.code(),
                    show(d.expected),
                    show(d.actual)
                ));
            }
            lines.push_str(&format!("{} differing cell(s)\n", diff.len()));
            output::print(lines.as_bytes())?;
            Ok(if diff.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
