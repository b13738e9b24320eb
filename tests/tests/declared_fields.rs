//! Declared fields (`envelope.fields` in `tests/catalogs/numbered.yaml` and
//! `tests/catalogs/fallbacks.yaml`): further keys get typed accessors and setters, stay among the
//! extra keys, and round-trip like any other key.

mod common;

use common::json;
use errcat_generated::twilio;
use errcat_tests::{fallbacks, numbered};
use serde_json::json;

#[test]
fn each_kind_reads_its_json_type_and_nothing_else() {
    let body = br#"{"code":21211,"message":"m","more_info":"https://example.com/21211","status":400,"retryable":false,"params":{"To":"+1"},"causes":[{"code":1}]}"#;
    let error = numbered::Error::decode(400, body).unwrap();
    assert_eq!(error.more_info(), Some("https://example.com/21211"));
    assert_eq!(error.body_status(), Some(400));
    assert_eq!(error.retryable(), Some(false));
    assert_eq!(error.params().unwrap()["To"], "+1");
    assert_eq!(error.causes().unwrap(), [json!({"code": 1})]);
    assert_eq!(json(&error.to_json()), json(body));
    // A value of another type is no value for the accessor, and is kept as sent.
    let odd = br#"{"code":21211,"message":"m","more_info":7,"status":"400","retryable":"no"}"#;
    let error = numbered::Error::decode(400, odd).unwrap();
    assert_eq!(error.more_info(), None);
    assert_eq!(error.body_status(), None);
    assert_eq!(error.retryable(), None);
    assert_eq!(error.params(), None);
    assert_eq!(json(&error.to_json()), json(odd));
}

#[test]
fn setters_write_the_wire_key_and_decoding_reads_it_back() {
    let error = numbered::Error::new(numbered::Code::E21211)
        .with_more_info("https://example.com/21211")
        .with_body_status(400)
        .with_retryable(true)
        .with_causes(vec![json!("a")]);
    let body = json(&error.to_json());
    assert_eq!(body["more_info"], "https://example.com/21211");
    assert_eq!(body["status"], 400);
    assert_eq!(body["retryable"], true);
    assert_eq!(body["causes"], json!(["a"]));
    assert_eq!(
        numbered::Error::decode(400, &error.to_json()).unwrap(),
        error
    );
}

#[test]
fn an_outer_field_sits_beside_the_nested_error() {
    let body = br#"{"error":{"code":"rate_limited","message":"m","doc_url":"https://example.com/429"},"trace":"t-1"}"#;
    let error = fallbacks::Error::decode(429, body).unwrap();
    assert_eq!(error.trace(), Some("t-1"));
    assert_eq!(error.doc_url(), Some("https://example.com/429"));
    let built = fallbacks::Error::new(fallbacks::Code::RateLimited).with_trace("t-2");
    let rendered = json(&built.to_json());
    assert_eq!(rendered["trace"], "t-2");
    assert!(rendered["error"].get("trace").is_none());
    assert_eq!(
        fallbacks::Error::decode(429, &built.to_json()).unwrap(),
        built
    );
}

#[test]
fn declared_keys_are_not_extra_keys() {
    let body =
        br#"{"code":21211,"message":"m","more_info":"https://example.com/21211","undeclared":1}"#;
    let error = numbered::Error::decode(400, body).unwrap();
    assert_eq!(error.more_info(), Some("https://example.com/21211"));
    assert_eq!(error.extra().keys().collect::<Vec<_>>(), ["undeclared"]);
}

#[test]
fn each_item_of_a_list_body_reads_the_declared_fields() {
    // Twilio's Bulk Messaging shape: `infoUrl` and `context` are declared for its items.
    let body = br#"{"errors":[{"code":20404,"message":"a","infoUrl":"https://www.twilio.com/docs/api/errors/20404","context":"null"},{"code":21211,"message":"b","context":"messages[1].to","other":true}]}"#;
    let error = twilio::Error::decode(404, body).unwrap();
    assert_eq!(error.shape(), "bulk");
    let items = error.items();
    assert_eq!(
        items[0].info_url(),
        Some("https://www.twilio.com/docs/api/errors/20404")
    );
    assert_eq!(error.info_url(), items[0].info_url());
    assert_eq!(items[1].info_url(), None);
    assert_eq!(items[1].context(), Some("messages[1].to"));
    assert_eq!(items[1].fields().extra["other"], true);
    assert_eq!(json(&error.to_json()), json(body));
}
