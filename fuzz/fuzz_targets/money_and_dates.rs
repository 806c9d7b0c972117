//! Money, rates, money ranges and dates in Finnish formats: no panic or
//! overflow on any text; accepted amounts read back equal from their forms.
#![no_main]
use hanke::{Money, MoneyRange, Rate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(m) = text.parse::<Money>() {
        let plain: Money = m.to_plain_string().parse().expect("plain form reads back");
        assert_eq!(plain, m);
        let shown: Money = m.to_string().parse().expect("Finnish form reads back");
        assert_eq!(shown, m);
    }
    if let Ok(r) = text.parse::<Rate>() {
        let (n, d) = r.as_fraction();
        let again: Rate = format!("{n}/{d}").parse().expect("fraction reads back");
        assert_eq!(again, r);
    }
    let _ = text.parse::<MoneyRange>();
    let _ = text.parse::<hanke::project::ApproxDate>();
});
