use crate::{Category, RetryAdvice};

/// The catalog facts of one documented code, as generated code stores them in a static table.
///
/// # Example
///
/// ```
/// use errcat::{Category, CodeInfo, RetryAdvice};
///
/// // What a generated `Code::info()` returns: one row of the catalog's static table.
/// const CARD_DECLINED: CodeInfo = CodeInfo {
///     wire: "card_declined",
///     integer: false,
///     name: "CardDeclined",
///     statuses: &[402],
///     message: "The card was declined.",
///     description: None,
///     user_message: None,
///     fix: Some("Ask the customer for another card."),
///     retry: Some(RetryAdvice::Never),
///     category: Some(Category::BusinessRule),
/// };
/// assert_eq!(CARD_DECLINED.status_code(), Some(errcat::http::StatusCode::PAYMENT_REQUIRED));
/// // No user message in the catalog: the category's safe default.
/// assert_eq!(
///     CARD_DECLINED.user_message_or_default(),
///     Category::BusinessRule.default_user_message()
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeInfo {
    /// The wire string (for providers identified by message text, the exact text; for an integer
    /// code, its decimal text).
    pub wire: &'static str,
    /// Whether the provider sends the code as a JSON integer (`"code": 21211`), not a string.
    pub integer: bool,
    /// The Rust variant name.
    pub name: &'static str,
    /// Every HTTP status the catalog documents for the code, the one an error built from the code
    /// gets first; empty when the provider documents none (a decoded error then keeps the status
    /// of its response, which also decides its retry advice and category).
    pub statuses: &'static [u16],
    /// The developer message.
    pub message: &'static str,
    /// When the error happens, if the catalog says.
    pub description: Option<&'static str>,
    /// A message safe to show end users, if the catalog gives one.
    pub user_message: Option<&'static str>,
    /// What to do about it, if the catalog says.
    pub fix: Option<&'static str>,
    /// What a client should do; `None` when the catalog neither says nor documents a status to
    /// derive it from (the response's status then decides).
    pub retry: Option<RetryAdvice>,
    /// The cross-provider category; `None` as for `retry`.
    pub category: Option<Category>,
}

impl CodeInfo {
    /// The documented status an error built from the code gets (the first of `statuses`).
    pub fn status(&self) -> Option<u16> {
        self.statuses.first().copied()
    }

    /// [`CodeInfo::status`] as an `http::StatusCode`.
    pub fn status_code(&self) -> Option<http::StatusCode> {
        self.status()
            .and_then(|status| http::StatusCode::from_u16(status).ok())
    }

    /// The user message, else the category's safe default (`Category::Unknown`'s without one).
    pub fn user_message_or_default(&self) -> &'static str {
        match self.user_message {
            Some(text) => text,
            None => self
                .category
                .unwrap_or(Category::Unknown)
                .default_user_message(),
        }
    }
}

/// The catalog facts of one provider error type (a broad class of codes).
///
/// # Example
///
/// ```
/// use errcat::{Category, RetryAdvice, TypeInfo};
///
/// // What a generated `ErrorType::info()` returns; its codes inherit what they do not state.
/// const CARD_ERROR: TypeInfo = TypeInfo {
///     wire: "card_error",
///     name: "CardError",
///     description: Some("The card cannot be charged."),
///     status: Some(402),
///     retry: Some(RetryAdvice::Never),
///     category: Some(Category::BusinessRule),
/// };
/// assert_eq!(CARD_ERROR.status, Some(402));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeInfo {
    /// The wire string.
    pub wire: &'static str,
    /// The Rust variant name.
    pub name: &'static str,
    /// What the type covers, if the catalog says.
    pub description: Option<&'static str>,
    /// The default status of its codes, if the catalog gives one.
    pub status: Option<u16>,
    /// The default retry advice of its codes, if the catalog gives one.
    pub retry: Option<RetryAdvice>,
    /// The default category of its codes, if the catalog gives one.
    pub category: Option<Category>,
}

/// A documented example response from a catalog.
///
/// # Example
///
/// ```
/// use errcat::Example;
///
/// // A generated module's `EXAMPLES` lists these; the tests decode each body to its code.
/// const DECLINED: Example = Example {
///     code: Some("card_declined"),
///     description: Some("A declined card."),
///     status: 402,
///     headers: &[("Request-Id", "req_1")],
///     body: r#"{"error":{"code":"card_declined","message":"The card was declined."}}"#,
/// };
/// let body: serde_json::Value = serde_json::from_str(DECLINED.body)?;
/// assert_eq!(body["error"]["code"], DECLINED.code.unwrap());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// The wire code the body must decode to; `None` when it decodes to an unknown code.
    pub code: Option<&'static str>,
    /// What the example shows, if the catalog says.
    pub description: Option<&'static str>,
    /// The HTTP status.
    pub status: u16,
    /// Response headers shown with the example, as (name, value).
    pub headers: &'static [(&'static str, &'static str)],
    /// The body, as JSON text.
    pub body: &'static str,
}

/// Facts about a provider as a whole.
///
/// # Example
///
/// ```
/// use errcat::ProviderInfo;
///
/// // A generated module's `PROVIDER`.
/// const PROVIDER: ProviderInfo = ProviderInfo {
///     module: "acme_pay",
///     name: "Acme Pay",
///     description: None,
///     identifies_by_code: true,
/// };
/// assert_eq!(format!("{} ({})", PROVIDER.name, PROVIDER.module), "Acme Pay (acme_pay)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProviderInfo {
    /// The module name (`vaultspay`).
    pub module: &'static str,
    /// The display name (`VaultsPay`).
    pub name: &'static str,
    /// The catalog's description of the provider's errors.
    pub description: Option<&'static str>,
    /// Whether bodies name their error with a code key (`true`) or only by message text.
    pub identifies_by_code: bool,
}

/// One row of a provider's HTTP status table, with the category and retry advice of unknown codes
/// seen with that status.
///
/// # Example
///
/// ```
/// use errcat::{Category, RetryAdvice, StatusInfo};
///
/// // One row of a generated module's `STATUSES`: what an unlisted code sent with 503 means.
/// const UNAVAILABLE: StatusInfo = StatusInfo {
///     status: 503,
///     meaning: "The service is down for maintenance.",
///     category: Category::for_status(503),
///     retry: RetryAdvice::for_status(503),
/// };
/// assert_eq!(UNAVAILABLE.category, Category::ProviderUnavailable);
/// assert_eq!(UNAVAILABLE.retry, RetryAdvice::Backoff);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusInfo {
    /// The status.
    pub status: u16,
    /// The provider's own description of it.
    pub meaning: &'static str,
    /// The category of an unknown code with this status.
    pub category: Category,
    /// The retry advice for an unknown code with this status.
    pub retry: RetryAdvice,
}
