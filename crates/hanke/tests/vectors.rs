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
