//! Participant CSV import into columns in a loop, for a profiler: the file of
//! `--bench files` (written by it under `target/bench-data/`).
//!
//! ```text
//! cargo bench -p hanke-benches --bench files -- participant_csv   # writes the file once
//! cargo build --release -p hanke-benches --example csv_import
//! target/release/examples/csv_import target/bench-data/participants-1000000.csv 5
//! target/release/examples/csv_import target/bench-data/participants-1000000.csv 5 2   # on two threads
//! ```
//!
//! With a third argument above 1, the rows are read with
//! `ParticipantCsvReader::read_parallel` on that many threads and pushed into
//! the table batch by batch, in file order, on the calling thread.

use std::io::BufReader;
use std::num::NonZeroUsize;
use std::time::Instant;

use hanke::import::{ImportOptions, ParticipantCsvReader};
use hanke::participant::columns::ParticipantTable;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "target/bench-data/participants-1000000.csv".to_string());
    let reps: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let threads = args
        .next()
        .and_then(|s| s.parse().ok())
        .and_then(NonZeroUsize::new);
    for _ in 0..reps {
        let start = Instant::now();
        let file = std::fs::File::open(&path).unwrap_or_else(|e| unreachable!("{e}"));
        let mut reader = ParticipantCsvReader::new(BufReader::new(file), ImportOptions::default())
            .unwrap_or_else(|e| unreachable!("{e}"));
        let mut table = ParticipantTable::new();
        let rows = match threads {
            Some(threads) => reader
                .read_parallel(threads, |batch| {
                    for p in &batch {
                        let _ = table.push(p);
                    }
                })
                .map_or(0, |r| r.rows_read),
            None => {
                while let Ok(Some(p)) = reader.next_participant() {
                    let _ = table.push(&p);
                }
                reader.into_report().rows_read
            }
        };
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{rows} rows: {secs:.3} s — {:.2} M rows/s",
            rows as f64 / secs / 1e6
        );
    }
}
