//! Reads a parsed catalog document ([`Node`]) into the [`Catalog`] model.
//!
//! Readers never stop at the first problem: a key of the wrong type or an unknown key is
//! recorded in [`Diagnostics`] and skipped, and reading goes on, so one run reports everything.

use crate::diagnostic::{did_you_mean, Diagnostics, Rule};
use crate::model::{
    Catalog, Category, Code, DeclaredField, Envelope, EnvelopeKey, ErrorType, Example, Fallback,
    FieldKind, FrontEnd, HeaderNames, IdentifyBy, Located, Origin, RetryAdvice, Scalar, Shape,
    Slot, StatusRow, CODE_FACT_KEYS, HEADER_NAME_KEYS,
};
use crate::tree::{Node, Path};

/// Reads a catalog document. `default_provider` is the module name when the catalog has no
/// `provider` key (the file stem). Returns `None` only when the document is not a mapping at
/// all; everything else is recorded in `diagnostics`.
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
/// use errcat_codegen::diagnostic::Diagnostics;
/// use errcat_codegen::{read, validate, yaml};
///
/// // The stages `load_catalog` runs: parse, read into the model, check and resolve.
/// let root = yaml::parse(CATALOG).unwrap();
/// let mut diagnostics = Diagnostics::default();
/// let catalog = read::catalog(&root, "acme_pay", &mut diagnostics).unwrap();
/// assert_eq!(catalog.codes[0].key.value, "card_declined");
/// let provider = validate::check(&catalog, &mut diagnostics).unwrap();
/// assert!(diagnostics.is_empty());
/// assert_eq!(provider.codes[0].ident, "CardDeclined");
/// ```
pub fn catalog(
    root: &Node,
    default_provider: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Catalog> {
    let top = Path::root();
    let mut map = Fields::open(
        root,
        &top,
        "the catalog",
        &[
            "provider",
            "name",
            "description",
            "identify_by",
            "envelope",
            "statuses",
            "types",
            "codes",
            "examples",
            "header_names",
            "subcodes",
            "also",
        ],
        diagnostics,
    )?;
    let provider = map
        .string("provider", diagnostics)
        .unwrap_or_else(|| Located::new(default_provider.to_owned(), Origin::Yaml(top.clone())));
    let name = map.required_string("name", diagnostics);
    let description = map.text("description", diagnostics);
    let (identify_by, fallbacks) = match map.take("identify_by") {
        Some((node, path)) => identify_by(node, &path, diagnostics),
        None => (IdentifyBy::Code, Vec::new()),
    };
    let envelope = match map.take("envelope") {
        Some((Node::Str(word), path)) => match builtin_shape(word, &path) {
            Some(shape) => shape.envelope,
            None => {
                diagnostics.error_help(
                    Rule::UnknownWord,
                    &Origin::Yaml(path),
                    format!("`{word}` is not a built-in envelope"),
                    "the built-in envelopes are `problem_details` and `oauth`; describe any other with `keys`",
                );
                Envelope::default()
            }
        },
        Some((node, path)) => envelope(node, &path, diagnostics),
        None => {
            diagnostics.at(
                Rule::MissingKey,
                &top,
                "the catalog has no `envelope`",
                Some(
                    "add `envelope:` with `keys:` naming where the body puts the code and message"
                        .into(),
                ),
            );
            Envelope::default()
        }
    };
    let statuses = map
        .entries("statuses", true, diagnostics)
        .into_iter()
        .filter_map(|(key, node, path)| status_row(&key, node, &path, diagnostics))
        .collect();
    let types = map
        .entries("types", false, diagnostics)
        .into_iter()
        .filter_map(|(key, node, path)| error_type(key, node, &path, diagnostics))
        .collect();
    let codes = map
        .keyed_entries("codes", true, diagnostics)
        .into_iter()
        .filter_map(|(key, integer, node, path)| {
            code_entry(key, integer, node, &path, CodeTable::Codes, diagnostics)
        })
        .collect();
    let subcodes = map
        .keyed_entries("subcodes", false, diagnostics)
        .into_iter()
        .filter_map(|(key, integer, node, path)| {
            code_entry(key, integer, node, &path, CodeTable::Subcodes, diagnostics)
        })
        .collect();
    let examples = map.examples("examples", true, diagnostics);
    let also = match map.take("also") {
        Some((node, path)) => shapes(node, &path, diagnostics),
        None => Vec::new(),
    };
    let header_names = match map.take("header_names") {
        Some((node, path)) => header_names(node, &path, diagnostics),
        None => HeaderNames::default(),
    };
    map.finish(diagnostics);
    Some(Catalog {
        front_end: FrontEnd::Yaml,
        provider,
        name,
        description,
        identify_by,
        fallbacks,
        envelope,
        statuses,
        types,
        codes,
        subcodes,
        examples,
        header_names,
        also,
    })
}

/// A name or a list of names (`request_id: [debug_id, DebugId]`), each located; `None` (reported)
/// for another kind of value. An item that is not a string is reported and left out.
fn names_of(
    node: &Node,
    path: &Path,
    key: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<Located<String>>> {
    match node {
        Node::Str(name) => Some(vec![Located::new(name.clone(), Origin::Yaml(path.clone()))]),
        Node::Seq(items) => Some(string_items(items, path, "a name", diagnostics)),
        other => {
            diagnostics.at(
                Rule::WrongType,
                path,
                format!(
                    "`{key}` must be a name (a string or a list of strings), not {}",
                    other.kind()
                ),
                None,
            );
            None
        }
    }
}

/// `also`: a list of further body shapes, each the word `oauth` (the built-in RFC 6749 shape) or a
/// mapping with a `name` and the keys of an envelope.
fn shapes(node: &Node, path: &Path, diagnostics: &mut Diagnostics) -> Vec<Shape> {
    let Node::Seq(items) = node else {
        diagnostics.at(
            Rule::WrongType,
            path,
            format!("`also` must be a list of body shapes, not {}", node.kind()),
            Some("write `also: [oauth]`, or list shapes with a `name` and `keys`".into()),
        );
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let item_path = path.index(index);
            match item {
                Node::Str(word) => {
                    let shape = builtin_shape(word, &item_path);
                    if shape.is_none() {
                        diagnostics.error_help(
                            Rule::UnknownWord,
                            &Origin::Yaml(item_path),
                            format!("`{word}` is not a built-in body shape"),
                            "the built-in shapes are `oauth` and `problem_details`; describe any other with `name` and `keys`",
                        );
                    }
                    shape
                }
                Node::Map(entries) => {
                    let name = entries.iter().find_map(|(key, value)| match (key, value) {
                        (Node::Str(key), Node::Str(name)) if key == "name" => Some(name.clone()),
                        _ => None,
                    });
                    let Some(name) = name else {
                        diagnostics.at(
                            Rule::MissingKey,
                            &item_path,
                            "the body shape has no `name`",
                            Some("add `name:` (codes name the shape they are built in)".into()),
                        );
                        return None;
                    };
                    let without_name: Vec<(Node, Node)> = entries
                        .iter()
                        .filter(|(key, _)| !matches!(key, Node::Str(key) if key == "name"))
                        .cloned()
                        .collect();
                    let envelope = envelope(&Node::Map(without_name), &item_path, diagnostics);
                    Some(Shape {
                        name: Located::new(name, Origin::Yaml(item_path.value("name"))),
                        envelope,
                    })
                }
                other => {
                    diagnostics.at(
                        Rule::WrongType,
                        &item_path,
                        format!(
                            "a body shape must be `oauth` or a mapping, not {}",
                            other.kind()
                        ),
                        None,
                    );
                    None
                }
            }
        })
        .collect()
}

/// A built-in body shape, by its word:
///
/// - `oauth`: RFC 6749 §5.2's token-endpoint error body, `{"error": "invalid_grant",
///   "error_description": "…", "error_uri": "…"}` (`error_uri` is kept as an extra key);
/// - `problem_details`: RFC 9457's `application/problem+json`, `{"type": "<URI>", "title": "…",
///   "status": 403, "detail": "…", "instance": "…"}`: the `type` URI identifies the error, `detail`
///   is its message, and `title`, `status`, `instance` and the extension members are kept as
///   extra keys.
fn builtin_shape(word: &str, path: &Path) -> Option<Shape> {
    let (code, message) = match word {
        "oauth" => ("error", "error_description"),
        "problem_details" => ("type", "detail"),
        _ => return None,
    };
    let origin = Origin::Yaml(path.clone());
    let key = |slot: Slot, name: &str| EnvelopeKey {
        slot: Located::new(slot, origin.clone()),
        names: vec![Located::new(name.to_owned(), origin.clone())],
    };
    Some(Shape {
        name: Located::new(word.to_owned(), origin.clone()),
        envelope: Envelope {
            keys: vec![key(Slot::Code, code), key(Slot::Message, message)],
            origin,
            ..Envelope::default()
        },
    })
}
/// `identify_by`: `code` or `message`, or a list of them followed by the fallbacks (`message`,
/// `type`, `status`) tried in order when the body's first identification fails.
fn identify_by(
    node: &Node,
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> (IdentifyBy, Vec<Located<Fallback>>) {
    const WORDS: &str = "`code` or `message`, or a list starting with one of them and going on with `message`, `type` or `status`";
    let items: Vec<(&Node, Path)> = match node {
        Node::Seq(items) => items
            .iter()
            .enumerate()
            .map(|(index, item)| (item, path.index(index)))
            .collect(),
        single => vec![(single, path.clone())],
    };
    let mut words = Vec::with_capacity(items.len());
    for (item, item_path) in items {
        let Node::Str(word) = item else {
            diagnostics.at(
                Rule::WrongType,
                &item_path,
                format!(
                    "`identify_by` must be a word or a list of words, not {}",
                    item.kind()
                ),
                Some(format!("write {WORDS}")),
            );
            continue;
        };
        if !["code", "message", "type", "status"].contains(&word.as_str()) {
            let help = match did_you_mean(word, &["code", "message", "type", "status"]) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("expected {WORDS}"),
            };
            diagnostics.error_help(
                Rule::UnknownWord,
                &Origin::Yaml(item_path),
                format!("`{word}` is not a valid `identify_by`"),
                help,
            );
            continue;
        }
        words.push(Located::new(word.clone(), Origin::Yaml(item_path)));
    }
    let mut words = words.into_iter();
    let primary = match words.next() {
        None => IdentifyBy::Code,
        Some(first) => match first.value.as_str() {
            "code" => IdentifyBy::Code,
            "message" => IdentifyBy::Message,
            other => {
                diagnostics.error_help(
                    Rule::UnknownWord,
                    &first.origin,
                    format!("`identify_by` cannot start with `{other}`"),
                    format!("start with `code` or `message` (the key that names an error), then `{other}`"),
                );
                IdentifyBy::Code
            }
        },
    };
    let mut fallbacks: Vec<Located<Fallback>> = Vec::new();
    for word in words {
        let fallback = match word.value.as_str() {
            "message" => Fallback::Message,
            "type" => Fallback::Type,
            "status" => Fallback::Status,
            _ => {
                diagnostics.error_help(
                    Rule::UnknownWord,
                    &word.origin,
                    "`code` can only come first in `identify_by`",
                    "list `code` first, then the fallbacks",
                );
                continue;
            }
        };
        if fallbacks.iter().any(|seen| seen.value == fallback)
            || (fallback == Fallback::Message && primary == IdentifyBy::Message)
        {
            diagnostics.error_help(
                Rule::UnknownWord,
                &word.origin,
                format!("`{}` is listed twice in `identify_by`", fallback.as_str()),
                "list each way once",
            );
            continue;
        }
        fallbacks.push(Located::new(fallback, word.origin));
    }
    (primary, fallbacks)
}

/// `header_names`: the headers a provider uses for request ids, retry hints and rate limits.
fn header_names(node: &Node, path: &Path, diagnostics: &mut Diagnostics) -> HeaderNames {
    let Some(mut map) = Fields::open(node, path, "`header_names`", HEADER_NAME_KEYS, diagnostics)
    else {
        return HeaderNames::default();
    };
    let mut names = HeaderNames {
        origin: Origin::Yaml(path.clone()),
        ..HeaderNames::default()
    };
    for key in HEADER_NAME_KEYS {
        let Some((value, value_path)) = map.take(key) else {
            continue;
        };
        let read = names_of(value, &value_path, key, diagnostics).unwrap_or_default();
        if let Some(list) = names.list_mut(key) {
            *list = read;
        }
    }
    map.finish(diagnostics);
    names
}

fn envelope(node: &Node, path: &Path, diagnostics: &mut Diagnostics) -> Envelope {
    let Some(mut map) = Fields::open(
        node,
        path,
        "`envelope`",
        &["nested_under", "list_under", "keys", "fields", "error_when"],
        diagnostics,
    ) else {
        return Envelope::default();
    };
    let fields = map
        .entries("fields", false, diagnostics)
        .into_iter()
        .filter_map(|(key, node, field_path)| declared_field(key, node, &field_path, diagnostics))
        .collect();
    let nested_under = map.string("nested_under", diagnostics);
    let list_under = map.string("list_under", diagnostics);
    let mut keys = Vec::new();
    for (slot_name, names_node, names_path) in map.entries("keys", true, diagnostics) {
        let slot_origin = Origin::Yaml(path.value("keys").key(&slot_name));
        let Some(slot) = Slot::from_word(&slot_name) else {
            let spellings: Vec<&str> = Slot::ALL.iter().map(|slot| slot.as_str()).collect();
            let help = match did_you_mean(&slot_name, &spellings) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("envelope keys are: {}", Slot::spellings()),
            };
            diagnostics.error_help(
                Rule::UnknownWord,
                &slot_origin,
                format!("unknown envelope slot `{slot_name}`"),
                help,
            );
            continue;
        };
        let Some(names) = names_of(names_node, &names_path, &slot_name, diagnostics) else {
            continue;
        };
        keys.push(EnvelopeKey {
            slot: Located::new(slot, slot_origin),
            names,
        });
    }
    let error_when = map
        .entries("error_when", false, diagnostics)
        .into_iter()
        .filter_map(|(key, value, value_path)| {
            let scalar = match value {
                Node::Null => Scalar::Null,
                Node::Bool(flag) => Scalar::Bool(*flag),
                Node::Int(number) => Scalar::Integer(*number),
                Node::UInt(number) => match i64::try_from(*number) {
                    Ok(number) => Scalar::Integer(number),
                    Err(_) => {
                        diagnostics.at(
                            Rule::WrongType,
                            &value_path,
                            format!("`{key}` must be an integer that fits 64 bits"),
                            None,
                        );
                        return None;
                    }
                },
                Node::Str(text) => Scalar::Text(text.clone()),
                other => {
                    diagnostics.at(
                        Rule::WrongType,
                        &value_path,
                        format!(
                            "`{key}` must be a JSON scalar (null, a boolean, an integer or a string), not {}",
                            other.kind()
                        ),
                        None,
                    );
                    return None;
                }
            };
            let origin = Origin::Yaml(value_path.parent()?.key(&key));
            Some((Located::new(key, origin), scalar))
        })
        .collect();
    map.finish(diagnostics);
    Envelope {
        nested_under,
        list_under,
        keys,
        fields,
        error_when,
        origin: Origin::Yaml(path.clone()),
    }
}

/// One entry of `envelope.fields`: `<wire key>: {kind, rust_name?, description?, outer?}`.
fn declared_field(
    key: String,
    node: &Node,
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<DeclaredField> {
    let key_origin = Origin::Yaml(path.parent()?.key(&key));
    let mut map = Fields::open(
        node,
        path,
        format!("field `{key}`"),
        &["kind", "rust_name", "description", "outer"],
        diagnostics,
    )?;
    let kinds: Vec<&str> = FieldKind::ALL.iter().map(|kind| kind.as_str()).collect();
    let written = map.has("kind");
    let kind = map.word("kind", &kinds.join(", "), diagnostics, FieldKind::from_word);
    if !written {
        diagnostics.at(
            Rule::MissingKey,
            &path.to_key(),
            format!("field `{key}` has no `kind`"),
            Some(format!("add `kind:` ({})", kinds.join(", "))),
        );
    }
    let rust_name = map.string("rust_name", diagnostics);
    let description = map.text("description", diagnostics);
    let outer = match map.take("outer") {
        None => false,
        Some((Node::Bool(flag), _)) => *flag,
        Some((other, outer_path)) => {
            diagnostics.at(
                Rule::WrongType,
                &outer_path,
                format!("`outer` must be `true` or `false`, not {}", other.kind()),
                None,
            );
            false
        }
    };
    map.finish(diagnostics);
    Some(DeclaredField {
        key: Located::new(key, key_origin),
        kind: kind?.value,
        rust_name,
        description,
        outer,
    })
}

fn status_row(
    key: &str,
    node: &Node,
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<StatusRow> {
    let status = status_key(key, path, diagnostics)?;
    let mut map = Fields::open(
        node,
        path,
        format!("status {key}"),
        &["meaning", "category", "retry", "code"],
        diagnostics,
    )?;
    let meaning = map.required_string("meaning", diagnostics);
    let category = map.category(diagnostics);
    let retry = map.retry(diagnostics);
    let code = map.string("code", diagnostics);
    map.finish(diagnostics);
    Some(StatusRow {
        status,
        meaning: meaning?.value,
        category,
        retry,
        code,
    })
}

/// A status written as a mapping key (`400:`).
fn status_key(key: &str, path: &Path, diagnostics: &mut Diagnostics) -> Option<Located<u64>> {
    let origin = Origin::Yaml(path.parent()?.key(key));
    // Only the digits of the status itself: `"0400"` or `"+400"` would read as 400.
    let canonical =
        key.bytes().all(|byte| byte.is_ascii_digit()) && (key.len() == 1 || !key.starts_with('0'));
    match key.parse::<u64>() {
        Ok(status) if canonical => Some(Located::new(status, origin)),
        Ok(status) => {
            diagnostics.error_help(
                Rule::Status,
                &origin,
                format!("status `{key}` is not written as a status"),
                format!("write `{status}:`"),
            );
            None
        }
        Err(_) => {
            diagnostics.error_help(
                Rule::Status,
                &origin,
                format!("`{key}` is not an HTTP status"),
                "status table keys are error statuses such as 400 or 503",
            );
            None
        }
    }
}

fn error_type(
    key: String,
    node: &Node,
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<ErrorType> {
    let wire = Located::new(key.clone(), Origin::Yaml(path.parent()?.key(&key)));
    let mut map = Fields::open(
        node,
        path,
        format!("type `{key}`"),
        &[
            "description",
            "status",
            "retry",
            "category",
            "rust_name",
            "code",
        ],
        diagnostics,
    )?;
    let error_type = ErrorType {
        wire,
        rust_name: map.string("rust_name", diagnostics),
        description: map.text("description", diagnostics),
        status: map.number("status", diagnostics),
        retry: map.retry(diagnostics),
        category: map.category(diagnostics),
        code: map.string("code", diagnostics),
    };
    map.finish(diagnostics);
    Some(error_type)
}

/// Which table a code entry belongs to: the codes, or the subcodes (which have no type, pattern,
/// endpoints, shape or examples of their own).
#[derive(Clone, Copy, PartialEq, Eq)]
enum CodeTable {
    Codes,
    Subcodes,
}

/// Reads one code (or subcode); `integer`: its key is a YAML integer, so the wire code is a JSON
/// integer. A code whose message or status cannot be read is reported and left out, so that
/// validation does not add follow-on errors about it ("no status", "empty message"); other
/// problems (unknown keys, bad words) are reported and the code is still validated.
fn code_entry(
    key: String,
    integer: bool,
    node: &Node,
    path: &Path,
    table: CodeTable,
    diagnostics: &mut Diagnostics,
) -> Option<Code> {
    let key_located = Located::new(key.clone(), Origin::Yaml(path.parent()?.key(&key)));
    let (what, keys) = match table {
        CodeTable::Codes => (
            format!("code `{key}`"),
            [
                CODE_FACT_KEYS,
                &["endpoints", "rust_name", "examples", "pattern", "shape"],
            ]
            .concat(),
        ),
        CodeTable::Subcodes => (
            format!("subcode `{key}`"),
            [&CODE_FACT_KEYS[1..], &["rust_name"]].concat(),
        ),
    };
    let mut map = Fields::open(node, path, what, &keys, diagnostics)?;
    let status_written = map.has("status");
    let statuses = map.numbers("status", diagnostics);
    let message = map.required_string("message", diagnostics);
    let code = Code {
        key: key_located,
        integer,
        rust_name: map.string("rust_name", diagnostics),
        error_type: map.string("type", diagnostics),
        statuses: statuses.clone(),
        message: message
            .clone()
            .unwrap_or_else(|| Located::new(String::new(), Origin::Unknown)),
        pattern: map.string("pattern", diagnostics),
        shape: map.string("shape", diagnostics),
        description: map.text("description", diagnostics),
        user_message: map.string("user_message", diagnostics),
        fix: map.string("fix", diagnostics),
        retry: map.retry(diagnostics),
        category: map.category(diagnostics),
        endpoints: map.strings("endpoints", diagnostics),
        examples: map
            .examples("examples", false, diagnostics)
            .into_iter()
            .map(|mut example| {
                example.code = Some(Located::new(key.clone(), example.origin.clone()));
                example
            })
            .collect(),
    };
    map.finish(diagnostics);
    let readable = message.is_some() && (!statuses.is_empty() || !status_written);
    readable.then_some(code)
}

fn example(
    node: &Node,
    path: &Path,
    allow_code: bool,
    diagnostics: &mut Diagnostics,
) -> Option<Example> {
    let allowed: &[&str] = if allow_code {
        &["description", "status", "headers", "body", "code"]
    } else {
        &["description", "status", "headers", "body"]
    };
    let mut map = Fields::open(node, path, "an example", allowed, diagnostics)?;
    let code = if allow_code {
        map.string("code", diagnostics)
    } else {
        None
    };
    let description = map.text("description", diagnostics);
    let status = map.number("status", diagnostics);
    let headers = map
        .entries("headers", false, diagnostics)
        .into_iter()
        .filter_map(|(name, value, value_path)| match value.key_text() {
            Some(text) => Some((name, text)),
            None => {
                diagnostics.at(
                    Rule::WrongType,
                    &value_path,
                    format!("a header value must be a string, not {}", value.kind()),
                    None,
                );
                None
            }
        })
        .collect();
    let body = match map.take("body") {
        Some((node, body_path)) => json_body(node, &body_path, diagnostics)?,
        None => {
            diagnostics.at(
                Rule::MissingKey,
                path,
                "the example has no `body`",
                Some("add `body:` with the response body".into()),
            );
            map.finish(diagnostics);
            return None;
        }
    };
    map.finish(diagnostics);
    Some(Example {
        code,
        description,
        status,
        headers,
        body,
        origin: Origin::Yaml(path.clone()),
    })
}

/// An example body: a string is raw JSON text, kept byte for byte; anything else is a YAML value
/// converted to JSON in document order.
fn json_body(node: &Node, path: &Path, diagnostics: &mut Diagnostics) -> Option<Located<String>> {
    let origin = Origin::Yaml(path.clone());
    if let Node::Str(text) = node {
        return Some(Located::new(text.clone(), origin));
    }
    let mut text = String::new();
    match write_json(node, &mut text) {
        Ok(()) => Some(Located::new(text, origin)),
        Err(problem) => {
            diagnostics.at(
                Rule::Example,
                path,
                format!("the example body cannot be written as JSON: {problem}"),
                None,
            );
            None
        }
    }
}

fn write_json(node: &Node, out: &mut String) -> Result<(), String> {
    let quote = |text: &str| serde_json::to_string(text).unwrap_or_default();
    match node {
        Node::Null => out.push_str("null"),
        Node::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Node::Int(number) => out.push_str(&number.to_string()),
        Node::UInt(number) => out.push_str(&number.to_string()),
        Node::Float(number) => match serde_json::Number::from_f64(*number) {
            Some(number) => out.push_str(&number.to_string()),
            None => return Err(format!("{number} is not a JSON number")),
        },
        Node::Str(text) => out.push_str(&quote(text)),
        Node::Seq(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_json(item, out)?;
            }
            out.push(']');
        }
        Node::Map(entries) => {
            out.push('{');
            for (index, (key, value)) in entries.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                let Node::Str(key) = key else {
                    return Err(format!("JSON object keys are strings, not {}", key.kind()));
                };
                out.push_str(&quote(key));
                out.push(':');
                write_json(value, out)?;
            }
            out.push('}');
        }
        Node::Tagged(tag, _) => return Err(format!("YAML tags such as `{tag}` have no JSON form")),
    }
    Ok(())
}

/// The entries of one mapping being read: each key is taken at most once, and whatever is left
/// at [`Fields::finish`] is reported as unknown.
struct Fields<'a> {
    path: Path,
    what: String,
    allowed: Vec<&'static str>,
    entries: Vec<Option<(String, &'a Node)>>,
}

impl<'a> Fields<'a> {
    fn open(
        node: &'a Node,
        path: &Path,
        what: impl Into<String>,
        allowed: &[&'static str],
        diagnostics: &mut Diagnostics,
    ) -> Option<Fields<'a>> {
        let what = what.into();
        let Node::Map(entries) = node else {
            let message = match (node, path.is_root()) {
                (Node::Null, true) => "the catalog is empty".to_owned(),
                _ => format!("{what} must be a mapping, not {}", node.kind()),
            };
            diagnostics.at(
                Rule::WrongType,
                path,
                message,
                Some(format!("write {what} as `key: value` lines")),
            );
            return None;
        };
        let entries = entries
            .iter()
            .filter_map(|(key, value)| match key.key_text() {
                Some(text) => Some(Some((text, value))),
                None => {
                    diagnostics.at(
                        Rule::WrongType,
                        path,
                        format!("a key in {what} is {}, not a string", key.kind()),
                        None,
                    );
                    None
                }
            })
            .collect();
        Some(Fields {
            path: path.clone(),
            what,
            allowed: allowed.to_vec(),
            entries,
        })
    }

    fn take(&mut self, key: &str) -> Option<(&'a Node, Path)> {
        let slot = self
            .entries
            .iter_mut()
            .find(|entry| entry.as_ref().is_some_and(|(name, _)| name == key))?;
        let (_, node) = slot.take()?;
        Some((node, self.path.value(key)))
    }

    fn string(&mut self, key: &str, diagnostics: &mut Diagnostics) -> Option<Located<String>> {
        let (node, path) = self.take(key)?;
        match node {
            Node::Str(text) => Some(Located::new(text.clone(), Origin::Yaml(path))),
            Node::Int(_) | Node::UInt(_) | Node::Float(_) | Node::Bool(_) => {
                diagnostics.at(
                    Rule::WrongType,
                    &path,
                    format!("`{key}` must be a string, not {}", node.kind()),
                    Some("put the value in double quotes".into()),
                );
                None
            }
            other => {
                diagnostics.at(
                    Rule::WrongType,
                    &path,
                    format!("`{key}` must be a string, not {}", other.kind()),
                    None,
                );
                None
            }
        }
    }

    /// Whether the mapping has `key` (taken or not).
    fn has(&self, key: &str) -> bool {
        self.entries.iter().flatten().any(|(name, _)| name == key)
    }

    /// Whether `key` is present (not yet taken) with a list as its value.
    fn is_list(&self, key: &str) -> bool {
        self.entries
            .iter()
            .flatten()
            .any(|(name, node)| name == key && matches!(node, Node::Seq(_)))
    }

    /// A string that must be present; a missing one is reported at the mapping's own key.
    fn required_string(
        &mut self,
        key: &str,
        diagnostics: &mut Diagnostics,
    ) -> Option<Located<String>> {
        if !self.has(key) && !self.has_typo_of(key) {
            diagnostics.at(
                Rule::MissingKey,
                &self.path.to_key(),
                format!("{} has no `{key}`", self.what),
                Some(format!("add `{key}:`")),
            );
        }
        self.string(key, diagnostics)
    }

    /// Whether a key not read yet is a likely misspelling of `key`: it is reported as an unknown
    /// key with "did you mean `key`?", and `key` is not reported missing as well.
    fn has_typo_of(&self, key: &str) -> bool {
        self.entries
            .iter()
            .flatten()
            .any(|(name, _)| name != key && did_you_mean(name, &[key]).is_some())
    }

    fn text(&mut self, key: &str, diagnostics: &mut Diagnostics) -> Option<String> {
        self.string(key, diagnostics).map(|text| text.value)
    }

    fn strings(&mut self, key: &str, diagnostics: &mut Diagnostics) -> Vec<String> {
        let Some((node, path)) = self.take(key) else {
            return Vec::new();
        };
        let Node::Seq(items) = node else {
            diagnostics.at(
                Rule::WrongType,
                &path,
                format!("`{key}` must be a list of strings, not {}", node.kind()),
                None,
            );
            return Vec::new();
        };
        string_items(items, &path, "an item", diagnostics)
            .into_iter()
            .map(|item| item.value)
            .collect()
    }

    fn number(&mut self, key: &str, diagnostics: &mut Diagnostics) -> Option<Located<u64>> {
        let (node, path) = self.take(key)?;
        number_node(key, node, path, diagnostics)
    }

    /// A number or a list of numbers (`status: 400`, `status: [403, 429]`), each located; an
    /// item that is not a number is reported and left out.
    fn numbers(&mut self, key: &str, diagnostics: &mut Diagnostics) -> Vec<Located<u64>> {
        let Some((node, path)) = self.take(key) else {
            return Vec::new();
        };
        match node {
            Node::Seq(items) => items
                .iter()
                .enumerate()
                .filter_map(|(index, item)| number_node(key, item, path.index(index), diagnostics))
                .collect(),
            single => number_node(key, single, path, diagnostics)
                .into_iter()
                .collect(),
        }
    }

    fn word<T>(
        &mut self,
        key: &str,
        expected: &str,
        diagnostics: &mut Diagnostics,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<Located<T>> {
        let text = self.string(key, diagnostics)?;
        match parse(&text.value) {
            Some(value) => Some(Located::new(value, text.origin)),
            None => {
                let words: Vec<&str> = expected.split(", ").collect();
                let help = match did_you_mean(&text.value, &words) {
                    Some(close) => format!("did you mean `{close}`? (expected one of: {expected})"),
                    None => format!("expected one of: {expected}"),
                };
                diagnostics.error_help(
                    Rule::UnknownWord,
                    &text.origin,
                    format!("`{}` is not a valid `{key}`", text.value),
                    help,
                );
                None
            }
        }
    }

    fn category(&mut self, diagnostics: &mut Diagnostics) -> Option<Category> {
        self.word(
            "category",
            &Category::spellings(),
            diagnostics,
            Category::from_word,
        )
        .map(|located| located.value)
    }

    /// `retry`: one word, or the two words of an advice that is two things at once
    /// (`[backoff, same_idempotency_key]`, in either order).
    fn retry(&mut self, diagnostics: &mut Diagnostics) -> Option<RetryAdvice> {
        if self.is_list("retry") {
            let (node, path) = self.take("retry")?;
            let Node::Seq(items) = node else { return None };
            return retry_combination(items, &path, diagnostics);
        }
        self.word(
            "retry",
            &RetryAdvice::spellings(),
            diagnostics,
            RetryAdvice::from_word,
        )
        .map(|located| located.value)
    }

    /// The entries of a mapping-valued key, with their keys as text.
    fn entries(
        &mut self,
        key: &str,
        required: bool,
        diagnostics: &mut Diagnostics,
    ) -> Vec<(String, &'a Node, Path)> {
        self.keyed_entries(key, required, diagnostics)
            .into_iter()
            .map(|(text, _, value, path)| (text, value, path))
            .collect()
    }

    /// Like [`Fields::entries`], also telling for each entry whether its key is written as a YAML
    /// integer (`21211:`, not `"21211":`).
    fn keyed_entries(
        &mut self,
        key: &str,
        required: bool,
        diagnostics: &mut Diagnostics,
    ) -> Vec<(String, bool, &'a Node, Path)> {
        let Some((node, path)) = self.take(key) else {
            if required && !self.has_typo_of(key) {
                diagnostics.at(
                    Rule::MissingKey,
                    &self.path.to_key(),
                    format!("{} has no `{key}`", self.what),
                    Some(format!("add `{key}:`")),
                );
            }
            return Vec::new();
        };
        // How often each key has appeared: YAML tells `400:` from `"400":`, errcat does not.
        let mut appearances: std::collections::HashMap<String, usize> =
            std::collections::HashMap::new();
        match node {
            Node::Map(entries) => entries
                .iter()
                .filter_map(|(entry_key, value)| {
                    let Some(text) = entry_key.key_text() else {
                        diagnostics.at(
                            Rule::WrongType,
                            &path,
                            format!("a key in `{key}` is {}, not a string", entry_key.kind()),
                            None,
                        );
                        return None;
                    };
                    if let Node::Float(number) = entry_key {
                        // YAML reads `1.5` and integers beyond 64 bits as floating-point numbers,
                        // whose text is not what the file says.
                        diagnostics.at(
                            Rule::WrongType,
                            &path.key(&text),
                            format!(
                                "a key in `{key}` is the number {number}, which errcat cannot keep as written (a fraction, or an integer beyond 64 bits)"
                            ),
                            Some("write the key in quotes, exactly as the provider sends it".to_owned()),
                        );
                        return None;
                    }
                    let count = appearances.entry(text.clone()).or_insert(0);
                    *count += 1;
                    if *count > 1 {
                        diagnostics.at(
                            Rule::Syntax,
                            &path.key_again(&text, *count),
                            format!(
                                "`{key}` has the key `{text}` twice: YAML tells `{text}` from `\"{text}\"`, errcat reads both as `{text}`"
                            ),
                            Some("remove one of them".to_owned()),
                        );
                        return None;
                    }
                    let value_path = path.value(&text);
                    let integer = matches!(entry_key, Node::Int(_) | Node::UInt(_));
                    Some((text, integer, value, value_path))
                })
                .collect(),
            Node::Null => Vec::new(),
            other => {
                diagnostics.at(
                    Rule::WrongType,
                    &path,
                    format!("`{key}` must be a mapping, not {}", other.kind()),
                    None,
                );
                Vec::new()
            }
        }
    }

    fn examples(
        &mut self,
        key: &str,
        allow_code: bool,
        diagnostics: &mut Diagnostics,
    ) -> Vec<Example> {
        let Some((node, path)) = self.take(key) else {
            return Vec::new();
        };
        match node {
            Node::Seq(items) => items
                .iter()
                .enumerate()
                .filter_map(|(index, item)| {
                    example(item, &path.index(index), allow_code, diagnostics)
                })
                .collect(),
            other => {
                diagnostics.at(
                    Rule::WrongType,
                    &path,
                    format!("`{key}` must be a list of examples, not {}", other.kind()),
                    None,
                );
                Vec::new()
            }
        }
    }

    /// Reports every key nobody took.
    fn finish(self, diagnostics: &mut Diagnostics) {
        for (key, _) in self.entries.into_iter().flatten() {
            let help = match did_you_mean(&key, &self.allowed) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("the keys of {} are: {}", self.what, self.allowed.join(", ")),
            };
            diagnostics.at(
                Rule::UnknownKey,
                &self.path.key(&key),
                format!("unknown key `{key}` in {}", self.what),
                Some(help),
            );
        }
    }
}

/// A whole number of 0 or more (an HTTP status), located.
fn number_node(
    key: &str,
    node: &Node,
    path: Path,
    diagnostics: &mut Diagnostics,
) -> Option<Located<u64>> {
    match node {
        Node::UInt(number) => Some(Located::new(*number, Origin::Yaml(path))),
        Node::Int(number) => {
            diagnostics.at(
                Rule::WrongType,
                &path,
                format!("`{key}` must be a whole number of 0 or more, not {number}"),
                Some("write the HTTP status as a number, e.g. `status: 404`".into()),
            );
            None
        }
        Node::Float(number) => {
            // YAML reads integers beyond 64 bits as floating-point numbers.
            let what = if number.fract() == 0.0 {
                "a whole number too large for a status".to_owned()
            } else {
                format!("the fraction {number}")
            };
            diagnostics.at(
                Rule::WrongType,
                &path,
                format!("`{key}` must be a whole number of 0 or more, not {what}"),
                Some("write the HTTP status as a number, e.g. `status: 404`".into()),
            );
            None
        }
        other => {
            diagnostics.at(
                Rule::WrongType,
                &path,
                format!("`{key}` must be a whole number, not {}", other.kind()),
                Some("write the HTTP status as a number, e.g. `status: 404`".into()),
            );
            None
        }
    }
}

/// A `retry` written as a list: the advice its words make together. A wait (`backoff` or
/// `retry_after`) with `same_idempotency_key` is one advice; a single word is itself.
fn retry_combination(
    items: &[Node],
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<RetryAdvice> {
    let mut words = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let Node::Str(text) = item else {
            diagnostics.at(
                Rule::WrongType,
                &path.index(index),
                format!("a `retry` word must be a string, not {}", item.kind()),
                None,
            );
            return None;
        };
        let Some(word) = RetryAdvice::from_word(text) else {
            let help = match did_you_mean(
                text,
                &RetryAdvice::ALL
                    .iter()
                    .map(|w| w.as_str())
                    .collect::<Vec<_>>(),
            ) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("expected one of: {}", RetryAdvice::spellings()),
            };
            diagnostics.error_help(
                Rule::UnknownWord,
                &Origin::Yaml(path.index(index)),
                format!("`{text}` is not a valid `retry`"),
                help,
            );
            return None;
        };
        words.push(word);
    }
    words.sort();
    words.dedup();
    let combined = match words.as_slice() {
        [single] => Some(*single),
        [RetryAdvice::Backoff, RetryAdvice::SameIdempotencyKey] => {
            Some(RetryAdvice::BackoffSameIdempotencyKey)
        }
        [RetryAdvice::AfterRetryAfter, RetryAdvice::SameIdempotencyKey] => {
            Some(RetryAdvice::SameIdempotencyKey)
        }
        _ => None,
    };
    if combined.is_none() {
        diagnostics.error_help(
            Rule::UnknownWord,
            &Origin::Yaml(path.clone()),
            "these `retry` words do not make one advice",
            "combine `backoff` or `retry_after` with `same_idempotency_key`, or write one word",
        );
    }
    combined
}

/// The strings of a list, each located; an item that is not a string is reported (as `what`
/// must be a string) and left out.
fn string_items(
    items: &[Node],
    path: &Path,
    what: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<Located<String>> {
    items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| match item {
            Node::Str(text) => Some(Located::new(text.clone(), Origin::Yaml(path.index(index)))),
            other => {
                diagnostics.at(
                    Rule::WrongType,
                    &path.index(index),
                    format!("{what} must be a string, not {}", other.kind()),
                    None,
                );
                None
            }
        })
        .collect()
}
