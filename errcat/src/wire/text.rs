//! Codes and types as text: [`WireText`], what the decoder gives for them, and [`WireName`], the
//! generated enums that read them.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};

use super::WireTable;

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
