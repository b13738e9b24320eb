//! What the seeds say, checked in the generated API: counts, statuses, types, retry advice,
//! categories, user messages and fixes.

use errcat::{ApiError, Category, RetryAdvice};
use errcat_generated::{licensekey, vaultspay, verification, vivamo, vrp_billing};
use http::StatusCode;

#[test]
fn every_documented_error_has_a_variant() {
    let counts = [
        (vivamo::PROVIDER.module, vivamo::Code::ALL.len()),
        (licensekey::PROVIDER.module, licensekey::Code::ALL.len()),
        (vrp_billing::PROVIDER.module, vrp_billing::Code::ALL.len()),
        (vaultspay::PROVIDER.module, vaultspay::Code::ALL.len()),
        (verification::PROVIDER.module, verification::Code::ALL.len()),
    ];
    assert_eq!(
        counts,
        [
            ("vivamo", 7),
            ("licensekey", 13),
            ("vrp_billing", 7),
            ("vaultspay", 9),
            ("verification", 16)
        ]
    );
    assert_eq!(counts.iter().map(|(_, count)| count).sum::<usize>(), 52);
    assert_eq!(vrp_billing::ErrorType::ALL.len(), 5);
    assert_eq!(vaultspay::ErrorType::ALL.len(), 6);
}

#[test]
fn verification_codes_follow_the_seed() {
    use verification::Code;
    assert_eq!(Code::from_wire("TOKEN_EXPIRED"), Code::TokenExpired);
    assert_eq!(Code::TokenExpired.status(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(Code::TokenExpired.retry(), RetryAdvice::RefreshCredentials);
    assert_eq!(Code::TokenExpired.category(), Category::Authentication);
    assert_eq!(
        Code::InvalidFieldFormat.status(),
        Some(StatusCode::UNPROCESSABLE_ENTITY)
    );
    assert_eq!(
        Code::RateLimitExceeded.retry(),
        RetryAdvice::AfterRetryAfter
    );
    assert_eq!(Code::ServiceUnavailable.retry(), RetryAdvice::Backoff);
    assert_eq!(Code::ValidationError.retry(), RetryAdvice::Never);
    assert_eq!(
        Code::ResourceConflict.user_message(),
        "Your verification is in progress. Please wait."
    );
    assert_eq!(
        Code::AuthenticationFailed.user_message(),
        "Authentication failed. Please check your credentials."
    );
    assert!(Code::DocumentQualityInsufficient
        .fix()
        .unwrap()
        .contains("300 DPI"));
    assert_eq!(
        Code::InternalServerError.message(),
        "An unexpected error occurred"
    );
}

#[test]
fn vrp_billing_idempotency_codes() {
    use vrp_billing::{Code, ErrorType};
    assert_eq!(
        Code::IdempotencyKeyLocked.retry(),
        RetryAdvice::SameIdempotencyKey
    );
    assert_eq!(Code::DuplicateIdempotencyKey.retry(), RetryAdvice::Never);
    assert_eq!(
        Code::MissingParameter.error_type(),
        Some(ErrorType::InvalidRequest)
    );
    assert_eq!(
        ErrorType::from_wire("rate_limit_error"),
        ErrorType::RateLimitError
    );
    assert!(Code::MissingParameter
        .fix()
        .unwrap()
        .contains("new idempotency key"));
}

#[test]
fn vaultspay_types_imply_statuses_with_overrides() {
    use vaultspay::{Code, ErrorType};
    assert_eq!(
        Code::DuplicateEmail.error_type(),
        Some(ErrorType::ResourceConflict)
    );
    assert_eq!(Code::DuplicateEmail.status(), Some(StatusCode::CONFLICT));
    assert_eq!(
        Code::ValidationFailed.error_type(),
        Some(ErrorType::InvalidRequest)
    );
    assert_eq!(
        Code::ValidationFailed.status(),
        Some(StatusCode::UNPROCESSABLE_ENTITY)
    );
    assert_eq!(ErrorType::InvalidRequest.info().unwrap().status, Some(400));
    assert_eq!(Code::ServerError.retry(), RetryAdvice::Backoff);
    assert_eq!(Code::RateLimitExceeded.category(), Category::RateLimited);
}

#[test]
fn licensekey_status_outside_its_table() {
    use licensekey::Code;
    assert_eq!(Code::ProviderError.status(), Some(StatusCode::BAD_GATEWAY));
    assert!(licensekey::status_info(502).is_none());
    assert_eq!(
        Code::ProviderError.category(),
        Category::ProviderUnavailable
    );
    assert_eq!(Code::AlreadyExists.status(), Some(StatusCode::CONFLICT));
    assert_eq!(Code::LicenseExpired.category(), Category::Authentication);
}

#[test]
fn vivamo_codes_are_message_texts() {
    use vivamo::Code;
    const { assert!(!vivamo::PROVIDER.identifies_by_code) };
    assert_eq!(
        Code::CustomerNotFound.as_str(),
        "Customer with provided externalId not found."
    );
    assert_eq!(
        Code::from_wire("Either externalCustomerId or newCustomer must be provided."),
        Code::CustomerReferenceMissing
    );
    let error = vivamo::Error::new(Code::EmailDomainNotSupported);
    assert_eq!(
        ApiError::code(&error),
        "Sorry, this email domain is not supported"
    );
    assert_eq!(error.status(), StatusCode::BAD_REQUEST);
}

#[test]
fn every_code_has_complete_catalog_facts() {
    fn check(infos: &[errcat::CodeInfo]) {
        for info in infos {
            assert!(!info.message.is_empty(), "{}", info.wire);
            assert!(
                info.user_message.is_some_and(|text| !text.is_empty()),
                "{}",
                info.wire
            );
            // Every seed documents one status per code.
            assert_eq!(info.statuses.len(), 1, "{}", info.wire);
            assert!(
                info.status()
                    .is_some_and(|status| (400..600).contains(&status)),
                "{}",
                info.wire
            );
            assert!(
                info.category
                    .is_some_and(|category| category != Category::Unknown),
                "{}",
                info.wire
            );
        }
    }
    check(vivamo::Code::INFO);
    check(licensekey::Code::INFO);
    check(vrp_billing::Code::INFO);
    check(vaultspay::Code::INFO);
    check(verification::Code::INFO);
}

#[test]
fn display_and_api_error_agree() {
    let error = vaultspay::Error::new(vaultspay::Code::KycIncomplete).with_request_id("req_9");
    let api: &dyn ApiError = &error;
    assert_eq!(api.code(), "kyc_incomplete");
    assert_eq!(api.status(), StatusCode::CONFLICT);
    assert_eq!(api.request_id(), Some("req_9"));
    assert_eq!(
        api.user_message(),
        vaultspay::Code::KycIncomplete.user_message()
    );
    assert_eq!(
        error.to_string(),
        format!("kyc_incomplete (409): {}", error.message())
    );
}

#[test]
fn debug_prints_the_variant_name_as_a_derive_would() {
    fn check<T: std::fmt::Debug>(all: &[T], infos: &[errcat::CodeInfo]) {
        assert_eq!(all.len(), infos.len());
        for (code, info) in all.iter().zip(infos) {
            assert_eq!(format!("{code:?}"), info.name);
        }
    }
    check(vivamo::Code::ALL, vivamo::Code::INFO);
    check(licensekey::Code::ALL, licensekey::Code::INFO);
    check(vrp_billing::Code::ALL, vrp_billing::Code::INFO);
    check(vaultspay::Code::ALL, vaultspay::Code::INFO);
    check(verification::Code::ALL, verification::Code::INFO);
    for (kind, info) in vaultspay::ErrorType::ALL
        .iter()
        .zip(vaultspay::ErrorType::INFO)
    {
        assert_eq!(format!("{kind:?}"), info.name);
    }
    let unknown = vaultspay::Code::Unknown("new_code".to_owned());
    assert_eq!(format!("{unknown:?}"), r#"Unknown("new_code")"#);
    assert_eq!(format!("{unknown:#?}"), "Unknown(\n    \"new_code\",\n)");
}

#[test]
fn decoded_wire_texts_name_their_variant_whoever_built_them() {
    use errcat::wire::WireText;
    use vaultspay::Code;
    for (index, code) in Code::ALL.iter().enumerate() {
        let name = code.as_str();
        assert_eq!(
            &Code::from_wire_text(WireText::Listed { index, name }),
            code
        );
        assert_eq!(&Code::from_wire_text(WireText::from(name)), code);
        assert_eq!(Code::TABLE.find(name), Some(index));
    }
    // An index that does not match its name (built by hand, or for another table) is not trusted.
    let mismatched = WireText::Listed {
        index: 0,
        name: "rate_limit_exceeded",
    };
    assert_eq!(Code::from_wire_text(mismatched), Code::RateLimitExceeded);
    let out_of_range = WireText::Listed {
        index: 999,
        name: "brand_new",
    };
    assert_eq!(
        Code::from_wire_text(out_of_range),
        Code::Unknown("brand_new".to_owned())
    );
}
