//! Reading a body: size checks, the JSON parser over the whole body, the outer object of nested
//! envelopes, and the error object's keys.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

use super::slot_read::read_slot;
use super::{same_key, Envelope, Fields, Known, MAX_BODY_BYTES};
use crate::{DecodeError, DecodeErrorKind};

/// Decodes a response body into [`Fields`] with a provider's envelope.
///
/// Fails only when the body is not a JSON object (empty, truncated, not JSON, too large, too deep)
/// or, for nested envelopes, has no error object under the nesting key. Unknown keys, missing
/// optional keys, `null`s and values of unexpected types all decode, kept in [`Fields::extra`].
pub fn decode(envelope: &Envelope, status: u16, body: &[u8]) -> Result<Fields, DecodeError> {
    let mut fields = Fields::default();
    decode_into(envelope, status, body, &mut fields)?;
    Ok(fields)
}

/// Like [`decode`], into `fields` (whose previous contents are replaced): generated code decodes
/// straight into the error it returns.
pub fn decode_into(
    envelope: &Envelope,
    status: u16,
    body: &[u8],
    fields: &mut Fields,
) -> Result<(), DecodeError> {
    check_size(status, body)?;
    if !fields.is_blank() {
        *fields = Fields::default();
    }
    let mut problem = None;
    let seed = BodySeed {
        envelope,
        problem: &mut problem,
        fields,
    };
    parse_whole(body, seed).map_err(|failure| body_error(status, body, problem, failure))
}

/// Why a body failed to decode: the `problem` the decoder noted, else the parser's `failure`.
#[cold]
fn body_error(
    status: u16,
    body: &[u8],
    problem: Option<DecodeErrorKind>,
    failure: ParseFailure,
) -> DecodeError {
    let kind = match (problem, failure) {
        (Some(problem), ParseFailure::Json(_)) => problem,
        (None, ParseFailure::Json(error)) => match error.classify() {
            serde_json::error::Category::Data => DecodeErrorKind::NotAnObject,
            _ => failure_kind(&error),
        },
        (_, failure @ ParseFailure::InvalidUtf8 { .. }) => failure.syntax_kind(),
    };
    DecodeError::new(status, kind, body)
}

/// How a body failed to parse as JSON.
enum ParseFailure {
    /// serde_json's error.
    Json(serde_json::Error),
    /// The body is not UTF-8 from this position on (JSON text is UTF-8, RFC 8259 §8.1).
    InvalidUtf8 { line: usize, column: usize },
}

impl ParseFailure {
    /// The failure as a syntax or truncation kind.
    fn syntax_kind(self) -> DecodeErrorKind {
        match self {
            ParseFailure::Json(error) => failure_kind(&error),
            ParseFailure::InvalidUtf8 { line, column } => DecodeErrorKind::Syntax {
                line,
                column,
                message: "invalid UTF-8".to_owned(),
            },
        }
    }
}

/// A serde_json failure as a truncation (end of input) or a syntax error.
fn failure_kind(error: &serde_json::Error) -> DecodeErrorKind {
    match error.classify() {
        serde_json::error::Category::Eof => DecodeErrorKind::Truncated {
            line: error.line(),
            column: error.column(),
        },
        _ => DecodeErrorKind::Syntax {
            line: error.line(),
            column: error.column(),
            message: syntax_message(error),
        },
    }
}

/// Runs `seed` over the whole body as JSON text and checks that nothing but whitespace follows.
///
/// The body is checked as UTF-8 once and parsed as a `str`, so serde_json does not validate each
/// string again, and only its `str` reader is compiled. A body with invalid UTF-8 is parsed up to
/// the first invalid byte: a syntax error before it is reported as it is, else the invalid byte
/// is, at its line and column.
fn parse_whole<V, S: for<'de> DeserializeSeed<'de, Value = V>>(
    body: &[u8],
    seed: S,
) -> Result<V, ParseFailure> {
    let (text, invalid_at) = match std::str::from_utf8(body) {
        Ok(text) => (text, None),
        Err(error) => {
            let valid = body.get(..error.valid_up_to()).unwrap_or_default();
            // The bytes before `valid_up_to` are valid UTF-8 by definition.
            (
                std::str::from_utf8(valid).unwrap_or_default(),
                Some(valid.len()),
            )
        }
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed = seed
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value));
    match (parsed, invalid_at) {
        (Ok(value), None) => Ok(value),
        (Err(error), None) => Err(ParseFailure::Json(error)),
        (Err(error), Some(_)) if !error.is_eof() => Err(ParseFailure::Json(error)),
        (_, Some(offset)) => Err(invalid_utf8_at(body, offset)),
    }
}

/// [`ParseFailure::InvalidUtf8`] at byte `offset` of `body` (lines and columns count from 1, the
/// column in bytes, as serde_json counts them).
#[cold]
fn invalid_utf8_at(body: &[u8], offset: usize) -> ParseFailure {
    let before = body.get(..offset).unwrap_or_default();
    let line_start = before
        .iter()
        .rposition(|byte| *byte == b'\n')
        .map_or(0, |newline| newline + 1);
    ParseFailure::InvalidUtf8 {
        line: 1 + before.iter().filter(|byte| **byte == b'\n').count(),
        column: 1 + offset - line_start,
    }
}

/// The checks every body passes before parsing: not too large, not empty.
fn check_size(status: u16, body: &[u8]) -> Result<(), DecodeError> {
    if body.len() > MAX_BODY_BYTES {
        return Err(DecodeError::new(
            status,
            DecodeErrorKind::TooLarge {
                size: body.len(),
                limit: MAX_BODY_BYTES,
            },
            body,
        ));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::new(status, DecodeErrorKind::Empty, body));
    }
    Ok(())
}

/// Decodes a body into any `Deserialize` error type (derived types use this), with the same
/// size limit and failure kinds as [`decode`].
pub fn decode_json<T: serde::de::DeserializeOwned>(
    status: u16,
    body: &[u8],
) -> Result<T, DecodeError> {
    check_size(status, body)?;
    parse_whole(body, std::marker::PhantomData::<T>).map_err(|failure| {
        let kind = match failure {
            ParseFailure::Json(error) if error.classify() == serde_json::error::Category::Data => {
                DecodeErrorKind::Rejected {
                    reason: syntax_message(&error),
                }
            }
            failure => failure.syntax_kind(),
        };
        DecodeError::new(status, kind, body)
    })
}

/// serde_json's message without its " at line L column C" suffix (the kind carries those).
fn syntax_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(end) => text[..end].to_owned(),
        None => text,
    }
}

/// A map key, borrowed from the input when it has no escapes.
pub(super) enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    pub(super) fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(key) => key,
            Key::Owned(key) => key,
        }
    }

    pub(super) fn into_owned(self) -> String {
        match self {
            Key::Borrowed(key) => key.to_owned(),
            Key::Owned(key) => key,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(key))
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(key.to_owned()))
            }
            fn visit_string<E: de::Error>(self, key: String) -> Result<Key<'de>, E> {
                Ok(Key::Owned(key))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// The whole body: for nested envelopes, the outer object; for flat ones, the error object.
struct BodySeed<'a> {
    envelope: &'a Envelope,
    problem: &'a mut Option<DecodeErrorKind>,
    fields: &'a mut Fields,
}

impl<'de> DeserializeSeed<'de> for BodySeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for BodySeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some(nested_under) = self.envelope.nested_under else {
            return read_error_object(self.envelope, map, self.fields);
        };
        let mut found = false;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if same_key(key.as_str(), nested_under) {
                if found {
                    // A second error object replaces the first, as in any JSON object; the keys
                    // beside it stay.
                    self.fields.reset_inside(self.envelope);
                }
                let read = if self.envelope.list {
                    map.next_value_seed(ListSeed {
                        envelope: self.envelope,
                        fields: self.fields,
                    })
                } else {
                    map.next_value_seed(ObjectSeed {
                        envelope: self.envelope,
                        fields: self.fields,
                    })
                };
                read.inspect_err(|error| {
                    if is_shape_error(error) {
                        *self.problem =
                            Some(DecodeErrorKind::MissingEnvelope { key: nested_under });
                    }
                })?;
                found = true;
            } else if let Some(position) = self.envelope.declared_position(key.as_str(), true) {
                let value = map.next_value()?;
                let count = self.envelope.declared.len();
                self.fields.set_declared_of(count, position, value);
            } else {
                let value = map.next_value()?;
                self.fields.outer.insert(key.into_owned(), value);
            }
        }
        if !found {
            *self.problem = Some(DecodeErrorKind::MissingEnvelope { key: nested_under });
            return Err(de::Error::custom("missing error object"));
        }
        Ok(())
    }
}

/// Reads [`Fields`] from any serde deserializer (used by generated `Deserialize` impls).
pub fn deserialize_fields<'de, D: Deserializer<'de>>(
    envelope: &Envelope,
    deserializer: D,
) -> Result<Fields, D::Error> {
    let mut problem = None;
    let mut fields = Fields::default();
    BodySeed {
        envelope,
        problem: &mut problem,
        fields: &mut fields,
    }
    .deserialize(deserializer)?;
    Ok(fields)
}

/// Takes the value of wire key `key` out of `fields` and deserializes it (a missing key reads as
/// `null`, so `Option` fields may be absent). Used by derived `Deserialize` impls.
pub fn take_field<T: serde::de::DeserializeOwned, E: de::Error>(
    fields: &mut Fields,
    envelope: &Envelope,
    key: &str,
) -> Result<T, E> {
    let value = fields.take_key(envelope, key).unwrap_or(Value::Null);
    serde_json::from_value(value).map_err(|error| E::custom(format_args!("`{key}`: {error}")))
}

/// Whether a deserializer error is about the JSON's shape (as opposed to its syntax).
fn is_shape_error<E: de::Error>(error: &E) -> bool {
    // The error type is generic here; its text is the only view into it. serde_json's syntax and
    // end-of-input errors never start with "invalid type".
    error.to_string().starts_with("invalid type")
}

/// The error object itself.
struct ObjectSeed<'a> {
    envelope: &'a Envelope,
    fields: &'a mut Fields,
}

impl<'de> DeserializeSeed<'de> for ObjectSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ObjectSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        read_error_object(self.envelope, map, self.fields)
    }
}

/// The list of error objects of a list envelope (`{"errors": [{…}, {…}]}`): the first is read
/// into the fields themselves, the others into [`Fields::rest`]; an empty list is kept as one.
struct ListSeed<'a> {
    envelope: &'a Envelope,
    fields: &'a mut Fields,
}

impl<'de> DeserializeSeed<'de> for ListSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ListSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array of error objects")
    }

    fn visit_seq<S: de::SeqAccess<'de>>(self, mut seq: S) -> Result<(), S::Error> {
        let first = seq.next_element_seed(ObjectSeed {
            envelope: self.envelope,
            fields: self.fields,
        })?;
        if first.is_none() {
            self.fields.list_empty = true;
            return Ok(());
        }
        loop {
            let mut item = Fields::default();
            let read = seq.next_element_seed(ObjectSeed {
                envelope: self.envelope,
                fields: &mut item,
            })?;
            if read.is_none() {
                return Ok(());
            }
            self.fields.rest.push(item);
        }
    }
}

/// Files the unknown keys of an error object among the extra keys.
#[inline(never)]
fn file_unknown(fields: &mut Fields, unknown: Vec<(String, Value)>) {
    if fields.extra.is_empty() {
        fields.extra = unknown.into_iter().collect();
    } else {
        fields.extra.extend(unknown);
    }
}

fn read_error_object<'de, A: MapAccess<'de>>(
    envelope: &Envelope,
    mut map: A,
    fields: &mut Fields,
) -> Result<(), A::Error> {
    // The likely positions of the next slot key and the next declared key.
    let (mut expected, mut expected_declared) = (0, 0);
    // Unknown keys are gathered and filed at the end, all at once (see `collect_object`).
    let mut unknown: Vec<(String, Value)> = Vec::new();
    while let Some(key) = map.next_key::<Key<'de>>()? {
        match envelope.lookup_known(key.as_str(), expected, expected_declared) {
            Some(Known::Slot(slot, name, position)) => {
                expected = position + 1;
                read_slot(&mut map, envelope, fields, slot, name, key)?;
            }
            Some(Known::Declared(position)) => {
                expected_declared = position + 1;
                fields.set_declared_of(envelope.declared.len(), position, map.next_value()?);
            }
            None => unknown.push((key.into_owned(), map.next_value()?)),
        }
    }
    if !unknown.is_empty() {
        file_unknown(fields, unknown);
    }
    Ok(())
}
