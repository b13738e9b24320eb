use std::fmt;

/// Why a response could not be decoded into a provider's typed error.
///
/// It keeps the status and the body it was given (except for bodies over the size limit), so a
/// caller can still log or inspect what the provider sent. Its `Debug` shows the body as text
/// when it is UTF-8 (as bytes otherwise).
///
/// ```
/// use errcat::DecodeErrorKind;
///
/// // A proxy answered with HTML instead of the provider's JSON.
/// let error = errcat::wire::decode_json::<serde_json::Value>(502, b"<html>Bad gateway</html>")
///     .unwrap_err();
/// assert_eq!(error.status(), 502);
/// assert!(matches!(error.kind(), DecodeErrorKind::Syntax { line: 1, column: 1, .. }));
/// assert_eq!(error.body_text(), "<html>Bad gateway</html>");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct DecodeError {
    status: u16,
    kind: DecodeErrorKind,
    body: Vec<u8>,
    headers: Option<Box<crate::HeaderInfo>>,
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// The body as a string literal when it is UTF-8, else as its bytes.
        struct Body<'a>(&'a [u8]);
        impl fmt::Debug for Body<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match std::str::from_utf8(self.0) {
                    Ok(text) => fmt::Debug::fmt(text, f),
                    Err(_) => fmt::Debug::fmt(self.0, f),
                }
            }
        }
        f.debug_struct("DecodeError")
            .field("status", &self.status)
            .field("kind", &self.kind)
            .field("body", &Body(&self.body))
            .field("headers", &self.headers)
            .finish()
    }
}

/// The reason a [`DecodeError`] happened.
///
/// # Example
///
/// ```
/// use errcat::http::{HeaderMap, StatusCode};
/// use errcat::{ApiError, DecodeErrorKind, HttpError};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(nested = "error")]
/// enum PaymentError {
///     #[api_error(status = 402, message = "The card was declined.")]
///     CardDeclined,
/// }
///
/// // A proxy's HTML page is not the provider's error body.
/// let (status, headers) = (StatusCode::BAD_GATEWAY, HeaderMap::new());
/// let failed = PaymentError::from_http_parts(status, &headers, b"<html>Bad Gateway</html>").unwrap_err();
/// assert!(matches!(failed.kind(), DecodeErrorKind::Syntax { line: 1, column: 1, .. }));
/// let body = br#"{"error":{"code":"card_dec"#;
/// let cut = PaymentError::from_http_parts(StatusCode::PAYMENT_REQUIRED, &headers, body).unwrap_err();
/// assert!(matches!(cut.kind(), DecodeErrorKind::Truncated { .. }));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The body was empty (or only whitespace).
    Empty,
    /// The status is not a valid HTTP status (100..=999).
    InvalidStatus,
    /// The body is larger than the decoder accepts.
    TooLarge {
        /// The body's length in bytes.
        size: usize,
        /// The largest length accepted.
        limit: usize,
    },
    /// The body ended in the middle of a JSON value.
    Truncated {
        /// 1-based line where the input ended.
        line: usize,
        /// 1-based column where the input ended.
        column: usize,
    },
    /// The body is not JSON (an HTML error page from a proxy, plain text, …), or nests too deep.
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What the JSON parser reported.
        message: String,
    },
    /// The body is JSON, but not an object.
    NotAnObject,
    /// The body is a JSON object without the key the provider nests its error under.
    MissingEnvelope {
        /// The nesting key (e.g. `error`).
        key: &'static str,
    },
    /// The body is JSON, but the error type rejects it (an unknown code for a type without an
    /// `other` variant, a field of the wrong type, …).
    Rejected {
        /// Why.
        reason: String,
    },
    /// The error object lacks a key that identifies the error (its code, or for providers that
    /// have no codes, its message), or that key does not hold a string.
    MissingField {
        /// The wire key.
        key: &'static str,
    },
}

impl DecodeError {
    /// A decode error for a response with this status and body.
    pub fn new(status: u16, kind: DecodeErrorKind, body: &[u8]) -> DecodeError {
        let body = match kind {
            DecodeErrorKind::TooLarge { .. } => Vec::new(),
            _ => body.to_vec(),
        };
        DecodeError {
            status,
            kind,
            body,
            headers: None,
        }
    }

    /// The same error, keeping what the response's headers said (generated `from_http` keeps
    /// them, so a body that cannot be decoded still has its request id).
    #[must_use]
    pub fn with_headers(mut self, headers: crate::HeaderInfo) -> DecodeError {
        self.headers = (!headers.is_empty()).then(|| Box::new(headers));
        self
    }

    /// What the response's headers said (empty when decoded from a body alone).
    pub fn headers(&self) -> &crate::HeaderInfo {
        static EMPTY: crate::HeaderInfo = crate::HeaderInfo {
            retry_after: None,
            rate_limit: crate::RateLimit {
                limit: None,
                remaining: None,
                reset: None,
            },
            request_id: None,
            should_retry: None,
        };
        self.headers.as_deref().unwrap_or(&EMPTY)
    }

    /// The request id the response's headers carried, if any.
    pub fn request_id(&self) -> Option<&str> {
        self.headers().request_id.as_deref()
    }

    /// The HTTP status of the response.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Why decoding failed.
    pub fn kind(&self) -> &DecodeErrorKind {
        &self.kind
    }

    /// The body that failed to decode (empty for bodies over the size limit).
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The body as text, with invalid UTF-8 replaced.
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeErrorKind::Empty => f.write_str("the body is empty"),
            DecodeErrorKind::InvalidStatus => f.write_str("the status is not an HTTP status"),
            DecodeErrorKind::TooLarge { size, limit } => {
                write!(f, "the body is {size} bytes, over the {limit}-byte limit")
            }
            DecodeErrorKind::Truncated { line, column } => {
                write!(f, "the body ends early, at line {line} column {column}")
            }
            DecodeErrorKind::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "the body is not valid JSON ({message} at line {line} column {column})"
            ),
            DecodeErrorKind::NotAnObject => f.write_str("the body is JSON but not an object"),
            DecodeErrorKind::MissingEnvelope { key } => {
                write!(f, "the body has no `{key}` object")
            }
            DecodeErrorKind::Rejected { reason } => {
                write!(f, "the body is not one of these errors: {reason}")
            }
            DecodeErrorKind::MissingField { key } => {
                write!(f, "the error has no string `{key}`")
            }
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SNIPPET: usize = 80;
        write!(
            f,
            "cannot decode the {} response: {}",
            self.status, self.kind
        )?;
        if !self.body.is_empty() {
            let text = String::from_utf8_lossy(&self.body);
            let snippet: String = text.chars().take(SNIPPET).collect();
            let more = if text.chars().nth(SNIPPET).is_some() {
                "…"
            } else {
                ""
            };
            write!(f, "; body: {snippet:?}{more}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_a_utf8_body_as_text_and_other_bodies_as_bytes() {
        let text = DecodeError::new(502, DecodeErrorKind::NotAnObject, b"<html>oops</html>");
        let shown = format!("{text:?}");
        assert!(shown.contains(r#"body: "<html>oops</html>""#), "{shown}");
        let bytes = DecodeError::new(502, DecodeErrorKind::NotAnObject, b"\xff\x00");
        let shown = format!("{bytes:?}");
        assert!(shown.contains("body: [255, 0]"), "{shown}");
    }
}
