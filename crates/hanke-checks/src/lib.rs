//! Workspace-wide checks of hanke — what no single crate can check alone.
//!
//! The core crates test themselves from their own directories; the checks that
//! need the whole workspace live here, in `tests/`:
//!
//! - `layers` — every module of `hanke-base` and `hanke` imports only from the
//!   layers below it, with no cycle (ARCHITECTURE.md draws the layers);
//! - `guard` — source scans of the core and both bindings: errors echo user
//!   text only as `Echo`, findings are made by `Finding::new`, publications pass
//!   the gate, exceptions are made by each binding's funnel;
//! - `catalogue` — `docs/errors.md` is the catalogue of the core and the
//!   bindings' own codes, and every code-shaped literal in a binding is in it;
//!   the Python docstrings hold the participant field table.
//!
//! The bindings' own codes are compiled here from the bindings' sources, so
//! that the list a binding uses and the list published are one.

/// The codes the Python binding raises itself (`bindings/python/src/codes.rs`).
#[path = "../../../bindings/python/src/codes.rs"]
pub mod python_codes;

/// The codes the Kotlin and Swift binding raises itself (`bindings/uniffi/src/codes.rs`).
#[path = "../../../bindings/uniffi/src/codes.rs"]
pub mod uniffi_codes;

use hanke::errors::BindingCodes;

/// Each binding's own codes, for `docs/errors.md`.
pub const BINDINGS: &[BindingCodes] = &[
    BindingCodes {
        binding: "Python",
        codes: python_codes::BINDING_CODES,
    },
    BindingCodes {
        binding: "Kotlin and Swift",
        codes: uniffi_codes::BINDING_CODES,
    },
];

/// Whether `code` is published: the core's or a binding's.
pub fn is_published(code: &str) -> bool {
    hanke::errors::is_known(code)
        || BINDINGS
            .iter()
            .any(|b| b.codes.iter().any(|c| c.code.code == code))
}

/// The root of the workspace.
pub fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.rs` file under `dir` (recursively), sorted, with its text: the
/// path relative to `base` and the text. A folder that cannot be read is an
/// empty list (the checks then fail on finding too little).
pub fn rust_sources(dir: &std::path::Path, base: &std::path::Path) -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(base).unwrap_or(&p).display().to_string();
            (rel, std::fs::read_to_string(&p).unwrap_or_default())
        })
        .collect()
}

/// Checks that the file at `path` (under the workspace root) holds `fresh`,
/// or writes it when `HANKE_BLESS` is set; the error says how to regenerate.
pub fn check_or_bless(path: &str, fresh: &str, bless: &str) -> Result<(), String> {
    let file = root().join(path);
    if std::env::var_os("HANKE_BLESS").is_some() {
        std::fs::write(&file, fresh).map_err(|e| format!("{path}: {e}"))?;
    }
    let on_disk = std::fs::read_to_string(&file).unwrap_or_default();
    if on_disk == fresh {
        Ok(())
    } else {
        Err(format!("{path} is stale: run HANKE_BLESS=1 {bless}"))
    }
}
