//! Compiles the test catalogs in `catalogs/` with the public build-script API, as a user would.

use std::path::PathBuf;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    errcat_codegen::Config::new()
        .catalog_dir(manifest_dir.join("catalogs"))
        .display_root(&manifest_dir)
        .compile_or_exit();
}
