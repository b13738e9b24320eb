use errcat::ApiError;

#[derive(Debug, ApiError)]
enum PaymentError {
    #[api_error(status = 422, message = "amount {0} is over the limit of {1}")]
    AmountTooLarge(u64),
}

fn main() {}
