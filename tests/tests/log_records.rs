//! `errcat::log::record` emits one structured event with the fields a support team asks for.

use std::sync::{Arc, Mutex};

use errcat_generated::verification;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

/// One captured event: its level and its fields as (name, value).
type Captured = (Level, Vec<(String, String)>);

/// Records every event's level and fields.
#[derive(Clone, Default)]
struct Capture {
    events: Arc<Mutex<Vec<Captured>>>,
}

struct Fields(Vec<(String, String)>);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.push((field.name().to_owned(), value.to_string()));
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut fields = Fields(Vec::new());
        event.record(&mut fields);
        self.events
            .lock()
            .unwrap()
            .push((*event.metadata().level(), fields.0));
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[test]
fn a_record_carries_the_support_fields() {
    let capture = Capture::default();
    let response = http::Response::builder()
        .status(422)
        .header("X-Request-Id", "req_abc123xyz")
        .body(br#"{"error":{"code":"INVALID_FIELD_FORMAT","message":"Invalid field format","field":"dateOfBirth"}}"#.to_vec())
        .unwrap();
    let error = verification::Error::from_http(&response).unwrap();
    tracing::subscriber::with_default(capture.clone(), || {
        errcat::log::record(&error, "POST /api/v1/customers", error.field());
        errcat::log::record(
            &verification::Error::new(verification::Code::ServiceUnavailable),
            "GET /api/v1/customers/1",
            None,
        );
    });
    let events = capture.events.lock().unwrap();
    assert_eq!(events.len(), 2);
    let (level, fields) = &events[0];
    assert_eq!(*level, Level::WARN);
    let get = |name: &str| {
        fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
    };
    assert_eq!(get("request_id"), Some("req_abc123xyz"));
    assert_eq!(get("status_code"), Some("422"));
    assert_eq!(get("error_code"), Some("INVALID_FIELD_FORMAT"));
    assert_eq!(get("error_message"), Some("Invalid field format"));
    assert_eq!(get("field"), Some("dateOfBirth"));
    assert_eq!(get("endpoint"), Some("POST /api/v1/customers"));
    assert_eq!(get("category"), Some("validation"));
    assert_eq!(events[1].0, Level::ERROR);
}
