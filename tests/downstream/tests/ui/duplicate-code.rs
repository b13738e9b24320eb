use errcat::ApiError;

#[derive(Debug, ApiError)]
enum PaymentError {
    #[api_error(
        code = "card_declined",
        status = 402,
        message = "the card was declined"
    )]
    CardDeclined,
    #[api_error(code = "card_declined", status = 402, message = "the card has expired")]
    CardExpired,
}

fn main() {}
