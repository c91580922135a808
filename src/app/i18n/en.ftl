# The interface in English. Every message here has one in fr.ftl with the
# same id and the same variables (tests/interface_language.rs checks).

## Shared

app-name = Social Media Policy Builder
skip-to-main = Skip to main content
cancel = Cancel
download-answer-file = Download answer file
language-label = Interface language
# Shown when the French words could not be fetched. The second message is
# the same in French, built in with the English so that a French reader
# learns why the page is in English.
language-unavailable = The French interface could not be loaded, so the page stays in English. Check the connection, then choose Français again.
language-unavailable-in-french = L'interface en français n'a pas pu être chargée, donc la page reste en anglais. Vérifiez la connexion, puis choisissez de nouveau Français.
nav-trainer = Trainer mode

## The drafts page

drafts-heading = Your drafts
drafts-lede = Answer questions about your healthcare organization and get a social media policy for its staff, ready to review and export as a PDF. Drafts stay in this browser. Nothing you type is sent anywhere. Download an answer file to keep a copy or send it to a reviewer.
drafts-saved-heading = Saved in this browser
drafts-none-yet = You have no drafts yet.
drafts-count = { $count ->
    [one] { $count } draft
   *[other] { $count } drafts
}
drafts-no-storage = This browser is not letting the page save, so drafts cannot be kept here. You can still start a draft; download it as an answer file before you close the page.
drafts-undo = Undo
drafts-stored-for-review-failed = The file was read but could not be stored for review: { $error }.
drafts-store-failed = The file was read but could not be stored: { $error }.
drafts-imported = Imported "{ $name }".
drafts-replaced = Replaced with the file: "{ $name }".
drafts-review-added = Added the review to "{ $name }".
drafts-imported-copy = Imported a copy: "{ $name }".
drafts-imported-name = { $name } (imported)
drafts-reading-file = Reading the file…
drafts-open-for-review-failed = "{ $file }" could not be opened for review: { $error }.
drafts-read-failed = "{ $file }" could not be read: { $error }.
drafts-a-damaged-draft = a damaged draft
drafts-review-not-added = The draft here cannot be read, so the review could not be added to it.
drafts-nothing-imported = Nothing was imported.
drafts-deleted = Deleted "{ $name }".
drafts-delete-failed = "{ $name }" could not be deleted: { $error }.
drafts-restored = Restored "{ $name }".
drafts-restore-failed = "{ $name }" could not be restored: { $error }.
drafts-review-problems-title = The draft file could not be opened for review
drafts-import-problems-title = The answer file could not be imported
drafts-changed-elsewhere = it has changed in another tab and can no longer be read; reload the page
drafts-rename-failed = "{ $name }" could not be renamed: { $error }.
drafts-renamed = Renamed "{ $name }" to "{ $new_name }".
drafts-copy-failed = "{ $name }" could not be copied: { $error }.
drafts-copy-name = Copy of { $name }
drafts-copied = Made "{ $name }".
drafts-download-failed = "{ $name }" could not be downloaded: { $error }.
drafts-new-name-for = New name for "{ $name }"
drafts-last-changed = Last changed { $time }
drafts-last-changed-id = Last changed { $time } (draft { $id })
drafts-save-name = Save name
drafts-rename = Rename
drafts-duplicate = Duplicate
drafts-download-of = { " " }of { $name }
drafts-delete = Delete
drafts-entry-download-failed = The entry could not be downloaded: { $error }.
drafts-damaged-label = damaged draft
drafts-damaged-heading = A saved draft that cannot be opened
drafts-damaged-text = { $error }. It is kept as it is until you delete it.
drafts-damaged-download = Download it as a file
drafts-damaged-delete = Delete it

clash-heading = You already have this draft
clash-text = The file is a version of "{ $name }"{ $saved ->
    [none] {""}
   *[other] , last changed here { $saved }
}. { $review ->
    [yes] Add the file's review to the draft here, replace the draft here with the file, or keep both?
   *[no] The file holds no review. Replace the draft here with the file, or keep both?
}
clash-add-review = Add the review to the draft here
clash-replace = Replace the draft here
clash-keep-both = Keep both

start-heading = Start a draft
start-new = Start a new draft
start-from-sample = Start from a sample organization
start-import = Import an answer file
start-import-hint = A .yaml file downloaded from this app.
start-review = Review a draft file
start-review-hint = Open a draft someone sent you, to comment and approve it. It works with no network.

## The app's frame

broken-heading = The policy templates could not be loaded
broken-text = Nothing has been changed. These problems must be fixed in the templates:
content-loading = Loading the policy text…
content-offline = The policy text could not be fetched: the network is off and this language has not been kept for offline use yet. Connect once, then it works offline.
content-fetch-failed = The policy text could not be fetched ({ $error }).
content-damaged = The policy text this version fetched cannot be used ({ $error }). Reload the page; if it persists, the app's files on this server are incomplete.
content-retry = Try again
sample-missing = This sample is not in this version of the app.
policy-language-label = Language of the policy
policy-language-hint = The questions stay in the language of the app; the preview and every export are written in this language. Answers are shared by both languages.
policy-language-en = English
policy-language-fr = French
policy-language-fr-en = French and English (French first)
policy-language-en-fr = English and French (English first)
export-languages = Languages of the exports
export-in-both = Both, in one file
export-in-only = { $language } only
export-in-hint = With both, each file holds both versions, the first language first. In the Word file, the review comments and tracked changes are on the first version.
export-language-not-ready = The other language's text is still loading, or this draft uses an imported clause library, which has one language only. Try again in a moment, or export one language.
language-english = English
language-french = French
export-placeholders = { $what ->
        [quick] This quick reference
        [notes] This cover note
       *[policy] This policy
    } still has { $sections ->
        [0] the cover
        [one] { $sections } section{ $cover ->
            [yes] {" "}and the cover
           *[no] {""}
        }
       *[other] { $sections } sections{ $cover ->
            [yes] {" "}and the cover
           *[no] {""}
        }
    } with { $questions ->
        [one] { $questions } unanswered question
       *[other] { $questions } unanswered questions
    } shown as placeholders ({ $count ->
        [one] { $count } placeholder
       *[other] { $count } placeholders
    }). Export it anyway?
draft-unreadable = This draft cannot be opened: { $error }. Go back to your drafts to download it as a file.
draft-not-here = There is no draft here with this address. It may have been deleted, or saved in another browser.
draft-not-found = Draft not found
go-to-drafts = Go to your drafts
part-failed-title = This page could not be loaded
part-failed = This part of the app has not been fetched yet, and the network cannot be reached. Your drafts are safe in this browser. Connect once and try again: after that, it works offline.
part-retry = Try again
preview-hide = Hide the policy preview
preview-show = Show the policy preview

update-waiting = A new version of the app is ready. It will be used once every tab of the app is closed.
update-use-now = Use it now
update-taken-over = A new version of the app is installed; this page still runs the old one.
update-reload-now = Reload now
update-reload-note = (this reloads the page: first check that your draft says it is saved).

notice-download-failed = Your answers could not be downloaded: { $error }.
notice-not-saved = Your answers are not being saved
notice-not-saved-text = { $error }. { $advice }
notice-download-answers = Download your answers
notice-changed-elsewhere = This draft was changed in another tab or window
notice-changed-elsewhere-text = Saving has stopped so that neither version is lost. Choose which version to keep; you can download this one first.
notice-download-this = Download this version
notice-other-unreadable = The other version cannot be read by this version of the app. Download this version, then open your drafts, where the other one is listed with a download.
notice-use-other = Use the other version
notice-keep-this = Keep this version

## The draft's top bar

bar-saved = Saved in this browser { $time }
bar-not-saved = Not saved
bar-changed-elsewhere = Not saved: changed in another tab
bar-downloaded = Answer file downloaded.
bar-download-failed = The answer file could not be downloaded: { $error }.
bar-nav = Draft
nav-all-drafts = All drafts
nav-questions = Questions
nav-check = Check answers
nav-review = Review

## Exports

making = { $what ->
    [pdf] Making the PDF…
    [word] Making the Word file…
    [quick] Making the quick reference…
    [notes] Making the cover note…
    [signoff] Making the sign-off sheet…
    [reminder] Making the review reminder…
   *[handout] Making the handout…
}
made-failed = { $what ->
    [pdf] The PDF
    [word] The Word file
    [quick] The quick reference
    [notes] The cover note
    [signoff] The sign-off sheet
    [reminder] The review reminder
   *[handout] The handout
} could not be made: { $error }.
made-not-downloaded = { $what ->
    [pdf] The PDF
    [word] The Word file
    [quick] The quick reference
    [notes] The cover note
    [signoff] The sign-off sheet
    [reminder] The review reminder
   *[handout] The handout
} was made but could not be downloaded: { $error }.
made-downloaded = { $what ->
    [pdf] PDF
    [word] Word file
    [quick] Quick reference
    [notes] Cover note
    [signoff] Sign-off sheet
    [reminder] Review reminder
   *[handout] Handout
} downloaded.
made-downloaded-pages = { $what ->
    [pdf] PDF
    [word] Word file
    [quick] Quick reference
    [notes] Cover note
    [signoff] Sign-off sheet
    [reminder] Review reminder
   *[handout] Handout
} downloaded ({ $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}).
made-missing-glyphs = { $done } The PDF font has no glyph for these characters, which were printed as "?":{ $chars }.
export-web-downloaded = Web page downloaded.
export-web-failed = The web page could not be downloaded: { $error }.
export-placeholder-help = A placeholder prints the question's topic in square brackets where its answer will go. Check your answers lists every question not answered yet.
export-anyway = Export anyway
export-include-approval = Include the approval record
export-pdf = Export PDF
export-web = Download as web page
export-word = Export Word (DOCX)
export-quick = Staff quick reference (PDF)
export-notes = Cover note for approvers (PDF)
export-signoff-pdf = Staff sign-off sheet (PDF)
export-signoff-word = Staff sign-off sheet (Word)
export-reminder = Review reminder (.ics)
problems-intro = Nothing was changed. Fix these problems in the file and try again:

## The check-answers page

check-changed-heading = Sections that now read differently
check-changed-text = This draft was made on an older version of the legal content. These sections of its policy now read differently. The clause library's changelog says what changed and why.
check-changed-read = I have read these changes
check-unused-heading = Saved answers this version does not use
check-unused-text = They are kept with the draft and in its answer file, but they do not change the policy.
check-section-gone = A section the policy no longer has
check-mark-resolved = Mark resolved
check-mark-resolved-of = Mark resolved: { $text }
check-comments-heading = Open review comments
check-comments-text = Resolve them here or beside their sections in the policy preview, or read them with their replies on the review page:
check-comments-link = review
check-outdated-heading = Approvals out of date
check-outdated-text = These sections were approved, but their text has changed since. Their approval no longer counts: send the draft for review again.
check-outdated-link = Review
check-notes-heading = Notes for approvers
check-notes-text = These notes are not part of the policy staff read. Give them to the people who approve it as a cover note: "Cover note for approvers (PDF)" below.
check-heading = Check your answers
check-missing = { $count ->
    [0] Every required question is answered.
    [one] { $count } required question is not answered yet.
   *[other] { $count } required questions are not answered yet.
}
check-back = Back to the questions
check-export-heading = Export the policy
check-not-answered-required = Not answered (required)
check-not-answered = Not answered
check-answer = Answer
check-change = Change
yes = Yes
no = No

## The questions

questions-missing-heading = Some required questions are not answered
questions-missing-text = You can leave them blank for now: the policy shows a placeholder until they are answered. Answer them now, or press Next again to move on.
questions-sections = Sections
questions-back = Back
questions-next = Next
questions-return-to-check = Return to check answers
field-check = Check:
field-bidi = This answer holds an invisible direction control, which can make text show in another order than it was typed. The preview and the PDF show each one as a mark such as [RLO U+202E]; remove it unless you meant it.
field-error = Error:
field-unanswered = Answer this question, or come back to it later.
checks-heading = Checks
checks-revisit = Revisit: { $label }
checks-missing-summary = Required questions not yet answered
checks-none = No problems found. Every required question is answered.
checks-summary = { $warnings ->
    [one] { $warnings } consistency warning
   *[other] { $warnings } consistency warnings
} and { $missing ->
    [one] { $missing } required question
   *[other] { $missing } required questions
} to answer.
preview-heading = Policy preview
preview-unfilled-heading = Some clauses could not be filled
preview-unfilled-text = They are left out of the policy. Check the clause library:
preview-placeholder-title = Not answered yet
notes-review = Review: { $verdict }
notes-replies = { $count ->
    [one] { $count } reply
   *[other] { $count } replies
}
notes-changed = Changed since it was reviewed
notes-label = Review notes

## The error screen (the panic hook)

panic-heading = Something went wrong
panic-text = The app stopped because of an error. Your draft, as it was last saved, is kept in this browser and has not been changed.
panic-unreadable = This browser does not let the page read the saved draft, so it cannot be offered as a file.
panic-none-saved = No saved draft was found in this browser.
panic-download-copy = Download saved copy
panic-download-draft = Download the saved draft
panic-download-first = Download a copy first, then reload to carry on.
panic-reload = Reload the app
panic-details = Details for support
panic-title = Error: Social Media Policy Builder

## The review page

review-missing-name = Enter your name
review-missing-role = Enter your role
review-missing-date = Enter the date of your decision
review-missing-decision = Choose approve or request changes
review-not-reviewed = Not reviewed
review-verdict-comments = { $verdict }, { $count ->
    [one] { $count } comment
   *[other] { $count } comments
}
review-marked = Marked "{ $verdict }".
review-name-first = Enter your name first, so that others know who commented.
review-comment-first = Write a comment first.
review-comment-added = Comment added.
review-verdict-legend = Your verdict on this section
review-approved = Approved
review-changes-requested = Changes requested
review-approved-before-change = Approved, but changed since: review again
next-review = Next review: { $date }
next-review-passed = Review was due on { $date }
review-comments = Comments
review-add-comment-label = Add a comment on this section
review-add-comment = Add comment
review-already-recorded = This decision is already recorded: { $decision }.
review-recorded = Decision recorded: { $decision }.{ $unsigned } Download the reviewed file to send it back.
review-changed = Decision changed to: { $decision }.{ $unsigned } Download the reviewed file to send it back.
review-not-signed = It is not signed: { $error }.
review-decision-errors = Your decision could not be recorded yet
review-changed-after-signing = You changed the review after your last signed decision. Record your decision again, so that your signature covers every comment and verdict, then download the file.
review-downloaded = Downloaded "{ $name }". Send it back to the policy's authors.
review-download-failed = The reviewed file could not be downloaded: { $error }.
review-heading = Review this draft
review-lede = Read each section, comment, and mark it approved or changes requested. Then record your decision and download the reviewed file to send back. Everything stays in this browser until you send the file.
review-your-name = Your name
review-sections = Sections to review
review-previous = Previous section
review-next = Next section
review-decision-heading = Your decision
review-fingerprint = Your decisions are signed with this browser's key. Its fingerprint, for the authors to check with you by phone or in person:
review-your-role = Your role
review-date = Date
review-decision-legend = Decision on the whole policy
review-approve = Approve the policy
review-request-changes = Request changes
review-record = Record decision
review-download = Download the reviewed file
review-reply-first = Enter your name and a reply first.
review-reply-added = Reply added.
review-reply-to = Reply to { $author }
review-reply = Reply

## Trainer mode

deck-empty = This deck has no scenarios.
deck-score-not-saved = The score could not be saved in this browser: { $error }.
deck-quiz-not-saved = Quiz mode could not be remembered in this browser: { $error }.
deck-score-reset = Score reset.
deck-count = Scenario { $number } of { $total }
deck-all = All decks
deck-quiz-mode = Quiz mode
deck-controls = Scenario controls
deck-previous = Previous
deck-next = Next
deck-hide-verdict = Hide verdict
deck-reveal-verdict = Reveal verdict
deck-keys = Keys: → or N next, ← or P previous, Space or R reveal.
deck-keys-quiz = Keys: → or N next, ← or P previous, Space or R reveal, 1 2 3 vote.
deck-tools = Handout and demo link
decks-missing = There is no deck called "{ $id }". Choose one of these.
decks-lede = Show staff real situations one at a time and reveal what this policy says about each. The verdicts follow this draft's answers, and cite the policy's own section numbers.
decks-choose = Choose a deck
decks-presenting = Presenting
decks-presenting-text = Each card fills the window. Every control is also a button; these keys work too:
decks-key-next = Right arrow, Page Down or N
decks-key-next-does = Next scenario
decks-key-previous = Left arrow, Page Up or P
decks-key-previous-does = Previous scenario
decks-key-reveal = Space, Enter or R
decks-key-reveal-does = Reveal the verdict
decks-key-vote = 1, 2 or 3
decks-key-vote-does = In quiz mode, the room's vote: fine, fine with conditions, not fine
decks-quiz-note = In quiz mode the room votes before each reveal. The score is kept in this browser only.
decks-tally = { $count ->
    [one] 1 scenario
   *[other] { $count } scenarios
}. For this policy: { $fine } fine, { $conditions } fine with conditions, { $notfine } not fine.
demo-opening = Opening the demo…
demo-broken = This demo link does not work
demo-no-sample = There is no sample organization called "{ $stem }". The samples are: { $samples }.
demo-name = Demo: { $name }
fullscreen-leave = Leave full screen
fullscreen-enter = Full screen
handout-at-back = Print the verdicts at the back, to use the handout as a quiz
handout-download = Download handout PDF
handout-hint = Every scenario of this deck with its verdict and policy clauses, to print.
handout-languages = Languages of the handout
handout-problems = Some scenarios could not be filled: { $problems }.
trainer-own-library = This draft uses its own clause library ("{ $file }"), and the practice scenarios cite clauses it does not have, so trainer mode cannot work out verdicts for it. To use trainer mode, duplicate the draft on the drafts page, then choose "Use the standard clauses" on the copy's check answers page.
trainer-no-scenarios = The practice scenarios that come with the app could not be read, so trainer mode cannot be used.
trainer-misfit = The practice scenarios do not fit this draft
trainer-misfit-details = What does not fit
score-label = Score:
score-reset = Reset score
score-none = No votes yet
score-right = { $right } right out of { $total }
share-copied = Demo link copied.
share-not-copied = The link could not be copied here. Copy it from the box below.
share-sample = Sample organization for a demo link
share-hint = A demo link opens this deck for a sample organization. It holds nothing of this draft.
share-copy = Copy demo link
share-link = Demo link
verdict-no-vote = The room did not vote, so this one is not scored.
verdict-right = The room said “{ $said }”: right.
verdict-wrong = The room said “{ $said }”: not this time.
verdict-clauses = Policy clauses: { $numbers }
verdict-missing-clauses = Cited clauses that are not in this policy: { $ids }.
verdict-label = Verdict: { $verdict }
verdict-fine = Fine
verdict-fine-with-conditions = Fine, with conditions
verdict-not-fine = Not fine
vote-heading = The room's vote

## Files, the clause library and the Word template

file-read-failed = "{ $name }" could not be read: { $error }.
files-writing = Writing the answer file…
library-reading = Reading the clauses…
library-now-uses = The draft now uses the clauses in "{ $name }".
library-now-standard = The draft now uses the standard clauses.
library-standard = The draft uses the standard clauses that come with the app.
library-pending = Reading the clauses imported from "{ $file }"… Until then the standard clauses are used.
library-failed = The clauses imported from "{ $file }" could not be read just now ({ $reason }), so the standard clauses are used. The file is kept with the draft; reload the page to try again.
library-loaded = The draft uses the clauses imported from "{ $file }".
library-refused = The clauses imported from "{ $file }" no longer load with this version of the app, so the standard clauses are used. The file is kept with the draft.
library-stored-problems = Problems in the imported clauses
library-heading = Clause library
library-problems = The clause library could not be used
library-import = Import a clause library
library-hint = A .yaml file in the format of the app's policy-templates/clauses files, with a title, an author and sections. It replaces the standard clauses for this draft only.
library-use-standard = Use the standard clauses
word-not-kept = The Word template could not be kept: { $error }. { $advice }
word-now-uses = Word exports now use { $template }.
word-removed = The Word template is removed; Word exports use the app's own styles.
word-remove-failed = The Word template could not be removed: { $error }.
word-legend = Use our Word template
word-uses = Word exports use the styles, theme and fonts of { $template }.
word-own-styles = Word exports use the app's own styles. Choose your organization's .docx or .dotx (up to { $kb } KB) to use its styles, theme and fonts.
word-label = Word template (.docx or .dotx)
word-remove = Remove the Word template
features-heading = Some features do not work in this browser
features-no-workers = This browser cannot run the app's file and PDF helper (it has no Web Workers), so PDFs cannot be exported and answer files cannot be read or written. Your answers are still saved in this browser. To export them, open the app in a current version of Firefox, Chrome, Edge or Safari.
features-no-downloads = This browser cannot save files that the page makes, so PDFs and answer files cannot be downloaded. Your answers are still saved in this browser. To download them, open the app in a current version of Firefox, Chrome, Edge or Safari.
features-no-offline = This browser does not let the app work offline (private windows often do not), so it opens only while this site can be reached. Everything else works. To use it offline, open it once in a normal window of a current browser.
storage-advice-unavailable = Download your answers before you close the page.
storage-advice-refused = Storage may be full: delete drafts you no longer need, or download this one.
storage-advice-mismatch = Download your answers to keep a safe copy.

## Signatures on an imported review

sig-who = { $verdict } by { $reviewer } ({ $role }), { $date }
sig-trusted = You trust this key.
sig-check-and-trust = Check and trust { $reviewer }'s key
sig-other-key = Another key: { $reviewer } signed before with { $known }. Ask them, by phone or in person, whether this key is theirs before you rely on this review.
sig-signed-with = { $who }: signed with key
sig-verified = ; the signature was verified.
sig-edited = Edited after review:
sig-edited-text = { $who }. The file was changed after the reviewer signed (key { $fingerprint }), so this decision counts neither on the cover nor in the approval record.
sig-unsigned = { $who }: not signed.
sig-now-trusted = You now trust { $reviewer }'s key { $fingerprint }.
sig-trust-failed = The key could not be kept as trusted: { $error }.
sig-later = The key is not trusted yet; you can check it later from this list.
sig-heading = Signatures on the review
sig-trust-heading = Trust { $reviewer }'s key?
sig-trust-text = This is the first review signed with this key. Before you trust it, ask { $reviewer } by phone or in person to read you the fingerprint on their review page, and check that it is:
sig-confirm = The fingerprints match: trust this key
sig-not-now = Not now

## Keeping drafts safe (the drafts page)

safe-persistent = This browser has agreed to keep your drafts until you delete them (persistent storage).
safe-not-persistent = This browser has not agreed to keep your drafts: it may clear them on its own, for instance when the disk is nearly full or, in Safari, after seven days without a visit. Back them up to a file to be sure.
safe-unknown = This browser does not say whether it will keep your drafts. Back them up to a file to be sure.
safe-all-kept-since = Every draft is in your last backup ({ $time }) or a download made since.
safe-all-downloaded = Every draft is in an answer file you downloaded.
safe-changed-since = { $count ->
    [one] { $count } draft changed since your last backup ({ $time }) and since it was last downloaded.
   *[other] { $count } drafts changed since your last backup ({ $time }) and since they were last downloaded.
}
safe-never-backed-up = { $count ->
    [one] { $count } draft
   *[other] { $count } drafts
} not in any backup or download yet: you have not backed up your drafts.
safe-full-heading = Storage is nearly full
safe-full-entries = What this site keeps in the browser takes { $used } of the { $limit } a browser allows a site, so a save may soon fail.
safe-full-quota = This site has used nearly all the space the browser allows it, so a save may soon fail.
safe-full-advice = Back up your drafts, then delete those you no longer need.
safe-backup-read-failed = The drafts could not be read for a backup: { $error }.
safe-backed-up = Backed up { $count ->
    [one] { $count } draft
   *[other] { $count } drafts
} to "{ $file }".
safe-backup-download-failed = The backup could not be downloaded: { $error }.
safe-restored = Restored { $count ->
    [one] { $count } draft
   *[other] { $count } drafts
} from the backup.
safe-restored-some = Restored { $count ->
    [one] { $count } draft
   *[other] { $count } drafts
} from the backup; left out { $skipped ->
    [one] { $skipped } draft
   *[other] { $skipped } drafts
}.
safe-restore-failed = "{ $name }" could not be restored: { $error }. Nothing was changed.
safe-checking-signatures = Checking the review signatures in the backup…
safe-restore-unchecked = "{ $name }" could not be restored: its review signatures could not be checked ({ $error }). Nothing was changed.
safe-restore-other-answer = the app's file helper answered for another file
safe-here = "{ $name }", last changed here { $time }
safe-here-unreadable = a draft that cannot be opened
safe-incoming = "{ $name }", last changed { $time }
safe-incoming-unreadable = { $name }, which this version cannot open
safe-clash-heading = This draft is already here
safe-clash-text = The backup has { $incoming }; this browser has { $here }. Replace the draft here with the backup's, keep both, or leave the backup's out?
safe-leave-out = Leave it out
safe-heading = Keep your drafts safe
safe-back-up = Back up all drafts
safe-restore = Restore drafts from a backup
safe-restore-hint = A backup file made with "Back up all drafts", in this browser or another. Drafts here are kept; you are asked about any the backup also has.
safe-restore-stopped = "{ $name }" could not be restored: { $error }. { $count ->
    [one] { $count } draft
   *[other] { $count } drafts
} restored before it; the rest were not.
check-change-answer = Change your answer
check-change-answer-to = to: { $label }
check-warnings-heading = Consistency warnings
questions-done = Done
questions-to-answer = { $count } to answer

## Errors as the user reads them (each enum's Display stays English, for logs and tests)

size-megabytes = { $size } MB
error-file-too-big = the file is { $size }; the largest the app reads is { $limit }
error-file-unreadable = the browser could not read the file ({ $reason })
error-worker-not-started = the browser would not start the app's file and PDF helper ({ $reason })
error-worker-not-loaded = the app's file and PDF helper could not be loaded
error-worker-crashed = the app's file and PDF helper failed ({ $reason })
error-worker-other-version = the app's file and PDF helper is from another version of this app ({ $version }); reload the page
error-worker-garbled = the app's file and PDF helper gave an answer this page cannot read ({ $reason })
error-worker-not-sent = the request could not be sent ({ $reason })
error-worker-pdf-timed-out = the app's file and PDF helper did not answer in time; reload the page and try again
error-worker-file-timed-out = the file reader did not answer in time; reload the page and try again
error-worker-unexpected = the worker gave an unexpected answer; reload the page and try again
error-worker-abandoned = the page stopped waiting for the answer
error-file-problems = the file has problems
error-download-file = the browser would not make the file ({ $reason })
error-download-no-document = the page has no document to put the download in
error-download-no-link = could not create a link
error-storage-unavailable = this browser is not letting the page save
error-storage-refused = the browser refused to save the draft ({ $reason })
error-storage-mismatch = the saved copy did not match the draft when read back
error-content-not-in-build = this version of the app has no content file for { $language ->
    [fr] French
   *[en] English
}
error-content-offline = the content file could not be fetched (offline, and not yet kept for offline use)
error-content-status = the content file could not be fetched (the server answered { $status })
error-signing-no-crypto = this browser does not offer the cryptography needed to sign (WebCrypto); open the app over https or in a current browser
error-signing-no-key-store = this browser does not let the page keep a signing key (IndexedDB is off, as in some private windows)
error-signing-browser = the browser could not sign: { $reason }
error-library-not-checked = the clauses could not be checked
review-comment-meta-resolved = { $author }, { $time } (resolved)

## Problems in an imported file, by kind (the rest are in the pipeline's English)

diag-or = or
diag-missing-field = `{ $field }:` is missing here: add it
diag-unknown-field = `{ $field }` does not belong here
diag-unknown-field-allowed = `{ $field }` does not belong here: this part of the file holds { $allowed }
diag-wrong-type = this is { $found ->
    [list] a list
    [mapping] a mapping (lines of `key: value`)
    [empty] empty
    [text] the text { $value }
    [yes_no] { $value } (yes or no)
   *[number] the number { $value }
}, but it should be { $expected ->
    [text] text
    [true_false] true or false
    [whole_number] a whole number
    [list] a list
    [mapping] a mapping (lines of `key: value`)
   *[number] a number
}
diag-syntax = { $detail }
diag-too-large = the file is { $size } bytes, more than the limit of { $max } bytes: split it into smaller files
