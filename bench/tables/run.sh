#!/usr/bin/env bash
# Starts one Azurite (in memory, free loopback port), then runs the same Table workload with our client
# (PolicyBot.Benchmarks tables-throughput) and with the official @azure/data-tables SDK, and prints ops/s and
# the ratio. The two clients take turns (ROUNDS rounds, default 2) and the best round of each is reported, since
# a shared machine's load shifts between runs.
# Usage: [ROUNDS=2] bench/tables/run.sh [inserts=5000] [reads=5000] [updates=1000] [concurrency=16]
set -euo pipefail
cd "$(dirname "$0")/../.."
INSERTS=${1:-5000} READS=${2:-5000} UPDATES=${3:-1000} CONCURRENCY=${4:-16}

PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
WORK=$(mktemp -d)
(cd "$WORK" && exec "$OLDPWD/node_modules/.bin/azurite-table" --inMemoryPersistence --tableHost 127.0.0.1 --tablePort "$PORT" \
  --skipApiVersionCheck --loose --disableTelemetry >"$WORK/azurite.log" 2>&1) &
AZURITE_PID=$!
trap 'kill "$AZURITE_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do
  if node -e 'require("net").connect(+process.argv[1],"127.0.0.1").on("connect",()=>process.exit(0)).on("error",()=>process.exit(1))' "$PORT"; then break; fi
  sleep 0.1
done

KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$KEY;TableEndpoint=http://127.0.0.1:$PORT/devstoreaccount1;"
echo "Azurite on 127.0.0.1:$PORT (pid $AZURITE_PID); $INSERTS inserts, $READS reads, $UPDATES conditional updates; 1 and $CONCURRENCY callers" >&2

dotnet build -c Release PolicyBot.Benchmarks -v q -nologo >&2
for _ in $(seq 1 "${ROUNDS:-2}"); do
  dotnet run -c Release --no-build --project PolicyBot.Benchmarks -- tables-throughput --connection "$CONNECTION" \
    --inserts "$INSERTS" --reads "$READS" --updates "$UPDATES" --concurrency "$CONCURRENCY"
  node bench/tables/js-throughput.mjs "$CONNECTION" "$INSERTS" "$READS" "$UPDATES" "$CONCURRENCY"
done | tee "$WORK/results.jsonl" | node bench/tables/compare.mjs
