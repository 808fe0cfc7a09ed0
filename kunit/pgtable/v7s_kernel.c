// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's own io-pgtable-arm-v7s, for the differential cases
 * (v7s_diff_test.cpp): a table made with alloc_io_pgtable_ops(ARM_V7S) as
 * mainline's MSM driver configures it (ias = oas = 32, the four page
 * sizes, no quirks, a non-coherent walk whose tables are DMA-mapped on
 * the case's device), behind plain calls the C++ cases can make.  Its TLB
 * callbacks only count: no hardware walks it.  A case that ends early
 * leaves its tables to pgt_v7s_release_all(), the suite's case exit.
 */
#include <linux/io-pgtable.h>
#include <linux/iommu.h>
#include <linux/io.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include "pgtable_tests.h"

#if IS_ENABLED(CONFIG_IOMMU_IO_PGTABLE_ARMV7S)

struct pgt_v7s {
	struct io_pgtable_cfg cfg;
	struct io_pgtable_ops *ops;
	unsigned long flush_alls, flush_walks, add_pages;
};

/* The running case's tables. */
#define PGT_V7S_MAX	4
static struct pgt_v7s *pgt_v7s_live[PGT_V7S_MAX];

static void pgt_v7s_flush_all(void *cookie)
{
	struct pgt_v7s *t = cookie;

	t->flush_alls++;
}

/* The kernel frees an L2 here: unmapped whole, or replaced by a section. */
static void pgt_v7s_flush_walk(unsigned long iova, size_t size, size_t granule, void *cookie)
{
	struct pgt_v7s *t = cookie;

	t->flush_walks++;
}

static void pgt_v7s_add_page(struct iommu_iotlb_gather *gather, unsigned long iova,
			     size_t granule, void *cookie)
{
	struct pgt_v7s *t = cookie;

	t->add_pages++;
}

static const struct iommu_flush_ops pgt_v7s_flush_ops = {
	.tlb_flush_all = pgt_v7s_flush_all,
	.tlb_flush_walk = pgt_v7s_flush_walk,
	.tlb_add_page = pgt_v7s_add_page,
};

struct pgt_v7s *pgt_v7s_create(struct device *dev, struct pgt_v7s_regs *regs)
{
	struct pgt_v7s *t;
	int slot;

	for (slot = 0; slot < PGT_V7S_MAX && pgt_v7s_live[slot]; slot++)
		;
	if (slot == PGT_V7S_MAX)
		return NULL;
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return NULL;
	t->cfg = (struct io_pgtable_cfg) {
		.pgsize_bitmap = SZ_4K | SZ_64K | SZ_1M | SZ_16M,
		.ias = 32,
		.oas = 32,
		.coherent_walk = false,
		.tlb = &pgt_v7s_flush_ops,
		.iommu_dev = dev,
	};
	t->ops = alloc_io_pgtable_ops(ARM_V7S, &t->cfg, t);
	if (!t->ops) {
		kfree(t);
		return NULL;
	}
	regs->ttbr = t->cfg.arm_v7s_cfg.ttbr;
	regs->tcr = t->cfg.arm_v7s_cfg.tcr;
	regs->prrr = t->cfg.arm_v7s_cfg.prrr;
	regs->nmrr = t->cfg.arm_v7s_cfg.nmrr;
	regs->pgsize_bitmap = t->cfg.pgsize_bitmap;
	pgt_v7s_live[slot] = t;
	return t;
}

void pgt_v7s_destroy(struct pgt_v7s *t)
{
	int slot;

	for (slot = 0; slot < PGT_V7S_MAX; slot++) {
		if (t && pgt_v7s_live[slot] == t) {
			pgt_v7s_live[slot] = NULL;
			free_io_pgtable_ops(t->ops);
			kfree(t);
		}
	}
}

void pgt_v7s_release_all(void)
{
	int slot;

	for (slot = 0; slot < PGT_V7S_MAX; slot++)
		pgt_v7s_destroy(pgt_v7s_live[slot]);
}

int pgt_v7s_map(struct pgt_v7s *t, u64 iova, u64 paddr, u64 pgsize, size_t pgcount, u32 prot,
		size_t *mapped)
{
	return t->ops->map_pages(t->ops, iova, paddr, pgsize, pgcount, prot, GFP_KERNEL, mapped);
}

size_t pgt_v7s_unmap(struct pgt_v7s *t, u64 iova, u64 pgsize, size_t pgcount)
{
	struct iommu_iotlb_gather gather;

	iommu_iotlb_gather_init(&gather);
	return t->ops->unmap_pages(t->ops, iova, pgsize, pgcount, &gather);
}

u64 pgt_v7s_iova_to_phys(struct pgt_v7s *t, u64 iova)
{
	return t->ops->iova_to_phys(t->ops, iova);
}

unsigned long pgt_v7s_walk_flushes(const struct pgt_v7s *t)
{
	return t->flush_walks;
}

#else

struct pgt_v7s *pgt_v7s_create(struct device *dev, struct pgt_v7s_regs *regs)
{
	return NULL;
}

void pgt_v7s_destroy(struct pgt_v7s *t)
{
}

void pgt_v7s_release_all(void)
{
}

int pgt_v7s_map(struct pgt_v7s *t, u64 iova, u64 paddr, u64 pgsize, size_t pgcount, u32 prot,
		size_t *mapped)
{
	return -ENODEV;
}

size_t pgt_v7s_unmap(struct pgt_v7s *t, u64 iova, u64 pgsize, size_t pgcount)
{
	return 0;
}

u64 pgt_v7s_iova_to_phys(struct pgt_v7s *t, u64 iova)
{
	return 0;
}

unsigned long pgt_v7s_walk_flushes(const struct pgt_v7s *t)
{
	return 0;
}

#endif

bool pgt_v7s_available(void)
{
	return IS_ENABLED(CONFIG_IOMMU_IO_PGTABLE_ARMV7S);
}
