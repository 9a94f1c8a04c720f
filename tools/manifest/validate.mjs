// Validates a Teams manifest.json offline against the official schema bundled in @microsoft/app-manifest.
// Prints {"errors":[...]} as one JSON line; exits 0 when valid, 1 when not, 2 on bad usage.
//
//   node tools/manifest/validate.mjs path/to/manifest.json

import { readFileSync } from "node:fs";
import { validateManifest, findPlaceholders } from "./lib.mjs";

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error("usage: node tools/manifest/validate.mjs path/to/manifest.json");
  process.exit(2);
}

const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
let errors;
try {
  const manifest = JSON.parse(text);
  errors = [...findPlaceholders(text).map((p) => `placeholder ${p} was not filled`), ...(await validateManifest(manifest))];
} catch (e) {
  if (!(e instanceof SyntaxError)) throw e;
  errors = [`not valid JSON: ${e.message}`];
}
console.log(JSON.stringify({ errors }));
process.exitCode = errors.length ? 1 : 0;
