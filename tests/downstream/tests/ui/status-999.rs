use errcat::ApiError;

#[derive(Debug, ApiError)]
enum PaymentError {
    #[api_error(status = 999, message = "the card was declined")]
    CardDeclined,
}

fn main() {}
