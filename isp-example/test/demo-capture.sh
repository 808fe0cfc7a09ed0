#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Inside UML, for `make demo` (scripts/demo.sh): capture frames from the
# example camera with v4l2-ctl into OUT (a host directory, mounted
# read-write over hostfs), then record the models' counters there.
#
#   demo-capture.sh OUT WIDTH HEIGHT FRAMES [CAMERA]
#
# CAMERA is the camera's platform device (default d1070000.isp, behind the
# OMAP MMU); both cameras' video devices are named socmmu-isp, so the one
# to use is found by its parent device, its IOMMU by its "iommu" link.
out=$1 width=$2 height=$3 frames=$4 camera=${5:-d1070000.isp}

dev=
for d in /sys/class/video4linux/video*; do
	grep -q '^socmmu-isp' "$d/name" 2>/dev/null &&
		[ "$(basename "$(readlink "$d/device")")" = "$camera" ] && dev=/dev/${d##*/}
done
if [ -z "$dev" ]; then
	echo "socmmu-demo: no socmmu-isp video device of $camera"
	exit 1
fi
# <IOMMU platform device>/iommu/<name>, and the camera's node in the model's debugfs.
mmu=$(basename "$(dirname "$(dirname "$(readlink "/sys/bus/platform/devices/$camera/iommu")")")")
node=$(basename "$(readlink "/sys/bus/platform/devices/$camera/of_node")")
mount -t hostfs -o "$out" none "$out" || exit 1
echo "socmmu-demo: capturing $frames frames of ${width}x$height RGB24 from $dev ($camera, IOMMU $mmu)"
v4l2-ctl -d "$dev" --set-fmt-video=width="$width",height="$height",pixelformat=RGB3 \
	--stream-mmap=4 --stream-count="$frames" --stream-to="$out/frames.rgb" --verbose \
	> "$out/v4l2-ctl.log" 2>&1
echo "socmmu-demo: v4l2-ctl exit $?"
# Let the ISP autosuspend (100 ms), and its MMU with it.
sleep 1
{
	echo "runtime_status_isp $(cat "/sys/bus/platform/devices/$camera/power/runtime_status")"
	echo "runtime_status_mmu $(cat "/sys/bus/platform/devices/$mmu/power/runtime_status")"
} > "$out/status.txt"
cat "/sys/kernel/debug/socmmu_isp_model/$node/stats" > "$out/stats.txt"
cat /sys/kernel/debug/socmmu_*_iommu/"$mmu"/pagetable > "$out/pagetable.txt" 2>&1
umount "$out"
echo "socmmu-demo: done"
