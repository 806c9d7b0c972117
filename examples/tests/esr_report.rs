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
    let (ok, stdout, stderr) = run(&["--on", "2026-11-23"]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("15 project(s) reported, 0 file(s) could not be read"),
        "{stdout}"
    );
    assert!(stdout.contains("utilisation 88,33 %"), "{stdout}");
    assert!(stdout.contains("EU share 87,02 %"), "{stdout}");
    // Lähde mukaan!'s Duuniin! coaching by the 2014–2020 rules (seed 001): 29
    // participants; 2 + 2 + 2 in employment, 6 + 2 in education or training.
    assert!(
        stdout.contains("Grand total 29 (women 14, men 15) · incomplete 0"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "| CR04 † | participants in employment, including self-employment, upon leaving | 3 | 3 | 6 |"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("| CR02 † | participants in education/training upon leaving | 4 | 4 | 8 |"),
        "{stdout}"
    );
    // Project indicators from the activity logs reproduce the seeds' figures.
    for line in [
        "| KEKO-1 | Network events | tilaisuutta | – | – | – | 38 |",
        "| KEKO-2 | Attendees of network events | osallistujaa | – | – | – | 1290 |",
        "| KEKO-3 | Share of attendees from the third sector | % | – | – | – | 60,0 % |",
        "| KEKO-4 | Mean feedback (1–4) | keskiarvo | – | – | – | 3,3 |",
        "| LM-1 | Community-coaching sessions | kertaa | – | – | – | 125 |",
        "| LM-2 | Community-coaching participants | osallistujaa | – | – | – | 74 |",
        "| LM-8 | Attendees of public events | osallistujaa | – | – | – | 2369 |",
        "| PA-1 | Events of the project period | tapahtumaa | – | – | – | 242 |",
        "| PA-2 | Attendees of the events | osallistujaa | – | – | – | 2116 |",
    ] {
        assert!(stdout.contains(line), "{line}\n{stdout}");
    }
    // The ESF+ project has a non-binary column; incomplete records are findings.
    assert!(
        stdout.contains("| women | men | non-binary | total |"),
        "{stdout}"
    );
    assert!(stdout.contains("IND-INC-001"), "{stdout}");
    assert!(stdout.contains("## Portfolio"), "{stdout}");
}

#[test]
fn finnish_labels_and_json() {
    let (ok, stdout, stderr) = run(&[
        "--on",
        "2017-06-30",
        "--lang",
        "fi",
        "../examples/data/projects/lahde_mukaan_S20250.json",
        "../examples/data/participants/lahde_mukaan_S20250.csv",
    ]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("Tilanne päivältä 30.6.2017 (SFC-versio 201706)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("| koodi | indikaattori | naiset | miehet | yhteensä |"),
        "{stdout}"
    );
    let (ok, stdout, stderr) = run(&[
        "--json",
        "--on",
        "2017-06-30",
        "../examples/data/projects/lahde_mukaan_S20250.json",
        "../examples/data/participants/lahde_mukaan_S20250.csv",
    ]);
    assert!(ok, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let indicators = v["participants"]["indicators"]["indicators"]
        .as_array()
        .unwrap();
    let cr04 = indicators
        .iter()
        .find(|i| i["indicator"]["code"] == "CR04")
        .unwrap();
    assert_eq!(cr04["value"]["women"], 3);
    assert_eq!(cr04["value"]["men"], 3);
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
    assert!(stdout.contains("## Findings\n\nNone."), "{stdout}");
}
