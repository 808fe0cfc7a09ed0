#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Inside UML, for `make demo` (scripts/demo.sh): capture frames from the
# example camera with v4l2-ctl into OUT (a host directory, mounted
# read-write over hostfs), then record the models' counters there.
#
#   demo-capture.sh OUT WIDTH HEIGHT FRAMES
out=$1 width=$2 height=$3 frames=$4

dev=
for d in /sys/class/video4linux/video*; do
	grep -q '^socmmu-isp' "$d/name" 2>/dev/null && dev=/dev/${d##*/}
done
if [ -z "$dev" ]; then
	echo "socmmu-demo: no socmmu-isp video device"
	exit 1
fi
mount -t hostfs -o "$out" none "$out" || exit 1
echo "socmmu-demo: capturing $frames frames of ${width}x$height RGB24 from $dev"
v4l2-ctl -d "$dev" --set-fmt-video=width="$width",height="$height",pixelformat=RGB3 \
	--stream-mmap=4 --stream-count="$frames" --stream-to="$out/frames.rgb" --verbose \
	> "$out/v4l2-ctl.log" 2>&1
echo "socmmu-demo: v4l2-ctl exit $?"
# Let the ISP autosuspend (100 ms), and its MMU with it.
sleep 1
for d in d1070000.isp d1060000.mmu; do
	echo "runtime_status_$d $(cat /sys/bus/platform/devices/$d/power/runtime_status)"
done > "$out/status.txt"
cat /sys/kernel/debug/socmmu_isp_model/stats > "$out/stats.txt"
cat /sys/kernel/debug/socmmu_omap_iommu/d1060000.mmu/pagetable > "$out/pagetable.txt" 2>&1
umount "$out"
echo "socmmu-demo: done"
