//! The participant questionnaire — *osallistujan alku- ja lopputietolomake* —
//! generated from the rulebook of a programme period, for apps that collect
//! participant data offline.
//!
//! The questions are the data items the period's participant rules use: which
//! are required for a complete record (RULES.md §1.4, §2.3), which are
//! special-category data that a participant may decline (GDPR Art 9; Reg.
//! 2021/1057 Annex I footnotes, RULES.md §2.2), and which answers are allowed
//! (the gender categories of the period, the labour-market statuses, the
//! education levels of Statistics Finland's classification, the exit situations).
//! When the rules change with a period, the questionnaire changes with them.
//!
//! Answers are validated by the same reader that reads participant files (the
//! question ids are its column names), so an app, a notebook and a server give the
//! same answer; errors come back per question with the reader's stable rule ids.
//!
//! The wording of the questions (fi, sv, en) is hanke's: the regulations define
//! the data items, not how to ask for them. Education levels use Statistics
//! Finland's names (fi: Koulutusaste 2016; sv: Utbildningsklassificering 2010,
//! stat.fi/meta/luokitukset/koulutusaste/001-2010/index_sv.html — level 4, new in
//! 2016, is hanke's translation).
//!
//! ```
//! use hanke::questionnaire::{Form, Questionnaire};
//! use hanke::programme::ProgrammePeriod;
//! use hanke::rulebook::Rulebook;
//!
//! let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap().participants().unwrap();
//! let q = Questionnaire::new(rules, Form::Entry);
//! let gender = q.question("gender").unwrap();
//! assert_eq!(gender.choices().len(), 3); // woman, man, non-binary in 2021–2027
//! let answers = [("entry_date", "2024-03-01"), ("birth_date", "1990-05-05"), ("gender", "non_binary"),
//!                ("labour_status", "inactive"), ("education", "3")];
//! let record = q.answer_entry("P-1", &answers).unwrap();
//! assert!(rules.is_complete(&record));
//! ```

use serde::Serialize;

use crate::classify::EducationLevel;
use crate::finding::{Finding, rules};
use crate::import::ImportOptions;
use crate::import::column_text;
use crate::import::record::{Cell, RecordBuilder};
use crate::participant::fields::{Column, t};
use crate::participant::{ExitSituation, Gender, Participant};
use crate::programme::ProgrammePeriod;
use crate::rulebook::ParticipantRules;

pub use crate::lang::Text;

/// The question of a column: its name and its label from the field table.
fn asked(column: Column) -> (&'static str, Text) {
    let spec = column.spec();
    (spec.name, spec.label)
}

/// An allowed answer — *vastausvaihtoehto*: the code the record stores and its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// The code, e.g. `non_binary`.
    pub code: &'static str,
    /// The label.
    pub label: Text,
}

/// What kind of answer a question takes — *vastauksen tyyppi*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
// Exhaustive on purpose: the bindings convert it with a `match`, and a new
// kind must fail to compile there, not pass as another.
pub enum AnswerKind {
    /// A date, `YYYY-MM-DD`.
    Date,
    /// One of the choices.
    Choice {
        /// The allowed answers.
        choices: Vec<Choice>,
    },
    /// A municipality code of Statistics Finland's classification (`297`).
    Municipality,
    /// A personal identity code (*henkilötunnus*). An app keys it into a
    /// pseudonym on the device ([`crate::participant::Pseudonymiser`]) and
    /// stores and syncs only the pseudonym; the code is never shown back.
    IdentityCode,
}

/// One question — *kysymys*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Question {
    /// The id, which is also the column of the participant file, e.g. `labour_status`.
    pub id: &'static str,
    /// The question.
    pub label: Text,
    /// The answer it takes.
    pub kind: AnswerKind,
    /// Required for a complete record in the period (or for the form itself:
    /// entry and exit dates).
    pub required: bool,
    /// Special-category data (GDPR Art 9): asked only with consent, may be declined.
    pub sensitive: bool,
    /// The participant may decline to answer (a `declined` choice is offered).
    pub may_decline: bool,
    /// Asked only when another question has this answer: `(question id, code)`.
    pub asked_when: Option<(&'static str, &'static str)>,
}

impl Question {
    /// The allowed answers of a choice question; empty for other kinds.
    pub fn choices(&self) -> &[Choice] {
        match &self.kind {
            AnswerKind::Choice { choices } => choices,
            _ => &[],
        }
    }
}

/// Entry or exit — *alku- vai lopputiedot*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// Data at entry (*alkutiedot*).
    Entry,
    /// Data at exit (*lopputiedot*).
    Exit,
}

/// The questionnaire of a period and form — *lomake*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Questionnaire {
    /// The programme period whose rules it follows.
    pub period: ProgrammePeriod,
    /// Entry or exit.
    pub form: Form,
    /// The questions, in the order to ask them.
    pub questions: Vec<Question>,
    #[serde(skip)]
    rules: &'static ParticipantRules,
}

const YES_NO_DECLINED: [Choice; 3] = [
    Choice {
        code: "yes",
        label: t("Kyllä", "Ja", "Yes"),
    },
    Choice {
        code: "no",
        label: t("Ei", "Nej", "No"),
    },
    Choice {
        code: "declined",
        label: t("En halua vastata", "Vill inte svara", "Prefer not to say"),
    },
];

fn gender_label(g: Gender) -> Text {
    match g {
        Gender::Woman => t("Nainen", "Kvinna", "Woman"),
        Gender::Man => t("Mies", "Man", "Man"),
        Gender::NonBinary => t("Muunsukupuolinen", "Icke-binär", "Non-binary"),
    }
}

const LABOUR_STATUSES: [Choice; 5] = [
    Choice {
        code: "employed",
        label: t("Työssä (palkansaaja)", "I arbete (löntagare)", "Employed"),
    },
    Choice {
        code: "self_employed",
        label: t("Yrittäjä", "Företagare", "Self-employed"),
    },
    Choice {
        code: "unemployed",
        label: t("Työtön", "Arbetslös", "Unemployed"),
    },
    Choice {
        code: "inactive_in_education",
        label: t("Opiskelija", "Studerande", "In education or training"),
    },
    Choice {
        code: "inactive",
        label: t(
            "Muu työvoiman ulkopuolella",
            "Annan utanför arbetskraften",
            "Other, outside the labour force",
        ),
    },
];

fn education_label(level: EducationLevel) -> Text {
    use EducationLevel::*;
    let sv = match level {
        EarlyChildhood => "Förskolenivå",
        Primary => "Lägre grundnivå",
        LowerSecondary => "Högre grundnivå",
        UpperSecondary => "Mellannivå",
        PostSecondary => "Specialyrkesutbildningsnivå",
        ShortCycleTertiary => "Lägsta högre nivå",
        Bachelor => "Lägre högskolenivå",
        Master => "Högre högskolenivå",
        Doctoral => "Forskarutbildningsnivå",
        Unknown => "Utbildningsnivån okänd",
    };
    let en = match level {
        EarlyChildhood => "Early childhood education (ISCED 0)",
        Primary => "Primary education (ISCED 1)",
        LowerSecondary => "Lower secondary education (ISCED 2)",
        UpperSecondary => "Upper secondary education (ISCED 3)",
        PostSecondary => "Post-secondary non-tertiary education (ISCED 4)",
        ShortCycleTertiary => "Short-cycle tertiary education (ISCED 5)",
        Bachelor => "Bachelor's or equivalent (ISCED 6)",
        Master => "Master's or equivalent (ISCED 7)",
        Doctoral => "Doctoral or equivalent (ISCED 8)",
        Unknown => "Not known",
    };
    t(level.name_fi(), sv, en)
}

/// The education codes the question offers: the levels of Koulutusaste 2016,
/// unknown last.
const EDUCATION_CODES: [(&str, u8); 10] = [
    ("0", 0),
    ("1", 1),
    ("2", 2),
    ("3", 3),
    ("4", 4),
    ("5", 5),
    ("6", 6),
    ("7", 7),
    ("8", 8),
    ("9", 9),
];

fn exit_label(s: ExitSituation) -> Text {
    use ExitSituation::*;
    let (sv, en) = match s {
        OpenLabourMarket => (
            "Arbete på den öppna arbetsmarknaden",
            "Work on the open labour market",
        ),
        SelfEmployed => ("Företagare", "Self-employed"),
        PaySubsidisedWork => ("Arbete med lönesubvention", "Pay-subsidised work"),
        Apprenticeship => ("Läroavtalsutbildning", "Apprenticeship"),
        Education => ("Utbildning", "Education or training"),
        WorkTrial => ("Arbetsprövning", "Work trial"),
        VocationalRehabilitation => ("Yrkesinriktad rehabilitering", "Vocational rehabilitation"),
        RehabilitativeWorkActivity => (
            "Arbetsverksamhet i rehabiliteringssyfte",
            "Rehabilitative work activity",
        ),
        JobSeeking => ("Arbetssökande", "Job seeking"),
        Inactive => ("Utanför arbetskraften", "Outside the labour force"),
        Unknown => ("Inte känt", "Not known"),
    };
    t(s.name_fi(), sv, en)
}

fn date(column: Column, required: bool) -> Question {
    let (id, label) = asked(column);
    Question {
        id,
        label,
        kind: AnswerKind::Date,
        required,
        sensitive: false,
        may_decline: false,
        asked_when: None,
    }
}

fn yes_no(column: Column, sensitive: bool) -> Question {
    let (id, label) = asked(column);
    Question {
        id,
        label,
        kind: AnswerKind::Choice {
            choices: YES_NO_DECLINED.to_vec(),
        },
        required: false,
        sensitive,
        may_decline: true,
        asked_when: None,
    }
}

impl Questionnaire {
    /// The questionnaire of `form` under `rules`.
    pub fn new(rules: &'static ParticipantRules, form: Form) -> Questionnaire {
        use crate::participant::Field;
        let required = |f: Field| rules.required.contains(&f);
        let collected = |f: Field| rules.required.contains(&f) || rules.optional.contains(&f);
        let mut questions = Vec::new();
        match form {
            Form::Entry => {
                questions.push(date(Column::EntryDate, true));
                // What the period needs to recognise one person across records
                // (`ParticipantRules::identification`, RULES.md §4.3): never
                // required for a complete record, never stored as given.
                let (id, label) = asked(Column::IdentityCode);
                questions.push(Question {
                    id,
                    label,
                    kind: AnswerKind::IdentityCode,
                    required: false,
                    sensitive: false,
                    may_decline: false,
                    asked_when: None,
                });
                questions.push(date(Column::BirthDate, required(Field::BirthDate)));
                let (id, label) = asked(Column::Gender);
                questions.push(Question {
                    id,
                    label,
                    kind: AnswerKind::Choice {
                        choices: rules
                            .genders
                            .iter()
                            .map(|g| Choice {
                                code: g.code(),
                                label: gender_label(*g),
                            })
                            .collect(),
                    },
                    required: required(Field::Gender),
                    sensitive: false,
                    may_decline: false,
                    asked_when: None,
                });
                if collected(Field::Municipality) {
                    let (id, label) = asked(Column::Municipality);
                    questions.push(Question {
                        id,
                        label,
                        kind: AnswerKind::Municipality,
                        required: required(Field::Municipality),
                        sensitive: false,
                        may_decline: false,
                        asked_when: None,
                    });
                }
                let (id, label) = asked(Column::LabourStatus);
                questions.push(Question {
                    id,
                    label,
                    kind: AnswerKind::Choice {
                        choices: LABOUR_STATUSES.to_vec(),
                    },
                    required: required(Field::LabourStatus),
                    sensitive: false,
                    may_decline: false,
                    asked_when: None,
                });
                let mut since = date(Column::UnemployedSince, required(Field::UnemploymentStart));
                since.asked_when = Some(("labour_status", "unemployed"));
                questions.push(since);
                let (id, label) = asked(Column::Education);
                questions.push(Question {
                    id,
                    label,
                    kind: AnswerKind::Choice {
                        choices: EDUCATION_CODES
                            .iter()
                            .filter_map(|(code, n)| {
                                EducationLevel::from_code(*n).map(|l| Choice {
                                    code,
                                    label: education_label(l),
                                })
                            })
                            .collect(),
                    },
                    required: required(Field::Education),
                    sensitive: false,
                    may_decline: false,
                    asked_when: None,
                });
                // Special-category data (GDPR Art 9) may be declined.
                let disadvantages = [
                    (Field::Disability, Column::Disability, true),
                    (Field::ForeignBackground, Column::ForeignBackground, true),
                    (
                        Field::ThirdCountryNational,
                        Column::ThirdCountryNational,
                        false,
                    ),
                    (Field::Minority, Column::Minority, true),
                    (Field::Homeless, Column::Homeless, false),
                    (Field::OtherDisadvantaged, Column::OtherDisadvantaged, false),
                ];
                for (field, column, sensitive) in disadvantages {
                    if collected(field) {
                        questions.push(yes_no(column, sensitive));
                    }
                }
            }
            Form::Exit => {
                questions.push(date(Column::ExitDate, true));
                let (id, label) = asked(Column::ExitSituation);
                questions.push(Question {
                    id,
                    label,
                    kind: AnswerKind::Choice {
                        choices: ExitSituation::ALL
                            .iter()
                            .map(|s| Choice {
                                code: s.code(),
                                label: exit_label(*s),
                            })
                            .collect(),
                    },
                    required: true,
                    sensitive: false,
                    may_decline: false,
                    asked_when: None,
                });
                let (id, label) = asked(Column::QualificationGained);
                questions.push(Question {
                    id,
                    label,
                    kind: AnswerKind::Choice {
                        choices: YES_NO_DECLINED.iter().take(2).copied().collect(),
                    },
                    required: false,
                    sensitive: false,
                    may_decline: false,
                    asked_when: None,
                });
            }
        }
        Questionnaire {
            period: rules.period,
            form,
            questions,
            rules,
        }
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The questionnaire as JSON, for an app to render.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }

    /// Validates entry answers (`(question id, answer)`, codes as in the choices)
    /// into a participant record with id `participant_id`, or the errors of every
    /// question that cannot be accepted. Unknown question ids are errors
    /// (`QST-UNK-001`); required questions left unanswered are errors
    /// (`QST-REQ-001`) — an app that wants to save an incomplete record reads the
    /// participant file form instead.
    pub fn answer_entry(
        &self,
        participant_id: &str,
        answers: &[(&str, &str)],
    ) -> Result<Participant, Vec<Finding>> {
        let mut errors = self.check_answers(answers);
        let record = self.read_cells(
            &|c| match c {
                Column::ParticipantId => Some(participant_id.to_string()),
                _ => self.answer_to(answers, c),
            },
            &mut errors,
        );
        match (record, errors.is_empty()) {
            (Some(p), true) => Ok(p),
            _ => Err(errors),
        }
    }

    /// Validates exit answers against the participant's entry record and gives
    /// the updated record, or the errors of every question that cannot be accepted
    /// (an exit before entry is `PART-EXIT-001`, from the participant rules).
    pub fn answer_exit(
        &self,
        participant: &Participant,
        answers: &[(&str, &str)],
    ) -> Result<Participant, Vec<Finding>> {
        let mut errors = self.check_answers(answers);
        // The entry record's values, with the exit answers in their columns:
        // one reader decides for both forms.
        let record = self.read_cells(
            &|c| {
                if self.question(c.name()).is_some() && answers.iter().any(|(q, _)| *q == c.name())
                {
                    self.answer_to(answers, c)
                } else {
                    column_text(participant, c)
                }
            },
            &mut errors,
        );
        match (record, errors.is_empty()) {
            (Some(mut p), true) => {
                // The identity code travelled in memory only; keep the original.
                p.identity_code = participant.identity_code.clone();
                p.exit = p.exit.map(|mut x| {
                    if let Some(old) = &participant.exit {
                        x.later_events = old.later_events.clone();
                    }
                    x
                });
                Ok(p)
            }
            _ => Err(errors),
        }
    }

    /// The answer given to the question of column `c`, if it is a question of
    /// this form.
    fn answer_to(&self, answers: &[(&str, &str)], c: Column) -> Option<String> {
        self.question(c.name())?;
        answers
            .iter()
            .find(|(q, _)| *q == c.name())
            .map(|(_, v)| (*v).to_string())
    }

    fn check_answers(&self, answers: &[(&str, &str)]) -> Vec<Finding> {
        let mut errors = Vec::new();
        for (id, _) in answers {
            if self.question(id).is_none() {
                errors.push(Finding::new(
                    &rules::QUESTIONNAIRE_UNKNOWN_QUESTION,
                    *id,
                    format!("{id:?} is not a question of this form"),
                    format!("{id:?} ei ole tämän lomakkeen kysymys"),
                    format!("{id:?} är inte en fråga i detta formulär"),
                ));
            }
        }
        let answer = |id: &str| {
            answers
                .iter()
                .find(|(q, _)| *q == id)
                .map(|(_, v)| v.trim())
                .filter(|v| !v.is_empty())
        };
        for q in self.questions.iter().filter(|q| q.required) {
            let applies = q
                .asked_when
                .is_none_or(|(other, code)| answer(other) == Some(code));
            if applies && answer(q.id).is_none() {
                errors.push(Finding::new(
                    &rules::QUESTIONNAIRE_REQUIRED_UNANSWERED,
                    q.id,
                    format!("{:?} is required for a complete record", q.label.en),
                    format!("{:?} tarvitaan täydellisiin tietoihin", q.label.fi),
                    format!("{:?} behövs för fullständiga uppgifter", q.label.sv),
                ));
            }
        }
        errors
    }

    /// Reads one record from its column texts with the participant reader
    /// and the period's rules.
    pub(crate) fn read_cells(
        &self,
        text: &dyn Fn(Column) -> Option<String>,
        errors: &mut Vec<Finding>,
    ) -> Option<Participant> {
        let options = ImportOptions {
            accept_temporary_codes: true,
            rules: Some(self.rules),
            ..ImportOptions::default()
        };
        let texts: Vec<Option<String>> = Column::ALL
            .iter()
            .map(|c| {
                text(*c)
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
            })
            .collect();
        let cell = |c: Column| match texts.get(c as usize) {
            Some(Some(t)) => Cell::Text(t),
            _ => Cell::Missing,
        };
        let mut rejections = Vec::new();
        let record = RecordBuilder::default().build(&options, &cell, &mut rejections);
        let findings = record
            .as_ref()
            .map(|p| self.rules.check(p))
            .unwrap_or_default();
        for f in rejections.iter().chain(&findings) {
            if f.severity == crate::Severity::Info {
                continue;
            }
            // The reader's finding, located at the question it is about.
            errors.push(f.clone().at_path(question_of(&f.path)));
        }
        record
    }
}

/// An edition of a period's forms — *lomakeversio*: `2021-2027#2`. Every
/// answer a record holds names the edition it was given under, so that a form
/// answered offline and synced after the rules changed is re-validated under
/// the current edition with findings that say which edition each answer came
/// from ([`crate::sync`]).
///
/// ```
/// use hanke::questionnaire::FormVersion;
/// let v: FormVersion = "2021-2027#1".parse()?;
/// assert_eq!(v.to_string(), "2021-2027#1");
/// assert!(v.edition().is_some());
/// assert!("2021-2027".parse::<FormVersion>().is_err());
/// # Ok::<(), hanke::questionnaire::FormVersionError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FormVersion {
    /// The programme period whose rules the forms follow.
    pub period: ProgrammePeriod,
    /// The edition number, from 1.
    pub number: u16,
}

/// A form version's text that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "a form version is a programme period and an edition number, e.g. 2021-2027#2 (got {given})"
)]
pub struct FormVersionError {
    given: crate::Echo,
}

error_codes! {
    FormVersionError {
        FormVersionError { .. } => "form_version.invalid": "A form version that is not a programme period and an edition number, e.g. 2021-2027#2.",
    }
}

impl std::fmt::Display for FormVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (a, b) = self.period.years();
        write!(f, "{a}-{b}#{}", self.number)
    }
}

impl std::str::FromStr for FormVersion {
    type Err = FormVersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || FormVersionError {
            given: crate::Echo::new(s),
        };
        let (period, number) = s.trim().split_once('#').ok_or_else(err)?;
        let period: ProgrammePeriod = period.parse().map_err(|_| err())?;
        let number: u16 = number
            .parse()
            .ok()
            .filter(|n| *n > 0 && number.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(err)?;
        Ok(FormVersion { period, number })
    }
}

serde_as_string!(FormVersion);

impl FormVersion {
    /// The edition this version names, if this library knows it.
    pub fn edition(self) -> Option<&'static Edition> {
        EDITIONS.iter().find(|e| e.version == self)
    }

    /// The current edition of `period`'s forms, `None` for a period without
    /// participant forms.
    pub fn current(period: ProgrammePeriod) -> Option<FormVersion> {
        EDITIONS
            .iter()
            .filter(|e| e.version.period == period)
            .map(|e| e.version)
            .max()
    }
}

/// One edition of a period's entry and exit forms: when it was made, what
/// changed, and the fingerprint of its questions (SHA-256 of the two forms'
/// JSON), which a test compares with the forms the code builds — a change to
/// the questions without a new edition fails it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Edition {
    /// The version.
    pub version: FormVersion,
    /// The day it was made.
    pub date: &'static str,
    /// What changed from the previous edition.
    pub changes: Text,
    /// SHA-256 of the JSON of the entry and exit forms, hexadecimal.
    pub fingerprint: &'static str,
}

const fn edition(
    period: ProgrammePeriod,
    number: u16,
    date: &'static str,
    changes: Text,
    fingerprint: &'static str,
) -> Edition {
    Edition {
        version: FormVersion { period, number },
        date,
        changes,
        fingerprint,
    }
}

/// Every edition of the forms, oldest first per period.
pub const EDITIONS: &[Edition] = &[
    edition(
        ProgrammePeriod::Period2014To2020,
        1,
        "2026-11-23",
        t(
            "Ensimmäinen versio (issue 4)",
            "Första versionen (issue 4)",
            "First edition (issue 4)",
        ),
        "e938b44cb9a642d2a9b63a1784fc03c96ba67f6ced4b6fa1b13f86189ed8df5e",
    ),
    edition(
        ProgrammePeriod::Period2014To2020,
        2,
        "2026-12-04",
        IDENTITY_ADDED,
        "a6e571771c8f6a0b0496bb8821bef3fc3fb8404800ced3edc7994b28e3c76a8b",
    ),
    edition(
        ProgrammePeriod::Period2021To2027,
        1,
        "2026-11-23",
        t(
            "Ensimmäinen versio (issue 4)",
            "Första versionen (issue 4)",
            "First edition (issue 4)",
        ),
        "92b75d17076835d8debe049d894337060f7f43649762747f6bbbcd906f0e9626",
    ),
    edition(
        ProgrammePeriod::Period2021To2027,
        2,
        "2026-12-04",
        IDENTITY_ADDED,
        "7efe79bbc4fb005246e26d47e66f34f6ebf2323d4c99b3a96c520c6e2b0ae624",
    ),
];

const IDENTITY_ADDED: Text = t(
    "Alkutietoihin lisätty henkilötunnus, joka pseudonymisoidaan laitteella (issue 26)",
    "Personbeteckningen tillagd i startuppgifterna, pseudonymiseras på enheten (issue 26)",
    "Entry form asks for the identity code, pseudonymised on the device (issue 26)",
);

impl Questionnaire {
    /// The edition of the forms this questionnaire is.
    pub fn version(&self) -> FormVersion {
        FormVersion::current(self.period).unwrap_or(FormVersion {
            period: self.period,
            number: 1,
        })
    }

    /// The fingerprint of the period's entry and exit forms as built now
    /// (see [`Edition::fingerprint`]).
    pub fn fingerprint(rules: &'static ParticipantRules) -> String {
        use sha2::{Digest, Sha256};
        let forms = (
            Questionnaire::new(rules, Form::Entry),
            Questionnaire::new(rules, Form::Exit),
        );
        let json = serde_json::to_string(&forms).unwrap_or_default();
        Sha256::digest(json.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// The question a reader finding is about: its column, or the first part of a
/// record path (`entry.gender` → `gender`).
pub(crate) fn question_of(path: &str) -> String {
    let last = path.rsplit('.').next().unwrap_or(path);
    match path {
        p if p.contains("exit") && last == "date" => "exit_date".to_string(),
        p if p.contains("entry") && last == "date" => "entry_date".to_string(),
        _ => last.to_string(),
    }
}

#[cfg(test)]
mod edition_tests {
    use super::*;
    use crate::rulebook::Rulebook;

    /// The forms the code builds are the current edition's: a change to a
    /// question, a choice or a label needs a new edition (and a note of what
    /// changed), or records answered before it could not say which form
    /// they answered.
    #[test]
    fn the_forms_are_their_current_edition() {
        for period in [
            ProgrammePeriod::Period2014To2020,
            ProgrammePeriod::Period2021To2027,
        ] {
            let rules = Rulebook::for_period(period)
                .and_then(|r| r.participants())
                .unwrap();
            let current = FormVersion::current(period).unwrap();
            assert_eq!(
                Questionnaire::fingerprint(rules),
                current.edition().unwrap().fingerprint,
                "the {period:?} forms changed: add an edition to EDITIONS"
            );
            assert_eq!(Questionnaire::new(rules, Form::Entry).version(), current);
        }
    }

    #[test]
    fn versions_read_only_their_own_form() {
        for bad in [
            "",
            "2021-2027",
            "2021-2027#",
            "2021-2027#0",
            "2021-2027#+1",
            "2021-2027#x",
            "2022-2027#1",
            "#1",
        ] {
            let e = bad.parse::<FormVersion>().unwrap_err();
            assert_eq!(e.code(), "form_version.invalid", "{bad:?}");
        }
        let v: FormVersion = " 2014–2020#1 ".parse().unwrap();
        assert_eq!(v.to_string(), "2014-2020#1");
        assert_eq!(v.edition().unwrap().date, "2026-11-23");
        assert!(
            "2014-2020#99"
                .parse::<FormVersion>()
                .unwrap()
                .edition()
                .is_none()
        );
    }
}

#[cfg(test)]
mod identity_tests {
    use super::*;
    use crate::rulebook::Rulebook;

    /// Both periods ask for the identity code on entry (RULES.md §4.3), never
    /// as required for completeness, and the rules say where that comes from.
    #[test]
    fn the_entry_form_asks_for_the_identity_code_in_both_periods() {
        for (period, entry) in [
            (ProgrammePeriod::Period2014To2020, "2016-03-01"),
            (ProgrammePeriod::Period2021To2027, "2024-03-01"),
        ] {
            let rules = Rulebook::for_period(period)
                .and_then(|r| r.participants())
                .unwrap();
            let q = Questionnaire::new(rules, Form::Entry);
            let code = q.question("identity_code").unwrap();
            assert_eq!(code.kind, AnswerKind::IdentityCode);
            assert!(!code.required && !code.sensitive);
            assert!(rules.identification.source.contains("RULES.md §4.3"));
            assert!(
                Questionnaire::new(rules, Form::Exit)
                    .question("identity_code")
                    .is_none()
            );
            // The answer is read as every code is: kept in memory, checked.
            let answers = [
                ("entry_date", entry),
                ("identity_code", "010190-901R"),
                ("birth_date", "1990-01-01"),
                ("gender", "woman"),
                ("labour_status", "inactive"),
                ("education", "3"),
            ];
            let p = q.answer_entry("P-1", &answers).unwrap();
            assert!(p.identity_code.is_some());
            let mut bad = answers;
            bad[1] = ("identity_code", "010190-901X");
            let errors = q.answer_entry("P-1", &bad).unwrap_err();
            assert!(
                errors.iter().any(|f| f.path == "identity_code"),
                "{errors:?}"
            );
            assert!(errors.iter().all(|f| !f.message_en.contains("901X")));
        }
    }
}
