//! Which of a provider's body shapes to try first: a body whose first key is a shape's nesting
//! key (`{"errors": [...]}` for `list_under: errors`) is read with that shape at once, without a
//! failed pass through the shapes listed before it.

use super::Envelope;

/// The order in which generated `Error::decode` tries a provider's `envelopes` on `body`: the
/// shape whose nesting key (`nested_under` or `list_under`) is the body's first key, then every
/// other shape in the catalog's order. Without such a shape, the catalog's order.
///
/// Looking costs a few instructions: the first key is read straight from the bytes (a key with
/// escapes, or a body that does not start as an object, is not looked at and keeps the catalog's
/// order).
pub fn shape_order(envelopes: &[Envelope], body: &[u8]) -> ShapeOrder {
    let first = if envelopes.len() > 1 {
        first_key(body).map_or(0, |key| nesting_shape(envelopes, key))
    } else {
        0
    };
    ShapeOrder {
        first,
        next: 0,
        count: envelopes.len(),
    }
}

/// The index of the shape nested under `key`, else 0.
fn nesting_shape(envelopes: &[Envelope], key: &[u8]) -> usize {
    for (index, envelope) in envelopes.iter().enumerate() {
        if let Some(nested) = envelope.nested_under {
            if super::same_bytes(nested.as_bytes(), key) {
                return index;
            }
        }
    }
    0
}

/// The shape indexes [`shape_order`] gives, in order; every index below the number of shapes
/// exactly once.
///
/// # Example
///
/// ```
/// use errcat::wire::{shape_order, Envelope, WireTable};
///
/// const NESTED: Envelope = Envelope {
///     nested_under: Some("error"),
///     list: false,
///     keys: &[],
///     codes: &WireTable::EMPTY,
///     types: &WireTable::EMPTY,
///     subcodes: &WireTable::EMPTY,
///     declared: &[],
/// };
/// // A provider with its own shape first and an OAuth shape second (`{"error": "invalid_grant"}`
/// // is flat): a body that starts with `"errors"` still tries the catalog's order…
/// let shapes = [NESTED, Envelope { nested_under: Some("errors"), list: true, ..NESTED }];
/// assert_eq!(shape_order(&shapes, br#"{"error":{}}"#).collect::<Vec<_>>(), [0, 1]);
/// // …and a body whose first key is the second shape's nesting key tries that one first.
/// assert_eq!(shape_order(&shapes, br#"{"errors":[]}"#).collect::<Vec<_>>(), [1, 0]);
/// ```
#[derive(Clone, Debug)]
pub struct ShapeOrder {
    first: usize,
    /// The next index of the catalog's order to give, after `first` has been given (`0` means
    /// `first` is still to come; `first` itself is skipped).
    next: usize,
    count: usize,
}

impl Iterator for ShapeOrder {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.count == 0 {
            return None;
        }
        if self.next == 0 {
            self.next = 1;
            return Some(self.first);
        }
        // Positions 1.. of the order are the catalog's indexes without `first`.
        let index = self.next - 1;
        let index = if index >= self.first {
            index + 1
        } else {
            index
        };
        if index >= self.count {
            return None;
        }
        self.next += 1;
        Some(index)
    }
}

/// The body's first key as raw bytes: after optional whitespace, `{`, whitespace and `"`, up to
/// the closing `"`. `None` for anything else, or a key with an escape.
fn first_key(body: &[u8]) -> Option<&[u8]> {
    let mut at = skip_whitespace(body, 0);
    if body.get(at) != Some(&b'{') {
        return None;
    }
    at = skip_whitespace(body, at + 1);
    if body.get(at) != Some(&b'"') {
        return None;
    }
    let start = at + 1;
    let mut end = start;
    loop {
        match body.get(end)? {
            b'"' => return body.get(start..end),
            b'\\' => return None,
            _ => end += 1,
        }
    }
}

/// The position of the first byte from `at` on that is not JSON whitespace.
fn skip_whitespace(bytes: &[u8], mut at: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::wire::{KeySpec, Slot, WireTable};

    /// An envelope with a code slot only, nested under `nested_under` (shared with the tests of
    /// `wire`).
    pub(in crate::wire) const fn shape(nested_under: Option<&'static str>, list: bool) -> Envelope {
        Envelope {
            nested_under,
            list,
            keys: &[KeySpec {
                slot: Slot::Code,
                names: &["code"],
            }],
            codes: &WireTable::EMPTY,
            types: &WireTable::EMPTY,
            subcodes: &WireTable::EMPTY,
            declared: &[],
        }
    }

    const SHAPES: [Envelope; 3] = [
        shape(None, false),
        shape(Some("errors"), true),
        shape(Some("error"), false),
    ];

    fn order(envelopes: &[Envelope], body: &str) -> Vec<usize> {
        shape_order(envelopes, body.as_bytes()).collect()
    }

    #[test]
    fn a_body_led_by_a_nesting_key_tries_that_shape_first() {
        assert_eq!(order(&SHAPES, r#"{"errors":[]}"#), [1, 0, 2]);
        assert_eq!(order(&SHAPES, " \n{ \"error\" : {}}"), [2, 0, 1]);
        assert_eq!(order(&SHAPES, r#"{"code":1,"errors":[]}"#), [0, 1, 2]);
    }

    #[test]
    fn anything_else_keeps_the_catalog_order() {
        for body in [
            "",
            "[1]",
            "{",
            "{\"errors",
            r#"{"err\"ors":[]}"#,
            r#"{"errors\u0000":[]}"#,
            r#"{}"#,
            "\u{feff}{\"errors\":[]}",
        ] {
            assert_eq!(order(&SHAPES, body), [0, 1, 2], "{body:?}");
        }
        assert_eq!(order(&SHAPES[..1], r#"{"errors":[]}"#), [0]);
        assert_eq!(order(&[], r#"{"errors":[]}"#), Vec::<usize>::new());
    }

    #[test]
    fn every_index_comes_exactly_once_whichever_is_first() {
        for first in 0..5 {
            let order = ShapeOrder {
                first,
                next: 0,
                count: 5,
            };
            let mut seen: Vec<usize> = order.collect();
            assert_eq!(seen[0], first);
            seen.sort_unstable();
            assert_eq!(seen, [0, 1, 2, 3, 4]);
        }
    }
}
