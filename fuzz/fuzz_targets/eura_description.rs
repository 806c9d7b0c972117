//! EURA public descriptions and project pages: no panic on any text, and
//! the project read renders to a description without panicking. (Render →
//! parse equality is issue 10's property test, not yet written.) The findings
//! of both readers hold no identity code (the project itself is data).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = hanke::eura::parse_description(text);
    let _ = format!("{parsed:?}");
    let _ = hanke::eura::render_description(&parsed.project);
    let page = hanke::eura::parse_project_page(text);
    for findings in [&parsed.findings, &page.findings] {
        let echoed = format!("{findings:?}");
        assert!(!hanke::ids::holds_identity_code(&echoed), "{echoed}");
    }
});
