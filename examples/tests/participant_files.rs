//! The bundled participant files are what the generator makes today.
#![allow(clippy::unwrap_used)]

use std::process::Command;

#[test]
fn bundled_participant_files_are_up_to_date() {
    let out = Command::new(env!("CARGO"))
        .args([
            "run",
            "-q",
            "--example",
            "generate_participants",
            "--",
            "--check",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
