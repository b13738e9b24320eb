//! Hostile catalog text: every case ends in a located diagnostic or a valid catalog, quickly,
//! and never in a panic.

use std::time::Instant;

use errcat_codegen::diagnostic::{Located, Rule};
use errcat_codegen::load_catalog;

const VALID: &str = "name: Demo\nenvelope:\n  keys:\n    code: code\n    message: message\nstatuses:\n  400: {meaning: Bad Request}\ncodes:\n  card_declined:\n    status: 402\n    message: \"The card was declined.\"\n";

fn load(text: &[u8]) -> Result<errcat_codegen::plan::Provider, Vec<Located>> {
    load_catalog("catalog/hostile.yaml", text, "hostile")
}

fn only_rule(result: Result<errcat_codegen::plan::Provider, Vec<Located>>) -> (Rule, Located) {
    let diagnostics = result.expect_err("the catalog must be rejected");
    let first = diagnostics[0].clone();
    (first.rule, first)
}

#[test]
fn an_alias_bomb_is_refused_quickly() {
    let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for level in 1..12 {
        let previous = (b'a' + level - 1) as char;
        let name = (b'a' + level) as char;
        text.push_str(&format!("{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"));
    }
    text.push_str(VALID);
    let started = Instant::now();
    let (rule, located) = only_rule(load(text.as_bytes()));
    assert_eq!(rule, Rule::Syntax, "{located}");
    assert!(located.message.contains("repetition limit"), "{located}");
    assert!(
        started.elapsed().as_secs() < 10,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn deep_nesting_is_refused_with_a_location() {
    let text = format!(
        "{VALID}description: {}x{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let started = Instant::now();
    let (rule, located) = only_rule(load(text.as_bytes()));
    assert_eq!(rule, Rule::Syntax, "{located}");
    assert!(
        located.message.contains("nested deeper than 128 levels"),
        "{located}"
    );
    assert!(located.position.is_some(), "{located}");
    assert!(
        started.elapsed().as_secs() < 5,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_ten_megabyte_catalog_loads() {
    let mut text = String::from(VALID);
    let filler = "x".repeat(1_000);
    for index in 0..10_000 {
        text.push_str(&format!("# {index} {filler}\n"));
    }
    text.push_str(&format!("description: \"{}\"\n", "long ".repeat(200_000)));
    assert!(text.len() > 10_000_000);
    let started = Instant::now();
    let provider = load(text.as_bytes()).unwrap();
    assert_eq!(
        provider.description.as_deref().map(str::len),
        Some(1_000_000)
    );
    assert!(
        started.elapsed().as_secs() < 30,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{VALID}");
    assert_eq!(load(text.as_bytes()).unwrap().codes.len(), 1);
}

#[test]
fn crlf_line_ends_load_and_locate() {
    let text = VALID.replace('\n', "\r\n");
    assert_eq!(load(text.as_bytes()).unwrap().codes.len(), 1);
    let broken = text.replace("status: 402", "status: 200");
    let (rule, located) = only_rule(load(broken.as_bytes()));
    assert_eq!(rule, Rule::Status);
    let position = located.position.unwrap();
    assert_eq!((position.line, position.column), (10, 13));
}

#[test]
fn tabs_for_indentation_are_a_located_syntax_error() {
    let text = VALID.replace("  card_declined:\n", "\tcard_declined:\n");
    let (rule, located) = only_rule(load(text.as_bytes()));
    assert_eq!(rule, Rule::Syntax, "{located}");
    assert_eq!(located.position.map(|p| p.line), Some(9), "{located}");
}

#[test]
fn nul_bytes_and_control_characters_are_kept_in_strings() {
    let text = VALID.replace(
        "\"The card was declined.\"",
        "\"NUL \\0 bell \\a bidi \\u202E end\"",
    );
    let provider = load(text.as_bytes()).unwrap();
    assert_eq!(
        provider.codes[0].message,
        "NUL \0 bell \u{7} bidi \u{202e} end"
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    // A fixed pseudo-random walk over byte soups and mutations of a valid catalog.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..2_000 {
        let mut bytes = VALID.as_bytes().to_vec();
        for _ in 0..(next() % 8) {
            let position = (next() as usize) % bytes.len();
            match next() % 3 {
                0 => bytes[position] = next() as u8,
                1 => {
                    bytes.remove(position);
                }
                _ => bytes.insert(position, b":[{&*!|>-\"'#\t\n "[(next() % 15) as usize]),
            }
        }
        // Either outcome is fine; reaching here without a panic is what is checked, and every
        // diagnostic has a message.
        if let Err(diagnostics) = load(&bytes) {
            assert!(diagnostics.iter().all(|d| !d.message.is_empty()));
        }
    }
}

#[test]
fn an_apostrophe_in_plain_text_does_not_hide_deep_nesting() {
    // `it's` is a plain scalar: its apostrophe opens no quoted string, so the nesting after it
    // is refused by the linear pre-pass like any other.
    for text in [
        format!("name: it's\n{VALID}x: {}\n", "[".repeat(10_000)),
        format!(
            "name: a \"quoted\" word's end\n{VALID}x: {}\n",
            "{".repeat(10_000)
        ),
    ] {
        let (rule, located) = only_rule(load(text.as_bytes()));
        assert_eq!(rule, Rule::Syntax, "{located}");
        assert!(
            located.message.contains("nested deeper than 128 levels"),
            "{located}"
        );
    }
    // Quotes that do open a scalar still hide the brackets inside them.
    let quoted = format!(
        "{VALID}description: '{}'\nx: [\"{}\", '{}']\n",
        "[".repeat(1_000),
        "{".repeat(1_000),
        "[".repeat(1_000)
    );
    let diagnostics = load(quoted.as_bytes()).expect_err("`x` is no catalog key");
    assert!(
        diagnostics
            .iter()
            .all(|located| located.rule != Rule::Syntax),
        "{diagnostics:?}"
    );
}

#[test]
fn a_huge_unknown_name_gets_no_suggestion_and_no_quadratic_table() {
    // A type name of 100,000 characters was compared with every type in a table of
    // 100,000 × len cells; it is too long to be a typo and is reported as it is.
    let name = "x".repeat(100_000);
    let text = format!(
        "name: Demo\nenvelope:\n  keys:\n    code: code\n    message: message\n    type: type\nstatuses:\n  400: {{meaning: Bad Request}}\ntypes:\n  card_error: {{description: Card}}\ncodes:\n  card_declined:\n    status: 400\n    type: {name}\n    message: Declined.\n"
    );
    let diagnostics = load(text.as_bytes()).expect_err("an unknown type is refused");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    // The name is not echoed whole.
    assert!(
        diagnostics[0].message.len() < 1_000,
        "{}",
        diagnostics[0].message.len()
    );
    assert!(diagnostics[0].message.contains("characters left out"));
    assert!(diagnostics[0]
        .help
        .as_deref()
        .is_none_or(|help| !help.contains("did you mean")));
    assert_eq!(
        errcat_codegen::diagnostic::did_you_mean("card_eror", &["card_error", &name]),
        Some("card_error")
    );
    assert_eq!(
        errcat_codegen::diagnostic::did_you_mean(&name, &["card_error"]),
        None
    );
}

/// Compiles a directory of catalogs named `files` (each [`VALID`]) with the build-script API.
fn compile_files(
    name: &str,
    files: &[&str],
) -> Result<Vec<errcat_codegen::Generated>, errcat_codegen::Failure> {
    let dir = std::env::temp_dir().join(format!("errcat-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for file in files {
        std::fs::write(dir.join(file), VALID).unwrap();
    }
    let result = errcat_codegen::Config::new()
        .catalog_dir(&dir)
        .out_dir(dir.join("out"))
        .emit_rerun_if_changed(false)
        .compile();
    std::fs::remove_dir_all(&dir).unwrap();
    result
}

#[test]
fn a_catalog_path_with_a_newline_is_refused_before_any_directive() {
    let result = compile_files("newline", &["x.yaml\ncargo:rustc-env=INJECTED=1\ny.yaml"]);
    match result {
        Err(errcat_codegen::Failure::UnwritablePath { path }) => {
            assert!(path.contains("\\ncargo:rustc-env"), "{path}");
            assert!(!path.contains('\n'), "{path}");
        }
        other => panic!("expected UnwritablePath, got {other:?}"),
    }
}

#[test]
fn providers_that_give_one_any_provider_variant_are_refused() {
    let result = compile_files("variants", &["v2_api.yaml", "v_2_api.yaml", "a1.yaml"]);
    let Err(errcat_codegen::Failure::Invalid(problems)) = result else {
        panic!("expected the variant clash to be refused");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].message,
        "providers `v2_api` and `v_2_api` both give the variant `V2Api` of `AnyProviderError`"
    );
}

#[test]
fn an_example_over_the_decode_limit_is_refused() {
    let long = "a".repeat((1 << 20) + 1);
    let text =
        format!("{VALID}    examples:\n      - body: {{code: card_declined, message: {long}}}\n");
    let (rule, located) = only_rule(load(text.as_bytes()));
    assert_eq!(rule, Rule::Example, "{located}");
    assert!(
        located.message.contains("refuse bodies over 1048576 bytes"),
        "{located}"
    );
    assert_eq!(located.position.map(|position| position.line), Some(13));
}

#[test]
fn a_raw_control_character_is_reported_where_it_is() {
    let text = "name: Demo\nenvelope:\n  keys:\n    code: code\n    message: \"a\u{0}b\"\n";
    let (rule, located) = only_rule(load(text.as_bytes()));
    assert_eq!(rule, Rule::Syntax, "{located}");
    assert_eq!(
        located.message,
        "invalid YAML: control characters are not allowed"
    );
    assert_eq!(
        located.position,
        Some(errcat_codegen::yaml::Position {
            line: 5,
            column: 16
        })
    );
}

#[test]
fn a_key_beyond_yamls_limit_is_named_for_what_it_is() {
    let text = format!(
        "{VALID}  {}:\n    status: 400\n    message: x\n",
        "k".repeat(70_000)
    );
    let (rule, located) = only_rule(load(text.as_bytes()));
    assert_eq!(rule, Rule::Syntax, "{located}");
    assert!(
        located.message.starts_with(
            "invalid YAML: a line of 70003 characters: YAML reads at most 1024 characters as a key"
        ),
        "{located}"
    );
    // The report names the place and leaves the 70 KB line out.
    let report = errcat_codegen::report::render(&[located], |_| Some(text.clone()), false);
    assert!(report.len() < 1_000, "{} bytes", report.len());
    assert!(report.contains("catalog/hostile.yaml:12:"), "{report}");
}
