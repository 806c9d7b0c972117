//! One pass over participant records: the whole common-indicator set of a
//! catalogue, by gender, at a cut-off — *indikaattorien laskenta*.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::participant::{Answer, Gender, LabourStatus, Participant, ResultCategories, age_on};
use crate::rulebook::ParticipantRules;
use crate::rulebook::{Catalogue, Indicator, Measure};

/// Counts by gender — *sukupuolittain*. `unknown` holds records whose gender is
/// missing or outside the period's categories; only the grand total and the
/// incomplete count can have any, because a complete record has a valid gender.
///
/// ```
/// use hanke::indicator::Tally;
/// use hanke::participant::Gender;
/// let mut t = Tally::default();
/// t.add(Some(Gender::Woman));
/// t.add(None);
/// assert_eq!((t.women, t.unknown, t.total()), (1, 1, 2));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Tally {
    /// Women — *naiset*.
    pub women: u64,
    /// Men — *miehet*.
    pub men: u64,
    /// Non-binary persons (ESF+ only) — *muunsukupuoliset*.
    pub non_binary: u64,
    /// Gender missing or not a category of the period — *tuntematon*.
    pub unknown: u64,
}

impl Tally {
    /// Counts one person.
    pub fn add(&mut self, gender: Option<Gender>) {
        let slot = match gender {
            Some(Gender::Woman) => &mut self.women,
            Some(Gender::Man) => &mut self.men,
            Some(Gender::NonBinary) => &mut self.non_binary,
            None => &mut self.unknown,
        };
        *slot = slot.saturating_add(1);
    }

    /// Adds another tally (the merge of two parts).
    pub fn merge(&mut self, other: &Tally) {
        self.women = self.women.saturating_add(other.women);
        self.men = self.men.saturating_add(other.men);
        self.non_binary = self.non_binary.saturating_add(other.non_binary);
        self.unknown = self.unknown.saturating_add(other.unknown);
    }

    /// The count of one gender.
    pub fn get(&self, gender: Gender) -> u64 {
        match gender {
            Gender::Woman => self.women,
            Gender::Man => self.men,
            Gender::NonBinary => self.non_binary,
        }
    }

    /// Everyone counted.
    pub fn total(&self) -> u64 {
        self.women
            .saturating_add(self.men)
            .saturating_add(self.non_binary)
            .saturating_add(self.unknown)
    }
}

/// Why two computations cannot be merged, or a computation cannot start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IndicatorError {
    /// The catalogue is of another programme period than the participant rules.
    #[error("the {catalogue} indicators cannot be computed with the {rules} participant rules")]
    PeriodMismatch {
        /// The catalogue's code.
        catalogue: &'static str,
        /// The rules' period.
        rules: crate::Echo,
    },
    /// The parts were computed with different catalogues, rules or cut-offs.
    #[error("indicator results computed with different {what} cannot be merged")]
    MergeMismatch {
        /// What differs: `catalogue`, `rules` or `cut-off`.
        what: &'static str,
    },
    /// The JSON form of a computation could not be read (or written); the
    /// message names the field path.
    #[error("indicator results in JSON: {0}")]
    Json(crate::Echo),
    /// The code names no indicator of the catalogue that is computed from
    /// participant records, so there is nothing to explain.
    #[error("{0} is not an indicator of the catalogue computed from participant records")]
    NotExplained(crate::Echo),
}

error_codes! {
    IndicatorError {
        IndicatorError::PeriodMismatch { .. } => "indicator.period_mismatch": "The catalogue is of another programme period than the participant rules.",
        IndicatorError::MergeMismatch { .. } => "indicator.merge_mismatch": "The parts were computed with different catalogues, rules or cut-offs.",
        IndicatorError::Json(_) => "indicator.json": "The JSON form of a computation could not be read (or written); the message names the field path.",
        IndicatorError::NotExplained(_) => "indicator.not_explained": "The code names no indicator of the catalogue computed from participant records.",
    }
}

/// The common indicators of a set of participants at a cut-off —
/// *yhteiset indikaattorit*: an accumulator that takes records one at a time and
/// merges with other parts, so that projects roll up into specific objectives,
/// priorities and programmes and a data set can be split across threads.
///
/// Counting rules (RULES.md §1.1, §1.6, §2.3, §2.4):
/// - A record counts if it entered on or before the cut-off; later ones are
///   counted in [`Self::not_yet_entered`] only.
/// - Every counted record is in the grand total (*kaikki osallistujat*).
/// - Under Annex I of either period an incomplete record counts nowhere else
///   ([`Self::incomplete`]); in 2014–2020 it stays in the grand total, in
///   2021–2027 its data are not transmitted.
/// - Immediate results need an exit on or before the cut-off; the situation that
///   counts is the last one known by the cut-off within the reference period.
/// - Longer-term results need an exit and a follow-up on or before the cut-off.
///
/// ```
/// use chrono::NaiveDate;
/// use hanke::indicator::{Catalogue, CommonIndicators};
/// use hanke::participant::{Participant, Gender, LabourStatus};
/// use hanke::classify::EducationLevel;
/// use hanke::rulebook::Rulebook;
/// use hanke::programme::ProgrammePeriod;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
/// let mut p = Participant::new("P1".parse()?, d(2024, 2, 1));
/// p.entry.birth_date = Some(d(2000, 5, 5));
/// p.entry.gender = Some(Gender::NonBinary);
/// p.entry.labour_status = Some(LabourStatus::Inactive { in_education_or_training: false });
/// p.entry.education = Some(EducationLevel::from_code(3).unwrap());
///
/// let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules, Some(d(2024, 6, 30)))?;
/// ind.add(&p);
/// assert_eq!(ind.get("EECO04").unwrap().non_binary, 1);
/// assert_eq!(ind.get("EECO07").unwrap().total(), 1); // 23 at entry
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommonIndicators {
    pub(super) catalogue: Catalogue,
    pub(super) rules: ParticipantRules,
    pub(super) cut_off: Option<NaiveDate>,
    pub(super) grand_total: Tally,
    pub(super) incomplete: Tally,
    pub(super) not_yet_entered: u64,
    pub(super) counts: Vec<Tally>,
}

/// What the rules say about one record, computed once per record.
pub(super) struct Facts {
    pub(super) age: Option<u32>,
    pub(super) unemployed: bool,
    pub(super) inactive: bool,
    pub(super) inactive_not_in_education: bool,
    pub(super) employed: bool,
    pub(super) ltu: bool,
    pub(super) isced: Option<u8>,
    /// The result upon leaving; no category for those who had not left by the cut-off.
    pub(super) upon_leaving: ResultCategories,
    pub(super) follow_up_employed: bool,
    pub(super) improved: bool,
    pub(super) disadvantaged: bool,
}

impl CommonIndicators {
    /// An empty computation of `catalogue` under `rules`, cumulative to `cut_off`
    /// (`None`: everything recorded).
    pub fn new(
        catalogue: Catalogue,
        rules: &ParticipantRules,
        cut_off: Option<NaiveDate>,
    ) -> Result<CommonIndicators, IndicatorError> {
        if catalogue.period() != rules.period {
            return Err(IndicatorError::PeriodMismatch {
                catalogue: catalogue.code(),
                rules: rules.period.to_string().into(),
            });
        }
        Ok(CommonIndicators {
            catalogue,
            rules: *rules,
            cut_off,
            grand_total: Tally::default(),
            incomplete: Tally::default(),
            not_yet_entered: 0,
            counts: vec![Tally::default(); catalogue.indicators().len()],
        })
    }

    /// Computes over `participants` in one pass ([`Self::add_records`]).
    pub fn compute<'a>(
        catalogue: Catalogue,
        rules: &ParticipantRules,
        cut_off: Option<NaiveDate>,
        participants: impl IntoIterator<Item = &'a Participant>,
    ) -> Result<CommonIndicators, IndicatorError> {
        let mut out = CommonIndicators::new(catalogue, rules, cut_off)?;
        out.add_records(participants);
        Ok(out)
    }

    /// Counts records — what [`Self::add`] counts for each — through the
    /// column kernel: records are laid out as columns a few thousand at a
    /// time and counted 64 rows at once (issue 29: the record-by-record path
    /// ran at 4.6 M rows/s, twelve times slower than the columns). A chunk
    /// the columns cannot hold (one with a record with later exit events), or
    /// that the kernel refuses, is counted record by record instead, so the result
    /// is always [`Self::add`]'s (the property test `arbitrary_records_agree`
    /// checks the two paths on arbitrary records).
    pub fn add_records<'a>(&mut self, participants: impl IntoIterator<Item = &'a Participant>) {
        /// Records laid out at a time: the columns of a chunk stay in cache.
        const CHUNK: usize = 4_096;
        let mut chunk: Vec<&Participant> = Vec::with_capacity(CHUNK);
        let mut table = crate::participant::columns::ParticipantTable::new();
        for p in participants {
            chunk.push(p);
            if chunk.len() == CHUNK {
                self.add_chunk(&chunk, &mut table);
                chunk.clear();
            }
        }
        self.add_chunk(&chunk, &mut table);
    }

    /// One chunk through the columns (`table`'s buffers reused), or record by
    /// record where the columns cannot hold it.
    fn add_chunk(
        &mut self,
        chunk: &[&Participant],
        table: &mut crate::participant::columns::ParticipantTable,
    ) {
        if chunk.is_empty() {
            return;
        }
        table.clear();
        if table.extend_records(chunk).is_ok() && self.add_columns(&table.columns()).is_ok() {
            return;
        }
        for p in chunk {
            self.add(p);
        }
    }

    /// Counts one record.
    pub fn add(&mut self, p: &Participant) {
        let cut_off = self.cut_off.unwrap_or(NaiveDate::MAX);
        if p.entry.date > cut_off {
            self.not_yet_entered = self.not_yet_entered.saturating_add(1);
            return;
        }
        let gender = p.entry.gender.filter(|g| self.rules.accepts_gender(*g));
        self.grand_total.add(gender);
        if self.catalogue.requires_complete_records() && !self.rules.is_complete_at(p, self.cut_off)
        {
            self.incomplete.add(gender);
            return;
        }
        let facts = self.facts(p, cut_off);
        for (indicator, tally) in self.catalogue.indicators().iter().zip(&mut self.counts) {
            if holds(indicator.measure, p, &facts) {
                tally.add(gender);
            }
        }
    }

    pub(super) fn facts(&self, p: &Participant, cut_off: NaiveDate) -> Facts {
        let e = &p.entry;
        let age = e.birth_date.and_then(|b| age_on(b, e.date));
        let left = p.exit.as_ref().filter(|x| x.date <= cut_off);
        let upon_leaving = left.map_or(ResultCategories::NONE, |x| {
            self.rules
                .result_upon_leaving_known_by(x, cut_off)
                .categories
        });
        let status = e.labour_status;
        let employed = status.is_some_and(LabourStatus::is_employed);
        // Longer-term results count a follow-up known by the cut-off and dated
        // about six months after the exit (PART-FOLLOW-002 says why not).
        let follow_up = p.follow_up.as_ref().filter(|f| {
            f.date <= cut_off && left.is_some_and(|x| self.rules.follow_up_counts(x.date, f.date))
        });
        Facts {
            age,
            unemployed: matches!(status, Some(LabourStatus::Unemployed { .. })),
            inactive: matches!(status, Some(LabourStatus::Inactive { .. })),
            inactive_not_in_education: matches!(
                status,
                Some(LabourStatus::Inactive {
                    in_education_or_training: false
                })
            ),
            employed,
            ltu: self.rules.long_term_unemployed_at(p, age) == Some(true),
            isced: e
                .education
                .and_then(crate::classify::EducationLevel::isced_2011),
            upon_leaving,
            follow_up_employed: follow_up.is_some_and(|f| f.employed == Some(true)),
            improved: employed && follow_up.is_some_and(|f| f.improvement.is_some()),
            disadvantaged: e.disadvantages.any_yes(),
        }
    }

    /// Adds the counts of another part computed with the same catalogue, rules
    /// and cut-off. Merging is associative and commutative, and merging the parts
    /// of a data set gives exactly the result over the whole.
    pub fn merge(&mut self, other: &CommonIndicators) -> Result<(), IndicatorError> {
        let what = if self.catalogue != other.catalogue {
            Some("catalogues")
        } else if self.rules != other.rules {
            Some("participant rules")
        } else if self.cut_off != other.cut_off {
            Some("cut-off dates")
        } else {
            None
        };
        if let Some(what) = what {
            return Err(IndicatorError::MergeMismatch { what });
        }
        self.absorb(other);
        Ok(())
    }

    /// An empty computation with the same catalogue, rules and cut-off.
    pub(super) fn empty_like(&self) -> CommonIndicators {
        CommonIndicators {
            grand_total: Tally::default(),
            incomplete: Tally::default(),
            not_yet_entered: 0,
            counts: vec![Tally::default(); self.counts.len()],
            ..*self
        }
    }

    /// Adds the counts of a part known to share catalogue, rules and cut-off.
    pub(super) fn absorb(&mut self, other: &CommonIndicators) {
        self.grand_total.merge(&other.grand_total);
        self.incomplete.merge(&other.incomplete);
        self.not_yet_entered = self.not_yet_entered.saturating_add(other.not_yet_entered);
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            a.merge(b);
        }
    }

    /// The catalogue computed.
    pub fn catalogue(&self) -> Catalogue {
        self.catalogue
    }

    /// The participant rules used.
    pub fn rules(&self) -> &ParticipantRules {
        &self.rules
    }

    /// The cut-off (`None`: everything recorded).
    pub fn cut_off(&self) -> Option<NaiveDate> {
        self.cut_off
    }

    /// Everyone who had entered by the cut-off, complete or not — *osallistujien
    /// kokonaismäärä* ("grand total of participants", SFC 2014 FAQ).
    pub fn grand_total(&self) -> Tally {
        self.grand_total
    }

    /// Records left out of the indicators as incomplete.
    pub fn incomplete(&self) -> Tally {
        self.incomplete
    }

    /// Records that entered after the cut-off (not counted anywhere else).
    pub fn not_yet_entered(&self) -> u64 {
        self.not_yet_entered
    }

    /// The count of the indicator with `code`; `None` for an unknown code or an
    /// indicator hanke does not compute from participants (entities, rural).
    pub fn get(&self, code: &str) -> Option<Tally> {
        self.values()
            .find(|v| v.indicator.code == code)
            .and_then(|v| v.value)
    }

    /// Every indicator of the catalogue with its value.
    pub fn values(&self) -> impl Iterator<Item = IndicatorValue> + '_ {
        self.catalogue
            .indicators()
            .iter()
            .zip(&self.counts)
            .map(|(indicator, tally)| IndicatorValue {
                indicator,
                value: (indicator.is_computed_from_participants()
                    && self.rules.applies(indicator.code))
                .then_some(*tally),
            })
    }

    /// The computation as JSON (the [`Serialize`] form): catalogue, definition of
    /// long-term unemployment, cut-off, totals and every indicator's counts.
    /// Partial results travel this way between processes (a worker of a
    /// distributed engine, a pickled Python object) and merge on arrival.
    pub fn to_json_string(&self) -> Result<String, IndicatorError> {
        serde_json::to_string(self).map_err(|e| IndicatorError::Json(e.to_string().into()))
    }

    /// Reads [`Self::to_json_string`]'s form back, checking it against the
    /// catalogue: every indicator exactly once (in any order), counts only for
    /// indicators computed from participants, a definition of long-term
    /// unemployment the period allows. Errors name the field path.
    ///
    /// ```
    /// use hanke::indicator::{Catalogue, CommonIndicators};
    /// use hanke::rulebook::Rulebook;
    /// use hanke::programme::ProgrammePeriod;
    /// let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
    /// let part = CommonIndicators::new(Catalogue::EsfPlus, rules, None)?;
    /// let text = part.to_json_string()?;
    /// assert_eq!(CommonIndicators::from_json_str(&text)?, part);
    /// let err = CommonIndicators::from_json_str(&text.replace("EECO01", "XX01")).unwrap_err();
    /// assert_eq!(err.code(), "indicator.json");
    /// # Ok::<(), hanke::indicator::IndicatorError>(())
    /// ```
    pub fn from_json_str(text: &str) -> Result<CommonIndicators, IndicatorError> {
        let text = crate::json::without_bom(text);
        crate::json::check_duplicate_keys(text)
            .map_err(|e| IndicatorError::Json(crate::error_code::json_message(&e)))?;
        let de = &mut serde_json::Deserializer::from_str(text);
        let value = serde_path_to_error::deserialize(&mut *de)
            .map_err(|e| IndicatorError::Json(crate::error_code::json_message(&e)))?;
        // Nothing after the value.
        de.end()
            .map_err(|e| IndicatorError::Json(crate::Echo::message(&e.to_string())))?;
        Ok(value)
    }
}

/// One indicator and its value — *indikaattorin arvo*. `value` is `None` where
/// hanke does not compute the indicator from participant records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct IndicatorValue {
    /// The indicator.
    pub indicator: &'static Indicator,
    /// The counts by gender.
    pub value: Option<Tally>,
}

pub(super) fn holds(measure: Measure, p: &Participant, f: &Facts) -> bool {
    let d = &p.entry.disadvantages;
    let yes = |a: Option<Answer>| a == Some(Answer::Yes);
    let household = p.entry.household;
    let r = f.upon_leaving;
    match measure {
        Measure::Total => true,
        Measure::Unemployed => f.unemployed,
        Measure::LongTermUnemployed => f.ltu,
        Measure::Inactive => f.inactive,
        Measure::InactiveNotInEducation => f.inactive_not_in_education,
        Measure::Employed => f.employed,
        Measure::AgeBelow(n) => f.age.is_some_and(|a| a < u32::from(n)),
        Measure::AgeFrom(n) => f.age.is_some_and(|a| a >= u32::from(n)),
        Measure::AgeBetween(lo, hi) => f
            .age
            .is_some_and(|a| (u32::from(lo)..=u32::from(hi)).contains(&a)),
        Measure::OlderUnemployedOrInactiveNotInEducation(n) => {
            f.age.is_some_and(|a| a >= u32::from(n))
                && (f.unemployed || f.inactive_not_in_education)
        }
        Measure::Isced(lo, hi) => f.isced.is_some_and(|i| (lo..=hi).contains(&i)),
        Measure::JoblessHousehold => household.is_some_and(|h| h.jobless),
        Measure::JoblessHouseholdWithChildren => {
            household.is_some_and(|h| h.jobless && h.dependent_children)
        }
        Measure::SingleAdultWithChildren => {
            household.is_some_and(|h| h.single_adult && h.dependent_children)
        }
        Measure::MigrantForeignBackgroundMinority => {
            yes(d.foreign_background) || yes(d.third_country_national) || yes(d.minority)
        }
        Measure::ForeignBackgroundOrMinority => yes(d.foreign_background) || yes(d.minority),
        Measure::Disability => yes(d.disability),
        Measure::ThirdCountryNational => yes(d.third_country_national),
        Measure::ForeignBackground => yes(d.foreign_background),
        Measure::Minority => yes(d.minority),
        Measure::Homeless => yes(d.homeless),
        Measure::OtherDisadvantaged => yes(d.other_disadvantaged),
        Measure::Rural | Measure::Entity => false,
        Measure::JobSearchingUponLeaving {
            inactive_at_entry_only,
        } => r.job_searching && (!inactive_at_entry_only || f.inactive),
        Measure::EducationUponLeaving => r.education_or_training,
        Measure::QualificationUponLeaving => r.qualification,
        Measure::EmploymentUponLeaving => r.employment,
        Measure::DisadvantagedPositiveUponLeaving => f.disadvantaged && r.any(),
        Measure::EmployedSixMonths => f.follow_up_employed,
        Measure::ImprovedSixMonths => f.improved,
        Measure::OlderEmployedSixMonths(n) => {
            f.age.is_some_and(|a| a >= u32::from(n)) && f.follow_up_employed
        }
        Measure::DisadvantagedEmployedSixMonths => f.disadvantaged && f.follow_up_employed,
    }
}

/// The JSON form of a computation: indicators as `V` — each with its whole
/// definition when written, only its code and value when read back.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Repr<V> {
    catalogue: Catalogue,
    long_term_unemployment: crate::participant::LtuDefinition,
    /// Rules of an ESF+ operation under specific objective (l).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    objective_l: bool,
    cut_off: Option<NaiveDate>,
    grand_total: Tally,
    incomplete: Tally,
    not_yet_entered: u64,
    indicators: Vec<V>,
}

impl Serialize for CommonIndicators {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Repr {
            catalogue: self.catalogue,
            long_term_unemployment: self.rules.ltu,
            objective_l: self.rules.objective_l,
            cut_off: self.cut_off,
            grand_total: self.grand_total,
            incomplete: self.incomplete,
            not_yet_entered: self.not_yet_entered,
            indicators: self.values().collect::<Vec<IndicatorValue>>(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for CommonIndicators {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        #[derive(Deserialize)]
        struct ValueRepr {
            indicator: CodeRepr,
            value: Option<Tally>,
        }
        /// Only the code identifies an indicator; its names and definition are the
        /// catalogue's, not the file's.
        #[derive(Deserialize)]
        struct CodeRepr {
            code: String,
        }

        let r = Repr::<ValueRepr>::deserialize(deserializer)?;
        let rules = crate::rulebook::Rulebook::for_period(r.catalogue.period())
            .and_then(|b| b.participants())
            .and_then(|rules| rules.with_ltu(r.long_term_unemployment))
            .and_then(|rules| {
                if r.objective_l {
                    rules.for_objective("l").ok()
                } else {
                    Some(rules)
                }
            })
            .ok_or_else(|| {
                D::Error::custom(format!(
                    "the {} catalogue's period does not allow {:?} long-term unemployment",
                    r.catalogue.code(),
                    r.long_term_unemployment
                ))
            })?;
        let mut out =
            CommonIndicators::new(r.catalogue, &rules, r.cut_off).map_err(D::Error::custom)?;
        if r.incomplete.total() > r.grand_total.total() {
            return Err(D::Error::custom(
                "more incomplete records than records in the grand total",
            ));
        }
        out.grand_total = r.grand_total;
        out.incomplete = r.incomplete;
        out.not_yet_entered = r.not_yet_entered;
        let indicators = r.catalogue.indicators();
        // One slot per catalogue indicator: filled at most once, all by the end.
        let mut slots: Vec<(&Indicator, &mut Tally, bool)> = indicators
            .iter()
            .zip(out.counts.iter_mut())
            .map(|(ind, tally)| (ind, tally, false))
            .collect();
        for v in r.indicators {
            let code = v.indicator.code;
            let Some((ind, tally, seen)) = slots.iter_mut().find(|(ind, ..)| ind.code == code)
            else {
                return Err(D::Error::custom(format!(
                    "{code} is not an indicator of the {} catalogue",
                    r.catalogue.code()
                )));
            };
            if std::mem::replace(seen, true) {
                return Err(D::Error::custom(format!("{code} appears twice")));
            }
            match (
                ind.is_computed_from_participants() && out.rules.applies(ind.code),
                v.value,
            ) {
                (true, Some(t)) => **tally = t,
                (false, None) => {}
                (true, None) => {
                    return Err(D::Error::custom(format!("{code} has no value")));
                }
                (false, Some(_)) => {
                    return Err(D::Error::custom(format!(
                        "{code} is not computed from participant records, or does not apply, and cannot have a value"
                    )));
                }
            }
        }
        if let Some((ind, ..)) = slots.iter().find(|(.., seen)| !seen) {
            return Err(D::Error::custom(format!("{} is missing", ind.code)));
        }
        Ok(out)
    }
}
