//! Typed errors for every provider catalog in the workspace's `catalog/` directory.
//!
//! The build script compiles each `catalog/<provider>.yaml` into a module `<provider>` with:
//! `Code` (one variant per documented code, plus `Unknown`), `ErrorType` (for providers with
//! types), `Error` (one error response: decode, render, inspect), `ENVELOPE`, `STATUSES`,
//! `PROVIDER` and `EXAMPLES`. Adding a YAML file adds a module; no Rust edit is needed.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use errcat::{ApiError, Category, RetryAdvice};
//! use errcat_generated::vaultspay::{Code, Error, ErrorType};
//!
//! // Client side: decode what the provider sent (status, headers and body).
//! let body = br#"{"error":{"code":"validation_failed","message":"email: must be a valid email address",
//!                 "type":"invalid_request","param":"email","request_id":"req_01HX7"}}"#;
//! let error = Error::decode(422, body)?;
//! assert_eq!(error.code(), &Code::ValidationFailed);
//! assert_eq!(error.param(), Some("email"));
//! assert_eq!(error.request_id(), Some("req_01HX7"));
//! assert_eq!(error.error_type(), Some(&ErrorType::InvalidRequest));
//! assert_eq!(error.retry(), RetryAdvice::Never);          // from the catalog
//! assert_eq!(error.category(), Category::Validation);     // one vocabulary for every provider
//! println!("{}", error.user_message());                    // safe to show an end user
//!
//! // Codes are plain enums with the catalog's facts.
//! assert_eq!(Code::from_wire("duplicate_email"), Code::DuplicateEmail);
//! assert_eq!(Code::DuplicateEmail.status(), Some(errcat::http::StatusCode::CONFLICT));
//! assert_eq!(Code::from_wire("brand_new"), Code::Unknown("brand_new".into()));
//!
//! // Server side (a mock provider, a test double): render the exact wire body and status.
//! let response = Error::new(Code::RateLimitExceeded).with_request_id("req_1").to_http_response();
//! assert_eq!(response.status(), 429);
//! # Ok(())
//! # }
//! ```
#![forbid(unsafe_code)]
// Not `deny(warnings)`: a lint a later rustc adds would break the build of every crate that
// depends on this one. The tests crate compiles the same catalogs under `deny(warnings)`
// (`errcat_tests::workspace`), so a warning in generated code fails the project's tests.
#![deny(missing_docs)]

include!(concat!(env!("OUT_DIR"), "/errcat_providers.rs"));
