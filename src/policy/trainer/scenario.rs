//! The trainer's scenario library: realistic situations whose verdicts
//! follow from the organization's own policy.
//!
//! ```text
//! scenarios.yaml --load+check--> ScenarioLibrary
//! Answers + filled policy Document --verdict--> Verdict (kind, explanation, clause numbers)
//! Deck + Verdicts --handout--> Document --> preview / PDF
//! ```
//!
//! A scenario's title, situation and explanations are templates, like
//! clause text. Besides answers they may read the setting's words
//! (`{{ setting.front_desk }}`): the file's `settings` table says which
//! setting each kind of organization is (a hospital, a clinic, a care
//! home...) and how each word reads there, so a physiotherapy practice
//! reads of its front desk where a hospital reads of its nurses' station.
//!
//! Each scenario has ordered rules. A rule's `when` is a condition in the
//! same language as clause conditions, read against the same answers, so
//! the verdict changes with the answers exactly as the policy does. The
//! first rule whose condition holds gives the verdict; the last rule has no
//! condition and is the default. A rule cites clauses by id; a verdict
//! names the numbers of the sections where those clauses landed in this
//! organization's policy.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::policy::diag::{Diagnostics, Problem, SourceFile, YamlPath};
use crate::policy::document::{Block, BlockKind, Cover, Document, FillProblem, Section, Text};
use crate::policy::fill::typography::french;
use crate::policy::fill::{context_in, runs, tidy, Words};
use crate::policy::model::answers::{Answer, Answers};
use crate::policy::model::condition::{Condition, RawCondition};
use crate::policy::model::ids::{check_id, ClauseId, IdShape, QuestionId, SectionId};
use crate::policy::model::language::Language;
use crate::policy::model::library::ClauseLibrary;
use crate::policy::model::questionnaire::{QuestionKind, Questionnaire};
use crate::policy::model::template::{TemplateId, Templates, Value};

/// The version of the scenario-file format this build reads.
pub const FORMAT_VERSION: u32 = 1;

pub use crate::policy::model::ids::{DeckId, ScenarioId};

/// What the policy says about a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictKind {
    /// The policy allows it, as it stands.
    Fine,
    /// The policy allows it if some conditions are met.
    FineWithConditions,
    /// The policy does not allow it.
    NotFine,
}

impl VerdictKind {
    /// Every verdict, in the order a room votes on them.
    pub const ALL: [VerdictKind; 3] = [VerdictKind::Fine, VerdictKind::FineWithConditions, VerdictKind::NotFine];

    /// How the verdict reads in English: "Fine", "Fine, with conditions",
    /// "Not fine".
    pub fn label(self) -> &'static str {
        self.label_in(Language::English)
    }

    /// How the verdict reads in `language`, as a handout prints it (the
    /// interface has its own words in its message files).
    pub fn label_in(self, language: Language) -> &'static str {
        match (language, self) {
            (Language::English, VerdictKind::Fine) => "Fine",
            (Language::English, VerdictKind::FineWithConditions) => "Fine, with conditions",
            (Language::English, VerdictKind::NotFine) => "Not fine",
            (Language::CanadianFrench, VerdictKind::Fine) => "Acceptable",
            (Language::CanadianFrench, VerdictKind::FineWithConditions) => "Acceptable sous conditions",
            (Language::CanadianFrench, VerdictKind::NotFine) => "Pas acceptable",
        }
    }

    /// The id used in the scenario file: `fine`, `fine_with_conditions`, `not_fine`.
    pub fn id(self) -> &'static str {
        match self {
            VerdictKind::Fine => "fine",
            VerdictKind::FineWithConditions => "fine_with_conditions",
            VerdictKind::NotFine => "not_fine",
        }
    }
}

impl fmt::Display for VerdictKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    version: u32,
    #[serde(default)]
    settings: Option<RawSettings>,
    scenarios: Vec<RawScenario>,
    #[serde(default)]
    decks: Vec<RawDeck>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    question: String,
    kinds: BTreeMap<String, String>,
    unanswered: String,
    words: BTreeMap<String, BTreeMap<String, String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScenario {
    id: String,
    title: String,
    situation: String,
    #[serde(default)]
    topics: Vec<String>,
    rules: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    #[serde(default)]
    when: Option<RawCondition>,
    verdict: VerdictKind,
    explanation: String,
    cites: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeck {
    id: String,
    title: String,
    scenarios: Vec<String>,
}

/// A checked scenario file: scenarios and the decks made of them.
#[derive(Debug)]
pub struct ScenarioLibrary {
    /// Every scenario, in file order.
    pub scenarios: Vec<Scenario>,
    /// The decks, in file order.
    pub decks: Vec<Deck>,
    templates: Templates,
    settings: Settings,
    /// The language its text is written in, which says how answers and
    /// the organization's words read in it. English as loaded;
    /// [`Self::builtin_in`] sets it for a translation.
    pub language: Language,
}

/// The setting words of a scenario file: which setting each kind of
/// organization is, and how each word reads in each setting.
#[derive(Debug, Default)]
struct Settings {
    /// The question whose answer is the kind of organization.
    question: Option<QuestionId>,
    /// The setting of each kind (an option of `question`).
    kinds: BTreeMap<String, String>,
    /// The setting read while the kind is not answered.
    unanswered: String,
    /// Each word's text in each setting.
    words: BTreeMap<String, BTreeMap<String, String>>,
}

impl Settings {
    /// The name of the setting the (visible) answers describe.
    fn setting_for(&self, visible: &Answers) -> &str {
        let kind = self.question.as_ref().and_then(|q| match visible.get(q) {
            Some(Answer::Text(t)) => self.kinds.get(t),
            _ => None,
        });
        kind.map_or(self.unanswered.as_str(), String::as_str)
    }

    /// The words of the setting the answers describe, as a template value.
    fn value_for(&self, visible: &Answers) -> Value {
        let setting = self.setting_for(visible);
        self.words
            .iter()
            .map(|(word, texts)| {
                let text = texts.get(setting).cloned().unwrap_or_default();
                (word.clone(), Value::from(text))
            })
            .collect()
    }

    /// The names a template may read for these words: `setting.<word>`.
    fn variables(&self) -> BTreeSet<String> {
        self.words.keys().map(|w| format!("setting.{w}")).collect()
    }
}

/// One situation for staff to judge.
#[derive(Debug)]
pub struct Scenario {
    /// Stable id.
    pub id: ScenarioId,
    /// A short title for the card, as written (a template).
    pub title: String,
    /// What was posted or asked, by whom and where, as written (a
    /// template). It reads the same for every organization but for the
    /// setting's words and its English (see [`ScenarioLibrary::read`]):
    /// only the verdict changes.
    pub situation: String,
    /// The compiled title.
    title_template: TemplateId,
    /// The compiled situation.
    situation_template: TemplateId,
    /// Topic ids of the coverage map (`policy-templates/coverage.yaml`).
    pub topics: Vec<String>,
    /// Rules with a condition, tried in order.
    pub rules: Vec<Rule>,
    /// The outcome when no rule applies.
    pub default: Outcome,
}

/// A scenario's title and situation as an organization reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioText {
    /// The title, for the card and the handout.
    pub title: String,
    /// The situation, trimmed.
    pub situation: String,
}

/// A rule: when its condition holds, its outcome is the verdict.
#[derive(Debug)]
pub struct Rule {
    /// When the rule applies, read against the visible answers.
    pub when: Condition,
    /// The verdict it gives.
    pub outcome: Outcome,
}

/// A verdict as written in the file, before it is worked out for answers.
#[derive(Debug)]
pub struct Outcome {
    /// Fine, fine with conditions, or not fine.
    pub verdict: VerdictKind,
    /// Why, as a template that may read answers.
    pub explanation: TemplateId,
    /// The clauses the verdict rests on.
    pub cites: Vec<ClauseId>,
}

/// An ordered set of scenarios for one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deck {
    /// Stable id, used in demo links.
    pub id: DeckId,
    /// What the deck is called.
    pub title: String,
    /// Its scenarios, in the order they are shown.
    pub scenarios: Vec<ScenarioId>,
}

/// A scenario's verdict for one organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The scenario judged.
    pub scenario: ScenarioId,
    /// The scenario's title and situation, as this organization reads them.
    pub text: ScenarioText,
    /// Fine, fine with conditions, or not fine.
    pub kind: VerdictKind,
    /// Why, filled from the answers.
    pub explanation: Text,
    /// The policy sections the verdict rests on, in document order.
    pub citations: Vec<Citation>,
    /// The index of the rule that applied, or `None` for the default.
    pub rule: Option<usize>,
    /// Cited clauses that are not in this organization's policy, so have no
    /// number. Empty for well-written rules; the tests hold it so.
    pub unplaced: Vec<ClauseId>,
    /// Problems filling the explanation, as messages for the user.
    pub problems: Vec<String>,
}

/// A numbered section of the policy that a verdict rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Its number in the policy, such as `"8.2"`.
    pub number: String,
    /// Its heading, such as "Photos and video of patients".
    pub title: String,
    /// The cited clauses in it.
    pub clauses: Vec<ClauseId>,
}

impl Verdict {
    /// The cited section numbers, joined for reading: `"8.2, 9.1"`.
    pub fn numbers(&self) -> String {
        let numbers: Vec<&str> = self.citations.iter().map(|c| c.number.as_str()).collect();
        numbers.join(", ")
    }
}

impl ScenarioLibrary {
    /// Parses and checks a scenario file named `file`. Conditions are
    /// checked against `questionnaire`, explanation templates against its
    /// question ids, and cited clauses against `library`.
    #[cfg(feature = "yaml")]
    pub fn load(
        file: &str,
        text: &str,
        questionnaire: &Questionnaire,
        library: &ClauseLibrary,
    ) -> Result<Self, Diagnostics> {
        Self::from_source(&SourceFile::yaml(file, text), questionnaire, library)
    }

    /// Parses and checks scenarios from `source` (see [`Self::load`]).
    pub fn from_source(
        source: &SourceFile<'_>,
        questionnaire: &Questionnaire,
        library: &ClauseLibrary,
    ) -> Result<Self, Diagnostics> {
        let raw: RawFile = source.parse()?;
        let mut problems = Vec::new();
        let checked = check(raw, questionnaire, library, &mut problems);
        if problems.is_empty() {
            Ok(checked)
        } else {
            Err(source.locate(problems))
        }
    }

    /// The shipped scenarios, checked against the shipped policy. Read
    /// from the JSON that build.rs made of `scenarios.yaml`; with the
    /// `yaml` feature, problems are located in the YAML.
    pub fn builtin(questionnaire: &Questionnaire, library: &ClauseLibrary) -> Result<Self, Diagnostics> {
        let (file, json) = crate::policy::bundle::SCENARIOS_JSON;
        let loaded = Self::from_source(&SourceFile::json(file, json), questionnaire, library);
        #[cfg(feature = "yaml")]
        if loaded.is_err() {
            let (file, text) = crate::policy::bundle::SCENARIOS;
            Self::load(file, text, questionnaire, library)?;
        }
        loaded
    }

    /// The shipped scenarios in `language`, checked against the shipped
    /// policy: the English structure with its translation laid over it
    /// (see [`crate::policy::bundle::scenarios_json_in`]). `questionnaire`
    /// and `library` are the policy in the same language.
    #[cfg(feature = "yaml")]
    pub fn builtin_in(
        language: Language,
        questionnaire: &Questionnaire,
        library: &ClauseLibrary,
    ) -> Result<Self, Diagnostics> {
        if language.is_english() {
            return Self::builtin(questionnaire, library);
        }
        let json = crate::policy::bundle::scenarios_json_in(language)?;
        let (file, _) = crate::policy::bundle::SCENARIOS;
        let mut loaded = Self::from_source(&SourceFile::json(file, &json), questionnaire, library)?;
        loaded.language = language;
        Ok(loaded)
    }

    /// The scenario with id `id`.
    pub fn scenario(&self, id: &ScenarioId) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| &s.id == id)
    }

    /// The deck with id `id`.
    pub fn deck(&self, id: &DeckId) -> Option<&Deck> {
        self.decks.iter().find(|d| &d.id == id)
    }

    /// The verdict on `scenario` for `answers`. `policy` is the document
    /// filled from the same answers; the cited clauses are looked up in it.
    pub fn verdict(&self, scenario: &Scenario, q: &Questionnaire, answers: &Answers, policy: &Document) -> Verdict {
        let visible = q.visible_answers(answers);
        let ctx = self.context(q, &visible);
        self.verdict_in(scenario, q, &visible, &ctx, policy)
    }

    /// [`Self::verdict`] with the visible answers and their context made
    /// (a deck's verdicts share them: the preview's worked examples are
    /// worked out again on every keystroke).
    fn verdict_in(
        &self,
        scenario: &Scenario,
        q: &Questionnaire,
        visible: &Answers,
        ctx: &Value,
        policy: &Document,
    ) -> Verdict {
        let (rule, outcome) = scenario
            .rules
            .iter()
            .enumerate()
            .find(|(_, r)| r.when.holds(visible))
            .map_or((None, &scenario.default), |(i, r)| (Some(i), &r.outcome));
        let mut problems = Vec::new();
        let explanation = self.render(outcome.explanation, scenario, q, visible, ctx, &mut problems);
        let (citations, unplaced) = place(policy, &outcome.cites);
        let text = self.read_into(scenario, q, visible, ctx, &mut problems);
        Verdict {
            scenario: scenario.id.clone(),
            text,
            kind: outcome.verdict,
            explanation,
            citations,
            rule,
            unplaced,
            problems,
        }
    }

    /// The title and situation of `scenario` as the organization that
    /// `answers` describe reads them: in its setting's words and its
    /// English. The trainer's cards, the handout and the worked examples
    /// all show these.
    pub fn read(&self, scenario: &Scenario, q: &Questionnaire, answers: &Answers) -> ScenarioText {
        let visible = q.visible_answers(answers);
        let ctx = self.context(q, &visible);
        self.read_into(scenario, q, &visible, &ctx, &mut Vec::new())
    }

    /// [`Self::read`] with the context made, noting problems in `problems`.
    fn read_into(
        &self,
        scenario: &Scenario,
        q: &Questionnaire,
        visible: &Answers,
        ctx: &Value,
        problems: &mut Vec<String>,
    ) -> ScenarioText {
        let mut text = |id: TemplateId| {
            self.render(id, scenario, q, visible, ctx, problems)
                .to_plain()
                .trim()
                .to_owned()
        };
        ScenarioText {
            title: text(scenario.title_template),
            situation: text(scenario.situation_template),
        }
    }

    /// The answers' template context, with the setting's words under
    /// `setting`.
    fn context(&self, q: &Questionnaire, visible: &Answers) -> Value {
        let mut ctx = context_in(q, visible, self.language);
        if let Value::Map(map) = &mut ctx {
            map.insert("setting".to_owned(), self.settings.value_for(visible));
        }
        ctx
    }

    /// Renders template `id` of `scenario` in the organization's words; a
    /// problem is noted and the text left empty.
    fn render(
        &self,
        id: TemplateId,
        scenario: &Scenario,
        q: &Questionnaire,
        visible: &Answers,
        ctx: &Value,
        problems: &mut Vec<String>,
    ) -> Text {
        match self.templates.render(id, ctx) {
            Ok(s) => tidy(runs(q, &s, Words::for_answers(q, visible).in_language(self.language))),
            Err(e) => {
                problems.push(format!("scenario \"{}\": {e}", scenario.id));
                Text::default()
            }
        }
    }

    /// The verdicts on every scenario, in file order.
    pub fn verdicts(&self, q: &Questionnaire, answers: &Answers, policy: &Document) -> Vec<Verdict> {
        self.scenarios
            .iter()
            .map(|s| self.verdict(s, q, answers, policy))
            .collect()
    }

    /// The verdicts on the scenarios of `deck`, in deck order.
    pub fn deck_verdicts(&self, deck: &Deck, q: &Questionnaire, answers: &Answers, policy: &Document) -> Vec<Verdict> {
        let visible = q.visible_answers(answers);
        let ctx = self.context(q, &visible);
        deck.scenarios
            .iter()
            .filter_map(|id| self.scenario(id))
            .map(|s| self.verdict_in(s, q, &visible, &ctx, policy))
            .collect()
    }

    /// A printable handout of `deck`: one numbered section per scenario,
    /// with the situation, the verdict, why, and the policy clauses it
    /// rests on. `verdicts` are matched to the deck's scenarios by id (see
    /// [`Self::deck_verdicts`]); a scenario without one is left out and
    /// named in the document's problems. `policy` gives the organization's
    /// name.
    pub fn handout(&self, deck: &Deck, verdicts: &[Verdict], policy: &Document) -> Document {
        self.handout_with(deck, verdicts, policy, &HandoutOptions::default())
    }

    /// The handout of `deck` as `options` say: with each verdict under its
    /// scenario, or every verdict at the back, so that the handout can be
    /// used as a quiz. Its cover names the organization.
    pub fn handout_with(
        &self,
        deck: &Deck,
        verdicts: &[Verdict],
        policy: &Document,
        options: &HandoutOptions,
    ) -> Document {
        let words = HandoutWords::for_document(policy);
        let mut sections = Vec::new();
        let mut answers = Vec::new();
        let mut problems = Vec::new();
        for id in &deck.scenarios {
            let Some(verdict) = verdicts.iter().find(|v| &v.scenario == id) else {
                problems.push(FillProblem {
                    clause: None,
                    message: format!("no verdict was worked out for scenario \"{id}\""),
                });
                continue;
            };
            problems.extend(verdict.problems.iter().map(|message| FillProblem {
                clause: None,
                message: message.clone(),
            }));
            let tag = |part: &str| ClauseId(format!("scenario.{id}.{part}"));
            let situation = Block {
                clause: tag("situation"),
                kind: BlockKind::Paragraph(Text::plain(verdict.text.situation.clone())),
            };
            let mut blocks = vec![Block {
                clause: tag("verdict"),
                kind: BlockKind::Notice(Text::plain(words.verdict(verdict.kind))),
            }];
            if !verdict.explanation.0.is_empty() {
                blocks.push(Block {
                    clause: tag("explanation"),
                    kind: BlockKind::Paragraph(verdict.explanation.clone()),
                });
            }
            if !verdict.citations.is_empty() {
                blocks.push(Block {
                    clause: tag("clauses"),
                    kind: BlockKind::Paragraph(Text::plain(words.clauses(&verdict.numbers()))),
                });
            }
            let number = (sections.len() + 1).to_string();
            if options.verdicts_at_back {
                answers.push(Section {
                    id: SectionId(format!("{}_verdict", id.0)),
                    number: String::new(),
                    title: verdict.text.title.clone(),
                    blocks,
                    subsections: Vec::new(),
                });
                blocks = vec![situation];
            } else {
                blocks.insert(0, situation);
            }
            sections.push(Section {
                id: SectionId(id.0.clone()),
                number,
                title: verdict.text.title.clone(),
                blocks,
                subsections: Vec::new(),
            });
        }
        if !answers.is_empty() {
            let number = (sections.len() + 1).to_string();
            for (i, a) in answers.iter_mut().enumerate() {
                a.number = format!("{number}.{}", i + 1);
            }
            sections.push(Section {
                id: SectionId("verdicts".to_owned()),
                number,
                title: words.verdicts_heading().to_owned(),
                blocks: vec![Block {
                    clause: ClauseId("handout.verdicts".to_owned()),
                    kind: BlockKind::Paragraph(Text::plain(words.verdicts_intro())),
                }],
                subsections: answers,
            });
        }
        Document {
            language: policy.language.clone(),
            // The cover names the organization, as the policy's does.
            cover: Cover {
                organization: policy.cover.organization.clone(),
                short_name: policy.cover.short_name.clone(),
                ..Cover::default()
            },
            title: words.title(&deck.title),
            author: policy.author.clone(),
            sections,
            problems,
        }
    }
}

/// The deck whose scenarios the policy's worked-examples appendix shows.
pub const WORKED_EXAMPLES_DECK: &str = "worked_examples";

impl ScenarioLibrary {
    /// The appendix of worked examples for this organization's policy:
    /// each scenario of the [`WORKED_EXAMPLES_DECK`], with its situation,
    /// the verdict for these answers and the sections of `policy` it rests
    /// on. The verdicts come from the same engine as trainer mode and the
    /// handout. `None` when the library has no such deck.
    pub fn worked_examples(&self, q: &Questionnaire, answers: &Answers, policy: &Document) -> Option<Section> {
        let deck = self.deck(&DeckId::from(WORKED_EXAMPLES_DECK))?;
        let verdicts = self.deck_verdicts(deck, q, answers, policy);
        let handout = self.handout(deck, &verdicts, policy);
        let words = HandoutWords::for_document(policy);
        let number = (policy.sections.len() + 1).to_string();
        let subsections = handout
            .sections
            .into_iter()
            .enumerate()
            .map(|(i, s)| Section {
                number: format!("{number}.{}", i + 1),
                ..s
            })
            .collect();
        Some(Section {
            id: SectionId("worked_examples".to_owned()),
            number,
            title: words.appendix_heading(),
            blocks: vec![Block {
                clause: ClauseId("worked_examples.intro".to_owned()),
                kind: BlockKind::Paragraph(Text::plain(words.appendix_intro())),
            }],
            subsections,
        })
    }

    /// `policy` with the worked-examples appendix (see
    /// [`Self::worked_examples`]) added as its last section.
    pub fn with_worked_examples(&self, q: &Questionnaire, answers: &Answers, mut policy: Document) -> Document {
        if let Some(appendix) = self.worked_examples(q, answers, &policy) {
            policy.sections.push(appendix);
        }
        policy
    }
}

/// The handout's and the appendix's own words (headings, the verdict
/// line), in the language of the policy document they go with, so that a
/// French policy gets a French handout. French text gets its typography
/// (no-break spaces before `:` and inside « »), as the clauses do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct HandoutWords(Language);

impl HandoutWords {
    /// The words for `policy`'s language; a language this build has no
    /// words for reads in English.
    fn for_document(policy: &Document) -> Self {
        Self(Language::from_tag(&policy.language).unwrap_or(Language::English))
    }

    /// `text` as this language is typeset.
    fn typeset(self, text: String) -> String {
        match self.0 {
            Language::English => text,
            Language::CanadianFrench => french(&text).into_owned(),
        }
    }

    /// The verdict line: "Verdict: Not fine."
    fn verdict(self, kind: VerdictKind) -> String {
        let label = kind.label_in(self.0);
        self.typeset(match self.0 {
            Language::English => format!("Verdict: {label}."),
            Language::CanadianFrench => format!("Verdict : {}.", label.to_lowercase()),
        })
    }

    /// The cited sections: "Policy clauses: 8.2, 9.1".
    fn clauses(self, numbers: &str) -> String {
        self.typeset(match self.0 {
            Language::English => format!("Policy clauses: {numbers}"),
            Language::CanadianFrench => format!("Clauses de la politique : {numbers}"),
        })
    }

    /// The heading of the verdicts at the back of a quiz handout.
    fn verdicts_heading(self) -> &'static str {
        match self.0 {
            Language::English => "Verdicts",
            Language::CanadianFrench => "Verdicts",
        }
    }

    /// What the verdicts at the back are.
    fn verdicts_intro(self) -> String {
        self.typeset(
            match self.0 {
                Language::English => "What the policy says about each scenario, in the same order.",
                Language::CanadianFrench => {
                    "Ce que prévoit la politique pour chaque mise en situation, dans le même ordre."
                }
            }
            .to_owned(),
        )
    }

    /// The handout's title, from the deck's: "Privacy basics: practice scenarios".
    fn title(self, deck: &str) -> String {
        self.typeset(match self.0 {
            Language::English => format!("{deck}: practice scenarios"),
            Language::CanadianFrench => format!("{deck} : mises en situation pour s'exercer"),
        })
    }

    /// The heading of the policy's appendix of worked examples.
    fn appendix_heading(self) -> String {
        self.typeset(
            match self.0 {
                Language::English => "Appendix: worked examples",
                Language::CanadianFrench => "Annexe : exemples commentés",
            }
            .to_owned(),
        )
    }

    /// What the appendix of worked examples is.
    fn appendix_intro(self) -> String {
        self.typeset(
            match self.0 {
                Language::English => {
                    "These situations come from our training. Each shows what this policy says about it, \
                     and the sections the answer rests on."
                }
                Language::CanadianFrench => {
                    "Ces situations viennent de notre formation. Chacune montre ce que prévoit cette politique \
                     et les sections sur lesquelles la réponse s'appuie."
                }
            }
            .to_owned(),
        )
    }
}

/// How a handout is laid out.
#[derive(Debug, Clone, Default)]
pub struct HandoutOptions {
    /// Print the verdicts in a section at the back instead of under each
    /// scenario, so the handout can be used as a quiz.
    pub verdicts_at_back: bool,
}

/// The handout PDF's file name: the organization, the deck and `today`
/// (`YYYY-MM-DD`), as ASCII, such as
/// `lakeside-community-hospital-privacy-basics-scenarios-2026-11-25.pdf`.
/// `handout` is the document [`ScenarioLibrary::handout`] made, whose
/// author is the organization.
pub fn handout_file_name(deck: &Deck, handout: &Document, today: &str) -> String {
    // The policy's own file name gives the organization's slug and the
    // date, cleaned the same way; only the middle part differs.
    const POLICY: &str = "social-media-policy-";
    let policy = handout.file_name(today);
    let what: String = deck
        .id
        .as_str()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    match policy.rfind(POLICY) {
        Some(at) => format!("{}{what}-scenarios-{}", &policy[..at], &policy[at + POLICY.len()..]),
        None => policy,
    }
}

/// Finds where each cited clause landed in `policy`: the numbered section
/// or subsection holding its text. Clauses in the same section share one
/// citation; citations follow document order.
fn place(policy: &Document, cites: &[ClauseId]) -> (Vec<Citation>, Vec<ClauseId>) {
    let sections = policy.all_sections();
    let mut found: Vec<(usize, &ClauseId)> = Vec::new();
    let mut unplaced = Vec::new();
    for clause in cites {
        match sections
            .iter()
            .position(|s| s.blocks.iter().any(|b| &b.clause == clause))
        {
            Some(at) => found.push((at, clause)),
            None => unplaced.push(clause.clone()),
        }
    }
    found.sort_by_key(|(at, _)| *at);
    let mut citations: Vec<(usize, Citation)> = Vec::new();
    for (at, clause) in found {
        match citations.last_mut() {
            Some((last, citation)) if *last == at => citation.clauses.push(clause.clone()),
            _ => citations.push((
                at,
                Citation {
                    number: sections[at].number.clone(),
                    title: sections[at].title.clone(),
                    clauses: vec![clause.clone()],
                },
            )),
        }
    }
    (citations.into_iter().map(|(_, c)| c).collect(), unplaced)
}

fn check(raw: RawFile, q: &Questionnaire, library: &ClauseLibrary, problems: &mut Vec<Problem>) -> ScenarioLibrary {
    let root = YamlPath::root();
    if raw.version != FORMAT_VERSION {
        problems.push(Problem::new(
            root.key("version"),
            format!(
                "this build reads scenario format version {FORMAT_VERSION}, not {}",
                raw.version
            ),
        ));
    }
    let clause_ids: BTreeSet<&str> = library.clauses().map(|c| c.id.as_str()).collect();
    let settings = raw.settings.map_or_else(Settings::default, |rs| {
        check_settings(rs, q, &root.key("settings"), problems)
    });
    let variables = settings.variables();
    let what = if settings.words.is_empty() {
        "a question id"
    } else {
        "a question id or a setting word (settings.words)"
    };
    let mut templates = Templates::new(q);
    let mut ids = BTreeSet::new();
    let mut scenarios = Vec::new();
    for (si, rs) in raw.scenarios.into_iter().enumerate() {
        let spath = root.key("scenarios").index(si);
        check_id(&rs.id, IdShape::Plain, &spath.key("id"), "scenario", problems);
        if !ids.insert(rs.id.clone()) {
            problems.push(Problem::new(
                spath.key("id"),
                format!("scenario id \"{}\" is used twice", rs.id),
            ));
        }
        for (key, value) in [("title", &rs.title), ("situation", &rs.situation)] {
            if value.trim().is_empty() {
                problems.push(Problem::new(spath.key(key), format!("the {key} is empty")));
            }
        }
        let title_template = templates.add_with(&rs.title, &spath.key("title"), problems, &variables, what);
        let situation_template = templates.add_with(&rs.situation, &spath.key("situation"), problems, &variables, what);
        if rs.rules.is_empty() {
            problems.push(Problem::new(
                spath.key("rules"),
                format!(
                    "scenario \"{}\" has no rules; it needs at least a default rule without `when`",
                    rs.id
                ),
            ));
        }
        let last = rs.rules.len().saturating_sub(1);
        let mut rules = Vec::new();
        let mut default = None;
        for (ri, rr) in rs.rules.into_iter().enumerate() {
            let rpath = spath.key("rules").index(ri);
            let outcome = Outcome {
                verdict: rr.verdict,
                explanation: templates.add_with(&rr.explanation, &rpath.key("explanation"), problems, &variables, what),
                cites: check_cites(&rr.cites, &rpath, &clause_ids, problems),
            };
            let when = rr
                .when
                .as_ref()
                .map(|c| q.check_condition(c, &rpath.key("when"), problems));
            match (when, ri == last) {
                (Some(when), false) => rules.push(Rule { when, outcome }),
                (None, true) => default = Some(outcome),
                (Some(_), true) => problems.push(Problem::new(
                    rpath.key("when"),
                    format!(
                        "the last rule of scenario \"{}\" must have no `when`: it is the default verdict when no other rule applies",
                        rs.id
                    ),
                )),
                (None, false) => problems.push(Problem::new(
                    rpath.clone(),
                    "only the last rule may leave out `when`; the rules after this one could never apply",
                )),
            }
        }
        // Without a default the scenario is unusable, but a problem has
        // been reported for it, so the library is never returned.
        if let Some(default) = default {
            scenarios.push(Scenario {
                id: ScenarioId(rs.id),
                title: rs.title,
                situation: rs.situation,
                title_template,
                situation_template,
                topics: rs.topics,
                rules,
                default,
            });
        }
    }
    let mut deck_ids = BTreeSet::new();
    let mut decks = Vec::new();
    for (di, rd) in raw.decks.into_iter().enumerate() {
        let dpath = root.key("decks").index(di);
        check_id(&rd.id, IdShape::Plain, &dpath.key("id"), "deck", problems);
        if !deck_ids.insert(rd.id.clone()) {
            problems.push(Problem::new(
                dpath.key("id"),
                format!("deck id \"{}\" is used twice", rd.id),
            ));
        }
        if rd.scenarios.is_empty() {
            problems.push(Problem::new(
                dpath.key("scenarios"),
                format!("deck \"{}\" has no scenarios", rd.id),
            ));
        }
        let mut seen = BTreeSet::new();
        for (i, s) in rd.scenarios.iter().enumerate() {
            let path = dpath.key("scenarios").index(i);
            if !ids.contains(s) {
                problems.push(Problem::new(path, format!("there is no scenario \"{s}\"")));
            } else if !seen.insert(s.as_str()) {
                problems.push(Problem::new(
                    path,
                    format!("scenario \"{s}\" is in deck \"{}\" twice", rd.id),
                ));
            }
        }
        decks.push(Deck {
            id: DeckId(rd.id),
            title: rd.title,
            scenarios: rd.scenarios.into_iter().map(ScenarioId).collect(),
        });
    }
    ScenarioLibrary {
        scenarios,
        decks,
        templates,
        settings,
        language: Language::English,
    }
}

/// Checks the setting words: the question names a kind of organization,
/// every kind has a setting, and every word reads in every setting.
fn check_settings(raw: RawSettings, q: &Questionnaire, path: &YamlPath, problems: &mut Vec<Problem>) -> Settings {
    let question = QuestionId(raw.question.clone());
    let kinds: Vec<&str> = match q.question(&question).map(|q| &q.kind) {
        Some(QuestionKind::OneOf(choices)) => choices.iter().map(|c| c.id.as_str()).collect(),
        Some(_) => {
            problems.push(Problem::new(
                path.key("question"),
                format!("\"{}\" is not a question with one answer among options", raw.question),
            ));
            Vec::new()
        }
        None => {
            problems.push(Problem::new(
                path.key("question"),
                format!("there is no question \"{}\"", raw.question),
            ));
            Vec::new()
        }
    };
    if !kinds.is_empty() {
        for kind in &kinds {
            if !raw.kinds.contains_key(*kind) {
                problems.push(Problem::new(
                    path.key("kinds"),
                    format!("the kind of organization \"{kind}\" has no setting; add it here"),
                ));
            }
        }
        for kind in raw.kinds.keys() {
            if !kinds.contains(&kind.as_str()) {
                problems.push(Problem::at_key(
                    path.key("kinds").key(kind),
                    format!(
                        "\"{kind}\" is not an option of \"{}\"; the options are {}",
                        raw.question,
                        kinds.join(", ")
                    ),
                ));
            }
        }
    }
    // The settings are the ones the kinds name, and the one read while the
    // kind is not answered.
    let settings: BTreeSet<&str> = raw
        .kinds
        .values()
        .map(String::as_str)
        .chain([raw.unanswered.as_str()])
        .collect();
    let names = settings.iter().copied().collect::<Vec<_>>().join(", ");
    for (word, texts) in &raw.words {
        let wpath = path.key("words").key(word);
        check_id(word, IdShape::Plain, &wpath, "setting word", problems);
        for setting in &settings {
            if !texts.contains_key(*setting) {
                problems.push(Problem::at_key(
                    wpath.clone(),
                    format!("the setting word \"{word}\" has no wording for the setting \"{setting}\""),
                ));
            }
        }
        for (setting, text) in texts {
            if !settings.contains(setting.as_str()) {
                problems.push(Problem::at_key(
                    wpath.key(setting),
                    format!("\"{setting}\" is not a setting of `kinds` or `unanswered`; the settings are {names}"),
                ));
            } else if text.trim().is_empty() {
                problems.push(Problem::new(
                    wpath.key(setting),
                    format!("the setting word \"{word}\" is empty for \"{setting}\""),
                ));
            }
        }
    }
    Settings {
        question: Some(question),
        kinds: raw.kinds,
        unanswered: raw.unanswered,
        words: raw.words,
    }
}

fn check_cites(
    cites: &[String],
    rule: &YamlPath,
    known: &BTreeSet<&str>,
    problems: &mut Vec<Problem>,
) -> Vec<ClauseId> {
    if cites.is_empty() {
        problems.push(Problem::new(
            rule.key("cites"),
            "a verdict must cite at least one clause of the policy",
        ));
    }
    let mut seen = BTreeSet::new();
    for (i, c) in cites.iter().enumerate() {
        let path = rule.key("cites").index(i);
        if !known.contains(c.as_str()) {
            problems.push(Problem::new(
                path,
                format!("there is no clause \"{c}\" in the clause library"),
            ));
        } else if !seen.insert(c.as_str()) {
            problems.push(Problem::new(path, format!("clause \"{c}\" is cited twice")));
        }
    }
    cites.iter().map(|c| ClauseId(c.clone())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(number: &str, title: &str, clauses: &[&str], subsections: Vec<Section>) -> Section {
        Section {
            id: SectionId("s".into()),
            number: number.into(),
            title: title.into(),
            blocks: clauses
                .iter()
                .map(|c| Block {
                    clause: ClauseId::from(*c),
                    kind: BlockKind::Paragraph(Text::plain("x")),
                })
                .collect(),
            subsections,
        }
    }

    #[test]
    fn citations_follow_document_order_and_share_a_section() {
        let doc = Document {
            language: "en".to_owned(),
            cover: Default::default(),
            title: String::new(),
            author: String::new(),
            sections: vec![
                section("1", "One", &["a"], vec![]),
                section("2", "Two", &["b"], vec![section("2.1", "Two one", &["c", "d"], vec![])]),
            ],
            problems: vec![],
        };
        let cites: Vec<ClauseId> = ["d", "a", "c", "gone"].into_iter().map(ClauseId::from).collect();
        let (citations, unplaced) = place(&doc, &cites);
        let numbers: Vec<&str> = citations.iter().map(|c| c.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2.1"]);
        assert_eq!(citations[1].clauses, [ClauseId::from("d"), ClauseId::from("c")]);
        assert_eq!(citations[1].title, "Two one");
        assert_eq!(unplaced, [ClauseId::from("gone")]);
    }

    #[test]
    fn handout_file_names_name_the_organization_the_deck_and_the_day() {
        let deck = Deck {
            id: DeckId::from("privacy_basics"),
            title: "Privacy basics".into(),
            scenarios: vec![],
        };
        let mut doc = Document {
            language: "en".to_owned(),
            cover: Default::default(),
            title: String::new(),
            author: "Centre Saint-Éloi: Social Media Policy".into(),
            sections: vec![],
            problems: vec![],
        };
        assert_eq!(
            handout_file_name(&deck, &doc, "2026-11-25"),
            "centre-saint-eloi-social-media-policy-privacy-basics-scenarios-2026-11-25.pdf"
        );
        doc.author = "[organization's legal name]".into();
        assert_eq!(
            handout_file_name(&deck, &doc, "2026-11-25"),
            "privacy-basics-scenarios-2026-11-25.pdf"
        );
    }

    #[test]
    fn verdict_labels_and_ids() {
        assert_eq!(VerdictKind::FineWithConditions.label(), "Fine, with conditions");
        assert_eq!(VerdictKind::NotFine.id(), "not_fine");
        let parsed: VerdictKind = serde_json::from_str("\"fine_with_conditions\"").expect("parses");
        assert_eq!(parsed, VerdictKind::FineWithConditions);
    }
}
