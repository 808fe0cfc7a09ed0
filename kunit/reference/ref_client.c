// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers of the reference kernel's fidelity suites (ref_client.h).
 */
#include <linux/completion.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/of.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "ref_client.h"

static struct ref_clients *ref_of_drv(struct device_driver *drv)
{
	return container_of(to_platform_driver(drv), struct ref_clients, drv);
}

static int ref_client_probe(struct platform_device *pdev)
{
	struct ref_clients *c = ref_of_drv(pdev->dev.driver);

	if (c->nr == REF_MAX_CLIENTS)
		return -ENOSPC;
	c->dev[c->nr++] = &pdev->dev;
	/* Clients of our driver power its MMUs through device links. */
	return devm_pm_runtime_enable(&pdev->dev);
}

int ref_clients_register(struct ref_clients *c, const char *name,
			 const struct of_device_id *match)
{
	memset(c, 0, sizeof(*c));
	c->drv.probe = ref_client_probe;
	c->drv.driver.name = name;
	c->drv.driver.of_match_table = match;
	c->drv.driver.suppress_bind_attrs = true;
	return platform_driver_register(&c->drv);
}

void ref_clients_unregister(struct ref_clients *c)
{
	platform_driver_unregister(&c->drv);
	c->nr = 0;
}

struct device *ref_client(struct ref_clients *c, const char *name)
{
	unsigned int i;

	for (i = 0; i < c->nr; i++)
		if (c->dev[i]->of_node && of_node_name_eq(c->dev[i]->of_node, name))
			return c->dev[i];
	return NULL;
}

static int ref_fault_handler(struct iommu_domain *domain, struct device *dev,
			     unsigned long iova, int flags, void *token)
{
	struct ref_fault *f = token;

	f->dev = dev;
	f->iova = iova;
	f->flags = flags;
	f->count++;
	complete(&f->done);
	return f->ret;
}

void ref_fault_init(struct ref_fault *f, struct iommu_domain *domain, int ret)
{
	memset(f, 0, sizeof(*f));
	init_completion(&f->done);
	f->ret = ret;
	iommu_set_fault_handler(domain, ref_fault_handler, f);
}

bool ref_fault_wait(struct ref_fault *f)
{
	return wait_for_completion_timeout(&f->done, HZ) != 0;
}

int ref_block_get(struct ref_block *b, size_t size)
{
	phys_addr_t pa;

	b->page = alloc_page(GFP_KERNEL);
	if (!b->page)
		return -ENOMEM;
	pa = page_to_phys(b->page);
	b->block = pa & ~((phys_addr_t)size - 1);
	b->offset = pa - b->block;
	return 0;
}

void ref_block_put(struct ref_block *b)
{
	if (b->page)
		__free_page(b->page);
	b->page = NULL;
}

void ref_block_fill(struct ref_block *b, u32 seed)
{
	u32 *p = page_address(b->page);
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / 4; i++)
		p[i] = seed ^ (i * 0x9e3779b9u);
}

bool ref_block_matches(const struct model_bus_master *bus, u64 iova,
		       struct ref_block *b, struct model_bus_result *res)
{
	void *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	bool same;

	if (!buf)
		return false;
	memset(buf, 0, PAGE_SIZE);
	same = model_bus_read(bus, iova + b->offset, buf, PAGE_SIZE, res) == MODEL_BUS_OK &&
	       !memcmp(buf, page_address(b->page), PAGE_SIZE);
	kfree(buf);
	return same;
}
