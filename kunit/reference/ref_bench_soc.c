// SPDX-License-Identifier: GPL-2.0
/*
 * socmmu_ref_bench, continued: our Exynos SYSMMU and MSM IOMMU
 * drivers against mainline's exynos-iommu and msm_iommu, in one boot, on
 * identical model instances and the same workload (ref_bench_work.c),
 * both through the generic IOMMU API, each on a paging domain of its own
 * at the same IOVA:
 *
 *   Exynos v5.0: mainline sysmmu-v5 (client exynos-client-v5),
 *                ours sysmmu-v5b (exynos-client-v5b);
 *   MSM:         mainline msm_gfx (msm-client-gfx, MID 1),
 *                ours msm_cam (msm-client-bench, MID 2).
 *
 * mainline never binds ours: socmmu_ref_handover set their driver_override
 * from the bench's device tree (kunit/dts/socmmu-ref-bench.dts).  Both
 * clients are runtime-active, so both drivers' unmaps reach the TLB.
 * The TLB rows count the model's invalidation commands during one 64 MiB
 * unmap.  Nothing is asserted on the figures.
 * Documentation/performance.rst.
 */
#include <linux/iommu.h>
#include <linux/moduleparam.h>
#include <linux/pm_runtime.h>
#include <linux/sizes.h>

#include <socmmu_dma.h>

#include "../exynos_model/exynos_model.h"
#include "../msm_model/msm_model.h"
#include "ref_bench_work.h"
#include "ref_client.h"

#define SOC_BENCH_AREA	0x20000000UL

/*
 * The Exynos pair: mainline drives sysmmu-<exynos> (client
 * exynos-client-<exynos>), ours sysmmu-<exynos>b: "v5" in
 * socmmu-ref-bench.dts, "v33" in socmmu-ref-bench-v33.dts
 * (scripts/bench.sh, EXYNOS=v33).
 */
static char *exynos = "v5";
module_param(exynos, charp, 0444);
MODULE_PARM_DESC(exynos, "the Exynos SYSMMU pair of the bench's device tree (default v5)");

static const struct of_device_id soc_bench_clients_match[] = {
	{ .compatible = "socmmu,test-exynos" },
	{ .compatible = "socmmu,test-msm-client" },
	{}
};

/* What the model counted during one unmap. */
struct soc_inval {
	unsigned int commands;		/* TLB invalidation commands */
	unsigned int accesses;		/* register reads and writes, all */
	char what[96];			/* the commands, by kind */
};

struct soc_side {
	struct ref_bench_side w;
	const char *client, *mmu, *driver;
	struct device *dev;
	void *model;
	bool attached, active;
};

struct soc_pair {
	const char *name;
	struct soc_side side[2];	/* ours, mainline */
	struct device *(*mmu_device)(const char *mmu, void **model);
	void (*reset)(void *model);
	void (*count)(void *model, struct soc_inval *inv);
};

static struct device *exynos_mmu_device(const char *mmu, void **model)
{
	struct exynos_model *m = exynos_model_find(mmu);

	*model = m;
	return m ? exynos_model_device(m) : NULL;
}

static void exynos_reset(void *model)
{
	exynos_model_reset_counters(model);
}

static void exynos_count(void *model, struct soc_inval *inv)
{
	struct exynos_model_counters c;

	exynos_model_counters(model, &c);
	inv->commands = c.entry_flushes + c.range_flushes + c.full_flushes;
	inv->accesses = c.reg_reads + c.reg_writes;
	snprintf(inv->what, sizeof(inv->what), "FLUSH_ENTRY %u, FLUSH_RANGE %u, FLUSH_ALL %u",
		 c.entry_flushes, c.range_flushes, c.full_flushes);
}

static struct device *msm_mmu_device(const char *mmu, void **model)
{
	struct msm_model *m = msm_model_find(mmu);

	*model = m;
	return m ? msm_model_device(m) : NULL;
}

static void msm_reset(void *model)
{
	msm_model_reset_counters(model);
}

static void msm_count(void *model, struct soc_inval *inv)
{
	struct msm_model_counters c;
	unsigned int i, va = 0, all = 0, other;

	msm_model_counters(model, &c);
	other = c.global_tlbialls;
	for (i = 0; i < MSM_MODEL_MAX_CTX; i++) {
		va += c.tlbivas[i];
		all += c.tlbialls[i];
		other += c.tlbiasids[i] + c.tlbivaas[i];
	}
	inv->commands = va + all + other;
	inv->accesses = c.reg_reads + c.reg_writes;
	snprintf(inv->what, sizeof(inv->what), "TLBIVA %u, TLBIALL %u, other %u",
		 va, all, other);
}

static struct soc_pair soc_pairs[] = {
	{
		/* Names from the "exynos" parameter: soc_bench_exynos_names(). */
		.side = {
			{ .driver = "socmmu-exynos-sysmmu" },
			{ .driver = "exynos-sysmmu" },
		},
		.mmu_device = exynos_mmu_device,
		.reset = exynos_reset,
		.count = exynos_count,
	},
	{
		.name = "msm",
		.side = {
			{ .client = "msm-client-bench", .mmu = "iommu@d4300000",
			  .driver = "socmmu-msm-iommu" },
			{ .client = "msm-client-gfx", .mmu = "iommu@d4100000",
			  .driver = "msm_iommu" },
		},
		.mmu_device = msm_mmu_device,
		.reset = msm_reset,
		.count = msm_count,
	},
};

static struct {
	struct ref_clients clients;
	bool clients_on, serve_off_clock;
	char names[5][32];
} sb;

static void soc_bench_exynos_names(struct soc_pair *p)
{
	snprintf(sb.names[0], sizeof(sb.names[0]), "exynos-%s", exynos);
	snprintf(sb.names[1], sizeof(sb.names[1]), "sysmmu-%sb", exynos);
	snprintf(sb.names[2], sizeof(sb.names[2]), "exynos-client-%sb", exynos);
	snprintf(sb.names[3], sizeof(sb.names[3]), "sysmmu-%s", exynos);
	snprintf(sb.names[4], sizeof(sb.names[4]), "exynos-client-%s", exynos);
	p->name = sb.names[0];
	p->side[0].mmu = sb.names[1];
	p->side[0].client = sb.names[2];
	p->side[1].mmu = sb.names[3];
	p->side[1].client = sb.names[4];
}

static int soc_side_setup(struct soc_pair *p, struct soc_side *s, bool ours)
{
	struct device *mmu_dev = p->mmu_device(s->mmu, &s->model);
	int ret;

	s->w.label = ours ? "socmmu" : "mainline";
	s->w.base = SOC_BENCH_AREA;
	if (!mmu_dev || !mmu_dev->driver || strcmp(mmu_dev->driver->name, s->driver)) {
		pr_err("bench %s: %s is not bound to %s\n", p->name, s->mmu, s->driver);
		return -ENODEV;
	}
	s->dev = ref_client(&sb.clients, s->client);
	if (!s->dev) {
		pr_err("bench %s: client %s not bound\n", p->name, s->client);
		return -ENODEV;
	}
	/* Our framework gave the client the DMA layer's domain: take it off. */
	if (ours)
		socmmu_dma_release(s->dev);
	s->w.domain = iommu_paging_domain_alloc(s->dev);
	if (IS_ERR(s->w.domain)) {
		ret = PTR_ERR(s->w.domain);
		s->w.domain = NULL;
		return ret;
	}
	ret = iommu_attach_device(s->w.domain, s->dev);
	if (ret) {
		pr_err("bench %s: %s: attach failed: %d\n", p->name, s->client, ret);
		return ret;
	}
	s->attached = true;
	/* The master is active: its IOMMU translates, unmaps reach its TLB. */
	ret = pm_runtime_resume_and_get(s->dev);
	if (ret)
		return ret;
	s->active = true;
	return 0;
}

static void soc_side_teardown(struct soc_side *s)
{
	if (s->active)
		pm_runtime_put_sync(s->dev);
	if (s->attached)
		iommu_detach_device(s->w.domain, s->dev);
	if (s->w.domain)
		iommu_domain_free(s->w.domain);
	s->active = false;
	s->attached = false;
	s->w.domain = NULL;
}

/*
 * mainline's msm_iommu probes (a reset and a V2P) with its clocks only
 * prepared, which the model refuses: its probe failed when the model
 * loaded.  As the fidelity suite does (msm_ref_test.c), the model serves
 * such accesses as a board whose boot loader left the clocks on, and
 * mainline's instance of the bench probes again.
 */
static int soc_bench_mainline_msm(void)
{
	struct soc_side *s = &soc_pairs[1].side[1];
	struct msm_model *m = msm_model_find(s->mmu);
	struct device *dev = m ? msm_model_device(m) : NULL;
	int ret;

	if (!dev)
		return -ENODEV;
	msm_model_serve_off_clock(true);
	sb.serve_off_clock = true;
	if (dev->driver)
		return 0;
	ret = device_attach(dev);
	return ret < 0 ? ret : 0;
}

void ref_bench_soc_stop(void)
{
	unsigned int i, k;

	for (i = 0; i < ARRAY_SIZE(soc_pairs); i++)
		for (k = 0; k < 2; k++)
			soc_side_teardown(&soc_pairs[i].side[k]);
	if (sb.clients_on)
		ref_clients_unregister(&sb.clients);
	if (sb.serve_off_clock)
		msm_model_serve_off_clock(false);
	memset(&sb, 0, sizeof(sb));
}

static int soc_bench_setup(void)
{
	unsigned int i, k;
	int ret;

	soc_bench_exynos_names(&soc_pairs[0]);
	ret = soc_bench_mainline_msm();
	if (ret)
		return ret;
	ret = ref_clients_register(&sb.clients, "socmmu-ref-bench-soc-client",
				   soc_bench_clients_match);
	if (ret)
		return ret;
	sb.clients_on = true;
	for (i = 0; i < ARRAY_SIZE(soc_pairs); i++)
		for (k = 0; k < 2; k++) {
			ret = soc_side_setup(&soc_pairs[i], &soc_pairs[i].side[k], k == 0);
			if (ret)
				return ret;
		}
	return 0;
}

static int soc_inval_count(struct soc_pair *p, struct soc_side *s, struct soc_inval *inv)
{
	if (ref_bench_map_64m_4k(&s->w, IOMMU_READ))
		return -EIO;
	p->reset(s->model);
	if (iommu_unmap(s->w.domain, s->w.base, SZ_64M) != SZ_64M)
		return -EIO;
	p->count(s->model, inv);
	return 0;
}

static void soc_inval_row(struct soc_pair *p)
{
	struct soc_inval inv[2];

	if (soc_inval_count(p, &p->side[0], &inv[0]) ||
	    soc_inval_count(p, &p->side[1], &inv[1])) {
		pr_err("bench %s tlb-invalidations: failed\n", p->name);
		return;
	}
	pr_info("bench %s tlb-invalidations per 64M unmap: socmmu %u (%s; %u register accesses), mainline %u (%s; %u register accesses)\n",
		p->name, inv[0].commands, inv[0].what, inv[0].accesses,
		inv[1].commands, inv[1].what, inv[1].accesses);
}

int ref_bench_soc_run(void)
{
	char row[64];
	unsigned int i;
	int ret = soc_bench_setup();

	if (ret) {
		pr_err("bench: Exynos and MSM setup failed: %d\n", ret);
		return ret;
	}
	for (i = 0; i < ARRAY_SIZE(soc_pairs); i++) {
		struct soc_pair *p = &soc_pairs[i];

		snprintf(row, sizeof(row), "%s map+unmap 64M in 4K", p->name);
		ref_bench_row(row, &p->side[0].w, &p->side[1].w, ref_bench_4k);
		snprintf(row, sizeof(row), "%s map+unmap mixed 4K..16M", p->name);
		ref_bench_row(row, &p->side[0].w, &p->side[1].w, ref_bench_mixed);
		soc_inval_row(p);
	}
	return 0;
}
