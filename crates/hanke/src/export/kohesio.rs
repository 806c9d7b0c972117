//! A portfolio as Kohesio-style operation rows — *toimeluettelo*: one CSV row
//! per project with the data fields the managing authority publishes in its
//! list of operations under CPR (Reg. 2021/1060) Art 49(3), which Kohesio
//! (kohesio.ec.europa.eu) gathers.
//!
//! **Partly verified.** That Art 49(3) obliges the managing authority to
//! publish a list of operations, each with a unique code, is confirmed
//! (keep.eu FAQ "List of operations (2021-2027 period)", quoting Art 49). The
//! column set below follows the Article's points (a)–(n) as hanke's authors
//! know them — beneficiary, operation name, purpose and achievements, start and
//! end, total cost, fund, specific objective, Union co-financing rate, location
//! and country, type of intervention — and was **not** checked word by word
//! against the regulation's text. Check it before publishing; the header names
//! are hanke's, not the Commission's.
//!
//! Where the project data lack a field it is left empty, never guessed: the
//! Union co-financing rate needs EU funding apart from the state's (EURA 2014
//! gives them together), and the type of intervention (Annex I codes) is not
//! in hanke's project model.

use crate::funding::Stage;
use crate::project::{ImplementerRole, Project};

/// The columns, in order (see the module for the source and its status).
pub const COLUMNS: [&str; 15] = [
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
    let location = main
        .and_then(|m| m.organisation.address.as_ref())
        .and_then(|a| a.postal_code.clone())
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
        location,
        "FI".to_string(),
        String::new(),
    ]
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

fn line<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_quotes_or_lines_are_quoted() {
        let mut s = String::new();
        line(&mut s, ["a", "b,c", "say \"hi\"", "x\ny"].into_iter());
        assert_eq!(s, "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
    }
}
