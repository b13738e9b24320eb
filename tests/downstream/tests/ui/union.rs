use errcat::ApiError;

#[derive(ApiError)]
union PaymentError {
    code: u32,
    status: u16,
}

fn main() {}
