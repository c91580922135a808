// Loaded into a page of the release build by compare.mjs: makes the same
// PDF three ways (our worker, jsPDF, pdfmake) and the same Word file two
// ways (our worker, the npm docx library) from the longest sample's
// Document (JSON), timing each with performance.now(). Defines
// window.pdfBench and window.docxBench; asserts nothing.
(() => {
  const text = (runs) => runs.map((r) => (r.plain !== undefined ? r.plain : `[${r.missing.label}]`)).join('');

  /** The Document as a flat list of headings, paragraphs, lists and notices. */
  function flatten(doc) {
    const out = [];
    const walk = (s, level) => {
      out.push({ type: level === 1 ? 'h1' : 'h2', text: `${s.number}  ${s.title}` });
      for (const { kind } of s.blocks) {
        if (kind.paragraph) out.push({ type: 'p', text: text(kind.paragraph) });
        else if (kind.notice) out.push({ type: 'notice', text: text(kind.notice) });
        else if (kind.bullets) out.push({ type: 'ul', items: kind.bullets.map(text) });
        else if (kind.numbered) out.push({ type: 'ol', items: kind.numbered.map(text) });
      }
      for (const sub of s.subsections) walk(sub, level + 1);
    };
    for (const s of doc.sections) walk(s, 1);
    return out;
  }

  const pageCount = (bytes) => {
    const s = new TextDecoder('latin1').decode(bytes);
    return (s.match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
  };

  /** jsPDF: manual layout with splitTextToSize, built-in Helvetica. */
  function jspdf(doc, items) {
    const pdf = new window.jspdf.jsPDF({ unit: 'pt', format: 'a4' });
    const W = 595.28, H = 841.89, M = 64, TOP = 76, BOTTOM = H - 72, WIDTH = W - 2 * M;
    const BODY = 10.5, LH = BODY * 1.45;
    let y = TOP;
    const ensure = (h) => {
      if (y + h > BOTTOM) {
        pdf.addPage();
        y = TOP;
      }
    };
    pdf.setFont('helvetica', 'normal');
    pdf.setFontSize(13);
    pdf.text(doc.author, M, 200);
    pdf.setFont('helvetica', 'bold');
    pdf.setFontSize(30);
    pdf.text(pdf.splitTextToSize(doc.title, WIDTH), M, 240);
    pdf.addPage();
    const para = (t, x, w, marker) => {
      pdf.setFont('helvetica', 'normal');
      pdf.setFontSize(BODY);
      pdf.splitTextToSize(t, w).forEach((line, i) => {
        ensure(LH);
        if (i === 0 && marker) pdf.text(marker, M + 2, y + BODY);
        pdf.text(line, x, y + BODY);
        y += LH;
      });
    };
    for (const it of items) {
      if (it.type === 'h1' || it.type === 'h2') {
        const size = it.type === 'h1' ? 14 : 11.5;
        y += it.type === 'h1' ? 14 : 7;
        pdf.setFont('helvetica', 'bold');
        pdf.setFontSize(size);
        const lines = pdf.splitTextToSize(it.text, WIDTH);
        ensure(lines.length * size * 1.45 + 2 * LH);
        for (const line of lines) {
          pdf.text(line, M, y + size);
          y += size * 1.45;
        }
        y += 3;
      } else if (it.type === 'p') {
        para(it.text, M, WIDTH);
        y += BODY * 0.6;
      } else if (it.type === 'notice') {
        pdf.setFont('helvetica', 'normal');
        pdf.setFontSize(BODY);
        const lines = pdf.splitTextToSize(it.text, WIDTH - 16);
        const h = lines.length * LH + 16;
        ensure(h);
        pdf.setFillColor(237, 242, 250);
        pdf.rect(M, y, WIDTH, h, 'F');
        y += 8;
        for (const line of lines) {
          pdf.text(line, M + 8, y + BODY);
          y += LH;
        }
        y += 8 + BODY * 0.8;
      } else {
        it.items.forEach((t, i) => {
          para(t, M + 16, WIDTH - 16, it.type === 'ol' ? `${i + 1}.` : '\u2022');
          y += BODY * 0.25;
        });
        y += BODY * 0.35;
      }
    }
    const n = pdf.getNumberOfPages();
    pdf.setFont('helvetica', 'normal');
    pdf.setFontSize(8.5);
    for (let i = 2; i <= n; i++) {
      pdf.setPage(i);
      pdf.text(doc.title, M, 46);
      pdf.text(`Page ${i} of ${n}`, W - M, H - 36, { align: 'right' });
    }
    return new Uint8Array(pdf.output('arraybuffer'));
  }

  /** pdfmake: a cover, a table of contents, headings, lists and notices, Roboto embedded. */
  async function pdfmake(doc, items) {
    const content = [
      { text: doc.author, fontSize: 13, color: '#666666', margin: [0, 110, 0, 14] },
      { text: doc.title, fontSize: 30, bold: true, color: '#15406b', pageBreak: 'after' },
      { toc: { title: { text: 'Contents', fontSize: 18, bold: true, margin: [0, 0, 0, 10] } }, pageBreak: 'after' },
    ];
    for (const it of items) {
      if (it.type === 'h1' || it.type === 'h2') {
        const h1 = it.type === 'h1';
        content.push({
          text: it.text,
          tocItem: true,
          tocMargin: h1 ? [0, 5, 0, 0] : [16, 0, 0, 0],
          fontSize: h1 ? 14 : 11.5,
          bold: true,
          color: '#15406b',
          headlineLevel: 1,
          margin: [0, h1 ? 14 : 7, 0, 3],
        });
      } else if (it.type === 'p') {
        content.push({ text: it.text, margin: [0, 0, 0, 6] });
      } else if (it.type === 'notice') {
        content.push({
          table: { widths: ['*'], body: [[{ text: it.text, margin: [4, 4, 4, 4] }]] },
          layout: { fillColor: '#edf2fa', hLineWidth: () => 0, vLineWidth: () => 0 },
          margin: [0, 0, 0, 8],
        });
      } else {
        content.push({ [it.type]: it.items, margin: [0, 0, 0, 6] });
      }
    }
    const dd = {
      pageSize: 'A4',
      pageMargins: [64, 76, 64, 72],
      info: { title: doc.title, author: doc.author },
      defaultStyle: { fontSize: 10.5, lineHeight: 1.2 },
      content,
      header: (page) => (page === 1 ? null : { text: doc.title, fontSize: 8.5, color: '#666666', margin: [64, 40, 64, 0] }),
      footer: (page, count) =>
        page === 1 ? null : { text: `Page ${page} of ${count}`, alignment: 'right', fontSize: 8.5, margin: [64, 30, 64, 0] },
      // Keep a heading with what follows it, as ours does.
      pageBreakBefore: (node, following) => node.headlineLevel === 1 && following.getFollowingNodesOnPage().length === 0,
    };
    return new Uint8Array(await window.pdfMake.createPdf(dd).getBuffer());
  }

  // Runs after the first that are not measured, for every library alike:
  // the engines compile hot code again, better, while it runs (V8 tiers
  // WebAssembly up from Liftoff to TurboFan function by function, and
  // JavaScript through its own tiers), and the first runs after the
  // cold one still fall from 2 times the settled figure to it.
  const SETTLE = 10;

  /** Times `make` once cold, runs it `SETTLE` times, then times it `warm` more times. */
  async function time(make, warm) {
    const t0 = performance.now();
    const first = await make();
    const firstMs = performance.now() - t0;
    for (let i = 0; i < SETTLE; i++) await make();
    const times = [];
    for (let i = 0; i < warm; i++) {
      const t = performance.now();
      await make();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { first: firstMs, warm: times[Math.floor(times.length / 2)], size: first.length, pages: pageCount(first) };
  }

  /** Ours, in the PDF worker: the time the worker reports (performance.now() around generation). */
  async function ours(doc, warm) {
    const worker = new Worker('./pdf-worker_loader.js');
    const next = () => new Promise((resolve) => (worker.onmessage = (e) => resolve(e.data)));
    const t0 = performance.now();
    await next(); // ready
    const startMs = performance.now() - t0;
    const inWorker = [];
    const roundTrip = [];
    let size = 0;
    let pages = 0;
    for (let i = 0; i <= SETTLE + warm; i++) {
      const reply = next();
      const t = performance.now();
      worker.postMessage(JSON.stringify({ id: i + 1, document: doc, kind: 'policy' }));
      const [json, bytes] = await reply;
      roundTrip.push(performance.now() - t);
      const r = JSON.parse(json).done;
      if (!r) throw new Error(json);
      inWorker.push(r.millis);
      size = bytes.length;
      pages = r.pages;
    }
    worker.terminate();
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return {
      startMs,
      first: inWorker[0],
      warm: median(inWorker.slice(1 + SETTLE)),
      firstRoundTrip: roundTrip[0],
      warmRoundTrip: median(roundTrip.slice(1 + SETTLE)),
      size,
      pages,
    };
  }

  /**
   * The npm docx library: the same headings, paragraphs, lists and notices
   * with Word's style names, real numbering, a contents field, and a header
   * and footer with the page number, as ours writes them.
   */
  async function docxjs(doc, items) {
    const d = window.docx;
    const children = [
      new d.Paragraph({ text: doc.title, heading: d.HeadingLevel.TITLE }),
      new d.TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
    ];
    let list = 0;
    for (const it of items) {
      if (it.type === 'h1' || it.type === 'h2') {
        children.push(new d.Paragraph({ text: it.text, heading: it.type === 'h1' ? d.HeadingLevel.HEADING_1 : d.HeadingLevel.HEADING_2 }));
      } else if (it.type === 'p') {
        children.push(new d.Paragraph({ text: it.text }));
      } else if (it.type === 'notice') {
        children.push(new d.Paragraph({ text: it.text, style: 'Notice' }));
      } else {
        list += 1;
        for (const t of it.items) {
          children.push(
            it.type === 'ol'
              ? new d.Paragraph({ text: t, numbering: { reference: 'numbered', level: 0, instance: list } })
              : new d.Paragraph({ text: t, bullet: { level: 0 } }),
          );
        }
      }
    }
    const file = new d.Document({
      title: doc.title,
      creator: doc.author,
      features: { updateFields: true },
      numbering: {
        config: [{ reference: 'numbered', levels: [{ level: 0, format: d.LevelFormat.DECIMAL, text: '%1.', alignment: d.AlignmentType.START }] }],
      },
      styles: {
        paragraphStyles: [{ id: 'Notice', name: 'Notice', basedOn: 'Normal', paragraph: { shading: { type: d.ShadingType.CLEAR, fill: 'EDF2FA' } } }],
      },
      sections: [
        {
          headers: { default: new d.Header({ children: [new d.Paragraph({ text: doc.title })] }) },
          footers: {
            default: new d.Footer({
              children: [new d.Paragraph({ children: [new d.TextRun({ children: ['Page ', d.PageNumber.CURRENT, ' of ', d.PageNumber.TOTAL_PAGES] })] })],
            }),
          },
          children,
        },
      ],
    });
    return new Uint8Array(await d.Packer.toArrayBuffer(file));
  }

  /** Ours, the Word file in the same worker: the time it reports. */
  async function oursDocx(doc, warm) {
    const worker = new Worker('./pdf-worker_loader.js');
    const next = () => new Promise((resolve) => (worker.onmessage = (e) => resolve(e.data)));
    await next(); // ready
    const inWorker = [];
    let size = 0;
    for (let i = 0; i <= SETTLE + warm; i++) {
      const reply = next();
      const word = { language: 'en-CA', now: '2026-12-03T12:00:00Z' };
      worker.postMessage(JSON.stringify({ id: i + 1, document: doc, kind: 'policy', word }));
      const [json, bytes] = await reply;
      const r = JSON.parse(json).done;
      if (!r) throw new Error(json);
      inWorker.push(r.millis);
      size = bytes.length;
    }
    worker.terminate();
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return { first: inWorker[0], warm: median(inWorker.slice(1 + SETTLE)), size };
  }

  window.docxBench = async (json, warm) => {
    const doc = JSON.parse(json);
    const items = flatten(doc);
    return { ours: await oursDocx(doc, warm), docxjs: await time(() => docxjs(doc, items), warm) };
  };

  window.pdfBench = async (json, warm) => {
    const doc = JSON.parse(json);
    const items = flatten(doc);
    const result = { ours: await ours(doc, warm), settle: SETTLE };
    result.jspdf = await time(async () => jspdf(doc, items), warm);
    result.pdfmake = await time(() => pdfmake(doc, items), warm);
    return result;
  };
})();
