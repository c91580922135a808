//! The web-page export: a finished [`Document`] as one self-contained HTML
//! file to post on an intranet, from the same Document the PDF is made of.
//!
//! Styles are inline, there is no script, and a content security policy
//! forbids every request, so the file shows the same offline as on any
//! server. The headings are those of the preview (the title as `h1`,
//! sections as `h2`, subsections below), each with its number and an id
//! that the linked table of contents points to. A print stylesheet drops
//! the contents' links' colour and keeps headings with what follows.
//!
//! A bilingual policy is one page holding both versions
//! ([`render_html_bilingual`]), each written as a one-version page is.

use std::fmt::Write;

use html_escape::{encode_double_quoted_attribute, encode_text};

use crate::policy::document::{BlockKind, Document, Run, Section, Text};
use crate::policy::render::bilingual_title;
use crate::policy::render::labels::Labels;

/// The page's styles: readable line length, the preview's colours, and a
/// print stylesheet.
const STYLE: &str = "\
:root{color-scheme:light;--ink:#1a1a1f;--accent:#14406b;--muted:#595960;--shade:#eef2fa}\
body{margin:0;font:1rem/1.55 system-ui,-apple-system,'Segoe UI',Roboto,'Liberation Sans',Arial,sans-serif;color:var(--ink);background:#fff}\
header,nav,main,footer{max-width:44rem;margin:0 auto;padding:0 1.25rem}\
header{padding-top:2rem}\
.organization{color:var(--muted);font-size:1.1rem;margin:0}\
h1{color:var(--accent);font-size:2rem;line-height:1.2;margin:.25rem 0 1rem}\
h2,h3,h4,h5,h6{color:var(--accent);line-height:1.25;margin:1.6rem 0 .4rem}\
h2{font-size:1.35rem}h3{font-size:1.1rem}\
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0 0 1rem}\
.facts dt{font-weight:700}.facts dd{margin:0}\
nav ol{list-style:none;padding:0}nav ol ol{padding-left:1.5rem}\
nav a{color:var(--accent)}\
.notice{background:var(--shade);border-left:4px solid var(--accent);padding:.6rem .9rem;margin:1rem 0}\
.placeholder{background:#fff3c4;color:var(--ink);padding:0 .15rem}\
footer{color:var(--muted);font-size:.9rem;padding-bottom:2rem;margin-top:2rem}\
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}\
@media print{\
body{font-size:10.5pt}\
header,nav,main,footer{max-width:none;padding:0}\
nav{break-after:page}\
nav a{color:inherit;text-decoration:none}\
h1,h2,h3,h4,h5,h6{break-after:avoid}\
li,.notice{break-inside:avoid}\
.notice{border:1px solid #999}\
}";

/// What the page of two versions adds to [`STYLE`]: each version's parts
/// as wide as a one-version page's, and in print each version on new
/// pages without the switch to the other.
const BILINGUAL_STYLE: &str = "\
main.versions{max-width:none;padding:0}\
.switch,article>div{max-width:44rem;margin:0 auto;padding:0 1.25rem}\
.switch{padding-top:1rem}\
.switch a{color:var(--accent)}\
@media print{\
.switch{display:none}\
article>div{max-width:none;padding:0}\
article+article{break-before:page}\
}";

/// `doc` as a complete HTML page.
pub fn render_html(doc: &Document) -> String {
    let mut out = String::with_capacity(64 * 1024);
    push_head(&mut out, doc, &doc.title, "");
    push_version(&mut out, doc, "", true);
    out.push_str("</body>\n</html>\n");
    out
}

/// Two versions of one policy (the same answers filled in two languages)
/// as one page: each whole, the first first, in an `<article>` in its own
/// language with a link to the other version at its top (named in the
/// other's language), its own linked contents, and ids that start with
/// its language (`fr-section-1`, `en-section-1`) so that none is in both.
/// The page's language is the first's; its title names both versions'
/// titles when they differ ("Titre / Title"), as the bilingual PDF does.
pub fn render_html_bilingual(docs: [&Document; 2]) -> String {
    let mut out = String::with_capacity(128 * 1024);
    push_head(&mut out, docs[0], &bilingual_title(docs), BILINGUAL_STYLE);
    let prefixes = prefixes(docs);
    out.push_str("<main class=\"versions\">\n");
    for (i, doc) in docs.into_iter().enumerate() {
        let (other, other_prefix) = (docs[1 - i], &prefixes[1 - i]);
        let prefix = &prefixes[i];
        let _ = write!(
            out,
            "<article lang=\"{language}\" id=\"{prefix}version\">\n\
             <p class=\"switch\"><a href=\"#{other_prefix}version\" hreflang=\"{other_language}\" \
             lang=\"{other_language}\">{name}</a></p>\n",
            language = encode_double_quoted_attribute(&doc.language),
            other_language = encode_double_quoted_attribute(&other.language),
            name = Labels::of(&other.language).version_name,
        );
        push_version(&mut out, doc, prefix, false);
        out.push_str("</article>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The start of each version's ids: its language's first subtag and a
/// hyphen (`fr-`, `en-`), or its place when both versions share one.
fn prefixes(docs: [&Document; 2]) -> [String; 2] {
    let subtag = |d: &Document| {
        let tag: String = d
            .language
            .split('-')
            .next()
            .unwrap_or_default()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        format!("{tag}-")
    };
    let (first, second) = (subtag(docs[0]), subtag(docs[1]));
    if first == second {
        ["v1-".to_owned(), "v2-".to_owned()]
    } else {
        [first, second]
    }
}

/// The page's start up to its `<body>`: the language and the author are
/// `doc`'s, the title is `title`, and `extra_style` follows the styles.
fn push_head(out: &mut String, doc: &Document, title: &str, extra_style: &str) {
    out.push_str("<!DOCTYPE html>\n");
    let _ = write!(
        out,
        "<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{}</title>\n",
        encode_text(&doc.language),
        encode_text(title)
    );
    if !doc.author.trim().is_empty() {
        let _ = writeln!(
            out,
            "<meta name=\"author\" content=\"{}\">",
            encode_double_quoted_attribute(&doc.author)
        );
    }
    let _ = write!(out, "<style>{STYLE}{extra_style}</style>\n</head>\n<body>\n");
}

/// One version of the policy: its header (organization, title, purpose,
/// the cover's facts), its linked contents, its sections and its footer,
/// every id starting with `prefix`.
///
/// When it is the page's only version (`alone`), its sections are in the
/// page's `<main>` and each is a region landmark named by its heading. In
/// a page of two versions the `<main>` holds both, and the sections are
/// not landmarks: a section can have the same heading in both languages
/// (a name, a heading left untranslated), and two regions of one name
/// would be one too many (axe-core's landmark-unique); the headings give
/// the structure.
fn push_version(out: &mut String, doc: &Document, prefix: &str, alone: bool) {
    out.push_str("<header>\n");
    let organization = if doc.cover.organization.is_empty() {
        Text::plain(doc.author.clone())
    } else {
        doc.cover.organization.clone()
    };
    if !organization.is_empty() {
        out.push_str("<p class=\"organization\">");
        push_text(out, &organization);
        out.push_str("</p>\n");
    }
    let _ = writeln!(out, "<h1>{}</h1>", encode_text(&doc.title));
    if !doc.cover.purpose.is_empty() {
        out.push_str("<p class=\"purpose\">");
        push_text(out, &doc.cover.purpose);
        out.push_str("</p>\n");
    }
    let words = Labels::of(&doc.language);
    let approval = Text::plain(words.approval(doc.cover.approval));
    let facts: Vec<(&str, &Text)> = [
        (words.version, &doc.cover.version),
        (words.effective_date, &doc.cover.effective_date),
        (words.next_review, &doc.cover.next_review),
        (words.policy_owner, &doc.cover.owner),
        (words.contact, &doc.cover.contact),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .chain((!doc.cover.is_empty()).then_some((words.approval_status, &approval)))
    .chain((!doc.cover.approved_by.is_empty()).then_some((words.approved_by, &doc.cover.approved_by)))
    .collect();
    if !facts.is_empty() {
        out.push_str("<dl class=\"facts\">\n");
        for (label, value) in facts {
            let _ = write!(out, "<dt>{label}</dt><dd>");
            push_text(out, value);
            out.push_str("</dd>\n");
        }
        out.push_str("</dl>\n");
    }
    out.push_str("</header>\n");
    if !doc.sections.is_empty() {
        let _ = write!(
            out,
            "<nav aria-labelledby=\"{prefix}contents\">\n<h2 id=\"{prefix}contents\">{}</h2>\n<ol>\n",
            words.contents
        );
        for s in &doc.sections {
            push_contents_entry(out, s, prefix);
        }
        out.push_str("</ol>\n</nav>\n");
    }
    let body_tag = if alone { "main" } else { "div" };
    let _ = writeln!(out, "<{body_tag}>");
    for s in &doc.sections {
        push_section(out, s, 2, prefix, alone);
    }
    let _ = writeln!(out, "</{body_tag}>");
    let version = doc.cover.version.to_plain();
    let mut footer = doc.author.trim().to_owned();
    if !version.trim().is_empty() {
        if !footer.is_empty() {
            footer.push_str(" \u{b7} ");
        }
        footer.push_str(&words.version_no(version.trim()));
    }
    if !footer.is_empty() {
        let _ = writeln!(out, "<footer>\n<p>{}</p>\n</footer>", encode_text(&footer));
    }
}

/// The id of a section's heading: `section-3-2` for section 3.2.
fn anchor(s: &Section) -> String {
    let mut id = String::from("section");
    for part in s.number.split(|c: char| !c.is_ascii_alphanumeric()) {
        if !part.is_empty() {
            id.push('-');
            id.push_str(part);
        }
    }
    if id == "section" {
        id.push_str("-untitled");
    }
    id
}

fn heading_text(s: &Section) -> String {
    format!("{} {}", s.number, s.title).trim().to_owned()
}

fn push_contents_entry(out: &mut String, s: &Section, prefix: &str) {
    let _ = write!(
        out,
        "<li><a href=\"#{prefix}{}\">{}</a>",
        anchor(s),
        encode_text(&heading_text(s))
    );
    if !s.subsections.is_empty() {
        out.push_str("\n<ol>\n");
        for sub in &s.subsections {
            push_contents_entry(out, sub, prefix);
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</li>\n");
}

/// `s` and its subsections, its heading at `level`; a region landmark
/// named by its heading when it is a `landmark`.
fn push_section(out: &mut String, s: &Section, level: usize, prefix: &str, landmark: bool) {
    let level = level.min(6);
    let id = format!("{prefix}{}", anchor(s));
    if landmark {
        let _ = writeln!(out, "<section aria-labelledby=\"{id}\">");
    } else {
        out.push_str("<section>\n");
    }
    let _ = writeln!(
        out,
        "<h{level} id=\"{id}\">{}</h{level}>",
        encode_text(&heading_text(s))
    );
    for block in &s.blocks {
        match &block.kind {
            BlockKind::Paragraph(t) => {
                out.push_str("<p>");
                push_text(out, t);
                out.push_str("</p>\n");
            }
            BlockKind::Notice(t) => {
                out.push_str("<div class=\"notice\" role=\"note\"><p>");
                push_text(out, t);
                out.push_str("</p></div>\n");
            }
            BlockKind::Bullets(items) | BlockKind::Numbered(items) => {
                let tag = if matches!(block.kind, BlockKind::Numbered(_)) {
                    "ol"
                } else {
                    "ul"
                };
                let _ = writeln!(out, "<{tag}>");
                for item in items {
                    out.push_str("<li>");
                    push_text(out, item);
                    out.push_str("</li>\n");
                }
                let _ = writeln!(out, "</{tag}>");
            }
        }
    }
    for sub in &s.subsections {
        push_section(out, sub, level + 1, prefix, landmark);
    }
    out.push_str("</section>\n");
}

/// Inline text, a placeholder as its label in brackets, marked.
fn push_text(out: &mut String, t: &Text) {
    for run in &t.0 {
        match run {
            Run::Plain(s) => out.push_str(&encode_text(s)),
            Run::Missing { label, .. } => {
                let _ = write!(out, "<mark class=\"placeholder\">[{}]</mark>", encode_text(label));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::document::{Block, Cover};
    use crate::policy::model::ids::{ClauseId, SectionId};

    fn block(kind: BlockKind) -> Block {
        Block {
            clause: ClauseId::from("c"),
            kind,
        }
    }

    fn doc() -> Document {
        let missing: Run = serde_json::from_str(r#"{"missing":{"question":"org_name","label":"name & role"}}"#)
            .expect("a placeholder");
        Document {
            language: "en".to_owned(),
            title: "Tom & Jerry's <Policy>".into(),
            author: "Tom & Jerry Clinic".into(),
            cover: Cover {
                organization: Text::plain("Tom & Jerry Clinic"),
                version: Text::plain("2.1"),
                ..Cover::default()
            },
            sections: vec![Section {
                id: SectionId::from("purpose"),
                number: "1".into(),
                title: "Purpose".into(),
                blocks: vec![
                    block(BlockKind::Paragraph(Text(vec![Run::Plain("Ask ".into()), missing]))),
                    block(BlockKind::Numbered(vec![Text::plain("one"), Text::plain("two")])),
                    block(BlockKind::Notice(Text::plain("Not legal advice."))),
                ],
                subsections: vec![Section {
                    id: SectionId::from("scope"),
                    number: "1.1".into(),
                    title: "Scope".into(),
                    blocks: vec![block(BlockKind::Bullets(vec![Text::plain("<b>staff</b>")]))],
                    subsections: vec![],
                }],
            }],
            problems: vec![],
        }
    }

    #[test]
    fn the_page_has_the_language_title_headings_contents_lists_and_notices() {
        let html = render_html(&doc());
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(
            html.contains("<title>Tom &amp; Jerry's &lt;Policy&gt;</title>"),
            "{html}"
        );
        assert!(html.contains("<h1>Tom &amp; Jerry's &lt;Policy&gt;</h1>"));
        assert!(html.contains("<h2 id=\"section-1\">1 Purpose</h2>"));
        assert!(html.contains("<h3 id=\"section-1-1\">1.1 Scope</h3>"));
        assert!(html.contains(
            "<li><a href=\"#section-1\">1 Purpose</a>\n<ol>\n<li><a href=\"#section-1-1\">1.1 Scope</a></li>"
        ));
        assert!(html.contains("<ol>\n<li>one</li>\n<li>two</li>\n</ol>"));
        assert!(html.contains("<ul>\n<li>&lt;b&gt;staff&lt;/b&gt;</li>\n</ul>"));
        assert!(html.contains("<div class=\"notice\" role=\"note\"><p>Not legal advice.</p></div>"));
        assert!(html.contains("<p>Ask <mark class=\"placeholder\">[name &amp; role]</mark></p>"));
        assert!(html.contains("<dt>Version</dt><dd>2.1</dd>"));
        assert!(html.contains("@media print"));
    }

    #[test]
    fn the_page_is_self_contained_with_no_script_and_no_request() {
        let html = render_html(&doc());
        for forbidden in ["<script", "src=", "<link", "http://", "https://", "@import", "url("] {
            assert!(!html.contains(forbidden), "{forbidden}");
        }
        assert!(html.contains("default-src 'none'"));
        // Every link goes to a heading of the page.
        for href in html.split("href=\"#").skip(1) {
            let id = &href[..href.find('"').expect("a closing quote")];
            assert!(html.contains(&format!(" id=\"{id}\"")), "{id}");
        }
    }

    /// The ids of `html`'s elements, in order.
    fn ids(html: &str) -> Vec<&str> {
        html.split(" id=\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').expect("a closing quote")])
            .collect()
    }

    fn french() -> Document {
        let mut fr = doc();
        fr.language = "fr-CA".to_owned();
        fr.title = "Politique".into();
        fr.sections[0].title = "Objet".into();
        fr.sections[0].subsections[0].title = "Portée".into();
        fr
    }

    #[test]
    fn a_bilingual_page_holds_both_versions_in_their_languages_with_their_own_contents() {
        let (en, fr) = (doc(), french());
        let html = render_html_bilingual([&fr, &en]);
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"fr-CA\">"),
            "the first's language"
        );
        assert!(html.contains("<title>Politique / Tom &amp; Jerry's &lt;Policy&gt;</title>"));
        let articles: Vec<&str> = html
            .split("<article lang=\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').expect("a closing quote")])
            .collect();
        assert_eq!(articles, ["fr-CA", "en"]);
        // The French first, each whole, each heading in its own version.
        let headings = [
            "<h1>Politique",
            "1 Objet</h2>",
            "1.1 Portée</h3>",
            "<h1>Tom",
            "1 Purpose</h2>",
            "1.1 Scope</h3>",
        ];
        for h in headings {
            assert_eq!(html.matches(h).count(), 1, "{h}");
        }
        let at: Vec<usize> = headings.iter().filter_map(|h| html.find(h)).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
        let english = html.find("<article lang=\"en\"").expect("the English version");
        assert!(html.find("1 Objet</h2>").is_some_and(|i| i < english));
        // Each version's contents, named in its language, links to its own
        // headings; no id is in both.
        assert!(html.contains("<nav aria-labelledby=\"fr-contents\">\n<h2 id=\"fr-contents\">Table des matières</h2>"));
        assert!(html.contains("<nav aria-labelledby=\"en-contents\">\n<h2 id=\"en-contents\">Contents</h2>"));
        assert!(html.contains("<li><a href=\"#fr-section-1-1\">1.1 Portée</a></li>"));
        assert!(html.contains("<h3 id=\"en-section-1-1\">1.1 Scope</h3>"));
        let ids = ids(&html);
        let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        let links: Vec<&str> = html
            .split("href=\"#")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').expect("a closing quote")])
            .collect();
        assert_eq!(
            links.len(),
            2 * 2 + 2,
            "two contents entries each, and the two switches"
        );
        for link in links {
            assert!(unique.contains(link), "{link} goes nowhere");
        }
        // The switch to the other version, named in that version's language.
        assert!(html.contains(
            "<article lang=\"fr-CA\" id=\"fr-version\">\n<p class=\"switch\"><a href=\"#en-version\" hreflang=\"en\" lang=\"en\">English version</a></p>"
        ));
        assert!(html.contains(
            "<article lang=\"en\" id=\"en-version\">\n<p class=\"switch\"><a href=\"#fr-version\" hreflang=\"fr-CA\" lang=\"fr-CA\">Version française</a></p>"
        ));
        // The sections are not landmarks (a heading can be the same in
        // both languages); a one-version page's are.
        assert!(!html.contains("<section aria-labelledby"));
        assert!(html.contains("<section>\n<h2 id=\"fr-section-1\">1 Objet</h2>"));
        assert!(render_html(&en).contains("<section aria-labelledby=\"section-1\">\n<h2 id=\"section-1\">"));
        // One main landmark; each version's header and footer inside it.
        assert_eq!(html.matches("<main").count(), 1);
        assert_eq!(html.matches("<header>").count(), 2);
        assert!(html
            .find("<main")
            .is_some_and(|m| html.find("<header>").is_some_and(|h| m < h)));
        for forbidden in ["<script", "src=", "<link", "http://", "https://", "@import", "url("] {
            assert!(!html.contains(forbidden), "{forbidden}");
        }
    }

    #[test]
    fn a_bilingual_page_with_one_title_and_one_language_still_has_ids_of_its_own() {
        let mut other = doc();
        other.sections[0].title = "Purpose again".into();
        let html = render_html_bilingual([&doc(), &other]);
        assert!(html.contains("<title>Tom &amp; Jerry's &lt;Policy&gt;</title>"));
        let ids = ids(&html);
        let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        assert!(html.contains("<h2 id=\"v2-section-1\">1 Purpose again</h2>"));
    }
}
