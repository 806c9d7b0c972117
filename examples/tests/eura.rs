//! The EURA example reads the bundled descriptions, the project page and the
//! project list, and reports a file it cannot read by name.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO"))
        .args(["run", "-q", "--example", "eura", "--"])
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
fn reads_the_bundled_eura_data() {
    let (ok, stdout, stderr) = run(&[]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("11 file(s) read, 0 could not be read"),
        "{stdout}"
    );
    assert!(
        stdout.contains("## examples/data/eura/descriptions/S22026.txt (EURA 2014 description)"),
        "{stdout}"
    );
    assert!(stdout.contains("S22026 TOIMET - toiminnallinen etävalmennus\n  priority TL5 · specific objective 10.1 · Etelä-Savon ELY-keskus"), "{stdout}");
    assert!(
        stdout.contains("co-implementer Pieksämäen seudun liikunta (1457143-7)"),
        "{stdout}"
    );
    assert!(stdout.contains("S20250 Lähde mukaan!"), "{stdout}");
    assert!(
        stdout
            .contains("2881 rows read: 2877 accepted (0 with unquoted commas joined, 0 with padding, 0 unwrapped from whole-line quotes), 4 rejected; 2882 lines, all accounted for: true"),
        "{stdout}"
    );
    assert!(stdout.contains("| TL5 Sosiaalinen osallisuus ja köyhyyden torjunta | 156 | 29 732 210,00 € | 9 683 802,46 € | 32,6 % |"), "{stdout}");
    assert!(stdout.contains("| Yhteensä | 786 | 163 211 433,00 € | 51 284 469,25 € | 31,4 % | 394 333 875,00 € | 61 801 735,49 € |"), "{stdout}");
}

#[test]
fn renders_a_description_and_names_a_missing_file() {
    let (ok, stdout, stderr) = run(&[
        "--render",
        "data/eura/descriptions/S22026.txt",
        "no/such.csv",
    ]);
    assert!(!ok);
    assert!(stderr.contains("no/such.csv"), "{stderr}");
    assert!(
        stdout.contains("Myönnetty EU- ja valtion rahoitus: 101 500"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Seutukunnat: Varkauden, Kuopion"),
        "{stdout}"
    );
    assert!(
        stdout.contains("1 file(s) read, 1 could not be read"),
        "{stdout}"
    );
}
