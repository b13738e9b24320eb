use errcat::ApiError;

#[derive(Debug, ApiError)]
enum PaymentError {
    #[api_error(status = 99999999999999999999, message = "the card was declined")]
    CardDeclined,
}

fn main() {}
