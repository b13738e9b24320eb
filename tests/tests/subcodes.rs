//! Subcodes: a second typed code beside the code, with its own facts, on the Meta Graph API
//! catalog (`catalog/meta_graph.yaml`: code 190 with subcodes 460, 463, …).

mod common;

use common::json;
use errcat::{ApiError, Category, RetryAdvice};
use errcat_generated::meta_graph::{Code, Error, SubCode, EXAMPLES};

const EXPIRED: &str = r#"{ "error": { "message": "Error validating access token: Session has expired on Wednesday, 14-Feb-18 18:00:00 PST. The current time is Thursday, 15-Feb-18 13:46:35 PST.", "type": "OAuthException", "code": 190, "error_subcode": 463, "fbtrace_id": "H2il2t5bn4e" } }"#;

#[test]
fn the_subcode_is_typed_and_its_facts_win_over_the_codes() {
    let error = Error::decode(400, EXPIRED.as_bytes()).unwrap();
    assert_eq!(error.code(), &Code::E190);
    assert_eq!(error.subcode(), Some(SubCode::S463));
    assert_eq!(SubCode::S463.as_str(), "463");
    assert_eq!(error.retry(), RetryAdvice::RefreshCredentials);
    assert_eq!(ApiError::retry(&error), RetryAdvice::RefreshCredentials);
    assert_eq!(error.category(), Category::Authentication);
    assert_eq!(error.request_id(), Some("H2il2t5bn4e"));
    // Re-encoded as sent: the subcode stays an integer.
    let rendered = json(&error.to_json());
    assert_eq!(rendered, json(EXPIRED.as_bytes()));
    assert_eq!(rendered["error"]["error_subcode"], 463);

    // Another subcode of the same code says something else.
    let checkpointed = EXPIRED.replace("463", "459");
    let error = Error::decode(400, checkpointed.as_bytes()).unwrap();
    assert_eq!(error.subcode(), Some(SubCode::S459));
    assert_eq!(error.retry(), RetryAdvice::Never);
    assert_eq!(
        SubCode::S459.fix(),
        Some("Ask the user to log in at www.facebook.com or m.facebook.com and follow the instructions there.")
    );
}

#[test]
fn unknown_and_missing_subcodes_leave_the_codes_facts() {
    let unknown = EXPIRED.replace("463", "99999");
    let error = Error::decode(400, unknown.as_bytes()).unwrap();
    assert_eq!(error.subcode(), Some(SubCode::Unknown("99999".into())));
    assert_eq!(error.retry(), Code::E190.retry());
    assert_eq!(json(&error.to_json())["error"]["error_subcode"], 99999);
    let without = EXPIRED.replace(r#""error_subcode": 463, "#, "");
    let error = Error::decode(400, without.as_bytes()).unwrap();
    assert_eq!(error.subcode(), None);
    assert_eq!(error.retry(), Code::E190.retry());
}

#[test]
fn a_built_error_with_a_subcode_round_trips() {
    let error = Error::new(Code::E190).with_subcode(SubCode::S460);
    assert_eq!(error.subcode(), Some(SubCode::S460));
    let body = json(&error.to_json());
    assert_eq!(body["error"]["error_subcode"], 460);
    assert_eq!(
        Error::decode(error.status().as_u16(), &error.to_json()).unwrap(),
        error
    );
    assert!(SubCode::ALL.len() >= 6);
    // Every documented example decodes with its subcode typed when it has one.
    for example in EXAMPLES {
        let decoded = Error::decode(example.status, example.body.as_bytes()).unwrap();
        if example.body.contains("error_subcode") {
            assert!(
                decoded.subcode().is_some_and(|subcode| subcode.is_known()),
                "{}",
                example.body
            );
        }
    }
}
