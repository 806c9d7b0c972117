//! Explaining a number (issue 11): every common indicator of both periods,
//! recomputed from its explanation, equals the computed figure; every record
//! is accounted for once; no identity code shows.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use chrono::NaiveDate;
use hanke::indicator::{Catalogue, CommonIndicators, Outcome};
use hanke::participant::synthetic::{SyntheticConfig, duuniin_coaching, generate};
use hanke::programme::ProgrammePeriod;
use hanke::rulebook::Rulebook;

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
