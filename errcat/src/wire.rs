//! The wire envelope: where a provider puts each part of an error in its JSON body, and the
//! decoder/encoder that generated code drives with a provider's [`Envelope`].
//!
//! Decoding reads the body once, straight into [`Fields`]: known keys go to their slot, every
//! other key (and every known key whose value has an unexpected type, `null` included) is kept
//! verbatim in [`Fields::extra`] — or, for keys beside a nested error object, in
//! [`Fields::outer`] — so that encoding what was decoded gives back the same JSON.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::{DecodeError, DecodeErrorKind};

mod table;

pub use table::{WireTable, EMPTY_SLOT};

/// The largest body [`decode`] accepts, in bytes (1 MiB). Error bodies are small; anything larger
/// is not an error body worth buffering.
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// A part of an error that a provider's envelope may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
    /// The machine-readable code (a string).
    Code,
    /// The human-readable message (a string).
    Message,
    /// The provider's broad error type (a string).
    Type,
    /// The request parameter the error is about (a string).
    Param,
    /// The request field the error is about (a string).
    Field,
    /// Additional context (a string).
    Details,
    /// The request id (a string).
    RequestId,
    /// A map of additional context (a JSON object).
    Metadata,
    /// Seconds to wait before retrying (a non-negative integer).
    RetryAfter,
    /// Sub-errors (a JSON array).
    Errors,
}

impl Slot {
    /// Every slot.
    pub const ALL: [Slot; 10] = [
        Slot::Code,
        Slot::Message,
        Slot::Type,
        Slot::Param,
        Slot::Field,
        Slot::Details,
        Slot::RequestId,
        Slot::Metadata,
        Slot::RetryAfter,
        Slot::Errors,
    ];

    /// The catalog spelling of the slot.
    pub const fn as_str(self) -> &'static str {
        match self {
            Slot::Code => "code",
            Slot::Message => "message",
            Slot::Type => "type",
            Slot::Param => "param",
            Slot::Field => "field",
            Slot::Details => "details",
            Slot::RequestId => "request_id",
            Slot::Metadata => "metadata",
            Slot::RetryAfter => "retry_after",
            Slot::Errors => "errors",
        }
    }

    const fn index(self) -> usize {
        self as usize
    }
}

/// One key of an envelope: the slot, and the wire names that fill it. The first name is the one
/// rendered; the others are accepted when decoding (e.g. a gateway that capitalises `Message`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeySpec {
    /// The slot this key fills.
    pub slot: Slot,
    /// Its wire names, the rendered one first. Never empty.
    pub names: &'static [&'static str],
}

/// A provider's error body shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Envelope {
    /// The key the error object is nested under (`{"error": {…}}`), or `None` for a flat body.
    pub nested_under: Option<&'static str>,
    /// The keys of the error object, in the order they are rendered.
    pub keys: &'static [KeySpec],
    /// The catalog's codes: a code the table lists decodes to [`WireText::Listed`], without
    /// allocating.
    pub codes: &'static WireTable,
    /// The catalog's error types, likewise.
    pub types: &'static WireTable,
}

impl Envelope {
    /// The slot and name index a wire key fills, if the envelope names it.
    fn lookup(&self, key: &str) -> Option<(Slot, u8)> {
        self.lookup_from(key, 0).map(|(slot, name, _)| (slot, name))
    }

    /// [`Envelope::lookup`], trying the keys from position `start` on first (providers send their
    /// keys in a fixed order, so the key after the last one found is the likely next); also gives
    /// the position of the key found.
    fn lookup_from(&self, key: &str, start: usize) -> Option<(Slot, u8, usize)> {
        let count = self.keys.len();
        let mut position = if start < count { start } else { 0 };
        for _ in 0..count {
            let spec = self.keys.get(position)?;
            if let Some(index) = spec.names.iter().position(|name| *name == key) {
                return Some((spec.slot, u8::try_from(index).unwrap_or(u8::MAX), position));
            }
            position += 1;
            if position == count {
                position = 0;
            }
        }
        None
    }

    /// The key spec of a slot, if the envelope has it.
    pub fn spec(&self, slot: Slot) -> Option<&'static KeySpec> {
        self.keys.iter().find(|spec| spec.slot == slot)
    }

    /// The rendered wire name of a slot, if the envelope has it.
    pub fn name(&self, slot: Slot) -> Option<&'static str> {
        self.spec(slot).and_then(|spec| spec.names.first().copied())
    }
}

/// A code or type as decoded: the index of a name the envelope's table lists, or the text sent.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum WireText {
    /// A name of the envelope's [`WireTable`].
    Listed {
        /// Its index in the table (the position of the variant in the generated `ALL`).
        index: usize,
        /// The name.
        name: &'static str,
    },
    /// Any other text, as sent.
    Unlisted(String),
}

impl WireText {
    /// The text.
    pub fn as_str(&self) -> &str {
        match self {
            WireText::Listed { name, .. } => name,
            WireText::Unlisted(text) => text,
        }
    }

    /// The text, owned.
    pub fn into_string(self) -> String {
        match self {
            WireText::Listed { name, .. } => name.to_owned(),
            WireText::Unlisted(text) => text,
        }
    }

    /// `text` resolved against `table`.
    pub fn resolve(table: &WireTable, text: &str) -> WireText {
        match table.find_name(text) {
            Some((index, name)) => WireText::Listed { index, name },
            None => WireText::Unlisted(text.to_owned()),
        }
    }

    /// Like [`WireText::resolve`], reusing the allocation of an unlisted text.
    pub fn resolve_string(table: &WireTable, text: String) -> WireText {
        match table.find_name(&text) {
            Some((index, name)) => WireText::Listed { index, name },
            None => WireText::Unlisted(text),
        }
    }
}

impl From<String> for WireText {
    fn from(text: String) -> WireText {
        WireText::Unlisted(text)
    }
}

impl From<&str> for WireText {
    fn from(text: &str) -> WireText {
        WireText::Unlisted(text.to_owned())
    }
}

impl fmt::Display for WireText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The parts of one error body, untyped. Generated code wraps it with the typed code.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields {
    /// [`Slot::Code`]
    pub code: Option<WireText>,
    /// [`Slot::Message`]
    pub message: Option<String>,
    /// [`Slot::Type`]
    pub error_type: Option<WireText>,
    /// [`Slot::Param`]
    pub param: Option<String>,
    /// [`Slot::Field`]
    pub field: Option<String>,
    /// [`Slot::Details`]
    pub details: Option<String>,
    /// [`Slot::RequestId`]
    pub request_id: Option<String>,
    /// [`Slot::Metadata`]
    pub metadata: Option<Map<String, Value>>,
    /// [`Slot::RetryAfter`]
    pub retry_after: Option<u64>,
    /// [`Slot::Errors`]
    pub errors: Option<Vec<Value>>,
    /// Keys of the error object that the envelope does not name, and known keys whose value had
    /// another type than their slot's, kept as sent.
    pub extra: Map<String, Value>,
    /// Keys beside the nested error object (nested envelopes only), kept as sent.
    pub outer: Map<String, Value>,
    /// For each slot, which of its wire names the value was read from (0 = the rendered one).
    names: [u8; Slot::ALL.len()],
}

/// A borrowed view of one slot's value, for rendering.
enum SlotValue<'a> {
    Text(&'a str),
    Object(&'a Map<String, Value>),
    Number(u64),
    List(&'a [Value]),
}

impl Serialize for SlotValue<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            SlotValue::Text(text) => serializer.serialize_str(text),
            SlotValue::Object(map) => map.serialize(serializer),
            SlotValue::Number(number) => serializer.serialize_u64(*number),
            SlotValue::List(list) => list.serialize(serializer),
        }
    }
}

/// A slot's value, read with the slot's type.
enum Content {
    Text(String),
    Wire(WireText),
    Object(Map<String, Value>),
    Number(u64),
    List(Vec<Value>),
}

impl Content {
    fn into_value(self) -> Value {
        match self {
            Content::Text(text) => Value::String(text),
            Content::Wire(wire) => Value::String(wire.into_string()),
            Content::Object(map) => Value::Object(map),
            Content::Number(number) => Value::from(number),
            Content::List(list) => Value::Array(list),
        }
    }
}

impl Fields {
    /// Puts `content` in `slot` if it has the slot's type; otherwise gives it back.
    fn put(&mut self, slot: Slot, content: Content) -> Result<(), Content> {
        match (slot, content) {
            (Slot::Code, Content::Wire(wire)) => self.code = Some(wire),
            (Slot::Type, Content::Wire(wire)) => self.error_type = Some(wire),
            (Slot::Message, Content::Text(text)) => self.message = Some(text),
            (Slot::Param, Content::Text(text)) => self.param = Some(text),
            (Slot::Field, Content::Text(text)) => self.field = Some(text),
            (Slot::Details, Content::Text(text)) => self.details = Some(text),
            (Slot::RequestId, Content::Text(text)) => self.request_id = Some(text),
            (Slot::Metadata, Content::Object(map)) => self.metadata = Some(map),
            (Slot::RetryAfter, Content::Number(seconds)) => self.retry_after = Some(seconds),
            (Slot::Errors, Content::List(list)) => self.errors = Some(list),
            (_, other) => return Err(other),
        }
        Ok(())
    }

    /// Empties a slot, giving back its content.
    fn take_content(&mut self, slot: Slot) -> Option<Content> {
        match slot {
            Slot::Code => self.code.take().map(Content::Wire),
            Slot::Message => self.message.take().map(Content::Text),
            Slot::Type => self.error_type.take().map(Content::Wire),
            Slot::Param => self.param.take().map(Content::Text),
            Slot::Field => self.field.take().map(Content::Text),
            Slot::Details => self.details.take().map(Content::Text),
            Slot::RequestId => self.request_id.take().map(Content::Text),
            Slot::Metadata => self.metadata.take().map(Content::Object),
            Slot::RetryAfter => self.retry_after.take().map(Content::Number),
            Slot::Errors => self.errors.take().map(Content::List),
        }
    }

    /// Takes out the value sent under the wire key `key`: from its slot when the envelope names
    /// the key (and the slot was read from it), else from the extra keys.
    pub fn take_key(&mut self, envelope: &Envelope, key: &str) -> Option<Value> {
        if let Some((slot, name)) = envelope.lookup(key) {
            if self.is_set(slot) && self.names[slot.index()] == name {
                return self.take(slot);
            }
        }
        self.extra.remove(key)
    }

    /// Empties a slot, giving back its value as JSON.
    fn take(&mut self, slot: Slot) -> Option<Value> {
        self.take_content(slot).map(Content::into_value)
    }

    /// Whether nothing is set (cheaper than comparing with `Fields::default()`).
    fn is_blank(&self) -> bool {
        Slot::ALL.iter().all(|slot| !self.is_set(*slot))
            && self.extra.is_empty()
            && self.outer.is_empty()
            && self.names == [0; Slot::ALL.len()]
    }

    fn is_set(&self, slot: Slot) -> bool {
        self.value(slot).is_some()
    }

    fn value(&self, slot: Slot) -> Option<SlotValue<'_>> {
        fn text(value: &Option<String>) -> Option<SlotValue<'_>> {
            value.as_deref().map(SlotValue::Text)
        }
        fn wire(value: &Option<WireText>) -> Option<SlotValue<'_>> {
            value.as_ref().map(|wire| SlotValue::Text(wire.as_str()))
        }
        match slot {
            Slot::Code => wire(&self.code),
            Slot::Message => text(&self.message),
            Slot::Type => wire(&self.error_type),
            Slot::Param => text(&self.param),
            Slot::Field => text(&self.field),
            Slot::Details => text(&self.details),
            Slot::RequestId => text(&self.request_id),
            Slot::Metadata => self.metadata.as_ref().map(SlotValue::Object),
            Slot::RetryAfter => self.retry_after.map(SlotValue::Number),
            Slot::Errors => self.errors.as_deref().map(SlotValue::List),
        }
    }

    /// The wire name a slot is rendered under: the one it was decoded from, else the first.
    fn name_of(&self, spec: &KeySpec) -> &'static str {
        let chosen = usize::from(self.names[spec.slot.index()]);
        spec.names
            .get(chosen)
            .or_else(|| spec.names.first())
            .copied()
            .unwrap_or_else(|| spec.slot.as_str())
    }
}

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
    let parsed = parse_whole(body, seed);
    parsed.map_err(|error| {
        DecodeError::new(
            status,
            problem.unwrap_or_else(|| match error.classify() {
                serde_json::error::Category::Eof => DecodeErrorKind::Truncated {
                    line: error.line(),
                    column: error.column(),
                },
                serde_json::error::Category::Data => DecodeErrorKind::NotAnObject,
                serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
                    DecodeErrorKind::Syntax {
                        line: error.line(),
                        column: error.column(),
                        message: syntax_message(&error),
                    }
                }
            }),
            body,
        )
    })
}

/// Runs `parse` over the whole body and checks that nothing but whitespace follows.
///
/// A body that is valid UTF-8 as a whole (nearly every body) is parsed as a `str`, so serde_json
/// does not validate each string again; any other body is parsed as bytes, where serde_json
/// reports the first invalid string exactly.
fn parse_whole<V, S: for<'de> DeserializeSeed<'de, Value = V>>(
    body: &[u8],
    seed: S,
) -> serde_json::Result<V> {
    fn run<'de, R: serde_json::de::Read<'de>, V, S: DeserializeSeed<'de, Value = V>>(
        mut deserializer: serde_json::Deserializer<R>,
        seed: S,
    ) -> serde_json::Result<V> {
        let value = seed.deserialize(&mut deserializer)?;
        deserializer.end()?;
        Ok(value)
    }
    match std::str::from_utf8(body) {
        Ok(text) => run(serde_json::Deserializer::from_str(text), seed),
        Err(_) => run(serde_json::Deserializer::from_slice(body), seed),
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
    parse_whole(body, std::marker::PhantomData::<T>).map_err(|error| {
        let kind = match error.classify() {
            serde_json::error::Category::Eof => DecodeErrorKind::Truncated {
                line: error.line(),
                column: error.column(),
            },
            serde_json::error::Category::Data => DecodeErrorKind::Rejected {
                reason: syntax_message(&error),
            },
            serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
                DecodeErrorKind::Syntax {
                    line: error.line(),
                    column: error.column(),
                    message: syntax_message(&error),
                }
            }
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
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(key) => key,
            Key::Owned(key) => key,
        }
    }

    fn into_owned(self) -> String {
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
        let mut outer = Map::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if key.as_str() == nested_under {
                if found {
                    // A second error object replaces the first, as in any JSON object.
                    *self.fields = Fields::default();
                }
                map.next_value_seed(ObjectSeed {
                    envelope: self.envelope,
                    fields: self.fields,
                })
                .inspect_err(|error| {
                    if is_shape_error(error) {
                        *self.problem =
                            Some(DecodeErrorKind::MissingEnvelope { key: nested_under });
                    }
                })?;
                found = true;
            } else {
                outer.insert(key.into_owned(), map.next_value()?);
            }
        }
        if !found {
            *self.problem = Some(DecodeErrorKind::MissingEnvelope { key: nested_under });
            return Err(de::Error::custom("missing error object"));
        }
        self.fields.outer = outer;
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

/// A generated enum of wire strings with a catch-all variant (`Code`, `ErrorType`).
pub trait WireName: Sized {
    /// The value a wire string names; unlisted strings become the catch-all variant.
    fn from_wire(wire: &str) -> Self;
    /// Like [`WireName::from_wire`], reusing the allocation for unlisted strings.
    fn from_wire_string(wire: String) -> Self;
    /// The wire string.
    fn as_str(&self) -> &str;
}

/// Deserializes a [`WireName`] from a string, without allocating for listed names.
pub fn deserialize_wire_name<'de, D: Deserializer<'de>, T: WireName>(
    deserializer: D,
) -> Result<T, D::Error> {
    struct NameVisitor<T>(std::marker::PhantomData<T>);
    impl<T: WireName> Visitor<'_> for NameVisitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: de::Error>(self, wire: &str) -> Result<T, E> {
            Ok(T::from_wire(wire))
        }
        fn visit_string<E: de::Error>(self, wire: String) -> Result<T, E> {
            Ok(T::from_wire_string(wire))
        }
    }
    deserializer.deserialize_str(NameVisitor(std::marker::PhantomData))
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

fn read_error_object<'de, A: MapAccess<'de>>(
    envelope: &Envelope,
    mut map: A,
    fields: &mut Fields,
) -> Result<(), A::Error> {
    let mut expected = 0;
    while let Some(key) = map.next_key::<Key<'de>>()? {
        let Some((slot, name, position)) = envelope.lookup_from(key.as_str(), expected) else {
            let value = map.next_value()?;
            fields.extra.insert(key.into_owned(), value);
            continue;
        };
        expected = position + 1;
        let read = map.next_value_seed(SlotSeed { slot, envelope })?;
        fields.accept(envelope, key, slot, name, read);
    }
    Ok(())
}

impl Fields {
    /// Files a value read under a key the envelope names: in its slot when it has the slot's type
    /// and no name listed earlier filled the slot, else among the extra keys.
    fn accept(
        &mut self,
        envelope: &Envelope,
        key: Key<'_>,
        slot: Slot,
        name: u8,
        read: Result<Content, Value>,
    ) {
        // When a body has a slot under two of its names, the name listed first in the envelope
        // wins, whatever the order of the keys; the other stays as sent among the extra keys.
        let filled_under = self.is_set(slot).then(|| self.names[slot.index()]);
        if filled_under.is_some_and(|previous| previous < name) {
            let value = read.map_or_else(|value| value, Content::into_value);
            self.extra.insert(key.into_owned(), value);
            return;
        }
        let content = match read {
            Ok(content) => content,
            Err(value) => {
                if filled_under == Some(name) {
                    // The same key again: the last value wins, as in any JSON object.
                    self.take_content(slot);
                }
                // A value under a later-listed name stays in the slot.
                self.extra.insert(key.into_owned(), value);
                return;
            }
        };
        let displaced = match filled_under {
            Some(previous) if previous > name => self.take_content(slot).map(|old| (previous, old)),
            _ => None,
        };
        if let Err(content) = self.put(slot, content) {
            self.extra.insert(key.into_owned(), content.into_value());
            return;
        }
        self.names[slot.index()] = name;
        // A duplicate key that had the wrong type earlier is superseded.
        if !self.extra.is_empty() {
            self.extra.remove(key.as_str());
        }
        if let Some((previous, old)) = displaced {
            let old_key = envelope
                .spec(slot)
                .and_then(|spec| spec.names.get(usize::from(previous)));
            if let Some(old_key) = old_key {
                self.extra.insert((*old_key).to_owned(), old.into_value());
            }
        }
    }
}

/// One value under a key the envelope names: read straight into the slot's type, or, when it has
/// another type, kept as JSON.
struct SlotSeed<'a> {
    slot: Slot,
    envelope: &'a Envelope,
}

impl SlotSeed<'_> {
    fn text(&self, text: &str) -> Result<Content, Value> {
        match self.slot {
            Slot::Code => Ok(Content::Wire(WireText::resolve(self.envelope.codes, text))),
            Slot::Type => Ok(Content::Wire(WireText::resolve(self.envelope.types, text))),
            Slot::Message | Slot::Param | Slot::Field | Slot::Details | Slot::RequestId => {
                Ok(Content::Text(text.to_owned()))
            }
            Slot::Metadata | Slot::RetryAfter | Slot::Errors => Err(Value::String(text.to_owned())),
        }
    }

    fn string(&self, text: String) -> Result<Content, Value> {
        match self.slot {
            Slot::Code => Ok(Content::Wire(WireText::resolve_string(
                self.envelope.codes,
                text,
            ))),
            Slot::Type => Ok(Content::Wire(WireText::resolve_string(
                self.envelope.types,
                text,
            ))),
            Slot::Message | Slot::Param | Slot::Field | Slot::Details | Slot::RequestId => {
                Ok(Content::Text(text))
            }
            Slot::Metadata | Slot::RetryAfter | Slot::Errors => Err(Value::String(text)),
        }
    }
}

impl<'de> DeserializeSeed<'de> for SlotSeed<'_> {
    type Value = Result<Content, Value>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for SlotSeed<'_> {
    type Value = Result<Content, Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        Ok(Err(Value::Bool(value)))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        match u64::try_from(value) {
            Ok(value) => self.visit_u64(value),
            Err(_) => Ok(Err(Value::from(value))),
        }
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        Ok(match self.slot {
            Slot::RetryAfter => Ok(Content::Number(value)),
            _ => Err(Value::from(value)),
        })
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        Ok(Err(Value::from(value)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(self.text(value))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        Ok(self.string(value))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Err(Value::Null))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Err(Value::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<S: de::SeqAccess<'de>>(self, seq: S) -> Result<Self::Value, S::Error> {
        let list = Vec::<Value>::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
        Ok(match self.slot {
            Slot::Errors => Ok(Content::List(list)),
            _ => Err(Value::Array(list)),
        })
    }

    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
        let object = Map::<String, Value>::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(match self.slot {
            Slot::Metadata => Ok(Content::Object(object)),
            _ => Err(Value::Object(object)),
        })
    }
}

/// Renders [`Fields`] as a provider's wire body. `code` and `error_type` override the fields of
/// the same name (generated code keeps those typed).
pub struct Render<'a> {
    /// The provider's envelope.
    pub envelope: &'a Envelope,
    /// The parts to render.
    pub fields: &'a Fields,
    /// The wire code, overriding [`Fields::code`].
    pub code: Option<&'a str>,
    /// The wire type, overriding [`Fields::error_type`].
    pub error_type: Option<&'a str>,
}

struct ErrorObject<'a>(&'a Render<'a>);

impl Serialize for ErrorObject<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Render {
            envelope,
            fields,
            code,
            error_type,
        } = *self.0;
        let mut map = serializer.serialize_map(None)?;
        let mut rendered: [Option<&str>; Slot::ALL.len()] = [None; Slot::ALL.len()];
        for spec in envelope.keys {
            let value = match spec.slot {
                Slot::Code => code
                    .map(SlotValue::Text)
                    .or_else(|| fields.value(Slot::Code)),
                Slot::Type => error_type
                    .map(SlotValue::Text)
                    .or_else(|| fields.value(Slot::Type)),
                slot => fields.value(slot),
            };
            if let Some(value) = value {
                let name = fields.name_of(spec);
                map.serialize_entry(name, &value)?;
                rendered[spec.slot.index()] = Some(name);
            }
        }
        for (key, value) in &fields.extra {
            if !rendered.contains(&Some(key.as_str())) {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

impl Serialize for Render<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Some(nested_under) = self.envelope.nested_under else {
            return ErrorObject(self).serialize(serializer);
        };
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(nested_under, &ErrorObject(self))?;
        for (key, value) in &self.fields.outer {
            if key != nested_under {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

impl Render<'_> {
    /// The body as JSON bytes.
    pub fn to_vec(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.size_hint());
        // Every value here is a string, an integer or a serde_json value with string keys, which
        // serde_json always serializes; writing to a Vec cannot fail.
        match serde_json::to_writer(&mut bytes, self) {
            Ok(()) => bytes,
            Err(_) => Vec::new(),
        }
    }

    /// About how many bytes the body takes (a little more for texts without escapes; a guess for
    /// JSON values), so that rendering allocates once.
    fn size_hint(&self) -> usize {
        const PER_KEY: usize = 16;
        const PER_VALUE: usize = 32;
        let fields = self.fields;
        let text = |text: &Option<String>| text.as_ref().map_or(0, String::len);
        let wire = |wire: &Option<WireText>, typed: Option<&str>| {
            typed.map_or_else(
                || wire.as_ref().map_or(0, |wire| wire.as_str().len()),
                str::len,
            )
        };
        let texts = wire(&fields.code, self.code)
            + wire(&fields.error_type, self.error_type)
            + text(&fields.message)
            + text(&fields.param)
            + text(&fields.field)
            + text(&fields.details)
            + text(&fields.request_id);
        let values = fields.metadata.as_ref().map_or(0, Map::len)
            + fields.errors.as_ref().map_or(0, Vec::len)
            + fields.extra.len()
            + fields.outer.len();
        PER_KEY * (self.envelope.keys.len() + 1) + texts + PER_VALUE * values
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NESTED: Envelope = Envelope {
        nested_under: Some("error"),
        keys: &[
            KeySpec {
                slot: Slot::Code,
                names: &["code"],
            },
            KeySpec {
                slot: Slot::Message,
                names: &["message", "Message"],
            },
            KeySpec {
                slot: Slot::RetryAfter,
                names: &["retryAfter"],
            },
        ],
        codes: &WireTable::EMPTY,
        types: &WireTable::EMPTY,
    };

    fn round_trip(body: &str) -> (Fields, Value) {
        let fields = decode(&NESTED, 400, body.as_bytes()).unwrap();
        let rendered = Render {
            envelope: &NESTED,
            fields: &fields,
            code: None,
            error_type: None,
        }
        .to_vec();
        (fields, serde_json::from_slice(&rendered).unwrap())
    }

    #[test]
    fn keeps_unknown_and_mistyped_keys() {
        let body =
            r#"{"error":{"code":"x","message":null,"retryAfter":-1,"extra":[1]},"trace":"t"}"#;
        let (fields, rendered) = round_trip(body);
        assert_eq!(fields.code, Some(WireText::Unlisted("x".to_owned())));
        assert_eq!(fields.message, None);
        assert_eq!(fields.retry_after, None);
        assert_eq!(fields.extra.len(), 3);
        assert_eq!(fields.outer.len(), 1);
        assert_eq!(rendered, serde_json::from_str::<Value>(body).unwrap());
    }

    #[test]
    fn a_repeated_key_keeps_its_last_value_whatever_its_type() {
        for body in [
            r#"{"error":{"code":"x","message":"first","message":7}}"#,
            r#"{"error":{"code":"x","message":7,"message":"last"}}"#,
            r#"{"error":{"code":"x","message":"first","message":"last"}}"#,
        ] {
            let (_, rendered) = round_trip(body);
            assert_eq!(
                rendered,
                serde_json::from_str::<Value>(body).unwrap(),
                "{body}"
            );
        }
    }

    #[test]
    fn renders_the_alias_it_read() {
        let body = r#"{"error":{"Message":"Forbidden"}}"#;
        let (fields, rendered) = round_trip(body);
        assert_eq!(fields.message.as_deref(), Some("Forbidden"));
        assert!(fields.extra.is_empty());
        assert_eq!(rendered, serde_json::from_str::<Value>(body).unwrap());
    }

    #[test]
    fn the_first_listed_name_wins_whatever_the_key_order() {
        for body in [
            r#"{"error":{"Message":"gateway","message":"app"}}"#,
            r#"{"error":{"message":"app","Message":"gateway"}}"#,
        ] {
            let (fields, rendered) = round_trip(body);
            assert_eq!(fields.message.as_deref(), Some("app"), "{body}");
            assert_eq!(fields.extra["Message"], "gateway", "{body}");
            assert_eq!(rendered, serde_json::from_str::<Value>(body).unwrap());
        }
        // A higher-priority name whose value does not fit leaves the first one in place.
        let (fields, rendered) = round_trip(r#"{"error":{"Message":"gateway","message":7}}"#);
        assert_eq!(fields.message.as_deref(), Some("gateway"));
        assert_eq!(fields.extra["message"], 7);
        assert_eq!(rendered["error"]["Message"], "gateway");
    }

    #[test]
    fn classifies_failures() {
        let kind = |body: &str| {
            decode(&NESTED, 502, body.as_bytes())
                .unwrap_err()
                .kind()
                .clone()
        };
        assert_eq!(kind(" \n"), DecodeErrorKind::Empty);
        assert_eq!(kind("[1]"), DecodeErrorKind::NotAnObject);
        assert_eq!(
            kind("{\"code\":\"x\"}"),
            DecodeErrorKind::MissingEnvelope { key: "error" }
        );
        assert_eq!(
            kind("{\"error\":\"boom\"}"),
            DecodeErrorKind::MissingEnvelope { key: "error" }
        );
        assert!(matches!(
            kind("{\"error\":{\"code\""),
            DecodeErrorKind::Truncated { .. }
        ));
        assert!(matches!(
            kind("<html>"),
            DecodeErrorKind::Syntax {
                line: 1,
                column: 1,
                ..
            }
        ));
        assert!(matches!(
            kind(r#"{"error":{}} x"#),
            DecodeErrorKind::Syntax { .. }
        ));
        let deep = format!(r#"{{"error":{{"a":{}"#, "[".repeat(10_000));
        assert!(matches!(kind(&deep), DecodeErrorKind::Syntax { .. }));
        let big = vec![b' '; MAX_BODY_BYTES + 1];
        let error = decode(&NESTED, 502, &big).unwrap_err();
        assert_eq!(
            error.kind(),
            &DecodeErrorKind::TooLarge {
                size: MAX_BODY_BYTES + 1,
                limit: MAX_BODY_BYTES
            }
        );
        assert!(error.body().is_empty());
    }

    const TABLED: Envelope = Envelope {
        nested_under: None,
        keys: &[
            KeySpec {
                slot: Slot::Code,
                names: &["code"],
            },
            KeySpec {
                slot: Slot::Type,
                names: &["type"],
            },
        ],
        codes: &CODES,
        types: &WireTable::EMPTY,
    };

    /// A one-name table: every name lands in the only slot of the only bucket.
    const CODES: WireTable = WireTable {
        seed: 0,
        displacements: &[0],
        slots: &[0],
        names: &["card_declined"],
    };

    #[test]
    fn listed_codes_resolve_while_parsing_and_others_stay_text() {
        let fields = decode(&TABLED, 402, br#"{"code":"card_declined","type":"card"}"#).unwrap();
        assert_eq!(
            fields.code,
            Some(WireText::Listed {
                index: 0,
                name: "card_declined"
            })
        );
        assert_eq!(fields.error_type, Some(WireText::from("card")));
        let fields = decode(&TABLED, 402, br#"{"code":"card_declined_2"}"#).unwrap();
        assert_eq!(
            fields.code,
            Some(WireText::Unlisted("card_declined_2".into()))
        );
        assert_eq!(
            fields.code.as_ref().map(WireText::as_str),
            Some("card_declined_2")
        );
        // A code of another type is kept as sent, among the extra keys.
        let fields = decode(&TABLED, 402, br#"{"code":42}"#).unwrap();
        assert_eq!(fields.code, None);
        assert_eq!(fields.extra["code"], 42);
        let listed = WireText::resolve(&CODES, "card_declined");
        assert_eq!(listed.to_string(), "card_declined");
        assert_eq!(listed.into_string(), "card_declined");
    }

    #[test]
    fn decoding_into_used_fields_replaces_everything() {
        let body = br#"{"error":{"code":"x","extra":1}}"#;
        let mut fields = decode(
            &NESTED,
            400,
            br#"{"error":{"Message":"m","retryAfter":3,"other":true},"trace":"t"}"#,
        )
        .unwrap();
        decode_into(&NESTED, 400, body, &mut fields).unwrap();
        assert_eq!(fields, decode(&NESTED, 400, body).unwrap());
        // Emptied slots whose alias was recorded are blank too.
        let mut taken = decode(&NESTED, 400, br#"{"error":{"Message":"m"}}"#).unwrap();
        taken.take_key(&NESTED, "Message");
        decode_into(&NESTED, 400, body, &mut taken).unwrap();
        assert_eq!(taken, decode(&NESTED, 400, body).unwrap());
    }

    #[test]
    fn a_second_error_object_replaces_the_first() {
        let body = r#"{"error":{"code":"first","a":1},"error":{"code":"second"}}"#;
        let (fields, _) = round_trip(body);
        assert_eq!(fields.code.as_ref().map(WireText::as_str), Some("second"));
        assert!(fields.extra.is_empty());
    }

    #[test]
    fn bodies_that_are_not_utf8_are_read_as_bytes_with_the_same_errors() {
        // Invalid UTF-8 inside a string: reported where it is, as a syntax error.
        let body = b"{\"error\":{\"code\":\"x\xff\"}}";
        let error = decode(&NESTED, 400, body).unwrap_err();
        assert!(
            matches!(error.kind(), DecodeErrorKind::Syntax { line: 1, .. }),
            "{:?}",
            error.kind()
        );
        // Valid UTF-8 parses through the `str` path to the same fields as any other body.
        let (fields, _) = round_trip(r#"{"error":{"code":"é\u00e9"}}"#);
        assert_eq!(fields.code.as_ref().map(WireText::as_str), Some("éé"));
    }
}
