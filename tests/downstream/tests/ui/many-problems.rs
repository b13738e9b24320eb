use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api_error(rename_all = "lowercase", nested = "error")]
enum PaymentError {
    #[api_error(status = 402, mesage = "the card was declined")]
    CardDeclined,
    #[api_error(status = 999, message = "the card has expired")]
    CardExpired,
    #[api_error(status = 404, message = "order {order_id} not found")]
    OrderNotFound { id: String },
    #[api_error(status = NOT_FOUNDD, message = "the customer was not found")]
    CustomerNotFound,
    #[api_error(status = 429, message = "")]
    RateLimited,
    #[api_error(status = 422, retry = "sometimes", message = "amount {0} is too large")]
    AmountTooLarge(u64),
    #[api_error(other)]
    Other(u32),
}

fn main() {}
