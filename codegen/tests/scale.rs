//! A catalog of thousands of codes loads, validates and expands in one pass, deterministically,
//! with the code table sorted for binary search (speed itself is measured by benchmarks, not here).

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
fn five_thousand_codes_expand_with_a_sorted_lookup_table() {
    let yaml = synthetic_catalog(5_000);
    let provider =
        errcat_codegen::load_catalog("catalog/synthetic.yaml", yaml.as_bytes(), "synthetic")
            .unwrap();
    assert_eq!(provider.codes.len(), 5_000);
    let tokens = errcat_codegen::expand::provider(&provider);
    let code = errcat_codegen::emit::format_file(tokens.clone(), "catalog/synthetic.yaml").unwrap();
    assert_eq!(
        code,
        errcat_codegen::emit::format_file(tokens, "catalog/synthetic.yaml").unwrap()
    );
    assert!(code.contains("ErrorB04999,"));

    // The (wire, index) table that `Code::from_wire` binary-searches is sorted by wire string.
    let table = code
        .split("const BY_WIRE")
        .nth(1)
        .unwrap()
        .split("];")
        .next()
        .unwrap();
    let wires: Vec<&str> = table
        .split("(\"")
        .skip(1)
        .map(|entry| entry.split('"').next().unwrap())
        .collect();
    assert_eq!(wires.len(), 5_000);
    assert!(
        wires.windows(2).all(|pair| pair[0] < pair[1]),
        "BY_WIRE is not sorted"
    );
}
