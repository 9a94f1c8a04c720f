// Renders Adaptive Card JSON files to PNG in headless Chromium with the official `adaptivecards` renderer,
// at a phone-like width with a Teams-like host config, and checks each picture is not blank.
// Usage: node tools/cards/render.mjs <cards-dir> <out-dir> [--width 400]
// Prints {"cards":[{"name","png","width","height","colors","inkRatio","overflow","errors":[]}]};
// exits 1 if any card failed to render, rendered blank or is wider than the frame.
import { mkdtempSync, readFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { basename, join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const require = createRequire(join(repoRoot, 'package.json'));
const { chromium } = require('playwright-core');
const { PNG } = require('pngjs');

const args = process.argv.slice(2);
const widthAt = args.indexOf('--width');
const width = widthAt >= 0 ? Number(args.splice(widthAt, 2)[1]) : 400;
if (args.length !== 2 || !(width > 0)) {
  console.error('usage: node tools/cards/render.mjs <cards-dir> <out-dir> [--width 400]');
  process.exit(2);
}
const [cardsDir, outDir] = args.map((a) => resolve(a));
mkdirSync(outDir, { recursive: true });

const hostConfig = JSON.parse(readFileSync(join(here, 'teams-host-config.json'), 'utf8'));
const files = readdirSync(cardsDir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();

// A fresh profile every run; these switches stop Chromium reaching for hosts this network cannot reach.
const userDataDir = mkdtempSync(join(tmpdir(), 'policybot-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage', '--lang=en-GB'],
  viewport: { width: width + 40, height: 800 },
  deviceScaleFactor: 1,
  locale: 'en-GB',
  timezoneId: 'Europe/London',
  offline: true,
});
const results = [];
try {
  const page = context.pages()[0] ?? await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
      body { margin: 0; padding: 20px; background: #F0F0F0; }
      #frame { width: ${width}px; background: #fff; border: 1px solid #E0E0E0; border-radius: 8px; overflow: hidden; }
      .ac-pushButton { font-family: inherit; font-size: 14px; padding: 6px 12px; border: 1px solid #D1D1D1; border-radius: 4px; background: #fff; color: #242424; }
      .ac-pushButton.style-positive { background: #5B5FC7; border-color: #5B5FC7; color: #fff; }
      .ac-pushButton.style-destructive { color: #C4314B; border-color: #C4314B; }
      .ac-input { font-family: inherit; font-size: 14px; }
      .ac-input.ac-textInput, .ac-input.ac-dateInput, .ac-input.ac-multichoiceInput { border: 1px solid #D1D1D1; border-radius: 4px; padding: 6px; }
    </style></head><body><div id="frame"></div></body></html>`);
  await page.addStyleTag({ path: require.resolve('adaptivecards/dist/adaptivecards.css') });
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.js') });
  // The icon font the stylesheet names is not installed: draw the show-card chevron with text.
  await page.addStyleTag({ content: `
      .ac-pushButton.expandable:after { font-family: inherit; font-size: 12px; font-weight: normal; content: " ▾"; }
      .ac-pushButton.expandable.expanded:after { content: " ▴"; }` });
  // Teams renders a little markdown (bold, italic, links) in TextBlocks; do the same here, so a picture
  // shows whether text from users or policies could form a link or bold text.
  await page.evaluate(() => {
    const escape = (t) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
    AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = escape(text)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
        .replace(/\n/g, '<br>');
      result.didProcess = true;
    };
  });

  for (const file of files) {
    const name = basename(file, '.json');
    const errors = [];
    pageErrors.length = 0;
    const png = join(outDir, `${name}.png`);
    try {
      const card = JSON.parse(readFileSync(join(cardsDir, file), 'utf8'));
      const outcome = await page.evaluate(({ card, hostConfig }) => {
        const frame = document.getElementById('frame');
        frame.innerHTML = '';
        const adaptiveCard = new AdaptiveCards.AdaptiveCard();
        adaptiveCard.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
        adaptiveCard.parse(card, new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5));
        const element = adaptiveCard.render();
        if (!element) return { rendered: false };
        frame.appendChild(element);
        // Wider content than the frame means a phone would scroll sideways or clip.
        const overflowing = [...frame.querySelectorAll('*')].some((e) => e.getBoundingClientRect().right > frame.getBoundingClientRect().right + 1);
        return { rendered: true, overflow: overflowing || frame.scrollWidth > frame.clientWidth + 1 };
      }, { card, hostConfig });
      if (!outcome.rendered) errors.push('the renderer returned nothing');
      await page.evaluate(() => document.fonts.ready);
      const buffer = await page.locator('#frame').screenshot({ path: png, animations: 'disabled' });
      const stats = pictureStats(PNG.sync.read(buffer));
      if (stats.colors < 3 || stats.inkRatio < 0.005) errors.push(`the picture is blank (${stats.colors} colours, ink ${stats.inkRatio.toFixed(4)})`);
      if (outcome.overflow) errors.push(`content is wider than ${width}px`);
      errors.push(...pageErrors.map((e) => `page error: ${e}`));
      results.push({ name, png, ...stats, overflow: !!outcome.overflow, errors });
    } catch (e) {
      results.push({ name, png, errors: [String(e?.stack ?? e)] });
    }
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify({ width, cards: results }, null, 2) + '\n');
process.exit(results.some((r) => r.errors.length > 0) ? 1 : 0);

// How many distinct colours, and what share of pixels differ from the background (the commonest colour).
function pictureStats(png) {
  const { data, width, height } = png;
  const counts = new Map();
  for (let i = 0; i < data.length; i += 4) {
    const px = data.readUInt32BE(i);
    counts.set(px, (counts.get(px) ?? 0) + 1);
  }
  const background = Math.max(...counts.values());
  return { width, height, colors: counts.size, inkRatio: 1 - background / (width * height) };
}
