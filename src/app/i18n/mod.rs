//! The interface's words in English and Canadian French: the one place the
//! app's chrome (headings, buttons, labels, messages, aria text) gets its
//! text. Policy wording is not here; it comes from [`crate::policy`].
//!
//! The messages are Project Fluent files beside this module (`en.ftl`,
//! `fr.ftl`), read by `fluent-bundle`, so plurals and genders are chosen by
//! the message (`{ $count -> [one] … *[other] … }`) and no sentence is
//! assembled from pieces in Rust. The chosen language is one signal for the
//! whole page: every text reads it, so switching language re-renders the
//! words and nothing else (no page, answer or focus is lost).
//!
//! English is built into the page. French is a data file the page fetches
//! when French is chosen (`browser::language`), so that it costs an English
//! visit nothing; the service worker keeps it for offline use. Until it is
//! added, and if it cannot be, French messages fall back to English.
//!
//! This room sits beside the browser edges, below everything else in the
//! app, and imports nothing of the app: the shell, the features and the
//! browser edges (the panic screen) all take their words from it. Reading
//! and remembering the choice is done in `browser::language`.

use std::cell::{Cell, OnceCell};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use leptos::prelude::*;
use unic_langid::LanguageIdentifier;

/// The English messages, built in: the interface opens in them.
pub const ENGLISH: &str = include_str!("en.ftl");

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// Canadian French.
    Fr,
}

impl Lang {
    /// Both languages, in the order the switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The BCP 47 tag of the interface in this language, used for
    /// `<html lang>`: both are the Canadian forms the text is written in.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en-CA",
            Lang::Fr => "fr-CA",
        }
    }

    /// The short code remembered in storage and used as the switch's value.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language's own name, as the switch shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// The language a remembered or chosen code names, if any.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The language for a first visit from the browser's preferred
    /// languages, most preferred first: the first one that is English or
    /// French decides (`fr`, `fr-CA`, `fr-FR`… give French), and English is
    /// the answer when neither appears.
    pub fn from_browser<S: AsRef<str>>(preferred: &[S]) -> Lang {
        for tag in preferred {
            let primary = tag.as_ref().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
            match primary.as_str() {
                "fr" => return Lang::Fr,
                "en" => return Lang::En,
                _ => {}
            }
        }
        Lang::En
    }
}

/// Why a fetched message file was not added.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The file is not a whole Fluent file (a page of the host's instead,
    /// or cut short): nothing of it is used.
    #[error("the {lang} message file has {errors} syntax errors")]
    Broken {
        /// The language's code.
        lang: &'static str,
        /// How many syntax errors Fluent found.
        errors: usize,
    },
}

/// The languages' messages, each parsed once: English at start-up, French
/// when its file has been fetched.
struct Bundles {
    en: FluentBundle<FluentResource>,
    fr: OnceCell<FluentBundle<FluentResource>>,
}

impl Bundles {
    fn load() -> Self {
        let en = FluentResource::try_new(ENGLISH.to_owned()).unwrap_or_else(|(partial, _)| partial);
        Self {
            en: bundle(en, Lang::En),
            fr: OnceCell::new(),
        }
    }

    /// The bundle of `lang`, or the English one while `lang` has none.
    fn get(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => self.fr.get().unwrap_or(&self.en),
        }
    }
}

/// One language's bundle. The Unicode isolation marks Fluent puts around
/// placeables by default are off: the interface is left to right only, and
/// the marks would land in copied text and in the accessible names.
fn bundle(resource: FluentResource, lang: Lang) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

/// Whether the messages of `lang` are there to show.
pub fn has_messages(lang: Lang) -> bool {
    match lang {
        Lang::En => true,
        Lang::Fr => BUNDLES.with(|b| b.fr.get().is_some()),
    }
}

/// Adds the messages of `lang` from its Fluent file. A file with any
/// syntax error is refused whole, so that a page of the host's or a file
/// cut short never shows a half-translated interface (a test in
/// `tests/interface_language.rs` holds the shipped files free of errors).
/// English is built in, and a second French file changes nothing.
pub fn add_messages(lang: Lang, source: String) -> Result<(), LoadError> {
    let resource = FluentResource::try_new(source).map_err(|(_, errors)| LoadError::Broken {
        lang: lang.code(),
        errors: errors.len(),
    })?;
    if lang == Lang::Fr {
        BUNDLES.with(|b| {
            let _ = b.fr.set(bundle(resource, lang));
        });
    }
    Ok(())
}

/// The language whose messages could not be fetched on the last try, if
/// any, tracked: the language switch says so.
pub fn unavailable() -> Option<Lang> {
    UNAVAILABLE.with(|s| s.get())
}

/// Records that the messages of `lang` could not be fetched (or, with
/// `None`, that the last choice worked).
pub fn set_unavailable(lang: Option<Lang>) {
    UNAVAILABLE.with(|s| s.set(lang));
}

thread_local! {
    static BUNDLES: Bundles = Bundles::load();
    /// The language that could not be fetched, if any.
    static UNAVAILABLE: ArcRwSignal<Option<Lang>> = ArcRwSignal::new(None);
    /// The chosen language, as a signal every text reads.
    static CHOSEN: ArcRwSignal<Lang> = ArcRwSignal::new(Lang::En);
    /// The same, readable without the reactive system: the panic screen
    /// runs when that system may be the thing that broke.
    static PLAIN: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The interface language, tracked: a closure that calls this re-runs when
/// the language changes.
pub fn lang() -> Lang {
    CHOSEN.with(|s| s.get())
}

/// The interface language without tracking it, for code outside the
/// reactive system.
pub fn lang_untracked() -> Lang {
    PLAIN.with(Cell::get)
}

/// Changes the interface language; every text on the page follows.
pub fn set_lang(lang: Lang) {
    PLAIN.with(|p| p.set(lang));
    CHOSEN.with(|s| {
        if s.get_untracked() != lang {
            s.set(lang);
        }
    });
}

/// Arguments of a message (counts, names, dates).
pub type Args<'a> = FluentArgs<'a>;

/// A number or text given to a message.
pub type Value<'a> = FluentValue<'a>;

/// Message `key` in language `lang` with `args`, in English while the
/// messages of `lang` are not there. A missing message shows its key, so a
/// mistake is visible rather than blank (and the tests fail on it before
/// it ships).
pub fn text_in(lang: Lang, key: &str, args: Option<&Args<'_>>) -> String {
    BUNDLES.with(|b| {
        let bundle = b.get(lang);
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_owned();
        };
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, args, &mut errors).into_owned()
    })
}

/// Message `key` in the interface language, tracked.
pub fn text(key: &str, args: Option<&Args<'_>>) -> String {
    text_in(lang(), key, args)
}

/// Message `key` in the interface language, untracked (the panic screen).
pub fn text_now(key: &str) -> String {
    text_in(lang_untracked(), key, None)
}

/// An error as the user reads it: in the interface language, lowercase
/// and without a period, to go inside a message's `{ $error }`. The
/// error's `Display` stays English, for logs and tests.
pub trait Said {
    /// The error in the interface language (tracked).
    fn said(&self) -> String;
}

/// `value` with `digits` decimals as `lang` writes it: "3.0" in English,
/// "3,0" in French.
pub fn decimal_in(lang: Lang, value: f64, digits: usize) -> String {
    let plain = format!("{value:.digits$}");
    match lang {
        Lang::En => plain,
        Lang::Fr => plain.replace('.', ","),
    }
}

/// A size of `megabytes` with `digits` decimals, as `lang` writes it:
/// "3.0 MB", "3,0 Mo".
pub fn megabytes_in(lang: Lang, megabytes: f64, digits: usize) -> String {
    let mut args = Args::new();
    args.set("size", decimal_in(lang, megabytes, digits));
    text_in(lang, "size-megabytes", Some(&args))
}

/// [`megabytes_in`] in the interface language, tracked.
pub fn megabytes(megabytes: f64, digits: usize) -> String {
    megabytes_in(lang(), megabytes, digits)
}

/// A message in the interface language, now: `tr!("key")` or
/// `tr!("key", count = n, name = s)`. Call it inside a closure (or use
/// [`tv`]) where the text must follow a change of language.
macro_rules! tr {
    ($key:literal) => {
        $crate::app::i18n::text($key, None)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::app::i18n::Args::new();
        $( args.set(stringify!($name), $crate::app::i18n::Value::from($value)); )+
        $crate::app::i18n::text($key, Some(&args))
    }};
}
pub(crate) use tr;

/// A message as a view child or attribute that follows the interface
/// language: `{tv!("key")}` or `aria-label=tv!("key")`.
macro_rules! tv {
    ($key:literal) => {
        move || $crate::app::i18n::text($key, None)
    };
}
pub(crate) use tv;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_french_browser_opens_in_french_and_any_other_in_english() {
        assert_eq!(Lang::from_browser(&["fr-CA", "en-CA"]), Lang::Fr);
        assert_eq!(Lang::from_browser(&["fr"]), Lang::Fr);
        assert_eq!(Lang::from_browser(&["de-DE", "fr-FR"]), Lang::Fr);
        assert_eq!(Lang::from_browser(&["en-US", "fr-CA"]), Lang::En);
        assert_eq!(Lang::from_browser(&["de-DE"]), Lang::En);
        assert_eq!(Lang::from_browser::<&str>(&[]), Lang::En);
    }

    const FRENCH: &str = include_str!("fr.ftl");

    #[test]
    fn french_counts_take_the_french_plural() {
        add_messages(Lang::Fr, FRENCH.to_owned()).expect("the French file parses");
        let mut one = Args::new();
        one.set("count", 1);
        let mut two = Args::new();
        two.set("count", 2);
        assert_eq!(text_in(Lang::Fr, "drafts-count", Some(&one)), "1 brouillon");
        assert_eq!(text_in(Lang::Fr, "drafts-count", Some(&two)), "2 brouillons");
        assert_eq!(text_in(Lang::En, "drafts-count", Some(&one)), "1 draft");
        assert_eq!(text_in(Lang::En, "drafts-count", Some(&two)), "2 drafts");
    }

    #[test]
    fn a_deck_tally_and_a_quiz_score_agree_in_number_in_both_languages() {
        add_messages(Lang::Fr, FRENCH.to_owned()).expect("the French file parses");
        let tally = |count: usize, fine: usize, conditions: usize, notfine: usize| {
            let mut args = Args::new();
            args.set("count", count);
            args.set("fine", fine);
            args.set("conditions", conditions);
            args.set("notfine", notfine);
            args
        };
        let many = tally(13, 1, 0, 12);
        assert_eq!(
            text_in(Lang::Fr, "decks-tally", Some(&many)),
            "13 mises en situation. Pour cette politique\u{A0}: 1 acceptable, 0 acceptable sous conditions, 12 pas acceptables."
        );
        assert_eq!(
            text_in(Lang::En, "decks-tally", Some(&many)),
            "13 scenarios. For this policy: 1 fine, 0 fine with conditions, 12 not fine."
        );
        let one = tally(1, 0, 2, 1);
        assert_eq!(
            text_in(Lang::Fr, "decks-tally", Some(&one)),
            "1 mise en situation. Pour cette politique\u{A0}: 0 acceptable, 2 acceptables sous conditions, 1 pas acceptable."
        );
        assert_eq!(
            text_in(Lang::En, "decks-tally", Some(&one)),
            "1 scenario. For this policy: 0 fine, 2 fine with conditions, 1 not fine."
        );
        let mut score = Args::new();
        score.set("right", 2);
        score.set("total", 3);
        assert_eq!(
            text_in(Lang::Fr, "score-right", Some(&score)),
            "2 bonnes réponses sur 3"
        );
        assert_eq!(text_in(Lang::En, "score-right", Some(&score)), "2 right out of 3");
    }

    #[test]
    fn the_export_question_counts_what_is_left_in_both_languages() {
        add_messages(Lang::Fr, FRENCH.to_owned()).expect("the French file parses");
        let left = |what: &'static str, sections: usize, cover: &'static str, questions: usize, count: usize| {
            let mut args = Args::new();
            args.set("what", what);
            args.set("sections", sections);
            args.set("cover", cover);
            args.set("questions", questions);
            args.set("count", count);
            args
        };
        assert_eq!(
            text_in(Lang::En, "export-placeholders", Some(&left("policy", 2, "yes", 3, 4))),
            "This policy still has 2 sections and the cover with 3 unanswered questions shown as placeholders \
             (4 placeholders). Export it anyway?"
        );
        assert_eq!(
            text_in(Lang::En, "export-placeholders", Some(&left("quick", 1, "no", 1, 1))),
            "This quick reference still has 1 section with 1 unanswered question shown as placeholders \
             (1 placeholder). Export it anyway?"
        );
        assert_eq!(
            text_in(Lang::En, "export-placeholders", Some(&left("notes", 0, "yes", 2, 2))),
            "This cover note still has the cover with 2 unanswered questions shown as placeholders \
             (2 placeholders). Export it anyway?"
        );
        assert_eq!(
            text_in(Lang::Fr, "export-placeholders", Some(&left("policy", 1, "yes", 1, 3))),
            "Cette politique contient encore dans 1 section et sur la page couverture 1 question sans réponse, \
             affichée comme espaces réservés (3 espaces réservés). L'exporter quand même\u{a0}?"
        );
    }

    #[test]
    fn a_missing_message_shows_its_key() {
        add_messages(Lang::Fr, FRENCH.to_owned()).expect("the French file parses");
        assert_eq!(text_in(Lang::Fr, "no-such-message", None), "no-such-message");
    }

    #[test]
    fn french_is_english_until_its_file_is_added_and_a_broken_file_is_refused() {
        assert!(!has_messages(Lang::Fr));
        assert_eq!(
            text_in(Lang::Fr, "drafts-heading", None),
            text_in(Lang::En, "drafts-heading", None)
        );
        let broken = add_messages(Lang::Fr, "<!doctype html>\n<p>Not found</p>\n".to_owned());
        assert!(
            matches!(broken, Err(LoadError::Broken { lang: "fr", .. })),
            "{broken:?}"
        );
        assert!(!has_messages(Lang::Fr), "nothing of a broken file is used");
        add_messages(Lang::Fr, FRENCH.to_owned()).expect("the French file parses");
        assert!(has_messages(Lang::Fr));
        assert_eq!(text_in(Lang::Fr, "drafts-heading", None), "Vos brouillons");
    }

    #[test]
    fn sizes_read_with_a_decimal_comma_and_mo_in_french() {
        add_messages(Lang::Fr, FRENCH.to_owned()).expect("the French file parses");
        assert_eq!(megabytes_in(Lang::En, 3.04, 1), "3.0 MB");
        assert_eq!(megabytes_in(Lang::Fr, 3.04, 1), "3,0\u{a0}Mo");
        assert_eq!(megabytes_in(Lang::Fr, 2.0, 0), "2\u{a0}Mo");
        assert_eq!(decimal_in(Lang::Fr, 12.25, 2), "12,25");
        assert_eq!(decimal_in(Lang::En, 5.0, 0), "5");
        let too_big = |lang: Lang| {
            let mut args = Args::new();
            args.set("size", megabytes_in(lang, 12.5, 1));
            args.set("limit", megabytes_in(lang, 5.0, 0));
            text_in(lang, "error-file-too-big", Some(&args))
        };
        assert_eq!(
            too_big(Lang::Fr),
            "le fichier fait 12,5\u{a0}Mo\u{a0}; l'application lit des fichiers d'au plus 5\u{a0}Mo"
        );
        assert_eq!(
            too_big(Lang::En),
            "the file is 12.5 MB; the largest the app reads is 5 MB"
        );
    }

    #[test]
    fn every_error_a_user_can_see_has_its_french_words() {
        add_messages(Lang::Fr, FRENCH.to_owned()).expect("the French file parses");
        let with = |name: &str, value: &str| {
            let mut args = Args::new();
            args.set(name.to_owned(), value.to_owned());
            args
        };
        let reason = with("reason", "QuotaExceededError");
        assert_eq!(
            text_in(Lang::Fr, "error-storage-refused", Some(&reason)),
            "le navigateur a refusé d'enregistrer le brouillon (QuotaExceededError)"
        );
        assert_eq!(
            text_in(Lang::Fr, "error-worker-other-version", Some(&with("version", "41"))),
            "l'assistant des fichiers et des PDF vient d'une autre version de l'application (41)\u{a0}; rechargez la page"
        );
        assert_eq!(
            text_in(Lang::Fr, "error-content-not-in-build", Some(&with("language", "fr"))),
            "cette version de l'application n'a pas de fichier de contenu en français"
        );
        let mut status = Args::new();
        status.set("status", 404);
        assert_eq!(
            text_in(Lang::Fr, "error-content-status", Some(&status)),
            "le fichier de contenu n'a pas pu être récupéré (le serveur a répondu 404)"
        );
        // Every error message is there in French, in French words: none
        // reads as its English.
        for line in ENGLISH.lines().filter(|l| l.starts_with("error-")) {
            let Some((key, _)) = line.split_once(" = ") else {
                continue;
            };
            let english = text_in(Lang::En, key, Some(&reason));
            let french = text_in(Lang::Fr, key, Some(&reason));
            assert_ne!(french, key, "{key} has no French");
            assert_ne!(french, english, "{key} reads the same in French");
        }
    }

    #[test]
    fn a_problem_of_a_known_kind_reads_in_french() {
        add_messages(Lang::Fr, FRENCH.to_owned()).expect("the French file parses");
        let wrong = |lang: Lang, found: &str, value: &str, expected: &str| {
            let mut args = Args::new();
            args.set("found", found.to_owned());
            args.set("value", value.to_owned());
            args.set("expected", expected.to_owned());
            text_in(lang, "diag-wrong-type", Some(&args))
        };
        assert_eq!(
            wrong(Lang::En, "text", "\"one\"", "whole_number"),
            "this is the text \"one\", but it should be a whole number"
        );
        assert_eq!(
            wrong(Lang::Fr, "text", "\"one\"", "whole_number"),
            "ceci est le texte \"one\", mais ce devrait être un nombre entier"
        );
        assert_eq!(
            wrong(Lang::Fr, "mapping", "", "text"),
            "ceci est un tableau associatif (des lignes `clé: valeur`), mais ce devrait être du texte"
        );
        let mut unknown = Args::new();
        unknown.set("field", "answer");
        unknown.set("allowed", "`version`, `title` ou `author`");
        assert_eq!(
            text_in(Lang::Fr, "diag-unknown-field-allowed", Some(&unknown)),
            "`answer` n'a pas sa place ici\u{a0}: cette partie du fichier contient `version`, `title` ou `author`"
        );
        let mut missing = Args::new();
        missing.set("field", "version");
        assert_eq!(
            text_in(Lang::En, "diag-missing-field", Some(&missing)),
            "`version:` is missing here: add it"
        );
        assert_eq!(
            text_in(Lang::Fr, "diag-missing-field", Some(&missing)),
            "`version:` manque ici\u{a0}: ajoutez-le"
        );
        let mut large = Args::new();
        large.set("size", "1000001");
        large.set("max", "1000000");
        assert_eq!(
            text_in(Lang::Fr, "diag-too-large", Some(&large)),
            "le fichier fait 1000001\u{a0}octets, plus que la limite de 1000000\u{a0}octets\u{a0}: divisez-le en fichiers plus petits"
        );
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("de"), None);
    }
}
