//! EURA public data: the eight real EURA 2014 descriptions (cut off in section
//! 3), the complete description of seed 004, the project page of seed 001, the
//! bundled projects written out and read back, deliberately damaged copies, and
//! the EURA 2014 project list with exact row accounting.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use hanke::eura::{
    PortfolioBy, ProjectList, parse_description, parse_project_page, render_description,
};
use hanke::funding::{FundingSource, Stage};
use hanke::org::OrganisationKind;
use hanke::programme::{Fund, ProgrammePeriod, ResponsibleAuthority as RA};
use hanke::project::{
    ApplicantArrangement, ApproxDate, ImplementerRole, Project, ProjectStatus,
    SustainabilityCriterion as C, TargetGroupKind,
};
use hanke::{Money, Rate};

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data")
        .join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(data(path)).unwrap()
}

/// Every finding carries a Swedish message of its own (ADR 0016): present, and
/// neither the Finnish nor the English text.
#[track_caller]
fn assert_swedish(findings: &[hanke::Finding]) {
    for f in findings {
        let sv = f.message_sv.as_str();
        assert!(
            !sv.is_empty() && sv != f.message_fi && sv != f.message_en,
            "{} has no Swedish message: {f:?}",
            f.rule_id
        );
    }
}

fn description_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(data("eura/descriptions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

fn day(d: u32, m: u32, y: i32) -> ApproxDate {
    ApproxDate::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn euros(n: i64) -> Money {
    Money::from_euros(n).unwrap()
}

/// What each real page says, field by field (eura2014.fi, copies in
/// `shared/data/eura2014_pages/`).
struct Expected {
    code: &'static str,
    name: &'static str,
    priority: u8,
    objective: &'static str,
    start: ApproxDate,
    end: ApproxDate,
    status: ProjectStatus,
    authority: RA,
    applicant: &'static str,
    kind: OrganisationKind,
    business_id: &'static str,
    arrangement: Option<ApplicantArrangement>,
    co_implementers: &'static [(&'static str, &'static str)],
}

fn expected_pages() -> Vec<Expected> {
    use ApplicantArrangement::{JointProject, SingleApplicant};
    vec![
        Expected {
            code: "S20044",
            name: "HUOLTAMO",
            priority: 4,
            objective: "9.1",
            start: day(1, 1, 2015),
            end: day(31, 12, 2016),
            status: ProjectStatus::Ended,
            authority: RA::EtelaSavoEly,
            applicant: "PIEKSÄMÄEN KAUPUNKI",
            kind: OrganisationKind::Municipality,
            business_id: "2048903-4",
            arrangement: Some(JointProject),
            co_implementers: &[("Pieksämäen seudun liikunta", "1457143-7")],
        },
        Expected {
            code: "S20064",
            name: "Toimari",
            priority: 5,
            objective: "10.1",
            start: day(1, 1, 2015),
            end: day(31, 3, 2017),
            status: ProjectStatus::Ended,
            authority: RA::HameEly,
            applicant: "Etelä-Karjalan sosiaali- ja terveyden huollon ky",
            kind: OrganisationKind::Municipality,
            business_id: "0725937-3",
            arrangement: None,
            co_implementers: &[],
        },
        Expected {
            code: "S21447",
            name: "Yritysyhteistyön kehittäminen kasvualoilla",
            priority: 4,
            objective: "9.2",
            start: day(1, 10, 2018),
            end: day(30, 9, 2021),
            status: ProjectStatus::Ended,
            authority: RA::EtelaSavoEly,
            applicant: "Itä-Suomen yliopisto",
            kind: OrganisationKind::University,
            business_id: "2285733-9",
            arrangement: None,
            co_implementers: &[],
        },
        Expected {
            code: "S21947",
            name: "Fokus työhyvinvoinnin johtamiseen!",
            priority: 3,
            objective: "7.1",
            start: day(1, 3, 2020),
            end: day(30, 6, 2023),
            status: ProjectStatus::Active,
            authority: RA::Stm,
            applicant: "Vaasan Yliopisto",
            kind: OrganisationKind::University,
            business_id: "0209599-8",
            arrangement: Some(JointProject),
            co_implementers: &[
                ("Oulun yliopisto", "0245895-5"),
                ("Jyväskylän ammattikorkeakoulu Oy", "1006550-2"),
                ("Turun Ammattikorkeakoulu Oy", "2528160-3"),
                ("Turun yliopisto", "0245896-3"),
                ("Jyväskylän yliopisto", "0245894-7"),
                ("Lapin yliopisto", "0292800-5"),
                ("Oulun ammattikorkeakoulu Oy", "2509747-8"),
            ],
        },
        Expected {
            code: "S21994",
            name: "Romaniportti",
            priority: 5,
            objective: "10.1",
            start: day(1, 8, 2020),
            end: day(31, 7, 2023),
            status: ProjectStatus::Active,
            authority: RA::KeskiSuomiEly,
            applicant: "Helsingin Diakonissalaitoksen säätiö sr",
            kind: OrganisationKind::Foundation,
            business_id: "0116480-8",
            arrangement: Some(SingleApplicant),
            co_implementers: &[],
        },
        Expected {
            code: "S22459",
            name: "Mielenterveyttä ja työkykyä mielenterveysosaamista kehittämällä ja alueellista yhteistyötä tekemällä (MYÖTE)",
            priority: 3,
            objective: "7.1",
            start: day(1, 3, 2021),
            end: day(31, 8, 2023),
            status: ProjectStatus::Active,
            authority: RA::Stm,
            applicant: "Työterveyslaitos",
            kind: OrganisationKind::ResearchInstitute,
            business_id: "0220266-9",
            arrangement: Some(JointProject),
            co_implementers: &[
                ("MIELI Suomen Mielenterveys ry", "0202225-4"),
                ("Helsingin yliopisto", "0313471-7"),
                ("Itä-Suomen yliopisto", "2285733-9"),
            ],
        },
        Expected {
            code: "S22622",
            name: "Yhdessä vapaaehtoiseksi – Tuettua vapaaehtoistoimintaa Joensuussa",
            priority: 5,
            objective: "10.1",
            start: day(1, 9, 2021),
            end: day(30, 4, 2023),
            status: ProjectStatus::Ended,
            authority: RA::EtelaSavoEly,
            applicant: "Kotikartanoyhdistys ry",
            kind: OrganisationKind::NonGovernmentalOrganisation,
            business_id: "1082352-9",
            arrangement: None,
            co_implementers: &[],
        },
        Expected {
            code: "S22667",
            name: "Bounce Forward - Resilienssiä työelämään",
            priority: 9,
            objective: "12.4",
            start: day(1, 9, 2021),
            end: day(31, 8, 2023),
            status: ProjectStatus::Ended,
            authority: RA::HameEly,
            applicant: "Lab-ammattikorkeakoulu Oy",
            kind: OrganisationKind::UniversityOfAppliedSciences,
            business_id: "2630644-6",
            arrangement: None,
            co_implementers: &[],
        },
    ]
}

#[test]
fn the_eight_real_pages_read_into_what_they_hold() {
    for e in expected_pages() {
        let text = read(&format!("eura/descriptions/{}.txt", e.code));
        let r = parse_description(&text);
        let p = &r.project;
        let at = e.code;
        assert_eq!(p.code.unwrap().to_string(), e.code, "{at}");
        assert_eq!(p.name, e.name, "{at}");
        assert_eq!(p.placement.fund, Some(Fund::Esf), "{at}");
        assert_eq!(
            p.placement.programme,
            Some(ProgrammePeriod::Period2014To2020),
            "{at}"
        );
        assert_eq!(p.placement.priority, Some(e.priority), "{at}");
        assert_eq!(
            p.placement.specific_objective.as_deref(),
            Some(e.objective),
            "{at}"
        );
        let period = p.period.unwrap();
        assert_eq!((period.start(), period.end()), (e.start, e.end), "{at}");
        assert_eq!(
            p.reported_status.as_ref().unwrap().status(),
            e.status,
            "{at}"
        );
        assert_eq!(p.placement.responsible_authority, Some(e.authority), "{at}");
        let main = p.main_implementer().unwrap();
        assert_eq!(main.organisation.name, e.applicant, "{at}");
        assert_eq!(main.organisation.kind.as_ref(), Some(&e.kind), "{at}");
        assert_eq!(
            main.organisation.business_id.unwrap().to_string(),
            e.business_id,
            "{at}"
        );
        // The contact person is a placeholder in every stored page.
        assert_eq!(
            main.organisation.contacts[0].name, "Etunimi Sukunimi",
            "{at}"
        );
        assert_eq!(
            main.organisation.contacts[0]
                .email
                .as_ref()
                .unwrap()
                .as_str(),
            "etunimi.sukunimi@example.fi"
        );
        assert_eq!(p.applicant_arrangement, e.arrangement, "{at}");
        let co: Vec<(String, String)> = p
            .implementers_with_role(ImplementerRole::CoImplementer)
            .map(|i| {
                (
                    i.organisation.name.clone(),
                    i.organisation.business_id.unwrap().to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = e
            .co_implementers
            .iter()
            .map(|(n, b)| (n.to_string(), b.to_string()))
            .collect();
        assert_eq!(co, want, "{at}");
        // Cut off in section 3: the summary holds what there is, and the one
        // finding says where the text ended.
        assert!(p.summary.as_deref().unwrap().len() > 100, "{at}");
        assert_eq!(r.sections, [1, 2, 3], "{at}");
        assert!(!r.is_complete());
        assert_eq!(r.findings.len(), 1, "{at}: {:?}", r.findings);
        assert_eq!(r.findings[0].rule_id, "EURA-DESC-001");
        assert!(
            r.findings[0]
                .message_en
                .contains("ends early, in section 3")
        );
        assert!(
            p.validate()
                .iter()
                .all(|f| f.severity != hanke::Severity::Error),
            "{at}: {:?}",
            p.validate()
        );
    }
}

#[test]
fn seed_004_reads_completely() {
    let r = parse_description(&read("eura/descriptions/S22026.txt"));
    assert!(r.is_complete());
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    let p = &r.project;
    assert_eq!(p.code.unwrap().to_string(), "S22026");
    assert_eq!(p.name, "TOIMET - toiminnallinen etävalmennus");
    assert_eq!(
        (
            p.placement.priority,
            p.placement.specific_objective.as_deref()
        ),
        (Some(5), Some("10.1"))
    );
    assert_eq!(p.period.unwrap().to_string(), "1.5.2020–30.9.2020");
    assert_eq!(p.placement.responsible_authority, Some(RA::EtelaSavoEly));
    let org = &p.main_implementer().unwrap().organisation;
    assert_eq!(
        (org.name.as_str(), org.business_id.unwrap().to_string()),
        ("Tukeva-säätiö sr", "2211414-8".to_string())
    );
    assert_eq!(org.kind, Some(OrganisationKind::Foundation));
    let addr = org.address.as_ref().unwrap();
    assert_eq!(
        (
            addr.street.as_deref(),
            addr.postal_code.as_deref(),
            addr.post_office.as_deref()
        ),
        (Some("Teollisuuskatu 1"), Some("70620"), Some("Kuopio"))
    );
    assert_eq!(org.website.as_deref(), Some("http://www.tukevasaatio.fi"));
    assert_eq!(p.applicant_arrangement, None);
    // §3 summary, §4 target groups, §9 final report: paragraphs as printed.
    assert!(
        p.summary
            .as_deref()
            .unwrap()
            .starts_with("TOIMET-hankkeella toteutetaan työpajatoiminnan digiloikka.\n\n")
    );
    let kinds: Vec<TargetGroupKind> = p.target_groups.iter().map(|g| g.kind).collect();
    assert_eq!(kinds, [TargetGroupKind::Primary, TargetGroupKind::Indirect]);
    assert!(
        p.target_groups[0]
            .description
            .starts_with("Ensisijaiset kohderyhmät ovat Tukeva-säätiö sr:n valmennushenkilöstö")
    );
    assert!(
        p.final_report_summary
            .as_deref()
            .unwrap()
            .starts_with("Toimet-toiminnallinen etävalmennus oli ESR-hanke")
    );
    // §5: granted 101 500, realised 89 660 (the seed's figures).
    let plan = &p.funding_plan;
    assert_eq!(
        plan.source(FundingSource::EuAndState, Stage::Granted)
            .unwrap(),
        Some(euros(101_500))
    );
    assert_eq!(
        plan.source(FundingSource::EuAndState, Stage::Realised)
            .unwrap(),
        Some(euros(89_660))
    );
    assert_eq!(
        (plan.public_total.planned, plan.public_total.realised),
        (Some(euros(101_500)), Some(euros(89_660)))
    );
    assert_eq!(
        plan.utilisation().unwrap(),
        Some(Rate::new(89_660, 101_500).unwrap())
    );
    // §6: Pohjois-Savo; the sub-regions "Varkauden, Kuopion"; three municipalities; the site.
    let c = hanke::classify::regional(2020).unwrap();
    let names = |codes: Vec<String>| codes;
    assert_eq!(
        names(
            p.area
                .regions
                .iter()
                .map(|r| c.region(*r).unwrap().name_fi.clone())
                .collect()
        ),
        ["Pohjois-Savo"]
    );
    assert_eq!(
        names(
            p.area
                .sub_regions
                .iter()
                .map(|s| c.sub_region(*s).unwrap().name_fi.clone())
                .collect()
        ),
        ["Varkaus", "Kuopio"]
    );
    assert_eq!(
        names(
            p.area
                .municipalities
                .iter()
                .map(|m| c.municipality(*m).unwrap().name_fi.clone())
                .collect()
        ),
        ["Siilinjärvi", "Kuopio", "Leppävirta"]
    );
    assert_eq!(
        p.area.site.as_ref().unwrap().post_office.as_deref(),
        Some("KUOPIO")
    );
    // §7: 0 companies planned and realised, 0 persons planned.
    let m = p.monitoring.unwrap();
    assert_eq!(
        (
            m.companies_planned,
            m.companies_realised,
            m.persons_planned,
            m.persons_realised
        ),
        (Some(0), Some(0), Some(0), None)
    );
    // §8: yes, yes, no; and the fifteen scores of the table.
    let hp = p.horizontal_principles.as_ref().unwrap();
    let g = hp.gender_equality.as_ref().unwrap();
    assert_eq!(
        (g.analysis_done, g.mainstreamed, g.main_objective),
        (Some(true), Some(true), Some(false))
    );
    assert_eq!(
        g.main_objective_text.as_deref(),
        Some("Hankkeella ei ole tasa-arvon edistämiseen liittyviä tavoitteita")
    );
    let scores: Vec<(C, u8, u8)> = hp
        .sustainable_development
        .iter()
        .map(|a| (a.criterion, a.direct.value(), a.indirect.value()))
        .collect();
    assert_eq!(
        scores,
        [
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
        ]
    );
    assert_eq!(
        hp.sustainable_development[2].justification.as_deref(),
        Some("Ei vaikutusta")
    );

    // The hand-written bundled project of the same seed agrees on every fact both hold.
    let bundled = Project::from_json_str(&read("projects/toimet_S22026.json")).unwrap();
    assert_eq!(bundled.code, p.code);
    assert_eq!(bundled.placement, p.placement);
    assert_eq!(bundled.period, p.period);
    assert_eq!(bundled.area.regions, p.area.regions);
    assert_eq!(bundled.area.municipalities, p.area.municipalities);
    assert_eq!(bundled.funding_plan, p.funding_plan);
    assert_eq!(bundled.monitoring, p.monitoring);
    let b_scores: Vec<(C, u8, u8)> = bundled
        .horizontal_principles
        .as_ref()
        .unwrap()
        .sustainable_development
        .iter()
        .map(|a| (a.criterion, a.direct.value(), a.indirect.value()))
        .collect();
    assert_eq!(b_scores, scores);
}

#[test]
fn seed_001_project_page_reads() {
    let r = parse_project_page(&read("eura/pages/S20250.txt"));
    let p = &r.project;
    assert_eq!(
        p.name,
        "Lähde mukaan! Työtä, hyvinvointia ja yhteisöllisyyttä Porin seudulle"
    );
    assert_eq!(p.code.unwrap().to_string(), "S20250");
    assert_eq!(p.placement.fund, Some(Fund::Esf));
    assert_eq!(
        p.placement.programme,
        Some(ProgrammePeriod::Period2014To2020)
    );
    assert_eq!(p.placement.priority, Some(5));
    assert_eq!(p.placement.specific_objective.as_deref(), Some("10.1"));
    assert_eq!(p.placement.responsible_authority, Some(RA::KeskiSuomiEly));
    assert_eq!(p.period.unwrap().to_string(), "1.5.2015–31.5.2017");
    assert_eq!(
        p.reported_status.as_ref().unwrap().status(),
        ProjectStatus::Ended
    );
    let band = p.budget_band.unwrap();
    assert_eq!((band.min(), band.max()), (euros(100_000), euros(500_000)));
    let c = hanke::classify::regional(2020).unwrap();
    assert_eq!(c.region(p.area.regions[0]).unwrap().name_fi, "Satakunta");
    let main = p.main_implementer().unwrap();
    assert_eq!(
        main.organisation.name,
        "Leader Karhuseutu ja Diakonia-ammattikorkeakoulu"
    );
    assert_eq!(main.organisation.contacts[0].name, "Etunimi Sukunimi");
    assert!(
        p.summary
            .as_deref()
            .unwrap()
            .starts_with("Hankkeen tavoitteena on parantaa")
    );
    assert!(
        p.results_summary
            .as_deref()
            .unwrap()
            .contains("– 125 yhteisövalmennuskertaa")
    );
    // The page's lead line is not a field of the model: reported, not dropped.
    assert_eq!(r.findings.len(), 1);
    assert_eq!(
        (r.findings[0].rule_id, r.findings[0].line),
        ("EURA-DESC-005", Some(3))
    );
    assert_swedish(&r.findings);
    // The bundled project of the same seed agrees on the facts both hold.
    let bundled = Project::from_json_str(&read("projects/lahde_mukaan_S20250.json")).unwrap();
    assert_eq!(
        (bundled.code, bundled.period, bundled.budget_band),
        (p.code, p.period, p.budget_band)
    );
    assert_eq!(bundled.placement, p.placement);
}

/// Parse → render → parse gives the same project.
fn assert_round_trip(first: &Project, what: &str) {
    let text = render_description(first);
    let again = parse_description(&text);
    assert!(again.is_complete(), "{what}");
    assert!(again.findings.is_empty(), "{what}: {:?}", again.findings);
    assert_eq!(&again.project, first, "{what}:\n{text}");
}

#[test]
fn descriptions_round_trip() {
    for path in description_files() {
        let r = parse_description(&std::fs::read_to_string(&path).unwrap());
        assert_round_trip(&r.project, &path.display().to_string());
    }
}

#[test]
fn the_project_page_round_trips_through_the_description_form() {
    let page = parse_project_page(&read("eura/pages/S20250.txt")).project;
    let described = parse_description(&render_description(&page)).project;
    // What the description form has no place for: the budget band, the results,
    // keywords, and where the data came from.
    let mut expected = page.clone();
    expected.budget_band = None;
    expected.results_summary = None;
    expected.keywords.clear();
    expected.source = described.source.clone();
    assert_eq!(described, expected);
    assert_round_trip(&described, "S20250 page");
}

#[test]
fn bundled_projects_round_trip() {
    let mut checked = 0;
    for entry in std::fs::read_dir(data("projects")).unwrap() {
        let path = entry.unwrap().path();
        let p = Project::from_json_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        // The EURA 2014 form is that of the 2014–2020 ESF programme.
        if p.placement.programme != Some(ProgrammePeriod::Period2014To2020)
            || p.placement.fund != Some(Fund::Esf)
        {
            continue;
        }
        checked += 1;
        let what = path.display().to_string();
        let first = parse_description(&render_description(&p));
        assert!(first.findings.is_empty(), "{what}: {:?}", first.findings);
        let q = &first.project;
        // Every fact of the form survives from the bundled project.
        assert_eq!(
            (q.code, &q.name, q.period),
            (p.code, &p.name, p.period),
            "{what}"
        );
        assert_eq!(q.placement.priority, p.placement.priority, "{what}");
        assert_eq!(
            q.placement.specific_objective, p.placement.specific_objective,
            "{what}"
        );
        assert_eq!(
            q.placement.responsible_authority, p.placement.responsible_authority,
            "{what}"
        );
        assert_eq!(q.reported_status, p.reported_status, "{what}");
        assert_eq!(
            (&q.area.regions, &q.area.sub_regions, &q.area.municipalities),
            (&p.area.regions, &p.area.sub_regions, &p.area.municipalities),
            "{what}"
        );
        let orgs = |p: &Project, role| -> Vec<(String, Option<String>)> {
            p.implementers_with_role(role)
                .map(|i| {
                    (
                        i.organisation.name.clone(),
                        i.organisation.business_id.map(|b| b.to_string()),
                    )
                })
                .collect()
        };
        for role in [ImplementerRole::Main, ImplementerRole::CoImplementer] {
            assert_eq!(orgs(q, role), orgs(&p, role), "{what}");
        }
        for stage in [Stage::Granted, Stage::Realised] {
            assert_eq!(
                q.funding_plan.eu_and_state(stage).unwrap(),
                p.funding_plan.eu_and_state(stage).unwrap(),
                "{what}"
            );
        }
        assert_eq!(
            q.funding_plan.public_total.planned, p.funding_plan.public_total.planned,
            "{what}"
        );
        assert_eq!(q.monitoring, p.monitoring, "{what}");
        let scores = |p: &Project| {
            p.horizontal_principles.as_ref().map(|h| {
                h.sustainable_development
                    .iter()
                    .map(|a| (a.criterion, a.direct, a.indirect, a.justification.clone()))
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            scores(q).unwrap_or_default(),
            scores(&p).unwrap_or_default(),
            "{what}"
        );
        assert_round_trip(q, &what);
    }
    assert!(
        checked >= 5,
        "only {checked} bundled 2014–2020 ESF projects"
    );
}

// ---- Damaged copies -------------------------------------------------------

fn seed_004() -> (String, Project) {
    let text = read("eura/descriptions/S22026.txt");
    let p = parse_description(&text).project;
    (text, p)
}

#[test]
fn line_endings_spaces_and_blank_lines_make_no_difference() {
    let (text, p) = seed_004();
    let damaged: Vec<(&str, String)> = vec![
        ("CRLF", text.replace('\n', "\r\n")),
        ("CR only", text.replace('\n', "\r")),
        (
            "byte-order mark and trailing spaces",
            format!("\u{feff}{}", text.replace('\n', " \t\n")),
        ),
        (
            "no-break spaces",
            text.replace(": ", ":\u{a0}")
                .replace("101 500", "101\u{a0}500")
                .replace("89 660", "89\u{202f}660"),
        ),
        ("extra blank lines", text.replace("\n\n", "\n\n\n\n")),
        // Label lines of sections 1 and 2 without the blank lines between them.
        ("label lines packed", {
            let (head, rest) = text.split_at(text.find("3 Suunnitelman").unwrap());
            format!("{}{rest}", head.replace("\n\n", "\n"))
        }),
    ];
    for (what, copy) in damaged {
        let r = parse_description(&copy);
        assert!(r.findings.is_empty(), "{what}: {:?}", r.findings);
        assert_eq!(r.project, p, "{what}");
    }
}

#[test]
fn labels_in_another_order_read_the_same() {
    let (text, p) = seed_004();
    // Reverse the labelled lines of sections 1, 2 and 5.
    let mut out = String::new();
    let mut block: Vec<&str> = Vec::new();
    let flush = |block: &mut Vec<&str>, out: &mut String| {
        block.reverse();
        for l in block.drain(..) {
            out.push_str(l);
            out.push_str("\n\n");
        }
    };
    for line in text.split('\n').filter(|l| !l.is_empty()) {
        let labelled = line.contains(": ")
            && !line.starts_with("Hankkeessa")
            && !line.starts_with("Sukupuolinäkökulma")
            && !line.starts_with("Hankkeen päätavoite");
        let in_free_text = line.len() > 120;
        if labelled
            && !in_free_text
            && !line.starts_with("Suunniteltu")
            && !line.starts_with("Toteutunut seurantatietojen")
        {
            block.push(line);
        } else {
            flush(&mut block, &mut out);
            out.push_str(line);
            out.push_str("\n\n");
        }
    }
    flush(&mut block, &mut out);
    assert_ne!(out, text);
    let r = parse_description(&out);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(r.project, p);
}

#[test]
fn missing_values_are_absent_not_errors() {
    let (text, p) = seed_004();
    let copy = text
        .replace("Y-tunnus: 2211414-8", "Y-tunnus:")
        .replace(
            "Toteutunut EU- ja valtion rahoitus: 89 660",
            "Toteutunut EU- ja valtion rahoitus:   ",
        )
        .replace("Kunnat: Siilinjärvi, Kuopio, Leppävirta", "Kunnat:");
    let r = parse_description(&copy);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    let q = r.project;
    assert_eq!(q.main_implementer().unwrap().organisation.business_id, None);
    assert_eq!(q.funding_plan.eu_and_state(Stage::Realised).unwrap(), None);
    assert_eq!(
        q.funding_plan.eu_and_state(Stage::Granted).unwrap(),
        Some(euros(101_500))
    );
    assert!(q.area.municipalities.is_empty());
    assert_eq!(
        (q.code, &q.name, q.period, &q.placement),
        (p.code, &p.name, p.period, &p.placement)
    );
}

#[test]
fn unreadable_values_are_findings_with_their_lines() {
    let (text, _) = seed_004();
    let line_of =
        |needle: &str| text.lines().position(|l| l.starts_with(needle)).unwrap() as u64 + 1;
    let copy = text
        .replace("Hankekoodi: S22026", "Hankekoodi: S2202")
        .replace(
            "Toimintalinja: 5. Sosiaalinen",
            "Toimintalinja: 8. Sosiaalinen",
        )
        .replace("Erityistavoite: 10.1.", "Erityistavoite: 10.3.")
        .replace("Y-tunnus: 2211414-8", "Y-tunnus: 2211414-9")
        .replace(
            "Myönnetty EU- ja valtion rahoitus: 101 500",
            "Myönnetty EU- ja valtion rahoitus: 1.1.2020",
        )
        .replace(
            "Seutukunnat: Varkauden, Kuopion",
            "Seutukunnat: Varkauden, Atlantiksen",
        )
        .replace(
            "Vastuuviranomainen: Etelä-Savon",
            "Vastuuviranomainen: Itä-Savon",
        );
    let r = parse_description(&copy);
    let got: Vec<(&str, Option<u64>)> = r.findings.iter().map(|f| (f.rule_id, f.line)).collect();
    assert_eq!(
        got,
        [
            ("EURA-DESC-004", Some(line_of("Hankekoodi"))),
            ("EURA-DESC-002", Some(line_of("Toimintalinja"))),
            ("EURA-DESC-003", Some(line_of("Erityistavoite"))),
            ("EURA-DESC-007", Some(line_of("Vastuuviranomainen"))),
            ("EURA-DESC-004", Some(line_of("Y-tunnus"))),
            ("EURA-DESC-004", Some(line_of("Myönnetty"))),
            ("EURA-DESC-006", Some(line_of("Seutukunnat"))),
        ]
    );
    assert!(r.findings[2].message_en.contains("10.3"));
    assert!(r.findings[6].message_en.contains("Atlantiksen"));
    assert_swedish(&r.findings);
    assert_eq!(
        r.findings[6].message_sv,
        "området \"Atlantiksen\" finns inte i 2020 års klassificering"
    );
    // The rest is still read.
    let p = r.project;
    assert_eq!(p.name, "TOIMET - toiminnallinen etävalmennus");
    assert_eq!(p.area.sub_regions.len(), 1);
    assert_eq!(p.funding_plan.public_total.planned, Some(euros(101_500)));
}

#[test]
fn a_description_cut_anywhere_reads_what_it_holds() {
    let (text, full) = seed_004();
    let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(53).collect();
    for cut in boundaries {
        let r = parse_description(&text[..cut]);
        // Sections come in order; every section before the last one found is whole.
        assert!(r.sections.windows(2).all(|w| w[0] < w[1]), "cut {cut}");
        if r.sections.len() < 9 {
            assert!(
                r.findings.iter().any(|f| f.rule_id == "EURA-DESC-001"),
                "cut {cut}"
            );
        }
        if r.sections.contains(&2) {
            assert_eq!(r.project.code, full.code, "cut {cut}");
            assert_eq!(
                r.project.placement.priority, full.placement.priority,
                "cut {cut}"
            );
        }
        if r.sections.contains(&6) {
            assert_eq!(r.project.funding_plan, full.funding_plan, "cut {cut}");
        }
    }
}

#[test]
fn garbage_is_reported_not_fatal() {
    for text in [
        "",
        "\n\n\n",
        "not a description at all",
        "1 Hanke\nHankekoodi:\n9 Loppuraportin tiivistelmä",
        "\u{0}\u{1}: \u{2}",
    ] {
        let r = parse_description(text);
        assert!(r.project.code.is_none());
        let p = parse_project_page(text);
        assert!(p.project.code.is_none());
    }
    let r = parse_description("not a description at all");
    assert_eq!(
        r.findings.iter().map(|f| f.rule_id).collect::<Vec<_>>(),
        ["EURA-DESC-005", "EURA-DESC-001"]
    );
    assert_swedish(&r.findings);
    // A damaged page: every kind of page finding, each in Swedish too.
    let page = parse_project_page(
        "Nimi\nRivi jota ei tunneta\n\nProjektitiimi:\n\nEtu Suku, rooli\nei(at)osoite@\n\n\
         Tietoja hankkeesta:\n\nHankkeen rahoittaja: Kuun ELY-keskus\nEURA-tunnus: X1\n\
         EURA-tunnus: S20250\nMaakunta: Atlantis\nAloituspäivä: 31.02.2015\n\
         Budjetti: paljon\nToimintalinja: Toimintalinja 9 (ESR)\n",
    );
    let mut rules: Vec<&str> = page.findings.iter().map(|f| f.rule_id).collect();
    rules.sort_unstable();
    rules.dedup();
    assert!(rules.len() >= 4, "{rules:?}");
    assert_swedish(&page.findings);
}

// ---- The project list -------------------------------------------------------

fn project_list() -> ProjectList {
    ProjectList::from_path(data("eura/eura2014_projektilista.csv")).unwrap()
}

#[test]
fn the_project_list_imports_with_every_row_accounted_for() {
    let list = project_list();
    let r = &list.report;
    assert_eq!(
        (r.rows_read, r.accepted, r.rejected, r.realigned),
        (2881, 2877, 4, 0)
    );
    assert!(r.is_balanced());
    assert_eq!(r.rejected_lines(), [109, 124, 148, 153]);
    let reasons: Vec<(&str, &str)> = r
        .rejections
        .iter()
        .map(|f| (f.rule_id, f.path.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("EURA-LIST-001", "Viranomainen"),
            ("EURA-LIST-001", "Viranomainen"),
            ("EURA-LIST-001", "Aloituspvm"),
            ("EURA-LIST-001", "Viranomainen"),
        ]
    );
    assert!(r.rejections[0].message_en.contains("\"Ruotsi\""));
    assert!(r.rejections[2].message_en.contains("\"7560\""));
    // 786 ESR projects; every one names an authority hanke knows.
    let esr: Vec<_> = list.rows_of(Fund::Esf).collect();
    assert_eq!(esr.len(), 786);
    assert!(esr.iter().all(|r| r.responsible_authority.is_some()));
    assert_eq!(list.rows_of(Fund::Erdf).count(), 2877 - 786);
    // The ERDF row with an empty realised amount is read with the cell absent.
    let a70355 = list
        .rows
        .iter()
        .find(|r| r.code.to_string() == "A70355")
        .unwrap();
    assert_eq!(
        (a70355.realised_eu_state, a70355.realised_public),
        (None, Some(euros(93_277)))
    );
    let s = list
        .rows
        .iter()
        .find(|r| r.code.to_string() == "A70588")
        .unwrap();
    assert_eq!(s.realised_eu_state, Some(Money::from_cents(10_727_734)));
}

#[test]
fn esr_portfolio_totals() {
    let list = project_list();
    let t = list
        .portfolio(Some(Fund::Esf), PortfolioBy::PriorityAxis)
        .unwrap();
    // Sums over the 786 ESR rows of the export.
    assert_eq!(t.total.projects, 786);
    assert_eq!(t.total.granted_eu_state, euros(163_211_433));
    assert_eq!(t.total.realised_eu_state, Money::from_cents(5_128_446_925));
    assert_eq!(t.total.planned_public, euros(394_333_875));
    assert_eq!(t.total.realised_public, Money::from_cents(6_180_173_549));
    assert_eq!(t.total.missing_values, 0);
    assert_eq!(
        t.total.utilisation,
        Some(Rate::ratio(Money::from_cents(5_128_446_925), euros(163_211_433)).unwrap())
    );
    assert_eq!(t.total.utilisation.unwrap().to_percent_string(1), "31,4 %");
    let by_axis: Vec<(&str, u64, Money)> = t
        .rows
        .iter()
        .map(|r| (&r.key[..4], r.projects, r.granted_eu_state))
        .collect();
    assert_eq!(
        by_axis,
        [
            ("TL3 ", 339, euros(71_619_354)),
            ("TL4 ", 288, euros(49_335_608)),
            ("TL5 ", 156, euros(29_732_210)),
            ("TL7 ", 3, euros(12_524_261)),
        ]
    );
    let tl5 = &t.rows[2];
    assert_eq!(tl5.key, "TL5 Sosiaalinen osallisuus ja köyhyyden torjunta");
    assert_eq!(
        (tl5.realised_eu_state, tl5.realised_public),
        (
            Money::from_cents(968_380_246),
            Money::from_cents(1_157_556_917)
        )
    );

    let by_authority = list
        .portfolio(Some(Fund::Esf), PortfolioBy::Authority)
        .unwrap();
    let counts: Vec<(&str, u64)> = by_authority
        .rows
        .iter()
        .map(|r| (r.key.as_str(), r.projects))
        .collect();
    assert_eq!(
        counts,
        [
            ("Etelä-Savon elinkeino-, liikenne- ja ympäristökeskus", 207),
            ("Hämeen elinkeino-, liikenne- ja ympäristökeskus", 152),
            ("Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus", 163),
            (
                "Pohjois-Pohjanmaan elinkeino-, liikenne- ja ympäristökeskus",
                242
            ),
            ("Sosiaali- ja terveysministeriö", 19),
            ("Työ- ja elinkeinoministeriö", 3),
        ]
    );
    assert_eq!(by_authority.total, t.total);
    let by_status = list
        .portfolio(Some(Fund::Esf), PortfolioBy::Status)
        .unwrap();
    assert_eq!(by_status.rows.len(), 1);
    assert_eq!(
        (by_status.rows[0].key.as_str(), by_status.rows[0].projects),
        ("Toiminnassa", 786)
    );
    let md = t.to_markdown();
    assert!(
        md.contains("| Yhteensä | 786 | 163 211 433,00 € | 51 284 469,25 € | 31,4 % |"),
        "{md}"
    );
    let json = serde_json::to_value(&t).unwrap();
    assert_eq!(json["total"]["granted_eu_state"], "163211433.00");
}

/// Lines of the raw export that end in two empty padding fields (`,,;`): the
/// ranges as they stand in the os-data/eu-structural-funds copy of the export
/// (`data/FI.finland/ERDF 2014-2020/projektilista-csv-final.original.csv`).
const PADDED: [std::ops::RangeInclusive<usize>; 4] = [2..=199, 411..=436, 878..=1064, 2870..=2882];

/// Lines the raw export quotes as a whole, with their inner quotes doubled,
/// copied from that file: S20774 (whose inner text is not well-formed CSV once
/// unwrapped: its quotes are kept as written) and A70617 (which is).
const WRAPPED: [(usize, &str); 2] = [
    (
        918,
        "\"A70617,EAKR,\"\"Opiferus \"\"\"\"Johtamistyökalun\"\"\"\" tuotteistus ja kaupallistaminen\"\",1,Keski-Suomen elinkeino-  liikenne- ja ympäristökeskus,Toiminnassa,27.10.2014,31.12.2016,SOFTWAVE OHJELMISTOT OY,66260,54274,66260,54274,,\";",
    ),
    (
        2870,
        "\"S20774,ESR,PIKKU-MUSTIKKA\"\"\"\" - Sosiaalisen osallisuuden ja työllistymismahdollisuuksien lisääminen maahanmuuttajanaisilla - Alueellinen Opetuskotimalli  - kokeilu Turun seutukunnassa\"\",5,Keski-Suomen elinkeino-  liikenne- ja ympäristökeskus,Toiminnassa,1.8.2016,31.7.2019,Sateenkaari Koto ry,80000,0,507835,0,,\";",
    ),
];

/// The raw export, rebuilt from the cleaned file as the raw file has it: names
/// and authorities with unquoted commas, every line ending in `;`, the
/// padding of [`PADDED`], the whole-line quoting of [`WRAPPED`], CRLF line ends.
fn raw_export(clean: &str) -> String {
    let mut out = String::new();
    for (i, line) in clean.lines().enumerate() {
        let number = i + 1;
        if let Some((_, wrapped)) = WRAPPED.iter().find(|(n, _)| *n == number) {
            out.push_str(wrapped);
            out.push_str("\r\n");
            continue;
        }
        let mut raw = line
            .replace(" | ", ", ")
            .replace('|', ",")
            .replace("elinkeino-  liikenne-", "elinkeino-, liikenne-")
            .replace("elinkeino- liikenne-", "elinkeino-, liikenne-");
        if PADDED.iter().any(|r| r.contains(&number)) {
            raw.push_str(",,");
        }
        out.push_str(&raw);
        out.push_str(";\r\n");
    }
    out
}

/// The ESR projects' count and granted EU + state funding in cents, summed
/// straight from the cleaned file's text — not by hanke's reader: the fund is
/// the second field and the four amounts the last four (names hold commas only
/// inside quotes, which come before them), so a split at commas finds both.
fn independent_esr_total(clean: &str) -> (u64, i64) {
    let cents = |s: &str| -> i64 {
        let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
        let frac = format!("{frac:0<2}");
        whole.parse::<i64>().unwrap() * 100 + frac[..2].parse::<i64>().unwrap()
    };
    let mut count = 0;
    let mut sum = 0;
    for line in clean.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f[1] == "ESR" {
            count += 1;
            sum += cents(f[f.len() - 4]);
        }
    }
    (count, sum)
}

#[test]
fn the_raw_export_reads_as_the_cleaned_file() {
    let clean = read("eura/eura2014_projektilista.csv");
    let raw = raw_export(&clean);
    let list = ProjectList::read(raw.as_bytes()).unwrap();
    let r = &list.report;
    assert_eq!(r.rows_read, 2881);
    assert_eq!(r.lines, 2882);
    assert!(r.is_balanced(), "{r:?}");
    // Every rejection has a line and a reason; every joined row says how it was read.
    assert!(
        r.rejections
            .iter()
            .all(|f| f.line.is_some() && !f.message_en.is_empty())
    );
    let realigned: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule_id == "EURA-LIST-002")
        .collect();
    assert_eq!(realigned.len() as u64, r.realigned);
    assert!(realigned.iter().all(|f| f.message_en.contains("read as ")));
    assert!(r.realigned > 2000, "{}", r.realigned);
    assert_swedish(&r.findings);
    assert_swedish(&r.rejections);
    // The two whole-line rows are read, and say so.
    assert_eq!(r.unwrapped, 2);
    let unwrapped: Vec<u64> = r
        .findings
        .iter()
        .filter(|f| f.rule_id == "EURA-LIST-003")
        .filter_map(|f| f.line)
        .collect();
    assert_eq!(unwrapped, [918, 2870]);
    let s20774 = list
        .rows
        .iter()
        .find(|r| r.code.to_string() == "S20774")
        .unwrap();
    assert_eq!(
        (s20774.granted_eu_state, s20774.planned_public, s20774.line),
        (Some(euros(80_000)), Some(euros(507_835)), 2870)
    );
    let a70617 = list
        .rows
        .iter()
        .find(|r| r.code.to_string() == "A70617")
        .unwrap();
    assert_eq!(
        a70617.name,
        "Opiferus \"Johtamistyökalun\" tuotteistus ja kaupallistaminen"
    );
    // Padding is padding: the money of a padded row stays in its columns.
    let s20781 = list
        .rows
        .iter()
        .find(|r| r.code.to_string() == "S20781")
        .unwrap();
    assert_eq!(s20781.implementer, "Ranuan kunta");
    assert_eq!(
        (
            s20781.granted_eu_state,
            s20781.realised_eu_state,
            s20781.planned_public,
            s20781.realised_public
        ),
        (
            Some(euros(47_394)),
            Some(euros(0)),
            Some(euros(348_342)),
            Some(euros(0))
        )
    );
    // The four broken rows of the cleaned file are still rejected, not guessed,
    // and nothing else is.
    assert_eq!(r.rejected_lines(), [109, 124, 148, 153]);
    // The ESR rows read exactly as from the cleaned file, and their total is
    // the file's own sum.
    let clean_list = project_list();
    let esr = |l: &ProjectList| {
        l.portfolio(Some(Fund::Esf), PortfolioBy::PriorityAxis)
            .unwrap()
    };
    assert_eq!(esr(&list), esr(&clean_list));
    let (count, cents) = independent_esr_total(&clean);
    assert_eq!((count, cents), (786, 16_321_143_300));
    assert_eq!(esr(&list).total.projects, count);
    assert_eq!(esr(&list).total.granted_eu_state, Money::from_cents(cents));
    let first = list
        .rows
        .iter()
        .find(|r| r.code.to_string() == "S20044")
        .unwrap();
    assert_eq!(
        first.authority,
        "Etelä-Savon elinkeino-, liikenne- ja ympäristökeskus"
    );
    // Exactly the rows the export split are joined: those whose raw line has
    // more commas than the cleaned one, padding aside (the four broken rows aside).
    let split_rows = clean
        .lines()
        .zip(raw.split("\r\n"))
        .enumerate()
        .skip(1)
        .filter(|(i, (c, w))| {
            let n = i + 1;
            let padding = if PADDED.iter().any(|r| r.contains(&n)) {
                2
            } else {
                0
            };
            ![109, 124, 148, 153].contains(&n)
                && !WRAPPED.iter().any(|(l, _)| *l == n)
                && w.matches(',').count() > c.matches(',').count() + padding
        })
        .count() as u64;
    assert_eq!(r.realigned, split_rows);
    // Every padded row that needed no joining is counted as padded.
    assert!(r.padded >= 400, "{}", r.padded);
}

/// The raw export itself, where a copy is at hand (`HANKE_EURA_RAW=<path to
/// projektilista-csv-final.original.csv>`; not bundled, the repository keeps
/// only the cleaned file): every ESR row reads as in the cleaned file.
#[test]
fn the_raw_export_file_when_given() {
    let Some(path) = std::env::var_os("HANKE_EURA_RAW") else {
        return;
    };
    let list = ProjectList::from_path(path).unwrap();
    assert!(list.report.is_balanced());
    let clean = project_list();
    let esr = |l: &ProjectList| {
        l.portfolio(Some(Fund::Esf), PortfolioBy::PriorityAxis)
            .unwrap()
    };
    assert_eq!(esr(&list), esr(&clean));
    for row in list.rows_of(Fund::Esf) {
        let c = clean.rows.iter().find(|c| c.code == row.code).unwrap();
        assert_eq!(
            (
                row.granted_eu_state,
                row.realised_eu_state,
                row.planned_public,
                row.realised_public,
                row.start,
                row.end,
                row.priority
            ),
            (
                c.granted_eu_state,
                c.realised_eu_state,
                c.planned_public,
                c.realised_public,
                c.start,
                c.end,
                c.priority
            ),
            "{}",
            row.code
        );
    }
}

#[test]
fn a_reading_that_moves_a_number_into_a_text_column_never_wins() {
    let header = "Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä;";
    let ely = "Pohjois-Pohjanmaan elinkeino-  liikenne- ja ympäristökeskus";
    let csv = format!(
        "{header}\n\
         S20781,ESR,Stara,5,{ely},Toiminnassa,1.8.2016,31.7.2019,Ranuan kunta,47394,0,348342,0,,;\n\
         S20782,ESR,Toinen,5,{ely},Toiminnassa,1.8.2016,31.7.2019,Kuntopalvelu, avoin yhtiö,15660,15660,15660,,;\n\
         S20783,ESR,Kolmas,5,{ely},Toiminnassa,1.8.2016,31.7.2019,Yhdistys,100000,15.10.2014, 100000,93277,, ;\n\
         S20784,ESR,Neljäs,5,{ely},Toiminnassa,1.8.2016,31.7.2019,Yhdistys,,,,,,;\n"
    );
    let list = ProjectList::read(csv.as_bytes()).unwrap();
    let r = &list.report;
    assert!(r.is_balanced());
    assert_eq!(
        (r.accepted, r.rejected, r.padded, r.realigned),
        (3, 1, 3, 1)
    );
    let row = |code: &str| {
        list.rows
            .iter()
            .find(|r| r.code.to_string() == code)
            .unwrap()
    };
    assert_eq!(row("S20781").implementer, "Ranuan kunta");
    assert_eq!(row("S20781").granted_eu_state, Some(euros(47_394)));
    // A name with a comma, and one padding field: the reading says both.
    assert_eq!(row("S20782").implementer, "Kuntopalvelu, avoin yhtiö");
    assert_eq!(row("S20782").realised_public, None);
    assert!(
        r.findings[0]
            .message_en
            .contains("Toteuttajan nimi = \"Kuntopalvelu, avoin yhtiö\" (2 fields); 1 empty field(s) at the end as padding"),
        "{}",
        r.findings[0].message_en
    );
    // A date in a money column: no reading without moving a number into a name.
    assert_eq!(r.rejected_lines(), [4]);
    assert!(
        r.rejections[0]
            .message_en
            .contains("without moving a number")
    );
    // Every cell empty and two padding fields: one reading, nothing joined.
    assert_eq!(row("S20784").granted_eu_state, None);
}

#[test]
fn an_ambiguous_reading_is_a_finding_not_a_choice() {
    // With the implementer's column right after the name's, a comma between
    // them can belong to either: two readings, neither taken.
    let header = "Koodi,Rahasto,Hankkeen nimi,Toteuttajan nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä";
    let csv = format!(
        "{header}\nS20001,ESR,Alku,keski,loppu,5,Hämeen elinkeino- liikenne- ja ympäristökeskus,Toiminnassa,1.1.2015,31.12.2016,1000,500,2000,1000\n"
    );
    let list = ProjectList::read(csv.as_bytes()).unwrap();
    let r = &list.report;
    assert_eq!((r.accepted, r.rejected), (0, 1));
    let m = &r.rejections[0].message_en;
    assert!(
        m.contains("2 different readings") && m.contains("not guessed"),
        "{m}"
    );
    assert!(
        m.contains("Hankkeen nimi = \"Alku,keski\"")
            && m.contains("Toteuttajan nimi = \"keski,loppu\""),
        "{m}"
    );
}

#[test]
fn damaged_list_rows_are_rejected_with_line_and_reason() {
    let header = "Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä";
    let ely = "Hämeen elinkeino- liikenne- ja ympäristökeskus";
    let rows = [
        format!(
            "S20001,ESR,Hyvä,5,{ely},Toiminnassa,1.1.2015,31.12.2016,Yhdistys ry,1000,500,2000,1000"
        ), // 2 ok
        format!(
            "S20002,ESR,Päivä rahassa,5,{ely},Toiminnassa,1.1.2015,31.12.2016,Yhdistys ry,1000,31.12.2016,2000,1000"
        ), // 3 date in money
        format!(
            "S20003,ESR,Huono raha,5,{ely},Toiminnassa,1.1.2015,31.12.2016,Yhdistys ry,1000,12x4,2000,1000"
        ), // 4 unparseable money
        format!(
            "S20004,ESR,Siirtynyt,{ely},Toiminnassa,1.1.2015,31.12.2016,Yhdistys ry,1000,500,2000,1000"
        ), // 5 a column missing
        format!(
            "S20005,ESR,Väärä pvm,5,{ely},Toiminnassa,31.2.2015,31.12.2016,Yhdistys ry,1000,500,2000,1000"
        ), // 6 impossible date
        format!(
            "S20006,ESR,\"Lainaus\"virhe,5,{ely},Toiminnassa,1.1.2015,31.12.2016,Yhdistys ry,1000,500,2000,1000"
        ), // 7 bad quoting
        format!(
            "S20007,ESR,Nimi, jossa pilkku, ja toinen,5,{ely},Toiminnassa,1.1.2015,31.12.2016,Yhdistys ry,1000,500,2000,1000"
        ), // 8 joined
        format!(
            "S20008,ESR,Kaksi, 5, tapaa,5,{ely},Toiminnassa,1.1.2015,31.12.2016,Yhdistys, 5,1000,500,2000,1000"
        ), // 9 no reading without a number in a name
    ];
    let csv = format!("{header}\n{}\n\n", rows.join("\n"));
    let list = ProjectList::read(csv.as_bytes()).unwrap();
    let r = &list.report;
    assert_eq!(
        (
            r.rows_read,
            r.accepted,
            r.rejected,
            r.realigned,
            r.blank_lines
        ),
        (8, 2, 6, 1, 1)
    );
    let got: Vec<(Option<u64>, &str, &str)> = r
        .rejections
        .iter()
        .map(|f| (f.line, f.rule_id, f.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                Some(3),
                "EURA-LIST-001",
                "Toteutunut EU- ja valtion rahoitus"
            ),
            (Some(4), "IMP-CSV-003", "Toteutunut EU- ja valtion rahoitus"),
            (Some(5), "EURA-LIST-001", "row"),
            (Some(6), "IMP-CSV-003", "Aloituspvm"),
            (Some(7), "IMP-CSV-001", "row"),
            (Some(9), "EURA-LIST-001", "row"),
        ]
    );
    // Row 9's only readings join a number (" 5") into a name: none is taken.
    assert!(
        r.rejections[5]
            .message_en
            .contains("without moving a number")
    );
    assert!(
        r.rejections[5]
            .message_sv
            .contains("utan att flytta ett tal")
    );
    assert_swedish(&r.rejections);
    assert_swedish(&r.findings);
    let joined = list.rows.iter().find(|r| r.line == 8).unwrap();
    assert_eq!(joined.name, "Nimi, jossa pilkku, ja toinen");
    assert_eq!(r.findings[0].rule_id, "EURA-LIST-002");
}

#[test]
fn headers_that_would_lose_data_are_errors() {
    let err = ProjectList::read("Koodi,Rahasto\nS20001,ESR\n".as_bytes()).unwrap_err();
    assert_eq!(
        (err.code(), err.line()),
        ("eura_list.missing_column", Some(1))
    );
    let err = ProjectList::read("".as_bytes()).unwrap_err();
    assert_eq!(err.code(), "csv.empty");
    let err = ProjectList::from_path("no/such/list.csv").unwrap_err();
    assert_eq!((err.code(), err.line()), ("eura_list.open", None));
    assert!(err.to_string().starts_with("no/such/list.csv: cannot open"));
    let clean = read("eura/eura2014_projektilista.csv");
    let extra = clean.replacen("Koodi,", "Koodi,Lisä,", 1);
    assert_eq!(
        ProjectList::read(extra.as_bytes()).unwrap_err().code(),
        "eura_list.unknown_column"
    );
}

#[test]
fn list_rows_become_projects() {
    let list = project_list();
    let row = list
        .rows
        .iter()
        .find(|r| r.code.to_string() == "S20044")
        .unwrap();
    let p = row.to_project();
    assert_eq!(p.name, "HUOLTAMO");
    assert_eq!(
        (p.placement.fund, p.placement.priority),
        (Some(Fund::Esf), Some(4))
    );
    assert_eq!(p.placement.responsible_authority, Some(RA::EtelaSavoEly));
    assert_eq!(p.period.unwrap().to_string(), "1.1.2015–31.12.2016");
    assert!(
        p.validate()
            .iter()
            .all(|f| f.severity != hanke::Severity::Error),
        "{:?}",
        p.validate()
    );
    // The description of the same project agrees with the list.
    let d = parse_description(&read("eura/descriptions/S20044.txt")).project;
    assert_eq!(
        (
            d.code,
            d.period,
            d.placement.priority,
            d.placement.responsible_authority
        ),
        (
            p.code,
            p.period,
            p.placement.priority,
            p.placement.responsible_authority
        )
    );
}

#[test]
fn fixtures_hold_no_real_contacts() {
    // Contact persons in the stored pages are placeholders; e-mail addresses are
    // example.fi ones and personal phone numbers 040 000 000x.
    let mut files = description_files();
    files.push(data("eura/pages/S20250.txt"));
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        for word in text.split_whitespace() {
            if word.contains('@') || word.contains("(at)") {
                assert!(
                    word.ends_with("(at)example.fi") || word.ends_with("@example.fi"),
                    "{}: {word}",
                    path.display()
                );
            }
        }
        for line in text.lines() {
            if line.starts_with("Hankkeen yhteyshenkilön nimi:") {
                assert_eq!(
                    line,
                    "Hankkeen yhteyshenkilön nimi: Etunimi Sukunimi",
                    "{}",
                    path.display()
                );
            }
            if line.starts_with("Yhteyshenkilön puhelinnumero:") {
                assert_eq!(
                    line,
                    "Yhteyshenkilön puhelinnumero: 040 000 0000",
                    "{}",
                    path.display()
                );
            }
        }
    }
    let toimet = parse_description(&read("eura/descriptions/S22026.txt")).project;
    let contact = &toimet.main_implementer().unwrap().organisation.contacts[0];
    assert_eq!(
        (contact.name.as_str(), contact.phone.as_deref()),
        ("Etunimi Sukunimi", Some("040 000 0000"))
    );
}

/// Issue 24 item 13: specific objective 6.1 is named as the programme and
/// EURA print it ("…työllistymisen edistäminen"), so a correct description
/// raises no EURA-DESC-008; the old shorter name does.
#[test]
fn objective_6_1_read_under_its_printed_name_raises_nothing() {
    let (text, _) = seed_004();
    let with = |objective: &str| {
        let copy = text
            .replace("Toimintalinja: 5. Sosiaalinen osallisuus ja köyhyyden torjunta", "Toimintalinja: 3. Työllisyys ja työvoiman liikkuvuus")
            .replace(
                "Erityistavoite: 10.1. Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen",
                &format!("Erityistavoite: 6.1. {objective}"),
            );
        assert_ne!(copy, text);
        parse_description(&copy)
            .findings
            .iter()
            .filter(|f| f.rule_id == "EURA-DESC-008")
            .count()
    };
    assert_eq!(
        with("Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen"),
        0
    );
    assert_eq!(
        with("Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistyminen"),
        1
    );
}

/// The real list's doubts are said where they are: three negative realised
/// public amounts (`EURA-LIST-005`), and no code twice, no end before a start.
#[test]
fn the_real_list_says_its_negative_amounts() {
    let list = project_list();
    let doubts: Vec<(&str, Option<u64>, &str)> = list
        .report
        .findings
        .iter()
        .filter(|f| f.rule_id != "EURA-LIST-002")
        .map(|f| (f.rule_id, f.line, f.path.as_str()))
        .collect();
    let col = "Toteutunut julkinen rahoitus yhteensä";
    assert_eq!(
        doubts,
        [
            ("EURA-LIST-005", Some(209), col),
            ("EURA-LIST-005", Some(213), col),
            ("EURA-LIST-005", Some(228), col),
        ]
    );
    assert!(
        list.report.findings[0]
            .message_en
            .starts_with("-744,00 € is negative"),
        "{}",
        list.report.findings[0].message_en
    );
    assert_swedish(&list.report.findings);
    // Said, not changed: the account and the sums are as before.
    assert_eq!((list.report.accepted, list.report.rejected), (2877, 4));
}

mod list_doubts {
    use super::*;
    use proptest::prelude::*;

    /// A row of a drawn list: a code from a small pool (so that codes
    /// repeat), four amounts that may be negative or absent, two days.
    #[derive(Debug, Clone)]
    struct Drawn {
        code: u32,
        amounts: [Option<i64>; 4],
        start: NaiveDate,
        end: NaiveDate,
    }

    fn drawn() -> impl Strategy<Value = Drawn> {
        let amount = prop_oneof![
            1 => Just(None),
            4 => (-2_000i64..100_000).prop_map(Some),
        ];
        let day = (0u64..3_000).prop_map(|n| d(2014, 1, 1) + chrono::Days::new(n));
        (
            20_001u32..20_012,
            [amount.clone(), amount.clone(), amount.clone(), amount],
            day.clone(),
            day,
        )
            .prop_map(|(code, amounts, start, end)| Drawn {
                code,
                amounts,
                start,
                end,
            })
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Every repeated code, negative amount and end before a start is
        /// said once, at its line and column, and nothing else is; every row
        /// is still accepted and the sums are the rows' amounts as given.
        #[test]
        fn every_doubt_is_said_once_where_it_is(rows in prop::collection::vec(drawn(), 1..30)) {
            let header = "Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,Toteuttajan nimi,Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä";
            let money_columns = [
                "Myönnetty EU- ja valtion rahoitus",
                "Toteutunut EU- ja valtion rahoitus",
                "Suunniteltu julkinen rahoitus yhteensä",
                "Toteutunut julkinen rahoitus yhteensä",
            ];
            let mut csv = format!("{header}\n");
            let mut want: Vec<(u64, &str, String)> = Vec::new();
            let mut first_line: std::collections::HashMap<u32, u64> = Default::default();
            for (k, r) in rows.iter().enumerate() {
                let line = k as u64 + 2;
                let amounts: Vec<String> = r.amounts.iter().map(|a| a.map_or(String::new(), |a| a.to_string())).collect();
                csv.push_str(&format!(
                    "S{},ESR,Nimi {k},5,Hämeen elinkeino- liikenne- ja ympäristökeskus,Toiminnassa,{},{},Yhdistys ry,{}\n",
                    r.code,
                    r.start.format("%-d.%-m.%Y"),
                    r.end.format("%-d.%-m.%Y"),
                    amounts.join(","),
                ));
                let earlier = *first_line.entry(r.code).or_insert(line);
                if earlier != line {
                    want.push((line, "EURA-LIST-004", format!("Koodi: line {earlier}")));
                }
                for (a, col) in r.amounts.iter().zip(money_columns) {
                    if a.is_some_and(|a| a < 0) {
                        want.push((line, "EURA-LIST-005", col.to_string()));
                    }
                }
                if r.end < r.start {
                    want.push((line, "EURA-LIST-006", "Päättymispvm".to_string()));
                }
            }
            let list = ProjectList::read(csv.as_bytes()).unwrap();
            let mut got: Vec<(u64, &str, String)> = list
                .report
                .findings
                .iter()
                .map(|f| {
                    let what = if f.rule_id == "EURA-LIST-004" {
                        // The earlier line, from the message.
                        let at = f.message_en.split("line ").nth(1).unwrap().split(' ').next().unwrap();
                        format!("{}: line {at}", f.path)
                    } else {
                        f.path.clone()
                    };
                    (f.line.unwrap(), f.rule_id, what)
                })
                .collect();
            // In line order as read.
            let lines: Vec<u64> = got.iter().map(|g| g.0).collect();
            prop_assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{:?}", lines);
            got.sort();
            want.sort();
            prop_assert_eq!(got, want);
            prop_assert_eq!((list.report.accepted, list.report.rejected), (rows.len() as u64, 0));
            let total = list.portfolio(None, PortfolioBy::PriorityAxis).unwrap().total;
            let sum = |i: usize| Money::from_cents(rows.iter().filter_map(|r| r.amounts[i]).sum::<i64>() * 100);
            prop_assert_eq!(total.granted_eu_state, sum(0));
            prop_assert_eq!(total.realised_public, sum(3));
            // A utilisation where there is one: none of nothing granted, none
            // where one sum is negative and the other not.
            let (g, r) = (sum(0).cents(), sum(1).cents());
            let expected = (g != 0 && !(r != 0 && (r < 0) != (g < 0))).then(|| hanke::Rate::ratio(sum(1), sum(0)).unwrap());
            prop_assert_eq!(total.utilisation, expected);
        }
    }
}
