#!/bin/bash
# The mainline board device trees of kunit/boards/boards.list, compiled
# from a kernel source with the kernel's own flow (its cpp flags, its dtc,
# its DTC_FLAGS), merged into one blob for the board suite's UML boot
# (scripts/board-dts.py, Documentation/board-dts.rst).
#
#   scripts/build-board-dtb.sh KSRC DTC OUT.dtb
#
# KSRC: a kernel source tree (6.12 layout: arch/arm/boot/dts/<vendor>/);
# DTC: that kernel's scripts/dtc/dtc, as its build made it.
set -euo pipefail

[ $# -eq 3 ] || { echo "usage: $0 KSRC DTC OUT.dtb" >&2; exit 2; }
ksrc=$1 dtc=$2 out=$3
top=$(cd "$(dirname "$0")/.." && pwd)
dts=$ksrc/arch/arm/boot/dts
inc=$ksrc/scripts/dtc/include-prefixes
# scripts/Makefile.dtbs (6.12), W= unset.
flags=(-Wno-unique_unit_address -Wno-unit_address_vs_reg -Wno-avoid_unnecessary_addr_size
       -Wno-alias_paths -Wno-graph_child_address -Wno-simple_bus_reg)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
boards=()
while read -r board _; do
	case "$board" in ''|'#'*) continue ;; esac
	src=$dts/$board.dts
	name=$(basename "$board")
	[ -f "$src" ] || { echo "build-board-dtb: no $src" >&2; exit 1; }
	gcc -E -nostdinc -I "$inc" -undef -D__DTS__ -x assembler-with-cpp \
		-o "$work/$name.pre" "$src"
	# The board as the kernel builds it, and its final tree as source.
	"$dtc" -q -O dtb -o "$work/$name.dtb" -b 0 -i "$(dirname "$src")" -i "$inc" \
		"${flags[@]}" "$work/$name.pre"
	"$dtc" -q -O dts -o "$work/$name.dts" -b 0 -i "$(dirname "$src")" -i "$inc" \
		"${flags[@]}" "$work/$name.pre"
	boards+=("$name=$work/$name.dts")
done < "$top/kunit/boards/boards.list"

python3 "$top/scripts/board-dts.py" "$work/boards.dts" "${boards[@]}"
# The boards' root #address-cells differ from the container's (DRA7: 2);
# an empty "ranges" maps them one to one all the same.
"$dtc" -q -O dtb -o "$out" "${flags[@]}" -Wno-ranges_format "$work/boards.dts"
