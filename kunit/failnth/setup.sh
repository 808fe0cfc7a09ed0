#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Make the kernel's fault injection count every allocation of a task that
# arms its fail-nth (kunit/failnth/failnth.h), as a KTAP suite for the UML
# harness ("!run failnth_setup ..." in kunit/modules.list).  Without this,
# failslab and fail_page_alloc skip allocations that may sleep, and
# fail_page_alloc those of order 0: a sweep would never fail most sites.
# Injected failures are not dumped (verbose 0): a sweep makes hundreds.
# Nothing fails unless a task arms fail-nth: the probability stays 0.
#
#   setup.sh SUITE
suite=${1:-failnth_setup}
dbg=/sys/kernel/debug

set -- failslab/ignore-gfp-wait N failslab/verbose 0 \
	fail_page_alloc/ignore-gfp-wait N fail_page_alloc/ignore-gfp-highmem N \
	fail_page_alloc/min-order 0 fail_page_alloc/verbose 0

echo "    KTAP version 1"
echo "    # Subtest: $suite"
echo "    1..$(($# / 2))"
n=0
failed=0
while [ $# -ge 2 ]; do
	n=$((n + 1))
	name=$(echo "$1" | tr '/-' '__')
	if echo "$2" > "$dbg/$1" 2>/dev/null && [ "$(cat "$dbg/$1")" = "$2" ]; then
		echo "    ok $n $name"
	else
		echo "    # $dbg/$1: cannot set $2 (CONFIG_FAULT_INJECTION_DEBUG_FS?)"
		echo "    not ok $n $name"
		failed=1
	fi
	shift 2
done
if [ $failed = 0 ]; then
	echo "ok 1 $suite"
else
	echo "not ok 1 $suite"
fi
exit $failed
