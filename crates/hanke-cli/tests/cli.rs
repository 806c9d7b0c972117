//! The `hanke` command run as a user runs it (assert_cmd): the bundled data,
//! every format, `--help`, exit statuses, crafted bad files, and the
//! progress bar absent when standard error is not a terminal (as here).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::PathBuf;

use assert_cmd::Command;
use calamine::{Data, Reader};

fn hanke() -> Command {
    let mut c = Command::cargo_bin("hanke").unwrap();
    c.current_dir(root());
    c
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tmp(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = hanke().args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Nothing of a progress bar: no bar characters, no cursor control.
fn no_progress(stderr: &str) {
    assert!(!stderr.contains('\u{1b}'), "terminal control in {stderr}");
    assert!(
        !stderr.contains("=>") && !stderr.contains("projects ["),
        "{stderr}"
    );
}

#[test]
fn no_arguments_report_the_whole_bundled_portfolio() {
    let r = run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Every bundled project (the fifteen of the seeds and the synthetic ESR+ one).
    let projects = std::fs::read_dir(root().join("examples/data/projects"))
        .unwrap()
        .count()
        + 1;
    assert_eq!(r.stdout.matches("# ESR report: ").count(), projects);
    // The implementer with its Y-tunnus, as the seed gives it.
    assert!(
        r.stdout
            .contains("Tukeva-säätiö sr (business ID 2211414-8)")
    );
    // The ESR+ project's cost model, computed line by line.
    assert!(r.stdout.contains("Staff costs"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("40,00 % × 120 000,00 € (staff costs) = 48 000,00 €")
    );
    assert!(r.stdout.contains("Eligible total"));
    assert!(r.stdout.contains("## Portfolio"));
    assert!(r.stdout.contains("Co-financing by priority"));
    // The default cut-off is stated, and does not move with each day.
    assert!(
        r.stderr.contains("the latest reporting cut-off"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("temporary identity codes accepted"));
    assert!(
        r.stderr
            .contains("project(s) reported, 0 could not be read; rows read")
    );
    no_progress(&r.stderr);
    // The same as `report`.
    let explicit = run(&["report"]);
    assert_eq!(explicit.stdout, r.stdout);
}

#[test]
fn the_report_in_finnish_names_the_business_id_in_finnish() {
    let r = run(&["report", "--lang", "fi", "--on", "2024-12-31"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Tukeva-säätiö sr (Y-tunnus 2211414-8)"));
    assert!(r.stdout.contains("## Rahoitus"));
    assert!(r.stdout.contains("Tilanne päivältä 31.12.2024"));
    assert!(
        !r.stderr.contains("latest reporting cut-off"),
        "--on given: no default stated"
    );
}

#[test]
fn help_on_every_command_shows_examples() {
    for cmd in [
        &["--help"][..],
        &["report", "--help"],
        &["check", "--help"],
        &["indicators", "--help"],
        &["explain", "--help"],
        &["eura", "--help"],
        &["sfc", "--help"],
    ] {
        let r = run(cmd);
        assert_eq!(r.code, 0, "{cmd:?}");
        assert!(r.stdout.contains("Examples:"), "{cmd:?}: {}", r.stdout);
        assert!(r.stdout.contains("--lang"), "{cmd:?}");
    }
    // `--help` is never read as a file name.
    assert!(!run(&["report", "--help"]).stdout.contains("No such file"));
}

#[test]
fn usage_errors_exit_2_and_say_what_is_accepted() {
    let r = run(&["report", "--lang", "de"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("lang"), "{}", r.stderr);
    // A day as the files write one (`31.12.2024` is read): a two-digit year
    // is a guess at its century.
    let r = run(&["report", "--on", "31.12.24"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("a day is YYYY-MM-DD or D.M.YYYY"),
        "{}",
        r.stderr
    );
    let r = run(&["report", "--format", "csv", "--on", "2024-12-31"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("it writes md, html, json, xlsx"),
        "{}",
        r.stderr
    );
    let r = run(&["report", "--format", "xlsx", "--on", "2024-12-31"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--output"), "{}", r.stderr);
    let r = run(&[
        "indicators",
        "crates/hanke/tests/data/osallistujat.csv",
        "--on",
        "2024-12-31",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--period"), "{}", r.stderr);
}

#[test]
fn every_format_of_the_report() {
    let html = run(&["report", "--format", "html", "--on", "2024-12-31"]);
    assert_eq!(html.code, 0);
    assert!(html.stdout.contains("<h1>") && html.stdout.contains("2211414-8"));
    assert!(!html.stdout.contains("<script"));
    let json = run(&[
        "report",
        "--format",
        "json",
        "--lang",
        "fi",
        "--on",
        "2024-12-31",
    ]);
    assert_eq!(json.code, 0);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(doc["cut_off"], "2024-12-31");
    assert_eq!(doc["projects"].as_array().unwrap().len(), 16);
    assert!(json.stdout.contains("2211414-8"));

    let path = tmp("raportti.xlsx");
    let r = run(&[
        "report",
        "--lang",
        "fi",
        "--on",
        "2024-12-31",
        "--format",
        "xlsx",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "", "a workbook goes to its file only");
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    let sheets = book.sheet_names();
    assert!(sheets.contains(&"S22026".to_string()), "{sheets:?}");
    assert_eq!(sheets.last().map(String::as_str), Some("Havainnot"));
    let toimet = book.worksheet_range("S22026").unwrap();
    let texts: Vec<String> = toimet.cells().map(|(_, _, d)| d.to_string()).collect();
    for want in [
        "Rahoitus",
        "suunniteltu",
        "myönnetty",
        "Y-tunnus",
        "2211414-8",
    ] {
        assert!(texts.iter().any(|t| t == want), "{want} not in {texts:?}");
    }
    // Money is a number, the utilisation a percentage.
    assert!(toimet.cells().any(
        |(_, _, d)| matches!(d, Data::Float(f) if (*f - 154_000.0).abs() < 1e-6 || *f > 1000.0)
    ));
    let demo = sheets
        .iter()
        .find(|s| s.starts_with("Esimerkkihanke"))
        .unwrap()
        .clone();
    let demo = book.worksheet_range(&demo).unwrap();
    assert!(
        demo.cells()
            .any(|(_, _, d)| d.to_string().contains("48 000,00 €")),
        "the cost model line by line"
    );
    let findings = book.worksheet_range("Havainnot").unwrap();
    let head: Vec<String> = findings
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(head, ["Hanke", "sääntö", "vakavuus", "kohta", "havainto"]);
}

#[test]
fn check_gates_a_pipeline_with_its_exit_status() {
    let r = run(&["check", "--on", "2020-12-31"]);
    assert_eq!(r.code, 1, "the bundled data have errors at this cut-off");
    assert!(r.stdout.contains("error(s)"));
    no_progress(&r.stderr);
    // A project whose data are clean passes.
    let clean = run(&[
        "check",
        "examples/data/projects/toimet_S22026.json",
        "--on",
        "2020-12-31",
    ]);
    assert_eq!(clean.code, 0, "{}{}", clean.stdout, clean.stderr);
    assert!(clean.stderr.contains("0 error(s)"));
    for format in ["csv", "json"] {
        let r = run(&["check", "--on", "2020-12-31", "--format", format]);
        assert_eq!(r.code, 1);
        assert!(
            r.stdout.contains("rule_id") || r.stdout.contains("\"findings\""),
            "{format}"
        );
    }
    let path = tmp("havainnot.xlsx");
    let r = run(&[
        "check",
        "--on",
        "2020-12-31",
        "--lang",
        "fi",
        "--format",
        "xlsx",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1);
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    let range = book.worksheet_range("findings").unwrap();
    let head: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(head[0], "sääntö");
}

#[test]
fn a_broken_participant_file_names_file_line_field_and_never_a_code() {
    let csv = tmp("broken.csv");
    // A valid-looking identity code typed into the gender column, a day that
    // does not exist, a row with too few fields.
    std::fs::write(
        &csv,
        "participant_id;entry_date;gender\nP1;1.3.2024;nainen\nP2;31.4.2024;mies\nP3;2.3.2024;010190-900P\nP4;3.3.2024\n",
    )
    .unwrap();
    let r = run(&[
        "indicators",
        csv.to_str().unwrap(),
        "--period",
        "2021-2027",
        "--on",
        "2024-12-31",
    ]);
    assert_eq!(r.code, 1, "rows were rejected: {}", r.stderr);
    assert!(
        r.stderr
            .contains("broken.csv:3: [error] IMP-CSV-003 entry_date: \"31.4.2024\": no such day"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("broken.csv:4: [error] IMP-CSV-003 gender:"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("broken.csv:5: [error] IMP-CSV-001"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("010190-900P") && !r.stdout.contains("010190-900P"));
    assert!(
        r.stderr.contains("rows read 4, accepted 1, rejected 3"),
        "{}",
        r.stderr
    );

    // A header the format does not have stops the file, with its line.
    let bad = tmp("unknown.csv");
    std::fs::write(&bad, "participant_id;entry_date;Nimi\nP1;1.3.2024;x\n").unwrap();
    let r = run(&[
        "indicators",
        bad.to_str().unwrap(),
        "--period",
        "2021-2027",
        "--on",
        "2024-12-31",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("unknown.csv:1: ") && r.stderr.contains("[import.unknown_column]"),
        "{}",
        r.stderr
    );
    // …and reads when asked to leave the column out, saying so.
    let r = run(&[
        "indicators",
        bad.to_str().unwrap(),
        "--period",
        "2021-2027",
        "--on",
        "2024-12-31",
        "--ignore-column",
        "nimi",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("columns left out as asked: Nimi"));

    // Not a workbook.
    let fake = tmp("fake.xlsx");
    std::fs::write(&fake, "participant_id,entry_date\n").unwrap();
    let r = run(&[
        "indicators",
        fake.to_str().unwrap(),
        "--period",
        "2021-2027",
        "--on",
        "2024-12-31",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("[import.workbook]"), "{}", r.stderr);
}

#[test]
fn temporary_identity_codes_only_when_asked() {
    let list = "crates/hanke/tests/data/osallistujat.xlsx";
    let r = run(&[
        "indicators",
        list,
        "--period",
        "2021-2027",
        "--on",
        "2024-12-31",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("Osallistujat!C3: [error] IMP-CSV-003 identity_code"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("temporary"));
    let r = run(&[
        "indicators",
        list,
        "--period",
        "2021-2027",
        "--on",
        "2024-12-31",
        "--accept-temporary-codes",
    ]);
    assert!(!r.stderr.contains("identity_code"), "{}", r.stderr);
}

#[test]
fn a_workbook_and_its_csv_twin_give_the_same_indicators_in_every_format() {
    let args = |file: &str, format: &str| {
        run(&[
            "indicators",
            file,
            "--period",
            "2021-2027",
            "--on",
            "2024-12-31",
            "--accept-temporary-codes",
            "--format",
            format,
        ])
    };
    for format in ["md", "csv", "json"] {
        let csv = args("crates/hanke/tests/data/osallistujat.csv", format);
        for book in [
            "crates/hanke/tests/data/osallistujat.xlsx",
            "crates/hanke/tests/data/osallistujat.ods",
        ] {
            let sheet = args(book, format);
            assert_eq!(sheet.code, csv.code, "{book} {format}");
            assert_eq!(sheet.stdout, csv.stdout, "{book} {format}");
            // The same account; findings name cells instead of lines.
            let last = |s: &str| {
                s.lines()
                    .rev()
                    .find(|l| l.starts_with("rows read"))
                    .unwrap_or("")
                    .to_string()
            };
            assert_eq!(last(&sheet.stderr), last(&csv.stderr), "{book}");
            assert!(
                sheet
                    .stderr
                    .contains("Osallistujat!B8: [error] IMP-CSV-003 entry_date"),
                "{}",
                sheet.stderr
            );
            assert!(sheet.stderr.contains("1 title row(s) above it not read"));
        }
    }
    let path = tmp("indikaattorit.xlsx");
    let r = run(&[
        "indicators",
        "crates/hanke/tests/data/osallistujat.xlsx",
        "--period",
        "2021-2027",
        "--on",
        "2024-12-31",
        "--accept-temporary-codes",
        "--lang",
        "fi",
        "--format",
        "xlsx",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1, "two rows are rejected");
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    let range = book.worksheet_range("indicators").unwrap();
    let head: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        head.contains(&"naiset".to_string()) && head.contains(&"miehet".to_string()),
        "{head:?}"
    );
}

#[test]
fn explain_eura_and_sfc() {
    let r = run(&[
        "explain",
        "EECO01",
        "crates/hanke/tests/data/osallistujat.ods",
        "--period",
        "2021-2027",
        "--on",
        "2024-12-31",
        "--accept-temporary-codes",
    ]);
    assert!(r.stdout.contains("EECO01"), "{}", r.stdout);
    assert!(!r.stdout.contains("230465-922K"));
    let r = run(&["eura"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("(project list)"));
    let r = run(&["eura", "--format", "csv"]);
    assert!(
        r.stdout.starts_with("key,"),
        "{}",
        &r.stdout[..r.stdout.len().min(200)]
    );
    let r = run(&["sfc", "kit"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("cut_off,priority"));
    assert!(
        !r.stderr.contains("latest reporting cut-off"),
        "the kit has its own cut-off"
    );
    let expected = root().join("conformance/sfc2021/expected/table6.csv");
    let r = run(&[
        "sfc",
        "compare",
        expected.to_str().unwrap(),
        expected.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("0 differing cell(s)"));
    // One cell changed: found, exit 1.
    let text = std::fs::read_to_string(&expected).unwrap();
    let changed = tmp("table6.csv");
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let i = lines.iter().position(|l| l.ends_with(",1")).unwrap();
    lines[i] = format!("{}2", lines[i].trim_end_matches('1'));
    std::fs::write(&changed, lines.join("\n") + "\n").unwrap();
    let r = run(&[
        "sfc",
        "compare",
        expected.to_str().unwrap(),
        changed.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("expected 1, got 2") && r.stdout.contains("1 differing cell(s)"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_project_with_its_participant_and_activity_workbooks() {
    let r = run(&[
        "report",
        "examples/data/projects/keko.json",
        "crates/hanke/tests/data/osallistujat.xlsx",
        "crates/hanke/tests/data/toiminta.xlsx",
        "--on",
        "2017-12-31",
        "--accept-temporary-codes",
    ]);
    assert_eq!(r.code, 1, "rows were rejected: {}", r.stderr);
    assert!(
        r.stdout
            .contains("| KEKO-1 | Network events | tilaisuutta | – | – | – | 2 |"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("| KEKO-4 | Mean feedback (1–4) | keskiarvo | – | – | – | 3,3 |")
    );
    assert!(
        r.stderr
            .contains("toiminta.xlsx:Toiminta!A6: [error] IMP-CSV-003 date"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("1 project(s) reported, 0 could not be read")
    );
}

#[test]
fn eura_reads_the_bundled_descriptions_page_and_list() {
    let r = run(&["eura"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("11 file(s) read, 0 could not be read"),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout
            .contains("## examples/data/eura/descriptions/S22026.txt (EURA 2014 description)"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("S22026 TOIMET - toiminnallinen etävalmennus\n  priority TL5 · specific objective 10.1 · Etelä-Savon ELY-keskus"));
    assert!(
        r.stdout
            .contains("co-implementer Pieksämäen seudun liikunta (1457143-7)")
    );
    assert!(r.stdout.contains("S20250 Lähde mukaan!"));
    // The notes of accepted rows are printed with the rejections, in line
    // order: the real list's three negative amounts.
    let list = "examples/data/eura/eura2014_projektilista.csv";
    let at = |line: u32| {
        r.stderr
            .find(&format!("{list}:{line}: "))
            .unwrap_or_else(|| panic!("line {line}: {}", r.stderr))
    };
    assert!(at(153) < at(209) && at(209) < at(213) && at(213) < at(228));
    assert!(r.stderr.contains(&format!("{list}:209: [warning] EURA-LIST-005 Toteutunut julkinen rahoitus yhteensä: -744,00 € is negative; read and summed as given")), "{}", r.stderr);
    assert!(r.stdout.contains("2881 rows read: 2877 accepted (0 with unquoted commas joined, 0 with padding, 0 unwrapped from whole-line quotes), 4 rejected; 2882 lines, all accounted for: true"));
    assert!(r.stdout.contains("| TL5 Sosiaalinen osallisuus ja köyhyyden torjunta | 156 | 29 732 210,00 € | 9 683 802,46 € | 32,6 % |"));
    assert!(r.stdout.contains("| Yhteensä | 786 | 163 211 433,00 € | 51 284 469,25 € | 31,4 % | 394 333 875,00 € | 61 801 735,49 € |"));
    assert!(
        r.stderr
            .contains("rows read 2881, accepted 2877, rejected 4"),
        "{}",
        r.stderr
    );
}

#[test]
fn eura_renders_a_description_and_names_a_missing_file() {
    let r = run(&[
        "eura",
        "--render",
        "examples/data/eura/descriptions/S22026.txt",
        "no/such.csv",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("no/such.csv") && r.stderr.contains("[eura_list.open]"),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout
            .contains("Myönnetty EU- ja valtion rahoitus: 101 500"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Seutukunnat: Varkauden, Kuopion"));
    assert!(r.stderr.contains("1 file(s) read, 1 could not be read"));
}

#[test]
fn the_kit_gives_the_expected_table_and_a_bad_cut_off_is_coded() {
    let r = run(&["sfc", "kit"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let expected =
        std::fs::read_to_string(root().join("conformance/sfc2021/expected/table6.csv")).unwrap();
    assert_eq!(r.stdout, expected);
    assert!(
        r.stderr
            .contains("cut-off 2024-12-31 (submission due 2025-01-31)"),
        "{}",
        r.stderr
    );
    let ten = run(&["sfc", "kit", "--table", "10"]);
    let expected =
        std::fs::read_to_string(root().join("conformance/sfc2021/expected/table10.csv")).unwrap();
    assert_eq!(ten.stdout, expected);
    let r = run(&["sfc", "kit", "--on", "2024-12-30"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("[sfc.cut_off]"), "{}", r.stderr);
    let json = run(&["sfc", "kit", "--format", "json"]);
    assert_eq!(json.code, 0);
    serde_json::from_str::<serde_json::Value>(&json.stdout).unwrap();
}

/// Standard error closed or full (`hanke report 2>&1 | head`, a full disk)
/// is no reason to panic: every command finishes with the status it has
/// when standard error works, and writes the same standard output; only
/// what it would have said on standard error is lost. Standard output that
/// cannot be written is an error with status 2 — never a panic (101). The
/// runs cover every way the command writes: notes and findings, the summary,
/// file errors and usage errors on standard error; reports, an explanation
/// and a comparison on standard output. (`/dev/full` refuses every write:
/// Linux.)
#[cfg(target_os = "linux")]
#[test]
fn a_closed_or_full_channel_is_never_a_panic() {
    use std::process::Stdio;
    let broken = tmp("broken-for-channels.csv");
    std::fs::write(&broken, "participant_id;entry_date\nP1;31.4.2024\n").unwrap();
    let broken = broken.to_str().unwrap().to_string();
    let runs: Vec<Vec<&str>> = vec![
        vec!["report"],
        vec!["check"],
        vec!["indicators", "examples/data/participants/ilona.csv"],
        vec!["indicators", &broken, "--period", "2021-2027"],
        vec!["report", "no/such/project.json"],
        vec!["report", "--no-such-flag"],
        vec![
            "explain",
            "EECO01",
            "crates/hanke/tests/data/osallistujat.ods",
            "--period",
            "2021-2027",
            "--on",
            "2024-12-31",
        ],
        vec![
            "sfc",
            "compare",
            "conformance/sfc2021/expected/table6.csv",
            "conformance/sfc2021/expected/table6.csv",
        ],
    ];
    // `assert_cmd` captures both channels; these runs need them redirected.
    let command = || {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("hanke"));
        c.current_dir(root());
        c
    };
    for args in &runs {
        let normal = run(args);
        assert_ne!(normal.code, 101, "{args:?}: {}", normal.stderr);
        let full = || std::fs::File::create("/dev/full").unwrap();
        let without_stderr = command()
            .args(args)
            .stdin(Stdio::null())
            .stderr(Stdio::from(full()))
            .output()
            .unwrap();
        assert_eq!(
            without_stderr.status.code(),
            Some(normal.code),
            "{args:?} with standard error full"
        );
        assert_eq!(
            String::from_utf8_lossy(&without_stderr.stdout),
            normal.stdout,
            "{args:?}"
        );
        let without_stdout = command()
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::from(full()))
            .output()
            .unwrap();
        let code = without_stdout.status.code();
        assert_ne!(code, Some(101), "{args:?} with standard output full");
        if !normal.stdout.is_empty() {
            assert_eq!(code, Some(2), "{args:?} with standard output full");
            assert!(
                String::from_utf8_lossy(&without_stdout.stderr).contains("standard output"),
                "{args:?}"
            );
        }
    }
}

/// `--threads` reads a CSV list, and merges its duplicates, on threads with
/// the same result (36 000 rows: past two parts of the merge): the same
/// output, account and findings (in the same order) as one thread, on a list
/// of several batches with rows the syntax and the values reject.
#[test]
fn threads_give_the_same_output_and_account() {
    let file = std::fs::read_to_string(
        root().join("examples/data/participants/yhteiskunnalliset_yritykset_esr_plus.csv"),
    )
    .unwrap();
    let mut lines = file.lines();
    let mut csv = format!("{}\n", lines.next().unwrap());
    let body: Vec<&str> = lines.collect();
    for i in 0..36_000 {
        let line = body[i % body.len()];
        match i % 131 {
            7 => csv.push_str(&line[..line.rfind(',').unwrap()]),
            11 => csv.push_str(&format!("{}\"{}", &line[..3], &line[3..])),
            _ => csv.push_str(line),
        }
        csv.push('\n');
    }
    let path = tmp("threads.csv");
    std::fs::write(&path, csv).unwrap();
    let args = |threads: Option<&str>| {
        let mut a = vec![
            "indicators",
            path.to_str().unwrap(),
            "--period",
            "2021-2027",
            "--on",
            "2026-12-31",
            "--accept-temporary-codes",
            "--format",
            "json",
        ];
        if let Some(t) = threads {
            a.extend(["--threads", t]);
        }
        run(&a)
    };
    let one = args(None);
    assert_eq!(one.code, 1, "rows are rejected: {}", one.stderr);
    assert!(one.stderr.contains("IMP-CSV-001"), "{}", one.stderr);
    assert!(
        one.stderr.contains("PART-DUP-001"),
        "merged: {}",
        one.stderr
    );
    assert!(one.stdout.contains("\"indicators\""), "{}", one.stdout);
    for threads in ["1", "2", "3"] {
        let many = args(Some(threads));
        assert_eq!(many.code, one.code, "{threads}");
        assert_eq!(many.stdout, one.stdout, "{threads}");
        assert_eq!(many.stderr, one.stderr, "{threads}");
    }
    let zero = args(Some("0"));
    assert_eq!(zero.code, 2, "{}", zero.stderr);
}

/// A file the CLI cannot read names itself and its reason in `path: reason
/// [code]` form (a space after the colon where there is no line), and a
/// `--ignore-column` that matches no header is a warning of the file, never
/// silently nothing.
#[test]
fn a_unicode_text_file_and_an_ignored_name_no_column_has_are_said() {
    let unicode = tmp("unicode.csv");
    let text = "participant_id,entry_date\nP1,2024-02-01\n";
    let bytes: Vec<u8> = std::iter::once(0xFEFF)
        .chain(text.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(&unicode, bytes).unwrap();
    let r = run(&[
        "indicators",
        unicode.to_str().unwrap(),
        "--period",
        "2021-2027",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("unicode.csv: the file is UTF-16 text")
            && r.stderr.contains("[csv.unicode_text]"),
        "{}",
        r.stderr
    );

    // A header error says its line once (`file:1: …`, not `file:1: line 1: …`).
    let shoe = tmp("shoe.csv");
    std::fs::write(&shoe, "participant_id,entry_date,kenkä\nP1,2024-02-01,x\n").unwrap();
    let r = run(&[
        "indicators",
        shoe.to_str().unwrap(),
        "--period",
        "2021-2027",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("shoe.csv:1: unknown column") && !r.stderr.contains("line 1:"),
        "{}",
        r.stderr
    );
    // A tab-delimited file (Excel's "Text (tab delimited)") is read.
    let tabs = tmp("tabs.txt");
    std::fs::write(&tabs, "participant_id\tentry_date\nP1\t2024-02-01\n").unwrap();
    let r = run(&[
        "indicators",
        tabs.to_str().unwrap(),
        "--period",
        "2021-2027",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);

    let plain = tmp("ignored.csv");
    std::fs::write(&plain, "participant_id,entry_date,nimi\nP1,2024-02-01,x\n").unwrap();
    let r = run(&[
        "indicators",
        plain.to_str().unwrap(),
        "--period",
        "2021-2027",
        "--ignore-column",
        "Nimi",
        "--ignore-column",
        "osoite",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let said: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.contains("IMP-CSV-006"))
        .collect();
    assert_eq!(said.len(), 1, "{}", r.stderr);
    assert!(
        said[0].contains("ignored.csv: [warning] IMP-CSV-006") && said[0].contains("`osoite`"),
        "{}",
        said[0]
    );
}

/// `--on` reads a day as the files do (`hanke::day`): the Finnish form too,
/// and nothing chrono alone would take (`2024-2-3`), with what is accepted.
#[test]
fn the_cut_off_day_is_read_as_the_files_read_a_day() {
    let file = tmp("on.csv");
    std::fs::write(&file, "participant_id,entry_date\nP1,2024-02-01\n").unwrap();
    let f = file.to_str().unwrap();
    let iso = run(&[
        "indicators",
        f,
        "--period",
        "2021-2027",
        "--on",
        "2024-06-30",
    ]);
    let finnish = run(&[
        "indicators",
        f,
        "--period",
        "2021-2027",
        "--on",
        "30.6.2024",
    ]);
    assert_eq!((iso.code, finnish.code), (0, 0), "{}", finnish.stderr);
    assert_eq!(iso.stdout, finnish.stdout);
    for bad in ["2024-2-3", "+2024-06-30", "31.6.2024", "30.6.24"] {
        let r = run(&["indicators", f, "--period", "2021-2027", "--on", bad]);
        assert_eq!(r.code, 2, "{bad}");
        assert!(
            r.stderr.contains("a day is YYYY-MM-DD or D.M.YYYY"),
            "{bad}: {}",
            r.stderr
        );
    }
}
