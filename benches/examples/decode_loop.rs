//! A fixed loop over one benchmark case, for instruction counts, which are repeatable where wall
//! time is not:
//!
//! ```text
//! cargo build --release -p errcat-benches --example decode_loop
//! valgrind --tool=callgrind target/release/examples/decode_loop <case> <iterations>
//! ```
//!
//! Cases: `errcat`, `untyped`, `handwritten`, `floor` (decode the typical body),
//! `large_errcat`, `large_handwritten`, `large_floor` (decode the large body of the
//! `decode_large` benchmark), `render_errcat`, `render_handwritten`, `display_errcat`,
//! `display_handwritten`.
//! `benches/instructions.sh` runs every case and prints instructions per iteration.

use std::hint::black_box;

use errcat_benches::licensekey as hand_lk;
use errcat_benches::vaultspay as hand;
use errcat_generated::{licensekey, vaultspay};

const BODY: &[u8] = br#"{"error":{"code":"validation_failed","message":"email: must be a valid email address","type":"invalid_request","param":"email","request_id":"req_01HX7ABCDEFG"}}"#;

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_else(|| "errcat".to_owned());
    let iterations: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let ours = vaultspay::Error::decode(422, BODY).ok();
    let theirs: Option<hand::Envelope> = serde_json::from_slice(BODY).ok();
    let (Some(ours), Some(theirs)) = (ours, theirs) else {
        eprintln!("the typical body does not decode");
        std::process::exit(1);
    };
    let large = errcat_benches::large_licensekey_body(errcat_benches::LARGE_BODY_FIELDS);
    let mut total = 0usize;
    for _ in 0..iterations {
        total += match case.as_str() {
            "errcat" => {
                vaultspay::Error::decode(422, black_box(BODY)).map_or(0, |e| e.message().len())
            }
            "untyped" => errcat::wire::decode(&vaultspay::ENVELOPE, 422, black_box(BODY))
                .map_or(0, |f| f.extra.len()),
            "handwritten" => serde_json::from_slice::<hand::Envelope>(black_box(BODY))
                .map_or(0, |e| e.error.message.len()),
            "floor" => serde_json::from_slice::<hand::Borrowed>(black_box(BODY))
                .map_or(0, |e| e.error.message.len()),
            "large_errcat" => {
                licensekey::Error::decode(404, black_box(&large)).map_or(0, |e| e.message().len())
            }
            "large_handwritten" => serde_json::from_slice::<hand_lk::Body>(black_box(&large))
                .map_or(0, |b| b.message.len()),
            "large_floor" => serde_json::from_slice::<hand_lk::Borrowed>(black_box(&large))
                .map_or(0, |b| b.message.len()),
            "render_errcat" => black_box(&ours).to_json().len(),
            "render_handwritten" => serde_json::to_vec(black_box(&theirs)).map_or(0, |v| v.len()),
            "display_errcat" => black_box(&ours).to_string().len(),
            "display_handwritten" => black_box(&theirs.error).to_string().len(),
            other => {
                eprintln!("unknown case `{other}`");
                std::process::exit(2);
            }
        };
    }
    println!("{total}");
}
