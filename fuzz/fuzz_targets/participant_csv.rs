//! The participant CSV importer: no panic or error on any bytes but I/O, every
//! row accounted for (read = accepted + rejected) and every physical line
//! (lines = header + blank + the lines of every record, counted here
//! independently), no accepted value holding a quote or a line break, and every
//! rejection pointing at lines of the input. Nothing the account echoes (its
//! rejections and findings, in their `Debug` form) holds an identity code.
#![no_main]
use hanke::import::{Encoding, ImportOptions, read_participants_csv};
use libfuzzer_sys::fuzz_target;

/// Physical lines: each `\r\n`, lone `\r` or lone `\n` ends one; text after the
/// last end is one more.
fn physical_lines(text: &[u8]) -> u64 {
    let mut n = 0;
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'\r' && text.get(i + 1) == Some(&b'\n') {
            n += 1;
            i += 2;
            continue;
        }
        if text[i] == b'\r' || text[i] == b'\n' {
            n += 1;
        }
        i += 1;
    }
    n + u64::from(text.last().is_some_and(|b| *b != b'\n' && *b != b'\r'))
}

fuzz_target!(|data: &[u8]| {
    let first = data.first().copied().unwrap_or(0);
    let mut options = ImportOptions::default();
    options.accept_temporary_codes = first & 1 == 1;
    options.encoding = match first & 6 {
        2 => Some(Encoding::Utf8),
        4 => Some(Encoding::Windows1252),
        _ => None,
    };
    if first & 8 == 8 {
        options.ignore_columns = vec!["nimi".to_string()];
    }
    if let Ok((people, report)) = read_participants_csv(data, options) {
        let echoed = format!("{report:?}");
        assert!(!hanke::ids::holds_identity_code(&echoed), "{echoed}");
        assert!(report.is_balanced(), "{report:?}");
        assert_eq!(report.lines, physical_lines(data));
        assert_eq!(people.len() as u64, report.accepted);
        for f in &report.rejections {
            let line = f.line.expect("a rejection has its line");
            assert!((1..=report.lines).contains(&line));
            assert!(f.end_line.is_none_or(|e| e > line && e <= report.lines));
        }
        for p in &people {
            assert!(!p.id.as_str().contains(['"', '\n', '\r']));
        }
    }
});
