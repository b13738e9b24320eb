//! Codes and types as text: [`WireText`], what the decoder gives for them, and [`WireName`], the
//! generated enums that read them.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};

use super::WireTable;

/// A code or type as decoded: the index of a name the envelope's table lists, or the text sent;
/// and whether the body sent it as a JSON string or as a JSON integer (`"code": 21211`). An
/// integer is looked up by its decimal text, so a catalog's `21211` matches either form, and is
/// rendered back as the integer it was.
///
/// # Example
///
/// ```
/// use errcat::wire::{WireTable, WireText};
///
/// // Against an empty table every text is unlisted; an integer code keeps its JSON form.
/// let text = WireText::resolve(&WireTable::EMPTY, "card_declined");
/// assert_eq!(text, WireText::Unlisted("card_declined".into()));
/// let number = WireText::resolve_number(&WireTable::EMPTY, 21211);
/// assert_eq!((number.as_str(), number.is_number()), ("21211", true));
/// assert_eq!(number.into_value(), serde_json::json!(21211));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum WireText {
    /// A name of the envelope's [`WireTable`], sent as a string.
    Listed {
        /// Its index in the table (the position of the variant in the generated `ALL`).
        index: usize,
        /// The name.
        name: &'static str,
    },
    /// Any other text, as sent.
    Unlisted(String),
    /// A name of the envelope's [`WireTable`], sent as a JSON integer.
    ListedNumber {
        /// Its index in the table.
        index: usize,
        /// The name: the integer's decimal text.
        name: &'static str,
    },
    /// Any other JSON integer, as its decimal text.
    UnlistedNumber(String),
}

impl WireText {
    /// The text (for an integer, its decimal digits).
    pub fn as_str(&self) -> &str {
        match self {
            WireText::Listed { name, .. } | WireText::ListedNumber { name, .. } => name,
            WireText::Unlisted(text) | WireText::UnlistedNumber(text) => text,
        }
    }

    /// The text, owned.
    pub fn into_string(self) -> String {
        match self {
            WireText::Listed { name, .. } | WireText::ListedNumber { name, .. } => name.to_owned(),
            WireText::Unlisted(text) | WireText::UnlistedNumber(text) => text,
        }
    }

    /// The table index and the table's copy of the name, for a listed text.
    #[inline]
    pub fn listed(&self) -> Option<(usize, &'static str)> {
        match self {
            WireText::Listed { index, name } | WireText::ListedNumber { index, name } => {
                Some((*index, name))
            }
            WireText::Unlisted(_) | WireText::UnlistedNumber(_) => None,
        }
    }

    /// Whether the body sent it as a JSON integer.
    pub fn is_number(&self) -> bool {
        matches!(
            self,
            WireText::ListedNumber { .. } | WireText::UnlistedNumber(_)
        )
    }

    /// `text` resolved against `table`.
    #[inline]
    pub fn resolve(table: &WireTable, text: &str) -> WireText {
        match table.find_name(text) {
            Some((index, name)) => WireText::Listed { index, name },
            None => WireText::Unlisted(text.to_owned()),
        }
    }

    /// Like [`WireText::resolve`], reusing the allocation of an unlisted text.
    #[inline]
    pub fn resolve_string(table: &WireTable, text: String) -> WireText {
        match table.find_name(&text) {
            Some((index, name)) => WireText::Listed { index, name },
            None => WireText::Unlisted(text),
        }
    }

    /// A JSON integer resolved against `table` by its decimal text (written on the stack: a
    /// listed integer allocates nothing).
    #[inline]
    pub fn resolve_number(table: &WireTable, number: i128) -> WireText {
        let mut buffer = [0u8; 40];
        WireText::resolve_digits(table, decimal(number, &mut buffer))
    }

    /// A non-negative integer code (the common case of [`WireText::resolve_number`]).
    #[inline]
    pub fn resolve_unsigned(table: &WireTable, number: u64) -> WireText {
        let mut buffer = [0u8; 40];
        let start = write_digits(number, &mut buffer, 40);
        let digits = buffer.get(start..).unwrap_or_default();
        // Looked up as bytes: only an unlisted integer becomes text.
        match table.find_name_bytes(digits) {
            Some((index, name)) => WireText::ListedNumber { index, name },
            None => WireText::UnlistedNumber(digits.iter().copied().map(char::from).collect()),
        }
    }

    /// Integer digits (`"21211"`, `"-1"`) resolved against `table` as a JSON integer.
    pub fn resolve_digits(table: &WireTable, digits: &str) -> WireText {
        match table.find_name(digits) {
            Some((index, name)) => WireText::ListedNumber { index, name },
            None => WireText::UnlistedNumber(digits.to_owned()),
        }
    }

    /// The value as JSON: a string, or the integer it was sent as.
    pub fn into_value(self) -> serde_json::Value {
        if self.is_number() {
            if let Some(number) = integer_value(self.as_str()) {
                return number;
            }
        }
        serde_json::Value::String(self.into_string())
    }
}

/// The decimal text of `number`, written at the end of `buffer` (40 bytes hold any `i128`).
fn decimal(number: i128, buffer: &mut [u8; 40]) -> &str {
    let magnitude = number.unsigned_abs();
    // Codes fit in 64 bits: dividing those by 10 is a multiplication, where 128-bit division is
    // a call per digit.
    let mut start = match u64::try_from(magnitude) {
        Ok(small) => write_digits(small, buffer, buffer.len()),
        Err(_) => {
            // Nineteen low digits, then the high ones: an `i128`'s magnitude (at most 2¹²⁷)
            // divided by 10¹⁹ fits in 64 bits.
            const LOW: u128 = 10_000_000_000_000_000_000;
            let low = u64::try_from(magnitude % LOW).unwrap_or_default();
            let high = u64::try_from(magnitude / LOW).unwrap_or_default();
            let end = buffer.len();
            let mut start = write_digits(low, buffer, end);
            while start > end - 19 {
                start -= 1;
                buffer[start] = b'0';
            }
            write_digits(high, buffer, start)
        }
    };
    if number < 0 {
        start -= 1;
        buffer[start] = b'-';
    }
    digits_text(&buffer[start..])
}

/// Writes the digits of `number` before position `end` of `buffer`; gives where they start.
#[inline]
fn write_digits(mut number: u64, buffer: &mut [u8; 40], end: usize) -> usize {
    let mut start = end;
    loop {
        start -= 1;
        // `number % 10` is a single digit.
        buffer[start] = b'0' + (number % 10) as u8;
        number /= 10;
        if number == 0 {
            return start;
        }
    }
}

/// ASCII digits (and `-`) as text.
#[inline]
fn digits_text(digits: &[u8]) -> &str {
    // Only ASCII digits and `-` are ever written, so this never fails.
    std::str::from_utf8(digits).unwrap_or_default()
}

/// The JSON integer whose decimal text is `text`, if it is one.
pub(crate) fn integer_value(text: &str) -> Option<serde_json::Value> {
    match text.parse::<u64>() {
        Ok(number) => Some(serde_json::Value::from(number)),
        Err(_) => text.parse::<i64>().ok().map(serde_json::Value::from),
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

/// A generated enum of wire strings with a catch-all variant (`Code`, `ErrorType`).
///
/// # Example
///
/// ```
/// use errcat::wire::WireName;
///
/// // Written once for every generated `Code` and `ErrorType`.
/// fn parse_all<T: WireName>(wires: &[&str]) -> Vec<T> {
///     wires.iter().map(|wire| T::from_wire(wire)).collect()
/// }
///
/// #[derive(Debug, PartialEq)]
/// enum Code {
///     CardDeclined,
///     Unknown(String),
/// }
///
/// impl WireName for Code {
///     fn from_wire(wire: &str) -> Code {
///         Code::from_wire_string(wire.to_owned())
///     }
///     fn from_wire_string(wire: String) -> Code {
///         if wire == "card_declined" { Code::CardDeclined } else { Code::Unknown(wire) }
///     }
///     fn as_str(&self) -> &str {
///         match self {
///             Code::CardDeclined => "card_declined",
///             Code::Unknown(wire) => wire,
///         }
///     }
/// }
///
/// let codes: Vec<Code> = parse_all(&["card_declined", "new"]);
/// assert_eq!(codes, [Code::CardDeclined, Code::Unknown("new".into())]);
/// ```
pub trait WireName: Sized {
    /// The value a wire string names; unlisted strings become the catch-all variant.
    fn from_wire(wire: &str) -> Self;
    /// Like [`WireName::from_wire`], reusing the allocation for unlisted strings.
    fn from_wire_string(wire: String) -> Self;
    /// The wire string.
    fn as_str(&self) -> &str;
}

/// Serializes a wire text as a string, or (`integer`) as the JSON integer whose decimal text it
/// is (a text that is not one stays a string).
pub fn serialize_wire_text<S: serde::Serializer>(
    serializer: S,
    text: &str,
    integer: bool,
) -> Result<S::Ok, S::Error> {
    if integer {
        if let Ok(number) = text.parse::<u64>() {
            return serializer.serialize_u64(number);
        }
        if let Ok(number) = text.parse::<i64>() {
            return serializer.serialize_i64(number);
        }
    }
    serializer.serialize_str(text)
}

/// Deserializes a [`WireName`] from a string (or a JSON integer, by its decimal text), without
/// allocating for listed names.
pub fn deserialize_wire_name<'de, D: Deserializer<'de>, T: WireName>(
    deserializer: D,
) -> Result<T, D::Error> {
    struct NameVisitor<T>(std::marker::PhantomData<T>);
    impl<T: WireName> Visitor<'_> for NameVisitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or an integer")
        }
        fn visit_str<E: de::Error>(self, wire: &str) -> Result<T, E> {
            Ok(T::from_wire(wire))
        }
        fn visit_string<E: de::Error>(self, wire: String) -> Result<T, E> {
            Ok(T::from_wire_string(wire))
        }
        fn visit_u64<E: de::Error>(self, wire: u64) -> Result<T, E> {
            Ok(T::from_wire_string(wire.to_string()))
        }
        fn visit_i64<E: de::Error>(self, wire: i64) -> Result<T, E> {
            Ok(T::from_wire_string(wire.to_string()))
        }
    }
    deserializer.deserialize_any(NameVisitor(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_text_of_every_kind_of_integer() {
        let mut buffer = [0u8; 40];
        for number in [
            0,
            7,
            -1,
            21211,
            i128::from(i64::MIN),
            i128::from(u64::MAX),
            i128::MIN,
            i128::MAX,
        ] {
            assert_eq!(decimal(number, &mut buffer), number.to_string());
        }
        let listed = WireText::resolve_number(&WireTable::EMPTY, 42);
        assert_eq!(listed, WireText::UnlistedNumber("42".into()));
        assert!(listed.is_number());
    }
}
