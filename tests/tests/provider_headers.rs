//! A catalog's own header names (`header_names` in `tests/catalogs/numbered.yaml`), end to end on
//! 127.0.0.1: a server renders errors with the provider's request-id, retry-hint and rate-limit
//! headers; a client reads them back by those names, lets the retry hint decide, and keeps them
//! when a body cannot be decoded.

mod common;

use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use errcat::{ApiError, HeaderInfo, RateLimit, RetryAdvice};
use errcat_tests::numbered::{Code, Error, HEADER_NAMES};

async fn answer(Path(case): Path<String>) -> Response {
    let headers = |should_retry| HeaderInfo {
        request_id: Some(format!("RQ-{case}")),
        should_retry,
        rate_limit: RateLimit {
            limit: Some(100),
            remaining: Some(3),
            reset: None,
        },
        ..HeaderInfo::default()
    };
    match case.as_str() {
        // A validation error the provider says may be retried after all.
        "hinted" => Error::new(Code::E21211)
            .with_headers(headers(Some(true)))
            .into_response(),
        // An outage the provider says not to retry.
        "final" => Error::new(Code::E20503)
            .with_headers(headers(Some(false)))
            .into_response(),
        // A gateway's HTML page with the provider's request id.
        _ => (
            axum::http::StatusCode::BAD_GATEWAY,
            [("numbered-request-id", format!("RQ-{case}"))],
            "<html>502 Bad Gateway</html>",
        )
            .into_response(),
    }
}

async fn serve() -> String {
    common::serve(Router::new().route("/{case}", get(answer))).await
}

#[tokio::test]
async fn the_providers_header_names_are_written_and_read() {
    let url = serve().await;
    let response = reqwest::get(format!("{url}/hinted")).await.unwrap();
    // The server wrote the provider's names, not the generic ones.
    assert_eq!(response.headers()["numbered-request-id"], "RQ-hinted");
    assert_eq!(response.headers()["numbered-should-retry"], "true");
    assert_eq!(response.headers()["x-numbered-limit"], "100");
    assert_eq!(response.headers()["x-numbered-remaining"], "3");
    assert!(response.headers().get("x-request-id").is_none());
    let error = errcat::reqwest::decode::<Error>(response).await.unwrap();
    assert_eq!(error.code(), &Code::E21211);
    assert_eq!(error.request_id(), Some("RQ-hinted"));
    assert_eq!(error.headers().rate_limit.remaining, Some(3));
    // The catalog says never; the provider's hint says a retry can succeed.
    assert_eq!(Code::E21211.retry(), RetryAdvice::Never);
    assert_eq!(error.headers().should_retry, Some(true));
    assert_eq!(error.retry(), RetryAdvice::Backoff);

    let response = reqwest::get(format!("{url}/final")).await.unwrap();
    let error = errcat::reqwest::decode::<Error>(response).await.unwrap();
    assert_eq!(Code::E20503.retry(), RetryAdvice::Backoff);
    assert_eq!(error.retry(), RetryAdvice::Never);
    assert_eq!(ApiError::retry(&error), RetryAdvice::Never);
}

#[tokio::test]
async fn a_body_that_does_not_decode_keeps_the_status_and_the_headers() {
    let url = serve().await;
    let response = reqwest::get(format!("{url}/gateway")).await.unwrap();
    let failed = errcat::reqwest::decode::<Error>(response)
        .await
        .unwrap_err();
    let errcat::reqwest::CallError::Decode(failed) = failed else {
        panic!("expected a decode error, got {failed:?}");
    };
    assert_eq!(failed.status(), 502);
    assert_eq!(failed.request_id(), Some("RQ-gateway"));
    assert_eq!(failed.body_text(), "<html>502 Bad Gateway</html>");
    assert!(matches!(
        failed.kind(),
        errcat::DecodeErrorKind::Syntax { .. }
    ));
}

#[test]
fn the_generated_names_are_the_catalogs() {
    assert_eq!(
        HEADER_NAMES.request_id,
        ["Numbered-Request-Id", "X-Numbered-Request-Id"]
    );
    assert_eq!(HEADER_NAMES.should_retry, ["Numbered-Should-Retry"]);
    assert!(HEADER_NAMES.rate_limit_reset.is_empty());
    // The second request-id name and the generic ones are read too, in that order.
    let mut headers = http::HeaderMap::new();
    headers.insert("x-request-id", "generic".parse().unwrap());
    headers.insert("x-numbered-request-id", "second".parse().unwrap());
    let info = HeaderInfo::from_headers_named(&headers, &HEADER_NAMES);
    assert_eq!(info.request_id.as_deref(), Some("second"));
    headers.remove("x-numbered-request-id");
    let info = HeaderInfo::from_headers_named(&headers, &HEADER_NAMES);
    assert_eq!(info.request_id.as_deref(), Some("generic"));
}
