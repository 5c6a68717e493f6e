"""Independent protobuf sizes: Python's protobuf runtime parses canonical JSON and serializes it.

Reads {"items": [{"message": "User", "json": "<canonical JSON text>", "protobuf": "<base64, optional>"}, ...]}
on stdin, compiles proto/shop.proto with grpc_tools.protoc into a temporary directory, and prints
{"python": ..., "protobuf": ..., "implementation": ..., "sizes": [len(SerializeToString()), ...],
 "sameMessage": [true | false | null, ...]}: whether our protobuf bytes parse to the very message the JSON
describes (null when no bytes were given).
Run with /usr/bin/python3 (the system Python with python3-grpc-tools); the pyenv python3 lacks it.
"""
import base64
import glob
import importlib
import json
import os
import sys
import tempfile

import google.protobuf
from google.protobuf import json_format
from google.protobuf.internal import api_implementation
import grpc_tools
from grpc_tools import protoc

PROTO_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "proto")


def main() -> None:
    request = json.load(sys.stdin)
    well_known = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
    with tempfile.TemporaryDirectory() as out:
        # shop.proto imports the google/api/ protos vendored under proto/: their modules are generated too.
        vendored = sorted(glob.glob("google/**/*.proto", root_dir=PROTO_DIR, recursive=True))
        code = protoc.main(["protoc", f"-I{PROTO_DIR}", f"-I{well_known}", f"--python_out={out}", "shop.proto", *vendored])
        if code != 0:
            sys.exit(f"protoc failed with exit code {code}")
        sys.path.insert(0, out)
        shop = importlib.import_module("shop_pb2")
        sizes = []
        same = []
        for item in request["items"]:
            cls = getattr(shop, item["message"])
            message = cls()
            # ignore_unknown_fields stays False: an unknown field in our JSON is a bug we want to see.
            json_format.Parse(item["json"], message)
            sizes.append(len(message.SerializeToString(deterministic=True)))
            if item.get("protobuf") is None:
                same.append(None)
            else:
                ours = cls()
                ours.ParseFromString(base64.b64decode(item["protobuf"]))
                same.append(ours == message)
    json.dump(
        {
            "python": sys.version.split()[0],
            "protobuf": google.protobuf.__version__,
            "implementation": api_implementation.Type(),
            "sizes": sizes,
            "sameMessage": same,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
