//! The layers of hanke (ARCHITECTURE.md): every module of the two core crates
//! imports only from modules below it, so that there is no cycle and no
//! upward import. The order below *is* the architecture; a new module has to
//! take a place in it, and an import that goes up fails here with the file
//! and the path.
//!
//! `hanke-base` is the bottom layer and its own crate (Cargo keeps it from
//! importing `hanke`); inside each crate the modules are ranked, and a module
//! may import only modules ranked before it. Unit tests (`#[cfg(test)]` items)
//! are left out: a test may drive a module with the layers above it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A layer: its name and its modules, lowest first.
type Layer = (&'static str, &'static [&'static str]);

/// `hanke-base`: domain-free, in one layer, ranked.
const BASE: &[Layer] = &[(
    "base",
    &[
        "mask",
        "echo",
        "ids",
        "error_code",
        "choice",
        "lang",
        "money",
        "finding",
        "json",
        "disclosure",
        "csv_record",
        "day",
        "publish",
        "split",
    ],
)];

/// `hanke`: the layers above the base, lowest first.
const HANKE: &[Layer] = &[
    (
        "reference data",
        &["programme", "classify", "org", "transmission"],
    ),
    (
        "model",
        &[
            "funding",
            "cost",
            "claim",
            "participant",
            "activity",
            "assessment",
            "project",
        ],
    ),
    ("rulebook", &["rulebook"]),
    (
        "computations",
        &["cofinancing", "indicator", "quality", "synthetic"],
    ),
    (
        "input and output",
        &["import", "questionnaire", "sync", "eura", "export"],
    ),
    ("reports", &["report", "sfc"]),
    ("catalogue", &["errors"]),
];

/// Modules compiled only for tests: proptest strategies and round trips.
const TEST_ONLY: &[&str] = &["arbitrary", "json_properties"];

fn crate_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(name)
        .join("src")
}

/// Every `.rs` file under `dir`, as (path relative to `dir`, text).
fn sources(dir: &Path) -> Vec<(String, String)> {
    hanke_checks::rust_sources(dir, dir)
}

/// The code of `text` without comments and the contents of string and char
/// literals (a path in a doc comment or a message is not an import).
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if rest.starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if let Some(hashes) = raw_string_start(rest) {
            // r"…", r#"…"#, br"…": to the quote followed by as many #.
            i += rest.iter().position(|&c| c == b'"').unwrap() + 1;
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            while i < b.len() && !b[i..].starts_with(&close) {
                i += 1;
            }
            i += close.len();
            out.push_str("\"\"");
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && char_literal_len(rest).is_some() {
            i += char_literal_len(rest).unwrap();
            out.push_str("' '");
        } else {
            let ch = text[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// The number of `#` of a raw string starting here, if one does (and the
/// character before is not part of an identifier: checked by the caller's
/// position at a token start in practice).
fn raw_string_start(s: &[u8]) -> Option<usize> {
    let s = s.strip_prefix(b"b").unwrap_or(s);
    let s = s.strip_prefix(b"r")?;
    let hashes = s.iter().take_while(|&&c| c == b'#').count();
    (s.get(hashes) == Some(&b'"')).then_some(hashes)
}

/// The length of a char literal starting here (`'a'`, `'\n'`, `'\u{a0}'`,
/// `'ä'`), or `None` for a lifetime.
fn char_literal_len(s: &[u8]) -> Option<usize> {
    if s.get(1) == Some(&b'\\') {
        let end = s.iter().skip(2).position(|&c| c == b'\'')?;
        return Some(end + 3);
    }
    let text = std::str::from_utf8(s).ok().or_else(|| {
        // A slice cut inside a character: take what decodes.
        std::str::from_utf8(&s[..s.len().min(8)]).ok()
    })?;
    let mut chars = text.chars();
    chars.next(); // the quote
    let c = chars.next()?;
    (chars.next() == Some('\'')).then(|| 2 + c.len_utf8())
}

/// `code` without the items under `#[cfg(test)]` and without `cfg_attr(test, …)`
/// attributes.
fn without_tests(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at + "#[cfg(test)]".len()..];
        let semi = item.find(';').unwrap_or(item.len());
        let brace = item.find('{').unwrap_or(item.len());
        let end = if semi < brace {
            semi + 1
        } else {
            let mut depth = 0usize;
            let mut end = item.len();
            for (i, c) in item.char_indices().skip(brace) {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            end
        };
        rest = &item[end..];
    }
    out.push_str(rest);
    // `#[cfg_attr(test, derive(proptest_derive::Arbitrary))]`, and strategies
    // naming `crate::arbitrary`.
    let mut cleaned = String::new();
    let mut rest = out.as_str();
    while let Some(at) = rest.find("#[cfg_attr(test") {
        cleaned.push_str(&rest[..at]);
        let attr = &rest[at..];
        let mut depth = 0usize;
        let mut end = attr.len();
        for (i, c) in attr.char_indices() {
            match c {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        end = i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &attr[end..];
    }
    cleaned.push_str(rest);
    cleaned
}

/// The names `lib.rs` re-exports at the crate root, with their module
/// (`pub use project::Project;` → `Project` is `project`).
fn root_names(lib: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for stmt in code_only(lib).split(';') {
        let stmt = stmt.trim();
        let Some(path) = stmt
            .strip_prefix("pub use ")
            .or_else(|| stmt.strip_prefix("pub(crate) use "))
        else {
            continue;
        };
        let Some((module, names)) = path.split_once("::") else {
            continue;
        };
        let names = names.trim_start_matches('{').trim_end_matches('}');
        for n in names.split(',') {
            let n = n.trim().rsplit("::").next().unwrap_or("").trim();
            if !n.is_empty() {
                out.insert(n.to_string(), module.trim().to_string());
            }
        }
    }
    out
}

/// The identifier at the start of `s`.
fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The first segments of the items of a `{…}` group at the start of `s`
/// (`{a, b::c, d::{e, f}}` → a, b, d).
fn group_heads(s: &str) -> Vec<&str> {
    let mut heads = Vec::new();
    let mut depth = 0usize;
    let mut start = 1;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' | ',' if depth == 1 => {
                heads.push(ident(s[start..i].trim()));
                start = i + 1;
                if c == '}' {
                    break;
                }
            }
            '}' => depth -= 1,
            _ => {}
        }
    }
    heads.into_iter().filter(|h| !h.is_empty()).collect()
}

/// One import of a module: the file, the module it names, the path as written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Import {
    file: String,
    from: String,
    to: String,
    path: String,
}

/// The imports of each file of a crate between its top-level modules.
fn imports(files: &[(String, String)], modules: &BTreeSet<String>) -> Vec<Import> {
    let lib = files
        .iter()
        .find(|(f, _)| f == "lib.rs")
        .map(|(_, t)| t.as_str())
        .unwrap_or("");
    let roots = root_names(lib);
    let mut out = Vec::new();
    for (file, text) in files {
        if file == "lib.rs" {
            continue;
        }
        let from = file.split('/').next().unwrap().trim_end_matches(".rs");
        if TEST_ONLY.contains(&from) {
            continue;
        }
        // How many `super::` reach the crate root from this file: a top-level
        // file or a `dir/mod.rs` is one step below it.
        let parts: Vec<&str> = file.split('/').collect();
        let depth = if parts.last() == Some(&"mod.rs") {
            parts.len() - 1
        } else {
            parts.len()
        };
        let code = without_tests(&code_only(text));
        let mut found = |target: &str, path: &str| {
            let module = roots.get(target).map_or(target, String::as_str);
            if modules.contains(module) && module != from {
                out.push(Import {
                    file: file.clone(),
                    from: from.to_string(),
                    to: module.to_string(),
                    path: path.chars().take(60).collect(),
                });
            }
        };
        for (at, _) in code.match_indices("crate::") {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                continue; // `hanke_base::crate` cannot happen; `$crate::` is a macro's
            }
            let rest = &code[at + "crate::".len()..];
            if rest.starts_with('{') {
                for head in group_heads(rest) {
                    found(head, rest);
                }
            } else {
                found(ident(rest), rest);
            }
        }
        for (at, _) in code.match_indices("super::") {
            if code[..at].ends_with("super::") {
                continue; // counted from the first `super::` of the chain
            }
            let mut rest = &code[at..];
            let mut ups = 0;
            while let Some(r) = rest.strip_prefix("super::") {
                ups += 1;
                rest = r;
            }
            if ups == depth {
                if rest.starts_with('{') {
                    for head in group_heads(rest) {
                        found(head, rest);
                    }
                } else {
                    found(ident(rest), rest);
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The top-level modules of a crate's source folder.
fn modules_of(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            if e.path().is_dir() {
                Some(name)
            } else {
                name.strip_suffix(".rs")
                    .filter(|n| *n != "lib")
                    .map(str::to_string)
            }
        })
        .collect()
}

/// What is wrong with a crate's imports against its layers: modules missing
/// from the table, and every import of a module ranked at or above its own.
fn violations(
    files: &[(String, String)],
    layers: &[Layer],
    present: &BTreeSet<String>,
) -> Vec<String> {
    let rank: BTreeMap<&str, (usize, &str)> = layers
        .iter()
        .flat_map(|(layer, mods)| mods.iter().map(move |m| (*m, *layer)))
        .enumerate()
        .map(|(i, (m, layer))| (m, (i, layer)))
        .collect();
    let mut problems = Vec::new();
    for m in present {
        if !rank.contains_key(m.as_str()) && !TEST_ONLY.contains(&m.as_str()) {
            problems.push(format!(
                "module `{m}` has no place in the layers (tests/layers.rs, ARCHITECTURE.md)"
            ));
        }
    }
    for m in rank.keys() {
        if !present.contains(*m) {
            problems.push(format!("the layers name `{m}`, which does not exist"));
        }
    }
    for i in imports(files, present) {
        let (Some(&(from, from_layer)), Some(&(to, to_layer))) =
            (rank.get(i.from.as_str()), rank.get(i.to.as_str()))
        else {
            continue;
        };
        if to >= from {
            problems.push(format!(
                "{}: `{}` ({from_layer}) imports `{}` ({to_layer}), which is not below it: crate::{}",
                i.file, i.from, i.to, i.path
            ));
        }
    }
    problems
}

fn check(name: &str, layers: &[Layer]) -> (Vec<(String, String)>, BTreeSet<String>) {
    let dir = crate_dir(name);
    let files = sources(&dir);
    let present = modules_of(&dir);
    let problems = violations(&files, layers, &present);
    assert!(
        problems.is_empty(),
        "{name}: imports against the layers:\n{}",
        problems.join("\n")
    );
    (files, present)
}

#[test]
fn the_base_imports_only_downward() {
    let (files, present) = check("hanke-base", BASE);
    assert!(present.len() >= 10, "the scan found only {present:?}");
    assert!(
        imports(&files, &present).len() >= 5,
        "the scan found too few imports"
    );
}

#[test]
fn hanke_imports_only_downward() {
    let (files, present) = check("hanke", HANKE);
    let found = imports(&files, &present);
    assert!(
        found.len() >= 40,
        "the scan found only {} imports",
        found.len()
    );
}

/// The base crate does not depend on hanke: the crate boundary holds the
/// bottom layer.
#[test]
fn the_base_crate_depends_on_no_other_hanke_crate() {
    let manifest = std::fs::read_to_string(crate_dir("hanke-base").join("../Cargo.toml")).unwrap();
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .unwrap()
        .split("\n[")
        .next()
        .unwrap();
    assert!(!deps.contains("hanke"), "hanke-base depends on {deps}");
}

/// The check fails when an upward import, a cycle or an unplaced module is
/// added — in any of the ways a path is written.
#[test]
fn an_upward_import_is_caught() {
    let dir = crate_dir("hanke");
    let files = sources(&dir);
    let present = modules_of(&dir);
    assert!(violations(&files, HANKE, &present).is_empty());
    let added = [
        ("programme.rs", "use crate::report::EsrReport;"),
        (
            "participant/mod.rs",
            "use crate::{money::Money, rulebook::Rulebook};",
        ),
        (
            "participant/id.rs",
            "fn f() -> super::super::indicator::Tally { todo!() }",
        ),
        ("funding.rs", "fn f(p: &crate::Project) {}"),
        (
            "funding.rs",
            "use crate::{\n    cost::{self, CostModel},\n    claim,\n};",
        ),
    ];
    for (file, line) in added {
        let mut changed = files.clone();
        let entry = changed.iter_mut().find(|(f, _)| f == file).unwrap();
        entry.1.push('\n');
        entry.1.push_str(line);
        let problems = violations(&changed, HANKE, &present);
        assert!(!problems.is_empty(), "{file}: {line} was not caught");
    }
    // The same text in a comment, a string or a unit test is not an import.
    for line in [
        "// use crate::report::EsrReport;",
        "const S: &str = \"crate::report::EsrReport\";",
        "#[cfg(test)]\nmod t { use crate::report::EsrReport; }",
    ] {
        let mut changed = files.clone();
        let entry = changed
            .iter_mut()
            .find(|(f, _)| f == "programme.rs")
            .unwrap();
        entry.1.push('\n');
        entry.1.push_str(line);
        assert!(violations(&changed, HANKE, &present).is_empty(), "{line}");
    }
    let mut more = present.clone();
    more.insert("newmodule".into());
    assert!(!violations(&files, HANKE, &more).is_empty());
}
