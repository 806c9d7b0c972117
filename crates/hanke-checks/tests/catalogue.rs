//! The published catalogue (`docs/errors.md`) is the code's, the bindings'
//! code-shaped literals are all in it, and the Python docstrings hold the
//! participant field table.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use hanke_checks::root;

/// `docs/errors.md` is the catalogue as the code has it.
#[test]
fn published_catalogue_matches_the_code() {
    let doc = hanke::errors::to_markdown(hanke_checks::BINDINGS);
    let done = hanke_checks::check_or_bless(
        "docs/errors.md",
        &doc,
        "cargo test -p hanke-checks --test catalogue",
    );
    assert!(done.is_ok(), "{done:?}");
}

/// No binding code is also a core code, and each is well formed.
#[test]
fn binding_codes_are_their_own() {
    for b in hanke_checks::BINDINGS {
        for c in b.codes {
            let c = c.code;
            assert!(!hanke::errors::is_known(c.code), "{} is the core's", c.code);
            let (area, reason) = c.code.split_once('.').unwrap();
            assert!(!area.is_empty() && !reason.is_empty() && !c.meaning.is_empty());
        }
    }
}

/// Python module paths look like codes.
fn a_module(s: &str) -> bool {
    s.starts_with("hanke.") || s.starts_with("pyarrow.") || s.starts_with("polars.")
}

/// Codes the bindings raise are published.
#[test]
fn binding_codes_are_catalogued() {
    let mut unknown = Vec::new();
    let mut seen = 0;
    for sub in ["bindings/python/src", "bindings/uniffi/src"] {
        for (file, text) in hanke_checks::rust_sources(&root().join(sub), &root()) {
            // Code-shaped string literals: "area.reason" in lowercase.
            for piece in text.split('"').skip(1).step_by(2) {
                let shaped = piece.split_once('.').is_some_and(|(a, b)| {
                    !a.is_empty()
                        && !b.is_empty()
                        && piece
                            .bytes()
                            .all(|c| c.is_ascii_lowercase() || c == b'_' || c == b'.')
                        && piece.matches('.').count() == 1
                });
                if shaped && !a_module(piece) {
                    seen += 1;
                    if !hanke_checks::is_published(piece) {
                        unknown.push(format!("{file}: {piece}"));
                    }
                }
            }
        }
    }
    assert!(seen > 10, "the scan found only {seen} codes");
    assert!(unknown.is_empty(), "codes not published: {unknown:?}");
}

/// The Python docstrings of `read_participants` and `common_indicators` hold
/// the same table (`bindings/python/src/participant-format.md`, included into
/// them at build time).
#[test]
fn the_python_docstrings_hold_the_field_table() {
    let path = root().join("bindings/python/src/participant-format.md");
    let generated = format!(
        "\nWhat each column accepts (generated from hanke's field table):\n\n{}",
        hanke::participant::fields::format_markdown()
    );
    if std::env::var_os("HANKE_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "bindings/python/src/participant-format.md is stale: run HANKE_BLESS=1 cargo test -p hanke-checks --test catalogue"
    );
    let source = std::fs::read_to_string(path.with_file_name("analysis.rs")).unwrap()
        + &std::fs::read_to_string(path.with_file_name("columns.rs")).unwrap();
    assert_eq!(
        source
            .matches("include_str!(\"participant-format.md\")")
            .count(),
        2
    );
}

/// Every ADR has the one header format: `# ADR NNNN: Title`, a blank line,
/// `Status: … · Date: YYYY-MM-DD[ · Issue: N]`, numbered as its file.
#[test]
fn adrs_have_one_header_format() {
    let mut n = 0;
    let mut names: Vec<_> = std::fs::read_dir(root().join("docs/adr"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in names {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.lines();
        let title = lines.next().unwrap_or("");
        let number = &file[..4];
        assert!(
            title.starts_with(&format!("# ADR {number}: ")),
            "{file}: first line {title:?}"
        );
        assert_eq!(
            lines.next(),
            Some(""),
            "{file}: a blank line after the title"
        );
        let status = lines.next().unwrap_or("");
        let parts: Vec<&str> = status.split(" · ").collect();
        assert!(
            parts[0].starts_with("Status: ")
                && parts.get(1).is_some_and(|d| {
                    d.strip_prefix("Date: ")
                        .is_some_and(|d| d.len() == 10 && chrono_like(d))
                })
                && parts.iter().skip(2).all(|p| p.starts_with("Issue: ")),
            "{file}: status line {status:?}"
        );
        n += 1;
    }
    assert!(n >= 20, "only {n} ADRs");
}

/// `YYYY-MM-DD` in digits.
fn chrono_like(d: &str) -> bool {
    d.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    })
}
