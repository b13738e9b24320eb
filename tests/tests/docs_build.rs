//! What `check` promises of a catalog's docs, checked with rustdoc itself on this crate, which
//! holds the test catalogs (`tests/catalogs/`, the Markdown-hostile one among them) and the random
//! catalogs `check` accepted (`random_catalogs.rs`): `cargo doc` passes under `-D warnings`, and
//! the crate has no doctest at all (catalog prose never becomes one; errcat writes none into
//! generated code). And every crate of the workspace documents under `-D warnings` with every
//! feature on, as docs.rs builds it.

use std::process::Command;

fn cargo(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO"))
        .args(args)
        .arg("--offline")
        .env("RUSTDOCFLAGS", "-D warnings")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs")
}

#[test]
fn rustdoc_passes_under_deny_warnings_and_finds_no_doctest() {
    let doc = cargo(&["doc", "--no-deps", "-p", "errcat-tests"]);
    assert!(
        doc.status.success(),
        "cargo doc failed:\n{}",
        String::from_utf8_lossy(&doc.stderr)
    );
    let doctests = cargo(&["test", "--doc", "-p", "errcat-tests"]);
    let stdout = String::from_utf8_lossy(&doctests.stdout);
    assert!(
        doctests.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&doctests.stderr)
    );
    assert!(stdout.contains("running 0 tests"), "{stdout}");
}

#[test]
fn the_whole_workspace_documents_under_deny_warnings_with_every_feature() {
    let doc = cargo(&["doc", "--workspace", "--all-features", "--no-deps"]);
    assert!(
        doc.status.success(),
        "cargo doc failed:\n{}",
        String::from_utf8_lossy(&doc.stderr)
    );
}
