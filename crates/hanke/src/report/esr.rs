//! The ESR report — *ESR-raportti*: a project at a cut-off date with its
//! identity and placement, period and status, financing, the common indicators
//! by gender, the project's own indicators against their targets, and every
//! finding with its rule id; rendered as Markdown (Finnish or English) and JSON.
//! [`PortfolioReport`] rolls many projects up by priority and specific objective.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::activity::{ActivityLog, Figure};
use crate::indicator::{Catalogue, CommonIndicators, IndicatorValue};
use crate::money::Money;
use crate::participant::{Gender, Participant, merge_duplicates};
use crate::programme::{ProgrammePeriod, Verification};
use crate::project::Project;
use crate::rulebook::Rulebook;
use crate::transmission::transmissions_in;

use super::ProjectSummary;
use super::labels as L;
use super::summary::money_or_dash;
use crate::cost::CostModelKind;
use crate::finding::{Finding, rules};
use crate::lang::{Language, Localised, Text};

/// What a report is computed from besides the project — *raportin aineisto*.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ReportInputs {
    /// The participant records (re-entries are merged by the report).
    pub participants: Option<Vec<Participant>>,
    /// The project's activities.
    pub activities: Option<ActivityLog>,
    /// The indicator set, where the period's general one is not the right one
    /// (Annex II for specific objective (l) operations targeting the most deprived).
    pub catalogue: Option<Catalogue>,
    /// Findings of the import that produced the inputs (rejected rows, with lines).
    pub import_findings: Vec<Finding>,
}

/// One project indicator in the report — *hankekohtainen indikaattori*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ProjectIndicatorRow {
    /// The project's code for it.
    pub code: String,
    /// Its name.
    pub name: String,
    /// English name, if given.
    pub name_en: Option<String>,
    /// Unit.
    pub unit: String,
    /// Baseline.
    pub baseline: Option<u64>,
    /// Target.
    pub target: Option<u64>,
    /// The latest milestone due by the cut-off: (day, value).
    pub milestone_due: Option<(NaiveDate, u64)>,
    /// The actual value at the cut-off.
    pub actual: Figure,
}

/// The participant part of a report — *osallistujat*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ParticipantSection {
    /// Records given.
    pub records: usize,
    /// Records merged into another as re-entries of the same person.
    pub merged_reentries: usize,
    /// The common indicators.
    pub indicators: CommonIndicators,
    /// What an incomplete record means in the period, in each language.
    pub incomplete_effect: Text,
}

/// The ESR report of one project at a cut-off — *ESR-raportti*.
///
/// ```
/// use hanke::{Project, lang::Language, report::{EsrReport, ReportInputs}};
/// use hanke::synthetic::duuniin_coaching;
/// let project = Project::from_json_str(r#"{"code": "S20250", "name": "Lähde mukaan!",
///   "placement": {"funder": "esr", "programme": "2014-2020", "priority": 5, "specific_objective": "10.1"},
///   "period": {"start": "2015-05-01", "end": "2017-05-31"}}"#)?;
/// let mut inputs = ReportInputs::default();
/// inputs.participants = Some(duuniin_coaching());
/// let cut_off = chrono::NaiveDate::from_ymd_opt(2017, 6, 30).unwrap();
/// let report = EsrReport::new(&project, cut_off, inputs);
/// let md = report.to_markdown(Language::En);
/// assert!(md.contains("| CR04 † | participants in employment, including self-employment, upon leaving | 3 | 3 | 6 |"));
/// # Ok::<(), hanke::project::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EsrReport {
    /// The cut-off: data as they stood at the end of this day.
    pub cut_off: NaiveDate,
    /// The SFC version code when the cut-off is one of the Art 42 cut-offs.
    pub transmission_version: Option<String>,
    /// Identity, placement, period, status and financing.
    pub summary: ProjectSummary,
    /// The kind of the project's cost model.
    pub cost_model: Option<CostModelKind>,
    /// Programme period, priority and specific objective, for roll-ups.
    pub programme: Option<ProgrammePeriod>,
    /// Priority axis number.
    pub priority: Option<u8>,
    /// Specific objective code.
    pub specific_objective: Option<String>,
    /// The participant part, when participants were given and the project has
    /// EU common indicators.
    pub participants: Option<ParticipantSection>,
    /// The project's own indicators.
    pub project_indicators: Vec<ProjectIndicatorRow>,
    /// Every finding: project, participants, activities, indicators, import.
    pub findings: Vec<Finding>,
}

impl EsrReport {
    /// Computes the report of `project` at `cut_off`.
    pub fn new(project: &Project, cut_off: NaiveDate, inputs: ReportInputs) -> EsrReport {
        let summary = ProjectSummary::new(project, cut_off);
        let mut findings = summary.findings.clone();
        findings.extend(inputs.import_findings);
        // The project's own texts holding a code: masked in every output of
        // the report, and said, so that the source is corrected.
        if let Ok(value) = serde_json::to_value(project) {
            findings.extend(crate::publish::text_findings(&value));
        }
        // A December cut-off belongs to the next year's January submission.
        let transmission_version = [cut_off.year(), cut_off.year().saturating_add(1)]
            .into_iter()
            .flat_map(transmissions_in)
            .find(|t| t.cut_off == cut_off)
            .map(|t| t.version);

        let participants = inputs.participants.and_then(|records| {
            let rules = Rulebook::for_project(project).and_then(Rulebook::participants)?;
            let catalogue = inputs
                .catalogue
                .or_else(|| Catalogue::for_period(rules.period))?;
            let count = records.len();
            let merged = merge_duplicates(records, None);
            findings.extend(merged.findings);
            for p in &merged.participants {
                if p.entry.date <= cut_off {
                    findings.extend(rules.check_at(p, Some(cut_off)));
                }
            }
            let indicators =
                CommonIndicators::compute(catalogue, rules, Some(cut_off), &merged.participants)
                    .ok()?;
            let incomplete = indicators.incomplete().total();
            if incomplete > 0 {
                findings.push(Finding::new(
                    &rules::INDICATOR_INCOMPLETE_RECORDS,
                    "participants",
                    format!(
                        "{incomplete} incomplete record(s): {}",
                        rules.incomplete_effect_en
                    ),
                    format!(
                        "{incomplete} puutteellista tietuetta: {}",
                        rules.incomplete_effect_fi
                    ),
                    format!(
                        "{incomplete} ofullständig(a) post(er): {}",
                        rules.incomplete_effect_sv
                    ),
                ));
            }
            Some(ParticipantSection {
                records: count,
                merged_reentries: merged.merges.iter().map(|m| m.merged.len()).sum(),
                indicators,
                incomplete_effect: Text::new(
                    rules.incomplete_effect_fi,
                    rules.incomplete_effect_sv,
                    rules.incomplete_effect_en,
                ),
            })
        });

        if let Some(log) = &inputs.activities {
            findings.extend(log.check());
        }
        let mut project_indicators = Vec::new();
        for (i, ind) in project.indicators.iter().enumerate() {
            let actual = ind.actual(inputs.activities.as_ref(), Some(cut_off));
            let milestone_due = ind.milestone_due(cut_off).map(|m| (m.date, m.value));
            if let (Some((day, due)), Some(value)) = (milestone_due, actual.count()) {
                if value < due {
                    findings.push(Finding::new(
                        &rules::INDICATOR_BEHIND_MILESTONE,
                        format!("indicators[{i}]"),
                        format!("{}: {value} by {day}, milestone {due}", ind.code),
                        format!("{}: {value} / välitavoite {due} ({day})", ind.code),
                        format!("{}: {value} till {day}, delmål {due}", ind.code),
                    ));
                }
            }
            project_indicators.push(ProjectIndicatorRow {
                code: ind.code.clone(),
                name: ind.name.clone(),
                name_en: ind.name_en.clone(),
                unit: ind.unit.clone(),
                baseline: ind.baseline,
                target: ind.target,
                milestone_due,
                actual,
            });
        }
        EsrReport {
            cut_off,
            transmission_version,
            cost_model: project.cost_model.map(|m| m.kind()),
            programme: project.placement.programme,
            priority: project.placement.priority,
            specific_objective: project.placement.specific_objective.clone(),
            summary,
            participants,
            project_indicators,
            findings,
        }
    }

    /// The report as JSON (every figure, with indicator definitions and
    /// sources), every text in all three languages, through the publication
    /// gate (identity codes masked in any spelling).
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        let mut value = serde_json::to_value(self)?;
        crate::publish::mask_json(&mut value);
        serde_json::to_string_pretty(&value)
    }

    /// The report as JSON in one language: the same document as
    /// [`to_json`](Self::to_json) with every text given in Finnish, Swedish
    /// and English (`name_fi`/`name_sv`/`name_en`, `{"fi", "sv", "en"}`)
    /// reduced to `lang`'s (`name`). Keys and codes are the same in every
    /// language. The indicators' rule texts (`definition`), which hanke has in
    /// English only, are left out — they are in [`to_json`](Self::to_json);
    /// their sources (citations of the regulations) stay.
    pub fn to_json_in(&self, lang: Language) -> Result<String, serde_json::Error> {
        json_in(self, lang)
    }

    /// The project's own indicators against targets as a table: code, name,
    /// unit, baseline, target, actual.
    pub fn project_indicator_table(&self) -> crate::export::table::ResultTable {
        use crate::export::table::{ResultTable, Values};
        let rows = &self.project_indicators;
        let text = |f: fn(&ProjectIndicatorRow) -> String| Values::texts(rows, f);
        ResultTable::new("project indicators")
            .column("code", text(|r| r.code.clone()))
            .column("name", text(|r| r.name.clone()))
            .column("unit", text(|r| r.unit.clone()))
            .column(
                "baseline",
                Values::Count(rows.iter().map(|r| r.baseline).collect()),
            )
            .column(
                "target",
                Values::Count(rows.iter().map(|r| r.target).collect()),
            )
            .column("actual", text(|r| r.actual.to_string()))
    }

    /// The report as HTML in `lang`: the Markdown report through
    /// [`markdown_to_html`](crate::publish::markdown_to_html) (tables; no
    /// markup of the data ever runs).
    pub fn to_html(&self, lang: Language) -> String {
        crate::publish::markdown_to_html(&self.to_markdown(lang))
    }

    /// The report as Markdown in `lang`: every label, name of the catalogues
    /// and finding in that language.
    pub fn to_markdown(&self, lang: Language) -> String {
        let mut t = String::new();
        let s = &self.summary;
        let code = s
            .code
            .as_deref()
            .map(|c| format!("{} ", cell(c)))
            .unwrap_or_default();
        let _ = writeln!(
            t,
            "# {} {code}{}\n",
            L::REPORT_TITLE.get(lang),
            cell(&s.name)
        );
        let version = self
            .transmission_version
            .as_deref()
            .map(|v| format!(" ({} {v})", L::SFC_VERSION.get(lang)))
            .unwrap_or_default();
        let _ = writeln!(
            t,
            "{} {}{version}\n",
            L::CUT_OFF.get(lang),
            fi_date(self.cut_off)
        );

        let _ = writeln!(t, "## {}\n", L::PROJECT.get(lang));
        let _ = writeln!(t, "| | |\n|---|---|");
        for (k, v) in &s.placement {
            let _ = writeln!(t, "| {} | {} |", k.get(lang), cell(v));
        }
        let status = s
            .status
            .map(|st| st.text().get(lang))
            .unwrap_or(L::UNKNOWN.get(lang));
        let _ = writeln!(
            t,
            "| {} | {} |",
            L::PERIOD.get(lang),
            cell(s.period.as_deref().unwrap_or("–"))
        );
        let _ = writeln!(t, "| {} | {status} |", L::STATUS.get(lang));
        for i in &s.implementers {
            // The business ID as the source gives it (check digit verified).
            let id = i
                .business_id
                .map(|b| format!(" ({} {b})", L::BUSINESS_ID.get(lang)))
                .unwrap_or_default();
            let _ = writeln!(t, "| {} | {}{id} |", i.role.text().get(lang), cell(&i.name));
        }
        if let Some(rb) = &s.rulebook {
            let _ = writeln!(t, "| {} | {} |", L::RULEBOOK.get(lang), rb.get(lang));
        }
        t.push('\n');

        let _ = writeln!(t, "## {}\n", L::FINANCING.get(lang));
        if s.funding.is_empty() {
            let _ = writeln!(t, "{}\n", L::NO_FINANCING.get(lang));
        } else {
            let _ = writeln!(
                t,
                "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
                L::SOURCE.get(lang),
                L::PLANNED.get(lang),
                L::GRANTED.get(lang),
                L::REALISED.get(lang)
            );
            for row in &s.funding {
                let label = row
                    .source
                    .map(|src| src.text().get(lang))
                    .unwrap_or(L::TOTAL.get(lang));
                let _ = writeln!(
                    t,
                    "| {label} | {} | {} | {} |",
                    money_or_dash(row.amounts.planned),
                    money_or_dash(row.amounts.granted),
                    money_or_dash(row.amounts.realised)
                );
            }
            t.push('\n');
        }
        let mut facts = Vec::new();
        if let Some(u) = s.utilisation {
            facts.push(format!("{} {u}", L::UTILISATION.get(lang)));
        }
        if let Some(e) = s.eu_share {
            facts.push(format!("{} {e}", L::EU_SHARE.get(lang)));
        }
        if let Some(kind) = self.cost_model {
            facts.push(format!(
                "{} {}",
                L::COST_MODEL.get(lang),
                kind.text().get(lang)
            ));
        }
        if !facts.is_empty() {
            let _ = writeln!(t, "{}\n", facts.join(" · "));
        }
        if let Some(b) = &s.budget_computation {
            let _ = writeln!(
                t,
                "{}:\n\n```text\n{}```\n",
                L::BUDGET_BY_COST_MODEL.get(lang),
                // Inside a code block nothing is markup but its fence.
                crate::publish::text(b.get(lang)).replace("```", "` ` `")
            );
        }

        if let Some(p) = &self.participants {
            self.participants_markdown(&mut t, p, lang);
        }

        if !self.project_indicators.is_empty() {
            let _ = writeln!(
                t,
                "## {}\n\n| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---:|---:|---:|---:|",
                L::PROJECT_INDICATORS.get(lang),
                L::CODE.get(lang),
                L::INDICATOR.get(lang),
                L::UNIT.get(lang),
                L::BASELINE.get(lang),
                L::TARGET.get(lang),
                L::MILESTONE.get(lang),
                L::ACTUAL.get(lang)
            );
            for r in &self.project_indicators {
                // The project's own name of its indicator is data: English
                // where the project gives one, else as the project wrote it.
                let name = match lang {
                    Language::En => r.name_en.as_deref().unwrap_or(&r.name),
                    Language::Fi | Language::Sv => &r.name,
                };
                let milestone = r
                    .milestone_due
                    .map(|(d, v)| format!("{v} ({})", fi_date(d)))
                    .unwrap_or_else(|| "–".into());
                let _ = writeln!(
                    t,
                    "| {} | {} | {} | {} | {} | {milestone} | {} |",
                    cell(&r.code),
                    cell(name),
                    cell(&r.unit),
                    opt(r.baseline),
                    opt(r.target),
                    r.actual
                );
            }
            t.push('\n');
        }

        let _ = writeln!(t, "## {}\n", L::FINDINGS.get(lang));
        if self.findings.is_empty() {
            let _ = writeln!(t, "{}", L::NO_FINDINGS.get(lang));
        } else {
            let _ = writeln!(
                t,
                "| {} | {} | {} | {} |\n|---|---|---|---|",
                L::SEVERITY.get(lang),
                L::RULE.get(lang),
                L::WHERE.get(lang),
                L::FINDING.get(lang)
            );
            for f in &self.findings {
                let line = f
                    .line
                    .map(|n| format!(" ({} {n})", L::LINE.get(lang)))
                    .unwrap_or_default();
                let msg = f.message(lang);
                let _ = writeln!(
                    t,
                    "| {} | {} | {}{line} | {} |",
                    f.severity.text().get(lang),
                    f.rule_id,
                    crate::publish::markdown_code(&f.path),
                    cell(msg)
                );
            }
        }
        t
    }

    fn participants_markdown(&self, t: &mut String, p: &ParticipantSection, lang: Language) {
        let ind = &p.indicators;
        let genders = ind.rules().genders;
        let g = ind.grand_total();
        let _ = writeln!(t, "## {}\n", L::PARTICIPANTS.get(lang));
        let by_gender = genders
            .iter()
            .map(|&gd| format!("{} {}", gender_label(gd, lang), g.get(gd)))
            .chain((g.unknown > 0).then(|| format!("{} {}", L::UNKNOWN.get(lang), g.unknown)))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            t,
            "{} {} ({by_gender}) · {} {} · {} {} · {} {}\n",
            L::GRAND_TOTAL.get(lang),
            g.total(),
            L::INCOMPLETE.get(lang),
            ind.incomplete().total(),
            L::REENTRIES_MERGED.get(lang),
            p.merged_reentries,
            L::ENTERED_AFTER_CUT_OFF.get(lang),
            ind.not_yet_entered()
        );
        if ind.incomplete().total() > 0 {
            let _ = writeln!(
                t,
                "{}: {}\n",
                L::INCOMPLETE_RECORDS.get(lang),
                p.incomplete_effect.get(lang)
            );
        }
        let title = match ind.catalogue() {
            Catalogue::Esf2014 => L::COMMON_INDICATORS_2014,
            Catalogue::EsfPlus => L::COMMON_INDICATORS_2021,
            Catalogue::EsfPlusMostDeprived => L::COMMON_INDICATORS_2021_MOST_DEPRIVED,
        };
        let _ = write!(
            t,
            "## {}\n\n| {} | {} |",
            title.get(lang),
            L::CODE.get(lang),
            L::INDICATOR.get(lang)
        );
        for &gd in genders {
            let _ = write!(t, " {} |", gender_label(gd, lang));
        }
        let _ = writeln!(t, " {} |", L::TOTAL.get(lang));
        let _ = write!(t, "|---|---|");
        for _ in genders {
            t.push_str("---:|");
        }
        t.push_str("---:|\n");
        let mut flagged = false;
        let mut interpreted = false;
        for IndicatorValue { indicator, value } in ind.values() {
            let mut mark = String::new();
            if indicator.code_verification != Verification::Verified
                || indicator.definition_verification == Verification::Unverified
            {
                flagged = true;
                mark.push_str(" †");
            }
            if indicator.is_interpretation() {
                interpreted = true;
                mark.push_str(" ‡");
            }
            let name = lang.pick(indicator.name_fi, indicator.name_sv, indicator.name_en);
            let _ = write!(t, "| {}{mark} | {} |", indicator.code, cell(name));
            match value {
                Some(v) => {
                    for &gd in genders {
                        let _ = write!(t, " {} |", v.get(gd));
                    }
                    let _ = writeln!(t, " {} |", v.total());
                }
                None => {
                    for _ in genders {
                        t.push_str(" – |");
                    }
                    let why = if indicator.is_computed_from_participants() {
                        L::NOT_APPLICABLE_UNDER_L.get(lang)
                    } else {
                        L::NOT_FROM_PARTICIPANTS.get(lang)
                    };
                    let _ = writeln!(t, " {why} |");
                }
            }
        }
        t.push('\n');
        if interpreted {
            let _ = writeln!(t, "‡ {}\n", L::INTERPRETATION_NOTE.get(lang));
        }
        if flagged {
            let _ = writeln!(t, "† {}\n", L::UNVERIFIED_NOTE.get(lang));
        }
    }
}

fn gender_label(g: Gender, lang: Language) -> &'static str {
    g.text().get(lang)
}

fn fi_date(d: NaiveDate) -> String {
    d.format("%-d.%-m.%Y").to_string()
}

fn opt(v: Option<u64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "–".into())
}

/// A report as JSON in `lang`: its texts reduced to `lang`'s, the English-only
/// indicator definitions left out, through the publication gate.
fn json_in(report: &impl Serialize, lang: Language) -> Result<String, serde_json::Error> {
    let mut value = serde_json::to_value(report)?;
    crate::lang::localise_json(&mut value, lang);
    without_english_definitions(&mut value);
    crate::publish::mask_json(&mut value);
    serde_json::to_string_pretty(&value)
}

/// Removes the indicators' `definition` texts (English only) from a
/// one-language document: an object with `definition` beside
/// `definition_verification` is an indicator.
fn without_english_definitions(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Array(a) => a.iter_mut().for_each(without_english_definitions),
        serde_json::Value::Object(m) => {
            if m.contains_key("definition_verification") {
                m.remove("definition");
            }
            m.values_mut().for_each(without_english_definitions);
        }
        _ => {}
    }
}

/// A value in the Markdown report: through the publication gate (codes
/// masked, markup and pipes escaped, line breaks flattened).
fn cell(s: &str) -> String {
    crate::publish::markdown(s)
}

/// `a + b` where either is given; an overflow is reported, never wrapped.
fn add_money(a: Option<Money>, b: Option<Money>, findings: &mut Vec<Localised>) -> Option<Money> {
    match (a, b) {
        (Some(a), Some(b)) => match a.checked_add(b) {
            Ok(sum) => Some(sum),
            Err(e) => {
                let code = e.code();
                findings.push(Localised::new(
                    format!("rahoitus yhteensä: summaa ei voi laskea ({code})"),
                    format!("finansiering totalt: summan kan inte beräknas ({code})"),
                    format!("funding total: {e}"),
                ));
                Some(a)
            }
        },
        (a, b) => a.or(b),
    }
}

/// Projects rolled up by programme, priority and specific objective —
/// *hankesalkku*: project counts, granted and realised funding, and the common
/// indicators merged (parts merge exactly, see [`CommonIndicators::merge`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PortfolioGroup {
    /// Programme period.
    pub programme: Option<ProgrammePeriod>,
    /// Priority axis.
    pub priority: Option<u8>,
    /// Specific objective code.
    pub specific_objective: Option<String>,
    /// Projects in the group.
    pub projects: usize,
    /// Granted funding, total of the projects that give it (`None`: none does).
    pub granted: Option<Money>,
    /// Realised funding, total of the projects that give it (`None`: none does).
    pub realised: Option<Money>,
    /// The merged common indicators of the projects with participants.
    pub indicators: Option<CommonIndicators>,
}

/// A portfolio report — *salkkuraportti*.
///
/// ```
/// use hanke::{Project, report::{EsrReport, PortfolioReport, ReportInputs}};
/// use hanke::synthetic::duuniin_coaching;
/// let project = Project::from_json_str(r#"{"name": "A",
///   "placement": {"funder": "esr", "programme": "2014-2020", "priority": 5, "specific_objective": "10.1"}}"#)?;
/// let day = chrono::NaiveDate::from_ymd_opt(2017, 6, 30).unwrap();
/// let mut inputs = ReportInputs::default();
/// inputs.participants = Some(duuniin_coaching());
/// let a = EsrReport::new(&project, day, inputs.clone());
/// let b = EsrReport::new(&project, day, inputs);
/// let portfolio = PortfolioReport::new(&[a, b]);
/// let g = &portfolio.groups[0];
/// assert_eq!(g.projects, 2);
/// assert_eq!(g.indicators.as_ref().unwrap().get("CR04").unwrap().total(), 12);
/// # Ok::<(), hanke::project::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PortfolioReport {
    /// Groups by (programme, priority, specific objective), in that order.
    pub groups: Vec<PortfolioGroup>,
    /// Findings of the roll-up (indicators that could not be merged), in
    /// each language.
    pub findings: Vec<Localised>,
}

impl PortfolioReport {
    /// Rolls `reports` up by programme, priority and specific objective.
    pub fn new(reports: &[EsrReport]) -> PortfolioReport {
        type Key = (Option<ProgrammePeriod>, Option<u8>, Option<String>);
        let mut groups: BTreeMap<Key, PortfolioGroup> = BTreeMap::new();
        let mut findings = Vec::new();
        for r in reports {
            let key = (r.programme, r.priority, r.specific_objective.clone());
            let g = groups.entry(key).or_insert_with(|| PortfolioGroup {
                programme: r.programme,
                priority: r.priority,
                specific_objective: r.specific_objective.clone(),
                projects: 0,
                granted: None,
                realised: None,
                indicators: None,
            });
            g.projects = g.projects.saturating_add(1);
            if let Some(total) = r.summary.funding.iter().find(|row| row.source.is_none()) {
                g.granted = add_money(g.granted, total.amounts.granted, &mut findings);
                g.realised = add_money(g.realised, total.amounts.realised, &mut findings);
            }
            if let Some(p) = &r.participants {
                match &mut g.indicators {
                    None => g.indicators = Some(p.indicators.clone()),
                    Some(acc) => {
                        if let Err(e) = acc.merge(&p.indicators) {
                            let (name, code) = (&r.summary.name, e.code());
                            findings.push(Localised::new(
                                format!("{name}: indikaattoreita ei voi yhdistää ({code})"),
                                format!("{name}: indikatorerna kan inte slås samman ({code})"),
                                format!("{name}: {e}"),
                            ));
                        }
                    }
                }
            }
        }
        PortfolioReport {
            groups: groups.into_values().collect(),
            findings,
        }
    }

    /// The portfolio as Markdown: one row per group with the grand total and the
    /// headline indicators of its catalogue.
    pub fn to_markdown(&self, lang: Language) -> String {
        let mut t = String::new();
        let _ = writeln!(
            t,
            "## {}\n\n| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---:|---:|---:|---:|",
            L::PORTFOLIO.get(lang),
            L::PROGRAMME.get(lang),
            L::PRIORITY.get(lang),
            L::SPECIFIC_OBJECTIVE.get(lang),
            L::PROJECTS.get(lang),
            L::GRANTED.get(lang),
            L::REALISED.get(lang),
            L::PARTICIPANT_COUNT.get(lang)
        );
        for g in &self.groups {
            let _ = writeln!(
                t,
                "| {} | {} | {} | {} | {} | {} | {} |",
                g.programme
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "–".into()),
                opt(g.priority.map(u64::from)),
                cell(g.specific_objective.as_deref().unwrap_or("–")),
                g.projects,
                money_or_dash(g.granted),
                money_or_dash(g.realised),
                g.indicators
                    .as_ref()
                    .map(|i| i.grand_total().total().to_string())
                    .unwrap_or_else(|| "–".into())
            );
        }
        for f in &self.findings {
            let _ = writeln!(t, "\n- {}", cell(f.get(lang)));
        }
        t
    }

    /// The portfolio as HTML in `lang`.
    pub fn to_html(&self, lang: Language) -> String {
        crate::publish::markdown_to_html(&self.to_markdown(lang))
    }

    /// The portfolio as JSON in `lang` (see [`EsrReport::to_json_in`]).
    pub fn to_json_in(&self, lang: Language) -> Result<String, serde_json::Error> {
        json_in(self, lang)
    }
}
