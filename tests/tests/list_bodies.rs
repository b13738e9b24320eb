//! Bodies that are a list of errors (`tests/catalogs/listed.yaml`: `{"errors": [{…}, {…}]}`):
//! one `Error` holds every item, typed; its code is the first item's; an empty list is still an
//! error (named by the status here); keys beside the list are kept; everything re-encodes as sent.

mod common;

use common::json;
use errcat::wire::IdentifiedBy;
use errcat::{ApiError, Category};
use errcat_tests::listed::{Code, Error, EXAMPLES};

fn round_trip(status: u16, body: &str) -> Error {
    let error = Error::decode(status, body.as_bytes()).unwrap();
    assert_eq!(json(&error.to_json()), json(body.as_bytes()), "{body}");
    assert_eq!(Error::decode(status, &error.to_json()).unwrap(), error);
    error
}

#[test]
fn every_item_is_kept_and_typed_and_the_first_is_the_error() {
    let body = r#"{"errors":[{"code":"missing_field","detail":"amount is required","field":"amount"},{"code":"invalid_value","detail":"currency must be a 3-letter code","field":"currency","hint":"EUR"},{"detail":"no code here"}],"trace_id":"tr_1"}"#;
    let error = round_trip(422, body);
    assert_eq!(error.code(), &Code::MissingField);
    assert_eq!(ApiError::code(&error), "missing_field");
    assert_eq!(error.message(), "amount is required");
    assert_eq!(error.field(), Some("amount"));
    assert_eq!(error.trace_id(), Some("tr_1"));
    let items = error.items();
    let codes: Vec<&Code> = items.iter().map(|item| item.code()).collect();
    assert_eq!(
        codes,
        [
            &Code::MissingField,
            &Code::InvalidValue,
            &Code::Unknown(String::new())
        ]
    );
    assert_eq!(items[1].field(), Some("currency"));
    assert_eq!(items[1].message(), Some("currency must be a 3-letter code"));
    assert_eq!(items[1].fields().extra["hint"], "EUR");
    assert_eq!(items[2].message(), Some("no code here"));
}

#[test]
fn an_empty_list_is_an_error_named_by_its_status() {
    let error = round_trip(500, r#"{"errors":[]}"#);
    assert_eq!(error.code(), &Code::Internal);
    assert_eq!(error.identified_by(), IdentifiedBy::Status);
    assert!(error.items().is_empty());
    assert_eq!(error.category(), Category::Internal);
    // With another status nothing names it, and it is still an error, kept as sent.
    let error = round_trip(503, r#"{"errors":[],"retry":true}"#);
    assert_eq!(error.code(), &Code::Unknown(String::new()));
    assert_eq!(error.identified_by(), IdentifiedBy::Nothing);
}

#[test]
fn a_list_beside_a_resource_keeps_the_resource() {
    let body = r#"{"payment":{"id":"pay_1","status":"failed"},"errors":[{"code":"invalid_value","detail":"card expired"}]}"#;
    let error = round_trip(422, body);
    assert_eq!(error.code(), &Code::InvalidValue);
    assert_eq!(error.fields().outer["payment"]["id"], "pay_1");
    assert_eq!(error.items().len(), 1);
}

#[test]
fn bodies_without_the_list_are_not_these_errors() {
    for body in [
        r#"{"error":{"code":"x"}}"#,
        r#"{"errors":{"code":"x"}}"#,
        r#"{"errors":["not an object"]}"#,
    ] {
        let failed = Error::decode(422, body.as_bytes()).unwrap_err();
        assert!(
            matches!(
                failed.kind(),
                errcat::DecodeErrorKind::MissingEnvelope { key: "errors" }
            ),
            "{body}: {:?}",
            failed.kind()
        );
    }
}

#[test]
fn a_built_error_is_a_list_of_one_and_examples_decode() {
    let built = Error::new(Code::MissingField).with_field("amount");
    let body = json(&built.to_json());
    assert_eq!(
        body,
        serde_json::json!({"errors": [{"code": "missing_field", "detail": "A required field is missing.", "field": "amount"}]})
    );
    assert_eq!(Error::decode(422, &built.to_json()).unwrap(), built);
    assert_eq!(EXAMPLES.len(), 2);
    for example in EXAMPLES {
        let error = round_trip(example.status, example.body);
        assert_eq!(Some(error.code().as_str()), example.code);
    }
}
