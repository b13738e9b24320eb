//! Structured log records of errors, through `tracing`, with the fields a support team asks
//! for: request id, status, code, message, field, endpoint.

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
            status,
            code = error.code(),
            message = %message,
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
            status,
            code = error.code(),
            message = %message,
            field,
            endpoint,
            category = error.category().as_str(),
            retry = error.retry().as_str(),
            "provider error"
        );
    }
}
