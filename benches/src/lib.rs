//! The baselines errcat is measured against: what a skilled developer writes by hand for two seed
//! providers instead of a catalog (a `Code` enum with serde renames, a serde-derived body that
//! keeps unknown keys with `#[serde(flatten)]`, a `status()` match, a thiserror `Display`), and a
//! borrowed-`&str` body with no extras: the cost of parsing the JSON at all.
#![forbid(unsafe_code)]

pub mod synthetic;

/// Hand-written VaultsPay errors (nested envelope).
pub mod vaultspay {
    use serde::{Deserialize, Serialize};
    use serde_json::{Map, Value};

    /// The documented codes.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Code {
        InvalidApiKey,
        UnauthorizedIp,
        ValidationFailed,
        DuplicateEmail,
        KycIncomplete,
        NonZeroBalance,
        RateLimitExceeded,
        IdempotencyKeyInUse,
        ServerError,
        /// Anything else (its text is lost, as with `#[serde(other)]` by hand).
        #[serde(other)]
        Unknown,
    }

    impl Code {
        /// The HTTP status.
        pub fn status(self) -> u16 {
            match self {
                Code::InvalidApiKey | Code::UnauthorizedIp => 401,
                Code::ValidationFailed => 422,
                Code::DuplicateEmail | Code::KycIncomplete | Code::NonZeroBalance => 409,
                Code::RateLimitExceeded => 429,
                Code::IdempotencyKeyInUse => 400,
                Code::ServerError | Code::Unknown => 500,
            }
        }
    }

    /// The body.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct Envelope {
        pub error: Body,
        #[serde(flatten)]
        pub outer: Map<String, Value>,
    }

    /// The error object, keeping unknown keys.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
    #[error("{code:?}: {message}")]
    pub struct Body {
        pub code: Code,
        pub message: String,
        #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
        pub error_type: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub param: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub request_id: Option<String>,
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }

    /// The floor: borrowed strings, no extras.
    #[derive(Debug, Deserialize)]
    pub struct Borrowed<'a> {
        #[serde(borrow)]
        pub error: BorrowedBody<'a>,
    }

    /// The floor's error object.
    #[derive(Debug, Deserialize)]
    pub struct BorrowedBody<'a> {
        pub code: &'a str,
        pub message: &'a str,
        #[serde(rename = "type")]
        pub error_type: Option<&'a str>,
        pub param: Option<&'a str>,
        pub request_id: Option<&'a str>,
    }
}

/// Hand-written license-key errors (flat envelope with a metadata map).
pub mod licensekey {
    use serde::{Deserialize, Serialize};
    use serde_json::{Map, Value};

    /// The documented codes.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Code {
        InvalidRequest,
        ValidationError,
        MissingField,
        Unauthorized,
        Forbidden,
        LicenseExpired,
        LicenseInvalid,
        NotFound,
        AlreadyExists,
        CustomerNotFound,
        ProcessingError,
        ProviderError,
        TransactionFailed,
        /// Anything else.
        #[serde(other)]
        Unknown,
    }

    /// The body, keeping unknown keys.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
    #[error("{code:?}: {message}")]
    pub struct Body {
        pub code: Code,
        pub message: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub request_id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub metadata: Option<Map<String, Value>>,
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }

    /// The floor: borrowed strings, metadata skipped.
    #[derive(Debug, Deserialize)]
    pub struct Borrowed<'a> {
        pub code: &'a str,
        pub message: &'a str,
        pub request_id: Option<&'a str>,
        #[serde(borrow)]
        pub metadata: Option<std::collections::BTreeMap<&'a str, &'a serde_json::value::RawValue>>,
    }
}

/// The metadata entries (and unknown keys) of the `decode_large` benchmark's body: about 4 KB.
pub const LARGE_BODY_FIELDS: usize = 60;

/// A large body: a license-key error with `fields` metadata entries and as many unknown keys.
pub fn large_licensekey_body(fields: usize) -> Vec<u8> {
    let metadata: serde_json::Map<String, serde_json::Value> = (0..fields)
        .map(|index| {
            (
                format!("field_{index}"),
                serde_json::Value::from(format!("value number {index}")),
            )
        })
        .collect();
    let mut body = serde_json::json!({
        "code": "customer_not_found",
        "message": "No customer found with ID: invalid_id",
        "request_id": "req_7f3a2b1c",
        "metadata": metadata,
    });
    for index in 0..fields {
        body[format!("extra_{index}")] = serde_json::Value::from(index);
    }
    serde_json::to_vec(&body).unwrap_or_default()
}
