#!/usr/bin/env bash
# The scale-out contract on a real Dask cluster: a scheduler and two workers
# on loopback, contrib/dask/crosscheck_dask.py mapping shards of corpora/ to
# `crosscheck extract --keyed` and reducing each key partition with
# `crosscheck check --claims -`. The findings must equal those of one
# `crosscheck check corpora` exactly.
# Usage: dask_test.sh PATH/TO/crosscheck   (from the project root)
set -uo pipefail
bin=$(realpath "$1")
# Debian's Python: the one python3-distributed installs into (a pyenv or
# venv python3 earlier on PATH would not see it).
python=/usr/bin/python3
if ! "$python" -c 'import distributed' 2>/dev/null; then
  echo "SKIP: Dask distributed is not installed (apt-get install python3-distributed; scripts/install-deps.sh --tests does)"
  exit 77
fi
scratch=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Random free ports on loopback; the scheduler writes its address to a file.
export DASK_DISTRIBUTED__WORKER__DAEMON=False
(cd "$scratch" && exec dask-scheduler --host 127.0.0.1 --port 0 --no-dashboard \
  --scheduler-file "$scratch/scheduler.json" >"$scratch/scheduler.log" 2>&1) & pids+=($!)
for _ in $(seq 100); do [[ -s $scratch/scheduler.json ]] && break; sleep 0.2; done
[[ -s $scratch/scheduler.json ]] || { echo "FAIL: the Dask scheduler did not start: $(cat "$scratch/scheduler.log")"; exit 1; }
for worker in 1 2; do
  (cd "$scratch" && exec dask-worker --scheduler-file "$scratch/scheduler.json" --host 127.0.0.1 --nworkers 1 \
    --nthreads 1 --no-dashboard --name "worker-$worker" >"$scratch/worker-$worker.log" 2>&1) & pids+=($!)
done
# Both workers must have joined, or the test would not be distributed.
if ! "$python" - "$scratch/scheduler.json" <<'PY'
import sys
from distributed import Client
with Client(scheduler_file=sys.argv[1], timeout=30) as client:
    client.wait_for_workers(2, timeout=60)
PY
then
  echo "FAIL: two Dask workers did not join: $(cat "$scratch"/worker-*.log)"
  exit 1
fi

timeout 300 "$python" contrib/dask/crosscheck_dask.py --scheduler-file "$scratch/scheduler.json" --crosscheck "$bin" \
  --shards 5 --partitions 3 corpora >"$scratch/distributed.json" 2>"$scratch/distributed.err"
status=$?
[[ $status == 1 ]] || fail "driver exit status $status, expected 1 (error findings): $(cat "$scratch/distributed.err")"
grep -q "in 5 shards and 3 partitions; mapped on 2 workers" "$scratch/distributed.err" ||
  fail "the work did not spread over both workers: $(cat "$scratch/distributed.err")"
"$bin" check corpora --format json >"$scratch/single.json"

# Both sorted as check sorts its report, every key of every finding compared.
if ! "$python" - "$scratch/single.json" "$scratch/distributed.json" <<'PY'
import json, sys
def findings(path):
    found = json.load(open(path, encoding="utf-8"))["findings"]
    key = lambda f: (f["claims"][0]["file"], f["claims"][0]["line"], f["claims"][0]["column"], f["rule"], f["fingerprint"])
    return [json.dumps(f, sort_keys=True, ensure_ascii=False) for f in sorted(found, key=key)]
single, distributed = findings(sys.argv[1]), findings(sys.argv[2])
if not single:
    sys.exit("the single-process check found nothing: the comparison would prove nothing")
if single != distributed:
    for a, b in zip(single, distributed):
        if a != b:
            print("first difference:\n  single:      " + a[:400] + "\n  distributed: " + b[:400])
            break
    sys.exit(f"{len(single)} findings from one process, {len(distributed)} from Dask, and they differ")
print(f"{len(single)} findings, the same from one process and from Dask")
PY
then
  fail "the distributed findings differ from the single-process ones"
fi
[[ $failures == 0 ]] && echo "PASS: distributed check equals single-process check"
[[ $failures == 0 ]]
