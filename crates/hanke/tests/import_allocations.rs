//! Streaming import: reading many rows allocates only while the reader's
//! buffers grow, not once per row. A counting global allocator (this test
//! binary only) makes that a checkable fact rather than a claim.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use hanke::import::{IdentityCodes, ImportOptions, ParticipantCsvReader, write_participants_csv};
use hanke::programme::ProgrammePeriod;
use hanke::rulebook::Rulebook;
use hanke::synthetic::{SyntheticConfig, generate};

// dhat's allocator counts every allocation of this test binary (the workspace
// forbids `unsafe`, so no hand-written allocator).
#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[test]
fn twenty_thousand_rows_without_per_row_allocations() {
    let rules = Rulebook::for_period(ProgrammePeriod::Period2014To2020)
        .unwrap()
        .participants()
        .unwrap();
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let people = generate(
        &SyntheticConfig::new(9, 20_000, d(2015, 1, 1), d(2020, 12, 31)),
        rules,
    );
    let mut csv = Vec::new();
    write_participants_csv(&mut csv, &people, IdentityCodes::Include).unwrap();
    drop(people);

    let mut options = ImportOptions::default();
    options.accept_temporary_codes = true;
    let _profiler = dhat::Profiler::builder().testing().build();
    let mut reader = ParticipantCsvReader::new(csv.as_slice(), options).unwrap();
    let before = dhat::HeapStats::get().total_blocks;
    let mut accepted = 0u64;
    while let Some(p) = reader.next_participant().unwrap() {
        accepted += 1;
        std::hint::black_box(p);
    }
    let during = dhat::HeapStats::get().total_blocks - before;
    let report = reader.into_report();
    assert_eq!(report.rows_read, 20_000);
    assert_eq!(accepted, 20_000);
    assert!(report.is_balanced());
    // The line, field and unescape buffers grow a few times; nothing else.
    assert!(during < 50, "{during} allocations for 20 000 rows");
}
