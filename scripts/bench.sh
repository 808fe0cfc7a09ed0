#!/bin/bash
# `make bench`: time our code against the kernel's own, in one boot of the
# reference kernel (uml-ref-6.12: mainline's IOMMU drivers built in, the
# kernel's IOVA allocator, no debugging options; Documentation/reference.rst),
# and print the figures (Documentation/performance.rst):
#
#   bench iova churn-4k: socmmu 85 ns/op, alloc_iova_fast 120 ns/op, ratio 0.71
#   bench omap map+unmap 64M in 4K: socmmu X ns/op, mainline Y ns/op, ratio Y/X ...
#   bench v7s map+unmap 64M in 4K: socmmu X ns/op, kernel Y ns/op, speedup Y/X ...
#   bench exynos-v5 map+unmap 64M in 4K: socmmu X ns/op, mainline Y ns/op, speedup Y/X ...
#   bench msm tlb-invalidations per 64M unmap: socmmu 1 (...), mainline 16384 (...)
#
# The boot's device tree is kunit/dts/socmmu-ref-bench.dts (instance pairs
# for the Exynos and MSM rows); EXYNOS=v33 make bench puts the Exynos pair
# on v3.3 instead of v5.0 (socmmu-ref-bench-v33.dts).
#
# Not a test: nothing is asserted on the figures, which depend on the host.
# The run still fails if a module does not load or the kernel reports
# anything (scripts/ktap-summary.py, as for `make check`).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
target=uml-ref-6.12
list=kunit/ref-bench.list
out=$top/out/bench
cd "$top"
mkdir -p "$out" out/tools

kdir=$(scripts/test-kernels.sh "$target" | awk -v t="$target" '$1 == t { print $2 }')
[ -n "$kdir" ] || { echo "bench: kernel $target did not build" >&2; exit 1; }
grep -q '^CONFIG_IOMMU_IOVA=[ym]' "$kdir/.config" ||
	{ echo "bench: $target has no CONFIG_IOMMU_IOVA" >&2; exit 1; }

echo "bench: building modules for $target (log in $out/build.log)"
scripts/build-modules.sh "$kdir" "$out/$target" ARCH=um -j"$(nproc)" > "$out/build.log" 2>&1 ||
	{ grep -E 'error|Error|ERROR' "$out/build.log" | head -20; exit 1; }
[ -x out/tools/uml-helper ] ||
	gcc -static -O2 -Wall -Wextra -Werror -o out/tools/uml-helper scripts/uml/uml-helper.c

# EXYNOS=v33: the Exynos rows on a v3.3 pair (v1-v3 registers and format)
# instead of v5.0 (kunit/dts/socmmu-ref-bench-v33.dts).
dts=kunit/dts/socmmu-ref-bench.dts
if [ -n "${EXYNOS:-}" ] && [ "$EXYNOS" != v5 ]; then
	dts=kunit/dts/socmmu-ref-bench-$EXYNOS.dts
	[ -f "$dts" ] || { echo "bench: no $dts" >&2; exit 1; }
	{ echo "!params socmmu_ref_bench exynos=$EXYNOS"; cat "$list"; } > "$out/ref-bench.list"
	list=$out/ref-bench.list
fi
scripts/build-dtb.sh "$dts" "$out/socmmu-ref-bench.dtb"

echo "bench: running (console in $out/console.log)"
DTB=$out/socmmu-ref-bench.dtb MODULES_LIST=$list \
	scripts/uml/run-tests.sh "$kdir" "$out/$target" out/tools/uml-helper "$out/console.log"

grep -E '^bench ' "$out/console.log" || { echo "bench: no figures in the console log" >&2; exit 1; }
# Loads, unloads and kernel reports (WARN, KASAN, lockdep, leaks), as `make check`.
if ! summary=$(python3 scripts/ktap-summary.py --modules "$list" "$target=$out/console.log"); then
	echo "$summary"
	exit 1
fi
echo "bench: modules loaded and unloaded, no kernel reports"
