//! Compiles every `catalog/*.yaml` of the workspace into one module per provider.

use std::path::PathBuf;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let workspace = manifest_dir.parent().map(PathBuf::from).unwrap_or_default();
    errcat_codegen::Config::new()
        .catalog_dir(workspace.join("catalog"))
        .display_root(&workspace)
        .compile_or_exit();
}
