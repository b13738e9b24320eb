//! One view over every generated provider module, so a test can run over all catalogs.
#![allow(dead_code)]

use std::fmt::Debug;

use errcat::{ApiError, DecodeError, Example};
use errcat_generated::{licensekey, vaultspay, verification, vivamo, vrp_billing};

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
    fn code_status(code: &Self::Code) -> http::StatusCode;
    fn new(code: Self::Code) -> Self::Error;
    fn code(error: &Self::Error) -> Self::Code;
    fn decode(status: u16, body: &[u8]) -> Result<Self::Error, DecodeError>;
    fn from_http(response: &http::Response<Vec<u8>>) -> Result<Self::Error, DecodeError>;
    fn to_http(error: &Self::Error) -> http::Response<Vec<u8>>;
    fn to_json(error: &Self::Error) -> Vec<u8>;
    fn from_wire(wire: &str) -> Self::Code;
    fn with_headers(error: Self::Error, headers: errcat::HeaderInfo) -> Self::Error;
    fn envelope() -> &'static errcat::wire::Envelope;
}

macro_rules! catalog {
    ($marker:ident, $module:ident) => {
        pub struct $marker;

        impl Catalog for $marker {
            const MODULE: &'static str = stringify!($module);
            type Code = $module::Code;
            type Error = $module::Error;

            fn all() -> &'static [Self::Code] {
                $module::Code::ALL
            }
            fn examples() -> &'static [Example] {
                $module::EXAMPLES
            }
            fn wire(code: &Self::Code) -> &str {
                code.as_str()
            }
            fn is_known(code: &Self::Code) -> bool {
                code.is_known()
            }
            fn code_status(code: &Self::Code) -> http::StatusCode {
                code.status()
            }
            fn new(code: Self::Code) -> Self::Error {
                $module::Error::new(code)
            }
            fn code(error: &Self::Error) -> Self::Code {
                error.code().clone()
            }
            fn decode(status: u16, body: &[u8]) -> Result<Self::Error, DecodeError> {
                $module::Error::decode(status, body)
            }
            fn from_http(response: &http::Response<Vec<u8>>) -> Result<Self::Error, DecodeError> {
                $module::Error::from_http(response)
            }
            fn to_http(error: &Self::Error) -> http::Response<Vec<u8>> {
                error.to_http_response()
            }
            fn to_json(error: &Self::Error) -> Vec<u8> {
                error.to_json()
            }
            fn from_wire(wire: &str) -> Self::Code {
                $module::Code::from_wire(wire)
            }
            fn with_headers(error: Self::Error, headers: errcat::HeaderInfo) -> Self::Error {
                error.with_headers(headers)
            }
            fn envelope() -> &'static errcat::wire::Envelope {
                &$module::ENVELOPE
            }
        }
    };
}

catalog!(Vivamo, vivamo);
catalog!(Licensekey, licensekey);
catalog!(VrpBilling, vrp_billing);
catalog!(Vaultspay, vaultspay);
catalog!(Verification, verification);

/// Calls `$check::<C>()` for every seed catalog.
#[macro_export]
macro_rules! each_catalog {
    ($check:ident) => {
        $check::<common::Vivamo>();
        $check::<common::Licensekey>();
        $check::<common::VrpBilling>();
        $check::<common::Vaultspay>();
        $check::<common::Verification>();
    };
}

/// Parses JSON bytes for comparison.
pub fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).expect("valid JSON")
}
