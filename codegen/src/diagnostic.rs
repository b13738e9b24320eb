//! Problems found in a catalog, collected rather than returned one at a time.

use std::fmt;

use crate::model::Origin;
use crate::tree::Path;
use crate::yaml;

/// One problem, with where it is and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where the problem is.
    pub origin: Origin,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

/// A sink for diagnostics: readers and rules record problems and carry on, so the user sees
/// every problem of a catalog at once.
#[derive(Debug, Default)]
pub struct Diagnostics {
    found: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records a problem.
    pub fn error(&mut self, origin: &Origin, message: impl Into<String>) {
        self.found.push(Diagnostic {
            origin: origin.clone(),
            message: message.into(),
            help: None,
        });
    }

    /// Records a problem with a suggestion.
    pub fn error_help(
        &mut self,
        origin: &Origin,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.found.push(Diagnostic {
            origin: origin.clone(),
            message: message.into(),
            help: Some(help.into()),
        });
    }

    /// Records a problem at a YAML path.
    pub fn at(&mut self, path: &Path, message: impl Into<String>, help: Option<String>) {
        self.found.push(Diagnostic {
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// The file as it should be shown (e.g. `catalog/vaultspay.yaml`).
    pub file: String,
    /// Line and column, when the node could be found.
    pub position: Option<yaml::Position>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl Located {
    /// Places `diagnostic` in `source`, the text of `file`.
    pub fn place(file: &str, source: &str, diagnostic: Diagnostic) -> Located {
        let position = match &diagnostic.origin {
            Origin::Yaml(path) => yaml::locate(source, path),
            Origin::Span(_) | Origin::Unknown => None,
        };
        Located {
            file: file.to_owned(),
            position,
            message: diagnostic.message,
            help: diagnostic.help,
        }
    }
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let position = self
            .position
            .unwrap_or(yaml::Position { line: 1, column: 1 });
        write!(
            f,
            "{}:{}:{}: error: {}",
            self.file, position.line, position.column, self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|candidate| (edit_distance(word, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(1))
        .min()
        .map(|(_, candidate)| candidate)
}

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
