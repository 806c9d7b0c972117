//! Data quality before reporting — *tietojen laatu ennen raportointia*: every
//! problem a funder would reject a report for that a program can catch, all
//! at once, each with a stable rule id, a severity, the path to the field,
//! the line where the data came from a file, and a message in Finnish,
//! Swedish and English.
//!
//! [`check`] runs the project's own checks (financing, placement,
//! implementers, indicators), the period's participant rules on every record,
//! the activity log's checks, and the data-quality rules of this module
//! ([`RULES`]): dates outside the project period or after the cut-off, a
//! missing exit form after the project ended, overlapping participations of
//! one person, "participants" seen only at information or public events,
//! participants outside the plan's target groups (where given in checkable
//! form), and an indicator far past its target. The rule list is data: [`to_markdown`]
//! publishes it with ids, severities and sources (the IATI ruleset and DHIS2
//! validation rules are the models).
//!
//! ```
//! use hanke::Project;
//! use hanke::quality::{check, QualityInput};
//! use hanke::participant::{Participant, ParticipantId};
//! let project = Project::from_json_str(r#"{"name": "Demo",
//!   "placement": {"funder": "esr", "programme": "2014-2020"},
//!   "period": {"start": "2016-01-01", "end": "2016-12-31"}}"#)?;
//! let d = |m, day| chrono::NaiveDate::from_ymd_opt(2016, m, day).unwrap();
//! let p = Participant::new("P1".parse::<ParticipantId>()?, d(12, 1));
//! let mut input = QualityInput::new(&project, chrono::NaiveDate::from_ymd_opt(2017, 6, 30).unwrap());
//! let people = [p];
//! input.participants = &people;
//! let report = check(&input);
//! assert!(report.findings.iter().any(|f| f.rule_id == "DQ-EXIT-001")); // no exit half a year after the end
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use crate::activity::{ActivityKind, ActivityLog, Attendance};
use crate::finding::{Finding, Rule, Severity, rules};
use crate::participant::{
    DuplicateKey, LabourStatus, Participant, ParticipantId, merge_duplicates,
};
use crate::project::Project;
use crate::project::{StatusCriterion, TargetCriteria, TargetGroupKind};
use crate::rulebook::ParticipantRules;
use crate::rulebook::Rulebook;

/// The rules of this module, in the order [`check`] runs them.
pub const RULES: [&Rule; 8] = [
    &rules::QUALITY_ENTRY_OUTSIDE_PERIOD,
    &rules::QUALITY_EXIT_OUTSIDE_PERIOD,
    &rules::QUALITY_DATE_AFTER_CUT_OFF,
    &rules::QUALITY_EXIT_MISSING,
    &rules::QUALITY_PARTICIPATIONS_OVERLAP,
    &rules::QUALITY_ONLY_AT_EVENTS,
    &rules::QUALITY_OUTSIDE_TARGET_GROUPS,
    &rules::QUALITY_INDICATOR_IMPLAUSIBLE,
];

/// What a data-quality run looks at — *tarkistettava aineisto*.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct QualityInput<'a> {
    /// The project.
    pub project: &'a Project,
    /// The report's cut-off: data as they stood at the end of this day.
    pub cut_off: NaiveDate,
    /// The participant records.
    pub participants: &'a [Participant],
    /// The line each record came from, where the records were read from a file.
    pub lines: &'a [(ParticipantId, u64)],
    /// The project's activities.
    pub activities: Option<&'a ActivityLog>,
    /// Days after the project's end within which exit forms may still be
    /// missing (default 60 — hanke's grace period, not a funder's figure).
    pub missing_exit_grace_days: u32,
    /// How many times its target an indicator's actual value must exceed to
    /// be flagged (default 3 — hanke's plausibility bound, not a funder's).
    pub implausible_factor: u64,
}

impl<'a> QualityInput<'a> {
    /// A run over `project` at `cut_off` with no records yet and the default
    /// parameters.
    pub fn new(project: &'a Project, cut_off: NaiveDate) -> QualityInput<'a> {
        QualityInput {
            project,
            cut_off,
            participants: &[],
            lines: &[],
            activities: None,
            missing_exit_grace_days: 60,
            implausible_factor: 3,
        }
    }
}

/// Every finding of a run — *laaturaportti*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct QualityReport {
    /// The cut-off.
    pub cut_off: NaiveDate,
    /// Every finding, errors first, then in the order found.
    pub findings: Vec<Finding>,
}

impl QualityReport {
    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Whether nothing stops the report: no error.
    pub fn passes(&self) -> bool {
        self.count(Severity::Error) == 0
    }

    /// A few lines for a terminal: the counts, then every finding.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "data quality at {}: {} error(s), {} warning(s), {} note(s)",
            self.cut_off,
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Info)
        );
        for f in &self.findings {
            let _ = writeln!(s, "  {f}");
        }
        s
    }
}

/// Runs every check over `input`; never stops at the first problem.
pub fn check(input: &QualityInput<'_>) -> QualityReport {
    let p = input.project;
    let mut out = p.validate();
    let rules_of_period = Rulebook::for_project(p).and_then(Rulebook::participants);
    let lines: HashMap<&ParticipantId, u64> = input.lines.iter().map(|(id, l)| (id, *l)).collect();
    let period = p
        .period
        .map(|pp| (pp.start().first_day(), pp.end().last_day()));
    // The plan's primary target groups in checkable form, once for all records.
    let groups: Vec<&TargetCriteria> = p
        .target_groups
        .iter()
        .filter(|g| g.kind == TargetGroupKind::Primary)
        .filter_map(|g| g.criteria.as_ref())
        .collect();
    let mut people = Vec::new();
    for person in input.participants {
        if let Some(r) = rules_of_period {
            people.extend(r.check_at(person, Some(input.cut_off)));
            if person.entry.date <= input.cut_off {
                target_groups(&mut people, person, &groups, r);
            }
        }
        dates(&mut people, person, period, input);
    }
    overlaps(&mut people, input.participants);
    // Repeated participations of one person: counted once, first entry and
    // last exit (PART-DUP-001), and where the records disagree (PART-DUP-002).
    people.extend(merge_duplicates(input.participants.to_vec(), None).findings);
    if let Some(log) = input.activities {
        out.extend(log.check());
        only_at_events(&mut people, input.participants, log);
    }
    for mut f in people {
        // A participant's findings carry the line of the record's row.
        if let Some(line) = participant_of(&f.path).and_then(|id| lines.get(&id).copied()) {
            f = f.at_line(line);
        }
        out.push(f);
    }
    indicators(&mut out, input);
    out.sort_by_key(|f| f.severity);
    QualityReport {
        cut_off: input.cut_off,
        findings: out,
    }
}

/// The participant id in a `participants[<id>]…` path.
fn participant_of(path: &str) -> Option<ParticipantId> {
    let rest = path.strip_prefix("participants[")?;
    rest.split(']').next()?.parse().ok()
}

fn finding(rule: &Rule, path: String, en: String, fi: String, sv: String) -> Finding {
    Finding::new(rule, path, en, fi, sv)
}

fn dates(
    out: &mut Vec<Finding>,
    p: &Participant,
    period: Option<(NaiveDate, NaiveDate)>,
    input: &QualityInput<'_>,
) {
    let at = |field: &str| format!("participants[{}].{field}", p.id);
    let entry = p.entry.date;
    if let Some((start, end)) = period {
        if entry < start || entry > end {
            out.push(finding(
                &rules::QUALITY_ENTRY_OUTSIDE_PERIOD,
                at("entry.date"),
                format!("entry {entry} is outside the project period {start} – {end}"),
                format!("aloitus {entry} on toteutusajan {start} – {end} ulkopuolella"),
                format!("start {entry} ligger utanför genomförandetiden {start} – {end}"),
            ));
        }
        if let Some(exit) = &p.exit {
            if exit.date < start || exit.date > end {
                out.push(finding(
                    &rules::QUALITY_EXIT_OUTSIDE_PERIOD,
                    at("exit.date"),
                    format!(
                        "exit {} is outside the project period {start} – {end}",
                        exit.date
                    ),
                    format!(
                        "lopetus {} on toteutusajan {start} – {end} ulkopuolella",
                        exit.date
                    ),
                    format!(
                        "avslut {} ligger utanför genomförandetiden {start} – {end}",
                        exit.date
                    ),
                ));
            }
        } else if let Some(due) =
            end.checked_add_days(chrono::Days::new(u64::from(input.missing_exit_grace_days)))
        {
            if input.cut_off > due && entry <= input.cut_off {
                out.push(finding(
                    &rules::QUALITY_EXIT_MISSING,
                    at("exit"),
                    format!("no exit form, though the project ended on {end}"),
                    format!("lopetustiedot puuttuvat, vaikka hanke päättyi {end}"),
                    format!("slutuppgifter saknas, fast projektet avslutades {end}"),
                ));
            }
        }
    }
    let cut = input.cut_off;
    // A record entered after the cut-off is simply not counted yet; an exit or
    // follow-up after the cut-off of someone counted is an error in the data.
    if entry > cut {
        return;
    }
    let Some(exit) = &p.exit else { return };
    let later = exit
        .later_events
        .iter()
        .map(|e| ("exit.later_events", e.date));
    for (field, day) in std::iter::once(("exit.date", exit.date)).chain(later) {
        if day > cut {
            out.push(finding(
                &rules::QUALITY_DATE_AFTER_CUT_OFF,
                at(field),
                format!("{day} is after the cut-off {cut}"),
                format!("{day} on raportin rajapäivän {cut} jälkeen"),
                format!("{day} är efter rapportens brytdag {cut}"),
            ));
        }
    }
}

/// Two records of one person (same identity code or pseudonym) whose
/// participations overlap: a re-entry starts after the earlier exit.
fn overlaps(out: &mut Vec<Finding>, people: &[Participant]) {
    let mut by_person: HashMap<DuplicateKey, Vec<&Participant>> = HashMap::new();
    for p in people {
        // The same key merging uses; it stays inside this function, and
        // findings name record ids only.
        let Some(key) = crate::participant::key_of(p, None) else {
            continue;
        };
        by_person.entry(key).or_default().push(p);
    }
    let mut groups: Vec<Vec<&Participant>> =
        by_person.into_values().filter(|g| g.len() > 1).collect();
    groups.sort_by_key(|g| g.first().map(|p| p.id.as_str().to_string()));
    for mut g in groups {
        g.sort_by_key(|p| p.entry.date);
        for pair in g.windows(2) {
            let [a, b] = pair else { continue };
            let a_end = a.exit.as_ref().map(|e| e.date);
            if a_end.is_none_or(|end| b.entry.date <= end) {
                let until = a_end.map_or("—".to_string(), |d| d.to_string());
                out.push(finding(
                    &rules::QUALITY_PARTICIPATIONS_OVERLAP,
                    format!("participants[{}].entry.date", b.id),
                    format!(
                        "{} enters on {} while the same person's record {} runs until {until}",
                        b.id, b.entry.date, a.id
                    ),
                    format!(
                        "{} alkaa {}, kun saman henkilön tietue {} on voimassa {until} asti",
                        b.id, b.entry.date, a.id
                    ),
                    format!(
                        "{} börjar {} medan samma persons post {} pågår till {until}",
                        b.id, b.entry.date, a.id
                    ),
                ));
            }
        }
    }
}

/// Participants whose every named attendance is at information or public
/// events, which make no one a participant.
fn only_at_events(out: &mut Vec<Finding>, people: &[Participant], log: &ActivityLog) {
    // Each named person: whether seen at any activity other than those events.
    let mut seen: HashMap<&ParticipantId, bool> = HashMap::new();
    for a in &log.activities {
        let open = matches!(
            a.kind,
            ActivityKind::InformationEvent | ActivityKind::PublicEvent
        );
        if let Attendance::Named(ids) = &a.attendance {
            for id in ids {
                *seen.entry(id).or_default() |= !open;
            }
        }
    }
    for p in people {
        if seen.get(&p.id) == Some(&false) {
            out.push(finding(
                &rules::QUALITY_ONLY_AT_EVENTS,
                format!("participants[{}]", p.id),
                format!("{} attended only information or public events, which make no one a participant", p.id),
                format!("{} osallistui vain info- tai yleisötilaisuuksiin, joiden osallistujat eivät ole ESR-osallistujia", p.id),
                format!("{} deltog endast i informations- eller publikevenemang, vars deltagare inte är ESF-deltagare", p.id),
            ));
        }
    }
}

/// A participant outside every primary target group given in checkable form
/// (`groups`); a record whose age or status at entry is unknown is not judged
/// (the completeness rules speak of it).
fn target_groups(
    out: &mut Vec<Finding>,
    person: &Participant,
    groups: &[&TargetCriteria],
    rules: &ParticipantRules,
) {
    if groups.is_empty() {
        return;
    }
    let age = person
        .entry
        .birth_date
        .and_then(|b| crate::participant::age_on(b, person.entry.date));
    let status = person.entry.labour_status;
    let ltu = rules.long_term_unemployed(person);
    // Some(true/false) where the record answers the condition, None where not.
    let meets = |c: &TargetCriteria| -> Option<bool> {
        let age_ok = match (c.age_from, c.age_to) {
            (None, None) => Some(true),
            (from, to) => age.map(|a| {
                from.is_none_or(|f| a >= u32::from(f)) && to.is_none_or(|t| a <= u32::from(t))
            }),
        };
        let status_ok = if c.labour_status.is_empty() {
            Some(true)
        } else {
            status.map(|s| {
                c.labour_status.iter().any(|want| match want {
                    StatusCriterion::Employed => s.is_employed(),
                    StatusCriterion::Unemployed => matches!(s, LabourStatus::Unemployed { .. }),
                    StatusCriterion::LongTermUnemployed => ltu == Some(true),
                    StatusCriterion::Inactive => matches!(s, LabourStatus::Inactive { .. }),
                    StatusCriterion::InactiveNotInEducation => matches!(
                        s,
                        LabourStatus::Inactive {
                            in_education_or_training: false
                        }
                    ),
                })
            })
        };
        Some(age_ok? && status_ok?)
    };
    let verdicts: Vec<Option<bool>> = groups.iter().map(|c| meets(c)).collect();
    if verdicts.iter().all(|v| *v == Some(false)) {
        let age_text = age.map_or("unknown".to_string(), |a| a.to_string());
        out.push(finding(
            &rules::QUALITY_OUTSIDE_TARGET_GROUPS,
            format!("participants[{}].entry", person.id),
            format!("{} (age {age_text} at entry) is in none of the {} primary target group(s) of the plan", person.id, groups.len()),
            format!("{} (ikä aloittaessa {age_text}) ei kuulu yhteenkään suunnitelman {} varsinaisesta kohderyhmästä", person.id, groups.len()),
            format!("{} (ålder vid start {age_text}) hör inte till någon av planens {} egentliga målgrupper", person.id, groups.len()),
        ));
    }
}

/// Project indicators far past their targets.
fn indicators(out: &mut Vec<Finding>, input: &QualityInput<'_>) {
    for (i, ind) in input.project.indicators.iter().enumerate() {
        let (Some(target), Some(actual)) = (
            ind.target,
            ind.actual(input.activities, Some(input.cut_off)).count(),
        ) else {
            continue;
        };
        if target > 0 && actual > target.saturating_mul(input.implausible_factor) {
            let k = input.implausible_factor;
            out.push(finding(
                &rules::QUALITY_INDICATOR_IMPLAUSIBLE,
                format!("indicators[{i}]"),
                format!("{}: actual {actual} is more than {k} × the target {target}; check the unit and the counting", ind.code),
                format!("{}: toteuma {actual} on yli {k} × tavoite {target}; tarkista yksikkö ja laskenta", ind.code),
                format!("{}: utfallet {actual} är över {k} × målet {target}; kontrollera enheten och räkningen", ind.code),
            ));
        }
    }
}

/// The data-quality rules of this module as a Markdown table: id, severity,
/// titles in three languages, source.
pub fn to_markdown() -> String {
    let mut s = String::from(
        "| id | severity | title (en) | otsikko (fi) | rubrik (sv) | source |\n|---|---|---|---|---|---|\n",
    );
    crate::finding::markdown_rows(&mut s, RULES, "hanke (consistency)");
    s
}
