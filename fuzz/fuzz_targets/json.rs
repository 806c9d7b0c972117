//! JSON loading of projects, activity logs, self-assessment instruments,
//! indicator results and participant records: no panic on any text, and what
//! loads saves to JSON that loads again equal. No reader's error holds an
//! identity code, in its message or its `Debug`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let errors = [
        hanke::Project::from_json_str(text)
            .err()
            .map(|e| [e.to_string(), format!("{e:?}")]),
        hanke::activity::ActivityLog::from_json_str(text)
            .err()
            .map(|e| [e.to_string(), format!("{e:?}")]),
        hanke::assessment::Instrument::from_json_str(text)
            .err()
            .map(|e| [e.to_string(), format!("{e:?}")]),
        hanke::indicator::CommonIndicators::from_json_str(text)
            .err()
            .map(|e| [e.to_string(), format!("{e:?}")]),
        hanke::participant::participants_from_json_str(text)
            .err()
            .map(|e| [e.to_string(), format!("{e:?}")]),
    ];
    for echoed in errors.iter().flatten().flatten() {
        assert!(!hanke::ids::holds_identity_code(echoed), "{echoed}");
    }
    if let Ok(p) = hanke::Project::from_json_str(text) {
        let saved = p.to_json_string().expect("a loaded project saves");
        let again = hanke::Project::from_json_str(&saved).expect("a saved project loads");
        assert_eq!(again, p);
    }
    if let Ok(ind) = hanke::indicator::CommonIndicators::from_json_str(text) {
        let saved = ind.to_json_string().expect("indicator results save");
        let again = hanke::indicator::CommonIndicators::from_json_str(&saved).expect("and load");
        assert_eq!(again, ind);
    }
    if let Ok(people) = hanke::participant::participants_from_json_str(text) {
        let saved = serde_json::to_string(&people).expect("records save");
        let again = hanke::participant::participants_from_json_str(&saved).expect("and load");
        assert!(again == people);
    }
    // A text the strict readers accept has no key twice: serde's own reading
    // of it as a map gives every key it holds.
    if hanke::Project::from_json_str(text).is_ok() {
        let value: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
        assert!(value.is_object());
    }
});
