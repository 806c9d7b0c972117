//! Findings — *havainnot*: what a check found, with a stable rule id, a severity,
//! the path of the field and a message in Finnish, Swedish and English.
//!
//! Every rule hanke enforces is a [`Rule`] constant in [`rules`]; its doc
//! comment says where the rule comes from. The catalogue that lists them all
//! (`hanke_base::errors::all_rules`) sits at the top of the `hanke` crate.
//!
//! ```
//! use hanke_base::finding::{Finding, Severity, rules};
//! let f = Finding::new(&rules::FUNDING_SOURCES_EXCEED_TOTAL, "funding_plan", "too much", "liikaa", "för mycket");
//! assert_eq!(f.severity, Severity::Error);
//! assert_eq!(f.rule_id, "FIN-SUM-001");
//! ```

use std::fmt;
use std::fmt::Write as _;

use serde::Serialize;

/// How serious a finding is — *vakavuus*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The data break a rule: a funder would reject them.
    Error,
    /// Probably wrong, or worth a human's look.
    Warning,
    /// Worth knowing; nothing is wrong.
    Info,
}

impl Severity {
    /// The label in Finnish, Swedish and English.
    pub fn text(self) -> crate::lang::Text {
        use crate::lang::Text;
        match self {
            Severity::Error => Text::new("virhe", "fel", "error"),
            Severity::Warning => Text::new("varoitus", "varning", "warning"),
            Severity::Info => Text::new("tieto", "information", "info"),
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

/// A rule hanke checks — *sääntö*: its stable id, severity, title and source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Rule {
    /// The stable id, e.g. `FIN-SUM-001`. Never reused for another meaning.
    pub id: &'static str,
    /// The severity of its findings.
    pub severity: Severity,
    /// A one-line title in English.
    pub title_en: &'static str,
    /// A one-line title in Finnish.
    pub title_fi: &'static str,
    /// A one-line title in Swedish.
    pub title_sv: &'static str,
    /// The funder's rule or guidance it comes from, or `None` for hanke's own
    /// internal-consistency checks (arithmetic, references).
    pub source: Option<&'static str>,
}

/// One thing a check found — *havainto*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Finding {
    /// The rule's stable id.
    pub rule_id: &'static str,
    /// The severity.
    pub severity: Severity,
    /// The path of the field, e.g. `funding_plan.sources[0].realised`.
    pub path: String,
    /// What was found, in English.
    pub message_en: String,
    /// What was found, in Finnish.
    pub message_fi: String,
    /// What was found, in Swedish.
    pub message_sv: String,
    /// The line of the file the data came from (1-based), for imported data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The last line, where the data spans more than one line (a record that a
    /// stray quote ran on over several lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_line: Option<u64>,
    /// The row of a table the data came from, counted from 0 as data frames
    /// count them (Arrow, polars, pandas input), where there is no file line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// The cell of a spreadsheet the data came from, as the spreadsheet names
    /// it: `Osallistujat!C7` for a value, `Osallistujat!7:7` for a whole row
    /// (`line` is then the row number the spreadsheet shows).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Finding {
    /// A finding of `rule` at `path`, with what was found in English, Finnish
    /// and Swedish — every finding speaks all three, so that a report in any
    /// of them is in that language alone.
    ///
    /// ```
    /// use hanke_base::finding::{Finding, rules};
    /// use hanke_base::lang::Language;
    /// let f = Finding::new(&rules::FUNDING_NEGATIVE_AMOUNT, "funding_plan.total.planned",
    ///     "negative", "negatiivinen", "negativ");
    /// assert_eq!(f.rule_id, "FIN-NEG-001");
    /// assert_eq!(f.message(Language::Sv), "negativ");
    /// ```
    pub fn new(
        rule: &Rule,
        path: impl Into<String>,
        message_en: impl Into<String>,
        message_fi: impl Into<String>,
        message_sv: impl Into<String>,
    ) -> Finding {
        Finding {
            rule_id: rule.id,
            severity: rule.severity,
            path: crate::echo::plain_owned(path.into()),
            // Findings repeat what they found; never an identity code.
            message_en: crate::echo::plain_owned(message_en.into()),
            message_fi: crate::echo::plain_owned(message_fi.into()),
            message_sv: crate::echo::plain_owned(message_sv.into()),
            line: None,
            end_line: None,
            row: None,
            cell: None,
        }
    }

    /// What was found, in `lang`.
    pub fn message(&self, lang: crate::lang::Language) -> &str {
        lang.pick(&self.message_fi, &self.message_sv, &self.message_en)
    }

    /// The same finding, located at another `path` (a reader's finding of a
    /// record field, shown at the question of a form that asked it).
    pub fn at_path(mut self, path: impl Into<String>) -> Finding {
        self.path = crate::echo::plain_owned(path.into());
        self
    }

    /// The same finding, located at `line` of the file the data came from.
    ///
    /// ```
    /// use hanke_base::finding::{Finding, rules};
    /// let f = Finding::new(&rules::CSV_INVALID_VALUE, "entry_date", "not a date", "ei päivämäärä", "inte ett datum").at_line(7);
    /// assert_eq!(f.to_string(), "[error] IMP-CSV-003 at line 7, entry_date: not a date");
    /// ```
    pub fn at_line(mut self, line: u64) -> Finding {
        self.line = Some(line);
        self
    }

    /// The same finding, located at lines `first` to `last` of the file (a
    /// record spanning lines); `last` equal to `first` is one line.
    ///
    /// ```
    /// use hanke_base::finding::{Finding, rules};
    /// let f = Finding::new(&rules::CSV_MALFORMED, "row", "a quote runs on", "lainausmerkki jatkuu", "ett citattecken fortsätter").at_lines(3, 5);
    /// assert_eq!(f.to_string(), "[error] IMP-CSV-001 at lines 3–5, row: a quote runs on");
    /// ```
    pub fn at_lines(mut self, first: u64, last: u64) -> Finding {
        self.line = Some(first);
        self.end_line = (last > first).then_some(last);
        self
    }

    /// The same finding, located at `row` of a table (counted from 0).
    ///
    /// ```
    /// use hanke_base::finding::{Finding, rules};
    /// let f = Finding::new(&rules::CSV_INVALID_VALUE, "gender", "unknown", "tuntematon", "okänd").at_row(7);
    /// assert_eq!(f.to_string(), "[error] IMP-CSV-003 at row 7, gender: unknown");
    /// ```
    pub fn at_row(mut self, row: u64) -> Finding {
        self.row = Some(row);
        self
    }

    /// The same finding, located at `cell` of a spreadsheet (its sheet and
    /// reference, e.g. `Osallistujat!C7`) on row `line` of that sheet.
    ///
    /// ```
    /// use hanke_base::finding::{Finding, rules};
    /// let f = Finding::new(&rules::CSV_INVALID_VALUE, "entry_date", "not a date", "ei päivämäärä", "inte ett datum")
    ///     .at_cell("Osallistujat!C7", 7);
    /// assert_eq!(f.to_string(), "[error] IMP-CSV-003 at Osallistujat!C7, entry_date: not a date");
    /// assert_eq!(f.line, Some(7));
    /// ```
    pub fn at_cell(mut self, cell: impl Into<String>, line: u64) -> Finding {
        // A sheet's name is the user's text: never an identity code or markup.
        self.cell = Some(crate::echo::plain_owned(cell.into()));
        self.line = Some(line);
        self
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(cell) = &self.cell {
            return write!(
                f,
                "[{}] {} at {}, {}: {}",
                self.severity, self.rule_id, cell, self.path, self.message_en
            );
        }
        match (self.line, self.end_line, self.row) {
            (Some(line), Some(last), _) => write!(
                f,
                "[{}] {} at lines {}–{}, {}: {}",
                self.severity, self.rule_id, line, last, self.path, self.message_en
            ),
            (Some(line), None, _) => write!(
                f,
                "[{}] {} at line {}, {}: {}",
                self.severity, self.rule_id, line, self.path, self.message_en
            ),
            (None, _, Some(row)) => write!(
                f,
                "[{}] {} at row {}, {}: {}",
                self.severity, self.rule_id, row, self.path, self.message_en
            ),
            (None, _, None) => write!(
                f,
                "[{}] {} at {}: {}",
                self.severity, self.rule_id, self.path, self.message_en
            ),
        }
    }
}

/// A Markdown table row per rule: id, severity, titles in English, Finnish and
/// Swedish, and the source (`unsourced` where the rule has none).
pub fn markdown_rows<'a>(
    out: &mut String,
    rules: impl IntoIterator<Item = &'a Rule>,
    unsourced: &str,
) {
    for r in rules {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} |",
            r.id,
            r.severity,
            markdown_cell(r.title_en),
            markdown_cell(r.title_fi),
            markdown_cell(r.title_sv),
            markdown_cell(r.source.unwrap_or(unsourced))
        );
    }
}

/// `s` as one cell of a Markdown table: `|` escaped, line breaks as spaces.
pub fn markdown_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The rules hanke enforces, each with its stable id.
pub mod rules {
    use super::{Rule, Severity};

    /// `FIN-NEG-001`: no amount of a financing plan is negative. Internal consistency.
    pub const FUNDING_NEGATIVE_AMOUNT: Rule = Rule {
        id: "FIN-NEG-001",
        severity: Severity::Error,
        title_en: "negative amount in a financing plan",
        title_fi: "negatiivinen summa rahoitussuunnitelmassa",
        title_sv: "negativt belopp i en finansieringsplan",
        source: None,
    };

    /// `FIN-SUM-001`: the funding sources of a column (planned, granted, realised)
    /// add up to no more than the declared total. Internal consistency.
    pub const FUNDING_SOURCES_EXCEED_TOTAL: Rule = Rule {
        id: "FIN-SUM-001",
        severity: Severity::Error,
        title_en: "funding sources exceed the declared total",
        title_fi: "rahoituslähteet ylittävät ilmoitetun kokonaissumman",
        title_sv: "finansieringskällorna överstiger den angivna totalen",
        source: None,
    };

    /// `FIN-SUM-002`: the sources itemise less than the declared total — common in
    /// public descriptions that give only the total and the EU part. Informational.
    pub const FUNDING_SOURCES_PARTIAL: Rule = Rule {
        id: "FIN-SUM-002",
        severity: Severity::Info,
        title_en: "funding sources itemise only part of the total",
        title_fi: "rahoituslähteet kattavat vain osan kokonaissummasta",
        title_sv: "finansieringskällorna specificerar bara en del av totalen",
        source: None,
    };

    /// `FIN-PUB-001`: the public sources (EU, state, municipal, other public) add up
    /// to the declared public total (*julkinen rahoitus yhteensä*) when every public
    /// source is itemised, and never exceed it. Internal consistency.
    pub const FUNDING_PUBLIC_TOTAL_MISMATCH: Rule = Rule {
        id: "FIN-PUB-001",
        severity: Severity::Error,
        title_en: "public sources do not match the declared public total",
        title_fi: "julkiset rahoituslähteet eivät täsmää julkisen rahoituksen summaan",
        title_sv: "de offentliga källorna motsvarar inte den angivna offentliga totalen",
        source: None,
    };

    /// `FIN-PUB-002`: the declared public total is not above the declared total. Internal consistency.
    pub const FUNDING_PUBLIC_ABOVE_TOTAL: Rule = Rule {
        id: "FIN-PUB-002",
        severity: Severity::Error,
        title_en: "declared public total exceeds the declared total",
        title_fi: "julkinen rahoitus ylittää kokonaissumman",
        title_sv: "den angivna offentliga totalen överstiger den angivna totalen",
        source: None,
    };

    /// `FIN-REAL-001`: realised funding above the granted amount. Flagged for a
    /// human: a grant is the maximum a funding decision pays (a warning, since
    /// realised figures may include sources outside the decision).
    pub const FUNDING_REALISED_OVER_GRANTED: Rule = Rule {
        id: "FIN-REAL-001",
        severity: Severity::Warning,
        title_en: "realised funding exceeds the granted amount",
        title_fi: "toteutunut rahoitus ylittää myönnetyn",
        title_sv: "den förverkligade finansieringen överstiger det beviljade beloppet",
        source: None,
    };

    /// `FIN-GRP-001`: in a group project (*ryhmähanke*) the implementers' budgets
    /// together do not exceed the project's, per source and column. Internal consistency.
    pub const GROUP_BUDGETS_EXCEED_PROJECT: Rule = Rule {
        id: "FIN-GRP-001",
        severity: Severity::Error,
        title_en: "implementers' budgets exceed the project's",
        title_fi: "toteuttajien budjetit ylittävät hankkeen budjetin",
        title_sv: "genomförarnas budgetar överstiger projektets",
        source: None,
    };

    /// `FIN-GRP-002`: when every implementer has a budget, their budgets add up
    /// exactly to the project's. Internal consistency.
    pub const GROUP_BUDGETS_DO_NOT_ROLL_UP: Rule = Rule {
        id: "FIN-GRP-002",
        severity: Severity::Error,
        title_en: "implementers' budgets do not add up to the project's",
        title_fi: "toteuttajien budjetit eivät summaudu hankkeen budjetiksi",
        title_sv: "genomförarnas budgetar summerar inte till projektets",
        source: None,
    };

    /// `FIN-GRP-003`: only some implementers of a group project have a budget. Informational.
    pub const GROUP_BUDGETS_PARTIAL: Rule = Rule {
        id: "FIN-GRP-003",
        severity: Severity::Info,
        title_en: "only some implementers have a budget",
        title_fi: "vain osalla toteuttajista on budjetti",
        title_sv: "bara en del av genomförarna har en budget",
        source: None,
    };

    /// `FIN-BAND-001`: the budget band printed on a project page does not contain
    /// the project's known total. Internal consistency.
    pub const BUDGET_OUTSIDE_BAND: Rule = Rule {
        id: "FIN-BAND-001",
        severity: Severity::Warning,
        title_en: "total outside the published budget band",
        title_fi: "kokonaisbudjetti ei ole ilmoitetulla budjettivälillä",
        title_sv: "totalen ligger utanför det publicerade budgetintervallet",
        source: None,
    };

    /// `PRJ-CODE-001`: the project code's series (S2 = ESF 2014–2020, S3 = ESF+
    /// 2021–2027, …) agrees with the programme period and fund the project is
    /// placed in. Source: the EURA code series, RULES.md §4.1–4.2.
    pub const CODE_SERIES_MISMATCH: Rule = Rule {
        id: "PRJ-CODE-001",
        severity: Severity::Error,
        title_en: "project code series does not match the programme or fund",
        title_fi: "hankekoodin sarja ei vastaa ohjelmakautta tai rahastoa",
        title_sv: "projektkodens serie motsvarar inte programmet eller fonden",
        source: Some("EURA code series, RULES.md §4.1 (S1/S2), §4.2 (S3)"),
    };

    /// `PRJ-PLACE-001`: a specific objective the programme does not have (as far as
    /// the embedded catalogue knows). Source: the programme documents, RULES.md §4.
    pub const UNKNOWN_SPECIFIC_OBJECTIVE: Rule = Rule {
        id: "PRJ-PLACE-001",
        severity: Severity::Warning,
        title_en: "specific objective not in the programme catalogue",
        title_fi: "erityistavoite puuttuu ohjelmaluettelosta",
        title_sv: "det specifika målet finns inte i programmets katalog",
        source: Some("programme documents, RULES.md §4.1–4.2"),
    };

    /// `PRJ-PLACE-002`: the specific objective belongs to another priority than
    /// the one the project names. Source: the programme documents, RULES.md §4.
    pub const OBJECTIVE_IN_OTHER_PRIORITY: Rule = Rule {
        id: "PRJ-PLACE-002",
        severity: Severity::Error,
        title_en: "specific objective belongs to another priority",
        title_fi: "erityistavoite kuuluu eri toimintalinjaan",
        title_sv: "det specifika målet hör till ett annat prioriterat område",
        source: Some("programme documents, RULES.md §4.1–4.2"),
    };

    /// `PRJ-PLACE-003`: the priority is funded by another fund than the project's
    /// (e.g. an ESF project under an ERDF axis), or is not in the programme.
    pub const PRIORITY_FUND_MISMATCH: Rule = Rule {
        id: "PRJ-PLACE-003",
        severity: Severity::Error,
        title_en: "priority unknown or of another fund",
        title_fi: "toimintalinja tuntematon tai eri rahaston",
        title_sv: "prioriterat område okänt eller hör till en annan fond",
        source: Some("programme documents, RULES.md §4.1–4.2"),
    };

    /// `PRJ-IMPL-001`: a project has exactly one main implementer (*päätoteuttaja*);
    /// co-implementers and partners come beside it. Source: EURA group-project
    /// practice (rakennerahastot.fi, ryhmähankkeet).
    pub const MAIN_IMPLEMENTER_COUNT: Rule = Rule {
        id: "PRJ-IMPL-001",
        severity: Severity::Error,
        title_en: "more than one main implementer",
        title_fi: "useampi kuin yksi päätoteuttaja",
        title_sv: "fler än en huvudgenomförare",
        source: Some("rakennerahastot.fi: ryhmähankkeen päätoteuttaja ja osatoteuttajat"),
    };

    /// `PRJ-IMPL-002`: no main implementer is recorded (the source did not name one).
    pub const NO_MAIN_IMPLEMENTER: Rule = Rule {
        id: "PRJ-IMPL-002",
        severity: Severity::Info,
        title_en: "no main implementer recorded",
        title_fi: "päätoteuttajaa ei ole kirjattu",
        title_sv: "ingen huvudgenomförare angiven",
        source: None,
    };

    /// `PRJ-FUNDER-001`: the funder key is not in hanke's catalogue (kept as given).
    pub const UNKNOWN_FUNDER: Rule = Rule {
        id: "PRJ-FUNDER-001",
        severity: Severity::Info,
        title_en: "funder not in the catalogue",
        title_fi: "rahoittaja ei ole luettelossa",
        title_sv: "finansiären finns inte i katalogen",
        source: None,
    };

    /// `PRJ-AREA-001`: a region, sub-region or municipality code not in the
    /// regional classification nearest to the project's start.
    pub const UNKNOWN_AREA_CODE: Rule = Rule {
        id: "PRJ-AREA-001",
        severity: Severity::Warning,
        title_en: "area code not in the regional classification",
        title_fi: "aluekoodi puuttuu alueluokituksesta",
        title_sv: "områdeskoden finns inte i den regionala klassificeringen",
        source: Some("Statistics Finland regional classifications"),
    };
    /// `COST-MODEL-001`: the cost model is not one the period's rules provide (e.g.
    /// the 7 % indirect-cost rate of CPR 2021/1060 Art 54(a) in a 2014–2020 project).
    /// Source: the article listed in the period's `hanke::rulebook::Rulebook`.
    pub const COST_MODEL_NOT_ALLOWED: Rule = Rule {
        id: "COST-MODEL-001",
        severity: Severity::Error,
        title_en: "cost model not available in the programme period",
        title_fi: "kustannusmalli ei ole käytössä ohjelmakaudella",
        title_sv: "kostnadsmodellen är inte tillgänglig under programperioden",
        source: Some("Reg. 2021/1060 Art 53–56; Reg. 1303/2013 Art 67–68b"),
    };

    /// `COST-RATE-001`: a flat rate above its ceiling (CPR 2021/1060 Art 54: 7 %, 15 %,
    /// 25 %; Art 55(1): 20 %; Art 56: 40 %; 2014–2020: Art 68a(1) 20 %, the Finnish
    /// ESF flat rate 17 %, Art 14(2) of 1304/2013 40 %).
    pub const COST_RATE_ABOVE_LIMIT: Rule = Rule {
        id: "COST-RATE-001",
        severity: Severity::Error,
        title_en: "flat rate above its legal ceiling",
        title_fi: "flat rate ylittää enimmäismäärän",
        title_sv: "schablonsatsen överstiger sitt lagstadgade tak",
        source: Some("Reg. 2021/1060 Art 54–56; Reg. 1303/2013 Art 68–68b; rakennerahastot.fi"),
    };

    /// `COST-SCO-002`: a 2014–2020 grant whose public support is at most the
    /// threshold of its time uses real costs, where simplified costs were
    /// mandatory: 50 000 € for ESF operations before 2 August 2018 (Reg.
    /// 1304/2013 Art 14(4) as adopted), 100 000 € from 2 August 2019 (Reg.
    /// 1303/2013 Art 67(2a), Omnibus); State aid exempt. See
    /// `hanke::rulebook::mandatory_sco_2014`.
    pub const SIMPLIFIED_COSTS_MANDATORY_2014: Rule = Rule {
        id: "COST-SCO-002",
        severity: Severity::Error,
        title_en: "simplified costs mandatory at low public support (2014–2020)",
        title_fi: "yksinkertaistetut kustannusmallit pakollisia pienellä julkisella tuella (2014–2020)",
        title_sv: "förenklade kostnadsalternativ obligatoriska vid lågt offentligt stöd (2014–2020)",
        source: Some(
            "Reg. 1304/2013 Art 14(4) (to 1.8.2018); Reg. 1303/2013 Art 67(2a) (Omnibus 2018/1046)",
        ),
    };

    /// `COST-SCO-001`: an operation whose total cost is at most 200 000 € uses real
    /// costs in 2021–2027, where the ESF+ contribution must take the form of unit
    /// costs, lump sums or flat rates. Not for State aid. Source: Reg. 2021/1060 Art 53(2).
    pub const SIMPLIFIED_COSTS_MANDATORY: Rule = Rule {
        id: "COST-SCO-001",
        severity: Severity::Error,
        title_en: "simplified costs mandatory at or below 200 000 €",
        title_fi: "yksinkertaistetut kustannusmallit pakollisia enintään 200 000 euron hankkeissa",
        title_sv: "förenklade kostnadsalternativ obligatoriska upp till 200 000 €",
        source: Some("Reg. 2021/1060 Art 53(2)"),
    };

    /// `COFIN-001`: the EU share of a priority's projects together exceeds the
    /// priority's maximum co-financing rate. Applies to a priority of a programme,
    /// never to one project. Source: Reg. 2021/1060 Art 112(3); for 2014–2020 the
    /// programme's own 50 % rate (ESIF finance details, 2014FI16M2OP001).
    pub const COFINANCING_CAP_EXCEEDED: Rule = Rule {
        id: "COFIN-001",
        severity: Severity::Error,
        title_en: "priority's EU share above its co-financing rate",
        title_fi: "toimintalinjan EU-osuus ylittää osarahoitusasteen",
        title_sv: "det prioriterade områdets EU-andel överstiger medfinansieringsgraden",
        source: Some("Reg. 2021/1060 Art 112(3); 2014FI16M2OP001 financing plan"),
    };

    /// `FIN-DEC-001`: a financing plan's EU and state funding exceeds the grant of
    /// its funding decision (*tukipäätös*): the grant is the maximum the decision pays.
    pub const DECISION_GRANT_EXCEEDED: Rule = Rule {
        id: "FIN-DEC-001",
        severity: Severity::Error,
        title_en: "EU and state funding above the decision's grant",
        title_fi: "EU- ja valtion rahoitus ylittää tukipäätöksen",
        title_sv: "EU- och statlig finansiering överstiger beslutets stöd",
        source: Some("the project's funding decision (tukipäätös)"),
    };

    /// `FIN-DEC-002`: a financing plan's EU and state share of its total exceeds the
    /// support rate (*tukiprosentti*) of its funding decision.
    pub const DECISION_RATE_EXCEEDED: Rule = Rule {
        id: "FIN-DEC-002",
        severity: Severity::Error,
        title_en: "EU and state share above the decision's support rate",
        title_fi: "EU- ja valtion osuus ylittää tukiprosentin",
        title_sv: "EU- och statsandelen överstiger beslutets stödandel",
        source: Some("the project's funding decision (tukipäätös)"),
    };

    /// `FIN-DEC-003`: the support rate of a funding decision could not be checked
    /// at a stage, because the financing plan gives no total for it (its sources
    /// itemise only part of the stage, and no total is declared). Said rather
    /// than checked against a part of the sources taken for the whole.
    pub const DECISION_RATE_UNCHECKED: Rule = Rule {
        id: "FIN-DEC-003",
        severity: Severity::Info,
        title_en: "support rate not checked: no total for the stage",
        title_fi: "tukiprosenttia ei tarkistettu: vaiheella ei ole kokonaissummaa",
        title_sv: "stödandelen inte kontrollerad: skedet har ingen total",
        source: Some("the project's funding decision (tukipäätös)"),
    };

    /// `COST-HOURS-001`: hours declared for a person in a year above the hours the
    /// hourly rate was computed on (1 720 or its pro rata). Source: Reg. 1303/2013
    /// Art 68a(3); Reg. 2021/1060 Art 55.
    pub const HOURS_ABOVE_RATE_BASIS: Rule = Rule {
        id: "COST-HOURS-001",
        severity: Severity::Error,
        title_en: "declared hours above the hourly rate's basis",
        title_fi: "ilmoitetut tunnit ylittävät tuntihinnan laskentaperusteen",
        title_sv: "anmälda timmar överstiger timprisets beräkningsgrund",
        source: Some("Reg. 1303/2013 Art 68a(3); Reg. 2021/1060 Art 55"),
    };

    /// `COFIN-002`: a project of the portfolio could not be aggregated (no priority,
    /// or no itemised EU and public funding). Informational.
    pub const COFINANCING_NOT_AGGREGATED: Rule = Rule {
        id: "COFIN-002",
        severity: Severity::Info,
        title_en: "project not included in the co-financing aggregate",
        title_fi: "hanke ei ole mukana osarahoituksen laskennassa",
        title_sv: "projektet ingår inte i medfinansieringssammanställningen",
        source: None,
    };
    /// `PART-DATE-001`: a participant's exit date is before the entry date.
    /// Internal consistency.
    pub const PARTICIPANT_EXIT_BEFORE_ENTRY: Rule = Rule {
        id: "PART-DATE-001",
        severity: Severity::Error,
        title_en: "exit before entry",
        title_fi: "lopetuspäivä ennen aloituspäivää",
        title_sv: "avslut före start",
        source: None,
    };

    /// `PART-DATE-002`: a participant's birth date is not before the entry date.
    /// Internal consistency.
    pub const PARTICIPANT_BORN_AFTER_ENTRY: Rule = Rule {
        id: "PART-DATE-002",
        severity: Severity::Error,
        title_en: "birth date not before entry",
        title_fi: "syntymäaika ei ole ennen aloituspäivää",
        title_sv: "födelsedatum inte före start",
        source: None,
    };

    /// `PART-DATE-003`: unemployment began after the entry date. Internal consistency.
    pub const PARTICIPANT_UNEMPLOYED_AFTER_ENTRY: Rule = Rule {
        id: "PART-DATE-003",
        severity: Severity::Error,
        title_en: "unemployment begins after entry",
        title_fi: "työttömyys alkaa aloituspäivän jälkeen",
        title_sv: "arbetslösheten börjar efter start",
        source: None,
    };

    /// `PART-DATE-004`: the follow-up is dated before the exit. Internal consistency.
    pub const PARTICIPANT_FOLLOW_UP_BEFORE_EXIT: Rule = Rule {
        id: "PART-DATE-004",
        severity: Severity::Error,
        title_en: "follow-up before exit",
        title_fi: "seuranta ennen lopetusta",
        title_sv: "uppföljning före avslut",
        source: None,
    };

    /// `PART-GENDER-001`: a gender category the period does not break data down by
    /// (non-binary before 2021). Source: Reg. 1304/2013 Annex I (women, men);
    /// Reg. 2021/1057 Annex I (women, men, non-binary).
    pub const PARTICIPANT_GENDER_NOT_IN_PERIOD: Rule = Rule {
        id: "PART-GENDER-001",
        severity: Severity::Error,
        title_en: "gender category not used in the programme period",
        title_fi: "sukupuoliluokkaa ei käytetä ohjelmakaudella",
        title_sv: "könskategorin används inte under programperioden",
        source: Some("Reg. 1304/2013 Annex I; Reg. 2021/1057 Annex I"),
    };

    /// `PART-HETU-001`: the recorded birth date differs from the one the identity
    /// code carries. Internal consistency.
    pub const PARTICIPANT_BIRTH_DATE_MISMATCH: Rule = Rule {
        id: "PART-HETU-001",
        severity: Severity::Error,
        title_en: "birth date differs from the identity code",
        title_fi: "syntymäaika poikkeaa henkilötunnuksesta",
        title_sv: "födelsedatum avviker från personbeteckningen",
        source: None,
    };

    /// `PART-COMP-001`: a participant record lacks data the period requires. In
    /// 2014–2020 it counts only in the grand total (SFC 2014 "rpobli" FAQ); in
    /// 2021–2027 its indicator data are not transmitted (Reg. 2021/1057 Art 17(5)).
    pub const PARTICIPANT_INCOMPLETE: Rule = Rule {
        id: "PART-COMP-001",
        severity: Severity::Warning,
        title_en: "participant record incomplete",
        title_fi: "osallistujatiedot puutteelliset",
        title_sv: "deltagarens uppgifter är ofullständiga",
        source: Some(
            "SFC 2014 FAQ (sfc.ec.europa.eu/en/2014/support-ms/rpobli); Reg. 2021/1057 Art 17(5)",
        ),
    };

    /// `PART-EXIT-001`: an exit without the situation on leaving. Source: Häme ELY
    /// notice on ESR Henkilö entries — an exit form must always be collected, and a
    /// failure documented (RULES.md §7).
    pub const PARTICIPANT_EXIT_WITHOUT_SITUATION: Rule = Rule {
        id: "PART-EXIT-001",
        severity: Severity::Warning,
        title_en: "exit without the situation on leaving",
        title_fi: "lopetustiedoista puuttuu tilanne",
        title_sv: "avslut utan situation vid avslut",
        source: Some("Häme ELY notice on ESR Henkilö entries (rakennerahastot.fi)"),
    };

    /// `PART-FOLLOW-001`: an improved labour-market situation recorded for a person
    /// not employed at entry; the indicator applies only to people employed at
    /// entry. Source: SFC 2014 FAQ on "improved labour market situation".
    pub const PARTICIPANT_IMPROVEMENT_NOT_APPLICABLE: Rule = Rule {
        id: "PART-FOLLOW-001",
        severity: Severity::Error,
        title_en: "improved situation recorded for a person not employed at entry",
        title_fi: "parantunut tilanne kirjattu henkilölle, joka ei ollut työllinen aloittaessa",
        title_sv: "förbättrad situation registrerad för en person som inte var sysselsatt vid start",
        source: Some("SFC 2014 FAQ (sfc.ec.europa.eu/en/2014/support-ms/part)"),
    };

    /// `PART-FOLLOW-002`: a follow-up dated outside the window around six
    /// months after exit (`hanke::rulebook::ParticipantRules::follow_up_window`);
    /// the longer-term results do not count it. Source: Reg. 1304/2013 Annex I
    /// point 4 and Reg. 2021/1057 Annex I point 4 ("six months after leaving");
    /// the tolerance is hanke's interpretation (ADR 0019).
    pub const PARTICIPANT_FOLLOW_UP_OUTSIDE_WINDOW: Rule = Rule {
        id: "PART-FOLLOW-002",
        severity: Severity::Error,
        title_en: "follow-up not six months after exit; not counted",
        title_fi: "seuranta ei ole kuuden kuukauden kohdalla lopetuksesta; ei lasketa",
        title_sv: "uppföljningen ligger inte sex månader efter avslut; räknas inte",
        source: Some(
            "Reg. 1304/2013 Annex I point 4; Reg. 2021/1057 Annex I point 4; window: ADR 0019 (interpretation)",
        ),
    };

    /// `PART-FOLLOW-003`: follow-up data on a record with no exit. Longer-term
    /// results are measured six months after *leaving*, so a follow-up needs an
    /// exit (Reg. 1304/2013 Annex I; Reg. 2021/1057 Annex I); it is not counted.
    pub const PARTICIPANT_FOLLOW_UP_WITHOUT_EXIT: Rule = Rule {
        id: "PART-FOLLOW-003",
        severity: Severity::Error,
        title_en: "follow-up without an exit",
        title_fi: "seurantatieto ilman lopetusta",
        title_sv: "uppföljning utan avslut",
        source: Some("Reg. 1304/2013 Annex I; Reg. 2021/1057 Annex I"),
    };

    /// `PART-PLAUS-001`: an age at entry above 122 years — older than anyone
    /// whose age has been verified (Jeanne Calment, 122 years; Guinness World
    /// Records) — so the birth date is wrong (a typo in the year: 1065 for
    /// 1965). The record still counts in its age group; the finding says the
    /// figure cannot be trusted until it is corrected.
    pub const PARTICIPANT_AGE_IMPOSSIBLE: Rule = Rule {
        id: "PART-PLAUS-001",
        severity: Severity::Error,
        title_en: "age at entry impossible (over 122)",
        title_fi: "ikä aloittaessa mahdoton (yli 122)",
        title_sv: "ålder vid start omöjlig (över 122)",
        source: Some(
            "stated reason: the oldest verified human age, 122 years (Guinness World Records)",
        ),
    };

    /// `PART-PLAUS-002`: an age at entry of 100 to 122 years: possible, but in
    /// an employment or inclusion project more likely a typo in the birth year.
    pub const PARTICIPANT_AGE_IMPLAUSIBLE: Rule = Rule {
        id: "PART-PLAUS-002",
        severity: Severity::Warning,
        title_en: "age at entry implausible (100 or over)",
        title_fi: "ikä aloittaessa epäuskottava (100 tai yli)",
        title_sv: "ålder vid start osannolik (100 eller över)",
        source: Some(
            "stated reason: centenarians in an employment or inclusion project are rare enough to check",
        ),
    };

    /// `PART-PLAUS-003`: an entry or exit dated outside the eligibility window
    /// of the period's funds (Reg. 1303/2013 Art 65(2): 1.1.2014–31.12.2023;
    /// Reg. 2021/1060 Art 63(2): 1.1.2021–31.12.2029): not eligible, or a typo in
    /// the year (1916 for 2016).
    pub const PARTICIPANT_DATE_OUTSIDE_PERIOD: Rule = Rule {
        id: "PART-PLAUS-003",
        severity: Severity::Error,
        title_en: "entry or exit outside the period's eligibility window",
        title_fi: "aloitus tai lopetus kauden tukikelpoisuusajan ulkopuolella",
        title_sv: "start eller avslut utanför periodens stödberättigande tid",
        source: Some("Reg. (EU) 1303/2013 Art 65(2); Reg. (EU) 2021/1060 Art 63(2)"),
    };

    /// `PART-PLAUS-004`: unemployment recorded as beginning before the person
    /// was born. Internal consistency.
    pub const PARTICIPANT_UNEMPLOYED_BEFORE_BIRTH: Rule = Rule {
        id: "PART-PLAUS-004",
        severity: Severity::Error,
        title_en: "unemployment begins before birth",
        title_fi: "työttömyys alkaa ennen syntymää",
        title_sv: "arbetslösheten börjar före födseln",
        source: None,
    };

    /// `PART-PLAUS-005`: a municipality code (three digits, as the format
    /// asks) that is no municipality in any of Statistics Finland's
    /// municipality classifications hanke carries (2020, 2024–2026): `000`, a
    /// typo, or a municipality merged away before 2020. The record is read
    /// and counted; its region cannot be told.
    pub const PARTICIPANT_MUNICIPALITY_UNKNOWN: Rule = Rule {
        id: "PART-PLAUS-005",
        severity: Severity::Warning,
        title_en: "municipality code not in the classification",
        title_fi: "kuntakoodi ei ole luokituksessa",
        title_sv: "kommunkoden finns inte i klassificeringen",
        source: Some("Statistics Finland, municipality classification (Kunnat) 2020, 2024–2026"),
    };

    /// `PART-DUP-001`: records of one person merged into one participant (first
    /// entry, last exit). Source: SFC 2014 FAQ (a person is counted once per
    /// operation); TEM ESR Henkilö instructions (RULES.md §1.1).
    pub const PARTICIPANT_DUPLICATES_MERGED: Rule = Rule {
        id: "PART-DUP-001",
        severity: Severity::Info,
        title_en: "records of one person merged",
        title_fi: "saman henkilön tiedot yhdistetty",
        title_sv: "samma persons poster sammanslagna",
        source: Some(
            "SFC 2014 FAQ (sfc.ec.europa.eu/en/2014/support-ms/part); TEM ESR Henkilö instructions",
        ),
    };

    /// `PART-DUP-002`: records merged as one person disagree on birth date or
    /// gender. Internal consistency.
    pub const PARTICIPANT_DUPLICATES_DISAGREE: Rule = Rule {
        id: "PART-DUP-002",
        severity: Severity::Warning,
        title_en: "merged records disagree",
        title_fi: "yhdistetyt tiedot ovat ristiriitaiset",
        title_sv: "sammanslagna poster stämmer inte överens",
        source: None,
    };

    /// `PART-DUP-003`: one participant id on several records that are not one
    /// person's by identity code or pseudonym, so that they stay apart and are
    /// **counted as several participants**. An id names one record — the path
    /// `participants[P1]` of a finding, a line of a report — and a list that
    /// repeats an id is most often one person's participations exported row by
    /// row, which then count twice. Said, not merged: hanke merges by identity
    /// code or pseudonym only (a person is counted once per operation: SFC 2014
    /// FAQ; RULES.md §1.1). hanke's own check.
    pub const PARTICIPANT_ID_REPEATED: Rule = Rule {
        id: "PART-DUP-003",
        severity: Severity::Warning,
        title_en: "one id on several records",
        title_fi: "sama tunnus usealla tietueella",
        title_sv: "samma kod på flera poster",
        source: Some("SFC 2014 FAQ (once per operation); RULES.md §1.1"),
    };

    /// `PART-EVENT-001`: a post-exit event outside the reference period, not used
    /// for the result upon leaving. Source: SFC 2021 FAQ on the reference period
    /// (4 weeks, last event counts).
    pub const PARTICIPANT_EVENT_OUTSIDE_REFERENCE: Rule = Rule {
        id: "PART-EVENT-001",
        severity: Severity::Info,
        title_en: "event outside the reference period of immediate results",
        title_fi: "tapahtuma välittömien tulosten viiteajan ulkopuolella",
        title_sv: "händelse utanför referensperioden för omedelbara resultat",
        source: Some(
            "SFC 2021 FAQ (sfc.ec.europa.eu/en/bezugszeitraum-fur-indikatoren-fur-unmittelbare-ergebnisse)",
        ),
    };

    /// `ACT-HEAD-001`: a head count's breakdown adds up to more than the people
    /// present. hanke's own consistency check (a breakdown is a part of the whole).
    pub const ACTIVITY_BREAKDOWN_ABOVE_TOTAL: Rule = Rule {
        id: "ACT-HEAD-001",
        severity: Severity::Error,
        title_en: "attendance breakdown above the head count",
        title_fi: "osallistujaerittely suurempi kuin osallistujamäärä",
        title_sv: "fördelningen av närvarande överstiger antalet närvarande",
        source: None,
    };

    /// `ACT-NAMED-001`: a participant listed more than once in one activity's
    /// named attendance. Counted once (as `hanke::activity::Activity::record_attendance`
    /// records a person once); the finding says so. hanke's own consistency check.
    pub const ACTIVITY_NAMED_TWICE: Rule = Rule {
        id: "ACT-NAMED-001",
        severity: Severity::Warning,
        title_en: "participant listed twice at one activity",
        title_fi: "osallistuja merkitty kahdesti samaan toimintoon",
        title_sv: "deltagare antecknad två gånger vid samma aktivitet",
        source: None,
    };

    /// `ACT-HEAD-002`: the attendances of a log add up past the largest count
    /// hanke holds (2⁶⁴ − 1): the head counts are wrong. The figure is not
    /// computed (`hanke::activity::Figure::Overflow`), never wrapped around.
    pub const ACTIVITY_COUNT_OVERFLOW: Rule = Rule {
        id: "ACT-HEAD-002",
        severity: Severity::Error,
        title_en: "attendances add up past the largest count",
        title_fi: "osallistumiskertojen summa ylittää suurimman luvun",
        title_sv: "deltagandena summerar över det största talet",
        source: None,
    };

    /// `ACT-FEED-001`: feedback of one kind of activity on different scales,
    /// which cannot be averaged. hanke's own consistency check.
    pub const ACTIVITY_FEEDBACK_SCALES_MIXED: Rule = Rule {
        id: "ACT-FEED-001",
        severity: Severity::Warning,
        title_en: "feedback scales mixed",
        title_fi: "palauteasteikot sekaisin",
        title_sv: "responsskalor blandade",
        source: None,
    };

    /// `IND-INC-001`: records left out of the common indicators as incomplete
    /// (2014–2020: counted only in the grand total; 2021–2027: not transmitted).
    /// Source: SFC 2014 FAQ (sfc.ec.europa.eu/en/2014/support-ms/rpobli); Reg.
    /// 2021/1057 Art 17(5).
    pub const INDICATOR_INCOMPLETE_RECORDS: Rule = Rule {
        id: "IND-INC-001",
        severity: Severity::Warning,
        title_en: "incomplete records left out of the indicators",
        title_fi: "puutteelliset tiedot jätetty indikaattoreiden ulkopuolelle",
        title_sv: "ofullständiga poster utelämnade ur indikatorerna",
        source: Some("SFC 2014 FAQ rpobli; Reg. 2021/1057 Art 17(5)"),
    };

    /// `IND-TGT-001`: a project indicator behind the milestone due by the cut-off.
    /// Source: Reg. 2021/1057 Art 17(3) (cumulative milestones and targets).
    pub const INDICATOR_BEHIND_MILESTONE: Rule = Rule {
        id: "IND-TGT-001",
        severity: Severity::Info,
        title_en: "project indicator behind its milestone",
        title_fi: "hankekohtainen indikaattori jäljessä välitavoitteesta",
        title_sv: "projektindikatorn ligger efter sitt delmål",
        source: Some("Reg. 2021/1057 Art 17(3)"),
    };

    /// `PUB-SMALL-001`: counts of fewer people than the publication's
    /// threshold (default 10) are not shown in aggregates meant for
    /// publication, and a second cell is hidden where the total would give a
    /// lone hidden one away ([`crate::disclosure`]). Source: Kykyviisari
    /// practice — sub-groups with fewer than 10 respondents are not reported
    /// (vates.fi PARTY project page; tyoelamatieto.fi; RULES.md §7).
    pub const SMALL_NUMBERS_SUPPRESSED: Rule = Rule {
        id: "PUB-SMALL-001",
        severity: Severity::Info,
        title_en: "small counts suppressed in a publication",
        title_fi: "pienet luvut salattu julkaisussa",
        title_sv: "små tal dolda i en publikation",
        source: Some(
            "Kykyviisari practice: sub-groups under 10 respondents not reported (vates.fi PARTY; tyoelamatieto.fi)",
        ),
    };

    /// `DQ-DATE-001`: a participant's entry outside the project's period. A
    /// participant benefits from the operation (Reg. 1304/2013 Annex I,
    /// RULES.md §1.1 \[V\]); costs and activities belong to the period.
    pub const QUALITY_ENTRY_OUTSIDE_PERIOD: Rule = Rule {
        id: "DQ-DATE-001",
        severity: Severity::Warning,
        title_en: "entry outside the project period",
        title_fi: "aloitus hankkeen toteutusajan ulkopuolella",
        title_sv: "start utanför projektets genomförandetid",
        source: Some("Reg. 1304/2013 Annex I (participants of the operation); RULES.md §1.1"),
    };

    /// `DQ-DATE-002`: a participant's exit outside the project's period.
    pub const QUALITY_EXIT_OUTSIDE_PERIOD: Rule = Rule {
        id: "DQ-DATE-002",
        severity: Severity::Warning,
        title_en: "exit outside the project period",
        title_fi: "lopetus hankkeen toteutusajan ulkopuolella",
        title_sv: "avslut utanför projektets genomförandetid",
        source: Some("Reg. 1304/2013 Annex I (participants of the operation); RULES.md §1.1"),
    };

    /// `DQ-DATE-003`: an exit or a follow-up event dated after the report's
    /// cut-off (a record entered after it is simply not counted yet).
    pub const QUALITY_DATE_AFTER_CUT_OFF: Rule = Rule {
        id: "DQ-DATE-003",
        severity: Severity::Error,
        title_en: "date after the report's cut-off",
        title_fi: "päivämäärä raportin rajapäivän jälkeen",
        title_sv: "datum efter rapportens brytdag",
        source: None,
    };

    /// `DQ-EXIT-001`: no exit form though the project ended (beyond a grace
    /// period). Source: an exit form must always be collected and a failure to
    /// collect it documented — Häme ELY notice on erroneous ESR Henkilö
    /// entries, rakennerahastot.fi (RULES.md §7 \[V\]).
    pub const QUALITY_EXIT_MISSING: Rule = Rule {
        id: "DQ-EXIT-001",
        severity: Severity::Error,
        title_en: "exit form missing after the project ended",
        title_fi: "lopetustiedot puuttuvat hankkeen päätyttyä",
        title_sv: "slutuppgifter saknas fast projektet har avslutats",
        source: Some("Häme ELY notice on ESR Henkilö entries (rakennerahastot.fi); RULES.md §7"),
    };

    /// `DQ-PART-001`: two records of one person (same identity code or
    /// pseudonym) whose participations overlap. Source: a person is counted
    /// once per operation and a re-entry updates the record (SFC 2014 FAQ;
    /// TEM ESR Henkilö guidance, RULES.md §1.1 \[V\]).
    pub const QUALITY_PARTICIPATIONS_OVERLAP: Rule = Rule {
        id: "DQ-PART-001",
        severity: Severity::Warning,
        title_en: "the same person's participations overlap",
        title_fi: "saman henkilön osallistumiset menevät päällekkäin",
        title_sv: "samma persons deltaganden överlappar",
        source: Some("SFC 2014 FAQ (once per operation); TEM ESR Henkilö guidance; RULES.md §1.1"),
    };

    /// `DQ-EVENT-001`: a participant recorded only at information or public
    /// events. Source: people attending information events are not
    /// participants (rakennerahastot.fi, RULES.md §1.1 \[V\]); start forms are
    /// only for actions meant to change the person's situation (Häme ELY
    /// notice, RULES.md §7 \[V\]).
    pub const QUALITY_ONLY_AT_EVENTS: Rule = Rule {
        id: "DQ-EVENT-001",
        severity: Severity::Warning,
        title_en: "participant only at information or public events",
        title_fi: "osallistuja vain info- tai yleisötilaisuuksissa",
        title_sv: "deltagare endast vid informations- eller publikevenemang",
        source: Some(
            "rakennerahastot.fi (who is a participant); Häme ELY notice; RULES.md §1.1, §7",
        ),
    };

    /// `DQ-TGT-001`: a participant outside every primary target group the
    /// plan gives in checkable form (age and labour-market status at entry).
    /// Source: participants must belong to the target groups named in the
    /// project plan — Häme ELY notice on erroneous ESR Henkilö entries,
    /// rakennerahastot.fi (RULES.md §7 \[V\]).
    pub const QUALITY_OUTSIDE_TARGET_GROUPS: Rule = Rule {
        id: "DQ-TGT-001",
        severity: Severity::Warning,
        title_en: "participant outside the planned target groups",
        title_fi: "osallistuja suunniteltujen kohderyhmien ulkopuolella",
        title_sv: "deltagare utanför projektplanens målgrupper",
        source: Some("Häme ELY notice on ESR Henkilö entries (rakennerahastot.fi); RULES.md §7"),
    };

    /// `DQ-IND-001`: a project indicator's actual value more than a factor
    /// (default 3) times its target — a flag to check the unit and the
    /// counting, not an error. hanke's own plausibility check.
    pub const QUALITY_INDICATOR_IMPLAUSIBLE: Rule = Rule {
        id: "DQ-IND-001",
        severity: Severity::Info,
        title_en: "indicator far past its target",
        title_fi: "indikaattorin toteuma moninkertainen tavoitteeseen nähden",
        title_sv: "indikatorns utfall långt över målet",
        source: None,
    };

    /// `EURA-DESC-001`: an EURA description that lacks sections of the form (a copy cut off part-way, as the stored public pages are). The form has sections 1–9. Source: EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu).
    pub const EURA_DESCRIPTION_INCOMPLETE: Rule = Rule {
        id: "EURA-DESC-001",
        severity: Severity::Warning,
        title_en: "description incomplete",
        title_fi: "hankekuvaus vajaa",
        title_sv: "beskrivningen är ofullständig",
        source: Some(
            "EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu)",
        ),
    };

    /// `EURA-DESC-002`: a printed priority axis that matches no priority of the 2014–2020 programme catalogue, by number or name (RULES.md §4.1). Source: EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu).
    pub const EURA_PRIORITY_UNKNOWN: Rule = Rule {
        id: "EURA-DESC-002",
        severity: Severity::Warning,
        title_en: "priority axis not in the catalogue",
        title_fi: "toimintalinja puuttuu luettelosta",
        title_sv: "prioriterat område finns inte i katalogen",
        source: Some(
            "EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu)",
        ),
    };

    /// `EURA-DESC-003`: a printed specific objective that matches no objective of the 2014–2020 catalogue (RULES.md §4.1). Source: EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu).
    pub const EURA_OBJECTIVE_UNKNOWN: Rule = Rule {
        id: "EURA-DESC-003",
        severity: Severity::Warning,
        title_en: "specific objective not in the catalogue",
        title_fi: "erityistavoite puuttuu luettelosta",
        title_sv: "det specifika målet finns inte i katalogen",
        source: Some(
            "EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu)",
        ),
    };

    /// `EURA-DESC-004`: a labelled value of an EURA page that cannot be read (a date, amount, business ID, project code, count, score or yes/no answer); the message keeps the text, except for contact data. Source: EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu).
    pub const EURA_VALUE_UNREADABLE: Rule = Rule {
        id: "EURA-DESC-004",
        severity: Severity::Warning,
        title_en: "value cannot be read",
        title_fi: "arvoa ei voi lukea",
        title_sv: "värdet kan inte läsas",
        source: Some(
            "EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu)",
        ),
    };

    /// `EURA-DESC-005`: a line of an EURA page that is not a label, heading or text the form has there; reported so that nothing is dropped silently. Source: EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu).
    pub const EURA_LINE_UNRECOGNISED: Rule = Rule {
        id: "EURA-DESC-005",
        severity: Severity::Info,
        title_en: "line not recognised",
        title_fi: "tunnistamaton rivi",
        title_sv: "raden känns inte igen",
        source: Some(
            "EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu)",
        ),
    };

    /// `EURA-DESC-006`: a region, sub-region or municipality name that Statistics Finland's regional classification of the project's years does not have. Source: EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu).
    pub const EURA_AREA_UNKNOWN: Rule = Rule {
        id: "EURA-DESC-006",
        severity: Severity::Warning,
        title_en: "area name not in the classification",
        title_fi: "aluetta ei ole luokituksessa",
        title_sv: "områdesnamnet finns inte i klassificeringen",
        source: Some(
            "EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu)",
        ),
    };

    /// `EURA-DESC-007`: a responsible authority that is not one hanke knows (RULES.md §4.1); the name is kept in the message. Source: EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu).
    pub const EURA_AUTHORITY_UNKNOWN: Rule = Rule {
        id: "EURA-DESC-007",
        severity: Severity::Info,
        title_en: "responsible authority not known",
        title_fi: "vastuuviranomainen ei tunnettu",
        title_sv: "ansvarig myndighet okänd",
        source: Some(
            "EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu)",
        ),
    };

    /// `EURA-DESC-008`: a priority or specific objective read by its number whose printed name is neither the catalogue's nor a variant EURA is known to print. Source: EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu).
    pub const EURA_NAME_DIFFERS: Rule = Rule {
        id: "EURA-DESC-008",
        severity: Severity::Info,
        title_en: "printed name differs from the catalogue",
        title_fi: "nimi poikkeaa luettelosta",
        title_sv: "det tryckta namnet avviker från katalogen",
        source: Some(
            "EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu)",
        ),
    };

    /// `EURA-DESC-009`: a label or a section that appears twice on one page; the first value of a label is kept. Source: EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu).
    pub const EURA_LABEL_REPEATED: Rule = Rule {
        id: "EURA-DESC-009",
        severity: Severity::Warning,
        title_en: "label or section repeated",
        title_fi: "otsikko toistuu",
        title_sv: "etikett eller avsnitt upprepas",
        source: Some(
            "EURA 2014 public project description (eura2014.fi/rrtiepa/projekti.php, TEM Rakennerahastotietopalvelu)",
        ),
    };

    /// `EURA-LIST-001`: a project-list row whose values are in the wrong columns (a date in a money column, money in a date column, part of a name in the authority column, or a field count that no unambiguous reading explains); rejected rather than guessed. Source: EURA 2014 project list (rakennerahastot.fi "rahoitetut hankkeet" export).
    pub const EURA_LIST_SHIFTED_COLUMNS: Rule = Rule {
        id: "EURA-LIST-001",
        severity: Severity::Error,
        title_en: "shifted columns",
        title_fi: "sarakkeet siirtyneet",
        title_sv: "förskjutna kolumner",
        source: Some("EURA 2014 project list (rakennerahastot.fi \"rahoitetut hankkeet\" export)"),
    };

    /// `EURA-LIST-002`: a project-list row with more fields than the header because a name contained unquoted commas, read because exactly one way of joining the fields gives valid values everywhere. Source: EURA 2014 project list (rakennerahastot.fi "rahoitetut hankkeet" export).
    pub const EURA_LIST_REALIGNED: Rule = Rule {
        id: "EURA-LIST-002",
        severity: Severity::Info,
        title_en: "row read despite unquoted commas",
        title_fi: "rivi luettu lainausmerkittömistä pilkuista huolimatta",
        title_sv: "raden läst trots kommatecken utan citattecken",
        source: Some("EURA 2014 project list (rakennerahastot.fi \"rahoitetut hankkeet\" export)"),
    };

    /// `EURA-LIST-003`: a project-list row that the raw export wrapped in quotes
    /// as a whole line (`"S20774,ESR,…,0,,";`), doubling the quotes inside it;
    /// read unwrapped, with what it read in the report. Source: EURA 2014
    /// project list (the os-data/eu-structural-funds copy of the rakennerahastot.fi
    /// export, rows S20774, A70160, A70617 and others).
    pub const EURA_LIST_UNWRAPPED: Rule = Rule {
        id: "EURA-LIST-003",
        severity: Severity::Info,
        title_en: "row quoted as a whole line, read unwrapped",
        title_fi: "kokonaan lainausmerkeissä oleva rivi luettu ilman niitä",
        title_sv: "rad citerad som helhet, läst utan citattecknen",
        source: Some("EURA 2014 project list (rakennerahastot.fi \"rahoitetut hankkeet\" export)"),
    };

    /// `EURA-LIST-004`: a project code on a second row of the list. A code is
    /// one project (*hankekoodi*, given once by EURA 2014), so the rows
    /// disagree or repeat each other; both are read and **both are counted**
    /// in the portfolio's sums — the finding names the earlier line, for the
    /// user to say which is current. Source: EURA 2014 project list
    /// (rakennerahastot.fi "rahoitetut hankkeet" export); hanke's own check.
    pub const EURA_LIST_DUPLICATE_CODE: Rule = Rule {
        id: "EURA-LIST-004",
        severity: Severity::Warning,
        title_en: "project code on two rows",
        title_fi: "hankekoodi kahdella rivillä",
        title_sv: "projektkoden på två rader",
        source: Some("EURA 2014 project list (rakennerahastot.fi \"rahoitetut hankkeet\" export)"),
    };

    /// `EURA-LIST-005`: a negative amount in a money column of the list (the
    /// real export has three: realised public funding of A70258, A70262 and
    /// A70277, −744 €, −5 341 € and −5 913 €, beside positive realised EU and
    /// state funding). Read and summed as given — a correction in the source
    /// is possible — and said, so that a total is not trusted unseen. Source:
    /// EURA 2014 project list (rakennerahastot.fi "rahoitetut hankkeet"
    /// export); hanke's own check.
    pub const EURA_LIST_NEGATIVE_AMOUNT: Rule = Rule {
        id: "EURA-LIST-005",
        severity: Severity::Warning,
        title_en: "negative amount",
        title_fi: "negatiivinen summa",
        title_sv: "negativt belopp",
        source: Some("EURA 2014 project list (rakennerahastot.fi \"rahoitetut hankkeet\" export)"),
    };

    /// `EURA-LIST-006`: a row whose end date (*Päättymispvm*) is before its
    /// start date (*Aloituspvm*). The dates are kept as written; the row's
    /// project (`ProjectListRow::to_project` in `hanke`) has no period, as
    /// no period ends before it starts. Source: EURA 2014 project list
    /// (rakennerahastot.fi "rahoitetut hankkeet" export); hanke's own check.
    pub const EURA_LIST_END_BEFORE_START: Rule = Rule {
        id: "EURA-LIST-006",
        severity: Severity::Warning,
        title_en: "end date before start date",
        title_fi: "päättymispäivä ennen aloituspäivää",
        title_sv: "slutdatum före startdatum",
        source: Some("EURA 2014 project list (rakennerahastot.fi \"rahoitetut hankkeet\" export)"),
    };

    /// `QST-UNK-001`: an answer to a question the questionnaire does not have
    /// (its data would be lost). hanke's own consistency check.
    pub const QUESTIONNAIRE_UNKNOWN_QUESTION: Rule = Rule {
        id: "QST-UNK-001",
        severity: Severity::Error,
        title_en: "answer to an unknown question",
        title_fi: "vastaus tuntemattomaan kysymykseen",
        title_sv: "svar på en okänd fråga",
        source: None,
    };

    /// `QST-REQ-001`: a question required for a complete participant record left
    /// unanswered. Source: the period's completeness rule (2014–2020: SFC 2014 FAQ;
    /// 2021–2027: Reg. 2021/1057 Art 17(5)), RULES.md §1.4, §2.3.
    pub const QUESTIONNAIRE_REQUIRED_UNANSWERED: Rule = Rule {
        id: "QST-REQ-001",
        severity: Severity::Error,
        title_en: "required question unanswered",
        title_fi: "pakolliseen kysymykseen ei ole vastattu",
        title_sv: "obligatorisk fråga obesvarad",
        source: Some("SFC 2014 FAQ; Reg. 2021/1057 Art 17(5)"),
    };

    /// `QST-REC-001`: the record an answer belongs to cannot be read or written.
    /// hanke's own consistency check.
    pub const QUESTIONNAIRE_RECORD_UNREADABLE: Rule = Rule {
        id: "QST-REC-001",
        severity: Severity::Error,
        title_en: "record cannot be read",
        title_fi: "tietuetta ei voi lukea",
        title_sv: "posten kan inte läsas",
        source: None,
    };

    /// `QST-VER-001`: an answer given under an earlier edition of the period's
    /// form, re-validated under the current one: the finding names both
    /// editions and what changed between them (issue 26; ADR 0022). hanke's
    /// own record of its form editions.
    pub const QUESTIONNAIRE_EARLIER_EDITION: Rule = Rule {
        id: "QST-VER-001",
        severity: Severity::Info,
        title_en: "answered under an earlier form edition",
        title_fi: "vastattu lomakkeen aiemmalla versiolla",
        title_sv: "besvarad med en tidigare version av formuläret",
        source: None,
    };

    /// `QST-VER-002`: an answer that names a form edition this library does not
    /// know (a newer app, or a damaged record): validated under the current
    /// edition, which may not be the one it was given under.
    pub const QUESTIONNAIRE_UNKNOWN_EDITION: Rule = Rule {
        id: "QST-VER-002",
        severity: Severity::Warning,
        title_en: "answered under an unknown form edition",
        title_fi: "vastattu tuntemattomalla lomakeversiolla",
        title_sv: "besvarad med en okänd formulärversion",
        source: None,
    };

    /// `SYNC-REENT-001`: a merge met an exit on one side and a re-entry on the
    /// other and applied the period's re-entry rule: one record per person per
    /// operation, first entry, final exit. Source: SFC 2014 FAQ (RULES.md §1.1;
    /// for 2021–2027 an interpretation, ADR 0022).
    pub const SYNC_REENTRY_RULE_APPLIED: Rule = Rule {
        id: "SYNC-REENT-001",
        severity: Severity::Info,
        title_en: "exit and re-entry merged by the period's re-entry rule",
        title_fi: "poistuminen ja uudelleen aloitus yhdistetty kauden säännöllä",
        title_sv: "avslut och återinträde sammanslagna enligt periodens regel",
        source: Some("SFC 2014 FAQ (RULES.md §1.1); ADR 0007 §5; ADR 0022"),
    };

    /// `SYNC-CONF-001`: a merge that could not decide: the same field changed
    /// differently on both sides, a deletion against an edit, or an exit and a
    /// re-entry on the same day. Nothing is chosen until the caller resolves
    /// it. hanke's own consistency rule (issue 26).
    pub const SYNC_CONFLICT: Rule = Rule {
        id: "SYNC-CONF-001",
        severity: Severity::Error,
        title_en: "merge conflict to resolve",
        title_fi: "ratkaistava yhdistämisristiriita",
        title_sv: "sammanslagningskonflikt att lösa",
        source: None,
    };

    /// `SFC21-VR-144`: in Table 6, per priority, specific objective, category
    /// of region and gender, the reserved indicator EECO02+04 equals the sum of its
    /// parts. Source: SFC2021 validation rule 144, "Validation Rule changes for
    /// TOD Table 6 (ESF+)", 24 June 2024 (sfc.ec.europa.eu).
    pub const SFC_RULE_144: Rule = Rule {
        id: "SFC21-VR-144",
        severity: Severity::Error,
        title_en: "EECO02+04 is not the sum of its parts",
        title_fi: "EECO02+04 ei ole osiensa summa",
        title_sv: "EECO02+04 är inte summan av sina delar",
        source: Some("SFC2021 validation rule 144 (TOD Table 6, 24 June 2024)"),
    };

    /// `SFC21-VR-145`: in Table 6, per priority, specific objective, category
    /// of region and gender, the reserved indicator EECO02+05 equals the sum of its
    /// parts. Source: SFC2021 validation rule 145, "Validation Rule changes for
    /// TOD Table 6 (ESF+)", 24 June 2024 (sfc.ec.europa.eu).
    pub const SFC_RULE_145: Rule = Rule {
        id: "SFC21-VR-145",
        severity: Severity::Error,
        title_en: "EECO02+05 is not the sum of its parts",
        title_fi: "EECO02+05 ei ole osiensa summa",
        title_sv: "EECO02+05 är inte summan av sina delar",
        source: Some("SFC2021 validation rule 145 (TOD Table 6, 24 June 2024)"),
    };

    /// `SFC21-VR-146`: in Table 6, per priority, specific objective, category
    /// of region and gender, the reserved indicator EECO02+04+05 equals the sum of its
    /// parts. Source: SFC2021 validation rule 146, "Validation Rule changes for
    /// TOD Table 6 (ESF+)", 24 June 2024 (sfc.ec.europa.eu).
    pub const SFC_RULE_146: Rule = Rule {
        id: "SFC21-VR-146",
        severity: Severity::Error,
        title_en: "EECO02+04+05 is not the sum of its parts",
        title_fi: "EECO02+04+05 ei ole osiensa summa",
        title_sv: "EECO02+04+05 är inte summan av sina delar",
        source: Some("SFC2021 validation rule 146 (TOD Table 6, 24 June 2024)"),
    };

    /// `SFC21-VR-147`: in Table 6, per priority, specific objective, category
    /// of region and gender, the reserved indicator EECO06+07 equals the sum of its
    /// parts. Source: SFC2021 validation rule 147, "Validation Rule changes for
    /// TOD Table 6 (ESF+)", 24 June 2024 (sfc.ec.europa.eu).
    pub const SFC_RULE_147: Rule = Rule {
        id: "SFC21-VR-147",
        severity: Severity::Error,
        title_en: "EECO06+07 is not the sum of its parts",
        title_fi: "EECO06+07 ei ole osiensa summa",
        title_sv: "EECO06+07 är inte summan av sina delar",
        source: Some("SFC2021 validation rule 147 (TOD Table 6, 24 June 2024)"),
    };

    /// `SFC21-VR-148`: in Table 6, per priority, specific objective, category
    /// of region and gender, the reserved indicator EECO10+11 equals the sum of its
    /// parts. Source: SFC2021 validation rule 148, "Validation Rule changes for
    /// TOD Table 6 (ESF+)", 24 June 2024 (sfc.ec.europa.eu).
    pub const SFC_RULE_148: Rule = Rule {
        id: "SFC21-VR-148",
        severity: Severity::Error,
        title_en: "EECO10+11 is not the sum of its parts",
        title_fi: "EECO10+11 ei ole osiensa summa",
        title_sv: "EECO10+11 är inte summan av sina delar",
        source: Some("SFC2021 validation rule 148 (TOD Table 6, 24 June 2024)"),
    };

    /// `SFC21-VR-RES`: a programme-specific reserved output indicator equals
    /// the sum of the common output indicators it combines ("the new validation
    /// rules cover all programme specific reserved output indicators": SFC2021,
    /// 24 June 2024); the rule number of each is the programme's.
    pub const SFC_RESERVED_COMPOSITE: Rule = Rule {
        id: "SFC21-VR-RES",
        severity: Severity::Error,
        title_en: "reserved indicator is not the sum of its parts",
        title_fi: "varattu indikaattori ei ole osiensa summa",
        title_sv: "reserverad indikator är inte summan av sina delar",
        source: Some(
            "SFC2021 validation rules for programme-specific reserved output indicators (TOD Table 6, 24 June 2024)",
        ),
    };

    /// `SFC21-T10-001`: in Table 10 a result counted in numbers exceeds the
    /// achieved value of the output indicator used as a basis for its target,
    /// in the same breakdown. Source: SFC2021 validation-rule change of 1 July
    /// 2025 (as issue 27 cites it; the rule's number was not found).
    pub const SFC_RESULT_ABOVE_OUTPUT: Rule = Rule {
        id: "SFC21-T10-001",
        severity: Severity::Error,
        title_en: "result above the output it was targeted on",
        title_fi: "tulos suurempi kuin tuotos, jolle tavoite asetettiin",
        title_sv: "resultat över det utfall målet sattes på",
        source: Some("SFC2021 validation-rule change of 1 July 2025 (TOD Table 10)"),
    };

    /// `SFC21-GEN-001`: participants counted with no gender of the period's
    /// breakdown are in no gender row of a table. hanke's own consistency check.
    pub const SFC_UNGENDERED: Rule = Rule {
        id: "SFC21-GEN-001",
        severity: Severity::Warning,
        title_en: "participants without a gender of the breakdown",
        title_fi: "osallistujia ilman erittelyn sukupuolta",
        title_sv: "deltagare utan kön i uppdelningen",
        source: None,
    };

    /// `IMP-CSV-001`: a malformed CSV record (wrong number of fields, bad quoting).
    pub const CSV_MALFORMED: Rule = Rule {
        id: "IMP-CSV-001",
        severity: Severity::Error,
        title_en: "malformed CSV record",
        title_fi: "virheellinen CSV-rivi",
        title_sv: "felaktig CSV-post",
        source: None,
    };

    /// `IMP-CSV-002`: a CSV field that is not valid UTF-8.
    pub const CSV_INVALID_UTF8: Rule = Rule {
        id: "IMP-CSV-002",
        severity: Severity::Error,
        title_en: "CSV field is not valid UTF-8",
        title_fi: "CSV-kenttä ei ole kelvollista UTF-8:aa",
        title_sv: "CSV-fältet är inte giltig UTF-8",
        source: None,
    };

    /// `IMP-CSV-003`: a CSV field whose value cannot be read (a date that does not
    /// exist, an unknown code, an invalid identity code).
    pub const CSV_INVALID_VALUE: Rule = Rule {
        id: "IMP-CSV-003",
        severity: Severity::Error,
        title_en: "invalid value",
        title_fi: "virheellinen arvo",
        title_sv: "ogiltigt värde",
        source: None,
    };

    /// `IMP-TIME-001`: a date column held a naive timestamp with a time of day
    /// other than midnight; the day is taken and the time left out — reported,
    /// never a silent truncation.
    pub const CSV_TIME_OF_DAY: Rule = Rule {
        id: "IMP-TIME-001",
        severity: Severity::Warning,
        title_en: "a time of day left out of a date",
        title_fi: "kellonaika jätetty pois päivämäärästä",
        title_sv: "en tid på dygnet utelämnad ur ett datum",
        source: None,
    };

    /// `IMP-TIME-002`: a date column held timestamps with a time zone, read as
    /// their day in Helsinki (participant dates are Finnish calendar days).
    pub const CSV_TIME_ZONE: Rule = Rule {
        id: "IMP-TIME-002",
        severity: Severity::Info,
        title_en: "timestamps with a time zone read as Helsinki days",
        title_fi: "aikavyöhykkeelliset aikaleimat luettu Helsingin päivinä",
        title_sv: "tidsstämplar med tidszon lästa som dagar i Helsingfors",
        source: Some("IANA time-zone database, zone Europe/Helsinki"),
    };

    /// `PUB-CODE-001`: a text of a project or record holds what looks like a
    /// personal identity code (in any spelling). Everything hanke publishes
    /// masks it ([`crate::publish`]); the finding tells the owner to correct
    /// the source. RULES.md §5.1 (the code is personal data).
    pub const PUBLICATION_IDENTITY_CODE: Rule = Rule {
        id: "PUB-CODE-001",
        severity: Severity::Warning,
        title_en: "identity code in a published text",
        title_fi: "henkilötunnus julkaistavassa tekstissä",
        title_sv: "personbeteckning i en publicerad text",
        source: Some("RULES.md §5.1; GDPR Art 87 (national identification numbers)"),
    };

    /// `PUB-MARKUP-001`: a text the library publishes (a project's or an
    /// organisation's name, a description) holds markup — an HTML or XML tag
    /// or comment. Everything hanke publishes shows it as text
    /// ([`crate::publish`]: escaped in Markdown, HTML and XML, `<` as `‹` in
    /// JSON and CSV); the finding tells the owner to correct the source. OWASP
    /// Cross Site Scripting Prevention Cheat Sheet (output encoding).
    pub const PUBLICATION_MARKUP: Rule = Rule {
        id: "PUB-MARKUP-001",
        severity: Severity::Warning,
        title_en: "markup in a published text",
        title_fi: "merkintäkieltä julkaistavassa tekstissä",
        title_sv: "märkspråk i en publicerad text",
        source: Some(
            "OWASP Cross Site Scripting Prevention Cheat Sheet (cheatsheetseries.owasp.org): output encoding",
        ),
    };

    /// `IMP-CSV-005`: a value in a column whose header is empty. An empty
    /// column without a header (a spreadsheet's trailing column, a CSV line
    /// ending in a delimiter) carries no data and is accepted, reported in the
    /// import's account; a value there has no field to go to, so its row is
    /// rejected rather than the value lost.
    pub const CSV_VALUE_WITHOUT_HEADER: Rule = Rule {
        id: "IMP-CSV-005",
        severity: Severity::Error,
        title_en: "value in a column without a header",
        title_fi: "arvo sarakkeessa, jolla ei ole otsikkoa",
        title_sv: "värde i en kolumn utan rubrik",
        source: None,
    };

    /// `IMP-CSV-006`: an option names a column the file or table does not
    /// have — `ignore_columns` (a column to leave out) or `categories` (labels
    /// for an integer column). Nothing is left out or relabelled for it; the
    /// import goes on, and the note says so, because a name that matches
    /// nothing is most often a typing slip whose column was then read (or
    /// refused) after all.
    pub const CSV_OPTION_COLUMN_ABSENT: Rule = Rule {
        id: "IMP-CSV-006",
        severity: Severity::Warning,
        title_en: "an option names a column the file does not have",
        title_fi: "asetus nimeää sarakkeen, jota tiedostossa ei ole",
        title_sv: "en inställning namnger en kolumn som filen saknar",
        source: None,
    };

    /// `IMP-CSV-004`: a required CSV field (participant id, entry date) is empty.
    pub const CSV_REQUIRED_MISSING: Rule = Rule {
        id: "IMP-CSV-004",
        severity: Severity::Error,
        title_en: "required value missing",
        title_fi: "pakollinen arvo puuttuu",
        title_sv: "obligatoriskt värde saknas",
        source: None,
    };
}
