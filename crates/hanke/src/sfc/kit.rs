//! The conformance kit — *vaatimustenmukaisuusaineisto*: operations and
//! participant files from which any system computes Tables 6 and 10, and the
//! tables hanke expects (`conformance/sfc2021/`, on the model of the US HUD LSA
//! sample code: specification, reference implementation, sample micro-data,
//! expected output).
//!
//! A kit directory holds `operations.csv` (`project_code, priority,
//! specific_objective, category_of_region, participants, target_group`, the
//! target groups separated by `;`) and the participant files it names (the
//! participant CSV of `docs/participant-format.md`, or participant JSON).
//! Records of one person (the same identity code) are merged first: one record
//! per person per operation, first entry, final exit (RULES.md §1.1; ADR 0007 §5).

use std::path::Path;

use super::{CutOff, Operation, Participation, SfcError, Table6, Table10};
use crate::Echo;
use crate::finding::Finding;
use crate::indicator::{Catalogue, CommonIndicators};
use crate::programme::ProgrammePeriod;
use crate::rulebook::ParticipantRules;

/// What a kit run gives: the two tables and the findings met on the way
/// (rejected rows, merged re-entries, events outside the reference period).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitRun {
    /// Table 6.
    pub table6: Table6,
    /// Table 10.
    pub table10: Table10,
    /// What the readers and the merge reported.
    pub findings: Vec<Finding>,
    /// The operations.
    pub operations: Vec<Operation>,
    /// Each operation's records as counted (re-entries merged), for
    /// [`super::explain_cell`].
    pub people: std::collections::BTreeMap<
        crate::programme::ProjectCode,
        Vec<crate::participant::Participant>,
    >,
}

const HEADER: &str =
    "project_code,priority,specific_objective,category_of_region,participants,target_group";

fn read(path: &Path) -> Result<String, SfcError> {
    std::fs::read_to_string(path).map_err(|e| SfcError::Io {
        path: Echo::new(&path.display().to_string()),
        problem: Echo::new(&e.to_string()),
    })
}

/// Runs the kit in `dir` at `cut_off` under the ESF+ rules.
pub fn run_kit(dir: &Path, cut_off: CutOff) -> Result<KitRun, SfcError> {
    let rules: &'static ParticipantRules =
        crate::rulebook::Rulebook::for_period(ProgrammePeriod::Period2021To2027)
            .and_then(|r| r.participants())
            .ok_or(SfcError::Kit {
                file: Echo::new("rules"),
                problem: Echo::new("no ESF+ participant rules"),
            })?;
    let text = read(&dir.join("operations.csv"))?;
    let err = |line: usize, problem: &str| SfcError::Csv {
        line: u64::try_from(line).unwrap_or(u64::MAX).saturating_add(1),
        problem: Echo::new(problem),
    };
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, h)) if h.trim() == HEADER => {}
        _ => {
            return Err(err(
                0,
                &format!("the header of operations.csv is not {HEADER}"),
            ));
        }
    }
    let mut operations = Vec::new();
    let mut findings = Vec::new();
    let mut people_of = std::collections::BTreeMap::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        let [code, priority, objective, category, file, targets] = cells.as_slice() else {
            return Err(err(i, "a row of operations.csv has 6 cells"));
        };
        let code: crate::programme::ProjectCode = code
            .parse()
            .map_err(|_| err(i, "the project code is a letter and five digits"))?;
        let priority: u8 = priority
            .parse()
            .map_err(|_| err(i, "the priority is a number 1–255"))?;
        let participation = if file.is_empty() {
            Participation::NoIndividualParticipants
        } else {
            let people = read_people(dir, file, rules, &mut findings)?;
            let merged = crate::participant::merge_duplicates(people, None);
            findings.extend(merged.findings);
            let counted = Participation::Records(Box::new(
                CommonIndicators::compute(
                    Catalogue::EsfPlus,
                    rules,
                    Some(cut_off.day()),
                    &merged.participants,
                )
                .map_err(|e| SfcError::Kit {
                    file: Echo::new(file),
                    problem: Echo::new(&e.to_string()),
                })?,
            ));
            people_of.insert(code, merged.participants);
            counted
        };
        let targets: Vec<&str> = targets.split(';').collect();
        let op = Operation::from_texts(
            &code.to_string(),
            priority,
            objective,
            category,
            participation,
            &targets,
        )
        .map_err(|e| err(i, &e.to_string()))?;
        operations.push(op);
    }
    Ok(KitRun {
        table6: Table6::aggregate(&operations, cut_off)?,
        table10: Table10::aggregate(&operations, cut_off)?,
        findings,
        operations,
        people: people_of,
    })
}

/// The participants of one file of the kit: CSV through the participant
/// reader (synthetic temporary codes accepted; a rejected row fails the run,
/// since a kit's files are all meant to be read), JSON through the strict reader.
fn read_people(
    dir: &Path,
    file: &str,
    rules: &'static ParticipantRules,
    findings: &mut Vec<Finding>,
) -> Result<Vec<crate::participant::Participant>, SfcError> {
    let kit = |problem: String| SfcError::Kit {
        file: Echo::new(file),
        problem: Echo::new(&problem),
    };
    let text = read(&dir.join(file))?;
    if file.ends_with(".json") {
        return crate::participant::participants_from_json_str(&text)
            .map_err(|e| kit(e.to_string()));
    }
    let options = crate::import::ImportOptions {
        accept_temporary_codes: true,
        rules: Some(rules),
        ..crate::import::ImportOptions::default()
    };
    let (people, report) = crate::import::read_participants_csv(text.as_bytes(), options)
        .map_err(|e| kit(e.to_string()))?;
    if report.account.rejected > 0 {
        let first = report
            .account
            .findings
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        return Err(kit(format!(
            "{} row(s) rejected: {first}",
            report.account.rejected
        )));
    }
    findings.extend(report.account.findings);
    Ok(people)
}
