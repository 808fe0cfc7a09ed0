// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the MSM IOMMU driver (socmmu_msm_iommu) against the
 * MSM IOMMU model.  The test bench's platform driver (kunit/iommu_bench)
 * binds the test DT's clients ("socmmu,test-msm-client"), so that driver
 * core runs of_dma_configure -> of_iommu_configure -> the framework's
 * of_xlate and probe_device, as for any real client.  Cases are C++
 * (msm_iommu_test.cpp); this file holds the tables and the kernel calls,
 * and has the bench undo whatever a case left behind.
 *
 * 6.1 runs a module's suites before its init, so the client driver is
 * registered from the suites' suite_init; the module's exit unregisters it
 * and destroys the client devices, which drops the IOMMU core's module
 * reference on the driver (one per probed client) so that it can unload.
 */
#include <kunit/test.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <shim/kcompat.h>
#include <socmmu_dma.h>

#include "../../iommu/core/socmmu_iommu.h"
#include "../iommu_bench/iommu_bench.h"
#include "../model_clk/model_clk.h"
#include "../msm_model/msm_model.h"
#include "msm_iommu_test.h"

/* Node names of the clients, in enum mit_client order. */
static const char *const mit_names[MIT_NR_CLIENTS] = {
	"msm-client-a", "msm-client-b", "msm-client-c", "msm-client-gfx",
	"msm-client-vfe", "msm-client-multi", "msm-client-badmid",
};

/* The model instances behind each client, in its "iommus" order. */
static const char *const mit_iommus[MIT_NR_CLIENTS][2] = {
	{ "iommu@d4000000" }, { "iommu@d4000000" }, { "iommu@d4000000" },
	{ "iommu@d4100000" }, { "iommu@d4200000" },
	{ "iommu@d4000000", "iommu@d4100000" }, { "iommu@d4300000" },
};

#define MIT_MAX		32

/* What the running case holds beyond what the bench tracks. */
static struct {
	void *buffers[MIT_MAX];
	int n_buffers;
	struct {
		struct device *dev;
		void *cpu;
		dma_addr_t dma;
		size_t size;
	} coherent[MIT_MAX];
	int n_coherent;
	struct mit_faults faults;
	struct msm_model *irqs_off;
	enum mit_fault_mode fault_mode;
	u64 fix_phys;
} mit;

static int mit_index_of(struct device_node *np)
{
	int i;

	for (i = 0; i < MIT_NR_CLIENTS; i++) {
		if (of_node_name_eq(np, mit_names[i]))
			return i;
	}
	return -1;
}

/* These suites attach domains of their own; vfe keeps the DMA layer. */
static bool mit_probed(unsigned int i, struct device *dev)
{
	return i == MIT_VFE;
}

static struct device *mit_iommu_dev(unsigned int client, unsigned int i)
{
	struct msm_model *m;

	if (!mit_iommus[client][i])
		return NULL;
	m = msm_model_find(mit_iommus[client][i]);
	return m ? msm_model_device(m) : NULL;
}

/* The case's coherent buffers go with its domains, before runtime PM. */
static void mit_release(void)
{
	while (mit.n_coherent) {
		mit.n_coherent--;
		dma_free_coherent(mit.coherent[mit.n_coherent].dev,
				  mit.coherent[mit.n_coherent].size,
				  mit.coherent[mit.n_coherent].cpu,
				  mit.coherent[mit.n_coherent].dma);
	}
}

static const struct of_device_id mit_client_match[] = {
	{ .compatible = "socmmu,test-msm-client" },
	{}
};

/* The client driver and what the running case holds (kunit/iommu_bench). */
static struct ib_bench mit_bench = {
	.name = "socmmu-msm-iommu-test-client",
	.match = mit_client_match,
	.nr_clients = MIT_NR_CLIENTS,
	.client_names = mit_names,
	.max_domains = 4,
	.index_of = mit_index_of,
	.iommu_dev = mit_iommu_dev,
	.probed = mit_probed,
	.release = mit_release,
};

/* ------------------------------------------------------------ helpers -- */

struct ib_bench *mit_the_bench(void)
{
	return &mit_bench;
}

struct device *mit_client(enum mit_client which)
{
	return ib_client(&mit_bench, which);
}

bool mit_has_iommu(struct device *dev)
{
	struct iommu_group *group = dev ? iommu_group_get(dev) : NULL;

	iommu_group_put(group);
	return group;
}

/* device_is_bound() is not exported on 6.1; a driver pointer says as much here. */
bool mit_bound(struct device *dev)
{
	return dev && READ_ONCE(dev->driver);
}

bool mit_paging_domains(void)
{
	return KX_IOMMU_PAGING_DOMAINS;
}

struct iommu_domain *mit_domain_alloc(struct device *client)
{
	return ib_domain_alloc(&mit_bench, client);
}

int mit_attach(struct iommu_domain *domain, struct device *client)
{
	return ib_attach(&mit_bench, domain, client);
}

void mit_detach(struct iommu_domain *domain, struct device *client)
{
	ib_detach(&mit_bench, domain, client);
}

int mit_map(struct iommu_domain *domain, u64 iova, u64 paddr, u64 size, int prot)
{
	return kx_iommu_map(domain, iova, paddr, size, prot);
}

size_t mit_unmap(struct iommu_domain *domain, u64 iova, u64 size)
{
	return iommu_unmap(domain, iova, size);
}

size_t mit_unmap_batch(struct iommu_domain *domain, const u64 *iova, const u64 *size,
		       unsigned int n)
{
	struct iommu_iotlb_gather gather;
	size_t total = 0;
	unsigned int i;

	iommu_iotlb_gather_init(&gather);
	for (i = 0; i < n; i++)
		total += iommu_unmap_fast(domain, iova[i], size[i], &gather);
	iommu_iotlb_sync(domain, &gather);
	return total;
}

u64 mit_iova_to_phys(struct iommu_domain *domain, u64 iova)
{
	return iommu_iova_to_phys(domain, iova);
}

/* In the IRQ handler's context: hard interrupt on UML, so atomic maps only. */
static int mit_fault_fn(struct iommu_domain *domain, struct device *dev, unsigned long iova,
			int flags, void *token)
{
	struct mit_faults *faults = token;
	int ret = 0;

	switch (READ_ONCE(mit.fault_mode)) {
	case MIT_FAULT_REFUSE:
		ret = -EFAULT;
		break;
	case MIT_FAULT_MAP:
		ret = kx_iommu_map_atomic(domain, iova & PAGE_MASK, mit.fix_phys, PAGE_SIZE,
					  IOMMU_READ | IOMMU_WRITE);
		if (ret)
			WRITE_ONCE(faults->map_errors, faults->map_errors + 1);
		break;
	default:
		break;
	}
	WRITE_ONCE(faults->dev, dev);
	WRITE_ONCE(faults->iova, iova);
	WRITE_ONCE(faults->flags, flags);
	/* The fields before the count: mit_wait_faults() reads them after it. */
	smp_wmb();
	WRITE_ONCE(faults->count, faults->count + 1);
	return ret;
}

struct mit_faults *mit_set_fault_handler(struct iommu_domain *domain, enum mit_fault_mode mode,
					 u64 fix_phys)
{
	memset(&mit.faults, 0, sizeof(mit.faults));
	WRITE_ONCE(mit.fault_mode, mode);
	mit.fix_phys = fix_phys;
	iommu_set_fault_handler(domain, mit_fault_fn, &mit.faults);
	return &mit.faults;
}

bool mit_wait_faults(struct mit_faults *faults, int count)
{
	return ib_wait_count(&faults->count, count);
}

struct mit_bank {
	struct msm_model *m;
	u32 mid;
};

static bool mit_unstalled(void *bank, long unused)
{
	struct mit_bank *b = bank;

	return !msm_model_stalled(b->m, b->mid);
}

bool mit_wait_unstalled(struct msm_model *m, u32 mid)
{
	struct mit_bank bank = { m, mid };

	return ib_poll(mit_unstalled, &bank, 0);
}

static bool mit_powered_is(void *m, long on)
{
	return msm_model_powered(m) == on;
}

bool mit_wait_power(struct msm_model *m, bool on)
{
	return ib_poll(mit_powered_is, m, on);
}

int mit_stats(struct msm_model *m, struct socmmu_iommu_stats *stats)
{
	struct device *dev = msm_model_device(m);

	return dev ? socmmu_iommu_get_stats(dev, stats) : -ENODEV;
}

static bool mit_terminated(void *m, long terminated)
{
	struct socmmu_iommu_stats s;

	return !mit_stats(m, &s) && s.terminated >= terminated;
}

bool mit_wait_terminated(struct msm_model *m, u64 terminated)
{
	return ib_poll(mit_terminated, m, terminated);
}

static bool mit_unhandled(void *m, long unhandled)
{
	struct socmmu_iommu_stats s;

	return !mit_stats(m, &s) && s.unhandled_faults >= unhandled;
}

bool mit_wait_unhandled(struct msm_model *m, u64 unhandled)
{
	return ib_poll(mit_unhandled, m, unhandled);
}

bool mit_clock_on(struct msm_model *m, const char *clock)
{
	const struct model_clk *clk = msm_model_clk(m, clock);

	return clk && model_clk_enabled(clk);
}

void mit_irqs_off(struct msm_model *m)
{
	unsigned int i;

	for (i = 0; i < msm_model_nr_irqs(m); i++)
		disable_irq(msm_model_irq(m, i));
	mit.irqs_off = m;
}

void mit_irqs_on(struct msm_model *m)
{
	unsigned int i;

	if (mit.irqs_off != m)
		return;
	for (i = 0; i < msm_model_nr_irqs(m); i++)
		enable_irq(msm_model_irq(m, i));
	mit.irqs_off = NULL;
}

int mit_claim_blocked(struct device *client)
{
	return ib_claim_blocked(&mit_bench, client);
}

void mit_release_blocked(struct device *client)
{
	ib_release_blocked(&mit_bench, client);
}

int mit_pm_get(struct device *dev)
{
	return ib_pm_get(&mit_bench, dev);
}

void mit_pm_put(struct device *dev)
{
	ib_pm_put(&mit_bench, dev);
}

int mit_sleep_suspend(struct device *client)
{
	int c = ib_client_index(&mit_bench, client);

	return c < 0 ? -EINVAL : ib_sleep_suspend(&mit_bench, c);
}

int mit_sleep_resume(struct device *client)
{
	int c = ib_client_index(&mit_bench, client);

	return c < 0 ? -EINVAL : ib_sleep_resume(&mit_bench, c);
}

/*
 * The client device goes (release_device: its bank is given back); later
 * a new one is made from the same node, which the test driver binds
 * (probe_device: a bank again).  Nothing of the case may hold it.
 */
static struct device_node *mit_destroyed[MIT_NR_CLIENTS];

int mit_destroy(enum mit_client which)
{
	struct device *dev = mit_client(which);

	if (!dev || mit_destroyed[which])
		return -ENODEV;
	mit_destroyed[which] = of_node_get(dev->of_node);
	of_platform_device_destroy(dev, NULL);
	return mit_client(which) ? -EBUSY : 0;
}

int mit_create(enum mit_client which)
{
	struct device_node *np = which < MIT_NR_CLIENTS ? mit_destroyed[which] : NULL;
	struct platform_device *pdev;

	if (!np)
		return -ENODEV;
	mit_destroyed[which] = NULL;
	pdev = of_platform_device_create(np, NULL, NULL);
	of_node_put(np);
	if (!pdev)
		return -ENODEV;
	return mit_client(which) ? 0 : -ENODEV;
}

void *mit_page(u64 *phys)
{
	return ib_page(&mit_bench, phys);
}

void *mit_phys_to_virt(u64 phys)
{
	return phys_to_virt(phys);
}

void *mit_dma_alloc(struct device *client, size_t size, u64 *dma)
{
	dma_addr_t handle;
	void *cpu;

	if (mit.n_coherent == MIT_MAX)
		return NULL;
	cpu = dma_alloc_coherent(client, size, &handle, GFP_KERNEL);
	if (!cpu)
		return NULL;
	mit.coherent[mit.n_coherent].dev = client;
	mit.coherent[mit.n_coherent].cpu = cpu;
	mit.coherent[mit.n_coherent].dma = handle;
	mit.coherent[mit.n_coherent].size = size;
	mit.n_coherent++;
	*dma = handle;
	return cpu;
}

int mit_dma_map(struct device *client, void *cpu, size_t size, u64 *dma)
{
	dma_addr_t handle = dma_map_single(client, cpu, size, DMA_BIDIRECTIONAL);

	if (dma_mapping_error(client, handle))
		return -ENOMEM;
	*dma = handle;
	return 0;
}

void mit_dma_unmap(struct device *client, u64 dma, size_t size)
{
	dma_unmap_single(client, dma, size, DMA_BIDIRECTIONAL);
}

void *mit_buffer(size_t size)
{
	void *buf;

	if (mit.n_buffers == MIT_MAX)
		return NULL;
	buf = kzalloc(size, GFP_KERNEL);
	if (buf)
		mit.buffers[mit.n_buffers++] = buf;
	return buf;
}

u32 mit_reg_read(struct msm_model *m, u32 offset)
{
	return ib_reg_read(msm_model_phys_base(m), MSM_MODEL_WINDOW, offset);
}

long mit_debugfs_read(struct msm_model *m, const char *file, char *buf, size_t len)
{
	return ib_debugfs_read("socmmu_msm_iommu", msm_model_device(m), file, buf, len, NULL);
}

void mit_format(char *buf, size_t len, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, len, fmt, args);
	va_end(args);
}

bool mit_contains(const char *text, const char *needle)
{
	return ib_contains(text, needle);
}

void mit_log(struct kunit *test, const char *what, const char *text)
{
	ib_log(test, what, text);
}

/* ------------------------------------------------------------- suites -- */

static int mit_suite_init(struct kunit_suite *suite)
{
	return ib_suite_init(&mit_bench);
}

static int mit_case_init(struct kunit *test)
{
	memset(&mit, 0, sizeof(mit));
	return ib_case_init(&mit_bench, test);
}

static void mit_case_exit(struct kunit *test)
{
	int i;

	/* A client a case destroyed and did not create again. */
	for (i = 0; i < MIT_NR_CLIENTS; i++)
		mit_create(i);
	if (mit.irqs_off)
		mit_irqs_on(mit.irqs_off);
	ib_case_exit(&mit_bench);
	while (mit.n_buffers)
		kfree(mit.buffers[--mit.n_buffers]);
	memset(&mit, 0, sizeof(mit));
}

static struct kunit_case mit_translation_cases[] = {
	KUNIT_CASE(mit_page_sizes_and_attributes),
	KUNIT_CASE(mit_unmap_then_fault),
	KUNIT_CASE(mit_batched_invalidation),
	KUNIT_CASE(mit_two_clients_isolated),
	KUNIT_CASE(mit_client_with_two_mids),
	KUNIT_CASE(mit_client_on_two_instances),
	KUNIT_CASE(mit_unowned_mid_faults),
	KUNIT_CASE(mit_released_client_unrouted),
	KUNIT_CASE(mit_bad_inputs),
	KUNIT_CASE(mit_attach_detach),
	KUNIT_CASE(mit_blocked_domain),
	KUNIT_CASE(mit_dma_api),
	KUNIT_CASE(mit_debugfs),
	{}
};

static struct kunit_suite mit_translation_suite = {
	.name = "socmmu_msm_iommu",
	.suite_init = mit_suite_init,
	.init = mit_case_init,
	.exit = mit_case_exit,
	.test_cases = mit_translation_cases,
};

static struct kunit_case mit_fault_cases[] = {
	KUNIT_CASE(mit_stall_handler_maps_retry),
	KUNIT_CASE(mit_stall_refused_terminated),
	KUNIT_CASE(mit_stall_unfixed_terminated),
	KUNIT_CASE(mit_fault_flags),
	KUNIT_CASE(mit_stall_released_by_detach_and_suspend),
	{}
};

static struct kunit_suite mit_fault_suite = {
	.name = "socmmu_msm_iommu_faults",
	.suite_init = mit_suite_init,
	.init = mit_case_init,
	.exit = mit_case_exit,
	.test_cases = mit_fault_cases,
};

static struct kunit_case mit_pm_cases[] = {
	KUNIT_CASE(mit_runtime_pm_context),
	KUNIT_CASE(mit_map_while_suspended),
	KUNIT_CASE(mit_system_sleep),
	{}
};

static struct kunit_suite mit_pm_suite = {
	.name = "socmmu_msm_iommu_pm",
	.suite_init = mit_suite_init,
	.init = mit_case_init,
	.exit = mit_case_exit,
	.test_cases = mit_pm_cases,
};

/* Allocation failure at every site (failnth.c). */
static struct kunit_case mit_failnth_cases[] = {
	KUNIT_CASE(mit_failnth_domain_alloc),
	KUNIT_CASE(mit_failnth_attach),
	KUNIT_CASE(mit_failnth_map_pages),
	KUNIT_CASE(mit_failnth_map_pages_atomic),
	KUNIT_CASE(mit_failnth_dma_coherent),
	KUNIT_CASE(mit_failnth_dma_atomic),
	KUNIT_CASE(mit_failnth_dma_map_sg),
	KUNIT_CASE(mit_failnth_dma_map_single),
	{}
};

static struct kunit_suite mit_failnth_suite = {
	.name = "socmmu_msm_iommu_failnth",
	.suite_init = mit_suite_init,
	.init = mit_case_init,
	.exit = mit_case_exit,
	.test_cases = mit_failnth_cases,
};

/* A misbehaving device (storm.c, kunit/iommu_bench/bench_storm.h). */
static struct kunit_case mit_abuse_cases[] = {
	KUNIT_CASE(mit_storm),
	KUNIT_CASE(mit_fault_at_runtime_suspend),
	KUNIT_CASE(mit_fault_at_sleep),
	KUNIT_CASE(mit_readonly_write),
	{}
};

static struct kunit_suite mit_abuse_suite = {
	.name = "socmmu_msm_iommu_abuse",
	.suite_init = mit_suite_init,
	.init = mit_case_init,
	.exit = mit_case_exit,
	.test_cases = mit_abuse_cases,
};

/*
 * The VFE IOMMU's probe with its Nth allocation failed: first, before the
 * bench's client driver binds the VFE client (an IOMMU must not be
 * unbound under a bound client).
 */
static struct kunit_case mit_probe_failnth_cases[] = {
	KUNIT_CASE(mit_failnth_probe),
	{}
};

static struct kunit_suite mit_probe_failnth_suite = {
	.name = "socmmu_msm_iommu_probe_failnth",
	.test_cases = mit_probe_failnth_cases,
};

kunit_test_suites(&mit_probe_failnth_suite, &mit_translation_suite, &mit_fault_suite,
		  &mit_pm_suite, &mit_failnth_suite, &mit_abuse_suite);

static int __init mit_init(void)
{
	return 0;
}
module_init(mit_init);

/* Unbind and destroy the clients: each holds a reference on the driver. */
static void __exit mit_exit(void)
{
	ib_exit(&mit_bench);
}
module_exit(mit_exit);

MODULE_DESCRIPTION("socmmu: KUnit suites for the MSM IOMMU driver, against the model");
MODULE_LICENSE("GPL");
