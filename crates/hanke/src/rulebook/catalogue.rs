//! The common indicators of each period — *yhteiset indikaattorit* — as data:
//! code, names, unit, kind, data class, source and the rule over participant
//! records that computes them.
//!
//! Sources and what is verified (RULES.md §1–§2):
//! - ESF 2014–2020: Reg. 1304/2013 Annex I (consolidated), its original 2013
//!   text for the household indicators, and the SFC 2014 FAQs. Codes CO01–CO11
//!   and CO15 are verified (dates-esf.de indicator list); CR03 is verified
//!   (gov.uk ESF action note 054/20 names "ESF CR03 Participants gaining a
//!   qualification upon leaving"); the other codes follow the same numbering and
//!   are tagged unverified.
//! - ESF+ 2021–2027: Reg. 2021/1057 Annex I and Art 17; codes EECO02, EECO12,
//!   EECR01 and EECR04 are verified (SFC 2021 FAQs); EECO04, EECO05, EECO06,
//!   EECO07, EECO10 and EECO11 by the SFC2021 validation-rule change of 24 June
//!   2024 (rules 144–148 name them as parts of the reserved composites), EECO05
//!   and EECO19 also by the SFC2021 FAQ on supporting the self-employed
//!   (sfc.ec.europa.eu, "which common output indicator … self-employed");
//!   the others are tagged, and what was searched is RULES.md §10's list.
//! - ESF+ specific objective (l), most deprived: Reg. 2021/1057 Annex II. The SFC
//!   codes were not found; hanke names these indicators by their annex point
//!   (`II-1.1a` …) and tags the code unverified. The SFC 2021 FAQ "Is it possible
//!   to have specific objectives reporting no data on participants?" says Annex I
//!   applies to (a)–(l) operations not targeting the most deprived and Annex II to
//!   (l) operations targeting them — so the choice is the caller's, per operation.
//! - ESF+ specific objective (m), material deprivation: Reg. 2021/1057 Annex
//!   III, whose indicators count end recipients of food and material assistance
//!   and the value distributed, not participant records. **Not covered**: no
//!   catalogue here; a (m) operation does not report Annex I (ADR 0019 §12).
//!
//! English names follow the regulations' English texts (verified or partly
//! verified as RULES.md says); the Finnish and Swedish names are hanke's renderings
//! after the regulations' Finnish and Swedish language versions, which were not
//! re-read.

use serde::{Deserialize, Serialize};

use crate::programme::{ProgrammePeriod, Verification};

/// Whether an indicator counts what was supplied, the immediate result or the
/// longer-term result — *tuotos / välitön tulos / pidemmän aikavälin tulos*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// Output indicator — *tuotosindikaattori*.
    Output,
    /// Immediate result, upon leaving (within the reference period) — *välitön tulos*.
    ImmediateResult,
    /// Longer-term result, six months after leaving — *pidemmän aikavälin tulos*.
    LongerTermResult,
}

impl IndicatorKind {
    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            IndicatorKind::Output => "output",
            IndicatorKind::ImmediateResult => "immediate result",
            IndicatorKind::LongerTermResult => "longer-term result",
        }
    }

    /// Finnish label.
    pub fn label_fi(self) -> &'static str {
        match self {
            IndicatorKind::Output => "tuotos",
            IndicatorKind::ImmediateResult => "välitön tulos",
            IndicatorKind::LongerTermResult => "pidemmän aikavälin tulos",
        }
    }
}

/// What an indicator counts — *yksikkö*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Participants (persons) — *osallistujat*.
    Participants,
    /// Projects (operations) — *hankkeet*.
    Projects,
    /// Entities supported: enterprises or public administrations — *yhteisöt*.
    Entities,
}

/// Whether the data behind an indicator are personal data or special-category
/// data — the `*` and `**` of the annexes (Directive 95/46/EC Art 7 and 8 in
/// 2014–2020; GDPR Art 4(1) and 9 in 2021–2027).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DataClass {
    /// Not about a person (entity indicators, totals).
    NotPersonal,
    /// Personal data (`*`).
    Personal,
    /// Special-category ("sensitive") data (`**`): may be declined.
    SpecialCategory,
}

/// The rule over one record, as hanke computes it. Kept private to the crate:
/// the public contract is the indicator's `definition` text and its tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Measure {
    Total,
    Unemployed,
    LongTermUnemployed,
    Inactive,
    InactiveNotInEducation,
    Employed,
    AgeBelow(u8),
    AgeFrom(u8),
    AgeBetween(u8, u8),
    OlderUnemployedOrInactiveNotInEducation(u8),
    Isced(u8, u8),
    JoblessHousehold,
    JoblessHouseholdWithChildren,
    SingleAdultWithChildren,
    MigrantForeignBackgroundMinority,
    Disability,
    ThirdCountryNational,
    ForeignBackground,
    Minority,
    ForeignBackgroundOrMinority,
    Homeless,
    OtherDisadvantaged,
    /// Needs the degree of urbanisation of the municipality, not bundled.
    Rural,
    JobSearchingUponLeaving {
        inactive_at_entry_only: bool,
    },
    EducationUponLeaving,
    QualificationUponLeaving,
    EmploymentUponLeaving,
    DisadvantagedPositiveUponLeaving,
    EmployedSixMonths,
    ImprovedSixMonths,
    OlderEmployedSixMonths(u8),
    DisadvantagedEmployedSixMonths,
    /// Counted per project or entity, not from participant records.
    Entity,
}

/// One common indicator — *yhteinen indikaattori*.
///
/// ```
/// use hanke::indicator::{Catalogue, IndicatorKind};
/// let co02 = Catalogue::Esf2014.indicator("CO02").unwrap();
/// assert_eq!(co02.name_en, "long-term unemployed");
/// assert_eq!(co02.kind, IndicatorKind::Output);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Indicator {
    /// The SFC code (`CO01`, `EECR04`) or, where none was found, the annex point.
    pub code: &'static str,
    /// How far the code is verified.
    pub code_verification: Verification,
    /// English name (the regulation's wording).
    pub name_en: &'static str,
    /// Finnish name.
    pub name_fi: &'static str,
    /// Swedish name.
    pub name_sv: &'static str,
    /// Output, immediate or longer-term result.
    pub kind: IndicatorKind,
    /// What it counts.
    pub unit: Unit,
    /// Personal or special-category data.
    pub data: DataClass,
    /// The legal source (annex and point).
    pub source: &'static str,
    /// The rule over participant records, in English.
    pub definition: &'static str,
    /// How far the definition hanke computes is verified.
    pub definition_verification: Verification,
    #[serde(skip)]
    pub(crate) measure: Measure,
}

impl Indicator {
    /// Whether hanke's definition is an interpretation where the sources are
    /// unclear (ADR 0019): the definition says so in words ("interpretation"),
    /// and reports mark the figure.
    pub fn is_interpretation(&self) -> bool {
        self.definition
            .to_ascii_lowercase()
            .contains("interpretation")
    }

    /// Whether hanke computes the indicator from participant records.
    pub fn is_computed_from_participants(&self) -> bool {
        !matches!(self.measure, Measure::Entity | Measure::Rural)
    }
}

/// The indicator sets hanke knows — *indikaattorikokonaisuus*.
///
/// ```
/// use hanke::indicator::Catalogue;
/// assert_eq!(Catalogue::Esf2014.indicators().len(), 32);
/// assert_eq!(Catalogue::EsfPlus.indicators().len(), 25);
/// assert!(Catalogue::EsfPlus.indicator("EECR04").is_some());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum Catalogue {
    /// ESF 2014–2020, Reg. 1304/2013 Annex I.
    // The serde name is the stable code (`snake_case` alone would give `esf2014`).
    #[serde(rename = "esf_2014")]
    Esf2014,
    /// ESF+ 2021–2027, Reg. 2021/1057 Annex I (specific objectives (a)–(l)).
    EsfPlus,
    /// ESF+ 2021–2027, Reg. 2021/1057 Annex II: operations under specific
    /// objective (l) that target the most deprived.
    EsfPlusMostDeprived,
}

impl Catalogue {
    /// Every catalogue.
    pub const ALL: [Catalogue; 3] = [
        Catalogue::Esf2014,
        Catalogue::EsfPlus,
        Catalogue::EsfPlusMostDeprived,
    ];

    /// The general catalogue of a programme period (Annex I); `None` for periods
    /// without EU common indicators.
    pub fn for_period(period: ProgrammePeriod) -> Option<Catalogue> {
        match period {
            ProgrammePeriod::Period2014To2020 => Some(Catalogue::Esf2014),
            ProgrammePeriod::Period2021To2027 => Some(Catalogue::EsfPlus),
            _ => None,
        }
    }

    /// The programme period.
    pub fn period(self) -> ProgrammePeriod {
        match self {
            Catalogue::Esf2014 => ProgrammePeriod::Period2014To2020,
            Catalogue::EsfPlus | Catalogue::EsfPlusMostDeprived => {
                ProgrammePeriod::Period2021To2027
            }
        }
    }

    /// A stable code: `esf_2014`, `esf_plus`, `esf_plus_most_deprived`.
    pub fn code(self) -> &'static str {
        match self {
            Catalogue::Esf2014 => "esf_2014",
            Catalogue::EsfPlus => "esf_plus",
            Catalogue::EsfPlusMostDeprived => "esf_plus_most_deprived",
        }
    }

    /// The catalogue with a [`Self::code`].
    ///
    /// ```
    /// use hanke::indicator::Catalogue;
    /// assert_eq!(Catalogue::from_code("esf_plus"), Some(Catalogue::EsfPlus));
    /// assert_eq!(Catalogue::from_code("esf"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Catalogue> {
        Catalogue::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The indicators, in the order of the annex.
    pub fn indicators(self) -> &'static [Indicator] {
        match self {
            Catalogue::Esf2014 => &ESF_2014,
            Catalogue::EsfPlus => &ESF_PLUS,
            Catalogue::EsfPlusMostDeprived => &ESF_PLUS_ANNEX_II,
        }
    }

    /// The indicator with `code`.
    pub fn indicator(self, code: &str) -> Option<&'static Indicator> {
        self.indicators().iter().find(|i| i.code == code)
    }

    /// The catalogue as a Markdown table (published as `docs/indicators.md`, and
    /// checked against it by a test so that the two cannot drift).
    pub fn to_markdown(self) -> String {
        use std::fmt::Write as _;
        let mut t = String::new();
        let _ = writeln!(
            t,
            "| code | code verified | name (en) | nimi (fi) | namn (sv) | kind | unit | data | source | definition | definition verified |\n|---|---|---|---|---|---|---|---|---|---|---|"
        );
        let v = |x: Verification| match x {
            Verification::Verified => "yes",
            Verification::Partial => "partly",
            Verification::Unverified => "no",
        };
        for i in self.indicators() {
            let unit = match i.unit {
                Unit::Participants => "participants",
                Unit::Projects => "projects",
                Unit::Entities => "entities",
            };
            let data = match i.data {
                DataClass::NotPersonal => "",
                DataClass::Personal => "personal (*)",
                DataClass::SpecialCategory => "special category (**)",
            };
            let _ = writeln!(
                t,
                "| {} | {} | {} | {} | {} | {} | {unit} | {data} | {} | {} | {} |",
                i.code,
                v(i.code_verification),
                i.name_en,
                i.name_fi,
                i.name_sv,
                i.kind.label_en(),
                i.source,
                i.definition,
                v(i.definition_verification)
            );
        }
        t
    }

    /// Whether a record enters the indicators only when complete (Annex I of both
    /// periods: RULES.md §1.6, Art 17(5)). Annex II values "may be based on
    /// informed estimates" and its point 1.1 data are not required, so every
    /// record counts there.
    pub fn requires_complete_records(self) -> bool {
        !matches!(self, Catalogue::EsfPlusMostDeprived)
    }
}

use DataClass::{NotPersonal, Personal, SpecialCategory};
use IndicatorKind::{ImmediateResult, LongerTermResult, Output};
use Verification::{Partial, Unverified, Verified};

#[allow(clippy::too_many_arguments)]
const fn ind(
    code: &'static str,
    code_verification: Verification,
    name_en: &'static str,
    name_fi: &'static str,
    name_sv: &'static str,
    kind: IndicatorKind,
    unit: Unit,
    data: DataClass,
    source: &'static str,
    definition: &'static str,
    definition_verification: Verification,
    measure: Measure,
) -> Indicator {
    Indicator {
        code,
        code_verification,
        name_en,
        name_fi,
        name_sv,
        kind,
        unit,
        data,
        source,
        definition,
        definition_verification,
        measure,
    }
}

const A1: &str = "Reg. 1304/2013 Annex I point 1";
const A1_ORIG: &str =
    "Reg. 1304/2013 Annex I point 1 as adopted in 2013; not in the consolidated text";
const A1_2: &str = "Reg. 1304/2013 Annex I point 2";
const A1_3: &str = "Reg. 1304/2013 Annex I point 3 (immediate results)";
const A1_4: &str = "Reg. 1304/2013 Annex I point 4 (longer-term results)";
const E1_1: &str = "Reg. 2021/1057 Annex I point 1.1";
const E1_2: &str = "Reg. 2021/1057 Annex I point 1.2";
const E2: &str = "Reg. 2021/1057 Annex I point 2 (entities)";
const E3: &str = "Reg. 2021/1057 Annex I point 3 (immediate results)";
const E4: &str = "Reg. 2021/1057 Annex I point 4 (longer-term results)";
const X1_1: &str = "Reg. 2021/1057 Annex II point 1.1";
const X1_2: &str = "Reg. 2021/1057 Annex II point 1.2";

const UPON_LEAVING: &str = "left by the cut-off; the last situation within the period's reference days after exit (28) counts";
const SIX_MONTHS: &str = "left by the cut-off and followed up six months after leaving, on or before the cut-off; a follow-up counts within 28 days either side of six months after the exit date (the tolerance is hanke's interpretation, ADR 0019), others are PART-FOLLOW-002";
const DISADVANTAGED: &str = "disadvantaged = answered yes to an item of the special-category outputs CO15–CO17 (foreign background, third-country national, minority, disability, other disadvantage); homelessness (CO18, not special-category) does not count by itself. Interpretation (ADR 0019): the Annex marks CR05/CR09 ** as it marks CO15–CO17";

static ESF_2014: [Indicator; 32] = [
    ind(
        "CO01",
        Verified,
        "unemployed, including long-term unemployed",
        "työttömät, myös pitkäaikaistyöttömät",
        "arbetslösa, inklusive långtidsarbetslösa",
        Output,
        Unit::Participants,
        Personal,
        A1,
        "labour-market status at entry is unemployed",
        Verified,
        Measure::Unemployed,
    ),
    ind(
        "CO02",
        Verified,
        "long-term unemployed",
        "pitkäaikaistyöttömät",
        "långtidsarbetslösa",
        Output,
        Unit::Participants,
        Personal,
        A1,
        "unemployed at entry and long-term unemployed by the period's definition (under 25: over 6 months; 25 and over: over 12 months)",
        Unverified,
        Measure::LongTermUnemployed,
    ),
    ind(
        "CO03",
        Verified,
        "inactive",
        "työvoiman ulkopuolella olevat",
        "personer utanför arbetskraften",
        Output,
        Unit::Participants,
        Personal,
        A1,
        "labour-market status at entry is inactive",
        Verified,
        Measure::Inactive,
    ),
    ind(
        "CO04",
        Verified,
        "inactive, not in education or training",
        "työvoiman ulkopuolella olevat, jotka eivät ole koulutuksessa",
        "personer utanför arbetskraften som inte deltar i utbildning",
        Output,
        Unit::Participants,
        Personal,
        A1,
        "inactive at entry and not in education or training",
        Verified,
        Measure::InactiveNotInEducation,
    ),
    ind(
        "CO05",
        Verified,
        "employed, including self-employed",
        "työlliset, myös itsenäiset ammatinharjoittajat",
        "anställda, inklusive egenföretagare",
        Output,
        Unit::Participants,
        Personal,
        A1,
        "employed or self-employed at entry",
        Verified,
        Measure::Employed,
    ),
    ind(
        "CO06",
        Verified,
        "below 25 years of age",
        "alle 25-vuotiaat",
        "under 25 år",
        Output,
        Unit::Participants,
        Personal,
        A1,
        "age at entry below 25",
        Verified,
        Measure::AgeBelow(25),
    ),
    ind(
        "CO07",
        Verified,
        "above 54 years of age",
        "yli 54-vuotiaat",
        "över 54 år",
        Output,
        Unit::Participants,
        Personal,
        A1,
        "age at entry 55 or more (SFC 2014 FAQ: age on joining)",
        Verified,
        Measure::AgeFrom(55),
    ),
    ind(
        "CO08",
        Verified,
        "above 54 years of age who are unemployed, including long-term unemployed, or inactive not in education or training",
        "yli 54-vuotiaat työttömät, myös pitkäaikaistyöttömät, tai työvoiman ulkopuolella olevat, jotka eivät ole koulutuksessa",
        "över 54 år som är arbetslösa, inklusive långtidsarbetslösa, eller utanför arbetskraften och inte deltar i utbildning",
        Output,
        Unit::Participants,
        Personal,
        A1,
        "CO07 and (CO01 or CO04)",
        Verified,
        Measure::OlderUnemployedOrInactiveNotInEducation(55),
    ),
    ind(
        "CO09",
        Verified,
        "with primary (ISCED 1) or lower secondary education (ISCED 2)",
        "perusasteen (ISCED 1) tai alemman keskiasteen (ISCED 2) koulutus",
        "grundskoleutbildning (Isced 1) eller lägre sekundärutbildning (Isced 2)",
        Output,
        Unit::Participants,
        Personal,
        A1,
        "highest education ISCED 1–2, as the Annex says (\"primary (ISCED 1) or lower secondary education (ISCED 2)\", legislation.gov.uk consolidated text); ISCED 0 counts in no education indicator of 2014–2020 — ESF+ (EECO09) widened the band to ISCED 0–2",
        Verified,
        Measure::Isced(1, 2),
    ),
    ind(
        "CO10",
        Verified,
        "with upper secondary (ISCED 3) or post-secondary education (ISCED 4)",
        "toisen asteen (ISCED 3) tai toisen asteen jälkeinen ei-korkea-asteen (ISCED 4) koulutus",
        "gymnasieutbildning (Isced 3) eller eftergymnasial utbildning (Isced 4)",
        Output,
        Unit::Participants,
        Personal,
        A1,
        "highest education ISCED 3–4",
        Verified,
        Measure::Isced(3, 4),
    ),
    ind(
        "CO11",
        Verified,
        "with tertiary education (ISCED 5 to 8)",
        "korkea-asteen koulutus (ISCED 5–8)",
        "högskoleutbildning (Isced 5–8)",
        Output,
        Unit::Participants,
        Personal,
        A1,
        "highest education ISCED 5–8",
        Verified,
        Measure::Isced(5, 8),
    ),
    ind(
        "CO12",
        Unverified,
        "participants who live in jobless households",
        "työttömissä kotitalouksissa asuvat",
        "deltagare som lever i hushåll utan förvärvsarbetande",
        Output,
        Unit::Participants,
        Personal,
        A1_ORIG,
        "household data recorded and the household is jobless; removed from the consolidated Annex I (by Reg. 2018/1046, partly verified)",
        Partial,
        Measure::JoblessHousehold,
    ),
    ind(
        "CO13",
        Unverified,
        "participants who live in jobless households with dependent children",
        "työttömissä kotitalouksissa, joissa on huollettavia lapsia, asuvat",
        "deltagare som lever i hushåll utan förvärvsarbetande med försörjningsberoende barn",
        Output,
        Unit::Participants,
        Personal,
        A1_ORIG,
        "jobless household with dependent children; removed from the consolidated Annex I",
        Partial,
        Measure::JoblessHouseholdWithChildren,
    ),
    ind(
        "CO14",
        Unverified,
        "participants who live in a single adult household with dependent children",
        "yhden aikuisen kotitaloudessa, jossa on huollettavia lapsia, asuvat",
        "deltagare som lever i hushåll med en vuxen med försörjningsberoende barn",
        Output,
        Unit::Participants,
        Personal,
        A1_ORIG,
        "single-adult household with dependent children; removed from the consolidated Annex I",
        Partial,
        Measure::SingleAdultWithChildren,
    ),
    ind(
        "CO15",
        Verified,
        "migrants, participants with a foreign background, minorities (including marginalised communities such as the Roma)",
        "maahanmuuttajat, ulkomaalaistaustaiset ja vähemmistöt (myös marginalisoituneet yhteisöt, kuten romanit)",
        "migranter, deltagare med utländsk bakgrund, minoriteter (inklusive marginaliserade grupper såsom romer)",
        Output,
        Unit::Participants,
        SpecialCategory,
        A1,
        "answered yes to foreign background, third-country national or minority; declining is allowed",
        Verified,
        Measure::MigrantForeignBackgroundMinority,
    ),
    ind(
        "CO16",
        Unverified,
        "participants with disabilities",
        "vammaiset osallistujat",
        "deltagare med funktionsnedsättning",
        Output,
        Unit::Participants,
        SpecialCategory,
        A1,
        "answered yes to disability; declining is allowed",
        Verified,
        Measure::Disability,
    ),
    ind(
        "CO17",
        Unverified,
        "other disadvantaged",
        "muut heikommassa asemassa olevat",
        "andra missgynnade personer",
        Output,
        Unit::Participants,
        SpecialCategory,
        A1,
        "answered yes to other disadvantage; declining is allowed",
        Verified,
        Measure::OtherDisadvantaged,
    ),
    ind(
        "CO18",
        Unverified,
        "homeless or affected by housing exclusion",
        "asunnottomat tai asunnottomuusuhan alaiset",
        "hemlösa eller personer som utestängts från bostadsmarknaden",
        Output,
        Unit::Participants,
        Personal,
        A1,
        "answered yes to homelessness; the Annex allows a representative sample",
        Verified,
        Measure::Homeless,
    ),
    ind(
        "CO19",
        Unverified,
        "from rural areas",
        "maaseudulta tulevat",
        "från landsbygdsområden",
        Output,
        Unit::Participants,
        Personal,
        A1,
        "municipality of residence is rural by the degree of urbanisation; not computed (no urbanisation classification is bundled); the Annex allows a representative sample",
        Partial,
        Measure::Rural,
    ),
    ind(
        "CO20",
        Unverified,
        "number of projects fully or partially implemented by social partners or non-governmental organisations",
        "työmarkkinaosapuolten tai kansalaisjärjestöjen kokonaan tai osittain toteuttamat hankkeet",
        "projekt som helt eller delvis genomförs av arbetsmarknadens parter eller icke-statliga organisationer",
        Output,
        Unit::Projects,
        NotPersonal,
        A1_2,
        "per project, entered or from the implementers' organisation types",
        Partial,
        Measure::Entity,
    ),
    ind(
        "CO21",
        Unverified,
        "number of projects dedicated at sustainable participation and progress of women in employment",
        "naisten kestävää osallistumista ja etenemistä työelämässä edistävät hankkeet",
        "projekt som inriktas på kvinnors varaktiga deltagande och avancemang i arbetslivet",
        Output,
        Unit::Projects,
        NotPersonal,
        A1_2,
        "per project, entered",
        Partial,
        Measure::Entity,
    ),
    ind(
        "CO22",
        Unverified,
        "number of projects targeting public administrations or public services at national, regional or local level",
        "kansallisiin, alueellisiin tai paikallisiin julkishallintoihin tai julkisiin palveluihin kohdistuvat hankkeet",
        "projekt som inriktas på offentlig förvaltning eller offentliga tjänster på nationell, regional eller lokal nivå",
        Output,
        Unit::Projects,
        NotPersonal,
        A1_2,
        "per project, entered",
        Partial,
        Measure::Entity,
    ),
    ind(
        "CO23",
        Unverified,
        "number of supported micro, small and medium-sized enterprises (including cooperative enterprises and enterprises of the social economy)",
        "tuetut mikro-, pienet ja keskisuuret yritykset (myös osuuskunnat ja yhteiskunnalliset yritykset)",
        "stödda mikroföretag samt små och medelstora företag (inklusive kooperativ och sociala företag)",
        Output,
        Unit::Entities,
        NotPersonal,
        A1_2,
        "per enterprise supported, entered",
        Partial,
        Measure::Entity,
    ),
    ind(
        "CR01",
        Unverified,
        "inactive participants engaged in job searching upon leaving",
        "työvoiman ulkopuolella olleet osallistujat, jotka hakevat työtä lähtiessään",
        "deltagare utanför arbetskraften som söker arbete när de lämnar insatsen",
        ImmediateResult,
        Unit::Participants,
        Personal,
        A1_3,
        "inactive at entry and job searching upon leaving; left by the cut-off; the last situation within the period's reference days after exit (28) counts",
        Partial,
        Measure::JobSearchingUponLeaving {
            inactive_at_entry_only: true,
        },
    ),
    ind(
        "CR02",
        Unverified,
        "participants in education/training upon leaving",
        "osallistujat, jotka ovat koulutuksessa lähtiessään",
        "deltagare som deltar i utbildning när de lämnar insatsen",
        ImmediateResult,
        Unit::Participants,
        Personal,
        A1_3,
        UPON_LEAVING,
        Partial,
        Measure::EducationUponLeaving,
    ),
    ind(
        "CR03",
        Verified,
        "participants gaining a qualification upon leaving",
        "osallistujat, jotka saavat tutkinnon lähtiessään",
        "deltagare som erhåller en kvalifikation när de lämnar insatsen",
        ImmediateResult,
        Unit::Participants,
        Personal,
        A1_3,
        "qualification gained recorded at exit; left by the cut-off",
        Partial,
        Measure::QualificationUponLeaving,
    ),
    ind(
        "CR04",
        Unverified,
        "participants in employment, including self-employment, upon leaving",
        "osallistujat, jotka ovat työssä, myös itsenäisinä ammatinharjoittajina, lähtiessään",
        "deltagare som har arbete, inklusive egenföretagare, när de lämnar insatsen",
        ImmediateResult,
        Unit::Participants,
        Personal,
        A1_3,
        UPON_LEAVING,
        Partial,
        Measure::EmploymentUponLeaving,
    ),
    ind(
        "CR05",
        Unverified,
        "disadvantaged participants engaged in job searching, education/training, gaining a qualification, in employment, including self-employment, upon leaving",
        "heikommassa asemassa olevat osallistujat, jotka hakevat työtä, ovat koulutuksessa, saavat tutkinnon tai ovat työssä lähtiessään",
        "missgynnade deltagare som söker arbete, deltar i utbildning, erhåller en kvalifikation eller har arbete när de lämnar insatsen",
        ImmediateResult,
        Unit::Participants,
        SpecialCategory,
        A1_3,
        DISADVANTAGED,
        Partial,
        Measure::DisadvantagedPositiveUponLeaving,
    ),
    ind(
        "CR06",
        Unverified,
        "participants in employment, including self-employment, six months after leaving",
        "osallistujat, jotka ovat työssä, myös itsenäisinä ammatinharjoittajina, kuusi kuukautta lähdön jälkeen",
        "deltagare som har arbete, inklusive egenföretagare, sex månader efter att de lämnat insatsen",
        LongerTermResult,
        Unit::Participants,
        Personal,
        A1_4,
        SIX_MONTHS,
        Partial,
        Measure::EmployedSixMonths,
    ),
    ind(
        "CR07",
        Unverified,
        "participants with an improved labour market situation six months after leaving",
        "osallistujat, joiden työmarkkinatilanne on parantunut kuusi kuukautta lähdön jälkeen",
        "deltagare med förbättrad situation på arbetsmarknaden sex månader efter att de lämnat insatsen",
        LongerTermResult,
        Unit::Participants,
        Personal,
        A1_4,
        "employed at entry and one of the four improvements recorded at a follow-up six months after leaving (SFC 2014 FAQ; the window as for CR06, an interpretation); a pay rise alone does not count",
        Verified,
        Measure::ImprovedSixMonths,
    ),
    ind(
        "CR08",
        Unverified,
        "participants above 54 years of age in employment, including self-employment, six months after leaving",
        "yli 54-vuotiaat osallistujat, jotka ovat työssä kuusi kuukautta lähdön jälkeen",
        "deltagare över 54 år som har arbete sex månader efter att de lämnat insatsen",
        LongerTermResult,
        Unit::Participants,
        Personal,
        A1_4,
        "age at entry 55 or more and employed at a follow-up six months after leaving (the window as for CR06, an interpretation)",
        Partial,
        Measure::OlderEmployedSixMonths(55),
    ),
    ind(
        "CR09",
        Unverified,
        "disadvantaged participants in employment, including self-employment, six months after leaving",
        "heikommassa asemassa olevat osallistujat, jotka ovat työssä kuusi kuukautta lähdön jälkeen",
        "missgynnade deltagare som har arbete sex månader efter att de lämnat insatsen",
        LongerTermResult,
        Unit::Participants,
        SpecialCategory,
        A1_4,
        DISADVANTAGED,
        Partial,
        Measure::DisadvantagedEmployedSixMonths,
    ),
];

static ESF_PLUS: [Indicator; 25] = [
    ind(
        "EECO01",
        Unverified,
        "total number of participants",
        "osallistujien kokonaismäärä",
        "totalt antal deltagare",
        Output,
        Unit::Participants,
        NotPersonal,
        E1_1,
        "every complete record entered by the cut-off (Art 17(5): incomplete records are not transmitted); the ESF+ rule for the total is unverified",
        Unverified,
        Measure::Total,
    ),
    ind(
        "EECO02",
        Verified,
        "unemployed, including long-term unemployed",
        "työttömät, myös pitkäaikaistyöttömät",
        "arbetslösa, inklusive långtidsarbetslösa",
        Output,
        Unit::Participants,
        Personal,
        E1_1,
        "labour-market status at entry is unemployed",
        Verified,
        Measure::Unemployed,
    ),
    ind(
        "EECO03",
        Unverified,
        "long-term unemployed",
        "pitkäaikaistyöttömät",
        "långtidsarbetslösa",
        Output,
        Unit::Participants,
        Personal,
        E1_1,
        "unemployed at entry and long-term unemployed by the definition in use (age-dependent, or the national register definition)",
        Partial,
        Measure::LongTermUnemployed,
    ),
    ind(
        "EECO04",
        Verified,
        "inactive",
        "työvoiman ulkopuolella olevat",
        "personer utanför arbetskraften",
        Output,
        Unit::Participants,
        Personal,
        E1_1,
        "labour-market status at entry is inactive",
        Verified,
        Measure::Inactive,
    ),
    ind(
        "EECO05",
        Verified,
        "employed, including self-employed",
        "työlliset, myös itsenäiset ammatinharjoittajat",
        "anställda, inklusive egenföretagare",
        Output,
        Unit::Participants,
        Personal,
        E1_1,
        "employed or self-employed at entry",
        Verified,
        Measure::Employed,
    ),
    ind(
        "EECO06",
        Verified,
        "children below 18 years of age",
        "alle 18-vuotiaat lapset",
        "barn under 18 år",
        Output,
        Unit::Participants,
        Personal,
        E1_1,
        "age at entry below 18",
        Verified,
        Measure::AgeBelow(18),
    ),
    ind(
        "EECO07",
        Verified,
        "young people aged 18-29 years",
        "18–29-vuotiaat nuoret",
        "ungdomar i åldern 18–29 år",
        Output,
        Unit::Participants,
        Personal,
        E1_1,
        "age at entry 18 to 29",
        Verified,
        Measure::AgeBetween(18, 29),
    ),
    ind(
        "EECO08",
        Unverified,
        "participants aged 55 and above",
        "55 vuotta täyttäneet osallistujat",
        "deltagare som är 55 år eller äldre",
        Output,
        Unit::Participants,
        Personal,
        E1_1,
        "age at entry 55 or more",
        Verified,
        Measure::AgeFrom(55),
    ),
    ind(
        "EECO09",
        Unverified,
        "with lower secondary education or less (ISCED 0-2)",
        "enintään alemman keskiasteen koulutus (ISCED 0–2)",
        "högst lägre sekundärutbildning (Isced 0–2)",
        Output,
        Unit::Participants,
        Personal,
        E1_1,
        "highest education ISCED 0–2",
        Verified,
        Measure::Isced(0, 2),
    ),
    ind(
        "EECO10",
        Verified,
        "with upper secondary (ISCED 3) or post-secondary education (ISCED 4)",
        "toisen asteen (ISCED 3) tai toisen asteen jälkeinen ei-korkea-asteen (ISCED 4) koulutus",
        "gymnasieutbildning (Isced 3) eller eftergymnasial utbildning (Isced 4)",
        Output,
        Unit::Participants,
        Personal,
        E1_1,
        "highest education ISCED 3–4",
        Verified,
        Measure::Isced(3, 4),
    ),
    ind(
        "EECO11",
        Verified,
        "with tertiary education (ISCED 5 to 8)",
        "korkea-asteen koulutus (ISCED 5–8)",
        "högskoleutbildning (Isced 5–8)",
        Output,
        Unit::Participants,
        Personal,
        E1_1,
        "highest education ISCED 5–8",
        Verified,
        Measure::Isced(5, 8),
    ),
    ind(
        "EECO12",
        Verified,
        "participants with disabilities",
        "vammaiset osallistujat",
        "deltagare med funktionsnedsättning",
        Output,
        Unit::Participants,
        SpecialCategory,
        E1_2,
        "answered yes to disability; declining is allowed",
        Verified,
        Measure::Disability,
    ),
    ind(
        "EECO13",
        Unverified,
        "third-country nationals",
        "kolmansien maiden kansalaiset",
        "tredjelandsmedborgare",
        Output,
        Unit::Participants,
        Personal,
        E1_2,
        "answered yes to third-country national",
        Verified,
        Measure::ThirdCountryNational,
    ),
    ind(
        "EECO14",
        Unverified,
        "participants with a foreign background",
        "ulkomaalaistaustaiset osallistujat",
        "deltagare med utländsk bakgrund",
        Output,
        Unit::Participants,
        Personal,
        E1_2,
        "answered yes to foreign background",
        Verified,
        Measure::ForeignBackground,
    ),
    ind(
        "EECO15",
        Unverified,
        "minorities (including marginalised communities such as Roma)",
        "vähemmistöt (myös marginalisoituneet yhteisöt, kuten romanit)",
        "minoriteter (inklusive marginaliserade grupper såsom romer)",
        Output,
        Unit::Participants,
        SpecialCategory,
        E1_2,
        "answered yes to minority; declining is allowed",
        Verified,
        Measure::Minority,
    ),
    ind(
        "EECO16",
        Unverified,
        "homeless or affected by housing exclusion",
        "asunnottomat tai asunnottomuusuhan alaiset",
        "hemlösa eller personer som utestängts från bostadsmarknaden",
        Output,
        Unit::Participants,
        Personal,
        E1_2,
        "answered yes to homelessness (that point 1.2 lists it is unverified)",
        Unverified,
        Measure::Homeless,
    ),
    ind(
        "EECO17",
        Unverified,
        "participants from rural areas",
        "maaseudulta tulevat osallistujat",
        "deltagare från landsbygdsområden",
        Output,
        Unit::Participants,
        Personal,
        E1_2,
        "municipality of residence is rural; not computed (no urbanisation classification is bundled; that point 1.2 lists it is unverified)",
        Unverified,
        Measure::Rural,
    ),
    ind(
        "EECO18",
        Unverified,
        "number of supported public administrations or public services at national, regional or local level",
        "tuetut kansalliset, alueelliset tai paikalliset julkishallinnot tai julkiset palvelut",
        "stödda offentliga förvaltningar eller offentliga tjänster på nationell, regional eller lokal nivå",
        Output,
        Unit::Entities,
        NotPersonal,
        E2,
        "per entity supported, entered",
        Partial,
        Measure::Entity,
    ),
    ind(
        "EECO19",
        Verified,
        "number of supported micro, small and medium-sized enterprises (including cooperative enterprises and social enterprises)",
        "tuetut mikro-, pienet ja keskisuuret yritykset (myös osuuskunnat ja yhteiskunnalliset yritykset)",
        "stödda mikroföretag samt små och medelstora företag (inklusive kooperativ och sociala företag)",
        Output,
        Unit::Entities,
        NotPersonal,
        E2,
        "per enterprise supported, entered",
        Partial,
        Measure::Entity,
    ),
    ind(
        "EECR01",
        Verified,
        "participants engaged in job searching upon leaving",
        "osallistujat, jotka hakevat työtä lähtiessään",
        "deltagare som söker arbete när de lämnar insatsen",
        ImmediateResult,
        Unit::Participants,
        Personal,
        E3,
        "inactive at entry and job searching upon leaving, not in employment (EECR01 and EECR04 exclude each other); left by the cut-off; the last situation within 28 days after exit counts. Interpretation: the Annex names no entry status; the SFC2021 FAQ describes EECR01 as a change of labour-market situation with inactive examples, and its 2014–2020 predecessor CR01 counted inactive participants only",
        Partial,
        Measure::JobSearchingUponLeaving {
            inactive_at_entry_only: true,
        },
    ),
    ind(
        "EECR02",
        Unverified,
        "participants in education or training upon leaving",
        "osallistujat, jotka ovat koulutuksessa lähtiessään",
        "deltagare som deltar i utbildning när de lämnar insatsen",
        ImmediateResult,
        Unit::Participants,
        Personal,
        E3,
        UPON_LEAVING,
        Verified,
        Measure::EducationUponLeaving,
    ),
    ind(
        "EECR03",
        Unverified,
        "participants gaining a qualification upon leaving",
        "osallistujat, jotka saavat tutkinnon lähtiessään",
        "deltagare som erhåller en kvalifikation när de lämnar insatsen",
        ImmediateResult,
        Unit::Participants,
        Personal,
        E3,
        "qualification gained recorded at exit; left by the cut-off",
        Partial,
        Measure::QualificationUponLeaving,
    ),
    ind(
        "EECR04",
        Verified,
        "participants in employment, including self-employment, upon leaving",
        "osallistujat, jotka ovat työssä, myös itsenäisinä ammatinharjoittajina, lähtiessään",
        "deltagare som har arbete, inklusive egenföretagare, när de lämnar insatsen",
        ImmediateResult,
        Unit::Participants,
        Personal,
        E3,
        UPON_LEAVING,
        Verified,
        Measure::EmploymentUponLeaving,
    ),
    ind(
        "EECR05",
        Unverified,
        "participants in employment, including self-employment, six months after leaving",
        "osallistujat, jotka ovat työssä, myös itsenäisinä ammatinharjoittajina, kuusi kuukautta lähdön jälkeen",
        "deltagare som har arbete, inklusive egenföretagare, sex månader efter att de lämnat insatsen",
        LongerTermResult,
        Unit::Participants,
        Personal,
        E4,
        SIX_MONTHS,
        Partial,
        Measure::EmployedSixMonths,
    ),
    ind(
        "EECR06",
        Unverified,
        "participants with an improved labour market situation six months after leaving",
        "osallistujat, joiden työmarkkinatilanne on parantunut kuusi kuukautta lähdön jälkeen",
        "deltagare med förbättrad situation på arbetsmarknaden sex månader efter att de lämnat insatsen",
        LongerTermResult,
        Unit::Participants,
        Personal,
        E4,
        "employed at entry and an improvement recorded at a follow-up six months after leaving (the window as for EECR05, an interpretation; the 2014–2020 SFC definition of an improvement, its use for ESF+ is unverified)",
        Unverified,
        Measure::ImprovedSixMonths,
    ),
];

static ESF_PLUS_ANNEX_II: [Indicator; 8] = [
    ind(
        "II-1.1a",
        Unverified,
        "total number of participants",
        "osallistujien kokonaismäärä",
        "totalt antal deltagare",
        Output,
        Unit::Participants,
        NotPersonal,
        X1_1,
        "every record entered by the cut-off (values may rest on informed estimates)",
        Verified,
        Measure::Total,
    ),
    ind(
        "II-1.1b",
        Unverified,
        "children below 18 years of age",
        "alle 18-vuotiaat lapset",
        "barn under 18 år",
        Output,
        Unit::Participants,
        Personal,
        X1_1,
        "age at entry below 18, where known",
        Verified,
        Measure::AgeBelow(18),
    ),
    ind(
        "II-1.1c",
        Unverified,
        "young people aged 18-29 years",
        "18–29-vuotiaat nuoret",
        "ungdomar i åldern 18–29 år",
        Output,
        Unit::Participants,
        Personal,
        X1_1,
        "age at entry 18 to 29, where known",
        Verified,
        Measure::AgeBetween(18, 29),
    ),
    ind(
        "II-1.1d",
        Unverified,
        "participants aged 65 and above",
        "65 vuotta täyttäneet osallistujat",
        "deltagare som är 65 år eller äldre",
        Output,
        Unit::Participants,
        Personal,
        X1_1,
        "age at entry 65 or more, where known",
        Verified,
        Measure::AgeFrom(65),
    ),
    ind(
        "II-1.2a",
        Unverified,
        "participants with disabilities",
        "vammaiset osallistujat",
        "deltagare med funktionsnedsättning",
        Output,
        Unit::Participants,
        SpecialCategory,
        X1_2,
        "answered yes to disability",
        Verified,
        Measure::Disability,
    ),
    ind(
        "II-1.2b",
        Unverified,
        "third-country nationals",
        "kolmansien maiden kansalaiset",
        "tredjelandsmedborgare",
        Output,
        Unit::Participants,
        Personal,
        X1_2,
        "answered yes to third-country national",
        Verified,
        Measure::ThirdCountryNational,
    ),
    ind(
        "II-1.2c",
        Unverified,
        "participants with a foreign background and minorities (including marginalised communities such as Roma)",
        "ulkomaalaistaustaiset osallistujat ja vähemmistöt (myös romanit)",
        "deltagare med utländsk bakgrund och minoriteter (inklusive romer)",
        Output,
        Unit::Participants,
        SpecialCategory,
        X1_2,
        "answered yes to foreign background or minority",
        Verified,
        Measure::ForeignBackgroundOrMinority,
    ),
    ind(
        "II-1.2d",
        Unverified,
        "homeless or affected by housing exclusion",
        "asunnottomat tai asunnottomuusuhan alaiset",
        "hemlösa eller personer som utestängts från bostadsmarknaden",
        Output,
        Unit::Participants,
        Personal,
        X1_2,
        "answered yes to homelessness",
        Verified,
        Measure::Homeless,
    ),
];

/// [`Catalogue::from_code`].
/// The catalogue's code (`esf_plus`): what `FromStr` reads back.
impl std::fmt::Display for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Catalogue {
    type Err = crate::choice::ChoiceError;

    fn from_str(s: &str) -> Result<Self, crate::choice::ChoiceError> {
        Catalogue::from_code(s)
            .ok_or_else(|| crate::choice::ChoiceError::Catalogue { given: s.into() })
    }
}
