use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api_error(status = 400)]
enum Misused {
    // Both markers on one field; a wire-only key on a source field; an empty rename.
    #[api_error(status = 429, message = "wait")]
    RateLimited {
        #[api_error(retry_after, request_id)]
        wait: u64,
        #[source]
        #[api_error(rename = "cause")]
        cause: std::io::Error,
        #[api_error(rename = "")]
        note: String,
    },
}

fn main() {}
