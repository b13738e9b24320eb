//! `derive-bench`: what `#[derive(ApiError)]` costs a crate's cold build, beside the same enum
//! written with thiserror and serde derives.
//!
//! ```text
//! cargo run --release -p errcat-benches --bin derive-bench -- [--runs 5] [--out DIR]
//! ```
//!
//! It writes three one-enum crates under `DIR` (default `target/derive-bench/` of the workspace),
//! each its own workspace with a copy of the workspace's `Cargo.lock` (same versions, builds
//! `--offline`):
//!
//! - `derive`: the enum with `#[derive(Debug, errcat::ApiError)]`, depending on this workspace's
//!   `errcat` by path (default features: the derive) and on `serde_json`, with errcat's packages
//!   built as Cargo builds a crates.io dependency (not incrementally: see
//!   `registry_like_profile`);
//! - `thiserror-serde`: the same variants with `thiserror::Error`, `serde::Serialize` and
//!   `serde::Deserialize` derives, and `serde_json`;
//! - `thiserror-serde-http`: the same, plus the `http` crate and a hand-written
//!   `status() -> http::StatusCode`, which is what the derive's `status()` gives.
//!
//! Each timed build is cold: the crate's own target directory is removed first, so every
//! dependency (syn, serde, errcat-codegen, …) is compiled too. The crates are built in turn, run
//! after run, so a load change on the machine falls on all three; the report gives the median and
//! best of `--runs` builds per crate and the derive's ratios to both baselines. `RUSTC_WRAPPER`
//! is removed from the builds' environment (a compiler cache would make cold builds meaningless).

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use errcat_benches::timing::{format_duration, median};

const USAGE: &str = "\
usage: derive-bench [--runs 5] [--out DIR]

  --runs  cold builds per crate   [5]
  --out   work directory          [<workspace>/target/derive-bench]";

/// The variants every crate declares: a unit variant, one with a named field in its message,
/// one whose tuple field is the seconds to wait, and a retryable one.
const DERIVE_LIB: &str = r#"//! One error enum with `#[derive(ApiError)]`.

#[derive(Debug, errcat::ApiError)]
#[api_error(nested = "error", status = 400, retry = "never")]
pub enum PaymentError {
    /// The card was declined.
    #[api_error(status = 402, category = "business_rule", user_message = "Please use another card.")]
    CardDeclined,
    #[api_error(status = 404, message = "order {order_id} not found")]
    OrderNotFound { order_id: String },
    #[api_error(status = 429, message = "slow down for {0}s", retry = "retry_after")]
    RateLimited(#[api_error(retry_after)] u64),
    #[api_error(status = 503, message = "the bank is unavailable", retry = "backoff")]
    BankUnavailable,
}
"#;

const THISERROR_LIB: &str = r#"//! The same enum with thiserror and serde derives.

#[derive(Debug, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum PaymentError {
    /// The card was declined.
    #[error("card declined")]
    CardDeclined,
    #[error("order {order_id} not found")]
    OrderNotFound { order_id: String },
    #[error("slow down for {retry_after}s")]
    RateLimited { retry_after: u64 },
    #[error("the bank is unavailable")]
    BankUnavailable,
}
"#;

const HTTP_STATUS: &str = r#"
impl PaymentError {
    /// The HTTP status of each variant.
    pub fn status(&self) -> http::StatusCode {
        match self {
            PaymentError::CardDeclined => http::StatusCode::PAYMENT_REQUIRED,
            PaymentError::OrderNotFound { .. } => http::StatusCode::NOT_FOUND,
            PaymentError::RateLimited { .. } => http::StatusCode::TOO_MANY_REQUESTS,
            PaymentError::BankUnavailable => http::StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}
"#;

struct OneEnumCrate {
    name: &'static str,
    dir: PathBuf,
}

fn main() -> ExitCode {
    match run(std::env::args_os().skip(1)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("derive-bench: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(mut args: impl Iterator<Item = OsString>) -> Result<(), String> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .ok_or("the benches crate has no parent directory")?
        .to_path_buf();
    let mut runs = 5_usize;
    let mut out = workspace.join("target/derive-bench");
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--runs") => {
                runs = args
                    .next()
                    .and_then(|value| value.to_str()?.parse().ok())
                    .filter(|runs| *runs > 0)
                    .ok_or("--runs takes a positive number")?;
            }
            Some("--out") => out = args.next().map(PathBuf::from).ok_or("--out takes a path")?,
            Some("--help" | "-h") => {
                println!("{USAGE}");
                return Ok(());
            }
            _ => return Err(format!("unknown argument {arg:?}\n{USAGE}")),
        }
    }
    let crates = write_crates(&workspace, &out)?;
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); crates.len()];
    for run in 1..=runs {
        for (krate, times) in crates.iter().zip(&mut times) {
            let time = cold_build(krate)?;
            eprintln!("run {run}/{runs}: {} {}", krate.name, format_duration(time));
            times.push(time);
        }
    }
    let medians: Vec<Duration> = times.iter().map(|times| median(times)).collect();
    let mut report = format!(
        "| crate | cold build, median of {runs} | best | derive ÷ this |\n|---|---|---|---|\n"
    );
    for ((krate, times), median) in crates.iter().zip(&times).zip(&medians) {
        let best = times.iter().copied().min().unwrap_or_default();
        report.push_str(&format!(
            "| {} | {} | {} | {:.2}× |\n",
            krate.name,
            format_duration(*median),
            format_duration(best),
            medians[0].as_secs_f64() / median.as_secs_f64(),
        ));
    }
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    report.push_str(&format!(
        "\n{cores} cores; `cargo build --offline`, debug profile.\n"
    ));
    print!("{report}");
    fs::write(out.join("derive-bench.md"), &report)
        .map_err(|error| format!("write the report: {error}"))
}

fn write_crates(workspace: &Path, out: &Path) -> Result<Vec<OneEnumCrate>, String> {
    let lock = fs::read(workspace.join("Cargo.lock"))
        .map_err(|error| format!("read the workspace's Cargo.lock: {error}"))?;
    let errcat = workspace.join("errcat");
    let errcat = errcat.to_str().ok_or("the workspace path is not UTF-8")?;
    let specs: [(&str, String, String); 3] = [
        (
            "derive",
            format!(
                "errcat = {{ path = {} }}\nserde_json = \"1\"\n{}",
                toml_string(errcat),
                registry_like_profile()
            ),
            DERIVE_LIB.to_owned(),
        ),
        (
            "thiserror-serde",
            "thiserror = \"2\"\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n"
                .to_owned(),
            THISERROR_LIB.to_owned(),
        ),
        (
            "thiserror-serde-http",
            "thiserror = \"2\"\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\nhttp = \"1\"\n"
                .to_owned(),
            format!("{THISERROR_LIB}{HTTP_STATUS}"),
        ),
    ];
    let mut crates = Vec::new();
    for (name, dependencies, lib) in specs {
        let dir = out.join(name);
        let files = [
            (
                dir.join("Cargo.toml"),
                format!(
                    "[package]\nname = \"one-enum-{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[workspace]\n\n[dependencies]\n{dependencies}"
                )
                .into_bytes(),
            ),
            (dir.join("src/lib.rs"), lib.into_bytes()),
            (dir.join("Cargo.lock"), lock.clone()),
        ];
        for (path, content) in files {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)
                    .map_err(|error| format!("create {}: {error}", parent.display()))?;
            }
            fs::write(&path, content)
                .map_err(|error| format!("write {}: {error}", path.display()))?;
        }
        crates.push(OneEnumCrate { name, dir });
    }
    Ok(crates)
}

/// The workspace's packages a crate using the derive compiles, by their path.
const ERRCAT_PACKAGES: [&str; 4] = ["errcat", "errcat-derive", "errcat-codegen", "errcat-table"];

/// Profile overrides that build errcat's packages as Cargo builds a dependency from crates.io:
/// without incremental compilation, which Cargo turns on for path dependencies only (it writes
/// the incremental cache and splits the crate into more codegen units, about 0.7 s more here).
/// The one-enum crate itself stays incremental, as in the baselines.
fn registry_like_profile() -> String {
    ERRCAT_PACKAGES
        .iter()
        .map(|package| format!("\n[profile.dev.package.{package}]\nincremental = false\n"))
        .collect()
}

/// A TOML basic string holding `text`.
fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// One build of `krate` from an empty target directory.
fn cold_build(krate: &OneEnumCrate) -> Result<Duration, String> {
    let target = krate.dir.join("target");
    if target.exists() {
        fs::remove_dir_all(&target)
            .map_err(|error| format!("remove {}: {error}", target.display()))?;
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let start = Instant::now();
    let output = Command::new(cargo)
        .args(["build", "--offline", "--quiet"])
        .current_dir(&krate.dir)
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTC_WRAPPER")
        .env_remove("CARGO_BUILD_RUSTC_WRAPPER")
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("run cargo: {error}"))?;
    let time = start.elapsed();
    if !output.status.success() {
        return Err(format!(
            "building {} failed:\n{}",
            krate.name,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(time)
}
