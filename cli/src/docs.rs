//! Markdown error reference pages generated from a validated catalog.
//!
//! [`render`] turns one [`Provider`] into a page shaped like the providers' own "Error codes"
//! pages: what an error body looks like, the HTTP status table, the error types, one section per
//! documented error with its examples, and a quick-reference table. Everything comes out in
//! catalog order, so the same catalog always gives the same page.
//!
//! Catalog text goes onto the page in two ways:
//!
//! - **Prose** (the provider's `description`, a code's `description` and `fix`, an example's
//!   `description`) is Markdown as the catalog author wrote it: backticks and bullet lines keep
//!   their meaning, and every line break is kept (see `prose`).
//! - **Values** (names, meanings, messages, user messages, endpoints) are shown literally: escaped
//!   (`text`) or in a code span (`code`), on one line. In table cells `|` is escaped as well
//!   (`cell`), so no catalog text can break a row.
//!
//! When a code (or status row, or type) states no `retry` or `category`, errcat derives it from
//! the HTTP status at run time (`errcat::RetryAdvice::for_status`, `errcat::Category::for_status`).
//! This crate cannot depend on `errcat`, so `retry_for_status` and `category_for_status`
//! mirror those two rules, and the page always states the value a client will see.

use errcat_codegen::model::{Category, Fallback, IdentifyBy, RetryAdvice, Scalar, Slot};
use errcat_codegen::plan::{Code, Example, Provider, Status, Type};

/// The Markdown error reference of one provider.
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
/// let provider = errcat_codegen::load_catalog("acme_pay.yaml", CATALOG.as_bytes(), "acme_pay")
///     .expect("a valid catalog");
/// let page = errcat_cli::docs::render(&provider);
/// assert!(page.starts_with("# Acme Pay"));
/// assert!(page.contains("card_declined"));
/// ```
pub fn render(provider: &Provider) -> String {
    let mut page = Page::default();
    title(&mut page, provider);
    response_format(&mut page, provider);
    status_table(&mut page, provider);
    type_table(&mut page, provider);
    code_sections(&mut page, provider);
    subcode_table(&mut page, provider);
    unlisted_examples(&mut page, provider);
    quick_reference(&mut page, provider);
    page.finish()
}

/// A page under construction: a list of Markdown blocks, separated by blank lines.
#[derive(Default)]
struct Page {
    blocks: Vec<String>,
}

impl Page {
    /// Adds one block (a heading, a paragraph, a list, a table, a fenced code block).
    fn push(&mut self, block: impl Into<String>) {
        let block = block.into();
        if !block.trim().is_empty() {
            self.blocks.push(block.trim_end().to_owned());
        }
    }

    /// Adds a heading of `level` (1 to 6) whose content is already inline Markdown.
    fn heading(&mut self, level: usize, content: &str) {
        self.push(format!("{} {}", "#".repeat(level), one_line(content)));
    }

    /// Adds a table: a header row and body rows of inline Markdown, each made a safe [`cell`].
    fn table(&mut self, header: &[&str], rows: &[Vec<String>]) {
        let row = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
        let mut lines = vec![
            row(header.iter().map(|name| cell(name)).collect()),
            row(header.iter().map(|_| "---".to_owned()).collect()),
        ];
        lines.extend(
            rows.iter()
                .map(|cells| row(cells.iter().map(|value| cell(value)).collect())),
        );
        self.push(lines.join("\n"));
    }

    /// The page's text, ending with one newline.
    fn finish(self) -> String {
        let mut text = self.blocks.join("\n\n");
        text.push('\n');
        text
    }
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

/// The title, the provider's description and a line of links to the sections.
fn title(page: &mut Page, provider: &Provider) {
    page.heading(1, &format!("{} error reference", text(&provider.name)));
    if let Some(description) = &provider.description {
        page.push(prose(description));
    }
    let mut contents = vec![
        "[Error response format](#error-response-format)",
        "[HTTP status codes](#http-status-codes)",
    ];
    if !provider.types.is_empty() {
        contents.push("[Error types](#error-types)");
    }
    if !provider.codes.is_empty() {
        contents.push("[Errors](#errors)");
    }
    if provider
        .examples
        .iter()
        .any(|example| example.code.is_none())
    {
        contents.push("[Other example responses](#other-example-responses)");
    }
    if !provider.codes.is_empty() {
        contents.push("[Quick reference](#quick-reference)");
    }
    page.push(format!("**Contents:** {}", contents.join(" · ")));
}

/// The envelope: where the error sits in the body, each key and what it holds, an example body
/// and how errors are told apart.
fn response_format(page: &mut Page, provider: &Provider) {
    page.heading(2, "Error response format");
    let shape = match &provider.nested_under {
        Some(key) => format!(
            "Every error response has a JSON body whose error object is nested under the {} key, \
             with these keys:",
            code(key)
        ),
        None => "Every error response has a flat JSON body (the error object is the whole body) \
                 with these keys:"
            .to_owned(),
    };
    page.push(shape);
    let rows: Vec<Vec<String>> = provider
        .keys
        .iter()
        .map(|(slot, names)| {
            vec![
                key_names(names),
                code(slot.as_str()),
                slot_json_type(provider, *slot).to_owned(),
                slot_meaning(provider, *slot),
            ]
        })
        .collect();
    page.table(&["Key", "Holds", "JSON type", "Description"], &rows);
    if !provider.fields.is_empty() {
        page.push("Other documented keys, kept as sent:");
        let rows: Vec<Vec<String>> = provider
            .fields
            .iter()
            .map(|field| {
                vec![
                    code(&field.key),
                    field.kind.as_str().to_owned(),
                    field.description.as_deref().map_or_else(String::new, text),
                ]
            })
            .collect();
        page.table(&["Key", "JSON type", "Description"], &rows);
    }
    if !provider.error_when.is_empty() {
        let markers: Vec<String> = provider
            .error_when
            .iter()
            .map(|(key, value)| {
                let value = match value {
                    Scalar::Null => "null".to_owned(),
                    Scalar::Bool(flag) => flag.to_string(),
                    Scalar::Integer(number) => number.to_string(),
                    Scalar::Text(text) => format!("{text:?}"),
                };
                code(&format!("\"{key}\": {value}"))
            })
            .collect();
        page.push(format!(
            "Some errors come with a success (2xx) status: a body is an error when it has {}.",
            markers.join(" and ")
        ));
    }
    if let Some(example) = provider.examples.first() {
        page.push(format!(
            "For example, {}:",
            example_label(provider, example)
        ));
        page.push(fenced("json", &pretty_json(&example.body)));
    }
    page.push(identification(provider));
    if !provider.shapes.is_empty() {
        let shapes: Vec<String> = provider
            .shapes
            .iter()
            .map(|shape| {
                let keys: Vec<String> = shape
                    .keys
                    .iter()
                    .map(|(slot, names)| format!("{} as {}", key_names(names), code(slot.as_str())))
                    .collect();
                let place = match (&shape.nested_under, shape.list) {
                    (Some(key), true) => format!(", in a list under {}", code(key)),
                    (Some(key), false) => format!(", under {}", code(key)),
                    (None, _) => String::new(),
                };
                format!("{}: {}{place}", code(&shape.name), keys.join(", "))
            })
            .collect();
        page.push(format!(
            "Some errors come in another body shape, read when the one above does not name the \
             error:\n\n{}",
            bullets(&shapes)
        ));
    }
    if let Some(fallbacks) = fallback_sentence(provider) {
        page.push(fallbacks);
    }
    if let Some(headers) = header_names(provider) {
        page.push(headers);
    }
}

/// How errors are told apart when the body does not name them (`identify_by` fallbacks).
fn fallback_sentence(provider: &Provider) -> Option<String> {
    if provider.fallbacks.is_empty() {
        return None;
    }
    let steps: Vec<&str> = provider
        .fallbacks
        .iter()
        .map(|fallback| match fallback {
            Fallback::Message => "the message text, matched against the errors' message patterns",
            Fallback::Type => "the error type, when the type section below names an error for it",
            Fallback::Status => "the HTTP status, when the status table names an error for it",
        })
        .collect();
    Some(format!(
        "A body that does not name its error this way is identified, in this order, by {}. A body \
         nothing identifies is still an error, handled by its HTTP status.",
        steps.join("; then by ")
    ))
}

/// The provider's own header names, as a sentence per kind; `None` when the catalog names none.
fn header_names(provider: &Provider) -> Option<String> {
    let what = |key: &str| match key {
        "request_id" => "the request id",
        "should_retry" => "whether a retry can succeed (`true`/`false`)",
        "rate_limit_limit" => "the rate-limit window's size",
        "rate_limit_remaining" => "the requests left in the window",
        _ => "when the window resets",
    };
    let lines: Vec<String> = provider
        .header_names
        .iter()
        .filter(|(_, names)| !names.is_empty())
        .map(|(key, names)| {
            let names: Vec<String> = names.iter().map(|name| code(name)).collect();
            format!("{}: {}", names.join(" or "), what(key))
        })
        .collect();
    (!lines.is_empty()).then(|| {
        format!(
            "Response headers the provider uses (read before the generic ones):\n\n{}",
            bullets(&lines)
        )
    })
}

/// How a client tells one error from another, and what to do with one this page does not list.
fn identification(provider: &Provider) -> String {
    match provider.identify_by {
        IdentifyBy::Code => {
            let key = provider.slot_name(Slot::Code).unwrap_or("code");
            format!(
                "Errors are identified by the {} key: match on it rather than on the message \
                 text. An error with a code this page does not list is handled by its HTTP \
                 status (see [HTTP status codes](#http-status-codes)).",
                code(key)
            )
        }
        IdentifyBy::Message => {
            let names = provider
                .keys
                .iter()
                .find(|(slot, _)| *slot == Slot::Message)
                .and_then(|(_, names)| names.split_first());
            let (key, aliases) = match names {
                Some((first, rest)) => (code(first), rest),
                None => (code("message"), &[][..]),
            };
            let aliases = if aliases.is_empty() {
                String::new()
            } else {
                let names: Vec<String> = aliases.iter().map(|alias| code(alias)).collect();
                format!(" (also accepted as {})", names.join(", "))
            };
            format!(
                "{} errors carry no error code. Each error on this page is identified by the \
                 exact text of the {key} key{aliases}: compare the whole text byte for byte, \
                 case, punctuation and trailing period included. The section headings below are \
                 these texts. A message this page does not list is handled by its HTTP status \
                 (see [HTTP status codes](#http-status-codes)).",
                text(&provider.name),
            )
        }
    }
}

/// The provider's HTTP status table, plus a note on statuses its codes use but it does not list.
fn status_table(page: &mut Page, provider: &Provider) {
    page.heading(2, "HTTP status codes");
    page.push(format!(
        "The HTTP statuses {} returns for errors. An error this page does not list takes the \
         category and retry advice of its status.",
        text(&provider.name)
    ));
    if provider.statuses.is_empty() {
        page.push("The provider documents no status table.");
    } else {
        let rows: Vec<Vec<String>> = provider
            .statuses
            .iter()
            .map(|row| {
                let meaning = text(&capitalized(meaning_without_reason(
                    &row.meaning,
                    reason_phrase(row.status),
                )));
                let identifies = row
                    .code
                    .and_then(|index| provider.codes.get(index))
                    .map(|named| format!(" A body without its own error is {}.", code(&named.wire)))
                    .unwrap_or_default();
                vec![
                    status_label(row.status),
                    format!("{meaning}{identifies}"),
                    code(category_name(status_category(row))),
                    retry_short(status_retry(row)).to_owned(),
                ]
            })
            .collect();
        page.table(&["Status", "Meaning", "Category", "Retry"], &rows);
    }
    let missing = statuses_not_in_table(provider);
    if !missing.is_empty() {
        let listed: Vec<String> = missing
            .iter()
            .map(|(status, codes)| format!("{} ({})", status_label(*status), codes.join(", ")))
            .collect();
        page.push(format!(
            "Errors below also use statuses this table does not list: {}.",
            listed.join("; ")
        ));
    }
}

/// The error types, when the provider has any.
fn type_table(page: &mut Page, provider: &Provider) {
    if provider.types.is_empty() {
        return;
    }
    page.heading(2, "Error types");
    let key = provider.slot_name(Slot::Type).unwrap_or("type");
    page.push(format!(
        "The {} key gives an error's broad class. Each type sets the default status, retry advice \
         and category of its errors; an error's own section below has the final values.",
        code(key)
    ));
    let rows: Vec<Vec<String>> = provider
        .types
        .iter()
        .map(|error_type| {
            vec![
                code(&error_type.wire),
                error_type
                    .status
                    .map_or_else(|| "set per error".to_owned(), status_label),
                type_retry(provider, error_type)
                    .map_or("set per error", retry_short)
                    .to_owned(),
                type_category(provider, error_type).map_or_else(
                    || "set per error".to_owned(),
                    |found| code(category_name(found)),
                ),
                error_type
                    .description
                    .as_deref()
                    .map_or_else(String::new, text),
            ]
        })
        .collect();
    page.table(
        &["Type", "Status", "Retry", "Category", "Description"],
        &rows,
    );
}

/// The subcodes a body may carry beside its code, with what each changes.
fn subcode_table(page: &mut Page, provider: &Provider) {
    if provider.subcodes.is_empty() {
        return;
    }
    page.heading(2, "Subcodes");
    let key = provider.slot_name(Slot::Subcode).unwrap_or("subcode");
    page.push(format!(
        "The {} key narrows an error down. A subcode's retry advice, category and user message, \
         where it gives them, replace the code's.",
        code(key)
    ));
    let rows: Vec<Vec<String>> = provider
        .subcodes
        .iter()
        .map(|subcode| {
            vec![
                code(&subcode.wire),
                text(&subcode.message),
                subcode.retry.map_or("the code's", retry_short).to_owned(),
                subcode
                    .category
                    .map_or_else(|| "the code's".to_owned(), |c| code(c.as_str())),
                subcode.fix.as_deref().map_or_else(String::new, text),
            ]
        })
        .collect();
    page.table(&["Subcode", "Meaning", "Retry", "Category", "Fix"], &rows);
}

/// One section per documented error, in catalog order.
fn code_sections(page: &mut Page, provider: &Provider) {
    if provider.codes.is_empty() {
        return;
    }
    page.heading(2, "Errors");
    for (index, error) in provider.codes.iter().enumerate() {
        code_section(page, provider, index, error);
    }
}

/// The section of one error: its facts, description, fix and examples.
fn code_section(page: &mut Page, provider: &Provider, index: usize, error: &Code) {
    page.heading(3, &code(&error.wire));
    let mut facts = vec![format!("**Status:** {}", statuses_label(&error.statuses))];
    if let Some(error_type) = error.type_index.and_then(|i| provider.types.get(i)) {
        facts.push(format!("**Type:** {}", code(&error_type.wire)));
    }
    match code_category(error) {
        Some(category) => facts.push(format!(
            "**Category:** {} ({})",
            code(category_name(category)),
            category_meaning(category)
        )),
        None => facts.push(format!("**Category:** {PER_RESPONSE}")),
    }
    match code_retry(error) {
        Some(retry) => facts.push(format!("**Retry:** {}", retry_long(provider, retry))),
        None => facts.push(format!("**Retry:** {PER_RESPONSE}")),
    }
    match provider.identify_by {
        IdentifyBy::Code => facts.push(format!("**Message:** {}", code(&error.message))),
        IdentifyBy::Message => facts.push(format!(
            "**Message:** {} (exact text; identifies this error)",
            code(&error.message)
        )),
    }
    if let Some(pattern) = &error.pattern {
        facts.push(format!(
            "**Message pattern:** {} (identifies this error; `{{…}}` marks a value the text carries)",
            code(&pattern_text(pattern))
        ));
    }
    facts.push(format!("**User message:** {}", user_message(error)));
    if !error.endpoints.is_empty() {
        let endpoints: Vec<String> = error.endpoints.iter().map(|e| text(e)).collect();
        facts.push(format!("**Endpoints:** {}", endpoints.join(", ")));
    }
    page.push(bullets(&facts));
    // Text already shown is not repeated (some catalogs reuse one text for several fields).
    let description = error
        .description
        .as_deref()
        .filter(|description| description.trim() != error.message.trim());
    if let Some(description) = description {
        page.push(prose(description));
    }
    let fix = error
        .fix
        .as_deref()
        .filter(|fix| description.is_none_or(|description| description.trim() != fix.trim()));
    if let Some(fix) = fix {
        fix_block(page, fix);
    }
    for example in provider.examples.iter().filter(|e| e.code == Some(index)) {
        example_block(page, example);
    }
}

/// What to do about an error: on the label's line when it is one plain line, else below it.
fn fix_block(page: &mut Page, fix: &str) {
    let fix = fix.trim();
    if !fix.contains('\n') && line_kind(fix) == Line::Text && !fix.starts_with('#') {
        page.push(format!("**How to fix:** {fix}"));
    } else {
        page.push("**How to fix:**");
        page.push(prose(fix));
    }
}

/// Examples whose body names no listed error (a generic format example, a gateway body).
fn unlisted_examples(page: &mut Page, provider: &Provider) {
    let unlisted: Vec<&Example> = provider
        .examples
        .iter()
        .filter(|example| example.code.is_none())
        .collect();
    if unlisted.is_empty() {
        return;
    }
    page.heading(2, "Other example responses");
    let what = match provider.identify_by {
        IdentifyBy::Code => "code",
        IdentifyBy::Message => "message",
    };
    page.push(format!(
        "Responses the provider documents whose {what} is not one of the errors above. Handle \
         them by their HTTP status."
    ));
    for example in unlisted {
        example_block(page, example);
        let category = unlisted_category(provider, example.status);
        page.push(format!(
            "Not a listed error, so its status decides: category {}. {}",
            code(category_name(category)),
            retry_long(provider, unlisted_retry(provider, example.status))
        ));
    }
}

/// One row per error: the table to scan when handling errors.
fn quick_reference(page: &mut Page, provider: &Provider) {
    if provider.codes.is_empty() {
        return;
    }
    page.heading(2, "Quick reference");
    let first = match provider.identify_by {
        IdentifyBy::Code => "Code",
        IdentifyBy::Message => "Message",
    };
    let rows: Vec<Vec<String>> = provider
        .codes
        .iter()
        .map(|error| {
            vec![
                code(&error.wire),
                statuses_label(&error.statuses),
                code_category(error).map_or_else(
                    || "by response status".to_owned(),
                    |category| code(category_name(category)),
                ),
                code_retry(error)
                    .map_or("by response status", retry_short)
                    .to_owned(),
                user_message(error),
            ]
        })
        .collect();
    page.table(
        &[first, "Status", "Category", "Retry", "User message"],
        &rows,
    );
}

// ---------------------------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------------------------

/// One example: a label with its status, its description, headers and body.
fn example_block(page: &mut Page, example: &Example) {
    page.push(format!(
        "**Example response:** {}",
        status_label(example.status)
    ));
    if let Some(description) = &example.description {
        page.push(prose(description));
    }
    if !example.headers.is_empty() {
        let lines: Vec<String> = example
            .headers
            .iter()
            .map(|(name, value)| format!("{}: {}", single_line(name), single_line(value)))
            .collect();
        page.push(fenced("http", &lines.join("\n")));
    }
    page.push(fenced("json", &pretty_json(&example.body)));
}

/// How the format section introduces its example: the error it shows and its status.
fn example_label(provider: &Provider, example: &Example) -> String {
    match example.code.and_then(|index| provider.codes.get(index)) {
        Some(error) => format!("{} ({})", code(&error.wire), status_label(example.status)),
        None => format!("a response with status {}", status_label(example.status)),
    }
}

/// `body` pretty-printed with two-space indents, keys in the order written; `body` unchanged
/// when it is not valid JSON.
fn pretty_json(body: &str) -> String {
    if serde_json::from_str::<serde_json::Value>(body).is_err() {
        return body.to_owned();
    }
    reindent(body)
}

/// Re-indents valid JSON text the way `serde_json::to_string_pretty` does, without parsing it
/// into a map (which would sort object keys): strings are copied as written.
fn reindent(json: &str) -> String {
    let mut out = String::with_capacity(json.len() * 2);
    let mut depth = 0usize;
    let mut chars = json.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push('"');
                while let Some(c) = chars.next() {
                    out.push(c);
                    match c {
                        '\\' => {
                            if let Some(escaped) = chars.next() {
                                out.push(escaped);
                            }
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '{' | '[' => {
                out.push(c);
                while chars.peek().is_some_and(|next| next.is_whitespace()) {
                    chars.next();
                }
                if chars
                    .peek()
                    .is_some_and(|next| *next == '}' || *next == ']')
                {
                    if let Some(close) = chars.next() {
                        out.push(close);
                    }
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Resolved values: what a client sees at run time
// ---------------------------------------------------------------------------------------------

/// What a documented error without a status gets its category and retry advice from.
const PER_RESPONSE: &str =
    "from the status of the response it comes with (the provider documents none for this error)";

/// The category of a documented error (outer `None`: it has no status, so each response's
/// status decides; inner `None`: errcat's run-time-only `unknown`).
fn code_category(error: &Code) -> Option<Option<Category>> {
    match (error.category, error.status()) {
        (Some(category), _) => Some(Some(category)),
        (None, Some(status)) => Some(Category::for_status(status)),
        (None, None) => None,
    }
}

/// The retry advice of a documented error (`None`: it has no status, so each response's status
/// decides).
fn code_retry(error: &Code) -> Option<RetryAdvice> {
    error
        .retry
        .or_else(|| error.status().map(RetryAdvice::for_status))
}

/// The category of an unlisted error with a status-table row.
fn status_category(row: &Status) -> Option<Category> {
    row.category.or_else(|| Category::for_status(row.status))
}

/// The retry advice of an unlisted error with a status-table row.
fn status_retry(row: &Status) -> RetryAdvice {
    row.retry
        .unwrap_or_else(|| RetryAdvice::for_status(row.status))
}

/// The category of an unlisted error sent with `status`: its row's, else derived.
fn unlisted_category(provider: &Provider, status: u16) -> Option<Category> {
    match status_row(provider, status) {
        Some(row) => status_category(row),
        None => Category::for_status(status),
    }
}

/// The retry advice of an unlisted error sent with `status`: its row's, else derived.
fn unlisted_retry(provider: &Provider, status: u16) -> RetryAdvice {
    status_row(provider, status).map_or_else(|| RetryAdvice::for_status(status), status_retry)
}

/// A type's default retry advice as its codes get it: its own, else from its status
/// (`None`: neither, so each error's status decides).
fn type_retry(provider: &Provider, error_type: &Type) -> Option<RetryAdvice> {
    error_type.retry.or_else(|| {
        error_type
            .status
            .map(|status| unlisted_retry(provider, status))
    })
}

/// A type's default category as its codes get it (outer `None`: each error's status decides;
/// inner `None`: `unknown`).
fn type_category(provider: &Provider, error_type: &Type) -> Option<Option<Category>> {
    match (error_type.category, error_type.status) {
        (Some(category), _) => Some(Some(category)),
        (None, Some(status)) => Some(unlisted_category(provider, status)),
        (None, None) => None,
    }
}

/// The status-table row of `status`.
fn status_row(provider: &Provider, status: u16) -> Option<&Status> {
    provider.statuses.iter().find(|row| row.status == status)
}

/// Statuses documented errors use that the status table lacks, each with its errors' wire
/// strings as code spans, in order of first use.
fn statuses_not_in_table(provider: &Provider) -> Vec<(u16, Vec<String>)> {
    let mut missing: Vec<(u16, Vec<String>)> = Vec::new();
    for error in &provider.codes {
        for &status in &error.statuses {
            // Success statuses (errors a provider sends with 2xx) belong in no error-status table.
            if status < 400 || status_row(provider, status).is_some() {
                continue;
            }
            match missing.iter_mut().find(|(missing, _)| *missing == status) {
                Some((_, codes)) => codes.push(code(&error.wire)),
                None => missing.push((status, vec![code(&error.wire)])),
            }
        }
    }
    missing
}

/// The category's word (`unknown` for `None`).
fn category_name(category: Option<Category>) -> &'static str {
    category.map_or("unknown", Category::as_str)
}

/// What a category means, after errcat's `Category` docs.
fn category_meaning(category: Option<Category>) -> &'static str {
    match category {
        Some(Category::Authentication) => "missing, invalid, revoked or expired credentials",
        Some(Category::Permission) => "authenticated, but not allowed to do this",
        Some(Category::Validation) => "the request is malformed or fails validation",
        Some(Category::NotFound) => "the resource does not exist or is not visible to the caller",
        Some(Category::Conflict) => "the current state of a resource blocks the request",
        Some(Category::RateLimited) => "too many requests",
        Some(Category::ProviderUnavailable) => {
            "the provider, or a service behind it, is unavailable or failed upstream"
        }
        Some(Category::Internal) => "an unexpected error inside the provider",
        Some(Category::BusinessRule) => "a valid request refused by a business rule",
        None => "not classified",
    }
}

/// The user message of an error as inline Markdown: its own, else its category's default
/// (marked as such).
fn user_message(error: &Code) -> String {
    match &error.user_message {
        Some(message) => text(message),
        None => match code_category(error) {
            Some(category) => format!(
                "{} (default for {})",
                text(Category::default_user_message(category)),
                code(category_name(category))
            ),
            None => "the default of the category the response's status gives".to_owned(),
        },
    }
}

/// Retry advice for a table cell.
fn retry_short(advice: RetryAdvice) -> &'static str {
    match advice {
        RetryAdvice::Never => "Don't retry",
        RetryAdvice::Backoff => "Retry with exponential backoff",
        RetryAdvice::AfterRetryAfter => "Retry after `Retry-After`",
        RetryAdvice::RefreshCredentials => "Refresh credentials, then retry once",
        RetryAdvice::SameIdempotencyKey => "Retry later with the same idempotency key",
        RetryAdvice::BackoffSameIdempotencyKey => {
            "Retry with exponential backoff and the same idempotency key"
        }
    }
}

/// Retry advice as a sentence, naming the body key that carries the delay when there is one.
fn retry_long(provider: &Provider, advice: RetryAdvice) -> String {
    match advice {
        RetryAdvice::Never => {
            "Don't retry: fix the request, the credentials or the data first.".to_owned()
        }
        RetryAdvice::Backoff => {
            "Retry with exponential backoff (and jitter): the failure is transient.".to_owned()
        }
        RetryAdvice::AfterRetryAfter => match provider.slot_name(Slot::RetryAfter) {
            Some(key) => format!(
                "Wait for the delay in the `Retry-After` header (or {} in the body, in seconds), \
                 then retry.",
                code(key)
            ),
            None => "Wait for the delay in the `Retry-After` header, then retry.".to_owned(),
        },
        RetryAdvice::RefreshCredentials => {
            "Refresh the credentials (for example, get a new token), then retry once.".to_owned()
        }
        RetryAdvice::SameIdempotencyKey => {
            "The request is still being processed: retry later with the same idempotency key."
                .to_owned()
        }
        RetryAdvice::BackoffSameIdempotencyKey => {
            "Retry with exponential backoff (and jitter), with the same idempotency key: the \
             provider may have acted on the first request."
                .to_owned()
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Envelope keys
// ---------------------------------------------------------------------------------------------

/// A slot's wire names: the rendered one, then the aliases also accepted.
fn key_names(names: &[String]) -> String {
    match names.split_first() {
        None => String::new(),
        Some((first, [])) => code(first),
        Some((first, aliases)) => {
            let aliases: Vec<String> = aliases.iter().map(|alias| code(alias)).collect();
            format!("{} (or {})", code(first), aliases.join(", "))
        }
    }
}

/// The JSON type a slot's value has (the code's: as the catalog lists its codes).
fn slot_json_type(provider: &Provider, slot: Slot) -> &'static str {
    let integers = provider.codes.iter().filter(|code| code.integer).count();
    match slot {
        Slot::Code if integers == provider.codes.len() && integers > 0 => "integer",
        Slot::Code if integers > 0 => "string or integer",
        Slot::Metadata => "object",
        Slot::RetryAfter => "integer (seconds)",
        Slot::Errors => "array",
        Slot::Subcode => "string or integer",
        Slot::Code
        | Slot::Message
        | Slot::Type
        | Slot::Param
        | Slot::Field
        | Slot::Details
        | Slot::RequestId => "string",
    }
}

/// What a slot holds, for the envelope table.
fn slot_meaning(provider: &Provider, slot: Slot) -> String {
    match slot {
        Slot::Code => "Machine-readable error code; identifies the error.".to_owned(),
        Slot::Message => match provider.identify_by {
            IdentifyBy::Code => "Human-readable description of the error.".to_owned(),
            IdentifyBy::Message => {
                "Human-readable description of the error; its exact text identifies the error."
                    .to_owned()
            }
        },
        Slot::Type if provider.types.is_empty() => "The broad class of the error.".to_owned(),
        Slot::Type => "The broad class of the error (see [Error types](#error-types)).".to_owned(),
        Slot::Param => "The request parameter the error is about.".to_owned(),
        Slot::Field => "The field that caused the error.".to_owned(),
        Slot::Details => "Additional context about the error.".to_owned(),
        Slot::RequestId => "Unique ID of the request; quote it to support.".to_owned(),
        Slot::Metadata => "Additional context about the error.".to_owned(),
        Slot::RetryAfter => "How long to wait before retrying.".to_owned(),
        Slot::Errors => "Detailed errors, for example one per failed validation.".to_owned(),
        Slot::Subcode if provider.subcodes.is_empty() => {
            "A second code that narrows the error down.".to_owned()
        }
        Slot::Subcode => {
            "A second code that narrows the error down (see [Subcodes](#subcodes)).".to_owned()
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Statuses
// ---------------------------------------------------------------------------------------------

/// `429 Too Many Requests`, or the bare number for a status without a standard phrase.
/// A message pattern written back as the catalog writes it (`API rate limit exceeded for {ip}.`).
fn pattern_text(parts: &[errcat_table::pattern::Part<String>]) -> String {
    parts
        .iter()
        .map(|part| match part {
            errcat_table::pattern::Part::Text(text) => text.replace('{', "{{").replace('}', "}}"),
            errcat_table::pattern::Part::Value(name) => format!("{{{name}}}"),
        })
        .collect()
}

/// A code's statuses: `400 Bad Request`, `403 Forbidden, 429 Too Many Requests`, or that the
/// provider documents none.
fn statuses_label(statuses: &[u16]) -> String {
    if statuses.is_empty() {
        return "not documented (the response's status stands)".to_owned();
    }
    statuses
        .iter()
        .map(|status| status_label(*status))
        .collect::<Vec<_>>()
        .join(", ")
}

fn status_label(status: u16) -> String {
    match reason_phrase(status) {
        "" => status.to_string(),
        reason => format!("{status} {reason}"),
    }
}

/// The standard reason phrase of an HTTP error status (RFC 9110 and its registry), or `""`.
fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        418 => "I'm a teapot",
        421 => "Misdirected Request",
        422 => "Unprocessable Entity",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => "",
    }
}

/// A status meaning without a leading copy of the reason phrase the table already shows
/// (`"Forbidden — not allowed"` → `"not allowed"`).
fn meaning_without_reason<'a>(meaning: &'a str, reason: &str) -> &'a str {
    let trimmed = meaning.trim();
    if reason.is_empty() {
        return trimmed;
    }
    let Some(head) = trimmed.get(..reason.len()) else {
        return trimmed;
    };
    if !head.eq_ignore_ascii_case(reason) {
        return trimmed;
    }
    let rest = &trimmed[reason.len()..];
    [" — ", " – ", " - ", ": "]
        .iter()
        .find_map(|separator| rest.strip_prefix(separator))
        .map(str::trim)
        .filter(|rest| !rest.is_empty())
        .unwrap_or(trimmed)
}

// ---------------------------------------------------------------------------------------------
// Markdown text
// ---------------------------------------------------------------------------------------------

/// Catalog text shown literally in inline Markdown, on one line: characters that could start
/// emphasis, code, links, HTML or entities are backslash-escaped, and runs of whitespace
/// (line breaks included) become one space.
fn text(value: &str) -> String {
    let flat = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = flat.chars().collect();
    let mut out = String::with_capacity(flat.len());
    for (index, &c) in chars.iter().enumerate() {
        let before = index.checked_sub(1).and_then(|i| chars.get(i)).copied();
        let after = chars.get(index + 1).copied();
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '~' => true,
            // Intraword underscores (`snake_case`) never start emphasis.
            '_' => {
                !(before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric))
            }
            // `&amp;` and `&#123;` would be read as entities.
            '&' => after.is_some_and(|next| next.is_ascii_alphanumeric() || next == '#'),
            // `#` at the very start would be a heading where the text starts a line.
            '#' => index == 0,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `value` as an inline code span, shown exactly (line breaks become spaces, as in any code span).
fn code(value: &str) -> String {
    let value = single_line(value);
    if value.is_empty() {
        return "*(empty)*".to_owned();
    }
    let fence = "`".repeat(longest_run(&value, '`') + 1);
    let pad = value.starts_with('`')
        || value.ends_with('`')
        || (value.starts_with(' ') && value.ends_with(' ') && !value.trim().is_empty());
    if pad {
        format!("{fence} {value} {fence}")
    } else {
        format!("{fence}{value}{fence}")
    }
}

/// Inline Markdown made safe for a table cell: `|` escaped (GFM reads `\|` as a literal pipe,
/// in code spans too), on one line, and never empty.
fn cell(inline: &str) -> String {
    let value = one_line(inline).replace('|', "\\|");
    if value.is_empty() {
        "—".to_owned()
    } else {
        value
    }
}

/// `value` with every line break replaced by a space.
fn single_line(value: &str) -> String {
    value.replace("\r\n", " ").replace(['\r', '\n'], " ")
}

/// Inline Markdown on one trimmed line.
fn one_line(inline: &str) -> String {
    single_line(inline).trim().to_owned()
}

/// A bulleted list of inline Markdown items.
fn bullets(items: &[String]) -> String {
    items
        .iter()
        .map(|item| format!("- {}", one_line(item)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A fenced code block whose fence is longer than any backtick run in `content`.
fn fenced(language: &str, content: &str) -> String {
    let fence = "`".repeat((longest_run(content, '`') + 1).max(3));
    format!(
        "{fence}{language}\n{}\n{fence}",
        content.trim_end_matches('\n')
    )
}

/// The length of the longest run of `c` in `value`.
fn longest_run(value: &str, c: char) -> usize {
    let mut longest = 0;
    let mut current = 0;
    for found in value.chars() {
        if found == c {
            current += 1;
            longest = longest.max(current);
        } else {
            current = 0;
        }
    }
    longest
}

/// Catalog prose as Markdown blocks, keeping the author's lines: each plain line is its own
/// paragraph, consecutive list-item lines (`- `, `* `, `+ `, `1. `) form one list, indented
/// lines stay with the line above, and fenced code is copied as is. Without this, a plain line
/// right after a list item would be swallowed into that item ("lazy continuation"). A line
/// starting with `#` is escaped so catalog text cannot add headings to the page.
fn prose(value: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut previous = Line::Blank;
    let mut fence: Option<String> = None;
    for raw in value.trim().lines() {
        let line = raw.trim_end();
        if let Some(open) = &fence {
            out.push(line.to_owned());
            if line.trim_start().starts_with(open.as_str()) {
                fence = None;
                previous = Line::Text;
            }
            continue;
        }
        let kind = line_kind(line);
        if kind == Line::Blank && previous == Line::Blank {
            continue;
        }
        // A blank line goes between two lines only where the author's line break would
        // otherwise be lost: text after text, a list after text, text after a list.
        let joins = matches!(
            (previous, kind),
            (_, Line::Blank)
                | (Line::Blank, _)
                | (Line::Item, Line::Item)
                | (Line::Item | Line::Text | Line::Indented, Line::Indented)
                | (Line::Indented, Line::Item)
        );
        if !joins {
            out.push(String::new());
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            let marker: String = trimmed
                .chars()
                .take_while(|c| *c == '`' || *c == '~')
                .collect();
            fence = Some(marker);
            out.push(line.to_owned());
            previous = Line::Text;
            continue;
        }
        if kind == Line::Text && line.starts_with('#') {
            out.push(format!("\\{line}"));
        } else {
            out.push(line.to_owned());
        }
        previous = kind;
    }
    if let Some(open) = fence {
        out.push(open);
    }
    out.join("\n")
}

/// What a line of prose is, for [`prose`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Line {
    /// Empty or only whitespace.
    Blank,
    /// A list item: `- `, `* `, `+ ` or a number followed by `. ` or `) `.
    Item,
    /// Indented text: the continuation of the line above.
    Indented,
    /// Any other line: a paragraph of its own.
    Text,
}

/// Classifies one line of prose.
fn line_kind(line: &str) -> Line {
    if line.trim().is_empty() {
        return Line::Blank;
    }
    if line.starts_with([' ', '\t']) {
        return Line::Indented;
    }
    if ["- ", "* ", "+ "]
        .iter()
        .any(|bullet| line.starts_with(bullet))
        || line == "-"
    {
        return Line::Item;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = &line[digits..];
    if (1..=9).contains(&digits) && (rest.starts_with(". ") || rest.starts_with(") ")) {
        return Line::Item;
    }
    Line::Text
}

/// `value` with its first letter in upper case (a meaning after its reason phrase is removed).
fn capitalized(value: &str) -> String {
    let mut chars = value.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
