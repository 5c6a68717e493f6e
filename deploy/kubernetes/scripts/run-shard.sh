#!/usr/bin/env bash
# One load shard of the Indexed Job (load-job.yaml):  run-shard.sh npm run bench -- --shard I/N --target … …
#   1. waits until every --target's host:port accepts connections (the arm servers are up);
#   2. checks in with the collector (PUT ready-I) and waits for the start time it agrees once every shard has
#      checked in (GET start-at) — a barrier, so slow image pulls or node start-ups cannot desynchronise the shards;
#   3. runs the command with `--start-at TIME --out DIR` appended;
#   4. uploads DIR/report.json to the collector as shard-I.json — also a partial one (a failed or interrupted run
#      still writes what it measured) — and exits with the command's exit code.
# Environment: JOB_COMPLETION_INDEX (the Job sets it), COLLECTOR_URL, WAIT_TIMEOUT_S (steps 1–2, default 1800),
# OUT_DIR (default /tmp/shard-report).
set -uo pipefail

index=${JOB_COMPLETION_INDEX:?JOB_COMPLETION_INDEX is not set: run this in an Indexed Job}
collector=${COLLECTOR_URL:?COLLECTOR_URL is not set (the collector Service, e.g. http://collector:8080)}
timeout_s=${WAIT_TIMEOUT_S:-1800}
out=${OUT_DIR:-/tmp/shard-report}
deadline=$((SECONDS + timeout_s))

log() { echo "shard $index: $*" >&2; }
# As the pod's PID 1 bash would ignore SIGTERM: before the run there is nothing to save, so stop.
trap 'log "stopped before its run"; exit 143' TERM INT
# One more try after a pause, unless the deadline has passed.
pause_or_give_up() {
  if ((SECONDS >= deadline)); then
    log "gave up after ${timeout_s}s waiting for $1"
    exit 1
  fi
  sleep 2
}

if (($# == 0)); then
  log "usage: run-shard.sh COMMAND [ARG]... (the bench command line, without --start-at and --out)"
  exit 2
fi

# 1. The targets, as the command names them: --target ID=SCHEME://HOST:PORT (or --target=ID=…).
prev=
for arg in "$@"; do
  spec=
  if [[ $prev == --target ]]; then spec=$arg; elif [[ $arg == --target=* ]]; then spec=${arg#--target=}; fi
  prev=$arg
  [[ -n $spec ]] || continue
  hostport=${spec#*=}
  hostport=${hostport#*://}
  host=${hostport%:*}
  port=${hostport##*:}
  host=${host#[}
  host=${host%]}
  said=
  until timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null; do
    [[ -n $said ]] || log "waiting for $host:$port"
    said=1
    pause_or_give_up "$host:$port"
  done
  log "$host:$port accepts connections"
done

# 2. The barrier. The check-in's body is this pod's name, for whoever reads the collector's listing.
until curl -fsS -o /dev/null -X PUT --data-binary "${HOSTNAME:-shard-$index}" "$collector/reports/ready-$index" 2>/dev/null; do
  pause_or_give_up "the collector at $collector"
done
log "checked in with $collector; waiting for the other shards"
until start_at=$(curl -fsS "$collector/reports/start-at" 2>/dev/null) && [[ -n $start_at ]]; do
  pause_or_give_up "the start time (the collector sets it once every shard has checked in)"
done
log "starting at $start_at"

# 3. In the background, so that a SIGTERM to this script (the pod's PID 1) reaches the command, which then writes
# what it has measured.
child=
trap 'kill -TERM "$child" 2>/dev/null' TERM INT
"$@" --start-at "$start_at" --out "$out" &
child=$!
wait "$child"
rc=$?
# wait returns early (rc > 128) when a trapped signal arrives; wait again for the command's own exit code.
while kill -0 "$child" 2>/dev/null; do
  wait "$child"
  rc=$?
done
trap - TERM INT

# 4.
if [[ ! -f $out/report.json ]]; then
  log "no report to upload (the command exited $rc)"
  exit $((rc == 0 ? 1 : rc))
fi
if ! curl -fsS -o /dev/null --retry 20 --retry-delay 3 --retry-all-errors -T "$out/report.json" "$collector/reports/shard-$index.json"; then
  log "could not upload $out/report.json to $collector"
  exit $((rc == 0 ? 1 : rc))
fi
log "uploaded its report as shard-$index.json (the command exited $rc)"
exit "$rc"
