use errcat::ApiError;

#[derive(Debug, ApiError)]
enum PaymentError {
    #[api_error(status = 402, message = "")]
    CardDeclined,
}

fn main() {}
