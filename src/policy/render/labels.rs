//! The fixed words every renderer prints around a Document's own text: the
//! cover's facts, the contents heading, the page numbers, the approval
//! status, and the files' properties (subject, keywords). They follow the Document's language, so that a French policy
//! has no English word in its PDF, Word file or web page.

use crate::policy::document::{Approval, DocumentKind};

/// The fixed words of one language.
#[derive(Debug)]
pub struct Labels {
    /// The cover's version row, and the start of "Version 2.1".
    pub version: &'static str,
    /// The cover's effective date row.
    pub effective_date: &'static str,
    /// The quick reference's short form of it ("Effective 1 March 2027").
    pub effective: &'static str,
    /// The cover's next review row.
    pub next_review: &'static str,
    /// The cover's policy owner row.
    pub policy_owner: &'static str,
    /// The cover's contact row.
    pub contact: &'static str,
    /// The cover's approval status row.
    pub approval_status: &'static str,
    /// Who approved the policy, or the line for it.
    pub approved_by: &'static str,
    /// The line to sign on.
    pub signature: &'static str,
    /// The line for the date of signing.
    pub date: &'static str,
    /// What a line to sign on says until it is.
    pub to_sign: &'static str,
    /// The contents' heading.
    pub contents: &'static str,
    /// "Page" in "Page 3 of 15".
    pub page: &'static str,
    /// "of" in "Page 3 of 15".
    pub of: &'static str,
    /// The Word file's organization line.
    pub organization: &'static str,
    /// What follows a label in running text (French puts a no-break space
    /// before the colon).
    pub colon: &'static str,
    /// What a version of a bilingual document in this language is called,
    /// in this language: its PDF bookmark, its web page's switch link.
    pub version_name: &'static str,
    /// The approval statuses: draft, in review, approved.
    approval: [&'static str; 3],
    /// The files' subject in their properties: a policy, a quick
    /// reference, a note for approvers.
    subjects: [&'static str; 3],
    /// The PDF's keywords.
    pub keywords: [&'static str; 5],
    /// The Word file's keywords.
    pub word_keywords: [&'static str; 3],
    /// Who made the Word file's tracked changes.
    pub drafters: &'static str,
}

/// English.
pub const ENGLISH: Labels = Labels {
    version: "Version",
    effective_date: "Effective date",
    effective: "Effective",
    next_review: "Next review",
    policy_owner: "Policy owner",
    contact: "Contact",
    approval_status: "Approval status",
    approved_by: "Approved by",
    signature: "Signature",
    date: "Date",
    to_sign: "To be completed on approval",
    contents: "Contents",
    page: "Page",
    of: "of",
    organization: "Organization",
    colon: ": ",
    version_name: "English version",
    approval: ["Draft", "In review", "Approved"],
    subjects: [
        "Social media policy",
        "Social media quick reference for staff",
        "Notes for the approvers of a social media policy",
    ],
    keywords: ["social media", "policy", "health care", "privacy", "confidentiality"],
    word_keywords: ["social media", "policy", "healthcare"],
    drafters: "Policy drafters",
};

/// Canadian French (Office québécois de la langue française usage: « table
/// des matières », « date d'entrée en vigueur », « personne-ressource »).
pub const FRENCH: Labels = Labels {
    version: "Version",
    effective_date: "Date d'entrée en vigueur",
    effective: "En vigueur le",
    next_review: "Prochaine révision",
    policy_owner: "Responsable de la politique",
    contact: "Personne-ressource",
    approval_status: "État de l'approbation",
    approved_by: "Approuvée par",
    signature: "Signature",
    date: "Date",
    to_sign: "À remplir à l'approbation",
    contents: "Table des matières",
    page: "Page",
    of: "de",
    organization: "Organisation",
    colon: "\u{a0}: ",
    version_name: "Version fran\u{e7}aise",
    approval: ["Ébauche", "En révision", "Approuvée"],
    subjects: [
        "Politique sur les médias sociaux",
        "Aide-mémoire pour le personnel sur les médias sociaux",
        "Notes pour les personnes qui approuvent une politique sur les médias sociaux",
    ],
    keywords: [
        "médias sociaux",
        "politique",
        "soins de santé",
        "vie privée",
        "confidentialité",
    ],
    word_keywords: ["médias sociaux", "politique", "soins de santé"],
    drafters: "Équipe de rédaction de la politique",
};

impl Labels {
    /// The words for a Document whose language tag is `tag` (`fr-CA`,
    /// `en-US`…): French for a French tag, else English.
    pub fn of(tag: &str) -> &'static Labels {
        if tag.split('-').next().is_some_and(|l| l.eq_ignore_ascii_case("fr")) {
            &FRENCH
        } else {
            &ENGLISH
        }
    }

    /// "Page 3 of 15".
    pub fn page_of(&self, page: usize, total: usize) -> String {
        format!("{} {page} {} {total}", self.page, self.of)
    }

    /// "Version 2.1".
    pub fn version_no(&self, version: &str) -> String {
        format!("{} {version}", self.version)
    }

    /// What a kind of document is about, as its file's properties say.
    pub fn subject(&self, kind: DocumentKind) -> &'static str {
        match kind {
            DocumentKind::Policy => self.subjects[0],
            DocumentKind::QuickReference => self.subjects[1],
            DocumentKind::Note => self.subjects[2],
        }
    }

    /// The approval status as the cover prints it.
    pub fn approval(&self, status: Approval) -> &'static str {
        match status {
            Approval::Draft => self.approval[0],
            Approval::InReview => self.approval[1],
            Approval::Approved => self.approval[2],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_french_document_gets_french_words_and_every_other_english() {
        assert_eq!(Labels::of("fr-CA").page_of(3, 15), "Page 3 de 15");
        assert_eq!(Labels::of("fr").contents, "Table des matières");
        for tag in ["en", "en-CA", "en-US", "", "de"] {
            assert_eq!(Labels::of(tag).page_of(3, 15), "Page 3 of 15", "{tag}");
        }
        assert_eq!(Labels::of("fr-CA").approval(Approval::Approved), "Approuvée");
        assert_eq!(Labels::of("en-GB").approval(Approval::InReview), "In review");
    }
}
