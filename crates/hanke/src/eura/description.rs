//! The EURA 2014 public project description — *Euroopan sosiaalirahaston (ESR)
//! rahoittaman hankkeen kuvaus* — read into a [`Project`] and written back.
//!
//! The form has nine numbered sections (seed `004_*.txt`, and the pages of
//! eura2014.fi/rrtiepa/projekti.php?projektikoodi=CODE):
//!
//! | § | Title | Read into |
//! |---|---|---|
//! | 1 | Hanke | code, name, priority, specific objective, period, status, responsible authority |
//! | 2 | Hakijan perustiedot | the main implementer (kind, business ID, address, contact), the applicant arrangement, co-implementers (*Osatoteuttajat*) |
//! | 3 | Suunnitelman mukainen tiivistelmä toteutuksesta | summary |
//! | 4 | Hankkeen kohderyhmät | primary (4.1) and indirect (4.2) target groups |
//! | 5 | Projektin julkinen rahoitus, euroa | EU and state funding granted / realised, public funding planned / realised |
//! | 6 | Maantieteellinen kohdealue | regions, sub-regions, municipalities, the site's address |
//! | 7 | Hakemusvaiheessa ilmoitettavat arviot hankekohtaisista seurantiedoista | monitoring estimates |
//! | 8 | Horisontaaliset periaatteet | gender equality (8.1), sustainable-development scores (8.2) |
//! | 9 | Loppuraportin tiivistelmä | final-report summary |
//!
//! Reading never fails: what cannot be read is a [`Finding`] with its line, and
//! the rest is still read. A copy cut off part-way (the stored public pages stop
//! in section 3) reads into what it holds, with an `EURA-DESC-001` finding.
//! Labels are found by name within their section, so their order does not
//! matter; line endings, no-break spaces and extra blank lines make no difference.

use super::placement::{self, NameMatch};
use super::text::{self, Line, label_key, split_label};
use crate::classify;
use crate::finding::{Finding, Rule, rules};
use crate::funding::{FundingPlan, Stage};
use crate::ids::BusinessId;
use crate::money::Money;
use crate::org::{Address, Contact, Email, Organisation, OrganisationKind};
use crate::programme::ProjectCode;
use crate::programme::{self, Fund, ProgrammePeriod, ResponsibleAuthority};
use crate::project::{
    ApplicantArrangement, ApproxDate, GenderEquality, HorizontalPrinciples, Implementer,
    ImplementerRole, MonitoringEstimates, Project, ProjectPeriod, ReportedStatus, Score,
    SustainabilityAssessment, SustainabilityCriterion, SustainabilityGroup, TargetGroup,
    TargetGroupKind,
};

/// The section titles of the form, by number.
pub const SECTION_TITLES: [(u8, &str); 9] = [
    (1, "Hanke"),
    (2, "Hakijan perustiedot"),
    (3, "Suunnitelman mukainen tiivistelmä toteutuksesta"),
    (4, "Hankkeen kohderyhmät"),
    (5, "Projektin julkinen rahoitus, euroa"),
    (6, "Maantieteellinen kohdealue"),
    (
        7,
        "Hakemusvaiheessa ilmoitettavat arviot hankekohtaisista seurantiedoista",
    ),
    (8, "Horisontaaliset periaatteet"),
    (9, "Loppuraportin tiivistelmä"),
];

const HEADER: &str = "Euroopan unioni Vipuvoimaa EU:lta";
const TITLE_ESF: &str = "Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus";

// Section 1.
const CODE: &str = "Hankekoodi";
const NAME: &str = "Hankkeen nimi";
const PRIORITY: &str = "Toimintalinja";
const OBJECTIVE: &str = "Erityistavoite";
const PERIOD: &str = "Suunnitelman mukainen toteutusaika";
const STATUS: &str = "Toiminnan tila";
const AUTHORITY: &str = "Vastuuviranomainen";
// Section 2.
const APPLICANT: &str = "Hakijan virallinen nimi";
const KIND: &str = "Organisaatiotyyppi";
const BUSINESS_ID: &str = "Y-tunnus";
const STREET: &str = "Jakeluosoite";
const PHONE: &str = "Puhelinnumero";
const POSTAL_CODE: &str = "Postinumero";
const POST_OFFICE: &str = "Postitoimipaikka";
const WEBSITE: &str = "WWW-osoite";
const CONTACT_NAME: &str = "Hankkeen yhteyshenkilön nimi";
const CONTACT_TITLE: &str = "Yhteyshenkilön asema hakijaorganisaatiossa";
/// EURA spells the label without the second `o`; both spellings are read.
const CONTACT_EMAIL: &str = "Yhteyshenkilön sähköpostisoite";
const CONTACT_EMAIL_ALT: &str = "Yhteyshenkilön sähköpostiosoite";
const CONTACT_PHONE: &str = "Yhteyshenkilön puhelinnumero";
const ARRANGEMENT: &str = "Hakijoiden lukumäärä tai tuen siirto -menettely";
const CO_IMPLEMENTERS: &str = "Osatoteuttajat";
// Section 4.
const PRIMARY_GROUPS: (&str, &str) = ("4.1", "Varsinaiset kohderyhmät");
const INDIRECT_GROUPS: (&str, &str) = ("4.2", "Välilliset kohderyhmät");
// Section 5.
const GRANTED_EU_STATE: &str = "Myönnetty EU- ja valtion rahoitus";
const REALISED_EU_STATE: &str = "Toteutunut EU- ja valtion rahoitus";
const PLANNED_PUBLIC: &str = "Suunniteltu julkinen rahoitus yhteensä";
const REALISED_PUBLIC: &str = "Toteutunut julkinen rahoitus yhteensä";
// Section 6.
const REGIONS: &str = "Maakunnat";
const SUB_REGIONS: &str = "Seutukunnat";
const MUNICIPALITIES: &str = "Kunnat";
const SITE: &str = "Toteutuspaikan osoite, jos hanke toteutetaan yhdessä paikassa";
/// hanke's own printed form for a nationwide project (no real page seen).
const NATIONWIDE: &str = "Koko Suomi";
// Section 7.
const COMPANIES: (&str, &str) = ("7.1", "Osallistuvien yritysten lukumäärä");
const PERSONS: (&str, &str) = ("7.2", "Osallistuvien henkilöiden lukumäärä");
const PLANNED: &str = "Suunniteltu";
const REALISED: &str = "Toteutunut seurantatietojen mukaan";
// Section 8.
const GENDER: (&str, &str) = ("8.1", "Sukupuolten tasa-arvo");
const SUSTAINABILITY: (&str, &str) = ("8.2", "Kestävä kehitys");
const ANALYSIS: &str = "Hankkeessa on tehty toimintaympäristön analyysi sukupuolinäkökulmasta";
const MAINSTREAMED: &str =
    "Sukupuolinäkökulma on huomioitu hankkeen toiminnassa (valtavirtaistaminen)";
const MAIN_OBJECTIVE: &str = "Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen";
const SCORE_HEADER: &str = "VälitönVälillinen";

/// A description read — *luettu hankekuvaus*: the project, what could not be
/// read, and which sections the text held.
///
/// ```
/// let text = "1 Hanke\n\nHankekoodi: S20064\n\nHankkeen nimi: Toimari\n\n\
///             Toimintalinja: 5. Sosiaalinen osallisuus ja köyhyyden torjunta\n\n\
///             3 Suunnitelman mukainen tiivistelmä toteutuksesta\n\nTausta:\nImatran kaupunki valmis";
/// let read = hanke::eura::parse_description(text);
/// assert_eq!(read.project.code.unwrap().to_string(), "S20064");
/// assert_eq!(read.project.placement.priority, Some(5));
/// assert!(!read.is_complete());
/// assert_eq!(read.findings[0].rule_id, "EURA-DESC-001");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParsedDescription {
    /// The project, with everything that could be read.
    pub project: Project,
    /// What could not be read, each with its line.
    pub findings: Vec<Finding>,
    /// The numbers of the sections found, in document order.
    pub sections: Vec<u8>,
}

impl ParsedDescription {
    /// Whether the text holds every section up to the final-report summary (§9).
    pub fn is_complete(&self) -> bool {
        (1..=9).all(|n| self.sections.contains(&n))
    }
}

/// A section: its number, the line of its heading and its lines.
struct Section<'a> {
    number: u8,
    heading: u64,
    lines: Vec<&'a Line>,
}

fn section_heading(line: &str) -> Option<u8> {
    let (num, title) = line.split_once(' ')?;
    let num = num.trim_end_matches('.');
    let n: u8 = num.parse().ok()?;
    SECTION_TITLES
        .iter()
        .find(|(k, t)| *k == n && label_key(t) == label_key(title))
        .map(|(k, _)| *k)
}

fn is_subheading(line: &str, (num, title): (&str, &str)) -> bool {
    line.split_once(' ')
        .is_some_and(|(n, t)| n.trim_end_matches('.') == num && label_key(t) == label_key(title))
}

/// Reads an EURA 2014 public project description. Never fails: see
/// [`ParsedDescription::findings`].
pub fn parse_description(text: &str) -> ParsedDescription {
    let lines = text::lines(text);
    let mut r = Reader::default();
    let mut preamble: Vec<&Line> = Vec::new();
    let mut sections: Vec<Section<'_>> = Vec::new();
    for line in &lines {
        if let Some(n) = section_heading(&line.text) {
            sections.push(Section {
                number: n,
                heading: line.number,
                lines: Vec::new(),
            });
        } else if let Some(s) = sections.last_mut() {
            s.lines.push(line);
        } else {
            preamble.push(line);
        }
    }
    r.read_preamble(&preamble);
    let mut seen: Vec<u8> = Vec::new();
    // Section 1 first: the period decides which classification reads the area.
    sections.sort_by_key(|s| s.number);
    for s in &sections {
        if seen.contains(&s.number) {
            r.finding(
                &rules::EURA_LABEL_REPEATED,
                format!("section {}", s.number),
                s.heading,
                format!("section {} appears twice; both are read", s.number),
                format!("osio {} on kahdesti; molemmat luetaan", s.number),
                format!("avsnitt {} förekommer två gånger; båda läses", s.number),
            );
        }
        r.read_section(s);
        seen.push(s.number);
    }
    let mut in_order: Vec<(u64, u8)> = sections.iter().map(|s| (s.heading, s.number)).collect();
    in_order.sort_unstable();
    let order: Vec<u8> = in_order.iter().map(|(_, n)| *n).collect();
    r.check_complete(&order, lines.last().map_or(1, |l| l.number));
    r.finish();
    ParsedDescription {
        project: r.project,
        findings: r.findings,
        sections: order,
    }
}

#[derive(Default)]
struct Reader {
    project: Project,
    findings: Vec<Finding>,
    title_fund: Option<Fund>,
}

/// Values of labelled lines of a section: `(label, line, value)`.
struct Labelled<'a> {
    values: Vec<(&'static str, u64, Option<&'a str>)>,
}

impl<'a> Labelled<'a> {
    fn get(&self, label: &str) -> Option<(u64, &'a str)> {
        self.values
            .iter()
            .find(|(l, _, _)| *l == label)
            .and_then(|(_, n, v)| v.map(|v| (*n, v)))
    }

    fn text(&self, label: &str) -> Option<String> {
        self.get(label).map(|(_, v)| v.to_string())
    }
}

impl Reader {
    fn finding(
        &mut self,
        rule: &Rule,
        path: impl Into<String>,
        line: u64,
        en: impl Into<String>,
        fi: impl Into<String>,
        sv: impl Into<String>,
    ) {
        self.findings
            .push(Finding::new(rule, path, en, fi, sv).at_line(line));
    }

    fn unrecognised(&mut self, section: u8, line: &Line) {
        self.finding(
            &rules::EURA_LINE_UNRECOGNISED,
            format!("section {section}"),
            line.number,
            format!("line not recognised in section {section}: {:?}", line.text),
            format!("tunnistamaton rivi osiossa {section}: {:?}", line.text),
            format!("raden i avsnitt {section} känns inte igen: {:?}", line.text),
        );
    }

    fn unreadable(&mut self, path: &str, line: u64, what: &str, value: &str, why: &str) {
        self.finding(
            &rules::EURA_VALUE_UNREADABLE,
            path,
            line,
            format!("{what} {value:?} cannot be read: {why}"),
            format!("arvoa {value:?} ({what}) ei voi lukea: {why}"),
            format!("värdet {value:?} ({what}) kan inte läsas: {why}"),
        );
    }

    /// Reads the labelled lines of a section; lines that are not one of
    /// `labels` are returned in order.
    fn labelled<'a>(
        &mut self,
        section: u8,
        lines: &[&'a Line],
        labels: &[(&'static str, &[&str])],
    ) -> (Labelled<'a>, Vec<&'a Line>) {
        let mut values: Vec<(&'static str, u64, Option<&'a str>)> = Vec::new();
        let mut rest = Vec::new();
        for line in lines.iter().copied().filter(|l| !l.is_blank()) {
            let found = split_label(&line.text).and_then(|(label, value)| {
                let key = label_key(label);
                labels
                    .iter()
                    .find(|(main, alts)| {
                        label_key(main) == key || alts.iter().any(|a| label_key(a) == key)
                    })
                    .map(|(main, _)| (*main, value))
            });
            match found {
                Some((label, value)) => {
                    if values.iter().any(|(l, _, _)| *l == label) {
                        self.finding(
                            &rules::EURA_LABEL_REPEATED,
                            format!("section {section}"),
                            line.number,
                            format!("{label:?} appears twice; the first value is kept"),
                            format!("{label:?} on kahdesti; ensimmäinen arvo pidetään"),
                            format!("{label:?} förekommer två gånger; det första värdet behålls"),
                        );
                    } else {
                        values.push((label, line.number, value));
                    }
                }
                None => rest.push(line),
            }
        }
        (Labelled { values }, rest)
    }

    fn read_preamble(&mut self, lines: &[&Line]) {
        for line in lines.iter().filter(|l| !l.is_blank()) {
            let key = label_key(&line.text);
            if key == label_key(HEADER) {
                continue;
            }
            if key.ends_with("rahoittaman hankkeen kuvaus") {
                // "Euroopan sosiaalirahaston (ESR) rahoittaman …": the fund in parentheses.
                self.title_fund = line
                    .text
                    .split_once('(')
                    .and_then(|(_, rest)| rest.split_once(')'))
                    .and_then(|(inner, _)| Fund::from_abbreviation(inner));
                continue;
            }
            self.unrecognised(0, line);
        }
    }

    fn read_section(&mut self, s: &Section<'_>) {
        match s.number {
            1 => self.read_project(&s.lines),
            2 => self.read_applicant(&s.lines),
            3 => {
                self.project.summary = text::paragraphs(s.lines.iter().copied());
            }
            4 => self.read_target_groups(&s.lines),
            5 => self.read_funding(&s.lines),
            6 => self.read_area(&s.lines),
            7 => self.read_monitoring(&s.lines),
            8 => self.read_horizontal(&s.lines),
            _ => {
                self.project.final_report_summary = text::paragraphs(s.lines.iter().copied());
            }
        }
    }

    fn read_project(&mut self, lines: &[&Line]) {
        let (v, rest) = self.labelled(
            1,
            lines,
            &[
                (CODE, &[]),
                (NAME, &[]),
                (PRIORITY, &[]),
                (OBJECTIVE, &[]),
                (PERIOD, &[]),
                (STATUS, &[]),
                (AUTHORITY, &[]),
            ],
        );
        for line in rest {
            self.unrecognised(1, line);
        }
        let programme = programme::programme(ProgrammePeriod::Period2014To2020);
        if let Some((n, code)) = v.get(CODE) {
            match code.parse::<ProjectCode>() {
                Ok(c) => self.project.code = Some(c),
                Err(e) => self.unreadable("code", n, "project code", code, &e.to_string()),
            }
        }
        self.project.name = v.text(NAME).unwrap_or_default();
        if let (Some((n, text)), Some(prog)) = (v.get(PRIORITY), programme) {
            match placement::priority(prog, text) {
                Some(m) => {
                    self.project.placement.priority = Some(m.item.number);
                    self.name_differs("placement.priority", n, &m.name, m.item.name_fi);
                }
                None => self.finding(
                    &rules::EURA_PRIORITY_UNKNOWN,
                    "placement.priority",
                    n,
                    format!("priority axis {text:?} is not in the 2014–2020 catalogue"),
                    format!("toimintalinjaa {text:?} ei ole kauden 2014–2020 luettelossa"),
                    format!("prioriterade området {text:?} finns inte i katalogen för perioden 2014–2020"),
                ),
            }
        }
        if let (Some((n, text)), Some(prog)) = (v.get(OBJECTIVE), programme) {
            match placement::specific_objective(prog, text) {
                Some(m) => {
                    self.project.placement.specific_objective = Some(m.item.code.to_string());
                    self.name_differs("placement.specific_objective", n, &m.name, m.item.name_fi);
                }
                None => self.finding(
                    &rules::EURA_OBJECTIVE_UNKNOWN,
                    "placement.specific_objective",
                    n,
                    format!(
                        "specific objective {text:?}{} is not in the 2014–2020 catalogue",
                        placement::printed_number(text)
                            .map(|c| format!(" (code {c})"))
                            .unwrap_or_default()
                    ),
                    format!("erityistavoitetta {text:?} ei ole kauden 2014–2020 luettelossa"),
                    format!(
                        "det specifika målet {text:?} finns inte i katalogen för perioden 2014–2020"
                    ),
                ),
            }
        }
        if let Some((n, text)) = v.get(PERIOD) {
            self.read_period(n, text);
        }
        if let Some((n, text)) = v.get(STATUS) {
            match ReportedStatus::new(text, None) {
                Some(s) => self.project.reported_status = Some(s),
                None => self.unreadable(
                    "reported_status",
                    n,
                    "status",
                    text,
                    "not a status hanke knows",
                ),
            }
        }
        if let Some((n, text)) = v.get(AUTHORITY) {
            match ResponsibleAuthority::from_name(text) {
                Some(a) => self.project.placement.responsible_authority = Some(a),
                None => self.finding(
                    &rules::EURA_AUTHORITY_UNKNOWN,
                    "placement.responsible_authority",
                    n,
                    format!("responsible authority {text:?} is not one hanke knows"),
                    format!("vastuuviranomainen {text:?} ei ole hankkeen tuntema"),
                    format!("den ansvariga myndigheten {text:?} är inte en som hanke känner till"),
                ),
            }
        }
    }

    fn name_differs(&mut self, path: &str, line: u64, m: &NameMatch, catalogue: &str) {
        if let NameMatch::Differs(printed) = m {
            self.finding(
                &rules::EURA_NAME_DIFFERS,
                path,
                line,
                format!("read by its number; the printed name {printed:?} differs from the catalogue's {catalogue:?}"),
                format!("luettu numeron mukaan; nimi {printed:?} poikkeaa luettelon nimestä {catalogue:?}"),
                format!("läst enligt numret; det tryckta namnet {printed:?} avviker från katalogens {catalogue:?}"),
            );
        }
    }

    fn read_period(&mut self, n: u64, text: &str) {
        let lower = text.to_lowercase();
        let body = lower.trim().strip_prefix("alkaa").unwrap_or(&lower).trim();
        let (start, end) = match body.split_once("ja päättyy") {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (body, ""),
        };
        let parse = |s: &str| s.parse::<ApproxDate>().ok();
        match (parse(start), parse(end)) {
            (Some(a), Some(b)) => match ProjectPeriod::new(a, b) {
                Ok(p) => self.project.period = Some(p),
                Err(e) => self.unreadable("period", n, "period", text, &e.to_string()),
            },
            _ => self.unreadable(
                "period",
                n,
                "period",
                text,
                "expected \"Alkaa D.M.YYYY ja päättyy D.M.YYYY\"",
            ),
        }
    }

    fn read_applicant(&mut self, lines: &[&Line]) {
        let (v, rest) = self.labelled(
            2,
            lines,
            &[
                (APPLICANT, &[]),
                (KIND, &[]),
                (BUSINESS_ID, &[]),
                (STREET, &[]),
                (PHONE, &[]),
                (POSTAL_CODE, &[]),
                (POST_OFFICE, &[]),
                (WEBSITE, &[]),
                (CONTACT_NAME, &[]),
                (CONTACT_TITLE, &[]),
                (CONTACT_EMAIL, &[CONTACT_EMAIL_ALT]),
                (CONTACT_PHONE, &[]),
                (ARRANGEMENT, &[]),
            ],
        );
        let mut org = Organisation::new(v.text(APPLICANT).unwrap_or_default());
        org.kind = v.text(KIND).map(|k| OrganisationKind::from_label_fi(&k));
        if let Some((n, id)) = v.get(BUSINESS_ID) {
            match id.parse::<BusinessId>() {
                Ok(b) => org.business_id = Some(b),
                Err(e) => self.unreadable(
                    "implementers[0].organisation.business_id",
                    n,
                    "business ID",
                    id,
                    &e.to_string(),
                ),
            }
        }
        org.address = address(&v);
        org.phone = v.text(PHONE);
        org.website = v.text(WEBSITE);
        let email = match v.get(CONTACT_EMAIL) {
            Some((n, e)) => match e.parse::<Email>() {
                Ok(e) => Some(e),
                Err(_) => {
                    // The address is personal data: say where, not what.
                    self.finding(
                        &rules::EURA_VALUE_UNREADABLE,
                        "implementers[0].organisation.contacts[0].email",
                        n,
                        "the contact's e-mail address is not a valid address",
                        "yhteyshenkilön sähköpostiosoite ei ole kelvollinen",
                        "kontaktpersonens e-postadress är inte giltig",
                    );
                    None
                }
            },
            None => None,
        };
        let contact = Contact {
            name: v.text(CONTACT_NAME).unwrap_or_default(),
            title: v.text(CONTACT_TITLE),
            email,
            phone: v.text(CONTACT_PHONE),
        };
        if contact != Contact::default() {
            org.contacts.push(contact);
        }
        if org != Organisation::default() {
            self.project.implementers.push(Implementer {
                organisation: org,
                role: ImplementerRole::Main,
                budget: None,
                description: None,
            });
        }
        self.project.applicant_arrangement = v
            .text(ARRANGEMENT)
            .map(|a| ApplicantArrangement::from_label_fi(&a));
        let mut in_list = false;
        for line in rest {
            if label_key(&line.text) == label_key(CO_IMPLEMENTERS) {
                in_list = true;
            } else if in_list {
                let imp = self.co_implementer(line);
                self.project.implementers.push(imp);
            } else {
                self.unrecognised(2, line);
            }
        }
    }

    /// `Name, 1234567-8` or `Name, Kunta, 1234567-8` (or only a name).
    fn co_implementer(&mut self, line: &Line) -> Implementer {
        let mut name = line.text.as_str();
        let mut org = Organisation::default();
        if let Some((head, tail)) = name.rsplit_once(',') {
            let tail = tail.trim();
            if let Ok(id) = tail.parse::<BusinessId>() {
                org.business_id = Some(id);
                name = head.trim();
            } else if looks_like_business_id(tail) {
                self.unreadable(
                    "implementers[].organisation.business_id",
                    line.number,
                    "business ID",
                    tail,
                    "the check digit or form is wrong",
                );
                name = head.trim();
            }
        }
        if let Some((head, tail)) = name.rsplit_once(',') {
            let kind = OrganisationKind::from_label_fi(tail);
            if !matches!(kind, OrganisationKind::Other(_)) {
                org.kind = Some(kind);
                name = head.trim();
            }
        }
        org.name = name.to_string();
        Implementer {
            organisation: org,
            role: ImplementerRole::CoImplementer,
            budget: None,
            description: None,
        }
    }

    fn read_target_groups(&mut self, lines: &[&Line]) {
        let mut current: Option<TargetGroupKind> = None;
        let mut blocks: Vec<(TargetGroupKind, Vec<&Line>)> = Vec::new();
        for line in lines.iter().copied() {
            if is_subheading(&line.text, PRIMARY_GROUPS) {
                current = Some(TargetGroupKind::Primary);
                blocks.push((TargetGroupKind::Primary, Vec::new()));
            } else if is_subheading(&line.text, INDIRECT_GROUPS) {
                current = Some(TargetGroupKind::Indirect);
                blocks.push((TargetGroupKind::Indirect, Vec::new()));
            } else if let (Some(_), Some((_, block))) = (current, blocks.last_mut()) {
                block.push(line);
            } else if !line.is_blank() {
                self.unrecognised(4, line);
            }
        }
        for (kind, block) in blocks {
            if let Some(description) = text::paragraphs(block) {
                self.project.target_groups.push(TargetGroup {
                    kind,
                    description,
                    criteria: None,
                });
            }
        }
    }

    fn read_funding(&mut self, lines: &[&Line]) {
        let (v, rest) = self.labelled(
            5,
            lines,
            &[
                (GRANTED_EU_STATE, &[]),
                (REALISED_EU_STATE, &[]),
                (PLANNED_PUBLIC, &[]),
                (REALISED_PUBLIC, &[]),
            ],
        );
        for line in rest {
            self.unrecognised(5, line);
        }
        let mut money = |label: &str, path: &str| -> Option<Money> {
            let (n, text) = v.get(label)?;
            match text.parse::<Money>() {
                Ok(m) => Some(m),
                Err(e) => {
                    self.unreadable(path, n, "amount", text, &e.to_string());
                    None
                }
            }
        };
        let granted = money(
            GRANTED_EU_STATE,
            "funding_plan.sources[eu_and_state].granted",
        );
        let realised = money(
            REALISED_EU_STATE,
            "funding_plan.sources[eu_and_state].realised",
        );
        let planned_public = money(PLANNED_PUBLIC, "funding_plan.public_total.planned");
        let realised_public = money(REALISED_PUBLIC, "funding_plan.public_total.realised");
        self.project.funding_plan =
            FundingPlan::from_eura_public(granted, realised, planned_public, realised_public);
    }

    fn read_area(&mut self, lines: &[&Line]) {
        let (v, rest) = self.labelled(
            6,
            lines,
            &[
                (REGIONS, &[]),
                (SUB_REGIONS, &[]),
                (MUNICIPALITIES, &[]),
                (STREET, &[]),
                (POSTAL_CODE, &[]),
                (POST_OFFICE, &[]),
            ],
        );
        for line in rest {
            if label_key(&line.text) != label_key(SITE) {
                self.unrecognised(6, line);
            }
        }
        let year = self.project.period.map_or(2020, |p| p.start().year());
        let Ok(c) = classify::regional_nearest(year) else {
            return;
        };
        let mut area = std::mem::take(&mut self.project.area);
        if let Some((n, list)) = v.get(REGIONS) {
            for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                if label_key(name) == label_key(NATIONWIDE) {
                    area.nationwide = true;
                } else if let Some(code) = super::area::region(c, name) {
                    push_unique(&mut area.regions, code);
                } else {
                    self.unknown_area(n, "area.regions", "region", name, c.year);
                }
            }
        }
        if let Some((n, list)) = v.get(SUB_REGIONS) {
            for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                match super::area::sub_region(c, name) {
                    Some(code) => push_unique(&mut area.sub_regions, code),
                    None => self.unknown_area(n, "area.sub_regions", "sub-region", name, c.year),
                }
            }
        }
        if let Some((n, list)) = v.get(MUNICIPALITIES) {
            for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                match super::area::municipality(c, name) {
                    Some(code) => push_unique(&mut area.municipalities, code),
                    None => {
                        self.unknown_area(n, "area.municipalities", "municipality", name, c.year)
                    }
                }
            }
        }
        area.site = address(&v);
        self.project.area = area;
    }

    fn unknown_area(&mut self, line: u64, path: &str, what: &str, name: &str, year: i32) {
        self.finding(
            &rules::EURA_AREA_UNKNOWN,
            path,
            line,
            format!("{what} {name:?} is not in the {year} classification"),
            format!("aluetta {name:?} ei ole vuoden {year} luokituksessa"),
            format!("området {name:?} finns inte i {year} års klassificering"),
        );
    }

    fn read_monitoring(&mut self, lines: &[&Line]) {
        let mut m = MonitoringEstimates::default();
        let mut blocks: Vec<(bool, Vec<&Line>)> = Vec::new();
        for line in lines.iter().copied() {
            if is_subheading(&line.text, COMPANIES) {
                blocks.push((true, Vec::new()));
            } else if is_subheading(&line.text, PERSONS) {
                blocks.push((false, Vec::new()));
            } else if let Some((_, block)) = blocks.last_mut() {
                block.push(line);
            } else if !line.is_blank() {
                self.unrecognised(7, line);
            }
        }
        for (companies, block) in blocks {
            let (v, rest) = self.labelled(7, &block, &[(PLANNED, &[]), (REALISED, &[])]);
            for line in rest {
                self.unrecognised(7, line);
            }
            let what = if companies { "companies" } else { "persons" };
            let planned = self.count(&v, PLANNED, &format!("monitoring.{what}_planned"));
            let realised = self.count(&v, REALISED, &format!("monitoring.{what}_realised"));
            if companies {
                m.companies_planned = planned;
                m.companies_realised = realised;
            } else {
                m.persons_planned = planned;
                m.persons_realised = realised;
            }
        }
        if m != MonitoringEstimates::default() {
            self.project.monitoring = Some(m);
        }
    }

    fn count(&mut self, v: &Labelled<'_>, label: &str, path: &str) -> Option<u32> {
        let (n, text) = v.get(label)?;
        let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        match digits.parse::<u32>() {
            Ok(c) => Some(c),
            Err(_) => {
                self.unreadable(path, n, "count", text, "not a whole number");
                None
            }
        }
    }

    fn read_horizontal(&mut self, lines: &[&Line]) {
        let mut gender: Vec<&Line> = Vec::new();
        let mut scores: Vec<&Line> = Vec::new();
        let mut current: Option<bool> = None;
        for line in lines.iter().copied() {
            if is_subheading(&line.text, GENDER) {
                current = Some(true);
            } else if is_subheading(&line.text, SUSTAINABILITY) {
                current = Some(false);
            } else {
                match current {
                    Some(true) => gender.push(line),
                    Some(false) => scores.push(line),
                    None if !line.is_blank() => self.unrecognised(8, line),
                    None => {}
                }
            }
        }
        let gender = self.read_gender(&gender);
        let sustainable_development = self.read_scores(&scores);
        if gender.is_some() || !sustainable_development.is_empty() {
            self.project.horizontal_principles = Some(HorizontalPrinciples {
                gender_equality: gender,
                sustainable_development,
            });
        }
    }

    fn read_gender(&mut self, lines: &[&Line]) -> Option<GenderEquality> {
        let statements = [ANALYSIS, MAINSTREAMED, MAIN_OBJECTIVE];
        let mut answers: [Option<bool>; 3] = [None; 3];
        let mut texts: [Vec<&Line>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        let mut current: Option<usize> = None;
        for line in lines.iter().copied() {
            let statement = split_label(&line.text).and_then(|(label, value)| {
                statements
                    .iter()
                    .position(|s| label_key(s) == label_key(label))
                    .map(|i| (i, value))
            });
            match statement {
                Some((i, value)) => {
                    current = Some(i);
                    let answer = match value.map(label_key).as_deref() {
                        Some("kyllä") => Some(true),
                        Some("ei") => Some(false),
                        None => None,
                        Some(_) => {
                            self.unreadable(
                                "horizontal_principles.gender_equality",
                                line.number,
                                "answer",
                                value.unwrap_or(""),
                                "expected Kyllä or Ei",
                            );
                            None
                        }
                    };
                    if let Some(slot) = answers.get_mut(i) {
                        *slot = answer;
                    }
                }
                None => match current.and_then(|i| texts.get_mut(i)) {
                    Some(t) => t.push(line),
                    None if !line.is_blank() => self.unrecognised(8, line),
                    None => {}
                },
            }
        }
        let [a, m, o] = answers;
        let [ta, tm, to] = texts;
        let g = GenderEquality {
            analysis_done: a,
            analysis_text: text::paragraphs(ta),
            mainstreamed: m,
            mainstreamed_text: text::paragraphs(tm),
            main_objective: o,
            main_objective_text: text::paragraphs(to),
        };
        (g != GenderEquality::default()).then_some(g)
    }

    fn read_scores(&mut self, lines: &[&Line]) -> Vec<SustainabilityAssessment> {
        let mut out: Vec<(SustainabilityAssessment, Vec<&Line>)> = Vec::new();
        for line in lines.iter().copied() {
            let key = label_key(&line.text);
            if key.is_empty() {
                if let Some((_, j)) = out.last_mut() {
                    j.push(line);
                }
                continue;
            }
            // A group's heading opens that group: only where the criteria so
            // far are of another group. Inside its own group the same words
            // are a justification's line, kept as such (a justification that
            // names its group is not lost).
            let current = out.last().map(|(a, _)| a.criterion.group());
            if key.replace(' ', "") == label_key(SCORE_HEADER)
                || [
                    SustainabilityGroup::Ecological,
                    SustainabilityGroup::Economic,
                    SustainabilityGroup::SocialAndCultural,
                ]
                .iter()
                .any(|g| label_key(g.label_fi()) == key && current != Some(*g))
            {
                continue;
            }
            match score_line(&line.text) {
                Some((label, direct, indirect)) => {
                    match SustainabilityCriterion::from_label_fi(label) {
                        Some(criterion) => {
                            let (Some(d), Some(i)) = (Score::new(direct), Score::new(indirect))
                            else {
                                self.unreadable(
                                    "horizontal_principles.sustainable_development",
                                    line.number,
                                    "scores",
                                    &line.text,
                                    "scores run from 0 to 10",
                                );
                                continue;
                            };
                            out.push((
                                SustainabilityAssessment {
                                    criterion,
                                    direct: d,
                                    indirect: i,
                                    justification: None,
                                },
                                Vec::new(),
                            ));
                        }
                        None => self.unreadable(
                            "horizontal_principles.sustainable_development",
                            line.number,
                            "criterion",
                            label,
                            "not a sustainable-development criterion of EURA 2014",
                        ),
                    }
                }
                None => match out.last_mut() {
                    Some((_, j)) => j.push(line),
                    None => self.unrecognised(8, line),
                },
            }
        }
        out.into_iter()
            .map(|(mut a, j)| {
                a.justification = text::paragraphs(j);
                a
            })
            .collect()
    }

    fn check_complete(&mut self, order: &[u8], last_line: u64) {
        let last = order.iter().copied().max();
        let missing: Vec<u8> = (1..=9).filter(|n| !order.contains(n)).collect();
        if missing.is_empty() {
            return;
        }
        let list = missing
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let (en, fi, sv) = match last {
            Some(l) if missing.iter().all(|m| *m > l) => {
                let title = SECTION_TITLES
                    .iter()
                    .find(|(n, _)| *n == l)
                    .map_or("", |(_, t)| *t);
                (
                    format!(
                        "the description ends early, in section {l} ({title}); sections {list} are missing"
                    ),
                    format!("kuvaus päättyy kesken osiossa {l} ({title}); osiot {list} puuttuvat"),
                    format!(
                        "beskrivningen slutar i förtid, i avsnitt {l} ({title}); avsnitten {list} saknas"
                    ),
                )
            }
            Some(_) => (
                format!("sections {list} are missing"),
                format!("osiot {list} puuttuvat"),
                format!("avsnitten {list} saknas"),
            ),
            None => (
                "no numbered section found: not an EURA 2014 description".to_string(),
                "numeroituja osioita ei löydy: ei EURA 2014 -hankekuvaus".to_string(),
                "inga numrerade avsnitt: inte en projektbeskrivning från EURA 2014".to_string(),
            ),
        };
        self.finding(
            &rules::EURA_DESCRIPTION_INCOMPLETE,
            "sections",
            last_line,
            en,
            fi,
            sv,
        );
    }

    /// Placement the form itself implies: the ESF 2014–2020 programme.
    fn finish(&mut self) {
        let code = self.project.code;
        let fund = self.title_fund.or_else(|| code.and_then(|c| c.fund()));
        let pl = &mut self.project.placement;
        pl.fund = fund;
        pl.programme = Some(ProgrammePeriod::Period2014To2020);
        if fund == Some(Fund::Esf) {
            pl.funder = Some("esr".to_string());
        }
        self.project.source = Some("EURA 2014 public project description".to_string());
    }
}

fn address(v: &Labelled<'_>) -> Option<Address> {
    let a = Address {
        street: v.text(STREET),
        postal_code: v.text(POSTAL_CODE),
        post_office: v.text(POST_OFFICE),
    };
    (a != Address::default()).then_some(a)
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, item: T) {
    if !v.contains(&item) {
        v.push(item);
    }
}

fn looks_like_business_id(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty() && s.len() <= 10 && s.chars().all(|c| c.is_ascii_digit() || c == '-')
}

/// `Label 4 6`: a criterion and its direct and indirect scores.
fn score_line(line: &str) -> Option<(&str, u8, u8)> {
    let (rest, indirect) = line.trim().rsplit_once(' ')?;
    let (label, direct) = rest.trim_end().rsplit_once(' ')?;
    Some((label.trim(), direct.parse().ok()?, indirect.parse().ok()?))
}

/// Writes a project as an EURA 2014 public description, in the form
/// [`parse_description`] reads: reading the result gives the same project for
/// everything the form holds, and writing that again gives the same text
/// (`tests/eura_properties.rs` checks both on redrawn projects).
///
/// The form has no escapes, so two kinds of free-text line cannot be told from
/// the form's own lines, in EURA's pages as here: a line that is exactly a
/// section heading or sub-heading (`3 Suunnitelman mukainen tiivistelmä
/// toteutuksesta`), and a line of a sustainable-development justification that
/// ends in two numbers (`… 1 0`), or that is exactly the heading of a later
/// group of the table (`Taloudellinen kestävyys` under an ecological
/// criterion). Such a text reads back with a finding, or as a heading. (A
/// justification line that names its own group is read as text.)
///
/// ```
/// use hanke::eura::{parse_description, render_description};
/// let mut p = hanke::project::Project::new("Toimari");
/// p.code = Some("S20064".parse().unwrap());
/// p.placement.priority = Some(5);
/// let text = render_description(&p);
/// assert!(text.contains("Toimintalinja: 5. Sosiaalinen osallisuus ja köyhyyden torjunta"));
/// let back = parse_description(&text);
/// assert!(back.is_complete());
/// assert_eq!(back.project.placement.priority, Some(5));
/// ```
pub fn render_description(project: &Project) -> String {
    let mut w = Writer::default();
    let prog = programme::programme(ProgrammePeriod::Period2014To2020);
    w.line(HEADER);
    w.line(TITLE_ESF);
    w.heading(1);
    w.label(CODE, project.code.map(|c| c.to_string()));
    w.label(NAME, Some(project.name.clone()));
    w.label(
        PRIORITY,
        project
            .placement
            .priority
            .map(|n| placement::render_priority(prog, n)),
    );
    w.label(
        OBJECTIVE,
        project
            .placement
            .specific_objective
            .as_deref()
            .map(|c| placement::render_specific_objective(prog, c)),
    );
    w.label(
        PERIOD,
        project.period.map(|p| {
            format!(
                "Alkaa {} ja päättyy {}",
                p.start().format_fi(),
                p.end().format_fi()
            )
        }),
    );
    w.label(
        STATUS,
        project
            .reported_status
            .as_ref()
            .map(|s| s.text().to_string()),
    );
    w.label(
        AUTHORITY,
        project
            .placement
            .responsible_authority
            .map(|a| a.name_fi().to_string()),
    );

    w.heading(2);
    let main = project.main_implementer().map(|i| &i.organisation);
    let address = main.and_then(|o| o.address.as_ref());
    let contact = main.and_then(|o| o.contacts.first());
    w.label(APPLICANT, main.map(|o| o.name.clone()));
    w.label(
        KIND,
        main.and_then(|o| o.kind.as_ref())
            .map(|k| k.label_fi().to_string()),
    );
    w.label(
        BUSINESS_ID,
        main.and_then(|o| o.business_id).map(|b| b.to_string()),
    );
    w.label(STREET, address.and_then(|a| a.street.clone()));
    w.label(PHONE, main.and_then(|o| o.phone.clone()));
    w.label(POSTAL_CODE, address.and_then(|a| a.postal_code.clone()));
    w.label(POST_OFFICE, address.and_then(|a| a.post_office.clone()));
    w.label(WEBSITE, main.and_then(|o| o.website.clone()));
    w.label(CONTACT_NAME, contact.map(|c| c.name.clone()));
    w.label(CONTACT_TITLE, contact.and_then(|c| c.title.clone()));
    w.label(
        CONTACT_EMAIL,
        contact
            .and_then(|c| c.email.as_ref())
            .map(|e| e.as_str().replacen('@', "(at)", 1)),
    );
    w.label(CONTACT_PHONE, contact.and_then(|c| c.phone.clone()));
    w.label(
        ARRANGEMENT,
        project
            .applicant_arrangement
            .as_ref()
            .map(|a| a.label_fi().to_string()),
    );
    let co: Vec<&Implementer> = project
        .implementers_with_role(ImplementerRole::CoImplementer)
        .collect();
    if !co.is_empty() {
        w.line(CO_IMPLEMENTERS);
        let rendered: Vec<String> = co
            .iter()
            .map(|i| {
                let o = &i.organisation;
                let mut parts = vec![o.name.clone()];
                parts.extend(o.kind.as_ref().map(|k| k.label_fi().to_string()));
                parts.extend(o.business_id.map(|b| b.to_string()));
                parts.join(", ")
            })
            .collect();
        w.block(&rendered.join("\n"));
    }

    w.heading(3);
    w.text(project.summary.as_deref());

    w.heading(4);
    for (kind, sub) in [
        (TargetGroupKind::Primary, PRIMARY_GROUPS),
        (TargetGroupKind::Indirect, INDIRECT_GROUPS),
    ] {
        w.line(&format!("{} {}", sub.0, sub.1));
        let groups: Vec<&str> = project
            .target_groups
            .iter()
            .filter(|g| g.kind == kind)
            .map(|g| g.description.as_str())
            .collect();
        w.text(Some(&groups.join("\n\n")));
    }

    w.heading(5);
    let plan = &project.funding_plan;
    let fmt = |m: Option<Money>| m.map(|m| m.format_fi(true));
    w.label(
        GRANTED_EU_STATE,
        fmt(plan.eu_and_state(Stage::Granted).ok().flatten()),
    );
    w.label(
        REALISED_EU_STATE,
        fmt(plan.eu_and_state(Stage::Realised).ok().flatten()),
    );
    w.label(PLANNED_PUBLIC, fmt(plan.public_total.planned));
    w.label(REALISED_PUBLIC, fmt(plan.public_total.realised));

    w.heading(6);
    let year = project.period.map_or(2020, |p| p.start().year());
    let c = classify::regional_nearest(year).ok();
    let mut regions: Vec<String> = Vec::new();
    if project.area.nationwide {
        regions.push(NATIONWIDE.to_string());
    }
    regions.extend(
        project
            .area
            .regions
            .iter()
            .filter_map(|r| c.and_then(|c| c.region(*r)).map(|r| r.name_fi.clone())),
    );
    let subs: Vec<String> = project
        .area
        .sub_regions
        .iter()
        .filter_map(|s| {
            c.and_then(|c| c.sub_region(*s))
                .map(super::area::sub_region_printed)
        })
        .collect();
    let munis: Vec<String> = project
        .area
        .municipalities
        .iter()
        .filter_map(|m| {
            c.and_then(|c| c.municipality(*m))
                .map(|m| m.name_fi.clone())
        })
        .collect();
    w.label(REGIONS, Some(regions.join(", ")));
    w.label(SUB_REGIONS, Some(subs.join(", ")));
    w.label(MUNICIPALITIES, Some(munis.join(", ")));
    w.line(SITE);
    let site = project.area.site.as_ref();
    w.label(STREET, site.and_then(|a| a.street.clone()));
    w.label(POSTAL_CODE, site.and_then(|a| a.postal_code.clone()));
    w.label(POST_OFFICE, site.and_then(|a| a.post_office.clone()));

    w.heading(7);
    let m = project.monitoring.unwrap_or_default();
    for ((num, title), planned, realised) in [
        (COMPANIES, m.companies_planned, m.companies_realised),
        (PERSONS, m.persons_planned, m.persons_realised),
    ] {
        w.line(&format!("{num} {title}"));
        w.label(PLANNED, planned.map(|n| n.to_string()));
        w.label(REALISED, realised.map(|n| n.to_string()));
    }

    w.heading(8);
    let hp = project.horizontal_principles.as_ref();
    let g = hp
        .and_then(|h| h.gender_equality.clone())
        .unwrap_or_default();
    w.line(&format!("{} {}", GENDER.0, GENDER.1));
    let yes_no = |b: Option<bool>| match b {
        Some(true) => "Kyllä",
        Some(false) => "Ei",
        None => "",
    };
    let mut gender_lines: Vec<String> = Vec::new();
    for (statement, answer, text) in [
        (ANALYSIS, g.analysis_done, &g.analysis_text),
        (MAINSTREAMED, g.mainstreamed, &g.mainstreamed_text),
        (MAIN_OBJECTIVE, g.main_objective, &g.main_objective_text),
    ] {
        gender_lines.push(
            format!("{statement}: {}", yes_no(answer))
                .trim_end()
                .to_string(),
        );
        if let Some(t) = text.as_deref().and_then(text::normalise_paragraphs) {
            gender_lines.push(t);
        }
    }
    w.block(&gender_lines.join("\n"));
    w.line(&format!("{} {}", SUSTAINABILITY.0, SUSTAINABILITY.1));
    let mut table: Vec<String> = vec![SCORE_HEADER.to_string()];
    let mut group: Option<SustainabilityGroup> = None;
    for a in hp
        .map(|h| h.sustainable_development.as_slice())
        .unwrap_or(&[])
    {
        if group != Some(a.criterion.group()) {
            group = Some(a.criterion.group());
            table.push(a.criterion.group().label_fi().to_string());
        }
        table.push(format!(
            "{} {} {}",
            a.criterion.label_fi(),
            a.direct.value(),
            a.indirect.value()
        ));
        if let Some(j) = a
            .justification
            .as_deref()
            .and_then(text::normalise_paragraphs)
        {
            table.push(j);
        }
    }
    w.block(&table.join("\n"));

    w.heading(9);
    w.text(project.final_report_summary.as_deref());
    w.out
}

#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    /// A line followed by a blank line, as the public pages print every line.
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push_str("\n\n");
    }

    /// Lines printed together, then a blank line.
    fn block(&mut self, s: &str) {
        if !s.is_empty() {
            self.line(s);
        }
    }

    fn heading(&mut self, n: u8) {
        let title = SECTION_TITLES
            .iter()
            .find(|(k, _)| *k == n)
            .map_or("", |(_, t)| *t);
        self.line(&format!("{n} {title}"));
    }

    fn label(&mut self, label: &str, value: Option<String>) {
        match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            Some(v) => self.line(&format!("{label}: {}", v.replace('\n', " "))),
            None => self.line(&format!("{label}:")),
        }
    }

    /// Free text: its paragraphs separated by blank lines; lines starting with
    /// what would read as a heading are kept as they are, since headings must
    /// match a known title exactly.
    fn text(&mut self, s: Option<&str>) {
        if let Some(t) = s.and_then(text::normalise_paragraphs) {
            self.line(&t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_need_their_title() {
        assert_eq!(
            section_heading("3 Suunnitelman mukainen tiivistelmä toteutuksesta"),
            Some(3)
        );
        assert_eq!(
            section_heading("3. suunnitelman  mukainen tiivistelmä toteutuksesta"),
            Some(3)
        );
        assert_eq!(section_heading("3 kertaa viikossa"), None);
        assert_eq!(section_heading("4 Hanke"), None);
    }

    /// A justification line that names its own group stays text (a property
    /// test's seed: `Ekologinen kestävyys` under an ecological criterion was
    /// taken for the heading and the line lost).
    #[test]
    fn a_justification_naming_its_own_group_is_kept() {
        let text = include_str!("../../../../examples/data/eura/descriptions/S22026.txt").replace(
            "Luonnonvarojen käytön kestävyys 4 6\n",
            "Luonnonvarojen käytön kestävyys 4 6\nEkologinen kestävyys\n",
        );
        let read = parse_description(&text);
        let scores = read
            .project
            .horizontal_principles
            .map(|h| h.sustainable_development)
            .unwrap_or_default();
        let first = scores.first().and_then(|a| a.justification.clone());
        assert!(
            first.is_some_and(|j| j.starts_with("Ekologinen kestävyys")),
            "{scores:?}"
        );
    }

    #[test]
    fn co_implementer_lines() {
        let mut r = Reader::default();
        let line = |t: &str| Line {
            number: 7,
            text: t.to_string(),
        };
        let a = r.co_implementer(&line("Pieksämäen seudun liikunta, 1457143-7"));
        assert_eq!(a.organisation.name, "Pieksämäen seudun liikunta");
        assert_eq!(a.organisation.business_id.unwrap().to_string(), "1457143-7");
        let b = r.co_implementer(&line("Oulun yliopisto, Yliopisto, 0245895-5"));
        assert_eq!(b.organisation.name, "Oulun yliopisto");
        assert_eq!(b.organisation.kind, Some(OrganisationKind::University));
        let c = r.co_implementer(&line("Yhdistys A, B ja C"));
        assert_eq!(c.organisation.name, "Yhdistys A, B ja C");
        assert!(r.findings.is_empty());
        let d = r.co_implementer(&line("Väärä Oy, 1234567-0"));
        assert_eq!(d.organisation.name, "Väärä Oy");
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.findings[0].line, Some(7));
    }

    #[test]
    fn score_lines() {
        assert_eq!(
            score_line("Luonnonvarojen käytön kestävyys 4 6"),
            Some(("Luonnonvarojen käytön kestävyys", 4, 6))
        );
        assert_eq!(score_line("Ei vaikutusta"), None);
    }
}
