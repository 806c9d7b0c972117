//! The participant CSV importer: no panic or error on any bytes but I/O, and
//! every row is accounted for (read = accepted + rejected).
#![no_main]
use hanke::import::{ImportOptions, read_participants_csv};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut options = ImportOptions::default();
    options.accept_temporary_codes = data.first().is_some_and(|b| b & 1 == 1);
    if let Ok((people, report)) = read_participants_csv(data, options) {
        assert!(report.is_balanced(), "{report:?}");
        assert_eq!(people.len() as u64, report.accepted);
    }
});
