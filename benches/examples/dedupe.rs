//! Duplicate merging in a loop, for timing and a profiler: the benchmark data
//! set with (temporary) identity codes, unique within each chunk of 100 000 and
//! repeating across chunks, as people entering again do.
//!
//! ```text
//! cargo build --release -p hanke-benches --example dedupe
//! target/release/examples/dedupe 10000000 3
//! target/release/examples/dedupe 10000000 3 2   # on two threads
//! ```
//! Prints the time of each run (the copy of the input made before each run is
//! not timed), the rows per second, what was merged, and the peak heap above
//! the input during a run.

use std::hint::black_box;
use std::time::Instant;

use std::num::NonZeroUsize;

use hanke::participant::merge_duplicates_parallel;
use hanke_benches::{Counting, P21, live_bytes, participants_with_codes, peak_bytes, reset_peak};

#[global_allocator]
static ALLOC: Counting = Counting;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let reps: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(3);
    let threads = args
        .next()
        .and_then(|s| s.parse().ok())
        .and_then(NonZeroUsize::new)
        .unwrap_or(NonZeroUsize::MIN);
    let people = participants_with_codes(n, P21);
    println!(
        "{n} records of {} bytes each",
        std::mem::size_of_val(people.first().unwrap_or_else(|| unreachable!()))
    );
    for _ in 0..reps {
        let input = people.clone();
        reset_peak();
        let base = live_bytes();
        let start = Instant::now();
        let merged = merge_duplicates_parallel(input, None, threads);
        let secs = start.elapsed().as_secs_f64();
        let peak = peak_bytes().saturating_sub(base);
        // The input was consumed: what is left above `base` is the output
        // less the input's own block.
        let output = live_bytes()
            .saturating_add(std::mem::size_of_val(people.as_slice()))
            .saturating_sub(base);
        println!(
            "{:.3} s — {:.2} M rows/s; {} participants, {} merges; peak heap above the input {} MB, output {} MB",
            secs,
            n as f64 / secs / 1e6,
            merged.participants.len(),
            merged.merges.len(),
            peak / 1_000_000,
            output / 1_000_000
        );
        black_box(merged);
    }
}
