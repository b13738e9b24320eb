//! The subcommands, as functions from arguments to output: `main` only prints.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use errcat_cli::{diff, docs, schema};
use errcat_codegen::diagnostic::Located;
use errcat_codegen::{report, Config, Failure, Generated};

/// What a command prints and its exit status.
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub status: u8,
}

impl Output {
    fn ok(stdout: String) -> Output {
        Output {
            stdout,
            stderr: String::new(),
            status: 0,
        }
    }
}

/// The directory `errcat check` reads when given no path.
pub const DEFAULT_CATALOG_DIR: &str = "catalog";

/// `count word`, with the word plural unless the count is one (`1 code`, `2 codes`).
fn counted(count: usize, word: &str) -> String {
    format!("{count} {word}{}", if count == 1 { "" } else { "s" })
}

/// Loads and validates the catalogs under `paths` (files or directories).
fn generate(paths: &[PathBuf]) -> Result<Result<Vec<Generated>, Vec<Located>>, String> {
    let mut config = Config::new();
    config.emit_rerun_if_changed(false);
    for path in paths {
        if path.is_dir() {
            config.catalog_dir(path);
        } else if path.is_file() {
            config.catalog(path);
        } else if path == Path::new(DEFAULT_CATALOG_DIR) {
            return Err(format!(
                "no `{DEFAULT_CATALOG_DIR}` directory here: run errcat where the catalogs' directory is, or name catalog files or directories (`errcat check path/to/catalog`)"
            ));
        } else {
            return Err(format!(
                "{} is neither a catalog file nor a directory",
                path.display()
            ));
        }
    }
    match config.generate() {
        Ok(generated) => Ok(Ok(generated)),
        Err(Failure::Invalid(diagnostics)) => Ok(Err(diagnostics)),
        Err(failure) => Err(failure.to_string().trim_start_matches("error: ").to_owned()),
    }
}

/// Every diagnostic rendered rustc-style, with a closing count; exit status 1.
fn problems(diagnostics: &[Located], color: bool) -> Output {
    // Read lossily: a file that is not UTF-8 still shows where its bad byte is.
    let source = |file: &str| {
        fs::read(file)
            .ok()
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
    };
    let mut stderr = report::render(diagnostics, source, color);
    let count = diagnostics.len();
    stderr.push_str(&format!(
        "error: {count} problem{} found\n",
        if count == 1 { "" } else { "s" }
    ));
    Output {
        stdout: String::new(),
        stderr,
        status: 1,
    }
}

/// `errcat check`.
pub fn check(paths: &[PathBuf], color: bool) -> Result<Output, String> {
    let generated = match generate(paths)? {
        Ok(generated) => generated,
        Err(diagnostics) => return Ok(problems(&diagnostics, color)),
    };
    let mut stdout = String::new();
    // Columns as wide as their longest entry, so that every line lines up.
    let module_width = generated
        .iter()
        .map(|module| module.module.chars().count())
        .max()
        .unwrap_or(0);
    let source_width = generated
        .iter()
        .map(|module| module.source.chars().count() + 1)
        .max()
        .unwrap_or(0);
    for module in &generated {
        let provider = &module.provider;
        let source = format!("{}:", module.source);
        stdout.push_str(&format!(
            "ok  {:<module_width$}  {source:<source_width$} {}, {}, {} checked\n",
            provider.module,
            counted(provider.codes.len(), "code"),
            counted(provider.types.len(), "type"),
            counted(provider.examples.len(), "example"),
        ));
    }
    let codes: usize = generated
        .iter()
        .map(|module| module.provider.codes.len())
        .sum();
    stdout.push_str(&format!(
        "{}, {}: no problems\n",
        counted(generated.len(), "catalog"),
        counted(codes, "code")
    ));
    Ok(Output::ok(stdout))
}

/// `errcat expand`.
pub fn expand(catalog: &Path, color: bool) -> Result<Output, String> {
    match generate(&[catalog.to_path_buf()])? {
        Ok(generated) => Ok(Output::ok(
            generated.into_iter().map(|module| module.code).collect(),
        )),
        Err(diagnostics) => Ok(problems(&diagnostics, color)),
    }
}

/// `errcat docs`.
pub fn docs(catalogs: &[PathBuf], out: Option<&Path>, color: bool) -> Result<Output, String> {
    let generated = match generate(catalogs)? {
        Ok(generated) => generated,
        Err(diagnostics) => return Ok(problems(&diagnostics, color)),
    };
    let mut stdout = String::new();
    for module in &generated {
        let page = docs::render(&module.provider);
        match out {
            Some(dir) => {
                fs::create_dir_all(dir)
                    .map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
                let file = dir.join(format!("{}.md", module.module));
                fs::write(&file, page)
                    .map_err(|error| format!("cannot write {}: {error}", file.display()))?;
                stdout.push_str(&format!("wrote {}\n", file.display()));
            }
            None => stdout.push_str(&page),
        }
    }
    Ok(Output::ok(stdout))
}

/// Reads one side of a diff: a file, or `REVISION:path` from git.
fn read_version(spec: &str) -> Result<(String, Vec<u8>), String> {
    if Path::new(spec).is_file() {
        return fs::read(spec)
            .map(|bytes| (spec.to_owned(), bytes))
            .map_err(|error| format!("cannot read {spec}: {error}"));
    }
    let Some((revision, path)) = spec.split_once(':') else {
        return Err(format!("{spec} is neither a file nor `REVISION:path`"));
    };
    let output = Command::new("git")
        .args(["show", &format!("{revision}:{path}")])
        .output()
        .map_err(|error| format!("cannot run git: {error}"))?;
    if !output.status.success() {
        let reason = String::from_utf8_lossy(&output.stderr);
        return Err(format!("git cannot show {spec}: {}", reason.trim()));
    }
    Ok((spec.to_owned(), output.stdout))
}

/// `errcat diff`: exit status 2 when a change is breaking. Both versions are read as one
/// provider: `provider`, else the new version's file name, names a catalog without a `provider`
/// key (so `paygate.old.yaml` against `paygate.yaml` compares the provider `paygate`).
pub fn diff(old: &str, new: &str, provider: Option<&str>, color: bool) -> Result<Output, String> {
    let stem = |spec: &str| {
        Path::new(spec.rsplit(':').next().unwrap_or(spec))
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let default_provider = provider.map_or_else(|| stem(new), str::to_owned);
    let load =
        |spec: &str| -> Result<Result<errcat_codegen::plan::Provider, Vec<Located>>, String> {
            let (name, bytes) = read_version(spec)?;
            Ok(errcat_codegen::load_catalog(
                &name,
                &bytes,
                &default_provider,
            ))
        };
    let (old_plan, new_plan) = match (load(old)?, load(new)?) {
        (Ok(old_plan), Ok(new_plan)) => (old_plan, new_plan),
        (old_result, new_result) => {
            let diagnostics: Vec<Located> = [old_result.err(), new_result.err()]
                .into_iter()
                .flatten()
                .flatten()
                .collect();
            return Ok(problems(&diagnostics, color));
        }
    };
    let changes = diff::compare(&old_plan, &new_plan);
    Ok(Output {
        stdout: diff::report(&changes),
        stderr: String::new(),
        status: if diff::is_breaking(&changes) { 2 } else { 0 },
    })
}

/// `errcat schema`.
pub fn schema() -> Result<Output, String> {
    let text = serde_json::to_string_pretty(&schema::catalog_schema())
        .map_err(|error| error.to_string())?;
    Ok(Output::ok(text + "\n"))
}

/// `errcat new`.
pub fn new(provider: &str) -> Result<Output, String> {
    errcat_cli::scaffold::catalog(provider).map(Output::ok)
}
