//! Integer codes (`tests/catalogs/numbered.yaml`): a code written as a YAML integer is a JSON
//! integer on the wire. It decodes from the integer (or from the same digits as a string), matches
//! its variant, and re-encodes as the integer it was; string codes made of digits stay strings.

mod common;

use common::json;
use errcat::ApiError;
use errcat_tests::numbered::{Code, Error, EXAMPLES};
use serde_json::json;

#[test]
fn an_integer_code_decodes_to_its_variant_and_re_encodes_as_an_integer() {
    let body = br#"{"code":21211,"message":"Invalid 'To' Phone Number","more_info":"https://example.com/docs/errors/21211","status":400}"#;
    let error = Error::decode(400, body).unwrap();
    assert_eq!(error.code(), &Code::E21211);
    assert_eq!(ApiError::code(&error), "21211");
    assert_eq!(
        error.more_info(),
        Some("https://example.com/docs/errors/21211")
    );
    assert_eq!(error.body_status(), Some(400));
    assert!(error.fields().code_is_number());
    let rendered = json(&error.to_json());
    assert_eq!(rendered, json(body));
    assert_eq!(rendered["code"], json!(21211));
    assert_eq!(Error::decode(400, &error.to_json()).unwrap(), error);
}

#[test]
fn the_same_digits_as_a_string_match_and_stay_a_string() {
    let body = br#"{"code":"21211","message":"m"}"#;
    let error = Error::decode(400, body).unwrap();
    assert_eq!(error.code(), &Code::E21211);
    assert!(!error.fields().code_is_number());
    assert_eq!(json(&error.to_json())["code"], json!("21211"));
}

#[test]
fn a_digit_string_code_stays_a_string_with_its_leading_zero() {
    let error = Error::new(Code::E010);
    assert_eq!(Code::E010.as_str(), "010");
    assert_eq!(json(&error.to_json())["code"], json!("010"));
    // An integer 10 is not the code "010": it is another code, kept as sent.
    let ten = Error::decode(400, br#"{"code":10,"message":"m"}"#).unwrap();
    assert_eq!(ten.code(), &Code::Unknown("10".into()));
    assert_eq!(json(&ten.to_json())["code"], json!(10));
}

#[test]
fn built_errors_render_catalog_integer_codes_as_integers() {
    for code in Code::ALL {
        let info = code.info().unwrap();
        let rendered = json(&Error::new(code.clone()).to_json());
        if info.integer {
            assert!(rendered["code"].is_i64(), "{code:?}: {rendered}");
            assert_eq!(rendered["code"].to_string(), info.wire);
        } else {
            assert_eq!(rendered["code"], json!(info.wire), "{code:?}");
        }
        let built = Error::new(code.clone());
        let back = Error::decode(built.status().as_u16(), &built.to_json());
        assert_eq!(back.unwrap(), built);
    }
    assert_eq!(
        Code::ALL,
        [
            Code::E21211,
            Code::E20404,
            Code::E20503,
            Code::E010,
            Code::E1,
            Code::E3dsRequired
        ]
    );
    assert_eq!(json(&Error::new(Code::E1).to_json())["code"], json!(-1));
}

#[test]
fn unlisted_integers_stay_integers_and_codes_serialize_as_sent() {
    let error = Error::decode(400, br#"{"code":-42,"message":"m"}"#).unwrap();
    assert_eq!(error.code(), &Code::Unknown("-42".into()));
    assert_eq!(json(&error.to_json())["code"], json!(-42));
    let big = Error::decode(400, br#"{"code":18446744073709551615,"message":"m"}"#).unwrap();
    assert_eq!(json(&big.to_json())["code"], json!(u64::MAX));
    // A code that is a float or a boolean is not a code: the error has none, the value is kept.
    let float = Error::decode(400, br#"{"code":1.5,"message":"m"}"#).unwrap_err();
    assert!(matches!(
        float.kind(),
        errcat::DecodeErrorKind::MissingField { key: "code" }
    ));
    // `Code` itself: an integer for the catalog's integer codes, a string otherwise; both read
    // back from either form.
    assert_eq!(serde_json::to_value(Code::E21211).unwrap(), json!(21211));
    assert_eq!(serde_json::to_value(Code::E010).unwrap(), json!("010"));
    assert_eq!(
        serde_json::to_value(Code::Unknown("7".into())).unwrap(),
        json!("7")
    );
    assert_eq!(
        serde_json::from_value::<Code>(json!(21211)).unwrap(),
        Code::E21211
    );
    assert_eq!(
        serde_json::from_value::<Code>(json!("21211")).unwrap(),
        Code::E21211
    );
    assert_eq!(serde_json::from_value::<Code>(json!(-1)).unwrap(), Code::E1);
}

#[test]
fn documented_examples_decode_and_re_encode() {
    assert_eq!(EXAMPLES.len(), 3);
    for example in EXAMPLES {
        let error = Error::decode(example.status, example.body.as_bytes()).unwrap();
        assert_eq!(
            example.code,
            error.code().is_known().then(|| error.code().as_str())
        );
        assert_eq!(json(&error.to_json()), json(example.body.as_bytes()));
    }
}
