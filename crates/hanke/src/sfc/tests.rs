//! A small portfolio with its tables derived by hand (issue 27): three
//! projects, two categories of region, all three genders, one operation without
//! participants, one with a target-group flag; then broken tables that each
//! validation rule catches.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::*;
use crate::classify::EducationLevel;
use crate::indicator::Catalogue;
use crate::participant::{Exit, ExitSituation, Gender, LabourStatus, Participant};
use crate::rulebook::{ParticipantRules, Rulebook};

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn rules() -> &'static ParticipantRules {
    Rulebook::for_period(ProgrammePeriod::Period2021To2027)
        .and_then(|r| r.participants())
        .unwrap()
}

/// A complete record: id, gender, birth, entry, status, education level.
fn person(
    id: &str,
    gender: Gender,
    born: &str,
    entered: &str,
    status: LabourStatus,
    education: u8,
) -> Participant {
    let mut p = Participant::new(id.parse().unwrap(), d(entered));
    p.entry.gender = Some(gender);
    p.entry.birth_date = Some(d(born));
    p.entry.labour_status = Some(status);
    p.entry.education = EducationLevel::from_code(education);
    p
}

fn cut_off() -> CutOff {
    "2024-12-31".parse().unwrap()
}

fn counted(people: &[Participant]) -> Participation {
    Participation::Records(Box::new(
        CommonIndicators::compute(Catalogue::EsfPlus, rules(), Some(cut_off().day()), people)
            .unwrap(),
    ))
}

/// Operation A's records.
fn a_people() -> Vec<Participant> {
    use Gender::*;
    let unemployed = |since| LabourStatus::Unemployed {
        since: Some(d(since)),
    };
    let inactive = |ed| LabourStatus::Inactive {
        in_education_or_training: ed,
    };
    // A: more developed. Aged 24 and unemployed 13 months (long-term under 25),
    // 63 and employed, 15 and a student; one entered after the cut-off; one
    // incomplete (no education: not transmitted, Art 17(5)).
    let mut a1 = person(
        "A1",
        Woman,
        "2000-01-01",
        "2024-02-01",
        unemployed("2023-01-01"),
        3,
    );
    a1.exit = Some(Exit::new(
        d("2024-10-01"),
        Some(ExitSituation::OpenLabourMarket),
    ));
    let mut a2 = person(
        "A2",
        Man,
        "1960-06-01",
        "2024-03-01",
        LabourStatus::Employed,
        6,
    );
    a2.exit = Some(Exit::new(d("2024-11-01"), Some(ExitSituation::Education)));
    let a3 = person(
        "A3",
        NonBinary,
        "2008-05-01",
        "2024-04-01",
        inactive(true),
        2,
    );
    let a4 = person(
        "A4",
        Woman,
        "1990-01-01",
        "2025-01-15",
        LabourStatus::Employed,
        3,
    );
    let mut a5 = person(
        "A5",
        Woman,
        "1990-01-01",
        "2024-05-01",
        LabourStatus::Employed,
        3,
    );
    a5.entry.education = None;
    vec![a1, a2, a3, a4, a5]
}

fn portfolio() -> Vec<Operation> {
    use Gender::*;
    let unemployed = |since| LabourStatus::Unemployed {
        since: Some(d(since)),
    };
    let inactive = |ed| LabourStatus::Inactive {
        in_education_or_training: ed,
    };
    // B: less developed, eligibility requires registered unemployment (EECO02
    // by target group). Aged 34 and inactive; 39 and unemployed 3 months.
    let mut b1 = person("B1", Man, "1990-01-01", "2024-05-01", inactive(false), 3);
    b1.exit = Some(Exit::new(d("2024-12-01"), Some(ExitSituation::JobSeeking)));
    let b2 = person(
        "B2",
        Woman,
        "1985-01-01",
        "2024-06-01",
        unemployed("2024-03-01"),
        4,
    );
    let objective = SfcObjective::from_letter('a').unwrap();
    vec![
        Operation::new(
            "S30001".parse().unwrap(),
            4,
            objective,
            RegionCategory::MoreDeveloped,
            counted(&a_people()),
        ),
        Operation::new(
            "S30002".parse().unwrap(),
            4,
            objective,
            RegionCategory::LessDeveloped,
            counted(&[b1, b2]),
        )
        .with_target_group("EECO02")
        .unwrap(),
        // C: a survey, no individual participants, in A's cell.
        Operation::new(
            "S30003".parse().unwrap(),
            4,
            objective,
            RegionCategory::MoreDevelopedFormerlyTransition,
            Participation::NoIndividualParticipants,
        ),
    ]
}

type Expected = BTreeMap<(&'static str, &'static str), [u64; 3]>;

/// The non-zero cells, derived by hand: (category, indicator) → [women, men, non-binary].
fn expected_table6() -> Expected {
    let mut e = Expected::new();
    let md = "more developed";
    let ld = "less developed";
    for (code, v) in [
        ("EECO01", [1, 1, 1]),
        ("EECO02", [1, 0, 0]),
        ("EECO03", [1, 0, 0]),
        ("EECO04", [0, 0, 1]),
        ("EECO05", [0, 1, 0]),
        ("EECO06", [0, 0, 1]),
        ("EECO07", [1, 0, 0]),
        ("EECO08", [0, 1, 0]),
        ("EECO09", [0, 0, 1]),
        ("EECO10", [1, 0, 0]),
        ("EECO11", [0, 1, 0]),
        ("EECO02+04", [1, 0, 1]),
        ("EECO02+05", [1, 1, 0]),
        ("EECO02+04+05", [1, 1, 1]),
        ("EECO06+07", [1, 0, 1]),
        ("EECO10+11", [1, 1, 0]),
    ] {
        e.insert((md, code), v);
    }
    for (code, v) in [
        ("EECO01", [1, 1, 0]),
        ("EECO02", [1, 1, 0]), // the target group: every participant
        ("EECO04", [0, 1, 0]),
        ("EECO10", [1, 1, 0]),
        ("EECO02+04", [1, 2, 0]),
        ("EECO02+05", [1, 1, 0]),
        ("EECO02+04+05", [1, 2, 0]),
        ("EECO10+11", [1, 1, 0]),
    ] {
        e.insert((ld, code), v);
    }
    e
}

fn check(rows: &[Row], expected: &Expected) {
    let mut seen = 0;
    for r in rows {
        assert_eq!(
            (r.priority, r.objective.to_string()),
            (4, "ESO4.1".to_string())
        );
        let i = gender_index(r.gender);
        let want = expected
            .get(&(r.region, r.indicator.as_str()))
            .map_or(0, |v| v[i]);
        assert_eq!(r.value, want, "{} {} {:?}", r.region, r.indicator, r.gender);
        seen += usize::from(want > 0);
    }
    let nonzero: usize = expected.values().flatten().filter(|v| **v > 0).count();
    assert_eq!(seen, nonzero, "every expected cell is in the table");
}

fn gender_index(g: Gender) -> usize {
    match g {
        Gender::Woman => 0,
        Gender::Man => 1,
        Gender::NonBinary => 2,
    }
}

#[test]
fn table6_of_the_small_portfolio_is_the_hand_derived_one() {
    let t = Table6::aggregate(&portfolio(), cut_off()).unwrap();
    check(t.rows(), &expected_table6());
    // Two cells (C joins A's: "formerly transition" is reported as more developed).
    let cells: std::collections::BTreeSet<_> = t.rows().iter().map(|r| r.region).collect();
    assert_eq!(cells.len(), 2);
    // Every indicator in every cell and gender, zeros included.
    let per_cell = t
        .rows()
        .iter()
        .filter(|r| r.region == "less developed")
        .count();
    assert_eq!(per_cell % 3, 0);
    assert!(
        t.rows()
            .iter()
            .any(|r| r.region == "less developed" && r.indicator == "EECO06" && r.value == 0)
    );
    assert!(t.validate().is_empty(), "{:?}", t.validate());
}

#[test]
fn table10_of_the_small_portfolio_is_the_hand_derived_one() {
    let t = Table10::aggregate(&portfolio(), cut_off()).unwrap();
    let mut e = Expected::new();
    e.insert(("more developed", "EECR04"), [1, 0, 0]); // A1: open labour market
    e.insert(("more developed", "EECR02"), [0, 1, 0]); // A2: education
    e.insert(("less developed", "EECR01"), [0, 1, 0]); // B1: inactive at entry, job searching
    check(t.rows(), &e);
    let outputs = Table6::aggregate(&portfolio(), cut_off()).unwrap();
    let links = [ResultLink {
        result: "EECR04",
        output: "EECO01",
    }];
    assert!(t.validate(&outputs, &links).is_empty());
}

#[test]
fn a_broken_table_is_caught_by_each_rule() {
    let t = Table6::aggregate(&portfolio(), cut_off()).unwrap();
    for composite in COMPOSITES {
        let mut rows = t.rows().to_vec();
        let r = rows
            .iter_mut()
            .find(|r| {
                r.indicator == composite.code
                    && r.gender == Gender::Woman
                    && r.region == "more developed"
            })
            .unwrap();
        r.value += 1;
        let broken = Table6::from_rows(t.cut_off(), rows);
        let found = broken.validate();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].rule_id, format!("SFC21-VR-{}", composite.rule));
        assert!(found[0].path.contains(composite.code));
    }
    // A programme-specific reserved composite, computed elsewhere and wrong.
    let mut rows = t.rows().to_vec();
    let mut extra = rows[0].clone();
    extra.indicator = "EECO03+08".into();
    extra.region = "more developed";
    extra.gender = Gender::Man;
    extra.value = 2; // EECO03 0 + EECO08 1 for men
    rows.push(extra.clone());
    assert_eq!(
        Table6::from_rows(t.cut_off(), rows.clone()).validate()[0].rule_id,
        "SFC21-VR-RES"
    );
    // A composite whose part the table lacks is not checked against zero.
    let without: Vec<Row> = t
        .rows()
        .iter()
        .filter(|r| r.indicator != "EECO05")
        .cloned()
        .collect();
    let found = Table6::from_rows(t.cut_off(), without).validate();
    assert!(
        found.iter().all(|f| f.message_en.contains("has no EECO05")),
        "{found:?}"
    );
    assert!(!found.is_empty());
    // Table 10: a result above the output it was targeted on.
    let results = Table10::aggregate(&portfolio(), cut_off()).unwrap();
    let mut rows = results.rows().to_vec();
    for r in rows
        .iter_mut()
        .filter(|r| r.indicator == "EECR04" && r.region == "less developed")
    {
        r.value = 5;
    }
    let broken = Table10::from_rows(t.cut_off(), rows);
    let found = broken.validate(
        &t,
        &[ResultLink {
            result: "EECR04",
            output: "EECO01",
        }],
    );
    assert_eq!(found.len(), 3, "{found:?}"); // each gender: 5 > 1, 1 and 0
    assert!(found.iter().all(|f| f.rule_id == "SFC21-T10-001"));
}

#[test]
fn tables_write_read_and_compare_as_csv() {
    let t = Table6::aggregate(&portfolio(), cut_off()).unwrap();
    let csv = t.to_csv();
    assert!(csv.starts_with(
        "cut_off,priority,specific_objective,category_of_region,indicator,gender,value\n"
    ));
    assert!(csv.contains("2024-12-31,4,ESO4.1,less developed,EECO02+04,man,2\n"));
    let back = Table6::from_csv(&csv).unwrap();
    assert_eq!(back.rows(), t.rows());
    assert!(compare(t.rows(), back.rows()).is_empty());
    // Another system's table: one value off, one cell missing, one extra.
    let other = csv
        .replace(
            "less developed,EECO02,woman,1",
            "less developed,EECO02,woman,0",
        )
        .replace("2024-12-31,4,ESO4.1,more developed,EECO09,man,0\n", "")
        + "2024-12-31,4,ESO4.2,more developed,EECO01,woman,3\n";
    let diff = compare(t.rows(), Table6::from_csv(&other).unwrap().rows());
    let got: Vec<(String, Option<u64>, Option<u64>)> = diff
        .iter()
        .map(|d| {
            (
                format!(
                    "{}/{}/{}",
                    d.cell.objective,
                    d.cell.indicator,
                    d.cell.gender.code()
                ),
                d.expected,
                d.actual,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("ESO4.1/EECO02/woman".to_string(), Some(1), Some(0)),
            ("ESO4.1/EECO09/man".to_string(), Some(0), None),
            ("ESO4.2/EECO01/woman".to_string(), None, Some(3)),
        ]
    );
    for (bad, line) in [
        ("x\n", 1),
        (
            "cut_off,priority,specific_objective,category_of_region,indicator,gender,value\n2024-12-30,4,ESO4.1,transition,EECO01,man,1\n",
            2,
        ),
        (
            "cut_off,priority,specific_objective,category_of_region,indicator,gender,value\n2024-12-31,4,ESO4.14,transition,EECO01,man,1\n",
            2,
        ),
        (
            "cut_off,priority,specific_objective,category_of_region,indicator,gender,value\n2024-12-31,4,ESO4.1,transition,EECO01,man,-1\n",
            2,
        ),
        (
            "cut_off,priority,specific_objective,category_of_region,indicator,gender,value\n2024-12-31,4,ESO4.1,transition,=SUM(A1),man,1\n",
            2,
        ),
    ] {
        let e = Table6::from_csv(bad).unwrap_err();
        assert_eq!(e.code(), "sfc.csv");
        assert!(
            matches!(e, SfcError::Csv { line: l, .. } if l == line),
            "{e}"
        );
    }
}

#[test]
fn operations_must_be_counted_as_the_table_is() {
    let mut ops = portfolio();
    let other: CutOff = "2024-06-30".parse().unwrap();
    assert_eq!(
        Table6::aggregate(&ops, other).unwrap_err().code(),
        "sfc.cut_off_mismatch"
    );
    ops[0].participation = Participation::Records(Box::new(
        CommonIndicators::new(
            Catalogue::EsfPlusMostDeprived,
            rules(),
            Some(cut_off().day()),
        )
        .unwrap(),
    ));
    assert_eq!(
        Table6::aggregate(&ops, cut_off()).unwrap_err().code(),
        "sfc.catalogue"
    );
    let op = Operation::new(
        "S30009".parse().unwrap(),
        4,
        SfcObjective::from_letter('m').unwrap(),
        RegionCategory::Transition,
        Participation::NoIndividualParticipants,
    );
    for bad in ["EECO01", "EECR04", "EECO18", "X"] {
        assert_eq!(
            op.clone().with_target_group(bad).unwrap_err().code(),
            "sfc.target_group",
            "{bad}"
        );
    }
    assert_eq!(
        SfcObjective::from_letter('n').unwrap_err().code(),
        "sfc.objective"
    );
    assert_eq!(
        SfcObjective::from_letter('m').unwrap().to_string(),
        "ESO4.13"
    );
    assert_eq!("ESO4.13".parse::<SfcObjective>().unwrap().letter(), 'm');
    assert_eq!(
        "2024-12-31".parse::<CutOff>().unwrap().period_code(),
        "202412"
    );
}

/// Split over processes: each part of an operation's participants counted
/// apart, sent as JSON (as Dask workers do) and merged, gives the same tables.
#[test]
fn parts_counted_apart_and_merged_give_identical_tables() {
    let whole = portfolio();
    let Participation::Records(a) = &whole[0].participation else {
        panic!("A has records")
    };
    // A's people again, in two parts.
    let mut parts = portfolio();
    let people = a_people();
    let (first, second) = people.split_at(2);
    let count = |ps: &[Participant]| {
        CommonIndicators::compute(Catalogue::EsfPlus, rules(), Some(cut_off().day()), ps).unwrap()
    };
    let mut merged =
        CommonIndicators::from_json_str(&count(first).to_json_string().unwrap()).unwrap();
    merged
        .merge(&CommonIndicators::from_json_str(&count(second).to_json_string().unwrap()).unwrap())
        .unwrap();
    assert_eq!(&merged, a.as_ref());
    parts[0].participation = Participation::Records(Box::new(merged));
    assert_eq!(
        Table6::aggregate(&parts, cut_off()).unwrap(),
        Table6::aggregate(&whole, cut_off()).unwrap()
    );
    assert_eq!(
        Table10::aggregate(&parts, cut_off()).unwrap(),
        Table10::aggregate(&whole, cut_off()).unwrap()
    );
}

/// A project's cell comes from its placement and the programme catalogue;
/// what is missing is refused by name, never guessed.
#[test]
fn an_operation_of_a_project_takes_its_cell_from_the_placement() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/data/projects/yhteiskunnalliset_yritykset_esr_plus.json"
    ))
    .unwrap();
    let mut project = crate::Project::from_json_str(&text).unwrap();
    let none = || Participation::NoIndividualParticipants;
    let e = Operation::of_project(&project, none()).unwrap_err();
    assert_eq!(e.code(), "sfc.placement");
    assert!(e.to_string().contains("no project code"), "{e}");
    project.code = Some("S30355".parse().unwrap());
    assert!(
        Operation::of_project(&project, none())
            .unwrap_err()
            .to_string()
            .contains("no priority")
    );
    project.placement.priority = Some(4);
    project.placement.specific_objective = Some("9.9".into());
    assert!(
        Operation::of_project(&project, none())
            .unwrap_err()
            .to_string()
            .contains("no specific objective")
    );
    project.placement.specific_objective = Some("4.3".into());
    assert!(
        Operation::of_project(&project, none())
            .unwrap_err()
            .to_string()
            .contains("category of region")
    );
    project.placement.region_category = Some(RegionCategory::TransitionFormerlyLessDeveloped);
    let op = Operation::of_project(&project, none()).unwrap();
    // 4.3's letter (h) is partly verified in the programme catalogue; the operation keeps that.
    assert_eq!(op.objective.to_string(), "ESO4.8");
    assert_eq!(
        op.objective_verification,
        crate::programme::Verification::Partial
    );
    assert_eq!(sfc_category(op.region), "transition");
    project.placement.programme = Some(ProgrammePeriod::Period2014To2020);
    assert!(
        Operation::of_project(&project, none())
            .unwrap_err()
            .to_string()
            .contains("2021–2027")
    );
}

/// A per-operation result read from elsewhere (JSON from another process) may
/// hold participants with no gender of the breakdown: they are in no row, and
/// the tables say how many.
#[test]
fn participants_without_a_gender_are_counted_in_a_warning() {
    let counted = CommonIndicators::compute(
        Catalogue::EsfPlus,
        rules(),
        Some(cut_off().day()),
        &a_people(),
    )
    .unwrap();
    let mut json: serde_json::Value =
        serde_json::from_str(&counted.to_json_string().unwrap()).unwrap();
    let mut bumped = 0;
    bump_unknown(&mut json, &mut bumped);
    assert!(bumped > 0, "{json}");
    let counted = CommonIndicators::from_json_str(&json.to_string()).unwrap();
    assert_eq!(counted.get("EECO01").unwrap().unknown, 1);
    let op = Operation::new(
        "S30020".parse().unwrap(),
        4,
        SfcObjective::from_letter('a').unwrap(),
        RegionCategory::Transition,
        Participation::Records(Box::new(counted)),
    );
    let t6 = Table6::aggregate(std::slice::from_ref(&op), cut_off()).unwrap();
    let found = t6.validate();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule_id, "SFC21-GEN-001");
    assert!(found[0].message_en.starts_with("1 participant"));
    let t10 = Table10::aggregate(&[op], cut_off()).unwrap();
    assert_eq!(t10.validate(&t6, &[])[0].rule_id, "SFC21-GEN-001");
}

/// Sets `unknown` to 1 in every tally of a result's JSON.
fn bump_unknown(v: &mut serde_json::Value, n: &mut usize) {
    match v {
        serde_json::Value::Object(m) => {
            if let Some(u) = m.get_mut("unknown") {
                *u = serde_json::Value::from(1);
                *n += 1;
            }
            m.values_mut().for_each(|x| bump_unknown(x, n));
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(|x| bump_unknown(x, n)),
        _ => {}
    }
}

/// The command's default cut-off is taken on Helsinki's day: in the first
/// hours of 30 June and 31 December in Finland, a machine in UTC is still on
/// the day before, whose latest cut-off is the one before.
#[test]
fn the_latest_cut_off_of_an_instant_is_taken_on_helsinkis_day() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    // (UTC instant, the cut-off on Helsinki's day)
    for (utc, cut) in [
        ("2024-06-29T21:30:00Z", d(2024, 6, 30)), // 00:30 EEST on 30 June
        ("2024-06-29T20:30:00Z", d(2023, 12, 31)), // 23:30 EEST on 29 June
        ("2024-12-30T22:30:00Z", d(2024, 12, 31)), // 00:30 EET on 31 December
        ("2024-12-30T21:30:00Z", d(2024, 6, 30)), // 23:30 EET on 30 December
    ] {
        let t = chrono::DateTime::parse_from_rfc3339(utc)
            .unwrap()
            .timestamp();
        let day = crate::day::helsinki_day(t).unwrap();
        assert_eq!(CutOff::latest_on_or_before(day).day(), cut, "{utc}");
    }
}
