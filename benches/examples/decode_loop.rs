//! A fixed decode loop for instruction-level profiling, which is repeatable where wall time is
//! not: `cargo build --release -p errcat-benches --example decode_loop` then
//! `valgrind --tool=callgrind target/release/examples/decode_loop`.

fn main() {
    let body = br#"{"error":{"code":"validation_failed","message":"email: must be a valid email address","type":"invalid_request","param":"email","request_id":"req_01HX7ABCDEFG"}}"#;
    let mut total = 0usize;
    for _ in 0..20_000 {
        let error =
            errcat_generated::vaultspay::Error::decode(422, std::hint::black_box(body)).unwrap();
        total += error.message().len();
    }
    println!("{total}");
}
