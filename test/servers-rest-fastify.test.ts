// rest-fastify beyond what the shared REST parity tests cover: its descriptor, and the fastify defaults it
// changes so its bytes stay the reference arm's (express) — a long :id (find-my-way's 100-character limit), a
// HEAD that is not modified (fastify's generated HEAD routes), a connection kept alive after a body parser error
// (fastify closes it), an encoded slash, a bad escape on routes with a body, and a Content-Type fastify refuses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { connect } from "node:net";
import { findArm } from "../servers/registry.js";
import { restPath } from "../servers/shop-routes.js";
import { restOnEvery, serveArms } from "./fixtures/shop-clients.js";

const arms = serveArms({ maxRequestBytes: 64 * 1024 });

test("rest-fastify is registered as a REST/JSON arm on fastify over HTTP/1.1, in the default set", () => {
  const arm = findArm("rest-fastify");
  assert.ok(arm);
  assert.deepEqual(
    { id: arm.id, label: arm.label, api: arm.api, wire: arm.wire, transport: arm.transport, framework: arm.framework, default: arm.default },
    { id: "rest-fastify", label: "REST (fastify)", api: "rest", wire: "json", transport: "http/1.1", framework: "fastify", default: true },
  );
  assert.ok(arms.restArms.some((server) => server.arm === "rest-fastify"));
});

/** Requests written one after another on one connection (the last says Connection: close); every byte the server sent, Date blanked. */
function exchange(port: number, requests: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.setTimeout(30_000, () => socket.destroy(new Error("timed out")));
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1").replace(/\r\nDate: [^\r]*\r\n/g, "\r\nDate: -\r\n")));
    socket.write(requests.replace(/\n/g, "\r\n"));
  });
}

test("an :id over 100 characters is routed like any other (find-my-way's maxParamLength would answer 414)", async () => {
  const r = await restOnEvery(arms, "GET", restPath.getUser(`u-${"9".repeat(300)}`));
  assert.equal(r.status, 404);
  await restOnEvery(arms, "GET", restPath.listOrders(`u-${"9".repeat(300)}`, { limit: 2 }));
});

test("HEAD with If-None-Match: * is a 304 with no Content-Length, as express sends it", async () => {
  const head = `HEAD ${restPath.getUser("u-1")} HTTP/1.1\nHost: localhost\nIf-None-Match: *\nConnection: close\n\n`;
  const responses = await Promise.all(arms.restArms.map((server) => exchange(server.port, head)));
  assert.match(responses[0]!, /^HTTP\/1\.1 304 /);
  for (const [i, response] of responses.entries()) assert.equal(response, responses[0], arms.restArms[i]!.arm);
});

test("after a malformed JSON body the connection stays open for the next request", async () => {
  const bad = '{"name":';
  const requests =
    `POST ${restPath.createUser()} HTTP/1.1\nHost: localhost\nContent-Type: application/json\nContent-Length: ${bad.length}\n\n${bad}` +
    `GET ${restPath.getUser("u-2")} HTTP/1.1\nHost: localhost\nConnection: close\n\n`;
  const responses = await Promise.all(arms.restArms.map((server) => exchange(server.port, requests)));
  assert.match(responses[0]!, /^HTTP\/1\.1 400 [^]*HTTP\/1\.1 200 /);
  for (const [i, response] of responses.entries()) assert.equal(response, responses[0], arms.restArms[i]!.arm);
});

test("routes with a body: a bad escape in :id is 400 before the body is read, an empty :id or a bad static segment 404", async () => {
  const body = JSON.stringify({ name: "x" });
  const json = { "content-type": "application/json" };
  assert.equal((await restOnEvery(arms, "PATCH", "/v1/users/%E0%A4%A", body, json)).status, 400);
  assert.equal((await restOnEvery(arms, "POST", "/v1/use%ZZrs", body, json)).status, 404);
  assert.equal((await restOnEvery(arms, "GET", "/v1/users/%ZZ/orders/stream")).status, 400);
  assert.equal((await restOnEvery(arms, "DELETE", "/v1/users//")).status, 404);
  await restOnEvery(arms, "GET", "/v1/users/a%2Fb%3Fc%23d%25e");
});

test("a Content-Type fastify cannot parse (it would answer 415) is ignored, as express's body parser ignores it", async () => {
  const invalid = { "content-type": "not a media type" };
  assert.equal((await restOnEvery(arms, "POST", restPath.upload(), "ab", invalid)).status, 200);
  assert.equal((await restOnEvery(arms, "POST", restPath.createUser(), JSON.stringify({ name: "x", email: "x@y.z" }), invalid)).status, 400);
  assert.equal((await restOnEvery(arms, "DELETE", restPath.deleteUser("u-0"), "ab", invalid)).status, 404);
});
