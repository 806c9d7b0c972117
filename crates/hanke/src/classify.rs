//! Embedded classifications of Statistics Finland, versioned by year:
//! municipalities (*kunta*) → sub-regions (*seutukunta*) → regions (*maakunta*) →
//! ELY centre / elinvoimakeskus, NUTS 3 and wellbeing services county
//! (*hyvinvointialue*); and education levels (*Koulutusaste 2016*) → ISCED 2011.
//!
//! Sources (embedded from `shared/data/classifications/`): Statistics Finland's
//! municipality–region–sub-region classifications 2020, 2024 and 2025 and the 2026
//! municipality key, via the rOpenGov/geofi package; Koulutusaste 2016 from
//! stat.fi/fi/luokitukset/koulutusaste/ (level 1 equals ISCED 2011, RULES.md §5.4).
//!
//! ```
//! use hanke::classify;
//! let c = classify::regional(2024)?;
//! let kuopio = c.municipality_by_name("Kuopio").unwrap();
//! assert_eq!(kuopio.code.to_string(), "297");
//! assert_eq!(c.region(kuopio.region).unwrap().name_fi, "Pohjois-Savo");
//! assert_eq!(c.sub_region(kuopio.sub_region).unwrap().name_fi, "Kuopio");
//! # Ok::<(), hanke::classify::ClassifyError>(())
//! ```

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::programme::normalise_name;

/// Why a classification or a code could not be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ClassifyError {
    /// No regional classification is embedded for that year.
    #[error("no regional classification for {year}; embedded years are 2020, 2024, 2025, 2026")]
    UnknownYear {
        /// The year asked for.
        year: i32,
    },
    /// A code of the wrong form (e.g. a municipality code of four digits).
    #[error("invalid {kind} code {input:?}")]
    InvalidCode {
        /// Which kind of code: `municipality`, `region`, `sub-region`, `education level`.
        kind: &'static str,
        /// The text given.
        input: crate::Echo,
    },
    /// The embedded data could not be read (a defect in hanke, tested against).
    #[error("embedded classification {file} line {line}: {reason}")]
    EmbeddedData {
        /// The embedded file.
        file: &'static str,
        /// The 1-based line.
        line: usize,
        /// What was wrong.
        reason: crate::Echo,
    },
}

error_codes! {
    ClassifyError {
        ClassifyError::UnknownYear { .. } => "classify.unknown_year": "No regional classification is embedded for that year.",
        ClassifyError::InvalidCode { .. } => "classify.invalid_code": "A code of the wrong form (e.g. a municipality code of four digits).",
        ClassifyError::EmbeddedData { .. } => "classify.embedded_data": "The embedded data could not be read (a defect in hanke, tested against).",
    }
}

macro_rules! numeric_code {
    ($(#[$doc:meta])* $name:ident, $width:expr, $max:expr, $kind:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u16);

        impl $name {
            /// The code as a number.
            pub const fn value(self) -> u16 {
                self.0
            }

            /// A code from its number; fails if it has too many digits.
            pub fn new(value: u16) -> Result<Self, ClassifyError> {
                if value > $max {
                    return Err(ClassifyError::InvalidCode { kind: $kind, input: crate::Echo::new(&value.to_string()) });
                }
                Ok($name(value))
            }
        }

        impl FromStr for $name {
            type Err = ClassifyError;

            /// Reads the code with or without leading zeros (`49` or `049`).
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let t = s.trim();
                let err = || ClassifyError::InvalidCode { kind: $kind, input: crate::Echo::new(s) };
                if t.is_empty() || t.len() > $width || !t.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(err());
                }
                t.parse::<u16>().map_err(|_| err()).and_then($name::new)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{:0width$}", self.0, width = $width)
            }
        }

        serde_as_string!($name);
    };
}

numeric_code!(
    /// A municipality code — *kuntakoodi*: three digits, e.g. `049` Espoo.
    ///
    /// ```
    /// let c: hanke::classify::MunicipalityCode = "49".parse()?;
    /// assert_eq!(c.to_string(), "049");
    /// # Ok::<(), hanke::classify::ClassifyError>(())
    /// ```
    MunicipalityCode, 3, 999, "municipality"
);
numeric_code!(
    /// A region code — *maakuntakoodi*: two digits, e.g. `11` Pohjois-Savo.
    RegionCode, 2, 99, "region"
);
numeric_code!(
    /// A sub-region code — *seutukuntakoodi*: three digits whose first two are the
    /// region's, e.g. `112` Kuopio.
    SubRegionCode, 3, 999, "sub-region"
);

/// A municipality — *kunta* — in one year's classification.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Municipality {
    /// The municipality code.
    pub code: MunicipalityCode,
    /// The Finnish name.
    pub name_fi: String,
    /// The Swedish name.
    pub name_sv: String,
    /// The English name (2026 key only).
    pub name_en: Option<String>,
    /// The region (maakunta) it belongs to.
    pub region: RegionCode,
    /// The sub-region (seutukunta) it belongs to.
    pub sub_region: SubRegionCode,
    /// The NUTS 3 code of its region, as in force that year (e.g. `FI1D2`).
    pub nuts3: String,
    /// The ELY centre (until 2025) or elinvoimakeskus (2026) serving it: code and Finnish name.
    pub state_office: Option<(String, String)>,
    /// The wellbeing services county (2026 key only): code and Finnish name.
    pub wellbeing_services_county: Option<(String, String)>,
}

/// A region — *maakunta*.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Region {
    /// The region code.
    pub code: RegionCode,
    /// The Finnish name.
    pub name_fi: String,
    /// The Swedish name.
    pub name_sv: String,
    /// The NUTS 3 code that year.
    pub nuts3: String,
}

/// A sub-region — *seutukunta*.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SubRegion {
    /// The sub-region code.
    pub code: SubRegionCode,
    /// The Finnish name (e.g. `Kuopio`; EURA pages print it in the genitive, `Kuopion`).
    pub name_fi: String,
    /// The Swedish name.
    pub name_sv: String,
    /// The region it belongs to.
    pub region: RegionCode,
}

/// One year's regional classification — *alueluokitus*.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RegionalClassification {
    /// The year the classification is in force (1 January).
    pub year: i32,
    /// Where the data come from.
    pub source: &'static str,
    /// Municipalities, by code.
    pub municipalities: Vec<Municipality>,
    /// Regions, by code.
    pub regions: Vec<Region>,
    /// Sub-regions, by code.
    pub sub_regions: Vec<SubRegion>,
}

fn name_matches(candidates: &[&str], wanted: &str) -> bool {
    let w = normalise_name(wanted);
    candidates.iter().any(|c| normalise_name(c) == w)
}

impl RegionalClassification {
    /// The municipality with this code.
    pub fn municipality(&self, code: MunicipalityCode) -> Option<&Municipality> {
        self.municipalities.iter().find(|m| m.code == code)
    }

    /// The municipality with this Finnish, Swedish or English name (any case).
    pub fn municipality_by_name(&self, name: &str) -> Option<&Municipality> {
        self.municipalities.iter().find(|m| {
            name_matches(&[&m.name_fi, &m.name_sv], name)
                || m.name_en
                    .as_deref()
                    .is_some_and(|en| name_matches(&[en], name))
        })
    }

    /// The region with this code.
    pub fn region(&self, code: RegionCode) -> Option<&Region> {
        self.regions.iter().find(|r| r.code == code)
    }

    /// The region with this Finnish or Swedish name (any case).
    pub fn region_by_name(&self, name: &str) -> Option<&Region> {
        self.regions
            .iter()
            .find(|r| name_matches(&[&r.name_fi, &r.name_sv], name))
    }

    /// The sub-region with this code.
    pub fn sub_region(&self, code: SubRegionCode) -> Option<&SubRegion> {
        self.sub_regions.iter().find(|s| s.code == code)
    }

    /// The sub-region with this Finnish or Swedish name (any case).
    pub fn sub_region_by_name(&self, name: &str) -> Option<&SubRegion> {
        self.sub_regions
            .iter()
            .find(|s| name_matches(&[&s.name_fi, &s.name_sv], name))
    }

    /// The municipalities of a region.
    pub fn municipalities_of_region(
        &self,
        region: RegionCode,
    ) -> impl Iterator<Item = &Municipality> {
        self.municipalities
            .iter()
            .filter(move |m| m.region == region)
    }
}

/// The years for which a regional classification is embedded.
pub const REGIONAL_YEARS: [i32; 4] = [2020, 2024, 2025, 2026];

/// The newest year of [`REGIONAL_YEARS`]: what a lookup without a year uses.
///
/// ```
/// assert_eq!(hanke::classify::newest_regional_year(), 2026);
/// ```
pub fn newest_regional_year() -> i32 {
    REGIONAL_YEARS.iter().copied().max().unwrap_or(2026)
}

const SRC_GEOFI: &str = "Statistics Finland municipality classifications via rOpenGov/geofi";

struct Embedded {
    year: i32,
    file: &'static str,
    text: &'static str,
}

const EMBEDDED: [Embedded; 4] = [
    Embedded {
        year: 2020,
        file: "kunnat_maakunnat_seutukunnat_2020.csv",
        text: include_str!("../data/kunnat_maakunnat_seutukunnat_2020.csv"),
    },
    Embedded {
        year: 2024,
        file: "kunnat_maakunnat_seutukunnat_2024.csv",
        text: include_str!("../data/kunnat_maakunnat_seutukunnat_2024.csv"),
    },
    Embedded {
        year: 2025,
        file: "kunnat_maakunnat_seutukunnat_2025.csv",
        text: include_str!("../data/kunnat_maakunnat_seutukunnat_2025.csv"),
    },
    Embedded {
        year: 2026,
        file: "municipality_key_2026.csv",
        text: include_str!("../data/municipality_key_2026.csv"),
    },
];

/// Splits one line of the embedded CSV files (no embedded newlines), honouring quotes.
fn split_csv_line(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, in_quotes) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => in_quotes = !in_quotes,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

fn load(e: &Embedded) -> Result<RegionalClassification, ClassifyError> {
    let mut lines = e.text.lines();
    let header = split_csv_line(lines.next().unwrap_or(""));
    let col = |name: &str| -> Result<usize, ClassifyError> {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| ClassifyError::EmbeddedData {
                file: e.file,
                line: 1,
                reason: format!("no column {name}").into(),
            })
    };
    let key2026 = e.year == 2026;
    let c = |old: &str, new: &str| col(if key2026 { new } else { old });
    let idx = [
        c("kuntakoodi", "kunta")?,
        c("kunta_fi", "municipality_name_fi")?,
        c("kunta_sv", "municipality_name_sv")?,
        c("maakuntakoodi", "maakunta_code")?,
        c("maakunta_fi", "maakunta_name_fi")?,
        c("maakunta_sv", "maakunta_name_sv")?,
        c("seutukuntakoodi", "seutukunta_code")?,
        c("seutukunta_fi", "seutukunta_name_fi")?,
        c("seutukunta_sv", "seutukunta_name_sv")?,
        c("nuts3", "nuts3_code")?,
        c("ely_koodi", "evk_code")?,
        c("ely_fi", "evk_name_fi")?,
    ];
    let extra = if key2026 {
        Some([
            col("municipality_name_en")?,
            col("hyvinvointialue_code")?,
            col("hyvinvointialue_name_fi")?,
        ])
    } else {
        None
    };
    let mut out = RegionalClassification {
        year: e.year,
        source: SRC_GEOFI,
        municipalities: Vec::new(),
        regions: Vec::new(),
        sub_regions: Vec::new(),
    };
    for (i, line) in lines.enumerate() {
        let line_no = i.saturating_add(2);
        if line.trim().is_empty() {
            continue;
        }
        let f = split_csv_line(line);
        let bad = |reason: String| ClassifyError::EmbeddedData {
            file: e.file,
            line: line_no,
            reason: reason.into(),
        };
        let get = |k: usize| -> Result<String, ClassifyError> {
            f.get(k)
                .map(|s| s.trim().to_string())
                .ok_or_else(|| bad(format!("missing field {k}")))
        };
        let [
            mun,
            name_fi,
            name_sv,
            reg,
            reg_fi,
            reg_sv,
            sub,
            sub_fi,
            sub_sv,
            nuts3,
            office,
            office_fi,
        ] = idx;
        let code: MunicipalityCode = get(mun)?
            .parse()
            .map_err(|err: ClassifyError| bad(err.to_string()))?;
        let region: RegionCode = get(reg)?
            .parse()
            .map_err(|err: ClassifyError| bad(err.to_string()))?;
        let sub_region: SubRegionCode = get(sub)?
            .parse()
            .map_err(|err: ClassifyError| bad(err.to_string()))?;
        let nuts3 = get(nuts3)?;
        let (name_en, hva) = match extra {
            Some([en, hva_code, hva_name]) => {
                (Some(get(en)?), Some((get(hva_code)?, get(hva_name)?)))
            }
            None => (None, None),
        };
        let office_code = get(office)?;
        let state_office =
            (!office_code.is_empty()).then(|| (office_code, get(office_fi).unwrap_or_default()));
        if out.region(region).is_none() {
            out.regions.push(Region {
                code: region,
                name_fi: get(reg_fi)?,
                name_sv: get(reg_sv)?,
                nuts3: nuts3.clone(),
            });
        }
        if out.sub_region(sub_region).is_none() {
            out.sub_regions.push(SubRegion {
                code: sub_region,
                name_fi: get(sub_fi)?,
                name_sv: get(sub_sv)?,
                region,
            });
        }
        out.municipalities.push(Municipality {
            code,
            name_fi: get(name_fi)?,
            name_sv: get(name_sv)?,
            name_en,
            region,
            sub_region,
            nuts3,
            state_office,
            wellbeing_services_county: hva,
        });
    }
    out.municipalities.sort_by_key(|m| m.code);
    out.regions.sort_by_key(|r| r.code);
    out.sub_regions.sort_by_key(|s| s.code);
    Ok(out)
}

type Loaded = Result<RegionalClassification, ClassifyError>;
static LOADED: [OnceLock<Loaded>; 4] = [
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
];

/// The regional classification in force on 1 January of `year` (2020, 2024, 2025 or 2026).
///
/// ```
/// let c = hanke::classify::regional(2025)?;
/// assert_eq!(c.municipalities.len(), 308);
/// assert!(hanke::classify::regional(2019).is_err());
/// # Ok::<(), hanke::classify::ClassifyError>(())
/// ```
pub fn regional(year: i32) -> Result<&'static RegionalClassification, ClassifyError> {
    let i = EMBEDDED
        .iter()
        .position(|e| e.year == year)
        .ok_or(ClassifyError::UnknownYear { year })?;
    let (Some(cell), Some(e)) = (LOADED.get(i), EMBEDDED.get(i)) else {
        return Err(ClassifyError::UnknownYear { year });
    };
    cell.get_or_init(|| load(e)).as_ref().map_err(Clone::clone)
}

/// The embedded classification closest to `year`: the latest one not after it, or
/// the earliest one for years before 2020. The returned value says which year it is,
/// so a caller can tell when (e.g. for a 2015 project) a later division was used.
///
/// ```
/// assert_eq!(hanke::classify::regional_nearest(2015)?.year, 2020);
/// assert_eq!(hanke::classify::regional_nearest(2022)?.year, 2020);
/// assert_eq!(hanke::classify::regional_nearest(2030)?.year, 2026);
/// # Ok::<(), hanke::classify::ClassifyError>(())
/// ```
pub fn regional_nearest(year: i32) -> Result<&'static RegionalClassification, ClassifyError> {
    let chosen = REGIONAL_YEARS
        .iter()
        .rev()
        .find(|&&y| y <= year)
        .or(REGIONAL_YEARS.first())
        .copied()
        .unwrap_or(2020);
    regional(chosen)
}

/// Whether `code` is a municipality in any of the classifications of
/// [`REGIONAL_YEARS`] (Statistics Finland): what `PART-PLAUS-005` asks.
///
/// ```
/// use hanke::classify::{is_known_municipality, MunicipalityCode};
/// assert!(is_known_municipality("091".parse::<MunicipalityCode>()?));
/// assert!(!is_known_municipality("000".parse::<MunicipalityCode>()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn is_known_municipality(code: MunicipalityCode) -> bool {
    // Asked of every record checked: one table of the 1 000 codes, built once,
    // not four classifications searched each time.
    static KNOWN: std::sync::LazyLock<[bool; 1000]> = std::sync::LazyLock::new(|| {
        let mut known = [false; 1000];
        for c in REGIONAL_YEARS.iter().filter_map(|&y| regional(y).ok()) {
            for m in &c.municipalities {
                if let Some(k) = known.get_mut(usize::from(m.code.value())) {
                    *k = true;
                }
            }
        }
        known
    });
    KNOWN
        .get(usize::from(code.value()))
        .copied()
        .unwrap_or(false)
}

/// An education level of Koulutusaste 2016, level 1 — *koulutusaste, taso 1*.
/// Levels 0–8 are identical to ISCED 2011 (RULES.md §5.4, stat.fi); 9 is unknown.
///
/// ```
/// use hanke::classify::EducationLevel;
/// let l: EducationLevel = "6".parse()?;
/// assert_eq!(l.isced_2011(), Some(6));
/// assert_eq!(l.name_fi(), "Alempi korkeakouluaste");
/// assert_eq!(EducationLevel::Unknown.isced_2011(), None);
/// # Ok::<(), hanke::classify::ClassifyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EducationLevel {
    /// 0 Varhaiskasvatus ja esiopetusaste (ISCED 0).
    EarlyChildhood,
    /// 1 Alempi perusaste (ISCED 1).
    Primary,
    /// 2 Ylempi perusaste (ISCED 2).
    LowerSecondary,
    /// 3 Toinen aste (ISCED 3).
    UpperSecondary,
    /// 4 Erikoisammattikoulutusaste (ISCED 4).
    PostSecondary,
    /// 5 Alin korkea-aste (ISCED 5).
    ShortCycleTertiary,
    /// 6 Alempi korkeakouluaste (ISCED 6).
    Bachelor,
    /// 7 Ylempi korkeakouluaste (ISCED 7).
    Master,
    /// 8 Tutkijakoulutusaste (ISCED 8).
    Doctoral,
    /// 9 Koulutusaste tuntematon (no ISCED level).
    Unknown,
}

impl EducationLevel {
    /// All levels, 0 to 9.
    pub const ALL: [EducationLevel; 10] = [
        EducationLevel::EarlyChildhood,
        EducationLevel::Primary,
        EducationLevel::LowerSecondary,
        EducationLevel::UpperSecondary,
        EducationLevel::PostSecondary,
        EducationLevel::ShortCycleTertiary,
        EducationLevel::Bachelor,
        EducationLevel::Master,
        EducationLevel::Doctoral,
        EducationLevel::Unknown,
    ];

    /// The level's digit, 0–9.
    pub fn code(self) -> u8 {
        match self {
            EducationLevel::EarlyChildhood => 0,
            EducationLevel::Primary => 1,
            EducationLevel::LowerSecondary => 2,
            EducationLevel::UpperSecondary => 3,
            EducationLevel::PostSecondary => 4,
            EducationLevel::ShortCycleTertiary => 5,
            EducationLevel::Bachelor => 6,
            EducationLevel::Master => 7,
            EducationLevel::Doctoral => 8,
            EducationLevel::Unknown => 9,
        }
    }

    /// The ISCED 2011 level, or `None` for *Koulutusaste tuntematon*.
    pub fn isced_2011(self) -> Option<u8> {
        match self {
            EducationLevel::Unknown => None,
            other => Some(other.code()),
        }
    }

    /// The Finnish name of Statistics Finland.
    pub fn name_fi(self) -> &'static str {
        match self {
            EducationLevel::EarlyChildhood => "Varhaiskasvatus ja esiopetusaste",
            EducationLevel::Primary => "Alempi perusaste",
            EducationLevel::LowerSecondary => "Ylempi perusaste",
            EducationLevel::UpperSecondary => "Toinen aste",
            EducationLevel::PostSecondary => "Erikoisammattikoulutusaste",
            EducationLevel::ShortCycleTertiary => "Alin korkea-aste",
            EducationLevel::Bachelor => "Alempi korkeakouluaste",
            EducationLevel::Master => "Ylempi korkeakouluaste",
            EducationLevel::Doctoral => "Tutkijakoulutusaste",
            EducationLevel::Unknown => "Koulutusaste tuntematon",
        }
    }

    /// The level for a digit 0–9.
    pub fn from_code(code: u8) -> Option<EducationLevel> {
        EducationLevel::ALL.into_iter().find(|l| l.code() == code)
    }
}

impl FromStr for EducationLevel {
    type Err = ClassifyError;

    /// Reads a level-1 digit (`3`) or a level-2 code (`31`, whose first digit is the level).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let err = || ClassifyError::InvalidCode {
            kind: "education level",
            input: crate::Echo::new(s),
        };
        match t.len() {
            1 | 2 => {}
            _ => return Err(err()),
        }
        if t.len() == 2 && education_sub_level(t).is_none() {
            return Err(err());
        }
        t.bytes()
            .next()
            .filter(u8::is_ascii_digit)
            .and_then(|b| EducationLevel::from_code(b.wrapping_sub(b'0')))
            .ok_or_else(err)
    }
}

impl fmt::Display for EducationLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code())
    }
}

impl Serialize for EducationLevel {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.code())
    }
}

impl<'de> Deserialize<'de> for EducationLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = u8::deserialize(deserializer)?;
        EducationLevel::from_code(n)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid education level {n}")))
    }
}

/// A level-2 code of Koulutusaste 2016 (e.g. `32` Ammatillinen peruskoulutus) with
/// its level-1 parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct EducationSubLevel {
    /// The two-digit code.
    pub code: &'static str,
    /// The Finnish name.
    pub name_fi: &'static str,
    /// The level-1 parent.
    pub level: EducationLevel,
}

macro_rules! sub {
    ($code:expr, $name:expr, $level:ident) => {
        EducationSubLevel {
            code: $code,
            name_fi: $name,
            level: EducationLevel::$level,
        }
    };
}

/// Level-2 codes 3x–9x from Statistics Finland's FOLK metadata
/// (`shared/data/classifications/koulutusaste2016_taso1_taso2_isced2011.csv`).
static SUB_LEVELS: [EducationSubLevel; 17] = [
    sub!("31", "Lukiokoulutus", UpperSecondary),
    sub!("32", "Ammatillinen peruskoulutus", UpperSecondary),
    sub!("33", "Ammattitutkinto", UpperSecondary),
    sub!("41", "Erikoisammattitutkinto", PostSecondary),
    sub!("51", "Opistoaste", ShortCycleTertiary),
    sub!("52", "Alimman korkea-asteen koulutus", ShortCycleTertiary),
    sub!("61", "Ammatillinen korkea-aste", Bachelor),
    sub!("62", "Ammattikorkeakoulututkinto", Bachelor),
    sub!("63", "Alempi korkeakoulututkinto", Bachelor),
    sub!(
        "69",
        "Muu tai tuntematon alemman korkeakouluasteen koulutus",
        Bachelor
    ),
    sub!("71", "Ylempi ammattikorkeakoulututkinto", Master),
    sub!("72", "Ylempi korkeakoulututkinto", Master),
    sub!("73", "Lääkärien erikoistumiskoulutus", Master),
    sub!(
        "79",
        "Muu tai tuntematon ylemmän korkeakouluasteen koulutus",
        Master
    ),
    sub!("81", "Lisensiaatintutkinto", Doctoral),
    sub!("82", "Tohtorintutkinto", Doctoral),
    sub!("91", "Koulutusaste tuntematon", Unknown),
];

/// The level-2 codes hanke knows (those of levels 3–9; levels 0–2 have none in the source).
pub fn education_sub_levels() -> &'static [EducationSubLevel] {
    &SUB_LEVELS
}

/// The level-2 entry for a two-digit code.
///
/// ```
/// let s = hanke::classify::education_sub_level("62").unwrap();
/// assert_eq!(s.level.isced_2011(), Some(6));
/// ```
pub fn education_sub_level(code: &str) -> Option<&'static EducationSubLevel> {
    SUB_LEVELS.iter().find(|s| s.code == code.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_year_loads_completely() {
        let counts = [(2020, 310), (2024, 309), (2025, 308), (2026, 308)];
        for (year, n) in counts {
            let c = regional(year).unwrap();
            assert_eq!(c.municipalities.len(), n, "{year}");
            // RULES.md §5.3: regions 01–21 without 03 and 20, so 19 regions.
            assert_eq!(c.regions.len(), 19, "{year}");
            for m in &c.municipalities {
                assert!(c.region(m.region).is_some());
                let sub = c.sub_region(m.sub_region).unwrap();
                assert_eq!(sub.region, m.region, "{year} {}", m.name_fi);
                // Sub-region codes start with the region code (RULES.md §5.3).
                assert_eq!(
                    sub.code.value() / 10,
                    m.region.value(),
                    "{year} {}",
                    m.name_fi
                );
            }
        }
    }

    #[test]
    fn codes_are_normalised_and_known_ones_found() {
        let c = regional(2026).unwrap();
        let espoo = c.municipality("49".parse().unwrap()).unwrap();
        assert_eq!(espoo.name_fi, "Espoo");
        assert_eq!(espoo.name_sv, "Esbo");
        assert_eq!(espoo.code.to_string(), "049");
        assert!(espoo.wellbeing_services_county.is_some());
        assert_eq!(
            c.municipality_by_name("helsingfors")
                .unwrap()
                .code
                .to_string(),
            "091"
        );
        assert_eq!(
            c.region_by_name("Pohjois-Savo").unwrap().code.to_string(),
            "11"
        );
        assert_eq!(
            c.sub_region_by_name("Varkaus").unwrap().code.to_string(),
            "114"
        );
        let evk = c
            .municipality_by_name("Kuopio")
            .unwrap()
            .state_office
            .clone()
            .unwrap();
        assert!(evk.1.contains("elinvoimakeskus"), "{evk:?}");
        let ely = regional(2024)
            .unwrap()
            .municipality_by_name("Kuopio")
            .unwrap()
            .state_office
            .clone()
            .unwrap();
        assert_eq!(ely.1, "Pohjois-Savon ELY-keskus");
        assert!("1000".parse::<MunicipalityCode>().is_err());
        assert!("".parse::<RegionCode>().is_err());
    }

    #[test]
    fn nuts3_codes_change_between_versions_as_rules_5_3_says() {
        // Etelä-Pohjanmaa FI194 → FI199 (NUTS 2024; Alajärvi is in Etelä-Pohjanmaa).
        let old = regional(2020)
            .unwrap()
            .municipality_by_name("Alajärvi")
            .unwrap();
        let new = regional(2024)
            .unwrap()
            .municipality_by_name("Alajärvi")
            .unwrap();
        assert_eq!(old.nuts3, "FI194");
        assert_eq!(new.nuts3, "FI199");
    }

    #[test]
    fn education_levels_map_to_isced() {
        for l in EducationLevel::ALL {
            assert_eq!(EducationLevel::from_code(l.code()), Some(l));
        }
        assert_eq!(
            "32".parse::<EducationLevel>().unwrap(),
            EducationLevel::UpperSecondary
        );
        assert!("39".parse::<EducationLevel>().is_err());
        assert!("10".parse::<EducationLevel>().is_err());
        for s in education_sub_levels() {
            assert_eq!(s.code.as_bytes()[0] - b'0', s.level.code());
        }
    }
}
