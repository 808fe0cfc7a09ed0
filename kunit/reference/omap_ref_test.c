// SPDX-License-Identifier: GPL-2.0
/*
 * Fidelity of the OMAP IOMMU model: mainline's omap-iommu (built into the
 * reference kernel, uml-ref-6.12) drives the model through the generic
 * IOMMU API, as it drove the silicon.  Every page size is mapped and read
 * by the device through the model, unmapped, and faults reach the
 * domain's handler.  Where hardware.md says mainline is wrong, the case
 * reproduces the defect and names the model counter that proves it.
 *
 * Documentation/reference.rst.
 */
#include <kunit/test.h>
#include <linux/dma-map-ops.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>

#include "../model_mem/model_mem.h"
#include "../omap_model/omap_model.h"
#include "ref_client.h"

static const struct of_device_id omap_ref_clients_match[] = {
	{ .compatible = "socmmu,test-ipu" },	/* mmu_ipu: 32 entries, bus-err-back */
	{ .compatible = "socmmu,test-isp" },	/* mmu_isp: OMAP2, 8 entries, stalls */
	{}
};

static struct ref_clients omap_ref_clients;

/* One client attached to a paging domain of its own. */
struct omap_ref {
	struct device *dev;
	struct omap_model *model;
	struct model_bus_master bus;
	struct iommu_domain *domain;
	struct ref_fault fault;
};

static void omap_ref_setup(struct kunit *test, struct omap_ref *r,
			   const char *client, const char *mmu)
{
	struct device *mmu_dev;

	r->dev = ref_client(&omap_ref_clients, client);
	KUNIT_ASSERT_NOT_NULL_MSG(test, r->dev, "client %s not bound", client);
	r->model = omap_model_find(mmu);
	KUNIT_ASSERT_NOT_NULL(test, r->model);
	mmu_dev = omap_model_device(r->model);
	KUNIT_ASSERT_NOT_NULL(test, mmu_dev);
	KUNIT_ASSERT_NOT_NULL_MSG(test, mmu_dev->driver, "%s: no driver bound", mmu);
	KUNIT_ASSERT_STREQ(test, mmu_dev->driver->name, "omap-iommu");
	KUNIT_ASSERT_EQ(test, model_bus_master_of(r->dev->of_node, 0, &r->bus), 0);
	/*
	 * mainline's probe drops the MMU's PM domain (omap_device handles
	 * power on the boards): here the test bench is the power domain.
	 */
	omap_model_set_power(r->model, true);

	r->domain = iommu_paging_domain_alloc(r->dev);
	KUNIT_ASSERT_FALSE(test, IS_ERR(r->domain));
	ref_fault_init(&r->fault, r->domain, 0);
	if (iommu_attach_device(r->domain, r->dev)) {
		iommu_domain_free(r->domain);
		KUNIT_FAIL_AND_ABORT(test, "attach failed");
	}
	omap_model_reset_counters(r->model);
}

static void omap_ref_teardown(struct omap_ref *r)
{
	iommu_detach_device(r->domain, r->dev);
	iommu_domain_free(r->domain);
}

/* The drivers bound the model and a client got its group through of_xlate. */
static void omap_ref_bound(struct kunit *test)
{
	struct omap_ref r;
	struct iommu_group *group;

	omap_ref_setup(test, &r, "ipu", "mmu_ipu");
	group = iommu_group_get(r.dev);
	KUNIT_EXPECT_NOT_NULL(test, group);
	iommu_group_put(group);
	KUNIT_EXPECT_EQ(test, r.domain->pgsize_bitmap,
			(unsigned long)(SZ_4K | SZ_64K | SZ_1M | SZ_16M));
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(r.dev), r.domain);
	omap_ref_teardown(&r);
}

static const struct {
	size_t size;
	int walk;		/* OMAP_MODEL_CAM_SIZE_* of the walk */
	u32 iova;
} omap_ref_sizes[] = {
	{ SZ_4K,  OMAP_MODEL_CAM_SIZE_4K,  0x10001000 },
	{ SZ_64K, OMAP_MODEL_CAM_SIZE_64K, 0x10110000 },
	{ SZ_1M,  OMAP_MODEL_CAM_SIZE_1M,  0x10300000 },
	{ SZ_16M, OMAP_MODEL_CAM_SIZE_16M, 0x12000000 },
};

/*
 * Every page size: the device reads our page through the model, the walk
 * found the size mainline wrote, iova_to_phys agrees, and after unmap the
 * device faults and the domain's handler hears of it.
 */
static void omap_ref_every_size(struct kunit *test, const char *client,
				const char *mmu, int fault_status)
{
	struct omap_model_counters c;
	struct model_bus_result res;
	struct ref_block b;
	struct omap_ref r;
	unsigned int i;
	u32 word;

	omap_ref_setup(test, &r, client, mmu);
	for (i = 0; i < ARRAY_SIZE(omap_ref_sizes); i++) {
		size_t size = omap_ref_sizes[i].size;
		u32 iova = omap_ref_sizes[i].iova;

		KUNIT_ASSERT_EQ(test, ref_block_get(&b, size), 0);
		ref_block_fill(&b, iova);
		KUNIT_EXPECT_EQ(test, iommu_map(r.domain, iova, b.block, size,
						IOMMU_READ | IOMMU_WRITE, GFP_KERNEL), 0);
		omap_model_reset_counters(r.model);
		KUNIT_EXPECT_TRUE_MSG(test, ref_block_matches(&r.bus, iova, &b, &res),
				      "size %zu: device read status %d", size, res.status);
		KUNIT_EXPECT_EQ(test, res.phys, (u64)b.block + b.offset);
		omap_model_counters(r.model, &c);
		KUNIT_EXPECT_EQ_MSG(test, c.walks_by_size[omap_ref_sizes[i].walk], 1u,
				    "size %zu", size);
		KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(r.domain, iova + b.offset + 4),
				b.block + b.offset + 4);

		KUNIT_EXPECT_EQ(test, iommu_unmap(r.domain, iova, size), size);
		KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(r.domain, iova + b.offset), 0);
		reinit_completion(&r.fault.done);
		KUNIT_EXPECT_EQ_MSG(test, model_bus_read(&r.bus, iova + b.offset, &word, 4, &res),
				    fault_status, "size %zu: read after unmap", size);
		KUNIT_EXPECT_EQ(test, res.fault_addr, (u64)iova + b.offset);
		KUNIT_EXPECT_TRUE_MSG(test, ref_fault_wait(&r.fault), "size %zu: no fault report",
				      size);
		KUNIT_EXPECT_EQ(test, r.fault.iova, (unsigned long)iova + b.offset);
		ref_block_put(&b);
	}
	omap_ref_teardown(&r);
}

static void omap_ref_every_size_ipu(struct kunit *test)
{
	/* ti,iommu-bus-err-back: the initiator gets an error. */
	omap_ref_every_size(test, "ipu", "mmu_ipu", MODEL_BUS_ERROR);
}

static void omap_ref_every_size_isp(struct kunit *test)
{
	/* OMAP2, 8 TLB entries: the master stalls until IRQSTATUS is cleared. */
	omap_ref_every_size(test, "isp", "mmu_isp", MODEL_BUS_STALLED);
}

/*
 * A fault on an address never mapped: reported once, with the address,
 * and (as hardware.md says, O:820) with the IOMMU's device, not the
 * client's; a handled fault leaves the master free to go on.
 */
static void omap_ref_fault_report(struct kunit *test)
{
	struct model_bus_result res;
	struct omap_model_counters c;
	struct omap_ref r;
	u32 word;

	omap_ref_setup(test, &r, "isp", "mmu_isp");
	KUNIT_EXPECT_EQ(test, model_bus_read(&r.bus, 0x20000040, &word, 4, &res),
			MODEL_BUS_STALLED);
	KUNIT_ASSERT_TRUE(test, ref_fault_wait(&r.fault));
	KUNIT_EXPECT_EQ(test, r.fault.count, 1u);
	KUNIT_EXPECT_EQ(test, r.fault.iova, 0x20000040ul);
	KUNIT_EXPECT_EQ(test, r.fault.flags, 0);
	KUNIT_EXPECT_PTR_EQ(test, r.fault.dev, omap_model_device(r.model));
	/* mainline cleared IRQSTATUS: the stalled master was let go. */
	KUNIT_EXPECT_FALSE(test, omap_model_stalled(r.model));
	omap_model_counters(r.model, &c);
	KUNIT_EXPECT_EQ(test, c.faults, 1u);
	KUNIT_EXPECT_EQ(test, c.irqs, 1u);
	omap_ref_teardown(&r);
}

/*
 * Unmap leaves no stale translation.  mainline's flush_iotlb_page() scans
 * the TLB through LOCK.VICT and READ_CAM, reloads the matching entry
 * (iotlb_load_cr(): CAM, RAM, FLUSH_ENTRY, LD_TLB) and then flushes it
 * (FLUSH_ENTRY): two FLUSH_ENTRY and one LD_TLB for one page (O:276-283,
 * 407-436).
 */
static void omap_ref_unmap_flushes(struct kunit *test)
{
	struct omap_model_counters c;
	struct model_bus_result res;
	struct ref_block b;
	struct omap_ref r;
	u32 word;

	omap_ref_setup(test, &r, "ipu", "mmu_ipu");
	KUNIT_ASSERT_EQ(test, ref_block_get(&b, SZ_4K), 0);
	KUNIT_ASSERT_EQ(test, iommu_map(r.domain, 0x30000000, b.block, SZ_4K,
					IOMMU_READ, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, model_bus_read(&r.bus, 0x30000000, &word, 4, &res), MODEL_BUS_OK);
	KUNIT_EXPECT_EQ(test, model_bus_read(&r.bus, 0x30000004, &word, 4, &res), MODEL_BUS_OK);
	omap_model_reset_counters(r.model);
	KUNIT_EXPECT_EQ(test, iommu_unmap(r.domain, 0x30000000, SZ_4K), SZ_4K);
	omap_model_counters(r.model, &c);
	KUNIT_EXPECT_EQ(test, c.reg_writes[OMAP_MODEL_FLUSH_ENTRY / 4], 2u);
	KUNIT_EXPECT_EQ(test, c.reg_writes[OMAP_MODEL_LD_TLB / 4], 1u);
	KUNIT_EXPECT_EQ(test, c.gflushes, 0u);
	kunit_info(test, "one 4 KiB unmap: %u FLUSH_ENTRY, %u LD_TLB, %u READ_CAM, %u LOCK writes",
		   c.reg_writes[OMAP_MODEL_FLUSH_ENTRY / 4], c.reg_writes[OMAP_MODEL_LD_TLB / 4],
		   c.reg_reads[OMAP_MODEL_READ_CAM / 4], c.reg_writes[OMAP_MODEL_LOCK / 4]);
	reinit_completion(&r.fault.done);
	KUNIT_EXPECT_EQ(test, model_bus_read(&r.bus, 0x30000000, &word, 4, &res),
			MODEL_BUS_ERROR);
	KUNIT_EXPECT_TRUE(test, ref_fault_wait(&r.fault));
	ref_block_put(&b);
	omap_ref_teardown(&r);
}

/*
 * Known mainline defect (hardware.md 1.3, O:735-747): unmapping the last
 * page of an L2 table dma-unmaps and frees the table before it clears the
 * L1 entry and before it flushes the TLB, so for that while the walker
 * can still reach it.  The MMU's device gets DMA ops of the test's that
 * are dma-direct but for one thing: when the L2 is given back, a device
 * access at another address of the same 1 MiB is made right then, as a
 * concurrent master could.  The model's freed_reads counter proves the
 * walker read the released table.
 */
static struct {
	struct omap_ref *r;
	u32 probe_iova;
	unsigned int l2_unmaps;
	int probe_status;
} omap_ref_race;

static dma_addr_t omap_ref_map_page(struct device *dev, struct page *page,
				    unsigned long offset, size_t size,
				    enum dma_data_direction dir, unsigned long attrs)
{
	phys_addr_t pa = page_to_phys(page) + offset;

	model_mem_mark_live(pa, size);
	return pa;
}

static void omap_ref_unmap_page(struct device *dev, dma_addr_t addr, size_t size,
				enum dma_data_direction dir, unsigned long attrs)
{
	u32 word;

	/* Only L2 tables are 1 KiB (L1 is 16 KiB). */
	if (size != SZ_1K || !omap_ref_race.r)
		return;
	omap_ref_race.l2_unmaps++;
	model_mem_mark_released(addr, size);
	omap_ref_race.probe_status = model_bus_read(&omap_ref_race.r->bus,
						    omap_ref_race.probe_iova, &word, 4, NULL);
}

static void omap_ref_sync(struct device *dev, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir)
{
}

static const struct dma_map_ops omap_ref_dma_ops = {
	.map_page = omap_ref_map_page,
	.unmap_page = omap_ref_unmap_page,
	.sync_single_for_device = omap_ref_sync,
	.sync_single_for_cpu = omap_ref_sync,
};

static void omap_ref_defect_l2_freed_before_flush(struct kunit *test)
{
	struct omap_model_counters c;
	struct ref_block b;
	struct omap_ref r;
	struct device *mmu_dev;
	u32 word;

	r.model = omap_model_find("mmu_ipu");
	KUNIT_ASSERT_NOT_NULL(test, r.model);
	mmu_dev = omap_model_device(r.model);
	KUNIT_ASSERT_NOT_NULL(test, mmu_dev);
	/* Before attach, so that L1 is mapped through them too. */
	set_dma_ops(mmu_dev, &omap_ref_dma_ops);
	omap_ref_setup(test, &r, "ipu", "mmu_ipu");
	KUNIT_ASSERT_EQ(test, ref_block_get(&b, SZ_4K), 0);
	KUNIT_ASSERT_EQ(test, iommu_map(r.domain, 0x40000000, b.block, SZ_4K,
					IOMMU_READ, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, model_bus_read(&r.bus, 0x40000000, &word, 4, NULL), MODEL_BUS_OK);

	omap_model_reset_counters(r.model);
	omap_ref_race.r = &r;
	omap_ref_race.probe_iova = 0x40001000;
	omap_ref_race.l2_unmaps = 0;
	KUNIT_EXPECT_EQ(test, iommu_unmap(r.domain, 0x40000000, SZ_4K), SZ_4K);
	omap_ref_race.r = NULL;
	/* The fault the probe raised is reported like any other. */
	ref_fault_wait(&r.fault);
	omap_model_counters(r.model, &c);

	KUNIT_EXPECT_EQ(test, omap_ref_race.l2_unmaps, 1u);
	KUNIT_EXPECT_EQ(test, omap_ref_race.probe_status, MODEL_BUS_ERROR);
	KUNIT_EXPECT_EQ_MSG(test, c.freed_reads, 1u,
			    "the walker did not reach the released L2: mainline fixed?");
	if (c.freed_reads)
		kunit_info(test, "KNOWN MAINLINE DEFECT omap-iommu: L2 freed before L1 clear and TLB flush; model counter freed_reads=%u",
			   c.freed_reads);
	omap_ref_teardown(&r);
	set_dma_ops(mmu_dev, NULL);
	model_mem_mark_live(0, ~0ull);
	ref_block_put(&b);
}

static int omap_ref_suite_init(struct kunit_suite *suite)
{
	return ref_clients_register(&omap_ref_clients, "socmmu-ref-omap-client",
				    omap_ref_clients_match);
}

static void omap_ref_suite_exit(struct kunit_suite *suite)
{
	ref_clients_unregister(&omap_ref_clients);
}

static struct kunit_case omap_ref_cases[] = {
	KUNIT_CASE(omap_ref_bound),
	KUNIT_CASE(omap_ref_every_size_ipu),
	KUNIT_CASE(omap_ref_every_size_isp),
	KUNIT_CASE(omap_ref_fault_report),
	KUNIT_CASE(omap_ref_unmap_flushes),
	KUNIT_CASE(omap_ref_defect_l2_freed_before_flush),
	{}
};

static struct kunit_suite omap_ref_suite = {
	.name = "socmmu_ref_omap",
	.suite_init = omap_ref_suite_init,
	.suite_exit = omap_ref_suite_exit,
	.test_cases = omap_ref_cases,
};

kunit_test_suites(&omap_ref_suite);

MODULE_DESCRIPTION("socmmu reference kernel: mainline omap-iommu on the OMAP model");
MODULE_LICENSE("GPL");
