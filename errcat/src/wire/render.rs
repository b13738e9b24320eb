//! Rendering [`Fields`] as a provider's wire body.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};

use super::{Envelope, Fields, KeySpec, Slot, WireText};

/// A borrowed view of one slot's value, for rendering.
pub(super) enum SlotValue<'a> {
    Text(&'a str),
    /// A JSON integer, as its decimal text (a code sent as a number).
    Integer(&'a str),
    Object(&'a Map<String, Value>),
    Number(u64),
    List(&'a [Value]),
}

impl Serialize for SlotValue<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            SlotValue::Text(text) => serializer.serialize_str(text),
            SlotValue::Integer(text) => super::serialize_wire_text(serializer, text, true),
            SlotValue::Object(map) => map.serialize(serializer),
            SlotValue::Number(number) => serializer.serialize_u64(*number),
            SlotValue::List(list) => list.serialize(serializer),
        }
    }
}

/// Renders [`Fields`] as a provider's wire body. `code` and `error_type` override the fields of
/// the same name (generated code keeps those typed).
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
pub struct Render<'a> {
    /// The provider's envelope.
    pub envelope: &'a Envelope,
    /// The parts to render.
    pub fields: &'a Fields,
    /// The wire code, overriding [`Fields::code`]; rendered as a JSON integer when
    /// [`Fields::code_is_number`] says so.
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
                Slot::Code => match code {
                    Some(code) if fields.code_is_number() => Some(SlotValue::Integer(code)),
                    Some(code) => Some(SlotValue::Text(code)),
                    None => fields.value(Slot::Code),
                },
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
        for (position, value) in fields.declared.iter().enumerate() {
            if let (Some(value), Some(declared)) = (value, envelope.declared.get(position)) {
                if envelope.declared_inside(position) {
                    map.serialize_entry(declared.key, value)?;
                }
            }
        }
        for (key, value) in &fields.extra {
            if !rendered.contains(&Some(key.as_str())) && !fields.declares(envelope, key, true) {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

/// The error objects of a list envelope: the fields' own, then [`Fields::rest`] (none when the
/// list was empty).
struct ErrorList<'a>(&'a Render<'a>);

impl Serialize for ErrorList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let render = self.0;
        let mut seq = serializer.serialize_seq(None)?;
        if !render.fields.list_empty {
            seq.serialize_element(&ErrorObject(render))?;
        }
        for item in &render.fields.rest {
            let item = Render {
                envelope: render.envelope,
                fields: item,
                code: None,
                error_type: None,
            };
            seq.serialize_element(&ErrorObject(&item))?;
        }
        seq.end()
    }
}

impl Serialize for Render<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Some(nested_under) = self.envelope.nested_under else {
            return ErrorObject(self).serialize(serializer);
        };
        let mut map = serializer.serialize_map(None)?;
        if self.envelope.list {
            map.serialize_entry(nested_under, &ErrorList(self))?;
        } else {
            map.serialize_entry(nested_under, &ErrorObject(self))?;
        }
        for (position, value) in self.fields.declared.iter().enumerate() {
            if let (Some(value), Some(declared)) = (value, self.envelope.declared.get(position)) {
                if !self.envelope.declared_inside(position) {
                    map.serialize_entry(declared.key, value)?;
                }
            }
        }
        for (key, value) in &self.fields.outer {
            if key != nested_under && !self.fields.declares(self.envelope, key, false) {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

/// Every key of the error object `fields` renders to under `envelope` (for a nested envelope,
/// the object under its key; keys beside it are not included), as JSON: what a derived `other`
/// variant keeps of a body besides its code and message.
pub fn error_object_keys(envelope: &Envelope, fields: &Fields) -> Map<String, Value> {
    let render = Render {
        envelope,
        fields,
        code: None,
        error_type: None,
    };
    match serde_json::to_value(ErrorObject(&render)) {
        Ok(Value::Object(object)) => object,
        _ => Map::new(),
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
            + wire(&fields.subcode, None)
            + text(&fields.message)
            + text(&fields.param)
            + text(&fields.field)
            + text(&fields.details)
            + text(&fields.request_id);
        let values = fields.metadata.as_ref().map_or(0, Map::len)
            + fields.errors.as_ref().map_or(0, Vec::len)
            + fields.declared.len()
            + fields.extra.len()
            + fields.outer.len();
        PER_KEY * (self.envelope.keys.len() + 1) + texts + PER_VALUE * values
    }
}

impl Fields {
    /// The value of a slot, if it is set.
    #[inline]
    pub(super) fn value(&self, slot: Slot) -> Option<SlotValue<'_>> {
        fn text(value: &Option<String>) -> Option<SlotValue<'_>> {
            value.as_deref().map(SlotValue::Text)
        }
        fn wire(value: &Option<WireText>) -> Option<SlotValue<'_>> {
            value.as_ref().map(|wire| {
                if wire.is_number() {
                    SlotValue::Integer(wire.as_str())
                } else {
                    SlotValue::Text(wire.as_str())
                }
            })
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
            Slot::Subcode => wire(&self.subcode),
        }
    }

    /// Whether `key` (of the error object when `inside`, else beside it) is a declared key that
    /// has a value, and so is rendered from [`Fields::declared`], not from the extra keys.
    fn declares(&self, envelope: &Envelope, key: &str, inside: bool) -> bool {
        !self.declared.is_empty()
            && envelope
                .declared_position(key, !inside)
                .is_some_and(|position| self.declared(position).is_some())
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
