"""Reads a Word file the app exported with python-docx, an independent
reader, and prints what the browser test compares: style names, numbering,
properties, language, comments and their authors, header and footer fields.

Usage: docx_check.py FILE.docx [FILE.ics]; prints one JSON object.
       docx_check.py --make-template OUT.docx: writes a house template
       (python-docx's default document, Heading 1 in red Georgia).
       docx_check.py --odt FILE.fodt: LibreOffice's flat ODF conversion of
       the file, read back with lxml: its annotations (comments) and their
       authors, and its tracked insertions and deletions.
"""

import json
import re
import sys
import zipfile

import docx
from docx.oxml.ns import qn


def odt(path):
    """The comments and tracked changes of a flat ODF text file."""
    from lxml import etree

    ns = {
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "dc": "http://purl.org/dc/elements/1.1/",
    }
    root = etree.parse(path).getroot()

    def text_of(node):
        return " ".join(
            "".join(p.itertext()).strip() for p in node.iterfind(".//text:p", ns)
        ).strip()

    annotations = [
        {
            "author": "".join(a.findtext("dc:creator", default="", namespaces=ns)),
            "text": text_of(a),
        }
        for a in root.iterfind(".//office:annotation", ns)
    ]
    # A change's text: inside the region (older LibreOffice keeps deleted
    # text there), or in the body between the change's start and end
    # marks (newer LibreOffice keeps it inline, like an insertion).
    body = etree.tostring(root.find(".//office:body", ns), encoding="unicode")
    def inline(change_id):
        m = re.search(
            r'<text:change-start text:change-id="%s"/>(.*?)<text:change-end text:change-id="%s"/>'
            % (re.escape(change_id), re.escape(change_id)),
            body,
            re.S,
        )
        return re.sub(r"<[^>]+>", "", m.group(1)).strip() if m else ""

    changes = []
    for r in root.findall(".//text:tracked-changes/text:changed-region", ns):
        change_id = r.get("{%s}id" % ns["text"]) or ""
        for kind in ("insertion", "deletion"):
            for c in r.iterfind(f"text:{kind}", ns):
                changes.append(
                    {
                        "kind": kind,
                        "author": c.findtext("office:change-info/dc:creator", default="", namespaces=ns),
                        "text": text_of(c) or inline(change_id),
                    }
                )
    print(json.dumps({"annotations": annotations, "changes": changes}))


def make_template(path):
    """A template whose Heading 1 has another font and colour."""
    from docx.shared import RGBColor

    d = docx.Document()
    h1 = d.styles["Heading 1"].font
    h1.name = "Georgia"
    h1.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    d.save(path)


def main():
    if sys.argv[1] == "--make-template":
        make_template(sys.argv[2])
        return
    if sys.argv[1] == "--odt":
        odt(sys.argv[2])
        return
    path = sys.argv[1]
    d = docx.Document(path)
    paragraphs = [
        {
            "style": p.style.name if p.style is not None else None,
            "text": p.text,
            "numbered": p._p.pPr is not None and p._p.pPr.numPr is not None,
        }
        for p in d.paragraphs
    ]
    numbering = d.part.numbering_part.element
    formats = sorted({f.get(qn("w:val")) for f in numbering.iter(qn("w:numFmt"))})
    nums = len(numbering.findall(qn("w:num")))
    props = d.core_properties
    styles = d.styles.element
    langs = [l.get(qn("w:val")) for l in styles.iter(qn("w:lang"))]
    section = d.sections[0]
    footer_xml = section.footer._element.xml
    header_text = "\n".join(p.text for p in section.header.paragraphs)
    comments = []
    try:
        for c in d.comments:
            comments.append({"author": c.author, "text": c.text})
    except AttributeError:
        # python-docx before 1.2 has no comments API: read the part.
        with zipfile.ZipFile(path) as z:
            from lxml import etree

            root = etree.fromstring(z.read("word/comments.xml"))
            for c in root.iter(qn("w:comment")):
                text = "".join(t.text or "" for t in c.iter(qn("w:t")))
                comments.append({"author": c.get(qn("w:author")), "text": text})
    body = d.element.body.xml
    # A file without a Heading 1 style reads as none, so that the test
    # says which style is missing.
    h1 = next((s.font for s in d.styles if s.name == "Heading 1"), None)
    out = {
        "heading1_font": h1.name if h1 is not None else None,
        "heading1_color": str(h1.color.rgb) if h1 is not None and h1.color.type is not None else None,
        "paragraphs": paragraphs,
        "numbering_formats": formats,
        "numbering_instances": nums,
        "title": props.title,
        "author": props.author,
        "subject": props.subject,
        "keywords": props.keywords,
        "language": props.language,
        "style_languages": langs,
        "header": header_text,
        "footer_fields": [f for f in ("PAGE", "NUMPAGES") if f">{f}<" in footer_xml],
        "comments": comments,
        "insertions": body.count("<w:ins "),
        "deletions": body.count("<w:del "),
        "toc_field": "TOC \\o" in body,
    }
    if len(sys.argv) > 2:
        import icalendar

        with open(sys.argv[2], "rb") as f:
            cal = icalendar.Calendar.from_ical(f.read())
        events = [
            {
                "summary": str(e.get("summary")),
                "start": e.decoded("dtstart").isoformat(),
                "description": str(e.get("description")),
            }
            for e in cal.walk("VEVENT")
        ]
        out["events"] = events
    print(json.dumps(out))


main()
