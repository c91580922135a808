//! Input limits for YAML: an oversized file, a deeply nested one and an
//! alias bomb are each refused quickly, with a message that names the limit
//! and the line and column where it was crossed, and never a panic.

use std::time::{Duration, Instant};

use policy_builder::policy::bundle::{APPROVER_NOTES, CLAUSES, QUESTIONNAIRE, QUICK_REFERENCE};
use policy_builder::policy::diag::limits::{Checked, LimitKind, Limits};
use policy_builder::policy::diag::Diagnostics;
use policy_builder::policy::model::library::ClauseLibrary;
use policy_builder::policy::model::questionnaire::Questionnaire;
use policy_builder::policy::sample::{Sample, SAMPLES};

/// Generous: each case takes milliseconds, but the test machine is shared.
const QUICK: Duration = Duration::from_secs(3);

/// Loads `text` as a questionnaire, which must fail quickly; returns the
/// one diagnostic as `file:line:column: message`.
fn refused(text: &str) -> String {
    let started = Instant::now();
    let result = Questionnaire::load("q.yaml", text);
    let took = started.elapsed();
    assert!(took < QUICK, "took {took:?}");
    let d: Diagnostics = result.expect_err("the file should be refused");
    assert_eq!(d.0.len(), 1, "expected one diagnostic, got:\n{d}");
    d.0[0].to_string()
}

/// The classic "billion laughs": nine levels, each ten aliases of the last,
/// about a billion strings once expanded, in under 1 KB of text.
fn billion_laughs() -> String {
    let mut text = String::from("version: 1\ntitle: Test\nl0: &l0 [lol]\n");
    for level in 1..=9 {
        let prev = level - 1;
        let refs = vec![format!("*l{prev}"); 10].join(", ");
        text.push_str(&format!("l{level}: &l{level} [{refs}]\n"));
    }
    text.push_str("sections: *l9\n");
    text
}

#[test]
fn an_alias_bomb_is_refused_where_it_explodes() {
    let text = billion_laughs();
    assert!(text.len() < 1_000);
    let message = refused(&text);
    // Line 9 is `l6: &l6 [*l5, *l5, ...]`: l5 expands to 211,111 values,
    // so the fourth alias in that line (column 25) takes the file past a
    // million.
    assert_eq!(
        message,
        "q.yaml:9:25: with its aliases expanded the file would hold more than 1000000 values (an alias bomb?)"
    );
}

#[test]
fn an_alias_bomb_is_refused_in_a_clause_library_and_a_sample_too() {
    let text = billion_laughs();
    let q = Questionnaire::load(QUESTIONNAIRE.0, QUESTIONNAIRE.1).expect("the shipped questionnaire loads");
    let started = Instant::now();
    let lib = ClauseLibrary::load("clauses.yaml", &text, &q).expect_err("refused");
    let sample = Sample::load("sample.yaml", &text).expect_err("refused");
    assert!(started.elapsed() < QUICK);
    for d in [lib, sample] {
        assert_eq!(d.0.len(), 1, "{d}");
        assert!(d.0[0].message.contains("alias bomb"), "{d}");
        assert_eq!(d.0[0].line, 9, "{d}");
    }
}

#[test]
fn many_aliases_are_refused_at_the_first_one_too_many() {
    let mut text = String::from("version: 1\ntitle: &t Test\nsections: []\nx:\n");
    for _ in 0..1_001 {
        text.push_str("  - *t\n");
    }
    // Line 5 holds the first alias, so the 1001st is on line 1005.
    assert_eq!(
        refused(&text),
        "q.yaml:1005:5: the file uses more than 1000 aliases (`*name`)"
    );
}

#[test]
fn an_alias_inside_its_own_anchor_is_refused() {
    let text = "version: 1\ntitle: Test\nsections: &s\n  - id: a\n    again: *s\n";
    assert_eq!(
        refused(text),
        "q.yaml:5:12: this alias refers to a node that contains it"
    );
}

#[test]
fn deep_flow_nesting_is_refused_at_the_level_too_deep() {
    // Far deeper than any recursive parser or deserializer could follow.
    let text = format!("version: 1\ntitle: Test\nsections: {}\n", "[".repeat(100_000));
    // The top-level mapping is level 1, so the 64th `[` (column 11 onward)
    // is level 65.
    assert_eq!(
        refused(&text),
        "q.yaml:3:74: the YAML nests more than 64 levels deep here"
    );
}

#[test]
fn deep_block_nesting_is_refused_at_the_level_too_deep() {
    let mut text = String::from("version: 1\ntitle: Test\nsections:\n");
    for depth in 1..=200 {
        text.push_str(&" ".repeat(depth));
        text.push_str("k:\n");
    }
    // `sections:` opens level 2 on line 4; level 65 starts on line 67,
    // indented 64 spaces.
    assert_eq!(
        refused(&text),
        "q.yaml:67:65: the YAML nests more than 64 levels deep here"
    );
}

#[test]
fn nesting_at_the_limit_is_accepted_by_the_check() {
    let text = format!("a: {}{}\n", "[".repeat(63), "]".repeat(63));
    assert_eq!(Limits::DEFAULT.check(&text), Ok(Checked::WellFormed));
    let text = format!("a: {}{}\n", "[".repeat(64), "]".repeat(64));
    let err = Limits::DEFAULT.check(&text).expect_err("one level too deep");
    assert_eq!(err.kind, LimitKind::TooDeep { max: 64 });
}

#[test]
fn an_oversize_file_is_refused_before_it_is_parsed() {
    // Valid YAML, each line 100 bytes, just over a megabyte in all.
    let mut text = String::from("version: 1\ntitle: Test\nsections: []\nnotes:\n");
    let line = format!("  - {}\n", "x".repeat(95));
    while text.len() <= 1_000_000 {
        text.push_str(&line);
    }
    let size = text.len();
    // The header is 43 bytes on 4 lines; the byte at offset 1,000,000 is
    // 999,957 bytes into the list: line 5 + 9,999, column 57 + 1.
    let message = refused(&text);
    assert_eq!(
        message,
        format!(
            "q.yaml:10004:58: the file is {size} bytes, more than the limit of 1000000 bytes: split it into smaller files"
        )
    );
}

#[test]
fn a_file_of_exactly_the_limit_passes_the_size_check() {
    let mut text = String::from("a: ");
    text.push_str(&"x".repeat(1_000_000 - text.len()));
    assert_eq!(text.len(), 1_000_000);
    assert_eq!(Limits::DEFAULT.check(&text), Ok(Checked::WellFormed));
}

#[test]
fn a_malformed_file_is_described_in_the_usual_words() {
    // The limits check stops at a syntax error and the deserializer, given
    // the text up to it, describes it as it always has.
    let d = Questionnaire::load("q.yaml", "version: 1\ntitle: \"unclosed\n").expect_err("refused");
    assert!(d.0[0].message.contains("unexpected end of stream"), "{d}");
}

#[test]
fn every_shipped_file_is_well_inside_the_limits() {
    let tight = Limits {
        max_bytes: 100_000,
        max_depth: 16,
        max_aliases: 0,
        max_values: 20_000,
    };
    let mut files = vec![QUESTIONNAIRE, QUICK_REFERENCE, APPROVER_NOTES];
    files.extend_from_slice(CLAUSES);
    files.extend_from_slice(SAMPLES);
    for (name, text) in files {
        assert_eq!(tight.check(text), Ok(Checked::WellFormed), "{name}");
    }
}

#[test]
fn hostile_yaml_never_panics() {
    // Odd but small inputs: each either loads or gives diagnostics.
    let cases = [
        "",
        "~",
        "*a",
        "&a *a",
        "a: &a\n  b: *a\n",
        "? [a, b]\n: c\n",
        "!!binary AAAA",
        "%YAML 1.2\n---\na: 1\n...\n---\nb: 2\n",
        "version: 1\ntitle: x\nsections: [{id: a, title: b, questions: [{id: q, label: l, type: yes_no, show_if: {not: {not: {not: {yes: q}}}}}]}]",
        "\u{feff}version: 1",
        "a: \"\\uD800\"",
        "{{{{{{{{{{",
        "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -",
    ];
    for text in cases {
        let started = Instant::now();
        let _ = Questionnaire::load("q.yaml", text);
        let _ = Sample::load("s.yaml", text);
        assert!(started.elapsed() < QUICK, "{text:?}");
    }
}

#[test]
fn syntax_errors_keep_the_deserializers_words_and_place() {
    // The limits check hands the deserializer only the text up to the
    // error; for ordinary mistakes it says the same as on the whole text.
    let cases = [
        "version: 1\ntitle: \"unclosed\nsections: []\n",
        "version: 1\ntitle: [a, b\nsections: []\n",
        "version: 1\n  title: x\nsections: []\n",
        "version: 1\ntitle: x\n- a\nsections: []\n",
        "version: 1\ntitle: {a: 1\nsections: []\nmore: text\n",
        "version: 1\ntitle: *nowhere\nsections: []\n",
        "version: 1\ntitle: x\n\tsections: []\n",
    ];
    for text in cases {
        let whole = serde_yaml::from_str::<serde::de::IgnoredAny>(text).expect_err("malformed");
        let at = whole.location().map(|l| (l.line(), l.column())).unwrap_or((1, 1));
        // The end of the file is shown as the end of its last line.
        let lines = text.lines().count();
        let at = if at.0 > lines {
            (lines, text.lines().last().unwrap_or_default().chars().count() + 1)
        } else {
            at
        };
        let d = Questionnaire::load("q.yaml", text).expect_err("malformed");
        assert_eq!(d.0.len(), 1, "{text:?}: {d}");
        assert_eq!((d.0[0].line, d.0[0].column), at, "{text:?}: {d} / {whole}");
        let words = whole.to_string();
        let words = words.split(" at line ").next().unwrap_or_default();
        assert!(d.0[0].message.starts_with(words), "{text:?}: {d} / {whole}");
    }
}

#[test]
fn a_syntax_error_before_deep_nesting_is_still_quick() {
    // The deserializer's parser would take minutes over the `[`s; it only
    // reads up to the 256th after the error.
    let text = format!("version: 1\n  title: x\nsections: {}\n", "[".repeat(200_000));
    let d = refused(&text);
    assert!(d.starts_with("q.yaml:2:"), "{d}");
}
