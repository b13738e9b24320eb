//! Compiles every `catalog/*.yaml` into one module per provider. In the workspace, `catalog` here
//! is a link to the workspace's `catalog/`; the published package holds the files themselves.

use std::path::PathBuf;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    errcat_codegen::Config::new()
        .catalog_dir(manifest_dir.join("catalog"))
        .display_root(&manifest_dir)
        // Each provider's `Code` and `Error` docs carry an example, run by `cargo test`.
        .doc_examples("errcat_generated")
        .compile_or_exit();
}
