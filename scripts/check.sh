#!/bin/bash
# `make check`: everything, from a machine with nothing installed.
#
#  1. install the Debian packages we need;
#  2. prepare and build the five kernels (cached: see test-kernels.sh);
#  3. build our modules against each, with -Werror and sparse (C=2), and
#     check their objects (check-objects.sh); any compiler, sparse or
#     modpost warning in our files fails the check; checkpatch --strict
#     over our C (checkpatch.py);
#  4. boot each UML kernel, load the modules, collect KTAP and kernel
#     reports (uml/run-tests.sh); the reference kernel (uml-ref-6.12,
#     mainline's IOMMU drivers built in) boots three times: fidelity
#     (kunit/ref.list), takeover (kunit/ref-takeover.list) and the bench's
#     modules (kunit/ref-bench.list: it runs, its figures are not judged);
#     boot the ARM runtime kernel on QEMU's virt machine with two CPUs and
#     run the suites that need no model, and the SMP stress
#     (arm/run-tests.sh, kunit/arm-modules.list).  The kernels boot side
#     by side;
#  5. summarise (ktap-summary.py): the last line is "N passed, N failed",
#     and the exit status is non-zero when anything failed.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/out
results=$out/check/results.txt
uml_targets="uml-6.1 uml-6.12"
arm_targets="arm-6.1"
ref_target=uml-ref-6.12
# The ARM runtime: the 6.12 board kernel, bootable on QEMU virt.  It is
# also the 6.12 ARM build target: a separate arm-6.12 kernel would only
# lack the virt machine and the debugging options, and cost a cold run
# another kernel build.
arm_runtime=arm-6.12-virt
t_start=$SECONDS

cd "$top"
mkdir -p "$out/check" "$out/tools"
: > "$results"

record() { echo "$1 $2" >> "$results"; }
phase() { echo "check: [$((SECONDS - t_start)) s] $*"; }

bail() {
	echo "check: $*"
	echo "0 passed, 1 failed"
	exit 1
}

phase "host packages"
scripts/install-host-deps.sh || bail "could not install host packages"

phase "test kernels"
declare -A kdir
while read -r target dir; do
	kdir[$target]=$dir
done < <(scripts/test-kernels.sh $uml_targets $arm_targets $arm_runtime $ref_target)
for t in $uml_targets $arm_targets $arm_runtime $ref_target; do
	[ -n "${kdir[$t]:-}" ] || bail "kernel $t did not build"
done

phase "uml-helper, user-space tests and test device tree"
gcc -static -O2 -Wall -Wextra -Werror -o "$out/tools/uml-helper" scripts/uml/uml-helper.c ||
	bail "could not build uml-helper"
# The example camera's user-space tests ("!run" in kunit/modules.list).
gcc -static -O2 -Wall -Wextra -Werror -o "$out/tools/isp-test" isp-example/test/isp_test.c ||
	bail "could not build isp-test"
gcc -shared -fPIC -O2 -Wall -Wextra -Werror -o "$out/tools/v4l2-compat-preload.so" \
	isp-example/test/v4l2-compat-preload.c -ldl || bail "could not build v4l2-compat-preload.so"
# The remote processors' user-space tests and firmware (remoteproc/).
gcc -static -O2 -Wall -Wextra -Werror -o "$out/tools/rproc-test" remoteproc/test/rproc_test.c ||
	bail "could not build rproc-test"
scripts/build-firmware.sh "$out/tools/firmware" || bail "could not build the remote processors' firmware"
scripts/build-dtb.sh kunit/dts/socmmu-test.dts "$out/tools/socmmu-test.dtb" ||
	bail "could not build the test device tree"
scripts/build-dtb.sh kunit/dts/socmmu-ref.dts "$out/tools/socmmu-ref.dtb" ||
	bail "could not build the reference kernel's device tree"
scripts/build-dtb.sh kunit/dts/socmmu-ref-bench.dts "$out/tools/socmmu-ref-bench.dtb" ||
	bail "could not build the bench's device tree"
# Mainline's board device trees, by the 6.12 kernel's own cpp and dtc flow,
# for the board suite's boot (kunit/boards).
if scripts/build-board-dtb.sh "${kdir[uml-6.12]}/source" "${kdir[uml-6.12]}/scripts/dtc/dtc" \
		"$out/tools/socmmu-boards.dtb" > "$out/check/board-dtb.log" 2>&1; then
	record PASS "board-dtb"
else
	cat "$out/check/board-dtb.log"
	record FAIL "board-dtb: the boards did not compile (see $out/check/board-dtb.log)"
fi
# PID 1 of the ARM runtime's initramfs.
arm-linux-gnueabihf-gcc -static -O2 -Wall -Wextra -Werror -o "$out/tools/arm-init" \
	scripts/arm/arm-init.c || bail "could not build arm-init"

# Client drivers: the DMA layer's test client makes no IOMMU, DMA-layer or
# runtime-PM call; the example camera none but runtime PM on itself.
client_objects="kunit/dma/test_client.o"
camera_objects="isp-example/isp_example_shim.o isp-example/isp_hw.o isp-example/isp_format.o"

# Build our modules for one kernel and check the result.
build_and_check() {
	local target=$1 moddir=$out/$1 log=$out/$1/build.log
	local -a args=(C=2 SOCMMU_WERROR=1 -j"$(nproc)")
	local cross=

	case "$target" in
	uml-*) args+=(ARCH=um) ;;
	arm-*) cross=arm-linux-gnueabihf-; args+=(ARCH=arm CROSS_COMPILE=$cross) ;;
	esac

	mkdir -p "$moddir"
	if scripts/build-modules.sh "${kdir[$target]}" "$moddir" "${args[@]}" > "$log" 2>&1; then
		record PASS "modules-$target"
	else
		grep -E 'error|Error|ERROR' "$log" | head -20
		record FAIL "modules-$target: build failed (see $log)"
		return
	fi

	# g++ ignores C-only flags with a warning: the filter in
	# scripts/Makefile.cxx must know every one this kernel passes.
	if grep -q 'valid for C/ObjC but not for C++' "$log"; then
		grep 'valid for C/ObjC but not for C++' "$log" | sort -u | head
		record FAIL "cxx-flags-$target: C-only flags reached g++"
	else
		record PASS "cxx-flags-$target"
	fi

	# Sparse (C=2) and compiler diagnostics in our files, modpost's anywhere.
	local diags
	# (The path is matched as a fixed string: it may hold regex characters.)
	diags=$(awk -v dir="$moddir/" 'index($0, dir) == 1 && substr($0, length(dir) + 1) ~ /^[^:]+:[0-9]+(:[0-9]+)?: (warning|error):/ || /(WARNING|ERROR): modpost/' "$log")
	if [ -n "$diags" ]; then
		echo "$diags" | head -20
		record FAIL "diagnostics-$target: $(echo "$diags" | wc -l) warnings in our files"
	else
		record PASS "diagnostics-$target"
	fi

	if scripts/check-objects.sh "${kdir[$target]}" "$moddir" "$cross"; then
		record PASS "objects-$target"
	else
		record FAIL "objects-$target: see above"
	fi

	# Client drivers use the DMA API only (the test bench exists on UML).
	case "$target" in
	uml-*)
		# The reference kernel has no V4L2: no camera there.
		if scripts/check-client-symbols.sh --no-pm "$moddir" $client_objects &&
		   { [ "$target" = "$ref_target" ] ||
		     scripts/check-client-symbols.sh "$moddir" $camera_objects; }; then
			record PASS "client-symbols-$target"
		else
			record FAIL "client-symbols-$target: see above"
		fi
		# ...and the check can fail: the suites themselves call the IOMMU.
		if scripts/check-client-symbols.sh --no-pm "$moddir" kunit/dma/dma_test.o > /dev/null; then
			record FAIL "client-symbols-selftest-$target: accepted kunit/dma/dma_test.o"
		else
			record PASS "client-symbols-selftest-$target"
		fi
		;;
	esac
}

# The object checks must be able to fail: build an object that breaks
# every rule and expect check-objects.sh to name each breach.
selftest_object_checks() {
	local target=$1 dir=$out/selftest-$1 report
	local -a args=(SOCMMU_SELFTEST=1)
	local cross= expect="load-time constructors|_Znw"

	case "$target" in
	uml-*) args+=(ARCH=um) ;;
	arm-*) cross=arm-linux-gnueabihf-; expect="$expect|__aeabi_uldivmod"
	       args+=(ARCH=arm CROSS_COMPILE=$cross) ;;
	esac
	if ! GOAL=scripts/selftest/bad_cxx.o scripts/build-modules.sh "${kdir[$target]}" "$dir" \
			"${args[@]}" > "$dir.log" 2>&1; then
		record FAIL "checker-selftest-$target: could not build the bad object (see $dir.log)"
		return
	fi
	if report=$(OBJECTS_ONLY=1 scripts/check-objects.sh "${kdir[$target]}" "$dir" "$cross"); then
		record FAIL "checker-selftest-$target: check-objects.sh accepted a bad object"
		return
	fi
	local IFS='|' word
	for word in $expect; do
		if ! grep -q -- "$word" <<< "$report"; then
			record FAIL "checker-selftest-$target: check-objects.sh missed $word"
			return
		fi
	done
	record PASS "checker-selftest-$target"
}

for t in $uml_targets $arm_targets $arm_runtime $ref_target; do
	phase "modules for $t"
	build_and_check "$t"
done
for t in uml-6.12 arm-6.1; do
	phase "object-check self-test on $t"
	selftest_object_checks "$t"
done

# What a vendor's ARM kernel tree gets: make modules_install, dkms.conf and
# dkms itself (scripts/check-install.sh), against the 6.12 board kernel.
phase "modules_install and DKMS on $arm_runtime"
if [ -f "$out/$arm_runtime/socmmu_core.ko" ] &&
   scripts/check-install.sh "${kdir[$arm_runtime]}" "$out/$arm_runtime" arm-linux-gnueabihf-; then
	record PASS "install-$arm_runtime"
else
	record FAIL "install-$arm_runtime: see above"
fi

# Kernel style for our C: checkpatch --strict of the 6.12 tree over every C
# file and every header C reads; exceptions, each with its reason, in
# scripts/checkpatch.py and Documentation/testing.rst.
phase "checkpatch --strict"
checkpatch=${kdir[uml-6.12]}/source/scripts/checkpatch.pl
if scripts/checkpatch.py "$checkpatch" > "$out/check/checkpatch.log" 2>&1; then
	record PASS "checkpatch"
else
	cat "$out/check/checkpatch.log"
	record FAIL "$(tail -1 "$out/check/checkpatch.log") (see $out/check/checkpatch.log)"
fi
# ...and it can fail: a file that breaks the rules, with a cast and a NULL
# comparison that no exception may excuse.
report=$(scripts/checkpatch.py "$checkpatch" scripts/selftest/bad_checkpatch.c 2>&1)
if [ $? -eq 0 ] || ! grep -q COMPARISON_TO_NULL <<< "$report" || ! grep -q SPACING <<< "$report"; then
	echo "$report"
	record FAIL "checkpatch-selftest: scripts/checkpatch.py accepted or misread a bad file"
else
	record PASS "checkpatch-selftest"
fi

# Documentation/ builds with docutils, warnings included; and the check
# refuses a page with a malformed table.
phase "documentation"
if scripts/check-docs.py > "$out/check/docs.log" 2>&1; then
	record PASS "docs"
else
	cat "$out/check/docs.log"
	record FAIL "docs: $(tail -1 "$out/check/docs.log")"
fi
if scripts/check-docs.py scripts/selftest/bad_doc.rst > /dev/null 2>&1; then
	record FAIL "docs-selftest: scripts/check-docs.py accepted a malformed table"
else
	record PASS "docs-selftest"
fi

# The boots.  A UML boot keeps about half a core busy: its suites wait on
# timers, autosuspend delays and kmemleak's scans (uml-6.1's took 150 s of
# wall time for 71 s of CPU).  So the kernels boot side by side, in three
# chains of one boot after another: uml-6.1; uml-6.12 and its boards; the
# reference kernel's three lists and then the ARM runtime.  Each boot has
# its own console log and work directory; nothing else is shared.

boot_uml() {
	local t=$1
	phase "KUnit on $t"
	if [ -f "$out/$t/socmmu_core.ko" ]; then
		DTB=$out/tools/socmmu-test.dtb \
			scripts/uml/run-tests.sh "${kdir[$t]}" "$out/$t" "$out/tools/uml-helper" "$out/$t/console.log"
	fi
	# The mainline boards: a boot of their own, with their tree, on 6.12.
	# 6.1's kmemleak cannot scan the unflattened tree: the boards' 48,000
	# sysfs names boot as suspects, and one that a stale reference hid from
	# the harness's clear was reported at the end of a run.
	[ "$t" = uml-6.12 ] || return 0
	phase "board device trees on $t"
	if [ -f "$out/$t/socmmu_core.ko" ] && [ -f "$out/tools/socmmu-boards.dtb" ]; then
		MODULES_LIST=$top/kunit/boards/modules.list DTB=$out/tools/socmmu-boards.dtb \
			scripts/uml/run-tests.sh "${kdir[$t]}" "$out/$t" "$out/tools/uml-helper" \
			"$out/$t/console-boards.log"
	fi
}

# `make bench` runs: every row printed figures, none failed.
soc_bench_rows() {
	local d
	for d in exynos-v5 msm; do
		grep -q "^bench $d map+unmap 64M in 4K: socmmu" "$1" &&
		grep -q "^bench $d map+unmap mixed 4K..16M: socmmu" "$1" &&
		grep -q "^bench $d tlb-invalidations per 64M unmap: socmmu" "$1" || return 1
	done
}

# The reference kernel: one boot per list, each summarised against its own.
boot_ref() {
	local run log dtb bench_log=$out/$ref_target/console-ref-bench.log
	for run in ref ref-takeover ref-bench; do
		phase "reference kernel: kunit/$run.list"
		log=$out/$ref_target/console-$run.log
		dtb=$out/tools/socmmu-ref.dtb
		# The bench's Exynos and MSM rows need instance pairs of their own.
		[ "$run" = ref-bench ] && dtb=$out/tools/socmmu-ref-bench.dtb
		if [ -f "$out/$ref_target/socmmu_core.ko" ]; then
			MODULES_LIST=$top/kunit/$run.list DTB=$dtb \
				scripts/uml/run-tests.sh "${kdir[$ref_target]}" "$out/$ref_target" \
				"$out/tools/uml-helper" "$log"
		fi
	done
	if grep -q '^bench omap map+unmap 64M in 4K: socmmu' "$bench_log" 2>/dev/null &&
	   grep -q '^bench omap tlb-writes' "$bench_log" && grep -q '^bench map_sg 256x4K' "$bench_log" &&
	   grep -q '^bench v7s map+unmap 64M in 4K: socmmu' "$bench_log" &&
	   grep -q '^bench v7s map+unmap mixed 4K..16M: socmmu' "$bench_log" &&
	   soc_bench_rows "$bench_log" &&
	   ! grep -q '^bench .*failed' "$bench_log"; then
		record PASS "bench-runs"
	else
		record FAIL "bench-runs: a row of kunit/ref-bench.list printed no figures (see $bench_log)"
	fi
}

boot_arm() {
	local t_arm=$SECONDS
	phase "KUnit on $arm_runtime (QEMU virt, 2 CPUs)"
	if [ -f "$out/$arm_runtime/socmmu_core.ko" ]; then
		scripts/arm/run-tests.sh "${kdir[$arm_runtime]}" "$out/$arm_runtime" "$out/tools/arm-init" \
			"$out/$arm_runtime/console.log"
	fi
	phase "$arm_runtime: boot and run took $((SECONDS - t_arm)) s"
}

phase "boots, side by side"
boots=()
for t in $uml_targets; do
	boot_uml "$t" &
	boots+=("$!")
done
{ boot_ref; boot_arm; } &
boots+=("$!")
for p in "${boots[@]}"; do
	wait "$p"
done
phase "boots done"

runs=()
for t in $uml_targets; do
	runs+=("$t=$out/$t/console.log")
done
board_runs=(--run kunit/boards/modules.list "uml-6.12-boards=$out/uml-6.12/console-boards.log")
ref_runs=()
for run in ref ref-takeover ref-bench; do
	ref_runs+=(--run "kunit/$run.list" "$ref_target/$run=$out/$ref_target/console-$run.log")
done
arm_runs=(--run kunit/arm-modules.list "$arm_runtime=$out/$arm_runtime/console.log")

phase "summary self-test"
if python3 scripts/selftest/ktap_summary_test.py > "$out/check/summary-selftest.log" 2>&1; then
	record PASS "summary-selftest"
else
	cat "$out/check/summary-selftest.log"
	record FAIL "summary-selftest: ktap-summary.py miscounts (see above)"
fi

phase "summary (console logs in out/<kernel>/console.log)"
python3 scripts/ktap-summary.py --modules kunit/modules.list --checks "$results" \
	"${board_runs[@]}" "${ref_runs[@]}" "${arm_runs[@]}" "${runs[@]}"
