use errcat::ApiError;

#[derive(Debug)]
struct Plain;

impl std::fmt::Display for Plain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("plain")
    }
}

impl std::error::Error for Plain {}

#[derive(Debug, ApiError)]
#[api_error(status = 500)]
enum Wrapping {
    // A transparent variant forwards to its field, which must be an `ApiError` itself.
    #[api_error(transparent)]
    Inner(Plain),
}

fn main() {}
