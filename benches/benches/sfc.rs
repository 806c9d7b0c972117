//! SFC2021 Table 6 and Table 10 at programme scale (issues 27 and 29): 500
//! operations over 4 priorities × 4 specific objectives × 3 categories of
//! region, with 500 000 synthetic participants in all (the benchmark data set,
//! 1 000 each):
//! counting every operation's participants and aggregating the tables, and the
//! aggregation alone from the per-operation results (what a managing authority
//! does with results computed elsewhere, e.g. on Dask workers).
//!
//! `cargo bench -p hanke-benches --bench sfc`; `HANKE_BENCH_SIZES=30000` for
//! another participant count, `HANKE_BENCH_OPERATIONS=2000` for another number
//! of operations. Without `--bench` it runs once on 1 000.

#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use hanke::indicator::{Catalogue, CommonIndicators};
use hanke::programme::RegionCategory;
use hanke::sfc::{CutOff, Operation, Participation, SfcObjective, Table6, Table10};
use hanke_benches::{P21, participants, rules, sizes};

/// The operations of the programme (500 unless `HANKE_BENCH_OPERATIONS` says).
fn operation_count() -> usize {
    std::env::var("HANKE_BENCH_OPERATIONS")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(500)
}

fn operations(people: &[hanke::participant::Participant], cut_off: CutOff) -> Vec<Operation> {
    let r = rules(P21);
    let per = people.len().div_ceil(operation_count()).max(1);
    let regions = [
        RegionCategory::LessDeveloped,
        RegionCategory::Transition,
        RegionCategory::MoreDeveloped,
    ];
    people
        .chunks(per)
        .enumerate()
        .map(|(i, chunk)| {
            let counted =
                CommonIndicators::compute(Catalogue::EsfPlus, r, Some(cut_off.day()), chunk)
                    .unwrap_or_else(|e| unreachable!("{e}"));
            let letter = ['a', 'd', 'h', 'l'][i % 4];
            Operation::new(
                format!("S3{:04}", i % 10_000)
                    .parse()
                    .unwrap_or_else(|e| unreachable!("{e}")),
                u8::try_from(4 + i % 4).unwrap_or(4),
                SfcObjective::from_letter(letter).unwrap_or_else(|e| unreachable!("{e}")),
                regions[i % 3],
                Participation::Records(Box::new(counted)),
            )
        })
        .collect()
}

fn sfc(c: &mut Criterion) {
    let cut_off: CutOff = "2026-06-30".parse().unwrap_or_else(|e| unreachable!("{e}"));
    let mut g = c.benchmark_group("sfc");
    g.sample_size(10);
    for n in sizes(&[500_000], &[1_000]) {
        let people = participants(n, P21);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(
            BenchmarkId::new("count_and_aggregate", n),
            &people,
            |b, people| {
                b.iter(|| {
                    let ops = operations(people, cut_off);
                    let t6 =
                        Table6::aggregate(&ops, cut_off).unwrap_or_else(|e| unreachable!("{e}"));
                    let t10 =
                        Table10::aggregate(&ops, cut_off).unwrap_or_else(|e| unreachable!("{e}"));
                    black_box((t6, t10))
                })
            },
        );
        let ops = operations(&people, cut_off);
        g.throughput(Throughput::Elements(ops.len() as u64));
        g.bench_with_input(BenchmarkId::new("aggregate_only", n), &ops, |b, ops| {
            b.iter(|| {
                let t6 = Table6::aggregate(ops, cut_off).unwrap_or_else(|e| unreachable!("{e}"));
                black_box(t6.validate())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, sfc);
criterion_main!(benches);
