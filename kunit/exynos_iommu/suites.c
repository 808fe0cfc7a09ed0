// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the Exynos SYSMMU driver (socmmu_exynos_iommu) against
 * the Exynos model.  The test bench's platform driver (kunit/iommu_bench)
 * binds the test DT's clients ("socmmu,test-exynos": one per SYSMMU
 * variant and the MFC behind two), so that driver core runs
 * of_dma_configure -> of_iommu_configure -> the framework's of_xlate and
 * probe_device, as for any real client.  Cases are C++
 * (translation_test.cpp, fault_pm_test.cpp); this file holds the tables
 * and the kernel calls, and has the bench undo whatever a case left behind.
 *
 * 6.1 runs a module's suites before its init, so the client driver is
 * registered from suite_init; the module's exit unregisters it and
 * destroys the client devices (the example camera behind sysmmu-isp too,
 * which the harness's later modules use), which drops the IOMMU core's
 * references on the driver so that it can unload.
 */
#include <kunit/test.h>
#include <linux/clk.h>
#include <linux/clk-provider.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/kmsg_dump.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <shim/kcompat.h>
#include <socmmu_dma.h>

#include "../../iommu/core/socmmu_iommu.h"
#include "../exynos_model/exynos_model.h"
#include "../iommu_bench/iommu_bench.h"
#include "../model_clk/model_clk.h"
#include "../testbench/scratch_mmio.h"
#include "exynos_iommu_test.h"

static_assert(EIT_READ == IOMMU_READ && EIT_WRITE == IOMMU_WRITE);

static const char *const eit_names[EIT_NR_CLIENTS] = {
	"v1", "v2", "v31", "v32", "v33", "v5", "v7", "v7vm", "mfc",
};

/* The model instances behind each client, in its "iommus" order. */
static const char *const eit_mmus[EIT_NR_CLIENTS][2] = {
	{ "sysmmu-v1" }, { "sysmmu-v2" }, { "sysmmu-v31" }, { "sysmmu-v32" },
	{ "sysmmu-v33" }, { "sysmmu-v5" }, { "sysmmu-v7" }, { "sysmmu-v7vm" },
	{ "sysmmu-mfc0", "sysmmu-mfc1" },
};

static bool eit_dma_layer[EIT_NR_CLIENTS];

/* What the running case holds beyond what the bench tracks. */
static struct {
	struct eit_faults faults;
	int fault_ret;
	struct exynos_model *watch;
} eit;

static int eit_index_of(struct device_node *np)
{
	static const char prefix[] = "exynos-client-";
	const char *name = kbasename(np->full_name);
	int i;

	if (strncmp(name, prefix, strlen(prefix)))
		return -1;
	for (i = 0; i < EIT_NR_CLIENTS; i++) {
		if (!strcmp(name + strlen(prefix), eit_names[i]))
			return i;
	}
	return -1;
}

/* The framework installed the DMA layer; these suites use domains of their own. */
static bool eit_probed(unsigned int i, struct device *dev)
{
	struct socmmu_dma_info info;

	eit_dma_layer[i] = !socmmu_dma_get_info(dev, &info);
	return false;
}

static struct device *eit_mmu_dev(unsigned int which, unsigned int i)
{
	struct exynos_model *m = eit_model(which, i);

	return m ? exynos_model_device(m) : NULL;
}

static const struct of_device_id eit_client_match[] = {
	{ .compatible = "socmmu,test-exynos" },
	{}
};

/* The client driver and what the running case holds (kunit/iommu_bench). */
static struct ib_bench eit_bench = {
	.name = "socmmu-exynos-iommu-test-client",
	.match = eit_client_match,
	.nr_clients = EIT_NR_CLIENTS,
	.client_names = eit_names,
	.max_domains = 10,
	.index_of = eit_index_of,
	.iommu_dev = eit_mmu_dev,
	.probed = eit_probed,
};

/* ------------------------------------------------------------ helpers -- */

struct ib_bench *eit_the_bench(void)
{
	return &eit_bench;
}

const char *eit_name(enum eit_id which)
{
	return which < EIT_NR_CLIENTS ? eit_names[which] : "?";
}

struct device *eit_client(enum eit_id which)
{
	return ib_client(&eit_bench, which);
}

struct exynos_model *eit_model(enum eit_id which, unsigned int i)
{
	if (which >= EIT_NR_CLIENTS || i >= 2 || !eit_mmus[which][i])
		return NULL;
	return exynos_model_find(eit_mmus[which][i]);
}

bool eit_had_dma_layer(enum eit_id which)
{
	return which < EIT_NR_CLIENTS && eit_dma_layer[which];
}

bool eit_paging_domains(void)
{
	return KX_IOMMU_PAGING_DOMAINS;
}

struct iommu_domain *eit_domain_alloc(struct device *client)
{
	return ib_domain_alloc(&eit_bench, client);
}

int eit_attach(struct iommu_domain *domain, struct device *client)
{
	return ib_attach(&eit_bench, domain, client);
}

void eit_detach(struct iommu_domain *domain, struct device *client)
{
	ib_detach(&eit_bench, domain, client);
}

int eit_map(struct iommu_domain *domain, u64 iova, u64 paddr, u64 size, int prot)
{
	return kx_iommu_map(domain, iova, paddr, size, prot);
}

size_t eit_unmap(struct iommu_domain *domain, u64 iova, u64 size)
{
	return iommu_unmap(domain, iova, size);
}

u64 eit_iova_to_phys(struct iommu_domain *domain, u64 iova)
{
	return iommu_iova_to_phys(domain, iova);
}

void eit_flush_all(struct iommu_domain *domain)
{
	iommu_flush_iotlb_all(domain);
}

static int eit_fault_fn(struct iommu_domain *domain, struct device *dev, unsigned long iova,
			int flags, void *token)
{
	struct eit_faults *faults = token;
	struct exynos_model *watch = READ_ONCE(eit.watch);

	WRITE_ONCE(faults->dev, dev);
	WRITE_ONCE(faults->iova, iova);
	WRITE_ONCE(faults->flags, flags);
	if (watch)
		WRITE_ONCE(faults->stalled_in_handler, exynos_model_stalled(watch));
	/* The fields before the count: eit_wait_faults() reads them after it. */
	smp_wmb();
	WRITE_ONCE(faults->count, faults->count + 1);
	return READ_ONCE(eit.fault_ret);
}

struct eit_faults *eit_set_fault_handler(struct iommu_domain *domain, int ret,
					 struct exynos_model *watch)
{
	memset(&eit.faults, 0, sizeof(eit.faults));
	eit.fault_ret = ret;
	eit.watch = watch;
	iommu_set_fault_handler(domain, eit_fault_fn, &eit.faults);
	return &eit.faults;
}

bool eit_wait_faults(struct eit_faults *faults, int count)
{
	return ib_wait_count(&faults->count, count);
}

static bool eit_powered_is(void *m, long on)
{
	return exynos_model_powered(m) == on;
}

bool eit_wait_power(struct exynos_model *m, bool on)
{
	return ib_poll(eit_powered_is, m, on);
}

static bool eit_unstalled(void *m, long unused)
{
	return !exynos_model_stalled(m);
}

bool eit_wait_unstalled(struct exynos_model *m)
{
	return ib_poll(eit_unstalled, m, 0);
}

int eit_claim_blocked(struct device *client)
{
	return ib_claim_blocked(&eit_bench, client);
}

void eit_release_blocked(struct device *client)
{
	ib_release_blocked(&eit_bench, client);
}

int eit_client_get(struct device *client)
{
	return ib_pm_get(&eit_bench, client);
}

void eit_client_put(struct device *client)
{
	ib_pm_put(&eit_bench, client);
}

int eit_sleep_suspend(enum eit_id which)
{
	return ib_sleep_suspend(&eit_bench, which);
}

int eit_sleep_resume(enum eit_id which)
{
	return ib_sleep_resume(&eit_bench, which);
}

void *eit_page(u64 *phys)
{
	return ib_page(&eit_bench, phys);
}

void *eit_phys_to_virt(u64 phys)
{
	return phys_to_virt(phys);
}

u32 eit_reg_read(struct exynos_model *m, u32 offset)
{
	return ib_reg_read(exynos_model_phys_base(m), exynos_model_window(m), offset);
}

struct socmmu_iommu_stats eit_stats(struct exynos_model *m)
{
	struct socmmu_iommu_stats stats = {};
	struct device *dev = exynos_model_device(m);

	if (dev)
		socmmu_iommu_get_stats(dev, &stats);
	return stats;
}

int eit_clock_on(struct exynos_model *m, const char *name)
{
	struct device *dev = exynos_model_device(m);
	struct model_clk *clk = dev ? model_clk_of(dev->of_node, name) : NULL;

	return clk ? model_clk_enabled(clk) : -1;
}

/* ---------------------------------------------------- bad DT nodes -- */

const char *eit_dev_name(struct exynos_model *m)
{
	struct device *dev = exynos_model_device(m);

	return dev ? dev_name(dev) : "(no device)";
}

void eit_log_mark(char *marker, size_t len)
{
	static unsigned int marks;

	snprintf(marker, len, "socmmu_exynos_iommu_test: mark %u", ++marks);
	pr_info("%s\n", marker);
}

/*
 * Lines holding @dev and @needle after the line holding @marker; the
 * driver core's own line about a failed probe does not count.
 */
static int eit_log_lines(const char *marker, const char *dev, const char *needle, char *first,
			 size_t len)
{
	struct kmsg_dump_iter iter;
	bool after = false;
	int count = 0;
	char *line;
	size_t n;

	line = kmalloc(1024, GFP_KERNEL);
	if (!line)
		return -ENOMEM;
	kmsg_dump_rewind(&iter);
	while (kmsg_dump_get_line(&iter, false, line, 1023, &n)) {
		line[n] = '\0';
		if (strstr(line, marker)) {
			after = true;
			count = 0;
			continue;
		}
		if (!after || !strstr(line, dev) || !strstr(line, needle))
			continue;
		/* 6.12's dev_err and 6.1's pr_warn for any failed probe. */
		if (strstr(line, "probe with driver") || strstr(line, ": probe of "))
			continue;
		if (!count++ && first)
			strscpy(first, strim(line), len);
	}
	kfree(line);
	return count;
}

int eit_log_count(const char *marker, const char *dev, const char *needle)
{
	return eit_log_lines(marker, dev, needle, NULL, 0);
}

int eit_reprobe_bad_node(const char *path, char *first, size_t len, bool *bound)
{
	struct device_node *np = of_find_node_by_path(path);
	struct platform_device *pdev = np ? of_find_device_by_node(np) : NULL;
	char marker[64];
	int ret;

	of_node_put(np);
	first[0] = '\0';
	*bound = false;
	if (!pdev)
		return -ENODEV;
	if (pdev->dev.driver) {
		*bound = true;
		put_device(&pdev->dev);
		return 0;
	}
	/* What a bad node's registers read: nothing, no VERSION. */
	tb_scratch_reset();
	eit_log_mark(marker, sizeof(marker));
	ret = device_attach(&pdev->dev);
	*bound = pdev->dev.driver;
	if (ret >= 0)
		ret = eit_log_lines(marker, dev_name(&pdev->dev), "", first, len);
	put_device(&pdev->dev);
	return ret;
}

int eit_node_clock_on(const char *path)
{
	struct device_node *np = of_find_node_by_path(path);
	struct clk *clk = np ? of_clk_get(np, 0) : ERR_PTR(-ENODEV);
	int ret = -1;

	of_node_put(np);
	if (!IS_ERR(clk)) {
		ret = __clk_is_enabled(clk);
		clk_put(clk);
	}
	return ret;
}

bool eit_is_instance(const char *path)
{
	struct device_node *np = of_find_node_by_path(path);
	struct platform_device *pdev = np ? of_find_device_by_node(np) : NULL;
	struct socmmu_iommu_stats stats;
	bool ret = false;

	of_node_put(np);
	if (pdev) {
		ret = !socmmu_iommu_get_stats(&pdev->dev, &stats);
		put_device(&pdev->dev);
	}
	return ret;
}

/* ------------------------------------------------------------ debugfs -- */

long eit_debugfs_read(struct exynos_model *m, const char *file, char *buf, size_t len)
{
	return ib_debugfs_read("socmmu_exynos_iommu", exynos_model_device(m), file, buf, len,
			       NULL);
}

void eit_format(char *buf, size_t len, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, len, fmt, args);
	va_end(args);
}

bool eit_contains(const char *text, const char *needle)
{
	return ib_contains(text, needle);
}

bool eit_text_field(const char *text, const char *key, u32 *value)
{
	return ib_text_field(text, key, value);
}

void eit_log(struct kunit *test, const char *what, const char *text)
{
	ib_log(test, what, text);
}

/* ------------------------------------------------------------- suites -- */

static int eit_suite_init(struct kunit_suite *suite)
{
	return ib_suite_init(&eit_bench);
}

static int eit_case_init(struct kunit *test)
{
	memset(&eit, 0, sizeof(eit));
	return ib_case_init(&eit_bench, test);
}

static void eit_case_exit(struct kunit *test)
{
	int i;

	ib_case_exit(&eit_bench);
	for (i = 0; i < EIT_NR_VARIANTS; i++) {
		struct exynos_model *m = eit_model(i, 0);

		if (m)
			exynos_model_hold_block(m, false);
	}
	memset(&eit, 0, sizeof(eit));
}

static struct kunit_case eit_translation_cases[] = {
	KUNIT_CASE(eit_all_probed),
	KUNIT_CASE(eit_page_sizes),
	KUNIT_CASE(eit_unmap_then_fault),
	KUNIT_CASE(eit_flpd_zero_l2_link),
	KUNIT_CASE(eit_no_flpd_flush_before_v33),
	KUNIT_CASE(eit_36bit_pa_per_instance),
	KUNIT_CASE(eit_sync_batching),
	KUNIT_CASE(eit_mfc_two_sysmmus),
	KUNIT_CASE(eit_bad_nodes),
	KUNIT_CASE(eit_bad_calls),
	KUNIT_CASE(eit_attach_detach),
	KUNIT_CASE(eit_blocked_domain),
	KUNIT_CASE(eit_debugfs),
	{}
};

static struct kunit_suite eit_translation_suite = {
	.name = "socmmu_exynos_iommu",
	.suite_init = eit_suite_init,
	.init = eit_case_init,
	.exit = eit_case_exit,
	.test_cases = eit_translation_cases,
};

static struct kunit_case eit_fault_cases[] = {
	KUNIT_CASE(eit_permission_faults),
	KUNIT_CASE(eit_page_fault_flags),
	KUNIT_CASE(eit_stall_and_resume),
	/* Before the fault storm, which uses up v5's rate-limited log lines. */
	KUNIT_CASE(eit_block_timeout),
	KUNIT_CASE(eit_unhandled_fault),
	{}
};

static struct kunit_suite eit_fault_suite = {
	.name = "socmmu_exynos_iommu_faults",
	.suite_init = eit_suite_init,
	.init = eit_case_init,
	.exit = eit_case_exit,
	.test_cases = eit_fault_cases,
};

static struct kunit_case eit_pm_cases[] = {
	KUNIT_CASE(eit_clocks_and_power),
	KUNIT_CASE(eit_runtime_pm_context),
	KUNIT_CASE(eit_map_while_suspended),
	KUNIT_CASE(eit_system_sleep),
	{}
};

static struct kunit_suite eit_pm_suite = {
	.name = "socmmu_exynos_iommu_pm",
	.suite_init = eit_suite_init,
	.init = eit_case_init,
	.exit = eit_case_exit,
	.test_cases = eit_pm_cases,
};

/* A misbehaving device (storm.c, kunit/iommu_bench/bench_storm.h). */
static struct kunit_case eit_abuse_cases[] = {
	KUNIT_CASE(eit_storm_v1),
	KUNIT_CASE(eit_storm_v7),
	KUNIT_CASE(eit_fault_at_runtime_suspend),
	KUNIT_CASE(eit_fault_at_sleep),
	KUNIT_CASE(eit_readonly_write),
	{}
};

static struct kunit_suite eit_abuse_suite = {
	.name = "socmmu_exynos_iommu_abuse",
	.suite_init = eit_suite_init,
	.init = eit_case_init,
	.exit = eit_case_exit,
	.test_cases = eit_abuse_cases,
};

/* Allocation failure at every site (failnth.c). */
static void eit_failnth_case_exit(struct kunit *test)
{
	eit_failnth_exit();
	eit_case_exit(test);
}

static struct kunit_case eit_failnth_cases[] = {
	KUNIT_CASE(eit_failnth_domain_alloc),
	KUNIT_CASE(eit_failnth_attach),
	KUNIT_CASE(eit_failnth_map_pages),
	KUNIT_CASE(eit_failnth_map_pages_atomic),
	KUNIT_CASE(eit_failnth_dma_setup),
	KUNIT_CASE(eit_failnth_dma_coherent),
	KUNIT_CASE(eit_failnth_dma_atomic),
	KUNIT_CASE(eit_failnth_dma_map_sg),
	KUNIT_CASE(eit_failnth_dma_map_single),
	{}
};

static struct kunit_suite eit_failnth_suite = {
	.name = "socmmu_exynos_iommu_failnth",
	.suite_init = eit_suite_init,
	.init = eit_case_init,
	.exit = eit_failnth_case_exit,
	.test_cases = eit_failnth_cases,
};

/*
 * The v7 SYSMMU unbound under a client a driver refused, the MFC's two
 * SYSMMUs under theirs, then the v7's probe with its Nth allocation
 * failed: first, before the bench's client driver binds the clients (a
 * SYSMMU must not be unbound under a bound client).
 */
static struct kunit_case eit_probe_failnth_cases[] = {
	KUNIT_CASE(eit_unbind_refused_client),
	KUNIT_CASE(eit_unbind_second_sysmmu),
	KUNIT_CASE(eit_failnth_probe),
	{}
};

static struct kunit_suite eit_probe_failnth_suite = {
	.name = "socmmu_exynos_iommu_probe_failnth",
	.test_cases = eit_probe_failnth_cases,
};

kunit_test_suites(&eit_probe_failnth_suite, &eit_translation_suite, &eit_fault_suite,
		  &eit_pm_suite, &eit_failnth_suite, &eit_abuse_suite);

static int __init eit_init(void)
{
	return 0;
}
module_init(eit_init);

static void eit_destroy_device(struct device_node *np)
{
	struct platform_device *pdev = of_find_device_by_node(np);

	if (pdev) {
		of_platform_device_destroy(&pdev->dev, NULL);
		put_device(&pdev->dev);
	}
}

/* Is @np a client of a SYSMMU (its first "iommus" entry)? */
static bool eit_behind_sysmmu(struct device_node *np)
{
	struct device_node *mmu = of_parse_phandle(np, "iommus", 0);
	bool ret = mmu && of_device_is_compatible(mmu, "samsung,exynos-sysmmu");

	of_node_put(mmu);
	return ret;
}

/*
 * Unbind and destroy the clients, each of which holds a reference on the
 * driver: the suites' own, and the example camera behind sysmmu-isp,
 * whose driver (loaded after this module) is gone by now.
 */
static void __exit eit_exit(void)
{
	struct device_node *np;

	ib_exit(&eit_bench);
	for_each_compatible_node(np, NULL, "socmmu,example-isp") {
		if (eit_behind_sysmmu(np))
			eit_destroy_device(np);
	}
}
module_exit(eit_exit);

MODULE_DESCRIPTION("socmmu: KUnit suites for the Exynos SYSMMU driver, against the model");
MODULE_LICENSE("GPL");
