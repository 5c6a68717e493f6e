// The one table of routes: it names every RPC of proto/ exactly once with the gRPC path the gRPC arm serves,
// its REST path builders produce what clients have always sent, and rest-node's router serves every template.
import { test } from "node:test";
import assert from "node:assert/strict";
import protobuf from "protobufjs";
import { protoPackage, root } from "../proto/schema.js";
import { SIZE_CLASSES } from "../payloads/size-classes.js";
import { SHOP_SERVICES } from "../servers/grpc/service-definitions.js";
import { RestNodeRouter, decodePathParam, rpcFor } from "../servers/rest-node/rest-node-router.js";
import { CHAT_PATH, REST_UPLOAD_PATH, SHOP_ROUTES, restPath, shopRoutes } from "../servers/shop-routes.js";

test("every RPC of proto/ has exactly one route, with the gRPC path the gRPC arm serves", () => {
  const pkg = root.lookup(protoPackage) as protobuf.Namespace;
  const rpcs = pkg.nestedArray
    .filter((item): item is protobuf.Service => item instanceof protobuf.Service)
    .flatMap((svc) => svc.methodsArray.map((m) => ({ service: svc.name, rpc: m.name })));
  assert.deepEqual(
    shopRoutes().map((r) => ({ service: r.service, rpc: r.rpc })).sort((a, b) => a.rpc.localeCompare(b.rpc)),
    rpcs.sort((a, b) => a.rpc.localeCompare(b.rpc)),
  );
  for (const route of shopRoutes()) {
    const definition = SHOP_SERVICES[route.service][route.rpc];
    assert.ok(definition, `${route.service}.${route.rpc} is in the gRPC service definitions`);
    assert.equal(route.grpcPath, definition.path);
    assert.equal(SHOP_ROUTES[route.rpc], route);
  }
  const methodAndPath = shopRoutes().map((r) => `${r.rest.method} ${r.rest.path}`);
  assert.equal(new Set(methodAndPath).size, methodAndPath.length, "no two RPCs share a REST method and path");
});

test("restPath builds the paths clients have always sent (the size classes, paging, streams, uploads, chat)", () => {
  assert.equal(restPath.getUser(SIZE_CLASSES.small.userId), "/v1/users/u-6");
  assert.equal(restPath.listOrders("u-1", { limit: SIZE_CLASSES.large.limit }), "/v1/users/u-1/orders?limit=470");
  assert.equal(restPath.listOrders("u-3"), "/v1/users/u-3/orders");
  assert.equal(restPath.listOrders("u-1", { limit: 1050, pageSize: 100 }), "/v1/users/u-1/orders?limit=1050&page_size=100");
  assert.equal(restPath.listOrders("u-1", { limit: 1050, pageSize: 100, pageToken: "" }), "/v1/users/u-1/orders?limit=1050&page_size=100", "an empty token is the first page");
  assert.equal(restPath.listOrders("u-1", { limit: 10, pageSize: 5, pageToken: "b2Zm+/=" }), "/v1/users/u-1/orders?limit=10&page_size=5&page_token=b2Zm%2B%2F%3D");
  assert.equal(restPath.listUsers(), "/v1/users");
  assert.equal(restPath.listUsers({ pageSize: 150, pageToken: "abc" }), "/v1/users?page_size=150&page_token=abc");
  assert.equal(restPath.streamOrders("u-7", 1000), "/v1/users/u-7/orders/stream?limit=1000");
  assert.equal(restPath.streamOrders("u-8"), "/v1/users/u-8/orders/stream");
  assert.equal(restPath.createUser(), "/v1/users");
  assert.equal(restPath.updateUser("u-1"), "/v1/users/u-1");
  assert.equal(restPath.deleteUser("u-1"), "/v1/users/u-1");
  assert.equal(restPath.upload(), "/v1/uploads");
  assert.equal(REST_UPLOAD_PATH, "/v1/uploads");
  assert.equal(CHAT_PATH, "/v1/chat");
  assert.equal(restPath.getUser("a/b c?"), "/v1/users/a%2Fb%20c%3F", "ids are one percent-encoded segment");
});

test("rest-node's router serves every REST template of the table, as express matches it", () => {
  const router = new RestNodeRouter(shopRoutes());
  for (const route of shopRoutes()) {
    if (route.rpc === "Chat") continue;
    const path = route.rest.path.replace(":id", "u-42");
    for (const variant of [path, `${path}/`, path.toUpperCase().replace("U-42", "u-42")]) {
      const match = router.match(variant);
      assert.ok(match, `${variant} matches`);
      assert.equal(match.shape.template, route.rest.path);
      assert.equal(rpcFor(match.shape, route.rest.method), route.rpc);
      assert.equal(match.rawId, route.rest.path.includes(":id") ? "u-42" : "");
    }
  }
  assert.equal(rpcFor(router.match("/v1/users/u-1")!.shape, "HEAD"), "GetUser", "HEAD runs the GET route");
  assert.equal(rpcFor(router.match("/v1/users/u-1")!.shape, "PUT"), undefined);
  for (const path of ["/v1/users/u-1//", "/v1/users//orders", "/v1/chat", "/v1/users/u-1/orders/stream/x", "//v1/users", "/v1/users/"]) {
    const match = router.match(path);
    assert.ok(match === null || match.shape.template === "/v1/users", path);
  }
  assert.equal(router.match("/v1/users/")?.shape.template, "/v1/users");
  assert.equal(decodePathParam("u%2D1"), "u-1");
  assert.equal(decodePathParam("u+1"), "u+1");
  assert.throws(() => decodePathParam("%E0%A4%A"), /Failed to decode param '%E0%A4%A'/);
});
