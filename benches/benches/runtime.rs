//! errcat's generated code against hand-written serde code, side by side in one run.
//!
//! `cargo bench -p errcat-benches --bench runtime` (ratios: compare `errcat` with `handwritten`
//! and `floor` in each group). `Code::from_wire` has its own benchmark, `benches/from_wire.rs`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use errcat_benches::{
    large_licensekey_body, licensekey as hand_lk, twilio as hand_tw, vaultspay as hand_vp,
    vivamo as hand_vv, INTEGER_BODY, LARGE_BODY_FIELDS, LIST_BODY, MESSAGE_BODY,
};
use errcat_generated::{licensekey, twilio, vaultspay, vivamo};

const TYPICAL: &[u8] = br#"{"error":{"code":"validation_failed","message":"email: must be a valid email address","type":"invalid_request","param":"email","request_id":"req_01HX7ABCDEFG"}}"#;

fn decode(c: &mut Criterion) {
    let mut group = c.benchmark_group("decode_typical");
    group.bench_function("errcat", |b| {
        b.iter(|| vaultspay::Error::decode(422, black_box(TYPICAL)).unwrap())
    });
    group.bench_function("errcat_untyped", |b| {
        b.iter(|| errcat::wire::decode(&vaultspay::ENVELOPE, 422, black_box(TYPICAL)).unwrap())
    });
    group.bench_function("handwritten", |b| {
        b.iter(|| serde_json::from_slice::<hand_vp::Envelope>(black_box(TYPICAL)).unwrap())
    });
    group.bench_function("floor", |b| {
        b.iter(|| serde_json::from_slice::<hand_vp::Borrowed>(black_box(TYPICAL)).unwrap())
    });
    // The same two, validating the body's UTF-8 once and parsing it as a `str` (what errcat's
    // decoder does): how much of the difference that alone makes.
    group.bench_function("handwritten_str", |b| {
        b.iter(|| {
            let text = std::str::from_utf8(black_box(TYPICAL)).unwrap();
            serde_json::from_str::<hand_vp::Envelope>(text).unwrap()
        })
    });
    group.bench_function("floor_str", |b| {
        b.iter(|| {
            let text = std::str::from_utf8(black_box(TYPICAL)).unwrap();
            serde_json::from_str::<hand_vp::Borrowed>(text).unwrap()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("decode_integer");
    group.bench_function("errcat", |b| {
        b.iter(|| twilio::Error::decode(400, black_box(INTEGER_BODY)).unwrap())
    });
    group.bench_function("handwritten", |b| {
        b.iter(|| {
            let body = serde_json::from_slice::<hand_tw::Body>(black_box(INTEGER_BODY)).unwrap();
            (body.code(), body)
        })
    });
    group.finish();

    let mut group = c.benchmark_group("decode_list");
    group.bench_function("errcat", |b| {
        b.iter(|| twilio::Error::decode(404, black_box(LIST_BODY)).unwrap())
    });
    group.bench_function("handwritten", |b| {
        b.iter(|| {
            let body = serde_json::from_slice::<hand_tw::BulkBody>(black_box(LIST_BODY)).unwrap();
            (body.code(), body)
        })
    });
    group.finish();

    let mut group = c.benchmark_group("decode_message");
    group.bench_function("errcat", |b| {
        b.iter(|| vivamo::Error::decode(400, black_box(MESSAGE_BODY)).unwrap())
    });
    group.bench_function("handwritten", |b| {
        b.iter(|| {
            let body = serde_json::from_slice::<hand_vv::Body>(black_box(MESSAGE_BODY)).unwrap();
            (body.code(), body)
        })
    });
    group.finish();

    let large = large_licensekey_body(LARGE_BODY_FIELDS);
    let mut group = c.benchmark_group("decode_large");
    group.bench_function("errcat", |b| {
        b.iter(|| licensekey::Error::decode(404, black_box(&large)).unwrap())
    });
    group.bench_function("handwritten", |b| {
        b.iter(|| serde_json::from_slice::<hand_lk::Body>(black_box(&large)).unwrap())
    });
    group.bench_function("floor", |b| {
        b.iter(|| serde_json::from_slice::<hand_lk::Borrowed>(black_box(&large)).unwrap())
    });
    group.finish();
}

fn render(c: &mut Criterion) {
    let ours = vaultspay::Error::decode(422, TYPICAL).unwrap();
    let theirs: hand_vp::Envelope = serde_json::from_slice(TYPICAL).unwrap();
    let mut group = c.benchmark_group("render");
    group.bench_function("errcat", |b| b.iter(|| black_box(&ours).to_json()));
    group.bench_function("handwritten", |b| {
        b.iter(|| serde_json::to_vec(black_box(&theirs)).unwrap())
    });
    group.finish();
}

fn display(c: &mut Criterion) {
    let ours = vaultspay::Error::decode(422, TYPICAL).unwrap();
    let theirs: hand_vp::Envelope = serde_json::from_slice(TYPICAL).unwrap();
    let mut group = c.benchmark_group("display");
    group.bench_function("errcat", |b| b.iter(|| black_box(&ours).to_string()));
    group.bench_function("handwritten", |b| {
        b.iter(|| black_box(&theirs.error).to_string())
    });
    group.finish();
}

criterion_group!(benches, decode, render, display);
criterion_main!(benches);
