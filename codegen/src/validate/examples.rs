//! The examples of a catalog, decoded as the generated decoder will decode them: each must
//! identify the code it is documented under.

use std::collections::HashMap;

use errcat_table::MAX_BODY_BYTES;
use serde_json::{Map, Value};

use super::{check_status, wire_of, Identification};
use crate::diagnostic::{Diagnostics, Rule};
use crate::model::{Catalog, Fallback, IdentifyBy, Scalar, Slot};
use crate::plan;

/// A catalog's examples are its documentation and its tests: each body must be a JSON object in
/// the envelope's shape whose code (or, for providers identified by message, message) is the
/// code it is documented under — or, for a provider-level example without `code`, no listed code.
pub(super) fn check(
    catalog: &Catalog,
    codes: &[Option<plan::Code>],
    identification: &Identification,
    diagnostics: &mut Diagnostics,
) -> Vec<plan::Example> {
    let identifying_slot = match catalog.identify_by {
        IdentifyBy::Code => Slot::Code,
        IdentifyBy::Message => Slot::Message,
    };
    // One reader per body shape, the main envelope first, tried in that order as the decoder
    // tries them.
    let readers: Vec<(BodyReader<'_>, Vec<&str>, Option<Nesting<'_>>)> =
        std::iter::once(&catalog.envelope)
            .chain(catalog.also.iter().map(|shape| &shape.envelope))
            .map(|envelope| {
                let names_of = |slot: Slot| -> Vec<&str> {
                    envelope
                        .keys
                        .iter()
                        .filter(|key| key.slot.value == slot)
                        .flat_map(|key| key.names.iter().map(|name| name.value.as_str()))
                        .collect()
                };
                let reader = BodyReader {
                    catalog,
                    identification,
                    message_names: names_of(Slot::Message),
                    type_names: names_of(Slot::Type),
                };
                let nested = match (&envelope.nested_under, &envelope.list_under) {
                    (Some(key), _) => Some(Nesting::Object(key.value.as_str())),
                    (None, Some(key)) => Some(Nesting::List(key.value.as_str())),
                    (None, None) => None,
                };
                (reader, names_of(identifying_slot), nested)
            })
            .collect();
    // Positions by key and by wire string (the first, if a broken catalog repeats one), so
    // that an example per code costs no pass over the codes.
    let mut by_key: HashMap<&str, usize> = HashMap::with_capacity(catalog.codes.len());
    let mut by_wire: HashMap<&str, usize> = HashMap::with_capacity(catalog.codes.len());
    for (index, code) in catalog.codes.iter().enumerate() {
        by_key.entry(code.key.value.as_str()).or_insert(index);
        by_wire.entry(wire_of(catalog, code).0).or_insert(index);
    }
    let code_examples = catalog.codes.iter().flat_map(|code| code.examples.iter());
    let mut examples = Vec::new();
    for example in code_examples.chain(&catalog.examples) {
        let body_origin = example.body.origin.to_key();
        if example.body.value.len() > MAX_BODY_BYTES {
            diagnostics.error_help(
                Rule::Example,
                &body_origin,
                format!(
                    "the example body is {} bytes as JSON; generated decoders refuse bodies over {MAX_BODY_BYTES} bytes (1 MiB)",
                    example.body.value.len()
                ),
                "shorten the example to what the provider sends",
            );
            continue;
        }
        let expected = match &example.code {
            None => None,
            Some(key) => match by_key.get(key.value.as_str()).copied() {
                Some(index) => Some(index),
                None => {
                    diagnostics.error_help(
                        Rule::Example,
                        &key.origin,
                        format!("the example names unknown code `{}`", key.value),
                        "name a code of this catalog, or remove `code` for an unknown one",
                    );
                    continue;
                }
            },
        };
        let integers = identifying_slot == Slot::Code;
        // The status fallback reads the response's status: the example's, else its code's.
        let response_status = example
            .status
            .as_ref()
            .map(|status| status.value)
            .or_else(|| {
                let index = expected?;
                codes.get(index)?.as_ref()?.status().map(u64::from)
            });
        let found =
            match identify_in_shapes(&readers, &example.body.value, integers, response_status) {
                Ok(found) => found,
                Err(problem) => {
                    diagnostics.error_help(
                        Rule::Example,
                        &body_origin,
                        format!("the example body {}", problem.message),
                        problem.help,
                    );
                    continue;
                }
            };
        let (found_index, found) = match found {
            Found::Listed(index) => (Some(index), String::new()),
            Found::Text(text) => (by_wire.get(text.as_str()).copied(), text),
        };
        if found_index != expected {
            let wanted = match expected {
                Some(index) => format!("code `{}`", catalog.codes[index].key.value),
                None => "an unknown code".to_owned(),
            };
            let got = match found_index {
                Some(index) => format!("code `{}`", catalog.codes[index].key.value),
                None => format!("the unknown code {found:?}"),
            };
            diagnostics.error_help(
                Rule::Example,
                &body_origin,
                format!("the example decodes to {got}, not to {wanted}"),
                "make the body's code match, or move the example under the code it shows",
            );
            continue;
        }
        // A listed code's example defaults to the code's status; a code that failed to resolve is
        // reported already.
        let resolved = expected.map(|index| codes.get(index).and_then(Option::as_ref));
        let status = match (&example.status, resolved) {
            (Some(status), _) => check_status(catalog, status, diagnostics),
            (None, Some(None)) => None,
            (None, Some(Some(code))) if code.status().is_some() => code.status(),
            (None, listed) => {
                let help = if listed.is_some() {
                    "the code documents no status: add the response's `status:`"
                } else {
                    "add the response's `status:`"
                };
                diagnostics.error_help(
                    Rule::Example,
                    &example.origin,
                    "the example has no `status`",
                    help,
                );
                None
            }
        };
        let Some(status) = status else { continue };
        if (200..300).contains(&status) && !marks_error(&example.body.value, catalog) {
            diagnostics.error_help(
                Rule::Example,
                &body_origin,
                format!("the example is sent with {status}, but its body lacks the `error_when` markers"),
                "a body sent with a 2xx status is an error only when its top-level keys hold the `error_when` values",
            );
            continue;
        }
        examples.push(plan::Example {
            code: expected,
            description: example.description.clone(),
            status,
            headers: example.headers.clone(),
            body: example.body.value.clone(),
        });
    }
    examples
}

/// Why an example body cannot be identified: what is wrong, and what to do about it. A body
/// that is not JSON is the example's fault; a JSON body the envelope cannot read is either
/// mistyped or a shape the envelope does not describe, and the help says which keys it expected.
#[derive(Debug, PartialEq, Eq)]
struct ShapeProblem {
    message: String,
    help: String,
}

impl ShapeProblem {
    fn new(message: impl Into<String>, help: impl Into<String>) -> ShapeProblem {
        ShapeProblem {
            message: message.into(),
            help: help.into(),
        }
    }
}

/// Whether an example body's top-level keys hold every `error_when` value (as
/// `errcat::wire::body_matches` reads a 2xx body).
fn marks_error(body: &str, catalog: &Catalog) -> bool {
    let Ok(Value::Object(object)) = serde_json::from_str::<Value>(body) else {
        return false;
    };
    catalog.envelope.error_when.iter().all(|(key, expected)| {
        match (object.get(key.value.as_str()), expected) {
            (Some(Value::Null), Scalar::Null) => true,
            (Some(Value::Bool(found)), Scalar::Bool(expected)) => found == expected,
            (Some(Value::Number(found)), Scalar::Integer(expected)) => {
                found.as_i64() == Some(*expected)
            }
            (Some(Value::String(found)), Scalar::Text(expected)) => found == expected,
            _ => false,
        }
    }) && !catalog.envelope.error_when.is_empty()
}

/// What an example body decodes to: a code found by a fallback, or the identifying text (looked
/// up among the wire strings; `""` when nothing identifies the body).
#[derive(Debug, PartialEq, Eq)]
enum Found {
    Listed(usize),
    Text(String),
}

/// The error object of an example body: the body, or the object under `nested`.
/// What a body decodes to across the catalog's shapes, as the decoder reads it: the first shape
/// that identifies it; else the first that reads it at all; else the main shape's problem.
fn identify_in_shapes(
    readers: &[(BodyReader<'_>, Vec<&str>, Option<Nesting<'_>>)],
    body: &str,
    integers: bool,
    status: Option<u64>,
) -> Result<Found, ShapeProblem> {
    let mut first: Option<Result<Found, ShapeProblem>> = None;
    for (reader, names, nested) in readers {
        let found = body_object(body, *nested)
            .and_then(|object| reader.identify(&object, names, integers, status));
        if matches!(&found, Ok(Found::Listed(_)))
            || matches!(&found, Ok(Found::Text(text)) if !text.is_empty())
        {
            return found;
        }
        match (&first, &found) {
            (None, _) | (Some(Err(_)), Ok(_)) => first = Some(found),
            _ => {}
        }
    }
    first.unwrap_or_else(|| Ok(Found::Text(String::new())))
}

/// Where a body keeps its error: in one object under a key, or in a list under a key.
#[derive(Clone, Copy)]
enum Nesting<'a> {
    Object(&'a str),
    List(&'a str),
}

/// The error object of an example body: the body, the object under the nesting key, or the
/// first object of the list under it (an empty list gives an empty object: a body without a code).
fn body_object(
    body: &str,
    nested: Option<Nesting<'_>>,
) -> Result<Map<String, Value>, ShapeProblem> {
    let value: Value = serde_json::from_str(body).map_err(|error| {
        ShapeProblem::new(
            format!("is not valid JSON: {error}"),
            "write the body as the JSON the provider sends (a YAML mapping, or a string of JSON text)",
        )
    })?;
    let Value::Object(mut object) = value else {
        return Err(ShapeProblem::new(
            "is not a JSON object",
            "the envelope reads error bodies that are JSON objects; a body of another shape cannot be described by it",
        ));
    };
    if let Some(Nesting::List(key)) = nested {
        return match object.remove(key) {
            Some(Value::Array(items)) => match items.into_iter().next() {
                None => Ok(Map::new()),
                Some(Value::Object(first)) => Ok(first),
                Some(_) => Err(ShapeProblem::new(
                    format!("holds items under `{key}` that are not error objects"),
                    format!("the envelope reads error objects from the list under `{key}` (`list_under`)"),
                )),
            },
            _ => Err(ShapeProblem::new(
                format!("has no `{key}` list"),
                format!(
                    "the envelope reads the errors from the list under `{key}` (`list_under`); \
                     if the provider sends this body, the envelope does not describe its shape"
                ),
            )),
        };
    }
    if let Some(Nesting::Object(key)) = nested {
        object = match object.remove(key) {
            Some(Value::Object(inner)) => inner,
            _ => {
                return Err(ShapeProblem::new(
                    format!("has no `{key}` object"),
                    format!(
                    "the envelope reads the error from the object under `{key}` (`nested_under`); \
                         if the provider sends this body, the envelope does not describe its shape"
                ),
                ))
            }
        };
    }
    Ok(object)
}

/// The text of the first of `names` the object holds as a string (with `integers`, a JSON integer
/// is read as its decimal text, as the decoder reads codes).
fn slot_text(object: &Map<String, Value>, names: &[&str], integers: bool) -> Option<String> {
    names.iter().find_map(|name| match object.get(*name) {
        Some(Value::String(text)) => Some(text.clone()),
        Some(Value::Number(number)) if integers && (number.is_i64() || number.is_u64()) => {
            Some(number.to_string())
        }
        _ => None,
    })
}

/// Identifies example bodies the way generated `Error::decode` does: the code (or, for providers
/// identified by message, the exact text, then the patterns), then the fallbacks in order.
struct BodyReader<'a> {
    catalog: &'a Catalog,
    identification: &'a Identification,
    message_names: Vec<&'a str>,
    type_names: Vec<&'a str>,
}

impl BodyReader<'_> {
    fn identify(
        &self,
        object: &Map<String, Value>,
        names: &[&str],
        integers: bool,
        status: Option<u64>,
    ) -> Result<Found, ShapeProblem> {
        let by_message = self.catalog.identify_by == IdentifyBy::Message;
        match slot_text(object, names, integers) {
            Some(text) if by_message => {
                let listed = self
                    .catalog
                    .codes
                    .iter()
                    .position(|code| code.message.value == text);
                Ok(match listed.or_else(|| self.by_pattern(&text)) {
                    Some(index) => Found::Listed(index),
                    None => self
                        .fallbacks(object, status)
                        .map_or(Found::Text(text), Found::Listed),
                })
            }
            Some(text) => Ok(Found::Text(text)),
            None if self.catalog.fallbacks.is_empty() => Err(missing_identifier(names, integers)),
            None => Ok(self
                .fallbacks(object, status)
                .map_or(Found::Text(String::new()), Found::Listed)),
        }
    }

    /// The first code whose pattern the text matches.
    fn by_pattern(&self, text: &str) -> Option<usize> {
        self.identification.patterns.iter().position(|pattern| {
            pattern
                .as_ref()
                .is_some_and(|parts| errcat_table::pattern::captures(parts, text).is_some())
        })
    }

    /// The code the fallbacks find, tried in the catalog's order.
    fn fallbacks(&self, object: &Map<String, Value>, status: Option<u64>) -> Option<usize> {
        self.catalog
            .fallbacks
            .iter()
            .find_map(|fallback| match fallback.value {
                Fallback::Message => {
                    self.by_pattern(&slot_text(object, &self.message_names, false)?)
                }
                Fallback::Type => {
                    let wire = slot_text(object, &self.type_names, false)?;
                    let index = self
                        .catalog
                        .types
                        .iter()
                        .position(|t| t.wire.value == wire)?;
                    *self.identification.type_codes.get(index)?
                }
                Fallback::Status => {
                    let status = status?;
                    self.identification
                        .status_codes
                        .iter()
                        .find(|(row, _)| *row == status)
                        .map(|(_, code)| *code)
                }
            })
    }
}

/// The problem of a body without its identifying key, for catalogs without fallbacks.
fn missing_identifier(names: &[&str], integers: bool) -> ShapeProblem {
    match names.first() {
        Some(name) => ShapeProblem::new(
            format!(
                "has no {} `{name}`",
                if integers { "string or integer" } else { "string" }
            ),
            format!(
                "the envelope identifies an error by the value under {}; if the provider sends this \
                 body, the envelope does not describe where it puts that value (or `identify_by` \
                 can list fallbacks: `[code, message, type, status]`)",
                names
                    .iter()
                    .map(|name| format!("`{name}`"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        ),
        None => ShapeProblem::new(
            "cannot be identified: the envelope names no identifying key",
            "give the envelope the key that identifies an error",
        ),
    }
}

/// The identifying string of an example body, read the way the decoder reads it (with
/// `integers`, a JSON integer is read as its decimal text, as the decoder reads codes).
#[cfg(test)]
fn identify(
    body: &str,
    nested: Option<&str>,
    names: &[&str],
    integers: bool,
) -> Result<String, ShapeProblem> {
    let object = body_object(body, nested.map(Nesting::Object))?;
    slot_text(&object, names, integers).ok_or_else(|| missing_identifier(names, integers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifies_like_the_decoder() {
        assert_eq!(
            identify(r#"{"error":{"code":"x"}}"#, Some("error"), &["code"], true),
            Ok("x".into())
        );
        assert_eq!(
            identify(
                r#"{"Message":"Forbidden"}"#,
                None,
                &["message", "Message"],
                false
            ),
            Ok("Forbidden".into())
        );
        let problem = identify(r#"{"code":"x"}"#, Some("error"), &["code"], true).unwrap_err();
        assert_eq!(problem.message, "has no `error` object");
        assert!(problem.help.contains("`nested_under`"), "{}", problem.help);
        let problem = identify("[1]", None, &["code"], true).unwrap_err();
        assert_eq!(problem.message, "is not a JSON object");
        assert!(
            problem.help.contains("cannot be described"),
            "{}",
            problem.help
        );
        let problem = identify("{", None, &["code"], true).unwrap_err();
        assert!(
            problem.message.starts_with("is not valid JSON"),
            "{}",
            problem.message
        );
        let problem = identify(r#"{"Code":"x"}"#, None, &["code", "errorCode"], false).unwrap_err();
        assert_eq!(problem.message, "has no string `code`");
        assert!(
            problem.help.contains("`code` or `errorCode`"),
            "{}",
            problem.help
        );
        // Integer codes are read as their decimal text, as the decoder reads them.
        assert_eq!(
            identify(r#"{"code":21211}"#, None, &["code"], true),
            Ok("21211".into())
        );
        assert_eq!(
            identify(r#"{"code":-2}"#, None, &["code"], true),
            Ok("-2".into())
        );
        let problem = identify(r#"{"code":1.5}"#, None, &["code"], true).unwrap_err();
        assert_eq!(problem.message, "has no string or integer `code`");
    }
}
