//! The conformance kit's specification, written from the code's own
//! definitions (`conformance/sfc2021/SPEC.md` is this text, kept equal by a test).

use std::fmt::Write as _;

use super::table::COMPOSITES;
use crate::indicator::{Catalogue, IndicatorKind, Unit};

/// The version of the kit's specification and expected tables. A change to a
/// definition, a file or an expected table is a new version.
pub const KIT_VERSION: &str = "1.0.0";

/// The specification in Markdown: every Table 6 and Table 10 indicator's
/// computation in plain language, with how far its code and definition are
/// verified, and the rules around them.
pub fn specification() -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# SFC2021 indicator tables from participant records — specification {KIT_VERSION}\n"
    );
    out.push_str(
        "Written from hanke's own definitions (`hanke::indicator::Catalogue::EsfPlus`,\n\
         `hanke::sfc`); `crates/hanke/tests/conformance.rs` keeps this file equal to them.\n\n\
         ## Tables and cells\n\n\
         - **Cut-offs**: 30 June and 31 December; values are cumulative from the programme's\n  \
           start (CPR 2021/1060 Art 42, Annex VII; SFC2021 FAQ on submission dates).\n\
         - **Cell**: priority × specific objective (`ESO4.1`–`ESO4.13`, the letters (a)–(m)\n  \
           of Reg. 2021/1057 Art 4(1)) × category of region (less developed, transition, more\n  \
           developed; Art 112(3)(b) and (d) regions under their category — an interpretation)\n  \
           × gender (woman, man, non_binary). Every indicator is in every cell, zeros included.\n\
         - **CSV**: `cut_off,priority,specific_objective,category_of_region,indicator,gender,value`,\n  \
           one row per cell.\n\n\
         ## Who is counted\n\n\
         - A participant entered on or before the cut-off with a **complete record** (Reg.\n  \
           2021/1057 Art 17(5): gender, birth date, labour-market status with the start of\n  \
           unemployment for the unemployed, an education level with an ISCED equivalent).\n  \
           Incomplete records are in no cell.\n\
         - **One record per person per operation**: records with the same identity code are\n  \
           merged — the first entry's data, the final exit (SFC 2014 FAQ, carried over to\n  \
           2021–2027 as an interpretation).\n\
         - **Age** in whole years at entry, rising on the birthday.\n\
         - An operation **without individual participants** reports zeros.\n\
         - An operation whose eligibility requires a characteristic (its **target group**,\n  \
           e.g. registered unemployment for EECO02) reports every counted participant under\n  \
           that output indicator (Reg. 2021/1057 Annex I; SFC2021 FAQ).\n\
         - Results are absolute numbers (Art 17(4)).\n\n",
    );
    for (title, results) in [
        ("Table 6: output indicators", false),
        ("Table 10: result indicators", true),
    ] {
        let _ = writeln!(out, "## {title}\n");
        out.push_str("| code | code verified | indicator | computed as | definition verified |\n|---|---|---|---|---|\n");
        for i in Catalogue::EsfPlus.indicators().iter().filter(|i| {
            i.unit == Unit::Participants
                && i.is_computed_from_participants()
                && (i.kind == IndicatorKind::Output) != results
        }) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                i.code,
                word(i.code_verification),
                i.name_en,
                i.definition,
                word(i.definition_verification)
            );
        }
        out.push('\n');
    }
    out.push_str("## Reserved composites (Table 6)\n\nEach is the sum of its parts in every cell and gender (SFC2021 validation rules of 24 June 2024):\n\n| code | parts | rule |\n|---|---|---|\n");
    for c in COMPOSITES {
        let _ = writeln!(out, "| {} | {} | {} |", c.code, c.parts.join(" + "), c.rule);
    }
    out.push_str(
        "\n## Validation\n\n\
         - Rules 144–148 and every programme-specific reserved composite: the composite\n  \
           equals the sum of its parts; a part missing from the table is reported, not read\n  \
           as zero.\n\
         - Table 10: a result does not exceed the output used as a basis for its target in\n  \
           the same cell (SFC2021 validation-rule change of 1 July 2025).\n",
    );
    out
}

fn word(v: crate::programme::Verification) -> &'static str {
    match v {
        crate::programme::Verification::Verified => "yes",
        crate::programme::Verification::Partial => "partly",
        crate::programme::Verification::Unverified => "no",
    }
}
