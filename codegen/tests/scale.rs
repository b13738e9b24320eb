//! A catalog of thousands of codes loads, validates and expands in one pass, deterministically,
//! with a perfect-hash table of its codes (speed itself is measured by benchmarks, not here).

use std::fmt::Write;

fn synthetic_catalog(codes: usize) -> String {
    let mut yaml = String::from(
        "name: Synthetic\nenvelope:\n  nested_under: error\n  keys:\n    code: code\n    message: message\nstatuses:\n  400: {meaning: Bad Request}\ncodes:\n",
    );
    for index in 0..codes {
        // Mixed case styles, as real providers use them.
        let code = if index % 2 == 0 {
            format!("error_{index:05}")
        } else {
            format!("ERROR_B{index:05}")
        };
        writeln!(
            yaml,
            "  {code}:\n    status: {}\n    message: \"Error number {index}.\"",
            400 + index % 100
        )
        .unwrap();
    }
    yaml
}

#[test]
fn five_thousand_codes_expand_with_a_perfect_hash_table() {
    let yaml = synthetic_catalog(5_000);
    let provider =
        errcat_codegen::load_catalog("catalog/synthetic.yaml", yaml.as_bytes(), "synthetic")
            .unwrap();
    assert_eq!(provider.codes.len(), 5_000);
    let source = errcat_codegen::expand::provider(&provider);
    let code = errcat_codegen::emit::format_file(source.clone(), "catalog/synthetic.yaml").unwrap();
    assert_eq!(
        code,
        errcat_codegen::emit::format_file(source, "catalog/synthetic.yaml").unwrap()
    );
    syn::parse_file(&code).expect("the generated module parses");
    assert!(code.contains("ErrorB04999,"));

    // `Code::from_wire` searches a perfect-hash table of every wire string, in catalog order.
    let table = code
        .split("pub const TABLE: ::errcat::wire::WireTable")
        .nth(1)
        .unwrap()
        .split("};")
        .next()
        .unwrap();
    let names: Vec<&str> = table
        .split("names: &[")
        .nth(1)
        .unwrap()
        .split('"')
        .skip(1)
        .step_by(2)
        .collect();
    let expected: Vec<&str> = provider
        .codes
        .iter()
        .map(|code| code.wire.as_str())
        .collect();
    assert_eq!(names, expected);
    let parts = errcat_codegen::wire_table::build(&expected);
    assert!(table.contains(&format!("seed: {},", parts.seed)));
    assert_eq!(parts.slots.len(), 5_000 + 1_250 + 1);
}
