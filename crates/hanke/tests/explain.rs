//! Explaining a number (issue 11): every common indicator of both periods,
//! recomputed from its explanation, equals the computed figure; every record
//! is accounted for once; no identity code shows.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use chrono::NaiveDate;
use hanke::indicator::{Catalogue, CommonIndicators, Outcome};
use hanke::programme::ProgrammePeriod;
use hanke::rulebook::Rulebook;
use hanke::synthetic::{SyntheticConfig, duuniin_coaching, generate};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn every_figure_recomputes_from_its_explanation() {
    for (period, catalogue, start, end) in [
        (
            ProgrammePeriod::Period2014To2020,
            Catalogue::Esf2014,
            d(2016, 1, 1),
            d(2018, 12, 31),
        ),
        (
            ProgrammePeriod::Period2021To2027,
            Catalogue::EsfPlus,
            d(2022, 1, 1),
            d(2024, 12, 31),
        ),
    ] {
        let rules = Rulebook::for_period(period)
            .unwrap()
            .participants()
            .unwrap();
        let mut config = SyntheticConfig::new(7, 400, start, end);
        config.as_of = end;
        let people = generate(&config, rules);
        // A cut-off inside the period: some not entered yet, some not left.
        for cut_off in [None, Some(d(chrono::Datelike::year(&start) + 1, 6, 30))] {
            let computed = CommonIndicators::compute(catalogue, rules, cut_off, &people).unwrap();
            let mut explained = 0;
            for v in computed.values() {
                let Some(figure) = v.value else { continue };
                let why = computed.explain(v.indicator.code, &people).unwrap();
                assert_eq!(why.recount(), figure, "{} at {cut_off:?}", v.indicator.code);
                assert_eq!(why.value, figure);
                assert_eq!(why.records.len(), people.len());
                let not_yet = why
                    .records
                    .iter()
                    .filter(|r| r.outcome == Outcome::NotYetEntered)
                    .count();
                assert_eq!(not_yet as u64, computed.not_yet_entered());
                let incomplete = why
                    .records
                    .iter()
                    .filter(|r| matches!(r.outcome, Outcome::Incomplete { .. }))
                    .count();
                assert_eq!(incomplete as u64, computed.incomplete().total());
                explained += 1;
            }
            assert!(explained > 20, "{catalogue:?}");
        }
    }
}

#[test]
fn the_duuniin_employment_figure_names_who_and_why() {
    let rules = Rulebook::for_period(ProgrammePeriod::Period2014To2020)
        .unwrap()
        .participants()
        .unwrap();
    let people = duuniin_coaching();
    let ind = CommonIndicators::new(Catalogue::Esf2014, rules, Some(d(2017, 6, 30))).unwrap();
    let why = ind.explain("CR04", &people).unwrap();
    assert_eq!(why.value.total(), 6); // 2 open market, 2 pay-subsidised, 2 apprenticeships
    let text = why.to_text();
    assert!(
        text.contains("CR04 — participants in employment, including self-employment, upon leaving"),
        "{text}"
    );
    assert!(text.contains("counted (6): "), "{text}");
    assert!(text.contains("not meeting the condition (23): "), "{text}");
    assert!(text.contains("days of exit"), "{text}");
    // Records are named by id; no identity code (all 29 have one) shows.
    for p in &people {
        let code = p.identity_code.as_ref().unwrap();
        assert!(
            !text.contains(code.expose()),
            "identity code in the explanation"
        );
    }
    assert!(
        ind.explain("NOPE", &people)
            .is_err_and(|e| e.code() == "indicator.not_explained")
    );
}

/// The explanation is the audit trail: each record left out states the
/// condition it failed, in its own words — a short-term unemployed person is
/// not "not unemployed", a student is not "not inactive". Checked over every
/// indicator of both periods: no record gets a reason that holds for it.
#[test]
fn every_record_left_out_says_the_condition_it_failed() {
    use hanke::participant::{LabourStatus, Participant};
    for (period, catalogue, start, end, ltu, unemployed, inactive, in_education) in [
        (
            ProgrammePeriod::Period2014To2020,
            Catalogue::Esf2014,
            d(2016, 1, 1),
            d(2018, 12, 31),
            "CO02",
            "CO01",
            "CO03",
            Some("CO04"),
        ),
        (
            ProgrammePeriod::Period2021To2027,
            Catalogue::EsfPlus,
            d(2022, 1, 1),
            d(2024, 12, 31),
            "EECO03",
            "EECO02",
            "EECO04",
            // ESF+ has no indicator of inactive people out of education.
            None,
        ),
    ] {
        let rules = Rulebook::for_period(period)
            .unwrap()
            .participants()
            .unwrap();
        let mut config = SyntheticConfig::new(11, 300, start, end);
        config.as_of = end;
        let people: Vec<Participant> = generate(&config, rules);
        let computed = CommonIndicators::compute(catalogue, rules, None, &people).unwrap();
        let reason_of = |code: &str, p: &Participant| -> Option<String> {
            let why = computed.explain(code, std::slice::from_ref(p)).unwrap();
            match &why.records[0].outcome {
                Outcome::NotMet { reason } => Some(reason.clone()),
                _ => None,
            }
        };
        let mut seen = (0, 0, 0);
        // Incomplete records are left out as such, whatever the condition.
        for p in people.iter().filter(|p| rules.is_complete(p)) {
            match p.entry.labour_status {
                Some(LabourStatus::Unemployed { .. }) => {
                    // Unemployed, not long-term: never "not unemployed".
                    if let Some(r) = reason_of(ltu, p) {
                        assert!(r.starts_with("unemployed at entry, but"), "{ltu}: {r}");
                        seen.0 += 1;
                    }
                    assert_eq!(reason_of(unemployed, p), None);
                }
                Some(LabourStatus::Inactive {
                    in_education_or_training: true,
                }) => {
                    assert_eq!(reason_of(inactive, p), None);
                    if let Some(code) = in_education {
                        let r = reason_of(code, p).unwrap();
                        assert_eq!(r, "inactive at entry, but in education or training");
                    }
                    seen.1 += 1;
                }
                Some(status) => {
                    let r = reason_of(unemployed, p).unwrap();
                    assert!(r.contains(status.code()), "{r}");
                    if !matches!(status, LabourStatus::Inactive { .. }) {
                        let r = reason_of(inactive, p).unwrap();
                        assert!(r.starts_with("not inactive"), "{r}");
                    }
                    seen.2 += 1;
                }
                None => {}
            }
            // No indicator falls back on a reason that names no condition.
            for v in computed.values() {
                if v.value.is_none() {
                    continue;
                }
                if let Some(r) = reason_of(v.indicator.code, p) {
                    assert!(
                        !r.contains("does not hold") && !r.contains("not computed"),
                        "{}: {r}",
                        v.indicator.code
                    );
                }
            }
        }
        assert!(
            seen.0 > 0 && seen.1 > 0 && seen.2 > 0,
            "{catalogue:?}: {seen:?}"
        );
    }
}
