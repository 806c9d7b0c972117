//! Every JSON reader of hanke refuses a key given twice in any object (issue
//! 22): serde would keep the last value without a word. Each bundled document
//! is written again with one object's first key repeated — every object in
//! turn — and every reader must refuse each of those texts with its own code
//! and a message naming the key.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::PathBuf;

use hanke::activity::ActivityLog;
use hanke::assessment::Instrument;
use hanke::indicator::{Catalogue, CommonIndicators};
use hanke::participant::{Participant, participants_from_json_str};
use hanke::programme::ProgrammePeriod;
use hanke::project::Project;
use hanke::rulebook::Rulebook;
use hanke::synthetic::duuniin_coaching;
use serde_json::Value;

fn read(path: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data")
        .join(path);
    std::fs::read_to_string(p).unwrap()
}

/// `value` as JSON text with the first key of its `target`-th object (in
/// document order) written twice; whether there was such an object.
fn with_repeated_key(value: &Value, target: usize) -> (String, bool) {
    fn write(v: &Value, target: usize, seen: &mut usize, out: &mut String, done: &mut bool) {
        match v {
            Value::Object(map) => {
                let this = *seen;
                *seen += 1;
                out.push('{');
                let mut first = true;
                for (i, (k, val)) in map.iter().enumerate() {
                    let times = if this == target && i == 0 { 2 } else { 1 };
                    for _ in 0..times {
                        if !first {
                            out.push(',');
                        }
                        first = false;
                        out.push_str(&serde_json::to_string(k).unwrap());
                        out.push(':');
                        write(val, target, seen, out, done);
                    }
                    if times == 2 {
                        *done = true;
                    }
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(item, target, seen, out, done);
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let (mut out, mut seen, mut done) = (String::new(), 0, false);
    write(value, target, &mut seen, &mut out, &mut done);
    (out, done)
}

/// A reader under test: `Err((code, message))` when it refuses the text.
type Reader = dyn Fn(&str) -> Result<(), (String, String)>;

/// Every variant of `text` with one key repeated is refused by `reader`
/// with `code`; the text itself is read.
fn every_repeat_refused(what: &str, text: &str, code: &str, reader: &Reader) {
    assert!(reader(text).is_ok(), "{what}: the document itself reads");
    let value: Value = serde_json::from_str(text).unwrap();
    fn objects(v: &Value) -> usize {
        match v {
            Value::Object(m) => 1 + m.values().map(objects).sum::<usize>(),
            Value::Array(items) => items.iter().map(objects).sum(),
            _ => 0,
        }
    }
    let mut checked = 0;
    for target in 0..objects(&value) {
        // An object with no key has nothing to repeat.
        let (variant, repeated) = with_repeated_key(&value, target);
        if !repeated {
            continue;
        }
        let (got, message) =
            reader(&variant).expect_err(&format!("{what}: object {target} repeated"));
        assert_eq!(got, code, "{what}: {message}");
        assert!(message.contains("duplicate key"), "{what}: {message}");
        checked += 1;
    }
    assert!(checked > 0, "{what}: no object checked");
}

#[test]
fn every_json_reader_refuses_a_key_given_twice() {
    for name in [
        "toimet_S22026",
        "keko",
        "lahde_mukaan_S20250",
        "yhteiskunnalliset_yritykset_esr_plus",
    ] {
        every_repeat_refused(
            name,
            &read(&format!("projects/{name}.json")),
            "json.data",
            &|t| {
                Project::from_json_str(t)
                    .map(|_| ())
                    .map_err(|e| (e.code().to_string(), e.to_string()))
            },
        );
    }
    for name in ["keko", "lahde_mukaan_S20250", "paikka_auki_koordinaatio"] {
        every_repeat_refused(
            name,
            &read(&format!("activities/{name}.json")),
            "activity.json",
            &|t| {
                ActivityLog::from_json_str(t)
                    .map(|_| ())
                    .map_err(|e| (e.code().to_string(), e.to_string()))
            },
        );
    }
    every_repeat_refused(
        "instrument",
        &read("instruments/voimavarat.json"),
        "assessment.json",
        &|t| {
            Instrument::from_json_str(t)
                .map(|_| ())
                .map_err(|e| (e.code().to_string(), e.to_string()))
        },
    );
    let rules = Rulebook::for_period(ProgrammePeriod::Period2014To2020)
        .unwrap()
        .participants()
        .unwrap();
    let people = duuniin_coaching();
    let indicators = CommonIndicators::compute(Catalogue::Esf2014, rules, None, &people).unwrap();
    every_repeat_refused(
        "indicators",
        &indicators.to_json_string().unwrap(),
        "indicator.json",
        &|t| {
            CommonIndicators::from_json_str(t)
                .map(|_| ())
                .map_err(|e| (e.code().to_string(), e.to_string()))
        },
    );
    let records = serde_json::to_string(&people[..3]).unwrap();
    every_repeat_refused("participants", &records, "participant.json", &|t| {
        participants_from_json_str(t)
            .map(|_| ())
            .map_err(|e| (e.code().to_string(), e.to_string()))
    });
    let one = serde_json::to_string(&people[0]).unwrap();
    every_repeat_refused("participant", &one, "participant.json", &|t| {
        Participant::from_json_str(t)
            .map(|_| ())
            .map_err(|e| (e.code().to_string(), e.to_string()))
    });
}

#[test]
fn participant_json_round_trips_and_refuses_unknown_fields() {
    // Identity codes are never written, so they do not come back.
    let people: Vec<Participant> = duuniin_coaching()
        .into_iter()
        .map(|mut p| {
            p.identity_code = None;
            p
        })
        .collect();
    let text = serde_json::to_string(&people).unwrap();
    assert!(participants_from_json_str(&text).unwrap() == people);
    let one = serde_json::to_string(&people[0]).unwrap();
    // A field the record does not have is refused, never ignored — an
    // identity code among them.
    let extra = one.replacen("{", "{\"identity_code\":\"010190-900P\",", 1);
    let e = Participant::from_json_str(&extra).unwrap_err();
    assert_eq!(e.code(), "participant.json");
    assert!(e.to_string().contains("identity_code"));
    assert!(!e.to_string().contains("900P"));
    let e = Participant::from_json_str(&format!("{one} x")).unwrap_err();
    assert_eq!(e.code(), "participant.json");
}
