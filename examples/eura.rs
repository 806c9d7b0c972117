//! EURA public data: reads the bundled EURA 2014 descriptions and the project
//! page, then imports the EURA 2014 project list and prints the ESR portfolio.
//!
//! ```sh
//! cargo run --example eura                         # the bundled data
//! cargo run --example eura -- S22026.txt list.csv  # your own files
//! cargo run --example eura -- --render S22026.txt  # a description written back
//! ```
//!
//! A `.csv` path is read as a project list; any other path as a description, or
//! as a project page when it has a "Tietoja hankkeesta" block. Files that cannot
//! be opened are reported by name and the run goes on; the exit status is 1 if any
//! could not be read.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use hanke::Finding;
use hanke::eura::{
    PortfolioBy, ProjectList, parse_description, parse_project_page, render_description,
};
use hanke::programme::Fund;
use hanke::project::Project;

/// A path as the user would write it: relative to the repository when inside it.
fn shown(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let root = root.canonicalize().unwrap_or(root);
    path.strip_prefix(&root)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/eura")
}

fn bundled() -> Vec<PathBuf> {
    let dir = data_dir();
    let dir = dir.canonicalize().unwrap_or(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("descriptions"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files.push(dir.join("pages/S20250.txt"));
    files.push(dir.join("eura2014_projektilista.csv"));
    files
}

fn main() -> ExitCode {
    let mut render = false;
    let mut paths: Vec<PathBuf> = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--render" => render = true,
            "-h" | "--help" => {
                println!(
                    "usage: eura [--render] [description.txt | page.txt | projektilista.csv]..."
                );
                return ExitCode::SUCCESS;
            }
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if paths.is_empty() {
        paths = bundled();
    }
    let mut failed = 0;
    for path in &paths {
        let ok = if path.extension().is_some_and(|e| e == "csv") {
            list(path)
        } else {
            description(path, render)
        };
        if !ok {
            failed += 1;
        }
    }
    println!(
        "\n{} file(s) read, {failed} could not be read",
        paths.len() - failed
    );
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn description(path: &Path, render: bool) -> bool {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: cannot read: {e}", path.display());
            return false;
        }
    };
    let (project, findings, kind) = if text.contains("Tietoja hankkeesta") {
        let p = parse_project_page(&text);
        (p.project, p.findings, "project page")
    } else {
        let d = parse_description(&text);
        (d.project, d.findings, "EURA 2014 description")
    };
    println!("\n## {} ({kind})\n", shown(path));
    summary(&project);
    print_findings(&findings);
    if render {
        println!("\n{}", render_description(&project));
    }
    true
}

fn summary(p: &Project) {
    let code = p.code.map(|c| c.to_string()).unwrap_or_else(|| "–".into());
    println!("{code} {}", p.name);
    let pl = &p.placement;
    println!(
        "  priority {} · specific objective {} · {}",
        pl.priority.map_or("–".into(), |n| format!("TL{n}")),
        pl.specific_objective.as_deref().unwrap_or("–"),
        pl.responsible_authority
            .map_or("authority –".into(), |a| a.short_name_fi().to_string())
    );
    if let Some(period) = p.period {
        println!(
            "  {period} · {}",
            p.reported_status.as_ref().map_or("", |s| s.text())
        );
    }
    if let Some(main) = p.main_implementer() {
        let o = &main.organisation;
        println!(
            "  applicant {}{}",
            o.name,
            o.business_id.map(|b| format!(" ({b})")).unwrap_or_default()
        );
    }
    for co in p.implementers_with_role(hanke::project::ImplementerRole::CoImplementer) {
        let o = &co.organisation;
        println!(
            "  co-implementer {}{}",
            o.name,
            o.business_id.map(|b| format!(" ({b})")).unwrap_or_default()
        );
    }
}

fn print_findings(findings: &[Finding]) {
    for f in findings {
        println!("  {f}");
    }
}

fn list(path: &Path) -> bool {
    let list = match ProjectList::from_path(path) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{}: {} ({})", path.display(), e, e.code());
            return false;
        }
    };
    let r = &list.report;
    println!("\n## {} (project list)\n", shown(path));
    println!(
        "{} rows read: {} accepted ({} with unquoted commas joined, {} with padding, {} unwrapped from whole-line quotes), {} rejected; {} lines, all accounted for: {}",
        r.rows_read,
        r.accepted,
        r.realigned,
        r.padded,
        r.unwrapped,
        r.rejected,
        r.lines,
        r.is_balanced()
    );
    print_findings(&r.rejections);
    for by in [
        PortfolioBy::PriorityAxis,
        PortfolioBy::Authority,
        PortfolioBy::Status,
    ] {
        match list.portfolio(Some(Fund::Esf), by) {
            Ok(t) => println!(
                "\nESR projects by {}:\n\n{}",
                by.label_fi().to_lowercase(),
                t.to_markdown()
            ),
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return false;
            }
        }
    }
    true
}
