// SPDX-License-Identifier: GPL-2.0
/*
 * Fidelity of the MSM IOMMU model: mainline's msm_iommu (built into the
 * reference kernel through kernel-patches/6.12-ref) drives the model
 * through the generic IOMMU API: every page size (io-pgtable-arm-v7s)
 * mapped, read by the device through the model, unmapped, and faults.
 * mainline reports no fault to the domain's handler: its interrupt
 * handler logs and clears FSR (M:660-690).  The known defect of
 * hardware.md 3 (a master stalled on a fault is never resumed: RESUME is
 * never written) is reproduced with the model's counters.
 *
 * Documentation/reference.rst.
 */
#include <kunit/test.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/sizes.h>

#include "../msm_model/msm_model.h"
#include "ref_client.h"

static const struct of_device_id msm_ref_clients_match[] = {
	{ .compatible = "socmmu,test-msm-client" },
	{}
};

static struct ref_clients msm_ref_clients;

struct msm_ref {
	struct device *dev;
	struct msm_model *model;
	struct model_bus_master bus;
	struct iommu_domain *domain;
	struct ref_fault fault;
};

static void msm_ref_setup(struct kunit *test, struct msm_ref *r,
			  const char *client, const char *mmu)
{
	struct device *mmu_dev;

	r->dev = ref_client(&msm_ref_clients, client);
	KUNIT_ASSERT_NOT_NULL_MSG(test, r->dev, "client %s not bound", client);
	r->model = msm_model_find(mmu);
	KUNIT_ASSERT_NOT_NULL(test, r->model);
	mmu_dev = msm_model_device(r->model);
	KUNIT_ASSERT_NOT_NULL(test, mmu_dev);
	KUNIT_ASSERT_NOT_NULL_MSG(test, mmu_dev->driver, "%s: no driver bound", mmu);
	KUNIT_ASSERT_STREQ(test, mmu_dev->driver->name, "msm_iommu");
	KUNIT_ASSERT_EQ(test, model_bus_master_of(r->dev->of_node, 0, &r->bus), 0);

	r->domain = iommu_paging_domain_alloc(r->dev);
	KUNIT_ASSERT_FALSE(test, IS_ERR(r->domain));
	ref_fault_init(&r->fault, r->domain, 0);
	if (iommu_attach_device(r->domain, r->dev)) {
		iommu_domain_free(r->domain);
		KUNIT_FAIL_AND_ABORT(test, "attach failed");
	}
	msm_model_reset_counters(r->model);
}

static void msm_ref_teardown(struct msm_ref *r)
{
	iommu_detach_device(r->domain, r->dev);
	iommu_domain_free(r->domain);
}

static const struct {
	size_t size;
	int walk;
	u32 iova;
} msm_ref_sizes[] = {
	{ SZ_4K,  MSM_MODEL_4K,  0x10001000 },
	{ SZ_64K, MSM_MODEL_64K, 0x10110000 },
	{ SZ_1M,  MSM_MODEL_1M,  0x10300000 },
	{ SZ_16M, MSM_MODEL_16M, 0x12000000 },
};

/* Every page size through one context bank of msm_mdp (MID 1). */
static void msm_ref_every_size(struct kunit *test)
{
	struct msm_model_counters c;
	struct model_bus_result res;
	struct ref_block b;
	struct msm_ref r;
	unsigned int i;

	msm_ref_setup(test, &r, "msm-client-a", "iommu@d4000000");
	for (i = 0; i < ARRAY_SIZE(msm_ref_sizes); i++) {
		size_t size = msm_ref_sizes[i].size;
		u32 iova = msm_ref_sizes[i].iova;

		KUNIT_ASSERT_EQ(test, ref_block_get(&b, size), 0);
		ref_block_fill(&b, iova);
		KUNIT_EXPECT_EQ(test, iommu_map(r.domain, iova, b.block, size,
						IOMMU_READ | IOMMU_WRITE, GFP_KERNEL), 0);
		msm_model_reset_counters(r.model);
		KUNIT_EXPECT_TRUE_MSG(test, ref_block_matches(&r.bus, iova, &b, &res),
				      "size %zu: read status %d", size, res.status);
		msm_model_counters(r.model, &c);
		KUNIT_EXPECT_EQ_MSG(test, c.walks_by_size[msm_ref_sizes[i].walk], 1u,
				    "size %zu", size);
		KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(r.domain, iova + b.offset),
				b.block + b.offset);
		KUNIT_EXPECT_EQ(test, iommu_unmap(r.domain, iova, size), size);
		ref_block_put(&b);
	}
	msm_ref_teardown(&r);
}

/*
 * A fault: the model records it and interrupts; mainline's handler logs
 * it and clears FSR but never calls report_iommu_fault() (the domain's
 * handler stays silent) and never writes RESUME: the master it stalled
 * (mainline sets CFCFG, M:291) stays stalled.  Known mainline defect of
 * hardware.md 3, proven by the model's stalls and resumes counters.
 */
static void msm_ref_defect_stall_never_resumed(struct kunit *test)
{
	struct msm_model_counters c;
	struct model_bus_result res;
	struct msm_ref r;
	unsigned int irqs = 0, i;
	u32 word;

	msm_ref_setup(test, &r, "msm-client-vfe", "iommu@d4200000");
	KUNIT_EXPECT_EQ(test, model_bus_read(&r.bus, 0x30000000, &word, 4, &res),
			MODEL_BUS_STALLED);
	/* The interrupt comes from the tick: give mainline's handler time. */
	KUNIT_EXPECT_FALSE(test, ref_fault_wait(&r.fault));
	msm_model_counters(r.model, &c);
	for (i = 0; i < MSM_MODEL_NR_IRQS; i++)
		irqs += c.irqs[i];
	KUNIT_EXPECT_EQ(test, c.faults, 1u);
	KUNIT_EXPECT_GE(test, irqs, 1u);
	KUNIT_EXPECT_EQ(test, r.fault.count, 0u);
	KUNIT_EXPECT_EQ(test, c.stalls, 1u);
	KUNIT_EXPECT_EQ(test, c.resumes_retry + c.resumes_terminate, 0u);
	KUNIT_EXPECT_TRUE(test, model_bus_stalled(&r.bus));
	if (c.stalls && !c.resumes_retry && !c.resumes_terminate)
		kunit_info(test, "KNOWN MAINLINE DEFECT msm_iommu: stalled master never resumed; model counters stalls=%u resumes=%u irqs=%u, domain handler calls=%u",
			   c.stalls, c.resumes_retry + c.resumes_terminate, irqs, r.fault.count);
	msm_ref_teardown(&r);
}

/*
 * mainline's probe programs the registers (reset, then a V2P whose PAR
 * must not read 0) with its clocks only prepared (devm_clk_get_prepared,
 * M:728-768): on a board something else left smmu_pclk on.  The model
 * drops such accesses, so at the model's load every probe failed
 * ("Invalid PAR value detected").  Found by this suite; here the model
 * serves them, as that board would, and the MMUs probe again.
 */
static int msm_ref_suite_init(struct kunit_suite *suite)
{
	struct msm_model *m;
	unsigned int i;
	int ret;

	msm_model_serve_off_clock(true);
	for (i = 0; (m = msm_model_get(i)); i++) {
		struct device *dev = msm_model_device(m);

		if (dev && !dev->driver) {
			ret = device_attach(dev);
			if (ret <= 0)
				return ret ? ret : -ENODEV;
		}
	}
	return ref_clients_register(&msm_ref_clients, "socmmu-ref-msm-client",
				    msm_ref_clients_match);
}

static void msm_ref_suite_exit(struct kunit_suite *suite)
{
	ref_clients_unregister(&msm_ref_clients);
	msm_model_serve_off_clock(false);
}

static struct kunit_case msm_ref_cases[] = {
	KUNIT_CASE(msm_ref_every_size),
	KUNIT_CASE(msm_ref_defect_stall_never_resumed),
	{}
};

static struct kunit_suite msm_ref_suite = {
	.name = "socmmu_ref_msm",
	.suite_init = msm_ref_suite_init,
	.suite_exit = msm_ref_suite_exit,
	.test_cases = msm_ref_cases,
};

kunit_test_suites(&msm_ref_suite);

MODULE_DESCRIPTION("socmmu reference kernel: mainline msm_iommu on the MSM model");
MODULE_LICENSE("GPL");
