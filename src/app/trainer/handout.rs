//! The handout: the deck with this organization's verdicts and clause
//! numbers, as a PDF made by the PDF worker, to print for the session. It
//! follows the draft's policy languages as the policy's PDF does: one
//! language, the handout in it; both, one PDF with both versions, or the
//! one the user chose.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::browser::storage::today_iso;
use crate::app::i18n::{tr, tv};
use crate::app::shell::export_languages::{self, in_languages, ExportIn, ExportLanguages, PdfJob};
use crate::app::shell::session::{use_session, Session};
use crate::policy::document::{Document, DocumentKind};
use crate::policy::fill::finish;
use crate::policy::model::language::Language;
use crate::policy::trainer::scenario::{handout_file_name, Deck, HandoutOptions, ScenarioLibrary};

/// The handout of `deck` in `language`: in the policy's main language from
/// `library` (the scenarios fitted to the draft's clause library), in
/// another from that language's shipped scenarios and its policy filled
/// from the same answers. `None` while that language's content is on its
/// way, or when the draft's own clause library has no other language.
fn handout_in(
    session: &Session,
    library: &ScenarioLibrary,
    deck: &Deck,
    language: Language,
    options: &HandoutOptions,
) -> Option<Document> {
    let answers = session.answers();
    if language == session.shipped().language() {
        return Some(session.document.with_untracked(|doc| {
            answers.with_untracked(|a| finish::handout(library, deck, &session.policy, a, doc, options))
        }));
    }
    let doc = session.document_in(language)?;
    let shipped = untrack(|| session.content_in(language))?;
    let scenarios = shipped.scenarios(&shipped.policy.library).ok()?;
    let deck = scenarios.deck(&deck.id)?;
    Some(answers.with_untracked(|a| finish::handout(&scenarios, deck, &shipped.policy, a, &doc, options)))
}

/// A button that downloads the handout PDF of `deck`, and for a bilingual
/// policy the choice of its languages.
#[component]
pub fn TrainerHandout(
    /// The scenarios.
    library: Arc<ScenarioLibrary>,
    /// The deck to print.
    deck: Deck,
) -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let job = PdfJob::new();
    let PdfJob { busy, status } = job;
    let at_back = RwSignal::new(false);
    let languages = session.languages();
    let export_in = RwSignal::new(ExportIn::Both);
    let make = move |_| {
        let options = HandoutOptions {
            verdicts_at_back: at_back.get_untracked(),
        };
        let chosen = export_languages::chosen(languages.get_untracked(), export_in.get_untracked());
        let Some(docs) = in_languages(chosen, |language| {
            handout_in(&session, &library, &deck, language, &options)
        }) else {
            status.set(tr!("export-language-not-ready"));
            return;
        };
        let problems: Vec<String> = std::iter::once(&docs.0)
            .chain(docs.1.as_ref())
            .flat_map(|doc| doc.problems.iter().map(ToString::to_string))
            .collect();
        let note = (!problems.is_empty()).then(|| tr!("handout-problems", problems = problems.join("; ")));
        let file_name = handout_file_name(&deck, &docs.0, &today_iso());
        job.run(docs, DocumentKind::Policy, file_name, "handout", note);
    };
    view! {
        <div class="trainer-handout">
            <ExportLanguages languages=languages choice=export_in.read_only()
                on_choose=Callback::new(move |choice: ExportIn| export_in.set(choice)) name="handout-in"
                legend=|| tr!("handout-languages") />
            <div class="choice">
                <input type="checkbox" id="handout-at-back" prop:checked=move || at_back.get()
                    on:change=move |ev| at_back.set(event_target_checked(&ev)) />
                <label for="handout-at-back">{tv!("handout-at-back")}</label>
            </div>
            <button type="button" aria-busy=move || busy.get().to_string() aria-describedby="handout-hint" on:click=make>
                {tv!("handout-download")}
            </button>
            <p class="hint" id="handout-hint">{tv!("handout-hint")}</p>
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
        </div>
    }
    .into_any()
}
