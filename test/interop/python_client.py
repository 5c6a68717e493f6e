#!/usr/bin/python3
"""Interop check with a gRPC client this project did not write.

Python's grpcio, with stubs that grpc_tools generated from proto/shop.proto, calls every RPC of shop.v1 on
the gRPC server; json_format.MessageToDict (proto3 canonical JSON: camelCase names, defaults omitted) of each
response is compared with the REST server's JSON for the same request. Both sides are parsed JSON values,
compared strictly: same keys, same types (a bool is never a number), numbers by value (5 == 5.0).

Usage (run with Debian's /usr/bin/python3, which has python3-grpcio, python3-grpc-tools, python3-websocket):
  /usr/bin/python3 test/interop/python_client.py --stubs DIR --grpc 127.0.0.1:PORT --rest http://127.0.0.1:PORT \
      --size-classes '{"small": {"call": "GetUser", "userId": "u-1"}, ...}' [--rest-calls GetUser,ListUsers,...] \
      [--skip-over-limit]
--rest-calls names the calls the REST server serves (an arm's ServerArm.calls: the gateway's unary ones); the
comparisons of the other calls are left out. Default: every call.
DIR holds shop_pb2.py and shop_pb2_grpc.py (and google/api/*_pb2.py, which shop_pb2 imports) from
  /usr/bin/python3 -m grpc_tools.protoc -I proto -I <grpc_tools>/_proto --python_out=DIR --grpc_python_out=DIR \
      proto/shop.proto proto/google/api/annotations.proto proto/google/api/http.proto

Prints one JSON line per comparison {name, rpc, equal, grpc, rest, ...} (values over 600 JSON characters are
shown as a digest; a mismatch carries the path of its first difference) and a last line {summary: ...}.
Exit code: 0 all equal, 1 any mismatch, 2 bad usage or a server that cannot be reached.
`python_client.py --self-test` checks the comparison itself on crafted cases (no servers, no stubs).

grpcio's default 4 MiB receive limit is kept (the xlarge class, 3.79 MiB as protobuf, fits under it); one extra
call, ListOrders limit=20000, crosses it on purpose: the default channel must fail with RESOURCE_EXHAUSTED and
a second channel with max_receive_message_length 64 MiB must get the reply that equals REST's. --skip-over-limit
leaves that call out (about half of this script's time, for a 10 MB reply): the tests run it once per gRPC arm,
against the reference REST arm, and test/servers-parity.test.ts checks every other REST arm's reply to it byte for
byte against the reference's.

Byte level (informational, never part of "equal"): each REST body is also compared as text with Python's compact
json.dumps of MessageToDict; its "bytes" field says "identical", "identical but for map entry order" (JSON
objects are unordered; Python's protobuf iterates maps in its own order) or "... and integral doubles" (Python
prints 3.0 where JavaScript prints 3), or "differ" with the first differing characters.

Fields left out of an equality, each on purpose (the line of the comparison lists them under "excluded"):
  - id, createdAt of users made by CreateUser: assigned by each server's own store and clock. Instead both
    sides must carry them (id like "u-<n>", createdAt an RFC 3339 string), and the later GetUser/UpdateUser of
    that user must return the very id and createdAt its server assigned.
  - chunks of Upload: counts gRPC messages on one side and body chunks as the REST server's socket delivered
    them on the other; transport-dependent by definition. The gRPC count must equal the messages sent, the
    REST count must be >= 1 for a non-empty body. size and sha256 are compared (and checked against hashlib).
  - serverTime of Chat echoes: each server's wall clock. Must be present on both sides as RFC 3339.
  - message of errors whose text comes from the transport, not the handler layer (malformed protobuf vs
    malformed JSON; grpc-js's vs the REST body limit's "too large"); the code and the HTTP status are compared.
    Every other error's {code, message} is compared whole.
"""
import argparse
import hashlib
import importlib
import json
import queue
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

import grpc
from google.protobuf import json_format

TIMEOUT_S = 60
SHOW_LIMIT = 600  # values whose JSON is longer are shown as a digest
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3}|\.\d{6}|\.\d{9})?Z$")
USER_ID = re.compile(r"^u-\d+$")
HTTP_FOR_CODE = {"NOT_FOUND": 404, "INVALID_ARGUMENT": 400, "RESOURCE_EXHAUSTED": 413}


class UsageError(Exception):
    pass


# ---- strict JSON comparison ------------------------------------------------------


def first_difference(a, b, path="$"):
    """Path and values of the first difference between two parsed JSON values, or None."""
    if isinstance(a, bool) or isinstance(b, bool):
        same = isinstance(a, bool) and isinstance(b, bool) and a == b
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)):
        same = a == b
    elif isinstance(a, str) and isinstance(b, str):
        same = a == b
    elif a is None and b is None:
        same = True
    elif isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return {"path": f"{path}.{key}", "grpc": clip(a.get(key, "<absent>")), "rest": clip(b.get(key, "<absent>"))}
            diff = first_difference(a[key], b[key], f"{path}.{key}")
            if diff:
                return diff
        return None
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return {"path": f"{path}.length", "grpc": len(a), "rest": len(b)}
        for i, (x, y) in enumerate(zip(a, b)):
            diff = first_difference(x, y, f"{path}[{i}]")
            if diff:
                return diff
        return None
    else:
        same = False
    return None if same else {"path": path, "grpc": clip(a), "rest": clip(b)}


def normalized(value):
    """Integral floats as ints, so a digest does not depend on 5 vs 5.0."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: normalized(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalized(v) for v in value]
    return value


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def ordered_like(value, model):
    """value with every object's keys in the order model has them (for a byte comparison modulo map order)."""
    if isinstance(value, dict) and isinstance(model, dict):
        keys = [k for k in model if k in value] + [k for k in value if k not in model]
        return {k: ordered_like(value[k], model.get(k)) for k in keys}
    if isinstance(value, list) and isinstance(model, list):
        return [ordered_like(v, model[i] if i < len(model) else None) for i, v in enumerate(value)]
    return value


BYTES_IDENTICAL = "identical"
BYTES_MAP_ORDER = "identical but for map entry order"
BYTES_MAP_ORDER_AND_INTEGRAL_DOUBLES = "identical but for map entry order and integral doubles (Python 3.0, JS 3)"
BYTES_DIFFER = "differ"


def byte_comparison(grpc_value, rest_value, rest_bytes, excluded):
    """Informational, never part of "equal": the REST body vs Python's compact json.dumps of MessageToDict.

    Both differences the ladder allows are legal JSON spellings of the same value: JSON objects are unordered
    (Python's protobuf iterates maps in its own order, the TS server in insertion order), and 3.0 and 3 are
    the same number. Excluded (server-assigned) values are taken from the REST side first.
    """
    theirs = rest_bytes.decode("utf-8", errors="replace")
    if isinstance(grpc_value, dict) and isinstance(rest_value, dict):
        grpc_value = {k: rest_value[k] if k in excluded and k in rest_value else v for k, v in grpc_value.items()}
    if compact(grpc_value) == theirs:
        return BYTES_IDENTICAL, None
    reordered = ordered_like(grpc_value, rest_value)
    if compact(reordered) == theirs:
        return BYTES_MAP_ORDER, None
    if compact(normalized(reordered)) == theirs:
        return BYTES_MAP_ORDER_AND_INTEGRAL_DOUBLES, None
    return BYTES_DIFFER, first_char_difference(compact(normalized(reordered)), theirs)


def first_char_difference(ours, theirs):
    at = next((i for i, (x, y) in enumerate(zip(ours, theirs)) if x != y), min(len(ours), len(theirs)))
    return {"at": at, "grpcDump": ours[max(0, at - 30): at + 30], "restBody": theirs[max(0, at - 30): at + 30]}


def clip(value):
    text = compact(value)
    return value if len(text) <= 200 else text[:200] + "…"


def show(value):
    # One normalization and one dump serve both the length test and the digest (values of megabytes pass through).
    text = json.dumps(normalized(value), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    if len(text) <= SHOW_LIMIT:
        return value
    shown = {"sha256": hashlib.sha256(text.encode()).hexdigest(), "jsonChars": len(text)}
    if isinstance(value, list):
        shown["items"] = len(value)
    elif isinstance(value, dict):
        shown["keys"] = {k: len(v) if isinstance(v, list) else "…" for k, v in value.items()}
    return shown


class Recorder:
    def __init__(self):
        self.lines = []
        self.rpcs = set()

    def compare(self, name, rpc, grpc_value, rest_value, excluded=None, checks=None, rest_bytes=None, note=None):
        """excluded: {key: why} top-level keys left out of the equality; checks: {label: bool} that must hold."""
        self.rpcs.add(rpc)
        excluded = excluded or {}
        g = {k: v for k, v in grpc_value.items() if k not in excluded} if isinstance(grpc_value, dict) else grpc_value
        r = {k: v for k, v in rest_value.items() if k not in excluded} if isinstance(rest_value, dict) else rest_value
        diff = first_difference(g, r)
        failed = [label for label, ok in (checks or {}).items() if not ok]
        line = {"name": name, "rpc": rpc, "equal": diff is None and not failed, "grpc": show(grpc_value), "rest": show(rest_value)}
        if excluded:
            line["excluded"] = excluded
        if checks:
            line["checks"] = checks
        if diff:
            line["diff"] = diff
        if failed:
            line["failedChecks"] = failed
        if isinstance(rest_bytes, list):  # a stream: one raw body per item (NDJSON line, WebSocket frame)
            tally = {}
            for g_item, r_item, raw_item in zip(grpc_value, rest_value, rest_bytes):
                kind, differ = byte_comparison(g_item, r_item, raw_item, excluded)
                tally[kind] = tally.get(kind, 0) + 1
                if differ and "bytesDiffer" not in line:
                    line["bytesDiffer"] = differ
            line["bytes"] = tally
        elif rest_bytes is not None:
            line["bytes"], differ = byte_comparison(grpc_value, rest_value, rest_bytes, excluded)
            if differ:
                line["bytesDiffer"] = differ
        if note:
            line["note"] = note
        self.lines.append(line)
        print(json.dumps(line, ensure_ascii=False), flush=True)


# ---- the two clients -------------------------------------------------------------


class Rest:
    def __init__(self, base):
        self.base = base.rstrip("/")

    def call(self, method, path, body=None, content_type="application/json"):
        """(status, parsed JSON or None, raw bytes)."""
        data = body if isinstance(body, (bytes, bytearray)) or body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                status, payload = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, payload = error.code, error.read()
        try:
            parsed = json.loads(payload) if payload else None
        except ValueError:
            parsed = {"<unparsable body>": payload[:200].decode("utf-8", errors="replace")}
        return status, parsed, payload

    def ndjson(self, path):
        """(Content-Type, parsed lines, raw lines)."""
        request = urllib.request.Request(self.base + path)
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            content_type = response.headers.get("Content-Type", "")
            raw = [line.rstrip(b"\r\n") for line in response if line.strip()]
        return content_type, [json.loads(line) for line in raw], raw


def to_dict(message):
    return json_format.MessageToDict(message)


def grpc_error(error):
    return {"code": error.code().name, "message": error.details()}


def grpc_call(fn, request):
    """(dict, None) on success, (None, {code, message}) on a gRPC status."""
    try:
        return to_dict(fn(request, timeout=TIMEOUT_S)), None
    except grpc.RpcError as error:
        return None, grpc_error(error)


# ---- the script --------------------------------------------------------------------


def q(**params):
    return "?" + urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})


def compare_unary(rec, name, rpc, fn, request, rest, method, path, body=None):
    """Both sides of one call: either both succeed with equal JSON, or both fail with the same error."""
    g, g_err = grpc_call(fn, request)
    status, r, raw = rest.call(method, path, body)
    if g_err is None and status == 200:
        rec.compare(name, rpc, g, r, rest_bytes=raw)
        return g, r
    compare_error(rec, name, rpc, g_err, status, r, g_ok=g)
    return None, None


def compare_error(rec, name, rpc, g_err, status, r, g_ok=None, compare_message=True):
    grpc_side = g_err if g_err is not None else {"ok": g_ok}
    rest_side = r if isinstance(r, dict) else {"body": r}
    code = (g_err or {}).get("code")
    checks = {
        "gRPC failed with a status": g_err is not None,
        f"REST status {status} is the HTTP status for {code}": code in HTTP_FOR_CODE and status == HTTP_FOR_CODE[code],
    }
    excluded = None if compare_message else {"message": "the text comes from the transport (protobuf vs JSON parser, grpc-js vs body limit) or names a server-assigned id; codes compared"}
    rec.compare(name, rpc, grpc_side, rest_side, excluded=excluded, checks=checks)


def expect_error(rec, name, rpc, fn, request, rest, method, path, body=None, want=None, compare_message=True):
    g, g_err = grpc_call(fn, request)
    status, r, _ = rest.call(method, path, body)
    compare_error(rec, name, rpc, g_err, status, r, g_ok=g, compare_message=compare_message)
    if want and rec.lines[-1]["equal"] and (g_err or {}).get("code") != want:
        rec.lines[-1]["equal"] = False
        rec.lines[-1]["failedChecks"] = [f"expected {want}"]


def compare_over_limit(rec, args, pb, stubs, orders, rest):
    """ListOrders limit=20000, over 4 MiB as protobuf: refused by a default channel, equal to REST's on a raised one."""
    big_limit = 20000
    _, big_err = grpc_call(orders.ListOrders, pb.ListOrdersRequest(user_id="u-1", limit=big_limit))
    big_channel = grpc.insecure_channel(args.grpc, options=[("grpc.max_receive_message_length", 64 * 1024 * 1024)])
    g, g_err = grpc_call(stubs.OrderServiceStub(big_channel).ListOrders, pb.ListOrdersRequest(user_id="u-1", limit=big_limit))
    big_channel.close()
    status, r, raw = rest.call("GET", "/v1/users/u-1/orders" + q(limit=big_limit))
    checks = {f"REST status {status} is 200": status == 200}
    if not args.max_receive_bytes:
        checks["the default-limit channel fails with RESOURCE_EXHAUSTED"] = (big_err or {}).get("code") == "RESOURCE_EXHAUSTED"
    rec.compare(f"ListOrders limit={big_limit} (over 4 MiB as protobuf; client max receive raised to 64 MiB)", "ListOrders",
                g if g_err is None else g_err, r, rest_bytes=raw if status == 200 else None, checks=checks,
                note=f"the default-limit channel got {big_err}")


def run(args, pb, stubs):
    rec = Recorder()

    def serves(rpc):
        """Whether the REST server serves this call (--rest-calls); the comparisons of the others are left out."""
        return args.rest_calls is None or rpc in args.rest_calls

    rest = Rest(args.rest)
    options = []
    if args.max_receive_bytes:
        options.append(("grpc.max_receive_message_length", args.max_receive_bytes))
    channel = grpc.insecure_channel(args.grpc, options=options)
    try:
        grpc.channel_ready_future(channel).result(timeout=10)
    except grpc.FutureTimeoutError:
        raise UsageError(f"cannot reach the gRPC server at {args.grpc}")
    users = stubs.UserServiceStub(channel)
    orders = stubs.OrderServiceStub(channel)
    uploads = stubs.UploadServiceStub(channel)
    chat = stubs.ChatServiceStub(channel)

    # -- size classes: GetUser and ListOrders for every class, with the class's user and limit
    for cls, spec in args.size_classes.items():
        user_id, limit = spec.get("userId"), spec.get("limit")
        compare_unary(rec, f"GetUser {cls} ({user_id})", "GetUser", users.GetUser, pb.GetUserRequest(user_id=user_id),
                      rest, "GET", f"/v1/users/{urllib.parse.quote(user_id)}")
        compare_unary(rec, f"ListOrders {cls} ({user_id}, limit={limit})", "ListOrders", orders.ListOrders,
                      pb.ListOrdersRequest(user_id=user_id, limit=limit or 0),
                      rest, "GET", f"/v1/users/{urllib.parse.quote(user_id)}/orders" + (q(limit=limit) if limit else ""))

    # Past grpcio's default 4 MiB receive limit (xlarge stays under it): the stock client refuses the reply
    # with RESOURCE_EXHAUSTED; with the limit raised on a second channel, the reply equals REST's.
    if not args.skip_over_limit:
        compare_over_limit(rec, args, pb, stubs, orders, rest)

    for user_id in ("u-1", "u-2", "u-999", "u-1000"):
        compare_unary(rec, f"GetUser {user_id}", "GetUser", users.GetUser, pb.GetUserRequest(user_id=user_id),
                      rest, "GET", f"/v1/users/{user_id}")
    compare_unary(rec, "ListOrders default limit (u-3)", "ListOrders", orders.ListOrders, pb.ListOrdersRequest(user_id="u-3"),
                  rest, "GET", "/v1/users/u-3/orders")

    # -- ListUsers: the default page, then every page of the dataset by following each side's own tokens
    compare_unary(rec, "ListUsers default page", "ListUsers", users.ListUsers, pb.ListUsersRequest(), rest, "GET", "/v1/users")
    g_token = r_token = ""
    g_seen = r_seen = 0
    for page in range(1, 20):
        g, r = compare_unary(rec, f"ListUsers page {page} (page_size=150)", "ListUsers", users.ListUsers,
                             pb.ListUsersRequest(page_size=150, page_token=g_token), rest, "GET",
                             "/v1/users" + q(page_size=150, page_token=r_token or None))
        if g is None or r is None:
            break
        g_seen += len(g.get("users", []))
        r_seen += len(r.get("users", []))
        g_token, r_token = g.get("nextPageToken", ""), r.get("nextPageToken", "")
        if not g_token or not r_token:
            break
    rec.compare("ListUsers walk to the last page", "ListUsers", {"users": g_seen, "lastToken": g_token}, {"users": r_seen, "lastToken": r_token},
                checks={"walked more than one page": g_seen > 150, "the last page has no nextPageToken": g_token == "" and r_token == ""})

    # -- ListOrders paged: 250 orders in pages of 100, each side following its own tokens
    g_token = r_token = ""
    g_paged, r_paged = [], []
    for page in range(1, 6):
        g, r = compare_unary(rec, f"ListOrders page {page} (u-5, limit=250, page_size=100)", "ListOrders", orders.ListOrders,
                             pb.ListOrdersRequest(user_id="u-5", limit=250, page_size=100, page_token=g_token), rest, "GET",
                             "/v1/users/u-5/orders" + q(limit=250, page_size=100, page_token=r_token or None))
        if g is None or r is None:
            break
        g_paged += g.get("orders", [])
        r_paged += r.get("orders", [])
        g_token, r_token = g.get("nextPageToken", ""), r.get("nextPageToken", "")
        if not g_token or not r_token:
            break
    g_whole, _ = grpc_call(orders.ListOrders, pb.ListOrdersRequest(user_id="u-5", limit=250))
    rec.compare("ListOrders pages put together (u-5, 250)", "ListOrders", g_paged, r_paged,
                checks={"3 pages, the last without nextPageToken": page == 3 and g_token == "" and r_token == "",
                        "the pages are the unpaged listing": g_paged == (g_whole or {}).get("orders")})

    # -- StreamOrders: gRPC server stream vs NDJSON
    for user_id, limit in ((("u-1", 1000), ("u-42", 3)) if serves("StreamOrders") else ()):
        try:
            g = [to_dict(m) for m in orders.StreamOrders(pb.StreamOrdersRequest(user_id=user_id, limit=limit), timeout=TIMEOUT_S)]
        except grpc.RpcError as error:
            g = grpc_error(error)
        content_type, r, raw = rest.ndjson(f"/v1/users/{user_id}/orders/stream" + q(limit=limit))
        rec.compare(f"StreamOrders {user_id} limit={limit}", "StreamOrders", g, r, rest_bytes=raw if isinstance(g, list) else None,
                    checks={f"{limit} messages / lines": isinstance(g, list) and len(g) == limit and len(r) == limit,
                            "REST streams NDJSON": "ndjson" in content_type},
                    note=f"REST Content-Type {content_type!r}")
    # A stream is the same orders as the list.
    if serves("StreamOrders"):
        g_list, _ = grpc_call(orders.ListOrders, pb.ListOrdersRequest(user_id="u-42", limit=3))
        _, r_stream, _ = rest.ndjson("/v1/users/u-42/orders/stream" + q(limit=3))
        rec.compare("StreamOrders equals ListOrders (u-42, 3)", "StreamOrders", (g_list or {}).get("orders"), r_stream)

    # -- CRUD on a fresh user; the same sequence on both servers, each against its own store
    new_user = {"name": "Émilie Ngũgĩ 李", "email": "emilie@example.org", "age": 37, "active": True,
                "roles": ["buyer", "reviewer"], "metadata": {"locale": "fr-FR", "team": "α"},
                "lifetimeSpendCents": "9007199254740993", "rating": 4.75}
    server_assigned = {"id": "each server's store assigns its own id", "createdAt": "each server's clock"}
    g, g_err = grpc_call(users.CreateUser, pb.CreateUserRequest(user=json_format.ParseDict(new_user, pb.User())))
    status, r, raw = rest.call("POST", "/v1/users", new_user)
    created_ok = g_err is None and status in (200, 201)
    if created_ok:
        rec.compare("CreateUser", "CreateUser", g, r, excluded=server_assigned, rest_bytes=raw, checks={
            "both ids look like u-<n>": bool(USER_ID.match(g.get("id", ""))) and bool(USER_ID.match(r.get("id", ""))),
            "both createdAt are RFC 3339": bool(RFC3339.match(g.get("createdAt", ""))) and bool(RFC3339.match(r.get("createdAt", ""))),
        }, note=f"REST status {status}")
        g_id, r_id = g["id"], r["id"]
        g_created, r_created = g["createdAt"], r["createdAt"]

        def same_user(name, rpc, g2, r2, raw2):
            rec.compare(name, rpc, g2, r2, excluded=server_assigned, rest_bytes=raw2, checks={
                "gRPC returns the id and createdAt it assigned": g2.get("id") == g_id and g2.get("createdAt") == g_created,
                "REST returns the id and createdAt it assigned": r2.get("id") == r_id and r2.get("createdAt") == r_created,
            })

        g2, _ = grpc_call(users.GetUser, pb.GetUserRequest(user_id=g_id))
        _, r2, raw2 = rest.call("GET", f"/v1/users/{r_id}")
        same_user("GetUser of the created user", "GetUser", g2 or {}, r2 or {}, raw2)

        patch = {"name": "Émilie N.", "age": 38, "roles": ["buyer"], "metadata": {"locale": "de-DE"}, "rating": 0.1}
        g3, g3_err = grpc_call(users.UpdateUser, pb.UpdateUserRequest(user_id=g_id, user=json_format.ParseDict(patch, pb.User())))
        status3, r3, raw3 = rest.call("PATCH", f"/v1/users/{r_id}", patch)
        if g3_err is None and status3 == 200:
            same_user("UpdateUser", "UpdateUser", g3, r3, raw3)
        else:
            compare_error(rec, "UpdateUser", "UpdateUser", g3_err, status3, r3, g_ok=g3)
        g4, _ = grpc_call(users.GetUser, pb.GetUserRequest(user_id=g_id))
        _, r4, raw4 = rest.call("GET", f"/v1/users/{r_id}")
        same_user("GetUser after UpdateUser", "GetUser", g4 or {}, r4 or {}, raw4)

        g5, g5_err = grpc_call(users.DeleteUser, pb.DeleteUserRequest(user_id=g_id))
        status5, r5, raw5 = rest.call("DELETE", f"/v1/users/{r_id}")
        if g5_err is None and status5 == 200:
            rec.compare("DeleteUser", "DeleteUser", g5, r5, rest_bytes=raw5)
        else:
            compare_error(rec, "DeleteUser", "DeleteUser", g5_err, status5, r5, g_ok=g5)
        # The error text names the id, so it is compared only when both stores assigned the same one.
        expect_error(rec, "GetUser after DeleteUser", "GetUser", users.GetUser, pb.GetUserRequest(user_id=g_id),
                     rest, "GET", f"/v1/users/{r_id}", want="NOT_FOUND", compare_message=g_id == r_id)
        expect_error(rec, "DeleteUser twice", "DeleteUser", users.DeleteUser, pb.DeleteUserRequest(user_id=g_id),
                     rest, "DELETE", f"/v1/users/{r_id}", want="NOT_FOUND", compare_message=g_id == r_id)
    else:
        compare_error(rec, "CreateUser", "CreateUser", g_err, status, r, g_ok=g)

    # -- Upload: client stream of chunks vs one octet-stream body
    for label, size, chunk in ((("3 MiB in 64 KiB chunks", 3 * 1024 * 1024 + 17, 64 * 1024), ("empty", 0, 64 * 1024)) if serves("Upload") else ()):
        data = deterministic_bytes(size)
        pieces = [data[i:i + chunk] for i in range(0, len(data), chunk)]
        try:
            g = to_dict(uploads.Upload(iter([pb.UploadChunk(data=p) for p in pieces]), timeout=TIMEOUT_S))
        except grpc.RpcError as error:
            g = grpc_error(error)
        status, r, raw = rest.call("POST", "/v1/uploads", data, content_type="application/octet-stream")
        digest = hashlib.sha256(data).hexdigest()
        rec.compare(f"Upload {label}", "Upload", g, r, rest_bytes=raw,
                    excluded={"chunks": "gRPC counts messages, REST counts body chunks as its socket delivered them"},
                    checks={
                        f"REST status {status} is 200": status == 200,
                        "sha256 is hashlib's": g.get("sha256") == digest,
                        f"size is {size}": int(g.get("size", "0")) == size,
                        f"gRPC chunks == {len(pieces)} messages sent": g.get("chunks", 0) == len(pieces),
                        "REST chunks >= 1 for a non-empty body": size == 0 or (isinstance(r, dict) and r.get("chunks", 0) >= 1),
                    }, note=f"chunks: gRPC {g.get('chunks', 0)}, REST {(r or {}).get('chunks', 0) if isinstance(r, dict) else '?'}")

    # -- Chat: gRPC bidi stream vs WebSocket, message by message (each echo awaited before the next send)
    sent = [{"sessionId": "interop-1", "sequence": str(i), "text": text, "sentAt": f"2024-02-29T12:00:0{i}.{i}25Z"}
            for i, text in enumerate(["hello", "héllo wörld 👋", "", "9007199254740993", "最後"], start=1)]
    sent[2].pop("text")  # an empty text is the default: omitted
    sent.append({"sessionId": "interop-1", "sequence": "9223372036854775807", "text": "max int64"})
    g_echoes = grpc_chat(chat, pb, sent) if serves("Chat") else []
    r_frames = ws_chat(args.rest, sent) if serves("Chat") else []
    for i, message in enumerate(sent if serves("Chat") else []):
        g = g_echoes[i] if i < len(g_echoes) else {"missing": True}
        frame = r_frames[i] if i < len(r_frames) else b'{"missing": true}'
        r = json.loads(frame)
        rec.compare(f"Chat echo {message['sequence']}", "Chat", g, r, rest_bytes=frame,
                    excluded={"serverTime": "each server's wall clock"},
                    checks={
                        "gRPC echo is the message sent": {k: v for k, v in g.items() if k != "serverTime"} == message,
                        "both set serverTime (RFC 3339)": bool(RFC3339.match(g.get("serverTime", ""))) and bool(RFC3339.match(r.get("serverTime", ""))),
                    })

    # -- errors
    expect_error(rec, "GetUser unknown id", "GetUser", users.GetUser, pb.GetUserRequest(user_id="u-999999"),
                 rest, "GET", "/v1/users/u-999999", want="NOT_FOUND")
    expect_error(rec, "ListOrders unknown user", "ListOrders", orders.ListOrders, pb.ListOrdersRequest(user_id="u-0", limit=5),
                 rest, "GET", "/v1/users/u-0/orders" + q(limit=5), want="NOT_FOUND")
    expect_error(rec, "UpdateUser unknown id", "UpdateUser", users.UpdateUser,
                 pb.UpdateUserRequest(user_id="u-999999", user=pb.User(name="x")),
                 rest, "PATCH", "/v1/users/u-999999", {"name": "x"}, want="NOT_FOUND")
    expect_error(rec, "DeleteUser unknown id", "DeleteUser", users.DeleteUser, pb.DeleteUserRequest(user_id="u-999999"),
                 rest, "DELETE", "/v1/users/u-999999", want="NOT_FOUND")
    expect_error(rec, "ListUsers page_size too large", "ListUsers", users.ListUsers, pb.ListUsersRequest(page_size=5000),
                 rest, "GET", "/v1/users" + q(page_size=5000), want="INVALID_ARGUMENT")
    expect_error(rec, "ListUsers bad page_token", "ListUsers", users.ListUsers, pb.ListUsersRequest(page_token="not-a-token"),
                 rest, "GET", "/v1/users" + q(page_token="not-a-token"), want="INVALID_ARGUMENT")
    expect_error(rec, "ListOrders bad page_token", "ListOrders", orders.ListOrders,
                 pb.ListOrdersRequest(user_id="u-1", limit=500, page_size=100, page_token="not-a-token"),
                 rest, "GET", "/v1/users/u-1/orders" + q(limit=500, page_size=100, page_token="not-a-token"), want="INVALID_ARGUMENT")
    expect_error(rec, "ListOrders negative limit", "ListOrders", orders.ListOrders, pb.ListOrdersRequest(user_id="u-1", limit=-1),
                 rest, "GET", "/v1/users/u-1/orders" + q(limit=-1), want="INVALID_ARGUMENT")
    expect_error(rec, "ListOrders limit too large", "ListOrders", orders.ListOrders, pb.ListOrdersRequest(user_id="u-1", limit=20001),
                 rest, "GET", "/v1/users/u-1/orders" + q(limit=20001), want="INVALID_ARGUMENT")
    expect_error(rec, "CreateUser without email", "CreateUser", users.CreateUser,
                 pb.CreateUserRequest(user=pb.User(name="No Mail")), rest, "POST", "/v1/users", {"name": "No Mail"},
                 want="INVALID_ARGUMENT")
    big_name = "x" * (args.over_limit_bytes or 5 * 1024 * 1024)
    expect_error(rec, "CreateUser over the request limit", "CreateUser", users.CreateUser,
                 pb.CreateUserRequest(user=pb.User(name=big_name, email="big@example.org")),
                 rest, "POST", "/v1/users", {"name": big_name, "email": "big@example.org"},
                 want="RESOURCE_EXHAUSTED", compare_message=False)
    for label, user_id, limit, want in ((("unknown user", "u-999999", 3, "NOT_FOUND"), ("negative limit", "u-1", -5, "INVALID_ARGUMENT"))
                                        if serves("StreamOrders") else ()):
        stream_error(rec, f"StreamOrders {label}", orders, pb, rest, user_id, limit, want)

    # Malformed request bodies: raw bytes that are not a CreateUserRequest vs bytes that are not JSON.
    raw_create = channel.unary_unary("/shop.v1.UserService/CreateUser", request_serializer=lambda b: b,
                                     response_deserializer=pb.User.FromString)
    try:
        raw_create(b"\x0a\xff\xff\xff\xff\x0f", timeout=TIMEOUT_S)
        g_err = None
    except grpc.RpcError as error:
        g_err = grpc_error(error)
    status, r, _ = rest.call("POST", "/v1/users", b'{"name": ', content_type="application/json")
    compare_error(rec, "CreateUser malformed body", "CreateUser", g_err, status, r, compare_message=False)

    channel.close()
    return rec


def stream_error(rec, name, orders, pb, rest, user_id, limit, want):
    """StreamOrders fails before its first message on both sides: a gRPC status, an HTTP error status."""
    received = 0
    g_err = None
    try:
        for _ in orders.StreamOrders(pb.StreamOrdersRequest(user_id=user_id, limit=limit), timeout=TIMEOUT_S):
            received += 1
    except grpc.RpcError as error:
        g_err = grpc_error(error)
    status, r, _ = rest.call("GET", f"/v1/users/{user_id}/orders/stream" + q(limit=limit))
    compare_error(rec, name, "StreamOrders", g_err, status, r, g_ok={"messages": received})
    if rec.lines[-1]["equal"] and (g_err["code"] != want or received):
        rec.lines[-1]["equal"] = False
        rec.lines[-1]["failedChecks"] = [f"expected {want} before any message"]


def deterministic_bytes(size):
    out = bytearray()
    block = b"grpc-rest-bench upload"
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block
    return bytes(out[:size])


def grpc_chat(chat, pb, sent):
    """Ping-pong over one bidi stream: the next message goes out only after the previous echo came back."""
    echoed = queue.Queue()

    def requests():
        for message in sent:
            yield json_format.ParseDict(message, pb.ChatMessage())
            if echoed.get(timeout=TIMEOUT_S) is None:
                return

    echoes = []
    try:
        for reply in chat.Chat(requests(), timeout=TIMEOUT_S):
            echoes.append(to_dict(reply))
            echoed.put(True)
    except grpc.RpcError as error:
        echoes.append({"error": grpc_error(error)})
    finally:
        echoed.put(None)
    return echoes


def ws_chat(rest_base, sent):
    import websocket  # Debian's python3-websocket (websocket-client)

    url = "ws" + rest_base[len("http"):].rstrip("/") + "/v1/chat"
    ws = websocket.create_connection(url, timeout=TIMEOUT_S)
    frames = []
    try:
        for message in sent:
            ws.send(json.dumps(message))
            frame = ws.recv()
            frames.append(frame.encode() if isinstance(frame, str) else frame)
    finally:
        ws.close()
    return frames


def self_test():
    """The comparison must catch what it exists to catch; returns the number of cases checked."""
    same = [({"a": 1}, {"a": 1.0}), ({"x": [True, "s", None]}, {"x": [True, "s", None]}), ({}, {})]
    different = [({"a": True}, {"a": 1}), ({"a": 0}, {"a": False}), ({"a": "5"}, {"a": 5}), ({"a": 1}, {}),
                 ({"a": [1, 2]}, {"a": [2, 1]}), ({"a": [1]}, {"a": [1, 1]}), ({"a": {"b": 1}}, {"a": {"b": 1, "c": 2}}),
                 ({"a": 0.1}, {"a": 0.10000000000000002}), ({"a": None}, {"a": 0}), ([{}], {})]
    for a, b in same:
        assert first_difference(a, b) is None, (a, b)
    for a, b in different:
        assert first_difference(a, b) is not None and first_difference(b, a) is not None, (a, b)
    assert byte_comparison({"m": {"a": "1", "b": "2"}}, {"m": {"b": "2", "a": "1"}}, b'{"m":{"b":"2","a":"1"}}', {})[0] == BYTES_MAP_ORDER
    assert byte_comparison({"d": 3.0}, {"d": 3}, b'{"d":3}', {})[0] == BYTES_MAP_ORDER_AND_INTEGRAL_DOUBLES
    assert byte_comparison({"d": 3.5}, {"d": 3.5}, b'{"d": 3.5}', {})[0] == BYTES_DIFFER
    return len(same) + len(different) + 3


def main(argv):
    if argv == ["--self-test"]:
        print(json.dumps({"selfTest": "ok", "cases": self_test()}))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stubs", required=True, help="directory holding shop_pb2.py and shop_pb2_grpc.py")
    parser.add_argument("--grpc", required=True, help="host:port of the gRPC server")
    parser.add_argument("--rest", required=True, help="http://host:port of the REST server")
    parser.add_argument("--size-classes", required=True, type=json.loads,
                        help="JSON of payloads/size-classes.ts SIZE_CLASSES: {class: {call, userId, limit}}")
    parser.add_argument("--over-limit-bytes", type=int, default=0,
                        help="size of the CreateUser name that must exceed the servers' request limit (default 5 MiB, over their 4 MiB)")
    parser.add_argument("--max-receive-bytes", type=int, default=0,
                        help="grpc.max_receive_message_length; 0 keeps grpcio's default (4 MiB)")
    parser.add_argument("--skip-over-limit", action="store_true",
                        help="leave out ListOrders limit=20000 (over grpcio's 4 MiB default), checked in another run")
    parser.add_argument("--rest-calls", type=lambda value: set(value.split(",")), default=None,
                        help="comma-separated RPCs the REST server serves (default: all); the others are not compared")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return 2 if exit.code else 0
    try:
        sys.path.insert(0, args.stubs)
        pb = importlib.import_module("shop_pb2")
        stubs = importlib.import_module("shop_pb2_grpc")
        rec = run(args, pb, stubs)
    except UsageError as error:
        print(f"python_client: {error}", file=sys.stderr)
        return 2
    except ImportError as error:
        print(f"python_client: cannot import the generated stubs from {args.stubs}: {error}", file=sys.stderr)
        return 2
    except (urllib.error.URLError, ConnectionError) as error:
        print(f"python_client: cannot reach the REST server at {args.rest}: {error}", file=sys.stderr)
        return 2
    mismatched = [line["name"] for line in rec.lines if not line["equal"]]
    byte_tally = {}
    for line in rec.lines:
        kinds = line.get("bytes", {})
        for kind, count in (kinds.items() if isinstance(kinds, dict) else [(kinds, 1)]):
            byte_tally[kind] = byte_tally.get(kind, 0) + count
    summary = {
        "summary": True,
        "comparisons": len(rec.lines),
        "equal": len(rec.lines) - len(mismatched),
        "mismatched": mismatched,
        "rpcs": sorted(rec.rpcs),
        "restBodyVsPythonDump": byte_tally,
        "maxReceiveBytes": args.max_receive_bytes or "grpcio default (4 MiB)",
    }
    print(json.dumps(summary, ensure_ascii=False), flush=True)
    return 1 if mismatched else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
