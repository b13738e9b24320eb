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
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod advice;
mod api_error;
mod catalog;
mod category;
mod decode_error;
mod headers;
pub mod wire;

pub use advice::RetryAdvice;
pub use api_error::ApiError;
pub use catalog::{CodeInfo, Example, ProviderInfo, StatusInfo, TypeInfo};
pub use category::Category;
pub use decode_error::{DecodeError, DecodeErrorKind};
/// `#[derive(ApiError)]`: see the crate docs.
#[cfg(feature = "derive")]
pub use errcat_derive::ApiError;
pub use headers::{HeaderInfo, RateLimit, RetryAfter};

/// The `http` crate, re-exported so that users of generated code name the same `StatusCode`.
pub use http;

/// Items generated code refers to by absolute path. Not public API: no stability promise.
#[doc(hidden)]
pub mod __private {
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
}
