//! The derive and the YAML catalog are two front ends over one back end: `PaymentError` and
//! `catalog/payments.yaml` (the same codes) give the same wire JSON and the same `ApiError`
//! answers, and each decodes what the other renders.

use errcat::ApiError;
use errcat_downstream::catalog::payments::{self, Code};
use errcat_downstream::PaymentError;

/// Each derived value with the catalog error carrying the same data.
fn pairs() -> Vec<(PaymentError, payments::Error)> {
    let derived = |error: PaymentError| {
        let message = error.to_string();
        (error, message)
    };
    let cases = vec![
        (
            derived(PaymentError::CardDeclined),
            Code::CardDeclined,
            vec![],
        ),
        (
            derived(PaymentError::OrderNotFound {
                order_id: "o_1".into(),
            }),
            Code::OrderNotFound,
            vec![("order_id", serde_json::json!("o_1"))],
        ),
        (
            derived(PaymentError::AmountTooLarge(5000, 1000.5)),
            Code::AmountTooLarge,
            vec![
                ("0", serde_json::json!(5000)),
                ("1", serde_json::json!(1000.5)),
            ],
        ),
        (
            derived(PaymentError::InvalidField {
                field: "email".into(),
                reason: "missing".into(),
            }),
            Code::InvalidField,
            vec![("reason", serde_json::json!("missing"))],
        ),
        (
            derived(PaymentError::RateLimited { retry_after: 30 }),
            Code::RateLimited,
            vec![("retry_after", serde_json::json!(30))],
        ),
        (
            derived(PaymentError::TokenExpired),
            Code::TokenExpired,
            vec![],
        ),
        (
            derived(PaymentError::IdempotencyKeyLocked),
            Code::IdempotencyKeyLocked,
            vec![],
        ),
        (
            derived(PaymentError::Internal {
                id: 7,
                trace: vec![],
            }),
            Code::Internal,
            vec![("id", serde_json::json!(7))],
        ),
    ];
    cases
        .into_iter()
        .map(|((error, message), code, extra)| {
            let mut built = payments::Error::new(code).with_message(message);
            if let PaymentError::InvalidField { field, .. } = &error {
                built = built.with_field(field.clone());
            }
            for (key, value) in extra {
                built = built.with_extra(key, value);
            }
            (error, built)
        })
        .collect()
}

#[test]
fn same_wire_json() {
    for (derived, built) in pairs() {
        assert_eq!(
            serde_json::to_value(&derived).unwrap(),
            serde_json::to_value(&built).unwrap(),
            "{derived:?}"
        );
    }
}

#[test]
fn same_api_error_answers() {
    for (derived, built) in pairs() {
        let (a, b): (&dyn ApiError, &dyn ApiError) = (&derived, &built);
        assert_eq!(a.code(), b.code());
        assert_eq!(a.status(), b.status(), "{derived:?}");
        assert_eq!(a.message(), b.message());
        assert_eq!(a.user_message(), b.user_message(), "{derived:?}");
        assert_eq!(a.retry(), b.retry(), "{derived:?}");
        assert_eq!(a.category(), b.category(), "{derived:?}");
    }
}

#[test]
fn each_decodes_what_the_other_renders() {
    for (derived, built) in pairs() {
        let from_catalog: PaymentError = serde_json::from_slice(&built.to_json()).unwrap();
        assert_eq!(format!("{from_catalog:?}"), format!("{derived:?}"));
        let status = derived.status().as_u16();
        let from_derive =
            payments::Error::decode(status, &serde_json::to_vec(&derived).unwrap()).unwrap();
        assert_eq!(from_derive, built);
    }
}
