#!/bin/bash
# Build the simulated remote processor's firmware images
# (remoteproc/firmware/, Documentation/remoteproc.rst) into OUTDIR with the
# ARM cross binutils:
#
#   scripts/build-firmware.sh OUTDIR
#
#   socmmu-rproc-ipu.elf        rproc_ipu's: text 0x00000000, data 0x80000000
#   socmmu-rproc-dsp.elf        rproc_dsp's: text 0x95000000, data 0x95100000
#   socmmu-rproc-bad-notable.elf   no .resource_table
#   socmmu-rproc-bad-window.elf    carveout "data" inside rproc_ipu's DMA window
#   socmmu-rproc-bad-section.elf   a loadable section outside every carveout
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: build-firmware.sh OUTDIR}
src=$top/remoteproc/firmware
as=${CROSS_AS:-arm-linux-gnueabihf-as}
ld=${CROSS_LD:-arm-linux-gnueabihf-ld}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# image NAME KEY=VALUE...: the layout's symbols go to both as and ld.
image() {
	local name=$1 sym asargs=() ldargs=()
	shift
	for sym in "$@"; do
		asargs+=(--defsym "$sym")
		ldargs+=(--defsym "$sym")
	done
	"$as" -march=armv7-a "${asargs[@]}" -o "$work/$name.o" "$src/fw.S"
	"$ld" -nostdlib -z max-page-size=4096 -z noexecstack --fatal-warnings "${ldargs[@]}" \
		-T "$src/fw.ld" -o "$work/$name.elf" "$work/$name.o"
	mv "$work/$name.elf" "$out/$name.elf"
}

ipu=(TEXT_DA=0x00000000 TEXT_LEN=0x100000 DATA_DA=0x80000000 DATA_LEN=0x100000
     SHM_LEN=0x100000 VRING_NUM=256 EXTRA_DA=0x80080000)
image socmmu-rproc-ipu "${ipu[@]}"
image socmmu-rproc-dsp TEXT_DA=0x95000000 TEXT_LEN=0x100000 DATA_DA=0x95100000 \
	DATA_LEN=0x40000 SHM_LEN=0x80000 VRING_NUM=64 EXTRA_DA=0x95120000
image socmmu-rproc-bad-notable "${ipu[@]}" NO_TABLE=1
image socmmu-rproc-bad-window TEXT_DA=0x00000000 TEXT_LEN=0x100000 DATA_DA=0xa0000000 \
	DATA_LEN=0x100000 SHM_LEN=0x100000 VRING_NUM=256 EXTRA_DA=0xa0080000
image socmmu-rproc-bad-section TEXT_DA=0x00000000 TEXT_LEN=0x100000 DATA_DA=0x80000000 \
	DATA_LEN=0x100000 SHM_LEN=0x100000 VRING_NUM=256 EXTRA_DA=0x70000000 EXTRA_SECTION=1
