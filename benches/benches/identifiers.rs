//! Validating identifiers one at a time: personal identity codes (with the
//! temporary individual numbers of synthetic data) and business IDs.
//!
//! `cargo bench -p hanke-benches --bench identifiers`.

// criterion's macros generate undocumented public functions.
#![allow(missing_docs)]

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hanke::{BusinessId, PersonalIdentityCode};

fn identifiers(c: &mut Criterion) {
    let start = NaiveDate::from_ymd_opt(1960, 1, 1).unwrap_or_default();
    let codes: Vec<String> = (0..10_000u64)
        .filter_map(|i| {
            let birth = start.checked_add_days(Days::new(i * 7 % 18_000))?;
            let n = 900 + u16::try_from(i % 100).ok()?;
            PersonalIdentityCode::temporary(birth, n).map(|c| c.expose().to_string())
        })
        .collect();
    // Business IDs: seven digits and the mod-11 check digit (0 for remainder 0,
    // none for remainder 1, else 11 - remainder).
    let ids: Vec<String> = (1_000_000..1_020_000u32)
        .filter_map(|n| {
            let digits: Vec<u32> = n
                .to_string()
                .chars()
                .filter_map(|c| c.to_digit(10))
                .collect();
            let sum: u32 = digits
                .iter()
                .zip([7, 9, 10, 5, 8, 4, 2])
                .map(|(d, w)| d * w)
                .sum();
            let check = match sum % 11 {
                0 => 0,
                1 => return None,
                r => 11 - r,
            };
            Some(format!("{n}-{check}"))
        })
        .take(10_000)
        .collect();
    let mut g = c.benchmark_group("identifiers");
    g.throughput(Throughput::Elements(codes.len() as u64));
    g.bench_function("identity_code", |b| {
        b.iter(|| {
            black_box(
                codes
                    .iter()
                    .filter(|c| PersonalIdentityCode::parse_allowing_temporary(c).is_ok())
                    .count(),
            )
        })
    });
    g.throughput(Throughput::Elements(ids.len() as u64));
    g.bench_function("business_id", |b| {
        b.iter(|| {
            black_box(
                ids.iter()
                    .filter(|c| c.parse::<BusinessId>().is_ok())
                    .count(),
            )
        })
    });
    g.finish();
}

criterion_group!(benches, identifiers);
criterion_main!(benches);
