//! Reading the value of a key the envelope names: straight into its slot's type when the value
//! has that type, else as JSON; then filing it in [`Fields`] (in the slot, or among the extra
//! keys).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::decoder::Key;
use super::{Envelope, Fields, Slot, WireTable, WireText};

/// Reads the value of `key`, which the envelope names as `slot` (under its `name`-th wire name),
/// and files it in `fields`.
#[inline]
pub(super) fn read_slot<'de, A: MapAccess<'de>>(
    map: &mut A,
    envelope: &Envelope,
    fields: &mut Fields,
    slot: Slot,
    name: u8,
    key: Key<'_>,
) -> Result<(), A::Error> {
    let at = Filing {
        envelope,
        slot,
        name,
        key,
    };
    match slot {
        Slot::Code => at.file(
            fields,
            map.next_value_seed(SlotSeed(Wire {
                table: envelope.codes,
                numbers: true,
            }))?,
            |fields| &mut fields.code,
        ),
        Slot::Message => at.file(fields, map.next_value_seed(SlotSeed(Text))?, |fields| {
            &mut fields.message
        }),
        Slot::Type => at.file(
            fields,
            map.next_value_seed(SlotSeed(Wire {
                table: envelope.types,
                numbers: false,
            }))?,
            |fields| &mut fields.error_type,
        ),
        Slot::Param => at.file(fields, map.next_value_seed(SlotSeed(Text))?, |fields| {
            &mut fields.param
        }),
        Slot::Field => at.file(fields, map.next_value_seed(SlotSeed(Text))?, |fields| {
            &mut fields.field
        }),
        Slot::Details => at.file(fields, map.next_value_seed(SlotSeed(Text))?, |fields| {
            &mut fields.details
        }),
        Slot::RequestId => at.file(fields, map.next_value_seed(SlotSeed(Text))?, |fields| {
            &mut fields.request_id
        }),
        Slot::Metadata => at.file(fields, map.next_value_seed(SlotSeed(Object))?, |fields| {
            &mut fields.metadata
        }),
        Slot::RetryAfter => at.file(fields, map.next_value_seed(SlotSeed(Seconds))?, |fields| {
            &mut fields.retry_after
        }),
        Slot::Errors => at.file(fields, map.next_value_seed(SlotSeed(List))?, |fields| {
            &mut fields.errors
        }),
        Slot::Subcode => at.file(
            fields,
            map.next_value_seed(SlotSeed(Wire {
                table: envelope.subcodes,
                numbers: true,
            }))?,
            |fields| &mut fields.subcode,
        ),
    }
    Ok(())
}

/// A kind of slot: the type its values are read into, and which JSON values read as one. Every
/// other JSON value is given back as [`Value`] (the default of each method).
trait SlotKind: Sized {
    /// The slot's type.
    type Out: IntoValue;

    fn text(self, text: &str) -> Result<Self::Out, Value> {
        Err(Value::String(text.to_owned()))
    }

    fn string(self, text: String) -> Result<Self::Out, Value> {
        Err(Value::String(text))
    }

    fn number(self, number: u64) -> Result<Self::Out, Value> {
        Err(Value::from(number))
    }

    fn negative(self, number: i64) -> Result<Self::Out, Value> {
        Err(Value::from(number))
    }

    fn list(self, list: Vec<Value>) -> Result<Self::Out, Value> {
        Err(Value::Array(list))
    }

    fn object(self, object: Map<String, Value>) -> Result<Self::Out, Value> {
        Err(Value::Object(object))
    }
}

/// A slot's value as JSON, for a value that leaves its slot for the extra keys.
trait IntoValue {
    fn into_value(self) -> Value;
}

/// A text slot ([`Slot::Message`], [`Slot::Param`], …): a JSON string.
struct Text;

impl SlotKind for Text {
    type Out = String;

    fn text(self, text: &str) -> Result<String, Value> {
        Ok(text.to_owned())
    }

    fn string(self, text: String) -> Result<String, Value> {
        Ok(text)
    }
}

impl IntoValue for String {
    fn into_value(self) -> Value {
        Value::String(self)
    }
}

/// A code or type slot: a JSON string, looked up in the table; for the code slot, also a JSON
/// integer (looked up by its decimal text, and kept as an integer).
struct Wire<'t> {
    table: &'t WireTable,
    numbers: bool,
}

impl SlotKind for Wire<'_> {
    type Out = WireText;

    fn text(self, text: &str) -> Result<WireText, Value> {
        Ok(WireText::resolve(self.table, text))
    }

    fn string(self, text: String) -> Result<WireText, Value> {
        Ok(WireText::resolve_string(self.table, text))
    }

    fn number(self, number: u64) -> Result<WireText, Value> {
        if self.numbers {
            Ok(WireText::resolve_unsigned(self.table, number))
        } else {
            Err(Value::from(number))
        }
    }

    fn negative(self, number: i64) -> Result<WireText, Value> {
        if self.numbers {
            Ok(WireText::resolve_number(self.table, i128::from(number)))
        } else {
            Err(Value::from(number))
        }
    }
}

impl IntoValue for WireText {
    fn into_value(self) -> Value {
        WireText::into_value(self)
    }
}

/// [`Slot::Metadata`]: a JSON object.
struct Object;

impl SlotKind for Object {
    type Out = Map<String, Value>;

    fn object(self, object: Map<String, Value>) -> Result<Self::Out, Value> {
        Ok(object)
    }
}

impl IntoValue for Map<String, Value> {
    fn into_value(self) -> Value {
        Value::Object(self)
    }
}

/// [`Slot::RetryAfter`]: a non-negative JSON integer.
struct Seconds;

impl SlotKind for Seconds {
    type Out = u64;

    fn number(self, number: u64) -> Result<u64, Value> {
        Ok(number)
    }
}

impl IntoValue for u64 {
    fn into_value(self) -> Value {
        Value::from(self)
    }
}

/// [`Slot::Errors`]: a JSON array.
struct List;

impl SlotKind for List {
    type Out = Vec<Value>;

    fn list(self, list: Vec<Value>) -> Result<Vec<Value>, Value> {
        Ok(list)
    }
}

impl IntoValue for Vec<Value> {
    fn into_value(self) -> Value {
        Value::Array(self)
    }
}

/// Reads one JSON value as the slot kind `K`: `Ok` with the slot's type, or `Err` with the value
/// as JSON when it has another type (`null` included).
struct SlotSeed<K>(K);

impl<'de, K: SlotKind> DeserializeSeed<'de> for SlotSeed<K> {
    type Value = Result<K::Out, Value>;

    // Inlined into each arm of the match on the slot: fewer instructions per value than a call,
    // and less code in all than one out-of-line copy per kind and parser.
    #[inline(always)]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, K: SlotKind> Visitor<'de> for SlotSeed<K> {
    type Value = Result<K::Out, Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        Ok(Err(Value::Bool(value)))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        match u64::try_from(value) {
            Ok(value) => self.visit_u64(value),
            Err(_) => Ok(self.0.negative(value)),
        }
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        Ok(self.0.number(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        Ok(Err(Value::from(value)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(self.0.text(value))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        Ok(self.0.string(value))
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
        Ok(self.0.list(list))
    }

    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
        Ok(self.0.object(collect_object(map)?))
    }
}

/// A JSON object's entries built into a map at once: sorting the entries and building the tree
/// from them compares keys about half as often as inserting them one by one (keys such as
/// `field_1` … `field_60` share long prefixes, so comparisons dominate). A repeated key keeps its
/// last value, as with inserts.
pub(super) fn collect_object<'de, M: MapAccess<'de>>(
    mut map: M,
) -> Result<Map<String, Value>, M::Error> {
    let mut entries: Vec<(String, Value)> = Vec::with_capacity(map.size_hint().unwrap_or(0));
    while let Some(entry) = map.next_entry()? {
        entries.push(entry);
    }
    Ok(entries.into_iter().collect())
}

/// Where a value read under a key the envelope names is filed.
struct Filing<'a> {
    envelope: &'a Envelope,
    slot: Slot,
    /// Which of the slot's wire names the key is (0 = the rendered one).
    name: u8,
    key: Key<'a>,
}

impl Filing<'_> {
    /// Files `read` in the slot `place` gives when it has the slot's type and no name listed
    /// earlier filled the slot, else among the extra keys.
    #[inline]
    fn file<T: IntoValue>(
        self,
        fields: &mut Fields,
        read: Result<T, Value>,
        place: fn(&mut Fields) -> &mut Option<T>,
    ) {
        if place(fields).is_some() {
            return self.file_again(fields, read, place);
        }
        match read {
            Ok(value) => {
                *place(fields) = Some(value);
                fields.names[self.slot.index()] = self.name;
                // The same key sent earlier with another type is superseded.
                if !fields.extra.is_empty() {
                    fields.extra.remove(self.key.as_str());
                }
            }
            Err(value) => {
                fields.extra.insert(self.key.into_owned(), value);
            }
        }
    }

    /// [`Filing::file`] for a slot that is already filled: the body has the slot twice, under
    /// the same name or under two of its names.
    #[cold]
    fn file_again<T: IntoValue>(
        self,
        fields: &mut Fields,
        read: Result<T, Value>,
        place: fn(&mut Fields) -> &mut Option<T>,
    ) {
        let index = self.slot.index();
        let previous = fields.names[index];
        // Under two names, the name listed first in the envelope wins, whatever the order of the
        // keys; the other stays as sent among the extra keys.
        if previous < self.name {
            let value = read.map_or_else(|value| value, IntoValue::into_value);
            fields.extra.insert(self.key.into_owned(), value);
            return;
        }
        let value = match read {
            Ok(value) => value,
            Err(value) => {
                if previous == self.name {
                    // The same key again: the last value wins, as in any JSON object. The slot
                    // is empty now, so no name of it was read: a value set later renders under
                    // the first name, and the key's value stays among the extra keys.
                    *place(fields) = None;
                    fields.names[index] = 0;
                }
                // A value of another type under an earlier-listed name leaves the slot as it is.
                fields.extra.insert(self.key.into_owned(), value);
                return;
            }
        };
        let displaced = place(fields).replace(value);
        fields.names[index] = self.name;
        if !fields.extra.is_empty() {
            fields.extra.remove(self.key.as_str());
        }
        if previous > self.name {
            // The value under the later-listed name goes back among the extra keys.
            let old_key = self
                .envelope
                .spec(self.slot)
                .and_then(|spec| spec.names.get(usize::from(previous)));
            if let (Some(old), Some(old_key)) = (displaced, old_key) {
                fields.extra.insert((*old_key).to_owned(), old.into_value());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::tests::CODES;
    use super::super::{decode, deserialize_fields, KeySpec, Render, WireTable};
    use super::*;

    /// Every slot, flat, with a second name for the metadata.
    const EVERY_SLOT: Envelope = Envelope {
        nested_under: None,
        list: false,
        keys: &[
            KeySpec {
                slot: Slot::Code,
                names: &["code"],
            },
            KeySpec {
                slot: Slot::Message,
                names: &["message"],
            },
            KeySpec {
                slot: Slot::Type,
                names: &["type"],
            },
            KeySpec {
                slot: Slot::Param,
                names: &["param"],
            },
            KeySpec {
                slot: Slot::Field,
                names: &["field"],
            },
            KeySpec {
                slot: Slot::Details,
                names: &["details"],
            },
            KeySpec {
                slot: Slot::RequestId,
                names: &["request_id"],
            },
            KeySpec {
                slot: Slot::Metadata,
                names: &["metadata", "meta"],
            },
            KeySpec {
                slot: Slot::RetryAfter,
                names: &["retry_after"],
            },
            KeySpec {
                slot: Slot::Errors,
                names: &["errors"],
            },
            KeySpec {
                slot: Slot::Subcode,
                names: &["subcode"],
            },
        ],
        codes: &CODES,
        types: &WireTable::EMPTY,
        subcodes: &WireTable::EMPTY,
        declared: &[],
    };

    fn decoded(body: &Value) -> Fields {
        let text = serde_json::to_vec(body).unwrap();
        decode(&EVERY_SLOT, 400, &text).unwrap()
    }

    /// Decodes `body` and checks that rendering what was decoded gives back the same JSON.
    fn round_trip(body: &str) -> Fields {
        let fields = decode(&EVERY_SLOT, 400, body.as_bytes()).unwrap();
        let rendered = Render {
            envelope: &EVERY_SLOT,
            fields: &fields,
            code: None,
            error_type: None,
        }
        .to_vec();
        let sent: Value = serde_json::from_str(body).unwrap();
        let back: Value = serde_json::from_slice(&rendered).unwrap();
        assert_eq!(back, sent, "{body}");
        fields
    }

    #[test]
    fn each_slot_kind_reads_its_own_type() {
        let fields = round_trip(
            r#"{"code":"card_declined","message":"m","type":"card","param":"p","field":"f",
                "details":"d","request_id":"r","metadata":{"a":[1]},"retry_after":30,
                "errors":[{"code":"x"}]}"#,
        );
        assert_eq!(
            fields.code,
            Some(WireText::Listed {
                index: 0,
                name: "card_declined"
            })
        );
        assert_eq!(fields.message.as_deref(), Some("m"));
        assert_eq!(fields.error_type, Some(WireText::from("card")));
        assert_eq!(fields.param.as_deref(), Some("p"));
        assert_eq!(fields.field.as_deref(), Some("f"));
        assert_eq!(fields.details.as_deref(), Some("d"));
        assert_eq!(fields.request_id.as_deref(), Some("r"));
        assert_eq!(fields.metadata, json!({"a": [1]}).as_object().cloned());
        assert_eq!(fields.retry_after, Some(30));
        assert_eq!(fields.errors, Some(vec![json!({"code": "x"})]));
        assert!(fields.extra.is_empty());
    }

    #[test]
    fn escaped_strings_read_into_text_and_code_slots() {
        let fields = round_trip(r#"{"code":"card\u005fdeclined","message":"a \"quoted\"\nline"}"#);
        assert_eq!(
            fields.code,
            Some(WireText::Listed {
                index: 0,
                name: "card_declined"
            })
        );
        assert_eq!(fields.message.as_deref(), Some("a \"quoted\"\nline"));
    }

    #[test]
    fn every_slot_kind_keeps_a_value_of_another_type_among_the_extra_keys() {
        let others = [
            json!(null),
            json!(true),
            json!(-3),
            json!(7),
            json!(2.5),
            json!("text"),
            json!([1, "two"]),
            json!({"k": "v"}),
        ];
        let fits = |key: &str, value: &Value| match key {
            // Codes may be JSON integers (`"code": 21211`), negative ones included.
            "code" | "subcode" => value.is_string() || value.is_i64() || value.is_u64(),
            "message" | "type" | "param" | "field" | "details" | "request_id" => value.is_string(),
            "metadata" => value.is_object(),
            "retry_after" => value.is_u64(),
            "errors" => value.is_array(),
            _ => unreachable!("{key}"),
        };
        for spec in EVERY_SLOT.keys {
            let key = spec.names[0];
            for value in &others {
                let body = json!({ key: value.clone() });
                let fields = decoded(&body);
                if fits(key, value) {
                    assert!(fields.is_set(spec.slot), "{body}");
                    assert!(fields.extra.is_empty(), "{body}");
                } else {
                    assert!(!fields.is_set(spec.slot), "{body}");
                    assert_eq!(fields.extra.get(key), Some(value), "{body}");
                    assert_eq!(fields.extra.len(), 1, "{body}");
                }
                round_trip(&body.to_string());
            }
        }
    }

    #[test]
    fn a_repeated_key_keeps_its_last_value_for_every_slot_kind() {
        let pairs = [
            ("code", json!("first"), json!("card_declined")),
            ("message", json!("first"), json!("last")),
            ("metadata", json!({"a": 1}), json!({"b": 2})),
            ("retry_after", json!(1), json!(2)),
            ("errors", json!([1]), json!([2])),
        ];
        for (key, fitting, other_fitting) in pairs {
            let mistyped = json!(false);
            for (first, last) in [
                (&fitting, &other_fitting),
                (&fitting, &mistyped),
                (&mistyped, &fitting),
                (&mistyped, &mistyped),
            ] {
                let body = format!(r#"{{"{key}":{first},"{key}":{last}}}"#);
                let fields = round_trip(&body);
                let slot = EVERY_SLOT.lookup(key).unwrap().0;
                if last == &mistyped {
                    assert!(!fields.is_set(slot), "{body}");
                    assert_eq!(fields.extra.get(key), Some(last), "{body}");
                } else {
                    assert!(fields.is_set(slot), "{body}");
                    assert!(fields.extra.is_empty(), "{body}");
                }
            }
        }
    }

    #[test]
    fn the_first_listed_name_wins_for_a_map_slot_too() {
        for body in [
            r#"{"meta":{"from":"alias"},"metadata":{"from":"first"}}"#,
            r#"{"metadata":{"from":"first"},"meta":{"from":"alias"}}"#,
        ] {
            let fields = round_trip(body);
            assert_eq!(
                fields.metadata,
                json!({"from": "first"}).as_object().cloned(),
                "{body}"
            );
            assert_eq!(fields.extra["meta"], json!({"from": "alias"}), "{body}");
        }
        // The alias alone fills the slot, and renders under the alias.
        let fields = round_trip(r#"{"meta":{"from":"alias"}}"#);
        assert_eq!(
            fields.metadata,
            json!({"from": "alias"}).as_object().cloned()
        );
        // A mistyped value under the first name leaves the alias's value in the slot.
        let fields = round_trip(r#"{"meta":{"from":"alias"},"metadata":[1]}"#);
        assert_eq!(
            fields.metadata,
            json!({"from": "alias"}).as_object().cloned()
        );
        assert_eq!(fields.extra["metadata"], json!([1]));
        // The alias again, mistyped: the last value wins.
        let fields = round_trip(r#"{"meta":{"from":"alias"},"meta":1}"#);
        assert_eq!(fields.metadata, None);
        assert_eq!(fields.extra["meta"], 1);
    }

    #[test]
    fn owned_strings_from_other_deserializers_fill_the_slots() {
        // A `Value` hands out owned strings (`visit_string`), unlike the body parser.
        let body =
            json!({"code": "card_declined", "type": "card", "message": "m", "retry_after": "soon"});
        let fields = deserialize_fields(&EVERY_SLOT, body).unwrap();
        assert_eq!(
            fields.code,
            Some(WireText::Listed {
                index: 0,
                name: "card_declined"
            })
        );
        assert_eq!(fields.error_type, Some(WireText::from("card")));
        assert_eq!(fields.message.as_deref(), Some("m"));
        assert_eq!(fields.extra["retry_after"], "soon");
    }
}
