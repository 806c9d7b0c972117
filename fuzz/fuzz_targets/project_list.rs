//! The EURA 2014 project list importer: no panic on any bytes.
#![no_main]
use hanke::eura::ProjectList;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = ProjectList::read(data);
});
