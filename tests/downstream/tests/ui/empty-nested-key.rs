use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api_error(nested = "", status = 402)]
enum PaymentError {
    /// The card was declined.
    CardDeclined,
}

fn main() {}
