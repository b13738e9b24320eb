use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api_error(status = 500)]
enum StorageError {
    /// The disk is full.
    DiskFull,
    #[api_error(transparent)]
    Io(std::io::Error, u32),
}

fn main() {}
