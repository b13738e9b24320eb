use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api_error(status = 503)]
enum StorageError {
    /// Reading failed.
    Read(#[from] std::io::Error),
    /// Writing failed.
    Write(#[from] std::io::Error),
}

fn main() {}
