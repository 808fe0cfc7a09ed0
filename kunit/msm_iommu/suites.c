// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the MSM IOMMU driver (socmmu_msm_iommu) against the
 * MSM IOMMU model.  A small platform driver binds the test DT's clients
 * ("socmmu,test-msm-client"), so that driver core runs of_dma_configure
 * -> of_iommu_configure -> the framework's of_xlate and probe_device, as
 * for any real client.  Cases are C++ (msm_iommu_test.cpp); this file
 * holds the tables and the kernel calls, and undoes whatever a case left
 * behind.
 *
 * 6.1 runs a module's suites before its init, so the client driver is
 * registered from the suites' suite_init; the module's exit unregisters it
 * and destroys the client devices, which drops the IOMMU core's module
 * reference on the driver (one per probed client) so that it can unload.
 */
#include <kunit/test.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uio.h>

#include <shim/kcompat.h>
#include <socmmu_dma.h>

#include "../../iommu/core/socmmu_iommu.h"
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

static struct device *mit_clients[MIT_NR_CLIENTS];
static bool mit_driver_registered;

#define MIT_MAX		32
#define MIT_DOMAINS	4

/* What the running case holds; released by mit_case_exit(). */
static struct {
	struct iommu_domain *domains[MIT_DOMAINS];
	struct {
		struct iommu_domain *domain;
		struct device *client;
	} attached[MIT_MAX];
	int n_attached;
	struct device *pm_held[MIT_MAX];
	int n_pm;
	struct device *blocked;
	struct device *asleep;
	unsigned long pages[MIT_MAX];
	int n_pages;
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

static int mit_client_probe(struct platform_device *pdev)
{
	int i = mit_index_of(pdev->dev.of_node);

	if (i < 0)
		return -ENODEV;
	/* These suites attach domains of their own; vfe keeps the DMA layer. */
	if (i != MIT_VFE)
		socmmu_dma_release(&pdev->dev);
	pm_runtime_enable(&pdev->dev);
	mit_clients[i] = &pdev->dev;
	return 0;
}

static void mit_client_remove(struct platform_device *pdev)
{
	int i;

	pm_runtime_disable(&pdev->dev);
	for (i = 0; i < MIT_NR_CLIENTS; i++) {
		if (mit_clients[i] == &pdev->dev)
			mit_clients[i] = NULL;
	}
}

static const struct of_device_id mit_client_match[] = {
	{ .compatible = "socmmu,test-msm-client" },
	{}
};

static struct platform_driver mit_client_driver = {
	.probe = mit_client_probe,
	.remove_new = mit_client_remove,
	.driver = {
		.name = "socmmu-msm-iommu-test-client",
		.of_match_table = mit_client_match,
	},
	/* Cases choose the domains, the blocked one among them. */
	.driver_managed_dma = true,
};

/* ------------------------------------------------------------ helpers -- */

struct device *mit_client(enum mit_client which)
{
	return which < MIT_NR_CLIENTS ? mit_clients[which] : NULL;
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
	int i;

	for (i = 0; i < MIT_DOMAINS && mit.domains[i]; i++)
		;
	if (i == MIT_DOMAINS)
		return NULL;
	mit.domains[i] = kx_iommu_paging_domain_alloc(client);
	return mit.domains[i];
}

int mit_attach(struct iommu_domain *domain, struct device *client)
{
	int ret = iommu_attach_device(domain, client);

	if (!ret && mit.n_attached < MIT_MAX) {
		mit.attached[mit.n_attached].domain = domain;
		mit.attached[mit.n_attached].client = client;
		mit.n_attached++;
	}
	return ret;
}

void mit_detach(struct iommu_domain *domain, struct device *client)
{
	int i;

	for (i = 0; i < mit.n_attached; i++) {
		if (mit.attached[i].client == client && mit.attached[i].domain == domain) {
			mit.attached[i] = mit.attached[--mit.n_attached];
			iommu_detach_device(domain, client);
			return;
		}
	}
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
	int i;

	for (i = 0; i < 50; i++) {
		if (READ_ONCE(faults->count) >= count) {
			/* Pairs with the handler's smp_wmb(). */
			smp_rmb();
			return true;
		}
		msleep(20);
	}
	return false;
}

bool mit_wait_unstalled(struct msm_model *m, u32 mid)
{
	int i;

	for (i = 0; i < 50; i++) {
		if (!msm_model_stalled(m, mid))
			return true;
		msleep(20);
	}
	return false;
}

bool mit_wait_power(struct msm_model *m, bool on)
{
	int i;

	for (i = 0; i < 50; i++) {
		if (msm_model_powered(m) == on)
			return true;
		msleep(20);
	}
	return false;
}

int mit_stats(struct msm_model *m, struct socmmu_iommu_stats *stats)
{
	struct device *dev = msm_model_device(m);

	return dev ? socmmu_iommu_get_stats(dev, stats) : -ENODEV;
}

bool mit_wait_terminated(struct msm_model *m, u64 terminated)
{
	struct socmmu_iommu_stats s;
	int i;

	for (i = 0; i < 50; i++) {
		if (!mit_stats(m, &s) && s.terminated >= terminated)
			return true;
		msleep(20);
	}
	return false;
}

bool mit_wait_unhandled(struct msm_model *m, u64 unhandled)
{
	struct socmmu_iommu_stats s;
	int i;

	for (i = 0; i < 50; i++) {
		if (!mit_stats(m, &s) && s.unhandled_faults >= unhandled)
			return true;
		msleep(20);
	}
	return false;
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
#if KX_IOMMU_PAGING_DOMAINS
	int ret = iommu_device_claim_dma_owner(client, &mit);

	if (!ret)
		mit.blocked = client;
	return ret;
#else
	return -EOPNOTSUPP;
#endif
}

void mit_release_blocked(struct device *client)
{
#if KX_IOMMU_PAGING_DOMAINS
	if (mit.blocked == client) {
		iommu_device_release_dma_owner(client);
		mit.blocked = NULL;
	}
#endif
}

int mit_pm_get(struct device *dev)
{
	int ret = pm_runtime_resume_and_get(dev);

	if (!ret && mit.n_pm < MIT_MAX)
		mit.pm_held[mit.n_pm++] = dev;
	return ret;
}

void mit_pm_put(struct device *dev)
{
	int i;

	for (i = 0; i < mit.n_pm; i++) {
		if (mit.pm_held[i] == dev) {
			mit.pm_held[i] = mit.pm_held[--mit.n_pm];
			pm_runtime_put_sync(dev);
			return;
		}
	}
}

static int mit_client_index(struct device *client)
{
	int i;

	for (i = 0; i < MIT_NR_CLIENTS; i++) {
		if (mit_clients[i] && mit_clients[i] == client)
			return i;
	}
	return -1;
}

static struct device *mit_iommu_dev(int client, int i)
{
	struct msm_model *m;

	if (!mit_iommus[client][i])
		return NULL;
	m = msm_model_find(mit_iommus[client][i]);
	return m ? msm_model_device(m) : NULL;
}

/*
 * As system sleep orders it: device_prepare() takes a runtime PM reference
 * on every device (pm_runtime_get_noresume), then the late phase suspends
 * clients first, then IOMMUs (pm_runtime_force_suspend); resume is the
 * reverse and device_complete() drops the references.
 */
int mit_sleep_suspend(struct device *client)
{
	int c = mit_client_index(client), i, ret;
	struct device *iommu;

	if (c < 0 || mit.asleep)
		return -EINVAL;
	pm_runtime_get_noresume(client);
	for (i = 0; i < 2 && (iommu = mit_iommu_dev(c, i)); i++)
		pm_runtime_get_noresume(iommu);
	ret = pm_runtime_force_suspend(client);
	if (ret)
		return ret;
	mit.asleep = client;
	for (i = 0; i < 2 && (iommu = mit_iommu_dev(c, i)); i++) {
		ret = pm_runtime_force_suspend(iommu);
		if (ret)
			return ret;
	}
	return 0;
}

int mit_sleep_resume(struct device *client)
{
	int c = mit_client_index(client), i, ret = 0;
	struct device *iommu;

	if (c < 0 || mit.asleep != client)
		return -EINVAL;
	for (i = 0; i < 2 && (iommu = mit_iommu_dev(c, i)); i++)
		ret = ret ?: pm_runtime_force_resume(iommu);
	ret = ret ?: pm_runtime_force_resume(client);
	for (i = 0; i < 2 && (iommu = mit_iommu_dev(c, i)); i++)
		pm_runtime_put(iommu);
	pm_runtime_put(client);
	mit.asleep = NULL;
	return ret;
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
	return mit_clients[which] ? -EBUSY : 0;
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
	return mit_clients[which] ? 0 : -ENODEV;
}

void *mit_page(u64 *phys)
{
	unsigned long page;

	if (mit.n_pages == MIT_MAX)
		return NULL;
	page = get_zeroed_page(GFP_KERNEL);
	if (!page)
		return NULL;
	mit.pages[mit.n_pages++] = page;
	*phys = virt_to_phys((void *)page);
	return (void *)page;
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
	void __iomem *base = ioremap(msm_model_phys_base(m), MSM_MODEL_WINDOW);
	u32 value;

	if (!base)
		return 0;
	value = readl(base + offset);
	iounmap(base);
	return value;
}

/*
 * debugfs's proxy has .read but no .read_iter, so kernel_read() refuses its
 * files.  A seq_file (what the driver's files are) is read as seq_read()
 * reads it, through seq_read_iter() into a kernel buffer, with the file
 * held against removal as the proxy holds it.
 */
static ssize_t mit_read_file(struct file *f, char *buf, size_t len, loff_t *pos)
{
	const struct file_operations *fops = debugfs_real_fops(f);
	struct kvec kv = { .iov_base = buf, .iov_len = len };
	struct dentry *dentry = f->f_path.dentry;
	struct iov_iter iter;
	struct kiocb kiocb;
	ssize_t n;

	if (!fops || fops->read != seq_read)
		return kernel_read(f, buf, len, pos);
	n = debugfs_file_get(dentry);
	if (n)
		return n;
	init_sync_kiocb(&kiocb, f);
	kiocb.ki_pos = *pos;
	iov_iter_kvec(&iter, ITER_DEST, &kv, 1, len);
	n = seq_read_iter(&kiocb, &iter);
	if (n > 0)
		*pos = kiocb.ki_pos;
	debugfs_file_put(dentry);
	return n;
}

long mit_debugfs_read(struct msm_model *m, const char *file, char *buf, size_t len)
{
	struct device *dev = msm_model_device(m);
	size_t total = 0;
	struct file *f;
	loff_t pos = 0;
	ssize_t n = 0;
	char *path;

	if (!dev || len < 2)
		return -EINVAL;
	path = kasprintf(GFP_KERNEL, "/sys/kernel/debug/socmmu_msm_iommu/%s/%s",
			 dev_name(dev), file);
	if (!path)
		return -ENOMEM;
	f = filp_open(path, O_RDONLY, 0);
	kfree(path);
	if (IS_ERR(f))
		return PTR_ERR(f);
	while (total < len - 1) {
		n = mit_read_file(f, buf + total, len - 1 - total, &pos);
		if (n <= 0)
			break;
		total += n;
	}
	filp_close(f, NULL);
	buf[total] = '\0';
	return n < 0 ? n : total;
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
	return strstr(text, needle);
}

void mit_log(struct kunit *test, const char *what, const char *text)
{
	const char *end;

	/* One KTAP diagnostic line per line of text. */
	for (; *text; text = *end ? end + 1 : end) {
		end = strchrnul(text, '\n');
		kunit_info(test, "%s: %.*s", what, (int)(end - text), text);
	}
}

/* ------------------------------------------------------------- suites -- */

static int mit_suite_init(struct kunit_suite *suite)
{
	int ret;

	if (mit_driver_registered)
		return 0;
	/*
	 * No owner: on 6.1 this runs before the module's init, while its
	 * sysfs kobject does not exist yet, and module_add_driver() would
	 * link the driver under it.  The module's exit unregisters the
	 * driver, so no reference on the module is needed.
	 */
	ret = __platform_driver_register(&mit_client_driver, NULL);
	if (ret)
		return ret;
	mit_driver_registered = true;
	return 0;
}

static int mit_case_init(struct kunit *test)
{
	int i;

	memset(&mit, 0, sizeof(mit));
	/* make check boots the test DT: unbound clients mean a broken bench. */
	for (i = 0; i < MIT_NR_CLIENTS; i++) {
		if (!mit_clients[i]) {
			KUNIT_FAIL(test, "the test DT's client %s is not bound", mit_names[i]);
			return -ENODEV;
		}
	}
	return 0;
}

static void mit_case_exit(struct kunit *test)
{
	int i;

	/* A client a case destroyed and did not create again. */
	for (i = 0; i < MIT_NR_CLIENTS; i++)
		mit_create(i);
	if (mit.irqs_off)
		mit_irqs_on(mit.irqs_off);
	if (mit.asleep)
		mit_sleep_resume(mit.asleep);
	if (mit.blocked)
		mit_release_blocked(mit.blocked);
	while (mit.n_attached)
		mit_detach(mit.attached[0].domain, mit.attached[0].client);
	for (i = 0; i < MIT_DOMAINS; i++) {
		if (mit.domains[i])
			iommu_domain_free(mit.domains[i]);
	}
	while (mit.n_coherent) {
		mit.n_coherent--;
		dma_free_coherent(mit.coherent[mit.n_coherent].dev,
				  mit.coherent[mit.n_coherent].size,
				  mit.coherent[mit.n_coherent].cpu,
				  mit.coherent[mit.n_coherent].dma);
	}
	while (mit.n_pm)
		mit_pm_put(mit.pm_held[0]);
	while (mit.n_pages)
		free_page(mit.pages[--mit.n_pages]);
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
	KUNIT_CASE(mit_failnth_map_pages),
	KUNIT_CASE(mit_failnth_map_pages_atomic),
	{}
};

static struct kunit_suite mit_failnth_suite = {
	.name = "socmmu_msm_iommu_failnth",
	.suite_init = mit_suite_init,
	.init = mit_case_init,
	.exit = mit_case_exit,
	.test_cases = mit_failnth_cases,
};

kunit_test_suites(&mit_translation_suite, &mit_fault_suite, &mit_pm_suite, &mit_failnth_suite);

static int __init mit_init(void)
{
	return 0;
}
module_init(mit_init);

/* Unbind and destroy the clients: each holds a reference on the driver. */
static void __exit mit_exit(void)
{
	struct device_node *np;

	if (mit_driver_registered)
		platform_driver_unregister(&mit_client_driver);
	for_each_compatible_node(np, NULL, "socmmu,test-msm-client") {
		struct platform_device *pdev = of_find_device_by_node(np);

		if (pdev) {
			of_platform_device_destroy(&pdev->dev, NULL);
			put_device(&pdev->dev);
		}
	}
}
module_exit(mit_exit);

MODULE_DESCRIPTION("socmmu: KUnit suites for the MSM IOMMU driver, against the model");
MODULE_LICENSE("GPL");
