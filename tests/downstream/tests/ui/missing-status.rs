use errcat::ApiError;

#[derive(Debug, ApiError)]
enum PaymentError {
    /// The card was declined.
    CardDeclined,
}

fn main() {}
