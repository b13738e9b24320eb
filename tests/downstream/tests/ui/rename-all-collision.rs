use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api_error(rename_all = "lowercase", status = 402)]
enum PaymentError {
    /// The card was declined.
    CardDeclined,
    /// The card was declined by the issuer.
    Carddeclined,
}

fn main() {}
