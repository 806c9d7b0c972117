//! The output gate of issue 23: for any text, what hanke echoes (`Echo`,
//! `echo::plain`) and publishes (`publish::*`) holds no identity code in any
//! spelling, no tag opener and no live spreadsheet formula, and `redact` hides
//! the individual part of *every* code-shaped run — checked against a naive
//! reading that tries every start.
#![no_main]
use hanke::ids::{holds_identity_code, redact};
use hanke::{Echo, echo, publish};
use libfuzzer_sys::fuzz_target;

/// The individual parts (`900P`) of every code-shaped run of `text`, found the
/// slow way: `redact` applied to every suffix that does not follow a digit,
/// where the first byte it changes is where the first run in it is masked.
fn tails(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.char_indices() {
        // A run that would start here after a digit is spared by `redact`
        // (a digit-last one, as part of a number): the suffix has lost that
        // digit, so it is not read from here. A digit of any script counts
        // (`𝟎`, `٠`: the mask reads them as digits); `is_numeric` is wider
        // (`²`, `½`), which only skips a suffix more. The mask looks back
        // past characters that show nothing (`0\u{200b}0203…`), and so does this.
        let before = text[..i].chars().rev().find(|c| !hanke::mask::is_invisible(*c));
        if before.is_some_and(char::is_numeric) {
            continue;
        }
        let rest = &text[i..];
        let masked = redact(rest);
        let at = rest.bytes().zip(masked.bytes()).position(|(a, b)| a != b);
        if let Some(at) = at {
            if masked.get(at..at + 4) == Some("****") {
                if let Some(tail) = rest.get(at..at + 4) {
                    out.push(tail.to_string());
                }
            }
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let masked = redact(text);
    // Masking is complete: nothing code-shaped is left.
    assert!(!holds_identity_code(&masked), "{text:?} → {masked:?}");
    // No individual part of any run is left where it stood (checked only
    // where it occurs once in the text, so that an equal text elsewhere is not
    // mistaken for a leak).
    for tail in tails(text) {
        if text.matches(tail.as_str()).count() == 1 {
            assert!(
                !masked.contains(tail.as_str()),
                "{text:?} → {masked:?} keeps {tail}"
            );
        }
    }
    let echo = Echo::new(text);
    let plain = echo::plain(text);
    for (what, out) in [("echo", echo.as_str()), ("plain", &plain)] {
        assert!(!holds_identity_code(out), "{what}: {out:?}");
        assert!(!echo::holds_markup(out), "{what}: {out:?}");
    }
    assert!(!echo.as_str().contains('\n'));
    assert!(echo.as_str().chars().count() <= Echo::MAX_CHARS + 1);
    for out in [
        publish::markdown(text),
        publish::html(text),
        publish::xml(text),
    ] {
        assert!(!holds_identity_code(&out), "{out:?}");
        assert!(!out.contains('<') && !out.contains('>'), "{out:?}");
    }
    let md = publish::markdown(text);
    assert!(!md.contains('\n') && !md.contains('\r'));
    for cell in [publish::csv_cell(text), publish::data_csv_cell(text)] {
        // What a spreadsheet would read: the cell unquoted.
        let value = cell
            .strip_prefix('"')
            .and_then(|c| c.strip_suffix('"'))
            .map_or_else(|| cell.clone(), |c| c.replace("\"\"", "\""));
        assert!(!publish::is_formula(&value), "{cell:?}");
    }
    // A data file's cell reads back as it was given.
    let cell = publish::data_csv_cell(text);
    let value = cell
        .strip_prefix('"')
        .and_then(|c| c.strip_suffix('"'))
        .map_or_else(|| cell.clone(), |c| c.replace("\"\"", "\""));
    assert_eq!(publish::from_data_csv_cell(&value), text, "{cell:?}");
    assert!(!holds_identity_code(&publish::csv_cell(text)));
    let mut json = serde_json::json!({ text: [text] });
    publish::mask_json(&mut json);
    let out = json.to_string();
    assert!(
        !holds_identity_code(&out) && !echo::holds_markup(&out),
        "{out}"
    );
});
