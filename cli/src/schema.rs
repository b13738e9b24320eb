//! The JSON Schema of the catalog format.
//!
//! [`catalog_schema`] describes a catalog exactly as [`errcat_codegen::read`] accepts it: the same keys,
//! the same required ones, the same value types, and no other key in any mapping the reader
//! closes. The closed word lists (categories, retry advice, envelope slots) come from
//! [`errcat_codegen::model`], and every key carries the wording of `catalog/README.md` as its
//! `description`, which editors show as hover text. The rules of [`errcat_codegen::validate`] (statuses
//! 400..=599, names, cross-references, example bodies that decode) stay the loader's job.
//!
//! The schema is committed as `catalog/catalog.schema.json`; each catalog's first line,
//! `# yaml-language-server: $schema=./catalog.schema.json`, points the YAML language server at
//! it. `cli/tests/schema.rs` keeps the file equal to [`catalog_schema`] (regenerate with
//! `ERRCAT_UPDATE_SCHEMA=1 cargo test -p errcat-cli --test schema`).
//!
//! The schema is draft-07, the draft the YAML language server supports best.

use serde_json::{json, Map, Value};

use errcat_codegen::model::{Category, FieldKind, RetryAdvice, Slot, CODE_FACT_KEYS};
use errcat_codegen::tree::Node;

/// The `$schema` of the catalog schema: JSON Schema draft-07.
pub const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

/// The pattern of a status-table key: three digits, 100 to 599. Whether the status is an error
/// status (400..=599) is checked by the loader.
pub const STATUS_KEY_PATTERN: &str = "^[1-5][0-9][0-9]$";

/// The schema, as JSON.
///
/// # Example
///
/// ```
/// let schema = errcat_cli::schema::catalog_schema();
/// assert_eq!(schema["type"], "object");
/// assert!(schema["properties"]["codes"].is_object());
/// ```
pub fn catalog_schema() -> Value {
    let schema = json!({
        "$schema": DRAFT,
        "title": "errcat catalog",
        "description": "One API provider's error responses (`catalog/<provider>.yaml`): the JSON shape of an error body (the envelope), its HTTP error statuses, its error types and every documented error. Each catalog becomes the module `errcat_generated::<provider>`. See catalog/README.md.",
        "type": "object",
        "additionalProperties": false,
        "required": ["name", "envelope", "statuses", "codes"],
        "properties": {
            "provider": string(
                "Optional; default: the file stem. Module name `errcat_generated::<provider>` and `PROVIDER.module`. Must already be snake_case (equal to its own snake_case form), not start with a digit and not be a Rust keyword; unique across catalogs. A file stem that is not a valid name (`acme-pay.yaml`) needs this key."
            ),
            "name": string(
                "Required, not blank. Display name: `PROVIDER.name`, rustdoc of the module and of generated items."
            ),
            "description": string(
                "Optional. About the provider's errors: the module's rustdoc (after `name`) and `PROVIDER.description`."
            ),
            "identify_by": {
                "description": "Optional; default `code`. How a body names its error: by the `code` slot, or (providers without codes) by the exact text of the `message` slot (`PROVIDER.identifies_by_code`); as a list, that first word then the fallbacks tried in order when the body does not name a code: `message` (codes' `pattern`), `type` (`types.<type>.code`), `status` (`statuses.<status>.code`).",
                "oneOf": [
                    { "type": "string", "enum": ["code", "message"] },
                    {
                        "type": "array",
                        "minItems": 1,
                        "uniqueItems": true,
                        "items": { "type": "string", "enum": ["code", "message", "type", "status"] }
                    }
                ],
            },
            "envelope": envelope(),
            "statuses": {
                "description": "Required key; may be empty. The provider's HTTP error-status table: `STATUSES`. Also the fallback for `retry`/`category`. Key: an HTTP status, 400..=599 (`400:`; `\"400\":` is read the same way).",
                "type": ["object", "null"],
                "patternProperties": { STATUS_KEY_PATTERN: { "$ref": "#/definitions/status_entry" } },
                "additionalProperties": false,
            },
            "types": {
                "description": "Optional. The provider's broad error classes: `enum ErrorType`. Key: the wire string the provider sends in the `type` slot (`invalid_request_error`).",
                "type": ["object", "null"],
                "additionalProperties": { "$ref": "#/definitions/type_entry" },
            },
            "codes": {
                "description": "Required key; may be empty. Every documented error: `enum Code`. Key: with `identify_by: code`, the wire code exactly as the provider sends it (case-sensitive, `card_declined` or `CARD_DECLINED`); with `identify_by: message`, a name you choose. Either way the key gives the `Code` variant name in UpperCamelCase (`RATE_LIMIT_EXCEEDED` → `RateLimitExceeded`) unless `rust_name` is given.",
                "type": ["object", "null"],
                "additionalProperties": { "$ref": "#/definitions/code_entry" },
            },
            "examples": {
                "description": "Optional. Documented bodies not filed under one code (a generic format example, a gateway body, an unlisted code).",
                "type": "array",
                "items": { "$ref": "#/definitions/catalog_example" },
            },
            "header_names": header_names(),
            "also": {
                "description": "Optional. Further body shapes the provider sends, tried after `envelope` when decoding (the first under which the body names its error wins): the word `oauth` (RFC 6749 §5.2: `error` is the code, `error_description` the message), or a mapping with a `name` and the keys of an envelope (`nested_under` or `list_under`, `keys`: only slots the main envelope has). `ENVELOPES`, `SHAPES`, `Error::shape()`.",
                "type": "array",
                "items": {
                    "oneOf": [
                        { "type": "string", "enum": ["oauth", "problem_details"] },
                        {
                            "type": "object",
                            "required": ["name", "keys"],
                            "properties": {
                                "name": { "type": "string" },
                                "nested_under": { "type": "string" },
                                "list_under": { "type": "string" },
                                "keys": { "type": "object" },
                            },
                            "additionalProperties": false,
                        }
                    ]
                },
            },
            "subcodes": {
                "description": "Optional. The second codes a body may carry beside its code, read from the envelope's `subcode` slot: `enum SubCode`. Key: the wire subcode (a YAML integer for a JSON integer). A subcode's `retry`, `category` and `user_message` replace the code's.",
                "type": ["object", "null"],
                "additionalProperties": { "$ref": "#/definitions/subcode_entry" },
            },
        },
        "definitions": {
            "status_entry": status_entry(),
            "type_entry": type_entry(),
            "code_entry": code_entry(),
            "subcode_entry": subcode_entry(),
            "code_example": example(false),
            "catalog_example": example(true),
        },
    });
    sorted(schema)
}

/// A document as JSON, for validating it against [`catalog_schema`]: mapping keys become their
/// text as the reader sees them (`400` → `"400"`; a null or non-scalar key becomes `""`), YAML
/// tags are dropped (JSON has none) and a NaN or infinite number becomes `null`.
pub fn node_to_json(node: &Node) -> Value {
    match node {
        Node::Null => Value::Null,
        Node::Bool(flag) => Value::Bool(*flag),
        Node::Int(number) => Value::from(*number),
        Node::UInt(number) => Value::from(*number),
        Node::Float(number) => {
            serde_json::Number::from_f64(*number).map_or(Value::Null, Value::Number)
        }
        Node::Str(text) => Value::String(text.clone()),
        Node::Seq(items) => Value::Array(items.iter().map(node_to_json).collect()),
        Node::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(key, value)| (key.key_text().unwrap_or_default(), node_to_json(value)))
                .collect(),
        ),
        Node::Tagged(_, value) => node_to_json(value),
    }
}

/// A string value.
fn string(description: &str) -> Value {
    json!({ "description": description, "type": "string" })
}

/// A status value: an integer (the reader takes a whole number of 0 or more; the loader then
/// requires 400..=599; 100..=599 here, as for status-table keys, is an editor hint).
fn status(description: &str) -> Value {
    json!({ "description": description, "type": "integer", "minimum": 100, "maximum": 599 })
}

/// `header_names`: per key, one header name or a list of them.
fn header_names() -> Value {
    let name = json!({ "type": "string", "pattern": "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$" });
    let names = |description: &str| {
        json!({
            "description": description,
            "oneOf": [name.clone(), { "type": "array", "items": name.clone(), "minItems": 1 }]
        })
    };
    json!({
        "description": "Optional. The headers the provider uses, each a name or a list tried in order, before the generic names: `HEADER_NAMES`, read by `Error::from_http` and written by `to_http_response`.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "request_id": names("Request-id headers (`X-Twilio-Request-Id`); the first is the one a server writes. Then `X-Request-Id`, `Request-Id`."),
            "should_retry": names("Headers whose `true`/`false` says whether a retry can succeed (`Stripe-Should-Retry`); the hint overrides the retry advice (`false`: never; `true`: `never` becomes `backoff`)."),
            "rate_limit_limit": names("Requests allowed in the rate-limit window. Then `X-RateLimit-Limit`."),
            "rate_limit_remaining": names("Requests left in the window. Then `X-RateLimit-Remaining`."),
            "rate_limit_reset": names("When the window resets. Then `X-RateLimit-Reset`."),
        }
    })
}

/// One status, or a non-empty list of distinct statuses.
fn statuses(description: &str) -> Value {
    let one = json!({ "type": "integer", "minimum": 100, "maximum": 599 });
    json!({
        "description": description,
        "oneOf": [one, { "type": "array", "items": one, "minItems": 1, "uniqueItems": true }]
    })
}

/// A category word, from [`Category::ALL`].
fn category(description: &str) -> Value {
    let words: Vec<&str> = Category::ALL.iter().map(|word| word.as_str()).collect();
    json!({ "description": description, "type": "string", "enum": words })
}

/// A retry-advice word, from [`RetryAdvice::ALL`], or the list of the two words of a combined
/// advice (`[backoff, same_idempotency_key]`).
fn retry(description: &str) -> Value {
    let words: Vec<&str> = RetryAdvice::ALL.iter().map(|word| word.as_str()).collect();
    let word = json!({ "type": "string", "enum": words });
    json!({
        "description": description,
        "oneOf": [word, { "type": "array", "items": word, "minItems": 1, "maxItems": 2, "uniqueItems": true }]
    })
}

fn envelope() -> Value {
    let slots: Map<String, Value> = Slot::ALL
        .iter()
        .map(|slot| {
            let (json_type, on_error) = slot_doc(*slot);
            let description = format!(
                "The `{}` slot (JSON type: {json_type}): {on_error}. Its wire key name, or a list of names: at least one, none empty, each used once in the whole envelope. The first name is the one rendered; the others are aliases also accepted when decoding (`message: [message, Message]`).",
                slot.as_str()
            );
            let schema = json!({
                "description": description,
                "type": ["string", "array"],
                "items": { "type": "string" },
            });
            (slot.as_str().to_owned(), schema)
        })
        .collect();
    json!({
        "description": "Required. Where each part of an error sits in the JSON body: `ENVELOPE`. Either a mapping, or the word of a built-in envelope: `problem_details` (RFC 9457: `type` identifies, `detail` is the message) or `oauth` (RFC 6749: `error`, `error_description`).",
        "type": ["object", "string"],
        "pattern": "^(problem_details|oauth)$",
        "additionalProperties": false,
        "required": ["keys"],
        "properties": {
            "nested_under": string(
                "Optional, not empty; absent = flat body. The key whose object value is the error object (`{\"error\": {...}}`). Keys beside it are kept, not read into slots."
            ),
            "list_under": string(
                "Optional, not empty; not with `nested_under`. The key whose value is a list of error objects (`{\"errors\": [{...}, {...}]}`): the first is the error's own (its code is `code()`), all are `Error::items()`; an empty list is an error without a code. Keys beside the list are kept."
            ),
            "keys": {
                "description": "Required. The slots the provider's error object carries, each with its wire key name(s). Entry order is the order slots are rendered in. Must include `message`; must include `code` when `identify_by: code` and must not when `identify_by: message`.",
                "type": ["object", "null"],
                "additionalProperties": false,
                "properties": slots,
            },
            "error_when": {
                "description": "Optional. The top-level keys and values that make a body sent with a success (2xx) status an error (`ok: false`); with it, statuses 200..=299 are allowed for codes and examples. `Error::ERROR_WHEN`, `Error::from_success`, `errcat::reqwest::read`.",
                "type": ["object", "null"],
                "additionalProperties": { "type": ["null", "boolean", "integer", "string"] },
            },
            "fields": {
                "description": "Optional. Further keys of the body with typed accessors on `Error` (`<name>()`, `with_<name>()`): key = the wire key. They stay among the extra keys and round-trip as sent.",
                "type": ["object", "null"],
                "additionalProperties": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["kind"],
                    "properties": {
                        "kind": {
                            "description": "Required. What the key holds: the accessor's type.",
                            "type": "string",
                            "enum": FieldKind::ALL.iter().map(|kind| kind.as_str()).collect::<Vec<_>>(),
                        },
                        "rust_name": string("Optional; default: the key in snake_case. The accessor's name (the setter is `with_<name>`): a snake_case Rust name no other `Error` method has."),
                        "description": string("Optional. What the key is: rustdoc of the accessor."),
                        "outer": { "description": "Optional; default false. The key sits beside the nested error object (nested envelopes only).", "type": "boolean" },
                    },
                },
            },
        },
    })
}

/// A slot's JSON type and what it gives on `Error` (catalog/README.md, "Slots").
fn slot_doc(slot: Slot) -> (&'static str, &'static str) {
    match slot {
        Slot::Code => ("string", "identifies the error (`identify_by: code`): `code()`"),
        Slot::Message => (
            "string",
            "`message()`, `with_message()`; identifies the error with `identify_by: message`",
        ),
        Slot::Type => (
            "string",
            "`error_type()` → `Option<&ErrorType>` plus `with_error_type()` when the catalog has `types`; otherwise `error_type()` → `Option<&str>`",
        ),
        Slot::Param => ("string", "`param()`, `with_param()`"),
        Slot::Field => ("string", "`field()`, `with_field()`"),
        Slot::Details => ("string", "`details()`, `with_details()`"),
        Slot::RequestId => (
            "string",
            "`with_request_id()`; `request_id()` reads the body, else the `X-Request-Id`/`Request-Id` header",
        ),
        Slot::Metadata => ("object", "`metadata()`, `with_metadata()`"),
        Slot::RetryAfter => (
            "non-negative integer (seconds)",
            "`with_retry_after()`; `retry_after()` reads the body, else the `Retry-After` header",
        ),
        Slot::Errors => ("array", "`sub_errors()`, `with_sub_error()`"),
        Slot::Subcode => (
            "string or integer",
            "`subcode()` → `Option<SubCode>` plus `with_subcode()` when the catalog has `subcodes`; otherwise `subcode()` → `Option<&str>`",
        ),
    }
}

fn status_entry() -> Value {
    json!({
        "description": "One row of the status table: `StatusInfo`. Key: an HTTP status, 400..=599.",
        "type": "object",
        "additionalProperties": false,
        "required": ["meaning"],
        "properties": {
            "meaning": string(
                "Required. The provider's own description of the status: `StatusInfo.meaning`."
            ),
            "category": category(
                "Optional; default `Category::for_status(<status>)`. Category of unknown codes sent with this status, and of known codes of this status that set none (in code or type)."
            ),
            "retry": retry(
                "Optional; default `RetryAdvice::for_status(<status>)`. Retry advice, same use as `category`."
            ),
            "code": string(
                "Optional. The key of the code a body without one sent with this status is, when `identify_by` lists `status`."
            ),
        },
    })
}

fn type_entry() -> Value {
    json!({
        "description": "A provider error type: a variant of `enum ErrorType`. Key: the wire string the provider sends in the `type` slot. The value must be a mapping (write `{}` for a type with no details).",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "description": string(
                "Optional. What the type covers: `TypeInfo.description`, rustdoc."
            ),
            "status": status("Optional. Default status of the codes of this type."),
            "retry": retry("Optional. Default retry advice of the codes of this type."),
            "category": category("Optional. Default category of the codes of this type."),
            "rust_name": string(
                "Optional; default: the key in UpperCamelCase (`card_error` → `CardError`). The `ErrorType` variant name, used as written: an UpperCamelCase Rust identifier, not a keyword, not `Unknown`, distinct from the other types' names (`card_kind` is rejected with the suggestion `CardKind`)."
            ),
            "code": string(
                "Optional. The key of the code a body of this type without a code is, when `identify_by` lists `type`."
            ),
        },
    })
}

fn subcode_entry() -> Value {
    let properties: Map<String, Value> = CODE_FACT_KEYS[1..]
        .iter()
        .chain(&["rust_name"])
        .map(|key| ((*key).to_owned(), code_key(key)))
        .collect();
    json!({
        "description": "A subcode: a variant of `enum SubCode`, with the facts of a code (no type, pattern, endpoints or examples).",
        "type": "object",
        "additionalProperties": false,
        "required": ["message"],
        "properties": properties,
    })
}

fn code_entry() -> Value {
    let properties: Map<String, Value> = CODE_FACT_KEYS
        .iter()
        .chain(&["endpoints", "rust_name", "examples", "pattern", "shape"])
        .map(|key| ((*key).to_owned(), code_key(key)))
        .collect();
    json!({
        "description": "A documented error: a variant of `enum Code`. Key: with `identify_by: code`, the wire code exactly as the provider sends it; with `identify_by: message`, a name you choose.",
        "type": "object",
        "additionalProperties": false,
        "required": ["message"],
        "properties": properties,
    })
}

/// The schema of one key of a code (the keys [`errcat_codegen::read`] accepts in a code).
fn code_key(key: &str) -> Value {
    match key {
        "type" => string(
            "Optional. The key of one of `types`; the code inherits that type's `status`, `retry` and `category`. `Code::error_type()`.",
        ),
        "status" => statuses(
            "Optional; default: the code's type's `status`, else none (a decoded error keeps its response's status, which also decides retry and category unless stated). One status, or a list when the provider documents several (the first is the one `Error::new(code)` uses): `Code::status()`, `Code::statuses()`, `CodeInfo.statuses`.",
        ),
        "message" => string(
            "Required, not blank. The developer message: `Code::message()`, the message `Error::new` renders. With `identify_by: message`, the exact wire text decoding matches on.",
        ),
        "description" => string("Optional. When it happens: `Code::description()`, rustdoc."),
        "user_message" => string(
            "Optional, not blank; default: the category's default message. Text safe to show end users: `Code::user_message()`, `Error::user_message()`.",
        ),
        "fix" => string(
            "Optional, not blank. What to do about it: `Code::fix()`, rustdoc. Multi-line allowed (`|-`).",
        ),
        "retry" => retry(
            "Optional; default: the type's `retry`, else the status table's row for the code's status, else `RetryAdvice::for_status(<status>)`. What a client should do.",
        ),
        "category" => category(
            "Optional; default: the type's `category`, else the status table's row for the code's status, else `Category::for_status(<status>)`. Cross-provider category.",
        ),
        "endpoints" => json!({
            "description": "Optional. Where the provider documents it. Appears only in the variant's rustdoc.",
            "type": "array",
            "items": { "type": "string" },
        }),
        "rust_name" => string(
            "Optional; default: the key in UpperCamelCase. The `Code` variant name, used as written; same rules as for types (identifier, not a keyword, not `Unknown`, unique among codes, UpperCamelCase). Needed for keys like `1001`, `self` or `unknown`.",
        ),
        "examples" => json!({
            "description": "Optional. Documented responses that must decode to this code (example entries without `code`).",
            "type": "array",
            "items": { "$ref": "#/definitions/code_example" },
        }),
        "shape" => string(
            "Optional; default `main`. The body shape (a `name` of `also`, or `oauth`) an error built from the code is rendered in.",
        ),
        "pattern" => string(
            "Optional. The message text that identifies the code when the body does not name it, with `{name}` where the text carries a value (`API rate limit exceeded for {ip}.`; `{{`/`}}` for braces): read when `identify_by` lists `message` (or is `message`). `Error::message_values()`, `with_message_values()`.",
        ),
        other => panic!("the catalog schema does not describe the code key `{other}`"),
    }
}

/// An example entry: under a code (`top_level` false) or in the top-level `examples`, where it
/// may also name its `code`.
fn example(top_level: bool) -> Value {
    let (description, status_doc) = if top_level {
        (
            "A documented body not filed under one code: `Example`.",
            "Required unless `code` is given (then default that code's status). The response's HTTP status: `Example.status`.",
        )
    } else {
        (
            "A documented response that must decode to this code: `Example`.",
            "Optional; default: the code's status. The response's HTTP status: `Example.status`.",
        )
    };
    let mut properties = Map::new();
    properties.insert(
        "description".into(),
        string("Optional. What the example shows: `Example.description`."),
    );
    properties.insert("status".into(), status(status_doc));
    properties.insert(
        "headers".into(),
        json!({
            "description": "Optional. Response headers shown with the example, kept in order as `(name, value)` text. Values should be strings; an unquoted number or boolean is taken as its text, null/list/mapping is an error.",
            "type": ["object", "null"],
            "additionalProperties": {
                "description": "A header value: a string (an unquoted number or boolean is taken as its text).",
                "type": ["string", "number", "boolean"],
            },
        }),
    );
    properties.insert(
        "body".into(),
        json!({
            "description": "Required. The response body. A YAML mapping is converted to JSON in document order (keys must be strings; no `!tags`, no `.nan`/`.inf`). A YAML string is taken as raw JSON text, byte for byte. Either way it must be a JSON object of the envelope's shape whose identifying key (`code` slot, or `message` slot for `identify_by: message`) holds the expected code.",
            "type": ["object", "string"],
        }),
    );
    if top_level {
        properties.insert(
            "code".into(),
            string("Optional. The catalog key of a listed code the body must decode to. Absent: the body must decode to a code the catalog does not list."),
        );
    }
    json!({
        "description": description,
        "type": "object",
        "additionalProperties": false,
        "required": ["body"],
        "properties": properties,
    })
}

/// `value` with every object's keys in sorted order, so the output is the same whether or not
/// serde_json's `preserve_order` feature is on in a build.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|(a, _), (b, _)| a.cmp(b));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(key, value)| (key, sorted(value)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_come_from_the_model() {
        let schema = catalog_schema();
        let entry = &schema["definitions"]["status_entry"]["properties"];
        assert_eq!(
            entry["category"]["enum"].as_array().unwrap().len(),
            Category::ALL.len()
        );
        assert_eq!(
            entry["retry"]["oneOf"][0]["enum"].as_array().unwrap().len(),
            RetryAdvice::ALL.len()
        );
        let slots = &schema["properties"]["envelope"]["properties"]["keys"]["properties"];
        assert_eq!(slots.as_object().unwrap().len(), Slot::ALL.len());
        let code = &schema["definitions"]["code_entry"]["properties"];
        for key in CODE_FACT_KEYS {
            assert!(code.get(key).is_some(), "code key `{key}` missing");
        }
    }

    #[test]
    fn converts_nodes_with_keys_as_text() {
        let node = Node::Map(vec![
            (
                Node::UInt(400),
                Node::Seq(vec![Node::Int(-1), Node::Float(1.5)]),
            ),
            (
                Node::Str("tagged".into()),
                Node::Tagged("!x".into(), Box::new(Node::Bool(true))),
            ),
            (Node::Str("nan".into()), Node::Float(f64::NAN)),
        ]);
        assert_eq!(
            node_to_json(&node),
            json!({ "400": [-1, 1.5], "tagged": true, "nan": null })
        );
    }
}
