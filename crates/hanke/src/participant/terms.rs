//! The terms participant rules speak in — *käsitteet*: the data items of a
//! record, age groups, education bands, the definitions of long-term
//! unemployment, what a record derives and how complete it is.
//!
//! The rules themselves — one static value per programme period — are
//! [`ParticipantRules`](crate::rulebook::ParticipantRules) in the rulebook,
//! the layer above the model.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{ExitSituation, ResultCategories};
use crate::classify::RegionCode;
use crate::programme::Verification;

/// A data item of a participant record — *tietokenttä* — as completeness and
/// findings name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Field {
    /// Date of birth (gives the age).
    BirthDate,
    /// Gender.
    Gender,
    /// Labour-market status.
    LabourStatus,
    /// When unemployment began (gives long-term unemployment), for the unemployed.
    UnemploymentStart,
    /// Highest education (gives the ISCED group).
    Education,
    /// Municipality of residence (the region, and rural areas, are derived from it).
    Municipality,
    /// Household situation (2014–2020 original Annex I, CO12–CO14).
    Household,
    /// Disability.
    Disability,
    /// Foreign background.
    ForeignBackground,
    /// Third-country nationality.
    ThirdCountryNational,
    /// Minority.
    Minority,
    /// Homelessness or housing exclusion.
    Homeless,
    /// Other disadvantage (2014–2020 CO17).
    OtherDisadvantaged,
}

impl Field {
    /// The path of the field in a participant record, e.g. `entry.gender`.
    pub fn path(self) -> &'static str {
        match self {
            Field::BirthDate => "entry.birth_date",
            Field::Gender => "entry.gender",
            Field::LabourStatus => "entry.labour_status",
            Field::UnemploymentStart => "entry.labour_status.since",
            Field::Education => "entry.education",
            Field::Municipality => "entry.municipality",
            Field::Household => "entry.household",
            Field::Disability => "entry.disadvantages.disability",
            Field::ForeignBackground => "entry.disadvantages.foreign_background",
            Field::ThirdCountryNational => "entry.disadvantages.third_country_national",
            Field::Minority => "entry.disadvantages.minority",
            Field::Homeless => "entry.disadvantages.homeless",
            Field::OtherDisadvantaged => "entry.disadvantages.other_disadvantaged",
        }
    }
}

/// An age group of a period's indicators — *ikäryhmä*, by age at entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct AgeGroup {
    /// A stable code, e.g. `below_25`.
    pub code: &'static str,
    /// The common indicator counting it, where there is one (e.g. `CO06`).
    pub indicator: Option<&'static str>,
    /// The lowest age in the group.
    pub min: u8,
    /// The highest age in the group, inclusive; `None` for open-ended.
    pub max: Option<u8>,
}

impl AgeGroup {
    /// Whether `age` falls in the group.
    pub fn contains(&self, age: u32) -> bool {
        age >= u32::from(self.min) && self.max.is_none_or(|m| age <= u32::from(m))
    }
}

/// An education band of a period's indicators — ISCED 2011 levels counted
/// together, e.g. CO09 (ISCED 1–2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct EducationBand {
    /// The common indicator, e.g. `EECO09`.
    pub indicator: &'static str,
    /// The lowest ISCED level.
    pub isced_min: u8,
    /// The highest ISCED level.
    pub isced_max: u8,
    /// How far the band is verified.
    pub verification: Verification,
}

/// How long unemployment must last to be long-term — *pitkäaikaistyöttömyys*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum LtuDefinition {
    /// The Commission's ESF definition: more than 6 months of continuous
    /// unemployment for people under 25, more than 12 months for people aged 25
    /// and over, by age at entry. Source: Commission, *Monitoring and Evaluation of
    /// European Cohesion Policy — ESF, guidance document* (2015), Annex D —
    /// **unverified**: the text was not found (RULES.md §1.5, open question 3), so
    /// every result that relies on it says so.
    AgeDependent,
    /// The Finnish register definition: continuously registered as an unemployed
    /// jobseeker for 12 months, at any age. Source: TEM employment bulletin
    /// definitions (findikaattori.fi/en/37) \[V\]. Allowed where data come from
    /// registers in 2021–2027 (Reg. 2021/1057 Annex I, RULES.md §2.1 \[V\]); not in
    /// 2014–2020, where national definitions were allowed only for CO15–CO18
    /// (SFC 2014 FAQ, RULES.md §1.2 \[V\]).
    RegisteredTwelveMonths,
}

impl LtuDefinition {
    /// Where the definition comes from.
    pub fn source(self) -> &'static str {
        match self {
            LtuDefinition::AgeDependent => {
                "Commission ESF monitoring and evaluation guidance (2015), Annex D"
            }
            LtuDefinition::RegisteredTwelveMonths => {
                "TEM employment bulletin definitions (findikaattori.fi/en/37)"
            }
        }
    }

    /// How far the definition is verified.
    pub fn verification(self) -> Verification {
        match self {
            LtuDefinition::AgeDependent => Verification::Unverified,
            LtuDefinition::RegisteredTwelveMonths => Verification::Verified,
        }
    }

    /// Whether unemployment that began on `since` is long-term on `entry`, for a
    /// person aged `age_at_entry`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hanke::participant::LtuDefinition::*;
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// // Exactly six months is not "more than six months"; one day more is.
    /// assert!(!AgeDependent.is_long_term(24, d(2024, 1, 15), d(2024, 7, 15)));
    /// assert!(AgeDependent.is_long_term(24, d(2024, 1, 15), d(2024, 7, 16)));
    /// assert!(!AgeDependent.is_long_term(25, d(2024, 1, 15), d(2024, 7, 16)));
    /// assert!(RegisteredTwelveMonths.is_long_term(20, d(2023, 7, 16), d(2024, 7, 16)));
    /// ```
    pub fn is_long_term(self, age_at_entry: u32, since: NaiveDate, entry: NaiveDate) -> bool {
        match self {
            LtuDefinition::AgeDependent => {
                let months = if age_at_entry < 25 { 6 } else { 12 };
                since
                    .checked_add_months(Months::new(months))
                    .is_some_and(|limit| entry > limit)
            }
            LtuDefinition::RegisteredTwelveMonths => since
                .checked_add_months(Months::new(12))
                .is_some_and(|limit| entry >= limit),
        }
    }
}

/// The facts a rulebook derives from a record — *johdetut tiedot*. Never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Derived {
    /// Age in whole years on the entry date (any age: an implausible one is
    /// a finding of [`ParticipantRules::check`](crate::rulebook::ParticipantRules::check), not a missing value).
    pub age_at_entry: Option<u32>,
    /// The period's age group.
    pub age_group: Option<&'static AgeGroup>,
    /// Long-term unemployed at entry, by the rulebook's definition; `Some(false)`
    /// for everyone not unemployed.
    pub long_term_unemployed: Option<bool>,
    /// ISCED 2011 level of the highest education.
    pub isced: Option<u8>,
    /// The period's education band.
    pub education_band: Option<&'static EducationBand>,
    /// The region (maakunta) of the municipality of residence, in the
    /// classification in force at entry (the nearest embedded year).
    pub region: Option<RegionCode>,
    /// Whether the record is complete for the period.
    pub complete: bool,
}

/// Which required data a record lacks — *puuttuvat tiedot*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Completeness {
    /// The missing items, in the order of the rulebook's list.
    pub missing: Vec<Field>,
}

impl Completeness {
    /// Whether nothing required is missing.
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }
}

/// The result upon leaving — *tilanne lähtiessä* — as the rulebook counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ResultUponLeaving {
    /// The situation that counts (the last one in the reference period).
    pub situation: Option<ExitSituation>,
    /// The day of that situation.
    pub as_of: NaiveDate,
    /// The EU categories it counts under.
    pub categories: ResultCategories,
    /// Later events outside the reference period, not used.
    pub ignored_events: usize,
}

/// A completeness rule a period had until a day — *aiempi täydellisyyssääntö*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EarlierRequirement {
    /// The first day the current rule applies; a cut-off before it takes
    /// this rule.
    pub until: NaiveDate,
    /// The data a complete record had before that day.
    pub required: &'static [Field],
    /// Where the earlier rule and its end come from.
    pub source: &'static str,
}

/// Age in whole years on `day` of a person born on `birth`; `None` if born after
/// `day`. The age rises on the birthday; a person born on 29 February becomes a
/// year older on 1 March in common years.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "years of chrono's calendar (±262 143): far inside i32"
)]
pub(crate) fn age_on(birth: NaiveDate, day: NaiveDate) -> Option<u32> {
    if birth > day {
        return None;
    }
    let mut years = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}
