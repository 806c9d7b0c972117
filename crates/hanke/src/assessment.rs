//! Self-assessment before and after — *itsearviointi alussa ja lopussa*: a generic
//! instrument of scaled items grouped into areas (overall capacity and sub-areas,
//! as in work-ability self-assessments), answered at entry and at exit, with the
//! change per area for one person and summarised for a group.
//!
//! The instrument is data, not code: JSON with its areas, items and scale
//! (`examples/data/instruments/`). Means and changes are exact fractions, shown
//! with one decimal rounded half away from zero — never floats.
//!
//! ```
//! use hanke::assessment::{Instrument, Responses};
//! let instrument = Instrument::from_json_str(r#"{
//!   "id": "demo", "name": {"fi": "Demo", "sv": "Demo", "en": "Demo"}, "scale": {"min": 0, "max": 10},
//!   "areas": [{"id": "overall", "label": {"fi": "Kokonaisuus", "sv": "Helhet", "en": "Overall"},
//!              "items": [{"id": "capacity", "label": {"fi": "Voimavarat", "sv": "Resurser", "en": "Capacity"}}]}]
//! }"#)?;
//! let before = Responses::new("demo", [("capacity", 4)]);
//! let after = Responses::new("demo", [("capacity", 7)]);
//! let change = instrument.change(&before, &after)?;
//! assert_eq!(change[0].change.to_string(), "+3,0");
//! # Ok::<(), hanke::assessment::AssessmentError>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::disclosure::{Cell, SmallNumbers, Suppression};

/// A text in three languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// Finnish.
    pub fi: String,
    /// Swedish.
    pub sv: String,
    /// English.
    pub en: String,
}

/// The answer scale, inclusive — *asteikko*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// The lowest answer.
    pub min: u8,
    /// The highest answer.
    pub max: u8,
}

/// One scaled statement — *väittämä*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The id answers refer to.
    pub id: String,
    /// The statement.
    pub label: Labels,
}

/// An area of the instrument — *osa-alue*: items whose mean is the area's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// The id.
    pub id: String,
    /// The name.
    pub label: Labels,
    /// The items.
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub items: Vec<Item>,
}

/// A self-assessment instrument — *itsearviointimittari*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// The id responses name.
    pub id: String,
    /// The name.
    pub name: Labels,
    /// The answer scale.
    pub scale: Scale,
    /// The areas, in display order.
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub areas: Vec<Area>,
}

/// One person's answers at one time — *vastaukset*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Responses {
    /// The instrument's id.
    pub instrument: String,
    /// Item id → answer.
    pub answers: BTreeMap<String, u8>,
}

impl Responses {
    /// Answers to `instrument`.
    pub fn new<'a>(
        instrument: &str,
        answers: impl IntoIterator<Item = (&'a str, u8)>,
    ) -> Responses {
        Responses {
            instrument: instrument.to_string(),
            answers: answers
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        }
    }
}

/// What is wrong with an instrument or answers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AssessmentError {
    /// The instrument's JSON cannot be read.
    #[error("instrument: {0}")]
    Json(crate::Echo),
    /// The instrument is not usable (no areas, an empty area, repeated ids, a reversed scale).
    #[error("instrument: {0}")]
    Instrument(crate::Echo),
    /// Answers to another instrument.
    #[error("answers are to instrument {found:?}, not {expected:?}")]
    OtherInstrument {
        /// The instrument expected.
        expected: crate::Echo,
        /// The instrument named.
        found: crate::Echo,
    },
    /// An answer to an item the instrument does not have.
    #[error("item {0:?} is not in the instrument")]
    UnknownItem(crate::Echo),
    /// An answer outside the scale.
    #[error("item {item:?}: {value} is outside the scale {min}–{max}")]
    OutOfScale {
        /// The item.
        item: crate::Echo,
        /// The answer.
        value: u8,
        /// The scale's minimum.
        min: u8,
        /// The scale's maximum.
        max: u8,
    },
    /// An exact mean or change does not fit in 64-bit integers (an area with
    /// hundreds of millions of items, or a group mixing very many different
    /// item counts).
    #[error("area {0:?}: the exact change is too large to hold")]
    Overflow(crate::Echo),
}

error_codes! {
    AssessmentError {
        AssessmentError::Json(_) => "assessment.json": "The instrument's JSON cannot be read.",
        AssessmentError::Instrument(_) => "assessment.instrument": "The instrument is not usable (no areas, an empty area, repeated ids, a reversed scale).",
        AssessmentError::OtherInstrument { .. } => "assessment.other_instrument": "Answers to another instrument.",
        AssessmentError::UnknownItem(_) => "assessment.unknown_item": "An answer to an item the instrument does not have.",
        AssessmentError::OutOfScale { .. } => "assessment.out_of_scale": "An answer outside the scale.",
        AssessmentError::Overflow(_) => "assessment.overflow": "An exact mean or change is too large to hold in 64-bit integers.",
    }
}

/// An exact mean `sum / n` of answers — *keskiarvo*; `n = 0` when no item was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mean {
    /// The sum of answers.
    pub sum: i64,
    /// The number of answers.
    pub n: i64,
}

/// A difference of two means — *muutos*, exact: `after − before`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Numerator of the difference.
    pub num: i64,
    /// Denominator of the difference (positive; 0 when either mean is empty).
    pub den: i64,
}

/// One decimal, half away from zero, Finnish comma; `sign` prints `+` for positives.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "i128 of i64 operands: 20 × i64::MAX + i64::MAX fits; den ≠ 0 is checked"
)]
fn one_decimal(f: &mut fmt::Formatter<'_>, num: i64, den: i64, sign: bool) -> fmt::Result {
    if den == 0 {
        return f.write_str("–");
    }
    let scaled = i128::from(num) * 10;
    let den = i128::from(den);
    let tenths = (scaled.abs() * 2 + den) / (den * 2) * scaled.signum();
    let prefix = if tenths < 0 {
        "-"
    } else if sign && tenths > 0 {
        "+"
    } else {
        ""
    };
    write!(f, "{prefix}{},{}", tenths.abs() / 10, tenths.abs() % 10)
}

impl fmt::Display for Mean {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        one_decimal(f, self.sum, self.n, false)
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        one_decimal(f, self.num, self.den, true)
    }
}

impl Change {
    /// `after − before`, reduced; `None` when it does not fit in i64.
    fn between(before: Mean, after: Mean) -> Option<Change> {
        if before.n == 0 || after.n == 0 {
            return Some(Change { num: 0, den: 0 });
        }
        let wide = |a: i64, b: i64| i128::from(a).checked_mul(i128::from(b));
        let num = wide(after.sum, before.n)?.checked_sub(wide(before.sum, after.n)?)?;
        let (num, den) = reduce(num, wide(after.n, before.n)?)?;
        Some(Change {
            num: i64::try_from(num).ok()?,
            den: i64::try_from(den).ok()?,
        })
    }

    /// The sign of the change: `Some(1)` improved, `Some(0)` same, `Some(-1)`
    /// worse; `None` when it cannot be computed.
    pub fn direction(self) -> Option<i8> {
        (self.den != 0).then(|| self.num.signum() as i8)
    }
}

/// One area's change for one person — *osa-alueen muutos*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AreaChange {
    /// The area id.
    pub area: String,
    /// The mean at entry.
    pub before: Mean,
    /// The mean at exit.
    pub after: Mean,
    /// After − before.
    pub change: Change,
}

/// One area's change over a group — *ryhmän muutos*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct GroupAreaChange {
    /// The area id.
    pub area: String,
    /// People with answers in the area both times.
    pub people: u64,
    /// Of them, improved.
    pub improved: u64,
    /// Of them, the same.
    pub same: u64,
    /// Of them, worse.
    pub worse: u64,
    /// The mean of the people's changes, exact.
    pub mean_change: Change,
}

/// One area's change over a group, ready to publish — *julkaistava ryhmän
/// muutos*. Kykyviisari practice does not report a sub-group of fewer than 10
/// respondents (`PUB-SMALL-001`, [`crate::disclosure`]): such a group's
/// counts and mean change are all hidden. A group that is shown is shown
/// whole — who improved, stayed or got worse is an answer's direction, not a
/// sub-group of respondents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PublishedAreaChange {
    /// The area id.
    pub area: String,
    /// People with answers in the area both times.
    pub people: Cell,
    /// Of them, improved.
    pub improved: Cell,
    /// Of them, the same.
    pub same: Cell,
    /// Of them, worse.
    pub worse: Cell,
    /// The mean of the people's changes; `None` when the group is hidden.
    pub mean_change: Option<Change>,
}

impl GroupAreaChange {
    /// This group's change under `policy`: the whole group hidden when it has
    /// fewer respondents than the threshold.
    ///
    /// ```
    /// use hanke::assessment::GroupAreaChange;
    /// use hanke::disclosure::{Cell, SmallNumbers};
    /// # fn group(people: u64) -> GroupAreaChange {
    /// #     let i = hanke::assessment::Instrument::from_json_str(r#"{
    /// #       "id": "demo", "name": {"fi": "Demo", "sv": "Demo", "en": "Demo"}, "scale": {"min": 0, "max": 10},
    /// #       "areas": [{"id": "overall", "label": {"fi": "K", "sv": "H", "en": "O"},
    /// #                  "items": [{"id": "capacity", "label": {"fi": "V", "sv": "R", "en": "C"}}]}]}"#).unwrap();
    /// #     let r = |v: u8| hanke::assessment::Responses::new("demo", [("capacity", v)]);
    /// #     let pairs: Vec<_> = (0..people).map(|_| (r(4), r(6))).collect();
    /// #     i.group_change(&pairs).unwrap().remove(0)
    /// # }
    /// let nine = group(9).for_publication(SmallNumbers::default());
    /// assert!(nine.people.is_suppressed() && nine.mean_change.is_none());
    /// let ten = group(10).for_publication(SmallNumbers::default());
    /// assert_eq!((ten.people, ten.improved), (Cell::Shown(10), Cell::Shown(10)));
    /// assert_eq!(ten.mean_change.unwrap().to_string(), "+2,0");
    /// ```
    pub fn for_publication(&self, policy: SmallNumbers) -> PublishedAreaChange {
        let hidden = policy.is_small(self.people);
        let cell = |n: u64| {
            if hidden {
                Cell::Suppressed(Suppression::SmallGroup)
            } else {
                Cell::Shown(n)
            }
        };
        PublishedAreaChange {
            area: self.area.clone(),
            people: cell(self.people),
            improved: cell(self.improved),
            same: cell(self.same),
            worse: cell(self.worse),
            mean_change: (!hidden).then_some(self.mean_change),
        }
    }
}

impl Instrument {
    /// Reads an instrument from JSON and checks it is usable.
    pub fn from_json_str(text: &str) -> Result<Instrument, AssessmentError> {
        let text = crate::json::without_bom(text);
        crate::json::check_duplicate_keys(text)
            .map_err(|e| AssessmentError::Json(crate::error_code::json_message(&e)))?;
        let de = &mut serde_json::Deserializer::from_str(text);
        let i: Instrument = serde_path_to_error::deserialize(&mut *de)
            .map_err(|e| AssessmentError::Json(crate::error_code::json_message(&e)))?;
        // Nothing after the value.
        de.end()
            .map_err(|e| AssessmentError::Json(crate::Echo::message(&e.to_string())))?;
        i.check()?;
        Ok(i)
    }

    fn check(&self) -> Result<(), AssessmentError> {
        let bad = |m: String| Err(AssessmentError::Instrument(m.into()));
        if self.scale.min >= self.scale.max {
            return bad(format!(
                "scale {}–{} is not a scale",
                self.scale.min, self.scale.max
            ));
        }
        if self.areas.is_empty() {
            return bad("no areas".to_string());
        }
        let mut ids: Vec<&str> = Vec::new();
        for a in &self.areas {
            if a.items.is_empty() {
                return bad(format!("area {:?} has no items", a.id));
            }
            for id in std::iter::once(&a.id).chain(a.items.iter().map(|i| &i.id)) {
                if ids.contains(&id.as_str()) {
                    return bad(format!("id {id:?} is used twice"));
                }
                ids.push(id);
            }
        }
        Ok(())
    }

    /// Checks answers: the right instrument, known items, values on the scale.
    pub fn check_responses(&self, r: &Responses) -> Result<(), AssessmentError> {
        if r.instrument != self.id {
            return Err(AssessmentError::OtherInstrument {
                expected: (&self.id).into(),
                found: (&r.instrument).into(),
            });
        }
        for (item, value) in &r.answers {
            if !self
                .areas
                .iter()
                .any(|a| a.items.iter().any(|i| &i.id == item))
            {
                return Err(AssessmentError::UnknownItem(item.into()));
            }
            if *value < self.scale.min || *value > self.scale.max {
                return Err(AssessmentError::OutOfScale {
                    item: item.into(),
                    value: *value,
                    min: self.scale.min,
                    max: self.scale.max,
                });
            }
        }
        Ok(())
    }

    /// Each area's mean of the answered items.
    pub fn scores(&self, r: &Responses) -> Result<Vec<(String, Mean)>, AssessmentError> {
        self.check_responses(r)?;
        Ok(self
            .areas
            .iter()
            .map(|a| {
                let values: Vec<i64> = a
                    .items
                    .iter()
                    .filter_map(|i| r.answers.get(&i.id).map(|v| i64::from(*v)))
                    .collect();
                let mean = Mean {
                    sum: values.iter().sum(),
                    n: values.len() as i64,
                };
                (a.id.clone(), mean)
            })
            .collect())
    }

    /// One person's change per area from entry to exit.
    pub fn change(
        &self,
        before: &Responses,
        after: &Responses,
    ) -> Result<Vec<AreaChange>, AssessmentError> {
        let b = self.scores(before)?;
        let a = self.scores(after)?;
        b.into_iter()
            .zip(a)
            .map(
                |((area, before), (_, after))| match Change::between(before, after) {
                    Some(change) => Ok(AreaChange {
                        area,
                        before,
                        after,
                        change,
                    }),
                    None => Err(AssessmentError::Overflow(area.into())),
                },
            )
            .collect()
    }

    /// The changes of a group, per area: how many improved, stayed, got worse,
    /// and the exact mean change (people without answers in an area both times
    /// are left out of that area).
    pub fn group_change(
        &self,
        pairs: &[(Responses, Responses)],
    ) -> Result<Vec<GroupAreaChange>, AssessmentError> {
        let mut out: Vec<GroupAreaChange> = self
            .areas
            .iter()
            .map(|a| GroupAreaChange {
                area: a.id.clone(),
                people: 0,
                improved: 0,
                same: 0,
                worse: 0,
                mean_change: Change { num: 0, den: 0 },
            })
            .collect();
        // Sum of fractions kept exact over a common denominator.
        let mut sums: Vec<(i128, i128)> = vec![(0, 1); out.len()];
        for (before, after) in pairs {
            for ((g, sum), c) in out
                .iter_mut()
                .zip(sums.iter_mut())
                .zip(self.change(before, after)?)
            {
                let Some(d) = c.change.direction() else {
                    continue;
                };
                g.people = g.people.saturating_add(1);
                let tally = match d {
                    1 => &mut g.improved,
                    0 => &mut g.same,
                    _ => &mut g.worse,
                };
                *tally = tally.saturating_add(1);
                // sum + n/m = (sum.0·m + n·sum.1) / (sum.1·m), reduced; the
                // common denominator grows with every different item count.
                let (n, m) = (i128::from(c.change.num), i128::from(c.change.den));
                let next = sum
                    .0
                    .checked_mul(m)
                    .zip(n.checked_mul(sum.1))
                    .and_then(|(a, b)| a.checked_add(b))
                    .zip(sum.1.checked_mul(m))
                    .and_then(|(num, den)| reduce(num, den));
                *sum = next.ok_or_else(|| AssessmentError::Overflow((&g.area).into()))?;
            }
        }
        for (g, (num, den)) in out.iter_mut().zip(sums) {
            if g.people > 0 {
                let mean = den
                    .checked_mul(i128::from(g.people))
                    .and_then(|den| reduce(num, den))
                    .and_then(|(n, d)| Some((i64::try_from(n).ok()?, i64::try_from(d).ok()?)))
                    .ok_or_else(|| AssessmentError::Overflow((&g.area).into()))?;
                g.mean_change = Change {
                    num: mean.0,
                    den: mean.1,
                };
            }
        }
        Ok(out)
    }
}

/// `num / den` in lowest terms (den > 0 stays > 0); `None` only for
/// `i128::MIN`, whose magnitude has no i128.
fn reduce(num: i128, den: i128) -> Option<(i128, i128)> {
    let (mut a, mut b) = (num.unsigned_abs(), den.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a.checked_rem(b)?);
    }
    let g = i128::try_from(a.max(1)).ok()?;
    Some((num.checked_div(g)?, den.checked_div(g)?))
}
