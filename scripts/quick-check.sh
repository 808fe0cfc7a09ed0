#!/bin/bash
# A developer's loop: build the modules for one UML kernel and run a module
# list on it, without the rest of `make check`.  Needs the test kernels
# (`make kernels`); builds none itself.
#
#   scripts/quick-check.sh [KERNEL] [MODULES_LIST]
#
# KERNEL defaults to uml-6.12, MODULES_LIST to kunit/modules.list.
# KERNEL arm-6.12-virt runs the ARM runtime instead (QEMU virt, two CPUs;
# MODULES_LIST defaults to kunit/arm-modules.list).  A
# trimmed list (the first lines of kunit/modules.list up to what the change
# touches) keeps a run short.  Prints the summary's "N passed, N failed";
# the exit status is non-zero when anything failed.  `make check` remains
# the only verdict.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
target=${1:-uml-6.12}
default_list=$top/kunit/modules.list
[ "$target" = arm-6.12-virt ] && default_list=$top/kunit/arm-modules.list
list=$(realpath "${2:-$default_list}")
cache=${SOCMMU_CACHE:-${HOME:-/root}/.cache/socmmu}
kdir=$cache/build/$target
out=$top/out
moddir=$out/$target

[ -f "$kdir/Module.symvers" ] || { echo "quick-check: $kdir not built: run make kernels" >&2; exit 1; }
cd "$top"
mkdir -p "$out/tools" "$moddir" "$out/check"

if [ "$target" = arm-6.12-virt ]; then
	arm-linux-gnueabihf-gcc -static -O2 -Wall -Wextra -Werror -o "$out/tools/arm-init" \
		scripts/arm/arm-init.c
	if ! scripts/build-modules.sh "$kdir" "$moddir" ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf- \
			C=2 SOCMMU_WERROR=1 -j"$(nproc)" > "$moddir/build.log" 2>&1; then
		grep -E 'error|Error|ERROR|warning' "$moddir/build.log" | head -30
		echo "quick-check: build failed (see $moddir/build.log)"
		exit 1
	fi
	t0=$SECONDS
	MODULES_LIST=$list scripts/arm/run-tests.sh "$kdir" "$moddir" "$out/tools/arm-init" \
		"$moddir/console.log"
	echo "quick-check: boot and run took $((SECONDS - t0)) s"
	: > "$out/check/quick-results.txt"
	exec python3 scripts/ktap-summary.py --modules "$list" --checks "$out/check/quick-results.txt" \
		"$target=$moddir/console.log"
fi
gcc -static -O2 -Wall -Wextra -Werror -o "$out/tools/uml-helper" scripts/uml/uml-helper.c
gcc -static -O2 -Wall -Wextra -Werror -o "$out/tools/isp-test" isp-example/test/isp_test.c
gcc -shared -fPIC -O2 -Wall -Wextra -Werror -o "$out/tools/v4l2-compat-preload.so" \
	isp-example/test/v4l2-compat-preload.c -ldl
gcc -static -O2 -Wall -Wextra -Werror -o "$out/tools/rproc-test" remoteproc/test/rproc_test.c
scripts/build-firmware.sh "$out/tools/firmware"
scripts/build-dtb.sh kunit/dts/socmmu-test.dts "$out/tools/socmmu-test.dtb"

if ! scripts/build-modules.sh "$kdir" "$moddir" ARCH=um C=2 SOCMMU_WERROR=1 -j"$(nproc)" \
		> "$moddir/build.log" 2>&1; then
	grep -E 'error|Error|ERROR|warning' "$moddir/build.log" | head -30
	echo "quick-check: build failed (see $moddir/build.log)"
	exit 1
fi
awk -v dir="$moddir/" 'index($0, dir) == 1 && substr($0, length(dir) + 1) ~ /^[^:]+:[0-9]+(:[0-9]+)?: (warning|error):/' \
	"$moddir/build.log" | head -20

MODULES_LIST=$list DTB=$out/tools/socmmu-test.dtb \
	scripts/uml/run-tests.sh "$kdir" "$moddir" "$out/tools/uml-helper" "$moddir/console.log"
: > "$out/check/quick-results.txt"
python3 scripts/ktap-summary.py --modules "$list" --checks "$out/check/quick-results.txt" \
	"$target=$moddir/console.log"
