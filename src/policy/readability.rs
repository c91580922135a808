//! Readability of a filled policy: the Flesch-Kincaid grade level,
//! `0.39 × words/sentences + 11.8 × syllables/words − 15.59`.
//!
//! Syllables are counted with the usual English heuristic (groups of
//! vowels, less a silent final "e"), which is close enough for a grade
//! that is itself an estimate; the tests pin it on known words.

use crate::policy::document::{BlockKind, Document};

/// Counts of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Words.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Syllables.
    pub syllables: usize,
}

impl Counts {
    /// The Flesch-Kincaid grade level (0 for empty text).
    pub fn grade(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        let words = self.words as f64;
        0.39 * words / self.sentences as f64 + 11.8 * self.syllables as f64 / words - 15.59
    }

    fn add(&mut self, other: Counts) {
        self.words += other.words;
        self.sentences += other.sentences;
        self.syllables += other.syllables;
    }
}

/// Syllables in one English word.
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if w.is_empty() {
        return 0;
    }
    if w.len() <= 3 {
        return 1;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut groups = 0;
    let mut prev = false;
    for &c in &w {
        let v = vowel(c);
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    let n = w.len();
    // A final "e" is usually silent ("care", "share"), but not in "-le"
    // after a consonant ("people", "simple").
    if w[n - 1] == 'e' && !(w[n - 2] == 'l' && n > 2 && !vowel(w[n - 3])) && groups > 1 {
        groups -= 1;
    }
    // "-ed" after anything but t or d is not a syllable ("posted" is two,
    // "named" one).
    if n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd' && !matches!(w[n - 3], 't' | 'd') && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

/// Counts a run of prose: one unit such as a paragraph or a list item. A
/// unit with no full stop still counts as one sentence.
pub fn counts(text: &str) -> Counts {
    counts_with(text, syllables, "\"")
}

/// Counts a run of prose in a language whose words have `syllables` and
/// whose quotations close with `closing_quote`: a word that ends a
/// sentence ends with `.`, `!` or `?`, or with a full stop before that
/// quote or a bracket.
pub(crate) fn counts_with(text: &str, syllables: fn(&str) -> usize, closing_quote: &str) -> Counts {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let quoted_end = format!(".{closing_quote}");
    let ends = text
        .split_whitespace()
        .filter(|w| w.ends_with(['.', '!', '?']) || w.ends_with(quoted_end.as_str()) || w.ends_with(".)"))
        .count();
    Counts {
        words: words.len(),
        sentences: if words.is_empty() { 0 } else { ends.max(1) },
        syllables: words.iter().map(|w| syllables(w)).sum(),
    }
}

/// Counts of the body of a document: paragraphs, notices and list items.
pub fn document_counts(doc: &Document) -> Counts {
    document_counts_with(doc, counts)
}

/// Counts of the body of a document, each paragraph, notice and list item
/// counted by `counts`.
pub(crate) fn document_counts_with(doc: &Document, counts: fn(&str) -> Counts) -> Counts {
    let mut total = Counts::default();
    for section in doc.all_sections() {
        for block in &section.blocks {
            match &block.kind {
                BlockKind::Paragraph(t) | BlockKind::Notice(t) => total.add(counts(&t.to_plain())),
                BlockKind::Bullets(items) | BlockKind::Numbered(items) => {
                    for t in items {
                        total.add(counts(&t.to_plain()));
                    }
                }
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_of_known_words() {
        for (word, n) in [
            ("the", 1),
            ("care", 1),
            ("staff", 1),
            ("people", 2),
            ("simple", 2),
            ("posted", 2),
            ("named", 1),
            ("social", 2),
            ("patient", 2),
            ("privacy", 3),
            ("organization", 5),
            ("information", 4),
            ("confidentiality", 6),
            ("Don't", 1),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn sentences_words_and_grade_of_a_plain_text() {
        let c = counts("Tell the privacy office at once. Do not share the post.");
        assert_eq!(
            c,
            Counts {
                words: 11,
                sentences: 2,
                syllables: 14
            }
        );
        // 0.39 × 5.5 + 11.8 × 14/11 − 15.59
        assert!((c.grade() - 1.573).abs() < 0.01, "{}", c.grade());
    }

    #[test]
    fn a_list_item_without_a_full_stop_is_one_sentence() {
        assert_eq!(counts("Use your own name").sentences, 1);
        assert_eq!(counts("").sentences, 0);
        assert_eq!(Counts::default().grade(), 0.0);
    }
}
