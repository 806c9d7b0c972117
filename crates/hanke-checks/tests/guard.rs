//! The source-scan guard of issue 23 (RELIABILITY.md, "What guards the
//! promise"): the masking of what hanke repeats and publishes is a property of
//! types and funnels, and this test keeps new code on them.
//!
//! - **Errors carry user text only as an [`hanke::Echo`].** No error type of
//!   the core or the bindings (`thiserror::Error`, `uniffi::Error`, or a type
//!   named `…Error`) has a `String`, `Box<str>`, `Cow<str>` or borrowed `&str`
//!   field; an exception needs a `// echo-safe: <why>` comment on the line.
//! - **Findings are made by `Finding::new`**, which masks path and messages:
//!   no `Finding { … }` literal outside `report/mod.rs`.
//! - **Binding errors are made by one funnel each**, which masks the message:
//!   Python exceptions by `errors::error` (no `new_err` or `PyErr::new`
//!   elsewhere), Kotlin/Swift errors by `invalid` (no `HankeError::Invalid {`
//!   elsewhere).
//! - **Publications pass the gate**: a file that renders a publication
//!   (`to_markdown`, `to_csv`, `to_iati_xml`, `_repr_html_`, …) uses
//!   `publish::`, or is listed here as rendering library data only.
//!
//! What a scan cannot see is said in RELIABILITY.md; the adversarial corpus
//! (`tests/adversarial.rs`, and the Python and Kotlin suites) checks the
//! outputs themselves.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

/// Every `.rs` file under the source folders of the core and the bindings,
/// with its text (path relative to the workspace root, text).
fn sources() -> Vec<(String, String)> {
    let root = hanke_checks::root();
    [
        "crates/hanke-base/src",
        "crates/hanke/src",
        "bindings/python/src",
        "bindings/uniffi/src",
    ]
    .iter()
    .flat_map(|dir| hanke_checks::rust_sources(&root.join(dir), &root))
    .map(|(rel, text)| (rel.trim_start_matches("../../").to_string(), text))
    .collect()
}

/// The text of the item (struct or enum) starting at line `start`: up to the
/// line that closes it at column 0 (or the `;` of a tuple struct).
fn item(lines: &[&str], start: usize) -> (String, Vec<(usize, String)>) {
    let mut name = String::new();
    let mut body = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(start) {
        let t = line.trim_start();
        if name.is_empty()
            && let Some(rest) = t
                .strip_prefix("pub struct ")
                .or_else(|| t.strip_prefix("pub enum "))
                .or_else(|| t.strip_prefix("pub(crate) struct "))
                .or_else(|| t.strip_prefix("pub(crate) enum "))
                .or_else(|| t.strip_prefix("struct "))
                .or_else(|| t.strip_prefix("enum "))
        {
            name = rest
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .next()
                .unwrap_or("")
                .to_string();
        }
        body.push((i + 1, (*line).to_string()));
        if !name.is_empty()
            && (line.starts_with('}') || (t.contains(" struct ") && t.ends_with(';')))
        {
            break;
        }
    }
    (name, body)
}

const TEXT_TYPES: [&str; 6] = [
    "String",
    "Box<str>",
    "Cow<",
    "&str",
    "&'a str",
    "Vec<String>",
];

#[test]
fn error_types_carry_user_text_only_as_an_echo() {
    let mut offences = std::collections::BTreeSet::new();
    let mut seen = 0;
    for (file, text) in sources() {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            let derives_error = t.starts_with("#[derive(")
                && (t.contains("thiserror::Error") || t.contains("uniffi::Error"));
            let named_error = (t.starts_with("pub struct ") || t.starts_with("pub enum "))
                && t.split_whitespace()
                    .nth(2)
                    .is_some_and(|n| n.contains("Error"));
            if !(derives_error || named_error) {
                continue;
            }
            let start = if named_error { i } else { i + 1 };
            let (name, body) = item(&lines, start);
            if name.is_empty() {
                continue;
            }
            seen += 1;
            for (n, l) in body {
                let code = l.split("//").next().unwrap_or("");
                if code.trim_start().starts_with("///")
                    || code.trim().is_empty()
                    || code.contains("#[")
                {
                    continue;
                }
                // Field types: after the `:` of a field, or inside a tuple variant.
                let typed = code.split_once(':').map_or(code, |(_, ty)| ty);
                if TEXT_TYPES
                    .iter()
                    .any(|ty| typed.contains(ty) && !typed.contains("&'static str"))
                    && !l.contains("echo-safe:")
                {
                    offences.insert(format!("{file}:{n} ({name}): {}", l.trim()));
                }
            }
        }
    }
    assert!(
        seen > 20,
        "the scan found only {seen} error types: is it still reading the sources?"
    );
    assert!(
        offences.is_empty(),
        "error types with text fields that are not an Echo (use hanke::Echo, or say why not with `// echo-safe:`):\n{}",
        offences.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn findings_are_made_only_by_finding_new() {
    let offences: Vec<String> = sources()
        .into_iter()
        .filter(|(f, _)| !f.ends_with("crates/hanke-base/src/finding.rs"))
        .flat_map(|(f, text)| {
            text.lines()
                .enumerate()
                .filter(|(_, l)| {
                    let code = l.split("//").next().unwrap_or("");
                    // `Finding {` as a word: not `PyFinding {`, not a signature.
                    code.match_indices("Finding {").any(|(at, _)| {
                        !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                    }) && !code.contains("fn ")
                        && !code.contains("impl ")
                })
                .map(|(n, l)| format!("{f}:{}: {}", n + 1, l.trim()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        offences.is_empty(),
        "a Finding made without Finding::new (which masks):\n{}",
        offences.join("\n")
    );
}

/// Line `n` with its neighbours (rustfmt moves a trailing `// echo-safe:`
/// comment to the line above or below).
fn excused_span(lines: &[&str], n: usize) -> String {
    lines[n.saturating_sub(2)..(n + 2).min(lines.len())].join("\n")
}

#[test]
fn binding_errors_are_made_by_their_masking_funnel() {
    let mut offences = Vec::new();
    for (file, text) in sources() {
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let line = &excused_span(&lines, n);
            let python = file.starts_with("bindings/python/") && !file.ends_with("errors.rs");
            if python
                && (code.contains("new_err(") || code.contains("PyErr::new"))
                && !line.contains("echo-safe:")
            {
                offences.push(format!("{file}:{}: {}", n + 1, line.trim()));
            }
            // Every case of the uniffi error is made by the funnel (`invalid`),
            // through the generated `HankeError::coded`, which it hands a
            // masked reason.
            let uniffi = file.starts_with("bindings/uniffi/") && !file.ends_with("error_codes.rs");
            let constructs = code.match_indices("HankeError::").any(|(at, m)| {
                let rest = &code[at + m.len()..];
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
                name.starts_with(char::is_uppercase) && rest[name.len()..].starts_with(" {")
            });
            if uniffi && constructs && !line.contains("echo-safe:") {
                offences.push(format!("{file}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "binding errors made outside their funnel:\n{}",
        offences.join("\n")
    );
}

/// Files with a rendering function that publishes no user text: the rule and
/// error catalogues, the indicator catalogue, published counts, the
/// questionnaire's questions; the Python binding's conversion of arguments to
/// JSON (input, not output); the uniffi layer's activity log (its data form,
/// whose ids refuse codes and markup); the synced participant record's wire
/// form (values the reader's canonical texts; `from_json` refuses codes,
/// markup and control characters).
const NOT_PUBLICATIONS: [&str; 8] = [
    "crates/hanke/src/sync/record.rs",
    "crates/hanke/src/errors.rs",
    "crates/hanke/src/rulebook/catalogue.rs",
    "crates/hanke/src/indicator/publication.rs",
    "crates/hanke/src/quality.rs",
    "crates/hanke/src/questionnaire.rs",
    "bindings/python/src/pyjson.rs",
    "bindings/uniffi/src/lib.rs",
];

#[test]
fn every_publication_passes_the_gate() {
    let renders = [
        "fn to_markdown",
        "fn to_csv",
        "fn to_iati_xml",
        "fn to_html",
        "fn _repr_html_",
        "fn _repr_markdown_",
        "fn to_json(",
    ];
    let mut checked = 0;
    let mut offences = Vec::new();
    for (file, text) in sources() {
        if !renders.iter().any(|r| text.contains(r))
            || NOT_PUBLICATIONS.iter().any(|f| file.ends_with(f))
        {
            continue;
        }
        // The bindings' Python classes render through the core's reports;
        // their own HTML goes through markdown_to_html, which uses the gate.
        checked += 1;
        if !text.contains("publish::")
            && !text.contains("markdown_to_html")
            && !text.contains(".to_markdown(")
            && !text.contains(".to_json(")
        {
            offences.push(file);
        }
    }
    assert!(checked >= 4, "only {checked} publishing files found");
    assert!(
        offences.is_empty(),
        "files rendering publications without the publication gate (hanke::publish): {offences:?}"
    );
}

/// **Nothing that ships prints with a panicking macro.** `print!`,
/// `println!`, `eprint!`, `eprintln!` and `dbg!` panic when their channel is
/// closed or full (`hanke report 2>&1 | head`); the `hanke` command writes
/// standard output through `output::print` (a failure is exit 2) and standard
/// error through `say!` (what cannot be written is dropped), and the library
/// and the bindings print nothing. Test code (`#[cfg(test)]` modules, which
/// sit at the end of a file) is not scanned.
#[test]
fn nothing_that_ships_prints_with_a_panicking_macro() {
    let root = hanke_checks::root();
    let cli = hanke_checks::rust_sources(&root.join("crates/hanke-cli/src"), &root)
        .into_iter()
        .map(|(rel, text)| (rel.trim_start_matches("../../").to_string(), text));
    let offences: Vec<String> = sources()
        .into_iter()
        .chain(cli)
        .flat_map(|(f, text)| {
            text.lines()
                .take_while(|l| !l.trim_start().starts_with("#[cfg(test)]"))
                .enumerate()
                .filter(|(_, l)| {
                    let code = l.split("//").next().unwrap_or("");
                    ["print!(", "println!(", "eprint!(", "eprintln!(", "dbg!("]
                        .iter()
                        .any(|m| {
                            code.match_indices(m).any(|(at, _)| {
                                !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                            })
                        })
                })
                .map(|(n, l)| format!("{f}:{}: {}", n + 1, l.trim()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        offences.is_empty(),
        "a printing macro that panics on a closed channel:\n{}",
        offences.join("\n")
    );
}
