//! Limits on YAML input, checked before anything is deserialized.
//!
//! Every template file passes through [`Limits::check`] (called by
//! [`crate::policy::diag::from_yaml`]) before serde sees it. The check reads the
//! YAML parser's event stream once, without building anything, and refuses
//! a file that is too large, nests too deeply or uses aliases to expand into
//! far more data than it holds (the "billion laughs" alias bomb). Each
//! refusal names the limit and the line and column where it was crossed, so
//! that a content author can find the place, and none of them can take long:
//! the check is linear in the size of the text.
//!
//! The deserializer has limits of its own (a recursion depth and a cap on
//! alias jumps); these are stricter and say where the problem is. Its
//! parser is not protected, though: it slows down with the square of the
//! depth of `[` and `{` nesting. So a text that the check's parser finds
//! malformed never reaches the deserializer whole; only the part up to the
//! error does, for the deserializer to describe the error in the words
//! authors know.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScanError};

/// The limits a YAML file must stay within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted file, in bytes.
    pub max_bytes: usize,
    /// Deepest accepted nesting of mappings and sequences; the document's
    /// top-level mapping is level 1.
    pub max_depth: usize,
    /// Most alias uses (`*name`) in one file.
    pub max_aliases: usize,
    /// Most values (scalars, mappings and sequences) once every alias is
    /// expanded, which is what the deserializer would build.
    pub max_values: u64,
}

impl Limits {
    /// The limits applied to every template file. The shipped files stay far
    /// inside them: each is under 100 KB, nests under 16 levels and uses no
    /// alias (`tests/limits.rs` checks this).
    pub const DEFAULT: Limits = Limits {
        max_bytes: 1_000_000,
        max_depth: 64,
        max_aliases: 1_000,
        max_values: 1_000_000,
    };

    /// Checks `text` against these limits, reading the YAML event stream.
    ///
    /// A text within the limits is [`Checked::WellFormed`], or
    /// [`Checked::Malformed`] when the parser finds a syntax error; the
    /// limits are then checked on the text before the error as well.
    pub fn check<'a>(&self, text: &'a str) -> Result<Checked<'a>, LimitError> {
        if text.len() > self.max_bytes {
            let (line, column) = position_of_byte(text, self.max_bytes);
            return Err(LimitError {
                kind: LimitKind::TooLarge {
                    size: text.len(),
                    max: self.max_bytes,
                },
                line,
                column,
            });
        }
        let Err(error) = self.walk(text) else {
            return Ok(Checked::WellFormed);
        };
        let error = match error {
            Stop::Limit(limit) => return Err(limit),
            Stop::Syntax(error) => error,
        };
        // The parser looks ahead before it gives events, so a syntax error
        // can hide limits crossed before it (a thousand `[` stop it at the
        // 256th before it reports the first). Walk the text before the
        // error again: it ends there, so every event in it comes out.
        let at = byte_of_char(text, error.marker().index());
        if let Err(Stop::Limit(limit)) = self.walk(&text[..at]) {
            return Err(limit);
        }
        // The deserializer can describe the error in the words authors
        // know. Its parser slows down with the depth of `[` and `{`, so it
        // gets the text only up to the 256th of them after the error: all
        // of it, in any file that is not hostile.
        let end = text[at..]
            .match_indices(['[', '{'])
            .nth(FLOW_AFTER_ERROR)
            .map_or(text.len(), |(i, _)| at + i);
        Ok(Checked::Malformed {
            error: SyntaxError {
                line: error.marker().line(),
                column: error.marker().col() + 1,
                message: error.info().to_owned(),
            },
            prefix: &text[..end],
            cut_at: (end < text.len()).then(|| position_of_byte(text, end)),
        })
    }

    fn walk(&self, text: &str) -> Result<(), Stop> {
        let mut walk = Walk::default();
        for item in Parser::new_from_str(text) {
            let (event, span) = item.map_err(Stop::Syntax)?;
            walk.event(self, event).map_err(|kind| {
                Stop::Limit(LimitError {
                    kind,
                    line: span.start.line(),
                    column: span.start.col() + 1,
                })
            })?;
        }
        Ok(())
    }
}

/// How many `[` and `{` after a syntax error the deserializer may read.
const FLOW_AFTER_ERROR: usize = 256;

/// Why a walk over the event stream stopped early.
enum Stop {
    Limit(LimitError),
    Syntax(ScanError),
}

/// What [`Limits::check`] found in a text that is within the limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checked<'a> {
    /// Well-formed YAML, ready to deserialize.
    WellFormed,
    /// YAML with a syntax error.
    Malformed {
        /// Where the parser stopped, and why.
        error: SyntaxError,
        /// The text that the deserializer may read to describe the error in
        /// its own words: all of it, or, if it has a great many `[` and `{`
        /// after the error, the text up to the 256th of them.
        prefix: &'a str,
        /// The line and column where `prefix` ends, if it is shorter than
        /// the text: an error found there is about the cut, not the text.
        cut_at: Option<(usize, usize)>,
    },
}

/// A syntax error found while checking the limits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SyntaxError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What the parser expected or found.
    pub message: String,
}

impl Default for Limits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A limit that a YAML file crossed, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct LimitError {
    /// Which limit, with its value.
    pub kind: LimitKind,
    /// 1-based line where the limit was crossed.
    pub line: usize,
    /// 1-based column where the limit was crossed.
    pub column: usize,
}

/// Which limit a YAML file crossed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitKind {
    /// The file is larger than [`Limits::max_bytes`].
    #[error("the file is {size} bytes, more than the limit of {max} bytes: split it into smaller files")]
    TooLarge {
        /// The file's size in bytes.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// Mappings and sequences nest deeper than [`Limits::max_depth`].
    #[error("the YAML nests more than {max} levels deep here")]
    TooDeep {
        /// The limit.
        max: usize,
    },
    /// More alias uses than [`Limits::max_aliases`].
    #[error("the file uses more than {max} aliases (`*name`)")]
    TooManyAliases {
        /// The limit.
        max: usize,
    },
    /// Aliases expand the file beyond [`Limits::max_values`].
    #[error("with its aliases expanded the file would hold more than {max} values (an alias bomb?)")]
    TooManyValues {
        /// The limit.
        max: u64,
    },
    /// An alias inside the very node its anchor names, which would expand
    /// for ever.
    #[error("this alias refers to a node that contains it")]
    RecursiveAlias,
}

/// One mapping or sequence that is still open.
struct Open {
    /// Its anchor id; 0 when it has none.
    anchor: usize,
    /// Values in it so far, itself included, with aliases expanded.
    values: u64,
}

/// The state of one pass over the event stream.
#[derive(Default)]
struct Walk {
    open: Vec<Open>,
    /// Values of each finished anchored node, with aliases expanded.
    anchored: HashMap<usize, u64>,
    aliases: usize,
    values: u64,
}

impl Walk {
    fn event(&mut self, limits: &Limits, event: Event<'_>) -> Result<(), LimitKind> {
        match event {
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                self.open.push(Open { anchor, values: 1 });
                if self.open.len() > limits.max_depth {
                    return Err(LimitKind::TooDeep { max: limits.max_depth });
                }
                self.add(limits, 1)?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(done) = self.open.pop() {
                    if done.anchor != 0 {
                        self.anchored.insert(done.anchor, done.values);
                    }
                    if let Some(parent) = self.open.last_mut() {
                        parent.values = parent.values.saturating_add(done.values);
                    }
                }
            }
            Event::Scalar(_, _, anchor, _) => {
                if anchor != 0 {
                    self.anchored.insert(anchor, 1);
                }
                self.add_to_parent(1);
                self.add(limits, 1)?;
            }
            Event::Alias(anchor) => {
                self.aliases += 1;
                if self.aliases > limits.max_aliases {
                    return Err(LimitKind::TooManyAliases {
                        max: limits.max_aliases,
                    });
                }
                if self.open.iter().any(|o| o.anchor == anchor) {
                    return Err(LimitKind::RecursiveAlias);
                }
                // The parser refuses an alias to an unknown anchor, so the
                // fallback of one value is never used for a real alias.
                let values = self.anchored.get(&anchor).copied().unwrap_or(1);
                self.add_to_parent(values);
                self.add(limits, values)?;
            }
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentStart(_) | Event::DocumentEnd => {}
        }
        Ok(())
    }

    /// Counts `n` values towards the open collection they are in.
    fn add_to_parent(&mut self, n: u64) {
        if let Some(parent) = self.open.last_mut() {
            parent.values = parent.values.saturating_add(n);
        }
    }

    /// Counts `n` values towards the whole file.
    fn add(&mut self, limits: &Limits, n: u64) -> Result<(), LimitKind> {
        self.values = self.values.saturating_add(n);
        if self.values > limits.max_values {
            return Err(LimitKind::TooManyValues { max: limits.max_values });
        }
        Ok(())
    }
}

/// The byte offset of character `index` of `text`, or its length.
fn byte_of_char(text: &str, index: usize) -> usize {
    text.char_indices().nth(index).map_or(text.len(), |(at, _)| at)
}

/// The 1-based line and column of the character that contains byte `at`.
fn position_of_byte(text: &str, at: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    // Count characters, not bytes: skip UTF-8 continuation bytes.
    let column = 1 + before[line_start..].iter().filter(|&&b| (b & 0xC0) != 0x80).count();
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_positions_count_lines_and_characters() {
        assert_eq!(position_of_byte("ab\ncd", 0), (1, 1));
        assert_eq!(position_of_byte("ab\ncd", 4), (2, 2));
        assert_eq!(position_of_byte("é\néé", 7), (2, 3));
        assert_eq!(position_of_byte("x", 10), (1, 2));
    }

    #[test]
    fn a_shared_anchor_counts_once_for_each_use() {
        let limits = Limits {
            max_values: 9,
            ..Limits::DEFAULT
        };
        // 1 (root) + 2 (key, anchored list of 2 -> 3 values) = 5, then an
        // alias key and its expansion of 3 values: 9 in all.
        assert_eq!(limits.check("a: &x [1, 2]\nb: *x\n"), Ok(Checked::WellFormed));
        let err = limits.check("a: &x [1, 2]\nb: *x\nc: 1\n").expect_err("over the limit");
        assert_eq!(err.kind, LimitKind::TooManyValues { max: 9 });
        assert_eq!((err.line, err.column), (3, 1));
    }
}
