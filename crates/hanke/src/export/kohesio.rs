//! A portfolio as Kohesio-style operation rows — *toimien luettelo*: one CSV
//! row per project with the data the managing authority publishes in its list
//! of operations under CPR (Reg. (EU) 2021/1060) Art 49(3), which Kohesio
//! (kohesio.ec.europa.eu) gathers.
//!
//! # Source
//!
//! Art 49(3): the managing authority publishes the list of operations selected
//! for support, updated at least every four months; each operation has a
//! unique code, and the list holds (points as in the Article):
//!
//! | Point | Data | Column |
//! |---|---|---|
//! | — | the operation's unique code | `operation_code` |
//! | (a) | for legal persons, the beneficiary's name (for public procurement also the contractor's) | `beneficiary_name` (+ `beneficiary_id`, the Y-tunnus) |
//! | (b) | where the beneficiary is a natural person, first name and surname | — (hanke's beneficiaries are organisations) |
//! | (c) | for EMFAF operations with a fishing vessel, its Union fleet register number | — (not ESF+) |
//! | (d) | the name of the operation | `operation_name` |
//! | (e) | its purpose and its expected or actual achievements | `purpose_and_achievements` |
//! | (f) | the start date | `start_date` |
//! | (g) | the expected or actual date of completion | `end_date` |
//! | (h) | the total cost | `total_cost_eur` |
//! | (i) | the Fund concerned | `fund` (+ `programme`) |
//! | (j) | the specific objective concerned | `specific_objective` |
//! | (k) | the Union co-financing rate | `union_cofinancing_rate` |
//! | (l) | the location indicator or geolocation, and the country concerned | `location`, `country` |
//! | (m) | for mobile operations or several locations, the beneficiary's location (legal persons) | `beneficiary_location` |
//! | (n) | the type of intervention (Art 73(2)(g), Annex I codes) | `type_of_intervention` |
//!
//! Checked against the regulation's text as quoted by a managing authority
//! (Romanian Ministry of Internal Affairs, "Lista operațiunilor selectate",
//! fed.mai.gov.ro, 2024: points (a) and (d)–(n) verbatim) and the keep.eu FAQ
//! "List of operations (2021-2027 period)" (the unique code and the four-month
//! update). Points (b) and (c) were elided in that quotation; they concern
//! natural persons and fishing vessels, which hanke's project model does not
//! have. Art 49(3) fixes the data, not the header names: the names here are
//! hanke's, and Kohesio's own files label them differently.
//!
//! Where the project data lack a field it is left empty, never guessed: the
//! Union co-financing rate needs EU funding apart from the state's (EURA 2014
//! gives them together), and the type of intervention (Annex I codes) is not
//! in hanke's project model. The location is given as NUTS codes — `FI` for a
//! nationwide project, else the NUTS 3 codes of the regions the project's area
//! names (directly, or through its sub-regions and municipalities) in the
//! regional classification in force when the project started; an area known
//! only by a free description has no code.

use crate::classify;
use crate::funding::Stage;
use crate::project::{ImplementerRole, Project};

/// The columns, in order (see the module for the point of Art 49(3) each holds).
pub const COLUMNS: [&str; 16] = [
    "operation_code",
    "operation_name",
    "beneficiary_name",
    "beneficiary_id",
    "purpose_and_achievements",
    "start_date",
    "end_date",
    "total_cost_eur",
    "fund",
    "programme",
    "specific_objective",
    "union_cofinancing_rate",
    "location",
    "country",
    "beneficiary_location",
    "type_of_intervention",
];

/// The operation row of one project, in [`COLUMNS`] order.
///
/// ```
/// use hanke::Project;
/// use hanke::export::kohesio::{operation_row, COLUMNS};
/// let p = Project::from_json_str(include_str!("../../../../examples/data/projects/toimet_S22026.json"))?;
/// let row = operation_row(&p);
/// let get = |c| row[COLUMNS.iter().position(|x| *x == c).unwrap()].as_str();
/// assert_eq!((get("operation_code"), get("beneficiary_id")), ("S22026", "2211414-8"));
/// assert_eq!((get("start_date"), get("end_date")), ("2020-05-01", "2020-09-30"));
/// assert_eq!(get("total_cost_eur"), "101500.00"); // granted EU and state funding
/// assert_eq!(get("location"), "FI1D2"); // Pohjois-Savo, NUTS 3 of 2020
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn operation_row(p: &Project) -> Vec<String> {
    let main = p
        .implementers
        .iter()
        .find(|i| i.role == ImplementerRole::Main)
        .or_else(|| p.implementers.first());
    let plan = &p.funding_plan;
    // The cost of the operation as decided, else as planned, else as realised.
    let total = [Stage::Granted, Stage::Planned, Stage::Realised]
        .into_iter()
        .find_map(|s| plan.total(s).ok().flatten());
    let eu_share = [Stage::Granted, Stage::Planned]
        .into_iter()
        .find_map(|s| plan.eu_share(s).ok().flatten());
    let purpose = [
        p.summary.as_deref(),
        p.results_summary.as_deref(),
        p.final_report_summary.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("\n\n");
    let beneficiary_location = main
        .and_then(|m| m.organisation.address.as_ref())
        .map(|a| {
            [a.postal_code.as_deref(), a.post_office.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    let opt = |s: Option<String>| s.unwrap_or_default();
    vec![
        opt(p.code.as_ref().map(ToString::to_string)),
        p.name.clone(),
        opt(main.map(|m| m.organisation.name.clone())),
        opt(main
            .and_then(|m| m.organisation.business_id.as_ref())
            .map(ToString::to_string)),
        purpose,
        opt(p.period.map(|pp| pp.start().first_day().to_string())),
        opt(p.period.map(|pp| pp.end().last_day().to_string())),
        opt(total.map(|m| m.to_plain_string())),
        opt(p.placement.fund.map(|f| f.to_string())),
        opt(p.placement.programme.map(|pp| pp.to_string())),
        opt(p.placement.specific_objective.clone()),
        opt(eu_share.map(|r| r.to_percent_string(2))),
        location(p),
        "FI".to_string(),
        beneficiary_location,
        String::new(),
    ]
}

/// Point (l)'s location indicator: `FI` (NUTS 0) for a nationwide project,
/// else the NUTS 3 codes of the regions the area names, directly or through
/// its sub-regions and municipalities, in the classification in force when the
/// project started (the latest one for a project without a period), sorted and
/// joined by `;`. Codes the classification does not know are left out, not
/// guessed; an area without codes gives an empty field.
fn location(p: &Project) -> String {
    let area = &p.area;
    if area.nationwide {
        return "FI".to_string();
    }
    let year = p.period.map_or(i32::MAX, |pp| pp.start().year());
    let Ok(c) = classify::regional_nearest(year) else {
        return String::new();
    };
    let regions = area
        .regions
        .iter()
        .copied()
        .chain(
            area.sub_regions
                .iter()
                .filter_map(|s| c.sub_region(*s).map(|s| s.region)),
        )
        .chain(
            area.municipalities
                .iter()
                .filter_map(|m| c.municipality(*m).map(|m| m.region)),
        );
    let mut codes: Vec<&str> = regions
        .filter_map(|r| c.region(r).map(|r| r.nuts3.as_str()))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes.join(";")
}

/// The operation rows of a portfolio as CSV (comma-separated, RFC 4180
/// quoting, a header row).
///
/// ```
/// use hanke::Project;
/// use hanke::export::kohesio::to_csv;
/// let p = Project::from_json_str(include_str!("../../../../examples/data/projects/toimet_S22026.json"))?;
/// let csv = to_csv(&[p]);
/// assert!(csv.starts_with("operation_code,operation_name,beneficiary_name,"));
/// // Records end in CRLF; the summary's own line breaks are inside quotes.
/// assert_eq!(csv.matches("\r\n").count(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_csv(projects: &[Project]) -> String {
    let mut out = String::new();
    line(&mut out, COLUMNS.iter().copied());
    for p in projects {
        let row = operation_row(p);
        line(&mut out, row.iter().map(String::as_str));
    }
    out
}

/// One CSV record, every cell through the publication gate (codes masked,
/// formulas neutralised the OWASP way, quoted where needed).
fn line<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&crate::publish::csv_cell(f));
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(file: &str) -> Project {
        let path = format!(
            "{}/../../examples/data/projects/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(path).expect("bundled project");
        Project::from_json_str(&text).expect("bundled project reads")
    }

    fn field<'a>(row: &'a [String], column: &str) -> &'a str {
        let i = COLUMNS.iter().position(|c| *c == column).expect("column");
        row[i].as_str()
    }

    #[test]
    fn location_is_the_nuts3_codes_of_the_areas_regions() {
        // Lahti, Kotka, Kemi, Joensuu and Seinäjoki (the seed's five pilot
        // towns) in the 2020 classification (the project started in 2019):
        // Päijät-Häme FI1C3, Kymenlaakso FI1C4, Lappi FI1D7, Pohjois-Karjala
        // FI1D3 and Etelä-Pohjanmaa FI194 (NUTS 2016 codes).
        let row = operation_row(&project("kuntien_vaikuttavat_tyollisyyspalvelut.json"));
        assert_eq!(field(&row, "location"), "FI194;FI1C3;FI1C4;FI1D3;FI1D7");
        // Region 04 Satakunta and Pori inside it: one code, not two.
        let row = operation_row(&project("lahde_mukaan_S20250.json"));
        assert_eq!(field(&row, "location"), "FI196");
        // Nationwide: the country's NUTS 0 code.
        let row = operation_row(&project("keko.json"));
        assert_eq!(field(&row, "location"), "FI");
        // Only a free description ("pääkaupunkiseutu"): no code is guessed.
        let row = operation_row(&project("konkarit_toihin.json"));
        assert_eq!(field(&row, "location"), "");
        assert_eq!(field(&row, "country"), "FI");
    }

    #[test]
    fn location_follows_the_classification_of_the_start_year() {
        // Etelä-Pohjanmaa was FI194 until the 2024 NUTS revision, FI199 after
        // (RULES.md §5.3): the same area gives the code in force at the start.
        let mut p = project("kuntien_vaikuttavat_tyollisyyspalvelut.json");
        p.area.municipalities.retain(|m| m.to_string() == "743");
        assert_eq!(location(&p), "FI194");
        p.period = Some(
            crate::project::ProjectPeriod::new(
                "2025".parse().expect("year"),
                "2026".parse().expect("year"),
            )
            .expect("period"),
        );
        assert_eq!(location(&p), "FI199");
        // A code the classification does not know is left out.
        p.area.municipalities = vec!["998".parse().expect("code")];
        assert_eq!(location(&p), "");
    }

    #[test]
    fn beneficiary_location_is_the_main_implementers_post_address() {
        let row = operation_row(&project("toimet_S22026.json"));
        assert_eq!(field(&row, "beneficiary_location"), "70620 Kuopio");
        assert_eq!(field(&row, "type_of_intervention"), "");
        assert_eq!(row.len(), COLUMNS.len());
    }

    #[test]
    fn fields_with_commas_quotes_or_lines_are_quoted() {
        let mut s = String::new();
        line(&mut s, ["a", "b,c", "say \"hi\"", "x\ny"].into_iter());
        assert_eq!(s, "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
    }
}
