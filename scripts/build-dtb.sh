#!/bin/bash
# Compile a test device tree; any dtc warning fails the build.
#
#   scripts/build-dtb.sh DTS OUT
#
# UML loads the result with the boot parameter dtb=OUT
# (scripts/uml/run-tests.sh passes it when DTB is set).
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 DTS OUT" >&2; exit 2; }
dts=$1
out=$2

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! dtc -I dts -O dtb -o "$out" "$dts" 2> "$log"; then
	cat "$log" >&2
	rm -f "$out"
	exit 1
fi
if [ -s "$log" ]; then
	cat "$log" >&2
	echo "build-dtb: dtc warnings in $dts" >&2
	rm -f "$out"
	exit 1
fi
