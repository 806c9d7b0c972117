//! The funding decision's terms and payment claims — *tukipäätös* and
//! *maksatushakemus*: how much of a period's eligible costs may be claimed from EU
//! and state funding, and how much of the grant has been used.
//!
//! The rates are the decision's own (every decision states its support rate and
//! maximum); hanke adds no rate of its own. The claimable amount is the period's
//! eligible costs × the support rate, rounded once to the cent (half away from
//! zero), and never more than what is left of the grant.
//!
//! ```
//! use hanke::claim::FundingDecision;
//! use hanke::{Money, Rate};
//!
//! let decision = FundingDecision::new("101 500".parse()?, Rate::percent(100))?;
//! let claim = decision.claim("40 000".parse()?, Money::ZERO)?;
//! assert_eq!(claim.claimable.to_string(), "40 000,00 €");
//! assert_eq!(claim.utilisation.to_string(), "39,41 %");
//! # Ok::<(), hanke::MoneyError>(())
//! ```

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::finding::{Finding, rules};
use crate::funding::{FundingPlan, Stage};
use crate::money::{Money, MoneyError, Rate};

/// The financial terms of a funding decision — *tukipäätöksen rahoitusehdot*: the
/// granted EU and state funding (the maximum) and the support rate (*tukiprosentti*,
/// the EU + state share of eligible costs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawDecision", into = "RawDecision")]
pub struct FundingDecision {
    granted: Money,
    support_rate: Rate,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDecision {
    granted: Money,
    support_rate: Rate,
}

impl TryFrom<RawDecision> for FundingDecision {
    type Error = MoneyError;
    fn try_from(r: RawDecision) -> Result<Self, Self::Error> {
        FundingDecision::new(r.granted, r.support_rate)
    }
}

impl From<FundingDecision> for RawDecision {
    fn from(d: FundingDecision) -> Self {
        RawDecision {
            granted: d.granted,
            support_rate: d.support_rate,
        }
    }
}

impl FundingDecision {
    /// Terms with a non-negative grant and a support rate of at most 100 %.
    pub fn new(granted: Money, support_rate: Rate) -> Result<FundingDecision, MoneyError> {
        if granted.is_negative() {
            return Err(MoneyError::Negative {
                input: granted.to_string().into(),
            });
        }
        if support_rate > Rate::ONE {
            return Err(MoneyError::InvalidRate {
                input: support_rate.to_string().into(),
            });
        }
        Ok(FundingDecision {
            granted,
            support_rate,
        })
    }

    /// The granted EU and state funding.
    pub fn granted(&self) -> Money {
        self.granted
    }

    /// The support rate.
    pub fn support_rate(&self) -> Rate {
        self.support_rate
    }

    /// Checks a financing plan against the decision: its EU and state funding must
    /// not exceed the grant (`FIN-DEC-001`) nor, as a share of the plan's total,
    /// the support rate (`FIN-DEC-002`), at the planned and granted stages.
    pub fn check_plan(&self, plan: &FundingPlan, path: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        for stage in [Stage::Planned, Stage::Granted] {
            let Ok(Some(public_grant)) = plan.eu_and_state(stage) else {
                continue;
            };
            if public_grant > self.granted {
                out.push(Finding::new(
                    &rules::DECISION_GRANT_EXCEEDED,
                    format!("{path}.{}", stage.key()),
                    format!("EU and state funding {public_grant} exceeds the decision's grant {}", self.granted),
                    format!("EU- ja valtion rahoitus {public_grant} ylittää päätöksen myönnetyn tuen {}", self.granted), format!("EU- och statlig finansiering {public_grant} överstiger beslutets stöd {}", self.granted)));
            }
            // The share is of the plan's whole total: the stage's own, else
            // (for the granted stage, whose plan may give only the EU and
            // state line) the planned total the decision approved. A part of
            // the sources is never taken for the total.
            let total = match (plan.total(stage), stage) {
                (Ok(Some(t)), _) => Some((t, None)),
                (Ok(None), Stage::Granted) => match plan.total(Stage::Planned) {
                    Ok(Some(t)) => Some((t, Some(Stage::Planned))),
                    _ => None,
                },
                _ => None,
            };
            let Some((total, basis)) = total.filter(|(t, _)| !t.is_zero()) else {
                out.push(Finding::new(
                    &rules::DECISION_RATE_UNCHECKED,
                    format!("{path}.{}", stage.key()),
                    format!("the support rate cannot be checked at the {} stage: the plan gives no total for it (only part of its sources)", stage.key()),
                    format!("tukiprosenttia ei voi tarkistaa vaiheessa {}: suunnitelmassa ei ole sen kokonaissummaa (vain osa rahoituslähteistä)", stage.key()), format!("stödandelen kan inte kontrolleras i skedet {}: planen anger ingen total för det (bara en del av källorna)", stage.key())));
                continue;
            };
            if let Ok(share) = Rate::ratio(public_grant, total) {
                if share > self.support_rate {
                    let (of_en, of_fi, of_sv) = match basis {
                        Some(_) => (
                            " planned total",
                            " suunnitellusta kokonaissummasta",
                            " planerade totalen",
                        ),
                        None => (" total", " kokonaisuudesta", " totalen"),
                    };
                    out.push(Finding::new(
                        &rules::DECISION_RATE_EXCEEDED,
                        format!("{path}.{}", stage.key()),
                        format!("EU and state funding is {share} of the{of_en} ({public_grant} of {total}); the decision's support rate is {}", self.support_rate),
                        format!("EU- ja valtion rahoitus on {share}{of_fi} ({public_grant} / {total}); päätöksen tukiprosentti on {}", self.support_rate), format!("EU- och statlig finansiering är {share} av den{of_sv} ({public_grant} av {total}); beslutets stödandel är {}", self.support_rate)));
                }
            }
        }
        out
    }

    /// The payment claim for a period: `eligible_costs` of the period and
    /// `previously_paid` EU and state funding before it.
    pub fn claim(
        &self,
        eligible_costs: Money,
        previously_paid: Money,
    ) -> Result<ClaimComputation, MoneyError> {
        let by_rate = eligible_costs.apply_rate(self.support_rate)?;
        let remaining = self.granted.checked_sub(previously_paid)?.max(Money::ZERO);
        let claimable = by_rate.min(remaining).max(Money::ZERO);
        let cumulative = previously_paid.checked_add(claimable)?;
        let utilisation = if self.granted.is_zero() {
            Rate::ZERO
        } else {
            Rate::ratio(cumulative, self.granted)?
        };
        Ok(ClaimComputation {
            eligible_costs,
            support_rate: self.support_rate,
            by_rate,
            remaining_grant: remaining,
            claimable,
            capped: claimable < by_rate,
            cumulative_paid: cumulative,
            utilisation,
        })
    }
}

/// A payment claim computed from a decision — *maksatushakemuksen laskelma*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ClaimComputation {
    /// The period's eligible costs.
    pub eligible_costs: Money,
    /// The decision's support rate.
    pub support_rate: Rate,
    /// Eligible costs × support rate, rounded to the cent.
    pub by_rate: Money,
    /// What was left of the grant before this claim.
    pub remaining_grant: Money,
    /// What may be claimed: the smaller of the two.
    pub claimable: Money,
    /// Whether the grant's remainder cut the claim.
    pub capped: bool,
    /// EU and state funding paid including this claim.
    pub cumulative_paid: Money,
    /// Cumulative paid ÷ grant.
    pub utilisation: Rate,
}

impl ClaimComputation {
    /// The computation as text a human can check.
    pub fn to_text(&self) -> String {
        let mut t = String::new();
        let _ = writeln!(
            t,
            "Eligible costs of the period         {:>18}",
            self.eligible_costs.to_string()
        );
        let _ = writeln!(
            t,
            "× support rate {:<21} {:>18}",
            self.support_rate.to_string(),
            self.by_rate.to_string()
        );
        let _ = writeln!(
            t,
            "Remaining grant                      {:>18}",
            self.remaining_grant.to_string()
        );
        let cap = if self.capped {
            "  (capped by the remaining grant)"
        } else {
            ""
        };
        let _ = writeln!(
            t,
            "Claimable EU and state funding       {:>18}{cap}",
            self.claimable.to_string()
        );
        let _ = writeln!(
            t,
            "Cumulative paid                      {:>18}  ({} of the grant)",
            self.cumulative_paid.to_string(),
            self.utilisation
        );
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::funding::{Amounts, FundingSource};

    fn eur(n: i64) -> Money {
        Money::from_euros(n).unwrap()
    }

    #[test]
    fn claims_apply_the_rate_and_stop_at_the_grant() {
        let d = FundingDecision::new(eur(100_000), Rate::percent(80)).unwrap();
        let first = d.claim(eur(50_000), Money::ZERO).unwrap();
        assert_eq!(first.claimable, eur(40_000));
        assert!(!first.capped);
        let second = d.claim(eur(100_000), first.cumulative_paid).unwrap();
        assert_eq!(second.by_rate, eur(80_000));
        assert_eq!(second.claimable, eur(60_000));
        assert!(second.capped);
        assert_eq!(second.utilisation, Rate::ONE);
        let third = d.claim(eur(1_000), second.cumulative_paid).unwrap();
        assert_eq!(third.claimable, Money::ZERO);
        assert!(third.to_text().contains("capped"));
    }

    #[test]
    fn claim_rounding_at_the_cent() {
        // 0.05 € × 70 % = 0.035 € → 0.04 €.
        let d = FundingDecision::new(eur(1), Rate::percent(70)).unwrap();
        assert_eq!(
            d.claim(Money::from_cents(5), Money::ZERO)
                .unwrap()
                .claimable,
            Money::from_cents(4)
        );
    }

    #[test]
    fn toimet_cumulative_utilisation() {
        // TOIMET: granted 101 500 €, realised 89 660 € (seed 004) → 88,33 %.
        let d = FundingDecision::new(eur(101_500), Rate::ONE).unwrap();
        let c = d.claim(eur(89_660), Money::ZERO).unwrap();
        assert_eq!(c.utilisation.to_percent_string(2), "88,33 %");
    }

    #[test]
    fn plans_are_checked_against_the_decision() {
        let d = FundingDecision::new(eur(80_000), Rate::percent(80)).unwrap();
        let plan = FundingPlan::default()
            .with_total(Amounts::default().planned(eur(100_000)))
            .with_source(
                FundingSource::EuAndState,
                Amounts::default().planned(eur(80_000)),
            );
        assert!(d.check_plan(&plan, "p").is_empty());
        let over = FundingPlan::default()
            .with_total(Amounts::default().planned(eur(100_000)))
            .with_source(FundingSource::Eu, Amounts::default().planned(eur(60_000)))
            .with_source(
                FundingSource::State,
                Amounts::default().planned(eur(25_000)),
            );
        let ids: Vec<_> = d.check_plan(&over, "p").iter().map(|f| f.rule_id).collect();
        assert_eq!(ids, ["FIN-DEC-001", "FIN-DEC-002"]);
    }

    /// Granted money only on the EU and state line: the share is of the plan's
    /// real total (416 000 / 520 000 = exactly 80 %), not of the granted
    /// lines' sum (which would be 100 %).
    #[test]
    fn the_support_rate_is_a_share_of_the_real_total() {
        let d = FundingDecision::new(eur(416_000), Rate::percent(80)).unwrap();
        let plan = FundingPlan::default()
            .with_source(
                FundingSource::EuAndState,
                Amounts::default()
                    .planned(eur(416_000))
                    .granted(eur(416_000)),
            )
            .with_source(
                FundingSource::Municipal,
                Amounts::default().planned(eur(104_000)),
            );
        assert_eq!(d.check_plan(&plan, "p"), vec![]);
        // 81 %: over the rate, and the message says of what total.
        let d = FundingDecision::new(eur(500_000), Rate::percent(80)).unwrap();
        let plan = FundingPlan::default()
            .with_source(
                FundingSource::EuAndState,
                Amounts::default().granted(eur(421_200)),
            )
            .with_total(Amounts::default().planned(eur(520_000)));
        let f = d.check_plan(&plan, "p");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule_id, "FIN-DEC-002");
        assert!(
            f[0].message_en
                .contains("81,00 % of the planned total (421 200,00 € of 520 000,00 €)"),
            "{}",
            f[0].message_en
        );
        // No total anywhere: said, not checked against a part.
        let plan = FundingPlan::default()
            .with_source(
                FundingSource::EuAndState,
                Amounts::default().granted(eur(421_200)),
            )
            .with_source(
                FundingSource::Municipal,
                Amounts::default().realised(eur(1)),
            );
        let ids: Vec<_> = d.check_plan(&plan, "p").iter().map(|f| f.rule_id).collect();
        assert_eq!(ids, ["FIN-DEC-003"]);
    }

    #[test]
    fn decisions_reject_impossible_terms() {
        assert!(FundingDecision::new(eur(1), Rate::new(101, 100).unwrap()).is_err());
        assert!(FundingDecision::new(Money::from_cents(-1), Rate::ONE).is_err());
        assert!(
            serde_json::from_str::<FundingDecision>(
                r#"{"granted": "1.00", "support_rate": "120%"}"#
            )
            .is_err()
        );
        let d: FundingDecision =
            serde_json::from_str(r#"{"granted": "101 500", "support_rate": "100%"}"#).unwrap();
        assert_eq!(d.granted(), eur(101_500));
    }
}
