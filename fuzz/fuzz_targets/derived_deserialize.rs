//! Fuzz target: see `errcat_tests::fuzz::derived_deserialize`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errcat_tests::fuzz::derived_deserialize(data));
