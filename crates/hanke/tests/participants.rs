//! Participants end to end: the bundled files, a file with deliberately broken
//! lines, the Duuniin! exits under both periods, and privacy.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use hanke::PersonalIdentityCode;
use hanke::import::{
    Encoding, IdentityCodes, ImportOptions, ParticipantCsvReader, read_participants_csv,
    write_participants_csv,
};
use hanke::participant::{ExitSituation, Participant, Pseudonymiser, merge_duplicates};
use hanke::programme::ProgrammePeriod;
use hanke::rulebook::ParticipantRules;
use hanke::rulebook::Rulebook;

fn rules(p: ProgrammePeriod) -> &'static ParticipantRules {
    Rulebook::for_period(p).unwrap().participants().unwrap()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn synthetic_options(r: &'static ParticipantRules) -> ImportOptions {
    let mut o = ImportOptions::default();
    o.accept_temporary_codes = true;
    o.rules = Some(r);
    o
}

fn read_bundled(stem: &str, r: &'static ParticipantRules) -> Vec<Participant> {
    let path = repo().join(format!("examples/data/participants/{stem}.csv"));
    let file = std::io::BufReader::new(std::fs::File::open(&path).unwrap());
    let (ps, report) = read_participants_csv(file, synthetic_options(r)).unwrap();
    assert!(report.is_balanced(), "{stem}: {report:?}");
    assert_eq!(report.rejected, 0, "{stem}: {:?}", report.rejections);
    assert_eq!(report.accepted as usize, ps.len());
    ps
}

#[test]
fn every_bundled_file_imports_without_loss() {
    let r14 = rules(ProgrammePeriod::Period2014To2020);
    let r21 = rules(ProgrammePeriod::Period2021To2027);
    for (stem, r, n) in [
        ("lahde_mukaan_S20250", r14, 29),
        ("ilona", r14, 120),
        ("vesku", r14, 80),
        ("yhteiskunnalliset_yritykset_esr_plus", r21, 150),
    ] {
        let ps = read_bundled(stem, r);
        assert_eq!(ps.len(), n, "{stem}");
        assert!(
            ps.iter()
                .all(|p| p.identity_code.as_ref().unwrap().is_temporary())
        );
    }
}

/// The Duuniin! coaching of seed 001: 29 participants; 6 education, 2 pay
/// subsidy, 2 open market, 14 jobseekers, 1 vocational rehabilitation, 1 work
/// trial, 2 apprenticeship (28 listed; the 29th unknown).
#[test]
fn duuniin_exits_in_both_periods() {
    let r14 = rules(ProgrammePeriod::Period2014To2020);
    let ps = read_bundled("lahde_mukaan_S20250", r14);
    let situation = |p: &Participant| p.exit.as_ref().unwrap().situation.unwrap();
    let n = |s| ps.iter().filter(|p| situation(p) == s).count();
    use ExitSituation as X;
    assert_eq!(
        [
            n(X::Education),
            n(X::PaySubsidisedWork),
            n(X::OpenLabourMarket),
            n(X::JobSeeking),
            n(X::VocationalRehabilitation),
            n(X::WorkTrial),
            n(X::Apprenticeship),
            n(X::Unknown)
        ],
        [6, 2, 2, 14, 1, 1, 2, 1]
    );
    // Hand-derived from the mapping (ADR 0007): employment = 2 + 2 + 2
    // apprenticeships; education or training = 6 + 2 apprenticeships; job
    // searching = 14 + 1 work trial; nothing for rehabilitation and unknown.
    for period in [
        ProgrammePeriod::Period2014To2020,
        ProgrammePeriod::Period2021To2027,
    ] {
        let r = rules(period);
        let results: Vec<_> = ps
            .iter()
            .map(|p| r.result_upon_leaving(p.exit.as_ref().unwrap()).categories)
            .collect();
        let count = |f: fn(&hanke::participant::ResultCategories) -> bool| {
            results.iter().filter(|c| f(c)).count()
        };
        assert_eq!(count(|c| c.employment), 6, "{period}");
        assert_eq!(count(|c| c.education_or_training), 8, "{period}");
        assert_eq!(count(|c| c.job_searching), 15, "{period}");
        assert_eq!(count(|c| !c.any()), 2, "{period}");
        assert_eq!(count(|c| c.job_searching && c.employment), 0, "{period}");
    }
    // Entry statuses as documented: 18 unemployed, 11 inactive; every record is
    // complete and raises no finding.
    let unemployed = ps
        .iter()
        .filter(|p| {
            matches!(
                p.entry.labour_status,
                Some(hanke::participant::LabourStatus::Unemployed { .. })
            )
        })
        .count();
    assert_eq!(unemployed, 18);
    let ltu = ps
        .iter()
        .filter(|p| r14.long_term_unemployed(p) == Some(true))
        .count();
    // Unemployed 4 and 5 months are not long-term; 7–10 months are for the
    // under-25s (age-dependent rule); the rest are over 12 months.
    assert_eq!(ltu, 16);
    assert!(ps.iter().all(|p| r14.check(p).is_empty()));
}

#[test]
fn a_file_with_broken_lines_accounts_for_every_row() {
    let bytes = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/participants_broken.csv"),
    )
    .unwrap();
    let mut options = ImportOptions::default();
    options.accept_temporary_codes = true;
    let (ps, report) = read_participants_csv(bytes.as_slice(), options).unwrap();
    assert_eq!(report.rows_read, 12);
    assert_eq!(report.accepted, 3);
    assert_eq!(report.rejected, 9);
    assert!(report.is_balanced());
    assert_eq!(report.blank_lines, 1);
    let ids: Vec<_> = ps.iter().map(|p| p.id.to_string()).collect();
    assert_eq!(ids, ["B01", "B08", "B10"]);
    // (line, rule, field) of each rejection, in file order.
    let got: Vec<(u64, &str, &str)> = report
        .rejections
        .iter()
        .map(|f| (f.line.unwrap(), f.rule_id, f.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (3, "IMP-CSV-001", ""),                  // 4 fields, header has 9
            (4, "IMP-CSV-001", ""),                  // quote inside an unquoted value
            (5, "IMP-CSV-003", "entry_date"),        // 31.2.2016 does not exist
            (6, "IMP-CSV-002", "gender"),            // not UTF-8
            (7, "IMP-CSV-003", "identity_code"),     // wrong check character
            (9, "IMP-CSV-003", "exit_situation"),    // unknown code
            (10, "IMP-CSV-004", "participant_id"),   // empty id
            (12, "IMP-CSV-003", "unemployed_since"), // would be lost: not unemployed
            (14, "IMP-CSV-001", ""),                 // quote open to the end of file
        ]
    );
    assert!(report.rejections[3].message_en.contains("UTF-8"));
    // Every rejection has its own Swedish message (ADR 0016).
    for f in &report.rejections {
        let sv = f.message_sv.as_str();
        assert!(
            !sv.is_empty() && sv != f.message_fi && sv != f.message_en,
            "{f:?}"
        );
    }
    assert_eq!(
        report.rejections[0].message_sv,
        "raden har 4 fält; rubrikraden 9"
    );
    assert!(
        report.rejections[4]
            .message_en
            .contains("hetu.check_character")
    );
    // Finnish values read as English ones.
    let b08 = &ps[1];
    assert_eq!(
        b08.entry.labour_status,
        Some(hanke::participant::LabourStatus::Unemployed {
            since: chrono::NaiveDate::from_ymd_opt(2016, 1, 1)
        })
    );
    assert_eq!(
        ps[0].exit.as_ref().unwrap().situation,
        Some(ExitSituation::PaySubsidisedWork)
    );

    // Strict by default: the temporary code of line 2 is refused.
    let (_, strict) = read_participants_csv(bytes.as_slice(), ImportOptions::default()).unwrap();
    assert_eq!(strict.accepted, 2);
    assert!(
        strict
            .rejections
            .iter()
            .any(|f| f.line == Some(2) && f.message_en.contains("hetu.temporary"))
    );
}

#[test]
fn bad_headers_stop_the_import_with_a_code() {
    let cases = [
        ("", "csv.empty"),
        (
            "participant_id,entry_date,shoe_size\n",
            "import.unknown_column",
        ),
        (
            "participant_id,entry_date,aloituspäivä\n",
            "import.duplicate_column",
        ),
        ("participant_id,gender\n", "import.missing_column"),
        ("participant_id,\"entry_date\n", "csv.header"),
    ];
    for (text, code) in cases {
        let err = ParticipantCsvReader::new(text.as_bytes(), ImportOptions::default())
            .err()
            .unwrap();
        assert_eq!(err.code(), code, "{text:?}");
    }
}

#[test]
fn semicolons_and_finnish_headers() {
    let text = "Osallistujatunnus;Aloituspäivä;Sukupuoli;Työmarkkina-asema;Koulutusaste;Vamma;Lopetuspäivä;Tilanne lopettaessa\n\
                F1;1.3.2016;nainen;opiskelija;3;en halua vastata;30.6.2016;oppisopimuskoulutus\n";
    let (ps, report) = read_participants_csv(text.as_bytes(), ImportOptions::default()).unwrap();
    assert!(report.is_balanced() && report.rejected == 0, "{report:?}");
    let p = &ps[0];
    assert_eq!(
        p.entry.disadvantages.disability,
        Some(hanke::participant::Answer::Declined)
    );
    assert_eq!(
        p.exit.as_ref().unwrap().situation,
        Some(ExitSituation::Apprenticeship)
    );
}

#[test]
fn write_then_read_round_trips() {
    let ps = hanke::synthetic::duuniin_coaching();
    let mut out = Vec::new();
    write_participants_csv(&mut out, &ps, IdentityCodes::Include).unwrap();
    let mut options = ImportOptions::default();
    options.accept_temporary_codes = true;
    let (back, report) = read_participants_csv(out.as_slice(), options).unwrap();
    assert_eq!(report.rejected, 0);
    assert_eq!(back, ps);
}

#[test]
fn pseudonymised_import_links_re_entries_without_codes() {
    let ps = Pseudonymiser::new(b"notebook secret, not in the data").unwrap();
    let text = "participant_id,entry_date,identity_code,exit_date,exit_situation\n\
                A,2016-01-10,010190-900P,2016-03-01,job_seeking\n\
                B,2016-05-02,010190-900P,2016-08-31,education\n";
    let mut options = ImportOptions::default();
    options.accept_temporary_codes = true;
    options.pseudonymiser = Some(ps);
    options.drop_identity_codes = true;
    let (records, _) = read_participants_csv(text.as_bytes(), options).unwrap();
    assert!(records.iter().all(|p| p.identity_code.is_none()));
    let merged = merge_duplicates(records, None);
    assert_eq!(merged.participants.len(), 1);
    assert_eq!(merged.merges[0].matched_on, "pseudonym");
    let p = &merged.participants[0];
    assert_eq!(p.id.as_str(), "A");
    assert_eq!(
        p.exit.as_ref().unwrap().situation,
        Some(ExitSituation::Education)
    );
}

// ----- privacy: the identity code never shows ------------------------------

/// DVV's published example code; any leak would show "308T" or the whole code.
const CODE: &str = "131052-308T";

fn assert_no_code(text: &str, what: &str) {
    assert!(
        !text.contains(CODE) && !text.contains("308T") && !text.contains("-308"),
        "{what} shows the identity code: {text}"
    );
}

fn holder() -> Participant {
    let mut p = Participant::new(
        "P1".parse().unwrap(),
        chrono::NaiveDate::from_ymd_opt(2016, 3, 1).unwrap(),
    );
    p.identity_code = Some(CODE.parse::<PersonalIdentityCode>().unwrap());
    // A birth date that disagrees with the code, to provoke PART-HETU-001.
    p.entry.birth_date = chrono::NaiveDate::from_ymd_opt(1952, 10, 14);
    p
}

#[test]
fn participant_debug_serde_and_findings_never_show_the_code() {
    let p = holder();
    assert_no_code(&format!("{p:?}"), "Participant Debug");
    assert_no_code(&format!("{p:#?}"), "Participant pretty Debug");
    assert!(format!("{p:?}").contains("131052-****"));
    assert_no_code(&serde_json::to_string(&p).unwrap(), "Participant JSON");
    let findings = rules(ProgrammePeriod::Period2014To2020).check(&p);
    assert!(findings.iter().any(|f| f.rule_id == "PART-HETU-001"));
    for f in &findings {
        assert_no_code(&f.to_string(), "finding");
        assert_no_code(&f.message_fi, "finding (fi)");
    }
    let mut q = holder();
    q.id = "P2".parse().unwrap();
    let merged = merge_duplicates(vec![p, q], None);
    assert_no_code(&format!("{merged:?}"), "Merged Debug");
    for f in &merged.findings {
        assert_no_code(&f.to_string(), "merge finding");
    }
    let key = hanke::participant::DuplicateKey::IdentityCode(CODE.parse().unwrap());
    assert_no_code(&format!("{key:?}"), "DuplicateKey Debug");
}

#[test]
fn import_errors_and_reports_never_show_the_code() {
    // A wrong check character and a valid code in a malformed row.
    let text = "participant_id,entry_date,identity_code\n\
                P1,2016-03-01,131052-308U\n\
                P2,2016-03-01,131052-308T,extra\n\
                P3,2016-03-01,131052-308T\n";
    let mut reader = ParticipantCsvReader::new(text.as_bytes(), ImportOptions::default()).unwrap();
    let accepted: Vec<_> = reader.by_ref().collect::<Result<_, _>>().unwrap();
    assert_eq!(accepted.len(), 1);
    let report = reader.into_report();
    assert_eq!(report.rejected, 2);
    assert_no_code(&format!("{report:?}"), "ImportReport Debug");
    assert_no_code(
        &serde_json::to_string(&report).unwrap(),
        "ImportReport JSON",
    );
    for f in &report.rejections {
        assert!(!f.message_en.contains("308U"));
        assert_no_code(&f.to_string(), "rejection");
    }
    // Writing leaves codes out unless asked.
    let mut out = Vec::new();
    write_participants_csv(&mut out, &accepted, IdentityCodes::Omit).unwrap();
    assert_no_code(&String::from_utf8(out).unwrap(), "CSV written with Omit");
    let mut out = Vec::new();
    write_participants_csv(&mut out, &accepted, IdentityCodes::Include).unwrap();
    assert!(String::from_utf8(out).unwrap().contains(CODE));
}

#[test]
fn participant_records_round_trip_through_their_json() {
    // The JSON a phone syncs (the FFI's participant_json, Python's to_dicts) reads
    // back into the same records; identity codes are never in it.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/data/participants/lahde_mukaan_S20250.csv"
    );
    let mut options = hanke::import::ImportOptions::default();
    options.accept_temporary_codes = true;
    let (people, _) = hanke::import::read_participants_csv(
        std::io::BufReader::new(std::fs::File::open(path).unwrap()),
        options,
    )
    .unwrap();
    let json = serde_json::to_string(&people).unwrap();
    assert!(!json.contains("identity_code"));
    let back: Vec<hanke::participant::Participant> = serde_json::from_str(&json).unwrap();
    let without_codes: Vec<_> = people
        .into_iter()
        .map(|mut p| {
            p.identity_code = None;
            p
        })
        .collect();
    assert_eq!(back, without_codes);
    assert!(back.iter().any(|p| p.exit.is_some()));
}

#[test]
fn a_stray_quote_is_a_rejection_of_the_lines_it_joins_never_a_silent_loss() {
    // A quote opened on line 3 closes on line 5: three physical lines would be
    // one record. The rejection names both lines; the account counts them all.
    let csv = "participant_id,entry_date\n\
               P1,2016-03-01\n\
               P2,\"2016-03-01\n\
               P3,2016-03-01\n\
               P4\",2016-03-01\n\
               P5,2016-03-01\n";
    let (people, r) = read_participants_csv(csv.as_bytes(), ImportOptions::default()).unwrap();
    let ids: Vec<String> = people.iter().map(|p| p.id.to_string()).collect();
    assert_eq!(ids, ["P1", "P5"]);
    assert_eq!((r.rows_read, r.accepted, r.rejected), (3, 2, 1));
    assert_eq!((r.lines, r.blank_lines, r.record_lines), (6, 0, 5));
    assert!(r.is_balanced());
    let f = &r.rejections[0];
    assert_eq!(
        (f.rule_id, f.line, f.end_line),
        ("IMP-CSV-001", Some(3), Some(5))
    );
    assert!(f.message_en.contains("line 5"), "{}", f.message_en);
    assert!(f.to_string().contains("at lines 3–5"), "{f}");
}

#[test]
fn an_unclosed_quote_rejects_its_own_line_and_no_other() {
    let mut csv = String::from("participant_id,entry_date\nP0,\"2016-03-01\n");
    for i in 1..1000 {
        csv.push_str(&format!("P{i},2016-03-01\n"));
    }
    let (people, r) = read_participants_csv(csv.as_bytes(), ImportOptions::default()).unwrap();
    assert_eq!(people.len(), 999);
    assert_eq!((r.rows_read, r.accepted, r.rejected), (1000, 999, 1));
    assert_eq!((r.lines, r.record_lines), (1001, 1000));
    assert!(r.is_balanced());
    assert_eq!(
        (r.rejections[0].line, r.rejections[0].end_line),
        (Some(2), None)
    );
}

/// Implausible values are findings with their own rules, never silent, and
/// an impossible age still counts in its age group (on both computation
/// paths), where before an age over 255 fell out of every group.
#[test]
fn implausible_values_are_findings() {
    use chrono::NaiveDate;
    use hanke::indicator::{Catalogue, CommonIndicators};
    use hanke::participant::LabourStatus;
    use hanke::participant::columns::ParticipantTable;
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let r14 = rules(ProgrammePeriod::Period2014To2020);
    let person = |id: &str, entry: NaiveDate, birth: NaiveDate| {
        let mut p = Participant::new(id.parse().unwrap(), entry);
        p.entry.birth_date = Some(birth);
        p
    };
    let ids = |p: &Participant| -> Vec<&'static str> {
        r14.check(p)
            .iter()
            .map(|f| f.rule_id)
            .filter(|r| r.starts_with("PART-PLAUS"))
            .collect()
    };
    for (year, expected) in [
        (1764, "PART-PLAUS-001"),
        (1065, "PART-PLAUS-001"),
        (1850, "PART-PLAUS-001"),
        (1915, "PART-PLAUS-002"),
    ] {
        let p = person("P1", d(2016, 3, 1), d(year, 1, 1));
        assert_eq!(ids(&p), [expected], "{year}");
        // The finding names the age, not the birth date.
        let f = r14
            .check(&p)
            .into_iter()
            .find(|f| f.rule_id == expected)
            .unwrap();
        assert!(
            !f.message_en.contains(&year.to_string()),
            "{}",
            f.message_en
        );
    }
    assert!(ids(&person("P1", d(2016, 3, 1), d(1965, 1, 1))).is_empty());
    // 1916 for 2016: outside 2014–2020's eligibility window.
    let p = person("P1", d(1916, 3, 1), d(1890, 1, 1));
    assert_eq!(ids(&p), ["PART-PLAUS-003"]);
    let mut p = person("P1", d(2016, 3, 1), d(1980, 1, 1));
    p.entry.labour_status = Some(LabourStatus::Unemployed {
        since: Some(d(1970, 1, 1)),
    });
    assert_eq!(ids(&p), ["PART-PLAUS-004"]);
    // Born 1065: 951 at entry, counted among those above 54 (CO07) by the
    // record path and the column path alike.
    let mut p = person("P1", d(2016, 3, 1), d(1065, 1, 1));
    p.entry.gender = Some(hanke::participant::Gender::Woman);
    p.entry.labour_status = Some(LabourStatus::Employed);
    p.entry.education = Some(hanke::classify::EducationLevel::Primary);
    assert!(r14.is_complete(&p));
    let records =
        CommonIndicators::compute(Catalogue::Esf2014, r14, None, std::slice::from_ref(&p)).unwrap();
    assert_eq!(records.get("CO07").unwrap().total(), 1);
    let table = ParticipantTable::from_participants([&p]).unwrap();
    let mut columns = CommonIndicators::new(Catalogue::Esf2014, r14, None).unwrap();
    columns.add_columns(&table.columns()).unwrap();
    assert_eq!(columns, records);
}

/// A coordinator's real spreadsheet: an extra column left out as asked (and
/// listed), Windows-1252 bytes read when the file shows them, everyday Finnish
/// values read where their category is certain and refused with the reason
/// where it is not, and every "unknown value" message listing what is accepted.
#[test]
fn real_spreadsheets() {
    use hanke::import::Encoding;
    // Excel's Finnish "CSV": semicolons, Windows-1252, a name column.
    let text = "Osallistujatunnus;Nimi;Aloitusp\u{e4}iv\u{e4};Sukupuoli;Ty\u{f6}markkina-asema;Ty\u{f6}tt\u{f6}myys alkanut;Koulutusaste;Tilanne lopettaessa;Lopetusp\u{e4}iv\u{e4}\r\n\
                P1;Testi Henkil\u{f6};1.3.2021;nainen;pitk\u{e4}aikaisty\u{f6}t\u{f6}n;1.1.2019;perusaste;ty\u{f6}nhaku;30.9.2021\r\n\
                P2;Toinen;2.3.2021;mies;ty\u{f6}nhakija;;perusaste;;\r\n\
                P3;Kolmas;5.3.21;mies;ty\u{f6}t\u{f6}n;;lukio;;\r\n";
    let cp1252: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    // Without naming the column: the import stops, the column named.
    let e = read_participants_csv(&cp1252[..], ImportOptions::default()).unwrap_err();
    assert_eq!(e.code(), "import.unknown_column");
    assert!(e.to_string().contains("Nimi"), "{e}");
    let mut options = ImportOptions::default();
    options.ignore_columns = vec!["nimi".to_string()];
    let (people, r) = read_participants_csv(&cp1252[..], options.clone()).unwrap();
    assert_eq!(
        (r.encoding, r.encoding_detected),
        (Encoding::Windows1252, true)
    );
    assert_eq!(r.ignored_columns, ["Nimi"]);
    assert!(r.is_balanced());
    assert_eq!(people.len(), 1);
    let p1 = &people[0];
    // The name never enters the record.
    assert!(!format!("{p1:?}").contains("Testi"));
    assert_eq!(p1.entry.labour_status.map(|s| s.code()), Some("unemployed"));
    assert_eq!(p1.entry.education.map(|l| l.code()), Some(2));
    assert_eq!(
        p1.exit.as_ref().and_then(|x| x.situation),
        Some(ExitSituation::JobSeeking)
    );
    let why = |line: u64| -> Vec<String> {
        r.rejections
            .iter()
            .filter(|f| f.line == Some(line))
            .map(|f| format!("{}: {}", f.path, f.message_en))
            .collect()
    };
    // An ambiguous label says why; a two-digit year says why.
    assert!(
        why(3)
            .iter()
            .any(|m| m.contains("a jobseeker may be unemployed or employed")),
        "{:?}",
        why(3)
    );
    assert!(
        why(4).iter().any(|m| m.contains("two-digit year")),
        "{:?}",
        why(4)
    );
    // Named as UTF-8, the same bytes are refused with the encoding named.
    options.encoding = Some(Encoding::Utf8);
    let e = read_participants_csv(&cp1252[..], options).unwrap_err();
    assert!(e.to_string().contains("windows-1252"), "{e}");
    // A UTF-8 file named Windows-1252 would change every letter: refused.
    let mut options = ImportOptions::default();
    options.encoding = Some(Encoding::Windows1252);
    let e = read_participants_csv(
        "participant_id,entry_date,gender\nP1,2016-03-01,Kön\n".as_bytes(),
        options,
    )
    .unwrap_err();
    assert_eq!(e.code(), "import.encoding_mismatch");
    // Unknown values list what is accepted, in each language.
    let csv = "participant_id,entry_date,gender,education\nP1,2016-03-01,dog,9\nP2,2016-03-01,mies,yliopisto\n";
    let (_, r) = read_participants_csv(csv.as_bytes(), ImportOptions::default()).unwrap();
    let gender = r.rejections.iter().find(|f| f.path == "gender").unwrap();
    assert!(
        gender.message_en.contains("woman (nainen, kvinna"),
        "{}",
        gender.message_en
    );
    assert!(
        gender.message_fi.contains("hyväksytään"),
        "{}",
        gender.message_fi
    );
    assert!(gender.message_sv.contains("godtas"));
    let education = r.rejections.iter().find(|f| f.path == "education").unwrap();
    assert!(
        education
            .message_en
            .contains("bachelor's (6) or a master's (7)"),
        "{}",
        education.message_en
    );
    // pitkäaikaistyötön needs the start of unemployment, and a long one.
    let csv = "participant_id,entry_date,birth_date,labour_status,unemployed_since\n\
               P1,2016-03-01,1980-01-01,pitkäaikaistyötön,\n\
               P2,2016-03-01,1980-01-01,pitkäaikaistyötön,2016-01-01\n\
               P3,2016-03-01,1980-01-01,pitkäaikaistyötön,2014-01-01\n";
    let (people, r) = read_participants_csv(csv.as_bytes(), ImportOptions::default()).unwrap();
    assert_eq!(
        people.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["P3"]
    );
    assert_eq!(r.rejected_lines(), [2, 3]);
}

// ---- UTF-16 -------------------------------------------------------------------

/// `text` in UTF-16, little- or big-endian, with or without its byte-order
/// mark — the four ways a "Unicode text" file is saved.
fn utf16(text: &str, little: bool, mark: bool) -> Vec<u8> {
    let units = mark
        .then_some(0xFEFF)
        .into_iter()
        .chain(text.encode_utf16());
    units
        .flat_map(|u| {
            if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

/// The code the participant reader gives `bytes` with `encoding` named (or
/// none) on `threads`, or `None` when it reads them.
fn participant_refusal(bytes: &[u8], encoding: Option<Encoding>, threads: usize) -> Option<String> {
    let mut o = ImportOptions::default();
    o.accept_temporary_codes = true;
    o.encoding = encoding;
    o.threads = std::num::NonZeroUsize::new(threads);
    read_participants_csv(bytes, o)
        .err()
        .map(|e| e.code().to_string())
}

/// Every CSV reader refuses a UTF-16 file as UTF-16 (`csv.unicode_text`) — whichever
/// byte order, with or without its mark, whatever encoding is named and on any
/// number of threads — where it once gave `csv.header` ("not text in utf-8")
/// or an unknown column with NUL bytes in its name: a refusal with the wrong
/// reason sends the user looking in the wrong place.
#[test]
fn a_utf16_file_is_refused_as_utf16_by_every_csv_reader() {
    let mut texts: Vec<(String, String)> = ["ilona", "vesku"]
        .iter()
        .map(|stem| {
            let path = repo().join(format!("examples/data/participants/{stem}.csv"));
            (stem.to_string(), std::fs::read_to_string(path).unwrap())
        })
        .collect();
    texts.push((
        "header only".into(),
        "Osallistujatunnus;Aloituspäivä\n".into(),
    ));
    let list =
        std::fs::read_to_string(repo().join("examples/data/eura/eura2014_projektilista.csv"))
            .unwrap();
    for (what, text) in &texts {
        // The same text in UTF-8 is read.
        assert_eq!(
            participant_refusal(text.as_bytes(), None, 1),
            None,
            "{what}"
        );
        for (little, mark) in [(true, true), (true, false), (false, true), (false, false)] {
            let bytes = utf16(text, little, mark);
            for encoding in [None, Some(Encoding::Utf8), Some(Encoding::Windows1252)] {
                for threads in [1, 2] {
                    assert_eq!(
                        participant_refusal(&bytes, encoding, threads).as_deref(),
                        Some("csv.unicode_text"),
                        "{what}: little-endian {little}, mark {mark}, {encoding:?}, {threads} threads"
                    );
                }
            }
        }
    }
    assert!(hanke::eura::ProjectList::read(list.as_bytes()).is_ok());
    for (little, mark) in [(true, true), (true, false), (false, true), (false, false)] {
        let err = hanke::eura::ProjectList::read(&utf16(&list, little, mark)[..]).unwrap_err();
        assert_eq!(err.code(), "csv.unicode_text", "EURA list: {little} {mark}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// No text in UTF-8 or Windows-1252 is taken for UTF-16 (neither holds a
    /// NUL byte; UTF-8 never holds the bytes of a byte-order mark, and a
    /// Windows-1252 text that begins with `ÿþ` or `þÿ` — no header of any
    /// format — is the one text left out), and any header in UTF-16 whose
    /// first two characters are Latin — every header of the format — is.
    #[test]
    fn utf16_is_told_from_text_and_only_from_it(
        text in "[^\u{0}]{0,40}",
        header in "[\u{1}-\u{ff}]{2}[^\u{0}]{0,20}",
        little: bool,
        mark: bool,
    ) {
        let not = |bytes: &[u8], encoding| {
            participant_refusal(bytes, encoding, 1).as_deref() != Some("csv.unicode_text")
        };
        proptest::prop_assert!(not(text.as_bytes(), None));
        proptest::prop_assert!(not(text.as_bytes(), Some(Encoding::Utf8)));
        let cp1252: Vec<u8> = text.chars().filter_map(|c| u8::try_from(u32::from(c)).ok()).collect();
        if !cp1252.starts_with(&[0xFF, 0xFE]) && !cp1252.starts_with(&[0xFE, 0xFF]) {
            proptest::prop_assert!(not(&cp1252, Some(Encoding::Windows1252)));
        }
        proptest::prop_assert!(!not(&utf16(&header, little, mark), None));
    }
}

/// A tab-delimited file — Excel's "Text (tab delimited)" — reads as its
/// comma-separated twin: the same records and the same account, on one
/// thread and on two. (It was one unknown column holding tabs.)
#[test]
fn a_tab_delimited_file_reads_as_its_comma_separated_twin() {
    for stem in ["ilona", "vesku", "yhteiskunnalliset_yritykset_esr_plus"] {
        let text =
            std::fs::read_to_string(repo().join(format!("examples/data/participants/{stem}.csv")))
                .unwrap();
        assert!(
            !text.contains(['"', '\t']),
            "{stem}: a plain file to turn into tabs"
        );
        let tabs = text.replace(',', "\t");
        for threads in [1, 2] {
            let mut o = synthetic_options(rules(ProgrammePeriod::Period2021To2027));
            o.threads = std::num::NonZeroUsize::new(threads);
            let (a, ra) = read_participants_csv(text.as_bytes(), o.clone()).unwrap();
            let (b, rb) = read_participants_csv(tabs.as_bytes(), o).unwrap();
            assert_eq!(a, b, "{stem}");
            assert_eq!(ra, rb, "{stem}");
            assert!(rb.accepted > 0 && rb.is_balanced(), "{stem}");
        }
    }
    // A header with a comma or a semicolon is split as before, tabs or not:
    // a tab beside a name is space around it, trimmed.
    let csv = "participant_id\t,\tentry_date\nP1\t,\t2024-02-01\n";
    let (people, _) = read_participants_csv(csv.as_bytes(), ImportOptions::default()).unwrap();
    assert_eq!(people.len(), 1);
    let e = ParticipantCsvReader::new(
        &b"participant_id;entry_date\tx\n"[..],
        ImportOptions::default(),
    )
    .err()
    .unwrap();
    assert_eq!(e.code(), "import.unknown_column");
}

/// Two files joined into one (`cat a.csv b.csv`, or a second export appended)
/// carry the second's byte-order mark into a record; it and every other
/// character that shows nothing (zero-width space, word joiner, a direction
/// override, a soft hyphen) inside an id made an id that reads as another
/// and is a different record. Now the row is refused with its line, by the
/// CSV reader on one and two threads.
#[test]
fn an_id_with_a_character_that_shows_nothing_is_refused() {
    let mut csv = String::from("participant_id,entry_date\nP1,2024-01-10\n");
    let invisible = ['\u{feff}', '\u{200b}', '\u{2060}', '\u{202e}', '\u{ad}'];
    for (k, c) in invisible.iter().enumerate() {
        csv.push_str(&format!("{c}P{k},2024-01-10\nP{c}{k},2024-01-10\n"));
    }
    for threads in [1usize, 2] {
        let mut o = ImportOptions::default();
        o.threads = std::num::NonZeroUsize::new(threads);
        let (ps, report) = read_participants_csv(csv.as_bytes(), o).unwrap();
        assert_eq!(ps.len(), 1, "{threads}");
        assert_eq!(report.rejected, 10);
        assert_eq!(report.rejected_lines(), (3..=12).collect::<Vec<u64>>());
        for f in &report.rejections {
            assert_eq!(
                (f.rule_id, f.path.as_str()),
                ("IMP-CSV-003", "participant_id")
            );
            assert!(
                f.message_en.contains("invisible character"),
                "{}",
                f.message_en
            );
        }
    }
}
