use std::time::Duration;

use http::{HeaderMap, StatusCode};

use crate::{ApiError, DecodeError, HeaderInfo, HeaderNames, RetryAfter};

/// An error that travels as an HTTP response: decoded from one by a client, rendered as one by a
/// server. Every generated provider `Error` and every `#[derive(ApiError)]` type implements it.
///
/// ```
/// use errcat::{ApiError, HttpError};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(nested = "error", status = 400)]
/// enum ShopError {
///     #[api_error(status = 404, message = "order {order} not found")]
///     OrderNotFound { order: String },
/// }
///
/// // Server side: the response to send.
/// let response = ShopError::OrderNotFound { order: "o_1".into() }.to_http_response();
/// assert_eq!(response.status(), 404);
/// // Client side: what came back, typed again.
/// let (parts, body) = response.into_parts();
/// let error = ShopError::from_http_parts(parts.status, &parts.headers, &body).unwrap();
/// assert_eq!(error.to_string(), "order o_1 not found");
/// ```
pub trait HttpError: ApiError + Sized {
    /// Decodes a response's status, headers and body.
    fn from_http_parts(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Self, DecodeError>;

    /// The full response a server sends: status, JSON body, `Content-Type` and the headers the
    /// error carries (`Retry-After`, rate limits, request id).
    fn to_http_response(&self) -> http::Response<Vec<u8>>;

    /// A successful (2xx) response that is an error after all, for providers that say so in the
    /// body (a catalog's `error_when`, `{"ok": false}`); `None` for every other response. The
    /// default: no success response is an error.
    fn from_success_parts(_status: StatusCode, _headers: &HeaderMap, _body: &[u8]) -> Option<Self> {
        None
    }
}

/// A JSON response with `status`, `body` and `headers` (the shape every error response takes).
pub fn json_response(
    status: StatusCode,
    body: Vec<u8>,
    headers: &HeaderInfo,
) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(body);
    *response.status_mut() = status;
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    headers.write_to(response.headers_mut());
    response
}

/// [`json_response`] writing the headers under a provider's names (its request-id header, say).
pub fn json_response_named(
    status: StatusCode,
    body: Vec<u8>,
    headers: &HeaderInfo,
    names: &HeaderNames,
) -> http::Response<Vec<u8>> {
    let mut response = json_response(status, body, &HeaderInfo::default());
    headers.write_named(response.headers_mut(), names);
    response
}

/// The headers an [`ApiError`] implies: its `Retry-After` and request id.
pub fn headers_of(error: &impl ApiError) -> HeaderInfo {
    HeaderInfo {
        retry_after: error
            .retry_after()
            .map(|delay| RetryAfter::Delay(Duration::from_secs(delay.as_secs()))),
        request_id: error.request_id().map(str::to_owned),
        ..HeaderInfo::default()
    }
}
