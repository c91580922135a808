// First use without surprises (issue 17), in the release build: the author
// keeps their place (the section in the address, Back and Forward, a finish
// line, the preview that follows the answers and opens where the user is
// on a phone), the drafts page on a first visit, a loading message from
// the first byte, and what the trainer prints and projects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openApp, openDraft, downloadOf, axeViolations, pdfText, flat } from './harness.mjs';

const LAKESIDE = 'Lakeside Community Hospital (Ontario)';
const env = suite();

/** Starts a draft from the Lakeside sample; resolves to { context, page, errors, id }. */
async function lakeside(options) {
  const opened = await openApp(env.browser, env.server.url, options);
  await opened.page.getByRole('button', { name: LAKESIDE }).click();
  await opened.page.getByLabel('Legal name of the organization').waitFor();
  const id = opened.page.url().match(/#\/draft\/([a-z0-9]+)/)[1];
  return { ...opened, id };
}

const sectionHeading = (page, name) => page.getByRole('heading', { level: 2, name, exact: true });
const sectionNav = (page) => page.getByRole('navigation', { name: 'Sections' });

test('the section is in the address: a reload returns to it, and Back and Forward move between sections', async () => {
  const { context, page, errors, id } = await lakeside();
  await page.getByRole('button', { name: 'Next' }).click();
  await sectionHeading(page, 'Philosophy and goals').waitFor();
  assert.match(page.url(), new RegExp(`#/draft/${id}/philosophy$`));
  await sectionNav(page).getByRole('button', { name: 'Patient privacy' }).click();
  await sectionHeading(page, 'Patient privacy').waitFor();
  assert.match(page.url(), new RegExp(`#/draft/${id}/privacy$`));

  await page.reload();
  await sectionHeading(page, 'Patient privacy').waitFor();
  await page.goBack();
  await sectionHeading(page, 'Philosophy and goals').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'section-heading');
  await page.goBack();
  await sectionHeading(page, 'Your organization').waitFor();
  // Still in the draft, not thrown out of it.
  assert.match(page.url(), new RegExp(`#/draft/${id}$`));
  await page.goForward();
  await sectionHeading(page, 'Philosophy and goals').waitFor();
  await page.goForward();
  await sectionHeading(page, 'Patient privacy').waitFor();
  // The draft bar's "Questions" link comes back to this section from the check page.
  await page.getByRole('link', { name: 'Check answers' }).click();
  await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
  await page.getByRole('link', { name: 'Questions', exact: true }).click();
  await sectionHeading(page, 'Patient privacy').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the last section ends with "Check your answers"', async () => {
  const { context, page, errors } = await lakeside();
  await sectionNav(page).getByRole('button', { name: 'Monitoring, incidents and enforcement' }).click();
  await sectionHeading(page, 'Monitoring, incidents and enforcement').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Next', exact: true }).count(), 0);
  await page.getByRole('link', { name: 'Check your answers' }).click();
  await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the preview scrolls to the text an answer changed, unless the author just scrolled it', async () => {
  const { context, page, errors } = await lakeside();
  await page.setViewportSize({ width: 1280, height: 800 });
  const preview = page.locator('#preview');
  await preview.evaluate((el) => el.scrollTo(0, 0));
  // An answer that changes text far down the policy: the review cycle.
  const cycle = page.getByRole('group', { name: /How often is the policy reviewed/ });
  await cycle.waitFor();
  const choices = cycle.getByRole('radio');
  const pick = async () => {
    for (let i = 0; i < (await choices.count()); i++) {
      if (!(await choices.nth(i).isChecked())) return choices.nth(i).check();
    }
  };
  await pick();
  await page.waitForFunction(() => {
    const box = document.getElementById('preview');
    const mark = box.querySelector('.changed');
    if (!mark) return false;
    const top = mark.getBoundingClientRect().top - box.getBoundingClientRect().top;
    return top >= 0 && top < box.clientHeight;
  });
  // The mark is still there a second and a half later, long enough to see.
  await page.waitForTimeout(1500);
  const shade = await preview.locator('.changed').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(shade, 'rgba(0, 0, 0, 0)', 'the mark has faded already');
  // The author scrolls the preview back to the top: the next change leaves it there.
  await preview.hover();
  await page.mouse.wheel(0, -100000);
  await page.waitForFunction(() => document.getElementById('preview').scrollTop === 0);
  await pick();
  await page.waitForTimeout(500);
  assert.equal(await preview.evaluate((el) => el.scrollTop), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an answer re-renders only the preview sections whose text it changed, and the marks of earlier answers go', async () => {
  const { context, page, errors } = await lakeside();
  const sections = () => page.locator('#preview article.policy > section');
  await sections().first().waitFor();
  const count = await sections().count();
  assert.ok(count > 5, `${count} sections in the preview`);
  // Each section element is labelled by the test, in the page: a section
  // the preview renders again is a new element without the label.
  const label = () =>
    page.evaluate(() => {
      document.querySelectorAll('#preview article.policy > section').forEach((el, i) => (el.dataset.seenBy = `test-${i}`));
    });
  const kept = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('#preview article.policy > section')].map((el) => ({
        kept: el.dataset.seenBy !== undefined,
        changed: el.querySelector('.changed') !== null,
        heading: el.querySelector('h2')?.textContent ?? '',
      })),
    );
  await label();
  const cycle = page.getByRole('group', { name: /How often is the policy reviewed/ });
  const choices = cycle.getByRole('radio');
  const pick = async () => {
    for (let i = 0; i < (await choices.count()); i++) {
      if (!(await choices.nth(i).isChecked())) return choices.nth(i).check();
    }
  };
  await pick();
  await page.locator('#preview .changed').first().waitFor();
  let after = await kept();
  const renewed = after.filter((s) => !s.kept);
  assert.ok(renewed.length >= 1 && renewed.length <= 2, `sections rendered again: ${JSON.stringify(renewed)}`);
  assert.ok(renewed.every((s) => s.changed), 'a section rendered again holds the changed text');
  assert.ok(after.filter((s) => s.kept).every((s) => !s.changed), 'a kept section holds no mark');
  // A second answer in another section: the first answer's mark goes.
  await label();
  await page.getByLabel('Legal name of the organization').fill('Lakeside Health Network');
  await page.waitForFunction(() => {
    const marked = [...document.querySelectorAll('#preview .changed')];
    return marked.length > 0 && marked.every((el) => el.textContent.includes('Lakeside Health Network'));
  });
  after = await kept();
  assert.ok(after.some((s) => s.kept), 'an answer that names the organization kept some sections');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone, "Show the policy preview" shows it where the user is', async () => {
  const { context, page, errors } = await lakeside();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Show the policy preview' }).click();
  const box = await page.getByRole('complementary', { name: 'Policy preview' }).boundingBox();
  assert.ok(box && box.y < 844, `the preview opens ${box?.y} px down`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new draft and an undone delete leave focus somewhere sensible', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url);
  await page.waitForFunction(() => document.activeElement?.id === 'section-heading');
  await page.getByLabel('Legal name of the organization').fill('Focus Clinic');
  await page.getByRole('link', { name: 'All drafts' }).click();
  await page.getByRole('button', { name: 'Delete Focus Clinic' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Focus Clinic');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the drafts page: what it makes, drafts first, same names told apart, the current name to rename, a skip link', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('heading', { name: 'Your drafts', level: 1 }).waitFor();
  assert.match(await page.locator('.lede').innerText(), /get a social media policy for its staff/);
  // Every card's text fits its card.
  const spill = await page.locator('.start-option').evaluateAll((cards) =>
    cards.flatMap((card) => {
      const edge = card.getBoundingClientRect().right;
      return [...card.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().right > edge + 0.5)
        .map((el) => `${el.tagName} ${el.textContent.slice(0, 30)}`);
    }),
  );
  assert.deepEqual(spill, []);

  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: LAKESIDE }).click();
    await page.getByLabel('Legal name of the organization').waitFor();
    await page.getByRole('link', { name: 'All drafts' }).click();
    await page.getByRole('heading', { name: 'Your drafts', level: 1 }).waitFor();
  }
  // With drafts saved, they show without scrolling.
  const list = await page.getByRole('heading', { name: 'Saved in this browser' }).boundingBox();
  assert.ok(list && list.y < 800, `the saved drafts start ${list?.y} px down`);
  const times = await page.locator('.draft .meta[id^="time-"]').allInnerTexts();
  assert.equal(times.length, 2);
  assert.notEqual(times[0], times[1], 'two drafts called "Lakeside" look the same');

  await page.getByRole('button', { name: 'Rename Lakeside' }).first().click();
  assert.equal(await page.getByLabel('New name for "Lakeside"').inputValue(), 'Lakeside');
  await page.keyboard.press('Escape');

  await page.reload();
  await page.getByRole('heading', { name: 'Your drafts', level: 1 }).waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  assert.equal(await skip.evaluate((el) => el === document.activeElement), true, 'the skip link comes first');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  assert.match(page.url(), /#\/?$|\/$/);
  assert.deepEqual(await axeViolations(page), [], 'axe on the drafts page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('radio buttons keep their size when their labels wrap', async () => {
  const { context, page, errors } = await lakeside();
  await page.setViewportSize({ width: 390, height: 844 });
  await sectionNav(page).getByRole('button', { name: 'Roles and official accounts' }).click();
  await sectionHeading(page, 'Roles and official accounts').waitFor();
  const widths = await page.locator('.questions input[type="radio"]').evaluateAll((all) =>
    all.map((r) => Math.round(r.getBoundingClientRect().width)),
  );
  assert.ok(widths.length > 3);
  assert.deepEqual([...new Set(widths)], [widths[0]], `radio widths: ${widths}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a first visit shows a loading message from the first byte, gone once the app is drawn', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  // Hold the app's WebAssembly back, as a slow connection does.
  let release;
  const held = new Promise((r) => {
    release = r;
  });
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.server.url, { waitUntil: 'commit' });
  const loading = page.getByText('Loading the Social Media Policy Builder');
  await loading.waitFor({ state: 'visible' });
  release();
  await page.getByRole('heading', { name: 'Your drafts', level: 1 }).waitFor();
  await loading.waitFor({ state: 'hidden' });
  await context.close();
});

/** Opens the Lakeside sample's deck `deck` in trainer mode. */
async function deckOf(deck) {
  const opened = await lakeside();
  const { page } = opened;
  await page.getByRole('navigation', { name: 'Draft' }).getByRole('link', { name: 'Trainer mode' }).click();
  await page.getByRole('link', { name: deck }).click();
  await page.getByRole('status').filter({ hasText: /^Scenario 1 of \d+$/ }).waitFor();
  return opened;
}

test('trainer cards: no ring around the card title when projected, a ring on the controls for the keyboard', async () => {
  const { context, page, errors } = await deckOf('Privacy basics');
  await page.keyboard.press('ArrowRight');
  await page.getByRole('status').filter({ hasText: /^Scenario 2 of \d+$/ }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'card-title');
  // The outline and the ring's shadow of the element with focus.
  const ring = () => {
    const s = getComputedStyle(document.activeElement);
    const outline = s.outlineStyle === 'none' || s.outlineWidth === '0px' ? '' : `${s.outlineStyle} ${s.outlineWidth}`;
    return `${outline} ${s.boxShadow === 'none' ? '' : s.boxShadow}`.trim();
  };
  assert.equal(await page.evaluate(ring), '', 'the card title has a focus ring');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(ring), '', 'a control reached by Tab has no focus ring');
  assert.deepEqual(errors, []);
  await context.close();
});

test('quiz mode is remembered per deck after a reload', async () => {
  const { context, page, errors } = await deckOf('Privacy basics');
  await page.getByLabel('Quiz mode').check();
  await page.reload();
  await page.getByRole('status').filter({ hasText: /^Scenario 1 of \d+$/ }).waitFor();
  assert.equal(await page.getByLabel('Quiz mode').isChecked(), true);
  // Another deck keeps its own setting.
  await page.getByRole('link', { name: 'All decks' }).click();
  await page.getByRole('link', { name: 'Speaking for us' }).click();
  await page.getByRole('status').filter({ hasText: /^Scenario 1 of \d+$/ }).waitFor();
  assert.equal(await page.getByLabel('Quiz mode').isChecked(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the handout names the organization on its cover and can print the verdicts at the back', async () => {
  const { context, page, errors } = await deckOf('Privacy basics');
  await page.getByText('Handout and demo link').click();
  const plain = await downloadOf(page, () => page.getByRole('button', { name: 'Download handout PDF' }).click());
  const cover = flat(pdfText(plain.path).split('\f')[0]);
  assert.match(cover, /Lakeside Community Hospital/, cover);

  await page.getByLabel('Print the verdicts at the back, to use the handout as a quiz').check();
  const quiz = await downloadOf(page, () => page.getByRole('button', { name: 'Download handout PDF' }).click());
  const text = flat(pdfText(quiz.path));
  const back = text.lastIndexOf('Verdicts');
  assert.ok(back > 0, 'a Verdicts section');
  const first = text.indexOf('Verdict: ');
  assert.ok(first > back, 'a verdict printed before the Verdicts section');
  assert.equal([...text.matchAll(/Verdict: (Fine, with conditions|Fine|Not fine)\./g)].length, 13);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Opens the check-answers page from the draft bar. */
async function checkPage(page) {
  await page.getByRole('link', { name: 'Check answers', exact: true }).click();
  await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
}

test('the check page ends with the export buttons, offered once', async () => {
  const { context, page, errors } = await lakeside();
  // On a question page the draft bar offers them.
  await page.getByRole('banner').getByRole('button', { name: 'Export PDF' }).waitFor();
  await checkPage(page);
  const main = page.getByRole('main');
  const exports = main.getByRole('region', { name: 'Export the policy' });
  await exports.getByRole('button', { name: 'Export PDF' }).waitFor();
  for (const name of ['Download as web page', 'Staff quick reference (PDF)', 'Cover note for approvers (PDF)']) {
    await exports.getByRole('button', { name }).waitFor();
  }
  // Last on the page, and not in the draft bar as well.
  assert.equal(await exports.evaluate((el) => el === el.parentElement.lastElementChild), true);
  assert.equal(await page.getByRole('button', { name: 'Export PDF' }).count(), 1);
  assert.deepEqual(await axeViolations(page), []);
  // A complete policy exports at once, worked examples in, approvers' notes out.
  const pdf = await downloadOf(page, () => exports.getByRole('button', { name: 'Export PDF' }).click());
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  const text = flat(pdfText(pdf.path));
  assert.match(text, /Appendix: worked examples/);
  assert.match(text, /A team selfie at the nurses' station .*Verdict: Not fine\./);
  assert.doesNotMatch(text, /not legal advice|notes for approvers/i);
  const notes = await downloadOf(page, () => exports.getByRole('button', { name: 'Cover note for approvers (PDF)' }).click());
  assert.match(notes.name, /notes-for-approvers/);
  const noted = flat(pdfText(notes.path));
  assert.match(noted, /Notes for approvers/);
  assert.match(noted, /not legal advice/);
  // The check page shows the same notes.
  await main.getByRole('region', { name: 'Notes for approvers' }).getByText(/It is not legal advice/).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('exporting a policy that still shows placeholders asks first, and Cancel exports nothing', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url);
  await page.getByLabel('Legal name of the organization').fill('Ask First Clinic');
  await checkPage(page);
  // Each export button is on the page once.
  const exports = page;
  let downloads = 0;
  page.on('download', () => downloads++);
  await exports.getByRole('button', { name: 'Export PDF' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  const question = await dialog.getAttribute('aria-labelledby').then((id) => page.locator(`#${id}`).innerText());
  assert.match(
    question,
    /^This policy still has \d+ sections and the cover with \d+ unanswered questions shown as placeholders \(\d+ placeholders\)\. Export it anyway\?$/,
  );
  // The dialog is named by its question and focus is on its first button.
  await page.getByRole('alertdialog', { name: question }).waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Export anyway');
  assert.deepEqual(await axeViolations(page), []);
  // Escape cancels, back on the button pressed, with nothing downloaded.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'export-pdf');
  await exports.getByRole('button', { name: 'Staff quick reference (PDF)' }).click();
  assert.match(await dialog.innerText(), /This quick reference still has/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'export-quick');
  await page.waitForTimeout(500);
  assert.equal(downloads, 0);
  // Export anyway prints the placeholders.
  await exports.getByRole('button', { name: 'Export PDF' }).click();
  const pdf = await downloadOf(page, () => dialog.getByRole('button', { name: 'Export anyway' }).click());
  const text = flat(pdfText(pdf.path));
  assert.match(text, /Ask First Clinic/);
  assert.match(text, /\[[^\]]+\]/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('returning from a Change link lands on the answer that was changed', async () => {
  const { context, page, errors } = await lakeside();
  await page.setViewportSize({ width: 1280, height: 800 });
  await checkPage(page);
  const label = 'May staff take photos or video of patients for official accounts?';
  const row = page.getByRole('region', { name: 'Patient privacy' });
  await row.getByRole('link', { name: `Change ${label}` }).click();
  const group = page.getByRole('group', { name: label });
  const was = await group.getByLabel('Yes').isChecked();
  await group.getByLabel(was ? 'No' : 'Yes').check();
  await page.getByRole('link', { name: 'Return to check answers', exact: true }).click();
  await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
  // Focus is on the changed answer's Change link, scrolled into view, and
  // the row shows the new answer.
  await page.waitForFunction(() => document.activeElement?.id === 'change-patient_photos');
  const shown = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight, scrolled: scrollY };
  });
  assert.ok(shown.top >= 0 && shown.bottom <= shown.height, JSON.stringify(shown));
  assert.ok(shown.scrolled > 0, JSON.stringify(shown));
  await row.getByText(was ? 'No' : 'Yes', { exact: true }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  // Arriving any other way starts at the heading.
  await page.getByRole('link', { name: 'Questions', exact: true }).click();
  await checkPage(page);
  await page.waitForFunction(() => document.activeElement?.id === 'check-heading');
  assert.deepEqual(errors, []);
  await context.close();
});
