//! Horizontal principles — *horisontaaliset periaatteet*: gender equality
//! (*sukupuolten tasa-arvo*) and sustainable development (*kestävä kehitys*), as
//! the EURA 2014 project description records them (seed `004_*.txt` §8).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Gender equality as an EURA 2014 description records it — *sukupuolten tasa-arvo*:
/// three yes/no statements, each with its text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct GenderEquality {
    /// "Hankkeessa on tehty toimintaympäristön analyysi sukupuolinäkökulmasta".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis_done: Option<bool>,
    /// The text beside the analysis statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis_text: Option<String>,
    /// "Sukupuolinäkökulma on huomioitu hankkeen toiminnassa (valtavirtaistaminen)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mainstreamed: Option<bool>,
    /// The text beside the mainstreaming statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mainstreamed_text: Option<String>,
    /// "Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_objective: Option<bool>,
    /// The text beside the main-objective statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_objective_text: Option<String>,
}

/// The three groups of sustainable-development criteria in EURA 2014.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum SustainabilityGroup {
    /// *Ekologinen kestävyys*.
    Ecological,
    /// *Taloudellinen kestävyys*.
    Economic,
    /// *Sosiaalinen ja kulttuurinen kestävyys sekä yhdenvertaisuus*.
    SocialAndCultural,
}

impl SustainabilityGroup {
    /// The Finnish heading as EURA prints it.
    pub fn label_fi(self) -> &'static str {
        match self {
            SustainabilityGroup::Ecological => "Ekologinen kestävyys",
            SustainabilityGroup::Economic => "Taloudellinen kestävyys",
            SustainabilityGroup::SocialAndCultural => {
                "Sosiaalinen ja kulttuurinen kestävyys sekä yhdenvertaisuus"
            }
        }
    }
}

macro_rules! criteria {
    ($( $(#[$doc:meta])* $variant:ident => $key:literal, $label:literal, $group:ident; )*) => {
        /// A sustainable-development criterion of EURA 2014 — *kestävän kehityksen
        /// arviointikriteeri* — in its group, in the order EURA prints them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(test, derive(proptest_derive::Arbitrary))]
        pub enum SustainabilityCriterion {
            $( $(#[$doc])* #[serde(rename = $key)] $variant, )*
        }

        impl SustainabilityCriterion {
            /// All fifteen criteria, in EURA's order.
            pub const ALL: [SustainabilityCriterion; 15] = [$(SustainabilityCriterion::$variant,)*];

            /// The Finnish label as EURA prints it.
            pub fn label_fi(self) -> &'static str {
                match self { $( SustainabilityCriterion::$variant => $label, )* }
            }

            /// The group the criterion belongs to.
            pub fn group(self) -> SustainabilityGroup {
                match self { $( SustainabilityCriterion::$variant => SustainabilityGroup::$group, )* }
            }
        }
    };
}

criteria! {
    /// Luonnonvarojen käytön kestävyys.
    NaturalResources => "natural_resources", "Luonnonvarojen käytön kestävyys", Ecological;
    /// Ilmastonmuutoksen aiheuttamien riskien vähentäminen.
    ClimateRisks => "climate_risks", "Ilmastonmuutoksen aiheuttamien riskien vähentäminen", Ecological;
    /// Kasvillisuus, eliöt ja luonnon monimuotoisuus.
    Biodiversity => "biodiversity", "Kasvillisuus, eliöt ja luonnon monimuotoisuus", Ecological;
    /// Pinta- ja pohjavedet, maaperä sekä ilma (ja kasvihuonekaasujen väheneminen).
    WaterSoilAir => "water_soil_air", "Pinta- ja pohjavedet, maaperä sekä ilma (ja kasvihuonekaasujen väheneminen)", Ecological;
    /// Natura 2000 -ohjelman kohteet.
    Natura2000 => "natura_2000", "Natura 2000 -ohjelman kohteet", Ecological;
    /// Materiaalit ja jätteet.
    MaterialsAndWaste => "materials_and_waste", "Materiaalit ja jätteet", Economic;
    /// Uusiutuvien energialähteiden käyttö.
    RenewableEnergy => "renewable_energy", "Uusiutuvien energialähteiden käyttö", Economic;
    /// Paikallisen elinkeinorakenteen kestävä kehittäminen.
    LocalEconomy => "local_economy", "Paikallisen elinkeinorakenteen kestävä kehittäminen", Economic;
    /// Aineettomien tuotteiden ja palvelujen kehittäminen.
    IntangibleProducts => "intangible_products", "Aineettomien tuotteiden ja palvelujen kehittäminen", Economic;
    /// Liikkuminen ja logistiikka.
    MobilityAndLogistics => "mobility_and_logistics", "Liikkuminen ja logistiikka", Economic;
    /// Hyvinvoinnin edistäminen.
    Wellbeing => "wellbeing", "Hyvinvoinnin edistäminen", SocialAndCultural;
    /// Tasa-arvon edistäminen.
    Equality => "equality", "Tasa-arvon edistäminen", SocialAndCultural;
    /// Yhteiskunnallinen ja kulttuurinen yhdenvertaisuus.
    SocialEquity => "social_equity", "Yhteiskunnallinen ja kulttuurinen yhdenvertaisuus", SocialAndCultural;
    /// Kulttuuriympäristö.
    CulturalEnvironment => "cultural_environment", "Kulttuuriympäristö", SocialAndCultural;
    /// Ympäristöosaaminen.
    EnvironmentalKnowHow => "environmental_know_how", "Ympäristöosaaminen", SocialAndCultural;
}

impl SustainabilityCriterion {
    /// The criterion with this Finnish label (ignoring case and surrounding space).
    ///
    /// ```
    /// use hanke::project::SustainabilityCriterion as C;
    /// assert_eq!(C::from_label_fi("Hyvinvoinnin edistäminen"), Some(C::Wellbeing));
    /// ```
    pub fn from_label_fi(label: &str) -> Option<SustainabilityCriterion> {
        let t = label.trim().to_lowercase();
        SustainabilityCriterion::ALL
            .into_iter()
            .find(|c| c.label_fi().to_lowercase() == t)
    }
}

impl fmt::Display for SustainabilityCriterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_fi())
    }
}

/// A score 0–10 of the EURA 2014 sustainability assessment — *pisteet*.
///
/// ```
/// use hanke::project::Score;
/// assert_eq!(Score::new(7).unwrap().value(), 7);
/// assert!(Score::new(11).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Score(u8);

impl Score {
    /// A score, if `value` is 0–10.
    pub fn new(value: u8) -> Option<Score> {
        (value <= 10).then_some(Score(value))
    }

    /// The value 0–10.
    pub fn value(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Score {
    type Error = String;
    fn try_from(v: u8) -> Result<Self, Self::Error> {
        Score::new(v).ok_or_else(|| format!("score {v} is not in 0–10"))
    }
}

impl From<Score> for u8 {
    fn from(s: Score) -> u8 {
        s.0
    }
}

/// One criterion's assessment: direct and indirect effect (*välitön*, *välillinen*)
/// and the justification (*perustelu*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct SustainabilityAssessment {
    /// The criterion.
    pub criterion: SustainabilityCriterion,
    /// The direct effect, 0–10.
    pub direct: Score,
    /// The indirect effect, 0–10.
    pub indirect: Score,
    /// The justification as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
}

/// The horizontal principles of a project — *horisontaaliset periaatteet*.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct HorizontalPrinciples {
    /// Gender equality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender_equality: Option<GenderEquality>,
    /// The sustainable-development assessment, criterion by criterion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub sustainable_development: Vec<SustainabilityAssessment>,
}

impl HorizontalPrinciples {
    /// The assessment of one criterion, if recorded.
    pub fn assessment(&self, c: SustainabilityCriterion) -> Option<&SustainabilityAssessment> {
        self.sustainable_development
            .iter()
            .find(|a| a.criterion == c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifteen_criteria_in_three_groups_with_unique_labels() {
        let groups: Vec<_> = SustainabilityCriterion::ALL
            .iter()
            .map(|c| c.group())
            .collect();
        assert_eq!(
            groups
                .iter()
                .filter(|g| **g == SustainabilityGroup::Ecological)
                .count(),
            5
        );
        assert_eq!(
            groups
                .iter()
                .filter(|g| **g == SustainabilityGroup::Economic)
                .count(),
            5
        );
        for c in SustainabilityCriterion::ALL {
            assert_eq!(
                SustainabilityCriterion::from_label_fi(c.label_fi()),
                Some(c)
            );
        }
    }

    #[test]
    fn scores_above_ten_are_rejected_from_json() {
        assert!(serde_json::from_str::<Score>("11").is_err());
        assert_eq!(serde_json::from_str::<Score>("10").unwrap().value(), 10);
    }
}
