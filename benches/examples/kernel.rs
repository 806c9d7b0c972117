//! The indicator kernel in a loop, for a profiler: `perf stat` / `perf record`
//! see nothing but `add_columns` after the one-off data generation.
//!
//! ```text
//! cargo build --release -p hanke-benches --example kernel
//! perf stat -e instructions,cycles target/release/examples/kernel 1000000 20
//! ```
//! Prints the rows per second of the loop and the instructions-per-row figure
//! follows from perf's count (minus one run with 0 repetitions). A third
//! argument `arrow` reads the same data as an Arrow record batch instead (the
//! path of a polars or pyarrow table, with the record reader's checks):
//! `target/release/examples/kernel 1000000 20 arrow`; `records` counts the
//! same participants as records (`CommonIndicators::compute`); `layout` times
//! that path's two other costs: reading each record once and laying the records
//! out as columns (`ParticipantTable::extend_records`). A fourth argument counts
//! on that many threads (`add_columns_parallel`):
//! `target/release/examples/kernel 10000000 5 columns 2`. `polars` reads the
//! batch with its dictionaries as a polars frame's categoricals arrive
//! (`uint32` codes into one category list shared by every column, in order of
//! first appearance): `target/release/examples/kernel 1000000 20 polars`.

use std::hint::black_box;
use std::time::Instant;

use hanke::indicator::{Catalogue, CommonIndicators};
use hanke_benches::{P21, rules, table};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let reps: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let mode = args.next().unwrap_or_default();
    let arrow = mode == "arrow" || mode == "polars";
    let threads = args
        .next()
        .and_then(|s| s.parse().ok())
        .and_then(std::num::NonZeroUsize::new);
    let t = table(n, P21);
    let r = rules(P21);
    let batch = arrow
        .then(|| hanke::import::arrow::to_record_batch(&t).unwrap_or_else(|e| unreachable!("{e}")))
        .map(|b| {
            if mode == "polars" {
                shared_categories(&b)
            } else {
                b
            }
        });
    let options = hanke::import::ImportOptions::default();
    if mode == "layout" {
        // The record path's two costs apart from the kernel: reading every
        // record once (the memory floor of the record form) and laying the
        // records out as columns in chunks, as `add_records` does.
        use chrono::Datelike;
        let people = hanke_benches::participants(n, P21);
        let refs: Vec<&hanke::participant::Participant> = people.iter().collect();
        let (mut touch, mut layout) = (0.0, 0.0);
        for _ in 0..reps {
            let start = Instant::now();
            let sum = people.iter().fold(0u64, |acc, p| {
                let day = |d: chrono::NaiveDate| u64::from(d.ordinal());
                acc.wrapping_add(day(p.entry.date))
                    .wrapping_add(p.exit.as_ref().map_or(0, |x| day(x.date)))
                    .wrapping_add(p.follow_up.as_ref().map_or(0, |f| day(f.date)))
                    .wrapping_add(p.id.as_str().len() as u64)
                    .wrapping_add(u64::from(p.pseudonym.is_some()))
            });
            black_box(sum);
            touch += start.elapsed().as_secs_f64();
            let start = Instant::now();
            let mut table = hanke::participant::columns::ParticipantTable::new();
            for chunk in refs.chunks(4_096) {
                table.clear();
                table
                    .extend_records(chunk)
                    .unwrap_or_else(|e| unreachable!("{e}"));
            }
            black_box(table);
            layout += start.elapsed().as_secs_f64();
        }
        let per = |secs: f64| secs * 1e3 / reps.max(1) as f64;
        println!(
            "{n} records × {reps}: reading each record once {:.2} ms, laying out as columns {:.2} ms per run",
            per(touch),
            per(layout)
        );
        return;
    }
    if mode == "records" {
        let people = hanke_benches::participants(n, P21);
        let start = Instant::now();
        for _ in 0..reps {
            black_box(
                CommonIndicators::compute(Catalogue::EsfPlus, r, None, &people)
                    .unwrap_or_else(|e| unreachable!("{e}")),
            );
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{n} records × {reps}: {:.2} ms per run, {:.1} M rows/s",
            secs * 1e3 / reps.max(1) as f64,
            (n * reps) as f64 / secs / 1e6
        );
        return;
    }
    let start = Instant::now();
    for _ in 0..reps {
        let mut ind = CommonIndicators::new(Catalogue::EsfPlus, r, None)
            .unwrap_or_else(|e| unreachable!("{e}"));
        match &batch {
            Some(b) => {
                hanke::import::arrow::with_columns(b, &options, |c| match threads {
                    Some(t) => ind.add_columns_parallel(c, t),
                    None => ind.add_columns(c),
                })
                .unwrap_or_else(|e| unreachable!("{e}"))
                .0
                .unwrap_or_else(|e| unreachable!("{e}"));
            }
            None => match threads {
                Some(threads) => ind.add_columns_parallel(&t.columns(), threads),
                None => ind.add_columns(&t.columns()),
            }
            .unwrap_or_else(|e| unreachable!("{e}")),
        }
        black_box(ind);
    }
    let secs = start.elapsed().as_secs_f64();
    if reps > 0 {
        println!(
            "{n} rows × {reps}: {:.2} ms per run, {:.1} M rows/s",
            secs * 1e3 / reps as f64,
            (n * reps) as f64 / secs / 1e6
        );
    }
}

/// `batch` with every dictionary column re-keyed as polars exports its
/// categoricals by their physical codes: `uint32` keys into one list of every
/// column's labels, each label once, in order of first appearance.
fn shared_categories(batch: &arrow_array::RecordBatch) -> arrow_array::RecordBatch {
    use std::sync::Arc;

    use arrow_array::cast::AsArray;
    use arrow_array::types::Int8Type;
    use arrow_array::{Array, ArrayRef, DictionaryArray, StringArray, UInt32Array};

    let mut list: Vec<String> = Vec::new();
    let mut index = |label: &str| -> u32 {
        let at = list.iter().position(|l| l == label).unwrap_or_else(|| {
            list.push(label.to_owned());
            list.len() - 1
        });
        u32::try_from(at).unwrap_or(u32::MAX)
    };
    let mut rekeyed: Vec<(String, Option<UInt32Array>, ArrayRef)> = Vec::new();
    for (field, column) in batch.schema().fields().iter().zip(batch.columns()) {
        let keys = column.as_dictionary_opt::<Int8Type>().map(|d| {
            let labels = d.values().as_string::<i32>();
            let map: Vec<u32> = (0..labels.len()).map(|i| index(labels.value(i))).collect();
            UInt32Array::new(
                d.keys()
                    .values()
                    .iter()
                    .map(|&k| {
                        usize::try_from(k)
                            .ok()
                            .and_then(|k| map.get(k).copied())
                            .unwrap_or(0)
                    })
                    .collect(),
                d.nulls().cloned(),
            )
        });
        rekeyed.push((field.name().clone(), keys, column.clone()));
    }
    let values: ArrayRef = Arc::new(StringArray::from(list));
    arrow_array::RecordBatch::try_from_iter(rekeyed.into_iter().map(|(name, keys, column)| {
        let column: ArrayRef = match keys {
            Some(keys) => Arc::new(
                DictionaryArray::try_new(keys, values.clone())
                    .unwrap_or_else(|e| unreachable!("{e}")),
            ),
            None => column,
        };
        (name, column)
    }))
    .unwrap_or_else(|e| unreachable!("{e}"))
}
