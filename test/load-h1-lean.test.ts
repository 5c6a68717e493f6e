// The lean HTTP/1.1 reader: Content-Length and chunked bodies (split anywhere), error statuses by code, a server
// that closes after each response, calls queued behind a call that timed out or was reset (sent on a fresh
// connection, never counted as that call's error); and the neutral tools' output parsers the crosscheck relies on.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { H1LeanTransport } from "../bench/drivers/h1-lean-transport.js";
import { parseH2loadOutput, parseWrkOutput, p50FromH2loadLog } from "../bench/crosscheck/neutral-tools.js";

let server: http.Server;
let origin: string;
// /hang-first and /reset-first: the first request of each path is held forever / has its connection destroyed.
const firstSeen = new Set<string>();
const held: http.ServerResponse[] = [];

before(async () => {
  server = http.createServer((req, res) => {
    if ((req.url === "/hang-first" || req.url === "/reset-first") && !firstSeen.has(req.url)) {
      firstSeen.add(req.url);
      if (req.url === "/hang-first") held.push(res);
      else req.socket.destroy();
    } else if (req.url === "/chunked") {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"a":');
      setImmediate(() => res.end(`"${"x".repeat(70_000)}"}`));
    } else if (req.url === "/close") {
      res.writeHead(200, { connection: "close", "content-length": "2" });
      res.end("ok");
    } else if (req.url === "/missing") {
      res.writeHead(404, { "content-length": "9" });
      res.end("not found");
    } else {
      const body = Buffer.alloc(100_000, 0x61);
      res.writeHead(200, { "content-length": String(body.length) });
      res.end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

async function calls(path: string, n: number): Promise<(string | null)[]> {
  const transport = new H1LeanTransport({ target: origin, connections: 2, path, timeoutMs: 5000 });
  await transport.open();
  const codes: (string | null)[] = [];
  // sequential per lane, so a miscounted body would desynchronize the next response
  for (let i = 0; i < n; i++) codes.push(await new Promise<string | null>((resolve) => transport.send(i, resolve)));
  await transport.close();
  return codes;
}

test("Content-Length bodies larger than one read", async () => {
  assert.deepEqual(await calls("/big", 6), [null, null, null, null, null, null]);
});

test("chunked bodies", async () => {
  assert.deepEqual(await calls("/chunked", 6), [null, null, null, null, null, null]);
});

test("non-2xx statuses are counted by their number", async () => {
  assert.deepEqual(await calls("/missing", 3), ["404", "404", "404"]);
});

test("a server that closes after each response: every call reconnects and succeeds", async () => {
  assert.deepEqual(await calls("/close", 4), [null, null, null, null]);
});

/** `n` calls issued at once on one connection: all but the first wait in the lane's queue. */
async function queuedCalls(path: string, n: number, timeoutMs: number): Promise<(string | null)[]> {
  const transport = new H1LeanTransport({ target: origin, connections: 1, path, timeoutMs });
  await transport.open();
  try {
    return await Promise.all(Array.from({ length: n }, () => new Promise<string | null>((resolve) => transport.send(0, resolve))));
  } finally {
    await transport.close();
  }
}

test("calls queued behind a call that timed out are sent on a fresh connection, not counted as timeouts", async () => {
  // The first call is never answered: only it times out (the deadline is just what ends it, nothing is timed).
  assert.deepEqual(await queuedCalls("/hang-first", 4, 1000), ["timeout", null, null, null]);
});

test("calls queued behind a call whose connection was reset are sent on a fresh connection", async () => {
  assert.deepEqual(await queuedCalls("/reset-first", 4, 5000), ["reset", null, null, null]);
});

test("h2load and wrk outputs parse into the compared figures", () => {
  const h2load = parseH2loadOutput(
    "finished in 4.00s, 8498.67 req/s, 1.50MB/s\nrequests: 25496 total, 25496 started, 25496 done, 25490 succeeded, 6 failed, 0 errored, 0 timeout\n",
  );
  assert.equal(h2load.throughputRps, 8498.67);
  assert.equal(h2load.completed, 25496);
  assert.equal(h2load.failed, 6);
  assert.equal(p50FromH2loadLog("1\t200\t1000\n2\t200\t3000\n3\t200\t2000\n"), 2);
  const wrk = parseWrkOutput(
    [
      "Running 5s test @ http://127.0.0.1:1/v1/users/u-6",
      "  Latency Distribution",
      "     50%    1.23ms",
      "     75%    2.00ms",
      "  12345 requests in 5.00s, 1.00MB read",
      "  Non-2xx or 3xx responses: 5",
      "Requests/sec:   2469.00",
    ].join("\n"),
  );
  assert.equal(wrk.throughputRps, 2469);
  assert.equal(wrk.completed, 12345);
  assert.equal(wrk.failed, 5);
  assert.equal(wrk.p50Ms, 1.23);
  assert.equal(parseWrkOutput("     50%  800.00us\n  10 requests in 1.00s, 1KB read\nRequests/sec: 10.00\n").p50Ms, 0.8);
});
