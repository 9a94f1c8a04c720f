#!/usr/bin/env node
// Scores `PolicyBot ask --jsonl` on an evaluation file, exactly as ../shared/eval/README.md defines:
// top-1 / top-3 grounded (first / any of the first three citations contain a gold `cite` string, after
// lower-casing, folding white space, straightening curly quotes and removing `*`), verdict accuracy, and
// not_covered precision / recall, overall and per school.
//
// usage: node scripts/score-ask.mjs [--eval FILE] [--policies DIR] [--dll PATH] [--show-misses]
//   defaults: ../shared/eval/dev.jsonl, ../shared/policies, builds PolicyBot (Release) and runs its dll.
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const evalFile = resolve(option('--eval', join(root, '..', 'shared', 'eval', 'dev.jsonl')));
const policies = resolve(option('--policies', join(root, '..', 'shared', 'policies')));
const showMisses = args.includes('--show-misses');
let dll = option('--dll', null);

if (!dll) {
  const build = spawnSync('dotnet', ['build', join(root, 'PolicyBot'), '-c', 'Release', '-nologo', '-v', 'q'], { encoding: 'utf8' });
  if (build.status !== 0) {
    process.stderr.write(build.stdout + build.stderr);
    process.exit(1);
  }
  dll = join(root, 'PolicyBot', 'bin', 'Release', 'net10.0', 'PolicyBot.dll');
}
if (!existsSync(dll)) {
  console.error(`not found: ${dll}`);
  process.exit(1);
}

const input = readFileSync(evalFile, 'utf8');
const gold = input.split('\n').filter(l => l.trim()).map(l => JSON.parse(l));
const run = spawnSync('dotnet', [dll, 'ask', '--policies', policies, '--jsonl'], {
  input: gold.map(g => JSON.stringify({ id: g.id, school: g.school, question: g.question })).join('\n') + '\n',
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  process.exit(1);
}
if (run.stderr.trim()) process.stderr.write(run.stderr);
const answers = new Map();
for (const line of run.stdout.split('\n').filter(l => l.trim())) {
  const a = JSON.parse(line);
  answers.set(a.id, a);
}

const norm = s => String(s).toLowerCase()
  .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
  .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
  .replace(/\*/g, '')
  .replace(/\s+/g, ' ')
  .trim();
const grounded = (citations, cites, n) =>
  (citations ?? []).slice(0, n).some(c => cites.some(g => norm(c.text).includes(norm(g))));

function score(rows) {
  let cited = 0, top1 = 0, top3 = 0, verdictOk = 0, ncTp = 0, ncPred = 0, ncGold = 0;
  for (const g of rows) {
    const a = answers.get(g.id) ?? { verdict: 'missing', citations: [] };
    if (g.cite.length > 0) {
      cited++;
      if (grounded(a.citations, g.cite, 1)) top1++;
      if (grounded(a.citations, g.cite, 3)) top3++;
    }
    if (a.verdict === g.verdict) verdictOk++;
    if (a.verdict === 'not_covered') ncPred++;
    if (g.verdict === 'not_covered') ncGold++;
    if (a.verdict === 'not_covered' && g.verdict === 'not_covered') ncTp++;
  }
  const r = (x, d) => (d === 0 ? 'n/a' : (x / d).toFixed(3));
  return {
    n: rows.length,
    'top-1 grounded': r(top1, cited),
    'top-3 grounded': r(top3, cited),
    verdict: r(verdictOk, rows.length),
    'not_covered P': r(ncTp, ncPred),
    'not_covered R': r(ncTp, ncGold),
  };
}

const table = { all: score(gold) };
for (const school of [...new Set(gold.map(g => g.school))].sort())
  table[school] = score(gold.filter(g => g.school === school));
console.table(table);

if (showMisses) {
  for (const g of gold) {
    const a = answers.get(g.id) ?? { verdict: 'missing', citations: [] };
    const ok1 = g.cite.length === 0 || grounded(a.citations, g.cite, 1);
    if (!ok1 || a.verdict !== g.verdict) {
      console.log(`\n${g.id} [${g.school}] ${g.question}`);
      console.log(`  gold ${g.verdict} | got ${a.verdict}${ok1 ? '' : ' | top-1 not grounded'}`);
      for (const c of (a.citations ?? []).slice(0, 3)) console.log(`   - [${c.clause}] ${c.text.slice(0, 150)}`);
    }
  }
}
