//! Validation: rules across a whole [`Catalog`], and resolution of its defaults into a
//! [`Provider`](crate::plan::Provider) plan.
//!
//! Each rule is one function that records every violation it finds and carries on, so that a
//! catalog with five problems reports five diagnostics in one run.

use std::collections::{BTreeMap, HashMap};

use errcat_table::MAX_NAMES_PER_KEY;

use crate::diagnostic::{did_you_mean, Diagnostics, Rule};
use crate::ident;
use crate::model::MAIN_SHAPE;
use crate::model::{
    Catalog, Code, Fallback, FrontEnd, IdentifyBy, Located, Origin, Slot, HEADER_NAME_KEYS,
};
use crate::plan;

#[cfg(feature = "build-script")]
mod examples;

/// Checks `catalog` and resolves it. Returns `None` when any problem was recorded.
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
/// use errcat_codegen::diagnostic::{Diagnostics, Rule};
/// use errcat_codegen::{read, validate, yaml};
///
/// // A code naming a type the catalog does not define: read fine, refused by the rules.
/// let broken = CATALOG.replace("type: card_error\n    message", "type: card_eror\n    message");
/// let root = yaml::parse(&broken).unwrap();
/// let mut diagnostics = Diagnostics::default();
/// let catalog = read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// assert!(validate::check(&catalog, &mut diagnostics).is_none());
/// assert!(diagnostics.into_vec().iter().any(|found| found.rule == Rule::UnknownType));
/// ```
pub fn check(catalog: &Catalog, diagnostics: &mut Diagnostics) -> Option<plan::Provider> {
    let module = check_module_name(catalog, diagnostics);
    let keys = check_envelope(catalog, diagnostics);
    let statuses = check_status_table(catalog, diagnostics);
    let types = check_types(catalog, diagnostics);
    let code_idents = check_code_names(catalog, diagnostics);
    check_unique_wire_strings(catalog, diagnostics);
    check_texts(catalog, diagnostics);
    let mut codes = resolve_codes(catalog, &types, &statuses, &code_idents, diagnostics);
    let identification = check_identification(catalog, diagnostics);
    // Examples come from catalog files, which only the `build-script` feature reads.
    #[cfg(feature = "build-script")]
    let examples = examples::check(catalog, &codes, &identification, diagnostics);
    #[cfg(not(feature = "build-script"))]
    let examples = Vec::new();
    let header_names = check_header_names(catalog, diagnostics);
    let fields = check_declared_fields(catalog, diagnostics);
    let subcodes = check_subcodes(catalog, &statuses, diagnostics);
    let (shapes, code_shapes) = check_shapes(catalog, diagnostics);
    if !diagnostics.is_empty() {
        return None;
    }
    let Identification {
        patterns,
        type_codes,
        status_codes,
    } = identification;
    for ((code, pattern), shape) in codes.iter_mut().zip(patterns).zip(code_shapes) {
        if let Some(code) = code {
            code.pattern = pattern;
            code.shape = shape;
        }
    }
    let types: Vec<plan::Type> = types
        .into_iter()
        .zip(type_codes)
        .map(|(error_type, code)| plan::Type { code, ..error_type })
        .collect();
    let statuses: Vec<plan::Status> = statuses
        .into_iter()
        .map(|row| plan::Status {
            code: status_codes
                .iter()
                .find(|(status, _)| *status == u64::from(row.status))
                .map(|(_, code)| *code),
            ..row
        })
        .collect();
    Some(plan::Provider {
        module: module?,
        name: catalog.name.as_ref()?.value.clone(),
        description: catalog.description.clone(),
        identify_by: catalog.identify_by,
        fallbacks: catalog
            .fallbacks
            .iter()
            .map(|fallback| fallback.value)
            .collect(),
        nested_under: catalog
            .envelope
            .nested_under
            .as_ref()
            .or(catalog.envelope.list_under.as_ref())
            .map(|key| key.value.clone()),
        list: catalog.envelope.list_under.is_some(),
        shapes,
        keys,
        fields,
        error_when: catalog
            .envelope
            .error_when
            .iter()
            .map(|(key, value)| (key.value.clone(), value.clone()))
            .collect(),
        statuses,
        types,
        codes: codes.into_iter().collect::<Option<Vec<_>>>()?,
        subcodes,
        examples,
        header_names,
    })
}

/// The provider name must be a snake_case Rust module name that is not a keyword: it becomes
/// `errcat_generated::<provider>`.
fn check_module_name(catalog: &Catalog, diagnostics: &mut Diagnostics) -> Option<String> {
    let provider = &catalog.provider;
    let index = crate::ident::INDEX_MODULE;
    match ident::module_name(&provider.value) {
        Ok(module) if module == index => {
            diagnostics.error_help(
                Rule::ProviderName,
                &provider.origin,
                format!(
                    "provider `{module}` has the name of the file that includes every provider"
                ),
                "choose another provider name",
            );
            None
        }
        Ok(module) if module == provider.value => Some(module),
        Ok(module) => {
            let help = match provider.origin {
                // Defaulted from the file name: the file is what to rename.
                Origin::Yaml(ref path) if path.is_root() => {
                    format!("rename the file to `{module}.yaml`, or add `provider: {module}`")
                }
                _ => format!("write `provider: {module}`"),
            };
            diagnostics.error_help(
                Rule::ProviderName,
                &provider.origin,
                format!(
                    "provider `{}` is not a snake_case module name",
                    provider.value
                ),
                help,
            );
            None
        }
        Err(problem) => {
            diagnostics.error_help(
                Rule::ProviderName,
                &provider.origin,
                format!("provider {}", problem.describe(&provider.value)),
                "choose a provider name that is a Rust module name, e.g. `acme_pay`",
            );
            None
        }
    }
}

/// The envelope must say where the code is (exactly when the provider identifies errors by code)
/// or where the message is (when the message identifies errors; providers with codes may send
/// none, `{"ok": false, "error": "invalid_auth"}`), and must not give one wire key to two slots:
/// decoding could not tell them apart.
fn check_envelope(catalog: &Catalog, diagnostics: &mut Diagnostics) -> Vec<(Slot, Vec<String>)> {
    check_envelope_of(catalog, &catalog.envelope, diagnostics)
}

/// [`check_envelope`] for one envelope of the catalog (the main one, or a further shape's).
fn check_envelope_of(
    catalog: &Catalog,
    envelope: &crate::model::Envelope,
    diagnostics: &mut Diagnostics,
) -> Vec<(Slot, Vec<String>)> {
    let has = |slot: Slot| envelope.keys.iter().any(|key| key.slot.value == slot);
    let keys_origin = envelope.origin.child_key("keys");
    if catalog.identify_by == IdentifyBy::Message && !has(Slot::Message) {
        diagnostics.error_help(
            Rule::Envelope,
            &keys_origin,
            "the envelope has no `message` key",
            "add `message: <wire key>` under `envelope.keys`: this catalog identifies errors by their message",
        );
    }
    match catalog.identify_by {
        IdentifyBy::Code if !has(Slot::Code) => diagnostics.error_help(Rule::Envelope,
            &keys_origin,
            "the envelope has no `code` key",
            "add `code: <wire key>` under `envelope.keys`, or set `identify_by: message` for a provider without codes",
        ),
        IdentifyBy::Message if has(Slot::Code) => {
            let origin = envelope
                .keys
                .iter()
                .find(|key| key.slot.value == Slot::Code)
                .map_or(keys_origin.clone(), |key| key.slot.origin.clone());
            diagnostics.error_help(Rule::Envelope,
                &origin,
                "the envelope has a `code` key, but the catalog identifies errors by message",
                "remove `code` from the envelope, or remove `identify_by: message`",
            );
        }
        _ => {}
    }
    for (key, example) in [
        (&envelope.nested_under, "nested_under: error"),
        (&envelope.list_under, "list_under: errors"),
    ] {
        if let Some(nested) = key.as_ref().filter(|nested| nested.value.is_empty()) {
            let which = example.split(':').next().unwrap_or_default();
            diagnostics.error_help(
                Rule::Envelope,
                &nested.origin,
                format!("`{which}` is empty"),
                format!("name the key (`{example}`), or remove `{which}` for a flat body"),
            );
        }
    }
    if let (Some(_), Some(list)) = (&envelope.nested_under, &envelope.list_under) {
        diagnostics.error_help(
            Rule::Envelope,
            &list.origin.to_key(),
            "the envelope has both `nested_under` and `list_under`",
            "a body holds one error object under `nested_under`, or a list of them under `list_under`: keep one",
        );
    }
    let mut seen: BTreeMap<&str, Slot> = BTreeMap::new();
    for key in &envelope.keys {
        if key.names.len() > MAX_NAMES_PER_KEY {
            diagnostics.error_help(
                Rule::Envelope,
                &key.slot.origin,
                format!(
                    "`{}` has {} wire names; a slot takes at most {MAX_NAMES_PER_KEY}",
                    key.slot.value.as_str(),
                    key.names.len()
                ),
                "list the names the provider really sends",
            );
        }
        if key.names.is_empty() {
            diagnostics.error_help(
                Rule::Envelope,
                &key.slot.origin,
                format!("`{}` names no wire key", key.slot.value.as_str()),
                "give the key's name, e.g. `code: code`",
            );
        }
        for name in &key.names {
            if name.value.is_empty() {
                diagnostics.error_help(
                    Rule::Envelope,
                    &name.origin,
                    "a wire key name is empty",
                    "write the key as the provider sends it",
                );
                continue;
            }
            if let Some(first) = seen.insert(&name.value, key.slot.value) {
                diagnostics.error_help(
                    Rule::Envelope,
                    &name.origin,
                    format!(
                        "wire key `{}` is given to both `{}` and `{}`",
                        name.value,
                        first.as_str(),
                        key.slot.value.as_str()
                    ),
                    "each wire key fills one slot; remove one of them",
                );
            }
        }
    }
    envelope
        .keys
        .iter()
        .map(|key| {
            (
                key.slot.value,
                key.names.iter().map(|name| name.value.clone()).collect(),
            )
        })
        .collect()
}

/// A status must be an HTTP error status: catalogs describe errors, and `http::StatusCode`
/// only holds 100..=999 (of which 100..=599 are defined).
/// A status is an HTTP error status (400..=599); a catalog whose provider also sends errors with
/// success statuses (`error_when`) may use 2xx ones too.
fn check_status(
    catalog: &Catalog,
    status: &Located<u64>,
    diagnostics: &mut Diagnostics,
) -> Option<u16> {
    let success_errors = !catalog.envelope.error_when.is_empty();
    match status.value {
        400..=599 => u16::try_from(status.value).ok(),
        200..=299 if success_errors => u16::try_from(status.value).ok(),
        100..=399 => {
            diagnostics.error_help(
                Rule::Status,
                &status.origin,
                format!("status {} is not an error status", status.value),
                "error responses have statuses 400..=599",
            );
            None
        }
        _ => {
            diagnostics.error_help(
                Rule::Status,
                &status.origin,
                format!("status {} is not an HTTP status", status.value),
                "use the status the provider sends, between 400 and 599",
            );
            None
        }
    }
}

fn check_status_table(catalog: &Catalog, diagnostics: &mut Diagnostics) -> Vec<plan::Status> {
    catalog
        .statuses
        .iter()
        .filter_map(|row| {
            Some(plan::Status {
                status: check_status(catalog, &row.status, diagnostics)?,
                meaning: row.meaning.clone(),
                category: row.category,
                retry: row.retry,
                code: None,
            })
        })
        .collect()
}

/// Types become variants of the generated `ErrorType` enum: each needs a distinct, valid Rust
/// name, and a valid default status.
fn check_types(catalog: &Catalog, diagnostics: &mut Diagnostics) -> Vec<plan::Type> {
    let mut names: BTreeMap<String, &Located<String>> = BTreeMap::new();
    catalog
        .types
        .iter()
        .map(|error_type| {
            // A derive generates no `ErrorType` enum: its types need no Rust names.
            let ident = if catalog.front_end == FrontEnd::Derive {
                String::new()
            } else {
                variant_ident(
                    &error_type.wire,
                    error_type.rust_name.as_ref(),
                    &mut names,
                    ("type", "T"),
                    diagnostics,
                )
                .unwrap_or_default()
            };
            plan::Type {
                wire: error_type.wire.value.clone(),
                ident,
                description: error_type.description.clone(),
                status: error_type
                    .status
                    .as_ref()
                    .and_then(|status| check_status(catalog, status, diagnostics)),
                retry: error_type.retry,
                category: error_type.category,
                code: None,
            }
        })
        .collect()
}

/// A type's or status row's `code` that the catalog's `identify_by` never reads (it lacks
/// `fallback`).
fn unread_code(
    owner: &str,
    name: &Located<String>,
    fallback: Fallback,
    diagnostics: &mut Diagnostics,
) {
    let word = fallback.as_str();
    diagnostics.error_help(
        Rule::Identify,
        &name.origin.to_key(),
        format!("{owner} names a `code`, but `identify_by` does not list `{word}`"),
        format!("add `{word}` to `identify_by` (`identify_by: [code, {word}]`), or remove `code`"),
    );
}

/// What the catalog's ways of identifying an error resolve to: each code's parsed pattern, each
/// type's and each status row's code (by index into the catalog's codes).
struct Identification {
    patterns: Vec<Option<plan::Pattern>>,
    type_codes: Vec<Option<usize>>,
    status_codes: Vec<(u64, usize)>,
}

/// The ways a catalog identifies errors must be usable: every pattern parses, every `code:` of a
/// type or status row names a code, and each fallback `identify_by` lists has something to go
/// on (a pattern, a type or status row naming a code) — while a pattern or `code:` the catalog's
/// `identify_by` never consults would be silently dead, so it is reported too.
fn check_identification(catalog: &Catalog, diagnostics: &mut Diagnostics) -> Identification {
    let listed = |fallback: Fallback| catalog.fallbacks.iter().any(|f| f.value == fallback);
    let keys: Vec<&str> = catalog
        .codes
        .iter()
        .map(|code| code.key.value.as_str())
        .collect();
    let code_index = |name: &Located<String>, owner: String, diagnostics: &mut Diagnostics| {
        let found = keys.iter().position(|key| *key == name.value);
        if found.is_none() {
            let help = match did_you_mean(&name.value, &keys) {
                Some(close) => format!("did you mean `{close}`?"),
                None => "name the key of one of `codes`".to_owned(),
            };
            diagnostics.error_help(
                Rule::Identify,
                &name.origin,
                format!("{owner} names unknown code `{}`", name.value),
                help,
            );
        }
        found
    };
    let patterns_used = catalog.identify_by == IdentifyBy::Message || listed(Fallback::Message);
    let patterns: Vec<Option<plan::Pattern>> = catalog
        .codes
        .iter()
        .map(|code| {
            let pattern = code.pattern.as_ref()?;
            if !patterns_used {
                diagnostics.error_help(
                    Rule::Identify,
                    &pattern.origin.to_key(),
                    format!(
                        "code `{}` has a `pattern`, but `identify_by` never reads one",
                        code.key.value
                    ),
                    "add `message` to `identify_by` (`identify_by: [code, message]`), or remove `pattern`",
                );
            }
            match errcat_table::pattern::parse(&pattern.value) {
                Ok(parts) => Some(parts),
                Err(problem) => {
                    diagnostics.error_help(
                        Rule::Identify,
                        &pattern.origin,
                        format!(
                            "the `pattern` of code `{}` cannot be read: {problem}",
                            code.key.value
                        ),
                        "write the message text with `{name}` where it carries a value",
                    );
                    None
                }
            }
        })
        .collect();
    let type_codes: Vec<Option<usize>> = catalog
        .types
        .iter()
        .map(|error_type| {
            let name = error_type.code.as_ref()?;
            let owner = format!("type `{}`", error_type.wire.value);
            if !listed(Fallback::Type) {
                unread_code(&owner, name, Fallback::Type, diagnostics);
            }
            code_index(name, owner, diagnostics)
        })
        .collect();
    let status_codes: Vec<(u64, usize)> = catalog
        .statuses
        .iter()
        .filter_map(|row| {
            let name = row.code.as_ref()?;
            let owner = format!("status {}", row.status.value);
            if !listed(Fallback::Status) {
                unread_code(&owner, name, Fallback::Status, diagnostics);
            }
            let index = code_index(name, owner, diagnostics)?;
            Some((row.status.value, index))
        })
        .collect();
    for fallback in &catalog.fallbacks {
        let (usable, help) = match fallback.value {
            Fallback::Message => (
                catalog.codes.iter().any(|code| code.pattern.is_some()),
                "give the codes a body may name only by its text a `pattern`",
            ),
            Fallback::Type => (
                catalog.types.iter().any(|t| t.code.is_some())
                    && catalog
                        .envelope
                        .keys
                        .iter()
                        .any(|key| key.slot.value == Slot::Type),
                "give the envelope a `type` key and the types a body may name without a code a `code`",
            ),
            Fallback::Status => (
                catalog.statuses.iter().any(|row| row.code.is_some()),
                "give the status rows a body may be named by a `code`",
            ),
        };
        if !usable {
            diagnostics.error_help(
                Rule::Identify,
                &fallback.origin,
                format!(
                    "`identify_by` lists `{}`, but nothing can be identified that way",
                    fallback.value.as_str()
                ),
                help,
            );
        }
    }
    Identification {
        patterns,
        type_codes,
        status_codes,
    }
}

/// Codes become variants of the generated `Code` enum: each needs a valid Rust name (not a
/// keyword, not starting with a digit, not `Unknown`), and no two codes may collapse to the same
/// name after case conversion (`card_declined` and `CARD_DECLINED`).
fn check_code_names(catalog: &Catalog, diagnostics: &mut Diagnostics) -> Vec<Option<String>> {
    if catalog.front_end == FrontEnd::Derive {
        // The names are the user's own enum variants.
        return catalog
            .codes
            .iter()
            .map(|code| code.rust_name.as_ref().map(|name| name.value.clone()))
            .collect();
    }
    let mut names: BTreeMap<String, &Located<String>> = BTreeMap::new();
    catalog
        .codes
        .iter()
        .map(|code| {
            variant_ident(
                &code.key,
                code.rust_name.as_ref(),
                &mut names,
                ("code", "E"),
                diagnostics,
            )
        })
        .collect()
}

/// The Rust variant name of a code or type: `rust_name`, else the key in UpperCamelCase (with
/// `digit_prefix` before a name that would start with a digit). Two entries may not meet.
fn variant_ident<'a>(
    key: &'a Located<String>,
    explicit: Option<&Located<String>>,
    taken: &mut BTreeMap<String, &'a Located<String>>,
    (what, digit_prefix): (&str, &str),
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let (result, origin) = match explicit {
        Some(name) => (ident::explicit_variant_name(&name.value), &name.origin),
        None => (ident::variant_name(&key.value, digit_prefix), &key.origin),
    };
    match result {
        Ok(name) => {
            if let Some(first) = taken.get(&name) {
                diagnostics.error_help(
                    Rule::RustName,
                    &key.origin,
                    format!(
                        "{what} `{}` and {what} `{}` both become the Rust name `{name}`",
                        first.value, key.value
                    ),
                    format!(
                        "rename one, or give one of them `rust_name:` (first defined at {})",
                        describe_origin(&first.origin)
                    ),
                );
                None
            } else {
                taken.insert(name.clone(), key);
                Some(name)
            }
        }
        Err(problem) => {
            let (message, help) = match explicit {
                Some(name) => (
                    format!(
                        "`rust_name` of {what} `{}`: {}",
                        key.value,
                        problem.describe(&name.value)
                    ),
                    "write an UpperCamelCase Rust identifier, e.g. `CardDeclined`",
                ),
                None => (
                    format!("{what} {}", problem.describe(&key.value)),
                    "give it `rust_name: SomeName` with a valid Rust name",
                ),
            };
            diagnostics.error_help(Rule::RustName, origin, message, help);
            None
        }
    }
}

fn describe_origin(origin: &Origin) -> String {
    match origin {
        Origin::Yaml(path) => format!("`{path}`"),
        Origin::Span(_) | Origin::Unknown => "another place".to_owned(),
    }
}

/// No two codes may share a wire string: decoding could not tell which one a body means. For
/// providers identified by message, the wire string is the message text.
fn check_unique_wire_strings(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    let mut seen: BTreeMap<&str, &Code> = BTreeMap::new();
    for code in &catalog.codes {
        let (wire, origin) = wire_of(catalog, code);
        if let Some(first) = seen.insert(wire, code) {
            diagnostics.error_help(
                Rule::DuplicateWire,
                origin,
                format!(
                    "codes `{}` and `{}` have the same wire string {wire:?}",
                    label(first),
                    label(code)
                ),
                "a body could not say which one it means; merge them into one code",
            );
        }
    }
}

/// How a message names a code: its explicit Rust name when it has one (derived enums name every
/// code by its variant), else its key.
fn label(code: &Code) -> &str {
    code.rust_name
        .as_ref()
        .map_or(&code.key.value, |name| &name.value)
}

fn wire_of<'a>(catalog: &Catalog, code: &'a Code) -> (&'a str, &'a Origin) {
    match catalog.identify_by {
        IdentifyBy::Code => (&code.key.value, &code.key.origin),
        IdentifyBy::Message => (&code.message.value, &code.message.origin),
    }
}

/// Texts that are present must say something: an empty message, user message or fix would
/// render an empty string where users expect guidance.
fn check_texts(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    if let Some(name) = catalog
        .name
        .as_ref()
        .filter(|name| name.value.trim().is_empty())
    {
        diagnostics.error_help(
            Rule::EmptyText,
            &name.origin,
            "the provider `name` is empty",
            "write the provider's display name",
        );
    }
    for row in &catalog.statuses {
        if row.meaning.trim().is_empty() {
            diagnostics.error_help(
                Rule::EmptyText,
                &row.status.origin,
                format!("status {} has an empty `meaning`", row.status.value),
                "write what the provider says the status means",
            );
        }
    }
    for code in &catalog.codes {
        if code.key.value.trim().is_empty() {
            let what = if code.key.value.is_empty() {
                "a code is the empty string".to_owned()
            } else {
                format!("a code is only whitespace ({:?})", code.key.value)
            };
            diagnostics.error_help(
                Rule::EmptyText,
                &code.key.origin,
                what,
                "write the code as the provider sends it",
            );
        }
        check_code_texts(&format!("code `{}`", label(code)), code, diagnostics);
    }
}

/// A code's (or subcode's) message, user message and fix, when present, must say something.
fn check_code_texts(what: &str, code: &Code, diagnostics: &mut Diagnostics) {
    let texts = [
        ("message", Some(&code.message)),
        ("user_message", code.user_message.as_ref()),
        ("fix", code.fix.as_ref()),
    ];
    for (key, text) in texts {
        if let Some(text) = text.filter(|text| text.value.trim().is_empty()) {
            diagnostics.error_help(
                Rule::EmptyText,
                &text.origin,
                format!("{what} has an empty `{key}`"),
                format!("write the {}, or remove the key", key.replace('_', " ")),
            );
        }
    }
}

/// Further body shapes (`also:`) are envelopes like the main one, checked the same way. They may
/// only use slots the main envelope has (the generated `Error`'s accessors come from it), must
/// carry the identifying slot, have names of their own (not `main`), and take no `fields` or
/// `error_when` (those are the catalog's). A code's `shape` must name one of them (or `main`).
/// Gives the shapes and, per code, the index of its shape (0: main).
fn check_shapes(
    catalog: &Catalog,
    diagnostics: &mut Diagnostics,
) -> (Vec<plan::Shape>, Vec<usize>) {
    let main: Vec<Slot> = catalog
        .envelope
        .keys
        .iter()
        .map(|key| key.slot.value)
        .collect();
    let mut names: Vec<&str> = vec![MAIN_SHAPE];
    let mut shapes = Vec::with_capacity(catalog.also.len());
    for shape in &catalog.also {
        let name = shape.name.value.as_str();
        if names.contains(&name) {
            diagnostics.error_help(
                Rule::Envelope,
                &shape.name.origin,
                format!("body shape `{name}` is named twice (`main` is the main envelope)"),
                "give each body shape its own name",
            );
            continue;
        }
        names.push(name);
        let keys = check_envelope_of(catalog, &shape.envelope, diagnostics);
        for key in &shape.envelope.keys {
            if !main.contains(&key.slot.value) {
                diagnostics.error_help(
                    Rule::Envelope,
                    &key.slot.origin,
                    format!(
                        "body shape `{name}` has a `{}` key, which the main envelope lacks",
                        key.slot.value.as_str()
                    ),
                    "a further shape may use only the main envelope's slots (its accessors come from them)",
                );
            }
        }
        if !shape.envelope.fields.is_empty() || !shape.envelope.error_when.is_empty() {
            diagnostics.error_help(
                Rule::Envelope,
                &shape.name.origin,
                format!("body shape `{name}` has `fields` or `error_when`"),
                "declare fields and `error_when` in the main `envelope`: they hold for every shape",
            );
        }
        shapes.push(plan::Shape {
            name: name.to_owned(),
            nested_under: shape
                .envelope
                .nested_under
                .as_ref()
                .or(shape.envelope.list_under.as_ref())
                .map(|key| key.value.clone()),
            list: shape.envelope.list_under.is_some(),
            keys,
        });
    }
    let code_shapes = catalog
        .codes
        .iter()
        .map(|code| {
            let Some(shape) = &code.shape else { return 0 };
            match names.iter().position(|name| *name == shape.value) {
                Some(index) => index,
                None => {
                    let help = match did_you_mean(&shape.value, &names) {
                        Some(close) => format!("did you mean `{close}`?"),
                        None => format!("the catalog's shapes are: {}", names.join(", ")),
                    };
                    diagnostics.error_help(
                        Rule::Envelope,
                        &shape.origin,
                        format!(
                            "code `{}` names unknown body shape `{}`",
                            code.key.value, shape.value
                        ),
                        help,
                    );
                    0
                }
            }
        })
        .collect();
    (shapes, code_shapes)
}

/// Subcodes become the generated `SubCode` enum, read from the envelope's `subcode` slot: each
/// needs a distinct Rust name and wire string, a message, and valid statuses; their retry advice
/// and category resolve like a code's (stated, else from the first status), without types. The
/// envelope must have the slot they are read from.
fn check_subcodes(
    catalog: &Catalog,
    statuses: &[plan::Status],
    diagnostics: &mut Diagnostics,
) -> Vec<plan::Code> {
    if catalog.subcodes.is_empty() {
        return Vec::new();
    }
    if !catalog
        .envelope
        .keys
        .iter()
        .any(|key| key.slot.value == Slot::Subcode)
    {
        diagnostics.error_help(
            Rule::Envelope,
            &catalog.envelope.origin.child_key("keys"),
            "the catalog lists `subcodes`, but the envelope has no `subcode` key",
            "add `subcode: <wire key>` under `envelope.keys`",
        );
    }
    let mut names: BTreeMap<String, &Located<String>> = BTreeMap::new();
    let mut wires: BTreeMap<&str, &Code> = BTreeMap::new();
    let mut resolved = Vec::with_capacity(catalog.subcodes.len());
    for subcode in &catalog.subcodes {
        let ident = variant_ident(
            &subcode.key,
            subcode.rust_name.as_ref(),
            &mut names,
            ("subcode", "S"),
            diagnostics,
        );
        if let Some(first) = wires.insert(&subcode.key.value, subcode) {
            diagnostics.error_help(
                Rule::DuplicateWire,
                &subcode.key.origin,
                format!(
                    "subcodes `{}` and `{}` have the same wire string",
                    first.key.value, subcode.key.value
                ),
                "merge them into one subcode",
            );
        }
        check_code_texts(
            &format!("subcode `{}`", subcode.key.value),
            subcode,
            diagnostics,
        );
        let checked: Vec<u16> = subcode
            .statuses
            .iter()
            .filter_map(|status| check_status(catalog, status, diagnostics))
            .collect();
        let row = checked
            .first()
            .and_then(|status| statuses.iter().find(|row| row.status == *status));
        let Some(ident) = ident else { continue };
        resolved.push(plan::Code {
            wire: subcode.key.value.clone(),
            integer: subcode.integer,
            ident,
            type_index: None,
            statuses: checked,
            message: subcode.message.value.clone(),
            pattern: None,
            shape: 0,
            description: subcode.description.clone(),
            user_message: subcode.user_message.as_ref().map(|text| text.value.clone()),
            fix: subcode.fix.as_ref().map(|text| text.value.clone()),
            retry: subcode.retry.or(row.and_then(|row| row.retry)),
            category: subcode.category.or(row.and_then(|row| row.category)),
            endpoints: Vec::new(),
        });
    }
    resolved
}

/// The names of methods every generated `Error` has (or may have), which a declared field's
/// accessor (`<name>`) and setter (`with_<name>`) must not take; and common trait methods, which
/// an inherent method would shadow.
const ERROR_METHODS: &[&str] = &[
    "new",
    "decode",
    "from_http",
    "blank",
    "built_status",
    "identify",
    "fallback",
    "status",
    "code",
    "identified_by",
    "message",
    "user_message",
    "retry",
    "category",
    "request_id",
    "retry_after",
    "headers",
    "fields",
    "extra",
    "error_type",
    "param",
    "field",
    "details",
    "metadata",
    "sub_errors",
    "message_values",
    "to_json",
    "to_json_string",
    "to_http_response",
    "render",
    "code_of_type",
    "code_of_status",
    "sub_error",
    "subcode",
    "from_success",
    "shape",
    "decode_shapes",
    "items",
    "clone",
    "fmt",
    "eq",
    "ne",
    "serialize",
    "deserialize",
    "into_response",
    "source",
    "description",
    "to_string",
    "extra_value",
];

/// A declared field becomes an accessor and a setter on the generated `Error`: its name must be
/// a snake_case Rust name no other method has, once per catalog; its wire key must not be one a
/// slot of any body shape reads (the decoder tells slot keys and declared keys apart in either
/// order, which needs them disjoint); and `outer` needs a nested envelope.
fn check_declared_fields(catalog: &Catalog, diagnostics: &mut Diagnostics) -> Vec<plan::Field> {
    let slot_names: Vec<&str> = std::iter::once(&catalog.envelope)
        .chain(catalog.also.iter().map(|shape| &shape.envelope))
        .flat_map(|envelope| &envelope.keys)
        .flat_map(|key| key.names.iter().map(|name| name.value.as_str()))
        .collect();
    let mut accessors: BTreeMap<String, &str> = BTreeMap::new();
    catalog
        .envelope
        .fields
        .iter()
        .filter_map(|field| {
            let key = field.key.value.as_str();
            let (source, origin) = match &field.rust_name {
                Some(name) => (name.value.clone(), &name.origin),
                None => (heck::ToSnakeCase::to_snake_case(key), &field.key.origin),
            };
            let accessor = match ident::module_name(&source) {
                Ok(name) if name == source => name,
                Ok(name) => {
                    diagnostics.error_help(
                        Rule::RustName,
                        origin,
                        format!("field `{key}` gives the accessor `{source}`, which is not a snake_case Rust name"),
                        format!("give it `rust_name: {name}`"),
                    );
                    return None;
                }
                Err(problem) => {
                    diagnostics.error_help(
                        Rule::RustName,
                        origin,
                        format!("field {}", problem.describe(key)),
                        "give it `rust_name:` with a snake_case Rust name",
                    );
                    return None;
                }
            };
            let reserved = ERROR_METHODS.contains(&accessor.as_str())
                || ERROR_METHODS.iter().any(|method| {
                    method
                        .strip_prefix("with_")
                        .is_some_and(|rest| rest == accessor)
                });
            if reserved {
                diagnostics.error_help(
                    Rule::RustName,
                    origin,
                    format!("field `{key}` gives the accessor `{accessor}`, which the generated `Error` already has"),
                    format!("give it another name: `rust_name: {key}_value`, say"),
                );
                return None;
            }
            if let Some(first) = accessors.insert(accessor.clone(), key) {
                diagnostics.error_help(
                    Rule::RustName,
                    origin,
                    format!("fields `{first}` and `{key}` both give the accessor `{accessor}`"),
                    "give one of them a `rust_name`",
                );
                return None;
            }
            if !field.outer && slot_names.contains(&key) {
                diagnostics.error_help(
                    Rule::Envelope,
                    &field.key.origin,
                    format!("field `{key}` is also a slot key of `envelope.keys` or of a shape in `also`"),
                    "a slot already reads this key: remove the field, or the key from the slot",
                );
                return None;
            }
            let nested = catalog
                .envelope
                .nested_under
                .as_ref()
                .or(catalog.envelope.list_under.as_ref());
            if field.outer && nested.is_none() {
                diagnostics.error_help(
                    Rule::Envelope,
                    &field.key.origin,
                    format!("field `{key}` is `outer`, but the envelope is flat"),
                    "remove `outer: true`: in a flat body every key is in the error object",
                );
                return None;
            }
            let top_level = field.outer || nested.is_none();
            if top_level
                && catalog
                    .envelope
                    .error_when
                    .iter()
                    .any(|(marker, _)| marker.value == key)
            {
                diagnostics.error_help(
                    Rule::Envelope,
                    &field.key.origin,
                    format!("field `{key}` is also a key of `error_when`"),
                    "the marker's key is written by errcat: remove the field",
                );
                return None;
            }
            if field.outer && nested.is_some_and(|nested| nested.value == key) {
                diagnostics.error_help(
                    Rule::Envelope,
                    &field.key.origin,
                    format!("field `{key}` is the key the error object is nested under"),
                    "declare the keys beside the error object, not the object itself",
                );
                return None;
            }
            Some(plan::Field {
                key: key.to_owned(),
                kind: field.kind,
                accessor,
                description: field.description.clone(),
                outer: field.outer,
            })
        })
        .collect()
}

/// A header name must be one an HTTP response can carry (an RFC 9110 token: letters, digits and
/// ``!#$%&'*+-.^_`|~``), or a client would look for a header that cannot exist; a name given twice
/// (header names ignore case) would read one header for two things.
fn check_header_names(
    catalog: &Catalog,
    diagnostics: &mut Diagnostics,
) -> Vec<(&'static str, Vec<String>)> {
    let mut seen: HashMap<String, &str> = HashMap::new();
    HEADER_NAME_KEYS
        .iter()
        .map(|key| {
            let names = catalog.header_names.list(key);
            for name in names {
                let valid = !name.value.is_empty()
                    && name.value.bytes().all(|byte| {
                        byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
                    });
                if !valid {
                    diagnostics.error_help(
                        Rule::Envelope,
                        &name.origin,
                        format!("`{}` is not an HTTP header name", name.value),
                        "write the header's name as the provider sends it, e.g. `X-Request-Id`",
                    );
                } else if let Some(first) = seen.insert(name.value.to_ascii_lowercase(), key) {
                    let message = if first == *key {
                        format!("header `{}` is listed twice in `{key}`", name.value)
                    } else {
                        format!(
                            "header `{}` is named for both `{first}` and `{key}`",
                            name.value
                        )
                    };
                    diagnostics.error_help(
                        Rule::Envelope,
                        &name.origin,
                        message,
                        "give each header one meaning, once",
                    );
                }
            }
            (*key, names.iter().map(|name| name.value.clone()).collect())
        })
        .collect()
}

/// A status listed twice for one code says nothing more and is likely a typo for another.
fn check_distinct_statuses(code: &Code, diagnostics: &mut Diagnostics) -> Option<()> {
    for (index, status) in code.statuses.iter().enumerate() {
        if code.statuses[..index]
            .iter()
            .any(|earlier| earlier.value == status.value)
        {
            diagnostics.error_help(
                Rule::Status,
                &status.origin,
                format!("code `{}` lists status {} twice", label(code), status.value),
                "list each status once",
            );
            return None;
        }
    }
    Some(())
}

/// A type a code names must exist. A code's statuses are its own, else its type's; a catalog code
/// may have none (the response's status then stands), a derived variant may not.
fn resolve_codes(
    catalog: &Catalog,
    types: &[plan::Type],
    statuses_table: &[plan::Status],
    idents: &[Option<String>],
    diagnostics: &mut Diagnostics,
) -> Vec<Option<plan::Code>> {
    let type_wires: Vec<&str> = catalog
        .types
        .iter()
        .map(|error_type| error_type.wire.value.as_str())
        .collect();
    catalog
        .codes
        .iter()
        .zip(idents)
        .map(|(code, ident)| {
            let type_index = match &code.error_type {
                None => None,
                Some(name) => match type_wires.iter().position(|wire| *wire == name.value) {
                    Some(index) => Some(index),
                    None => {
                        let help = match did_you_mean(&name.value, &type_wires) {
                            Some(close) => format!("did you mean `{close}`?"),
                            None if type_wires.is_empty() => {
                                "the catalog defines no `types`; add one or remove `type`"
                                    .to_owned()
                            }
                            None => format!("the catalog's types are: {}", type_wires.join(", ")),
                        };
                        diagnostics.error_help(
                            Rule::UnknownType,
                            &name.origin,
                            format!(
                                "code `{}` names unknown type `{}`",
                                code.key.value, name.value
                            ),
                            help,
                        );
                        return None;
                    }
                },
            };
            let of_type = type_index.and_then(|index| types.get(index));
            let statuses: Vec<u16> = if code.statuses.is_empty() {
                match of_type.and_then(|error_type| error_type.status) {
                    Some(status) => vec![status],
                    // The type's own status is wrong, which is reported already.
                    None if type_index
                        .and_then(|index| catalog.types.get(index))
                        .is_some_and(|t| t.status.is_some()) =>
                    {
                        return None;
                    }
                    // A derived variant is a Rust value whose `status()` must answer; a catalog
                    // code may leave its status to the response it comes with.
                    None if catalog.front_end == FrontEnd::Derive => {
                        diagnostics.error_help(
                            Rule::NoStatus,
                            &code.key.origin,
                            format!("code `{}` has no status", label(code)),
                            "add `status:` (or give its type a default `status`)",
                        );
                        return None;
                    }
                    None => Vec::new(),
                }
            } else {
                let checked: Vec<u16> = code
                    .statuses
                    .iter()
                    .filter_map(|status| check_status(catalog, status, diagnostics))
                    .collect();
                if checked.len() != code.statuses.len() {
                    return None;
                }
                check_distinct_statuses(code, diagnostics)?;
                checked
            };
            let row = statuses
                .first()
                .and_then(|status| statuses_table.iter().find(|row| row.status == *status));
            Some(plan::Code {
                wire: wire_of(catalog, code).0.to_owned(),
                integer: code.integer && catalog.identify_by == IdentifyBy::Code,
                ident: ident.clone()?,
                type_index,
                statuses,
                message: code.message.value.clone(),
                pattern: None,
                shape: 0,
                description: code.description.clone(),
                user_message: code.user_message.as_ref().map(|text| text.value.clone()),
                fix: code.fix.as_ref().map(|text| text.value.clone()),
                retry: code
                    .retry
                    .or(of_type.and_then(|t| t.retry))
                    .or(row.and_then(|row| row.retry)),
                category: code
                    .category
                    .or(of_type.and_then(|t| t.category))
                    .or(row.and_then(|row| row.category)),
                endpoints: code.endpoints.clone(),
            })
        })
        .collect()
}
