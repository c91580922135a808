//! Signed reviews: a reviewer's decision signed with their key (ECDSA
//! P-256 with SHA-256, made by WebCrypto in their browser), so that a
//! reviewed file edited in a text editor afterwards is told apart.
//!
//! A signature covers the review as its reviewer saw it and their
//! decision. What it covers is written canonically: [`covers`] is the
//! SHA-256 of the sections' verdicts, reviewed texts and comments as JSON
//! with a fixed field order (serde_json writes struct fields in declared
//! order, maps sorted by key, strings escaped one way), and
//! [`signed_bytes`] is that digest with the decision and the public key,
//! written the same way. Replies and "resolved" marks are left out: the
//! author adds them after the review comes back.
//!
//! Each signed decision keeps its own `covers`, so a later round of review
//! does not break an earlier signature; the last signed decision must
//! cover the review as the file holds it, or the file was edited after
//! review. [`check`] gives each decision's [`SignatureState`]; the ECDSA
//! verification itself is handed in (p256 in the PDF worker, which reads
//! every imported file; WebCrypto could do it in the page).

use base64::Engine;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::policy::files::review::{Decision, Review, Verdict};
pub use crate::policy::files::review::{ReviewSignature, SignatureState};

/// What the signature is made with, written in the file for readers.
pub const ALGORITHM: &str = "ECDSA P-256 SHA-256";
/// Names what the signed bytes are, so that they can mean nothing else.
const PURPOSE: &str = "social-media-policy-builder/review-signature/1";

#[derive(Serialize)]
struct CanonComment<'a> {
    id: &'a str,
    author: &'a str,
    at: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct CanonSection<'a> {
    verdict: Option<Verdict>,
    reviewed_text: &'a str,
    comments: Vec<CanonComment<'a>>,
}

#[derive(Serialize)]
struct CanonDecision<'a> {
    reviewer: &'a str,
    role: &'a str,
    date: &'a str,
    verdict: Verdict,
    version: &'a str,
}

#[derive(Serialize)]
struct Signed<'a> {
    purpose: &'a str,
    covers: &'a str,
    decision: CanonDecision<'a>,
    public_key: &'a str,
}

/// The SHA-256, in hex, of the canonical form of what a reviewer says
/// about the sections: each section with a verdict or comments, by id,
/// with its verdict, reviewed text and comments.
pub fn covers(review: &Review) -> String {
    let sections: std::collections::BTreeMap<&str, CanonSection<'_>> = review
        .sections
        .iter()
        .filter(|(_, s)| s.verdict.is_some() || !s.comments.is_empty())
        .map(|(id, s)| {
            let comments = s
                .comments
                .iter()
                .map(|c| CanonComment {
                    id: &c.id,
                    author: &c.author,
                    at: &c.at,
                    text: &c.text,
                })
                .collect();
            let section = CanonSection {
                verdict: s.verdict,
                reviewed_text: &s.reviewed_text,
                comments,
            };
            (id.as_str(), section)
        })
        .collect();
    hex(&Sha256::digest(canonical(&sections)))
}

/// The bytes a reviewer signs for `decision`: what it covers, the decision
/// and the public key, canonically.
pub fn signed_bytes(decision: &Decision, covers: &str, public_key: &str) -> Vec<u8> {
    canonical(&Signed {
        purpose: PURPOSE,
        covers,
        decision: CanonDecision {
            reviewer: &decision.reviewer,
            role: &decision.role,
            date: &decision.date,
            verdict: decision.verdict,
            version: &decision.version,
        },
        public_key,
    })
}

/// A short, readable fingerprint of a public key (base64 as in the file):
/// the first 16 bytes of its SHA-256 in groups of four hex digits, to
/// compare by phone or in person. An unreadable key has none.
pub fn fingerprint(public_key: &str) -> Option<String> {
    let key = base64::engine::general_purpose::STANDARD.decode(public_key).ok()?;
    let digest = Sha256::digest(&key);
    let hex = hex(&digest[..16]).to_uppercase();
    Some(
        hex.as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// One ECDSA verification to make: the decoded key, message and signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// The uncompressed P-256 point.
    pub public_key: Vec<u8>,
    /// [`signed_bytes`].
    pub message: Vec<u8>,
    /// r and s.
    pub signature: Vec<u8>,
}

/// The state of each decision of `review`, in order. `verify` says whether
/// an ECDSA P-256 SHA-256 signature holds.
pub fn check(review: &Review, verify: impl Fn(&Verification) -> bool) -> Vec<SignatureState> {
    let now = covers(review);
    let last_signed = review.decisions.iter().rposition(|d| d.signature.is_some());
    review
        .decisions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let Some(s) = &d.signature else {
                return SignatureState::Unsigned;
            };
            let fingerprint = fingerprint(&s.public_key).unwrap_or_else(|| "unreadable key".to_owned());
            let b64 = base64::engine::general_purpose::STANDARD;
            let holds = s.algorithm == ALGORITHM
                && match (b64.decode(&s.public_key), b64.decode(&s.signature)) {
                    (Ok(public_key), Ok(signature)) => verify(&Verification {
                        public_key,
                        message: signed_bytes(d, &s.covers, &s.public_key),
                        signature,
                    }),
                    _ => false,
                }
                // The last signature must cover the review as it is now.
                && (Some(i) != last_signed || s.covers == now);
            if holds {
                SignatureState::Verified { fingerprint }
            } else {
                SignatureState::EditedAfterReview { fingerprint }
            }
        })
        .collect()
}

/// How a reviewer's key stands with the author who imports their review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// The author trusts this key for this reviewer.
    Trusted,
    /// The first review from this key: ask the author to trust it, with
    /// its fingerprint to compare.
    FirstFromKey,
    /// This reviewer's name came before with another key: flag it.
    OtherKeyForName {
        /// The fingerprints trusted for the name before.
        known: Vec<String>,
    },
}

/// How `fingerprint`, signing as `reviewer`, stands against the keys the
/// author trusts (reviewer name, fingerprint).
pub fn trust(reviewer: &str, fingerprint: &str, trusted: &[(String, String)]) -> Trust {
    let same_name: Vec<&(String, String)> = trusted
        .iter()
        .filter(|(name, _)| name.trim().eq_ignore_ascii_case(reviewer.trim()))
        .collect();
    if same_name.iter().any(|(_, f)| f == fingerprint) {
        Trust::Trusted
    } else if same_name.is_empty() {
        Trust::FirstFromKey
    } else {
        Trust::OtherKeyForName {
            known: same_name.iter().map(|(_, f)| f.clone()).collect(),
        }
    }
}

/// Whether `v` holds: an ECDSA P-256 SHA-256 signature (r and s) by the
/// uncompressed point `v.public_key` over `v.message`.
#[cfg(feature = "yaml")]
pub fn verify_p256(v: &Verification) -> bool {
    use p256::ecdsa::signature::Verifier;
    use p256::ecdsa::{Signature, VerifyingKey};
    let (Ok(key), Ok(signature)) = (
        VerifyingKey::from_sec1_bytes(&v.public_key),
        Signature::from_slice(&v.signature),
    ) else {
        return false;
    };
    key.verify(&v.message, &signature).is_ok()
}

fn canonical<T: Serialize>(value: &T) -> Vec<u8> {
    // Plain structs, maps of strings and strings always serialize.
    serde_json::to_vec(value).unwrap_or_default()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
