//! The EURA 2014 project list importer: no panic on any bytes; every row and
//! every physical line accounted for; no accepted name with a line break; a
//! re-joined row always says how it was read; nothing the account echoes
//! (its rejections and findings) holds an identity code.
#![no_main]
use hanke::eura::ProjectList;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(list) = ProjectList::read(data) {
        let r = &list.report;
        let echoed = format!("{r:?}");
        assert!(!hanke::ids::holds_identity_code(&echoed), "{echoed}");
        assert!(r.is_balanced(), "{r:?}");
        assert_eq!(list.rows.len() as u64, r.accepted);
        assert!(
            r.findings
                .iter()
                .filter(|f| f.rule_id == "EURA-LIST-002")
                .count() as u64
                == r.realigned
        );
        for row in &list.rows {
            assert!(!row.name.contains(['\n', '\r']));
            assert!(!row.implementer.contains(['\n', '\r']));
        }
    }
});
