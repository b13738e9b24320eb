//! `#[derive(ApiError)]`: the impls errcat's catalogs get, for your own error enums and structs.
//!
//! Use it through the facade: `use errcat::ApiError;` then `#[derive(Debug, ApiError)]`. This
//! crate is a thin front end: it reads `#[api_error(...)]` attributes into errcat-codegen's
//! catalog model, validates them with the same rules as YAML catalogs, and expands with the same
//! back end. See the `errcat` crate docs for the attributes.
#![forbid(unsafe_code)]

mod attr;
mod context;
mod input;
mod status;

use proc_macro::TokenStream;

/// Derives `Display`, `std::error::Error`, `errcat::ApiError`, `Serialize`, `Deserialize` and the
/// `From` impls of `#[from]` fields. See the `errcat` crate for the attributes.
#[proc_macro_derive(ApiError, attributes(api_error, source, from))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    input::expand(&input).into()
}
