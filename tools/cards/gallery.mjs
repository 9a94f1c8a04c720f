// Writes docs/cards/README.md: every sample card's name, description and screenshot, grouped by job.
// Usage: node tools/cards/gallery.mjs <cards-json-dir> <gallery-dir>  (run by tools/cards/gallery.sh)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const [jsonDir, outDir] = process.argv.slice(2).map((a) => resolve(a));
if (!jsonDir || !outDir) {
  console.error('usage: node tools/cards/gallery.mjs <cards-json-dir> <gallery-dir>');
  process.exit(2);
}
const index = JSON.parse(readFileSync(join(jsonDir, 'index.json'), 'utf8'));
const areas = [
  ['Ask', 'Ask: answers from the school\'s policy, and "ask a person"'],
  ['SiteApproval', 'Site approval: the form and the live approval card'],
  ['Incidents', 'Incidents: the report form, the reporter\'s receipt, the DSL inbox, the governors\' report'],
  ['General', 'General: welcome, help, errors, my requests'],
];
const missing = index.filter((c) => !existsSync(join(outDir, `${c.name}.png`)));
if (missing.length > 0) {
  console.error(`no screenshot for: ${missing.map((c) => c.name).join(', ')}`);
  process.exit(1);
}

const lines = [
  '# Card gallery',
  '',
  'Every card PolicyBot sends, in every state, made from the realistic samples in',
  '[`PolicyBot.Tests/Cards/CardSamples.cs`](../../PolicyBot.Tests/Cards/CardSamples.cs) and rendered by the official',
  '`adaptivecards` renderer in headless Chromium at 400 px (a phone) with a Teams-like host config',
  '([`tools/cards/teams-host-config.json`](../../tools/cards/teams-host-config.json)). Teams draws cards with its own',
  'fonts and colours, so these pictures show layout and content, not Teams pixel for pixel.',
  '',
  'Refresh with one command (run from the repository root; it fails if a card is invalid or renders badly):',
  '',
  '```sh',
  'tools/cards/gallery.sh',
  '```',
  '',
  'The card JSON is in [`json/`](json/) (paste it into the Adaptive Cards Designer to try it). The tests in',
  '`PolicyBot.Tests/Cards` check the same samples on every run: the official parser at version 1.5 with zero',
  'errors, plus image urls, version, size under 40 KB, unique input ids, an Action.Submit fallback for every',
  'Action.Execute, no empty text, no unbound `${...}`; and each card renders, is not blank and fits 400 px.',
  '',
];
lines.push('Contents:', '');
for (const [area, title] of areas) {
  const cards = index.filter((c) => c.area === area);
  if (cards.length === 0) continue;
  lines.push(`- **${title.split(':')[0]}**: ${cards.map((c) => `[${c.name}](#${c.name})`).join(', ')}`);
}
lines.push('');
for (const [area, title] of areas) {
  const cards = index.filter((c) => c.area === area);
  if (cards.length === 0) continue;
  lines.push(`## ${title}`, '');
  for (const card of cards) {
    const bytes = readFileSync(join(jsonDir, `${card.name}.json`)).length;
    lines.push(`### ${card.name}`, '');
    lines.push(`${card.description}  `);
    lines.push(`\`${card.builder}.Build\` · ${(bytes / 1024).toFixed(1)} KB · [JSON](${relative(outDir, join(jsonDir, card.name + '.json'))})`, '');
    lines.push(`<img src="${card.name}.png" alt="${card.name}" width="402">`, '');
  }
}
writeFileSync(join(outDir, 'README.md'), lines.join('\n'));
console.log(`wrote ${join(outDir, 'README.md')} with ${index.length} cards`);
