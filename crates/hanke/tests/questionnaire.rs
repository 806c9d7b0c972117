//! The participant questionnaire of both periods: generated from the rulebook,
//! answered, validated into a record or field errors with stable codes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use hanke::participant::{ExitSituation, Gender, LabourStatus};
use hanke::programme::ProgrammePeriod;
use hanke::questionnaire::{AnswerKind, Form, Questionnaire};
use hanke::rulebook::ParticipantRules;
use hanke::rulebook::Rulebook;

fn rules(period: ProgrammePeriod) -> &'static ParticipantRules {
    Rulebook::for_period(period)
        .unwrap()
        .participants()
        .unwrap()
}

fn codes(q: &Questionnaire, id: &str) -> Vec<&'static str> {
    q.question(id)
        .unwrap()
        .choices()
        .iter()
        .map(|c| c.code)
        .collect()
}

#[test]
fn the_questions_follow_the_period() {
    let q14 = Questionnaire::new(rules(ProgrammePeriod::Period2014To2020), Form::Entry);
    let q21 = Questionnaire::new(rules(ProgrammePeriod::Period2021To2027), Form::Entry);
    // 2014–2020 breaks data down by women and men; 2021–2027 adds non-binary.
    assert_eq!(codes(&q14, "gender"), ["woman", "man"]);
    assert_eq!(codes(&q21, "gender"), ["woman", "man", "non_binary"]);
    for q in [&q14, &q21] {
        let req: Vec<&str> = q
            .questions
            .iter()
            .filter(|x| x.required)
            .map(|x| x.id)
            .collect();
        assert_eq!(
            req,
            [
                "entry_date",
                "birth_date",
                "gender",
                "labour_status",
                "unemployed_since",
                "education"
            ],
            "{:?}",
            q.period
        );
        assert_eq!(
            q.question("unemployed_since").unwrap().asked_when,
            Some(("labour_status", "unemployed"))
        );
        // Special-category items may be declined and are marked sensitive.
        for id in ["disability", "foreign_background", "minority"] {
            let x = q.question(id).unwrap();
            assert!(x.sensitive && x.may_decline && !x.required, "{id}");
            assert_eq!(codes(q, id), ["yes", "no", "declined"]);
        }
        assert_eq!(codes(q, "education").len(), 10);
        assert_eq!(
            q.question("education").unwrap().choices()[3].label.sv,
            "Mellannivå"
        );
        assert!(matches!(
            q.question("birth_date").unwrap().kind,
            AnswerKind::Date
        ));
    }
    // Labels in three languages, and the whole form as JSON for an app.
    let json = q21.to_json().unwrap();
    assert!(json.contains("\"sv\": \"Icke-binär\""));
    assert!(json.contains("\"asked_when\""));
    let exit = Questionnaire::new(rules(ProgrammePeriod::Period2021To2027), Form::Exit);
    assert_eq!(
        codes(&exit, "exit_situation").len(),
        ExitSituation::ALL.len()
    );
}

const ANSWERS: [(&str, &str); 7] = [
    ("entry_date", "2023-03-01"),
    ("birth_date", "1990-05-05"),
    ("gender", "woman"),
    ("labour_status", "unemployed"),
    ("unemployed_since", "2022-01-15"),
    ("education", "3"),
    ("disability", "declined"),
];

#[test]
fn entry_answers_become_a_complete_record_in_both_periods() {
    for period in [
        ProgrammePeriod::Period2014To2020,
        ProgrammePeriod::Period2021To2027,
    ] {
        let r = rules(period);
        let q = Questionnaire::new(r, Form::Entry);
        let p = q.answer_entry("P-1", &ANSWERS).unwrap();
        assert_eq!(p.id.to_string(), "P-1");
        assert_eq!(p.entry.gender, Some(Gender::Woman));
        assert!(matches!(
            p.entry.labour_status,
            Some(LabourStatus::Unemployed { since: Some(_) })
        ));
        assert!(r.is_complete(&p));
        // Declining a sensitive item never makes a record incomplete.
        assert_eq!(
            p.entry.disadvantages.disability,
            Some(hanke::participant::Answer::Declined)
        );
    }
}

#[test]
fn wrong_answers_are_field_errors_with_stable_codes() {
    let q14 = Questionnaire::new(rules(ProgrammePeriod::Period2014To2020), Form::Entry);
    let answers = [
        ("entry_date", "2024-02-30"),
        ("gender", "woman"),
        ("labour_status", "unemployed"),
        ("education", "3"),
        ("favourite_colour", "blue"),
    ];
    let errors = q14.answer_entry("P-2", &answers).unwrap_err();
    let got: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.path.as_str(), e.rule_id))
        .collect();
    assert!(
        got.contains(&("favourite_colour", "QST-UNK-001")),
        "{got:?}"
    );
    assert!(got.contains(&("birth_date", "QST-REQ-001")), "{got:?}");
    assert!(
        got.contains(&("unemployed_since", "QST-REQ-001")),
        "{got:?}"
    );
    assert!(got.contains(&("entry_date", "IMP-CSV-003")), "{got:?}");
    assert!(
        errors.iter().all(|e| !e.message_en.is_empty()
            && !e.message_fi.is_empty()
            && !e.message_sv.is_empty())
    );

    // A non-binary answer is not a category of 2014–2020.
    let mut a = ANSWERS.to_vec();
    a[2] = ("gender", "non_binary");
    let errors = q14.answer_entry("P-3", &a).unwrap_err();
    assert!(errors.iter().any(|e| e.path == "gender"), "{errors:?}");
}

#[test]
fn exit_answers_update_the_record() {
    let r = rules(ProgrammePeriod::Period2021To2027);
    let entry = Questionnaire::new(r, Form::Entry)
        .answer_entry("P-4", &ANSWERS)
        .unwrap();
    let exit = Questionnaire::new(r, Form::Exit);
    let left = exit
        .answer_exit(
            &entry,
            &[
                ("exit_date", "2024-09-30"),
                ("exit_situation", "pay_subsidised_work"),
                ("qualification_gained", "no"),
            ],
        )
        .unwrap();
    let e = left.exit.as_ref().unwrap();
    assert_eq!(e.date.to_string(), "2024-09-30");
    assert_eq!(e.situation, Some(ExitSituation::PaySubsidisedWork));
    assert_eq!(left.entry, entry.entry);

    let errors = exit
        .answer_exit(
            &entry,
            &[("exit_date", "2023-01-01"), ("exit_situation", "education")],
        )
        .unwrap_err();
    assert!(errors.iter().any(|e| e.path == "exit_date"), "{errors:?}");
    let errors = exit
        .answer_exit(&entry, &[("exit_situation", "astronaut")])
        .unwrap_err();
    let got: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.path.as_str(), e.rule_id))
        .collect();
    assert!(got.contains(&("exit_date", "QST-REQ-001")), "{got:?}");
    assert!(got.contains(&("exit_situation", "IMP-CSV-003")), "{got:?}");
}
