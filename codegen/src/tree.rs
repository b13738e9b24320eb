//! A plain, parser-independent tree of a YAML document, and paths into it.
//!
//! The YAML front end ([`crate::yaml`]) builds it; the catalog reader walks it. Nothing here
//! knows which YAML library produced it.

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

/// One node of a parsed document.
///
/// # Example
///
/// ```
/// use errcat_codegen::tree::Node;
///
/// assert_eq!(Node::UInt(400).key_text().as_deref(), Some("400"));
/// assert_eq!(Node::Seq(Vec::new()).kind(), "a list");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// `~`, `null` or an empty value.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A negative integer.
    Int(i64),
    /// A non-negative integer.
    UInt(u64),
    /// A floating-point number.
    Float(f64),
    /// A string.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in document order.
    Map(Vec<(Node, Node)>),
    /// A value with a YAML `!tag`, which catalogs do not use.
    Tagged(String, Box<Node>),
}

impl Node {
    /// A short name of the node's kind, for messages ("a string", "a mapping").
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "a boolean",
            Node::Int(_) | Node::UInt(_) => "an integer",
            Node::Float(_) => "a number",
            Node::Str(_) => "a string",
            Node::Seq(_) => "a list",
            Node::Map(_) => "a mapping",
            Node::Tagged(..) => "a tagged value",
        }
    }

    /// The text of a scalar used as a mapping key (`400` → `"400"`); `None` for lists, mappings,
    /// tags and null.
    pub fn key_text(&self) -> Option<String> {
        match self {
            Node::Str(text) => Some(text.clone()),
            Node::Int(number) => Some(number.to_string()),
            Node::UInt(number) => Some(number.to_string()),
            Node::Bool(flag) => Some(flag.to_string()),
            Node::Float(number) => Some(number.to_string()),
            Node::Null | Node::Seq(_) | Node::Map(_) | Node::Tagged(..) => None,
        }
    }
}

/// One step of a [`Path`].
///
/// # Example
///
/// ```
/// use errcat_codegen::tree::{Path, Step};
///
/// let path = Path::root().value("codes").index(0);
/// assert_eq!(path.steps(), [Step::Value("codes".into()), Step::Index(0)]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// The value under this key of a mapping.
    Value(String),
    /// The key itself (for diagnostics about the key: typos, duplicates).
    Key(String),
    /// The n-th appearance (counting from 1) of a key that a mapping repeats, as errcat reads
    /// keys (`400:` and `"400":` are one key to errcat).
    KeyAgain(String, usize),
    /// The n-th item of a list.
    Index(usize),
}

/// Where a node sits in a document: the keys and indexes leading to it.
///
/// Every value the reader takes from a catalog keeps its path for diagnostics, so paths share
/// their parents: extending one allocates one link, not a copy of every step.
///
/// # Example
///
/// ```
/// use errcat_codegen::tree::Path;
///
/// let path = Path::root().value("codes").value("card_declined").value("status");
/// assert_eq!(path.to_string(), "codes.card_declined.status");
/// assert_eq!(path.to_key().to_string(), "codes.card_declined.status"); // the key `status:` itself
/// assert_eq!(path.parent().unwrap().to_string(), "codes.card_declined");
/// ```
#[derive(Clone, Default)]
pub struct Path(Option<Arc<Link>>);

struct Link {
    parent: Path,
    step: Step,
}

impl Path {
    /// The document root.
    pub fn root() -> Path {
        Path(None)
    }

    /// The value under `key`.
    pub fn value(&self, key: &str) -> Path {
        self.with(Step::Value(key.to_owned()))
    }

    /// The key `key` itself.
    pub fn key(&self, key: &str) -> Path {
        self.with(Step::Key(key.to_owned()))
    }

    /// The `occurrence`-th appearance of the key `key` of a mapping (see [`Step::KeyAgain`]).
    pub fn key_again(&self, key: &str, occurrence: usize) -> Path {
        self.with(Step::KeyAgain(key.to_owned(), occurrence))
    }

    /// The item at `index`.
    pub fn index(&self, index: usize) -> Path {
        self.with(Step::Index(index))
    }

    /// For a path ending at the value of a key, the path of that key itself (where "this
    /// mapping lacks …" or "this value is wrong as a whole" is best shown); other paths as they are.
    pub fn to_key(&self) -> Path {
        match &self.0 {
            Some(link) => match &link.step {
                Step::Value(key) => link.parent.with(Step::Key(key.clone())),
                Step::Key(_) | Step::KeyAgain(..) | Step::Index(_) => self.clone(),
            },
            None => self.clone(),
        }
    }

    /// The path of the mapping or list that holds this path's last step; `None` for the root.
    pub fn parent(&self) -> Option<Path> {
        self.0.as_ref().map(|link| link.parent.clone())
    }

    /// Whether this is the document root.
    pub fn is_root(&self) -> bool {
        self.0.is_none()
    }

    fn with(&self, step: Step) -> Path {
        Path(Some(Arc::new(Link {
            parent: self.clone(),
            step,
        })))
    }

    /// The steps from the root.
    pub fn steps(&self) -> Vec<Step> {
        let mut steps = Vec::new();
        let mut at = self;
        while let Some(link) = &at.0 {
            steps.push(link.step.clone());
            at = &link.parent;
        }
        steps.reverse();
        steps
    }
}

impl PartialEq for Path {
    fn eq(&self, other: &Path) -> bool {
        self.steps() == other.steps()
    }
}

impl Eq for Path {}

impl std::hash::Hash for Path {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.steps().hash(state);
    }
}

impl PartialOrd for Path {
    fn partial_cmp(&self, other: &Path) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Path {
    fn cmp(&self, other: &Path) -> std::cmp::Ordering {
        self.steps().cmp(&other.steps())
    }
}

impl fmt::Debug for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Path").field(&self.steps()).finish()
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let steps = self.steps();
        if steps.is_empty() {
            return f.write_str("(document)");
        }
        for (position, step) in steps.iter().enumerate() {
            match step {
                Step::Value(key) | Step::Key(key) | Step::KeyAgain(key, _) => {
                    if position > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(key)?;
                }
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// A key that a mapping repeats, dropped by [`drop_repeated_keys`].
///
/// The example of [`drop_repeated_keys`] reads one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepeatedKey {
    /// Where the repeat is: [`Step::KeyAgain`] of its text and appearance (or, for a key that is
    /// not a scalar, the mapping itself).
    pub path: Path,
    /// The key's text (for a key that is not a scalar, its kind).
    pub key: String,
}

/// Drops every repeat of a key from every mapping of `root`, keeping the first appearance, and
/// says where each repeat was. YAML forbids repeated keys; reporting them this way, rather than
/// failing the parse, lets the rest of the file be read and checked in the same run.
///
/// # Example
///
/// ```
/// use errcat_codegen::{tree, yaml};
///
/// let source = "name: A\nname: B\n";
/// let mut root = yaml::parse(source).unwrap();
/// let repeats = tree::drop_repeated_keys(&mut root);
/// assert_eq!(repeats[0].key, "name");
/// let at = yaml::locate(source, &repeats[0].path).unwrap();
/// assert_eq!((at.line, at.column), (2, 1)); // the repeat, not the first
/// // The first value stays.
/// assert_eq!(root, tree::Node::Map(vec![(tree::Node::Str("name".into()), tree::Node::Str("A".into()))]));
/// ```
pub fn drop_repeated_keys(root: &mut Node) -> Vec<RepeatedKey> {
    let mut found = Vec::new();
    drop_repeats_in(root, &Path::root, &mut found);
    found
}

/// Walks `node`, whose path `path` builds: paths are built only for a repeat, so a file without
/// one is walked without allocating.
fn drop_repeats_in(node: &mut Node, path: &dyn Fn() -> Path, found: &mut Vec<RepeatedKey>) {
    match node {
        Node::Map(entries) => {
            let repeats = repeated_positions(entries);
            for &position in &repeats {
                let key = &entries[position].0;
                let repeat = match key.key_text() {
                    Some(text) => {
                        // Appearances by text, as `Step::KeyAgain` counts them.
                        let occurrence = entries[..=position]
                            .iter()
                            .filter(|(earlier, _)| earlier.key_text().as_deref() == Some(&*text))
                            .count();
                        RepeatedKey {
                            path: path().key_again(&text, occurrence),
                            key: text,
                        }
                    }
                    None => RepeatedKey {
                        path: path(),
                        key: key.kind().to_owned(),
                    },
                };
                found.push(repeat);
            }
            if !repeats.is_empty() {
                let mut position = 0;
                entries.retain(|_| {
                    position += 1;
                    repeats.binary_search(&(position - 1)).is_err()
                });
            }
            for (key, value) in entries.iter_mut() {
                if matches!(value, Node::Map(_) | Node::Seq(_) | Node::Tagged(..)) {
                    let key = &*key;
                    let child = || match key.key_text() {
                        Some(text) => path().value(&text),
                        None => path(),
                    };
                    drop_repeats_in(value, &child, found);
                }
            }
        }
        Node::Seq(items) => {
            for (index, item) in items.iter_mut().enumerate() {
                if matches!(item, Node::Map(_) | Node::Seq(_) | Node::Tagged(..)) {
                    drop_repeats_in(item, &|| path().index(index), found);
                }
            }
        }
        Node::Tagged(_, inner) => drop_repeats_in(inner, path, found),
        Node::Null
        | Node::Bool(_)
        | Node::Int(_)
        | Node::UInt(_)
        | Node::Float(_)
        | Node::Str(_) => {}
    }
}

/// The positions of the entries whose key an earlier entry already has, in order. Most mappings
/// have a handful of keys, compared directly; a long one (the codes) keeps a set of the keys seen.
fn repeated_positions(entries: &[(Node, Node)]) -> Vec<usize> {
    const SHORT: usize = 16;
    if entries.len() <= SHORT {
        return (1..entries.len())
            .filter(|&position| {
                let key = &entries[position].0;
                entries[..position]
                    .iter()
                    .any(|(earlier, _)| KeyIdentity::of(earlier) == KeyIdentity::of(key))
            })
            .collect();
    }
    let mut seen = HashSet::with_capacity(entries.len());
    entries
        .iter()
        .enumerate()
        .filter(|(_, (key, _))| !seen.insert(KeyIdentity::of(key)))
        .map(|(position, _)| position)
        .collect()
}

/// What makes two mapping keys the same key, as YAML values compare: kind and value (the string
/// `"1"` and the number `1` are different keys; errcat's reader then reports those). Scalars are
/// compared without copying them.
#[derive(PartialEq, Eq, Hash)]
enum KeyIdentity<'a> {
    Text(&'a str),
    Unsigned(u64),
    Signed(i64),
    Float(u64),
    Bool(bool),
    Null,
    /// A list, mapping or tagged value used as a key (never in a valid catalog).
    Other(String),
}

impl KeyIdentity<'_> {
    fn of(key: &Node) -> KeyIdentity<'_> {
        match key {
            Node::Str(text) => KeyIdentity::Text(text),
            Node::UInt(number) => KeyIdentity::Unsigned(*number),
            Node::Int(number) => KeyIdentity::Signed(*number),
            Node::Float(number) => KeyIdentity::Float(number.to_bits()),
            Node::Bool(flag) => KeyIdentity::Bool(*flag),
            Node::Null => KeyIdentity::Null,
            other @ (Node::Seq(_) | Node::Map(_) | Node::Tagged(..)) => {
                KeyIdentity::Other(format!("{other:?}"))
            }
        }
    }
}
