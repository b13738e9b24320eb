use std::fmt;
use std::str::FromStr;

/// What a client should do when it receives an error, as the provider documents it.
///
/// The catalog states it per code or per type; the names here are also the catalog's spelling
/// (`never`, `backoff`, `retry_after`, `refresh_credentials`, `same_idempotency_key`,
/// `backoff_same_idempotency_key`). Two of them are two things at once: how long to wait, and
/// that the retry must carry the same idempotency key as the first attempt
/// ([`RetryAdvice::reuses_idempotency_key`]); a catalog may also write them as a list,
/// `[retry_after, same_idempotency_key]` or `[backoff, same_idempotency_key]`.
///
/// ```
/// use errcat::RetryAdvice;
///
/// let advice: RetryAdvice = "backoff_same_idempotency_key".parse().unwrap();
/// assert!(advice.backs_off() && advice.reuses_idempotency_key());
/// assert!(!RetryAdvice::Backoff.reuses_idempotency_key());
/// assert_eq!(RetryAdvice::for_status(503), RetryAdvice::Backoff);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RetryAdvice {
    /// Retrying the same request cannot succeed: fix the request, the account or the data first.
    Never,
    /// A transient failure: retry with exponential backoff and jitter.
    Backoff,
    /// Rate limited: wait for the `Retry-After` the provider sent (header or body), then retry.
    AfterRetryAfter,
    /// The credentials expired: refresh them (e.g. a new token), then retry once.
    RefreshCredentials,
    /// The request is still being processed: wait for the `Retry-After` the provider sent (or back
    /// off without one), then retry with the *same* idempotency key.
    SameIdempotencyKey,
    /// A transient failure after which the provider may have acted on the request: retry with
    /// exponential backoff and jitter, and with the *same* idempotency key (a new key could run
    /// the operation twice).
    BackoffSameIdempotencyKey,
}

impl RetryAdvice {
    /// Every advice, in declaration order.
    pub const ALL: [RetryAdvice; 6] = [
        RetryAdvice::Never,
        RetryAdvice::Backoff,
        RetryAdvice::AfterRetryAfter,
        RetryAdvice::RefreshCredentials,
        RetryAdvice::SameIdempotencyKey,
        RetryAdvice::BackoffSameIdempotencyKey,
    ];

    /// The catalog spelling of this advice.
    pub const fn as_str(self) -> &'static str {
        match self {
            RetryAdvice::Never => "never",
            RetryAdvice::Backoff => "backoff",
            RetryAdvice::AfterRetryAfter => "retry_after",
            RetryAdvice::RefreshCredentials => "refresh_credentials",
            RetryAdvice::SameIdempotencyKey => "same_idempotency_key",
            RetryAdvice::BackoffSameIdempotencyKey => "backoff_same_idempotency_key",
        }
    }

    /// `advice` after a provider's retry hint (a `Should-Retry: true/false` header): `false` means
    /// a retry cannot succeed (`Never`); `true` makes `Never` a `Backoff` and leaves any other
    /// advice as it is; no hint leaves it as it is.
    pub const fn with_hint(advice: RetryAdvice, should_retry: Option<bool>) -> RetryAdvice {
        match (should_retry, advice) {
            (Some(false), _) => RetryAdvice::Never,
            (Some(true), RetryAdvice::Never) => RetryAdvice::Backoff,
            _ => advice,
        }
    }

    /// Whether the wait before retrying is an exponential backoff, whatever `Retry-After` says.
    pub const fn backs_off(self) -> bool {
        matches!(
            self,
            RetryAdvice::Backoff | RetryAdvice::BackoffSameIdempotencyKey
        )
    }

    /// Whether the wait before retrying is the `Retry-After` the provider sent (a backoff when it
    /// sent none).
    pub const fn waits_for_retry_after(self) -> bool {
        matches!(
            self,
            RetryAdvice::AfterRetryAfter | RetryAdvice::SameIdempotencyKey
        )
    }

    /// Whether the retry must carry the same idempotency key as the attempt that failed.
    pub const fn reuses_idempotency_key(self) -> bool {
        matches!(
            self,
            RetryAdvice::SameIdempotencyKey | RetryAdvice::BackoffSameIdempotencyKey
        )
    }

    /// Whether a client may send the request again (possibly after waiting or refreshing).
    pub const fn is_retryable(self) -> bool {
        !matches!(self, RetryAdvice::Never)
    }

    /// The advice an HTTP status implies when a catalog says nothing more specific:
    /// 429 waits for `Retry-After`, 500/502/503/504 back off, everything else is final.
    pub const fn for_status(status: u16) -> RetryAdvice {
        match status {
            429 => RetryAdvice::AfterRetryAfter,
            500 | 502 | 503 | 504 => RetryAdvice::Backoff,
            _ => RetryAdvice::Never,
        }
    }
}

impl fmt::Display for RetryAdvice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error returned when parsing a [`RetryAdvice`] or a [`crate::Category`] from text fails.
///
/// # Example
///
/// ```
/// use errcat::{Category, RetryAdvice, UnknownName};
///
/// let error: UnknownName = "sometimes".parse::<RetryAdvice>().unwrap_err();
/// assert_eq!((error.name.as_str(), error.what), ("sometimes", "retry advice"));
/// assert_eq!(error.to_string(), "unknown retry advice `sometimes`");
/// assert_eq!("rate_limited".parse::<Category>(), Ok(Category::RateLimited));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    /// The text that matched no name.
    pub name: String,
    /// What was being parsed (`"retry advice"`, `"category"`).
    pub what: &'static str,
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} `{}`", self.what, self.name)
    }
}

impl std::error::Error for UnknownName {}

impl FromStr for RetryAdvice {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RetryAdvice::ALL
            .into_iter()
            .find(|advice| advice.as_str() == s)
            .ok_or_else(|| UnknownName {
                name: s.to_owned(),
                what: "retry advice",
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for advice in RetryAdvice::ALL {
            assert_eq!(advice.as_str().parse::<RetryAdvice>(), Ok(advice));
        }
        assert_eq!(
            "sometimes".parse::<RetryAdvice>().unwrap_err().to_string(),
            "unknown retry advice `sometimes`"
        );
    }

    #[test]
    fn status_defaults() {
        assert_eq!(RetryAdvice::for_status(429), RetryAdvice::AfterRetryAfter);
        assert_eq!(RetryAdvice::for_status(503), RetryAdvice::Backoff);
        assert_eq!(RetryAdvice::for_status(400), RetryAdvice::Never);
        assert!(!RetryAdvice::Never.is_retryable());
        assert!(RetryAdvice::SameIdempotencyKey.is_retryable());
        assert!(RetryAdvice::BackoffSameIdempotencyKey.is_retryable());
    }

    #[test]
    fn every_retryable_advice_has_one_wait() {
        for advice in RetryAdvice::ALL {
            let waits = [
                advice.backs_off(),
                advice.waits_for_retry_after(),
                advice == RetryAdvice::RefreshCredentials,
            ];
            let count = waits.iter().filter(|wait| **wait).count();
            assert_eq!(count, usize::from(advice.is_retryable()), "{advice}");
        }
        let reusing: Vec<RetryAdvice> = RetryAdvice::ALL
            .into_iter()
            .filter(|advice| advice.reuses_idempotency_key())
            .collect();
        assert_eq!(
            reusing,
            [
                RetryAdvice::SameIdempotencyKey,
                RetryAdvice::BackoffSameIdempotencyKey
            ]
        );
    }
}
