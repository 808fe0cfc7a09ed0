// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the OMAP IOMMU driver (socmmu_omap_iommu) against the
 * OMAP MMU model.  The test bench's platform driver (kunit/iommu_bench)
 * binds the test DT's clients ("socmmu,test-isp/-ipu/-dsp"), so that
 * driver core runs of_dma_configure -> of_iommu_configure -> the driver's
 * of_xlate and probe_device, as for any real client.  Cases are C++
 * (omap_iommu_test.cpp); this file holds the tables and the kernel calls,
 * and has the bench undo whatever a case left behind.
 *
 * 6.1 runs a module's suites before its init, so the client driver is
 * registered from the suites' suite_init; the module's exit unregisters it
 * and destroys the client devices, which drops the IOMMU core's module
 * reference on the driver (one per probed client) so that it can unload.
 */
#include <kunit/test.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/string.h>

#include <shim/kcompat.h>

#include "../../iommu/omap/omap_iommu.h"
#include "../iommu_bench/iommu_bench.h"
#include "../omap_model/omap_model.h"
#include "omap_iommu_test.h"

static const char *const oit_compatibles[OIT_NR_CLIENTS] = {
	"socmmu,test-isp", "socmmu,test-ipu", "socmmu,test-dsp",
};

/* The model instances behind each client, in its "iommus" order. */
static const char *const oit_mmus[OIT_NR_CLIENTS][2] = {
	{ "mmu_isp" }, { "mmu_ipu" }, { "mmu_dsp0", "mmu_dsp1" },
};

static int oit_index_of(struct device_node *np)
{
	int i;

	for (i = 0; i < OIT_NR_CLIENTS; i++) {
		if (of_device_is_compatible(np, oit_compatibles[i]))
			return i;
	}
	return -1;
}

static struct device *oit_mmu_dev(unsigned int client, unsigned int i)
{
	struct omap_model *m;

	if (!oit_mmus[client][i])
		return NULL;
	m = omap_model_find(oit_mmus[client][i]);
	return m ? omap_model_device(m) : NULL;
}

static const struct of_device_id oit_client_match[] = {
	{ .compatible = "socmmu,test-isp" },
	{ .compatible = "socmmu,test-ipu" },
	{ .compatible = "socmmu,test-dsp" },
	{}
};

/* The client driver and what the running case holds (kunit/iommu_bench). */
static struct ib_bench oit_bench = {
	.name = "socmmu-omap-iommu-test-client",
	.match = oit_client_match,
	.nr_clients = OIT_NR_CLIENTS,
	.client_names = oit_compatibles,
	.max_domains = 1,
	.index_of = oit_index_of,
	.iommu_dev = oit_mmu_dev,
};

static struct {
	struct oit_faults faults;
	int fault_ret;
} oit;

/* ------------------------------------------------------------ helpers -- */

struct ib_bench *oit_the_bench(void)
{
	return &oit_bench;
}

struct device *oit_client(enum oit_client which)
{
	return ib_client(&oit_bench, which);
}

bool oit_paging_domains(void)
{
	return KX_IOMMU_PAGING_DOMAINS;
}

struct iommu_domain *oit_domain_alloc(struct device *client)
{
	return ib_domain_alloc(&oit_bench, client);
}

int oit_attach(struct iommu_domain *domain, struct device *client)
{
	return ib_attach(&oit_bench, domain, client);
}

void oit_detach(struct iommu_domain *domain, struct device *client)
{
	ib_detach(&oit_bench, domain, client);
}

int oit_map(struct iommu_domain *domain, u64 iova, u64 paddr, u64 size)
{
	return kx_iommu_map(domain, iova, paddr, size, IOMMU_READ | IOMMU_WRITE);
}

size_t oit_unmap(struct iommu_domain *domain, u64 iova, u64 size)
{
	return iommu_unmap(domain, iova, size);
}

u64 oit_iova_to_phys(struct iommu_domain *domain, u64 iova)
{
	return iommu_iova_to_phys(domain, iova);
}

void oit_flush_all(struct iommu_domain *domain)
{
	iommu_flush_iotlb_all(domain);
}

static int oit_fault_fn(struct iommu_domain *domain, struct device *dev, unsigned long iova,
			int flags, void *token)
{
	struct oit_faults *faults = token;

	WRITE_ONCE(faults->dev, dev);
	WRITE_ONCE(faults->iova, iova);
	WRITE_ONCE(faults->flags, flags);
	/* The fields before the count: oit_wait_faults() reads them after it. */
	smp_wmb();
	WRITE_ONCE(faults->count, faults->count + 1);
	return READ_ONCE(oit.fault_ret);
}

struct oit_faults *oit_set_fault_handler(struct iommu_domain *domain, int ret)
{
	memset(&oit.faults, 0, sizeof(oit.faults));
	oit.fault_ret = ret;
	iommu_set_fault_handler(domain, oit_fault_fn, &oit.faults);
	return &oit.faults;
}

bool oit_wait_faults(struct oit_faults *faults, int count)
{
	return ib_wait_count(&faults->count, count);
}

static bool oit_powered_is(void *m, long on)
{
	return omap_model_powered(m) == on;
}

bool oit_wait_power(struct omap_model *m, bool on)
{
	return ib_poll(oit_powered_is, m, on);
}

static bool oit_unstalled(void *m, long unused)
{
	return !omap_model_stalled(m);
}

bool oit_wait_unstalled(struct omap_model *m)
{
	return ib_poll(oit_unstalled, m, 0);
}

int oit_claim_blocked(struct device *client)
{
	return ib_claim_blocked(&oit_bench, client);
}

void oit_release_blocked(struct device *client)
{
	ib_release_blocked(&oit_bench, client);
}

int oit_client_get(struct device *client)
{
	return ib_pm_get(&oit_bench, client);
}

void oit_client_put(struct device *client)
{
	ib_pm_put(&oit_bench, client);
}

int oit_sleep_suspend(struct device *client)
{
	int c = ib_client_index(&oit_bench, client);

	return c < 0 ? -EINVAL : ib_sleep_suspend(&oit_bench, c);
}

int oit_sleep_resume(struct device *client)
{
	int c = ib_client_index(&oit_bench, client);

	return c < 0 ? -EINVAL : ib_sleep_resume(&oit_bench, c);
}

void *oit_page(u64 *phys)
{
	return ib_page(&oit_bench, phys);
}

void *oit_phys_to_virt(u64 phys)
{
	return phys_to_virt(phys);
}

u32 oit_reg_read(struct omap_model *m, u32 offset)
{
	return ib_reg_read(omap_model_phys_base(m), OMAP_MODEL_WINDOW, offset);
}

void oit_reg_write(struct omap_model *m, u32 offset, u32 value)
{
	ib_reg_write(omap_model_phys_base(m), OMAP_MODEL_WINDOW, offset, value);
}

long oit_debugfs_read(struct omap_model *m, const char *file, char *buf, size_t len, u64 *ns)
{
	return ib_debugfs_read("socmmu_omap_iommu", omap_model_device(m), file, buf, len, ns);
}

void oit_format(char *buf, size_t len, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, len, fmt, args);
	va_end(args);
}

bool oit_contains(const char *text, const char *needle)
{
	return ib_contains(text, needle);
}

bool oit_text_field(const char *text, const char *key, u32 *value)
{
	return ib_text_field(text, key, value);
}

void oit_log(struct kunit *test, const char *what, const char *text)
{
	ib_log(test, what, text);
}

/* ------------------------------------------------------------- suites -- */

static int oit_suite_init(struct kunit_suite *suite)
{
	return ib_suite_init(&oit_bench);
}

static int oit_case_init(struct kunit *test)
{
	memset(&oit, 0, sizeof(oit));
	return ib_case_init(&oit_bench, test);
}

static void oit_case_exit(struct kunit *test)
{
	ib_case_exit(&oit_bench);
	memset(&oit, 0, sizeof(oit));
}

static struct kunit_case oit_translation_cases[] = {
	KUNIT_CASE(oit_page_sizes),
	KUNIT_CASE(oit_unmap_then_fault),
	KUNIT_CASE(oit_no_freed_table_reads),
	KUNIT_CASE(oit_dsp_instances_in_sync),
	KUNIT_CASE(oit_bad_inputs),
	KUNIT_CASE(oit_attach_detach),
	KUNIT_CASE(oit_blocked_domain),
	KUNIT_CASE(oit_debugfs),
	{}
};

static struct kunit_suite oit_translation_suite = {
	.name = "socmmu_omap_iommu",
	.suite_init = oit_suite_init,
	.init = oit_case_init,
	.exit = oit_case_exit,
	.test_cases = oit_translation_cases,
};

static struct kunit_case oit_fault_cases[] = {
	KUNIT_CASE(oit_fault_handler),
	KUNIT_CASE(oit_unhandled_fault),
	KUNIT_CASE(oit_bus_err_back),
	{}
};

static struct kunit_suite oit_fault_suite = {
	.name = "socmmu_omap_iommu_faults",
	.suite_init = oit_suite_init,
	.init = oit_case_init,
	.exit = oit_case_exit,
	.test_cases = oit_fault_cases,
};

static struct kunit_case oit_pm_cases[] = {
	KUNIT_CASE(oit_runtime_pm_context),
	KUNIT_CASE(oit_map_while_suspended),
	KUNIT_CASE(oit_system_sleep),
	{}
};

static struct kunit_suite oit_pm_suite = {
	.name = "socmmu_omap_iommu_pm",
	.suite_init = oit_suite_init,
	.init = oit_case_init,
	.exit = oit_case_exit,
	.test_cases = oit_pm_cases,
};

/* Allocation failure at every site (failnth.c). */
static struct kunit_case oit_failnth_cases[] = {
	KUNIT_CASE(oit_failnth_domain_alloc),
	KUNIT_CASE(oit_failnth_attach),
	KUNIT_CASE(oit_failnth_map_pages),
	KUNIT_CASE(oit_failnth_map_pages_atomic),
	{}
};

static struct kunit_suite oit_failnth_suite = {
	.name = "socmmu_omap_iommu_failnth",
	.suite_init = oit_suite_init,
	.init = oit_case_init,
	.exit = oit_case_exit,
	.test_cases = oit_failnth_cases,
};

/* A misbehaving device (storm.c, kunit/iommu_bench/bench_storm.h). */
static struct kunit_case oit_abuse_cases[] = {
	KUNIT_CASE(oit_storm_stall),
	KUNIT_CASE(oit_storm_bus_error),
	KUNIT_CASE(oit_fault_at_runtime_suspend),
	KUNIT_CASE(oit_fault_at_sleep),
	{}
};

static struct kunit_suite oit_abuse_suite = {
	.name = "socmmu_omap_iommu_abuse",
	.suite_init = oit_suite_init,
	.init = oit_case_init,
	.exit = oit_case_exit,
	.test_cases = oit_abuse_cases,
};

/*
 * The IPU MMU's probe with its Nth allocation failed: first, before the
 * bench's client driver binds the IPU's client (an MMU must not be
 * unbound under a bound client).
 */
static struct kunit_case oit_probe_failnth_cases[] = {
	KUNIT_CASE(oit_failnth_probe),
	{}
};

static struct kunit_suite oit_probe_failnth_suite = {
	.name = "socmmu_omap_iommu_probe_failnth",
	.test_cases = oit_probe_failnth_cases,
};

kunit_test_suites(&oit_probe_failnth_suite, &oit_translation_suite, &oit_fault_suite,
		  &oit_pm_suite, &oit_failnth_suite, &oit_abuse_suite);

static int __init oit_init(void)
{
	return 0;
}
module_init(oit_init);

/* Unbind and destroy the clients: each holds a reference on the driver. */
static void __exit oit_exit(void)
{
	ib_exit(&oit_bench);
}
module_exit(oit_exit);

MODULE_DESCRIPTION("socmmu: KUnit suites for the OMAP IOMMU driver, against the model");
MODULE_LICENSE("GPL");
