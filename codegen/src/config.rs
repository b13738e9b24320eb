//! The build-script API, in the style of `prost-build`: collect catalog files, generate one
//! module per provider into `OUT_DIR`, and tell Cargo when to run again.
//!
//! ```no_run
//! // in build.rs, inside `fn main`:
//! errcat_codegen::Config::new()
//!     .catalog_dir("../catalog")
//!     .compile_or_exit();
//! ```
//! and in `src/lib.rs`: `include!(concat!(env!("OUT_DIR"), "/errcat_providers.rs"));`
//!
//! Catalogs are generated in parallel, one thread per core. Cargo compiles build scripts and
//! their dependencies unoptimized by default; even so, 10,000 codes in five catalogs take under
//! 1 s on two cores (see `docs/performance.md`), most of it parsing YAML. Projects with catalogs
//! that large can compile just the YAML parser optimized (compiled once, with the other
//! dependencies):
//!
//! ```toml
//! [profile.dev.package.unsafe-libyaml]
//! opt-level = 3
//! [profile.dev.package.serde_yaml]
//! opt-level = 3
//! ```
//!
//! (and the same under `profile.release`, whose build scripts Cargo compiles unoptimized too).

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostic::Located;
use crate::{emit, expand, load_catalog, parallel, plan};

/// A catalog read and loaded: its name as displayed and its plan, or its problems.
type Loaded = Result<Result<(String, plan::Provider), Vec<Located>>, Failure>;

/// The file that declares one `pub mod` per provider, for `include!`.
pub const INDEX_FILE: &str = "errcat_providers.rs";

pub use crate::ident::INDEX_MODULE;

/// Configures code generation for a set of catalogs.
///
/// # Example
///
/// ```
/// const CATALOG: &str = "\
/// name: Acme Pay
/// envelope:
///   nested_under: error
///   keys: {code: code, message: message}
/// statuses:
///   402: {meaning: Payment Required}
/// codes:
///   card_declined: {status: 402, message: The card was declined.}
/// ";
///
/// let dir = std::env::temp_dir().join(format!("errcat-config-example-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("acme_pay.yaml"), CATALOG)?;
/// errcat_codegen::Config::new()
///     .catalog(dir.join("acme_pay.yaml"))
///     .out_dir(&dir)
///     .emit_rerun_if_changed(false) // outside a build script
///     .compile()?;
/// assert!(dir.join("acme_pay.rs").is_file());
/// assert!(dir.join(errcat_codegen::config::INDEX_FILE).is_file());
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Config {
    files: Vec<PathBuf>,
    dirs: Vec<PathBuf>,
    out_dir: Option<PathBuf>,
    display_root: Option<PathBuf>,
    emit_rerun: bool,
    doc_examples: Option<String>,
}

/// One generated provider module.
///
/// # Example
///
/// ```
/// const CATALOG: &str = "\
/// name: Acme Pay
/// envelope:
///   nested_under: error
///   keys: {code: code, message: message}
/// statuses:
///   402: {meaning: Payment Required}
/// codes:
///   card_declined: {status: 402, message: The card was declined.}
/// ";
///
/// let dir = std::env::temp_dir().join(format!("errcat-generated-example-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("acme_pay.yaml"), CATALOG)?;
/// // In memory: nothing is written.
/// let generated = errcat_codegen::Config::new().catalog_dir(&dir).generate()?;
/// assert_eq!(generated[0].module, "acme_pay");
/// assert!(generated[0].code.contains("pub enum Code"));
/// assert_eq!(generated[0].provider.codes.len(), 1);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Generated {
    /// The module name.
    pub module: String,
    /// The catalog file it came from, as displayed.
    pub source: String,
    /// The validated plan.
    pub provider: plan::Provider,
    /// The formatted Rust source.
    pub code: String,
}

/// Why generation failed.
///
/// # Example
///
/// ```
/// use errcat_codegen::{Config, Failure};
///
/// let failure = Config::new().catalog_dir("no/such/directory").generate().unwrap_err();
/// assert!(matches!(failure, Failure::Io { .. }));
/// assert!(failure.to_string().starts_with("error: cannot read catalog directory no/such/directory"));
/// ```
#[derive(Debug)]
pub enum Failure {
    /// A catalog file or directory could not be read, or output could not be written.
    Io {
        /// What was being done.
        action: String,
        /// The underlying error.
        error: io::Error,
    },
    /// Catalogs have problems: every one of them, located.
    Invalid(Vec<Located>),
    /// `OUT_DIR` is not set and no output directory was configured.
    NoOutDir,
    /// Expansion produced code that does not parse (a bug in errcat).
    Internal(String),
    /// The path given to [`Config::doc_examples`] is not a Rust path of identifiers.
    DocExamplePath {
        /// The path as given.
        path: String,
    },
    /// A catalog file or directory has a name errcat cannot write into a `cargo:` directive or
    /// a generated file: a control character (a newline would end the directive and start
    /// another), or bytes that are not UTF-8.
    UnwritablePath {
        /// The path, with such characters escaped.
        path: String,
    },
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Io { action, error } => write!(f, "error: cannot {action}: {error}"),
            Failure::Invalid(diagnostics) => {
                for (index, diagnostic) in diagnostics.iter().enumerate() {
                    if index > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{diagnostic}")?;
                }
                let count = diagnostics.len();
                write!(f, "\nerror: {count} problem{} in the catalogs", if count == 1 { "" } else { "s" })
            }
            Failure::NoOutDir => f.write_str(
                "error: OUT_DIR is not set; call errcat_codegen from a build script or set Config::out_dir",
            ),
            Failure::Internal(message) => write!(f, "error: {message}"),
            Failure::DocExamplePath { path } => write!(
                f,
                "error: doc examples need the path of the generated modules' parent, such as `my_crate` or `my_crate::errors`, not {path:?}"
            ),
            Failure::UnwritablePath { path } => write!(
                f,
                "error: the catalog path {path} holds a control character or bytes that are not UTF-8; rename it (cargo directives and generated files cannot carry such a name)"
            ),
        }
    }
}

impl std::error::Error for Failure {}

impl Config {
    /// A configuration with no catalogs, writing to `OUT_DIR`.
    pub fn new() -> Config {
        Config {
            emit_rerun: true,
            ..Config::default()
        }
    }

    /// Adds one catalog file.
    pub fn catalog(&mut self, path: impl Into<PathBuf>) -> &mut Config {
        self.files.push(path.into());
        self
    }

    /// Adds every `*.yaml` file of a directory (not recursive). A file added to the directory
    /// later is picked up: the directory itself is watched.
    pub fn catalog_dir(&mut self, path: impl Into<PathBuf>) -> &mut Config {
        self.dirs.push(path.into());
        self
    }

    /// Writes to `dir` instead of `OUT_DIR`.
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Config {
        self.out_dir = Some(dir.into());
        self
    }

    /// Shows catalog paths in diagnostics relative to `root` (e.g. the workspace root, so that
    /// they read `catalog/x.yaml`).
    pub fn display_root(&mut self, root: impl Into<PathBuf>) -> &mut Config {
        self.display_root = Some(root.into());
        self
    }

    /// Gives each provider's `Code`, `ErrorType`, `SubCode`, `Error` and list-item `Item`, and
    /// the index's `AnyProviderError`, an example in their docs, written against the modules at
    /// `parent::<provider>`, so that `cargo test` runs them as doctests: for the index
    /// file included at the root of the crate `my_errors`, `parent` is `"my_errors"`. Off by
    /// default, since a build script cannot know where its output is included. `parent` must be
    /// a Rust path (`my_errors`, `my_errors::providers`); [`Config::generate`] refuses any other
    /// text with [`Failure::DocExamplePath`].
    pub fn doc_examples(&mut self, parent: impl Into<String>) -> &mut Config {
        self.doc_examples = Some(parent.into());
        self
    }

    /// Whether to print `cargo:rerun-if-changed` lines (default: yes).
    pub fn emit_rerun_if_changed(&mut self, emit: bool) -> &mut Config {
        self.emit_rerun = emit;
        self
    }

    /// The catalog files, sorted, with the directories' files expanded.
    pub fn catalog_files(&self) -> Result<Vec<PathBuf>, Failure> {
        let mut files = self.files.clone();
        for dir in &self.dirs {
            let entries = fs::read_dir(dir).map_err(|error| Failure::Io {
                action: format!("read catalog directory {}", dir.display()),
                error,
            })?;
            for entry in entries {
                let path = entry
                    .map_err(|error| Failure::Io {
                        action: format!("read catalog directory {}", dir.display()),
                        error,
                    })?
                    .path();
                if path
                    .extension()
                    .is_some_and(|ext| ext == "yaml" || ext == "yml")
                    && path.is_file()
                {
                    files.push(path);
                }
            }
        }
        files.sort();
        files.dedup();
        for path in self.dirs.iter().chain(&files) {
            check_writable_path(path)?;
        }
        Ok(files)
    }

    fn display(&self, path: &Path) -> String {
        let shown = match &self.display_root {
            Some(root) => path.strip_prefix(root).unwrap_or(path),
            None => path,
        };
        shown.to_string_lossy().replace('\\', "/")
    }

    /// Loads, validates and expands every catalog, in memory. Reports every problem of every
    /// catalog, plus providers that two files both define. Catalogs are processed in parallel
    /// (one thread per core); results and diagnostics keep the order of the files.
    pub fn generate(&self) -> Result<Vec<Generated>, Failure> {
        if let Some(path) = &self.doc_examples {
            if !is_rust_path(path) {
                return Err(Failure::DocExamplePath { path: path.clone() });
            }
        }
        let files = self.catalog_files()?;
        let outcomes = parallel::in_two_stages(
            &files,
            |path| self.load_one(path),
            |loaded| match loaded {
                Ok(Ok((shown, provider))) => self.expand_one(shown, provider).map(Ok),
                Ok(Err(found)) => Ok(Err(found)),
                Err(failure) => Err(failure),
            },
        );
        let mut problems = Vec::new();
        let mut generated = Vec::new();
        let mut modules: BTreeMap<String, String> = BTreeMap::new();
        // `AnyProviderError` has a variant per provider, named in UpperCamelCase: `a1` and `a_1`
        // would both give `A1`.
        let mut variants: BTreeMap<String, String> = BTreeMap::new();
        for outcome in outcomes {
            let module = match outcome? {
                Ok(module) => module,
                Err(mut found) => {
                    problems.append(&mut found);
                    continue;
                }
            };
            if let Some(first) = modules.insert(module.module.clone(), module.source.clone()) {
                problems.push(Located {
                    rule: crate::diagnostic::Rule::DuplicateProvider,
                    file: module.source,
                    position: None,
                    message: format!("provider `{}` is also defined by {first}", module.module),
                    help: Some("give each catalog its own `provider` name".to_owned()),
                });
                continue;
            }
            let variant = crate::ident::any_provider_variant(&module.module);
            if let Some(first) = variants.insert(variant.clone(), module.module.clone()) {
                problems.push(Located {
                    rule: crate::diagnostic::Rule::DuplicateProvider,
                    file: module.source,
                    position: None,
                    message: format!(
                        "providers `{first}` and `{}` both give the variant `{variant}` of `AnyProviderError`",
                        module.module
                    ),
                    help: Some("rename one of the two providers".to_owned()),
                });
                continue;
            }
            generated.push(module);
        }
        if problems.is_empty() {
            Ok(generated)
        } else {
            Err(Failure::Invalid(problems))
        }
    }

    /// Reads and loads one catalog (its name as displayed, and its plan): `Err` for I/O
    /// failures, `Ok(Err)` for the catalog's own problems.
    fn load_one(&self, path: &Path) -> Loaded {
        let source = fs::read(path).map_err(|error| Failure::Io {
            action: format!("read catalog {}", path.display()),
            error,
        })?;
        let shown = self.display(path);
        let stem = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(load_catalog(&shown, &source, &stem).map(|provider| (shown, provider)))
    }

    /// Expands and formats one loaded catalog.
    fn expand_one(&self, shown: String, provider: plan::Provider) -> Result<Generated, Failure> {
        let items = expand::provider_items(&provider, self.doc_examples.as_deref());
        let code = emit::format_file(items, &shown).map_err(Failure::Internal)?;
        Ok(Generated {
            module: provider.module.clone(),
            source: shown,
            provider,
            code,
        })
    }

    /// Generates every provider into the output directory, with the index file
    /// [`INDEX_FILE`], writing only files whose content changed.
    pub fn compile(&self) -> Result<Vec<Generated>, Failure> {
        if self.emit_rerun {
            for dir in &self.dirs {
                println!("cargo:rerun-if-changed={}", dir.display());
            }
            for file in self.catalog_files()? {
                println!("cargo:rerun-if-changed={}", file.display());
            }
        }
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(Failure::NoOutDir)?,
        };
        let generated = self.generate()?;
        fs::create_dir_all(&out_dir).map_err(|error| Failure::Io {
            action: format!("create the output directory {}", out_dir.display()),
            error,
        })?;
        for module in &generated {
            write_if_changed(&out_dir.join(format!("{}.rs", module.module)), &module.code)?;
        }
        let index: Vec<(String, Option<String>)> = generated
            .iter()
            .map(|module| {
                let doc = match &module.provider.description {
                    Some(description) => format!("{}\n\n{description}", module.provider.name),
                    None => module.provider.name.clone(),
                };
                (module.module.clone(), Some(doc))
            })
            .collect();
        let first = generated.first().map(|module| &module.provider);
        let items = expand::module_index_items(&index, self.doc_examples.as_deref().zip(first));
        let index_code =
            emit::format_file(items, "the catalog directory").map_err(Failure::Internal)?;
        write_if_changed(&out_dir.join(INDEX_FILE), &index_code)?;
        Ok(generated)
    }

    /// [`Config::compile`] for build scripts: on failure, reports every diagnostic once, on
    /// stderr as rustc does (`error[E…]: …`, then `--> catalog/x.yaml:LINE:COL` and a snippet),
    /// which Cargo shows under the failed build script, and exits with status 1 — no panic, no
    /// backtrace.
    pub fn compile_or_exit(&self) -> Vec<Generated> {
        match self.compile() {
            Ok(generated) => generated,
            Err(Failure::Invalid(diagnostics)) => {
                let root = self.display_root.clone().unwrap_or_default();
                let source = |file: &str| fs::read_to_string(root.join(file)).ok();
                eprint!("{}", crate::report::render(&diagnostics, source, false));
                eprintln!("error: {} problem(s) in the catalogs", diagnostics.len());
                std::process::exit(1);
            }
            Err(failure) => {
                eprintln!("{failure}");
                std::process::exit(1);
            }
        }
    }
}

fn write_if_changed(path: &Path, content: &str) -> Result<(), Failure> {
    if fs::read(path).is_ok_and(|existing| existing == content.as_bytes()) {
        return Ok(());
    }
    fs::write(path, content).map_err(|error| Failure::Io {
        action: format!("write {}", path.display()),
        error,
    })
}

/// A path errcat writes into `cargo:rerun-if-changed` lines and into the generated files'
/// header comments must be UTF-8 without control characters: a newline would end the directive
/// (and a name could then emit directives of its own choosing, `cargo:rustc-env=…`), and a
/// lossy rendering would name another file.
fn check_writable_path(path: &Path) -> Result<(), Failure> {
    match path.to_str() {
        Some(text) if !text.chars().any(char::is_control) => Ok(()),
        _ => Err(Failure::UnwritablePath {
            path: format!("{:?}", path.to_string_lossy()),
        }),
    }
}

/// Whether `path` is a Rust path of identifiers (`a`, `a::b`), none of them a keyword: what
/// `use <path>::<provider>::Code;` accepts in a doctest.
fn is_rust_path(path: &str) -> bool {
    path.split("::")
        .all(|segment| syn::parse_str::<syn::Ident>(segment).is_ok_and(|ident| ident == segment))
}
