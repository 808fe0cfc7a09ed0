#!/bin/bash
# Boot the ARM runtime kernel (arm-6.12-virt) on QEMU's virt machine with
# two CPUs, load our modules from an initramfs and capture the console
# (kernel log, KTAP and the harness's markers) into LOG.
#
#   scripts/arm/run-tests.sh KDIR MODDIR INIT LOG
#
# KDIR: the arm-6.12-virt build; MODDIR: modules built against it; INIT:
# scripts/arm/arm-init.c built static for ARM.  MODULES_LIST (default
# kunit/arm-modules.list) names what to load, in the format of
# kunit/modules.list; of its directives only "!busy" and "!boot" have a
# meaning here ("!sleep" and "!run" need UML's models or user space and
# are refused).  The console log ends with "socmmu-harness: qemu exit N"
# or "socmmu-harness: qemu timed out"; scripts/ktap-summary.py reads it.
# ARM_QEMU_ARGS, when set, is added to QEMU's command line (word-split):
# e.g. "-monitor unix:/tmp/mon,server,nowait" to look at a hung run.
set -euo pipefail

kdir=$(realpath "$1") moddir=$(realpath "$2") init=$(realpath "$3")
log=$(realpath -m "$4")
top=$(cd "$(dirname "$0")/../.." && pwd)
list=${MODULES_LIST:-$top/kunit/arm-modules.list}
limit=${ARM_TIME_LIMIT:-900}
cpus=${ARM_CPUS:-2}
work=$(mktemp -d /tmp/socmmu-arm.XXXXXX)
trap 'rm -rf "$work"' EXIT

bad_line() {
	echo "arm/run-tests.sh: $list:$1: \"$2\": $3" >&2
	exit 1
}

zimage=$kdir/arch/arm/boot/zImage
gen_cpio=$kdir/usr/gen_init_cpio
[ -f "$zimage" ] || { echo "arm/run-tests.sh: no $zimage" >&2; exit 1; }
[ -x "$gen_cpio" ] || { echo "arm/run-tests.sh: no $gen_cpio (BLK_DEV_INITRD?)" >&2; exit 1; }

# The plan arm-init runs (scripts/arm/arm-init.c), and the initramfs: the
# kernel's gen_init_cpio makes /dev/console without root.
bootargs=()
plan=$work/plan
spec=$work/initramfs.spec
{
	echo "dir /dev 0755 0 0"
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "dir /proc 0755 0 0"
	echo "dir /sys 0755 0 0"
	echo "dir /modules 0755 0 0"
	echo "file /init $init 0755 0 0"
	echo "file /plan $plan 0644 0 0"
} > "$spec"
{
	echo "kmemleak-forget"
	unload=""
	number=0
	while read -r line; do
		number=$((number + 1))
		line=${line%%#*}
		read -r name after rest <<< "$line"
		[ -n "$name" ] || continue
		case "$name" in
		'!busy')
			[ -n "$after" ] && [ -z "$rest" ] || bad_line "$number" "$line" 'the directive is "!busy NAME"'
			echo "busy $after"
			continue ;;
		'!boot')
			[ -n "$after" ] || bad_line "$number" "$line" 'the directive is "!boot ARG..."'
			# shellcheck disable=SC2206
			bootargs+=($after $rest)
			continue ;;
		'!'*)
			bad_line "$number" "$line" "$name has no meaning on the ARM runtime" ;;
		esac
		case "$after" in
		unload | stays) ;;
		*) bad_line "$number" "$line" 'a module line is "NAME unload|stays [SUITE...]"' ;;
		esac
		[ -f "$moddir/$name.ko" ] || bad_line "$number" "$line" "no $moddir/$name.ko"
		echo "file /modules/$name.ko $moddir/$name.ko 0644 0 0" >> "$spec"
		echo "load $name"
		[ "$after" = unload ] && unload="$name $unload"
	done < "$list"
	for name in $unload; do
		echo "unload $name"
	done
	echo "kmemleak-report"
} > "$plan"
cp "$plan" "$(dirname "$log")/arm-plan.txt"
"$gen_cpio" "$spec" > "$work/initramfs.cpio"

# -no-reboot: a panic (panic=-1 reboots at once; oops=panic makes every
# oops one, so a test thread that died does not leave the run waiting for
# it until the time limit) ends QEMU instead of
# looping; arm-init's poweroff goes through PSCI and ends it too.
# highmem=off: a kernel without LPAE sees nothing above 4 GiB anyway.
# -nic none: the default NIC wants a boot ROM (ipxe-qemu) nothing here needs.
# kunit.enable=1: the board config leaves KUnit off until asked (allnoconfig
# turns KUNIT_DEFAULT_ENABLED off).
status=0
timeout --kill-after=10 "$limit" qemu-system-arm \
	-M virt,highmem=off -cpu cortex-a15 -smp "$cpus" -m 512M \
	-kernel "$zimage" -initrd "$work/initramfs.cpio" \
	-append "console=ttyAMA0 printk.time=0 oops=panic panic=-1 kunit.enable=1 ${bootargs[*]}" \
	-nic none -no-reboot -display none -monitor none -serial stdio ${ARM_QEMU_ARGS:-} \
	< /dev/null > "$log" 2>&1 || status=$?
if [ "$status" = 124 ] || [ "$status" = 137 ]; then
	echo "socmmu-harness: qemu timed out after $limit s" >> "$log"
else
	echo "socmmu-harness: qemu exit $status" >> "$log"
fi
