//! Participants — *osallistujat*: one record per person per project, with the
//! data recorded at entry (*aloitustiedot*), at exit (*lopetustiedot*) and at the
//! follow-up six months later.
//!
//! The record stores what was asked, never what can be derived: age at entry,
//! age group, long-term unemployment, ISCED group and region are computed by the
//! period's [`ParticipantRules`](crate::rulebook::ParticipantRules) (reached through
//! [`Rulebook::participants`](crate::rulebook::Rulebook::participants)), so that
//! a record read in 2026 under the 2014–2020 rules gives the answer of those rules.
//!
//! ```
//! use chrono::NaiveDate;
//! use hanke::participant::{Participant, Gender, LabourStatus, ExitSituation, Exit};
//! use hanke::rulebook::Rulebook;
//! use hanke::programme::ProgrammePeriod;
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! let mut p = Participant::new("P001".parse()?, d(2016, 3, 1));
//! p.entry.birth_date = Some(d(1961, 3, 2)); // turns 55 the day after entry
//! p.entry.gender = Some(Gender::Woman);
//! p.entry.labour_status = Some(LabourStatus::Unemployed { since: Some(d(2015, 1, 1)) });
//! p.exit = Some(Exit::new(d(2016, 9, 30), Some(ExitSituation::PaySubsidisedWork)));
//!
//! let rules = Rulebook::for_period(ProgrammePeriod::Period2014To2020).unwrap().participants().unwrap();
//! let derived = rules.derive(&p);
//! assert_eq!(derived.age_at_entry, Some(54)); // not "above 54"
//! assert_eq!(derived.long_term_unemployed, Some(true));
//! assert!(rules.result_upon_leaving(p.exit.as_ref().unwrap()).categories.employment);
//! # Ok::<(), hanke::participant::ParticipantError>(())
//! ```

pub mod columns;
mod dedupe;
mod exit;
pub mod fields;
mod id;
mod pseudonym;
mod terms;

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::PersonalIdentityCode;
use crate::classify::{EducationLevel, MunicipalityCode};

pub(crate) use dedupe::key_of;
pub use dedupe::{
    DuplicateKey, Merge, Merged, has_duplicates, merge_duplicates, merge_duplicates_parallel,
    repeated_ids,
};
#[cfg(feature = "arrow")]
pub(crate) use dedupe::{repeated_by_spread, text_spread};
pub use exit::{ExitSituation, ResultCategories, UnknownExitSituation};
pub use id::{ParticipantError, ParticipantId};
pub use pseudonym::{Pseudonym, PseudonymError, Pseudonymiser};
pub(crate) use terms::age_on;
pub use terms::{
    AgeGroup, Completeness, Derived, EarlierRequirement, EducationBand, Field, LtuDefinition,
    ResultUponLeaving,
};

/// Gender as the period's indicators break it down — *sukupuoli*. 2014–2020
/// knows women and men (Reg. 1304/2013 Annex I); 2021–2027 adds non-binary
/// persons "in accordance with national law" (Reg. 2021/1057 Annex I, RULES.md §2.1).
/// Which categories a period accepts is the rulebook's
/// [`ParticipantRules::accepts_gender`](crate::rulebook::ParticipantRules::accepts_gender).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Woman — *nainen*.
    Woman,
    /// Man — *mies*.
    Man,
    /// Non-binary person — *muunsukupuolinen*.
    NonBinary,
}

impl Gender {
    /// The label of the breakdown column, in Finnish, Swedish and English.
    pub fn text(self) -> crate::lang::Text {
        use crate::lang::Text;
        match self {
            Gender::Woman => Text::new("naiset", "kvinnor", "women"),
            Gender::Man => Text::new("miehet", "män", "men"),
            Gender::NonBinary => Text::new("muunsukupuoliset", "icke-binära", "non-binary"),
        }
    }

    /// The code used in files: `woman`, `man`, `non_binary`.
    pub fn code(self) -> &'static str {
        match self {
            Gender::Woman => "woman",
            Gender::Man => "man",
            Gender::NonBinary => "non_binary",
        }
    }

    /// Reads an English or Finnish label (`woman`, `nainen`, `non-binary`,
    /// `muunsukupuolinen`), case-insensitively.
    ///
    /// ```
    /// use hanke::participant::Gender;
    /// assert_eq!(Gender::from_label("Nainen"), Some(Gender::Woman));
    /// assert_eq!(Gender::from_label("non-binary"), Some(Gender::NonBinary));
    /// assert_eq!(Gender::from_label("x"), None);
    /// ```
    pub fn from_label(label: &str) -> Option<Gender> {
        from_labels(label, fields::GENDER_LABELS)
    }
}

/// Labour-market status at entry — *työmarkkina-asema aloitettaessa*. The four
/// statuses of the common output indicators (unemployed, inactive, employed
/// including self-employed; RULES.md §1.2, §2.2), with what the derived
/// indicators need: when unemployment began (for long-term unemployment) and
/// whether an inactive person is in education or training (CO04).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum LabourStatus {
    /// Employed — *työllinen, palkansaaja*.
    Employed,
    /// Self-employed — *yrittäjä, itsensä työllistäjä*.
    SelfEmployed,
    /// Unemployed — *työtön*: the date the current continuous unemployment began.
    Unemployed {
        /// Start of the current unemployment spell; `None` if not recorded.
        #[cfg_attr(test, proptest(strategy = "crate::arbitrary::opt_date()"))]
        #[serde(default, with = "crate::day::json::option")]
        since: Option<NaiveDate>,
    },
    /// Inactive, outside the labour force — *työvoiman ulkopuolella*.
    Inactive {
        /// In education or training (a student) — *opiskelija*.
        in_education_or_training: bool,
    },
}

impl LabourStatus {
    /// The code used in files: `employed`, `self_employed`, `unemployed`,
    /// `inactive_in_education`, `inactive` (the start of unemployment is a field
    /// of its own).
    pub fn code(self) -> &'static str {
        match self {
            LabourStatus::Employed => "employed",
            LabourStatus::SelfEmployed => "self_employed",
            LabourStatus::Unemployed { .. } => "unemployed",
            LabourStatus::Inactive {
                in_education_or_training: true,
            } => "inactive_in_education",
            LabourStatus::Inactive {
                in_education_or_training: false,
            } => "inactive",
        }
    }

    /// Reads a code or Finnish label (`työtön`, `opiskelija`, `työvoiman
    /// ulkopuolella`); an unemployed status has no start date yet.
    ///
    /// ```
    /// use hanke::participant::LabourStatus;
    /// assert_eq!(LabourStatus::from_label("Työtön"), Some(LabourStatus::Unemployed { since: None }));
    /// assert_eq!(LabourStatus::from_label("opiskelija").unwrap().code(), "inactive_in_education");
    /// ```
    pub fn from_label(label: &str) -> Option<LabourStatus> {
        from_labels(label, fields::LABOUR_STATUS_LABELS)
    }

    /// Whether the status counts as employed, including self-employed.
    pub fn is_employed(self) -> bool {
        matches!(self, LabourStatus::Employed | LabourStatus::SelfEmployed)
    }
}

/// An answer to a self-declared item — *vastaus*: yes, no, or declined
/// (*en halua vastata*), which the ESR Henkilö forms offered for sensitive items
/// (RULES.md §7). A missing answer is `None` where the answer is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Yes — *kyllä*.
    Yes,
    /// No — *ei*.
    No,
    /// Declined to answer — *en halua vastata*.
    Declined,
}

impl Answer {
    /// The code used in files: `yes`, `no`, `declined`.
    pub fn code(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::Declined => "declined",
        }
    }

    /// Reads `yes`/`kyllä`, `no`/`ei`, `declined`/`en halua vastata`, and the
    /// `true`/`false` of boolean columns (tables from pandas, polars or Arrow).
    ///
    /// ```
    /// use hanke::participant::Answer;
    /// assert_eq!(Answer::from_label("En halua vastata"), Some(Answer::Declined));
    /// assert_eq!(Answer::from_label("true"), Some(Answer::Yes));
    /// ```
    pub fn from_label(label: &str) -> Option<Answer> {
        from_labels(label, fields::ANSWER_LABELS)
    }
}

/// The self-declared disadvantages — *haavoittuvuustiedot*. Disability, foreign
/// background and minority are special-category data (RULES.md §1.2 `**`,
/// §2.2); third-country nationality and homelessness are personal data. Each may
/// be answered, declined or missing; declining never makes a record incomplete
/// (RULES.md §1.6).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
pub struct Disadvantages {
    /// Participant with disabilities — *vamma tai pitkäaikaissairaus*.
    pub disability: Option<Answer>,
    /// Foreign background (migrant) — *ulkomaalaistausta*.
    pub foreign_background: Option<Answer>,
    /// Third-country national — *kolmannen maan kansalainen* (ESF+ EECO13).
    pub third_country_national: Option<Answer>,
    /// Minority, including marginalised communities such as the Roma — *vähemmistö*.
    pub minority: Option<Answer>,
    /// Homeless or affected by housing exclusion — *asunnoton*.
    pub homeless: Option<Answer>,
    /// Other disadvantaged (2014–2020 CO17) — *muu heikommassa asemassa oleva*.
    pub other_disadvantaged: Option<Answer>,
}

impl Disadvantages {
    /// Whether the person is "disadvantaged" for the result indicators CR05 and
    /// CR09: answered yes to an item of the special-category output indicators
    /// CO15 (foreign background, third-country national, minority), CO16
    /// (disability) or CO17 (other disadvantaged). **Interpretation** (issue 24
    /// item 4, ADR 0019): Reg. 1304/2013 Annex I marks CR05 and CR09 `**`, the
    /// special-category data of Directive 95/46/EC Art 8, as it marks CO15–CO17
    /// and not homelessness (CO18, `*`), and the SFC 2014 FAQ on sensitive data
    /// lists the two results with CO15–CO17 only; the FAQ "Which participants
    /// should be counted under the result indicators dealing with
    /// disadvantaged?" was not read in full. Homelessness counts where a
    /// national definition records it as other disadvantage (national
    /// definitions are allowed for CO15–CO18, SFC 2014 FAQ).
    ///
    /// ```
    /// use hanke::participant::{Answer, Disadvantages};
    /// let mut d = Disadvantages::default();
    /// assert!(!d.any_yes());
    /// d.disability = Some(Answer::Declined);
    /// assert!(!d.any_yes());
    /// d.homeless = Some(Answer::Yes);
    /// assert!(!d.any_yes());
    /// d.other_disadvantaged = Some(Answer::Yes);
    /// assert!(d.any_yes());
    /// ```
    pub fn any_yes(&self) -> bool {
        [
            self.disability,
            self.foreign_background,
            self.third_country_national,
            self.minority,
            self.other_disadvantaged,
        ]
        .contains(&Some(Answer::Yes))
    }
}

/// The household situation of 2014–2020 (CO12–CO14 of the original Annex I) —
/// *kotitalous*. Optional: the indicators were dropped from the consolidated
/// Annex I (RULES.md §1.2), so hanke records it only when a project collects it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
pub struct Household {
    /// Nobody in the household is employed — *työtön kotitalous*.
    pub jobless: bool,
    /// Dependent children live in the household — *huollettavia lapsia*.
    pub dependent_children: bool,
    /// A single adult lives in the household — *yhden aikuisen kotitalous*.
    pub single_adult: bool,
}

/// The data recorded when a person enters — *aloitustiedot*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[non_exhaustive]
pub struct Entry {
    /// The day the person entered — *aloituspäivä*.
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::date()"))]
    #[serde(with = "crate::day::json")]
    pub date: NaiveDate,
    /// Date of birth — *syntymäaika* (the age at entry is derived from it).
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::opt_date()"))]
    #[serde(default, with = "crate::day::json::option")]
    pub birth_date: Option<NaiveDate>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Municipality of residence — *kotikunta* (the region is derived from it).
    pub municipality: Option<MunicipalityCode>,
    /// Labour-market status at entry.
    pub labour_status: Option<LabourStatus>,
    /// Highest education completed, Koulutusaste 2016 level (→ ISCED 2011).
    pub education: Option<EducationLevel>,
    /// The self-declared disadvantages.
    pub disadvantages: Disadvantages,
    /// Household situation, where collected (2014–2020 only; not in the CSV format).
    pub household: Option<Household>,
}

impl Entry {
    /// An entry on `date` with nothing else recorded yet.
    pub fn new(date: NaiveDate) -> Entry {
        Entry {
            date,
            birth_date: None,
            gender: None,
            municipality: None,
            labour_status: None,
            education: None,
            disadvantages: Disadvantages::default(),
            household: None,
        }
    }
}

/// A labour-market event after exit — *tapahtuma lopettamisen jälkeen*: the
/// situation a person moved to on a later day. Events inside the rulebook's
/// reference period change the result upon leaving ("the last event counts",
/// RULES.md §2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
pub struct ExitEvent {
    /// The day it happened.
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::date()"))]
    #[serde(with = "crate::day::json")]
    pub date: NaiveDate,
    /// The new situation.
    pub situation: ExitSituation,
}

/// The data recorded when a person leaves — *lopetustiedot*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[non_exhaustive]
pub struct Exit {
    /// The day the person left — *lopetuspäivä*.
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::date()"))]
    #[serde(with = "crate::day::json")]
    pub date: NaiveDate,
    /// The situation on leaving, in Finnish terms — *tilanne lopettaessa*.
    /// `None` when the exit form was not collected.
    pub situation: Option<ExitSituation>,
    /// Whether the person gained a qualification (a degree, or part of one) by
    /// leaving — *tutkinto tai sen osa suoritettu*. Independent of the situation.
    pub qualification_gained: Option<bool>,
    /// Later events, in any order; see [`ParticipantRules::result_upon_leaving`](crate::rulebook::ParticipantRules::result_upon_leaving).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub later_events: Vec<ExitEvent>,
}

impl Exit {
    /// An exit on `date` in `situation`.
    pub fn new(date: NaiveDate, situation: Option<ExitSituation>) -> Exit {
        Exit {
            date,
            situation,
            qualification_gained: None,
            later_events: Vec::new(),
        }
    }
}

/// How a situation improved by the follow-up — the four cases of the SFC 2014
/// FAQ on "improved labour-market situation" (RULES.md §1.4 \[V\]); a pay rise
/// alone does not count and has no variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum Improvement {
    /// From precarious to stable employment — *määräaikaisesta vakituiseen*.
    PrecariousToStable,
    /// From underemployment to full employment — *osa-aikaisesta kokoaikaiseen*.
    UnderemployedToFull,
    /// To a job needing higher skills, competences or responsibility.
    HigherSkilledJob,
    /// A promotion — *ylennys*.
    Promotion,
}

impl Improvement {
    /// The code used in files.
    pub fn code(self) -> &'static str {
        match self {
            Improvement::PrecariousToStable => "precarious_to_stable",
            Improvement::UnderemployedToFull => "underemployed_to_full",
            Improvement::HigherSkilledJob => "higher_skilled_job",
            Improvement::Promotion => "promotion",
        }
    }

    /// Every improvement.
    pub const ALL: [Improvement; 4] = [
        Improvement::PrecariousToStable,
        Improvement::UnderemployedToFull,
        Improvement::HigherSkilledJob,
        Improvement::Promotion,
    ];

    /// Reads a code.
    pub fn from_label(label: &str) -> Option<Improvement> {
        Improvement::ALL
            .into_iter()
            .find(|i| label_is(label, i.code()))
    }
}

/// The situation six months after leaving — *seurantatieto*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[non_exhaustive]
pub struct FollowUp {
    /// The day the situation was recorded.
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::date()"))]
    #[serde(with = "crate::day::json")]
    pub date: NaiveDate,
    /// In employment, including self-employment.
    pub employed: Option<bool>,
    /// An improved labour-market situation; applies only to people employed at
    /// entry (RULES.md §1.4).
    pub improvement: Option<Improvement>,
}

impl FollowUp {
    /// A follow-up on `date`.
    pub fn new(date: NaiveDate, employed: Option<bool>) -> FollowUp {
        FollowUp {
            date,
            employed,
            improvement: None,
        }
    }
}

/// A participant — *osallistuja*: one person in one project.
///
/// The identity code is held but never shown: `Debug` masks it and serde output
/// leaves it out (RULES.md §5.1; ADR 0006). Link records across files through
/// [`Pseudonymiser`] instead.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[non_exhaustive]
pub struct Participant {
    /// The project's own id for the record (not personal data).
    pub id: ParticipantId,
    /// The personal identity code, if collected. Never serialised.
    #[serde(skip)]
    #[cfg_attr(test, proptest(value = "None"))]
    pub identity_code: Option<PersonalIdentityCode>,
    /// A keyed pseudonym of the identity code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pseudonym: Option<Pseudonym>,
    /// Entry data.
    pub entry: Entry,
    /// Exit data, once the person has left.
    pub exit: Option<Exit>,
    /// Follow-up six months after exit.
    pub follow_up: Option<FollowUp>,
}

impl Participant {
    /// A participant who entered on `entry_date`, with nothing else recorded.
    pub fn new(id: ParticipantId, entry_date: NaiveDate) -> Participant {
        Participant {
            id,
            identity_code: None,
            pseudonym: None,
            entry: Entry::new(entry_date),
            exit: None,
            follow_up: None,
        }
    }

    /// Whether the person has left by `day` (inclusive).
    pub fn has_left_by(&self, day: NaiveDate) -> bool {
        self.exit.as_ref().is_some_and(|e| e.date <= day)
    }
}

/// Participant records that could not be read from JSON — with the path of
/// the offending field, the line and the column; identity codes masked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("participant records: {0}")]
pub struct ParticipantJsonError(crate::Echo);

error_codes! {
    ParticipantJsonError {
        ParticipantJsonError(..) => "participant.json": "Participant records that are not valid JSON of the record form: a syntax error, an unknown or repeated field, a value that is not one of the field's.",
    }
}

impl ParticipantJsonError {
    fn of(e: &serde_path_to_error::Error<serde_json::Error>) -> ParticipantJsonError {
        ParticipantJsonError(crate::error_code::json_message(e))
    }
}

/// Reads JSON strictly: no key twice in an object, nothing after the value.
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<T, ParticipantJsonError> {
    let text = crate::json::without_bom(text);
    crate::json::check_duplicate_keys(text).map_err(|e| ParticipantJsonError::of(&e))?;
    let de = &mut serde_json::Deserializer::from_str(text);
    let value =
        serde_path_to_error::deserialize(&mut *de).map_err(|e| ParticipantJsonError::of(&e))?;
    de.end()
        .map_err(|e| ParticipantJsonError(crate::Echo::new(&e.to_string())))?;
    Ok(value)
}

impl Participant {
    /// Reads one record from its JSON form (what `serde` writes: `id`,
    /// `entry`, `exit`, `follow_up`, `pseudonym`; never an identity code).
    /// Strict: an unknown field, a key given twice or a value that is not one
    /// of the field's is an error naming its path.
    ///
    /// ```
    /// use hanke::participant::Participant;
    /// let p = Participant::from_json_str(r#"{"id": "P1", "entry": {"date": "2024-02-01",
    ///     "birth_date": null, "gender": "woman", "municipality": null, "labour_status": null,
    ///     "education": null, "disadvantages": {}, "household": null}, "exit": null, "follow_up": null}"#)?;
    /// assert_eq!(p.id.as_str(), "P1");
    /// let e = Participant::from_json_str(r#"{"id": "P1", "id": "P2"}"#).unwrap_err();
    /// assert_eq!(e.code(), "participant.json");
    /// # Ok::<(), hanke::participant::ParticipantJsonError>(())
    /// ```
    pub fn from_json_str(text: &str) -> Result<Participant, ParticipantJsonError> {
        read_json(text)
    }
}

/// Reads a JSON array of participant records, strictly as
/// [`Participant::from_json_str`] reads one; the path of an error starts with
/// the record's index (`[3].entry.gender`).
pub fn participants_from_json_str(text: &str) -> Result<Vec<Participant>, ParticipantJsonError> {
    read_json(text)
}

impl fmt::Debug for Participant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Spelled out so that adding a field cannot leak it by accident: the
        // identity code goes through its own masked Debug.
        f.debug_struct("Participant")
            .field("id", &self.id)
            .field("identity_code", &self.identity_code)
            .field("pseudonym", &self.pseudonym)
            .field("entry", &self.entry)
            .field("exit", &self.exit)
            .field("follow_up", &self.follow_up)
            .finish()
    }
}

/// Feeds the UTF-8 bytes of `label` as compared to `emit` until it returns
/// `false`; whether every byte was taken. A label is compared trimmed,
/// lower-cased, with each run of spaces, hyphens and underscores read as one
/// `_`, so that `En halua vastata`, `en-halua-vastata` and `EN_HALUA_VASTATA`
/// are the same label. ASCII is lowercased byte by byte; other characters go
/// through the Unicode case mapping. Nothing is allocated.
fn label_bytes(label: &str, mut emit: impl FnMut(u8) -> bool) -> bool {
    let mut previous_separator = false;
    let mut utf8 = [0u8; 4];
    for c in label.trim().chars() {
        let separator = matches!(c, ' ' | '-' | '_');
        if separator && previous_separator {
            continue;
        }
        previous_separator = separator;
        if separator {
            if !emit(b'_') {
                return false;
            }
        } else if c.is_ascii() {
            // An ASCII char is one byte; `as` keeps it exactly.
            if !emit((c as u8).to_ascii_lowercase()) {
                return false;
            }
        } else {
            for lower in c.to_lowercase() {
                if !lower.encode_utf8(&mut utf8).bytes().all(&mut emit) {
                    return false;
                }
            }
        }
    }
    true
}

/// A label in compared form ([`label_bytes`]), made once and matched against
/// many candidates. Labels are short: 64 bytes on the stack, a heap buffer
/// only past that.
struct Normalized {
    inline: [u8; 64],
    len: usize,
    spill: Vec<u8>,
}

impl Normalized {
    fn of(label: &str) -> Normalized {
        let mut out = Normalized {
            inline: [0; 64],
            len: 0,
            spill: Vec::new(),
        };
        label_bytes(label, |b| {
            match out.inline.get_mut(out.len).filter(|_| out.spill.is_empty()) {
                Some(slot) => {
                    *slot = b;
                    out.len = out.len.saturating_add(1);
                }
                None => {
                    if out.spill.is_empty() {
                        out.spill.extend_from_slice(&out.inline);
                    }
                    out.spill.push(b);
                }
            }
            true
        });
        out
    }

    fn as_bytes(&self) -> &[u8] {
        if self.spill.is_empty() {
            self.inline.get(..self.len).unwrap_or(&[])
        } else {
            &self.spill
        }
    }

    /// Whether `candidate` reads as this label, its form compared as it is
    /// produced (most candidates differ at once).
    fn matches(&self, candidate: &str) -> bool {
        let wanted = self.as_bytes();
        // A candidate that starts with an ASCII letter or digit starts its form
        // with that byte, lowercased.
        if let Some(&c0) = candidate
            .as_bytes()
            .first()
            .filter(|c| c.is_ascii_alphanumeric())
        {
            if wanted.first() != Some(&c0.to_ascii_lowercase()) {
                return false;
            }
        }
        let mut i = 0;
        let same = label_bytes(candidate, |b| {
            let ok = wanted.get(i) == Some(&b);
            i = i.saturating_add(1);
            ok
        });
        same && i == wanted.len()
    }
}

/// Whether `label` reads as `candidate` (both in [`label_bytes`] form).
pub(crate) fn label_is(label: &str, candidate: &str) -> bool {
    Normalized::of(label).matches(candidate)
}

/// The first of `candidates` whose labels (`labels_of`) `label` reads as.
pub(crate) fn find_by_labels<T: Copy, const N: usize>(
    label: &str,
    candidates: impl IntoIterator<Item = T>,
    labels_of: impl Fn(T) -> [&'static str; N],
) -> Option<T> {
    let wanted = Normalized::of(label);
    candidates
        .into_iter()
        .find(|&c| labels_of(c).iter().any(|l| wanted.matches(l)))
}

/// The value of the first `(label, value)` whose label `label` reads as.
fn from_labels<T: Copy>(label: &str, table: &[(&str, T)]) -> Option<T> {
    let wanted = Normalized::of(label);
    table
        .iter()
        .find(|(candidate, _)| wanted.matches(candidate))
        .map(|&(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_normalise() {
        assert!(label_is(" En  halua-vastata ", "en_halua_vastata"));
        assert!(!label_is("  ", "x"));
        assert!(label_is("KYLLÄ", "kyllä"));
        assert_eq!(Gender::from_label("MIES"), Some(Gender::Man));
        assert_eq!(Answer::from_label("Kyllä"), Some(Answer::Yes));
        assert_eq!(
            Improvement::from_label("promotion"),
            Some(Improvement::Promotion)
        );
    }
}

#[cfg(test)]
mod label_tests {
    use super::*;
    use proptest::prelude::*;

    /// The compared form as first written — characters, lazily — the
    /// reference the byte-wise matching must agree with.
    fn label_chars(label: &str) -> impl Iterator<Item = char> + '_ {
        let mut previous_separator = false;
        label
            .trim()
            .chars()
            .filter_map(move |c| {
                let separator = matches!(c, ' ' | '-' | '_');
                let skip = separator && previous_separator;
                previous_separator = separator;
                if skip {
                    None
                } else if separator {
                    Some('_')
                } else {
                    Some(c)
                }
            })
            .flat_map(char::to_lowercase)
    }

    const CANDIDATES: [&str; 6] = [
        "työtön",
        "non_binary",
        "työvoiman_ulkopuolella",
        "ei tiedossa",
        "yes",
        "İstanbul",
    ];

    proptest! {
        /// The byte-wise matching answers as the character form does, for any
        /// text (past the 64-byte buffer too) and for candidates written with
        /// other case and separators.
        #[test]
        fn normalised_comparison_is_label_is(
            noise in "[ A-Za-zÄÖäöİı_\\-]{0,80}",
            candidate in prop::sample::select(CANDIDATES.to_vec()),
            upper in any::<bool>(),
            spaced in any::<bool>(),
        ) {
            let mut variant = if upper { candidate.to_uppercase() } else { candidate.to_string() };
            if spaced {
                variant = format!("  {} ", variant.replace('_', " - "));
            }
            for label in [noise.as_str(), variant.as_str()] {
                prop_assert_eq!(
                    label_is(label, candidate),
                    label_chars(label).eq(label_chars(candidate))
                );
            }
        }
    }
}
