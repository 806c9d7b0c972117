//! The Commission's validation rules over the tables, as findings.

use serde::Serialize;

use super::table::{COMPOSITES, GENDERS, Row, Table6, Table10, find};
use crate::finding::{Finding, Rule, rules};

/// A result indicator linked to the output indicator "used as a basis for
/// target setting" — *tulosindikaattorin perusta*: in the same cell a result
/// counted in numbers must not exceed that output's achieved value (SFC2021
/// validation-rule change of 1 July 2025, Table 10). Which output is the
/// basis is the programme's choice, so the caller names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ResultLink {
    /// The result indicator, e.g. `EECR04`.
    pub result: &'static str,
    /// The output indicator it was targeted on, e.g. `EECO01`.
    pub output: &'static str,
}

/// The parts of a composite code: `EECO02+04+05` → `EECO02`, `EECO04`, `EECO05`.
fn parts_of(code: &str) -> Option<Vec<String>> {
    let mut pieces = code.split('+');
    let first = pieces.next()?;
    let digits = first.trim_start_matches(|c: char| c.is_ascii_uppercase());
    let prefix = first.get(..first.len().checked_sub(digits.len())?)?;
    if prefix.is_empty() || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut out = vec![first.to_string()];
    for p in pieces {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out.push(format!("{prefix}{p}"));
    }
    (out.len() > 1).then_some(out)
}

fn composite_rule(code: &str) -> &'static Rule {
    match COMPOSITES.iter().find(|c| c.code == code).map(|c| c.rule) {
        Some(144) => &rules::SFC_RULE_144,
        Some(145) => &rules::SFC_RULE_145,
        Some(146) => &rules::SFC_RULE_146,
        Some(147) => &rules::SFC_RULE_147,
        Some(148) => &rules::SFC_RULE_148,
        _ => &rules::SFC_RESERVED_COMPOSITE,
    }
}

/// The warning for participants counted with no gender of the breakdown.
fn ungendered(n: u64) -> Option<Finding> {
    (n > 0).then(|| {
        Finding::new(
            &rules::SFC_UNGENDERED,
            "gender",
            format!("{n} participant(s) counted with no gender of the breakdown are in no row"),
            format!("{n} osallistujaa ilman erittelyn sukupuolta ei ole millään rivillä"),
            format!("{n} deltagare utan kön i uppdelningen finns inte på någon rad"),
        )
    })
}

fn at(r: &Row) -> String {
    format!(
        "{}/{}/{}/{}/{}",
        r.priority,
        r.objective,
        r.region,
        r.indicator,
        r.gender.code()
    )
}

impl Table6 {
    /// The SFC2021 validation rules over the table: every reserved composite
    /// (the five of rules 144–148 and any programme-specific one written
    /// `EECOxx+yy…`) equals the sum of its parts in each cell and gender; a
    /// part the table lacks counts as missing, not as zero. Also a warning when
    /// participants were counted with no gender of the breakdown.
    pub fn validate(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        for row in self.rows.iter().filter(|r| r.indicator.contains('+')) {
            let Some(parts) = parts_of(&row.indicator) else {
                continue;
            };
            let rule = composite_rule(&row.indicator);
            let mut sum = 0u64;
            let mut missing = Vec::new();
            for p in &parts {
                match find(
                    &self.rows,
                    row.priority,
                    row.objective,
                    row.region,
                    p,
                    row.gender,
                ) {
                    Some(v) => sum = sum.saturating_add(v),
                    None => missing.push(p.as_str()),
                }
            }
            if !missing.is_empty() {
                let m = missing.join(", ");
                out.push(Finding::new(
                    rule,
                    at(row),
                    format!(
                        "{} cannot be checked: the table has no {m} in this cell",
                        row.indicator
                    ),
                    format!(
                        "{}:aa ei voi tarkistaa: taulukossa ei ole solua {m}",
                        row.indicator
                    ),
                    format!(
                        "{} kan inte kontrolleras: tabellen saknar {m} i cellen",
                        row.indicator
                    ),
                ));
            } else if sum != row.value {
                let (v, list) = (row.value, parts.join(" + "));
                out.push(Finding::new(
                    rule,
                    at(row),
                    format!("{} is {v}, but {list} is {sum}", row.indicator),
                    format!("{} on {v}, mutta {list} on {sum}", row.indicator),
                    format!("{} är {v}, men {list} är {sum}", row.indicator),
                ));
            }
        }
        out.extend(ungendered(self.ungendered));
        out
    }
}

impl Table10 {
    /// The SFC2021 validation rule over results linked to the output used as a
    /// basis for target setting: in each cell and gender the result does not
    /// exceed the output's achieved value in `outputs`. Results are absolute
    /// numbers (Reg. 2021/1057 Art 17(4)), so the rule's percentage variant
    /// (at most 100) does not arise here.
    pub fn validate(&self, outputs: &Table6, links: &[ResultLink]) -> Vec<Finding> {
        let mut out = Vec::new();
        for link in links {
            for row in self.rows.iter().filter(|r| r.indicator == link.result) {
                let output = find(
                    outputs.rows(),
                    row.priority,
                    row.objective,
                    row.region,
                    link.output,
                    row.gender,
                );
                let (r, o, v) = (link.result, link.output, row.value);
                match output {
                    Some(achieved) if v > achieved => out.push(Finding::new(
                        &rules::SFC_RESULT_ABOVE_OUTPUT,
                        at(row),
                        format!("{r} is {v}, above its basis {o} ({achieved})"),
                        format!("{r} on {v}, yli perustansa {o} ({achieved})"),
                        format!("{r} är {v}, över sin grund {o} ({achieved})"),
                    )),
                    Some(_) => {}
                    None if v > 0 => out.push(Finding::new(
                        &rules::SFC_RESULT_ABOVE_OUTPUT,
                        at(row),
                        format!("{r} is {v}, but Table 6 has no {o} in this cell"),
                        format!("{r} on {v}, mutta taulukossa 6 ei ole solua {o}"),
                        format!("{r} är {v}, men tabell 6 saknar {o} i cellen"),
                    )),
                    None => {}
                }
            }
        }
        out.extend(ungendered(self.ungendered));
        out
    }
}

/// Every gender of the breakdown (for callers building tables by hand).
pub fn genders() -> [crate::participant::Gender; 3] {
    GENDERS
}

#[cfg(test)]
mod tests {
    use super::parts_of;

    #[test]
    fn composite_codes_name_their_parts() {
        assert_eq!(
            parts_of("EECO02+04+05").unwrap(),
            ["EECO02", "EECO04", "EECO05"]
        );
        assert_eq!(parts_of("EECO10+11").unwrap(), ["EECO10", "EECO11"]);
        for not in ["EECO02", "EECO02+", "+04", "EECO02+0x", "02+04", "EECO+04"] {
            assert!(parts_of(not).is_none(), "{not}");
        }
    }
}
