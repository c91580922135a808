//! The filled policy: the one model that both the HTML preview and the PDF
//! render. Nothing downstream of this decides wording.

use serde::{Deserialize, Serialize};

use crate::policy::model::ids::{ClauseId, QuestionId, SectionId};

/// A filled policy document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The policy title.
    pub title: String,
    /// Who issues the policy (the organization).
    pub author: String,
    /// What the cover page says; empty for a document without a cover
    /// (such as the staff quick reference).
    #[serde(default, skip_serializing_if = "Cover::is_empty")]
    pub cover: Cover,
    /// Numbered top-level sections.
    pub sections: Vec<Section>,
    /// Clauses that could not be filled (they are left out).
    pub problems: Vec<FillProblem>,
    /// The language of its text, a BCP 47 tag (`en`, `fr-CA`): what the
    /// PDF's `/Lang`, the page's `lang` and the Word file's language say.
    /// Filling decides it ([`crate::policy::fill::language_tag`]); a
    /// document saved before languages existed reads as English.
    #[serde(default = "english", skip_serializing_if = "is_english")]
    pub language: String,
}

/// The tag of a document that names no language.
fn english() -> String {
    crate::policy::model::language::Language::English.tag().to_owned()
}

/// Whether `tag` is the tag a document gets when it names none, which is
/// then left out of its serialized form (and its snapshots).
fn is_english(tag: &String) -> bool {
    *tag == english()
}

/// A template that could not be filled, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FillProblem {
    /// The clause (or scenario) whose text it is; `None` for the title,
    /// author and cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<ClauseId>,
    /// What went wrong, for the user.
    pub message: String,
}

impl std::fmt::Display for FillProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.clause {
            Some(clause) => write!(f, "clause \"{clause}\": {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// The facts a cover page gives about the policy. Every field but
/// `approval` comes from the answers; an empty text is left off the cover.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Cover {
    /// The organization's legal name.
    pub organization: Text,
    /// The name staff use, for the running header.
    pub short_name: Text,
    /// The policy's version, such as "3.1".
    pub version: Text,
    /// When the policy takes effect, in long form.
    pub effective_date: Text,
    /// The role that owns the policy.
    pub owner: Text,
    /// One sentence on what the policy is for, under the title.
    pub purpose: Text,
    /// Whom to ask about the policy.
    pub contact: Text,
    /// When the policy is next reviewed, in long form; empty until the
    /// effective date and the review cycle are known.
    pub next_review: Text,
    /// Where the policy stands in its approval.
    pub approval: Approval,
    /// Who approved it and when, once someone has: "Sam Lee, HR business
    /// partner, 1 December 2026". Empty until then, when the cover leaves
    /// lines to sign on.
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub approved_by: Text,
}

impl Cover {
    /// Whether the cover has nothing to say (the document has no cover).
    pub fn is_empty(&self) -> bool {
        self.organization.is_empty()
            && self.short_name.is_empty()
            && self.version.is_empty()
            && self.effective_date.is_empty()
            && self.owner.is_empty()
            && self.purpose.is_empty()
            && self.contact.is_empty()
    }
}

/// Where a policy stands in its approval. Filling always gives
/// [`Approval::Draft`]; a review step may set another status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approval {
    /// Not yet approved.
    #[default]
    Draft,
    /// Sent for review and approval.
    InReview,
    /// Approved for use.
    Approved,
}

/// A numbered section or subsection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct Section {
    /// The policy section this came from.
    pub id: SectionId,
    /// `"3"` or `"3.2"`.
    pub number: String,
    /// Heading text.
    pub title: String,
    /// Blocks before any subsection.
    pub blocks: Vec<Block>,
    /// Subsections, in order.
    pub subsections: Vec<Section>,
}

/// A block of text and the clause it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct Block {
    /// The clause whose text this is.
    pub clause: ClauseId,
    /// The content.
    pub kind: BlockKind,
}

/// The kinds of block a policy is made of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A paragraph.
    Paragraph(Text),
    /// A bulleted list.
    Bullets(Vec<Text>),
    /// A numbered list.
    Numbered(Vec<Text>),
    /// Text set apart, such as the "not legal advice" notice.
    Notice(Text),
}

/// Inline text: plain runs and visible placeholders for unanswered questions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Hash)]
#[serde(transparent)]
pub struct Text(pub Vec<Run>);

/// A run of inline text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Run {
    /// Text to print as it is.
    Plain(String),
    /// Stands where an unanswered question's answer will go.
    Missing {
        /// The question to answer.
        question: QuestionId,
        /// What to show, such as "organization's legal name".
        label: String,
    },
}

impl Text {
    /// Text with a single plain run.
    pub fn plain(s: impl Into<String>) -> Self {
        Self(vec![Run::Plain(s.into())])
    }

    /// Whether the text has nothing to show.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|r| matches!(r, Run::Plain(s) if s.trim().is_empty()))
    }

    /// The text as a reader sees it, with placeholders as `[label]`.
    pub fn to_plain(&self) -> String {
        self.0
            .iter()
            .map(|r| match r {
                Run::Plain(s) => s.clone(),
                Run::Missing { label, .. } => format!("[{label}]"),
            })
            .collect()
    }
}

impl Document {
    /// Every section and subsection, depth first, in reading order.
    pub fn all_sections(&self) -> Vec<&Section> {
        fn walk<'a>(s: &'a Section, out: &mut Vec<&'a Section>) {
            out.push(s);
            for sub in &s.subsections {
                walk(sub, out);
            }
        }
        let mut out = Vec::new();
        for s in &self.sections {
            walk(s, &mut out);
        }
        out
    }

    /// The whole document as plain text, for tests and readability checks.
    pub fn to_plain(&self) -> String {
        let mut out = format!("{}\n", self.title);
        for s in self.all_sections() {
            out.push('\n');
            s.push_plain(&mut out);
        }
        out
    }
}

impl Section {
    /// The section with its subsections as plain text, as a reader sees
    /// it: each heading with its number, then its paragraphs and list items.
    pub fn to_plain(&self) -> String {
        fn walk(s: &Section, out: &mut String) {
            s.push_plain(out);
            for sub in &s.subsections {
                walk(sub, out);
            }
        }
        let mut out = String::new();
        walk(self, &mut out);
        out
    }

    /// Adds this section's heading and blocks (not its subsections) to `out`.
    fn push_plain(&self, out: &mut String) {
        out.push_str(&format!("{} {}\n", self.number, self.title));
        for b in &self.blocks {
            match &b.kind {
                BlockKind::Paragraph(t) | BlockKind::Notice(t) => out.push_str(&format!("{}\n", t.to_plain())),
                BlockKind::Bullets(items) | BlockKind::Numbered(items) => {
                    for t in items {
                        out.push_str(&format!("- {}\n", t.to_plain()));
                    }
                }
            }
        }
    }
}

impl Document {
    /// The PDF's file name: the organization's name and `today`
    /// (`YYYY-MM-DD`), as ASCII that every file system accepts, e.g.
    /// `lakeside-community-hospital-social-media-policy-2026-11-25.pdf`.
    pub fn file_name(&self, today: &str) -> String {
        self.file_name_as("social-media-policy", today)
    }

    /// The file name of this document as `what` (ASCII, such as
    /// `staff-quick-reference`): the organization, `what` and `today`.
    pub fn file_name_as(&self, what: &str, today: &str) -> String {
        let mut slug = String::new();
        for c in self.author.chars().flat_map(fold_accent) {
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
            if slug.len() >= 60 {
                break;
            }
        }
        let slug = slug.trim_matches('-');
        let today: String = today.chars().filter(|c| c.is_ascii_digit() || *c == '-').collect();
        if slug.is_empty() || self.author.starts_with('[') {
            format!("{what}-{today}.pdf")
        } else {
            format!("{slug}-{what}-{today}.pdf")
        }
    }
}

/// Latin letters with accents as their base letter, so "Québec" names a
/// file "quebec" rather than "qu-bec".
fn fold_accent(c: char) -> impl Iterator<Item = char> {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        other => other,
    };
    std::iter::once(base)
}

/// How much of a document still stands in for unanswered questions, so
/// that an export can ask before it prints placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Placeholders {
    /// Placeholders printed, counting each time one appears.
    pub count: usize,
    /// Different questions they stand for.
    pub questions: usize,
    /// Numbered top-level sections that show at least one.
    pub sections: usize,
    /// Whether the cover shows one.
    pub on_cover: bool,
}

impl Document {
    /// The placeholders this document would print.
    pub fn placeholders(&self) -> Placeholders {
        fn runs<'a>(t: &'a Text, out: &mut Vec<&'a QuestionId>) {
            for r in &t.0 {
                if let Run::Missing { question, .. } = r {
                    out.push(question);
                }
            }
        }
        fn walk<'a>(s: &'a Section, out: &mut Vec<&'a QuestionId>) {
            for b in &s.blocks {
                match &b.kind {
                    BlockKind::Paragraph(t) | BlockKind::Notice(t) => runs(t, out),
                    BlockKind::Bullets(items) | BlockKind::Numbered(items) => items.iter().for_each(|t| runs(t, out)),
                }
            }
            for sub in &s.subsections {
                walk(sub, out);
            }
        }
        let mut all = Vec::new();
        let c = &self.cover;
        for t in [&c.organization, &c.short_name, &c.version, &c.effective_date, &c.owner] {
            runs(t, &mut all);
        }
        let on_cover = !all.is_empty();
        let mut sections = 0;
        for s in &self.sections {
            let before = all.len();
            walk(s, &mut all);
            if all.len() > before {
                sections += 1;
            }
        }
        let count = all.len();
        all.sort();
        all.dedup();
        Placeholders {
            count,
            questions: all.len(),
            sections,
            on_cover,
        }
    }
}

/// What is being laid out; it decides the furniture around the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// The policy: cover, contents, running header, footer with the version.
    #[default]
    Policy,
    /// The one-page staff quick reference: no cover and no contents.
    QuickReference,
    /// A short note beside the policy (the cover note for approvers):
    /// laid out as the quick reference is.
    Note,
}

impl DocumentKind {
    /// The kind a document asks for: a policy when it has a cover.
    pub fn of(doc: &Document) -> Self {
        if doc.cover.is_empty() {
            DocumentKind::QuickReference
        } else {
            DocumentKind::Policy
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(author: &str) -> Document {
        Document {
            language: "en".to_owned(),
            title: String::new(),
            author: author.to_owned(),
            cover: Cover::default(),
            sections: vec![],
            problems: vec![],
        }
    }

    #[test]
    fn file_names_are_built_from_the_organization_and_the_date() {
        assert_eq!(
            doc("Lakeside Community Hospital").file_name("2026-11-25"),
            "lakeside-community-hospital-social-media-policy-2026-11-25.pdf"
        );
        assert_eq!(
            doc("Centre d'hébergement Saint-Éloi").file_name("2026-01-02"),
            "centre-d-hebergement-saint-eloi-social-media-policy-2026-01-02.pdf"
        );
    }

    #[test]
    fn a_document_saved_before_the_cover_existed_still_reads() {
        let json = r#"{"title":"T","author":"A","sections":[],"problems":[]}"#;
        let doc: Document = serde_json::from_str(json).expect("old JSON reads");
        assert!(doc.cover.is_empty());
        assert_eq!(doc.cover.approval, Approval::Draft);
        // An empty cover is left out of the JSON, so documents without one
        // (the quick reference) keep their old form.
        assert_eq!(serde_json::to_string(&doc).expect("json"), json);
    }

    #[test]
    fn hostile_or_missing_names_still_give_a_safe_file_name() {
        assert_eq!(
            doc("../../etc/<passwd>").file_name("2026-11-25"),
            "etc-passwd-social-media-policy-2026-11-25.pdf"
        );
        assert_eq!(
            doc("[organization's legal name]").file_name("2026-11-25"),
            "social-media-policy-2026-11-25.pdf"
        );
        assert_eq!(doc("").file_name("2026-11-25"), "social-media-policy-2026-11-25.pdf");
    }

    #[test]
    fn placeholders_are_counted_by_section_and_question_and_asked_about() {
        let missing = |q: &str| Run::Missing {
            question: QuestionId(q.to_owned()),
            label: q.to_owned(),
        };
        let section = |n: &str, runs: Vec<Run>| Section {
            id: SectionId(n.to_owned()),
            number: n.to_owned(),
            title: n.to_owned(),
            blocks: vec![Block {
                clause: ClauseId(format!("c{n}")),
                kind: BlockKind::Bullets(vec![Text(runs)]),
            }],
            subsections: Vec::new(),
        };
        let mut d = doc("Org");
        assert_eq!(d.placeholders(), Placeholders::default());
        assert_eq!(d.placeholders().count, 0);
        d.sections = vec![
            section("1", vec![missing("a"), Run::Plain("x".into()), missing("b")]),
            section("2", vec![Run::Plain("all answered".into())]),
            section("3", vec![missing("a")]),
        ];
        d.cover.owner = Text(vec![missing("owner")]);
        let found = d.placeholders();
        assert_eq!(
            found,
            Placeholders {
                count: 4,
                questions: 3,
                sections: 2,
                on_cover: true
            }
        );
    }
}
