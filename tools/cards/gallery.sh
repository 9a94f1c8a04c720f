#!/usr/bin/env bash
# Refreshes the card gallery in docs/cards: exports every sample card (PolicyBot.Tests/Cards/CardSamples.cs),
# validates them with the official parser, renders each in headless Chromium at phone width, and writes
# docs/cards/README.md. Needs dotnet, node, node_modules (npm ci) and /usr/bin/chromium.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/docs/cards"
json="$out/json"
report="$(mktemp -d)"
trap 'rm -rf "$report"' EXIT

rm -rf "$json" && mkdir -p "$json"
POLICYBOT_CARDS_EXPORT="$json" dotnet test "$root/PolicyBot.Tests" --nologo -v quiet \
  --filter "FullyQualifiedName~PolicyBot.Tests.Cards.CardSampleExportTests"

if ! node "$root/tools/cards/validate.mjs" "$json" > "$report/validate.json"; then
  echo "Some cards are invalid; see $report/validate.json" >&2
  cat "$report/validate.json" >&2
  exit 1
fi

rm -f "$out"/*.png
if ! node "$root/tools/cards/render.mjs" "$json" "$out" > "$report/render.json"; then
  echo "Some cards did not render cleanly:" >&2
  cat "$report/render.json" >&2
  exit 1
fi

node "$root/tools/cards/gallery.mjs" "$json" "$out"
echo "Gallery refreshed: $out/README.md"
