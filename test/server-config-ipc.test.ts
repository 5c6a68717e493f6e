// A server the harness starts gets its options over IPC, not in its environment: under --tls those options hold the
// certificate's private key, and an environment is inherited by every process the server starts (the gateway's
// grpc upstream) and readable in /proc/PID/environ. Checked on the gateway, which has such a child.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import net from "node:net";
import { describe, it } from "node:test";
import { ServerStartError, startServerProcess } from "../bench/server-process/server-process.js";
import { makeSelfSignedCertificate } from "../servers/tls/self-signed-certificate.js";

describe("a TLS server process's private key", { skip: process.platform !== "linux" && "reads /proc/PID/environ" }, () => {
  it("is in neither the server's environment nor its upstream's, and the server serves TLS with it", async () => {
    const material = await makeSelfSignedCertificate(["127.0.0.1"]);
    const server = await startServerProcess({ arm: "gateway", serverOptions: { tls: material } });
    try {
      assert.match(server.target, /^https:\/\//, "the server serves TLS");
      const pids = [server.pid, ...(server.upstreamPids ?? [])];
      assert.equal(pids.length, 2, "the gateway and its upstream");
      const keyLine = material.key.split("\n").find((line) => line.length > 40 && !line.startsWith("-----"));
      assert.ok(keyLine !== undefined);
      for (const pid of pids) {
        const environ = readFileSync(`/proc/${pid}/environ`, "utf8");
        assert.ok(!environ.includes("PRIVATE KEY"), `pid ${pid}: no PEM key in the environment`);
        assert.ok(!environ.includes(keyLine), `pid ${pid}: no key material in the environment`);
        assert.ok(!environ.includes("GRB_SERVER_CHILD="), `pid ${pid}: no server config in the environment`);
      }
    } finally {
      await server.stop();
    }
  });
});

describe("start-up failures still come back over the same channel", () => {
  it("an unknown arm and a port in use reject with a ServerStartError that says why", async () => {
    await assert.rejects(startServerProcess({ arm: "no-such-arm" }), (err: Error) => err instanceof ServerStartError && /unknown server arm "no-such-arm"/.test(err.message));
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = taken.address() as net.AddressInfo;
      await assert.rejects(startServerProcess({ arm: "rest-node", port }), (err: Error) => err instanceof ServerStartError && /failed to start: .*in use/.test(err.message));
    } finally {
      taken.close();
    }
  });
});
