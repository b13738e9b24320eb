//! The Markdown error reference pages (`errcat_cli::docs`).
//!
//! Each seed catalog's page is kept in `tests/snapshots/docs__<provider>.snap`. After a change to
//! `cli/src/docs.rs` or a catalog, run
//! `INSTA_UPDATE=always cargo test -p errcat-cli --test docs` and read the new pages as a
//! provider's user would. The other tests pin content a reader relies on.

use std::fs;
use std::path::Path;

use errcat_cli::docs;
use errcat_codegen::load_catalog;
use errcat_codegen::plan::Provider;

/// The file stem of every catalog in `catalog/`, discovered as the build script finds them.
fn catalogs() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalog");
    let files = errcat_codegen::Config::new()
        .catalog_dir(&dir)
        .catalog_files()
        .unwrap_or_else(|failure| panic!("{failure}"));
    let stems: Vec<String> = files
        .iter()
        .map(|file| file.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        stems.len() >= 5,
        "the five seed catalogs at least: {stems:?}"
    );
    stems
}

/// Loads `catalog/<name>.yaml`.
fn seed(name: &str) -> Provider {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../catalog")
        .join(format!("{name}.yaml"));
    let source = fs::read(&path).unwrap_or_else(|error| panic!("read {}: {error}", path.display()));
    load_catalog(&format!("catalog/{name}.yaml"), &source, name).unwrap_or_else(|diagnostics| {
        let shown: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        panic!("catalog/{name}.yaml does not load:\n{}", shown.join("\n"))
    })
}

/// Loads a catalog written in the test.
fn inline(yaml: &str) -> Provider {
    load_catalog("catalog/test.yaml", yaml.as_bytes(), "test").unwrap_or_else(|diagnostics| {
        let shown: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        panic!("the test catalog does not load:\n{}", shown.join("\n"))
    })
}

/// The section of `page` under the heading line `heading`, up to the next heading of any level.
fn section<'a>(page: &'a str, heading: &str) -> &'a str {
    let start = page
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no heading {heading:?} in:\n{page}"));
    let body = &page[start + heading.len() + 2..];
    let end = body.find("\n#").unwrap_or(body.len());
    &body[..end]
}

/// The table row of `page` whose first cell starts with `first`.
fn row<'a>(page: &'a str, first: &str) -> &'a str {
    page.lines()
        .find(|line| line.starts_with(&format!("| {first}")))
        .unwrap_or_else(|| panic!("no table row starting with {first:?} in:\n{page}"))
}

/// The column separators of a table row: pipes not escaped with a backslash.
fn separators(row: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in row.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
    }
    count
}

#[test]
fn page_of_every_catalog() {
    for name in catalogs() {
        insta::assert_snapshot!(name.clone(), docs::render(&seed(&name)));
    }
}

#[test]
fn rate_limit_section_shows_429_and_its_retry_after_header() {
    let page = docs::render(&seed("verification"));
    let rate_limit = section(&page, "### `RATE_LIMIT_EXCEEDED`");
    assert!(
        rate_limit.contains("**Status:** 429 Too Many Requests"),
        "{rate_limit}"
    );
    assert!(rate_limit.contains("`Retry-After`"), "{rate_limit}");
    assert!(
        rate_limit.contains("```http\nX-RateLimit-Limit: 300\nX-RateLimit-Remaining: 0\nX-RateLimit-Reset: 1699900060\nRetry-After: 60\n```"),
        "{rate_limit}"
    );
    assert!(
        rate_limit.contains("    \"retryAfter\": 60\n"),
        "the body is pretty-printed: {rate_limit}"
    );
    let quick = row(&page, "`RATE_LIMIT_EXCEEDED`");
    assert!(quick.contains("| 429 Too Many Requests |"), "{quick}");
    assert!(quick.contains("Retry after `Retry-After`"), "{quick}");
}

#[test]
fn message_identified_page_explains_message_matching() {
    let page = docs::render(&seed("vivamo"));
    assert!(
        page.contains("Vivamo errors carry no error code."),
        "{page}"
    );
    assert!(
        page.contains("exact text of the `message` key (also accepted as `Message`)"),
        "{page}"
    );
    assert!(page.contains("byte for byte"), "{page}");
    assert!(
        page.contains("\n### `This customer already exists`\n"),
        "{page}"
    );
    assert!(page.contains("| Message | Status |"), "{page}");
    // An error is never said to be identified by a `code` key the provider does not send.
    assert!(!page.contains("identified by the `code` key"), "{page}");
}

#[test]
fn pipes_and_line_breaks_do_not_break_table_rows() {
    let provider = inline(
        r#"
name: "Pipe | Co"
envelope:
  keys:
    code: code
    message: message
statuses:
  400:
    meaning: "Bad Request — use a | b"
codes:
  pipe_error:
    status: 400
    message: "Use a | b, not `a||b`"
    user_message: "Choose one |\nor the other"
"#,
    );
    let page = docs::render(&provider);
    let quick = row(&page, "`pipe_error`");
    assert_eq!(separators(quick), 6, "five cells: {quick}");
    assert!(quick.contains("Choose one \\| or the other"), "{quick}");
    let status = row(&page, "400 Bad Request");
    assert_eq!(separators(status), 5, "four cells: {status}");
    assert!(status.contains("| Use a \\| b |"), "{status}");
    let error = section(&page, "### `pipe_error`");
    assert!(
        error.contains("**Message:** `` Use a | b, not `a||b` ``"),
        "{error}"
    );
    assert!(page.starts_with("# Pipe | Co error reference\n"), "{page}");
}

#[test]
fn rendering_is_deterministic() {
    for name in catalogs() {
        let provider = seed(&name);
        let first = docs::render(&provider);
        assert_eq!(first, docs::render(&provider), "{name}: same provider");
        assert_eq!(first, docs::render(&seed(&name)), "{name}: a fresh load");
    }
}

#[test]
fn derived_retry_and_category_are_stated() {
    let provider = inline(
        r#"
name: Derived
envelope:
  nested_under: error
  keys:
    code: code
    message: message
    retry_after: retry_in
statuses:
  503:
    meaning: "Service Unavailable — down"
codes:
  slow_down:
    status: 429
    message: "Too many requests."
  teapot:
    status: 418
    message: "I'm a teapot."
"#,
    );
    let page = docs::render(&provider);
    let slow = section(&page, "### `slow_down`");
    assert!(slow.contains("**Category:** `rate_limited`"), "{slow}");
    assert!(
        slow.contains("(or `retry_in` in the body, in seconds)"),
        "{slow}"
    );
    assert!(
        slow.contains("**User message:** Too many requests. Please try again later. (default for `rate_limited`)"),
        "{slow}"
    );
    let teapot = section(&page, "### `teapot`");
    assert!(teapot.contains("**Status:** 418 I'm a teapot"), "{teapot}");
    assert!(teapot.contains("**Category:** `unknown`"), "{teapot}");
    assert!(teapot.contains("**Retry:** Don't retry"), "{teapot}");
    let status = row(&page, "503 Service Unavailable");
    assert_eq!(
        status,
        "| 503 Service Unavailable | Down | `provider_unavailable` | Retry with exponential backoff |"
    );
}

#[test]
fn a_body_that_is_not_json_is_shown_as_written() {
    let mut provider = seed("verification");
    provider.examples[0].body = "{\"error\": not json".to_owned();
    let page = docs::render(&provider);
    assert!(
        page.contains("```json\n{\"error\": not json\n```"),
        "{page}"
    );
}

#[test]
fn fix_lines_keep_their_bullets_and_lines() {
    let page = docs::render(&seed("verification"));
    let failed = section(&page, "### `AUTHENTICATION_FAILED`");
    assert!(
        failed.contains(
            "**How to fix:**\n\n- Verify API key is correct (no extra spaces)\n- Ensure using correct environment (sandbox vs production)\n- Check if key has been revoked\n- Generate new API key if needed\n\nQuick solution: Check API key\n"
        ),
        "a plain line after a list is its own paragraph: {failed}"
    );
}
