#!/usr/bin/env bash
# Ask load test: Ask turns per second and p99 latency through /api/messages (Release build, development
# mode, embedded store, demo school, replies going to a local Connector sink), next to a bare ASP.NET Core
# endpoint returning a card-sized JSON body, on the same machine in the same run.
#   bench/load/run.sh                 # DURATION=20s CONNECTIONS=32 THREADS=2 by default
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

dotnet build -c Release PolicyBot.Benchmarks -v q -nologo >/dev/null

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
wait_up() { for _ in $(seq 1 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done; echo "not up: $1" >&2; return 1; }

sink_port=$(free_port); bot_port=$(free_port)
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; [[ -n "${KEEP_LOG:-}" ]] && cp "$tmp/bot.log" "$KEEP_LOG"; rm -rf "$tmp"; }
trap cleanup EXIT
KEEP_LOG=${KEEP_LOG:-}

dotnet PolicyBot.Benchmarks/bin/Release/net10.0/PolicyBot.Benchmarks.dll sink "http://127.0.0.1:$sink_port" &
pids+=($!)
Storage__EmbeddedPath="$tmp/load.db" Logging__LogLevel__Default=Warning \
  dotnet PolicyBot/bin/Release/net10.0/PolicyBot.dll --urls "http://127.0.0.1:$bot_port" >"$tmp/bot.log" 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$sink_port/replies"
wait_up "http://127.0.0.1:$bot_port/healthz"

export SINK_URL="http://127.0.0.1:$sink_port"
# Warm both up (JIT, connection pools), then measure.
RUN_ID=warmup-$$ wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/load/ask.lua "http://127.0.0.1:$bot_port/api/messages" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/load/bare.lua "http://127.0.0.1:$sink_port/bare" >/dev/null
before=$(curl -fs "http://127.0.0.1:$sink_port/replies" | node -pe 'JSON.parse(require("fs").readFileSync(0)).replies')
RUN_ID=measure-$$ wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/load/ask.lua "http://127.0.0.1:$bot_port/api/messages" | tee "$tmp/ask.txt"
after=$(curl -fs "http://127.0.0.1:$sink_port/replies" | node -pe 'JSON.parse(require("fs").readFileSync(0)).replies')
wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/load/bare.lua "http://127.0.0.1:$sink_port/bare" | tee "$tmp/bare.txt"

node - "$tmp/ask.txt" "$tmp/bare.txt" "$before" "$after" <<'JS'
const fs = require("fs");
const [askFile, bareFile, before, after] = process.argv.slice(2);
const read = f => {
  const t = fs.readFileSync(f, "utf8");
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(t)[1]);
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(t);
  const ms = Number(p99[1]) * ({ us: 0.001, ms: 1, s: 1000 })[p99[2]];
  const non2xx = Number((/Non-2xx or 3xx responses:\s+(\d+)/.exec(t) || [0, 0])[1]);
  return { rps, p99ms: ms, non2xx };
};
const ask = read(askFile), bare = read(bareFile);
console.log("\n| endpoint | requests/s | p99 latency | non-2xx |");
console.log("|---|---|---|---|");
console.log(`| PolicyBot /api/messages (Ask turn) | ${ask.rps.toFixed(0)} | ${ask.p99ms.toFixed(2)} ms | ${ask.non2xx} |`);
console.log(`| bare ASP.NET Core endpoint | ${bare.rps.toFixed(0)} | ${bare.p99ms.toFixed(2)} ms | ${bare.non2xx} |`);
const requests = Number(/(\d+) requests in/.exec(fs.readFileSync(askFile, "utf8"))[1]);
console.log(`\nratio Ask/bare throughput: ${(ask.rps / bare.rps).toFixed(3)}; Ask requests ${requests}, replies delivered to the sink ${after - before}`);
JS
