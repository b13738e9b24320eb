use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api_error(status = 400)]
enum Misplaced {
    // `extra` keeps an unknown code's keys: only the `other` variant has them.
    #[api_error(message = "bad")]
    Bad {
        #[api_error(extra)]
        extra: serde_json::Map<String, serde_json::Value>,
    },
    #[api_error(other)]
    Other {
        code: String,
        detail: String,
    },
}

fn main() {}
