use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api_error(status = 400)]
enum Clash {
    // `limit` is renamed to the other field's key: the body could hold only one of them.
    #[api_error(message = "over {amount} of {limit}")]
    OverLimit {
        amount: u64,
        #[api_error(rename = "amount")]
        limit: u64,
    },
}

fn main() {}
