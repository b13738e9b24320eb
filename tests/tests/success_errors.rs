//! Errors a provider sends with a success status (`tests/catalogs/ok_false.yaml`:
//! `{"ok": false, "error": "invalid_auth"}` with HTTP 200), end to end on 127.0.0.1, and bodies
//! that carry no message at all.

mod common;

use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use common::json;
use errcat::reqwest::CallError;
use errcat::{ApiError, Category};
use errcat_tests::ok_false::{Code, Error};

async fn answer(Path(case): Path<String>) -> Response {
    match case.as_str() {
        "error" => Error::new(Code::InvalidAuth).into_response(),
        "limited" => Error::new(Code::Ratelimited).into_response(),
        _ => (
            [("content-type", "application/json")],
            r#"{"ok":true,"channel":"C1","ts":"1.2"}"#,
        )
            .into_response(),
    }
}

async fn serve() -> String {
    common::serve(Router::new().route("/{case}", get(answer))).await
}

#[tokio::test]
async fn a_200_that_says_ok_false_is_the_providers_error() {
    let url = serve().await;
    let client = reqwest::Client::new();
    let sent = client.get(format!("{url}/error")).send().await;
    let failed = errcat::reqwest::read::<Error>(sent).await.unwrap_err();
    let CallError::Provider(error) = failed else {
        panic!("expected the provider's error, got {failed:?}");
    };
    assert_eq!(error.code(), &Code::InvalidAuth);
    assert_eq!(error.status().as_u16(), 200);
    assert_eq!(error.category(), Category::Authentication);
    assert_eq!(ApiError::code(&error), "invalid_auth");
    assert_eq!(
        json(&error.to_json()),
        serde_json::json!({"error": "invalid_auth", "ok": false})
    );

    // A real success passes through with its body.
    let sent = client.get(format!("{url}/success")).send().await;
    let success = errcat::reqwest::read::<Error>(sent).await.unwrap();
    assert_eq!(success.status(), 200);
    assert_eq!(json(success.body())["channel"], "C1");

    // An error status is an error as always.
    let sent = client.get(format!("{url}/limited")).send().await;
    let limited = errcat::reqwest::read::<Error>(sent).await.unwrap_err();
    assert_eq!(
        limited.provider().map(|error| error.code().clone()),
        Some(Code::Ratelimited)
    );
    // `check` leaves 2xx bodies unread: a 200 error passes it, as documented.
    let sent = client.get(format!("{url}/error")).send().await;
    assert!(errcat::reqwest::check::<Error>(sent).await.is_ok());
}

#[test]
fn from_success_tells_errors_from_successes() {
    let error = Error::from_success(
        200,
        br#"{"ok":false,"error":"channel_not_found","warning":"superfluous_charset"}"#,
    )
    .unwrap();
    assert_eq!(error.code(), &Code::ChannelNotFound);
    assert_eq!(error.warning(), Some("superfluous_charset"));
    assert_eq!(error.message(), Code::ChannelNotFound.message());
    assert!(Error::from_success(200, br#"{"ok":true}"#).is_none());
    assert!(Error::from_success(200, br#"{"error":"invalid_auth"}"#).is_none());
    assert!(Error::from_success(200, b"not json").is_none());
    // Built errors carry the markers and no message key, and read back as the same error.
    let built = Error::new(Code::ChannelNotFound);
    assert_eq!(built.extra()["ok"], false);
    assert_eq!(
        Error::from_success(200, &built.to_json()),
        Some(built.clone())
    );
    assert!(json(&built.to_json()).get("message").is_none());
    assert_eq!(Error::ERROR_WHEN.len(), 1);
}
