//! `errcat`: check, expand, document, diff, describe and scaffold error catalogs.
#![forbid(unsafe_code)]

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod commands;

/// Work with errcat error catalogs (`catalog/<provider>.yaml`).
#[derive(Parser)]
#[command(name = "errcat", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate catalogs and report every problem; prints a summary per catalog when all is well.
    Check {
        /// Catalog files or directories of them (default: `./catalog`).
        #[arg(default_value = commands::DEFAULT_CATALOG_DIR)]
        paths: Vec<PathBuf>,
    },
    /// Print the Rust a catalog generates (what the build script writes).
    Expand {
        /// The catalog file.
        catalog: PathBuf,
    },
    /// Write a Markdown error reference per provider.
    Docs {
        /// Catalog files or directories of them.
        #[arg(required = true)]
        catalogs: Vec<PathBuf>,
        /// Write `<provider>.md` files here instead of printing.
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
    /// Show what changed between two versions of a catalog, classified for semver
    /// (exit status 2 when a change is breaking). Each side is a file or `REVISION:path`.
    /// The two versions are the same provider: a catalog without a `provider` key is named
    /// after the new version's file (or `--provider`), whatever the old file is called.
    Diff {
        /// The old version (e.g. `HEAD~1:catalog/vaultspay.yaml`, or `vaultspay.old.yaml`).
        old: String,
        /// The new version (e.g. `catalog/vaultspay.yaml`).
        new: String,
        /// The provider both versions describe, for catalogs without a `provider` key
        /// (default: the new version's file name).
        #[arg(long)]
        provider: Option<String>,
    },
    /// Print the JSON Schema of the catalog format.
    Schema,
    /// Print a new catalog with every key explained, to start a provider from.
    New {
        /// The provider's module name (snake_case), e.g. `acme_pay`.
        provider: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let outcome = match cli.command {
        Command::Check { paths } => commands::check(&paths, color),
        Command::Expand { catalog } => commands::expand(&catalog, color),
        Command::Docs { catalogs, out } => commands::docs(&catalogs, out.as_deref(), color),
        Command::Diff { old, new, provider } => {
            commands::diff(&old, &new, provider.as_deref(), color)
        }
        Command::Schema => commands::schema(),
        Command::New { provider } => commands::new(&provider),
    };
    match outcome {
        Ok(output) => {
            print!("{}", output.stdout);
            eprint!("{}", output.stderr);
            ExitCode::from(output.status)
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}
