/* SPDX-License-Identifier: GPL-2.0 */
/* Internal to the test bench module. */
#ifndef SOCMMU_TESTBENCH_H
#define SOCMMU_TESTBENCH_H

int tb_scratch_register(void);

#endif
