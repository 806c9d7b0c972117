//! The SFC2021 conformance kit (`conformance/sfc2021/`, issue 27): hanke run on
//! the kit gives the tables derived by hand (`expected/*_nonzero_by_hand.csv`,
//! every non-zero cell with the records behind it) and the full expected tables
//! (`expected/table6.csv`, `table10.csv`); the specification is the code's.
//! `HANKE_BLESS=1` rewrites the full tables and SPEC.md from the code — the
//! hand-derived files are never rewritten.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use hanke::sfc::{CutOff, Row, Table6, Table10, compare, run_kit};

fn kit() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../conformance/sfc2021")
}

fn cut_off() -> CutOff {
    "2024-12-31".parse().unwrap()
}

/// `(objective, region, indicator, gender)` → value, from a hand file.
fn by_hand(name: &str) -> BTreeMap<(String, String, String, String), u64> {
    let text = std::fs::read_to_string(kit().join("expected").join(name)).unwrap();
    let mut out = BTreeMap::new();
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.splitn(6, ',').collect();
        let key = (
            cells[0].into(),
            cells[1].into(),
            cells[2].into(),
            cells[3].into(),
        );
        assert!(
            out.insert(key, cells[4].parse().unwrap()).is_none(),
            "{line}"
        );
    }
    out
}

fn nonzero(rows: &[Row]) -> BTreeMap<(String, String, String, String), u64> {
    rows.iter()
        .filter(|r| r.value > 0)
        .map(|r| {
            (
                (
                    r.objective.to_string(),
                    r.region.to_string(),
                    r.indicator.clone(),
                    r.gender.code().to_string(),
                ),
                r.value,
            )
        })
        .collect()
}

fn check_or_bless(name: &str, got: &str) {
    let path = kit().join(name);
    if std::env::var_os("HANKE_BLESS").is_some() {
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        want == got,
        "{} differs from the code's (HANKE_BLESS=1 rewrites it)",
        path.display()
    );
}

#[test]
fn hanke_gives_the_hand_derived_tables() {
    let run = run_kit(&kit(), cut_off()).unwrap();
    assert_eq!(
        nonzero(run.table6.rows()),
        by_hand("table6_nonzero_by_hand.csv")
    );
    assert_eq!(
        nonzero(run.table10.rows()),
        by_hand("table10_nonzero_by_hand.csv")
    );
    assert!(run.table6.validate().is_empty());
    // The re-entry was merged, and the event on day 29 reported, not used.
    let rules: Vec<&str> = run.findings.iter().map(|f| f.rule_id).collect();
    assert!(rules.contains(&"PART-DUP-001"), "{rules:?}");
    // The follow-up a day outside the six-month window is reported, not used.
    assert!(rules.contains(&"PART-FOLLOW-002"), "{rules:?}");
}

#[test]
fn the_expected_tables_and_the_specification_are_the_codes() {
    let run = run_kit(&kit(), cut_off()).unwrap();
    check_or_bless("expected/table6.csv", &run.table6.to_csv());
    check_or_bless("expected/table10.csv", &run.table10.to_csv());
    check_or_bless("SPEC.md", &hanke::sfc::specification());
    let version = std::fs::read_to_string(kit().join("VERSION")).unwrap();
    assert_eq!(version.trim(), hanke::sfc::KIT_VERSION);
    // Another system's table is compared cell by cell.
    let expected =
        Table6::from_csv(&std::fs::read_to_string(kit().join("expected/table6.csv")).unwrap())
            .unwrap();
    assert!(compare(expected.rows(), run.table6.rows()).is_empty());
    let t10 =
        Table10::from_csv(&std::fs::read_to_string(kit().join("expected/table10.csv")).unwrap())
            .unwrap();
    assert!(compare(t10.rows(), run.table10.rows()).is_empty());
}

/// Every cell of both tables explained down to its operations and records:
/// the shares recount the value, a target-group cell says so, an operation
/// without participants contributes a zero, and no explanation holds an
/// identity code (the kit's re-entry pair has one).
#[test]
fn every_cell_explains_itself() {
    use hanke::sfc::{Basis, explain_cell};
    let run = run_kit(&kit(), cut_off()).unwrap();
    for row in run.table6.rows().iter().chain(run.table10.rows()) {
        let why = explain_cell(&run.operations, &run.people, row).unwrap();
        assert_eq!(why.recount(), row.value, "{row:?}");
        assert_eq!(why.cell, *row);
        let json = serde_json::to_string(&why).unwrap();
        assert!(!hanke::ids::holds_identity_code(&json), "{json}");
    }
    let cell = run
        .table6
        .rows()
        .iter()
        .find(|r| {
            r.region == "less developed" && r.indicator == "EECO12" && r.gender.code() == "woman"
        })
        .unwrap();
    let why = explain_cell(&run.operations, &run.people, cell).unwrap();
    let bases: Vec<(String, Basis, u64)> = why
        .shares
        .iter()
        .map(|s| (s.operation.to_string(), s.basis, s.value))
        .collect();
    assert_eq!(
        bases,
        [
            ("S30103".to_string(), Basis::NoIndividualParticipants, 0),
            ("S30104".to_string(), Basis::TargetGroup, 1)
        ]
    );
    assert_eq!(why.shares[1].records[0].participant.as_str(), "T01");
    // A composite is explained by its parts.
    let cell = run
        .table6
        .rows()
        .iter()
        .find(|r| r.indicator == "EECO02+04+05" && r.value == 7)
        .unwrap();
    let why = explain_cell(&run.operations, &run.people, cell).unwrap();
    assert_eq!(why.parts, ["EECO02", "EECO04", "EECO05"]);
    let mut bad = cell.clone();
    bad.indicator = "EECO99".into();
    assert_eq!(
        explain_cell(&run.operations, &run.people, &bad)
            .unwrap_err()
            .code(),
        "sfc.explain"
    );
}
