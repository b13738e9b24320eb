//! Rust source written directly as text, for the parts of a provider module that grow with the
//! catalog: the variants of `Code` and `ErrorType` and their per-variant tables.
//!
//! A catalog of 10,000 codes makes about 300,000 lines of these. As tokens they would be built by
//! `quote`, parsed again by syn and laid out by prettyplease, which inside a build script (compiled
//! unoptimized by default) takes seconds. Written here, they come out already laid out the way
//! prettyplease lays out the rest of the module: four-space indents, one entry per line.
//!
//! Catalog text enters the output only through [`str_literal`] (an escaped string literal) and
//! [`doc_comment`] (lines already sanitized for doc comments by the caller: no line breaks, no
//! control characters).

#[cfg(feature = "build-script")]
use std::fmt::Write as _;

use proc_macro2::TokenStream;

/// Appends `text` as a Rust string literal: `"`, `\` and every character that is not printable
/// (controls, line and paragraph separators, text-direction marks) are escaped, so the literal
/// holds exactly `text` and cannot end early. Apostrophes stay as they are, for readable output.
pub(crate) fn str_literal(out: &mut String, text: &str) {
    out.push('"');
    copy_escaping(
        out,
        text,
        |byte| matches!(byte, b' '..=b'~') && byte != b'"' && byte != b'\\',
        |out, c| out.extend(c.escape_debug()),
    );
    out.push('"');
}

/// Appends `text`, copying runs of bytes that are `plain` as they are and handing every other
/// character to `escape`. `plain` must hold only for ASCII bytes.
///
/// Catalog text is mostly plain ASCII, and this runs over every text of the catalog, often in a
/// build script compiled unoptimized: one cheap test per byte, and copies of whole runs, cost far
/// less there than a pass through `char` iterators.
pub(crate) fn copy_escaping(
    out: &mut String,
    text: &str,
    plain: fn(u8) -> bool,
    escape: fn(&mut String, char),
) {
    let bytes = text.as_bytes();
    let (mut start, mut index) = (0, 0);
    while index < bytes.len() {
        if plain(bytes[index]) {
            index += 1;
            continue;
        }
        // Not plain, so not ASCII or an ASCII byte to escape: either way a character starts here.
        out.push_str(&text[start..index]);
        let Some(c) = text[index..].chars().next() else {
            break;
        };
        escape(out, c);
        index += c.len_utf8();
        start = index;
    }
    out.push_str(&text[start..]);
}

/// Appends `Some("<text>")` or `None` with the given spelling of the two variants.
pub(crate) fn optional_str_literal(out: &mut String, value: Option<&str>, qualified: bool) {
    match value {
        Some(text) => {
            out.push_str(if qualified {
                "::core::option::Option::Some("
            } else {
                "Some("
            });
            str_literal(out, text);
            out.push(')');
        }
        None => out.push_str(if qualified {
            "::core::option::Option::None"
        } else {
            "None"
        }),
    }
}

/// Appends one `///` line per entry of `lines`, each at `indent`. Every line must already start
/// with a space or be empty (as [`crate::expand`]'s doc text does), so no line can turn into a
/// plain `////` comment.
#[cfg(feature = "build-script")]
pub(crate) fn doc_comment(out: &mut String, indent: &str, lines: &[String]) {
    for line in lines {
        out.push_str(indent);
        out.push_str("///");
        out.push_str(line);
        out.push('\n');
    }
}

/// Writes a struct literal (`Path {`, then one `name: value,` line per field at `indent` plus four
/// spaces, then `}` at `indent`), each value written by the caller into the output.
pub(crate) struct StructLiteral<'a> {
    out: &'a mut String,
    indent: &'a str,
}

impl<'a> StructLiteral<'a> {
    /// Opens the literal of the struct at `path`.
    pub(crate) fn open(out: &'a mut String, indent: &'a str, path: &str) -> StructLiteral<'a> {
        out.push_str(path);
        out.push_str(" {");
        StructLiteral { out, indent }
    }

    /// One field: `value` appends its value.
    pub(crate) fn field(&mut self, name: &str, value: impl FnOnce(&mut String)) -> &mut Self {
        self.out.push('\n');
        self.out.push_str(self.indent);
        self.out.push_str("    ");
        self.out.push_str(name);
        self.out.push_str(": ");
        value(self.out);
        self.out.push(',');
        self
    }

    /// A field holding a string literal of `text`.
    pub(crate) fn str_field(&mut self, name: &str, text: &str) -> &mut Self {
        self.field(name, |out| str_literal(out, text))
    }

    /// Closes the literal.
    pub(crate) fn close(&mut self) {
        self.out.push('\n');
        self.out.push_str(self.indent);
        self.out.push('}');
    }
}

/// Appends `items` as the entries of an array literal (`&[`, one entry per line at `indent` plus
/// four spaces, `]`), writing each with `entry`. An empty list is `&[]`.
#[cfg(feature = "build-script")]
pub(crate) fn array<T>(
    out: &mut String,
    indent: &str,
    items: impl IntoIterator<Item = T>,
    mut entry: impl FnMut(&mut String, T),
) {
    let mut items = items.into_iter().peekable();
    if items.peek().is_none() {
        out.push_str("&[]");
        return;
    }
    out.push_str("&[\n");
    for item in items {
        out.push_str(indent);
        out.push_str("    ");
        entry(out, item);
        out.push_str(",\n");
    }
    out.push_str(indent);
    out.push(']');
}

/// Appends numbers as an array literal, as many to a line as fit in 100 columns.
#[cfg(feature = "build-script")]
pub(crate) fn number_array(out: &mut String, indent: &str, numbers: &[u32]) {
    if numbers.is_empty() {
        out.push_str("&[]");
        return;
    }
    out.push_str("&[");
    let mut column = 100;
    let mut number = String::new();
    for value in numbers {
        number.clear();
        // Writing to a `String` cannot fail.
        let _ = write!(number, "{value}");
        if column + number.len() + 2 > 100 {
            out.push('\n');
            out.push_str(indent);
            out.push_str("    ");
            column = indent.len() + 4;
        } else {
            out.push(' ');
            column += 1;
        }
        out.push_str(&number);
        out.push(',');
        column += number.len() + 1;
    }
    out.push('\n');
    out.push_str(indent);
    out.push(']');
}

/// Tokens of a fragment written by this module, for front ends that emit tokens (the derive).
/// The fragments are well-formed by construction; if one ever is not, the user's build fails
/// with a `compile_error!` naming the bug instead of the derive panicking.
pub(crate) fn tokens(text: &str) -> TokenStream {
    text.parse().unwrap_or_else(|error| {
        let message = format!("errcat-codegen produced invalid Rust ({error}); please report this");
        quote::quote!(::core::compile_error!(#message))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literal(text: &str) -> String {
        let mut out = String::new();
        str_literal(&mut out, text);
        out
    }

    #[test]
    fn string_literals_hold_exactly_their_text() {
        let hostile = [
            "plain",
            "it's",
            "quote \" backslash \\ end",
            "\"; panic!(); \"",
            "line\nbreak\r\nand\ttab",
            "nul \0 and bell \u{7}",
            "bidi \u{202e}override\u{2066} marks \u{200e}\u{200f}",
            "separators \u{2028} \u{2029} bom \u{feff}",
            "\u{301}combining first",
            "emoji 🦀 and accents é’",
            "",
        ];
        for text in hostile {
            let written = literal(text);
            let parsed: syn::LitStr = syn::parse_str(&written).expect(&written);
            assert_eq!(parsed.value(), text, "{written}");
            assert!(!written.contains('\n') && !written.contains('\u{202e}'));
        }
        assert_eq!(literal("it's"), "\"it's\"");
    }

    #[test]
    fn optional_literals_use_the_requested_spelling() {
        let mut out = String::new();
        optional_str_literal(&mut out, Some("x"), false);
        out.push(' ');
        optional_str_literal(&mut out, None, false);
        out.push(' ');
        optional_str_literal(&mut out, Some("x"), true);
        out.push(' ');
        optional_str_literal(&mut out, None, true);
        assert_eq!(
            out,
            "Some(\"x\") None ::core::option::Option::Some(\"x\") ::core::option::Option::None"
        );
    }

    #[test]
    fn arrays_put_one_entry_per_line() {
        let mut out = String::new();
        array(&mut out, "    ", ["a", "b"], |out, item| out.push_str(item));
        assert_eq!(out, "&[\n        a,\n        b,\n    ]");
        let mut empty = String::new();
        array(&mut empty, "", Vec::<&str>::new(), |out, item| {
            out.push_str(item)
        });
        assert_eq!(empty, "&[]");
    }

    #[test]
    fn number_arrays_wrap_at_one_hundred_columns() {
        let numbers: Vec<u32> = (0..200).map(|n| n * 1_000).collect();
        let mut out = String::new();
        number_array(&mut out, "        ", &numbers);
        let parsed: syn::ExprReference = syn::parse_str(&out).unwrap();
        let syn::Expr::Array(array) = *parsed.expr else {
            panic!("not an array: {out}");
        };
        assert_eq!(array.elems.len(), numbers.len());
        assert!(out.lines().all(|line| line.len() <= 100), "{out}");
        assert!(out.lines().count() < numbers.len() / 5);
        let mut empty = String::new();
        number_array(&mut empty, "", &[]);
        assert_eq!(empty, "&[]");
    }

    #[test]
    fn struct_literals_put_one_field_per_line() {
        let mut out = String::new();
        StructLiteral::open(&mut out, "    ", "Info")
            .str_field("wire", "a\"b")
            .field("status", |out| out.push_str("400"))
            .close();
        assert_eq!(
            out,
            "Info {\n        wire: \"a\\\"b\",\n        status: 400,\n    }"
        );
    }

    #[test]
    fn doc_comments_are_one_line_each() {
        let mut out = String::new();
        doc_comment(&mut out, "    ", &[" first".to_owned(), String::new()]);
        assert_eq!(out, "    /// first\n    ///\n");
    }

    #[test]
    fn invalid_fragments_become_compile_errors() {
        assert_eq!(
            tokens("Some(\"x\")").to_string(),
            quote::quote!(Some("x")).to_string()
        );
        let broken = tokens("Some(").to_string();
        assert!(broken.contains("compile_error"), "{broken}");
    }
}
