//! The fixed words the pipeline itself writes into a Document, beside the
//! templates' text: the approval record, the review and revision history,
//! the next review, the cover's approval line and the staff sign-off
//! sheet. One table per language, chosen by the Document's language, so
//! that a French policy's appendices are French (Canadian, OQLF usage,
//! with French typography: a no-break space before : ; ! and ?) and an
//! English one reads as it always has. The renderers' own words (cover
//! rows, contents, page numbers) are in [`crate::policy::render::labels`].

use crate::policy::model::dates::parse_iso;
use crate::policy::model::language::Language;

/// The words of one language. A phrase with a value in it is a function
/// of that value, so that each language keeps its own word order and
/// agreement.
#[derive(Debug)]
pub struct Words {
    /// The language, for the dates.
    pub language: Language,
    /// Between the items of a list of sections ("1 Purpose; 2 Scope").
    pub list_separator: &'static str,
    /// A label and the value after it ("Version: 2.1").
    pub labelled: fn(&str, &str) -> String,

    /// The history appendix's title.
    pub history_title: &'static str,
    /// A version with no number.
    pub unnumbered: &'static str,
    /// What changed in the first version.
    pub first_issue: &'static str,
    /// What changed after a review that asked for changes.
    pub revised_as_asked: &'static str,
    /// What changed after an approval.
    pub revised_after_approval: &'static str,
    /// What changed, when the history cannot say.
    pub not_recorded: &'static str,
    /// What changed: the sections changed since the last review.
    pub changed_since: fn(&str) -> String,
    /// The date of a version not reviewed yet.
    pub not_yet_reviewed: &'static str,
    /// Who approved a version not approved yet.
    pub not_yet_approved: &'static str,
    /// Who approved a version whose decision was edited after review.
    pub edited_after_review: &'static str,
    /// Who approved a version that the reviewer sent back.
    pub not_approved: fn(&str) -> String,
    /// Who approved it: the reviewer and their role.
    pub approver: fn(&str, &str) -> String,
    /// One entry of the history: version, date, what changed, approval.
    pub revision: fn(&str, &str, &str, &str) -> String,
    /// The next review, before its date.
    pub next_review: fn(&str) -> String,
    /// The next review, once its date has come.
    pub review_was_due: fn(&str) -> String,
    /// The next review, while the answers do not give it.
    pub next_review_not_set: &'static str,

    /// The approval record's title.
    pub record_title: &'static str,
    /// The approval record's first paragraph.
    pub record_intro: &'static str,
    /// The verdicts in running text: approved, changes requested.
    pub verdicts: [&'static str; 2],
    /// A decision: reviewer, role, verdict, date, then whether it is signed.
    pub decision: fn(&str, &str, &str, &str, &str) -> String,
    /// A decision whose signature was verified, with the key's fingerprint.
    pub signed_with: fn(&str) -> String,
    /// A decision not signed.
    pub not_signed: &'static str,
    /// How many decisions were edited after they were signed (one or more).
    pub edited_decisions: fn(usize) -> String,
    /// The sections approved.
    pub sections_approved: &'static str,
    /// The sections approved before their text changed.
    pub sections_approved_before_change: &'static str,
    /// The sections sent back.
    pub sections_changes_requested: &'static str,
    /// The version a review was about, with its number.
    pub version_no: fn(&str) -> String,
    /// The version a review was about, with no number.
    pub unnumbered_version: &'static str,
    /// A review of a version: version, date, reviewer, verdict.
    pub reviewed_by: fn(&str, &str, &str, &str) -> String,
    /// The heading of the reviews by version.
    pub reviews_by_version: &'static str,

    /// The sign-off sheet's document title, from the policy's.
    pub signoff_title: fn(&str) -> String,
    /// The sign-off sheet's section title.
    pub acknowledgement: &'static str,
    /// The policy's row.
    pub policy: &'static str,
    /// The version's row.
    pub version: &'static str,
    /// The effective date's row.
    pub effective_date: &'static str,
    /// A fact the policy does not give.
    pub not_given: &'static str,
    /// What staff sign: the policy's title and version.
    pub statement: fn(&str, &str) -> String,
    /// The lines to write on: name, role, signature, date.
    pub lines: [&'static str; 4],
    /// Where the signed sheet goes.
    pub return_sheet: &'static str,

    /// The review reminder's event: "Review due: {title}".
    pub reminder_summary: fn(&str) -> String,
    /// Its first lines: (title, organization, version, owner).
    pub reminder_about: fn(&str, &str, &str, &str) -> String,
    /// The heading of its checklist.
    pub reminder_checklist_heading: &'static str,
    /// The checklist, one step a line.
    pub reminder_checklist: [&'static str; 4],
    /// The alarm a week before: (title).
    pub reminder_alarm: fn(&str) -> String,
    /// The calendar's name: (organization).
    pub reminder_calendar: fn(&str) -> String,
}

/// English.
pub const ENGLISH: Words = Words {
    language: Language::English,
    list_separator: "; ",
    labelled: |label, value| format!("{label}: {value}"),

    history_title: "Review and revision history",
    unnumbered: "Unnumbered",
    first_issue: "First issue.",
    revised_as_asked: "Revised as the previous review asked.",
    revised_after_approval: "Revised after approval.",
    not_recorded: "Not recorded.",
    changed_since: |sections| format!("Changed since the last review: {sections}."),
    not_yet_reviewed: "Not yet reviewed",
    not_yet_approved: "Not yet approved",
    edited_after_review: "Not counted: the decision was edited after review",
    not_approved: |reviewer| format!("Not approved: {reviewer} asked for changes"),
    approver: |reviewer, role| format!("{reviewer} ({role})"),
    revision: |version, date, changes, approved| {
        format!("Version {version}, {date}. What changed: {changes} Approved by: {approved}.")
    },
    next_review: |date| format!("Next review: {date}"),
    review_was_due: |date| format!("Review was due on {date}"),
    next_review_not_set: "Next review: not set (give the effective date and the review cycle).",

    record_title: "Approval record",
    record_intro: "This record lists the reviews of this policy and the decisions taken.",
    verdicts: ["approved", "changes requested"],
    decision: |reviewer, role, verdict, date, signed| format!("{reviewer} ({role}): {verdict} on {date}.{signed}"),
    signed_with: |key| format!(" Signed with key {key}; the signature was verified."),
    not_signed: " Not signed.",
    edited_decisions: |n| {
        if n == 1 {
            "1 decision in the reviewed file was changed after the reviewer signed, so it is not counted.".to_owned()
        } else {
            format!(
                "{n} decisions in the reviewed file were changed after the reviewer signed, so they are not counted."
            )
        }
    },
    sections_approved: "Sections approved",
    sections_approved_before_change: "Sections approved before their text changed, to be reviewed again",
    sections_changes_requested: "Sections with changes requested",
    version_no: |version| format!("Version {version}"),
    unnumbered_version: "Unnumbered version",
    reviewed_by: |version, date, reviewer, verdict| format!("{version}, {date}: reviewed by {reviewer}, {verdict}."),
    reviews_by_version: "Reviews by version:",

    signoff_title: |title| format!("{title}: staff acknowledgement"),
    acknowledgement: "Staff acknowledgement",
    policy: "Policy",
    version: "Version",
    effective_date: "Effective date",
    not_given: "not given",
    statement: |title, version| {
        format!("I have read and understood the {title} (version {version}), and I agree to follow it.")
    },
    lines: ["Name", "Role", "Signature", "Date"],
    return_sheet: "Return the signed sheet to your manager, who keeps it with your training record.",

    reminder_summary: |title| format!("Review due: {title}"),
    reminder_about: |title, organization, version, owner| {
        format!("Review of the {title} of {organization}, version {version}.\nOwner: {owner}.")
    },
    reminder_checklist_heading: "Checklist:",
    reminder_checklist: [
        "Check the platforms staff use and any new ones.",
        "Check privacy law and regulator guidance for changes since the last review.",
        "Read the incidents and questions since the last review.",
        "Update the policy, record the new version and have it approved.",
    ],
    reminder_alarm: |title| format!("The {title} is due for review in a week"),
    reminder_calendar: |organization| format!("{organization}: policy review"),
};

/// Canadian French (OQLF usage: « révision », « registre », « gestionnaire »),
/// with a no-break space (U+00A0) before : and ;.
pub const FRENCH: Words = Words {
    language: Language::CanadianFrench,
    list_separator: "\u{a0}; ",
    labelled: |label, value| format!("{label}\u{a0}: {value}"),

    history_title: "Historique des révisions et des versions",
    unnumbered: "non numérotée",
    first_issue: "première publication.",
    revised_as_asked: "révisée comme l'a demandé la révision précédente.",
    revised_after_approval: "révisée après son approbation.",
    not_recorded: "non consignées.",
    changed_since: |sections| format!("sections modifiées depuis la dernière révision\u{a0}: {sections}."),
    not_yet_reviewed: "pas encore révisée",
    not_yet_approved: "pas encore accordée",
    edited_after_review: "non comptée, la décision ayant été modifiée après la révision",
    not_approved: |reviewer| format!("non accordée, {reviewer} ayant demandé des modifications"),
    approver: |reviewer, role| format!("{reviewer} ({role})"),
    revision: |version, date, changes, approved| {
        format!("Version {version}, {date}. Modifications\u{a0}: {changes} Approbation\u{a0}: {approved}.")
    },
    next_review: |date| format!("Prochaine révision\u{a0}: {date}"),
    review_was_due: |date| format!("La révision était prévue le {date}"),
    next_review_not_set:
        "Prochaine révision\u{a0}: non fixée (indiquez la date d'entrée en vigueur et le cycle de révision).",

    record_title: "Registre des approbations",
    record_intro: "Ce registre énumère les révisions de la présente politique et les décisions prises.",
    verdicts: ["approuvée", "modifications demandées"],
    decision: |reviewer, role, verdict, date, signed| {
        format!("{reviewer} ({role})\u{a0}: {verdict} le {date}.{signed}")
    },
    signed_with: |key| format!(" Décision signée avec la clé {key}\u{a0}; la signature a été vérifiée."),
    not_signed: " Décision non signée.",
    edited_decisions: |n| {
        if n == 1 {
            "Une décision du fichier révisé a été modifiée après sa signature\u{a0}; elle n'est donc pas comptée."
                .to_owned()
        } else {
            format!(
                "Dans le fichier révisé, {n} décisions ont été modifiées après leur signature\u{a0}; elles ne sont donc pas comptées."
            )
        }
    },
    sections_approved: "Sections approuvées",
    sections_approved_before_change: "Sections approuvées avant la modification de leur texte, à réviser de nouveau",
    sections_changes_requested: "Sections dont la modification est demandée",
    version_no: |version| format!("Version {version}"),
    unnumbered_version: "Version non numérotée",
    reviewed_by: |version, date, reviewer, verdict| {
        format!("{version}, {date}\u{a0}: révisée par {reviewer}, {verdict}.")
    },
    reviews_by_version: "Révisions par version\u{a0}:",

    signoff_title: |title| format!("{title}\u{a0}: attestation de lecture du personnel"),
    acknowledgement: "Attestation de lecture",
    policy: "Politique",
    version: "Version",
    effective_date: "Date d'entrée en vigueur",
    not_given: "non indiquée",
    statement: |title, version| {
        format!(
            "J'ai lu et compris le document «\u{a0}{title}\u{a0}» (version {version}) et je m'engage à le respecter."
        )
    },
    lines: ["Nom", "Fonction", "Signature", "Date"],
    return_sheet: "Remettez la feuille signée à votre gestionnaire, qui la conserve avec votre dossier de formation.",

    // The title is quoted and the organization labelled: « la Politique… »
    // would need the title's gender, « de {organization} » the name's
    // article (« de la Résidence », « du Centre »).
    reminder_summary: |title| format!("Révision prévue\u{a0}: {title}"),
    reminder_about: |title, organization, version, owner| {
        format!(
            "Révision du document «\u{a0}{title}\u{a0}», version {version}.\nOrganisation\u{a0}: {organization}.\nResponsable\u{a0}: {owner}."
        )
    },
    reminder_checklist_heading: "À faire\u{a0}:",
    reminder_checklist: [
        "Vérifier les plateformes qu'utilise le personnel, y compris les nouvelles.",
        "Vérifier si les lois sur la protection des renseignements personnels et les lignes directrices des organismes de réglementation ont changé depuis la dernière révision.",
        "Passer en revue les incidents survenus et les questions reçues depuis la dernière révision.",
        "Mettre à jour la politique, consigner la nouvelle version et la faire approuver.",
    ],
    reminder_alarm: |title| format!("La révision du document «\u{a0}{title}\u{a0}» est prévue dans une semaine"),
    reminder_calendar: |organization| format!("{organization}\u{a0}: révision de la politique"),
};

impl Words {
    /// The words for a Document whose language tag is `tag` (`fr-CA`,
    /// `en-US`…): French for a French tag, else English, as
    /// [`crate::policy::render::labels::Labels::of`] chooses.
    pub fn of(tag: &str) -> &'static Words {
        if tag.split('-').next().is_some_and(|l| l.eq_ignore_ascii_case("fr")) {
            &FRENCH
        } else {
            &ENGLISH
        }
    }

    /// The words of `language`.
    pub fn of_language(language: Language) -> &'static Words {
        match language {
            Language::English => &ENGLISH,
            Language::CanadianFrench => &FRENCH,
        }
    }

    /// A stored date (`YYYY-MM-DD`) in this language's long form, or as
    /// it is when it is not a date.
    pub fn date(&self, iso: &str) -> String {
        parse_iso(iso).map_or_else(|| iso.to_owned(), |d| d.long_in(self.language))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_french_document_gets_french_words_and_every_other_english() {
        assert_eq!(Words::of("fr-CA").language, Language::CanadianFrench);
        for tag in ["en", "en-CA", "", "de"] {
            assert_eq!(Words::of(tag).language, Language::English, "{tag}");
        }
        assert_eq!(Words::of("fr-CA").date("2026-12-01"), "1er décembre 2026");
        assert_eq!(Words::of("en").date("2026-12-01"), "1 December 2026");
        assert_eq!(Words::of("en").date("soon"), "soon");
        assert_eq!((FRENCH.labelled)("Nom", "Ana"), "Nom\u{a0}: Ana");
    }

    #[test]
    fn the_french_words_have_a_no_break_space_before_every_colon_and_semicolon() {
        let w = &FRENCH;
        let texts = [
            (w.labelled)("a", "b"),
            (w.changed_since)("1 Objet"),
            (w.revision)("1", "2", "3", "4"),
            (w.next_review)("d"),
            w.next_review_not_set.to_owned(),
            (w.decision)("a", "b", "c", "d", "e"),
            (w.signed_with)("ab12"),
            (w.edited_decisions)(1),
            (w.edited_decisions)(2),
            (w.reviewed_by)("a", "b", "c", "d"),
            w.reviews_by_version.to_owned(),
            (w.signoff_title)("t"),
            w.list_separator.to_owned(),
        ];
        for text in texts {
            let chars: Vec<char> = text.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                if matches!(c, ':' | ';') {
                    assert_eq!(chars.get(i.wrapping_sub(1)), Some(&'\u{a0}'), "{text:?}");
                }
            }
        }
    }
}
