//! A project as an IATI 2.03 activity — *IATI-julkaisu*: the aid world's open
//! XML format (iatistandard.org, version 2.03; the schema is shipped in
//! `schemas/iati-2.03/` and the tests validate every bundled project against
//! it offline).
//!
//! What goes where (IATI 2.03 codelists, read from github.com/IATI/IATI-Codelists
//! and IATI-Codelists-NonEmbedded):
//!
//! | IATI | from the project |
//! |---|---|
//! | `iati-identifier` | `FI-PRO-<Y-tunnus of the main implementer>-<project code>` |
//! | `reporting-org` | the main implementer, `FI-PRO-<Y-tunnus>` (org-id prefix of the Finnish Patent and Registration Office), type by organisation kind |
//! | `title`, `description` 1 / 2 / 3 | name; summary (or the name); objectives; target groups |
//! | `participating-org` | funder (role 1 Funding), responsible authority (3 Extending), main implementer (2 Accountable and 4 Implementing), co-implementers and partners (4) |
//! | `activity-status` | 1 pipeline before the period, 2 implementation within it, 3 finalisation after it (on the cut-off day) |
//! | `activity-date` | 1 planned start, 3 planned end (the plan's period) |
//! | `recipient-country` | FI |
//! | `budget` | the granted (else planned) total over the project period — only when the period is at most a year, as the IATI ruleset asks of a budget period; longer projects have no yearly split to give |
//! | `transaction` | per source of the financing plan: 11 incoming commitment (granted, dated at the start), 1 incoming funds (realised, dated at the end or the cut-off, whichever is earlier) |
//! | `result` | each project indicator (baseline, target, actual at the cut-off); the EU common indicators computed from participants (actual, by the period's catalogue) |
//!
//! Organisation types (`OrganisationType`, verified): municipalities and joint
//! municipal authorities and wellbeing services counties 11 Local Government,
//! state authorities 10 Government, research institutes 15 Other Public
//! Sector, universities 80 Academic, foundations 60, associations and NGOs 22
//! National NGO, companies and cooperatives 70 Private Sector, parishes and
//! the rest 90 Other.

use std::fmt::Write as _;

use chrono::{NaiveDate, NaiveDateTime};

use super::ExportError;
use crate::activity::{ActivityLog, Figure};
use crate::funding::Stage;
use crate::indicator::CommonIndicators;
use crate::money::Money;
use crate::org::{Organisation, OrganisationKind};
use crate::project::{ImplementerRole, Project, ProjectStatus};

/// What an IATI export needs besides the project — *IATI-julkaisun asetukset*.
///
/// ```
/// use hanke::export::iati::IatiOptions;
/// let day = chrono::NaiveDate::from_ymd_opt(2021, 1, 31).unwrap();
/// let o = IatiOptions::new(day);
/// assert_eq!(o.language, "fi");
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct IatiOptions<'a> {
    /// The day the data stand on: status, actual values and the last date of
    /// realised money.
    pub cut_off: NaiveDate,
    /// When the file is generated (`generated-datetime`, `last-updated-datetime`);
    /// the end of the cut-off day by default, so that the same data give the
    /// same file.
    pub generated: NaiveDateTime,
    /// The language of the project's texts (ISO 639-1).
    pub language: &'static str,
    /// The EU common indicators computed from the project's participants.
    pub common_indicators: Option<&'a CommonIndicators>,
    /// The project's activities, for project indicators computed from them.
    pub activities: Option<&'a ActivityLog>,
    /// The publisher's own id for a project without a code (IATI asks an
    /// activity id unique within the reporting organisation); the project
    /// code is used when there is one.
    pub activity_id: Option<&'a str>,
}

impl<'a> IatiOptions<'a> {
    /// Options for `cut_off`, texts in Finnish, nothing else given.
    pub fn new(cut_off: NaiveDate) -> IatiOptions<'a> {
        IatiOptions {
            cut_off,
            generated: cut_off
                .and_hms_opt(23, 59, 59)
                .unwrap_or(NaiveDateTime::MIN),
            language: "fi",
            common_indicators: None,
            activities: None,
            activity_id: None,
        }
    }
}

/// The IATI organisation identifier of an organisation with a business ID:
/// `FI-PRO-<Y-tunnus>`.
///
/// ```
/// use hanke::export::iati::organisation_ref;
/// use hanke::org::Organisation;
/// let mut o = Organisation::new("Tukeva-säätiö sr");
/// o.business_id = Some("2211414-8".parse()?);
/// assert_eq!(organisation_ref(&o).as_deref(), Some("FI-PRO-2211414-8"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn organisation_ref(org: &Organisation) -> Option<String> {
    org.business_id.as_ref().map(|id| format!("FI-PRO-{id}"))
}

/// The IATI `OrganisationType` code of an organisation kind (see the module
/// table); `None` when the kind is not known.
pub fn organisation_type(kind: Option<&OrganisationKind>) -> Option<&'static str> {
    use OrganisationKind as K;
    Some(match kind? {
        K::Municipality | K::JointMunicipalAuthority | K::WellbeingServicesCounty => "11",
        K::StateAuthority => "10",
        K::ResearchInstitute => "15",
        K::University | K::UniversityOfAppliedSciences => "80",
        K::Foundation => "60",
        K::NonGovernmentalOrganisation | K::Association => "22",
        K::LimitedCompany | K::Cooperative | K::MicroEnterprise => "70",
        K::Parish | K::Other(_) => "90",
    })
}

/// The project as an IATI 2.03 `iati-activities` document with one activity.
///
/// Fails when the project has no code (and no [`IatiOptions::activity_id`])
/// or its main implementer no business ID — IATI identifiers are built from
/// both — or when it has no period (IATI requires its dates).
///
/// ```
/// use hanke::Project;
/// use hanke::export::iati::{IatiOptions, to_iati_xml};
/// let p = Project::from_json_str(include_str!("../../../../examples/data/projects/toimet_S22026.json"))?;
/// let day = chrono::NaiveDate::from_ymd_opt(2021, 1, 31).unwrap();
/// let xml = to_iati_xml(&p, &IatiOptions::new(day))?;
/// assert!(xml.contains("<iati-identifier>FI-PRO-2211414-8-S22026</iati-identifier>"));
/// assert!(xml.contains(r#"<activity-status code="3"/>"#)); // ended 30.9.2020
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_iati_xml(project: &Project, options: &IatiOptions<'_>) -> Result<String, ExportError> {
    let mut out = String::new();
    let generated = options.generated.format("%Y-%m-%dT%H:%M:%S");
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<iati-activities version="2.03" generated-datetime="{generated}">"#
    );
    activity(&mut out, project, options)?;
    out.push_str("</iati-activities>\n");
    Ok(out)
}

/// Writes one `iati-activity` element.
fn activity(out: &mut String, p: &Project, o: &IatiOptions<'_>) -> Result<(), ExportError> {
    let code = match (&p.code, o.activity_id.map(str::trim)) {
        (Some(code), _) => code.to_string(),
        (None, Some(id)) if !id.is_empty() => id.to_string(),
        _ => return Err(ExportError::NoProjectCode),
    };
    let main = p
        .implementers
        .iter()
        .find(|i| i.role == ImplementerRole::Main)
        .ok_or(ExportError::NoReportingOrganisation)?;
    let reporting_ref =
        organisation_ref(&main.organisation).ok_or(ExportError::NoReportingOrganisation)?;
    // activity-date is required; a project without its period cannot say when
    // it runs, and the export does not guess.
    let (start, end) = p
        .period
        .map(|pp| (pp.start().first_day(), pp.end().last_day()))
        .ok_or(ExportError::NoPeriod)?;
    let _ = writeln!(
        out,
        r#" <iati-activity last-updated-datetime="{}" xml:lang="{}" default-currency="EUR">"#,
        o.generated.format("%Y-%m-%dT%H:%M:%S"),
        o.language
    );
    let _ = writeln!(
        out,
        "  <iati-identifier>{}-{}</iati-identifier>",
        esc(&reporting_ref),
        esc(&code)
    );
    let _ = writeln!(
        out,
        r#"  <reporting-org ref="{}" type="{}">{}</reporting-org>"#,
        esc(&reporting_ref),
        organisation_type(main.organisation.kind.as_ref()).unwrap_or("90"),
        narrative(&main.organisation.name)
    );
    let _ = writeln!(out, "  <title>{}</title>", narrative(&p.name));
    let summary = p.summary.as_deref().unwrap_or(&p.name);
    let _ = writeln!(
        out,
        r#"  <description type="1">{}</description>"#,
        narrative(summary)
    );
    if !p.objectives.is_empty() {
        let _ = writeln!(
            out,
            r#"  <description type="2">{}</description>"#,
            narrative(&p.objectives.join("\n"))
        );
    }
    if !p.target_groups.is_empty() {
        let groups: Vec<&str> = p
            .target_groups
            .iter()
            .map(|g| g.description.as_str())
            .collect();
        let _ = writeln!(
            out,
            r#"  <description type="3">{}</description>"#,
            narrative(&groups.join("\n"))
        );
    }
    participating_orgs(out, p);
    let status = match p.status_on(o.cut_off) {
        Some(ProjectStatus::NotStarted) => "1",
        Some(ProjectStatus::Ended) => "3",
        Some(ProjectStatus::Active) | None => "2",
    };
    let _ = writeln!(out, r#"  <activity-status code="{status}"/>"#);
    let _ = writeln!(out, r#"  <activity-date iso-date="{start}" type="1"/>"#);
    let _ = writeln!(out, r#"  <activity-date iso-date="{end}" type="3"/>"#);
    out.push_str("  <recipient-country code=\"FI\" percentage=\"100\"/>\n");
    budget(out, p, start, end);
    transactions(out, p, start, end.min(o.cut_off));
    results(out, p, o, (start, end));
    out.push_str(" </iati-activity>\n");
    Ok(())
}

fn participating_orgs(out: &mut String, p: &Project) {
    let funder = p
        .placement
        .funder
        .as_deref()
        .and_then(crate::programme::Funder::named)
        .map(|f| f.name_fi.to_string())
        .or_else(|| p.placement.funder.clone());
    if let Some(name) = funder {
        let _ = writeln!(
            out,
            r#"  <participating-org role="1">{}</participating-org>"#,
            narrative(&name)
        );
    }
    if let Some(authority) = p.placement.responsible_authority {
        let _ = writeln!(
            out,
            r#"  <participating-org role="3" type="10">{}</participating-org>"#,
            narrative(authority.name_fi())
        );
    }
    for i in &p.implementers {
        let org = &i.organisation;
        let mut attrs = String::new();
        if let Some(r) = organisation_ref(org) {
            let _ = write!(attrs, r#" ref="{}""#, esc(&r));
        }
        if let Some(t) = organisation_type(org.kind.as_ref()) {
            let _ = write!(attrs, r#" type="{t}""#);
        }
        let roles: &[&str] = if i.role == ImplementerRole::Main {
            &["2", "4"]
        } else {
            &["4"]
        };
        for role in roles {
            let _ = writeln!(
                out,
                r#"  <participating-org{attrs} role="{role}">{}</participating-org>"#,
                narrative(&org.name)
            );
        }
    }
}

/// One budget over the whole period, where the period is at most a year long.
fn budget(out: &mut String, p: &Project, start: NaiveDate, end: NaiveDate) {
    if end.signed_duration_since(start).num_days() > 365 {
        return;
    }
    let plan = &p.funding_plan;
    let (value, status) = match (plan.total(Stage::Granted), plan.total(Stage::Planned)) {
        (Ok(Some(granted)), _) => (granted, "2"),
        (_, Ok(Some(planned))) => (planned, "1"),
        _ => return,
    };
    let _ = writeln!(
        out,
        r#"  <budget type="1" status="{status}"><period-start iso-date="{start}"/><period-end iso-date="{end}"/><value value-date="{start}">{}</value></budget>"#,
        value.to_plain_string()
    );
}

/// Incoming commitments (granted) and incoming funds (realised) per source.
fn transactions(out: &mut String, p: &Project, start: NaiveDate, last: NaiveDate) {
    let last = last.max(start);
    for (kind, stage, day) in [("11", Stage::Granted, start), ("1", Stage::Realised, last)] {
        for line in &p.funding_plan.sources {
            let Some(value) = line.amounts.get(stage) else {
                continue;
            };
            transaction(out, kind, day, value, line.source.label_fi());
        }
    }
}

fn transaction(out: &mut String, kind: &str, day: NaiveDate, value: Money, provider: &str) {
    let _ = writeln!(
        out,
        r#"  <transaction><transaction-type code="{kind}"/><transaction-date iso-date="{day}"/><value value-date="{day}">{}</value><provider-org>{}</provider-org></transaction>"#,
        value.to_plain_string(),
        narrative(provider)
    );
}

/// The project's own indicators, then the EU common indicators computed from
/// participants.
fn results(
    out: &mut String,
    p: &Project,
    o: &IatiOptions<'_>,
    (start, end): (NaiveDate, NaiveDate),
) {
    for ind in &p.indicators {
        let actual = ind.actual(o.activities, Some(o.cut_off));
        let title = match &ind.name_en {
            Some(en) => format!("{} ({en})", ind.name),
            None => ind.name.clone(),
        };
        let _ = write!(
            out,
            r#"  <result type="1">{}<indicator measure="{}" ascending="1">{}<reference vocabulary="99" code="{}"/>"#,
            titled(&title),
            if ind.unit.trim() == "%" { "2" } else { "1" },
            titled(&format!("{} ({})", ind.name, ind.unit)),
            esc(&ind.code)
        );
        if let Some(b) = ind.baseline {
            let _ = write!(
                out,
                r#"<baseline year="{}" iso-date="{start}" value="{b}"/>"#,
                chrono::Datelike::year(&start).max(1)
            );
        }
        let _ = write!(
            out,
            r#"<period><period-start iso-date="{start}"/><period-end iso-date="{end}"/>"#
        );
        if let Some(t) = ind.target {
            let _ = write!(out, r#"<target value="{t}"/>"#);
        }
        if let Some(v) = figure_value(&actual) {
            let _ = write!(out, r#"<actual value="{v}"/>"#);
        }
        out.push_str("</period></indicator></result>\n");
    }
    let Some(common) = o.common_indicators else {
        return;
    };
    let computed: Vec<_> = common
        .values()
        .filter_map(|v| v.value.map(|t| (v.indicator, t)))
        .collect();
    if computed.is_empty() {
        return;
    }
    let _ = write!(
        out,
        r#"  <result type="1">{}"#,
        titled("EU:n yhteiset indikaattorit (EU common indicators)")
    );
    for (ind, tally) in computed {
        let _ = write!(
            out,
            r#"<indicator measure="1" ascending="1">{}<reference vocabulary="99" code="{}"/><period><period-start iso-date="{start}"/><period-end iso-date="{end}"/><actual value="{}"/></period></indicator>"#,
            titled(&format!("{} {} ({})", ind.code, ind.name_fi, ind.name_en)),
            esc(ind.code),
            tally.total()
        );
    }
    out.push_str("</result>\n");
}

/// A figure as IATI's `value` text: counts whole, percentages and means with
/// one decimal point (IATI values are plain decimals).
fn figure_value(f: &Figure) -> Option<String> {
    match f {
        Figure::Count { value } => Some(value.to_string()),
        Figure::None | Figure::Overflow => None,
        _ => f.tenths().map(|t| format!("{}.{}", t / 10, t % 10)),
    }
}

fn titled(text: &str) -> String {
    format!("<title>{}</title>", narrative(text))
}

fn narrative(text: &str) -> String {
    format!("<narrative>{}</narrative>", esc(text))
}

/// XML text and attribute escaping through the publication gate (identity
/// codes masked); characters XML 1.0 forbids are dropped.
fn esc(text: &str) -> String {
    let text = crate::publish::text(text);
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&apos;"),
            '\t' | '\n' | '\r' => s.push(c),
            c if u32::from(c) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => s.push(c),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(
            esc(r#"A & B <c> "d" 'e'"#),
            "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;"
        );
        assert_eq!(esc("a\u{0}b\u{1b}c\nd"), "abc\nd");
    }
}
