//! The derive input read into errcat-codegen's catalog model and derived-type description,
//! validated, and expanded.

use errcat_codegen::derived::{self, DerivedType, Field, Kind, Marker, Role, Style, Variant};
use errcat_codegen::diagnostic::Diagnostics;
use errcat_codegen::model::{
    Catalog, Code, Envelope, EnvelopeKey, ErrorType, FrontEnd, IdentifyBy, Located, Origin, Slot,
};
use errcat_codegen::template::{self, FieldRef, Template};
use errcat_codegen::{ident, validate};
use proc_macro2::{Span, TokenStream};

use crate::attr::{self, Attrs, Spanned};
use crate::context::Context;

/// The whole derive: impls, or every error found plus minimal impls.
pub fn expand(input: &syn::DeriveInput) -> TokenStream {
    let mut cx = Context::default();
    let expanded = read(input, &mut cx);
    let fallback = || match input.data {
        // Nothing can use a union as an error; stubs would only add noise.
        syn::Data::Union(_) => TokenStream::new(),
        _ => derived::fallback(&input.ident, &input.generics, &from_types(input)),
    };
    match (cx.finish(), expanded) {
        (None, Some(tokens)) => tokens,
        (Some(errors), _) => {
            let fallback = fallback();
            quote::quote!(#errors #fallback)
        }
        (None, None) => fallback(),
    }
}

/// The types of the `#[from]` fields, read straight from the input (for the fallback impls,
/// whatever else is wrong).
fn from_types(input: &syn::DeriveInput) -> Vec<syn::Type> {
    let fields: Vec<&syn::Field> = match &input.data {
        syn::Data::Struct(data) => data.fields.iter().collect(),
        syn::Data::Enum(data) => data
            .variants
            .iter()
            .flat_map(|variant| variant.fields.iter())
            .collect(),
        syn::Data::Union(_) => Vec::new(),
    };
    let mut types: Vec<syn::Type> = Vec::new();
    for field in fields {
        let is_from = field.attrs.iter().any(|attr| attr.path().is_ident("from"));
        let written = |ty: &syn::Type| quote::quote!(#ty).to_string();
        if is_from
            && !types
                .iter()
                .any(|known| written(known) == written(&field.ty))
        {
            types.push(field.ty.clone());
        }
    }
    types
}

fn located<T>(value: T, span: Span) -> Located<T> {
    Located::new(value, Origin::Span(span))
}

fn read(input: &syn::DeriveInput, cx: &mut Context) -> Option<TokenStream> {
    let (is_struct, container) = match &input.data {
        syn::Data::Union(data) => {
            cx.error(
                data.union_token,
                "`ApiError` cannot be derived for a union; use an enum (one variant per error) or a struct (one error)",
            );
            return None;
        }
        syn::Data::Struct(_) => (
            true,
            attr::parse(&input.attrs, &attr::struct_keys(), "a struct", cx),
        ),
        syn::Data::Enum(_) => (
            false,
            attr::parse(&input.attrs, &attr::enum_keys(), "an enum", cx),
        ),
    };
    let rule = container
        .rename_all
        .as_ref()
        .map_or("snake_case", |rule| rule.value.as_str());

    let mut variants = Vec::new();
    let mut codes = Vec::new();
    match &input.data {
        syn::Data::Struct(data) => {
            let variant = read_variant(
                &input.ident,
                &data.fields,
                container_as_variant(&container),
                true,
                rule,
                &container,
                cx,
            );
            push(variant, &mut variants, &mut codes);
        }
        syn::Data::Enum(data) => {
            if data.variants.is_empty() {
                cx.error(&input.ident, "an error enum needs at least one variant");
            }
            for variant in &data.variants {
                let attrs = attr::parse(&variant.attrs, &attr::variant_keys(), "a variant", cx);
                let attrs = with_doc(attrs, &variant.attrs);
                let read = read_variant(
                    &variant.ident,
                    &variant.fields,
                    attrs,
                    false,
                    rule,
                    &container,
                    cx,
                );
                push(read, &mut variants, &mut codes);
            }
        }
        syn::Data::Union(_) => return None,
    }
    check_other_variants(&variants, cx);
    check_from_types(&variants, cx);

    let catalog = catalog(input, &container, codes);
    let mut diagnostics = Diagnostics::default();
    let provider = validate::check(&catalog, &mut diagnostics);
    for diagnostic in diagnostics.into_vec() {
        let span = match diagnostic.origin {
            Origin::Span(span) => span,
            _ => input.ident.span(),
        };
        let message = match diagnostic.help {
            Some(help) => format!(
                "{}\n\nhelp: {}",
                derive_text(&diagnostic.message),
                derive_text(&help)
            ),
            None => derive_text(&diagnostic.message),
        };
        cx.error_at(span, message);
    }
    if cx.has_errors() {
        return None;
    }
    let derived = DerivedType {
        ident: input.ident.clone(),
        generics: input.generics.clone(),
        is_struct,
        variants: variants.into_iter().map(|read| read.variant).collect(),
        other_status: container
            .status
            .as_ref()
            .and_then(|status| u16::try_from(status.value).ok())
            .unwrap_or(500),
        other_retry: container.retry.as_ref().map(|retry| retry.value),
    };
    Some(derived::expand(&derived, &provider?))
}

/// The shared rules speak of catalog keys; on a derive the same thing is an attribute.
fn derive_text(text: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("add `status:`", "add `#[api_error(status = ...)]`"),
        ("(or give its type a default `status`)", "(or a default `status` on the enum)"),
        ("give one of them `rust_name:`", "give one of them its own `#[api_error(code = \"...\")]`"),
        (
            "a body could not say which one it means; merge them into one code",
            "a body could not say which one it means; give one of them its own `#[api_error(code = \"...\")]`",
        ),
        ("`nested_under` is empty", "`nested` is empty"),
        (
            "name the key (`nested_under: error`), or remove `nested_under` for a flat body",
            "name the key, e.g. `nested = \"error\"`, or remove `nested` for a flat body",
        ),
        ("use the status the provider sends, between 400 and 599", "use an error status between 400 and 599"),
        ("write the message, or remove the key", "write the message (or remove `message` to use the doc comment)"),
        ("write the user message, or remove the key", "write the user message, or remove `user_message`"),
        ("write the fix, or remove the key", "write the fix, or remove `fix`"),
    ];
    WORDS
        .iter()
        .fold(text.to_owned(), |text, (catalog, derive)| {
            text.replace(catalog, derive)
        })
}

/// A struct's own keys, as the attributes of its single variant.
fn container_as_variant(container: &Attrs) -> Attrs {
    Attrs {
        code: container.code.clone(),
        status: container.status.clone(),
        message: container.message.clone(),
        description: container.description.clone(),
        user_message: container.user_message.clone(),
        fix: container.fix.clone(),
        retry: container.retry.clone(),
        category: container.category.clone(),
        error_type: container.error_type.clone(),
        transparent: container.transparent,
        ..Attrs::default()
    }
}

/// A doc comment is the message of a variant without `message` (not of `other` or
/// `transparent` variants, whose message comes from elsewhere).
fn with_doc(mut attrs: Attrs, raw: &[syn::Attribute]) -> Attrs {
    if attrs.message.is_none() && attrs.other.is_none() && attrs.transparent.is_none() {
        attrs.message = attr::doc_text(raw);
    }
    attrs
}

/// A variant as read: the derived description and, for a code, its catalog entry.
struct ReadVariant {
    variant: Variant,
    code: Option<Code>,
    other_span: Option<Span>,
    from: Option<(String, syn::Type)>,
}

fn push(read: Option<ReadVariant>, variants: &mut Vec<ReadVariant>, codes: &mut Vec<Code>) {
    if let Some(mut read) = read {
        if let Some(code) = read.code.take() {
            if let Kind::Code { index, .. } = &mut read.variant.kind {
                *index = codes.len();
            }
            codes.push(code);
        }
        variants.push(read);
    }
}

fn read_variant(
    ident: &syn::Ident,
    fields: &syn::Fields,
    attrs: Attrs,
    is_struct: bool,
    rule: &str,
    container: &Attrs,
    cx: &mut Context,
) -> Option<ReadVariant> {
    let style = match fields {
        syn::Fields::Unit => Style::Unit,
        syn::Fields::Unnamed(_) => Style::Tuple,
        syn::Fields::Named(_) => Style::Struct,
    };
    let fields = read_fields(fields, cx);
    let source_count = fields
        .iter()
        .filter(|field| matches!(field.role, Role::Source | Role::From))
        .count();
    if source_count > 1 {
        cx.error(ident, format!("`{ident}` has {source_count} source fields; mark one field `#[source]` or `#[from]`"));
    }
    let from_field = fields.iter().find(|field| field.role == Role::From);
    if let Some(from_field) = from_field {
        let ty = &from_field.ty;
        let source_type = quote::quote!(#ty).to_string().replace(' ', "");
        for extra in fields.iter().filter(|field| field.role != Role::From) {
            cx.error(
                &extra.member_tokens,
                format!(
                    "`#[from]` builds `{ident}` from a `{source_type}` alone, so `{ident}` can have no other field; remove this field, or mark the source `#[source]` instead of `#[from]`"
                ),
            );
        }
    }
    let from = from_field.map(|field| {
        let ty = &field.ty;
        (quote::quote!(#ty).to_string(), field.ty.clone())
    });
    let field_tokens: Vec<TokenStream> = fields
        .iter()
        .map(|field| field.member_tokens.clone())
        .collect();
    let fields: Vec<Field> = fields.into_iter().map(|field| field.field).collect();
    let rejected_kind = attrs.rejected("transparent") || attrs.rejected("other");
    if rejected_kind {
        // Reported where it was written; what the variant is cannot be known.
        return None;
    }

    if let Some(span) = attrs.other {
        if is_struct {
            cx.error_at(
                span,
                "`other` marks the variant that receives unknown codes; a struct has only one kind",
            );
        }
        let is_string = fields.len() == 1 && is_string(&fields[0].ty);
        if !is_string && !is_full_other(&fields) {
            let message = format!("the `other` variant receives unknown codes as a `String`: write `{ident}(String)`, `{ident} {{ code: String }}`, or `{ident} {{ code: String, message: String, #[api_error(extra)] extra: serde_json::Map<String, serde_json::Value> }}` to keep the message and every other key");
            match fields.as_slice() {
                [field] => cx.error(&field.ty, message),
                _ => cx.error(ident, message),
            }
        }
        let conflicting = [
            attrs.code.as_ref().map(|a| a.span),
            attrs.message.as_ref().map(|a| a.span),
            attrs.status.as_ref().map(|a| a.span),
            attrs.transparent,
        ];
        for span in conflicting.into_iter().flatten() {
            cx.error_at(
                span,
                "the `other` variant takes its code from the body; remove this key",
            );
        }
        return Some(ReadVariant {
            variant: Variant {
                ident: ident.clone(),
                style,
                fields,
                kind: Kind::Other,
            },
            code: None,
            other_span: Some(span),
            from,
        });
    }
    if fields.iter().any(|field| field.role == Role::Extra) {
        cx.error(
            ident,
            format!("`#[api_error(extra)]` marks the map of an `other` variant (`Other {{ code: String, message: String, #[api_error(extra)] extra: Map<…> }}`); `{ident}` is not one"),
        );
    }
    if attrs.transparent.is_some() {
        let message = format!(
            "a `transparent` variant forwards everything to its one field, but `{ident}` has {} fields; remove the extra fields, or drop `transparent` and give `{ident}` a message",
            fields.len()
        );
        match field_tokens.split_first() {
            None => cx.error(ident, message),
            Some((_, extra)) => {
                for tokens in extra {
                    cx.error(tokens, &message);
                }
            }
        }
        let conflicting = [
            attrs.code.as_ref().map(|a| a.span),
            attrs.status.as_ref().map(|a| a.span),
            attrs.user_message.as_ref().map(|a| a.span),
            attrs.error_type.as_ref().map(|a| a.span),
        ];
        for conflict in conflicting.into_iter().flatten() {
            cx.error_at(
                conflict,
                "a `transparent` variant takes this from its inner error; remove this key",
            );
        }
        return Some(ReadVariant {
            variant: Variant {
                ident: ident.clone(),
                style,
                fields,
                kind: Kind::Transparent,
            },
            code: None,
            other_span: None,
            from,
        });
    }

    let wire = match &attrs.code {
        Some(code) => code.clone(),
        None => Spanned {
            value: ident::rename(&ident.to_string(), rule).unwrap_or_default(),
            span: ident.span(),
            literal: None,
        },
    };
    let Some(message) = attrs.message.clone() else {
        if attrs.rejected("message") {
            return None;
        }
        cx.error(
            ident,
            format!(
                "`{ident}` has no message; add `#[api_error(message = \"...\")]` or a doc comment"
            ),
        );
        return None;
    };
    let template = match template::parse(&message.value) {
        Ok(template) => template,
        Err(problem) => {
            cx.error_at(message.span, problem);
            return None;
        }
    };
    check_template(ident, &template, &fields, style, &message, cx);
    if attrs.rejected("status") || (attrs.status.is_none() && container.rejected("status")) {
        // The status was written but rejected: reported there, not again as missing.
        return None;
    }
    let status = attrs.status.clone().or_else(|| container.status.clone());
    let retry = attrs
        .retry
        .as_ref()
        .or(container.retry.as_ref())
        .map(|retry| retry.value);
    let code = Code {
        key: located(wire.value.clone(), wire.span),
        integer: false,
        rust_name: Some(located(ident.to_string(), ident.span())),
        error_type: attrs
            .error_type
            .as_ref()
            .map(|t| located(t.value.clone(), t.span)),
        statuses: status
            .map(|status| located(status.value, status.span))
            .into_iter()
            .collect(),
        message: located(message.value.clone(), message.span),
        pattern: None,
        shape: None,
        description: attrs.description.as_ref().map(|text| text.value.clone()),
        user_message: attrs
            .user_message
            .as_ref()
            .map(|text| located(text.value.clone(), text.span)),
        fix: attrs
            .fix
            .as_ref()
            .map(|text| located(text.value.clone(), text.span)),
        retry,
        category: attrs.category.as_ref().map(|category| category.value),
        endpoints: Vec::new(),
        examples: Vec::new(),
    };
    Some(ReadVariant {
        variant: Variant {
            ident: ident.clone(),
            style,
            fields,
            kind: Kind::Code {
                index: 0,
                template,
                error_type: attrs.error_type.map(|t| t.value),
            },
        },
        code: Some(code),
        other_span: None,
        from,
    })
}

/// Every placeholder of a message must name a field of its variant.
fn check_template(
    ident: &syn::Ident,
    template: &Template,
    fields: &[Field],
    style: Style,
    message: &Spanned<String>,
    cx: &mut Context,
) {
    let names: Vec<String> = fields
        .iter()
        .filter_map(|field| match &field.member {
            syn::Member::Named(name) => Some(name.to_string().trim_start_matches("r#").to_owned()),
            syn::Member::Unnamed(_) => None,
        })
        .collect();
    for argument in &template.arguments {
        let span = placeholder_span(message, argument.first.clone());
        match (&argument.field, style) {
            (FieldRef::Named(name), Style::Struct) if !names.contains(name) => {
                cx.error_at(span, format!("the message names `{{{name}}}`, but `{ident}` has no field `{name}` (its fields: {})", names.join(", ")));
            }
            (FieldRef::Named(name), Style::Tuple | Style::Unit) => {
                cx.error_at(span, format!("the message names `{{{name}}}`, but `{ident}` has no named fields; use `{{0}}` for a tuple field"));
            }
            (FieldRef::Index(index), Style::Tuple) if *index >= fields.len() => {
                cx.error_at(
                    span,
                    format!(
                        "the message uses `{{{index}}}`, but `{ident}` has {} field{}",
                        fields.len(),
                        if fields.len() == 1 { "" } else { "s" }
                    ),
                );
            }
            (FieldRef::Index(index), Style::Struct | Style::Unit) => {
                cx.error_at(span, format!("the message uses `{{{index}}}`, but `{ident}` has no tuple fields; name a field, e.g. `{{id}}`"));
            }
            _ => {}
        }
    }
}

/// The span of the text at `range` (bytes of the message's value) inside its string literal,
/// where the compiler can give one (`Literal::subspan` is unstable: on a stable compiler this is
/// the whole literal); the literal's span otherwise.
fn placeholder_span(message: &Spanned<String>, range: std::ops::Range<usize>) -> Span {
    message
        .literal
        .as_ref()
        .and_then(|literal| {
            let offset = source_offset(&literal.to_string(), &message.value)?;
            literal.subspan(range.start + offset..range.end + offset)
        })
        .unwrap_or(message.span)
}

/// Where `value` starts in `source`, a string literal's source text, when the value's bytes are
/// the source's bytes from there (`"…"` without escapes, `r#"…"#`); `None` otherwise.
fn source_offset(source: &str, value: &str) -> Option<usize> {
    let raw = source.strip_prefix('r');
    let hashes = raw.map_or(0, |rest| rest.len() - rest.trim_start_matches('#').len());
    // `r##"` opens and `"##` closes a raw literal; `"` both opens and closes a plain one.
    let (offset, closing) = if raw.is_some() {
        (2 + hashes, 1 + hashes)
    } else {
        (1, 1)
    };
    let inner = source.get(offset..source.len().checked_sub(closing)?)?;
    (inner == value).then_some(offset)
}

/// A field and the tokens it is written with (for errors about the field as a whole).
struct ReadField {
    field: Field,
    member_tokens: TokenStream,
}

impl std::ops::Deref for ReadField {
    type Target = Field;
    fn deref(&self) -> &Field {
        &self.field
    }
}

fn read_fields(fields: &syn::Fields, cx: &mut Context) -> Vec<ReadField> {
    let read: Vec<ReadField> = fields
        .iter()
        .enumerate()
        .map(|(index, field)| {
            let attrs = attr::parse(&field.attrs, attr::FIELD_KEYS, "a field", cx);
            let source = field
                .attrs
                .iter()
                .find(|attr| attr.path().is_ident("source"));
            let from = field.attrs.iter().find(|attr| attr.path().is_ident("from"));
            for marker in [source, from].into_iter().flatten() {
                if !matches!(marker.meta, syn::Meta::Path(_)) {
                    let name = if marker.path().is_ident("source") {
                        "source"
                    } else {
                        "from"
                    };
                    cx.error(
                        marker,
                        format!("`#[{name}]` takes no arguments: write `#[{name}]`"),
                    );
                }
            }
            let named_source = field.ident.as_ref().is_some_and(|name| name == "source");
            let role = match (from, source, attrs.skip) {
                (Some(_), _, _) => Role::From,
                (None, Some(_), _) => Role::Source,
                (None, None, Some(_)) => Role::Skip,
                (None, None, None) if attrs.extra.is_some() => Role::Extra,
                (None, None, None) if named_source => Role::Source,
                (None, None, None) => Role::Data,
            };
            let member = match &field.ident {
                Some(name) => syn::Member::Named(name.clone()),
                None => syn::Member::Unnamed(syn::Index::from(index)),
            };
            let marker = match (attrs.retry_after, attrs.request_id) {
                (Some(_), Some(span)) => {
                    cx.error_at(
                        span,
                        "a field is the retry-after seconds or the request id, not both",
                    );
                    None
                }
                (Some(_), None) => Some(Marker::RetryAfter),
                (None, Some(_)) => Some(Marker::RequestId),
                (None, None) => None,
            };
            let wire_only = [
                (attrs.rename.as_ref().map(|rename| rename.span), "rename"),
                (attrs.retry_after, "retry_after"),
                (attrs.request_id, "request_id"),
            ];
            if role != Role::Data {
                for (span, key) in wire_only {
                    if let Some(span) = span {
                        cx.error_at(
                            span,
                            format!("`{key}` is for a field sent on the wire, and this field is not (it is a source or skipped)"),
                        );
                    }
                }
            }
            if let Some(rename) = attrs.rename.as_ref().filter(|rename| rename.value.is_empty()) {
                cx.error_at(rename.span, "`rename` is empty: give the wire key");
            }
            ReadField {
                field: Field {
                    member,
                    ty: field.ty.clone(),
                    role,
                    rename: attrs.rename.map(|rename| rename.value),
                    marker,
                },
                member_tokens: quote::ToTokens::to_token_stream(field),
            }
        })
        .collect();
    // Two fields sent under one key would overwrite each other in the body.
    let mut keys: Vec<String> = Vec::new();
    for field in read.iter().filter(|field| field.role == Role::Data) {
        let key = field.key();
        if keys.contains(&key) {
            cx.error(
                &field.member_tokens,
                format!("two fields of this variant go on the wire as `{key}`: give one `#[api_error(rename = \"…\")]`"),
            );
        }
        keys.push(key);
    }
    read
}

/// The full form of the `other` variant: named fields `code: String`, optionally
/// `message: String` and one `#[api_error(extra)]` map, and nothing else.
fn is_full_other(fields: &[Field]) -> bool {
    let has_code = fields
        .iter()
        .any(|field| field.is_named("code") && is_string(&field.ty));
    let extras = fields
        .iter()
        .filter(|field| field.role == Role::Extra)
        .count();
    has_code
        && extras <= 1
        && fields.iter().all(|field| {
            (field.role == Role::Extra && is_map(&field.ty))
                || ((field.is_named("code") || field.is_named("message"))
                    && field.role == Role::Data
                    && is_string(&field.ty))
        })
}

fn is_map(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(path) if path.path.segments.last().is_some_and(|segment| segment.ident == "Map"))
}

fn is_string(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(path) if path.path.segments.last().is_some_and(|segment| segment.ident == "String"))
}

/// One variant at most receives unknown codes.
fn check_other_variants(variants: &[ReadVariant], cx: &mut Context) {
    let mut others = variants
        .iter()
        .filter_map(|read| read.other_span.map(|span| (span, &read.variant.ident)));
    if let Some((_, first)) = others.next() {
        for (span, ident) in others {
            cx.error_at(span, format!("`{ident}` is a second `other` variant; `{first}` already receives unknown codes"));
        }
    }
}

/// Two `#[from]` fields of one type would make two conflicting `From` impls.
fn check_from_types(variants: &[ReadVariant], cx: &mut Context) {
    let mut seen: Vec<(&str, &syn::Ident)> = Vec::new();
    for read in variants {
        if let Some((ty, written)) = &read.from {
            match seen.iter().find(|(other, _)| other == ty) {
                Some((_, first)) => cx.error(
                    written,
                    format!("`#[from]` for `{}` is already on `{first}`; a type converts into one variant only, so use `#[source]` here", ty.replace(' ', "")),
                ),
                None => seen.push((ty, &read.variant.ident)),
            }
        }
    }
}

fn catalog(input: &syn::DeriveInput, container: &Attrs, codes: Vec<Code>) -> Catalog {
    let here = Origin::Span(input.ident.span());
    let key = |slot: Slot, given: &Option<Spanned<String>>, default: &str| EnvelopeKey {
        slot: Located::new(slot, here.clone()),
        names: vec![match given {
            Some(name) => located(name.value.clone(), name.span),
            None => Located::new(default.to_owned(), here.clone()),
        }],
    };
    let mut keys = vec![
        key(Slot::Code, &container.code_key, "code"),
        key(Slot::Message, &container.message_key, "message"),
    ];
    let mut types: Vec<ErrorType> = Vec::new();
    for code in &codes {
        if let Some(error_type) = &code.error_type {
            if !types
                .iter()
                .any(|known| known.wire.value == error_type.value)
            {
                types.push(ErrorType {
                    wire: error_type.clone(),
                    rust_name: None,
                    description: None,
                    status: None,
                    retry: None,
                    category: None,
                    code: None,
                });
            }
        }
    }
    if !types.is_empty() || container.type_key.is_some() {
        keys.push(key(Slot::Type, &container.type_key, "type"));
    }
    if container.field_key.is_some() {
        keys.push(key(Slot::Field, &container.field_key, "field"));
    }
    if container.request_id_key.is_some() {
        keys.push(key(
            Slot::RequestId,
            &container.request_id_key,
            "request_id",
        ));
    }
    Catalog {
        front_end: FrontEnd::Derive,
        provider: Located::new("derived".to_owned(), here.clone()),
        name: Some(Located::new(input.ident.to_string(), here.clone())),
        description: None,
        identify_by: IdentifyBy::Code,
        fallbacks: Vec::new(),
        envelope: Envelope {
            nested_under: container
                .nested
                .as_ref()
                .map(|nested| located(nested.value.clone(), nested.span)),
            list_under: None,
            keys,
            fields: Vec::new(),
            error_when: Vec::new(),
            origin: here,
        },
        statuses: Vec::new(),
        types,
        codes,
        subcodes: Vec::new(),
        also: Vec::new(),
        examples: Vec::new(),
        header_names: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::source_offset;

    #[test]
    fn a_value_is_found_in_its_literal_when_written_as_is() {
        assert_eq!(source_offset("\"order {id}\"", "order {id}"), Some(1));
        assert_eq!(source_offset("r\"order {id}\"", "order {id}"), Some(2));
        assert_eq!(
            source_offset("r##\"say \"{id}\"\"##", "say \"{id}\""),
            Some(4)
        );
        // An escape makes value and source differ: no position inside.
        assert_eq!(source_offset("\"tab\\t{id}\"", "tab\t{id}"), None);
        assert_eq!(source_offset("\"\"", ""), Some(1));
    }
}
