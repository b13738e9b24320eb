//! Typed errors for every provider catalog in the workspace's `catalog/` directory.
//!
//! The build script compiles each `catalog/<provider>.yaml` into a module `<provider>` with:
//! `Code` (one variant per documented code, plus `Unknown`), `ErrorType` (for providers with
//! types), `Error` (one error response: decode, render, inspect), `ENVELOPE`, `STATUSES`,
//! `PROVIDER` and `EXAMPLES`. Adding a YAML file adds a module; no Rust edit is needed.
#![forbid(unsafe_code)]
#![deny(warnings, missing_docs)]

include!(concat!(env!("OUT_DIR"), "/errcat_providers.rs"));
