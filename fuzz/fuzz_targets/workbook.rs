//! The workbook readers (issue 28): any bytes given as an `.xlsx`/`.ods`
//! read to an account or a coded error, never a panic; every row accounted
//! for (read = accepted + rejected, lines = header + blank + rows), every
//! refusal naming its cell, and nothing the account echoes holding an
//! identity code. Seeds: the fixture workbooks.
#![no_main]
use hanke::import::{ImportOptions, read_activities_sheet, read_participants_sheet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut options = ImportOptions::default();
    options.accept_temporary_codes = data.first().is_some_and(|b| b & 1 == 1);
    if let Ok((_, lines, report)) = read_participants_sheet(data, None, options) {
        assert!(report.is_balanced(), "{report:?}");
        assert_eq!(lines.len() as u64, report.accepted);
        assert!(report.rejections.iter().all(|f| f.cell.is_some()));
        let shown = format!("{report:?}");
        assert!(!hanke::mask::holds_identity_code(&shown), "{shown}");
    }
    if let Ok((log, report)) = read_activities_sheet(data, None) {
        assert!(report.is_balanced(), "{report:?}");
        assert_eq!(log.activities.len() as u64, report.accepted);
        assert!(report.rejections.iter().all(|f| f.cell.is_some()));
    }
});
