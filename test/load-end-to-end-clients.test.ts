// The REST end-to-end client (undici, shared by the load family's driver and the head-of-line transports) checks
// the HTTP status before it parses, so an error page counts under its status; a 2xx body goes through JSON.parse
// AND the canonical JSON mapping, so JSON that is not the message's canonical form is a "bad-response". The
// head-of-line REST transport does exactly that work, adding x-delay-ms to every slowEvery-th call only.
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { UndiciTransport } from "../bench/drivers/undici-transport.js";
import type { Transport } from "../bench/drivers/transport.js";
import { callSpec } from "../bench/load/call-spec.js";
import { MixedUndiciTransport } from "../bench/multiplex/mixed-call-transports.js";
import { toCanonicalJson } from "../proto/canonical-json.js";

const spec = callSpec("small"); // GetUser, REST GET /v1/users/u-6
const goodBody = JSON.stringify(toCanonicalJson("User", { id: "u-6", email: "a@example.com" }));

// What the server answers next; the delay headers it saw, in order.
let answer: { status: number; type: string; body: string } = { status: 200, type: "application/json", body: goodBody };
const delayHeaders: (string | undefined)[] = [];
let server: http.Server;
let target = "";

before(async () => {
  server = http.createServer((req, res) => {
    const delay = req.headers["x-delay-ms"];
    delayHeaders.push(Array.isArray(delay) ? delay[0] : delay);
    res.writeHead(answer.status, { "content-type": answer.type });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** `calls` sequential calls; their codes. */
async function codes(transport: Transport, calls: number): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  for (let i = 0; i < calls; i++) out.push(await new Promise<string | null>((resolve) => transport.send(0, resolve)));
  return out;
}

const makers: [string, () => Transport][] = [
  ["undici (load family)", () => new UndiciTransport({ target, connections: 1, spec, timeoutMs: 5000 })],
  ["undici (head-of-line)", () => new MixedUndiciTransport({ target, connections: 1, spec, timeoutMs: 5000, slowEvery: 2, slowDelayMs: 7 })],
];

for (const [name, make] of makers) {
  test(`${name}: status first, then JSON.parse and the canonical JSON mapping`, async () => {
    answer = { status: 200, type: "application/json", body: goodBody };
    const transport = make();
    await transport.open();
    try {
      assert.deepEqual(await codes(transport, 2), [null, null], "the message's canonical JSON is a success");
      answer = { status: 503, type: "text/html", body: "<html>overloaded</html>" };
      assert.deepEqual(await codes(transport, 2), ["503", "503"], "a non-JSON error page counts under its HTTP status");
      answer = { status: 200, type: "text/plain", body: "not json" };
      assert.deepEqual(await codes(transport, 1), ["bad-response"]);
      answer = { status: 200, type: "application/json", body: JSON.stringify({ id: "u-6", noSuchField: 1 }) };
      assert.deepEqual(await codes(transport, 1), ["bad-response"], "valid JSON that is not a canonical User is rejected by the mapping");
    } finally {
      await transport.close();
    }
  });
}

test("head-of-line REST calls differ from the load family's only by x-delay-ms on every slowEvery-th call", async () => {
  answer = { status: 200, type: "application/json", body: goodBody };
  const transport = new MixedUndiciTransport({ target, connections: 1, spec, timeoutMs: 5000, slowEvery: 3, slowDelayMs: 9 });
  await transport.open();
  try {
    delayHeaders.length = 0;
    assert.deepEqual(await codes(transport, 6), [null, null, null, null, null, null]);
    assert.deepEqual(delayHeaders, [undefined, undefined, "9", undefined, undefined, "9"]);
  } finally {
    await transport.close();
  }
});
