//! Reading and writing files — *tuonti ja vienti*: participant records as CSV,
//! with a row-by-row account of what was accepted and rejected.
//!
//! Every data row of a file is either accepted or rejected (with line, field and
//! reason as a [`Finding`](crate::Finding)); nothing is skipped silently:
//! `rows_read == accepted + rejected` ([`RowAccount::is_balanced`](hanke_base::csv_record::RowAccount::is_balanced), the report's `account`).

#[cfg(feature = "arrow")]
pub mod arrow;
pub(crate) use hanke_base::csv_record;
mod parallel;
mod participants;
pub(crate) mod record;
#[cfg(feature = "spreadsheet")]
mod spreadsheet;

pub use csv_record::{Encoding, UnknownEncoding};
pub(crate) use participants::column_text;
pub use participants::{
    IdentityCodes, ImportError, ImportOptions, ImportReport, ParticipantCsvReader,
    ParticipantsWithLines, SourceKind, read_participants_csv, read_participants_csv_with_lines,
    write_participants_csv,
};
#[cfg(feature = "spreadsheet")]
pub use spreadsheet::{
    ActivityImportReport, SheetSource, column_letters, is_workbook_path, read_activities_sheet,
    read_participants_file, read_participants_sheet,
};
