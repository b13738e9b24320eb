//! The fuzz targets' bodies, here so that the normal test suite replays the committed corpora
//! through exactly the code the fuzzer runs (`fuzz/fuzz_targets/*` are one-line wrappers).
//!
//! Each function takes arbitrary bytes and panics only when a property fails.

use serde_json::Value;

// `each_provider!`: one line per catalog in catalog/, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/each_provider.rs"));

/// `Error::decode` of every provider (the workspace's catalogs, the test catalogs, which hold
/// every shape the format describes, and the random catalogs with hostile names and prose) on an arbitrary status (the first two bytes) and body (the
/// rest): a body that decodes re-encodes to JSON equal to the input, and decodes again to the
/// same error.
pub fn decode(data: &[u8]) {
    let Some((status, body)) = data.split_first_chunk::<2>() else {
        return;
    };
    let status = u16::from_le_bytes(*status);
    macro_rules! check {
        ($($module:ident)::*) => {
            if let Ok(error) = $($module)::*::Error::decode(status, body) {
                let input: Value = serde_json::from_slice(body).expect("a decoded body is JSON");
                let rendered = error.to_json();
                let output: Value =
                    serde_json::from_slice(&rendered).expect("a rendered body is JSON");
                assert_eq!(
                    output,
                    input,
                    "{} re-encoded differently",
                    stringify!($($module)::*)
                );
                let again = $($module)::*::Error::decode(status, &rendered)
                    .expect("a rendered body decodes");
                assert_eq!(again, error);
            }
        };
    }
    each_provider!(check);
    each_test_provider!(check);
    each_random_provider!(check);
}

/// `Code::from_wire` of every provider on an arbitrary string: `as_str` gives it back.
pub fn from_wire(data: &[u8]) {
    let Ok(wire) = std::str::from_utf8(data) else {
        return;
    };
    macro_rules! check {
        ($($module:ident)::*) => {
            let code = $($module)::*::Code::from_wire(wire);
            assert_eq!(code.as_str(), wire);
            assert_eq!(
                $($module)::*::Code::from_wire_string(wire.to_owned()),
                code
            );
        };
    }
    each_provider!(check);
}

/// The catalog loader and validator on arbitrary text: a model or diagnostics, never a panic; a
/// model expands to code that parses and formats.
pub fn catalog(data: &[u8]) {
    match errcat_codegen::load_catalog("fuzz.yaml", data, "fuzz") {
        Ok(provider) => {
            let source = errcat_codegen::expand::provider(&provider);
            let code = errcat_codegen::emit::format_file(source, "fuzz.yaml")
                .expect("a valid catalog expands to valid Rust");
            // The parts written as text are not re-parsed by `format_file`: parse the whole file.
            syn::parse_file(&code).expect("generated code parses as a Rust file");
        }
        Err(diagnostics) => assert!(!diagnostics.is_empty()),
    }
}

/// A derived enum, for [`derived_deserialize`].
#[derive(Debug, errcat::ApiError)]
#[api_error(nested = "error", status = 400)]
pub enum FuzzError {
    /// A unit variant.
    #[api_error(status = 404, message = "not found")]
    NotFound,
    /// Fields of several types.
    #[api_error(status = 422, message = "field {field} is {value}")]
    Invalid {
        /// A string.
        field: String,
        /// A number.
        value: i64,
        /// Optional.
        hint: Option<String>,
    },
    /// A tuple variant.
    #[api_error(status = 429, message = "wait {0}s")]
    Limited(u32),
    /// Everything else.
    #[api_error(other)]
    Other(String),
}

/// A derived enum's `Deserialize` on arbitrary bytes: what decodes re-encodes and decodes to the
/// same value.
pub fn derived_deserialize(data: &[u8]) {
    if let Ok(error) = serde_json::from_slice::<FuzzError>(data) {
        let rendered = serde_json::to_vec(&error).expect("a derived error serializes");
        let again: FuzzError =
            serde_json::from_slice(&rendered).expect("a rendered derived error decodes");
        assert_eq!(format!("{again:?}"), format!("{error:?}"));
    }
}
