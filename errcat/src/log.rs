//! Structured log records of errors, through `tracing`, with the fields a support team asks
//! for: `request_id`, `status_code`, `error_code`, `error_message`, `field`, `endpoint` (plus
//! `category` and `retry`).

use crate::ApiError;

/// Emits one `tracing` event (target `errcat`, level WARN for 4xx, ERROR otherwise) describing
/// `error`, as returned by `endpoint` (e.g. `"POST /v1/customers"`).
pub fn record(error: &impl ApiError, endpoint: &str, field: Option<&str>) {
    let status = error.status().as_u16();
    let request_id = error.request_id().unwrap_or("");
    let field = field.unwrap_or("");
    let message = error.message();
    if error.status().is_client_error() {
        tracing::warn!(
            target: "errcat",
            request_id,
            status_code = status,
            error_code = error.code(),
            error_message = %message,
            field,
            endpoint,
            category = error.category().as_str(),
            retry = error.retry().as_str(),
            "provider error"
        );
    } else {
        tracing::error!(
            target: "errcat",
            request_id,
            status_code = status,
            error_code = error.code(),
            error_message = %message,
            field,
            endpoint,
            category = error.category().as_str(),
            retry = error.retry().as_str(),
            "provider error"
        );
    }
}
