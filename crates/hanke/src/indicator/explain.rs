//! How a reported indicator value arose — *luvun selitys*: the rule version
//! (period, catalogue, the indicator's definition and source), the cut-off,
//! the parameters (age at entry, the definition of long-term unemployment,
//! the reference period of results upon leaving), and every record with what
//! happened to it — counted, not entered by the cut-off, left out as
//! incomplete (which data it lacks), or not meeting the condition (which).
//!
//! Records are named by the project's participant id and, where the record
//! has one, its pseudonym — never by identity code. An explanation agrees
//! with the figure it explains by construction, and the tests recount every
//! figure from its explanation ([`Explanation::recount`]).

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use super::compute::{CommonIndicators, Facts, IndicatorError, Tally, holds};
use crate::participant::{
    Answer, Field, Gender, LabourStatus, LtuDefinition, Participant, ParticipantId, Pseudonym,
};
use crate::programme::ProgrammePeriod;
use crate::rulebook::ParticipantRules;
use crate::rulebook::{Catalogue, Indicator, Measure};

/// What happened to one record — *tietueen käsittely*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Counted in the value.
    Counted,
    /// Entered after the cut-off: not in any count yet.
    NotYetEntered,
    /// Left out as incomplete (counted only in the grand total in 2014–2020,
    /// not transmitted in 2021–2027); the data it lacks.
    Incomplete {
        /// The required items missing.
        missing: Vec<Field>,
    },
    /// Complete, but the indicator's condition does not hold.
    NotMet {
        /// Which part of the condition fails, in English.
        reason: String,
    },
}

/// One record's part in a value — *tietueen osuus*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RecordOutcome {
    /// The project's id of the record.
    pub participant: ParticipantId,
    /// The record's pseudonym, where it has one.
    pub pseudonym: Option<Pseudonym>,
    /// The gender it is counted under (`None`: missing or not a category of
    /// the period).
    pub gender: Option<Gender>,
    /// What happened to it (in JSON, `outcome` beside the record's fields).
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// The parameters a value depends on — *laskennan parametrit*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Parameters {
    /// Ages are computed at entry (RULES.md §1.1).
    pub age_at: &'static str,
    /// The definition of long-term unemployment used.
    pub long_term_unemployment: LtuDefinition,
    /// Its source.
    pub long_term_unemployment_source: &'static str,
    /// Days after exit within which the situation upon leaving is taken.
    pub result_reference_days: u32,
    /// Their source.
    pub result_reference_source: &'static str,
    /// Days either side of six months after exit within which a follow-up
    /// counts for the longer-term results.
    pub follow_up_tolerance_days: u32,
    /// The window's source (its tolerance is an interpretation).
    pub follow_up_source: &'static str,
    /// Whether incomplete records are left out of the indicators.
    pub incomplete_left_out: bool,
    /// The completeness rule's source.
    pub completeness_source: &'static str,
}

/// How one indicator's value arose — *indikaattoriarvon selitys*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Explanation {
    /// The programme period.
    pub period: ProgrammePeriod,
    /// The catalogue.
    pub catalogue: Catalogue,
    /// The indicator: code, names, definition, source, verification.
    pub indicator: &'static Indicator,
    /// The cut-off (`None`: everything recorded).
    pub cut_off: Option<NaiveDate>,
    /// The parameters.
    pub parameters: Parameters,
    /// Every record, in the order given.
    pub records: Vec<RecordOutcome>,
    /// The value, by gender.
    pub value: Tally,
}

impl CommonIndicators {
    /// How the indicator `code` gets its value over `participants` under this
    /// computation's catalogue, rules and cut-off. Fails for a code not in the
    /// catalogue or not computed from participant records.
    ///
    /// ```
    /// use hanke::indicator::{Catalogue, CommonIndicators, Outcome};
    /// use hanke::synthetic::duuniin_coaching;
    /// use hanke::rulebook::Rulebook;
    /// use hanke::programme::ProgrammePeriod;
    /// let rules = Rulebook::for_period(ProgrammePeriod::Period2014To2020).unwrap().participants().unwrap();
    /// let people = duuniin_coaching();
    /// let ind = CommonIndicators::new(Catalogue::Esf2014, rules, None)?;
    /// let why = ind.explain("CR04", &people)?;
    /// assert_eq!(why.value.total(), 6); // 2 open market, 2 pay-subsidised, 2 apprenticeships
    /// assert_eq!(why.recount(), why.value);
    /// assert_eq!(why.records.iter().filter(|r| r.outcome == Outcome::Counted).count(), 6);
    /// # Ok::<(), hanke::indicator::IndicatorError>(())
    /// ```
    pub fn explain(
        &self,
        code: &str,
        participants: &[Participant],
    ) -> Result<Explanation, IndicatorError> {
        let indicator = self
            .catalogue
            .indicators()
            .iter()
            .find(|i| {
                i.code == code && i.is_computed_from_participants() && self.rules.applies(i.code)
            })
            .ok_or_else(|| IndicatorError::NotExplained(code.into()))?;
        let cut_off = self.cut_off.unwrap_or(NaiveDate::MAX);
        let rules = &self.rules;
        let mut value = Tally::default();
        let records = participants
            .iter()
            .map(|p| {
                let gender = p.entry.gender.filter(|g| rules.accepts_gender(*g));
                let outcome = if p.entry.date > cut_off {
                    Outcome::NotYetEntered
                } else if self.catalogue.requires_complete_records()
                    && !rules.is_complete_at(p, self.cut_off)
                {
                    Outcome::Incomplete {
                        missing: rules.completeness_at(p, self.cut_off).missing,
                    }
                } else {
                    let facts = self.facts(p, cut_off);
                    if holds(indicator.measure, p, &facts) {
                        value.add(gender);
                        Outcome::Counted
                    } else {
                        Outcome::NotMet {
                            reason: why_not(indicator.measure, p, &facts, cut_off, rules),
                        }
                    }
                };
                RecordOutcome {
                    participant: p.id,
                    pseudonym: p.pseudonym,
                    gender,
                    outcome,
                }
            })
            .collect();
        Ok(Explanation {
            period: rules.period,
            catalogue: self.catalogue,
            indicator,
            cut_off: self.cut_off,
            parameters: Parameters {
                age_at: "entry",
                long_term_unemployment: rules.ltu,
                long_term_unemployment_source: rules.ltu.source(),
                result_reference_days: rules.result_reference_days,
                result_reference_source: rules.result_reference_source,
                follow_up_tolerance_days: rules.follow_up_tolerance_days,
                follow_up_source: rules.follow_up_source,
                incomplete_left_out: self.catalogue.requires_complete_records(),
                completeness_source: rules.completeness_source,
            },
            records,
            value,
        })
    }
}

/// The part of the condition a record fails, named from the record's own
/// values and the facts the computation derived from them — the same facts
/// [`holds`] tested, so that the reason is the one that kept it out.
fn why_not(
    measure: Measure,
    p: &Participant,
    f: &Facts,
    cut_off: NaiveDate,
    rules: &ParticipantRules,
) -> String {
    let left = p.exit.as_ref().filter(|x| x.date <= cut_off);
    let status = || {
        p.entry
            .labour_status
            .map_or("no labour-market status recorded".to_string(), |s| {
                format!("labour-market status at entry: {}", s.code())
            })
    };
    let age = || {
        f.age.map_or(
            "age at entry unknown (no birth date, or born after entry)".to_string(),
            |a| format!("age at entry {a}"),
        )
    };
    let upon_leaving = || {
        left.and_then(|x| rules.result_upon_leaving_known_by(x, cut_off).situation)
            .map_or("no situation upon leaving recorded".to_string(), |s| {
                format!("situation upon leaving: {}", s.code())
            })
    };
    let answer = |what: &str, a: Option<Answer>| match a {
        Some(a) => format!("{what}: answered {}", a.code()),
        None => format!("{what}: not answered"),
    };
    let household = |what: &str| match p.entry.household {
        Some(h) => format!(
            "{what}: household jobless {}, dependent children {}, single adult {}",
            h.jobless, h.dependent_children, h.single_adult
        ),
        None => "household situation not recorded".to_string(),
    };
    let not_disadvantaged = if p.entry.disadvantages.homeless == Some(Answer::Yes) {
        "homeless, but no special-category disadvantage (CO15–CO17) answered yes at entry"
            .to_string()
    } else {
        "no disadvantage answered yes at entry".to_string()
    };
    // A follow-up known by the cut-off, and whether it lies in the window
    // around six months after the exit (the computation counts only those).
    let known_follow_up = p.follow_up.as_ref().filter(|x| x.date <= cut_off);
    let outside_window = |x: &crate::participant::FollowUp| {
        let window = left.and_then(|l| rules.follow_up_window(l.date));
        window.filter(|(from, to)| !(from..=to).contains(&&x.date)).map(|(from, to)| {
            format!(
                "the follow-up on {} is not six months after the exit ({from}–{to}); not counted",
                x.date
            )
        })
    };
    let follow_up = || match known_follow_up {
        Some(x) => outside_window(x).unwrap_or_else(|| match x.employed {
            Some(true) => format!("employed at the follow-up on {}", x.date),
            Some(false) => format!("not employed at the follow-up on {}", x.date),
            None => format!("employment not recorded at the follow-up on {}", x.date),
        }),
        None => "no follow-up recorded by the cut-off".to_string(),
    };
    let d = &p.entry.disadvantages;
    match measure {
        // Results upon leaving and six months after need an exit by the cut-off.
        Measure::JobSearchingUponLeaving { .. }
        | Measure::EducationUponLeaving
        | Measure::QualificationUponLeaving
        | Measure::EmploymentUponLeaving
        | Measure::DisadvantagedPositiveUponLeaving
        | Measure::EmployedSixMonths
        | Measure::ImprovedSixMonths
        | Measure::OlderEmployedSixMonths(_)
        | Measure::DisadvantagedEmployedSixMonths
            if left.is_none() =>
        {
            "not left by the cut-off".to_string()
        }
        Measure::JobSearchingUponLeaving {
            inactive_at_entry_only: true,
        } if !f.inactive => format!("not inactive at entry ({})", status()),
        Measure::JobSearchingUponLeaving { .. }
        | Measure::EducationUponLeaving
        | Measure::EmploymentUponLeaving => upon_leaving(),
        Measure::QualificationUponLeaving => match left.and_then(|x| x.qualification_gained) {
            Some(false) => "no qualification gained upon leaving".to_string(),
            None => "qualification upon leaving not recorded".to_string(),
            Some(true) => upon_leaving(),
        },
        Measure::DisadvantagedPositiveUponLeaving if !f.disadvantaged => not_disadvantaged,
        Measure::DisadvantagedPositiveUponLeaving => {
            format!(
                "disadvantaged, but no positive result upon leaving ({})",
                upon_leaving()
            )
        }
        Measure::ImprovedSixMonths if !f.employed => {
            format!(
                "an improvement counts only for people employed at entry ({})",
                status()
            )
        }
        Measure::ImprovedSixMonths => match known_follow_up {
            Some(x) => outside_window(x).unwrap_or_else(|| {
                format!("no improvement recorded at the follow-up on {}", x.date)
            }),
            None => "no follow-up recorded by the cut-off".to_string(),
        },
        Measure::OlderEmployedSixMonths(n) if f.age.is_none_or(|a| a < u32::from(n)) => {
            format!("not {n} or older at entry ({})", age())
        }
        Measure::DisadvantagedEmployedSixMonths if !f.disadvantaged => not_disadvantaged,
        Measure::EmployedSixMonths
        | Measure::OlderEmployedSixMonths(_)
        | Measure::DisadvantagedEmployedSixMonths => follow_up(),
        Measure::AgeBelow(n) => format!("not below {n} at entry ({})", age()),
        Measure::AgeFrom(n) => format!("not {n} or older at entry ({})", age()),
        Measure::AgeBetween(lo, hi) => format!("not {lo}–{hi} at entry ({})", age()),
        Measure::Unemployed => format!("not unemployed at entry ({})", status()),
        Measure::LongTermUnemployed => match p.entry.labour_status {
            Some(LabourStatus::Unemployed { since: Some(since) }) => format!(
                "unemployed at entry, but not long-term: unemployed since {since}, {} at entry; long-term is {}",
                age(),
                ltu_rule(rules.ltu)
            ),
            Some(LabourStatus::Unemployed { since: None }) => {
                "unemployed at entry, but the start of unemployment is not recorded".to_string()
            }
            _ => format!("not unemployed at entry ({})", status()),
        },
        Measure::Inactive => format!("not inactive at entry ({})", status()),
        Measure::InactiveNotInEducation if f.inactive => {
            "inactive at entry, but in education or training".to_string()
        }
        Measure::InactiveNotInEducation => format!("not inactive at entry ({})", status()),
        Measure::Employed => format!("not employed or self-employed at entry ({})", status()),
        Measure::OlderUnemployedOrInactiveNotInEducation(n)
            if f.age.is_none_or(|a| a < u32::from(n)) =>
        {
            format!("not {n} or older at entry ({})", age())
        }
        Measure::OlderUnemployedOrInactiveNotInEducation(_) => format!(
            "neither unemployed nor inactive and out of education at entry ({})",
            status()
        ),
        Measure::Isced(lo, hi) => match f.isced {
            Some(i) => format!("ISCED {i} at entry, not ISCED {lo}–{hi}"),
            None => "education level not recorded, or unknown".to_string(),
        },
        Measure::JoblessHousehold => household("not a jobless household"),
        Measure::JoblessHouseholdWithChildren => {
            household("not a jobless household with dependent children")
        }
        Measure::SingleAdultWithChildren => {
            household("not a single-adult household with dependent children")
        }
        Measure::MigrantForeignBackgroundMinority => format!(
            "no yes to foreign background, third-country nationality or minority ({}; {}; {})",
            answer("foreign background", d.foreign_background),
            answer("third-country national", d.third_country_national),
            answer("minority", d.minority)
        ),
        Measure::ForeignBackgroundOrMinority => format!(
            "no yes to foreign background or minority ({}; {})",
            answer("foreign background", d.foreign_background),
            answer("minority", d.minority)
        ),
        Measure::Disability => answer("disability", d.disability),
        Measure::ThirdCountryNational => answer("third-country national", d.third_country_national),
        Measure::ForeignBackground => answer("foreign background", d.foreign_background),
        Measure::Minority => answer("minority", d.minority),
        Measure::Homeless => answer("homeless or housing exclusion", d.homeless),
        Measure::OtherDisadvantaged => answer("other disadvantage", d.other_disadvantaged),
        // Every record counts in the total; rural areas and entities are not
        // explained (explain refuses them), so these arms are not reached.
        Measure::Total | Measure::Rural | Measure::Entity => {
            "not computed from participant records".to_string()
        }
    }
}

/// The definition of long-term unemployment in words.
fn ltu_rule(ltu: LtuDefinition) -> &'static str {
    match ltu {
        LtuDefinition::AgeDependent => {
            "more than 6 months of unemployment below 25, more than 12 months from 25"
        }
        LtuDefinition::RegisteredTwelveMonths => "12 months or more as a registered jobseeker",
    }
}

impl Explanation {
    /// The value recounted from the records marked counted — equal to
    /// [`Self::value`], and to what [`CommonIndicators::compute`] gives.
    pub fn recount(&self) -> Tally {
        let mut t = Tally::default();
        for r in &self.records {
            if r.outcome == Outcome::Counted {
                t.add(r.gender);
            }
        }
        t
    }

    /// The explanation as readable text: definition, source, parameters, the
    /// value, and the records by outcome.
    pub fn to_text(&self) -> String {
        let i = self.indicator;
        let p = &self.parameters;
        let mut s = String::new();
        let _ = writeln!(s, "{} — {} ({})", i.code, i.name_en, i.name_fi);
        let _ = writeln!(
            s,
            "  period {}, catalogue {}, cut-off {}",
            self.period,
            self.catalogue.code(),
            self.cut_off
                .map_or("none (everything recorded)".to_string(), |d| d.to_string())
        );
        let _ = writeln!(
            s,
            "  definition: {}{}",
            i.definition,
            i.definition_verification.label()
        );
        let _ = writeln!(s, "  source: {}", i.source);
        let _ = writeln!(
            s,
            "  parameters: age at {}; long-term unemployment {:?} ({}); results upon leaving within {} days of exit ({}); follow-ups within {} days of six months after exit ({}); incomplete records {}",
            p.age_at,
            p.long_term_unemployment,
            p.long_term_unemployment_source,
            p.result_reference_days,
            p.result_reference_source,
            p.follow_up_tolerance_days,
            p.follow_up_source,
            if p.incomplete_left_out {
                "left out"
            } else {
                "counted"
            }
        );
        let v = self.value;
        let _ = writeln!(
            s,
            "  value {} (women {}, men {}, non-binary {}, unknown {})",
            v.total(),
            v.women,
            v.men,
            v.non_binary,
            v.unknown
        );
        let name = |r: &RecordOutcome| match &r.pseudonym {
            Some(ps) => format!(
                "{} [{}…]",
                r.participant,
                ps.to_string().get(..8).unwrap_or("")
            ),
            None => r.participant.to_string(),
        };
        let group = |s: &mut String, title: &str, pick: &dyn Fn(&Outcome) -> Option<String>| {
            let rows: Vec<String> = self
                .records
                .iter()
                .filter_map(|r| pick(&r.outcome).map(|why| format!("{}{why}", name(r))))
                .collect();
            if !rows.is_empty() {
                let _ = writeln!(s, "  {title} ({}): {}", rows.len(), rows.join(", "));
            }
        };
        group(&mut s, "counted", &|o| {
            (*o == Outcome::Counted).then(String::new)
        });
        group(&mut s, "not entered by the cut-off", &|o| {
            (*o == Outcome::NotYetEntered).then(String::new)
        });
        group(&mut s, "left out as incomplete", &|o| match o {
            Outcome::Incomplete { missing } => Some(format!(
                " (lacks {})",
                missing
                    .iter()
                    .map(|f| f.path())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            _ => None,
        });
        group(&mut s, "not meeting the condition", &|o| match o {
            Outcome::NotMet { reason } => Some(format!(" ({reason})")),
            _ => None,
        });
        s
    }
}
