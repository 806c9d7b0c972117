//! The published participant format (`docs/participant-csv.md`) holds the
//! field table's own tables: what each reader accepts is written in one place.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

#[test]
fn the_participant_format_is_the_field_table() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/participant-csv.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let (begin, end) = ("<!-- generated: begin -->\n", "<!-- generated: end -->");
    let start = doc.find(begin).expect("the generated section's start") + begin.len();
    let stop = doc.find(end).expect("the generated section's end");
    let generated = hanke::participant::fields::format_markdown();
    if std::env::var_os("HANKE_BLESS").is_some() {
        let mut fresh = doc.clone();
        fresh.replace_range(start..stop, &generated);
        std::fs::write(&path, fresh).unwrap();
        return;
    }
    assert!(
        doc[start..stop] == generated,
        "docs/participant-csv.md is stale: run HANKE_BLESS=1 cargo test -p hanke --test docs"
    );
}
