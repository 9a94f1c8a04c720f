// Reads the JSON lines of the throughput runs (stdin) and prints, per operation, each client's best ops/s over the
// rounds side by side with the ratio ours/official.
import { createInterface } from "node:readline";

const rows = new Map();
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.startsWith("{")) continue;
  const r = JSON.parse(line);
  const key = `${r.operation} x${r.callers}`;
  const row = rows.get(key) ?? {};
  row[r.client] = Math.max(row[r.client] ?? 0, r.opsPerSecond);
  rows.set(key, row);
}
console.log("operation                   callers   ours ops/s   official-js ops/s   ratio");
for (const [key, r] of rows) {
  const [operation, callers] = key.split(" ");
  const ratio = r.ours && r["official-js"] ? (r.ours / r["official-js"]).toFixed(2) + "x" : "-";
  console.log(`${operation.padEnd(27)} ${callers.slice(1).padStart(7)} ${String(r.ours ?? "-").padStart(12)} ${String(r["official-js"] ?? "-").padStart(19)} ${ratio.padStart(7)}`);
}
