//! The column path of the common indicators gives exactly the record path's
//! result — on synthetic projects, on arbitrary records built to hit the rules'
//! edges (leap days, month ends, missing and invalid data, cut-offs), and with
//! Arrow-style bitmaps at odd bit offsets — and bad columns are errors with rows.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chrono::{Days, NaiveDate};
use hanke::classify::{EducationLevel, MunicipalityCode};
use hanke::indicator::{Catalogue, CommonIndicators};
use hanke::participant::columns::{
    Bitmap, CodeColumn, ColumnsError, DateColumn, FlagColumn, Keys, ParticipantColumns,
    ParticipantTable, PresenceColumn, days_from_date,
};
use hanke::participant::{
    Answer, Exit, ExitEvent, ExitSituation, FollowUp, Gender, Household, Improvement, LabourStatus,
    LtuDefinition, Participant,
};
use hanke::programme::ProgrammePeriod;
use hanke::rulebook::ParticipantRules;
use hanke::rulebook::Rulebook;
use hanke::synthetic::{SyntheticConfig, generate};
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

/// Every catalogue with the rules it is computed under (both LTU definitions
/// where the period allows the register one).
fn setups() -> Vec<(Catalogue, ParticipantRules)> {
    let r21 = *rules(P21);
    vec![
        (Catalogue::Esf2014, *rules(P14)),
        (Catalogue::EsfPlus, r21),
        (
            Catalogue::EsfPlus,
            r21.with_ltu(LtuDefinition::RegisteredTwelveMonths).unwrap(),
        ),
        (Catalogue::EsfPlusMostDeprived, r21),
    ]
}

fn both_ways(
    catalogue: Catalogue,
    rules: &ParticipantRules,
    cut_off: Option<NaiveDate>,
    people: &[Participant],
) -> (CommonIndicators, CommonIndicators) {
    // The reference: each record by itself (`add`). `compute` lays records
    // out as columns in chunks, so it is checked here too, as a third way.
    let mut rows = CommonIndicators::new(catalogue, rules, cut_off).unwrap();
    for p in people {
        rows.add(p);
    }
    let chunked = CommonIndicators::compute(catalogue, rules, cut_off, people).unwrap();
    assert_eq!(
        rows, chunked,
        "compute (records in column chunks) differs from add"
    );
    let table = ParticipantTable::from_participants(people).unwrap();
    let mut cols = CommonIndicators::new(catalogue, rules, cut_off).unwrap();
    cols.add_columns(&table.columns()).unwrap();
    (rows, cols)
}

#[test]
fn synthetic_projects_agree_at_every_cut_off() {
    for (period, count) in [(P14, 1000), (P21, 1000), (P21, 130), (P21, 63), (P21, 0)] {
        let mut config = SyntheticConfig::new(11, count, d(2021, 1, 1), d(2024, 12, 31));
        config.as_of = d(2025, 6, 30);
        config.municipalities = vec!["091".parse().unwrap(), "837".parse().unwrap()];
        let people = generate(&config, rules(period));
        for (catalogue, r) in setups() {
            if catalogue.period() != period {
                continue;
            }
            for cut_off in [
                None,
                Some(d(2022, 6, 30)),
                Some(d(2020, 1, 1)),
                Some(d(2025, 6, 30)),
            ] {
                let (rows, cols) = both_ways(catalogue, &r, cut_off, &people);
                assert_eq!(rows, cols, "{catalogue:?} {count} {cut_off:?}");
            }
        }
    }
}

fn date_near(base: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    // Month ends and leap days are where calendar arithmetic goes wrong.
    prop_oneof![
        (0u64..4000).prop_map(move |n| base + Days::new(n)),
        (
            1996i32..2030,
            prop::sample::select(vec![
                (2, 28),
                (2, 29),
                (1, 31),
                (3, 31),
                (8, 31),
                (12, 31),
                (3, 1)
            ])
        )
            .prop_filter_map("a real day", |(y, (m, day))| NaiveDate::from_ymd_opt(
                y, m, day
            )),
    ]
}

fn answer() -> impl Strategy<Value = Option<Answer>> {
    prop::option::of(prop::sample::select(vec![
        Answer::Yes,
        Answer::No,
        Answer::Declined,
    ]))
}

fn participant() -> impl Strategy<Value = Participant> {
    let entry = (
        // Mostly project years; some far before and after, where the kernel's
        // entry-day table ends (1995–2054) and it computes thresholds per row.
        prop_oneof![
            8 => date_near(d(2014, 1, 1)),
            1 => date_near(d(1960, 1, 1)),
            1 => date_near(d(2050, 1, 1)),
        ],
        prop::option::of(prop_oneof![
            date_near(d(1950, 1, 1)),
            date_near(d(1995, 1, 1)),
            date_near(d(2010, 1, 1)),
            Just(d(1700, 2, 28)),
        ]),
        prop::option::of(prop::sample::select(vec![
            Gender::Woman,
            Gender::Man,
            Gender::NonBinary,
        ])),
        any::<bool>(),
        prop::option::of(prop_oneof![
            Just(LabourStatus::Employed),
            Just(LabourStatus::SelfEmployed),
            prop::option::of(date_near(d(2011, 1, 1)))
                .prop_map(|since| LabourStatus::Unemployed { since }),
            any::<bool>().prop_map(|e| LabourStatus::Inactive {
                in_education_or_training: e
            }),
        ]),
        prop::option::of((0u8..10).prop_map(|c| EducationLevel::from_code(c).unwrap())),
    );
    // Birthdays and unemployment spells that end right at a threshold, ±1 day.
    let edges = (
        prop::option::of((
            prop::sample::select(vec![17u32, 18, 24, 25, 29, 30, 54, 55, 65]),
            -1i64..=1,
        )),
        prop::option::of((
            prop::sample::select(vec![5u32, 6, 7, 11, 12, 13]),
            -1i64..=1,
        )),
    );
    let more = (
        edges,
        prop::collection::vec(answer(), 6),
        prop::option::of((any::<bool>(), any::<bool>(), any::<bool>())),
        prop::option::of((
            0u64..900,
            prop::option::of(prop::sample::select(ExitSituation::ALL.to_vec())),
            prop::option::of(any::<bool>()),
        )),
        prop::option::of((
            150u64..260,
            prop::option::of(any::<bool>()),
            prop::option::of(Just(Improvement::PrecariousToStable)),
        )),
    );
    (entry, more).prop_map(
        |(
            (entry, birth, gender, municipality, status, education),
            ((birthday, spell), answers, household, exit, follow),
        )| {
            let shift = |day: NaiveDate, months: u32, delta: i64| {
                day.checked_sub_months(chrono::Months::new(months))
                    .and_then(|x| x.checked_add_signed(chrono::TimeDelta::days(delta)))
            };
            let mut p = Participant::new("P1".parse().unwrap(), entry);
            p.entry.birth_date = match birthday {
                Some((years, delta)) => shift(entry, 12 * years, delta),
                None => birth,
            };
            let status = match (status, spell) {
                (Some(LabourStatus::Unemployed { .. }), Some((months, delta))) => {
                    Some(LabourStatus::Unemployed {
                        since: shift(entry, months, delta),
                    })
                }
                (s, _) => s,
            };
            p.entry.gender = gender;
            p.entry.municipality = municipality.then(|| "091".parse::<MunicipalityCode>().unwrap());
            p.entry.labour_status = status;
            p.entry.education = education;
            let dis = &mut p.entry.disadvantages;
            dis.disability = answers[0];
            dis.foreign_background = answers[1];
            dis.third_country_national = answers[2];
            dis.minority = answers[3];
            dis.homeless = answers[4];
            dis.other_disadvantaged = answers[5];
            p.entry.household =
                household.map(|(jobless, dependent_children, single_adult)| Household {
                    jobless,
                    dependent_children,
                    single_adult,
                });
            if let Some((after, situation, qualification)) = exit {
                let mut x = Exit::new(entry + Days::new(after), situation);
                x.qualification_gained = qualification;
                p.exit = Some(x);
                if let Some((after, employed, improvement)) = follow {
                    let mut f = FollowUp::new(entry + Days::new(after + 900), employed);
                    f.improvement = improvement;
                    p.follow_up = Some(f);
                }
            }
            p
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Arbitrary records: the two paths agree for every catalogue and cut-off.
    #[test]
    fn arbitrary_records_agree(
        people in prop::collection::vec(participant(), 0..150),
        cut_off in prop::option::of(date_near(d(2014, 1, 1))),
    ) {
        for (catalogue, r) in setups() {
            let (rows, cols) = both_ways(catalogue, &r, cut_off, &people);
            prop_assert_eq!(rows, cols, "{:?}", catalogue);
        }
    }
}

fn bitmap(bytes: &[u8], offset: usize, n: usize) -> Bitmap<'_> {
    Bitmap::new(bytes, offset, n).unwrap()
}

fn answer_column<'a>(keys: &'a [u8], valid: Bitmap<'a>, dict: &[Option<Answer>]) -> CodeColumn<'a> {
    CodeColumn::new(Keys::U8(keys), Some(valid), dict)
}

/// Copies `bits` into a buffer at bit `offset`, as an Arrow slice would have them.
fn shifted(bits: impl Iterator<Item = bool>, offset: usize) -> Vec<u8> {
    let bits: Vec<bool> = bits.collect();
    let mut out = vec![0u8; (offset + bits.len()).div_ceil(8) + 1];
    for (i, b) in bits.iter().enumerate() {
        if *b {
            out[(offset + i) / 8] |= 1 << ((offset + i) % 8);
        }
    }
    out
}

#[test]
fn bitmaps_at_odd_offsets_and_dictionary_keys_read_the_same() {
    let mut config = SyntheticConfig::new(5, 300, d(2021, 1, 1), d(2024, 12, 31));
    config.as_of = d(2025, 6, 30);
    config.municipalities = vec!["091".parse().unwrap()];
    let r = rules(P21);
    let people = generate(&config, r);
    let whole = CommonIndicators::compute(Catalogue::EsfPlus, r, None, &people).unwrap();

    let entry: Vec<i32> = people
        .iter()
        .map(|p| days_from_date(p.entry.date))
        .collect();
    let birth: Vec<i32> = people
        .iter()
        .map(|p| p.entry.birth_date.map_or(-7, days_from_date))
        .collect();
    let exit: Vec<i32> = people
        .iter()
        .map(|p| p.exit.as_ref().map_or(i32::MIN, |x| days_from_date(x.date)))
        .collect();
    let follow: Vec<i32> = people
        .iter()
        .map(|p| p.follow_up.as_ref().map_or(0, |f| days_from_date(f.date)))
        .collect();
    let since: Vec<i32> = people
        .iter()
        .map(|p| match p.entry.labour_status {
            Some(LabourStatus::Unemployed { since: Some(s) }) => days_from_date(s),
            _ => 0,
        })
        .collect();
    // A dictionary in its own order, with a stray entry nobody uses, and i32 keys.
    let gender_dict = [
        None,
        Some(Gender::NonBinary),
        Some(Gender::Man),
        Some(Gender::Woman),
    ];
    let gender_keys: Vec<i32> = people
        .iter()
        .map(|p| match p.entry.gender {
            Some(Gender::Woman) => 3,
            Some(Gender::Man) => 2,
            Some(Gender::NonBinary) => 1,
            None => 0,
        })
        .collect();
    let status_dict = [
        Some(LabourStatus::Employed),
        Some(LabourStatus::SelfEmployed),
        Some(LabourStatus::Unemployed { since: None }),
        Some(LabourStatus::Inactive {
            in_education_or_training: true,
        }),
        Some(LabourStatus::Inactive {
            in_education_or_training: false,
        }),
    ];
    let status_keys: Vec<u32> = people
        .iter()
        .map(|p| {
            status_dict
                .iter()
                .position(|s| {
                    s.map(|s| std::mem::discriminant(&s))
                        == p.entry.labour_status.map(|s| std::mem::discriminant(&s))
                        && s.map(|s| s.code()) == p.entry.labour_status.map(|s| s.code())
                })
                .unwrap_or(0) as u32
        })
        .collect();
    let edu: Vec<i64> = people
        .iter()
        .map(|p| p.entry.education.map_or(99, |e| i64::from(e.code())))
        .collect();
    let edu_dict: Vec<Option<EducationLevel>> = (0..10).map(EducationLevel::from_code).collect();
    let answers = |f: fn(&Participant) -> Option<Answer>| -> (Vec<u8>, Vec<bool>) {
        people
            .iter()
            .map(|p| match f(p) {
                Some(Answer::Yes) => (0, true),
                Some(Answer::No) => (1, true),
                Some(Answer::Declined) => (2, true),
                None => (0, false),
            })
            .unzip()
    };
    let answer_dict = [Some(Answer::Yes), Some(Answer::No), Some(Answer::Declined)];
    let situation: Vec<u8> = people
        .iter()
        .map(|p| {
            p.exit.as_ref().and_then(|x| x.situation).map_or(0, |s| {
                ExitSituation::ALL.iter().position(|a| *a == s).unwrap() as u8
            })
        })
        .collect();
    let improvement_dict = [
        Some(Improvement::PrecariousToStable),
        Some(Improvement::UnderemployedToFull),
        Some(Improvement::HigherSkilledJob),
        Some(Improvement::Promotion),
    ];
    let improvement: Vec<i16> = people
        .iter()
        .map(|p| {
            let i = p.follow_up.as_ref().and_then(|f| f.improvement);
            improvement_dict
                .iter()
                .position(|x| *x == i)
                .map_or(-1, |k| k as i16)
        })
        .collect();
    assert!(
        improvement.iter().any(|k| *k >= 0),
        "the synthetic set has improvements"
    );
    let situation_dict: Vec<Option<ExitSituation>> =
        ExitSituation::ALL.iter().copied().map(Some).collect();

    for offset in [0usize, 3, 7, 13] {
        let n = people.len();
        let valid = |f: &dyn Fn(&Participant) -> bool| shifted(people.iter().map(f), offset);
        let birth_v = valid(&|p| p.entry.birth_date.is_some());
        let gender_v = valid(&|p| p.entry.gender.is_some());
        let muni_v = valid(&|p| p.entry.municipality.is_some());
        let status_v = valid(&|p| p.entry.labour_status.is_some());
        let since_v = valid(&|p| {
            matches!(
                p.entry.labour_status,
                Some(LabourStatus::Unemployed { since: Some(_) })
            )
        });
        let edu_v = valid(&|p| p.entry.education.is_some());
        let exit_v = valid(&|p| p.exit.is_some());
        let sit_v = valid(&|p| p.exit.as_ref().is_some_and(|x| x.situation.is_some()));
        let qual = valid(&|p| {
            p.exit
                .as_ref()
                .is_some_and(|x| x.qualification_gained == Some(true))
        });
        let qual_v = valid(&|p| {
            p.exit
                .as_ref()
                .is_some_and(|x| x.qualification_gained.is_some())
        });
        let fu_v = valid(&|p| p.follow_up.is_some());
        let fue = valid(&|p| {
            p.follow_up
                .as_ref()
                .is_some_and(|f| f.employed == Some(true))
        });
        let imp_v = valid(&|p| {
            p.follow_up
                .as_ref()
                .is_some_and(|f| f.improvement.is_some())
        });
        let fue_v = valid(&|p| p.follow_up.as_ref().is_some_and(|f| f.employed.is_some()));
        let dis = answers(|p| p.entry.disadvantages.disability);
        let fb = answers(|p| p.entry.disadvantages.foreign_background);
        let tcn = answers(|p| p.entry.disadvantages.third_country_national);
        let min = answers(|p| p.entry.disadvantages.minority);
        let home = answers(|p| p.entry.disadvantages.homeless);
        let other = answers(|p| p.entry.disadvantages.other_disadvantaged);
        let answer_valid: Vec<Vec<u8>> = [&dis, &fb, &tcn, &min, &home, &other]
            .iter()
            .map(|(_, v)| shifted(v.iter().copied(), offset))
            .collect();
        let cols = ParticipantColumns::new(DateColumn::new(&entry, None))
            .with_birth_date(DateColumn::new(&birth, Some(bitmap(&birth_v, offset, n))))
            .unwrap()
            .with_gender(CodeColumn::new(
                Keys::I32(&gender_keys),
                Some(bitmap(&gender_v, offset, n)),
                &gender_dict,
            ))
            .unwrap()
            .with_municipality(PresenceColumn::new(n, Some(bitmap(&muni_v, offset, n))))
            .unwrap()
            .with_labour_status(CodeColumn::new(
                Keys::U32(&status_keys),
                Some(bitmap(&status_v, offset, n)),
                &status_dict,
            ))
            .unwrap()
            .with_unemployed_since(DateColumn::new(&since, Some(bitmap(&since_v, offset, n))))
            .unwrap()
            .with_education(CodeColumn::new(
                Keys::I64(&edu),
                Some(bitmap(&edu_v, offset, n)),
                &edu_dict,
            ))
            .unwrap()
            .with_disability(answer_column(
                &dis.0,
                bitmap(&answer_valid[0], offset, n),
                &answer_dict,
            ))
            .unwrap()
            .with_foreign_background(answer_column(
                &fb.0,
                bitmap(&answer_valid[1], offset, n),
                &answer_dict,
            ))
            .unwrap()
            .with_third_country_national(answer_column(
                &tcn.0,
                bitmap(&answer_valid[2], offset, n),
                &answer_dict,
            ))
            .unwrap()
            .with_minority(answer_column(
                &min.0,
                bitmap(&answer_valid[3], offset, n),
                &answer_dict,
            ))
            .unwrap()
            .with_homeless(answer_column(
                &home.0,
                bitmap(&answer_valid[4], offset, n),
                &answer_dict,
            ))
            .unwrap()
            .with_other_disadvantaged(answer_column(
                &other.0,
                bitmap(&answer_valid[5], offset, n),
                &answer_dict,
            ))
            .unwrap()
            .with_exit_date(DateColumn::new(&exit, Some(bitmap(&exit_v, offset, n))))
            .unwrap()
            .with_exit_situation(CodeColumn::new(
                Keys::U8(&situation),
                Some(bitmap(&sit_v, offset, n)),
                &situation_dict,
            ))
            .unwrap()
            .with_qualification_gained(FlagColumn::new(
                bitmap(&qual, offset, n),
                Some(bitmap(&qual_v, offset, n)),
            ))
            .unwrap()
            .with_follow_up_date(DateColumn::new(&follow, Some(bitmap(&fu_v, offset, n))))
            .unwrap()
            .with_follow_up_employed(FlagColumn::new(
                bitmap(&fue, offset, n),
                Some(bitmap(&fue_v, offset, n)),
            ))
            .unwrap()
            .with_follow_up_improvement(CodeColumn::new(
                Keys::I16(&improvement),
                Some(bitmap(&imp_v, offset, n)),
                &improvement_dict,
            ))
            .unwrap();
        let mut ind = CommonIndicators::new(Catalogue::EsfPlus, r, None).unwrap();
        ind.add_columns(&cols).unwrap();
        assert_eq!(ind, whole, "offset {offset}");
    }
}

#[test]
fn bad_columns_are_errors_with_their_rows_and_count_nothing() {
    let r = rules(P21);
    let entry = vec![19_000; 200];
    let mut ind = CommonIndicators::new(Catalogue::EsfPlus, r, None).unwrap();
    let before = ind.clone();

    // A present key that the dictionary does not know: row 130.
    let mut keys = vec![0u8; 200];
    keys[130] = 5;
    let cols = ParticipantColumns::new(DateColumn::new(&entry, None))
        .with_gender(CodeColumn::new(
            Keys::U8(&keys),
            None,
            &[Some(Gender::Woman), None],
        ))
        .unwrap();
    let e = ind.add_columns(&cols).unwrap_err();
    assert_eq!(
        e,
        ColumnsError::InvalidValue {
            column: "gender",
            row: 130
        }
    );
    assert_eq!(e.code(), "columns.invalid_value");
    assert_eq!(ind, before, "nothing counted");

    // The same key on a null row is no error.
    let mut valid = vec![0xFFu8; 25];
    valid[130 / 8] &= !(1 << (130 % 8));
    let cols = ParticipantColumns::new(DateColumn::new(&entry, None))
        .with_gender(CodeColumn::new(
            Keys::U8(&keys),
            Bitmap::new(&valid, 0, 200),
            &[Some(Gender::Woman), None],
        ))
        .unwrap();
    ind.add_columns(&cols).unwrap();
    assert_eq!(ind.grand_total().women, 199);
    assert_eq!(ind.grand_total().unknown, 1);

    // A dictionary entry that is not a value, used by row 7.
    let mut keys = vec![0u8; 200];
    keys[7] = 1;
    let cols = ParticipantColumns::new(DateColumn::new(&entry, None))
        .with_gender(CodeColumn::new(
            Keys::U8(&keys),
            None,
            &[Some(Gender::Woman), None],
        ))
        .unwrap();
    assert_eq!(
        ind.clone().add_columns(&cols).unwrap_err(),
        ColumnsError::InvalidValue {
            column: "gender",
            row: 7
        }
    );

    // A missing entry date: row 70.
    let mut valid = vec![0xFFu8; 25];
    valid[70 / 8] &= !(1 << (70 % 8));
    let cols = ParticipantColumns::new(DateColumn::new(&entry, Bitmap::new(&valid, 0, 200)));
    let e = ind.clone().add_columns(&cols).unwrap_err();
    assert_eq!(e, ColumnsError::MissingEntryDate { row: 70 });

    // A date no calendar holds: row 199.
    let mut birth = vec![0i32; 200];
    birth[199] = i32::MAX;
    let cols = ParticipantColumns::new(DateColumn::new(&entry, None))
        .with_birth_date(DateColumn::new(&birth, None))
        .unwrap();
    let e = ind.clone().add_columns(&cols).unwrap_err();
    assert_eq!(
        e,
        ColumnsError::DateOutOfRange {
            column: "birth_date",
            row: 199
        }
    );

    // Lengths and bitmaps are checked when a column is set.
    let short = vec![0i32; 199];
    let e = ParticipantColumns::new(DateColumn::new(&entry, None))
        .with_exit_date(DateColumn::new(&short, None))
        .unwrap_err();
    assert_eq!(e.code(), "columns.length_mismatch");
    let bits = [0u8; 30];
    let e = ParticipantColumns::new(DateColumn::new(&entry, None))
        .with_exit_date(DateColumn::new(&entry, Bitmap::new(&bits, 0, 150)))
        .unwrap_err();
    assert_eq!(
        e,
        ColumnsError::BitmapTooShort {
            column: "exit_date"
        }
    );

    // Later exit events do not fit in columns.
    let mut p = Participant::new("P1".parse().unwrap(), d(2024, 1, 1));
    let mut x = Exit::new(d(2024, 3, 1), Some(ExitSituation::JobSeeking));
    x.later_events.push(ExitEvent {
        date: d(2024, 3, 10),
        situation: ExitSituation::Education,
    });
    p.exit = Some(x);
    let q = Participant::new("P2".parse().unwrap(), d(2024, 1, 1));
    let e = ParticipantTable::from_participants([&q, &p]).unwrap_err();
    assert_eq!(e, ColumnsError::LaterEvents { row: 1 });
    assert_eq!(e.code(), "columns.later_events");
}

/// `compute` counts records through the column kernel in chunks of 4 096 and
/// falls back to counting record by record for a chunk the columns cannot
/// hold: across chunks, with a record with later exit events in one and a
/// birth day 200 000 years back (far from every threshold table) in another,
/// it counts exactly what `add` counts.
#[test]
fn records_in_column_chunks_count_as_each_record() {
    let mut config = SyntheticConfig::new(29, 10_000, d(2021, 1, 1), d(2024, 12, 31));
    config.as_of = d(2025, 6, 30);
    let mut people = generate(&config, rules(P21));
    let mut x = Exit::new(d(2024, 3, 1), Some(ExitSituation::JobSeeking));
    x.later_events.push(ExitEvent {
        date: d(2024, 3, 10),
        situation: ExitSituation::Education,
    });
    people[5_000].exit = Some(x);
    people[9_000].entry.birth_date = NaiveDate::from_ymd_opt(-200_000, 1, 1);
    for (catalogue, r) in setups() {
        if catalogue.period() != P21 {
            continue;
        }
        for cut_off in [None, Some(d(2023, 6, 30))] {
            let mut each = CommonIndicators::new(catalogue, &r, cut_off).unwrap();
            for p in &people {
                each.add(p);
            }
            let chunked = CommonIndicators::compute(catalogue, &r, cut_off, &people).unwrap();
            assert_eq!(each, chunked, "{catalogue:?} {cut_off:?}");
        }
    }
    // The chunk with later exit events really is outside the columns.
    assert!(ParticipantTable::from_participants(&people[4_096..8_192]).is_err());
}
