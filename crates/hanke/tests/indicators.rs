//! Common indicators on small, hand-derived participant sets — including the
//! traps the rules set — and the merge property.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chrono::{Datelike, NaiveDate};
use hanke::classify::EducationLevel;
use hanke::indicator::{Catalogue, CommonIndicators, IndicatorKind, Tally};
use hanke::participant::{
    Answer, Exit, ExitEvent, ExitSituation, FollowUp, Gender, Improvement, LabourStatus,
    Participant,
};
use hanke::programme::{ProgrammePeriod, Verification};
use hanke::rulebook::ParticipantRules;
use hanke::rulebook::Rulebook;
use hanke::synthetic::{SyntheticConfig, duuniin_coaching, generate};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn rules(period: ProgrammePeriod) -> &'static ParticipantRules {
    Rulebook::for_period(period)
        .unwrap()
        .participants()
        .unwrap()
}

const P14: ProgrammePeriod = ProgrammePeriod::Period2014To2020;
const P21: ProgrammePeriod = ProgrammePeriod::Period2021To2027;

/// A complete record: entered 1 March 2020, upper-secondary education.
fn person(id: &str, gender: Gender, birth: NaiveDate, status: LabourStatus) -> Participant {
    let mut p = Participant::new(id.parse().unwrap(), d(2020, 3, 1));
    p.entry.birth_date = Some(birth);
    p.entry.gender = Some(gender);
    p.entry.labour_status = Some(status);
    p.entry.education = EducationLevel::from_code(3);
    p
}

const INACTIVE: LabourStatus = LabourStatus::Inactive {
    in_education_or_training: false,
};

fn unemployed_since(y: i32, m: u32, day: u32) -> LabourStatus {
    LabourStatus::Unemployed {
        since: Some(d(y, m, day)),
    }
}

fn total(ind: &CommonIndicators, code: &str) -> u64 {
    ind.get(code)
        .unwrap_or_else(|| panic!("{code} not computed"))
        .total()
}

#[test]
fn catalogues_are_complete_and_sourced() {
    let codes = |c: Catalogue| c.indicators().iter().map(|i| i.code).collect::<Vec<_>>();
    let mut expected14: Vec<String> = (1..=23).map(|n| format!("CO{n:02}")).collect();
    expected14.extend((1..=9).map(|n| format!("CR{n:02}")));
    assert_eq!(codes(Catalogue::Esf2014), expected14);
    let mut expected21: Vec<String> = (1..=19).map(|n| format!("EECO{n:02}")).collect();
    expected21.extend((1..=6).map(|n| format!("EECR{n:02}")));
    assert_eq!(codes(Catalogue::EsfPlus), expected21);
    assert_eq!(Catalogue::EsfPlusMostDeprived.indicators().len(), 8);
    for c in Catalogue::ALL {
        for i in c.indicators() {
            assert!(!i.name_fi.is_empty() && !i.name_sv.is_empty() && !i.name_en.is_empty());
            assert!(i.source.starts_with("Reg. "), "{}", i.code);
            assert!(!i.definition.is_empty());
        }
    }
    // The codes RULES.md confirms, and one confirmed here (CR03, gov.uk action note 054/20).
    for (c, code) in [
        (Catalogue::Esf2014, "CO01"),
        (Catalogue::Esf2014, "CO15"),
        (Catalogue::Esf2014, "CR03"),
        (Catalogue::EsfPlus, "EECO02"),
        (Catalogue::EsfPlus, "EECO12"),
        (Catalogue::EsfPlus, "EECR01"),
        (Catalogue::EsfPlus, "EECR04"),
    ] {
        assert_eq!(
            c.indicator(code).unwrap().code_verification,
            Verification::Verified
        );
    }
    // Everything else stays flagged.
    assert_eq!(
        Catalogue::EsfPlus
            .indicator("EECO01")
            .unwrap()
            .code_verification,
        Verification::Unverified
    );
    let kind = |c: Catalogue, code| c.indicator(code).unwrap().kind;
    assert_eq!(
        kind(Catalogue::Esf2014, "CR05"),
        IndicatorKind::ImmediateResult
    );
    assert_eq!(
        kind(Catalogue::Esf2014, "CR09"),
        IndicatorKind::LongerTermResult
    );
    assert_eq!(
        kind(Catalogue::EsfPlus, "EECR06"),
        IndicatorKind::LongerTermResult
    );
}

#[test]
fn age_is_taken_at_entry() {
    // Born 2 March 1965: 54 on entry (1 March 2020), 55 the next day.
    let mut p = person("AGE", Gender::Woman, d(1965, 3, 2), INACTIVE);
    p.exit = Some(Exit::new(d(2020, 9, 1), Some(ExitSituation::Inactive)));
    for (c, code, rules) in [
        (Catalogue::Esf2014, "CO07", rules(P14)),
        (Catalogue::EsfPlus, "EECO08", rules(P21)),
    ] {
        let ind = CommonIndicators::compute(c, rules, None, [&p]).unwrap();
        assert_eq!(total(&ind, code), 0, "{code}");
    }
    let ind = CommonIndicators::compute(Catalogue::Esf2014, rules(P14), None, [&p]).unwrap();
    assert_eq!(total(&ind, "CO08"), 0);
    // A day older at entry: counted, and in CO08 as inactive not in education.
    p.entry.birth_date = Some(d(1965, 3, 1));
    let ind = CommonIndicators::compute(Catalogue::Esf2014, rules(P14), None, [&p]).unwrap();
    assert_eq!((total(&ind, "CO07"), total(&ind, "CO08")), (1, 1));
}

#[test]
fn long_term_unemployment_around_the_age_dependent_threshold() {
    // Entry 1 March 2020. Under 25: more than 6 months; 25 and over: more than 12.
    let young = d(2000, 1, 1);
    let adult = d(1980, 1, 1);
    let people = [
        person("Y-6M", Gender::Man, young, unemployed_since(2019, 9, 1)), // exactly 6 months
        person("Y-6M1D", Gender::Man, young, unemployed_since(2019, 8, 31)), // a day more
        person("A-12M", Gender::Woman, adult, unemployed_since(2019, 3, 1)), // exactly 12
        person(
            "A-12M1D",
            Gender::Woman,
            adult,
            unemployed_since(2019, 2, 28),
        ), // a day more
        person("A-7M", Gender::Woman, adult, unemployed_since(2019, 8, 1)), // 7 months at 40
    ];
    let ind = CommonIndicators::compute(Catalogue::Esf2014, rules(P14), None, &people).unwrap();
    assert_eq!(total(&ind, "CO01"), 5);
    let ltu = ind.get("CO02").unwrap();
    assert_eq!((ltu.men, ltu.women), (1, 1));
    // The national register definition (12 months at any age, 2021–2027 only):
    // exactly 12 months counts, the young person's 6 months do not.
    let national = rules(P21)
        .with_ltu(hanke::participant::LtuDefinition::RegisteredTwelveMonths)
        .unwrap();
    let ind = CommonIndicators::compute(Catalogue::EsfPlus, &national, None, &people).unwrap();
    let ltu = ind.get("EECO03").unwrap();
    assert_eq!((ltu.men, ltu.women), (0, 2));
}

#[test]
fn incomplete_records_count_only_in_the_grand_total() {
    let complete = person("OK", Gender::Woman, d(1990, 1, 1), INACTIVE);
    let mut no_education = person("NOEDU", Gender::Man, d(1990, 1, 1), INACTIVE);
    no_education.entry.education = None;
    let mut no_start = person(
        "NOSTART",
        Gender::Man,
        d(1990, 1, 1),
        LabourStatus::Unemployed { since: None },
    );
    no_start.entry.education = EducationLevel::from_code(2);
    // A declined sensitive item does not make a record incomplete.
    let mut declined = person("DECL", Gender::Woman, d(1990, 1, 1), INACTIVE);
    declined.entry.disadvantages.disability = Some(Answer::Declined);
    declined.entry.disadvantages.minority = Some(Answer::Declined);
    let people = [complete, no_education, no_start, declined];
    for (c, r, total_code) in [
        (Catalogue::Esf2014, rules(P14), None),
        (Catalogue::EsfPlus, rules(P21), Some("EECO01")),
    ] {
        let ind = CommonIndicators::compute(c, r, None, &people).unwrap();
        assert_eq!(ind.grand_total().total(), 4);
        assert_eq!(
            ind.incomplete(),
            Tally {
                men: 2,
                ..Tally::default()
            }
        );
        let inactive = if c == Catalogue::Esf2014 {
            "CO03"
        } else {
            "EECO04"
        };
        assert_eq!(ind.get(inactive).unwrap().women, 2);
        assert_eq!(ind.get(inactive).unwrap().men, 0);
        if let Some(code) = total_code {
            assert_eq!(total(&ind, code), 2);
        }
        let disability = if c == Catalogue::Esf2014 {
            "CO16"
        } else {
            "EECO12"
        };
        assert_eq!(total(&ind, disability), 0);
    }
}

#[test]
fn job_search_then_work_within_four_weeks_counts_once_as_employment() {
    // The SFC worked example: inactive, job searching on leaving, a job on day 20.
    let mut p = person("SFC", Gender::Woman, d(1990, 1, 1), INACTIVE);
    let mut exit = Exit::new(d(2021, 3, 1), Some(ExitSituation::JobSeeking));
    exit.later_events.push(ExitEvent {
        date: d(2021, 3, 21),
        situation: ExitSituation::OpenLabourMarket,
    });
    p.exit = Some(exit);
    let ind = CommonIndicators::compute(Catalogue::EsfPlus, rules(P21), None, [&p]).unwrap();
    assert_eq!((total(&ind, "EECR04"), total(&ind, "EECR01")), (1, 0));
    let ind = CommonIndicators::compute(Catalogue::Esf2014, rules(P14), None, [&p]).unwrap();
    assert_eq!((total(&ind, "CR04"), total(&ind, "CR01")), (1, 0));
    // At a cut-off before the job, the person is still job searching.
    let ind = CommonIndicators::compute(Catalogue::EsfPlus, rules(P21), Some(d(2021, 3, 10)), [&p])
        .unwrap();
    assert_eq!((total(&ind, "EECR04"), total(&ind, "EECR01")), (0, 1));
    // A job found on day 29 is outside the reference period.
    let mut late = p.clone();
    late.exit.as_mut().unwrap().later_events[0].date = d(2021, 3, 30);
    let ind = CommonIndicators::compute(Catalogue::EsfPlus, rules(P21), None, [&late]).unwrap();
    assert_eq!((total(&ind, "EECR04"), total(&ind, "EECR01")), (0, 1));
}

#[test]
fn non_binary_exists_in_esf_plus_only() {
    let p = person("NB", Gender::NonBinary, d(1999, 1, 1), INACTIVE);
    let ind = CommonIndicators::compute(Catalogue::EsfPlus, rules(P21), None, [&p]).unwrap();
    assert_eq!(ind.get("EECO04").unwrap().non_binary, 1);
    assert_eq!(ind.incomplete().total(), 0);
    // In 2014–2020 the category does not exist: the record is incomplete and
    // counts in the grand total with an unknown gender.
    let ind = CommonIndicators::compute(Catalogue::Esf2014, rules(P14), None, [&p]).unwrap();
    assert_eq!(ind.grand_total().unknown, 1);
    assert_eq!(ind.incomplete().unknown, 1);
    assert_eq!(total(&ind, "CO03"), 0);
}

#[test]
fn cut_off_counts_what_had_happened_by_that_day() {
    let mut p = person("CUT", Gender::Man, d(1980, 1, 1), LabourStatus::Employed);
    p.exit = Some(Exit::new(
        d(2020, 6, 30),
        Some(ExitSituation::OpenLabourMarket),
    ));
    let mut f = FollowUp::new(d(2020, 12, 31), Some(true));
    f.improvement = Some(Improvement::PrecariousToStable);
    p.follow_up = Some(f);
    let at = |cut: NaiveDate| {
        CommonIndicators::compute(Catalogue::EsfPlus, rules(P21), Some(cut), [&p]).unwrap()
    };
    let before_entry = at(d(2020, 2, 29));
    assert_eq!(
        (
            before_entry.grand_total().total(),
            before_entry.not_yet_entered()
        ),
        (0, 1)
    );
    let inside = at(d(2020, 6, 29));
    assert_eq!((total(&inside, "EECO05"), total(&inside, "EECR04")), (1, 0));
    let left = at(d(2020, 6, 30));
    assert_eq!((total(&left, "EECR04"), total(&left, "EECR05")), (1, 0));
    let followed = at(d(2020, 12, 31));
    assert_eq!(
        (total(&followed, "EECR05"), total(&followed, "EECR06")),
        (1, 1)
    );
    // The improvement counts only for those employed at entry.
    let mut q = p.clone();
    q.entry.labour_status = Some(INACTIVE);
    let ind = CommonIndicators::compute(Catalogue::EsfPlus, rules(P21), None, [&q]).unwrap();
    assert_eq!((total(&ind, "EECR05"), total(&ind, "EECR06")), (1, 0));
}

#[test]
fn disadvantaged_results_and_sensitive_outputs() {
    let mut p = person(
        "DIS",
        Gender::Woman,
        d(1960, 1, 1),
        unemployed_since(2018, 1, 1),
    );
    p.entry.disadvantages.disability = Some(Answer::Yes);
    p.entry.disadvantages.foreign_background = Some(Answer::Declined);
    let mut exit = Exit::new(d(2020, 8, 1), Some(ExitSituation::Education));
    exit.qualification_gained = Some(true);
    p.exit = Some(exit);
    p.follow_up = Some(FollowUp::new(d(2021, 2, 1), Some(true)));
    let ind = CommonIndicators::compute(Catalogue::Esf2014, rules(P14), None, [&p]).unwrap();
    for (code, n) in [
        ("CO01", 1),
        ("CO02", 1),
        ("CO07", 1),
        ("CO08", 1),
        ("CO15", 0),
        ("CO16", 1),
        ("CR02", 1),
        ("CR03", 1),
        ("CR04", 0),
        ("CR05", 1),
        ("CR06", 1),
        ("CR07", 0),
        ("CR08", 1),
        ("CR09", 1),
    ] {
        assert_eq!(total(&ind, code), n, "{code}");
    }
    // Not computed from participants: entity indicators and rural areas.
    assert!(ind.get("CO19").is_none() && ind.get("CO20").is_none());
}

#[test]
fn duuniin_results_in_both_periods() {
    // Lähde mukaan! (S20250), seed 001: of 29 Duuniin! participants, 6 to
    // education, 2 pay-subsidised work, 2 open labour market, 14 activated as
    // jobseekers, 1 vocational rehabilitation, 1 work trial, 2 apprenticeships.
    let people = duuniin_coaching();
    let ind = CommonIndicators::compute(Catalogue::Esf2014, rules(P14), None, &people).unwrap();
    assert_eq!(ind.grand_total().total(), 29);
    assert_eq!(ind.incomplete().total(), 0);
    assert_eq!(
        ind.get("CR04").unwrap(),
        Tally {
            women: 3,
            men: 3,
            ..Tally::default()
        }
    );
    for (code, n) in [
        ("CO01", 18),
        ("CO02", 16),
        ("CO03", 11),
        ("CO04", 11),
        ("CO06", 7),
        ("CO07", 4),
        ("CO08", 4),
        ("CR01", 8), // inactive at entry and job searching on leaving
        ("CR02", 8), // 6 education + 2 apprenticeships
        ("CR03", 0),
        ("CR04", 6),
    ] {
        assert_eq!(total(&ind, code), n, "{code}");
    }
    let ind = CommonIndicators::compute(Catalogue::EsfPlus, rules(P21), None, &people).unwrap();
    // EECR01 is a change of situation: only those inactive at entry who are
    // job searching on leaving count, as CR01 (issue 24 item 1). Before, the
    // 14 jobseekers and the work trial (15) counted, 7 of them unemployed at
    // entry and still unemployed.
    for (code, n) in [("EECO01", 29), ("EECR01", 8), ("EECR02", 8), ("EECR04", 6)] {
        assert_eq!(total(&ind, code), n, "{code}");
    }
}

#[test]
fn catalogue_and_rules_must_agree() {
    let e = CommonIndicators::new(Catalogue::EsfPlus, rules(P14), None).unwrap_err();
    assert_eq!(e.code(), "indicator.period_mismatch");
    let mut a = CommonIndicators::new(Catalogue::EsfPlus, rules(P21), None).unwrap();
    let b = CommonIndicators::new(Catalogue::EsfPlus, rules(P21), Some(d(2024, 6, 30))).unwrap();
    assert_eq!(a.merge(&b).unwrap_err().code(), "indicator.merge_mismatch");
}

#[test]
fn annex_ii_counts_every_record_and_the_over_65s() {
    let mut old = person("OLD", Gender::Woman, d(1950, 1, 1), INACTIVE);
    old.entry.education = None; // Annex II does not need Annex I point 1.1 data
    old.entry.disadvantages.homeless = Some(Answer::Yes);
    let young = person("YOUNG", Gender::Man, d(2000, 1, 1), INACTIVE); // 20 at entry
    let ind = CommonIndicators::compute(
        Catalogue::EsfPlusMostDeprived,
        rules(P21),
        None,
        [&old, &young],
    )
    .unwrap();
    for (code, n) in [
        ("II-1.1a", 2),
        ("II-1.1b", 0),
        ("II-1.1c", 1),
        ("II-1.1d", 1),
        ("II-1.2d", 1),
    ] {
        assert_eq!(total(&ind, code), n, "{code}");
    }
}

fn synthetic(seed: u64, count: usize, period: ProgrammePeriod) -> Vec<Participant> {
    let mut config = SyntheticConfig::new(seed, count, d(2021, 1, 1), d(2024, 12, 31));
    config.as_of = d(2025, 6, 30);
    generate(&config, rules(period))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Computing over parts and merging gives exactly the whole, in any order
    /// and grouping (associative and commutative).
    #[test]
    fn merging_parts_equals_the_whole(
        seed in any::<u64>(),
        count in 0usize..120,
        cuts in proptest::collection::vec(0usize..120, 0..4),
        cut_off_days in proptest::option::of(0u64..1800),
        esf_plus in any::<bool>(),
    ) {
        let (period, catalogue) = if esf_plus { (P21, Catalogue::EsfPlus) } else { (P14, Catalogue::Esf2014) };
        let people = synthetic(seed, count, period);
        let cut_off = cut_off_days.map(|n| d(2021, 1, 1) + chrono::Days::new(n));
        let r = rules(period);
        let whole = CommonIndicators::compute(catalogue, r, cut_off, &people).unwrap();

        let mut bounds: Vec<usize> = cuts.into_iter().map(|c| c.min(people.len())).collect();
        bounds.push(0);
        bounds.push(people.len());
        bounds.sort_unstable();
        let parts: Vec<CommonIndicators> = bounds
            .windows(2)
            .map(|w| CommonIndicators::compute(catalogue, r, cut_off, &people[w[0]..w[1]]).unwrap())
            .collect();

        let mut forward = CommonIndicators::new(catalogue, r, cut_off).unwrap();
        for p in &parts {
            forward.merge(p).unwrap();
        }
        prop_assert_eq!(&forward, &whole);

        let mut backward = CommonIndicators::new(catalogue, r, cut_off).unwrap();
        for p in parts.iter().rev() {
            backward.merge(p).unwrap();
        }
        prop_assert_eq!(&backward, &whole);

        // (a + b) + c == a + (b + c) over pairwise groupings.
        if parts.len() >= 3 {
            let mut left = parts[0].clone();
            left.merge(&parts[1]).unwrap();
            let mut right = parts[1].clone();
            right.merge(&parts[2]).unwrap();
            let mut ab_c = left;
            ab_c.merge(&parts[2]).unwrap();
            let mut a_bc = parts[0].clone();
            a_bc.merge(&right).unwrap();
            prop_assert_eq!(ab_c, a_bc);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// A partial result read back from its JSON form is the same computation
    /// and merges like the original (how parts travel between processes).
    #[test]
    fn json_round_trip_keeps_every_count(
        seed in any::<u64>(),
        count in 0usize..150,
        cut_off_days in proptest::option::of(0u64..1800),
        catalogue in proptest::sample::select(Catalogue::ALL.to_vec()),
        register_ltu in any::<bool>(),
    ) {
        let period = catalogue.period();
        let r = if register_ltu && period == P21 {
            rules(period).with_ltu(hanke::participant::LtuDefinition::RegisteredTwelveMonths).unwrap()
        } else {
            *rules(period)
        };
        let people = synthetic(seed, count, period);
        let cut_off = cut_off_days.map(|n| d(2021, 1, 1) + chrono::Days::new(n));
        let ind = CommonIndicators::compute(catalogue, &r, cut_off, &people).unwrap();
        let back = CommonIndicators::from_json_str(&ind.to_json_string().unwrap()).unwrap();
        prop_assert_eq!(&back, &ind);
        let mut twice = back.clone();
        twice.merge(&ind).unwrap();
        prop_assert_eq!(twice.grand_total().total(), 2 * ind.grand_total().total());
    }
}

#[test]
fn json_that_does_not_fit_the_catalogue_is_refused() {
    let people = synthetic(7, 40, P21);
    let ind = CommonIndicators::compute(Catalogue::EsfPlus, rules(P21), None, &people).unwrap();
    let good: serde_json::Value = serde_json::from_str(&ind.to_json_string().unwrap()).unwrap();
    let refused = |edit: &dyn Fn(&mut serde_json::Value), needle: &str| {
        let mut v = good.clone();
        edit(&mut v);
        let e = CommonIndicators::from_json_str(&v.to_string()).unwrap_err();
        assert_eq!(e.code(), "indicator.json");
        assert!(e.to_string().contains(needle), "{needle:?} not in {e}");
    };
    let indicators = |v: &mut serde_json::Value| v["indicators"].as_array_mut().unwrap().clone();
    refused(
        &|v| v["indicators"].as_array_mut().unwrap().truncate(24),
        "EECR06 is missing",
    );
    refused(
        &|v| {
            let first = indicators(v)[0].clone();
            v["indicators"].as_array_mut().unwrap().push(first);
        },
        "EECO01 appears twice",
    );
    refused(
        &|v| v["indicators"][0]["indicator"]["code"] = "CO01".into(),
        "CO01 is not an indicator",
    );
    refused(
        &|v| v["indicators"][0]["value"] = serde_json::Value::Null,
        "EECO01 has no value",
    );
    // EECO19 (entities) is not computed from participant records.
    let entities = ind.values().position(|v| v.value.is_none()).unwrap();
    refused(
        &|v| v["indicators"][entities]["value"] = v["grand_total"].clone(),
        "cannot have a value",
    );
    refused(
        &|v| v["catalogue"] = "esf_2014".into(),
        "is not an indicator of the esf_2014",
    );
    refused(
        &|v| v["grand_total"]["women"] = (-1).into(),
        "grand_total.women",
    );
    refused(
        &|v| v["incomplete"]["men"] = 1_000_000.into(),
        "more incomplete records",
    );
    // 2014–2020 allowed no national definition of long-term unemployment.
    let ind14 = CommonIndicators::new(Catalogue::Esf2014, rules(P14), None).unwrap();
    let text = ind14
        .to_json_string()
        .unwrap()
        .replace("age_dependent", "registered_twelve_months");
    let e = CommonIndicators::from_json_str(&text).unwrap_err();
    assert!(e.to_string().contains("does not allow"), "{e}");
    // The JSON names of the catalogues are their stable codes.
    for c in Catalogue::ALL {
        assert_eq!(serde_json::to_value(c).unwrap(), c.code());
    }
}

/// `docs/indicators.md` is the catalogue as the code has it. Regenerate with
/// `HANKE_BLESS=1 cargo test -p hanke --test indicators published`.
#[test]
fn published_catalogue_matches_the_code() {
    let mut doc = String::from(
        "# Common indicators\n\n\
         Generated from `hanke::indicator::Catalogue::to_markdown` (a test keeps this file \
         equal to the code). \"code verified\" and \"definition verified\" say how far each \
         SFC code and hanke's rule over participant records are confirmed against a source: \
         `yes` (verified), `partly`, `no` (unverified — treat with care). Sources: \
         `../shared/domain/RULES.md` §1–§2 and the module documentation of `hanke::indicator`.\n",
    );
    for (title, c) in [
        ("ESF 2014–2020 (Reg. 1304/2013 Annex I)", Catalogue::Esf2014),
        (
            "ESF+ 2021–2027 (Reg. 2021/1057 Annex I)",
            Catalogue::EsfPlus,
        ),
        (
            "ESF+ 2021–2027, specific objective (l), most deprived (Reg. 2021/1057 Annex II)",
            Catalogue::EsfPlusMostDeprived,
        ),
    ] {
        doc.push_str(&format!("\n## {title}\n\n{}", c.to_markdown()));
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/indicators.md");
    if std::env::var_os("HANKE_BLESS").is_some() {
        std::fs::write(&path, &doc).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == doc,
        "docs/indicators.md is stale: run HANKE_BLESS=1 cargo test -p hanke --test indicators published"
    );
}

/// Issue 24 item 2: the longer-term results count a follow-up only about six
/// months after the exit (six calendar months, 28 days either side: ADR 0019).
/// Exit 31 January 2022: the window is 3 July – 28 August 2022.
#[test]
fn six_month_results_count_only_follow_ups_in_the_window() {
    let exit = d(2022, 1, 31);
    let at = |follow: NaiveDate| {
        let mut p = person("FU", Gender::Man, d(1990, 1, 1), LabourStatus::Employed);
        p.exit = Some(Exit::new(exit, Some(ExitSituation::OpenLabourMarket)));
        let mut f = FollowUp::new(follow, Some(true));
        f.improvement = Some(Improvement::Promotion);
        p.follow_up = Some(f);
        p
    };
    assert_eq!(
        rules(P21).follow_up_window(exit),
        Some((d(2022, 7, 3), d(2022, 8, 28)))
    );
    for (follow, counts) in [
        (d(2022, 1, 30), false), // before the exit
        (d(2022, 4, 30), false), // three months after
        (d(2022, 7, 2), false),  // a day before the window
        (d(2022, 7, 3), true),
        (d(2022, 7, 31), true), // six months to the day
        (d(2022, 8, 28), true),
        (d(2022, 8, 29), false), // a day after
    ] {
        let p = at(follow);
        for (catalogue, period, codes) in [
            (Catalogue::EsfPlus, P21, ["EECR05", "EECR06"]),
            (Catalogue::Esf2014, P14, ["CR06", "CR07"]),
        ] {
            let ind = CommonIndicators::compute(catalogue, rules(period), None, [&p]).unwrap();
            for code in codes {
                assert_eq!(total(&ind, code), u64::from(counts), "{code} {follow}");
            }
            // The column path agrees, inside its tabled years and outside them
            // (the same dates 80 years on, where it asks the rules' calendar).
            for years in [0, 80] {
                let mut q = p.clone();
                let shift = |day: NaiveDate| day.with_year(day.year() + years).unwrap();
                q.entry.date = shift(q.entry.date);
                q.entry.birth_date = q.entry.birth_date.map(shift);
                let x = q.exit.as_mut().unwrap();
                x.date = shift(x.date);
                let fu = q.follow_up.as_mut().unwrap();
                fu.date = shift(fu.date);
                let rows = CommonIndicators::compute(catalogue, rules(period), None, [&q]).unwrap();
                let table = hanke::participant::columns::ParticipantTable::from_participants(
                    std::slice::from_ref(&q),
                )
                .unwrap();
                let mut cols = CommonIndicators::new(catalogue, rules(period), None).unwrap();
                cols.add_columns(&table.columns()).unwrap();
                assert_eq!(cols, rows, "{follow} + {years} years");
                assert_eq!(
                    total(&rows, codes[0]),
                    u64::from(counts),
                    "{follow} + {years} years"
                );
            }
            // The explanation names the window, and the check says why.
            let why = ind.explain(codes[0], std::slice::from_ref(&p)).unwrap();
            let text = why.to_text();
            assert_eq!(
                text.contains("not six months after the exit (2022-07-03–2022-08-28)"),
                !counts,
                "{text}"
            );
            let ids: Vec<_> = rules(period).check(&p).iter().map(|f| f.rule_id).collect();
            assert_eq!(
                ids.contains(&"PART-FOLLOW-002"),
                !counts && follow >= exit,
                "{ids:?}"
            );
            assert_eq!(ids.contains(&"PART-DATE-004"), follow < exit, "{ids:?}");
        }
    }
}

/// Issue 24 item 1: EECR01 counts a change of situation — people inactive at
/// entry who are job searching on leaving — as CR01 did; an unemployed person
/// still looking for work is not a result.
#[test]
fn job_searching_upon_leaving_counts_those_inactive_at_entry() {
    let leaving = |status: LabourStatus| {
        let mut p = person("JS", Gender::Woman, d(1990, 1, 1), status);
        p.exit = Some(Exit::new(d(2022, 1, 31), Some(ExitSituation::JobSeeking)));
        p
    };
    for (status, counted) in [
        (INACTIVE, 1),
        (unemployed_since(2021, 6, 1), 0),
        (LabourStatus::Employed, 0),
    ] {
        let p = leaving(status);
        let plus = CommonIndicators::compute(Catalogue::EsfPlus, rules(P21), None, [&p]).unwrap();
        let old = CommonIndicators::compute(Catalogue::Esf2014, rules(P14), None, [&p]).unwrap();
        assert_eq!(
            (total(&plus, "EECR01"), total(&old, "CR01")),
            (counted, counted)
        );
    }
    let eecr01 = Catalogue::EsfPlus.indicator("EECR01").unwrap();
    assert!(eecr01.definition.contains("Interpretation"));
    assert_eq!(eecr01.definition_verification, Verification::Partial);
}

/// Issue 24 item 5: 2014–2020 CO09 is ISCED 1–2 as Reg. 1304/2013 Annex I
/// words it; ISCED 0 (less than primary) counts in no education band then,
/// but in EECO09 (ISCED 0–2) under ESF+.
#[test]
fn isced_0_is_in_no_education_band_of_2014() {
    let mut p = person("ED0", Gender::Man, d(1990, 1, 1), INACTIVE);
    p.entry.education = Some(EducationLevel::EarlyChildhood);
    let old = CommonIndicators::compute(Catalogue::Esf2014, rules(P14), None, [&p]).unwrap();
    assert_eq!(
        old.incomplete().total(),
        0,
        "ISCED 0 is a recorded education"
    );
    for code in ["CO09", "CO10", "CO11"] {
        assert_eq!(total(&old, code), 0, "{code}");
    }
    let plus = CommonIndicators::compute(Catalogue::EsfPlus, rules(P21), None, [&p]).unwrap();
    assert_eq!(total(&plus, "EECO09"), 1);
    p.entry.education = Some(EducationLevel::Primary);
    let old = CommonIndicators::compute(Catalogue::Esf2014, rules(P14), None, [&p]).unwrap();
    assert_eq!(total(&old, "CO09"), 1);
}

/// Issue 24 item 4: "disadvantaged" for CR05 and CR09 is a yes to a
/// special-category output (CO15–CO17); homelessness alone (CO18) is not.
#[test]
fn homelessness_alone_is_not_disadvantaged_for_cr05_and_cr09() {
    let mut p = person(
        "HOM",
        Gender::Woman,
        d(1980, 1, 1),
        unemployed_since(2018, 1, 1),
    );
    p.entry.disadvantages.homeless = Some(Answer::Yes);
    p.exit = Some(Exit::new(
        d(2020, 1, 31),
        Some(ExitSituation::OpenLabourMarket),
    ));
    p.follow_up = Some(FollowUp::new(d(2020, 7, 31), Some(true)));
    let at = |p: &Participant| {
        let ind = CommonIndicators::compute(Catalogue::Esf2014, rules(P14), None, [p]).unwrap();
        (
            total(&ind, "CO18"),
            total(&ind, "CR05"),
            total(&ind, "CR09"),
        )
    };
    assert_eq!(at(&p), (1, 0, 0));
    let why = CommonIndicators::new(Catalogue::Esf2014, rules(P14), None)
        .unwrap()
        .explain("CR05", std::slice::from_ref(&p))
        .unwrap()
        .to_text();
    assert!(
        why.contains("homeless, but no special-category disadvantage"),
        "{why}"
    );
    p.entry.disadvantages.other_disadvantaged = Some(Answer::Yes);
    assert_eq!(at(&p), (1, 1, 1));
}

/// Issue 24 item 6: before the Omnibus (Reg. 2018/1046, in force 2 August
/// 2018) a complete 2014–2020 record also had its household situation; a
/// report at a cut-off before that day applies the old rule, on both readers.
#[test]
fn completeness_before_the_omnibus_needs_the_household() {
    let mut p = person("HH", Gender::Man, d(1990, 1, 1), INACTIVE);
    p.entry.date = d(2017, 3, 1);
    assert!(p.entry.household.is_none());
    for (cut, incomplete) in [
        (Some(d(2018, 8, 1)), 1),
        (Some(d(2018, 8, 2)), 0),
        (None, 0),
    ] {
        let ind = CommonIndicators::compute(Catalogue::Esf2014, rules(P14), cut, [&p]).unwrap();
        assert_eq!(ind.incomplete().total(), incomplete, "{cut:?}");
        // The check says so at the same cut-off (PART-COMP-001 names the household).
        let comp = rules(P14)
            .check_at(&p, cut)
            .into_iter()
            .filter(|f| f.rule_id == "PART-COMP-001" && f.path.contains("household"))
            .count();
        assert_eq!(comp, incomplete as usize, "{cut:?}");
        if incomplete == 1 {
            let why = ind
                .explain("CO03", std::slice::from_ref(&p))
                .unwrap()
                .to_text();
            assert!(
                why.contains("household") || why.contains("Household"),
                "{why}"
            );
        }
    }
    // ESF+ never asks for it.
    let ind = CommonIndicators::compute(Catalogue::EsfPlus, rules(P21), Some(d(2018, 8, 1)), [&p]);
    assert!(ind.is_ok());
}

/// Issue 24 item 3: an ESF+ operation under specific objective (l) reports of
/// Annex I point 1.1 only the total and the age groups, so a record needs
/// only gender and birth date (Art 17(5)); labour-market and education
/// indicators are not reported. Hand-derived: three people with gender and
/// birth date only (ages 16, 25 and 60 at entry) — under the general rules all
/// three are incomplete and EECO01 is 0; under (l) EECO01 is 3, EECO06 (below
/// 18) 1, EECO07 (18–29) 1, EECO08 (55 and over) 1, EECO02 not reported.
#[test]
fn objective_l_reports_the_total_and_the_age_groups() {
    use hanke::participant::columns::ParticipantTable;
    let bare = |id: &str, birth: NaiveDate| {
        let mut p = Participant::new(id.parse().unwrap(), d(2023, 3, 1));
        p.entry.gender = Some(Gender::Woman);
        p.entry.birth_date = Some(birth);
        p
    };
    let people = [
        bare("L1", d(2006, 6, 1)),
        bare("L2", d(1997, 6, 1)),
        bare("L3", d(1962, 6, 1)),
    ];
    let general = CommonIndicators::compute(Catalogue::EsfPlus, rules(P21), None, &people).unwrap();
    assert_eq!(
        (total(&general, "EECO01"), general.incomplete().total()),
        (0, 3)
    );
    let l = rules(P21).for_objective("l").unwrap();
    let ind = CommonIndicators::compute(Catalogue::EsfPlus, &l, None, &people).unwrap();
    assert_eq!(ind.incomplete().total(), 0);
    for (code, n) in [("EECO01", 3), ("EECO06", 1), ("EECO07", 1), ("EECO08", 1)] {
        assert_eq!(total(&ind, code), n, "{code}");
    }
    for code in ["EECO02", "EECO04", "EECO09"] {
        assert_eq!(ind.get(code), None, "{code} does not apply under (l)");
        assert!(ind.explain(code, &people).is_err());
    }
    // The column path agrees, and the result reads back as written.
    let table = ParticipantTable::from_participants(&people).unwrap();
    let mut cols = CommonIndicators::new(Catalogue::EsfPlus, &l, None).unwrap();
    cols.add_columns(&table.columns()).unwrap();
    assert_eq!(cols, ind);
    let json = ind.to_json_string().unwrap();
    assert!(json.contains("\"objective_l\":true"), "{json}");
    assert_eq!(CommonIndicators::from_json_str(&json).unwrap(), ind);
    // (m) and 2014–2020 are refused with a code.
    assert_eq!(
        rules(P21).for_objective("m").unwrap_err().code(),
        "programme.objective"
    );
    assert_eq!(
        rules(P14).for_objective("l").unwrap_err().code(),
        "programme.objective"
    );
    assert_eq!(rules(P21).for_objective("ESO4.12").unwrap(), l);
}

/// Issue 24: an interpretation is marked in the report as well as in the
/// catalogue — EECR01 and the six-month results carry "‡" and the legend.
#[test]
fn the_report_marks_interpretations() {
    use hanke::lang::Language;
    use hanke::report::{EsrReport, ReportInputs};
    let project = hanke::Project::from_json_str(
        r#"{"name": "Demo", "placement": {"programme": "2021-2027", "priority": 4}}"#,
    )
    .unwrap();
    let mut inputs = ReportInputs::default();
    inputs.participants = Some(vec![person("R1", Gender::Woman, d(1990, 1, 1), INACTIVE)]);
    let report = EsrReport::new(&project, d(2024, 12, 31), inputs);
    for lang in [Language::Fi, Language::En] {
        let md = report.to_markdown(lang);
        assert!(
            md.contains("| EECR01 ‡ |") || md.contains("EECR01 † ‡"),
            "{md}"
        );
        assert!(md.contains("EECR05") && md.contains("ADR 0019"), "{md}");
    }
    assert!(
        Catalogue::EsfPlus
            .indicator("EECR05")
            .unwrap()
            .is_interpretation()
    );
    assert!(
        !Catalogue::EsfPlus
            .indicator("EECO02")
            .unwrap()
            .is_interpretation()
    );
}
