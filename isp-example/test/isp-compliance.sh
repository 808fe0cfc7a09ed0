#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# v4l2-compliance on the example camera, streaming included, as a KTAP
# suite for the UML harness ("!run SUITE ..." in kunit/modules.list).
# vivid's capture node exports the buffers the DMABUF tests import
# (--expbuf-device); the harness boots with vivid.allocators=1 so they are
# contiguous, which dma-contig needs when no IOMMU maps the device.
#
#   isp-compliance.sh SUITE [CAMERA]
#
# CAMERA is the camera's platform device (default d1070000.isp, the one
# behind the OMAP MMU): every camera's video device is named socmmu-isp,
# so it is found by its parent device.
suite=${1:-isp_v4l2_compliance}
camera=${2:-d1070000.isp}

# The video device named $1..., of the device $2 when given.
find_node() {
	for d in /sys/class/video4linux/video*; do
		grep -q "^$1" "$d/name" 2>/dev/null || continue
		if [ -z "$2" ] || [ "$(basename "$(readlink "$d/device")")" = "$2" ]; then
			echo "/dev/${d##*/}"
			return 0
		fi
	done
	return 1
}

echo "    KTAP version 1"
echo "    # Subtest: $suite"
echo "    1..2"
isp=$(find_node socmmu-isp "$camera") ||
	{ echo "    # no socmmu-isp video node of $camera"; echo "not ok 1 $suite"; exit 1; }
echo "    # camera $camera: $isp"
expbuf=$(find_node vivid-000-vid-cap) && expbuf="--expbuf-device $expbuf"

# Debian 12's v4l2-compliance predates Linux 6.8's max_num_buffers: the
# preload (v4l2-compat-preload.c) shows it the ABI it knows.
preload=${SOCMMU_TOOLS:-/nonexistent}/v4l2-compat-preload.so
if [ -e "$preload" ]; then
	echo "    # LD_PRELOAD $preload: max_num_buffers hidden from v4l2-compliance $(v4l2-compliance --version 2>&1 | head -1 | cut -d, -f1 | cut -d' ' -f2)"
	export LD_PRELOAD="$preload"
fi

# One case for the whole run (its summary line decides), one for the
# DMABUF import tests, which need the exporter.
{ v4l2-compliance -d "$isp" -s $expbuf 2>&1; echo "compliance-exit $?"; } | awk -v suite="$suite" '
	/^compliance-exit / { rc = $2; next }
	{ print "    # " $0; fflush() }
	/^Total for .*Failed: 0,/ { clean = 1 }
	/^Total for / { total = $0 }
	/test DMABUF.*: OK$/ { dmabuf++ }
	/test DMABUF.*: FAIL/ { dmabuf_fail++ }
	END {
		ok = clean && rc == 0
		print "    # summary: " total " (exit " rc ")"
		print "    " (ok ? "ok" : "not ok") " 1 v4l2_compliance"
		if (dmabuf && !dmabuf_fail)
			print "    ok 2 dmabuf_import"
		else
			print "    not ok 2 dmabuf_import"
		print ((ok && dmabuf && !dmabuf_fail) ? "ok" : "not ok") " 1 " suite
		exit !(ok && dmabuf && !dmabuf_fail)
	}'
