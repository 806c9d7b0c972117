//! The Rust example of the README, kept compiling and true.
#![allow(clippy::unwrap_used)]

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
