// The official JavaScript SDK (@azure/data-tables) doing what PolicyBot.Benchmarks' tables-throughput does:
// point inserts, point reads and conditional updates, sequential and with N concurrent callers.
// usage: node bench/tables/js-throughput.mjs "<connection string>" [inserts=5000] [reads=5000] [updates=1000] [concurrency=16]
import { TableClient } from "@azure/data-tables";
import { randomUUID } from "node:crypto";

const [connection, insertsArg, readsArg, updatesArg, concurrencyArg] = process.argv.slice(2);
if (!connection) {
  console.error("usage: node js-throughput.mjs <connection string> [inserts] [reads] [updates] [concurrency]");
  process.exit(2);
}
const inserts = Number(insertsArg ?? 5000);
const reads = Number(readsArg ?? 5000);
const updates = Number(updatesArg ?? 1000);
const concurrency = Number(concurrencyArg ?? 16);

const partitionOf = (i) => "p" + String(i % 16).padStart(2, "0");
const rowOf = (i) => "r" + String(i).padStart(6, "0");
const base = Date.UTC(2026, 0, 1);
const entity = (i, count = 0) => ({
  partitionKey: partitionOf(i),
  rowKey: rowOf(i),
  Name: "request " + i,
  Count: count,
  At: new Date(base + i * 1000),
});
const table = (name) => TableClient.fromConnectionString(connection, name, { allowInsecureConnection: true });

async function time(count, callers, operation) {
  let next = -1;
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: callers }, async () => {
    let i;
    while ((i = ++next) < count) await operation(i);
  }));
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function report(operation, callers, count, seconds) {
  console.log(JSON.stringify({ client: "official-js", operation, callers, count, seconds: +seconds.toFixed(3), opsPerSecond: +(count / seconds).toFixed(1) }));
}

const warm = table("warm" + randomUUID().replaceAll("-", "").slice(0, 8));
await warm.createTable();
for (let i = 0; i < 200; i++) {
  const { etag } = await warm.createEntity(entity(i));
  await warm.getEntity(partitionOf(i), rowOf(i));
  await warm.updateEntity(entity(i), "Replace", { etag });
}
await warm.deleteTable();

for (const callers of [1, concurrency]) {
  const client = table("js" + (callers === 1 ? "seq" : "par") + randomUUID().replaceAll("-", "").slice(0, 8));
  await client.createTable();
  const etags = new Array(inserts);
  report("insert", callers, inserts, await time(inserts, callers, async (i) => { etags[i] = (await client.createEntity(entity(i))).etag; }));
  report("read", callers, reads, await time(reads, callers, (i) => client.getEntity(partitionOf(i % inserts), rowOf(i % inserts))));
  report("conditional-update", callers, updates, await time(updates, callers, (i) => client.updateEntity(entity(i, i + 1), "Replace", { etag: etags[i] })));
  await client.deleteTable();
}
