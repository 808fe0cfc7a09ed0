// SPDX-License-Identifier: GPL-2.0
/*
 * Scratch register window behind logic_iomem.  Registered once, at module
 * load, and never removed: logic_iomem has no way to unregister a region,
 * so the test bench module stays loaded for the life of the test kernel.
 */
#include <linux/export.h>
#include <linux/ioport.h>
#include <linux/logic_iomem.h>
#include <linux/printk.h>
#include <linux/spinlock.h>

#include "scratch_mmio.h"
#include "testbench.h"

#define TB_SCRATCH_REGS (TB_SCRATCH_SIZE / sizeof(u32))

static struct {
	spinlock_t lock;	/* serialises the MMIO path and the backdoor */
	u32 regs[TB_SCRATCH_REGS];
	unsigned int reads[TB_SCRATCH_REGS];
	unsigned int writes[TB_SCRATCH_REGS];
	unsigned int bad_accesses;
} scratch = {
	.lock = __SPIN_LOCK_UNLOCKED(scratch.lock),
};

static bool scratch_access_ok(unsigned int offset, int size)
{
	if (size == sizeof(u32) && offset % sizeof(u32) == 0 &&
	    offset < TB_SCRATCH_SIZE)
		return true;
	scratch.bad_accesses++;
	pr_err("socmmu scratch: bad %d-byte access at 0x%x\n", size, offset);
	return false;
}

static unsigned long scratch_read(void *priv, unsigned int offset, int size)
{
	unsigned long flags, value = ~0UL;

	spin_lock_irqsave(&scratch.lock, flags);
	if (scratch_access_ok(offset, size)) {
		value = scratch.regs[offset / 4];
		scratch.reads[offset / 4]++;
	}
	spin_unlock_irqrestore(&scratch.lock, flags);
	return value;
}

static void scratch_write(void *priv, unsigned int offset, int size,
			  unsigned long value)
{
	unsigned long flags;

	spin_lock_irqsave(&scratch.lock, flags);
	if (scratch_access_ok(offset, size)) {
		scratch.regs[offset / 4] = value;
		scratch.writes[offset / 4]++;
	}
	spin_unlock_irqrestore(&scratch.lock, flags);
}

static const struct logic_iomem_ops scratch_ops = {
	.read = scratch_read,
	.write = scratch_write,
};

static long scratch_map(unsigned long offset, size_t size,
			const struct logic_iomem_ops **ops, void **priv)
{
	if (offset + size > TB_SCRATCH_SIZE)
		return -EINVAL;
	*ops = &scratch_ops;
	*priv = NULL;
	/* A mapping of a part of the window starts at that part's registers. */
	return offset;
}

static const struct logic_iomem_region_ops scratch_region_ops = {
	.map = scratch_map,
};

static struct resource scratch_resource = {
	.name = "socmmu-scratch",
	.start = TB_SCRATCH_PHYS,
	.end = TB_SCRATCH_PHYS + TB_SCRATCH_SIZE - 1,
	.flags = IORESOURCE_MEM,
};

int tb_scratch_register(void)
{
	return logic_iomem_add_region(&scratch_resource, &scratch_region_ops);
}

/**
 * tb_scratch_reset() - clear the scratch registers and their counters
 */
void tb_scratch_reset(void)
{
	unsigned long flags;

	spin_lock_irqsave(&scratch.lock, flags);
	memset(scratch.regs, 0, sizeof(scratch.regs));
	memset(scratch.reads, 0, sizeof(scratch.reads));
	memset(scratch.writes, 0, sizeof(scratch.writes));
	scratch.bad_accesses = 0;
	spin_unlock_irqrestore(&scratch.lock, flags);
}
EXPORT_SYMBOL_GPL(tb_scratch_reset);

static u32 scratch_index(u32 offset)
{
	return (offset / sizeof(u32)) % TB_SCRATCH_REGS;
}

/**
 * tb_scratch_peek() - read a scratch register without an MMIO access
 * @offset: byte offset of the register
 *
 * Return: its value.
 */
u32 tb_scratch_peek(u32 offset)
{
	return READ_ONCE(scratch.regs[scratch_index(offset)]);
}
EXPORT_SYMBOL_GPL(tb_scratch_peek);

/**
 * tb_scratch_poke() - set a scratch register without an MMIO access
 * @offset: byte offset of the register
 * @value: its new value
 */
void tb_scratch_poke(u32 offset, u32 value)
{
	WRITE_ONCE(scratch.regs[scratch_index(offset)], value);
}
EXPORT_SYMBOL_GPL(tb_scratch_poke);

/**
 * tb_scratch_reads() - MMIO reads of a register since the last reset
 * @offset: byte offset of the register
 *
 * Return: the count.
 */
unsigned int tb_scratch_reads(u32 offset)
{
	return READ_ONCE(scratch.reads[scratch_index(offset)]);
}
EXPORT_SYMBOL_GPL(tb_scratch_reads);

/**
 * tb_scratch_writes() - MMIO writes of a register since the last reset
 * @offset: byte offset of the register
 *
 * Return: the count.
 */
unsigned int tb_scratch_writes(u32 offset)
{
	return READ_ONCE(scratch.writes[scratch_index(offset)]);
}
EXPORT_SYMBOL_GPL(tb_scratch_writes);

/**
 * tb_scratch_bad_accesses() - malformed accesses since the last reset
 *
 * Return: the count of accesses that were not aligned 32-bit accesses
 * inside the window.
 */
unsigned int tb_scratch_bad_accesses(void)
{
	return READ_ONCE(scratch.bad_accesses);
}
EXPORT_SYMBOL_GPL(tb_scratch_bad_accesses);
