//! Compiles `catalog/payments.yaml`, the YAML twin of `PaymentError`; and, for the semver test
//! (`tests/semver.rs`), `semver/base.yaml` and one new version of it per compatible change in
//! `semver/changes.txt`, each into a module of its own (`errcat_downstream::semver::<change>`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    errcat_codegen::Config::new()
        .catalog_dir("catalog")
        .compile_or_exit();
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    semver_versions(&out_dir.join("semver"));
}

/// Writes and compiles every version; `semver/modules.rs` declares their modules and
/// `semver/each_change.rs` a macro over them.
fn semver_versions(dir: &Path) {
    println!("cargo:rerun-if-changed=semver");
    let base = read("semver/base.yaml");
    let changes = read("semver/changes.txt");
    let mut versions = vec![("base".to_owned(), base.clone())];
    for block in changes.split("\n== ").skip(1) {
        let (name, ops) = block.split_once('\n').unwrap_or((block, ""));
        versions.push((name.trim().to_owned(), apply(&base, name, ops)));
    }
    let mut modules = String::new();
    let mut each = String::from(
        "/// Runs `$check!(change, module)` for every changed version.\n\
         #[allow(unused_macros)]\nmacro_rules! each_change {\n    ($check:ident) => {\n",
    );
    for (name, text) in &versions {
        let version_dir = dir.join(name);
        std::fs::create_dir_all(&version_dir).unwrap_or_else(|error| fail(&error.to_string()));
        write(&version_dir.join("pay.yaml"), text);
        let mut config = errcat_codegen::Config::new();
        config.catalog(version_dir.join("pay.yaml"));
        config.out_dir(&version_dir).emit_rerun_if_changed(false);
        config.compile_or_exit();
        let _ = writeln!(
            modules,
            "/// `semver/base.yaml`{}.\npub mod {name} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/semver/{name}/errcat_providers.rs\"));\n}}",
            if name == "base" { String::new() } else { format!(" with the change `{name}`") }
        );
        if name != "base" {
            let _ = writeln!(
                each,
                "        $check!({name}, errcat_downstream::semver::{name});"
            );
        }
    }
    each.push_str("    };\n}\n");
    write(&dir.join("modules.rs"), &modules);
    write(&dir.join("each_change.rs"), &each);
}

/// `base` with one block of `changes.txt` applied (see the file's header).
fn apply(base: &str, name: &str, ops: &str) -> String {
    let mut lines: Vec<String> = base.lines().map(str::to_owned).collect();
    let mut cursor: Option<usize> = None;
    let find = |lines: &[String], wanted: &str| {
        let found: Vec<usize> = (0..lines.len())
            .filter(|index| lines[*index] == wanted)
            .collect();
        match found.as_slice() {
            [index] => *index,
            _ => fail(&format!(
                "change `{name}`: `{wanted}` occurs {} times",
                found.len()
            )),
        }
    };
    for op in ops.lines().filter(|line| !line.trim().is_empty()) {
        let (kind, line) = op.split_at(op.len().min(2));
        match kind {
            "- " => {
                let index = find(&lines, line);
                lines.remove(index);
                cursor = Some(index);
            }
            "@ " => cursor = Some(find(&lines, line) + 1),
            "+ " => {
                let at = cursor.unwrap_or_else(|| fail(&format!("change `{name}`: `+` first")));
                lines.insert(at, line.to_owned());
                cursor = Some(at + 1);
            }
            _ => fail(&format!("change `{name}`: cannot read `{op}`")),
        }
    }
    lines.join("\n") + "\n"
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| fail(&format!("{path}: {error}")))
}

fn write(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|error| fail(&error.to_string()));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}
