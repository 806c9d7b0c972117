//! A readable summary of one project — *hankkeen yhteenveto*: placement, period and
//! status, implementers, financing with shares and utilisation, and findings.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use crate::funding::{Amounts, FundingSource, Stage};
use crate::money::{Money, Rate};
use crate::project::{ImplementerRole, Project, ProjectStatus};

use super::labels as L;
use crate::finding::Finding;
use crate::lang::{Language, Localised, Text};

/// One row of the financing table: a source (or the total) at the three stages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FundingRow {
    /// The source, or `None` for the total row.
    pub source: Option<FundingSource>,
    /// Its planned, granted and realised amounts.
    pub amounts: Amounts,
}

/// One implementer as a summary shows it — *toteuttaja*: its role, name, the
/// details in Finnish (kind, business ID) and the business ID (*Y-tunnus*)
/// where the source gives one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ImplementerLine {
    /// Main implementer or co-implementer.
    pub role: ImplementerRole,
    /// The organisation's name.
    pub name: String,
    /// Kind and business ID, in Finnish, comma-separated.
    pub details: String,
    /// The business ID, check digit verified when read.
    pub business_id: Option<crate::BusinessId>,
}

/// An implementer's share of a group project's budget, as the summary shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ImplementerShare {
    /// The implementer's name.
    pub name: String,
    /// Its planned total.
    pub total: Option<Money>,
    /// Its planned EU part.
    pub eu: Option<Money>,
    /// EU ÷ total.
    pub eu_share: Option<Rate>,
}

/// The figures and facts a summary of a project shows, computed once by the core
/// so that every language shows the same numbers — *hankkeen yhteenveto*.
///
/// ```
/// use hanke::{Project, report::ProjectSummary};
/// let p = Project::from_json_str(r#"{"name": "TOIMET", "funding_plan": {"sources": [
///     {"source": "eu_and_state", "granted": "101500.00", "realised": "89660.00"}]}}"#)?;
/// let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// let s = ProjectSummary::new(&p, day);
/// assert_eq!(s.utilisation.unwrap().to_string(), "88,33 %");
/// assert!(s.to_text().contains("utilisation 88,33 %"));
/// # Ok::<(), hanke::project::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ProjectSummary {
    /// The project code, if any.
    pub code: Option<String>,
    /// The project name.
    pub name: String,
    /// Placement lines: funder, programme, priority, specific objective,
    /// authority — the label in each language and the value.
    pub placement: Vec<(Text, String)>,
    /// The planned period in Finnish form.
    pub period: Option<String>,
    /// The day the status is for.
    pub status_day: NaiveDate,
    /// The status on that day.
    pub status: Option<ProjectStatus>,
    /// The stated status text, if any.
    pub stated_status: Option<String>,
    /// Implementers, in the order of the project.
    pub implementers: Vec<ImplementerLine>,
    /// The financing table.
    pub funding: Vec<FundingRow>,
    /// EU share of the total, planned (else granted).
    pub eu_share: Option<Rate>,
    /// Utilisation, realised ÷ granted.
    pub utilisation: Option<Rate>,
    /// The budget band, when the page gives one instead of figures.
    pub budget_band: Option<String>,
    /// Per-implementer shares: name, total, EU part, EU share.
    pub implementer_budgets: Vec<ImplementerShare>,
    /// The rulebook the project falls under, by name.
    pub rulebook: Option<Text>,
    /// The budget computed by the project's cost model, as text lines in
    /// each language.
    pub budget_computation: Option<Localised>,
    /// Findings of [`Project::validate`].
    pub findings: Vec<Finding>,
}

/// An amount in Finnish form, or `–` where the document gives none.
pub(super) fn money_or_dash(m: Option<Money>) -> String {
    m.map(|m| m.to_string()).unwrap_or_else(|| "–".to_string())
}

fn first_stage_share(plan: &crate::funding::FundingPlan) -> Option<Rate> {
    [Stage::Planned, Stage::Granted]
        .into_iter()
        .find_map(|s| plan.eu_share(s).ok().flatten())
}

impl ProjectSummary {
    /// Computes the summary of `project` with its status on `day`.
    pub fn new(project: &Project, day: NaiveDate) -> ProjectSummary {
        let pl = &project.placement;
        let mut placement = Vec::new();
        if let Some(f) = pl.funder.as_deref() {
            let name = project
                .funder()
                .map(|f| f.name_fi.to_string())
                .unwrap_or_else(|| f.to_string());
            let stea = pl
                .stea_grant_type
                .map(|g| format!(" ({} {})", g.code(), g.name_fi()))
                .unwrap_or_default();
            placement.push((L::FUNDER, format!("{name}{stea}")));
        }
        if let Some(fund) = pl.fund {
            placement.push((L::FUND, fund.to_string()));
        }
        let prog = project.programme();
        if let Some(p) = prog {
            placement.push((
                L::PROGRAMME,
                format!("{} ({}{})", p.name_fi, p.cci, p.cci_verification.label()),
            ));
        } else if let Some(period) = pl.programme {
            placement.push((L::PROGRAMME, period.to_string()));
        }
        if let Some(n) = pl.priority {
            let name = prog
                .and_then(|p| p.priority(n))
                .map(|p| format!(" {}{}", p.name_fi, p.verification.label()))
                .unwrap_or_default();
            placement.push((L::PRIORITY, format!("TL{n}{name}")));
        }
        if let Some(code) = pl.specific_objective.as_deref() {
            let name = prog
                .and_then(|p| p.specific_objective(code))
                .map(|so| format!(" {}{}", so.name_fi, so.verification.label()))
                .unwrap_or_default();
            placement.push((L::SPECIFIC_OBJECTIVE, format!("{code}{name}")));
        }
        if let Some(a) = pl.action_package.as_deref() {
            placement.push((L::ACTION_PACKAGE, a.to_string()));
        }
        if let Some(a) = pl.responsible_authority {
            placement.push((L::AUTHORITY, a.name_fi().to_string()));
        }
        let implementers = project
            .implementers
            .iter()
            .map(|i| {
                let o = &i.organisation;
                let mut details = Vec::new();
                if let Some(k) = &o.kind {
                    details.push(k.label_fi().to_string());
                }
                if let Some(id) = o.business_id {
                    details.push(id.to_string());
                }
                ImplementerLine {
                    role: i.role,
                    name: o.name.clone(),
                    details: details.join(", "),
                    business_id: o.business_id,
                }
            })
            .collect();
        let plan = &project.funding_plan;
        let funding: Vec<FundingRow> = FundingSource::ALL
            .into_iter()
            .map(|s| FundingRow {
                source: Some(s),
                amounts: Amounts::from_stages(|stage| plan.source(s, stage).ok().flatten()),
            })
            .chain([FundingRow {
                source: None,
                amounts: Amounts::from_stages(|stage| plan.total(stage).ok().flatten()),
            }])
            .filter(|row| !row.amounts.is_empty())
            .collect();
        let implementer_budgets = project
            .implementers
            .iter()
            .filter_map(|i| {
                let b = i.budget.as_ref()?;
                let total = b.total(Stage::Planned).ok().flatten();
                let eu = b.source(FundingSource::Eu, Stage::Planned).ok().flatten();
                Some(ImplementerShare {
                    name: i.organisation.name.clone(),
                    total,
                    eu,
                    eu_share: first_stage_share(b),
                })
            })
            .collect();
        ProjectSummary {
            code: project.code.map(|c| c.to_string()),
            name: project.name.clone(),
            placement,
            period: project.period.map(|p| p.to_string()),
            status_day: day,
            status: project.status_on(day),
            stated_status: project
                .reported_status
                .as_ref()
                .map(|s| s.text().to_string()),
            implementers,
            funding,
            eu_share: first_stage_share(plan),
            utilisation: plan.utilisation().ok().flatten(),
            budget_band: project.budget_band.map(|b| b.to_string()),
            implementer_budgets,
            rulebook: project.rulebook().map(|r| r.name),
            budget_computation: project.budget_computation().map(|b| {
                b.map(|b| {
                    Localised::new(
                        b.to_text_in(Language::Fi),
                        b.to_text_in(Language::Sv),
                        b.to_text_in(Language::En),
                    )
                })
                .unwrap_or_else(|e| {
                    // Errors' messages are English (ADR 0014): the Finnish and
                    // Swedish texts give the code, which is the same in every
                    // language, and English the message too.
                    let code = e.code();
                    Localised::new(
                        format!("{} ({code})\n", L::CANNOT_COMPUTE.fi),
                        format!("{} ({code})\n", L::CANNOT_COMPUTE.sv),
                        format!("{} ({code}): {e}\n", L::CANNOT_COMPUTE.en),
                    )
                })
            }),
            findings: project.validate(),
        }
    }

    /// The summary as plain text, in English with the Finnish names of the data.
    pub fn to_text(&self) -> String {
        let mut t = String::new();
        let code = self
            .code
            .as_deref()
            .map(|c| format!("{c} "))
            .unwrap_or_default();
        let _ = writeln!(t, "== {code}{}", self.name);
        for (k, v) in &self.placement {
            let _ = writeln!(t, "  {:<19} {v}", k.en);
        }
        let status = self.status.map(|s| s.label_en()).unwrap_or("unknown");
        let stated = self
            .stated_status
            .as_deref()
            .map(|s| format!(" (stated: \"{s}\")"))
            .unwrap_or_default();
        let _ = writeln!(
            t,
            "  {:<19} {} — {status} on {}{stated}",
            "period",
            self.period.as_deref().unwrap_or("not given"),
            self.status_day.format("%-d.%-m.%Y")
        );
        if !self.implementers.is_empty() {
            let _ = writeln!(t, "  implementers");
            for i in &self.implementers {
                let details = if i.details.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", i.details)
                };
                let _ = writeln!(t, "    {:<17} {}{details}", i.role.label_fi(), i.name);
            }
        }
        if !self.funding.is_empty() {
            let _ = writeln!(
                t,
                "  financing {:>24} {:>18} {:>18}",
                "planned", "granted", "realised"
            );
            for row in &self.funding {
                let label = row.source.map(|s| s.label_en()).unwrap_or("Total");
                let _ = writeln!(
                    t,
                    "    {label:<21} {:>18} {:>18} {:>18}",
                    money_or_dash(row.amounts.planned),
                    money_or_dash(row.amounts.granted),
                    money_or_dash(row.amounts.realised)
                );
            }
        }
        if let Some(b) = &self.budget_band {
            let _ = writeln!(t, "  {:<19} {b}", "budget band");
        }
        let mut shares = Vec::new();
        if let Some(s) = self.eu_share {
            shares.push(format!("EU share {s}"));
        }
        if let Some(u) = self.utilisation {
            shares.push(format!("utilisation {u}"));
        }
        if !shares.is_empty() {
            let _ = writeln!(t, "  {:<19} {}", "shares", shares.join(", "));
        }
        for ImplementerShare {
            name,
            total,
            eu,
            eu_share: share,
        } in &self.implementer_budgets
        {
            let share = share.map(|s| format!(", EU share {s}")).unwrap_or_default();
            let _ = writeln!(
                t,
                "    share of {name}: total {}, EU {}{share}",
                money_or_dash(*total),
                money_or_dash(*eu)
            );
        }
        if let Some(rb) = &self.rulebook {
            let _ = writeln!(t, "  {:<19} {}", "rulebook", rb.en);
        }
        if let Some(b) = &self.budget_computation {
            let _ = writeln!(t, "  budget computation");
            for line in b.en.lines() {
                let _ = writeln!(t, "    {line}");
            }
        }
        if self.findings.is_empty() {
            let _ = writeln!(t, "  findings            none");
        } else {
            let _ = writeln!(t, "  findings");
            for f in &self.findings {
                let _ = writeln!(
                    t,
                    "    [{}] {} {}: {}",
                    f.severity, f.rule_id, f.path, f.message_en
                );
            }
        }
        t
    }
}
