#!/usr/bin/env bash
# Scale benchmark (issues 8 and 16). A benchmark, not a test: it prints figures and asserts nothing.
#
#   src/bench/scale.sh [AXIS...]            each axis at N, 2N and 4N: times and the 4N/N ratio
#   src/bench/scale.sh tree N [OPTIONS...]  one tree of N services: wall time and peak RSS
#   src/bench/scale.sh formats [LINES]      every report format on one unit of LINES Environment= lines
#   src/bench/scale.sh list                 the axes and their N
#
# Inputs are generated under ${TMPDIR:-/tmp}/unitaudit-scale (kept between runs). Each time is the
# median of REPEAT runs (default 3) of the launcher, JVM start included; "net" subtracts the
# median time of auditing a one-line unit, so the ratio is that of the work that grows.
# Environment: REPEAT, FORMAT (default json), SCALE (multiplies every N; 0.1 for a quick look).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${TMPDIR:-/tmp}/unitaudit-scale"
repeat="${REPEAT:-3}"
format="${FORMAT:-json}"
scale="${SCALE:-1}"
extra=()
mkdir -p "$work"

# axis name, N, what grows
axes=(
  "env-list        50000 lines of Environment=K<i>=v (a list setting)"
  "rw-paths        50000 lines of ReadWritePaths=/var/x<i> (a path list)"
  "after-deps      50000 lines of After=u<i>.service (a dependency list)"
  "conditions      50000 lines of ConditionPathExists=/x<i>, an empty Condition= every 1000"
  "list-resets     50000 lines of Environment=, every other one empty (resets the list)"
  "scalar          50000 lines of Description=x<i> (a scalar, last wins)"
  "exec-pre        50000 lines of ExecStartPre=/bin/true <i>"
  "comments        50000 lines of # comment <i>"
  "sections        50000 lines: a [Unit] section header and Description= per pair"
  "unknown-keys    50000 lines of X-Unknown<i>=v and Bogus<i>=v (warnings)"
  "continuations   50000 continuation lines of one Environment= value (within the 1 MiB line)"
  "dropins         5000 drop-in files x.service.d/<i>.conf, one Environment= each"
  "dropin-dirs     5000 drop-ins over dash-prefix, type and unit folders of 3 directories"
  "units           10000 services in one tree, all audited"
  "aliases         5000 alias symlinks to one unit"
  "alias-chain     2000 aliases, each a symlink to the one before (chains past 40 hops are loops)"
  "specifiers      50000 specifiers %n in one Description= value"
  "line-length     262144 bytes of one Environment= line (4N = the 1 MiB limit)"
  "exec-args       262144 bytes of one ExecStart= line of short arguments"
)

axis_n() {
  local a
  for a in "${axes[@]}"; do
    read -r name n _ <<<"$a"
    if [[ "$name" == "$1" ]]; then
      awk -v n="$n" -v s="$scale" 'BEGIN { printf "%d", n * s }'
      return
    fi
  done
  echo "unknown axis: $1 (see: scale.sh list)" >&2
  exit 2
}

# gen AXIS SIZE DIR: a root under DIR whose x.service (or whole tree, for "units") grows with SIZE
gen() {
  python3 - "$@" <<'PY'
import os, sys
axis, n, root = sys.argv[1], int(sys.argv[2]), sys.argv[3]
etc = os.path.join(root, "etc/systemd/system")
os.makedirs(etc, exist_ok=True)
head = "[Unit]\nDescription=scale\n\n[Service]\nExecStart=/usr/bin/true\n"
def unit(body, name="x.service"):
    with open(os.path.join(etc, name), "w") as f:
        f.write(head + body)
def lines(fmt):
    return "".join(fmt(i) + "\n" for i in range(n))
if axis == "env-list":
    unit(lines(lambda i: f"Environment=K{i}=v"))
elif axis == "rw-paths":
    unit(lines(lambda i: f"ReadWritePaths=/var/x{i}"))
elif axis == "after-deps":
    unit("[Unit]\n" + lines(lambda i: f"After=u{i}.service"))
elif axis == "conditions":
    unit("[Unit]\n" + lines(lambda i: "ConditionPathExists=" if i % 1000 == 999 else f"ConditionPathExists=/x{i}"))
elif axis == "list-resets":
    unit(lines(lambda i: "Environment=" if i % 2 else f"Environment=K{i}=v"))
elif axis == "scalar":
    unit("[Unit]\n" + lines(lambda i: f"Description=x{i}"))
elif axis == "exec-pre":
    unit(lines(lambda i: f"ExecStartPre=/bin/true {i}"))
elif axis == "comments":
    unit(lines(lambda i: f"# comment {i}"))
elif axis == "sections":
    unit("".join(f"[Unit]\nDescription=x{i}\n" for i in range(n // 2)))
elif axis == "unknown-keys":
    unit(lines(lambda i: f"X-Unknown{i}=v" if i % 2 else f"Bogus{i}=v"))
elif axis == "continuations":
    unit("Environment=" + "".join(f"K{i}=v \\\n" for i in range(n)) + "L=v\n")
elif axis == "dropins":
    unit("")
    d = os.path.join(etc, "x.service.d"); os.makedirs(d)
    for i in range(n):
        with open(os.path.join(d, f"{i:07d}.conf"), "w") as f:
            f.write(f"[Service]\nEnvironment=K{i}=v\n")
elif axis == "dropin-dirs":
    # drop-ins spread over the dash-prefix, type-wide and unit folders of three search
    # directories; names repeat across directories, so half of them are shadowed
    unit("", "a-b-c-d.service")
    folders = ["a-.service.d", "a-b-.service.d", "a-b-c-.service.d", "service.d", "a-b-c-d.service.d"]
    dirs = [etc, os.path.join(root, "run/systemd/system"), os.path.join(root, "usr/lib/systemd/system")]
    for i in range(n):
        d = os.path.join(dirs[i % 3], folders[(i // 3) % 5])
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"{i // 2:07d}.conf"), "w") as f:
            f.write(f"[Service]\nEnvironment=K{i}=v\n")
elif axis == "units":
    for i in range(n):
        unit(f"User=u{i}\nPrivateTmp=yes\nEnvironment=A=1 B=2\n", f"s{i:07d}.service")
elif axis == "aliases":
    unit("")
    for i in range(n):
        os.symlink("x.service", os.path.join(etc, f"a{i:07d}.service"))
elif axis == "alias-chain":
    unit("")
    prev = "x.service"
    for i in range(n):
        name = f"a{i:07d}.service"
        os.symlink(prev, os.path.join(etc, name))
        prev = name
elif axis == "specifiers":
    unit("[Unit]\nDescription=" + "%n" * n + "\n")
elif axis == "line-length":
    words, size, i = [], 12, 0
    while size < n - 16:
        w = f"K{i}=v"; words.append(w); size += len(w) + 1; i += 1
    unit("Environment=" + " ".join(words) + "\n")
elif axis == "exec-args":
    words, size, i = [], 28, 0
    while size < n - 16:
        w = f"a{i}"; words.append(w); size += len(w) + 1; i += 1
    unit("ExecStartPre=/usr/bin/true " + " ".join(words) + "\n")
else:
    sys.exit(f"unknown axis {axis}")
open(os.path.join(root, ".complete"), "w").close()
PY
}

jar_ready() {
  [[ -f "$here/target/unitaudit.jar" ]] || (cd "$here" && mvn -B -q -o package -DskipTests >&2)
}

# median wall seconds of REPEAT audits: run_median ROOT [UNIT]
run_median() {
  local root="$1" unit="${2:-}" i t
  local -a ts=()
  for ((i = 0; i < repeat; i++)); do
    (cd / && /usr/bin/time -o "$work/time" -f "%e" "$here/bin/unitaudit" --root "$root" \
      ${unit:+"$unit"} --format "$format" -o /dev/null --no-fail "${extra[@]}" >/dev/null 2>&1) || true
    ts+=("$(tail -1 "$work/time")")
  done
  printf '%s\n' "${ts[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

root_for() { # root_for AXIS SIZE: generates once, prints the root
  local root="$work/$1-$2"
  if [[ ! -f "$root/.complete" ]]; then
    rm -rf "$root"
    gen "$1" "$2" "$root"
  fi
  echo "$root"
}

baseline() {
  local root
  root="$(root_for scalar 1)"
  run_median "$root" x.service
}

run_axes() {
  jar_ready
  local base
  base="$(baseline)"
  printf 'format %s, median of %s runs, JVM start included; one-line unit: %s s\n' \
    "$format" "$repeat" "$base"
  printf '%-15s %9s %8s %8s %8s %7s %9s\n' axis N "N s" "2N s" "4N s" "4N/N" "net 4N/N"
  local axis n t1 t2 t4 unit
  for axis in "$@"; do
    n="$(axis_n "$axis")"
    unit=x.service
    [[ "$axis" == units ]] && unit=""
    [[ "$axis" == dropin-dirs ]] && unit=a-b-c-d.service
    t1="$(run_median "$(root_for "$axis" "$n")" $unit)"
    t2="$(run_median "$(root_for "$axis" $((2 * n)))" $unit)"
    t4="$(run_median "$(root_for "$axis" $((4 * n)))" $unit)"
    awk -v a="$axis" -v n="$n" -v t1="$t1" -v t2="$t2" -v t4="$t4" -v b="$base" 'BEGIN {
      net1 = t1 - b; net4 = t4 - b
      printf "%-15s %9d %8.2f %8.2f %8.2f %7.2f %9s\n", a, n, t1, t2, t4, t4 / t1,
        (net1 > 0.05 ? sprintf("%.2f", net4 / net1) : "-")
    }'
  done
}

run_formats() {
  jar_ready
  local lines="${1:-200000}" root f
  root="$(root_for env-list "$lines")"
  printf 'one unit of %s Environment= lines, median of %s runs\n' "$lines" "$repeat"
  for f in json text junit sarif markdown github prometheus; do
    printf '%-12s %6s s\n' "$f" "$(format=$f run_median "$root" x.service)"
  done
  printf '%-12s %6s s\n' "json+settings" "$(format=json extra=(--include-settings) run_median "$root" x.service)"
  if command -v systemd-analyze >/dev/null; then
    (cd / && /usr/bin/time -o "$work/time" -f "%e" systemd-analyze security --offline=true \
      --json=short --root="$root" x.service >/dev/null 2>&1) || true
    printf '%-12s %6s s\n' "systemd-analyze" "$(tail -1 "$work/time")"
  fi
}

run_tree() { # the issue 8 benchmark: N services, half with drop-ins, every tenth overridden
  local n="${1:-100000}"
  shift || true
  local tree="${TMPDIR:-/tmp}/unitaudit-scale-$n"
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
  jar_ready
  echo "tree: $n services under $tree"
  /usr/bin/time -f "wall %e s, peak RSS %M KiB, exit %x" "$here/bin/unitaudit" --root "$tree" \
    --format json -o /dev/null --no-fail "$@" 2>&1 | tail -1
}

all_axes() {
  local a
  for a in "${axes[@]}"; do
    read -r name _ <<<"$a"
    echo "$name"
  done
}

case "${1:-}" in
  list) printf '%s\n' "${axes[@]}" ;;
  tree) shift; run_tree "$@" ;;
  formats) shift; run_formats "$@" ;;
  [0-9]*) run_tree "$@" ;; # the issue 8 spelling: scale.sh N [OPTIONS...]
  "") mapfile -t all < <(all_axes); run_axes "${all[@]}" ;;
  *) run_axes "$@" ;;
esac
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
