//! The language-neutral vectors of `tests/vectors/`: the same inputs and answers
//! the Python and Kotlin suites read.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::PathBuf;

use hanke::{BusinessId, Money, ProjectCode, Rate};
use serde_json::Value;

fn vectors(name: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/vectors")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text).unwrap();
    let cases = doc["cases"].as_array().unwrap().clone();
    assert!(!cases.is_empty(), "{name} has no cases");
    cases
}

#[test]
fn money_parse() {
    for case in vectors("money_parse.json") {
        let input = case["input"].as_str().unwrap();
        let parsed = input.parse::<Money>();
        match case.get("error") {
            Some(code) => assert_eq!(
                parsed.unwrap_err().code(),
                code.as_str().unwrap(),
                "{input:?}"
            ),
            None => {
                let m = parsed.unwrap_or_else(|e| panic!("{input:?}: {e}"));
                assert_eq!(m.cents(), case["cents"].as_i64().unwrap(), "{input:?}");
                assert_eq!(
                    m.to_plain_string(),
                    case["plain"].as_str().unwrap(),
                    "{input:?}"
                );
                assert_eq!(
                    m.to_string(),
                    case["display"].as_str().unwrap(),
                    "{input:?}"
                );
                assert_eq!(
                    m.to_string().parse::<Money>().unwrap(),
                    m,
                    "display must parse back"
                );
            }
        }
    }
}

#[test]
fn shares() {
    for case in vectors("shares.json") {
        let part: Money = case["part"].as_str().unwrap().parse().unwrap();
        let whole: Money = case["whole"].as_str().unwrap().parse().unwrap();
        let share = Rate::ratio(part, whole).unwrap();
        assert_eq!(
            share.to_percent_string(2),
            case["percent"].as_str().unwrap(),
            "{case}"
        );
    }
}

#[test]
fn business_ids() {
    for case in vectors("business_id.json") {
        let input = case["input"].as_str().unwrap();
        match case.get("error") {
            Some(code) => assert_eq!(
                input.parse::<BusinessId>().unwrap_err().code(),
                code.as_str().unwrap(),
                "{input:?}"
            ),
            None => assert_eq!(
                input.parse::<BusinessId>().unwrap().to_string(),
                case["canonical"].as_str().unwrap()
            ),
        }
    }
}

#[test]
fn project_codes() {
    for case in vectors("project_code.json") {
        let input = case["input"].as_str().unwrap();
        if let Some(code) = case.get("error") {
            assert_eq!(
                input.parse::<ProjectCode>().unwrap_err().code(),
                code.as_str().unwrap()
            );
            continue;
        }
        let code: ProjectCode = input.parse().unwrap();
        assert_eq!(code.to_string(), case["canonical"].as_str().unwrap());
        assert_eq!(
            serde_json::to_value(code.fund()).unwrap(),
            case["fund"],
            "{input}"
        );
        assert_eq!(
            serde_json::to_value(code.period()).unwrap(),
            case["period"],
            "{input}"
        );
    }
}

fn tally_from(v: &Value) -> hanke::indicator::Tally {
    let n = |k: &str| v.get(k).and_then(Value::as_u64).unwrap_or(0);
    hanke::indicator::Tally {
        women: n("women"),
        men: n("men"),
        non_binary: n("non_binary"),
        unknown: n("unknown"),
    }
}

#[test]
fn indicators() {
    use hanke::import::{ImportOptions, read_participants_csv};
    use hanke::indicator::{Catalogue, CommonIndicators};
    use hanke::rulebook::Rulebook;

    // Each case's records in the JSON record form, for the bindings that read
    // records rather than files (Kotlin): generated here, kept equal by this
    // test (HANKE_BLESS=1 rewrites it). Identity codes are left out — they are
    // synthetic, and the records carry the birth dates they give.
    let mut as_json = serde_json::Map::new();
    for case in vectors("indicators.json") {
        let name = case["name"].as_str().unwrap();
        let catalogue = Catalogue::from_code(case["catalogue"].as_str().unwrap()).unwrap();
        let base = Rulebook::for_period(catalogue.period())
            .unwrap()
            .participants()
            .unwrap();
        let rules = &match case.get("objective").and_then(Value::as_str) {
            Some(o) => base.for_objective(o).unwrap(),
            None => *base,
        };
        let text = match case.get("participants_file") {
            Some(path) => {
                let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                    .join("../..")
                    .join(path.as_str().unwrap());
                std::fs::read_to_string(path).unwrap()
            }
            None => case["participants_csv"].as_str().unwrap().to_string(),
        };
        let mut options = ImportOptions::default();
        options.accept_temporary_codes = case
            .get("accept_temporary_codes")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let (people, report) = read_participants_csv(text.as_bytes(), options).unwrap();
        assert_eq!(report.rejected, 0, "{name}: {:?}", report.rejections);
        let mut records = serde_json::to_value(&people).unwrap();
        for r in records.as_array_mut().unwrap() {
            r.as_object_mut().unwrap().remove("identity_code");
        }
        as_json.insert(name.to_string(), records);
        let cut_off = case["cut_off"]
            .as_str()
            .map(|d| d.parse::<chrono::NaiveDate>().unwrap());
        let ind = CommonIndicators::compute(catalogue, rules, cut_off, &people).unwrap();
        let expected = &case["expected"];
        assert_eq!(
            ind.grand_total(),
            tally_from(&expected["grand_total"]),
            "{name}"
        );
        assert_eq!(
            ind.incomplete(),
            tally_from(&expected["incomplete"]),
            "{name}"
        );
        assert_eq!(
            ind.not_yet_entered(),
            expected
                .get("not_yet_entered")
                .and_then(Value::as_u64)
                .unwrap_or(0),
            "{name}"
        );
        let listed = expected["indicators"].as_object().unwrap();
        for (code, want) in listed {
            let got = ind.get(code).unwrap_or_else(|| panic!("{name}: {code}"));
            match want.as_u64() {
                Some(total) => assert_eq!(got.total(), total, "{name}: {code}"),
                None => assert_eq!(got, tally_from(want), "{name}: {code}"),
            }
        }
        if case["exhaustive"].as_bool().unwrap() {
            for v in ind.values() {
                if let Some(t) = v.value {
                    if !listed.contains_key(v.indicator.code) {
                        assert_eq!(t.total(), 0, "{name}: {} should be 0", v.indicator.code);
                    }
                }
            }
        }
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/vectors/indicators_participants.json");
    let text = serde_json::to_string_pretty(&Value::Object(as_json)).unwrap() + "\n";
    if std::env::var_os("HANKE_BLESS").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    assert!(
        std::fs::read_to_string(&path).unwrap_or_default() == text,
        "tests/vectors/indicators_participants.json is stale: run HANKE_BLESS=1 cargo test -p hanke --test vectors indicators"
    );
}

#[test]
fn small_numbers() {
    use hanke::disclosure::SmallNumbers;
    for case in vectors("small_numbers.json") {
        let counts: Vec<u64> = case["counts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        let b = SmallNumbers::new(case["min_group"].as_u64().unwrap()).breakdown(&counts);
        let cells: Vec<Option<u64>> = b.cells.iter().map(|c| c.value()).collect();
        let want: Vec<Option<u64>> = case["cells"]
            .as_array()
            .unwrap()
            .iter()
            .map(Value::as_u64)
            .collect();
        assert_eq!(cells, want, "{}", case["name"]);
        assert_eq!(b.total.value(), case["total"].as_u64(), "{}", case["name"]);
    }
}

/// The result tables' columns, as every binding gives them
/// (`tests/vectors/result_tables.json`, read by the Python and Kotlin suites):
/// one table definition in the core, the same columns everywhere (issue 25).
#[test]
fn result_table_columns() {
    use hanke::export::table::ResultTable;
    let rules = hanke::rulebook::ParticipantRules::for_period(
        hanke::programme::ProgrammePeriod::Period2021To2027,
    )
    .unwrap();
    let ind = hanke::indicator::CommonIndicators::compute(
        hanke::indicator::Catalogue::EsfPlus,
        rules,
        None,
        &[],
    )
    .unwrap();
    let tables = [
        ResultTable::findings(&[]),
        ResultTable::indicators(&ind),
        ResultTable::published_indicators(&ind.for_publication(Default::default())),
        hanke::errors::rule_table(),
        hanke::sfc::Table6::aggregate(&[], "2024-12-31".parse().unwrap())
            .unwrap()
            .result_table(),
        hanke::sfc::Table10::aggregate(&[], "2024-12-31".parse().unwrap())
            .unwrap()
            .result_table(),
    ];
    let mut doc = serde_json::Map::new();
    for t in &tables {
        assert!(t.is_rectangular(), "{}", t.name);
        doc.insert(t.name.to_string(), serde_json::json!(t.names()));
    }
    let fresh = serde_json::to_string_pretty(&Value::Object(doc)).unwrap() + "\n";
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/result_tables.json");
    if std::env::var_os("HANKE_BLESS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    assert!(
        std::fs::read_to_string(&path).unwrap_or_default() == fresh,
        "tests/vectors/result_tables.json is stale: run HANKE_BLESS=1 cargo test -p hanke --test vectors result_table"
    );
}

/// Keyed pseudonyms (`tests/vectors/pseudonyms.json`, computed with Python's
/// `hmac` independently of hanke): what a phone computes before it syncs is
/// what the server and a notebook compute (issue 26).
#[test]
fn pseudonyms() {
    use hanke::participant::Pseudonymiser;
    for case in vectors("pseudonyms.json") {
        let p = Pseudonymiser::new(case["secret"].as_str().unwrap().as_bytes()).unwrap();
        let got = p
            .pseudonym_of(case["code"].as_str().unwrap(), true)
            .unwrap();
        assert_eq!(
            got.to_string(),
            case["pseudonym"].as_str().unwrap(),
            "{case}"
        );
    }
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/pseudonyms.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for case in doc["refused"].as_array().unwrap() {
        let code = case["code"].as_str().unwrap();
        let got = Pseudonymiser::new(case["secret"].as_str().unwrap().as_bytes())
            .map_err(|e| e.code())
            .and_then(|p| p.pseudonym_of(code, true).map_err(|e| e.code()));
        assert_eq!(got.unwrap_err(), case["error"].as_str().unwrap(), "{case}");
    }
}

/// Three-way merges of synced records (`tests/vectors/merges.json`, written by
/// hand from the rules; Python and Kotlin run the same cases through their APIs).
#[test]
fn merges() {
    use hanke::participant::Pseudonymiser;
    use hanke::programme::ProgrammePeriod;
    use hanke::questionnaire::{Form, FormVersion, Questionnaire};
    use hanke::rulebook::Rulebook;
    use hanke::sync::{Conflict, Side, Stamp, SyncRecord, merge};

    fn answers(v: &Value) -> Vec<(String, String)> {
        v.as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect()
    }
    fn pairs(a: &[(String, String)]) -> Vec<(&str, &str)> {
        a.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
    }
    fn fields(r: &SyncRecord) -> Value {
        r.fields()
            .filter_map(|(k, s)| s.value.clone().map(|v| (k.to_string(), Value::from(v))))
            .collect::<serde_json::Map<_, _>>()
            .into()
    }
    let text = |v: &Option<String>| v.clone().map_or(Value::Null, Value::from);

    for case in vectors("merges.json") {
        let name = case["name"].as_str().unwrap();
        let period: ProgrammePeriod = case["period"].as_str().unwrap().parse().unwrap();
        let rules = Rulebook::for_period(period)
            .unwrap()
            .participants()
            .unwrap();
        let form = FormVersion::current(period).unwrap();
        let stamp = |op: &Value| {
            Stamp::new(op["at"].as_str().unwrap(), op["by"].as_str().unwrap(), form).unwrap()
        };
        let keys = case["secret"]
            .as_str()
            .map(|s| Pseudonymiser::new(s.as_bytes()).unwrap());
        let entry = Questionnaire::new(rules, Form::Entry);
        let given = answers(&case["ancestor"]["answers"]);
        let p = entry
            .answer_entry(case["id"].as_str().unwrap(), &pairs(&given))
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let ancestor =
            SyncRecord::capture(&p, rules, &stamp(&case["ancestor"]), keys.as_ref()).unwrap();
        let apply = |ops: &Value| {
            let mut r = ancestor.clone();
            for op in ops.as_array().unwrap() {
                let s = stamp(op);
                match op["op"].as_str().unwrap() {
                    "edit" => {
                        r.edit(&pairs(&answers(&op["answers"])), rules, &s)
                            .unwrap_or_else(|e| panic!("{name}: {e}"));
                    }
                    "reenter" => {
                        let day = op["date"].as_str().unwrap().parse().unwrap();
                        r.reenter(day, rules, &s).unwrap();
                    }
                    "delete" => r.delete(&s).unwrap(),
                    other => panic!("{name}: unknown op {other}"),
                }
            }
            r
        };
        let (local, remote) = (apply(&case["local"]), apply(&case["remote"]));
        let mut outcome = merge(&ancestor, &local, &remote).unwrap();
        let expect = &case["expect"];
        assert_eq!(
            fields(outcome.preview()),
            expect["fields"],
            "{name}: fields"
        );
        assert_eq!(
            outcome.preview().deleted().is_some(),
            expect["deleted"].as_bool().unwrap(),
            "{name}: deleted"
        );
        let conflicts: Vec<Value> = outcome
            .conflicts()
            .iter()
            .map(|c| match c {
                Conflict::Field {
                    field,
                    ancestor,
                    local,
                    remote,
                } => serde_json::json!({
                    "kind": "field", "field": field, "ancestor": text(ancestor),
                    "local": text(&local.value), "remote": text(&remote.value)}),
                Conflict::DeleteVsEdit {
                    deleted_on, edited, ..
                } => serde_json::json!({
                    "kind": "delete_vs_edit", "deleted_on": deleted_on.code(), "edited": edited}),
                Conflict::ExitVsReentry {
                    exit_on,
                    exit_date,
                    reentry_date,
                } => serde_json::json!({
                    "kind": "exit_vs_reentry", "exit_on": exit_on.code(),
                    "exit_date": exit_date.to_string(), "reentry_date": reentry_date.to_string()}),
                other => panic!("{name}: a conflict the vectors do not know: {other:?}"),
            })
            .collect();
        assert_eq!(
            Value::from(conflicts),
            expect["conflicts"],
            "{name}: conflicts"
        );
        let notes: Vec<&str> = outcome.notes().iter().map(|f| f.rule_id).collect();
        assert_eq!(serde_json::json!(notes), expect["notes"], "{name}: notes");
        if outcome.unresolved() > 0 {
            assert_eq!(
                outcome.clone().into_record().unwrap_err().code(),
                "sync.unresolved"
            );
        }
        if let Some(resolve) = expect.get("resolve") {
            let side = match resolve["side"].as_str().unwrap() {
                "local" => Side::Local,
                _ => Side::Remote,
            };
            let index = usize::try_from(resolve["index"].as_u64().unwrap()).unwrap();
            outcome.resolve(index, side, &stamp(resolve)).unwrap();
            let record = outcome.into_record().unwrap();
            assert_eq!(
                fields(&record),
                resolve["fields"],
                "{name}: resolved fields"
            );
            assert_eq!(
                record.deleted().is_some(),
                resolve["deleted"].as_bool().unwrap_or(false),
                "{name}: resolved deletion"
            );
        }
        // The wire form round-trips, and never holds an identity code.
        let json = local.to_json().unwrap();
        assert!(!hanke::ids::holds_identity_code(&json), "{name}");
        assert_eq!(SyncRecord::from_json(&json).unwrap(), local, "{name}: JSON");
    }
}

/// `days.json`: the one grammar of a day, through the parser and through a
/// synced record's re-entry answer (what a device sends as text).
#[test]
fn days() {
    use hanke::participant::Participant;
    use hanke::rulebook::Rulebook;
    use hanke::sync::{Stamp, SyncRecord};
    let rules = Rulebook::for_period(hanke::programme::ProgrammePeriod::Period2021To2027)
        .unwrap()
        .participants()
        .unwrap();
    let stamp = Stamp::current("2024-03-10T08:00:00Z", "device:phone-a", rules).unwrap();
    let p = Participant::new(
        "P1".parse().unwrap(),
        chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
    );
    let record = SyncRecord::capture(&p, rules, &stamp, None).unwrap();
    for case in vectors("days.json") {
        let input = case["input"].as_str().unwrap();
        let day = case["day"].as_str();
        let parsed = hanke::day::parse_day(input).ok().map(|d| d.to_string());
        assert_eq!(parsed.as_deref(), day, "{input:?}");
        let mut r = record.clone();
        match (r.edit(&[("reentry_date", input)], rules, &stamp), day) {
            (Ok(_), Some(d)) => assert_eq!(r.value("reentry_date"), Some(d), "{input:?}"),
            (Err(e), None) => assert_eq!(e.code(), "sync.answers_rejected", "{input:?}"),
            (got, _) => panic!("{input:?}: {got:?}"),
        }
    }
}
