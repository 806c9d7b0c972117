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
