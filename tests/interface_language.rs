//! The interface's two languages (`src/app/i18n/en.ftl` and `fr.ftl`): both
//! parse, both have the same messages with the same variables, every
//! message the app asks for exists, and the French follows French
//! typography.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

const ENGLISH: &str = include_str!("../src/app/i18n/en.ftl");
const FRENCH: &str = include_str!("../src/app/i18n/fr.ftl");

/// Each message's id with the variables it uses.
fn messages(name: &str, source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{name} does not parse: {errors:#?}"),
    };
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            for a in &m.attributes {
                pattern_vars(&a.value, &mut vars);
            }
            assert!(
                out.insert(m.id.name.to_owned(), vars).is_none(),
                "{name} has {} twice",
                m.id.name
            );
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// Every message id the app's code asks for with `tr!("…")`, `tv!("…")`,
/// `text_now("…")` (the error screen), `text_in(lang, "…")` or
/// `text_in(Lang::En, "…")` (English built in, when French is unavailable).
fn asked_for() -> BTreeSet<(String, String)> {
    fn walk(dir: &Path, out: &mut BTreeSet<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("src/app is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/mod.rs") {
                // (The macros' own module names keys only in its docs.)
                let text = std::fs::read_to_string(&path).expect("a source file is readable");
                for mac in [
                    "tr!(\"",
                    "tv!(\"",
                    "text_now(\"",
                    "text_in(lang, \"",
                    "text_in(Lang::En, \"",
                ] {
                    for (at, _) in text.match_indices(mac) {
                        let rest = &text[at + mac.len()..];
                        let key: String = rest.chars().take_while(|c| *c != '"').collect();
                        out.insert((key, path.display().to_string()));
                    }
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(Path::new("src/app"), &mut out);
    out
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_variables() {
    let en = messages("en.ftl", ENGLISH);
    let fr = messages("fr.ftl", FRENCH);
    let only_en: Vec<_> = en.keys().filter(|k| !fr.contains_key(*k)).collect();
    let only_fr: Vec<_> = fr.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "in English only: {only_en:#?}");
    assert!(only_fr.is_empty(), "in French only: {only_fr:#?}");
    let differ: Vec<_> = en
        .iter()
        .filter(|(k, vars)| fr.get(*k) != Some(vars))
        .map(|(k, vars)| format!("{k}: en {vars:?}, fr {:?}", fr.get(k)))
        .collect();
    assert!(differ.is_empty(), "different variables: {differ:#?}");
}

#[test]
fn every_message_the_app_asks_for_exists() {
    let en = messages("en.ftl", ENGLISH);
    let asked = asked_for();
    assert!(asked.len() > 100, "the scan found only {} messages", asked.len());
    let missing: Vec<_> = asked.iter().filter(|(k, _)| !en.contains_key(k)).collect();
    assert!(missing.is_empty(), "asked for but not in the files: {missing:#?}");
}

#[test]
fn the_french_puts_a_no_break_space_where_french_typography_wants_one() {
    let mut bad = Vec::new();
    for (n, line) in FRENCH.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        for (mark, what) in [
            (" :", "before a colon"),
            (" ;", "before a semicolon"),
            (" !", "before an exclamation mark"),
            (" ?", "before a question mark"),
            ("« ", "after «"),
            (" »", "before »"),
        ] {
            if line.contains(mark) {
                bad.push(format!("line {}: an ordinary space {what}: {line}", n + 1));
            }
        }
        // A semicolon never touches the word before it (a colon may, in
        // a time or an address, and placeables end with a space anyway).
        let text = line.split_once('=').map_or(line, |(_, v)| v);
        let mut before = None;
        for c in text.chars() {
            if c == ';' && before.is_some_and(|b: char| !b.is_whitespace()) {
                bad.push(format!("line {}: no no-break space before a semicolon: {line}", n + 1));
                break;
            }
            before = Some(c);
        }
        // English quotation marks around a name are « » in French.
        if line.split_once('=').is_some_and(|(_, v)| v.contains("\"{")) {
            bad.push(format!("line {}: English quotation marks: {line}", n + 1));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}
