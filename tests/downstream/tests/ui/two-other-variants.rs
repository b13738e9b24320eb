use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api_error(status = 400)]
enum PaymentError {
    /// The card was declined.
    CardDeclined,
    #[api_error(other)]
    Other(String),
    #[api_error(other)]
    Unknown(String),
}

fn main() {}
