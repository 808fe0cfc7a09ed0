// SPDX-License-Identifier: GPL-2.0
/*
 * `make bench` on the reference kernel (uml-ref-6.12, no debugging
 * options): our OMAP driver against mainline's omap-iommu, in one boot,
 * on identical OMAP4 model instances (32 TLB entries, bus-err-back) and
 * the same workload, both through the generic IOMMU API (the Exynos and
 * MSM rows follow: ref_bench_soc.c):
 *
 *   mainline: client "ipu" behind mmu_ipu, a paging domain of its own;
 *   ours:     client dma2 behind mmu_dma2 (handed over by
 *             socmmu_ref_handover), the DMA layer's domain, in an IOVA
 *             area reserved for the bench.
 *
 * Rows print "bench NAME: socmmu X ns/op, mainline Y ns/op, speedup Y/X"
 * (speedup: how many times faster ours is), best of the alternating
 * rounds, and the spread of each side's rounds as the noise
 * (ref_bench_work.c, shared with the Exynos and MSM rows).
 * The TLB row counts the model's invalidation register writes for one
 * unmap batch: a count, not a time.  Nothing is asserted on the figures.
 * Documentation/performance.rst.
 */
#include <linux/iommu.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pm_runtime.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>

#include <socmmu_dma.h>

#include "../dma/dma_test.h"
#include "../omap_model/omap_model.h"
#include "ref_bench_work.h"
#include "ref_client.h"

#define BENCH_OURS_AREA	0xa0000000ULL	/* in dma2's default window */
#define BENCH_AREA_SIZE	SZ_256M
#define BENCH_THEIRS_AREA 0x20000000UL

static const struct of_device_id ref_bench_clients_match[] = {
	{ .compatible = "socmmu,test-ipu" },
	{}
};

struct bench_side {
	struct ref_bench_side w;
	struct device *dev;
	struct omap_model *model;
};

static struct {
	struct ref_clients clients;
	struct bench_side ours, theirs;
	bool attached, reserved, ours_active, pool;
} rb;

/* TLB invalidation writes (FLUSH_ENTRY, GFLUSH) of one 64 MiB unmap. */
static int bench_flush_writes(struct bench_side *s, unsigned int *writes,
			      unsigned int *accesses)
{
	struct omap_model_counters c;
	unsigned int i;

	if (ref_bench_map_64m_4k(&s->w, IOMMU_READ))
		return -EIO;
	omap_model_reset_counters(s->model);
	if (iommu_unmap(s->w.domain, s->w.base, SZ_64M) != SZ_64M)
		return -EIO;
	omap_model_counters(s->model, &c);
	*writes = c.reg_writes[OMAP_MODEL_FLUSH_ENTRY / 4] + c.reg_writes[OMAP_MODEL_GFLUSH / 4];
	*accesses = 0;
	for (i = 0; i < ARRAY_SIZE(c.reg_reads); i++)
		*accesses += c.reg_reads[i] + c.reg_writes[i];
	return 0;
}

static void bench_flush_row(void)
{
	unsigned int w[2], a[2];

	if (bench_flush_writes(&rb.ours, &w[0], &a[0]) ||
	    bench_flush_writes(&rb.theirs, &w[1], &a[1])) {
		pr_err("bench omap tlb-writes: failed\n");
		return;
	}
	pr_info("bench omap tlb-writes per 64M unmap: socmmu %u (%u register accesses), mainline %u (%u register accesses)\n",
		w[0], a[0], w[1], a[1]);
}

static int ref_bench_setup(void)
{
	struct device *mmu_dev;
	int ret;

	rb.pool = true;
	ret = ref_bench_pool_get();
	if (ret)
		return ret;
	rb.ours.w.label = "socmmu";
	rb.ours.dev = dma_test_client(2);
	rb.ours.w.domain = rb.ours.dev ? socmmu_dma_domain(rb.ours.dev) : NULL;
	rb.ours.model = omap_model_find("mmu_dma2");
	rb.ours.w.base = BENCH_OURS_AREA;
	if (!rb.ours.w.domain || !rb.ours.model)
		return -ENODEV;
	ret = socmmu_dma_reserve(rb.ours.dev, BENCH_OURS_AREA, BENCH_AREA_SIZE);
	if (ret)
		return ret;
	rb.reserved = true;
	/* Active, as mainline's attached MMU is: unmaps reach the TLB. */
	ret = pm_runtime_resume_and_get(omap_model_device(rb.ours.model));
	if (ret)
		return ret;
	rb.ours_active = true;

	ret = ref_clients_register(&rb.clients, "socmmu-ref-bench-client",
				   ref_bench_clients_match);
	if (ret)
		return ret;
	rb.theirs.w.label = "mainline";
	rb.theirs.dev = ref_client(&rb.clients, "ipu");
	rb.theirs.model = omap_model_find("mmu_ipu");
	rb.theirs.w.base = BENCH_THEIRS_AREA;
	if (!rb.theirs.dev || !rb.theirs.model)
		return -ENODEV;
	mmu_dev = omap_model_device(rb.theirs.model);
	if (!mmu_dev || !mmu_dev->driver || strcmp(mmu_dev->driver->name, "omap-iommu"))
		return -ENODEV;
	omap_model_set_power(rb.theirs.model, true);
	rb.theirs.w.domain = iommu_paging_domain_alloc(rb.theirs.dev);
	if (IS_ERR(rb.theirs.w.domain)) {
		ret = PTR_ERR(rb.theirs.w.domain);
		rb.theirs.w.domain = NULL;
		return ret;
	}
	ret = iommu_attach_device(rb.theirs.w.domain, rb.theirs.dev);
	if (ret)
		return ret;
	rb.attached = true;
	return 0;
}

static void ref_bench_teardown(void)
{
	if (rb.attached)
		iommu_detach_device(rb.theirs.w.domain, rb.theirs.dev);
	if (rb.theirs.w.domain)
		iommu_domain_free(rb.theirs.w.domain);
	if (rb.clients.drv.probe)
		ref_clients_unregister(&rb.clients);
	if (rb.ours_active)
		pm_runtime_put(omap_model_device(rb.ours.model));
	if (rb.reserved)
		socmmu_dma_unreserve(rb.ours.dev, BENCH_OURS_AREA, BENCH_AREA_SIZE);
	if (rb.pool)
		ref_bench_pool_put();
	memset(&rb, 0, sizeof(rb));
}

static int __init ref_bench_init(void)
{
	int ret = ref_bench_setup();

	if (ret) {
		pr_err("bench: reference setup failed: %d\n", ret);
		ref_bench_teardown();
		return ret;
	}
	ref_bench_row("omap map+unmap 64M in 4K", &rb.ours.w, &rb.theirs.w, ref_bench_4k);
	ref_bench_row("omap map+unmap mixed 4K..16M", &rb.ours.w, &rb.theirs.w, ref_bench_mixed);
	bench_flush_row();
	ret = ref_bench_soc_run();
	if (ret) {
		ref_bench_soc_stop();
		ref_bench_teardown();
	}
	return ret;
}

static void __exit ref_bench_exit(void)
{
	ref_bench_soc_stop();
	ref_bench_teardown();
}

module_init(ref_bench_init);
module_exit(ref_bench_exit);

MODULE_DESCRIPTION("socmmu reference kernel: our OMAP, Exynos and MSM drivers against mainline's, timed");
MODULE_LICENSE("GPL");
