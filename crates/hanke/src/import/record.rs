//! One participant record from the cells of a row — *tietue soluista*: the one
//! place where a cell becomes a value, for every reader of participant data
//! (the CSV file, an Arrow table read as records, the questionnaire's answers).
//! What each column accepts comes from the field table
//! ([`crate::participant::fields`]); every refusal names the column, says
//! what is accepted, and has its rule id.

use chrono::NaiveDate;

use super::ImportOptions;
use crate::PersonalIdentityCode;
use crate::classify::{EducationLevel, MunicipalityCode};
use crate::finding::{Finding, Rule, rules};
use crate::participant::fields::{
    Column, EDUCATION_LABELS, LONG_TERM_UNEMPLOYED_LABELS, ValueKind,
};
use crate::participant::{
    Answer, Disadvantages, Exit, ExitSituation, FollowUp, Gender, Household, Improvement,
    LabourStatus, LtuDefinition, Participant, ParticipantId, Pseudonym, age_on, label_is,
};

/// One cell of a row, as its reader has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    not(feature = "arrow"),
    allow(dead_code, reason = "typed cells come from Arrow tables")
)]
pub(crate) enum Cell<'a> {
    /// Absent, empty or white space.
    Missing,
    /// Text (trimmed by the reader).
    Text(&'a str),
    /// Bytes that are not text in the file's encoding.
    NotText,
    /// A day (an Arrow date or timestamp).
    Date(NaiveDate),
    /// A boolean (an Arrow boolean).
    Bool(bool),
    /// An integer (an Arrow integer of any width — `uint64` past `i64::MAX`
    /// too — or a float with a whole value).
    Int(i128),
    /// A date outside the dates hanke can represent.
    OutOfRange,
    /// A number that is not whole (a float column).
    Fraction,
    /// A spreadsheet value no column takes: a duration, or an error such as
    /// `#N/A` (what it is, in English, Finnish and Swedish).
    #[cfg_attr(
        not(feature = "spreadsheet"),
        allow(dead_code, reason = "refused cells come from spreadsheets")
    )]
    Refused(&'static (&'static str, &'static str, &'static str)),
}

/// The labels a reader has met, with what they read as: a categorical column
/// holds a handful of distinct texts, so after the first rows a label is one
/// comparison of bytes instead of a search of the label tables. Bounded: past
/// [`Memo::CAPACITY`] distinct texts a label is read afresh.
struct Memo<T> {
    entries: Vec<(Box<str>, T)>,
}

impl<T: Clone> Memo<T> {
    const CAPACITY: usize = 32;

    fn read(&mut self, text: &str, parse: impl FnOnce(&str) -> T) -> T {
        if let Some((_, v)) = self.entries.iter().find(|(k, _)| **k == *text) {
            return v.clone();
        }
        let v = parse(text);
        if self.entries.len() < Self::CAPACITY {
            self.entries.push((text.into(), v.clone()));
        }
        v
    }
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo {
            entries: Vec::new(),
        }
    }
}

/// A refusal of a text: why, in English, Finnish and Swedish.
type Why = Box<(String, String, String)>;

/// A labour-market status, and whether its label said "long-term".
type Status = (LabourStatus, bool);

/// Reads records from cells, remembering the labels it has read.
#[derive(Default)]
pub(crate) struct RecordBuilder {
    gender: Memo<Result<Gender, Why>>,
    status: Memo<Result<Status, Why>>,
    answer: Memo<Result<Answer, Why>>,
    education: Memo<Result<EducationLevel, Why>>,
    situation: Memo<Result<ExitSituation, Why>>,
    improvement: Memo<Result<Improvement, Why>>,
}

/// "unknown value" — with what is accepted, from the field table.
fn unknown(kind: ValueKind, text: &str) -> Why {
    if let Some(why) = kind.ambiguity(text) {
        return Box::new((
            format!("{text:?} is not read: {}", why.en),
            format!("arvoa {text:?} ei lueta: {}", why.fi),
            format!("{text:?} läses inte: {}", why.sv),
        ));
    }
    let e = kind.expected();
    let accepted = kind.accepted_line();
    Box::new((
        format!("{text:?} is not {}; accepted: {accepted}", e.en),
        format!("{text:?} ei ole {}; hyväksytään: {accepted}", e.fi),
        format!("{text:?} är inte {}; godtas: {accepted}", e.sv),
    ))
}

fn label_of<T: Copy>(
    kind: ValueKind,
    text: &str,
    from: impl Fn(&str) -> Option<T>,
) -> Result<T, Why> {
    label_value(kind, text, from).ok_or_else(|| unknown(kind, text))
}

/// What [`label_of`] reads `text` as, without the message of a label that
/// is no value: a column's dictionary is read label by label, and a polars
/// frame's list of all categories holds every other column's labels too —
/// each message (three languages and the list of accepted labels) cost more
/// than the whole lookup (issue 29: 0.4 ms a call at any number of rows).
fn label_value<T: Copy>(
    kind: ValueKind,
    text: &str,
    from: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    if kind.ambiguity(text).is_some() {
        return None;
    }
    from(text)
}

/// A level 0–9, a two-digit code, a Koulutusaste 2016 level name or an
/// everyday name ([`EDUCATION_LABELS`]).
pub(crate) fn education_from_label(text: &str) -> Option<EducationLevel> {
    text.parse::<EducationLevel>().ok().or_else(|| {
        EducationLevel::ALL
            .into_iter()
            .find(|l| label_is(text, l.name_fi()))
            .or_else(|| {
                EDUCATION_LABELS
                    .iter()
                    .find(|(l, _)| label_is(text, l))
                    .map(|(_, v)| *v)
            })
    })
}

/// The internal column code of a label of a categorical kind, read exactly as
/// the record reader reads it (the column reader of Arrow tables uses this, so
/// that both accept the same labels); `None` for a label that is no value.
/// A "long-term unemployed" label has its own code,
/// [`labour::UNEMPLOYED_LONG_TERM`](crate::participant::columns::labour).
#[cfg_attr(
    not(feature = "arrow"),
    allow(dead_code, reason = "used by the Arrow reader")
)]
pub(crate) fn code_of_label(kind: ValueKind, text: &str) -> Option<u8> {
    use crate::participant::columns::{Code, labour};
    match kind {
        ValueKind::Gender => label_value(kind, text, Gender::from_label).map(Code::column_code),
        ValueKind::LabourStatus => match status_value(text)? {
            (_, true) => Some(labour::UNEMPLOYED_LONG_TERM),
            (s, false) => Some(s.column_code()),
        },
        ValueKind::Education => {
            label_value(kind, text, education_from_label).map(Code::column_code)
        }
        ValueKind::Answer => label_value(kind, text, Answer::from_label).map(Code::column_code),
        ValueKind::YesNo => match label_value(ValueKind::Answer, text, Answer::from_label)? {
            Answer::Declined => None,
            a => Some(a.column_code()),
        },
        ValueKind::ExitSituation => {
            label_value(kind, text, ExitSituation::from_label).map(Code::column_code)
        }
        ValueKind::Improvement => {
            label_value(kind, text, Improvement::from_label).map(Code::column_code)
        }
        ValueKind::Id
        | ValueKind::Date
        | ValueKind::IdentityCode
        | ValueKind::Pseudonym
        | ValueKind::Municipality => None,
    }
}

/// Whether a text is a value of a text-only kind (ids, identity codes,
/// pseudonyms, municipality codes, dates), read as the record reader reads it.
#[cfg_attr(
    not(feature = "arrow"),
    allow(dead_code, reason = "used by the Arrow reader")
)]
pub(crate) fn text_is_valid(kind: ValueKind, text: &str, accept_temporary_codes: bool) -> bool {
    match kind {
        ValueKind::Id => text.parse::<ParticipantId>().is_ok(),
        ValueKind::Date => parse_date(text).is_ok(),
        ValueKind::IdentityCode if accept_temporary_codes => {
            PersonalIdentityCode::parse_allowing_temporary(text).is_ok()
        }
        ValueKind::IdentityCode => text.parse::<PersonalIdentityCode>().is_ok(),
        ValueKind::Pseudonym => text.parse::<Pseudonym>().is_ok(),
        ValueKind::Municipality => text.parse::<MunicipalityCode>().is_ok(),
        _ => code_of_label(kind, text).is_some(),
    }
}

fn status_from_label(text: &str) -> Result<Status, Why> {
    status_value(text).ok_or_else(|| unknown(ValueKind::LabourStatus, text))
}

/// [`status_from_label`] without the message ([`label_value`]).
fn status_value(text: &str) -> Option<Status> {
    if LONG_TERM_UNEMPLOYED_LABELS
        .iter()
        .any(|l| label_is(text, l))
    {
        return Some((LabourStatus::Unemployed { since: None }, true));
    }
    label_value(ValueKind::LabourStatus, text, LabourStatus::from_label).map(|s| (s, false))
}

pub(crate) use hanke_base::day::parse_day as parse_date;

impl RecordBuilder {
    /// The record of one row, whose cells `cell` gives; its problems go to
    /// `rejections` (without a location: the caller adds the line or row).
    /// `None` when the row is rejected.
    pub(crate) fn build<'c>(
        &mut self,
        options: &ImportOptions,
        cell: &dyn Fn(Column) -> Cell<'c>,
        rejections: &mut Vec<Finding>,
    ) -> Option<Participant> {
        let before = rejections.len();
        let mut row = Row {
            b: self,
            cell,
            out: rejections,
        };
        use Column as C;
        let id = row.value(C::ParticipantId, |text| {
            text.parse::<ParticipantId>().map_err(|e| e.to_string())
        });
        row.require(C::ParticipantId);
        let entry_date = row.date(C::EntryDate);
        row.require(C::EntryDate);
        let temporary = options.accept_temporary_codes;
        let code = row.value(C::IdentityCode, |s| {
            let parsed = if temporary {
                PersonalIdentityCode::parse_allowing_temporary(s)
            } else {
                s.parse::<PersonalIdentityCode>()
            };
            // The error names what is wrong and never holds the code.
            parsed.map_err(|e| format!("{e} ({})", e.code()))
        });
        let pseudonym = row.value(C::Pseudonym, |s| {
            s.parse::<Pseudonym>().map_err(|e| e.to_string())
        });
        let birth_date = row.date(C::BirthDate);
        let gender = row.label(C::Gender, |b, s| {
            b.gender
                .read(s, |s| label_of(ValueKind::Gender, s, Gender::from_label))
        });
        let municipality = row.typed(
            C::Municipality,
            |c| match c {
                Cell::Int(n) => u16::try_from(n)
                    .ok()
                    .and_then(|n| MunicipalityCode::new(n).ok())
                    .ok_or_else(|| unknown(ValueKind::Municipality, &n.to_string())),
                _ => Err(unknown(ValueKind::Municipality, "")),
            },
            |_, s| {
                s.parse::<MunicipalityCode>()
                    .map_err(|_| unknown(ValueKind::Municipality, s))
            },
        );
        let status = row.label(C::LabourStatus, |b, s| b.status.read(s, status_from_label));
        let since = row.date(C::UnemployedSince);
        let education = row.typed(
            C::Education,
            |c| match c {
                Cell::Int(n) => u8::try_from(n)
                    .ok()
                    .and_then(EducationLevel::from_code)
                    .ok_or_else(|| unknown(ValueKind::Education, &n.to_string())),
                _ => Err(unknown(ValueKind::Education, "")),
            },
            |b, s| {
                b.education.read(s, |s| {
                    label_of(ValueKind::Education, s, education_from_label)
                })
            },
        );
        let disadvantages = Disadvantages {
            disability: row.answer(C::Disability),
            foreign_background: row.answer(C::ForeignBackground),
            third_country_national: row.answer(C::ThirdCountryNational),
            minority: row.answer(C::Minority),
            homeless: row.answer(C::Homeless),
            other_disadvantaged: row.answer(C::OtherDisadvantaged),
        };
        let household = [
            row.yes_no(C::HouseholdJobless),
            row.yes_no(C::HouseholdDependentChildren),
            row.yes_no(C::HouseholdSingleAdult),
        ];
        let exit_date = row.date(C::ExitDate);
        let exit_situation = row.label(C::ExitSituation, |b, s| {
            b.situation.read(s, |s| {
                label_of(ValueKind::ExitSituation, s, ExitSituation::from_label)
            })
        });
        let qualification = row.yes_no(C::QualificationGained);
        let follow_up_date = row.date(C::FollowUpDate);
        let follow_up_employed = row.yes_no(C::FollowUpEmployed);
        let improvement = row.label(C::FollowUpImprovement, |b, s| {
            b.improvement.read(s, |s| {
                label_of(ValueKind::Improvement, s, Improvement::from_label)
            })
        });

        // Values that would be lost without the value they belong to.
        let labour_status = match (status, since) {
            (Some((LabourStatus::Unemployed { .. }, long_term)), since) => {
                if long_term {
                    row.check_long_term(since, birth_date, entry_date, options);
                }
                Some(LabourStatus::Unemployed { since })
            }
            (_, Some(_)) => {
                row.conflict(
                    C::UnemployedSince,
                    "given, but the labour-market status is not `unemployed`",
                    "annettu, mutta työmarkkina-asema ei ole `työtön`",
                    "angivet, men ställningen på arbetsmarknaden är inte `arbetslös`",
                );
                None
            }
            (status, None) => status.map(|(s, _)| s),
        };
        if exit_date.is_none()
            && (exit_situation.is_some() || qualification.is_some())
            && row.blank(C::ExitDate)
        {
            row.conflict(
                C::ExitDate,
                "exit data given without an exit date",
                "lopetustietoja ilman lopetuspäivää",
                "uppgifter om avslutet utan avslutsdatum",
            );
        }
        if follow_up_date.is_none()
            && (follow_up_employed.is_some() || improvement.is_some())
            && row.blank(C::FollowUpDate)
        {
            row.conflict(
                C::FollowUpDate,
                "follow-up data given without a follow-up date",
                "seurantatietoja ilman seurantapäivää",
                "uppföljningsuppgifter utan uppföljningsdatum",
            );
        }
        if follow_up_date.is_some() && row.blank(C::ExitDate) {
            row.conflict(
                C::FollowUpDate,
                "a follow-up needs an exit date",
                "seuranta edellyttää lopetuspäivää",
                "uppföljning förutsätter ett avslutsdatum",
            );
        }
        // A household is recorded whole or not at all: a part of it would be
        // read as "no" for the rest.
        let household = match household {
            [None, None, None] => None,
            [Some(jobless), Some(dependent_children), Some(single_adult)] => Some(Household {
                jobless,
                dependent_children,
                single_adult,
            }),
            _ => {
                row.conflict(
                    C::HouseholdJobless,
                    "the household is given in part: give household_jobless, household_dependent_children and household_single_adult together",
                    "kotitalous on annettu osittain: anna household_jobless, household_dependent_children ja household_single_adult yhdessä",
                    "hushållet är angivet delvis: ange household_jobless, household_dependent_children och household_single_adult tillsammans",
                );
                None
            }
        };

        let mut p = Participant::new(id?, entry_date?);
        p.entry.birth_date = birth_date.or_else(|| code.as_ref().map(|c| c.birth_date()));
        p.entry.gender = gender;
        p.entry.municipality = municipality;
        p.entry.labour_status = labour_status;
        p.entry.education = education;
        p.entry.disadvantages = disadvantages;
        p.entry.household = household;
        p.pseudonym = pseudonym;
        if let (Some(ps), Some(c)) = (&options.pseudonymiser, &code) {
            let derived = ps.pseudonym(c);
            if pseudonym.is_some_and(|given| given != derived) {
                row.conflict(
                    C::Pseudonym,
                    "the pseudonym does not match the identity code with this secret",
                    "pseudonyymi ei vastaa henkilötunnusta tällä avaimella",
                    "pseudonymen motsvarar inte personbeteckningen med denna nyckel",
                );
            }
            p.pseudonym = Some(derived);
        }
        let keep_code = !(options.drop_identity_codes && options.pseudonymiser.is_some());
        if keep_code {
            p.identity_code = code;
        }
        if let Some(date) = exit_date {
            let mut exit = Exit::new(date, exit_situation);
            exit.qualification_gained = qualification;
            p.exit = Some(exit);
        }
        if let Some(date) = follow_up_date {
            let mut f = FollowUp::new(date, follow_up_employed);
            f.improvement = improvement;
            p.follow_up = Some(f);
        }
        (row.out.len() == before).then_some(p)
    }
}

/// One row being read.
struct Row<'b, 'c, 'o> {
    b: &'b mut RecordBuilder,
    cell: &'b dyn Fn(Column) -> Cell<'c>,
    out: &'o mut Vec<Finding>,
}

impl Row<'_, '_, '_> {
    fn push(&mut self, rule: &Rule, column: Column, en: String, fi: String, sv: String) {
        self.out.push(Finding::new(rule, column.name(), en, fi, sv));
    }

    fn blank(&self, column: Column) -> bool {
        (self.cell)(column) == Cell::Missing
    }

    /// A value of `column`: `typed` reads a typed cell, `text` a text cell;
    /// a refusal is recorded and gives `None`, as does a missing value.
    fn typed<T>(
        &mut self,
        column: Column,
        typed: impl FnOnce(Cell<'_>) -> Result<T, Why>,
        text: impl FnOnce(&mut RecordBuilder, &str) -> Result<T, Why>,
    ) -> Option<T> {
        let kind = column.spec().kind;
        let result = match (self.cell)(column) {
            Cell::Missing => return None,
            // A formula our writer neutralised reads back as it was written.
            Cell::Text(s) => text(self.b, crate::publish::from_data_csv_cell(s)),
            Cell::OutOfRange | Cell::Fraction | Cell::Refused(_) => {
                let e = kind.expected();
                let (what_en, what_fi, what_sv) = match (self.cell)(column) {
                    Cell::Refused(what) => *what,
                    Cell::OutOfRange => (
                        "a date outside the dates hanke can represent",
                        "päivämäärä, jota hanke ei voi esittää",
                        "ett datum utanför de datum hanke kan representera",
                    ),
                    _ => (
                        "a number that is not whole",
                        "luku, joka ei ole kokonaisluku",
                        "ett tal som inte är helt",
                    ),
                };
                self.push(
                    &rules::CSV_INVALID_VALUE,
                    column,
                    format!("{what_en}; expected {}", e.en),
                    format!("{what_fi}; odotettiin {}", e.fi),
                    format!("{what_sv}; förväntades {}", e.sv),
                );
                return None;
            }
            Cell::NotText => {
                self.push(
                    &rules::CSV_INVALID_UTF8,
                    column,
                    "the value is not text in the file's encoding (save the file as UTF-8, or name its encoding)".to_string(),
                    "arvo ei ole tekstiä tiedoston merkistössä (tallenna tiedosto UTF-8-muodossa tai kerro sen merkistö)".to_string(),
                    "värdet är inte text i filens teckenkodning (spara filen i UTF-8-format eller ange dess kodning)".to_string(),
                );
                return None;
            }
            other => typed(other).map_err(|_| {
                let e = kind.expected();
                let what = match other {
                    Cell::Date(_) => ("a date", "päivämäärä", "ett datum"),
                    Cell::Bool(_) => ("a boolean", "totuusarvo", "ett sanningsvärde"),
                    _ => ("a number", "luku", "ett tal"),
                };
                Box::new((
                    format!("{} here is not {}", what.0, e.en),
                    format!("{} ei tässä ole {}", what.1, e.fi),
                    format!("{} här är inte {}", what.2, e.sv),
                ))
            }),
        };
        match result {
            Ok(v) => Some(v),
            Err(why) => {
                let (en, fi, sv) = *why;
                self.push(&rules::CSV_INVALID_VALUE, column, en, fi, sv);
                None
            }
        }
    }

    /// A text-only value (ids, codes): a typed cell is refused, an integer id
    /// read as its digits.
    fn value<T>(&mut self, column: Column, parse: impl Fn(&str) -> Result<T, String>) -> Option<T> {
        let kind = column.spec().kind;
        let wrap = |why: String| -> Why {
            let e = kind.expected();
            Box::new((
                format!("expected {}: {why}", e.en),
                format!("odotettiin: {}: {why}", e.fi),
                format!("förväntades: {}: {why}", e.sv),
            ))
        };
        self.typed(
            column,
            |c| match c {
                Cell::Int(n) if kind == ValueKind::Id => parse(&n.to_string()).map_err(wrap),
                _ => Err(wrap(String::new())),
            },
            |_, s| parse(s).map_err(wrap),
        )
    }

    fn label<T>(
        &mut self,
        column: Column,
        read: impl FnOnce(&mut RecordBuilder, &str) -> Result<T, Why>,
    ) -> Option<T> {
        self.typed(column, |_| Err(unknown(column.spec().kind, "")), read)
    }

    fn date(&mut self, column: Column) -> Option<NaiveDate> {
        self.typed(
            column,
            |c| match c {
                Cell::Date(d) => Ok(d),
                _ => Err(unknown(ValueKind::Date, "")),
            },
            |_, s| {
                parse_date(s).map_err(|why| {
                    let e = ValueKind::Date.expected();
                    Box::new((
                        format!("{s:?}: {why}; expected {}", e.en),
                        format!("{s:?}: {}; odotettiin {}", date_why_fi(why), e.fi),
                        format!("{s:?}: {}; förväntades {}", date_why_sv(why), e.sv),
                    ))
                })
            },
        )
    }

    fn answer(&mut self, column: Column) -> Option<Answer> {
        self.typed(
            column,
            |c| match c {
                Cell::Bool(b) => Ok(if b { Answer::Yes } else { Answer::No }),
                _ => Err(unknown(ValueKind::Answer, "")),
            },
            |b, s| {
                b.answer
                    .read(s, |s| label_of(ValueKind::Answer, s, Answer::from_label))
            },
        )
    }

    fn yes_no(&mut self, column: Column) -> Option<bool> {
        self.typed(
            column,
            |c| match c {
                Cell::Bool(b) => Ok(b),
                _ => Err(unknown(ValueKind::YesNo, "")),
            },
            |b, s| match b
                .answer
                .read(s, |s| label_of(ValueKind::Answer, s, Answer::from_label))
            {
                Ok(Answer::Yes) => Ok(true),
                Ok(Answer::No) => Ok(false),
                _ => Err(unknown(ValueKind::YesNo, s)),
            },
        )
    }

    fn require(&mut self, column: Column) {
        if self.blank(column) {
            let name = column.name();
            self.push(
                &rules::CSV_REQUIRED_MISSING,
                column,
                format!("`{name}` is required"),
                format!("`{name}` on pakollinen"),
                format!("`{name}` är obligatoriskt"),
            );
        }
    }

    fn conflict(&mut self, column: Column, en: &str, fi: &str, sv: &str) {
        self.push(
            &rules::CSV_INVALID_VALUE,
            column,
            en.to_string(),
            fi.to_string(),
            sv.to_string(),
        );
    }

    /// A "long-term unemployed" label is read as unemployed only with the
    /// start of unemployment, and only when that start makes it long-term
    /// under a definition hanke knows (the period's rules where given, else
    /// either definition): the record keeps the date, and the indicators
    /// derive long-term unemployment from it.
    fn check_long_term(
        &mut self,
        since: Option<NaiveDate>,
        birth: Option<NaiveDate>,
        entry: Option<NaiveDate>,
        options: &ImportOptions,
    ) {
        let Some(since) = since else {
            self.conflict(
                Column::LabourStatus,
                "\"long-term unemployed\" needs `unemployed_since`: long-term unemployment is derived from when the unemployment began",
                "\"pitkäaikaistyötön\" tarvitsee sarakkeen `unemployed_since`: pitkäaikaistyöttömyys päätellään työttömyyden alkamispäivästä",
                "\"långtidsarbetslös\" behöver `unemployed_since`: långtidsarbetslöshet härleds från när arbetslösheten började",
            );
            return;
        };
        let Some(entry) = entry else { return };
        let age = birth.and_then(|b| age_on(b, entry)).unwrap_or(u32::MAX);
        let definitions: &[LtuDefinition] = match options.rules {
            Some(r) => &[r.ltu][..],
            None => &[
                LtuDefinition::AgeDependent,
                LtuDefinition::RegisteredTwelveMonths,
            ][..],
        };
        if !definitions
            .iter()
            .any(|d| d.is_long_term(age, since, entry))
        {
            self.conflict(
                Column::UnemployedSince,
                &format!("\"long-term unemployed\", but unemployment since {since} is not long-term on entry {entry}"),
                &format!("\"pitkäaikaistyötön\", mutta {since} alkanut työttömyys ei ole pitkäaikaista aloituspäivänä {entry}"),
                &format!("\"långtidsarbetslös\", men arbetslösheten sedan {since} är inte långvarig vid start {entry}"),
            );
        }
    }
}

fn date_why_fi(why: &str) -> &'static str {
    match why {
        "no such day" => "päivää ei ole",
        "a two-digit year, whose century would be a guess" => {
            "kaksinumeroinen vuosi, jonka vuosisata olisi arvaus"
        }
        _ => "ei päivämäärä",
    }
}

fn date_why_sv(why: &str) -> &'static str {
    match why {
        "no such day" => "dagen finns inte",
        "a two-digit year, whose century would be a guess" => {
            "ett tvåsiffrigt år, vars århundrade vore en gissning"
        }
        _ => "inte ett datum",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_labels() {
        assert_eq!(
            education_from_label("perusaste"),
            Some(EducationLevel::LowerSecondary)
        );
        assert_eq!(
            education_from_label("Alempi korkeakouluaste"),
            Some(EducationLevel::Bachelor)
        );
        assert_eq!(education_from_label("62"), Some(EducationLevel::Bachelor));
        assert_eq!(education_from_label("yliopisto"), None);
        assert_eq!(
            status_from_label("pitkäaikaistyötön").map(|s| s.1),
            Ok(true)
        );
        let why = status_from_label("työnhakija").unwrap_err();
        assert!(why.0.contains("työtön or työllinen"), "{}", why.0);
        let why = label_of(ValueKind::Gender, "x", Gender::from_label).unwrap_err();
        assert!(why.0.contains("woman (nainen"), "{}", why.0);
        assert!(why.1.contains("hyväksytään"), "{}", why.1);
    }
}
