//! The EURA 2014 list of funded projects — *rahoitetut hankkeet*: one row per
//! project of the 2014–2020 programme, ESF and ERDF, with its priority axis,
//! authority, status, dates, implementer and money.
//!
//! Source: the rakennerahastot.fi "rahoitetut hankkeet" export, as cleaned by the
//! os-data/eu-structural-funds repository (`shared/data/eura2014_projektilista.csv`,
//! 2 881 rows about 2016). Its column `Tl` is the priority axis (*toimintalinja*,
//! 1–7); the cleaning description calls it "either 1 or 2", but ESF rows carry
//! 3, 4, 5 and 7 — the ESF axes of RULES.md §4.1.
//!
//! Every data row is accounted for: accepted, or rejected with its line and
//! reason (`rows_read == accepted + rejected`), and every physical line
//! (`lines == header + blank + record lines`; a record is one line, as in the
//! participant file). Rows whose values sit in the wrong columns are rejected,
//! not guessed at. The raw export (the os-data/eu-structural-funds copy of the
//! rakennerahastot.fi list) differs from the cleaned file in three ways, each
//! read for what it is:
//!
//! - **Unquoted commas** in names (`Etelä-Savon elinkeino-, liikenne- ja
//!   ympäristökeskus`): more fields than the header. Such a row is read only when
//!   exactly one way of joining fields of the name, authority and implementer
//!   columns gives valid values everywhere (`EURA-LIST-002`, whose message says
//!   the reading taken) — and **a reading that joins a number, a date or an empty
//!   field into a text column never wins**: that is a shifted row (`Ranuan
//!   kunta,47394,0` is a name followed by money, not a name).
//! - **Padding**: rows end in `,,;` — empty fields past the header's width,
//!   which are padding, not data (counted in `padded`).
//! - **Whole-line quoting**: some rows are wrapped in quotes as a whole, their
//!   inner quotes doubled (`"S20774,ESR,PIKKU-MUSTIKKA"""" - …,0,,";`); they are
//!   unwrapped and read (`EURA-LIST-003`).
//!
//! A row with more than one valid reading is rejected with the readings
//! listed, never chosen. A `;` ending each line is a terminator, not data.
//!
//! What an accepted row holds that a sum or a project would carry unseen is
//! said, not changed: a code an earlier row has (`EURA-LIST-004`: both rows
//! are counted), a negative amount (`EURA-LIST-005`: the real export has
//! three, summed as given) and an end before the start (`EURA-LIST-006`: the
//! project has no period).

use std::collections::BTreeMap;
use std::io::BufRead;

use chrono::NaiveDate;
use serde::Serialize;

use crate::csv_record::{FileError, ReadError, RecordReader, RowAccount, detect_delimiter};
use crate::finding::{Finding, Rule, rules};
use crate::money::{Money, MoneyError, Rate};
use crate::programme::{self, Fund, ProgrammePeriod, ResponsibleAuthority, normalise_name};
use crate::project::{ApproxDate, ProjectStatus};

/// The columns of the list, with the headers of the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Code,
    Fund,
    Name,
    Priority,
    Authority,
    Status,
    Start,
    End,
    Implementer,
    GrantedEuState,
    RealisedEuState,
    PlannedPublic,
    RealisedPublic,
}

const COLUMNS: [(Column, &str); 13] = [
    (Column::Code, "Koodi"),
    (Column::Fund, "Rahasto"),
    (Column::Name, "Hankkeen nimi"),
    (Column::Priority, "Tl"),
    (Column::Authority, "Viranomainen"),
    (Column::Status, "Tila"),
    (Column::Start, "Aloituspvm"),
    (Column::End, "Päättymispvm"),
    (Column::Implementer, "Toteuttajan nimi"),
    (Column::GrantedEuState, "Myönnetty EU- ja valtion rahoitus"),
    (
        Column::RealisedEuState,
        "Toteutunut EU- ja valtion rahoitus",
    ),
    (
        Column::PlannedPublic,
        "Suunniteltu julkinen rahoitus yhteensä",
    ),
    (
        Column::RealisedPublic,
        "Toteutunut julkinen rahoitus yhteensä",
    ),
];

impl Column {
    fn header(self) -> &'static str {
        COLUMNS
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("", |(_, h)| *h)
    }

    /// Free-text columns, the only ones an unquoted comma can split.
    fn is_text(self) -> bool {
        matches!(self, Column::Name | Column::Authority | Column::Implementer)
    }
}

/// The most extra fields a row may have for joining to be tried (a bound on
/// the work per row; rows beyond it are rejected).
const MAX_EXTRA_FIELDS: usize = 8;

/// The most empty fields at the end of a row that can be padding: the raw
/// export ends rows in `,,;` (two).
const MAX_PADDING: usize = 4;

/// One project of the list — *hankelistan rivi*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ProjectListRow {
    /// The line of the file (1-based).
    pub line: u64,
    /// The project code (*Koodi*).
    pub code: crate::programme::ProjectCode,
    /// The fund (*Rahasto*: ESR, EAKR).
    pub fund: Fund,
    /// The name (*Hankkeen nimi*), as written (the cleaned export shows commas as `|`).
    pub name: String,
    /// The priority axis number (*Tl*, toimintalinja).
    pub priority: u8,
    /// The authority (*Viranomainen*) as written, white space folded.
    pub authority: String,
    /// The authority, where it is one hanke knows.
    pub responsible_authority: Option<ResponsibleAuthority>,
    /// The status text (*Tila*).
    pub status_text: String,
    /// The status the text means.
    pub status: ProjectStatus,
    /// The start date (*Aloituspvm*), where given.
    pub start: Option<NaiveDate>,
    /// The end date (*Päättymispvm*), where given.
    pub end: Option<NaiveDate>,
    /// The implementer (*Toteuttajan nimi*).
    pub implementer: String,
    /// Granted EU and state funding (*myönnetty EU- ja valtion rahoitus*).
    pub granted_eu_state: Option<Money>,
    /// Realised EU and state funding (*toteutunut EU- ja valtion rahoitus*).
    pub realised_eu_state: Option<Money>,
    /// Planned public funding in total (*suunniteltu julkinen rahoitus yhteensä*).
    pub planned_public: Option<Money>,
    /// Realised public funding in total (*toteutunut julkinen rahoitus yhteensä*).
    pub realised_public: Option<Money>,
}

impl ProjectListRow {
    /// The row as a [`Project`](crate::project::Project): code, name, placement,
    /// period, status, implementer and funding.
    pub fn to_project(&self) -> crate::project::Project {
        use crate::funding::FundingPlan;
        use crate::org::Organisation;
        use crate::project::{
            Implementer, ImplementerRole, Project, ProjectPeriod, ReportedStatus,
        };
        let mut p = Project::new(self.name.clone());
        p.code = Some(self.code);
        p.placement.fund = Some(self.fund);
        p.placement.programme = Some(ProgrammePeriod::Period2014To2020);
        if self.fund == Fund::Esf {
            p.placement.funder = Some("esr".to_string());
        }
        p.placement.priority = Some(self.priority);
        p.placement.responsible_authority = self.responsible_authority;
        if let (Some(a), Some(b)) = (self.start, self.end) {
            p.period = ProjectPeriod::new(ApproxDate::Day(a), ApproxDate::Day(b)).ok();
        }
        p.reported_status = ReportedStatus::new(&self.status_text, None);
        if !self.implementer.is_empty() {
            p.implementers.push(Implementer {
                organisation: Organisation::new(self.implementer.clone()),
                role: ImplementerRole::Main,
                budget: None,
                description: None,
            });
        }
        p.funding_plan = FundingPlan::from_eura_public(
            self.granted_eu_state,
            self.realised_eu_state,
            self.planned_public,
            self.realised_public,
        );
        p.source = Some(format!("EURA 2014 project list, line {}", self.line));
        p
    }
}

/// Why the list could not be read at all (a row that cannot be read is
/// rejected and accounted for instead).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ListImportError {
    /// The file cannot be read at all (empty, a header that cannot be read, a
    /// failed read): what every CSV reader shares.
    #[error(transparent)]
    File(#[from] FileError),
    /// A header names a column the list does not have; its data would be lost.
    #[error("line {line}: unknown column `{name}`")]
    UnknownColumn {
        /// The line of the header.
        line: u64,
        /// The header text.
        name: crate::Echo,
    },
    /// Two headers name the same column.
    #[error("line {line}: column `{name}` appears twice")]
    DuplicateColumn {
        /// The line of the header.
        line: u64,
        /// The column's header.
        name: &'static str,
    },
    /// A column of the list is absent.
    #[error("line {line}: the column `{name}` is missing")]
    MissingColumn {
        /// The line of the header.
        line: u64,
        /// The column's header.
        name: &'static str,
    },
    /// The file cannot be opened.
    #[error("{path}: cannot open: {source}")]
    Open {
        /// The path as given.
        path: crate::Echo,
        /// The I/O error.
        source: std::io::Error,
    },
}

error_codes! {
    ListImportError {
        ListImportError::UnknownColumn { .. } => "eura_list.unknown_column": "A header names a column the list does not have; its data would be lost.",
        ListImportError::DuplicateColumn { .. } => "eura_list.duplicate_column": "Two headers name the same column.",
        ListImportError::MissingColumn { .. } => "eura_list.missing_column": "A column of the list is absent.",
        ListImportError::Open { .. } => "eura_list.open": "The file cannot be opened.",
    }
    via {
        ListImportError::File(e) => e,
    }
}

impl ListImportError {
    /// The line of the file, where there is one.
    pub fn line(&self) -> Option<u64> {
        match self {
            ListImportError::Open { .. } => None,
            ListImportError::File(e) => e.line(),
            ListImportError::UnknownColumn { line, .. }
            | ListImportError::DuplicateColumn { line, .. }
            | ListImportError::MissingColumn { line, .. } => Some(*line),
        }
    }
}

/// The account of a list import — *tuontiraportti*.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ListImportReport {
    /// The account of rows and lines.
    #[serde(flatten)]
    pub account: RowAccount,
    /// Accepted rows that had unquoted commas and were read by joining fields
    /// (each has an `EURA-LIST-002` finding saying which reading was taken).
    pub realigned: u64,
    /// Accepted rows with empty fields past the header's width at the end
    /// (the raw export's `,,;`): padding, not data.
    pub padded: u64,
    /// Rows quoted as a whole line that were read unwrapped (each has an
    /// `EURA-LIST-003` finding).
    pub unwrapped: u64,
}

row_account_report!(ListImportReport);

/// The EURA 2014 project list — *EURA 2014 -hankelista*: the accepted rows and
/// the account of the import.
///
/// ```
/// use hanke::eura::{PortfolioBy, ProjectList};
/// use hanke::programme::Fund;
/// let csv = "Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,Toteuttajan nimi,\
/// Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,\
/// Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä\n\
/// S20044,ESR,HUOLTAMO,4,Etelä-Savon elinkeino- liikenne- ja ympäristökeskus,Toiminnassa,1.1.2015,31.12.2016,PIEKSÄMÄEN KAUPUNKI,100000,25000,200000,50000\n\
/// S20045,ESR,Toinen,4,Etelä-Savon elinkeino- liikenne- ja ympäristökeskus,Toiminnassa,1.1.2015,31.12.2015,Yhdistys,31.12.2015,0,0,0\n";
/// let list = ProjectList::read(csv.as_bytes())?;
/// assert_eq!((list.report.accepted, list.report.rejected), (1, 1));
/// assert_eq!(list.report.rejections[0].line, Some(3));
/// let table = list.portfolio(Some(Fund::Esf), PortfolioBy::PriorityAxis)?;
/// assert_eq!(table.total.granted_eu_state.to_string(), "100 000,00 €");
/// assert_eq!(table.total.utilisation.unwrap().to_string(), "25,00 %");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ProjectList {
    /// The accepted rows, in file order.
    pub rows: Vec<ProjectListRow>,
    /// The account of the import.
    pub report: ListImportReport,
}

/// A problem with a row: the rule, the path and the messages in English,
/// Finnish and Swedish.
type Problem = (Rule, &'static str, String, String, String);

/// A row's values, or the problems that reject it.
type RowResult = Result<ProjectListRow, Vec<Problem>>;

impl ProjectList {
    /// Reads a list from CSV (`,` or `;` separated, detected from the header).
    /// Fails only when the header would lose data or the input cannot be read.
    pub fn read<R: BufRead>(mut src: R) -> Result<ProjectList, ListImportError> {
        let delimiter = detect_delimiter(&mut src);
        let mut records = RecordReader::new(src, delimiter);
        let header_line = records.read_header()?;
        let header = fields_of(&records).ok_or_else(|| FileError::Header {
            line: header_line,
            message: "the header is not valid UTF-8".into(),
        })?;
        let columns = header_columns(&header, header_line)?;
        let mut list = ProjectList::default();
        loop {
            let result = records.read();
            let line = match result {
                Ok(Some(line)) => line,
                Ok(None) => break,
                Err(ReadError::Syntax { line, error }) => {
                    list.report.rows_read = list.report.rows_read.saturating_add(1);
                    // A row the raw export quoted as a whole line is a row.
                    let unwrapped = error
                        .last_line()
                        .is_none()
                        .then(|| unwrap_line(records.line_bytes(), delimiter))
                        .flatten();
                    match unwrapped {
                        Some(fields) => list.read_unwrapped(line, &columns, fields),
                        None => list.reject(
                            line,
                            error.last_line(),
                            vec![(
                                rules::CSV_MALFORMED,
                                "row",
                                error.describe(),
                                format!(
                                    "rivin lainausmerkit ovat virheelliset: {}",
                                    error.describe_fi()
                                ),
                                format!("radens citattecken är felaktiga: {}", error.describe_sv()),
                            )],
                        ),
                    }
                    continue;
                }
                Err(ReadError::Io { line, error }) => {
                    return Err(FileError::Io {
                        line,
                        source: error,
                    }
                    .into());
                }
            };
            list.report.rows_read = list.report.rows_read.saturating_add(1);
            let Some(fields) = fields_of(&records) else {
                list.reject(
                    line,
                    None,
                    vec![(
                        rules::CSV_INVALID_UTF8,
                        "row",
                        "the row is not valid UTF-8".to_string(),
                        "rivi ei ole kelvollista UTF-8:aa".to_string(),
                        "raden är inte giltig UTF-8".to_string(),
                    )],
                );
                continue;
            };
            // A single field holding the delimiters: a whole line in quotes
            // without the raw export's `;` after them.
            if fields.len() == 1 && columns.len() > 1 {
                if let Some(inner) = unwrap_line(records.line_bytes(), delimiter) {
                    list.read_unwrapped(line, &columns, inner);
                    continue;
                }
            }
            list.read_row(line, &columns, fields, None);
        }
        list.note_repeated_codes();
        list.report.blank_lines = records.blank_lines;
        list.report.lines = records.lines();
        // The header is a record of the reader's, not a row.
        list.report.record_lines = records.record_lines().saturating_sub(1);
        Ok(list)
    }

    /// Reads a list from a file.
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<ProjectList, ListImportError> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|source| ListImportError::Open {
            path: path.display().to_string().into(),
            source,
        })?;
        ProjectList::read(std::io::BufReader::new(file))
    }

    fn reject(&mut self, line: u64, last_line: Option<u64>, problems: Vec<Problem>) {
        self.report.rejected = self.report.rejected.saturating_add(1);
        for (rule, path, en, fi, sv) in problems {
            self.report.rejections.push(
                Finding::new(&rule, path, en, fi, sv).at_lines(line, last_line.unwrap_or(line)),
            );
        }
    }

    /// A row read from inside its quotes ([`unwrap_line`]): read as any row,
    /// with a finding that says so.
    fn read_unwrapped(&mut self, line: u64, columns: &[Column], inner: Unwrapped) {
        let note = if inner.strict {
            (
                "the row was quoted as a whole line with its inner quotes doubled; read unwrapped".to_string(),
                "rivi oli kokonaan lainausmerkeissä ja sen sisäiset lainausmerkit kahdennettu; luettu ilman niitä".to_string(),
                "raden var citerad som helhet med sina inre citattecken dubblerade; läst utan dem".to_string(),
            )
        } else {
            (
                "the row was quoted as a whole line with its inner quotes doubled; read unwrapped, and the quotes left inside it are kept as written".to_string(),
                "rivi oli kokonaan lainausmerkeissä ja sen sisäiset lainausmerkit kahdennettu; luettu ilman niitä, ja jäljelle jääneet lainausmerkit säilytetty sellaisinaan".to_string(),
                "raden var citerad som helhet med sina inre citattecken dubblerade; läst utan dem, och citattecknen som finns kvar behålls som de är skrivna".to_string(),
            )
        };
        self.read_row(line, columns, inner.fields, Some(note));
    }

    /// Reads a row's fields: as they are when they fit the header; else every
    /// way of taking empty fields at the end as padding and joining extra
    /// fields into the text columns, and the row only if exactly one of those
    /// readings gives valid values everywhere without moving a number into a
    /// text column. `unwrapped` is the note of a row read from inside quotes.
    fn read_row(
        &mut self,
        line: u64,
        columns: &[Column],
        fields: Vec<String>,
        unwrapped: Option<(String, String, String)>,
    ) {
        let n = fields.len();
        let expected = columns.len();
        let accept_unwrapped = |list: &mut ProjectList| {
            if let Some((en, fi, sv)) = &unwrapped {
                list.report.unwrapped = list.report.unwrapped.saturating_add(1);
                list.report.findings.push(
                    Finding::new(
                        &rules::EURA_LIST_UNWRAPPED,
                        "row",
                        en.clone(),
                        fi.clone(),
                        sv.clone(),
                    )
                    .at_line(line),
                );
            }
        };
        if n == expected {
            match parse_row(line, columns, &fields) {
                Ok(row) => {
                    accept_unwrapped(self);
                    self.accept(row);
                }
                Err(problems) => self.reject(line, None, problems),
            }
            return;
        }
        let extra = n.saturating_sub(expected);
        if n < expected || extra > MAX_EXTRA_FIELDS.saturating_add(MAX_PADDING) {
            self.reject(
                line,
                None,
                vec![shifted(
                    format!("{n} fields where the header has {expected}"),
                    format!("{n} kenttää, otsikossa {expected}"),
                    format!("{n} fält där rubrikraden har {expected}"),
                )],
            );
            return;
        }
        let readings = readings(line, columns, &fields);
        match readings.as_slice() {
            [only] => {
                let reading = only.clone();
                accept_unwrapped(self);
                if reading.joined.is_empty() {
                    self.report.padded = self.report.padded.saturating_add(1);
                } else {
                    let (en, fi, sv) = reading.describe(n, expected);
                    self.report.findings.push(
                        Finding::new(&rules::EURA_LIST_REALIGNED, "row", en, fi, sv)
                            .at_line(line),
                    );
                    self.report.realigned = self.report.realigned.saturating_add(1);
                    if reading.padding > 0 {
                        self.report.padded = self.report.padded.saturating_add(1);
                    }
                }
                self.accept(reading.row);
            }
            [] => self.reject(line, None, vec![shifted(
                format!("{n} fields where the header has {expected}, and no reading of them (empty fields at the end as padding, unquoted commas in the text columns) gives valid values without moving a number into a text column"),
                format!("{n} kenttää, otsikossa {expected}, eikä mikään luentatapa (tyhjät kentät lopussa täytteenä, lainausmerkittömät pilkut tekstisarakkeissa) anna kelvollisia arvoja siirtämättä numeroa tekstisarakkeeseen"),
                format!("{n} fält där rubrikraden har {expected}, och ingen läsning av dem (tomma fält i slutet som utfyllnad, kommatecken utan citattecken i textkolumnerna) ger giltiga värden utan att flytta ett tal till en textkolumn"),
            )]),
            several => {
                let k = several.len();
                let list = |lang: usize| {
                    several
                        .iter()
                        .map(|r| {
                            let (en, fi, sv) = r.joins();
                            [en, fi, sv].into_iter().nth(lang).unwrap_or_default()
                        })
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                self.reject(line, None, vec![shifted(
                    format!("{n} fields where the header has {expected}, and {k} different readings would be valid ({}); not guessed", list(0)),
                    format!("{n} kenttää, otsikossa {expected}, ja {k} eri luentatapaa olisi kelvollinen ({}); ei arvata", list(1)),
                    format!("{n} fält där rubrikraden har {expected}, och {k} olika läsningar vore giltiga ({}); ingen gissas", list(2)),
                )]);
            }
        }
    }

    fn accept(&mut self, row: ProjectListRow) {
        self.report.accepted = self.report.accepted.saturating_add(1);
        self.note_doubts(&row);
        self.rows.push(row);
    }

    /// What an accepted row holds that its sums or its project would carry
    /// unseen: a negative amount (`EURA-LIST-005`, summed as given) and an
    /// end before the start (`EURA-LIST-006`, no period).
    fn note_doubts(&mut self, row: &ProjectListRow) {
        let amounts = [
            (Column::GrantedEuState, row.granted_eu_state),
            (Column::RealisedEuState, row.realised_eu_state),
            (Column::PlannedPublic, row.planned_public),
            (Column::RealisedPublic, row.realised_public),
        ];
        for (column, amount) in amounts {
            let Some(amount) = amount.filter(|a| a.cents() < 0) else {
                continue;
            };
            self.report.findings.push(
                Finding::new(
                    &rules::EURA_LIST_NEGATIVE_AMOUNT,
                    column.header(),
                    format!("{amount} is negative; read and summed as given"),
                    format!("{amount} on negatiivinen; luettu ja laskettu yhteen sellaisenaan"),
                    format!("{amount} är negativt; läst och summerat som det står"),
                )
                .at_line(row.line),
            );
        }
        if let (Some(start), Some(end)) = (row.start, row.end)
            && end < start
        {
            self.report.findings.push(
                Finding::new(
                    &rules::EURA_LIST_END_BEFORE_START,
                    Column::End.header(),
                    format!("the project ends ({end}) before it starts ({start}); the dates are kept, the project has no period"),
                    format!("hanke päättyy ({end}) ennen kuin alkaa ({start}); päivät säilytetään, hankkeella ei ole kestoa"),
                    format!("projektet slutar ({end}) innan det börjar ({start}); datumen behålls, projektet har ingen period"),
                )
                .at_line(row.line),
            );
        }
    }

    /// `EURA-LIST-004` for each row whose code an earlier row has: both are
    /// kept and counted, the finding names the earlier line. The findings
    /// stay in line order.
    fn note_repeated_codes(&mut self) {
        let mut first: std::collections::HashMap<crate::programme::ProjectCode, u64> =
            std::collections::HashMap::new();
        let mut repeated = Vec::new();
        for row in &self.rows {
            let earlier = *first.entry(row.code).or_insert(row.line);
            if earlier != row.line {
                let code = row.code;
                repeated.push(
                    Finding::new(
                        &rules::EURA_LIST_DUPLICATE_CODE,
                        Column::Code.header(),
                        format!("{code} is on line {earlier} too; both rows are read and counted in the sums"),
                        format!("{code} on myös rivillä {earlier}; molemmat rivit luetaan ja lasketaan summiin"),
                        format!("{code} finns också på rad {earlier}; båda raderna läses och räknas i summorna"),
                    )
                    .at_line(row.line),
                );
            }
        }
        if !repeated.is_empty() {
            self.report.findings.extend(repeated);
            // Stable: the findings of one line keep their order.
            self.report.findings.sort_by_key(|f| f.line);
        }
    }

    /// The accepted rows of one fund.
    pub fn rows_of(&self, fund: Fund) -> impl Iterator<Item = &ProjectListRow> {
        self.rows.iter().filter(move |r| r.fund == fund)
    }

    /// Counts and sums of the rows (of `fund`, or all), grouped `by` priority
    /// axis, authority or status, with realised ÷ granted. Fails only if a sum
    /// overflows.
    pub fn portfolio(
        &self,
        fund: Option<Fund>,
        by: PortfolioBy,
    ) -> Result<PortfolioTable, MoneyError> {
        let prog = programme::programme(ProgrammePeriod::Period2014To2020);
        let mut groups: BTreeMap<(u16, String), PortfolioRow> = BTreeMap::new();
        let mut total = PortfolioRow::new("Yhteensä".to_string());
        for row in self
            .rows
            .iter()
            .filter(|r| fund.is_none_or(|f| r.fund == f))
        {
            let (order, key) = match by {
                PortfolioBy::PriorityAxis => (
                    u16::from(row.priority),
                    match prog.and_then(|p| p.priority(row.priority)) {
                        Some(p) => format!("TL{} {}", p.number, p.name_fi),
                        None => format!("TL{}", row.priority),
                    },
                ),
                PortfolioBy::Authority => (
                    0,
                    row.responsible_authority
                        .map(|a| a.name_fi().to_string())
                        .unwrap_or_else(|| row.authority.clone()),
                ),
                PortfolioBy::Status => (0, row.status_text.clone()),
            };
            let group = groups
                .entry((order, normalise_name(&key)))
                .or_insert_with(|| PortfolioRow::new(key));
            group.add(row)?;
            total.add(row)?;
        }
        let mut rows: Vec<PortfolioRow> = groups.into_values().collect();
        for r in rows.iter_mut().chain(std::iter::once(&mut total)) {
            r.finish()?;
        }
        Ok(PortfolioTable {
            by,
            fund,
            rows,
            total,
        })
    }
}

/// What a portfolio table groups by — *ryhmittely*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PortfolioBy {
    /// Priority axis (*toimintalinja*).
    PriorityAxis,
    /// Authority (*viranomainen*).
    Authority,
    /// Status (*tila*).
    Status,
}

impl PortfolioBy {
    /// The Finnish column heading.
    pub fn label_fi(self) -> &'static str {
        match self {
            PortfolioBy::PriorityAxis => "Toimintalinja",
            PortfolioBy::Authority => "Viranomainen",
            PortfolioBy::Status => "Tila",
        }
    }
}

/// One group of a portfolio table — *salkun rivi*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PortfolioRow {
    /// The group: `TL5 Sosiaalinen osallisuus ja köyhyyden torjunta`, an authority, a status.
    pub key: String,
    /// The number of projects.
    pub projects: u64,
    /// Granted EU and state funding in total.
    pub granted_eu_state: Money,
    /// Realised EU and state funding in total.
    pub realised_eu_state: Money,
    /// Planned public funding in total.
    pub planned_public: Money,
    /// Realised public funding in total.
    pub realised_public: Money,
    /// Money cells left empty in the group's rows (summed as nothing).
    pub missing_values: u64,
    /// Utilisation — *käyttöaste*: realised ÷ granted EU and state funding;
    /// `None` when nothing was granted, or when one sum is negative and the
    /// other not (a negative amount of the list, `EURA-LIST-005`).
    pub utilisation: Option<Rate>,
}

impl PortfolioRow {
    fn new(key: String) -> PortfolioRow {
        PortfolioRow {
            key,
            projects: 0,
            granted_eu_state: Money::ZERO,
            realised_eu_state: Money::ZERO,
            planned_public: Money::ZERO,
            realised_public: Money::ZERO,
            missing_values: 0,
            utilisation: None,
        }
    }

    fn add(&mut self, row: &ProjectListRow) -> Result<(), MoneyError> {
        self.projects = self.projects.saturating_add(1);
        for (sum, value) in [
            (&mut self.granted_eu_state, row.granted_eu_state),
            (&mut self.realised_eu_state, row.realised_eu_state),
            (&mut self.planned_public, row.planned_public),
            (&mut self.realised_public, row.realised_public),
        ] {
            match value {
                Some(v) => *sum = sum.checked_add(v)?,
                None => self.missing_values = self.missing_values.saturating_add(1),
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), MoneyError> {
        let (realised, granted) = (self.realised_eu_state, self.granted_eu_state);
        // No share of nothing, and none where one sum is negative and the
        // other not (a negative amount of the list, `EURA-LIST-005`): such a
        // group has no utilisation, and the others keep theirs.
        let opposite = (realised.cents() < 0) != (granted.cents() < 0) && !realised.is_zero();
        self.utilisation = if granted.is_zero() || opposite {
            None
        } else {
            Some(Rate::ratio(realised, granted)?)
        };
        Ok(())
    }
}

/// A portfolio of the project list — *hankesalkku*: counts and sums by priority
/// axis, authority or status, with a total row. Serialises to JSON as rows, for
/// the report renderer and the bindings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PortfolioTable {
    /// What the rows group by.
    pub by: PortfolioBy,
    /// The fund the rows are limited to, if any.
    pub fund: Option<Fund>,
    /// The groups, in priority-axis or name order.
    pub rows: Vec<PortfolioRow>,
    /// All groups together.
    pub total: PortfolioRow,
}

impl PortfolioTable {
    /// The table in Markdown, amounts in the Finnish form, utilisation with one
    /// decimal.
    pub fn to_markdown(&self) -> String {
        let mut out = format!(
            "| {} | Hankkeita | Myönnetty EU+valtio | Toteutunut EU+valtio | Käyttöaste | Suunniteltu julkinen | Toteutunut julkinen |\n|---|---:|---:|---:|---:|---:|---:|\n",
            self.by.label_fi()
        );
        for r in self.rows.iter().chain(std::iter::once(&self.total)) {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} |\n",
                crate::publish::markdown(&r.key),
                r.projects,
                r.granted_eu_state,
                r.realised_eu_state,
                r.utilisation
                    .map(|u| u.to_percent_string(1))
                    .unwrap_or_else(|| "–".to_string()),
                r.planned_public,
                r.realised_public
            ));
        }
        out
    }
}

/// One way of reading a row with more fields than the header.
#[derive(Debug, Clone)]
struct Reading {
    row: ProjectListRow,
    /// The text columns that joined fields: (column, fields joined, value).
    joined: Vec<(Column, usize, String)>,
    /// Empty fields at the end taken as padding.
    padding: usize,
}

impl Reading {
    /// The joins, e.g. `Toteuttajan nimi = "A, B" (2 fields)`, in English,
    /// Finnish and Swedish.
    fn joins(&self) -> (String, String, String) {
        let mut parts = (Vec::new(), Vec::new(), Vec::new());
        for (column, width, value) in &self.joined {
            let h = column.header();
            parts.0.push(format!("{h} = {value:?} ({width} fields)"));
            parts.1.push(format!("{h} = {value:?} ({width} kenttää)"));
            parts.2.push(format!("{h} = {value:?} ({width} fält)"));
        }
        if self.padding > 0 {
            let p = self.padding;
            parts
                .0
                .push(format!("{p} empty field(s) at the end as padding"));
            parts
                .1
                .push(format!("{p} tyhjää kenttää lopussa täytteenä"));
            parts
                .2
                .push(format!("{p} tomma fält i slutet som utfyllnad"));
        }
        (parts.0.join("; "), parts.1.join("; "), parts.2.join("; "))
    }

    /// What an `EURA-LIST-002` finding says of the reading taken.
    fn describe(&self, n: usize, expected: usize) -> (String, String, String) {
        let (en, fi, sv) = self.joins();
        (
            format!("{n} fields where the header has {expected}: unquoted commas, read as {en}"),
            format!(
                "{n} kenttää, otsikossa {expected}: lainausmerkittömiä pilkkuja, luettu näin: {fi}"
            ),
            format!(
                "{n} fält där rubrikraden har {expected}: kommatecken utan citattecken, läst som {sv}"
            ),
        )
    }
}

/// Every valid reading of a row with more fields than `columns`: `p` empty
/// fields at the end as padding (0 up to as many as there are, at most
/// [`MAX_PADDING`]), the rest joined into the text columns every way — except
/// a reading that joins a number, a date or an empty field into a text column,
/// which is never taken (a number is the money or the axis of another column,
/// shifted; an empty field is padding or an empty cell).
#[allow(
    clippy::arithmetic_side_effects,
    reason = "p ≤ the trailing blanks ≤ n - expected; field offsets sum widths that add up to n - p"
)]
fn readings(line: u64, columns: &[Column], fields: &[String]) -> Vec<Reading> {
    let n = fields.len();
    let expected = columns.len();
    let blanks_at_end = fields
        .iter()
        .rev()
        .take_while(|f| f.trim().is_empty())
        .count()
        .min(n - expected)
        .min(MAX_PADDING);
    let mut out = Vec::new();
    for padding in 0..=blanks_at_end {
        let extra = n - expected - padding;
        if extra > MAX_EXTRA_FIELDS {
            continue;
        }
        'widths: for widths in compositions(columns, extra) {
            let mut joined_fields = Vec::with_capacity(expected);
            let mut joined = Vec::new();
            let mut at = 0;
            for (column, w) in columns.iter().zip(&widths) {
                let parts = fields.get(at..at + w).unwrap_or_default();
                // Joining a number, a date or nothing into a text column
                // is a shifted row, never a name with a comma in it.
                if *w > 1 && parts.iter().any(|p| p.trim().is_empty() || is_number(p)) {
                    continue 'widths;
                }
                let value = parts.join(",");
                if *w > 1 {
                    joined.push((*column, *w, value.trim().to_string()));
                }
                joined_fields.push(value);
                at += w;
            }
            if let Ok(row) = parse_row(line, columns, &joined_fields) {
                out.push(Reading {
                    row,
                    joined,
                    padding,
                });
            }
        }
    }
    out
}

/// A number or a date standing alone: `47394`, `40196.99`, `1.8.2016`.
fn is_number(piece: &str) -> bool {
    let t = piece.trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    (!digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().any(|b| b.is_ascii_digit()))
        || is_day_date(t)
}

/// The fields of a line the raw export quoted as a whole.
#[derive(Debug)]
struct Unwrapped {
    fields: Vec<String>,
    /// Whether the unwrapped line was well-formed CSV; if not, it was split at
    /// its delimiters and the quotes in it kept as written.
    strict: bool,
}

/// A raw-export line quoted as a whole — `"S20774,ESR,PIKKU-MUSTIKKA"""" - …,0,,";`
/// — unwrapped: the text inside the outer quotes (a `;` after them is the line
/// terminator), each doubled quote made one, then read as a line of its own
/// (strictly; where that fails, split at the delimiters with quotes kept as
/// text). `None` when the line is not one: no outer quotes, a quote inside
/// that is not doubled, or no delimiter inside.
fn unwrap_line(line: &[u8], delimiter: u8) -> Option<Unwrapped> {
    let text = std::str::from_utf8(line).ok()?.trim_end();
    let text = text.strip_suffix(';').unwrap_or(text).trim_end();
    let inner = text.strip_prefix('"')?.strip_suffix('"')?;
    let mut undoubled = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '"' && chars.next() != Some('"') {
            return None;
        }
        undoubled.push(c);
    }
    let delimiter_char = char::from(delimiter);
    if !undoubled.contains(delimiter_char) {
        return None;
    }
    let mut reader = RecordReader::new(undoubled.as_bytes(), delimiter);
    if let Ok(Some(_)) = reader.read() {
        if let Some(fields) = fields_of(&reader) {
            if matches!(reader.read(), Ok(None)) {
                return Some(Unwrapped {
                    fields,
                    strict: true,
                });
            }
        }
    }
    let mut fields: Vec<String> = undoubled
        .split(delimiter_char)
        .map(str::to_string)
        .collect();
    strip_terminator(&mut fields);
    Some(Unwrapped {
        fields,
        strict: false,
    })
}

fn shifted(en: String, fi: String, sv: String) -> Problem {
    (rules::EURA_LIST_SHIFTED_COLUMNS, "row", en, fi, sv)
}

fn fields_of<R: BufRead>(records: &RecordReader<R>) -> Option<Vec<String>> {
    let mut out = Vec::with_capacity(records.len());
    for i in 0..records.len() {
        out.push(String::from_utf8(records.field(i)?.to_vec()).ok()?);
    }
    strip_terminator(&mut out);
    Some(out)
}

/// A `;` ending the line is a terminator of a raw export, not data.
fn strip_terminator(fields: &mut [String]) {
    if let Some(last) = fields.last_mut() {
        if let Some(stripped) = last.trim_end().strip_suffix(';') {
            *last = stripped.to_string();
        }
    }
}

fn header_columns(header: &[String], line: u64) -> Result<Vec<Column>, ListImportError> {
    let mut columns: Vec<Column> = Vec::with_capacity(header.len());
    for name in header {
        let key = super::text::label_key(name);
        let column = COLUMNS
            .iter()
            .find(|(_, h)| super::text::label_key(h) == key)
            .map(|(c, _)| *c)
            .ok_or_else(|| ListImportError::UnknownColumn {
                line,
                // A data row read as a header must not echo an identity code.
                name: crate::Echo::new(name.trim()),
            })?;
        if columns.contains(&column) {
            return Err(ListImportError::DuplicateColumn {
                line,
                name: column.header(),
            });
        }
        columns.push(column);
    }
    if let Some((missing, _)) = COLUMNS.iter().find(|(c, _)| !columns.contains(c)) {
        return Err(ListImportError::MissingColumn {
            line,
            name: missing.header(),
        });
    }
    Ok(columns)
}

/// Every way to give `extra` more fields to the text columns: the width of
/// each column, in header order.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "a width is 1 plus a share of at most MAX_EXTRA_FIELDS"
)]
fn compositions(columns: &[Column], extra: usize) -> Vec<Vec<usize>> {
    let text: Vec<usize> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.is_text())
        .map(|(i, _)| i)
        .collect();
    let mut out = Vec::new();
    let mut shares = vec![0usize; text.len()];
    distribute(&mut shares, 0, extra, &mut |shares| {
        let mut widths = vec![1usize; columns.len()];
        for (slot, share) in text.iter().zip(shares) {
            if let Some(w) = widths.get_mut(*slot) {
                *w += share;
            }
        }
        out.push(widths);
    });
    out
}

#[allow(
    clippy::arithmetic_side_effects,
    reason = "at < shares.len() and take ≤ left"
)]
fn distribute(shares: &mut [usize], at: usize, left: usize, emit: &mut dyn FnMut(&[usize])) {
    if at + 1 >= shares.len() {
        if let Some(last) = shares.get_mut(at) {
            *last = left;
            emit(shares);
        }
        return;
    }
    for take in 0..=left {
        if let Some(s) = shares.get_mut(at) {
            *s = take;
        }
        distribute(shares, at + 1, left - take, emit);
    }
}

fn is_day_date(s: &str) -> bool {
    matches!(s.parse::<ApproxDate>(), Ok(ApproxDate::Day(_)))
}

fn parse_row(line: u64, columns: &[Column], fields: &[String]) -> RowResult {
    let mut problems: Vec<Problem> = Vec::new();
    let get = |c: Column| -> &str {
        columns
            .iter()
            .position(|x| *x == c)
            .and_then(|i| fields.get(i))
            .map_or("", |s| s.trim())
    };
    let mut invalid = |column: Column, en: String, fi: String, sv: String| {
        problems.push((rules::CSV_INVALID_VALUE, column.header(), en, fi, sv));
    };

    let code_text = get(Column::Code);
    let code = code_text.parse::<crate::programme::ProjectCode>().ok();
    if code.is_none() {
        invalid(
            Column::Code,
            format!("{code_text:?} is not a project code"),
            format!("{code_text:?} ei ole hankekoodi"),
            format!("{code_text:?} är inte en projektkod"),
        );
    }
    let fund_text = get(Column::Fund);
    let fund = Fund::from_abbreviation(fund_text);
    if fund.is_none() {
        invalid(
            Column::Fund,
            format!("{fund_text:?} is not a fund (ESR, EAKR)"),
            format!("{fund_text:?} ei ole rahasto (ESR, EAKR)"),
            format!("{fund_text:?} är inte en fond (ESR, EAKR)"),
        );
    }
    let name = get(Column::Name).to_string();
    if name.is_empty() {
        problems.push((
            rules::CSV_REQUIRED_MISSING,
            Column::Name.header(),
            "the project has no name".to_string(),
            "hankkeella ei ole nimeä".to_string(),
            "projektet har inget namn".to_string(),
        ));
    }
    let priority_text = get(Column::Priority);
    let priority = priority_text
        .parse::<u8>()
        .ok()
        .filter(|p| (1..=99).contains(p));
    if priority.is_none() {
        problems.push((
            rules::EURA_LIST_SHIFTED_COLUMNS,
            Column::Priority.header(),
            format!("{priority_text:?} in the priority-axis column is not an axis number"),
            format!("toimintalinjasarakkeen arvo {priority_text:?} ei ole toimintalinjan numero"),
            format!("värdet {priority_text:?} i kolumnen för prioriterat område är inte ett nummer på ett prioriterat område"),
        ));
    }
    let authority = get(Column::Authority)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(prefix) = spilled_prefix(&authority) {
        problems.push((
            rules::EURA_LIST_SHIFTED_COLUMNS,
            Column::Authority.header(),
            format!("the authority column starts with {prefix:?} before the authority's name: part of another column spilled over"),
            format!("viranomaissarake alkaa tekstillä {prefix:?} ennen viranomaisen nimeä: toisen sarakkeen osa on siirtynyt"),
            format!("myndighetskolumnen börjar med {prefix:?} före myndighetens namn: en del av en annan kolumn har förskjutits hit"),
        ));
    }
    let status_text = get(Column::Status).to_string();
    let status = ProjectStatus::from_text_fi(&status_text);
    if status.is_none() {
        problems.push((
            rules::EURA_LIST_SHIFTED_COLUMNS,
            Column::Status.header(),
            format!("{status_text:?} in the status column is not a status"),
            format!("tilasarakkeen arvo {status_text:?} ei ole tila"),
            format!("värdet {status_text:?} i statuskolumnen är inte en status"),
        ));
    }
    let mut date = |column: Column| -> Option<NaiveDate> {
        let text = get(column);
        if text.is_empty() {
            return None;
        }
        match text.parse::<ApproxDate>() {
            Ok(ApproxDate::Day(d)) => Some(d),
            _ if text.parse::<Money>().is_ok() => {
                problems.push((
                    rules::EURA_LIST_SHIFTED_COLUMNS,
                    column.header(),
                    format!("an amount {text:?} in a date column"),
                    format!("rahasumma {text:?} päivämääräsarakkeessa"),
                    format!("ett belopp {text:?} i en datumkolumn"),
                ));
                None
            }
            _ => {
                problems.push((
                    rules::CSV_INVALID_VALUE,
                    column.header(),
                    format!("{text:?} is not a date (D.M.YYYY)"),
                    format!("{text:?} ei ole päivämäärä (P.K.VVVV)"),
                    format!("{text:?} är inte ett datum (D.M.ÅÅÅÅ)"),
                ));
                None
            }
        }
    };
    let start = date(Column::Start);
    let end = date(Column::End);
    let implementer = get(Column::Implementer).to_string();
    let mut money = |column: Column| -> Option<Money> {
        let text = get(column);
        if text.is_empty() {
            return None;
        }
        if is_day_date(text) {
            problems.push((
                rules::EURA_LIST_SHIFTED_COLUMNS,
                column.header(),
                format!("a date {text:?} in a money column"),
                format!("päivämäärä {text:?} rahasarakkeessa"),
                format!("ett datum {text:?} i en beloppskolumn"),
            ));
            return None;
        }
        match text.parse::<Money>() {
            Ok(m) => Some(m),
            Err(e) => {
                problems.push((
                    rules::CSV_INVALID_VALUE,
                    column.header(),
                    format!("{text:?} is not an amount: {e}"),
                    format!("{text:?} ei ole rahasumma: {e}"),
                    format!("{text:?} är inte ett belopp: {e}"),
                ));
                None
            }
        }
    };
    let granted_eu_state = money(Column::GrantedEuState);
    let realised_eu_state = money(Column::RealisedEuState);
    let planned_public = money(Column::PlannedPublic);
    let realised_public = money(Column::RealisedPublic);
    match (code, fund, priority, status) {
        (Some(code), Some(fund), Some(priority), Some(status)) if problems.is_empty() => {
            Ok(ProjectListRow {
                line,
                code,
                fund,
                name,
                priority,
                responsible_authority: ResponsibleAuthority::from_name(&authority),
                authority,
                status_text,
                status,
                start,
                end,
                implementer,
                granted_eu_state,
                realised_eu_state,
                planned_public,
                realised_public,
            })
        }
        _ => Err(problems),
    }
}

/// Whether `text` names an authority of the 2014–2020 programme: a responsible
/// authority hanke knows (RULES.md §4.1), a regional council (`Uudenmaan
/// liitto`, `Etelä-Savon maakuntaliitto`) or Tekes.
fn is_authority(text: &str) -> bool {
    if ResponsibleAuthority::from_name(text).is_some() {
        return true;
    }
    let norm = normalise_name(text);
    let words: Vec<&str> = norm.split(' ').collect();
    matches!(words.as_slice(), [_, "liitto" | "maakuntaliitto"])
        || norm == "innovaatiorahoituskeskus tekes"
        || norm == "tekes"
}

/// When `authority` is not an authority's name but ends with one, the words in
/// front: text of another column that spilled over.
fn spilled_prefix(authority: &str) -> Option<String> {
    if authority.is_empty() || is_authority(authority) {
        return None;
    }
    let words: Vec<&str> = authority.split(' ').collect();
    (1..words.len()).find_map(|k| {
        let suffix = words.get(k..)?.join(" ");
        is_authority(&suffix).then(|| words.get(..k).map(|p| p.join(" ")).unwrap_or_default())
    })
}

/// `priority_axis`, `authority` or `status`.
impl PortfolioBy {
    /// Every grouping.
    pub const ALL: [PortfolioBy; 3] = [
        PortfolioBy::PriorityAxis,
        PortfolioBy::Authority,
        PortfolioBy::Status,
    ];

    /// The grouping's key: `priority_axis`, `authority`, `status`.
    pub const fn key(self) -> &'static str {
        match self {
            PortfolioBy::PriorityAxis => "priority_axis",
            PortfolioBy::Authority => "authority",
            PortfolioBy::Status => "status",
        }
    }
}

/// The grouping's key: what `FromStr` reads back.
impl std::fmt::Display for PortfolioBy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

impl std::str::FromStr for PortfolioBy {
    type Err = crate::choice::ChoiceError;

    fn from_str(s: &str) -> Result<Self, crate::choice::ChoiceError> {
        PortfolioBy::ALL
            .into_iter()
            .find(|b| b.key() == s)
            .ok_or_else(|| crate::choice::ChoiceError::PortfolioBy { given: s.into() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compositions_cover_every_split() {
        let cols: Vec<Column> = COLUMNS.iter().map(|(c, _)| *c).collect();
        let all = compositions(&cols, 2);
        // Two extra fields over three text columns: 6 ways.
        assert_eq!(all.len(), 6);
        assert!(all.iter().all(|w| w.iter().sum::<usize>() == 15));
        assert_eq!(compositions(&cols, 0).len(), 1);
    }

    #[test]
    fn authorities_and_spills() {
        assert!(is_authority(
            "Etelä-Savon elinkeino-, liikenne- ja ympäristökeskus"
        ));
        assert!(is_authority(
            "Pohjois-Pohjanmaan elinkeino-  liikenne- ja ympäristökeskus"
        ));
        assert!(is_authority("Etelä-Savon maakuntaliitto"));
        assert!(is_authority("Innovaatiorahoituskeskus Tekes"));
        assert_eq!(
            spilled_prefix("Ruotsi Pohjois-Pohjanmaan elinkeino- liikenne- ja ympäristökeskus"),
            Some("Ruotsi".to_string())
        );
        assert_eq!(spilled_prefix("Lapin liitto"), None);
        assert_eq!(spilled_prefix("Joku muu taho"), None);
    }
}
