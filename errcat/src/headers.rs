use std::time::{Duration, SystemTime};

use http::HeaderMap;

/// The value of a `Retry-After` header: a delay in seconds, or an HTTP date.
///
/// # Example
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use errcat::RetryAfter;
///
/// assert_eq!(RetryAfter::parse("120"), Some(RetryAfter::Delay(Duration::from_secs(120))));
/// let date = RetryAfter::parse("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
/// assert_eq!(date.delay_from(SystemTime::now()), Duration::ZERO); // long past
/// assert_eq!(RetryAfter::parse("soon"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryAfter {
    /// `Retry-After: 60`
    Delay(Duration),
    /// `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT`
    Date(SystemTime),
}

impl RetryAfter {
    /// Parses a header value; `None` for anything that is neither form.
    pub fn parse(value: &str) -> Option<RetryAfter> {
        let value = value.trim();
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            return value
                .parse::<u64>()
                .ok()
                .map(|seconds| RetryAfter::Delay(Duration::from_secs(seconds)));
        }
        httpdate::parse_http_date(value).ok().map(RetryAfter::Date)
    }

    /// How long to wait from `now`: the delay, or the time until the date (zero if it passed).
    pub fn delay_from(self, now: SystemTime) -> Duration {
        match self {
            RetryAfter::Delay(delay) => delay,
            RetryAfter::Date(date) => date.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }
}

/// The `X-RateLimit-*` headers of a response.
///
/// # Example
///
/// ```
/// use errcat::{http::HeaderMap, HeaderInfo};
///
/// let mut headers = HeaderMap::new();
/// headers.insert("x-ratelimit-limit", "100".parse().unwrap());
/// headers.insert("x-ratelimit-remaining", "0".parse().unwrap());
/// let limit = HeaderInfo::from_headers(&headers).rate_limit;
/// assert_eq!((limit.limit, limit.remaining, limit.reset), (Some(100), Some(0), None));
/// assert!(!limit.is_empty());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RateLimit {
    /// `X-RateLimit-Limit`: requests allowed in the window.
    pub limit: Option<u64>,
    /// `X-RateLimit-Remaining`: requests left in the window.
    pub remaining: Option<u64>,
    /// `X-RateLimit-Reset`: when the window resets (as the provider sends it, usually Unix seconds).
    pub reset: Option<u64>,
}

impl RateLimit {
    /// Whether no rate-limit header was present.
    pub fn is_empty(&self) -> bool {
        self.limit.is_none() && self.remaining.is_none() && self.reset.is_none()
    }
}

/// The header names a provider uses for what [`HeaderInfo`] holds. A catalog's `headers:` names
/// them; each list is tried in order, and the generic names ([`HeaderNames::STANDARD`]) after
/// the provider's own.
///
/// # Example
///
/// ```
/// use errcat::{http::HeaderMap, HeaderInfo, HeaderNames};
///
/// // A provider that names its own headers, as a catalog's `headers:` does.
/// const TWILIO: HeaderNames = HeaderNames {
///     request_id: &["twilio-request-id"],
///     should_retry: &[],
///     ..HeaderNames::STANDARD
/// };
/// let mut headers = HeaderMap::new();
/// headers.insert("twilio-request-id", "RQ123".parse().unwrap());
/// let info = HeaderInfo::from_headers_named(&headers, &TWILIO);
/// assert_eq!(info.request_id.as_deref(), Some("RQ123"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderNames {
    /// Request-id headers (`X-Twilio-Request-Id`); the first is the one a server writes.
    pub request_id: &'static [&'static str],
    /// Headers whose `true`/`false` says whether a retry can succeed (`Stripe-Should-Retry`,
    /// Adyen's `Transient-Error`).
    pub should_retry: &'static [&'static str],
    /// Requests allowed in the rate-limit window.
    pub rate_limit_limit: &'static [&'static str],
    /// Requests left in the window.
    pub rate_limit_remaining: &'static [&'static str],
    /// When the window resets.
    pub rate_limit_reset: &'static [&'static str],
}

impl HeaderNames {
    /// The generic names: `X-Request-Id`/`Request-Id` and `X-RateLimit-*`; no retry hint.
    pub const STANDARD: HeaderNames = HeaderNames {
        request_id: &["x-request-id", "request-id"],
        should_retry: &[],
        rate_limit_limit: &["x-ratelimit-limit"],
        rate_limit_remaining: &["x-ratelimit-remaining"],
        rate_limit_reset: &["x-ratelimit-reset"],
    };
}

impl Default for HeaderNames {
    fn default() -> HeaderNames {
        HeaderNames::STANDARD
    }
}

/// What an error response's headers say beyond its body. Malformed values are ignored: the rest
/// of the response still decodes.
///
/// # Example
///
/// ```
/// use std::time::Duration;
/// use errcat::{http::HeaderMap, HeaderInfo, RetryAfter};
///
/// let mut headers = HeaderMap::new();
/// headers.insert("retry-after", "30".parse().unwrap());
/// headers.insert("x-request-id", "req_7".parse().unwrap());
/// let info = HeaderInfo::from_headers(&headers);
/// assert_eq!(info.retry_after, Some(RetryAfter::Delay(Duration::from_secs(30))));
/// assert_eq!(info.request_id.as_deref(), Some("req_7"));
///
/// // A server writes the same headers back.
/// let mut written = HeaderMap::new();
/// info.write_to(&mut written);
/// assert_eq!(written["retry-after"], "30");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeaderInfo {
    /// `Retry-After`.
    pub retry_after: Option<RetryAfter>,
    /// `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset` (or the provider's names).
    pub rate_limit: RateLimit,
    /// `X-Request-Id` or `Request-Id` (after the provider's own names).
    pub request_id: Option<String>,
    /// The provider's retry hint (`Stripe-Should-Retry: true`): whether a retry can succeed,
    /// when the response says. Generated errors let it override the catalog's advice.
    pub should_retry: Option<bool>,
}

impl HeaderInfo {
    /// Reads the headers errcat knows from a response's header map, by their generic names.
    pub fn from_headers(headers: &HeaderMap) -> HeaderInfo {
        HeaderInfo::from_headers_named(headers, &HeaderNames::STANDARD)
    }

    /// Reads the headers a provider uses, by `names` first and then by the generic names.
    pub fn from_headers_named(headers: &HeaderMap, names: &HeaderNames) -> HeaderInfo {
        let text = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
        let first = |own: &[&str], generic: &[&'static str]| {
            own.iter().chain(generic).find_map(|name| text(name))
        };
        let number = |own: &[&str], generic: &[&'static str]| {
            own.iter()
                .chain(generic)
                .find_map(|name| text(name).and_then(|value| value.trim().parse::<u64>().ok()))
        };
        let standard = HeaderNames::STANDARD;
        HeaderInfo {
            retry_after: text("retry-after").and_then(RetryAfter::parse),
            rate_limit: RateLimit {
                limit: number(names.rate_limit_limit, standard.rate_limit_limit),
                remaining: number(names.rate_limit_remaining, standard.rate_limit_remaining),
                reset: number(names.rate_limit_reset, standard.rate_limit_reset),
            },
            request_id: first(names.request_id, standard.request_id).map(str::to_owned),
            should_retry: names.should_retry.iter().find_map(|name| {
                match text(name)?.trim().to_ascii_lowercase().as_str() {
                    "true" => Some(true),
                    "false" => Some(false),
                    _ => None,
                }
            }),
        }
    }

    /// Writes the headers back, as a server sends them (`Retry-After` as seconds or an HTTP
    /// date, `X-RateLimit-*`, `X-Request-Id`). A request id that is not a valid header value is
    /// left out.
    pub fn write_to(&self, headers: &mut HeaderMap) {
        self.write_named(headers, &HeaderNames::STANDARD);
    }

    /// [`HeaderInfo::write_to`] under a provider's names: the first of each list (the generic one
    /// where the provider names none).
    pub fn write_named(&self, headers: &mut HeaderMap, names: &HeaderNames) {
        use http::{HeaderName, HeaderValue};
        match self.retry_after {
            Some(RetryAfter::Delay(delay)) => {
                headers.insert(
                    http::header::RETRY_AFTER,
                    HeaderValue::from(delay.as_secs()),
                );
            }
            Some(RetryAfter::Date(date)) => {
                let text = httpdate::fmt_http_date(date);
                if let Ok(value) = HeaderValue::from_str(&text) {
                    headers.insert(http::header::RETRY_AFTER, value);
                }
            }
            None => {}
        }
        let standard = HeaderNames::STANDARD;
        let name_of = |own: &[&'static str], generic: &[&'static str]| {
            own.first()
                .or(generic.first())
                .and_then(|name| HeaderName::from_bytes(name.as_bytes()).ok())
        };
        let numbers = [
            (
                name_of(names.rate_limit_limit, standard.rate_limit_limit),
                self.rate_limit.limit,
            ),
            (
                name_of(names.rate_limit_remaining, standard.rate_limit_remaining),
                self.rate_limit.remaining,
            ),
            (
                name_of(names.rate_limit_reset, standard.rate_limit_reset),
                self.rate_limit.reset,
            ),
        ];
        for (name, number) in numbers {
            if let (Some(name), Some(number)) = (name, number) {
                headers.insert(name, HeaderValue::from(number));
            }
        }
        if let (Some(name), Some(value)) = (
            name_of(names.request_id, standard.request_id),
            self.request_id
                .as_deref()
                .and_then(|id| HeaderValue::from_str(id).ok()),
        ) {
            headers.insert(name, value);
        }
        if let (Some(name), Some(hint)) = (name_of(names.should_retry, &[]), self.should_retry) {
            headers.insert(
                name,
                HeaderValue::from_static(if hint { "true" } else { "false" }),
            );
        }
    }

    /// Whether no known header was present.
    pub fn is_empty(&self) -> bool {
        self.retry_after.is_none()
            && self.rate_limit.is_empty()
            && self.request_id.is_none()
            && self.should_retry.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    #[test]
    fn retry_after_forms() {
        assert_eq!(
            RetryAfter::parse("60"),
            Some(RetryAfter::Delay(Duration::from_secs(60)))
        );
        let date = RetryAfter::parse("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
        let RetryAfter::Date(at) = date else {
            panic!("expected a date, got {date:?}")
        };
        assert_eq!(
            at.duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs(),
            1_445_412_480
        );
        assert_eq!(date.delay_from(at + Duration::from_secs(5)), Duration::ZERO);
        assert_eq!(
            date.delay_from(at - Duration::from_secs(5)),
            Duration::from_secs(5)
        );
        for bad in ["", "-1", "soon", "1.5", "99999999999999999999999"] {
            assert_eq!(RetryAfter::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn reads_known_headers_and_ignores_malformed_ones() {
        let mut headers = HeaderMap::new();
        headers.insert("Retry-After", HeaderValue::from_static("60"));
        headers.insert("X-RateLimit-Limit", HeaderValue::from_static("300"));
        headers.insert("X-RateLimit-Remaining", HeaderValue::from_static("zero"));
        headers.insert("X-RateLimit-Reset", HeaderValue::from_static("1699900060"));
        headers.insert("Request-Id", HeaderValue::from_static("req_1"));
        let info = HeaderInfo::from_headers(&headers);
        assert_eq!(
            info.retry_after,
            Some(RetryAfter::Delay(Duration::from_secs(60)))
        );
        assert_eq!(
            info.rate_limit,
            RateLimit {
                limit: Some(300),
                remaining: None,
                reset: Some(1_699_900_060)
            }
        );
        assert_eq!(info.request_id.as_deref(), Some("req_1"));
        assert!(HeaderInfo::from_headers(&HeaderMap::new()).is_empty());
        let mut written = HeaderMap::new();
        info.write_to(&mut written);
        let reread = HeaderInfo::from_headers(&written);
        assert_eq!(reread.retry_after, info.retry_after);
        assert_eq!(reread.rate_limit.limit, Some(300));
        assert_eq!(reread.request_id.as_deref(), Some("req_1"));
    }

    const TWILIO_LIKE: HeaderNames = HeaderNames {
        request_id: &["Twilio-Request-Id"],
        should_retry: &["Should-Retry", "Transient-Error"],
        rate_limit_limit: &["X-Rate-Limit"],
        rate_limit_remaining: &[],
        rate_limit_reset: &[],
    };

    #[test]
    fn provider_names_come_first_and_generic_names_still_count() {
        let mut headers = HeaderMap::new();
        headers.insert("twilio-request-id", HeaderValue::from_static("RQ1"));
        headers.insert("x-request-id", HeaderValue::from_static("generic"));
        headers.insert("x-rate-limit", HeaderValue::from_static("50"));
        headers.insert("x-ratelimit-remaining", HeaderValue::from_static("7"));
        headers.insert("transient-error", HeaderValue::from_static("TRUE"));
        let info = HeaderInfo::from_headers_named(&headers, &TWILIO_LIKE);
        assert_eq!(info.request_id.as_deref(), Some("RQ1"));
        assert_eq!(info.rate_limit.limit, Some(50));
        assert_eq!(info.rate_limit.remaining, Some(7));
        assert_eq!(info.should_retry, Some(true));
        // Without the provider's names, only the generic ones are read.
        let generic = HeaderInfo::from_headers(&headers);
        assert_eq!(generic.request_id.as_deref(), Some("generic"));
        assert_eq!(generic.should_retry, None);
        // A hint that is not a boolean says nothing.
        headers.insert("should-retry", HeaderValue::from_static("maybe"));
        headers.remove("transient-error");
        assert_eq!(
            HeaderInfo::from_headers_named(&headers, &TWILIO_LIKE).should_retry,
            None
        );
        headers.insert("should-retry", HeaderValue::from_static("false"));
        assert_eq!(
            HeaderInfo::from_headers_named(&headers, &TWILIO_LIKE).should_retry,
            Some(false)
        );
        // Written back under the provider's first names, and read back the same.
        let mut written = HeaderMap::new();
        info.write_named(&mut written, &TWILIO_LIKE);
        assert_eq!(written["twilio-request-id"], "RQ1");
        assert_eq!(written["should-retry"], "true");
        assert_eq!(written["x-rate-limit"], "50");
        assert_eq!(written["x-ratelimit-remaining"], "7");
        assert_eq!(HeaderInfo::from_headers_named(&written, &TWILIO_LIKE), info);
    }
}
