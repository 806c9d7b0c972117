//! Tables 6 and 10: aggregation, composites, CSV and comparison.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{CutOff, Operation, Participation, SfcError, SfcObjective, sfc_category};
use crate::Echo;
use crate::indicator::{Catalogue, IndicatorKind, Tally, Unit};
use crate::participant::Gender;

/// A reserved composite indicator: a code and the common indicators it sums.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Composite {
    /// The SFC code, e.g. `EECO02+04`.
    pub code: &'static str,
    /// Its parts.
    pub parts: &'static [&'static str],
    /// The SFC2021 validation rule that checks it.
    pub rule: u16,
}

/// The reserved composites of the SFC2021 validation-rule change of 24 June
/// 2024 (rules 144–148), each computed as the sum of its parts.
pub const COMPOSITES: [Composite; 5] = [
    Composite {
        code: "EECO02+04",
        parts: &["EECO02", "EECO04"],
        rule: 144,
    },
    Composite {
        code: "EECO02+05",
        parts: &["EECO02", "EECO05"],
        rule: 145,
    },
    Composite {
        code: "EECO02+04+05",
        parts: &["EECO02", "EECO04", "EECO05"],
        rule: 146,
    },
    Composite {
        code: "EECO06+07",
        parts: &["EECO06", "EECO07"],
        rule: 147,
    },
    Composite {
        code: "EECO10+11",
        parts: &["EECO10", "EECO11"],
        rule: 148,
    },
];

/// The genders of the SFC2021 breakdown, in table order.
pub(crate) const GENDERS: [Gender; 3] = [Gender::Woman, Gender::Man, Gender::NonBinary];

/// One cell of a table — *taulukon solu*: the breakdown and the value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Row {
    /// The priority.
    pub priority: u8,
    /// The specific objective, `ESO4.1` … `ESO4.13`.
    pub objective: SfcObjective,
    /// The category of region ([`sfc_category`]).
    pub region: &'static str,
    /// The indicator (or reserved composite) code.
    pub indicator: String,
    /// The gender.
    pub gender: Gender,
    /// The cumulative value at the cut-off.
    pub value: u64,
}

impl Row {
    /// The cell's key: everything but the value.
    pub fn key(&self) -> (u8, SfcObjective, &'static str, &str, Gender) {
        (
            self.priority,
            self.objective,
            self.region,
            &self.indicator,
            self.gender,
        )
    }
}

type Cell = (u8, SfcObjective, &'static str);

/// The tallies of a table, per cell and indicator.
type Tallies = BTreeMap<(Cell, &'static str), Tally>;

/// Table 6 — *taulukko 6*: ESF+ output indicators per priority, specific
/// objective, category of region and gender, cumulative to a cut-off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table6 {
    pub(super) cut_off: CutOff,
    pub(super) rows: Vec<Row>,
    /// Participants counted with no gender of the breakdown (in no row).
    pub(super) ungendered: u64,
}

/// Table 10 — *taulukko 10*: result indicators, with the same breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table10 {
    pub(super) cut_off: CutOff,
    pub(super) rows: Vec<Row>,
    /// Participants counted with no gender of the breakdown (in no row).
    pub(super) ungendered: u64,
}

/// The catalogue's indicators of a table: output or result indicators that
/// count participants from their records.
fn codes(results: bool) -> Vec<&'static str> {
    Catalogue::EsfPlus
        .indicators()
        .iter()
        .filter(|i| {
            i.unit == Unit::Participants
                && i.is_computed_from_participants()
                && (i.kind == IndicatorKind::Output) != results
        })
        .map(|i| i.code)
        .collect()
}

/// The tallies per cell and indicator of `operations`, checked.
fn tallies(
    operations: &[Operation],
    cut_off: CutOff,
    codes: &[&'static str],
    target_groups: bool,
) -> Result<(Tallies, u64), SfcError> {
    let mut out = Tallies::new();
    let mut ungendered = 0u64;
    for op in operations {
        let cell = (op.priority, op.objective, sfc_category(op.region));
        let counted = match &op.participation {
            Participation::Records(ci) => {
                if ci.catalogue() != Catalogue::EsfPlus {
                    return Err(SfcError::Catalogue {
                        operation: op.code.to_string(),
                        catalogue: ci.catalogue().code(),
                    });
                }
                if ci.cut_off() != Some(cut_off.day()) {
                    return Err(SfcError::CutOffMismatch {
                        operation: op.code.to_string(),
                        cut_off: cut_off.day(),
                    });
                }
                Some(ci)
            }
            Participation::NoIndividualParticipants => None,
        };
        for code in codes {
            let tally = match counted {
                None => Tally::default(),
                // Every participant counted (EECO01) under a target-group flag.
                Some(ci) if target_groups && op.target_group.contains(code) => {
                    ci.get("EECO01").unwrap_or_default()
                }
                Some(ci) => ci.get(code).unwrap_or_default(),
            };
            out.entry((cell, code)).or_default().merge(&tally);
        }
        if let Some(ci) = counted {
            ungendered = ungendered.saturating_add(ci.get("EECO01").unwrap_or_default().unknown);
        }
    }
    Ok((out, ungendered))
}

fn rows_of(tallies: &Tallies) -> Vec<Row> {
    let mut rows = Vec::new();
    for (((priority, objective, region), code), tally) in tallies {
        for gender in GENDERS {
            rows.push(Row {
                priority: *priority,
                objective: *objective,
                region,
                indicator: (*code).to_string(),
                gender,
                value: tally.get(gender),
            });
        }
    }
    rows
}

impl Table6 {
    /// Aggregates `operations` into Table 6 at `cut_off`: every ESF+ output
    /// indicator counted from participants in each operation's cell (zeros for
    /// an operation without individual participants; every participant under a
    /// target-group indicator), and the reserved composites as sums of their
    /// parts. Entity indicators (EECO18, EECO19) and indicators hanke cannot
    /// compute from records (rural areas) are not in it.
    pub fn aggregate(operations: &[Operation], cut_off: CutOff) -> Result<Table6, SfcError> {
        let codes = codes(false);
        let (mut tallies, ungendered) = tallies(operations, cut_off, &codes, true)?;
        let cells: Vec<Cell> = tallies.keys().map(|(c, _)| *c).collect();
        for cell in cells {
            for composite in COMPOSITES {
                let mut sum = Tally::default();
                for part in composite.parts {
                    if let Some(t) = tallies.get(&(cell, *part)) {
                        sum.merge(t);
                    }
                }
                tallies.insert((cell, composite.code), sum);
            }
        }
        let mut rows = rows_of(&tallies);
        rows.sort();
        Ok(Table6 {
            cut_off,
            rows,
            ungendered,
        })
    }

    /// The value of one cell.
    pub fn value(
        &self,
        priority: u8,
        objective: SfcObjective,
        region: &str,
        indicator: &str,
        gender: Gender,
    ) -> Option<u64> {
        find(&self.rows, priority, objective, region, indicator, gender)
    }

    /// The table as JSON.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }
}

impl Table10 {
    /// Aggregates `operations` into Table 10 at `cut_off`: every ESF+ result
    /// indicator counted from participants, per cell and gender, as absolute
    /// numbers (Reg. 2021/1057 Art 17(4)). Zeros for an operation without
    /// individual participants; target-group flags apply to outputs only.
    pub fn aggregate(operations: &[Operation], cut_off: CutOff) -> Result<Table10, SfcError> {
        let codes = codes(true);
        let (tallies, ungendered) = tallies(operations, cut_off, &codes, false)?;
        let mut rows = rows_of(&tallies);
        rows.sort();
        Ok(Table10 {
            cut_off,
            rows,
            ungendered,
        })
    }
}

/// What Table 6 and Table 10 share: built from cells read elsewhere, their
/// cut-off and cells, CSV out and in, and the result table.
macro_rules! cells_of_a_table {
    ($table:ident, $name:literal) => {
        impl $table {
            /// A table read elsewhere (another system's), for validation and
            /// comparison; its cells sorted by breakdown.
            pub fn from_rows(cut_off: CutOff, mut rows: Vec<Row>) -> $table {
                rows.sort();
                $table {
                    cut_off,
                    rows,
                    ungendered: 0,
                }
            }

            /// The cut-off.
            pub fn cut_off(&self) -> CutOff {
                self.cut_off
            }

            /// The cells, sorted by breakdown.
            pub fn rows(&self) -> &[Row] {
                &self.rows
            }

            /// The table as CSV, one row per breakdown cell.
            pub fn to_csv(&self) -> String {
                to_csv(self.cut_off, &self.rows)
            }

            /// Reads a table from its CSV (another system's, to validate or compare).
            pub fn from_csv(text: &str) -> Result<$table, SfcError> {
                let (cut_off, rows) = from_csv(text)?;
                Ok($table::from_rows(cut_off, rows))
            }

            /// The cells as a result table (Arrow and data frames in the bindings).
            pub fn result_table(&self) -> crate::export::table::ResultTable {
                result_table($name, self.cut_off, &self.rows)
            }
        }
    };
}

cells_of_a_table!(Table6, "sfc_table6");
cells_of_a_table!(Table10, "sfc_table10");

/// The value of one cell of `rows`, which every table keeps sorted by
/// [`Row::key`] (each key once): a binary search, so that validating a
/// programme's table is not quadratic in its cells.
pub(super) fn find(
    rows: &[Row],
    priority: u8,
    objective: SfcObjective,
    region: &str,
    indicator: &str,
    gender: Gender,
) -> Option<u64> {
    let key = (priority, objective, region, indicator, gender);
    rows.binary_search_by(|r| r.key().cmp(&key))
        .ok()
        .and_then(|i| rows.get(i))
        .map(|r| r.value)
}

/// The cells as a result table (the bindings' data frames and Arrow):
/// `cut_off, priority, specific_objective, category_of_region, indicator,
/// gender, value`, one row per cell.
fn result_table(
    name: &'static str,
    cut_off: CutOff,
    rows: &[Row],
) -> crate::export::table::ResultTable {
    use crate::export::table::{ResultTable, Values};
    ResultTable::new(name)
        .column(
            "cut_off",
            Values::Date(rows.iter().map(|_| Some(cut_off.day())).collect()),
        )
        .column(
            "priority",
            Values::Count(rows.iter().map(|r| Some(u64::from(r.priority))).collect()),
        )
        .column(
            "specific_objective",
            Values::texts(rows, |r| r.objective.to_string()),
        )
        .column(
            "category_of_region",
            Values::texts(rows, |r| r.region.to_string()),
        )
        .column("indicator", Values::texts(rows, |r| r.indicator.clone()))
        .column(
            "gender",
            Values::texts(rows, |r| r.gender.code().to_string()),
        )
        .column(
            "value",
            Values::Count(rows.iter().map(|r| Some(r.value)).collect()),
        )
}

const HEADER: &str =
    "cut_off,priority,specific_objective,category_of_region,indicator,gender,value";

fn to_csv(cut_off: CutOff, rows: &[Row]) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for r in rows {
        // Every cell is of a closed set or a number; the gate all the same.
        let cells = [
            cut_off.to_string(),
            r.priority.to_string(),
            r.objective.to_string(),
            r.region.to_string(),
            r.indicator.clone(),
            r.gender.code().to_string(),
            r.value.to_string(),
        ];
        let line: Vec<String> = cells.iter().map(|c| crate::publish::csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

fn from_csv(text: &str) -> Result<(CutOff, Vec<Row>), SfcError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate();
    let err = |line: usize, problem: &str| SfcError::Csv {
        line: u64::try_from(line).unwrap_or(u64::MAX).saturating_add(1),
        problem: Echo::new(problem),
    };
    match lines.next() {
        Some((_, h)) if h.trim() == HEADER => {}
        _ => return Err(err(0, &format!("the header is not {HEADER}"))),
    }
    let mut cut_off = None;
    let mut rows = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        let [c, p, o, region, ind, g, v] = cells.as_slice() else {
            return Err(err(i, "a row has 7 cells"));
        };
        let day: CutOff = c
            .parse()
            .map_err(|_| err(i, "the cut-off is 30 June or 31 December, YYYY-MM-DD"))?;
        if *cut_off.get_or_insert(day) != day {
            return Err(err(i, "every row has the table's one cut-off"));
        }
        let priority: u8 = p
            .parse()
            .map_err(|_| err(i, "the priority is a number 1–255"))?;
        let objective: SfcObjective = o
            .parse()
            .map_err(|_| err(i, "the specific objective is ESO4.1–ESO4.13"))?;
        let region = super::region_of(region)
            .map(sfc_category)
            .map_err(|e| err(i, &e.to_string()))?;
        let indicator_ok = !ind.is_empty()
            && ind.len() <= 32
            && ind
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'+');
        if !indicator_ok {
            return Err(err(
                i,
                "the indicator is an SFC code such as EECO02 or EECO02+04",
            ));
        }
        let gender = GENDERS
            .into_iter()
            .find(|x| x.code() == *g)
            .ok_or_else(|| err(i, "the gender is woman, man or non_binary"))?;
        let value: u64 = v
            .parse()
            .map_err(|_| err(i, "the value is a whole number of 0 or more"))?;
        let row = Row {
            priority,
            objective,
            region,
            indicator: (*ind).to_string(),
            gender,
            value,
        };
        let key = (priority, objective, region, (*ind).to_string(), gender);
        if !seen.insert(key) {
            return Err(err(i, "a cell is given twice"));
        }
        rows.push(row);
    }
    let cut_off = cut_off.ok_or_else(|| err(1, "the table has no rows"))?;
    Ok((cut_off, rows))
}

/// A cell where two tables differ — *eroava solu*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The cell (its value is the expected one, or the actual one if only that table has it).
    pub cell: Row,
    /// The expected value; `None` if the expected table has no such cell.
    pub expected: Option<u64>,
    /// The actual value; `None` if the actual table has no such cell.
    pub actual: Option<u64>,
}

/// Every cell where `actual` differs from `expected`: other values, and cells
/// only one of them has. What the conformance kit reports.
pub fn compare(expected: &[Row], actual: &[Row]) -> Vec<Difference> {
    let e: BTreeMap<_, &Row> = expected.iter().map(|r| (r.key(), r)).collect();
    let a: BTreeMap<_, &Row> = actual.iter().map(|r| (r.key(), r)).collect();
    let mut out = Vec::new();
    for (k, row) in &e {
        match a.get(k) {
            Some(other) if other.value == row.value => {}
            other => out.push(Difference {
                cell: (*row).clone(),
                expected: Some(row.value),
                actual: other.map(|o| o.value),
            }),
        }
    }
    for (k, row) in &a {
        if !e.contains_key(k) {
            out.push(Difference {
                cell: (*row).clone(),
                expected: None,
                actual: Some(row.value),
            });
        }
    }
    out
}
