//! `Config::doc_examples`: the examples errcat writes into the docs of each provider's `Code`,
//! `ErrorType`, `SubCode`, `Error` and list items' `Item` (and of `AnyProviderError`) are Rust
//! that parses, whatever the catalog's wire strings hold (the hostile and Markdown test catalogs
//! among them), and the code literal in them is the code's wire string. `errcat-generated` turns
//! them on, so `cargo test` runs them for every workspace catalog.

use std::path::{Path, PathBuf};

use errcat_codegen::{Config, Failure, Generated};

fn catalogs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["catalog", "tests/catalogs"] {
        let found = Config::new()
            .catalog_dir(root.join(dir))
            .catalog_files()
            .unwrap_or_else(|failure| panic!("{failure}"));
        files.extend(found);
    }
    assert!(files.len() >= 10, "{files:?}");
    files
}

/// Each example block of `code` (the lines between the fences after `/// # Example`), with
/// the doc comment markers and rustdoc's hidden-line `# ` removed.
fn example_blocks(code: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut lines = code.lines().map(str::trim_start);
    while let Some(line) = lines.next() {
        if line != "/// # Example" {
            continue;
        }
        let mut block = String::new();
        let mut fences = 0;
        for line in lines.by_ref() {
            let text = line.strip_prefix("///").unwrap_or(line);
            let text = text.strip_prefix(' ').unwrap_or(text);
            if text == "```" {
                fences += 1;
                if fences == 2 {
                    break;
                }
                continue;
            }
            if fences == 1 {
                block.push_str(text.strip_prefix("# ").unwrap_or(text));
                block.push('\n');
            }
        }
        blocks.push(block);
    }
    blocks
}

fn generate(file: &Path, parent: &str) -> Generated {
    let mut generated = Config::new()
        .catalog(file)
        .doc_examples(parent)
        .generate()
        .unwrap_or_else(|failure| panic!("{}: {failure}", file.display()));
    generated.remove(0)
}

#[test]
fn every_example_parses_and_names_the_first_code_by_its_wire_string() {
    for file in catalogs() {
        let generated = generate(&file, "my_crate::errors");
        let blocks = example_blocks(&generated.code);
        let Some(first) = generated.provider.codes.first() else {
            assert!(blocks.is_empty(), "{}: no code, no example", file.display());
            continue;
        };
        let provider = &generated.provider;
        let expected = 2
            + usize::from(!provider.types.is_empty())
            + usize::from(!provider.subcodes.is_empty())
            + usize::from(provider.list || provider.shapes.iter().any(|shape| shape.list));
        assert_eq!(
            blocks.len(),
            expected,
            "{}: Code, Error, and ErrorType, SubCode and Item where the catalog has them",
            file.display()
        );
        for block in &blocks {
            let parsed: syn::Block = syn::parse_str(&format!("{{\n{block}}}"))
                .unwrap_or_else(|error| panic!("{}: {error}\n{block}", file.display()));
            let path = format!("use my_crate::errors::{}::", generated.provider.module);
            assert!(block.starts_with(&path), "{}:\n{block}", file.display());
            assert!(!parsed.stmts.is_empty());
        }
        let from_wire = blocks[0]
            .lines()
            .find_map(|line| line.strip_prefix("assert_eq!(Code::from_wire("))
            .and_then(|rest| rest.split("), Code::").next())
            .unwrap_or_else(|| panic!("{}: no from_wire line\n{}", file.display(), blocks[0]));
        let literal: syn::LitStr = syn::parse_str(from_wire)
            .unwrap_or_else(|error| panic!("{}: {error}: {from_wire}", file.display()));
        assert_eq!(literal.value(), first.wire, "{}", file.display());
    }
}

#[test]
fn without_the_option_no_example_is_written() {
    for file in catalogs() {
        let generated = Config::new()
            .catalog(&file)
            .generate()
            .unwrap_or_else(|failure| panic!("{failure}"));
        assert!(
            example_blocks(&generated[0].code).is_empty(),
            "{}",
            file.display()
        );
    }
}

#[test]
fn the_parent_path_must_be_a_rust_path() {
    let file = &catalogs()[0];
    for bad in [
        "my crate",
        "",
        "a::",
        "crate",
        "a::b::",
        "a; fn main() {}",
        "a::type",
    ] {
        let result = Config::new().catalog(file).doc_examples(bad).generate();
        match result {
            Err(Failure::DocExamplePath { path }) => assert_eq!(path, bad),
            other => panic!("{bad:?}: {other:?}"),
        }
    }
    for good in ["my_crate", "my_crate::errors", "r#type"] {
        let generated = Config::new().catalog(file).doc_examples(good).generate();
        assert!(generated.is_ok(), "{good:?}: {generated:?}");
    }
}

#[test]
fn the_index_documents_any_provider_error_with_the_first_provider() {
    let out = std::env::temp_dir().join(format!("errcat-doc-examples-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalog");
    let generated = Config::new()
        .catalog_dir(&root)
        .out_dir(&out)
        .emit_rerun_if_changed(false)
        .doc_examples("my_crate")
        .compile()
        .unwrap_or_else(|failure| panic!("{failure}"));
    let index = std::fs::read_to_string(out.join(errcat_codegen::config::INDEX_FILE)).unwrap();
    let blocks = example_blocks(&index);
    assert_eq!(blocks.len(), 1, "{index}");
    let first = &generated[0].provider;
    let expected = format!("use my_crate::{{AnyProviderError, {}}};", first.module);
    assert!(blocks[0].starts_with(&expected), "{}", blocks[0]);
    let parsed: Result<syn::Block, _> = syn::parse_str(&format!("{{\n{}}}", blocks[0]));
    assert!(parsed.is_ok(), "{}", blocks[0]);
    // Without the option, no example.
    Config::new()
        .catalog_dir(&root)
        .out_dir(&out)
        .emit_rerun_if_changed(false)
        .compile()
        .unwrap_or_else(|failure| panic!("{failure}"));
    let index = std::fs::read_to_string(out.join(errcat_codegen::config::INDEX_FILE)).unwrap();
    assert!(example_blocks(&index).is_empty());
    std::fs::remove_dir_all(&out).ok();
}
