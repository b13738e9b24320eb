//! What changed between two versions of a catalog, classified for semver.
//!
//! [`compare`] lists every difference between two validated catalogs as a [`Change`]: a
//! machine-readable [`Kind`], a [`Severity`] that follows from the kind, and a one-line
//! description. [`report`] renders the list for people; [`is_breaking`] answers the semver
//! question.
//!
//! The rule behind the severities: a change is **breaking** when code written against the old
//! generated module may stop compiling (a `Code` or `ErrorType` variant, a module or an accessor
//! disappears or changes its type) or may behave differently on the same response (a wire string,
//! an envelope key, a status, a type, a category or retry advice changes: users match on all of
//! them). It is **compatible** when it only adds items or changes text meant for people
//! (messages, descriptions, fixes, status meanings, endpoints, examples, order).
//!
//! Codes and types are matched by their Rust variant name (`ident`); an old code whose variant is
//! gone but whose wire string is still listed under another variant was renamed.

use std::fmt;

use errcat_codegen::model::{Category, IdentifyBy, RetryAdvice, Slot};
use errcat_codegen::plan::{Code, Example, Provider, Status, Type};

/// Whether a change breaks code written against the old catalog.
///
/// # Example
///
/// ```
/// use errcat_cli::diff::Severity;
///
/// assert!(Severity::Breaking > Severity::Compatible); // sorts the worst last
/// assert_eq!(Severity::Breaking.to_string(), "breaking");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Users' code keeps compiling and behaving the same.
    Compatible,
    /// Users' code may stop compiling or behave differently.
    Breaking,
}

impl Severity {
    /// `breaking` or `compatible`, as [`report`] writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Compatible => "compatible",
            Severity::Breaking => "breaking",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One change.
///
/// # Example
///
/// ```
/// use errcat_cli::diff::{compare, CodeText, Kind, Severity};
/// use errcat_codegen::load_catalog;
///
/// let old = "name: Shop\nenvelope:\n  keys: {code: code, message: message}\nstatuses:\n  404: {meaning: Not Found}\ncodes:\n  order_not_found: {status: 404, message: order not found}\n";
/// let new = old.replace("message: order not found", "message: no such order");
/// let changes = compare(
///     &load_catalog("old.yaml", old.as_bytes(), "shop").unwrap(),
///     &load_catalog("new.yaml", new.as_bytes(), "shop").unwrap(),
/// );
/// assert_eq!(changes.len(), 1);
/// assert_eq!(changes[0].severity, Severity::Compatible); // a text people read
/// assert!(matches!(&changes[0].kind, Kind::CodeTextChanged { field: CodeText::Message, .. }));
/// assert_eq!(changes[0].to_string(), "compatible: code `order_not_found` message changed");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// How it affects users (follows from [`Change::kind`], see [`Kind::severity`]).
    pub severity: Severity,
    /// What changed, for programs.
    pub kind: Kind,
    /// What changed, for people (one line, without the severity).
    pub description: String,
}

impl Change {
    /// The change of this kind, with its severity and description.
    pub fn new(kind: Kind) -> Change {
        Change {
            severity: kind.severity(),
            description: kind.describe(),
            kind,
        }
    }
}

/// `<severity>: <description>`, one line of [`report`].
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.severity, self.description)
    }
}

/// A category or retry advice as the generated code resolves it: the runtime word
/// (`errcat::Category::as_str`, `errcat::RetryAdvice::as_str`), and whether the catalog states it
/// (for a code: itself, its type or its status row) or the generated code derives it from a
/// status at run time (`for_status`).
///
/// # Example
///
/// ```
/// use errcat_cli::diff::Advice;
/// use errcat_codegen::model::Category;
///
/// // Stated in the catalog, or derived from the status at run time.
/// assert_eq!(Advice::category(Some(Category::Conflict), 409).derived_from, None);
/// let derived = Advice::category(None, 404);
/// assert_eq!((derived.word, derived.derived_from), ("not_found", Some(404)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Advice {
    /// The runtime word (`validation`, `unknown`, `never`, `retry_after`, ...).
    pub word: &'static str,
    /// `Some(status)` when the word is derived from `status`; `None` when the catalog states it.
    pub derived_from: Option<u16>,
}

impl Advice {
    /// A code's or status row's category: stated, else derived from `status`.
    pub fn category(stated: Option<Category>, status: u16) -> Advice {
        match stated {
            Some(category) => Advice {
                word: category.as_str(),
                derived_from: None,
            },
            None => Advice {
                word: derived_category(status),
                derived_from: Some(status),
            },
        }
    }

    /// A code's or status row's retry advice: stated, else derived from `status`.
    pub fn retry(stated: Option<RetryAdvice>, status: u16) -> Advice {
        match stated {
            Some(retry) => Advice {
                word: retry.as_str(),
                derived_from: None,
            },
            None => Advice {
                word: derived_retry(status),
                derived_from: Some(status),
            },
        }
    }

    /// A code's category: stated, else derived from its status, else (a code without one) from
    /// the status of each response at run time.
    pub fn code_category(stated: Option<Category>, status: Option<u16>) -> Advice {
        match (stated, status) {
            (None, None) => Advice::PER_RESPONSE,
            (stated, status) => Advice::category(stated, status.unwrap_or_default()),
        }
    }

    /// A code's retry advice, as [`Advice::code_category`].
    pub fn code_retry(stated: Option<RetryAdvice>, status: Option<u16>) -> Advice {
        match (stated, status) {
            (None, None) => Advice::PER_RESPONSE,
            (stated, status) => Advice::retry(stated, status.unwrap_or_default()),
        }
    }

    /// Advice a code without a status leaves to the status of the response it comes with.
    pub const PER_RESPONSE: Advice = Advice {
        word: "by response status",
        derived_from: None,
    };

    /// How the change from `old` to `new` affects users, or `None` when nothing changed that the
    /// generated code shows. The word is what users match on; whether it is stated only changes
    /// the rustdoc and the constant's spelling.
    fn change(old: Advice, new: Advice) -> Option<Severity> {
        if old.word != new.word {
            Some(Severity::Breaking)
        } else if old.derived_from.is_some() != new.derived_from.is_some() {
            Some(Severity::Compatible)
        } else {
            None
        }
    }
}

impl fmt::Display for Advice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == Advice::PER_RESPONSE {
            return f.write_str("derived from each response's status");
        }
        match self.derived_from {
            None => write!(f, "`{}`", self.word),
            Some(status) => write!(f, "`{}` (derived from {status})", self.word),
        }
    }
}

/// A code's statuses for a message: `400`, `403, 429`, or `none`.
fn status_list(statuses: &[u16]) -> String {
    if statuses.is_empty() {
        return "none".to_owned();
    }
    statuses
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The category word a status implies (`unknown` when it implies none).
fn derived_category(status: u16) -> &'static str {
    Category::for_status(status).map_or("unknown", Category::as_str)
}

/// The retry advice word a status implies.
fn derived_retry(status: u16) -> &'static str {
    RetryAdvice::for_status(status).as_str()
}

/// A text of a code that only people read.
///
/// # Example
///
/// ```
/// assert_eq!(errcat_cli::diff::CodeText::UserMessage.as_str(), "user_message");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeText {
    /// `message` (with `identify_by: code`; with `identify_by: message` it is the wire string).
    Message,
    /// `description`
    Description,
    /// `user_message`
    UserMessage,
    /// `fix`
    Fix,
}

impl CodeText {
    /// The catalog key.
    pub fn as_str(self) -> &'static str {
        match self {
            CodeText::Message => "message",
            CodeText::Description => "description",
            CodeText::UserMessage => "user_message",
            CodeText::Fix => "fix",
        }
    }
}

/// A list of the catalog whose order the generated code keeps.
///
/// # Example
///
/// ```
/// use errcat_cli::diff::{Change, Kind, Section, Severity};
///
/// let reordered = Change::new(Kind::Reordered { section: Section::Codes });
/// assert_eq!(reordered.severity, Severity::Compatible);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// `envelope.keys` (`ENVELOPE`, the order slots are rendered in).
    Slots,
    /// The wire names of one slot after the rendered one (which one fills the slot when a body
    /// has several).
    SlotNames(Slot),
    /// `statuses` (`STATUSES`).
    Statuses,
    /// `types` (`ErrorType::ALL`, `ErrorType::index`).
    Types,
    /// `codes` (`Code::ALL`, `Code::index`).
    Codes,
    /// Every example (`EXAMPLES`).
    Examples,
}

/// What changed, for programs. Codes and types are named by their wire string (for a code or
/// type whose wire string changed, by its Rust variant name).
///
/// # Example
///
/// ```
/// use errcat_cli::diff::{Change, Kind, Severity};
///
/// let added = Change::new(Kind::CodeAdded { wire: "gone".into(), ident: "Gone".into() });
/// assert_eq!(added.severity, Severity::Compatible);
/// let removed = Change::new(Kind::CodeRemoved { wire: "gone".into(), ident: "Gone".into() });
/// assert_eq!(removed.severity, Severity::Breaking);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    // --- The provider ---
    /// Breaking: the module `errcat_generated::<old>` is gone.
    ModuleRenamed {
        /// The old module name.
        old: String,
        /// The new module name.
        new: String,
    },
    /// Compatible: the display name (`PROVIDER.name`, rustdoc).
    NameChanged {
        /// The old name.
        old: String,
        /// The new name.
        new: String,
    },
    /// Compatible: the provider's description (`PROVIDER.description`, rustdoc).
    ProviderDescriptionChanged {
        /// The old description.
        old: Option<String>,
        /// The new description.
        new: Option<String>,
    },
    /// Breaking: bodies are identified another way; every wire string changes meaning.
    IdentifyByChanged {
        /// The old way.
        old: IdentifyBy,
        /// The new way.
        new: IdentifyBy,
    },

    // --- The envelope ---
    /// Breaking: the error object moved (`None`: a flat body).
    NestingChanged {
        /// The old `nested_under`.
        old: Option<String>,
        /// The new `nested_under`.
        new: Option<String>,
    },
    /// Compatible: a new slot (new accessors).
    SlotAdded {
        /// The slot.
        slot: Slot,
        /// Its wire names.
        names: Vec<String>,
    },
    /// Breaking: a slot is gone, and its accessors with it; bodies' keys go to `extra()`.
    SlotRemoved {
        /// The slot.
        slot: Slot,
        /// Its old wire names.
        names: Vec<String>,
    },
    /// Breaking: a slot is rendered under another wire key.
    SlotRenamed {
        /// The slot.
        slot: Slot,
        /// The old rendered wire name.
        old: String,
        /// The new rendered wire name.
        new: String,
    },
    /// Compatible: a slot also decodes from another wire key.
    AliasAdded {
        /// The slot.
        slot: Slot,
        /// The new wire name.
        alias: String,
    },
    /// Breaking: bodies using this wire key no longer fill the slot.
    AliasRemoved {
        /// The slot.
        slot: Slot,
        /// The wire name no longer accepted.
        alias: String,
    },
    /// Breaking: `Error::error_type()` changes its return type (`Option<&ErrorType>` when the
    /// catalog has types, `Option<&str>` when it has none), because the first type was added or
    /// the last one removed while the envelope has a `type` slot.
    ErrorTypeAccessorChanged {
        /// Whether it now returns `Option<&ErrorType>`.
        typed: bool,
    },

    // --- The status table ---
    /// Compatible: a new status-table row.
    StatusRowAdded {
        /// The status.
        status: u16,
    },
    /// Breaking: `status_info(status)` is now `None`, and unknown codes with that status take
    /// the category and retry advice derived from it.
    StatusRowRemoved {
        /// The status.
        status: u16,
    },
    /// Compatible: a row's `meaning` text.
    StatusMeaningChanged {
        /// The status.
        status: u16,
        /// The old meaning.
        old: String,
        /// The new meaning.
        new: String,
    },
    /// A row's category, which unknown codes with its status take: breaking when the word
    /// changes, compatible when it only becomes stated or derived.
    StatusCategoryChanged {
        /// The status.
        status: u16,
        /// The old category.
        old: Advice,
        /// The new category.
        new: Advice,
    },
    /// A row's retry advice, which unknown codes with its status take: breaking when the word
    /// changes, compatible when it only becomes stated or derived.
    StatusRetryChanged {
        /// The status.
        status: u16,
        /// The old advice.
        old: Advice,
        /// The new advice.
        new: Advice,
    },

    // --- Error types ---
    /// Compatible: a new `ErrorType` variant.
    TypeAdded {
        /// The wire string.
        wire: String,
        /// The Rust variant name.
        ident: String,
    },
    /// Breaking: an `ErrorType` variant is gone (its wire string decodes to `Unknown`).
    TypeRemoved {
        /// The wire string.
        wire: String,
        /// The Rust variant name.
        ident: String,
    },
    /// Breaking: the same wire string under another `ErrorType` variant.
    TypeRenamed {
        /// The wire string.
        wire: String,
        /// The old Rust variant name.
        old: String,
        /// The new Rust variant name.
        new: String,
    },
    /// Breaking: the same `ErrorType` variant for another wire string.
    TypeWireChanged {
        /// The Rust variant name.
        ident: String,
        /// The old wire string.
        old: String,
        /// The new wire string.
        new: String,
    },
    /// Compatible: a type's description.
    TypeDescriptionChanged {
        /// The wire string.
        wire: String,
    },
    /// Breaking: a type's default status (`TypeInfo::status`).
    TypeStatusChanged {
        /// The wire string.
        wire: String,
        /// The old default.
        old: Option<u16>,
        /// The new default.
        new: Option<u16>,
    },
    /// Breaking: a type's default category (`TypeInfo::category`).
    TypeCategoryChanged {
        /// The wire string.
        wire: String,
        /// The old default.
        old: Option<Category>,
        /// The new default.
        new: Option<Category>,
    },
    /// Breaking: a type's default retry advice (`TypeInfo::retry`).
    TypeRetryChanged {
        /// The wire string.
        wire: String,
        /// The old default.
        old: Option<RetryAdvice>,
        /// The new default.
        new: Option<RetryAdvice>,
    },

    // --- Codes ---
    /// Compatible: a new `Code` variant.
    CodeAdded {
        /// The wire string.
        wire: String,
        /// The Rust variant name.
        ident: String,
    },
    /// Breaking: a `Code` variant is gone (its wire string decodes to `Unknown`).
    CodeRemoved {
        /// The wire string.
        wire: String,
        /// The Rust variant name.
        ident: String,
    },
    /// Breaking: the same wire string under another `Code` variant.
    CodeRenamed {
        /// The wire string.
        wire: String,
        /// The old Rust variant name.
        old: String,
        /// The new Rust variant name.
        new: String,
    },
    /// Breaking: the same `Code` variant for another wire string.
    WireChanged {
        /// The Rust variant name.
        ident: String,
        /// The old wire string.
        old: String,
        /// The new wire string.
        new: String,
    },
    /// Breaking: a code's documented statuses (the first is the one it is built with; none: the
    /// response's status stands).
    StatusChanged {
        /// The wire string.
        wire: String,
        /// The old statuses.
        old: Vec<u16>,
        /// The new statuses.
        new: Vec<u16>,
    },
    /// Breaking: a code's type (`Code::error_type`), by wire string.
    TypeChanged {
        /// The wire string of the code.
        wire: String,
        /// The old type's wire string.
        old: Option<String>,
        /// The new type's wire string.
        new: Option<String>,
    },
    /// A code's category: breaking when the word changes (users match on it), compatible when
    /// it only becomes stated or derived.
    CategoryChanged {
        /// The wire string.
        wire: String,
        /// The old category.
        old: Advice,
        /// The new category.
        new: Advice,
    },
    /// A code's retry advice: breaking when the word changes (users and retry loops branch on
    /// it), compatible when it only becomes stated or derived.
    RetryChanged {
        /// The wire string.
        wire: String,
        /// The old advice.
        old: Advice,
        /// The new advice.
        new: Advice,
    },
    /// Compatible: a text of a code.
    CodeTextChanged {
        /// The wire string.
        wire: String,
        /// Which text.
        field: CodeText,
        /// The old text.
        old: Option<String>,
        /// The new text.
        new: Option<String>,
    },
    /// Compatible: where the provider documents a code.
    EndpointsChanged {
        /// The wire string.
        wire: String,
        /// The old endpoints.
        old: Vec<String>,
        /// The new endpoints.
        new: Vec<String>,
    },

    // --- Examples ---
    /// Compatible: a new example.
    ExampleAdded {
        /// The wire string of its code (`None`: an unknown code).
        code: Option<String>,
        /// Its description.
        description: Option<String>,
        /// Its status.
        status: u16,
    },
    /// Compatible: an example is gone (or changed: the old one is removed, the new one added).
    ExampleRemoved {
        /// The wire string of its code (`None`: an unknown code).
        code: Option<String>,
        /// Its description.
        description: Option<String>,
        /// Its status.
        status: u16,
    },

    // --- Order ---
    /// Compatible: entries present in both versions come in another order.
    Reordered {
        /// Which list.
        section: Section,
    },
}

impl Kind {
    /// How a change of this kind affects users.
    pub fn severity(&self) -> Severity {
        use Kind::*;
        match self {
            StatusCategoryChanged { old, new, .. }
            | StatusRetryChanged { old, new, .. }
            | CategoryChanged { old, new, .. }
            | RetryChanged { old, new, .. } => {
                Advice::change(*old, *new).unwrap_or(Severity::Compatible)
            }
            ModuleRenamed { .. }
            | IdentifyByChanged { .. }
            | NestingChanged { .. }
            | SlotRemoved { .. }
            | SlotRenamed { .. }
            | AliasRemoved { .. }
            | ErrorTypeAccessorChanged { .. }
            | StatusRowRemoved { .. }
            | TypeRemoved { .. }
            | TypeRenamed { .. }
            | TypeWireChanged { .. }
            | TypeStatusChanged { .. }
            | TypeCategoryChanged { .. }
            | TypeRetryChanged { .. }
            | CodeRemoved { .. }
            | CodeRenamed { .. }
            | WireChanged { .. }
            | StatusChanged { .. }
            | TypeChanged { .. } => Severity::Breaking,
            NameChanged { .. }
            | ProviderDescriptionChanged { .. }
            | SlotAdded { .. }
            | AliasAdded { .. }
            | StatusRowAdded { .. }
            | StatusMeaningChanged { .. }
            | TypeAdded { .. }
            | TypeDescriptionChanged { .. }
            | CodeAdded { .. }
            | CodeTextChanged { .. }
            | EndpointsChanged { .. }
            | ExampleAdded { .. }
            | ExampleRemoved { .. }
            | Reordered { .. } => Severity::Compatible,
        }
    }

    /// The one-line description.
    fn describe(&self) -> String {
        use Kind::*;
        match self {
            ModuleRenamed { old, new } => format!("module `{old}` → `{new}`"),
            NameChanged { old, new } => format!("provider name {old:?} → {new:?}"),
            ProviderDescriptionChanged { .. } => "provider description changed".to_owned(),
            IdentifyByChanged { old, new } => format!(
                "identify_by `{}` → `{}`",
                identify_by_word(*old),
                identify_by_word(*new)
            ),
            NestingChanged { old, new } => format!(
                "envelope nested_under {} → {}",
                nesting(old.as_deref()),
                nesting(new.as_deref())
            ),
            SlotAdded { slot, names } => format!(
                "envelope slot `{}` added (wire key {})",
                slot.as_str(),
                quoted_list(names)
            ),
            SlotRemoved { slot, names } => format!(
                "envelope slot `{}` removed (wire key {}; its accessors disappear)",
                slot.as_str(),
                quoted_list(names)
            ),
            SlotRenamed { slot, old, new } => {
                format!(
                    "envelope slot `{}` wire key `{old}` → `{new}`",
                    slot.as_str()
                )
            }
            AliasAdded { slot, alias } => {
                format!("envelope slot `{}` alias `{alias}` added", slot.as_str())
            }
            AliasRemoved { slot, alias } => format!(
                "envelope slot `{}` alias `{alias}` removed (no longer decoded)",
                slot.as_str()
            ),
            ErrorTypeAccessorChanged { typed } => {
                let (old, new) = if *typed {
                    ("Option<&str>", "Option<&ErrorType>")
                } else {
                    ("Option<&ErrorType>", "Option<&str>")
                };
                format!("`Error::error_type()` returns `{old}` → `{new}`")
            }
            StatusRowAdded { status } => format!("status {status} added to the status table"),
            StatusRowRemoved { status } => {
                format!("status {status} removed from the status table")
            }
            StatusMeaningChanged { status, .. } => format!("status {status} meaning changed"),
            StatusCategoryChanged { status, old, new } => {
                format!("status {status} category (of unknown codes) {old} → {new}")
            }
            StatusRetryChanged { status, old, new } => {
                format!("status {status} retry (of unknown codes) {old} → {new}")
            }
            TypeAdded { wire, ident } => format!("type `{wire}` added (`ErrorType::{ident}`)"),
            TypeRemoved { wire, ident } => {
                format!("type `{wire}` removed (`ErrorType::{ident}`)")
            }
            TypeRenamed { wire, old, new } => {
                format!("type `{wire}` variant `ErrorType::{old}` → `ErrorType::{new}`")
            }
            TypeWireChanged { ident, old, new } => {
                format!("type `ErrorType::{ident}` wire string `{old}` → `{new}`")
            }
            TypeDescriptionChanged { wire } => format!("type `{wire}` description changed"),
            TypeStatusChanged { wire, old, new } => format!(
                "type `{wire}` default status {} → {}",
                optional(old.map(|status| status.to_string())),
                optional(new.map(|status| status.to_string()))
            ),
            TypeCategoryChanged { wire, old, new } => format!(
                "type `{wire}` default category {} → {}",
                optional_word(old.map(Category::as_str)),
                optional_word(new.map(Category::as_str))
            ),
            TypeRetryChanged { wire, old, new } => format!(
                "type `{wire}` default retry {} → {}",
                optional_word(old.map(RetryAdvice::as_str)),
                optional_word(new.map(RetryAdvice::as_str))
            ),
            CodeAdded { wire, ident } => format!("code `{wire}` added (`Code::{ident}`)"),
            CodeRemoved { wire, ident } => format!("code `{wire}` removed (`Code::{ident}`)"),
            CodeRenamed { wire, old, new } => {
                format!("code `{wire}` variant `Code::{old}` → `Code::{new}`")
            }
            WireChanged { ident, old, new } => {
                format!("code `Code::{ident}` wire string `{old}` → `{new}`")
            }
            StatusChanged { wire, old, new } => format!(
                "code `{wire}` status {} → {}",
                status_list(old),
                status_list(new)
            ),
            TypeChanged { wire, old, new } => format!(
                "code `{wire}` type {} → {}",
                optional_word(old.as_deref()),
                optional_word(new.as_deref())
            ),
            CategoryChanged { wire, old, new } => {
                format!("code `{wire}` category {old} → {new}")
            }
            RetryChanged { wire, old, new } => format!("code `{wire}` retry {old} → {new}"),
            CodeTextChanged {
                wire,
                field,
                old,
                new,
            } => {
                let how = match (old, new) {
                    (None, Some(_)) => "added",
                    (Some(_), None) => "removed",
                    _ => "changed",
                };
                format!("code `{wire}` {} {how}", field.as_str())
            }
            EndpointsChanged { wire, .. } => format!("code `{wire}` endpoints changed"),
            ExampleAdded {
                code,
                description,
                status,
            } => format!("{} added", example(code, description, *status)),
            ExampleRemoved {
                code,
                description,
                status,
            } => format!("{} removed", example(code, description, *status)),
            Reordered { section } => match section {
                Section::Slots => "envelope slots reordered".to_owned(),
                Section::SlotNames(slot) => {
                    format!("envelope slot `{}` aliases reordered", slot.as_str())
                }
                Section::Statuses => "status table reordered".to_owned(),
                Section::Types => "types reordered".to_owned(),
                Section::Codes => "codes reordered".to_owned(),
                Section::Examples => "examples reordered".to_owned(),
            },
        }
    }
}

fn identify_by_word(identify_by: IdentifyBy) -> &'static str {
    match identify_by {
        IdentifyBy::Code => "code",
        IdentifyBy::Message => "message",
    }
}

fn nesting(key: Option<&str>) -> String {
    match key {
        Some(key) => format!("`{key}`"),
        None => "none (flat)".to_owned(),
    }
}

fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn optional(value: Option<String>) -> String {
    value.unwrap_or_else(|| "none".to_owned())
}

fn optional_word(word: Option<&str>) -> String {
    match word {
        Some(word) => format!("`{word}`"),
        None => "none".to_owned(),
    }
}

fn example(code: &Option<String>, description: &Option<String>, status: u16) -> String {
    let of = match code {
        Some(wire) => format!("code `{wire}`"),
        None => "an unknown code".to_owned(),
    };
    match description {
        Some(description) => format!("example {description:?} of {of} (status {status})"),
        None => format!("example of {of} (status {status})"),
    }
}

/// Whether any change is breaking.
///
/// # Example
///
/// ```
/// use errcat_cli::diff::{compare, CodeText, Kind, Severity};
/// use errcat_codegen::load_catalog;
///
/// let old = "name: Shop\nenvelope:\n  keys: {code: code, message: message}\nstatuses:\n  404: {meaning: Not Found}\ncodes:\n  order_not_found: {status: 404, message: order not found}\n";
/// let new = old.replace("message: order not found", "message: no such order");
/// let changes = compare(
///     &load_catalog("old.yaml", old.as_bytes(), "shop").unwrap(),
///     &load_catalog("new.yaml", new.as_bytes(), "shop").unwrap(),
/// );
/// assert!(!errcat_cli::diff::is_breaking(&changes));
/// ```
pub fn is_breaking(changes: &[Change]) -> bool {
    changes
        .iter()
        .any(|change| change.severity == Severity::Breaking)
}

/// The changes for people: one line per change, breaking ones first (each group in the order of
/// `changes`), then a summary line (`3 changes: 1 breaking, 2 compatible`); `no changes` when
/// there are none. Every line ends with `\n`.
///
/// # Example
///
/// ```
/// use errcat_cli::diff::{compare, CodeText, Kind, Severity};
/// use errcat_codegen::load_catalog;
///
/// let old = "name: Shop\nenvelope:\n  keys: {code: code, message: message}\nstatuses:\n  404: {meaning: Not Found}\ncodes:\n  order_not_found: {status: 404, message: order not found}\n";
/// let new = old.replace("message: order not found", "message: no such order");
/// let changes = compare(
///     &load_catalog("old.yaml", old.as_bytes(), "shop").unwrap(),
///     &load_catalog("new.yaml", new.as_bytes(), "shop").unwrap(),
/// );
/// let text = errcat_cli::diff::report(&changes);
/// assert!(text.contains("compatible: code `order_not_found`"));
/// ```
pub fn report(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "no changes\n".to_owned();
    }
    let mut out = String::new();
    let mut counts = [0usize; 2];
    for (index, severity) in [Severity::Breaking, Severity::Compatible]
        .into_iter()
        .enumerate()
    {
        for change in changes.iter().filter(|change| change.severity == severity) {
            out.push_str(&change.to_string());
            out.push('\n');
            counts[index] += 1;
        }
    }
    let [breaking, compatible] = counts;
    let total = changes.len();
    let plural = if total == 1 { "change" } else { "changes" };
    out.push_str(&format!(
        "{total} {plural}: {breaking} breaking, {compatible} compatible\n"
    ));
    out
}

/// The changes from `old` to `new`, in a fixed order: the provider, the envelope, the status
/// table, the types, the codes, the examples; within each, old entries in old order, then added
/// ones in new order. Empty exactly when the two catalogs are equal.
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
///
/// use errcat_cli::diff::{compare, is_breaking};
/// use errcat_codegen::load_catalog;
///
/// let old = load_catalog("old.yaml", CATALOG.as_bytes(), "acme_pay").unwrap();
/// let added = format!("{CATALOG}  expired_card: {{status: 402, message: The card has expired.}}\n");
/// let new = load_catalog("new.yaml", added.as_bytes(), "acme_pay").unwrap();
/// let changes = compare(&old, &new);
/// assert!(!is_breaking(&changes)); // a new code is compatible
/// assert!(is_breaking(&compare(&new, &old))); // a removed one is not
/// ```
pub fn compare(old: &Provider, new: &Provider) -> Vec<Change> {
    let mut kinds = Vec::new();
    provider_changes(old, new, &mut kinds);
    envelope_changes(old, new, &mut kinds);
    status_changes(&old.statuses, &new.statuses, &mut kinds);
    let types = Matching::of(&old.types, &new.types);
    type_changes(old, new, &types, &mut kinds);
    let codes = Matching::of(&old.codes, &new.codes);
    code_changes(old, new, &types, &codes, &mut kinds);
    example_changes(old, new, &mut kinds);
    kinds.into_iter().map(Change::new).collect()
}

fn provider_changes(old: &Provider, new: &Provider, kinds: &mut Vec<Kind>) {
    if old.module != new.module {
        kinds.push(Kind::ModuleRenamed {
            old: old.module.clone(),
            new: new.module.clone(),
        });
    }
    if old.identify_by != new.identify_by {
        kinds.push(Kind::IdentifyByChanged {
            old: old.identify_by,
            new: new.identify_by,
        });
    }
    if old.name != new.name {
        kinds.push(Kind::NameChanged {
            old: old.name.clone(),
            new: new.name.clone(),
        });
    }
    if old.description != new.description {
        kinds.push(Kind::ProviderDescriptionChanged {
            old: old.description.clone(),
            new: new.description.clone(),
        });
    }
}

fn envelope_changes(old: &Provider, new: &Provider, kinds: &mut Vec<Kind>) {
    if old.nested_under != new.nested_under {
        kinds.push(Kind::NestingChanged {
            old: old.nested_under.clone(),
            new: new.nested_under.clone(),
        });
    }
    let find =
        |keys: &[(Slot, Vec<String>)], slot: Slot| keys.iter().position(|(key, _)| *key == slot);
    let mut positions = Vec::new();
    for (slot, old_names) in &old.keys {
        let Some(index) = find(&new.keys, *slot) else {
            kinds.push(Kind::SlotRemoved {
                slot: *slot,
                names: old_names.clone(),
            });
            continue;
        };
        positions.push(index);
        let new_names = &new.keys[index].1;
        let renamed = old_names.first() != new_names.first();
        if renamed {
            kinds.push(Kind::SlotRenamed {
                slot: *slot,
                old: old_names.first().cloned().unwrap_or_default(),
                new: new_names.first().cloned().unwrap_or_default(),
            });
        }
        // With a rename, the old rendered name's going and the new one's coming are the rename.
        let skip = usize::from(renamed);
        for alias in old_names
            .iter()
            .skip(skip)
            .filter(|name| !new_names.contains(name))
        {
            kinds.push(Kind::AliasRemoved {
                slot: *slot,
                alias: alias.clone(),
            });
        }
        for alias in new_names
            .iter()
            .skip(skip)
            .filter(|name| !old_names.contains(name))
        {
            kinds.push(Kind::AliasAdded {
                slot: *slot,
                alias: alias.clone(),
            });
        }
        // The aliases after the rendered name, in the order that decides which fills the slot.
        let common = |names: &[String], others: &[String]| -> Vec<String> {
            names
                .iter()
                .skip(1)
                .filter(|name| others.iter().skip(1).any(|other| other == *name))
                .cloned()
                .collect()
        };
        if !renamed && common(old_names, new_names) != common(new_names, old_names) {
            kinds.push(Kind::Reordered {
                section: Section::SlotNames(*slot),
            });
        }
    }
    for (slot, names) in &new.keys {
        if find(&old.keys, *slot).is_none() {
            kinds.push(Kind::SlotAdded {
                slot: *slot,
                names: names.clone(),
            });
        }
    }
    if !increasing(&positions) {
        kinds.push(Kind::Reordered {
            section: Section::Slots,
        });
    }
    let typed = |provider: &Provider| !provider.types.is_empty() && provider.has_slot(Slot::Type);
    if old.has_slot(Slot::Type) && new.has_slot(Slot::Type) && typed(old) != typed(new) {
        kinds.push(Kind::ErrorTypeAccessorChanged { typed: typed(new) });
    }
}

fn status_changes(old: &[Status], new: &[Status], kinds: &mut Vec<Kind>) {
    let mut positions = Vec::new();
    for row in old {
        let Some(index) = new.iter().position(|other| other.status == row.status) else {
            kinds.push(Kind::StatusRowRemoved { status: row.status });
            continue;
        };
        positions.push(index);
        let other = &new[index];
        if row.meaning != other.meaning {
            kinds.push(Kind::StatusMeaningChanged {
                status: row.status,
                old: row.meaning.clone(),
                new: other.meaning.clone(),
            });
        }
        let (old_category, new_category) = (
            Advice::category(row.category, row.status),
            Advice::category(other.category, other.status),
        );
        if Advice::change(old_category, new_category).is_some() {
            kinds.push(Kind::StatusCategoryChanged {
                status: row.status,
                old: old_category,
                new: new_category,
            });
        }
        let (old_retry, new_retry) = (
            Advice::retry(row.retry, row.status),
            Advice::retry(other.retry, other.status),
        );
        if Advice::change(old_retry, new_retry).is_some() {
            kinds.push(Kind::StatusRetryChanged {
                status: row.status,
                old: old_retry,
                new: new_retry,
            });
        }
    }
    for row in new {
        if !old.iter().any(|other| other.status == row.status) {
            kinds.push(Kind::StatusRowAdded { status: row.status });
        }
    }
    if !increasing(&positions) {
        kinds.push(Kind::Reordered {
            section: Section::Statuses,
        });
    }
}

/// A code or a type: a wire string and a Rust variant name.
trait Named {
    fn wire(&self) -> &str;
    fn ident(&self) -> &str;
}

impl Named for Code {
    fn wire(&self) -> &str {
        &self.wire
    }
    fn ident(&self) -> &str {
        &self.ident
    }
}

impl Named for Type {
    fn wire(&self) -> &str {
        &self.wire
    }
    fn ident(&self) -> &str {
        &self.ident
    }
}

/// Which new entry each old one became: the one with the same Rust variant name, else (a
/// rename) the unclaimed one with the same wire string.
struct Matching {
    /// For each old entry, the index of its new entry.
    old_to_new: Vec<Option<usize>>,
    /// For each new entry, whether an old one became it.
    claimed: Vec<bool>,
}

impl Matching {
    fn of<T: Named>(old: &[T], new: &[T]) -> Matching {
        let mut old_to_new: Vec<Option<usize>> = old
            .iter()
            .map(|entry| new.iter().position(|other| other.ident() == entry.ident()))
            .collect();
        let mut claimed = vec![false; new.len()];
        for index in old_to_new.iter().flatten() {
            claimed[*index] = true;
        }
        for (entry, slot) in old.iter().zip(&mut old_to_new) {
            if slot.is_none() {
                *slot = new
                    .iter()
                    .enumerate()
                    .position(|(index, other)| !claimed[index] && other.wire() == entry.wire());
                if let Some(index) = *slot {
                    claimed[index] = true;
                }
            }
        }
        Matching {
            old_to_new,
            claimed,
        }
    }

    fn reordered(&self) -> bool {
        let positions: Vec<usize> = self.old_to_new.iter().flatten().copied().collect();
        !increasing(&positions)
    }
}

fn increasing(positions: &[usize]) -> bool {
    positions.windows(2).all(|pair| pair[0] < pair[1])
}

fn type_changes(old: &Provider, new: &Provider, matching: &Matching, kinds: &mut Vec<Kind>) {
    for (before, index) in old.types.iter().zip(&matching.old_to_new) {
        let Some(index) = *index else {
            kinds.push(Kind::TypeRemoved {
                wire: before.wire.clone(),
                ident: before.ident.clone(),
            });
            continue;
        };
        let after = &new.types[index];
        if before.ident != after.ident {
            kinds.push(Kind::TypeRenamed {
                wire: before.wire.clone(),
                old: before.ident.clone(),
                new: after.ident.clone(),
            });
        }
        if before.wire != after.wire {
            kinds.push(Kind::TypeWireChanged {
                ident: before.ident.clone(),
                old: before.wire.clone(),
                new: after.wire.clone(),
            });
        }
        let wire = after.wire.clone();
        if before.status != after.status {
            kinds.push(Kind::TypeStatusChanged {
                wire: wire.clone(),
                old: before.status,
                new: after.status,
            });
        }
        if before.category != after.category {
            kinds.push(Kind::TypeCategoryChanged {
                wire: wire.clone(),
                old: before.category,
                new: after.category,
            });
        }
        if before.retry != after.retry {
            kinds.push(Kind::TypeRetryChanged {
                wire: wire.clone(),
                old: before.retry,
                new: after.retry,
            });
        }
        if before.description != after.description {
            kinds.push(Kind::TypeDescriptionChanged { wire });
        }
    }
    for (after, claimed) in new.types.iter().zip(&matching.claimed) {
        if !claimed {
            kinds.push(Kind::TypeAdded {
                wire: after.wire.clone(),
                ident: after.ident.clone(),
            });
        }
    }
    if matching.reordered() {
        kinds.push(Kind::Reordered {
            section: Section::Types,
        });
    }
}

fn code_changes(
    old: &Provider,
    new: &Provider,
    types: &Matching,
    matching: &Matching,
    kinds: &mut Vec<Kind>,
) {
    // With `identify_by: message` in both, the message is the wire string: a new text is a
    // `WireChanged`, not a text change.
    let message_is_wire =
        old.identify_by == IdentifyBy::Message && new.identify_by == IdentifyBy::Message;
    for (before, index) in old.codes.iter().zip(&matching.old_to_new) {
        let Some(index) = *index else {
            kinds.push(Kind::CodeRemoved {
                wire: before.wire.clone(),
                ident: before.ident.clone(),
            });
            continue;
        };
        let after = &new.codes[index];
        if before.ident != after.ident {
            kinds.push(Kind::CodeRenamed {
                wire: before.wire.clone(),
                old: before.ident.clone(),
                new: after.ident.clone(),
            });
        }
        if before.wire != after.wire {
            kinds.push(Kind::WireChanged {
                ident: before.ident.clone(),
                old: before.wire.clone(),
                new: after.wire.clone(),
            });
        }
        let wire = &after.wire;
        if before.statuses != after.statuses {
            kinds.push(Kind::StatusChanged {
                wire: wire.clone(),
                old: before.statuses.clone(),
                new: after.statuses.clone(),
            });
        }
        // The same type is the matched type, whatever its wire string or variant name now.
        let same_type = match (before.type_index, after.type_index) {
            (None, None) => true,
            (Some(old_type), Some(new_type)) => types.old_to_new[old_type] == Some(new_type),
            _ => false,
        };
        if !same_type {
            kinds.push(Kind::TypeChanged {
                wire: wire.clone(),
                old: before.type_index.map(|index| old.types[index].wire.clone()),
                new: after.type_index.map(|index| new.types[index].wire.clone()),
            });
        }
        let (old_category, new_category) = (
            Advice::code_category(before.category, before.status()),
            Advice::code_category(after.category, after.status()),
        );
        if Advice::change(old_category, new_category).is_some() {
            kinds.push(Kind::CategoryChanged {
                wire: wire.clone(),
                old: old_category,
                new: new_category,
            });
        }
        let (old_retry, new_retry) = (
            Advice::code_retry(before.retry, before.status()),
            Advice::code_retry(after.retry, after.status()),
        );
        if Advice::change(old_retry, new_retry).is_some() {
            kinds.push(Kind::RetryChanged {
                wire: wire.clone(),
                old: old_retry,
                new: new_retry,
            });
        }
        let texts = [
            (
                CodeText::Message,
                (!message_is_wire).then(|| before.message.clone()),
                (!message_is_wire).then(|| after.message.clone()),
            ),
            (
                CodeText::Description,
                before.description.clone(),
                after.description.clone(),
            ),
            (
                CodeText::UserMessage,
                before.user_message.clone(),
                after.user_message.clone(),
            ),
            (CodeText::Fix, before.fix.clone(), after.fix.clone()),
        ];
        for (field, old_text, new_text) in texts {
            if old_text != new_text {
                kinds.push(Kind::CodeTextChanged {
                    wire: wire.clone(),
                    field,
                    old: old_text,
                    new: new_text,
                });
            }
        }
        if before.endpoints != after.endpoints {
            kinds.push(Kind::EndpointsChanged {
                wire: wire.clone(),
                old: before.endpoints.clone(),
                new: after.endpoints.clone(),
            });
        }
    }
    for (after, claimed) in new.codes.iter().zip(&matching.claimed) {
        if !claimed {
            kinds.push(Kind::CodeAdded {
                wire: after.wire.clone(),
                ident: after.ident.clone(),
            });
        }
    }
    if matching.reordered() {
        kinds.push(Kind::Reordered {
            section: Section::Codes,
        });
    }
}

/// An example as the generated `EXAMPLES` has it: its code by wire string.
#[derive(PartialEq)]
struct ExampleKey<'a> {
    code: Option<&'a str>,
    example: &'a Example,
}

impl<'a> ExampleKey<'a> {
    fn all(provider: &'a Provider) -> Vec<ExampleKey<'a>> {
        provider
            .examples
            .iter()
            .map(|example| ExampleKey {
                code: example
                    .code
                    .and_then(|index| provider.codes.get(index))
                    .map(|code| code.wire.as_str()),
                example,
            })
            .collect()
    }

    fn same(&self, other: &ExampleKey<'_>) -> bool {
        let (a, b) = (self.example, other.example);
        self.code == other.code
            && a.description == b.description
            && a.status == b.status
            && a.headers == b.headers
            && a.body == b.body
    }

    fn fields(&self) -> (Option<String>, Option<String>, u16) {
        (
            self.code.map(str::to_owned),
            self.example.description.clone(),
            self.example.status,
        )
    }
}

fn example_changes(old: &Provider, new: &Provider, kinds: &mut Vec<Kind>) {
    let (before, after) = (ExampleKey::all(old), ExampleKey::all(new));
    let mut claimed = vec![false; after.len()];
    let mut positions = Vec::new();
    for example in &before {
        let found = after
            .iter()
            .enumerate()
            .position(|(index, other)| !claimed[index] && example.same(other));
        match found {
            Some(index) => {
                claimed[index] = true;
                positions.push(index);
            }
            None => {
                let (code, description, status) = example.fields();
                kinds.push(Kind::ExampleRemoved {
                    code,
                    description,
                    status,
                });
            }
        }
    }
    for (example, claimed) in after.iter().zip(&claimed) {
        if !claimed {
            let (code, description, status) = example.fields();
            kinds.push(Kind::ExampleAdded {
                code,
                description,
                status,
            });
        }
    }
    if !increasing(&positions) {
        kinds.push(Kind::Reordered {
            section: Section::Examples,
        });
    }
}
