//! The adversarial corpus (`tests/vectors/adversarial.json`, issue 23), pushed
//! through every output of the core: errors, findings, the Markdown and JSON
//! reports, the IATI XML, the Kohesio CSV, the participant file and its import
//! account, the questionnaire's field errors. No code in any of its spellings,
//! no live markup and no spreadsheet formula comes out, and nothing panics.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use chrono::NaiveDate;
use hanke::export::iati::{IatiOptions, to_iati_xml};
use hanke::export::kohesio;
use hanke::import::{ImportOptions, read_participants_csv};
use hanke::lang::Language;
use hanke::project::Project;
use hanke::report::{EsrReport, ReportInputs};
use hanke::{BusinessId, Money, ProjectCode, Rate};
use serde_json::Value;

fn corpus() -> Value {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/adversarial.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn codes() -> Vec<(String, String)> {
    corpus()["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["text"].as_str().unwrap().to_string(),
                c["secret"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn strings(key: &str) -> Vec<String> {
    corpus()[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// Every hostile text of the corpus.
fn hostile() -> Vec<String> {
    let mut all: Vec<String> = codes().into_iter().map(|(t, _)| t).collect();
    all.extend(strings("markup"));
    all.extend(strings("formulas"));
    all
}

/// No secret of any code, in any case, no live tag.
fn assert_safe(what: &str, out: &str) {
    let upper = out.to_uppercase();
    for (_, secret) in codes() {
        assert!(
            !upper.contains(&secret.to_uppercase()),
            "{what}: {secret} in {out}"
        );
    }
    for tag in ["<img", "<script", "<b>"] {
        assert!(!out.contains(tag), "{what}: {tag} in {out}");
    }
}

/// A bundled project with `text` in its free-text fields.
fn project_with(text: &str) -> Project {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data/projects/toimet_S22026.json");
    let mut p = Project::from_json_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    p.name = format!("{text} hanke");
    p.acronym = Some(text.to_string());
    for i in &mut p.implementers {
        i.organisation.name = text.to_string();
        i.description = Some(format!("kuvaus {text}"));
    }
    p
}

#[test]
fn reports_and_exports_publish_nothing_hostile() {
    let cut_off = NaiveDate::from_ymd_opt(2021, 1, 31).unwrap();
    for text in hostile() {
        let p = project_with(&text);
        let report = EsrReport::new(&p, cut_off, ReportInputs::default());
        for lang in [Language::Fi, Language::En] {
            assert_safe("markdown", &report.to_markdown(lang));
        }
        assert_safe("json", &report.to_json().unwrap());
        for f in &report.findings {
            assert_safe("finding", &f.to_string());
        }
        if let Ok(xml) = to_iati_xml(&p, &IatiOptions::new(cut_off)) {
            assert_safe("iati", &xml);
        }
        let csv = kohesio::to_csv(std::slice::from_ref(&p));
        assert_safe("kohesio", &csv);
        // No cell a spreadsheet would run: every cell starting with a formula
        // character is quoted with a leading `'`.
        let mut reader = csv.lines().skip(1);
        let row = reader.next().unwrap();
        for formula in strings("formulas") {
            assert!(!row.contains(&format!(",{formula}")), "kohesio: {row}");
        }
        // A code in the project's texts is said, so that the source is corrected.
        if codes().iter().any(|(t, _)| *t == text) {
            assert!(
                report.findings.iter().any(|f| f.rule_id == "PUB-CODE-001"),
                "{text}"
            );
        }
    }
}

#[test]
fn errors_of_every_parser_mask_what_they_echo() {
    for text in hostile() {
        let errors: Vec<String> = [
            text.parse::<Money>().err().map(|e| e.to_string()),
            text.parse::<Rate>().err().map(|e| e.to_string()),
            text.parse::<BusinessId>().err().map(|e| e.to_string()),
            text.parse::<ProjectCode>().err().map(|e| e.to_string()),
            text.parse::<hanke::classify::MunicipalityCode>()
                .err()
                .map(|e| e.to_string()),
            text.parse::<hanke::project::ApproxDate>()
                .err()
                .map(|e| e.to_string()),
            text.parse::<hanke::participant::ParticipantId>()
                .err()
                .map(|e| e.to_string()),
            Project::from_json_str(&format!("{{\"name\": 1, \"{text}\": 2}}"))
                .err()
                .map(|e| e.to_string()),
            hanke::participant::Participant::from_json_str(&format!("{{\"{text}\": 1}}"))
                .err()
                .map(|e| e.to_string()),
            hanke::activity::ActivityLog::from_json_str(&format!(
                "{{\"activities\": [{{\"kind\": \"{text}\"}}]}}"
            ))
            .err()
            .map(|e| e.to_string()),
        ]
        .into_iter()
        .flatten()
        .collect();
        assert!(!errors.is_empty());
        for e in errors {
            assert_safe("error", &e);
        }
    }
}

#[test]
fn the_participant_file_and_its_account() {
    for text in hostile() {
        let escaped = text.replace('"', "\"\"");
        let csv = format!(
            "participant_id,entry_date,gender\n\"{escaped}\",2016-03-01,\"{escaped}\"\nP2,\"{escaped}\",woman\n"
        );
        let (people, report) =
            read_participants_csv(csv.as_bytes(), ImportOptions::default()).unwrap();
        assert!(report.is_balanced());
        for f in report.rejections.iter().chain(&report.findings) {
            assert_safe("import", &f.to_string());
            assert_safe("import", f.message_fi.as_str());
            assert_safe("import", f.message_sv.as_str());
        }
        for p in &people {
            assert_safe("record", &format!("{p:?}"));
            assert_safe("record", &serde_json::to_string(p).unwrap());
        }
    }
    // A formula written into the file comes back as it was, and is never a
    // cell a spreadsheet would run.
    for formula in strings("formulas") {
        let Ok(id) = formula.parse::<hanke::participant::ParticipantId>() else {
            continue;
        };
        let p =
            hanke::participant::Participant::new(id, NaiveDate::from_ymd_opt(2016, 3, 1).unwrap());
        let mut out = Vec::new();
        hanke::import::write_participants_csv(
            &mut out,
            std::slice::from_ref(&p),
            hanke::import::IdentityCodes::Omit,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let row = text.lines().nth(1).unwrap();
        assert!(row.starts_with("\"'"), "{row}");
        let (back, _) = read_participants_csv(text.as_bytes(), ImportOptions::default()).unwrap();
        assert_eq!(back[0].id, id);
    }
}

#[test]
fn the_questionnaire_masks_what_it_echoes() {
    use hanke::programme::ProgrammePeriod;
    use hanke::questionnaire::{Form, Questionnaire};
    let rules = hanke::rulebook::Rulebook::for_period(ProgrammePeriod::Period2021To2027)
        .unwrap()
        .participants()
        .unwrap();
    let q = Questionnaire::new(rules, Form::Entry);
    for text in hostile() {
        let answers = [
            (text.as_str(), "x"),
            ("entry_date", text.as_str()),
            ("gender", text.as_str()),
        ];
        let errors = q.answer_entry(&text, &answers).unwrap_err();
        for e in errors {
            assert_safe(
                "questionnaire",
                &format!(
                    "{} {} {} {} {}",
                    e.path, e.rule_id, e.message_en, e.message_fi, e.message_sv
                ),
            );
        }
    }
}

#[test]
fn extreme_arguments_are_coded_errors() {
    for d in corpus()["extreme"]["percent_decimals"].as_array().unwrap() {
        let e = Rate::new(1, 3)
            .unwrap()
            .try_to_percent_string(d.as_i64().unwrap())
            .unwrap_err();
        assert_eq!(e.code(), "money.decimals");
    }
}

/// A byte-order mark at the start is not data (RFC 8259 §8.1): every JSON
/// reader takes it off; anything after the value is refused by every reader.
#[test]
fn every_json_reader_takes_a_bom_and_refuses_what_follows_the_value() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/data");
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    let project = read("projects/toimet_S22026.json");
    let activities = read("activities/keko.json");
    let instrument = read("instruments/voimavarat.json");
    let participant = serde_json::to_string(&hanke::participant::Participant::new(
        "P1".parse().unwrap(),
        NaiveDate::from_ymd_opt(2016, 3, 1).unwrap(),
    ))
    .unwrap();
    type Reader = Box<dyn Fn(&str) -> Result<(), String>>;
    let readers: Vec<(&str, String, Reader)> = vec![
        (
            "project",
            project,
            Box::new(|t| {
                Project::from_json_str(t)
                    .map(drop)
                    .map_err(|e| e.to_string())
            }),
        ),
        (
            "activities",
            activities,
            Box::new(|t| {
                hanke::activity::ActivityLog::from_json_str(t)
                    .map(drop)
                    .map_err(|e| e.to_string())
            }),
        ),
        (
            "instrument",
            instrument,
            Box::new(|t| {
                hanke::assessment::Instrument::from_json_str(t)
                    .map(drop)
                    .map_err(|e| e.to_string())
            }),
        ),
        (
            "participant",
            participant,
            Box::new(|t| {
                hanke::participant::Participant::from_json_str(t)
                    .map(drop)
                    .map_err(|e| e.to_string())
            }),
        ),
    ];
    for (what, text, reader) in &readers {
        reader(text).unwrap_or_else(|e| panic!("{what}: {e}"));
        reader(&format!("\u{feff}{text}")).unwrap_or_else(|e| panic!("{what} with a BOM: {e}"));
        assert!(
            reader(&format!("{text} {{}}")).is_err(),
            "{what}: trailing value accepted"
        );
        assert!(
            reader(&format!("\u{feff}\u{feff}{text}")).is_err(),
            "{what}: two BOMs"
        );
    }
}
