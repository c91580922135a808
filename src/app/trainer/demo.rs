//! Demo links: `#/demo/<sample>/<deck>[/<n>]` opens a sample organization's
//! deck at card `n`. Everything is in the fragment, which the browser never
//! sends, so opening a link tells no server anything.
//!
//! Opening a link makes a draft from the sample and remembers it under
//! `policy-builder/demo/<sample>`. The next link for the same sample
//! reuses that draft while its answers are still exactly the sample's and
//! it uses the shipped clause library; once it has been changed (or
//! deleted) a new draft is made, so a demo always shows the sample as
//! shipped and never someone's edits.

use leptos::prelude::*;

use crate::app::browser::storage::{self, Entry};
use crate::app::i18n::{tr, tv};
use crate::app::shell::content::{language_of, with_index, Around};
use crate::app::shell::problem_page::ProblemPage;
use crate::app::shell::route::{replace, Route};
use crate::app::shell::{use_app, AppState};
use crate::policy::content::Index;
use crate::policy::files::draft::StoredDraft;
use crate::policy::model::language::PolicyLanguages;
use crate::policy::sample::Sample;

/// A sample's short name in links: its file name without folder and
/// extension, such as `ontario-hospital`.
pub fn sample_stem(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.strip_suffix(".yaml").unwrap_or(name)
}

/// The shipped samples of `index`, with their stems.
pub fn samples(index: &Index) -> Vec<(String, Sample)> {
    index
        .samples
        .iter()
        .map(|(file, s)| (sample_stem(file).to_owned(), s.clone()))
        .collect()
}

/// Opens the demo link on screen: finds or makes the sample's draft, then
/// shows its deck in place of the link in the history.
#[component]
pub fn TrainerDemo() -> impl IntoView {
    let Some(app) = use_app() else {
        return ().into_any();
    };
    let Route::Demo { sample, deck, card } = app.route.get_untracked() else {
        return ().into_any();
    };
    // The demo is shown in the interface's language.
    let language = language_of(crate::app::i18n::lang_untracked());
    let contents = app.contents;
    with_index(contents, language, Around::Main, move |fetched| {
        demo_page(&app, &fetched.index, &sample, &deck, card)
    })
    .into_any()
}

/// The demo of `sample`'s `deck` at `card`, once the content is there.
fn demo_page(app: &AppState, index: &Index, sample: &str, deck: &str, card: Option<usize>) -> AnyView {
    let deck = deck.to_owned();
    match demo_draft(app, index, sample) {
        Ok(draft) => {
            let to = Route::Trainer {
                draft,
                deck: Some(deck),
                card,
            };
            Effect::new(move |_| replace(&to));
            view! {
                <main class="drafts-page" id="main">
                    <p role="status">{tv!("demo-opening")}</p>
                </main>
            }
            .into_any()
        }
        Err(message) => view! {
            <ProblemPage heading=tv!("demo-broken")>
                <p>{message}</p>
            </ProblemPage>
        }
        .into_any(),
    }
}

/// The id of the draft showing sample `stem`: the one made before if it
/// still holds the sample's answers, else a new one. Without storage the
/// draft is kept in memory for this visit.
fn demo_draft(app: &AppState, index: &Index, stem: &str) -> Result<String, String> {
    let all = samples(index);
    let Some((_, sample)) = all.iter().find(|(s, _)| *s == stem).cloned() else {
        let known: Vec<&str> = all.iter().map(|(s, _)| s.as_str()).collect();
        return Err(tr!("demo-no-sample", stem = stem, samples = known.join(", ")));
    };
    let earlier = storage::demo_draft(stem);
    if let Some(id) = earlier {
        if let Ok(Some(Entry::Draft(d))) = storage::load(&id) {
            if d.answers == sample.answers && d.library.is_none() {
                return Ok(id);
            }
        }
    }
    if let Some(d) = app
        .scratch
        .get_untracked()
        .filter(|d| d.answers == sample.answers && d.library.is_none())
    {
        return Ok(d.id);
    }
    let mut draft = StoredDraft::new(storage::fresh_id(), storage::now_iso(), index.packs.clone());
    draft.languages = PolicyLanguages::one(index.language);
    draft.name = tr!("demo-name", name = sample.name.clone());
    draft.answers = sample.answers;
    let id = draft.id.clone();
    match storage::save(&draft) {
        Ok(_) => storage::remember_demo_draft(stem, &id),
        Err(_) => app.scratch.set(Some(draft)),
    }
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_sample_has_a_stem_that_a_link_can_carry() {
        let index = crate::policy::content::Content::shipped(crate::policy::model::language::Language::English)
            .expect("made")
            .index()
            .expect("indexed");
        let all = samples(&index);
        assert_eq!(
            all.len(),
            crate::policy::sample::SAMPLES_JSON.len(),
            "a sample does not load"
        );
        let stems: Vec<&str> = all.iter().map(|(s, _)| s.as_str()).collect();
        assert!(stems.contains(&"ontario-hospital"), "{stems:?}");
        for stem in stems {
            let link = Route::Demo {
                sample: stem.to_owned(),
                deck: "everything".into(),
                card: Some(1),
            };
            assert_eq!(Route::parse(&link.href()), link, "{stem}");
        }
        assert_eq!(sample_stem("samples/us-primary-care.yaml"), "us-primary-care");
        assert_eq!(sample_stem("plain"), "plain");
    }
}
