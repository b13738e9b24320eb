//! Bodies without their code, and messages that embed values (`tests/catalogs/fallbacks.yaml`,
//! `tests/catalogs/by_text.yaml`): each is still an `Error`, told apart by the catalog's
//! `identify_by` steps in order, keeps every key and re-encodes to the same JSON.

mod common;

use common::json;
use errcat::wire::IdentifiedBy;
use errcat::{ApiError, Category, RetryAdvice};
use errcat_tests::{by_text, fallbacks};

fn decoded_fallbacks(status: u16, body: &str) -> fallbacks::Error {
    let error = fallbacks::Error::decode(status, body.as_bytes()).unwrap();
    assert_eq!(json(&error.to_json()), json(body.as_bytes()), "{body}");
    assert_eq!(
        fallbacks::Error::decode(status, &error.to_json()).unwrap(),
        error
    );
    error
}

#[test]
fn the_code_comes_first_when_the_body_has_one() {
    let error = decoded_fallbacks(
        400,
        r#"{"error":{"code":"amount_too_large","message":"Amount must be no more than 5 EUR.","type":"rate_limit_error"}}"#,
    );
    assert_eq!(error.code(), &fallbacks::Code::AmountTooLarge);
    assert_eq!(error.identified_by(), IdentifiedBy::Code);
    // An unlisted code is still the body's code: no fallback second-guesses it.
    let error = decoded_fallbacks(
        400,
        r#"{"error":{"code":"brand_new","type":"rate_limit_error"}}"#,
    );
    assert_eq!(error.code(), &fallbacks::Code::Unknown("brand_new".into()));
    assert_eq!(error.identified_by(), IdentifiedBy::Code);
}

#[test]
fn a_body_without_a_code_is_told_apart_by_pattern_type_then_status() {
    use fallbacks::Code;
    // The type names the code.
    let body = r#"{"error":{"type":"authentication_error","message":"Invalid API Key provided: sk_test_****1234","request_id":"req_1"}}"#;
    let error = decoded_fallbacks(401, body);
    assert_eq!(error.code(), &Code::InvalidApiKey);
    assert_eq!(error.identified_by(), IdentifiedBy::Type);
    assert_eq!(error.request_id(), Some("req_1"));
    assert_eq!(error.category(), Category::Authentication);
    // `null` is no code either; the null is kept as sent.
    let body = r#"{"error":{"code":null,"type":"rate_limit_error","message":"Slow down"}}"#;
    let error = decoded_fallbacks(429, body);
    assert_eq!(error.code(), &Code::RateLimited);
    assert_eq!(error.retry(), RetryAdvice::AfterRetryAfter);
    assert_eq!(error.extra()["code"], serde_json::Value::Null);
    // The message pattern comes before the type (the catalog's order) and gives its values.
    let body = r#"{"error":{"message":"Amount must be no more than 999,999.99 EUR.","type":"authentication_error"}}"#;
    let error = decoded_fallbacks(400, body);
    assert_eq!(error.code(), &Code::AmountTooLarge);
    assert_eq!(error.identified_by(), IdentifiedBy::Pattern);
    assert_eq!(
        error.message_values(),
        [("limit", "999,999.99"), ("currency", "EUR")]
    );
    // The status names the code when nothing else does.
    let error = decoded_fallbacks(404, r#"{"error":{"message":"Not Found"}}"#);
    assert_eq!(error.code(), &Code::ResourceMissing);
    assert_eq!(error.identified_by(), IdentifiedBy::Status);
    // Nothing identifies it: still an error, with every key, and no code invented on the wire.
    let error = decoded_fallbacks(
        500,
        r#"{"error":{"message":"Something broke","type":"api_error"}}"#,
    );
    assert_eq!(error.code(), &Code::Unknown(String::new()));
    assert_eq!(error.identified_by(), IdentifiedBy::Nothing);
    assert_eq!(error.message(), "Something broke");
    assert_eq!(error.category(), Category::Internal);
    assert!(json(&error.to_json())["error"].get("code").is_none());
}

#[test]
fn built_errors_fill_their_pattern_and_keep_their_code() {
    use fallbacks::{Code, Error};
    let error = Error::new(Code::AmountTooLarge)
        .with_message_values(&[("limit", "10"), ("currency", "USD")]);
    assert_eq!(error.message(), "Amount must be no more than 10 USD.");
    assert_eq!(
        error.message_values(),
        [("limit", "10"), ("currency", "USD")]
    );
    assert_eq!(error.identified_by(), IdentifiedBy::Code);
    let body = json(&error.to_json());
    assert_eq!(body["error"]["code"], "amount_too_large");
    assert_eq!(Error::decode(400, &error.to_json()).unwrap(), error);
    // A code without a pattern keeps its message.
    let plain = Error::new(Code::RateLimited).with_message_values(&[("limit", "1")]);
    assert_eq!(plain.message(), "Too many requests.");
    assert!(plain.message_values().is_empty());
    assert_eq!(
        Code::from_pattern("Amount must be no more than 1 X."),
        Some(Code::AmountTooLarge)
    );
    assert_eq!(Code::from_pattern("Amount must be no more than 1 X"), None);
}

#[test]
fn a_provider_without_codes_matches_texts_patterns_then_statuses() {
    use by_text::{Code, Error};
    let exact = Error::decode(401, br#"{"message":"Bad credentials"}"#).unwrap();
    assert_eq!(exact.code(), &Code::BadCredentials);
    assert_eq!(exact.identified_by(), IdentifiedBy::Message);

    let body = br#"{"message":"API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit.)","documentation_url":"https://docs.example.com/rate-limiting"}"#;
    let limited = Error::decode(403, body).unwrap();
    assert_eq!(limited.code(), &Code::RateLimited);
    assert_eq!(limited.identified_by(), IdentifiedBy::Pattern);
    assert_eq!(limited.message_values(), [("ip", "203.0.113.7")]);
    assert_eq!(limited.retry(), RetryAdvice::AfterRetryAfter);
    assert_eq!(json(&limited.to_json()), json(body));
    assert_eq!(Error::decode(403, &limited.to_json()).unwrap(), limited);

    // An unlisted text with a status that names a code is that code; with another status, it
    // stays unknown under its text.
    let missing = Error::decode(404, br#"{"message":"Repository not available"}"#).unwrap();
    assert_eq!(missing.code(), &Code::NotFound);
    assert_eq!(missing.identified_by(), IdentifiedBy::Status);
    assert_eq!(missing.message(), "Repository not available");
    let other = Error::decode(500, br#"{"message":"Server Error"}"#).unwrap();
    assert_eq!(other.code(), &Code::Unknown("Server Error".into()));
    assert_eq!(other.identified_by(), IdentifiedBy::Message);
    // No message at all: the status still names the code.
    let bare = Error::decode(404, br#"{"documentation_url":"https://docs.example.com"}"#).unwrap();
    assert_eq!(bare.code(), &Code::NotFound);
    assert_eq!(ApiError::status(&bare).as_u16(), 404);

    // Built with values, the text is the pattern's, and it decodes back to the same error.
    let built = Error::new(Code::RateLimited).with_message_values(&[("ip", "198.51.100.1")]);
    assert!(built
        .message()
        .starts_with("API rate limit exceeded for 198.51.100.1."));
    assert_eq!(built.identified_by(), IdentifiedBy::Pattern);
    assert_eq!(Error::decode(403, &built.to_json()).unwrap(), built);
}

#[test]
fn documented_examples_decode_to_their_codes() {
    for (status, body, code) in fallbacks::EXAMPLES
        .iter()
        .map(|example| (example.status, example.body, example.code))
    {
        let error = decoded_fallbacks(status, body);
        assert_eq!(
            code,
            error.code().is_known().then(|| error.code().as_str()),
            "{body}"
        );
    }
    for example in by_text::EXAMPLES {
        let error = by_text::Error::decode(example.status, example.body.as_bytes()).unwrap();
        assert_eq!(
            example.code,
            Some(error.code().as_str()),
            "{}",
            example.body
        );
        assert_eq!(json(&error.to_json()), json(example.body.as_bytes()));
    }
}
