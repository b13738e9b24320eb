//! The real `errcat` binary on good and bad catalogs, its output compared with snapshots.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// `errcat` run from the workspace root, as the README runs it.
fn errcat() -> Command {
    let mut command = Command::cargo_bin("errcat").unwrap();
    command.current_dir(workspace()).env_remove("NO_COLOR");
    command
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_summarizes_every_catalog() {
    let output = errcat().args(["check", "catalog/"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    // One line per catalog, then the totals, whatever catalogs there are.
    let files = errcat_codegen::Config::new()
        .catalog_dir(workspace().join("catalog"))
        .catalog_files()
        .unwrap();
    let mut codes = 0;
    for file in &files {
        let stem = file.file_stem().unwrap().to_str().unwrap();
        let plan = errcat_codegen::load_catalog("x", &fs::read(file).unwrap(), stem).unwrap();
        codes += plan.codes.len();
        let source = format!("catalog/{stem}.yaml:");
        let counts = format!(" {} code", plan.codes.len());
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with("ok  ") && l.contains(&source) && l.contains(&counts)),
            "{source} … {counts} in {stdout}"
        );
    }
    assert!(
        stdout.ends_with(&format!(
            "{} catalogs, {codes} codes: no problems\n",
            files.len()
        )),
        "{stdout}"
    );
    // The columns line up, however long a provider's name is.
    let column_starts = |find: &dyn Fn(&str) -> usize| -> std::collections::BTreeSet<usize> {
        stdout
            .lines()
            .filter(|line| line.starts_with("ok  "))
            .map(find)
            .collect()
    };
    let sources = column_starts(&|line| line.find("catalog/").unwrap());
    let counts = column_starts(&|line| {
        let after = line.find(".yaml:").unwrap() + ".yaml:".len();
        after + line[after..].len() - line[after..].trim_start().len()
    });
    assert_eq!((sources.len(), counts.len()), (1, 1), "{stdout}");
    // The lines of the five seed catalogs pin the layout.
    let seeds: String = stdout
        .lines()
        .filter(|line| {
            [
                "licensekey",
                "vaultspay",
                "verification",
                "vivamo",
                "vrp_billing",
            ]
            .iter()
            .any(|seed| line.contains(&format!("catalog/{seed}.yaml")))
        })
        .map(|line| format!("{line}\n"))
        .collect();
    insta::assert_snapshot!("check_seed_catalogs", seeds);
    // The default path is catalog/.
    let default = errcat().arg("check").output().unwrap();
    assert_eq!(text(&default.stdout), stdout);
}

#[test]
fn check_counts_in_words_and_says_what_is_missing() {
    let output = errcat()
        .args(["check", "catalog/twilio.yaml"])
        .output()
        .unwrap();
    let stdout = text(&output.stdout);
    assert!(
        stdout.ends_with("1 catalog, 109 codes: no problems\n"),
        "{stdout}"
    );
    // Without a path, in a directory without `catalog/`.
    let dir = tempdir("no-catalog");
    let output = errcat().arg("check").current_dir(&dir).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "error: no `catalog` directory here: run errcat where the catalogs' directory is, or name catalog files or directories (`errcat check path/to/catalog`)\n"
    );
}

#[test]
fn check_reports_every_rule_like_rustc() {
    let bad = workspace().join("codegen/tests/bad");
    let mut cases: Vec<PathBuf> = fs::read_dir(&bad)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    cases.sort();
    let mut codes_seen = std::collections::BTreeSet::new();
    for case in &cases {
        let relative = case
            .strip_prefix(workspace())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let output = errcat().args(["check", &relative]).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{relative}");
        assert!(output.stdout.is_empty(), "{relative}");
        let stderr = text(&output.stderr);
        assert!(
            !stderr.contains('\u{1b}'),
            "piped output must be plain: {relative}"
        );
        for line in stderr.lines().filter(|line| line.starts_with("error[")) {
            codes_seen.insert(line[6..11].to_owned());
        }
        let name = case.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(format!("check_{name}"), stderr);
    }
    // One case at least per rule a single catalog can break (E0302, a code without a status,
    // is the derive's only: a catalog code may leave its status to the response).
    for code in [
        "E0001", "E0002", "E0101", "E0102", "E0103", "E0104", "E0201", "E0301", "E0401", "E0402",
        "E0501", "E0502", "E0503", "E0504", "E0601",
    ] {
        assert!(codes_seen.contains(code), "no bad catalog shows {code}");
    }
}

#[test]
fn check_reports_a_provider_defined_twice() {
    let dir = tempdir("twice");
    let catalog = fs::read_to_string(workspace().join("catalog/vaultspay.yaml")).unwrap();
    fs::write(dir.join("a.yaml"), &catalog).unwrap();
    fs::write(dir.join("b.yaml"), &catalog).unwrap();
    let output = errcat().arg("check").arg(&dir).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("error[E0701]: provider `vaultspay` is also defined by"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn expand_prints_what_the_build_script_writes() {
    let output = errcat()
        .args(["expand", "catalog/vaultspay.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let expected = errcat_codegen::Config::new()
        .catalog(workspace().join("catalog/vaultspay.yaml"))
        .display_root(workspace())
        .emit_rerun_if_changed(false)
        .generate()
        .unwrap();
    assert_eq!(text(&output.stdout), expected[0].code);
}

#[test]
fn docs_write_one_page_per_provider() {
    let dir = tempdir("docs");
    let output = errcat()
        .args(["docs", "catalog/", "-o"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let files = errcat_codegen::Config::new()
        .catalog_dir(workspace().join("catalog"))
        .catalog_files()
        .unwrap();
    assert!(files.len() >= 5, "{files:?}");
    for file in &files {
        let provider = file.file_stem().unwrap().to_str().unwrap();
        let page = fs::read_to_string(dir.join(format!("{provider}.md"))).unwrap();
        let source = fs::read(workspace().join(format!("catalog/{provider}.yaml"))).unwrap();
        let plan = errcat_codegen::load_catalog("x", &source, provider).unwrap();
        assert_eq!(page, errcat_cli::docs::render(&plan), "{provider}");
    }
    let printed = errcat()
        .args(["docs", "catalog/vivamo.yaml"])
        .output()
        .unwrap();
    assert_eq!(
        text(&printed.stdout),
        fs::read_to_string(dir.join("vivamo.md")).unwrap()
    );
}

#[test]
fn diff_classifies_and_sets_the_exit_status() {
    let dir = tempdir("diff");
    let old = fs::read_to_string(workspace().join("catalog/vaultspay.yaml")).unwrap();
    fs::write(dir.join("old.yaml"), &old).unwrap();
    let compatible = old.replace(
        "message: \"Invalid API key.\"",
        "message: \"The API key is invalid.\"",
    );
    assert_ne!(compatible, old, "the fixture edit must apply");
    fs::write(dir.join("compatible.yaml"), &compatible).unwrap();
    let breaking = old.replace("    status: 422", "    status: 400");
    assert_ne!(breaking, old, "the fixture edit must apply");
    fs::write(dir.join("breaking.yaml"), &breaking).unwrap();

    let same = errcat()
        .arg("diff")
        .arg(dir.join("old.yaml"))
        .arg(dir.join("old.yaml"))
        .output()
        .unwrap();
    assert_eq!(same.status.code(), Some(0));
    let output = errcat()
        .arg("diff")
        .arg(dir.join("old.yaml"))
        .arg(dir.join("compatible.yaml"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    assert!(
        text(&output.stdout).contains("compatible"),
        "{}",
        text(&output.stdout)
    );
    let output = errcat()
        .arg("diff")
        .arg(dir.join("old.yaml"))
        .arg(dir.join("breaking.yaml"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stdout));
    assert!(
        text(&output.stdout).contains("breaking"),
        "{}",
        text(&output.stdout)
    );
}

#[test]
fn diff_compares_one_provider_whatever_the_files_are_called() {
    let dir = tempdir("diff-names");
    let catalog = fs::read_to_string(workspace().join("catalog/vaultspay.yaml")).unwrap();
    let unnamed: String = catalog
        .lines()
        .filter(|line| !line.starts_with("provider:"))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_ne!(unnamed, catalog, "the fixture has a provider key to remove");
    // `paygate.old.yaml` was refused (`paygate.old` is no module name) and `paygate_old.yaml`
    // was reported as a renamed module: both are the provider of the new file's name.
    for old in ["paygate.old.yaml", "paygate_old.yaml"] {
        fs::write(dir.join(old), &unnamed).unwrap();
    }
    fs::write(dir.join("paygate.yaml"), &unnamed).unwrap();
    for old in ["paygate.old.yaml", "paygate_old.yaml"] {
        let output = errcat()
            .arg("diff")
            .arg(dir.join(old))
            .arg(dir.join("paygate.yaml"))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        assert_eq!(text(&output.stdout), "no changes\n");
    }
    // Files named after neither: `--provider` names it.
    fs::write(dir.join("before.yaml"), &unnamed).unwrap();
    fs::write(dir.join("after-1.yaml"), &unnamed).unwrap();
    let output = errcat()
        .arg("diff")
        .arg(dir.join("before.yaml"))
        .arg(dir.join("after-1.yaml"))
        .args(["--provider", "paygate"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "no changes\n");
}

#[test]
fn diff_reads_git_revisions() {
    let in_git = std::process::Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(workspace())
        .output();
    if !in_git.is_ok_and(|output| output.status.success()) {
        return; // Not a git checkout (e.g. a source tarball): nothing to read revisions from.
    }
    let output = errcat()
        .args([
            "diff",
            "HEAD:catalog/vrp_billing.yaml",
            "catalog/vrp_billing.yaml",
        ])
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 2)),
        "{}",
        text(&output.stderr)
    );
    let missing = errcat()
        .args(["diff", "HEAD:catalog/nope.yaml", "catalog/vrp_billing.yaml"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        text(&missing.stderr).contains("git cannot show HEAD:catalog/nope.yaml"),
        "{}",
        text(&missing.stderr)
    );
}

#[test]
fn schema_prints_the_committed_schema() {
    let output = errcat().arg("schema").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let committed = fs::read_to_string(workspace().join("catalog/catalog.schema.json")).unwrap();
    assert_eq!(text(&output.stdout), committed);
}

#[test]
fn a_new_catalog_checks_clean() {
    let dir = tempdir("new");
    let output = errcat().args(["new", "acme_pay"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    fs::write(dir.join("acme_pay.yaml"), &output.stdout).unwrap();
    let check = errcat()
        .arg("check")
        .arg(dir.join("acme_pay.yaml"))
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(
        text(&check.stdout).contains("ok  acme_pay"),
        "{}",
        text(&check.stdout)
    );
}

#[test]
fn help_lists_every_command() {
    let output = errcat().arg("--help").output().unwrap();
    insta::assert_snapshot!("help", text(&output.stdout));
}

/// A fresh directory under the target's temp dir.
fn tempdir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}
