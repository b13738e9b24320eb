//! Random catalogs for the build script: names drawn from hostile alphabets (look-alike letters,
//! mixed scripts, characters NFKC changes, keywords, digits, punctuation, line breaks) and prose
//! drawn from Markdown and rustdoc syntax (code fences, indented code, HTML, links, bare URLs).
//!
//! Every catalog `check` accepts is compiled into `errcat_tests::random` under
//! `#![deny(warnings)]`, its doctests run with the crate's, and its docs are read by
//! `tests/tests/markdown_docs.rs`: the promise that what `check` accepts builds, documents and
//! runs nothing, checked on catalogs nobody wrote by hand. The sample is drawn from a fixed seed
//! (reproducible in CI); `ERRCAT_RANDOM_SEED` and `ERRCAT_RANDOM_CATALOGS` draw others.

use std::fmt::Write as _;

/// A small deterministic generator (xorshift64*): no dependency, same catalogs on every machine.
pub struct Draw(u64);

impl Draw {
    pub fn new(seed: u64) -> Draw {
        Draw(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Pieces of names: plain words, look-alikes (Cyrillic `а`, Greek `ο`), characters NFKC changes
/// (`ſ`, fullwidth, ligatures), other scripts, keywords and reserved names, digits,
/// punctuation, spaces, line breaks and invisible characters.
const NAME_PIECES: &[&str] = &[
    "card",
    "declined",
    "rate",
    "limit",
    "invalid",
    "ERROR",
    "Token",
    "cаrd",
    "gοod",
    "ſtatus",
    "ｃａｒｄ",
    "ﬁle",
    "é",
    "ß",
    "Ω",
    "漢字",
    "🙂",
    "type",
    "fn",
    "self",
    "Self",
    "crate",
    "super",
    "r#type",
    "Unknown",
    "unknown",
    "ALL",
    "INFO",
    "TABLE",
    "new",
    "decode",
    "code",
    "3ds",
    "42",
    "0",
    "_",
    "__",
    "-",
    ".",
    "/",
    ":",
    "::",
    " ",
    "\n",
    "\t",
    "\u{200b}",
    "\u{202e}",
    "\u{feff}",
    "\"",
    "'",
    "\\",
    "{}",
    "#",
    "*/",
];

/// Pieces of prose: Markdown and rustdoc syntax that must stay text.
const PROSE_PIECES: &[&str] = &[
    "The card was declined.",
    "```rust\npanic!(\"a random catalog's doctest ran\");\n```",
    "```\n```",
    "~~~\npanic!(\"tilde fence\");\n~~~",
    "    panic!(\"indented code ran\");",
    "\tpanic!(\"tab-indented code ran\");",
    "- a list item\n\n      panic!(\"code under a list item\");",
    "1. first\n2. second",
    "<script>alert(1)</script>",
    "<details><summary>x</summary>",
    "</div>",
    "<!-- an open comment",
    "[a link]",
    "[`Code`]",
    "[x]: https://example.com/x",
    "[^note]",
    "![image](https://example.com/i.png)",
    "https://example.com/errors/card_declined",
    "see https://example.com/a_(b).",
    "http://example.com/?q=1&r=2",
    "<https://example.com/auto>",
    "`code span`",
    "``",
    "*emphasis* and _underline_",
    "# a heading",
    "> a quote",
    "| a | b |\n|---|---|",
    "---",
    "trailing backslash \\",
    "{} {{}} {0} {name}",
    "\"quoted\" and 'single'",
    "*/ /* #[doc] #![inner]",
    "a lone \r carriage return",
    "NUL \u{0} and bell \u{7}",
    "bidi \u{202e} override",
    "&amp; &#58; &lt;",
    "    curl -X POST https://api.example.com/v1/payments \\\n      -d amount=100",
];

/// Statuses, most of them valid.
const STATUSES: &[u16] = &[400, 401, 402, 403, 404, 409, 422, 429, 500, 502, 503];

fn name(draw: &mut Draw) -> String {
    let pieces = 1 + draw.below(3);
    (0..pieces).map(|_| draw.pick(NAME_PIECES)).collect()
}

fn prose(draw: &mut Draw) -> String {
    let pieces = 1 + draw.below(4);
    let mut text = String::new();
    for index in 0..pieces {
        if index > 0 {
            text.push_str(draw.pick(&[" ", "\n", "\n\n"]));
        }
        text.push_str(draw.pick(PROSE_PIECES));
    }
    text
}

/// A YAML double-quoted scalar holding `text` exactly (JSON's string syntax is YAML's).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// A name the generator keeps for a code or type: one `variant_name` accepts, or, now and
/// then, a hostile one for `check` to refuse (the whole catalog is then refused).
fn accepted_name(draw: &mut Draw, taken: &mut Vec<String>, hostile_percent: usize) -> String {
    for _ in 0..64 {
        let wire = name(draw);
        let variant = errcat_codegen::ident::variant_name(&wire, "E");
        let fits = variant
            .as_ref()
            .is_ok_and(|variant| !taken.contains(variant))
            && !wire.trim().is_empty();
        if fits || draw.chance(hostile_percent) {
            taken.push(variant.unwrap_or_default());
            return wire;
        }
    }
    format!("code_{}", taken.len())
}

/// One random catalog's text, for the provider `random_<index>`.
pub fn catalog(draw: &mut Draw, index: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "provider: random_{index}");
    let _ = writeln!(out, "name: {}", quoted(&name(draw)));
    let _ = writeln!(out, "description: {}", quoted(&prose(draw)));
    out.push_str("envelope:\n  keys:\n    code: code\n    message: message\n    type: type\n");
    out.push_str("  fields:\n");
    let _ = writeln!(
        out,
        "    doc_url: {{kind: url, description: {}}}",
        quoted(&prose(draw))
    );
    out.push_str("statuses:\n");
    let mut statuses: Vec<u16> = (0..1 + draw.below(3))
        .map(|_| STATUSES[draw.below(STATUSES.len())])
        .collect();
    statuses.sort_unstable();
    statuses.dedup();
    for status in &statuses {
        let _ = writeln!(out, "  {status}: {{meaning: {}}}", quoted(&prose(draw)));
    }
    let mut types = Vec::new();
    out.push_str("types:\n");
    let type_wire = accepted_name(draw, &mut types, 3);
    let _ = writeln!(
        out,
        "  {}: {{description: {}, status: {}}}",
        quoted(&type_wire),
        quoted(&prose(draw)),
        statuses[0]
    );
    out.push_str("codes:\n");
    let mut variants = Vec::new();
    for _ in 0..1 + draw.below(4) {
        let wire = accepted_name(draw, &mut variants, 3);
        let status = statuses[draw.below(statuses.len())];
        let _ = writeln!(out, "  {}:", quoted(&wire));
        let _ = writeln!(out, "    status: {status}");
        let _ = writeln!(out, "    message: {}", quoted(&prose(draw)));
        for key in ["description", "user_message", "fix"] {
            if draw.chance(70) {
                let _ = writeln!(out, "    {key}: {}", quoted(&prose(draw)));
            }
        }
        if draw.chance(50) {
            let _ = writeln!(out, "    type: {}", quoted(&type_wire));
        }
        if draw.chance(50) {
            let body = serde_json::json!({
                "code": wire,
                "message": prose(draw),
                "doc_url": prose(draw),
            });
            let _ = writeln!(out, "    examples:\n      - body: {body}");
        }
    }
    out
}
