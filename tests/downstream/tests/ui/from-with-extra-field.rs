use errcat::ApiError;

#[derive(Debug, ApiError)]
enum StorageError {
    #[api_error(status = 503, message = "reading {path} failed")]
    Read {
        #[from]
        cause: std::io::Error,
        path: String,
    },
}

fn main() {}
