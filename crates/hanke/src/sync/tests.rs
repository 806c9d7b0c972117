#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use proptest::prelude::*;

use super::*;
use crate::participant::Participant;
use crate::programme::ProgrammePeriod;
use crate::rulebook::{ParticipantRules, Rulebook};

fn rules() -> &'static ParticipantRules {
    Rulebook::for_period(ProgrammePeriod::Period2021To2027)
        .and_then(|r| r.participants())
        .unwrap()
}

fn stamp(at: &str, by: &str) -> Stamp {
    Stamp::new(
        at,
        by,
        FormVersion::current(ProgrammePeriod::Period2021To2027).unwrap(),
    )
    .unwrap()
}

fn captured() -> SyncRecord {
    let mut p = Participant::new("P-9".parse().unwrap(), "2024-03-01".parse().unwrap());
    p.entry.birth_date = Some("1990-05-05".parse().unwrap());
    SyncRecord::capture(
        &p,
        rules(),
        &stamp("2024-03-01T08:00:00Z", "device:a"),
        None,
    )
    .unwrap()
}

#[test]
fn an_identity_code_is_keyed_or_the_record_refused() {
    let mut p = Participant::new("P-9".parse().unwrap(), "2024-03-01".parse().unwrap());
    p.identity_code =
        Some(crate::PersonalIdentityCode::parse_allowing_temporary("010190-901R").unwrap());
    let s = stamp("2024-03-01T08:00:00Z", "device:a");
    let e = SyncRecord::capture(&p, rules(), &s, None).unwrap_err();
    assert_eq!(e.code(), "sync.identity_code_not_pseudonymised");
    let keys = Pseudonymiser::new(b"0123456789abcdef-test-secret").unwrap();
    let r = SyncRecord::capture(&p, rules(), &s, Some(&keys)).unwrap();
    assert!(r.value("identity_code").is_none());
    let json = r.to_json().unwrap();
    assert!(!json.contains("010190") && !crate::ids::holds_identity_code(&json));
    // A pseudonym of another code given with the code is refused.
    let other = keys
        .pseudonym(&crate::PersonalIdentityCode::parse_allowing_temporary("131052-900W").unwrap());
    p.pseudonym = Some(other);
    assert_eq!(
        SyncRecord::capture(&p, rules(), &s, Some(&keys))
            .unwrap_err()
            .code(),
        "sync.pseudonym_mismatch"
    );
    // Edits never take the code either.
    let mut r = captured();
    let e = r
        .edit(&[("identity_code", "010190-901R")], rules(), &s)
        .unwrap_err();
    assert_eq!(e.code(), "sync.identity_code_not_pseudonymised");
    assert!(!e.to_string().contains("010190"));
}

#[test]
fn stamps_read_times_with_offsets_and_sources_without_names() {
    let s = stamp("2024-03-01T01:30:00+02:00", "role:coordinator");
    assert_eq!(s.at.to_string(), "2024-02-29T23:30:00Z"); // the day in UTC, said so
    for bad in ["2024-03-01", "2024-03-01T09:00:00", "1.3.2024 9:00", ""] {
        assert_eq!(
            bad.parse::<Instant>().unwrap_err().code(),
            "sync.invalid_time",
            "{bad}"
        );
    }
    for bad in [
        "Matti Meikäläinen",
        "device:",
        "device:has space",
        "role:boss",
        "device:010190-901R",
        "device:010190A901R",
        "coordinator",
    ] {
        let e = bad.parse::<Source>().unwrap_err();
        assert_eq!(e.code(), "sync.invalid_source", "{bad}");
        assert!(!crate::ids::holds_identity_code(&e.to_string()), "{bad}");
    }
    let form_2014 = FormVersion::current(ProgrammePeriod::Period2014To2020).unwrap();
    let other = Stamp::new("2024-03-01T08:00:00Z", "device:a", form_2014).unwrap();
    assert_eq!(
        captured().delete(&other).unwrap_err().code(),
        "sync.form_of_other_period"
    );
}

#[test]
fn the_audit_trail_says_who_when_old_and_new() {
    let mut r = captured();
    let changes = r
        .edit(
            &[("gender", "Nainen")],
            rules(),
            &stamp("2024-03-02T10:00:00Z", "role:participant"),
        )
        .unwrap();
    assert_eq!(changes.len(), 1);
    let c = &changes[0];
    assert_eq!(
        (c.field, c.old.as_deref(), c.new.as_deref()),
        ("gender", None, Some("woman"))
    );
    assert_eq!(c.stamp.by.to_string(), "role:participant");
    // The same value in another spelling is no change.
    assert!(
        r.edit(
            &[("gender", "woman")],
            rules(),
            &stamp("2024-03-03T10:00:00Z", "device:b")
        )
        .unwrap()
        .is_empty()
    );
    // An edit that breaks the record is refused whole, with the reader's finding.
    let e = r
        .edit(
            &[("exit_date", "2024-01-01")],
            rules(),
            &stamp("2024-03-03T10:00:00Z", "device:b"),
        )
        .unwrap_err();
    let SyncError::Answers { findings } = &e else {
        panic!("{e:?}")
    };
    assert!(
        findings.iter().any(|f| f.rule_id == "PART-DATE-001"),
        "{findings:?}"
    );
    assert!(r.value("exit_date").is_none());
    assert_eq!(
        r.edit(
            &[("nickname", "x")],
            rules(),
            &stamp("2024-03-03T10:00:00Z", "device:b")
        )
        .unwrap_err()
        .code(),
        "sync.unknown_field"
    );
}

#[test]
fn a_reentry_needs_an_earlier_exit() {
    let mut r = captured();
    let s = stamp("2024-05-01T10:00:00Z", "device:a");
    let day = "2024-05-01".parse().unwrap();
    assert_eq!(
        r.reenter(day, rules(), &s).unwrap_err().code(),
        "sync.reentry_without_exit"
    );
    r.edit(
        &[("exit_date", "2024-05-01"), ("exit_situation", "education")],
        rules(),
        &s,
    )
    .unwrap();
    assert_eq!(
        r.reenter(day, rules(), &s).unwrap_err().code(),
        "sync.reentry_without_exit"
    );
    let later = "2024-06-01".parse().unwrap();
    r.reenter(later, rules(), &s).unwrap();
    assert_eq!(r.value("exit_date"), None);
    assert_eq!(r.value("reentry_date"), Some("2024-06-01"));
    // The first entry's data stay; the earlier exit stays in the history.
    assert_eq!(
        r.participant(rules()).unwrap().entry.date.to_string(),
        "2024-03-01"
    );
    assert!(
        r.history()
            .iter()
            .any(|c| c.field == "exit_date" && c.old.as_deref() == Some("2024-05-01"))
    );
}

#[test]
fn records_from_json_are_read_strictly() {
    let r = captured();
    let json = r.to_json().unwrap();
    assert_eq!(SyncRecord::from_json(&json).unwrap(), r);
    let with_code = json.replace("\"1990-05-05\"", "\"010190-901R\"");
    let e = SyncRecord::from_json(&with_code).unwrap_err();
    assert_eq!(e.code(), "sync_record.json");
    assert!(!e.to_string().contains("010190"));
    let unknown = json.replace("\"birth_date\"", "\"identity_code\"");
    assert_eq!(
        SyncRecord::from_json(&unknown).unwrap_err().code(),
        "sync.unknown_field"
    );
    assert!(SyncRecord::from_json(&json.replace("}", "}}")).is_err());
}

#[test]
fn revalidation_names_the_edition_each_answer_was_given_under() {
    let old = FormVersion {
        period: ProgrammePeriod::Period2021To2027,
        number: 1,
    };
    let newer = FormVersion {
        period: ProgrammePeriod::Period2021To2027,
        number: 99,
    };
    let mut r = captured();
    r.edit(
        &[("gender", "woman")],
        rules(),
        &Stamp::new("2024-03-02T10:00:00Z", "device:a", old).unwrap(),
    )
    .unwrap();
    r.edit(
        &[("labour_status", "unemployed")],
        rules(),
        &Stamp::new("2024-03-02T11:00:00Z", "device:a", newer).unwrap(),
    )
    .unwrap();
    let found = r.revalidate(rules());
    let note = found
        .iter()
        .find(|f| f.finding.rule_id == "QST-VER-001")
        .unwrap();
    assert_eq!(note.answered_under, Some(old));
    assert!(
        note.finding
            .message_en
            .contains("gender answered under form 2021-2027#1, re-validated under 2021-2027#2"),
        "{}",
        note.finding.message_en
    );
    assert!(
        note.finding.message_en.contains("identity code"),
        "names what changed"
    );
    let unknown = found
        .iter()
        .find(|f| f.finding.rule_id == "QST-VER-002")
        .unwrap();
    assert_eq!(unknown.answered_under, Some(newer));
    // The record is incomplete under the current rules (education missing,
    // unemployment start missing): each finding names its answer's edition.
    let incomplete: Vec<_> = found
        .iter()
        .filter(|f| f.finding.rule_id.starts_with("PART"))
        .collect();
    assert!(!incomplete.is_empty(), "{found:?}");
    let current = FormVersion::current(ProgrammePeriod::Period2021To2027).unwrap();
    for f in found.iter().filter(|f| f.finding.path == "entry_date") {
        assert_eq!(f.answered_under, Some(current));
    }
}

fn value() -> impl Strategy<Value = Option<&'static str>> {
    prop_oneof![
        Just(None),
        Just(Some("1")),
        Just(Some("3")),
        Just(Some("6"))
    ]
}

proptest! {
    /// The merge is symmetric, and nothing is lost silently: a field changed on
    /// one side is in the merge, one changed differently on both is a conflict.
    #[test]
    fn merges_are_symmetric_and_lose_nothing(a in value(), l in value(), r in value(),
                                             la in value(), ra in value(),
                                             del_l in any::<bool>(), del_r in any::<bool>()) {
        let s0 = stamp("2024-03-01T08:00:00Z", "device:a");
        let mut base = captured();
        let set = |rec: &mut SyncRecord, field: &str, v: Option<&str>, s: &Stamp| {
            rec.edit(&[(field, v.unwrap_or(""))], rules(), s).unwrap();
        };
        set(&mut base, "education", a, &s0);
        set(&mut base, "municipality", a.map(|_| "091"), &s0);
        let (mut local, mut remote) = (base.clone(), base.clone());
        set(&mut local, "education", l, &stamp("2024-03-02T08:00:00Z", "device:l"));
        set(&mut remote, "education", r, &stamp("2024-03-02T09:00:00Z", "device:r"));
        set(&mut local, "municipality", la.map(|_| "297"), &stamp("2024-03-02T08:00:00Z", "device:l"));
        set(&mut remote, "municipality", ra.map(|_| "853"), &stamp("2024-03-02T09:00:00Z", "device:r"));
        if del_l { local.delete(&stamp("2024-03-03T08:00:00Z", "role:coordinator")).unwrap(); }
        if del_r { remote.delete(&stamp("2024-03-03T09:00:00Z", "role:coordinator")).unwrap(); }
        let one = merge(&base, &local, &remote).unwrap();
        let two = merge(&base, &remote, &local).unwrap();
        prop_assert_eq!(one.preview(), two.preview());
        prop_assert_eq!(one.conflicts().len(), two.conflicts().len());
        for field in ["education", "municipality"] {
            let (b, lv, rv) = (base.value(field), local.value(field), remote.value(field));
            let conflict = one.conflicts().iter().any(|c| matches!(c, Conflict::Field { field: f, .. } if *f == field));
            let m = one.preview().value(field);
            if lv != b && rv != b && lv != rv {
                prop_assert!(conflict);
                prop_assert_eq!(m, b);
            } else {
                prop_assert!(!conflict);
                let expected = if lv != b { lv } else { rv };
                prop_assert_eq!(m, expected);
            }
        }
        // Every change of both sides is in the merged history.
        for c in local.history().iter().chain(remote.history()) {
            prop_assert!(one.preview().history().contains(c));
        }
        let edited = |x: &SyncRecord| x.value("education") != base.value("education") || x.value("municipality") != base.value("municipality");
        let delete_conflict = one.conflicts().iter().any(|c| matches!(c, Conflict::DeleteVsEdit { .. }));
        prop_assert_eq!(delete_conflict, (del_l && !del_r && edited(&remote)) || (del_r && !del_l && edited(&local)));
    }
}
