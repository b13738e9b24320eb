//! Message templates of derived errors: `"order {id} not found"`, `"{0}"`, `"{amount:>8.2}"`,
//! `"{reason:?}"`, with `{{` and `}}` for literal braces, as in `format!` and thiserror.
//!
//! Parsing rewrites every placeholder to a private argument name, so that the generated
//! `write!` passes each field explicitly (a format string built by a macro cannot capture
//! variables implicitly).

/// What a placeholder refers to.
///
/// # Example
///
/// ```
/// use errcat_codegen::template::{parse, FieldRef};
///
/// assert_eq!(parse("{0}").unwrap().arguments[0].field, FieldRef::Index(0));
/// assert_eq!(parse("{id}").unwrap().arguments[0].field, FieldRef::Named("id".into()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldRef {
    /// A named field (`{id}`).
    Named(String),
    /// A tuple field (`{0}`).
    Index(usize),
}

/// One field a template uses, with how it is formatted.
///
/// # Example
///
/// ```
/// let template = errcat_codegen::template::parse("{reason:?} ({reason})").unwrap();
/// let reason = &template.arguments[0];
/// assert!(reason.debug && reason.display); // formatted both ways
/// assert_eq!(reason.name, "__reason");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Argument {
    /// The field.
    pub field: FieldRef,
    /// The argument name in [`Template::format`].
    pub name: String,
    /// Whether some placeholder formats it with `Debug` (`?` in the spec).
    pub debug: bool,
    /// Whether some placeholder formats it with `Display`.
    pub display: bool,
    /// The bytes of its first placeholder in [`Template::text`], braces included.
    pub first: std::ops::Range<usize>,
}

/// A parsed template.
///
/// # Example
///
/// ```
/// let template = errcat_codegen::template::parse("{amount:>8.2} for {0}").unwrap();
/// assert_eq!(template.text, "{amount:>8.2} for {0}");
/// assert_eq!(template.format, "{__amount:>8.2} for {__0}"); // every field passed by name
/// assert_eq!(template.arguments.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    /// The original text.
    pub text: String,
    /// The text with every placeholder renamed to its argument name.
    pub format: String,
    /// The fields used, each once, in order of first use.
    pub arguments: Vec<Argument>,
}

/// Parses a template; the error says what is wrong and what to write instead.
///
/// # Example
///
/// ```
/// use errcat_codegen::template::{parse, FieldRef};
///
/// let template = parse("order {id} not found ({0:?})").unwrap();
/// assert_eq!(template.format, "order {__id} not found ({__0:?})");
/// let fields: Vec<&FieldRef> = template.arguments.iter().map(|argument| &argument.field).collect();
/// assert_eq!(fields, [&FieldRef::Named("id".into()), &FieldRef::Index(0)]);
/// assert_eq!(&template.text[template.arguments[0].first.clone()], "{id}");
/// assert!(parse("unclosed {id").is_err());
/// ```
pub fn parse(text: &str) -> Result<Template, String> {
    let mut format = String::with_capacity(text.len());
    let mut arguments: Vec<Argument> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|(_, next)| *next == '{') => {
                chars.next();
                format.push_str("{{");
            }
            '}' if chars.peek().is_some_and(|(_, next)| *next == '}') => {
                chars.next();
                format.push_str("}}");
            }
            '}' => {
                return Err(
                    "unmatched `}` in the message; write `}}` for a literal brace".to_owned(),
                )
            }
            '{' => {
                let mut inner = String::new();
                let mut end = None;
                for (at, c) in chars.by_ref() {
                    if c == '}' {
                        end = Some(at + 1);
                        break;
                    }
                    inner.push(c);
                }
                let Some(end) = end else {
                    return Err(
                        "unclosed `{` in the message; write `{{` for a literal brace".to_owned(),
                    );
                };
                let (reference, spec) = match inner.split_once(':') {
                    Some((reference, spec)) => (reference.trim(), Some(spec)),
                    None => (inner.trim(), None),
                };
                let field = field_ref(reference)?;
                if spec.is_some_and(|spec| spec.contains('$')) {
                    return Err(format!(
                        "`{{{inner}}}` takes a width or precision from an argument (`$`), which messages do not support; write the number"
                    ));
                }
                let debug = spec.is_some_and(|spec| spec.ends_with('?'));
                let name = match &field {
                    FieldRef::Named(name) => format!("__{}", name.trim_start_matches("r#")),
                    FieldRef::Index(index) => format!("__{index}"),
                };
                format.push('{');
                format.push_str(&name);
                if let Some(spec) = spec {
                    format.push(':');
                    format.push_str(spec);
                }
                format.push('}');
                match arguments
                    .iter_mut()
                    .find(|argument| argument.field == field)
                {
                    Some(argument) => {
                        argument.debug |= debug;
                        argument.display |= !debug;
                    }
                    None => arguments.push(Argument {
                        field,
                        name,
                        debug,
                        display: !debug,
                        first: start..end,
                    }),
                }
            }
            other => format.push(other),
        }
    }
    Ok(Template {
        text: text.to_owned(),
        format,
        arguments,
    })
}

fn field_ref(reference: &str) -> Result<FieldRef, String> {
    if reference.is_empty() {
        return Err("a `{}` in the message names no field; write `{0}` for a tuple field or `{name}` for a named one".to_owned());
    }
    if reference.bytes().all(|b| b.is_ascii_digit()) {
        return reference
            .parse()
            .map(FieldRef::Index)
            .map_err(|_| format!("`{{{reference}}}` is not a field index"));
    }
    let bare = reference.strip_prefix("r#").unwrap_or(reference);
    let valid = bare
        .chars()
        .next()
        .is_some_and(|c| c == '_' || c.is_alphabetic())
        && bare.chars().all(|c| c == '_' || c.is_alphanumeric());
    if valid {
        Ok(FieldRef::Named(bare.to_owned()))
    } else {
        Err(format!(
            "`{{{reference}}}` in the message is not a field; write `{{name}}` or `{{0}}` (expressions are not supported)"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_placeholders_and_keeps_escapes() {
        let template =
            parse("order {id} of {0:>5} costs {amount:.2} ({id:?}) {{literal}}").unwrap();
        assert_eq!(
            template.format,
            "order {__id} of {__0:>5} costs {__amount:.2} ({__id:?}) {{literal}}"
        );
        let fields: Vec<_> = template
            .arguments
            .iter()
            .map(|a| (&a.field, a.display, a.debug))
            .collect();
        assert_eq!(
            fields,
            [
                (&FieldRef::Named("id".into()), true, true),
                (&FieldRef::Index(0), true, false),
                (&FieldRef::Named("amount".into()), true, false),
            ]
        );
        assert_eq!(parse("plain").unwrap().arguments, []);
        assert_eq!(parse("{r#type}").unwrap().format, "{__type}");
    }

    #[test]
    fn rejects_what_format_would_reject() {
        assert!(parse("{}").unwrap_err().contains("names no field"));
        assert!(parse("{:?}").unwrap_err().contains("names no field"));
        assert!(parse("open {").unwrap_err().contains("unclosed"));
        assert!(parse("close }").unwrap_err().contains("unmatched"));
        assert!(parse("{a.b}").unwrap_err().contains("not a field"));
        assert!(parse("{x:1$}").unwrap_err().contains("`$`"));
    }
}
