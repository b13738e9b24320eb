//! What each publishable crate says about itself on crates.io, read from `cargo metadata`, and
//! what `errcat-generated`'s package holds: the catalogs its build script compiles (through the
//! `generated/catalog` link to the workspace's `catalog/`). `cargo package --workspace` (which
//! also builds every package from its tarball) is run by hand before a release; it takes minutes.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn cargo(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("cargo prints UTF-8")
}

/// The packages of the workspace that may be published (`publish` not set to `false`).
fn publishable() -> Vec<Value> {
    let metadata: Value = serde_json::from_str(&cargo(&[
        "metadata",
        "--no-deps",
        "--offline",
        "--format-version",
        "1",
    ]))
    .expect("cargo metadata prints JSON");
    metadata["packages"]
        .as_array()
        .expect("a list of packages")
        .iter()
        .filter(|package| package["publish"].is_null())
        .cloned()
        .collect()
}

#[test]
fn every_publishable_crate_has_real_metadata() {
    let packages = publishable();
    let names: BTreeSet<&str> = packages
        .iter()
        .filter_map(|package| package["name"].as_str())
        .collect();
    for expected in [
        "errcat",
        "errcat-table",
        "errcat-codegen",
        "errcat-derive",
        "errcat-generated",
        "errcat-cli",
    ] {
        assert!(
            names.contains(expected),
            "{expected} not publishable: {names:?}"
        );
    }
    for package in &packages {
        let name = package["name"].as_str().unwrap_or_default();
        for key in ["description", "license", "rust_version", "readme"] {
            let value = package[key].as_str().unwrap_or_default();
            assert!(!value.is_empty(), "{name} has no {key}");
        }
        assert_eq!(
            package["documentation"].as_str(),
            Some(format!("https://docs.rs/{name}").as_str()),
            "{name}"
        );
        let manifest = serde_json::to_string(package).unwrap_or_default();
        assert!(!manifest.contains(".invalid"), "{name}: {manifest}");
        let keywords = package["keywords"].as_array().map_or(0, Vec::len);
        assert!((1..=5).contains(&keywords), "{name}: {keywords} keywords");
    }
}

#[test]
fn the_generated_package_holds_every_catalog() {
    let listed: BTreeSet<String> = cargo(&[
        "package",
        "--list",
        "--offline",
        "--allow-dirty",
        "-p",
        "errcat-generated",
    ])
    .lines()
    .map(str::to_owned)
    .collect();
    let catalog_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalog");
    let mut catalogs = 0;
    for entry in std::fs::read_dir(&catalog_dir).expect("the catalog directory") {
        let name = entry.expect("a directory entry").file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".yaml") {
            catalogs += 1;
            assert!(
                listed.contains(&format!("catalog/{name}")),
                "catalog/{name} not in the package: {listed:?}"
            );
        }
    }
    assert!(catalogs >= 5, "{catalogs} catalogs");
    assert!(listed.contains("build.rs") && listed.contains("src/lib.rs"));
}
