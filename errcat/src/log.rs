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
    // `tracing` takes the level as a constant, so the event is written once per level.
    macro_rules! event_at {
        ($level:expr) => {
            tracing::event!(
                target: "errcat",
                $level,
                request_id,
                status_code = status,
                error_code = error.code(),
                error_message = %message,
                field,
                endpoint,
                category = error.category().as_str(),
                retry = error.retry().as_str(),
                "provider error"
            )
        };
    }
    if error.status().is_client_error() {
        event_at!(tracing::Level::WARN);
    } else {
        event_at!(tracing::Level::ERROR);
    }
}
