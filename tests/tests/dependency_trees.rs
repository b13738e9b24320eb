//! What a crate that only derives compiles, read from `cargo tree` itself: the derive takes the
//! model, rules and expansion of `errcat-codegen` without its build-script feature (no YAML, no
//! formatting, no diagnostics renderer), one `syn`, and the runtime pulls in no `serde_derive`.

use std::collections::BTreeSet;
use std::process::Command;

/// The packages (`name version`) in the normal-dependency tree of `package`, default features.
fn tree(package: &str) -> BTreeSet<String> {
    let output = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--offline",
            "-e",
            "normal",
            "--prefix",
            "none",
            "-p",
            package,
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo tree -p {package} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            Some(format!("{} {}", words.next()?, words.next()?))
        })
        .collect()
}

/// The package names in the tree of `package`.
fn names(package: &str) -> BTreeSet<String> {
    tree(package)
        .iter()
        .filter_map(|package| package.split(' ').next().map(str::to_owned))
        .collect()
}

#[test]
fn the_derive_compiles_no_yaml_formatting_or_report_crates() {
    let names = names("errcat-derive");
    for absent in [
        "serde_yaml",
        "unsafe-libyaml",
        "prettyplease",
        "codespan-reporting",
        "saphyr-parser",
        "serde_json",
        "serde_derive",
    ] {
        assert!(!names.contains(absent), "{absent} in {names:?}");
    }
    assert!(names.contains("errcat-codegen"), "{names:?}");
    let syn: Vec<String> = tree("errcat-derive")
        .into_iter()
        .filter(|package| package.starts_with("syn "))
        .collect();
    assert_eq!(syn.len(), 1, "one syn: {syn:?}");
}

#[test]
fn the_runtime_with_its_default_features_compiles_no_serde_derive() {
    let names = names("errcat");
    assert!(names.contains("errcat-derive"), "{names:?}");
    assert!(names.contains("serde_core"), "{names:?}");
    for absent in ["serde_derive", "serde_yaml", "prettyplease"] {
        assert!(!names.contains(absent), "{absent} in {names:?}");
    }
}

#[test]
fn build_scripts_still_get_the_yaml_front_end() {
    let names = names("errcat-codegen");
    for present in ["serde_yaml", "prettyplease", "codespan-reporting"] {
        assert!(names.contains(present), "{present} missing from {names:?}");
    }
}
