//! Errors in success responses: providers that answer some errors with a 2xx status and say so
//! in the body (`{"ok": false, "error": "invalid_auth"}`). A catalog's `error_when` lists the
//! top-level keys and values that mark such a body; [`body_matches`] checks a body against them
//! without building the rest of it.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

/// A JSON scalar a marker key must hold.
///
/// # Example
///
/// ```
/// use errcat::wire::{body_matches, ErrorWhen, JsonScalar};
///
/// // Slack: `{"ok": false, "error": "invalid_auth"}` with status 200 is an error.
/// const MARKERS: &[ErrorWhen] = &[ErrorWhen { key: "ok", value: JsonScalar::Bool(false) }];
/// assert!(body_matches(br#"{"ok":false,"error":"invalid_auth"}"#, MARKERS));
/// assert!(!body_matches(br#"{"ok":true,"channel":"C1"}"#, MARKERS));
/// assert_eq!(JsonScalar::Integer(0).to_value(), serde_json::json!(0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonScalar {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// An integer.
    Integer(i64),
    /// A string.
    Text(&'static str),
}

impl JsonScalar {
    /// The scalar as a JSON value.
    pub fn to_value(self) -> serde_json::Value {
        match self {
            JsonScalar::Null => serde_json::Value::Null,
            JsonScalar::Bool(flag) => serde_json::Value::Bool(flag),
            JsonScalar::Integer(number) => serde_json::Value::from(number),
            JsonScalar::Text(text) => serde_json::Value::from(text),
        }
    }

    fn matches(self, value: &serde_json::Value) -> bool {
        match (self, value) {
            (JsonScalar::Null, serde_json::Value::Null) => true,
            (JsonScalar::Bool(expected), serde_json::Value::Bool(found)) => expected == *found,
            (JsonScalar::Integer(expected), serde_json::Value::Number(found)) => {
                found.as_i64() == Some(expected)
            }
            (JsonScalar::Text(expected), serde_json::Value::String(found)) => expected == found,
            _ => false,
        }
    }
}

/// One marker of an error body: the top-level `key` holds `value`.
///
/// # Example
///
/// ```
/// use errcat::wire::{write_markers, ErrorWhen, JsonScalar};
///
/// const MARKERS: &[ErrorWhen] = &[ErrorWhen { key: "ok", value: JsonScalar::Bool(false) }];
/// // A server building such a body writes the markers in.
/// let mut body = serde_json::Map::new();
/// write_markers(MARKERS, &mut body);
/// assert_eq!(serde_json::Value::Object(body), serde_json::json!({"ok": false}));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorWhen {
    /// The top-level key.
    pub key: &'static str,
    /// The value it holds in an error body.
    pub value: JsonScalar,
}

/// Writes every marker into `map` (the top-level keys of a body), so that a body built to send
/// is read back as an error.
pub fn write_markers(markers: &[ErrorWhen], map: &mut serde_json::Map<String, serde_json::Value>) {
    for marker in markers {
        map.insert(marker.key.to_owned(), marker.value.to_value());
    }
}

/// Whether `body` is a JSON object whose top-level keys hold every marker's value (the last value
/// of a repeated key counts). Any other body (not UTF-8 JSON, not an object, a marker missing or
/// different, no markers at all) is not.
pub fn body_matches(body: &[u8], markers: &[ErrorWhen]) -> bool {
    if markers.is_empty() || body.len() > super::MAX_BODY_BYTES {
        return false;
    }
    // JSON text is UTF-8 (RFC 8259 §8.1): a body that is not is no error body either.
    let Ok(text) = std::str::from_utf8(body) else {
        return false;
    };
    let mut found: Vec<Option<serde_json::Value>> = vec![None; markers.len()];
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let read = Markers {
        markers,
        found: &mut found,
    }
    .deserialize(&mut deserializer)
    .and_then(|()| deserializer.end());
    read.is_ok()
        && markers.iter().zip(&found).all(|(marker, value)| {
            value
                .as_ref()
                .is_some_and(|value| marker.value.matches(value))
        })
}

/// Reads the top-level object, keeping the values of the marker keys and skipping the rest.
struct Markers<'a> {
    markers: &'a [ErrorWhen],
    found: &'a mut [Option<serde_json::Value>],
}

impl<'de> DeserializeSeed<'de> for Markers<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Markers<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<super::decoder::Key<'de>>()? {
            match self
                .markers
                .iter()
                .position(|marker| marker.key == key.as_str())
            {
                Some(index) => self.found[index] = Some(map.next_value()?),
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SLACK: &[ErrorWhen] = &[ErrorWhen {
        key: "ok",
        value: JsonScalar::Bool(false),
    }];

    #[test]
    fn a_body_matches_when_every_marker_holds() {
        assert!(body_matches(
            br#"{"ok":false,"error":"invalid_auth"}"#,
            SLACK
        ));
        assert!(body_matches(br#"{"error":"x","ok":false}"#, SLACK));
        assert!(!body_matches(br#"{"ok":true,"channel":"C1"}"#, SLACK));
        assert!(!body_matches(br#"{"ok":"false"}"#, SLACK));
        assert!(!body_matches(br#"{"error":"x"}"#, SLACK));
        assert!(!body_matches(br#"[{"ok":false}]"#, SLACK));
        assert!(!body_matches(b"<html>", SLACK));
        assert!(!body_matches(br#"{"ok":false"#, SLACK));
        // Not UTF-8, so not JSON, even where the bad byte is in a value no marker reads.
        assert!(!body_matches(b"{\"ok\":false,\"error\":\"\xff\"}", SLACK));
        assert!(!body_matches(br#"{"ok":false}"#, &[]));
        // The last value of a repeated key counts, as for any JSON object.
        assert!(!body_matches(br#"{"ok":false,"ok":true}"#, SLACK));
        // Nested values of other keys are skipped, not built.
        let nested = format!(
            r#"{{"ok":false,"deep":{}1{}}}"#,
            "[".repeat(50),
            "]".repeat(50)
        );
        assert!(body_matches(nested.as_bytes(), SLACK));
        let several = [
            ErrorWhen {
                key: "status",
                value: JsonScalar::Text("error"),
            },
            ErrorWhen {
                key: "code",
                value: JsonScalar::Integer(-1),
            },
            ErrorWhen {
                key: "data",
                value: JsonScalar::Null,
            },
        ];
        assert!(body_matches(
            br#"{"status":"error","code":-1,"data":null}"#,
            &several
        ));
        assert!(!body_matches(br#"{"status":"error","code":-1}"#, &several));
        // Written markers are read back.
        let mut map = serde_json::Map::new();
        write_markers(&several, &mut map);
        let written = serde_json::to_vec(&map).unwrap();
        assert!(body_matches(&written, &several));
    }
}
