//! Compiles every `catalog/*.yaml` into one module per provider. In the workspace, `catalog` here
//! is a link to the workspace's `catalog/`; the published package holds the files themselves. A
//! checkout without symbolic links (the link is then a small text file) reads `../catalog`.

use std::path::PathBuf;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let linked = manifest_dir.join("catalog");
    let (catalogs, root) = if linked.is_dir() {
        (linked, manifest_dir.clone())
    } else {
        let workspace = manifest_dir.parent().map(PathBuf::from).unwrap_or_default();
        (workspace.join("catalog"), workspace)
    };
    errcat_codegen::Config::new()
        .catalog_dir(catalogs)
        .display_root(root)
        // Each provider's `Code` and `Error` docs carry an example, run by `cargo test`.
        .doc_examples("errcat_generated")
        .compile_or_exit();
}
