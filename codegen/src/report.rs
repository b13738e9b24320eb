//! Diagnostics rendered the way rustc renders them: `error[E0101]: message`, `--> file:line:col`,
//! the source line with the offending token underlined, and a `help:` line. The `errcat`
//! command and the build script both print through here.

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};

use crate::diagnostic::Located;

/// Renders `diagnostics`, reading each file's text with `source` (by the file name the
/// diagnostics show). With `color`, the output has ANSI colors. A diagnostic whose file cannot
/// be read, or that has no position, is rendered without a snippet.
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
/// let broken = CATALOG.replace("status: 402", "status: 200");
/// let problems = errcat_codegen::load_catalog("acme_pay.yaml", broken.as_bytes(), "acme_pay")
///     .unwrap_err();
/// // As rustc shows errors: the message, `file:line:column`, the line and a caret.
/// let shown = errcat_codegen::report::render(&problems, |_file| Some(broken.clone()), false);
/// assert!(shown.contains("acme_pay.yaml:8:"));
/// assert!(shown.contains("status: 200"));
/// ```
pub fn render(
    diagnostics: &[Located],
    source: impl Fn(&str) -> Option<String>,
    color: bool,
) -> String {
    let mut files = SimpleFiles::new();
    // Each file once: its id among `files` and where its lines start (`None`: unreadable).
    let mut ids: Vec<(String, Option<LoadedFile>)> = Vec::new();
    let mut out = termcolor::Buffer::no_color();
    if color {
        out = termcolor::Buffer::ansi();
    }
    let config = term::Config::default();
    for located in diagnostics {
        let position = ids.iter().position(|(file, _)| *file == located.file);
        let position = position.unwrap_or_else(|| {
            let id = source(&located.file).map(|text| {
                let lines = line_starts(&text);
                (files.add(located.file.clone(), text), lines)
            });
            ids.push((located.file.clone(), id));
            ids.len() - 1
        });
        let (id, lines) = match &ids[position].1 {
            Some((id, lines)) => (Some(*id), lines.as_slice()),
            None => (None, &[][..]),
        };
        let mut diagnostic = Diagnostic::error()
            .with_code(located.rule.code())
            .with_message(&located.message);
        let span = id.zip(located.position).and_then(|(id, position)| {
            let text = files.get(id).ok()?.source();
            let range = token_span(text, lines, position.line, position.column)?;
            // A snippet of a very long line (a 70 KB key, minified JSON) would bury the message:
            // the position alone is shown.
            let line = position.line.max(1);
            let start = lines.get(line - 1).copied().unwrap_or(0);
            let end = lines.get(line).copied().unwrap_or(text.len());
            (end - start <= LONGEST_SNIPPET_LINE).then_some((id, range))
        });
        match span {
            Some((id, range)) => {
                diagnostic = diagnostic.with_labels(vec![Label::primary(id, range)])
            }
            None => {
                let place = match located.position {
                    Some(position) => {
                        format!("{}:{}:{}", located.file, position.line, position.column)
                    }
                    None => located.file.clone(),
                };
                diagnostic = diagnostic.with_notes(vec![format!("in {place}")]);
            }
        }
        if let Some(help) = &located.help {
            diagnostic = diagnostic.with_notes(vec![format!("help: {help}")]);
        }
        // Rendering into a buffer fails only for a file id it was not given.
        let _ = term::emit_to_write_style(&mut out, &config, &files, &diagnostic);
    }
    String::from_utf8_lossy(out.as_slice()).into_owned()
}

/// The longest source line shown as a snippet, in bytes.
const LONGEST_SNIPPET_LINE: usize = 400;

/// A file added to the report: its id among the report's files, and its [`line_starts`].
type LoadedFile = (usize, Vec<usize>);

/// The byte offsets where the lines of `text` start: found once per file, so that placing each
/// of many diagnostics costs its own line, not the whole file.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(index, _)| index + 1))
        .collect()
}

/// The byte range of the token at 1-based `line` and `column` (in characters): a mapping key up
/// to its `:`, else the value up to the end of the line (without a trailing comment). `lines`
/// are the text's [`line_starts`].
fn token_span(
    text: &str,
    lines: &[usize],
    line: usize,
    column: usize,
) -> Option<std::ops::Range<usize>> {
    let line_start = *lines.get(line.max(1) - 1)?;
    let line_text = text[line_start..]
        .split('\n')
        .next()
        .unwrap_or("")
        .trim_end_matches('\r');
    let offset: usize = line_text
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    let rest = &line_text[offset.min(line_text.len())..];
    let key_end = rest
        .find(": ")
        .or_else(|| rest.strip_suffix(':').map(str::len));
    let quoted = rest.starts_with('"') || rest.starts_with('\'');
    let length = match key_end {
        Some(end) if !quoted && !rest[..end].contains(['{', '[']) => end,
        _ => {
            let without_comment = match rest.find(" #") {
                Some(comment) if !quoted => &rest[..comment],
                _ => rest,
            };
            without_comment.trim_end().len()
        }
    };
    let start = (line_start + offset).min(text.len());
    let end = (start + length.max(1)).min(text.len());
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Rule;
    use crate::yaml::Position;

    #[test]
    fn underlines_keys_and_values() {
        let text = "name: Demo\ncodes:\n  card_declined:\n    status: 200  # wrong\n";
        assert_eq!(
            &text[token_span(text, &line_starts(text), 3, 3).unwrap()],
            "card_declined"
        );
        assert_eq!(
            &text[token_span(text, &line_starts(text), 4, 13).unwrap()],
            "200"
        );
        assert_eq!(
            &text[token_span(text, &line_starts(text), 1, 7).unwrap()],
            "Demo"
        );
    }

    #[test]
    fn renders_like_rustc() {
        let located = Located {
            rule: Rule::Status,
            file: "catalog/x.yaml".into(),
            position: Some(Position {
                line: 4,
                column: 13,
            }),
            message: "status 200 is not an error status".into(),
            help: Some("error responses have statuses 400..=599".into()),
        };
        let text = "name: Demo\ncodes:\n  card_declined:\n    status: 200\n";
        let rendered = render(&[located], |_| Some(text.to_owned()), false);
        assert!(
            rendered.starts_with("error[E0301]: status 200 is not an error status\n"),
            "{rendered}"
        );
        assert!(rendered.contains("catalog/x.yaml:4:13"), "{rendered}");
        assert!(rendered.contains("status: 200"), "{rendered}");
        assert!(rendered.contains("^^^"), "{rendered}");
        assert!(
            rendered.contains("= help: error responses have statuses 400..=599"),
            "{rendered}"
        );
    }
}
