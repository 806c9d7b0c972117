//! proptest strategies for the crate's own types (tests only).
//!
//! Types whose every field value is valid derive `proptest_derive::Arbitrary`
//! where they are declared; the ones below keep an invariant (a check digit, a
//! range, a start before an end), so they are drawn through their public
//! constructors — the only values a user can hold. `json_round_trip` in
//! `crate::json_properties` uses both.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use crate::activity::Feedback;
use crate::claim::FundingDecision;
use crate::classify::{EducationLevel, MunicipalityCode, RegionCode, SubRegionCode};
use crate::cost::HourlyRate;
use crate::money::{Money, Rate};
use crate::org::{Email, OrganisationKind};
use crate::participant::{ParticipantId, Pseudonym};
use crate::programme::ProjectCode;
use crate::project::{
    ApplicantArrangement, ApproxDate, ProjectPeriod, ProjectStatus, ReportedStatus, Score,
};

// Money, Rate, MoneyRange and BusinessId are drawn by `hanke_base::arbitrary`
// (feature `proptest`), beside their types.

/// Any day from year 1000 to 9999 (what an ISO date writes with four digits).
pub fn date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(1000, 1, 1).map_or(0, |d| d.num_days_from_ce());
    let last = NaiveDate::from_ymd_opt(9999, 12, 31).map_or(0, |d| d.num_days_from_ce());
    (first..=last).prop_filter_map("a day", NaiveDate::from_num_days_from_ce_opt)
}

/// A short list: a few of everything keeps a drawn project readable and the
/// tests quick (proptest's default lists run to a hundred).
pub fn few<T: Arbitrary>() -> impl Strategy<Value = Vec<T>> {
    prop::collection::vec(any::<T>(), 0..4)
}

/// An optional day.
pub fn opt_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(date())
}

macro_rules! arbitrary_via {
    ($ty:ty, $strategy:expr) => {
        impl Arbitrary for $ty {
            type Parameters = ();
            type Strategy = BoxedStrategy<$ty>;
            fn arbitrary_with((): ()) -> Self::Strategy {
                $strategy.boxed()
            }
        }
    };
}

arbitrary_via!(
    ProjectCode,
    ("[A-Z]", 0u32..100_000).prop_filter_map("a code", |(l, n)| format!("{l}{n:05}").parse().ok())
);
arbitrary_via!(
    MunicipalityCode,
    (0u16..=999).prop_filter_map("a code", |n| MunicipalityCode::new(n).ok())
);
arbitrary_via!(
    RegionCode,
    (0u16..=99).prop_filter_map("a code", |n| RegionCode::new(n).ok())
);
arbitrary_via!(
    SubRegionCode,
    (0u16..=999).prop_filter_map("a code", |n| SubRegionCode::new(n).ok())
);
arbitrary_via!(
    EducationLevel,
    (0u8..=9).prop_filter_map("a level", EducationLevel::from_code)
);
arbitrary_via!(Score, (0u8..=10).prop_filter_map("a score", Score::new));
arbitrary_via!(
    ParticipantId,
    // At most 16 characters of at most two bytes: within the 32-byte limit.
    "[a-zA-Z0-9åäöÅÄÖ_.:/ -]{1,16}".prop_filter_map("an id", |s| s.parse().ok())
);
arbitrary_via!(
    Pseudonym,
    any::<[u8; 32]>().prop_filter_map("a pseudonym", |b| {
        b.iter()
            .map(|x| format!("{x:02x}"))
            .collect::<String>()
            .parse()
            .ok()
    })
);
arbitrary_via!(
    Email,
    ("[a-zA-Z0-9._+-]{1,12}", "[a-zA-Z0-9-]{1,12}", "[a-z]{2,6}")
        .prop_filter_map("an address", |(l, d, t)| format!("{l}@{d}.{t}")
            .parse()
            .ok())
);
// Through the label reading, as JSON is read: `Other` holds a trimmed label
// that is none of the known ones.
arbitrary_via!(
    OrganisationKind,
    prop_oneof![
        any::<String>(),
        Just("Säätiö".to_string()),
        Just("Kunta".to_string()),
        Just("Osakeyhtiö".to_string())
    ]
    .prop_map(|s| OrganisationKind::from_label_fi(&s))
);
arbitrary_via!(
    ApplicantArrangement,
    prop_oneof![
        Just(ApplicantArrangement::SingleApplicant),
        Just(ApplicantArrangement::JointProject),
        any::<String>().prop_filter_map("another label", |s| {
            serde_json::from_value(serde_json::Value::String(s)).ok()
        }),
    ]
);
arbitrary_via!(
    ApproxDate,
    prop_oneof![
        date().prop_map(ApproxDate::Day),
        (1000i32..=9999, 1u32..=12).prop_map(|(y, m)| ApproxDate::Month(y, m)),
        (1000i32..=9999).prop_map(ApproxDate::Year),
    ]
);
arbitrary_via!(
    ProjectPeriod,
    (any::<ApproxDate>(), any::<ApproxDate>()).prop_filter_map("a period", |(a, b)| {
        ProjectPeriod::new(a, b)
            .or_else(|_| ProjectPeriod::new(b, a))
            .ok()
    })
);
arbitrary_via!(
    ReportedStatus,
    (
        prop::sample::select(vec![
            ProjectStatus::NotStarted.label_fi(),
            ProjectStatus::Active.label_fi(),
            ProjectStatus::Ended.label_fi(),
            "Toiminta päättynyt",
            "käynnissä",
        ]),
        opt_date()
    )
        .prop_filter_map("a status", |(t, d)| ReportedStatus::new(t, d))
);
arbitrary_via!(
    Feedback,
    (0u8..=10, 0u8..=10, prop::collection::vec(any::<u64>(), 11)).prop_filter_map(
        "a scale",
        |(a, b, counts)| {
            let (min, max) = (a.min(b), a.max(b));
            let n = usize::from(max - min) + 1;
            Feedback::new(min, max, counts.into_iter().take(n).collect()).ok()
        }
    )
);
arbitrary_via!(
    FundingDecision,
    (0i64..=i64::MAX, 0i64..=1000, 1i64..=1000).prop_filter_map("terms", |(granted, n, d)| {
        FundingDecision::new(Money::from_cents(granted), Rate::new(n.min(d), d).ok()?).ok()
    })
);

impl Arbitrary for HourlyRate {
    type Parameters = ();
    type Strategy = BoxedStrategy<HourlyRate>;
    fn arbitrary_with((): ()) -> Self::Strategy {
        (any::<Money>(), any::<Rate>())
            .prop_filter_map("a positive share", |(m, r)| HourlyRate::new(m, r).ok())
            .boxed()
    }
}
