//! Participant tables (Arrow): the bytes become string columns of a table
//! (names from a fixed set of the field table's headers and some others, cells
//! split at separators); no panic, every row accounted for, and the two
//! readers agree — the column reader counts only tables the record reader
//! accepts whole, with the same counts, and refuses the others at a rejected row
//! (a table without ids aside: the indicators need none), or refuses two rows
//! of one person, which the records hold both of, to be merged.
#![no_main]
use std::sync::Arc;

use arrow_array::{ArrayRef, RecordBatch, StringArray};
use hanke::import::ImportOptions;
use hanke::indicator::{Catalogue, CommonIndicators};
use hanke::participant::columns::ColumnsError;
use hanke::import::arrow::{add_batches, read_records};
use hanke::participant::fields::HeaderError;
use hanke::programme::ProgrammePeriod;
use hanke::rulebook::Rulebook;
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 16] = [
    "participant_id",
    "entry_date",
    "Aloituspäivä",
    "gender",
    "sukupuoli",
    "labour_status",
    "unemployed_since",
    "education",
    "homeless",
    "exit_date",
    "exit_situation",
    "qualification_gained",
    "birth_date",
    "nimi",
    "identity_code",
    "pseudonym",
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines = text.split('\n');
    let Some(header) = lines.next() else { return };
    let names: Vec<&str> = header
        .bytes()
        .take(8)
        .map(|b| NAMES[usize::from(b) % NAMES.len()])
        .collect();
    if names.is_empty() {
        return;
    }
    let rows: Vec<Vec<&str>> = lines.take(64).map(|l| l.split(';').collect()).collect();
    let columns: Vec<(String, ArrayRef)> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let cells: Vec<Option<&str>> = rows
                .iter()
                .map(|r| r.get(i).copied().filter(|c| *c != "\\N"))
                .collect();
            (
                (*n).to_string(),
                Arc::new(StringArray::from(cells)) as ArrayRef,
            )
        })
        .collect();
    let Ok(batch) = RecordBatch::try_from_iter(columns) else {
        return;
    };
    let rules = Rulebook::for_period(ProgrammePeriod::Period2021To2027)
        .unwrap()
        .participants()
        .unwrap();
    let mut options = ImportOptions::default();
    options.rules = Some(rules);
    options.ignore_columns = vec!["nimi".to_string()];
    let records = read_records(std::slice::from_ref(&batch), &options);
    let mut ind = CommonIndicators::new(Catalogue::EsfPlus, rules, None).unwrap();
    let columns = add_batches(&mut ind, [&batch], &options);
    let (people, report) = match records {
        Ok(read) => read,
        // Records need an id; the indicators do not.
        Err(ColumnsError::Header(HeaderError::MissingColumn {
            name: "participant_id",
        })) => return,
        // Any other problem of the table's columns is refused by both.
        Err(_) => {
            assert!(columns.is_err());
            return;
        }
    };
    assert!(report.is_balanced());
    let rejected: Vec<u64> = report.rejections.iter().filter_map(|f| f.row).collect();
    match columns {
        Ok(_) => {
            assert!(rejected.is_empty(), "{:?}", report.rejections);
            // The column path refuses rows of one person; none passed.
            assert!(!hanke::participant::has_duplicates(&people));
            let from_records =
                CommonIndicators::compute(Catalogue::EsfPlus, rules, None, &people).unwrap();
            assert_eq!(ind, from_records);
        }
        Err(
            ColumnsError::InvalidValue { row, .. }
            | ColumnsError::MissingEntryDate { row }
            | ColumnsError::DateOutOfRange { row, .. }
            | ColumnsError::Inconsistent { row, .. }
            | ColumnsError::MissingValue { row, .. },
        ) => assert!(rejected.contains(&(row as u64)), "row {row}: {rejected:?}"),
        // Two rows of one person: the records hold them both (to be merged),
        // or one of the two rows is itself refused.
        Err(ColumnsError::SamePerson { row, first }) => assert!(
            hanke::participant::has_duplicates(&people)
                || rejected.contains(&(row as u64))
                || rejected.contains(&(first as u64)),
            "rows {first} and {row}: {rejected:?}"
        ),
        Err(e) => panic!("columns refused a table records read: {e}"),
    }
});
