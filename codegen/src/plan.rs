//! A validated catalog with every default resolved: what expansion turns into Rust.

use crate::model::{Category, Fallback, FieldKind, IdentifyBy, RetryAdvice, Scalar, Slot};

/// A parsed message pattern (`errcat_table::pattern`).
pub type Pattern = Vec<errcat_table::pattern::Part<String>>;

/// A validated provider catalog.
///
/// # Example
///
/// ```
/// const CATALOG: &str = "\
/// name: Acme Pay
/// envelope:
///   nested_under: error
///   keys: {code: code, message: message}
/// statuses:
///   402: {meaning: Payment Required}
/// codes:
///   card_declined: {status: 402, message: The card was declined.}
/// ";
/// let provider = errcat_codegen::load_catalog("acme_pay.yaml", CATALOG.as_bytes(), "acme_pay")
///     .expect("a valid catalog");
/// // Everything the expansion needs, resolved: names, statuses, defaults.
/// assert_eq!(provider.nested_under.as_deref(), Some("error"));
/// assert_eq!(provider.codes[0].ident, "CardDeclined");
/// assert_eq!(provider.statuses[0].status, 402);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Provider {
    /// The module name.
    pub module: String,
    /// The display name.
    pub name: String,
    /// About the provider's errors.
    pub description: Option<String>,
    /// How bodies name their error.
    pub identify_by: IdentifyBy,
    /// The ways to tell an error apart after `identify_by`, in order.
    pub fallbacks: Vec<Fallback>,
    /// The key the error object is nested under (for a list envelope, the key of the list).
    pub nested_under: Option<String>,
    /// Whether the value under `nested_under` is a list of error objects.
    pub list: bool,
    /// Further body shapes, tried after the main one (`also:`).
    pub shapes: Vec<Shape>,
    /// The envelope keys in render order: slot and wire names (rendered one first).
    pub keys: Vec<(Slot, Vec<String>)>,
    /// Further keys with typed accessors.
    pub fields: Vec<Field>,
    /// The top-level keys and values that make a 2xx body an error (empty: none is).
    pub error_when: Vec<(String, Scalar)>,
    /// The status table.
    pub statuses: Vec<Status>,
    /// The error types.
    pub types: Vec<Type>,
    /// The documented errors.
    pub codes: Vec<Code>,
    /// The subcodes, resolved like codes (no type, pattern or examples).
    pub subcodes: Vec<Code>,
    /// Every documented example, code-level ones first in code order, then provider-level ones.
    pub examples: Vec<Example>,
    /// The provider's own header names, per key of `model::HEADER_NAME_KEYS`, in that order
    /// (lists the catalog leaves out are empty).
    pub header_names: Vec<(&'static str, Vec<String>)>,
}

impl Provider {
    /// Whether the envelope has `slot`.
    pub fn has_slot(&self, slot: Slot) -> bool {
        self.keys.iter().any(|(key, _)| *key == slot)
    }

    /// The rendered wire name of `slot`.
    pub fn slot_name(&self, slot: Slot) -> Option<&str> {
        self.keys
            .iter()
            .find(|(key, _)| *key == slot)
            .and_then(|(_, names)| names.first())
            .map(String::as_str)
    }
}

/// A further body shape (`also:`).
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let provider = errcat_codegen::load_catalog("acme_pay.yaml", CATALOG.as_bytes(), "acme_pay").unwrap();
/// // The shapes after the main one (`also:`): here the built-in OAuth shape, flat.
/// let names: Vec<&str> = provider.shapes.iter().map(|shape| shape.name.as_str()).collect();
/// assert_eq!(names, ["oauth"]);
/// assert_eq!(provider.shapes[0].nested_under, None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shape {
    /// Its name.
    pub name: String,
    /// The key its error object (or list) is under.
    pub nested_under: Option<String>,
    /// Whether that key holds a list of error objects.
    pub list: bool,
    /// Its keys: slot and wire names.
    pub keys: Vec<(Slot, Vec<String>)>,
}

/// A declared field: a further key of the body with a typed accessor.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let provider = errcat_codegen::load_catalog("acme_pay.yaml", CATALOG.as_bytes(), "acme_pay").unwrap();
/// let field = &provider.fields[0];
/// assert_eq!((field.key.as_str(), field.accessor.as_str()), ("doc_url", "doc_url"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The wire key.
    pub key: String,
    /// What it holds.
    pub kind: FieldKind,
    /// The accessor's name (the setter is `with_<name>`).
    pub accessor: String,
    /// What it is.
    pub description: Option<String>,
    /// Whether it sits beside the nested error object.
    pub outer: bool,
}

/// A row of the status table.
///
/// # Example
///
/// ```
/// const CATALOG: &str = "\
/// name: Acme Pay
/// envelope:
///   nested_under: error
///   keys: {code: code, message: message, type: type}
/// statuses:
///   402: {meaning: Payment Required}
/// types:
///   card_error: {status: 402, category: business_rule}
/// codes:
///   card_declined:
///     type: card_error
///     message: The card was declined.
///     examples:
///       - body: {error: {code: card_declined, message: Declined., type: card_error}}
/// ";
/// let provider = errcat_codegen::load_catalog("acme_pay.yaml", CATALOG.as_bytes(), "acme_pay")
///     .expect("a valid catalog");
/// assert_eq!((provider.statuses[0].status, provider.statuses[0].meaning.as_str()), (402, "Payment Required"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// The status.
    pub status: u16,
    /// The provider's description.
    pub meaning: String,
    /// Category of unknown codes with this status (`None`: derived from the status at run time).
    pub category: Option<Category>,
    /// Retry advice of unknown codes with this status (`None`: derived from the status).
    pub retry: Option<RetryAdvice>,
    /// Index into [`Provider::codes`] of the code a body without one sent with this status is.
    pub code: Option<usize>,
}

/// An error type.
///
/// # Example
///
/// ```
/// const CATALOG: &str = "\
/// name: Acme Pay
/// envelope:
///   nested_under: error
///   keys: {code: code, message: message, type: type}
/// statuses:
///   402: {meaning: Payment Required}
/// types:
///   card_error: {status: 402, category: business_rule}
/// codes:
///   card_declined:
///     type: card_error
///     message: The card was declined.
///     examples:
///       - body: {error: {code: card_declined, message: Declined., type: card_error}}
/// ";
/// let provider = errcat_codegen::load_catalog("acme_pay.yaml", CATALOG.as_bytes(), "acme_pay")
///     .expect("a valid catalog");
/// assert_eq!((provider.types[0].wire.as_str(), provider.types[0].ident.as_str()), ("card_error", "CardError"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Type {
    /// The wire string.
    pub wire: String,
    /// The Rust variant name.
    pub ident: String,
    /// What it covers.
    pub description: Option<String>,
    /// Default status.
    pub status: Option<u16>,
    /// Default retry advice.
    pub retry: Option<RetryAdvice>,
    /// Default category.
    pub category: Option<Category>,
    /// Index into [`Provider::codes`] of the code a body of this type without a code is.
    pub code: Option<usize>,
}

/// A documented error with everything resolved.
///
/// # Example
///
/// ```
/// const CATALOG: &str = "\
/// name: Acme Pay
/// envelope:
///   nested_under: error
///   keys: {code: code, message: message, type: type}
/// statuses:
///   402: {meaning: Payment Required}
/// types:
///   card_error: {status: 402, category: business_rule}
/// codes:
///   card_declined:
///     type: card_error
///     message: The card was declined.
///     examples:
///       - body: {error: {code: card_declined, message: Declined., type: card_error}}
/// ";
/// let provider = errcat_codegen::load_catalog("acme_pay.yaml", CATALOG.as_bytes(), "acme_pay")
///     .expect("a valid catalog");
/// let code = &provider.codes[0];
/// // The type's status and category, resolved onto the code.
/// assert_eq!(code.status(), Some(402));
/// assert_eq!(code.category, Some(errcat_codegen::model::Category::BusinessRule));
/// assert_eq!(code.type_index, Some(0));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    /// The wire string (identify_by: message — the message text; an integer code — its decimal
    /// text).
    pub wire: String,
    /// Whether the wire code is a JSON integer.
    pub integer: bool,
    /// The Rust variant name.
    pub ident: String,
    /// Index into [`Provider::types`].
    pub type_index: Option<usize>,
    /// The documented statuses, the one the code is built with first (its own, else its
    /// type's); empty when the catalog documents none.
    pub statuses: Vec<u16>,
    /// The developer message.
    pub message: String,
    /// The message pattern that identifies the code without a code in the body.
    pub pattern: Option<Pattern>,
    /// The shape an error built from the code is rendered in: 0 for the main envelope, else
    /// 1 + its index in [`Provider::shapes`].
    pub shape: usize,
    /// When it happens.
    pub description: Option<String>,
    /// A message safe for end users.
    pub user_message: Option<String>,
    /// What to do about it.
    pub fix: Option<String>,
    /// Retry advice (`None`: derived from the status at run time: the code's first status when it
    /// has one, else the status of the response it came with).
    pub retry: Option<RetryAdvice>,
    /// Category (`None`: derived from the status at run time, likewise).
    pub category: Option<Category>,
    /// Where the provider documents it.
    pub endpoints: Vec<String>,
}

impl Code {
    /// The status the code is built with: its first documented one.
    pub fn status(&self) -> Option<u16> {
        self.statuses.first().copied()
    }
}

/// A documented example.
///
/// # Example
///
/// ```
/// const CATALOG: &str = "\
/// name: Acme Pay
/// envelope:
///   nested_under: error
///   keys: {code: code, message: message, type: type}
/// statuses:
///   402: {meaning: Payment Required}
/// types:
///   card_error: {status: 402, category: business_rule}
/// codes:
///   card_declined:
///     type: card_error
///     message: The card was declined.
///     examples:
///       - body: {error: {code: card_declined, message: Declined., type: card_error}}
/// ";
/// let provider = errcat_codegen::load_catalog("acme_pay.yaml", CATALOG.as_bytes(), "acme_pay")
///     .expect("a valid catalog");
/// let example = &provider.examples[0];
/// assert_eq!(example.status, 402); // the code's status, where the example states none
/// assert_eq!(example.code.map(|index| provider.codes[index].wire.as_str()), Some("card_declined"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    /// Index into [`Provider::codes`] of the code it decodes to (`None`: an unknown code).
    pub code: Option<usize>,
    /// What it shows.
    pub description: Option<String>,
    /// The status.
    pub status: u16,
    /// Response headers.
    pub headers: Vec<(String, String)>,
    /// The body as JSON text.
    pub body: String,
}
