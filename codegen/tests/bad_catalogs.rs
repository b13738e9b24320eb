//! Snapshot tests of the diagnostics for bad catalogs.
//!
//! Each file in `tests/bad/` is a small catalog with one kind of mistake (or, for
//! `many-problems.yaml`, several at once); its diagnostics, rendered as the build script prints
//! them, are kept in `tests/bad/snapshots/<name>.snap`. To add a case, add a YAML file and run
//! `INSTA_UPDATE=always cargo test -p errcat-codegen --test bad_catalogs`, then read the new
//! snapshot.

use std::fs;
use std::path::{Path, PathBuf};

use errcat_codegen::diagnostic::Located;
use errcat_codegen::load_catalog;

/// Diagnostics allowed to lack a line and column, as (case, part of the message). Every entry
/// must still be used: once its cause is fixed, the test asks for the entry to be removed.
const WITHOUT_POSITION: &[(&str, &str)] = &[];

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `*.yaml` files of `dir`, sorted by name.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("read {}: {error}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|stem| stem.to_str())
        .expect("a UTF-8 file name")
        .to_owned()
}

fn render(diagnostics: &[Located]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn bad_catalogs_report_their_problems() {
    let dir = manifest_dir().join("tests/bad");
    let files = yaml_files(&dir);
    assert!(!files.is_empty(), "no bad catalogs in {}", dir.display());
    // Checks other than the snapshot are gathered, so one failing case does not hide the others.
    let mut failures = Vec::new();
    let mut exemptions_used = vec![false; WITHOUT_POSITION.len()];
    for path in &files {
        let name = stem(path);
        let source =
            fs::read(path).unwrap_or_else(|error| panic!("read {}: {error}", path.display()));
        let Err(diagnostics) = load_catalog(&format!("catalog/{name}.yaml"), &source, "bad") else {
            panic!("{name}.yaml loaded without errors");
        };
        assert!(
            !diagnostics.is_empty(),
            "{name}.yaml failed without a diagnostic"
        );
        let rendered = render(&diagnostics);
        for diagnostic in diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.position.is_none())
        {
            let allowed = WITHOUT_POSITION
                .iter()
                .enumerate()
                .find(|(_, (case, part))| *case == name && diagnostic.message.contains(part));
            match allowed {
                Some((index, _)) => exemptions_used[index] = true,
                None => failures.push(format!(
                    "{name}.yaml: diagnostic without a position:\n{diagnostic}"
                )),
            }
        }
        if name == "many-problems" && diagnostics.len() < 5 {
            failures.push(format!(
                "many-problems.yaml should report every problem at once, got:\n{rendered}"
            ));
        }
        insta::with_settings!({
            snapshot_path => dir.join("snapshots"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
            input_file => path,
        }, {
            insta::assert_snapshot!(name.as_str(), rendered);
        });
    }
    for ((case, part), used) in WITHOUT_POSITION.iter().zip(exemptions_used) {
        if !used {
            failures.push(format!(
                "{case}.yaml: no diagnostic without a position matches {part:?}; remove it from WITHOUT_POSITION"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every snapshot belongs to a bad catalog: a renamed or deleted case leaves none behind.
#[test]
fn every_snapshot_has_its_catalog() {
    let dir = manifest_dir().join("tests/bad");
    let cases: Vec<String> = yaml_files(&dir).iter().map(|path| stem(path)).collect();
    let Ok(entries) = fs::read_dir(dir.join("snapshots")) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("directory entry").path();
        let Some(file_name) = path.file_name().and_then(|name| name.to_str()) else {
            continue;
        };
        if let Some(name) = file_name.strip_suffix(".snap") {
            assert!(
                cases.iter().any(|case| case == name),
                "{} has no catalog tests/bad/{name}.yaml",
                path.display()
            );
        }
    }
}

#[test]
fn real_catalogs_load() {
    let dir = manifest_dir().join("../catalog");
    let files = yaml_files(&dir);
    assert!(
        files.len() >= 5,
        "expected the five real catalogs in {}",
        dir.display()
    );
    for path in &files {
        let name = stem(path);
        let source =
            fs::read(path).unwrap_or_else(|error| panic!("read {}: {error}", path.display()));
        if let Err(diagnostics) = load_catalog(&format!("catalog/{name}.yaml"), &source, &name) {
            panic!(
                "catalog/{name}.yaml does not load:\n{}",
                render(&diagnostics)
            );
        }
    }
}
