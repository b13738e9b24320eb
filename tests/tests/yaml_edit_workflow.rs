//! The "YAML edit only" workflow, for real, as the README tells a newcomer: copy the workspace,
//! scaffold a catalog with `errcat new`, add a code, check it with `errcat check`, build, and use
//! the new module from a crate that depends on `errcat-generated` — with no Rust edit. Then break
//! the catalog and check `cargo build` reports it with its location, without a panic.
//!
//! The nested builds use a target directory under `CARGO_TARGET_TMPDIR`, kept between runs, and
//! `--offline`: every dependency is already in Cargo's cache from building this test.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The code a newcomer adds to the scaffold, as the README's "Adding a code" shows.
const ADDED_CODE: &str = r#"  card_declined:
    status: 402
    message: "Your card was declined."
    user_message: "Your card was declined. Please use another card."
    category: business_rule
    retry: never
    examples:
      - status: 402
        body: {error: {code: card_declined, message: "Your card was declined."}}
"#;

const CONSUMER_MANIFEST: &str = r#"[package]
name = "consumer"
version = "0.0.0"
edition = "2021"
publish = false

[workspace]

[dependencies]
errcat = { path = "../workspace/errcat" }
errcat-generated = { path = "../workspace/generated" }
"#;

const CONSUMER_TEST: &str = r##"
use errcat::{ApiError, Category};
use errcat_generated::acme_pay::{Code, Error};

#[test]
fn new_provider_module_works() {
    let error = Error::decode(402, br#"{"error":{"code":"card_declined","message":"Your card was declined.","decline_code":"insufficient_funds"}}"#).unwrap();
    assert_eq!(Code::ALL, &[Code::InvalidParameter, Code::CardDeclined]);
    assert_eq!(error.code(), &Code::CardDeclined);
    assert_eq!(error.category(), Category::BusinessRule);
    assert_eq!(error.user_message(), "Your card was declined. Please use another card.");
    assert_eq!(error.extra()["decline_code"], "insufficient_funds");
    assert_eq!(Error::decode(402, &Error::new(Code::CardDeclined).to_json()).unwrap(), Error::new(Code::CardDeclined));
    // The seed providers are still there.
    assert_eq!(errcat_generated::vaultspay::Code::ALL.len(), 9);
}
"##;

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        let (source, target) = (entry.path(), to.join(&name));
        let file_type = entry.file_type().unwrap();
        if file_type.is_symlink() {
            // `generated/catalog` links to the workspace's `catalog/`: the copy links to the copy's
            // (elsewhere the build script falls back to `../catalog` itself).
            #[cfg(unix)]
            std::os::unix::fs::symlink(fs::read_link(&source).unwrap(), &target).unwrap();
        } else if file_type.is_dir() {
            copy_dir(&source, &target);
        } else {
            fs::copy(&source, &target).unwrap();
        }
    }
}

/// The catalog and code counts of `errcat check`'s last line ("5 catalogs, 52 codes: …").
fn totals(summary: &str) -> (usize, usize) {
    let last = summary.lines().last().unwrap_or_default();
    let numbers: Vec<usize> = last
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|part| part.parse().ok())
        .collect();
    match numbers.as_slice() {
        [catalogs, codes, ..] => (*catalogs, *codes),
        _ => panic!("no totals in {summary:?}"),
    }
}

fn cargo(dir: &Path, args: &[&str], target_dir: &Path) -> Output {
    let (subcommand, rest) = args.split_first().expect("a cargo subcommand");
    Command::new(env!("CARGO"))
        .arg(subcommand)
        .arg("--offline")
        .args(rest)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs")
}

#[test]
fn a_new_yaml_file_becomes_a_module_and_a_broken_one_a_located_error() {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("yaml-edit-workflow");
    let workspace = base.join("workspace");
    let consumer = base.join("consumer");
    let target_dir = base.join("target");
    let _ = fs::remove_dir_all(&workspace);
    let _ = fs::remove_dir_all(&consumer);
    copy_dir(
        Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap(),
        &workspace,
    );

    // `errcat new`, then the added code, then `errcat check`, run as the README runs them.
    let errcat = |args: &[&str]| {
        let command = [&["run", "--quiet", "-p", "errcat-cli", "--"], args].concat();
        cargo(&workspace, &command, &target_dir)
    };
    let scaffold = errcat(&["new", "acme_pay"]);
    assert!(
        scaffold.status.success(),
        "{}",
        String::from_utf8_lossy(&scaffold.stderr)
    );
    // What `check` counts before the new catalog: every catalog of the workspace.
    let before = errcat(&["check", "catalog/"]);
    let before = String::from_utf8_lossy(&before.stdout).into_owned();
    let (catalogs, codes) = totals(&before);
    let catalog = format!("{}{ADDED_CODE}", String::from_utf8_lossy(&scaffold.stdout));
    fs::write(workspace.join("catalog/acme_pay.yaml"), &catalog).unwrap();
    let check = errcat(&["check", "catalog/"]);
    let summary = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success(),
        "{summary}{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(
        summary.lines().any(|line| line.starts_with("ok  acme_pay ")
            && line.contains(" catalog/acme_pay.yaml: ")
            && line.ends_with(" 2 codes, 1 type, 2 examples checked")),
        "{summary}"
    );
    assert!(
        summary.contains(&format!(
            "{} catalogs, {} codes: no problems",
            catalogs + 1,
            codes + 2
        )),
        "{summary}"
    );

    fs::create_dir_all(consumer.join("tests")).unwrap();
    fs::create_dir_all(consumer.join("src")).unwrap();
    fs::write(consumer.join("Cargo.toml"), CONSUMER_MANIFEST).unwrap();
    fs::write(consumer.join("src/lib.rs"), "").unwrap();
    fs::write(consumer.join("tests/new_provider.rs"), CONSUMER_TEST).unwrap();
    fs::copy(workspace.join("Cargo.lock"), consumer.join("Cargo.lock")).unwrap();

    let output = cargo(&consumer, &["test", "--quiet"], &target_dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "consumer tests failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("1 passed"), "{stdout}");

    // Break the catalog: an unknown key and a status that is not an error status.
    let broken = catalog
        .replace(
            "    category: business_rule\n    retry: never\n",
            "    category: business_rule\n    retyr: never\n",
        )
        .replace(
            "    status: 402\n    message",
            "    status: 200\n    message",
        );
    let line_of = |needle: &str| {
        broken
            .lines()
            .position(|line| line.contains(needle))
            .unwrap()
            + 1
    };
    let (typo_line, status_line) = (line_of("retyr: never"), line_of("status: 200"));
    fs::write(workspace.join("catalog/acme_pay.yaml"), &broken).unwrap();
    let output = cargo(&consumer, &["build", "--quiet"], &target_dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    // Each problem once, as rustc reports: the message, then where.
    for (message, place) in [
        (
            "error[E0101]: unknown key `retyr` in code `card_declined`".to_owned(),
            format!("catalog/acme_pay.yaml:{typo_line}:5"),
        ),
        (
            "error[E0301]: status 200 is not an error status".to_owned(),
            format!("catalog/acme_pay.yaml:{status_line}:13"),
        ),
    ] {
        assert_eq!(stderr.matches(&message).count(), 1, "{stderr}");
        let after = &stderr[stderr.find(&message).unwrap()..];
        assert!(
            after
                .lines()
                .nth(1)
                .is_some_and(|line| line.contains(&place)),
            "{place} under {message} in {stderr}"
        );
    }
    assert!(stderr.contains("did you mean `retry`?"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{stderr}");
}
