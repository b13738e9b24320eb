use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api_error(status = 402, message = "the card was declined", other)]
struct CardDeclined {
    code: String,
}

fn main() {}
