use errcat::ApiError;
use errcat_downstream::PaymentError;

#[test]
fn smoke() {
    let e = PaymentError::OrderNotFound {
        order_id: "o_1".into(),
    };
    assert_eq!(e.to_string(), "order o_1 not found");
    assert_eq!(ApiError::code(&e), "order_not_found");
    assert_eq!(e.status(), 404);
    let json = serde_json::to_string(&e).unwrap();
    println!("{json}");
    let back: PaymentError = serde_json::from_str(&json).unwrap();
    println!("{back:?}");
    let e = PaymentError::AmountTooLarge(5, 2.5);
    println!("{e} {}", serde_json::to_string(&e).unwrap());
    let back: PaymentError = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
    println!("{back:?}");
    let unknown: PaymentError =
        serde_json::from_str(r#"{"error":{"code":"weird","message":"x"}}"#).unwrap();
    println!("{unknown:?} {}", unknown.status());
    let e = PaymentError::BankUnavailable {
        cause: std::io::Error::other("down"),
    };
    println!(
        "{e} {:?} {}",
        std::error::Error::source(&e).map(|s| s.to_string()),
        serde_json::to_string(&e).unwrap()
    );
    println!("{}", PaymentError::CardDeclined);
}
