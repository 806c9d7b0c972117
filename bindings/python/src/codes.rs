//! The codes the Python binding raises itself — for arguments the core never sees in that
//! form. The core's codes are in `hanke::errors`; the workspace checks
//! (`crates/hanke-checks`) publish both in `docs/errors.md` and fail on a
//! code-shaped literal in this binding's source that is in neither.

use hanke::error_code::ErrorCode;
use hanke::errors::{BindingCode, Family};

/// Every code this binding raises itself, with its family and meaning.
pub const BINDING_CODES: &[BindingCode] = &[
    BindingCode {
        family: Family::Argument,
        code: ErrorCode {
            code: "money.type",
            meaning: "An amount given as something other than text, int or Decimal.",
        },
    },
    BindingCode {
        family: Family::Argument,
        code: ErrorCode {
            code: "money.float",
            meaning: "An amount given as a float, which cannot hold cents exactly.",
        },
    },
    BindingCode {
        family: Family::Choice,
        code: ErrorCode {
            code: "programme.unknown",
            meaning: "A programme period hanke has no programme for.",
        },
    },
    BindingCode {
        family: Family::Argument,
        code: ErrorCode {
            code: "argument.type",
            meaning: "An argument of a type the function does not take (a str for a number, a float for a count).",
        },
    },
    BindingCode {
        family: Family::Argument,
        code: ErrorCode {
            code: "argument.range",
            meaning: "A whole number outside what the core's type holds (a negative count, 2**64 days).",
        },
    },
    BindingCode {
        family: Family::Import,
        code: ErrorCode {
            code: "import.arrow",
            meaning: "An Arrow table that cannot be read as participant records.",
        },
    },
    BindingCode {
        family: Family::Import,
        code: ErrorCode {
            code: "table.arrow",
            meaning: "An Arrow stream or array that cannot be read or written.",
        },
    },
    BindingCode {
        family: Family::Import,
        code: ErrorCode {
            code: "table.shape",
            meaning: "Columns of different lengths.",
        },
    },
    BindingCode {
        family: Family::Io,
        code: ErrorCode {
            code: "io.open",
            meaning: "A file that cannot be opened.",
        },
    },
];
