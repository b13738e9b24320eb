//! Providers generated from the test catalogs in `tests/catalogs/`, compiled under
//! `#![deny(warnings)]` so that any warning in generated code fails the build; and the bodies of
//! the fuzz targets ([`fuzz`]).
#![forbid(unsafe_code)]
#![deny(warnings, missing_docs)]

include!(concat!(env!("OUT_DIR"), "/errcat_providers.rs"));

pub mod fuzz;
