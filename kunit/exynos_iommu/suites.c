// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the Exynos SYSMMU driver (socmmu_exynos_iommu) against
 * the Exynos model.  A small platform driver binds the test DT's clients
 * ("socmmu,test-exynos": one per SYSMMU variant and the MFC behind two),
 * so that driver core runs of_dma_configure -> of_iommu_configure -> the
 * framework's of_xlate and probe_device, as for any real client.  Cases
 * are C++ (translation_test.cpp, fault_pm_test.cpp); this file holds the
 * tables and the kernel calls, and undoes whatever a case left behind.
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
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/kmsg_dump.h>
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
#include "../exynos_model/exynos_model.h"
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

static struct device *eit_clients[EIT_NR_CLIENTS];
static bool eit_dma_layer[EIT_NR_CLIENTS];
static bool eit_driver_registered;

#define EIT_MAX		32
#define EIT_DOMAINS	10

/* What the running case holds; released by eit_case_exit(). */
static struct {
	struct iommu_domain *domains[EIT_DOMAINS];
	struct {
		struct iommu_domain *domain;
		struct device *client;
	} attached[EIT_MAX];
	int n_attached;
	struct device *pm_held[EIT_MAX];
	int n_pm;
	struct device *blocked;
	int asleep;		/* client index + 1 */
	unsigned long pages[EIT_MAX];
	int n_pages;
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

static int eit_client_probe(struct platform_device *pdev)
{
	struct socmmu_dma_info info;
	int i = eit_index_of(pdev->dev.of_node);

	if (i < 0)
		return -ENODEV;
	eit_clients[i] = &pdev->dev;
	/* The framework installed the DMA layer; these suites use domains of their own. */
	eit_dma_layer[i] = !socmmu_dma_get_info(&pdev->dev, &info);
	socmmu_dma_release(&pdev->dev);
	pm_runtime_enable(&pdev->dev);
	return 0;
}

static void eit_client_remove(struct platform_device *pdev)
{
	int i;

	pm_runtime_disable(&pdev->dev);
	for (i = 0; i < EIT_NR_CLIENTS; i++) {
		if (eit_clients[i] == &pdev->dev)
			eit_clients[i] = NULL;
	}
}

static const struct of_device_id eit_client_match[] = {
	{ .compatible = "socmmu,test-exynos" },
	{}
};

static struct platform_driver eit_client_driver = {
	.probe = eit_client_probe,
	.remove_new = eit_client_remove,
	.driver = {
		.name = "socmmu-exynos-iommu-test-client",
		.of_match_table = eit_client_match,
	},
	/* Cases choose the domains, the blocked one among them. */
	.driver_managed_dma = true,
};

/* ------------------------------------------------------------ helpers -- */

const char *eit_name(enum eit_id which)
{
	return which < EIT_NR_CLIENTS ? eit_names[which] : "?";
}

struct device *eit_client(enum eit_id which)
{
	return which < EIT_NR_CLIENTS ? eit_clients[which] : NULL;
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
	int i;

	for (i = 0; i < EIT_DOMAINS; i++) {
		if (!eit.domains[i]) {
			eit.domains[i] = kx_iommu_paging_domain_alloc(client);
			return eit.domains[i];
		}
	}
	return NULL;
}

int eit_attach(struct iommu_domain *domain, struct device *client)
{
	int ret = iommu_attach_device(domain, client);

	if (!ret && eit.n_attached < EIT_MAX) {
		eit.attached[eit.n_attached].domain = domain;
		eit.attached[eit.n_attached++].client = client;
	}
	return ret;
}

void eit_detach(struct iommu_domain *domain, struct device *client)
{
	int i;

	for (i = 0; i < eit.n_attached; i++) {
		if (eit.attached[i].domain == domain && eit.attached[i].client == client) {
			eit.attached[i] = eit.attached[--eit.n_attached];
			iommu_detach_device(domain, client);
			return;
		}
	}
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

bool eit_wait_power(struct exynos_model *m, bool on)
{
	int i;

	for (i = 0; i < 50; i++) {
		if (exynos_model_powered(m) == on)
			return true;
		msleep(20);
	}
	return false;
}

bool eit_wait_unstalled(struct exynos_model *m)
{
	int i;

	for (i = 0; i < 50; i++) {
		if (!exynos_model_stalled(m))
			return true;
		msleep(20);
	}
	return false;
}

int eit_claim_blocked(struct device *client)
{
#if KX_IOMMU_PAGING_DOMAINS
	int ret = iommu_device_claim_dma_owner(client, &eit);

	if (!ret)
		eit.blocked = client;
	return ret;
#else
	return -EOPNOTSUPP;
#endif
}

void eit_release_blocked(struct device *client)
{
#if KX_IOMMU_PAGING_DOMAINS
	if (eit.blocked == client) {
		iommu_device_release_dma_owner(client);
		eit.blocked = NULL;
	}
#endif
}

int eit_client_get(struct device *client)
{
	int ret = pm_runtime_resume_and_get(client);

	if (!ret && eit.n_pm < EIT_MAX)
		eit.pm_held[eit.n_pm++] = client;
	return ret;
}

void eit_client_put(struct device *client)
{
	int i;

	for (i = 0; i < eit.n_pm; i++) {
		if (eit.pm_held[i] == client) {
			eit.pm_held[i] = eit.pm_held[--eit.n_pm];
			pm_runtime_put_sync(client);
			return;
		}
	}
}

static struct device *eit_mmu_dev(enum eit_id which, unsigned int i)
{
	struct exynos_model *m = eit_model(which, i);

	return m ? exynos_model_device(m) : NULL;
}

/*
 * As system sleep orders it: device_prepare() takes a runtime PM reference
 * on every device (pm_runtime_get_noresume), then the late phase suspends
 * clients first, then SYSMMUs (pm_runtime_force_suspend); resume is the
 * reverse and device_complete() drops the references.
 */
int eit_sleep_suspend(enum eit_id which)
{
	struct device *client = eit_client(which), *mmu;
	unsigned int i;
	int ret;

	if (!client || eit.asleep)
		return -EINVAL;
	pm_runtime_get_noresume(client);
	for (i = 0; i < 2 && (mmu = eit_mmu_dev(which, i)); i++)
		pm_runtime_get_noresume(mmu);
	eit.asleep = which + 1;
	ret = pm_runtime_force_suspend(client);
	for (i = 0; !ret && i < 2 && (mmu = eit_mmu_dev(which, i)); i++)
		ret = pm_runtime_force_suspend(mmu);
	return ret;
}

int eit_sleep_resume(enum eit_id which)
{
	struct device *client = eit_client(which), *mmu;
	unsigned int i;
	int ret = 0;

	if (!client || eit.asleep != which + 1)
		return -EINVAL;
	for (i = 0; i < 2 && (mmu = eit_mmu_dev(which, i)); i++)
		ret = ret ?: pm_runtime_force_resume(mmu);
	ret = ret ?: pm_runtime_force_resume(client);
	for (i = 0; i < 2 && (mmu = eit_mmu_dev(which, i)); i++)
		pm_runtime_put(mmu);
	pm_runtime_put(client);
	eit.asleep = 0;
	return ret;
}

void *eit_page(u64 *phys)
{
	unsigned long page;

	if (eit.n_pages == EIT_MAX)
		return NULL;
	page = get_zeroed_page(GFP_KERNEL);
	if (!page)
		return NULL;
	eit.pages[eit.n_pages++] = page;
	*phys = virt_to_phys((void *)page);
	return (void *)page;
}

void *eit_phys_to_virt(u64 phys)
{
	return phys_to_virt(phys);
}

u32 eit_reg_read(struct exynos_model *m, u32 offset)
{
	void __iomem *base = ioremap(exynos_model_phys_base(m), exynos_model_window(m));
	u32 value;

	if (!base)
		return 0;
	value = readl(base + offset);
	iounmap(base);
	return value;
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

/*
 * debugfs's proxy has .read but no .read_iter, so kernel_read() refuses its
 * files.  A seq_file (what the driver's files are) is read as seq_read()
 * reads it, through seq_read_iter() into a kernel buffer, with the file
 * held against removal as the proxy holds it.
 */
static ssize_t eit_read_file(struct file *f, char *buf, size_t len, loff_t *pos)
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

long eit_debugfs_read(struct exynos_model *m, const char *file, char *buf, size_t len)
{
	struct device *dev = exynos_model_device(m);
	size_t total = 0;
	struct file *f;
	loff_t pos = 0;
	ssize_t n = 0;
	char *path;

	if (!dev || len < 2)
		return -EINVAL;
	path = kasprintf(GFP_KERNEL, "/sys/kernel/debug/socmmu_exynos_iommu/%s/%s",
			 dev_name(dev), file);
	if (!path)
		return -ENOMEM;
	f = filp_open(path, O_RDONLY, 0);
	kfree(path);
	if (IS_ERR(f))
		return PTR_ERR(f);
	while (total < len - 1) {
		n = eit_read_file(f, buf + total, len - 1 - total, &pos);
		if (n <= 0)
			break;
		total += n;
	}
	filp_close(f, NULL);
	buf[total] = '\0';
	return n < 0 ? n : total;
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
	return strstr(text, needle);
}

bool eit_text_field(const char *text, const char *key, u32 *value)
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

void eit_log(struct kunit *test, const char *what, const char *text)
{
	const char *end;

	/* One KTAP diagnostic line per line of text. */
	for (; *text; text = *end ? end + 1 : end) {
		end = strchrnul(text, '\n');
		kunit_info(test, "%s: %.*s", what, (int)(end - text), text);
	}
}

/* ------------------------------------------------------------- suites -- */

static int eit_suite_init(struct kunit_suite *suite)
{
	int ret;

	if (eit_driver_registered)
		return 0;
	/*
	 * No owner: on 6.1 this runs before the module's init, while its
	 * sysfs kobject does not exist yet.  The module's exit unregisters
	 * the driver, so no reference on the module is needed.
	 */
	ret = __platform_driver_register(&eit_client_driver, NULL);
	if (ret)
		return ret;
	eit_driver_registered = true;
	return 0;
}

static int eit_case_init(struct kunit *test)
{
	int i;

	memset(&eit, 0, sizeof(eit));
	/* make check boots the test DT: unbound clients mean a broken bench. */
	for (i = 0; i < EIT_NR_CLIENTS; i++) {
		if (!eit_clients[i]) {
			KUNIT_FAIL(test, "the test DT's client exynos-client-%s is not bound",
				   eit_names[i]);
			return -ENODEV;
		}
	}
	return 0;
}

static void eit_case_exit(struct kunit *test)
{
	int i;

	if (eit.asleep)
		eit_sleep_resume(eit.asleep - 1);
	if (eit.blocked)
		eit_release_blocked(eit.blocked);
	while (eit.n_attached)
		eit_detach(eit.attached[0].domain, eit.attached[0].client);
	for (i = 0; i < EIT_DOMAINS; i++) {
		if (eit.domains[i])
			iommu_domain_free(eit.domains[i]);
	}
	while (eit.n_pm)
		eit_client_put(eit.pm_held[0]);
	while (eit.n_pages)
		free_page(eit.pages[--eit.n_pages]);
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

kunit_test_suites(&eit_translation_suite, &eit_fault_suite, &eit_pm_suite);

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

	if (eit_driver_registered)
		platform_driver_unregister(&eit_client_driver);
	for_each_compatible_node(np, NULL, "socmmu,test-exynos")
		eit_destroy_device(np);
	for_each_compatible_node(np, NULL, "socmmu,example-isp") {
		if (eit_behind_sysmmu(np))
			eit_destroy_device(np);
	}
}
module_exit(eit_exit);

MODULE_DESCRIPTION("socmmu: KUnit suites for the Exynos SYSMMU driver, against the model");
MODULE_LICENSE("GPL");
