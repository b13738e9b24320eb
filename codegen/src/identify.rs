//! Expansion of how a provider's generated `Error` tells one error from another: its code (or, for
//! providers identified by message, its exact text), then the catalog's message patterns and
//! fallbacks (`identify_by: [code, message, type, status]`), in the catalog's order.
//!
//! The example check in [`crate::validate`] reads example bodies the same way, so an example that
//! passes `check` decodes to its code.

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::ident;
use crate::model::{Fallback, IdentifyBy, Slot};
use crate::plan::Provider;

/// Whether any code has a message pattern.
pub(crate) fn has_patterns(provider: &Provider) -> bool {
    provider.codes.iter().any(|code| code.pattern.is_some())
}

/// Whether the generated `Error` has a `fallback` method: patterns to try on an unlisted text, or
/// fallbacks to try when the body has no code.
fn has_fallback_fn(provider: &Provider) -> bool {
    !provider.fallbacks.is_empty()
        || (provider.identify_by == IdentifyBy::Message && has_patterns(provider))
}

/// The steps that still work when the body has no identifying key at all (its type, its status).
fn has_keyless_steps(provider: &Provider) -> bool {
    match provider.identify_by {
        IdentifyBy::Code => !provider.fallbacks.is_empty(),
        IdentifyBy::Message => provider
            .fallbacks
            .iter()
            .any(|fallback| *fallback != Fallback::Message),
    }
}

/// `impl Code { PATTERNS, pattern, from_pattern }`, for catalogs with patterns.
pub(crate) fn code_patterns(provider: &Provider) -> TokenStream {
    if !has_patterns(provider) {
        return TokenStream::new();
    }
    let entries = provider.codes.iter().map(|code| match &code.pattern {
        None => quote!(::core::option::Option::None),
        Some(parts) => {
            let parts = parts.iter().map(|part| match part {
                errcat_table::pattern::Part::Text(text) => {
                    quote!(::errcat::wire::PatternPart::Text(#text))
                }
                errcat_table::pattern::Part::Value(name) => {
                    quote!(::errcat::wire::PatternPart::Value(#name))
                }
            });
            quote!(::core::option::Option::Some(&[#(#parts),*]))
        }
    });
    quote! {
        impl Code {
            /// Per code of [`Code::ALL`], the message pattern that identifies it when a body
            /// names it only by its text (`{name}` marks a value the text carries).
            pub const PATTERNS: &'static [::core::option::Option<&'static [::errcat::wire::PatternPart<&'static str>]>] = &[#(#entries),*];

            /// The code's message pattern, if the catalog gives one.
            pub fn pattern(&self) -> ::core::option::Option<&'static [::errcat::wire::PatternPart<&'static str>]> {
                *Self::PATTERNS.get(self.index()?)?
            }

            /// The first code, in catalog order, whose message pattern `text` matches.
            pub fn from_pattern(text: &str) -> ::core::option::Option<Code> {
                Self::PATTERNS
                    .iter()
                    .zip(Self::ALL)
                    .find(|(pattern, _)| pattern.is_some_and(|parts| ::errcat::wire::pattern_values(parts, text).is_some()))
                    .map(|(_, code)| code.clone())
            }
        }
    }
}

/// The start of `Error::identify`: `let code = …;`, with `self.identified_by` set.
pub(crate) fn identify_code(provider: &Provider) -> TokenStream {
    let fallback = has_fallback_fn(provider);
    let missing = if has_keyless_steps(provider) {
        quote! {
            match self.fallback(status) {
                ::core::option::Option::Some(code) => code,
                ::core::option::Option::None => {
                    self.identified_by = ::errcat::wire::IdentifiedBy::Nothing;
                    Code::Unknown(::std::string::String::new())
                }
            }
        }
    } else {
        let slot = match provider.identify_by {
            IdentifyBy::Code => Slot::Code,
            IdentifyBy::Message => Slot::Message,
        };
        let key = provider.slot_name(slot).unwrap_or(slot.as_str());
        quote! {
            return ::core::result::Result::Err(::errcat::DecodeErrorKind::MissingField { key: #key })
        }
    };
    match provider.identify_by {
        IdentifyBy::Code => quote! {
            let code = match self.fields.code.take() {
                ::core::option::Option::Some(wire) => {
                    self.fields.set_code_is_number(wire.is_number());
                    self.identified_by = ::errcat::wire::IdentifiedBy::Code;
                    Code::from_wire_text(wire)
                }
                ::core::option::Option::None => #missing,
            };
        },
        IdentifyBy::Message => {
            let unlisted = if fallback {
                quote! {
                    match self.fallback(status) {
                        ::core::option::Option::Some(code) => code,
                        ::core::option::Option::None => {
                            self.identified_by = ::errcat::wire::IdentifiedBy::Message;
                            Code::Unknown(text)
                        }
                    }
                }
            } else {
                quote! {
                    {
                        self.identified_by = ::errcat::wire::IdentifiedBy::Message;
                        Code::Unknown(text)
                    }
                }
            };
            quote! {
                let code = match self.fields.message.as_deref().map(Code::from_wire) {
                    ::core::option::Option::Some(Code::Unknown(text)) => #unlisted,
                    ::core::option::Option::Some(listed) => {
                        self.identified_by = ::errcat::wire::IdentifiedBy::Message;
                        listed
                    }
                    ::core::option::Option::None => #missing,
                };
            }
        }
    }
}

/// `Error::fallback` (and the type and status lookups it uses): the catalog's patterns and
/// fallbacks, in order. Empty when the catalog has none.
pub(crate) fn fallback_fn(provider: &Provider) -> TokenStream {
    if !has_fallback_fn(provider) {
        return TokenStream::new();
    }
    let mut steps = Vec::new();
    let mut helpers = Vec::new();
    let pattern_step = quote! {
        if let ::core::option::Option::Some(code) = self.fields.message.as_deref().and_then(Code::from_pattern) {
            self.identified_by = ::errcat::wire::IdentifiedBy::Pattern;
            return ::core::option::Option::Some(code);
        }
    };
    if provider.identify_by == IdentifyBy::Message && has_patterns(provider) {
        steps.push(pattern_step.clone());
    }
    for fallback in &provider.fallbacks {
        match fallback {
            Fallback::Message => steps.push(pattern_step.clone()),
            Fallback::Type => {
                let arms = provider.types.iter().filter_map(|error_type| {
                    let code = ident(&provider.codes.get(error_type.code?)?.ident);
                    let wire = &error_type.wire;
                    Some(quote!(#wire => ::core::option::Option::Some(Code::#code),))
                });
                helpers.push(quote! {
                    /// The code a body of type `wire` without a code is, if the catalog says.
                    fn code_of_type(wire: &str) -> ::core::option::Option<Code> {
                        match wire {
                            #(#arms)*
                            _ => ::core::option::Option::None,
                        }
                    }
                });
                steps.push(quote! {
                    if let ::core::option::Option::Some(code) = self.fields.error_type.as_ref().and_then(|wire| Error::code_of_type(wire.as_str())) {
                        self.identified_by = ::errcat::wire::IdentifiedBy::Type;
                        return ::core::option::Option::Some(code);
                    }
                });
            }
            Fallback::Status => {
                let arms = provider.statuses.iter().filter_map(|row| {
                    let code = ident(&provider.codes.get(row.code?)?.ident);
                    let status = proc_macro2::Literal::u16_unsuffixed(row.status);
                    Some(quote!(#status => ::core::option::Option::Some(Code::#code),))
                });
                helpers.push(quote! {
                    /// The code a body without one sent with `status` is, if the catalog says.
                    fn code_of_status(status: u16) -> ::core::option::Option<Code> {
                        match status {
                            #(#arms)*
                            _ => ::core::option::Option::None,
                        }
                    }
                });
                steps.push(quote! {
                    if let ::core::option::Option::Some(code) = status.and_then(|status| Error::code_of_status(status.as_u16())) {
                        self.identified_by = ::errcat::wire::IdentifiedBy::Status;
                        return ::core::option::Option::Some(code);
                    }
                });
            }
        }
    }
    // Only the status step reads the response's status.
    let status = if provider.fallbacks.contains(&Fallback::Status) {
        quote!(status)
    } else {
        quote!(_status)
    };
    quote! {
        /// Tells the error apart when the body's code (or text) does not: the catalog's
        /// `identify_by` steps after the first, in order.
        fn fallback(&mut self, #status: ::core::option::Option<::errcat::http::StatusCode>) -> ::core::option::Option<Code> {
            #(#steps)*
            ::core::option::Option::None
        }

        #(#helpers)*
    }
}

/// How the rendered body gets its code: from the typed code when the body carried one (an error
/// identified some other way renders the code slot as it was, usually absent).
pub(crate) fn render_code(provider: &Provider) -> TokenStream {
    match provider.identify_by {
        IdentifyBy::Message => quote!(::core::option::Option::None),
        IdentifyBy::Code if provider.fallbacks.is_empty() => {
            quote!(::core::option::Option::Some(self.code.as_str()))
        }
        IdentifyBy::Code => quote! {
            (self.identified_by == ::errcat::wire::IdentifiedBy::Code).then(|| self.code.as_str())
        },
    }
}

/// `message_values` and `with_message_values`, for catalogs with patterns.
pub(crate) fn pattern_methods(provider: &Provider) -> TokenStream {
    if !has_patterns(provider) {
        return TokenStream::new();
    }
    let identified = match provider.identify_by {
        IdentifyBy::Message => quote!(self.identified_by = ::errcat::wire::IdentifiedBy::Pattern;),
        IdentifyBy::Code => TokenStream::new(),
    };
    quote! {
        /// The values the message carries in the places of its code's pattern's placeholders
        /// (`{ip}` in `API rate limit exceeded for {ip}.`), by name; empty when the code has no
        /// pattern or the message does not match it.
        pub fn message_values(&self) -> ::std::vec::Vec<(&'static str, &str)> {
            self.code
                .pattern()
                .and_then(|parts| ::errcat::wire::pattern_values(parts, self.message()))
                .unwrap_or_default()
        }

        /// Sets the message to the code's pattern with its placeholders filled from `values`
        /// (by name; one without a value stays as written). No change for a code without a
        /// pattern.
        #[must_use]
        pub fn with_message_values(mut self, values: &[(&str, &str)]) -> Self {
            if let ::core::option::Option::Some(parts) = self.code.pattern() {
                self.fields.message = ::core::option::Option::Some(::errcat::wire::fill_pattern(parts, values));
                #identified
            }
            self
        }
    }
}
