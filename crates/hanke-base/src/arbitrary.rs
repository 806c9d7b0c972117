//! proptest strategies for the base types that keep an invariant (tests only;
//! the feature `proptest` lends them to the crates above for their tests).
//!
//! Each value is drawn through the type's public constructor — the only
//! values a user can hold.

use proptest::prelude::*;

use crate::ids::BusinessId;
use crate::money::{Money, MoneyRange, Rate};

impl Arbitrary for Money {
    type Parameters = ();
    type Strategy = BoxedStrategy<Money>;
    fn arbitrary_with((): ()) -> Self::Strategy {
        prop_oneof![any::<i64>(), -100_000_000_i64..100_000_000]
            .prop_map(Money::from_cents)
            .boxed()
    }
}

impl Arbitrary for Rate {
    type Parameters = ();
    type Strategy = BoxedStrategy<Rate>;
    fn arbitrary_with((): ()) -> Self::Strategy {
        prop_oneof![(0i64..=1000, 1i64..=1000), (0..=i64::MAX, 1..=i64::MAX)]
            .prop_filter_map("a rate", |(n, d)| Rate::new(n, d).ok())
            .boxed()
    }
}

impl Arbitrary for MoneyRange {
    type Parameters = ();
    type Strategy = BoxedStrategy<MoneyRange>;
    fn arbitrary_with((): ()) -> Self::Strategy {
        (any::<Money>(), any::<Money>())
            .prop_filter_map("a band", |(a, b)| MoneyRange::new(a.min(b), a.max(b)).ok())
            .boxed()
    }
}

impl Arbitrary for BusinessId {
    type Parameters = ();
    type Strategy = BoxedStrategy<BusinessId>;
    fn arbitrary_with((): ()) -> Self::Strategy {
        (0u32..10_000_000)
            .prop_filter_map("a number with a check digit", |n| {
                let check = BusinessId::check_digit_for(n)?;
                format!("{n:07}-{check}").parse().ok()
            })
            .boxed()
    }
}
