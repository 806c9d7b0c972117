//! The SFC2021 tables example: the bundled kit gives the expected table, and a
//! compare lists the differing cells with exit status 1.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO"))
        .args(["run", "-q", "--example", "sfc_tables", "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_kit_gives_the_expected_table_and_compare_finds_every_difference() {
    let (code, stdout, stderr) = run(&["kit"]);
    assert_eq!(code, Some(0), "{stderr}");
    let expected = std::fs::read_to_string("../conformance/sfc2021/expected/table6.csv").unwrap();
    assert_eq!(stdout, expected);
    assert!(
        stderr.contains("cut-off 2024-12-31 (submission due 2025-01-31)"),
        "{stderr}"
    );

    let dir = std::env::temp_dir().join(format!("hanke-sfc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let actual = dir.join("actual.csv");
    std::fs::write(
        &actual,
        expected.replace("more developed,EECO03,man,1", "more developed,EECO03,man,0"),
    )
    .unwrap();
    let (code, stdout, _) = run(&[
        "compare",
        "../conformance/sfc2021/expected/table6.csv",
        actual.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(1));
    assert!(
        stdout
            .contains("4,ESO4.1,more developed,EECO03,man: expected 1, got 0\n1 differing cell(s)"),
        "{stdout}"
    );
    let (code, _, stderr) = run(&["kit", "--on", "2024-12-30"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("[sfc.cut_off]"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}
