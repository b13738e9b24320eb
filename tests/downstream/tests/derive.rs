//! `#[derive(ApiError)]` on the downstream types: Display text, status, code, retry, category,
//! `source()` chains, `From` conversions, and serde round trips in a nested and a flat envelope.

use std::error::Error as _;

use errcat::{ApiError, Category, RetryAdvice};
use errcat_downstream::{Maintenance, PaymentError, VerificationError, Wrapped};
use serde_json::json;

fn io_error() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::ConnectionReset,
        "connection reset by the bank",
    )
}

#[test]
fn display_follows_the_templates_and_doc_comments() {
    assert_eq!(
        PaymentError::CardDeclined.to_string(),
        "The card was declined."
    );
    assert_eq!(
        PaymentError::OrderNotFound {
            order_id: "o_1".into()
        }
        .to_string(),
        "order o_1 not found"
    );
    assert_eq!(
        PaymentError::AmountTooLarge(5000, 1000.0).to_string(),
        "amount 5000 is over the limit of 1000.00"
    );
    assert_eq!(
        PaymentError::InvalidField {
            field: "email".into(),
            reason: "no \"@\"".into()
        }
        .to_string(),
        r#"field email is invalid: "no \"@\"""#
    );
    assert_eq!(
        PaymentError::RateLimited { retry_after: 30 }.to_string(),
        "slow down for 30s"
    );
    assert_eq!(
        PaymentError::TokenExpired.to_string(),
        "The access token expired."
    );
    assert_eq!(
        PaymentError::Internal {
            id: 7,
            trace: vec!["db".into()]
        }
        .to_string(),
        "internal error 7"
    );
    assert_eq!(
        PaymentError::Other("brand_new".into()).to_string(),
        "brand_new"
    );
    assert_eq!(
        Maintenance {
            until: "10:00".into()
        }
        .to_string(),
        "down for maintenance until 10:00"
    );
    assert_eq!(Wrapped::Failed { detail: 42 }.to_string(), "failed: 42");
}

#[test]
fn codes_statuses_retry_and_categories() {
    let cases: Vec<(PaymentError, &str, u16, RetryAdvice, Category)> = vec![
        (
            PaymentError::CardDeclined,
            "card_declined",
            402,
            RetryAdvice::Never,
            Category::BusinessRule,
        ),
        (
            PaymentError::OrderNotFound {
                order_id: "o".into(),
            },
            "order_not_found",
            404,
            RetryAdvice::Never,
            Category::NotFound,
        ),
        (
            PaymentError::AmountTooLarge(1, 0.5),
            "amount_too_large",
            422,
            RetryAdvice::Never,
            Category::BusinessRule,
        ),
        (
            PaymentError::InvalidField {
                field: "f".into(),
                reason: "r".into(),
            },
            "invalid_field",
            400,
            RetryAdvice::Never,
            Category::Validation,
        ),
        (
            PaymentError::RateLimited { retry_after: 1 },
            "rate_limited",
            429,
            RetryAdvice::AfterRetryAfter,
            Category::RateLimited,
        ),
        (
            PaymentError::TokenExpired,
            "TOKEN_EXPIRED",
            401,
            RetryAdvice::RefreshCredentials,
            Category::Authentication,
        ),
        (
            PaymentError::IdempotencyKeyLocked,
            "idempotency_key_locked",
            409,
            RetryAdvice::SameIdempotencyKey,
            Category::Conflict,
        ),
        (
            PaymentError::BankUnavailable { cause: io_error() },
            "bank_unavailable",
            503,
            RetryAdvice::Backoff,
            Category::ProviderUnavailable,
        ),
        (
            PaymentError::Storage(io_error()),
            "storage",
            500,
            RetryAdvice::Backoff,
            Category::Internal,
        ),
        (
            PaymentError::Internal {
                id: 1,
                trace: vec![],
            },
            "internal",
            500,
            RetryAdvice::Backoff,
            Category::Internal,
        ),
        // Container defaults: status 400, retry never; category from the status.
        (
            PaymentError::Other("new_code".into()),
            "new_code",
            400,
            RetryAdvice::Never,
            Category::Validation,
        ),
    ];
    for (error, code, status, retry, category) in cases {
        assert_eq!(ApiError::code(&error), code, "{error:?}");
        assert_eq!(error.status().as_u16(), status, "{error:?}");
        assert_eq!(error.retry(), retry, "{error:?}");
        assert_eq!(error.category(), category, "{error:?}");
        assert_eq!(error.message(), error.to_string());
    }
    assert_eq!(
        PaymentError::CardDeclined.user_message(),
        "Your card was declined. Please use another card."
    );
    assert_eq!(
        PaymentError::TokenExpired.user_message(),
        Category::Authentication.default_user_message()
    );
    let maintenance = Maintenance {
        until: "10:00".into(),
    };
    assert_eq!(
        (
            ApiError::code(&maintenance),
            maintenance.status().as_u16(),
            maintenance.retry()
        ),
        ("maintenance", 503, RetryAdvice::Backoff)
    );
    assert_eq!(ApiError::code(&Wrapped::Failed { detail: "x" }), "failed");
}

#[test]
fn transparent_variants_forward_everything() {
    let inner = VerificationError::UnderReview {
        customer_id: "cus_1".into(),
    };
    let outer = PaymentError::Verification(VerificationError::UnderReview {
        customer_id: "cus_1".into(),
    });
    assert_eq!(outer.to_string(), inner.to_string());
    assert_eq!(ApiError::code(&outer), "UNDER_REVIEW");
    assert_eq!(outer.status(), inner.status());
    assert_eq!(outer.status().as_u16(), 409);
    assert_eq!(outer.category(), Category::Conflict);
    assert_eq!(outer.user_message(), inner.user_message());
    assert!(outer.source().is_none());
    assert_eq!(
        serde_json::to_value(&outer).unwrap(),
        serde_json::to_value(&inner).unwrap()
    );
}

#[test]
fn sources_chain_and_from_converts() {
    let error = PaymentError::BankUnavailable { cause: io_error() };
    assert_eq!(
        error.source().unwrap().to_string(),
        "connection reset by the bank"
    );

    fn read() -> Result<(), PaymentError> {
        Err(io_error())?;
        Ok(())
    }
    let error = read().unwrap_err();
    assert!(matches!(error, PaymentError::Storage(_)));
    assert_eq!(
        error.source().unwrap().to_string(),
        "connection reset by the bank"
    );

    fn parse(text: &str) -> Result<u32, PaymentError> {
        Ok(text.parse::<u32>()?)
    }
    let error = parse("12x").unwrap_err();
    assert_eq!(
        error.to_string(),
        "not a number: invalid digit found in string"
    );
    assert!(error
        .source()
        .unwrap()
        .downcast_ref::<std::num::ParseIntError>()
        .is_some());
    assert!(PaymentError::CardDeclined.source().is_none());
}

#[test]
fn nested_envelope_round_trips() {
    let cases = vec![
        (
            PaymentError::CardDeclined,
            json!({"error": {"code": "card_declined", "message": "The card was declined."}}),
        ),
        (
            PaymentError::OrderNotFound {
                order_id: "o_1".into(),
            },
            json!({"error": {"code": "order_not_found", "message": "order o_1 not found", "order_id": "o_1"}}),
        ),
        (
            PaymentError::AmountTooLarge(5000, 1000.5),
            json!({"error": {"code": "amount_too_large", "message": "amount 5000 is over the limit of 1000.50",
                   "type": "invalid_request", "0": 5000, "1": 1000.5}}),
        ),
        (
            PaymentError::InvalidField {
                field: "email".into(),
                reason: "missing".into(),
            },
            json!({"error": {"code": "invalid_field", "message": "field email is invalid: \"missing\"",
                   "type": "invalid_request", "field": "email", "reason": "missing"}}),
        ),
        (
            PaymentError::RateLimited { retry_after: 30 },
            json!({"error": {"code": "rate_limited", "message": "slow down for 30s", "retry_after": 30}}),
        ),
        (
            PaymentError::TokenExpired,
            json!({"error": {"code": "TOKEN_EXPIRED", "message": "The access token expired."}}),
        ),
        (
            PaymentError::Other("brand_new".into()),
            json!({"error": {"code": "brand_new", "message": "brand_new"}}),
        ),
    ];
    for (error, expected) in cases {
        let value = serde_json::to_value(&error).unwrap();
        assert_eq!(value, expected);
        let back: PaymentError = serde_json::from_value(value).unwrap();
        assert_eq!(format!("{back:?}"), format!("{error:?}"));
    }
}

#[test]
fn skipped_fields_stay_off_the_wire_and_come_back_as_default() {
    let error = PaymentError::Internal {
        id: 7,
        trace: vec!["db timeout".into()],
    };
    let value = serde_json::to_value(&error).unwrap();
    assert_eq!(
        value,
        json!({"error": {"code": "internal", "message": "internal error 7", "id": 7}})
    );
    let back: PaymentError = serde_json::from_value(value).unwrap();
    assert!(matches!(back, PaymentError::Internal { id: 7, ref trace } if trace.is_empty()));
}

#[test]
fn variants_with_a_source_cannot_be_rebuilt_from_a_body() {
    let body = json!({"error": {"code": "bank_unavailable", "message": "the bank is unavailable"}});
    assert_eq!(
        serde_json::to_value(PaymentError::BankUnavailable { cause: io_error() }).unwrap(),
        body
    );
    let error = serde_json::from_value::<PaymentError>(body).unwrap_err();
    assert!(
        error.to_string().contains("holds a source error"),
        "{error}"
    );
}

#[test]
fn decoding_reports_missing_and_mistyped_fields() {
    let missing =
        serde_json::from_value::<PaymentError>(json!({"error": {"code": "order_not_found"}}))
            .unwrap_err();
    assert!(missing.to_string().contains("`order_id`"), "{missing}");
    let mistyped = serde_json::from_value::<PaymentError>(
        json!({"error": {"code": "rate_limited", "retry_after": "soon"}}),
    )
    .unwrap_err();
    assert!(mistyped.to_string().contains("`retry_after`"), "{mistyped}");
    let no_code =
        serde_json::from_value::<PaymentError>(json!({"error": {"message": "?"}})).unwrap_err();
    assert!(
        no_code.to_string().contains("no string `code`"),
        "{no_code}"
    );
    let flat =
        serde_json::from_value::<PaymentError>(json!({"code": "card_declined"})).unwrap_err();
    assert!(flat.to_string().contains("error"), "{flat}");
}

#[test]
fn flat_envelope_with_own_key_names_round_trips() {
    let error = VerificationError::UnderReview {
        customer_id: "cus_1".into(),
    };
    let value = serde_json::to_value(&error).unwrap();
    assert_eq!(
        value,
        json!({"errorCode": "UNDER_REVIEW", "errorMessage": "customer cus_1 is under review", "customer_id": "cus_1"})
    );
    let back: VerificationError = serde_json::from_value(value).unwrap();
    assert!(
        matches!(back, VerificationError::UnderReview { customer_id } if customer_id == "cus_1")
    );

    let quality = VerificationError::DocumentQualityInsufficient;
    assert_eq!(ApiError::code(&quality), "DOCUMENT_QUALITY_INSUFFICIENT");
    assert_eq!(quality.status().as_u16(), 422);
    assert_eq!(quality.user_message(), "Please upload a clearer photo.");

    let unknown: VerificationError =
        serde_json::from_value(json!({"errorCode": "NEW_THING", "errorMessage": "?"})).unwrap();
    assert!(matches!(&unknown, VerificationError::Unlisted { code } if code == "NEW_THING"));
    assert_eq!(ApiError::code(&unknown), "NEW_THING");
}

#[test]
fn struct_and_generic_errors_round_trip() {
    let maintenance = Maintenance {
        until: "10:00".into(),
    };
    let value = serde_json::to_value(&maintenance).unwrap();
    assert_eq!(
        value,
        json!({"code": "maintenance", "message": "down for maintenance until 10:00", "until": "10:00"})
    );
    let back: Maintenance = serde_json::from_value(value).unwrap();
    assert_eq!(back.until, "10:00");

    let wrapped = Wrapped::Failed { detail: 42u32 };
    let value = serde_json::to_value(&wrapped).unwrap();
    assert_eq!(
        value,
        json!({"code": "failed", "message": "failed: 42", "detail": 42})
    );
    let back: Wrapped<u32> = serde_json::from_value(value).unwrap();
    assert!(matches!(back, Wrapped::Failed { detail: 42 }));
}

#[test]
fn errors_work_behind_dyn_api_error() {
    let errors: Vec<Box<dyn ApiError>> = vec![
        Box::new(PaymentError::TokenExpired),
        Box::new(VerificationError::DocumentQualityInsufficient),
        Box::new(Maintenance {
            until: "soon".into(),
        }),
    ];
    let codes: Vec<&str> = errors.iter().map(|error| error.code()).collect();
    assert_eq!(
        codes,
        [
            "TOKEN_EXPIRED",
            "DOCUMENT_QUALITY_INSUFFICIENT",
            "maintenance"
        ]
    );
}

#[test]
fn borrowed_and_transparent_struct_errors() {
    use errcat_downstream::{Borrowed, Wrapper};
    let header = String::from("X-Idempotency-Key");
    let error = Borrowed::BadHeader { name: &header };
    assert_eq!(error.to_string(), "header X-Idempotency-Key is malformed");
    assert_eq!(ApiError::code(&error), "bad_header");
    assert_eq!(
        serde_json::to_value(&error).unwrap(),
        json!({"code": "bad_header", "message": "header X-Idempotency-Key is malformed", "name": "X-Idempotency-Key"})
    );

    let wrapped = Wrapper(PaymentError::TokenExpired);
    assert_eq!(ApiError::code(&wrapped), "TOKEN_EXPIRED");
    assert_eq!(wrapped.retry(), RetryAdvice::RefreshCredentials);
    assert_eq!(wrapped.to_string(), "The access token expired.");
    assert_eq!(
        serde_json::to_value(&wrapped).unwrap(),
        serde_json::to_value(PaymentError::TokenExpired).unwrap()
    );
}

/// The full `other` form: the message and every other key of an unknown code's body are kept.
#[derive(Debug, ApiError)]
#[api_error(status = 400)]
enum KeepingError {
    /// A listed code.
    #[api_error(status = 404, message = "no such order")]
    OrderNotFound,
    #[api_error(other)]
    Other {
        code: String,
        message: String,
        #[api_error(extra)]
        extra: serde_json::Map<String, serde_json::Value>,
    },
}

#[test]
fn the_full_other_variant_keeps_the_message_and_every_key() {
    let body = serde_json::json!({"code": "brand_new", "message": "hi", "doc": "https://d", "type": "t", "n": [1, 2]});
    let error: KeepingError = serde_json::from_value(body.clone()).unwrap();
    let KeepingError::Other {
        code,
        message,
        extra,
    } = &error
    else {
        panic!("{error:?}");
    };
    assert_eq!((code.as_str(), message.as_str()), ("brand_new", "hi"));
    assert_eq!(
        serde_json::Value::Object(extra.clone()),
        serde_json::json!({"doc": "https://d", "type": "t", "n": [1, 2]})
    );
    assert_eq!(error.to_string(), "hi");
    assert_eq!((error.code(), &*error.message()), ("brand_new", "hi"));
    assert_eq!(serde_json::to_value(&error).unwrap(), body);
    // Without a message, none is invented on the way back; the code is the text.
    let bare = serde_json::json!({"code": "brand_new"});
    let error: KeepingError = serde_json::from_value(bare.clone()).unwrap();
    assert_eq!(error.to_string(), "brand_new");
    assert_eq!(serde_json::to_value(&error).unwrap(), bare);
    // Listed codes are unaffected.
    let listed: KeepingError = serde_json::from_value(
        serde_json::json!({"code": "order_not_found", "message": "no such order"}),
    )
    .unwrap();
    assert!(matches!(listed, KeepingError::OrderNotFound));
}
