#!/usr/bin/env bash
# Scale benchmark (issue 8): audits a synthetic tree of N services (default 100,000) and prints
# wall time and peak RSS. A benchmark, not a test: it prints figures and asserts nothing.
#   usage: src/bench/scale.sh [N] [extra unitaudit options...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-100000}"
shift || true
tree="${TMPDIR:-/tmp}/unitaudit-scale-$n"
if [[ ! -f "$tree/.complete" ]]; then
  rm -rf "$tree"
  python3 - "$tree" "$n" <<'PY'
import os, sys, random
root, n = sys.argv[1], int(sys.argv[2])
etc = os.path.join(root, "etc/systemd/system"); usr = os.path.join(root, "usr/lib/systemd/system")
os.makedirs(etc); os.makedirs(usr)
rnd = random.Random(1)
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
    if i % 10 == 0:
        dd = os.path.join(etc, f"svc{i:06d}.service.d"); os.makedirs(dd, exist_ok=True)
        with open(os.path.join(dd, "override.conf"), "w") as f:
            f.write("[Service]\nProtectSystem=full\n")
open(os.path.join(root, ".complete"), "w").close()
PY
fi
[[ -f "$here/target/unitaudit.jar" ]] || (cd "$here" && mvn -B -q package -DskipTests)
echo "tree: $n services under $tree"
/usr/bin/time -f "wall %e s, peak RSS %M KiB, exit %x" "$here/bin/unitaudit" --root "$tree" --format json -o /dev/null --no-fail "$@" 2>&1 | tail -1
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
