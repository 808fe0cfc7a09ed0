#!/bin/bash
# What a vendor's kernel tree gets: `make modules_install` and DKMS, against
# one built kernel whose modules `make check` already built in MODDIR.
#
#   scripts/check-install.sh KDIR MODDIR [CROSS_COMPILE]
#
#  1. make modules_install INSTALL_MOD_PATH=<temporary>: every module of
#     MODDIR/modules.order lands in lib/modules/<release>/updates/, depmod
#     knows each driver's dependencies, and each compatible of our drivers'
#     tables resolves to its driver (autoloading from the device tree);
#  2. dkms.conf, read as dkms reads it for this kernel, lists exactly the
#     drivers Kbuild built here (modules with no object under kunit/);
#  3. with dkms installed: dkms add, build and install in private trees
#     (nothing of the system's is touched), and exactly those drivers are
#     installed.
# Prints what failed and exits non-zero; quiet on success but for a summary.
set -uo pipefail

[ $# -ge 2 ] || { echo "usage: $0 KDIR MODDIR [CROSS_COMPILE]" >&2; exit 2; }
top=$(cd "$(dirname "$0")/.." && pwd)
kdir=$(realpath "$1") moddir=$(realpath "$2") cross=${3:-}
arch=$(sed -n 's/^CONFIG_ARM=y$/arm/p; s/^CONFIG_UML=y$/um/p' "$kdir/.config" | head -1)
release=$(cat "$kdir/include/config/kernel.release")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

fail() {
	echo "check-install: $*"
	failed=1
}

# Drivers: modules of MODDIR none of whose objects is a test's.
drivers=()
all=()
while read -r obj; do
	name=$(basename "$obj" .o)
	name=${name%.ko}
	all+=("$name")
	grep -q '/kunit/' "$moddir/$name.mod" || drivers+=("$name")
done < "$moddir/modules.order"
[ ${#drivers[@]} -gt 0 ] || fail "no drivers in $moddir/modules.order"

# 1. make modules_install.
inst=$work/root
if ! make -C "$top" -s modules_install KDIR="$kdir" OUT="$moddir" ARCH="$arch" \
		${cross:+CROSS_COMPILE=$cross} INSTALL_MOD_PATH="$inst" > "$work/install.log" 2>&1; then
	cat "$work/install.log"
	fail "make modules_install failed"
fi
lib=$inst/lib/modules/$release
for m in "${all[@]}"; do
	[ -f "$lib/updates/$m.ko" ] || fail "modules_install: no updates/$m.ko"
done
[ -f "$lib/modules.dep" ] || fail "modules_install: depmod made no modules.dep"
# Each driver loads after what it needs, which comes first in the list.
for m in "${drivers[@]}"; do
	deps=$(modprobe -d "$inst" -S "$release" --show-depends "$m" 2>&1 | awk '{print $2}' |
	       xargs -rn1 basename | tr '\n' ' ')
	case "$deps" in
	"$m.ko "|socmmu_core.ko*"$m.ko ") ;;
	*) fail "modprobe --show-depends $m: '$deps'" ;;
	esac
done
# Each compatible in our drivers' tables autoloads its driver.
for shim in "$top"/iommu/*/*_shim.c; do
	driver=socmmu_$(basename "$shim" _shim.c)
	[ -f "$lib/updates/$driver.ko" ] || continue
	for compat in $(sed -n 's/.*\.compatible = "\([^"]*\)".*/\1/p' "$shim"); do
		got=$(modprobe -d "$inst" -S "$release" -R "of:NiommuT(null)C$compat" 2>/dev/null)
		[ "$got" = "$driver" ] || fail "the alias of $compat is '$got', not $driver"
	done
done

# 2. dkms.conf as dkms reads it (a bash source, with these variables set).
listed=$(kernel_source_dir=$kdir kernelver=$release dkms_tree=/nonexistent bash -c '
	set -e
	. "$1/dkms.conf"
	[ -n "$PACKAGE_NAME" ] && [ -n "$PACKAGE_VERSION" ] && [ -n "${MAKE[0]}" ]
	for i in "${!BUILT_MODULE_NAME[@]}"; do
		case "${DEST_MODULE_LOCATION[i]}" in /updates*|/extra*) ;; *) exit 1 ;; esac
		echo "${BUILT_MODULE_NAME[i]}"
	done' bash "$top") || fail "dkms.conf does not read as dkms reads it"
want=$(printf '%s\n' "${drivers[@]}" | sort)
if [ "$(sort <<< "$listed")" != "$want" ]; then
	fail "dkms.conf lists $(echo $listed) for $release; Kbuild builds $(echo $want)"
fi

# 3. dkms itself, in trees of its own.
if command -v dkms > /dev/null; then
	version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$top/dkms.conf")
	src=$work/src/socmmu-$version
	trees=(--sourcetree "$work/src" --dkmstree "$work/dkms" --installtree "$work/dkms-root")
	mkdir -p "$src" "$work/dkms" "$work/dkms-root/$release"
	(cd "$top" && cp -r Kbuild Makefile dkms.conf lib iommu dma remoteproc isp-example kunit \
		scripts "$src/")
	if ! { dkms add -m socmmu -v "$version" "${trees[@]}" &&
	       ARCH=$arch CROSS_COMPILE=$cross dkms build -m socmmu -v "$version" -k "$release" \
			--kernelsourcedir "$kdir" "${trees[@]}" &&
	       dkms install -m socmmu -v "$version" -k "$release" --kernelsourcedir "$kdir" \
			--no-depmod "${trees[@]}"; } > "$work/dkms.log" 2>&1; then
		tail -20 "$work/dkms.log"
		find "$work/dkms" -name make.log -exec tail -20 {} \;
		fail "dkms add/build/install failed"
	fi
	got=$(find "$work/dkms-root/$release" -name '*.ko*' -printf '%f\n' | sed 's/\.ko.*//' | sort)
	[ "$got" = "$want" ] || fail "dkms installed $(echo $got); expected $(echo $want)"
else
	fail "dkms is not installed (scripts/install-host-deps.sh installs it)"
fi

[ $failed -eq 0 ] && echo "check-install: $release ($arch): ${#all[@]} modules installed," \
	"${#drivers[@]} drivers, dkms.conf and dkms agree"
exit $failed
