//! The participant part of a period's rulebook — *osallistujasäännöt*: gender
//! categories, age groups, education bands, long-term unemployment, completeness,
//! the mapping of Finnish exit situations to EU result categories, and the checks.
//!
//! Each period is one static [`ParticipantRules`] value; nothing here asks which
//! year it is. The terms they use (fields, age groups, …) are model types in
//! [`crate::participant`].

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::choice::ChoiceError;
use crate::classify::{self, EducationLevel};
use crate::finding::{Finding, rules};
use crate::participant::{
    AgeGroup, Completeness, Derived, EarlierRequirement, EducationBand, ExitSituation, Field,
    Gender, LabourStatus, LtuDefinition, Participant, ResultCategories, ResultUponLeaving, age_on,
};
use crate::programme::{ProgrammePeriod, Verification};

/// The participant rules of a programme period — *osallistujasäännöt*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ParticipantRules {
    /// The programme period.
    pub period: ProgrammePeriod,
    /// The gender categories data are broken down by, and their source.
    pub genders: &'static [Gender],
    /// Where the gender categories come from.
    pub genders_source: &'static str,
    /// The age groups, by age at entry.
    pub age_groups: &'static [AgeGroup],
    /// The education bands.
    pub education_bands: &'static [EducationBand],
    /// The definition of long-term unemployment in use.
    pub ltu: LtuDefinition,
    /// Whether a national (register) definition of long-term unemployment may replace it.
    pub national_ltu_allowed: bool,
    /// The data a complete record has.
    pub required: &'static [Field],
    /// An earlier completeness rule of the period, for reports at cut-offs
    /// before the day it ended (see [`ParticipantRules::required_at`]).
    pub earlier_required: Option<EarlierRequirement>,
    /// The items the period collects where applicable, never required (sensitive
    /// items may be declined; homelessness and rural areas may be sampled).
    pub optional: &'static [Field],
    /// Where the completeness rule comes from.
    pub completeness_source: &'static str,
    /// What incompleteness means in the period, in English.
    pub incomplete_effect_en: &'static str,
    /// What incompleteness means in the period, in Finnish.
    pub incomplete_effect_fi: &'static str,
    /// What incompleteness means in the period, in Swedish.
    pub incomplete_effect_sv: &'static str,
    /// Days after exit within which the last event is the result upon leaving.
    pub result_reference_days: u32,
    /// Source and verification of the reference period.
    pub result_reference_source: &'static str,
    /// How far the reference period is verified for this period.
    pub result_reference_verification: Verification,
    /// Whether a person counted in employment upon leaving is never also counted
    /// as job searching (EECR01 / EECR04 exclusivity).
    pub job_search_excludes_employment: bool,
    /// Days on either side of "six months after leaving" within which a
    /// follow-up counts for the longer-term results (see
    /// [`ParticipantRules::follow_up_window`]).
    pub follow_up_tolerance_days: u32,
    /// Source, or the interpretation, of the follow-up window.
    pub follow_up_source: &'static str,
    /// How far the follow-up window is verified.
    pub follow_up_verification: Verification,
    /// Whether these are the rules of an ESF+ operation under specific
    /// objective (l) reporting Annex I (see [`ParticipantRules::for_objective`]):
    /// only the total and the age groups of Annex I point 1.1 apply.
    pub objective_l: bool,
    /// How the period identifies one person across records: the entry form
    /// asks for the identity code, which the app turns into a pseudonym.
    pub identification: RuleSource,
    /// What a re-entry does to the person's one record (see
    /// [`crate::participant`]'s merging and the sync merge).
    pub reentry: RuleSource,
}

/// A rule the participant rules state in words, with its source and how far
/// that source was verified — *säännön lähde*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct RuleSource {
    /// The rule, in English.
    pub rule: &'static str,
    /// Where it comes from.
    pub source: &'static str,
    /// How far it is verified for the period.
    pub verification: Verification,
}

/// Re-entry in 2014–2020: "a person is counted once per operation; if they
/// re-enter, the existing record is updated … only data for the first entry
/// and the final exit are needed" (SFC 2014 FAQ, RULES.md §1.1 [V]); the
/// Finnish instructions say the same (one start form, end data of the last
/// exit; TEM, RULES.md §1.1 [V]).
const REENTRY_2014: RuleSource = RuleSource {
    rule: "One record per person per operation: a re-entry updates it; the entry data are those of the first entry and the exit data those of the final exit, so an exit before a later re-entry is not the final exit.",
    source: "SFC 2014 FAQ on participants (RULES.md §1.1); TEM, Ifyllningsanvisningar för ESF-personsystemet (RULES.md §1.1); ADR 0007 §5",
    verification: Verification::Verified,
};

/// Re-entry in 2021–2027: no ESF+ source on re-entry was found; hanke applies
/// the 2014–2020 rule (Art 17(5) counts participants, not participations) and
/// marks it an interpretation (ADR 0007 §5, ADR 0022).
const REENTRY_2021: RuleSource = RuleSource {
    rule: "Interpretation (the 2014–2020 rule carried over): one record per person per operation; first entry, final exit; an exit before a later re-entry is not the final exit.",
    source: "No ESF+ source found; SFC 2014 FAQ applied by analogy (RULES.md §1.1); ADR 0007 §5; ADR 0022",
    verification: Verification::Unverified,
};

/// The identity code on the entry form, in both periods: TEM's ESR Henkilö
/// instructions and the EURA 2021 privacy notice list the henkilötunnus among
/// the data collected (RULES.md §4.3 [V]); ADR 0006 decides it is never shown,
/// ADR 0007 §5 that records are matched on it or on its keyed pseudonym.
const IDENTIFICATION: RuleSource = RuleSource {
    rule: "The entry form asks for the personal identity code (henkilötunnus) to recognise one person across records; an app keys it into a pseudonym on the device and syncs only the pseudonym.",
    source: "RULES.md §4.3 (TEM ESR Henkilö instructions; EURA 2021 privacy notice); ADR 0006; ADR 0007 §5",
    verification: Verification::Verified,
};

/// The Annex I point 1.1 indicators that do not apply to support under
/// Art 4(1)(l) (Reg. 2021/1057 Annex I point 1.1: the total and the age groups
/// do): labour-market status and education at entry.
const NOT_APPLICABLE_UNDER_L: [&str; 7] = [
    "EECO02", "EECO03", "EECO04", "EECO05", "EECO09", "EECO10", "EECO11",
];

/// What a complete record of an (l) operation has: the data of the total and
/// the age groups, broken down by gender (Art 17(5) withholds a record only
/// when the data *required* are missing).
const REQUIRED_UNDER_L: [Field; 2] = [Field::Gender, Field::BirthDate];

/// The follow-up window of both periods. The annexes say "six months after
/// leaving" (Reg. 1304/2013 Annex I point 4; Reg. 2021/1057 Annex I point 4)
/// and name no tolerance; the SFC FAQs that were read set a reference period
/// only for immediate results (four weeks after exit). **Interpretation**
/// (hanke's, ADR 0019): the situation six months after the exit date, give or
/// take the same four weeks. Settled by the Commission's guidance on
/// longer-term results (ESF+ Common Indicators Toolbox, or an SFC FAQ naming a
/// window).
const FOLLOW_UP_SOURCE: &str = "Reg. 1304/2013 and Reg. 2021/1057 Annex I point 4 (\"six months after leaving\"); the tolerance of 28 days either side is hanke's interpretation (ADR 0019), after the four-week reference period of immediate results";

/// 2014–2020 before the Omnibus: the SFC 2014 "rpobli" FAQ listed the
/// household situation among the data of a complete record, beside gender,
/// labour status, age and education. Reg. (EU, Euratom) 2018/1046 (in force
/// 2 August 2018) removed the household indicators CO12–CO14 from Annex I, and
/// with them the condition (issue 24 item 6).
const REQUIRED_BEFORE_OMNIBUS: [Field; 6] = [
    Field::Gender,
    Field::BirthDate,
    Field::LabourStatus,
    Field::UnemploymentStart,
    Field::Education,
    Field::Household,
];

const REQUIRED: [Field; 5] = [
    Field::Gender,
    Field::BirthDate,
    Field::LabourStatus,
    Field::UnemploymentStart,
    Field::Education,
];

/// ESF 2014–2020 (Reg. 1304/2013 Annex I; SFC 2014 FAQs), RULES.md §1.
pub static ESF_2014: ParticipantRules = ParticipantRules {
    period: ProgrammePeriod::Period2014To2020,
    genders: &[Gender::Woman, Gender::Man],
    genders_source: "Reg. 1304/2013 Annex I",
    age_groups: &[
        AgeGroup {
            code: "below_25",
            indicator: Some("CO06"),
            min: 0,
            max: Some(24),
        },
        AgeGroup {
            code: "25_54",
            indicator: None,
            min: 25,
            max: Some(54),
        },
        AgeGroup {
            code: "above_54",
            indicator: Some("CO07"),
            min: 55,
            max: None,
        },
    ],
    // CO09's text names ISCED 1 and 2; that the guidance puts ISCED 0 there too is
    // unverified (RULES.md §1.2), hence the tag on that band.
    education_bands: &[
        EducationBand {
            // Reg. 1304/2013 Annex I: "with primary (ISCED 1) or lower
            // secondary education (ISCED 2)" — ISCED 0 is in no band of
            // 2014–2020 (ESF+ widened it to ISCED 0–2). Issue 24 item 5.
            indicator: "CO09",
            isced_min: 1,
            isced_max: 2,
            verification: Verification::Verified,
        },
        EducationBand {
            indicator: "CO10",
            isced_min: 3,
            isced_max: 4,
            verification: Verification::Verified,
        },
        EducationBand {
            indicator: "CO11",
            isced_min: 5,
            isced_max: 8,
            verification: Verification::Verified,
        },
    ],
    ltu: LtuDefinition::AgeDependent,
    national_ltu_allowed: false,
    // Gender, employment status, age and education (SFC 2014 "rpobli" FAQ). The
    // FAQ also lists household situation, but the household indicators CO12–CO14
    // are not in the consolidated Annex I (RULES.md §1.2), so hanke does not make
    // them a condition (ADR 0007).
    required: &REQUIRED,
    earlier_required: Some(EarlierRequirement {
        until: match NaiveDate::from_ymd_opt(2018, 8, 2) {
            Some(d) => d,
            None => NaiveDate::MIN,
        },
        required: &REQUIRED_BEFORE_OMNIBUS,
        source: "SFC 2014 FAQ (sfc.ec.europa.eu/en/2014/support-ms/rpobli): household situation required until Reg. 2018/1046 removed CO12–CO14 from Annex I (in force 2.8.2018)",
    }),
    // CO15–CO17 (sensitive), CO18–CO19 (representative sample; rural from the
    // municipality), household CO12–CO14 of the original text (RULES.md §1.2).
    optional: &[
        Field::ForeignBackground,
        Field::Minority,
        Field::Disability,
        Field::OtherDisadvantaged,
        Field::Homeless,
        Field::Municipality,
        Field::Household,
    ],
    completeness_source: "SFC 2014 FAQ (sfc.ec.europa.eu/en/2014/support-ms/rpobli)",
    incomplete_effect_en: "the record counts only in the grand total of participants",
    incomplete_effect_fi: "osallistuja lasketaan vain osallistujien kokonaismäärään",
    incomplete_effect_sv: "deltagaren räknas endast in i det totala antalet deltagare",
    result_reference_days: 28,
    result_reference_source: "SFC 2021 FAQ on the reference period; for 2014–2020 the same four weeks in a managing authority's ESF guidance (gov.scot, European Social Fund: participant guidance, monitoring and evaluation) — the Commission's 2014–2020 text was not read (RULES.md §1.4)",
    result_reference_verification: Verification::Partial,
    job_search_excludes_employment: false,
    follow_up_tolerance_days: 28,
    follow_up_source: FOLLOW_UP_SOURCE,
    follow_up_verification: Verification::Partial,
    objective_l: false,
    identification: IDENTIFICATION,
    reentry: REENTRY_2014,
};

/// ESF+ 2021–2027 (Reg. 2021/1057 Annex I, Art 17; SFC 2021 FAQs), RULES.md §2.
pub static ESF_PLUS_2021: ParticipantRules = ParticipantRules {
    period: ProgrammePeriod::Period2021To2027,
    genders: &[Gender::Woman, Gender::Man, Gender::NonBinary],
    genders_source: "Reg. 2021/1057 Annex I (non-binary in accordance with national law)",
    age_groups: &[
        AgeGroup {
            code: "below_18",
            indicator: Some("EECO06"),
            min: 0,
            max: Some(17),
        },
        AgeGroup {
            code: "18_29",
            indicator: Some("EECO07"),
            min: 18,
            max: Some(29),
        },
        AgeGroup {
            code: "30_54",
            indicator: None,
            min: 30,
            max: Some(54),
        },
        AgeGroup {
            code: "55_and_above",
            indicator: Some("EECO08"),
            min: 55,
            max: None,
        },
    ],
    education_bands: &[
        EducationBand {
            indicator: "EECO09",
            isced_min: 0,
            isced_max: 2,
            verification: Verification::Verified,
        },
        EducationBand {
            indicator: "EECO10",
            isced_min: 3,
            isced_max: 4,
            verification: Verification::Verified,
        },
        EducationBand {
            indicator: "EECO11",
            isced_min: 5,
            isced_max: 8,
            verification: Verification::Verified,
        },
    ],
    ltu: LtuDefinition::AgeDependent,
    national_ltu_allowed: true,
    // Annex I point 1.1: employment status (incl. long-term unemployment), age and
    // education, broken down by gender. Point 1.2 items (disability, nationality,
    // background, minority, homelessness, rural) are not required.
    required: &REQUIRED,
    earlier_required: None,
    // Annex I point 1.2 (homeless and rural: RULES.md §2.2, unverified list end).
    optional: &[
        Field::Disability,
        Field::ThirdCountryNational,
        Field::ForeignBackground,
        Field::Minority,
        Field::Homeless,
        Field::Municipality,
    ],
    completeness_source: "Reg. 2021/1057 Art 17(5) and Annex I point 1.1",
    incomplete_effect_en: "the participant's indicator data are not transmitted",
    incomplete_effect_fi: "osallistujan indikaattoritietoja ei välitetä",
    incomplete_effect_sv: "deltagarens indikatoruppgifter överförs inte",
    result_reference_days: 28,
    result_reference_source: "SFC 2021 FAQ (sfc.ec.europa.eu/en/bezugszeitraum-fur-indikatoren-fur-unmittelbare-ergebnisse)",
    result_reference_verification: Verification::Verified,
    job_search_excludes_employment: true,
    follow_up_tolerance_days: 28,
    follow_up_source: FOLLOW_UP_SOURCE,
    follow_up_verification: Verification::Partial,
    objective_l: false,
    identification: IDENTIFICATION,
    reentry: REENTRY_2021,
};

impl ParticipantRules {
    /// The participant rules of `period`, or the coded refusal
    /// `rulebook.no_participant_rules` for a period without them (2007–2013).
    ///
    /// ```
    /// use hanke::{programme::ProgrammePeriod, rulebook::ParticipantRules};
    /// let rules = ParticipantRules::for_period(ProgrammePeriod::Period2021To2027)?;
    /// assert_eq!(rules.period, ProgrammePeriod::Period2021To2027);
    /// let e = ParticipantRules::for_period(ProgrammePeriod::Period2007To2013).unwrap_err();
    /// assert_eq!(e.code(), "rulebook.no_participant_rules");
    /// # Ok::<(), hanke::choice::ChoiceError>(())
    /// ```
    pub fn for_period(period: ProgrammePeriod) -> Result<&'static ParticipantRules, ChoiceError> {
        crate::rulebook::Rulebook::for_period(period)
            .and_then(|r| r.participants())
            .ok_or_else(|| ChoiceError::NoParticipantRules {
                given: crate::Echo::new(&period.to_string()),
            })
    }

    /// The same rules with another definition of long-term unemployment, where the
    /// period allows it: the Finnish register definition only in 2021–2027.
    ///
    /// ```
    /// use hanke::participant::LtuDefinition;
    /// use hanke::rulebook::Rulebook;
    /// use hanke::programme::ProgrammePeriod::*;
    /// let r21 = Rulebook::for_period(Period2021To2027).unwrap().participants().unwrap();
    /// assert!(r21.with_ltu(LtuDefinition::RegisteredTwelveMonths).is_some());
    /// let r14 = Rulebook::for_period(Period2014To2020).unwrap().participants().unwrap();
    /// assert!(r14.with_ltu(LtuDefinition::RegisteredTwelveMonths).is_none());
    /// ```
    pub fn with_ltu(&self, definition: LtuDefinition) -> Option<ParticipantRules> {
        if definition != self.ltu && !self.national_ltu_allowed {
            return None;
        }
        Some(ParticipantRules {
            ltu: definition,
            ..*self
        })
    }

    /// The rules of an ESF+ operation under `objective` (a letter of Reg.
    /// 2021/1057 Art 4(1)) reporting the Annex I indicators. Under (l), Annex I
    /// point 1.1 applies only its total and age groups: a complete record needs
    /// only gender and birth date, and the labour-market and education
    /// indicators are not reported (`None`, not 0). Every other letter up to
    /// (k) keeps the rules as they are; (m) reports Annex III, which hanke does
    /// not cover, and 2014–2020 has no lettered objectives: both refused
    /// (`programme.objective`). Operations under (l) that target the most
    /// deprived report Annex II instead (`Catalogue::EsfPlusMostDeprived`).
    ///
    /// ```
    /// use hanke::programme::ProgrammePeriod;
    /// use hanke::rulebook::Rulebook;
    /// let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
    /// let l = rules.for_objective("l")?;
    /// assert!(l.applies("EECO01") && l.applies("EECO07") && !l.applies("EECO02"));
    /// assert_eq!(rules.for_objective("(d)")?, *rules);
    /// assert_eq!(rules.for_objective("m").unwrap_err().code(), "programme.objective");
    /// # Ok::<(), hanke::choice::ChoiceError>(())
    /// ```
    pub fn for_objective(&self, objective: &str) -> Result<ParticipantRules, ChoiceError> {
        let refused = || ChoiceError::Objective {
            given: crate::Echo::new(objective),
        };
        if self.period != ProgrammePeriod::Period2021To2027 {
            return Err(refused());
        }
        match objective_letter(objective).ok_or_else(refused)? {
            'l' => Ok(ParticipantRules {
                required: &REQUIRED_UNDER_L,
                objective_l: true,
                ..*self
            }),
            'm' => Err(refused()),
            _ => Ok(*self),
        }
    }

    /// Whether the indicator with `code` is reported under these rules (all
    /// but the Annex I point 1.1 ones outside the total and age groups, under
    /// (l)).
    pub fn applies(&self, code: &str) -> bool {
        !(self.objective_l && NOT_APPLICABLE_UNDER_L.contains(&code))
    }

    /// The age group of an age at entry.
    pub fn age_group(&self, age: u32) -> Option<&'static AgeGroup> {
        self.age_groups.iter().find(|g| g.contains(age))
    }

    /// The education band of an education level (`None` for unknown education).
    pub fn education_band(&self, level: EducationLevel) -> Option<&'static EducationBand> {
        let isced = level.isced_2011()?;
        self.education_bands
            .iter()
            .find(|b| (b.isced_min..=b.isced_max).contains(&isced))
    }

    /// Whether the period breaks data down by `gender`.
    pub fn accepts_gender(&self, gender: Gender) -> bool {
        self.genders.contains(&gender)
    }

    /// Long-term unemployment at entry: `Some(false)` for anyone not unemployed,
    /// `None` where the start of unemployment (or, for the age-dependent
    /// definition, the age) is unknown.
    pub fn long_term_unemployed(&self, p: &Participant) -> Option<bool> {
        let age = p.entry.birth_date.and_then(|b| age_on(b, p.entry.date));
        self.long_term_unemployed_at(p, age)
    }

    /// [`Self::long_term_unemployed`] with the age at entry already known.
    pub(crate) fn long_term_unemployed_at(
        &self,
        p: &Participant,
        age_at_entry: Option<u32>,
    ) -> Option<bool> {
        match p.entry.labour_status? {
            LabourStatus::Unemployed { since } => {
                let since = since?;
                let age = match self.ltu {
                    LtuDefinition::AgeDependent => age_at_entry?,
                    // The register definition does not depend on age.
                    LtuDefinition::RegisteredTwelveMonths => u32::MAX,
                };
                Some(self.ltu.is_long_term(age, since, p.entry.date))
            }
            _ => Some(false),
        }
    }

    /// Plausibility (`PART-PLAUS-*`): ages at entry no one reaches or few do,
    /// entries and exits outside the period's eligibility window,
    /// unemployment that begins before birth.
    fn check_plausibility(&self, p: &Participant, out: &mut Vec<Finding>) {
        let at = |field: &str| format!("participants[{}].{field}", p.id);
        let e = &p.entry;
        if let Some(age) = e.birth_date.and_then(|b| age_on(b, e.date)) {
            // The age, never the birth date itself: findings travel further
            // than records.
            if age > 122 {
                out.push(
                    Finding::new(
                        &rules::PARTICIPANT_AGE_IMPOSSIBLE,
                        at("entry.birth_date"),
                        format!("{age} years old at entry by the birth date, older than anyone has lived (122); check the birth year"),
                        format!("syntymäajan mukaan {age}-vuotias aloittaessa, vanhempi kuin kukaan on elänyt (122); tarkista syntymävuosi"), format!("{age} år vid start enligt födelsedatumet, äldre än någon har levt (122); kontrollera födelseåret")),
                );
            } else if age >= 100 {
                out.push(Finding::new(
                    &rules::PARTICIPANT_AGE_IMPLAUSIBLE,
                    at("entry.birth_date"),
                    format!("{age} years old at entry by the birth date; check the birth year"),
                    format!("syntymäajan mukaan {age}-vuotias aloittaessa; tarkista syntymävuosi"),
                    format!("{age} år vid start enligt födelsedatumet; kontrollera födelseåret"),
                ));
            }
        }
        let (from, to) = self.period.eligibility();
        let source = self.period.eligibility_source();
        let dates = [
            ("entry.date", Some(e.date)),
            ("exit.date", p.exit.as_ref().map(|x| x.date)),
        ];
        for (field, date) in dates {
            let Some(date) = date.filter(|d| *d < from || *d > to) else {
                continue;
            };
            out.push(
                Finding::new(
                    &rules::PARTICIPANT_DATE_OUTSIDE_PERIOD,
                    at(field),
                    format!("{date} is outside {}'s eligibility window {from} – {to} ({source})", self.period),
                    format!("{date} on kauden {} tukikelpoisuusajan {from} – {to} ulkopuolella ({source})", self.period), format!("{date} ligger utanför periodens {} stödberättigande tid {from} – {to} ({source})", self.period)),
            );
        }
        if let (Some(LabourStatus::Unemployed { since: Some(since) }), Some(birth)) =
            (e.labour_status, e.birth_date)
        {
            if since < birth {
                out.push(Finding::new(
                    &rules::PARTICIPANT_UNEMPLOYED_BEFORE_BIRTH,
                    at("entry.labour_status.since"),
                    format!("unemployment begins {since}, before the birth date"),
                    format!("työttömyys alkaa {since}, ennen syntymäaikaa"),
                    format!("arbetslösheten börjar {since}, före födelsedatumet"),
                ));
            }
        }
        if let Some(code) = e
            .municipality
            .filter(|c| !classify::is_known_municipality(*c))
        {
            let years = classify::REGIONAL_YEARS.map(|y| y.to_string()).join(", ");
            out.push(Finding::new(
                &rules::PARTICIPANT_MUNICIPALITY_UNKNOWN,
                at("entry.municipality"),
                format!("municipality code {code} is no municipality in Statistics Finland's classifications of {years}; check the code (its region cannot be told)"),
                format!("kuntakoodi {code} ei ole kunta Tilastokeskuksen luokituksissa vuosilta {years}; tarkista koodi (maakuntaa ei voi päätellä)"),
                format!("kommunkoden {code} är ingen kommun i Statistikcentralens klassificeringar för {years}; kontrollera koden (landskapet kan inte avgöras)"),
            ));
        }
    }

    /// What a record lacks of the data the period requires. Declining a sensitive
    /// item never makes a record incomplete: none is required (RULES.md §1.6, §2.4).
    pub fn completeness(&self, p: &Participant) -> Completeness {
        let missing = self
            .required
            .iter()
            .copied()
            .filter(|&f| self.lacks(p, f))
            .collect();
        Completeness { missing }
    }

    /// Whether a record is complete, without listing what it lacks (the
    /// allocation-free form of [`Self::completeness`]).
    pub fn is_complete(&self, p: &Participant) -> bool {
        !self.required.iter().any(|&f| self.lacks(p, f))
    }

    /// The data a complete record has in a report at `cut_off`: the earlier
    /// rule of the period where the cut-off is before it ended (2014–2020
    /// before 2 August 2018: the household situation too), else the current
    /// one (also for `None`, everything recorded).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hanke::participant::Field;
    /// use hanke::programme::ProgrammePeriod;
    /// use hanke::rulebook::Rulebook;
    /// let rules = Rulebook::for_period(ProgrammePeriod::Period2014To2020).unwrap().participants().unwrap();
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
    /// assert!(rules.required_at(d(2017, 12, 31)).contains(&Field::Household));
    /// assert!(!rules.required_at(d(2018, 12, 31)).contains(&Field::Household));
    /// ```
    pub fn required_at(&self, cut_off: Option<NaiveDate>) -> &'static [Field] {
        match (self.earlier_required, cut_off) {
            (Some(e), Some(cut)) if cut < e.until => e.required,
            _ => self.required,
        }
    }

    /// What a record lacks for a report at `cut_off` (see [`Self::required_at`]).
    pub fn completeness_at(&self, p: &Participant, cut_off: Option<NaiveDate>) -> Completeness {
        let missing = self
            .required_at(cut_off)
            .iter()
            .copied()
            .filter(|&f| self.lacks(p, f))
            .collect();
        Completeness { missing }
    }

    /// Whether a record is complete for a report at `cut_off`.
    pub fn is_complete_at(&self, p: &Participant, cut_off: Option<NaiveDate>) -> bool {
        !self.required_at(cut_off).iter().any(|&f| self.lacks(p, f))
    }

    fn lacks(&self, p: &Participant, field: Field) -> bool {
        let e = &p.entry;
        match field {
            Field::BirthDate => e.birth_date.is_none_or(|b| b > e.date),
            Field::Gender => !e.gender.is_some_and(|g| self.accepts_gender(g)),
            Field::LabourStatus => e.labour_status.is_none(),
            Field::UnemploymentStart => matches!(
                e.labour_status,
                Some(LabourStatus::Unemployed { since: None })
            ),
            Field::Education => e.education.and_then(EducationLevel::isced_2011).is_none(),
            Field::Municipality => e.municipality.is_none(),
            // Required only by 2014–2020 before the Omnibus (`earlier_required`).
            Field::Household => e.household.is_none(),
            // Never required by either period; listed for completeness of the match.
            Field::Disability
            | Field::ForeignBackground
            | Field::ThirdCountryNational
            | Field::Minority
            | Field::Homeless
            | Field::OtherDisadvantaged => false,
        }
    }

    /// Every derived fact of a record.
    pub fn derive(&self, p: &Participant) -> Derived {
        let e = &p.entry;
        let age_at_entry = e.birth_date.and_then(|b| age_on(b, e.date));
        let region = e.municipality.and_then(|m| {
            classify::regional_nearest(e.date.year())
                .ok()
                .and_then(|c| c.municipality(m))
                .map(|m| m.region)
        });
        Derived {
            age_at_entry,
            age_group: age_at_entry.and_then(|a| self.age_group(a)),
            long_term_unemployed: self.long_term_unemployed_at(p, age_at_entry),
            isced: e.education.and_then(EducationLevel::isced_2011),
            education_band: e.education.and_then(|l| self.education_band(l)),
            region,
            complete: self.is_complete(p),
        }
    }

    /// The EU result categories of a Finnish exit situation — the one place where
    /// the mapping is decided (ADR 0007). The same in both periods: CR01–CR04 and
    /// EECR01–EECR04 name the same four categories (RULES.md §1.4, §2.3).
    ///
    /// - Open labour market, self-employment → employment.
    /// - Pay-subsidised work → employment: *palkkatuki* is paid to the employer
    ///   for an ordinary employment relationship at collectively agreed pay
    ///   (TE-palvelut, *palkkatuki*; "palkkatuki on aina normaali työsuhde tai
    ///   oppisopimuskoulutus").
    /// - Apprenticeship → employment **and** education or training: *oppisopimus*
    ///   rests on a fixed-term employment contract, the apprentice is "päätoiminen
    ///   työllinen ja saa palkkaa", and it leads to a vocational qualification
    ///   (minedu.fi/tyopaikalla-oppiminen; Act 531/2017 on vocational education).
    ///   The two categories are not mutually exclusive (only EECR01/EECR04 are,
    ///   SFC 2021 FAQ), so both count.
    /// - Education → education or training.
    /// - Work trial → job searching: *työkokeilu* "ei ole työsuhde", no wage is
    ///   paid and the person keeps unemployment benefit as a registered jobseeker
    ///   (suomi.fi, *Työkokeilun järjestäminen työpaikalla*).
    /// - Job seeking → job searching.
    /// - Vocational rehabilitation, rehabilitative work activity, inactive,
    ///   unknown → none. *Kuntouttava työtoiminta* is a social service under the
    ///   Social Welfare Act, not employment (HE 13/2020); vocational
    ///   rehabilitation mixes assessments, trials and training (Kela), so which
    ///   category applies is not known from the label — record the concrete
    ///   situation (e.g. education) where it is known.
    ///
    /// ```
    /// use hanke::{participant::ExitSituation, rulebook::ParticipantRules};
    /// let c = ParticipantRules::result_categories(ExitSituation::Apprenticeship);
    /// assert!(c.employment && c.education_or_training && !c.job_searching);
    /// assert!(!ParticipantRules::result_categories(ExitSituation::VocationalRehabilitation).any());
    /// ```
    pub fn result_categories(situation: ExitSituation) -> ResultCategories {
        let mut c = ResultCategories::NONE;
        match situation {
            ExitSituation::OpenLabourMarket
            | ExitSituation::SelfEmployed
            | ExitSituation::PaySubsidisedWork => c.employment = true,
            ExitSituation::Apprenticeship => {
                c.employment = true;
                c.education_or_training = true;
            }
            ExitSituation::Education => c.education_or_training = true,
            ExitSituation::WorkTrial | ExitSituation::JobSeeking => c.job_searching = true,
            ExitSituation::VocationalRehabilitation
            | ExitSituation::RehabilitativeWorkActivity
            | ExitSituation::Inactive
            | ExitSituation::Unknown => {}
        }
        c
    }

    /// The result upon leaving: of the situation on the exit day and the later
    /// events within the reference period (28 days), the last one counts; in
    /// 2021–2027 a person in employment is never also job searching (SFC 2021 FAQ,
    /// RULES.md §2.3). A qualification gained counts beside any situation.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hanke::participant::{Exit, ExitEvent, ExitSituation};
    /// use hanke::rulebook::Rulebook;
    /// use hanke::programme::ProgrammePeriod;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// // The SFC worked example: job searching on leaving, a job on day 20.
    /// let mut exit = Exit::new(d(3, 1), Some(ExitSituation::JobSeeking));
    /// exit.later_events.push(ExitEvent { date: d(3, 21), situation: ExitSituation::OpenLabourMarket });
    /// let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
    /// let r = rules.result_upon_leaving(&exit);
    /// assert!(r.categories.employment && !r.categories.job_searching);
    /// ```
    pub fn result_upon_leaving(&self, exit: &crate::participant::Exit) -> ResultUponLeaving {
        self.result_upon_leaving_known_by(exit, NaiveDate::MAX)
    }

    /// The days a follow-up may be dated for the longer-term results to count
    /// it: six calendar months after `exit` (a day missing from the month, as
    /// 31 August + 6 months, is the month's last day), give or take
    /// [`Self::follow_up_tolerance_days`]. `None` where the calendar ends.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hanke::programme::ProgrammePeriod;
    /// use hanke::rulebook::Rulebook;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2022, m, day).unwrap();
    /// let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
    /// assert_eq!(rules.follow_up_window(d(1, 31)), Some((d(7, 3), d(8, 28))));
    /// assert!(rules.follow_up_counts(d(1, 31), d(7, 31)));
    /// assert!(!rules.follow_up_counts(d(1, 31), d(4, 30)));
    /// ```
    pub fn follow_up_window(&self, exit: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        let six = exit.checked_add_months(chrono::Months::new(6))?;
        let tolerance = chrono::Days::new(u64::from(self.follow_up_tolerance_days));
        Some((
            six.checked_sub_days(tolerance)?,
            six.checked_add_days(tolerance)?,
        ))
    }

    /// Whether a follow-up dated `follow_up` counts for a person who left on
    /// `exit`: inside [`Self::follow_up_window`].
    pub fn follow_up_counts(&self, exit: NaiveDate, follow_up: NaiveDate) -> bool {
        self.follow_up_window(exit)
            .is_some_and(|(from, to)| (from..=to).contains(&follow_up))
    }

    /// [`Self::result_upon_leaving`] as known on `known_by` (a report's cut-off):
    /// events after that day have not happened yet for the report, so they are
    /// neither used nor counted as ignored.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hanke::participant::{Exit, ExitEvent, ExitSituation};
    /// use hanke::rulebook::Rulebook;
    /// use hanke::programme::ProgrammePeriod;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    /// let mut exit = Exit::new(d(3, 1), Some(ExitSituation::JobSeeking));
    /// exit.later_events.push(ExitEvent { date: d(3, 21), situation: ExitSituation::OpenLabourMarket });
    /// let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
    /// // At a cut-off of 15 March the job is not known yet.
    /// assert!(rules.result_upon_leaving_known_by(&exit, d(3, 15)).categories.job_searching);
    /// ```
    pub fn result_upon_leaving_known_by(
        &self,
        exit: &crate::participant::Exit,
        known_by: NaiveDate,
    ) -> ResultUponLeaving {
        let window_end = exit
            .date
            .checked_add_days(chrono::Days::new(u64::from(self.result_reference_days)))
            .unwrap_or(exit.date);
        let mut current = exit.situation.map(|s| (exit.date, s));
        let mut ignored: usize = 0;
        for event in &exit.later_events {
            if event.date > known_by {
                continue;
            }
            if event.date < exit.date || event.date > window_end {
                ignored = ignored.saturating_add(1);
                continue;
            }
            if current.is_none_or(|(day, _)| event.date >= day) {
                current = Some((event.date, event.situation));
            }
        }
        let mut categories = current
            .map(|(_, s)| Self::result_categories(s))
            .unwrap_or(ResultCategories::NONE);
        if self.job_search_excludes_employment && categories.employment {
            categories.job_searching = false;
        }
        categories.qualification = exit.qualification_gained == Some(true);
        ResultUponLeaving {
            situation: current.map(|(_, s)| s),
            as_of: current.map_or(exit.date, |(d, _)| d),
            categories,
            ignored_events: ignored,
        }
    }

    /// Checks a record against the period's rules. Paths are prefixed with
    /// `participants[<id>]`; nothing in a finding is personal data.
    /// Completeness is today's rule; [`Self::check_at`] takes a report's cut-off.
    pub fn check(&self, p: &Participant) -> Vec<Finding> {
        self.check_at(p, None)
    }

    /// [`Self::check`] for a report at `cut_off`: completeness
    /// (`PART-COMP-001`) by the rule of that day ([`Self::required_at`]), as the
    /// indicators count it.
    pub fn check_at(&self, p: &Participant, cut_off: Option<NaiveDate>) -> Vec<Finding> {
        let mut out = Vec::new();
        let at = |field: &str| format!("participants[{}].{field}", p.id);
        let e = &p.entry;
        if let Some(exit) = &p.exit {
            if exit.date < e.date {
                out.push(Finding::new(
                    &rules::PARTICIPANT_EXIT_BEFORE_ENTRY,
                    at("exit.date"),
                    format!("exit {} is before entry {}", exit.date, e.date),
                    format!("lopetus {} on ennen aloitusta {}", exit.date, e.date),
                    format!("avslut {} är före start {}", exit.date, e.date),
                ));
            }
            if exit.situation.is_none() {
                out.push(Finding::new(
                    &rules::PARTICIPANT_EXIT_WITHOUT_SITUATION,
                    at("exit.situation"),
                    "the exit has no situation on leaving; record it, or `unknown` if it could not be found out",
                    "lopetustiedoista puuttuu tilanne; kirjaa se tai `unknown`, jos sitä ei saatu selville", "avslutet saknar situation vid avslut; registrera den, eller `unknown` om den inte gick att ta reda på"));
            }
            let r = self.result_upon_leaving(exit);
            if r.ignored_events > 0 {
                out.push(Finding::new(
                    &rules::PARTICIPANT_EVENT_OUTSIDE_REFERENCE,
                    at("exit.later_events"),
                    format!(
                        "{} event(s) outside the {} days after exit are not used for the result upon leaving",
                        r.ignored_events, self.result_reference_days
                    ),
                    format!(
                        "{} tapahtumaa lopetusta seuraavien {} päivän ulkopuolella ei käytetä",
                        r.ignored_events, self.result_reference_days
                    ), format!(
                    "{} händelse(r) utanför de {} dagarna efter avslut används inte för situationen vid avslut",
                    r.ignored_events, self.result_reference_days
                )));
            }
        }
        if let Some(birth) = e.birth_date {
            if birth >= e.date {
                out.push(Finding::new(
                    &rules::PARTICIPANT_BORN_AFTER_ENTRY,
                    at("entry.birth_date"),
                    "the birth date is not before the entry date",
                    "syntymäaika ei ole ennen aloituspäivää",
                    "födelsedatumet är inte före startdatumet",
                ));
            }
            if p.identity_code
                .as_ref()
                .is_some_and(|c| c.birth_date() != birth)
            {
                // The message says that they differ, not what either date is.
                out.push(Finding::new(
                    &rules::PARTICIPANT_BIRTH_DATE_MISMATCH,
                    at("entry.birth_date"),
                    "the birth date differs from the one in the identity code",
                    "syntymäaika poikkeaa henkilötunnuksen syntymäajasta",
                    "födelsedatumet avviker från det i personbeteckningen",
                ));
            }
        }
        if let Some(LabourStatus::Unemployed { since: Some(since) }) = e.labour_status {
            if since > e.date {
                out.push(Finding::new(
                    &rules::PARTICIPANT_UNEMPLOYED_AFTER_ENTRY,
                    at("entry.labour_status.since"),
                    format!("unemployment begins {since}, after entry {}", e.date),
                    format!("työttömyys alkaa {since}, aloituksen {} jälkeen", e.date),
                    format!("arbetslösheten börjar {since}, efter start {}", e.date),
                ));
            }
        }
        self.check_plausibility(p, &mut out);
        if let Some(g) = e.gender.filter(|g| !self.accepts_gender(*g)) {
            out.push(Finding::new(
                &rules::PARTICIPANT_GENDER_NOT_IN_PERIOD,
                at("entry.gender"),
                format!(
                    "gender `{}` is not a category of {} ({})",
                    g.code(),
                    self.period,
                    self.genders_source
                ),
                format!(
                    "sukupuoli `{}` ei ole kauden {} luokka ({})",
                    g.code(),
                    self.period,
                    self.genders_source
                ),
                format!(
                    "kön `{}` är inte en kategori under {} ({})",
                    g.code(),
                    self.period,
                    self.genders_source
                ),
            ));
        }
        for field in self.completeness_at(p, cut_off).missing {
            out.push(Finding::new(
                &rules::PARTICIPANT_INCOMPLETE,
                at(field.path()),
                format!(
                    "missing or unusable; {} ({})",
                    self.incomplete_effect_en, self.completeness_source
                ),
                format!(
                    "puuttuu tai ei käytettävissä; {} ({})",
                    self.incomplete_effect_fi, self.completeness_source
                ),
                format!(
                    "saknas eller oanvändbart; {} ({})",
                    self.incomplete_effect_sv, self.completeness_source
                ),
            ));
        }
        if let Some(f) = &p.follow_up {
            if f.improvement.is_some() && !e.labour_status.is_some_and(LabourStatus::is_employed) {
                out.push(Finding::new(
                    &rules::PARTICIPANT_IMPROVEMENT_NOT_APPLICABLE,
                    at("follow_up.improvement"),
                    "an improved labour-market situation applies only to people employed at entry",
                    "parantunut työmarkkina-asema koskee vain aloittaessaan työllisiä", "en förbättrad ställning på arbetsmarknaden gäller bara dem som var sysselsatta vid start"));
            }
            match &p.exit {
                Some(exit) if f.date < exit.date => out.push(Finding::new(
                    &rules::PARTICIPANT_FOLLOW_UP_BEFORE_EXIT,
                    at("follow_up.date"),
                    format!("follow-up {} is before exit {}", f.date, exit.date),
                    format!("seuranta {} on ennen lopetusta {}", f.date, exit.date),
                    format!("uppföljningen {} är före avslutet {}", f.date, exit.date),
                )),
                Some(exit) if !self.follow_up_counts(exit.date, f.date) => {
                    let (from, to) = self.follow_up_window(exit.date).map_or_else(
                        || ("-".to_string(), "-".to_string()),
                        |(a, b)| (a.to_string(), b.to_string()),
                    );
                    out.push(
                        Finding::new(
                            &rules::PARTICIPANT_FOLLOW_UP_OUTSIDE_WINDOW,
                            at("follow_up.date"),
                            format!(
                                "follow-up {} is outside six months after exit {} ({from}–{to}, {} days either side); the longer-term results do not count it",
                                f.date, exit.date, self.follow_up_tolerance_days
                            ),
                            format!(
                                "seuranta {} ei ole kuuden kuukauden kohdalla lopetuksesta {} ({from}–{to}, {} päivää kumpaankin suuntaan); pidemmän aikavälin tuloksiin sitä ei lasketa",
                                f.date, exit.date, self.follow_up_tolerance_days
                            ), format!(
                            "uppföljningen {} ligger inte sex månader efter avslutet {} ({from}–{to}, {} dagar åt vardera hållet); den räknas inte i de långsiktiga resultaten",
                            f.date, exit.date, self.follow_up_tolerance_days
                        )),
                    )
                }
                None => out.push(Finding::new(
                    &rules::PARTICIPANT_FOLLOW_UP_WITHOUT_EXIT,
                    at("follow_up"),
                    format!("a follow-up on {} but no exit; it is not counted", f.date),
                    format!("seuranta {} ilman lopetusta; sitä ei lasketa", f.date),
                    format!("uppföljning {} utan avslut; den räknas inte", f.date),
                )),
                Some(_) => {}
            }
        }
        out
    }
}

/// The letter of an ESF+ specific objective as people write it: `l`, `(l)`,
/// `4(1)(l)`, `ESO4.12` (SFC2021 codes ESO4.1–ESO4.13 are letters (a)–(m)).
fn objective_letter(text: &str) -> Option<char> {
    let t = text.trim().to_ascii_lowercase();
    if let Some(n) = t.strip_prefix("eso4.") {
        let n: u8 = n.parse().ok()?;
        return "abcdefghijklm".chars().nth(usize::from(n).checked_sub(1)?);
    }
    let t = t.strip_prefix("4(1)").unwrap_or(&t);
    let t = t
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(t);
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some(c @ 'a'..='m'), None) => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::participant::{Exit, ExitEvent, FollowUp, Improvement, ParticipantId};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn person(entry: NaiveDate, birth: NaiveDate) -> Participant {
        let id: ParticipantId = "T1".parse().unwrap();
        let mut p = Participant::new(id, entry);
        p.entry.birth_date = Some(birth);
        p.entry.gender = Some(Gender::Man);
        p.entry.labour_status = Some(LabourStatus::Inactive {
            in_education_or_training: false,
        });
        p.entry.education = Some(EducationLevel::UpperSecondary);
        p
    }

    #[test]
    fn age_at_birthday_boundaries() {
        assert_eq!(age_on(d(1961, 3, 2), d(2016, 3, 1)), Some(54));
        assert_eq!(age_on(d(1961, 3, 1), d(2016, 3, 1)), Some(55));
        // Leap-day births: a year older on 1 March in common years.
        assert_eq!(age_on(d(2000, 2, 29), d(2025, 2, 28)), Some(24));
        assert_eq!(age_on(d(2000, 2, 29), d(2025, 3, 1)), Some(25));
        assert_eq!(age_on(d(2000, 2, 29), d(2024, 2, 29)), Some(24));
        assert_eq!(age_on(d(2030, 1, 1), d(2025, 1, 1)), None);
    }

    #[test]
    fn age_groups_per_period() {
        let r14 = &ESF_2014;
        let r21 = &ESF_PLUS_2021;
        // A person turning 55 the day after entry is not "above 54".
        let p = person(d(2016, 3, 1), d(1961, 3, 2));
        assert_eq!(r14.derive(&p).age_group.unwrap().code, "25_54");
        let p = person(d(2016, 3, 1), d(1961, 3, 1));
        assert_eq!(r14.derive(&p).age_group.unwrap().indicator, Some("CO07"));
        // 24 on entry: CO06 in 2014–2020; in 2021–2027 18–29 (EECO07).
        let p = person(d(2022, 6, 1), d(1997, 6, 2));
        assert_eq!(r14.derive(&p).age_group.unwrap().indicator, Some("CO06"));
        assert_eq!(r21.derive(&p).age_group.unwrap().indicator, Some("EECO07"));
        // 17 on the day before the 18th birthday; 18 on it.
        let p = person(d(2022, 6, 1), d(2004, 6, 2));
        assert_eq!(r21.derive(&p).age_group.unwrap().indicator, Some("EECO06"));
        let p = person(d(2022, 6, 1), d(2004, 6, 1));
        assert_eq!(r21.derive(&p).age_group.unwrap().indicator, Some("EECO07"));
        // 30: no indicator of its own.
        let p = person(d(2022, 6, 1), d(1992, 6, 1));
        assert_eq!(r21.derive(&p).age_group.unwrap().code, "30_54");
    }

    #[test]
    fn long_term_unemployment_at_the_age_boundary() {
        let r = &ESF_2014;
        let mut p = person(d(2024, 7, 16), d(1999, 7, 17)); // 24 on entry
        p.entry.labour_status = Some(LabourStatus::Unemployed {
            since: Some(d(2024, 1, 15)),
        });
        // Six months and a day: long-term for a 24-year-old...
        assert_eq!(r.long_term_unemployed(&p), Some(true));
        // ...but not once they have turned 25 (12 months needed).
        p.entry.birth_date = Some(d(1999, 7, 16));
        assert_eq!(r.long_term_unemployed(&p), Some(false));
        // Exactly six months is not "more than six months".
        p.entry.birth_date = Some(d(1999, 7, 17));
        p.entry.date = d(2024, 7, 15);
        assert_eq!(r.long_term_unemployed(&p), Some(false));
        // Twelve months and a day for someone over 25.
        let mut q = person(d(2024, 1, 16), d(1980, 1, 1));
        q.entry.labour_status = Some(LabourStatus::Unemployed {
            since: Some(d(2023, 1, 15)),
        });
        assert_eq!(r.long_term_unemployed(&q), Some(true));
        q.entry.date = d(2024, 1, 15);
        assert_eq!(r.long_term_unemployed(&q), Some(false));
        // The register definition: 12 months at any age, inclusive.
        let reg = ESF_PLUS_2021
            .with_ltu(LtuDefinition::RegisteredTwelveMonths)
            .unwrap();
        assert_eq!(reg.long_term_unemployed(&q), Some(true));
        assert_eq!(reg.long_term_unemployed(&p), Some(false));
        // Unknown start: unknown, and incomplete.
        q.entry.labour_status = Some(LabourStatus::Unemployed { since: None });
        assert_eq!(r.long_term_unemployed(&q), None);
        assert_eq!(r.completeness(&q).missing, vec![Field::UnemploymentStart]);
        // Not unemployed: never long-term unemployed.
        assert_eq!(
            r.long_term_unemployed(&person(d(2024, 1, 1), d(1980, 1, 1))),
            Some(false)
        );
    }

    #[test]
    fn incomplete_versus_declined() {
        let r = &ESF_2014;
        let mut p = person(d(2016, 1, 1), d(1980, 1, 1));
        p.entry.disadvantages.disability = Some(crate::participant::Answer::Declined);
        p.entry.disadvantages.minority = None;
        assert!(r.completeness(&p).is_complete(), "declining is not missing");
        p.entry.education = Some(EducationLevel::Unknown);
        p.entry.gender = None;
        assert_eq!(
            r.completeness(&p).missing,
            vec![Field::Gender, Field::Education]
        );
        let findings = r.check(&p);
        assert_eq!(
            findings
                .iter()
                .filter(|f| f.rule_id == "PART-COMP-001")
                .count(),
            2
        );
        assert!(findings[0].message_en.contains("grand total"));
        let f21 = ESF_PLUS_2021.check(&p);
        let comp = f21.iter().find(|f| f.rule_id == "PART-COMP-001").unwrap();
        assert!(comp.message_en.contains("not transmitted"));
        // A 2016 entry is outside 2021–2027's eligibility window, and says so.
        assert!(f21.iter().any(|f| f.rule_id == "PART-PLAUS-003"));
    }

    #[test]
    fn non_binary_only_from_2021() {
        let mut p = person(d(2016, 1, 1), d(1980, 1, 1));
        p.entry.gender = Some(Gender::NonBinary);
        let f = ESF_2014.check(&p);
        assert!(f.iter().any(|f| f.rule_id == "PART-GENDER-001"));
        assert!(!ESF_2014.completeness(&p).is_complete());
        let mut q = person(d(2022, 1, 1), d(1980, 1, 1));
        q.entry.gender = Some(Gender::NonBinary);
        assert!(ESF_PLUS_2021.check(&q).is_empty());
    }

    #[test]
    fn every_exit_situation_maps_the_same_in_both_periods() {
        use ExitSituation::*;
        // (situation, job searching, education/training, employment)
        let expected = [
            (OpenLabourMarket, false, false, true),
            (SelfEmployed, false, false, true),
            (PaySubsidisedWork, false, false, true),
            (Apprenticeship, false, true, true),
            (Education, false, true, false),
            (WorkTrial, true, false, false),
            (VocationalRehabilitation, false, false, false),
            (RehabilitativeWorkActivity, false, false, false),
            (JobSeeking, true, false, false),
            (Inactive, false, false, false),
            (Unknown, false, false, false),
        ];
        assert_eq!(expected.len(), ExitSituation::ALL.len());
        for rules in [&ESF_2014, &ESF_PLUS_2021] {
            for (s, job, edu, emp) in expected {
                let exit = Exit::new(d(2024, 5, 1), Some(s));
                let r = rules.result_upon_leaving(&exit).categories;
                assert_eq!(
                    (r.job_searching, r.education_or_training, r.employment),
                    (job, edu, emp),
                    "{s} in {}",
                    rules.period
                );
                assert!(!r.qualification);
            }
        }
    }

    #[test]
    fn last_event_in_the_reference_period_counts() {
        let mut exit = Exit::new(d(2024, 3, 1), Some(ExitSituation::Education));
        exit.later_events = vec![
            ExitEvent {
                date: d(2024, 3, 29), // day 28: inside
                situation: ExitSituation::JobSeeking,
            },
            ExitEvent {
                date: d(2024, 3, 30), // day 29: outside
                situation: ExitSituation::OpenLabourMarket,
            },
        ];
        let r = ESF_PLUS_2021.result_upon_leaving(&exit);
        assert_eq!(r.situation, Some(ExitSituation::JobSeeking));
        assert_eq!(r.ignored_events, 1);
        assert!(!r.categories.employment && r.categories.job_searching);
        exit.qualification_gained = Some(true);
        assert!(
            ESF_PLUS_2021
                .result_upon_leaving(&exit)
                .categories
                .qualification
        );
    }

    #[test]
    fn follow_up_rules() {
        let mut p = person(d(2016, 1, 1), d(1980, 1, 1));
        p.exit = Some(Exit::new(d(2016, 6, 30), Some(ExitSituation::JobSeeking)));
        let mut f = FollowUp::new(d(2016, 12, 1), Some(true));
        f.improvement = Some(Improvement::Promotion);
        p.follow_up = Some(f);
        let ids: Vec<_> = ESF_2014.check(&p).iter().map(|f| f.rule_id).collect();
        assert_eq!(ids, ["PART-FOLLOW-001", "PART-FOLLOW-002"]);
        p.entry.labour_status = Some(LabourStatus::Employed);
        p.follow_up = Some(FollowUp {
            date: d(2016, 12, 30),
            ..f
        });
        assert!(ESF_2014.check(&p).is_empty());
        // Follow-up data without an exit (issue 11): an error, not counted.
        p.exit = None;
        let found = ESF_2014.check(&p);
        let ids: Vec<_> = found.iter().map(|f| f.rule_id).collect();
        assert_eq!(ids, ["PART-FOLLOW-003"]);
        assert_eq!(
            found[0].message_sv,
            "uppföljning 2016-12-30 utan avslut; den räknas inte"
        );
    }

    /// A municipality code that is no municipality is said (`PART-PLAUS-005`),
    /// the record kept; every municipality of every classification carried
    /// passes, and a flagged code is one whose region cannot be told.
    #[test]
    fn a_code_that_is_no_municipality_is_said() {
        let mut p = person(d(2024, 3, 1), d(1980, 1, 1));
        let flagged = |p: &Participant| {
            ESF_PLUS_2021
                .check(p)
                .iter()
                .filter(|f| f.rule_id == "PART-PLAUS-005")
                .count()
        };
        for code in 0..=999u16 {
            let c: crate::classify::MunicipalityCode = format!("{code:03}").parse().unwrap();
            p.entry.municipality = Some(c);
            let known = crate::classify::REGIONAL_YEARS.iter().any(|&y| {
                crate::classify::regional(y)
                    .unwrap()
                    .municipalities
                    .iter()
                    .any(|m| m.code == c)
            });
            assert_eq!(flagged(&p), usize::from(!known), "{code:03}");
            if !known {
                assert!(ESF_PLUS_2021.derive(&p).region.is_none(), "{code:03}");
            }
        }
        p.entry.municipality = Some("000".parse().unwrap());
        let f = ESF_PLUS_2021.check(&p);
        let f = f.iter().find(|f| f.rule_id == "PART-PLAUS-005").unwrap();
        assert_eq!(f.path, "participants[T1].entry.municipality");
        assert!(
            f.message_en
                .starts_with("municipality code 000 is no municipality")
        );
    }

    #[test]
    fn region_from_the_municipality_and_optional_items() {
        let mut p = person(d(2016, 3, 1), d(1980, 1, 1));
        p.entry.municipality = Some("609".parse().unwrap()); // Pori
        assert_eq!(ESF_2014.derive(&p).region.unwrap().to_string(), "04"); // Satakunta
        assert!(ESF_2014.optional.contains(&Field::Household));
        assert!(!ESF_PLUS_2021.optional.contains(&Field::Household));
        assert!(
            ESF_PLUS_2021
                .optional
                .contains(&Field::ThirdCountryNational)
        );
        for f in ESF_2014.optional.iter().chain(ESF_PLUS_2021.optional) {
            assert!(!REQUIRED.contains(f));
        }
    }

    #[test]
    fn education_bands() {
        // ISCED 0 is in no band of 2014–2020 (Reg. 1304/2013 Annex I), in
        // EECO09 under ESF+.
        assert!(
            ESF_2014
                .education_band(EducationLevel::EarlyChildhood)
                .is_none()
        );
        let b = ESF_2014.education_band(EducationLevel::Primary).unwrap();
        assert_eq!(
            (b.indicator, b.verification),
            ("CO09", Verification::Verified)
        );
        assert_eq!(
            ESF_PLUS_2021
                .education_band(EducationLevel::EarlyChildhood)
                .unwrap()
                .indicator,
            "EECO09"
        );
        assert_eq!(
            ESF_PLUS_2021
                .education_band(EducationLevel::Bachelor)
                .unwrap()
                .indicator,
            "EECO11"
        );
        assert!(ESF_2014.education_band(EducationLevel::Unknown).is_none());
    }
}
