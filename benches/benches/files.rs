//! Reading files: a participant CSV of 1 000 000 rows streamed into columns
//! (throughput, and peak heap against the size of the output), the EURA 2014
//! project list, and JSON load and save of a portfolio of a thousand projects.
//!
//! `cargo bench -p hanke-benches --bench files`. Without `--bench` every
//! benchmark runs once on 1 000 rows.

// criterion's macros generate undocumented public functions.
#![allow(missing_docs)]

use std::hint::black_box;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use hanke::Project;
use hanke::eura::ProjectList;
use hanke::import::{IdentityCodes, ImportOptions, ParticipantCsvReader, write_participants_csv};
use hanke::participant::columns::ParticipantTable;
use hanke_benches::{Counting, P21, for_each_chunk, live_bytes, peak_bytes, reset_peak, sizes};

#[global_allocator]
static ALLOC: Counting = Counting;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Writes the first `n` generated participants as CSV (once per size).
fn csv_file(n: usize) -> PathBuf {
    let dir = repo().join("target").join("bench-data");
    let path = dir.join(format!("participants-{n}.csv"));
    if !path.exists() {
        let _ = std::fs::create_dir_all(&dir);
        let tmp = path.with_extension("tmp");
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(&tmp).unwrap_or_else(|e| unreachable!("{e}")),
        );
        let mut header = true;
        for_each_chunk(n, P21, |chunk| {
            let mut buf = Vec::new();
            let _ = write_participants_csv(&mut buf, &chunk, IdentityCodes::Omit);
            let body = if header {
                &buf[..]
            } else {
                // Every chunk but the first without its header line.
                let end = buf.iter().position(|b| *b == b'\n').map_or(0, |i| i + 1);
                buf.get(end..).unwrap_or(&[])
            };
            header = false;
            let _ = std::io::Write::write_all(&mut out, body);
        });
        drop(out);
        let _ = std::fs::rename(&tmp, &path);
    }
    path
}

/// Streams a participant file into columns: one record in memory at a time.
fn import(path: &Path) -> (ParticipantTable, u64) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| unreachable!("{e}"));
    let mut reader = ParticipantCsvReader::new(BufReader::new(file), ImportOptions::default())
        .unwrap_or_else(|e| unreachable!("{e}"));
    let mut table = ParticipantTable::new();
    while let Ok(Some(p)) = reader.next_participant() {
        let _ = table.push(&p);
    }
    let report = reader.into_report();
    (table, report.rows_read)
}

fn participant_csv(c: &mut Criterion) {
    let mut g = c.benchmark_group("participant_csv");
    g.sample_size(10);
    for n in sizes(&[1_000_000], &[1_000]) {
        let path = csv_file(n);
        let file_bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
        // Peak heap of one import, against the file and the output.
        let before = live_bytes();
        reset_peak();
        let (table, rows) = import(&path);
        let peak = peak_bytes().saturating_sub(before);
        let output = live_bytes().saturating_sub(before);
        drop(table);
        println!(
            "participant_csv/{n}: {rows} rows, file {} MB, peak heap {} MB, output {} MB, peak - output {} MB",
            file_bytes / 1_000_000,
            peak / 1_000_000,
            output / 1_000_000,
            peak.saturating_sub(output) / 1_000_000
        );
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("import_to_columns", n), &path, |b, p| {
            b.iter(|| black_box(import(p).1))
        });
    }
    g.finish();
}

fn eura_list(c: &mut Criterion) {
    let path = repo().join("examples/data/eura/eura2014_projektilista.csv");
    let text = std::fs::read(&path).unwrap_or_default();
    let mut g = c.benchmark_group("eura_project_list");
    g.throughput(Throughput::Elements(2_881));
    g.bench_function("parse", |b| {
        b.iter(|| black_box(ProjectList::read(&text[..]).map(|l| l.rows.len())))
    });
    g.finish();
}

fn portfolio(c: &mut Criterion) {
    let dir = repo().join("examples/data/projects");
    let mut bundled: Vec<Project> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .filter_map(|s| Project::from_json_str(&s).ok())
                .collect()
        })
        .unwrap_or_default();
    bundled.sort_by(|a, b| a.name.cmp(&b.name));
    let n = if hanke_benches::measuring() {
        1_000
    } else {
        20
    };
    let projects: Vec<Project> = (0..n)
        .filter_map(|i| {
            let mut p = bundled.get(i % bundled.len().max(1))?.clone();
            p.name = format!("{} #{i}", p.name);
            Some(p)
        })
        .collect();
    let json = serde_json::to_string(&projects).unwrap_or_default();
    println!(
        "portfolio: {} projects, {} kB of JSON",
        projects.len(),
        json.len() / 1000
    );
    let mut g = c.benchmark_group("portfolio_json");
    g.throughput(Throughput::Elements(projects.len() as u64));
    g.bench_function(BenchmarkId::new("save", projects.len()), |b| {
        b.iter(|| black_box(serde_json::to_string(&projects).map(|s| s.len())))
    });
    g.bench_function(BenchmarkId::new("load", projects.len()), |b| {
        b.iter(|| black_box(serde_json::from_str::<Vec<Project>>(&json).map(|v| v.len())))
    });
    g.finish();
}

criterion_group!(benches, participant_csv, eura_list, portfolio);
criterion_main!(benches);
