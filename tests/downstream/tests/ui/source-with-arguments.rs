use errcat::ApiError;

#[derive(Debug, ApiError)]
enum StorageError {
    #[api_error(status = 503, message = "reading failed")]
    Read {
        #[source(std::io::Error)]
        cause: std::io::Error,
    },
}

fn main() {}
