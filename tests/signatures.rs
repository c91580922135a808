//! Signed reviews (issue 18, part 5), natively: a decision signed with a
//! P-256 key as WebCrypto signs it verifies after the trip through an
//! answer file; one byte changed anywhere in a signed part fails; the
//! approval record and the cover count only decisions that hold, and print
//! each reviewer's fingerprint.

use base64::Engine;
use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey};
use policy_builder::policy::files::answer_file::{read, write};
use policy_builder::policy::files::draft::StoredDraft;
use policy_builder::policy::files::review::{Decision, Verdict};
use policy_builder::policy::files::signature::{
    check, covers, fingerprint, signed_bytes, trust, verify_p256, ReviewSignature, SignatureState, Trust, ALGORITHM,
};
use policy_builder::policy::fill::fill;
use policy_builder::policy::fill::finish::{policy as finished, PolicyOptions};

mod common;
use common::policy;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

fn key(seed: u8) -> SigningKey {
    SigningKey::from_slice(&[seed; 32]).expect("a valid secret scalar")
}

fn public(key: &SigningKey) -> String {
    B64.encode(key.verifying_key().to_encoded_point(false).as_bytes())
}

/// Signs `decision` over the review as it is, as the reviewer's app does.
fn sign(draft: &mut StoredDraft, key: &SigningKey, mut decision: Decision) {
    let public_key = public(key);
    let covered = covers(&draft.review);
    let signature: Signature = key.sign(&signed_bytes(&decision, &covered, &public_key));
    decision.signature = Some(ReviewSignature {
        algorithm: ALGORITHM.to_owned(),
        public_key,
        covers: covered,
        signature: B64.encode(signature.to_bytes()),
    });
    draft.review.decisions.push(decision);
}

fn decision(reviewer: &str, verdict: Verdict) -> Decision {
    Decision {
        reviewer: reviewer.into(),
        role: "HR business partner".into(),
        date: "2026-12-03".into(),
        verdict,
        version: "1.2".into(),
        signature: None,
        checked: None,
    }
}

/// A draft with a review: a verdict and a comment on one section, signed.
fn reviewed() -> StoredDraft {
    let p = policy();
    let (file, text) = policy_builder::policy::sample::SAMPLES[0];
    let sample = policy_builder::policy::sample::Sample::load(file, text).unwrap_or_else(|d| panic!("{d}"));
    let mut draft = StoredDraft::new("k1".into(), "2026-12-03T09:00:00Z".into(), Default::default());
    draft.answers = sample.answers;
    let doc = fill(&p.questionnaire, &p.library, &draft.answers);
    draft.review.set_verdict("privacy", Some(Verdict::Approved), &doc);
    draft
        .review
        .comment("scope", "Ana Silva", "2026-12-03T09:30:00Z", "Add volunteers.");
    sign(&mut draft, &key(7), decision("Ana Silva", Verdict::Approved));
    draft
}

fn states(text: &str) -> Vec<SignatureState> {
    match read("reviewed.yaml", text, &policy().questionnaire) {
        Ok(d) => d.review.decisions.iter().map(Decision::state).collect(),
        Err(d) => panic!("{d}"),
    }
}

#[test]
fn a_signed_decision_verifies_after_the_trip_through_a_file() {
    let text = write(&reviewed());
    assert!(text.contains("signature:"), "{text}");
    assert!(
        !text.contains("checked"),
        "the app's own finding is not written: {text}"
    );
    let fp = fingerprint(&public(&key(7))).expect("a readable key");
    assert_eq!(fp.len(), 39, "{fp}");
    assert_eq!(states(&text), [SignatureState::Verified { fingerprint: fp }]);
}

#[test]
fn one_byte_changed_in_any_signed_part_fails() {
    let text = write(&reviewed());
    // Each signed part, changed by one character in the file.
    for (from, to) in [
        (
            "verdict: approved\n    version",
            "verdict: changes_requested\n    version",
        ),
        ("reviewer: Ana Silva", "reviewer: Ana Silvb"),
        ("role: HR business partner", "role: HR business partnes"),
        ("date: 2026-12-03", "date: 2026-12-04"),
        ("\n    version: '1.2'", "\n    version: '1.3'"),
        ("Add volunteers.", "Add volunteers!"),
        ("author: Ana Silva", "author: Ana Silvb"),
        (
            "verdict: approved\n      reviewed_text",
            "verdict: changes_requested\n      reviewed_text",
        ),
    ] {
        assert!(text.contains(from), "{from:?} is not in:\n{text}");
        let edited = text.replacen(from, to, 1);
        let got = states(&edited);
        assert!(
            matches!(got.as_slice(), [SignatureState::EditedAfterReview { .. }]),
            "{from:?} -> {to:?}: {got:?}"
        );
    }
    // A reviewed text one byte longer.
    let draft = reviewed();
    let mut edited = draft.clone();
    if let Some(s) = edited.review.sections.get_mut("privacy") {
        s.reviewed_text.push(' ');
    }
    assert!(matches!(
        check(&edited.review, verify_p256).as_slice(),
        [SignatureState::EditedAfterReview { .. }]
    ));
    // Every byte of the signature and of the key.
    let Some(sig) = draft.review.decisions[0].signature.clone() else {
        panic!("signed")
    };
    for field in [0, 1, 2] {
        let raw = B64
            .decode(if field == 0 { &sig.signature } else { &sig.public_key })
            .expect("base64");
        for i in (0..raw.len()).step_by(7) {
            let mut bytes = raw.clone();
            bytes[i] ^= 1;
            let mut d = draft.clone();
            let s = d.review.decisions[0].signature.as_mut().expect("signed");
            match field {
                0 => s.signature = B64.encode(&bytes),
                1 => s.public_key = B64.encode(&bytes),
                _ => s.covers.replace_range(
                    i % 64..i % 64 + 1,
                    if s.covers.as_bytes()[i % 64] == b'0' { "1" } else { "0" },
                ),
            }
            assert!(
                matches!(
                    check(&d.review, verify_p256).as_slice(),
                    [SignatureState::EditedAfterReview { .. }]
                ),
                "field {field}, byte {i}"
            );
        }
    }
    // Unchanged, it holds.
    assert!(matches!(
        check(&draft.review, verify_p256).as_slice(),
        [SignatureState::Verified { .. }]
    ));
}

#[test]
fn a_later_round_keeps_the_first_signature_and_an_edit_after_the_last_breaks_only_it() {
    let mut draft = reviewed();
    draft
        .review
        .comment("privacy", "Ben Okafor", "2026-12-04T10:00:00Z", "Fine by legal.");
    sign(&mut draft, &key(9), decision("Ben Okafor", Verdict::Approved));
    let got = check(&draft.review, verify_p256);
    assert!(
        matches!(
            got.as_slice(),
            [SignatureState::Verified { .. }, SignatureState::Verified { .. }]
        ),
        "{got:?}"
    );
    if let Some(s) = draft.review.sections.get_mut("privacy") {
        s.comments[0].text = "Not fine.".into();
    }
    let got = check(&draft.review, verify_p256);
    assert!(
        matches!(
            got.as_slice(),
            [
                SignatureState::Verified { .. },
                SignatureState::EditedAfterReview { .. }
            ]
        ),
        "{got:?}"
    );
}

#[test]
fn an_edited_decision_reaches_neither_the_cover_nor_the_approval_record() {
    let p = policy();
    // The signed "changes requested" turned into "approved" in an editor.
    let mut signed = reviewed();
    signed.review.decisions.clear();
    sign(&mut signed, &key(7), decision("Ana Silva", Verdict::ChangesRequested));
    let text = write(&signed).replacen(
        "verdict: changes_requested\n    version",
        "verdict: approved\n    version",
        1,
    );
    assert_ne!(text, write(&signed));
    let draft = read("reviewed.yaml", &text, &p.questionnaire).unwrap_or_else(|d| panic!("{d}"));
    let doc = fill(&p.questionnaire, &p.library, &draft.answers);
    let out = finished(&doc, &draft.review, PolicyOptions::default());
    assert_eq!(out.cover.approval, policy_builder::policy::document::Approval::Draft);
    let record = out.to_plain();
    assert!(!record.contains("Ana Silva (HR business partner)"), "{record}");
    assert!(
        record.contains("1 decision in the reviewed file was changed after the reviewer signed, so it is not counted."),
        "{record}"
    );
    assert!(!record.contains("Sections approved"), "{record}");

    // Unchanged, the record names the key and says it was verified.
    let good = read("reviewed.yaml", &write(&reviewed()), &p.questionnaire).unwrap_or_else(|d| panic!("{d}"));
    let out = finished(&doc, &good.review, PolicyOptions::default());
    assert_eq!(out.cover.approval, policy_builder::policy::document::Approval::Approved);
    let fp = fingerprint(&public(&key(7))).expect("a readable key");
    let record = out.to_plain();
    assert!(
        record.contains(&format!(
            "Ana Silva (HR business partner): approved on 3 December 2026. Signed with key {fp}; the signature was verified."
        )),
        "{record}"
    );
}

#[test]
fn a_first_key_asks_for_trust_and_another_key_for_a_known_name_is_flagged() {
    let a = fingerprint(&public(&key(7))).expect("key");
    let b = fingerprint(&public(&key(8))).expect("key");
    assert_eq!(trust("Ana Silva", &a, &[]), Trust::FirstFromKey);
    let trusted = vec![("Ana Silva".to_owned(), a.clone())];
    assert_eq!(trust("ana silva ", &a, &trusted), Trust::Trusted);
    assert_eq!(
        trust("Ana Silva", &b, &trusted),
        Trust::OtherKeyForName { known: vec![a.clone()] }
    );
    assert_eq!(trust("Ben Okafor", &b, &trusted), Trust::FirstFromKey);
}

#[test]
fn the_state_a_file_claims_for_itself_is_not_taken() {
    let mut draft = reviewed();
    let fp = fingerprint(&public(&key(7))).expect("key");
    // A forged, unsigned decision that claims to be verified.
    draft.review.decisions.push(decision("Ana Silva", Verdict::Approved));
    let text = write(&draft);
    assert!(!text.contains("checked:"), "{text}");
    // The forged decision is the file's last entry: claim a state for it.
    let text = format!("{text}    checked:\n      verified:\n        fingerprint: '{fp}'\n");
    let got = states(&text);
    assert!(matches!(got[0], SignatureState::Verified { .. }), "{got:?}");
    assert_eq!(got[1], SignatureState::Unsigned);
}

#[test]
fn a_restore_checks_every_signature_again_and_never_takes_the_state_a_backup_claims() {
    use policy_builder::policy::files::backup::{recheck, reviews, with_states, Backup, DraftCopy};
    use policy_builder::policy::files::worker_protocol::{FileJob, FileRequest, Reply};

    let fp = fingerprint(&public(&key(7))).expect("key");
    // As stored in the reviewer's browser: the signed decision, checked.
    let mut honest = reviewed();
    honest.id = "honest".into();
    let states = check(&honest.review, verify_p256);
    for (d, state) in honest.review.decisions.iter_mut().zip(states) {
        d.checked = Some(state);
    }
    assert!(matches!(
        honest.review.decisions[0].state(),
        SignatureState::Verified { .. }
    ));
    // The same review whose verdict was turned into another after signing,
    // in a backup edited to still claim it verified.
    let mut laundered = honest.clone();
    laundered.id = "laundered".into();
    laundered.review.decisions[0].verdict = Verdict::ChangesRequested;
    assert!(matches!(
        laundered.review.decisions[0].state(),
        SignatureState::Verified { .. }
    ));
    let copy = |d: &StoredDraft| DraftCopy {
        id: d.id.clone(),
        stored: d.to_json(),
        quiz_scores: Default::default(),
        demo_links: Vec::new(),
        word_template: None,
    };
    // A copy this version cannot read is kept as it is.
    let unreadable = DraftCopy {
        id: "newer".into(),
        stored: "{\"schema\": 99}".into(),
        quiz_scores: Default::default(),
        demo_links: Vec::new(),
        word_template: None,
    };
    let file = Backup::new(
        "2026-12-03T12:00:00Z".into(),
        vec![copy(&honest), copy(&laundered), unreadable.clone()],
        None,
    )
    .to_json();
    let backup = Backup::parse(&file).expect("a backup");

    // Through the worker's job, as the page asks for it.
    let request = FileRequest {
        id: 4,
        job: FileJob::CheckSignatures {
            reviews: reviews(&backup.drafts),
        },
        questionnaire: String::new(),
    };
    let Reply::Signatures { id: 4, states } =
        policy_builder::policy::files::jobs::run(request, &policy().questionnaire)
    else {
        panic!("the worker answers with the reviews' states");
    };
    let drafts = with_states(backup.drafts.clone(), states.clone()).expect("one list per copy");
    assert_eq!(drafts, recheck(backup.drafts.clone(), verify_p256));
    assert_eq!(
        with_states(backup.drafts.clone(), states[..2].to_vec()),
        None,
        "an answer for another backup"
    );
    assert_eq!(drafts.len(), 3);
    assert_eq!(drafts[0], backup.drafts[0], "an honest copy keeps its exact text");
    assert_eq!(drafts[2], unreadable);
    let restored = drafts[1].draft().expect("readable");
    assert_eq!(
        restored.review.decisions[0].state(),
        SignatureState::EditedAfterReview { fingerprint: fp },
        "the claimed state is replaced by what the signature says"
    );
    assert_eq!(
        restored.review.decisions[0].verdict,
        Verdict::ChangesRequested,
        "nothing else changes"
    );
}
