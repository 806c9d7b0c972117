//! Writes the bundled synthetic participant files, or checks that they are up to
//! date (`--check`, as the tests do).
//!
//! ```text
//! cargo run --example generate_participants            # rewrite the files
//! cargo run --example generate_participants -- --check # fail if any is stale
//! ```
//!
//! Every record is synthetic (hanke::synthetic): identity codes use
//! temporary individual numbers 900–999. Each file is named after the project
//! file it belongs to in `examples/data/projects/`.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use hanke::activity::{Activity, ActivityKind, ActivityLog, Attendance, Feedback};
use hanke::import::{IdentityCodes, write_participants_csv};
use hanke::participant::Participant;
use hanke::programme::ProgrammePeriod;
use hanke::rulebook::Rulebook;
use hanke::synthetic::{Profile, SyntheticConfig, duuniin_coaching, generate};

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

/// `n` counts adding up to `total`, varied deterministically (pairs move by the
/// same amount in opposite directions, so the sum stays exact).
fn spread(total: u64, n: u64, wobble: u64) -> Vec<u64> {
    if n == 0 {
        return Vec::new();
    }
    let base = total / n;
    let rem = total % n;
    let mut v: Vec<u64> = (0..n).map(|i| base + u64::from(i < rem)).collect();
    let max_delta = base.saturating_sub(1).min(wobble);
    for (i, pair) in v.chunks_mut(2).enumerate() {
        if let [a, b] = pair {
            let delta = (i as u64 * 7 % 5).min(max_delta);
            *a += delta;
            *b -= delta;
        }
    }
    v
}

/// Days spread evenly from `start` over `span_days`.
fn day_of(start: NaiveDate, span_days: u64, i: u64, n: u64) -> NaiveDate {
    start + chrono::Days::new(span_days * i / n.max(1))
}

fn head_count_events(
    kind: ActivityKind,
    count: u64,
    attendees: u64,
    start: NaiveDate,
    span_days: u64,
) -> Vec<Activity> {
    spread(attendees, count, 4)
        .into_iter()
        .enumerate()
        .map(|(i, total)| {
            Activity::new(
                day_of(start, span_days, i as u64, count),
                kind,
                Attendance::head_count(total),
            )
        })
        .collect()
}

/// Activity logs shaped after the seeds' reported totals (the per-event split
/// is synthetic; the totals are the seeds'):
/// - KeKo (seed 002): 38 network events, 1 290 attendees, about 60 % from the
///   third sector, feedback mean 3,3 on a 1–4 scale.
/// - Lähde mukaan! (seed 001): 125 community-coaching sessions with 74
///   participants; 15 information events with 214 attendees; 32 community and
///   small-group events with 379; 16 public events with 2 369.
/// - Paikka auki (seed 003): 242 events with 2 116 attendees.
fn activities() -> Result<Vec<(&'static str, ActivityLog)>, String> {
    let fb = |c: Vec<u64>| Feedback::new(1, 4, c).map_err(|e| e.to_string());
    // Two answer patterns of ten answers each, both with mean 3,3.
    let patterns = [vec![0, 1, 5, 4], vec![0, 2, 3, 5]];
    let totals = spread(1290, 38, 4);
    let third = spread(774, 38, 2);
    let mut keko = Vec::new();
    for (i, (total, third)) in totals.into_iter().zip(third).enumerate() {
        let third = third.min(total);
        let public = (total - third) * 2 / 3;
        let mut by = std::collections::BTreeMap::new();
        by.insert("third_sector".to_string(), third);
        by.insert("public".to_string(), public);
        by.insert("private".to_string(), total - third - public);
        let mut a = Activity::new(
            day_of(date(2017, 6, 1)?, 940, i as u64, 38),
            ActivityKind::NetworkEvent,
            Attendance::HeadCount { total, by },
        );
        a.feedback = Some(fb(patterns.get(i % 2).cloned().unwrap_or_default())?);
        keko.push(a);
    }

    let mut lahde = Vec::new();
    let coaching_ids: Vec<_> = (1..=74)
        .map(|n| format!("YV{n:03}").parse())
        .collect::<Result<_, _>>()
        .map_err(|e: hanke::participant::ParticipantError| e.to_string())?;
    for i in 0..125u64 {
        let named = (0..6u64)
            .filter_map(|k| coaching_ids.get(((i * 5 + k) % 74) as usize).copied())
            .collect();
        lahde.push(Activity::new(
            day_of(date(2015, 6, 1)?, 700, i, 125),
            ActivityKind::Coaching,
            Attendance::Named(named),
        ));
    }
    let start = date(2015, 6, 15)?;
    lahde.extend(head_count_events(
        ActivityKind::InformationEvent,
        15,
        214,
        start,
        690,
    ));
    lahde.extend(head_count_events(
        ActivityKind::GroupActivity,
        32,
        379,
        start,
        690,
    ));
    lahde.extend(head_count_events(
        ActivityKind::PublicEvent,
        16,
        2369,
        start,
        690,
    ));
    lahde.sort_by_key(|a| a.date);

    let paikka = head_count_events(
        ActivityKind::OtherEvent,
        242,
        2116,
        date(2018, 1, 15)?,
        1780,
    );
    Ok(vec![
        ("keko", ActivityLog { activities: keko }),
        ("lahde_mukaan_S20250", ActivityLog { activities: lahde }),
        (
            "paikka_auki_koordinaatio",
            ActivityLog { activities: paikka },
        ),
    ])
}

/// Writes `text` to `path`, or with `check` compares it; true if stale.
fn emit(path: &std::path::Path, text: &[u8], check: bool, what: &str) -> Result<bool, String> {
    if check {
        let stale = std::fs::read(path).ok().as_deref() != Some(text);
        if stale {
            eprintln!(
                "stale: {} (run `cargo run --example generate_participants`)",
                path.display()
            );
        }
        return Ok(stale);
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("{what} → {}", path.display());
    Ok(false)
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
        let what = format!("{} participants", participants.len());
        match emit(&path, &text, check, &what) {
            Ok(s) => stale += usize::from(s),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let logs = match activities() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let activity_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/activities");
    for (stem, log) in logs {
        let text = match serde_json::to_string_pretty(&log) {
            Ok(t) => t + "\n",
            Err(e) => {
                eprintln!("error: {stem}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let path = activity_dir.join(format!("{stem}.json"));
        let what = format!("{} activities", log.activities.len());
        match emit(&path, text.as_bytes(), check, &what) {
            Ok(s) => stale += usize::from(s),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    if stale > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
