//! How current the legal content is: every pack has a version, a date and a
//! changelog entry for each version; the appendix names the packs a policy
//! uses; and a draft made on an older version lists exactly the sections of
//! its own policy that now read differently.

use policy_builder::policy::document::{BlockKind, Document};
use policy_builder::policy::files::draft::StoredDraft;
use policy_builder::policy::fill::changes::{changed_sections, ChangedSection};
use policy_builder::policy::fill::fill;
use policy_builder::policy::model::library::{ClauseLibrary, PackVersions, GENERAL_PACK};

mod common;
use common::{policy, samples};

/// The number of the section or subsection whose own blocks hold `clause`.
fn section_of(doc: &Document, clause: &str) -> Option<String> {
    doc.all_sections()
        .into_iter()
        .find(|s| s.blocks.iter().any(|b| b.clause.as_str() == clause))
        .map(|s| s.number.clone())
}

fn summaries_of<'a>(changed: &'a [ChangedSection], number: &str) -> Vec<&'a str> {
    changed
        .iter()
        .filter(|c| c.number == number)
        .flat_map(|c| c.changes.iter().map(String::as_str))
        .collect()
}

fn summary(lib: &ClauseLibrary, pack: &str, version: u32) -> String {
    lib.pack(pack)
        .and_then(|p| p.changes.iter().find(|c| c.version == version))
        .map(|c| c.summary.clone())
        .unwrap_or_else(|| panic!("pack {pack} has no change for version {version}"))
}

#[test]
fn a_draft_made_on_the_current_packs_has_nothing_that_reads_differently() {
    let p = policy();
    let current = p.library.pack_versions();
    assert!(current.contains_key(GENERAL_PACK), "{current:?}");
    for (name, sample) in samples() {
        let doc = fill(&p.questionnaire, &p.library, &sample.answers);
        assert_eq!(changed_sections(&p.library, &doc, &current), vec![], "{name}");
    }
}

#[test]
fn a_draft_stored_before_packs_were_recorded_lists_the_sections_each_version_changed() {
    let p = policy();
    let (_, sample) = samples()
        .into_iter()
        .find(|(n, _)| n == "quebec-long-term-care")
        .expect("the Quebec sample ships");
    // A schema 2 draft as this app stored it before drafts recorded packs:
    // it was made on version 1 of every pack.
    let answers = serde_json::to_string(&sample.answers).expect("answers serialize");
    let stored = format!(r#"{{"schema":2,"id":"old","created_at":"t","saved_at":"t","answers":{answers}}}"#);
    let draft = StoredDraft::parse(&stored, "old").expect("an old draft stays readable");
    assert_eq!(draft.made_on, PackVersions::new());
    let doc = fill(&p.questionnaire, &p.library, &draft.answers);
    let changed = changed_sections(&p.library, &doc, &draft.made_on);

    let quebec = summary(&p.library, "quebec", 2);
    let general = summary(&p.library, GENERAL_PACK, 2);
    let incidents = section_of(&doc, "laws.quebec_incidents").expect("the Quebec incident clause is used");
    assert!(
        summaries_of(&changed, &incidents).contains(&quebec.as_str()),
        "{changed:#?}"
    );
    let advice = section_of(&doc, "personal.health_none").expect("the advice clause is used");
    assert_eq!(summaries_of(&changed, &advice), vec![general.as_str()], "{changed:#?}");
    // Every listed section holds a clause that changed, and no section that
    // holds one is missing.
    let changed_clauses: Vec<String> = p
        .library
        .packs
        .iter()
        .flat_map(|pk| {
            pk.changes
                .iter()
                .flat_map(|c| c.clauses.iter().map(|id| id.as_str().to_owned()))
        })
        .collect();
    for section in doc.all_sections() {
        let holds = section
            .blocks
            .iter()
            .any(|b| changed_clauses.contains(&b.clause.as_str().to_owned()));
        assert_eq!(
            changed.iter().any(|c| c.number == section.number),
            holds,
            "section {} {}",
            section.number,
            section.title
        );
    }
    // Packs this policy does not use change nothing in it.
    let ontario = summary(&p.library, "ontario", 2);
    assert!(changed.iter().all(|c| !c.changes.contains(&ontario)), "{changed:#?}");
}

#[test]
fn a_draft_made_on_the_current_general_rules_lists_only_what_its_own_jurisdiction_changed() {
    let p = policy();
    let (_, sample) = samples()
        .into_iter()
        .find(|(n, _)| n == "uk-nhs-community")
        .expect("the UK sample ships");
    let mut made_on = p.library.pack_versions();
    made_on.insert("united_kingdom".to_owned(), 1);
    let mut draft = StoredDraft::new("d".into(), "t".into(), made_on);
    draft.answers = sample.answers.clone();
    let draft = StoredDraft::parse(&draft.to_json(), "d").expect("the draft round-trips");
    let doc = fill(&p.questionnaire, &p.library, &draft.answers);
    let changed = changed_sections(&p.library, &doc, &draft.made_on);
    let uk = summary(&p.library, "united_kingdom", 2);
    assert!(!changed.is_empty());
    for c in &changed {
        assert_eq!(c.changes, vec![uk.clone()], "{} {}", c.number, c.title);
    }
    let data_protection = section_of(&doc, "laws.uk_data_protection").expect("used");
    assert!(changed.iter().any(|c| c.number == data_protection), "{changed:#?}");
}

#[test]
fn the_appendix_names_the_general_rules_and_each_jurisdiction_the_policy_uses() {
    let p = policy();
    let expected = [
        (
            "australia-allied-health",
            vec!["The general rules in this policy", "Australian law"],
        ),
        (
            "ontario-hospital",
            vec![
                "The general rules in this policy",
                "Canadian privacy law",
                "Ontario law",
            ],
        ),
        (
            "quebec-long-term-care",
            vec!["The general rules in this policy", "Canadian privacy law", "Quebec law"],
        ),
        (
            "uk-nhs-community",
            vec!["The general rules in this policy", "United Kingdom law"],
        ),
        (
            "us-primary-care",
            vec!["The general rules in this policy", "United States law"],
        ),
    ];
    for (name, sample) in samples() {
        let doc = fill(&p.questionnaire, &p.library, &sample.answers);
        let lines: Vec<String> = doc
            .all_sections()
            .into_iter()
            .flat_map(|s| s.blocks.iter())
            .filter(|b| b.clause.as_str() == "currency.list")
            .flat_map(|b| match &b.kind {
                BlockKind::Bullets(items) => items.iter().map(|t| t.to_plain()).collect(),
                _ => vec![],
            })
            .collect();
        let want = &expected
            .iter()
            .find(|(n, _)| *n == name)
            .expect("every sample is listed")
            .1;
        let packs: Vec<&str> = lines.iter().filter_map(|l| l.split(':').next()).collect();
        assert_eq!(&packs, want, "{name}: {lines:?}");
        for line in &lines {
            let pack = p
                .library
                .packs
                .iter()
                .find(|pk| line.starts_with(&pk.title))
                .expect("a pack");
            assert_eq!(
                line,
                &format!(
                    "{}: version {}, checked on {}.",
                    pack.title,
                    pack.version,
                    pack.as_of.long()
                )
            );
        }
    }
}

#[test]
fn the_changelog_describes_every_version_of_every_pack() {
    let p = policy();
    let changelog = include_str!("../policy-templates/CHANGELOG.md");
    for pack in &p.library.packs {
        let heading = format!("\n## {} ({})\n", pack.id, pack.title);
        let start = changelog
            .find(&heading)
            .unwrap_or_else(|| panic!("CHANGELOG.md has no heading {heading:?}"));
        let rest = &changelog[start + heading.len()..];
        let part = &rest[..rest.find("\n## ").unwrap_or(rest.len())];
        let latest = format!("### Version {}, checked {}", pack.version, pack.as_of.iso());
        assert!(part.contains(&latest), "CHANGELOG.md, pack {}: no {latest:?}", pack.id);
        for change in &pack.changes {
            for clause in &change.clauses {
                assert!(
                    part.contains(&format!("`{}`", clause.as_str())),
                    "CHANGELOG.md, pack {}: version {} changed `{}` but does not say so",
                    pack.id,
                    change.version,
                    clause.as_str()
                );
            }
        }
    }
}
