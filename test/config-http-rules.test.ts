// The REST side of a --config call derived from its method's google.api.http rule (bench/config/rest-request.ts),
// as grpc-gateway and Envoy's transcoder read one: path variables (nested, multi-segment), body "*", a body field,
// custom verbs, and the remaining leaf fields as query parameters (repeated repeated, enums by name, int64 as
// decimal strings, bytes base64, Timestamps RFC 3339), percent-encoded. Also: the gateway arm's rule reading, now
// shared, still names shop.v1's routes as before.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import type protobuf from "protobufjs";
import { fromCanonicalJson, type JsonValue } from "../proto/canonical-json.js";
import { loadProtoRoot } from "../bench/config/proto-root.js";
import { percentEncode, restRequestFromRoute } from "../bench/config/rest-request.js";
import { httpRoutes, methodHttpRoutes } from "../servers/gateway/http-rules.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/config/", import.meta.url));
const root = loadProtoRoot([join(FIXTURES, "demo.proto")], [FIXTURES]);
const service = root.lookupService("demo.v1.Things");

function rest(method: string, json: JsonValue, binding = 0) {
  const m = service.methods[method]!;
  const route = methodHttpRoutes(m)[binding]!;
  const message = fromCanonicalJson(route.requestType, json);
  return { route, ...restRequestFromRoute(route, message) };
}

const FULL = {
  name: "shelves/a b",
  inner: { id: "x/y", n: 3 },
  tags: ["a", "b&c"],
  color: "RED",
  big: "9007199254740993",
  flag: true,
  blob: "AQI=",
  at: "2026-01-01T00:00:00Z",
  colors: ["RED", "GREEN"],
  ratio: 0.5,
  labels: { k: "v" },
  items: [{ id: "i" }],
  pageSize: 20,
};

test("GET with a multi-segment and a nested path variable: the other set leaves become query parameters", () => {
  const r = rest("GetThing", FULL);
  assert.equal(r.route.method, "GET");
  assert.equal(r.body, null);
  assert.equal(
    r.path,
    "/v1/shelves/a%20b/things/x%2Fy" +
      "?inner.n=3&tags=a&tags=b%26c&color=RED&big=9007199254740993&flag=true&blob=AQI%3D&at=2026-01-01T00%3A00%3A00Z&colors=RED&colors=GREEN&ratio=0.5&page_size=20",
  );
});

test("query parameters are named by proto field name, unset fields are left out, maps and repeated messages never sent", () => {
  const r = rest("GetThing", { name: "shelves/s1", inner: { id: "t1" }, pageSize: 5, labels: { a: "b" }, items: [{ id: "z" }] });
  assert.equal(r.path, "/v1/shelves/s1/things/t1?page_size=5");
});

test("a value that does not fit its variable's segments, or an empty path field, is refused with the reason", () => {
  assert.throws(() => rest("GetThing", { name: "cupboards/s1", inner: { id: "t1" } }), /does not fit the template \/v1\/\{name=shelves\/\*\}\/things\/\{inner\.id\}/);
  assert.throws(() => rest("GetThing", { name: "shelves/s1" }), /the path needs inner\.id, which the request leaves empty/);
});

test('body "*": the request without its path fields is the JSON body, and nothing goes to the query', () => {
  const r = rest("CreateThing", { name: "t1", inner: { id: "i", n: 2 }, tags: ["a"], big: "12" });
  assert.equal(r.route.method, "POST");
  assert.equal(r.path, "/v1/things/t1");
  assert.deepEqual(JSON.parse(r.body!), { inner: { id: "i", n: 2 }, tags: ["a"], big: "12" });
});

test("body naming a field: that field's canonical JSON is the body, the rest of the leaves the query", () => {
  const r = rest("PutInner", { name: "t1", inner: { id: "i", n: 2 }, color: "GREEN" });
  assert.equal(r.route.method, "PUT");
  assert.equal(r.path, "/v1/things/t1/inner?color=GREEN");
  assert.deepEqual(JSON.parse(r.body!), { id: "i", n: 2 });
  assert.deepEqual(JSON.parse(rest("PutInner", { name: "t1" }).body!), {}, "an unset body message is {}");
});

test("custom kind with a verb, and additional_bindings in order", () => {
  const r = rest("Peek", { name: "t 1" });
  assert.equal(r.route.method, "HEAD");
  assert.equal(r.path, "/v1/things/t%201:peek");
  assert.equal(rest("ListThings", { name: "s1" }).path, "/v1/things?name=s1");
  assert.equal(rest("ListThings", { name: "s1" }, 1).path, "/v1/shelves/s1/things");
});

test("an int64 beyond 2^53 keeps every digit; 0 and false are left out of the query, as proto3 leaves them out", () => {
  assert.equal(rest("ListThings", { big: "-9223372036854775808", flag: false, pageSize: 0 }).path, "/v1/things?big=-9223372036854775808");
});

test("percent-encoding leaves only RFC 3986 unreserved characters as they are", () => {
  assert.equal(percentEncode("aZ0-._~ !'()*/?#[]@$&+,;=%é"), "aZ0-._~%20%21%27%28%29%2A%2F%3F%23%5B%5D%40%24%26%2B%2C%3B%3D%25%C3%A9");
});

test("a rule naming a field the request does not have is refused, naming the method", () => {
  assert.throws(() => methodHttpRoutes(service.methods["Broken"] as protobuf.Method), /Things\.Broken: google\.api\.http: path variable \{nope\} names no field of ThingRequest/);
  assert.deepEqual(methodHttpRoutes(service.methods["Plain"] as protobuf.Method), []);
});

test("the gateway's routes read through the shared rule reader are shop.v1's, with their gRPC paths", () => {
  const routes = httpRoutes();
  const getUser = routes.find((r) => r.rpc === "GetUser")!;
  assert.equal(getUser.grpcPath, "/shop.v1.UserService/GetUser");
  assert.equal(getUser.service, "UserService");
  assert.deepEqual(getUser.pathFields, ["user_id"]);
  assert.equal(routes.find((r) => r.rpc === "ListOrders")!.grpcPath, "/shop.v1.OrderService/ListOrders");
});
