//! errcat-cli: what only the `errcat` command needs, on top of `errcat-codegen`.
//!
//! The generator (`errcat-codegen`) holds what build scripts and `#[derive(ApiError)]` share:
//! the model, the rules and the expansion. The tooling around a catalog lives here, so neither a
//! build script nor the derive compiles it:
//!
//! - [`docs`]: a Markdown reference page per catalog (`errcat docs`);
//! - [`diff`]: what changed between two versions of a catalog, classified for semver
//!   (`errcat diff`);
//! - [`schema`]: the JSON Schema of the catalog format (`errcat schema`);
//! - [`scaffold`]: a new catalog with every key explained (`errcat new`).
#![forbid(unsafe_code)]

pub mod diff;
pub mod docs;
pub mod scaffold;
pub mod schema;
