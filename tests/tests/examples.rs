//! Every documented example of every catalog decodes to its code and re-encodes to the same
//! JSON; the headers shown with it are read back too.

mod common;

use common::{json, Catalog};
use errcat::ApiError;

/// Checks every example of `C`; gives how many there were.
fn examples_decode_and_reencode<C: Catalog>() -> usize {
    for example in C::examples() {
        let mut builder = http::Response::builder().status(example.status);
        for (name, value) in example.headers {
            builder = builder.header(*name, *value);
        }
        let response = builder.body(example.body.as_bytes().to_vec()).unwrap();
        let error = C::from_http(&response).unwrap_or_else(|e| {
            panic!(
                "{}: example {:?} does not decode: {e}",
                C::MODULE,
                example.body
            )
        });
        let code = C::code(&error);
        match example.code {
            Some(wire) => {
                assert!(
                    C::is_known(&code),
                    "{}: {wire} decoded to an unknown code",
                    C::MODULE
                );
                assert_eq!(C::wire(&code), wire, "{}", C::MODULE);
            }
            None => assert!(
                !C::is_known(&code),
                "{}: {:?} should be unknown",
                C::MODULE,
                example.body
            ),
        }
        assert_eq!(error.status().as_u16(), example.status);
        assert_eq!(
            json(&C::to_json(&error)),
            json(example.body.as_bytes()),
            "{}: example does not re-encode to the same JSON",
            C::MODULE
        );
        if let Some((_, value)) = example
            .headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("retry-after"))
        {
            let seconds: u64 = value.parse().unwrap();
            assert_eq!(
                error.retry_after(),
                Some(std::time::Duration::from_secs(seconds))
            );
        }
    }
    C::examples().len()
}

#[test]
fn every_example_of_every_catalog() {
    let mut examples = std::collections::BTreeMap::new();
    each_catalog!(C => {
        examples.insert(C::MODULE, examples_decode_and_reencode::<C>());
    });
    // Every seed catalog documents examples (a real provider may print none in full).
    for seed in common::SEEDS {
        assert!(examples[seed] > 0, "{seed} has no examples");
    }
}

#[test]
fn rate_limit_example_carries_its_headers() {
    use errcat_generated::verification::{Code, Error, EXAMPLES};
    let example = EXAMPLES
        .iter()
        .find(|example| example.code == Some("RATE_LIMIT_EXCEEDED"))
        .expect("the seed documents a rate-limit example");
    let mut builder = http::Response::builder().status(example.status);
    for (name, value) in example.headers {
        builder = builder.header(*name, *value);
    }
    let error = Error::from_http(&builder.body(example.body.as_bytes().to_vec()).unwrap()).unwrap();
    assert_eq!(error.code(), &Code::RateLimitExceeded);
    assert_eq!(error.headers().rate_limit.limit, Some(300));
    assert_eq!(error.headers().rate_limit.remaining, Some(0));
    assert_eq!(error.headers().rate_limit.reset, Some(1_699_900_060));
    assert_eq!(
        error.retry_after(),
        Some(std::time::Duration::from_secs(60))
    );
    assert_eq!(error.retry(), errcat::RetryAdvice::AfterRetryAfter);
}
