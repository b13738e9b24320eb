//! Honest semver: code a user wrote against the old version of a generated provider
//! (`semver/base.yaml`) compiles against every new version that `errcat diff` calls compatible
//! (`semver/changes.txt`). This file is its own crate, as a user's is, so `#[non_exhaustive]` on
//! the generated enums applies here: the `match`es below must have a wildcard arm, which is what
//! lets a new code or type leave them compiling.

include!(concat!(env!("OUT_DIR"), "/semver/each_change.rs"));

/// Every use a user makes of the old version: decoding, the typed code and type in `match`es,
/// building an error, the tables and facts.
macro_rules! use_old_api {
    ($($module:ident)::*) => {{
        use $($module)::*::pay::{Code, Error, ErrorType, EXAMPLES, PROVIDER, STATUSES};
        let body = br#"{"error":{"code":"card_declined","message":"The card was declined.","type":"card_error"}}"#;
        let error = Error::decode(402, body).unwrap();
        let described = match error.code() {
            Code::CardDeclined => "declined",
            Code::InvalidRequest => "invalid",
            Code::Unknown(wire) => wire.as_str(),
            _ => "another code",
        };
        assert_eq!(described, "declined");
        let kind = match error.error_type() {
            Some(ErrorType::CardError) => 1,
            Some(ErrorType::InvalidRequestError) => 2,
            Some(_) => 3,
            None => 0,
        };
        assert_eq!(kind, 1);
        assert_eq!(error.status().as_u16(), 402);
        assert!(!error.message().is_empty());
        let built = Error::new(Code::InvalidRequest).with_message("built");
        assert_eq!(Error::decode(400, &built.to_json()).unwrap(), built);
        assert_eq!(Code::from_wire("invalid_request"), Code::InvalidRequest);
        assert!(Code::ALL.contains(&Code::CardDeclined));
        assert!(Code::CardDeclined.status().is_some());
        assert!(!PROVIDER.name.is_empty());
        assert!(STATUSES.iter().any(|row| row.status == 400));
        assert!(EXAMPLES.len() <= 2);
        let _ = errcat::ApiError::retry(&error);
        let _ = errcat::ApiError::category(&error);
    }};
}

#[test]
fn code_written_against_the_old_version_runs_against_every_compatible_one() {
    use_old_api!(errcat_downstream::semver::base);
    macro_rules! check {
        ($change:ident, $($module:ident)::*) => {
            use_old_api!($($module)::*);
        };
    }
    each_change!(check);
}

#[test]
fn errcat_diff_calls_every_change_compatible() {
    let load = |version: &str| {
        let path = format!("{}/semver/{version}/pay.yaml", env!("OUT_DIR"));
        let text = std::fs::read(&path).unwrap();
        errcat_codegen::load_catalog(&path, &text, "pay").unwrap()
    };
    let base = load("base");
    let mut checked = 0;
    macro_rules! check {
        ($change:ident, $($module:ident)::*) => {
            let changes = errcat_cli::diff::compare(&base, &load(stringify!($change)));
            assert!(!changes.is_empty(), "{}: no change", stringify!($change));
            assert!(
                !errcat_cli::diff::is_breaking(&changes),
                "{}: {}",
                stringify!($change),
                errcat_cli::diff::report(&changes)
            );
            checked += 1;
        };
    }
    each_change!(check);
    assert_eq!(checked, 13);
}
