//! The YAML front end: the only module that uses `serde_yaml`.
//!
//! [`parse`] turns catalog text into a [`Node`] tree; [`locate`] finds the line and column of a
//! [`Path`] in the same text, for diagnostics. `serde_yaml` exposes positions only on errors, so
//! `locate` walks the document with a deserializer that fails on purpose at the node it is
//! looking for and reads the position from that error. It runs once per diagnostic, never on a
//! catalog without problems.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::tree::{Node, Path, Step};

pub use crate::diagnostic::Position;

/// The text is not valid YAML (or repeats a key in a mapping).
///
/// # Example
///
/// ```
/// let error = errcat_codegen::yaml::parse("codes: [a, b\n").unwrap_err();
/// assert!(error.position.is_some());
/// assert!(!error.message.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where the parser stopped, when it knows.
    pub position: Option<Position>,
    /// What the parser reported, without its position suffix.
    pub message: String,
}

/// The deepest nesting of flow collections (`[`, `{`) a catalog may have; serde_yaml refuses
/// more than this anyway, but only after a parse whose time grows with the square of the depth.
const MAX_FLOW_DEPTH: usize = 128;

/// Parses catalog text.
///
/// # Example
///
/// ```
/// use errcat_codegen::tree::{Node, Path};
/// use errcat_codegen::yaml;
///
/// let source = "name: Acme Pay\ncodes:\n  card_declined: {status: 402}\n";
/// let root = yaml::parse(source).unwrap();
/// let Node::Map(entries) = &root else { unreachable!() };
/// assert_eq!(entries[0], (Node::Str("name".into()), Node::Str("Acme Pay".into())));
///
/// // Where a node is, for diagnostics.
/// let status = Path::root().value("codes").value("card_declined").value("status");
/// let at = yaml::locate(source, &status).unwrap();
/// assert_eq!((at.line, at.column), (3, 27)); // the value `402`
/// assert!(yaml::parse("a: [1, 2\n").is_err());
/// ```
pub fn parse(source: &str) -> Result<Node, SyntaxError> {
    check_flow_depth(source)?;
    match serde_yaml::from_str::<ParsedNode>(source) {
        Ok(ParsedNode(node)) => {
            check_binary(source)?;
            Ok(node)
        }
        Err(error) => Err(syntax_error(source, &error)),
    }
}

/// Refuses `!!binary` values: serde_yaml hands them over as their base64 text, which a catalog
/// would then take for the text itself. Only a file that mentions the tag is walked.
fn check_binary(source: &str) -> Result<(), SyntaxError> {
    if !source.contains("!!binary") {
        return Ok(());
    }
    for event in saphyr_parser::Parser::new_from_str(source) {
        let Ok((event, span)) = event else {
            return Ok(());
        };
        let tag = match &event {
            saphyr_parser::Event::Scalar(_, _, _, Some(tag))
            | saphyr_parser::Event::SequenceStart(_, Some(tag))
            | saphyr_parser::Event::MappingStart(_, Some(tag)) => tag,
            _ => continue,
        };
        if tag.is_yaml_core_schema() && tag.suffix == "binary" {
            return Err(SyntaxError {
                position: Some(Position {
                    line: span.start.line(),
                    column: span.start.col() + 1,
                }),
                message: "a `!!binary` value: catalogs hold text, write it as text".to_owned(),
            });
        }
    }
    Ok(())
}

/// Refuses flow collections nested deeper than [`MAX_FLOW_DEPTH`] in one linear pass, before the
/// parser sees them. Quoted strings and comments are skipped; a bracket inside a plain scalar is
/// counted, which can only make the check stricter than the parser at depths no catalog has. A
/// quote opens a quoted scalar only where YAML starts one (see [`opens_quoted_scalar`]): the
/// apostrophe of `name: it's` is text, and what follows it is still checked.
fn check_flow_depth(source: &str) -> Result<(), SyntaxError> {
    // Byte by byte, skipping bytes that matter in no state with one table lookup (every
    // character that matters is ASCII, and no byte of a multi-byte character is one): this runs
    // over whole catalogs, often in an unoptimized build script.
    const MATTERS: [bool; 256] = {
        let mut table = [false; 256];
        let mut index = 0;
        let special = b"\n\"'#[]{}\\";
        while index < special.len() {
            table[special[index] as usize] = true;
            index += 1;
        }
        table
    };
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        index += 1;
        if !MATTERS[usize::from(byte)] {
            continue;
        }
        match (quote, byte) {
            (Some(b'#'), b'\n') => quote = None,
            (_, b'\n') => {}
            // The escaped character; a multi-byte one's remaining bytes match nothing here.
            (Some(b'"'), b'\\') => index += 1,
            (Some(b'\''), b'\'') if bytes.get(index) == Some(&b'\'') => index += 1,
            (Some(open), _) if byte == open && open != b'#' => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') if opens_quoted_scalar(bytes, index - 1) => quote = Some(byte),
            (None, b'#') if index < 2 || bytes[index - 2].is_ascii_whitespace() => {
                quote = Some(b'#');
            }
            (None, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Err(SyntaxError {
                        position: Some(position_before(source, index)),
                        message: format!("collections nested deeper than {MAX_FLOW_DEPTH} levels"),
                    });
                }
            }
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            (None, _) => {}
        }
    }
    Ok(())
}

/// Whether the quote at byte `at` starts a quoted scalar: at the start of the text or of a line
/// (after indentation), right after `[`, `{` or `,`, or after `:`, `-` or `?` and a space. A quote
/// anywhere else is inside a plain scalar (`it's`). Reading a quote as text when YAML reads it as
/// a quote can only count more brackets, never fewer; the look back stops at the first byte that
/// is not a space, so the pass stays linear.
fn opens_quoted_scalar(bytes: &[u8], at: usize) -> bool {
    let mut before = at;
    while before > 0 && matches!(bytes[before - 1], b' ' | b'\t') {
        before -= 1;
    }
    let spaced = before < at;
    match before.checked_sub(1).map(|previous| bytes[previous]) {
        None | Some(b'\n' | b'\r' | b'[' | b'{' | b',') => true,
        Some(b':' | b'-' | b'?') => spaced,
        Some(_) => false,
    }
}

/// The line and column of the character that ends at byte `end` of `source`.
fn position_before(source: &str, end: usize) -> Position {
    let before = &source.as_bytes()[..end];
    let line_start = before
        .iter()
        .rposition(|byte| *byte == b'\n')
        .map_or(0, |newline| newline + 1);
    Position {
        line: before.iter().filter(|byte| **byte == b'\n').count() + 1,
        // Columns count characters: continuation bytes of a multi-byte character do not.
        column: before[line_start..]
            .iter()
            .filter(|byte| **byte & 0xC0 != 0x80)
            .count(),
    }
}

fn syntax_error(source: &str, error: &serde_yaml::Error) -> SyntaxError {
    // Drop the first " at line L column C" (the position is reported separately), but keep any
    // context after it, such as ", while parsing a flow sequence at line 14 column 16".
    let mut message = error.to_string();
    if let Some(start) = message.find(" at line ") {
        let rest = &message[start + " at line ".len()..];
        let end = rest
            .find(',')
            .map_or(message.len(), |comma| start + " at line ".len() + comma);
        message.replace_range(start..end, "");
    }
    let mut position = error.location().map(|location| Position {
        line: location.line(),
        column: location.column(),
    });
    // The reader's errors (a NUL or other control character, invalid UTF-8) give a byte offset
    // in the message instead of a location.
    if let Some(start) = message.find(" at position ") {
        let digits = &message[start + " at position ".len()..];
        let end = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        if let Ok(offset) = digits[..end].parse::<usize>() {
            if offset < source.len() && source.is_char_boundary(offset) {
                let next = source[offset..].chars().next().map_or(1, char::len_utf8);
                position = Some(position_before(source, offset + next));
            }
            message.replace_range(start..start + " at position ".len() + end, "");
        }
    }
    // libyaml's limit on keys written without `? `: 1024 characters, reported as a missing `:`.
    if let Some(at) = position {
        let line = source.lines().nth(at.line.saturating_sub(1)).unwrap_or("");
        if line.chars().count() > 1024
            && (message.contains("simple key") || message.contains("mapping values"))
        {
            message = format!(
                "a line of {} characters: YAML reads at most 1024 characters as a key ({message})",
                line.chars().count()
            );
        }
    }
    SyntaxError { position, message }
}

/// A [`Node`] read straight from the parser's events (no intermediate `serde_yaml::Value`, whose
/// hashed mappings cost more than the document itself in an unoptimized build script). It reads
/// what `serde_yaml::Value` reads, and refuses a repeated key with the same message.
struct ParsedNode(Node);

impl<'de> de::Deserialize<'de> for ParsedNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ParsedNode, D::Error> {
        deserializer.deserialize_any(NodeVisitor).map(ParsedNode)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<Node, E> {
        Ok(Node::Bool(flag))
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<Node, E> {
        Ok(u64::try_from(number).map_or(Node::Int(number), Node::UInt))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Node, E> {
        Ok(Node::UInt(number))
    }

    fn visit_u128<E: de::Error>(self, number: u128) -> Result<Node, E> {
        Err(E::custom(format_args!(
            "the integer {number} does not fit in 64 bits (write it in quotes if it is text)"
        )))
    }

    fn visit_i128<E: de::Error>(self, number: i128) -> Result<Node, E> {
        Err(E::custom(format_args!(
            "the integer {number} does not fit in 64 bits (write it in quotes if it is text)"
        )))
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<Node, E> {
        Ok(Node::Float(number))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Node, E> {
        Ok(Node::Str(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Node, E> {
        Ok(Node::Str(text))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(ParsedNode(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        // Repeated keys are kept: `tree::drop_repeated_keys` reports them after the parse, so the
        // rest of the file is still read and checked.
        let mut entries: Vec<(Node, Node)> = Vec::new();
        while let Some(ParsedNode(key)) = map.next_key()? {
            let ParsedNode(value) = map.next_value()?;
            entries.push((key, value));
        }
        Ok(Node::Map(entries))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Node, A::Error> {
        use de::VariantAccess;
        let (tag, contents): (String, _) = data.variant()?;
        if tag.is_empty() {
            return Err(de::Error::custom("empty YAML tag is not allowed"));
        }
        let ParsedNode(value) = contents.newtype_variant()?;
        let tag = format!("!{}", tag.strip_prefix('!').unwrap_or(&tag));
        Ok(Node::Tagged(tag, Box::new(value)))
    }
}

/// The position of the node at `path`, if the path exists in `source`.
///
/// # Example
///
/// ```
/// use errcat_codegen::tree::Path;
///
/// let source = "codes:\n  card_declined:\n    status: 402\n";
/// let key = Path::root().value("codes").key("card_declined");
/// let at = errcat_codegen::yaml::locate(source, &key).unwrap();
/// assert_eq!((at.line, at.column), (2, 3));
/// ```
pub fn locate(source: &str, path: &Path) -> Option<Position> {
    locate_occurrence(source, path, 1)
}

/// Up to this many paths, [`locate_all`] locates each with [`locate`] (one parse each, which
/// gives serde_yaml's own positions exactly).
const LOCATE_ONE_BY_ONE: usize = 8;

/// How many paths [`locate_all`] may still locate one by one (a parse each) when its index of
/// the text does not have them; the rest go without a position.
const LOCATE_FALLBACKS: usize = 32;

/// The positions of many paths of `source` at once, in the order of `paths`: linear in the
/// text whatever the number of paths. A few paths are located one by one; more are looked up in
/// an index of every node's position built in one pass over the text (`PositionIndex`), and
/// only the paths the index cannot answer (keys that serde_yaml reads as another text, such as
/// `0x10`, and nodes under an alias) are located one by one, at most `LOCATE_FALLBACKS` (32) of them.
///
/// # Example
///
/// ```
/// use errcat_codegen::tree::Path;
/// use errcat_codegen::yaml;
///
/// let source = "name: Acme\ncodes:\n  x: {status: 402}\n";
/// let name = Path::root().value("name");
/// let status = Path::root().value("codes").value("x").value("status");
/// let missing = Path::root().value("nowhere");
/// let found = yaml::locate_all(source, &[&name, &status, &missing]);
/// let lines: Vec<Option<usize>> = found.iter().map(|at| at.map(|at| at.line)).collect();
/// assert_eq!(lines, [Some(1), Some(3), None]);
/// ```
pub fn locate_all(source: &str, paths: &[&Path]) -> Vec<Option<Position>> {
    if paths.len() <= LOCATE_ONE_BY_ONE {
        return paths.iter().map(|path| locate(source, path)).collect();
    }
    let steps: Vec<Vec<Step>> = paths.iter().map(|path| path.steps()).collect();
    let index = PositionIndex::build(source, &steps);
    let mut fallbacks = LOCATE_FALLBACKS;
    paths
        .iter()
        .zip(&steps)
        .map(|(path, steps)| {
            index.get(steps).or_else(|| {
                fallbacks = fallbacks.checked_sub(1)?;
                locate(source, path)
            })
        })
        .collect()
}

/// The positions of the wanted paths of a text, found in one pass over its YAML events.
struct PositionIndex {
    found: HashMap<Vec<Step>, Position>,
}

/// Where the walk is inside one collection.
enum Frame {
    /// A sequence: the index of its next item.
    Sequence(usize),
    /// A mapping: `None` when a key comes next; else the key whose value comes next (`None`
    /// inside for a key the walk cannot read as serde_yaml does: its value is skipped).
    Mapping(Option<Option<String>>),
}

/// A collection being walked, and whether it added a step to the path (the root adds none).
struct Open {
    frame: Frame,
    pushed: bool,
}

impl PositionIndex {
    fn build(source: &str, wanted: &[Vec<Step>]) -> PositionIndex {
        use saphyr_parser::Event;
        let wanted: HashSet<&[Step]> = wanted.iter().map(Vec::as_slice).collect();
        let mut found = HashMap::new();
        let mut path: Vec<Step> = Vec::new();
        let mut open: Vec<Open> = Vec::new();
        // The depth inside a collection the walk cannot follow (a complex key, the value of a
        // key it cannot read); 0 while walking.
        let mut skipping = 0usize;
        for event in saphyr_parser::Parser::new_from_str(source) {
            let Ok((event, span)) = event else {
                break;
            };
            let opens = matches!(event, Event::SequenceStart(..) | Event::MappingStart(..));
            let closes = matches!(event, Event::SequenceEnd | Event::MappingEnd);
            if skipping > 0 {
                if opens {
                    skipping += 1;
                } else if closes {
                    skipping -= 1;
                }
                continue;
            }
            if closes {
                if open.pop().is_some_and(|closed| closed.pushed) {
                    path.pop();
                }
                continue;
            }
            if !opens && !matches!(event, Event::Scalar(..) | Event::Alias(..)) {
                continue;
            }
            let position = Position {
                line: span.start.line(),
                column: span.start.col() + 1,
            };
            let step = match open.last_mut().map(|parent| &mut parent.frame) {
                None => None,
                Some(Frame::Sequence(next)) => {
                    *next += 1;
                    Some(Step::Index(*next - 1))
                }
                Some(Frame::Mapping(state @ None)) => {
                    let key = match &event {
                        Event::Scalar(text, style, _, None) => key_text(text, *style),
                        _ => None,
                    };
                    if let Some(key) = &key {
                        path.push(Step::Key(key.clone()));
                        record(&wanted, &mut found, &path, position);
                        path.pop();
                    }
                    *state = Some(key);
                    if opens {
                        skipping = 1;
                    }
                    continue;
                }
                Some(Frame::Mapping(state)) => match state.take().flatten() {
                    Some(key) => Some(Step::Value(key)),
                    None => {
                        if opens {
                            skipping = 1;
                        }
                        continue;
                    }
                },
            };
            // serde_yaml places an alias's nodes where the anchored nodes are, and a block
            // scalar at its `|` or `>` where this parser gives its first line: not indexed.
            let block = matches!(
                event,
                Event::Scalar(
                    _,
                    saphyr_parser::ScalarStyle::Literal | saphyr_parser::ScalarStyle::Folded,
                    ..
                )
            );
            if matches!(event, Event::Alias(..)) || block {
                continue;
            }
            let pushed = step.is_some();
            if let Some(step) = step {
                path.push(step);
            }
            record(&wanted, &mut found, &path, position);
            if opens {
                let frame = if matches!(event, Event::SequenceStart(..)) {
                    Frame::Sequence(0)
                } else {
                    Frame::Mapping(None)
                };
                open.push(Open { frame, pushed });
            } else if pushed {
                path.pop();
            }
        }
        PositionIndex { found }
    }

    fn get(&self, steps: &[Step]) -> Option<Position> {
        self.found.get(steps).copied()
    }
}

/// Notes the position of the node at `path` if it is wanted and not found before (a repeated
/// key: serde_yaml's walk stops at the first).
fn record(
    wanted: &HashSet<&[Step]>,
    found: &mut HashMap<Vec<Step>, Position>,
    path: &[Step],
    position: Position,
) {
    if wanted.contains(path) && !found.contains_key(path) {
        found.insert(path.to_vec(), position);
    }
}

/// A mapping key as serde_yaml gives it to the reader, when the text alone says so: a quoted or
/// block scalar as written, a plain one unless YAML reads it as something other than the same
/// text (`~` and `null` read as the empty key; integers without a sign or leading zero and
/// `true`/`false` read as themselves; other numbers, such as `+1`, `0x10` or `1.50`, are left to
/// serde_yaml).
fn key_text(text: &str, style: saphyr_parser::ScalarStyle) -> Option<String> {
    if style != saphyr_parser::ScalarStyle::Plain {
        return Some(text.to_owned());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Some(String::new()),
        "true" | "True" | "TRUE" => return Some("true".to_owned()),
        "false" | "False" | "FALSE" => return Some("false".to_owned()),
        _ => {}
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    let plain_integer = !digits.is_empty()
        && digits.bytes().all(|byte| byte.is_ascii_digit())
        && (digits.len() == 1 || !digits.starts_with('0'));
    if plain_integer {
        return Some(text.to_owned());
    }
    let numeric_looking = text
        .bytes()
        .next()
        .is_some_and(|first| first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.'));
    (!numeric_looking).then(|| text.to_owned())
}

/// Like [`locate`], but when the last step is a key, finds its `occurrence`-th appearance.
fn locate_occurrence(source: &str, path: &Path, occurrence: usize) -> Option<Position> {
    let deserializer = serde_yaml::Deserializer::from_str(source);
    let steps = path.steps();
    let seek = Seek {
        steps: &steps,
        occurrence,
    };
    match seek.deserialize(deserializer) {
        Ok(()) => None,
        Err(error) if error.to_string().contains(FOUND) => {
            error.location().map(|location| Position {
                line: location.line(),
                column: location.column(),
            })
        }
        Err(_) => None,
    }
}

/// The message of the deliberate error that marks the node being located.
const FOUND: &str = "errcat: located";

struct Seek<'a> {
    steps: &'a [Step],
    occurrence: usize,
}

impl<'de> DeserializeSeed<'de> for Seek<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        match self.steps.first() {
            None => deserializer.deserialize_any(Found),
            Some(Step::Index(_)) => deserializer.deserialize_seq(self),
            Some(Step::Value(_) | Step::Key(_) | Step::KeyAgain(..)) => {
                deserializer.deserialize_map(self)
            }
        }
    }
}

impl<'de> Visitor<'de> for Seek<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the path being located")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((Step::Index(target), rest)) = self.steps.split_first() else {
            return Ok(());
        };
        for _ in 0..*target {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        let inner = Seek {
            steps: rest,
            occurrence: self.occurrence,
        };
        seq.next_element_seed(inner)?;
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((step, rest)) = self.steps.split_first() else {
            return Ok(());
        };
        // A key step: the key, and which of its appearances is wanted.
        let key_step = match step {
            Step::Key(key) => Some((key.as_str(), self.occurrence)),
            Step::KeyAgain(key, occurrence) => Some((key.as_str(), *occurrence)),
            Step::Value(_) | Step::Index(_) => None,
        };
        let mut seen = 0;
        loop {
            let wanted = key_step.and_then(|(key, occurrence)| {
                seen += 1;
                (seen >= occurrence).then_some(key)
            });
            let Some(key) = map.next_key_seed(KeyText { fail_on: wanted })? else {
                return Ok(());
            };
            match (step, key_step) {
                (Step::Value(wanted), _) if *wanted == key => map.next_value_seed(Seek {
                    steps: rest,
                    occurrence: self.occurrence,
                })?,
                (_, Some((wanted, _))) if wanted != key => {
                    seen -= 1;
                    map.next_value::<IgnoredAny>()?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
    }
}

/// Reads a mapping key as text; fails (marking the position) when it equals `fail_on`.
struct KeyText<'a> {
    fail_on: Option<&'a str>,
}

impl<'de> DeserializeSeed<'de> for KeyText<'_> {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeyText<'_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<String, E> {
        if self.fail_on == Some(key) {
            return Err(E::custom(FOUND));
        }
        Ok(key.to_owned())
    }

    fn visit_u64<E: de::Error>(self, key: u64) -> Result<String, E> {
        self.visit_str(&key.to_string())
    }

    fn visit_i64<E: de::Error>(self, key: i64) -> Result<String, E> {
        self.visit_str(&key.to_string())
    }

    fn visit_f64<E: de::Error>(self, key: f64) -> Result<String, E> {
        self.visit_str(&key.to_string())
    }

    fn visit_bool<E: de::Error>(self, key: bool) -> Result<String, E> {
        self.visit_str(&key.to_string())
    }

    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        Ok(String::new())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<String, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(String::new())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<String, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(String::new())
    }
}

/// Fails on whatever node it is given: every default `visit_*` method returns an error, and
/// `serde_yaml` stamps that error with the node's position.
struct Found;

impl<'de> Visitor<'de> for Found {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(FOUND)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(FOUND))
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(FOUND))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(FOUND))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "\
name: Demo
codes:
  first:
    status: 400
  \"second\":
    status: 404
    examples:
      - body: {a: 1}
      - body:
          error: x
statuses:
  400: {meaning: bad}
";

    fn at(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    /// Every path of a tree: each key, each value, each item.
    fn every_path(node: &Node, path: &Path, paths: &mut Vec<Path>) {
        paths.push(path.clone());
        match node {
            Node::Seq(items) => {
                for (index, item) in items.iter().enumerate() {
                    every_path(item, &path.index(index), paths);
                }
            }
            Node::Map(entries) => {
                for (key, value) in entries {
                    if let Some(key) = key.key_text() {
                        paths.push(path.key(&key));
                        every_path(value, &path.value(&key), paths);
                    }
                }
            }
            _ => {}
        }
    }

    #[test]
    fn the_one_pass_index_agrees_with_serde_yaml_on_every_catalog() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        for dir in ["catalog", "tests/catalogs", "codegen/tests/bad"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|ext| ext == "yaml") {
                    files.push(path);
                }
            }
        }
        let (mut compared, mut indexed) = (0usize, 0usize);
        for file in files {
            let Ok(source) = std::fs::read_to_string(&file) else {
                continue;
            };
            let Ok(tree) = parse(&source) else {
                continue;
            };
            let mut paths = Vec::new();
            every_path(&tree, &Path::root(), &mut paths);
            // A sample of each file keeps the one-by-one side of the comparison quick.
            let step = (paths.len() / 100).max(1);
            let sample: Vec<Path> = paths.into_iter().step_by(step).collect();
            let steps: Vec<Vec<Step>> = sample.iter().map(Path::steps).collect();
            let index = PositionIndex::build(&source, &steps);
            for (path, steps) in sample.iter().zip(&steps) {
                let expected = locate(&source, path);
                compared += 1;
                if let Some(position) = index.get(steps) {
                    indexed += 1;
                    assert_eq!(Some(position), expected, "{} at {path}", file.display());
                }
            }
        }
        assert!(compared > 1_500, "{compared} paths compared");
        // Only keys that YAML reads as another text, and nodes under aliases, are left out.
        assert!(
            indexed * 100 >= compared * 95,
            "{indexed} of {compared} indexed"
        );
    }

    #[test]
    fn many_diagnostics_are_located_in_one_pass() {
        let mut source = String::from("statuses:\n");
        for status in 0..2_000 {
            source.push_str(&format!("  {}: {{meaning: m}}\n", 1000 + status));
        }
        let statuses = Path::root().value("statuses");
        let paths: Vec<Path> = (0..2_000)
            .map(|status| statuses.key(&(1000 + status).to_string()))
            .collect();
        let refs: Vec<&Path> = paths.iter().collect();
        let positions = locate_all(&source, &refs);
        for (line, position) in positions.iter().enumerate() {
            assert_eq!(*position, at(line + 2, 3));
        }
    }

    #[test]
    fn locates_values_keys_and_items() {
        let codes = Path::root().value("codes");
        assert_eq!(locate(SOURCE, &Path::root().value("name")), at(1, 7));
        assert_eq!(locate(SOURCE, &codes.key("second")), at(5, 3));
        assert_eq!(
            locate(SOURCE, &codes.value("second").value("status")),
            at(6, 13)
        );
        let second_example = codes.value("second").value("examples").index(1);
        assert_eq!(
            locate(SOURCE, &second_example.value("body").value("error")),
            at(10, 18)
        );
        assert_eq!(
            locate(SOURCE, &Path::root().value("statuses").key("400")),
            at(12, 3)
        );
        assert_eq!(locate(SOURCE, &codes.value("third")), None);
    }

    #[test]
    fn converts_scalars() {
        let tree = parse("a: 1\nb: -2\nc: 1.5\nd: ~\ne: [x]\nf: !tag 3\n").unwrap();
        let Node::Map(entries) = tree else {
            panic!("not a map")
        };
        let values: Vec<&Node> = entries.iter().map(|(_, value)| value).collect();
        assert_eq!(values[0], &Node::UInt(1));
        assert_eq!(values[1], &Node::Int(-2));
        assert_eq!(values[2], &Node::Float(1.5));
        assert_eq!(values[3], &Node::Null);
        assert_eq!(values[4], &Node::Seq(vec![Node::Str("x".into())]));
        assert!(matches!(values[5], Node::Tagged(..)));
    }

    #[test]
    fn refuses_deep_flow_nesting_before_parsing() {
        let deep = format!("a: {}{}\n", "[".repeat(129), "]".repeat(129));
        let error = parse(&deep).unwrap_err();
        assert_eq!(
            error.position,
            Some(Position {
                line: 1,
                column: 132
            })
        );
        assert!(error.message.contains("nested deeper than 128"));
        // Lines counted, and columns in characters, not bytes.
        let later = format!("b: \"é\"\na: [\"é\", {}\n", "[".repeat(128));
        assert_eq!(
            parse(&later).unwrap_err().position,
            Some(Position {
                line: 2,
                column: 4 + 5 + 128
            })
        );
        // Brackets in quotes and comments do not count.
        let quoted = format!("a: \"{}\" # {}\nb: 1\n", "[".repeat(500), "{".repeat(500));
        assert!(parse(&quoted).is_ok());
        assert!(parse(&format!("a: {}{}\n", "[".repeat(100), "]".repeat(100))).is_ok());
    }

    #[test]
    fn reports_syntax_errors_with_positions() {
        let error = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(error.position.is_some());
    }

    #[test]
    fn repeated_keys_parse_and_are_found_at_each_repeat() {
        let source = "codes:\n  x: 1\n  y: 2\n  x: 3\nlist:\n  - {a: 1, a: 2}\n  - b: 1\n    b: 2\n    b: 3\n";
        let mut root = parse(source).expect("repeats do not stop the parse");
        let repeated = crate::tree::drop_repeated_keys(&mut root);
        let found: Vec<(String, Option<Position>)> = repeated
            .iter()
            .map(|repeat| (repeat.key.clone(), locate(source, &repeat.path)))
            .collect();
        assert_eq!(
            found,
            [
                ("x".to_owned(), at(4, 3)),
                ("a".to_owned(), at(6, 12)),
                ("b".to_owned(), at(8, 5)),
                ("b".to_owned(), at(9, 5)),
            ]
        );
        // The first appearance stays; nothing else is lost.
        let Node::Map(entries) = &root else {
            panic!("{root:?}")
        };
        assert_eq!(
            entries[0].1,
            Node::Map(vec![
                (Node::Str("x".into()), Node::UInt(1)),
                (Node::Str("y".into()), Node::UInt(2))
            ])
        );
        // `1` and `"1"` are different YAML keys: left for the reader, which reports them.
        let mut root = parse("a:\n  1: x\n  \"1\": y\n").unwrap();
        assert!(crate::tree::drop_repeated_keys(&mut root).is_empty());
    }
}
