use errcat::ApiError;

#[derive(Debug, ApiError)]
enum OrderError {
    #[api_error(status = NOT_FOUNDD, message = "the order was not found")]
    NotFound,
}

fn main() {}
