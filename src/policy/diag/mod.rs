//! Diagnostics for content authors: every problem found while loading a
//! template file, with the file, line and column it concerns.
//!
//! Loading has two stages. The serde stage reports the first syntax or shape
//! error with the location the YAML parser gives. The checking stage finds
//! problems by walking the raw model and names each by its path inside the
//! document (`sections[2].questions[0].show_if`); [`Locator`] then turns that
//! path into a line and column by reading the YAML's own event stream.
//!
//! The page has no YAML parser (the `yaml` feature is off there): it reads
//! the shipped templates as JSON made at build time, through the same
//! checking stage; only the parse step differs (see [`Format`]).

#[cfg(feature = "yaml")]
pub mod limits;
pub mod text;
pub mod words;

use std::fmt;

use serde::{Deserialize, Serialize};

/// One problem in a template file, located for the person who wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The file name as shown to the author, for example `questionnaire.yaml`.
    pub file: String,
    /// 1-based line; 0 when the problem is the file as a whole (its size,
    /// say), not a place in it.
    pub line: usize,
    /// 1-based column; 0 with line 0.
    pub column: usize,
    /// What is wrong and, where possible, how to fix it.
    pub message: String,
    /// What kind of problem it is, with what the message names, where the
    /// app can say it in another language than the English `message`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
}

/// The kinds of problem a user meets most in the files they import, with
/// what their message names: the app says each in the interface language
/// (the pure pipeline writes the English `message` only). It travels from
/// the worker to the page as a list of texts (its tag, then what it
/// names), which the page reads with what it reads already.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "Vec<String>", try_from = "Vec<String>")]
pub enum Kind {
    /// A key that does not belong where it is, and the keys that do.
    UnknownField {
        /// The key.
        field: String,
        /// The keys that belong there (empty when serde does not say).
        allowed: Vec<String>,
    },
    /// A key that is missing.
    MissingField {
        /// The key.
        field: String,
    },
    /// A value of the wrong shape.
    WrongType {
        /// What the file holds.
        found: Found,
        /// What it should hold.
        expected: Expected,
    },
    /// The YAML does not parse.
    Syntax {
        /// The parser's own words.
        detail: String,
    },
    /// The file is over the size limit.
    TooLarge {
        /// Its size in bytes.
        size: usize,
        /// The limit in bytes.
        max: usize,
    },
}

/// What a file holds where a value has the wrong shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A list.
    List,
    /// A mapping.
    Mapping,
    /// Nothing.
    Empty,
    /// Text, as serde quotes it.
    Text(String),
    /// A yes-or-no value, as written.
    YesNo(String),
    /// A number, as written.
    Number(String),
}

/// What a value should be where it has the wrong shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// Text.
    Text,
    /// True or false.
    TrueFalse,
    /// A whole number.
    WholeNumber,
    /// A number.
    Number,
    /// A list.
    List,
    /// A mapping.
    Mapping,
}

/// A list of texts that is not a [`Kind`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a kind of problem: {0:?}")]
pub struct NotAKind(Vec<String>);

impl From<Kind> for Vec<String> {
    fn from(kind: Kind) -> Self {
        let tagged = |tag: &str, rest: Vec<String>| std::iter::once(tag.to_owned()).chain(rest).collect();
        match kind {
            Kind::UnknownField { field, allowed } => tagged("unknown_field", [vec![field], allowed].concat()),
            Kind::MissingField { field } => tagged("missing_field", vec![field]),
            Kind::WrongType { found, expected } => {
                let (tag, value) = found.parts();
                tagged(
                    "wrong_type",
                    vec![tag.to_owned(), value.to_owned(), expected.tag().to_owned()],
                )
            }
            Kind::Syntax { detail } => tagged("syntax", vec![detail]),
            Kind::TooLarge { size, max } => tagged("too_large", vec![size.to_string(), max.to_string()]),
        }
    }
}

impl TryFrom<Vec<String>> for Kind {
    type Error = NotAKind;

    fn try_from(parts: Vec<String>) -> Result<Self, NotAKind> {
        let kind = match parts.as_slice() {
            [tag, field, allowed @ ..] if tag == "unknown_field" => Some(Kind::UnknownField {
                field: field.clone(),
                allowed: allowed.to_vec(),
            }),
            [tag, field] if tag == "missing_field" => Some(Kind::MissingField { field: field.clone() }),
            [tag, found, value, expected] if tag == "wrong_type" => Found::from_parts(found, value)
                .zip(Expected::from_tag(expected))
                .map(|(found, expected)| Kind::WrongType { found, expected }),
            [tag, detail] if tag == "syntax" => Some(Kind::Syntax { detail: detail.clone() }),
            [tag, size, max] if tag == "too_large" => size
                .parse()
                .ok()
                .zip(max.parse().ok())
                .map(|(size, max)| Kind::TooLarge { size, max }),
            _ => None,
        };
        kind.ok_or(NotAKind(parts))
    }
}

impl Found {
    /// Its tag and the value it names (empty for none).
    pub fn parts(&self) -> (&'static str, &str) {
        match self {
            Found::List => ("list", ""),
            Found::Mapping => ("mapping", ""),
            Found::Empty => ("empty", ""),
            Found::Text(v) => ("text", v),
            Found::YesNo(v) => ("yes_no", v),
            Found::Number(v) => ("number", v),
        }
    }

    /// The one [`Self::parts`] gives.
    fn from_parts(tag: &str, value: &str) -> Option<Self> {
        Some(match tag {
            "list" => Found::List,
            "mapping" => Found::Mapping,
            "empty" => Found::Empty,
            "text" => Found::Text(value.to_owned()),
            "yes_no" => Found::YesNo(value.to_owned()),
            "number" => Found::Number(value.to_owned()),
            _ => return None,
        })
    }
}

impl Expected {
    /// Every one, for the tests.
    pub const ALL: [Expected; 6] = [
        Expected::Text,
        Expected::TrueFalse,
        Expected::WholeNumber,
        Expected::Number,
        Expected::List,
        Expected::Mapping,
    ];

    /// Its tag.
    pub fn tag(self) -> &'static str {
        match self {
            Expected::Text => "text",
            Expected::TrueFalse => "true_false",
            Expected::WholeNumber => "whole_number",
            Expected::Number => "number",
            Expected::List => "list",
            Expected::Mapping => "mapping",
        }
    }

    /// The one whose tag is `tag`.
    fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.tag() == tag)
    }
}

impl Diagnostic {
    /// Where the problem is, as an editor names it: `file:line:column`, or
    /// the file alone for a problem of the whole file.
    pub fn place(&self) -> String {
        if self.line == 0 {
            self.file.clone()
        } else {
            format!("{}:{}:{}", self.file, self.line, self.column)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place(), self.message)
    }
}

/// Every problem found in one load, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// One step of a path into a YAML document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    /// A mapping key.
    Key(String),
    /// A sequence index, 0-based.
    Index(usize),
}

/// A path into a YAML document, such as `sections[0].questions[3].id`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct YamlPath(pub Vec<Seg>);

impl YamlPath {
    /// The empty path: the document itself.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path extended by a mapping key.
    pub fn key(&self, key: &str) -> Self {
        let mut segs = self.0.clone();
        segs.push(Seg::Key(key.to_owned()));
        Self(segs)
    }

    /// This path extended by a sequence index.
    pub fn index(&self, index: usize) -> Self {
        let mut segs = self.0.clone();
        segs.push(Seg::Index(index));
        Self(segs)
    }
}

impl fmt::Display for YamlPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A problem found by the checking stage, before it is located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the document the problem is.
    pub path: YamlPath,
    /// What is wrong.
    pub message: String,
    /// Whether the problem is the key that ends `path` (a key that does not
    /// belong, given twice) rather than its value: then it is shown where
    /// the key is written.
    pub at_key: bool,
    /// Its kind, for the app to say it in the interface language.
    pub kind: Option<Kind>,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: YamlPath, message: impl Into<String>) -> Self {
        Self {
            path,
            message: message.into(),
            at_key: false,
            kind: None,
        }
    }

    /// The same problem, of `kind`.
    pub fn of_kind(self, kind: Option<Kind>) -> Self {
        Self { kind, ..self }
    }

    /// A problem with the key that ends `path`.
    pub fn at_key(path: YamlPath, message: impl Into<String>) -> Self {
        Self {
            at_key: true,
            ..Self::new(path, message)
        }
    }
}

/// Maps paths in a YAML document to the line and column where their node starts.
#[cfg(feature = "yaml")]
#[derive(Debug, Default)]
pub struct Locator {
    starts: std::collections::HashMap<YamlPath, (usize, usize)>,
    /// Where each mapping key is written, by the path of its value.
    keys: std::collections::HashMap<YamlPath, (usize, usize)>,
    /// Keys given twice in one mapping: the path, where the second one is
    /// written, and the line of the first.
    duplicates: Vec<(YamlPath, (usize, usize), usize)>,
}

#[cfg(feature = "yaml")]
impl Locator {
    /// Reads the event stream of `text`. A document that fails to parse part
    /// way still locates every node before the failure.
    pub fn new(text: &str) -> Self {
        let mut locator = Self::default();
        use saphyr_parser::{Event, Parser};
        let mut events = Parser::new_from_str(text).map_while(Result::ok).peekable();
        let mut path = YamlPath::root();
        while let Some((event, span)) = events.next() {
            if matches!(
                event,
                Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..) | Event::Alias(_)
            ) {
                let at = (span.start.line(), span.start.col() + 1);
                locator.node(event, at, &mut events, &mut path);
            }
        }
        locator
    }

    fn node<'a>(
        &mut self,
        event: saphyr_parser::Event<'a>,
        at: (usize, usize),
        events: &mut std::iter::Peekable<impl Iterator<Item = (saphyr_parser::Event<'a>, saphyr_parser::Span)>>,
        path: &mut YamlPath,
    ) {
        use saphyr_parser::Event;
        self.starts.entry(path.clone()).or_insert(at);
        match event {
            Event::SequenceStart(..) => {
                let mut index = 0;
                while let Some((event, span)) = events.next() {
                    if matches!(event, Event::SequenceEnd) {
                        break;
                    }
                    path.0.push(Seg::Index(index));
                    let at = (span.start.line(), span.start.col() + 1);
                    self.node(event, at, events, path);
                    path.0.pop();
                    index += 1;
                }
            }
            Event::MappingStart(..) => {
                let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
                while let Some((key, key_span)) = events.next() {
                    if matches!(key, Event::MappingEnd) {
                        break;
                    }
                    let name = match &key {
                        Event::Scalar(value, ..) => value.to_string(),
                        _ => String::new(),
                    };
                    let scalar_key = matches!(key, Event::Scalar(..));
                    if !scalar_key {
                        // A complex key: walk it so the stream stays in step.
                        let at = (key_span.start.line(), key_span.start.col() + 1);
                        let mut scratch = path.key("?");
                        self.node(key, at, events, &mut scratch);
                    }
                    let Some((value, span)) = events.next() else {
                        break;
                    };
                    let key_at = (key_span.start.line(), key_span.start.col() + 1);
                    if scalar_key {
                        if let Some(first) = seen.insert(name.clone(), key_at.0) {
                            self.duplicates.push((path.key(&name), key_at, first));
                        }
                    }
                    path.0.push(Seg::Key(name));
                    self.keys.entry(path.clone()).or_insert(key_at);
                    let at = (span.start.line(), span.start.col() + 1);
                    // An empty value (`key:`) starts where its key does.
                    let at = if matches!(&value, Event::Scalar(v, ..) if v.is_empty()) {
                        (key_span.start.line(), key_span.start.col() + 1)
                    } else {
                        at
                    };
                    self.node(value, at, events, path);
                    path.0.pop();
                }
            }
            _ => {}
        }
    }

    /// Where the problem is: its key, or its node (see [`Self::locate`]).
    pub fn locate_problem(&self, problem: &Problem) -> (usize, usize) {
        match self.keys.get(&problem.path) {
            Some(at) if problem.at_key => *at,
            _ => self.locate(&problem.path),
        }
    }

    /// Every key given twice in one mapping, as a problem at the second.
    pub fn duplicate_keys(&self) -> Vec<(Problem, (usize, usize))> {
        self.duplicates
            .iter()
            .map(|(path, at, first)| {
                let key = match path.0.last() {
                    Some(Seg::Key(k)) => k.as_str(),
                    _ => "",
                };
                let problem = Problem::at_key(
                    path.clone(),
                    format!("`{key}` is given twice in the same place (first on line {first}): keep one"),
                );
                (problem, *at)
            })
            .collect()
    }

    /// The line and column of the node at `path`, or of its nearest ancestor
    /// that exists (a missing field is reported where its mapping starts).
    pub fn locate(&self, path: &YamlPath) -> (usize, usize) {
        let mut segs = path.0.clone();
        loop {
            if let Some(at) = self.starts.get(&YamlPath(segs.clone())) {
                return *at;
            }
            if segs.pop().is_none() {
                return (1, 1);
            }
        }
    }
}

/// How a source file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// YAML, as authors and users write it: errors get the line and column.
    #[cfg(feature = "yaml")]
    Yaml,
    /// JSON made from YAML that was already checked (by build.rs, or by the
    /// PDF worker for a file the user imported). Problems found in it can
    /// only be named by their path, not located.
    Json,
}

/// One source file: its name, text and format. Parses it and turns located
/// problems and parse errors into [`Diagnostic`]s.
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    /// The file name shown to authors.
    pub name: &'a str,
    /// The file's text.
    pub text: &'a str,
    /// How the text is written.
    pub format: Format,
}

impl<'a> SourceFile<'a> {
    /// A YAML file.
    #[cfg(feature = "yaml")]
    pub fn yaml(name: &'a str, text: &'a str) -> Self {
        Self {
            name,
            text,
            format: Format::Yaml,
        }
    }

    /// A JSON file.
    pub fn json(name: &'a str, text: &'a str) -> Self {
        Self {
            name,
            text,
            format: Format::Json,
        }
    }

    /// Parses the text into `T` (the raw serde layer). In YAML every shape
    /// error is found, each located (see [`deserialize_all`]); a syntax
    /// error, a crossed limit or a key given twice stops the parse.
    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, Diagnostics> {
        self.parse_with(&ParseOptions::default())
    }

    /// [`Self::parse`], with the format's version and its free-keyed maps.
    pub fn parse_with<T: serde::de::DeserializeOwned>(&self, options: &ParseOptions) -> Result<T, Diagnostics> {
        match self.format {
            #[cfg(feature = "yaml")]
            Format::Yaml => {
                let value = self.yaml_value()?;
                if let Some(newer) = self.newer(&value, options) {
                    return Err(newer);
                }
                let collected = deserialize_all(&value, &options.free_maps);
                match collected.rest {
                    Some(rest) if collected.problems.is_empty() => Ok(rest),
                    _ => Err(self.locate(collected.problems)),
                }
            }
            Format::Json => {
                let _ = options;
                serde_json::from_str(self.text).map_err(|e| {
                    Diagnostics(vec![Diagnostic {
                        file: self.name.to_owned(),
                        line: e.line().max(1),
                        column: e.column().max(1),
                        message: words::plain(&author_json_message(&e.to_string())),
                        kind: None,
                    }])
                })
            }
        }
    }

    /// The YAML as a tree of values, tags kept. A syntax error, a crossed
    /// limit or a key given twice is refused here, each where it is.
    #[cfg(feature = "yaml")]
    pub fn yaml_value(&self) -> Result<serde_yaml::Value, Diagnostics> {
        read_yaml(self.text, Shape::Plain).map_err(|e| {
            let duplicates = Locator::new(self.text).duplicate_keys();
            if duplicates.is_empty() {
                return self.serde_error(&e);
            }
            Diagnostics(
                duplicates
                    .into_iter()
                    .map(|(problem, (line, column))| Diagnostic {
                        file: self.name.to_owned(),
                        line,
                        column,
                        message: problem.message,
                        kind: None,
                    })
                    .collect(),
            )
        })
    }

    /// A file whose `version` is higher than the one this build reads is
    /// refused as newer, before anything else is said about it: a newer
    /// format may well have keys and values this build does not know.
    #[cfg(feature = "yaml")]
    fn newer(&self, value: &serde_yaml::Value, options: &ParseOptions) -> Option<Diagnostics> {
        let (current, what) = options.version?;
        let given = value.get("version")?.as_u64()?;
        (given > u64::from(current)).then(|| {
            self.locate(vec![Problem::new(
                YamlPath::root().key("version"),
                format!(
                    "this {what} was made for a newer version of the app (format version {given}; this one reads version {current}): open it in the newer version"
                ),
            )])
        })
    }

    /// Diagnostics for checking-stage problems, located by path in YAML.
    /// In JSON they are given at the start of the file, with their path.
    pub fn locate(&self, problems: Vec<Problem>) -> Diagnostics {
        if problems.is_empty() {
            return Diagnostics::default();
        }
        let mut out: Vec<Diagnostic> = match self.format {
            #[cfg(feature = "yaml")]
            Format::Yaml => {
                let locator = Locator::new(self.text);
                problems
                    .into_iter()
                    .map(|p| {
                        let (line, column) = locator.locate_problem(&p);
                        Diagnostic {
                            file: self.name.to_owned(),
                            line,
                            column,
                            message: p.message,
                            kind: p.kind,
                        }
                    })
                    .collect()
            }
            Format::Json => problems
                .into_iter()
                .map(|p| Diagnostic {
                    file: self.name.to_owned(),
                    line: 1,
                    column: 1,
                    message: if p.path.0.is_empty() {
                        p.message
                    } else {
                        format!("{}: {}", p.path, p.message)
                    },
                    kind: None,
                })
                .collect(),
        };
        out.sort_by_key(|d| (d.line, d.column));
        Diagnostics(out)
    }

    /// A diagnostic for an error from [`from_yaml`]: a crossed input limit,
    /// or a YAML syntax or shape error from serde.
    #[cfg(feature = "yaml")]
    pub fn serde_error(&self, err: &YamlError) -> Diagnostics {
        use crate::policy::diag::limits::LimitKind;
        let (line, column, message, kind) = match err {
            YamlError::Limit(limit) => {
                let kind = match limit.kind {
                    LimitKind::TooLarge { size, max } => Some(Kind::TooLarge { size, max }),
                    _ => None,
                };
                (limit.line, limit.column, limit.to_string(), kind)
            }
            YamlError::Syntax(syntax) => {
                let detail = syntax.to_string();
                (
                    syntax.line,
                    syntax.column,
                    detail.clone(),
                    Some(Kind::Syntax { detail }),
                )
            }
            YamlError::Serde(err) => {
                let (line, column) = err.location().map(|l| (l.line(), l.column())).unwrap_or((1, 1));
                let raw = author_message(&err.to_string());
                // Only YAML's syntax stops a parse into a plain value.
                let kind = words::kind(&raw).or_else(|| Some(Kind::Syntax { detail: raw.clone() }));
                (line, column, words::plain(&raw), kind)
            }
        };
        let (line, column) = self.within(line, column);
        Diagnostics(vec![Diagnostic {
            file: self.name.to_owned(),
            line,
            column,
            message,
            kind,
        }])
    }

    /// `line` and `column` moved onto the text: a parser that reaches the
    /// end of the file reports the line after the last one, which an
    /// editor cannot go to; that is the end of the last line.
    #[cfg(feature = "yaml")]
    fn within(&self, line: usize, column: usize) -> (usize, usize) {
        let lines = self.text.lines().count().max(1);
        if line <= lines {
            return (line.max(1), column.max(1));
        }
        let last = self.text.lines().last().unwrap_or_default();
        (lines, last.chars().count() + 1)
    }
}

/// What [`SourceFile::parse_with`] knows of a format beyond its shape.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// The format version this build reads and what the file is called
    /// ("clause library"): a file with a higher `version` is refused as
    /// newer.
    pub version: Option<(u32, &'static str)>,
    /// Mappings whose keys are free (answers by question id, reviews by
    /// section id): a bad entry in one is set aside and the rest read on.
    pub free_maps: Vec<YamlPath>,
}

/// What [`deserialize_all`] found: every shape problem, and what is left
/// once the parts with problems are set aside, if that reads.
#[derive(Debug)]
pub struct Collected<T> {
    /// The file without the parts that have problems.
    pub rest: Option<T>,
    /// The problems, in the order they were found.
    pub problems: Vec<Problem>,
}

/// Most shape problems reported for one file.
#[cfg(feature = "yaml")]
const MOST_PROBLEMS: usize = 100;

/// Deserializes `value` into `T`, finding every shape problem rather than
/// the first. serde stops at the first error; each error's path (tracked by
/// `serde_path_to_error`) says which list item, free-map entry or unknown
/// key to set aside, and the rest is read again, up to
/// [`MOST_PROBLEMS`]. Paths are given as they are in the file, even after
/// items before them were set aside.
#[cfg(feature = "yaml")]
pub fn deserialize_all<T: serde::de::DeserializeOwned>(
    value: &serde_yaml::Value,
    free_maps: &[YamlPath],
) -> Collected<T> {
    let mut value = value.clone();
    let mut problems = Vec::new();
    // Items set aside, by the path of their list in the file.
    let mut removed: std::collections::HashMap<YamlPath, Vec<usize>> = std::collections::HashMap::new();
    loop {
        let mut track = serde_path_to_error::Track::new();
        let result = serde_yaml::with::singleton_map_recursive::deserialize::<T, _>(
            serde_path_to_error::Deserializer::new(&value, &mut track),
        );
        let error = match result {
            Ok(rest) => {
                return Collected {
                    rest: Some(rest),
                    problems,
                }
            }
            Err(e) => e,
        };
        let current = from_tracked(&track.path());
        let original = in_file(&current, &removed);
        let message = error.to_string();
        let unknown = message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split_once('`'))
            .map(|(field, _)| field.to_owned());
        let set_aside = match unknown {
            Some(field) => {
                // The tracked path may or may not end at the unknown key.
                let ends_at_key = matches!(current.0.last(), Some(Seg::Key(k)) if *k == field);
                let (current, original) = if ends_at_key {
                    (current, original)
                } else {
                    (current.key(&field), original.key(&field))
                };
                problems.push(Problem::at_key(original, words::plain(&message)).of_kind(words::kind(&message)));
                remove(&mut value, &current)
            }
            None => {
                problems.push(Problem::new(original.clone(), words::plain(&message)).of_kind(words::kind(&message)));
                // The deepest list item or free-map entry holding the problem.
                (1..=current.0.len())
                    .rev()
                    .find(|&n| {
                        matches!(current.0[n - 1], Seg::Index(_))
                            || free_maps.contains(&YamlPath(original.0[..n - 1].to_vec()))
                    })
                    .is_some_and(|n| {
                        let at = YamlPath(current.0[..n].to_vec());
                        if let (Seg::Index(_), Some(Seg::Index(i))) = (&at.0[n - 1], original.0.get(n - 1)) {
                            let list = YamlPath(original.0[..n - 1].to_vec());
                            let entry = removed.entry(list).or_default();
                            entry.push(*i);
                            entry.sort_unstable();
                        }
                        remove(&mut value, &at)
                    })
            }
        };
        if !set_aside || problems.len() >= MOST_PROBLEMS {
            return Collected { rest: None, problems };
        }
    }
}

/// A tracked serde path as a path into the YAML.
#[cfg(feature = "yaml")]
fn from_tracked(path: &serde_path_to_error::Path) -> YamlPath {
    use serde_path_to_error::Segment;
    let mut out = YamlPath::root();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.0.push(Seg::Index(*index)),
            Segment::Map { key } => out.0.push(Seg::Key(key.clone())),
            Segment::Enum { variant } => out.0.push(Seg::Key(variant.clone())),
            Segment::Unknown => break,
        }
    }
    out
}

/// `current` (a path in the value with some list items set aside) as the
/// path in the file.
#[cfg(feature = "yaml")]
fn in_file(current: &YamlPath, removed: &std::collections::HashMap<YamlPath, Vec<usize>>) -> YamlPath {
    let mut out = YamlPath::root();
    for seg in &current.0 {
        match seg {
            Seg::Index(i) => {
                let mut index = *i;
                for r in removed.get(&out).map(Vec::as_slice).unwrap_or_default() {
                    if *r <= index {
                        index += 1;
                    }
                }
                out.0.push(Seg::Index(index));
            }
            Seg::Key(k) => out.0.push(Seg::Key(k.clone())),
        }
    }
    out
}

/// Removes the node at `path` from `value`; whether there was one.
#[cfg(feature = "yaml")]
fn remove(value: &mut serde_yaml::Value, path: &YamlPath) -> bool {
    use serde_yaml::Value;
    fn untag(v: &mut Value) -> &mut Value {
        match v {
            Value::Tagged(t) => untag(&mut t.value),
            other => other,
        }
    }
    let Some((last, parents)) = path.0.split_last() else {
        return false;
    };
    let mut node = untag(value);
    for seg in parents {
        let next = match (seg, node) {
            (Seg::Key(k), Value::Mapping(m)) => m.get_mut(k.as_str()),
            (Seg::Index(i), Value::Sequence(s)) => s.get_mut(*i),
            _ => None,
        };
        let Some(next) = next else {
            return false;
        };
        node = untag(next);
    }
    match (last, node) {
        (Seg::Key(k), Value::Mapping(m)) => m.remove(k.as_str()).is_some(),
        (Seg::Index(i), Value::Sequence(s)) if *i < s.len() => {
            s.remove(*i);
            true
        }
        _ => false,
    }
}

/// serde_json's messages end with the location the diagnostic gives.
fn author_json_message(raw: &str) -> String {
    match raw.rfind(" at line ") {
        Some(at) => raw[..at].to_owned(),
        None => raw.to_owned(),
    }
}

/// Why [`from_yaml`] could not read a file.
#[cfg(feature = "yaml")]
#[derive(Debug, thiserror::Error)]
pub enum YamlError {
    /// The text crossed one of the input [`Limits`] and was not deserialized.
    #[error(transparent)]
    Limit(#[from] crate::policy::diag::limits::LimitError),
    /// A syntax error that only the limits check's parser describes.
    #[error(transparent)]
    Syntax(#[from] crate::policy::diag::limits::SyntaxError),
    /// A syntax error, or YAML that does not have the expected shape.
    #[error(transparent)]
    Serde(#[from] serde_yaml::Error),
}

/// Parses YAML into `T`, writing enum variants as one-key maps
/// (`equals: {question: q, value: v}`) rather than YAML tags, which is the
/// form content authors read most easily.
///
/// The text is first checked against [`Limits::DEFAULT`] (size, nesting
/// depth, aliases), so that no file can make deserializing slow, deep or
/// huge.
#[cfg(feature = "yaml")]
pub fn from_yaml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    read_yaml(text, Shape::SingletonMaps)
}

/// How [`read_yaml`] hands the YAML to `T`.
#[cfg(feature = "yaml")]
#[derive(Clone, Copy)]
enum Shape {
    /// Enum variants as one-key maps.
    SingletonMaps,
    /// As the YAML is, tags and all (for a [`serde_yaml::Value`]).
    Plain,
}

#[cfg(feature = "yaml")]
fn read_yaml<T: serde::de::DeserializeOwned>(text: &str, shape: Shape) -> Result<T, YamlError> {
    use crate::policy::diag::limits::{Checked, Limits};
    match Limits::DEFAULT.check(text)? {
        Checked::WellFormed => {
            let de = serde_yaml::Deserializer::from_str(text);
            Ok(match shape {
                Shape::SingletonMaps => serde_yaml::with::singleton_map_recursive::deserialize(de)?,
                Shape::Plain => T::deserialize(de)?,
            })
        }
        // Prefer the deserializer's description of a syntax error, which
        // is the one authors see for every other problem; it reads only the
        // text up to the error.
        Checked::Malformed { error, prefix, cut_at } => {
            match serde::de::IgnoredAny::deserialize(serde_yaml::Deserializer::from_str(prefix)) {
                Err(serde) => {
                    let at = serde.location().map(|l| (l.line(), l.column()));
                    match (at, cut_at) {
                        // An error where the prefix was cut off is about the cut.
                        (Some(at), Some(cut)) if at >= cut => Err(YamlError::Syntax(error)),
                        _ => Err(YamlError::Serde(serde)),
                    }
                }
                Ok(_) => Err(YamlError::Syntax(error)),
            }
        }
    }
}

/// Serde's messages repeat the location the diagnostic already gives
/// ("... at line 6 column 1"); drop that first mention and keep any further
/// context, such as where an unclosed quote began.
#[cfg(feature = "yaml")]
fn author_message(raw: &str) -> String {
    let Some(at) = raw.find(" at line ") else {
        return raw.to_owned();
    };
    let digits = |s: &str| s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &raw[at + " at line ".len()..];
    let rest = &rest[rest.len() - digits(rest)..];
    let after_location = rest
        .strip_prefix(" column ")
        .map_or(rest, |r| &r[r.len() - digits(r)..]);
    format!("{}{}", &raw[..at], after_location)
}

#[cfg(all(test, feature = "yaml"))]
mod tests {
    use super::*;

    const DOC: &str =
        "title: Hello\nsections:\n  - id: one\n    questions:\n      - id: q1\n        label: First\n      - id: q2\n";

    #[test]
    fn locator_finds_nested_nodes() {
        let locator = Locator::new(DOC);
        let path = YamlPath::root()
            .key("sections")
            .index(0)
            .key("questions")
            .index(1)
            .key("id");
        assert_eq!(locator.locate(&path), (7, 13));
        let label = YamlPath::root()
            .key("sections")
            .index(0)
            .key("questions")
            .index(0)
            .key("label");
        assert_eq!(locator.locate(&label), (6, 16));
    }

    #[test]
    fn locator_falls_back_to_the_nearest_existing_ancestor() {
        let locator = Locator::new(DOC);
        let missing = YamlPath::root()
            .key("sections")
            .index(0)
            .key("questions")
            .index(1)
            .key("label");
        assert_eq!(locator.locate(&missing), (7, 9));
    }

    #[test]
    fn serde_messages_lose_the_repeated_location_but_keep_context() {
        assert_eq!(
            author_message(
                "found unexpected end of stream at line 6 column 1, while scanning a quoted scalar at line 5 column 12"
            ),
            "found unexpected end of stream, while scanning a quoted scalar at line 5 column 12"
        );
        assert_eq!(
            author_message("c: invalid type: sequence, expected a string at line 2 column 4"),
            "c: invalid type: sequence, expected a string"
        );
        assert_eq!(author_message("no location"), "no location");
    }

    #[test]
    fn paths_display_like_a_field_access() {
        let path = YamlPath::root().key("sections").index(2).key("id");
        assert_eq!(path.to_string(), "sections[2].id");
    }
}

#[cfg(all(test, feature = "yaml"))]
mod end_of_file {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Shape {
        name: String,
        list: Vec<u32>,
    }

    #[test]
    fn an_error_at_the_end_of_the_file_is_placed_on_its_last_line() {
        for text in [
            "name: x\nlist: [1, 2\n",
            "name: x\nlist: [1, 2",
            "name: \"x\n",
            "name: x\n",
        ] {
            let Err(err) = from_yaml::<Shape>(text) else {
                panic!("{text:?} is not a Shape");
            };
            let source = SourceFile::yaml("f.yaml", text);
            let d = &source.serde_error(&err).0[0];
            let lines = text.lines().count();
            assert!(d.line >= 1 && d.line <= lines, "{text:?}: line {} of {lines}", d.line);
            let last = text.lines().nth(d.line - 1).unwrap_or_default();
            assert!(
                d.column >= 1 && d.column <= last.chars().count() + 1,
                "{text:?}: column {}",
                d.column
            );
        }
    }

    #[test]
    fn the_commonest_problems_carry_their_kind_for_the_app() {
        let kind_of = |text: &str| {
            let source = SourceFile::yaml("f.yaml", text);
            source.parse::<Shape>().expect_err("refused").0[0].kind.clone()
        };
        assert!(
            matches!(kind_of("name: x\nlist: [1, 2\n"), Some(Kind::Syntax { .. })),
            "a syntax error"
        );
        assert_eq!(
            kind_of("list: [1]\n"),
            Some(Kind::MissingField { field: "name".into() })
        );
        assert_eq!(
            kind_of("name: [x]\nlist: [1]\n"),
            Some(Kind::WrongType {
                found: Found::List,
                expected: Expected::Text,
            })
        );
        let huge = format!("name: x\nlist: []\n# {}\n", "x".repeat(1_000_001));
        assert!(matches!(kind_of(&huge), Some(Kind::TooLarge { max: 1_000_000, .. })));
    }

    #[test]
    fn a_kind_goes_to_the_page_and_back_as_a_list_of_texts() {
        let kinds = [
            Kind::UnknownField {
                field: "colour".into(),
                allowed: vec!["format".into(), "answers".into()],
            },
            Kind::UnknownField {
                field: "colour".into(),
                allowed: vec![],
            },
            Kind::MissingField {
                field: "version".into(),
            },
            Kind::WrongType {
                found: Found::Text("\"one\"".into()),
                expected: Expected::WholeNumber,
            },
            Kind::WrongType {
                found: Found::List,
                expected: Expected::Mapping,
            },
            Kind::Syntax {
                detail: "did not find expected key".into(),
            },
            Kind::TooLarge {
                size: 1_000_001,
                max: 1_000_000,
            },
        ];
        for kind in kinds {
            let json = serde_json::to_string(&kind).expect("written");
            assert_eq!(serde_json::from_str::<Kind>(&json).expect("read"), kind, "{json}");
        }
        for e in Expected::ALL {
            assert_eq!(Expected::from_tag(e.tag()), Some(e));
        }
        assert!(serde_json::from_str::<Kind>(r#"["too_large","many","1"]"#).is_err());
        assert!(serde_json::from_str::<Kind>(r#"["no_such_kind"]"#).is_err());
    }
}
