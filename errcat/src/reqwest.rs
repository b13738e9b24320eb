//! Decoding provider errors from `reqwest` responses.
//!
//! [`check`] passes a 2xx response through and turns anything else into the provider's typed
//! error: `errcat::reqwest::check::<vaultspay::Error>(client.get(url).send().await).await?`.
//! [`read`] does the same with the whole body read, so that it also catches the errors a provider
//! sends with a 2xx status (`{"ok": false, "error": "invalid_auth"}`). [`decode`] reads any
//! response as the provider's error.

use std::fmt;
use std::time::Duration;

use http::StatusCode;

use crate::{ApiError, Category, DecodeError, HttpError, RetryAdvice};

/// Reads a whole response and decodes it as the provider's error (whatever its status).
pub async fn decode<E: HttpError>(response: reqwest::Response) -> Result<E, CallError<E>> {
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.bytes().await.map_err(CallError::Transport)?;
    E::from_http_parts(status, &headers, &body).map_err(CallError::Decode)
}

/// Passes 2xx responses through; turns every other response into the provider's error, and a
/// failed request into [`CallError::Transport`].
pub async fn check<E: HttpError>(
    result: Result<reqwest::Response, reqwest::Error>,
) -> Result<reqwest::Response, CallError<E>> {
    let response = result.map_err(CallError::Transport)?;
    if response.status().is_success() {
        return Ok(response);
    }
    match decode::<E>(response).await {
        Ok(error) => Err(CallError::Provider(error)),
        Err(error) => Err(error),
    }
}

/// Reads the whole response: a 2xx response whose body is not one of the provider's errors comes
/// back as an `http::Response` with its body; every other response (a non-2xx, or a 2xx the
/// provider marks as an error in its body, `{"ok": false}`) becomes the provider's error, and a
/// failed request [`CallError::Transport`].
pub async fn read<E: HttpError>(
    result: Result<reqwest::Response, reqwest::Error>,
) -> Result<http::Response<Vec<u8>>, CallError<E>> {
    let response = result.map_err(CallError::Transport)?;
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.bytes().await.map_err(CallError::Transport)?;
    if !status.is_success() {
        return Err(match E::from_http_parts(status, &headers, &body) {
            Ok(error) => CallError::Provider(error),
            Err(error) => CallError::Decode(error),
        });
    }
    if let Some(error) = E::from_success_parts(status, &headers, &body) {
        return Err(CallError::Provider(error));
    }
    let mut success = http::Response::new(body.to_vec());
    *success.status_mut() = status;
    *success.headers_mut() = headers;
    Ok(success)
}

/// Why a call to a provider failed.
///
/// # Example
///
/// ```
/// use errcat::http::{HeaderMap, StatusCode};
/// use errcat::reqwest::CallError;
/// use errcat::{ApiError, HttpError, RetryAdvice};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(nested = "error")]
/// enum PaymentError {
///     #[api_error(status = 402, message = "The card was declined.", retry = "never")]
///     CardDeclined,
/// }
///
/// // What `errcat::reqwest::check` returns for a 502 HTML page from a proxy: judged by its status.
/// let (status, headers) = (StatusCode::BAD_GATEWAY, HeaderMap::new());
/// let failed = PaymentError::from_http_parts(status, &headers, b"<html>Bad Gateway</html>").unwrap_err();
/// let error = CallError::<PaymentError>::Decode(failed);
/// assert_eq!(error.code(), "undecodable_response");
/// assert_eq!(error.retry(), RetryAdvice::Backoff);
/// assert!(error.provider().is_none());
///
/// let declined = CallError::Provider(PaymentError::CardDeclined);
/// assert_eq!(declined.retry(), RetryAdvice::Never);
/// ```
#[derive(Debug)]
pub enum CallError<E> {
    /// The provider answered with one of its errors.
    Provider(E),
    /// The provider (or something in front of it) answered with a body that is not one of its
    /// errors: an HTML page from a proxy, a truncated body, …
    Decode(DecodeError),
    /// No answer: connection refused or reset, timeout, …
    Transport(reqwest::Error),
}

impl<E: ApiError> CallError<E> {
    /// The provider's error, if that is what failed.
    pub fn provider(&self) -> Option<&E> {
        match self {
            CallError::Provider(error) => Some(error),
            _ => None,
        }
    }
}

impl<E: fmt::Display> fmt::Display for CallError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Provider(error) => write!(f, "{error}"),
            CallError::Decode(error) => write!(f, "{error}"),
            CallError::Transport(error) => write!(f, "the request failed: {error}"),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for CallError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CallError::Provider(error) => Some(error),
            CallError::Decode(error) => Some(error),
            CallError::Transport(error) => Some(error),
        }
    }
}

/// A failed call is an [`ApiError`] too, so retry and logging treat all failures alike: a
/// provider error answers for itself; an undecodable response is judged by its status (a 502
/// HTML page from a proxy is worth retrying); a transport failure is transient.
impl<E: ApiError + 'static> ApiError for CallError<E> {
    fn code(&self) -> &str {
        match self {
            CallError::Provider(error) => error.code(),
            CallError::Decode(_) => "undecodable_response",
            CallError::Transport(_) => "transport_error",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            CallError::Provider(error) => error.status(),
            CallError::Decode(error) => {
                StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_GATEWAY)
            }
            CallError::Transport(error) => error.status().unwrap_or(StatusCode::BAD_GATEWAY),
        }
    }

    fn message(&self) -> std::borrow::Cow<'_, str> {
        match self {
            CallError::Provider(error) => error.message(),
            other => std::borrow::Cow::Owned(other.to_string()),
        }
    }

    fn user_message(&self) -> std::borrow::Cow<'_, str> {
        match self {
            CallError::Provider(error) => error.user_message(),
            other => std::borrow::Cow::Borrowed(other.category().default_user_message()),
        }
    }

    fn retry(&self) -> RetryAdvice {
        match self {
            CallError::Provider(error) => error.retry(),
            CallError::Decode(error) => RetryAdvice::for_status(error.status()),
            CallError::Transport(_) => RetryAdvice::Backoff,
        }
    }

    fn category(&self) -> Category {
        match self {
            CallError::Provider(error) => error.category(),
            CallError::Decode(error) => Category::for_status(error.status()),
            CallError::Transport(_) => Category::ProviderUnavailable,
        }
    }

    fn request_id(&self) -> Option<&str> {
        self.provider().and_then(ApiError::request_id)
    }

    fn retry_after(&self) -> Option<Duration> {
        self.provider().and_then(ApiError::retry_after)
    }
}
