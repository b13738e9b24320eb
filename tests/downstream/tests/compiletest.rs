//! Compile-fail tests: every file in `tests/ui/` misuses `#[derive(ApiError)]` once (or, in
//! `exhaustive-match-on-generated-code.rs`, matches a generated `#[non_exhaustive]` enum without
//! a wildcard), and its `.stderr` holds the exact diagnostics expected — pointing at the
//! offending token and saying what to write instead.
//!
//! After changing a diagnostic, regenerate the expectations with
//! `TRYBUILD=overwrite cargo test -p errcat-downstream --test compiletest`, then read every
//! changed `.stderr` file before committing it.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
