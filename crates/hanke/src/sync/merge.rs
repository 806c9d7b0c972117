//! Three-way merge of synced participant records — *kolmitieyhdistäminen*.
//!
//! Given the common ancestor (the version both sides last synced), the local
//! and the remote version:
//!
//! - a field changed on one side only takes that side's value and stamp;
//! - a field changed to the same value on both sides takes it (with the later
//!   stamp; both changes stay in the history);
//! - a field changed to different values on both sides is a
//!   [`Conflict::Field`] holding both values and stamps — nothing is chosen;
//! - a deletion on one side against any edit on the other is a
//!   [`Conflict::DeleteVsEdit`]; a deletion against no edit deletes;
//! - an exit on one side and a re-entry on the other follow the period's
//!   re-entry rule (`ParticipantRules::reentry`: one record per person per
//!   operation, first entry, final exit; SFC 2014 FAQ, RULES.md §1.1, ADR 0007
//!   §5): an exit before the re-entry day is not the final exit (the person is
//!   in again), an exit after it is; either way a `SYNC-REENT-001` note says
//!   what was applied. An exit on the re-entry day itself cannot be ordered and
//!   is a [`Conflict::ExitVsReentry`].
//!
//! The merge is symmetric: swapping local and remote gives the same record and
//! the same conflicts with their sides swapped. The histories of both sides are
//! kept, in time order. A conflicted outcome gives no record until every
//! conflict is [resolved](MergeOutcome::resolve), and each resolution is
//! itself a change in the history, stamped with who resolved it.
//!
//! ```
//! use hanke::programme::ProgrammePeriod;
//! use hanke::questionnaire::FormVersion;
//! use hanke::rulebook::Rulebook;
//! use hanke::participant::Participant;
//! use hanke::sync::{merge, Conflict, Side, Stamp, SyncRecord};
//!
//! let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
//! let form = FormVersion::current(ProgrammePeriod::Period2021To2027).unwrap();
//! let at = |t: &str, by: &str| Stamp::new(t, by, form).unwrap();
//! let p = Participant::new("P-1".parse()?, "2024-03-01".parse()?);
//! let ancestor = SyncRecord::capture(&p, rules, &at("2024-03-01T08:00:00Z", "device:a"), None)?;
//! let (mut local, mut remote) = (ancestor.clone(), ancestor.clone());
//! local.edit(&[("gender", "woman")], rules, &at("2024-03-02T08:00:00Z", "device:a"))?;
//! remote.edit(&[("gender", "non_binary")], rules, &at("2024-03-02T09:00:00Z", "role:participant"))?;
//!
//! let mut outcome = merge(&ancestor, &local, &remote)?;
//! assert!(matches!(&outcome.conflicts()[0], Conflict::Field { field: "gender", .. }));
//! assert_eq!(outcome.clone().into_record().unwrap_err().code(), "sync.unresolved");
//! outcome.resolve(0, Side::Remote, &at("2024-03-03T10:00:00Z", "role:coordinator"))?;
//! assert_eq!(outcome.into_record()?.value("gender"), Some("non_binary"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::record::{Change, DELETED, FieldState, SyncRecord};
use super::{EXIT_GROUP, REENTRY_DATE, Stamp, SyncError};
use crate::finding::{Finding, rules};
use crate::participant::fields::Column;

/// Which side of a merge — *puoli*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The version on this device.
    Local,
    /// The version from elsewhere (the server, another device).
    Remote,
}

impl Side {
    fn other(self) -> Side {
        match self {
            Side::Local => Side::Remote,
            Side::Remote => Side::Local,
        }
    }

    /// The code: `local`, `remote`.
    pub fn code(self) -> &'static str {
        match self {
            Side::Local => "local",
            Side::Remote => "remote",
        }
    }
}

impl std::str::FromStr for Side {
    type Err = SyncError;

    /// Reads `local` or `remote`.
    fn from_str(s: &str) -> Result<Side, SyncError> {
        match s.trim() {
            "local" => Ok(Side::Local),
            "remote" => Ok(Side::Remote),
            _ => Err(SyncError::InvalidSide {
                given: crate::Echo::new(s),
            }),
        }
    }
}

/// One side's version of a field in a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Version {
    /// The value (`None`: cleared or never set).
    pub value: Option<String>,
    /// The stamp of its last change (`None`: never set on that side).
    pub changed: Option<Stamp>,
}

/// What a merge cannot decide — *ristiriita*. Nothing is chosen for it until
/// the caller resolves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Conflict {
    /// The same field changed to different values on the two sides.
    Field {
        /// The field.
        field: &'static str,
        /// The common ancestor's value.
        ancestor: Option<String>,
        /// The local version.
        local: Version,
        /// The remote version.
        remote: Version,
    },
    /// The record deleted on one side and edited on the other.
    DeleteVsEdit {
        /// The side that deleted it.
        deleted_on: Side,
        /// The deletion's stamp.
        deletion: Stamp,
        /// The fields the other side changed.
        edited: Vec<&'static str>,
    },
    /// An exit on one side on the very day of a re-entry on the other: which
    /// came last cannot be told, so the final exit cannot be.
    ExitVsReentry {
        /// The side that recorded the exit.
        exit_on: Side,
        /// The exit day.
        exit_date: NaiveDate,
        /// The re-entry day (the same).
        reentry_date: NaiveDate,
    },
}

impl Conflict {
    /// The conflict as an error finding `SYNC-CONF-001`, at its field.
    pub fn finding(&self) -> Finding {
        let text = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_string());
        match self {
            Conflict::Field {
                field,
                local,
                remote,
                ..
            } => {
                let (l, r) = (text(&local.value), text(&remote.value));
                Finding::new(
                    &rules::SYNC_CONFLICT,
                    *field,
                    format!("changed on both sides: local {l:?}, remote {r:?}"),
                    format!("muutettu molemmilla puolilla: paikallinen {l:?}, etä {r:?}"),
                    format!("ändrat på båda sidor: lokal {l:?}, fjärr {r:?}"),
                )
            }
            Conflict::DeleteVsEdit {
                deleted_on, edited, ..
            } => {
                let (d, e) = (deleted_on.code(), edited.join(", "));
                Finding::new(
                    &rules::SYNC_CONFLICT,
                    DELETED,
                    format!("deleted on the {d} side, edited on the other ({e})"),
                    format!("poistettu puolella {d}, muokattu toisella ({e})"),
                    format!("raderad på sidan {d}, redigerad på den andra ({e})"),
                )
            }
            Conflict::ExitVsReentry {
                exit_on, exit_date, ..
            } => {
                let s = exit_on.code();
                Finding::new(
                    &rules::SYNC_CONFLICT,
                    REENTRY_DATE,
                    format!(
                        "exit on {exit_date} ({s}) and re-entry on the same day: which came last cannot be told"
                    ),
                    format!(
                        "poistuminen {exit_date} ({s}) ja uudelleen aloitus samana päivänä: järjestystä ei voi päätellä"
                    ),
                    format!(
                        "avslut {exit_date} ({s}) och återinträde samma dag: ordningen kan inte avgöras"
                    ),
                )
            }
        }
    }
}

/// The outcome of a merge — *yhdistämisen tulos*: the merged record, the
/// conflicts still to resolve and the notes of rules applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeOutcome {
    merged: SyncRecord,
    conflicts: Vec<Conflict>,
    resolved: Vec<bool>,
    notes: Vec<Finding>,
    local: SyncRecord,
    remote: SyncRecord,
}

impl MergeOutcome {
    /// Every conflict, resolved or not, in a stable order (deletion, exit and
    /// re-entry, then fields by name); [`resolve`](Self::resolve) takes an index of it.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// Whether conflict `index` is resolved.
    pub fn is_resolved(&self, index: usize) -> bool {
        self.resolved.get(index).copied().unwrap_or(false)
    }

    /// How many conflicts are unresolved.
    pub fn unresolved(&self) -> usize {
        self.resolved.iter().filter(|r| !**r).count()
    }

    /// The rules the merge applied (`SYNC-REENT-001`), as findings.
    pub fn notes(&self) -> &[Finding] {
        &self.notes
    }

    /// The unresolved conflicts as `SYNC-CONF-001` errors, then the notes.
    pub fn findings(&self) -> Vec<Finding> {
        self.conflicts
            .iter()
            .zip(&self.resolved)
            .filter(|(_, r)| !**r)
            .map(|(c, _)| c.finding())
            .chain(self.notes.iter().cloned())
            .collect()
    }

    /// The merged record so far (conflicting fields at the ancestor's value).
    pub fn preview(&self) -> &SyncRecord {
        &self.merged
    }

    /// The merged record, once no conflict is unresolved.
    pub fn into_record(self) -> Result<SyncRecord, SyncError> {
        match self.unresolved() {
            0 => Ok(self.merged),
            count => Err(SyncError::Unresolved { count }),
        }
    }

    /// Resolves conflict `index` by taking `side`'s version; the resolution is
    /// a change in the history stamped `stamp` (e.g. `role:coordinator`).
    pub fn resolve(&mut self, index: usize, side: Side, stamp: &Stamp) -> Result<(), SyncError> {
        if self.is_resolved(index) {
            return Err(SyncError::NoSuchConflict { index });
        }
        let conflict = self
            .conflicts
            .get(index)
            .cloned()
            .ok_or(SyncError::NoSuchConflict { index })?;
        if stamp.form.period != self.merged.period {
            let (a, b) = self.merged.period.years();
            return Err(SyncError::FormOfOtherPeriod {
                form: stamp.form,
                period: format!("{a}-{b}"),
            });
        }
        let chosen = match side {
            Side::Local => &self.local,
            Side::Remote => &self.remote,
        };
        match conflict {
            Conflict::Field { field, .. } => {
                let value = chosen.value(field).map(str::to_string);
                self.merged.set(field, value, stamp);
            }
            Conflict::DeleteVsEdit { deleted_on, .. } => {
                if side == deleted_on {
                    self.merged.deleted = Some(stamp.clone());
                    self.merged.history.push(Change {
                        stamp: stamp.clone(),
                        field: DELETED,
                        old: None,
                        new: Some("yes".to_string()),
                    });
                }
            }
            Conflict::ExitVsReentry { .. } => {
                let chosen = chosen.clone();
                for name in EXIT_GROUP.iter().map(|c| c.name()).chain([REENTRY_DATE]) {
                    self.merged
                        .set(name, chosen.value(name).map(str::to_string), stamp);
                }
            }
        }
        if let Some(r) = self.resolved.get_mut(index) {
            *r = true;
        }
        Ok(())
    }
}

/// Merges `local` and `remote`, two versions of one record that share the
/// version `ancestor`; see the module `hanke::sync::merge`.
pub fn merge(
    ancestor: &SyncRecord,
    local: &SyncRecord,
    remote: &SyncRecord,
) -> Result<MergeOutcome, SyncError> {
    let same = |r: &SyncRecord| r.id == ancestor.id && r.period == ancestor.period;
    if !same(local) || !same(remote) {
        return Err(SyncError::DifferentRecords);
    }
    let mut merged = ancestor.clone();
    let mut conflicts = Vec::new();
    let mut notes = Vec::new();
    let changed = |side: &SyncRecord, name: &str| side.value(name) != ancestor.value(name);

    // Deletion against edits.
    let newly_deleted = |r: &SyncRecord| r.deleted.clone().filter(|_| ancestor.deleted.is_none());
    let edits = |r: &SyncRecord| -> Vec<&'static str> {
        names(ancestor, local, remote)
            .into_iter()
            .filter(|n| changed(r, n))
            .collect()
    };
    let one_side = match (newly_deleted(local), newly_deleted(remote)) {
        (Some(l), Some(r)) => {
            merged.deleted = Some(l.min(r));
            None
        }
        (Some(d), None) => Some((Side::Local, d)),
        (None, Some(d)) => Some((Side::Remote, d)),
        (None, None) => None,
    };
    if let Some((deleted_on, deletion)) = one_side {
        let (_, other) = sides(deleted_on, local, remote);
        let edited = edits(other);
        if edited.is_empty() {
            merged.deleted = Some(deletion);
        } else {
            conflicts.push(Conflict::DeleteVsEdit {
                deleted_on,
                deletion,
                edited,
            });
        }
    }

    // An exit on one side, a re-entry on the other: the period's rule.
    let mut handled: BTreeSet<&'static str> = BTreeSet::new();
    let exit_names: Vec<&'static str> = EXIT_GROUP.iter().map(|c| c.name()).collect();
    let reentry_on = [Side::Local, Side::Remote].into_iter().find(|s| {
        let (this, other) = sides(*s, local, remote);
        changed(this, REENTRY_DATE)
            && this.value(REENTRY_DATE).is_some()
            && !changed(other, REENTRY_DATE)
            && exit_names.iter().any(|n| changed(other, n))
            && other.value(Column::ExitDate.name()).is_some()
    });
    if let Some(s) = reentry_on {
        let (reentered, exited) = sides(s, local, remote);
        let day =
            |r: &SyncRecord, name: &str| r.value(name).and_then(|t| crate::day::parse_day(t).ok());
        let (Some(reentry), Some(exit)) = (
            day(reentered, REENTRY_DATE),
            day(exited, Column::ExitDate.name()),
        ) else {
            return Err(SyncError::Json(crate::Echo::new(
                "an exit or re-entry date that is not a date",
            )));
        };
        handled.extend(exit_names.iter().copied());
        handled.insert(REENTRY_DATE);
        let take = |merged: &mut SyncRecord, from: &SyncRecord, name: &'static str| match from
            .fields
            .get(name)
        {
            Some(state) => {
                merged.fields.insert(name, state.clone());
            }
            None => {
                merged.fields.remove(name);
            }
        };
        let (exit_side, reentry_side) = (s.other().code(), s.code());
        if exit == reentry {
            conflicts.push(Conflict::ExitVsReentry {
                exit_on: s.other(),
                exit_date: exit,
                reentry_date: reentry,
            });
        } else if exit < reentry {
            for n in &exit_names {
                take(&mut merged, reentered, n);
            }
            take(&mut merged, reentered, REENTRY_DATE);
            notes.push(Finding::new(
                &rules::SYNC_REENTRY_RULE_APPLIED,
                REENTRY_DATE,
                format!("the exit on {exit} ({exit_side}) precedes the re-entry on {reentry} ({reentry_side}): not the final exit; the person is in the project again (the exit stays in the history)"),
                format!("poistuminen {exit} ({exit_side}) on ennen uudelleen aloitusta {reentry} ({reentry_side}): se ei ole viimeinen poistuminen; henkilö on taas mukana (poistuminen jää historiaan)"),
                format!("avslutet {exit} ({exit_side}) föregår återinträdet {reentry} ({reentry_side}): inte det slutliga avslutet; personen deltar igen (avslutet finns kvar i historiken)"),
            ));
        } else {
            for n in &exit_names {
                take(&mut merged, exited, n);
            }
            take(&mut merged, reentered, REENTRY_DATE);
            notes.push(Finding::new(
                &rules::SYNC_REENTRY_RULE_APPLIED,
                Column::ExitDate.name(),
                format!("the exit on {exit} ({exit_side}) follows the re-entry on {reentry} ({reentry_side}): it is the final exit"),
                format!("poistuminen {exit} ({exit_side}) on uudelleen aloituksen {reentry} ({reentry_side}) jälkeen: se on viimeinen poistuminen"),
                format!("avslutet {exit} ({exit_side}) följer återinträdet {reentry} ({reentry_side}): det är det slutliga avslutet"),
            ));
        }
    }

    // Every other field, one by one.
    for name in names(ancestor, local, remote) {
        if handled.contains(name) {
            continue;
        }
        let (l, r) = (local.fields.get(name), remote.fields.get(name));
        let (lc, rc) = (changed(local, name), changed(remote, name));
        let state: Option<FieldState> = match (lc, rc) {
            (false, false) => ancestor.fields.get(name).cloned(),
            (true, false) => l.cloned(),
            (false, true) => r.cloned(),
            (true, true) if local.value(name) == remote.value(name) => {
                // The same edit on both sides: the later stamp, for symmetry.
                l.into_iter()
                    .chain(r)
                    .max_by(|a, b| a.changed.cmp(&b.changed))
                    .cloned()
            }
            (true, true) => {
                conflicts.push(Conflict::Field {
                    field: name,
                    ancestor: ancestor.value(name).map(str::to_string),
                    local: version(l),
                    remote: version(r),
                });
                ancestor.fields.get(name).cloned()
            }
        };
        match state {
            Some(s) => {
                merged.fields.insert(name, s);
            }
            None => {
                merged.fields.remove(name);
            }
        }
    }

    // Both histories, once each, in time order.
    let mut history: Vec<Change> = local
        .history
        .iter()
        .chain(&remote.history)
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    history.sort();
    merged.history = history;

    let resolved = vec![false; conflicts.len()];
    Ok(MergeOutcome {
        merged,
        conflicts,
        resolved,
        notes,
        local: local.clone(),
        remote: remote.clone(),
    })
}

fn version(state: Option<&FieldState>) -> Version {
    Version {
        value: state.and_then(|s| s.value.clone()),
        changed: state.map(|s| s.changed.clone()),
    }
}

fn sides<'a>(
    s: Side,
    local: &'a SyncRecord,
    remote: &'a SyncRecord,
) -> (&'a SyncRecord, &'a SyncRecord) {
    match s {
        Side::Local => (local, remote),
        Side::Remote => (remote, local),
    }
}

/// Every field name of the three versions, sorted.
fn names(a: &SyncRecord, l: &SyncRecord, r: &SyncRecord) -> BTreeSet<&'static str> {
    a.fields
        .keys()
        .chain(l.fields.keys())
        .chain(r.fields.keys())
        .copied()
        .collect()
}
