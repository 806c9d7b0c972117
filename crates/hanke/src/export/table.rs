//! Result tables — *tulostaulukot*: the columns every binding gives for a
//! result (findings, indicators, a EURA project list and its portfolio), named
//! and typed once here, so that a notebook (Arrow, polars, pandas) and an app
//! (Kotlin, Swift) get the same table.
//!
//! Money is exact (`Money`, written as `decimal(18, 2)` by the Arrow bindings),
//! counts are unsigned, missing values are `None`.
//!
//! ```
//! use hanke::export::table::{ResultTable, Values};
//! use hanke::finding::{Finding, rules};
//! let f = Finding::new(&rules::CSV_INVALID_VALUE, "gender", "unknown", "tuntematon", "okänd")
//!     .at_line(3);
//! let t = ResultTable::findings(&[f]);
//! assert_eq!(t.names(), ["rule_id", "severity", "path", "line", "message_en", "message_fi", "message_sv"]);
//! assert_eq!(t.rows(), 1);
//! assert!(matches!(&t.columns[3].1, Values::Count(v) if v == &[Some(3)]));
//! ```

use chrono::NaiveDate;

use crate::eura::{PortfolioRow, PortfolioTable, ProjectListRow};
use crate::finding::Finding;
use crate::indicator::{CommonIndicators, IndicatorValue, PublishedIndicators, Tally};
use crate::money::Money;
use crate::programme::Verification;

/// One column's values — *sarake*.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Values {
    /// Text.
    Text(Vec<Option<String>>),
    /// Signed whole numbers.
    Int(Vec<Option<i64>>),
    /// Counts.
    Count(Vec<Option<u64>>),
    /// Exact amounts.
    Money(Vec<Option<Money>>),
    /// Days.
    Date(Vec<Option<NaiveDate>>),
    /// Yes or no.
    Bool(Vec<Option<bool>>),
}

impl Values {
    /// A text column of `rows`, one value each, none missing.
    pub fn texts<T>(rows: &[T], f: impl Fn(&T) -> String) -> Values {
        Values::Text(rows.iter().map(|r| Some(f(r))).collect())
    }

    /// The number of values.
    pub fn len(&self) -> usize {
        match self {
            Values::Text(v) => v.len(),
            Values::Int(v) => v.len(),
            Values::Count(v) => v.len(),
            Values::Money(v) => v.len(),
            Values::Date(v) => v.len(),
            Values::Bool(v) => v.len(),
        }
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A result as a table — *tulostaulukko*: its name and its named columns, all
/// of one length.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResultTable {
    /// What the table holds, e.g. `findings`.
    pub name: &'static str,
    /// The columns, in order.
    pub columns: Vec<(&'static str, Values)>,
}

impl ResultTable {
    /// An empty table called `name`.
    pub fn new(name: &'static str) -> ResultTable {
        ResultTable {
            name,
            columns: Vec::new(),
        }
    }

    /// The table with another column.
    pub fn column(mut self, name: &'static str, values: Values) -> ResultTable {
        self.columns.push((name, values));
        self
    }

    /// The number of rows (of the first column; [`is_rectangular`](Self::is_rectangular) checks the rest).
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, |(_, v)| v.len())
    }

    /// Whether every column has the same length.
    pub fn is_rectangular(&self) -> bool {
        self.columns.iter().all(|(_, v)| v.len() == self.rows())
    }

    /// The column names, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.columns.iter().map(|(n, _)| *n).collect()
    }

    /// Findings: rule_id, severity, path, line, message_en, message_fi, message_sv.
    pub fn findings(findings: &[Finding]) -> ResultTable {
        ResultTable::new("findings")
            .column(
                "rule_id",
                Values::texts(findings, |f| f.rule_id.to_string()),
            )
            .column(
                "severity",
                Values::texts(findings, |f| f.severity.to_string()),
            )
            .column("path", Values::texts(findings, |f| f.path.clone()))
            .column(
                "line",
                Values::Count(findings.iter().map(|f| f.line).collect()),
            )
            .column(
                "message_en",
                Values::texts(findings, |f| f.message_en.clone()),
            )
            .column(
                "message_fi",
                Values::texts(findings, |f| f.message_fi.clone()),
            )
            .column(
                "message_sv",
                Values::texts(findings, |f| f.message_sv.clone()),
            )
    }

    /// Common indicators: code, name_en, name_fi, name_sv, women, men,
    /// non_binary, unknown, total (`None` where an indicator is not computed
    /// from participants), and whether the SFC code is verified.
    pub fn indicators(indicators: &CommonIndicators) -> ResultTable {
        let values: Vec<IndicatorValue> = indicators.values().collect();
        let n =
            |f: fn(Tally) -> u64| Values::Count(values.iter().map(|v| v.value.map(f)).collect());
        ResultTable::new("indicators")
            .column(
                "code",
                Values::texts(&values, |v| v.indicator.code.to_string()),
            )
            .column(
                "name_en",
                Values::texts(&values, |v| v.indicator.name_en.to_string()),
            )
            .column(
                "name_fi",
                Values::texts(&values, |v| v.indicator.name_fi.to_string()),
            )
            .column(
                "name_sv",
                Values::texts(&values, |v| v.indicator.name_sv.to_string()),
            )
            .column("women", n(|t| t.women))
            .column("men", n(|t| t.men))
            .column("non_binary", n(|t| t.non_binary))
            .column("unknown", n(|t| t.unknown))
            .column("total", n(|t| t.total()))
            .column(
                "code_verified",
                Values::Bool(
                    values
                        .iter()
                        .map(|v| Some(v.indicator.code_verification == Verification::Verified))
                        .collect(),
                ),
            )
    }

    /// Indicators ready to publish: the columns of [`indicators`](Self::indicators)
    /// with suppressed counts `None`, and how many cells of each row are hidden.
    pub fn published_indicators(public: &PublishedIndicators) -> ResultTable {
        let rows = &public.indicators;
        let n = |f: fn(&crate::indicator::PublishedTally) -> crate::disclosure::Cell| {
            Values::Count(
                rows.iter()
                    .map(|r| r.value.as_ref().and_then(|t| f(t).value()))
                    .collect(),
            )
        };
        ResultTable::new("published_indicators")
            .column(
                "code",
                Values::texts(rows, |r| r.indicator.code.to_string()),
            )
            .column(
                "name_en",
                Values::texts(rows, |r| r.indicator.name_en.to_string()),
            )
            .column(
                "name_fi",
                Values::texts(rows, |r| r.indicator.name_fi.to_string()),
            )
            .column(
                "name_sv",
                Values::texts(rows, |r| r.indicator.name_sv.to_string()),
            )
            .column("women", n(|t| t.women))
            .column("men", n(|t| t.men))
            .column("non_binary", n(|t| t.non_binary))
            .column("unknown", n(|t| t.unknown))
            .column("total", n(|t| t.total))
            .column(
                "suppressed",
                Values::Count(
                    rows.iter()
                        .map(|r| {
                            r.value
                                .map(|t| u64::try_from(t.suppressed()).unwrap_or(u64::MAX))
                        })
                        .collect(),
                ),
            )
    }

    /// Rows of a EURA project list: line, code, fund, name, priority,
    /// authority, status, start, end, implementer and the four amounts.
    pub fn project_list(rows: &[&ProjectListRow]) -> ResultTable {
        let m = |g: fn(&ProjectListRow) -> Option<Money>| {
            Values::Money(rows.iter().map(|r| g(r)).collect())
        };
        ResultTable::new("project list")
            .column(
                "line",
                Values::Count(rows.iter().map(|r| Some(r.line)).collect()),
            )
            .column("code", Values::texts(rows, |r| r.code.to_string()))
            .column(
                "fund",
                Values::texts(rows, |r| r.fund.abbreviation_fi().to_string()),
            )
            .column("name", Values::texts(rows, |r| r.name.clone()))
            .column(
                "priority",
                Values::Int(rows.iter().map(|r| Some(i64::from(r.priority))).collect()),
            )
            .column("authority", Values::texts(rows, |r| r.authority.clone()))
            .column("status", Values::texts(rows, |r| r.status_text.clone()))
            .column(
                "start",
                Values::Date(rows.iter().map(|r| r.start).collect()),
            )
            .column("end", Values::Date(rows.iter().map(|r| r.end).collect()))
            .column(
                "implementer",
                Values::texts(rows, |r| r.implementer.clone()),
            )
            .column("granted_eu_state", m(|r| r.granted_eu_state))
            .column("realised_eu_state", m(|r| r.realised_eu_state))
            .column("planned_public", m(|r| r.planned_public))
            .column("realised_public", m(|r| r.realised_public))
    }

    /// A EURA portfolio: one row per group and the total last — key,
    /// projects, the four amounts, utilisation (realised ÷ granted, one
    /// decimal) and the number of values missing.
    pub fn portfolio(t: &PortfolioTable) -> ResultTable {
        let rows: Vec<&PortfolioRow> = t.rows.iter().chain(std::iter::once(&t.total)).collect();
        let m = |g: fn(&PortfolioRow) -> Money| {
            Values::Money(rows.iter().map(|r| Some(g(r))).collect())
        };
        ResultTable::new("portfolio")
            .column("key", Values::texts(&rows, |r| r.key.clone()))
            .column(
                "projects",
                Values::Count(rows.iter().map(|r| Some(r.projects)).collect()),
            )
            .column("granted_eu_state", m(|r| r.granted_eu_state))
            .column("realised_eu_state", m(|r| r.realised_eu_state))
            .column("planned_public", m(|r| r.planned_public))
            .column("realised_public", m(|r| r.realised_public))
            .column(
                "utilisation_percent",
                Values::Text(
                    rows.iter()
                        .map(|r| r.utilisation.map(|u| u.to_percent_string(1)))
                        .collect(),
                ),
            )
            .column(
                "missing_values",
                Values::Count(rows.iter().map(|r| Some(r.missing_values)).collect()),
            )
    }
}

/// The heading of a result-table column in `lang` — *sarakeotsikko*: what a
/// spreadsheet or a Markdown table shows above the column. A column without a
/// heading of its own shows its name.
///
/// ```
/// use hanke::export::table::heading;
/// use hanke::lang::Language;
/// assert_eq!(heading("women", Language::Fi), "naiset");
/// assert_eq!(heading("rule_id", Language::Sv), "regel");
/// assert_eq!(heading("no_such_column", Language::Fi), "no_such_column");
/// ```
pub fn heading(column: &str, lang: crate::lang::Language) -> &str {
    const HEADINGS: &[(&str, &str, &str, &str)] = &[
        ("rule_id", "sääntö", "regel", "rule"),
        ("severity", "vakavuus", "allvarlighetsgrad", "severity"),
        ("path", "kenttä", "fält", "field"),
        ("line", "rivi", "rad", "line"),
        (
            "message_en",
            "havainto (englanniksi)",
            "iakttagelse (på engelska)",
            "finding",
        ),
        (
            "message_fi",
            "havainto",
            "iakttagelse (på finska)",
            "finding (in Finnish)",
        ),
        (
            "message_sv",
            "havainto (ruotsiksi)",
            "iakttagelse",
            "finding (in Swedish)",
        ),
        ("code", "koodi", "kod", "code"),
        ("name", "nimi", "namn", "name"),
        (
            "name_en",
            "nimi (englanniksi)",
            "namn (på engelska)",
            "name",
        ),
        ("name_fi", "nimi", "namn (på finska)", "name (in Finnish)"),
        ("name_sv", "nimi (ruotsiksi)", "namn", "name (in Swedish)"),
        ("women", "naiset", "kvinnor", "women"),
        ("men", "miehet", "män", "men"),
        (
            "non_binary",
            "muunsukupuoliset",
            "icke-binära",
            "non-binary",
        ),
        ("unknown", "tuntematon", "okänd", "unknown"),
        ("total", "yhteensä", "totalt", "total"),
        (
            "code_verified",
            "koodi tarkistettu",
            "koden kontrollerad",
            "code verified",
        ),
        (
            "suppressed",
            "piilotettuja soluja",
            "dolda celler",
            "cells suppressed",
        ),
        ("fund", "rahasto", "fond", "fund"),
        ("priority", "toimintalinja", "insatsområde", "priority"),
        (
            "authority",
            "vastuuviranomainen",
            "ansvarig myndighet",
            "authority",
        ),
        ("status", "tila", "status", "status"),
        ("start", "alkaa", "börjar", "start"),
        ("end", "päättyy", "slutar", "end"),
        ("implementer", "toteuttaja", "genomförare", "implementer"),
        (
            "granted_eu_state",
            "myönnetty EU ja valtio",
            "beviljat EU och staten",
            "granted EU and state",
        ),
        (
            "realised_eu_state",
            "toteutunut EU ja valtio",
            "förverkligat EU och staten",
            "realised EU and state",
        ),
        (
            "planned_public",
            "suunniteltu julkinen",
            "planerat offentligt",
            "planned public",
        ),
        (
            "realised_public",
            "toteutunut julkinen",
            "förverkligat offentligt",
            "realised public",
        ),
        ("key", "ryhmä", "grupp", "group"),
        ("projects", "hankkeita", "projekt", "projects"),
        (
            "missing_values",
            "puuttuvia arvoja",
            "saknade värden",
            "missing values",
        ),
        (
            "utilisation_percent",
            "käyttöaste %",
            "användningsgrad %",
            "utilisation %",
        ),
    ];
    HEADINGS
        .iter()
        .find(|(c, ..)| *c == column)
        .map_or(column, |(_, fi, sv, en)| lang.pick(fi, sv, en))
}

impl ResultTable {
    /// One cell as text: money and days in Finnish form, yes/no in `lang`,
    /// empty where missing. Text is data: identity codes masked
    /// ([`crate::publish::text`]).
    pub fn text_at(&self, column: usize, row: usize, lang: crate::lang::Language) -> String {
        let Some((_, values)) = self.columns.get(column) else {
            return String::new();
        };
        let shown = match values {
            Values::Text(v) => v
                .get(row)
                .cloned()
                .flatten()
                .map(|t| crate::publish::text(&t).into_owned()),
            Values::Int(v) => v.get(row).copied().flatten().map(|n| n.to_string()),
            Values::Count(v) => v.get(row).copied().flatten().map(|n| n.to_string()),
            Values::Money(v) => v.get(row).copied().flatten().map(|m| m.to_plain_string()),
            Values::Date(v) => v.get(row).copied().flatten().map(|d| d.to_string()),
            Values::Bool(v) => v.get(row).copied().flatten().map(|b| {
                if b {
                    lang.pick("kyllä", "ja", "yes")
                } else {
                    lang.pick("ei", "nej", "no")
                }
                .to_string()
            }),
        };
        shown.unwrap_or_default()
    }

    /// The table as CSV (comma-separated, a header of column names, money
    /// as `1234.50`, days as ISO dates): every cell quoted as needed and a
    /// cell that a spreadsheet would run as a formula neutralised and quoted
    /// ([`crate::publish::csv_cell`]).
    ///
    /// ```
    /// use hanke::export::table::{ResultTable, Values};
    /// let t = ResultTable::new("t").column("name", Values::Text(vec![Some("=1+1".into()), None]));
    /// assert_eq!(t.to_csv(), "name\n\"'=1+1\"\n\n");
    /// ```
    pub fn to_csv(&self) -> String {
        let mut out = self.names().join(",");
        out.push('\n');
        for row in 0..self.rows() {
            let cells: Vec<String> = (0..self.columns.len())
                .map(|c| crate::publish::csv_cell(&self.text_at(c, row, crate::lang::Language::En)))
                .collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out
    }

    /// The table in Markdown, headed in `lang`, every cell escaped
    /// ([`crate::publish::markdown`]).
    ///
    /// ```
    /// use hanke::export::table::{ResultTable, Values};
    /// use hanke::lang::Language;
    /// let t = ResultTable::new("t").column("women", Values::Count(vec![Some(3)]));
    /// assert_eq!(t.to_markdown(Language::Fi), "| naiset |\n|---|\n| 3 |\n");
    /// ```
    pub fn to_markdown(&self, lang: crate::lang::Language) -> String {
        let head: Vec<String> = self
            .names()
            .iter()
            .map(|n| crate::publish::markdown(heading(n, lang)))
            .collect();
        let mut out = format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(head.len()));
        for row in 0..self.rows() {
            let cells: Vec<String> = (0..self.columns.len())
                .map(|c| crate::publish::markdown(&self.text_at(c, row, lang)))
                .collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out
    }
}
