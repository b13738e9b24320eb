//! Validates catalogs and shows what they generate.
//!
//! ```text
//! cargo run -q -p errcat-codegen --example catalog -- catalog/            # summary per catalog
//! cargo run -q -p errcat-codegen --example catalog -- --expand catalog/vaultspay.yaml
//! ```
//! Exits with status 1 and every diagnostic when a catalog has problems.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut expand = false;
    let mut config = errcat_codegen::Config::new();
    config.emit_rerun_if_changed(false);
    let mut inputs = 0;
    for argument in std::env::args().skip(1) {
        if argument == "--expand" {
            expand = true;
            continue;
        }
        let path = Path::new(&argument);
        if path.is_dir() {
            config.catalog_dir(path);
        } else {
            config.catalog(path);
        }
        inputs += 1;
    }
    if inputs == 0 {
        config.catalog_dir("catalog");
    }
    match config.generate() {
        Ok(generated) => {
            for module in &generated {
                if expand {
                    print!("{}", module.code);
                    continue;
                }
                let provider = &module.provider;
                println!(
                    "ok  {:<13} {:<26} {:>3} codes  {:>2} types  {:>2} examples  ({}, {} lines of Rust)",
                    provider.module,
                    module.source,
                    provider.codes.len(),
                    provider.types.len(),
                    provider.examples.len(),
                    match &provider.nested_under {
                        Some(key) => format!("nested under `{key}`"),
                        None => "flat".to_owned(),
                    },
                    module.code.lines().count(),
                );
            }
            if !expand {
                let codes: usize = generated
                    .iter()
                    .map(|module| module.provider.codes.len())
                    .sum();
                println!("{} catalogs, {codes} codes", generated.len());
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("{failure}");
            ExitCode::FAILURE
        }
    }
}
