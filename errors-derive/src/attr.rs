//! `#[api_error(...)]` attributes: read every key, record every mistake, never stop early.

use errcat_codegen::diagnostic::did_you_mean;
use errcat_codegen::model::{Category, RetryAdvice, CODE_FACT_KEYS};
use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned as _;

use crate::context::Context;
use crate::status;

/// A value and the span of the tokens it was written with.
#[derive(Clone)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
    /// The string literal the value was written as, when it was one (for spans inside it).
    pub literal: Option<proc_macro2::Literal>,
}

/// What one `#[api_error(...)]` list (or several on the same item) says.
#[derive(Default)]
pub struct Attrs {
    pub code: Option<Spanned<String>>,
    pub status: Option<Spanned<u64>>,
    pub message: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub user_message: Option<Spanned<String>>,
    pub fix: Option<Spanned<String>>,
    pub retry: Option<Spanned<RetryAdvice>>,
    pub category: Option<Spanned<Category>>,
    pub error_type: Option<Spanned<String>>,
    pub transparent: Option<Span>,
    pub other: Option<Span>,
    pub skip: Option<Span>,
    pub rename: Option<Spanned<String>>,
    pub retry_after: Option<Span>,
    pub request_id: Option<Span>,
    pub extra: Option<Span>,
    pub nested: Option<Spanned<String>>,
    pub code_key: Option<Spanned<String>>,
    pub message_key: Option<Spanned<String>>,
    pub type_key: Option<Spanned<String>>,
    pub field_key: Option<Spanned<String>>,
    pub request_id_key: Option<Spanned<String>>,
    pub rename_all: Option<Spanned<String>>,
    /// Keys that were written but rejected (for an unknown key, the key it likely meant), so
    /// that later checks do not report them missing as well.
    pub rejected: Vec<String>,
}

impl Attrs {
    /// Whether `key` was written, valid or not.
    pub fn rejected(&self, key: &str) -> bool {
        self.rejected.iter().any(|rejected| rejected == key)
    }
}

/// The envelope keys of a container.
const ENVELOPE_KEYS: &[&str] = &[
    "nested",
    "code_key",
    "message_key",
    "type_key",
    "field_key",
    "request_id_key",
];

/// Keys on an enum: its envelope, the default code case, and defaults for its variants.
pub fn enum_keys() -> Vec<&'static str> {
    [ENVELOPE_KEYS, &["rename_all", "status", "retry"]].concat()
}

/// Keys on a variant: the facts every code states (shared with YAML catalogs), and the
/// derive's own.
pub fn variant_keys() -> Vec<&'static str> {
    [CODE_FACT_KEYS, &["code", "transparent", "other"]].concat()
}

/// Keys on a struct: its envelope and the keys of its single kind.
pub fn struct_keys() -> Vec<&'static str> {
    [ENVELOPE_KEYS, CODE_FACT_KEYS, &["code", "transparent"]].concat()
}

/// Keys on a field.
pub const FIELD_KEYS: &[&str] = &["skip", "rename", "retry_after", "request_id", "extra"];

/// Reads every `#[api_error(...)]` of `attrs`, accepting the keys `allowed` (`what` names the
/// item in messages: "an enum", "a variant", …).
pub fn parse(attrs: &[syn::Attribute], allowed: &[&str], what: &str, cx: &mut Context) -> Attrs {
    let mut parsed = Attrs::default();
    for attr in attrs
        .iter()
        .filter(|attr| attr.path().is_ident("api_error"))
    {
        let result = attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_else(|| {
                    let path = &meta.path;
                    quote::quote!(#path).to_string().replace(' ', "")
                });
            if !allowed.contains(&key.as_str()) {
                let close = did_you_mean(&key, allowed);
                parsed
                    .rejected
                    .push(close.unwrap_or(key.as_str()).to_owned());
                let help = match close {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("{what} takes: {}", allowed.join(", ")),
                };
                cx.error(
                    &meta.path,
                    format!("unknown `api_error` key `{key}` on {what}; {help}"),
                );
                return skip_value(&meta);
            }
            let errors_before = cx.count();
            read_key(&key, &meta, &mut parsed, cx)?;
            if cx.count() > errors_before {
                parsed.rejected.push(key);
            }
            Ok(())
        });
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
    parsed
}

/// Consumes whatever value an unknown key has, so the keys after it are still read.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<proc_macro2::TokenStream>()?;
    }
    Ok(())
}

fn read_key(
    key: &str,
    meta: &ParseNestedMeta,
    parsed: &mut Attrs,
    cx: &mut Context,
) -> syn::Result<()> {
    match key {
        "code" => set(&mut parsed.code, string(key, meta, cx)?, meta, cx),
        "message" => set(&mut parsed.message, string(key, meta, cx)?, meta, cx),
        "description" => set(&mut parsed.description, string(key, meta, cx)?, meta, cx),
        "user_message" => set(&mut parsed.user_message, string(key, meta, cx)?, meta, cx),
        "fix" => set(&mut parsed.fix, string(key, meta, cx)?, meta, cx),
        "type" => set(&mut parsed.error_type, string(key, meta, cx)?, meta, cx),
        "nested" => set(&mut parsed.nested, string(key, meta, cx)?, meta, cx),
        "code_key" => set(&mut parsed.code_key, string(key, meta, cx)?, meta, cx),
        "message_key" => set(&mut parsed.message_key, string(key, meta, cx)?, meta, cx),
        "type_key" => set(&mut parsed.type_key, string(key, meta, cx)?, meta, cx),
        "field_key" => set(&mut parsed.field_key, string(key, meta, cx)?, meta, cx),
        "request_id_key" => set(&mut parsed.request_id_key, string(key, meta, cx)?, meta, cx),
        "rename_all" => {
            let rule = string(key, meta, cx)?;
            if let Some(rule) = &rule {
                if !errcat_codegen::ident::RENAME_RULES.contains(&rule.value.as_str()) {
                    cx.error_at(
                        rule.span,
                        format!(
                            "unknown `rename_all` rule `{}`; use one of: {}",
                            rule.value,
                            errcat_codegen::ident::RENAME_RULES.join(", ")
                        ),
                    );
                    return Ok(());
                }
            }
            set(&mut parsed.rename_all, rule, meta, cx)
        }
        "status" => set(&mut parsed.status, status_value(meta, cx)?, meta, cx),
        "retry" => {
            let word = word(
                key,
                meta,
                cx,
                RetryAdvice::from_word,
                &RetryAdvice::spellings(),
            )?;
            set(&mut parsed.retry, word, meta, cx)
        }
        "category" => {
            let word = word(key, meta, cx, Category::from_word, &Category::spellings())?;
            set(&mut parsed.category, word, meta, cx)
        }
        "transparent" => set(&mut parsed.transparent, flag(key, meta, cx)?, meta, cx),
        "other" => set(&mut parsed.other, flag(key, meta, cx)?, meta, cx),
        "skip" => set(&mut parsed.skip, flag(key, meta, cx)?, meta, cx),
        "rename" => set(&mut parsed.rename, string(key, meta, cx)?, meta, cx),
        "retry_after" => set(&mut parsed.retry_after, flag(key, meta, cx)?, meta, cx),
        "request_id" => set(&mut parsed.request_id, flag(key, meta, cx)?, meta, cx),
        "extra" => set(&mut parsed.extra, flag(key, meta, cx)?, meta, cx),
        _ => Ok(()),
    }
}

/// Stores a value, reporting a key given twice.
fn set<T>(
    slot: &mut Option<T>,
    value: Option<T>,
    meta: &ParseNestedMeta,
    cx: &mut Context,
) -> syn::Result<()> {
    if let Some(value) = value {
        if slot.is_some() {
            let path = &meta.path;
            let key = quote::quote!(#path).to_string();
            cx.error(
                &meta.path,
                format!("duplicate `api_error` key `{key}`; give it once"),
            );
        } else {
            *slot = Some(value);
        }
    }
    Ok(())
}

fn string(
    key: &str,
    meta: &ParseNestedMeta,
    cx: &mut Context,
) -> syn::Result<Option<Spanned<String>>> {
    if !meta.input.peek(syn::Token![=]) {
        cx.error(
            &meta.path,
            format!("`{key}` needs a value: `{key} = \"...\"`"),
        );
        return Ok(None);
    }
    let expr: syn::Expr = meta.value()?.parse()?;
    match &expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) => Ok(Some(Spanned {
            value: text.value(),
            span: text.span(),
            literal: Some(text.token()),
        })),
        other => {
            // Show the value quoted when that is likely what was meant (`retry = never`).
            let example = match other {
                syn::Expr::Lit(_) | syn::Expr::Path(_) => {
                    let written = quote::quote!(#other).to_string();
                    format!("`{key} = \"{written}\"`")
                }
                _ => format!("`{key} = \"...\"`"),
            };
            cx.error(
                other,
                format!("`{key}` takes a string literal: write {example}"),
            );
            Ok(None)
        }
    }
}

fn word<T>(
    key: &str,
    meta: &ParseNestedMeta,
    cx: &mut Context,
    parse: fn(&str) -> Option<T>,
    spellings: &str,
) -> syn::Result<Option<Spanned<T>>> {
    let Some(text) = string(key, meta, cx)? else {
        return Ok(None);
    };
    match parse(&text.value) {
        Some(value) => Ok(Some(Spanned {
            value,
            span: text.span,
            literal: None,
        })),
        None => {
            cx.error_at(
                text.span,
                format!(
                    "`{}` is not a valid `{key}`; use one of: {spellings}",
                    text.value
                ),
            );
            Ok(None)
        }
    }
}

fn flag(key: &str, meta: &ParseNestedMeta, cx: &mut Context) -> syn::Result<Option<Span>> {
    if meta.input.peek(syn::Token![=]) {
        let value: syn::Expr = meta.value()?.parse()?;
        cx.error(
            &value,
            format!("`{key}` takes no value: write `#[api_error({key})]`"),
        );
        return Ok(None);
    }
    Ok(Some(meta.path.span()))
}

/// `status = 404`, `status = NOT_FOUND` or `status = StatusCode::NOT_FOUND`.
fn status_value(meta: &ParseNestedMeta, cx: &mut Context) -> syn::Result<Option<Spanned<u64>>> {
    if !meta.input.peek(syn::Token![=]) {
        cx.error(
            &meta.path,
            "`status` needs a value: `status = 404` or `status = NOT_FOUND`",
        );
        return Ok(None);
    }
    let expr: syn::Expr = meta.value()?.parse()?;
    let span = expr.span();
    match &expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(number),
            ..
        }) => {
            match number.base10_parse::<u64>() {
                Ok(value) => Ok(Some(Spanned {
                    value,
                    span,
                    literal: None,
                })),
                Err(_) => {
                    cx.error(
                    number,
                    format!("status {} is not an HTTP status; use an error status between 400 and 599", number.base10_digits()),
                );
                    Ok(None)
                }
            }
        }
        syn::Expr::Path(path) => {
            let name = path
                .path
                .segments
                .last()
                .map(|segment| segment.ident.to_string())
                .unwrap_or_default();
            match status::by_name(&name) {
                Some(value) => Ok(Some(Spanned {
                    value: u64::from(value),
                    span,
                    literal: None,
                })),
                None => {
                    let names = status::names();
                    let help = match did_you_mean(&name, &names) {
                        Some(close) => format!("did you mean `{close}`?"),
                        None => "write the number, e.g. `status = 404`".to_owned(),
                    };
                    cx.error(
                        &expr,
                        format!("`{name}` is not an `http::StatusCode` constant; {help}"),
                    );
                    Ok(None)
                }
            }
        }
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) => {
            cx.error(
                &expr,
                format!("`status` takes a number or a `StatusCode` name, not a string: write `status = {}`", text.value()),
            );
            Ok(None)
        }
        other => {
            cx.error(other, "`status` takes a number (`status = 404`) or a `StatusCode` name (`status = NOT_FOUND`)");
            Ok(None)
        }
    }
}

/// The doc comment of an item as one line of text, with its span (the first line's).
pub fn doc_text(attrs: &[syn::Attribute]) -> Option<Spanned<String>> {
    let mut lines = Vec::new();
    let mut span = None;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("doc")) {
        if let syn::Meta::NameValue(syn::MetaNameValue {
            value:
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }),
            ..
        }) = &attr.meta
        {
            span.get_or_insert(text.span());
            let line = text.value();
            let line = line.trim();
            if !line.is_empty() {
                lines.push(line.to_owned());
            }
        }
    }
    let span = span?;
    (!lines.is_empty()).then(|| Spanned {
        value: lines.join(" "),
        span,
        literal: None,
    })
}
