//! Fuzz target: see `errcat_tests::fuzz::from_wire`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errcat_tests::fuzz::from_wire(data));
