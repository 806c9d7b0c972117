//! Self-assessment before and after: the example instrument, one person's change
//! per area, a group summary, and the errors.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use hanke::assessment::{AssessmentError, Instrument, Responses};

fn instrument() -> Instrument {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/data/instruments/voimavarat.json"
    );
    Instrument::from_json_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

const ID: &str = "hanke-voimavarat-1";

#[test]
fn one_person_changes_per_area() {
    let i = instrument();
    assert_eq!(i.areas.len(), 5);
    let before = Responses::new(
        ID,
        [
            ("overall_now", 3),
            ("sleep_and_rest", 4),
            ("energy", 5),
            ("routines", 2),
            ("belonging", 6),
        ],
    );
    let after = Responses::new(
        ID,
        [
            ("overall_now", 6),
            ("sleep_and_rest", 6),
            ("energy", 6),
            ("routines", 3),
            ("money_matters", 4),
            ("belonging", 6),
        ],
    );
    let c = i.change(&before, &after).unwrap();
    let shown: Vec<(&str, String, String, String)> = c
        .iter()
        .map(|a| {
            (
                a.area.as_str(),
                a.before.to_string(),
                a.after.to_string(),
                a.change.to_string(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("overall", "3,0".into(), "6,0".into(), "+3,0".into()),
            // (4 + 5) / 2 = 4,5 → (6 + 6) / 2 = 6,0
            ("wellbeing", "4,5".into(), "6,0".into(), "+1,5".into()),
            // 2 → (3 + 4) / 2 = 3,5
            ("everyday", "2,0".into(), "3,5".into(), "+1,5".into()),
            ("people", "6,0".into(), "6,0".into(), "0,0".into()),
            // no answers: nothing to compare
            ("work_and_study", "–".into(), "–".into(), "–".into()),
        ]
    );
}

#[test]
fn group_summary_is_exact() {
    let i = instrument();
    let pairs = vec![
        (
            Responses::new(ID, [("overall_now", 3)]),
            Responses::new(ID, [("overall_now", 6)]),
        ),
        (
            Responses::new(ID, [("overall_now", 5)]),
            Responses::new(ID, [("overall_now", 5)]),
        ),
        (
            Responses::new(ID, [("overall_now", 7)]),
            Responses::new(ID, [("overall_now", 6)]),
        ),
    ];
    let g = i.group_change(&pairs).unwrap();
    let overall = &g[0];
    assert_eq!(
        (
            overall.people,
            overall.improved,
            overall.same,
            overall.worse
        ),
        (3, 1, 1, 1)
    );
    // (+3 + 0 − 1) / 3 = 2/3 → +0,7
    assert_eq!((overall.mean_change.num, overall.mean_change.den), (2, 3));
    assert_eq!(overall.mean_change.to_string(), "+0,7");
    assert_eq!(g[1].people, 0);
}

#[test]
fn bad_answers_and_instruments_are_errors_with_codes() {
    let i = instrument();
    let e = i
        .scores(&Responses::new(ID, [("overall_now", 11)]))
        .unwrap_err();
    assert_eq!(e.code(), "assessment.out_of_scale");
    let e = i
        .scores(&Responses::new(ID, [("shoe_size", 4)]))
        .unwrap_err();
    assert!(matches!(e, AssessmentError::UnknownItem(ref s) if s == "shoe_size"));
    let e = i
        .scores(&Responses::new("other", [("overall_now", 4)]))
        .unwrap_err();
    assert_eq!(e.code(), "assessment.other_instrument");
    let e = Instrument::from_json_str(
        r#"{"id":"x","name":{"fi":"","sv":"","en":""},"scale":{"min":5,"max":5},"areas":[]}"#,
    )
    .unwrap_err();
    assert_eq!(e.code(), "assessment.instrument");
    let e = Instrument::from_json_str(r#"{"id":"x"}"#).unwrap_err();
    assert_eq!(e.code(), "assessment.json");
}

/// A group whose people answered different numbers of items (here a prime
/// number each) sums fractions over a growing common denominator; past what
/// i128 holds the answer is `assessment.overflow`, not a panic or a wrong mean
/// (found by `clippy::arithmetic_side_effects`).
#[test]
fn a_mean_too_exact_to_hold_is_an_error() {
    let items: Vec<String> = (0..200).map(|k| format!("q{k}")).collect();
    let json = format!(
        r#"{{"id": "wide", "name": {{"fi": "W", "sv": "W", "en": "W"}}, "scale": {{"min": 0, "max": 10}},
            "areas": [{{"id": "all", "label": {{"fi": "A", "sv": "A", "en": "A"}},
                        "items": [{}]}}]}}"#,
        items
            .iter()
            .map(|id| format!(r#"{{"id": "{id}", "label": {{"fi": "Q", "sv": "Q", "en": "Q"}}}}"#))
            .collect::<Vec<_>>()
            .join(",")
    );
    let i = Instrument::from_json_str(&json).unwrap();
    let primes: Vec<usize> = (2..200).filter(|n| (2..*n).all(|d| n % d != 0)).collect();
    let pairs: Vec<(Responses, Responses)> = primes
        .iter()
        .map(|&p| {
            // Mean 1/p before, 0 after: a change of −1/p.
            let before = Responses::new(
                "wide",
                items
                    .iter()
                    .take(p)
                    .enumerate()
                    .map(|(k, id)| (id.as_str(), u8::from(k == 0))),
            );
            (before, Responses::new("wide", [("q0", 0)]))
        })
        .collect();
    // The first few primes still fit: −(1/2 + 1/3 + 1/5) / 3 = −31/90.
    let g = i.group_change(&pairs[..3]).unwrap();
    assert_eq!((g[0].mean_change.num, g[0].mean_change.den), (-31, 90));
    let e = i.group_change(&pairs).unwrap_err();
    assert_eq!(e.code(), "assessment.overflow");
}
