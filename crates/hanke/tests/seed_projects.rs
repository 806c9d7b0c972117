//! The bundled example projects (`examples/data/projects/`) reproduce the figures of
//! the seed documents, survive a JSON round trip, validate without errors and hold
//! no real person's contact details.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};

use hanke::funding::{FundingSource, Stage};
use hanke::programme::{Fund, ProgrammePeriod, ResponsibleAuthority};
use hanke::project::{ImplementerRole, Project, ProjectStatus, SustainabilityCriterion as C};
use hanke::{BusinessId, Money, Rate, Severity};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/data/projects")
}

fn all_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(data_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    v
}

fn load(name: &str) -> Project {
    let path = data_dir().join(format!("{name}.json"));
    Project::from_json_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn eur(n: i64) -> Money {
    Money::from_euros(n).unwrap()
}

fn pct(r: Option<Rate>) -> String {
    r.expect("a share").to_percent_string(2)
}

#[test]
fn every_seed_project_is_bundled_and_round_trips() {
    let files = all_files();
    assert!(files.len() >= 14, "only {} bundled projects", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let p = Project::from_json_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let saved = p.to_json_string().unwrap();
        let again = Project::from_json_str(&saved).unwrap();
        assert_eq!(p, again, "{} does not round-trip", path.display());
        let mut buf = Vec::new();
        p.to_json_writer(&mut buf).unwrap();
        assert_eq!(Project::from_json_reader(buf.as_slice()).unwrap(), p);
        let errors: Vec<_> = p
            .validate()
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}

#[test]
fn toimet_figures_of_seed_004() {
    let p = load("toimet_S22026");
    assert_eq!(p.code.unwrap().to_string(), "S22026");
    assert_eq!(
        p.placement.programme,
        Some(ProgrammePeriod::Period2014To2020)
    );
    assert_eq!(p.placement.priority, Some(5));
    assert_eq!(p.placement.specific_objective.as_deref(), Some("10.1"));
    assert_eq!(
        p.placement.responsible_authority,
        Some(ResponsibleAuthority::EtelaSavoEly)
    );
    let plan = &p.funding_plan;
    assert_eq!(
        plan.source(FundingSource::EuAndState, Stage::Granted)
            .unwrap(),
        Some(eur(101_500))
    );
    assert_eq!(
        plan.source(FundingSource::EuAndState, Stage::Realised)
            .unwrap(),
        Some(eur(89_660))
    );
    assert_eq!(plan.public_total.planned, Some(eur(101_500)));
    assert_eq!(plan.public_total.realised, Some(eur(89_660)));
    assert_eq!(pct(plan.utilisation().unwrap()), "88,33 %");
    // The applicant's business ID of the description, valid by RULES.md §5.2.
    let main = p.main_implementer().unwrap();
    assert_eq!(
        main.organisation.business_id,
        Some("2211414-8".parse::<BusinessId>().unwrap())
    );
    assert_eq!(BusinessId::check_digit_for(2_211_414), Some(8));
    let day = chrono::NaiveDate::from_ymd_opt(2020, 6, 15).unwrap();
    assert_eq!(
        p.status_on(day),
        Some(ProjectStatus::Ended),
        "the stated status decides"
    );
    assert_eq!(p.period.unwrap().status_on(day), ProjectStatus::Active);
    assert_eq!(p.area.municipalities.len(), 3);
}

#[test]
fn toimet_sustainability_scores_as_printed() {
    let p = load("toimet_S22026");
    let h = p.horizontal_principles.as_ref().unwrap();
    let g = h.gender_equality.as_ref().unwrap();
    assert_eq!(
        (g.analysis_done, g.mainstreamed, g.main_objective),
        (Some(true), Some(true), Some(false))
    );
    let printed = [
        (C::NaturalResources, 4, 6),
        (C::ClimateRisks, 3, 4),
        (C::Biodiversity, 0, 0),
        (C::WaterSoilAir, 1, 1),
        (C::Natura2000, 0, 0),
        (C::MaterialsAndWaste, 0, 0),
        (C::RenewableEnergy, 0, 0),
        (C::LocalEconomy, 2, 3),
        (C::IntangibleProducts, 5, 7),
        (C::MobilityAndLogistics, 2, 2),
        (C::Wellbeing, 4, 6),
        (C::Equality, 3, 4),
        (C::SocialEquity, 5, 6),
        (C::CulturalEnvironment, 3, 5),
        (C::EnvironmentalKnowHow, 0, 0),
    ];
    assert_eq!(h.sustainable_development.len(), printed.len());
    for (criterion, direct, indirect) in printed {
        let a = h.assessment(criterion).unwrap();
        assert_eq!(
            (a.direct.value(), a.indirect.value()),
            (direct, indirect),
            "{criterion}"
        );
    }
    // EURA prints them in its order; the fixture keeps it.
    let order: Vec<C> = h
        .sustainable_development
        .iter()
        .map(|a| a.criterion)
        .collect();
    assert_eq!(order, C::ALL);
}

#[test]
fn graduate_transition_project_of_seed_002() {
    let p = load("valmistuneiden_tyollistyminen");
    let plan = &p.funding_plan;
    assert_eq!(plan.total(Stage::Planned).unwrap(), Some(eur(913_048)));
    assert_eq!(
        plan.source(FundingSource::Eu, Stage::Planned).unwrap(),
        Some(eur(684_554))
    );
    assert_eq!(pct(plan.eu_share(Stage::Planned).unwrap()), "74,97 %");
    let vates = &p.implementers[0];
    assert_eq!(vates.organisation.name, "Vates-säätiö sr");
    let b = vates.budget.as_ref().unwrap();
    assert_eq!(b.total(Stage::Planned).unwrap(), Some(eur(69_965)));
    assert_eq!(pct(b.eu_share(Stage::Planned).unwrap()), "75,00 %");
}

#[test]
fn esr_plus_coordination_project_of_seed_002() {
    let p = load("yhteiskunnalliset_yritykset_esr_plus");
    assert_eq!(p.placement.fund, Some(Fund::EsfPlus));
    assert_eq!(
        p.main_implementer().unwrap().organisation.name,
        "Silta-Valmennusyhdistys ry"
    );
    assert_eq!(
        p.implementers_with_role(ImplementerRole::CoImplementer)
            .count(),
        10
    );
    assert!(p.is_group_project());
    let plan = &p.funding_plan;
    assert_eq!(plan.total(Stage::Planned).unwrap(), Some(eur(12_167_957)));
    assert_eq!(pct(plan.eu_share(Stage::Planned).unwrap()), "87,02 %");
    let vates = p
        .implementers
        .iter()
        .find(|i| i.organisation.name == "Vates-säätiö sr")
        .unwrap();
    let b = vates.budget.as_ref().unwrap();
    assert_eq!(
        b.source(FundingSource::Eu, Stage::Planned).unwrap(),
        Some(eur(126_492))
    );
    assert_eq!(pct(b.eu_share(Stage::Planned).unwrap()), "80,00 %");
    // Only Vates's share is published: the roll-up is partial, not an error.
    let ids: Vec<_> = p.validate().iter().map(|f| f.rule_id).collect();
    assert!(ids.contains(&"FIN-GRP-003"), "{ids:?}");
    assert!(
        !ids.iter()
            .any(|i| *i == "FIN-GRP-001" || *i == "FIN-GRP-002"),
        "{ids:?}"
    ); // The 2021–2027 CCI is unverified (RULES.md §4.2) and the summary says so.
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let text = hanke::report::ProjectSummary::new(&p, day).to_text();
    assert!(text.contains("2021FI16FFPR001 (unverified)"), "{text}");
}

#[test]
fn lahde_mukaan_of_seed_001() {
    let p = load("lahde_mukaan_S20250");
    assert_eq!(
        p.reported_status.as_ref().unwrap().status(),
        ProjectStatus::Ended
    );
    assert_eq!(
        p.placement.responsible_authority,
        Some(ResponsibleAuthority::KeskiSuomiEly)
    );
    let band = p.budget_band.unwrap();
    assert_eq!((band.min(), band.max()), (eur(100_000), eur(500_000)));
    assert_eq!(p.period.unwrap().to_string(), "1.5.2015–31.5.2017");
    assert_eq!(p.related[0].name, "Ahkerasti yhdessä");
    let results = p.results_summary.as_deref().unwrap();
    for figure in [
        "125 yhteisövalmennuskertaa",
        "74 osallistujaa",
        "214 osallistujaa",
        "379 osallistujaa",
        "2369 osallistujaa",
        "29 osallistujasta",
    ] {
        assert!(results.contains(figure), "{figure}");
    }
}

/// Fixtures hold no real person's contact details: every contact is the
/// placeholder, and no text carries another e-mail address or a phone number.
#[test]
fn fixtures_hold_only_placeholder_people() {
    for path in all_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let p = Project::from_json_str(&text).unwrap();
        for i in &p.implementers {
            for c in &i.organisation.contacts {
                assert_eq!(c.name, "Etunimi Sukunimi", "{}", path.display());
                assert!(
                    c.email
                        .as_ref()
                        .is_none_or(|e| e.as_str().ends_with("@example.fi"))
                );
                assert!(c.phone.as_deref().is_none_or(|ph| ph == "040 000 0000"));
            }
            assert!(
                i.organisation.phone.is_none(),
                "{}: organisation phone",
                path.display()
            );
        }
        for (n, _) in text.match_indices('@') {
            let tail = &text[n..];
            assert!(
                tail.starts_with("@example.fi"),
                "{}: an e-mail address that is not a placeholder",
                path.display()
            );
        }
        // Finnish mobile numbers: 04x/050 followed by digits, other than the placeholder.
        let digits_only: String = text.replace("040 000 0000", "");
        for w in digits_only.split(|c: char| !(c.is_ascii_digit() || c == ' ')) {
            let d: String = w.chars().filter(char::is_ascii_digit).collect();
            assert!(
                !(d.len() >= 9 && (d.starts_with("04") || d.starts_with("050"))),
                "{}: phone-like {w:?}",
                path.display()
            );
        }
    }
}

/// The real seed projects with 75 %, 80 % and 87 % EU shares are never flagged by a
/// co-financing cap: caps apply to a priority's aggregate (CPR Art 112), and no
/// seed publishes itemised EU and public funding for a placed priority.
#[test]
fn portfolio_of_the_bundled_projects_raises_no_cap() {
    let projects: Vec<Project> = all_files()
        .iter()
        .map(|p| Project::from_json_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect();
    for stage in [Stage::Planned, Stage::Granted, Stage::Realised] {
        let check = hanke::cofinancing::check_portfolio(&projects, stage);
        assert!(
            check.findings.iter().all(|f| f.rule_id == "COFIN-002"),
            "{:?}",
            check.findings
        );
        assert_eq!(
            check.findings.len() + check.priorities.iter().map(|a| a.projects).sum::<usize>(),
            projects.len()
        );
    }
}

/// Issue 24 item 10: the Finnish 2014–2020 flat rate of indirect costs on
/// staff costs is 17 % for ESF projects and 24 % for ERDF projects; the
/// project's fund (its code series, else its priority) decides the ceiling.
#[test]
fn the_2014_flat_rate_follows_the_fund() {
    let rate_findings = |code: &str, priority: u8, pct: u32| {
        let json = format!(
            r#"{{"name": "Flat rate", "code": "{code}",
                "placement": {{"programme": "2014-2020", "priority": {priority}}},
                "cost_model": {{"kind": "indirect_on_staff_costs", "rate": "{pct}%"}}}}"#
        );
        let p = Project::from_json_str(&json).unwrap();
        p.validate()
            .iter()
            .filter(|f| f.rule_id == "COST-RATE-001")
            .count()
    };
    // ERDF (A7…, priority 1): 24 % is the rate, 25 % is over it.
    assert_eq!(rate_findings("A70301", 1, 24), 0);
    assert_eq!(rate_findings("A70301", 1, 25), 1);
    // ESF (S2…, priority 3): 17 % is the rate, 24 % is over it.
    assert_eq!(rate_findings("S20250", 3, 17), 0);
    assert_eq!(rate_findings("S20250", 3, 24), 1);
    let erdf = Project::from_json_str(
        r#"{"name": "x", "placement": {"programme": "2014-2020", "priority": 2}}"#,
    )
    .unwrap();
    assert_eq!(erdf.fund(), Some(Fund::Erdf), "the priority tells the fund");
}

/// Issue 24 item 9: 2014–2020 grants at low public support had to use
/// simplified costs — 50 000 € for ESF before the Omnibus (Reg. 1304/2013 Art
/// 14(4)), 100 000 € from 2 August 2019 (Reg. 1303/2013 Art 67(2a)); State aid
/// exempt; none assumed in the managing authority's deferral year.
#[test]
fn mandatory_simplified_costs_of_2014_by_date() {
    let sco = |start: &str, public: i64, state_aid: bool| {
        let json = format!(
            r#"{{"name": "SCO", "code": "S20250",
                "placement": {{"programme": "2014-2020", "priority": 3}},
                "period": {{"start": "{start}", "end": "2022-12-31"}},
                "state_aid": {state_aid},
                "cost_model": {{"kind": "real_costs"}},
                "funding_plan": {{"sources": [{{"source": "eu", "granted": "{eu}"}},
                                              {{"source": "state", "granted": "{state}"}}]}}}}"#,
            eu = public / 2,
            state = public - public / 2,
        );
        let p = Project::from_json_str(&json).unwrap();
        p.validate()
            .iter()
            .filter(|f| f.rule_id == "COST-SCO-002")
            .count()
    };
    assert_eq!(sco("2017-01-01", 50_000, false), 1);
    assert_eq!(sco("2017-01-01", 50_001, false), 0);
    assert_eq!(sco("2017-01-01", 40_000, true), 0, "State aid is exempt");
    assert_eq!(
        sco("2019-01-01", 40_000, false),
        0,
        "the deferral year: none assumed"
    );
    assert_eq!(sco("2020-01-01", 100_000, false), 1);
    assert_eq!(sco("2020-01-01", 100_001, false), 0);
}
