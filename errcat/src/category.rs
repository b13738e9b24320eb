use std::fmt;
use std::str::FromStr;

use crate::advice::UnknownName;

/// A small classification shared by every provider, so that an application talking to several
/// providers can handle their errors with one `match`.
///
/// Catalogs assign one to each code (or inherit it from the code's type or status).
///
/// ```
/// use errcat::Category;
///
/// // One `match` for every provider's errors.
/// fn log_level(category: Category) -> &'static str {
///     match category {
///         Category::Internal | Category::ProviderUnavailable => "error",
///         Category::RateLimited => "warn",
///         _ => "info",
///     }
/// }
/// assert_eq!(log_level(Category::for_status(503)), "error");
/// assert_eq!(Category::RateLimited.typical_status().as_u16(), 429);
/// assert_eq!("not_found".parse::<Category>().unwrap(), Category::NotFound);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// Missing, invalid, revoked or expired credentials.
    Authentication,
    /// Authenticated, but not allowed to do this.
    Permission,
    /// The request is malformed or fails validation.
    Validation,
    /// The resource does not exist (or is not visible to the caller).
    NotFound,
    /// The current state of a resource blocks the request (duplicates, state transitions).
    Conflict,
    /// Too many requests.
    RateLimited,
    /// The provider, or a service behind it, is unavailable or failed upstream.
    ProviderUnavailable,
    /// An unexpected error inside the provider.
    Internal,
    /// A valid request refused by a business rule (limits, KYC, balances, bank constraints).
    BusinessRule,
    /// Not classified: a code the catalog does not know, with a status that says nothing more.
    Unknown,
}

impl Category {
    /// Every category, in declaration order.
    pub const ALL: [Category; 10] = [
        Category::Authentication,
        Category::Permission,
        Category::Validation,
        Category::NotFound,
        Category::Conflict,
        Category::RateLimited,
        Category::ProviderUnavailable,
        Category::Internal,
        Category::BusinessRule,
        Category::Unknown,
    ];

    /// The catalog spelling (snake_case).
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Authentication => "authentication",
            Category::Permission => "permission",
            Category::Validation => "validation",
            Category::NotFound => "not_found",
            Category::Conflict => "conflict",
            Category::RateLimited => "rate_limited",
            Category::ProviderUnavailable => "provider_unavailable",
            Category::Internal => "internal",
            Category::BusinessRule => "business_rule",
            Category::Unknown => "unknown",
        }
    }

    /// The category an HTTP status implies when a catalog says nothing more specific.
    pub const fn for_status(status: u16) -> Category {
        match status {
            401 => Category::Authentication,
            403 => Category::Permission,
            400 | 405 | 406 | 411 | 413 | 414 | 415 | 422 => Category::Validation,
            404 | 410 => Category::NotFound,
            409 | 412 => Category::Conflict,
            429 => Category::RateLimited,
            500 => Category::Internal,
            502..=504 => Category::ProviderUnavailable,
            _ => Category::Unknown,
        }
    }

    /// The HTTP status an error of this category is built with when nothing documents one (an
    /// error built from a code whose provider documents no status): the status that implies the
    /// category ([`Category::for_status`] gives it back), `422` for business rules and `500` for
    /// `Unknown`.
    pub const fn typical_status(self) -> http::StatusCode {
        match self {
            Category::Authentication => http::StatusCode::UNAUTHORIZED,
            Category::Permission => http::StatusCode::FORBIDDEN,
            Category::Validation => http::StatusCode::BAD_REQUEST,
            Category::NotFound => http::StatusCode::NOT_FOUND,
            Category::Conflict => http::StatusCode::CONFLICT,
            Category::RateLimited => http::StatusCode::TOO_MANY_REQUESTS,
            Category::ProviderUnavailable => http::StatusCode::SERVICE_UNAVAILABLE,
            Category::Internal | Category::Unknown => http::StatusCode::INTERNAL_SERVER_ERROR,
            Category::BusinessRule => http::StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    /// A message that is safe to show an end user for an error of this category, for codes whose
    /// catalog entry has no `user_message`.
    pub const fn default_user_message(self) -> &'static str {
        match self {
            Category::Authentication => "We couldn't verify your access. Please sign in again.",
            Category::Permission => "You don't have permission to do that.",
            Category::Validation => "Please check your information and try again.",
            Category::NotFound => "We couldn't find what you were looking for.",
            Category::Conflict => "This can't be done right now because of its current state.",
            Category::RateLimited => "Too many requests. Please try again later.",
            Category::ProviderUnavailable => {
                "The service is temporarily unavailable. Please try again later."
            }
            Category::Internal => "Something went wrong. Please try again.",
            Category::BusinessRule => "This request can't be completed.",
            Category::Unknown => "An error occurred. Please try again.",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Category {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL
            .into_iter()
            .find(|category| category.as_str() == s)
            .ok_or_else(|| UnknownName {
                name: s.to_owned(),
                what: "category",
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for category in Category::ALL {
            assert_eq!(category.as_str().parse::<Category>(), Ok(category));
            assert!(!category.default_user_message().is_empty());
        }
        assert!("auth".parse::<Category>().is_err());
    }

    #[test]
    fn typical_statuses_imply_their_category() {
        for category in Category::ALL {
            let status = category.typical_status().as_u16();
            match category {
                Category::BusinessRule => assert_eq!(status, 422),
                Category::Unknown => assert_eq!(status, 500),
                _ => assert_eq!(Category::for_status(status), category, "{category}"),
            }
        }
    }

    #[test]
    fn status_defaults() {
        assert_eq!(Category::for_status(401), Category::Authentication);
        assert_eq!(Category::for_status(422), Category::Validation);
        assert_eq!(Category::for_status(502), Category::ProviderUnavailable);
        assert_eq!(Category::for_status(418), Category::Unknown);
    }
}
