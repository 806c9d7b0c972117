//! Co-financing — *osarahoitus*: the EU's share of a programme's spending, capped
//! **per priority of a programme** (CPR 2021/1060 Art 112; Reg. 1303/2013 Art 120),
//! never per project. A project with an 87 % EU share is not wrong in itself; a
//! priority whose projects together exceed its rate is.
//!
//! ```
//! use hanke::cofinancing::{self, RegionCategory};
//! use hanke::funding::Stage;
//! use hanke::Project;
//!
//! let p = Project::from_json_str(r#"{"name": "A",
//!   "placement": {"programme": "2014-2020", "fund": "ESR", "priority": 5},
//!   "funding_plan": {"sources": [
//!     {"source": "eu", "granted": "60000.00"}, {"source": "state", "granted": "40000.00"}]}}"#)?;
//! let check = cofinancing::check_portfolio(&[p], Stage::Granted);
//! assert_eq!(check.priorities[0].eu_share.unwrap().to_string(), "60,00 %");
//! assert_eq!(check.findings[0].rule_id, "COFIN-001");
//! # Ok::<(), hanke::project::JsonError>(())
//! ```

use serde::Serialize;

use crate::finding::{Finding, rules};
use crate::funding::{FundingSource, Stage};
use crate::money::{Money, Rate};
use crate::programme::ProgrammePeriod;
use crate::project::Project;

pub use crate::programme::RegionCategory;
// The caps are rules of the period, kept in the rulebook; re-exported here
// where the co-financing check reads them.
pub use crate::rulebook::{CapBasis, CoFinancingCap, cap_for};

/// One priority's aggregate: the projects placed in it and their EU share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PriorityAggregate {
    /// The programme period.
    pub period: ProgrammePeriod,
    /// The priority number.
    pub priority: u8,
    /// The category of region, where projects give it.
    pub region_category: Option<RegionCategory>,
    /// How many projects were aggregated.
    pub projects: usize,
    /// Their EU funding at the stage.
    pub eu: Money,
    /// Their public funding at the stage (the cap's base).
    pub public: Money,
    /// EU ÷ public.
    pub eu_share: Option<Rate>,
    /// The cap, where known.
    pub cap: Option<CoFinancingCap>,
}

/// The result of a portfolio check: aggregates by priority and the findings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct PortfolioCheck {
    /// One aggregate per programme × priority × region category.
    pub priorities: Vec<PriorityAggregate>,
    /// Caps exceeded, and projects that could not be aggregated (with why).
    pub findings: Vec<Finding>,
}

impl PortfolioCheck {
    /// The check as text: one line per priority, then the findings.
    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        let mut t = String::new();
        for a in &self.priorities {
            let share = a
                .eu_share
                .map(|s| s.to_string())
                .unwrap_or_else(|| "–".into());
            let cap = a
                .cap
                .map(|c| format!("cap {}{}", c.max_eu_rate, c.verification.label()))
                .unwrap_or_else(|| "cap unknown (no region category)".into());
            let _ = writeln!(
                t,
                "  {} TL{}: {} project(s), EU {} of public {} = {share}; {cap}",
                a.period, a.priority, a.projects, a.eu, a.public
            );
        }
        let skipped = self
            .findings
            .iter()
            .filter(|f| f.rule_id == "COFIN-002")
            .count();
        if skipped > 0 {
            let _ = writeln!(
                t,
                "  {skipped} project(s) not aggregated (COFIN-002: no priority, or no itemised EU and public funding)"
            );
        }
        for f in self.findings.iter().filter(|f| f.rule_id != "COFIN-002") {
            let _ = writeln!(t, "  [{}] {} {}", f.severity, f.rule_id, f.message_en);
        }
        t
    }
}

/// Aggregates a portfolio by programme → priority (→ region category) at a stage
/// and checks each aggregate against its cap.
///
/// A project is aggregated when it is placed in a programme and priority and its
/// plan itemises EU money (`eu`) and the public funding at that stage (the declared
/// public total, else the public sources). Others are listed as `COFIN-002`, with the reason.
pub fn check_portfolio(projects: &[Project], stage: Stage) -> PortfolioCheck {
    let mut out = PortfolioCheck::default();
    for (i, p) in projects.iter().enumerate() {
        let skip = |why_en: &str, why_fi: &str| {
            Finding::new(
                &rules::COFINANCING_NOT_AGGREGATED,
                format!("projects[{i}]"),
                format!("{} not aggregated: {why_en}", p.name),
                format!("{} ei mukana: {why_fi}", p.name),
                format!("{} ingår inte i sammanställningen", p.name),
            )
        };
        let (Some(period), Some(priority)) = (p.placement.programme, p.placement.priority) else {
            out.findings.push(skip(
                "no programme and priority",
                "ei ohjelmakautta ja toimintalinjaa",
            ));
            continue;
        };
        let plan = &p.funding_plan;
        let eu = plan.source(FundingSource::Eu, stage).ok().flatten();
        let public = match plan.public_total.get(stage) {
            Some(m) => Some(m),
            None => plan
                .sum_where(stage, |s| s.is_public() == Some(true))
                .ok()
                .flatten(),
        };
        let (Some(eu), Some(public)) = (eu, public) else {
            out.findings.push(skip(
                &format!("no itemised EU and public funding at stage {}", stage.key()),
                &format!(
                    "EU- ja julkista rahoitusta ei eritelty vaiheessa {}",
                    stage.label_fi()
                ),
            ));
            continue;
        };
        let category = p.placement.region_category;
        let agg =
            match out.priorities.iter_mut().find(|a| {
                a.period == period && a.priority == priority && a.region_category == category
            }) {
                Some(a) => a,
                None => {
                    out.priorities.push(PriorityAggregate {
                        period,
                        priority,
                        region_category: category,
                        projects: 0,
                        eu: Money::ZERO,
                        public: Money::ZERO,
                        eu_share: None,
                        cap: cap_for(period, priority, category),
                    });
                    let Some(last) = out.priorities.last_mut() else {
                        continue;
                    };
                    last
                }
            };
        match (agg.eu.checked_add(eu), agg.public.checked_add(public)) {
            (Ok(e), Ok(pb)) => {
                agg.eu = e;
                agg.public = pb;
                agg.projects = agg.projects.saturating_add(1);
            }
            _ => out
                .findings
                .push(skip("amounts out of range", "summat liian suuria")),
        }
    }
    out.priorities
        .sort_by_key(|a| (a.period, a.priority, a.region_category));
    for (i, agg) in out.priorities.iter_mut().enumerate() {
        agg.eu_share = (!agg.public.is_zero())
            .then(|| Rate::ratio(agg.eu, agg.public).ok())
            .flatten();
        if let (Some(share), Some(cap)) = (agg.eu_share, agg.cap) {
            if share > cap.max_eu_rate {
                out.findings.push(Finding::new(
                    &rules::COFINANCING_CAP_EXCEEDED,
                    format!("priorities[{i}]"),
                    format!(
                        "{} TL{}: EU share {share} of {} projects exceeds the cap {} ({})",
                        agg.period, agg.priority, agg.projects, cap.max_eu_rate, cap.source
                    ),
                    format!(
                        "{} TL{}: EU-osuus {share} ({} hanketta) ylittää enimmäisasteen {} ({})",
                        agg.period, agg.priority, agg.projects, cap.max_eu_rate, cap.source
                    ),
                    format!(
                        "{} PO{}: EU-andelen {share} av {} projekt överstiger taket {} ({})",
                        agg.period, agg.priority, agg.projects, cap.max_eu_rate, cap.source
                    ),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(name: &str, period: &str, priority: u8, eu: i64, state: i64) -> Project {
        Project::from_json_str(&format!(
            r#"{{"name": "{name}", "placement": {{"programme": "{period}", "priority": {priority}}},
                "funding_plan": {{"sources": [{{"source": "eu", "granted": "{eu}"}},
                                               {{"source": "state", "granted": "{state}"}}]}}}}"#
        ))
        .unwrap()
    }

    #[test]
    fn caps_apply_to_the_priority_not_the_project() {
        // One project at 87 % and two at 40 %: the priority is at 50 %, within its cap.
        let ps = [
            project("A", "2014-2020", 5, 87, 13),
            project("B", "2014-2020", 5, 40, 60),
            project("C", "2014-2020", 5, 23, 77),
        ];
        let check = check_portfolio(&ps, Stage::Granted);
        assert_eq!(check.priorities.len(), 1);
        assert_eq!(check.priorities[0].projects, 3);
        assert_eq!(check.priorities[0].eu_share.unwrap().to_string(), "50,00 %");
        assert!(check.findings.is_empty(), "{:?}", check.findings);
    }

    /// Issue 24 item 8: REACT-EU's priority 9 has its own rate, 169/295
    /// (≈ 57,29 %): a priority at 57 % passes (the 50 % cap flagged it), one at
    /// 58 % is flagged.
    #[test]
    fn react_eu_has_its_own_rate() {
        let at =
            |eu, state| check_portfolio(&[project("R", "2014-2020", 9, eu, state)], Stage::Granted);
        assert!(at(57, 43).findings.is_empty(), "{:?}", at(57, 43).findings);
        assert_eq!(at(58, 42).findings[0].rule_id, "COFIN-001");
        // Any other 2014–2020 priority keeps 50 %.
        let other = check_portfolio(&[project("O", "2014-2020", 3, 57, 43)], Stage::Granted);
        assert_eq!(other.findings[0].rule_id, "COFIN-001");
    }

    /// Issue 24 item 7: the ESR+ programme's priority 5 (social innovation)
    /// has 95 % and priority 6 90 %, whatever the region category; priority 4
    /// keeps the Art 112(3) ceiling (40 % in a more developed region).
    #[test]
    fn programme_rates_of_2021_priorities() {
        let at = |priority, eu, state| {
            check_portfolio(
                &[project("P", "2021-2027", priority, eu, state)],
                Stage::Granted,
            )
        };
        assert!(
            at(5, 95, 5).findings.is_empty(),
            "{:?}",
            at(5, 95, 5).findings
        );
        assert_eq!(at(5, 96, 4).findings[0].rule_id, "COFIN-001");
        for (priority, pct) in [(6, 90), (4, 40)] {
            let cap = cap_for(
                ProgrammePeriod::Period2021To2027,
                priority,
                Some(RegionCategory::MoreDeveloped),
            );
            assert_eq!(cap.unwrap().max_eu_rate, Rate::percent(pct), "TL{priority}");
        }
    }

    #[test]
    fn a_synthetic_priority_over_its_cap_is_flagged() {
        let ps = [
            project("A", "2014-2020", 3, 51, 49),
            project("B", "2014-2020", 4, 50, 50),
        ];
        let check = check_portfolio(&ps, Stage::Granted);
        assert_eq!(check.priorities.len(), 2);
        let ids: Vec<_> = check
            .findings
            .iter()
            .map(|f| (f.rule_id, f.path.as_str()))
            .collect();
        assert_eq!(ids, [("COFIN-001", "priorities[0]")]);
        assert!(check.findings[0].message_en.contains("TL3"));
    }

    #[test]
    fn art_112_caps_by_region_category() {
        let cap = |c| {
            cap_for(ProgrammePeriod::Period2021To2027, 4, Some(c))
                .unwrap()
                .max_eu_rate
        };
        assert_eq!(cap(RegionCategory::LessDeveloped), Rate::percent(85));
        assert_eq!(cap(RegionCategory::Transition), Rate::percent(60));
        assert_eq!(cap(RegionCategory::MoreDeveloped), Rate::percent(40));
        assert!(cap_for(ProgrammePeriod::Period2021To2027, 4, None).is_none());
        // Without a category the 2021–2027 aggregate has no cap and no finding.
        let check = check_portfolio(&[project("A", "2021-2027", 4, 90, 10)], Stage::Granted);
        assert!(check.priorities[0].cap.is_none());
        assert!(check.findings.is_empty());
    }

    #[test]
    fn projects_without_placement_or_itemised_eu_money_are_listed() {
        let mut unplaced = project("A", "2014-2020", 5, 1, 1);
        unplaced.placement.priority = None;
        let combined = Project::from_json_str(
            r#"{"name": "T", "placement": {"programme": "2014-2020", "priority": 5},
                "funding_plan": {"sources": [{"source": "eu_and_state", "granted": "101500.00"}]}}"#,
        )
        .unwrap();
        let check = check_portfolio(&[unplaced, combined], Stage::Granted);
        assert!(check.priorities.is_empty());
        let ids: Vec<_> = check.findings.iter().map(|f| f.rule_id).collect();
        assert_eq!(ids, ["COFIN-002", "COFIN-002"]);
    }
}
