//! Synced participant records (issue 26): no panic on any text; a record that
//! loads saves to JSON that loads again equal and never holds an identity code;
//! merging it with itself changes no field and finds no conflict; the merge of
//! three loaded versions never panics, its findings hold no code, and swapping
//! local and remote gives the same record. Re-validation never panics.
#![no_main]
use hanke::sync::{SyncRecord, merge};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Up to three records, separated by a NUL: ancestor, local, remote.
    let parts: Vec<&str> = text.splitn(3, '\0').collect();
    let mut records = Vec::new();
    for part in &parts {
        match SyncRecord::from_json(part) {
            Ok(r) => {
                let saved = r.to_json().expect("a loaded record saves");
                assert!(!hanke::ids::holds_identity_code(&saved), "{saved}");
                let again = SyncRecord::from_json(&saved).expect("a saved record loads");
                assert_eq!(again, r);
                let own = merge(&r, &r, &r).expect("one record merges with itself");
                assert_eq!(own.unresolved(), 0);
                assert!(own.preview().fields().eq(r.fields()));
                if let Some(rules) = hanke::rulebook::Rulebook::for_period(r.period())
                    .and_then(|b| b.participants())
                {
                    for f in r.revalidate(rules) {
                        assert!(!hanke::ids::holds_identity_code(&f.finding.message_en));
                    }
                }
                records.push(r);
            }
            Err(e) => {
                for echoed in [e.to_string(), format!("{e:?}")] {
                    assert!(!hanke::ids::holds_identity_code(&echoed), "{echoed}");
                }
            }
        }
    }
    if let [a, l, r] = records.as_slice() {
        if let (Ok(one), Ok(two)) = (merge(a, l, r), merge(a, r, l)) {
            assert_eq!(one.preview(), two.preview());
            assert_eq!(one.conflicts().len(), two.conflicts().len());
            for f in one.findings() {
                assert!(!hanke::ids::holds_identity_code(&f.message_en), "{f:?}");
            }
        }
    }
});
