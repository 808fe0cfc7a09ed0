#!/bin/bash
# Build our modules against one kernel build tree, out of the source tree.
#
#   scripts/build-modules.sh KDIR OUTDIR [make arguments...]
#
# GOAL (default: modules) picks what to make, e.g. a single object.
#
# Kbuild puts objects next to the sources of an external module, and we
# build the same sources for four kernels.  So each build gets its own
# OUTDIR holding a tree of symlinks to our sources; objects land there and
# the source tree stays clean.  Symlinks keep make's timestamps those of the
# real files, so incremental builds work.
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: $0 KDIR OUTDIR [make args]" >&2; exit 2; }
kdir=$1
out=$2
shift 2

top=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$kdir/Module.symvers" ] || {
	echo "build-modules: $kdir is not a built kernel tree (no Module.symvers)" >&2
	exit 1
}

mkdir -p "$out"
out=$(cd "$out" && pwd)
for entry in Kbuild scripts lib iommu dma remoteproc isp-example kunit; do
	[ -e "$top/$entry" ] && cp -rs --remove-destination "$top/$entry" "$out/"
done
# Sources deleted since the last build leave dangling links behind.
find "$out" -xtype l -delete

# M= is one make word, and Kbuild refuses a module directory with a space,
# a colon or a '%'.  Such an OUTDIR (a checkout path with a space) is built
# through a symlink of a space-free name, the same on every run so that
# the paths Kbuild records in .cmd files do not change; compiler and
# sparse messages are given back OUTDIR's name, which the checks look for.
if [[ $out =~ ^[A-Za-z0-9_./+,@-]+$ ]]; then
	make -C "$kdir" M="$out" "$@" "${GOAL:-modules}"
else
	alias=/tmp/socmmu-build-$(id -u)-$(printf '%s' "$out" | sha1sum | cut -c1-16)
	if [ -e "$alias" ] && [ ! -L "$alias" ]; then
		echo "build-modules: $alias exists and is not our symlink" >&2
		exit 1
	fi
	ln -sfn "$out" "$alias"
	replacement=$(printf '%s' "$out" | sed -e 's/[\\|&]/\\&/g')
	make -C "$kdir" M="$alias" "$@" "${GOAL:-modules}" 2>&1 | sed -e "s|$alias|$replacement|g"
fi

# A module dropped from Kbuild leaves its old .ko behind: remove it, so
# nothing checks or loads a module the sources no longer build.
if [ "${GOAL:-modules}" = modules ]; then
	for ko in "$out"/*.ko; do
		[ -e "$ko" ] || continue
		name=$(basename "$ko" .ko)
		grep -Eq "(^|/)$name\.(o|ko)\$" "$out/modules.order" || rm -f "$ko"
	done
fi
