//! Error types a downstream service defines with `#[derive(ApiError)]`.
#![forbid(unsafe_code)]
#![deny(warnings)]

use errcat::ApiError;

/// Errors of a payments API, in a nested envelope.
#[derive(Debug, ApiError)]
#[api_error(nested = "error", status = 400, retry = "never")]
pub enum PaymentError {
    /// The card was declined.
    #[api_error(
        code = "card_declined",
        status = 402,
        category = "business_rule",
        user_message = "Your card was declined."
    )]
    CardDeclined,

    #[api_error(status = NOT_FOUND, message = "order {order_id} not found", category = "not_found")]
    OrderNotFound { order_id: String },

    #[api_error(
        status = 422,
        message = "amount {0} is over the limit of {1:.2}",
        type = "invalid_request"
    )]
    AmountTooLarge(u64, f64),

    #[api_error(
        status = 503,
        message = "the bank is unavailable",
        retry = "backoff",
        category = "provider_unavailable"
    )]
    BankUnavailable {
        #[source]
        cause: std::io::Error,
    },

    #[api_error(other)]
    Other(String),
}
