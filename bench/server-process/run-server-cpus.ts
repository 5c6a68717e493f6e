// How many server processes serve each arm the run starts (`npm run bench -- --server-cpus N`): the same N for every
// arm, so no stack gets more cores than another. Set once per run, before any server starts (bench/cli.ts,
// bench/orchestrator.ts), like the run's token (bench/run-token.ts): every family starts its servers through
// startServerProcess, which reads it, and the CPU pinning plan (bench/cpu/cpu-pinning.ts) gives the servers N CPUs.
let current = 1;

export function setRunServerCpus(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`server processes must be a whole number ≥ 1, got ${n}`);
  current = n;
}

export function runServerCpus(): number {
  return current;
}
