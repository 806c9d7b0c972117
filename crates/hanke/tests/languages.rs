//! One language per call (issue 25): every report, in Markdown, HTML and
//! JSON, rendered in Finnish, Swedish and English, holds no text of hanke's
//! vocabularies — report labels, severities, statuses, roles, funding sources,
//! cost models, genders, indicator names, the findings' messages — in another
//! language.
//!
//! Data are not vocabulary: a project's name, an organisation's, a funder's
//! or a programme's registered name (and its priorities' and objectives') and
//! what a user typed appear as given.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use hanke::Finding;
use hanke::cost::CostModelKind;
use hanke::funding::FundingSource;
use hanke::import::{ImportOptions, read_participants_csv};
use hanke::indicator::Catalogue;
use hanke::lang::{Language, Localised, Text};
use hanke::participant::Gender;
use hanke::project::{ImplementerRole, ProjectStatus};
use hanke::report::{EsrReport, PortfolioReport, ReportInputs, labels};
use hanke::{Project, Severity};

fn data(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data")
        .join(path)
}

/// Every text of hanke's vocabularies a report can print.
fn vocabulary() -> Vec<Text> {
    let mut v: Vec<Text> = labels::ALL.to_vec();
    v.extend(FundingSource::ALL.map(FundingSource::text));
    v.extend(
        [
            ProjectStatus::NotStarted,
            ProjectStatus::Active,
            ProjectStatus::Ended,
        ]
        .map(ProjectStatus::text),
    );
    v.extend(
        [
            ImplementerRole::Main,
            ImplementerRole::CoImplementer,
            ImplementerRole::Partner,
        ]
        .map(ImplementerRole::text),
    );
    v.extend(
        [
            CostModelKind::RealCosts,
            CostModelKind::IndirectOnDirectCosts,
            CostModelKind::IndirectOnDirectCostsCalculated,
            CostModelKind::IndirectOnStaffCosts,
            CostModelKind::StaffOnOtherDirectCosts,
            CostModelKind::OtherCostsOnStaffCosts,
            CostModelKind::LumpSum,
            CostModelKind::UnitCosts,
        ]
        .map(CostModelKind::text),
    );
    v.extend([Gender::Woman, Gender::Man, Gender::NonBinary].map(Gender::text));
    v.extend([Severity::Error, Severity::Warning, Severity::Info].map(Severity::text));
    for c in Catalogue::ALL {
        for i in c.indicators() {
            v.push(Text::new(i.name_fi, i.name_sv, i.name_en));
        }
    }
    v
}

/// The reports of the bundled example projects, with their participants and
/// activities where the examples have them, and one made to show every part
/// (a cost model, every role and funding source, findings).
fn reports() -> Vec<EsrReport> {
    let day = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    let mut out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(data("projects"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in names {
        let project = Project::from_json_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let mut inputs = ReportInputs::default();
        if let Ok(text) = std::fs::read_to_string(data(&format!("participants/{stem}.csv"))) {
            let mut options = ImportOptions::default();
            options.accept_temporary_codes = true;
            let (people, report) = read_participants_csv(text.as_bytes(), options).unwrap();
            inputs.participants = Some(people);
            inputs.import_findings = report.account.rejections;
        }
        if let Ok(text) = std::fs::read_to_string(data(&format!("activities/{stem}.json"))) {
            inputs.activities = Some(hanke::activity::ActivityLog::from_json_str(&text).unwrap());
        }
        out.push(EsrReport::new(&project, day, inputs));
    }
    let every_part = Project::from_json_str(
        r#"{"code": "S30999", "name": "Kaikki osat",
            "placement": {"funder": "esr", "programme": "2021-2027", "fund": "ESR+", "priority": 4,
                          "specific_objective": "4.1"},
            "period": {"start": "2023-01-01", "end": "2025-12-31"},
            "implementers": [
              {"role": "main", "organisation": {"name": "Yhdistys A"}},
              {"role": "co_implementer", "organisation": {"name": "Kunta B"}},
              {"role": "partner", "organisation": {"name": "Säätiö C"}}],
            "funding_plan": {"sources": [
              {"source": "eu", "planned": "600.00", "granted": "-1.00"},
              {"source": "state", "planned": "300.00"},
              {"source": "municipal", "planned": "100.00"},
              {"source": "private", "planned": "50.00"}],
              "total": {"planned": "900.00"}},
            "cost_model": {"kind": "other_costs_on_staff_costs", "rate": "40 %"},
            "cost_budget": {"staff": "1000.00", "participant_costs": "10.00"}}"#,
    )
    .unwrap();
    let report = EsrReport::new(&every_part, day, ReportInputs::default());
    assert!(
        report.findings.len() >= 2 && report.cost_model.is_some(),
        "the made-up project should show findings and a cost model: {:?}",
        report.findings
    );
    out.push(report);
    out
}

/// The texts of another language than `lang` that must not appear: those
/// that differ from every text of `lang` (a word the same in two languages,
/// `status`, is not a sign of another) and are long enough to mean something.
fn foreign(vocabulary: &[Text], findings: &[&Finding], lang: Language) -> Vec<String> {
    let mut texts: Vec<Localised> = vocabulary
        .iter()
        .map(|t| Localised::new(t.fi, t.sv, t.en))
        .collect();
    texts.extend(findings.iter().map(|f| {
        Localised::new(
            f.message_fi.as_str(),
            f.message_sv.as_str(),
            f.message_en.as_str(),
        )
    }));
    let own: Vec<&str> = texts.iter().map(|t| t.get(lang)).collect();
    let mut out = Vec::new();
    for t in &texts {
        for other in Language::ALL.into_iter().filter(|&o| o != lang) {
            let s = t.get(other);
            if s.chars().count() >= 5 && !own.iter().any(|o| o.contains(s)) {
                out.push(s.to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether `phrase` occurs in `text` as whole words (`rahasto` is not in
/// `sosiaalirahasto`, a registered name).
fn contains_phrase(text: &str, phrase: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    text.match_indices(phrase).any(|(at, _)| {
        !word(text[..at].chars().next_back()) && !word(text[at + phrase.len()..].chars().next())
    })
}

/// `text` without the report's data — the project's name, the registered
/// names of its placement, its implementers', its own indicators' — in the
/// forms the renderings write them (as given, escaped for Markdown or HTML).
fn without_data(r: &EsrReport, text: &str) -> String {
    let s = &r.summary;
    let mut data: Vec<&str> = vec![s.name.as_str()];
    data.extend(s.placement.iter().map(|(_, v)| v.as_str()));
    data.extend(s.implementers.iter().map(|i| i.name.as_str()));
    data.extend(s.stated_status.as_deref());
    for i in &r.project_indicators {
        data.extend([i.name.as_str(), i.unit.as_str()]);
        data.extend(i.name_en.as_deref());
    }
    let mut out = text.to_string();
    // Longest first, so that a name inside another goes with it.
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    for d in data {
        let md = hanke::publish::markdown(d);
        let html = hanke::publish::html(&md);
        for form in [d.to_string(), md, html] {
            if !form.is_empty() {
                out = out.replace(&form, " ");
            }
        }
    }
    out
}

/// `text` without its code spans (field paths: identifiers, not text).
fn without_code(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(a) = rest.find(open) {
        out.push_str(&rest[..a]);
        let after = &rest[a + open.len()..];
        match after.find(close) {
            Some(b) => rest = &after[b + close.len()..],
            None => {
                rest = after;
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every string value of a JSON document (keys are identifiers, not text).
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                assert!(
                    !["_fi", "_sv", "_en"].iter().any(|s| k.ends_with(s))
                        && !["fi", "sv", "en"].contains(&k.as_str()),
                    "a key naming a language in a one-language document: {k}"
                );
                strings(x, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_report_is_in_one_language() {
    let vocabulary = vocabulary();
    let reports = reports();
    let portfolio = PortfolioReport::new(&reports);
    let mut checked = 0;
    for lang in Language::ALL {
        for r in &reports {
            let findings: Vec<&Finding> = r.findings.iter().collect();
            let foreign = foreign(&vocabulary, &findings, lang);
            // Field paths are identifiers, shown as code: not text of any
            // language; the project's data are as the project gave them.
            let md = without_data(r, &without_code(&r.to_markdown(lang), "`", "`"));
            let html = without_data(r, &without_code(&r.to_html(lang), "<code>", "</code>"));
            let json: serde_json::Value =
                serde_json::from_str(&r.to_json_in(lang).unwrap()).unwrap();
            let mut values = Vec::new();
            strings(&json, &mut values);
            let json_text = without_data(r, &values.join("\n"));
            for (form, text) in [("Markdown", &md), ("HTML", &html), ("JSON", &json_text)] {
                for f in &foreign {
                    // In JSON, a single word may be a code (`active`, `error`);
                    // texts of several words are never codes.
                    if form == "JSON" && !f.contains(' ') {
                        continue;
                    }
                    assert!(
                        !contains_phrase(text, f),
                        "{} in {lang} ({form}) holds {f:?} of another language:\n{text}",
                        r.summary.name
                    );
                }
            }
            checked += 1;
        }
        let p = portfolio.to_markdown(lang);
        for f in foreign(&vocabulary, &[], lang) {
            assert!(
                !contains_phrase(&p, &f),
                "portfolio in {lang} holds {f:?}:\n{p}"
            );
        }
    }
    assert!(checked >= 3 * 15, "only {checked} renderings checked");
}

/// The test above would fail on a mixed report: a Finnish report with an
/// English label in it is caught.
#[test]
fn a_mixed_report_is_caught() {
    let vocabulary = vocabulary();
    let r = reports().pop().unwrap();
    let findings: Vec<&Finding> = r.findings.iter().collect();
    let foreign = foreign(&vocabulary, &findings, Language::Fi);
    let mixed = r.to_markdown(Language::Fi) + labels::FINANCING.en;
    assert!(foreign.iter().any(|f| contains_phrase(&mixed, f)));
    let swedish_finding = &r.findings[0].message_sv;
    assert!(foreign.contains(swedish_finding));
}
