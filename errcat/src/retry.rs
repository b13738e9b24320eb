//! An async retry driver that follows each error's retry advice, as its catalog states it.
//!
//! - [`RetryAdvice::Never`]: the error is returned at once.
//! - [`RetryAdvice::Backoff`]: exponential backoff with jitter, capped at [`RetryPolicy::max_delay`].
//! - [`RetryAdvice::AfterRetryAfter`]: sleeps the error's `Retry-After` (header or body), or backs
//!   off when it has none.
//! - [`RetryAdvice::RefreshCredentials`]: calls the refresh hook once, then retries at once; a
//!   second expiry, a failed refresh or no hook ends the run.
//! - [`RetryAdvice::SameIdempotencyKey`]: waits like `AfterRetryAfter` and retries with the same
//!   idempotency key.
//! - [`RetryAdvice::BackoffSameIdempotencyKey`]: backs off like `Backoff` and retries with the
//!   same idempotency key.
//!
//! Every attempt of one run carries the same [`Attempt::idempotency_key`], so a provider can
//! tell retries from new operations, and [`Attempt::reuses_key_after`] tells the operation when
//! the provider asked for that key again. The run stops after [`RetryPolicy::max_attempts`] attempts,
//! or when the next wait would pass [`RetryPolicy::deadline`]. Waiting uses tokio's timer, so
//! tests can run it on a paused clock.

use std::collections::hash_map::RandomState;
use std::fmt;
use std::future::Future;
use std::hash::{BuildHasher, Hasher};
use std::pin::Pin;
use std::time::Duration;

use tokio::time::Instant;

use crate::{ApiError, RetryAdvice};

/// How persistent a run is.
///
/// # Example
///
/// ```
/// use std::time::Duration;
/// use errcat::retry::{Jitter, RetryPolicy};
///
/// let policy = RetryPolicy {
///     max_attempts: 3,
///     base_delay: Duration::from_millis(100),
///     jitter: Jitter::None,
///     ..RetryPolicy::default()
/// };
/// assert_eq!(policy.backoff(0), Duration::from_millis(100));
/// assert_eq!(policy.backoff(2), Duration::from_millis(400));
/// assert_eq!(policy.backoff(30), policy.max_delay); // capped
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    /// The first backoff delay; each further backoff doubles it.
    pub base_delay: Duration,
    /// The longest backoff delay.
    pub max_delay: Duration,
    /// The longest a whole run may take, waits included.
    pub deadline: Option<Duration>,
    /// Randomness added to backoff delays.
    pub jitter: Jitter,
}

impl Default for RetryPolicy {
    /// 5 attempts, backoff from 200 ms doubling up to 30 s with full jitter, 2 minutes in all.
    fn default() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 5,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(30),
            deadline: Some(Duration::from_secs(120)),
            jitter: Jitter::Full,
        }
    }
}

impl RetryPolicy {
    /// The backoff delay before retry number `retry` (0 for the first), before jitter.
    pub fn backoff(&self, retry: u32) -> Duration {
        let factor = 2u32.saturating_pow(retry.min(31));
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }
}

/// Randomness in backoff delays, so that many clients do not retry in step.
///
/// # Example
///
/// ```
/// use errcat::retry::{Jitter, RetryPolicy};
///
/// // Exact delays, e.g. for a test that asserts on them; the default spreads clients apart.
/// let exact = RetryPolicy { jitter: Jitter::None, ..RetryPolicy::default() };
/// assert_eq!(RetryPolicy::default().jitter, Jitter::Full);
/// assert_ne!(exact, RetryPolicy::default());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Jitter {
    /// Exactly the backoff delay.
    None,
    /// A uniformly random delay between zero and the backoff delay.
    Full,
}

/// One attempt of a run.
///
/// # Example
///
/// ```
/// use errcat::retry::Attempt;
/// use errcat::RetryAdvice;
///
/// // The attempt after a provider asked for the same idempotency key again.
/// let attempt = Attempt {
///     number: 2,
///     idempotency_key: "k-1".into(),
///     after: Some(RetryAdvice::BackoffSameIdempotencyKey),
/// };
/// assert!(attempt.reuses_key_after());
/// assert!(!Attempt { after: Some(RetryAdvice::Backoff), ..attempt }.reuses_key_after());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// 1 for the first attempt.
    pub number: u32,
    /// The run's idempotency key, the same for every attempt.
    pub idempotency_key: String,
    /// The advice of the error that led to this attempt (`None` for the first).
    pub after: Option<RetryAdvice>,
}

impl Attempt {
    /// Whether the provider asked for this retry to carry the same idempotency key as the attempt
    /// before it ([`RetryAdvice::reuses_idempotency_key`]): an operation that would otherwise
    /// make a new key (after changing the request, say) must not.
    pub fn reuses_key_after(&self) -> bool {
        self.after.is_some_and(RetryAdvice::reuses_idempotency_key)
    }
}

/// Why a run gave up.
///
/// # Example
///
/// ```
/// use errcat::retry::{Retry, RetryPolicy, StopReason};
///
/// #[derive(Debug, errcat::ApiError)]
/// enum PaymentError {
///     #[api_error(status = 503, message = "The bank is unavailable.", retry = "backoff")]
///     BankUnavailable,
///     #[api_error(status = 402, message = "The card was declined.", retry = "never")]
///     CardDeclined,
/// }
///
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// let failed = Retry::new(RetryPolicy::default())
///     .run(|_attempt| async { Err::<(), _>(PaymentError::CardDeclined) })
///     .await
///     .unwrap_err();
/// // A declined card is final: one attempt, no wait.
/// assert_eq!((failed.reason, failed.attempts), (StopReason::Final, 1));
/// # }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// The error's advice is not to retry.
    Final,
    /// The policy's attempts are used up.
    Attempts,
    /// The next wait would pass the deadline.
    Deadline,
    /// Credentials expired and could not be refreshed (no hook, the hook failed, or they expired
    /// again after a refresh).
    Credentials,
}

/// The last error of a run that did not succeed.
///
/// # Example
///
/// ```
/// use errcat::retry::{Retry, RetryPolicy, StopReason};
///
/// #[derive(Debug, errcat::ApiError)]
/// enum PaymentError {
///     #[api_error(status = 503, message = "The bank is unavailable.", retry = "backoff")]
///     BankUnavailable,
///     #[api_error(status = 402, message = "The card was declined.", retry = "never")]
///     CardDeclined,
/// }
///
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// let policy = RetryPolicy { max_attempts: 3, ..RetryPolicy::default() };
/// let failed = Retry::new(policy)
///     .run(|_attempt| async { Err::<(), _>(PaymentError::BankUnavailable) })
///     .await
///     .unwrap_err();
/// assert_eq!((failed.reason, failed.attempts), (StopReason::Attempts, 3));
/// assert_eq!(failed.to_string(), "The bank is unavailable. (after 3 attempts: attempts used up)");
/// # }
/// ```
#[derive(Debug)]
pub struct RetryError<E> {
    /// The last attempt's error.
    pub error: E,
    /// How many attempts were made.
    pub attempts: u32,
    /// Why the run stopped.
    pub reason: StopReason,
}

impl<E: fmt::Display> fmt::Display for RetryError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match self.reason {
            StopReason::Final => "not retryable",
            StopReason::Attempts => "attempts used up",
            StopReason::Deadline => "deadline reached",
            StopReason::Credentials => "credentials could not be refreshed",
        };
        write!(
            f,
            "{} (after {} attempts: {why})",
            self.error, self.attempts
        )
    }
}

impl<E: std::error::Error + 'static> std::error::Error for RetryError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

type RefreshHook = Box<dyn FnMut() -> Pin<Box<dyn Future<Output = bool> + Send>> + Send>;

/// A configured retry run.
///
/// # Example
///
/// ```
/// use errcat::retry::{Retry, RetryPolicy};
///
/// #[derive(Debug, errcat::ApiError)]
/// enum PaymentError {
///     #[api_error(status = 503, message = "The bank is unavailable.", retry = "backoff")]
///     BankUnavailable,
///     #[api_error(status = 402, message = "The card was declined.", retry = "never")]
///     CardDeclined,
/// }
///
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// // The bank is down twice, then the call goes through; every attempt sends the same key.
/// let receipt = Retry::new(RetryPolicy::default())
///     .idempotency_key("order-42")
///     .run(|attempt| async move {
///         assert_eq!(attempt.idempotency_key, "order-42");
///         if attempt.number < 3 {
///             Err(PaymentError::BankUnavailable)
///         } else {
///             Ok(format!("paid on attempt {}", attempt.number))
///         }
///     })
///     .await
///     .unwrap();
/// assert_eq!(receipt, "paid on attempt 3");
/// # }
/// ```
pub struct Retry {
    policy: RetryPolicy,
    idempotency_key: String,
    refresh: Option<RefreshHook>,
    random: Random,
}

impl Retry {
    /// A run with `policy`, a fresh random idempotency key and no refresh hook.
    pub fn new(policy: RetryPolicy) -> Retry {
        let mut random = Random::new();
        let idempotency_key = format!("{:016x}{:016x}", random.next(), random.next());
        Retry {
            policy,
            idempotency_key,
            refresh: None,
            random,
        }
    }

    /// Uses `key` as the idempotency key of every attempt.
    #[must_use]
    pub fn idempotency_key(mut self, key: impl Into<String>) -> Retry {
        self.idempotency_key = key.into();
        self
    }

    /// Calls `refresh` when an error's advice is to refresh credentials; it returns whether the
    /// refresh worked.
    #[must_use]
    pub fn on_refresh<F, Fut>(mut self, mut refresh: F) -> Retry
    where
        F: FnMut() -> Fut + Send + 'static,
        Fut: Future<Output = bool> + Send + 'static,
    {
        self.refresh = Some(Box::new(move || Box::pin(refresh())));
        self
    }

    /// Runs `operation` until it succeeds or the errors' advice and the policy say to stop.
    pub async fn run<T, E, Op, Fut>(mut self, mut operation: Op) -> Result<T, RetryError<E>>
    where
        E: ApiError,
        Op: FnMut(Attempt) -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let started = Instant::now();
        let mut backoffs = 0;
        let mut refreshed = false;
        let mut number = 0;
        let mut after = None;
        loop {
            number += 1;
            let attempt = Attempt {
                number,
                idempotency_key: self.idempotency_key.clone(),
                after,
            };
            let error = match operation(attempt).await {
                Ok(value) => return Ok(value),
                Err(error) => error,
            };
            let stop = |error, reason| RetryError {
                error,
                attempts: number,
                reason,
            };
            let advice = error.retry();
            after = Some(advice);
            let delay = match advice {
                RetryAdvice::Never => return Err(stop(error, StopReason::Final)),
                RetryAdvice::RefreshCredentials => {
                    let refreshed_now = match (&mut self.refresh, refreshed) {
                        (Some(refresh), false) => refresh().await,
                        _ => false,
                    };
                    if !refreshed_now {
                        return Err(stop(error, StopReason::Credentials));
                    }
                    refreshed = true;
                    Duration::ZERO
                }
                RetryAdvice::Backoff | RetryAdvice::BackoffSameIdempotencyKey => {
                    self.backoff(&mut backoffs)
                }
                RetryAdvice::AfterRetryAfter | RetryAdvice::SameIdempotencyKey => {
                    match error.retry_after() {
                        Some(delay) => delay,
                        None => self.backoff(&mut backoffs),
                    }
                }
            };
            if number >= self.policy.max_attempts {
                return Err(stop(error, StopReason::Attempts));
            }
            if let Some(deadline) = self.policy.deadline {
                if started.elapsed().saturating_add(delay) > deadline {
                    return Err(stop(error, StopReason::Deadline));
                }
            }
            tokio::time::sleep(delay).await;
        }
    }

    fn backoff(&mut self, backoffs: &mut u32) -> Duration {
        let delay = self.policy.backoff(*backoffs);
        *backoffs += 1;
        match self.policy.jitter {
            Jitter::None => delay,
            Jitter::Full => {
                let nanos = u64::try_from(delay.as_nanos()).unwrap_or(u64::MAX);
                Duration::from_nanos(self.random.next() % nanos.saturating_add(1))
            }
        }
    }
}

/// A small xorshift generator seeded from the standard library's random hasher keys: enough for
/// jitter and idempotency keys, no dependency.
struct Random(u64);

impl Random {
    fn new() -> Random {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(0x9e37_79b9_7f4a_7c15);
        Random(hasher.finish() | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let policy = RetryPolicy {
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(1),
            ..RetryPolicy::default()
        };
        let delays: Vec<u128> = (0..6)
            .map(|retry| policy.backoff(retry).as_millis())
            .collect();
        assert_eq!(delays, [100, 200, 400, 800, 1000, 1000]);
        assert_eq!(policy.backoff(1000), Duration::from_secs(1));
    }

    #[test]
    fn full_jitter_stays_within_the_delay() {
        let mut retry = Retry::new(RetryPolicy::default());
        for _ in 0..100 {
            let mut backoffs = 3;
            assert!(retry.backoff(&mut backoffs) <= Duration::from_millis(1600));
        }
        let a = Retry::new(RetryPolicy::default()).idempotency_key;
        let b = Retry::new(RetryPolicy::default()).idempotency_key;
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
    }
}
