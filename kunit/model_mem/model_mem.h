/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How the hardware models' table walkers read memory: by physical
 * address, as the silicon does, but telling a read of freed memory (a
 * driver that freed a table the walker can still reach) from a live one,
 * without dereferencing what is not live.  Linked into socmmu_testbench.
 */
#ifndef SOCMMU_MODEL_MEM_H
#define SOCMMU_MODEL_MEM_H

#include <linux/types.h>

enum model_mem {
	MODEL_MEM_OK,		/* *val holds the descriptor */
	MODEL_MEM_NOT_RAM,	/* no memory there, or none a table can be in (reserved) */
	MODEL_MEM_FREED,	/* the table (or that part of it) was freed */
};

/*
 * The little-endian 32-bit descriptor at @pa, inside the table that
 * starts at @table_pa.
 */
enum model_mem model_mem_read_desc(u64 table_pa, u64 pa, u32 *val);

#endif
