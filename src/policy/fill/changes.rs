//! What a draft made on older clause packs would now read differently.
//!
//! A draft records the version of each pack it was made on. The library
//! says, for each version of a pack, which clauses that version changed. A
//! section of the draft's own policy reads differently now when it holds a
//! clause that a pack changed after the version the draft recorded: this
//! module finds those sections in the filled document, so that the
//! check-answers page can list them when the draft is opened.

use std::collections::BTreeMap;

use crate::policy::document::{Document, Section};
use crate::policy::model::ids::ClauseId;
use crate::policy::model::library::{ClauseLibrary, PackVersions};

/// A section of the policy that reads differently from when the draft was
/// made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedSection {
    /// Its number, such as "12" or "12.3".
    pub number: String,
    /// Its title.
    pub title: String,
    /// What changed in it, one summary for each pack version that changed
    /// one of its clauses, oldest first.
    pub changes: Vec<String>,
}

/// The sections of `document` (the draft's policy as the current library
/// fills it) holding a clause that a pack of `library` changed after the
/// version in `made_on`. A pack `made_on` does not name counts as made on
/// version 1: drafts from before packs were recorded were made on the first
/// version of each.
pub fn changed_sections(library: &ClauseLibrary, document: &Document, made_on: &PackVersions) -> Vec<ChangedSection> {
    // Each changed clause, with the summaries of the versions that changed it.
    let mut changed: BTreeMap<&ClauseId, Vec<&str>> = BTreeMap::new();
    for pack in &library.packs {
        let since = made_on.get(&pack.id).copied().unwrap_or(1);
        for change in pack.changes.iter().filter(|c| c.version > since) {
            for clause in &change.clauses {
                let summaries = changed.entry(clause).or_default();
                if !summaries.contains(&change.summary.as_str()) {
                    summaries.push(&change.summary);
                }
            }
        }
    }
    let mut out = Vec::new();
    if changed.is_empty() {
        return out;
    }
    for section in &document.sections {
        visit(section, &changed, &mut out);
    }
    out
}

/// Adds `section` when its own blocks hold a changed clause, then its
/// subsections, so that the list names the smallest part that changed.
fn visit(section: &Section, changed: &BTreeMap<&ClauseId, Vec<&str>>, out: &mut Vec<ChangedSection>) {
    let mut changes: Vec<String> = Vec::new();
    for block in &section.blocks {
        for summary in changed.get(&block.clause).into_iter().flatten() {
            if !changes.iter().any(|c| c == summary) {
                changes.push((*summary).to_owned());
            }
        }
    }
    if !changes.is_empty() {
        out.push(ChangedSection {
            number: section.number.clone(),
            title: section.title.clone(),
            changes,
        });
    }
    for sub in &section.subsections {
        visit(sub, changed, out);
    }
}
