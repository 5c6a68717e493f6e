#!/usr/bin/env bash
# The collector's merge step (collector.yaml). The receiver beside it stores what the shards PUT in $REPORTS_DIR;
# this script
#   1. waits until all $SHARDS shards have checked in (ready-I: each does once its targets accept connections);
#   2. writes start-at — now + $START_MARGIN_S, UTC ISO — the --start-at every shard reads;
#   3. waits for shard-I.json from every shard (a shard uploads its report even when its run failed);
#   4. merges them into $REPORTS_DIR/merged with `npm run merge` (report.json, report.html, summary.md).
# Past READY_TIMEOUT_S (step 1, default 1800) or REPORTS_TIMEOUT_S (step 3, default 7200) it goes on with the shards
# it has: the merge then names the missing ones.
set -euo pipefail

shards=${SHARDS:?SHARDS is not set: the number of load shards (the Job completions)}
dir=${REPORTS_DIR:-/reports}
margin=${START_MARGIN_S:-20}

log() { echo "collector: $*" >&2; }
count() { find "$dir" -maxdepth 1 -type f -name "$1" | wc -l; }

# Until $shards files match $1 or $3 seconds pass; says how many it has whenever that changes. 1 if short.
wait_for() {
  local pattern=$1 what=$2 deadline=$((SECONDS + $3)) n seen=-1
  while :; do
    n=$(count "$pattern")
    if ((n != seen)); then
      log "$n of $shards shards $what"
      seen=$n
    fi
    ((n >= shards)) && return 0
    if ((SECONDS >= deadline)); then
      log "gave up waiting after $3s: going on with $n of $shards"
      return 1
    fi
    sleep 2
  done
}

mkdir -p "$dir"
wait_for 'ready-*' "checked in" "${READY_TIMEOUT_S:-1800}" || true
start_at=$(date -u -d "@$(($(date +%s) + margin))" +%Y-%m-%dT%H:%M:%SZ)
# Written aside and renamed: a shard reads the whole time or none.
echo "$start_at" >"$dir/.start-at.new"
mv "$dir/.start-at.new" "$dir/start-at"
log "the shards start at $start_at"

complete=true
wait_for 'shard-*.json' "reported" "${REPORTS_TIMEOUT_S:-7200}" || complete=false
mapfile -t reports < <(find "$dir" -maxdepth 1 -type f -name 'shard-*.json' | sort -V)
if ((${#reports[@]} == 0)); then
  log "no shard reported: nothing to merge"
  exit 1
fi
if $complete; then
  npm run merge -- "${reports[@]}" --out "$dir/merged"
else
  # The merged report lists the missing shards among its caveats.
  npm run merge -- "${reports[@]}" --allow-missing --out "$dir/merged"
fi
log "merged ${#reports[@]} shard reports into $dir/merged (kubectl cp or port-forward: deploy/kubernetes/README.md)"
