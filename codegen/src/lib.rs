//! errcat-codegen: turns YAML catalogs of API error codes into Rust.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`yaml`]: parse text into a [`tree::Node`] (the only module that uses `serde_yaml`);
//! 2. [`read`]: read the tree into the [`model`], recording every problem in [`diagnostic`];
//! 3. [`validate`]: check rules across the catalog and resolve defaults into a [`plan`];
//! 4. [`expand`]: turn the plan into tokens (`quote`), named by [`ident`];
//! 5. [`emit`]: format with prettyplease (the parts that grow with the catalog are written as
//!    text directly, by the private `text` module);
//! 6. [`config`]: the build-script API that runs it all over catalog files.
//!
//! `#[derive(ApiError)]` (the `errcat-derive` crate) is a second front end over the same model,
//! rules and expansion; [`derived`] and [`template`] hold what only a Rust type has.
//!
//! # Features
//!
//! - `build-script` (default): catalog files — the YAML front end ([`yaml`], [`read`],
//!   [`load_catalog`], the check of a catalog's examples), the expansion of a catalog's module,
//!   formatting with prettyplease ([`emit::format_file`]), the build-script API ([`Config`]) and
//!   its reports ([`report`]). The derive turns it off, so it compiles neither `serde_yaml` nor
//!   `prettyplease`.
//!
//! A build script needs [`Config`] (or [`load_catalog`] to check a catalog in memory); each has
//! an example. The stage modules are public because `errcat-derive` and `errcat-cli` build on
//! them; their types are the catalog model and plan those crates share.
//!
//! The `errcat` command's tooling (reference pages, semver diffs, the JSON Schema, scaffolding)
//! lives in the `errcat-cli` crate.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "build-script")]
#[cfg_attr(docsrs, doc(cfg(feature = "build-script")))]
pub mod config;
pub mod derived;
pub mod diagnostic;
pub mod emit;
pub mod expand;
pub mod ident;
#[cfg(feature = "build-script")]
mod identify;
pub mod model;
#[cfg(feature = "build-script")]
mod parallel;
pub mod plan;
#[cfg(feature = "build-script")]
#[cfg_attr(docsrs, doc(cfg(feature = "build-script")))]
pub mod read;
#[cfg(feature = "build-script")]
#[cfg_attr(docsrs, doc(cfg(feature = "build-script")))]
pub mod report;
pub mod template;
mod text;
pub mod tree;
pub mod validate;
#[cfg(feature = "build-script")]
#[cfg_attr(docsrs, doc(cfg(feature = "build-script")))]
pub mod wire_table;
#[cfg(feature = "build-script")]
#[cfg_attr(docsrs, doc(cfg(feature = "build-script")))]
pub mod yaml;

#[cfg(feature = "build-script")]
pub use config::{Config, Failure, Generated};

#[cfg(feature = "build-script")]
use diagnostic::{Diagnostics, Located, Rule};

#[cfg(feature = "build-script")]
#[cfg_attr(docsrs, doc(cfg(feature = "build-script")))]
/// Loads one catalog: parse, read, validate. `file` is how diagnostics name the file;
/// `default_provider` is the module name when the catalog has no `provider` key.
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
/// let provider = errcat_codegen::load_catalog("catalog/acme_pay.yaml", CATALOG.as_bytes(), "acme_pay")
///     .expect("a valid catalog");
/// assert_eq!((provider.module.as_str(), provider.name.as_str()), ("acme_pay", "Acme Pay"));
/// assert_eq!(provider.codes[0].wire, "card_declined");
/// assert_eq!(provider.codes[0].status(), Some(402));
///
/// // Every problem of a broken catalog, located.
/// let broken = CATALOG.replace("status: 402", "status: 200");
/// let problems = errcat_codegen::load_catalog("catalog/acme_pay.yaml", broken.as_bytes(), "acme_pay")
///     .unwrap_err();
/// assert_eq!(problems[0].position.map(|at| at.line), Some(8));
/// assert!(problems[0].to_string().starts_with("catalog/acme_pay.yaml:8:"));
/// ```
pub fn load_catalog(
    file: &str,
    source: &[u8],
    default_provider: &str,
) -> Result<plan::Provider, Vec<Located>> {
    let place = |text: &str, found: Diagnostics| -> Vec<Located> {
        let mut placed = Located::place_all(file, text, found.into_vec());
        // In file order, as a reader goes through the catalog (stable: same place, found order).
        placed.sort_by_key(|located| located.position);
        placed
    };
    let Ok(text) = std::str::from_utf8(source) else {
        let valid = source
            .utf8_chunks()
            .next()
            .map_or(0, |chunk| chunk.valid().len());
        let before = String::from_utf8_lossy(&source[..valid]);
        let line = before.matches('\n').count() + 1;
        let column = before.chars().rev().take_while(|c| *c != '\n').count() + 1;
        return Err(vec![Located {
            rule: Rule::Encoding,
            file: file.to_owned(),
            position: Some(yaml::Position { line, column }),
            message: "the catalog is not valid UTF-8".to_owned(),
            help: Some("save the file as UTF-8".to_owned()),
        }]);
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut root = match yaml::parse(text) {
        Ok(root) => root,
        Err(error) => {
            return Err(vec![Located {
                rule: Rule::Syntax,
                file: file.to_owned(),
                position: error.position,
                message: format!("invalid YAML: {}", error.message),
                help: None,
            }]);
        }
    };
    let mut diagnostics = Diagnostics::default();
    for repeated in tree::drop_repeated_keys(&mut root) {
        diagnostics.at(
            Rule::Syntax,
            &repeated.path,
            format!("duplicate key `{}`", repeated.key),
            Some("a key may appear once in a mapping; remove or rename one of them".to_owned()),
        );
    }
    let Some(catalog) = read::catalog(&root, default_provider, &mut diagnostics) else {
        return Err(place(text, diagnostics));
    };
    match validate::check(&catalog, &mut diagnostics) {
        Some(provider) if diagnostics.is_empty() => Ok(provider),
        _ => Err(place(text, diagnostics)),
    }
}
