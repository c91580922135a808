//! Filling: answers and the clause library make a [`Document`].
//!
//! Only answers to questions that are shown count. Clauses whose condition
//! holds are rendered in order; a clause with a heading starts a numbered
//! subsection. Unanswered questions become [`Run::Missing`] placeholders.

pub mod changes;
pub mod finish;
pub mod lifecycle;
pub mod memo;
mod punctuation;
mod spelling;
pub mod text;
pub mod typography;
pub mod words;

pub use memo::FillMemo;
use memo::{Made, Shape};
pub(crate) use punctuation::Words;
use punctuation::{mark, settle, ANSWER_START, ANSWER_STOP};

use crate::policy::document::{Approval, Block, BlockKind, Cover, Document, FillProblem, Run, Section, Text};
use crate::policy::model::answers::{Answer, Answers};
use crate::policy::model::dates::parse_iso;
use crate::policy::model::ids::{ClauseId, QuestionId};
use crate::policy::model::language::Language;
use crate::policy::model::library::{ClauseBody, ClauseLibrary, Item, GENERAL_PACK};
use crate::policy::model::questionnaire::{Question, QuestionKind, Questionnaire};
use crate::policy::model::template::{missing, TemplateId, Value, MISSING_END, MISSING_START};

/// The packs whose clauses this policy uses, in the order declared, as the
/// context of a `pack_list` line: the general pack always, and each other
/// pack with at least one clause that the answers include.
fn pack_lines(lib: &ClauseLibrary, visible: &Answers) -> Vec<Value> {
    let holds = |c: &Option<crate::policy::model::condition::Condition>| c.as_ref().is_none_or(|c| c.holds(visible));
    let used: std::collections::BTreeSet<&str> = lib
        .sections
        .iter()
        .filter(|s| holds(&s.when))
        .flat_map(|s| s.clauses.iter())
        .filter(|c| holds(&c.when))
        .filter_map(|c| c.pack.as_deref())
        .chain([GENERAL_PACK])
        .collect();
    lib.packs
        .iter()
        .filter(|p| used.contains(p.id.as_str()))
        .map(|p| {
            Value::from([
                ("pack", Value::from(p.title.clone())),
                ("version", Value::from(p.version.to_string())),
                ("checked", Value::from(p.as_of.long_in(lib.language))),
            ])
        })
        .collect()
}

/// A list block of `items`, or nothing when no item is included (a list
/// with no items is left out, not printed empty).
fn list(make: fn(Vec<Text>) -> BlockKind, items: Vec<Text>) -> Vec<BlockKind> {
    if items.is_empty() {
        vec![]
    } else {
        vec![make(items)]
    }
}

/// Fills the policy for `answers`.
pub fn fill(q: &Questionnaire, lib: &ClauseLibrary, answers: &Answers) -> Document {
    fill_in(q, lib, answers, None)
}

/// Fills the policy for `answers` as [`fill`] does, rendering only the
/// templates that read an answer changed since `memo`'s last fill (the
/// live preview's fill on every keystroke); `memo` must be used with this
/// questionnaire and library only.
pub fn fill_remembering(q: &Questionnaire, lib: &ClauseLibrary, answers: &Answers, memo: &mut FillMemo) -> Document {
    fill_in(q, lib, answers, Some(memo))
}

fn fill_in(q: &Questionnaire, lib: &ClauseLibrary, answers: &Answers, mut memo: Option<&mut FillMemo>) -> Document {
    let visible = q.visible_answers(answers);
    let words = Words::for_answers(q, &visible).in_language(lib.language);
    if let Some(memo) = memo.as_deref_mut() {
        memo.start(&lib.templates, words.key());
    }
    // Built on the first template that must be rendered: with a memo, a
    // keystroke that changes no template's answers needs none.
    let context = std::cell::OnceCell::new();
    let mut problems = Vec::new();
    // Template `id` made into `shape`, with the answers or with `line`,
    // the context of a pack line (never remembered: it reads no answer).
    let mut make = |id: TemplateId, shape: Shape, clause: Option<&ClauseId>, line: Option<&Value>| -> Vec<Text> {
        let render = |read: &mut dyn FnMut(&str)| {
            let ctx = line.unwrap_or_else(|| context.get_or_init(|| context_in(q, &visible, lib.language)));
            lib.templates.render_reading(id, ctx, read).map(|s| runs(q, &s, words))
        };
        let made = match (memo.as_deref_mut(), line) {
            (Some(memo), None) => memo.get(id, shape, &visible, render),
            _ => Made::of(shape, render(&mut |_: &str| {})),
        };
        if let Some(message) = made.problem {
            problems.push(FillProblem {
                clause: clause.cloned(),
                message,
            });
        }
        made.texts
    };
    let mut one = |id: TemplateId, shape: Shape| first(make(id, shape, None, None));
    let title = one(lib.title, Shape::Raw).to_plain();
    let author = one(lib.author, Shape::Raw).to_plain();
    // The cover's facts read as entries ("Owner: The Director of ..."),
    // not inside a sentence, so each starts with a capital.
    let cover = lib.cover.map_or_else(Cover::default, |c| Cover {
        organization: capitalized(one(c.organization, Shape::Tidy)),
        short_name: capitalized(one(c.short_name, Shape::Tidy)),
        version: capitalized(one(c.version, Shape::Tidy)),
        effective_date: capitalized(one(c.effective_date, Shape::Tidy)),
        owner: capitalized(one(c.owner, Shape::Tidy)),
        purpose: capitalized(one(c.purpose, Shape::Tidy)),
        contact: capitalized(one(c.contact, Shape::Tidy)),
        next_review: lifecycle::next_review_due(&visible)
            .map_or_else(Text::default, |d| Text::plain(d.long_in(lib.language))),
        approval: Approval::Draft,
        approved_by: Text::default(),
    });
    let pack_lines = pack_lines(lib, &visible);
    let mut sections = Vec::new();
    for ps in &lib.sections {
        if !ps.when.as_ref().is_none_or(|c| c.holds(&visible)) {
            continue;
        }
        let number = (sections.len() + 1).to_string();
        let mut section = Section {
            id: ps.id.clone(),
            number,
            title: words.apply(&ps.title).into_owned(),
            blocks: Vec::new(),
            subsections: Vec::new(),
        };
        // A clause with a heading opens a subsection; the clauses after it
        // without one belong to it, even when the heading clause itself is
        // left out. `group` is the index of the heading clause in force,
        // `open` the group of the last subsection made.
        let mut group: Option<(usize, &str)> = None;
        let mut open: Option<usize> = None;
        for (ci, clause) in ps.clauses.iter().enumerate() {
            if let Some(heading) = &clause.heading {
                group = Some((ci, heading.as_str()));
            }
            if !clause.when.as_ref().is_none_or(|c| c.holds(&visible)) {
                continue;
            }
            let included = |items: &[Item]| -> Vec<TemplateId> {
                items
                    .iter()
                    .filter(|i| i.when.as_ref().is_none_or(|c| c.holds(&visible)))
                    .map(|i| i.text)
                    .collect()
            };
            let clause_id = Some(&clause.id);
            let kinds: Vec<BlockKind> = match &clause.body {
                ClauseBody::Text(t) => make(*t, Shape::Paragraphs, clause_id, None)
                    .into_iter()
                    .map(BlockKind::Paragraph)
                    .collect(),
                ClauseBody::Notice(t) => vec![BlockKind::Notice(first(make(*t, Shape::Tidy, clause_id, None)))],
                // One bullet per pack in use, each rendered with that pack's
                // own context; a line that fails is a problem of this clause.
                ClauseBody::PackList(t) => list(
                    BlockKind::Bullets,
                    pack_lines
                        .iter()
                        .map(|line| first(make(*t, Shape::Tidy, clause_id, Some(line))))
                        .collect(),
                ),
                ClauseBody::Bullets(items) => list(
                    BlockKind::Bullets,
                    included(items)
                        .into_iter()
                        .map(|t| first(make(t, Shape::Tidy, clause_id, None)))
                        .collect(),
                ),
                ClauseBody::Numbered(items) => list(
                    BlockKind::Numbered,
                    included(items)
                        .into_iter()
                        .map(|t| first(make(t, Shape::Tidy, clause_id, None)))
                        .collect(),
                ),
            };
            if kinds.is_empty() {
                continue;
            }
            let blocks = kinds.into_iter().map(|kind| Block {
                clause: clause.id.clone(),
                kind,
            });
            match group {
                None => section.blocks.extend(blocks),
                // Alternative clauses often share a heading ("Photos and
                // video of patients" when allowed, and when not): one
                // subsection holds whichever are included.
                Some((gi, heading))
                    if open == Some(gi)
                        || (open.is_some()
                            && section
                                .subsections
                                .last()
                                .is_some_and(|l| l.title == words.apply(heading))) =>
                {
                    if let Some(last) = section.subsections.last_mut() {
                        last.blocks.extend(blocks);
                    }
                    open = Some(gi);
                }
                Some((gi, heading)) => {
                    section.subsections.push(Section {
                        id: ps.id.clone(),
                        number: format!("{}.{}", section.number, section.subsections.len() + 1),
                        title: words.apply(heading).into_owned(),
                        blocks: blocks.collect(),
                        subsections: Vec::new(),
                    });
                    open = Some(gi);
                }
            }
        }
        // A section with nothing in it for these answers is left out, and
        // the sections after it are numbered without a gap.
        if !section.blocks.is_empty() || !section.subsections.is_empty() {
            sections.push(section);
        }
    }
    Document {
        title,
        author,
        cover,
        sections,
        problems,
        language: language_tag(q, lib, &visible),
    }
}

/// The language tag of a document filled from `lib` for `visible` answers:
/// the one place that decides it, so that every renderer says the same
/// language. English text is in the organization's own English (the
/// country answer chooses it, as it chooses the spelling): `en-US`,
/// `en-GB`, `en-AU` or `en-CA`, the English the templates are written in
/// until a country is answered.
pub fn language_tag(q: &Questionnaire, lib: &ClauseLibrary, visible: &Answers) -> String {
    match lib.language {
        Language::English => q
            .spelling
            .english_for(visible)
            .map_or_else(|| lib.language.tag(), |english| english.tag())
            .to_owned(),
        other => other.tag().to_owned(),
    }
}

/// The template context for templates written in `language`: every
/// question id, with its answer or a marker; dates are
/// written in it.
pub(crate) fn context_in(q: &Questionnaire, visible: &Answers, language: Language) -> Value {
    let words = Words::for_answers(q, visible).in_language(language);
    q.questions()
        .map(|question| {
            let value = visible
                .get(&question.id)
                .map_or_else(missing, |a| answer_value(question, a, words));
            (question.id.as_str().to_owned(), value)
        })
        .collect()
}

/// How an answer reads in policy text: option labels rather than ids (in
/// the organization's English: they are the templates' words), dates in
/// long form, and user text cleaned of control characters and of the
/// private markers used for placeholders. Every answer is marked, so that
/// the sentence around it fits its capitals and full stop to it (see
/// [`punctuation`]).
fn answer_value(question: &Question, answer: &Answer, words: Words<'_>) -> Value {
    let label = |choices: &[crate::policy::model::questionnaire::Choice], id: &str| {
        choices
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_owned(), |c| words.respell(&c.label).into_owned())
    };
    let label = |choices: &[crate::policy::model::questionnaire::Choice], id: &str| mark(label(choices, id));
    match (&question.kind, answer) {
        (_, Answer::YesNo(b)) => Value::from(*b),
        (QuestionKind::OneOf(choices), Answer::Text(id)) => Value::from(label(choices, id)),
        (QuestionKind::SeveralOf(choices), Answer::Choices(ids)) => {
            Value::from(ids.iter().map(|id| label(choices, id)).collect::<Vec<_>>())
        }
        (QuestionKind::Date, Answer::Text(s)) => {
            Value::from(parse_iso(s).map_or_else(|| clean(s), |d| d.long_in(words.language())))
        }
        (_, Answer::Text(s)) => Value::from(mark(clean(s))),
        (_, Answer::Choices(ids)) => Value::from(ids.iter().map(|s| mark(clean(s))).collect::<Vec<_>>()),
    }
}

/// Removes characters that must not reach the document from user text,
/// and shows invisible direction controls as visible marks: "evil" behind
/// a right-to-left override would read "live" in the preview and the PDF.
pub fn clean(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|&c| {
            c != MISSING_START
                && c != MISSING_END
                && c != ANSWER_START
                && c != ANSWER_STOP
                && (!c.is_control() || c == '\n' || c == '\t')
        })
        .collect();
    crate::policy::diag::text::show_bidi(&kept)
}

/// Splits rendered text at the markers of unanswered questions, once each
/// answer is fitted to its sentence and the text is in the organization's
/// `words`; the term that stands for an unanswered question is in its
/// English too.
pub(crate) fn runs(q: &Questionnaire, rendered: &str, words: Words<'_>) -> Text {
    let settled = settle(rendered, words);
    let mut out = Vec::new();
    let mut rest: &str = &settled;
    while let Some(start) = rest.find(MISSING_START) {
        if start > 0 {
            out.push(Run::Plain(rest[..start].to_owned()));
        }
        let after = &rest[start + MISSING_START.len_utf8()..];
        let Some(end) = after.find(MISSING_END) else {
            rest = after;
            break;
        };
        let id = QuestionId(after[..end].to_owned());
        let label = q.question(&id).map_or_else(
            || id.to_string(),
            |q| words.respell(q.term.as_deref().unwrap_or(&q.label)).into_owned(),
        );
        out.push(Run::Missing { question: id, label });
        rest = &after[end + MISSING_END.len_utf8()..];
    }
    if !rest.is_empty() {
        out.push(Run::Plain(rest.to_owned()));
    }
    Text(out)
}

/// The one text of a template made whole (not split into paragraphs).
fn first(texts: Vec<Text>) -> Text {
    texts.into_iter().next().unwrap_or_default()
}

/// Splits text into paragraphs at blank lines, tidying each.
fn paragraphs(text: Text) -> Vec<Text> {
    let mut paras = vec![Vec::new()];
    for run in text.0 {
        match run {
            Run::Plain(s) => {
                let mut parts = s.split("\n\n").peekable();
                while let Some(part) = parts.next() {
                    if let Some(last) = paras.last_mut() {
                        last.push(Run::Plain(part.to_owned()));
                    }
                    if parts.peek().is_some() {
                        paras.push(Vec::new());
                    }
                }
            }
            missing @ Run::Missing { .. } => {
                if let Some(last) = paras.last_mut() {
                    last.push(missing);
                }
            }
        }
    }
    paras
        .into_iter()
        .map(|runs| tidy(Text(runs)))
        .filter(|t| !t.0.is_empty())
        .collect()
}

/// Text whose first letter is a capital ("the Director" becomes "The
/// Director"); a placeholder is left as it is.
fn capitalized(mut text: Text) -> Text {
    if let Some(Run::Plain(s)) = text.0.first_mut() {
        *s = text::capitalize(s);
    }
    text
}

/// Collapses runs of whitespace into single spaces, trims the ends and
/// drops empty runs.
pub(crate) fn tidy(text: Text) -> Text {
    let mut out: Vec<Run> = Vec::new();
    let mut last_space = true;
    for run in text.0 {
        match run {
            Run::Plain(s) => {
                let mut t = String::with_capacity(s.len());
                for c in s.chars() {
                    // A no-break space is kept as it is: French
                    // typography put it there (see `typography`).
                    if typography::breaks_line(c) {
                        if !last_space {
                            t.push(' ');
                        }
                        last_space = true;
                    } else {
                        t.push(c);
                        last_space = false;
                    }
                }
                if !t.is_empty() {
                    out.push(Run::Plain(t));
                }
            }
            m @ Run::Missing { .. } => {
                out.push(m);
                last_space = false;
            }
        }
    }
    if let Some(Run::Plain(s)) = out.last_mut() {
        let trimmed = s.trim_end().to_owned();
        *s = trimmed;
        if s.is_empty() {
            out.pop();
        }
    }
    Text(out)
}
