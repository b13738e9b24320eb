//! The JSON Schema of the catalog format (`catalog/catalog.schema.json`): the committed file is
//! the one `errcat_cli::schema::catalog_schema` builds, every catalog validates against it,
//! bad catalogs do not, and each catalog points the YAML language server at it.
//!
//! After changing the schema, regenerate the file with
//! `ERRCAT_UPDATE_SCHEMA=1 cargo test -p errcat-cli --test schema`.

use std::fs;
use std::path::{Path, PathBuf};

use errcat_cli::schema::{catalog_schema, node_to_json};
use errcat_codegen::yaml;

/// The first line of every catalog.
const MODELINE: &str = "# yaml-language-server: $schema=./catalog.schema.json";

fn catalog_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalog")
}

fn schema_file() -> PathBuf {
    catalog_dir().join("catalog.schema.json")
}

/// The `*.yaml` and `*.yml` files of `catalog/`, sorted by name (what the build reads).
fn catalogs() -> Vec<PathBuf> {
    errcat_codegen::Config::new()
        .catalog_dir(catalog_dir())
        .catalog_files()
        .unwrap_or_else(|failure| panic!("{failure}"))
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft7::new(&catalog_schema())
        .expect("the catalog schema is a valid draft-07 schema")
}

/// The schema's complaints about a catalog text, one line each (`at /path: message`).
fn problems(validator: &jsonschema::Validator, source: &str) -> Vec<String> {
    let node = yaml::parse(source).unwrap_or_else(|error| panic!("not YAML: {}", error.message));
    let instance = node_to_json(&node);
    validator
        .iter_errors(&instance)
        .map(|error| {
            let at = error.instance_path().to_string();
            let at = if at.is_empty() { "/".to_owned() } else { at };
            format!("at {at}: {error}")
        })
        .collect()
}

#[test]
fn committed_schema_is_current() {
    let expected = serde_json::to_string_pretty(&catalog_schema()).unwrap() + "\n";
    let path = schema_file();
    if std::env::var_os("ERRCAT_UPDATE_SCHEMA").is_some_and(|value| !value.is_empty()) {
        fs::write(&path, &expected)
            .unwrap_or_else(|error| panic!("write {}: {error}", path.display()));
        return;
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "catalog/catalog.schema.json is not the schema `errcat_cli::schema::catalog_schema()` \
         builds; regenerate it with\n    \
         ERRCAT_UPDATE_SCHEMA=1 cargo test -p errcat-cli --test schema\nand commit the result"
    );
}

#[test]
fn schema_is_a_draft_07_schema() {
    let schema = catalog_schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    if let Err(error) = jsonschema::draft7::meta::validate(&schema) {
        panic!("the catalog schema is not a valid draft-07 schema: {error}");
    }
}

#[test]
fn every_catalog_validates() {
    let validator = validator();
    let files = catalogs();
    assert!(files.len() >= 5, "expected the five seed catalogs");
    let mut failures = Vec::new();
    for path in &files {
        let source = fs::read_to_string(path).unwrap();
        for problem in problems(&validator, &source) {
            failures.push(format!("{}: {problem}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn readme_example_validates() {
    let readme = fs::read_to_string(catalog_dir().join("README.md")).unwrap();
    let yaml = readme
        .split("## An annotated example")
        .nth(1)
        .and_then(|section| section.split("```yaml\n").nth(1))
        .and_then(|rest| rest.split("\n```").next())
        .expect("the README has the annotated example");
    let found = problems(&validator(), yaml);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// A small valid catalog; each bad case below changes one thing in it.
const GOOD: &str = r#"
name: Demo
envelope:
  nested_under: error
  keys:
    code: code
    message: [message, Message]
statuses:
  400:
    meaning: Bad Request
    category: validation
    retry: never
types:
  invalid_request_error: {}
codes:
  bad_thing:
    type: invalid_request_error
    status: 400
    message: A bad thing.
    endpoints: [Create]
    examples:
      - body: {error: {code: bad_thing, message: A bad thing.}}
examples:
  - status: 503
    code: bad_thing
    headers: {Retry-After: 120}
    body: '{"error": {"code": "bad_thing"}}'
"#;

#[test]
fn the_good_catalog_is_good() {
    assert_eq!(problems(&validator(), GOOD), Vec::<String>::new());
    let loaded = errcat_codegen::load_catalog("demo.yaml", GOOD.as_bytes(), "demo");
    assert!(loaded.is_ok(), "{loaded:?}");
}

#[test]
fn bad_catalogs_are_rejected() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "unknown top-level key",
            "name: Demo",
            "name: Demo\nnmae: Demo",
        ),
        (
            "unknown code key",
            "    endpoints: [Create]",
            "    endpoint: [Create]",
        ),
        (
            "unknown envelope slot",
            "    code: code\n",
            "    reqest_id: code\n",
        ),
        (
            "unknown key in a code's example (`code`)",
            "      - body: {error",
            "      - code: bad_thing\n        body: {error",
        ),
        (
            "wrong category word",
            "category: validation",
            "category: invalid",
        ),
        ("wrong retry word", "retry: never", "retry: later"),
        ("status as a string", "status: 400", "status: \"400\""),
        (
            "status-table key not a status",
            "  400:\n    meaning",
            "  4xx:\n    meaning",
        ),
        ("missing message", "    message: A bad thing.\n", ""),
        (
            "missing body",
            "      - body: {error: {code: bad_thing, message: A bad thing.}}",
            "      - description: x",
        ),
        ("missing name", "name: Demo\n", ""),
        (
            "type entry null",
            "invalid_request_error: {}",
            "invalid_request_error:",
        ),
        ("name not a string", "name: Demo", "name: 42"),
        (
            "header value a list",
            "Retry-After: 120",
            "Retry-After: [120]",
        ),
    ];
    let validator = validator();
    let mut failures = Vec::new();
    for (what, from, to) in cases {
        assert!(
            GOOD.contains(from),
            "{what}: `{from}` is not in the good catalog"
        );
        let bad = GOOD.replacen(from, to, 1);
        if problems(&validator, &bad).is_empty() {
            failures.push(format!("{what}: the schema accepts it"));
        }
        if errcat_codegen::load_catalog("demo.yaml", bad.as_bytes(), "demo").is_ok() {
            failures.push(format!("{what}: the loader accepts it (fix the case)"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_catalog_points_at_the_schema() {
    let files = catalogs();
    assert!(files.len() >= 5, "expected the five seed catalogs");
    for path in &files {
        let source = fs::read_to_string(path).unwrap();
        assert_eq!(
            source.lines().next(),
            Some(MODELINE),
            "the first line of {} must be `{MODELINE}`",
            path.display()
        );
    }
}
