import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import axe, { type AxeResults } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

// The global setup builds the web app once before any file runs; a journey run alone builds it here.
export { ensureWebBuilt, WEB_ROOT } from '../helpers/web-build';

export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(`No Chromium at ${candidate}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return candidate;
}

/** Debian's Chromium, headless, with nothing that reaches for the network beyond this machine. */
/**
 * A page's waits get 60 s instead of Playwright's 30 s: a limit, not a goal (vitest.config.ts). A
 * busy machine (load 12, four forks and other work) once kept the registry's form from showing its
 * heading within 30 s, where alone it takes 2 s.
 */
const PAGE_WAIT_LIMIT_MS = 60_000;

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(PAGE_WAIT_LIMIT_MS);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    page.setDefaultTimeout(PAGE_WAIT_LIMIT_MS);
    return page;
  };
  return browser;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's results for the page: its `axe.run` with the WCAG 2.0/2.1 A and AA rules, in the
 * page, as `@axe-core/playwright`'s legacy mode runs it. That library's default runs each frame
 * partially and then opens a blank page, injects axe-core (580 kB) into it again and finishes the
 * run there, for cross-origin frames this app does not have: twice the time, same results
 * (compared rule by rule, node counts included, on every page of the crawl). axe-core stays in a
 * document once injected, so checks after a click reuse it. A page with frames goes through the
 * library, which injects axe-core into each.
 */
async function axeResults(page: Page): Promise<AxeResults> {
  if (page.frames().length > 1) return new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode().analyze();
  if (!(await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object'))) await page.evaluate(axe.source);
  return page.evaluate((values) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values } }), AXE_TAGS);
}

/** Runs axe-core on the page and fails on any serious or critical violation, listing them. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await axeResults(page);
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary ?? ''}`)
        .join(' | ')}`,
  );
  expect(summary, `axe-core on ${where}`).toEqual([]);
}

/** True when the page needs no sideways scrolling at its current width. */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

/** Signs in through the sign-in page (Thai labels) and waits to be sent on. */
export async function signInAt(page: Page, baseUrl: string, user: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/^ชื่อผู้ใช้/).fill(user);
  await page.getByLabel(/^รหัสผ่าน/).fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/**
 * Text a reader cannot read whole: words cut off by a box that hides its overflow (a button's
 * label at 360 px), and chart or map labels drawn over each other. Visually hidden text (for
 * screen readers) is not looked at. Fails listing each, with the text.
 */
export async function expectTextFits(page: Page, where: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const hidden = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width <= 2 || r.height <= 2;
    };
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg') || hidden(el)) continue;
      const text = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!text) continue;
      // The element itself or a box around it (up to three levels) that hides what does not fit.
      let box: Element | null = el;
      for (let level = 0; box && level < 3; level++, box = box.parentElement) {
        const style = getComputedStyle(box);
        const clips = (o: string) => o === 'hidden' || o === 'clip';
        if (hidden(box)) break;
        if ((clips(style.overflowX) && box.scrollWidth > box.clientWidth + 1) || (clips(style.overflowY) && box.scrollHeight > box.clientHeight + 1)) {
          found.push(`cut off: "${text.slice(0, 60)}" (${box.scrollWidth}×${box.scrollHeight} in ${box.clientWidth}×${box.clientHeight})`);
          break;
        }
      }
    }
    for (const svg of document.querySelectorAll('svg')) {
      const labels = [...svg.querySelectorAll('text')]
        .filter((t) => (t.textContent ?? '').trim() && getComputedStyle(t).visibility !== 'hidden' && t.getAttribute('opacity') !== '0')
        .map((t) => ({ text: (t.textContent ?? '').trim(), r: t.getBoundingClientRect() }))
        .filter((l) => l.r.width > 0 && l.r.height > 0);
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const a = labels[i]!.r;
          const b = labels[j]!.r;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > 1) found.push(`overlap: "${labels[i]!.text}" and "${labels[j]!.text}"`);
        }
      }
    }
    return found;
  });
  expect(problems, `text that does not fit on ${where}`).toEqual([]);
}

/**
 * Words a Thai page should not show: i18n keys that found no text ("registry.people.title") and
 * English words, outside what is not translated on purpose: names and codes (in `code`, `kbd`,
 * or an element marked `translate="no"`), and the words in `allowed` (product and agency names,
 * file formats).
 */
export async function expectThaiOnly(page: Page, where: string, allowed: readonly string[] = []): Promise<void> {
  const words = await page.evaluate(() => {
    const skip = (el: Element | null) => Boolean(el?.closest('code, kbd, pre, [translate="no"], svg, script, style, [lang="en"]'));
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || skip(parent)) continue;
      const r = parent.getBoundingClientRect();
      if (r.width <= 2 || r.height <= 2) continue;
      // Whole words; one with a digit, @ or / is a code, a username, an address or a file name.
      for (const token of (node.textContent ?? '').split(/[\s()[\],:;·]+/)) {
        if (!token || /[\d@/]/.test(token)) continue;
        out.push(...(token.match(/[A-Za-z][A-Za-z.'_-]*/g) ?? []));
      }
    }
    return out;
  });
  const ALLOWED = new Set([
    'Archeep',
    'API',
    'PDF',
    'JSON',
    'CSV',
    'XLSX',
    'Excel',
    'QR',
    'ETDA',
    'TPQI',
    'DSD',
    'DOE',
    'DWF',
    'Lazada',
    'OK',
    'OCHA',
    'CC',
    'mapthai',
    'json',
    ...allowed,
  ]);
  const offenders = words.filter((w) => {
    if (ALLOWED.has(w)) return false;
    if (/^[a-z]+(\.[a-zA-Z]+)+$/.test(w)) return true; // an i18n key
    if (/[A-Z]{2,}|[_]/.test(w) || /^[A-Z]-?$/.test(w)) return false; // a code (DOE-PEO, TH-ID)
    return /^[A-Za-z]{2,}$/.test(w.replace(/[.'-]+$/, '')); // an English word
  });
  expect([...new Set(offenders)], `English words or keys on the Thai page ${where}`).toEqual([]);
}
