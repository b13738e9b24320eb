//! Writes `OUT_DIR/README.md`: the workspace README with hidden setup lines around the Rust
//! blocks that need them (see `SETUPS`), and `OUT_DIR/errcat_providers.rs` from one seed catalog
//! for the block that shows `include!`.

use std::fmt::Write as _;
use std::path::PathBuf;

/// What one README block needs to compile as a doctest. A block is found by a line of its text
/// (`needle`); a block no entry names is compiled and run as it is.
struct Setup {
    needle: &'static str,
    /// The fence's info string in the copy (`rust,no_run` for code that needs a network or a
    /// build script's environment).
    fence: &'static str,
    /// Hidden lines before the block's text.
    before: &'static str,
    /// Hidden lines after it.
    after: &'static str,
}

const SETUPS: &[Setup] = &[
    Setup {
        needle: "use errcat_generated::vaultspay::{Code, Error, ErrorType};",
        fence: "rust",
        before: "fn main() -> Result<(), Box<dyn std::error::Error>> {",
        after: "Ok(())\n}",
    },
    Setup {
        needle: "use errcat::retry::{Retry, RetryPolicy};",
        fence: "rust,no_run",
        before: "async fn refresh_token() -> Result<(), ()> { Ok(()) }\n\
                 async fn create_customer(client: reqwest::Client, url: String) -> Result<(), String> {",
        after: "let _: String = customer;\nOk(())\n}\nfn main() {}",
    },
    Setup {
        needle: "use axum::{extract::Path, routing::get, Router};",
        fence: "rust,no_run",
        before: "#[tokio::main(flavor = \"current_thread\")]\nasync fn main() -> Result<(), Box<dyn std::error::Error>> {",
        after: "Ok(())\n}",
    },
    Setup {
        needle: "pub enum PaymentError {",
        fence: "rust",
        before: "#[derive(Debug, errcat::ApiError)]\n\
                 #[api_error(status = 403)]\n\
                 pub enum VerificationError {\n    /// Verification failed.\n    Failed,\n}\n\
                 fn main() -> Result<(), Box<dyn std::error::Error>> {",
        after: "assert_eq!(back.to_string(), error.to_string());\nOk(())\n}",
    },
    Setup {
        needle: "// build.rs",
        fence: "rust,no_run",
        before: "",
        after: "",
    },
    Setup {
        needle: "// src/lib.rs",
        fence: "rust",
        before: "",
        after: "fn main() {\n    assert_eq!(vaultspay::Code::from_wire(\"duplicate_email\"), vaultspay::Code::DuplicateEmail);\n}",
    },
];

fn main() {
    let manifest_dir = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let readme_path = manifest_dir.join("../README.md");
    println!("cargo:rerun-if-changed={}", readme_path.display());
    println!("cargo:rerun-if-changed=build.rs");
    let readme = std::fs::read_to_string(&readme_path)
        .unwrap_or_else(|error| panic!("read {}: {error}", readme_path.display()));
    let copy = with_setups(&readme).unwrap_or_else(|problem| panic!("README.md: {problem}"));
    std::fs::write(out_dir.join("README.md"), copy).expect("write OUT_DIR/README.md");
    errcat_codegen::Config::new()
        .catalog(manifest_dir.join("../catalog/vaultspay.yaml"))
        .display_root(manifest_dir.join(".."))
        .compile_or_exit();
}

/// The README with each block's setup, or what is wrong: a setup that matches no block, or one
/// that matches two.
fn with_setups(readme: &str) -> Result<String, String> {
    let mut out = String::with_capacity(readme.len() * 2);
    let mut used = vec![0_usize; SETUPS.len()];
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.trim_end() != "```rust" {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut block = Vec::new();
        for line in lines.by_ref() {
            if line.trim_end() == "```" {
                break;
            }
            block.push(line);
        }
        let found = SETUPS
            .iter()
            .position(|setup| block.iter().any(|line| line.trim() == setup.needle));
        let (fence, before, after) = match found {
            Some(index) => {
                used[index] += 1;
                let setup = &SETUPS[index];
                (setup.fence, setup.before, setup.after)
            }
            None => ("rust", "", ""),
        };
        let _ = writeln!(out, "```{fence}");
        hidden(&mut out, before);
        for line in block {
            out.push_str(line);
            out.push('\n');
        }
        hidden(&mut out, after);
        out.push_str("```\n");
    }
    for (setup, uses) in SETUPS.iter().zip(used) {
        if uses != 1 {
            return Err(format!(
                "the setup for the block with `{}` matches {uses} rust blocks, not one (readme/build.rs)",
                setup.needle
            ));
        }
    }
    Ok(out)
}

/// Appends `lines` as rustdoc's hidden lines (`# ` before each).
fn hidden(out: &mut String, lines: &str) {
    for line in lines.lines() {
        if line.is_empty() {
            out.push_str("#\n");
        } else {
            let _ = writeln!(out, "# {line}");
        }
    }
}
