//! Data quality before reporting (issue 11): each check on a crafted faulty
//! data set and the finding it must produce; a clean set gives none; the
//! bundled example data pass.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chrono::NaiveDate;
use hanke::activity::{Activity, ActivityKind, ActivityLog, Attendance};
use hanke::participant::{Exit, ExitEvent, ExitSituation, Participant, ParticipantId};
use hanke::quality::{QualityInput, check};
use hanke::{Finding, Severity};
use hanke::{PersonalIdentityCode, Project};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn id(s: &str) -> ParticipantId {
    s.parse().unwrap()
}

fn project(indicators: &str) -> Project {
    Project::from_json_str(&format!(
        r#"{{"code": "S20250", "name": "Testihanke",
          "placement": {{"funder": "esr", "programme": "2014-2020", "priority": 5, "specific_objective": "10.1"}},
          "period": {{"start": "2016-01-01", "end": "2016-12-31"}},
          "indicators": [{indicators}]}}"#
    ))
    .unwrap()
}

/// Someone who entered and left inside the period, in a known situation.
fn clean(name: &str, entry: NaiveDate, exit: NaiveDate) -> Participant {
    let mut p = Participant::new(id(name), entry);
    p.exit = Some(Exit::new(exit, Some(ExitSituation::OpenLabourMarket)));
    p
}

const CUT_OFF: (i32, u32, u32) = (2017, 6, 30);

fn run(
    people: &[Participant],
    log: Option<&ActivityLog>,
    lines: &[(ParticipantId, u64)],
) -> Vec<Finding> {
    let p = project("");
    let mut input = QualityInput::new(&p, d(CUT_OFF.0, CUT_OFF.1, CUT_OFF.2));
    input.participants = people;
    input.activities = log;
    input.lines = lines;
    check(&input).findings
}

fn dq(findings: &[Finding]) -> Vec<(&str, &str)> {
    findings
        .iter()
        .filter(|f| f.rule_id.starts_with("DQ-"))
        .map(|f| (f.rule_id, f.path.as_str()))
        .collect()
}

#[test]
fn a_clean_set_gives_no_data_quality_finding() {
    let people = [clean("P1", d(2016, 2, 1), d(2016, 6, 30))];
    assert_eq!(dq(&run(&people, None, &[])), []);
}

#[test]
fn entry_and_exit_outside_the_period() {
    let people = [
        clean("P1", d(2015, 12, 1), d(2016, 3, 1)),
        clean("P2", d(2016, 11, 1), d(2017, 2, 1)),
    ];
    let f = run(&people, None, &[]);
    assert_eq!(
        dq(&f),
        [
            ("DQ-DATE-001", "participants[P1].entry.date"),
            ("DQ-DATE-002", "participants[P2].exit.date")
        ]
    );
    let p2 = f.iter().find(|f| f.rule_id == "DQ-DATE-002").unwrap();
    assert_eq!(
        p2.message_en,
        "exit 2017-02-01 is outside the project period 2016-01-01 – 2016-12-31"
    );
    assert_eq!(
        p2.message_fi,
        "lopetus 2017-02-01 on toteutusajan 2016-01-01 – 2016-12-31 ulkopuolella"
    );
    assert_eq!(
        p2.message_sv,
        "avslut 2017-02-01 ligger utanför genomförandetiden 2016-01-01 – 2016-12-31"
    );
}

#[test]
fn dates_after_the_cut_off_are_errors_but_a_later_entry_is_not() {
    let mut late_exit = clean("P3", d(2016, 3, 1), d(2016, 6, 30));
    late_exit
        .exit
        .as_mut()
        .unwrap()
        .later_events
        .push(ExitEvent {
            date: d(2017, 8, 1),
            situation: ExitSituation::OpenLabourMarket,
        });
    let later_entry = clean("P4", d(2017, 9, 1), d(2017, 10, 1));
    let f = run(&[late_exit, later_entry], None, &[]);
    let after: Vec<_> = dq(&f)
        .into_iter()
        .filter(|(r, _)| *r == "DQ-DATE-003")
        .collect();
    // P4 entered after the cut-off: not counted yet, so its dates are not checked against it.
    assert_eq!(
        after,
        [("DQ-DATE-003", "participants[P3].exit.later_events")]
    );
    assert!(
        f.iter()
            .filter(|f| f.rule_id == "DQ-DATE-003")
            .all(|f| f.severity == Severity::Error)
    );
}

#[test]
fn a_missing_exit_long_after_the_end_is_an_error_with_the_line_of_its_row() {
    let people = [Participant::new(id("P5"), d(2016, 10, 1))];
    let f = run(&people, None, &[(id("P5"), 7)]);
    let missing = f.iter().find(|f| f.rule_id == "DQ-EXIT-001").unwrap();
    assert_eq!(
        (missing.path.as_str(), missing.line),
        ("participants[P5].exit", Some(7))
    );
    assert_eq!(
        missing.message_sv,
        "slutuppgifter saknas, fast projektet avslutades 2016-12-31"
    );
    // Within the grace period after the end it is not yet a finding.
    let p = project("");
    let mut input = QualityInput::new(&p, d(2017, 1, 31));
    input.participants = &people;
    assert!(
        check(&input)
            .findings
            .iter()
            .all(|f| f.rule_id != "DQ-EXIT-001")
    );
}

#[test]
fn overlapping_participations_of_one_person() {
    // Synthetic code, temporary individual number 900–999.
    let code = PersonalIdentityCode::temporary(d(1990, 5, 5), 913).unwrap();
    let mut first = clean("P6", d(2016, 2, 1), d(2016, 6, 30));
    first.identity_code = Some(code.clone());
    let mut second = clean("P7", d(2016, 5, 1), d(2016, 8, 31));
    second.identity_code = Some(code.clone());
    let mut third = clean("P8", d(2016, 9, 1), d(2016, 10, 31)); // a proper re-entry
    third.identity_code = Some(code);
    let f = run(&[first, second, third], None, &[]);
    assert_eq!(dq(&f), [("DQ-PART-001", "participants[P7].entry.date")]);
    // The three are one person: merged, counted once (PART-DUP-001).
    let merged = f.iter().find(|f| f.rule_id == "PART-DUP-001").unwrap();
    assert_eq!(merged.path, "participants[P6]");
    assert!(
        merged
            .message_sv
            .starts_with("posterna P7, P8 sammanslagna till P6"),
        "{merged:?}"
    );
    let msg = &f
        .iter()
        .find(|f| f.rule_id == "DQ-PART-001")
        .unwrap()
        .message_en;
    assert_eq!(
        msg,
        "P7 enters on 2016-05-01 while the same person's record P6 runs until 2016-06-30"
    );
}

#[test]
fn participants_seen_only_at_information_events() {
    let log = ActivityLog {
        activities: vec![
            Activity::new(
                d(2016, 3, 1),
                ActivityKind::InformationEvent,
                Attendance::Named(vec![id("P9"), id("P10")]),
            ),
            Activity::new(
                d(2016, 3, 8),
                ActivityKind::Coaching,
                Attendance::Named(vec![id("P10")]),
            ),
        ],
    };
    let people = [
        clean("P9", d(2016, 3, 1), d(2016, 3, 1)),
        clean("P10", d(2016, 3, 1), d(2016, 6, 1)),
    ];
    assert_eq!(
        dq(&run(&people, Some(&log), &[])),
        [("DQ-EVENT-001", "participants[P9]")]
    );
}

#[test]
fn an_indicator_far_past_its_target_is_flagged_not_failed() {
    let p = project(
        r#"{"code": "P1", "name": "Työpajat", "unit": "kpl", "target": 10,
            "source": {"entered": [{"date": "2016-12-31", "value": 40}]}}"#,
    );
    let mut input = QualityInput::new(&p, d(2017, 6, 30));
    let f = check(&input).findings;
    let flag = f.iter().find(|f| f.rule_id == "DQ-IND-001").unwrap();
    assert_eq!(
        (flag.severity, flag.path.as_str()),
        (Severity::Info, "indicators[0]")
    );
    input.implausible_factor = 4;
    assert!(
        check(&input)
            .findings
            .iter()
            .all(|f| f.rule_id != "DQ-IND-001")
    );
}

#[test]
fn the_rule_list_is_published_with_ids_sources_and_three_languages() {
    let md = hanke::quality::to_markdown();
    for r in hanke::quality::RULES {
        assert!(md.contains(r.id) && md.contains(r.title_sv) && md.contains(r.title_fi));
        assert!(hanke::errors::all_rules().iter().any(|a| a.id == r.id));
    }
}

/// The bundled projects with their synthetic participants and activity logs,
/// at the end of 2026. Every finding is explained:
/// - `DQ-EXIT-001` (Ilona 20, VESKU 15): the synthetic generator records an
///   exit only when it falls by the project's end (`SyntheticConfig::as_of`
///   is the end), so people whose stay would run past it have none — exactly
///   the missing exit forms the check exists for;
/// - `PART-DUP-001` (Ilona 3): re-entries the generator makes on purpose
///   (`reentry_per_mille`), merged into one participant each;
/// - `PART-COMP-001`, `PART-EXIT-001`: the generator leaves a few answers and
///   exit situations out on purpose (2 % of exit forms), to exercise the
///   incomplete-record rules;
/// - `FIN-GRP-003`, `FIN-SUM-002` (Yhteiskunnalliset yritykset): the seed gives
///   that project's financing only in part.
#[test]
fn the_bundled_example_data_give_the_explained_findings() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/data");
    let expected: [(&str, &[(&str, usize)]); 6] = [
        ("lahde_mukaan_S20250", &[]),
        (
            "ilona",
            &[
                ("DQ-EXIT-001", 20),
                ("PART-COMP-001", 6),
                ("PART-DUP-001", 3),
                ("PART-EXIT-001", 2),
            ],
        ),
        (
            "vesku",
            &[
                ("DQ-EXIT-001", 15),
                ("PART-COMP-001", 1),
                ("PART-EXIT-001", 3),
            ],
        ),
        (
            "yhteiskunnalliset_yritykset_esr_plus",
            &[
                ("FIN-GRP-003", 1),
                ("FIN-SUM-002", 2),
                ("PART-COMP-001", 3),
                ("PART-EXIT-001", 3),
            ],
        ),
        ("keko", &[]),
        ("paikka_auki_koordinaatio", &[]),
    ];
    for (name, want) in expected {
        let p = Project::from_json_str(
            &std::fs::read_to_string(root.join(format!("projects/{name}.json"))).unwrap(),
        )
        .unwrap();
        let csv = root.join(format!("participants/{name}.csv"));
        let people = if csv.exists() {
            let mut options = hanke::import::ImportOptions::default();
            options.accept_temporary_codes = true;
            let file = std::io::BufReader::new(std::fs::File::open(&csv).unwrap());
            hanke::import::read_participants_csv(file, options)
                .unwrap()
                .0
        } else {
            Vec::new()
        };
        let log_path = root.join(format!("activities/{name}.json"));
        let log = log_path.exists().then(|| {
            ActivityLog::from_json_str(&std::fs::read_to_string(&log_path).unwrap()).unwrap()
        });
        let mut input = QualityInput::new(&p, d(2026, 12, 31));
        input.participants = &people;
        input.activities = log.as_ref();
        let report = check(&input);
        let mut by_rule: std::collections::BTreeMap<&str, usize> =
            std::collections::BTreeMap::new();
        for f in &report.findings {
            *by_rule.entry(f.rule_id).or_default() += 1;
        }
        let want: std::collections::BTreeMap<&str, usize> = want.iter().copied().collect();
        assert_eq!(by_rule, want, "{name}: {}", report.to_text());
        // Every finding speaks all three languages: each check writes its
        // own Swedish message (none is filled in after the fact).
        for f in &report.findings {
            let sv = f.message_sv.as_str();
            assert!(
                !sv.is_empty() && sv != f.message_fi && sv != f.message_en,
                "{name}: {f:?}"
            );
        }
    }
}

#[test]
fn participants_outside_the_planned_target_groups() {
    use hanke::participant::LabourStatus;
    let p = Project::from_json_str(
        r#"{"name": "Nuoret töihin", "placement": {"funder": "esr", "programme": "2014-2020"},
            "period": {"start": "2016-01-01", "end": "2016-12-31"},
            "target_groups": [
              {"kind": "primary", "description": "alle 30-vuotiaat työttömät ja työvoiman ulkopuolella olevat",
               "criteria": {"age_to": 29, "labour_status": ["unemployed", "inactive"]}},
              {"kind": "indirect", "description": "työnantajat"}]}"#,
    )
    .unwrap();
    let person = |name: &str, born: Option<NaiveDate>, status: LabourStatus| {
        let mut x = clean(name, d(2016, 3, 1), d(2016, 6, 1));
        x.entry.birth_date = born;
        x.entry.labour_status = Some(status);
        x
    };
    let unemployed = LabourStatus::Unemployed {
        since: Some(d(2015, 1, 1)),
    };
    let people = [
        person("P1", Some(d(1992, 1, 1)), unemployed), // 24, unemployed: in
        person("P2", Some(d(1971, 1, 1)), unemployed), // 45: out
        person("P3", Some(d(1994, 1, 1)), LabourStatus::Employed), // employed: out
        person("P4", None, unemployed),                // age unknown: not judged
    ];
    let mut input = QualityInput::new(&p, d(2017, 6, 30));
    input.participants = &people;
    let f = check(&input).findings;
    assert_eq!(
        dq(&f),
        [
            ("DQ-TGT-001", "participants[P2].entry"),
            ("DQ-TGT-001", "participants[P3].entry")
        ]
    );
    let p2 = f
        .iter()
        .find(|f| f.path == "participants[P2].entry")
        .unwrap();
    assert_eq!(
        p2.message_en,
        "P2 (age 45 at entry) is in none of the 1 primary target group(s) of the plan"
    );
}
