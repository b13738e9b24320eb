use errcat::ApiError;

#[derive(Debug, ApiError)]
enum OrderError {
    #[api_error(status = 404, message = "order {order_id} not found")]
    NotFound { id: String },
}

fn main() {}
