//! Decoding what providers (and the proxies in front of them) really send: unknown codes, extra
//! and missing keys, nulls, wrong types, bodies that are not JSON, and other body shapes. Each
//! behaviour is asserted; nothing sent is dropped.

mod common;

use common::json;
use errcat::{ApiError, Category, DecodeErrorKind, RetryAdvice};
use errcat_generated::{licensekey, vaultspay, verification, vivamo, vrp_billing};

#[test]
fn unknown_code_keeps_its_string_and_classifies_by_status() {
    let body = br#"{"error":{"code":"card_velocity_exceeded","message":"Slow down","type":"invalid_request"}}"#;
    let error = vaultspay::Error::decode(429, body).unwrap();
    assert_eq!(
        error.code(),
        &vaultspay::Code::Unknown("card_velocity_exceeded".into())
    );
    assert!(!error.code().is_known());
    assert_eq!(error.message(), "Slow down");
    assert_eq!(
        error.error_type(),
        Some(&vaultspay::ErrorType::InvalidRequest)
    );
    // Unknown codes take their category and retry advice from the status table.
    assert_eq!(error.category(), Category::RateLimited);
    assert_eq!(error.retry(), vaultspay::status_info(429).unwrap().retry);
    assert_eq!(json(&error.to_json()), json(body));
}

#[test]
fn unknown_code_with_an_undocumented_status_falls_back_to_the_status_class() {
    let error = licensekey::Error::decode(
        504,
        br#"{"code":"gateway_timeout","message":"upstream timed out"}"#,
    )
    .unwrap();
    assert_eq!(error.category(), Category::ProviderUnavailable);
    assert_eq!(error.retry(), RetryAdvice::Backoff);
    assert_eq!(ApiError::code(&error), "gateway_timeout");
}

#[test]
fn extra_keys_are_kept_inside_and_beside_the_error_object() {
    let body = br#"{"error":{"code":"mandate_not_active","message":"m","type":"invalid_request","doc_url":"u","retryable":false},"trace_id":"t-1","meta":{"v":2}}"#;
    let error = vrp_billing::Error::decode(400, body).unwrap();
    assert_eq!(error.code(), &vrp_billing::Code::MandateNotActive);
    assert_eq!(error.extra()["doc_url"], "u");
    assert_eq!(error.extra()["retryable"], false);
    assert_eq!(error.fields().outer["trace_id"], "t-1");
    assert_eq!(json(&error.to_json()), json(body));
}

#[test]
fn missing_optional_keys_decode_and_fall_back_to_the_catalog() {
    let error = vaultspay::Error::decode(401, br#"{"error":{"code":"invalid_api_key"}}"#).unwrap();
    assert_eq!(error.param(), None);
    assert_eq!(error.request_id(), None);
    assert_eq!(error.error_type(), None);
    assert_eq!(error.message(), vaultspay::Code::InvalidApiKey.message());
    // Nothing that was not sent is invented on the way back out.
    assert_eq!(
        json(&error.to_json()),
        serde_json::json!({"error": {"code": "invalid_api_key"}})
    );
}

#[test]
fn nulls_and_wrong_types_are_kept_verbatim() {
    let body = br#"{"error":{"code":"VALIDATION_ERROR","message":"Invalid","field":null,"details":{"nested":true},"retryAfter":"soon"}}"#;
    let error = verification::Error::decode(400, body).unwrap();
    assert_eq!(error.field(), None);
    assert_eq!(error.details(), None);
    assert_eq!(error.retry_after(), None);
    assert_eq!(error.extra()["field"], serde_json::Value::Null);
    assert_eq!(
        error.extra()["details"],
        serde_json::json!({"nested": true})
    );
    assert_eq!(error.extra()["retryAfter"], "soon");
    assert_eq!(json(&error.to_json()), json(body));
}

#[test]
fn metadata_and_request_id_are_typed() {
    let body = br#"{"code":"customer_not_found","message":"No customer found with ID: x","request_id":"req_7f3a2b1c","metadata":{"customer_id":"x","attempt":3}}"#;
    let error = licensekey::Error::decode(404, body).unwrap();
    assert_eq!(error.request_id(), Some("req_7f3a2b1c"));
    let metadata = error.metadata().unwrap();
    assert_eq!(metadata["customer_id"], "x");
    assert_eq!(metadata["attempt"], 3);
    assert_eq!(error.category(), Category::NotFound);
}

#[test]
fn body_request_id_wins_over_the_header_and_the_header_fills_in() {
    let response = http::Response::builder()
        .status(500)
        .header("X-Request-Id", "req_header")
        .body(br#"{"error":{"code":"INTERNAL_SERVER_ERROR","message":"An unexpected error occurred"}}"#.to_vec())
        .unwrap();
    let error = verification::Error::from_http(&response).unwrap();
    assert_eq!(error.request_id(), Some("req_header"));
    let response = http::Response::builder()
        .status(404)
        .header("Request-Id", "req_header")
        .body(br#"{"code":"not_found","message":"m","request_id":"req_body"}"#.to_vec())
        .unwrap();
    assert_eq!(
        licensekey::Error::from_http(&response)
            .unwrap()
            .request_id(),
        Some("req_body")
    );
}

#[test]
fn malformed_headers_are_ignored() {
    let response = http::Response::builder()
        .status(429)
        .header("Retry-After", "in a while")
        .header("X-RateLimit-Limit", "-5")
        .body(
            br#"{"error":{"code":"rate_limit_exceeded","message":"m","type":"rate_limit"}}"#
                .to_vec(),
        )
        .unwrap();
    let error = vaultspay::Error::from_http(&response).unwrap();
    assert_eq!(error.retry_after(), None);
    assert!(error.headers().is_empty());
    assert_eq!(error.code(), &vaultspay::Code::RateLimitExceeded);
}

#[test]
fn bodies_that_are_not_error_objects_are_decode_errors_that_keep_the_body() {
    type Expect = fn(&DecodeErrorKind) -> bool;
    let cases: [(&[u8], Expect); 7] = [
        (b"", |kind| *kind == DecodeErrorKind::Empty),
        (b"  \r\n", |kind| *kind == DecodeErrorKind::Empty),
        (b"<html><body>502 Bad Gateway</body></html>", |kind| {
            matches!(
                kind,
                DecodeErrorKind::Syntax {
                    line: 1,
                    column: 1,
                    ..
                }
            )
        }),
        (br#"{"error":{"code":"server_error","mess"#, |kind| {
            matches!(kind, DecodeErrorKind::Truncated { .. })
        }),
        (br#"["error"]"#, |kind| {
            *kind == DecodeErrorKind::NotAnObject
        }),
        (br#"{"message":"Bad Gateway"}"#, |kind| {
            *kind == DecodeErrorKind::MissingEnvelope { key: "error" }
        }),
        (br#"{"error":{"code":4.2,"message":"m"}}"#, |kind| {
            *kind == DecodeErrorKind::MissingField { key: "code" }
        }),
    ];
    for (body, expected) in cases {
        let error = vaultspay::Error::decode(502, body).unwrap_err();
        assert!(
            expected(error.kind()),
            "{:?}: {:?}",
            String::from_utf8_lossy(body),
            error.kind()
        );
        assert_eq!(error.status(), 502);
        assert_eq!(error.body(), body);
        assert!(
            error
                .to_string()
                .starts_with("cannot decode the 502 response: "),
            "{error}"
        );
    }
}

#[test]
fn invalid_status_is_a_decode_error() {
    let error =
        licensekey::Error::decode(42, br#"{"code":"not_found","message":"m"}"#).unwrap_err();
    assert_eq!(error.kind(), &DecodeErrorKind::InvalidStatus);
}

#[test]
fn vivamo_matches_exact_message_texts() {
    let error =
        vivamo::Error::decode(400, br#"{"message":"This customer already exists"}"#).unwrap();
    assert_eq!(error.code(), &vivamo::Code::CustomerAlreadyExists);
    assert_eq!(
        error.category(),
        vivamo::Code::CustomerAlreadyExists.category()
    );
    assert_eq!(error.to_string(), "This customer already exists (400)");

    // A text that is not documented (or differs by a character) is kept as sent.
    let error =
        vivamo::Error::decode(400, br#"{"message":"This customer already exists!"}"#).unwrap();
    assert_eq!(
        error.code(),
        &vivamo::Code::Unknown("This customer already exists!".into())
    );
}

#[test]
fn vivamo_validation_errors_keep_their_constraints() {
    let body = br#"{"message":"Bad Request","errors":[{"isEmail":"email must be an email"},{"isNotEmpty":"name should not be empty"}]}"#;
    let error = vivamo::Error::decode(400, body).unwrap();
    assert_eq!(error.sub_errors().len(), 2);
    assert_eq!(error.sub_errors()[0]["isEmail"], "email must be an email");
    assert_eq!(error.category(), Category::Validation);
    assert_eq!(json(&error.to_json()), json(body));
}

#[test]
fn vivamo_gateway_bodies_decode_in_both_spellings() {
    let error = vivamo::Error::decode(403, br#"{"message":"Forbidden"}"#).unwrap();
    assert_eq!(error.code(), &vivamo::Code::Unknown("Forbidden".into()));
    assert_eq!(error.category(), Category::Authentication);
    assert_eq!(error.retry(), RetryAdvice::Never);

    let body =
        br#"{"Message":"User is not authorized to access this resource with an explicit deny"}"#;
    let error = vivamo::Error::decode(403, body).unwrap();
    assert_eq!(
        error.message(),
        "User is not authorized to access this resource with an explicit deny"
    );
    assert_eq!(error.category(), Category::Authentication);
    // Re-encoded under the key it came in.
    assert_eq!(json(&error.to_json()), json(body));

    let error = vivamo::Error::decode(403, br#"{"errors":[]}"#).unwrap_err();
    assert_eq!(
        error.kind(),
        &DecodeErrorKind::MissingField { key: "message" }
    );
}

#[test]
fn decode_errors_from_serde_are_errors_too() {
    let result: Result<vaultspay::Error, _> =
        serde_json::from_str(r#"{"error":{"message":"no code"}}"#);
    assert!(result.unwrap_err().to_string().contains("no string `code`"));
    let error: vaultspay::Error =
        serde_json::from_str(r#"{"error":{"code":"kyc_incomplete"}}"#).unwrap();
    assert_eq!(error.status(), http::StatusCode::CONFLICT);
}

#[test]
fn a_hundred_megabyte_body_is_refused_before_parsing() {
    let mut body = b"{\"error\":{\"code\":\"server_error\",\"message\":\"".to_vec();
    body.resize(100 * 1024 * 1024, b'x');
    let started = std::time::Instant::now();
    let error = vaultspay::Error::decode(500, &body).unwrap_err();
    assert_eq!(
        error.kind(),
        &DecodeErrorKind::TooLarge {
            size: 100 * 1024 * 1024,
            limit: errcat::wire::MAX_BODY_BYTES
        }
    );
    assert!(error.body().is_empty(), "the oversized body is not copied");
    assert!(started.elapsed().as_millis() < 1_000);
}

#[test]
fn numbers_where_strings_belong_and_back_are_kept_verbatim() {
    let body = br#"{"code":"not_found","message":404,"request_id":7.5,"metadata":"flat"}"#;
    let error = licensekey::Error::decode(404, body).unwrap();
    assert_eq!(error.message(), licensekey::Code::NotFound.message());
    assert_eq!(error.request_id(), None);
    assert_eq!(error.metadata(), None);
    assert_eq!(error.extra()["message"], 404);
    assert_eq!(error.extra()["request_id"], 7.5);
    assert_eq!(error.extra()["metadata"], "flat");
    assert_eq!(json(&error.to_json()), json(body));
    let body = br#"{"error":{"code":"RATE_LIMIT_EXCEEDED","message":"m","retryAfter":"60"}}"#;
    let error = verification::Error::decode(429, body).unwrap();
    assert_eq!(error.retry_after(), None);
    assert_eq!(json(&error.to_json()), json(body));
}

#[test]
fn debug_of_an_error_shows_status_code_and_body_not_internals() {
    let body = br#"{"error":{"code":"validation_failed","message":"email: bad","type":"invalid_request"}}"#;
    let error = errcat_generated::vaultspay::Error::decode(422, body).unwrap();
    let shown = format!("{error:?}");
    assert!(
        shown.starts_with("Error { status: 422, code: ValidationFailed, body: "),
        "{shown}"
    );
    assert!(shown.contains(r#"\"message\":\"email: bad\""#), "{shown}");
    for internal in ["names", "fields", "identified_by", "code_number"] {
        assert!(!shown.contains(internal), "{internal} in {shown}");
    }
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&error.to_json_string()).unwrap(),
        serde_json::from_slice::<serde_json::Value>(body).unwrap()
    );
}
