//! Every reader accounts for every row and every line (issue 22): valid files
//! with stray quotes, other line ends, blank lines and padding put into them
//! are read with `rows in = accepted + rejected` and `physical lines = header +
//! blank + the lines of every record` — for the participant CSV and the EURA
//! project list alike — and changes that alter no value alter no record.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use hanke::Finding;
use hanke::eura::ProjectList;
use hanke::import::{ImportOptions, read_participants_csv};
use proptest::prelude::*;

fn read(path: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data")
        .join(path);
    std::fs::read_to_string(p).unwrap()
}

/// The participant file's first rows, and the project list's.
fn participant_file() -> String {
    read("participants/lahde_mukaan_S20250.csv")
        .lines()
        .take(16)
        .map(|l| format!("{l}\n"))
        .collect()
}

fn list_file() -> String {
    read("eura/eura2014_projektilista.csv")
        .lines()
        .take(16)
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Physical lines, counted independently of the readers: each `\r\n`, lone
/// `\r` or lone `\n` ends one, and text after the last end is one more.
fn physical_lines(text: &[u8]) -> u64 {
    let mut n = 0;
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'\r' && text.get(i + 1) == Some(&b'\n') {
            n += 1;
            i += 2;
            continue;
        }
        if text[i] == b'\r' || text[i] == b'\n' {
            n += 1;
        }
        i += 1;
    }
    n + u64::from(text.last().is_some_and(|b| *b != b'\n' && *b != b'\r'))
}

/// A change to a valid file.
#[derive(Debug, Clone)]
enum Change {
    /// A `"` at a byte offset (a fraction of the length).
    StrayQuote(f64),
    /// The `k`-th line end written as `\r\n`.
    CrLf(usize),
    /// The `k`-th line end written as a lone `\r`.
    Cr(usize),
    /// A blank (or white-space) line after the `k`-th line.
    Blank(usize, &'static str),
    /// Two empty fields appended to the `k`-th line.
    Padding(usize),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (0.0..1.0f64).prop_map(Change::StrayQuote),
        (0..20usize).prop_map(Change::CrLf),
        (0..20usize).prop_map(Change::Cr),
        (0..20usize, prop::sample::select(vec!["", " ", "\t "]))
            .prop_map(|(k, s)| Change::Blank(k, s)),
        (1..20usize).prop_map(Change::Padding),
    ]
}

/// `text` with `changes` made, line by line (the stray quotes last, at byte
/// offsets of the changed text, never inside a character).
fn apply(text: &str, changes: &[Change]) -> Vec<u8> {
    let mut lines: Vec<(String, &str)> = text.lines().map(|l| (l.to_string(), "\n")).collect();
    for c in changes {
        let n = lines.len();
        match c {
            Change::CrLf(k) => lines[k % n].1 = "\r\n",
            Change::Cr(k) => lines[k % n].1 = "\r",
            // At most two paddings of a line (four empty fields, the most the
            // list reader takes as padding; more is rejected, with a reason).
            Change::Padding(k) if k % n != 0 && !lines[k % n].0.ends_with(",,,,") => {
                lines[k % n].0.push_str(",,");
            }
            Change::Blank(k, s) => lines.insert((k % n) + 1, (s.to_string(), "\n")),
            _ => {}
        }
    }
    let mut out: Vec<u8> = Vec::new();
    for (line, end) in &lines {
        out.extend_from_slice(line.as_bytes());
        out.extend_from_slice(end.as_bytes());
    }
    for c in changes {
        if let Change::StrayQuote(at) = c {
            let mut i = ((out.len() as f64) * at) as usize;
            while i < out.len() && (out[i] & 0xC0) == 0x80 {
                i += 1;
            }
            out.insert(i.min(out.len()), b'"');
        }
    }
    out
}

/// Every rejection points at lines of the file, its last not before its first.
fn lines_are_in_the_file(findings: &[Finding], lines: u64) -> bool {
    findings.iter().all(|f| {
        f.line.is_some_and(|l| (1..=lines).contains(&l))
            && f.end_line
                .is_none_or(|e| e > f.line.unwrap_or(0) && e <= lines)
    })
}

/// Whether the changes alter no value: line ends and blank lines only.
fn value_preserving(changes: &[Change]) -> bool {
    changes
        .iter()
        .all(|c| matches!(c, Change::CrLf(_) | Change::Cr(_) | Change::Blank(..)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_participant_reader_accounts_for_every_row_and_line(
        changes in proptest::collection::vec(change(), 0..8),
        temporary in any::<bool>(),
    ) {
        let original = participant_file();
        let text = apply(&original, &changes);
        let mut options = ImportOptions::default();
        options.accept_temporary_codes = temporary;
        let (people, r) = match read_participants_csv(&text[..], options) {
            Ok(read) => read,
            // A quote in the header stops the import, with the line: as a
            // header that cannot be read, or as a name no column has
            // (`""participant_id` is not `participant_id`).
            Err(e) => {
                prop_assert!(
                    matches!(e.code(), "csv.header" | "import.unknown_column"),
                    "{}", e.code()
                );
                prop_assert_eq!(e.line(), Some(1));
                return Ok(());
            }
        };
        prop_assert!(r.is_balanced(), "{r:?}");
        prop_assert_eq!(r.lines, physical_lines(&text));
        prop_assert_eq!(people.len() as u64, r.accepted);
        prop_assert!(lines_are_in_the_file(&r.rejections, r.lines));
        prop_assert!(people.iter().all(|p| !p.id.as_str().contains(['"', '\n', '\r'])));
        if value_preserving(&changes) {
            let mut o = ImportOptions::default();
            o.accept_temporary_codes = temporary;
            let (same, _) = read_participants_csv(original.as_bytes(), o).unwrap();
            prop_assert_eq!(people, same);
        }
    }

    #[test]
    fn the_project_list_reader_accounts_for_every_row_and_line(
        changes in proptest::collection::vec(change(), 0..8),
    ) {
        let original = list_file();
        let text = apply(&original, &changes);
        let list = match ProjectList::read(&text[..]) {
            Ok(list) => list,
            Err(e) => {
                prop_assert_eq!((e.code(), e.line()), ("csv.header", Some(1)));
                return Ok(());
            }
        };
        let r = &list.report;
        prop_assert!(r.is_balanced(), "{r:?}");
        prop_assert_eq!(r.lines, physical_lines(&text));
        prop_assert_eq!(list.rows.len() as u64, r.accepted);
        prop_assert!(lines_are_in_the_file(&r.rejections, r.lines));
        prop_assert!(list.rows.iter().all(|row| !row.name.contains(['\n', '\r'])));
        // Padding is padding too: it changes no value of the list.
        let no_quotes = changes.iter().all(|c| !matches!(c, Change::StrayQuote(_)));
        if no_quotes {
            let same = ProjectList::read(original.as_bytes()).unwrap();
            let values = |l: &ProjectList| -> Vec<_> {
                l.rows
                    .iter()
                    .map(|r| (r.code, r.name.clone(), r.granted_eu_state, r.realised_eu_state, r.planned_public, r.realised_public))
                    .collect()
            };
            prop_assert_eq!(values(&list), values(&same));
        }
    }
}
