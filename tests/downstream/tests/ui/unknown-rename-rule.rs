use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api_error(rename_all = "snake-case", status = 402)]
enum PaymentError {
    /// The card was declined.
    CardDeclined,
}

fn main() {}
