//! `build-bench`: the build-time benchmarks, scripted so anyone can rerun them.
//!
//! ```text
//! cargo run --release -p errcat-benches --bin build-bench -- \
//!     [--sizes 100,1000,10000] [--profiles debug,release] [--runs 3] [--codegen-runs 5] [--out DIR]
//!     [--snapshot] [--optimize-build-scripts] [--optimize-yaml]
//! ```
//!
//! For each size N it writes, under `DIR` (default `target/build-bench/` of the workspace):
//!
//! - `generated-N/`: a crate whose build script compiles `catalog/*.yaml` (the five synthetic
//!   catalogs of [`synthetic::catalogs`], N codes in all) exactly as the workspace's
//!   `generated/build.rs` does, depending on this workspace's `errcat` and `errcat-codegen` by
//!   path; its `src/lib.rs` includes the generated index file as `generated/src/lib.rs` does;
//! - `handwritten-N/`: [`synthetic::handwritten_crate`]`(N)`, the same codes written by hand.
//!
//! Both are their own workspaces (`[workspace]`), get a copy of the workspace's `Cargo.lock` (same
//! versions, builds `--offline`) and share one target directory, `DIR/target`, so dependencies are
//! built once. It then measures:
//!
//! 1. codegen: `errcat_codegen::Config::compile` of the N-code catalogs into a fresh directory,
//!    in this process (load, validate, expand, format, write), median and best of several runs;
//!    and, from each clean build, how long the same work took inside the build script as Cargo
//!    builds it (build dependencies are not optimized by default, even in release);
//! 2. clean build: after one build (dependencies), `cargo clean -p <crate>` then a timed
//!    `cargo build --offline [--release]`, alternating the two crates, median of `--runs`; for the
//!    generated crate this includes compiling and running its build script;
//! 3. rebuilds of the generated crate: a no-op `cargo build -v` must not run the build script, a
//!    rewrite of one catalog must run it exactly once, and the build after that must be a no-op
//!    again.
//!
//! It prints a Markdown report (also written to `DIR/build-bench.md`) with the machine, and exits
//! with 1 if a rebuild check fails, 2 on an error. Progress goes to stderr; every cargo call's
//! output is kept under `DIR/logs/`. `RUSTC_WRAPPER` is removed from the builds' environment (a
//! compiler cache would make clean builds meaningless).
//!
//! A timed build that also had to recompile a dependency (someone edited errcat meanwhile) is not
//! counted and is run again. `--snapshot` avoids that: the generated crates then depend on a copy
//! of `errcat/`, `table/`, `codegen/` and `errors-derive/` taken at the start, in `DIR/errcat-snapshot/`.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use errcat_benches::synthetic;
use errcat_benches::timing::{format_duration, median};

const USAGE: &str = "\
usage: build-bench [--sizes 100,1000,10000] [--profiles debug,release] [--runs 3]
                   [--codegen-runs 5] [--out DIR] [--snapshot] [--optimize-build-scripts]
                   [--optimize-yaml]

  --sizes         total numbers of codes (split over five catalogs)   [100,1000,10000]
  --profiles      cargo profiles to build: debug, release             [debug,release]
  --runs          timed clean builds per crate, size and profile      [3]
  --codegen-runs  in-process codegen runs per size                    [5]
  --out           work directory: crates, shared target dir, logs and
                  build-bench.md                                      [<workspace>/target/build-bench]
  --optimize-build-scripts
                  compile build scripts and proc macros optimized in both crates
                  ([profile.*.build-override] opt-level = 3)
  --optimize-yaml compile only the YAML parser optimized in both crates
                  ([profile.*.package.unsafe-libyaml] and [profile.*.package.serde_yaml]
                  opt-level = 3)
  --snapshot      build the generated crates against a copy of errcat, errcat-codegen and
                  errcat-derive taken at the start (DIR/errcat-snapshot), not the live
                  workspace: for benchmarking while the sources are being edited";

/// The line the generated crate's build script prints (seen with `cargo build -vv`).
const CODEGEN_MARK: &str = "errcat-build-bench: codegen-micros=";

fn main() -> ExitCode {
    let options = match Options::parse(std::env::args_os().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprintln!("build-bench: {error}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("build-bench: a rebuild check failed (see the report)");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("build-bench: error: {error}");
            ExitCode::from(2)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Profile {
    Debug,
    Release,
}

impl Profile {
    fn name(self) -> &'static str {
        match self {
            Profile::Debug => "debug",
            Profile::Release => "release",
        }
    }

    /// The cargo flags selecting it.
    fn flags(self) -> &'static [&'static str] {
        match self {
            Profile::Debug => &[],
            Profile::Release => &["--release"],
        }
    }
}

struct Options {
    sizes: Vec<usize>,
    profiles: Vec<Profile>,
    runs: usize,
    codegen_runs: usize,
    out: PathBuf,
    /// Build against a copy of errcat's crates taken at the start.
    snapshot: bool,
    /// Optimize build scripts and proc macros (`build-override`) in both crates.
    optimize_build_scripts: bool,
    /// Compile the YAML parser (`unsafe-libyaml`, `serde_yaml`) optimized, wherever it is built.
    optimize_yaml: bool,
    /// The workspace this binary belongs to (`errcat/`, `codegen/`, `Cargo.lock`).
    workspace: PathBuf,
}

impl Options {
    /// The options, or `None` for `--help`.
    fn parse(mut args: impl Iterator<Item = OsString>) -> Result<Option<Options>, String> {
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .map(Path::to_path_buf)
            .ok_or("the benches crate has no parent directory")?;
        let mut options = Options {
            sizes: vec![100, 1_000, 10_000],
            profiles: vec![Profile::Debug, Profile::Release],
            runs: 3,
            codegen_runs: 5,
            out: workspace.join("target").join("build-bench"),
            snapshot: false,
            optimize_build_scripts: false,
            optimize_yaml: false,
            workspace,
        };
        while let Some(arg) = args.next() {
            let arg = arg
                .into_string()
                .map_err(|arg| format!("argument {arg:?} is not UTF-8"))?;
            let (flag, inline) = match arg.split_once('=') {
                Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
                None => (arg, None),
            };
            if flag == "-h" || flag == "--help" {
                return Ok(None);
            }
            if flag == "--snapshot" {
                options.snapshot = true;
                continue;
            }
            if flag == "--optimize-build-scripts" {
                options.optimize_build_scripts = true;
                continue;
            }
            if flag == "--optimize-yaml" {
                options.optimize_yaml = true;
                continue;
            }
            let value = match inline {
                Some(value) => value,
                None => args
                    .next()
                    .and_then(|value| value.into_string().ok())
                    .ok_or_else(|| format!("{flag} needs a value"))?,
            };
            match flag.as_str() {
                "--sizes" => {
                    let mut sizes = value
                        .split(',')
                        .map(|size| {
                            size.trim()
                                .replace('_', "")
                                .parse::<usize>()
                                .ok()
                                .filter(|size| *size > 0)
                                .ok_or_else(|| {
                                    format!("--sizes: `{size}` is not a positive number")
                                })
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    sizes.sort_unstable();
                    sizes.dedup();
                    options.sizes = sizes;
                }
                "--profiles" => {
                    let mut profiles = Vec::new();
                    for name in value.split(',') {
                        let profile = match name.trim() {
                            "debug" | "dev" => Profile::Debug,
                            "release" => Profile::Release,
                            other => {
                                return Err(format!(
                                    "--profiles: `{other}` is not `debug` or `release`"
                                ))
                            }
                        };
                        if !profiles.contains(&profile) {
                            profiles.push(profile);
                        }
                    }
                    options.profiles = profiles;
                }
                "--runs" | "--codegen-runs" => {
                    let count = value
                        .parse::<usize>()
                        .ok()
                        .filter(|count| *count > 0)
                        .ok_or_else(|| format!("{flag}: `{value}` is not a positive number"))?;
                    if flag == "--runs" {
                        options.runs = count;
                    } else {
                        options.codegen_runs = count;
                    }
                }
                "--out" => options.out = PathBuf::from(value),
                other => return Err(format!("unknown option `{other}`")),
            }
        }
        if options.sizes.is_empty() || options.profiles.is_empty() {
            return Err("nothing to do: give at least one size and one profile".to_owned());
        }
        if options.out.is_relative() {
            let current = std::env::current_dir()
                .map_err(|error| format!("cannot read the current directory: {error}"))?;
            options.out = current.join(&options.out);
        }
        Ok(Some(options))
    }
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

fn create_dir(path: &Path) -> Result<(), String> {
    fs::create_dir_all(path).map_err(|error| format!("cannot create {}: {error}", path.display()))
}

/// Writes `content` unless the file already holds it (so a second run keeps builds fresh).
fn write_file(path: &Path, content: &[u8]) -> Result<(), String> {
    if fs::read(path).is_ok_and(|existing| existing == content) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        create_dir(parent)?;
    }
    fs::write(path, content).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

fn read_file(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|error| format!("cannot read {}: {error}", path.display()))
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Lines and bytes of the `.rs` files directly in `dir` and in `dir/src`.
fn rust_size(dir: &Path) -> Result<(usize, usize), String> {
    let mut lines = 0;
    let mut bytes = 0;
    for dir in [dir.to_path_buf(), dir.join("src")] {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry
                .map_err(|error| format!("cannot list {}: {error}", dir.display()))?
                .path();
            if path.extension().is_some_and(|ext| ext == "rs") {
                let text = read_file(&path)?;
                lines += text.lines().count();
                bytes += text.len();
            }
        }
    }
    Ok((lines, bytes))
}

/// The crates the generated crate builds with, copied from the workspace: errcat and the
/// generator, and the workspace crates they depend on.
const SNAPSHOT_CRATES: [&str; 4] = ["errcat", "table", "codegen", "errors-derive"];

/// Copies `errcat/`, `table/`, `codegen/` and `errors-derive/` (manifest and `src/`) with the workspace's
/// manifest, reduced to those members, into `DIR/errcat-snapshot`; unchanged files keep their
/// modification time, so a second run does not rebuild them.
fn snapshot(options: &Options) -> Result<PathBuf, String> {
    let root = options.out.join("errcat-snapshot");
    let manifest = read_file(&options.workspace.join("Cargo.toml"))?;
    let mut reduced = String::from(
        "# A copy of errcat's crates taken by build-bench --snapshot; edit the workspace instead.\n",
    );
    let mut replaced = false;
    for line in manifest.lines() {
        let key = line.split('=').next().unwrap_or_default().trim();
        if key == "members" && line.trim_end().ends_with(']') {
            let members: Vec<String> = SNAPSHOT_CRATES
                .iter()
                .map(|member| format!("\"{member}\""))
                .collect();
            let _ = writeln!(reduced, "members = [{}]", members.join(", "));
            replaced = true;
        } else if key != "exclude" {
            reduced.push_str(line);
            reduced.push('\n');
        }
    }
    if !replaced {
        return Err(format!(
            "--snapshot: no one-line `members = [...]` in {}",
            options.workspace.join("Cargo.toml").display()
        ));
    }
    write_file(&root.join("Cargo.toml"), reduced.as_bytes())?;
    for member in SNAPSHOT_CRATES {
        let from = options.workspace.join(member);
        let to = root.join(member);
        let manifest = fs::read(from.join("Cargo.toml")).map_err(|error| {
            format!("cannot read {}: {error}", from.join("Cargo.toml").display())
        })?;
        write_file(&to.join("Cargo.toml"), &manifest)?;
        mirror(&from.join("src"), &to.join("src"))?;
    }
    Ok(root)
}

/// Makes `to` a copy of the directory `from`: writes changed files, removes files `from` lacks.
fn mirror(from: &Path, to: &Path) -> Result<(), String> {
    create_dir(to)?;
    let list = |dir: &Path| -> Result<Vec<(OsString, bool)>, String> {
        let mut names = Vec::new();
        for entry in
            fs::read_dir(dir).map_err(|error| format!("cannot list {}: {error}", dir.display()))?
        {
            let entry = entry.map_err(|error| format!("cannot list {}: {error}", dir.display()))?;
            let is_dir = entry
                .file_type()
                .map_err(|error| format!("cannot stat {}: {error}", entry.path().display()))?
                .is_dir();
            names.push((entry.file_name(), is_dir));
        }
        Ok(names)
    };
    let sources = list(from)?;
    for (name, is_dir) in &sources {
        if *is_dir {
            mirror(&from.join(name), &to.join(name))?;
        } else {
            let content = fs::read(from.join(name))
                .map_err(|error| format!("cannot read {}: {error}", from.join(name).display()))?;
            write_file(&to.join(name), &content)?;
        }
    }
    for (name, is_dir) in list(to)? {
        if sources.iter().any(|(source, _)| *source == name) {
            continue;
        }
        let path = to.join(&name);
        let removed = if is_dir {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        };
        removed.map_err(|error| format!("cannot remove {}: {error}", path.display()))?;
    }
    Ok(())
}

/// A crate the benchmark builds.
struct Crate {
    name: String,
    dir: PathBuf,
    generated: bool,
}

/// Writes `generated-N` and `handwritten-N` under `out`.
fn write_crates(options: &Options, sources: &Path, n: usize) -> Result<(Crate, Crate), String> {
    let lock = fs::read(options.workspace.join("Cargo.lock")).map_err(|error| {
        format!(
            "cannot read {}: {error}",
            options.workspace.join("Cargo.lock").display()
        )
    })?;

    let generated = Crate {
        name: format!("generated-{n}"),
        dir: options.out.join(format!("generated-{n}")),
        generated: true,
    };
    let errcat = sources.join("errcat");
    let codegen = sources.join("codegen");
    let manifest = format!(
        "[package]\n\
         name = \"{name}\"\n\
         version = \"0.1.0\"\n\
         edition = \"2021\"\n\
         description = \"Typed errors of {n} synthetic codes, generated by errcat (errcat-benches build-bench).\"\n\
         publish = false\n\
         build = \"build.rs\"\n\
         \n\
         [dependencies]\n\
         errcat = {{ path = {errcat} }}\n\
         \n\
         [build-dependencies]\n\
         errcat-codegen = {{ path = {codegen} }}\n\
         \n\
         # Its own workspace, outside errcat's.\n\
         [workspace]\n{profiles}",
        profiles = build_override(options, true),
        name = generated.name,
        errcat = toml_string(&errcat.to_string_lossy()),
        codegen = toml_string(&codegen.to_string_lossy()),
    );
    write_file(&generated.dir.join("Cargo.toml"), manifest.as_bytes())?;
    write_file(&generated.dir.join("Cargo.lock"), &lock)?;
    write_file(
        &generated.dir.join("build.rs"),
        GENERATED_BUILD_RS.as_bytes(),
    )?;
    write_file(
        &generated.dir.join("src/lib.rs"),
        format!(
            "//! Typed errors of {n} synthetic codes in five catalogs, generated by errcat's build script.\n\
             #![forbid(unsafe_code)]\n\
             #![deny(warnings, missing_docs)]\n\
             \n\
             include!(concat!(env!(\"OUT_DIR\"), \"/errcat_providers.rs\"));\n"
        )
        .as_bytes(),
    )?;
    let catalog_dir = generated.dir.join("catalog");
    for (module, yaml) in synthetic::catalogs(n) {
        write_file(&catalog_dir.join(format!("{module}.yaml")), yaml.as_bytes())?;
    }

    let handwritten = Crate {
        name: format!("handwritten-{n}"),
        dir: options.out.join(format!("handwritten-{n}")),
        generated: false,
    };
    for (path, mut content) in synthetic::handwritten_crate(n) {
        if path == "Cargo.toml" {
            content.push_str("\n# Its own workspace, outside errcat's.\n[workspace]\n");
            content.push_str(&build_override(options, false));
        }
        write_file(&handwritten.dir.join(path), content.as_bytes())?;
    }
    write_file(&handwritten.dir.join("Cargo.lock"), &lock)?;
    Ok((generated, handwritten))
}

/// The profile sections of `--optimize-build-scripts` (build scripts, proc macros and their
/// dependencies optimized; Cargo leaves them unoptimized by default, even in release) and of
/// `--optimize-yaml` (the YAML parser alone optimized, wherever it is built; only for a crate
/// that parses YAML, since Cargo warns about profiles for packages it does not build).
fn build_override(options: &Options, parses_yaml: bool) -> String {
    let mut sections = String::new();
    for profile in ["dev", "release"] {
        if options.optimize_build_scripts {
            let _ = write!(
                sections,
                "\n[profile.{profile}.build-override]\nopt-level = 3\n"
            );
        }
        if options.optimize_yaml && parses_yaml {
            for package in ["unsafe-libyaml", "serde_yaml"] {
                let _ = write!(
                    sections,
                    "\n[profile.{profile}.package.{package}]\nopt-level = 3\n"
                );
            }
        }
    }
    sections
}

/// The generated crate's build script: the workspace's `generated/build.rs` for this crate's
/// `catalog/`, plus one line reporting how long the code generation took.
const GENERATED_BUILD_RS: &str = r#"//! Compiles every `catalog/*.yaml` of this crate into one module per provider, as the errcat
//! workspace's `generated/build.rs` does, and reports how long that took (build-bench reads the
//! line from `cargo build -vv`).

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let start = Instant::now();
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    errcat_codegen::Config::new()
        .catalog_dir(manifest_dir.join("catalog"))
        .display_root(&manifest_dir)
        .compile_or_exit();
    println!("errcat-build-bench: codegen-micros={}", start.elapsed().as_micros());
}
"#;

// ---------------------------------------------------------------------------------------------
// Running cargo
// ---------------------------------------------------------------------------------------------

/// One finished cargo command.
struct Outcome {
    elapsed: Duration,
    log: String,
    /// The largest peak resident set of cargo and the processes it started (sampled).
    peak_rss_kib: Option<u64>,
}

struct Runner {
    cargo: OsString,
    target_dir: PathBuf,
    logs: PathBuf,
    sequence: usize,
}

impl Runner {
    /// Runs `cargo <args> --manifest-path <crate>/Cargo.toml --target-dir … --offline`, output to
    /// a log file; fails with the log's tail if cargo fails.
    fn cargo(&mut self, krate: &Crate, args: &[&str], label: &str) -> Result<Outcome, String> {
        self.sequence += 1;
        let log_path = self.logs.join(format!(
            "{:04}-{}-{}.log",
            self.sequence,
            krate.name,
            label.replace([' ', '/'], "-")
        ));
        let log = fs::File::create(&log_path)
            .map_err(|error| format!("cannot create {}: {error}", log_path.display()))?;
        let log_err = log
            .try_clone()
            .map_err(|error| format!("cannot open {}: {error}", log_path.display()))?;
        let mut command = Command::new(&self.cargo);
        command
            .args(args)
            .arg("--manifest-path")
            .arg(krate.dir.join("Cargo.toml"))
            .arg("--target-dir")
            .arg(&self.target_dir)
            .arg("--offline")
            .current_dir(&krate.dir)
            .env("CARGO_TERM_COLOR", "never")
            .env_remove("CARGO_TARGET_DIR")
            .env_remove("CARGO_BUILD_TARGET_DIR")
            .env_remove("RUSTC_WRAPPER")
            .env_remove("RUSTC_WORKSPACE_WRAPPER")
            .env_remove("CARGO_BUILD_RUSTC_WRAPPER")
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log_err);
        let shown = format!("cargo {}", args.join(" "));
        let start = Instant::now();
        let mut child = command.spawn().map_err(|error| {
            format!(
                "cannot run {:?} ({error}); is Rust installed and cargo on the PATH?",
                self.cargo
            )
        })?;
        let pid = child.id();
        let (sender, receiver) = mpsc::channel::<(io::Result<ExitStatus>, Instant)>();
        let waiter = std::thread::spawn(move || {
            let status = child.wait();
            let _ = sender.send((status, Instant::now()));
        });
        let mut peak: Option<u64> = None;
        let mut next_report = Duration::from_secs(30);
        let (status, end) = loop {
            match receiver.recv_timeout(Duration::from_millis(250)) {
                Ok(done) => break done,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if let Some(rss) = peak_rss_of_tree(pid) {
                        peak = Some(peak.map_or(rss, |old| old.max(rss)));
                    }
                    let waited = start.elapsed();
                    if waited >= next_report {
                        eprintln!(
                            "      ... {} {label}: {} s so far, peak RSS {}",
                            krate.name,
                            waited.as_secs(),
                            peak.map_or_else(|| "n/a".to_owned(), format_kib)
                        );
                        next_report += Duration::from_secs(30);
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(format!("lost track of `{shown}` for {}", krate.name));
                }
            }
        };
        let _ = waiter.join();
        let status = status
            .map_err(|error| format!("cannot wait for `{shown}` ({}): {error}", krate.name))?;
        let text = read_file(&log_path)?;
        if !status.success() {
            let lines: Vec<&str> = text.lines().collect();
            let tail = lines[lines.len().saturating_sub(40)..].join("\n");
            return Err(format!(
                "`{shown}` failed for {} ({status}); full output in {}; last lines:\n{tail}",
                krate.dir.display(),
                log_path.display()
            ));
        }
        Ok(Outcome {
            elapsed: end.duration_since(start),
            log: text,
            peak_rss_kib: peak,
        })
    }
}

/// The largest `VmHWM` (peak resident set) of `root` and its descendants, from `/proc`; `None`
/// where there is no `/proc`.
fn peak_rss_of_tree(root: u32) -> Option<u64> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    for entry in fs::read_dir("/proc").ok()?.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|name| name.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // `pid (comm) state ppid ...`; comm may contain spaces and parentheses.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|ppid| ppid.parse::<u32>().ok());
        if let Some(ppid) = ppid {
            parents.push((pid, ppid));
        }
    }
    let mut tree = vec![root];
    let mut index = 0;
    while index < tree.len() {
        let parent = tree[index];
        tree.extend(
            parents
                .iter()
                .filter(|(_, ppid)| *ppid == parent)
                .map(|(pid, _)| *pid),
        );
        index += 1;
    }
    tree.iter()
        .filter_map(|pid| {
            let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
            let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .max()
}

/// Packages cargo compiled (`Compiling <name> v…` lines).
fn compiled_packages(log: &str) -> Vec<String> {
    log.lines()
        .filter_map(|line| line.trim_start().strip_prefix("Compiling "))
        .filter_map(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

/// How many times `cargo build -v` ran a build script (`Running `…/build-script-build``).
fn build_script_runs(log: &str) -> usize {
    log.lines()
        .map(str::trim)
        .filter(|line| line.starts_with("Running `") && line.ends_with("build-script-build`"))
        .count()
}

/// The codegen time the generated crate's build script printed (`cargo build -vv`).
fn build_script_codegen(log: &str) -> Option<Duration> {
    log.lines().find_map(|line| {
        let micros = line.split_once(CODEGEN_MARK)?.1.trim();
        micros.parse::<u64>().ok().map(Duration::from_micros)
    })
}

// ---------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------

/// In-process code generation at one size.
struct Codegen {
    times: Vec<Duration>,
    /// Lines and bytes of the generated Rust (every provider module and the index).
    lines: usize,
    bytes: usize,
}

fn time_codegen(options: &Options, krate: &Crate, n: usize) -> Result<Codegen, String> {
    let catalog_dir = krate.dir.join("catalog");
    let out_dir = options.out.join(format!("codegen-{n}"));
    let mut times = Vec::new();
    for _ in 0..options.codegen_runs {
        // A fresh directory each time, so every run writes every file.
        if out_dir.exists() {
            fs::remove_dir_all(&out_dir)
                .map_err(|error| format!("cannot remove {}: {error}", out_dir.display()))?;
        }
        create_dir(&out_dir)?;
        let start = Instant::now();
        errcat_codegen::Config::new()
            .catalog_dir(&catalog_dir)
            .out_dir(&out_dir)
            .emit_rerun_if_changed(false)
            .compile()
            .map_err(|failure| format!("code generation failed at N = {n}:\n{failure}"))?;
        times.push(start.elapsed());
    }
    let (lines, bytes) = rust_size(&out_dir)?;
    Ok(Codegen {
        times,
        lines,
        bytes,
    })
}

/// One timed clean build.
struct Build {
    elapsed: Duration,
    peak_rss_kib: Option<u64>,
    /// What the build script reported (generated crate only).
    codegen: Option<Duration>,
}

/// `cargo clean -p` then a timed `cargo build -vv`; retried when cargo also recompiled a
/// dependency (a source of errcat changed meanwhile), so only the crate's own build is timed.
fn clean_build(
    runner: &mut Runner,
    krate: &Crate,
    profile: Profile,
    label: &str,
    snapshot: bool,
) -> Result<Build, String> {
    for _attempt in 0..3 {
        let mut clean = vec!["clean", "-p", krate.name.as_str()];
        clean.extend(profile.flags());
        runner.cargo(krate, &clean, &format!("{label}-clean"))?;
        let mut build = vec!["build", "-vv"];
        build.extend(profile.flags());
        let outcome = runner.cargo(krate, &build, label)?;
        let compiled = compiled_packages(&outcome.log);
        if !compiled.contains(&krate.name) {
            return Err(format!(
                "`cargo clean -p {}` did not make cargo rebuild it (compiled: {compiled:?})",
                krate.name
            ));
        }
        if compiled.len() > 1 {
            eprintln!(
                "      {} {label}: cargo also rebuilt {compiled:?}; not counted, running again",
                krate.name
            );
            continue;
        }
        let codegen = build_script_codegen(&outcome.log);
        if krate.generated && codegen.is_none() {
            return Err(format!(
                "the build script of {} did not report its codegen time (`{CODEGEN_MARK}…` with -vv)",
                krate.name
            ));
        }
        return Ok(Build {
            elapsed: outcome.elapsed,
            peak_rss_kib: outcome.peak_rss_kib,
            codegen,
        });
    }
    Err(format!(
        "{}: dependencies kept being rebuilt during the timed builds{}",
        krate.name,
        if snapshot {
            ""
        } else {
            " (errcat's sources keep changing: rerun with --snapshot to build a copy taken at the start)"
        }
    ))
}

/// The rebuild checks of the generated crate.
struct Checks {
    noop_runs: usize,
    noop_fresh: bool,
    noop_time: Duration,
    touched: String,
    touch_runs: usize,
    touch_time: Duration,
    settle_runs: usize,
}

impl Checks {
    fn noop_pass(&self) -> bool {
        self.noop_runs == 0 && self.noop_fresh
    }

    fn touch_pass(&self) -> bool {
        self.touch_runs == 1
    }

    fn settle_pass(&self) -> bool {
        self.settle_runs == 0
    }

    fn pass(&self) -> bool {
        self.noop_pass() && self.touch_pass() && self.settle_pass()
    }
}

fn rebuild_checks(runner: &mut Runner, krate: &Crate, profile: Profile) -> Result<Checks, String> {
    let mut build = vec!["build", "-v"];
    build.extend(profile.flags());
    // Make sure it is built, then the no-op.
    runner.cargo(krate, &build, "before-noop")?;
    let noop = runner.cargo(krate, &build, "noop")?;
    let fresh = noop
        .log
        .lines()
        .any(|line| line.trim().starts_with(&format!("Fresh {} ", krate.name)));

    // Rewrite one catalog with the same content and a new modification time.
    let catalog_dir = krate.dir.join("catalog");
    let mut catalogs: Vec<PathBuf> = fs::read_dir(&catalog_dir)
        .map_err(|error| format!("cannot list {}: {error}", catalog_dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    catalogs.sort();
    let touched = catalogs
        .first()
        .ok_or_else(|| format!("{} has no catalog", catalog_dir.display()))?
        .clone();
    let content = fs::read(&touched)
        .map_err(|error| format!("cannot read {}: {error}", touched.display()))?;
    fs::write(&touched, &content)
        .map_err(|error| format!("cannot rewrite {}: {error}", touched.display()))?;
    fs::File::options()
        .write(true)
        .open(&touched)
        .and_then(|file| file.set_modified(SystemTime::now()))
        .map_err(|error| format!("cannot touch {}: {error}", touched.display()))?;
    let touch = runner.cargo(krate, &build, "touch")?;
    let settle = runner.cargo(krate, &build, "after-touch")?;
    Ok(Checks {
        noop_runs: build_script_runs(&noop.log),
        noop_fresh: fresh,
        noop_time: noop.elapsed,
        touched: touched
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
        touch_runs: build_script_runs(&touch.log),
        touch_time: touch.elapsed,
        settle_runs: build_script_runs(&settle.log),
    })
}

/// Everything measured for one size and profile.
struct ProfileResult {
    n: usize,
    profile: Profile,
    generated: Vec<Build>,
    handwritten: Vec<Build>,
    checks: Checks,
}

/// Everything measured for one size, outside cargo.
struct SizeResult {
    n: usize,
    codegen: Codegen,
    handwritten_lines: usize,
    handwritten_bytes: usize,
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

fn run(options: &Options) -> Result<bool, String> {
    create_dir(&options.out)?;
    let logs = options.out.join("logs");
    // The previous run's logs would mix with this one's.
    if logs.exists() {
        fs::remove_dir_all(&logs)
            .map_err(|error| format!("cannot remove {}: {error}", logs.display()))?;
    }
    create_dir(&logs)?;
    let machine = Machine::read();
    eprintln!(
        "build-bench: sizes {:?}, profiles {:?}, {} clean builds each; work dir {}",
        options.sizes,
        options
            .profiles
            .iter()
            .map(|p| p.name())
            .collect::<Vec<_>>(),
        options.runs,
        options.out.display()
    );
    eprintln!("build-bench: {}", machine.summary());

    let sources = if options.snapshot {
        let root = snapshot(options)?;
        eprintln!(
            "build-bench: building against a snapshot of errcat in {}",
            root.display()
        );
        root
    } else {
        options.workspace.clone()
    };
    let mut crates = Vec::new();
    let mut sizes = Vec::new();
    for &n in &options.sizes {
        eprintln!("[N = {n}] writing the crates and timing codegen in process");
        let (generated, handwritten) = write_crates(options, &sources, n)?;
        let codegen = time_codegen(options, &generated, n)?;
        let (handwritten_lines, handwritten_bytes) = rust_size(&handwritten.dir)?;
        eprintln!(
            "[N = {n}] codegen median {} (best {}), {} lines of generated Rust; hand-written {} lines",
            format_duration(median(&codegen.times)),
            format_duration(best(&codegen.times)),
            codegen.lines,
            handwritten_lines
        );
        sizes.push(SizeResult {
            n,
            codegen,
            handwritten_lines,
            handwritten_bytes,
        });
        crates.push((n, generated, handwritten));
    }

    let mut runner = Runner {
        cargo: std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo")),
        target_dir: options.out.join("target"),
        logs,
        sequence: 0,
    };
    let report_path = options.out.join("build-bench.md");
    let mut results = Vec::new();
    let mut failures = Vec::new();
    for &profile in &options.profiles {
        for (n, generated, handwritten) in &crates {
            match measure(options, &mut runner, profile, *n, generated, handwritten) {
                Ok(result) => results.push(result),
                Err(error) => {
                    eprintln!(
                        "[N = {n}, {}] error: {error}\n  (going on with the next step)",
                        profile.name()
                    );
                    failures.push((*n, profile, error));
                }
            }
            // The report so far, for long runs.
            let partial = report(options, &machine, &sizes, &results, &failures);
            write_file(&report_path, partial.as_bytes())?;
        }
    }

    let report = report(options, &machine, &sizes, &results, &failures);
    println!("{report}");
    write_file(&report_path, report.as_bytes())?;
    eprintln!("build-bench: report written to {}", report_path.display());
    if !failures.is_empty() {
        return Err(format!(
            "{} of {} steps failed (see the report)",
            failures.len(),
            options.profiles.len() * options.sizes.len()
        ));
    }
    Ok(results.iter().all(|result| result.checks.pass()))
}

/// The builds of one size in one profile: a first build, the timed clean builds of both crates
/// (alternating), then the rebuild checks.
fn measure(
    options: &Options,
    runner: &mut Runner,
    profile: Profile,
    n: usize,
    generated: &Crate,
    handwritten: &Crate,
) -> Result<ProfileResult, String> {
    let tag = format!("[N = {n}, {}]", profile.name());
    let mut build = vec!["build"];
    build.extend(profile.flags());
    for krate in [generated, handwritten] {
        eprintln!("{tag} first build of {} (and its dependencies)", krate.name);
        let outcome = runner.cargo(krate, &build, &format!("{}-warm", profile.name()))?;
        eprintln!("{tag}   {}", format_duration(outcome.elapsed));
    }
    let mut generated_builds = Vec::new();
    let mut handwritten_builds = Vec::new();
    for run in 1..=options.runs {
        for krate in [generated, handwritten] {
            eprintln!("{tag} clean build {run}/{} of {}", options.runs, krate.name);
            let label = format!("{}-run{run}", profile.name());
            let result = clean_build(runner, krate, profile, &label, options.snapshot)?;
            eprintln!(
                "{tag}   {}{}, peak RSS {}",
                format_duration(result.elapsed),
                result.codegen.map_or_else(String::new, |codegen| format!(
                    " (build script codegen {})",
                    format_duration(codegen)
                )),
                result
                    .peak_rss_kib
                    .map_or_else(|| "n/a".to_owned(), format_kib)
            );
            if krate.generated {
                generated_builds.push(result);
            } else {
                handwritten_builds.push(result);
            }
        }
    }
    eprintln!("{tag} rebuild checks of {}", generated.name);
    let checks = rebuild_checks(runner, generated, profile)?;
    eprintln!(
        "{tag}   no-op: build script ran {} time(s){}; touching {}: ran {} time(s) ({}); next build: ran {} time(s)",
        checks.noop_runs,
        if checks.noop_fresh { ", crate fresh" } else { ", crate NOT fresh" },
        checks.touched,
        checks.touch_runs,
        format_duration(checks.touch_time),
        checks.settle_runs
    );
    Ok(ProfileResult {
        n,
        profile,
        generated: generated_builds,
        handwritten: handwritten_builds,
        checks,
    })
}

// ---------------------------------------------------------------------------------------------
// The machine
// ---------------------------------------------------------------------------------------------

struct Machine {
    cpus: Option<usize>,
    cpu_model: Option<String>,
    memory_kib: Option<u64>,
    rustc: String,
    cargo: String,
    load_at_start: Option<String>,
    date: String,
}

impl Machine {
    fn read() -> Machine {
        let version = |program: OsString| {
            Command::new(&program)
                .arg("-V")
                .output()
                .ok()
                .filter(|output| output.status.success())
                .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
                .unwrap_or_else(|| format!("unknown ({program:?} -V failed)"))
        };
        let meminfo = fs::read_to_string("/proc/meminfo").ok();
        let cpuinfo = fs::read_to_string("/proc/cpuinfo").ok();
        Machine {
            cpus: std::thread::available_parallelism().ok().map(usize::from),
            cpu_model: cpuinfo.and_then(|text| {
                text.lines()
                    .find(|line| line.starts_with("model name"))
                    .and_then(|line| line.split_once(':'))
                    .map(|(_, model)| model.trim().to_owned())
            }),
            memory_kib: meminfo.and_then(|text| {
                text.lines()
                    .find(|line| line.starts_with("MemTotal:"))
                    .and_then(|line| line.split_whitespace().nth(1))
                    .and_then(|kib| kib.parse().ok())
            }),
            rustc: version(std::env::var_os("RUSTC").unwrap_or_else(|| OsString::from("rustc"))),
            cargo: version(std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"))),
            load_at_start: load_average(),
            date: utc_date(SystemTime::now()),
        }
    }

    fn summary(&self) -> String {
        format!(
            "{} CPUs{}, {} RAM, {}, {}, load average {}",
            self.cpus
                .map_or_else(|| "?".to_owned(), |cpus| cpus.to_string()),
            self.cpu_model
                .as_ref()
                .map_or_else(String::new, |model| format!(" ({model})")),
            self.memory_kib.map_or_else(|| "?".to_owned(), format_kib),
            self.rustc,
            self.cargo,
            self.load_at_start.as_deref().unwrap_or("n/a")
        )
    }
}

fn load_average() -> Option<String> {
    let text = fs::read_to_string("/proc/loadavg").ok()?;
    Some(
        text.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// `YYYY-MM-DD HH:MM UTC`.
fn utc_date(time: SystemTime) -> String {
    let seconds = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let days = (seconds / 86_400) as i64;
    let minutes = (seconds % 86_400) / 60;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        minutes / 60,
        minutes % 60
    )
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

fn best(times: &[Duration]) -> Duration {
    times.iter().copied().min().unwrap_or_default()
}

fn format_kib(kib: u64) -> String {
    let mib = kib as f64 / 1024.0;
    if mib >= 1024.0 {
        format!("{:.2} GiB", mib / 1024.0)
    } else {
        format!("{mib:.0} MiB")
    }
}

fn format_count(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::new();
    for (index, c) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn ratio(a: Duration, b: Duration) -> f64 {
    if b.is_zero() {
        f64::NAN
    } else {
        a.as_secs_f64() / b.as_secs_f64()
    }
}

/// The exponent k of `time ∝ N^k` between two sizes (1 = linear).
fn exponent(time_ratio: f64, n_ratio: f64) -> f64 {
    time_ratio.ln() / n_ratio.ln()
}

fn builds_median(builds: &[Build]) -> Duration {
    median(&builds.iter().map(|build| build.elapsed).collect::<Vec<_>>())
}

fn builds_codegen(builds: &[Build]) -> Option<Duration> {
    let times: Vec<Duration> = builds.iter().filter_map(|build| build.codegen).collect();
    (!times.is_empty()).then(|| median(&times))
}

fn builds_rss(builds: &[Build]) -> String {
    builds
        .iter()
        .filter_map(|build| build.peak_rss_kib)
        .max()
        .map_or_else(|| "n/a".to_owned(), format_kib)
}

fn pass(ok: bool) -> &'static str {
    if ok {
        "pass"
    } else {
        "**FAIL**"
    }
}

fn met(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "**not met**"
    }
}

fn report(
    options: &Options,
    machine: &Machine,
    sizes: &[SizeResult],
    results: &[ProfileResult],
    failures: &[(usize, Profile, String)],
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Build benchmarks\n");
    let _ = writeln!(
        out,
        "`cargo run --release -p errcat-benches --bin build-bench -- --sizes {} --profiles {} --runs {} --codegen-runs {}{}`, {}.\n",
        options
            .sizes
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(","),
        options
            .profiles
            .iter()
            .map(|profile| profile.name())
            .collect::<Vec<_>>()
            .join(","),
        options.runs,
        options.codegen_runs,
        [
            (options.snapshot, " --snapshot"),
            (options.optimize_build_scripts, " --optimize-build-scripts"),
            (options.optimize_yaml, " --optimize-yaml"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, flag)| *flag)
        .collect::<String>(),
        machine.date
    );
    let _ = writeln!(
        out,
        "Machine: {}; load average at the end {}.\n",
        machine.summary(),
        load_average().as_deref().unwrap_or("n/a")
    );
    let _ = writeln!(
        out,
        "N codes in five synthetic catalogs (one per seed envelope shape, N/5 codes each; \
         `benches/src/synthetic.rs`). Clean build = `cargo clean -p <crate>` then \
         `cargo build --offline`, dependencies already built, median of {} (Cargo defaults: \
         incremental in debug; build dependencies such as errcat-codegen unoptimized in both \
         profiles). Peak RSS: largest peak resident set of cargo and its child processes, \
         sampled every 250 ms.\n",
        options.runs
    );
    if options.optimize_build_scripts {
        let _ = writeln!(
            out,
            "Both crates set `[profile.dev.build-override]` and `[profile.release.build-override]` \
             `opt-level = 3` (`--optimize-build-scripts`): build scripts, proc macros and their \
             dependencies are compiled optimized, unlike Cargo's default.\n"
        );
    }
    if options.optimize_yaml {
        let _ = writeln!(
            out,
            "Both crates set `opt-level = 3` for the packages `unsafe-libyaml` and `serde_yaml` in \
             the dev and release profiles (`--optimize-yaml`): the YAML parser is compiled \
             optimized in the build script, everything else as Cargo's default.\n"
        );
    }
    if options.snapshot {
        let _ = writeln!(
            out,
            "Built against a copy of errcat, errcat-codegen and errcat-derive taken at the start \
             (`--snapshot`); the in-process codegen runs the errcat-codegen this binary was built \
             with.\n"
        );
    }

    // Codegen.
    let _ = writeln!(out, "## Code generation\n");
    let _ = writeln!(
        out,
        "In process (`Config::compile`: load, validate, expand, format, write; this binary's \
         profile, median of {}), and inside the build script as Cargo builds it (median over \
         the clean builds).\n",
        options.codegen_runs
    );
    let mut header =
        String::from("| N | in process: median | best | generated Rust | hand-written Rust |");
    let mut rule = String::from("|---:|---:|---:|---:|---:|");
    for profile in &options.profiles {
        let _ = write!(header, " build script ({}) |", profile.name());
        rule.push_str("---:|");
    }
    let _ = writeln!(out, "{header}\n{rule}");
    for size in sizes {
        let _ = write!(
            out,
            "| {} | {} | {} | {} lines, {} KiB | {} lines, {} KiB |",
            format_count(size.n),
            format_duration(median(&size.codegen.times)),
            format_duration(best(&size.codegen.times)),
            format_count(size.codegen.lines),
            format_count(size.codegen.bytes / 1024),
            format_count(size.handwritten_lines),
            format_count(size.handwritten_bytes / 1024)
        );
        for profile in &options.profiles {
            let cell = results
                .iter()
                .find(|result| result.n == size.n && result.profile == *profile)
                .and_then(|result| builds_codegen(&result.generated))
                .map_or_else(|| "—".to_owned(), format_duration);
            let _ = write!(out, " {cell} |");
        }
        out.push('\n');
    }

    // Clean builds.
    let _ = writeln!(out, "\n## Clean build of the crate\n");
    let _ = writeln!(
        out,
        "| N | profile | generated | hand-written | generated / hand-written | runs (generated; hand-written) | peak RSS (generated / hand-written) |"
    );
    let _ = writeln!(out, "|---:|---|---:|---:|---:|---|---|");
    for result in results {
        let generated = builds_median(&result.generated);
        let handwritten = builds_median(&result.handwritten);
        let runs = |builds: &[Build]| {
            builds
                .iter()
                .map(|build| format_duration(build.elapsed))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {:.2}× | {}; {} | {} / {} |",
            format_count(result.n),
            result.profile.name(),
            format_duration(generated),
            format_duration(handwritten),
            ratio(generated, handwritten),
            runs(&result.generated),
            runs(&result.handwritten),
            builds_rss(&result.generated),
            builds_rss(&result.handwritten)
        );
    }

    // Growth.
    let smallest = sizes.first().map_or(0, |size| size.n);
    if sizes.len() > 1 {
        let _ = writeln!(
            out,
            "\n## Growth\n\nTime at N divided by time at N = {}; in parentheses the exponent k of \
             time ∝ N^k between the two sizes (k ≤ 1: no worse than linear).\n",
            format_count(smallest)
        );
        let mut header = String::from("| N | N ratio | codegen (in process) |");
        let mut rule = String::from("|---:|---:|---:|");
        for profile in &options.profiles {
            let _ = write!(
                header,
                " generated {0} | hand-written {0} |",
                profile.name()
            );
            rule.push_str("---:|---:|");
        }
        let _ = writeln!(out, "{header}\n{rule}");
        let base_codegen = sizes.first().map(|size| median(&size.codegen.times));
        for size in sizes.iter().skip(1) {
            let n_ratio = size.n as f64 / smallest as f64;
            let cell = |time: Duration, base: Option<Duration>| match base {
                Some(base) => {
                    let growth = ratio(time, base);
                    format!("{growth:.1}× (k = {:.2})", exponent(growth, n_ratio))
                }
                None => "—".to_owned(),
            };
            let _ = write!(
                out,
                "| {} | {n_ratio:.0}× | {} |",
                format_count(size.n),
                cell(median(&size.codegen.times), base_codegen)
            );
            for profile in &options.profiles {
                let find = |n: usize| {
                    results
                        .iter()
                        .find(|result| result.n == n && result.profile == *profile)
                };
                for pick in [true, false] {
                    let builds = |result: &ProfileResult| {
                        builds_median(if pick {
                            &result.generated
                        } else {
                            &result.handwritten
                        })
                    };
                    let text = match (find(size.n), find(smallest)) {
                        (Some(now), Some(base)) => cell(builds(now), Some(builds(base))),
                        _ => "—".to_owned(),
                    };
                    let _ = write!(out, " {text} |");
                }
            }
            out.push('\n');
        }
    }

    // Rebuilds.
    let _ = writeln!(out, "\n## Rebuilds of the generated crate\n");
    let _ = writeln!(
        out,
        "`cargo build -v` after a build (the build script must not run), after rewriting one \
         catalog with a new modification time (it must run exactly once), and once more (no-op \
         again).\n"
    );
    let _ = writeln!(
        out,
        "| N | profile | no-op: build script not run | no-op time | rewrite `catalog/<one>.yaml`: build script ran once | rebuild time | next build no-op |"
    );
    let _ = writeln!(out, "|---:|---|---|---:|---|---:|---|");
    for result in results {
        let checks = &result.checks;
        let _ = writeln!(
            out,
            "| {} | {} | {} (ran {}×{}) | {} | {} (ran {}×, {}) | {} | {} (ran {}×) |",
            format_count(result.n),
            result.profile.name(),
            pass(checks.noop_pass()),
            checks.noop_runs,
            if checks.noop_fresh {
                ", fresh"
            } else {
                ", not fresh"
            },
            format_duration(checks.noop_time),
            pass(checks.touch_pass()),
            checks.touch_runs,
            checks.touched,
            format_duration(checks.touch_time),
            pass(checks.settle_pass()),
            checks.settle_runs
        );
    }

    // Targets.
    if let Some(largest) = sizes.last() {
        let _ = writeln!(out, "\n## Against the targets\n");
        let at = if largest.n == 10_000 {
            "at N = 10,000".to_owned()
        } else {
            format!(
                "at N = {} (the targets are stated for N = 10,000)",
                format_count(largest.n)
            )
        };
        let in_process = median(&largest.codegen.times);
        let _ = writeln!(
            out,
            "- Codegen under 1 s {at}: in process {} — {}",
            format_duration(in_process),
            met(in_process < Duration::from_secs(1))
        );
        for result in results.iter().filter(|result| result.n == largest.n) {
            if let Some(codegen) = builds_codegen(&result.generated) {
                let _ = writeln!(
                    out,
                    "  - in the build script ({} build): {} — {}",
                    result.profile.name(),
                    format_duration(codegen),
                    met(codegen < Duration::from_secs(1))
                );
            }
        }
        for result in results.iter().filter(|result| result.n == largest.n) {
            let limit = match result.profile {
                Profile::Debug => 0.5,
                Profile::Release => 0.25,
            };
            let value = ratio(
                builds_median(&result.generated),
                builds_median(&result.handwritten),
            );
            let _ = writeln!(
                out,
                "- Clean build {at}, {}: generated / hand-written = {value:.2}× (target ≤ {limit}×) — {}",
                result.profile.name(),
                met(value <= limit)
            );
        }
        if sizes.len() > 1 {
            let n_ratio = largest.n as f64 / smallest as f64;
            let mut worst: Option<(f64, String)> = None;
            let mut consider = |k: f64, what: String| {
                if worst.as_ref().is_none_or(|(old, _)| k > *old) {
                    worst = Some((k, what));
                }
            };
            if let Some(base) = sizes.first() {
                consider(
                    exponent(
                        ratio(median(&largest.codegen.times), median(&base.codegen.times)),
                        n_ratio,
                    ),
                    "codegen".to_owned(),
                );
            }
            for profile in &options.profiles {
                let find = |n: usize| {
                    results
                        .iter()
                        .find(|result| result.n == n && result.profile == *profile)
                };
                if let (Some(now), Some(base)) = (find(largest.n), find(smallest)) {
                    consider(
                        exponent(
                            ratio(
                                builds_median(&now.generated),
                                builds_median(&base.generated),
                            ),
                            n_ratio,
                        ),
                        format!("generated {} build", profile.name()),
                    );
                }
            }
            if let Some((k, what)) = worst {
                let _ = writeln!(
                    out,
                    "- Growth no worse than linear (N = {} → {}): largest exponent k = {k:.2} ({what}) — {}",
                    format_count(smallest),
                    format_count(largest.n),
                    met(k <= 1.05)
                );
            }
        }
        let all_checks = results.iter().all(|result| result.checks.pass());
        let _ = writeln!(
            out,
            "- No-op rebuild does not run the build script; rewriting one catalog runs it once: {}",
            pass(all_checks)
        );
    }
    if !failures.is_empty() {
        let _ = writeln!(out, "\n## Failed steps\n");
        for (n, profile, error) in failures {
            let _ = writeln!(
                out,
                "- N = {}, {}:\n\n  ```text\n{}\n  ```",
                format_count(*n),
                profile.name(),
                error
                    .lines()
                    .map(|line| format!("  {line}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
    out
}
