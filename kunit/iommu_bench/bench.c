// SPDX-License-Identifier: GPL-2.0
/*
 * The IOMMU drivers' KUnit test bench (iommu_bench.h): one copy of what
 * the OMAP, Exynos and MSM suites did alike, each on its own struct
 * ib_bench: the client driver and what a case holds.  Cases run one at a
 * time, so a bench is never used by two.  Polls, registers, debugfs and
 * text are in bench_io.c.
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/string.h>

#include <shim/kcompat.h>
#include <socmmu_dma.h>

#include "iommu_bench.h"

/* ------------------------------------------------------------ clients -- */

static struct ib_bench *ib_of(struct device *dev)
{
	struct platform_driver *drv = to_platform_driver(dev->driver);

	return container_of(drv, struct ib_bench, driver);
}

static struct device *ib_iommu(struct ib_bench *b, unsigned int client, unsigned int i)
{
	return i < IB_MAX_IOMMUS ? b->iommu_dev(client, i) : NULL;
}

/*
 * A master's DMA goes through its IOMMUs from the moment it runs: the
 * device links resume them first at runtime, and system sleep (as
 * ib_sleep_resume() plays it) resumes suppliers before consumers.  A
 * client resumed with an IOMMU still off is the bug this refuses.
 */
static int ib_client_runtime_resume(struct device *dev)
{
	struct ib_bench *b = ib_of(dev);
	int client = ib_client_index(b, dev);
	struct device *iommu;
	unsigned int i;

	/* A client its IOMMU driver refused has no IOMMU to wait for. */
	if (!device_iommu_mapped(dev))
		return 0;
	for (i = 0; client >= 0 && (iommu = ib_iommu(b, client, i)); i++) {
		if (pm_runtime_status_suspended(iommu)) {
			dev_err(dev, "resumed before its IOMMU %s\n", dev_name(iommu));
			return -EIO;
		}
	}
	return 0;
}

/* Nothing to save (no hardware of its own); without it the PM core refuses. */
static int ib_client_runtime_suspend(struct device *dev)
{
	return 0;
}

static const struct dev_pm_ops ib_client_pm_ops = {
	SET_RUNTIME_PM_OPS(ib_client_runtime_suspend, ib_client_runtime_resume, NULL)
};

static int ib_client_probe(struct platform_device *pdev)
{
	struct ib_bench *b = ib_of(&pdev->dev);
	int i = b->index_of(pdev->dev.of_node);

	if (i < 0 || i >= b->nr_clients)
		return -ENODEV;
	/* The suites attach domains of their own, as remoteproc does. */
	if (!b->probed || !b->probed(i, &pdev->dev))
		socmmu_dma_release(&pdev->dev);
	pm_runtime_enable(&pdev->dev);
	b->clients[i] = &pdev->dev;
	return 0;
}

static void ib_client_remove(struct platform_device *pdev)
{
	struct ib_bench *b = ib_of(&pdev->dev);
	int i;

	pm_runtime_disable(&pdev->dev);
	for (i = 0; i < b->nr_clients; i++) {
		if (b->clients[i] == &pdev->dev)
			b->clients[i] = NULL;
	}
}

/**
 * ib_suite_init() - register the bench's client driver, once
 * @b: the suite's bench
 *
 * Called from every suite's suite_init: 6.1 runs a module's suites before
 * its init.  Return: 0 or the registration's errno.
 */
int ib_suite_init(struct ib_bench *b)
{
	int ret;

	if (b->registered)
		return 0;
	if (WARN_ON(b->nr_clients > IB_MAX_CLIENTS || b->max_domains > IB_MAX_DOMAINS))
		return -EINVAL;
	b->driver.probe = ib_client_probe;
	b->driver.remove_new = ib_client_remove;
	b->driver.driver.name = b->name;
	b->driver.driver.of_match_table = b->match;
	b->driver.driver.pm = &ib_client_pm_ops;
	/* Cases choose the domains, the blocked one among them. */
	b->driver.driver_managed_dma = true;
	/*
	 * No owner: on 6.1 this runs before the module's init, while its
	 * sysfs kobject does not exist yet, and module_add_driver() would
	 * link the driver under it.  The module's exit unregisters the
	 * driver, so no reference on the module is needed.
	 */
	ret = __platform_driver_register(&b->driver, NULL);
	if (ret)
		return ret;
	b->registered = true;
	return 0;
}
EXPORT_SYMBOL_GPL(ib_suite_init);

/**
 * ib_exit() - unregister the client driver and destroy the client devices
 * @b: the suite's bench
 *
 * Each client holds a reference on its IOMMU driver (the IOMMU core's);
 * destroying the devices lets the driver unload.
 */
void ib_exit(struct ib_bench *b)
{
	const struct of_device_id *id;
	struct device_node *np;

	if (b->registered)
		platform_driver_unregister(&b->driver);
	b->registered = false;
	for (id = b->match; id->compatible[0]; id++) {
		for_each_compatible_node(np, NULL, id->compatible) {
			struct platform_device *pdev = of_find_device_by_node(np);

			if (pdev) {
				of_platform_device_destroy(&pdev->dev, NULL);
				put_device(&pdev->dev);
			}
		}
	}
}
EXPORT_SYMBOL_GPL(ib_exit);

/**
 * ib_client() - a client device bound to the bench's driver
 * @b: the suite's bench
 * @which: the client's index
 *
 * Return: the device, or NULL.
 */
struct device *ib_client(struct ib_bench *b, unsigned int which)
{
	return which < b->nr_clients ? b->clients[which] : NULL;
}
EXPORT_SYMBOL_GPL(ib_client);

/**
 * ib_client_index() - the index of a bound client
 * @b: the suite's bench
 * @client: the device
 *
 * Return: its index, or -1.
 */
int ib_client_index(struct ib_bench *b, struct device *client)
{
	int i;

	for (i = 0; client && i < b->nr_clients; i++) {
		if (b->clients[i] == client)
			return i;
	}
	return -1;
}
EXPORT_SYMBOL_GPL(ib_client_index);

/* -------------------------------------------------------------- cases -- */

/**
 * ib_case_init() - start a case
 * @b: the suite's bench
 * @test: the case
 *
 * make check boots the test DT: an unbound client means a broken bench.
 * Return: 0, or -ENODEV with the case failed.
 */
int ib_case_init(struct ib_bench *b, struct kunit *test)
{
	int i;

	memset(&b->c, 0, sizeof(b->c));
	for (i = 0; i < b->nr_clients; i++) {
		if (!b->clients[i]) {
			KUNIT_FAIL(test, "the test DT's client %s is not bound",
				   b->client_names[i]);
			return -ENODEV;
		}
	}
	return 0;
}
EXPORT_SYMBOL_GPL(ib_case_init);

/**
 * ib_case_exit() - give back whatever the case left behind
 * @b: the suite's bench
 *
 * In the order that keeps each step legal: awake, unblocked, detached,
 * domains freed, then (after the suite's @release) runtime PM and pages.
 */
void ib_case_exit(struct ib_bench *b)
{
	int i;

	if (b->c.asleep)
		ib_sleep_resume(b, b->c.asleep - 1);
	if (b->c.blocked)
		ib_release_blocked(b, b->c.blocked);
	while (b->c.n_attached)
		ib_detach(b, b->c.attached[0].domain, b->c.attached[0].client);
	for (i = 0; i < IB_MAX_DOMAINS; i++) {
		if (b->c.domains[i])
			iommu_domain_free(b->c.domains[i]);
	}
	if (b->release)
		b->release();
	while (b->c.n_pm)
		ib_pm_put(b, b->c.pm_held[0]);
	while (b->c.n_pages)
		free_page(b->c.pages[--b->c.n_pages]);
	memset(&b->c, 0, sizeof(b->c));
}
EXPORT_SYMBOL_GPL(ib_case_exit);

/**
 * ib_domain_alloc() - a paging domain for the case, freed at its end
 * @b: the suite's bench
 * @client: the device the domain is for
 *
 * Return: the domain, or NULL (the case holds max_domains already).
 */
struct iommu_domain *ib_domain_alloc(struct ib_bench *b, struct device *client)
{
	int i;

	for (i = 0; i < b->max_domains; i++) {
		if (!b->c.domains[i]) {
			b->c.domains[i] = kx_iommu_paging_domain_alloc(client);
			return b->c.domains[i];
		}
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(ib_domain_alloc);

/**
 * ib_attach() - iommu_attach_device(), detached at the case's end
 * @b: the suite's bench
 * @domain: the domain
 * @client: the device
 *
 * Return: what iommu_attach_device() returned.
 */
int ib_attach(struct ib_bench *b, struct iommu_domain *domain, struct device *client)
{
	int ret = iommu_attach_device(domain, client);

	if (!ret && b->c.n_attached < IB_MAX) {
		b->c.attached[b->c.n_attached].domain = domain;
		b->c.attached[b->c.n_attached++].client = client;
	}
	return ret;
}
EXPORT_SYMBOL_GPL(ib_attach);

/**
 * ib_detach() - iommu_detach_device() of an attachment the case made
 * @b: the suite's bench
 * @domain: the domain
 * @client: the device
 */
void ib_detach(struct ib_bench *b, struct iommu_domain *domain, struct device *client)
{
	int i;

	for (i = 0; i < b->c.n_attached; i++) {
		if (b->c.attached[i].domain == domain && b->c.attached[i].client == client) {
			b->c.attached[i] = b->c.attached[--b->c.n_attached];
			iommu_detach_device(domain, client);
			return;
		}
	}
}
EXPORT_SYMBOL_GPL(ib_detach);

/**
 * ib_claim_blocked() - the blocking domain, through DMA ownership
 * @b: the suite's bench
 * @client: the device
 *
 * Return: 0, an errno, or -EOPNOTSUPP on 6.1 (no blocking domains).
 */
int ib_claim_blocked(struct ib_bench *b, struct device *client)
{
#if KX_IOMMU_PAGING_DOMAINS
	int ret = iommu_device_claim_dma_owner(client, b);

	if (!ret)
		b->c.blocked = client;
	return ret;
#else
	return -EOPNOTSUPP;
#endif
}
EXPORT_SYMBOL_GPL(ib_claim_blocked);

/**
 * ib_release_blocked() - give the DMA ownership ib_claim_blocked() took back
 * @b: the suite's bench
 * @client: the device
 */
void ib_release_blocked(struct ib_bench *b, struct device *client)
{
#if KX_IOMMU_PAGING_DOMAINS
	if (b->c.blocked == client) {
		iommu_device_release_dma_owner(client);
		b->c.blocked = NULL;
	}
#endif
}
EXPORT_SYMBOL_GPL(ib_release_blocked);

/**
 * ib_pm_get() - a runtime PM reference, dropped at the case's end
 * @b: the suite's bench
 * @dev: a client or an IOMMU instance
 *
 * Return: what pm_runtime_resume_and_get() returned.
 */
int ib_pm_get(struct ib_bench *b, struct device *dev)
{
	int ret = pm_runtime_resume_and_get(dev);

	if (!ret && b->c.n_pm < IB_MAX)
		b->c.pm_held[b->c.n_pm++] = dev;
	return ret;
}
EXPORT_SYMBOL_GPL(ib_pm_get);

/**
 * ib_pm_put() - drop a reference ib_pm_get() took
 * @b: the suite's bench
 * @dev: the device
 */
void ib_pm_put(struct ib_bench *b, struct device *dev)
{
	int i;

	for (i = 0; i < b->c.n_pm; i++) {
		if (b->c.pm_held[i] == dev) {
			b->c.pm_held[i] = b->c.pm_held[--b->c.n_pm];
			pm_runtime_put_sync(dev);
			return;
		}
	}
}
EXPORT_SYMBOL_GPL(ib_pm_put);

/**
 * ib_sleep_suspend() - a client and its IOMMUs as system sleep suspends them
 * @b: the suite's bench
 * @client: the client's index
 *
 * device_prepare() takes a runtime PM reference on every device
 * (pm_runtime_get_noresume), then the late phase suspends clients first,
 * then IOMMUs (pm_runtime_force_suspend); ib_sleep_resume() is the
 * reverse, and device_complete() drops the references.  The case's end
 * resumes a client left asleep, even half-way.
 *
 * Return: 0, -EINVAL (no such client, or one asleep already) or the
 * first force-suspend's errno.
 */
int ib_sleep_suspend(struct ib_bench *b, unsigned int client)
{
	struct device *dev = ib_client(b, client), *iommu;
	unsigned int i;
	int ret;

	if (!dev || b->c.asleep)
		return -EINVAL;
	pm_runtime_get_noresume(dev);
	for (i = 0; (iommu = ib_iommu(b, client, i)); i++)
		pm_runtime_get_noresume(iommu);
	b->c.asleep = client + 1;
	ret = pm_runtime_force_suspend(dev);
	for (i = 0; !ret && (iommu = ib_iommu(b, client, i)); i++)
		ret = pm_runtime_force_suspend(iommu);
	return ret;
}
EXPORT_SYMBOL_GPL(ib_sleep_suspend);

/**
 * ib_sleep_resume() - the reverse of ib_sleep_suspend()
 * @b: the suite's bench
 * @client: the client's index
 *
 * Return: 0, -EINVAL (that client is not asleep) or the first
 * force-resume's errno.
 */
int ib_sleep_resume(struct ib_bench *b, unsigned int client)
{
	struct device *dev = ib_client(b, client), *iommu;
	unsigned int i;
	int ret = 0;

	if (!dev || b->c.asleep != client + 1)
		return -EINVAL;
	for (i = 0; (iommu = ib_iommu(b, client, i)); i++)
		ret = ret ?: pm_runtime_force_resume(iommu);
	ret = ret ?: pm_runtime_force_resume(dev);
	for (i = 0; (iommu = ib_iommu(b, client, i)); i++)
		pm_runtime_put(iommu);
	pm_runtime_put(dev);
	b->c.asleep = 0;
	return ret;
}
EXPORT_SYMBOL_GPL(ib_sleep_resume);

/**
 * ib_page() - a zeroed page, freed at the case's end
 * @b: the suite's bench
 * @phys: its physical address
 *
 * Return: its kernel address, or NULL.
 */
void *ib_page(struct ib_bench *b, u64 *phys)
{
	unsigned long page;

	if (b->c.n_pages == IB_MAX)
		return NULL;
	page = get_zeroed_page(GFP_KERNEL);
	if (!page)
		return NULL;
	b->c.pages[b->c.n_pages++] = page;
	*phys = virt_to_phys((void *)page);
	return (void *)page;
}
EXPORT_SYMBOL_GPL(ib_page);

MODULE_DESCRIPTION("socmmu: the IOMMU drivers' KUnit test bench");
MODULE_LICENSE("GPL");
