// A derive with a mistake still provides its traits, so code using the type reports only the
// derive's own error, not follow-on errors about missing `From`, `ApiError` or serde impls.
use errcat::ApiError;

#[derive(Debug, ApiError)]
enum StorageError {
    #[api_error(status = NOT_FOUNDD, message = "read failed")]
    Read(#[from] std::io::Error),
}

fn read() -> Result<(), StorageError> {
    std::fs::read("missing")?;
    Ok(())
}

fn main() {
    if let Err(error) = read() {
        let _ = (error.code(), error.status(), error.to_string());
        let _ = serde_json::to_string(&error);
        let _: Result<StorageError, _> = serde_json::from_str("{}");
    }
}
