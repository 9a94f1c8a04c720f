// Validates Adaptive Card JSON files with the official `adaptivecards` parser at version 1.5, plus the
// checks that parser misses. Usage: node tools/cards/validate.mjs <dir-or-file>...
// Prints {"cards":[{"name","bytes","errors":[{"rule","message","path"}]}]} and exits 1 if any card has errors.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(repoRoot, 'package.json'));
// The UMD bundle needs no DOM to parse and validate; rendering is done in Chromium (render.mjs).
const AC = require('adaptivecards/dist/adaptivecards.js');

export const MaxBytes = 40 * 1024;
export const RequiredVersion = '1.5';
const MaxRefreshUsers = 60;

export function validateCard(raw) {
  const errors = [];
  const add = (rule, message, path = '$') => errors.push({ rule, message, path });

  if (Buffer.byteLength(raw, 'utf8') >= MaxBytes) {
    add('size', `payload is ${Buffer.byteLength(raw, 'utf8')} bytes; it must be under ${MaxBytes}`);
  }

  let json;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    add('json', `not JSON: ${e.message}`);
    return errors;
  }
  if (json?.type !== 'AdaptiveCard') add('type', 'root type must be "AdaptiveCard"');
  if (json?.version !== RequiredVersion) {
    add('version', `version is ${JSON.stringify(json?.version)}; PolicyBot sends ${RequiredVersion} (newer versions do not render in Teams)`);
  }

  // The official parser and its property validation, at the version Teams supports.
  try {
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    const card = new AC.AdaptiveCard();
    card.parse(json, context);
    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      add(`parser.${AC.ValidationEvent[e.event] ?? e.event}`, e.message, sourcePath(e.source));
    }
    const results = card.validateProperties();
    for (const e of results.validationEvents) {
      add(`validate.${AC.ValidationEvent[e.event] ?? e.event}`, e.message, sourcePath(e.source));
    }
  } catch (e) {
    add('parser.exception', String(e?.stack ?? e));
  }

  // What the parser does not check.
  const inputIds = new Map();
  const elementIds = new Set();
  const toggleTargets = [];
  walk(json, '$', (node, path, parentKey) => {
    if (typeof node === 'string') {
      if (/\$\{/.test(node)) add('template', `unbound template expression in ${JSON.stringify(node.slice(0, 80))}`, path);
      return;
    }
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    if (typeof node.id === 'string' && parentKey !== 'data') elementIds.add(node.id);
    switch (node.type) {
      case 'Image':
        if (typeof node.url !== 'string' || node.url.trim() === '') add('image.url', 'Image has no url', path);
        break;
      case 'TextBlock':
        if (typeof node.text !== 'string' || node.text.trim() === '') add('textblock.empty', 'TextBlock has no text', path);
        break;
      case 'TextRun':
        if (typeof node.text !== 'string' || node.text.trim() === '') add('textrun.empty', 'TextRun has no text', path);
        break;
      case 'Action.Execute': {
        if (typeof node.verb !== 'string' || node.verb === '') add('execute.verb', 'Action.Execute has no verb', path);
        const fb = node.fallback;
        if (!fb || typeof fb !== 'object' || fb.type !== 'Action.Submit') {
          add('execute.fallback', 'Action.Execute needs an Action.Submit fallback', path);
        } else if (fb.data?.verb !== node.verb) {
          add('execute.fallback', `Action.Submit fallback must carry data.verb ${JSON.stringify(node.verb)}, has ${JSON.stringify(fb.data?.verb)}`, path);
        }
        break;
      }
      case 'Action.Submit':
        if (parentKey !== 'fallback') add('submit.alone', 'Action.Submit is only used as the fallback of an Action.Execute', path);
        break;
      case 'Action.ToggleVisibility':
        for (const t of node.targetElements ?? []) toggleTargets.push({ id: typeof t === 'string' ? t : t?.elementId, path });
        break;
    }
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) {
      if (typeof node.id !== 'string' || node.id === '') add('input.id', `${node.type} has no id`, path);
      else if (inputIds.has(node.id)) add('input.id.unique', `input id "${node.id}" is also used at ${inputIds.get(node.id)}`, path);
      else inputIds.set(node.id, path);
    }
  });
  for (const t of toggleTargets) {
    if (!elementIds.has(t.id)) add('toggle.target', `Action.ToggleVisibility targets missing element "${t.id}"`, t.path);
  }
  const users = json?.refresh?.userIds;
  if (Array.isArray(users) && users.length > MaxRefreshUsers) add('refresh.userIds', `refresh.userIds has ${users.length} users; Teams allows ${MaxRefreshUsers}`, '$.refresh');
  if (json?.refresh && json.refresh.action?.type !== 'Action.Execute') add('refresh.action', 'refresh.action must be an Action.Execute', '$.refresh');
  return errors;
}

function walk(node, path, visit, parentKey = null) {
  visit(node, path, parentKey);
  if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${path}[${i}]`, visit, parentKey));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`, visit, k);
}

function sourcePath(source) {
  if (!source) return '$';
  const type = source.getJsonTypeName?.() ?? 'element';
  return source.id ? `${type}#${source.id}` : type;
}

function cardFiles(args) {
  const files = [];
  for (const arg of args) {
    const p = resolve(arg);
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) if (f.endsWith('.json') && f !== 'index.json') files.push(join(p, f));
    } else files.push(p);
  }
  return files;
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.error('usage: node tools/cards/validate.mjs <dir-or-card.json>...');
    process.exit(2);
  }
  const cards = cardFiles(args).map((file) => {
    const raw = readFileSync(file, 'utf8');
    return { name: basename(file, '.json'), bytes: Buffer.byteLength(raw, 'utf8'), errors: validateCard(raw) };
  });
  process.stdout.write(JSON.stringify({ cards }, null, 2) + '\n');
  process.exit(cards.some((c) => c.errors.length > 0) ? 1 : 0);
}
