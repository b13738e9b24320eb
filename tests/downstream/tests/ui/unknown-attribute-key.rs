use errcat::ApiError;

#[derive(Debug, ApiError)]
enum PaymentError {
    #[api_error(status = 402, mesage = "the card was declined")]
    CardDeclined,
}

fn main() {}
