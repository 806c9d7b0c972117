//! JSON round trips of every public type that is both written and read
//! (issue 10; RELIABILITY.md).
//!
//! For each type, any value a user can hold (see `crate::arbitrary`) is written
//! to JSON and read back: the value comes back equal and writes the same JSON
//! again. `every_readable_type_is_round_tripped` reads the sources and fails
//! when a type gains `Deserialize` without joining the list below.

use proptest::prelude::*;

/// Types read but never written, or round-tripped elsewhere, with why.
const NOT_HERE: [(&str, &str); 2] = [
    (
        "PersonalIdentityCode",
        "read only: serde never writes an identity code (ADR 0006)",
    ),
    (
        "CommonIndicators",
        "computed, not drawn: tests/indicators.rs round-trips results over every catalogue",
    ),
];

macro_rules! round_trips {
    ($($name:ident: $ty:ty,)*) => {
        /// The last path segment of every type tested here.
        const ROUND_TRIPPED: &[&str] = &[$({
            let path = stringify!($ty);
            last_segment(path)
        },)*];

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
            $(
                #[test]
                fn $name(value in any::<$ty>()) {
                    let json = serde_json::to_string(&value).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    let back: $ty = serde_json::from_str(&json)
                        .map_err(|e| TestCaseError::fail(format!("{e}: {json}")))?;
                    prop_assert_eq!(&back, &value, "{}", json);
                    prop_assert_eq!(serde_json::to_string(&back).ok(), Some(json));
                }
            )*
        }
    };
}

/// `a::b::C` → `C`, in a const context.
const fn last_segment(path: &'static str) -> &'static str {
    let bytes = path.as_bytes();
    let mut i = bytes.len();
    while i > 0 {
        if bytes[i - 1] == b':' || bytes[i - 1] == b' ' {
            break;
        }
        i -= 1;
    }
    match path.split_at_checked(i) {
        Some((_, tail)) => tail,
        None => path,
    }
}

round_trips! {
    activity_kind: crate::activity::ActivityKind,
    attendance: crate::activity::Attendance,
    feedback: crate::activity::Feedback,
    activity: crate::activity::Activity,
    measure: crate::activity::Measure,
    activity_measure: crate::activity::ActivityMeasure,
    activity_log: crate::activity::ActivityLog,
    labels: crate::assessment::Labels,
    scale: crate::assessment::Scale,
    item: crate::assessment::Item,
    assessment_area: crate::assessment::Area,
    instrument: crate::assessment::Instrument,
    responses: crate::assessment::Responses,
    funding_decision: crate::claim::FundingDecision,
    education_level: crate::classify::EducationLevel,
    municipality_code: crate::classify::MunicipalityCode,
    region_code: crate::classify::RegionCode,
    sub_region_code: crate::classify::SubRegionCode,
    region_category: crate::programme::RegionCategory,
    small_numbers: crate::disclosure::SmallNumbers,
    language: crate::lang::Language,
    direct_costs: crate::cost::DirectCosts,
    cost_model: crate::cost::CostModel,
    cost_model_kind: crate::cost::CostModelKind,
    hourly_rate: crate::cost::HourlyRate,
    funding_source: crate::funding::FundingSource,
    stage: crate::funding::Stage,
    amounts: crate::funding::Amounts,
    source_line: crate::funding::SourceLine,
    funding_plan: crate::funding::FundingPlan,
    business_id: crate::ids::BusinessId,
    project_code: crate::programme::ProjectCode,
    catalogue: crate::indicator::Catalogue,
    tally: crate::indicator::Tally,
    milestone: crate::indicator::Milestone,
    project_indicator_source: crate::indicator::ProjectIndicatorSource,
    project_indicator: crate::indicator::ProjectIndicator,
    money: crate::money::Money,
    rate: crate::money::Rate,
    money_range: crate::money::MoneyRange,
    organisation_kind: crate::org::OrganisationKind,
    email: crate::org::Email,
    address: crate::org::Address,
    contact: crate::org::Contact,
    organisation: crate::org::Organisation,
    exit_situation: crate::participant::ExitSituation,
    result_categories: crate::participant::ResultCategories,
    participant_id: crate::participant::ParticipantId,
    gender: crate::participant::Gender,
    labour_status: crate::participant::LabourStatus,
    answer: crate::participant::Answer,
    disadvantages: crate::participant::Disadvantages,
    household: crate::participant::Household,
    entry: crate::participant::Entry,
    exit_event: crate::participant::ExitEvent,
    exit: crate::participant::Exit,
    improvement: crate::participant::Improvement,
    follow_up: crate::participant::FollowUp,
    participant: crate::participant::Participant,
    pseudonym: crate::participant::Pseudonym,
    form_version: crate::questionnaire::FormVersion,
    sync_instant: crate::sync::Instant,
    sync_source: crate::sync::Source,
    field_state: crate::sync::FieldState,
    ltu_definition: crate::participant::LtuDefinition,
    fund: crate::programme::Fund,
    programme_period: crate::programme::ProgrammePeriod,
    verification: crate::programme::Verification,
    responsible_authority: crate::programme::ResponsibleAuthority,
    stea_grant_type: crate::programme::SteaGrantType,
    funder_kind: crate::programme::FunderKind,
    gender_equality: crate::project::GenderEquality,
    sustainability_group: crate::project::SustainabilityGroup,
    sustainability_criterion: crate::project::SustainabilityCriterion,
    score: crate::project::Score,
    sustainability_assessment: crate::project::SustainabilityAssessment,
    horizontal_principles: crate::project::HorizontalPrinciples,
    placement: crate::project::Placement,
    implementer_role: crate::project::ImplementerRole,
    implementer: crate::project::Implementer,
    applicant_arrangement: crate::project::ApplicantArrangement,
    project_area: crate::project::Area,
    target_group_kind: crate::project::TargetGroupKind,
    target_criteria: crate::project::TargetCriteria,
    status_criterion: crate::project::StatusCriterion,
    target_group: crate::project::TargetGroup,
    action: crate::project::Action,
    monitoring_estimates: crate::project::MonitoringEstimates,
    link: crate::project::Link,
    relation: crate::project::Relation,
    related_project: crate::project::RelatedProject,
    project: crate::project::Project,
    approx_date: crate::project::ApproxDate,
    project_period: crate::project::ProjectPeriod,
    project_status: crate::project::ProjectStatus,
    reported_status: crate::project::ReportedStatus,
}

/// The public types of the sources that implement `Deserialize` (derived,
/// written by hand, or through the crate's `serde_as_string!`/`numeric_code!`).
fn readable_types() -> Vec<String> {
    let mut names = Vec::new();
    for text in crate::errors::source_texts() {
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for (i, line) in lines.iter().enumerate() {
            if line.starts_with("#[derive(") && line.contains("Deserialize") {
                let decl = lines.iter().skip(i + 1).find(|l| {
                    ["pub struct ", "pub enum ", "struct ", "enum "]
                        .iter()
                        .any(|k| l.starts_with(k))
                });
                if let Some(rest) = decl.and_then(|d| {
                    d.strip_prefix("pub struct ")
                        .or_else(|| d.strip_prefix("pub enum "))
                }) {
                    names.push(ident(rest));
                }
            } else if let Some(rest) = line.strip_prefix("impl<'de> Deserialize<'de> for ") {
                names.push(ident(rest));
            } else if let Some(rest) = line.strip_prefix("serde_as_string!(") {
                if !rest.starts_with('$') {
                    names.push(ident(rest));
                }
            } else if line.starts_with("numeric_code!(") {
                // The invocation's type is on the line `Name, width, max, "kind"`.
                if let Some(l) = lines.iter().skip(i + 1).find(|l| !l.starts_with("///")) {
                    names.push(ident(l));
                }
            }
        }
    }
    names.sort();
    names
}

fn ident(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

#[test]
fn every_readable_type_is_round_tripped() {
    let mut expected: Vec<String> = readable_types()
        .into_iter()
        .filter(|n| !NOT_HERE.iter().any(|(x, _)| x == n))
        .collect();
    expected.sort();
    let mut listed: Vec<String> = ROUND_TRIPPED.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(listed, expected);
    assert!(listed.len() > 80, "the source scan found too little");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The public loaders read what the public writers write.
    #[test]
    fn project_files_round_trip(p in any::<crate::project::Project>()) {
        let json = p.to_json_string().map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(crate::project::Project::from_json_str(&json), Ok(p));
    }

    #[test]
    fn activity_logs_round_trip(log in any::<crate::activity::ActivityLog>()) {
        let json = log.to_json_string().map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(crate::activity::ActivityLog::from_json_str(&json).ok(), Some(log));
    }
}
