//! The common indicators over 10 000, 1 000 000 and 10 000 000 synthetic
//! participants — from records and from columns — beside a plain sum over as
//! many bytes as the column path reads (the machine's memory-bandwidth floor),
//! and the validation of records (the period's checks and duplicate merging).
//!
//! `cargo bench -p hanke-benches --bench indicators`; `HANKE_BENCH_SIZES=10000`
//! for other sizes. Without `--bench` every benchmark runs once on 1 000 rows.

// criterion's macros generate undocumented public functions.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use hanke::indicator::{Catalogue, CommonIndicators};
use hanke::participant::merge_duplicates;
use hanke_benches::{P21, participants, participants_with_codes, rules, sizes, table};

/// Bytes the column path reads per row: five date columns (4 bytes each),
/// eleven one-byte code columns, and about 29 validity and flag bits.
pub const BYTES_PER_ROW: usize = 5 * 4 + 11 + 4;

fn indicators(c: &mut Criterion) {
    let r = rules(P21);
    let mut g = c.benchmark_group("indicators");
    g.sample_size(10);
    for n in sizes(&[10_000, 1_000_000, 10_000_000], &[1_000]) {
        g.throughput(Throughput::Elements(n as u64));
        let t = table(n, P21);
        g.bench_with_input(BenchmarkId::new("columns", n), &t, |b, t| {
            b.iter(|| {
                let mut ind = CommonIndicators::new(Catalogue::EsfPlus, r, None)
                    .unwrap_or_else(|e| unreachable!("{e}"));
                ind.add_columns(&t.columns())
                    .unwrap_or_else(|e| unreachable!("{e}"));
                black_box(ind)
            })
        });
        drop(t);
        let people = participants(n, P21);
        g.bench_with_input(BenchmarkId::new("records", n), &people, |b, people| {
            b.iter(|| {
                black_box(CommonIndicators::compute(
                    Catalogue::EsfPlus,
                    r,
                    None,
                    people,
                ))
            })
        });
        drop(people);
        // The floor: summing a buffer of the bytes the column path must read.
        let words = vec![1u64; n * BYTES_PER_ROW / 8];
        g.bench_with_input(BenchmarkId::new("bandwidth_sum", n), &words, |b, w| {
            b.iter(|| black_box(w.iter().fold(0u64, |a, x| a.wrapping_add(*x))))
        });
    }
    g.finish();
}

fn validation(c: &mut Criterion) {
    let r = rules(P21);
    let mut g = c.benchmark_group("validation");
    g.sample_size(10);
    for n in sizes(&[10_000, 1_000_000, 10_000_000], &[1_000]) {
        g.throughput(Throughput::Elements(n as u64));
        let people = participants_with_codes(n, P21);
        g.bench_with_input(BenchmarkId::new("checks", n), &people, |b, people| {
            b.iter(|| black_box(people.iter().map(|p| r.check(p).len()).sum::<usize>()))
        });
        g.bench_with_input(BenchmarkId::new("duplicates", n), &people, |b, people| {
            b.iter_batched(
                || people.clone(),
                |people| black_box(merge_duplicates(people, None).participants.len()),
                criterion::BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, indicators, validation);
criterion_main!(benches);
