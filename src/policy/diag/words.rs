//! Serde's messages in the words of the file formats' documentation.
//!
//! The raw serde stage of loading speaks of types ("invalid type: sequence,
//! expected struct RawLibrary", "missing field `version`"). A person who
//! edits an answer file or a clause library knows lists, mappings, text and
//! the keys the README describes, so [`plain`] turns each of serde's message
//! shapes into a sentence about what the file holds and what it should
//! hold. Structs name themselves through `#[serde(expecting = "...")]`, so
//! "expected" already reads as a description of the part of the file.
//! [`kind`] gives the commonest shapes as data, for the app to say in
//! another language.

use crate::policy::diag::{Expected, Found, Kind};

/// `raw` (a serde message, without its location) said in the words of the
/// formats. A message of a shape serde does not make is returned as it is.
pub fn plain(raw: &str) -> String {
    let message = strip_path(raw);
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!(
                "this is {}, but it should be {}",
                found_words(found),
                expected_words(expected)
            );
        }
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!(
                "{} is not allowed here: it should be {}",
                found_words(found),
                expected_words(expected)
            );
        }
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let field = rest.trim_matches('`');
        return format!("`{field}:` is missing here: add it");
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, allowed) = rest.split_once(", ").unwrap_or((rest, ""));
        let field = field.trim_matches('`');
        let allowed = allowed
            .strip_prefix("expected one of ")
            .or_else(|| allowed.strip_prefix("expected "));
        return match allowed {
            Some(list) => format!(
                "`{field}` does not belong here: this part of the file holds {}",
                names(list)
            ),
            None => format!("`{field}` does not belong here"),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, allowed) = rest.split_once(", ").unwrap_or((rest, ""));
        let value = value.trim_matches('`');
        let allowed = allowed
            .strip_prefix("expected one of ")
            .or_else(|| allowed.strip_prefix("expected "));
        return match allowed {
            Some(list) => format!("\"{value}\" is not one of the values allowed here: {}", names(list)),
            None => format!("\"{value}\" is not allowed here"),
        };
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return format!("`{}` is given twice: keep one", rest.trim_matches('`'));
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        if let Some((n, expected)) = rest.split_once(", expected ") {
            return format!(
                "this list has {n} entries, but it should be {}",
                expected_words(expected)
            );
        }
    }
    message.to_owned()
}

/// The kind of the problem serde's message `raw` describes, with what it
/// names, for the app to say in the interface language; `None` for a
/// message whose words only [`plain`] has (a struct's own description, an
/// unknown value, a list's length).
pub fn kind(raw: &str) -> Option<Kind> {
    let message = strip_path(raw);
    if let Some(rest) = message.strip_prefix("missing field ") {
        return Some(Kind::MissingField {
            field: rest.trim_matches('`').to_owned(),
        });
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, allowed) = rest.split_once(", ").unwrap_or((rest, ""));
        let allowed = allowed
            .strip_prefix("expected one of ")
            .or_else(|| allowed.strip_prefix("expected "))
            .map(|list| {
                name_list(list)
                    .into_iter()
                    .map(|n| n.trim_matches('`').to_owned())
                    .collect()
            })
            .unwrap_or_default();
        return Some(Kind::UnknownField {
            field: field.trim_matches('`').to_owned(),
            allowed,
        });
    }
    let (found, expected) = message.strip_prefix("invalid type: ")?.split_once(", expected ")?;
    Some(Kind::WrongType {
        found: found_kind(found.trim())?,
        expected: expected_kind(expected.trim())?,
    })
}

/// [`found_words`] as a [`Found`], where it is one.
fn found_kind(found: &str) -> Option<Found> {
    let value = |v: &str| v.trim_matches('`').to_owned();
    if let Some(v) = found.strip_prefix("string ") {
        return Some(Found::Text(v.to_owned()));
    }
    if let Some(v) = found.strip_prefix("boolean ") {
        return Some(Found::YesNo(value(v)));
    }
    if let Some(v) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        return Some(Found::Number(value(v)));
    }
    match found {
        "sequence" => Some(Found::List),
        "map" => Some(Found::Mapping),
        "unit value" | "null" | "unit" => Some(Found::Empty),
        _ => None,
    }
}

/// [`expected_words`] as an [`Expected`], where it is one.
fn expected_kind(expected: &str) -> Option<Expected> {
    Some(match expected {
        "a string" | "string" => Expected::Text,
        "a boolean" | "bool" => Expected::TrueFalse,
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" | "an integer" => {
            Expected::WholeNumber
        }
        "f32" | "f64" | "a float" => Expected::Number,
        "a sequence" | "sequence" => Expected::List,
        "a map" | "map" => Expected::Mapping,
        _ => return None,
    })
}

/// serde_yaml puts the path of the value first (`sections[0].title: ...`);
/// the diagnostic's line and column already say where, in the author's
/// terms, so the path goes.
fn strip_path(raw: &str) -> &str {
    let Some((head, rest)) = raw.split_once(": ") else {
        return raw;
    };
    let is_path = !head.is_empty()
        && !head.contains(' ')
        && head
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '-' | '?'));
    let known = ["invalid ", "missing ", "unknown ", "duplicate "];
    if is_path && known.iter().any(|k| rest.starts_with(k)) {
        rest
    } else {
        raw
    }
}

/// What serde found (its `Unexpected`), as a reader of the file sees it.
fn found_words(found: &str) -> String {
    let found = found.trim();
    if let Some(v) = found.strip_prefix("string ") {
        return format!("the text {v}");
    }
    if let Some(v) = found.strip_prefix("boolean ") {
        return format!("{} (yes or no)", v.trim_matches('`'));
    }
    for number in ["integer ", "floating point "] {
        if let Some(v) = found.strip_prefix(number) {
            return format!("the number {}", v.trim_matches('`'));
        }
    }
    if let Some(v) = found.strip_prefix("character ") {
        return format!("the text \"{}\"", v.trim_matches('`'));
    }
    match found {
        "sequence" => "a list".to_owned(),
        "map" => "a mapping (lines of `key: value`)".to_owned(),
        "unit value" | "null" | "unit" => "empty".to_owned(),
        "enum" => "a YAML tag (`!name`), which these files do not use".to_owned(),
        "newtype struct" | "tuple variant" | "struct variant" | "newtype variant" | "unit variant" => {
            "a value of the wrong kind".to_owned()
        }
        other => other.to_owned(),
    }
}

/// What serde expected, in the formats' words. Our structs say what they
/// are (`#[serde(expecting)]`); these are the built-in types' names.
fn expected_words(expected: &str) -> String {
    let expected = expected.trim();
    match expected {
        "a string" | "string" => "text".to_owned(),
        "a boolean" | "bool" => "true or false".to_owned(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" | "an integer" => {
            "a whole number".to_owned()
        }
        "f32" | "f64" | "a float" => "a number".to_owned(),
        "a sequence" | "sequence" => "a list".to_owned(),
        "a map" | "map" => "a mapping (lines of `key: value`)".to_owned(),
        "any YAML value" | "any value" => {
            "a plain value: text, a number, true or false, a list or a mapping".to_owned()
        }
        "option" => "a value, or nothing".to_owned(),
        other => match other.strip_prefix("struct ") {
            Some(name) => format!("a mapping ({name})"),
            None => other.to_owned(),
        },
    }
}

/// serde's list of names (`` `a`, `b`, `c` `` or `` `a` or `b` ``), one
/// by one.
fn name_list(list: &str) -> Vec<&str> {
    list.split(", ")
        .flat_map(|s| s.split(" or "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// serde's list of names (`` `a`, `b`, `c` `` or `` `a` or `b` ``) joined
/// as a sentence: `` `a`, `b` or `c` ``.
fn names(list: &str) -> String {
    match name_list(list).as_slice() {
        [] => "nothing".to_owned(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_errors_say_what_the_file_holds_and_what_it_should() {
        assert_eq!(
            plain("invalid type: sequence, expected a clause library: a mapping with `version`, `title`, `author` and `sections`"),
            "this is a list, but it should be a clause library: a mapping with `version`, `title`, `author` and `sections`"
        );
        assert_eq!(
            plain("answers.legal_name: invalid type: enum, expected any YAML value"),
            "this is a YAML tag (`!name`), which these files do not use, but it should be a plain value: text, a number, true or false, a list or a mapping"
        );
        assert_eq!(
            plain("invalid type: string \"one\", expected u32"),
            "this is the text \"one\", but it should be a whole number"
        );
    }

    #[test]
    fn missing_and_unknown_fields_name_the_key_and_what_belongs() {
        assert_eq!(plain("missing field `version`"), "`version:` is missing here: add it");
        assert_eq!(
            plain("unknown field `answers`, expected one of `version`, `title`, `author`, `cover`, `sections`"),
            "`answers` does not belong here: this part of the file holds `version`, `title`, `author`, `cover` or `sections`"
        );
        assert_eq!(
            plain("review.decisions[0].verdict: unknown variant `approved_by_ceo`, expected `approved` or `changes_requested`"),
            "\"approved_by_ceo\" is not one of the values allowed here: `approved` or `changes_requested`"
        );
    }

    #[test]
    fn the_commonest_problems_have_a_kind_with_what_they_name() {
        assert_eq!(
            kind("missing field `version`"),
            Some(Kind::MissingField {
                field: "version".into()
            })
        );
        assert_eq!(
            kind("answers.x: unknown field `answers`, expected one of `version`, `title` or `author`"),
            Some(Kind::UnknownField {
                field: "answers".into(),
                allowed: vec!["version".into(), "title".into(), "author".into()],
            })
        );
        assert_eq!(
            kind("invalid type: string \"one\", expected u32"),
            Some(Kind::WrongType {
                found: Found::Text("\"one\"".into()),
                expected: Expected::WholeNumber,
            })
        );
        assert_eq!(
            kind("invalid type: map, expected a string"),
            Some(Kind::WrongType {
                found: Found::Mapping,
                expected: Expected::Text,
            })
        );
        // A struct's own description has English words only.
        assert_eq!(
            kind("invalid type: sequence, expected a clause library: a mapping"),
            None
        );
        assert_eq!(kind("found unexpected end of stream"), None);
    }

    #[test]
    fn other_messages_are_kept() {
        assert_eq!(
            plain("found unexpected end of stream"),
            "found unexpected end of stream"
        );
        assert_eq!(plain("a: b"), "a: b");
    }
}
