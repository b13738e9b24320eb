//! The annotated example catalog in `catalog/README.md` is a valid catalog, so the format's
//! documentation cannot drift from the loader.

use std::fs;
use std::path::Path;

#[test]
fn the_documented_example_catalog_loads() {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalog/README.md"))
            .unwrap();
    let section = readme
        .split("## An annotated example")
        .nth(1)
        .expect("the README has the example section");
    let yaml = section
        .split("```yaml\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("the example section has a yaml block");
    let provider =
        errcat_codegen::load_catalog("catalog/acme_pay.yaml", yaml.as_bytes(), "acme_pay")
            .unwrap_or_else(|diagnostics| {
                let shown: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
                panic!("the README example does not load:\n{}", shown.join("\n"))
            });
    assert_eq!(provider.module, "acme_pay");
    assert!(!provider.codes.is_empty());
    assert!(!provider.types.is_empty());
    assert!(!provider.examples.is_empty());
}
