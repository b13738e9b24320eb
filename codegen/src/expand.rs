//! Expansion: a validated [`Provider`] plan to Rust tokens.
//!
//! Catalog text reaches the output only as literals built by `quote` (string literals and
//! `#[doc = "…"]` attributes), never as pasted source. Generated code refers to the runtime only
//! through absolute `::errcat::…` paths.
//!
//! This module holds what both front ends expand with: the `errcat::ApiError` impl, a code's
//! facts, retry and category expressions, envelopes, and inert doc text. The items of a catalog's
//! module (`provider`, `module_index`) are in the `catalog` submodule, compiled with the
//! `build-script` feature: `#[derive(ApiError)]` does not need them.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::model::{Category, RetryAdvice, Slot};
use crate::plan::{Code, Provider};
use crate::text;

#[cfg(feature = "build-script")]
mod catalog;
#[cfg(feature = "build-script")]
mod prose;

#[cfg(feature = "build-script")]
#[cfg_attr(docsrs, doc(cfg(feature = "build-script")))]
pub use catalog::{
    module_index, module_index_with_doc_example, provider, provider_with_doc_examples,
};
#[cfg(feature = "build-script")]
pub(crate) use catalog::{module_index_items, provider_items};

/// The bodies of an `errcat::ApiError` impl, one expression per method (`self` in scope).
pub(crate) struct ApiErrorBodies {
    pub code: TokenStream,
    pub status: TokenStream,
    pub message: TokenStream,
    pub user_message: TokenStream,
    pub retry: TokenStream,
    pub category: TokenStream,
    /// `None`: the trait's default (no request id).
    pub request_id: Option<TokenStream>,
    /// `None`: the trait's default (no retry-after).
    pub retry_after: Option<TokenStream>,
}

/// An `errcat::ApiError` impl: `header` is `impl<…> ::errcat::ApiError for Type<…> where …`.
pub(crate) fn api_error_impl(header: &TokenStream, bodies: &ApiErrorBodies) -> TokenStream {
    let ApiErrorBodies {
        code,
        status,
        message,
        user_message,
        retry,
        category,
        request_id,
        retry_after,
    } = bodies;
    let request_id = request_id.as_ref().map(|body| {
        quote! {
            fn request_id(&self) -> ::core::option::Option<&str> {
                #body
            }
        }
    });
    let retry_after = retry_after.as_ref().map(|body| {
        quote! {
            fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
                #body
            }
        }
    });
    quote! {
        #[automatically_derived]
        #header {
            fn code(&self) -> &str {
                #code
            }
            fn status(&self) -> ::errcat::http::StatusCode {
                #status
            }
            fn message(&self) -> ::std::borrow::Cow<'_, str> {
                #message
            }
            fn user_message(&self) -> ::std::borrow::Cow<'_, str> {
                #user_message
            }
            fn retry(&self) -> ::errcat::RetryAdvice {
                #retry
            }
            fn category(&self) -> ::errcat::Category {
                #category
            }
            #request_id
            #retry_after
        }
    }
}

pub(crate) fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

pub(crate) fn optional_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => quote!(::core::option::Option::Some(#text)),
        None => quote!(::core::option::Option::None),
    }
}

/// `::errcat::<Kind>::<Variant>` for a word the catalog states, else
/// `::errcat::<Kind>::for_status(<status>)`, resolved by the runtime's rule at compile time.
fn word_or_status_default(kind: &str, variant: Option<&str>, status: u16) -> TokenStream {
    let mut out = String::new();
    word_or_status_default_text(&mut out, kind, variant, status, Spelling::Qualified);
    text::tokens(&out)
}

/// [`word_or_status_default`] as source text, spelled for `spelling` (`Kind::Variant` when
/// imported).
fn word_or_status_default_text(
    out: &mut String,
    kind: &str,
    variant: Option<&str>,
    status: u16,
    spelling: Spelling,
) {
    if spelling == Spelling::Qualified {
        out.push_str("::errcat::");
    }
    out.push_str(kind);
    match variant {
        Some(variant) => {
            out.push_str("::");
            out.push_str(variant);
        }
        None => {
            out.push_str("::for_status(");
            out.push_str(&status.to_string());
            out.push(')');
        }
    }
}

/// The category expression of a code or status row.
pub(crate) fn category_expr(category: Option<Category>, status: u16) -> TokenStream {
    word_or_status_default("Category", category.map(Category::variant), status)
}

/// The retry advice expression of a code or status row.
pub(crate) fn retry_expr(retry: Option<RetryAdvice>, status: u16) -> TokenStream {
    word_or_status_default("RetryAdvice", retry.map(RetryAdvice::variant), status)
}

/// The `::errcat::wire::Envelope` value of a provider, shared by catalogs and derives; `codes` and
/// `types` are the `&WireTable` expressions the decoder resolves codes and types with.
pub(crate) fn envelope_expr(
    provider: &Provider,
    codes: &TokenStream,
    types: &TokenStream,
    subcodes: &TokenStream,
) -> TokenStream {
    shape_envelope_expr(
        provider,
        provider.nested_under.as_deref(),
        provider.list,
        &provider.keys,
        [codes, types, subcodes],
    )
}

/// An `::errcat::wire::Envelope` value for one body shape, with the provider's tables and
/// declared fields (every shape shares them, at the same positions, so that the accessors of
/// `Error` read any shape).
fn shape_envelope_expr(
    provider: &Provider,
    nested_under: Option<&str>,
    list: bool,
    keys: &[(Slot, Vec<String>)],
    [codes, types, subcodes]: [&TokenStream; 3],
) -> TokenStream {
    let nested = optional_str(nested_under);
    let keys = keys.iter().map(|(slot, names)| {
        let slot = ident(slot.variant());
        quote!(::errcat::wire::KeySpec { slot: ::errcat::wire::Slot::#slot, names: &[#(#names),*] })
    });
    let declared = provider.fields.iter().map(|field| {
        let key = &field.key;
        let outer = field.outer;
        quote!(::errcat::wire::DeclaredKey { key: #key, outer: #outer })
    });
    quote! {
        ::errcat::wire::Envelope {
            nested_under: #nested,
            list: #list,
            keys: &[#(#keys),*],
            codes: #codes,
            types: #types,
            subcodes: #subcodes,
            declared: &[#(#declared),*],
        }
    }
}

/// How generated code spells the names its per-code tables repeat thousands of times.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Spelling {
    /// Fully qualified (`::core::option::Option::Some`, `::errcat::CodeInfo`): for code expanded
    /// into a user's module, where any name may be shadowed.
    Qualified,
    /// Short, through the imports of the catalog module's `module_imports`: inside a generated
    /// provider module, whose every item errcat writes. Fewer tokens for rustc to parse in large
    /// catalogs.
    #[cfg_attr(not(feature = "build-script"), allow(dead_code))]
    Imported,
}

/// One `CodeInfo` table entry as source text, its fields at `indent` plus four spaces: the facts
/// of a code, shared by catalogs (as text) and derives (as tokens, through [`code_info`]).
pub(crate) fn code_info_text(out: &mut String, code: &Code, spelling: Spelling, indent: &str) {
    let qualified = spelling == Spelling::Qualified;
    let path = if qualified {
        "::errcat::CodeInfo"
    } else {
        "CodeInfo"
    };
    let mut info = text::StructLiteral::open(out, indent, path);
    info.str_field("wire", &code.wire)
        .field("integer", |out| {
            out.push_str(if code.integer { "true" } else { "false" })
        })
        .str_field("name", &code.ident)
        .field("statuses", |out| {
            out.push_str("&[");
            for (index, status) in code.statuses.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                out.push_str(&status.to_string());
            }
            out.push(']');
        })
        .str_field("message", &code.message);
    for (name, value) in [
        ("description", &code.description),
        ("user_message", &code.user_message),
        ("fix", &code.fix),
    ] {
        info.field(name, |out| {
            text::optional_str_literal(out, value.as_deref(), qualified);
        });
    }
    info.field("retry", |out| {
        optional_advice_text(
            out,
            "RetryAdvice",
            code.retry.map(RetryAdvice::variant),
            code.status(),
            spelling,
        );
    })
    .field("category", |out| {
        optional_advice_text(
            out,
            "Category",
            code.category.map(Category::variant),
            code.status(),
            spelling,
        );
    })
    .close();
}

/// A code's retry advice or category in its `CodeInfo`: `Some(<word or status default>)`, or
/// `None` for a code that states none and has no status to derive it from.
fn optional_advice_text(
    out: &mut String,
    kind: &str,
    variant: Option<&str>,
    status: Option<u16>,
    spelling: Spelling,
) {
    let qualified = spelling == Spelling::Qualified;
    if variant.is_none() && status.is_none() {
        out.push_str(if qualified {
            "::core::option::Option::None"
        } else {
            "None"
        });
        return;
    }
    out.push_str(if qualified {
        "::core::option::Option::Some("
    } else {
        "Some("
    });
    word_or_status_default_text(out, kind, variant, status.unwrap_or_default(), spelling);
    out.push(')');
}

/// One `::errcat::CodeInfo` value as tokens, fully qualified: for derives.
pub(crate) fn code_info(code: &Code) -> TokenStream {
    let mut out = String::new();
    code_info_text(&mut out, code, Spelling::Qualified, "");
    text::tokens(&out)
}
