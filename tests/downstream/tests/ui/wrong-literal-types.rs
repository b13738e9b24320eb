use errcat::ApiError;

#[derive(Debug, ApiError)]
enum PaymentError {
    #[api_error(code = 5, status = "404", retry = never, message = "the card was declined")]
    CardDeclined,
}

fn main() {}
