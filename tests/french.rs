//! The policy content in Canadian French: every translation lays over its
//! English file with the same ids, texts and template variables (the parity
//! test), and the French content loads as a whole.

use policy_builder::policy::bundle::{translations, APPROVER_NOTES, CLAUSES, QUESTIONNAIRE, QUICK_REFERENCE};
use policy_builder::policy::diag::SourceFile;
use policy_builder::policy::model::language::Language;
use policy_builder::policy::model::translation::{lay_over, translation_name};

const FRENCH: Language = Language::CanadianFrench;

mod common;

/// The English files that are translated, as (file name, YAML text).
fn english_files() -> Vec<(&'static str, &'static str)> {
    std::iter::once(QUESTIONNAIRE)
        .chain(CLAUSES.iter().copied())
        .chain([QUICK_REFERENCE, APPROVER_NOTES])
        .collect()
}

#[test]
fn every_french_file_has_the_english_ids_texts_and_variables() {
    let mut problems = Vec::new();
    for (name, text) in english_files() {
        let wanted = translation_name(name, FRENCH);
        let Some((file, french)) = translations(FRENCH).iter().find(|(n, _)| *n == wanted) else {
            continue;
        };
        if let Err(d) = lay_over(&SourceFile::yaml(name, text), &SourceFile::yaml(file, french), FRENCH) {
            problems.push(d.to_string());
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

use policy_builder::policy::bundle::Policy;
use policy_builder::policy::document::{BlockKind, Document, Run};
use policy_builder::policy::fill::fill;
use policy_builder::policy::sample::{Sample, SAMPLES};

/// The shipped templates in French, loaded and checked.
fn french() -> Policy {
    match Policy::builtin_in(FRENCH) {
        Ok(p) => p,
        Err(d) => panic!("the French templates have problems:\n{d}"),
    }
}

/// Every sample in French, by its file's stem.
fn french_samples(p: &Policy) -> Vec<(String, Sample)> {
    SAMPLES
        .iter()
        .map(|(file, text)| {
            let english = Sample::load(file, text).unwrap_or_else(|d| panic!("{d}"));
            let sample = english
                .in_language(file, FRENCH, &p.questionnaire)
                .unwrap_or_else(|d| panic!("{d}"));
            (
                file.trim_start_matches("samples/").trim_end_matches(".yaml").to_owned(),
                sample,
            )
        })
        .collect()
}

/// Every line of text in `doc`: title, cover, headings and blocks.
fn lines(doc: &Document) -> Vec<String> {
    let mut out = vec![doc.title.clone()];
    let c = &doc.cover;
    for t in [
        &c.organization,
        &c.short_name,
        &c.owner,
        &c.purpose,
        &c.contact,
        &c.effective_date,
        &c.next_review,
    ] {
        out.push(t.to_plain());
    }
    for section in doc.all_sections() {
        out.push(section.title.clone());
        for block in &section.blocks {
            match &block.kind {
                BlockKind::Paragraph(t) | BlockKind::Notice(t) => out.push(t.to_plain()),
                BlockKind::Bullets(items) | BlockKind::Numbered(items) => {
                    out.extend(items.iter().map(|t| t.to_plain()));
                }
            }
        }
    }
    out.retain(|l| !l.trim().is_empty());
    out
}

fn placeholders(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for section in doc.all_sections() {
        for block in &section.blocks {
            let texts: Vec<_> = match &block.kind {
                BlockKind::Paragraph(t) | BlockKind::Notice(t) => vec![t],
                BlockKind::Bullets(items) | BlockKind::Numbered(items) => items.iter().collect(),
            };
            for t in texts {
                for run in &t.0 {
                    if let Run::Missing { question, .. } = run {
                        out.push(question.to_string());
                    }
                }
            }
        }
    }
    out
}

#[test]
fn the_french_content_loads_as_a_whole_and_says_it_is_french() {
    let p = french();
    for lib in [&p.library, &p.quick_reference, &p.approver_notes] {
        assert_eq!(lib.language, FRENCH);
    }
    assert!(
        p.questionnaire.title.starts_with("Questions pour"),
        "{}",
        p.questionnaire.title
    );
    let english = Policy::builtin_yaml().expect("the English loads");
    assert_eq!(
        english.library.clauses().map(|c| c.id.clone()).collect::<Vec<_>>(),
        p.library.clauses().map(|c| c.id.clone()).collect::<Vec<_>>(),
        "the French has the English clauses in the English order"
    );
    assert_eq!(english.questionnaire.checks.len(), p.questionnaire.checks.len());
}

#[test]
fn the_quebec_sample_says_its_policy_is_french() {
    let p = french();
    let (_, quebec) = french_samples(&p)
        .into_iter()
        .find(|(name, _)| name == "quebec-long-term-care")
        .expect("the Quebec sample");
    assert_eq!(quebec.language, FRENCH);
    assert_eq!(quebec.name, "Centre d'hébergement Saint-Éloi (Québec)");
}

#[test]
fn every_sample_fills_in_french_with_no_placeholder_and_the_french_tag() {
    let p = french();
    for (name, sample) in french_samples(&p) {
        for lib in [&p.library, &p.quick_reference, &p.approver_notes] {
            let doc = fill(&p.questionnaire, lib, &sample.answers);
            assert!(doc.problems.is_empty(), "{name}: {:?}", doc.problems);
            assert_eq!(placeholders(&doc), Vec::<String>::new(), "{name}: {}", doc.title);
            assert_eq!(doc.language, "fr-CA", "{name}");
        }
    }
}

/// Common English words that are not also French words: any of them left
/// in a French policy means a sentence was not translated.
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "are", "with", "your", "you", "we", "our", "this", "that", "be", "or", "if",
    "when", "from", "who", "what", "which", "will", "must", "may", "can", "do", "does", "has", "have", "it", "its",
    "they", "their", "them", "by", "at", "an", "any", "all", "only", "not", "no", "for", "about", "post", "posts",
    "staff", "team", "account", "accounts", "policy", "privacy", "never", "always", "ask", "tell", "share", "before",
    "after", "must", "should", "would", "could", "these", "those", "here", "there", "where", "how", "why", "whether",
    "such", "other", "every", "each",
];

/// Names and titles that stay in English in the French text: statutes,
/// bodies and programs of countries without an official French version,
/// as the French text writes them (each followed there by a French gloss).
const ENGLISH_NAMES: &[&str] = &[
    "National Labor Relations Act",
    "Freedom to Speak Up",
    "HIPAA Privacy Rule",
    "HIPAA Breach Notification Rule",
    "HIPAA Security Rule",
    "Office for Civil Rights",
    "Public Sector Bodies Accessibility Regulations 2018",
    "Health Professions Procedural Code",
    "Freedom of Information and Protection of Privacy Act",
    "Personal Information Protection Act",
    "Personal Health Information Act",
    "Health Information Act",
    "Confidentiality of Medical Information Act",
    "California Department of Public Health",
    "Health and Safety Code",
    "Civil Code",
    "Data Protection Act 2018",
    "Information Commissioner's Office",
    "Data (Use and Access) Act 2025",
    "Information Commission",
    "Data Security and Protection Toolkit",
    "Caldicott Guardian",
    "General Medical Council",
    "Nursing and Midwifery Council",
    "Health and Care Professions Council",
    "Privacy Act 1988",
    "Privacy Act",
    "Australian Privacy Principle 6",
    "Notifiable Data Breaches scheme",
    "Office of the Australian Information Commissioner",
    "Criminal Code",
    "National Law",
    "Therapeutic Goods Advertising Code",
    "Social Media Policy Builder",
    "AI Act",
    "FTC Endorsement Guides",
    "UK GDPR",
    "common law",
];

/// The English words left in `line` once the names that stay in English
/// (and the sample's own answers, which are names) are taken out.
fn english_words_in(line: &str, names: &[String]) -> Vec<String> {
    // Longest first, so that a name inside a longer one does not break it.
    let mut all: Vec<String> = ENGLISH_NAMES
        .iter()
        .map(|n| (*n).to_owned())
        .chain(names.iter().cloned())
        .collect();
    all.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut rest = line.to_owned();
    for name in all {
        rest = rest.replace(&name, " ");
    }
    rest.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .filter(|w| ENGLISH_WORDS.contains(&w.to_lowercase().as_str()))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_english_word_check_finds_an_untranslated_sentence() {
    assert_eq!(
        english_words_in("Ask the privacy officer before you post.", &[]),
        ["Ask", "the", "privacy", "before", "you", "post"]
    );
    assert!(english_words_in("Selon la Privacy Act 1988 (loi sur la vie privée), on publie.", &[]).is_empty());
}

/// A sample's free-text answers: names and words the organization wrote,
/// which the English-word check lets through.
fn free_text(sample: &Sample) -> Vec<String> {
    sample
        .answers
        .0
        .values()
        .filter_map(|a| match a {
            policy_builder::policy::model::answers::Answer::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn no_sample_filled_in_french_has_an_english_sentence() {
    let p = french();
    let mut found = Vec::new();
    for (name, sample) in french_samples(&p) {
        let answers = free_text(&sample);
        let mut docs: Vec<Document> = [&p.library, &p.quick_reference, &p.approver_notes]
            .into_iter()
            .map(|lib| fill(&p.questionnaire, lib, &sample.answers))
            .collect();
        // The policy as exported after its reviews: the approval record,
        // the revision history and the next review, and the sign-off sheet.
        docs.extend(common::reviewed_exports(&docs[0], &sample.answers, "2026-12-03"));
        let answers: Vec<String> = answers.into_iter().chain(reviewer()).collect();
        for doc in &docs {
            for line in lines(doc) {
                let english = english_words_in(&line, &answers);
                if !english.is_empty() {
                    found.push(format!("{name}: {english:?} in \"{line}\""));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The reviewer's name and role in [`common::reviewed_exports`].
fn reviewer() -> [String; 2] {
    ["Dominique Roy".to_owned(), "RH".to_owned()]
}

#[test]
fn a_reviewed_french_policy_has_its_appendices_in_french_with_french_typography() {
    let p = french();
    let (_, quebec) = french_samples(&p)
        .into_iter()
        .find(|(name, _)| name == "quebec-long-term-care")
        .expect("the Quebec sample");
    let filled = fill(&p.questionnaire, &p.library, &quebec.answers);
    let exports = common::reviewed_exports(&filled, &quebec.answers, "2026-12-03");
    let text = common::appendices(&filled, &exports);
    // Every English phrase the appendices used to have.
    for english in [
        "Review and revision history",
        "Next review",
        "Review was due",
        "What changed",
        "Approved by",
        "First issue",
        "Revised as the previous review asked",
        "Revised after approval",
        "Not yet reviewed",
        "Not yet approved",
        "Unnumbered",
        "Not counted",
        "Not approved",
        "asked for changes",
        "Changed since the last review",
        "Not recorded",
        "not set",
        "Approval record",
        "This record lists",
        "Signed with key",
        "Not signed",
        "Sections approved",
        "Sections with changes requested",
        "Reviews by version",
        "reviewed by",
        "changes requested",
        "Staff acknowledgement",
        "staff acknowledgement",
        "I have read",
        "not given",
        "Name:",
        "Role:",
        "Return the signed sheet",
        "December",
        "November",
        "October",
        "January",
    ] {
        assert!(!text.contains(english), "{english:?} in\n{text}");
    }
    for french in [
        "Historique des révisions et des versions",
        "Prochaine révision\u{a0}: 1er février 2029.",
        "La révision était prévue le 1er février 2029.",
        "Modifications\u{a0}: première publication. Approbation\u{a0}: non accordée, Dominique Roy ayant demandé des modifications.",
        "Version non numérotée, 2 novembre 2026. Modifications\u{a0}: révisée comme l'a demandé la révision précédente. Approbation\u{a0}: non comptée",
        "Modifications\u{a0}: révisée après son approbation. Approbation\u{a0}: Dominique Roy (RH).",
        "pas encore révisée. Modifications\u{a0}: sections modifiées depuis la dernière révision\u{a0}: 3 ",
        "Approbation\u{a0}: pas encore accordée.",
        "Modifications\u{a0}: non consignées.",
        "Prochaine révision\u{a0}: non fixée",
        "Registre des approbations",
        "Dominique Roy (RH)\u{a0}: modifications demandées le 1er octobre 2026. Décision signée avec la clé ab12 cd34\u{a0}; la signature a été vérifiée.",
        "Dominique Roy (RH)\u{a0}: approuvée le 1er décembre 2026. Décision non signée.",
        "Une décision du fichier révisé a été modifiée après sa signature",
        "Sections approuvées\u{a0}: 1 ",
        "Révisions par version\u{a0}:",
        "Version 1.1, 1er décembre 2026\u{a0}: révisée par Dominique Roy, approuvée.",
        "approved by: Dominique Roy, RH, 20 novembre 2026",
        "Attestation de lecture",
        "Version\u{a0}: non indiquée",
        "Nom\u{a0}: ____",
        "Remettez la feuille signée à votre gestionnaire",
    ] {
        assert!(text.contains(french), "{french:?} not in\n{text}");
    }
    for mark in [':', ';'] {
        assert!(
            !text.contains(&format!(" {mark}")),
            "a breaking space before {mark} in\n{text}"
        );
    }
    insta::assert_snapshot!("appendices-fr-CA-quebec-long-term-care", text);
}

#[test]
fn no_question_option_or_check_message_is_left_in_english() {
    use policy_builder::policy::model::questionnaire::QuestionKind;
    let p = french();
    // Programs and guidance that keep their English names in the help.
    let names: Vec<String> = ["Mayo Clinic", "NHS Employers", "NewYork-Presbyterian", "X (Twitter)"]
        .iter()
        .map(|n| (*n).to_owned())
        .collect();
    let mut texts = vec![p.questionnaire.title.clone()];
    for section in &p.questionnaire.sections {
        texts.push(section.title.clone());
        texts.extend(section.intro.clone());
        for q in &section.questions {
            texts.push(q.label.clone());
            texts.extend(q.help.clone());
            texts.extend(q.term.clone());
            if let QuestionKind::OneOf(choices) | QuestionKind::SeveralOf(choices) = &q.kind {
                texts.extend(choices.iter().map(|c| c.label.clone()));
            }
        }
    }
    texts.extend(p.questionnaire.checks.iter().map(|c| c.message.clone()));
    let found: Vec<String> = texts
        .iter()
        .filter_map(|t| {
            let english = english_words_in(t, &names);
            (!english.is_empty()).then(|| format!("{english:?} in \"{t}\""))
        })
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_quebec_and_ontario_samples_in_french_match_their_reviewed_snapshots() {
    use policy_builder::policy::fill::finish;
    let p = french();
    for (name, sample) in french_samples(&p) {
        if name != "quebec-long-term-care" && name != "ontario-hospital" {
            continue;
        }
        // No worked examples: the trainer's scenarios are in English only
        // for now.
        let doc = finish::draft(&p, &p.library, None, &sample.answers);
        insta::assert_yaml_snapshot!(format!("policy-fr-CA-{name}"), doc);
        let quick = finish::quick_reference(&p, &sample.answers);
        insta::assert_yaml_snapshot!(format!("quick-reference-fr-CA-{name}"), quick);
    }
}

#[test]
fn the_embedded_font_has_every_character_the_french_uses() {
    use policy_builder::policy::render::layout::{Fonts, BOLD, REGULAR};
    use policy_builder::policy::render::page::Style;
    let fonts = Fonts::new(REGULAR, BOLD).expect("the built-in fonts load");
    let p = french();
    let mut used: std::collections::BTreeSet<char> = std::collections::BTreeSet::new();
    // Every character of the French files, and of every sample filled in
    // French (which adds the typography's no-break spaces and guillemets).
    for (_, text) in translations(FRENCH) {
        used.extend(text.chars().filter(|c| !c.is_control()));
    }
    for (_, sample) in french_samples(&p) {
        for lib in [&p.library, &p.quick_reference, &p.approver_notes] {
            for line in lines(&fill(&p.questionnaire, lib, &sample.answers)) {
                used.extend(line.chars());
            }
        }
    }
    assert!(
        used.contains(&'\u{A0}') && used.contains(&'«'),
        "the typography is in the filled text"
    );
    let missing: Vec<char> = used
        .iter()
        .copied()
        .filter(|&c| !(fonts.has_glyph(Style::Regular, c) && fonts.has_glyph(Style::Bold, c)))
        .collect();
    assert_eq!(missing, Vec::<char>::new(), "characters the embedded font lacks");
}

#[test]
fn french_typography_puts_no_break_spaces_where_french_needs_them() {
    let p = french();
    let (_, quebec) = french_samples(&p)
        .into_iter()
        .find(|(name, _)| name == "quebec-long-term-care")
        .expect("the Quebec sample");
    let text = lines(&fill(&p.questionnaire, &p.library, &quebec.answers)).join("\n");
    for mark in [':', ';', '?'] {
        let spaced = format!("\u{A0}{mark}");
        assert!(text.contains(&spaced), "a no-break space before {mark}");
        assert!(!text.contains(&format!(" {mark}")), "no breaking space before {mark}");
    }
    assert!(
        text.contains("«\u{A0}À propos\u{A0}»"),
        "guillemets with no-break spaces inside"
    );
    assert!(text.contains("le 1er février 2027"), "a French date");
}

#[test]
fn the_quebec_sample_exports_a_french_pdf_whose_language_is_fr_ca() {
    use policy_builder::policy::render::pdf::render_pdf;
    let p = french();
    let (_, quebec) = french_samples(&p)
        .into_iter()
        .find(|(name, _)| name == "quebec-long-term-care")
        .expect("the Quebec sample");
    let doc = fill(&p.questionnaire, &p.library, &quebec.answers);
    let pdf = render_pdf(&doc).expect("pdf");
    assert_eq!(pdf.missing_glyphs, Vec::<char>::new());
    let parsed = lopdf::Document::load_mem(&pdf.bytes).expect("a readable PDF");
    let lang = parsed
        .catalog()
        .and_then(|c| c.get(b"Lang"))
        .and_then(|l| l.as_str().map(|s| String::from_utf8_lossy(s).into_owned()))
        .expect("the catalog names a language");
    assert_eq!(lang, "fr-CA");
    let pages: Vec<u32> = parsed.get_pages().keys().copied().collect();
    let text = parsed
        .extract_text(&pages)
        .expect("text")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for french in [
        "Pourquoi nous utilisons les médias sociaux",
        "Loi sur les renseignements de santé et de services sociaux",
        "Commission d'accès à l'information",
    ] {
        assert!(
            text.contains(french),
            "the PDF lacks \"{french}\": {}",
            &text[..text.len().min(600)]
        );
    }
    assert!(!text.contains("Why we use social media"), "no English heading");
    // Its properties are French too (pdfinfo reads them).
    let path = std::env::temp_dir().join(format!("french-info-{}.pdf", std::process::id()));
    std::fs::write(&path, &pdf.bytes).expect("a temporary file");
    let out = std::process::Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo runs");
    let _ = std::fs::remove_file(&path);
    let info = String::from_utf8_lossy(&out.stdout);
    assert!(
        info.contains("Subject:         Politique sur les médias sociaux\n"),
        "{info}"
    );
    assert!(info.contains("médias sociaux,politique,soins de santé"), "{info}");
}

#[test]
fn every_french_sample_reads_at_60_or_above_on_the_kandel_moles_scale() {
    use policy_builder::policy::readability_fr::{document_counts, reading_ease};
    let p = french();
    let mut scores = Vec::new();
    for (name, sample) in french_samples(&p) {
        for lib in [&p.library, &p.quick_reference] {
            let doc = fill(&p.questionnaire, lib, &sample.answers);
            let counts = document_counts(&doc);
            assert!(counts.words > 0, "{name}");
            let ease = reading_ease(&counts);
            scores.push(format!("{name}: {} reads at {ease:.1} ({counts:?})", doc.title));
            assert!(ease >= 60.0, "{}", scores.join("\n"));
        }
    }
    println!("{}", scores.join("\n"));
}

// The trainer's scenarios and decks in French.

use policy_builder::policy::bundle::{scenarios_json_in, SCENARIOS};
use policy_builder::policy::fill::finish::handout;
use policy_builder::policy::trainer::scenario::{HandoutOptions, ScenarioLibrary, VerdictKind};

/// The shipped French scenarios file, as (file name, YAML text).
fn french_scenarios_file() -> (&'static str, &'static str) {
    let wanted = translation_name(SCENARIOS.0, FRENCH);
    *translations(FRENCH)
        .iter()
        .find(|(n, _)| *n == wanted)
        .expect("policy-templates/fr-CA/scenarios.yaml ships")
}

/// `french` laid over the English scenarios.
fn lay_scenarios(french: &str) -> Result<String, policy_builder::policy::diag::Diagnostics> {
    let (file, _) = french_scenarios_file();
    lay_over(
        &SourceFile::yaml(SCENARIOS.0, SCENARIOS.1),
        &SourceFile::yaml(file, french),
        FRENCH,
    )
}

/// The French scenarios, checked against the French policy.
fn french_scenarios(p: &Policy) -> ScenarioLibrary {
    ScenarioLibrary::builtin_in(FRENCH, &p.questionnaire, &p.library)
        .unwrap_or_else(|d| panic!("the French scenarios have problems:\n{d}"))
}

#[test]
fn every_french_scenario_deck_and_setting_word_has_the_english_ids_texts_and_variables() {
    let (_, french) = french_scenarios_file();
    if let Err(d) = lay_scenarios(french) {
        panic!("{d}");
    }
    // The parity check sees each kind of text the scenarios have.
    for (from, to, says) in [
        (
            "    title: Exemples commentés\n",
            "",
            "the fr-CA text of `decks / worked_examples / title` is missing",
        ),
        (
            "      office: l'équipe de collecte de fonds\n",
            "",
            "the fr-CA text of `settings / words / unit / office` is missing",
        ),
        (
            "d'un {{ setting.support_role }}\"",
            "d'un préposé\"",
            "it leaves out {{ setting.support_role }}",
        ),
        (
            "Elle doit tout de même se rappeler que les membres",
            "{{ legal_name }} rappelle que les membres",
            "it reads {{ legal_name }}, which the English does not",
        ),
    ] {
        assert!(french.contains(from), "{from}");
        let err = lay_scenarios(&french.replacen(from, to, 1)).expect_err(says);
        assert!(err.to_string().contains(says), "{says}: {err}");
    }
    let err = lay_scenarios(&french.replacen("  whiteboard_selfie:\n", "  whiteboard_sefie:\n", 1))
        .expect_err("an id the English does not have");
    assert!(
        err.to_string()
            .contains("has no text at `scenarios / whiteboard_sefie / title`"),
        "{err}"
    );
}

#[test]
fn the_french_scenarios_load_with_the_english_structure_and_say_they_are_french() {
    let p = french();
    let fr = french_scenarios(&p);
    assert_eq!(fr.language, FRENCH);
    let english = Policy::builtin_yaml().expect("the English loads");
    let en = ScenarioLibrary::builtin(&english.questionnaire, &english.library).expect("the English scenarios load");
    assert_eq!(en.language, Language::English);
    let ids = |l: &ScenarioLibrary| l.scenarios.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&fr), ids(&en));
    let rules = |l: &ScenarioLibrary| l.scenarios.iter().map(|s| s.rules.len()).collect::<Vec<_>>();
    assert_eq!(rules(&fr), rules(&en), "the French has the English rules");
    let decks = |l: &ScenarioLibrary| {
        l.decks
            .iter()
            .map(|d| (d.id.clone(), d.scenarios.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(decks(&fr), decks(&en));
    assert_eq!(fr.decks[0].title, "L'essentiel de la confidentialité");
    // The page's JSON for English is the English file's, as before.
    assert_eq!(
        scenarios_json_in(Language::English).expect("English"),
        policy_builder::policy::bundle::SCENARIOS_JSON.1
    );
}

/// Every line a French trainer shows or prints for `name`'s answers: each
/// scenario's title, situation and explanation, the deck titles, and every
/// deck's handout (with its verdicts at the back, so its headings too).
fn french_trainer_lines(p: &Policy, fr: &ScenarioLibrary, sample: &Sample) -> Vec<String> {
    let doc = fill(&p.questionnaire, &p.library, &sample.answers);
    let mut out: Vec<String> = fr.decks.iter().map(|d| d.title.clone()).collect();
    for v in fr.verdicts(&p.questionnaire, &sample.answers, &doc) {
        assert!(v.problems.is_empty(), "{}: {:?}", v.scenario, v.problems);
        out.extend([v.text.title, v.text.situation, v.explanation.to_plain()]);
    }
    let at_back = HandoutOptions { verdicts_at_back: true };
    for deck in &fr.decks {
        out.extend(lines(&handout(fr, deck, p, &sample.answers, &doc, &at_back)));
    }
    let with_examples = fr.with_worked_examples(&p.questionnaire, &sample.answers, doc.clone());
    out.extend(lines(&with_examples).into_iter().skip(lines(&doc).len()));
    out
}

#[test]
fn no_french_scenario_card_handout_or_explanation_has_an_english_sentence() {
    let p = french();
    let fr = french_scenarios(&p);
    let mut found = Vec::new();
    for (name, sample) in french_samples(&p) {
        let answers = free_text(&sample);
        for line in french_trainer_lines(&p, &fr, &sample) {
            assert!(
                !line.contains("{{") && !line.contains('['),
                "{name}: a placeholder in \"{line}\""
            );
            // An answer that starts with an article is never written after
            // « à » or « de », which French contracts (« au », « du »).
            for wrong in [" à le ", " à les ", " de le ", " de les "] {
                assert!(!line.contains(wrong), "{name}: \"{wrong}\" in \"{line}\"");
            }
            let english = english_words_in(&line, &answers);
            if !english.is_empty() {
                found.push(format!("{name}: {english:?} in \"{line}\""));
            }
        }
    }
    // Every text as written, also of rules no sample reaches, with the
    // template tags taken out.
    let json = scenarios_json_in(FRENCH).unwrap_or_else(|d| panic!("{d}"));
    let value: serde_json::Value = serde_json::from_str(&json).expect("the laid-over scenarios are JSON");
    let mut texts = Vec::new();
    written_texts(&value, &mut texts);
    for text in &texts {
        let english = english_words_in(&without_tags(text), &[]);
        if !english.is_empty() {
            found.push(format!("{english:?} in \"{text}\""));
        }
    }
    assert!(texts.len() > 300, "every text is read: {}", texts.len());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Every text of the laid-over scenarios: titles, situations,
/// explanations and setting words (ids, conditions and cited clauses
/// left out).
fn written_texts(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("id" | "when" | "cites" | "topics" | "verdict" | "question" | "kinds" | "unanswered", _) => {}
                    ("scenarios", serde_json::Value::Array(items)) if items.iter().all(|i| i.is_string()) => {}
                    (_, serde_json::Value::String(s)) => out.push(s.clone()),
                    (_, v) => written_texts(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| written_texts(i, out)),
        _ => {}
    }
}

/// `text` without its template tags (`{{ setting.unit }}`, `{% if %}`).
fn without_tags(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let close = if rest[at..].starts_with("{{") { "}}" } else { "%}" };
        match rest[at..].find(close) {
            Some(end) => rest = &rest[at + end + 2..],
            None => {
                rest = &rest[at..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn a_french_handout_is_french_with_french_typography() {
    let p = french();
    let fr = french_scenarios(&p);
    let (_, quebec) = french_samples(&p)
        .into_iter()
        .find(|(name, _)| name == "quebec-long-term-care")
        .expect("the Quebec sample");
    let doc = fill(&p.questionnaire, &p.library, &quebec.answers);
    let deck = &fr.decks[0];
    let sheet = handout(&fr, deck, &p, &quebec.answers, &doc, &HandoutOptions::default());
    assert_eq!(sheet.language, "fr-CA");
    assert_eq!(
        sheet.title,
        "L'essentiel de la confidentialité\u{A0}: mises en situation pour s'exercer"
    );
    let first = &sheet.sections[0];
    assert_eq!(first.title, "Un égoportrait d'équipe au poste des soins infirmiers");
    let texts = lines(&sheet);
    assert!(
        texts.iter().any(|l| l == "Verdict\u{A0}: pas acceptable."),
        "{texts:#?}"
    );
    assert!(
        texts.iter().any(|l| l.starts_with("Clauses de la politique\u{A0}: ")),
        "{texts:#?}"
    );
    // A care home's residents, in French, in the situation's setting words.
    assert!(
        texts
            .iter()
            .any(|l| l.contains("le nom des résidents et le numéro de leur chambre")),
        "{texts:#?}"
    );
    assert!(
        texts
            .iter()
            .any(|l| l.contains("«\u{A0}Meilleure équipe au monde\u{A0}!\u{A0}»")),
        "{texts:#?}"
    );
    let back = handout(
        &fr,
        deck,
        &p,
        &quebec.answers,
        &doc,
        &HandoutOptions { verdicts_at_back: true },
    );
    let last = back.sections.last().expect("the verdicts section");
    assert_eq!(last.title, "Verdicts");
    let appendix = fr.with_worked_examples(&p.questionnaire, &quebec.answers, doc);
    let appendix = appendix.sections.last().expect("the appendix");
    assert_eq!(appendix.title, "Annexe\u{A0}: exemples commentés");
    assert_eq!(
        VerdictKind::FineWithConditions.label_in(FRENCH),
        "Acceptable sous conditions"
    );
}
