//! The participant fields — *osallistujatietojen kentät*: **one table, the only
//! place a field is defined.** Each column of participant data has its name,
//! the headers it is read by in Finnish, Swedish and English, its label in the
//! three languages, the kind of value it holds (and so the texts and Arrow types
//! it accepts), and where it goes in a [`Participant`](super::Participant). The
//! CSV reader, the Arrow reader (records and columns), the questionnaire and the
//! published format (`docs/participant-csv.md`, [`format_markdown`]) are all
//! driven by [`COLUMNS`], so that two paths reading the same data cannot accept
//! different names or values.
//!
//! ```
//! use hanke::participant::fields::{Column, ValueKind};
//! assert_eq!(Column::from_header("Aloituspäivä"), Some(Column::EntryDate));
//! assert_eq!(Column::from_header("startdatum"), Some(Column::EntryDate));
//! assert_eq!(Column::EntryDate.spec().kind, ValueKind::Date);
//! assert_eq!(Column::from_header("gendr"), None);
//! ```

use std::fmt::Write as _;

use serde::Serialize;

use super::{Answer, ExitSituation, Gender, Improvement, LabourStatus, label_is};
use crate::classify::EducationLevel;

pub use crate::lang::Text;

pub(crate) const fn t(fi: &'static str, sv: &'static str, en: &'static str) -> Text {
    Text::new(fi, sv, en)
}

/// A column of participant data — *osallistujatiedon sarake*: a column of the
/// participant file, of an Arrow table, a question of the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Column {
    /// The project's id of the record — *osallistujatunnus*.
    ParticipantId,
    /// The entry date — *aloituspäivä*.
    EntryDate,
    /// The personal identity code — *henkilötunnus*.
    IdentityCode,
    /// A keyed pseudonym — *pseudonyymi*.
    Pseudonym,
    /// Date of birth — *syntymäaika*.
    BirthDate,
    /// Gender — *sukupuoli*.
    Gender,
    /// Municipality of residence — *kotikunta*.
    Municipality,
    /// Labour-market status at entry — *työmarkkina-asema*.
    LabourStatus,
    /// When the unemployment began — *työttömyys alkanut*.
    UnemployedSince,
    /// Highest education — *koulutusaste*.
    Education,
    /// Disability — *vamma tai pitkäaikaissairaus*.
    Disability,
    /// Foreign background — *ulkomaalaistausta*.
    ForeignBackground,
    /// Third-country national — *kolmannen maan kansalainen*.
    ThirdCountryNational,
    /// Minority — *vähemmistö*.
    Minority,
    /// Homeless or housing exclusion — *asunnoton*.
    Homeless,
    /// Other disadvantage (2014–2020) — *muu heikommassa asemassa*.
    OtherDisadvantaged,
    /// Jobless household (2014–2020) — *työtön kotitalous*.
    HouseholdJobless,
    /// Dependent children in the household (2014–2020) — *huollettavia lapsia*.
    HouseholdDependentChildren,
    /// Single-adult household (2014–2020) — *yhden aikuisen kotitalous*.
    HouseholdSingleAdult,
    /// The exit date — *lopetuspäivä*.
    ExitDate,
    /// The situation on leaving — *tilanne lopettaessa*.
    ExitSituation,
    /// A qualification gained — *tutkinto suoritettu*.
    QualificationGained,
    /// The follow-up date — *seurantapäivä*.
    FollowUpDate,
    /// Employed at the follow-up — *työllinen seurannassa*.
    FollowUpEmployed,
    /// An improved situation at the follow-up — *tilanne parantunut*.
    FollowUpImprovement,
}

/// The kind of value a column holds — *arvon tyyppi*: what texts it accepts
/// ([`ValueKind::accepted`]) and which Arrow types ([`ValueKind::arrow_types`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ValueKind {
    /// A record id: 1–32 bytes of printable text, never an identity code.
    Id,
    /// A day.
    Date,
    /// A personal identity code.
    IdentityCode,
    /// A pseudonym: 64 hexadecimal digits.
    Pseudonym,
    /// A gender.
    Gender,
    /// A municipality code.
    Municipality,
    /// A labour-market status.
    LabourStatus,
    /// An education level.
    Education,
    /// Yes, no or declined.
    Answer,
    /// Yes or no.
    YesNo,
    /// An exit situation.
    ExitSituation,
    /// An improvement at the follow-up.
    Improvement,
}

/// One column of the table — *sarakkeen määrittely*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ColumnSpec {
    /// The column.
    pub column: Column,
    /// Its name: the header written, the Arrow column name, the question id.
    pub name: &'static str,
    /// Finnish headers it is also read by.
    pub headers_fi: &'static [&'static str],
    /// Swedish headers it is also read by.
    pub headers_sv: &'static [&'static str],
    /// Its label (a question's wording, a table's heading).
    pub label: Text,
    /// The kind of value.
    pub kind: ValueKind,
    /// Where the value goes in a participant record (its JSON path).
    pub record_path: &'static str,
    /// Whether a file of records must have it.
    pub required: bool,
}

const fn col(
    column: Column,
    name: &'static str,
    headers_fi: &'static [&'static str],
    headers_sv: &'static [&'static str],
    label: Text,
    kind: ValueKind,
    record_path: &'static str,
) -> ColumnSpec {
    ColumnSpec {
        column,
        name,
        headers_fi,
        headers_sv,
        label,
        kind,
        record_path,
        required: false,
    }
}

const fn required(spec: ColumnSpec) -> ColumnSpec {
    ColumnSpec {
        required: true,
        ..spec
    }
}

/// Every column, in the order files are written. Headers are compared as
/// labels are ([`Column::from_header`]): case, spaces, hyphens and underscores
/// do not matter.
pub const COLUMNS: [ColumnSpec; 25] = {
    use Column as C;
    use ValueKind as K;
    [
        required(col(
            C::ParticipantId,
            "participant_id",
            &["osallistujatunnus", "tunnus", "id"],
            &["deltagarkod", "deltagar_id"],
            t("Osallistujatunnus", "Deltagarkod", "Participant id"),
            K::Id,
            "id",
        )),
        required(col(
            C::EntryDate,
            "entry_date",
            &["aloituspäivä", "aloituspvm"],
            &["startdatum"],
            t("Aloituspäivä", "Startdatum", "Date of entry"),
            K::Date,
            "entry.date",
        )),
        col(
            C::IdentityCode,
            "identity_code",
            &["henkilötunnus", "hetu"],
            &["personbeteckning"],
            t(
                "Henkilötunnus",
                "Personbeteckning",
                "Personal identity code",
            ),
            K::IdentityCode,
            "identity_code (never written)",
        ),
        col(
            C::Pseudonym,
            "pseudonym",
            &["pseudonyymi"],
            &["pseudonym"],
            t("Pseudonyymi", "Pseudonym", "Pseudonym"),
            K::Pseudonym,
            "pseudonym",
        ),
        col(
            C::BirthDate,
            "birth_date",
            &["syntymäaika"],
            &["födelsedatum"],
            t("Syntymäaika", "Födelsedatum", "Date of birth"),
            K::Date,
            "entry.birth_date",
        ),
        col(
            C::Gender,
            "gender",
            &["sukupuoli"],
            &["kön"],
            t("Sukupuoli", "Kön", "Gender"),
            K::Gender,
            "entry.gender",
        ),
        col(
            C::Municipality,
            "municipality",
            &["kotikunta", "kunta"],
            &["hemkommun", "kommun"],
            t("Kotikunta", "Hemkommun", "Municipality of residence"),
            K::Municipality,
            "entry.municipality",
        ),
        col(
            C::LabourStatus,
            "labour_status",
            &["työmarkkina_asema", "työmarkkinatilanne"],
            &["ställning_på_arbetsmarknaden"],
            t(
                "Työmarkkina-asema",
                "Ställning på arbetsmarknaden",
                "Labour-market status",
            ),
            K::LabourStatus,
            "entry.labour_status",
        ),
        col(
            C::UnemployedSince,
            "unemployed_since",
            &["työtön_alkaen", "työttömyys_alkanut"],
            &["arbetslös_sedan"],
            t("Työttömyys alkanut", "Arbetslös sedan", "Unemployed since"),
            K::Date,
            "entry.labour_status.since",
        ),
        col(
            C::Education,
            "education",
            &["koulutusaste", "koulutus"],
            &["utbildningsnivå", "utbildning"],
            t("Korkein koulutus", "Högsta utbildning", "Highest education"),
            K::Education,
            "entry.education",
        ),
        col(
            C::Disability,
            "disability",
            &["vamma_tai_pitkäaikaissairaus", "vamma"],
            &["funktionsnedsättning"],
            t(
                "Vamma tai pitkäaikaissairaus",
                "Funktionsnedsättning eller långvarig sjukdom",
                "Disability or long-term illness",
            ),
            K::Answer,
            "entry.disadvantages.disability",
        ),
        col(
            C::ForeignBackground,
            "foreign_background",
            &["ulkomaalaistausta"],
            &["utländsk_bakgrund"],
            t(
                "Ulkomaalaistausta",
                "Utländsk bakgrund",
                "Foreign background",
            ),
            K::Answer,
            "entry.disadvantages.foreign_background",
        ),
        col(
            C::ThirdCountryNational,
            "third_country_national",
            &["kolmannen_maan_kansalainen"],
            &["medborgare_i_tredjeland"],
            t(
                "Kolmannen maan kansalainen",
                "Medborgare i tredjeland",
                "Third-country national",
            ),
            K::Answer,
            "entry.disadvantages.third_country_national",
        ),
        col(
            C::Minority,
            "minority",
            &["vähemmistö"],
            &["minoritet"],
            t(
                "Kuuluu vähemmistöön (myös romanit)",
                "Hör till en minoritet (även romer)",
                "Belongs to a minority (including Roma)",
            ),
            K::Answer,
            "entry.disadvantages.minority",
        ),
        col(
            C::Homeless,
            "homeless",
            &["asunnoton"],
            &["bostadslös"],
            t(
                "Asunnoton tai asumisessa syrjäytynyt",
                "Bostadslös eller utestängd från bostad",
                "Homeless or affected by housing exclusion",
            ),
            K::Answer,
            "entry.disadvantages.homeless",
        ),
        col(
            C::OtherDisadvantaged,
            "other_disadvantaged",
            &["muu_heikommassa_asemassa"],
            &["annan_i_sämre_ställning"],
            t(
                "Muu heikommassa asemassa oleva",
                "Annan i sämre ställning",
                "Other disadvantaged",
            ),
            K::Answer,
            "entry.disadvantages.other_disadvantaged",
        ),
        col(
            C::HouseholdJobless,
            "household_jobless",
            &["työtön_kotitalous"],
            &["arbetslöst_hushåll"],
            t(
                "Kotitaloudessa ei ketään työllistä",
                "Ingen i hushållet har arbete",
                "Jobless household",
            ),
            K::YesNo,
            "entry.household.jobless",
        ),
        col(
            C::HouseholdDependentChildren,
            "household_dependent_children",
            &["huollettavia_lapsia"],
            &["försörjda_barn"],
            t(
                "Kotitaloudessa huollettavia lapsia",
                "Försörjda barn i hushållet",
                "Dependent children in the household",
            ),
            K::YesNo,
            "entry.household.dependent_children",
        ),
        col(
            C::HouseholdSingleAdult,
            "household_single_adult",
            &["yhden_aikuisen_kotitalous"],
            &["enpersonshushåll_med_en_vuxen", "en_vuxen_i_hushållet"],
            t(
                "Yhden aikuisen kotitalous",
                "En vuxen i hushållet",
                "Single-adult household",
            ),
            K::YesNo,
            "entry.household.single_adult",
        ),
        col(
            C::ExitDate,
            "exit_date",
            &["lopetuspäivä", "lopetuspvm"],
            &["slutdatum"],
            t("Lopetuspäivä", "Slutdatum", "Date of exit"),
            K::Date,
            "exit.date",
        ),
        col(
            C::ExitSituation,
            "exit_situation",
            &["tilanne_lopettaessa", "lopputilanne"],
            &["situation_vid_avslut"],
            t(
                "Tilanne lopettaessa",
                "Situation vid avslut",
                "Situation upon leaving",
            ),
            K::ExitSituation,
            "exit.situation",
        ),
        col(
            C::QualificationGained,
            "qualification_gained",
            &["tutkinto_suoritettu"],
            &["examen_avlagd"],
            t(
                "Sai tutkinnon tai pätevyyden",
                "Fick examen eller kvalifikation",
                "Gained a qualification",
            ),
            K::YesNo,
            "exit.qualification_gained",
        ),
        col(
            C::FollowUpDate,
            "follow_up_date",
            &["seurantapäivä"],
            &["uppföljningsdatum"],
            t(
                "Seurantapäivä",
                "Uppföljningsdatum",
                "Date of the follow-up",
            ),
            K::Date,
            "follow_up.date",
        ),
        col(
            C::FollowUpEmployed,
            "follow_up_employed",
            &["työllinen_seurannassa"],
            &["sysselsatt_vid_uppföljning"],
            t(
                "Työllinen seurannassa",
                "Sysselsatt vid uppföljningen",
                "Employed at the follow-up",
            ),
            K::YesNo,
            "follow_up.employed",
        ),
        col(
            C::FollowUpImprovement,
            "follow_up_improvement",
            &["tilanne_parantunut"],
            &["förbättrad_situation"],
            t(
                "Tilanne parantunut",
                "Förbättrad situation",
                "Improved situation at the follow-up",
            ),
            K::Improvement,
            "follow_up.improvement",
        ),
    ]
};

impl Column {
    /// Every column, in table order.
    #[allow(
        clippy::indexing_slicing,
        reason = "evaluated at compile time: an index out of bounds fails the build"
    )]
    pub const ALL: [Column; 25] = {
        let mut out = [Column::ParticipantId; 25];
        let mut i = 0;
        while i < 25 {
            out[i] = COLUMNS[i].column;
            i += 1;
        }
        out
    };

    /// Its row of the table.
    pub fn spec(self) -> &'static ColumnSpec {
        // COLUMNS lists the columns in declaration order (a test checks).
        COLUMNS.get(self as usize).unwrap_or(&COLUMNS[0])
    }

    /// Its name, e.g. `entry_date`.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The column a header names: its English name or one of its Finnish or
    /// Swedish headers, compared as labels (case, spaces, hyphens and
    /// underscores do not matter); `None` for a header of no column.
    pub fn from_header(header: &str) -> Option<Column> {
        COLUMNS
            .iter()
            .find(|c| {
                label_is(header, c.name)
                    || c.headers_fi
                        .iter()
                        .chain(c.headers_sv)
                        .any(|h| label_is(header, h))
            })
            .map(|c| c.column)
    }
}

/// Why a table's columns cannot be read as participant data — the same for a
/// CSV header and an Arrow schema, so that both refuse the same mistakes with
/// the same codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HeaderError {
    /// A column the format does not have: its data would be lost. Give its
    /// name to `ignore_columns` to read the table without it.
    #[error(
        "unknown column `{name}` (see docs/participant-csv.md; a column to leave out goes to ignore_columns)"
    )]
    UnknownColumn {
        /// The header as given (identity codes masked).
        name: crate::Echo,
    },
    /// Two columns name the same field.
    #[error("column `{name}` appears twice")]
    DuplicateColumn {
        /// The field's name.
        name: &'static str,
    },
    /// A required column is absent.
    #[error("the required column `{name}` is missing")]
    MissingColumn {
        /// The field's name.
        name: &'static str,
    },
}

error_codes! {
    HeaderError {
        HeaderError::UnknownColumn { .. } => "import.unknown_column": "A header names a column the format does not have; its data would be lost.",
        HeaderError::DuplicateColumn { .. } => "import.duplicate_column": "Two headers name the same column.",
        HeaderError::MissingColumn { .. } => "import.missing_column": "A required column is absent.",
    }
}

/// The columns of a table's headers: each header's column, or `None` for one
/// the caller asked to ignore (`ignore`, compared as headers are). Fails on a
/// header of no column, a column twice, or a `required` column missing.
///
/// ```
/// use hanke::participant::fields::{Column, resolve_headers};
/// let cols = resolve_headers(&["Osallistujatunnus", "Nimi", "Aloituspäivä"], &["nimi".to_string()], &[Column::ParticipantId, Column::EntryDate])?;
/// assert_eq!(cols, [Some(Column::ParticipantId), None, Some(Column::EntryDate)]);
/// let e = resolve_headers(&["gender", "Gender "], &[], &[]).unwrap_err();
/// assert_eq!(e.code(), "import.duplicate_column");
/// # Ok::<(), hanke::participant::fields::HeaderError>(())
/// ```
pub fn resolve_headers(
    headers: &[&str],
    ignore: &[String],
    required: &[Column],
) -> Result<Vec<Option<Column>>, HeaderError> {
    let mut out = Vec::with_capacity(headers.len());
    for header in headers {
        if ignore.iter().any(|i| label_is(header, i)) {
            out.push(None);
            continue;
        }
        let column = Column::from_header(header).ok_or_else(|| HeaderError::UnknownColumn {
            // A data row read as a header must not echo an identity code.
            name: crate::Echo::new(header.trim()),
        })?;
        if out.contains(&Some(column)) {
            return Err(HeaderError::DuplicateColumn {
                name: column.name(),
            });
        }
        out.push(Some(column));
    }
    if let Some(missing) = required.iter().find(|c| !out.contains(&Some(**c))) {
        return Err(HeaderError::MissingColumn {
            name: missing.name(),
        });
    }
    Ok(out)
}

// ---- Accepted values ---------------------------------------------------------

/// Labels of each gender, compared as labels. `muu` ("other") is the third
/// choice of the Finnish ESR+ forms, the category Reg. 2021/1057 Annex I calls
/// non-binary (RULES.md §2.1).
pub(crate) const GENDER_LABELS: &[(&str, Gender)] = &[
    ("woman", Gender::Woman),
    ("nainen", Gender::Woman),
    ("kvinna", Gender::Woman),
    ("women", Gender::Woman),
    ("female", Gender::Woman),
    ("man", Gender::Man),
    ("mies", Gender::Man),
    ("men", Gender::Man),
    ("male", Gender::Man),
    ("non_binary", Gender::NonBinary),
    ("muunsukupuolinen", Gender::NonBinary),
    ("icke_binär", Gender::NonBinary),
    ("nonbinary", Gender::NonBinary),
    ("muu", Gender::NonBinary),
];

const UNEMPLOYED: LabourStatus = LabourStatus::Unemployed { since: None };
const STUDENT: LabourStatus = LabourStatus::Inactive {
    in_education_or_training: true,
};
const INACTIVE: LabourStatus = LabourStatus::Inactive {
    in_education_or_training: false,
};

/// Labels of each labour-market status. A student is inactive and in
/// education (RULES.md §1.2 CO04); `pitkäaikaistyötön` is read separately
/// ([`LONG_TERM_UNEMPLOYED_LABELS`]).
pub(crate) const LABOUR_STATUS_LABELS: &[(&str, LabourStatus)] = &[
    ("employed", LabourStatus::Employed),
    ("työllinen", LabourStatus::Employed),
    ("palkansaaja", LabourStatus::Employed),
    ("työssä", LabourStatus::Employed),
    ("sysselsatt", LabourStatus::Employed),
    ("löntagare", LabourStatus::Employed),
    ("self_employed", LabourStatus::SelfEmployed),
    ("yrittäjä", LabourStatus::SelfEmployed),
    ("itsensä_työllistäjä", LabourStatus::SelfEmployed),
    ("företagare", LabourStatus::SelfEmployed),
    ("unemployed", UNEMPLOYED),
    ("työtön", UNEMPLOYED),
    ("työtön_työnhakija", UNEMPLOYED),
    ("arbetslös", UNEMPLOYED),
    ("inactive_in_education", STUDENT),
    ("opiskelija", STUDENT),
    ("studerande", STUDENT),
    ("inactive", INACTIVE),
    ("työvoiman_ulkopuolella", INACTIVE),
    ("utanför_arbetskraften", INACTIVE),
];

/// Labels that say "long-term unemployed": read as unemployed, and only with
/// `unemployed_since` that makes it long-term under the period's rules
/// (long-term unemployment is derived from that date, RULES.md §1.5), since
/// the record keeps the date, not the label.
pub(crate) const LONG_TERM_UNEMPLOYED_LABELS: &[&str] = &[
    "long_term_unemployed",
    "pitkäaikaistyötön",
    "långtidsarbetslös",
];

/// Everyday labels that are refused because they do not say which category
/// they are: (label, why in English, Finnish, Swedish).
pub(crate) const AMBIGUOUS_LABELS: &[(ValueKind, &str, &str, &str, &str)] = &[
    (
        ValueKind::LabourStatus,
        "työnhakija",
        "a jobseeker may be unemployed or employed: give työtön or työllinen",
        "työnhakija voi olla työtön tai työllinen: anna työtön tai työllinen",
        "en arbetssökande kan vara arbetslös eller sysselsatt: ange arbetslös eller sysselsatt",
    ),
    (
        ValueKind::LabourStatus,
        "työnhaku",
        "job search says nothing of employment: give työtön or työllinen",
        "työnhaku ei kerro, onko henkilö työtön vai työllinen: anna työtön tai työllinen",
        "arbetssökande säger inget om sysselsättning: ange arbetslös eller sysselsatt",
    ),
    (
        ValueKind::LabourStatus,
        "eläkeläinen",
        "a pensioner may still work: give työllinen or työvoiman ulkopuolella",
        "eläkeläinen voi myös olla työssä: anna työllinen tai työvoiman ulkopuolella",
        "en pensionär kan också arbeta: ange sysselsatt eller utanför arbetskraften",
    ),
    (
        ValueKind::Education,
        "yliopisto",
        "a university degree may be a bachelor's (6) or a master's (7): give the level",
        "yliopistotutkinto voi olla alempi (6) tai ylempi (7): anna koulutusaste",
        "en universitetsexamen kan vara lägre (6) eller högre (7): ange nivån",
    ),
    (
        ValueKind::Education,
        "korkeakoulu",
        "a higher-education degree may be level 5, 6, 7 or 8: give the level",
        "korkeakoulututkinto voi olla tasoa 5, 6, 7 tai 8: anna koulutusaste",
        "en högskoleexamen kan vara nivå 5, 6, 7 eller 8: ange nivån",
    ),
    (
        ValueKind::Education,
        "ei_tutkintoa",
        "no degree may mean primary (1) or lower secondary (2) education: give the level",
        "ei tutkintoa voi tarkoittaa alempaa (1) tai ylempää (2) perusastetta: anna koulutusaste",
        "ingen examen kan betyda lägre (1) eller högre (2) grundnivå: ange nivån",
    ),
];

/// Everyday names of education levels, beside the codes 0–9 and the names of
/// Statistics Finland's Koulutusaste 2016 (level 1 = ISCED 2011;
/// stat.fi/fi/luokitukset/koulutusaste/). `perusaste`/`peruskoulu` is the
/// completed basic education (perusopetuksen oppimäärä), level 2 *ylempi
/// perusaste*; the indicators' band (ISCED 1–2 in 2014–2020 CO09, 0–2 in
/// 2021–2027 EECO09) holds level 1 too, so the figures do not depend on it.
/// Upper secondary general and vocational education (`lukio`,
/// `ammattikoulu`, `ylioppilas`) is level 3 (codes 31–33); a polytechnic
/// degree (`amk`) level 6 (code 62); a master's (`maisteri`, `ylempi amk`)
/// level 7; a doctorate level 8.
pub(crate) const EDUCATION_LABELS: &[(&str, EducationLevel)] = &[
    ("perusaste", EducationLevel::LowerSecondary),
    ("peruskoulu", EducationLevel::LowerSecondary),
    ("grundskola", EducationLevel::LowerSecondary),
    ("lukio", EducationLevel::UpperSecondary),
    ("ylioppilas", EducationLevel::UpperSecondary),
    ("ammattikoulu", EducationLevel::UpperSecondary),
    ("ammatillinen_perustutkinto", EducationLevel::UpperSecondary),
    ("toinen_aste", EducationLevel::UpperSecondary),
    ("gymnasium", EducationLevel::UpperSecondary),
    ("amk", EducationLevel::Bachelor),
    ("ammattikorkeakoulu", EducationLevel::Bachelor),
    ("kandidaatti", EducationLevel::Bachelor),
    ("yrkeshögskola", EducationLevel::Bachelor),
    ("maisteri", EducationLevel::Master),
    ("ylempi_amk", EducationLevel::Master),
    ("tohtori", EducationLevel::Doctoral),
    ("tuntematon", EducationLevel::Unknown),
];

/// Labels of the answers. `k`/`e` are the Finnish forms' one-letter answers;
/// `true`/`false` come from boolean columns of data frames.
pub(crate) const ANSWER_LABELS: &[(&str, Answer)] = &[
    ("yes", Answer::Yes),
    ("kyllä", Answer::Yes),
    ("ja", Answer::Yes),
    ("k", Answer::Yes),
    ("true", Answer::Yes),
    ("no", Answer::No),
    ("ei", Answer::No),
    ("nej", Answer::No),
    ("e", Answer::No),
    ("false", Answer::No),
    ("declined", Answer::Declined),
    ("en_halua_vastata", Answer::Declined),
    ("ei_halua_vastata", Answer::Declined),
    ("vill_inte_svara", Answer::Declined),
    ("refused", Answer::Declined),
];

/// Synonyms of exit situations, beside their codes and Finnish names.
pub(crate) const EXIT_SITUATION_LABELS: &[(&str, ExitSituation)] = &[
    ("palkkatuki", ExitSituation::PaySubsidisedWork),
    ("oppisopimus", ExitSituation::Apprenticeship),
    ("opiskelu", ExitSituation::Education),
    ("työ", ExitSituation::OpenLabourMarket),
    ("kuntouttava", ExitSituation::RehabilitativeWorkActivity),
    ("työnhaku", ExitSituation::JobSeeking),
    ("ei_tiedossa", ExitSituation::Unknown),
];

impl ValueKind {
    /// What a value of this kind is, in English, Finnish and Swedish — the
    /// first half of every "unknown value" message.
    pub fn expected(self) -> Text {
        match self {
            ValueKind::Id => t(
                "1–32 merkkiä, ei henkilötunnus",
                "1–32 tecken, inte en personbeteckning",
                "1–32 characters without < > or invisible ones, not an identity code",
            ),
            ValueKind::Date => t(
                "päivämäärä (2016-03-01 tai 1.3.2016, vuosi nelinumeroisena)",
                "ett datum (2016-03-01 eller 1.3.2016, året med fyra siffror)",
                "a date (2016-03-01 or 1.3.2016, the year in four digits)",
            ),
            ValueKind::IdentityCode => t(
                "henkilötunnus",
                "en personbeteckning",
                "a personal identity code",
            ),
            ValueKind::Pseudonym => t(
                "64 heksadesimaalinumeroa",
                "64 hexadecimala siffror",
                "64 hexadecimal digits",
            ),
            ValueKind::Gender => t("sukupuoli", "ett kön", "a gender"),
            ValueKind::Municipality => t(
                "kuntakoodi (1–3 numeroa, esim. 091)",
                "en kommunkod (1–3 siffror, t.ex. 091)",
                "a municipality code (1–3 digits, e.g. 091)",
            ),
            ValueKind::LabourStatus => t(
                "työmarkkina-asema",
                "en ställning på arbetsmarknaden",
                "a labour-market status",
            ),
            ValueKind::Education => t(
                "koulutusaste (Koulutusaste 2016, taso 0–9 tai 2-numeroinen koodi)",
                "en utbildningsnivå (Koulutusaste 2016, nivå 0–9 eller tvåsiffrig kod)",
                "an education level (Koulutusaste 2016, level 0–9 or a two-digit code)",
            ),
            ValueKind::Answer => t("vastaus", "ett svar", "an answer"),
            ValueKind::YesNo => t("kyllä tai ei", "ja eller nej", "yes or no"),
            ValueKind::ExitSituation => t(
                "tilanne lopettaessa",
                "en situation vid avslut",
                "an exit situation",
            ),
            ValueKind::Improvement => t("parannus", "en förbättring", "an improvement"),
        }
    }

    /// The accepted values with the labels each is read by — one row per
    /// value, its code first (what hanke writes), then every other label.
    /// Empty for kinds without a closed list (ids, dates, codes).
    pub fn accepted(self) -> Vec<(&'static str, Vec<&'static str>)> {
        fn group<T: Copy + PartialEq>(
            values: &[T],
            code: impl Fn(T) -> &'static str,
            labels: &[(&'static str, T)],
            extra: impl Fn(T) -> Vec<&'static str>,
        ) -> Vec<(&'static str, Vec<&'static str>)> {
            values
                .iter()
                .map(|&v| {
                    let mut all: Vec<&'static str> = extra(v);
                    for (l, x) in labels {
                        if *x == v && *l != code(v) && !all.contains(l) {
                            all.push(l);
                        }
                    }
                    (code(v), all)
                })
                .collect()
        }
        fn none<T>(_: T) -> Vec<&'static str> {
            Vec::new()
        }
        match self {
            ValueKind::Gender => group(
                &[Gender::Woman, Gender::Man, Gender::NonBinary],
                Gender::code,
                GENDER_LABELS,
                none,
            ),
            ValueKind::LabourStatus => {
                let mut rows = group(
                    &[
                        LabourStatus::Employed,
                        LabourStatus::SelfEmployed,
                        UNEMPLOYED,
                        STUDENT,
                        INACTIVE,
                    ],
                    LabourStatus::code,
                    LABOUR_STATUS_LABELS,
                    none,
                );
                if let Some((_, labels)) = rows.iter_mut().find(|(c, _)| *c == "unemployed") {
                    labels.extend(LONG_TERM_UNEMPLOYED_LABELS.iter().map(|l| {
                        // Documented with its condition.
                        match *l {
                            "long_term_unemployed" => {
                                "long_term_unemployed (with unemployed_since)"
                            }
                            "pitkäaikaistyötön" => "pitkäaikaistyötön (with unemployed_since)",
                            _ => "långtidsarbetslös (with unemployed_since)",
                        }
                    }));
                }
                rows
            }
            ValueKind::Education => group(
                &EducationLevel::ALL,
                |l| match l.code() {
                    0 => "0",
                    1 => "1",
                    2 => "2",
                    3 => "3",
                    4 => "4",
                    5 => "5",
                    6 => "6",
                    7 => "7",
                    8 => "8",
                    _ => "9",
                },
                EDUCATION_LABELS,
                |l| vec![l.name_fi()],
            ),
            ValueKind::Answer => group(
                &[Answer::Yes, Answer::No, Answer::Declined],
                Answer::code,
                ANSWER_LABELS,
                none,
            ),
            ValueKind::YesNo => group(
                &[Answer::Yes, Answer::No],
                Answer::code,
                ANSWER_LABELS,
                none,
            ),
            ValueKind::ExitSituation => group(
                &ExitSituation::ALL,
                ExitSituation::code,
                EXIT_SITUATION_LABELS,
                |s| vec![s.name_fi()],
            ),
            ValueKind::Improvement => group(&Improvement::ALL, Improvement::code, &[], none),
            ValueKind::Id
            | ValueKind::Date
            | ValueKind::IdentityCode
            | ValueKind::Pseudonym
            | ValueKind::Municipality => Vec::new(),
        }
    }

    /// The accepted values in one line, e.g. `woman (nainen, kvinna, …), man
    /// (…)`: the second half of every "unknown value" message.
    pub fn accepted_line(self) -> String {
        self.accepted()
            .iter()
            .map(|(code, labels)| {
                if labels.is_empty() {
                    (*code).to_string()
                } else {
                    format!("{code} ({})", labels.join(", "))
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The Arrow types a column of this kind is read from (polars, pandas
    /// and pyarrow tables), the same for the indicators' column reader and
    /// the record reader.
    pub fn arrow_types(self) -> &'static str {
        match self {
            ValueKind::Id => "string, large string, string view; integer",
            ValueKind::Date => {
                "date32, date64; timestamp (time-zone aware: the Helsinki day; naive: the day, a time other than midnight reported); string as in CSV"
            }
            ValueKind::IdentityCode | ValueKind::Pseudonym => "string, large string, string view",
            ValueKind::Municipality => "string (as in CSV); integer 1–999",
            ValueKind::Education => "string or dictionary (as in CSV); integer 0–9",
            ValueKind::Answer => {
                "string or dictionary (as in CSV); boolean (true = yes, false = no)"
            }
            ValueKind::YesNo => "boolean; string or dictionary (as in CSV)",
            ValueKind::Gender
            | ValueKind::LabourStatus
            | ValueKind::ExitSituation
            | ValueKind::Improvement => "string or dictionary (categorical), as in CSV",
        }
    }

    /// Why an everyday label of this kind is refused, where hanke knows it
    /// cannot be read with certainty.
    pub(crate) fn ambiguity(self, label: &str) -> Option<Text> {
        AMBIGUOUS_LABELS
            .iter()
            .find(|(k, l, ..)| *k == self && label_is(label, l))
            .map(|(_, _, en, fi, sv)| t(fi, sv, en))
    }
}

/// The published format: one table of every column (name, headers, the
/// values it accepts in a file and the Arrow types it accepts in a table),
/// then the accepted values of every closed list — the tables of
/// `docs/participant-csv.md`, generated from [`COLUMNS`] (a test keeps the
/// file equal).
pub fn format_markdown() -> String {
    let mut out = String::from(
        "| column | read by (fi / sv) | label | value | Arrow types | record |\n|---|---|---|---|---|---|\n",
    );
    for c in &COLUMNS {
        let mut headers: Vec<&str> = c.headers_fi.to_vec();
        headers.extend_from_slice(c.headers_sv);
        let _ = writeln!(
            out,
            "| `{}`{} | {} | {} / {} / {} | {} | {} | `{}` |",
            c.name,
            if c.required { " (required)" } else { "" },
            headers
                .iter()
                .map(|h| format!("`{h}`"))
                .collect::<Vec<_>>()
                .join(", "),
            c.label.fi,
            c.label.sv,
            c.label.en,
            c.kind.expected().en,
            c.kind.arrow_types(),
            c.record_path,
        );
    }
    let kinds = [
        (ValueKind::Gender, "gender"),
        (ValueKind::LabourStatus, "labour_status"),
        (ValueKind::Education, "education"),
        (
            ValueKind::Answer,
            "disability, foreign_background, third_country_national, minority, homeless, other_disadvantaged",
        ),
        (
            ValueKind::YesNo,
            "household_jobless, household_dependent_children, household_single_adult, qualification_gained, follow_up_employed",
        ),
        (ValueKind::ExitSituation, "exit_situation"),
        (ValueKind::Improvement, "follow_up_improvement"),
    ];
    for (kind, columns) in kinds {
        let _ = write!(
            out,
            "\n### {} ({columns})\n\n| value | also read as |\n|---|---|\n",
            kind.expected().en
        );
        for (code, labels) in kind.accepted() {
            let _ = writeln!(
                out,
                "| `{code}` | {} |",
                labels
                    .iter()
                    .map(|l| format!("`{l}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        let refused: Vec<String> = AMBIGUOUS_LABELS
            .iter()
            .filter(|(k, ..)| *k == kind)
            .map(|(_, l, en, ..)| format!("`{l}` ({en})"))
            .collect();
        if !refused.is_empty() {
            let _ = writeln!(
                out,
                "\nRefused, because they do not say which: {}.",
                refused.join("; ")
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_listed_in_declaration_order_and_headers_are_unique() {
        for (i, c) in COLUMNS.iter().enumerate() {
            assert_eq!(c.column as usize, i);
            assert_eq!(Column::ALL[i], c.column);
        }
        // No header is read as two columns.
        for c in &COLUMNS {
            let mut headers = vec![c.name];
            headers.extend_from_slice(c.headers_fi);
            headers.extend_from_slice(c.headers_sv);
            for h in headers {
                assert_eq!(Column::from_header(h), Some(c.column), "{h}");
            }
        }
    }

    #[test]
    fn every_label_reads_as_its_value() {
        for kind in [
            ValueKind::Gender,
            ValueKind::LabourStatus,
            ValueKind::Education,
            ValueKind::Answer,
            ValueKind::ExitSituation,
            ValueKind::Improvement,
        ] {
            assert!(!kind.accepted().is_empty(), "{kind:?}");
        }
        for (l, g) in GENDER_LABELS {
            assert_eq!(Gender::from_label(l), Some(*g), "{l}");
        }
        for (l, s) in LABOUR_STATUS_LABELS {
            assert_eq!(LabourStatus::from_label(l), Some(*s), "{l}");
        }
        for (l, a) in ANSWER_LABELS {
            assert_eq!(Answer::from_label(l), Some(*a), "{l}");
        }
        for (l, s) in EXIT_SITUATION_LABELS {
            assert_eq!(ExitSituation::from_label(l), Some(*s), "{l}");
        }
        // An ambiguous label is no value of its kind.
        for (kind, l, ..) in AMBIGUOUS_LABELS {
            match kind {
                ValueKind::LabourStatus => assert_eq!(LabourStatus::from_label(l), None, "{l}"),
                ValueKind::Education => {
                    assert!(EDUCATION_LABELS.iter().all(|(x, _)| !label_is(l, x)))
                }
                _ => {}
            }
        }
    }
}
