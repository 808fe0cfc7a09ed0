// SPDX-License-Identifier: GPL-2.0
/*
 * The remote-processor driver's firmware policy, compiled into the test
 * module under a name of its own: the driver module (socmmu_rproc) links
 * the original.
 */
#include "../../remoteproc/srp_firmware.cpp"
