//! Writes the seeds of the fuzz targets (`fuzz/seeds/<target>/`) from the catalogs' documented
//! examples, wire strings, hostile bodies and the bad-catalog corpus, when run with
//! `ERRCAT_WRITE_CORPUS=1`; otherwise checks every seed is present and current, so a new example
//! becomes a seed.

use std::fs;
use std::path::{Path, PathBuf};

mod common;

use common::Catalog;

fn corpus(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/seeds")
        .join(target)
}

fn seeds() -> Vec<(&'static str, String, Vec<u8>)> {
    let mut seeds = Vec::new();
    each_catalog!(C => {
        for (index, example) in C::examples().iter().enumerate() {
            let mut data = example.status.to_le_bytes().to_vec();
            data.extend_from_slice(example.body.as_bytes());
            seeds.push(("decode", format!("example-{}-{index}", C::MODULE), data));
        }
        for (index, code) in C::all().iter().enumerate() {
            seeds.push((
                "from_wire",
                format!("wire-{}-{index}", C::MODULE),
                C::wire(code).as_bytes().to_vec(),
            ));
        }
    });
    let hostile: [(&str, &[u8]); 10] = [
        ("html", b"\xf6\x01<html><body>502 Bad Gateway</body></html>"),
        (
            "truncated",
            b"\x94\x01{\"error\":{\"code\":\"server_error\",\"mess",
        ),
        (
            "duplicate-keys",
            b"\x90\x01{\"error\":{\"code\":\"a\",\"code\":\"b\"},\"error\":{\"code\":\"c\"}}",
        ),
        (
            "wrong-types",
            b"\x90\x01{\"error\":{\"code\":\"x\",\"message\":7,\"param\":[],\"request_id\":null}}",
        ),
        (
            "floats",
            b"\x90\x01{\"error\":{\"code\":\"x\",\"n\":467384860.81360435,\"m\":1e308}}",
        ),
        (
            "list-body",
            b"\x96\x01{\"errors\":[{\"code\":\"missing_field\",\"detail\":\"d\"},{\"code\":7},{}],\"trace_id\":\"t\"}",
        ),
        ("empty-list", b"\xf4\x01{\"errors\":[]}"),
        (
            "integer-and-subcode",
            b"\x90\x01{\"error\":{\"code\":190,\"error_subcode\":463,\"message\":\"m\",\"type\":\"OAuthException\"}}",
        ),
        ("ok-false", b"\xc8\x00{\"ok\":false,\"error\":\"invalid_auth\"}"),
        (
            "alias-keys",
            b"\x93\x01{\"Message\":\"Forbidden\",\"message\":\"This customer already exists\"}",
        ),
    ];
    for (name, data) in hostile {
        seeds.push(("decode", format!("hostile-{name}"), data.to_vec()));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for dir in ["catalog", "codegen/tests/bad"] {
        let mut files: Vec<PathBuf> = fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for file in files
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e == "yaml"))
        {
            let name = format!(
                "{}-{}",
                dir.replace('/', "-"),
                file.file_stem().unwrap().to_string_lossy()
            );
            seeds.push(("catalog", name, fs::read(&file).unwrap()));
        }
    }
    let derived = [
        ("unit", "{\"error\":{\"code\":\"not_found\"}}"),
        (
            "struct",
            "{\"error\":{\"code\":\"invalid\",\"field\":\"f\",\"value\":-3,\"hint\":null}}",
        ),
        ("tuple", "{\"error\":{\"code\":\"limited\",\"0\":30}}"),
        ("other", "{\"error\":{\"code\":\"new\",\"message\":\"?\"}}"),
        (
            "wrong-type",
            "{\"error\":{\"code\":\"invalid\",\"field\":1,\"value\":\"x\"}}",
        ),
    ];
    for (name, body) in derived {
        seeds.push((
            "derived_deserialize",
            format!("derived-{name}"),
            body.as_bytes().to_vec(),
        ));
    }
    seeds
}

#[test]
fn seed_corpora_are_written() {
    let write = std::env::var_os("ERRCAT_WRITE_CORPUS").is_some();
    for (target, name, data) in seeds() {
        let path = corpus(target).join(&name);
        if write {
            fs::create_dir_all(corpus(target)).unwrap();
            fs::write(&path, &data).unwrap();
        } else {
            let committed = fs::read(&path).unwrap_or_else(|_| {
                panic!(
                    "missing seed {}: run with ERRCAT_WRITE_CORPUS=1",
                    path.display()
                )
            });
            assert_eq!(
                committed,
                data,
                "stale seed {}: run with ERRCAT_WRITE_CORPUS=1",
                path.display()
            );
        }
    }
}
