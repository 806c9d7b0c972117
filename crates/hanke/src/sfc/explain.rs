//! One cell of a table explained down to its operations and the records
//! behind it — *solun selitys*.

use std::collections::BTreeMap;

use serde::Serialize;

use super::table::{COMPOSITES, Row};
use super::{Operation, Participation, SfcError, sfc_category};
use crate::Echo;
use crate::indicator::{Catalogue, CommonIndicators, Outcome, RecordOutcome};
use crate::participant::Participant;
use crate::programme::ProjectCode;

/// Why an operation contributes what it does to a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Counted from its participant records.
    Records,
    /// Every counted participant, by the operation's target group.
    TargetGroup,
    /// An operation without individual participants: zero.
    NoIndividualParticipants,
}

/// One operation's share of a cell, for one part of the indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Share {
    /// The operation.
    #[serde(serialize_with = "as_text")]
    pub operation: ProjectCode,
    /// The indicator (a part of a composite, or the cell's own).
    pub indicator: &'static str,
    /// Why.
    pub basis: Basis,
    /// Its value in the cell's gender.
    pub value: u64,
    /// The records counted (project ids and pseudonyms; never an identity code).
    pub records: Vec<RecordOutcome>,
}

fn as_text<S: serde::Serializer>(c: &ProjectCode, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(c)
}

/// How a cell's value arose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CellExplanation {
    /// The cell with its value.
    pub cell: Row,
    /// The indicators summed (one, or a composite's parts).
    pub parts: Vec<&'static str>,
    /// Every operation of the cell, per part.
    pub shares: Vec<Share>,
}

impl CellExplanation {
    /// The value recounted from the shares (equals `cell.value`).
    pub fn recount(&self) -> u64 {
        self.shares.iter().map(|s| s.value).sum()
    }
}

/// Explains `cell` of Table 6 or 10 (its value is not read) over
/// `operations`, whose records are in `people` by project code (the records
/// each operation was counted from). Fails for an indicator not in the
/// tables, or an operation counted from records whose records are not given.
pub fn explain_cell(
    operations: &[Operation],
    people: &BTreeMap<ProjectCode, Vec<Participant>>,
    cell: &Row,
) -> Result<CellExplanation, SfcError> {
    let (priority, objective, region, indicator, gender) = (
        cell.priority,
        cell.objective,
        cell.region,
        cell.indicator.as_str(),
        cell.gender,
    );
    let unknown = || SfcError::Explain {
        given: Echo::new(indicator),
    };
    let parts: Vec<&'static str> = match COMPOSITES.iter().find(|c| c.code == indicator) {
        Some(c) => c.parts.to_vec(),
        None => vec![
            Catalogue::EsfPlus
                .indicator(indicator)
                .filter(|i| i.is_computed_from_participants())
                .ok_or_else(unknown)?
                .code,
        ],
    };
    let mut shares = Vec::new();
    for op in operations.iter().filter(|o| {
        o.priority == priority && o.objective == objective && sfc_category(o.region) == region
    }) {
        for part in &parts {
            let (basis, code) = match &op.participation {
                Participation::NoIndividualParticipants => {
                    shares.push(Share {
                        operation: op.code,
                        indicator: part,
                        basis: Basis::NoIndividualParticipants,
                        value: 0,
                        records: Vec::new(),
                    });
                    continue;
                }
                Participation::Records(_) if op.target_group.contains(part) => {
                    (Basis::TargetGroup, "EECO01")
                }
                Participation::Records(_) => (Basis::Records, *part),
            };
            let Participation::Records(counted) = &op.participation else {
                continue;
            };
            let records = people.get(&op.code).ok_or_else(|| SfcError::Explain {
                given: Echo::new(&format!("no records given for {}", op.code)),
            })?;
            let why = CommonIndicators::explain(counted, code, records).map_err(|_| unknown())?;
            let records: Vec<RecordOutcome> = why
                .records
                .into_iter()
                .filter(|r| r.outcome == Outcome::Counted && r.gender == Some(gender))
                .collect();
            shares.push(Share {
                operation: op.code,
                indicator: part,
                basis,
                value: u64::try_from(records.len()).unwrap_or(u64::MAX),
                records,
            });
        }
    }
    let value = shares.iter().map(|s| s.value).sum();
    Ok(CellExplanation {
        cell: Row {
            value,
            ..cell.clone()
        },
        parts,
        shares,
    })
}
