//! Funds, funders and programmes: `Fund` (rahasto), `ProgrammePeriod` (ohjelmakausi),
//! `Programme` (ohjelma), `Priority` (toimintalinja), `SpecificObjective`
//! (erityistavoite), `ResponsibleAuthority` (vastuuviranomainen), `Funder`
//! (rahoittaja) and STEA's `SteaGrantType` (avustuslaji).
//!
//! The catalogue is embedded. Every entry carries a [`Verification`]: facts that
//! `RULES.md` marks UNVERIFIED are kept, but say so, and nothing in hanke presents
//! them as certain.
//!
//! ```
//! use hanke::programme::{self, ProgrammePeriod};
//! let p = programme::programme(ProgrammePeriod::Period2014To2020).unwrap();
//! assert_eq!(p.cci, "2014FI16M2OP001");
//! let so = p.specific_objective("10.1").unwrap();
//! assert_eq!(so.name_fi, "Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen");
//! assert_eq!(p.priority_of(so).unwrap().number, 5);
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An EU fund — *rahasto*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
pub enum Fund {
    /// European Social Fund (2007–2020) — *Euroopan sosiaalirahasto, ESR*.
    #[serde(rename = "ESR")]
    Esf,
    /// European Social Fund Plus (2021–2027) — *ESR+*.
    #[serde(rename = "ESR+")]
    EsfPlus,
    /// European Regional Development Fund — *Euroopan aluekehitysrahasto, EAKR*.
    #[serde(rename = "EAKR")]
    Erdf,
    /// Just Transition Fund — *oikeudenmukaisen siirtymän rahasto, JTF*.
    #[serde(rename = "JTF")]
    Jtf,
}

impl Fund {
    /// The Finnish abbreviation used in EURA and on project pages: `ESR`, `ESR+`, `EAKR`, `JTF`.
    ///
    /// ```
    /// assert_eq!(hanke::programme::Fund::EsfPlus.abbreviation_fi(), "ESR+");
    /// ```
    pub fn abbreviation_fi(self) -> &'static str {
        match self {
            Fund::Esf => "ESR",
            Fund::EsfPlus => "ESR+",
            Fund::Erdf => "EAKR",
            Fund::Jtf => "JTF",
        }
    }

    /// Reads `ESR`, `ESF`, `ESR+`, `ESF+`, `EAKR`, `ERDF` or `JTF` (any case).
    ///
    /// ```
    /// use hanke::programme::Fund;
    /// assert_eq!(Fund::from_abbreviation("esr"), Some(Fund::Esf));
    /// assert_eq!(Fund::from_abbreviation("EAKR"), Some(Fund::Erdf));
    /// ```
    pub fn from_abbreviation(s: &str) -> Option<Fund> {
        match s.trim().to_uppercase().as_str() {
            "ESR" | "ESF" => Some(Fund::Esf),
            "ESR+" | "ESF+" => Some(Fund::EsfPlus),
            "EAKR" | "ERDF" => Some(Fund::Erdf),
            "JTF" => Some(Fund::Jtf),
            _ => None,
        }
    }

    /// Whether this is a social fund (ESF or ESF+), whose projects have participants.
    pub fn is_social_fund(self) -> bool {
        matches!(self, Fund::Esf | Fund::EsfPlus)
    }
}

impl fmt::Display for Fund {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.abbreviation_fi())
    }
}

/// An EU programme period — *ohjelmakausi*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
pub enum ProgrammePeriod {
    /// 2007–2013 (EURA 2007, codes S1xxxx).
    #[serde(rename = "2007-2013")]
    Period2007To2013,
    /// 2014–2020 (EURA 2014, codes S2xxxx).
    #[serde(rename = "2014-2020")]
    Period2014To2020,
    /// 2021–2027 (EURA 2021, codes S3xxxx).
    #[serde(rename = "2021-2027")]
    Period2021To2027,
}

impl ProgrammePeriod {
    /// The first and last calendar year of the period.
    ///
    /// ```
    /// use hanke::programme::ProgrammePeriod;
    /// assert_eq!(ProgrammePeriod::Period2021To2027.years(), (2021, 2027));
    /// ```
    pub fn years(self) -> (i32, i32) {
        match self {
            ProgrammePeriod::Period2007To2013 => (2007, 2013),
            ProgrammePeriod::Period2014To2020 => (2014, 2020),
            ProgrammePeriod::Period2021To2027 => (2021, 2027),
        }
    }

    /// The eligibility window of the period's funds — the first and last day
    /// expenditure may be incurred and, for simplified costs, the actions
    /// behind them carried out: Reg. (EC) 1083/2006 Art 56(1) (1.1.2007–
    /// 31.12.2015), Reg. (EU) 1303/2013 Art 65(2) and (4) (1.1.2014–31.12.2023),
    /// Reg. (EU) 2021/1060 Art 63(2) (1.1.2021–31.12.2029). The window opens
    /// earlier only for a programme submitted to the Commission before its
    /// first day, which Finland's were not.
    ///
    /// ```
    /// use hanke::programme::ProgrammePeriod;
    /// let (from, to) = ProgrammePeriod::Period2014To2020.eligibility();
    /// assert_eq!((from.to_string(), to.to_string()), ("2014-01-01".into(), "2023-12-31".into()));
    /// ```
    #[allow(clippy::missing_panics_doc, reason = "fixed calendar dates that exist")]
    pub fn eligibility(self) -> (chrono::NaiveDate, chrono::NaiveDate) {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        match self {
            ProgrammePeriod::Period2007To2013 => (d(2007, 1, 1), d(2015, 12, 31)),
            ProgrammePeriod::Period2014To2020 => (d(2014, 1, 1), d(2023, 12, 31)),
            ProgrammePeriod::Period2021To2027 => (d(2021, 1, 1), d(2029, 12, 31)),
        }
    }

    /// The source of [`Self::eligibility`].
    pub fn eligibility_source(self) -> &'static str {
        match self {
            ProgrammePeriod::Period2007To2013 => "Reg. (EC) 1083/2006 Art 56(1)",
            ProgrammePeriod::Period2014To2020 => "Reg. (EU) 1303/2013 Art 65(2)",
            ProgrammePeriod::Period2021To2027 => "Reg. (EU) 2021/1060 Art 63(2)",
        }
    }
}

impl ProgrammePeriod {
    /// The period's key, `2014-2020`: what JSON holds, what every binding
    /// prints and what [`FromStr`] reads (with an en dash too). [`Display`]
    /// writes the typographic `2014–2020` for people.
    ///
    /// [`Display`]: fmt::Display
    ///
    /// ```
    /// use hanke::programme::ProgrammePeriod;
    /// let p = ProgrammePeriod::Period2021To2027;
    /// assert_eq!(p.key(), "2021-2027");
    /// assert_eq!(p.key().parse::<ProgrammePeriod>(), Ok(p));
    /// assert_eq!(p.to_string(), "2021–2027");
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            ProgrammePeriod::Period2007To2013 => "2007-2013",
            ProgrammePeriod::Period2014To2020 => "2014-2020",
            ProgrammePeriod::Period2021To2027 => "2021-2027",
        }
    }
}

impl fmt::Display for ProgrammePeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = self.years();
        write!(f, "{a}–{b}")
    }
}

/// How far a catalogue fact has been checked against its source — the tags of
/// `RULES.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// Confirmed against the cited source (`[V]`).
    Verified,
    /// Partly confirmed: the substance, not every detail (`[P]`).
    Partial,
    /// Not confirmed against any source (`UNVERIFIED`): shown to users as such.
    Unverified,
}

impl Verification {
    /// A short label to print beside a fact: empty for verified facts.
    ///
    /// ```
    /// use hanke::programme::Verification;
    /// assert_eq!(Verification::Unverified.label(), " (unverified)");
    /// assert_eq!(Verification::Verified.label(), "");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Verification::Verified => "",
            Verification::Partial => " (partly verified)",
            Verification::Unverified => " (unverified)",
        }
    }
}

/// A specific objective of a programme — *erityistavoite*, e.g. 10.1.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SpecificObjective {
    /// The number as programmes print it: `10.1`, `4.3`.
    pub code: &'static str,
    /// The Finnish name.
    pub name_fi: &'static str,
    /// For ESF+ objectives, the letter of Reg. (EU) 2021/1057 Art 4(1) it implements.
    pub esf_plus_letter: Option<char>,
    /// How far the Art 4(1) letter is verified.
    pub letter_verification: Verification,
    /// How far the number and name are verified.
    pub verification: Verification,
    /// Where the fact comes from.
    pub source: &'static str,
}

/// A priority (axis) of a programme — *toimintalinja* (TL).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Priority {
    /// The number: TL5 has `5`.
    pub number: u8,
    /// The Finnish name.
    pub name_fi: &'static str,
    /// The fund of the priority.
    pub fund: Fund,
    /// The specific objectives known to hanke (only the social-fund ones are catalogued).
    pub specific_objectives: &'static [SpecificObjective],
    /// How far the name and fund are verified.
    pub verification: Verification,
    /// Where the fact comes from.
    pub source: &'static str,
}

/// A structural-funds programme — *rakennerahasto-ohjelma*.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Programme {
    /// The programme period.
    pub period: ProgrammePeriod,
    /// The Finnish name.
    pub name_fi: &'static str,
    /// The English name.
    pub name_en: &'static str,
    /// The Commission's CCI code.
    pub cci: &'static str,
    /// How far the CCI code is verified.
    pub cci_verification: Verification,
    /// The Commission decision approving the programme, where known.
    pub decision: Option<&'static str>,
    /// The priorities known to hanke.
    pub priorities: &'static [Priority],
    /// Where the facts come from.
    pub source: &'static str,
}

impl Programme {
    /// The priority with this number.
    pub fn priority(&self, number: u8) -> Option<&'static Priority> {
        self.priorities.iter().find(|p| p.number == number)
    }

    /// The specific objective with this code (`10.1`), in any priority.
    pub fn specific_objective(&self, code: &str) -> Option<&'static SpecificObjective> {
        let code = code.trim().trim_end_matches('.');
        self.priorities
            .iter()
            .flat_map(|p| p.specific_objectives.iter())
            .find(|so| so.code == code)
    }

    /// The specific objective whose Finnish name is `name` (ignoring case and
    /// surrounding white space), as project pages print it without its number.
    pub fn specific_objective_by_name(&self, name: &str) -> Option<&'static SpecificObjective> {
        let wanted = name.trim().to_lowercase();
        self.priorities
            .iter()
            .flat_map(|p| p.specific_objectives.iter())
            .find(|so| so.name_fi.to_lowercase() == wanted)
    }

    /// The priority a specific objective belongs to.
    pub fn priority_of(&self, so: &SpecificObjective) -> Option<&'static Priority> {
        self.priorities
            .iter()
            .find(|p| p.specific_objectives.iter().any(|s| s.code == so.code))
    }
}

const SRC_2014: &str = "RULES.md §4.1: programme document (docplayer.fi/57731051), tem.fi/ohjelma2014; \
    CCI and priority funds: EU Cohesion Open Data, ESIF 2014–2020 finance details (shared/data)";
const SRC_2014_SO: &str = "RULES.md §4.1: eura2014.fi project pages (S20548, S21015, S20064), rakennerahastot.fi call notices";
const SRC_2014_SO_61: &str = "rakennerahastot.fi/tyollisyys-ja-tyovoiman-liikkuvuus-esr- (TL3 specific objectives); RULES.md §4.1";
const SRC_2021: &str =
    "RULES.md §4.2: pohjois-savo.fi 22.10.2021, rakennerahastot.fi, stm.fi, thl.fi";

const fn so(
    code: &'static str,
    name_fi: &'static str,
    esf_plus_letter: Option<char>,
    letter_verification: Verification,
    verification: Verification,
    source: &'static str,
) -> SpecificObjective {
    SpecificObjective {
        code,
        name_fi,
        esf_plus_letter,
        letter_verification,
        verification,
        source,
    }
}

const fn prio(
    number: u8,
    name_fi: &'static str,
    fund: Fund,
    specific_objectives: &'static [SpecificObjective],
    verification: Verification,
    source: &'static str,
) -> Priority {
    Priority {
        number,
        name_fi,
        fund,
        specific_objectives,
        verification,
        source,
    }
}

use Verification::{Partial, Unverified, Verified};

static SO_2014_TL3: [SpecificObjective; 3] = [
    // The programme's wording as rakennerahastot.fi prints it (ESR page
    // "Työllisyys ja työvoiman liikkuvuus") and EURA's descriptions do; the
    // shorter "…olevien työllistyminen" made EURA-DESC-008 fire on correct
    // descriptions (issue 24 item 13).
    so(
        "6.1",
        "Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen",
        None,
        Verified,
        Verified,
        SRC_2014_SO_61,
    ),
    so(
        "7.1",
        "Tuottavuuden ja työhyvinvoinnin parantaminen",
        None,
        Verified,
        Verified,
        SRC_2014_SO,
    ),
    so(
        "8.1",
        "Työ- ja koulutusurien sukupuolenmukaisen eriytymisen lieventäminen",
        None,
        Verified,
        Verified,
        SRC_2014_SO,
    ),
];
static SO_2014_TL4: [SpecificObjective; 2] = [
    so(
        "9.1",
        "Siirtymävaiheita ja koulutuksellista tasa-arvoa tukevien palveluiden parantaminen",
        None,
        Verified,
        Verified,
        SRC_2014_SO,
    ),
    so(
        "9.2",
        "Kasvu- ja rakennemuutosalojen koulutuksen laadun ja tarjonnan parantaminen",
        None,
        Verified,
        Verified,
        SRC_2014_SO,
    ),
];
static SO_2014_TL5: [SpecificObjective; 1] = [so(
    "10.1",
    "Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen",
    None,
    Verified,
    Verified,
    SRC_2014_SO,
)];
static SO_2014_TL9: [SpecificObjective; 2] = [
    so(
        "12.3",
        "Digitaalisten taitojen parantaminen",
        None,
        Verified,
        Verified,
        SRC_2014_SO,
    ),
    so(
        "12.4",
        "Yritysten ja yrittäjien nopean muutoskyvykkyyden lisääminen",
        None,
        Verified,
        Verified,
        SRC_2014_SO,
    ),
];

static PRIORITIES_2014: [Priority; 8] = [
    prio(
        1,
        "Pk-yritystoiminnan kilpailukyky",
        Fund::Erdf,
        &[],
        Verified,
        SRC_2014,
    ),
    prio(
        2,
        "Uusimman tiedon ja osaamisen tuottaminen ja hyödyntäminen",
        Fund::Erdf,
        &[],
        Verified,
        SRC_2014,
    ),
    prio(
        3,
        "Työllisyys ja työvoiman liikkuvuus",
        Fund::Esf,
        &SO_2014_TL3,
        Verified,
        SRC_2014,
    ),
    prio(
        4,
        "Koulutus, ammattitaito ja elinikäinen oppiminen",
        Fund::Esf,
        &SO_2014_TL4,
        Verified,
        SRC_2014,
    ),
    prio(
        5,
        "Sosiaalinen osallisuus ja köyhyyden torjunta",
        Fund::Esf,
        &SO_2014_TL5,
        Verified,
        SRC_2014,
    ),
    prio(6, "Tekninen tuki", Fund::Erdf, &[], Verified, SRC_2014),
    prio(7, "Tekninen tuki", Fund::Esf, &[], Verified, SRC_2014),
    prio(
        9,
        "REACT-EU ESR",
        Fund::Esf,
        &SO_2014_TL9,
        Verified,
        SRC_2014,
    ),
];

static SO_2021_TL4: [SpecificObjective; 3] = [
    so(
        "4.1",
        "Polkuja töihin",
        Some('a'),
        Partial,
        Verified,
        "RULES.md §4.2: name and number rakennerahastot.fi; letter (a) from the draft programme (docplayer.fi/188657760)",
    ),
    so(
        "4.2",
        "Uutta osaamista työelämään",
        Some('g'),
        Unverified,
        Partial,
        "RULES.md §4.2: name stm.fi (valtakunnallinen teema Työelämän kehittäminen); number partly verified; letter (g) from the draft, possibly (d)",
    ),
    so(
        "4.3",
        "Yhdenvertaiseen osallisuuteen",
        Some('h'),
        Partial,
        Verified,
        "RULES.md §4.2: thl.fi ESR+ 4.3 page, rakennerahastot.fi/-/esr-haku-0525; letter (h) partly verified",
    ),
];
static SO_2021_TL5: [SpecificObjective; 1] = [so(
    "5.1",
    "Turvaverkkoja nuorten tulevaisuuteen",
    Some('l'),
    Unverified,
    Verified,
    "RULES.md §4.2: rakennerahastot.fi/-/turvaverkkoja-haut-2024; letter (l) unverified",
)];

static PRIORITIES_2021: [Priority; 5] = [
    prio(
        1,
        "Innovatiivinen Suomi",
        Fund::Erdf,
        &[],
        Verified,
        SRC_2021,
    ),
    prio(
        2,
        "Hiilineutraali Suomi",
        Fund::Erdf,
        &[],
        Unverified,
        SRC_2021,
    ),
    prio(
        3,
        "Saavutettava Suomi",
        Fund::Erdf,
        &[],
        Unverified,
        SRC_2021,
    ),
    prio(
        4,
        "Työllistävä, osaava ja osallistava Suomi",
        Fund::EsfPlus,
        &SO_2021_TL4,
        Verified,
        SRC_2021,
    ),
    prio(
        5,
        "Sosiaalisten innovaatioiden Suomi",
        Fund::EsfPlus,
        &SO_2021_TL5,
        Verified,
        SRC_2021,
    ),
];

static PROGRAMMES: [Programme; 2] = [
    Programme {
        period: ProgrammePeriod::Period2014To2020,
        name_fi: "Kestävää kasvua ja työtä 2014–2020 – Suomen rakennerahasto-ohjelma",
        name_en: "Sustainable growth and jobs 2014–2020 – Structural Funds Programme of Finland",
        cci: "2014FI16M2OP001",
        // RULES.md §4.1 had it only as "CCI 2014 FI 116M2OP001" [P]; the Commission's
        // ESIF finance-details data set (shared/data) lists this exact code for the programme.
        cci_verification: Verified,
        decision: Some("C(2014) 9831"),
        priorities: &PRIORITIES_2014,
        source: SRC_2014,
    },
    Programme {
        period: ProgrammePeriod::Period2021To2027,
        name_fi: "Uudistuva ja osaava Suomi 2021–2027 – EU:n alue- ja rakennepolitiikan ohjelma",
        name_en: "Innovation and Skills in Finland 2021–2027 – EU regional and structural policy programme",
        cci: "2021FI16FFPR001",
        cci_verification: Unverified,
        decision: None,
        priorities: &PRIORITIES_2021,
        source: SRC_2021,
    },
];

/// The embedded programmes.
///
/// ```
/// assert_eq!(hanke::programme::programmes().len(), 2);
/// ```
pub fn programmes() -> &'static [Programme] {
    &PROGRAMMES
}

/// The mainland structural-funds programme of a period, where hanke has it.
pub fn programme(period: ProgrammePeriod) -> Option<&'static Programme> {
    PROGRAMMES.iter().find(|p| p.period == period)
}

/// A public authority that decides on and monitors EU-funded projects —
/// *vastuuviranomainen* (rahoittava viranomainen, välittävä toimielin).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum ResponsibleAuthority {
    /// Etelä-Savon ELY-keskus (structural-fund ELY centre).
    EtelaSavoEly,
    /// Hämeen ELY-keskus (structural-fund ELY centre).
    HameEly,
    /// Keski-Suomen ELY-keskus (structural-fund ELY centre).
    KeskiSuomiEly,
    /// Pohjois-Pohjanmaan ELY-keskus (structural-fund ELY centre).
    PohjoisPohjanmaaEly,
    /// Sosiaali- ja terveysministeriö (Ministry of Social Affairs and Health).
    Stm,
    /// Työ- ja elinkeinoministeriö (Ministry of Economic Affairs and Employment).
    Tem,
    /// Opetus- ja kulttuuriministeriö (Ministry of Education and Culture).
    Okm,
    /// Ruokavirasto (Finnish Food Authority), for ESF+ material aid.
    Ruokavirasto,
}

impl ResponsibleAuthority {
    /// Every authority hanke knows.
    pub const ALL: [ResponsibleAuthority; 8] = [
        ResponsibleAuthority::EtelaSavoEly,
        ResponsibleAuthority::HameEly,
        ResponsibleAuthority::KeskiSuomiEly,
        ResponsibleAuthority::PohjoisPohjanmaaEly,
        ResponsibleAuthority::Stm,
        ResponsibleAuthority::Tem,
        ResponsibleAuthority::Okm,
        ResponsibleAuthority::Ruokavirasto,
    ];

    /// The official Finnish name, as EURA prints it.
    pub fn name_fi(self) -> &'static str {
        match self {
            ResponsibleAuthority::EtelaSavoEly => {
                "Etelä-Savon elinkeino-, liikenne- ja ympäristökeskus"
            }
            ResponsibleAuthority::HameEly => "Hämeen elinkeino-, liikenne- ja ympäristökeskus",
            ResponsibleAuthority::KeskiSuomiEly => {
                "Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus"
            }
            ResponsibleAuthority::PohjoisPohjanmaaEly => {
                "Pohjois-Pohjanmaan elinkeino-, liikenne- ja ympäristökeskus"
            }
            ResponsibleAuthority::Stm => "Sosiaali- ja terveysministeriö",
            ResponsibleAuthority::Tem => "Työ- ja elinkeinoministeriö",
            ResponsibleAuthority::Okm => "Opetus- ja kulttuuriministeriö",
            ResponsibleAuthority::Ruokavirasto => "Ruokavirasto",
        }
    }

    /// The short name: `Etelä-Savon ELY-keskus`, `STM`.
    pub fn short_name_fi(self) -> &'static str {
        match self {
            ResponsibleAuthority::EtelaSavoEly => "Etelä-Savon ELY-keskus",
            ResponsibleAuthority::HameEly => "Hämeen ELY-keskus",
            ResponsibleAuthority::KeskiSuomiEly => "Keski-Suomen ELY-keskus",
            ResponsibleAuthority::PohjoisPohjanmaaEly => "Pohjois-Pohjanmaan ELY-keskus",
            ResponsibleAuthority::Stm => "STM",
            ResponsibleAuthority::Tem => "TEM",
            ResponsibleAuthority::Okm => "OKM",
            ResponsibleAuthority::Ruokavirasto => "Ruokavirasto",
        }
    }

    /// Finds the authority named in a document, however it is written: the
    /// official name (with or without the comma the EURA project list drops, with
    /// doubled spaces), the `ELY-keskus` short form, or the ministry's abbreviation.
    ///
    /// ```
    /// use hanke::programme::ResponsibleAuthority as RA;
    /// assert_eq!(RA::from_name("Keski-Suomen ELY-keskus"), Some(RA::KeskiSuomiEly));
    /// assert_eq!(RA::from_name("Hämeen elinkeino-  liikenne- ja ympäristökeskus"), Some(RA::HameEly));
    /// assert_eq!(RA::from_name("Sosiaali- ja terveysministeriö"), Some(RA::Stm));
    /// assert_eq!(RA::from_name("Lapin liitto"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<ResponsibleAuthority> {
        let norm = normalise_name(name);
        ResponsibleAuthority::spellings()
            .iter()
            .find(|(_, names)| names.contains(&norm))
            .map(|(a, _)| *a)
    }

    /// Each authority with the normalised spellings [`Self::from_name`]
    /// accepts — made once, not once per name looked up (an EURA list looks
    /// up several a row).
    fn spellings() -> &'static [(ResponsibleAuthority, [String; 3])] {
        static SPELLINGS: std::sync::OnceLock<Vec<(ResponsibleAuthority, [String; 3])>> =
            std::sync::OnceLock::new();
        SPELLINGS.get_or_init(|| {
            ResponsibleAuthority::ALL
                .into_iter()
                .map(|a| {
                    let long_ely = a
                        .short_name_fi()
                        .replace("ELY-keskus", "elinkeino-, liikenne- ja ympäristökeskus");
                    let names = [
                        normalise_name(a.name_fi()),
                        normalise_name(a.short_name_fi()),
                        normalise_name(&long_ely),
                    ];
                    (a, names)
                })
                .collect()
        })
    }

    /// Whether this is one of the four structural-fund ELY centres (RULES.md §4.1,
    /// THL TL5 page), which were replaced by *elinvoimakeskukset* in 2026.
    pub fn is_structural_fund_ely(self) -> bool {
        matches!(
            self,
            ResponsibleAuthority::EtelaSavoEly
                | ResponsibleAuthority::HameEly
                | ResponsibleAuthority::KeskiSuomiEly
                | ResponsibleAuthority::PohjoisPohjanmaaEly
        )
    }
}

impl fmt::Display for ResponsibleAuthority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_fi())
    }
}

/// Lower-cases, drops commas and folds white space, so that names written in
/// slightly different ways compare equal.
pub(crate) fn normalise_name(s: &str) -> String {
    // `str::to_lowercase` (not char by char: a final sigma lowers by its
    // place in the word), then one pass that folds commas and runs of white
    // space into single spaces and drops them at the ends — what splitting on
    // white space and joining did, without the vector and two copies.
    let lower = s.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut gap = false;
    for c in lower.chars() {
        if c == ',' || c.is_whitespace() {
            gap = true;
        } else {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        }
    }
    out
}

/// A grant type of STEA (Sosiaali- ja terveysjärjestöjen avustuskeskus) — *avustuslaji*.
///
/// Source: RULES.md §6.1, stea.fi/avustusten-haku/avustuslajit **\[V\]**.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
pub enum SteaGrantType {
    /// *Hankeavustus* (C): developing new ways of working; decided for up to three years at once.
    #[serde(rename = "C")]
    Project,
    /// *Kohdennettu toiminta-avustus* (Ak): a delimited, established activity; a year at a time.
    #[serde(rename = "Ak")]
    TargetedOperating,
    /// *Yleisavustus* (Ay): statutory general activity; a year at a time; never a first grant.
    #[serde(rename = "Ay")]
    General,
    /// *Investointiavustus* (B): supported housing, equipment, premises.
    #[serde(rename = "B")]
    Investment,
}

impl SteaGrantType {
    /// STEA's code: `C`, `Ak`, `Ay`, `B`.
    pub fn code(self) -> &'static str {
        match self {
            SteaGrantType::Project => "C",
            SteaGrantType::TargetedOperating => "Ak",
            SteaGrantType::General => "Ay",
            SteaGrantType::Investment => "B",
        }
    }

    /// The Finnish name.
    pub fn name_fi(self) -> &'static str {
        match self {
            SteaGrantType::Project => "hankeavustus",
            SteaGrantType::TargetedOperating => "kohdennettu toiminta-avustus",
            SteaGrantType::General => "yleisavustus",
            SteaGrantType::Investment => "investointiavustus",
        }
    }
}

/// What kind of body a funder is — *rahoittajan tyyppi*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum FunderKind {
    /// An EU fund, decided on by a responsible authority.
    EuFund,
    /// STEA, the Funding Centre for Social Welfare and Health Organisations.
    Stea,
    /// A ministry's own appropriation (e.g. STM's health-promotion appropriation).
    Ministry,
    /// A private foundation.
    Foundation,
    /// A municipality, region or other public body.
    OtherPublic,
}

/// A funder of a project — *rahoittaja*: an EU fund through its authority, STEA, a
/// ministry or a foundation.
///
/// ```
/// use hanke::programme::{Funder, FunderKind};
/// let f = Funder::named("AMI-säätiö").unwrap();
/// assert_eq!(f.kind, FunderKind::Foundation);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Funder {
    /// A stable key used in project JSON: `stea`, `ami_saatio`.
    pub key: &'static str,
    /// The Finnish name.
    pub name_fi: &'static str,
    /// The kind of funder.
    pub kind: FunderKind,
    /// Where the seeds or rules name it.
    pub source: &'static str,
}

static FUNDERS: [Funder; 8] = [
    Funder {
        key: "esr",
        name_fi: "Euroopan sosiaalirahasto (ESR)",
        kind: FunderKind::EuFund,
        source: "RULES.md §4.1",
    },
    Funder {
        key: "esr_plus",
        name_fi: "Euroopan sosiaalirahasto plus (ESR+)",
        kind: FunderKind::EuFund,
        source: "RULES.md §4.2",
    },
    Funder {
        key: "stea",
        name_fi: "Sosiaali- ja terveysjärjestöjen avustuskeskus STEA",
        kind: FunderKind::Stea,
        source: "RULES.md §6.1; seeds 000 (Feeniks), 002 (KeKo, Järjestöt työllisyyden kuntakokeilussa), 003 (Paikka auki)",
    },
    Funder {
        key: "stm",
        name_fi: "Sosiaali- ja terveysministeriö",
        kind: FunderKind::Ministry,
        source: "seed 002 (Elämänlaatua ruuasta: terveyden edistämisen määräraha)",
    },
    Funder {
        key: "tem",
        name_fi: "Työ- ja elinkeinoministeriö",
        kind: FunderKind::Ministry,
        source: "seed 002 (YYO 2021–2023)",
    },
    Funder {
        key: "ami_saatio",
        name_fi: "AMI-säätiö",
        kind: FunderKind::Foundation,
        source: "seed 002 (Konkarit töihin!)",
    },
    Funder {
        key: "kunnallisalan_kehittamissaatio",
        name_fi: "Kunnallisalan kehittämissäätiö",
        kind: FunderKind::Foundation,
        source: "seed 002 (Kuntien vaikuttavat työllisyyspalvelut)",
    },
    Funder {
        key: "pirkanmaan_maakuntavalmistelu",
        name_fi: "Pirkanmaan maakuntavalmistelu",
        kind: FunderKind::OtherPublic,
        source: "seed 002 (Verkostokiihdyttämö, KeKo)",
    },
];

impl Funder {
    /// Every funder hanke knows.
    pub fn all() -> &'static [Funder] {
        &FUNDERS
    }

    /// The funder with this key (`stea`) or Finnish name (`AMI-säätiö`, any case).
    pub fn named(key_or_name: &str) -> Option<&'static Funder> {
        let norm = normalise_name(key_or_name);
        FUNDERS
            .iter()
            .find(|f| f.key == key_or_name.trim() || normalise_name(f.name_fi) == norm)
            .or_else(|| match norm.as_str() {
                "stea" => FUNDERS.iter().find(|f| f.key == "stea"),
                "esr" | "esf" => FUNDERS.iter().find(|f| f.key == "esr"),
                "esr+" | "esf+" => FUNDERS.iter().find(|f| f.key == "esr_plus"),
                _ => None,
            })
    }
}

/// `2014-2020`, with an en dash too (`2014–2020`), surrounding space ignored.
impl std::str::FromStr for ProgrammePeriod {
    type Err = crate::choice::ChoiceError;

    fn from_str(s: &str) -> Result<Self, crate::choice::ChoiceError> {
        let t = s.trim().replace(['–', '—'], "-");
        [
            ProgrammePeriod::Period2007To2013,
            ProgrammePeriod::Period2014To2020,
            ProgrammePeriod::Period2021To2027,
        ]
        .into_iter()
        .find(|p| {
            let (a, b) = p.years();
            t == format!("{a}-{b}")
        })
        .ok_or_else(|| crate::choice::ChoiceError::Period { given: s.into() })
    }
}

/// [`Fund::from_abbreviation`].
impl std::str::FromStr for Fund {
    type Err = crate::choice::ChoiceError;

    fn from_str(s: &str) -> Result<Self, crate::choice::ChoiceError> {
        Fund::from_abbreviation(s)
            .ok_or_else(|| crate::choice::ChoiceError::Fund { given: s.into() })
    }
}

/// A project code of the EURA systems — *hankekoodi*, *EURA-tunnus*: a letter and
/// five digits, e.g. `S22026`.
///
/// The letter and the first digit name the fund and the programme period:
///
/// | series | fund | period | source |
/// |---|---|---|---|
/// | `S1xxxx` | ESF (ESR) | 2007–2013 | RULES.md §4.1 (S11306, S11748) |
/// | `S2xxxx` | ESF (ESR) | 2014–2020, EURA 2014 | RULES.md §4.1; 786 ESR rows of the EURA 2014 project list |
/// | `S3xxxx` | ESF+ (ESR+) | 2021–2027, EURA 2021 | RULES.md §4.2 (S30355) |
/// | `A7xxxx` | ERDF (EAKR) | 2014–2020, EURA 2014 | 2 095 EAKR rows of the EURA 2014 project list |
///
/// Other series parse (the format is the same) but [`fund`](ProjectCode::fund) and
/// [`period`](ProjectCode::period) return `None` for them: hanke does not guess.
/// Parsing trims white space and upper-cases the letter.
///
/// ```
/// use hanke::{ProjectCode, programme::{Fund, ProgrammePeriod}};
/// let code: ProjectCode = "s22026".parse()?;
/// assert_eq!(code.to_string(), "S22026");
/// assert_eq!(code.fund(), Some(Fund::Esf));
/// assert_eq!(code.period(), Some(ProgrammePeriod::Period2014To2020));
/// # Ok::<(), hanke::IdError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProjectCode {
    letter: char,
    number: u32,
}

impl ProjectCode {
    /// The series letter (`S`, `A`, …).
    pub const fn letter(self) -> char {
        self.letter
    }

    /// The five-digit number after the letter.
    pub const fn number(self) -> u32 {
        self.number
    }

    fn series(self) -> (char, u32) {
        (self.letter, self.number / 10_000)
    }

    /// The fund the code series belongs to, where the series is known.
    pub fn fund(self) -> Option<Fund> {
        match self.series() {
            ('S', 1 | 2) => Some(Fund::Esf),
            ('S', 3) => Some(Fund::EsfPlus),
            ('A', 7) => Some(Fund::Erdf),
            _ => None,
        }
    }

    /// The programme period the code series belongs to, where the series is known.
    pub fn period(self) -> Option<ProgrammePeriod> {
        match self.series() {
            ('S', 1) => Some(ProgrammePeriod::Period2007To2013),
            ('S', 2) | ('A', 7) => Some(ProgrammePeriod::Period2014To2020),
            ('S', 3) => Some(ProgrammePeriod::Period2021To2027),
            _ => None,
        }
    }
}

impl FromStr for ProjectCode {
    type Err = crate::IdError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let err = || crate::IdError::ProjectCodeFormat {
            input: crate::Echo::new(input),
        };
        let s = input.trim();
        let mut chars = s.chars();
        let letter = chars
            .next()
            .filter(char::is_ascii_alphabetic)
            .ok_or_else(err)?
            .to_ascii_uppercase();
        let digits = chars.as_str();
        if digits.len() != 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let number = digits.parse().map_err(|_| err())?;
        Ok(ProjectCode { letter, number })
    }
}

impl fmt::Display for ProjectCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{:05}", self.letter, self.number)
    }
}

serde_as_string!(ProjectCode);

/// A category of region for co-financing — *alueluokka* (CPR 2021/1060 Art 108, 112).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum RegionCategory {
    /// Less developed regions (also outermost regions), Art 112(3)(a).
    LessDeveloped,
    /// Transition regions that were less developed in 2014–2020, Art 112(3)(b).
    TransitionFormerlyLessDeveloped,
    /// Transition regions, Art 112(3)(c).
    Transition,
    /// More developed regions that were transition regions in 2014–2020 or had a
    /// GDP per head below 100 %, Art 112(3)(d).
    MoreDevelopedFormerlyTransition,
    /// More developed regions, Art 112(3)(e).
    MoreDeveloped,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The implementations before the EURA list was profiled (issue 29), as
    /// the reference of the faster ones.
    fn normalise_name_as_before(s: &str) -> String {
        s.to_lowercase()
            .replace(',', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn from_name_as_before(name: &str) -> Option<ResponsibleAuthority> {
        let norm = normalise_name_as_before(name);
        ResponsibleAuthority::ALL.into_iter().find(|a| {
            normalise_name_as_before(a.name_fi()) == norm
                || normalise_name_as_before(a.short_name_fi()) == norm
                || normalise_name_as_before(
                    &a.short_name_fi()
                        .replace("ELY-keskus", "elinkeino-, liikenne- ja ympäristökeskus"),
                ) == norm
        })
    }

    proptest::proptest! {
        /// Names fold as they did (any text; and text made of the pieces
        /// that matter: cases, commas, every kind of white space, a final
        /// sigma), and find the authority they did — the authorities' own
        /// spellings respaced and recased among them.
        #[test]
        fn names_normalise_and_match_as_before(
            any_text in proptest::prelude::any::<String>(),
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "ELY-keskus", "ely-KESKUS", "Hämeen", "elinkeino-", "liikenne-", "ja",
                "ympäristökeskus", "STM", "tem", ",", " ", "  ", "\t", "\u{a0}", "\u{2003}",
                "\n", "ΟΔΟΣ", "Σ", "İ", "Keski-Suomen", "Sosiaali-", "terveysministeriö",
            ]), 0..12),
            authority in proptest::sample::select(ResponsibleAuthority::ALL.to_vec()),
            upper in proptest::prelude::any::<bool>(),
        ) {
            let built: String = pieces.concat();
            let own = if upper {
                authority.name_fi().to_uppercase().replace(' ', " ,  ")
            } else {
                format!("  {}\t", authority.short_name_fi())
            };
            for text in [any_text.as_str(), built.as_str(), own.as_str()] {
                proptest::prop_assert_eq!(normalise_name(text), normalise_name_as_before(text));
                proptest::prop_assert_eq!(
                    ResponsibleAuthority::from_name(text),
                    from_name_as_before(text)
                );
            }
            proptest::prop_assert_eq!(ResponsibleAuthority::from_name(&own), Some(authority));
        }
    }

    #[test]
    fn catalogue_2014_has_the_esf_objectives_of_rules_4_1() {
        let p = programme(ProgrammePeriod::Period2014To2020).unwrap();
        let codes: Vec<_> = p
            .priorities
            .iter()
            .flat_map(|pr| pr.specific_objectives.iter().map(|s| s.code))
            .collect();
        assert_eq!(
            codes,
            ["6.1", "7.1", "8.1", "9.1", "9.2", "10.1", "12.3", "12.4"]
        );
        for pr in p.priorities {
            for so in pr.specific_objectives {
                assert!(pr.fund.is_social_fund(), "{} under an ERDF axis", so.code);
            }
        }
        assert_eq!(p.specific_objective("10.1.").unwrap().code, "10.1");
        assert_eq!(p.priority(5).unwrap().fund, Fund::Esf);
        assert!(p.specific_objective("10.2").is_none());
    }

    #[test]
    fn esf_plus_objectives_keep_their_unverified_letters_flagged() {
        let p = programme(ProgrammePeriod::Period2021To2027).unwrap();
        assert_eq!(p.cci_verification, Verification::Unverified);
        let so = p.specific_objective("4.3").unwrap();
        assert_eq!(so.esf_plus_letter, Some('h'));
        assert_eq!(so.letter_verification, Verification::Partial);
        assert_eq!(
            p.specific_objective("5.1").unwrap().letter_verification,
            Verification::Unverified
        );
        assert_eq!(p.priority_of(so).unwrap().number, 4);
    }

    #[test]
    fn authorities_are_found_under_every_spelling_in_the_data() {
        use ResponsibleAuthority as RA;
        for (name, want) in [
            (
                "Etelä-Savon elinkeino-, liikenne- ja ympäristökeskus",
                RA::EtelaSavoEly,
            ),
            (
                "Pohjois-Pohjanmaan elinkeino- liikenne- ja ympäristökeskus",
                RA::PohjoisPohjanmaaEly,
            ),
            (
                "Keski-Suomen elinkeino-  liikenne- ja ympäristökeskus",
                RA::KeskiSuomiEly,
            ),
            ("keski-suomen ely-keskus", RA::KeskiSuomiEly),
            ("Työ- ja elinkeinoministeriö", RA::Tem),
            ("STM", RA::Stm),
        ] {
            assert_eq!(RA::from_name(name), Some(want), "{name}");
        }
    }

    #[test]
    fn funders_and_grant_types() {
        assert_eq!(Funder::named("STEA").unwrap().kind, FunderKind::Stea);
        assert_eq!(
            Funder::named("kunnallisalan kehittämissäätiö")
                .unwrap()
                .kind,
            FunderKind::Foundation
        );
        assert!(Funder::named("Nobody").is_none());
        assert_eq!(SteaGrantType::TargetedOperating.code(), "Ak");
        let json = serde_json::to_string(&SteaGrantType::General).unwrap();
        assert_eq!(json, "\"Ay\"");
    }

    #[test]
    fn project_codes_know_their_series() {
        let code = |s: &str| s.parse::<ProjectCode>().unwrap();
        assert_eq!(
            code("S11306").period(),
            Some(ProgrammePeriod::Period2007To2013)
        );
        assert_eq!(code("S20250").fund(), Some(Fund::Esf));
        assert_eq!(code("S30355").fund(), Some(Fund::EsfPlus));
        assert_eq!(
            code("S30355").period(),
            Some(ProgrammePeriod::Period2021To2027)
        );
        assert_eq!(code("A70301").fund(), Some(Fund::Erdf));
        assert_eq!(
            code("A70301").period(),
            Some(ProgrammePeriod::Period2014To2020)
        );
        assert_eq!(code("J10001").fund(), None);
        assert_eq!(code("J10001").period(), None);
        assert_eq!(code(" S02026 ").to_string(), "S02026");
        for bad in ["S2202", "S220266", "222026", "S22a26", "", "Ä22026"] {
            assert_eq!(
                bad.parse::<ProjectCode>().unwrap_err().code(),
                "project_code.format",
                "{bad}"
            );
        }
    }
}
