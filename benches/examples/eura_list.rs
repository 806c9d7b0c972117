//! The EURA 2014 project list read in a loop, for timing and a profiler.
//!
//! ```text
//! cargo build --release -p hanke-benches --example eura_list
//! target/release/examples/eura_list 50
//! ```
//! Prints the time of a read, the rows per second and the account.

use std::hint::black_box;
use std::time::Instant;

use hanke::eura::ProjectList;

fn main() {
    let reps: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data/eura/eura2014_projektilista.csv");
    let text = std::fs::read(&path).unwrap_or_else(|e| unreachable!("{}: {e}", path.display()));
    let start = Instant::now();
    let mut rows = 0;
    for _ in 0..reps {
        let list = ProjectList::read(&text[..]).unwrap_or_else(|e| unreachable!("{e}"));
        rows = list.rows.len();
        black_box(list);
    }
    let secs = start.elapsed().as_secs_f64() / reps.max(1) as f64;
    println!(
        "{rows} rows: {:.2} ms a read, {:.0} k rows/s",
        secs * 1e3,
        rows as f64 / secs / 1e3
    );
}
