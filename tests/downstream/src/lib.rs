//! Error types a downstream service defines with `#[derive(ApiError)]`, the way users write them:
//! this crate depends on `errcat` alone (and on `errcat-codegen` at build time, for the catalog
//! twin of `PaymentError` in `catalog/payments.yaml`).
#![forbid(unsafe_code)]
#![deny(warnings, missing_docs)]

use std::fmt::Display;

use errcat::ApiError;
use serde::Serialize;

/// The same errors as `PaymentError`, generated from `catalog/payments.yaml`.
pub mod catalog {
    include!(concat!(env!("OUT_DIR"), "/errcat_providers.rs"));
}

/// A provider before and after each change `errcat diff` calls compatible (`semver/`): the
/// semver test compiles the same use of it against every version.
pub mod semver {
    include!(concat!(env!("OUT_DIR"), "/semver/modules.rs"));
}

/// Errors of a payments API, nested under `"error"`, one variant per kind of attribute use.
#[derive(Debug, ApiError)]
#[api_error(nested = "error", field_key = "field", status = 400, retry = "never")]
pub enum PaymentError {
    /// The card was declined.
    #[api_error(
        code = "card_declined",
        status = 402,
        category = "business_rule",
        user_message = "Your card was declined. Please use another card.",
        fix = "Ask the customer for another card."
    )]
    CardDeclined,

    /// An order id that matches no order.
    #[api_error(status = NOT_FOUND, message = "order {order_id} not found", category = "not_found")]
    OrderNotFound {
        /// The id that was looked up.
        order_id: String,
    },

    /// An amount over the account's limit.
    #[api_error(
        status = StatusCode::UNPROCESSABLE_ENTITY,
        message = "amount {0} is over the limit of {1:.2}",
        type = "invalid_request",
        category = "business_rule"
    )]
    AmountTooLarge(u64, f64),

    /// A request field that failed validation.
    #[api_error(
        message = "field {field} is invalid: {reason:?}",
        type = "invalid_request",
        category = "validation"
    )]
    InvalidField {
        /// The field.
        field: String,
        /// Why.
        reason: String,
    },

    /// Too many requests.
    #[api_error(
        status = 429,
        message = "slow down for {retry_after}s",
        retry = "retry_after",
        category = "rate_limited"
    )]
    RateLimited {
        /// Seconds to wait.
        retry_after: u64,
    },

    /// The access token expired.
    #[api_error(code = "TOKEN_EXPIRED", status = UNAUTHORIZED, retry = "refresh_credentials", category = "authentication")]
    TokenExpired,

    /// A request with this idempotency key is still being processed.
    #[api_error(
        status = 409,
        retry = "same_idempotency_key",
        category = "conflict",
        description = "Sent while the first request with the same key runs."
    )]
    IdempotencyKeyLocked,

    /// The bank did not answer.
    #[api_error(
        status = 503,
        message = "the bank is unavailable",
        retry = "backoff",
        category = "provider_unavailable"
    )]
    BankUnavailable {
        /// What failed underneath.
        #[source]
        cause: std::io::Error,
    },

    /// A storage failure, converted from `std::io::Error` with `?`.
    #[api_error(
        status = 500,
        message = "storage failed",
        retry = "backoff",
        category = "internal"
    )]
    Storage(#[from] std::io::Error),

    /// A malformed number, converted from `ParseIntError` with `?`.
    #[api_error(message = "not a number: {source}", category = "validation")]
    NotANumber {
        /// The parse error.
        #[from]
        source: std::num::ParseIntError,
    },

    /// An internal failure; its trace stays on the server.
    #[api_error(
        status = 500,
        message = "internal error {id}",
        category = "internal",
        retry = "backoff"
    )]
    Internal {
        /// Shown to the client.
        id: u32,
        /// Kept off the wire.
        #[api_error(skip)]
        trace: Vec<String>,
    },

    /// An error of the verification service, passed through as it is.
    #[api_error(transparent)]
    Verification(VerificationError),

    /// A code this enum does not list.
    #[api_error(other)]
    Other(String),
}

/// Errors of a verification service: a flat body with its own key names and UPPER_SNAKE codes.
#[derive(Debug, ApiError)]
#[api_error(
    rename_all = "SCREAMING_SNAKE_CASE",
    code_key = "errorCode",
    message_key = "errorMessage",
    status = 422
)]
pub enum VerificationError {
    /// Document quality insufficient.
    #[api_error(
        user_message = "Please upload a clearer photo.",
        category = "validation"
    )]
    DocumentQualityInsufficient,

    /// The customer is under review.
    #[api_error(
        status = 409,
        message = "customer {customer_id} is under review",
        category = "conflict"
    )]
    UnderReview {
        /// The customer.
        customer_id: String,
    },

    /// Anything else the service sends.
    #[api_error(other)]
    Unlisted {
        /// The code as sent.
        code: String,
    },
}

/// A single error kind as a struct.
#[derive(Debug, ApiError)]
#[api_error(
    code = "maintenance",
    status = 503,
    message = "down for maintenance until {until}",
    retry = "backoff"
)]
pub struct Maintenance {
    /// When service resumes.
    pub until: String,
}

/// A generic error: the detail type is the caller's.
#[derive(Debug, ApiError)]
pub enum Wrapped<T: Display + Serialize> {
    /// The operation failed.
    #[api_error(status = 500, message = "failed: {detail}", category = "internal")]
    Failed {
        /// What failed.
        detail: T,
    },
}

/// An error that borrows from the request it describes (serialize only: borrowed data cannot be
/// rebuilt from a body).
#[derive(Debug, ApiError)]
pub enum Borrowed<'a> {
    /// A header with a bad value.
    #[api_error(
        status = 400,
        message = "header {name} is malformed",
        category = "validation"
    )]
    BadHeader {
        /// The header's name.
        name: &'a str,
    },
}

/// A struct that forwards everything to the error it wraps.
#[derive(Debug, ApiError)]
#[api_error(transparent)]
pub struct Wrapper(pub PaymentError);
