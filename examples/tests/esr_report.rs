//! The main job runs on the bundled data and reports a broken file by name and place.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO"))
        .args(["run", "-q", "--example", "esr_report", "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn reports_every_bundled_project() {
    let (ok, stdout, _) = run(&["--on", "2026-11-23"]);
    assert!(ok);
    assert!(
        stdout.contains("15 project(s) reported, 0 file(s) could not be read"),
        "{stdout}"
    );
    assert!(stdout.contains("utilisation 88,33 %"), "{stdout}");
    assert!(stdout.contains("EU share 87,02 %"), "{stdout}");
    // Lähde mukaan!'s Duuniin! coaching: the seed's 29 exits by the 2014–2020 rules.
    assert!(
        stdout.contains("lahde_mukaan_S20250.csv; 29 rows read, 29 accepted, 0 rejected"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "left 29: employed 6, in education or training 8, job searching 15, qualification 0, none of these 2"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("(unverified)"), "{stdout}");
}

#[test]
fn a_broken_file_is_named_with_the_field_and_line() {
    let dir = std::env::temp_dir().join(format!("hanke-example-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("broken.json");
    std::fs::write(
        &bad,
        "{\n  \"name\": \"X\",\n  \"funding_plan\": {\"total\": {\"planned\": \"12,345\"}}\n}\n",
    )
    .unwrap();
    let (ok, _, stderr) = run(&[bad.to_str().unwrap()]);
    assert!(!ok);
    assert!(stderr.contains("broken.json"), "{stderr}");
    assert!(stderr.contains("funding_plan.total.planned"), "{stderr}");
    assert!(
        stderr.contains("line 3") || stderr.contains("line 4"),
        "{stderr}"
    );
    assert!(stderr.contains("[json.data]"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_synthetic_demo_shows_its_budget_computation() {
    let (ok, stdout, stderr) = run(&[
        "--on",
        "2025-01-01",
        "../examples/data/synthetic/flat_rate_40_demo.json",
    ]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("40,00 % × 120 000,00 € (staff costs) = 48 000,00 €"),
        "{stdout}"
    );
    assert!(stdout.contains("Eligible total"), "{stdout}");
    assert!(stdout.contains("168 000,00 €"), "{stdout}");
    assert!(stdout.contains("findings            none"), "{stdout}");
}
