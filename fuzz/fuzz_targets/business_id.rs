//! Business IDs (Y-tunnus): no panic, and an accepted ID reads back equal from
//! its canonical form.
#![no_main]
use hanke::BusinessId;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(id) = text.parse::<BusinessId>() {
        let again: BusinessId = id.to_string().parse().expect("canonical form reads back");
        assert_eq!(again, id);
    }
});
