//! Translations: the policy content in another language, laid over the
//! English structure at load time.
//!
//! The English files hold the structure once: ids, conditions, order,
//! sources and template variables. A translation is a file of its own under
//! `policy-templates/<language tag>/`, at the same path as the English file
//! it translates, holding only text, keyed by the ids of the English: a
//! list of items with ids (sections, questions, options, clauses, checks,
//! packs) becomes a mapping by id, and a list without ids (list items, a
//! pack's changes) stays a list. Loading checks the translation against the
//! English (a key the English does not have, a text missing, a template
//! that reads other variables) with located diagnostics, then writes the
//! translated text into a copy of the English and checks that copy with the
//! same loader as the English, so that a translation cannot change the
//! structure.

use std::collections::{BTreeMap, BTreeSet};

use serde_yaml::Value;

use crate::policy::diag::{Diagnostic, Diagnostics, Problem, Seg, SourceFile, YamlPath};
use crate::policy::model::language::Language;
use crate::policy::model::template::variables;

/// The version of the translation format this build reads.
pub const FORMAT_VERSION: u64 = 1;

/// Keys whose text is translated wherever they appear.
const TEXT_KEYS: [&str; 14] = [
    "title",
    "author",
    "intro",
    "label",
    "help",
    "term",
    "message",
    "text",
    "heading",
    "notice",
    "summary",
    "pack_list",
    // A scenario's situation and a verdict's explanation.
    "situation",
    "explanation",
];

/// Keys of mappings under which every text is translated, at any depth:
/// a cover's fields, and the scenarios' setting words (each word's text
/// in each setting, keyed by the setting's name).
const ALL_TEXT_KEYS: [&str; 2] = ["cover", "words"];

/// Keys that hold structure, shared by every language and never translated
/// (a cover's `version` is text, and is translated with the rest of it).
const STRUCTURE_KEYS: [&str; 10] = [
    "id", "sources", "when", "show_if", "pack", "as_of", "type", "question", "required", "version",
];

/// Keys of lists whose items are texts (or a text with a condition).
const LIST_KEYS: [&str; 2] = ["bullets", "numbered"];

/// One text of a file, by its key in a translation.
#[derive(Debug)]
struct Entry {
    /// Its key: the mapping keys and ids from the root, as a translation
    /// writes them.
    key: Vec<String>,
    /// Where it is in its own file.
    at: YamlPath,
    /// The text.
    text: String,
}

/// The name of the translation into `language` of the English file `english`.
pub fn translation_name(english: &str, language: Language) -> String {
    format!("{}/{english}", language.tag())
}

/// A key as the messages write it.
fn shown(key: &[String]) -> String {
    key.join(" / ")
}

/// The first words of `text`, to say which English text is meant.
fn opening(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut shown = words.iter().take(8).copied().collect::<Vec<_>>().join(" ");
    if words.len() > 8 {
        shown.push('…');
    }
    shown
}

/// Every text of an English file, with the key a translation gives it.
/// Under a key of [`ALL_TEXT_KEYS`] (`all_text`), every string is text.
fn english_texts(value: &Value, key: &[String], at: &YamlPath, all_text: bool, out: &mut Vec<Entry>) {
    let Value::Mapping(map) = value else {
        return;
    };
    for (k, x) in map {
        let Some(k) = k.as_str() else {
            continue;
        };
        if !all_text && STRUCTURE_KEYS.contains(&k) {
            continue;
        }
        let here = at.key(k);
        let mut under = key.to_vec();
        under.push(k.to_owned());
        match x {
            Value::String(s) if all_text || TEXT_KEYS.contains(&k) => out.push(Entry {
                key: under,
                at: here,
                text: s.clone(),
            }),
            Value::Sequence(items) if LIST_KEYS.contains(&k) => {
                for (i, item) in items.iter().enumerate() {
                    let mut item_key = under.clone();
                    item_key.push(i.to_string());
                    let (at, text) = match item {
                        Value::String(s) => (here.index(i), s.clone()),
                        other => match other.get("text").and_then(Value::as_str) {
                            Some(s) => (here.index(i).key("text"), s.to_owned()),
                            None => continue,
                        },
                    };
                    out.push(Entry {
                        key: item_key,
                        at,
                        text,
                    });
                }
            }
            Value::Sequence(items) => {
                for (i, item) in items.iter().enumerate() {
                    let mut item_key = under.clone();
                    item_key.push(match item.get("id").and_then(Value::as_str) {
                        Some(id) => id.to_owned(),
                        None => i.to_string(),
                    });
                    english_texts(item, &item_key, &here.index(i), false, out);
                }
            }
            Value::Mapping(_) => english_texts(x, &under, &here, all_text || ALL_TEXT_KEYS.contains(&k), out),
            _ => {}
        }
    }
}

/// Every text of a translation, and the place of every mapping and list in
/// it (so that a missing text is reported where it belongs).
fn translated_texts(
    value: &Value,
    key: &[String],
    at: &YamlPath,
    out: &mut Vec<Entry>,
    places: &mut BTreeMap<Vec<String>, YamlPath>,
    problems: &mut Vec<Problem>,
) {
    places.insert(key.to_vec(), at.clone());
    let mut visit = |k: String, here: YamlPath, x: &Value, out: &mut Vec<Entry>, problems: &mut Vec<Problem>| {
        let mut under = key.to_vec();
        under.push(k);
        match x {
            Value::String(s) => out.push(Entry {
                key: under,
                at: here,
                text: s.clone(),
            }),
            Value::Mapping(_) | Value::Sequence(_) => translated_texts(x, &under, &here, out, places, problems),
            _ => problems.push(Problem::new(here, "expected the translated text here")),
        }
    };
    match value {
        Value::Mapping(map) => {
            for (k, x) in map {
                let Some(k) = k.as_str() else {
                    problems.push(Problem::new(
                        at.clone(),
                        "every key of a translation is an id or a field name",
                    ));
                    continue;
                };
                if key.is_empty() && (k == "language" || k == "version") {
                    continue;
                }
                visit(k.to_owned(), at.key(k), x, out, problems);
            }
        }
        Value::Sequence(items) => {
            for (i, x) in items.iter().enumerate() {
                visit(i.to_string(), at.index(i), x, out, problems);
            }
        }
        _ => problems.push(Problem::new(at.clone(), "expected a mapping of ids to translated text")),
    }
}

/// The node at `path` in `value`, to write a translated text into.
fn node_mut<'v>(value: &'v mut Value, path: &YamlPath) -> Option<&'v mut Value> {
    path.0.iter().try_fold(value, |v, seg| match seg {
        Seg::Key(k) => v.get_mut(k.as_str()),
        Seg::Index(i) => v.get_mut(*i),
    })
}

/// Checks the translation `translated` of the English file `english`
/// into `language`, and gives the English with the translated text written
/// in, as JSON for the English file's own loader. Every problem is located
/// in the translation.
pub fn lay_over(
    english: &SourceFile<'_>,
    translated: &SourceFile<'_>,
    language: Language,
) -> Result<String, Diagnostics> {
    let mut value = english.yaml_value()?;
    let over = translated.yaml_value()?;
    let mut problems = Vec::new();
    let root = YamlPath::root();
    match over.get("language").and_then(Value::as_str) {
        Some(tag) if tag == language.tag() => {}
        Some(tag) => problems.push(Problem::new(
            root.key("language"),
            format!("this file is in the folder of {language} but says it is in \"{tag}\""),
        )),
        None => problems.push(Problem::new(
            root.clone(),
            format!("a translation says its language first: `language: {language}`"),
        )),
    }
    match over.get("version").and_then(Value::as_u64) {
        Some(FORMAT_VERSION) => {}
        _ => problems.push(Problem::new(
            root.clone(),
            format!("a translation gives the format version this build reads: `version: {FORMAT_VERSION}`"),
        )),
    }
    let mut source_texts = Vec::new();
    english_texts(&value, &[], &root, false, &mut source_texts);
    let mut texts = Vec::new();
    let mut places = BTreeMap::new();
    translated_texts(&over, &[], &root, &mut texts, &mut places, &mut problems);
    let known: BTreeSet<&[String]> = source_texts.iter().map(|e| e.key.as_slice()).collect();
    for text in &texts {
        if !known.contains(text.key.as_slice()) {
            problems.push(Problem::at_key(
                text.at.clone(),
                format!(
                    "{} has no text at `{}` to translate: check the ids against the English",
                    english.name,
                    shown(&text.key)
                ),
            ));
        }
    }
    let by_key: BTreeMap<&[String], &Entry> = texts.iter().map(|e| (e.key.as_slice(), e)).collect();
    let mut writes = Vec::new();
    for source in &source_texts {
        if source.text.trim().is_empty() {
            continue;
        }
        let Some(text) = by_key.get(source.key.as_slice()) else {
            // Reported at the nearest mapping the translation has, so that
            // the author finds where the text belongs.
            let place = (0..source.key.len())
                .rev()
                .find_map(|n| places.get(&source.key[..n]))
                .cloned()
                .unwrap_or_default();
            problems.push(Problem::new(
                place,
                format!(
                    "the {language} text of `{}` is missing (the English reads \"{}\")",
                    shown(&source.key),
                    opening(&source.text)
                ),
            ));
            continue;
        };
        if text.text.trim().is_empty() {
            problems.push(Problem::new(text.at.clone(), "the translated text is empty"));
            continue;
        }
        // The English is checked by its own loader; only a translation that
        // reads other variables than a sound English is reported here.
        if let Ok(wanted) = variables(&source.text) {
            match variables(&text.text) {
                Ok(found) if found == wanted => {}
                Ok(found) => {
                    let list = |names: Vec<&String>| {
                        names
                            .iter()
                            .map(|n| format!("{{{{ {n} }}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    let extra = list(found.difference(&wanted).collect());
                    let lost = list(wanted.difference(&found).collect());
                    let mut message = String::from("the translation must read the same answers as the English");
                    if !extra.is_empty() {
                        message.push_str(&format!(": it reads {extra}, which the English does not"));
                    }
                    if !lost.is_empty() {
                        let join = if extra.is_empty() { ": " } else { "; " };
                        message.push_str(&format!("{join}it leaves out {lost}"));
                    }
                    problems.push(Problem::new(text.at.clone(), message));
                }
                Err(e) => problems.push(Problem::new(text.at.clone(), e)),
            }
        }
        writes.push((source.at.clone(), text.text.clone()));
    }
    if !problems.is_empty() {
        return Err(translated.locate(problems));
    }
    for (at, text) in writes {
        if let Some(node) = node_mut(&mut value, &at) {
            *node = Value::String(text);
        }
    }
    serde_json::to_string(&value).map_err(|e| {
        Diagnostics(vec![Diagnostic {
            file: translated.name.to_owned(),
            line: 1,
            column: 1,
            message: format!("the translated text could not be combined with the English ({e})"),
            kind: None,
        }])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: &str = "\
version: 1
title: \"{{ name }} policy\"
sections:
  - id: intro
    title: Introduction
    clauses:
      - id: intro.why
        sources: [A source]
        when: { yes: public }
        text: Posts by {{ name }} are public.
      - id: intro.list
        sources: [A source]
        bullets:
          - Be kind.
          - text: Ask {{ contact }}.
            when: { yes: public }
";

    const FRENCH: &str = "\
language: fr-CA
version: 1
title: \"Politique de {{ name }}\"
sections:
  intro:
    title: Introduction
    clauses:
      intro.why:
        text: Les publications de {{ name }} sont publiques.
      intro.list:
        bullets:
          - Soyez courtois.
          - Adressez-vous à {{ contact }}.
";

    fn lay(french: &str) -> Result<Value, Diagnostics> {
        let json = lay_over(
            &SourceFile::yaml("a.yaml", ENGLISH),
            &SourceFile::yaml("fr-CA/a.yaml", french),
            Language::CanadianFrench,
        )?;
        Ok(serde_json::from_str(&json).expect("the result is JSON"))
    }

    #[test]
    fn the_translated_text_replaces_the_english_and_the_structure_stays() {
        let value = lay(FRENCH).expect("the translation is complete");
        assert_eq!(value["title"], "Politique de {{ name }}");
        let clauses = &value["sections"][0]["clauses"];
        assert_eq!(clauses[0]["text"], "Les publications de {{ name }} sont publiques.");
        assert_eq!(clauses[0]["sources"][0], "A source", "sources stay as they are");
        assert_eq!(clauses[0]["when"]["yes"], "public", "conditions come from the English");
        assert_eq!(clauses[1]["bullets"][0], "Soyez courtois.");
        assert_eq!(clauses[1]["bullets"][1]["text"], "Adressez-vous à {{ contact }}.");
        assert_eq!(clauses[1]["bullets"][1]["when"]["yes"], "public");
    }

    #[test]
    fn an_id_the_english_does_not_have_is_reported_where_it_is() {
        let wrong = FRENCH.replace("intro.why:", "intro.wyh:");
        let err = lay(&wrong).expect_err("refused");
        let all = err.to_string();
        assert!(
            all.contains("fr-CA/a.yaml:9:9: a.yaml has no text at `sections / intro / clauses / intro.wyh / text`"),
            "{all}"
        );
        assert!(
            all.contains("the fr-CA text of `sections / intro / clauses / intro.why / text` is missing (the English reads \"Posts by {{ name }} are public.\")"),
            "{all}"
        );
    }

    #[test]
    fn a_missing_list_item_is_reported_at_its_list() {
        let short = FRENCH.replace("          - Adressez-vous à {{ contact }}.\n", "");
        let err = lay(&short).expect_err("refused");
        assert_eq!(err.0.len(), 1, "{err}");
        assert_eq!(err.0[0].line, 12, "{err}");
        assert!(err.0[0].message.contains("bullets / 1"), "{err}");
    }

    #[test]
    fn a_translation_that_reads_other_answers_is_refused() {
        let other = FRENCH.replace("à {{ contact }}", "à {{ owner }}");
        let err = lay(&other).expect_err("refused");
        assert_eq!(err.0.len(), 1, "{err}");
        assert_eq!(
            err.0[0].message,
            "the translation must read the same answers as the English: it reads {{ owner }}, which the English does not; it leaves out {{ contact }}"
        );
        assert_eq!((err.0[0].line, err.0[0].column), (13, 13), "{err}");
    }

    #[test]
    fn a_translation_names_its_language_and_version() {
        let err = lay(&FRENCH.replace("language: fr-CA\n", "language: fr-FR\n")).expect_err("refused");
        assert!(err.to_string().contains("says it is in \"fr-FR\""), "{err}");
        let err = lay(&FRENCH.replace("version: 1\n", "")).expect_err("refused");
        assert!(err.to_string().contains("`version: 1`"), "{err}");
    }
}
