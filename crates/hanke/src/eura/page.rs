//! The project-page layout — *hankesivu*: a page with the project's name, a
//! banner, its project team, a "Tietoja hankkeesta" block of labelled facts, a
//! short description, keywords and results (seed `001_*.txt`).
//!
//! | Label | Read into |
//! |---|---|
//! | Hankkeen rahoittaja | responsible authority (the funding ELY centre or ministry) |
//! | EURA-tunnus | code |
//! | Toteuttajaorganisaatio | the main implementer, named as written |
//! | Maakunta | regions |
//! | Aloituspäivä, Lopetuspäivä | period |
//! | Budjetti | budget band (`100000-500000 €`) |
//! | Toimintalinja | priority axis and fund (`Toimintalinja 5 (ESR)`) |
//! | Erityistavoite | specific objective, by its name |

use super::placement;
use super::text::{self, Line, label_key, split_label};
use crate::classify;
use crate::finding::{Finding, Rule, rules};
use crate::money::MoneyRange;
use crate::org::{Contact, Email, Organisation};
use crate::programme::ProjectCode;
use crate::programme::{self, Fund, ResponsibleAuthority};
use crate::project::{
    ApproxDate, Implementer, ImplementerRole, Project, ProjectPeriod, ProjectStatus, ReportedStatus,
};

const TEAM: &str = "Projektitiimi";
const FACTS: &str = "Tietoja hankkeesta";
const SHORT: &str = "Lyhyt selostus hankkeesta";
const KEYWORDS: &str = "Avainsanat";
const RESULTS: &str = "Tulokset";
/// Link texts and headings of the page that carry no data.
const DECORATION: [&str; 2] = ["Tutustu hankkeeseen", "Yleistiedot hankkeesta"];

const FUNDER: &str = "Hankkeen rahoittaja";
const CODE: &str = "EURA-tunnus";
const IMPLEMENTER: &str = "Toteuttajaorganisaatio";
const REGION: &str = "Maakunta";
const START: &str = "Aloituspäivä";
const END: &str = "Lopetuspäivä";
const BUDGET: &str = "Budjetti";
const PRIORITY: &str = "Toimintalinja";
const OBJECTIVE: &str = "Erityistavoite";
const FACT_LABELS: [&str; 9] = [
    FUNDER,
    CODE,
    IMPLEMENTER,
    REGION,
    START,
    END,
    BUDGET,
    PRIORITY,
    OBJECTIVE,
];

/// A project page read — *luettu hankesivu*.
///
/// ```
/// let page = "Hanke X\n\nTietoja hankkeesta:\n\nEURA-tunnus: S20250\n\
///             Toimintalinja: Toimintalinja 5 (ESR)\n\
///             Erityistavoite: Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen\n\
///             Budjetti: 100000-500000 €\n";
/// let read = hanke::eura::parse_project_page(page);
/// assert_eq!(read.project.name, "Hanke X");
/// assert_eq!(read.project.placement.priority, Some(5));
/// assert_eq!(read.project.placement.specific_objective.as_deref(), Some("10.1"));
/// assert!(read.findings.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParsedPage {
    /// The project, with everything that could be read.
    pub project: Project,
    /// What could not be read, each with its line.
    pub findings: Vec<Finding>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Head,
    Team,
    Facts,
    Short,
    Keywords,
    Results,
}

/// Reads a project page of the seed-001 layout. Never fails: see
/// [`ParsedPage::findings`].
pub fn parse_project_page(text: &str) -> ParsedPage {
    let lines = text::lines(text);
    let mut parts: Vec<(Part, Vec<&Line>)> = vec![(Part::Head, Vec::new())];
    for line in &lines {
        let key = label_key(&line.text);
        let (label, value) = split_label(&line.text).unwrap_or((&line.text, None));
        let part = [
            (TEAM, Part::Team),
            (FACTS, Part::Facts),
            (SHORT, Part::Short),
            (KEYWORDS, Part::Keywords),
            (RESULTS, Part::Results),
        ]
        .into_iter()
        .find(|(h, _)| {
            label_key(h) == key || (value.is_some() && label_key(h) == label_key(label))
        });
        match (part, parts.last_mut()) {
            (Some((_, p)), _) => {
                // "Avainsanat: a, b" carries its value on the heading line.
                let first = if value.is_some() {
                    vec![line]
                } else {
                    Vec::new()
                };
                parts.push((p, first));
            }
            (None, Some((_, current))) => current.push(line),
            (None, None) => {}
        }
    }
    let mut r = PageReader::default();
    for (part, body) in &parts {
        match part {
            Part::Head => r.head(body),
            Part::Team => r.team(body),
            Part::Facts => r.facts(body),
            Part::Short => r.project.summary = text::paragraphs(body.iter().copied()),
            Part::Keywords => r.keywords(body),
            Part::Results => r.project.results_summary = text::paragraphs(body.iter().copied()),
        }
    }
    r.project.source = Some("project page (Tietoja hankkeesta)".to_string());
    let PageReader {
        project,
        findings,
        contacts,
    } = r;
    let mut page = ParsedPage { project, findings };
    page.attach_contacts(contacts);
    page
}

#[derive(Default)]
struct PageReader {
    project: Project,
    findings: Vec<Finding>,
    contacts: Vec<Contact>,
}

impl PageReader {
    /// Records a finding with its English, Finnish and Swedish messages.
    fn finding(&mut self, rule: &Rule, path: &str, line: u64, msg: [String; 3]) {
        let [en, fi, sv] = msg;
        self.findings
            .push(Finding::new(rule, path, en, fi, sv).at_line(line));
    }

    fn unrecognised(&mut self, line: &Line) {
        self.finding(
            &rules::EURA_LINE_UNRECOGNISED,
            "page",
            line.number,
            [
                format!("line not recognised: {:?}", line.text),
                format!("tunnistamaton rivi: {:?}", line.text),
                format!("raden känns inte igen: {:?}", line.text),
            ],
        );
    }

    fn unreadable(&mut self, path: &str, line: u64, value: &str, why: &str) {
        self.finding(
            &rules::EURA_VALUE_UNREADABLE,
            path,
            line,
            [
                format!("{value:?} cannot be read: {why}"),
                format!("arvoa {value:?} ei voi lukea: {why}"),
                format!("värdet {value:?} kan inte läsas: {why}"),
            ],
        );
    }

    /// The name (first line), the banner (`Toimintalinja 5 (ESR) | … | …`), the
    /// status line; anything else is reported.
    fn head(&mut self, lines: &[&Line]) {
        let mut named = false;
        for line in lines.iter().copied().filter(|l| !l.is_blank()) {
            if !named {
                self.project.name = line.text.clone();
                named = true;
            } else if line.text.contains(" | ")
                || DECORATION
                    .iter()
                    .any(|d| label_key(d) == label_key(&line.text))
            {
                // The banner repeats the labelled facts; decoration carries nothing.
            } else if let (Some(s), true) = (
                ReportedStatus::new(&line.text, None),
                ProjectStatus::from_text_fi(&line.text).is_some(),
            ) {
                self.project.reported_status = Some(s);
            } else {
                self.unrecognised(line);
            }
        }
    }

    /// Groups separated by blank lines: `Name, title`, an e-mail, a phone.
    fn team(&mut self, lines: &[&Line]) {
        let mut groups: Vec<Vec<&Line>> = vec![Vec::new()];
        for line in lines.iter().copied() {
            match (line.is_blank(), groups.last_mut()) {
                (true, _) => groups.push(Vec::new()),
                (false, Some(g)) => g.push(line),
                (false, None) => {}
            }
        }
        for group in groups.into_iter().filter(|g| !g.is_empty()) {
            let mut contact = Contact::default();
            for (i, line) in group.iter().enumerate() {
                if i == 0 {
                    let (name, title) = match line.text.split_once(',') {
                        Some((n, t)) => (n.trim(), Some(t.trim().to_string())),
                        None => (line.text.as_str(), None),
                    };
                    contact.name = name.to_string();
                    contact.title = title;
                } else if line.text.contains('@') || line.text.contains("(at)") {
                    match line.text.parse::<Email>() {
                        Ok(e) => contact.email = Some(e),
                        Err(_) => self.finding(
                            &rules::EURA_VALUE_UNREADABLE,
                            "contacts[].email",
                            line.number,
                            [
                                "a team member's e-mail address is not a valid address".to_string(),
                                "tiimin jäsenen sähköpostiosoite ei ole kelvollinen".to_string(),
                                "teammedlemmens e-postadress är inte giltig".to_string(),
                            ],
                        ),
                    }
                } else if contact.phone.is_none() {
                    contact.phone = Some(line.text.clone());
                } else {
                    self.unrecognised(line);
                }
            }
            self.contacts.push(contact);
        }
    }

    fn facts(&mut self, lines: &[&Line]) {
        let mut values: Vec<(&str, u64, &str)> = Vec::new();
        for line in lines.iter().copied().filter(|l| !l.is_blank()) {
            let known = split_label(&line.text).and_then(|(label, value)| {
                FACT_LABELS
                    .iter()
                    .find(|l| label_key(l) == label_key(label))
                    .map(|l| (*l, value))
            });
            match known {
                Some((label, Some(value))) => {
                    if values.iter().any(|(l, _, _)| *l == label) {
                        self.finding(
                            &rules::EURA_LABEL_REPEATED,
                            "page",
                            line.number,
                            [
                                format!("{label:?} appears twice; the first value is kept"),
                                format!("{label:?} on kahdesti; ensimmäinen arvo pidetään"),
                                format!(
                                    "{label:?} förekommer två gånger; det första värdet behålls"
                                ),
                            ],
                        );
                    } else {
                        values.push((label, line.number, value));
                    }
                }
                Some((_, None)) => {}
                None => self.unrecognised(line),
            }
        }
        let get = |label: &str| {
            values
                .iter()
                .find(|(l, _, _)| *l == label)
                .map(|(_, n, v)| (*n, *v))
        };
        if let Some((n, code)) = get(CODE) {
            match code.parse::<ProjectCode>() {
                Ok(c) => self.project.code = Some(c),
                Err(e) => self.unreadable("code", n, code, &e.to_string()),
            }
        }
        let fund = get(PRIORITY).and_then(|(_, t)| placement::printed_fund(t));
        let pl = &mut self.project.placement;
        pl.fund = fund.or_else(|| self.project.code.and_then(|c| c.fund()));
        pl.programme = self.project.code.and_then(|c| c.period()).or_else(|| {
            // The fund named "ESR" (not "ESR+") is the 2014–2020 programme's.
            (pl.fund == Some(Fund::Esf)).then_some(programme::ProgrammePeriod::Period2014To2020)
        });
        if pl.fund == Some(Fund::Esf) {
            pl.funder = Some("esr".to_string());
        }
        let prog = pl.programme.and_then(programme::programme);
        if let Some((n, text)) = get(FUNDER) {
            match ResponsibleAuthority::from_name(text) {
                Some(a) => self.project.placement.responsible_authority = Some(a),
                None => self.finding(
                    &rules::EURA_AUTHORITY_UNKNOWN,
                    "placement.responsible_authority",
                    n,
                    [
                        format!("funder {text:?} is not an authority hanke knows"),
                        format!("rahoittaja {text:?} ei ole hankkeen tuntema viranomainen"),
                        format!("finansiären {text:?} är inte en myndighet som hanke känner till"),
                    ],
                ),
            }
        }
        if let (Some((n, text)), Some(prog)) = (get(PRIORITY), prog) {
            match placement::priority(prog, text) {
                Some(m) => self.project.placement.priority = Some(m.item.number),
                None => self.finding(
                    &rules::EURA_PRIORITY_UNKNOWN,
                    "placement.priority",
                    n,
                    [
                        format!(
                            "priority axis {text:?} is not in the {} catalogue",
                            prog.period
                        ),
                        format!(
                            "toimintalinjaa {text:?} ei ole kauden {} luettelossa",
                            prog.period
                        ),
                        format!(
                            "prioriterade området {text:?} finns inte i katalogen för perioden {}",
                            prog.period
                        ),
                    ],
                ),
            }
        }
        if let (Some((n, text)), Some(prog)) = (get(OBJECTIVE), prog) {
            match placement::specific_objective(prog, text) {
                Some(m) => {
                    self.project.placement.specific_objective = Some(m.item.code.to_string())
                }
                None => self.finding(
                    &rules::EURA_OBJECTIVE_UNKNOWN,
                    "placement.specific_objective",
                    n,
                    [
                        format!(
                            "specific objective {text:?} is not in the {} catalogue",
                            prog.period
                        ),
                        format!(
                            "erityistavoitetta {text:?} ei ole kauden {} luettelossa",
                            prog.period
                        ),
                        format!(
                            "det specifika målet {text:?} finns inte i katalogen för perioden {}",
                            prog.period
                        ),
                    ],
                ),
            }
        }
        let date = |this: &mut PageReader, label: &str| -> Option<ApproxDate> {
            let (n, text) = get(label)?;
            match text.parse::<ApproxDate>() {
                Ok(d) => Some(d),
                Err(e) => {
                    this.unreadable("period", n, text, &e.to_string());
                    None
                }
            }
        };
        let start = date(self, START);
        let end = date(self, END);
        if let (Some(a), Some(b)) = (start, end) {
            match ProjectPeriod::new(a, b) {
                Ok(p) => self.project.period = Some(p),
                Err(e) => self.unreadable(
                    "period",
                    get(END).map_or(0, |(n, _)| n),
                    &format!("{a} – {b}"),
                    &e.to_string(),
                ),
            }
        }
        if let Some((n, text)) = get(BUDGET) {
            match text.parse::<MoneyRange>() {
                Ok(b) => self.project.budget_band = Some(b),
                Err(e) => self.unreadable("budget_band", n, text, &e.to_string()),
            }
        }
        if let Some((n, text)) = get(REGION) {
            let year = self.project.period.map_or(2020, |p| p.start().year());
            if let Ok(c) = classify::regional_nearest(year) {
                for name in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    match super::area::region(c, name) {
                        Some(code) if !self.project.area.regions.contains(&code) => {
                            self.project.area.regions.push(code)
                        }
                        Some(_) => {}
                        None => self.finding(
                            &rules::EURA_AREA_UNKNOWN,
                            "area.regions",
                            n,
                            [
                                format!("region {name:?} is not in the {} classification", c.year),
                                format!(
                                    "maakuntaa {name:?} ei ole vuoden {} luokituksessa",
                                    c.year
                                ),
                                format!(
                                    "landskapet {name:?} finns inte i {} års klassificering",
                                    c.year
                                ),
                            ],
                        ),
                    }
                }
            }
        }
        if let Some((_, name)) = get(IMPLEMENTER) {
            self.project.implementers.push(Implementer {
                organisation: Organisation::new(name),
                role: ImplementerRole::Main,
                budget: None,
                description: None,
            });
        }
    }

    fn keywords(&mut self, lines: &[&Line]) {
        for line in lines.iter().copied().filter(|l| !l.is_blank()) {
            let value = match split_label(&line.text) {
                Some((label, value)) if label_key(label) == label_key(KEYWORDS) => value,
                _ => Some(line.text.as_str()),
            };
            self.project.keywords.extend(
                value
                    .unwrap_or("")
                    .split(',')
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(str::to_string),
            );
        }
    }
}

impl ParsedPage {
    /// The team's contacts go to the main implementer once the facts are read;
    /// kept apart until then because the page lists the team first.
    fn attach_contacts(&mut self, contacts: Vec<Contact>) {
        if contacts.is_empty() {
            return;
        }
        match self
            .project
            .implementers
            .iter_mut()
            .find(|i| i.role == ImplementerRole::Main)
        {
            Some(main) => main.organisation.contacts.extend(contacts),
            None => self.project.implementers.push(Implementer {
                organisation: Organisation {
                    contacts,
                    ..Organisation::default()
                },
                role: ImplementerRole::Main,
                budget: None,
                description: None,
            }),
        }
    }
}
