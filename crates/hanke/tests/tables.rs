//! Tables read as files are read (issue 22): an Arrow table goes through the
//! same field table as a CSV file, and its two readers — records with an
//! account, columns for the indicators — accept the same names, types and
//! values, refuse the same mistakes with the same codes, and number rows
//! from 0. A property test holds the two readers to each other, and to the
//! CSV reader, on generated tables.
#![cfg(feature = "arrow")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::sync::Arc;

use arrow_array::types::{Int8Type, UInt32Type};
use arrow_array::{
    Array, ArrayRef, BinaryArray, BooleanArray, Date32Array, DictionaryArray, ListArray, NullArray,
    RecordBatch, StringArray, TimestampSecondArray, UInt32Array,
};
use chrono::NaiveDate;
use hanke::import::arrow::{add_batches, read_records};
use hanke::import::{ImportOptions, read_participants_csv};
use hanke::indicator::{Catalogue, CommonIndicators};
use hanke::participant::columns::ColumnsError;
use hanke::programme::ProgrammePeriod;
use hanke::rulebook::ParticipantRules;
use hanke::rulebook::Rulebook;
use proptest::prelude::*;

fn rules() -> &'static ParticipantRules {
    Rulebook::for_period(ProgrammePeriod::Period2021To2027)
        .unwrap()
        .participants()
        .unwrap()
}

fn batch(columns: Vec<(&str, ArrayRef)>) -> RecordBatch {
    RecordBatch::try_from_iter(columns).unwrap()
}

fn strings(values: &[Option<&str>]) -> ArrayRef {
    Arc::new(StringArray::from(values.to_vec()))
}

fn indicators(b: &RecordBatch) -> Result<CommonIndicators, ColumnsError> {
    let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules(), None).unwrap();
    add_batches(&mut ind, [b], &ImportOptions::default()).map(|_| ind)
}

/// `b` with every dictionary column of `uint32` keys (the shared lists of
/// [`shared_categories`]) as its bare keys, and the labels given apart
/// (`ImportOptions::categories`, as the Python binding hands over a polars
/// frame's categoricals).
fn labels_apart(b: &RecordBatch) -> (RecordBatch, Vec<(String, ArrayRef)>) {
    let schema = b.schema();
    let mut categories = Vec::new();
    let columns: Vec<(String, ArrayRef)> = schema
        .fields()
        .iter()
        .zip(b.columns())
        .map(|(f, a)| {
            let name = f.name().clone();
            match a.as_any().downcast_ref::<DictionaryArray<UInt32Type>>() {
                Some(d) => {
                    categories.push((name.clone(), d.values().clone()));
                    (name, Arc::new(d.keys().clone()) as ArrayRef)
                }
                None => (name, a.clone()),
            }
        })
        .collect();
    (RecordBatch::try_from_iter(columns).unwrap(), categories)
}

fn records_options() -> ImportOptions {
    let mut o = ImportOptions::default();
    o.rules = Some(rules());
    o
}

/// A column name the format does not have, a column twice, a Finnish name, a
/// name with a stray space: the table is refused or read exactly as a CSV
/// header with the same names would be.
#[test]
fn column_names_as_a_csv_header() {
    let entry = || strings(&[Some("2024-02-01"), Some("2024-03-01")]);
    let gender = || strings(&[Some("nainen"), Some("mies")]);
    for (name, code) in [
        ("gendr", Some("import.unknown_column")),
        ("Gender ", None),
        ("sukupuoli", None),
        ("Kön", None),
    ] {
        let b = batch(vec![("entry_date", entry()), (name, gender())]);
        let csv =
            format!("entry_date,participant_id,{name}\n2024-02-01,P1,nainen\n2024-03-01,P2,mies\n");
        let from_csv = read_participants_csv(csv.as_bytes(), ImportOptions::default());
        match code {
            Some(code) => {
                assert_eq!(indicators(&b).unwrap_err().code(), code, "{name}");
                assert_eq!(from_csv.err().map(|e| e.code()), Some(code), "{name}");
            }
            None => {
                let ind = indicators(&b).unwrap();
                assert_eq!(
                    (ind.grand_total().women, ind.grand_total().men),
                    (1, 1),
                    "{name}"
                );
                assert!(from_csv.is_ok());
            }
        }
    }
    // Two columns that name the gender.
    let b = batch(vec![
        ("entry_date", entry()),
        ("gender", gender()),
        ("Sukupuoli", gender()),
    ]);
    assert_eq!(
        indicators(&b).unwrap_err().code(),
        "import.duplicate_column"
    );
    let csv = "entry_date,participant_id,gender,Sukupuoli\n2024-02-01,P1,nainen,nainen\n";
    assert_eq!(
        read_participants_csv(csv.as_bytes(), ImportOptions::default())
            .err()
            .map(|e| e.code()),
        Some("import.duplicate_column")
    );
    // A column left out as asked, on both readers.
    let mut o = ImportOptions::default();
    o.ignore_columns = vec!["Nimi".to_string()];
    let b = batch(vec![
        ("participant_id", strings(&[Some("P1"), Some("P2")])),
        ("entry_date", entry()),
        ("nimi", strings(&[Some("A"), Some("B")])),
    ]);
    let (people, report) = read_records(std::slice::from_ref(&b), &o).unwrap();
    assert_eq!(
        (people.len(), report.ignored_columns.clone()),
        (2, vec!["nimi".to_string()])
    );
    let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules(), None).unwrap();
    add_batches(&mut ind, [&b], &o).unwrap();
    assert_eq!(ind.grand_total().total(), 2);
}

/// A null column is missing values; a binary or list id, or any type no
/// value can come from, is a coded error on both readers.
#[test]
fn types_no_value_comes_from_are_refused_with_a_code() {
    let entry: ArrayRef = Arc::new(Date32Array::from(vec![19_754, 19_755]));
    let b = batch(vec![
        ("participant_id", strings(&[Some("P1"), Some("P2")])),
        ("entry_date", entry.clone()),
        ("gender", Arc::new(NullArray::new(2))),
    ]);
    let ind = indicators(&b).unwrap();
    assert_eq!(ind.grand_total().unknown, 2);
    let (people, report) = read_records(&[b], &records_options()).unwrap();
    assert_eq!((people.len(), report.rejected), (2, 0));
    let binary: ArrayRef = Arc::new(BinaryArray::from(vec![&b"P1"[..], &b"P2"[..]]));
    let list: ArrayRef = Arc::new(ListArray::from_iter_primitive::<
        arrow_array::types::Int32Type,
        _,
        _,
    >(vec![Some(vec![Some(1)]), Some(vec![Some(2)])]));
    for id in [binary, list] {
        let b = batch(vec![("participant_id", id), ("entry_date", entry.clone())]);
        assert_eq!(
            indicators(&b).unwrap_err().code(),
            "columns.unsupported_type"
        );
        assert_eq!(
            read_records(&[b], &records_options()).unwrap_err().code(),
            "columns.unsupported_type"
        );
    }
}

/// Identity codes to be dropped once pseudonymised, with nothing to
/// pseudonymise them: the codes were kept without a word. Every reader —
/// a CSV file on one and two threads, a workbook, a table's records —
/// refuses it with the one code; with a secret, the codes are dropped.
#[test]
fn dropping_codes_without_a_secret_is_refused_by_every_reader() {
    use hanke::participant::Pseudonymiser;
    let code = "010190-900P";
    let csv = format!("participant_id,entry_date,identity_code\nP1,2024-01-10,{code}\n");
    let mut drop = records_options();
    drop.accept_temporary_codes = true;
    drop.drop_identity_codes = true;
    let mut codes: Vec<&str> = Vec::new();
    for threads in [1, 2] {
        let mut o = drop.clone();
        o.threads = std::num::NonZeroUsize::new(threads);
        codes.push(
            read_participants_csv(csv.as_bytes(), o)
                .map(|_| ())
                .unwrap_err()
                .code(),
        );
    }
    let b = batch(vec![
        ("participant_id", strings(&[Some("P1")])),
        (
            "entry_date",
            Arc::new(Date32Array::from(vec![19_732])) as ArrayRef,
        ),
        ("identity_code", strings(&[Some(code)])),
    ]);
    codes.push(
        read_records(std::slice::from_ref(&b), &drop)
            .unwrap_err()
            .code(),
    );
    let sheet = {
        let mut book = rust_xlsxwriter::Workbook::new();
        let s = book.add_worksheet();
        for (c, v) in ["participant_id", "entry_date", "identity_code"]
            .iter()
            .enumerate()
        {
            s.write_string(0, c as u16, *v).unwrap();
        }
        for (c, v) in ["P1", "2024-01-10", code].iter().enumerate() {
            s.write_string(1, c as u16, *v).unwrap();
        }
        book.save_to_buffer().unwrap()
    };
    codes.push(
        hanke::import::read_participants_sheet(&sheet, None, drop.clone())
            .map(|_| ())
            .unwrap_err()
            .code(),
    );
    assert_eq!(codes, ["pseudonym.drop_without_secret"; 4]);
    // With a secret the codes are dropped, by each reader.
    let mut secret = drop;
    secret.pseudonymiser = Some(Pseudonymiser::new(b"a test secret of 32 bytes long!!").unwrap());
    let (people, _) = read_participants_csv(csv.as_bytes(), secret.clone()).unwrap();
    let (records, _) = read_records(&[b], &secret).unwrap();
    let (sheet_people, _, _) =
        hanke::import::read_participants_sheet(&sheet, None, secret).unwrap();
    for p in people.iter().chain(&records).chain(&sheet_people) {
        assert!(p.identity_code.is_none() && p.pseudonym.is_some());
    }
}

/// Dates are Finnish calendar days: an aware timestamp is its Helsinki day
/// (2024-02-01 00:00 in Helsinki is 2024-01-31 22:00 UTC), said once for the
/// column (`IMP-TIME-002`); one whose clock shows a time other than midnight —
/// in Helsinki for an aware one — is its day, reported at its row
/// (`IMP-TIME-001`). Both readers give the same day and the same notes.
#[test]
fn timestamps_are_helsinki_days() {
    // 2024-01-31 22:00 UTC (midnight in Helsinki), 2024-02-01 10:30 naive,
    // and 2024-01-31 23:30 UTC (01:30 in Helsinki).
    let aware: ArrayRef =
        Arc::new(TimestampSecondArray::from(vec![1_706_738_400]).with_timezone("Europe/Helsinki"));
    let utc: ArrayRef =
        Arc::new(TimestampSecondArray::from(vec![1_706_738_400]).with_timezone("UTC"));
    let naive: ArrayRef = Arc::new(TimestampSecondArray::from(vec![1_706_783_400]));
    let utc_late: ArrayRef =
        Arc::new(TimestampSecondArray::from(vec![1_706_743_800]).with_timezone("UTC"));
    let feb1 = NaiveDate::from_ymd_opt(2024, 2, 1).unwrap();
    for (what, entry, notes_expected) in [
        ("aware", aware, vec![("IMP-TIME-002", None)]),
        ("utc", utc, vec![("IMP-TIME-002", None)]),
        ("naive", naive, vec![("IMP-TIME-001", Some(0))]),
        (
            "utc at 01:30 in Helsinki",
            utc_late,
            vec![("IMP-TIME-001", Some(0)), ("IMP-TIME-002", None)],
        ),
    ] {
        let b = batch(vec![
            ("participant_id", strings(&[Some("P1")])),
            ("entry_date", entry),
        ]);
        let (people, report) = read_records(std::slice::from_ref(&b), &records_options()).unwrap();
        assert_eq!(people[0].entry.date, feb1, "{what}");
        let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules(), Some(feb1)).unwrap();
        let notes = add_batches(&mut ind, [&b], &ImportOptions::default()).unwrap();
        // Entered on the cut-off day, not the day before nor after.
        assert_eq!(
            (ind.grand_total().total(), ind.not_yet_entered()),
            (1, 0),
            "{what}"
        );
        let ids = |fs: &[hanke::finding::Finding]| -> Vec<(&str, Option<u64>)> {
            fs.iter()
                .filter(|f| f.rule_id.starts_with("IMP-TIME"))
                .map(|f| (f.rule_id, f.row))
                .collect()
        };
        assert_eq!(
            ids(&notes),
            notes_expected,
            "{what}: the indicators' reader"
        );
        assert_eq!(
            ids(&report.findings),
            notes_expected,
            "{what}: the record reader"
        );
    }
}

/// One frame, one behaviour: string dates and boolean answers are read by
/// both readers, and both number rows from 0.
#[test]
fn both_readers_accept_the_same_types_and_number_rows_alike() {
    let n = 9;
    let ids: Vec<String> = (0..n).map(|i| format!("P{i}")).collect();
    let mut dates: Vec<Option<&str>> = vec![Some("1.2.2024"); n];
    dates[7] = Some("31.2.2024");
    let b = batch(vec![
        (
            "participant_id",
            Arc::new(StringArray::from(ids)) as ArrayRef,
        ),
        ("entry_date", strings(&dates)),
        (
            "homeless",
            Arc::new(BooleanArray::from(vec![Some(true); n])),
        ),
    ]);
    let e = indicators(&b).unwrap_err();
    assert_eq!(
        e,
        ColumnsError::InvalidValue {
            column: "entry_date",
            row: 7
        }
    );
    let (people, report) = read_records(std::slice::from_ref(&b), &records_options()).unwrap();
    assert_eq!(people.len(), 8);
    assert_eq!(
        (report.rejections[0].row, report.rejections[0].line),
        (Some(7), None)
    );
    assert!(
        people
            .iter()
            .all(|p| p.entry.disadvantages.homeless == Some(hanke::participant::Answer::Yes))
    );
}

// ---- The property: the readers agree -------------------------------------------

/// Values a column of the generated table draws from: valid labels in the
/// three languages and blanks (`""`), then — for a few cells — values no
/// reader accepts.
fn valid(column: &str) -> &'static [&'static str] {
    match column {
        // 2019 and 2030: outside 2021–2027's eligibility window (counted,
        // and said: `PART-PLAUS-003`).
        "entry_date" => &["2022-03-01", "1.6.2023", "15.1.2024", "4.11.2019"],
        "birth_date" => &["1990-05-05", "1.1.1960", "2010-01-01", ""],
        "gender" => &["woman", "nainen", "mies", "muu", "Kvinna", ""],
        "labour_status" => &[
            "työtön",
            "unemployed",
            "employed",
            "opiskelija",
            "inactive",
            "pitkäaikaistyötön",
            "",
        ],
        "unemployed_since" => &["", "", "", "2020-01-01", "1.1.2023"],
        "education" => &["3", "perusaste", "62", "9", "lukio", ""],
        "homeless" => &["kyllä", "no", "declined", "JA", ""],
        "exit_date" => &["2024-06-30", "", "", "2030-01-02"],
        "exit_situation" => &["työnhaku", "open_labour_market", "education", "", ""],
        "qualification_gained" => &["yes", "ei", "", "", ""],
        "household_jobless" => &["yes", "no", ""],
        _ => &[""],
    }
}

fn invalid(column: &str) -> &'static [&'static str] {
    match column {
        "entry_date" => &["2024-13-01", "5.3.21", ""],
        "birth_date" | "unemployed_since" | "exit_date" => &["x", "31.2.2020"],
        "gender" => &["dog"],
        "labour_status" => &["työnhakija", "eläkeläinen"],
        "education" => &["yliopisto", "11"],
        "homeless" => &["maybe"],
        "exit_situation" => &["moon"],
        "qualification_gained" | "household_jobless" => &["declined"],
        _ => &["?"],
    }
}

const COLUMNS: [&str; 11] = [
    "entry_date",
    "birth_date",
    "gender",
    "labour_status",
    "unemployed_since",
    "education",
    "homeless",
    "exit_date",
    "exit_situation",
    "qualification_gained",
    "household_jobless",
];

/// Cell values, which columns are present, which are dictionaries, and of
/// those which are keyed into one long shared category list.
type Table = (
    Vec<Vec<Option<&'static str>>>,
    Vec<bool>,
    Vec<bool>,
    Vec<bool>,
);

fn table() -> impl Strategy<Value = Table> {
    (1..12usize).prop_flat_map(|rows| {
        let cols: Vec<_> = COLUMNS
            .iter()
            .map(|c| proptest::collection::vec(prop::sample::select(valid(c)), rows))
            .collect();
        // A few cells (often none) get a value no reader accepts.
        let corruption = proptest::collection::vec(
            (0..COLUMNS.len(), 0..rows, any::<prop::sample::Index>()),
            0..3,
        )
        .prop_map(|c| if c.len() == 2 { Vec::new() } else { c });
        (
            cols,
            corruption,
            proptest::collection::vec(any::<bool>(), COLUMNS.len()),
            proptest::collection::vec(any::<bool>(), COLUMNS.len()),
            proptest::collection::vec(any::<u8>(), rows),
            proptest::collection::vec(any::<bool>(), COLUMNS.len()),
        )
            .prop_map(
                |(mut cols, corruption, present, dictionary, noise, shared)| {
                    // Most rows are made consistent (as a careful user writes
                    // them); about one in ten keeps a contradiction.
                    let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
                    for (r, n) in noise.iter().enumerate() {
                        if *n < 26 {
                            continue;
                        }
                        let status = cols[col("labour_status")][r];
                        let unemployed =
                            ["työtön", "unemployed", "pitkäaikaistyötön"].contains(&status);
                        if !unemployed {
                            cols[col("unemployed_since")][r] = "";
                        } else if status == "pitkäaikaistyötön" {
                            cols[col("unemployed_since")][r] = "2020-01-01";
                        }
                        if cols[col("exit_date")][r].is_empty() {
                            cols[col("exit_situation")][r] = "";
                            cols[col("qualification_gained")][r] = "";
                        }
                        // One household column alone is a household given in part.
                        cols[col("household_jobless")][r] = "";
                    }
                    for (c, r, i) in corruption {
                        cols[c][r] = *i.get(invalid(COLUMNS[c]));
                    }
                    let values = cols
                        .into_iter()
                        .map(|col| {
                            col.into_iter()
                                .map(|v| (!v.is_empty()).then_some(v))
                                .collect()
                        })
                        .collect();
                    (values, present, dictionary, shared)
                },
            )
    })
}

/// `values` as polars gives a categorical by its physical codes: `uint32`
/// keys into one category list of the session, here 300 other labels first
/// (so every key is past 255), then the column's own labels.
fn shared_categories(values: &[Option<&str>]) -> ArrayRef {
    let mut list: Vec<String> = (0..300).map(|i| format!("label{i}")).collect();
    let keys: Vec<Option<u32>> = values
        .iter()
        .map(|v| {
            v.map(|v| {
                let at = list.iter().position(|l| l == v).unwrap_or_else(|| {
                    list.push(v.to_string());
                    list.len() - 1
                });
                u32::try_from(at).unwrap()
            })
        })
        .collect();
    let values: ArrayRef = Arc::new(StringArray::from(list));
    Arc::new(DictionaryArray::<UInt32Type>::try_new(UInt32Array::from(keys), values).unwrap())
}

/// The table as Arrow: each column present or not, as strings or as a
/// dictionary (small, or keyed into a long shared list).
fn to_batch(
    values: &[Vec<Option<&str>>],
    present: &[bool],
    dictionary: &[bool],
    shared: &[bool],
) -> RecordBatch {
    let rows = values[0].len();
    let mut cols: Vec<(String, ArrayRef)> = vec![(
        "participant_id".to_string(),
        Arc::new(StringArray::from(
            (0..rows).map(|i| format!("P{i}")).collect::<Vec<_>>(),
        )),
    )];
    for (i, name) in COLUMNS.iter().enumerate() {
        if i > 0 && !present[i] {
            continue;
        }
        let coded = dictionary[i] && !name.ends_with("date") && !name.ends_with("since");
        let array: ArrayRef = if coded && shared[i] {
            shared_categories(&values[i])
        } else if coded {
            Arc::new(
                values[i]
                    .iter()
                    .copied()
                    .collect::<DictionaryArray<Int8Type>>(),
            )
        } else {
            Arc::new(StringArray::from(values[i].clone()))
        };
        cols.push(((*name).to_string(), array));
    }
    RecordBatch::try_from_iter(cols).unwrap()
}

/// The same table as CSV text.
fn to_csv(b: &RecordBatch) -> String {
    let schema = b.schema();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    let mut out = names.join(",") + "\n";
    for row in 0..b.num_rows() {
        let cells: Vec<String> = b
            .columns()
            .iter()
            .map(|c| {
                if c.is_null(row) {
                    return String::new();
                }
                let c =
                    arrow_cast::display::ArrayFormatter::try_new(c.as_ref(), &Default::default())
                        .unwrap();
                c.value(row).to_string()
            })
            .collect();
        out += &(cells.join(",") + "\n");
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// On any table: the record reader and the column reader agree — where
    /// the records are all accepted, the indicators counted from the columns
    /// equal those computed from the records; where a row is rejected, the
    /// column reader refuses the table at a rejected row. And the CSV reader
    /// reads the same table as the same records, rejecting the same rows.
    #[test]
    fn the_readers_agree(t in table()) {
        let (values, present, dictionary, shared) = t;
        let b = to_batch(&values, &present, &dictionary, &shared);
        let (people, report) = read_records(std::slice::from_ref(&b), &records_options()).unwrap();
        prop_assert!(report.is_balanced());
        // Labels given apart from their keys read as the dictionary they make.
        let (apart, categories) = labels_apart(&b);
        let mut with_labels = records_options();
        with_labels.categories = categories.clone();
        let (people_apart, report_apart) = read_records(std::slice::from_ref(&apart), &with_labels).unwrap();
        prop_assert_eq!(&people_apart, &people);
        prop_assert_eq!(&report_apart, &report);
        let mut ind_apart = CommonIndicators::new(Catalogue::EsfPlus, rules(), None).unwrap();
        let mut only_labels = ImportOptions::default();
        only_labels.categories = categories;
        let counted_apart = add_batches(&mut ind_apart, [&apart], &only_labels).map(|_| ind_apart);
        prop_assert_eq!(&counted_apart, &indicators(&b));
        let rejected: Vec<u64> = report.rejections.iter().filter_map(|f| f.row).collect();
        match indicators(&b) {
            Ok(columns) => {
                prop_assert!(rejected.is_empty(), "columns counted what records rejected: {:?}", report.rejections);
                let records = CommonIndicators::compute(Catalogue::EsfPlus, rules(), None, &people).unwrap();
                prop_assert_eq!(columns, records);
                // A date outside the period's eligibility window: the record
                // path says it of each record, the column path of the rows
                // together — the same rows.
                let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules(), None).unwrap();
                let notes = add_batches(&mut ind, [&b], &ImportOptions::default()).unwrap();
                for (field, column) in [("entry.date", "entry_date"), ("exit.date", "exit_date")] {
                    let said: Vec<u64> = report
                        .findings
                        .iter()
                        .filter(|f| f.rule_id == "PART-PLAUS-003" && f.path.ends_with(field))
                        .filter_map(|f| f.row)
                        .collect();
                    let note: Vec<(u64, Option<u64>)> = notes
                        .iter()
                        .filter(|f| f.rule_id == "PART-PLAUS-003" && f.path == column)
                        .map(|f| (f.message_en.split(' ').next().unwrap().parse().unwrap(), f.row))
                        .collect();
                    let want: Vec<(u64, Option<u64>)> = if said.is_empty() {
                        Vec::new()
                    } else {
                        vec![(said.len() as u64, said.first().copied())]
                    };
                    prop_assert_eq!(note, want, "{}", column);
                }
            }
            Err(e) => {
                let row = match e {
                    ColumnsError::InvalidValue { row, .. }
                    | ColumnsError::MissingEntryDate { row }
                    | ColumnsError::DateOutOfRange { row, .. }
                    | ColumnsError::Inconsistent { row, .. }
                    | ColumnsError::MissingValue { row, .. } => row as u64,
                    other => return Err(TestCaseError::fail(format!("{other}"))),
                };
                prop_assert!(rejected.contains(&row), "columns refused row {row} ({e}); records rejected {rejected:?}");
            }
        }
        // The file reader: the same records, rejected rows as lines (row + 2).
        let csv = to_csv(&b);
        let (from_file, file_report) = read_participants_csv(csv.as_bytes(), records_options()).unwrap();
        prop_assert_eq!(from_file, people);
        let lines: Vec<u64> = file_report.rejections.iter().filter_map(|f| f.line).map(|l| l - 2).collect();
        prop_assert_eq!(lines, rejected);
    }
}

/// Education levels as integers (read in place) and as floats (pandas'
/// integers with gaps): a level outside 0–9 or a fraction is refused by both
/// readers at its row.
#[test]
fn integer_and_float_levels() {
    use arrow_array::{Float64Array, Int8Array};
    let entry: ArrayRef = Arc::new(Date32Array::from(vec![19_754; 3]));
    let ids = || strings(&[Some("P1"), Some("P2"), Some("P3")]);
    for (levels, bad) in [
        (
            Arc::new(Int8Array::from(vec![Some(3), None, Some(12)])) as ArrayRef,
            Some(2),
        ),
        (
            Arc::new(Int8Array::from(vec![Some(3), None, Some(-1)])) as ArrayRef,
            Some(2),
        ),
        (
            Arc::new(Float64Array::from(vec![Some(3.0), None, Some(6.0)])) as ArrayRef,
            None,
        ),
        (
            Arc::new(Float64Array::from(vec![Some(3.5), None, Some(6.0)])) as ArrayRef,
            Some(0),
        ),
    ] {
        let b = batch(vec![
            ("participant_id", ids()),
            ("entry_date", entry.clone()),
            ("education", levels),
        ]);
        let (_, report) = read_records(std::slice::from_ref(&b), &records_options()).unwrap();
        let rejected: Vec<u64> = report.rejections.iter().filter_map(|f| f.row).collect();
        match bad {
            Some(row) => {
                assert_eq!(rejected, [row as u64]);
                assert_eq!(
                    indicators(&b).unwrap_err(),
                    ColumnsError::InvalidValue {
                        column: "education",
                        row
                    }
                );
            }
            None => {
                assert!(rejected.is_empty());
                assert!(indicators(&b).is_ok());
            }
        }
    }
}

/// `int8` dictionary keys are read as their bytes (the kernel's identity fast
/// path, issue 29): any keys and nulls count exactly as the same keys widened
/// to `int32`, whether the dictionary is in the codes' order (the fast path)
/// or not, and a label that is no gender is refused at the same row. (Arrow
/// refuses a negative or out-of-range key when the array is built, so such
/// keys cannot be made here; the byte of a negative key is ≥ 128, past any
/// dictionary the byte path is taken for.)
mod int8_keys {
    use super::*;
    use arrow_array::types::Int32Type;
    use arrow_array::{Int8Array, Int32Array};

    fn gender_batch(keys: &[Option<i8>], wide: bool, labels: &[&str]) -> RecordBatch {
        let values: ArrayRef = Arc::new(StringArray::from(labels.to_vec()));
        let gender: ArrayRef = if wide {
            let k = Int32Array::from(keys.iter().map(|k| k.map(i32::from)).collect::<Vec<_>>());
            Arc::new(DictionaryArray::<Int32Type>::try_new(k, values).unwrap())
        } else {
            Arc::new(
                DictionaryArray::<Int8Type>::try_new(Int8Array::from(keys.to_vec()), values)
                    .unwrap(),
            )
        };
        let n = keys.len();
        batch(vec![
            (
                "participant_id",
                strings(
                    &(0..n)
                        .map(|i| Some(format!("P{i}")))
                        .collect::<Vec<_>>()
                        .iter()
                        .map(|s| s.as_deref())
                        .collect::<Vec<_>>(),
                ),
            ),
            (
                "entry_date",
                Arc::new(Date32Array::from(vec![Some(19_000); n])) as ArrayRef,
            ),
            ("gender", gender),
        ])
    }

    fn same(keys: &[Option<i8>], labels: &[&str]) {
        let narrow = indicators(&gender_batch(keys, false, labels));
        let wide = indicators(&gender_batch(keys, true, labels));
        match (narrow, wide) {
            (Ok(a), Ok(b)) => assert_eq!(a.to_json_string().unwrap(), b.to_json_string().unwrap()),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
            (a, b) => panic!("int8 {a:?} but int32 {b:?} for {keys:?}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]
        #[test]
        fn int8_keys_count_as_int32_keys(
            keys in prop::collection::vec(prop::option::of(0i8..3), 0..200),
            identity in any::<bool>(),
            bad in any::<bool>(),
        ) {
            // In the code order (the fast path) or in another order, with a
            // label that is no gender or not.
            let labels: &[&str] = match (identity, bad) {
                (true, false) => &["nainen", "mies", "muu"],
                (true, true) => &["nainen", "mies", "x"],
                (false, false) => &["mies", "muu", "nainen"],
                (false, true) => &["x", "muu", "nainen"],
            };
            same(&keys, labels);
        }
    }
}

/// The period told from a `date32` column in place (issue 29) is the period,
/// or the very error with the very dates, that the dates made one by one
/// tell — for any days (in either period, in both, outside both, past what a
/// date can be) and nulls, in one batch or split in two.
mod period_in_place {
    use super::*;
    use hanke::import::arrow::{entry_dates, infer_period};
    use hanke::rulebook::infer_period as of_dates;

    fn days() -> impl Strategy<Value = Option<i32>> {
        prop_oneof![
            8 => (15_000i32..22_000).prop_map(Some), // 2011–2030
            1 => any::<i32>().prop_map(Some),
            1 => Just(None),
        ]
    }

    /// The period (or error) told in place and date by date, as text, from
    /// `values` split into two batches at `split`.
    fn both_ways(values: &[Option<i32>], split: usize) -> (String, String) {
        let at = split.min(values.len());
        let batches: Vec<RecordBatch> = [&values[..at], &values[at..]]
            .iter()
            .map(|v| {
                batch(vec![(
                    "entry_date",
                    Arc::new(Date32Array::from(v.to_vec())) as ArrayRef,
                )])
            })
            .collect();
        let options = ImportOptions::default();
        let fast = infer_period(&batches, &options).unwrap();
        let slow = of_dates(entry_dates(&batches, &options).unwrap());
        (format!("{fast:?}"), format!("{slow:?}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
        #[test]
        fn in_place_equals_date_by_date(values in prop::collection::vec(days(), 0..40), split in 0usize..40) {
            let (fast, slow) = both_ways(&values, split);
            prop_assert_eq!(fast, slow);
        }

        /// Entries without nulls take the earliest-and-latest shortcut
        /// (`infer_period_of_span`) where the span decides: spans inside one
        /// period, inside the overlap, across an edge and past the periods.
        #[test]
        fn span_shortcut_equals_date_by_date(
            // Anywhere, or just below a period's edge (2014-01-01 = 16 071,
            // 2021-01-01 = 18 628, 2023-12-31 = 19 722, 2029-12-31 = 21 914).
            from in prop_oneof![15_000i32..22_000, 16_040i32..16_080, 18_600i32..18_640, 19_700i32..19_730, 21_890i32..21_920],
            widths in prop_oneof![
                prop::collection::vec(0i32..1_500, 1..40),
                prop::collection::vec(0i32..40, 1..40),
            ],
            split in 0usize..40,
        ) {
            let values: Vec<Option<i32>> = widths.iter().map(|w| Some(from.saturating_add(*w))).collect();
            let (fast, slow) = both_ways(&values, split);
            prop_assert_eq!(fast, slow);
        }
    }
}

/// Keys given apart from their labels (`ImportOptions::categories`) are
/// checked as a dictionary's: a present key past the labels is refused at its
/// row by both readers — with a blank label among them too, where a label is
/// read row by row — and a null key is a missing value. A column of a kind no
/// dictionary is read for, or one that is not integer, is refused with its
/// type. (An Arrow dictionary cannot be built with such keys in safe Rust;
/// through the C interface it can, and the Python tests send one.)
#[test]
fn keys_past_labels_given_apart_are_refused_at_their_row() {
    let n = 50usize;
    let ids: Vec<String> = (0..n).map(|i| format!("P{i}")).collect();
    let table = |gender: Vec<Option<u32>>| {
        batch(vec![
            (
                "participant_id",
                Arc::new(StringArray::from(ids.clone())) as ArrayRef,
            ),
            (
                "entry_date",
                Arc::new(Date32Array::from(vec![Some(19_000); n])) as ArrayRef,
            ),
            ("gender", Arc::new(UInt32Array::from(gender)) as ArrayRef),
        ])
    };
    let options = |labels: &[&str]| {
        let mut o = records_options();
        o.categories = vec![(
            "gender".to_string(),
            Arc::new(StringArray::from(labels.to_vec())) as ArrayRef,
        )];
        o
    };
    let mut keys: Vec<Option<u32>> = (0..n).map(|i| Some((i % 2) as u32)).collect();
    keys[7] = None;
    // Every key a label: read as the labels, the null key missing.
    let (people, report) =
        read_records(&[table(keys.clone())], &options(&["nainen", "mies"])).unwrap();
    assert_eq!(report.rejections.len(), 0);
    assert_eq!(people.len(), n);
    assert_eq!(
        people[1].entry.gender,
        Some(hanke::participant::Gender::Man)
    );
    assert_eq!(people[7].entry.gender, None);
    let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules(), None).unwrap();
    add_batches(
        &mut ind,
        [&table(keys.clone())],
        &options(&["nainen", "mies"]),
    )
    .unwrap();
    // A key past the labels, with or without a blank label.
    keys[31] = Some(2);
    for labels in [vec!["nainen", "mies"], vec!["nainen", " "]] {
        let o = options(&labels);
        let expected = ColumnsError::InvalidValue {
            column: "gender",
            row: 31,
        };
        let records = read_records(&[table(keys.clone())], &o).map(|_| ());
        assert_eq!(records, Err(expected.clone()), "{labels:?}");
        let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules(), None).unwrap();
        let counted = add_batches(&mut ind, [&table(keys.clone())], &o).map(|_| ());
        assert_eq!(counted, Err(expected), "{labels:?}");
    }
    // Labels for a column no dictionary is read for, or for a text column.
    let mut o = records_options();
    o.categories = vec![(
        "participant_id".to_string(),
        Arc::new(StringArray::from(vec!["P0"])) as ArrayRef,
    )];
    let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules(), None).unwrap();
    let both = [
        read_records(&[table(keys.clone())], &o).map(|_| ()),
        add_batches(&mut ind, [&table(keys.clone())], &o).map(|_| ()),
    ];
    for refused in both {
        assert!(
            matches!(
                refused,
                Err(ColumnsError::UnsupportedType {
                    column: "participant_id",
                    ..
                })
            ),
            "{refused:?}"
        );
    }
}

/// An integer id column is read as its digits, whatever its width: a
/// `uint64` id past `i64::MAX` was read as 9223372036854775807 — another id,
/// and every such id the same one. Now every integer of every Arrow integer
/// type is its own digits, and both readers agree (the record reader's ids
/// and the column reader's acceptance); a municipality code past `u16` is
/// refused by both at its row.
#[test]
fn integer_ids_are_their_digits_at_every_width() {
    use arrow_array::{Int64Array, UInt64Array};
    let entry: ArrayRef = Arc::new(Date32Array::from(vec![19_754; 3]));
    let cases: [(ArrayRef, [&str; 3]); 2] = [
        (
            Arc::new(UInt64Array::from(vec![u64::MAX, u64::MAX - 1, 1 << 63])),
            [
                "18446744073709551615",
                "18446744073709551614",
                "9223372036854775808",
            ],
        ),
        (
            Arc::new(Int64Array::from(vec![i64::MAX, 42, 1_000_000_000_000_000])),
            ["9223372036854775807", "42", "1000000000000000"],
        ),
    ];
    for (ids, want) in cases {
        let b = batch(vec![("participant_id", ids), ("entry_date", entry.clone())]);
        let (people, report) = read_records(std::slice::from_ref(&b), &records_options()).unwrap();
        assert!(report.rejections.is_empty(), "{:?}", report.rejections);
        let got: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(got, want);
        assert!(indicators(&b).is_ok());
    }
    let municipality: ArrayRef = Arc::new(UInt64Array::from(vec![91, u64::MAX, 1 << 63]));
    let b = batch(vec![
        (
            "participant_id",
            strings(&[Some("P1"), Some("P2"), Some("P3")]),
        ),
        ("entry_date", entry),
        ("municipality", municipality),
    ]);
    let (_, report) = read_records(std::slice::from_ref(&b), &records_options()).unwrap();
    let rejected: Vec<u64> = report.rejections.iter().filter_map(|f| f.row).collect();
    assert_eq!(rejected, [1, 2]);
    assert_eq!(
        indicators(&b).unwrap_err(),
        ColumnsError::InvalidValue {
            column: "municipality",
            row: 1
        }
    );
}

/// Every Arrow type a date can come in — `Date64` and timestamps of each
/// unit, naive, in UTC and in Helsinki's zone, at any instant of the
/// programme (clock changes among them), whole seconds or not: the two
/// readers take the same day and say the same (`IMP-TIME-001` at the same
/// rows, `IMP-TIME-002` once for an aware column). Before, the record reader
/// said nothing of a zone, and neither reader reported an aware timestamp's
/// time of day.
mod instants {
    use super::*;
    use arrow_array::{
        Date64Array, TimestampMicrosecondArray, TimestampMillisecondArray, TimestampNanosecondArray,
    };

    /// The column of `seconds` (with `sub` parts of a second, in the unit's
    /// own steps) as `kind` (0 Date64, 1–4 timestamps of s, ms, µs, ns) in
    /// `zone`.
    fn column(seconds: &[(i64, u32)], kind: usize, zone: Option<&str>) -> ArrayRef {
        let per: i64 = [1000, 1, 1000, 1_000_000, 1_000_000_000][kind];
        let values: Vec<i64> = seconds
            .iter()
            .map(|&(s, sub)| s * per + i64::from(sub) % per)
            .collect();
        // The same instants, the zone only a label on the column (`with_timezone`).
        match (kind, zone) {
            (0, _) => Arc::new(Date64Array::from(values)),
            (1, None) => Arc::new(TimestampSecondArray::from(values)),
            (1, Some(z)) => Arc::new(TimestampSecondArray::from(values).with_timezone(z)),
            (2, None) => Arc::new(TimestampMillisecondArray::from(values)),
            (2, Some(z)) => Arc::new(TimestampMillisecondArray::from(values).with_timezone(z)),
            (3, None) => Arc::new(TimestampMicrosecondArray::from(values)),
            (3, Some(z)) => Arc::new(TimestampMicrosecondArray::from(values).with_timezone(z)),
            (_, None) => Arc::new(TimestampNanosecondArray::from(values)),
            (_, Some(z)) => Arc::new(TimestampNanosecondArray::from(values).with_timezone(z)),
        }
    }

    fn notes(fs: &[hanke::finding::Finding]) -> Vec<(&'static str, Option<u64>)> {
        fs.iter()
            .filter(|f| f.rule_id.starts_with("IMP-TIME"))
            .map(|f| (f.rule_id, f.row))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn both_readers_take_the_same_day_and_say_the_same(
            seconds in prop::collection::vec(
                (1_609_459_200i64..1_830_297_600, prop_oneof![Just(0u32), any::<u32>()]),
                1..6,
            ),
            midnight in prop::collection::vec(any::<bool>(), 6),
            kind in 0usize..5,
            zone in prop::sample::select(vec![None, Some("UTC"), Some("Europe/Helsinki"), Some("+02:00")]),
        ) {
            // Some instants at a midnight (UTC, or Helsinki's winter or summer).
            let seconds: Vec<(i64, u32)> = seconds
                .iter()
                .zip(&midnight)
                .map(|(&(s, sub), &m)| if m { (s - s.rem_euclid(86_400) - [0, 7_200, 10_800][(s % 3) as usize], 0) } else { (s, sub) })
                .collect();
            let zone = if kind == 0 { None } else { zone };
            let n = seconds.len();
            let ids: Vec<String> = (0..n).map(|i| format!("P{i}")).collect();
            let b = batch(vec![
                ("participant_id", Arc::new(StringArray::from(ids)) as ArrayRef),
                ("entry_date", column(&seconds, kind, zone)),
            ]);
            let (people, report) = read_records(std::slice::from_ref(&b), &records_options()).unwrap();
            prop_assert_eq!(people.len(), n);
            let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules(), None).unwrap();
            let said = add_batches(&mut ind, [&b], &ImportOptions::default()).unwrap();
            prop_assert_eq!(notes(&said), notes(&report.findings));
            // Each row's day, as the indicators' reader took it: entered by
            // the record reader's day, not by the day before.
            for (i, p) in people.iter().enumerate() {
                let row = b.slice(i, 1);
                for (cut, waiting) in [(p.entry.date, 0), (p.entry.date.pred_opt().unwrap(), 1)] {
                    let mut one = CommonIndicators::new(Catalogue::EsfPlus, rules(), Some(cut)).unwrap();
                    add_batches(&mut one, [&row], &ImportOptions::default()).unwrap();
                    prop_assert_eq!(one.not_yet_entered(), waiting, "row {} cut-off {}", i, cut);
                }
            }
        }
    }
}

// ---- Options that name no column ----------------------------------------------

/// The `IMP-CSV-006` notes of `findings`, as their English messages, sorted.
fn absent_notes(findings: &[hanke::Finding]) -> Vec<String> {
    let mut notes: Vec<String> = findings
        .iter()
        .filter(|f| f.rule_id == "IMP-CSV-006")
        .map(|f| {
            assert!(f.line.is_none() && f.row.is_none(), "{f:?}");
            f.message_en.clone()
        })
        .collect();
    notes.sort();
    notes
}

/// A workbook of one sheet holding `rows`.
#[cfg(feature = "spreadsheet")]
fn workbook(rows: &[Vec<String>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A name in `ignore_columns` that the header does not have is said
    /// (`IMP-CSV-006`, once a name, without a line), never silently nothing —
    /// and every reader says the same: a CSV file on one thread and on two, a
    /// workbook, an Arrow table's records and its columns. A name that is
    /// there in another spelling (case, spaces, hyphens, underscores) is no
    /// note: its column is left out.
    #[test]
    fn every_reader_says_which_ignored_names_match_no_column(
        extras in proptest::sample::subsequence(vec!["nimi", "s_posti", "puhelin"], 0..=3),
        separator in proptest::sample::select(vec!["_", "-", " "]),
        padded: bool,
        upper: bool,
        absent in proptest::sample::subsequence(vec!["osoite", "nimi2", "hetu 131052-308T", "<b>x</b>"], 0..=3),
        twice: bool,
    ) {
        let mut header = vec!["participant_id".to_string(), "entry_date".to_string()];
        header.extend(extras.iter().map(|e| e.to_string()));
        let rows = [vec!["P1", "2024-02-01"], vec!["P2", "2024-03-01"]];
        let mut ignore: Vec<String> = extras
            .iter()
            .map(|e| {
                let e = if upper { e.to_uppercase() } else { e.to_string() };
                let e = e.replace('_', separator);
                if padded { format!(" {e} ") } else { e }
            })
            .collect();
        ignore.extend(absent.iter().map(|a| a.to_string()));
        if twice {
            ignore.extend(absent.iter().map(|a| a.to_string()));
        }
        let mut o = ImportOptions::default();
        o.ignore_columns = ignore;
        // The names as the notes give them: identity codes masked.
        let mut expected: Vec<String> = absent
            .iter()
            .map(|a| hanke::ids::redact(a).into_owned())
            .collect();
        expected.sort();

        let lines: Vec<Vec<String>> = std::iter::once(header.clone())
            .chain(rows.iter().map(|r| {
                let mut r: Vec<String> = r.iter().map(|v| v.to_string()).collect();
                r.extend(extras.iter().map(|_| "x".to_string()));
                r
            }))
            .collect();
        let csv: String = lines.iter().map(|l| l.join(",") + "\n").collect();
        let mut said = Vec::new();
        for threads in [1, 2] {
            let mut o = o.clone();
            o.threads = std::num::NonZeroUsize::new(threads);
            let (people, report) = read_participants_csv(csv.as_bytes(), o).unwrap();
            prop_assert_eq!(people.len(), 2);
            prop_assert!(report.is_balanced());
            said.push((format!("CSV on {threads} threads"), absent_notes(&report.findings)));
        }
        #[cfg(feature = "spreadsheet")]
        {
            let (people, _, report) =
                hanke::import::read_participants_sheet(&workbook(&lines), None, o.clone()).unwrap();
            prop_assert_eq!(people.len(), 2);
            said.push(("workbook".into(), absent_notes(&report.findings)));
        }
        let columns: Vec<(&str, ArrayRef)> = header
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let values: Vec<Option<&str>> =
                    rows.iter().map(|r| Some(r.get(i).copied().unwrap_or("x"))).collect();
                (name.as_str(), strings(&values))
            })
            .collect();
        let b = batch(columns);
        // Two batches: said once all the same.
        let (people, report) = read_records(&[b.clone(), b.clone()], &o).unwrap();
        prop_assert_eq!(people.len(), 4);
        said.push(("table's records".into(), absent_notes(&report.findings)));
        let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules(), None).unwrap();
        let notes = add_batches(&mut ind, [&b, &b], &o).unwrap();
        said.push(("table's columns".into(), absent_notes(&notes)));
        let (_, notes) = hanke::import::arrow::with_columns(&b, &o, |_| ()).unwrap();
        said.push(("with_columns".into(), absent_notes(&notes)));

        for (reader, notes) in &said {
            // The same notes from every reader, one a name.
            prop_assert_eq!(notes, &said[0].1, "{} and {}", reader, &said[0].0);
            prop_assert_eq!(notes.len(), expected.len(), "{}: {:?}", reader, notes);
            for name in expected.iter().filter(|n| !n.contains('<')) {
                let said_of = format!("ignore_columns names `{name}`, which the header does not have");
                prop_assert!(notes.iter().any(|n| n.starts_with(&said_of)), "{}: {:?}", reader, notes);
            }
            // Safe to show: no identity code, no live markup.
            for note in notes {
                prop_assert!(!note.contains("131052-308T") && !note.contains('<'), "{}", note);
            }
        }
    }
}

/// A column given labels apart (`categories`) that the table does not have
/// is said by both of a table's readers, once.
#[test]
fn labels_for_a_column_the_table_lacks_are_said() {
    let b = batch(vec![
        ("participant_id", strings(&[Some("P1")])),
        ("entry_date", strings(&[Some("2024-02-01")])),
    ]);
    let mut o = ImportOptions::default();
    o.categories = vec![("sukupuoli".to_string(), strings(&[Some("nainen")]))];
    let (_, report) = read_records(&[b.clone(), b.clone()], &o).unwrap();
    let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules(), None).unwrap();
    let notes = add_batches(&mut ind, [&b, &b], &o).unwrap();
    for notes in [absent_notes(&report.findings), absent_notes(&notes)] {
        assert_eq!(
            notes,
            [
                "categories names `sukupuoli`, which the header does not have: nothing was done for it (check its spelling against the header)"
            ]
        );
    }
}

// ---- One grammar of a day -------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every reader of a day written as text takes the same texts, as the same
    /// day, and refuses the same ones (`hanke::day::parse_day`): a participant
    /// CSV, a workbook's text cell, a table's string column (both readers), a
    /// device's answers (an exit date and a re-entry date, `SyncRecord::edit`)
    /// a participant record's JSON and a cut-off given as text. The re-entry
    /// date, the JSON and the cut-off once
    /// took whatever chrono reads (`2024-2-3`, `2024 -02-03`, `+2024-02-03`,
    /// `-0001-01-01`) where the files refused it, and refused `3.2.2024`.
    #[test]
    fn every_reader_takes_a_day_in_one_grammar(
        sign in proptest::sample::select(vec!["", "", "+", "-", " "]),
        a in "[0-9]{1,4}",
        first in proptest::sample::select(vec!["-", ".", "/", " -", ""]),
        b in "[0-9]{1,3}",
        second in proptest::sample::select(vec!["-", ".", "/", "- ", ""]),
        c in "[0-9]{1,4}",
    ) {
        use hanke::sync::{Stamp, SyncRecord};
        let text = format!("{sign}{a}{first}{b}{second}{c}");
        let day = hanke::day::parse_day(text.trim());

        // A participant CSV (the field trimmed, as a reader trims).
        let csv = format!("participant_id;entry_date\nP1;{text}\n");
        let (people, _) = read_participants_csv(csv.as_bytes(), ImportOptions::default()).unwrap();
        prop_assert_eq!(people.first().map(|p| p.entry.date), day.ok(), "CSV {:?}", text);
        // A table's string column, records and columns alike.
        let b = batch(vec![
            ("participant_id", strings(&[Some("P1")])),
            ("entry_date", strings(&[Some(text.as_str())])),
        ]);
        let (people, _) = read_records(std::slice::from_ref(&b), &ImportOptions::default()).unwrap();
        prop_assert_eq!(people.first().map(|p| p.entry.date), day.ok(), "table {:?}", text);
        prop_assert_eq!(indicators(&b).is_ok(), day.is_ok(), "columns {:?}", text);
        // A workbook's text cell.
        #[cfg(feature = "spreadsheet")]
        {
            let rows = [
                vec!["participant_id".to_string(), "entry_date".to_string()],
                vec!["P1".to_string(), text.clone()],
            ];
            let (people, _, _) =
                hanke::import::read_participants_sheet(&workbook(&rows), None, ImportOptions::default())
                    .unwrap();
            prop_assert_eq!(people.first().map(|p| p.entry.date), day.ok(), "workbook {:?}", text);
        }
        // A device's answers, edits of a synced record: the exit date (read
        // with the whole record, so only its grammar is compared: a finding
        // of an unreadable value at `exit_date` exactly when the day is not
        // one) and the re-entry date.
        let rules = rules();
        let stamp = Stamp::current("2024-01-10T08:00:00Z", "device:phone-a", rules).unwrap();
        let p = hanke::participant::Participant::new(
            "P1".parse().unwrap(),
            NaiveDate::from_ymd_opt(2022, 1, 3).unwrap(),
        );
        let record = SyncRecord::capture(&p, rules, &stamp, None).unwrap();
        let unreadable = match record.clone().edit(&[("exit_date", &text)], rules, &stamp) {
            Ok(_) => false,
            Err(hanke::sync::SyncError::Answers { findings }) => findings
                .iter()
                .any(|f| f.path == "exit_date" && f.rule_id == "IMP-CSV-003"),
            Err(e) => panic!("{e}"),
        };
        prop_assert_eq!(unreadable, day.is_err(), "exit date {:?}", text);
        let reentry = record.clone().edit(&[("reentry_date", &text)], rules, &stamp);
        prop_assert_eq!(reentry.is_ok(), day.is_ok(), "re-entry date {:?}: {:?}", text, reentry.err());
        // A participant record's JSON: the entry day and the date of birth.
        let record = |entry: &str, birth: &str| {
            serde_json::json!({
                "id": "P1",
                "entry": {"date": entry, "birth_date": birth, "gender": null,
                    "municipality": null, "labour_status": null, "education": null,
                    "disadvantages": {}, "household": null},
                "exit": null, "follow_up": null,
            })
            .to_string()
        };
        let from_json = hanke::participant::Participant::from_json_str(&record(&text, "1.1.1990"));
        prop_assert_eq!(from_json.map(|p| p.entry.date).ok(), day.ok(), "JSON {:?}", text);
        let from_json = hanke::participant::Participant::from_json_str(&record("2022-01-03", &text));
        prop_assert_eq!(
            from_json.map(|p| p.entry.birth_date).ok(),
            day.ok().map(Some),
            "JSON birth date {:?}", text
        );
        // A cut-off given as text: a day of the grammar, then 30 June or 31 December.
        let cut_off = text.parse::<hanke::sfc::CutOff>();
        match day {
            Ok(d) => prop_assert_eq!(cut_off.ok(), hanke::sfc::CutOff::new(d).ok()),
            Err(_) => prop_assert!(cut_off.is_err()),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// An id on several rows is several participants on both paths, and
    /// both say so alike (`PART-DUP-003`, with its count, in the order of its
    /// first row): the records merged as every caller merges them, and the
    /// columns counted — ids as text (with the spaces a file has) or as
    /// whole numbers, the table in one batch or two.
    #[test]
    fn both_paths_say_an_id_on_several_rows_alike(
        ids in proptest::collection::vec(0u8..6, 1..30),
        padded in proptest::collection::vec(any::<bool>(), 30),
        as_numbers: bool,
        cut in 0usize..30,
    ) {
        let n = ids.len();
        let texts: Vec<String> = ids
            .iter()
            .zip(&padded)
            .map(|(id, pad)| if *pad && !as_numbers { format!(" {id} ") } else { id.to_string() })
            .collect();
        let id_column = |range: std::ops::Range<usize>| -> ArrayRef {
            if as_numbers {
                Arc::new(UInt32Array::from(ids[range].iter().map(|&i| u32::from(i)).collect::<Vec<_>>()))
            } else {
                strings(&texts[range].iter().map(|t| Some(t.as_str())).collect::<Vec<_>>())
            }
        };
        let day = |range: std::ops::Range<usize>| strings(&vec![Some("2024-02-01"); range.len()]);
        let cut = cut.min(n);
        let batches: Vec<RecordBatch> = [0..cut, cut..n]
            .into_iter()
            .filter(|r| !r.is_empty())
            .map(|r| batch(vec![("participant_id", id_column(r.clone())), ("entry_date", day(r))]))
            .collect();
        let o = ImportOptions::default();
        let said = |fs: &[hanke::Finding]| -> Vec<(String, String)> {
            fs.iter()
                .filter(|f| f.rule_id == "PART-DUP-003")
                .map(|f| (f.path.clone(), f.message_en.clone()))
                .collect()
        };
        // The model: ids counted in the order of their first row.
        let mut order: Vec<u8> = Vec::new();
        for id in &ids {
            if !order.contains(id) {
                order.push(*id);
            }
        }
        let want: Vec<String> = order
            .iter()
            .filter(|id| ids.iter().filter(|i| i == id).count() > 1)
            .map(|id| format!("participants[{id}]"))
            .collect();
        let (people, _) = read_records(&batches, &o).unwrap();
        let records = said(&hanke::participant::merge_duplicates(people, None).findings);
        let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules(), None).unwrap();
        let columns = said(&add_batches(&mut ind, &batches, &o).unwrap());
        prop_assert_eq!(records.iter().map(|r| r.0.clone()).collect::<Vec<_>>(), want);
        prop_assert_eq!(&records, &columns);
        prop_assert_eq!(ind.grand_total().total() as usize, n);
    }
}
