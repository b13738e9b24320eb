use std::borrow::Cow;
use std::time::Duration;

use crate::{Category, RetryAdvice};

/// What every errcat error exposes, whether generated from a catalog or derived.
///
/// Generated provider errors implement it, so code that handles errors from several providers can
/// be written once against `&dyn ApiError` or a generic `E: ApiError`.
///
/// ```
/// use errcat::{ApiError, Category, RetryAdvice};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(status = 400)]
/// enum PaymentError {
///     /// The card was declined.
///     #[api_error(status = 402, category = "business_rule", retry = "never")]
///     CardDeclined,
///     #[api_error(status = 429, message = "slow down for {0}s", retry = "retry_after")]
///     RateLimited(#[api_error(retry_after)] u64),
/// }
///
/// // Written once, for any provider's errors or your own.
/// fn describe(error: &dyn ApiError) -> String {
///     format!("{} {} ({:?})", error.status().as_u16(), error.code(), error.retry())
/// }
/// assert_eq!(describe(&PaymentError::CardDeclined), "402 card_declined (Never)");
/// let limited = PaymentError::RateLimited(2);
/// assert_eq!(limited.retry(), RetryAdvice::AfterRetryAfter);
/// assert_eq!(limited.retry_after(), Some(std::time::Duration::from_secs(2)));
/// assert_eq!(limited.category(), Category::RateLimited);
/// assert_eq!(limited.message(), "slow down for 2s");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an errcat `ApiError`",
    label = "not an `ApiError`",
    note = "`#[derive(ApiError)]` on `{Self}` makes it one; a `#[api_error(transparent)]` variant forwards everything to its field, so that field must be an `ApiError` itself"
)]
pub trait ApiError: std::error::Error {
    /// The wire code as the provider spells it (for providers identified by message text, the text).
    fn code(&self) -> &str;

    /// The HTTP status of the response that carries (or carried) this error.
    fn status(&self) -> http::StatusCode;

    /// The developer-facing message: for logs and dashboards, not for end users.
    fn message(&self) -> Cow<'_, str>;

    /// A message that is safe to show an end user.
    fn user_message(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.category().default_user_message())
    }

    /// What a client should do about this error.
    fn retry(&self) -> RetryAdvice;

    /// The cross-provider category.
    fn category(&self) -> Category;

    /// The request id the provider assigned, when the error carries one.
    fn request_id(&self) -> Option<&str> {
        None
    }

    /// How long to wait before retrying, when the provider said so.
    fn retry_after(&self) -> Option<Duration> {
        None
    }
}
