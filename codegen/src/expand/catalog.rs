//! The items of one catalog's module: its code, type and subcode enums, its `Error` type with
//! the decoder and renderer for its body shapes, its examples, and the index over every
//! provider's module.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::prose::{code_span, doc_lines, doc_text_lines, md};
use super::{
    api_error_impl, category_expr, code_info_text, envelope_expr, ident, optional_str, retry_expr,
    shape_envelope_expr, ApiErrorBodies, Spelling,
};
use crate::emit::Source;
use crate::identify;
use crate::model::{Category, FieldKind, IdentifyBy, RetryAdvice, Scalar, Slot};
use crate::plan::{Code, Example, Provider, Type};
use crate::text;
use crate::wire_table;

/// The items of one provider module: the parts that grow with the catalog as text (see
/// the private `text` module), the rest as tokens.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../../doc/acme_pay.yaml");
/// # let provider = errcat_codegen::load_catalog("acme_pay.yaml", CATALOG.as_bytes(), "acme_pay").unwrap();
/// let file = errcat_codegen::emit::format_file(errcat_codegen::expand::provider(&provider), "acme_pay.yaml").unwrap();
/// assert!(file.contains("pub enum Code"));
/// assert!(file.contains("pub struct Error"));
/// ```
pub fn provider(provider: &Provider) -> Source {
    provider_items(provider, None)
}

/// [`provider`], with an example in the docs of `Code`, `ErrorType`, `SubCode`, `Error` and the list-item view `Item`
/// written against the module at `parent::<provider>` (`parent` a Rust path such as `my_crate`
/// or `my_crate::errors`), which `cargo test` runs as doctests. The examples are errcat's code; the catalog contributes only
/// string literals (a code's wire string) and names errcat derived.
///
/// # Example
///
/// ```
/// # const CATALOG: &str = include_str!("../../doc/acme_pay.yaml");
/// # let provider = errcat_codegen::load_catalog("acme_pay.yaml", CATALOG.as_bytes(), "acme_pay").unwrap();
/// use errcat_codegen::{emit, expand};
///
/// let items = expand::provider_with_doc_examples(&provider, "my_crate");
/// let file = emit::format_file(items, "acme_pay.yaml").unwrap();
/// assert!(file.contains("/// use my_crate::acme_pay::Code;"));
/// ```
pub fn provider_with_doc_examples(provider: &Provider, parent: &str) -> Source {
    provider_items(provider, Some(parent))
}

/// [`provider`], or [`provider_with_doc_examples`] with `doc_examples` as the parent path.
pub(crate) fn provider_items(provider: &Provider, doc_examples: Option<&str>) -> Source {
    let example = doc_examples.and_then(|parent| DocExample::new(provider, parent));
    let mut source = Source::default();
    source.push_tokens(module_imports());
    source.push_tokens(provider_facts(provider));
    source.append(code_enum(provider, example.as_ref()));
    if !provider.types.is_empty() {
        source.append(type_enum(provider, example.as_ref()));
    }
    if !provider.subcodes.is_empty() {
        source.append(subcode_enum(provider, example.as_ref()));
    }
    source.push_tokens(error_struct(provider, example.as_ref()));
    source.push_text(examples(provider));
    source
}

/// What the doc examples of a provider's items are written with: where its module is, and its
/// first listed code.
struct DocExample<'a> {
    /// The path the provider modules are included at.
    parent: &'a str,
    /// The provider's module name.
    provider: &'a str,
    code: &'a Code,
}

impl<'a> DocExample<'a> {
    fn new(provider: &'a Provider, parent: &'a str) -> Option<DocExample<'a>> {
        Some(DocExample {
            parent,
            provider: &provider.module,
            code: provider.codes.first()?,
        })
    }

    /// The example lines of the `Code` docs, each starting with a space as after `///`.
    fn code_lines(&self) -> Vec<String> {
        self.wire_enum_lines("Code", &self.code.ident, &self.code.wire)
    }

    /// The example lines of a wire enum's docs (`Code`, `ErrorType`, `SubCode`), for its
    /// variant `ident` of wire string `wire`.
    fn wire_enum_lines(&self, name: &str, ident: &str, wire: &str) -> Vec<String> {
        let DocExample {
            parent, provider, ..
        } = self;
        let wire = format!("{wire:?}");
        Self::fenced(&[
            format!("use {parent}::{provider}::{name};"),
            String::new(),
            format!("assert_eq!({name}::from_wire({wire}), {name}::{ident});"),
            format!("assert_eq!({name}::{ident}.as_str(), {wire});"),
            format!("assert!({name}::{ident}.is_known());"),
        ])
    }

    /// The example lines of the `Error` docs: build, render, decode.
    fn error_lines(&self) -> Vec<String> {
        let ident = &self.code.ident;
        self.built_error_lines(&[
            "let decoded = Error::decode(error.status().as_u16(), &error.to_json())?;".to_owned(),
            format!("assert_eq!(decoded.code(), &Code::{ident});"),
            "# Ok::<(), errcat::DecodeError>(())".to_owned(),
        ])
    }

    /// The example lines of the list-item view's docs (`Item`, list shapes only): an error built
    /// to send is the first item of its own list.
    fn item_lines(&self) -> Vec<String> {
        let ident = &self.code.ident;
        self.built_error_lines(&[
            "let items = error.items();".to_owned(),
            "assert_eq!(items.len(), 1);".to_owned(),
            format!("assert_eq!(items[0].code(), &Code::{ident});"),
        ])
    }

    /// An example that builds `error` from the first code, then runs `then`.
    fn built_error_lines(&self, then: &[String]) -> Vec<String> {
        let DocExample {
            parent,
            provider,
            code,
        } = self;
        let mut lines = vec![
            format!("use {parent}::{provider}::{{Code, Error}};"),
            String::new(),
            format!("let error = Error::new(Code::{});", code.ident),
        ];
        lines.extend_from_slice(then);
        Self::fenced(&lines)
    }

    /// The example lines of the `AnyProviderError` docs: one provider's error, seen through
    /// the type over all of them.
    fn any_provider_lines(&self) -> Vec<String> {
        let DocExample {
            parent,
            provider,
            code,
        } = self;
        let ident = &code.ident;
        Self::fenced(&[
            format!("use {parent}::{{AnyProviderError, {provider}}};"),
            "use errcat::ApiError;".to_owned(),
            String::new(),
            format!("let error = AnyProviderError::from({provider}::Error::new({provider}::Code::{ident}));"),
            format!("assert_eq!(error.provider().module, {provider:?});"),
            format!("assert_eq!(error.code(), {provider}::Code::{ident}.as_str());"),
        ])
    }

    fn fenced(code: &[String]) -> Vec<String> {
        let mut lines = vec![
            String::new(),
            " # Example".to_owned(),
            String::new(),
            " ```".to_owned(),
        ];
        lines.extend(code.iter().map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            }
        }));
        lines.push(" ```".to_owned());
        lines
    }
}

/// The `pub mod` items that include each provider's file. The paths are relative, so they
/// resolve next to the index file wherever the output directory is.
///
/// # Example
///
/// ```
/// use errcat_codegen::{emit, expand};
///
/// let modules = [("acme_pay".to_owned(), None)];
/// let index = emit::format_file(expand::module_index(&modules), "the catalog directory").unwrap();
/// assert!(index.contains("pub mod acme_pay"));
/// assert!(index.contains("include!(\"acme_pay.rs\")"));
/// assert!(index.contains("pub enum AnyProviderError"));
/// ```
pub fn module_index(modules: &[(String, Option<String>)]) -> TokenStream {
    module_index_items(modules, None)
}

/// [`module_index`], with an example in the docs of `AnyProviderError` written against the
/// modules at `parent` and the first code of `first` (the first provider), which `cargo test`
/// runs as a doctest (see [`provider_with_doc_examples`]).
pub fn module_index_with_doc_example(
    modules: &[(String, Option<String>)],
    parent: &str,
    first: &Provider,
) -> TokenStream {
    module_index_items(modules, Some((parent, first)))
}

/// [`module_index`], or [`module_index_with_doc_example`] with `doc_example` as its parent path
/// and first provider.
pub(crate) fn module_index_items(
    modules: &[(String, Option<String>)],
    doc_example: Option<(&str, &Provider)>,
) -> TokenStream {
    let any_provider_example = doc_example.and_then(|(parent, first)| {
        DocExample::new(first, parent).map(|example| example.any_provider_lines())
    });
    let items = modules.iter().map(|(module, description)| {
        let ident = ident(module);
        let file = format!("{module}.rs");
        let doc = description
            .as_deref()
            .map(|text| doc_lines(&md(text)))
            .unwrap_or_default();
        quote! {
            #doc
            pub mod #ident {
                include!(#file);
            }
        }
    });
    let any = any_provider_error(modules, any_provider_example.unwrap_or_default());
    quote! {
        #(#items)*
        #any
    }
}

/// `AnyProviderError`: one type over every provider's `Error`, for applications that call
/// several providers and handle their errors in one place.
fn any_provider_error(modules: &[(String, Option<String>)], example: Vec<String>) -> TokenStream {
    let modules: Vec<Ident> = modules.iter().map(|(module, _)| ident(module)).collect();
    let variants: Vec<Ident> = modules
        .iter()
        .map(|module| ident(&crate::ident::any_provider_variant(&module.to_string())))
        .collect();
    let docs = modules
        .iter()
        .map(|module| format!(" An error of [`{module}`]."));
    let forward = |method: TokenStream| {
        quote! {
            match self {
                #(AnyProviderError::#variants(error) => ::errcat::ApiError::#method(error),)*
            }
        }
    };
    let code = forward(quote!(code));
    let status = forward(quote!(status));
    let message = forward(quote!(message));
    let user_message = forward(quote!(user_message));
    let retry = forward(quote!(retry));
    let category = forward(quote!(category));
    let api_error = api_error_impl(
        &quote!(impl ::errcat::ApiError for AnyProviderError),
        &ApiErrorBodies {
            code,
            status,
            message,
            user_message,
            retry,
            category,
            request_id: Some(forward(quote!(request_id))),
            retry_after: Some(forward(quote!(retry_after))),
        },
    );
    quote! {
        /// An error of any provider of this crate: match on [`errcat::ApiError::category`] and
        /// [`errcat::ApiError::retry`] once for all of them, or on the variant for one.
        #(#[doc = #example])*
        #[derive(Clone, Debug, PartialEq)]
        pub enum AnyProviderError {
            #(#[doc = #docs] #variants(#modules::Error),)*
        }

        impl AnyProviderError {
            /// Facts about the provider the error came from.
            pub fn provider(&self) -> &'static ::errcat::ProviderInfo {
                match self {
                    #(AnyProviderError::#variants(_) => &#modules::PROVIDER,)*
                }
            }
        }

        impl ::core::fmt::Display for AnyProviderError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    #(AnyProviderError::#variants(error) => ::core::fmt::Display::fmt(error, f),)*
                }
            }
        }

        impl ::std::error::Error for AnyProviderError {
            fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #(AnyProviderError::#variants(error) => ::std::error::Error::source(error),)*
                }
            }
        }

        #api_error

        #(
            impl ::core::convert::From<#modules::Error> for AnyProviderError {
                fn from(error: #modules::Error) -> Self {
                    AnyProviderError::#variants(error)
                }
            }
        )*
    }
}

fn provider_facts(provider: &Provider) -> TokenStream {
    let module = &provider.module;
    let name = &provider.name;
    let description = optional_str(provider.description.as_deref());
    let by_code = provider.identify_by == IdentifyBy::Code;
    let empty = quote!(&::errcat::wire::WireTable::EMPTY);
    let codes = if by_code {
        quote!(&Code::TABLE)
    } else {
        empty.clone()
    };
    let types = if has_typed_type(provider) {
        quote!(&ErrorType::TABLE)
    } else {
        empty
    };
    let subcodes = if provider.subcodes.is_empty() {
        quote!(&::errcat::wire::WireTable::EMPTY)
    } else {
        quote!(&SubCode::TABLE)
    };
    let envelope = envelope_expr(provider, &codes, &types, &subcodes);
    let shapes = (!provider.shapes.is_empty()).then(|| {
        let envelopes = provider.shapes.iter().map(|shape| {
            shape_envelope_expr(
                provider,
                shape.nested_under.as_deref(),
                shape.list,
                &shape.keys,
                [&codes, &types, &subcodes],
            )
        });
        let names = provider.shapes.iter().map(|shape| shape.name.as_str());
        quote! {
            /// Every body shape of this provider, tried in this order when decoding: [`ENVELOPE`]
            /// first, then the catalog's `also` shapes.
            pub const ENVELOPES: &[::errcat::wire::Envelope] = &[ENVELOPE, #(#envelopes),*];

            /// The names of [`ENVELOPES`], in the same order (`main` for [`ENVELOPE`]).
            pub const SHAPES: &[&str] = &["main", #(#names),*];
        }
    });
    let statuses = provider.statuses.iter().map(|row| {
        let category = category_expr(row.category, row.status);
        let retry = retry_expr(row.retry, row.status);
        let status = number(row.status);
        let meaning = &row.meaning;
        quote!(::errcat::StatusInfo { status: #status, meaning: #meaning, category: #category, retry: #retry })
    });
    let header_names = {
        let lists = provider.header_names.iter().map(|(key, names)| {
            let key = ident(key);
            quote!(#key: &[#(#names),*])
        });
        quote!(::errcat::HeaderNames { #(#lists),* })
    };
    let provider_doc = doc_lines(&format!("Facts about {} as a whole.", md(name)));
    quote! {
        #provider_doc
        pub const PROVIDER: ::errcat::ProviderInfo = ::errcat::ProviderInfo {
            module: #module,
            name: #name,
            description: #description,
            identifies_by_code: #by_code,
        };

        /// Where this provider puts each part of an error in its JSON body.
        pub const ENVELOPE: ::errcat::wire::Envelope = #envelope;

        #shapes

        /// The headers this provider uses for request ids, retry hints and rate limits (read
        /// before the generic names).
        pub const HEADER_NAMES: ::errcat::HeaderNames = #header_names;

        /// The provider's HTTP error statuses, with the category and retry advice of unknown codes.
        pub const STATUSES: &[::errcat::StatusInfo] = &[#(#statuses),*];

        /// The status table's row for `status`, if the provider documents it.
        pub fn status_info(status: u16) -> ::core::option::Option<&'static ::errcat::StatusInfo> {
            STATUSES.iter().find(|row| row.status == status)
        }
    }
}

fn code_doc(provider: &Provider, code: &Code) -> Vec<String> {
    let mut text = String::new();
    if provider.identify_by == IdentifyBy::Code {
        text.push_str(&format!(
            "{}: {}\n",
            code_span(&code.wire),
            md(&code.message)
        ));
    } else {
        text.push_str(&format!("{}\n", code_span(&code.wire)));
    }
    if let Some(description) = &code.description {
        text.push_str(&format!("\n{}\n", md(description)));
    }
    let statuses: Vec<String> = code.statuses.iter().map(u16::to_string).collect();
    match statuses.as_slice() {
        [] => text.push_str("\n- Status: not documented (the response's status stands)\n"),
        [status] => text.push_str(&format!("\n- Status: {status}\n")),
        several => text.push_str(&format!("\n- Statuses: {}\n", several.join(", "))),
    }
    if let Some(index) = code.type_index {
        text.push_str(&format!(
            "- Type: {}\n",
            code_span(&provider.types[index].wire)
        ));
    }
    if let Some(category) = code.category {
        text.push_str(&format!("- Category: `{}`\n", category.as_str()));
    }
    if let Some(retry) = code.retry {
        text.push_str(&format!("- Retry: `{}`\n", retry.as_str()));
    }
    if let Some(user_message) = &code.user_message {
        text.push_str(&format!("- User message: {}\n", md(user_message)));
    }
    if !code.endpoints.is_empty() {
        text.push_str(&format!(
            "- Endpoints: {}\n",
            md(&code.endpoints.join(", "))
        ));
    }
    if let Some(fix) = &code.fix {
        text.push_str(&format!("\nFix:\n\n{}\n", md(fix)));
    }
    doc_text_lines(&text)
}

/// An enum of wire strings with a catch-all `Unknown(String)` variant and a static table of
/// catalog facts per variant: what `Code` and `ErrorType` share.
struct WireEnum<'a> {
    /// The enum's name.
    name: &'static str,
    /// What one variant is, for docs ("code", "type").
    what: &'static str,
    /// Rustdoc of the enum, as doc text lines.
    doc: Vec<String>,
    /// The facts type of the table (`::errcat::CodeInfo`).
    info_type: &'static str,
    /// One per variant, in catalog order.
    variants: Vec<WireVariant<'a>>,
    /// Whether some variants are JSON integers on the wire (serialized as integers).
    integers: bool,
}

/// One listed variant of a [`WireEnum`].
struct WireVariant<'a> {
    /// Rustdoc, as doc text lines.
    doc: Vec<String>,
    /// The Rust name.
    ident: &'a str,
    /// The wire string.
    wire: &'a str,
    /// The facts table entry, as source text at the table's entry indent.
    info: String,
}

fn wire_enum(spec: WireEnum) -> Source {
    let mut source = Source::default();
    source.push_text(wire_enum_text(&spec));
    source.push_tokens(wire_enum_methods(&spec));
    source
}

/// The enum, `ALL`, `INFO`, `TABLE` and `index()`: everything with one line per variant.
fn wire_enum_text(spec: &WireEnum<'_>) -> String {
    let WireEnum {
        name,
        what,
        doc,
        info_type,
        variants,
        integers: _,
    } = spec;
    let mut out = String::with_capacity(variants.len() * 1024);
    text::doc_comment(&mut out, "", doc);
    out.push_str("///\n/// Serializes as its wire string; deserializing never fails on an unlisted string.\n");
    out.push_str("///\n/// `#[non_exhaustive]`: a catalog that lists a new value adds a variant, which must not\n/// break a `match` in a crate that uses this one (`errcat diff` calls it compatible).\n");
    out.push_str("#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]\n#[non_exhaustive]\n");
    out.push_str(&format!("pub enum {name} {{\n"));
    for variant in variants {
        text::doc_comment(&mut out, ITEM, &variant.doc);
        out.push_str(ITEM);
        out.push_str(variant.ident);
        out.push_str(",\n");
    }
    out.push_str(&format!(
        "{ITEM}/// A {what} this catalog does not list, kept exactly as the provider sent it.\n\
         {ITEM}Unknown(::std::string::String),\n}}\n"
    ));

    out.push_str(&format!(
        "impl {name} {{\n{ITEM}/// Every documented {what}, in catalog order.\n\
         {ITEM}pub const ALL: &'static [{name}] = "
    ));
    text::array(&mut out, ITEM, variants, |out, variant| {
        out.push_str(name);
        out.push_str("::");
        out.push_str(variant.ident);
    });
    out.push_str(&format!(
        ";\n{ITEM}/// The catalog facts of every documented {what}, in the order of [`{name}::ALL`].\n\
         {ITEM}pub const INFO: &'static [{info_type}] = "
    ));
    text::array(&mut out, ITEM, variants, |out, variant| {
        out.push_str(&variant.info);
    });
    out.push_str(&format!(
        ";\n{ITEM}/// The wire strings of [`{name}::ALL`], in a perfect-hash table: finding one costs one hash and one comparison.\n\
         {ITEM}pub const TABLE: ::errcat::wire::WireTable = "
    ));
    let wires: Vec<&str> = variants.iter().map(|variant| variant.wire).collect();
    wire_table::table_text(&mut out, ITEM, &wires);
    out.push_str(&format!(
        ";\n{ITEM}/// The position in [`{name}::ALL`]; `None` for [`{name}::Unknown`].\n\
         {ITEM}pub const fn index(&self) -> ::core::option::Option<usize> {{\n\
         {ENTRY}match self {{\n"
    ));
    for (index, variant) in variants.iter().enumerate() {
        out.push_str(&format!(
            "{ENTRY}    {name}::{} => Some({index}),\n",
            variant.ident
        ));
    }
    out.push_str(&format!(
        "{ENTRY}    {name}::Unknown(_) => None,\n{ENTRY}}}\n{ITEM}}}\n}}\n"
    ));
    out
}

/// The methods and trait impls that do not depend on the number of variants.
fn wire_enum_methods(spec: &WireEnum<'_>) -> TokenStream {
    let what = spec.what;
    let name = ident(spec.name);
    let info_type = text::tokens(spec.info_type);
    let from_wire_doc =
        format!(" The {what} a wire string names; an unlisted string becomes [`{name}::Unknown`].");
    let from_wire_string_doc =
        format!(" Like [`{name}::from_wire`], reusing the allocation for an unlisted string.");
    let from_wire_text_doc = format!(
        " The {what} a decoded wire text names (the decoder has already looked it up in [`{name}::TABLE`])."
    );
    let info_fn_doc = format!(" The catalog facts; `None` for [`{name}::Unknown`].");
    let serialize_body = if spec.integers {
        quote! {
            let integer = self.info().is_some_and(|info| info.integer);
            ::errcat::wire::serialize_wire_text(serializer, self.as_str(), integer)
        }
    } else {
        quote!(serializer.serialize_str(self.as_str()))
    };
    // With no listed variant, `Unknown` is the only pattern: arms for listed ones would be
    // unreachable (a warning, an error under `deny(warnings)`).
    let (as_str_body, debug_body) = if spec.variants.is_empty() {
        (
            quote!(match self { #name::Unknown(wire) => wire }),
            quote!(match self { #name::Unknown(wire) => f.debug_tuple("Unknown").field(wire).finish() }),
        )
    } else {
        (
            quote! {
                match (self, self.info()) {
                    (#name::Unknown(wire), _) => wire,
                    (_, ::core::option::Option::Some(info)) => info.wire,
                    (_, ::core::option::Option::None) => "",
                }
            },
            quote! {
                match (self, self.info()) {
                    (#name::Unknown(wire), _) => f.debug_tuple("Unknown").field(wire).finish(),
                    (_, ::core::option::Option::Some(info)) => f.write_str(info.name),
                    (_, ::core::option::Option::None) => f.write_str("Unknown"),
                }
            },
        )
    };
    quote! {
        impl #name {
            #[doc = #from_wire_doc]
            pub fn from_wire(wire: &str) -> #name {
                match Self::TABLE.find(wire).and_then(|index| Self::ALL.get(index)) {
                    ::core::option::Option::Some(known) => known.clone(),
                    ::core::option::Option::None => #name::Unknown(wire.to_owned()),
                }
            }

            #[doc = #from_wire_string_doc]
            pub fn from_wire_string(wire: ::std::string::String) -> #name {
                match Self::TABLE.find(&wire).and_then(|index| Self::ALL.get(index)) {
                    ::core::option::Option::Some(known) => known.clone(),
                    ::core::option::Option::None => #name::Unknown(wire),
                }
            }

            #[doc = #from_wire_text_doc]
            pub fn from_wire_text(wire: ::errcat::wire::WireText) -> #name {
                // The decoder hands out the table's own `&'static str`: the same pointer proves the
                // index is this table's without comparing the text again.
                if let ::core::option::Option::Some((index, name)) = wire.listed() {
                    if let ::core::option::Option::Some(listed) = Self::TABLE.name(index) {
                        if ::core::ptr::eq(listed, name) {
                            if let ::core::option::Option::Some(known) = Self::ALL.get(index) {
                                return known.clone();
                            }
                        }
                    }
                }
                #name::from_wire_string(wire.into_string())
            }

            #[doc = #info_fn_doc]
            pub fn info(&self) -> ::core::option::Option<&'static #info_type> {
                Self::INFO.get(self.index()?)
            }

            /// Whether the catalog lists it.
            pub const fn is_known(&self) -> bool {
                self.index().is_some()
            }

            /// The wire string.
            pub fn as_str(&self) -> &str {
                #as_str_body
            }
        }

        impl ::errcat::wire::WireName for #name {
            fn from_wire(wire: &str) -> Self {
                #name::from_wire(wire)
            }
            fn from_wire_string(wire: ::std::string::String) -> Self {
                #name::from_wire_string(wire)
            }
            fn as_str(&self) -> &str {
                #name::as_str(self)
            }
        }

        // As derived (the variant's name), through the facts table rather than one match arm
        // per variant: large catalogs compile faster.
        impl ::core::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #debug_body
            }
        }

        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for #name {
            type Err = ::core::convert::Infallible;
            fn from_str(wire: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(#name::from_wire(wire))
            }
        }

        impl ::errcat::__private::serde::Serialize for #name {
            fn serialize<S: ::errcat::__private::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                #serialize_body
            }
        }

        impl<'de> ::errcat::__private::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::errcat::__private::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                ::errcat::wire::deserialize_wire_name(deserializer)
            }
        }
    }
}

/// The private imports at the top of every generated provider module (see [`Spelling`]).
fn module_imports() -> TokenStream {
    quote! {
        #[allow(unused_imports)]
        use ::core::option::Option::{None, Some};
        #[allow(unused_imports)]
        use ::errcat::{Category, CodeInfo, RetryAdvice};
    }
}

/// The `Code` (or `SubCode`) variant of a code: its docs, names and `CodeInfo` entry.
fn code_variant<'a>(provider: &Provider, code: &'a Code) -> WireVariant<'a> {
    let mut info = String::new();
    code_info_text(&mut info, code, Spelling::Imported, ENTRY);
    WireVariant {
        doc: code_doc(provider, code),
        ident: &code.ident,
        wire: &code.wire,
        info,
    }
}

fn code_enum(provider: &Provider, example: Option<&DocExample<'_>>) -> Source {
    let name = md(&provider.name);
    let mut doc = doc_text_lines(&match provider.identify_by {
        IdentifyBy::Code => format!("An error code of {name}: one variant per documented code, and `Unknown` for any other."),
        IdentifyBy::Message => format!(
            "An error of {name}, which names errors by their exact message text: one variant per documented text, and `Unknown` for any other."
        ),
    });
    if let Some(example) = example {
        doc.extend(example.code_lines());
    }
    let variants = provider
        .codes
        .iter()
        .map(|code| code_variant(provider, code))
        .collect();
    let mut source = wire_enum(WireEnum {
        name: "Code",
        what: "code",
        doc,
        info_type: "::errcat::CodeInfo",
        variants,
        integers: has_integer_codes(provider),
    });
    let type_items = if provider.types.is_empty() {
        TokenStream::new()
    } else {
        let mut types = format!(
            "impl Code {{\n{ITEM}const TYPES: &'static [::core::option::Option<ErrorType>] = "
        );
        text::array(&mut types, ITEM, &provider.codes, |out, code| {
            match code.type_index {
                Some(index) => {
                    out.push_str("Some(ErrorType::");
                    out.push_str(&provider.types[index].ident);
                    out.push(')');
                }
                None => out.push_str("None"),
            }
        });
        types.push_str(";\n}\n");
        source.push_text(types);
        quote! {
            /// The provider error type this code belongs to, if the catalog says.
            pub fn error_type(&self) -> ::core::option::Option<ErrorType> {
                Self::TYPES.get(self.index()?)?.clone()
            }
        }
    };
    source.push_tokens(identify::code_patterns(provider));
    source.push_tokens(quote! {
        impl Code {
            #type_items

            /// The HTTP status the catalog documents for the code (the first, when it documents
            /// several); `None` for an unknown code or one the provider documents no status for.
            pub fn status(&self) -> ::core::option::Option<::errcat::http::StatusCode> {
                self.info()?.status_code()
            }

            /// Every HTTP status the catalog documents for the code (empty for an unknown code).
            pub fn statuses(&self) -> &'static [u16] {
                self.info().map_or(&[], |info| info.statuses)
            }

            /// The developer message (for an unknown code, its wire string).
            pub fn message(&self) -> &str {
                match self.info() {
                    ::core::option::Option::Some(info) => info.message,
                    ::core::option::Option::None => self.as_str(),
                }
            }

            /// When the error happens, if the catalog says.
            pub fn description(&self) -> ::core::option::Option<&'static str> {
                self.info()?.description
            }

            /// A message safe to show end users: the catalog's, else the category's default.
            pub fn user_message(&self) -> &'static str {
                match self.info() {
                    ::core::option::Option::Some(info) => info.user_message_or_default(),
                    ::core::option::Option::None => self.category().default_user_message(),
                }
            }

            /// What to do about it, if the catalog says.
            pub fn fix(&self) -> ::core::option::Option<&'static str> {
                self.info()?.fix
            }

            /// The catalog's retry advice (`Never` for an unknown code, or a code whose advice
            /// depends on the status of the response it comes with: see [`Error::retry`]).
            pub fn retry(&self) -> ::errcat::RetryAdvice {
                self.info().and_then(|info| info.retry).unwrap_or(::errcat::RetryAdvice::Never)
            }

            /// The cross-provider category (`Unknown` for an unknown code, or a code whose
            /// category depends on the status of the response it comes with: see
            /// [`Error::category`]).
            pub fn category(&self) -> ::errcat::Category {
                self.info().and_then(|info| info.category).unwrap_or(::errcat::Category::Unknown)
            }
        }
    });
    source
}

/// `enum SubCode`: the second code a body may carry, with its own facts (`CodeInfo`).
fn subcode_enum(provider: &Provider, example: Option<&DocExample<'_>>) -> Source {
    let name = md(&provider.name);
    let mut doc = doc_text_lines(&format!(
        "A subcode of {name}: the second code a body may carry beside its code, one variant per documented subcode, and `Unknown` for any other."
    ));
    if let (Some(example), Some(first)) = (example, provider.subcodes.first()) {
        doc.extend(example.wire_enum_lines("SubCode", &first.ident, &first.wire));
    }
    let variants = provider
        .subcodes
        .iter()
        .map(|subcode| code_variant(provider, subcode))
        .collect();
    let mut source = wire_enum(WireEnum {
        name: "SubCode",
        what: "subcode",
        doc,
        info_type: "::errcat::CodeInfo",
        variants,
        integers: provider.subcodes.iter().any(|subcode| subcode.integer),
    });
    source.push_tokens(quote! {
        impl SubCode {
            /// The HTTP status the catalog documents for the subcode, if any.
            pub fn status(&self) -> ::core::option::Option<::errcat::http::StatusCode> {
                self.info()?.status_code()
            }

            /// The developer message (for an unknown subcode, its wire string).
            pub fn message(&self) -> &str {
                match self.info() {
                    ::core::option::Option::Some(info) => info.message,
                    ::core::option::Option::None => self.as_str(),
                }
            }

            /// A message safe to show end users, if the catalog gives one.
            pub fn user_message(&self) -> ::core::option::Option<&'static str> {
                self.info()?.user_message
            }

            /// What to do about it, if the catalog says.
            pub fn fix(&self) -> ::core::option::Option<&'static str> {
                self.info()?.fix
            }

            /// The subcode's retry advice, if the catalog gives one (it overrides the code's).
            pub fn retry(&self) -> ::core::option::Option<::errcat::RetryAdvice> {
                self.info()?.retry
            }

            /// The subcode's category, if the catalog gives one (it overrides the code's).
            pub fn category(&self) -> ::core::option::Option<::errcat::Category> {
                self.info()?.category
            }
        }
    });
    source
}

fn type_doc(error_type: &Type) -> Vec<String> {
    let mut text = code_span(&error_type.wire);
    if let Some(description) = &error_type.description {
        text.push_str(&format!(": {}", md(description)));
    }
    text.push('\n');
    if let Some(status) = error_type.status {
        text.push_str(&format!("\n- Default status: {status}\n"));
    }
    doc_text_lines(&text)
}

/// One `::errcat::TypeInfo` table entry as source text, its fields at `indent` plus four spaces.
fn type_info_text(out: &mut String, error_type: &Type, indent: &str) {
    let optional_word = |out: &mut String, kind: &str, word: Option<&str>| match word {
        Some(word) => {
            out.push_str("Some(");
            out.push_str(kind);
            out.push_str("::");
            out.push_str(word);
            out.push(')');
        }
        None => out.push_str("None"),
    };
    text::StructLiteral::open(out, indent, "::errcat::TypeInfo")
        .str_field("wire", &error_type.wire)
        .str_field("name", &error_type.ident)
        .field("description", |out| {
            text::optional_str_literal(out, error_type.description.as_deref(), false);
        })
        .field("status", |out| match error_type.status {
            Some(status) => out.push_str(&format!("Some({status})")),
            None => out.push_str("None"),
        })
        .field("retry", |out| {
            optional_word(
                out,
                "RetryAdvice",
                error_type.retry.map(RetryAdvice::variant),
            );
        })
        .field("category", |out| {
            optional_word(out, "Category", error_type.category.map(Category::variant));
        })
        .close();
}

fn type_enum(provider: &Provider, example: Option<&DocExample<'_>>) -> Source {
    let mut doc = doc_text_lines(&format!(
        "An error type of {}: a broad class of codes.",
        md(&provider.name)
    ));
    if let (Some(example), Some(first)) = (example, provider.types.first()) {
        doc.extend(example.wire_enum_lines("ErrorType", &first.ident, &first.wire));
    }
    let variants = provider
        .types
        .iter()
        .map(|error_type| {
            let mut info = String::new();
            type_info_text(&mut info, error_type, ENTRY);
            WireVariant {
                doc: type_doc(error_type),
                ident: &error_type.ident,
                wire: &error_type.wire,
                info,
            }
        })
        .collect();
    wire_enum(WireEnum {
        name: "ErrorType",
        what: "type",
        doc,
        info_type: "::errcat::TypeInfo",
        variants,
        integers: false,
    })
}

/// The parts of `Error` that depend on whether the provider has further body shapes (`also:`).
struct BodyShapes {
    shape_field: TokenStream,
    shape_init_new: TokenStream,
    shape_init_blank: TokenStream,
    decode_fn: TokenStream,
    deserialize_body: TokenStream,
    render_envelope: TokenStream,
    shape_methods: TokenStream,
}

/// `Error::decode`, its `Deserialize` and its rendering with one body shape, or with every shape of
/// `ENVELOPES` (tried in order: the first that identifies the error wins, else the first that
/// reads the body, else the main shape's failure), and the error's `shape`.
fn body_shapes(provider: &Provider) -> BodyShapes {
    if provider.shapes.is_empty() {
        return BodyShapes {
            shape_field: TokenStream::new(),
            shape_init_new: TokenStream::new(),
            shape_init_blank: TokenStream::new(),
            decode_fn: quote! {
                /// Decodes a response body sent with `status`.
                pub fn decode(status: u16, body: &[u8]) -> ::core::result::Result<Error, ::errcat::DecodeError> {
                    let mut error = Error::blank(::errcat::wire::Fields::default());
                    ::errcat::wire::decode_into(&ENVELOPE, status, body, &mut error.fields)?;
                    let status_code = ::errcat::http::StatusCode::from_u16(status)
                        .map_err(|_| ::errcat::DecodeError::new(status, ::errcat::DecodeErrorKind::InvalidStatus, body))?;
                    error
                        .identify(::core::option::Option::Some(status_code))
                        .map_err(|kind| ::errcat::DecodeError::new(status, kind, body))?;
                    ::core::result::Result::Ok(error)
                }
            },
            deserialize_body: quote! {
                let mut error = Error::blank(::errcat::wire::deserialize_fields(&ENVELOPE, deserializer)?);
                error
                    .identify(::core::option::Option::None)
                    .map_err(<D::Error as ::errcat::__private::serde::de::Error>::custom)?;
                ::core::result::Result::Ok(error)
            },
            render_envelope: quote!(&ENVELOPE),
            shape_methods: TokenStream::new(),
        };
    }
    let code_shapes = provider.codes.iter().any(|code| code.shape != 0).then(|| {
        let shapes = provider.codes.iter().map(|code| code.shape);
        quote! {
            /// Per code of [`Code::ALL`], the index in [`ENVELOPES`] of the shape an error
            /// built from it is rendered in.
            const CODE_SHAPES: &'static [usize] = &[#(#shapes),*];
        }
    });
    let shape_init_new = if code_shapes.is_some() {
        quote!(shape: code.index().and_then(|index| Error::CODE_SHAPES.get(index).copied()).unwrap_or(0),)
    } else {
        quote!(shape: 0,)
    };
    BodyShapes {
        shape_field: quote!(shape: usize,),
        shape_init_new,
        shape_init_blank: quote!(shape: 0,),
        decode_fn: quote! {
            /// Decodes a response body sent with `status`, with each body shape of
            /// [`ENVELOPES`] in turn (the shape whose nesting key is the body's first key first,
            /// then the catalog's order; see `errcat::wire::shape_order`): the first under which
            /// the body names its error wins; else the first that reads it; else the first
            /// shape's failure.
            pub fn decode(status: u16, body: &[u8]) -> ::core::result::Result<Error, ::errcat::DecodeError> {
                let status_code = ::errcat::http::StatusCode::from_u16(status)
                    .map_err(|_| ::errcat::DecodeError::new(status, ::errcat::DecodeErrorKind::InvalidStatus, body))?;
                Error::decode_shapes(status, ::core::option::Option::Some(status_code), body)
            }

            fn decode_shapes(status: u16, status_code: ::core::option::Option<::errcat::http::StatusCode>, body: &[u8]) -> ::core::result::Result<Error, ::errcat::DecodeError> {
                let mut unidentified: ::core::option::Option<Error> = ::core::option::Option::None;
                let mut failure: ::core::option::Option<::errcat::DecodeError> = ::core::option::Option::None;
                for shape in ::errcat::wire::shape_order(ENVELOPES, body) {
                    let ::core::option::Option::Some(envelope) = ENVELOPES.get(shape) else {
                        continue;
                    };
                    let mut error = Error::blank(::errcat::wire::Fields::default());
                    error.shape = shape;
                    let read = ::errcat::wire::decode_into(envelope, status, body, &mut error.fields)
                        .and_then(|()| error.identify(status_code).map_err(|kind| ::errcat::DecodeError::new(status, kind, body)));
                    match read {
                        ::core::result::Result::Ok(()) if error.identified_by != ::errcat::wire::IdentifiedBy::Nothing => {
                            return ::core::result::Result::Ok(error);
                        }
                        ::core::result::Result::Ok(()) => {
                            unidentified.get_or_insert(error);
                        }
                        ::core::result::Result::Err(problem) => {
                            failure.get_or_insert(problem);
                        }
                    }
                }
                match (unidentified, failure) {
                    (::core::option::Option::Some(error), _) => ::core::result::Result::Ok(error),
                    (::core::option::Option::None, ::core::option::Option::Some(problem)) => ::core::result::Result::Err(problem),
                    (::core::option::Option::None, ::core::option::Option::None) => ::core::result::Result::Err(::errcat::DecodeError::new(status, ::errcat::DecodeErrorKind::NotAnObject, body)),
                }
            }
        },
        deserialize_body: quote! {
            let raw = <::std::boxed::Box<::errcat::__private::serde_json::value::RawValue> as ::errcat::__private::serde::Deserialize>::deserialize(deserializer)?;
            Error::decode_shapes(0, ::core::option::Option::None, raw.get().as_bytes())
                .map_err(<D::Error as ::errcat::__private::serde::de::Error>::custom)
        },
        render_envelope: quote!(ENVELOPES.get(self.shape).unwrap_or(&ENVELOPE)),
        shape_methods: quote! {
            #code_shapes

            /// The name of the body shape the error came in, or is rendered in (`main` for
            /// [`ENVELOPE`]; see [`SHAPES`]).
            pub fn shape(&self) -> &'static str {
                SHAPES.get(self.shape).copied().unwrap_or("main")
            }
        },
    }
}

/// For list envelopes (`list_under`): `struct Item` and `Error::items`; nothing otherwise.
fn list_items(provider: &Provider, example: Option<&DocExample<'_>>) -> (TokenStream, TokenStream) {
    let list_key = if provider.list {
        provider.nested_under.as_deref()
    } else {
        provider
            .shapes
            .iter()
            .find(|shape| shape.list)
            .and_then(|shape| shape.nested_under.as_deref())
    };
    let Some(key) = list_key else {
        return (TokenStream::new(), TokenStream::new());
    };
    let message = provider.has_slot(Slot::Message).then(|| {
        quote! {
            /// The item's message, as sent.
            pub fn message(&self) -> ::core::option::Option<&'a str> {
                self.fields.message.as_deref()
            }
        }
    });
    let text_slots = [
        (Slot::Param, "param"),
        (Slot::Field, "field"),
        (Slot::Details, "details"),
    ]
    .into_iter()
    .filter(|(slot, _)| provider.has_slot(*slot))
    .map(|(_, name)| {
        let name = ident(name);
        let doc = format!(" The item's `{name}`, as sent.");
        quote! {
            #[doc = #doc]
            pub fn #name(&self) -> ::core::option::Option<&'a str> {
                self.fields.#name.as_deref()
            }
        }
    });
    let item_fields = item_field_methods(provider);
    let item_doc = format!(
        " One error object of the list under `{key}`, with its code typed (see [`Error::items`])."
    );
    let item_example = example.map(|example| {
        let lines = example.item_lines();
        quote!(#(#[doc = #lines])*)
    });
    let item_type = quote! {
        #[doc = #item_doc]
        #item_example
        #[derive(Clone, Debug, PartialEq)]
        pub struct Item<'a> {
            code: Code,
            fields: &'a ::errcat::wire::Fields,
        }

        impl<'a> Item<'a> {
            /// The item's code (`Code::Unknown("")` for an item without one).
            pub fn code(&self) -> &Code {
                &self.code
            }

            #message
            #(#text_slots)*
            #item_fields

            /// Every part of the item, untyped, its unknown keys included.
            pub fn fields(&self) -> &'a ::errcat::wire::Fields {
                self.fields
            }
        }
    };
    let item_code = match provider.identify_by {
        IdentifyBy::Code => quote! {
            fields.code.clone().map_or(Code::Unknown(::std::string::String::new()), Code::from_wire_text)
        },
        IdentifyBy::Message => quote! {
            fields.message.as_deref().map_or(Code::Unknown(::std::string::String::new()), Code::from_wire)
        },
    };
    let methods = quote! {
        /// Every error object of the body's list, in order, with its code typed. The first is the
        /// error itself (its code is [`Error::code`], its parts the error's own); an empty list
        /// gives none.
        pub fn items(&self) -> ::std::vec::Vec<Item<'_>> {
            let mut items = ::std::vec::Vec::with_capacity(self.fields.rest.len() + 1);
            if !self.fields.list_empty {
                items.push(Item { code: self.code.clone(), fields: &self.fields });
            }
            for fields in &self.fields.rest {
                let code = #item_code;
                items.push(Item { code, fields });
            }
            items
        }
    };
    (item_type, methods)
}

/// `subcode()` (typed when the catalog lists `subcodes`) and, with a table, `with_subcode()` and
/// the lookup of the subcode's facts; nothing without a `subcode` slot.
fn subcode_methods(provider: &Provider) -> TokenStream {
    if !provider.has_slot(Slot::Subcode) {
        return TokenStream::new();
    }
    if provider.subcodes.is_empty() {
        return quote! {
            /// The subcode the body carried, if any (as sent; integers as their digits).
            pub fn subcode(&self) -> ::core::option::Option<&str> {
                self.fields.subcode.as_ref().map(::errcat::wire::WireText::as_str)
            }
        };
    }
    quote! {
        /// The subcode the body carried, if any: a listed [`SubCode`] or `SubCode::Unknown`.
        pub fn subcode(&self) -> ::core::option::Option<SubCode> {
            self.fields.subcode.clone().map(SubCode::from_wire_text)
        }

        /// Sets the subcode (written as an integer for the catalog's integer subcodes).
        #[must_use]
        pub fn with_subcode(mut self, subcode: SubCode) -> Self {
            let wire = if subcode.info().is_some_and(|info| info.integer) {
                ::errcat::wire::WireText::resolve_digits(&SubCode::TABLE, subcode.as_str())
            } else {
                ::errcat::wire::WireText::resolve(&SubCode::TABLE, subcode.as_str())
            };
            self.fields.subcode = ::core::option::Option::Some(wire);
            self
        }

        /// The catalog facts of the subcode the body carried, if it is a listed one.
        fn subcode_info(&self) -> ::core::option::Option<&'static ::errcat::CodeInfo> {
            let index = SubCode::TABLE.find(self.fields.subcode.as_ref()?.as_str())?;
            SubCode::INFO.get(index)
        }
    }
}

/// For providers that send some errors with a 2xx status (`error_when`): `Error::ERROR_WHEN`,
/// `Error::from_success` and the `HttpError::from_success_parts` override; nothing otherwise.
fn success_errors(provider: &Provider) -> (TokenStream, TokenStream) {
    if provider.error_when.is_empty() {
        return (TokenStream::new(), TokenStream::new());
    }
    let markers = provider.error_when.iter().map(|(key, value)| {
        let value = match value {
            Scalar::Null => quote!(::errcat::wire::JsonScalar::Null),
            Scalar::Bool(flag) => quote!(::errcat::wire::JsonScalar::Bool(#flag)),
            Scalar::Integer(number) => {
                let number = Literal::i64_unsuffixed(*number);
                quote!(::errcat::wire::JsonScalar::Integer(#number))
            }
            Scalar::Text(text) => quote!(::errcat::wire::JsonScalar::Text(#text)),
        };
        quote!(::errcat::wire::ErrorWhen { key: #key, value: #value })
    });
    let items = quote! {
        /// The top-level keys and values that make a body sent with a success (2xx) status an
        /// error.
        pub const ERROR_WHEN: &'static [::errcat::wire::ErrorWhen] = &[#(#markers),*];

        /// Reads a successful (2xx) response's body: `Some` error when the body carries
        /// [`Error::ERROR_WHEN`], `None` when it is a success. (`Error::new` writes the markers
        /// into the errors it builds.)
        pub fn from_success(status: u16, body: &[u8]) -> ::core::option::Option<Error> {
            if !::errcat::wire::body_matches(body, Error::ERROR_WHEN) {
                return ::core::option::Option::None;
            }
            Error::decode(status, body).ok()
        }
    };
    let trait_override = quote! {
        fn from_success_parts(status: ::errcat::http::StatusCode, headers: &::errcat::http::HeaderMap, body: &[u8]) -> ::core::option::Option<Self> {
            let mut error = Error::from_success(status.as_u16(), body)?;
            error.headers = ::errcat::HeaderInfo::from_headers_named(headers, &HEADER_NAMES);
            ::core::option::Option::Some(error)
        }
    };
    (items, trait_override)
}

/// How a declared field of one kind reads and writes: the accessor's output type (borrowing
/// for `'life`), the `serde_json::Value` method that reads it, the setter's input type and the
/// expression that turns `value` into JSON.
struct FieldAccess {
    output: TokenStream,
    read: TokenStream,
    input: TokenStream,
    write: TokenStream,
}

fn field_access(kind: FieldKind, life: &TokenStream) -> FieldAccess {
    let value = quote!(::errcat::__private::serde_json::Value);
    let (output, read, input, write) = match kind {
        FieldKind::String | FieldKind::Url => (
            quote!(&#life str),
            quote!(#value::as_str),
            quote!(impl ::core::convert::Into<::std::string::String>),
            quote!(#value::String(value.into())),
        ),
        FieldKind::Integer => (
            quote!(i64),
            quote!(#value::as_i64),
            quote!(i64),
            quote!(#value::from(value)),
        ),
        FieldKind::Boolean => (
            quote!(bool),
            quote!(#value::as_bool),
            quote!(bool),
            quote!(#value::Bool(value)),
        ),
        FieldKind::Object => (
            quote!(&#life ::errcat::__private::serde_json::Map<::std::string::String, #value>),
            quote!(#value::as_object),
            quote!(::errcat::__private::serde_json::Map<::std::string::String, #value>),
            quote!(#value::Object(value)),
        ),
        FieldKind::List => (
            quote!(&#life [#value]),
            quote!(|value| #value::as_array(value).map(::std::vec::Vec::as_slice)),
            quote!(::std::vec::Vec<#value>),
            quote!(#value::Array(value)),
        ),
    };
    FieldAccess {
        output,
        read,
        input,
        write,
    }
}

/// The doc line of a declared field's accessor.
fn field_doc(field: &crate::plan::Field, whose: &str) -> TokenStream {
    let key = &field.key;
    let what = match &field.description {
        Some(description) => format!("`{key}`: {}", md(description)),
        None => format!("`{key}`"),
    };
    doc_lines(&format!(
        "{what} ({}), if {whose} has it with that type.",
        field.kind.as_str()
    ))
}

/// An accessor and a setter for each declared field (`envelope.fields`). Its value is kept in
/// `Fields::declared`, at the field's position in the catalog (every shape's envelope lists the
/// fields in that order).
fn declared_field_methods(provider: &Provider) -> TokenStream {
    let methods = provider.fields.iter().enumerate().map(|(position, field)| {
        let key = &field.key;
        let getter = ident(&field.accessor);
        let setter = ident(&format!("with_{}", field.accessor));
        let getter_doc = field_doc(field, "the body");
        let setter_doc = format!(" Sets `{key}`.");
        let FieldAccess {
            output,
            read,
            input,
            write,
        } = field_access(field.kind, &TokenStream::new());
        quote! {
            #getter_doc
            pub fn #getter(&self) -> ::core::option::Option<#output> {
                self.fields.declared(#position).and_then(#read)
            }

            #[doc = #setter_doc]
            #[must_use]
            pub fn #setter(mut self, value: #input) -> Self {
                self.fields.set_declared(#position, #write);
                self
            }
        }
    });
    quote!(#(#methods)*)
}

/// For `Item` (one error object of a list body): an accessor for each declared field of the
/// error object.
fn item_field_methods(provider: &Provider) -> TokenStream {
    let life = quote!('a);
    let methods = provider
        .fields
        .iter()
        .enumerate()
        .filter(|(_, field)| !field.outer)
        .map(|(position, field)| {
            let getter = ident(&field.accessor);
            let doc = field_doc(field, "the item");
            let FieldAccess { output, read, .. } = field_access(field.kind, &life);
            quote! {
                #doc
                pub fn #getter(&self) -> ::core::option::Option<#output> {
                    self.fields.declared(#position).and_then(#read)
                }
            }
        });
    quote!(#(#methods)*)
}

/// Accessors and setters for the optional string slots the envelope has.
fn text_slot_methods(provider: &Provider) -> TokenStream {
    let slots = [
        (
            Slot::Param,
            "param",
            "The request parameter the error is about.",
        ),
        (
            Slot::Field,
            "field",
            "The request field the error is about.",
        ),
        (Slot::Details, "details", "Additional context."),
    ];
    let methods = slots.iter().filter(|(slot, ..)| provider.has_slot(*slot)).map(|(_, name, doc)| {
        let getter = ident(name);
        let setter = ident(&format!("with_{name}"));
        let setter_doc = format!(" Sets the `{name}`.");
        quote! {
            #[doc = #doc]
            pub fn #getter(&self) -> ::core::option::Option<&str> {
                self.fields.#getter.as_deref()
            }

            #[doc = #setter_doc]
            #[must_use]
            pub fn #setter(mut self, #getter: impl ::core::convert::Into<::std::string::String>) -> Self {
                self.fields.#getter = ::core::option::Option::Some(#getter.into());
                self
            }
        }
    });
    quote!(#(#methods)*)
}

/// Whether the provider has an `ErrorType` enum: it lists types and its envelope has a type key.
/// Whether the catalog lists codes the provider sends as JSON integers.
fn has_integer_codes(provider: &Provider) -> bool {
    provider.codes.iter().any(|code| code.integer)
}

fn has_typed_type(provider: &Provider) -> bool {
    !provider.types.is_empty() && provider.has_slot(Slot::Type)
}

fn error_struct(provider: &Provider, example: Option<&DocExample<'_>>) -> TokenStream {
    let name = &provider.name;
    let typed_type = has_typed_type(provider);
    let by_code = provider.identify_by == IdentifyBy::Code;
    let struct_doc = doc_lines(&format!(
        "One {} error response: decoded from what the provider sent, or built to send.",
        md(name)
    ));
    let example_doc = example.map(|example| {
        let lines = example.error_lines();
        quote!(#(#[doc = #lines])*)
    });

    let type_field = if typed_type {
        quote!(error_type: ::core::option::Option<ErrorType>,)
    } else {
        TokenStream::new()
    };
    let type_init_new = if typed_type {
        quote!(error_type: code.error_type(),)
    } else {
        TokenStream::new()
    };
    let type_init_blank = if typed_type {
        quote!(error_type: ::core::option::Option::None,)
    } else {
        TokenStream::new()
    };
    let type_identify = if typed_type {
        quote!(self.error_type = self.fields.error_type.take().map(ErrorType::from_wire_text);)
    } else {
        TokenStream::new()
    };
    let type_render = if typed_type {
        quote!(self.error_type.as_ref().map(ErrorType::as_str))
    } else {
        quote!(::core::option::Option::None)
    };
    let type_methods = if typed_type {
        quote! {
            /// The provider error type the body named, if any.
            pub fn error_type(&self) -> ::core::option::Option<&ErrorType> {
                self.error_type.as_ref()
            }

            /// Sets the error type.
            #[must_use]
            pub fn with_error_type(mut self, error_type: ErrorType) -> Self {
                self.error_type = ::core::option::Option::Some(error_type);
                self
            }
        }
    } else if provider.has_slot(Slot::Type) {
        quote! {
            /// The provider error type the body named, if any.
            pub fn error_type(&self) -> ::core::option::Option<&str> {
                self.fields.error_type.as_ref().map(::errcat::wire::WireText::as_str)
            }
        }
    } else {
        TokenStream::new()
    };

    let identify = identify::identify_code(provider);
    let render_code = identify::render_code(provider);
    let fallback_fn = identify::fallback_fn(provider);
    let pattern_methods = identify::pattern_methods(provider);
    let built_identified = if by_code {
        quote!(::errcat::wire::IdentifiedBy::Code)
    } else {
        quote!(::errcat::wire::IdentifiedBy::Message)
    };
    let display = if by_code {
        quote! {
            f.write_str(self.code.as_str())?;
            f.write_str(" (")?;
            f.write_str(self.status.as_str())?;
            f.write_str("): ")?;
            f.write_str(self.message())
        }
    } else {
        quote! {
            f.write_str(self.message())?;
            f.write_str(" (")?;
            f.write_str(self.status.as_str())?;
            f.write_str(")")
        }
    };

    let integer_code = has_integer_codes(provider)
        .then(|| quote!(fields.set_code_is_number(code.info().is_some_and(|info| info.integer));));
    let text_slots = text_slot_methods(provider);
    let declared_fields = declared_field_methods(provider);
    let subcode_methods = subcode_methods(provider);
    let (item_type, item_methods) = list_items(provider, example);
    let shapes = body_shapes(provider);
    let BodyShapes {
        shape_field,
        shape_init_new,
        shape_init_blank,
        decode_fn,
        deserialize_body,
        render_envelope,
        shape_methods,
    } = shapes;
    // What the catalog states for the error: its subcode's facts first (when it has subcodes),
    // then its code's.
    let stated = |fact: TokenStream| {
        if provider.subcodes.is_empty() {
            quote!(self.code.info().and_then(|info| info.#fact))
        } else {
            quote! {
                self.subcode_info()
                    .and_then(|info| info.#fact)
                    .or_else(|| self.code.info().and_then(|info| info.#fact))
            }
        }
    };
    let stated_retry = stated(quote!(retry));
    let stated_category = stated(quote!(category));
    let stated_user_message = stated(quote!(user_message));
    // A body without a message slot carries no message: the catalog's is the only one.
    // An error built to send carries the markers that make a 2xx body an error.
    let set_markers = (!provider.error_when.is_empty()).then(|| {
        let map = if provider.nested_under.is_some() {
            quote!(outer)
        } else {
            quote!(extra)
        };
        quote!(::errcat::wire::write_markers(Error::ERROR_WHEN, &mut fields.#map);)
    });
    let fields_binding = if provider.has_slot(Slot::Message)
        || has_integer_codes(provider)
        || !provider.error_when.is_empty()
    {
        quote!(let mut fields = ::errcat::wire::Fields::default();)
    } else {
        quote!(let fields = ::errcat::wire::Fields::default();)
    };
    let (set_message, with_message) = if provider.has_slot(Slot::Message) {
        (
            quote!(fields.message = ::core::option::Option::Some(code.message().to_owned());),
            quote! {
                /// Sets the developer message.
                #[must_use]
                pub fn with_message(mut self, message: impl ::core::convert::Into<::std::string::String>) -> Self {
                    self.fields.message = ::core::option::Option::Some(message.into());
                    self
                }
            },
        )
    } else {
        (TokenStream::new(), TokenStream::new())
    };
    let (success_items, success_override) = success_errors(provider);
    let request_id_setter = provider.has_slot(Slot::RequestId).then(|| {
        quote! {
            /// Sets the request id in the body.
            #[must_use]
            pub fn with_request_id(mut self, request_id: impl ::core::convert::Into<::std::string::String>) -> Self {
                self.fields.request_id = ::core::option::Option::Some(request_id.into());
                self
            }
        }
    });
    let metadata_methods = provider.has_slot(Slot::Metadata).then(|| {
        quote! {
            /// The metadata map, if the body has one.
            pub fn metadata(&self) -> ::core::option::Option<&::errcat::__private::serde_json::Map<::std::string::String, ::errcat::__private::serde_json::Value>> {
                self.fields.metadata.as_ref()
            }

            /// Adds one metadata entry.
            #[must_use]
            pub fn with_metadata(mut self, key: impl ::core::convert::Into<::std::string::String>, value: impl ::core::convert::Into<::errcat::__private::serde_json::Value>) -> Self {
                self.fields.metadata.get_or_insert_with(::core::default::Default::default).insert(key.into(), value.into());
                self
            }
        }
    });
    let retry_after_setter = provider.has_slot(Slot::RetryAfter).then(|| {
        quote! {
            /// Sets the body's retry-after, in seconds.
            #[must_use]
            pub fn with_retry_after(mut self, seconds: u64) -> Self {
                self.fields.retry_after = ::core::option::Option::Some(seconds);
                self
            }
        }
    });
    let errors_methods = provider.has_slot(Slot::Errors).then(|| {
        quote! {
            /// The sub-errors the body lists (empty when it has none).
            pub fn sub_errors(&self) -> &[::errcat::__private::serde_json::Value] {
                self.fields.errors.as_deref().unwrap_or_default()
            }

            /// Appends a sub-error.
            #[must_use]
            pub fn with_sub_error(mut self, error: impl ::core::convert::Into<::errcat::__private::serde_json::Value>) -> Self {
                self.fields.errors.get_or_insert_with(::std::vec::Vec::new).push(error.into());
                self
            }
        }
    });

    quote! {
        #struct_doc
        ///
        /// Decoding keeps every key the provider sent (unknown keys included), so encoding a
        /// decoded error gives back the same JSON.
        ///
        /// Its `Debug` shows the status, the code and the wire body as JSON text.
        #example_doc
        #[derive(Clone, PartialEq)]
        pub struct Error {
            status: ::errcat::http::StatusCode,
            code: Code,
            #type_field
            #shape_field
            identified_by: ::errcat::wire::IdentifiedBy,
            fields: ::errcat::wire::Fields,
            headers: ::errcat::HeaderInfo,
        }

        impl ::core::fmt::Debug for Error {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct("Error")
                    .field("status", &self.status.as_u16())
                    .field("code", &self.code)
                    .field("body", &self.to_json_string())
                    .finish()
            }
        }

        impl Error {
            /// A new error with the code's catalog status and message (a code without a documented
            /// status gets the one its category implies, see `errcat::Category::typical_status`).
            pub fn new(code: Code) -> Error {
                #fields_binding
                #set_message
                #set_markers
                #integer_code
                Error {
                    status: Error::built_status(&code),
                    #type_init_new
                    #shape_init_new
                    code,
                    identified_by: #built_identified,
                    fields,
                    headers: ::errcat::HeaderInfo::default(),
                }
            }

            #decode_fn

            /// Decodes an HTTP response: status, body, and the `Retry-After`, rate-limit,
            /// request-id and retry-hint headers (by the provider's names first, see
            /// [`HEADER_NAMES`]). A body that cannot be decoded gives a `DecodeError` that keeps
            /// the status and what the headers said.
            pub fn from_http<B: ::core::convert::AsRef<[u8]>>(response: &::errcat::http::Response<B>) -> ::core::result::Result<Error, ::errcat::DecodeError> {
                ::errcat::HttpError::from_http_parts(response.status(), response.headers(), response.body().as_ref())
            }

            /// The status of an error built from `code` rather than read from a response: the
            /// code's documented status, else the one its category implies (500 for `Unknown`).
            fn built_status(code: &Code) -> ::errcat::http::StatusCode {
                match code.status() {
                    ::core::option::Option::Some(status) => status,
                    ::core::option::Option::None => code.category().typical_status(),
                }
            }

            /// An error holding `fields`, not yet identified (see [`Error::identify`]).
            fn blank(fields: ::errcat::wire::Fields) -> Error {
                Error {
                    status: ::errcat::http::StatusCode::INTERNAL_SERVER_ERROR,
                    code: Code::Unknown(::std::string::String::new()),
                    #type_init_blank
                    #shape_init_blank
                    identified_by: ::errcat::wire::IdentifiedBy::Nothing,
                    fields,
                    headers: ::errcat::HeaderInfo::default(),
                }
            }

            /// Moves the code (and type) out of the decoded fields into their typed places;
            /// without a status, the code's default.
            fn identify(&mut self, status: ::core::option::Option<::errcat::http::StatusCode>) -> ::core::result::Result<(), ::errcat::DecodeErrorKind> {
                #identify
                self.status = status.unwrap_or_else(|| Error::built_status(&code));
                self.code = code;
                #type_identify
                ::core::result::Result::Ok(())
            }

            /// The HTTP status.
            pub fn status(&self) -> ::errcat::http::StatusCode {
                self.status
            }

            /// The code.
            pub fn code(&self) -> &Code {
                &self.code
            }

            /// How the code was told apart: by the body's code (or, for a provider identified by
            /// message, its text), or by a pattern, the type or the status when the body had no
            /// code (see the catalog's `identify_by`).
            pub fn identified_by(&self) -> ::errcat::wire::IdentifiedBy {
                self.identified_by
            }

            #pattern_methods

            #fallback_fn

            /// The developer message: as sent, else the catalog's.
            pub fn message(&self) -> &str {
                match self.fields.message.as_deref() {
                    ::core::option::Option::Some(message) => message,
                    ::core::option::Option::None => self.code.message(),
                }
            }

            /// A message safe to show end users: the catalog's for the code, else the category's
            /// default.
            pub fn user_message(&self) -> &'static str {
                match #stated_user_message {
                    ::core::option::Option::Some(text) => text,
                    ::core::option::Option::None => self.category().default_user_message(),
                }
            }

            /// What a client should do: the catalog's advice for the code, else (an unknown code,
            /// or one without a documented status) the status table's for the response's status.
            /// A retry hint in the response's headers (see [`HEADER_NAMES`]) has the last word:
            /// `false` means `Never`, `true` turns `Never` into `Backoff`.
            pub fn retry(&self) -> ::errcat::RetryAdvice {
                let advice = match (#stated_retry, status_info(self.status.as_u16())) {
                    (::core::option::Option::Some(retry), _) => retry,
                    (::core::option::Option::None, ::core::option::Option::Some(row)) => row.retry,
                    (::core::option::Option::None, ::core::option::Option::None) => ::errcat::RetryAdvice::for_status(self.status.as_u16()),
                };
                ::errcat::RetryAdvice::with_hint(advice, self.headers.should_retry)
            }

            /// The cross-provider category: the catalog's for the code, else (an unknown code, or
            /// one without a documented status) the status table's for the response's status.
            pub fn category(&self) -> ::errcat::Category {
                match (#stated_category, status_info(self.status.as_u16())) {
                    (::core::option::Option::Some(category), _) => category,
                    (::core::option::Option::None, ::core::option::Option::Some(row)) => row.category,
                    (::core::option::Option::None, ::core::option::Option::None) => ::errcat::Category::for_status(self.status.as_u16()),
                }
            }

            /// The request id: from the body, else from the provider's request-id header (see
            /// [`HEADER_NAMES`]), else `X-Request-Id`/`Request-Id`.
            pub fn request_id(&self) -> ::core::option::Option<&str> {
                self.fields.request_id.as_deref().or(self.headers.request_id.as_deref())
            }

            /// How long to wait before retrying: the body's retry-after, else the `Retry-After`
            /// header.
            pub fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
                match (self.fields.retry_after, self.headers.retry_after) {
                    (::core::option::Option::Some(seconds), _) => ::core::option::Option::Some(::core::time::Duration::from_secs(seconds)),
                    (::core::option::Option::None, ::core::option::Option::Some(header)) => ::core::option::Option::Some(header.delay_from(::std::time::SystemTime::now())),
                    (::core::option::Option::None, ::core::option::Option::None) => ::core::option::Option::None,
                }
            }

            /// The headers the response carried (see [`Error::from_http`]).
            pub fn headers(&self) -> &::errcat::HeaderInfo {
                &self.headers
            }

            /// Every part of the body, untyped, including the keys the catalog does not name.
            pub fn fields(&self) -> &::errcat::wire::Fields {
                &self.fields
            }

            /// Keys of the error object the catalog does not name, as sent.
            pub fn extra(&self) -> &::errcat::__private::serde_json::Map<::std::string::String, ::errcat::__private::serde_json::Value> {
                &self.fields.extra
            }

            #type_methods
            #text_slots
            #declared_fields
            #subcode_methods
            #item_methods
            #shape_methods
            #success_items
            #request_id_setter
            #metadata_methods
            #retry_after_setter
            #errors_methods

            /// Sets the HTTP status.
            #[must_use]
            pub fn with_status(mut self, status: ::errcat::http::StatusCode) -> Self {
                self.status = status;
                self
            }

            #with_message

            /// Sets the response headers to send with the error.
            #[must_use]
            pub fn with_headers(mut self, headers: ::errcat::HeaderInfo) -> Self {
                self.headers = headers;
                self
            }

            /// Adds a key the catalog does not name to the error object.
            #[must_use]
            pub fn with_extra(mut self, key: impl ::core::convert::Into<::std::string::String>, value: impl ::core::convert::Into<::errcat::__private::serde_json::Value>) -> Self {
                self.fields.extra.insert(key.into(), value.into());
                self
            }

            fn render(&self) -> ::errcat::wire::Render<'_> {
                ::errcat::wire::Render {
                    envelope: #render_envelope,
                    fields: &self.fields,
                    code: #render_code,
                    error_type: #type_render,
                }
            }

            /// The wire body as JSON bytes.
            pub fn to_json(&self) -> ::std::vec::Vec<u8> {
                self.render().to_vec()
            }

            /// The wire body as JSON text (for logs and prints; [`Error::to_json`] for sending).
            pub fn to_json_string(&self) -> ::std::string::String {
                // Rendering writes UTF-8 JSON: the conversion never replaces anything.
                ::std::string::String::from_utf8_lossy(&self.to_json()).into_owned()
            }

            /// The full HTTP response a provider would send: status, JSON body and headers.
            pub fn to_http_response(&self) -> ::errcat::http::Response<::std::vec::Vec<u8>> {
                ::errcat::json_response_named(self.status, self.to_json(), &self.headers, &HEADER_NAMES)
            }
        }

        impl ::core::fmt::Display for Error {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #display
            }
        }

        impl ::std::error::Error for Error {}

        impl ::errcat::ApiError for Error {
            fn code(&self) -> &str {
                self.code.as_str()
            }
            fn status(&self) -> ::errcat::http::StatusCode {
                self.status
            }
            fn message(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(Error::message(self))
            }
            fn user_message(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(Error::user_message(self))
            }
            fn retry(&self) -> ::errcat::RetryAdvice {
                Error::retry(self)
            }
            fn category(&self) -> ::errcat::Category {
                Error::category(self)
            }
            fn request_id(&self) -> ::core::option::Option<&str> {
                Error::request_id(self)
            }
            fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
                Error::retry_after(self)
            }
        }

        impl ::errcat::HttpError for Error {
            fn from_http_parts(status: ::errcat::http::StatusCode, headers: &::errcat::http::HeaderMap, body: &[u8]) -> ::core::result::Result<Self, ::errcat::DecodeError> {
                let headers = ::errcat::HeaderInfo::from_headers_named(headers, &HEADER_NAMES);
                match Self::decode(status.as_u16(), body) {
                    ::core::result::Result::Ok(mut error) => {
                        error.headers = headers;
                        ::core::result::Result::Ok(error)
                    }
                    ::core::result::Result::Err(failed) => ::core::result::Result::Err(failed.with_headers(headers)),
                }
            }
            fn to_http_response(&self) -> ::errcat::http::Response<::std::vec::Vec<u8>> {
                Error::to_http_response(self)
            }
            #success_override
        }

        #item_type

        ::errcat::__impl_into_response!({} Error, {});

        impl ::core::convert::From<Code> for Error {
            fn from(code: Code) -> Self {
                Error::new(code)
            }
        }

        impl ::errcat::__private::serde::Serialize for Error {
            fn serialize<S: ::errcat::__private::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                ::errcat::__private::serde::Serialize::serialize(&self.render(), serializer)
            }
        }

        /// Deserializes the wire body alone; the status is the code's default.
        impl<'de> ::errcat::__private::serde::Deserialize<'de> for Error {
            fn deserialize<D: ::errcat::__private::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                #deserialize_body
            }
        }
    }
}

/// One `::errcat::Example` as source text, its fields at `indent` plus four spaces.
fn example_text(out: &mut String, provider: &Provider, example: &Example, indent: &str) {
    let code = example
        .code
        .and_then(|index| provider.codes.get(index))
        .map(|code| code.wire.as_str());
    let fields = format!("{indent}    ");
    text::StructLiteral::open(out, indent, "::errcat::Example")
        .field("code", |out| text::optional_str_literal(out, code, false))
        .field("description", |out| {
            text::optional_str_literal(out, example.description.as_deref(), false);
        })
        .field("status", |out| out.push_str(&example.status.to_string()))
        .field("headers", |out| {
            text::array(out, &fields, &example.headers, |out, (name, value)| {
                out.push('(');
                text::str_literal(out, name);
                out.push_str(", ");
                text::str_literal(out, value);
                out.push(')');
            });
        })
        .str_field("body", &example.body)
        .close();
}

/// `EXAMPLES`, as source text: catalogs may hold an example per code.
fn examples(provider: &Provider) -> String {
    let mut out = String::from(
        "/// The catalog's documented example responses. Each decodes to its code and encodes back\n\
         /// to the same JSON.\n\
         pub const EXAMPLES: &[::errcat::Example] = ",
    );
    text::array(&mut out, "", &provider.examples, |out, example| {
        example_text(out, provider, example, ITEM);
    });
    out.push_str(";\n");
    out
}

/// An unsuffixed integer literal (`404`, not `404u16`).
fn number(value: impl Into<u64>) -> Literal {
    Literal::u64_unsuffixed(value.into())
}

/// The indent of an item inside `impl … {` (or of a field inside a struct literal).
const ITEM: &str = "    ";
/// The indent of an entry of an associated const's array literal.
const ENTRY: &str = "        ";
