//! The random catalogs `check` accepted (`tests/random_catalogs.rs`, compiled into
//! `errcat_tests::random` by the build script under `deny(warnings)`): enough of the sample is
//! accepted to mean something, and what was accepted works like any catalog.

use serde_json::Value;

include!(concat!(env!("OUT_DIR"), "/each_provider.rs"));

fn summary(key: &str) -> usize {
    let text = include_str!(concat!(env!("OUT_DIR"), "/random/summary.txt"));
    text.lines()
        .find_map(|line| line.strip_prefix(key)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("no `{key}` in {text}"))
}

#[test]
fn most_of_the_sample_is_accepted_and_compiled() {
    let (drawn, accepted) = (summary("drawn"), summary("accepted"));
    let mut compiled = 0;
    macro_rules! count {
        ($($module:ident)::*) => {
            compiled += 1;
        };
    }
    each_random_provider_outside!(count);
    assert_eq!(compiled, accepted);
    assert!(accepted * 2 >= drawn, "{accepted} of {drawn} accepted");
    // Some are refused too: the sample does reach names `check` must turn down.
    assert!(accepted < drawn, "{accepted} of {drawn} accepted");
}

#[test]
fn every_code_and_example_of_the_random_catalogs_round_trips() {
    let mut examples = 0;
    macro_rules! check {
        ($($module:ident)::*) => {{
            use $($module)::*::{Code, Error, EXAMPLES};
            for code in Code::ALL {
                let error = Error::new(code.clone());
                let again = Error::decode(error.status().as_u16(), &error.to_json()).unwrap();
                assert_eq!(again, error, "{}", code.as_str());
            }
            for example in EXAMPLES {
                let error = Error::decode(example.status, example.body.as_bytes()).unwrap();
                assert_eq!(Some(error.code().as_str()), example.code);
                let input: Value = serde_json::from_str(example.body).unwrap();
                let output: Value = serde_json::from_slice(&error.to_json()).unwrap();
                assert_eq!(output, input);
                examples += 1;
            }
        }};
    }
    each_random_provider_outside!(check);
    assert!(examples > 10, "{examples} examples");
}
