use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api_error(status = 500)]
enum StorageError {
    /// The disk is full.
    DiskFull,
    #[api_error(transparent, code = "io_error")]
    Io(std::io::Error),
}

fn main() {}
