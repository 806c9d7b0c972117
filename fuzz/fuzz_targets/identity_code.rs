//! Personal identity codes: no panic on any text, a parsed code reads back from
//! its exposed form, and neither `Display` nor `Debug` ever shows it whole.
#![no_main]
use hanke::PersonalIdentityCode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for parsed in [
        text.parse::<PersonalIdentityCode>(),
        PersonalIdentityCode::parse_allowing_temporary(text),
    ] {
        match parsed {
            Ok(code) => {
                let exposed = code.expose().to_string();
                let again = PersonalIdentityCode::parse_allowing_temporary(&exposed)
                    .expect("an accepted code reads back");
                assert_eq!(again, code);
                assert!(!format!("{code}").contains(&exposed));
                assert!(!format!("{code:?}").contains(&exposed));
            }
            Err(e) => {
                // Errors name what is wrong, never the input: a mistyped code
                // (code-shaped — six digits, then five more characters) must
                // not come back in the message.
                let t = text.trim();
                let code_shaped =
                    t.chars().count() == 11 && t.chars().take(6).all(|c| c.is_ascii_digit());
                if code_shaped {
                    let shown = format!("{e} {e:?}");
                    assert!(!shown.contains(t), "{shown}");
                }
            }
        }
    }
});
