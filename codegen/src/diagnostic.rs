//! Problems found in a catalog, collected rather than returned one at a time.

use std::fmt;

use crate::model::Origin;
use crate::tree::Path;
#[cfg(feature = "build-script")]
use crate::yaml;

/// A 1-based line and column in a catalog file.
///
/// # Example
///
/// ```
/// let located = errcat_codegen::load_catalog("x.yaml", b"name: [", "x").unwrap_err();
/// let at = located[0].position.unwrap();
/// assert!(at.line >= 1 && at.column >= 1); // 1-based
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
}

/// The rule a diagnostic enforces, with a stable code (`E0101`) for search and documentation.
///
/// # Example
///
/// ```
/// use errcat_codegen::diagnostic::Rule;
///
/// assert_eq!(Rule::UnknownKey.code(), "E0101");
/// assert!(Rule::ALL.contains(&Rule::Example));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// The text is not valid YAML (or repeats a key).
    Syntax,
    /// The file is not UTF-8.
    Encoding,
    /// A key the format does not have (usually a typo).
    UnknownKey,
    /// A value of the wrong kind (a number where a string belongs, …).
    WrongType,
    /// A required key is missing.
    MissingKey,
    /// A word outside its closed list (category, retry advice, envelope slot, …).
    UnknownWord,
    /// The envelope cannot describe a body (missing or clashing keys).
    Envelope,
    /// A status that is not an HTTP error status.
    Status,
    /// A code without a status.
    NoStatus,
    /// A code or type whose Rust name is invalid or taken.
    RustName,
    /// A provider name that cannot be a module name.
    ProviderName,
    /// Two codes with one wire string.
    DuplicateWire,
    /// A text that is present but empty.
    EmptyText,
    /// A code naming a type the catalog does not define.
    UnknownType,
    /// A way of identifying errors the catalog cannot use: a bad message pattern, a fallback
    /// with nothing to go on, a `code:` naming no code.
    Identify,
    /// A documented example that does not decode to its code.
    Example,
    /// Two catalogs defining one provider.
    DuplicateProvider,
}

impl Rule {
    /// Every rule.
    pub const ALL: [Rule; 17] = [
        Rule::Syntax,
        Rule::Encoding,
        Rule::UnknownKey,
        Rule::WrongType,
        Rule::MissingKey,
        Rule::UnknownWord,
        Rule::Envelope,
        Rule::Status,
        Rule::NoStatus,
        Rule::RustName,
        Rule::ProviderName,
        Rule::DuplicateWire,
        Rule::EmptyText,
        Rule::UnknownType,
        Rule::Identify,
        Rule::Example,
        Rule::DuplicateProvider,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Rule::Syntax => "E0001",
            Rule::Encoding => "E0002",
            Rule::UnknownKey => "E0101",
            Rule::WrongType => "E0102",
            Rule::MissingKey => "E0103",
            Rule::UnknownWord => "E0104",
            Rule::Envelope => "E0201",
            Rule::Status => "E0301",
            Rule::NoStatus => "E0302",
            Rule::RustName => "E0401",
            Rule::ProviderName => "E0402",
            Rule::DuplicateWire => "E0501",
            Rule::EmptyText => "E0502",
            Rule::UnknownType => "E0503",
            Rule::Identify => "E0504",
            Rule::Example => "E0601",
            Rule::DuplicateProvider => "E0701",
        }
    }
}

/// One problem, with where it is and what to do about it.
///
/// # Example
///
/// ```
/// use errcat_codegen::diagnostic::{Diagnostics, Rule};
/// use errcat_codegen::model::Origin;
///
/// let mut diagnostics = Diagnostics::default();
/// diagnostics.error(Rule::EmptyText, &Origin::Unknown, "the message is empty");
/// let found = diagnostics.into_vec();
/// assert_eq!((found[0].rule, found[0].message.as_str()), (Rule::EmptyText, "the message is empty"));
/// assert_eq!(found[0].help, None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule it enforces.
    pub rule: Rule,
    /// Where the problem is.
    pub origin: Origin,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

/// A sink for diagnostics: readers and rules record problems and carry on, so the user sees
/// every problem of a catalog at once.
///
/// # Example
///
/// ```
/// use errcat_codegen::diagnostic::{Diagnostics, Rule};
/// use errcat_codegen::tree::Path;
///
/// // Every check records and carries on; the caller reports them all.
/// let mut diagnostics = Diagnostics::default();
/// let status = Path::root().value("codes").value("card_declined").value("status");
/// diagnostics.at(Rule::Status, &status, "status 200 is not an error status", None);
/// assert_eq!(diagnostics.len(), 1);
/// assert_eq!(diagnostics.into_vec()[0].rule.code(), "E0301");
/// ```
#[derive(Debug, Default)]
pub struct Diagnostics {
    found: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records a problem.
    pub fn error(&mut self, rule: Rule, origin: &Origin, message: impl Into<String>) {
        self.found.push(Diagnostic {
            rule,
            origin: origin.clone(),
            message: message.into(),
            help: None,
        });
    }

    /// Records a problem with a suggestion.
    pub fn error_help(
        &mut self,
        rule: Rule,
        origin: &Origin,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.found.push(Diagnostic {
            rule,
            origin: origin.clone(),
            message: message.into(),
            help: Some(help.into()),
        });
    }

    /// Records a problem at a YAML path.
    pub fn at(
        &mut self,
        rule: Rule,
        path: &Path,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        self.found.push(Diagnostic {
            rule,
            origin: Origin::Yaml(path.clone()),
            message: message.into(),
            help,
        });
    }

    /// How many problems were recorded.
    pub fn len(&self) -> usize {
        self.found.len()
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// The problems recorded, in order.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.found
    }
}

/// A diagnostic placed in a file: `file:line:column`.
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
/// use errcat_codegen::diagnostic::Rule;
///
/// let broken = CATALOG.replace("message: The card", "mesage: The card");
/// let problems = errcat_codegen::load_catalog("acme_pay.yaml", broken.as_bytes(), "acme_pay")
///     .unwrap_err();
/// let typo = problems.iter().find(|problem| problem.rule == Rule::UnknownKey).unwrap();
/// assert_eq!(typo.help.as_deref(), Some("did you mean `message`?"));
/// assert!(typo.to_string().contains("error[E0101]: unknown key `mesage`"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// The rule it enforces.
    pub rule: Rule,
    /// The file as it should be shown (e.g. `catalog/vaultspay.yaml`).
    pub file: String,
    /// Line and column, when the node could be found.
    pub position: Option<Position>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl Located {
    #[cfg(feature = "build-script")]
    /// Places every diagnostic in `source`, the text of `file`, in one pass over the text however
    /// many there are (see [`yaml::locate_all`]).
    pub fn place_all(file: &str, source: &str, diagnostics: Vec<Diagnostic>) -> Vec<Located> {
        let no_path = crate::tree::Path::root();
        let paths: Vec<&crate::tree::Path> = diagnostics
            .iter()
            .map(|diagnostic| match &diagnostic.origin {
                Origin::Yaml(path) => path,
                Origin::Span(_) | Origin::Unknown => &no_path,
            })
            .collect();
        let positions = yaml::locate_all(source, &paths);
        diagnostics
            .into_iter()
            .zip(positions)
            .map(|(diagnostic, position)| Located {
                rule: diagnostic.rule,
                file: file.to_owned(),
                position: match diagnostic.origin {
                    Origin::Yaml(_) => position,
                    Origin::Span(_) | Origin::Unknown => None,
                },
                message: abbreviated(diagnostic.message),
                help: diagnostic.help.map(abbreviated),
            })
            .collect()
    }

    #[cfg(feature = "build-script")]
    /// Places `diagnostic` in `source`, the text of `file`.
    pub fn place(file: &str, source: &str, diagnostic: Diagnostic) -> Located {
        let position = match &diagnostic.origin {
            Origin::Yaml(path) => yaml::locate(source, path),
            Origin::Span(_) | Origin::Unknown => None,
        };
        Located {
            rule: diagnostic.rule,
            file: file.to_owned(),
            position,
            message: diagnostic.message,
            help: diagnostic.help,
        }
    }
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let position = self.position.unwrap_or(Position { line: 1, column: 1 });
        write!(
            f,
            "{}:{}:{}: error[{}]: {}",
            self.file,
            position.line,
            position.column,
            self.rule.code(),
            self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// The longest message a diagnostic shows, in characters: catalog text quoted in a message (a
/// 100,000-character type name) is elided in the middle beyond it.
pub const LONGEST_MESSAGE: usize = 600;

/// `message`, with its middle elided when it is longer than [`LONGEST_MESSAGE`].
#[cfg(feature = "build-script")]
fn abbreviated(message: String) -> String {
    let length = message.chars().count();
    if length <= LONGEST_MESSAGE {
        return message;
    }
    let keep = LONGEST_MESSAGE / 2;
    let head: String = message.chars().take(keep).collect();
    let tail: String = message.chars().skip(length - keep).collect();
    format!(
        "{head}… [{} characters left out] …{tail}",
        length - 2 * keep
    )
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
///
/// Bounded whatever the input: a word longer than [`LONGEST_TYPO`] characters is no typo of a
/// name, and a candidate whose length differs from the word's by more than the distance allowed
/// is skipped without computing the distance, so the work is at most `LONGEST_TYPO²` per
/// candidate (a 100,000-character name is answered at once, not with a 10¹⁰-cell table).
///
/// # Example
///
/// ```
/// use errcat_codegen::diagnostic::did_you_mean;
///
/// assert_eq!(did_you_mean("mesage", &["message", "status"]), Some("message"));
/// assert_eq!(did_you_mean("zzz", &["message", "status"]), None);
/// ```
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let length = word.chars().count();
    if length > LONGEST_TYPO {
        return None;
    }
    candidates
        .iter()
        .filter_map(|candidate| {
            let allowed = (candidate.len() / 3).max(1);
            let candidate_length = candidate.chars().count();
            if candidate_length > LONGEST_TYPO || candidate_length.abs_diff(length) > allowed {
                return None;
            }
            let distance = edit_distance(word, candidate);
            (distance <= allowed).then_some((distance, *candidate))
        })
        .min()
        .map(|(_, candidate)| candidate)
}

/// The longest word [`did_you_mean`] looks at, in characters.
pub const LONGEST_TYPO: usize = 64;

/// Edit distance counting an adjacent transposition as one edit (optimal string alignment),
/// so that `retyr` is one edit from `retry`.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            table[i * width + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (table[(i - 1) * width + j] + 1)
                    .min(table[i * width + j - 1] + 1)
                    .min(table[(i - 1) * width + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(table[(i - 2) * width + j - 2] + 1);
                }
                best
            };
        }
    }
    table[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let keys = ["message", "status", "user_message"];
        assert_eq!(did_you_mean("mesage", &keys), Some("message"));
        assert_eq!(did_you_mean("stauts", &keys), Some("status"));
        assert_eq!(did_you_mean("retyr", &["retry", "type"]), Some("retry"));
        assert_eq!(did_you_mean("colour", &keys), None);
    }
}
