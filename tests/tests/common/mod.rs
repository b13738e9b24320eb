//! One view over every generated provider module, so a test can run over all catalogs.
#![allow(dead_code)]

use std::fmt::Debug;

use errcat::{ApiError, DecodeError, Example};

/// A generated provider module, seen through the items every module has.
pub trait Catalog {
    const MODULE: &'static str;
    type Code: Clone + PartialEq + Debug + std::str::FromStr + std::fmt::Display + 'static;
    type Error: Clone
        + PartialEq
        + Debug
        + ApiError
        + errcat::HttpError
        + axum::response::IntoResponse
        + Send
        + Sync
        + serde::Serialize
        + for<'de> serde::Deserialize<'de>
        + 'static;

    fn all() -> &'static [Self::Code];
    fn examples() -> &'static [Example];
    fn wire(code: &Self::Code) -> &str;
    fn is_known(code: &Self::Code) -> bool;
    fn code_status(code: &Self::Code) -> Option<http::StatusCode>;
    fn code_category(code: &Self::Code) -> errcat::Category;
    fn new(code: Self::Code) -> Self::Error;
    fn code(error: &Self::Error) -> Self::Code;
    fn decode(status: u16, body: &[u8]) -> Result<Self::Error, DecodeError>;
    fn from_http(response: &http::Response<Vec<u8>>) -> Result<Self::Error, DecodeError>;
    fn to_http(error: &Self::Error) -> http::Response<Vec<u8>>;
    fn to_json(error: &Self::Error) -> Vec<u8>;
    fn from_wire(wire: &str) -> Self::Code;
    fn with_headers(error: Self::Error, headers: errcat::HeaderInfo) -> Self::Error;
    fn envelope() -> &'static errcat::wire::Envelope;
    fn header_names() -> &'static errcat::HeaderNames;
}

macro_rules! catalog {
    ($marker:ident, $module:ident) => {
        /// The marker of one catalog of the workspace.
        pub struct $marker;

        impl Catalog for $marker {
            const MODULE: &'static str = stringify!($module);
            type Code = errcat_generated::$module::Code;
            type Error = errcat_generated::$module::Error;

            fn all() -> &'static [Self::Code] {
                errcat_generated::$module::Code::ALL
            }
            fn examples() -> &'static [Example] {
                errcat_generated::$module::EXAMPLES
            }
            fn wire(code: &Self::Code) -> &str {
                code.as_str()
            }
            fn is_known(code: &Self::Code) -> bool {
                code.is_known()
            }
            fn code_status(code: &Self::Code) -> Option<http::StatusCode> {
                code.status()
            }
            fn code_category(code: &Self::Code) -> errcat::Category {
                code.category()
            }
            fn new(code: Self::Code) -> Self::Error {
                errcat_generated::$module::Error::new(code)
            }
            fn code(error: &Self::Error) -> Self::Code {
                error.code().clone()
            }
            fn decode(status: u16, body: &[u8]) -> Result<Self::Error, DecodeError> {
                errcat_generated::$module::Error::decode(status, body)
            }
            fn from_http(response: &http::Response<Vec<u8>>) -> Result<Self::Error, DecodeError> {
                errcat_generated::$module::Error::from_http(response)
            }
            fn to_http(error: &Self::Error) -> http::Response<Vec<u8>> {
                error.to_http_response()
            }
            fn to_json(error: &Self::Error) -> Vec<u8> {
                error.to_json()
            }
            fn from_wire(wire: &str) -> Self::Code {
                errcat_generated::$module::Code::from_wire(wire)
            }
            fn with_headers(error: Self::Error, headers: errcat::HeaderInfo) -> Self::Error {
                error.with_headers(headers)
            }
            fn envelope() -> &'static errcat::wire::Envelope {
                &errcat_generated::$module::ENVELOPE
            }
            fn header_names() -> &'static errcat::HeaderNames {
                &errcat_generated::$module::HEADER_NAMES
            }
        }
    };
}

// One `catalog!` line per catalog of the workspace, and `each_catalog!`, written by
// tests/build.rs from the files in catalog/: adding a catalog adds it to every test below.
include!(concat!(env!("OUT_DIR"), "/every_catalog.rs"));

/// The five seed catalogs, whose facts some tests pin.
pub const SEEDS: [&str; 5] = [
    "licensekey",
    "vaultspay",
    "verification",
    "vivamo",
    "vrp_billing",
];

/// Serves `router` on 127.0.0.1 (a free port) in the background; gives its base URL.
pub async fn serve(router: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await });
    url
}

/// Parses JSON bytes for comparison.
pub fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).expect("valid JSON")
}
