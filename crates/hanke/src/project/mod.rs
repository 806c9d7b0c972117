//! The project — *hanke*: identity, placement in a programme, period and status,
//! implementers, area, target groups, objectives, actions, horizontal principles,
//! financing, results and related projects.
//!
//! ```
//! use hanke::project::Project;
//!
//! let json = r#"{
//!   "code": "S22026",
//!   "name": "TOIMET - toiminnallinen etävalmennus",
//!   "placement": {"funder": "esr", "fund": "ESR", "programme": "2014-2020",
//!                 "priority": 5, "specific_objective": "10.1"},
//!   "period": {"start": "2020-05-01", "end": "2020-09-30"}
//! }"#;
//! let project = Project::from_json_str(json)?;
//! assert_eq!(project.code.unwrap().to_string(), "S22026");
//! assert!(project.validate().iter().all(|f| f.severity != hanke::Severity::Error));
//! # Ok::<(), hanke::project::JsonError>(())
//! ```

mod horizontal;
mod indicator;
mod period;

use std::io::{Read, Write};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use horizontal::{
    GenderEquality, HorizontalPrinciples, Score, SustainabilityAssessment, SustainabilityCriterion,
    SustainabilityGroup,
};
pub use indicator::{Milestone, ProjectIndicator, ProjectIndicatorSource};
pub use period::{ApproxDate, PeriodError, ProjectPeriod, ProjectStatus, ReportedStatus};

use crate::classify::{self, MunicipalityCode, RegionCode, SubRegionCode};
use crate::cost::{BudgetComputation, CostModel, DirectCosts};
use crate::finding::{Finding, rules};
use crate::funding::{FundingPlan, FundingSource, Stage};
use crate::money::{Money, MoneyRange};
use crate::org::Organisation;
use crate::programme::ProjectCode;
use crate::programme::{self, Fund, Funder, ProgrammePeriod, ResponsibleAuthority, SteaGrantType};

/// Where a project sits in the funding landscape — *rahoitus ja sijoittuminen
/// ohjelmaan*: funder, fund, programme, priority, specific objective, action
/// package, responsible authority, and for STEA the grant type.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Placement {
    /// The funder's key in [`Funder::all`] (`esr`, `esr_plus`, `stea`, `stm`,
    /// `ami_saatio`, …), or another name as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funder: Option<String>,
    /// The EU fund, for EU-funded projects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund: Option<Fund>,
    /// The programme period, for EU-funded projects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<ProgrammePeriod>,
    /// The priority (*toimintalinja*) number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
    /// The specific objective (*erityistavoite*) code, e.g. `10.1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specific_objective: Option<String>,
    /// The action package or national theme (*toimenpidekokonaisuus*, *valtakunnallinen teema*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_package: Option<String>,
    /// The responsible authority (*vastuuviranomainen*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible_authority: Option<ResponsibleAuthority>,
    /// The category of region for co-financing (CPR Art 112), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_category: Option<crate::programme::RegionCategory>,
    /// STEA's grant type, for STEA-funded projects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stea_grant_type: Option<SteaGrantType>,
}

/// The role of an implementer — *toteuttajan rooli*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum ImplementerRole {
    /// *Päätoteuttaja* (hakija, hallinnoija): the applicant and main implementer.
    Main,
    /// *Osatoteuttaja*: a co-implementer of a group project, with a budget of its own.
    CoImplementer,
    /// *Yhteistyökumppani*, *hankekumppani*: a partner without a budget of its own in the project.
    Partner,
}

impl ImplementerRole {
    /// The label in Finnish, Swedish and English.
    pub fn text(self) -> crate::lang::Text {
        use crate::lang::Text;
        match self {
            ImplementerRole::Main => {
                Text::new("päätoteuttaja", "huvudgenomförare", "main implementer")
            }
            ImplementerRole::CoImplementer => {
                Text::new("osatoteuttaja", "delgenomförare", "co-implementer")
            }
            ImplementerRole::Partner => {
                Text::new("yhteistyökumppani", "samarbetspartner", "partner")
            }
        }
    }

    /// The Finnish label.
    pub fn label_fi(self) -> &'static str {
        match self {
            ImplementerRole::Main => "päätoteuttaja",
            ImplementerRole::CoImplementer => "osatoteuttaja",
            ImplementerRole::Partner => "yhteistyökumppani",
        }
    }
}

/// An organisation in a project with its role and, for a group project, its own
/// budget — *toteuttaja*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Implementer {
    /// The organisation.
    pub organisation: Organisation,
    /// Its role.
    pub role: ImplementerRole,
    /// Its share of the project's financing plan, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<FundingPlan>,
    /// What the organisation does in the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// How a project is applied for — *hakijoiden lukumäärä tai tuen siirto -menettely*:
/// one applicant, several (a joint project, *yhteishanke*), or another arrangement
/// such as a transfer of support, kept as written.
///
/// The labels are those of the EURA 2014 public description (eura2014.fi/rrtiepa,
/// e.g. projects S20044, S21994).
///
/// ```
/// use hanke::project::ApplicantArrangement;
/// let a = ApplicantArrangement::from_label_fi("Vain yksi hakija");
/// assert_eq!(a, ApplicantArrangement::SingleApplicant);
/// assert_eq!(ApplicantArrangement::JointProject.label_fi(), "Hakijoita on useampi kuin yksi (yhteishanke)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApplicantArrangement {
    /// *Vain yksi hakija* — a single applicant.
    SingleApplicant,
    /// *Hakijoita on useampi kuin yksi (yhteishanke)* — a joint project.
    JointProject,
    /// Any other label (e.g. a transfer of support), kept as written.
    Other(String),
}

const ARRANGEMENT_LABELS: [(&str, ApplicantArrangement); 2] = [
    ("Vain yksi hakija", ApplicantArrangement::SingleApplicant),
    (
        "Hakijoita on useampi kuin yksi (yhteishanke)",
        ApplicantArrangement::JointProject,
    ),
];

impl ApplicantArrangement {
    /// The Finnish label as EURA prints it, or the text of `Other`.
    pub fn label_fi(&self) -> &str {
        if let ApplicantArrangement::Other(s) = self {
            return s;
        }
        ARRANGEMENT_LABELS
            .iter()
            .find(|(_, a)| a == self)
            .map(|(l, _)| *l)
            .unwrap_or("")
    }

    /// The arrangement for a label (any case, any spacing); unknown labels become `Other`.
    pub fn from_label_fi(label: &str) -> ApplicantArrangement {
        let wanted = programme::normalise_name(label);
        ARRANGEMENT_LABELS
            .iter()
            .find(|(l, _)| programme::normalise_name(l) == wanted)
            .map(|(_, a)| a.clone())
            .unwrap_or_else(|| ApplicantArrangement::Other(label.trim().to_string()))
    }
}

impl Serialize for ApplicantArrangement {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.label_fi())
    }
}

impl<'de> Deserialize<'de> for ApplicantArrangement {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Ok(ApplicantArrangement::from_label_fi(&s))
    }
}

/// The geographical area of a project — *maantieteellinen kohdealue*.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Whether the project covers the whole country (*valtakunnallinen*).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nationwide: bool,
    /// Regions (*maakunnat*).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub regions: Vec<RegionCode>,
    /// Sub-regions (*seutukunnat*).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub sub_regions: Vec<SubRegionCode>,
    /// Municipalities (*kunnat*).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub municipalities: Vec<MunicipalityCode>,
    /// A free description where codes do not say it (e.g. "pääkaupunkiseutu").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The address of the site, when the project is carried out in one place
    /// (*toteutuspaikan osoite, jos hanke toteutetaan yhdessä paikassa*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<crate::org::Address>,
}

impl Area {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        !self.nationwide
            && self.regions.is_empty()
            && self.sub_regions.is_empty()
            && self.municipalities.is_empty()
            && self.description.is_none()
            && self.site.is_none()
    }
}

/// Whether a target group is the primary or an indirect one — *varsinainen / välillinen*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum TargetGroupKind {
    /// *Varsinainen kohderyhmä*.
    Primary,
    /// *Välillinen kohderyhmä*.
    Indirect,
}

/// A target group — *kohderyhmä*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct TargetGroup {
    /// Primary or indirect.
    pub kind: TargetGroupKind,
    /// The description as written.
    pub description: String,
    /// The same group in a checkable form, where the plan's wording allows
    /// one (`"criteria": {"age_from": 16, "age_to": 29, "labour_status":
    /// ["unemployed", "inactive"]}`); [`crate::quality`] checks participants
    /// against it (`DQ-TGT-001`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<TargetCriteria>,
}

/// A target group in checkable form — *kohderyhmän tarkistettavat ehdot*.
/// Every given condition must hold at entry; an absent one holds for all.
///
/// ```
/// use hanke::project::TargetCriteria;
/// let c: TargetCriteria = serde_json::from_str(r#"{"age_to": 29, "labour_status": ["unemployed"]}"#).unwrap();
/// assert_eq!((c.age_from, c.age_to), (None, Some(29)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct TargetCriteria {
    /// The youngest age at entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_from: Option<u8>,
    /// The oldest age at entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_to: Option<u8>,
    /// Labour-market statuses at entry, any of which qualifies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub labour_status: Vec<StatusCriterion>,
}

/// A labour-market status at entry as a target group names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum StatusCriterion {
    /// Employed or self-employed — *työllinen*.
    Employed,
    /// Unemployed, long-term or not — *työtön*.
    Unemployed,
    /// Long-term unemployed by the period's definition — *pitkäaikaistyötön*.
    LongTermUnemployed,
    /// Outside the labour force — *työvoiman ulkopuolella*.
    Inactive,
    /// Outside the labour force and not in education or training.
    InactiveNotInEducation,
}

/// An action or work package of a project — *toimenpide*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// The name, e.g. `Toimenpide 2: Työyhteisön monimuotoisuus`.
    pub name: String,
    /// What it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The monitoring estimates of an EURA 2014 application — *hakemusvaiheessa
/// ilmoitettavat arviot hankekohtaisista seurantatiedoista*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct MonitoringEstimates {
    /// Participating companies, planned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub companies_planned: Option<u32>,
    /// Participating companies, realised according to monitoring data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub companies_realised: Option<u32>,
    /// Participating persons, planned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persons_planned: Option<u32>,
    /// Participating persons, realised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persons_realised: Option<u32>,
}

/// A link — *linkki*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// What the link is.
    pub title: String,
    /// The address.
    pub url: String,
}

/// How another project relates to this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The other project continues this one (*jatkohanke*).
    ContinuedBy,
    /// This project continues the other one (*edeltäjä*).
    Continues,
    /// The other project is part of the same programme or coordination.
    Related,
}

/// A related project — *liittyvä hanke*, e.g. Lähde mukaan! → Ahkerasti yhdessä.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RelatedProject {
    /// How it relates.
    pub relation: Relation,
    /// Its name.
    pub name: String,
    /// Its code, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<ProjectCode>,
}

/// A project — *hanke*: an operation in EU terms, or a STEA, ministry or
/// foundation-funded project.
///
/// Every field but the name is optional, because documents give what they give;
/// [`Project::validate`] says what is inconsistent. The JSON form is documented in
/// `docs/json-format.md`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// The project code (*hankekoodi*, *EURA-tunnus*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<ProjectCode>,
    /// The name (*hankkeen nimi*).
    pub name: String,
    /// A short name or acronym (e.g. `KeKo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// Funder and programme placement.
    #[serde(default)]
    pub placement: Placement,
    /// The planned period (*suunnitelman mukainen toteutusaika*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<ProjectPeriod>,
    /// The status as a document states it (*toiminnan tila*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_status: Option<ReportedStatus>,
    /// The implementers: main, co-implementers, partners.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub implementers: Vec<Implementer>,
    /// Single applicant, joint project or transfer of support, as the application
    /// states it (*hakijoiden lukumäärä tai tuen siirto -menettely*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant_arrangement: Option<ApplicantArrangement>,
    /// The geographical area.
    #[serde(default, skip_serializing_if = "Area::is_empty")]
    pub area: Area,
    /// Target groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub target_groups: Vec<TargetGroup>,
    /// The summary of the plan (*tiivistelmä*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Objectives (*tavoitteet*).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub objectives: Vec<String>,
    /// Actions (*toimenpiteet*).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub actions: Vec<Action>,
    /// Horizontal principles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizontal_principles: Option<HorizontalPrinciples>,
    /// Monitoring estimates of the application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring: Option<MonitoringEstimates>,
    /// The financing plan of the whole project.
    #[serde(default, skip_serializing_if = "FundingPlan::is_empty")]
    pub funding_plan: FundingPlan,
    /// The financial terms of the funding decision (*tukipäätös*): grant and support rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<crate::claim::FundingDecision>,
    /// The cost model of the funding decision (*kustannusmalli*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_model: Option<CostModel>,
    /// The planned direct costs by category (*kustannusarvio*), from which the cost
    /// model computes the eligible budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_budget: Option<DirectCosts>,
    /// Whether the support is State aid (exempt from CPR Art 53(2)'s mandatory
    /// simplified costs).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub state_aid: bool,
    /// The budget band a public page gives instead of figures (*budjetti*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_band: Option<MoneyRange>,
    /// Project-specific indicators (*hankekohtaiset indikaattorit*).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub indicators: Vec<ProjectIndicator>,
    /// Results as reported (*tulokset*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results_summary: Option<String>,
    /// The summary of the final report (*loppuraportin tiivistelmä*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_report_summary: Option<String>,
    /// Keywords (*avainsanat*).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub keywords: Vec<String>,
    /// Links.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub links: Vec<Link>,
    /// Related projects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub related: Vec<RelatedProject>,
    /// Where the data come from (a document or page), for provenance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Notes on the data: what a source left out, what was inferred and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub notes: Vec<String>,
}

/// A project file or text that could not be read as a project.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message} (line {line}, column {column})", path_prefix(.path.as_str()))]
pub struct JsonError {
    code: &'static str,
    /// The path of the offending field, e.g. `implementers[2].budget.total.planned`
    /// (empty when the problem is the JSON syntax itself).
    pub path: crate::Echo,
    /// The 1-based line where the reader was when it found the problem (for a bad
    /// value, serde reports the end of the object holding it; `path` names the field).
    pub line: usize,
    /// The 1-based column.
    pub column: usize,
    /// What was wrong.
    pub message: crate::Echo,
}

fn path_prefix(path: &str) -> String {
    if path.is_empty() || path == "." {
        String::new()
    } else {
        format!("{path}: ")
    }
}

impl JsonError {
    /// The stable code: `json.syntax` (not JSON), `json.data` (JSON, but not a
    /// valid project: wrong field, bad amount, unknown code), `json.eof`
    /// (cut short) or `json.io`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// Every code a `JsonError` can have, with its meaning (one per serde_json
    /// error category; a test reads each category back into this list).
    pub const CODES: &'static [crate::error_code::ErrorCode] = &[
        crate::error_code::ErrorCode {
            code: "json.syntax",
            meaning: "The text is not JSON.",
        },
        crate::error_code::ErrorCode {
            code: "json.data",
            meaning: "JSON, but not a valid project: an unknown or missing field, a bad amount, an unknown code.",
        },
        crate::error_code::ErrorCode {
            code: "json.eof",
            meaning: "The JSON text is cut short.",
        },
        crate::error_code::ErrorCode {
            code: "json.io",
            meaning: "The JSON could not be read from its source.",
        },
    ];

    fn from_tracked(e: serde_path_to_error::Error<serde_json::Error>) -> JsonError {
        // A field name may be anything the file holds: masked like the message.
        let path = e.path().to_string();
        let mut err = JsonError::from_serde(e.into_inner());
        err.path = if path == "." {
            crate::Echo::default()
        } else {
            crate::Echo::new(&path)
        };
        err
    }

    fn from_serde(e: serde_json::Error) -> JsonError {
        use serde_json::error::Category;
        let code = match e.classify() {
            Category::Io => "json.io",
            Category::Syntax => "json.syntax",
            Category::Data => "json.data",
            Category::Eof => "json.eof",
        };
        // serde_json appends " at line L column C"; keep the message without it.
        // serde's messages quote the offending value: never an identity code.
        let full = e.to_string();
        let message = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(m, _)| m);
        JsonError {
            code,
            path: crate::Echo::default(),
            line: e.line(),
            column: e.column(),
            message: crate::Echo::message(message),
        }
    }
}

impl Project {
    /// A project with only a name.
    pub fn new(name: impl Into<String>) -> Project {
        Project {
            name: name.into(),
            ..Project::default()
        }
    }

    /// Reads a project from JSON text.
    ///
    /// ```
    /// let err = hanke::project::Project::from_json_str("{\"name\": 1}").unwrap_err();
    /// assert_eq!(err.code(), "json.data");
    /// assert_eq!(err.line, 1);
    /// ```
    pub fn from_json_str(json: &str) -> Result<Project, JsonError> {
        let json = crate::json::without_bom(json);
        crate::json::check_duplicate_keys(json).map_err(JsonError::from_tracked)?;
        let de = &mut serde_json::Deserializer::from_str(json);
        let project =
            serde_path_to_error::deserialize(&mut *de).map_err(JsonError::from_tracked)?;
        de.end().map_err(JsonError::from_serde)?;
        Ok(project)
    }

    /// Reads a project from a reader of JSON (read whole, then as
    /// [`Project::from_json_str`]).
    pub fn from_json_reader<R: Read>(mut reader: R) -> Result<Project, JsonError> {
        let mut text = String::new();
        reader
            .read_to_string(&mut text)
            .map_err(|e| JsonError::from_serde(serde_json::Error::io(e)))?;
        Project::from_json_str(&text)
    }

    /// The project as pretty-printed JSON.
    pub fn to_json_string(&self) -> Result<String, JsonError> {
        serde_json::to_string_pretty(self).map_err(JsonError::from_serde)
    }

    /// Writes the project as pretty-printed JSON.
    pub fn to_json_writer<W: Write>(&self, writer: W) -> Result<(), JsonError> {
        serde_json::to_writer_pretty(writer, self).map_err(JsonError::from_serde)
    }

    /// The main implementer (*päätoteuttaja*), if exactly one is recorded.
    pub fn main_implementer(&self) -> Option<&Implementer> {
        let mut mains = self
            .implementers
            .iter()
            .filter(|i| i.role == ImplementerRole::Main);
        match (mains.next(), mains.next()) {
            (Some(m), None) => Some(m),
            _ => None,
        }
    }

    /// The implementers with a role.
    pub fn implementers_with_role(
        &self,
        role: ImplementerRole,
    ) -> impl Iterator<Item = &Implementer> {
        self.implementers.iter().filter(move |i| i.role == role)
    }

    /// Whether the project is a group project (*ryhmähanke*): it has co-implementers.
    pub fn is_group_project(&self) -> bool {
        self.implementers
            .iter()
            .any(|i| i.role == ImplementerRole::CoImplementer)
    }

    /// The funder from the catalogue, if the placement names a known one.
    pub fn funder(&self) -> Option<&'static Funder> {
        self.placement.funder.as_deref().and_then(Funder::named)
    }

    /// The programme the project is placed in, if hanke has it.
    pub fn programme(&self) -> Option<&'static programme::Programme> {
        self.placement.programme.and_then(programme::programme)
    }

    /// The fund the project is financed from: its code's series (`S2…` ESF,
    /// `A7…` ERDF, `S3…` ESF+) where it tells, else its priority's fund in the
    /// programme catalogue.
    pub fn fund(&self) -> Option<programme::Fund> {
        self.code.and_then(|c| c.fund()).or_else(|| {
            let priority = self.placement.priority?;
            Some(self.programme()?.priority(priority)?.fund)
        })
    }

    /// The status on `day`.
    ///
    /// A status the document states (e.g. "Toiminta päättynyt") decides, unless it
    /// was stated as of a day before `day` — then the dates decide, since the
    /// statement may have gone stale. Without a stated status, the dates decide.
    /// `None` when there is neither. See `docs/adr/0004-project-status.md`.
    pub fn status_on(&self, day: NaiveDate) -> Option<ProjectStatus> {
        let stated = self.reported_status.as_ref();
        let stale = stated
            .and_then(ReportedStatus::as_of)
            .is_some_and(|as_of| as_of < day);
        match (stated, self.period) {
            (Some(s), None) => Some(s.status()),
            (Some(s), Some(_)) if !stale => Some(s.status()),
            (_, Some(p)) => Some(p.status_on(day)),
            (None, None) => None,
        }
    }

    /// The checks of the project's own consistency that need no rulebook:
    /// placement against the programme catalogue and the code series,
    /// implementers, area codes, the financing plan and the roll-up of a group
    /// project's budgets. [`Project::validate`] (in the rulebook layer) runs
    /// these, then the period's rules, then the decision's.
    pub(crate) fn check_consistency(&self, out: &mut Vec<Finding>) {
        self.check_code(out);
        self.check_placement(out);
        self.check_implementers(out);
        self.check_area(out);
        out.extend(self.funding_plan.check("funding_plan"));
        for (i, imp) in self.implementers.iter().enumerate() {
            if let Some(b) = &imp.budget {
                out.extend(b.check(&format!("implementers[{i}].budget")));
            }
        }
        self.check_group_roll_up(out);
        self.check_budget_band(out);
    }

    /// The funding decision's checks of the plan.
    pub(crate) fn check_decision(&self, out: &mut Vec<Finding>) {
        if let Some(d) = &self.decision {
            out.extend(d.check_plan(&self.funding_plan, "funding_plan"));
        }
    }

    /// The eligible budget computed by the project's cost model from its cost
    /// budget, when both are given.
    pub fn budget_computation(&self) -> Option<Result<BudgetComputation, crate::MoneyError>> {
        match (&self.cost_model, &self.cost_budget) {
            (Some(model), Some(costs)) => Some(model.compute(costs)),
            _ => None,
        }
    }

    fn check_code(&self, out: &mut Vec<Finding>) {
        let Some(code) = self.code else { return };
        if let (Some(series), Some(placed)) = (code.period(), self.placement.programme) {
            if series != placed {
                out.push(Finding::new(
                    &rules::CODE_SERIES_MISMATCH,
                    "code",
                    format!("code {code} belongs to the {series} period, the project is placed in {placed}"),
                    format!("koodi {code} kuuluu kauteen {series}, hanke on sijoitettu kauteen {placed}"), format!("koden {code} hör till perioden {series}, projektet är placerat under {placed}")));
            }
        }
        if let (Some(series), Some(fund)) = (code.fund(), self.placement.fund) {
            if series != fund {
                out.push(Finding::new(
                    &rules::CODE_SERIES_MISMATCH,
                    "code",
                    format!("code {code} belongs to {series}, the project is funded by {fund}"),
                    format!("koodi {code} kuuluu rahastoon {series}, hankkeen rahasto on {fund}"),
                    format!("koden {code} hör till {series}, projektet finansieras av {fund}"),
                ));
            }
        }
    }

    fn check_placement(&self, out: &mut Vec<Finding>) {
        let pl = &self.placement;
        if let Some(f) = pl.funder.as_deref().filter(|f| Funder::named(f).is_none()) {
            out.push(Finding::new(
                &rules::UNKNOWN_FUNDER,
                "placement.funder",
                format!("funder {f:?} is not in the catalogue"),
                format!("rahoittaja {f:?} ei ole luettelossa"),
                format!("finansiären {f:?} finns inte i katalogen"),
            ));
        }
        let Some(prog) = self.programme() else { return };
        let priority = pl.priority.map(|n| (n, prog.priority(n)));
        if let Some((n, found)) = priority {
            let fund_ok = match (found, pl.fund) {
                (None, _) => false,
                (Some(p), Some(f)) => p.fund == f,
                (Some(_), None) => true,
            };
            if !fund_ok {
                out.push(Finding::new(
                    &rules::PRIORITY_FUND_MISMATCH,
                    "placement.priority",
                    format!(
                        "priority {n} is not a priority of {} for this fund",
                        prog.period
                    ),
                    format!(
                        "toimintalinja {n} ei ole kauden {} tämän rahaston toimintalinja",
                        prog.period
                    ),
                    format!(
                        "prioriterat område {n} är inte ett område för denna fond under {}",
                        prog.period
                    ),
                ));
            }
        }
        let Some(code) = pl.specific_objective.as_deref() else {
            return;
        };
        match prog.specific_objective(code) {
            None => out.push(Finding::new(
                &rules::UNKNOWN_SPECIFIC_OBJECTIVE,
                "placement.specific_objective",
                format!(
                    "specific objective {code} is not in the {} catalogue",
                    prog.period
                ),
                format!(
                    "erityistavoite {code} puuttuu kauden {} luettelosta",
                    prog.period
                ),
                format!(
                    "det specifika målet {code} finns inte i katalogen för {}",
                    prog.period
                ),
            )),
            Some(so) => {
                let owner = prog.priority_of(so).map(|p| p.number);
                if let (Some(owner), Some((stated, _))) = (owner, priority) {
                    if owner != stated {
                        out.push(Finding::new(
                            &rules::OBJECTIVE_IN_OTHER_PRIORITY,
                            "placement.specific_objective",
                            format!("specific objective {code} belongs to priority {owner}, not {stated}"),
                            format!("erityistavoite {code} kuuluu toimintalinjaan {owner}, ei {stated}"), format!("det specifika målet {code} hör till prioriterat område {owner}, inte {stated}")));
                    }
                }
            }
        }
    }

    fn check_implementers(&self, out: &mut Vec<Finding>) {
        let mains = self.implementers_with_role(ImplementerRole::Main).count();
        if mains > 1 {
            out.push(Finding::new(
                &rules::MAIN_IMPLEMENTER_COUNT,
                "implementers",
                format!("{mains} main implementers; a project has one"),
                format!("{mains} päätoteuttajaa; hankkeella on yksi"),
                format!("{mains} huvudgenomförare; ett projekt har en"),
            ));
        } else if mains == 0 {
            out.push(Finding::new(
                &rules::NO_MAIN_IMPLEMENTER,
                "implementers",
                "no main implementer recorded",
                "päätoteuttajaa ei ole kirjattu",
                "ingen huvudgenomförare angiven",
            ));
        }
    }

    fn check_area(&self, out: &mut Vec<Finding>) {
        let year = self.period.map(|p| p.start().year()).unwrap_or(2026);
        let Ok(c) = classify::regional_nearest(year) else {
            return;
        };
        let mut unknown = |path: String, what: &str, code: String| {
            out.push(Finding::new(
                &rules::UNKNOWN_AREA_CODE,
                path,
                format!("{what} {code} is not in the {} classification", c.year),
                format!("aluekoodi {code} puuttuu vuoden {} luokituksesta", c.year),
                format!(
                    "områdeskoden {code} finns inte i {} års klassificering",
                    c.year
                ),
            ));
        };
        for (i, r) in self.area.regions.iter().enumerate() {
            if c.region(*r).is_none() {
                unknown(format!("area.regions[{i}]"), "region", r.to_string());
            }
        }
        for (i, s) in self.area.sub_regions.iter().enumerate() {
            if c.sub_region(*s).is_none() {
                unknown(
                    format!("area.sub_regions[{i}]"),
                    "sub-region",
                    s.to_string(),
                );
            }
        }
        for (i, m) in self.area.municipalities.iter().enumerate() {
            if c.municipality(*m).is_none() {
                unknown(
                    format!("area.municipalities[{i}]"),
                    "municipality",
                    m.to_string(),
                );
            }
        }
    }

    fn check_group_roll_up(&self, out: &mut Vec<Finding>) {
        let budgets: Vec<&FundingPlan> = self
            .implementers
            .iter()
            .filter(|i| i.role != ImplementerRole::Partner)
            .filter_map(|i| i.budget.as_ref())
            .collect();
        let budgeted_roles = self
            .implementers
            .iter()
            .filter(|i| i.role != ImplementerRole::Partner)
            .count();
        if budgets.is_empty() {
            return;
        }
        // Equality is only required of a complete list: every budget-holding
        // implementer has a budget, and the main implementer is among them (a group
        // project always has one; without it the list is known to be partial).
        let has_main = self.main_implementer().is_some();
        let complete = has_main && budgets.len() == budgeted_roles;
        if !complete {
            out.push(Finding::new(
                &rules::GROUP_BUDGETS_PARTIAL,
                "implementers",
                format!(
                    "{} of {budgeted_roles} recorded implementers have a budget{}",
                    budgets.len(),
                    if has_main {
                        ""
                    } else {
                        "; no main implementer is recorded"
                    }
                ),
                format!(
                    "{} / {budgeted_roles} kirjatulla toteuttajalla on budjetti{}",
                    budgets.len(),
                    if has_main {
                        ""
                    } else {
                        "; päätoteuttajaa ei ole kirjattu"
                    }
                ),
                format!(
                    "{} av {budgeted_roles} angivna genomförare har en budget{}",
                    budgets.len(),
                    if has_main {
                        ""
                    } else {
                        "; ingen huvudgenomförare angiven"
                    }
                ),
            ));
        }
        // Compare per stage: the total, and each source.
        let mut lines: Vec<(String, Option<FundingSource>)> = vec![("total".into(), None)];
        lines.extend(
            FundingSource::ALL
                .into_iter()
                .map(|s| (format!("{s:?}"), Some(s))),
        );
        for stage in Stage::ALL {
            for (label, source) in &lines {
                let amount = |plan: &FundingPlan| match source {
                    None => plan.total(stage),
                    Some(s) => plan.source(*s, stage),
                };
                let Ok(Some(project)) = amount(&self.funding_plan) else {
                    continue;
                };
                let parts: Result<Vec<Option<Money>>, _> =
                    budgets.iter().map(|b| amount(b)).collect();
                let Ok(parts) = parts else { continue };
                let known: Vec<Money> = parts.iter().flatten().copied().collect();
                if known.is_empty() {
                    continue;
                }
                let Ok(sum) = Money::sum(known.iter().copied()) else {
                    continue;
                };
                let path = format!("funding_plan.{}.{}", label.to_lowercase(), stage.key());
                if sum > project {
                    out.push(Finding::new(
                        &rules::GROUP_BUDGETS_EXCEED_PROJECT,
                        path,
                        format!("implementers' {label} ({}) adds up to {sum}, more than the project's {project}", stage.key()),
                        format!("toteuttajien {label} ({}) yhteensä {sum} ylittää hankkeen {project}", stage.label_fi()), format!("genomförarnas {label} ({}) summerar till {sum}, mer än projektets {project}", stage.key())));
                } else if complete && known.len() == parts.len() && sum != project {
                    out.push(Finding::new(
                        &rules::GROUP_BUDGETS_DO_NOT_ROLL_UP,
                        path,
                        format!("implementers' {label} ({}) adds up to {sum}, the project's is {project}", stage.key()),
                        format!("toteuttajien {label} ({}) yhteensä {sum}, hankkeen {project}", stage.label_fi()), format!("genomförarnas {label} ({}) summerar till {sum}, projektets är {project}", stage.key())));
                }
            }
        }
    }

    fn check_budget_band(&self, out: &mut Vec<Finding>) {
        let Some(band) = self.budget_band else { return };
        for stage in [Stage::Planned, Stage::Granted] {
            if let Ok(Some(total)) = self.funding_plan.total(stage) {
                if !band.contains(total) {
                    out.push(Finding::new(
                        &rules::BUDGET_OUTSIDE_BAND,
                        "budget_band",
                        format!("{} total {total} is outside the band {band}", stage.key()),
                        format!(
                            "{} kokonaissumma {total} ei ole välillä {band}",
                            stage.label_fi()
                        ),
                        format!(
                            "totalen {total} ({}) ligger utanför intervallet {band}",
                            stage.key()
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::funding::Amounts;

    fn eur(n: i64) -> Money {
        Money::from_euros(n).unwrap()
    }

    fn rule_ids(p: &Project) -> Vec<&'static str> {
        p.validate().iter().map(|f| f.rule_id).collect()
    }

    fn implementer(name: &str, role: ImplementerRole, budget: Option<FundingPlan>) -> Implementer {
        Implementer {
            organisation: Organisation::new(name),
            role,
            budget,
            description: None,
        }
    }

    #[test]
    fn placement_is_checked_against_the_catalogue_and_code_series() {
        let mut p = Project::new("x");
        p.code = Some("S30001".parse().unwrap());
        p.placement = Placement {
            fund: Some(Fund::Esf),
            programme: Some(ProgrammePeriod::Period2014To2020),
            priority: Some(4),
            specific_objective: Some("10.1".into()),
            ..Placement::default()
        };
        p.implementers
            .push(implementer("Main", ImplementerRole::Main, None));
        let ids = rule_ids(&p);
        assert_eq!(
            ids.iter().filter(|i| **i == "PRJ-CODE-001").count(),
            2,
            "{ids:?}"
        );
        assert!(ids.contains(&"PRJ-PLACE-002"), "{ids:?}");
        p.placement.priority = Some(1);
        assert!(rule_ids(&p).contains(&"PRJ-PLACE-003"));
        p.placement.specific_objective = Some("10.3".into());
        assert!(rule_ids(&p).contains(&"PRJ-PLACE-001"));
    }

    #[test]
    fn group_budgets_roll_up() {
        let plan = |total: i64, eu: i64| {
            FundingPlan::default()
                .with_total(Amounts::default().planned(eur(total)))
                .with_source(FundingSource::Eu, Amounts::default().planned(eur(eu)))
        };
        let mut p = Project::new("group");
        p.funding_plan = plan(100, 80);
        p.implementers = vec![
            implementer("A", ImplementerRole::Main, Some(plan(60, 50))),
            implementer("B", ImplementerRole::CoImplementer, Some(plan(40, 30))),
            implementer("C", ImplementerRole::Partner, None),
        ];
        let ids = rule_ids(&p);
        assert!(!ids.iter().any(|i| i.starts_with("FIN-GRP")), "{ids:?}");
        // One budget off by a euro: the EU parts no longer roll up.
        p.implementers[1].budget = Some(plan(40, 31));
        let found = p.validate();
        let grp: Vec<_> = found
            .iter()
            .filter(|f| f.rule_id.starts_with("FIN-GRP"))
            .collect();
        assert_eq!(grp.len(), 1, "{found:?}");
        assert_eq!(grp[0].rule_id, "FIN-GRP-001");
        assert_eq!(grp[0].path, "funding_plan.eu.planned");
        p.implementers[1].budget = Some(plan(30, 30));
        let ids = rule_ids(&p);
        assert!(ids.contains(&"FIN-GRP-002"), "{ids:?}");
        p.implementers[1].budget = None;
        let ids = rule_ids(&p);
        assert!(ids.contains(&"FIN-GRP-003"), "{ids:?}");
        assert!(!ids.contains(&"FIN-GRP-002"), "{ids:?}");
    }

    #[test]
    fn status_prefers_the_stated_status_unless_stale() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let mut p = Project::new("x");
        assert_eq!(p.status_on(d("2020-01-01")), None);
        p.period = Some(
            ProjectPeriod::new("2015-03-01".parse().unwrap(), "2017-02-28".parse().unwrap())
                .unwrap(),
        );
        assert_eq!(p.status_on(d("2026-01-01")), Some(ProjectStatus::Ended));
        p.reported_status = ReportedStatus::new("Toiminnassa", Some(d("2016-05-01")));
        assert_eq!(p.status_on(d("2016-04-01")), Some(ProjectStatus::Active));
        assert_eq!(p.status_on(d("2026-01-01")), Some(ProjectStatus::Ended));
        p.reported_status = ReportedStatus::new("Toiminta päättynyt", None);
        assert_eq!(p.status_on(d("2016-01-01")), Some(ProjectStatus::Ended));
    }

    #[test]
    fn unknown_area_codes_and_two_mains_are_found() {
        let mut p = Project::new("x");
        p.area.municipalities = vec!["999".parse().unwrap()];
        p.implementers = vec![
            implementer("A", ImplementerRole::Main, None),
            implementer("B", ImplementerRole::Main, None),
        ];
        let ids = rule_ids(&p);
        assert!(ids.contains(&"PRJ-AREA-001"), "{ids:?}");
        assert!(ids.contains(&"PRJ-IMPL-001"), "{ids:?}");
    }

    #[test]
    fn cost_model_is_checked_by_the_projects_rulebook() {
        use crate::money::Rate;
        let mut p = Project::new("x");
        p.implementers
            .push(implementer("Main", ImplementerRole::Main, None));
        p.placement.programme = Some(ProgrammePeriod::Period2021To2027);
        p.cost_model = Some(CostModel::RealCosts);
        p.cost_budget = Some(DirectCosts {
            staff: eur(100_000),
            ..DirectCosts::default()
        });
        assert!(rule_ids(&p).contains(&"COST-SCO-001"));
        p.cost_model = Some(CostModel::OtherCostsOnStaffCosts {
            rate: Rate::percent(40),
        });
        assert!(rule_ids(&p).is_empty(), "{:?}", rule_ids(&p));
        assert_eq!(
            p.budget_computation().unwrap().unwrap().eligible_total,
            eur(140_000)
        );
        p.cost_model = Some(CostModel::OtherCostsOnStaffCosts {
            rate: Rate::percent(41),
        });
        assert_eq!(rule_ids(&p), ["COST-RATE-001"]);
        let back = Project::from_json_str(&p.to_json_string().unwrap()).unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn json_errors_name_the_place() {
        let err =
            Project::from_json_str("{\n  \"name\": \"x\",\n  \"code\": \"S2202\"\n}").unwrap_err();
        assert_eq!(err.code(), "json.data");
        assert_eq!(err.path, "code");
        assert!(err.message.contains("S2202"), "{}", err.message);
        assert!(err.to_string().starts_with("code: "), "{err}");
        let err = Project::from_json_str(
            r#"{"name": "x", "implementers": [{"organisation": {"name": "A"}, "role": "main",
                "budget": {"total": {"planned": "1.505"}}}]}"#,
        )
        .unwrap_err();
        assert_eq!(err.path, "implementers[0].budget.total.planned");
        let err = Project::from_json_str("{\"name\": \"x\", \"nmae\": 1}").unwrap_err();
        assert!(err.message.contains("nmae"));
        assert_eq!(Project::from_json_str("{").unwrap_err().code(), "json.eof");
        assert_eq!(
            Project::from_json_str("{]").unwrap_err().code(),
            "json.syntax"
        );
    }
}
