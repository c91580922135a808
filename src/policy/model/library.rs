//! The clause library: policy sections made of clauses, each with a
//! condition on the answers, its sources, and text that interpolates
//! answers through upon templates (see `template.rs`).
//!
//! Loading checks every condition against the questionnaire and every
//! template variable against its question ids, so filling never meets an
//! unknown name.
//!
//! Clauses belong to packs: the general clauses, and one pack per
//! jurisdiction. Each pack carries a version, the date its legal content was
//! last checked, and what changed in each version, so that a draft made on an
//! older version can say which of its sections now read differently (see
//! [`crate::policy::fill::changes`]).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::policy::diag::{Diagnostics, ParseOptions, Problem, SourceFile, YamlPath};
use crate::policy::model::condition::{Condition, RawCondition};
use crate::policy::model::dates::{parse_iso, Date};
use crate::policy::model::ids::{check_id, is_valid_id, ClauseId, IdShape, SectionId};
use crate::policy::model::language::Language;
use crate::policy::model::questionnaire::Questionnaire;
use crate::policy::model::template::{TemplateId, Templates};

/// The version of the clause-library format this build reads.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a clause library: a mapping with `version`, `title`, `author` and `sections`"
)]
struct RawLibrary {
    version: u32,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    cover: Option<RawCover>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    packs: Vec<RawPack>,
    #[serde(default)]
    sections: Vec<RawSection>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a clause pack: a mapping with `id`, `title`, `version`, `as_of` and perhaps `changes`"
)]
struct RawPack {
    id: String,
    title: String,
    version: u32,
    as_of: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    changes: Vec<RawChange>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a change of a clause pack: a mapping with `version`, `summary` and perhaps `clauses`"
)]
struct RawChange {
    version: u32,
    summary: String,
    #[serde(default)]
    clauses: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "the cover: a mapping with `organization`, `short_name`, `version`, `effective_date` and `owner`"
)]
struct RawCover {
    organization: String,
    short_name: String,
    version: String,
    effective_date: String,
    owner: String,
    /// Optional, so that clause libraries written before the cover had a
    /// purpose line and a contact still load.
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    contact: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a section: a mapping with `id`, `title`, `clauses` and perhaps `when`"
)]
struct RawSection {
    id: String,
    title: String,
    #[serde(default)]
    when: Option<RawCondition>,
    clauses: Vec<RawClause>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a clause: a mapping with `id`, `sources` and one of `text`, `bullets`, `numbered` or `notice`"
)]
struct RawClause {
    id: String,
    #[serde(default)]
    when: Option<RawCondition>,
    #[serde(default)]
    heading: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pack: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    bullets: Option<Vec<RawItem>>,
    #[serde(default)]
    numbered: Option<Vec<RawItem>>,
    #[serde(default)]
    notice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pack_list: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
enum RawItem {
    Text(String),
    Conditional(RawConditionalItem),
}

/// A list item is a text, or a map with its text and condition: read by
/// its form without buffering it (as an untagged enum would).
impl<'de> Deserialize<'de> for RawItem {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Form;
        impl<'de> serde::de::Visitor<'de> for Form {
            type Value = RawItem;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list item: a text, or a map with `text` and `when`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawItem, E> {
                Ok(RawItem::Text(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<RawItem, E> {
                Ok(RawItem::Text(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawItem, A::Error> {
                RawConditionalItem::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(RawItem::Conditional)
            }
        }
        deserializer.deserialize_any(Form)
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a list item with a condition: a mapping with `text` and `when`"
)]
struct RawConditionalItem {
    text: String,
    when: RawCondition,
}

/// A checked clause library.
#[derive(Debug)]
pub struct ClauseLibrary {
    /// Template of the policy title.
    pub title: TemplateId,
    /// Template of the issuing organization's name.
    pub author: TemplateId,
    /// Templates of the cover page's facts, when the document has a cover.
    pub cover: Option<CoverTemplates>,
    /// The clause packs, in the order declared; empty for a library that
    /// does not version its clauses.
    pub packs: Vec<Pack>,
    /// Policy sections, in order.
    pub sections: Vec<PolicySection>,
    /// The compiled templates the clauses refer to.
    pub templates: Templates,
    /// The language its text is written in, which filling gives the
    /// document: English unless it was loaded with a translation.
    pub language: Language,
}

/// The id of the pack that holds every clause that names no pack.
pub const GENERAL_PACK: &str = "general";

/// The variables a `pack_list` line may read.
pub const PACK_LINE_VARIABLES: [&str; 3] = ["pack", "version", "checked"];

/// A set of clauses versioned together: the general clauses, or the
/// clauses of one jurisdiction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pack {
    /// Stable id, recorded in drafts.
    pub id: String,
    /// What the policy calls it ("Quebec law").
    pub title: String,
    /// Its version, from 1; raised whenever its text changes.
    pub version: u32,
    /// When its legal content was last checked against its sources.
    pub as_of: Date,
    /// What changed in each version after the first, oldest first.
    pub changes: Vec<PackChange>,
}

/// What one version of a pack changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackChange {
    /// The version that made the change.
    pub version: u32,
    /// What changed, in a sentence for the people who approve the policy.
    pub summary: String,
    /// The clauses whose text changed or that were added.
    pub clauses: Vec<ClauseId>,
}

/// The version of each pack, by pack id: what a draft records of the
/// library it was made on.
pub type PackVersions = BTreeMap<String, u32>;

/// The templates of a cover page's facts (see [`crate::policy::document::Cover`]).
#[derive(Debug, Clone, Copy)]
pub struct CoverTemplates {
    /// The organization's legal name.
    pub organization: TemplateId,
    /// The name staff use.
    pub short_name: TemplateId,
    /// The policy's version.
    pub version: TemplateId,
    /// When the policy takes effect.
    pub effective_date: TemplateId,
    /// The role that owns the policy.
    pub owner: TemplateId,
    /// One sentence on what the policy is for.
    pub purpose: TemplateId,
    /// Whom to ask about the policy.
    pub contact: TemplateId,
}

/// A policy section.
#[derive(Debug)]
pub struct PolicySection {
    /// Stable id.
    pub id: SectionId,
    /// Heading.
    pub title: String,
    /// When the section appears at all.
    pub when: Option<Condition>,
    /// Its clauses, in order.
    pub clauses: Vec<Clause>,
}

/// A clause: a unit of policy text with a condition and its sources.
#[derive(Debug)]
pub struct Clause {
    /// Stable id, cited by scenarios and reviews.
    pub id: ClauseId,
    /// When the clause is included.
    pub when: Option<Condition>,
    /// Starts a numbered subsection with this heading.
    pub heading: Option<String>,
    /// Where its substance comes from, by name.
    pub sources: Vec<String>,
    /// The pack it belongs to: the one it names, else [`GENERAL_PACK`]
    /// when the library declares packs, else none.
    pub pack: Option<String>,
    /// The text.
    pub body: ClauseBody,
}

/// The text of a clause.
#[derive(Debug)]
pub enum ClauseBody {
    /// One or more paragraphs (separated by blank lines in the template).
    Text(TemplateId),
    /// A bulleted list.
    Bullets(Vec<Item>),
    /// A numbered list.
    Numbered(Vec<Item>),
    /// A notice set apart from the text.
    Notice(TemplateId),
    /// A bulleted list with one line for each pack the policy uses, made
    /// from this template (which reads `pack`, `version` and `checked`).
    PackList(TemplateId),
}

/// A list item, possibly conditional.
#[derive(Debug)]
pub struct Item {
    /// Its text.
    pub text: TemplateId,
    /// When it is included.
    pub when: Option<Condition>,
}

impl ClauseLibrary {
    /// Parses and checks a YAML clause-library file named `file` against `questionnaire`.
    #[cfg(feature = "yaml")]
    pub fn load(file: &str, text: &str, questionnaire: &Questionnaire) -> Result<Self, Diagnostics> {
        Self::load_files(&[(file, text)], questionnaire)
    }

    /// Parses and checks a library split over several YAML files, given as
    /// (name, text) in document order (see [`Self::from_sources`]).
    #[cfg(feature = "yaml")]
    pub fn load_files(files: &[(&str, &str)], questionnaire: &Questionnaire) -> Result<Self, Diagnostics> {
        let sources: Vec<SourceFile<'_>> = files.iter().map(|(name, text)| SourceFile::yaml(name, text)).collect();
        Self::from_sources(&sources, questionnaire)
    }

    /// Parses and checks a library split over several files, in document
    /// order. Exactly one file (the first) gives the `title` and `author`,
    /// and may give a `cover`; every file may add sections. Ids must be
    /// unique across all files.
    pub fn from_sources(files: &[SourceFile<'_>], questionnaire: &Questionnaire) -> Result<Self, Diagnostics> {
        let mut state = State {
            templates: Templates::new(questionnaire),
            section_ids: BTreeSet::new(),
            clause_ids: BTreeSet::new(),
        };
        let mut diagnostics = Vec::new();
        let mut title = None;
        let mut author = None;
        let mut cover = None;
        let mut sections = Vec::new();
        let mut packs: Vec<Pack> = Vec::new();
        // Every pack id declared, usable or not, so that a pack with a
        // problem of its own is not also reported as unknown where it is used.
        let mut declared: BTreeSet<String> = BTreeSet::new();
        // Names of packs and clauses can be declared in a later file than
        // the one that refers to them, so those references are checked once
        // every file is read: (file, where, what is named, what it must be).
        let mut references: Vec<(usize, YamlPath, String, Reference)> = Vec::new();
        let mut late: Vec<Vec<Problem>> = files.iter().map(|_| Vec::new()).collect();
        for (i, source) in files.iter().enumerate() {
            let raw: RawLibrary = match source.parse_with(&ParseOptions {
                version: Some((FORMAT_VERSION, "clause library")),
                free_maps: Vec::new(),
            }) {
                Ok(raw) => raw,
                Err(d) => {
                    diagnostics.extend(d.0);
                    continue;
                }
            };
            let mut problems = Vec::new();
            let root = YamlPath::root();
            let first = i == 0;
            for (key, given, slot) in [("title", &raw.title, &mut title), ("author", &raw.author, &mut author)] {
                match (given, first) {
                    (Some(t), true) => *slot = Some(state.templates.add(t, &root.key(key), &mut problems)),
                    (None, true) => problems.push(Problem::new(
                        root.clone(),
                        format!("the first clause-library file must give the policy's {key}"),
                    )),
                    (Some(_), false) => problems.push(Problem::new(
                        root.key(key),
                        format!("only the first clause-library file gives the policy's {key}"),
                    )),
                    (None, false) => {}
                }
            }
            if let Some(raw_cover) = &raw.cover {
                if first {
                    let path = root.key("cover");
                    let mut add = |key: &str, text: &str| state.templates.add(text, &path.key(key), &mut problems);
                    cover = Some(CoverTemplates {
                        organization: add("organization", &raw_cover.organization),
                        short_name: add("short_name", &raw_cover.short_name),
                        version: add("version", &raw_cover.version),
                        effective_date: add("effective_date", &raw_cover.effective_date),
                        owner: add("owner", &raw_cover.owner),
                        purpose: add("purpose", &raw_cover.purpose),
                        contact: add("contact", &raw_cover.contact),
                    });
                } else {
                    problems.push(Problem::new(
                        root.key("cover"),
                        "only the first clause-library file gives the policy's cover",
                    ));
                }
            }
            for (pi, rp) in raw.packs.iter().enumerate() {
                let path = root.key("packs").index(pi);
                let twice = !declared.insert(rp.id.clone());
                if let Some(pack) = check_pack(rp, &path, twice, &mut problems) {
                    for (ci, change) in rp.changes.iter().enumerate() {
                        for (k, clause) in change.clauses.iter().enumerate() {
                            let at = path.key("changes").index(ci).key("clauses").index(k);
                            references.push((i, at, clause.clone(), Reference::Clause(rp.id.clone())));
                        }
                    }
                    packs.push(pack);
                }
            }
            let file_sections = check(raw, questionnaire, &mut state, &mut problems);
            for (si, section) in file_sections.iter().enumerate() {
                for (ci, clause) in section.clauses.iter().enumerate() {
                    if let Some(pack) = &clause.pack {
                        let at = root.key("sections").index(si).key("clauses").index(ci).key("pack");
                        references.push((i, at, pack.clone(), Reference::Pack));
                    }
                }
            }
            sections.extend(file_sections);
            diagnostics.extend(source.locate(problems).0);
        }
        if !declared.is_empty() {
            for clause in sections.iter_mut().flat_map(|s| s.clauses.iter_mut()) {
                clause.pack.get_or_insert_with(|| GENERAL_PACK.to_owned());
            }
        }
        let pack_of: BTreeMap<&str, Option<&str>> = sections
            .iter()
            .flat_map(|s| s.clauses.iter())
            .map(|c| (c.id.as_str(), c.pack.as_deref()))
            .collect();
        for (file, path, name, kind) in &references {
            let problem = match kind {
                Reference::Pack if !declared.contains(name) => Some(format!("\"{name}\" is not a pack declared under `packs`")),
                Reference::Pack => None,
                Reference::Clause(pack) => match pack_of.get(name.as_str()) {
                    None => Some(format!("\"{name}\" is not a clause of this library")),
                    // A version of a pack changes only the pack's own clauses, so
                    // that a draft compares each clause with the right version.
                    // (A clause in an undeclared pack is reported as that.)
                    Some(of) if *of != Some(pack.as_str()) && of.is_none_or(|o| declared.contains(o)) => Some(format!(
                        "clause \"{name}\" is in pack \"{}\", not \"{pack}\": list it under the changes of its own pack",
                        of.unwrap_or(GENERAL_PACK)
                    )),
                    Some(_) => None,
                },
            };
            if let Some(message) = problem {
                late[*file].push(Problem::new(path.clone(), message));
            }
        }
        if !declared.is_empty() && !declared.contains(GENERAL_PACK) {
            late[0].push(Problem::new(
                YamlPath::root(),
                format!("a library with packs must declare the \"{GENERAL_PACK}\" pack, which holds the clauses that name none"),
            ));
        }
        for (source, problems) in files.iter().zip(late) {
            if !problems.is_empty() {
                diagnostics.extend(source.locate(problems).0);
            }
        }
        match (title, author) {
            (Some(title), Some(author)) if diagnostics.is_empty() => Ok(ClauseLibrary {
                title,
                author,
                cover,
                packs,
                sections,
                templates: state.templates,
                language: Language::English,
            }),
            _ => Err(Diagnostics(diagnostics)),
        }
    }

    /// The version of each pack: what a new draft records.
    pub fn pack_versions(&self) -> PackVersions {
        self.packs.iter().map(|p| (p.id.clone(), p.version)).collect()
    }

    /// The pack with this id.
    pub fn pack(&self, id: &str) -> Option<&Pack> {
        self.packs.iter().find(|p| p.id == id)
    }

    /// Checks an imported YAML library named `file` and gives its raw form
    /// as JSON: what the page, which has no YAML parser, keeps and checks
    /// again with [`Self::from_sources`] and [`SourceFile::json`]. Problems
    /// are located in the YAML.
    #[cfg(feature = "yaml")]
    pub fn yaml_to_json(file: &str, text: &str, questionnaire: &Questionnaire) -> Result<String, Diagnostics> {
        let source = SourceFile::yaml(file, text);
        let at_root = |message: &str| crate::policy::diag::Diagnostic {
            file: file.to_owned(),
            line: 1,
            column: 1,
            message: message.to_owned(),
            kind: None,
        };
        let value = source.yaml_value()?;
        if !value.is_mapping() {
            return Err(Diagnostics(vec![at_root(
                "this is not a clause library: a clause library is a mapping with `version`, `title`, `author` and `sections`",
            )]));
        }
        // Text that shows in another order than it is stored is refused.
        let hidden = crate::policy::diag::text::bidi_problems(file, text);
        let loaded = Self::load(file, text, questionnaire);
        if !hidden.is_empty() {
            let mut all = loaded.err().map(|d| d.0).unwrap_or_default();
            all.extend(hidden);
            all.sort_by_key(|d| (d.line, d.column));
            all.dedup();
            return Err(Diagnostics(all));
        }
        loaded?;
        let raw: RawLibrary = source.parse()?;
        let json = serde_json::to_string(&raw).map_err(|e| {
            Diagnostics(vec![crate::policy::diag::Diagnostic {
                file: file.to_owned(),
                line: 1,
                column: 1,
                message: format!("the clauses could not be converted ({e})"),
                kind: None,
            }])
        })?;
        // The page checks the JSON again; make sure it will pass there.
        Self::from_sources(&[SourceFile::json(file, &json)], questionnaire)?;
        Ok(json)
    }

    /// Every clause, in order.
    pub fn clauses(&self) -> impl Iterator<Item = &Clause> {
        self.sections.iter().flat_map(|s| s.clauses.iter())
    }
}

/// What a name that is checked after every file is read must name: a
/// declared pack, or a clause of the pack (by id) whose change lists it.
enum Reference {
    Pack,
    Clause(String),
}

/// Checks one declared pack; `None` when it cannot be used at all.
fn check_pack(rp: &RawPack, path: &YamlPath, twice: bool, problems: &mut Vec<Problem>) -> Option<Pack> {
    let mut ok = true;
    if !is_valid_id(&rp.id, IdShape::Plain) {
        check_id(&rp.id, IdShape::Plain, &path.key("id"), "pack", problems);
        ok = false;
    }
    if twice {
        problems.push(Problem::new(
            path.key("id"),
            format!("pack id \"{}\" is used twice", rp.id),
        ));
        ok = false;
    }
    if rp.title.trim().is_empty() {
        problems.push(Problem::new(path.key("title"), "a pack needs a title"));
    }
    if rp.version == 0 {
        problems.push(Problem::new(path.key("version"), "a pack's version starts at 1"));
        ok = false;
    }
    let as_of = parse_iso(&rp.as_of);
    if as_of.is_none() {
        problems.push(Problem::new(
            path.key("as_of"),
            format!("\"{}\" is not a date written as YYYY-MM-DD", rp.as_of),
        ));
    }
    // Every version after the first says what it changed, in order, so that
    // the changes since any older version can be listed.
    let mut expected = 2;
    for (ci, change) in rp.changes.iter().enumerate() {
        let cpath = path.key("changes").index(ci);
        if change.version != expected || change.version > rp.version {
            problems.push(Problem::new(
                cpath.key("version"),
                format!(
                    "expected the change made by version {expected} here (changes run from version 2 to the pack's version, {}, in order)",
                    rp.version
                ),
            ));
            ok = false;
        }
        if change.summary.trim().is_empty() {
            problems.push(Problem::new(cpath.key("summary"), "a change needs a summary"));
        }
        expected = change.version.saturating_add(1);
    }
    if ok && expected <= rp.version {
        let which = if expected == rp.version {
            format!("version {expected} of pack \"{}\" needs", rp.id)
        } else {
            format!("versions {expected} to {} of pack \"{}\" need", rp.version, rp.id)
        };
        problems.push(Problem::new(
            path.key("changes"),
            format!("{which} a `changes` entry that says what changed"),
        ));
        ok = false;
    }
    let as_of = as_of?;
    ok.then(|| Pack {
        id: rp.id.clone(),
        title: rp.title.clone(),
        version: rp.version,
        as_of,
        changes: rp
            .changes
            .iter()
            .map(|c| PackChange {
                version: c.version,
                summary: c.summary.trim().to_owned(),
                clauses: c.clauses.iter().cloned().map(ClauseId).collect(),
            })
            .collect(),
    })
}

/// What must be unique or shared across the files of one library.
struct State {
    templates: Templates,
    section_ids: BTreeSet<String>,
    clause_ids: BTreeSet<String>,
}

fn check(raw: RawLibrary, q: &Questionnaire, state: &mut State, problems: &mut Vec<Problem>) -> Vec<PolicySection> {
    let root = YamlPath::root();
    if raw.version != FORMAT_VERSION {
        problems.push(Problem::new(
            root.key("version"),
            format!(
                "this build reads clause-library format version {FORMAT_VERSION}, not {}",
                raw.version
            ),
        ));
    }
    let State {
        templates,
        section_ids,
        clause_ids,
    } = state;
    let mut sections = Vec::new();
    for (si, rs) in raw.sections.into_iter().enumerate() {
        let spath = root.key("sections").index(si);
        check_id(&rs.id, IdShape::Plain, &spath.key("id"), "section", problems);
        if !section_ids.insert(rs.id.clone()) {
            problems.push(Problem::new(
                spath.key("id"),
                format!("section id \"{}\" is used twice", rs.id),
            ));
        }
        let when = rs
            .when
            .as_ref()
            .map(|c| q.check_condition(c, &spath.key("when"), problems));
        let mut clauses = Vec::new();
        for (ci, rc) in rs.clauses.into_iter().enumerate() {
            let cpath = spath.key("clauses").index(ci);
            check_id(&rc.id, IdShape::Dotted, &cpath.key("id"), "clause", problems);
            if !clause_ids.insert(rc.id.clone()) {
                problems.push(Problem::new(
                    cpath.key("id"),
                    format!("clause id \"{}\" is used twice", rc.id),
                ));
            }
            let when = rc
                .when
                .as_ref()
                .map(|c| q.check_condition(c, &cpath.key("when"), problems));
            let body = clause_body(&rc, &cpath, q, templates, problems);
            clauses.push(Clause {
                id: ClauseId(rc.id),
                when,
                heading: rc.heading,
                sources: rc.sources,
                pack: rc.pack,
                body,
            });
        }
        sections.push(PolicySection {
            id: SectionId(rs.id),
            title: rs.title,
            when,
            clauses,
        });
    }
    sections
}

fn clause_body(
    rc: &RawClause,
    path: &YamlPath,
    q: &Questionnaire,
    templates: &mut Templates,
    problems: &mut Vec<Problem>,
) -> ClauseBody {
    let given = [
        rc.text.is_some(),
        rc.bullets.is_some(),
        rc.numbered.is_some(),
        rc.notice.is_some(),
        rc.pack_list.is_some(),
    ];
    if given.iter().filter(|g| **g).count() != 1 {
        problems.push(Problem::new(
            path.clone(),
            format!(
                "clause \"{}\" needs exactly one of text, bullets, numbered, notice or pack_list",
                rc.id
            ),
        ));
    }
    let mut items = |list: &[RawItem], key: &str| -> Vec<Item> {
        list.iter()
            .enumerate()
            .map(|(i, item)| {
                let ipath = path.key(key).index(i);
                match item {
                    RawItem::Text(t) => Item {
                        text: templates.add(t, &ipath, problems),
                        when: None,
                    },
                    RawItem::Conditional(c) => Item {
                        text: templates.add(&c.text, &ipath.key("text"), problems),
                        when: Some(q.check_condition(&c.when, &ipath.key("when"), problems)),
                    },
                }
            })
            .collect()
    };
    if let Some(list) = &rc.bullets {
        ClauseBody::Bullets(items(list, "bullets"))
    } else if let Some(list) = &rc.numbered {
        ClauseBody::Numbered(items(list, "numbered"))
    } else if let Some(t) = &rc.notice {
        ClauseBody::Notice(templates.add(t, &path.key("notice"), problems))
    } else if let Some(t) = &rc.pack_list {
        ClauseBody::PackList(templates.add_fixed(t, &path.key("pack_list"), problems, &PACK_LINE_VARIABLES))
    } else {
        let t = rc.text.as_deref().unwrap_or_default();
        ClauseBody::Text(templates.add(t, &path.key("text"), problems))
    }
}

#[cfg(all(test, feature = "yaml"))]
mod tests {
    use super::*;
    use crate::policy::fill::fill;
    use crate::policy::model::answers::{Answer, Answers};

    const QUESTIONS: &str = "\
version: 1
title: Test
sections:
  - id: org
    title: Organization
    questions:
      - id: name
        label: Name
        type: text
      - id: owner
        label: Owner
        type: text
";

    const FIRST: &str = "\
version: 1
title: \"{{ name }} policy\"
author: \"{{ name }}\"
cover:
  organization: \"{{ name }}\"
  short_name: \"{{ name }}\"
  version: \"\"
  effective_date: \"{{ owner }}\"
  owner: \"{{ owner }}\"
sections: []
";

    fn questionnaire() -> Questionnaire {
        Questionnaire::load("q.yaml", QUESTIONS).expect("the questionnaire loads")
    }

    #[test]
    fn the_cover_is_filled_from_the_answers_and_starts_as_a_draft() {
        let q = questionnaire();
        let lib = ClauseLibrary::load("a.yaml", FIRST, &q).expect("the library loads");
        let mut answers = Answers::default();
        answers.set("name".into(), Answer::Text("Lakeside".into()));
        answers.set("owner".into(), Answer::Text("the Director".into()));
        let doc = fill(&q, &lib, &answers);
        assert_eq!(doc.cover.organization.to_plain(), "Lakeside");
        assert_eq!(
            doc.cover.owner.to_plain(),
            "The Director",
            "an entry starts with a capital"
        );
        assert!(doc.cover.version.is_empty());
        assert_eq!(doc.cover.approval, crate::policy::document::Approval::Draft);
        let unanswered = fill(&q, &lib, &Answers::default());
        assert_eq!(
            unanswered.cover.owner.to_plain(),
            "[Owner]",
            "an unanswered entry is a placeholder"
        );
    }

    #[test]
    fn only_the_first_file_may_give_the_cover_and_its_templates_are_checked() {
        let q = questionnaire();
        let second =
            "version: 1\ncover:\n  organization: x\n  short_name: x\n  version: x\n  effective_date: x\n  owner: x\n";
        let err = ClauseLibrary::load_files(&[("a.yaml", FIRST), ("b.yaml", second)], &q).expect_err("rejected");
        assert_eq!(err.0.len(), 1, "{err}");
        let message = err.0[0].to_string();
        assert!(message.starts_with("b.yaml:3:3:"), "{message}");
        assert!(
            message.contains("only the first clause-library file gives the policy's cover"),
            "{message}"
        );
        let unknown = FIRST.replace("{{ owner }}\"\nsections", "{{ nobody }}\"\nsections");
        let err = ClauseLibrary::load("a.yaml", &unknown, &q).expect_err("rejected");
        assert!(
            err.to_string().contains("\"nobody\", which is not a question id"),
            "{err}"
        );
        let missing = FIRST.replace("  version: \"\"\n", "");
        assert!(
            ClauseLibrary::load("a.yaml", &missing, &q).is_err(),
            "every cover entry is required"
        );
    }
}
