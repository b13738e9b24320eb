//! Expansion of `#[derive(ApiError)]`: the impls for a user's own error enum (or struct).
//!
//! The `errcat-derive` front end reads the attributes into a [`Catalog`](crate::model::Catalog)
//! (validated by the same rules as YAML catalogs, giving a [`Provider`] plan) plus the facts only
//! a Rust type has, described here: its variants' shapes, message templates and source fields.
//! The catalog facts (code, status, messages, retry, category) reach the output through the same
//! `::errcat::CodeInfo` table entries and envelope as generated provider modules, and the wire
//! body goes through the same runtime encoder and decoder (`::errcat::wire`).

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

use crate::expand::{self, code_info, envelope_expr, ApiErrorBodies};
use crate::model::{RetryAdvice, Slot};
use crate::plan::Provider;
use crate::template::{FieldRef, Template};

/// The derive input: an enum, or a struct that is a single error kind.
///
/// # Example
///
/// ```
/// use errcat_codegen::derived::{expand, DerivedType, Kind, Style, Variant};
/// use errcat_codegen::template;
///
/// // The plan of the derive's catalog (here read from YAML; the derive builds it from attributes).
/// let catalog = b"name: Shop\nenvelope:\n  keys: {code: code, message: message}\nstatuses:\n  404: {meaning: Not Found}\ncodes:\n  order_not_found: {status: 404, message: order not found}\n";
/// let provider = errcat_codegen::load_catalog("shop.yaml", catalog, "shop").unwrap();
/// // `enum ShopError { OrderNotFound }`, as the derive reads it.
/// let derived = DerivedType {
///     ident: syn::parse_quote!(ShopError),
///     generics: syn::Generics::default(),
///     is_struct: false,
///     variants: vec![Variant {
///         ident: syn::parse_quote!(OrderNotFound),
///         style: Style::Unit,
///         fields: Vec::new(),
///         kind: Kind::Code {
///             index: 0,
///             template: template::parse("order not found").unwrap(),
///             error_type: None,
///         },
///     }],
///     other_status: 500,
///     other_retry: None,
/// };
/// let impls = expand(&derived, &provider).to_string();
/// assert!(impls.contains("ApiError for ShopError"));
/// assert!(impls.contains("Display for ShopError"));
/// ```
pub struct DerivedType {
    /// The type's name.
    pub ident: Ident,
    /// Its generics.
    pub generics: syn::Generics,
    /// Whether it is a struct (one variant, patterns on `Self`).
    pub is_struct: bool,
    /// The variants (one for a struct).
    pub variants: Vec<Variant>,
    /// Status of codes the `other` variant receives.
    pub other_status: u16,
    /// Retry advice of codes the `other` variant receives.
    pub other_retry: Option<RetryAdvice>,
}

/// The shape of a variant's fields.
///
/// The example of [`DerivedType`] builds one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `V`
    Unit,
    /// `V(a, b)`
    Tuple,
    /// `V { a, b }`
    Struct,
}

/// What a field is for.
///
/// The example of [`Field`] builds a data field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Wire data: serialized as a key of the error object.
    Data,
    /// The underlying error (`#[source]`): not on the wire.
    Source,
    /// The underlying error with a `From` impl (`#[from]`): not on the wire.
    From,
    /// Not on the wire (`#[api_error(skip)]`); rebuilt with `Default` when decoding.
    Skip,
    /// The `other` variant's map of every key of the body but the code and the message
    /// (`#[api_error(extra)]`).
    Extra,
}

/// What a data field also gives `ApiError` (`#[api_error(retry_after)]`,
/// `#[api_error(request_id)]`).
///
/// # Example
///
/// ```
/// use errcat_codegen::derived::Marker;
///
/// assert_eq!(Marker::RequestId.word(), "request_id");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// `ApiError::retry_after` (and so the `Retry-After` header): seconds or a `Duration`.
    RetryAfter,
    /// `ApiError::request_id` (and so the request-id header).
    RequestId,
}

impl Marker {
    /// The attribute's word, which is also the wire key of an unnamed field it marks.
    pub fn word(self) -> &'static str {
        match self {
            Marker::RetryAfter => "retry_after",
            Marker::RequestId => "request_id",
        }
    }
}

/// One field.
///
/// # Example
///
/// ```
/// use errcat_codegen::derived::{Field, Marker, Role};
///
/// // `RateLimited(#[api_error(retry_after)] u64)`: on the wire as `"retry_after"`.
/// let field = Field {
///     member: syn::Member::Unnamed(0.into()),
///     ty: syn::parse_quote!(u64),
///     role: Role::Data,
///     rename: None,
///     marker: Some(Marker::RetryAfter),
/// };
/// assert_eq!(field.key(), "retry_after");
/// assert_eq!(Field { rename: Some("retryAfter".into()), ..field }.key(), "retryAfter");
/// ```
pub struct Field {
    /// Its name or index.
    pub member: syn::Member,
    /// Its type.
    pub ty: syn::Type,
    /// What it is for.
    pub role: Role,
    /// Its wire key, when `#[api_error(rename = "…")]` gives one.
    pub rename: Option<String>,
    /// What it also gives `ApiError`, if anything.
    pub marker: Option<Marker>,
}

impl Field {
    /// Whether the field is the named field `name`.
    pub fn is_named(&self, name: &str) -> bool {
        matches!(&self.member, syn::Member::Named(ident) if ident == name)
    }

    /// The wire key of a data field: its `rename`; else its name; else, for a tuple field,
    /// its marker's word (`retry_after`, `request_id`) or its index.
    pub fn key(&self) -> String {
        if let Some(rename) = &self.rename {
            return rename.clone();
        }
        match (&self.member, self.marker) {
            (syn::Member::Named(name), _) => name.to_string().trim_start_matches("r#").to_owned(),
            (syn::Member::Unnamed(_), Some(marker)) => marker.word().to_owned(),
            (syn::Member::Unnamed(index), None) => index.index.to_string(),
        }
    }
}

/// What a variant is.
///
/// The example of [`DerivedType`] builds one.
pub enum Kind {
    /// A documented error: `index` into the plan's codes; its message template.
    Code {
        /// Index into [`Provider::codes`].
        index: usize,
        /// The `Display` template.
        template: Template,
        /// The provider type it belongs to, if any (wire string).
        error_type: Option<String>,
    },
    /// Forwards everything to its single field.
    Transparent,
    /// Receives codes no other variant has, as a `String`.
    Other,
}

/// One variant.
///
/// The example of [`DerivedType`] builds one.
pub struct Variant {
    /// Its name (for a struct, the struct's).
    pub ident: Ident,
    /// Its shape.
    pub style: Style,
    /// Its fields.
    pub fields: Vec<Field>,
    /// What it is.
    pub kind: Kind,
}

/// The fields of an `other` variant: its code (bound as `__self_0`), and in the full form
/// `Other { code, message, #[api_error(extra)] extra }` its message and extra keys (bound as
/// `__other_message`, `__other_extra`).
struct OtherParts {
    message: bool,
    extra: bool,
}

impl Variant {
    fn other_parts(&self) -> OtherParts {
        OtherParts {
            message: self.fields.len() > 1
                && self.fields.iter().any(|field| field.is_named("message")),
            extra: self.fields.iter().any(|field| field.role == Role::Extra),
        }
    }
}

/// The binding of field `index` in generated patterns.
fn binding(index: usize) -> Ident {
    format_ident!("__self_{}", index)
}

impl DerivedType {
    /// `Self::V` or `Self`.
    fn path(&self, variant: &Variant) -> TokenStream {
        if self.is_struct {
            quote!(Self)
        } else {
            let ident = &variant.ident;
            quote!(Self::#ident)
        }
    }

    /// The pattern of the `other` variant: its code bound as `__self_0`, and in the full form
    /// its message and extra keys as `__other_message` and `__other_extra`.
    fn other_pattern(&self, variant: &Variant) -> TokenStream {
        let path = self.path(variant);
        match variant.style {
            Style::Struct => {
                let items = variant.fields.iter().map(|field| {
                    let member = &field.member;
                    if field.role == Role::Extra {
                        quote!(#member: __other_extra)
                    } else if field.is_named("message") && variant.fields.len() > 1 {
                        quote!(#member: __other_message)
                    } else if field.is_named("code") || variant.fields.len() == 1 {
                        quote!(#member: __self_0)
                    } else {
                        quote!(#member: _)
                    }
                });
                quote!(#path { #(#items),* })
            }
            _ => quote!(#path(__self_0)),
        }
    }

    /// A pattern binding the fields `wanted` picks to `__self_N`, ignoring the rest.
    fn pattern(&self, variant: &Variant, wanted: impl Fn(usize, &Field) -> bool) -> TokenStream {
        let path = self.path(variant);
        match variant.style {
            Style::Unit => path,
            Style::Tuple => {
                let items = variant.fields.iter().enumerate().map(|(index, field)| {
                    if wanted(index, field) {
                        let binding = binding(index);
                        quote!(#binding)
                    } else {
                        quote!(_)
                    }
                });
                quote!(#path(#(#items),*))
            }
            Style::Struct => {
                let items = variant
                    .fields
                    .iter()
                    .enumerate()
                    .filter(|(index, field)| wanted(*index, field))
                    .map(|(index, field)| {
                        let member = &field.member;
                        let binding = binding(index);
                        quote!(#member: #binding)
                    });
                quote!(#path { #(#items,)* .. })
            }
        }
    }

    /// A `match self` with one arm per variant kind: `code(index, variant)` for codes, and
    /// `transparent`/`other` (which may use `__self_0`) for those variants.
    fn dispatch(
        &self,
        code: impl Fn(usize, &Variant) -> TokenStream,
        transparent: &TokenStream,
        other: &TokenStream,
    ) -> TokenStream {
        let arms = self.variants.iter().map(|variant| match &variant.kind {
            Kind::Code { index, .. } => {
                let pattern = self.pattern(variant, |_, _| false);
                let body = code(*index, variant);
                quote!(#pattern => #body,)
            }
            Kind::Transparent => {
                let pattern = self.pattern(variant, |index, _| index == 0);
                quote!(#pattern => #transparent,)
            }
            Kind::Other => {
                let pattern = self.other_pattern(variant);
                quote!(#pattern => #other,)
            }
        });
        quote! {
            match self {
                #(#arms)*
            }
        }
    }

    fn has(&self, kind: fn(&Kind) -> bool) -> bool {
        self.variants.iter().any(|variant| kind(&variant.kind))
    }

    /// Where-clause predicates `ty: bound` for field types that mention a type parameter.
    fn bounds<'a>(
        &self,
        fields: impl Iterator<Item = &'a Field>,
        bound: &TokenStream,
    ) -> Vec<TokenStream> {
        let mut predicates: Vec<TokenStream> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for field in fields {
            let ty = &field.ty;
            let text = quote!(#ty).to_string();
            if self.mentions_type_param(ty) && !seen.contains(&text) {
                seen.push(text);
                predicates.push(quote!(#ty: #bound));
            }
        }
        predicates
    }

    /// Whether `ty` names one of the type's own type parameters (`T`, `Vec<T>`).
    fn mentions_type_param(&self, ty: &syn::Type) -> bool {
        let text = quote!(#ty).to_string();
        text.split(|c: char| !(c == '_' || c.is_alphanumeric()))
            .any(|word| self.generics.type_params().any(|param| param.ident == word))
    }

    /// `impl<…> Trait for Type<…> where …, extra` pieces.
    fn impl_parts(&self, extra: &[TokenStream]) -> (TokenStream, TokenStream, TokenStream) {
        let (impl_generics, ty_generics, where_clause) = self.generics.split_for_impl();
        let existing = where_clause.map(|clause| {
            let predicates = clause.predicates.iter();
            quote!(#(#predicates,)*)
        });
        let where_tokens = if existing.is_none() && extra.is_empty() {
            TokenStream::new()
        } else {
            quote!(where #existing #(#extra,)*)
        };
        (quote!(#impl_generics), quote!(#ty_generics), where_tokens)
    }

    fn all_fields(&self) -> impl Iterator<Item = &Field> {
        self.variants
            .iter()
            .flat_map(|variant| variant.fields.iter())
    }
}

/// The impls of `#[derive(ApiError)]` for a valid input.
///
/// The example of [`DerivedType`] expands one.
pub fn expand(derived: &DerivedType, provider: &Provider) -> TokenStream {
    let infos = provider.codes.iter().map(code_info);
    let count = Literal::usize_unsuffixed(provider.codes.len());
    let no_table = quote!(&::errcat::wire::WireTable::EMPTY);
    let envelope = envelope_expr(provider, &no_table, &no_table, &no_table);
    let display = display_impl(derived);
    let error = error_impl(derived);
    let api_error = api_error_impl(derived);
    let serialize = serialize_impl(derived);
    let deserialize = deserialize_impl(derived, provider);
    let from = from_impls(derived);
    let transparent_checks = transparent_checks(derived);
    let http = if deserialize.is_empty() {
        TokenStream::new()
    } else {
        http_error_impl(derived)
    };
    quote! {
        #[allow(non_upper_case_globals, clippy::all)]
        const _: () = {
            const __ERRCAT_INFO: [::errcat::CodeInfo; #count] = [#(#infos),*];
            const __ERRCAT_ENVELOPE: ::errcat::wire::Envelope = #envelope;
            #display
            #error
            #api_error
            #serialize
            #deserialize
            #from
            #http
            #transparent_checks
        };
    }
}

/// For each `transparent` variant's field (of a type without the derive's type parameters): a
/// check, spanned on the field's type, that it is an `ApiError`, so that misuse reads "`T` is not
/// an errcat `ApiError`" at the field rather than as an unmet bound of a serde impl.
fn transparent_checks(derived: &DerivedType) -> TokenStream {
    let checks = derived
        .variants
        .iter()
        .filter(|variant| matches!(variant.kind, Kind::Transparent))
        .flat_map(|variant| variant.fields.first())
        .filter(|field| !derived.mentions_type_param(&field.ty))
        .map(|field| {
            let ty = &field.ty;
            quote::quote_spanned! {syn::spanned::Spanned::span(ty)=>
                __errcat_is_api_error::<#ty>();
            }
        });
    let checks: Vec<TokenStream> = checks.collect();
    if checks.is_empty() {
        return TokenStream::new();
    }
    quote! {
        fn __errcat_is_api_error<T: ?::core::marker::Sized + ::errcat::ApiError>() {}
        #[allow(dead_code)]
        fn __errcat_transparent_fields_are_api_errors() {
            #(#checks)*
        }
    }
}

/// `HttpError` (decode from a response, render one) and, with errcat's `axum` feature,
/// `IntoResponse`, for types that can be decoded (not those that borrow, nor a transparent
/// wrapper and nothing else).
fn http_error_impl(derived: &DerivedType) -> TokenStream {
    let ident = &derived.ident;
    let (impl_generics, ty_generics, _) = derived.generics.split_for_impl();
    let params = derived.generics.params.iter();
    let existing = derived.generics.where_clause.as_ref().map(|clause| {
        let predicates = clause.predicates.iter();
        quote!(#(#predicates,)*)
    });
    let self_type = quote!(#ident #ty_generics);
    let bounds = quote! {
        #existing
        #self_type: ::errcat::ApiError
            + ::errcat::__private::serde::Serialize
            + ::errcat::__private::serde::de::DeserializeOwned,
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics ::errcat::HttpError for #self_type where #bounds {
            fn from_http_parts(
                status: ::errcat::http::StatusCode,
                _headers: &::errcat::http::HeaderMap,
                body: &[u8],
            ) -> ::core::result::Result<Self, ::errcat::DecodeError> {
                ::errcat::wire::decode_json(status.as_u16(), body)
            }
            fn to_http_response(&self) -> ::errcat::http::Response<::std::vec::Vec<u8>> {
                // Serializing fails only if a field's own `Serialize` does; the status still goes out.
                let body = ::errcat::__private::serde_json::to_vec(self).unwrap_or_default();
                ::errcat::json_response(::errcat::ApiError::status(self), body, &::errcat::headers_of(self))
            }
        }

        ::errcat::__impl_into_response!({#(#params),*} #self_type, {#self_type: ::errcat::HttpError});
    }
}

fn display_impl(derived: &DerivedType) -> TokenStream {
    let ident = &derived.ident;
    let mut bounds = Vec::new();
    let arms = derived.variants.iter().map(|variant| match &variant.kind {
        Kind::Code { template, .. } => {
            let used = |index: usize, field: &Field| {
                template
                    .arguments
                    .iter()
                    .any(|argument| references(&argument.field, index, field))
            };
            let pattern = derived.pattern(variant, used);
            let format = &template.format;
            let arguments = template.arguments.iter().filter_map(|argument| {
                let index = variant
                    .fields
                    .iter()
                    .enumerate()
                    .position(|(index, field)| references(&argument.field, index, field))?;
                let name = Ident::new(&argument.name, Span::call_site());
                let binding = binding(index);
                Some(quote!(#name = #binding))
            });
            quote!(#pattern => ::core::write!(__formatter, #format #(, #arguments)*),)
        }
        Kind::Transparent => {
            let pattern = derived.pattern(variant, |index, _| index == 0);
            quote!(#pattern => ::core::fmt::Display::fmt(__self_0, __formatter),)
        }
        Kind::Other => {
            let pattern = derived.other_pattern(variant);
            if variant.other_parts().message {
                quote!(#pattern => __formatter.write_str(if __other_message.is_empty() { __self_0 } else { __other_message }),)
            } else {
                quote!(#pattern => __formatter.write_str(__self_0),)
            }
        }
    });
    let arms: Vec<TokenStream> = arms.collect();
    for variant in &derived.variants {
        if let Kind::Code { template, .. } = &variant.kind {
            for argument in &template.arguments {
                let field = variant
                    .fields
                    .iter()
                    .enumerate()
                    .find(|(index, field)| references(&argument.field, *index, field));
                if let Some((_, field)) = field {
                    if argument.display {
                        bounds.extend(
                            derived.bounds(std::iter::once(field), &quote!(::core::fmt::Display)),
                        );
                    }
                    if argument.debug {
                        bounds.extend(
                            derived.bounds(std::iter::once(field), &quote!(::core::fmt::Debug)),
                        );
                    }
                }
            }
        }
        if matches!(variant.kind, Kind::Transparent) {
            bounds.extend(derived.bounds(variant.fields.iter(), &quote!(::core::fmt::Display)));
        }
    }
    let (impl_generics, ty_generics, where_clause) = derived.impl_parts(&bounds);
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    #(#arms)*
                }
            }
        }
    }
}

fn references(reference: &FieldRef, index: usize, field: &Field) -> bool {
    match (reference, &field.member) {
        (FieldRef::Named(name), syn::Member::Named(ident)) => {
            ident.to_string().trim_start_matches("r#") == name
        }
        (FieldRef::Index(wanted), syn::Member::Unnamed(_)) => *wanted == index,
        _ => false,
    }
}

fn error_impl(derived: &DerivedType) -> TokenStream {
    let ident = &derived.ident;
    let arms = derived.variants.iter().filter_map(|variant| {
        if matches!(variant.kind, Kind::Transparent) {
            let pattern = derived.pattern(variant, |index, _| index == 0);
            return Some(quote!(#pattern => ::std::error::Error::source(__self_0.as_dyn_error()),));
        }
        let (index, _) = variant
            .fields
            .iter()
            .enumerate()
            .find(|(_, field)| matches!(field.role, Role::Source | Role::From))?;
        let pattern = derived.pattern(variant, |wanted, _| wanted == index);
        let binding = binding(index);
        Some(quote!(#pattern => ::core::option::Option::Some(#binding.as_dyn_error()),))
    });
    let arms: Vec<TokenStream> = arms.collect();
    let source_fields = derived
        .all_fields()
        .filter(|field| matches!(field.role, Role::Source | Role::From));
    let mut bounds = derived.bounds(source_fields, &quote!(::std::error::Error + 'static));
    bounds.extend(derived.bounds(derived.all_fields(), &quote!(::core::fmt::Debug)));
    let (impl_generics, ty_generics, where_clause) = derived.impl_parts(&bounds);
    let body = if arms.is_empty() {
        quote!(::core::option::Option::None)
    } else {
        quote! {
            #[allow(unused_imports)]
            use ::errcat::__private::AsDynError as _;
            #[allow(unreachable_patterns)]
            match self {
                #(#arms)*
                _ => ::core::option::Option::None,
            }
        }
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics ::std::error::Error for #ident #ty_generics #where_clause {
            fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                #body
            }
        }
    }
}

fn api_error_impl(derived: &DerivedType) -> TokenStream {
    let ident = &derived.ident;
    let info = |index: usize| {
        let index = Literal::usize_unsuffixed(index);
        quote!(__ERRCAT_INFO[#index])
    };
    let other_status = Literal::u16_unsuffixed(derived.other_status);
    let other_retry = expand::retry_expr(derived.other_retry, derived.other_status);
    let other_category = expand::category_expr(None, derived.other_status);

    let code = derived.dispatch(
        |index, _| {
            let info = info(index);
            quote!(#info.wire)
        },
        &quote!(::errcat::ApiError::code(__self_0)),
        &quote!(__self_0.as_str()),
    );
    let status = derived.dispatch(
        |index, _| {
            let info = info(index);
            quote!(#info.status_code().unwrap_or(::errcat::http::StatusCode::INTERNAL_SERVER_ERROR))
        },
        &quote!(::errcat::ApiError::status(__self_0)),
        &quote!(::errcat::http::StatusCode::from_u16(#other_status).unwrap_or(::errcat::http::StatusCode::INTERNAL_SERVER_ERROR)),
    );
    let other_has_message = derived
        .variants
        .iter()
        .any(|variant| matches!(variant.kind, Kind::Other) && variant.other_parts().message);
    let other_message = if other_has_message {
        quote!(::std::borrow::Cow::Borrowed(
            if __other_message.is_empty() {
                __self_0.as_str()
            } else {
                __other_message.as_str()
            }
        ))
    } else {
        quote!(::std::borrow::Cow::Borrowed(__self_0.as_str()))
    };
    let message = derived.dispatch(
        |_, _| {
            quote!(::std::borrow::Cow::Owned(
                ::std::string::ToString::to_string(self)
            ))
        },
        &quote!(::errcat::ApiError::message(__self_0)),
        &other_message,
    );
    let user_message = derived.dispatch(
        |index, _| {
            let info = info(index);
            quote!(::std::borrow::Cow::Borrowed(#info.user_message_or_default()))
        },
        &quote!(::errcat::ApiError::user_message(__self_0)),
        &quote!(::std::borrow::Cow::Borrowed(#other_category.default_user_message())),
    );
    let retry = derived.dispatch(
        |index, _| {
            let info = info(index);
            quote!(#info.retry.unwrap_or(::errcat::RetryAdvice::Never))
        },
        &quote!(::errcat::ApiError::retry(__self_0)),
        &other_retry,
    );
    let category = derived.dispatch(
        |index, _| {
            let info = info(index);
            quote!(#info.category.unwrap_or(::errcat::Category::Unknown))
        },
        &quote!(::errcat::ApiError::category(__self_0)),
        &other_category,
    );
    let transparent = derived.has(|kind| matches!(kind, Kind::Transparent));
    // From a transparent variant's inner error, or a field marked for it; else the default.
    let forwarded = |method: TokenStream, marker: Marker, helper: TokenStream| {
        let marked = derived.variants.iter().any(|variant| {
            variant
                .fields
                .iter()
                .any(|field| field.marker == Some(marker))
        });
        (transparent || marked).then(|| {
            let arms = derived.variants.iter().map(|variant| {
                let marked = variant
                    .fields
                    .iter()
                    .position(|field| field.marker == Some(marker));
                match (&variant.kind, marked) {
                    (Kind::Transparent, _) => {
                        let pattern = derived.pattern(variant, |index, _| index == 0);
                        quote!(#pattern => ::errcat::ApiError::#method(__self_0),)
                    }
                    (_, Some(index)) => {
                        let pattern = derived.pattern(variant, |wanted, _| wanted == index);
                        let binding = binding(index);
                        quote!(#pattern => ::errcat::__private::#helper::#method(#binding),)
                    }
                    (_, None) => {
                        let pattern = derived.pattern(variant, |_, _| false);
                        quote!(#pattern => ::core::option::Option::None,)
                    }
                }
            });
            quote! {
                match self {
                    #(#arms)*
                }
            }
        })
    };
    let transparent_fields = derived
        .variants
        .iter()
        .filter(|variant| matches!(variant.kind, Kind::Transparent))
        .flat_map(|variant| variant.fields.iter());
    let mut bounds = derived.bounds(transparent_fields, &quote!(::errcat::ApiError));
    bounds.extend(derived.bounds(derived.all_fields(), &quote!(::core::fmt::Debug)));
    let (impl_generics, ty_generics, where_clause) = derived.impl_parts(&bounds);
    expand::api_error_impl(
        &quote!(impl #impl_generics ::errcat::ApiError for #ident #ty_generics #where_clause),
        &ApiErrorBodies {
            code,
            status,
            message,
            user_message,
            retry,
            category,
            request_id: forwarded(
                quote!(request_id),
                Marker::RequestId,
                quote!(RequestIdField),
            ),
            retry_after: forwarded(
                quote!(retry_after),
                Marker::RetryAfter,
                quote!(RetryAfterField),
            ),
        },
    )
}

fn serialize_impl(derived: &DerivedType) -> TokenStream {
    let ident = &derived.ident;
    let type_arms = derived
        .variants
        .iter()
        .filter_map(|variant| match &variant.kind {
            Kind::Code {
                error_type: Some(error_type),
                ..
            } => {
                let pattern = derived.pattern(variant, |_, _| false);
                Some(quote!(#pattern => ::core::option::Option::Some(#error_type),))
            }
            _ => None,
        });
    let data_arms = derived.variants.iter().filter_map(|variant| {
        if !matches!(variant.kind, Kind::Code { .. }) {
            return None;
        }
        let data = |_: usize, field: &Field| field.role == Role::Data;
        if !variant.fields.iter().any(|field| field.role == Role::Data) {
            return None;
        }
        let pattern = derived.pattern(variant, data);
        let inserts = variant.fields.iter().enumerate().filter(|(_, field)| field.role == Role::Data).map(|(index, field)| {
            let key = field.key();
            let binding = binding(index);
            quote! {
                __fields.extra.insert(
                    ::std::string::String::from(#key),
                    ::errcat::__private::serde_json::to_value(#binding).map_err(<__S::Error as ::errcat::__private::serde::ser::Error>::custom)?,
                );
            }
        });
        Some(quote!(#pattern => { #(#inserts)* }))
    });
    // The full `other` form: its message as sent (none when empty), every other key as sent.
    let other_arms = derived
        .variants
        .iter()
        .filter(|variant| matches!(variant.kind, Kind::Other))
        .filter_map(|variant| {
            let parts = variant.other_parts();
            if !parts.message && !parts.extra {
                return None;
            }
            let pattern = derived.other_pattern(variant);
            let message = parts.message.then(|| {
                quote! {
                    if __other_message.is_empty() {
                        __fields.message = ::core::option::Option::None;
                    }
                }
            });
            let extra = parts.extra.then(|| {
                quote! {
                    __fields.extra = ::core::clone::Clone::clone(__other_extra);
                }
            });
            Some(quote!(#pattern => { #message #extra }))
        });
    let transparent_arms = derived.variants.iter().filter(|variant| matches!(variant.kind, Kind::Transparent)).map(|variant| {
        let pattern = derived.pattern(variant, |index, _| index == 0);
        quote!(#pattern => return ::errcat::__private::serde::Serialize::serialize(__self_0, __serializer),)
    });
    let data_fields = derived
        .all_fields()
        .filter(|field| field.role == Role::Data);
    let mut bounds = derived.bounds(data_fields, &quote!(::errcat::__private::serde::Serialize));
    let transparent_fields = derived
        .variants
        .iter()
        .filter(|variant| matches!(variant.kind, Kind::Transparent))
        .flat_map(|variant| variant.fields.iter());
    bounds.extend(derived.bounds(
        transparent_fields,
        &quote!(::errcat::__private::serde::Serialize + ::errcat::ApiError),
    ));
    bounds.extend(derived.bounds(
        derived.all_fields(),
        &quote!(::core::fmt::Debug + ::core::fmt::Display),
    ));
    let (impl_generics, ty_generics, where_clause) = derived.impl_parts(&bounds);
    quote! {
        #[automatically_derived]
        impl #impl_generics ::errcat::__private::serde::Serialize for #ident #ty_generics #where_clause {
            fn serialize<__S: ::errcat::__private::serde::Serializer>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                #[allow(unreachable_patterns)]
                match self {
                    #(#transparent_arms)*
                    _ => {}
                }
                let mut __fields = ::errcat::wire::Fields::default();
                __fields.message = ::core::option::Option::Some(::std::string::ToString::to_string(self));
                #[allow(unreachable_patterns)]
                match self {
                    #(#data_arms)*
                    #(#other_arms)*
                    _ => {}
                }
                #[allow(unreachable_patterns)]
                let __error_type: ::core::option::Option<&str> = match self {
                    #(#type_arms)*
                    _ => ::core::option::Option::None,
                };
                ::errcat::__private::serde::Serialize::serialize(
                    &::errcat::wire::Render {
                        envelope: &__ERRCAT_ENVELOPE,
                        fields: &__fields,
                        code: ::core::option::Option::Some(::errcat::ApiError::code(self)),
                        error_type: __error_type,
                    },
                    __serializer,
                )
            }
        }
    }
}

fn deserialize_impl(derived: &DerivedType, provider: &Provider) -> TokenStream {
    if derived.generics.lifetimes().next().is_some() {
        // Borrowed data cannot be rebuilt from an owned body.
        return TokenStream::new();
    }
    let ident = &derived.ident;
    let arms = derived.variants.iter().filter_map(|variant| {
        let Kind::Code { index, .. } = &variant.kind else { return None };
        let info_index = Literal::usize_unsuffixed(*index);
        let path = derived.path(variant);
        let name = variant.ident.to_string();
        if variant.fields.iter().any(|field| matches!(field.role, Role::Source | Role::From)) {
            let message = format!("`{name}` holds a source error, which a body cannot carry");
            return Some(quote!(__code if __code == __ERRCAT_INFO[#info_index].wire => ::core::result::Result::Err(<__D::Error as ::errcat::__private::serde::de::Error>::custom(#message)),));
        }
        let values = variant.fields.iter().map(|field| {
            let value = if field.role == Role::Skip {
                quote!(::core::default::Default::default())
            } else {
                let key = field.key();
                quote!(::errcat::wire::take_field::<_, __D::Error>(&mut __fields, &__ERRCAT_ENVELOPE, #key)?)
            };
            match &field.member {
                syn::Member::Named(name) => quote!(#name: #value),
                syn::Member::Unnamed(_) => value,
            }
        });
        let values: Vec<TokenStream> = values.collect();
        let built = match variant.style {
            Style::Unit => quote!(#path),
            Style::Tuple => quote!(#path(#(#values),*)),
            Style::Struct => quote!(#path { #(#values),* }),
        };
        Some(quote!(__code if __code == __ERRCAT_INFO[#info_index].wire => ::core::result::Result::Ok(#built),))
    });
    let arms: Vec<TokenStream> = arms.collect();
    let fallback = match derived
        .variants
        .iter()
        .find(|variant| matches!(variant.kind, Kind::Other))
    {
        Some(variant) => {
            let path = derived.path(variant);
            let parts = variant.other_parts();
            match (
                &variant.style,
                variant.fields.first().map(|field| &field.member),
            ) {
                (Style::Struct, Some(_)) if parts.message || parts.extra => {
                    let values = variant.fields.iter().map(|field| {
                        let member = &field.member;
                        if field.role == Role::Extra {
                            quote!(#member: ::errcat::wire::error_object_keys(&__ERRCAT_ENVELOPE, &__fields))
                        } else if field.is_named("message") {
                            quote!(#member: __message)
                        } else {
                            quote!(#member: ::core::clone::Clone::clone(&__code_string))
                        }
                    });
                    quote!(_ => {
                        let __message = __fields.message.take().unwrap_or_default();
                        ::core::result::Result::Ok(#path { #(#values),* })
                    })
                }
                (Style::Struct, Some(member)) => {
                    quote!(_ => ::core::result::Result::Ok(#path { #member: __code_string }))
                }
                _ => quote!(_ => ::core::result::Result::Ok(#path(__code_string))),
            }
        }
        None => quote! {
            _ => ::core::result::Result::Err(<__D::Error as ::errcat::__private::serde::de::Error>::custom(
                ::core::format_args!("unknown code `{}`", __code_string),
            ))
        },
    };
    let transparent = derived
        .variants
        .iter()
        .find(|variant| matches!(variant.kind, Kind::Transparent));
    if transparent.is_some() && arms.is_empty() {
        return TokenStream::new();
    }
    let code_key = provider.slot_name(Slot::Code).unwrap_or("code");
    let data_fields = derived
        .all_fields()
        .filter(|field| field.role == Role::Data);
    let mut bounds = derived.bounds(
        data_fields,
        &quote!(::errcat::__private::serde::de::DeserializeOwned),
    );
    let skipped = derived
        .all_fields()
        .filter(|field| field.role == Role::Skip);
    bounds.extend(derived.bounds(skipped, &quote!(::core::default::Default)));
    let mut generics = derived.generics.clone();
    generics.params.insert(0, syn::parse_quote!('de));
    let (impl_generics, _, _) = generics.split_for_impl();
    let (_, ty_generics, where_clause) = derived.impl_parts(&bounds);
    quote! {
        #[automatically_derived]
        impl #impl_generics ::errcat::__private::serde::Deserialize<'de> for #ident #ty_generics #where_clause {
            fn deserialize<__D: ::errcat::__private::serde::Deserializer<'de>>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error> {
                let mut __fields = ::errcat::wire::deserialize_fields(&__ERRCAT_ENVELOPE, __deserializer)?;
                let ::core::option::Option::Some(__code_string) = __fields.code.take().map(::errcat::wire::WireText::into_string) else {
                    return ::core::result::Result::Err(<__D::Error as ::errcat::__private::serde::de::Error>::custom(
                        ::core::concat!("the error has no string `", #code_key, "`"),
                    ));
                };
                #[allow(unreachable_patterns)]
                match __code_string.as_str() {
                    #(#arms)*
                    #fallback
                }
            }
        }
    }
}

fn from_impls(derived: &DerivedType) -> TokenStream {
    let ident = &derived.ident;
    let (impl_generics, ty_generics, where_clause) = derived.generics.split_for_impl();
    let impls = derived.variants.iter().filter_map(|variant| {
        let field = variant
            .fields
            .iter()
            .find(|field| field.role == Role::From)?;
        let ty = &field.ty;
        let path = derived.path(variant);
        let built = match &field.member {
            syn::Member::Named(name) => quote!(#path { #name: __source }),
            syn::Member::Unnamed(_) => quote!(#path(__source)),
        };
        Some(quote! {
            #[automatically_derived]
            impl #impl_generics ::core::convert::From<#ty> for #ident #ty_generics #where_clause {
                fn from(__source: #ty) -> Self {
                    #built
                }
            }
        })
    });
    quote!(#(#impls)*)
}

/// Minimal impls emitted next to compile errors, so that code using the type reports only the
/// derive's own errors, not follow-on ones about missing traits. They never run: the crate does
/// not compile while the errors stand. `from_types` are the types of `#[from]` fields.
///
/// # Example
///
/// ```
/// let tokens = errcat_codegen::derived::fallback(
///     &syn::parse_quote!(ShopError),
///     &syn::Generics::default(),
///     &[],
/// )
/// .to_string();
/// // Impls that keep uses of the type from adding errors of their own.
/// assert!(tokens.contains("ApiError for ShopError"));
/// ```
pub fn fallback(ident: &Ident, generics: &syn::Generics, from_types: &[syn::Type]) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let failed = "#[derive(ApiError)] failed; see the errors above";
    let froms = from_types.iter().map(|ty| {
        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::convert::From<#ty> for #ident #ty_generics #where_clause {
                fn from(_: #ty) -> Self {
                    ::core::unreachable!(#failed)
                }
            }
        }
    });
    let deserialize = if generics.lifetimes().next().is_some() {
        TokenStream::new()
    } else {
        let mut with_de = generics.clone();
        with_de.params.insert(0, syn::parse_quote!('de));
        let (de_generics, _, _) = with_de.split_for_impl();
        quote! {
            #[automatically_derived]
            impl #de_generics ::errcat::__private::serde::Deserialize<'de> for #ident #ty_generics #where_clause {
                fn deserialize<__D: ::errcat::__private::serde::Deserializer<'de>>(_: __D) -> ::core::result::Result<Self, __D::Error> {
                    ::core::result::Result::Err(<__D::Error as ::errcat::__private::serde::de::Error>::custom(#failed))
                }
            }
        }
    };
    quote! {
        #[allow(unused_qualifications, unreachable_code)]
        const _: () = {
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
                fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    __formatter.write_str(::core::stringify!(#ident))
                }
            }

            #[automatically_derived]
            impl #impl_generics ::std::error::Error for #ident #ty_generics #where_clause {}

            #[automatically_derived]
            impl #impl_generics ::errcat::ApiError for #ident #ty_generics #where_clause {
                fn code(&self) -> &str {
                    ""
                }
                fn status(&self) -> ::errcat::http::StatusCode {
                    ::errcat::http::StatusCode::INTERNAL_SERVER_ERROR
                }
                fn message(&self) -> ::std::borrow::Cow<'_, str> {
                    ::std::borrow::Cow::Borrowed("")
                }
                fn retry(&self) -> ::errcat::RetryAdvice {
                    ::errcat::RetryAdvice::Never
                }
                fn category(&self) -> ::errcat::Category {
                    ::errcat::Category::Unknown
                }
            }

            #[automatically_derived]
            impl #impl_generics ::errcat::__private::serde::Serialize for #ident #ty_generics #where_clause {
                fn serialize<__S: ::errcat::__private::serde::Serializer>(&self, _: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                    ::core::result::Result::Err(<__S::Error as ::errcat::__private::serde::ser::Error>::custom(#failed))
                }
            }

            #deserialize
            #(#froms)*
        };
    }
}
