/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A scratch register window for testing the MMIO layer itself: 1024 plain
 * 32-bit registers behind logic_iomem, with per-register access counters
 * that tests read back to see exactly which accesses the driver side made.
 */
#ifndef SOCMMU_SCRATCH_MMIO_H
#define SOCMMU_SCRATCH_MMIO_H

#include <shim/base.h>

/*
 * Test bench windows live in 0xd0000000-0xdfffffff: above UML's physical
 * memory, below the 0xeff..-0xffffffff that UML's virtio PCI claims.
 */
#define TB_SCRATCH_PHYS 0xd0000000ULL
#define TB_SCRATCH_SIZE 0x1000u

KX_BEGIN_DECLS

/* Clear registers, counters and the bad-access count. */
void tb_scratch_reset(void) KX_NOEXCEPT;
/* Backdoor access: not counted. */
u32 tb_scratch_peek(u32 offset) KX_NOEXCEPT;
void tb_scratch_poke(u32 offset, u32 value) KX_NOEXCEPT;
/* Accesses made through ioremap()ed MMIO since the last reset. */
unsigned int tb_scratch_reads(u32 offset) KX_NOEXCEPT;
unsigned int tb_scratch_writes(u32 offset) KX_NOEXCEPT;
/* Accesses that were not aligned 32-bit accesses inside the window. */
unsigned int tb_scratch_bad_accesses(void) KX_NOEXCEPT;

KX_END_DECLS

#endif
