//! For every code of every catalog: what a server renders, a client decodes to the same value —
//! through bytes, through an `http::Response`, and through serde.

mod common;

use common::{json, Catalog};
use errcat::ApiError;

fn every_code_round_trips<C: Catalog>() {
    assert!(!C::all().is_empty());
    for code in C::all() {
        let original = C::new(code.clone());
        // Built with the code's documented status, else the one its category implies.
        let expected = C::code_status(code).unwrap_or(C::code_category(code).typical_status());
        assert_eq!(original.status(), expected);

        let body = C::to_json(&original);
        let decoded = C::decode(original.status().as_u16(), &body).unwrap();
        assert_eq!(
            decoded,
            original,
            "{}: {} through bytes",
            C::MODULE,
            C::wire(code)
        );

        let response = C::to_http(&original);
        assert_eq!(response.status(), original.status());
        assert_eq!(response.headers()["content-type"], "application/json");
        assert_eq!(
            C::from_http(&response).unwrap(),
            original,
            "{}: through http",
            C::MODULE
        );

        let value = serde_json::to_value(&original).unwrap();
        assert_eq!(value, json(&body));
        let back: C::Error = serde_json::from_value(value).unwrap();
        assert_eq!(back, original, "{}: through serde", C::MODULE);

        assert_eq!(C::from_wire(C::wire(code)), *code);
        let parsed: C::Code = C::wire(code).parse().ok().unwrap();
        assert_eq!(parsed, *code);
        assert_eq!(code.to_string(), C::wire(code));
    }
}

#[test]
fn every_code_of_every_catalog() {
    each_catalog!(every_code_round_trips);
}

#[test]
fn codes_serialize_as_their_wire_strings() {
    use errcat_generated::verification::Code;
    assert_eq!(
        serde_json::to_string(&Code::TokenExpired).unwrap(),
        r#""TOKEN_EXPIRED""#
    );
    let unknown: Code = serde_json::from_str(r#""SOMETHING_NEW""#).unwrap();
    assert_eq!(unknown, Code::Unknown("SOMETHING_NEW".to_owned()));
    assert_eq!(
        serde_json::to_string(&unknown).unwrap(),
        r#""SOMETHING_NEW""#
    );
}

#[test]
fn built_errors_render_every_set_field() {
    use errcat_generated::vaultspay::{Code, Error, ErrorType};
    let error = Error::new(Code::ValidationFailed)
        .with_message("email: must be a valid email address")
        .with_param("email")
        .with_request_id("req_1")
        .with_extra("doc_url", "https://example.invalid/errors");
    assert_eq!(
        json(&error.to_json()),
        serde_json::json!({"error": {
            "code": "validation_failed",
            "message": "email: must be a valid email address",
            "type": "invalid_request",
            "param": "email",
            "request_id": "req_1",
            "doc_url": "https://example.invalid/errors",
        }})
    );
    assert_eq!(error.error_type(), Some(&ErrorType::InvalidRequest));
    assert_eq!(Error::decode(422, &error.to_json()).unwrap(), error);
}
