//! The live preview: the filled [`Document`] as HTML. It only maps blocks
//! to elements; every word comes from the document. Text that changed since
//! the last render is marked for a moment, so the user sees what an answer
//! did.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use leptos::prelude::*;

use crate::app::browser::{clock, focus};
use crate::app::i18n::tv;
use crate::app::shell::session::use_session;
use crate::policy::document::{Block, BlockKind, Run, Section, Text};

/// Block texts as last rendered, by clause and position, to find what
/// changed.
type Seen = HashMap<String, String>;

/// What a render compares its blocks with, and which pass marks what
/// changed (`None` on the first render and outside the live preview).
struct Marks<'a> {
    seen: &'a StoredValue<Seen>,
    pass: Option<u32>,
}

/// How long after the author scrolls the preview it is left where they put
/// it, instead of following their answers.
const LEAVE_AFTER_SCROLL_MS: f64 = 4000.0;

/// How long a scroll event after the preview scrolled itself counts as its
/// own, not the author's.
const OWN_SCROLL_MS: f64 = 600.0;

/// The policy as it stands, updated as the user answers.
#[component]
pub fn Preview() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let document = session.document;
    let review = session.review_edits();
    let seen = StoredValue::new(Seen::new());
    // When the author last scrolled the preview, and until when a scroll
    // is the preview's own (ms since the epoch).
    let author_scrolled = StoredValue::new(f64::NEG_INFINITY);
    let own_until = StoredValue::new(f64::NEG_INFINITY);
    let on_scroll = move |_| {
        let now = clock::now_ms();
        if now > own_until.get_value() {
            author_scrolled.set_value(now);
        }
    };
    // Each section is keyed by its id and a hash of what it shows (its
    // text and its review notes): a keystroke re-renders only the
    // sections whose text it changed, and leaves the others' elements as
    // they are.
    let pass = StoredValue::new(0u32);
    // The changes since review, worked out once a pass: the keys and the
    // sections rendered again both read them.
    let changes = StoredValue::new(Vec::new());
    let keys = move || {
        review.track();
        let keys = document.with(|d| {
            let changes_now = review.with_untracked(|r| r.changes_since(d));
            let keys = d
                .sections
                .iter()
                .map(|s| {
                    let changed = changes_now.iter().any(|(id, _)| id == s.id.as_str());
                    let notes = review.with_untracked(|r| serde_json::to_string(&r.sections.get(s.id.as_str())).ok());
                    let mut h = KeyHasher::default();
                    (s, changed, notes).hash(&mut h);
                    (s.id.to_string(), h.finish())
                })
                .collect::<Vec<_>>();
            changes.set_value(changes_now);
            keys
        });
        let now = pass.get_value() + 1;
        pass.set_value(now);
        // The preview follows the author: once drawn, it scrolls to the
        // first block their answer changed, unless they have just
        // scrolled it themselves. Marks of earlier passes are cleared
        // first, as the sections that kept their elements still hold them.
        // In the next task, not the next frame: the sections are in place
        // once this pass's effects have run, and asking Chromium for an
        // animation frame took a tenth of a keystroke's work (profiled).
        if now > 1 {
            set_timeout(
                move || {
                    // The author may have left the draft's pages since.
                    let Some(scrolled) = author_scrolled.try_get_value() else {
                        return;
                    };
                    let at = clock::now_ms();
                    let mark = format!(".changed[data-pass=\"{now}\"]");
                    focus::clear_marks_except("preview", "changed", &mark);
                    if at - scrolled > LEAVE_AFTER_SCROLL_MS && focus::scroll_within("preview", &mark) {
                        own_until.try_set_value(at + OWN_SCROLL_MS);
                    }
                },
                std::time::Duration::ZERO,
            );
        }
        keys
    };
    let shown = move |(id, _): (String, u64)| {
        document.with_untracked(|d| {
            let Some(s) = d.sections.iter().find(|s| s.id.as_str() == id) else {
                return ().into_any();
            };
            let notes = changes.with_value(|all| {
                let changed = all.iter().find(|(c, _)| *c == id).map(|(_, c)| c);
                crate::app::shell::review_notes::review_notes(&id, review, changed)
            });
            let place = Place {
                level: 2,
                anchor: Some(format!("preview-{id}")),
                heading: true,
            };
            // Nothing is "changed" on the first render.
            let now = pass.get_value();
            let marks = Marks {
                seen: &seen,
                pass: (now > 1).then_some(now),
            };
            section(s, &place, &marks, notes)
        })
    };
    view! {
        <aside class="preview" id="preview" aria-labelledby="preview-heading" tabindex="0" on:scroll=on_scroll>
            <h2 id="preview-heading" class="visually-hidden">{tv!("preview-heading")}</h2>
            {move || document.with(|d| (!d.problems.is_empty()).then(|| {
                let items = d.problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view();
                view! {
                    <div class="notice-box" role="alert">
                        <h3>{tv!("preview-unfilled-heading")}</h3>
                        <p>{tv!("preview-unfilled-text")}</p>
                        <ul>{items}</ul>
                    </div>
                }
            }))}
            <article class="policy">
                <h1>{move || document.with(|d| d.title.clone())}</h1>
                <p class="author">{move || document.with(|d| d.author.clone())}</p>
                <For each=keys key=|k| k.clone() children=shown />
            </article>
        </aside>
    }
    .into_any()
}

/// The hash of the preview's keys: FxHash's step on each 8 bytes. SipHash,
/// the standard library's, took a tenth of a keystroke's work in the
/// page's WebAssembly; these keys only choose what is drawn again, so
/// they need no defence against collisions chosen on purpose.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
}

/// Where a section is shown, and how.
pub struct Place {
    /// The heading level of the section (2 to 5); subsections go one down.
    pub level: u8,
    /// An id for the heading, which can then take focus.
    pub anchor: Option<String>,
    /// Whether the section's own heading is shown (the review page shows
    /// it above the text already); its subsections' headings always are.
    pub heading: bool,
}

/// One section of the policy as HTML, as the preview shows it, placed as
/// `place` says.
pub fn render_section(s: &Section, place: &Place) -> AnyView {
    let seen = StoredValue::new(Seen::new());
    section(
        s,
        place,
        &Marks {
            seen: &seen,
            pass: None,
        },
        None,
    )
}

/// `notes` (a reviewer's) go right under the heading, so that they read
/// as part of this section and not the end of the one before.
fn section(s: &Section, place: &Place, marks: &Marks, notes: Option<AnyView>) -> AnyView {
    let heading = format!("{} {}", s.number, s.title);
    let anchor = place.anchor.clone();
    let focusable = anchor.as_ref().map(|_| "-1");
    let heading = match place.level {
        _ if !place.heading => ().into_any(),
        2 => view! { <h2 id=anchor tabindex=focusable>{heading}</h2> }.into_any(),
        3 => view! { <h3>{heading}</h3> }.into_any(),
        4 => view! { <h4>{heading}</h4> }.into_any(),
        _ => view! { <h5>{heading}</h5> }.into_any(),
    };
    let blocks = s
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let key = format!("{}#{i}", b.clause);
            let plain = plain(b);
            let before = marks.seen.with_value(|seen| seen.get(&key) != Some(&plain));
            marks.seen.update_value(|seen| {
                seen.insert(key, plain);
            });
            block(&b.kind, marks.pass.filter(|_| before))
        })
        .collect_view();
    let sub_place = Place {
        level: place.level + 1,
        anchor: None,
        heading: true,
    };
    let subs = s
        .subsections
        .iter()
        .map(|sub| section(sub, &sub_place, marks, None))
        .collect_view();
    view! { <section>{heading}{notes}{blocks}{subs}</section> }.into_any()
}

fn plain(b: &Block) -> String {
    match &b.kind {
        BlockKind::Paragraph(t) | BlockKind::Notice(t) => t.to_plain(),
        BlockKind::Bullets(items) | BlockKind::Numbered(items) => {
            items.iter().map(Text::to_plain).collect::<Vec<_>>().join("\n")
        }
    }
}

/// One block; `changed` is the pass in which its text changed, if it did.
fn block(kind: &BlockKind, changed: Option<u32>) -> AnyView {
    let pass = changed.map(|p| p.to_string());
    let changed = pass.is_some();
    match kind {
        BlockKind::Paragraph(t) => view! { <p class:changed=changed data-pass=pass>{text(t)}</p> }.into_any(),
        BlockKind::Notice(t) => view! { <p class="notice" class:changed=changed data-pass=pass role="note">{text(t)}</p> }.into_any(),
        BlockKind::Bullets(items) => view! {
            <ul class:changed=changed data-pass=pass>{items.iter().map(|t| view! { <li>{text(t)}</li> }).collect_view()}</ul>
        }
        .into_any(),
        BlockKind::Numbered(items) => view! {
            <ol class:changed=changed data-pass=pass>{items.iter().map(|t| view! { <li>{text(t)}</li> }).collect_view()}</ol>
        }
        .into_any(),
    }
}

fn text(t: &Text) -> AnyView {
    t.0.iter()
        .map(|run| match run {
            Run::Plain(s) => s.clone().into_any(),
            Run::Missing { label, .. } => {
                view! { <mark class="placeholder" title=tv!("preview-placeholder-title")>{format!("[{label}]")}</mark> }
                    .into_any()
            }
        })
        .collect_view()
        .into_any()
}
