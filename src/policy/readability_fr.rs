//! Readability of a policy filled in French: the Kandel and Moles (1958)
//! adaptation of Flesch's reading ease to French,
//! `207 − 1.015 × words/sentences − 73.6 × syllables/words`, where 60 to
//! 70 reads as "standard" and above 70 as "fairly easy". It sits beside
//! [`crate::policy::readability`], whose English grade and syllable
//! counter do not fit French words.
//!
//! Syllables are counted as spoken French counts them, with a heuristic:
//! groups of vowels (accented vowels included, so "eau" and "oi" are one),
//! less a mute final "e" or "es" after a consonant ("table", "pages"), with
//! the "u" of "qu" and "gu" read as part of the consonant. It does not know
//! that the "-ent" of a verb is silent ("parlent"), so it counts a little
//! high, which lowers the score: the estimate errs on the side of harder
//! text. The tests pin it on known words.

use crate::policy::document::Document;
use crate::policy::readability::{counts_with, document_counts_with, Counts};

/// Whether `c` (lower case) is a French vowel letter.
fn vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'à'
            | 'â'
            | 'ä'
            | 'é'
            | 'è'
            | 'ê'
            | 'ë'
            | 'î'
            | 'ï'
            | 'ô'
            | 'ö'
            | 'ù'
            | 'û'
            | 'ü'
            | 'ÿ'
            | 'œ'
            | 'æ'
    )
}

/// Syllables in one French word, as spoken.
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if w.is_empty() {
        return 0;
    }
    // The "u" of "qu", and of "gu" before e or i, is part of the consonant
    // ("politique", "guide").
    let is_vowel: Vec<bool> = w
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let silent_u = c == 'u'
                && i > 0
                && (w[i - 1] == 'q'
                    || (w[i - 1] == 'g'
                        && w.get(i + 1)
                            .is_some_and(|n| matches!(n, 'e' | 'i' | 'é' | 'è' | 'ê' | 'y'))));
            vowel(c) && !silent_u
        })
        .collect();
    let mut groups = 0;
    let mut prev = false;
    for &v in &is_vowel {
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    let n = w.len();
    // A final unaccented "e", or "es", after a consonant is mute
    // ("table", "pages"), but a word of one syllable keeps it ("le", "les").
    let mute = (n >= 2 && w[n - 1] == 'e' && !is_vowel[n - 2])
        || (n >= 3 && w[n - 2] == 'e' && w[n - 1] == 's' && !is_vowel[n - 3]);
    if mute && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

/// Counts a run of French prose: one unit such as a paragraph or a list
/// item. A unit with no full stop still counts as one sentence. French
/// sets a question or exclamation mark apart with a no-break space, so a
/// mark standing alone also ends a sentence.
pub fn counts(text: &str) -> Counts {
    counts_with(text, syllables, "»")
}

/// The Kandel and Moles reading ease of `counts` (0 for empty text).
pub fn reading_ease(counts: &Counts) -> f64 {
    if counts.words == 0 || counts.sentences == 0 {
        return 0.0;
    }
    let words = counts.words as f64;
    207.0 - 1.015 * words / counts.sentences as f64 - 73.6 * counts.syllables as f64 / words
}

/// Counts of the body of a French document: paragraphs, notices and list
/// items.
pub fn document_counts(doc: &Document) -> Counts {
    document_counts_with(doc, counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_of_known_french_words() {
        for (word, n) in [
            ("le", 1),
            ("les", 1),
            ("eau", 1),
            ("table", 1),
            ("pages", 1),
            ("santé", 2),
            ("été", 2),
            ("oiseau", 2),
            ("enfants", 2),
            ("personnel", 3),
            ("politique", 3),
            ("publication", 4),
            ("l'équipe", 2),
            ("renseignements", 4),
            ("guide", 1),
            ("quand", 1),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn a_sentence_is_counted_and_scored() {
        let c = counts("Le chat dort. Les enfants jouent dehors\u{A0}!");
        // Words: le chat dort les enfants jouent dehors; the "!" alone
        // ends the second sentence.
        assert_eq!((c.words, c.sentences), (7, 2));
        // le 1, chat 1, dort 1, les 1, en-fants 2, jouent 1 ("oue" is one
        // vowel group), de-hors 2.
        assert_eq!(c.syllables, 9);
        let ease = reading_ease(&c);
        let expected = 207.0 - 1.015 * 3.5 - 73.6 * 9.0 / 7.0;
        assert!((ease - expected).abs() < 1e-9, "{ease}");
        assert!(ease > 90.0, "short sentences of short words read easily: {ease}");
    }

    #[test]
    fn long_sentences_of_long_words_score_lower() {
        let easy = reading_ease(&counts("Ne publiez rien sur un patient."));
        let hard = reading_ease(&counts(
            "Les organisations réglementées doivent obligatoirement déclarer immédiatement toute communication non autorisée de renseignements personnels confidentiels.",
        ));
        assert!(easy > 60.0 && hard < 30.0, "{easy} {hard}");
        assert_eq!(reading_ease(&Counts::default()), 0.0);
    }
}
