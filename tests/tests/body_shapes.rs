//! One provider, several body shapes (`tests/catalogs/shapes.yaml`: its own body, the built-in
//! OAuth 2.0 shape and a bulk endpoint's list): decoding picks the shape that names the error,
//! and rendering writes the shape the error came in (or, built, the code's shape).

mod common;

use common::json;
use errcat::ApiError;
use errcat_tests::shapes::{Code, Error, SHAPES};

fn round_trip(status: u16, body: &str) -> Error {
    let error = Error::decode(status, body.as_bytes()).unwrap();
    assert_eq!(json(&error.to_json()), json(body.as_bytes()), "{body}");
    assert_eq!(Error::decode(status, &error.to_json()).unwrap(), error);
    let through_serde: Error = serde_json::from_str(body).unwrap();
    assert_eq!(through_serde.code(), error.code());
    assert_eq!(through_serde.shape(), error.shape());
    error
}

#[test]
fn each_body_is_read_in_the_shape_that_names_its_error() {
    assert_eq!(SHAPES, ["main", "oauth", "bulk"]);
    let main = round_trip(
        400,
        r#"{"name":"INVALID_REQUEST","message":"Request is not well-formed.","debug_id":"d1"}"#,
    );
    assert_eq!((main.code(), main.shape()), (&Code::InvalidRequest, "main"));
    assert_eq!(main.request_id(), Some("d1"));

    let oauth = round_trip(
        401,
        r#"{"error":"invalid_client","error_description":"Client Authentication failed","error_uri":"https://example.com/oauth"}"#,
    );
    assert_eq!(
        (oauth.code(), oauth.shape()),
        (&Code::InvalidClient, "oauth")
    );
    assert_eq!(oauth.message(), "Client Authentication failed");
    assert_eq!(oauth.extra()["error_uri"], "https://example.com/oauth");
    assert_eq!(ApiError::code(&oauth), "invalid_client");

    let bulk = round_trip(
        400,
        r#"{"errors":[{"name":"INVALID_REQUEST","message":"Row 1 is invalid."},{"name":"brand_new"}]}"#,
    );
    assert_eq!((bulk.code(), bulk.shape()), (&Code::InvalidRequest, "bulk"));

    // An OAuth code unknown to the catalog is still read in the OAuth shape: its code is there.
    let unknown = round_trip(400, r#"{"error":"unsupported_grant_type"}"#);
    assert_eq!(
        unknown.code(),
        &Code::Unknown("unsupported_grant_type".into())
    );
    assert_eq!(unknown.shape(), "oauth");
}

#[test]
fn a_body_no_shape_reads_fails_as_the_main_shape_does() {
    let failed = Error::decode(400, br#"{"message":"no code anywhere"}"#).unwrap_err();
    assert!(matches!(
        failed.kind(),
        errcat::DecodeErrorKind::MissingField { key: "name" }
    ));
    assert!(Error::decode(400, b"<html>").is_err());
}

#[test]
fn built_errors_render_in_their_codes_shape() {
    let oauth = Error::new(Code::InvalidGrant);
    assert_eq!(oauth.shape(), "oauth");
    assert_eq!(
        json(&oauth.to_json()),
        serde_json::json!({"error": "invalid_grant", "error_description": "The authorization grant is invalid or expired."})
    );
    assert_eq!(Error::decode(400, &oauth.to_json()).unwrap(), oauth);
    let main = Error::new(Code::InvalidRequest);
    assert_eq!(main.shape(), "main");
    assert_eq!(json(&main.to_json())["name"], "INVALID_REQUEST");
}

#[test]
fn rfc_9457_problem_details_are_a_built_in_envelope() {
    use errcat_tests::problems::{Code, Error};
    let body = r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#;
    let error = Error::decode(403, body.as_bytes()).unwrap();
    assert_eq!(error.code(), &Code::OutOfCredit);
    assert_eq!(
        error.message(),
        "Your current balance is 30, but that costs 50."
    );
    assert_eq!(error.extra()["balance"], 30);
    assert_eq!(error.extra()["title"], "You do not have enough credit.");
    assert_eq!(error.shape(), "main");
    assert_eq!(json(&error.to_json()), json(body.as_bytes()));
    assert_eq!(error.category(), errcat::Category::BusinessRule);
    // No `type`: RFC 9457's `about:blank`, named here by the status row.
    let blank = Error::decode(404, br#"{"title":"Not Found","status":404}"#).unwrap();
    assert_eq!(blank.code(), &Code::AboutBlank);
    assert_eq!(
        json(&blank.to_json()),
        serde_json::json!({"title": "Not Found", "status": 404})
    );
    // The OAuth shape beside it.
    let oauth = Error::decode(
        400,
        br#"{"error":"invalid_grant","error_description":"The code has expired."}"#,
    )
    .unwrap();
    assert_eq!(
        (oauth.code(), oauth.shape()),
        (&Code::InvalidGrant, "oauth")
    );
}
