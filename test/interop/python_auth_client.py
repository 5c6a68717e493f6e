#!/usr/bin/python3
"""Bearer tokens with a gRPC client this project did not write: Python's grpcio, stock, no generated stubs.

Each call is made three times on one channel: without metadata, with `authorization: Bearer <token>-wrong`, and
with `authorization: Bearer <token>`. Messages go through as bytes (grpcio's generic multi-callables with
no serializers), so the test that runs this script encodes the requests and decodes the replies itself.

Usage:
  /usr/bin/python3 test/interop/python_auth_client.py --target 127.0.0.1:PORT --token TOKEN --calls JSON [--root-cert PEM]
With --root-cert the channel is TLS (grpc.ssl_channel_credentials) trusting that certificate alone, as a user of
`npm run serve -- --tls` trusts the cert.pem it wrote.
JSON is a list of {"name", "kind": "unary"|"server-stream"|"client-stream"|"bidi", "path", "requests": [hex, ...]}.
Prints one JSON line per call and credential: {"name", "auth": "none"|"wrong"|"right", "code": "OK"|<status name>,
"details", "responses": [hex, ...]}. Exit code: 0 when every line was printed, 2 on bad usage.
"""
import argparse
import json
import sys

import grpc

TIMEOUT_S = 30


def invoke(channel, call, metadata):
    requests = [bytes.fromhex(h) for h in call["requests"]]
    kind = call["kind"]
    path = call["path"]
    if kind == "unary":
        return [channel.unary_unary(path)(requests[0], metadata=metadata, timeout=TIMEOUT_S)]
    if kind == "server-stream":
        return list(channel.unary_stream(path)(requests[0], metadata=metadata, timeout=TIMEOUT_S))
    if kind == "client-stream":
        return [channel.stream_unary(path)(iter(requests), metadata=metadata, timeout=TIMEOUT_S)]
    if kind == "bidi":
        return list(channel.stream_stream(path)(iter(requests), metadata=metadata, timeout=TIMEOUT_S))
    raise ValueError(f"unknown call kind {kind!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--calls", required=True)
    parser.add_argument("--root-cert")
    args = parser.parse_args()
    try:
        calls = json.loads(args.calls)
    except ValueError as err:
        print(f"--calls is not JSON: {err}", file=sys.stderr)
        sys.exit(2)
    credentials = [
        ("none", ()),
        ("wrong", (("authorization", f"Bearer {args.token}-wrong"),)),
        ("right", (("authorization", f"Bearer {args.token}"),)),
    ]
    if args.root_cert is None:
        channel = grpc.insecure_channel(args.target)
    else:
        with open(args.root_cert, "rb") as pem:
            channel = grpc.secure_channel(args.target, grpc.ssl_channel_credentials(root_certificates=pem.read()))
    with channel:
        for call in calls:
            for auth, metadata in credentials:
                line = {"name": call["name"], "auth": auth}
                try:
                    responses = invoke(channel, call, metadata)
                    line.update(code="OK", details="", responses=[r.hex() for r in responses])
                except grpc.RpcError as err:
                    line.update(code=err.code().name, details=err.details() or "", responses=[])
                print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
