//! Replays every committed fuzz input — the seeds (`fuzz/seeds/<target>/`, with the regressions
//! of crashes once found) and the minimized corpus the fuzzer grew (`fuzz/corpus/<target>/`) —
//! through the fuzz targets' bodies, so the normal test run keeps them all passing.

use std::fs;
use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let mut count = 0;
    for kind in ["seeds", "corpus"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../fuzz")
            .join(kind)
            .join(target);
        for entry in fs::read_dir(&dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        {
            let path = entry.unwrap().path();
            let data = fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| run(&data));
            assert!(outcome.is_ok(), "{target}: {} fails", path.display());
            count += 1;
        }
    }
    count
}

#[test]
fn decode_corpus() {
    assert!(replay("decode", errcat_tests::fuzz::decode) >= 30);
}

#[test]
fn from_wire_corpus() {
    assert!(replay("from_wire", errcat_tests::fuzz::from_wire) >= 52);
}

#[test]
fn catalog_corpus() {
    assert!(replay("catalog", errcat_tests::fuzz::catalog) >= 30);
}

#[test]
fn derived_deserialize_corpus() {
    assert!(
        replay(
            "derived_deserialize",
            errcat_tests::fuzz::derived_deserialize
        ) >= 5
    );
}

/// The fuzz targets themselves build (with plain cargo: no fuzzing instrumentation) and replay
/// the committed inputs through libFuzzer (`-runs=0`: run each input once, no mutation).
#[test]
fn fuzz_targets_build_and_replay_their_corpora() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let target_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz");
    let build = std::process::Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--manifest-path"])
        .arg(fuzz.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target_dir)
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    for target in ["decode", "from_wire", "catalog", "derived_deserialize"] {
        let run = std::process::Command::new(target_dir.join("debug").join(target))
            .arg("-runs=0")
            .arg(fuzz.join("corpus").join(target))
            .arg(fuzz.join("seeds").join(target))
            .output()
            .unwrap();
        let log = String::from_utf8_lossy(&run.stderr);
        assert!(run.status.success(), "{target}:\n{log}");
        assert!(log.contains("Done "), "{target}:\n{log}");
    }
}
