//! Message patterns: a message text with `{placeholders}` (`API rate limit exceeded for {ip}.`)
//! that identifies an error whose message embeds values. The code generator parses and checks
//! patterns ([`parse`]); generated code keeps the parts, and the runtime matches texts against
//! them ([`captures`]) and fills them ([`fill`]), so both sides read a pattern the same way.

/// One part of a parsed pattern: literal text, or a named value.
///
/// # Example
///
/// ```
/// use errcat_table::pattern::{captures, fill, parse, Part};
///
/// let parts = parse("API rate limit exceeded for {ip}.").unwrap();
/// assert_eq!(parts[1], Part::Value("ip".to_owned()));
/// assert_eq!(captures(&parts, "API rate limit exceeded for 203.0.113.7."), Some(vec!["203.0.113.7"]));
/// assert_eq!(captures(&parts, "Not Found"), None);
/// assert_eq!(fill(&parts, &[("ip", "198.51.100.1")]), "API rate limit exceeded for 198.51.100.1.");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part<S> {
    /// Text that must appear as written.
    Text(S),
    /// A value the text carries here, by its placeholder name.
    Value(S),
}

/// Why a pattern cannot be parsed.
///
/// # Example
///
/// ```
/// use errcat_table::pattern::{parse, PatternError};
///
/// assert_eq!(parse(""), Err(PatternError::Empty));
/// assert!(matches!(parse("{a}{b}"), Err(PatternError::Adjacent { .. })));
/// assert!(matches!(parse("{id} and {id}"), Err(PatternError::Repeated { .. })));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternError {
    /// The pattern is empty.
    Empty,
    /// A `{` without its `}`, or a `}` without a `{` (write `{{` and `}}` for the braces
    /// themselves).
    UnmatchedBrace {
        /// Byte offset of the brace.
        at: usize,
    },
    /// A placeholder name that is not an identifier (`{1}`, `{}`, `{a b}`).
    BadName {
        /// The text between the braces.
        name: String,
    },
    /// Two placeholders with nothing between them: where one ends cannot be told.
    Adjacent {
        /// The second placeholder's name.
        name: String,
    },
    /// A placeholder used twice.
    Repeated {
        /// Its name.
        name: String,
    },
}

impl std::fmt::Display for PatternError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PatternError::Empty => f.write_str("the pattern is empty"),
            PatternError::UnmatchedBrace { at } => write!(
                f,
                "the brace at byte {at} opens or closes no placeholder (write `{{{{` or `}}}}` for a brace)"
            ),
            PatternError::BadName { name } => {
                write!(f, "`{{{name}}}` is not a placeholder: a name is letters, digits and `_`, not starting with a digit")
            }
            PatternError::Adjacent { name } => write!(
                f,
                "`{{{name}}}` follows another placeholder with no text between them"
            ),
            PatternError::Repeated { name } => write!(f, "`{{{name}}}` appears twice"),
        }
    }
}

/// Parses a pattern: `{name}` is a value, `{{` and `}}` are braces, everything else is text.
pub fn parse(pattern: &str) -> Result<Vec<Part<String>>, PatternError> {
    if pattern.is_empty() {
        return Err(PatternError::Empty);
    }
    let mut parts: Vec<Part<String>> = Vec::new();
    let mut text = String::new();
    let mut chars = pattern.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|(_, next)| *next == '{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek().is_some_and(|(_, next)| *next == '}') => {
                chars.next();
                text.push('}');
            }
            '}' => return Err(PatternError::UnmatchedBrace { at }),
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some((_, '}')) => break,
                        Some((_, c)) => name.push(c),
                        None => return Err(PatternError::UnmatchedBrace { at }),
                    }
                }
                let valid = name
                    .chars()
                    .next()
                    .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if !valid {
                    return Err(PatternError::BadName { name });
                }
                if parts
                    .iter()
                    .any(|part| matches!(part, Part::Value(other) if *other == name))
                {
                    return Err(PatternError::Repeated { name });
                }
                if text.is_empty() && matches!(parts.last(), Some(Part::Value(_))) {
                    return Err(PatternError::Adjacent { name });
                }
                if !text.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut text)));
                }
                parts.push(Part::Value(name));
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        parts.push(Part::Text(text));
    }
    Ok(parts)
}

/// The values `text` carries if it matches the pattern `parts`, in placeholder order; `None`
/// when it does not match. Each value is at least one character; text before the last value
/// ends at the first place the following text appears, and the last value runs to where the
/// pattern's final text begins, so `for {ip}.` reads `1.2.3.4` whole from `for 1.2.3.4.`.
pub fn captures<'t, S: AsRef<str>>(parts: &[Part<S>], text: &'t str) -> Option<Vec<&'t str>> {
    let mut rest = text;
    let mut values = Vec::new();
    for (index, part) in parts.iter().enumerate() {
        match part {
            Part::Text(literal) => rest = rest.strip_prefix(literal.as_ref())?,
            Part::Value(_) => {
                let first = rest.chars().next()?.len_utf8();
                let end = match parts.get(index + 1) {
                    None => rest.len(),
                    Some(Part::Value(_)) => return None,
                    Some(Part::Text(next)) => {
                        let next = next.as_ref();
                        if index + 2 == parts.len() {
                            // The pattern's final text: the value runs up to where it begins.
                            let end = rest.len().checked_sub(next.len())?;
                            if end < first || !rest.ends_with(next) {
                                return None;
                            }
                            end
                        } else {
                            rest[first..].find(next)? + first
                        }
                    }
                };
                values.push(&rest[..end]);
                rest = &rest[end..];
            }
        }
    }
    rest.is_empty().then_some(values)
}

/// The pattern with each placeholder replaced by its value in `values` (by name); a placeholder
/// without a value stays as written (`{ip}`).
pub fn fill<S: AsRef<str>>(parts: &[Part<S>], values: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for part in parts {
        match part {
            Part::Text(text) => out.push_str(text.as_ref()),
            Part::Value(name) => {
                let name = name.as_ref();
                match values.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Part<String> {
        Part::Text(s.to_owned())
    }

    fn value(s: &str) -> Part<String> {
        Part::Value(s.to_owned())
    }

    #[test]
    fn parses_text_values_and_escaped_braces() {
        assert_eq!(
            parse("API rate limit exceeded for {ip}.").unwrap(),
            [text("API rate limit exceeded for "), value("ip"), text(".")]
        );
        assert_eq!(
            parse("{{literal}} {a} and {b_2}").unwrap(),
            [text("{literal} "), value("a"), text(" and "), value("b_2")]
        );
        assert_eq!(parse("no values").unwrap(), [text("no values")]);
        assert_eq!(parse(""), Err(PatternError::Empty));
        assert_eq!(parse("a {b"), Err(PatternError::UnmatchedBrace { at: 2 }));
        assert_eq!(parse("a } b"), Err(PatternError::UnmatchedBrace { at: 2 }));
        for bad in ["{}", "{1x}", "{a b}", "{é}"] {
            assert!(
                matches!(parse(bad), Err(PatternError::BadName { .. })),
                "{bad}"
            );
        }
        assert_eq!(
            parse("{a}{b}"),
            Err(PatternError::Adjacent { name: "b".into() })
        );
        assert_eq!(
            parse("{a} {a}"),
            Err(PatternError::Repeated { name: "a".into() })
        );
    }

    #[test]
    fn captures_values_where_the_text_puts_them() {
        let ip = parse("API rate limit exceeded for {ip}.").unwrap();
        assert_eq!(
            captures(&ip, "API rate limit exceeded for 203.0.113.7."),
            Some(vec!["203.0.113.7"])
        );
        assert_eq!(captures(&ip, "API rate limit exceeded for ."), None);
        assert_eq!(captures(&ip, "API rate limit exceeded for 1.2"), None);
        assert_eq!(captures(&ip, "api rate limit exceeded for 1."), None);
        let two = parse("{resource} {id} was not found").unwrap();
        assert_eq!(
            captures(&two, "Customer cus_1 was not found"),
            Some(vec!["Customer", "cus_1"])
        );
        assert_eq!(captures(&two, "Customer cus_1 was not found!"), None);
        let middle = parse("amount {amount} exceeds {limit} for {currency}").unwrap();
        assert_eq!(
            captures(&middle, "amount 10 exceeds 5 for EUR"),
            Some(vec!["10", "5", "EUR"])
        );
        let exact = parse("Not Found").unwrap();
        assert_eq!(captures(&exact, "Not Found"), Some(vec![]));
        assert_eq!(captures(&exact, "Not Found."), None);
        // Non-ASCII text and values.
        let unicode = parse("Le montant {montant} € dépasse").unwrap();
        assert_eq!(
            captures(&unicode, "Le montant é € dépasse"),
            Some(vec!["é"])
        );
    }

    #[test]
    fn filling_then_capturing_gives_the_values_back() {
        let parts = parse("{resource} {id} was not found; see {url}").unwrap();
        let values = [
            ("resource", "Order"),
            ("id", "o_1"),
            ("url", "https://x.test/a"),
        ];
        let text = fill(&parts, &values);
        assert_eq!(text, "Order o_1 was not found; see https://x.test/a");
        assert_eq!(
            captures(&parts, &text),
            Some(vec!["Order", "o_1", "https://x.test/a"])
        );
        // Unfilled placeholders stay as written, and the text still matches the pattern.
        let unfilled = fill(&parts, &[]);
        assert_eq!(unfilled, "{resource} {id} was not found; see {url}");
        assert!(captures(&parts, &unfilled).is_some());
    }
}
