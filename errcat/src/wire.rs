//! The wire envelope: where a provider puts each part of an error in its JSON body, and the
//! decoder/encoder that generated code drives with a provider's [`Envelope`].
//!
//! Decoding reads the body once, straight into [`Fields`]: known keys go to their slot, every
//! other key (and every known key whose value has an unexpected type, `null` included) is kept
//! verbatim in [`Fields::extra`] — or, for keys beside a nested error object, in
//! [`Fields::outer`] — so that encoding what was decoded gives back the same JSON.
//!
//! The parts: [`decode`] and its kin read a body (`decoder.rs`), one value at a time into its slot
//! (`slot_read.rs`); [`Render`] writes one (`render.rs`); [`WireText`] and [`WireName`] are codes
//! and types as text (`text.rs`); [`WireTable`] looks them up (`table.rs`).

use serde_json::{Map, Value};

mod decoder;
mod render;
mod shapes;
mod slot_read;
mod success;
mod table;
mod text;

pub use decoder::{decode, decode_into, decode_json, deserialize_fields, take_field};
pub use errcat_table::pattern::Part as PatternPart;
pub use render::{error_object_keys, Render};
pub use shapes::{shape_order, ShapeOrder};
pub use success::{body_matches, write_markers, ErrorWhen, JsonScalar};
pub use table::{WireTable, EMPTY_SLOT};
pub use text::{deserialize_wire_name, serialize_wire_text, WireName, WireText};

/// The largest body [`decode`] accepts, in bytes (1 MiB). Error bodies are small; anything larger
/// is not an error body worth buffering.
pub const MAX_BODY_BYTES: usize = errcat_table::MAX_BODY_BYTES;

/// How a decoded error was told apart: what generated `Error::identified_by` reports. A catalog's
/// `identify_by` lists the ways to try, in order.
///
/// # Example
///
/// ```
/// use errcat::wire::IdentifiedBy;
///
/// // What a generated `Error::identified_by()` says of an error decoded without a code, whose
/// // catalog names a code for the response's status.
/// let how = IdentifiedBy::Status;
/// assert_ne!(how, IdentifiedBy::Code);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdentifiedBy {
    /// The body's code (listed or not). An error built with `Error::new` of a provider that has
    /// codes says this too.
    Code,
    /// The body's exact message text (providers identified by message).
    Message,
    /// The body's message text matched a code's message pattern.
    Pattern,
    /// The body had no code; its type names the code.
    Type,
    /// The body had no code; the response's status names the code.
    Status,
    /// Nothing identified it: the error's code is `Unknown("")` (or, for providers identified by
    /// message, `Unknown(<the text>)`).
    Nothing,
}

/// The values `text` carries in the places of a message pattern's placeholders, by name; `None`
/// when the text does not match the pattern.
pub fn pattern_values<'t>(
    parts: &'static [PatternPart<&'static str>],
    text: &'t str,
) -> Option<Vec<(&'static str, &'t str)>> {
    let values = errcat_table::pattern::captures(parts, text)?;
    let names = parts.iter().filter_map(|part| match part {
        PatternPart::Value(name) => Some(*name),
        PatternPart::Text(_) => None,
    });
    Some(names.zip(values).collect())
}

/// A message pattern with its placeholders replaced by `values` (by name); a placeholder without
/// a value stays as written.
pub fn fill_pattern(parts: &[PatternPart<&'static str>], values: &[(&str, &str)]) -> String {
    errcat_table::pattern::fill(parts, values)
}

/// A part of an error that a provider's envelope may carry.
///
/// # Example
///
/// ```
/// use errcat::wire::Slot;
///
/// assert_eq!(Slot::RequestId.as_str(), "request_id"); // as a catalog's `envelope.keys` says it
/// assert!(Slot::ALL.contains(&Slot::Subcode));
/// ```
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
    /// A second code beside the code (a string or an integer): `error_subcode`, a decline reason.
    Subcode,
}

impl Slot {
    /// Every slot.
    pub const ALL: [Slot; 11] = [
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
        Slot::Subcode,
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
            Slot::Subcode => "subcode",
        }
    }

    const fn index(self) -> usize {
        self as usize
    }
}

/// One key of an envelope: the slot, and the wire names that fill it. The first name is the one
/// rendered; the others are accepted when decoding (e.g. a gateway that capitalises `Message`).
///
/// # Example
///
/// ```
/// use errcat::wire::{self, Envelope, KeySpec, Slot, WireTable};
///
/// // The envelope of `{"error": {"code": …, "message": …}}`, as generated code declares it.
/// static ENVELOPE: Envelope = Envelope {
///     nested_under: Some("error"),
///     list: false,
///     keys: &[
///         KeySpec { slot: Slot::Code, names: &["code"] },
///         KeySpec { slot: Slot::Message, names: &["message", "Message"] },
///     ],
///     codes: &WireTable::EMPTY,
///     types: &WireTable::EMPTY,
///     subcodes: &WireTable::EMPTY,
///     declared: &[],
/// };
///
/// // The second name of a key is read too, and the first one written back.
/// let body = br#"{"error":{"code":"card_declined","Message":"Declined."}}"#;
/// let fields = wire::decode(&ENVELOPE, 402, body)?;
/// assert_eq!(fields.message.as_deref(), Some("Declined."));
/// # Ok::<(), errcat::DecodeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeySpec {
    /// The slot this key fills.
    pub slot: Slot,
    /// Its wire names, the rendered one first. Never empty.
    pub names: &'static [&'static str],
}

/// A provider's error body shape.
///
/// # Example
///
/// ```
/// use errcat::wire::{self, Envelope, KeySpec, Slot, WireTable};
///
/// // The envelope of `{"error": {"code": …, "message": …}}`, as generated code declares it.
/// static ENVELOPE: Envelope = Envelope {
///     nested_under: Some("error"),
///     list: false,
///     keys: &[
///         KeySpec { slot: Slot::Code, names: &["code"] },
///         KeySpec { slot: Slot::Message, names: &["message", "Message"] },
///     ],
///     codes: &WireTable::EMPTY,
///     types: &WireTable::EMPTY,
///     subcodes: &WireTable::EMPTY,
///     declared: &[],
/// };
///
/// let body = br#"{"error":{"code":"card_declined","message":"Declined.","hint":"retry later"}}"#;
/// let fields = wire::decode(&ENVELOPE, 402, body)?;
/// assert_eq!(fields.code.as_ref().map(|code| code.as_str()), Some("card_declined"));
/// assert_eq!(fields.extra["hint"], "retry later"); // kept, so the body renders back as sent
/// let render = wire::Render { envelope: &ENVELOPE, fields: &fields, code: None, error_type: None };
/// assert_eq!(render.to_vec(), body.to_vec());
/// # Ok::<(), errcat::DecodeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Envelope {
    /// The key the error object is nested under (`{"error": {…}}`), or `None` for a flat body.
    pub nested_under: Option<&'static str>,
    /// Whether the value under `nested_under` is a list of error objects
    /// (`{"errors": [{…}, {…}]}`): the first is the error's own fields, the others
    /// [`Fields::rest`].
    pub list: bool,
    /// The keys of the error object, in the order they are rendered.
    pub keys: &'static [KeySpec],
    /// The catalog's codes: a code the table lists decodes to [`WireText::Listed`], without
    /// allocating.
    pub codes: &'static WireTable,
    /// The catalog's error types, likewise.
    pub types: &'static WireTable,
    /// The catalog's subcodes, likewise.
    pub subcodes: &'static WireTable,
    /// The further keys the catalog declares (`envelope.fields`): their values are kept in
    /// [`Fields::declared`], at the key's position here, not among the extra keys.
    pub declared: &'static [DeclaredKey],
}

/// A key a catalog declares beyond the slots (`envelope.fields`), with a typed accessor in
/// generated code.
///
/// # Example
///
/// ```
/// use errcat::wire::{self, DeclaredKey, Envelope, KeySpec, Slot, WireTable};
///
/// // `{"error": {"code": …, "doc_url": …}, "trace_id": …}` with two declared keys.
/// static ENVELOPE: Envelope = Envelope {
///     nested_under: Some("error"),
///     list: false,
///     keys: &[KeySpec { slot: Slot::Code, names: &["code"] }],
///     codes: &WireTable::EMPTY,
///     types: &WireTable::EMPTY,
///     subcodes: &WireTable::EMPTY,
///     declared: &[
///         DeclaredKey { key: "doc_url", outer: false },
///         DeclaredKey { key: "trace_id", outer: true },
///     ],
/// };
/// let body = br#"{"error":{"code":"x","doc_url":"https://docs"},"trace_id":"t1"}"#;
/// let fields = wire::decode(&ENVELOPE, 400, body)?;
/// assert_eq!(fields.declared[0], Some("https://docs".into()));
/// assert_eq!(fields.declared[1], Some("t1".into()));
/// assert!(fields.extra.is_empty() && fields.outer.is_empty());
/// # Ok::<(), errcat::DecodeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeclaredKey {
    /// The wire key.
    pub key: &'static str,
    /// Whether the key sits beside the nested error object rather than in it (in a flat body
    /// every key is in the error object, so this is ignored).
    pub outer: bool,
}

impl Envelope {
    /// The slot and name index a wire key fills, if the envelope names it.
    fn lookup(&self, key: &str) -> Option<(Slot, u8)> {
        self.lookup_around(key, 0)
            .map(|(slot, name, _)| (slot, name))
    }

    /// Every name of every slot key, from position `start` on and then from the first; also
    /// gives the position of the key found. Kept out of line so that the likely case of
    /// [`Envelope::lookup_known`] stays small.
    #[inline(never)]
    fn lookup_around(&self, key: &str, start: usize) -> Option<(Slot, u8, usize)> {
        fn find(specs: &[KeySpec], key: &str, offset: usize) -> Option<(Slot, u8, usize)> {
            for (position, spec) in specs.iter().enumerate() {
                for (index, name) in spec.names.iter().enumerate() {
                    if same_key(name, key) {
                        let name = u8::try_from(index).unwrap_or(u8::MAX);
                        return Some((spec.slot, name, offset + position));
                    }
                }
            }
            None
        }
        let start = start.min(self.keys.len());
        let (before, after) = self.keys.split_at(start);
        find(after, key, start).or_else(|| find(before, key, 0))
    }

    /// The key spec of a slot, if the envelope has it.
    pub fn spec(&self, slot: Slot) -> Option<&'static KeySpec> {
        self.keys.iter().find(|spec| spec.slot == slot)
    }

    /// The rendered wire name of a slot, if the envelope has it.
    pub fn name(&self, slot: Slot) -> Option<&'static str> {
        self.spec(slot).and_then(|spec| spec.names.first().copied())
    }

    /// What a key of the error object is: a slot's name or a declared key, trying the likely
    /// ones first: the slot key at position `slot_from` and the declared key at position
    /// `declared_from` (providers send their keys in a fixed order, so the ones after the last
    /// found are the likely next). Slot names and declared keys never overlap (the catalog is
    /// checked for it), so the order of the tries does not change the answer.
    // Always inlined into the key loop: a call per key costs more than the checks themselves.
    #[inline(always)]
    fn lookup_known(&self, key: &str, slot_from: usize, declared_from: usize) -> Option<Known> {
        if let Some(spec) = self.keys.get(slot_from) {
            if spec.names.first().is_some_and(|name| same_key(name, key)) {
                return Some(Known::Slot(spec.slot, 0, slot_from));
            }
        }
        if let Some(declared) = self.declared.get(declared_from) {
            if (self.nested_under.is_none() || !declared.outer) && same_key(declared.key, key) {
                return Some(Known::Declared(declared_from));
            }
        }
        self.lookup_known_around(key, slot_from)
    }

    /// [`Envelope::lookup_known`] for any key, kept out of line so that the likely case stays
    /// small.
    #[inline(never)]
    fn lookup_known_around(&self, key: &str, slot_from: usize) -> Option<Known> {
        if let Some((slot, name, position)) = self.lookup_around(key, slot_from) {
            return Some(Known::Slot(slot, name, position));
        }
        self.declared_position(key, false).map(Known::Declared)
    }

    /// The position in [`Envelope::declared`] of the declared key `key` of the error object (in
    /// a flat body, of the body) or, with `outer`, of the keys beside a nested error object.
    #[inline]
    fn declared_position(&self, key: &str, outer: bool) -> Option<usize> {
        if self.declared.is_empty() {
            return None;
        }
        let flat = self.nested_under.is_none();
        for (position, declared) in self.declared.iter().enumerate() {
            if (flat || declared.outer == outer) && same_key(declared.key, key) {
                return Some(position);
            }
        }
        None
    }

    /// Whether the declared key at `position` is written in the error object (else beside it).
    fn declared_inside(&self, position: usize) -> bool {
        self.nested_under.is_none() || self.declared.get(position).is_some_and(|key| !key.outer)
    }
}

/// A key of the error object the envelope knows (see [`Envelope::lookup_known`]).
enum Known {
    /// A slot's key: the slot, which of its names, and the key's position in
    /// [`Envelope::keys`].
    Slot(Slot, u8, usize),
    /// A declared key, at this position in [`Envelope::declared`].
    Declared(usize),
}

/// Whether two wire keys or names are equal. They are short: up to 16 bytes, they are compared as two
/// overlapping words (or halves) in registers, which costs less than a call to `memcmp`.
#[inline]
fn same_key(a: &str, b: &str) -> bool {
    same_bytes(a.as_bytes(), b.as_bytes())
}

/// [`same_key`] on bytes.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if a.len() > 16 {
        return a == b;
    }
    if let (Some(a_first), Some(b_first)) = (a.first_chunk::<8>(), b.first_chunk::<8>()) {
        return a_first == b_first && a.last_chunk::<8>() == b.last_chunk::<8>();
    }
    if let (Some(a_first), Some(b_first)) = (a.first_chunk::<4>(), b.first_chunk::<4>()) {
        return a_first == b_first && a.last_chunk::<4>() == b.last_chunk::<4>();
    }
    a.iter().zip(b).all(|(a, b)| a == b)
}

/// The parts of one error body, untyped. Generated code wraps it with the typed code.
///
/// # Example
///
/// ```
/// use errcat::wire::{self, Envelope, KeySpec, Slot, WireTable};
///
/// // The envelope of `{"error": {"code": …, "message": …}}`, as generated code declares it.
/// static ENVELOPE: Envelope = Envelope {
///     nested_under: Some("error"),
///     list: false,
///     keys: &[
///         KeySpec { slot: Slot::Code, names: &["code"] },
///         KeySpec { slot: Slot::Message, names: &["message", "Message"] },
///     ],
///     codes: &WireTable::EMPTY,
///     types: &WireTable::EMPTY,
///     subcodes: &WireTable::EMPTY,
///     declared: &[],
/// };
///
/// // A body `Error::new` would build: fields set by hand, rendered in the envelope's shape.
/// let mut fields = wire::Fields::default();
/// fields.message = Some("Declined.".into());
/// let render = wire::Render { envelope: &ENVELOPE, fields: &fields, code: Some("card_declined"), error_type: None };
/// assert_eq!(
///     String::from_utf8(render.to_vec()).unwrap(),
///     r#"{"error":{"code":"card_declined","message":"Declined."}}"#
/// );
/// ```
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
    /// [`Slot::Subcode`]
    pub subcode: Option<WireText>,
    /// The values of the envelope's declared keys ([`Envelope::declared`]), at each key's
    /// position there, whatever their JSON type; empty when the body has none of them.
    pub declared: Vec<Option<Value>>,
    /// Keys of the error object that the envelope neither names nor declares, and named keys
    /// whose value had another type than their slot's, kept as sent.
    pub extra: Map<String, Value>,
    /// Keys beside the nested error object (nested envelopes only) that the envelope does not
    /// declare, kept as sent.
    pub outer: Map<String, Value>,
    /// List envelopes: the error objects after the first, each with its own slots and extra keys.
    pub rest: Vec<Fields>,
    /// List envelopes: whether the list was empty (`{"errors": []}`), so that it renders as one.
    pub list_empty: bool,
    /// For each slot, which of its wire names the value was read from (0 = the rendered one).
    names: [u8; Slot::ALL.len()],
    /// Whether the code is a JSON integer on the wire (see [`Fields::code_is_number`]).
    code_number: bool,
}

impl Fields {
    /// Takes out the value sent under the wire key `key`: from its slot when the envelope names
    /// the key (and the slot was read from it), else from the extra keys.
    pub fn take_key(&mut self, envelope: &Envelope, key: &str) -> Option<Value> {
        if let Some((slot, name)) = envelope.lookup(key) {
            if self.is_set(slot) && self.names[slot.index()] == name {
                return self.take(slot);
            }
        }
        if let Some(position) = envelope.declared_position(key, false) {
            if let Some(value) = self.declared.get_mut(position).and_then(Option::take) {
                return Some(value);
            }
        }
        self.extra.remove(key)
    }

    /// The value of the declared key at `position` in [`Envelope::declared`], if the body has it.
    #[inline]
    pub fn declared(&self, position: usize) -> Option<&Value> {
        self.declared.get(position).and_then(Option::as_ref)
    }

    /// Sets the value of the declared key at `position` in [`Envelope::declared`].
    pub fn set_declared(&mut self, position: usize, value: Value) {
        self.set_declared_of(position + 1, position, value);
    }

    /// [`Fields::set_declared`], making room for `count` declared keys at once.
    #[inline]
    pub(crate) fn set_declared_of(&mut self, count: usize, position: usize, value: Value) {
        if self.declared.len() <= position {
            let count = count.max(position + 1);
            self.declared.reserve_exact(count - self.declared.len());
            self.declared.resize_with(count, || None);
        }
        if let Some(place) = self.declared.get_mut(position) {
            *place = Some(value);
        }
    }

    /// Empties a slot, giving back its value as JSON.
    fn take(&mut self, slot: Slot) -> Option<Value> {
        let wire = WireText::into_value;
        match slot {
            Slot::Code => self.code.take().map(wire),
            Slot::Message => self.message.take().map(Value::String),
            Slot::Type => self.error_type.take().map(wire),
            Slot::Param => self.param.take().map(Value::String),
            Slot::Field => self.field.take().map(Value::String),
            Slot::Details => self.details.take().map(Value::String),
            Slot::RequestId => self.request_id.take().map(Value::String),
            Slot::Metadata => self.metadata.take().map(Value::Object),
            Slot::RetryAfter => self.retry_after.take().map(Value::from),
            Slot::Errors => self.errors.take().map(Value::Array),
            Slot::Subcode => self.subcode.take().map(wire),
        }
    }

    /// Whether the error's code is a JSON integer on the wire (`"code": 21211`): set while the
    /// code is in [`Fields::code`] by the value itself, and kept when generated code moves the
    /// code into its typed place, so that rendering writes the integer back.
    pub fn code_is_number(&self) -> bool {
        match &self.code {
            Some(code) => code.is_number(),
            None => self.code_number,
        }
    }

    /// Sets whether the code renders as a JSON integer (generated code does, for a catalog's
    /// integer codes and for a code it takes out of [`Fields::code`]).
    pub fn set_code_is_number(&mut self, number: bool) {
        self.code_number = number;
    }

    /// Empties everything read from inside the error object, keeping the keys beside it (the
    /// outer keys and the declared outer keys): a body with a second error object.
    fn reset_inside(&mut self, envelope: &Envelope) {
        let outer = std::mem::take(&mut self.outer);
        let mut declared = std::mem::take(&mut self.declared);
        for (position, value) in declared.iter_mut().enumerate() {
            if envelope.declared_inside(position) {
                *value = None;
            }
        }
        *self = Fields::default();
        self.outer = outer;
        if declared.iter().any(Option::is_some) {
            self.declared = declared;
        }
    }

    /// Whether nothing is set (cheaper than comparing with `Fields::default()`).
    fn is_blank(&self) -> bool {
        // Every field by name (a new field must be added here), compared directly: this runs
        // before every decode.
        let Fields {
            code,
            message,
            error_type,
            param,
            field,
            details,
            request_id,
            metadata,
            retry_after,
            errors,
            subcode,
            declared,
            extra,
            outer,
            rest,
            list_empty,
            names,
            code_number,
        } = self;
        code.is_none()
            && message.is_none()
            && error_type.is_none()
            && param.is_none()
            && field.is_none()
            && details.is_none()
            && request_id.is_none()
            && metadata.is_none()
            && retry_after.is_none()
            && errors.is_none()
            && subcode.is_none()
            && declared.is_empty()
            && extra.is_empty()
            && outer.is_empty()
            && rest.is_empty()
            && !*list_empty
            && *names == [0; Slot::ALL.len()]
            && !*code_number
    }

    fn is_set(&self, slot: Slot) -> bool {
        self.value(slot).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DecodeErrorKind;

    const NESTED: Envelope = Envelope {
        nested_under: Some("error"),
        list: false,
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
        subcodes: &WireTable::EMPTY,
        declared: &[],
    };

    #[test]
    fn same_key_agrees_with_string_equality() {
        let text = "abcdefghijklmnopqrstuvwxyz";
        for len in 0..=text.len() {
            let key = &text[..len];
            assert!(same_key(key, key), "{key}");
            for other_len in (0..=text.len()).filter(|other_len| *other_len != len) {
                assert!(!same_key(key, &text[..other_len]), "{key}");
            }
            for changed in 0..len {
                let mut other = key.as_bytes().to_vec();
                other[changed] = b'_';
                let other = String::from_utf8(other).unwrap();
                assert!(!same_key(key, &other), "{key} {other}");
            }
        }
    }

    #[test]
    fn lookup_around_finds_every_name_whatever_the_start() {
        for start in 0..=NESTED.keys.len() + 1 {
            for (position, spec) in NESTED.keys.iter().enumerate() {
                for (name, key) in spec.names.iter().enumerate() {
                    assert_eq!(
                        NESTED.lookup_around(key, start),
                        Some((spec.slot, u8::try_from(name).unwrap(), position)),
                        "{key} from {start}"
                    );
                }
            }
            for unknown in ["", "cod", "codes", "MESSAGE", "error"] {
                assert_eq!(NESTED.lookup_around(unknown, start), None, "{unknown}");
            }
        }
    }

    /// The body `fields` renders to under `envelope`, as JSON.
    fn rendered(envelope: &Envelope, fields: &Fields) -> Value {
        let bytes = Render {
            envelope,
            fields,
            code: None,
            error_type: None,
        }
        .to_vec();
        serde_json::from_slice(&bytes).unwrap()
    }

    fn round_trip(body: &str) -> (Fields, Value) {
        let fields = decode(&NESTED, 400, body.as_bytes()).unwrap();
        let json = rendered(&NESTED, &fields);
        (fields, json)
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
    fn unknown_keys_filed_together_keep_the_last_of_each_and_every_other_extra() {
        // Unknown keys are gathered and filed after the object; a mistyped known value is filed
        // as it is read. Both end up in `extra`, repeats keep their last value.
        let body = r#"{"error":{"z":1,"code":"x","retryAfter":"soon","a":{"k":1,"k":2},"z":"last","message":"m","b":null}}"#;
        let fields = decode(&NESTED, 400, body.as_bytes()).unwrap();
        assert_eq!(fields.message.as_deref(), Some("m"));
        assert_eq!(
            Value::Object(fields.extra.clone()),
            serde_json::json!({"z": "last", "a": {"k": 2}, "b": null, "retryAfter": "soon"})
        );
        // A repeated error object: the last one wins, as it does for any repeated JSON key.
        let twice = r#"{"error":{"code":"x","message":"m","a":1,"b":1},"error":{"code":"y","message":"n","b":2,"c":3}}"#;
        let (fields, rendered) = round_trip(twice);
        assert_eq!(
            Value::Object(fields.extra.clone()),
            serde_json::json!({"b": 2, "c": 3})
        );
        assert_eq!(rendered, serde_json::from_str::<Value>(twice).unwrap());
    }

    #[test]
    fn a_repeated_alias_whose_last_value_is_mistyped_decodes_again_to_the_same_fields() {
        for body in [
            r#"{"error":{"Message":"x","Message":7}}"#,
            r#"{"error":{"message":"x","Message":"y","Message":[1]}}"#,
        ] {
            let (fields, json) = round_trip(body);
            let again = decode(&NESTED, 400, json.to_string().as_bytes()).unwrap();
            assert_eq!(again, fields, "{body}");
        }
        // A message set after such a body renders under the first name and keeps the extra key.
        let (mut fields, _) = round_trip(r#"{"error":{"Message":"x","Message":7}}"#);
        fields.message = Some("set".to_owned());
        assert_eq!(
            rendered(&NESTED, &fields),
            serde_json::json!({"error": {"message": "set", "Message": 7}})
        );
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
        list: false,
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
        subcodes: &WireTable::EMPTY,
        declared: &[],
    };

    /// A one-name table: every name lands in the only slot of the only bucket. Shared with the
    /// other test modules of `wire`.
    pub(super) const CODES: WireTable = WireTable {
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
        // A code sent as a JSON integer is looked up by its digits and stays an integer.
        let fields = decode(&TABLED, 402, br#"{"code":42}"#).unwrap();
        assert_eq!(fields.code, Some(WireText::UnlistedNumber("42".into())));
        assert!(fields.code_is_number());
        assert!(fields.extra.is_empty());
        // A code of another type is kept as sent, among the extra keys; so is an integer type.
        let fields = decode(&TABLED, 402, br#"{"code":4.5,"type":7}"#).unwrap();
        assert_eq!(fields.code, None);
        assert_eq!(fields.extra["code"], 4.5);
        assert_eq!(fields.extra["type"], 7);
        let listed = WireText::resolve(&CODES, "card_declined");
        assert_eq!(listed.to_string(), "card_declined");
        assert_eq!(listed.into_string(), "card_declined");
    }

    const DECLARING: Envelope = Envelope {
        declared: &[
            DeclaredKey {
                key: "doc_url",
                outer: false,
            },
            DeclaredKey {
                key: "trace",
                outer: true,
            },
        ],
        ..super::shapes::tests::shape(Some("error"), false)
    };

    #[test]
    fn declared_keys_are_kept_apart_from_the_extra_keys_whatever_their_type() {
        let body = r#"{"error":{"code":"x","doc_url":"https://d","trace":"inside","other":1},"trace":7,"doc_url":"outside"}"#;
        let fields = decode(&DECLARING, 400, body.as_bytes()).unwrap();
        assert_eq!(fields.declared(0), Some(&Value::from("https://d")));
        assert_eq!(fields.declared(1), Some(&Value::from(7)));
        // The same names on the other side of the nesting key are not the declared keys.
        assert_eq!(fields.extra["trace"], "inside");
        assert_eq!(fields.outer["doc_url"], "outside");
        assert!(!fields.extra.contains_key("doc_url"));
        assert_eq!(
            rendered(&DECLARING, &fields),
            serde_json::from_str::<Value>(body).unwrap()
        );
    }

    #[test]
    fn a_repeated_declared_key_keeps_its_last_value_and_a_second_error_object_keeps_the_outer_ones()
    {
        let body = r#"{"trace":"t","error":{"code":"a","doc_url":"first","doc_url":null},"error":{"code":"b"}}"#;
        let fields = decode(&DECLARING, 400, body.as_bytes()).unwrap();
        assert_eq!(fields.code.as_ref().map(WireText::as_str), Some("b"));
        assert_eq!(fields.declared(0), None);
        assert_eq!(fields.declared(1), Some(&Value::from("t")));
        let body = r#"{"error":{"code":"a","doc_url":"first","doc_url":null}}"#;
        let mut fields = decode(&DECLARING, 400, body.as_bytes()).unwrap();
        assert_eq!(fields.declared(0), Some(&Value::Null));
        assert_eq!(fields.take_key(&DECLARING, "doc_url"), Some(Value::Null));
        assert_eq!(fields.declared(0), None);
    }

    #[test]
    fn set_declared_makes_room_and_renders_in_place() {
        let mut fields = decode(&DECLARING, 400, br#"{"error":{"code":"x"}}"#).unwrap();
        fields.set_declared(1, Value::from("trace-1"));
        fields.set_declared(0, Value::from("https://d"));
        fields
            .extra
            .insert("doc_url".into(), Value::from("shadowed"));
        assert_eq!(
            rendered(&DECLARING, &fields),
            serde_json::json!({"error": {"code": "x", "doc_url": "https://d"}, "trace": "trace-1"})
        );
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
    fn bodies_that_are_not_utf8_are_refused_at_the_first_invalid_byte() {
        // Invalid UTF-8 inside a string: reported where it is, as a syntax error.
        let body = b"{\"error\":{\"code\":\"x\xff\"}}";
        let error = decode(&NESTED, 400, body).unwrap_err();
        assert_eq!(
            error.kind(),
            &DecodeErrorKind::Syntax {
                line: 1,
                column: 20,
                message: "invalid UTF-8".into()
            }
        );
        // On a later line, the column counts from that line's start.
        let body = b"{\n  \"error\": {\n    \"message\": \"caf\xc3\"}}";
        let error = decode(&NESTED, 400, body).unwrap_err();
        assert!(
            matches!(error.kind(), DecodeErrorKind::Syntax { line: 3, column: 20, message } if message == "invalid UTF-8"),
            "{:?}",
            error.kind()
        );
        // A syntax error before the invalid byte is the one reported.
        let body = b"{\"error\" {\"code\":\"\xff\"}}";
        let error = decode(&NESTED, 400, body).unwrap_err();
        assert!(
            matches!(error.kind(), DecodeErrorKind::Syntax { line: 1, column: 10, message } if message.starts_with("expected `:`")),
            "{:?}",
            error.kind()
        );
        // A complete object followed by an invalid byte is not a body either.
        let body = b"{\"error\":{\"code\":\"x\"}}\xff";
        let error = decode(&NESTED, 400, body).unwrap_err();
        assert!(
            matches!(
                error.kind(),
                DecodeErrorKind::Syntax {
                    line: 1,
                    column: 23,
                    ..
                }
            ),
            "{:?}",
            error.kind()
        );
        // Valid UTF-8 parses through the `str` path to the same fields as any other body.
        let (fields, _) = round_trip(r#"{"error":{"code":"é\u00e9"}}"#);
        assert_eq!(fields.code.as_ref().map(WireText::as_str), Some("éé"));
    }
}
