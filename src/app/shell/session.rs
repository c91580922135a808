//! The open draft: its answers, the clause library it uses, the filled
//! document and the save state, provided as context to the builder and the
//! check-answers page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::browser::storage::{self, SaveError};
use crate::app::browser::worker_client::{read_library, FileError};
use crate::app::i18n::{self, tr, Said};
use crate::app::shell::content::{language_of, Contents};
use crate::policy::bundle::Policy;
use crate::policy::content::Shipped;
use crate::policy::diag::{Diagnostic, Diagnostics, SourceFile};
use crate::policy::document::Document;
use crate::policy::files::draft::{CustomLibrary, StoredDraft};
use crate::policy::files::review::Review;
use crate::policy::fill::finish;
use crate::policy::fill::FillMemo;
use crate::policy::model::answers::{Answer, Answers};
use crate::policy::model::ids::QuestionId;
use crate::policy::model::language::{Language, PolicyLanguages};
use crate::policy::model::library::{ClauseLibrary, PackVersions};
use crate::policy::trainer::scenario::ScenarioLibrary;

/// Whether the current answers are safely stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Stored and read back.
    Saved,
    /// Not stored, and why.
    Failed(SaveError),
    /// Another tab changed the stored draft; saving waits for the user.
    ChangedElsewhere,
}

/// The clause library a draft uses: one of its states, each with what it
/// needs and nothing else.
#[derive(Clone)]
pub enum LibraryChoice {
    /// The clauses that ship with the app.
    Shipped,
    /// An imported library, checked and in use.
    Loaded {
        /// The imported file and text.
        custom: CustomLibrary,
        /// The checked library.
        library: Arc<ClauseLibrary>,
    },
    /// An imported library the PDF worker is reading (a draft stored before
    /// the page kept its JSON form); the shipped one is used until then.
    Pending(CustomLibrary),
    /// An imported library that does not load, by line and column; the
    /// shipped one is used and the file is kept.
    Refused {
        /// The imported file and text.
        custom: CustomLibrary,
        /// Why it is not used.
        problems: Diagnostics,
    },
    /// An imported library the worker could not read just now; the shipped
    /// one is used and the file is kept.
    Failed {
        /// The imported file and text.
        custom: CustomLibrary,
        /// Why, for the user.
        reason: String,
    },
}

impl LibraryChoice {
    /// The imported file, whatever its state.
    pub fn custom(&self) -> Option<&CustomLibrary> {
        match self {
            LibraryChoice::Shipped => None,
            LibraryChoice::Loaded { custom, .. }
            | LibraryChoice::Pending(custom)
            | LibraryChoice::Refused { custom, .. }
            | LibraryChoice::Failed { custom, .. } => Some(custom),
        }
    }

    /// The imported library in use, if one is.
    pub fn loaded(&self) -> Option<Arc<ClauseLibrary>> {
        match self {
            LibraryChoice::Loaded { library, .. } => Some(library.clone()),
            _ => None,
        }
    }

    /// Why the imported library is not used, when it has problems.
    pub fn problems(&self) -> Option<&Diagnostics> {
        match self {
            LibraryChoice::Refused { problems, .. } => Some(problems),
            _ => None,
        }
    }
}

/// See [`Session::review_edits`].
#[derive(Clone, Copy)]
pub struct ReviewEdits {
    review: RwSignal<Review>,
    session: StoredValue<Session>,
}

impl ReviewEdits {
    /// Reads the review, tracking it.
    pub fn with<T>(&self, f: impl FnOnce(&Review) -> T) -> T {
        self.review.with(f)
    }

    /// Reads the review without tracking it.
    pub fn with_untracked<T>(&self, f: impl FnOnce(&Review) -> T) -> T {
        self.review.with_untracked(f)
    }

    /// Reads the review without tracking it, if the page that made the
    /// handle is still there (after an await, it may not be).
    pub fn try_with_untracked<T>(&self, f: impl FnOnce(&Review) -> T) -> Option<T> {
        self.review.try_with_untracked(f)
    }

    /// Subscribes the caller to changes of the review.
    pub fn track(&self) {
        self.review.track();
    }

    /// Changes the review and saves the draft; nothing happens once the
    /// page that made the handle is gone.
    pub fn update(&self, change: impl FnOnce(&mut Review)) {
        if self.review.try_update(change).is_some() {
            self.session.try_with_value(Session::save);
        }
    }
}

/// The open draft, shared with every component of the draft's pages.
#[derive(Clone)]
pub struct Session {
    /// The templates in the policy's main language, which the preview and
    /// every export are written in.
    pub policy: Arc<Policy>,
    /// The content of that language (the policy, its scenarios, samples).
    shipped: Arc<Shipped>,
    /// Every language's content the page has asked for; the questions are
    /// shown in the interface language's.
    contents: Contents,
    /// The languages the policy is written in.
    languages: RwSignal<PolicyLanguages>,
    /// Called after the policy's languages change, to open the draft again
    /// in the new main language.
    reopen: Callback<StoredDraft>,
    /// The draft's id.
    pub id: String,
    /// The user's name for it and when it was created.
    meta: RwSignal<(String, String)>,
    /// The user's answers.
    answers: RwSignal<Answers>,
    /// The clause library in use.
    library: RwSignal<LibraryChoice>,
    /// Reviewers' comments and decisions.
    review: RwSignal<Review>,
    /// The clause pack versions the draft was made on, or whose changes
    /// the user has since read.
    made_on: RwSignal<PackVersions>,
    /// The filled policy, recomputed when answers change.
    pub document: Memo<Document>,
    /// The consistency warnings that hold: (question to revisit, message).
    pub warnings: Memo<Vec<(QuestionId, String)>>,
    /// The save state.
    save_state: RwSignal<SaveState>,
    /// When the draft was last saved (ISO 8601).
    saved_at: RwSignal<String>,
    /// The entry last written, to notice changes made in another tab.
    written: StoredValue<Option<storage::Written>>,
    /// Where a draft that cannot be stored is kept for this tab.
    scratch: RwSignal<Option<StoredDraft>>,
    /// The index of the question section on screen.
    section: RwSignal<usize>,
    /// The section whose unanswered required questions are flagged (the
    /// user pressed Next with some left), if any.
    flagged: RwSignal<Option<usize>>,
    /// Whether the user came from the check-answers page to change one
    /// answer, so that the way back is offered.
    from_check: RwSignal<bool>,
    /// The question last opened from the check-answers page, so that the
    /// way back lands on its answer.
    changed: StoredValue<Option<String>>,
}

/// What a session opens with besides the draft.
pub struct Opening {
    /// The content of the draft's main policy language.
    pub shipped: Arc<Shipped>,
    /// Every language's content.
    pub contents: Contents,
    /// Where a draft that cannot be stored is kept for this tab.
    pub scratch: RwSignal<Option<StoredDraft>>,
    /// Opens the draft again after its languages change.
    pub reopen: Callback<StoredDraft>,
}

/// The scenarios that fit the draft's clause library, if they do. Two are
/// equal only when they are the same loaded library, so that a new clause
/// library always refills the policy.
#[derive(Clone)]
struct Fitted(Option<Arc<ScenarioLibrary>>);

impl PartialEq for Fitted {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

impl Session {
    /// Opens `draft` and starts autosaving it.
    pub fn open(opening: Opening, draft: StoredDraft) -> Self {
        let Opening {
            shipped,
            contents,
            scratch,
            reopen,
        } = opening;
        let policy = shipped.policy.clone();
        let written = storage::written(&draft.id);
        let library = RwSignal::new(choose_library(&policy, draft.library.clone()));
        let answers = RwSignal::new(draft.answers);
        // The trainer's scenarios, checked once for each clause library,
        // give the policy its worked examples.
        let (p, sh) = (policy.clone(), shipped.clone());
        let scenarios = Memo::new(move |_| {
            let lib = library.with(LibraryChoice::loaded);
            Fitted(sh.scenarios(lib.as_deref().unwrap_or(&p.library)).ok().map(Arc::new))
        });
        // What the last fill rendered, kept for the next, with the
        // imported library it was made with (held, so that its address is
        // never another library's): another library starts a new memo.
        let remembered: Arc<std::sync::Mutex<(Option<Arc<ClauseLibrary>>, FillMemo)>> = Arc::default();
        let p = policy.clone();
        let document = Memo::new(move |_| {
            let loaded = library.with(LibraryChoice::loaded);
            let lib = loaded.as_deref().unwrap_or(&p.library);
            // Only this memo locks it, and a fill that panics ends the page.
            let mut memo = remembered.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let same = match (&memo.0, &loaded) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            };
            if !same {
                *memo = (loaded.clone(), FillMemo::new());
            }
            scenarios.with(|s| answers.with(|a| finish::draft_remembering(&p, lib, s.0.as_deref(), a, &mut memo.1)))
        });
        // The checks' messages are shown in the interface language.
        let p = policy.clone();
        let warnings = Memo::new(move |_| {
            let p = contents
                .shipped(language_of(i18n::lang()))
                .map_or_else(|| p.clone(), |s| s.policy.clone());
            answers.with(|a| {
                p.questionnaire
                    .warnings(a)
                    .into_iter()
                    .map(|c| (c.question.clone(), c.message.trim().to_owned()))
                    .collect()
            })
        });
        let review = RwSignal::new(draft.review);
        let session = Self {
            policy,
            shipped,
            contents,
            languages: RwSignal::new(draft.languages),
            reopen,
            warnings,
            review,
            made_on: RwSignal::new(draft.made_on),
            id: draft.id,
            meta: RwSignal::new((draft.name, draft.created_at)),
            answers,
            library,
            document,
            save_state: RwSignal::new(SaveState::Saved),
            saved_at: RwSignal::new(draft.saved_at),
            written: StoredValue::new(written),
            scratch,
            section: RwSignal::new(0),
            flagged: RwSignal::new(None),
            from_check: RwSignal::new(false),
            changed: StoredValue::new(None),
        };
        session.resolve_library();
        // A change not saved yet is saved before the draft's signals go
        // (leaving by the address bar saves it earlier, in `shell::route`).
        on_cleanup(storage::save_pending);
        session
    }

    /// Has the PDF worker read an imported library that the page cannot
    /// read by itself: one stored before drafts kept its JSON form, or one
    /// whose JSON no longer checks (then the worker locates the problems).
    /// The draft uses the shipped library meanwhile; once read, the JSON is
    /// stored with the draft, so this happens once.
    fn resolve_library(&self) {
        let Some(asked) = self.library.with_untracked(|l| match l {
            LibraryChoice::Pending(custom) => Some(custom.clone()),
            _ => None,
        }) else {
            return;
        };
        let this = self.clone();
        leptos::task::spawn_local(async move {
            let result = read_library(asked.file.clone(), asked.text.clone()).await;
            // The user may have chosen another library meanwhile.
            let same = this
                .library
                .try_with_untracked(|l| matches!(l, LibraryChoice::Pending(c) if *c == asked))
                .unwrap_or(false);
            if !same {
                return;
            }
            match result {
                Ok(json) => {
                    let custom = CustomLibrary {
                        json: Some(json),
                        ..asked.clone()
                    };
                    let mut choice = choose_library(&this.policy, Some(custom));
                    if matches!(choice, LibraryChoice::Pending(_)) {
                        // The worker's JSON does not check in the page
                        // (the worker checks that it does): keep the draft
                        // as it was and say so.
                        choice = LibraryChoice::Failed {
                            custom: asked,
                            reason: tr!("error-library-not-checked"),
                        };
                    }
                    let migrated = matches!(choice, LibraryChoice::Loaded { .. });
                    this.library.try_set(choice);
                    // Storing the JSON with the draft is the migration.
                    if migrated {
                        this.save();
                    }
                }
                Err(e) => {
                    let choice = match e {
                        FileError::Problems(problems) => LibraryChoice::Refused {
                            custom: asked,
                            problems,
                        },
                        FileError::Worker(e) => LibraryChoice::Failed {
                            custom: asked,
                            reason: e.said(),
                        },
                    };
                    // Nothing about the draft changes: nothing to save.
                    this.library.try_set(choice);
                }
            }
        });
    }

    /// The draft as it stands, to store or export.
    pub fn snapshot(&self) -> StoredDraft {
        let (name, created_at) = self.meta.get_untracked();
        let mut draft = StoredDraft::new(self.id.clone(), created_at.clone(), self.made_on.get_untracked());
        draft.created_at = created_at;
        draft.name = name;
        draft.saved_at = self.saved_at.get_untracked();
        draft.answers = self.answers.get_untracked();
        draft.library = self.library.with_untracked(|l| l.custom().cloned());
        draft.review = self.review.get_untracked();
        draft.languages = self.languages.get_untracked();
        draft
    }

    /// Saves now, unless another tab has changed the stored copy since this
    /// one last wrote it: then the user decides.
    pub fn save(&self) {
        if self.save_state.get_untracked() == SaveState::ChangedElsewhere {
            return;
        }
        let stored = storage::written(&self.id);
        if stored.is_some() && stored != self.written.get_value() {
            self.save_state.set(SaveState::ChangedElsewhere);
            return;
        }
        self.write();
    }

    fn write(&self) {
        let previous = self.saved_at.get_untracked();
        self.saved_at.set(storage::now_iso());
        let state = match storage::save(&self.snapshot()) {
            Ok(text) => {
                self.written.set_value(Some(text));
                SaveState::Saved
            }
            Err(e) => {
                self.saved_at.set(previous);
                // Not stored: keep it for this tab at least, so that going
                // to the drafts page and back loses nothing.
                self.scratch.set(Some(self.snapshot()));
                SaveState::Failed(e)
            }
        };
        self.save_state.set(state);
    }

    /// After a change in another tab: keep this tab's version, replacing
    /// the other.
    pub fn keep_mine(&self) {
        self.save_state.set(SaveState::Saved);
        self.write();
    }

    /// After a change in another tab: take the stored version.
    pub fn take_theirs(&self) -> bool {
        let Ok(Some(storage::Entry::Draft(draft))) = storage::load(&self.id) else {
            return false;
        };
        self.written.set_value(storage::written(&self.id));
        self.save_state.set(SaveState::Saved);
        self.meta.set((draft.name, draft.created_at));
        self.saved_at.set(draft.saved_at);
        self.library.set(choose_library(&self.policy, draft.library));
        self.review.set(draft.review);
        self.made_on.set(draft.made_on);
        self.answers.set(draft.answers);
        self.resolve_library();
        true
    }

    /// The templates whose questions, options, help and checks the builder
    /// shows: the interface language's when its content is there, else the
    /// policy's (tracked: the builder shows them again when either
    /// changes).
    pub fn questions(&self) -> Arc<Policy> {
        self.contents
            .shipped(language_of(i18n::lang()))
            .map_or_else(|| self.policy.clone(), |s| s.policy.clone())
    }

    /// The language of [`Self::questions`] (tracked).
    pub fn questions_language(&self) -> crate::policy::model::language::Language {
        self.questions().library.language
    }

    /// The content of the policy's main language.
    pub fn shipped(&self) -> Arc<Shipped> {
        self.shipped.clone()
    }

    /// The content of `language`, if the page has it (tracked); asks for it
    /// otherwise.
    pub fn content_in(&self, language: Language) -> Option<Arc<Shipped>> {
        if language == self.shipped.language() {
            return Some(self.shipped.clone());
        }
        self.contents.want(language);
        self.contents.shipped(language)
    }

    /// The policy filled from the same answers in `language`, as the
    /// preview shows it in the main one. `None` while that language's
    /// content is on its way, and when the draft uses an imported clause
    /// library (written in one language, it has no other).
    pub fn document_in(&self, language: Language) -> Option<Document> {
        if language == self.shipped.language() {
            return Some(self.document.get_untracked());
        }
        if self.library.with_untracked(|l| l.custom().is_some()) {
            return None;
        }
        let shipped = untrack(|| self.content_in(language))?;
        let scenarios = shipped.scenarios(&shipped.policy.library).ok();
        Some(
            self.answers
                .with_untracked(|a| finish::draft(&shipped.policy, &shipped.policy.library, scenarios.as_ref(), a)),
        )
    }

    /// The languages the policy is written in.
    pub fn languages(&self) -> ReadSignal<PolicyLanguages> {
        self.languages.read_only()
    }

    /// Writes the policy in `languages`: saves, then opens the draft again
    /// in the new main language (the answers are shared by every language).
    pub fn set_languages(&self, languages: PolicyLanguages) {
        if languages == self.languages.get_untracked() {
            return;
        }
        for language in languages.all() {
            self.contents.want(language);
        }
        self.languages.set(languages);
        self.save();
        self.reopen.run(self.snapshot());
    }

    /// The index of the question section on screen.
    pub fn section(&self) -> ReadSignal<usize> {
        self.section.read_only()
    }

    /// The section whose unanswered required questions are flagged, if any.
    pub fn flagged(&self) -> ReadSignal<Option<usize>> {
        self.flagged.read_only()
    }

    /// Whether the user came from the check-answers page to change one
    /// answer.
    pub fn came_from_check(&self) -> ReadSignal<bool> {
        self.from_check.read_only()
    }

    /// Shows question section `index`; flags from another section go.
    pub fn go_to_section(&self, index: usize) {
        self.flagged.set(None);
        self.section.set(index);
    }

    /// Flags the unanswered required questions of section `index` (the
    /// user pressed Next with some left), or clears the flags for `None`.
    pub fn flag_section(&self, index: Option<usize>) {
        self.flagged.set(index);
    }

    /// The user came from the check-answers page to change `question`:
    /// opens its section and offers the way back. False when no section
    /// has that question.
    pub fn change_answer(&self, question: &str) -> bool {
        let Some(index) = self
            .policy
            .questionnaire
            .sections
            .iter()
            .position(|s| s.questions.iter().any(|qn| qn.id.as_str() == question))
        else {
            return false;
        };
        self.go_to_section(index);
        self.from_check.set(true);
        self.changed.set_value(Some(question.to_owned()));
        true
    }

    /// The user is on the check-answers page: no way back to offer. Gives
    /// the question they went to change from it, if any, once.
    pub fn at_check_page(&self) -> Option<String> {
        self.from_check.set(false);
        self.changed.try_update_value(Option::take).flatten()
    }

    /// The draft's name and when it was created.
    pub fn meta(&self) -> ReadSignal<(String, String)> {
        self.meta.read_only()
    }

    /// The user's answers.
    pub fn answers(&self) -> ReadSignal<Answers> {
        self.answers.read_only()
    }

    /// The clause library in use.
    pub fn library(&self) -> ReadSignal<LibraryChoice> {
        self.library.read_only()
    }

    /// Reviewers' comments and decisions.
    pub fn review(&self) -> ReadSignal<Review> {
        self.review.read_only()
    }

    /// Whether the current answers are safely stored.
    pub fn save_state(&self) -> ReadSignal<SaveState> {
        self.save_state.read_only()
    }

    /// When the draft was last saved (ISO 8601).
    pub fn saved_at(&self) -> ReadSignal<String> {
        self.saved_at.read_only()
    }

    /// The clause pack versions the draft was made on, or whose changes
    /// the user has since read.
    pub fn made_on(&self) -> ReadSignal<PackVersions> {
        self.made_on.read_only()
    }

    /// Records that the user has read what changed in the clause packs
    /// since the draft was made: the draft now counts as made on the
    /// versions of the library in use. Saves.
    pub fn mark_changes_read(&self) {
        let versions = self.library.with_untracked(|l| {
            l.loaded()
                .as_deref()
                .map_or_else(|| self.policy.library.pack_versions(), ClauseLibrary::pack_versions)
        });
        // Keep what the draft recorded of packs this library does not have.
        self.made_on.update(|m| m.extend(versions));
        self.save();
    }

    /// Sets the answer to `id`, and saves once the preview is drawn (see
    /// [`storage::save_soon`]: a keystroke's preview does not wait for
    /// the whole draft to be stored and read back).
    pub fn answer(&self, id: &QuestionId, answer: Option<Answer>) {
        self.answers.update(|a| match answer {
            Some(v) => a.set(id.clone(), v),
            None => a.clear(id),
        });
        let this = self.clone();
        storage::save_soon(move || {
            // Once the draft's pages are gone there is nothing to save:
            // leaving them made the save first (see `shell::route`).
            if this.save_state.try_get_untracked().is_some() {
                this.save();
            }
        });
    }

    /// A copyable handle on the review for the many buttons of a review
    /// page: reads like the signal, and every change is saved. It lives as
    /// long as the component that asked for it.
    pub fn review_edits(&self) -> ReviewEdits {
        ReviewEdits {
            review: self.review,
            session: StoredValue::new(self.clone()),
        }
    }

    /// Uses `custom` as the draft's clause library, or the shipped one for
    /// `None`. `custom` comes from the PDF worker with its JSON form (see
    /// [`read_library`]). Returns the problems when the library cannot be
    /// used (it is not kept then).
    pub fn use_library(&self, custom: Option<CustomLibrary>) -> Result<(), Diagnostics> {
        let file = custom.as_ref().map(|c| c.file.clone()).unwrap_or_default();
        let choice = choose_library(&self.policy, custom);
        if let Some(problems) = choice.problems() {
            return Err(problems.clone());
        }
        if matches!(choice, LibraryChoice::Pending(_)) {
            // Only a library without a JSON form that checks gets here.
            return Err(Diagnostics(vec![Diagnostic {
                file,
                line: 1,
                column: 1,
                message: tr!("error-library-not-checked"),
                kind: None,
            }]));
        }
        self.library.set(choice);
        self.save();
        Ok(())
    }
}

/// Checks an imported library against the questionnaire, from the JSON
/// form kept with it. One without that form, or whose form does not check,
/// is left pending for the PDF worker (see [`Session::resolve_library`]);
/// nothing is lost meanwhile, the shipped library is used.
fn choose_library(policy: &Policy, custom: Option<CustomLibrary>) -> LibraryChoice {
    let Some(custom) = custom else {
        return LibraryChoice::Shipped;
    };
    let loaded = custom.json.as_deref().and_then(|json| {
        ClauseLibrary::from_sources(&[SourceFile::json(&custom.file, json)], &policy.questionnaire).ok()
    });
    match loaded {
        Some(library) => LibraryChoice::Loaded {
            custom,
            library: Arc::new(library),
        },
        None => LibraryChoice::Pending(custom),
    }
}

/// The session from context; `None` only outside a draft's pages.
pub fn use_session() -> Option<Session> {
    use_context::<Session>()
}
