// SPDX-License-Identifier: GPL-2.0
/*
 * ref_client.c again, for socmmu_ref_msm_test: Kbuild links an
 * object into one module only.
 */
#include "ref_client.c"
