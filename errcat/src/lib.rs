//! errcat: typed errors for the HTTP APIs you call and the ones you serve.
//!
//! This is the runtime facade. Provider modules generated from YAML catalogs (see the
//! `errcat-generated` crate and `errcat-codegen`) depend only on the items here:
//!
//! - [`ApiError`]: what every error exposes (code, status, messages, retry advice, category);
//! - [`Category`]: one small cross-provider classification, so one `match` handles every provider;
//! - [`RetryAdvice`]: what a client should do about an error;
//! - [`DecodeError`]: why a response body could not be turned into a typed error;
//! - [`HeaderInfo`]: the response headers an error carries (`Retry-After`, rate limits, request id);
//! - [`CodeInfo`], [`TypeInfo`], [`StatusInfo`], [`Example`], [`ProviderInfo`]: the catalog facts generated code
//!   exposes as static tables;
//! - [`wire`]: the envelope description and the body decoder/encoder the generated code drives.
//!
//! # `#[derive(ApiError)]`
//!
//! Your own error types get what catalogs get: `Display` (from message templates),
//! `std::error::Error` (with `source()`), [`ApiError`] (code, status, messages, retry advice,
//! category), `Serialize` to a wire envelope, `Deserialize` from it, and `From` impls.
//!
//! ```
//! use errcat::{ApiError, Category, RetryAdvice};
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(nested = "error", status = 400, retry = "never")]
//! pub enum PaymentError {
//!     /// The card was declined.
//!     #[api_error(status = 402, category = "business_rule", user_message = "Please use another card.")]
//!     CardDeclined,
//!
//!     #[api_error(status = NOT_FOUND, message = "order {order_id} not found")]
//!     OrderNotFound { order_id: String },
//!
//!     #[api_error(status = 503, message = "the bank is unavailable", retry = "backoff")]
//!     BankUnavailable(#[from] std::io::Error),
//!
//!     #[api_error(other)]
//!     Other(String),
//! }
//!
//! let error = PaymentError::OrderNotFound { order_id: "o_1".into() };
//! assert_eq!(error.to_string(), "order o_1 not found");
//! assert_eq!(ApiError::code(&error), "order_not_found");
//! assert_eq!(error.status(), 404);
//! assert_eq!(error.category(), Category::NotFound);
//! assert_eq!(
//!     serde_json::to_value(&error).unwrap(),
//!     serde_json::json!({"error": {"code": "order_not_found", "message": "order o_1 not found", "order_id": "o_1"}})
//! );
//! let unknown: PaymentError = serde_json::from_str(r#"{"error":{"code":"new_one"}}"#).unwrap();
//! assert!(matches!(unknown, PaymentError::Other(code) if code == "new_one"));
//! assert_eq!(PaymentError::CardDeclined.retry(), RetryAdvice::Never);
//! ```
//!
//! On the type (`#[api_error(...)]` on the enum): `nested = "error"` (default: a flat body),
//! `code_key`, `message_key`, `type_key`, `field_key`, `request_id_key` (wire key names; default
//! `code`, `message`, …), `rename_all` (the case of default codes: `snake_case` (default),
//! `SCREAMING_SNAKE_CASE`, `kebab-case`, `SCREAMING-KEBAB-CASE`, `camelCase`, `PascalCase`,
//! `lowercase`, `UPPERCASE`), `status` and `retry` (defaults for the variants).
//!
//! On a variant: `code = "..."` (default: the variant name in the `rename_all` case),
//! `status = 404` or a `StatusCode` constant name (`NOT_FOUND`, `StatusCode::NOT_FOUND`),
//! `message = "..."` (a template: `{field}`, `{0}`, `{field:?}`, format specs; default: the doc
//! comment), `user_message`, `fix`, `description`, `retry` (`never`, `backoff`, `retry_after`,
//! `refresh_credentials`, `same_idempotency_key`), `category`, `type`; `transparent` (forward
//! everything to the single field, an `ApiError` itself); `other` (the variant that receives unknown codes:
//! with one `String` field it keeps the code; written `Other { code: String, message: String,
//! #[api_error(extra)] extra: serde_json::Map<String, serde_json::Value> }` it keeps the message
//! and every other key of the body too, and re-encodes it exactly). On a struct, the type's and a variant's keys together.
//!
//! On a field: `#[source]` (the underlying error; a field named `source` is one too), `#[from]`
//! (a source with a `From` impl), `#[api_error(skip)]` (kept off the wire, rebuilt with
//! `Default`). Other fields become keys of the error object: `#[api_error(rename = "...")]`
//! names the key (else the field's name; a tuple field's index, `"0"`, `"1"`, …);
//! `#[api_error(retry_after)]` makes a `u64`, `u32` or `Duration` field (optional or not)
//! `ApiError::retry_after` and so the `Retry-After` header and the wait `errcat::retry` honours;
//! `#[api_error(request_id)]` makes a `String` field (optional or not) `ApiError::request_id`.
//! A tuple field so marked goes on the wire as `retry_after` or `request_id`. Variants holding a
//! source error serialize, but cannot be deserialized.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// docs.rs builds with every feature and `--cfg docsrs` (see Cargo.toml): each feature-gated item
// shows the feature it needs.
#![cfg_attr(docsrs, feature(doc_cfg))]

mod advice;
mod api_error;
mod catalog;
mod category;
mod decode_error;
mod headers;
mod http_error;
pub mod wire;

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
mod axum;
#[cfg(feature = "tracing")]
#[cfg_attr(docsrs, doc(cfg(feature = "tracing")))]
pub mod log;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub mod reqwest;
#[cfg(feature = "retry")]
#[cfg_attr(docsrs, doc(cfg(feature = "retry")))]
pub mod retry;

pub use advice::{RetryAdvice, UnknownName};
pub use api_error::ApiError;
pub use catalog::{CodeInfo, Example, ProviderInfo, StatusInfo, TypeInfo};
pub use category::Category;
pub use decode_error::{DecodeError, DecodeErrorKind};
/// `#[derive(ApiError)]`: `Display`, `std::error::Error`, [`ApiError`](trait@ApiError), serde in
/// the envelope you choose, [`HttpError`] and `From` for `#[from]` fields, for your own error
/// enum or struct. The attributes are listed in the crate docs.
///
/// ```
/// use errcat::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api_error(nested = "error", status = 400, retry = "never")]
/// pub enum PaymentError {
///     /// The card was declined.
///     #[api_error(status = 402, category = "business_rule")]
///     CardDeclined,
///     #[api_error(status = 404, message = "order {order_id} not found")]
///     OrderNotFound { order_id: String },
/// }
///
/// let error = PaymentError::OrderNotFound { order_id: "o_1".into() };
/// assert_eq!((error.code(), error.status().as_u16()), ("order_not_found", 404));
/// let json = serde_json::to_string(&error).unwrap();
/// assert_eq!(json, r#"{"error":{"code":"order_not_found","message":"order o_1 not found","order_id":"o_1"}}"#);
/// ```
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
pub use errcat_derive::ApiError;
pub use headers::{HeaderInfo, HeaderNames, RateLimit, RetryAfter};
pub use http_error::{headers_of, json_response, json_response_named, HttpError};

/// The `http` crate, re-exported so that users of generated code name the same `StatusCode`.
pub use http;

/// Items generated code refers to by absolute path. Not public API: no stability promise.
#[doc(hidden)]
pub mod __private {
    #[cfg(feature = "axum")]
    pub use axum_core;
    pub use http;
    pub use serde;
    pub use serde_json;

    /// Views a `#[source]` field as `&dyn Error`, whether it is a concrete error type or a boxed
    /// trait object (method syntax derefs through the box).
    pub trait AsDynError {
        /// The field as a trait object.
        fn as_dyn_error(&self) -> &(dyn std::error::Error + 'static);
    }

    impl<T: std::error::Error + 'static> AsDynError for T {
        fn as_dyn_error(&self) -> &(dyn std::error::Error + 'static) {
            self
        }
    }

    impl AsDynError for dyn std::error::Error + 'static {
        fn as_dyn_error(&self) -> &(dyn std::error::Error + 'static) {
            self
        }
    }

    impl AsDynError for dyn std::error::Error + Send + 'static {
        fn as_dyn_error(&self) -> &(dyn std::error::Error + 'static) {
            self
        }
    }

    impl AsDynError for dyn std::error::Error + Send + Sync + 'static {
        fn as_dyn_error(&self) -> &(dyn std::error::Error + 'static) {
            self
        }
    }

    /// A derive field marked `#[api_error(retry_after)]`: whole seconds or a `Duration`,
    /// optional or not, as `ApiError::retry_after` gives it.
    pub trait RetryAfterField {
        /// How long to wait.
        fn retry_after(&self) -> Option<std::time::Duration>;
    }

    impl RetryAfterField for u64 {
        fn retry_after(&self) -> Option<std::time::Duration> {
            Some(std::time::Duration::from_secs(*self))
        }
    }

    impl RetryAfterField for u32 {
        fn retry_after(&self) -> Option<std::time::Duration> {
            Some(std::time::Duration::from_secs(u64::from(*self)))
        }
    }

    impl RetryAfterField for std::time::Duration {
        fn retry_after(&self) -> Option<std::time::Duration> {
            Some(*self)
        }
    }

    impl<T: RetryAfterField> RetryAfterField for Option<T> {
        fn retry_after(&self) -> Option<std::time::Duration> {
            self.as_ref().and_then(RetryAfterField::retry_after)
        }
    }

    /// A derive field marked `#[api_error(request_id)]`: text, optional or not, as
    /// `ApiError::request_id` gives it.
    pub trait RequestIdField {
        /// The request id.
        fn request_id(&self) -> Option<&str>;
    }

    impl RequestIdField for String {
        fn request_id(&self) -> Option<&str> {
            Some(self)
        }
    }

    impl RequestIdField for &str {
        fn request_id(&self) -> Option<&str> {
            Some(self)
        }
    }

    impl<T: RequestIdField> RequestIdField for Option<T> {
        fn request_id(&self) -> Option<&str> {
            self.as_ref().and_then(RequestIdField::request_id)
        }
    }
}

/// Without the `axum` feature, error types get no `IntoResponse` impl.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_into_response {
    ($($anything:tt)*) => {};
}
