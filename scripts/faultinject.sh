#!/bin/bash
# `make faultinject`: allocation failure at every site, on every UML test
# kernel.  Loads kunit/faultinject.list, whose fail-nth suites
# (kunit/failnth/failnth.h) fail the 1st, 2nd, ... Nth allocation of each
# call they sweep until one completes with none failed (socmmu_failnth's
# limit=0, which is set before any suite runs, on 6.1 too), and reports per
# call, per kernel and in total: sites covered, runs, failed runs, and
# kmemleak's leaks (which must be 0).  Needs the test kernels (`make kernels`).
#
#   scripts/faultinject.sh [KERNEL...]     (default: uml-6.12 uml-6.1)
#
# The last line is "faultinject: N sites, N runs, N leaks; N passed, N
# failed"; the exit status is non-zero when a case failed or anything
# leaked.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
kernels=${*:-uml-6.12 uml-6.1}
list=$top/kunit/faultinject.list
status=0
total_sites=0 total_runs=0 total_leaks=0 total_pass=0 total_fail=0

for k in $kernels; do
	echo "faultinject: $k"
	summary=$("$top/scripts/quick-check.sh" "$k" "$list" 2>&1)
	rc=$?
	log=$top/out/$k/console.log
	# The summary's findings (failed cases, kernel reports), then its total.
	echo "$summary" | grep -v '^build checks:' | sed 's/^/  /'
	[ $rc -eq 0 ] || status=1
	last=$(echo "$summary" | tail -1)
	if [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
		total_pass=$((total_pass + BASH_REMATCH[1]))
		total_fail=$((total_fail + BASH_REMATCH[2]))
	else
		total_fail=$((total_fail + 1))
	fi
	# "# CASE: failnth: CALL: N sites, N runs, N failed" (failnth.h).
	sites=0 runs=0
	while IFS= read -r line; do
		if [[ $line =~ \#\ ([a-z0-9_]+):\ failnth:\ (.*):\ ([0-9]+)\ sites,\ ([0-9]+)\ runs,\ ([0-9]+)\ failed ]]; then
			printf '  %-32s %-26s %4d sites %4d runs %4d failed\n' "${BASH_REMATCH[1]}" \
				"${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}" "${BASH_REMATCH[4]}" \
				"${BASH_REMATCH[5]}"
			sites=$((sites + BASH_REMATCH[3]))
			runs=$((runs + BASH_REMATCH[4]))
		fi
	done < <(grep 'failnth: ' "$log" 2>/dev/null)
	# The summary's count: 6.1's excused objects (allocated loading a
	# module that stays, which its kmemleak cannot scan) are not leaks.
	leaks=$(echo "$summary" | grep -c ': kmemleak report: ')
	echo "  kmemleak: ${leaks:-0} leaks"
	echo "faultinject: $k: $sites sites, $runs runs, ${leaks:-0} leaks"
	total_sites=$((total_sites + sites))
	total_runs=$((total_runs + runs))
	total_leaks=$((total_leaks + ${leaks:-0}))
done

[ "$total_leaks" -eq 0 ] || status=1
echo "faultinject: $total_sites sites, $total_runs runs, $total_leaks leaks;" \
	"$total_pass passed, $total_fail failed"
exit $status
