//! Writes the bundled synthetic participant files, or checks that they are up to
//! date (`--check`, as the tests do).
//!
//! ```text
//! cargo run --example generate_participants            # rewrite the files
//! cargo run --example generate_participants -- --check # fail if any is stale
//! ```
//!
//! Every record is synthetic (hanke::participant::synthetic): identity codes use
//! temporary individual numbers 900–999. Each file is named after the project
//! file it belongs to in `examples/data/projects/`.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use hanke::import::{IdentityCodes, write_participants_csv};
use hanke::participant::Participant;
use hanke::participant::synthetic::{Profile, SyntheticConfig, duuniin_coaching, generate};
use hanke::programme::ProgrammePeriod;
use hanke::rulebook::Rulebook;

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("bad date {y}-{m}-{d}"))
}

/// One bundled file: the project's file stem and how its participants are made.
fn bundled() -> Result<Vec<(&'static str, Vec<Participant>)>, String> {
    let rules = |p| {
        Rulebook::for_period(p)
            .and_then(Rulebook::participants)
            .ok_or("no participant rules")
    };
    let r14 = rules(ProgrammePeriod::Period2014To2020)?;
    let r21 = rules(ProgrammePeriod::Period2021To2027)?;

    let mut ilona = SyntheticConfig::new(2018, 120, date(2018, 10, 1)?, date(2021, 10, 31)?);
    ilona.id_prefix = "ILO".into();
    ilona.reentry_per_mille = 25;

    let mut vesku = SyntheticConfig::new(2020, 80, date(2020, 9, 1)?, date(2022, 12, 31)?);
    vesku.id_prefix = "VES".into();

    // Still running (2023–2027): seen on a fixed cut-off so the file is stable.
    let mut yy = SyntheticConfig::new(2023, 150, date(2023, 1, 1)?, date(2027, 12, 31)?);
    yy.as_of = date(2026, 6, 30)?;
    yy.id_prefix = "YY".into();
    yy.profile = Profile::InWork;

    Ok(vec![
        ("lahde_mukaan_S20250", duuniin_coaching()),
        ("ilona", generate(&ilona, r14)),
        ("vesku", generate(&vesku, r14)),
        ("yhteiskunnalliset_yritykset_esr_plus", generate(&yy, r21)),
    ])
}

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/participants");
    let files = match bundled() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut stale = 0;
    for (stem, participants) in files {
        let mut text = Vec::new();
        if let Err(e) = write_participants_csv(&mut text, &participants, IdentityCodes::Include) {
            eprintln!("error: {stem}: {e}");
            return ExitCode::FAILURE;
        }
        let path = dir.join(format!("{stem}.csv"));
        if check {
            if std::fs::read(&path).ok().as_deref() != Some(text.as_slice()) {
                eprintln!(
                    "stale: {} (run `cargo run --example generate_participants`)",
                    path.display()
                );
                stale += 1;
            }
        } else if let Err(e) = std::fs::write(&path, &text) {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        } else {
            println!("{} participants → {}", participants.len(), path.display());
        }
    }
    if stale > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
