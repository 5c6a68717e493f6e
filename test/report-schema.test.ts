// report.json's JSON Schema: derived from the TypeBox model, committed, and strict about what it accepts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { SCHEMA_PATH, schemaIsCurrent } from "../reports/schema/generate.js";
import { reportJsonSchemaText } from "../reports/schema/report-schema.js";
import { ReportError, validateReport } from "../reports/report-file.js";
import { sampleReport } from "./fixtures/sample-report.js";

// untyped on purpose: these tests break reports in ways the types forbid
type Mutable = Record<string, any>;

function broken(mutate: (r: Mutable) => void): unknown {
  const r = structuredClone(sampleReport()) as Mutable;
  mutate(r);
  return r;
}

describe("report schema", () => {
  it("reports/report.schema.json is what `npm run gen:schema` generates from bench/model (no drift)", () => {
    assert.ok(schemaIsCurrent(), "reports/report.schema.json is stale: run npm run gen:schema and commit it");
    assert.equal(readFileSync(SCHEMA_PATH, "utf8"), reportJsonSchemaText());
  });

  it("accepts a full synthetic report, and partial ones", () => {
    validateReport(sampleReport());
    validateReport(sampleReport({ families: ["size"], endReason: "aborted", profile: "full", repetitions: 5 }));
    validateReport(sampleReport({ families: [] }));
  });

  it("accepts CPU steal per window, null where unreadable, and the heavy flag", () => {
    const r = sampleReport();
    const [first, second] = r.load[0]!.repetitions;
    first!.cpuSteal = { server: 0.06, client: null };
    first!.heavySteal = true;
    second!.cpuSteal = { server: null, client: 0 };
    second!.heavySteal = false;
    r.load[0]!.cpuSteal = { server: 0.06, client: 0 };
    r.load[0]!.heavySteal = true;
    validateReport(r);
  });

  const cases: [string, (r: Mutable) => void, RegExp][] = [
    ["a missing section", (r) => delete r.load, /must have required property 'load'/],
    ["a wrong type deep inside", (r) => (r.load[2].repetitions[1].latencyMs.p99 = "fast"), /\/load\/2\/repetitions\/1\/latencyMs\/p99 must be number/],
    ["an unknown profile", (r) => (r.profile = "turbo"), /\/profile must be one of "quick", "full"/],
    ["an unknown protocol", (r) => (r.load[0].protocol = "soap"), /\/load\/0\/protocol must be one of "grpc", "rest"/],
    ["a bad date", (r) => (r.startedAt = "yesterday"), /\/startedAt must match format "date-time"/],
    ["a negative count", (r) => (r.load[0].requests = -1), /\/load\/0\/requests must be >= 0/],
    ["a CI that is not a pair", (r) => (r.findings[3].ci95 = [1]), /\/findings\/3\/ci95/],
    ["a steal fraction above 1", (r) => (r.load[1].repetitions[0].cpuSteal = { server: 1.5, client: 0 }), /\/load\/1\/repetitions\/0\/cpuSteal\/server must be <= 1/],
  ];
  for (const [name, mutate, message] of cases) {
    it(`rejects ${name}`, () => {
      assert.throws(() => validateReport(broken(mutate)), (e: unknown) => e instanceof ReportError && message.test(e.message) && !e.message.includes("\n"));
    });
  }

  it("lists the first few problems and counts the rest", () => {
    const r = broken((r) => {
      for (const s of r.load) s.protocol = "soap";
    });
    assert.throws(() => validateReport(r), /; and \d+ more$/);
  });
});
