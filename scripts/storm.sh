#!/bin/bash
# `make storm`: a long fault storm on each driver (OMAP, MSM, Exynos), on
# uml-6.12.  Loads kunit/storm.list, whose abuse suites
# (kunit/iommu_bench/bench_storm.h) storm STORM_FAULTS faulting transfers
# per storm (default 200000) with each fault's interrupt delivered at
# once, then check that mapped DMA still works; the fault-at-suspend and
# read-only cases run too.  Prints per storm: faults raised (the model's
# count), interrupts, faults handled (the driver's), lines logged (the
# driver's count and the console's), dropped, duration, faults/s, and
# whether mapped DMA worked afterwards.  Needs the test kernels.
#
#   scripts/storm.sh [KERNEL]     (default: uml-6.12)
#
# The last line is "storm: N storms, N faults, N s, N lines logged; N
# passed, N failed"; the exit status is non-zero when a case failed or the
# console's lines disagree with the driver's count.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
kernel=${1:-uml-6.12}
faults=${STORM_FAULTS:-200000}
[[ $faults =~ ^[0-9]+$ ]] || { echo "storm: STORM_FAULTS must be a number" >&2; exit 1; }
list=$(mktemp /tmp/socmmu-storm.XXXXXX.list)
trap 'rm -f "$list"' EXIT
sed "s/@FAULTS@/$faults/g" "$top/kunit/storm.list" > "$list"

echo "storm: $kernel, $faults faulting transfers per storm"
summary=$(UML_TIME_LIMIT=${UML_TIME_LIMIT:-1200} "$top/scripts/quick-check.sh" "$kernel" "$list" 2>&1)
rc=$?
log=$top/out/$kernel/console.log
echo "$summary" | grep -v '^build checks:' | sed 's/^/  /'
status=$rc

# The driver's fault lines ("<dev>: unhandled <reason> <dir> fault at") are
# counted between one storm's report and the next, and must be as many as
# the driver says it printed.
awk -v status="$status" '
/: unhandled .* fault at 0x/ { console++ }
/# [a-z_0-9]+: storm: / {
	line = $0
	sub(/.*# /, "", line)
	split(line, f, /: /)
	case_ = f[1]; dev = f[3]
	n = split(f[4], v, /, /)
	for (i = 1; i <= n; i++) {
		split(v[i], w, / /)
		if (v[i] ~ /faults raised/) raised = w[1]
		else if (v[i] ~ /irqs/) irqs = w[1]
		else if (v[i] ~ /faults handled/) handled = w[1]
		else if (v[i] ~ /unhandled/) unhandled = w[1]
		else if (v[i] ~ /lines logged/) logged = w[1]
		else if (v[i] ~ /dropped/) dropped = w[1]
		else if (v[i] ~ / ms$/) ms = w[1]
		else if (v[i] ~ /faults\/s/) rate = w[1]
		else if (v[i] ~ /master/) master = v[i]
		else if (v[i] ~ /DMA afterwards/) dma = w[3]
	}
	agree = console == logged ? "" : " (console: " console ", DISAGREES)"
	if (console != logged || dma != "ok" || master != "master free")
		status = 1
	printf "  %-30s %-15s %8d raised %8d irqs %8d handled %8d unhandled %4d logged%s %8d dropped %7d ms %8d faults/s, %s, DMA afterwards %s\n",
		case_, dev, raised, irqs, handled, unhandled, logged, agree, dropped, ms, rate,
		master, dma
	storms++; total += raised; total_ms += ms; total_logged += logged
	console = 0
}
/^ *(not )?ok [0-9]+ / { console = 0 }
END {
	printf "STORM %d %d %d %d %d\n", storms, total, total_ms, total_logged, status
}' "$log" > "$list.out"
grep -v '^STORM ' "$list.out"
read -r _ storms total total_ms total_logged astatus < <(grep '^STORM ' "$list.out")
rm -f "$list.out"
[ "${astatus:-1}" -eq 0 ] || status=1
[ "${storms:-0}" -gt 0 ] || status=1
last=$(echo "$summary" | tail -1)
pass=0 fail=1
[[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed ]] && pass=${BASH_REMATCH[1]} fail=${BASH_REMATCH[2]}
echo "storm: ${storms:-0} storms, ${total:-0} faults, $(( ${total_ms:-0} / 1000 )) s," \
	"${total_logged:-0} lines logged; $pass passed, $fail failed"
exit $status
