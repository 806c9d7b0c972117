//! The data hanke's benchmarks run on — synthetic participants from the
//! generator of [`hanke::synthetic`] with a fixed seed — and a
//! counting allocator for peak memory.
//!
//! The benchmarks themselves are in `benches/benches/`; `BENCHMARKS.md` at the
//! repository root records their figures and the commands that reproduce them.
//! Run without `--bench` (as `cargo test --benches` does) they take tiny sizes,
//! so that the default test command keeps them working.
//!
//! ```
//! let people = hanke_benches::participants(100, hanke_benches::P21);
//! assert_eq!(people.len(), 100);
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use hanke::participant::Participant;
use hanke::participant::columns::ParticipantTable;
use hanke::programme::ProgrammePeriod;
use hanke::rulebook::ParticipantRules;
use hanke::rulebook::Rulebook;
use hanke::synthetic::{self, SyntheticConfig, generate};

/// 2021–2027 (ESF+).
pub const P21: ProgrammePeriod = ProgrammePeriod::Period2021To2027;
/// 2014–2020 (ESF).
pub const P14: ProgrammePeriod = ProgrammePeriod::Period2014To2020;

/// Records are generated in chunks of this many, each with its own seed.
pub const CHUNK: usize = synthetic::BENCHMARK_CHUNK;

/// Whether criterion measures (`cargo bench` passes `--bench`) rather than
/// checks that each benchmark runs once (`cargo test --benches`).
pub fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// The sizes to run: `full` when measuring, unless `HANKE_BENCH_SIZES` (comma
/// separated) says otherwise; `smoke` when only checking.
pub fn sizes(full: &[usize], smoke: &[usize]) -> Vec<usize> {
    if let Ok(s) = std::env::var("HANKE_BENCH_SIZES") {
        let v: Vec<usize> = s.split(',').filter_map(|x| x.trim().parse().ok()).collect();
        if !v.is_empty() {
            return v;
        }
    }
    if measuring() { full } else { smoke }.to_vec()
}

/// The participant rules of a period.
pub fn rules(period: ProgrammePeriod) -> &'static ParticipantRules {
    Rulebook::for_period(period)
        .and_then(|r| r.participants())
        .unwrap_or_else(|| unreachable!("both periods have participant rules"))
}

/// The generator's settings for one chunk (the core's benchmark data set).
pub fn config(chunk: usize, count: usize) -> SyntheticConfig {
    synthetic::benchmark_config(chunk, count)
}

/// Calls `f` with each chunk of the first `n` generated participants.
pub fn for_each_chunk(n: usize, period: ProgrammePeriod, f: impl FnMut(Vec<Participant>)) {
    synthetic::benchmark_chunks(n, rules(period), f);
}

/// The first `n` generated participants as records.
pub fn participants(n: usize, period: ProgrammePeriod) -> Vec<Participant> {
    let mut out = Vec::with_capacity(n);
    for_each_chunk(n, period, |c| out.extend(c));
    out
}

/// The first `n` generated participants with (temporary) identity codes,
/// unique within each chunk of [`CHUNK`]; across chunks a code can repeat, as
/// the same person entering twice would.
pub fn participants_with_codes(n: usize, period: ProgrammePeriod) -> Vec<Participant> {
    let mut out = Vec::with_capacity(n);
    let mut chunk = 0;
    let mut left = n;
    while left > 0 {
        let count = left.min(CHUNK);
        let mut c = config(chunk, count);
        c.identity_codes = true;
        out.extend(generate(&c, rules(period)));
        left -= count;
        chunk += 1;
    }
    out
}

/// The first `n` generated participants as columns.
pub fn table(n: usize, period: ProgrammePeriod) -> ParticipantTable {
    synthetic::benchmark_table(n, rules(period))
}

/// A global allocator that counts live and peak heap bytes.
pub struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

#[allow(unsafe_code)]
// SAFETY: every call is passed to the system allocator unchanged; the counters
// are only statistics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is the system allocator's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            let live = LIVE.fetch_add(new_size, Ordering::Relaxed) + new_size;
            PEAK.fetch_max(live, Ordering::Relaxed);
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }
}

/// Heap bytes live now (with [`Counting`] as the global allocator).
pub fn live_bytes() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// Starts a new peak measurement from the bytes live now.
pub fn reset_peak() {
    PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
}

/// The peak of live heap bytes since [`reset_peak`].
pub fn peak_bytes() -> usize {
    PEAK.load(Ordering::Relaxed)
}
