// Shared by package.mjs and validate.mjs: schema validation against the schemas bundled in
// @microsoft/app-manifest (offline), icon checks, and a small zip writer (node's zlib, no dependency).

import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { deflateRawSync } from "node:zlib";

const require = createRequire(import.meta.url);
const { PNG } = require("pngjs");
const { AppManifestUtils } = require("@microsoft/app-manifest");

const schemaRoot = join(dirname(require.resolve("@microsoft/app-manifest")), "json-schemas");
const teamsSchemaUrl = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/i;

/**
 * Validates a Teams manifest against the official schema named by its $schema, read from the copy bundled
 * in @microsoft/app-manifest. The schema is passed in explicitly so validation never reaches the network.
 * Returns a list of error strings; empty when the manifest is valid.
 */
export async function validateManifest(manifest) {
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
    return ["/ the manifest must be a JSON object"];
  }
  const match = typeof manifest.$schema === "string" ? teamsSchemaUrl.exec(manifest.$schema) : null;
  if (!match) {
    return [`/$schema must be a Teams manifest schema URL (https://developer.microsoft.com/json-schemas/teams/v1.NN/MicrosoftTeams.schema.json), was ${JSON.stringify(manifest.$schema)}`];
  }
  const schemaFile = join(schemaRoot, "teams", match[1], "MicrosoftTeams.schema.json");
  if (!existsSync(schemaFile)) {
    return [`/$schema names ${match[1]}, which @microsoft/app-manifest does not bundle`];
  }
  const raw = readFileSync(schemaFile, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b");
  const schema = JSON.parse(raw);
  const errors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
  const version = match[1].slice(1);
  if (version !== "DevPreview" && manifest.manifestVersion !== version) {
    errors.push(`/manifestVersion is ${JSON.stringify(manifest.manifestVersion)} but $schema is ${match[1]}`);
  }
  return errors;
}

/** Leftover {{PLACEHOLDER}} markers anywhere in the manifest text. */
export function findPlaceholders(text) {
  return [...new Set(text.match(/\{\{[A-Z_]+\}\}/g) ?? [])];
}

/**
 * Checks an icon against Teams' rules. The colour icon is 192×192; the outline icon is 32×32 and
 * white on a transparent background (every pixel white, transparent, or white with partial alpha).
 */
export function checkIcon(kind, bytes) {
  let png;
  try {
    png = PNG.sync.read(bytes);
  } catch (e) {
    return [`${kind} icon is not a readable PNG: ${e.message}`];
  }
  const errors = [];
  const size = kind === "color" ? 192 : 32;
  if (png.width !== size || png.height !== size) {
    errors.push(`${kind} icon must be ${size}×${size}, is ${png.width}×${png.height}`);
  }
  if (kind === "outline") {
    let transparent = 0, notWhite = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
      if (a === 0) transparent++;
      else if (r < 250 || g < 250 || b < 250) notWhite++;
    }
    if (transparent === 0) errors.push("outline icon must have a transparent background, has no transparent pixel");
    if (notWhite > 0) errors.push(`outline icon must be white only, has ${notWhite} visible pixel(s) of another colour`);
  }
  return errors;
}

// ---- zip (PKZIP 2.0: deflate, CRC-32, no extras) ----

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Builds a zip archive from [{ name, data }] with every entry at the root. Timestamps are fixed
 * (1980-01-01 00:00) so the same inputs give the same bytes.
 */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const dosTime = 0, dosDate = (0 << 9) | (1 << 5) | 1;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const compressed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);

    offset += local.length + nameBytes.length + compressed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
