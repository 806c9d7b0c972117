//! Financing plans — *rahoitussuunnitelma*: sources of funding × planned / granted /
//! realised amounts, their totals, the EU share and utilisation, and checks of
//! internal consistency.
//!
//! Co-financing caps and cost models are funder rules of their own (they apply per
//! priority of a programme, not per project) and are not checked here.
//!
//! ```
//! use hanke::funding::{Amounts, FundingPlan, FundingSource, Stage};
//! use hanke::Money;
//!
//! // TOIMET (S22026): EU and state funding granted 101 500 €, realised 89 660 €.
//! let plan = FundingPlan::default().with_source(
//!     FundingSource::EuAndState,
//!     Amounts::default().granted("101 500".parse()?).realised("89 660".parse()?),
//! );
//! assert_eq!(plan.utilisation()?.unwrap().to_string(), "88,33 %");
//! assert!(plan.check("funding_plan").is_empty());
//! # Ok::<(), hanke::MoneyError>(())
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::finding::{Finding, rules};
use crate::money::{Money, MoneyError, Rate};

/// A source of funding — *rahoituslähde*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum FundingSource {
    /// EU funding (*EU-rahoitus*), where reported apart from the state's.
    Eu,
    /// State funding (*valtion rahoitus*), where reported apart from the EU's.
    State,
    /// EU and state funding together (*EU- ja valtion rahoitus*), as EURA 2014 reports it.
    EuAndState,
    /// Municipal funding (*kuntarahoitus*).
    Municipal,
    /// Other public funding (*muu julkinen rahoitus*).
    OtherPublic,
    /// Private funding (*yksityinen rahoitus*).
    Private,
    /// The implementer's own funding (*omarahoitus*).
    Own,
}

impl FundingSource {
    /// Every source, in the order plans print them.
    pub const ALL: [FundingSource; 7] = [
        FundingSource::Eu,
        FundingSource::State,
        FundingSource::EuAndState,
        FundingSource::Municipal,
        FundingSource::OtherPublic,
        FundingSource::Private,
        FundingSource::Own,
    ];

    /// Whether the source is public funding (*julkinen rahoitus*). Own funding is
    /// reported apart: EURA counts a public body's own funding among public funding,
    /// so whether `Own` is public depends on the implementer and is not assumed.
    pub fn is_public(self) -> Option<bool> {
        match self {
            FundingSource::Eu
            | FundingSource::State
            | FundingSource::EuAndState
            | FundingSource::Municipal
            | FundingSource::OtherPublic => Some(true),
            FundingSource::Private => Some(false),
            FundingSource::Own => None,
        }
    }

    /// The Finnish label.
    pub fn label_fi(self) -> &'static str {
        match self {
            FundingSource::Eu => "EU-rahoitus",
            FundingSource::State => "Valtion rahoitus",
            FundingSource::EuAndState => "EU- ja valtion rahoitus",
            FundingSource::Municipal => "Kuntarahoitus",
            FundingSource::OtherPublic => "Muu julkinen rahoitus",
            FundingSource::Private => "Yksityinen rahoitus",
            FundingSource::Own => "Omarahoitus",
        }
    }

    /// The label in Finnish, Swedish and English.
    pub fn text(self) -> crate::lang::Text {
        use crate::lang::Text;
        match self {
            FundingSource::Eu => Text::new("EU-rahoitus", "EU-finansiering", "EU funding"),
            FundingSource::State => {
                Text::new("Valtion rahoitus", "Statlig finansiering", "State funding")
            }
            FundingSource::EuAndState => Text::new(
                "EU- ja valtion rahoitus",
                "EU- och statlig finansiering",
                "EU and state funding",
            ),
            FundingSource::Municipal => Text::new(
                "Kuntarahoitus",
                "Kommunal finansiering",
                "Municipal funding",
            ),
            FundingSource::OtherPublic => Text::new(
                "Muu julkinen rahoitus",
                "Annan offentlig finansiering",
                "Other public funding",
            ),
            FundingSource::Private => Text::new(
                "Yksityinen rahoitus",
                "Privat finansiering",
                "Private funding",
            ),
            FundingSource::Own => Text::new("Omarahoitus", "Egen finansiering", "Own funding"),
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            FundingSource::Eu => "EU funding",
            FundingSource::State => "State funding",
            FundingSource::EuAndState => "EU and state funding",
            FundingSource::Municipal => "Municipal funding",
            FundingSource::OtherPublic => "Other public funding",
            FundingSource::Private => "Private funding",
            FundingSource::Own => "Own funding",
        }
    }
}

/// The stage's key (`planned`, `granted`, `realised`): what
/// [`FromStr`](std::str::FromStr) reads back.
impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl fmt::Display for FundingSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_en())
    }
}

/// A column of a financing plan — *vaihe*: planned, granted or realised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// *Suunniteltu*: the budget in the plan.
    Planned,
    /// *Myönnetty*: the amount of the funding decision.
    Granted,
    /// *Toteutunut*: what was actually received or spent.
    Realised,
}

impl Stage {
    /// The three stages.
    pub const ALL: [Stage; 3] = [Stage::Planned, Stage::Granted, Stage::Realised];

    /// The field name used in JSON and finding paths.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Planned => "planned",
            Stage::Granted => "granted",
            Stage::Realised => "realised",
        }
    }

    /// The Finnish label.
    pub fn label_fi(self) -> &'static str {
        match self {
            Stage::Planned => "suunniteltu",
            Stage::Granted => "myönnetty",
            Stage::Realised => "toteutunut",
        }
    }
}

/// Planned, granted and realised amounts — each optional, since documents give
/// what they give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Amounts {
    /// *Suunniteltu*.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<Money>,
    /// *Myönnetty*.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granted: Option<Money>,
    /// *Toteutunut*.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realised: Option<Money>,
}

impl Amounts {
    /// The amount of a stage.
    pub fn get(&self, stage: Stage) -> Option<Money> {
        match stage {
            Stage::Planned => self.planned,
            Stage::Granted => self.granted,
            Stage::Realised => self.realised,
        }
    }

    /// Amounts with each stage taken from `f`.
    ///
    /// ```
    /// use hanke::{Money, funding::{Amounts, Stage}};
    /// let a = Amounts::from_stages(|s| (s == Stage::Granted).then_some(Money::from_cents(1)));
    /// assert_eq!((a.planned, a.granted), (None, Some(Money::from_cents(1))));
    /// ```
    pub fn from_stages(mut f: impl FnMut(Stage) -> Option<Money>) -> Amounts {
        Amounts {
            planned: f(Stage::Planned),
            granted: f(Stage::Granted),
            realised: f(Stage::Realised),
        }
    }

    /// The same amounts with `planned` set.
    pub fn planned(mut self, m: Money) -> Amounts {
        self.planned = Some(m);
        self
    }

    /// The same amounts with `granted` set.
    pub fn granted(mut self, m: Money) -> Amounts {
        self.granted = Some(m);
        self
    }

    /// The same amounts with `realised` set.
    pub fn realised(mut self, m: Money) -> Amounts {
        self.realised = Some(m);
        self
    }

    /// Whether no stage has an amount.
    pub fn is_empty(&self) -> bool {
        self.planned.is_none() && self.granted.is_none() && self.realised.is_none()
    }
}

/// One source of a plan with its amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
pub struct SourceLine {
    /// The source.
    pub source: FundingSource,
    /// Its amounts.
    #[serde(flatten)]
    pub amounts: Amounts,
}

/// A financing plan — *rahoitussuunnitelma*: the sources with their planned,
/// granted and realised amounts, and the totals the document declares.
///
/// Declared totals are kept apart from the sources, because public documents often
/// give a total and only part of its breakdown ("913 048 €, of which 684 554 € EU").
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(proptest_derive::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct FundingPlan {
    /// The sources of funding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, proptest(strategy = "crate::arbitrary::few()"))]
    pub sources: Vec<SourceLine>,
    /// The declared total budget or cost (*kokonaisbudjetti*, *kokonaiskustannukset*).
    #[serde(default, skip_serializing_if = "Amounts::is_empty")]
    pub total: Amounts,
    /// The declared total of public funding (*julkinen rahoitus yhteensä*).
    #[serde(default, skip_serializing_if = "Amounts::is_empty")]
    pub public_total: Amounts,
}

impl FundingPlan {
    /// The same plan with a source added.
    pub fn with_source(mut self, source: FundingSource, amounts: Amounts) -> FundingPlan {
        self.sources.push(SourceLine { source, amounts });
        self
    }

    /// The same plan with a declared total.
    pub fn with_total(mut self, total: Amounts) -> FundingPlan {
        self.total = total;
        self
    }

    /// Whether nothing is recorded: no source and no total. A source listed
    /// without amounts counts as recorded, so that it survives a JSON round
    /// trip (the project's JSON leaves out an empty plan; the JSON round-trip
    /// property test found the plan `[eu: no amounts]` read back as no plan).
    ///
    /// ```
    /// use hanke::funding::{Amounts, FundingPlan, FundingSource};
    /// assert!(FundingPlan::default().is_empty());
    /// assert!(!FundingPlan::default().with_source(FundingSource::Eu, Amounts::default()).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty() && self.total.is_empty() && self.public_total.is_empty()
    }

    /// The sum of a stage over the sources matching `filter`, or `None` if none of
    /// them has an amount for that stage.
    pub fn sum_where(
        &self,
        stage: Stage,
        filter: impl Fn(FundingSource) -> bool,
    ) -> Result<Option<Money>, MoneyError> {
        let mut any = false;
        let mut sum = Money::ZERO;
        for line in self.sources.iter().filter(|l| filter(l.source)) {
            if let Some(m) = line.amounts.get(stage) {
                any = true;
                sum = sum.checked_add(m)?;
            }
        }
        Ok(any.then_some(sum))
    }

    /// The amount of one source at a stage (summing repeated lines of it).
    pub fn source(&self, source: FundingSource, stage: Stage) -> Result<Option<Money>, MoneyError> {
        self.sum_where(stage, |s| s == source)
    }

    /// The total of a stage: the declared total where there is one, else the sum of
    /// the sources — but only where they itemise the stage completely: every
    /// source line with an amount at any stage has one at this stage, and the
    /// plan declares no total at another stage (a plan that declares its total
    /// names the sources it has, not necessarily all). A stage only some lines
    /// fill (granted money on the EU and state line alone) has no total: its
    /// sum would be a part taken for the whole.
    ///
    /// ```
    /// use hanke::funding::{Amounts, FundingPlan, FundingSource, Stage};
    /// let plan = FundingPlan::default()
    ///     .with_source(FundingSource::EuAndState, Amounts::default().planned("416 000".parse()?).granted("416 000".parse()?))
    ///     .with_source(FundingSource::Municipal, Amounts::default().planned("104 000".parse()?));
    /// assert_eq!(plan.total(Stage::Planned)?.unwrap().to_string(), "520 000,00 €");
    /// assert_eq!(plan.total(Stage::Granted)?, None);
    /// # Ok::<(), hanke::MoneyError>(())
    /// ```
    pub fn total(&self, stage: Stage) -> Result<Option<Money>, MoneyError> {
        if let Some(t) = self.total.get(stage) {
            return Ok(Some(t));
        }
        let declared_elsewhere = !self.total.is_empty();
        let complete = !declared_elsewhere
            && self.sources.iter().all(|l| {
                l.amounts.get(stage).is_some()
                    || [Stage::Planned, Stage::Granted, Stage::Realised]
                        .iter()
                        .all(|s| l.amounts.get(*s).is_none())
            });
        if complete {
            self.sum_where(stage, |_| true)
        } else {
            Ok(None)
        }
    }

    /// The EU part of the total at a stage — `Eu` ÷ total, exactly. `None` where
    /// the plan does not separate EU money or has no total.
    ///
    /// ```
    /// use hanke::funding::{Amounts, FundingPlan, FundingSource, Stage};
    /// let plan = FundingPlan::default()
    ///     .with_total(Amounts::default().planned("913 048".parse()?))
    ///     .with_source(FundingSource::Eu, Amounts::default().planned("684 554".parse()?));
    /// assert_eq!(plan.eu_share(Stage::Planned)?.unwrap().to_string(), "74,97 %");
    /// # Ok::<(), hanke::MoneyError>(())
    /// ```
    pub fn eu_share(&self, stage: Stage) -> Result<Option<Rate>, MoneyError> {
        let (Some(eu), Some(total)) = (self.source(FundingSource::Eu, stage)?, self.total(stage)?)
        else {
            return Ok(None);
        };
        if total.is_zero() {
            return Ok(None);
        }
        Rate::ratio(eu, total).map(Some)
    }

    /// The financing as EURA's public descriptions and project list give it
    /// (*projektin julkinen rahoitus*): EU and state funding granted and realised,
    /// and public funding planned and realised in total. Absent figures stay absent.
    ///
    /// ```
    /// use hanke::funding::{FundingPlan, Stage};
    /// let plan = FundingPlan::from_eura_public(
    ///     Some("101 500".parse()?), Some("89 660".parse()?), Some("101 500".parse()?), None);
    /// assert_eq!(plan.utilisation()?.unwrap().to_string(), "88,33 %");
    /// assert_eq!(plan.public_total.get(Stage::Realised), None);
    /// # Ok::<(), hanke::MoneyError>(())
    /// ```
    pub fn from_eura_public(
        granted_eu_state: Option<Money>,
        realised_eu_state: Option<Money>,
        planned_public: Option<Money>,
        realised_public: Option<Money>,
    ) -> FundingPlan {
        let eu_state = Amounts {
            planned: None,
            granted: granted_eu_state,
            realised: realised_eu_state,
        };
        let mut plan = FundingPlan::default();
        if !eu_state.is_empty() {
            plan.sources.push(SourceLine {
                source: FundingSource::EuAndState,
                amounts: eu_state,
            });
        }
        plan.public_total = Amounts {
            planned: planned_public,
            granted: None,
            realised: realised_public,
        };
        plan
    }

    /// EU and state funding together at a stage: `Eu` + `State` + `EuAndState`.
    pub fn eu_and_state(&self, stage: Stage) -> Result<Option<Money>, MoneyError> {
        self.sum_where(stage, |s| {
            matches!(
                s,
                FundingSource::Eu | FundingSource::State | FundingSource::EuAndState
            )
        })
    }

    /// Utilisation — *käyttöaste*: realised ÷ granted.
    ///
    /// Measured on the funding decision's money, EU and state funding, where the
    /// plan has both its granted and realised amounts (as EURA reports "myönnetty /
    /// toteutunut EU- ja valtion rahoitus"); otherwise on the totals. `None` when
    /// either figure is missing or the grant is zero.
    pub fn utilisation(&self) -> Result<Option<Rate>, MoneyError> {
        let pair = match (
            self.eu_and_state(Stage::Granted)?,
            self.eu_and_state(Stage::Realised)?,
        ) {
            (Some(g), Some(r)) => Some((g, r)),
            _ => match (self.total(Stage::Granted)?, self.total(Stage::Realised)?) {
                (Some(g), Some(r)) => Some((g, r)),
                _ => None,
            },
        };
        match pair {
            Some((granted, realised)) if !granted.is_zero() => {
                Rate::ratio(realised, granted).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// Checks the plan's internal consistency; `path` prefixes each finding's path.
    ///
    /// Rules: `FIN-NEG-001`, `FIN-SUM-001`, `FIN-SUM-002`, `FIN-PUB-001`,
    /// `FIN-PUB-002`, `FIN-REAL-001` (see [`crate::finding::rules`]). An amount too
    /// large to add up is reported as `FIN-SUM-001`, never a panic.
    pub fn check(&self, path: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        let all_amounts = self
            .sources
            .iter()
            .enumerate()
            .map(|(i, l)| (format!("{path}.sources[{i}]"), l.amounts))
            .chain([
                (format!("{path}.total"), self.total),
                (format!("{path}.public_total"), self.public_total),
            ]);
        for (p, amounts) in all_amounts {
            for stage in Stage::ALL {
                if let Some(m) = amounts.get(stage).filter(|m| m.is_negative()) {
                    out.push(Finding::new(
                        &rules::FUNDING_NEGATIVE_AMOUNT,
                        format!("{p}.{}", stage.key()),
                        format!("negative amount {m}"),
                        format!("negatiivinen summa {m}"),
                        format!("negativt belopp {m}"),
                    ));
                }
            }
            if let (Some(g), Some(r)) = (amounts.granted, amounts.realised) {
                if r > g {
                    out.push(Finding::new(
                        &rules::FUNDING_REALISED_OVER_GRANTED,
                        format!("{p}.realised"),
                        format!("realised {r} exceeds granted {g}"),
                        format!("toteutunut {r} ylittää myönnetyn {g}"),
                        format!("förverkligat {r} överstiger beviljat {g}"),
                    ));
                }
            }
        }
        for stage in Stage::ALL {
            let key = stage.key();
            let overflow = |what: &str| {
                Finding::new(
                    &rules::FUNDING_SOURCES_EXCEED_TOTAL,
                    format!("{path}.sources"),
                    format!("{what} sources of stage {key} do not fit in the money range"),
                    format!(
                        "vaiheen {} lähteiden summa on liian suuri",
                        stage.label_fi()
                    ),
                    format!("källornas summa i skedet {key} är för stor"),
                )
            };
            let sum = match self.sum_where(stage, |_| true) {
                Ok(s) => s,
                Err(_) => {
                    out.push(overflow("the"));
                    continue;
                }
            };
            if let (Some(sum), Some(total)) = (sum, self.total.get(stage)) {
                if sum > total {
                    out.push(Finding::new(
                        &rules::FUNDING_SOURCES_EXCEED_TOTAL,
                        format!("{path}.total.{key}"),
                        format!("sources add up to {sum}, more than the declared total {total}"),
                        format!("lähteiden summa {sum} ylittää ilmoitetun kokonaissumman {total}"),
                        format!("källorna summerar till {sum}, mer än den angivna totalen {total}"),
                    ));
                } else if sum < total {
                    out.push(Finding::new(
                        &rules::FUNDING_SOURCES_PARTIAL,
                        format!("{path}.total.{key}"),
                        format!("sources itemise {sum} of the declared total {total}"),
                        format!("lähteet erittelevät {sum} ilmoitetusta kokonaissummasta {total}"),
                        format!("källorna specificerar {sum} av den angivna totalen {total}"),
                    ));
                }
            }
            let public = match self.sum_where(stage, |s| s.is_public() == Some(true)) {
                Ok(p) => p,
                Err(_) => {
                    out.push(overflow("the public"));
                    continue;
                }
            };
            if let Some(declared) = self.public_total.get(stage) {
                // Equality is required only when no source of unknown publicness
                // (own funding) could make up the difference.
                let has_own = self
                    .sources
                    .iter()
                    .any(|l| l.source.is_public().is_none() && l.amounts.get(stage).is_some());
                let public = public.unwrap_or(Money::ZERO);
                let mismatch = public > declared
                    || (public < declared && !has_own && self.public_sources_itemised(stage));
                if mismatch {
                    out.push(Finding::new(
                        &rules::FUNDING_PUBLIC_TOTAL_MISMATCH,
                        format!("{path}.public_total.{key}"),
                        format!("public sources add up to {public}, the declared public total is {declared}"),
                        format!("julkiset lähteet yhteensä {public}, ilmoitettu julkinen rahoitus {declared}"), format!("de offentliga källorna summerar till {public}, den angivna offentliga totalen är {declared}")));
                }
                if let Some(total) = self.total.get(stage).filter(|t| declared > *t) {
                    out.push(Finding::new(
                        &rules::FUNDING_PUBLIC_ABOVE_TOTAL,
                        format!("{path}.public_total.{key}"),
                        format!(
                            "declared public total {declared} exceeds the declared total {total}"
                        ),
                        format!("julkinen rahoitus {declared} ylittää kokonaissumman {total}"), format!("den angivna offentliga totalen {declared} överstiger den angivna totalen {total}")));
                }
            }
        }
        out
    }

    /// Whether the plan itemises its public funding at a stage: some public source
    /// has an amount there. (A plan with only a declared public total itemises nothing.)
    /// Whether the plan itemises the national public co-financing beyond the EU
    /// and state money: a municipal or other public source at this stage. EURA's
    /// public total (*julkinen rahoitus yhteensä*) includes municipal and other
    /// public money, so a plan that lists only EU and state funding does not
    /// itemise it: in the EURA 2014 project list, 761 of the 786 ESR projects
    /// declare more planned public funding than EU and state funding granted (the
    /// other 25 the same; in all 394 333 875 € against 163 211 433 €), and S20044 realised 254 694,66 € of public money
    /// against 201 547,85 € of EU and state money.
    fn public_sources_itemised(&self, stage: Stage) -> bool {
        self.sources.iter().any(|l| {
            matches!(
                l.source,
                FundingSource::Municipal | FundingSource::OtherPublic
            ) && l.amounts.get(stage).is_some()
        })
    }
}

/// `planned`, `granted` or `realised` ([`Stage::key`]).
impl std::str::FromStr for Stage {
    type Err = crate::choice::ChoiceError;

    fn from_str(s: &str) -> Result<Self, crate::choice::ChoiceError> {
        Stage::ALL
            .into_iter()
            .find(|stage| stage.key() == s)
            .ok_or_else(|| crate::choice::ChoiceError::Stage { given: s.into() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(n: i64) -> Money {
        Money::from_euros(n).unwrap()
    }

    fn ids(f: &[Finding]) -> Vec<&str> {
        f.iter().map(|f| f.rule_id).collect()
    }

    #[test]
    fn toimet_utilisation_is_88_33_percent_and_consistent() {
        let plan = FundingPlan {
            sources: vec![SourceLine {
                source: FundingSource::EuAndState,
                amounts: Amounts::default()
                    .granted(eur(101_500))
                    .realised(eur(89_660)),
            }],
            total: Amounts::default(),
            public_total: Amounts::default()
                .planned(eur(101_500))
                .realised(eur(89_660)),
        };
        assert_eq!(
            plan.utilisation().unwrap().unwrap().to_percent_string(2),
            "88,33 %"
        );
        assert_eq!(ids(&plan.check("p")), Vec::<&str>::new());
    }

    #[test]
    fn partial_breakdown_is_information_not_an_error() {
        let plan = FundingPlan::default()
            .with_total(Amounts::default().planned(eur(913_048)))
            .with_source(FundingSource::Eu, Amounts::default().planned(eur(684_554)));
        assert_eq!(ids(&plan.check("p")), ["FIN-SUM-002"]);
        assert_eq!(
            plan.eu_share(Stage::Planned)
                .unwrap()
                .unwrap()
                .to_percent_string(2),
            "74,97 %"
        );
        assert_eq!(plan.eu_share(Stage::Granted).unwrap(), None);
    }

    #[test]
    fn inconsistent_plans_are_caught() {
        let plan = FundingPlan {
            sources: vec![
                SourceLine {
                    source: FundingSource::Eu,
                    amounts: Amounts::default()
                        .planned(eur(80))
                        .granted(eur(10))
                        .realised(eur(11)),
                },
                SourceLine {
                    source: FundingSource::Municipal,
                    amounts: Amounts::default()
                        .planned(eur(30))
                        .granted(Money::from_cents(-1)),
                },
            ],
            total: Amounts::default().planned(eur(100)),
            public_total: Amounts::default().planned(eur(100)).granted(eur(5)),
        };
        let found = plan.check("p");
        let got = ids(&found);
        assert!(got.contains(&"FIN-NEG-001"), "{got:?}");
        assert!(got.contains(&"FIN-REAL-001"), "{got:?}");
        assert!(got.contains(&"FIN-SUM-001"), "{got:?}");
        assert!(got.contains(&"FIN-PUB-001"), "{got:?}");
        let neg = found.iter().find(|f| f.rule_id == "FIN-NEG-001").unwrap();
        assert_eq!(neg.path, "p.sources[1].granted");
    }

    #[test]
    fn public_total_above_total_and_overflow_do_not_panic() {
        let plan = FundingPlan {
            sources: vec![
                SourceLine {
                    source: FundingSource::Eu,
                    amounts: Amounts::default().planned(Money::from_cents(i64::MAX)),
                },
                SourceLine {
                    source: FundingSource::State,
                    amounts: Amounts::default().planned(Money::from_cents(i64::MAX)),
                },
            ],
            total: Amounts::default().granted(eur(1)),
            public_total: Amounts::default().granted(eur(2)),
        };
        let got = plan.check("p");
        assert!(ids(&got).contains(&"FIN-SUM-001"));
        assert!(ids(&got).contains(&"FIN-PUB-002"));
        // The sources' sum overflows: an error, not a panic (and, the plan
        // declaring a total at another stage, the sum is not its total).
        assert!(plan.sum_where(Stage::Planned, |_| true).is_err());
        assert_eq!(plan.total(Stage::Planned).unwrap(), None);
    }

    #[test]
    fn json_round_trip_flattens_amounts() {
        let plan = FundingPlan::default().with_source(
            FundingSource::EuAndState,
            Amounts::default().granted(eur(101_500)),
        );
        let json = serde_json::to_string(&plan).unwrap();
        assert_eq!(
            json,
            r#"{"sources":[{"source":"eu_and_state","granted":"101500.00"}]}"#
        );
        assert_eq!(serde_json::from_str::<FundingPlan>(&json).unwrap(), plan);
    }
}
