//! Activities and project indicators: exact figures, cut-offs, checks, and a
//! report that compares actuals with milestones.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use hanke::Project;
use hanke::activity::{
    Activity, ActivityKind, ActivityLog, ActivityMeasure, Attendance, Feedback, Figure, Measure,
};
use hanke::lang::Language;
use hanke::report::{EsrReport, ReportInputs};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn measure(kinds: &[ActivityKind], measure: Measure) -> ActivityMeasure {
    ActivityMeasure {
        kinds: kinds.to_vec(),
        measure,
    }
}

fn log() -> ActivityLog {
    let mut by = BTreeMap::new();
    by.insert("third_sector".to_string(), 2);
    by.insert("public".to_string(), 1);
    let mut a = Activity::new(
        d(2018, 1, 10),
        ActivityKind::NetworkEvent,
        Attendance::HeadCount { total: 3, by },
    );
    a.feedback = Some(Feedback::new(1, 4, vec![0, 0, 1, 1]).unwrap()); // mean 3,5
    let mut b = Activity::new(
        d(2018, 3, 10),
        ActivityKind::NetworkEvent,
        Attendance::head_count(5), // no breakdown: left out of the share
    );
    b.feedback = Some(Feedback::new(1, 4, vec![1, 0, 0, 0]).unwrap());
    let c = Activity::new(
        d(2018, 2, 1),
        ActivityKind::Coaching,
        Attendance::Named(vec!["A".parse().unwrap(), "B".parse().unwrap()]),
    );
    let e = Activity::new(
        d(2018, 4, 1),
        ActivityKind::Coaching,
        Attendance::Named(vec!["B".parse().unwrap(), "C".parse().unwrap()]),
    );
    ActivityLog {
        activities: vec![a, b, c, e],
    }
}

#[test]
fn figures_are_exact_and_cumulative() {
    let log = log();
    let all = |m| log.figure(&measure(&[], m), None);
    assert_eq!(all(Measure::Activities), Figure::Count { value: 4 });
    assert_eq!(all(Measure::Attendances), Figure::Count { value: 12 });
    // B attended twice: three distinct people.
    assert_eq!(all(Measure::DistinctAttendees), Figure::Count { value: 3 });
    let share = log.figure(
        &measure(
            &[ActivityKind::NetworkEvent],
            Measure::Share {
                category: "third_sector".into(),
            },
        ),
        None,
    );
    assert_eq!(share, Figure::Percent { part: 2, whole: 3 });
    assert_eq!(share.to_string(), "66,7 %");
    // (3 + 4 + 1) / 3 answers = 2,666… → 2,7.
    let mean = log.figure(&measure(&[], Measure::FeedbackMean), None);
    assert_eq!(mean, Figure::Mean { sum: 8, n: 3 });
    assert_eq!(mean.to_string(), "2,7");
    // At a cut-off of 1 March only the first network event and one coaching session.
    let early = Some(d(2018, 3, 1));
    assert_eq!(
        log.figure(&measure(&[], Measure::Attendances), early),
        Figure::Count { value: 5 }
    );
    assert_eq!(
        log.figure(&measure(&[], Measure::FeedbackMean), early)
            .to_string(),
        "3,5"
    );
    assert_eq!(
        log.figure(
            &measure(&[ActivityKind::Training], Measure::FeedbackMean),
            None
        ),
        Figure::None
    );
    assert_eq!(Figure::None.to_string(), "–");
}

#[test]
fn checks_and_errors_have_stable_codes() {
    let e = Feedback::new(1, 4, vec![1, 2, 3]).unwrap_err();
    assert_eq!(e.code(), "activity.feedback_scale");
    assert!(Feedback::new(4, 1, vec![]).is_err());
    let mut by = BTreeMap::new();
    by.insert("third_sector".to_string(), 50);
    let mut log = log();
    log.activities.push(Activity::new(
        d(2018, 5, 1),
        ActivityKind::NetworkEvent,
        Attendance::HeadCount { total: 40, by },
    ));
    let mut mixed = Activity::new(
        d(2018, 6, 1),
        ActivityKind::NetworkEvent,
        Attendance::head_count(1),
    );
    mixed.feedback = Some(Feedback::new(1, 5, vec![0, 0, 0, 0, 1]).unwrap());
    log.activities.push(mixed);
    let ids: Vec<_> = log.check().iter().map(|f| f.rule_id).collect();
    assert_eq!(ids, ["ACT-HEAD-001", "ACT-FEED-001"]);
    let err = ActivityLog::from_json_str(
        r#"{"activities": [{"date": "2018-01-01", "kind": "party", "attendance": {"named": []}}]}"#,
    )
    .unwrap_err();
    assert_eq!(err.code(), "activity.json");
    assert!(err.to_string().contains("activities[0].kind"), "{err}");
}

#[test]
fn report_compares_actuals_with_milestones() {
    let project = Project::from_json_str(
        r#"{"name": "Demo", "placement": {"funder": "stea"}, "indicators": [
        {"code": "P1", "name": "Verkostotilaisuudet", "unit": "tilaisuutta", "baseline": 0, "target": 10,
         "milestones": [{"date": "2018-03-31", "value": 3}],
         "source": {"activities": {"kinds": ["network_event"], "measure": "activities"}}},
        {"code": "P2", "name": "Toimintamallit", "unit": "mallia", "target": 2,
         "source": {"entered": [{"date": "2017-12-31", "value": 1}, {"date": "2018-12-31", "value": 2}]}}]}"#,
    )
    .unwrap();
    let mut inputs = ReportInputs::default();
    inputs.activities = Some(log());
    let report = EsrReport::new(&project, d(2018, 6, 30), inputs);
    let rows = &report.project_indicators;
    assert_eq!(rows[0].actual, Figure::Count { value: 2 });
    assert_eq!(rows[0].milestone_due, Some((d(2018, 3, 31), 3)));
    assert_eq!(rows[1].actual, Figure::Count { value: 1 }); // the 2018 value is later
    assert!(report.findings.iter().any(|f| f.rule_id == "IND-TGT-001"));
    let md = report.to_markdown(Language::Fi);
    assert!(
        md.contains("| P1 | Verkostotilaisuudet | tilaisuutta | 0 | 10 | 3 (31.3.2018) | 2 |"),
        "{md}"
    );
    // A STEA project has no EU common indicators, even with participants.
    let mut inputs = ReportInputs::default();
    inputs.participants = Some(Vec::new());
    assert!(
        EsrReport::new(&project, d(2018, 6, 30), inputs)
            .participants
            .is_none()
    );
}

#[test]
fn a_phone_records_attendance_and_feedback_and_syncs_the_same_json() {
    use hanke::activity::{Activity, ActivityKind, ActivityLog, Attendance, Feedback};
    let day = chrono::NaiveDate::from_ymd_opt(2024, 5, 3).unwrap();
    let mut coaching = Activity::new(day, ActivityKind::Coaching, Attendance::Named(vec![]));
    for id in ["P-1", "P-2", "P-1"] {
        coaching.record_attendance(id.parse().unwrap()).unwrap();
    }
    let mut feedback = Feedback::empty(1, 4).unwrap();
    for point in [4, 3, 4] {
        feedback.record(point).unwrap();
    }
    assert_eq!(
        feedback.record(0).unwrap_err().code(),
        "activity.point_outside_scale"
    );
    coaching.feedback = Some(feedback);
    let mut event = Activity::new(day, ActivityKind::NetworkEvent, Attendance::head_count(40));
    assert_eq!(
        event
            .record_attendance("P-3".parse().unwrap())
            .unwrap_err()
            .code(),
        "activity.not_named"
    );
    event.name = Some("Verkostotapaaminen".into());
    let log = ActivityLog {
        activities: vec![coaching, event],
    };
    assert_eq!(log.activities[0].attendance.count(), 2);
    let json = log.to_json_string().unwrap();
    assert_eq!(ActivityLog::from_json_str(&json).unwrap(), log);
    assert!(log.check().is_empty());
}

/// A person named three times at one activity counts once, as
/// `record_attendance` records them, and the check says so; a breakdown key
/// given twice is an error, never the last value; counts that add up past
/// the largest number are an overflow, never a wrapped-around figure.
#[test]
fn repeated_names_keys_and_overflowing_counts_are_never_silent() {
    use hanke::activity::{ActivityLog, Figure};
    let log = ActivityLog::from_json_str(
        r#"{"activities": [{"date": "2024-05-03", "kind": "coaching",
            "attendance": {"named": ["P-1", "P-1", "P-1", "P-2"]}}]}"#,
    )
    .unwrap();
    assert_eq!(
        log.figure(&measure(&[], Measure::Attendances), None),
        Figure::Count { value: 2 }
    );
    let findings = log.check();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].rule_id, "ACT-NAMED-001");
    assert!(
        findings[0]
            .message_en
            .contains("P-1 is listed 3 times; counted once")
    );
    let e = ActivityLog::from_json_str(
        r#"{"activities": [{"date": "2024-05-03", "kind": "network_event",
            "attendance": {"head_count": {"total": 40, "by": {"third_sector": 24, "third_sector": 16}}}}]}"#,
    )
    .unwrap_err();
    assert_eq!(e.code(), "activity.json");
    assert!(
        e.to_string().contains("duplicate key \"third_sector\""),
        "{e}"
    );
    let max = u64::MAX;
    let log = ActivityLog::from_json_str(&format!(
        r#"{{"activities": [{{"date": "2024-05-03", "kind": "network_event", "attendance": {{"head_count": {{"total": {max}}}}}}},
            {{"date": "2024-05-04", "kind": "network_event", "attendance": {{"head_count": {{"total": 2}}}}}}]}}"#
    ))
    .unwrap();
    let figure = log.figure(&measure(&[], Measure::Attendances), None);
    assert_eq!(figure, Figure::Overflow);
    assert_eq!(figure.to_string(), "overflow");
    let ids: Vec<_> = log.check().iter().map(|f| f.rule_id).collect();
    assert_eq!(ids, ["ACT-HEAD-002"]);
}
