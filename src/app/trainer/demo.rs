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
use crate::app::shell::language_switch::LanguageSwitch;
use crate::app::shell::route::{replace, Route};
use crate::app::shell::{use_app, AppState};
use crate::policy::files::draft::StoredDraft;
use crate::policy::sample::Sample;

/// A sample's short name in links: its file name without folder and
/// extension, such as `ontario-hospital`.
pub fn sample_stem(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.strip_suffix(".yaml").unwrap_or(name)
}

/// The shipped samples that load, with their stems.
pub fn samples() -> Vec<(&'static str, Sample)> {
    Sample::builtin()
        .into_iter()
        .map(|(file, s)| (sample_stem(file), s))
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
    match demo_draft(&app, &sample) {
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
            <header class="topbar">
                <p class="app-name">{tv!("app-name")}</p>
                <LanguageSwitch />
            </header>
            <main class="drafts-page" id="main">
                <h1>{tv!("demo-broken")}</h1>
                <p>{message}</p>
                <p><a href=Route::Drafts.href()>{tv!("go-to-drafts")}</a></p>
            </main>
        }
        .into_any(),
    }
}

/// The id of the draft showing sample `stem`: the one made before if it
/// still holds the sample's answers, else a new one. Without storage the
/// draft is kept in memory for this visit.
fn demo_draft(app: &AppState, stem: &str) -> Result<String, String> {
    let Some((_, sample)) = samples().into_iter().find(|(s, _)| *s == stem) else {
        let known: Vec<&str> = samples().into_iter().map(|(s, _)| s).collect();
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
    let mut draft = StoredDraft::new(
        storage::fresh_id(),
        storage::now_iso(),
        app.policy.library.pack_versions(),
    );
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
        let all = samples();
        assert_eq!(
            all.len(),
            crate::policy::sample::SAMPLES_JSON.len(),
            "a sample does not load"
        );
        let stems: Vec<&str> = all.iter().map(|(s, _)| *s).collect();
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
