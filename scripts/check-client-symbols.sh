#!/bin/bash
# Client drivers must reach the IOMMU only through the DMA API: no IOMMU
# call, no call into our DMA layer's API, no device link.  With --no-pm,
# no runtime-PM call either (a client that has no power of its own to
# manage).  Checked on the undefined symbols of each client driver object.
#
#   scripts/check-client-symbols.sh [--no-pm] MODDIR OBJECT...
#
# OBJECT is relative to MODDIR (e.g. kunit/dma/test_client.o).  Exits 1
# and names the symbols when an object calls what it must not; a missing
# object fails too.
set -euo pipefail

forbidden='^(iommu_|__iommu_|omap_iommu_|socmmu_dma_|socmmu_of_|device_link_|arm_iommu_'
if [ "${1:-}" = --no-pm ]; then
	forbidden="$forbidden|pm_runtime_|__pm_runtime_"
	shift
fi
forbidden="$forbidden)"
[ $# -ge 2 ] || { echo "usage: $0 [--no-pm] MODDIR OBJECT..." >&2; exit 2; }
moddir=$1
shift
status=0
for obj in "$@"; do
	if [ ! -f "$moddir/$obj" ]; then
		echo "check-client-symbols: $obj: not built"
		status=1
		continue
	fi
	bad=$(nm -u "$moddir/$obj" | awk '{print $NF}' | grep -E "$forbidden" || true)
	if [ -n "$bad" ]; then
		echo "check-client-symbols: $obj calls:" $bad
		status=1
	fi
done
exit $status
