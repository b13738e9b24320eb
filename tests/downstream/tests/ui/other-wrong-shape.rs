use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api_error(status = 400)]
enum PaymentError {
    /// The card was declined.
    CardDeclined,
    #[api_error(other)]
    Other(u32),
}

fn main() {}
