//! The retry driver against a local server that fails N times, then succeeds. Time is tokio's
//! paused clock: waits are measured exactly, and the tests take no wall time.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use errcat::reqwest::CallError;
use errcat::retry::{Jitter, Retry, RetryPolicy, StopReason};
use errcat::{HeaderInfo, RetryAfter};
use errcat_generated::{verification, vrp_billing};
use tokio::time::Instant;

/// What the server saw: the time and headers of each request.
#[derive(Default)]
struct Seen {
    requests: Vec<(Instant, HeaderMap)>,
}

/// Answers request number n (0-based): an error response, or `None` for 200 "ok".
type Answers = Arc<dyn Fn(usize, &HeaderMap) -> Option<Response> + Send + Sync>;

#[derive(Clone)]
struct Server {
    seen: Arc<Mutex<Seen>>,
    answers: Answers,
}

async fn handle(State(server): State<Server>, headers: HeaderMap) -> Response {
    let number = {
        let mut seen = server.seen.lock().unwrap();
        seen.requests.push((Instant::now(), headers.clone()));
        seen.requests.len() - 1
    };
    (server.answers)(number, &headers).unwrap_or_else(|| "ok".into_response())
}

/// Starts a server; returns its URL and what it sees.
async fn serve(
    answers: impl Fn(usize, &HeaderMap) -> Option<Response> + Send + Sync + 'static,
) -> (String, Arc<Mutex<Seen>>) {
    let seen = Arc::new(Mutex::new(Seen::default()));
    let server = Server {
        seen: seen.clone(),
        answers: Arc::new(answers),
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(
            listener,
            Router::new().route("/", get(handle)).with_state(server),
        )
        .await
    });
    (url, seen)
}

fn policy() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 6,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_millis(400),
        deadline: Some(Duration::from_secs(60)),
        jitter: Jitter::None,
    }
}

/// Calls the server once, sending the attempt's idempotency key and the given bearer token.
async fn call<E: errcat::HttpError>(
    client: &reqwest::Client,
    url: &str,
    key: &str,
    token: &str,
) -> Result<String, CallError<E>> {
    let sent = client
        .get(url)
        .header("Idempotency-Key", key)
        .header("Authorization", token)
        .send()
        .await;
    let response = errcat::reqwest::check::<E>(sent).await?;
    response.text().await.map_err(CallError::Transport)
}

/// Runs `retry` against the server at `url`, sending each attempt's idempotency key and `token`.
async fn run<E: errcat::HttpError + 'static>(
    retry: Retry,
    client: &reqwest::Client,
    url: &str,
    token: &str,
) -> Result<String, errcat::retry::RetryError<CallError<E>>> {
    retry
        .run(|attempt| {
            let (client, url, token) = (client.clone(), url.to_owned(), token.to_owned());
            async move { call::<E>(&client, &url, &attempt.idempotency_key, &token).await }
        })
        .await
}

fn gaps(seen: &Mutex<Seen>) -> Vec<Duration> {
    let seen = seen.lock().unwrap();
    seen.requests
        .windows(2)
        .map(|pair| pair[1].0 - pair[0].0)
        .collect()
}

/// The `Idempotency-Key` of every request the server saw, in order.
fn idempotency_keys(seen: &Mutex<Seen>) -> Vec<String> {
    let seen = seen.lock().unwrap();
    seen.requests
        .iter()
        .map(|(_, headers)| headers["idempotency-key"].to_str().unwrap().to_owned())
        .collect()
}

fn count(seen: &Mutex<Seen>) -> usize {
    seen.lock().unwrap().requests.len()
}

#[tokio::test(start_paused = true)]
async fn rate_limited_waits_for_retry_after() {
    let (url, seen) = serve(|number, _| {
        (number == 0).then(|| {
            verification::Error::new(verification::Code::RateLimitExceeded)
                .with_headers(HeaderInfo {
                    retry_after: Some(RetryAfter::Delay(Duration::from_secs(1))),
                    ..HeaderInfo::default()
                })
                .into_response()
        })
    })
    .await;
    let client = reqwest::Client::new();
    succeeds_after_one_wait::<verification::Error>(&client, &url, &seen, Duration::from_secs(1))
        .await;
}

/// Runs the driver against `url`: it succeeds after exactly one wait of `expected` (the paused
/// clock adds at most a few milliseconds of scheduling).
async fn succeeds_after_one_wait<E: errcat::HttpError + 'static>(
    client: &reqwest::Client,
    url: &str,
    seen: &Mutex<Seen>,
    expected: Duration,
) {
    let body = run::<E>(Retry::new(policy()), client, url, "t")
        .await
        .unwrap();
    assert_eq!(body, "ok");
    let waited = gaps(seen);
    assert_eq!(waited.len(), 1);
    assert!(
        waited[0] >= expected && waited[0] < expected + Duration::from_millis(50),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn unavailable_backs_off_exponentially_up_to_the_cap() {
    let (url, seen) = serve(|number, _| {
        (number < 4).then(|| {
            verification::Error::new(verification::Code::ServiceUnavailable).into_response()
        })
    })
    .await;
    let client = reqwest::Client::new();
    run::<verification::Error>(Retry::new(policy()), &client, &url, "t")
        .await
        .unwrap();
    let millis: Vec<u128> = gaps(&seen).iter().map(Duration::as_millis).collect();
    // 100, 200, 400, then capped at 400 (a few ms of request time on top at most).
    let expected = [100, 200, 400, 400];
    assert_eq!(millis.len(), expected.len());
    for (got, want) in millis.iter().zip(expected) {
        assert!(*got >= want && *got < want + 20, "{millis:?}");
    }
}

#[tokio::test(start_paused = true)]
async fn validation_errors_are_not_retried() {
    let (url, seen) = serve(|_, _| {
        Some(verification::Error::new(verification::Code::ValidationError).into_response())
    })
    .await;
    let client = reqwest::Client::new();
    let error = run::<verification::Error>(Retry::new(policy()), &client, &url, "t")
        .await
        .unwrap_err();
    assert_eq!(error.reason, StopReason::Final);
    assert_eq!(error.attempts, 1);
    assert_eq!(count(&seen), 1);
    assert_eq!(
        error.error.provider().map(|e| e.code().clone()),
        Some(verification::Code::ValidationError)
    );
}

#[tokio::test(start_paused = true)]
async fn idempotency_key_locked_is_retried_with_the_same_key() {
    let (url, seen) = serve(|number, _| {
        (number < 2).then(|| {
            vrp_billing::Error::new(vrp_billing::Code::IdempotencyKeyLocked).into_response()
        })
    })
    .await;
    let client = reqwest::Client::new();
    Retry::new(policy())
        .idempotency_key("op-42")
        .run(|attempt| {
            let (client, url) = (client.clone(), url.clone());
            async move { call::<vrp_billing::Error>(&client, &url, &attempt.idempotency_key, "t").await }
        })
        .await
        .unwrap();
    assert_eq!(idempotency_keys(&seen), ["op-42", "op-42", "op-42"]);
}

#[tokio::test(start_paused = true)]
async fn an_expired_token_calls_the_refresh_hook_once() {
    // The server accepts only the refreshed token.
    let (url, seen) = serve(|_, headers| {
        (headers["authorization"] != "fresh")
            .then(|| verification::Error::new(verification::Code::TokenExpired).into_response())
    })
    .await;
    let client = reqwest::Client::new();
    let token = Arc::new(Mutex::new(String::from("stale")));
    let refreshes = Arc::new(Mutex::new(0));
    let (hook_token, hook_count) = (token.clone(), refreshes.clone());
    Retry::new(policy())
        .on_refresh(move || {
            let (token, count) = (hook_token.clone(), hook_count.clone());
            async move {
                *token.lock().unwrap() = "fresh".into();
                *count.lock().unwrap() += 1;
                true
            }
        })
        .run(|attempt| {
            let (client, url, token) = (client.clone(), url.clone(), token.lock().unwrap().clone());
            async move {
                call::<verification::Error>(&client, &url, &attempt.idempotency_key, &token).await
            }
        })
        .await
        .unwrap();
    assert_eq!(*refreshes.lock().unwrap(), 1);
    assert_eq!(count(&seen), 2);

    // A token that expires again after the refresh ends the run instead of looping.
    let (url, seen) = serve(|_, _| {
        Some(verification::Error::new(verification::Code::TokenExpired).into_response())
    })
    .await;
    let refreshes = Arc::new(Mutex::new(0));
    let hook_count = refreshes.clone();
    let error = Retry::new(policy())
        .on_refresh(move || {
            let count = hook_count.clone();
            async move {
                *count.lock().unwrap() += 1;
                true
            }
        })
        .run(|attempt| {
            let (client, url) = (client.clone(), url.clone());
            async move {
                call::<verification::Error>(&client, &url, &attempt.idempotency_key, "t").await
            }
        })
        .await
        .unwrap_err();
    assert_eq!(error.reason, StopReason::Credentials);
    assert_eq!(*refreshes.lock().unwrap(), 1);
    assert_eq!(count(&seen), 2);
}

#[tokio::test(start_paused = true)]
async fn the_attempt_limit_and_the_deadline_hold() {
    let (url, seen) = serve(|_, _| {
        Some(verification::Error::new(verification::Code::ServiceUnavailable).into_response())
    })
    .await;
    let client = reqwest::Client::new();
    let limited = RetryPolicy {
        max_attempts: 3,
        ..policy()
    };
    let error = run::<verification::Error>(Retry::new(limited), &client, &url, "t")
        .await
        .unwrap_err();
    assert_eq!((error.reason, error.attempts), (StopReason::Attempts, 3));
    assert_eq!(count(&seen), 3);

    let (url, seen) = serve(|_, _| {
        Some(verification::Error::new(verification::Code::ServiceUnavailable).into_response())
    })
    .await;
    let slow = RetryPolicy {
        max_attempts: 100,
        base_delay: Duration::from_secs(1),
        max_delay: Duration::from_secs(1),
        deadline: Some(Duration::from_millis(2_500)),
        jitter: Jitter::None,
    };
    let started = Instant::now();
    let error = run::<verification::Error>(Retry::new(slow), &client, &url, "t")
        .await
        .unwrap_err();
    assert_eq!(error.reason, StopReason::Deadline);
    assert_eq!(count(&seen), 3);
    assert!(
        started.elapsed() <= Duration::from_millis(2_500),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test(start_paused = true)]
async fn backoff_with_the_same_key_backs_off_and_keeps_the_key() {
    use errcat_tests::partial_statuses::{Code, Error};
    assert_eq!(
        Code::ChargeInFlight.retry(),
        errcat::RetryAdvice::BackoffSameIdempotencyKey
    );
    assert_eq!(
        Code::StillProcessing.retry(),
        errcat::RetryAdvice::SameIdempotencyKey
    );
    // The server asks for a long Retry-After; the advice backs off instead, and keeps the key.
    let (url, seen) = serve(|number, _| {
        (number < 2).then(|| {
            Error::new(Code::ChargeInFlight)
                .with_headers(HeaderInfo {
                    retry_after: Some(RetryAfter::Delay(Duration::from_secs(30))),
                    ..HeaderInfo::default()
                })
                .into_response()
        })
    })
    .await;
    let client = reqwest::Client::new();
    let reused = Arc::new(Mutex::new(Vec::new()));
    let record = reused.clone();
    Retry::new(policy())
        .idempotency_key("charge-7")
        .run(|attempt| {
            record.lock().unwrap().push(attempt.reuses_key_after());
            let (client, url) = (client.clone(), url.clone());
            async move { call::<Error>(&client, &url, &attempt.idempotency_key, "t").await }
        })
        .await
        .unwrap();
    assert_eq!(*reused.lock().unwrap(), [false, true, true]);
    let millis: Vec<u128> = gaps(&seen).iter().map(Duration::as_millis).collect();
    assert_eq!(millis.len(), 2);
    for (got, want) in millis.iter().zip([100, 200]) {
        assert!(*got >= want && *got < want + 20, "{millis:?}");
    }
    assert_eq!(
        idempotency_keys(&seen),
        ["charge-7", "charge-7", "charge-7"]
    );
}

/// A hand-written error using the derive's field attributes: the retry-after seconds and the
/// request id are fields, and reach the headers and `errcat::retry` as a catalog's slots do.
#[derive(Debug, errcat::ApiError)]
#[api_error(status = 400, retry = "never")]
enum GatewayError {
    /// Too many requests.
    #[api_error(
        status = 429,
        message = "slow down for {0}s",
        retry = "retry_after",
        category = "rate_limited"
    )]
    RateLimited(#[api_error(retry_after)] u64),
    /// Busy; says which request it was.
    #[api_error(status = 503, message = "busy", retry = "backoff")]
    Busy {
        #[api_error(request_id, rename = "requestId")]
        request: String,
    },
}

#[tokio::test(start_paused = true)]
async fn a_derived_retry_after_field_is_honoured_end_to_end() {
    let (url, seen) =
        serve(|number, _| (number == 0).then(|| GatewayError::RateLimited(2).into_response()))
            .await;
    let client = reqwest::Client::new();
    // What the server sends: the header and the body key, both from the field.
    let response = client.get(&url).send().await.unwrap();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "2");
    let body: serde_json::Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"code": "rate_limited", "message": "slow down for 2s", "retry_after": 2})
    );
    // The driver, from a fresh start: the first attempt is refused, the second succeeds 2 s on.
    seen.lock().unwrap().requests.clear();
    let (url, seen) =
        serve(|number, _| (number == 0).then(|| GatewayError::RateLimited(2).into_response()))
            .await;
    succeeds_after_one_wait::<GatewayError>(&client, &url, &seen, Duration::from_secs(2)).await;
}

#[test]
fn a_derived_request_id_field_is_the_request_id_and_renames_its_key() {
    use errcat::ApiError;
    let error = GatewayError::Busy {
        request: "req_7".to_owned(),
    };
    assert_eq!(error.request_id(), Some("req_7"));
    assert_eq!(
        GatewayError::RateLimited(3).retry_after(),
        Some(Duration::from_secs(3))
    );
    let body = serde_json::to_value(&error).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"code": "busy", "message": "busy", "requestId": "req_7"})
    );
    let decoded: GatewayError = serde_json::from_value(body).unwrap();
    assert_eq!(decoded.request_id(), Some("req_7"));
}
