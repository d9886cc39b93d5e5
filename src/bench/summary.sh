#!/usr/bin/env bash
# Fleet summary benchmark (issue 18): R reports of U units each (default 200 x 500), written as
# `unitaudit -f json` writes them (no --include-settings), in a temporary folder, then
# `unitaudit summary` over all of them. A benchmark, not a test: it prints figures.
#   usage: src/bench/summary.sh [REPORTS] [UNITS] [extra summary options...]
# Four trees of U synthetic services (different hardening per tree) are audited once each; the
# R reports are copies of those four with their own "host", so every report is a full-size real
# report (81 checks per service) and the summary reads R x U units.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
reports="${1:-200}"
units="${2:-500}"
shift 2 || shift $# || true
work="${TMPDIR:-/tmp}/unitaudit-summary-$reports-$units"
[[ -f "$here/target/unitaudit.jar" ]] || (cd "$here" && mvn -B -q package -DskipTests)
if [[ ! -f "$work/.complete" ]]; then
  rm -rf "$work"
  mkdir -p "$work/reports"
  for v in 1 2 3 4; do
    python3 - "$work/tree$v" "$units" "$v" <<'PY'
import os, sys, random
root, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
etc = os.path.join(root, "etc/systemd/system"); usr = os.path.join(root, "usr/lib/systemd/system")
os.makedirs(etc); os.makedirs(usr)
rnd = random.Random(seed)
opts = ["PrivateTmp=yes", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes",
        "PrivateDevices=yes", "ProtectKernelTunables=yes", "User=svc", "DynamicUser=yes",
        "SystemCallFilter=@system-service", "CapabilityBoundingSet=CAP_NET_BIND_SERVICE",
        "RestrictAddressFamilies=AF_UNIX AF_INET", "Restart=on-failure", "MemoryMax=1G"]
for i in range(n):
    d = usr if i % 2 else etc
    body = ["[Unit]", f"Description=synthetic service {i}", "", "[Service]", f"ExecStart=/usr/bin/svc{i} --flag"]
    body += rnd.sample(opts, rnd.randint(0, len(opts)))
    with open(os.path.join(d, f"svc{i:06d}.service"), "w") as f:
        f.write("\n".join(body) + "\n")
PY
    "$here/bin/unitaudit" --root "$work/tree$v" --no-fail --host variant$v -f json -o "$work/variant$v.json"
  done
  for ((i = 1; i <= reports; i++)); do
    v=$(( (i - 1) % 4 + 1 ))
    sed "0,/\"host\" : \"variant$v\"/s//\"host\" : \"host-$i\"/" "$work/variant$v.json" > "$work/reports/host-$i.json"
  done
  touch "$work/.complete"
fi
echo "input: $reports reports x $units units, $(du -sh "$work/reports" | cut -f1) of JSON under $work/reports"
/usr/bin/time -f "wall %e s, peak RSS %M KiB, exit %x" "$here/bin/unitaudit" summary -f json -o "$work/summary.json" "$work"/reports/*.json "$@" 2>&1 | tail -1
echo "summary: $(du -h "$work/summary.json" | cut -f1), $(grep -c '"unit" :' "$work/summary.json") units"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
