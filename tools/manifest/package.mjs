// Builds the upload-ready Teams app package: manifest.json (from manifest/manifest.template.json with the
// app id and domain filled in), color.png and outline.png at the root of a zip. The manifest is validated
// offline against the official schema and the icons against Teams' rules; on any error nothing is written.
//
//   node tools/manifest/package.mjs --app-id <GUID> --domain <host> [--out manifest/build/policybot.zip]
//        [--version 1.0.0] [--developer-name NAME] [--website-url URL] [--privacy-url URL] [--terms-url URL]
//
// --app-id   the bot's Microsoft App ID: with the Bicep in infra/, the managed identity's client id
//            (deployment output `botAppId`)
// --domain   the web app's host name, e.g. policybot-abc123.azurewebsites.net (output `webAppHostName`)

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { validateManifest, findPlaceholders, checkIcon, zip } from "./lib.mjs";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const manifestDir = join(repoRoot, "manifest");

const usage = `usage: node tools/manifest/package.mjs --app-id <GUID> --domain <host> [--out FILE.zip]
       [--version X.Y.Z] [--developer-name NAME] [--website-url URL] [--privacy-url URL] [--terms-url URL]`;

const options = {
  "--app-id": "appId",
  "--domain": "domain",
  "--out": "out",
  "--version": "version",
  "--developer-name": "developerName",
  "--website-url": "websiteUrl",
  "--privacy-url": "privacyUrl",
  "--terms-url": "termsUrl",
};

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--help" || argv[i] === "-h") return { help: true };
    const key = options[argv[i]];
    if (!key) throw new UsageError(`unknown option ${argv[i]}`);
    if (i + 1 >= argv.length || argv[i + 1].startsWith("--")) throw new UsageError(`${argv[i]} needs a value`);
    args[key] = argv[++i];
  }
  return args;
}

class UsageError extends Error {}

const guid = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
// A DNS host name: labels of letters, digits and hyphens, at least one dot; no scheme, port or path.
const hostName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const semver = /^\d+\.\d+\.\d+$/;

function checkArgs(args) {
  const problems = [];
  if (!args.appId) problems.push("--app-id is required (the bot's Microsoft App ID, a GUID)");
  else if (!guid.test(args.appId)) problems.push(`--app-id must be a GUID, was ${JSON.stringify(args.appId)}`);
  if (!args.domain) problems.push("--domain is required (the bot's host name, e.g. policybot-abc.azurewebsites.net)");
  else if (!hostName.test(args.domain)) problems.push(`--domain must be a host name without scheme, port or path, was ${JSON.stringify(args.domain)}`);
  if (args.version && !semver.test(args.version)) problems.push(`--version must look like 1.2.3, was ${JSON.stringify(args.version)}`);
  for (const key of ["websiteUrl", "privacyUrl", "termsUrl"]) {
    if (args[key] && !/^https:\/\/\S+$/.test(args[key])) problems.push(`--${key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())} must be an https URL`);
  }
  return problems;
}

/** Fills the template's {{PLACEHOLDERS}}; values are JSON-escaped so any text stays valid JSON. */
export function fillTemplate(templateText, values) {
  return templateText.replace(/\{\{([A-Z_]+)\}\}/g, (marker, name) =>
    Object.hasOwn(values, name) ? JSON.stringify(String(values[name])).slice(1, -1) : marker);
}

export async function buildPackage(args) {
  const problems = checkArgs(args);
  if (problems.length) return { errors: problems };

  const domain = args.domain.toLowerCase();
  const appId = args.appId.toLowerCase();
  const text = fillTemplate(readFileSync(join(manifestDir, "manifest.template.json"), "utf8"), {
    APP_ID: appId,
    DOMAIN: domain,
    VERSION: args.version ?? "1.0.0",
    DEVELOPER_NAME: args.developerName ?? "PolicyBot",
    WEBSITE_URL: args.websiteUrl ?? `https://${domain}/`,
    PRIVACY_URL: args.privacyUrl ?? `https://${domain}/privacy`,
    TERMS_URL: args.termsUrl ?? `https://${domain}/terms`,
  });

  const errors = findPlaceholders(text).map((p) => `placeholder ${p} was not filled`);
  const manifest = JSON.parse(text);
  errors.push(...(await validateManifest(manifest)));

  const icons = {};
  for (const kind of ["color", "outline"]) {
    icons[kind] = readFileSync(join(manifestDir, manifest.icons[kind]));
    errors.push(...checkIcon(kind, icons[kind]));
  }
  if (errors.length) return { errors };

  const bytes = zip([
    { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8") },
    { name: manifest.icons.color, data: icons.color },
    { name: manifest.icons.outline, data: icons.outline },
  ]);
  return { errors: [], bytes, manifest };
}

async function main(argv) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n${usage}`);
    return 2;
  }
  if (args.help) {
    console.log(usage);
    return 0;
  }
  const result = await buildPackage(args);
  if (result.errors.length) {
    console.error("The Teams app package was not written:");
    for (const error of result.errors) console.error(`  ${error}`);
    return 1;
  }
  const out = resolve(args.out ?? join(manifestDir, "build", "policybot.zip"));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, result.bytes);
  console.log(`wrote ${out} (manifest ${result.manifest.manifestVersion}, app ${result.manifest.id}, ${result.manifest.validDomains.join(", ")})`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
