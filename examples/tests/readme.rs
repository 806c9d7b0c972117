//! The Rust example of the README, kept compiling and true.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

#[test]
fn readme_rust_example() -> Result<(), Box<dyn std::error::Error>> {
    // Paths in the README are relative to the repository root.
    std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))?;
    // --- begin README ---
    use hanke::{BusinessId, Money, Project, Rate};

    let total: Money = "12 167 957 euroa".parse()?;
    let eu: Money = "10 588 811".parse()?;
    assert_eq!(Rate::ratio(eu, total)?.to_string(), "87,02 %");

    let id: BusinessId = "2211414-8".parse()?; // Y-tunnus, check digit verified
    let project = Project::from_json_str(&std::fs::read_to_string(
        "examples/data/projects/toimet_S22026.json",
    )?)?;
    assert_eq!(
        project.funding_plan.utilisation()?.unwrap().to_string(),
        "88,33 %"
    );
    for finding in project.validate() {
        println!("{finding}"); // [info] FIN-SUM-002 at …: …
    }
    // --- end README ---
    assert_eq!(id.to_string(), "2211414-8");
    Ok(())
}

#[test]
fn readme_cost_model_example() -> Result<(), Box<dyn std::error::Error>> {
    // --- begin README ---
    use hanke::cost::{CostModel, DirectCosts, HourlyRate};
    use hanke::programme::ProgrammePeriod;
    use hanke::rulebook::{CostContext, Rulebook};
    use hanke::{Money, Rate};

    // Flat rate 40 % (CPR Art 56, the Finnish 2021–2027 default): staff 120 000 €.
    let costs = DirectCosts {
        staff: "120 000".parse()?,
        ..DirectCosts::default()
    };
    let model = CostModel::OtherCostsOnStaffCosts {
        rate: Rate::percent(40),
    };
    let budget = model.compute(&costs)?;
    print!("{}", budget.to_text()); // every line with its formula
    assert_eq!(budget.eligible_total, "168 000".parse::<Money>()?);

    // Hourly rate: annual gross employment costs ÷ 1 720 h (Art 55(2)(a)).
    let rate = HourlyRate::new("52 460".parse()?, Rate::ONE)?;
    assert_eq!(rate.per_hour_rounded()?.to_string(), "30,50 €");

    // The period's rulebook checks the model: 45 % is above Art 56's ceiling.
    let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027).unwrap();
    let too_high = CostModel::OtherCostsOnStaffCosts {
        rate: Rate::percent(45),
    };
    assert_eq!(
        rules.check_cost_model(&too_high, &CostContext::with_total(None, false))[0].rule_id,
        "COST-RATE-001"
    );
    // --- end README ---
    Ok(())
}

#[test]
fn readme_participants_example() -> Result<(), Box<dyn std::error::Error>> {
    std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))?;
    // --- begin README ---
    use hanke::import::{ImportOptions, read_participants_csv};
    use hanke::participant::{ExitSituation, Pseudonymiser, merge_duplicates};
    use hanke::programme::ProgrammePeriod;
    use hanke::rulebook::Rulebook;

    let rules = Rulebook::for_period(ProgrammePeriod::Period2014To2020)
        .unwrap()
        .participants()
        .unwrap();
    let file = std::fs::File::open("examples/data/participants/lahde_mukaan_S20250.csv")?;
    let mut options = ImportOptions::default();
    options.accept_temporary_codes = true; // synthetic people: temporary codes 900–999
    options.pseudonymiser = Some(Pseudonymiser::new(b"keep this secret out of the data")?);
    options.drop_identity_codes = true; // keep only the keyed pseudonyms
    options.rules = Some(rules);
    let (records, report) = read_participants_csv(std::io::BufReader::new(file), options)?;
    assert!(report.is_balanced()); // rows read = accepted + rejected (with line and field)
    let people = merge_duplicates(records, None).participants; // first entry, last exit

    let p = &people[0];
    let derived = rules.derive(p); // age at entry, age group, long-term unemployment, ISCED, region
    assert_eq!(derived.age_group.unwrap().indicator, Some("CO06")); // below 25
    let result = rules.result_upon_leaving(p.exit.as_ref().unwrap());
    assert_eq!(result.situation, Some(ExitSituation::Education));
    assert!(result.categories.education_or_training);
    // --- end README ---
    Ok(())
}

#[test]
fn readme_indicators_example() -> Result<(), Box<dyn std::error::Error>> {
    std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))?;
    // --- begin README ---
    use hanke::indicator::{Catalogue, CommonIndicators};
    use hanke::lang::Language;
    use hanke::programme::ProgrammePeriod;
    use hanke::report::{EsrReport, ReportInputs};
    use hanke::rulebook::Rulebook;
    use hanke::synthetic::duuniin_coaching;

    let rulebook = Rulebook::for_period(ProgrammePeriod::Period2014To2020).unwrap();
    let rules = rulebook.participants().unwrap();
    let people = duuniin_coaching(); // the seed's 29 Duuniin! participants (synthetic data)
    let cut_off = chrono::NaiveDate::from_ymd_opt(2017, 6, 30);

    // One pass, by gender; parts merge exactly (split across threads, roll up projects).
    let (first, rest) = people.split_at(10);
    let mut ind = CommonIndicators::compute(Catalogue::Esf2014, rules, cut_off, first)?;
    ind.merge(&CommonIndicators::compute(
        Catalogue::Esf2014,
        rules,
        cut_off,
        rest,
    )?)?;
    let cr04 = ind.get("CR04").unwrap(); // in employment upon leaving
    assert_eq!((cr04.women, cr04.men, cr04.total()), (3, 3, 6));

    let project = hanke::Project::from_json_str(&std::fs::read_to_string(
        "examples/data/projects/lahde_mukaan_S20250.json",
    )?)?;
    let mut inputs = ReportInputs::default();
    inputs.participants = Some(people);
    let report = EsrReport::new(&project, cut_off.unwrap(), inputs);
    print!("{}", report.to_markdown(Language::Fi)); // or Language::En, report.to_json()?
    // --- end README ---
    assert!(report.to_markdown(Language::Fi).contains("| CR04 † |"));
    Ok(())
}

#[test]
fn readme_eura_example() -> Result<(), Box<dyn std::error::Error>> {
    std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))?;
    // --- begin README ---
    use hanke::eura::{PortfolioBy, ProjectList, parse_description, render_description};
    use hanke::programme::Fund;

    // An EURA 2014 public description (eura2014.fi): sections 1–9 into a Project.
    let text = std::fs::read_to_string("examples/data/eura/descriptions/S21994.txt")?;
    let read = parse_description(&text);
    assert_eq!(read.project.name, "Romaniportti");
    assert_eq!(
        read.project.placement.specific_objective.as_deref(),
        Some("10.1")
    );
    for finding in &read.findings {
        println!("{finding}"); // this stored copy stops in section 3: EURA-DESC-001
    }
    // … and back to the same form; reading it again gives the same project.
    let again = parse_description(&render_description(&read.project));
    assert_eq!(again.project, read.project);

    // The EURA 2014 project list: every row accepted or rejected with line and reason.
    let list = ProjectList::from_path("examples/data/eura/eura2014_projektilista.csv")?;
    assert_eq!((list.report.rows_read, list.report.accepted), (2881, 2877));
    let esr = list.portfolio(Some(Fund::Esf), PortfolioBy::PriorityAxis)?;
    assert_eq!(esr.total.projects, 786);
    print!("{}", esr.to_markdown()); // counts, granted and realised money, utilisation
    // --- end README ---
    assert_eq!(read.findings[0].rule_id, "EURA-DESC-001");
    Ok(())
}
