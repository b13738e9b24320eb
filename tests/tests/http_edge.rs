//! End to end on 127.0.0.1: an axum server acts as each catalog's provider and renders every
//! code of every catalog; a reqwest client decodes each response; the decoded error equals what
//! the server rendered, status and headers included.

mod common;

use std::time::Duration;

use axum::extract::Path;
use axum::routing::get;
use axum::Router;
use common::Catalog;
use errcat::{ApiError, HeaderInfo, RateLimit, RetryAfter};

/// What the server renders for code `index` of catalog `C`: the catalog's default error, with a
/// request id, rate-limit headers and, for retry-after codes, a `Retry-After`.
fn rendered<C: Catalog>(index: usize) -> Option<C::Error> {
    let code = C::all().get(index)?.clone();
    let error = C::new(code);
    let retry_after = (error.retry() == errcat::RetryAdvice::AfterRetryAfter)
        .then_some(RetryAfter::Delay(Duration::from_secs(2)));
    let headers = HeaderInfo {
        retry_after,
        rate_limit: RateLimit {
            limit: Some(300),
            remaining: Some(0),
            reset: Some(1_699_900_060),
        },
        request_id: Some(format!("req_{}_{index}", C::MODULE)),
        should_retry: None,
    };
    Some(C::with_headers(error, headers))
}

async fn render<C: Catalog>(Path(index): Path<usize>) -> Result<C::Error, axum::http::StatusCode> {
    rendered::<C>(index).ok_or(axum::http::StatusCode::NOT_FOUND)
}

fn router() -> Router {
    let mut router = Router::new();
    each_catalog!(C => {
        router = router.route(&format!("/{}/{{index}}", C::MODULE), get(render::<C>));
    });
    router
}

async fn check_catalog<C: Catalog>(client: &reqwest::Client, base: &str) -> usize {
    for index in 0..C::all().len() {
        let expected = rendered::<C>(index).unwrap();
        let response = client
            .get(format!("{base}/{}/{index}", C::MODULE))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            expected.status(),
            "{} {index}",
            C::MODULE
        );
        assert_eq!(response.headers()["content-type"], "application/json");
        // Under the provider's own request-id header, else the generic one.
        let request_id_header = C::header_names()
            .request_id
            .first()
            .copied()
            .unwrap_or("x-request-id");
        assert_eq!(
            response.headers()[request_id_header],
            format!("req_{}_{index}", C::MODULE).as_str()
        );
        let decoded = errcat::reqwest::decode::<C::Error>(response).await.unwrap();
        assert_eq!(decoded, expected, "{} {index}", C::MODULE);
        assert_eq!(decoded.request_id(), expected.request_id());
        if expected.retry() == errcat::RetryAdvice::AfterRetryAfter {
            assert_eq!(decoded.retry_after(), Some(Duration::from_secs(2)));
        }
    }
    C::all().len()
}

#[tokio::test]
async fn every_code_of_every_catalog_over_http() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move { axum::serve(listener, router()).await });
    let client = reqwest::Client::new();
    let (mut catalogs, mut codes) = (0, 0);
    each_catalog!(C => {
        catalogs += 1;
        codes += check_catalog::<C>(&client, &base).await;
    });
    // The five seed catalogs alone list 52 codes; every other catalog adds its own.
    assert!(
        catalogs >= 5 && codes >= 52,
        "{catalogs} catalogs, {codes} codes"
    );

    // Non-2xx responses become typed errors; 2xx pass through.
    let result = errcat::reqwest::check::<errcat_generated::vaultspay::Error>(
        client.get(format!("{base}/vaultspay/0")).send().await,
    )
    .await;
    let error = result.unwrap_err();
    assert_eq!(
        error.provider().map(|e| e.code().clone()),
        Some(errcat_generated::vaultspay::Code::InvalidApiKey)
    );
    assert_eq!(ApiError::code(&error), "invalid_api_key");
    let missing = errcat::reqwest::check::<errcat_generated::vaultspay::Error>(
        client.get(format!("{base}/vaultspay/999")).send().await,
    )
    .await;
    // A 404 with an empty body is not a provider error: it is reported as undecodable.
    assert!(matches!(
        missing,
        Err(errcat::reqwest::CallError::Decode(_))
    ));
    server.abort();
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error_worth_retrying() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    let result = errcat::reqwest::check::<errcat_generated::vaultspay::Error>(
        reqwest::Client::new()
            .get(format!("http://{address}/"))
            .send()
            .await,
    )
    .await;
    let error = result.unwrap_err();
    assert!(matches!(error, errcat::reqwest::CallError::Transport(_)));
    assert_eq!(error.retry(), errcat::RetryAdvice::Backoff);
    assert_eq!(error.category(), errcat::Category::ProviderUnavailable);
}

#[test]
fn any_provider_error_matches_once_for_all_providers() {
    use errcat_generated::{vaultspay, verification, vrp_billing, AnyProviderError};
    let errors: Vec<AnyProviderError> = vec![
        verification::Error::new(verification::Code::TokenExpired).into(),
        vrp_billing::Error::new(vrp_billing::Code::IdempotencyKeyLocked).into(),
        vaultspay::Error::new(vaultspay::Code::ValidationFailed).into(),
    ];
    let advice: Vec<(&str, errcat::RetryAdvice, errcat::Category)> = errors
        .iter()
        .map(|error| (error.provider().module, error.retry(), error.category()))
        .collect();
    assert_eq!(
        advice,
        [
            (
                "verification",
                errcat::RetryAdvice::RefreshCredentials,
                errcat::Category::Authentication
            ),
            (
                "vrp_billing",
                errcat::RetryAdvice::SameIdempotencyKey,
                errcat::Category::Conflict
            ),
            (
                "vaultspay",
                errcat::RetryAdvice::Never,
                errcat::Category::Validation
            ),
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        verification::Error::new(verification::Code::TokenExpired).to_string()
    );
}

/// A service's own error type, served by axum and decoded by a client, through the derive.
#[derive(Debug, errcat::ApiError)]
#[api_error(nested = "error", status = 400)]
enum ShopError {
    #[api_error(status = 404, message = "item {sku} not found")]
    ItemNotFound { sku: String },
    #[api_error(
        status = 503,
        message = "the warehouse is unavailable",
        retry = "backoff"
    )]
    WarehouseDown,
}

#[tokio::test]
async fn derived_errors_render_and_decode_over_http() {
    let app =
        Router::new()
            .route(
                "/items/{sku}",
                get(|Path(sku): Path<String>| async move {
                    Err::<(), _>(ShopError::ItemNotFound { sku })
                }),
            )
            .route(
                "/warehouse",
                get(|| async { Err::<(), _>(ShopError::WarehouseDown) }),
            );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let client = reqwest::Client::new();

    let response = client
        .get(format!("{base}/items/sku-9"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["content-type"], "application/json");
    let error = errcat::reqwest::decode::<ShopError>(response)
        .await
        .unwrap();
    assert!(matches!(&error, ShopError::ItemNotFound { sku } if sku == "sku-9"));
    assert_eq!(error.to_string(), "item sku-9 not found");

    let result =
        errcat::reqwest::check::<ShopError>(client.get(format!("{base}/warehouse")).send().await)
            .await;
    let error = result.unwrap_err();
    assert!(matches!(error.provider(), Some(ShopError::WarehouseDown)));
    assert_eq!(error.retry(), errcat::RetryAdvice::Backoff);
    server.abort();
}
