//! Collects every error of one derive, so the user sees all problems at once.

use std::fmt::Display;

use proc_macro2::TokenStream;
use quote::ToTokens;

/// The errors found so far. Parsers record and carry on; [`Context::finish`] turns them into
/// one set of `compile_error!`s.
#[derive(Default)]
pub struct Context {
    errors: Vec<syn::Error>,
}

impl Context {
    /// Records an error at the tokens of `at`.
    pub fn error(&mut self, at: impl ToTokens, message: impl Display) {
        self.errors
            .push(syn::Error::new_spanned(at.into_token_stream(), message));
    }

    /// Records an error at a span.
    pub fn error_at(&mut self, span: proc_macro2::Span, message: impl Display) {
        self.errors.push(syn::Error::new(span, message));
    }

    /// Records a syn error as is.
    pub fn syn_error(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    /// How many errors were recorded so far.
    pub fn count(&self) -> usize {
        self.errors.len()
    }

    /// Whether anything was recorded.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The recorded errors as compile errors; `None` when there are none.
    pub fn finish(self) -> Option<TokenStream> {
        let mut errors = self.errors.into_iter();
        let mut combined = errors.next()?;
        for error in errors {
            combined.combine(error);
        }
        Some(combined.to_compile_error())
    }
}
