//! The codes the Kotlin and Swift binding (uniffi) raises itself — for arguments the core never sees in that
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
            code: "argument.date",
            meaning: "A date that is not a day of the years 0000 to 9999, the days every reader of hanke takes (LocalDate.MAX, LocalDate.of(-1, 1, 1)).",
        },
    },
    BindingCode {
        family: Family::Activity,
        code: ErrorCode {
            code: "activity.index",
            meaning: "No activity at the index given.",
        },
    },
    BindingCode {
        family: Family::Activity,
        code: ErrorCode {
            code: "activity.lock",
            meaning: "The activity log is unavailable (a previous call panicked while holding it).",
        },
    },
    BindingCode {
        family: Family::Participant,
        code: ErrorCode {
            code: "record.lock",
            meaning: "A participant record or merge is unavailable (a previous call panicked while holding it).",
        },
    },
];
