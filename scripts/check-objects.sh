#!/bin/bash
# Check what the compiler and linker left in our objects.
#
#   scripts/check-objects.sh KDIR MODDIR [CROSS_COMPILE]
#
# 1. No C++ object may carry constructors or destructors to run at load
#    (.init_array/.ctors/.fini_array/.dtors): the module loader runs them
#    only under CONFIG_CONSTRUCTORS, so they would silently never run.
# 2. No C++ object may need the C++ runtime or libgcc: __cxa_* (but our own
#    __cxa_pure_virtual), _Unwind_*, the personality routine, or 64-bit
#    division helpers (__aeabi_uldivmod, __udivdi3, ...).
# 3. Every undefined symbol of every module must be exported by the kernel
#    (its Module.symvers) or by one of our modules.  modpost checks this
#    too; this says which object and why, in one place, for all kernels.
set -uo pipefail

kdir=$1 moddir=$2 cross=${3:-}
fail=0

say() { echo "check-objects: $*"; }

# _Znwm/_Znwj and friends: throwing operator new, which nobody defines.
forbidden='^(__cxa_(?!pure_virtual$).*|_Unwind_.*|__gxx_personality.*|_ZSt.*|_Zn[wa][mj]|__aeabi_(ul|l)divmod|__(u)?(div|mod)di3|__(u)?divti3)$'

# Every C++ object this kernel's build made (the KUnit modules are UML-only).
while IFS= read -r src; do
	obj=${src%.cpp}.o
	[ -f "$obj" ] || continue
	ctor_sections=$("${cross}objdump" -h "$obj" |
		awk '$2 ~ /^\.(init_array|ctors|fini_array|dtors)/ && $3 !~ /^0+$/ { print $2 " (" $3 ")" }')
	if [ -n "$ctor_sections" ]; then
		say "$obj: has load-time constructors/destructors: $ctor_sections"
		fail=1
	fi
	runtime_refs=$("${cross}nm" -u "$obj" | awk '{ print $2 }' | grep -P "$forbidden")
	if [ -n "$runtime_refs" ]; then
		say "$obj: needs the C++ runtime or libgcc: $(echo $runtime_refs)"
		fail=1
	fi
done < <(if [ "${OBJECTS_ONLY:-0}" = 1 ]; then
		 find "$moddir/scripts/selftest" -name '*.cpp'
	 else
		 find "$moddir" -name '*.cpp' -not -path "$moddir/scripts/*"
	 fi)

# OBJECTS_ONLY=1: the self-test's objects, which are never linked.
[ "${OBJECTS_ONLY:-0}" = 1 ] && exit $fail

exported=$(mktemp)
trap 'rm -f "$exported"' EXIT
awk '{ print $2 }' "$kdir/Module.symvers" "$moddir/Module.symvers" | sort -u > "$exported"
for ko in "$moddir"/*.ko; do
	[ -f "$ko" ] || { say "no modules in $moddir"; fail=1; break; }
	missing=$("${cross}nm" -u "$ko" | awk '{ print $2 }' | sort -u | comm -23 - "$exported")
	if [ -n "$missing" ]; then
		say "$(basename "$ko"): undefined and exported by nobody: $(echo $missing)"
		fail=1
	fi
done

exit $fail
