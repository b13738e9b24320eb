use errcat::ApiError;

#[derive(Debug, ApiError)]
enum PaymentError {
    #[api_error(
        code = "card_declined",
        status = 402,
        code = "declined",
        message = "the card was declined"
    )]
    CardDeclined,
}

fn main() {}
