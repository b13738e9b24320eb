//! The README's Rust code blocks as doctests, so the README cannot drift from the code.
//!
//! The build script copies `README.md` into `OUT_DIR` and gives the blocks that need them the
//! surroundings a reader can infer (a `main` returning `Result`, the client a snippet uses, the
//! type it refers to) as hidden lines: the README itself stays as readers see it, and every one
//! of its `rust` blocks is compiled; those that need a network or run as build scripts are
//! compiled without being run. What the build script adds to each block is in `build.rs`.
#![forbid(unsafe_code)]
#![doc = include_str!(concat!(env!("OUT_DIR"), "/README.md"))]
