//! Providers generated from the test catalogs in `tests/catalogs/`, compiled under
//! `#![deny(warnings)]` so that any warning in generated code fails the build; and the bodies of
//! the fuzz targets ([`fuzz`]).
#![forbid(unsafe_code)]
#![deny(warnings, missing_docs)]

include!(concat!(env!("OUT_DIR"), "/errcat_providers.rs"));

/// The workspace's catalogs (`catalog/`), compiled again here under `deny(warnings)`:
/// `errcat-generated` ships them without denying warnings.
pub mod workspace {
    include!(concat!(env!("OUT_DIR"), "/workspace/errcat_providers.rs"));
}

/// Providers generated from random catalogs that `check` accepts (see `random_catalogs.rs`):
/// names from hostile alphabets, prose from Markdown and rustdoc syntax. That they compile here,
/// under `deny(warnings)`, is the test.
pub mod random {
    include!(concat!(env!("OUT_DIR"), "/random/errcat_providers.rs"));
}

pub mod fuzz;
