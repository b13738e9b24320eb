// Generated enums are `#[non_exhaustive]`: a crate that uses them cannot match every variant
// without a wildcard, so a catalog that adds a code cannot break its build.
use errcat_downstream::catalog::payments::Code;

fn describe(code: &Code) -> &str {
    match code {
        Code::CardDeclined => "declined",
        Code::OrderNotFound => "not found",
        Code::AmountTooLarge => "too large",
        Code::InvalidField => "invalid",
        Code::RateLimited => "slow down",
        Code::TokenExpired => "expired",
        Code::IdempotencyKeyLocked => "locked",
        Code::Internal => "internal",
        Code::Unknown(wire) => wire,
    }
}

fn main() {
    println!("{}", describe(&Code::CardDeclined));
}
