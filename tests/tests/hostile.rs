//! The hostile catalog (`tests/catalogs/hostile.yaml`): quotes, backslashes, braces, comment and
//! raw-string terminators, attribute syntax, control and text-direction characters, NULs and
//! non-ASCII in every text. The generated crate compiles under `#![deny(warnings)]` (see
//! `src/lib.rs`), and every text comes back byte for byte.

mod common;

use common::json;
use errcat_tests::hostile::{Code, Error, ENVELOPE, EXAMPLES, PROVIDER, STATUSES};

#[test]
fn names_and_envelope_keys_survive() {
    assert_eq!(PROVIDER.name, "Hostile \"Provider\" */ #[doc] \\ {}");
    assert!(PROVIDER
        .description
        .unwrap()
        .ends_with("a lone \r carriage return"));
    assert_eq!(ENVELOPE.nested_under, Some("err\"or */"));
    assert_eq!(ENVELOPE.keys[0].names, ["c\\ode {}"]);
    assert_eq!(ENVELOPE.keys[1].names, ["msg", "Msg \"#"]);
    assert_eq!(ENVELOPE.keys[2].names, ["détails"]);
    assert_eq!(STATUSES[0].meaning, "Bad \"request\" \\ {0} */ \t tab");
}

#[test]
fn code_texts_survive_byte_for_byte() {
    assert_eq!(Code::QuoteD.as_str(), "quote\"d");
    assert_eq!(Code::QuoteD.message(), "He said \"hi\" and left");
    assert_eq!(
        Code::QuoteD.user_message(),
        "emoji 🙂 and CJK 漢字 and RTL עברית"
    );
    assert_eq!(
        Code::QuoteD.fix(),
        Some("format!(\"{}\") {name} {{}} \n second line */ /* third")
    );
    assert_eq!(Code::BackSlash.as_str(), "back\\slash");
    assert_eq!(
        Code::BackSlash.message(),
        "single 'quoted' \\ backslash \\n is not a newline"
    );
    assert_eq!(
        Code::BackSlash.description(),
        Some("#[attribute] and #![inner] and /* and */ and /** doc */")
    );
    assert_eq!(Code::Err001XY.as_str(), "ERR-001/x.y");
    assert_eq!(
        Code::Err001XY.message(),
        "bidi \u{202e} override \u{2066} isolate \u{2069} end"
    );
    assert_eq!(
        Code::Err001XY.user_message(),
        "zero width \u{200b} joiner \u{200d} and BOM \u{feff}"
    );
    assert_eq!(Code::UnicodeCode.as_str(), "ünïcode_çode");
    assert_eq!(
        Code::UnicodeCode.message(),
        "NUL \0 bell \u{7} escape \u{1b} and DEL \u{7f}"
    );
    assert_eq!(Code::UnicodeCode.fix(), Some("trailing backslash \\"));
}

#[test]
fn generated_texts_equal_what_the_loader_reads() {
    let source = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/catalogs/hostile.yaml"
    ))
    .unwrap();
    let plan = errcat_codegen::load_catalog("catalogs/hostile.yaml", &source, "hostile").unwrap();
    assert_eq!(plan.codes.len(), Code::ALL.len());
    for (planned, info) in plan.codes.iter().zip(Code::INFO) {
        assert_eq!(planned.wire, info.wire);
        assert_eq!(planned.message, info.message);
        assert_eq!(planned.user_message.as_deref(), info.user_message);
        assert_eq!(planned.fix.as_deref(), info.fix);
        assert_eq!(planned.description.as_deref(), info.description);
    }
}

#[test]
fn hostile_bodies_round_trip() {
    for code in Code::ALL {
        let error = Error::new(code.clone());
        let decoded = Error::decode(error.status().as_u16(), &error.to_json()).unwrap();
        assert_eq!(decoded, error);
        assert_eq!(decoded.message(), code.message());
    }
    let example = &EXAMPLES[0];
    let error = Error::decode(example.status, example.body.as_bytes()).unwrap();
    assert_eq!(error.code(), &Code::QuoteD);
    assert_eq!(error.details(), Some("r#\"raw\"# \\\\ \0 nul"));
    assert_eq!(json(&error.to_json()), json(example.body.as_bytes()));
}

#[test]
fn hostile_docs_are_escaped_not_dropped() {
    let source = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/catalogs/hostile.yaml"
    ))
    .unwrap();
    let generated = errcat_codegen::Config::new()
        .catalog(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/catalogs/hostile.yaml"
        ))
        .generate()
        .unwrap();
    let code = &generated[0].code;
    assert!(!source.is_empty());
    assert!(code.contains("`ERR-001/x.y`: bidi \\u{202e} override \\u{2066} isolate \\u{2069} end"));
    assert!(
        !code.contains('\u{202e}'),
        "a raw text-direction character reached the source"
    );
    assert!(
        !code.contains('\r'),
        "a raw carriage return reached the source"
    );
    assert!(!code.contains('\0'), "a raw NUL reached the source");
}
