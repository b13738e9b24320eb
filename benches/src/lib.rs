//! The baselines errcat is measured against: what a skilled developer writes by hand for four
//! providers instead of a catalog (a `Code` enum with serde renames, a serde-derived body that
//! keeps unknown keys with `#[serde(flatten)]`, a `status()` match, a thiserror `Display`), and a
//! borrowed-`&str` body with no extras: the cost of parsing the JSON at all.
#![forbid(unsafe_code)]

pub mod synthetic;

/// Medians and durations as the build benchmarks report them.
pub mod timing {
    use std::time::Duration;

    /// The median of `times` (the mean of the middle two for an even count; zero for none).
    pub fn median(times: &[Duration]) -> Duration {
        let mut sorted = times.to_vec();
        sorted.sort();
        match sorted.len() {
            0 => Duration::ZERO,
            len if len % 2 == 1 => sorted[len / 2],
            len => (sorted[len / 2 - 1] + sorted[len / 2]) / 2,
        }
    }

    /// `duration` with three significant figures or so: `12.3 s`, `1.23 s`, `45 ms`, `1.2 ms`.
    pub fn format_duration(duration: Duration) -> String {
        let seconds = duration.as_secs_f64();
        if seconds >= 10.0 {
            format!("{seconds:.1} s")
        } else if seconds >= 1.0 {
            format!("{seconds:.2} s")
        } else if seconds >= 0.01 {
            format!("{:.0} ms", seconds * 1e3)
        } else {
            format!("{:.1} ms", seconds * 1e3)
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn medians_take_the_middle() {
            let ms = Duration::from_millis;
            assert_eq!(median(&[ms(3), ms(1), ms(2)]), ms(2));
            assert_eq!(
                median(&[ms(4), ms(1), ms(2), ms(3)]),
                Duration::from_micros(2500)
            );
            assert_eq!(median(&[]), Duration::ZERO);
        }

        #[test]
        fn durations_read_in_their_unit() {
            assert_eq!(format_duration(Duration::from_millis(12_345)), "12.3 s");
            assert_eq!(format_duration(Duration::from_millis(1_234)), "1.23 s");
            assert_eq!(format_duration(Duration::from_millis(45)), "45 ms");
            assert_eq!(format_duration(Duration::from_micros(1_234)), "1.2 ms");
        }
    }
}

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

/// Hand-written Twilio errors: a flat body whose code is a JSON integer, matched to an enum.
pub mod twilio {
    use serde::{Deserialize, Serialize};
    use serde_json::{Map, Value};

    /// A few documented codes, by number.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Code {
        AuthenticationFailed,
        NotFound,
        TooManyRequests,
        InvalidToNumber,
        InvalidFromNumber,
        NotSmsCapable,
        Unsubscribed,
        /// Anything else, with its number.
        Unknown(i64),
    }

    impl Code {
        /// The code a number names.
        pub fn from_number(number: i64) -> Code {
            match number {
                20003 => Code::AuthenticationFailed,
                20404 => Code::NotFound,
                20429 => Code::TooManyRequests,
                21211 => Code::InvalidToNumber,
                21212 => Code::InvalidFromNumber,
                21606 => Code::NotSmsCapable,
                21610 => Code::Unsubscribed,
                other => Code::Unknown(other),
            }
        }
    }

    /// The body, keeping unknown keys; the code is typed after parsing, as by hand.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct Body {
        pub code: i64,
        pub message: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub more_info: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub status: Option<u16>,
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }

    impl Body {
        /// The typed code.
        pub fn code(&self) -> Code {
            Code::from_number(self.code)
        }
    }

    /// The Bulk Messaging API's body: a list of errors.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct BulkBody {
        pub errors: Vec<BulkItem>,
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }

    /// One error of the list, keeping unknown keys.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct BulkItem {
        pub code: i64,
        pub message: String,
        #[serde(rename = "infoUrl", skip_serializing_if = "Option::is_none")]
        pub info_url: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub context: Option<String>,
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }

    impl BulkBody {
        /// The first error's typed code.
        pub fn code(&self) -> Option<Code> {
            self.errors.first().map(|item| Code::from_number(item.code))
        }
    }
}

/// Hand-written Vivamo errors: no codes, told apart by a `match` on the exact message text.
pub mod vivamo {
    use serde::{Deserialize, Serialize};
    use serde_json::{Map, Value};

    /// The documented texts.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Code {
        CustomerAlreadyExists,
        EmailAlreadyExists,
        EmailDomainNotSupported,
        PhoneNumberNotUsable,
        CustomerNotFound,
        BothCustomerReferenceAndNewCustomer,
        CustomerReferenceMissing,
        Unknown,
    }

    impl Code {
        /// The code a message text names.
        pub fn from_text(text: &str) -> Code {
            match text {
                "This customer already exists" => Code::CustomerAlreadyExists,
                "A customer with this email address already exists." => Code::EmailAlreadyExists,
                "Sorry, this email domain is not supported" => Code::EmailDomainNotSupported,
                "Sorry, this phone number cannot be used. Please use a valid mobile number." => {
                    Code::PhoneNumberNotUsable
                }
                "Customer with provided externalId not found." => Code::CustomerNotFound,
                "Both externalCustomerId and newCustomer cannot be provided at the same time." => {
                    Code::BothCustomerReferenceAndNewCustomer
                }
                "Either externalCustomerId or newCustomer must be provided." => {
                    Code::CustomerReferenceMissing
                }
                _ => Code::Unknown,
            }
        }
    }

    /// The body, keeping unknown keys.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct Body {
        pub message: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub errors: Option<Vec<Value>>,
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }

    impl Body {
        /// The typed code.
        pub fn code(&self) -> Code {
            Code::from_text(&self.message)
        }
    }
}

/// A Twilio error body with an integer code (the `decode_integer` benchmark).
pub const INTEGER_BODY: &[u8] = br#"{"code":21211,"message":"The 'To' number +1555 is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":400}"#;

/// A Twilio Bulk Messaging error body: a list of two errors (the `decode_list` benchmark).
pub const LIST_BODY: &[u8] = br#"{"errors":[{"code":20404,"message":"The resource was not found.","infoUrl":"https://www.twilio.com/docs/api/errors/20404","context":"null"},{"code":21211,"message":"The 'To' number is not valid.","infoUrl":"https://www.twilio.com/docs/api/errors/21211","context":"messages[1].to"}]}"#;

/// A Vivamo error body, identified by its message text (the `decode_message` benchmark).
pub const MESSAGE_BODY: &[u8] =
    br#"{"message":"Either externalCustomerId or newCustomer must be provided."}"#;

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
