// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the OMAP IOMMU driver (socmmu_omap_iommu) against the
 * OMAP MMU model.  A small platform driver binds the test DT's clients
 * ("socmmu,test-isp/-ipu/-dsp"), so that driver core runs of_dma_configure
 * -> of_iommu_configure -> the driver's of_xlate and probe_device, as for
 * any real client.  Cases are C++ (omap_iommu_test.cpp); this file holds
 * the tables and the kernel calls, and undoes whatever a case left behind.
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
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
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

#include "../../iommu/omap/omap_iommu.h"
#include "../omap_model/omap_model.h"
#include "omap_iommu_test.h"

static const char *const oit_compatibles[OIT_NR_CLIENTS] = {
	"socmmu,test-isp", "socmmu,test-ipu", "socmmu,test-dsp",
};

/* The model instances behind each client, in its "iommus" order. */
static const char *const oit_mmus[OIT_NR_CLIENTS][2] = {
	{ "mmu_isp" }, { "mmu_ipu" }, { "mmu_dsp0", "mmu_dsp1" },
};

static struct device *oit_clients[OIT_NR_CLIENTS];
static bool oit_driver_registered;

#define OIT_MAX 32

/* What the running case holds; released by oit_case_exit(). */
static struct {
	struct iommu_domain *domain;
	struct device *attached[OIT_MAX];
	int n_attached;
	struct device *pm_held[OIT_MAX];
	int n_pm;
	struct device *blocked;
	struct device *asleep;
	unsigned long pages[OIT_MAX];
	int n_pages;
	struct oit_faults faults;
	int fault_ret;
} oit;

static int oit_client_probe(struct platform_device *pdev)
{
	int i;

	for (i = 0; i < OIT_NR_CLIENTS; i++) {
		if (of_device_is_compatible(pdev->dev.of_node, oit_compatibles[i]))
			oit_clients[i] = &pdev->dev;
	}
	/* These suites attach domains of their own, as remoteproc does. */
	socmmu_dma_release(&pdev->dev);
	pm_runtime_enable(&pdev->dev);
	return 0;
}

static void oit_client_remove(struct platform_device *pdev)
{
	int i;

	pm_runtime_disable(&pdev->dev);
	for (i = 0; i < OIT_NR_CLIENTS; i++) {
		if (oit_clients[i] == &pdev->dev)
			oit_clients[i] = NULL;
	}
}

static const struct of_device_id oit_client_match[] = {
	{ .compatible = "socmmu,test-isp" },
	{ .compatible = "socmmu,test-ipu" },
	{ .compatible = "socmmu,test-dsp" },
	{}
};

static struct platform_driver oit_client_driver = {
	.probe = oit_client_probe,
	.remove_new = oit_client_remove,
	.driver = {
		.name = "socmmu-omap-iommu-test-client",
		.of_match_table = oit_client_match,
	},
	/* Cases choose the domains, the blocked one among them. */
	.driver_managed_dma = true,
};

/* ------------------------------------------------------------ helpers -- */

struct device *oit_client(enum oit_client which)
{
	return which < OIT_NR_CLIENTS ? oit_clients[which] : NULL;
}

bool oit_paging_domains(void)
{
	return KX_IOMMU_PAGING_DOMAINS;
}

struct iommu_domain *oit_domain_alloc(struct device *client)
{
	if (oit.domain)
		return NULL;
	oit.domain = kx_iommu_paging_domain_alloc(client);
	return oit.domain;
}

int oit_attach(struct iommu_domain *domain, struct device *client)
{
	int ret = iommu_attach_device(domain, client);

	if (!ret && oit.n_attached < OIT_MAX)
		oit.attached[oit.n_attached++] = client;
	return ret;
}

void oit_detach(struct iommu_domain *domain, struct device *client)
{
	int i;

	for (i = 0; i < oit.n_attached; i++) {
		if (oit.attached[i] == client) {
			oit.attached[i] = oit.attached[--oit.n_attached];
			iommu_detach_device(domain, client);
			return;
		}
	}
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

bool oit_wait_power(struct omap_model *m, bool on)
{
	int i;

	for (i = 0; i < 50; i++) {
		if (omap_model_powered(m) == on)
			return true;
		msleep(20);
	}
	return false;
}

bool oit_wait_unstalled(struct omap_model *m)
{
	int i;

	for (i = 0; i < 50; i++) {
		if (!omap_model_stalled(m))
			return true;
		msleep(20);
	}
	return false;
}

int oit_claim_blocked(struct device *client)
{
#if KX_IOMMU_PAGING_DOMAINS
	int ret = iommu_device_claim_dma_owner(client, &oit);

	if (!ret)
		oit.blocked = client;
	return ret;
#else
	return -EOPNOTSUPP;
#endif
}

void oit_release_blocked(struct device *client)
{
#if KX_IOMMU_PAGING_DOMAINS
	if (oit.blocked == client) {
		iommu_device_release_dma_owner(client);
		oit.blocked = NULL;
	}
#endif
}

int oit_client_get(struct device *client)
{
	int ret = pm_runtime_resume_and_get(client);

	if (!ret && oit.n_pm < OIT_MAX)
		oit.pm_held[oit.n_pm++] = client;
	return ret;
}

void oit_client_put(struct device *client)
{
	int i;

	for (i = 0; i < oit.n_pm; i++) {
		if (oit.pm_held[i] == client) {
			oit.pm_held[i] = oit.pm_held[--oit.n_pm];
			pm_runtime_put_sync(client);
			return;
		}
	}
}

static int oit_client_index(struct device *client)
{
	int i;

	for (i = 0; i < OIT_NR_CLIENTS; i++) {
		if (oit_clients[i] == client)
			return i;
	}
	return -1;
}

static struct device *oit_mmu_dev(int client, int i)
{
	struct omap_model *m;

	if (!oit_mmus[client][i])
		return NULL;
	m = omap_model_find(oit_mmus[client][i]);
	return m ? omap_model_device(m) : NULL;
}

/*
 * As system sleep orders it: device_prepare() takes a runtime PM reference
 * on every device (pm_runtime_get_noresume), then the late phase suspends
 * clients first, then IOMMUs (pm_runtime_force_suspend); resume is the
 * reverse and device_complete() drops the references.
 */
int oit_sleep_suspend(struct device *client)
{
	int c = oit_client_index(client), i, ret;
	struct device *mmu;

	if (c < 0 || oit.asleep)
		return -EINVAL;
	pm_runtime_get_noresume(client);
	for (i = 0; i < 2 && (mmu = oit_mmu_dev(c, i)); i++)
		pm_runtime_get_noresume(mmu);
	ret = pm_runtime_force_suspend(client);
	if (ret)
		return ret;
	oit.asleep = client;
	for (i = 0; i < 2 && (mmu = oit_mmu_dev(c, i)); i++) {
		ret = pm_runtime_force_suspend(mmu);
		if (ret)
			return ret;
	}
	return 0;
}

int oit_sleep_resume(struct device *client)
{
	int c = oit_client_index(client), i, ret = 0;
	struct device *mmu;

	if (c < 0 || oit.asleep != client)
		return -EINVAL;
	for (i = 0; i < 2 && (mmu = oit_mmu_dev(c, i)); i++)
		ret = ret ?: pm_runtime_force_resume(mmu);
	ret = ret ?: pm_runtime_force_resume(client);
	for (i = 0; i < 2 && (mmu = oit_mmu_dev(c, i)); i++)
		pm_runtime_put(mmu);
	pm_runtime_put(client);
	oit.asleep = NULL;
	return ret;
}

void *oit_page(u64 *phys)
{
	unsigned long page;

	if (oit.n_pages == OIT_MAX)
		return NULL;
	page = get_zeroed_page(GFP_KERNEL);
	if (!page)
		return NULL;
	oit.pages[oit.n_pages++] = page;
	*phys = virt_to_phys((void *)page);
	return (void *)page;
}

void *oit_phys_to_virt(u64 phys)
{
	return phys_to_virt(phys);
}

u32 oit_reg_read(struct omap_model *m, u32 offset)
{
	void __iomem *base = ioremap(omap_model_phys_base(m), OMAP_MODEL_WINDOW);
	u32 value;

	if (!base)
		return 0;
	value = readl(base + offset);
	iounmap(base);
	return value;
}

void oit_reg_write(struct omap_model *m, u32 offset, u32 value)
{
	void __iomem *base = ioremap(omap_model_phys_base(m), OMAP_MODEL_WINDOW);

	if (!base)
		return;
	writel(value, base + offset);
	iounmap(base);
}

/*
 * debugfs's proxy has .read but no .read_iter, so kernel_read() refuses its
 * files.  A seq_file (what the driver's files are) is read as seq_read()
 * reads it, through seq_read_iter() into a kernel buffer, with the file
 * held against removal as the proxy holds it.
 */
static ssize_t oit_read_file(struct file *f, char *buf, size_t len, loff_t *pos)
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

long oit_debugfs_read(struct omap_model *m, const char *file, char *buf, size_t len, u64 *ns)
{
	struct device *dev = omap_model_device(m);
	size_t total = 0;
	struct file *f;
	loff_t pos = 0;
	ssize_t n = 0;
	char *path;
	ktime_t t0;

	if (!dev || len < 2)
		return -EINVAL;
	path = kasprintf(GFP_KERNEL, "/sys/kernel/debug/socmmu_omap_iommu/%s/%s",
			 dev_name(dev), file);
	if (!path)
		return -ENOMEM;
	f = filp_open(path, O_RDONLY, 0);
	kfree(path);
	if (IS_ERR(f))
		return PTR_ERR(f);
	t0 = ktime_get();
	while (total < len - 1) {
		n = oit_read_file(f, buf + total, len - 1 - total, &pos);
		if (n <= 0)
			break;
		total += n;
	}
	if (ns)
		*ns = ktime_to_ns(ktime_sub(ktime_get(), t0));
	filp_close(f, NULL);
	buf[total] = '\0';
	return n < 0 ? n : total;
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
	return strstr(text, needle);
}

bool oit_text_field(const char *text, const char *key, u32 *value)
{
	size_t klen = strlen(key);
	const char *line = text;

	while (line) {
		if (!strncmp(line, key, klen) && !strncmp(line + klen, " 0x", 3))
			return sscanf(line + klen + 3, "%x", value) == 1;
		line = strchr(line, '\n');
		if (line)
			line++;
	}
	return false;
}

void oit_log(struct kunit *test, const char *what, const char *text)
{
	const char *end;

	/* One KTAP diagnostic line per line of text. */
	for (; *text; text = *end ? end + 1 : end) {
		end = strchrnul(text, '\n');
		kunit_info(test, "%s: %.*s", what, (int)(end - text), text);
	}
}

/* ------------------------------------------------------------- suites -- */

static int oit_suite_init(struct kunit_suite *suite)
{
	int ret;

	if (oit_driver_registered)
		return 0;
	/*
	 * No owner: on 6.1 this runs before the module's init, while its
	 * sysfs kobject does not exist yet, and module_add_driver() would
	 * link the driver under it.  The module's exit unregisters the
	 * driver, so no reference on the module is needed.
	 */
	ret = __platform_driver_register(&oit_client_driver, NULL);
	if (ret)
		return ret;
	oit_driver_registered = true;
	return 0;
}

static int oit_case_init(struct kunit *test)
{
	memset(&oit, 0, sizeof(oit));
	/* make check boots the test DT: unbound clients mean a broken bench. */
	if (!oit_clients[OIT_ISP] || !oit_clients[OIT_IPU] || !oit_clients[OIT_DSP]) {
		KUNIT_FAIL(test, "the test DT's clients are not bound");
		return -ENODEV;
	}
	return 0;
}

static void oit_case_exit(struct kunit *test)
{
	if (oit.asleep)
		oit_sleep_resume(oit.asleep);
	if (oit.blocked)
		oit_release_blocked(oit.blocked);
	while (oit.n_attached)
		oit_detach(oit.domain, oit.attached[0]);
	if (oit.domain)
		iommu_domain_free(oit.domain);
	while (oit.n_pm)
		oit_client_put(oit.pm_held[0]);
	while (oit.n_pages)
		free_page(oit.pages[--oit.n_pages]);
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

kunit_test_suites(&oit_translation_suite, &oit_fault_suite, &oit_pm_suite, &oit_failnth_suite);

static int __init oit_init(void)
{
	return 0;
}
module_init(oit_init);

/* Unbind and destroy the clients: each holds a reference on the driver. */
static void __exit oit_exit(void)
{
	int i;

	if (oit_driver_registered)
		platform_driver_unregister(&oit_client_driver);
	for (i = 0; i < OIT_NR_CLIENTS; i++) {
		struct device_node *np = of_find_compatible_node(NULL, NULL, oit_compatibles[i]);
		struct platform_device *pdev = np ? of_find_device_by_node(np) : NULL;

		if (pdev) {
			of_platform_device_destroy(&pdev->dev, NULL);
			put_device(&pdev->dev);
		}
		of_node_put(np);
	}
}
module_exit(oit_exit);

MODULE_DESCRIPTION("socmmu: KUnit suites for the OMAP IOMMU driver, against the model");
MODULE_LICENSE("GPL");
