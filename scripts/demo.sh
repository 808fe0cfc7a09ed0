#!/bin/bash
# `make demo`: the example camera end to end.  Builds what is missing (host
# packages, the UML 6.12 kernel, our modules, the harness tools), boots UML
# with the models and our drivers, captures frames with v4l2-ctl, writes
# one as out/demo/frame.ppm and prints a short report.  See README.
#
# PLATFORM picks the camera: omap (the default) behind the OMAP3 ISP MMU,
# exynos the second one, behind an Exynos SYSMMU v7 with the VM block,
# msm the third, behind a Qualcomm MSM (APQ8064) IOMMU context bank.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/out/demo
width=${DEMO_WIDTH:-640} height=${DEMO_HEIGHT:-480} frames=${DEMO_FRAMES:-30}
platform=${PLATFORM:-omap}
case $platform in
omap)	camera=d1070000.isp mmu=d1060000.mmu
	behind="the OMAP3 ISP MMU (mmu_cam)" flushes="GFLUSH FLUSH_ENTRY -" ;;
exynos)	camera=d20b0000.isp mmu=d20a0000.sysmmu-isp
	behind="an Exynos SYSMMU v7 with VM (sysmmu-isp)"
	flushes="FLUSH_ALL FLUSH_ENTRY FLUSH_RANGE" ;;
msm)	camera=d4700000.isp mmu=d4300000.iommu
	behind="a Qualcomm MSM IOMMU, context bank 0 (msm_cam)"
	flushes="CTX_TLBIALL TLBIVA -" ;;
*)	echo "demo: PLATFORM must be omap, exynos or msm, not $platform" >&2; exit 2 ;;
esac
t0=$SECONDS
cd "$top"
mkdir -p "$out/tools" "$out/run"

step() { echo "demo: [$((SECONDS - t0)) s] $*"; }

step "host packages"
scripts/install-host-deps.sh
step "UML 6.12 kernel"
read -r _ kdir < <(scripts/test-kernels.sh uml-6.12)
step "modules"
if ! scripts/build-modules.sh "$kdir" "$out/uml-6.12" ARCH=um -j"$(nproc)" > "$out/build.log" 2>&1; then
	tail -20 "$out/build.log"
	exit 1
fi
[ "$out/tools/uml-helper" -nt scripts/uml/uml-helper.c ] ||
	gcc -static -O2 -Wall -Wextra -Werror -o "$out/tools/uml-helper" scripts/uml/uml-helper.c
[ "$out/tools/socmmu-test.dtb" -nt kunit/dts/socmmu-test.dts ] ||
	scripts/build-dtb.sh kunit/dts/socmmu-test.dts "$out/tools/socmmu-test.dtb"

# What UML loads: the models and our drivers, nothing unloaded (the demo
# boots for one capture), kmemleak off (no scans to wait for).  The test
# DT has three cameras, so all three IOMMUs' models and drivers are loaded
# whichever camera captures.
{
	echo '!boot kmemleak=off vivid.node_types=0x1'
	echo 'socmmu_core stays'
	# The models' bus, clocks and PM domain live in the test bench.
	echo 'socmmu_testbench stays'
	echo 'socmmu_omap_model stays'
	echo 'socmmu_exynos_model stays'
	echo 'socmmu_msm_model stays'
	[ -e "$out/uml-6.12/socmmu_dma.ko" ] && echo 'socmmu_dma stays'
	echo 'socmmu_iommu stays'
	echo 'socmmu_omap_iommu stays'
	echo 'socmmu_exynos_iommu stays'
	echo 'socmmu_msm_iommu stays'
	echo 'socmmu_isp_model stays'
	echo 'socmmu_isp_example stays'
	# UML sees the tree as $SOCMMU_TOP, a path without spaces (run-tests.sh).
	echo "!run demo \$SOCMMU_TOP/isp-example/test/demo-capture.sh \$SOCMMU_TOP/out/demo/run $width $height $frames $camera"
} > "$out/modules.list"
rm -f "$out/run"/*

step "booting UML: capture with v4l2-ctl"
MODULES_LIST=$out/modules.list DTB=$out/tools/socmmu-test.dtb UML_TIME_LIMIT=300 \
	scripts/uml/run-tests.sh "$kdir" "$out/uml-6.12" "$out/tools/uml-helper" "$out/console.log"
if ! grep -q 'socmmu-demo: done' "$out/console.log"; then
	grep -E 'socmmu-demo|socmmu-harness|Oops|BUG|WARNING' "$out/console.log" | head -20
	echo "demo: the capture did not finish (see $out/console.log)"
	exit 1
fi

# The last frame, as a binary PPM (the capture is RGB24, which P6 is).
size=$((width * height * 3))
captured=$(( $(stat -c %s "$out/run/frames.rgb") / size ))
{ printf 'P6\n%d %d\n255\n' "$width" "$height"; tail -c "$size" "$out/run/frames.rgb"; } > "$out/frame.ppm"

stat() { awk -v k="$1" '$1 == k { print $2 }' "$out/run/stats.txt" "$out/run/status.txt"; }
sizes=
for s in 4k 64k 1m 16m; do
	n=$(stat "mmu_walks_$s")
	[ "${n:-0}" -gt 0 ] && sizes="$sizes ${s^^} ($n walks)"
done
[ -n "$sizes" ] || sizes=" none: no domain attached, MMU in bypass ($(stat mmu_bypassed) transfers)"

# The invalidation commands of this IOMMU, by the model's counters.
read -r full_name entry_name range_name <<< "$flushes"
tlb="$(stat mmu_full_flushes) $full_name, $(stat mmu_entry_flushes) $entry_name"
total=$(( $(stat mmu_full_flushes) + $(stat mmu_entry_flushes) ))
if [ "$range_name" != - ]; then
	tlb="$tlb, $(stat mmu_range_flushes) $range_name"
	total=$(( total + $(stat mmu_range_flushes) ))
fi

step "done"
cat <<REPORT

socmmu demo: example ISP behind $behind, Linux 6.12 UML
  frames captured          $captured of $frames (${width}x$height RGB24, v4l2-ctl --stream-mmap)
  frames with errors       $(stat frame_errors)
  IOMMU faults             $(stat mmu_faults)
  page sizes used          ${sizes# }
  TLB invalidations        $total ($tlb)
  runtime PM, ISP          $(stat power_ons) power-ons, $(stat power_offs) power-offs (now $(stat runtime_status_isp))
  runtime PM, IOMMU        $(stat mmu_power_ons) power-ons, $(stat mmu_power_offs) power-offs (now $(stat runtime_status_mmu))
  frame                    $out/frame.ppm ($camera, IOMMU $mmu)
  took                     $((SECONDS - t0)) s
REPORT
