#!/bin/bash
# Prepare, configure and build the kernels we build and test against.
#
#   scripts/test-kernels.sh [TARGET...]
#
# TARGET: uml-6.1 uml-6.12 arm-6.1 arm-6.12-virt (the default: the modules
# are built against all four), arm-6.12 (the 6.12 board kernel without the
# virt machine and debugging; nothing builds it by default, because
# arm-6.12-virt is that kernel plus them and a cold run must not pay for
# both) or uml-ref-6.12 (the reference kernel: mainline's IOMMU drivers
# built in, no debug options).  arm-6.12-virt boots on QEMU's virt machine
# with lock debugging: the ARM runtime tests boot it (scripts/arm/run-tests.sh).
#
# Sources come from Debian's linux-source-* packages, get the patches in
# scripts/kernel-patches/<version>/ and are built out of tree (O=) into
# $SOCMMU_CACHE (default ~/.cache/socmmu).  Every step is keyed by a stamp
# over its inputs, so a warm run does nothing and a changed patch, config
# fragment or toolchain rebuilds exactly what depends on it.
#
# uml-ref-6.12, the reference kernel (Documentation/reference.rst), is not
# built by default: mainline's OMAP, Exynos and MSM IOMMU drivers built in,
# no debugging options.  Its source is a tree of its own that also gets
# kernel-patches/6.12-ref/, so the test kernels' stamps do not see those.
#
# Prints "TARGET KDIR" for every target on stdout; logs go to stderr.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=${SOCMMU_CACHE:-${HOME:-/root}/.cache/socmmu}
jobs=${JOBS:-$(nproc)}
all_targets="uml-6.1 uml-6.12 arm-6.1 arm-6.12-virt"
known_targets="$all_targets arm-6.12 uml-ref-6.12"

log() { echo "test-kernels: $*" >&2; }
die() { log "error: $*"; exit 1; }

stamp_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

# $1: the output of bash's `times`.  Prints the CPU seconds (user +
# system) of the shell's finished children.  A cold run's cost is CPU time
# over the cores: wall time on a shared machine says little about CI's.
# (`times` itself must run in the building shell, not in a command
# substitution's, which would count only its own children.)
children_cpu_seconds() {
	tail -1 "$1" | awk '{
		t = 0
		for (i = 1; i <= 2; i++) {
			split($i, ms, "m"); sub("s", "", ms[2]); t += ms[1] * 60 + ms[2]
		}
		printf "%d\n", t
	}'
}

# $1: kernel version (6.1, 6.12), $2: optional flavour ("ref"), whose
# patches in kernel-patches/<version>-<flavour>/ go on top, in a source
# tree of its own.  Unpacks and patches the source once.
prepare_source() {
	local ver=$1 flavour=${2:-}
	local tarball=/usr/src/linux-source-$ver.tar.xz
	local src=$cache/src/linux-source-$ver${flavour:+-$flavour}
	local pkgver stamp
	local -a patches=("$here"/kernel-patches/"$ver"/*.patch)

	[ -z "$flavour" ] || patches+=("$here"/kernel-patches/"$ver-$flavour"/*.patch)
	[ -f "$tarball" ] || die "$tarball missing: run scripts/install-host-deps.sh"
	pkgver=$(dpkg-query -W -f='${Version}' "linux-source-$ver")
	stamp=$( { echo "$pkgver"; cat "${patches[@]}"; } | sha256sum | cut -d' ' -f1)
	if [ "$(cat "$src/.socmmu-stamp" 2>/dev/null)" = "$stamp" ]; then
		echo "$src"
		return
	fi

	log "unpacking linux-source-$ver ($pkgver)"
	rm -rf "$src" "$src.tmp"
	mkdir -p "$src.tmp"
	tar -xf "$tarball" -C "$src.tmp" --strip-components=1
	for p in "${patches[@]}"; do
		log "applying $(basename "$p")"
		patch -d "$src.tmp" -p1 --quiet --forward < "$p" >&2
	done
	echo "$stamp" > "$src.tmp/.socmmu-stamp"
	mv "$src.tmp" "$src"
	echo "$src"
}

# $1: .config, rest: fragments.  Fails when a requested symbol did not
# survive allnoconfig (a hidden symbol nobody selects, a typo, a changed
# dependency): a silently dropped option would leave us testing less.
verify_config() {
	local config=$1 frag line sym want got bad=0
	shift
	for frag in "$@"; do
		while IFS= read -r line; do
			case "$line" in
			CONFIG_*=*)
				sym=${line%%=*}; want=${line#*=} ;;
			"# CONFIG_"*" is not set")
				sym=${line#\# }; sym=${sym%% *}; want=n ;;
			*) continue ;;
			esac
			got=$(grep -E "^$sym=" "$config" | cut -d= -f2- || true)
			[ -n "$got" ] || got=n
			if [ "$got" != "$want" ]; then
				log "$(basename "$frag"): $sym wanted $want, got $got"
				bad=1
			fi
		done < "$frag"
	done
	return $bad
}

# $1: target.  Configures and builds the kernel, prints its build dir.
build_target() {
	local target=$1 arch=${1%%-*} ver=${1#*-} flavour=
	ver=${ver%-virt}
	ver=${ver#ref-}
	local src out stamp
	local -a make_args frags goals

	case "$target" in
	uml-6.1 | uml-6.12)
		make_args=(ARCH=um)
		goals=(all)
		frags=("$here/kernel-configs/uml.config" "$here/kernel-configs/uml-$ver.config") ;;
	uml-ref-6.12)
		make_args=(ARCH=um)
		goals=(all)
		flavour=ref
		frags=("$here/kernel-configs/uml-ref-$ver.config") ;;
	arm-6.1 | arm-6.12)
		make_args=(ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf-)
		# Not "all": on ARM it also compiles every enabled board's
		# device trees (130-155 of them), which nothing here uses.
		goals=(vmlinux modules)
		frags=("$here/kernel-configs/arm.config" "$here/kernel-configs/arm-$ver.config") ;;
	arm-6.12-virt)
		make_args=(ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf-)
		# QEMU boots the zImage and builds its own device tree.
		goals=(zImage modules)
		frags=("$here/kernel-configs/arm.config" "$here/kernel-configs/arm-$ver.config"
		       "$here/kernel-configs/arm-virt.config") ;;
	*) die "unknown target $target (want one of: $known_targets)" ;;
	esac

	src=$(prepare_source "$ver" "$flavour")
	out=$cache/build/$target
	# The tree: source, patches and compiler.  A change here starts over.
	tree_stamp=$( { cat "$src/.socmmu-stamp"; echo "${make_args[*]}";
			if [ "$arch" = arm ]; then arm-linux-gnueabihf-gcc --version; else gcc --version; fi; } |
		      sha256sum | cut -d' ' -f1)
	# The configuration.  A change here rebuilds incrementally: Kbuild
	# recompiles only what depends on the options that changed.
	stamp=$( { echo "$tree_stamp"; cat "${frags[@]}"; echo allnoconfig; } | sha256sum | cut -d' ' -f1)
	if [ "$(cat "$out/.socmmu-stamp" 2>/dev/null)" = "$stamp" ] && [ -f "$out/Module.symvers" ]; then
		echo "$out"
		return
	fi
	if [ "$(cat "$out/.socmmu-tree-stamp" 2>/dev/null)" != "$tree_stamp" ]; then
		rm -rf "$out"
		mkdir -p "$out"
		echo "$tree_stamp" > "$out/.socmmu-tree-stamp"
	fi
	rm -f "$out/.socmmu-stamp"

	log "configuring $target"
	cat "${frags[@]}" > "$out/socmmu.fragment"
	# allnoconfig with the fragment's values forced (Kconfig's own way):
	# every kernel holds what its fragments ask for and what that selects.
	make -s -C "$src" O="$out" "${make_args[@]}" \
		KCONFIG_ALLCONFIG="$out/socmmu.fragment" allnoconfig >&2
	verify_config "$out/.config" "${frags[@]}" || die "$target: config fragment not honoured"

	log "building $target with $jobs jobs (a cold build takes minutes)"
	local t0=$SECONDS cpu0
	times > "$out/.times"
	cpu0=$(children_cpu_seconds "$out/.times")
	if ! make -s -C "$src" O="$out" "${make_args[@]}" -j"$jobs" "${goals[@]}" > "$out/build.log" 2>&1; then
		tail -40 "$out/build.log" >&2
		die "$target: kernel build failed (full log: $out/build.log)"
	fi
	[ -f "$out/Module.symvers" ] || die "$target: no Module.symvers after build"
	times > "$out/.times"
	log "built $target in $((SECONDS - t0)) s ($(($(children_cpu_seconds "$out/.times") - cpu0)) s of CPU)"
	rm -f "$out/.times"
	echo "$stamp" > "$out/.socmmu-stamp"
	echo "$out"
}

# $1: target.  Prints its source's version and flavour.
source_of() {
	local ver=${1#*-}
	ver=${ver%-virt}
	case "$1" in
	uml-ref-*) echo "${ver#ref-} ref" ;;
	*) echo "$ver" ;;
	esac
}

targets=${*:-$all_targets}
for t in $targets; do
	case " $known_targets " in
	*" $t "*) ;;
	*) die "unknown target $t (want one of: $known_targets)" ;;
	esac
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Sources first: targets share them (uml-6.12 and arm-6.12-virt), and
# each is unpacked once.  Distinct sources unpack side by side.
pids=()
for s in $(for t in $targets; do source_of "$t" | tr ' ' '-'; done | sort -u); do
	prepare_source "${s%%-*}" "$(echo "$s" | cut -s -d- -f2)" > /dev/null &
	pids+=("$!")
done
for p in "${pids[@]}"; do
	wait "$p" || die "a kernel source could not be prepared"
done

# Then every kernel at once, each with $jobs jobs.  One build alone keeps
# two cores busy only while it compiles: its configuration, link, modpost
# and the directory walks between are serial, and a cold run of five
# kernels one after the other left a fifth of the CPU idle.  Side by side,
# one's serial steps run on the cores another's compiles leave.
pids=()
for t in $targets; do
	build_target "$t" > "$tmp/$t" &
	pids+=("$!")
done
status=0
for p in "${pids[@]}"; do
	wait "$p" || status=1
done
[ $status -eq 0 ] || die "a kernel did not build (its error is above)"
for t in $targets; do
	echo "$t $(cat "$tmp/$t")"
done
