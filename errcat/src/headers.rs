use std::time::{Duration, SystemTime};

use http::HeaderMap;

/// The value of a `Retry-After` header: a delay in seconds, or an HTTP date.
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

/// What an error response's headers say beyond its body. Malformed values are ignored: the rest
/// of the response still decodes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeaderInfo {
    /// `Retry-After`.
    pub retry_after: Option<RetryAfter>,
    /// `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset`.
    pub rate_limit: RateLimit,
    /// `X-Request-Id` or `Request-Id`.
    pub request_id: Option<String>,
}

impl HeaderInfo {
    /// Reads the headers errcat knows from a response's header map.
    pub fn from_headers(headers: &HeaderMap) -> HeaderInfo {
        let text = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
        let number = |name: &str| text(name).and_then(|value| value.trim().parse::<u64>().ok());
        HeaderInfo {
            retry_after: text("retry-after").and_then(RetryAfter::parse),
            rate_limit: RateLimit {
                limit: number("x-ratelimit-limit"),
                remaining: number("x-ratelimit-remaining"),
                reset: number("x-ratelimit-reset"),
            },
            request_id: text("x-request-id")
                .or_else(|| text("request-id"))
                .map(str::to_owned),
        }
    }

    /// Writes the headers back, as a server sends them (`Retry-After` as seconds or an HTTP
    /// date, `X-RateLimit-*`, `X-Request-Id`). A request id that is not a valid header value is
    /// left out.
    pub fn write_to(&self, headers: &mut HeaderMap) {
        use http::HeaderValue;
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
        let numbers = [
            ("x-ratelimit-limit", self.rate_limit.limit),
            ("x-ratelimit-remaining", self.rate_limit.remaining),
            ("x-ratelimit-reset", self.rate_limit.reset),
        ];
        for (name, number) in numbers {
            if let Some(number) = number {
                headers.insert(name, HeaderValue::from(number));
            }
        }
        if let Some(value) = self
            .request_id
            .as_deref()
            .and_then(|id| HeaderValue::from_str(id).ok())
        {
            headers.insert("x-request-id", value);
        }
    }

    /// Whether no known header was present.
    pub fn is_empty(&self) -> bool {
        self.retry_after.is_none() && self.rate_limit.is_empty() && self.request_id.is_none()
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
}
