//! The catalog model: what a catalog says, as the YAML front end reads it, before validation.
//!
//! Every node remembers where it came from ([`Origin`]), so validation can point at it.
//! [`crate::plan`] holds the same catalog after validation, with every default resolved.

use crate::tree::Path;

/// Where a model node came from.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// # let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// # let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// use errcat_codegen::model::Origin;
///
/// // Each value keeps where it was written, for diagnostics.
/// let Origin::Yaml(path) = &catalog.codes[0].key.origin else { unreachable!() };
/// assert_eq!(path.to_string(), "codes.card_declined");
/// ```
#[derive(Clone, Debug, Default)]
pub enum Origin {
    /// A node of a catalog file, by its path from the document root.
    Yaml(Path),
    /// Tokens of a `#[derive(ApiError)]` input.
    Span(proc_macro2::Span),
    /// Nowhere in particular (built in code).
    #[default]
    Unknown,
}

/// Origins compare by YAML path; spans carry no comparable identity, so any two spans are equal
/// (a model's equality is about what it says, not where).
impl PartialEq for Origin {
    fn eq(&self, other: &Origin) -> bool {
        match (self, other) {
            (Origin::Yaml(a), Origin::Yaml(b)) => a == b,
            (Origin::Span(_), Origin::Span(_)) | (Origin::Unknown, Origin::Unknown) => true,
            _ => false,
        }
    }
}

impl Eq for Origin {}

impl Origin {
    /// The origin of the key `key` of the mapping at this origin (for YAML; spans stay as they are).
    pub fn child_key(&self, key: &str) -> Origin {
        match self {
            Origin::Yaml(path) => Origin::Yaml(path.key(key)),
            other => other.clone(),
        }
    }

    /// For a YAML value, the origin of the key it is written under (see [`Path::to_key`]).
    pub fn to_key(&self) -> Origin {
        match self {
            Origin::Yaml(path) => Origin::Yaml(path.to_key()),
            other => other.clone(),
        }
    }
}

/// A value and where it came from.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// # let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// # let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// let message = &catalog.codes[0].message;
/// assert_eq!(message.value, "The card was declined.");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub origin: Origin,
}

impl<T> Located<T> {
    /// A located value.
    pub fn new(value: T, origin: Origin) -> Located<T> {
        Located { value, origin }
    }
}

/// The front end a model comes from; the rules differ only where Rust already decides.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// # let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// # let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// use errcat_codegen::model::FrontEnd;
///
/// assert_eq!(catalog.front_end, FrontEnd::Yaml);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrontEnd {
    /// A YAML catalog: Rust names are derived from wire strings and must be checked.
    Yaml,
    /// `#[derive(ApiError)]`: Rust names are the user's variants, which rustc has checked.
    Derive,
}

/// A way to tell a body's error apart after the first (`identify_by: [code, message, type,
/// status]`), tried in the order the catalog lists them when the body has no code (or, for
/// providers identified by message, no listed text).
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// # let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// # let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// use errcat_codegen::model::Fallback;
///
/// // `identify_by: [code, status]`: a body without a code is told apart by its status.
/// let fallbacks: Vec<Fallback> = catalog.fallbacks.iter().map(|fallback| fallback.value).collect();
/// assert_eq!(fallbacks, [Fallback::Status]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fallback {
    /// The message text matches a code's `pattern`.
    Message,
    /// The body's type names a code (`types.<type>.code`).
    Type,
    /// The response's status names a code (`statuses.<status>.code`).
    Status,
}

impl Fallback {
    /// The catalog spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Fallback::Message => "message",
            Fallback::Type => "type",
            Fallback::Status => "status",
        }
    }
}

/// How a provider's body names its error.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// # let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// # let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// use errcat_codegen::model::IdentifyBy;
///
/// assert_eq!(catalog.identify_by, IdentifyBy::Code);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdentifyBy {
    /// By a code key.
    Code,
    /// By the exact text of its message (providers without codes).
    Message,
}

/// Declares a closed set of catalog words, each with the Rust variant of the runtime type it
/// stands for.
macro_rules! words {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $word:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every word, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The catalog spelling.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)*
                }
            }

            /// The variant name of the runtime type.
            pub fn variant(self) -> &'static str {
                match self {
                    $($name::$variant => stringify!($variant),)*
                }
            }

            /// The word spelled `text`, if any.
            pub fn from_word(text: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|word| word.as_str() == text)
            }

            /// Every spelling, for messages.
            pub fn spellings() -> String {
                Self::ALL.iter().map(|word| word.as_str()).collect::<Vec<_>>().join(", ")
            }
        }
    };
}

words! {
    /// The cross-provider category (`errcat::Category`).
    Category {
        /// `authentication`
        Authentication = "authentication",
        /// `permission`
        Permission = "permission",
        /// `validation`
        Validation = "validation",
        /// `not_found`
        NotFound = "not_found",
        /// `conflict`
        Conflict = "conflict",
        /// `rate_limited`
        RateLimited = "rate_limited",
        /// `provider_unavailable`
        ProviderUnavailable = "provider_unavailable",
        /// `internal`
        Internal = "internal",
        /// `business_rule`
        BusinessRule = "business_rule",
    }
}

words! {
    /// Retry advice (`errcat::RetryAdvice`).
    RetryAdvice {
        /// `never`
        Never = "never",
        /// `backoff`
        Backoff = "backoff",
        /// `retry_after`
        AfterRetryAfter = "retry_after",
        /// `refresh_credentials`
        RefreshCredentials = "refresh_credentials",
        /// `same_idempotency_key`
        SameIdempotencyKey = "same_idempotency_key",
        /// `backoff_same_idempotency_key`
        BackoffSameIdempotencyKey = "backoff_same_idempotency_key",
    }
}

words! {
    /// A part of the envelope (`errcat::wire::Slot`).
    Slot {
        /// `code`
        Code = "code",
        /// `message`
        Message = "message",
        /// `type`
        Type = "type",
        /// `param`
        Param = "param",
        /// `field`
        Field = "field",
        /// `details`
        Details = "details",
        /// `request_id`
        RequestId = "request_id",
        /// `metadata`
        Metadata = "metadata",
        /// `retry_after`
        RetryAfter = "retry_after",
        /// `errors`
        Errors = "errors",
        /// `subcode`
        Subcode = "subcode",
    }
}

impl Category {
    /// The category a status implies when a catalog says nothing more specific; `None` is the
    /// runtime's `Category::Unknown`, which catalogs cannot write. The same rule as
    /// `errcat::Category::for_status` (this crate does not depend on the runtime crate; a test in
    /// `tests/` keeps the two equal).
    pub fn for_status(status: u16) -> Option<Category> {
        match status {
            401 => Some(Category::Authentication),
            403 => Some(Category::Permission),
            400 | 405 | 406 | 411 | 413 | 414 | 415 | 422 => Some(Category::Validation),
            404 | 410 => Some(Category::NotFound),
            409 | 412 => Some(Category::Conflict),
            429 => Some(Category::RateLimited),
            500 => Some(Category::Internal),
            502..=504 => Some(Category::ProviderUnavailable),
            _ => None,
        }
    }
}

impl Category {
    /// What the runtime shows an end user for an error of `category` whose entry has no
    /// `user_message` (`None`: the runtime's `Unknown`): the same texts as
    /// `errcat::Category::default_user_message` (kept equal by a test in `tests/`).
    pub fn default_user_message(category: Option<Category>) -> &'static str {
        match category {
            Some(Category::Authentication) => {
                "We couldn't verify your access. Please sign in again."
            }
            Some(Category::Permission) => "You don't have permission to do that.",
            Some(Category::Validation) => "Please check your information and try again.",
            Some(Category::NotFound) => "We couldn't find what you were looking for.",
            Some(Category::Conflict) => {
                "This can't be done right now because of its current state."
            }
            Some(Category::RateLimited) => "Too many requests. Please try again later.",
            Some(Category::ProviderUnavailable) => {
                "The service is temporarily unavailable. Please try again later."
            }
            Some(Category::Internal) => "Something went wrong. Please try again.",
            Some(Category::BusinessRule) => "This request can't be completed.",
            None => "An error occurred. Please try again.",
        }
    }
}

impl RetryAdvice {
    /// The advice a status implies when a catalog says nothing more specific: the same rule as
    /// `errcat::RetryAdvice::for_status` (kept equal by a test in `tests/`).
    pub fn for_status(status: u16) -> RetryAdvice {
        match status {
            429 => RetryAdvice::AfterRetryAfter,
            500 | 502 | 503 | 504 => RetryAdvice::Backoff,
            _ => RetryAdvice::Never,
        }
    }
}

/// The facts a code states, by the key that states them, in both front ends: a catalog's
/// `codes.<code>.<key>` and a derive's `#[api_error(<key> = ...)]`.
pub const CODE_FACT_KEYS: &[&str] = &[
    "type",
    "status",
    "message",
    "description",
    "user_message",
    "fix",
    "retry",
    "category",
];

/// One catalog file, as written.
///
/// # Example
///
/// ```
/// // One catalog file, as written: read from YAML, not yet checked. The examples of the model
/// // and the plan read this catalog (`doc/acme_pay.yaml` in this crate): a nested envelope with a
/// // key alias and a declared field, a type, a status that names a code, fallbacks, a second
/// // shape and a provider header.
/// const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// assert_eq!(catalog.provider.value, "acme_pay"); // the file stem, as no `provider:` is given
/// assert_eq!(catalog.name.as_ref().map(|name| name.value.as_str()), Some("Acme Pay"));
/// assert_eq!(catalog.codes.len(), 2);
/// assert!(diagnostics.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    /// Which front end built the model.
    pub front_end: FrontEnd,
    /// The module name (the `provider` key, or the file stem).
    pub provider: Located<String>,
    /// The display name (`None` when missing, which is reported while reading).
    pub name: Option<Located<String>>,
    /// About the provider's errors.
    pub description: Option<String>,
    /// How bodies name their error.
    pub identify_by: IdentifyBy,
    /// The ways to tell a body's error apart after `identify_by`, in order.
    pub fallbacks: Vec<Located<Fallback>>,
    /// The body shape.
    pub envelope: Envelope,
    /// The provider's status table.
    pub statuses: Vec<StatusRow>,
    /// The provider's error types.
    pub types: Vec<ErrorType>,
    /// The documented errors.
    pub codes: Vec<Code>,
    /// The second codes a body may carry beside its code (`subcodes:`), with their own facts.
    pub subcodes: Vec<Code>,
    /// Documented bodies not tied to one code.
    pub examples: Vec<Example>,
    /// The provider's own header names.
    pub header_names: HeaderNames,
    /// Further body shapes the provider sends (`also:`), tried after `envelope`.
    pub also: Vec<Shape>,
}

/// A further body shape of a provider (`also:`): a name and an envelope (`nested_under` or
/// `list_under`, and `keys`); `oauth` is the built-in RFC 6749 token-endpoint shape.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// # let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// # let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// // `also: [oauth]`: the built-in RFC 6749 token-endpoint shape.
/// assert_eq!(catalog.also[0].name.value, "oauth");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shape {
    /// The shape's name (codes name the shape they are built in with `shape:`).
    pub name: Located<String>,
    /// Where its parts are.
    pub envelope: Envelope,
}

/// The name of the main envelope among a catalog's shapes.
pub const MAIN_SHAPE: &str = "main";

/// The keys of `header_names`, in the order of [`HeaderNames`]' fields.
pub const HEADER_NAME_KEYS: &[&str] = &[
    "request_id",
    "should_retry",
    "rate_limit_limit",
    "rate_limit_remaining",
    "rate_limit_reset",
];

/// The headers a provider uses for what `errcat::HeaderInfo` holds (`header_names:`); each list
/// is tried in order, before the generic names.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// # let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// # let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// let names: Vec<&str> = catalog.header_names.request_id.iter().map(|name| name.value.as_str()).collect();
/// assert_eq!(names, ["Acme-Request-Id"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct HeaderNames {
    /// Request-id headers.
    pub request_id: Vec<Located<String>>,
    /// Headers whose `true`/`false` says whether a retry can succeed.
    pub should_retry: Vec<Located<String>>,
    /// Rate-limit window size.
    pub rate_limit_limit: Vec<Located<String>>,
    /// Requests left in the window.
    pub rate_limit_remaining: Vec<Located<String>>,
    /// When the window resets.
    pub rate_limit_reset: Vec<Located<String>>,
    /// Where `header_names` was written.
    pub origin: Origin,
}

impl HeaderNames {
    /// The list of one of [`HEADER_NAME_KEYS`].
    pub fn list(&self, key: &str) -> &[Located<String>] {
        match key {
            "request_id" => &self.request_id,
            "should_retry" => &self.should_retry,
            "rate_limit_limit" => &self.rate_limit_limit,
            "rate_limit_remaining" => &self.rate_limit_remaining,
            "rate_limit_reset" => &self.rate_limit_reset,
            _ => &[],
        }
    }

    /// The list of one of [`HEADER_NAME_KEYS`], to fill (`None` for any other key).
    pub fn list_mut(&mut self, key: &str) -> Option<&mut Vec<Located<String>>> {
        match key {
            "request_id" => Some(&mut self.request_id),
            "should_retry" => Some(&mut self.should_retry),
            "rate_limit_limit" => Some(&mut self.rate_limit_limit),
            "rate_limit_remaining" => Some(&mut self.rate_limit_remaining),
            "rate_limit_reset" => Some(&mut self.rate_limit_reset),
            _ => None,
        }
    }
}

/// The body shape.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// # let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// # let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// assert_eq!(catalog.envelope.nested_under.as_ref().map(|key| key.value.as_str()), Some("error"));
/// assert_eq!(catalog.envelope.keys.len(), 3);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Envelope {
    /// The key the error object is nested under, if any.
    pub nested_under: Option<Located<String>>,
    /// The key whose value is a list of error objects (`{"errors": [{…}, {…}]}`), if any.
    pub list_under: Option<Located<String>>,
    /// The keys of the error object, in render order.
    pub keys: Vec<EnvelopeKey>,
    /// Further keys with typed accessors.
    pub fields: Vec<DeclaredField>,
    /// The top-level keys and values that make a body sent with a 2xx status an error
    /// (`{"ok": false}`); empty when the provider sends errors with error statuses only.
    pub error_when: Vec<(Located<String>, Scalar)>,
    /// Where the envelope was written.
    pub origin: Origin,
}

/// The kind of value a declared field holds (`envelope.fields.<key>.kind`).
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// # let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// # let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// use errcat_codegen::model::FieldKind;
///
/// assert_eq!(catalog.envelope.fields[0].kind, FieldKind::Url);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// A JSON string.
    String,
    /// A JSON string holding a URL (a documentation link, say).
    Url,
    /// A JSON integer.
    Integer,
    /// `true` or `false`.
    Boolean,
    /// A JSON object.
    Object,
    /// A JSON array.
    List,
}

impl FieldKind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [FieldKind] = &[
        FieldKind::String,
        FieldKind::Url,
        FieldKind::Integer,
        FieldKind::Boolean,
        FieldKind::Object,
        FieldKind::List,
    ];

    /// The catalog spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldKind::String => "string",
            FieldKind::Url => "url",
            FieldKind::Integer => "integer",
            FieldKind::Boolean => "boolean",
            FieldKind::Object => "object",
            FieldKind::List => "list",
        }
    }

    /// The kind spelled `text`, if any.
    pub fn from_word(text: &str) -> Option<FieldKind> {
        FieldKind::ALL
            .iter()
            .copied()
            .find(|kind| kind.as_str() == text)
    }
}

/// A JSON scalar a marker key holds in an error body sent with a 2xx status (`error_when`).
///
/// # Example
///
/// ```
/// use errcat_codegen::model::Scalar;
///
/// // `error_when: {ok: false}` reads as the key `ok` with this value.
/// let marker = Scalar::Bool(false);
/// assert_ne!(marker, Scalar::Null);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scalar {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// An integer.
    Integer(i64),
    /// A string.
    Text(String),
}

/// A further key of the body with a typed accessor (`envelope.fields`): it stays among the extra
/// keys (so it round-trips as any other key), and the generated `Error` reads and sets it.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// # let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// # let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// use errcat_codegen::model::FieldKind;
///
/// let field = &catalog.envelope.fields[0];
/// assert_eq!((field.key.value.as_str(), field.kind), ("doc_url", FieldKind::Url));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeclaredField {
    /// The wire key.
    pub key: Located<String>,
    /// What it holds.
    pub kind: FieldKind,
    /// The accessor's name (default: the key in snake_case).
    pub rust_name: Option<Located<String>>,
    /// What it is, for rustdoc.
    pub description: Option<String>,
    /// Whether it sits beside the nested error object instead of inside it.
    pub outer: bool,
}

/// One key of the envelope.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// # let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// # let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// use errcat_codegen::model::Slot;
///
/// let message = &catalog.envelope.keys[1];
/// assert_eq!(message.slot.value, Slot::Message);
/// let names: Vec<&str> = message.names.iter().map(|name| name.value.as_str()).collect();
/// assert_eq!(names, ["message", "Message"]); // the first is the one rendered
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvelopeKey {
    /// The slot it fills.
    pub slot: Located<Slot>,
    /// Its wire names, the rendered one first.
    pub names: Vec<Located<String>>,
}

/// One row of the status table.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// # let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// # let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// let row = &catalog.statuses[1];
/// assert_eq!((row.status.value, row.meaning.as_str()), (503, "Unavailable"));
/// assert_eq!(row.code.as_ref().map(|code| code.value.as_str()), Some("unavailable"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusRow {
    /// The status, as written.
    pub status: Located<u64>,
    /// The provider's own description.
    pub meaning: String,
    /// The category of unknown codes seen with this status.
    pub category: Option<Category>,
    /// The retry advice of unknown codes seen with this status.
    pub retry: Option<RetryAdvice>,
    /// The code (its catalog key) a body without one sent with this status is (`status` fallback).
    pub code: Option<Located<String>>,
}

/// A provider error type.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// # let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// # let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// use errcat_codegen::model::Category;
///
/// let card_error = &catalog.types[0];
/// assert_eq!(card_error.wire.value, "card_error");
/// assert_eq!(card_error.category, Some(Category::BusinessRule));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorType {
    /// The wire string.
    pub wire: Located<String>,
    /// An explicit Rust variant name.
    pub rust_name: Option<Located<String>>,
    /// What the type covers.
    pub description: Option<String>,
    /// Default status of its codes.
    pub status: Option<Located<u64>>,
    /// Default retry advice of its codes.
    pub retry: Option<RetryAdvice>,
    /// Default category of its codes.
    pub category: Option<Category>,
    /// The code (its catalog key) a body of this type without a code is (`type` fallback).
    pub code: Option<Located<String>>,
}

/// A documented error.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// # let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// # let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// let declined = &catalog.codes[0];
/// assert_eq!(declined.key.value, "card_declined");
/// assert_eq!(declined.error_type.as_ref().map(|name| name.value.as_str()), Some("card_error"));
/// assert_eq!(declined.examples.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    /// The catalog key: the wire code, or (identify_by: message) a name.
    pub key: Located<String>,
    /// Whether the wire code is a JSON integer (the key is written as a YAML integer).
    pub integer: bool,
    /// An explicit Rust variant name.
    pub rust_name: Option<Located<String>>,
    /// The type it belongs to, by wire string.
    pub error_type: Option<Located<String>>,
    /// Its documented statuses, the one it is built with first (`status: 400` or
    /// `status: [403, 429]`); none when the provider documents none.
    pub statuses: Vec<Located<u64>>,
    /// The developer message (identify_by: message — the exact wire text).
    pub message: Located<String>,
    /// The message text, with `{placeholders}` for the values it embeds, that identifies the
    /// code when the body has no code (or, for providers identified by message, no listed text).
    pub pattern: Option<Located<String>>,
    /// The body shape an error built from the code is rendered in (`shape:`; default: the main
    /// envelope).
    pub shape: Option<Located<String>>,
    /// When it happens.
    pub description: Option<String>,
    /// A message safe for end users.
    pub user_message: Option<Located<String>>,
    /// What to do about it.
    pub fix: Option<Located<String>>,
    /// Retry advice.
    pub retry: Option<RetryAdvice>,
    /// Category.
    pub category: Option<Category>,
    /// Where the provider documents it.
    pub endpoints: Vec<String>,
    /// Documented bodies.
    pub examples: Vec<Example>,
}

/// A documented example response.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../doc/acme_pay.yaml");
/// # let root = errcat_codegen::yaml::parse(CATALOG).unwrap();
/// # let mut diagnostics = errcat_codegen::diagnostic::Diagnostics::default();
/// # let catalog = errcat_codegen::read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// let example = &catalog.codes[0].examples[0];
/// assert!(example.status.is_none()); // the code's status, once resolved
/// assert!(example.body.value.contains("card_declined")); // the body as JSON text
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    /// The catalog key of the code it must decode to (`None`: an unknown code).
    pub code: Option<Located<String>>,
    /// What it shows.
    pub description: Option<String>,
    /// Its status (default: the code's).
    pub status: Option<Located<u64>>,
    /// Response headers, as (name, value).
    pub headers: Vec<(String, String)>,
    /// The body as JSON text.
    pub body: Located<String>,
    /// Where the example was written.
    pub origin: Origin,
}
