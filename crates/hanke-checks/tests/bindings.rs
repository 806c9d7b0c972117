//! The bindings' error types are generated from the catalogue: one family per
//! exception class, its codes typed — an enum per family for Kotlin and Swift
//! (`bindings/uniffi/src/error_codes.rs`), a `Literal` per family for Python
//! (`bindings/python/python/hanke/exceptions.py`, between its markers). A code
//! added to the core reaches every binding, and `when` over a family's codes
//! stays exhaustive. Regenerate with
//! `HANKE_BLESS=1 cargo test -p hanke-checks --test bindings`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;

use hanke::errors::{BindingCode, ERRORS, Family};

use hanke_checks::root;

/// Every code of a family: the core's, then the binding's own.
fn codes_of(family: Family, binding: &[BindingCode]) -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&str, &str)> = ERRORS
        .iter()
        .flat_map(|e| e.codes.iter())
        .filter(|c| hanke::errors::family_of(c.code) == Some(family))
        .map(|c| (c.code, c.meaning))
        .collect();
    out.extend(
        binding
            .iter()
            .filter(|c| c.family == family)
            .map(|c| (c.code.code, c.code.meaning)),
    );
    out
}

/// `money.sub_cent` → `MoneySubCent`.
fn pascal(code: &str) -> String {
    code.split(['.', '_'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn uniffi_source() -> String {
    let binding = hanke_checks::uniffi_codes::BINDING_CODES;
    let mut s = String::from(
        "// Generated from hanke::errors by crates/hanke-checks/tests/bindings.rs; do not edit.\n\
         // Regenerate with `HANKE_BLESS=1 cargo test -p hanke-checks --test bindings`.\n\n\
         //! The errors Kotlin and Swift see: one `HankeError` case per family of the\n\
         //! catalogue (`hanke::errors::Family`), each with its family's codes as an enum,\n\
         //! so that an app can `when`/`switch` over them exhaustively.\n\n\
         // The codes' descriptions are plain text (`role:<role>`), not HTML.\n\
         #![allow(rustdoc::invalid_html_tags)]\n\n",
    );
    for f in Family::ALL {
        let codes = codes_of(f, binding);
        if codes.is_empty() {
            continue;
        }
        let _ = writeln!(
            s,
            "/// The codes of the {} family.\n#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]\npub enum {}Code {{",
            f.name().to_lowercase(),
            f.name()
        );
        for (code, meaning) in &codes {
            let _ = writeln!(s, "    /// `{code}`: {meaning}\n    {},", pascal(code));
        }
        s.push_str("}\n\n");
    }
    s.push_str(
        "/// Errors of hanke, one case per family, with the typed code, the code's\n\
         /// stable text (`key`, as `docs/errors.md` lists it) and the core's message\n\
         /// (`reason`, since Kotlin exceptions own `message`), which never carries\n\
         /// an identity code.\n\
         #[derive(Debug, thiserror::Error, uniffi::Error)]\n\
         pub enum HankeError {\n",
    );
    for f in Family::ALL {
        if codes_of(f, binding).is_empty() {
            continue;
        }
        let _ = writeln!(
            s,
            "    /// An error of the {} family.\n    #[error(\"{{reason}}\")]\n    {} {{\n        /// The code.\n        code: {}Code,\n        /// The code's stable text, e.g. `money.sub_cent`.\n        key: String, // echo-safe: a code of the catalogue, never user text\n        /// The core's message.\n        reason: String, // echo-safe: made only by `invalid`, which masks it\n    }},",
            f.name().to_lowercase(),
            f.name(),
            f.name()
        );
    }
    s.push_str(
        "    /// A code in no family. Never raised: the catalogue tests hold every\n    \
         /// code this binding raises to a family (`crates/hanke-checks`).\n    \
         #[error(\"{reason}\")]\n    \
         Unlisted {\n        \
         /// The code's text.\n        \
         key: String, // echo-safe: a code, never user text\n        \
         /// The core's message.\n        \
         reason: String, // echo-safe: made only by `invalid`, which masks it\n    \
         },\n",
    );
    s.push_str(
        "}\n\nimpl HankeError {\n    \
         /// The error of `code` with `reason` (already masked); a code in no\n    \
         /// family is `Unlisted` (the catalogue tests keep every raised code in one).\n    \
         pub(crate) fn coded(code: &str, reason: String) -> HankeError {\n        \
         let key = code.to_string();\n        \
         match code {\n",
    );
    for f in Family::ALL {
        for (code, _) in codes_of(f, binding) {
            let _ = writeln!(
                s,
                "            \"{code}\" => HankeError::{} {{ code: {}Code::{}, key, reason }},",
                f.name(),
                f.name(),
                pascal(code)
            );
        }
    }
    s.push_str("            _ => HankeError::Unlisted { key, reason },\n        }\n    }\n}\n");
    s
}

fn python_section() -> String {
    let binding = hanke_checks::python_codes::BINDING_CODES;
    let mut s = String::from(
        "# --- generated from hanke::errors by crates/hanke-checks/tests/bindings.rs; do not edit ---\n",
    );
    for f in Family::ALL {
        let codes = codes_of(f, binding);
        if codes.is_empty() {
            continue;
        }
        let _ = writeln!(s, "{}Code = Literal[", f.name());
        for (code, _) in &codes {
            let _ = writeln!(s, "    \"{code}\",");
        }
        s.push_str("]\n");
    }
    s.push_str("\n_FAMILY_CODES: dict[str, tuple[str, ...]] = {\n");
    for f in Family::ALL {
        if codes_of(f, binding).is_empty() {
            continue;
        }
        let _ = writeln!(s, "    \"{}\": get_args({}Code),", f.name(), f.name());
    }
    s.push_str("}\n# --- end generated ---\n");
    s
}

#[test]
fn kotlin_and_swift_errors_are_the_catalogue() {
    let done = hanke_checks::check_or_bless(
        "bindings/uniffi/src/error_codes.rs",
        &uniffi_source(),
        "cargo test -p hanke-checks --test bindings",
    );
    assert!(done.is_ok(), "{done:?}");
}

#[test]
fn python_exception_codes_are_the_catalogue() {
    let path = root().join("bindings/python/python/hanke/exceptions.py");
    let text = std::fs::read_to_string(&path).unwrap();
    let (begin, end) = (
        "# --- generated from hanke::errors",
        "# --- end generated ---\n",
    );
    let start = text.find(begin).expect("the generated section's start");
    let stop = text.find(end).expect("the generated section's end") + end.len();
    let mut fresh = text.clone();
    fresh.replace_range(start..stop, &python_section());
    let done = hanke_checks::check_or_bless(
        "bindings/python/python/hanke/exceptions.py",
        &fresh,
        "cargo test -p hanke-checks --test bindings",
    );
    assert!(done.is_ok(), "{done:?}");
}

/// Every code a binding raises belongs to exactly one family, and every
/// family of the core has codes.
#[test]
fn every_code_has_one_family() {
    for f in Family::ALL {
        let all = codes_of(f, hanke_checks::python_codes::BINDING_CODES).len()
            + codes_of(f, hanke_checks::uniffi_codes::BINDING_CODES).len();
        assert!(all > 0, "family {} has no code", f.name());
    }
    let mut seen = std::collections::BTreeSet::new();
    for e in ERRORS {
        for c in e.codes {
            assert!(seen.insert(c.code), "{} is listed twice", c.code);
            let expected = match c.code.rsplit_once('.').unwrap().1 {
                "io" | "open" => Family::Io,
                "json" => Family::Json,
                _ => e.family,
            };
            assert_eq!(hanke::errors::family_of(c.code), Some(expected));
        }
    }
}
