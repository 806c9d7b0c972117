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
use super::summary::money_or_dash;
use crate::finding::{Finding, rules};
use crate::lang::Language;

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
    /// What an incomplete record means in the period, in English and Finnish.
    pub incomplete_effect: (&'static str, &'static str),
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
    /// The cost model, as a label in English and Finnish.
    pub cost_model: Option<(&'static str, &'static str)>,
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
                findings.push(
                    Finding::new(
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
                    )
                    .with_sv(format!(
                        "{incomplete} ofullständig(a) post(er), utelämnade ur indikatorerna"
                    )),
                );
            }
            Some(ParticipantSection {
                records: count,
                merged_reentries: merged.merges.iter().map(|m| m.merged.len()).sum(),
                indicators,
                incomplete_effect: (rules.incomplete_effect_en, rules.incomplete_effect_fi),
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
                    findings.push(
                        Finding::new(
                            &rules::INDICATOR_BEHIND_MILESTONE,
                            format!("indicators[{i}]"),
                            format!("{}: {value} by {day}, milestone {due}", ind.code),
                            format!("{}: {value} / välitavoite {due} ({day})", ind.code),
                        )
                        .with_sv(format!("{}: {value} till {day}, delmål {due}", ind.code)),
                    );
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
            cost_model: project
                .cost_model
                .map(|m| (m.kind().label_en(), m.kind().label_fi())),
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
    /// sources), every text through the publication gate (identity codes
    /// masked in any spelling).
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        let mut value = serde_json::to_value(self)?;
        crate::publish::mask_json(&mut value);
        serde_json::to_string_pretty(&value)
    }

    /// The report as Markdown with Finnish or English labels.
    pub fn to_markdown(&self, lang: Language) -> String {
        let l = |fi, en| lang.pick(fi, en);
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
            l("ESR-raportti:", "ESR report:"),
            cell(&s.name)
        );
        let version = self
            .transmission_version
            .as_deref()
            .map(|v| format!(" ({} {v})", l("SFC-versio", "SFC version")))
            .unwrap_or_default();
        let _ = writeln!(
            t,
            "{} {}{version}\n",
            l("Tilanne päivältä", "Cut-off"),
            fi_date(self.cut_off)
        );

        let _ = writeln!(t, "## {}\n", l("Hanke", "Project"));
        let _ = writeln!(t, "| | |\n|---|---|");
        for (k, v) in &s.placement {
            let _ = writeln!(t, "| {} | {} |", cell(k), cell(v));
        }
        let status = s
            .status
            .map(|st| l(st.label_fi(), st.label_en()))
            .unwrap_or(l("tuntematon", "unknown"));
        let _ = writeln!(
            t,
            "| {} | {} |",
            l("toteutusaika", "period"),
            cell(s.period.as_deref().unwrap_or("–"))
        );
        let _ = writeln!(t, "| {} | {status} |", l("tila", "status"));
        for (role, name, _) in &s.implementers {
            let _ = writeln!(t, "| {} | {} |", role.label_fi(), cell(name));
        }
        if let Some(rb) = &s.rulebook {
            let _ = writeln!(t, "| {} | {} |", l("säännöt", "rulebook"), cell(rb));
        }
        t.push('\n');

        let _ = writeln!(t, "## {}\n", l("Rahoitus", "Financing"));
        if s.funding.is_empty() {
            let _ = writeln!(t, "{}\n", l("Ei rahoitustietoja.", "No financing data."));
        } else {
            let _ = writeln!(
                t,
                "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
                l("lähde", "source"),
                l("suunniteltu", "planned"),
                l("myönnetty", "granted"),
                l("toteutunut", "realised")
            );
            for row in &s.funding {
                let label = row
                    .source
                    .map(|src| l(src.label_fi(), src.label_en()))
                    .unwrap_or(l("yhteensä", "total"));
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
            facts.push(format!("{} {u}", l("käyttöaste", "utilisation")));
        }
        if let Some(e) = s.eu_share {
            facts.push(format!("{} {e}", l("EU-osuus", "EU share")));
        }
        if let Some((en, fi)) = self.cost_model {
            facts.push(format!(
                "{} {}",
                l("kustannusmalli", "cost model"),
                l(fi, en)
            ));
        }
        if !facts.is_empty() {
            let _ = writeln!(t, "{}\n", facts.join(" · "));
        }
        if let Some(b) = &s.budget_computation {
            let _ = writeln!(
                t,
                "{}:\n\n```text\n{}```\n",
                l(
                    "Kustannusmallin mukainen budjetti",
                    "Budget by the cost model"
                ),
                // Inside a code block nothing is markup but its fence.
                crate::publish::text(b).replace("```", "` ` `")
            );
        }

        if let Some(p) = &self.participants {
            self.participants_markdown(&mut t, p, lang);
        }

        if !self.project_indicators.is_empty() {
            let _ = writeln!(
                t,
                "## {}\n\n| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---:|---:|---:|---:|",
                l("Hankekohtaiset indikaattorit", "Project indicators"),
                l("koodi", "code"),
                l("indikaattori", "indicator"),
                l("yksikkö", "unit"),
                l("lähtötaso", "baseline"),
                l("tavoite", "target"),
                l("välitavoite", "milestone"),
                l("toteuma", "actual")
            );
            for r in &self.project_indicators {
                let name = match lang {
                    Language::En => r.name_en.as_deref().unwrap_or(&r.name),
                    Language::Fi => &r.name,
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

        let _ = writeln!(t, "## {}\n", l("Havainnot", "Findings"));
        if self.findings.is_empty() {
            let _ = writeln!(t, "{}", l("Ei havaintoja.", "None."));
        } else {
            let _ = writeln!(
                t,
                "| {} | {} | {} | {} |\n|---|---|---|---|",
                l("vakavuus", "severity"),
                l("sääntö", "rule"),
                l("kohta", "where"),
                l("havainto", "finding")
            );
            for f in &self.findings {
                let line = f.line.map(|n| format!(" (line {n})")).unwrap_or_default();
                let msg = lang.pick(&f.message_fi, &f.message_en);
                let _ = writeln!(
                    t,
                    "| {} | {} | {}{line} | {} |",
                    f.severity,
                    f.rule_id,
                    cell(&f.path),
                    cell(msg)
                );
            }
        }
        t
    }

    fn participants_markdown(&self, t: &mut String, p: &ParticipantSection, lang: Language) {
        let l = |fi, en| lang.pick(fi, en);
        let ind = &p.indicators;
        let genders = ind.rules().genders;
        let g = ind.grand_total();
        let _ = writeln!(t, "## {}\n", l("Osallistujat", "Participants"));
        let by_gender = genders
            .iter()
            .map(|&gd| format!("{} {}", gender_label(gd, lang), g.get(gd)))
            .chain((g.unknown > 0).then(|| format!("{} {}", l("tuntematon", "unknown"), g.unknown)))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            t,
            "{} {} ({by_gender}) · {} {} · {} {} · {} {}\n",
            l("Kaikki osallistujat", "Grand total"),
            g.total(),
            l("puutteellisia", "incomplete"),
            ind.incomplete().total(),
            l("uusintaosallistumisia yhdistetty", "re-entries merged"),
            p.merged_reentries,
            l(
                "aloittaneet tilannepäivän jälkeen",
                "entered after the cut-off"
            ),
            ind.not_yet_entered()
        );
        if ind.incomplete().total() > 0 {
            let _ = writeln!(
                t,
                "{}: {}\n",
                l("Puutteelliset tiedot", "Incomplete records"),
                l(p.incomplete_effect.1, p.incomplete_effect.0)
            );
        }
        let (title_fi, title_en) = match ind.catalogue() {
            Catalogue::Esf2014 => (
                "Yhteiset indikaattorit (asetus 1304/2013, liite I)",
                "Common indicators (Reg. 1304/2013 Annex I)",
            ),
            Catalogue::EsfPlus => (
                "Yhteiset indikaattorit (asetus 2021/1057, liite I)",
                "Common indicators (Reg. 2021/1057 Annex I)",
            ),
            Catalogue::EsfPlusMostDeprived => (
                "Yhteiset indikaattorit (asetus 2021/1057, liite II)",
                "Common indicators (Reg. 2021/1057 Annex II)",
            ),
        };
        let _ = write!(
            t,
            "## {}\n\n| {} | {} |",
            l(title_fi, title_en),
            l("koodi", "code"),
            l("indikaattori", "indicator")
        );
        for &gd in genders {
            let _ = write!(t, " {} |", gender_label(gd, lang));
        }
        let _ = writeln!(t, " {} |", l("yhteensä", "total"));
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
            let name = l(indicator.name_fi, indicator.name_en);
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
                        l(
                            "ei sovelleta tähän toimeen (erityistavoite l)",
                            "does not apply to the operation (specific objective (l))",
                        )
                    } else {
                        l(
                            "ei lasketa osallistujista",
                            "not computed from participants",
                        )
                    };
                    let _ = writeln!(t, " {why} |");
                }
            }
        }
        t.push('\n');
        if interpreted {
            let _ = writeln!(
                t,
                "‡ {}\n",
                l(
                    "Määritelmä on tulkinta, koska lähteet eivät ratkaise sitä; tulkinta ja se, mikä sen ratkaisisi, ovat indikaattorin määritelmässä (ADR 0019).",
                    "The definition is an interpretation where the sources leave it open; the interpretation and what would settle it are in the indicator's definition (ADR 0019)."
                )
            );
        }
        if flagged {
            let _ = writeln!(
                t,
                "† {}\n",
                l(
                    "SFC-koodi tai määritelmä on tarkistamatta lähteestä; katso indikaattorin lähde ja määritelmä JSON-raportista.",
                    "SFC code or definition not verified against a source; see the indicator's source and definition in the JSON report."
                )
            );
        }
    }
}

fn gender_label(g: Gender, lang: Language) -> &'static str {
    match g {
        Gender::Woman => lang.pick("naiset", "women"),
        Gender::Man => lang.pick("miehet", "men"),
        Gender::NonBinary => lang.pick("muunsukupuoliset", "non-binary"),
    }
}

fn fi_date(d: NaiveDate) -> String {
    d.format("%-d.%-m.%Y").to_string()
}

fn opt(v: Option<u64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "–".into())
}

/// A value in the Markdown report: through the publication gate (codes
/// masked, markup and pipes escaped, line breaks flattened).
fn cell(s: &str) -> String {
    crate::publish::markdown(s)
}

/// `a + b` where either is given; an overflow is reported, never wrapped.
fn add_money(a: Option<Money>, b: Option<Money>, findings: &mut Vec<String>) -> Option<Money> {
    match (a, b) {
        (Some(a), Some(b)) => match a.checked_add(b) {
            Ok(sum) => Some(sum),
            Err(e) => {
                findings.push(format!("funding total: {e}"));
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
    /// Findings of the roll-up (indicators that could not be merged).
    pub findings: Vec<String>,
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
                            findings.push(format!("{}: {e}", r.summary.name));
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
        let l = |fi, en| lang.pick(fi, en);
        let mut t = String::new();
        let _ = writeln!(
            t,
            "## {}\n\n| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---:|---:|---:|---:|",
            l("Hankesalkku", "Portfolio"),
            l("ohjelmakausi", "programme"),
            l("toimintalinja", "priority"),
            l("erityistavoite", "specific objective"),
            l("hankkeita", "projects"),
            l("myönnetty", "granted"),
            l("toteutunut", "realised"),
            l("osallistujia", "participants")
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
            let _ = writeln!(t, "\n- {}", cell(f));
        }
        t
    }
}
