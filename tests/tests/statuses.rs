//! Statuses documented for some codes only, and several for one code
//! (`tests/catalogs/partial_statuses.yaml`): a code without a status keeps the status of the
//! response it comes with, and its retry advice and category follow that status unless the
//! catalog states them; nothing is invented.

mod common;

use common::json;
use errcat::http::StatusCode;
use errcat::{ApiError, Category, RetryAdvice};
use errcat_tests::partial_statuses::{Code, Error, EXAMPLES};

#[test]
fn a_code_lists_every_documented_status_and_is_built_with_the_first() {
    assert_eq!(Code::RateLimit.statuses(), [403, 429]);
    assert_eq!(Code::RateLimit.status(), Some(StatusCode::FORBIDDEN));
    assert_eq!(Code::RateLimit.info().unwrap().status(), Some(403));
    let built = Error::new(Code::RateLimit);
    assert_eq!(built.status(), StatusCode::FORBIDDEN);
    // Decoded with either documented status, it keeps the one it came with.
    let body =
        br#"{"error":{"code":"rate_limit","message":"You have exceeded a secondary rate limit."}}"#;
    let secondary = Error::decode(429, body).unwrap();
    assert_eq!(secondary.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(secondary.code(), &Code::RateLimit);
    // Its advice comes from its first status: the status table's 403 row.
    assert_eq!(secondary.retry(), RetryAdvice::Backoff);
    assert_eq!(secondary.category(), Category::RateLimited);
}

#[test]
fn a_code_without_a_status_keeps_the_response_status_and_follows_it() {
    assert_eq!(Code::InvalidNumber.status(), None);
    assert!(Code::InvalidNumber.statuses().is_empty());
    // Nothing stated and no status: a `Code` alone cannot tell.
    assert_eq!(Code::InvalidNumber.retry(), RetryAdvice::Never);
    assert_eq!(Code::InvalidNumber.category(), Category::Unknown);
    assert_eq!(Code::InvalidNumber.info().unwrap().category, None);

    let body = br#"{"error":{"code":"invalid_number","message":"Invalid number"}}"#;
    let unprocessable = Error::decode(422, body).unwrap();
    assert_eq!(unprocessable.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unprocessable.category(), Category::Validation);
    assert_eq!(unprocessable.retry(), RetryAdvice::Never);
    assert_eq!(
        unprocessable.user_message(),
        Category::Validation.default_user_message()
    );
    // The same code with another status follows that status (the table's 403 row here).
    let forbidden = Error::decode(403, body).unwrap();
    assert_eq!(forbidden.category(), Category::RateLimited);
    assert_eq!(forbidden.retry(), RetryAdvice::Backoff);
    let unavailable = Error::decode(503, body).unwrap();
    assert_eq!(unavailable.category(), Category::ProviderUnavailable);
    assert_eq!(unavailable.retry(), RetryAdvice::Backoff);
}

#[test]
fn stated_advice_wins_over_the_response_status() {
    let body = br#"{"error":{"code":"account_suspended","message":"m"}}"#;
    let error = Error::decode(400, body).unwrap();
    assert_eq!(error.category(), Category::Permission);
    assert_eq!(Code::AccountSuspended.category(), Category::Permission);
    // Retry is not stated: it follows the response's status.
    assert_eq!(error.retry(), RetryAdvice::Never);
    // A type without a status gives its category; the code states its retry.
    let backend =
        Error::decode(500, br#"{"error":{"code":"backend_failed","message":"m"}}"#).unwrap();
    assert_eq!(backend.category(), Category::Internal);
    assert_eq!(backend.retry(), RetryAdvice::Backoff);
}

#[test]
fn built_errors_take_the_status_their_category_implies_and_round_trip() {
    assert_eq!(
        Error::new(Code::AccountSuspended).status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        Error::new(Code::BackendFailed).status(),
        StatusCode::INTERNAL_SERVER_ERROR
    );
    // Neither status nor category: the unknown category's 500.
    assert_eq!(
        Error::new(Code::InvalidNumber).status(),
        StatusCode::INTERNAL_SERVER_ERROR
    );
    for code in Code::ALL {
        let built = Error::new(code.clone());
        let decoded = Error::decode(built.status().as_u16(), &built.to_json()).unwrap();
        assert_eq!(decoded, built, "{code:?}");
        assert_eq!(ApiError::status(&decoded), built.status());
    }
}

#[test]
fn examples_carry_their_own_statuses() {
    let statuses: Vec<(Option<&str>, u16)> = EXAMPLES
        .iter()
        .map(|example| (example.code, example.status))
        .collect();
    assert_eq!(
        statuses,
        [
            (Some("rate_limit"), 403),
            (Some("rate_limit"), 429),
            (Some("invalid_number"), 422)
        ]
    );
    for example in EXAMPLES {
        let error = Error::decode(example.status, example.body.as_bytes()).unwrap();
        assert_eq!(error.status().as_u16(), example.status);
        assert_eq!(json(&error.to_json()), json(example.body.as_bytes()));
    }
}
