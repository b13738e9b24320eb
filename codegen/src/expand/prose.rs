//! Catalog prose as rustdoc that cannot run or link: every line inert (no code block, HTML or
//! bare URL), Markdown that the author wrote kept where it is harmless.

use proc_macro2::TokenStream;
use quote::quote;

use crate::text;

/// The `#[doc = "…"]` attribute of `text`. Characters rustc refuses in doc comments
/// (a lone carriage return, text-direction controls) and other control characters are shown as
/// `\u{…}` escapes: docs are for reading, and the string literals keep the exact text.
pub(super) fn doc_lines(text: &str) -> TokenStream {
    let docs = doc_text_lines(text);
    if docs.is_empty() {
        return TokenStream::new();
    }
    // One attribute for the whole text: far fewer tokens for the compiler than one per line.
    let doc = docs.join("\n");
    quote!(#[doc = #doc])
}

/// The lines of the documentation of `text`, as [`doc_lines`] and [`text::doc_comment`] write
/// them: each starts with a space (or is empty) and holds no control character, and no line can
/// open a Markdown block that would run or break anything (see [`inert_line`]).
pub(super) fn doc_text_lines(text: &str) -> Vec<String> {
    let mut docs = Vec::new();
    // Inside a list: the column where the last item's text starts.
    let mut in_list: Option<usize> = None;
    let mut after_blank = false;
    for line in text.trim_end().lines() {
        let line = &*inert_line(line);
        let blank = line.trim().is_empty();
        if !blank {
            let item_content = list_item_content(line);
            let indent = line.len() - line.trim_start_matches(' ').len();
            // A line in a list that is neither an item nor indented to the last item's text
            // would be read as part of the item (a "lazy continuation", which clippy's
            // `doc_lazy_continuation` flags in users' crates); a blank line keeps it a paragraph
            // of its own, as the catalog meant. Blank lines do not end a list: an indented line
            // after one still belongs to the item.
            let continues = in_list.is_some_and(|content| indent >= content);
            if in_list.is_some() && item_content.is_none() && !continues && !after_blank {
                docs.push(String::new());
            }
            in_list = item_content.or(if continues { in_list } else { None });
        }
        after_blank = blank;
        if line.is_empty() {
            docs.push(String::new());
            continue;
        }
        let mut doc = String::with_capacity(line.len() + 1);
        doc.push(' ');
        text::copy_escaping(
            &mut doc,
            line,
            |byte| matches!(byte, b' '..=b'~'),
            |doc, c| {
                if c == '\t' {
                    // Tabs in doc comments trip clippy's `tabs_in_doc_comments` in users' crates.
                    doc.push_str("    ");
                } else if needs_escape_in_doc(c) {
                    doc.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
                } else {
                    doc.push(c);
                }
            },
        );
        docs.push(doc);
    }
    docs
}

/// One line of catalog prose made inert as a Markdown block for rustdoc, whatever the lines
/// around it:
///
/// - its indentation is capped at two spaces (a tab counts four), three with the space every doc
///   line starts with, so that it never starts an indented code block (four spaces), which
///   rustdoc compiles and runs as a doctest (a `fix:` text holding an indented `curl` command,
///   say); list items and their continuation lines keep their meaning;
/// - a leading run of backticks or tildes (a code fence: a doctest again, or an empty code block
///   that fails `cargo doc` under `deny(warnings)`) and a leading `<` (an HTML block) are escaped
///   with a backslash, which Markdown shows as the character itself.
///
/// Inline markup (links, HTML tags, bare URLs) is [`md`]'s part.
fn inert_line(line: &str) -> std::borrow::Cow<'_, str> {
    let body = line.trim_start_matches([' ', '\t']);
    let indent = &line[..line.len() - body.len()];
    // A leading `<` opens an HTML block, unless it starts an autolink (`md` writes those).
    let autolink = body.starts_with("<http://") || body.starts_with("<https://");
    let opens_block =
        body.starts_with("```") || body.starts_with("~~~") || (body.starts_with('<') && !autolink);
    if indent.len() < 3 && !indent.contains('\t') && !opens_block {
        return std::borrow::Cow::Borrowed(line);
    }
    let width: usize = indent.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
    let mut out = " ".repeat(width.min(2));
    if opens_block {
        out.push('\\');
    }
    out.push_str(body);
    std::borrow::Cow::Owned(out)
}

/// For a Markdown list item (`- x`, `* x`, `+ x`, `1. x`), the column where its text starts
/// (0-based: `- x` → 2, `  10. x` → 6); `None` for any other line.
fn list_item_content(line: &str) -> Option<usize> {
    // Bytes rather than `str` patterns: this runs for every doc line of every code.
    let body = line.trim_start();
    let indent = line.len() - body.len();
    let body = body.as_bytes();
    match body {
        [b'-' | b'*' | b'+', b' ', ..] => Some(indent + 2),
        [b'0'..=b'9', ..] => {
            let digits = body.iter().take_while(|byte| byte.is_ascii_digit()).count();
            body[digits..]
                .starts_with(b". ")
                .then_some(indent + digits + 2)
        }
        _ => None,
    }
}

/// Catalog text made inert as Markdown for rustdoc: brackets and angle brackets escaped (no
/// accidental intra-doc links or HTML tags), bare URLs turned into autolinks.
pub(super) fn md(text: &str) -> String {
    // Most catalog text has nothing to escape: one pass over the bytes instead of word by word
    // (this runs in build scripts, often compiled unoptimized, for every code of the catalog).
    let bytes = text.as_bytes();
    let has_markup = bytes
        .iter()
        .any(|byte| matches!(byte, b'[' | b']' | b'<' | b'>'));
    if !has_markup && !text.contains("http") {
        return text.to_owned();
    }
    fn escape_markup(out: &mut String, text: &str) {
        for c in text.chars() {
            if matches!(c, '[' | ']' | '<' | '>') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    let mut out = String::with_capacity(text.len());
    for token in text.split_inclusive(char::is_whitespace) {
        let (word, space) = token.split_at(token.trim_end().len());
        // A URL anywhere in the word (`(see https://…)`, `[link](https://…)`) becomes an
        // autolink, or a code span when it holds what an autolink cannot: never a bare URL,
        // which `rustdoc::bare_urls` reports.
        let url_at = ["http://", "https://"]
            .iter()
            .filter_map(|scheme| word.find(scheme))
            .min();
        match url_at {
            Some(at) => {
                escape_markup(&mut out, &word[..at]);
                let rest = &word[at..];
                let url = rest.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
                if url.contains(['<', '>', '[', ']', '`', '\\']) {
                    out.push_str(&code_span(url));
                } else {
                    out.push('<');
                    out.push_str(url);
                    out.push('>');
                }
                escape_markup(&mut out, &rest[url.len()..]);
            }
            None => escape_markup(&mut out, word),
        }
        out.push_str(space);
    }
    out
}

/// A wire string as a Markdown code span.
pub(super) fn code_span(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

fn needs_escape_in_doc(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
