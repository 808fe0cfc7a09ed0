// SPDX-License-Identifier: GPL-2.0
/*
 * The framework's core decisions, driven through its C entry points
 * (core_abi.h) with the fake driver's instances of the test device tree
 * (fake_iommu.h) and hand-made endpoints: which "iommus" a client may
 * have, how contexts are claimed and given back, when an attach is
 * refused and that a refusal changes nothing, how invalidations are
 * batched, and what happens while an instance is powered off.
 *
 *   fake_a  3 contexts, table format 0, stream IDs 0..15
 *   fake_b  1 context,  table format 1, stream ID 0 only
 *   fake_c  2 contexts, table format 0, IDs 0..15, caches empty L1 entries
 *   fake_refused  no contexts, with a clock: refused at probe
 */
#include <kunit/test.h>
#include <linux/clk.h>
#include <linux/clk-provider.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../kunit_shim.h"
#include "../../iommu/core/core_abi.h"
#include "../../iommu/core/socmmu_iommu.h"
#include "fake_iommu.h"

enum { FAKE_A, FAKE_B, FAKE_C, NR_FAKES };

#define CT_MAX	24

static struct {
	struct device *dev[NR_FAKES];
	const void *key[NR_FAKES];
	const void *omap_key;		/* an OMAP instance, for mixing drivers */
} ct;

/* What a case made; released by ct_exit() in reverse. */
static struct {
	struct platform_device *pdev[CT_MAX];
	int npdev;
	struct core_client *client[CT_MAX];
	int nclients;
	struct iommu_domain *domain[CT_MAX];
	struct core_domain *core[CT_MAX];
	int ndomains;
	bool held[NR_FAKES];
	void *pages[CT_MAX];
	int npages;
} cs;

static struct device *ct_new_device(struct kunit *test)
{
	struct platform_device *pdev;

	KUNIT_ASSERT_LT(test, cs.npdev, CT_MAX);
	pdev = platform_device_register_simple("socmmu-fake-client", PLATFORM_DEVID_AUTO, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(pdev));
	cs.pdev[cs.npdev++] = pdev;
	return &pdev->dev;
}

static struct socmmu_endpoint ct_ep(int fake, u32 id)
{
	return (struct socmmu_endpoint) { .key = ct.key[fake], .nargs = 1, .args = { id } };
}

/* A client on a new device, or NULL with the errno in *err. */
static struct core_client *ct_client(struct kunit *test, const struct socmmu_endpoint *eps,
				     unsigned int n, int *err)
{
	struct device *dev = ct_new_device(test);
	struct core_client *client;
	int ret = 0;

	client = core_client_create(dev, eps, n, &ret);
	if (err)
		*err = ret;
	if (client) {
		KUNIT_ASSERT_LT(test, cs.nclients, CT_MAX);
		cs.client[cs.nclients++] = client;
	}
	return client;
}

static void ct_destroy_client(struct core_client *client)
{
	int i;

	for (i = 0; i < cs.nclients; i++) {
		if (cs.client[i] == client) {
			core_client_destroy(client);
			cs.client[i] = NULL;
		}
	}
}

static struct core_domain *ct_domain(struct kunit *test, struct core_client *bind_to)
{
	struct iommu_domain *domain = kzalloc(sizeof(*domain), GFP_KERNEL);
	struct core_domain *core;
	int err = 0;

	KUNIT_ASSERT_NOT_NULL(test, domain);
	core = core_domain_create(domain, bind_to, &err);
	KUNIT_ASSERT_NOT_NULL(test, core);
	KUNIT_ASSERT_LT(test, cs.ndomains, CT_MAX);
	cs.domain[cs.ndomains] = domain;
	cs.core[cs.ndomains++] = core;
	return core;
}

static u64 ct_page(struct kunit *test)
{
	void *page = (void *)get_zeroed_page(GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_LT(test, cs.npages, CT_MAX);
	cs.pages[cs.npages++] = page;
	return virt_to_phys(page);
}

static void ct_hold(struct kunit *test, int fake)
{
	KUNIT_ASSERT_GE(test, pm_runtime_resume_and_get(ct.dev[fake]), 0);
	cs.held[fake] = true;
}

/* Hold @fake, make a client of @ep, attach it to a new domain: the domain. */
static struct core_domain *ct_attached_domain(struct kunit *test, int fake,
					      const struct socmmu_endpoint *ep,
					      struct core_client **client)
{
	struct core_domain *d;

	ct_hold(test, fake);
	*client = ct_client(test, ep, 1, NULL);
	KUNIT_ASSERT_NOT_NULL(test, *client);
	d = ct_domain(test, *client);
	KUNIT_ASSERT_EQ(test, core_domain_attach(d, *client), 0);
	return d;
}

static void ct_release(int fake)
{
	if (cs.held[fake]) {
		pm_runtime_put_sync(ct.dev[fake]);
		cs.held[fake] = false;
	}
}

static struct fake_log ct_log(struct kunit *test, int fake)
{
	struct fake_log log;

	KUNIT_EXPECT_EQ(test, fake_iommu_log(ct.dev[fake], &log), 0);
	return log;
}

static int ct_init(struct kunit *test)
{
	int i;

	memset(&cs, 0, sizeof(cs));
	for (i = 0; i < NR_FAKES; i++)
		fake_iommu_clear_log(ct.dev[i]);
	return 0;
}

static void ct_exit(struct kunit *test)
{
	int i;

	while (cs.ndomains--) {
		core_domain_destroy(cs.core[cs.ndomains]);
		kfree(cs.domain[cs.ndomains]);
	}
	while (cs.nclients--) {
		if (cs.client[cs.nclients])
			core_client_destroy(cs.client[cs.nclients]);
	}
	while (cs.npdev--)
		platform_device_unregister(cs.pdev[cs.npdev]);
	while (cs.npages--)
		free_page((unsigned long)cs.pages[cs.npages]);
	for (i = 0; i < NR_FAKES; i++)
		ct_release(i);
}

/* ------------------------------------------------------------- cases -- */

/* Everything wrong with "iommus" is refused, and a refusal claims nothing. */
static void ct_client_rules(struct kunit *test)
{
	struct socmmu_endpoint *eps;
	struct core_client *c1, *c3;
	struct fake_log log;
	int err, i;

	ct_hold(test, FAKE_A);
	ct_hold(test, FAKE_B);
	eps = kunit_kcalloc(test, SOCMMU_MAX_ENDPOINTS + 1, sizeof(*eps), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, eps);

	KUNIT_EXPECT_NULL(test, ct_client(test, eps, 0, &err));
	KUNIT_EXPECT_EQ(test, err, -EINVAL);
	/*
	 * One entry too many, each with a stream ID of its own, is refused
	 * before the driver hears of it; as many as mainline's APQ8064 GPU
	 * lists (64) reach the driver (whose IDs end at 15).
	 */
	for (i = 0; i <= SOCMMU_MAX_ENDPOINTS; i++)
		eps[i] = ct_ep(FAKE_A, i);
	log = ct_log(test, FAKE_A);
	KUNIT_EXPECT_NULL(test, ct_client(test, eps, SOCMMU_MAX_ENDPOINTS + 1, &err));
	KUNIT_EXPECT_EQ(test, err, -EINVAL);
	KUNIT_EXPECT_EQ(test, ct_log(test, FAKE_A).check_ids, log.check_ids);
	KUNIT_EXPECT_NULL(test, ct_client(test, eps, SOCMMU_MAX_ENDPOINTS, &err));
	KUNIT_EXPECT_EQ(test, ct_log(test, FAKE_A).check_ids, log.check_ids + 1);
	KUNIT_EXPECT_EQ(test, SOCMMU_MAX_ENDPOINTS, 64);

	eps[0] = ct_ep(FAKE_A, 1);
	eps[0].key = of_fwnode_handle(of_root);
	KUNIT_EXPECT_NULL(test, ct_client(test, eps, 1, &err));
	KUNIT_EXPECT_EQ(test, err, -ENODEV);

	eps[0] = ct_ep(FAKE_A, 1);
	eps[0].nargs = 0;
	KUNIT_EXPECT_NULL(test, ct_client(test, eps, 1, &err));
	KUNIT_EXPECT_EQ(test, err, -EINVAL);

	eps[0] = ct_ep(FAKE_A, 1);
	eps[1] = ct_ep(FAKE_A, 1);
	KUNIT_EXPECT_NULL(test, ct_client(test, eps, 2, &err));
	KUNIT_EXPECT_EQ(test, err, -EINVAL);

	/* The driver's own check: fake_b has stream ID 0 only. */
	eps[0] = ct_ep(FAKE_B, 1);
	KUNIT_EXPECT_NULL(test, ct_client(test, eps, 1, &err));
	KUNIT_EXPECT_EQ(test, err, -EINVAL);

	if (ct.omap_key) {
		eps[0] = ct_ep(FAKE_A, 1);
		eps[1] = (struct socmmu_endpoint) { .key = ct.omap_key };
		KUNIT_EXPECT_NULL(test, ct_client(test, eps, 2, &err));
		KUNIT_EXPECT_EQ(test, err, -EINVAL);
	}

	/* Nothing above claimed a context: all three of fake_a are free. */
	eps[0] = ct_ep(FAKE_A, 1);
	eps[1] = ct_ep(FAKE_A, 2);
	c1 = ct_client(test, eps, 2, &err);
	KUNIT_ASSERT_NOT_NULL(test, c1);
	log = ct_log(test, FAKE_A);
	/* Programmed at once with both IDs, in bypass. */
	KUNIT_EXPECT_TRUE(test, log.ctx[0].has_client);
	KUNIT_EXPECT_EQ(test, log.ctx[0].nids, 2u);
	KUNIT_EXPECT_EQ(test, log.ctx[0].first_id, 1u);
	KUNIT_EXPECT_FALSE(test, log.ctx[0].translate);

	eps[0] = ct_ep(FAKE_A, 3);
	KUNIT_EXPECT_NOT_NULL(test, ct_client(test, eps, 1, &err));
	eps[0] = ct_ep(FAKE_A, 4);
	c3 = ct_client(test, eps, 1, &err);
	KUNIT_EXPECT_NOT_NULL(test, c3);
	eps[0] = ct_ep(FAKE_A, 5);
	KUNIT_EXPECT_NULL(test, ct_client(test, eps, 1, &err));
	KUNIT_EXPECT_EQ(test, err, -EBUSY);

	/* A stream ID belongs to one client of an instance. */
	ct_destroy_client(c3);
	eps[0] = ct_ep(FAKE_A, 2);
	KUNIT_EXPECT_NULL(test, ct_client(test, eps, 1, &err));
	KUNIT_EXPECT_EQ(test, err, -EBUSY);

	/* One context: one client. */
	eps[0] = ct_ep(FAKE_B, 0);
	KUNIT_EXPECT_NOT_NULL(test, ct_client(test, eps, 1, &err));
	KUNIT_EXPECT_NULL(test, ct_client(test, eps, 1, &err));
	KUNIT_EXPECT_EQ(test, err, -EBUSY);

	/* Failing on fake_b gives back the context it took on fake_a ... */
	eps[0] = ct_ep(FAKE_A, 9);
	eps[1] = ct_ep(FAKE_B, 0);
	KUNIT_EXPECT_NULL(test, ct_client(test, eps, 2, &err));
	KUNIT_EXPECT_EQ(test, err, -EBUSY);
	/* ... which a client can then have, stream ID 9 included. */
	KUNIT_EXPECT_NOT_NULL(test, ct_client(test, eps, 1, &err));

	/* A client's release gives its context back, programmed without it. */
	ct_destroy_client(c1);
	log = ct_log(test, FAKE_A);
	KUNIT_EXPECT_FALSE(test, log.ctx[0].has_client);
	KUNIT_EXPECT_EQ(test, log.ctx[0].nids, 0u);
}

/*
 * A domain takes the format of the first instance it meets; an instance
 * of another format is refused and stays as it was; instances of one
 * format share the table; a context moves between domains whole.
 */
static void ct_attach_rules(struct kunit *test)
{
	struct socmmu_endpoint eps[2];
	struct core_client *ca, *cb, *cac;
	struct core_domain *d1, *d2;
	struct fake_log a, b, c;
	u64 phys = ct_page(test);
	size_t mapped = 0;
	u64 ttb1;

	ct_hold(test, FAKE_A);
	ct_hold(test, FAKE_B);
	ct_hold(test, FAKE_C);
	eps[0] = ct_ep(FAKE_A, 1);
	ca = ct_client(test, eps, 1, NULL);
	eps[0] = ct_ep(FAKE_B, 0);
	cb = ct_client(test, eps, 1, NULL);
	eps[0] = ct_ep(FAKE_A, 2);
	eps[1] = ct_ep(FAKE_C, 3);
	cac = ct_client(test, eps, 2, NULL);
	KUNIT_ASSERT_TRUE(test, ca && cb && cac);

	d1 = ct_domain(test, NULL);
	KUNIT_EXPECT_EQ(test, core_domain_attach(d1, ca), 0);
	a = ct_log(test, FAKE_A);
	KUNIT_EXPECT_TRUE(test, a.ctx[0].translate);
	ttb1 = a.ctx[0].ttb;
	KUNIT_EXPECT_NE(test, ttb1, 0ull);
	KUNIT_EXPECT_EQ(test, cs.domain[0]->pgsize_bitmap, 0x01111000ul);
	KUNIT_EXPECT_EQ(test, (u64)cs.domain[0]->geometry.aperture_end, 0xffffffffull);

	KUNIT_EXPECT_EQ(test, core_domain_attach(d1, cb), -EINVAL);
	b = ct_log(test, FAKE_B);
	KUNIT_EXPECT_FALSE(test, b.ctx[0].translate);

	KUNIT_EXPECT_EQ(test, core_domain_attach(d1, cac), 0);
	a = ct_log(test, FAKE_A);
	c = ct_log(test, FAKE_C);
	KUNIT_EXPECT_TRUE(test, a.ctx[1].translate && c.ctx[0].translate);
	KUNIT_EXPECT_EQ(test, a.ctx[1].ttb, ttb1);
	KUNIT_EXPECT_EQ(test, c.ctx[0].ttb, ttb1);

	/* ca moves to d2; d1's invalidations no longer reach it. */
	d2 = ct_domain(test, NULL);
	KUNIT_EXPECT_EQ(test, core_domain_attach(d2, ca), 0);
	a = ct_log(test, FAKE_A);
	KUNIT_EXPECT_NE(test, a.ctx[0].ttb, ttb1);
	KUNIT_ASSERT_EQ(test, core_domain_map(d1, 0x100000, phys, SZ_4K, 1, IOMMU_READ, false,
					      &mapped), 0);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(d1, 0x100000, SZ_4K, 1), (size_t)SZ_4K);
	core_domain_sync(d1, 0, 0);
	a = ct_log(test, FAKE_A);
	c = ct_log(test, FAKE_C);
	KUNIT_EXPECT_EQ(test, a.ctx[0].range_flushes, 0u);
	KUNIT_EXPECT_EQ(test, a.ctx[1].range_flushes, 1u);
	KUNIT_EXPECT_EQ(test, c.ctx[0].range_flushes, 1u);

	/* Leaving for bypass takes cac off d1. */
	core_client_leave(cac, false);
	a = ct_log(test, FAKE_A);
	KUNIT_EXPECT_FALSE(test, a.ctx[1].translate);
	KUNIT_ASSERT_EQ(test, core_domain_map(d1, 0x100000, phys, SZ_4K, 1, IOMMU_READ, false,
					      &mapped), 0);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(d1, 0x100000, SZ_4K, 1), (size_t)SZ_4K);
	core_domain_sync(d1, 0, 0);
	a = ct_log(test, FAKE_A);
	KUNIT_EXPECT_EQ(test, a.ctx[1].range_flushes, 1u);
}

/* Unmaps invalidate nothing by themselves; one sync invalidates their union once. */
static void ct_sync_batching(struct kunit *test)
{
	struct socmmu_endpoint ep = ct_ep(FAKE_A, 1);
	struct core_client *ca;
	struct core_domain *d;
	struct fake_log a;
	u64 phys = ct_page(test), iova;
	size_t mapped = 0;

	d = ct_attached_domain(test, FAKE_A, &ep, &ca);
	for (iova = 0x100000; iova < 0x140000; iova += SZ_4K)
		KUNIT_ASSERT_EQ(test, core_domain_map(d, iova, phys, SZ_4K, 1, IOMMU_READ, false,
						      &mapped), 0);
	KUNIT_EXPECT_EQ(test, core_domain_iova_to_phys(d, 0x13f123), phys + 0x123);
	for (iova = 0x100000; iova < 0x140000; iova += SZ_4K)
		KUNIT_EXPECT_EQ(test, core_domain_unmap(d, iova, SZ_4K, 1), (size_t)SZ_4K);
	a = ct_log(test, FAKE_A);
	KUNIT_EXPECT_EQ(test, a.ctx[0].range_flushes, 0u);
	core_domain_sync(d, 0, 0);
	a = ct_log(test, FAKE_A);
	KUNIT_EXPECT_EQ(test, a.ctx[0].range_flushes, 1u);
	KUNIT_EXPECT_EQ(test, a.ctx[0].range_start, 0x100000ull);
	KUNIT_EXPECT_EQ(test, a.ctx[0].range_end, 0x140000ull);
	KUNIT_EXPECT_EQ(test, core_domain_iova_to_phys(d, 0x13f123), 0ull);
	/* Nothing pending: a sync with an empty range invalidates nothing. */
	core_domain_sync(d, 0, 0);
	KUNIT_EXPECT_EQ(test, ct_log(test, FAKE_A).ctx[0].range_flushes, 1u);
	core_domain_flush_all(d);
	KUNIT_EXPECT_EQ(test, ct_log(test, FAKE_A).ctx[0].full_flushes, 1u);
}

/* Powered off, invalidations are skipped; resume programs every context. */
static void ct_power(struct kunit *test)
{
	struct socmmu_endpoint ep = ct_ep(FAKE_A, 1);
	struct socmmu_iommu_stats before, after;
	struct core_client *ca;
	struct core_domain *d;
	struct fake_log a;
	u64 phys = ct_page(test);
	size_t mapped = 0;

	d = ct_attached_domain(test, FAKE_A, &ep, &ca);
	ct_release(FAKE_A);
	KUNIT_ASSERT_TRUE(test, pm_runtime_status_suspended(ct.dev[FAKE_A]));
	a = ct_log(test, FAKE_A);
	KUNIT_EXPECT_EQ(test, a.saves, 1u);
	fake_iommu_clear_log(ct.dev[FAKE_A]);

	KUNIT_ASSERT_EQ(test, socmmu_iommu_get_stats(ct.dev[FAKE_A], &before), 0);
	KUNIT_ASSERT_EQ(test, core_domain_map(d, 0x200000, phys, SZ_4K, 1, IOMMU_READ, false,
					      &mapped), 0);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(d, 0x200000, SZ_4K, 1), (size_t)SZ_4K);
	core_domain_sync(d, 0, 0);
	KUNIT_ASSERT_EQ(test, socmmu_iommu_get_stats(ct.dev[FAKE_A], &after), 0);
	KUNIT_EXPECT_EQ(test, after.skipped_off, before.skipped_off + 1);
	a = ct_log(test, FAKE_A);
	KUNIT_EXPECT_EQ(test, a.ctx[0].range_flushes, 0u);

	ct_hold(test, FAKE_A);
	a = ct_log(test, FAKE_A);
	KUNIT_EXPECT_EQ(test, a.restores, 1u);
	KUNIT_EXPECT_EQ(test, a.ctx[0].resumes, 1u);
	KUNIT_EXPECT_EQ(test, a.ctx[1].resumes, 1u);
	KUNIT_EXPECT_EQ(test, a.ctx[2].resumes, 1u);
	KUNIT_EXPECT_TRUE(test, a.ctx[0].translate);
	KUNIT_EXPECT_TRUE(test, a.ctx[0].has_client);
	KUNIT_EXPECT_FALSE(test, a.ctx[1].has_client);
}

/*
 * Hardware that caches empty L1 entries hears of each L1 entry a map
 * filled before that map call returns (no iotlb_sync_map comes after it),
 * and of each L2 an unmap unlinked, with the TLB invalidation of that sync.
 */
static void ct_walk_cache(struct kunit *test)
{
	struct socmmu_endpoint ep;
	struct core_client *cc, *ca;
	struct core_domain *dc, *da;
	struct fake_log log;
	u64 phys = ct_page(test);
	size_t mapped = 0;

	ct_hold(test, FAKE_A);
	ct_hold(test, FAKE_C);
	ep = ct_ep(FAKE_C, 1);
	cc = ct_client(test, &ep, 1, NULL);
	ep = ct_ep(FAKE_A, 1);
	ca = ct_client(test, &ep, 1, NULL);
	KUNIT_ASSERT_TRUE(test, cc && ca);
	dc = ct_domain(test, cc);
	da = ct_domain(test, ca);
	KUNIT_ASSERT_EQ(test, core_domain_attach(dc, cc), 0);
	KUNIT_ASSERT_EQ(test, core_domain_attach(da, ca), 0);

	KUNIT_ASSERT_EQ(test, core_domain_map(dc, 0x300000, phys, SZ_4K, 1, IOMMU_READ, false,
					      &mapped), 0);
	log = ct_log(test, FAKE_C);
	KUNIT_EXPECT_EQ(test, log.ctx[0].walk_flushes, 1u);
	KUNIT_EXPECT_EQ(test, log.ctx[0].walk_start, 0x300000ull);
	KUNIT_EXPECT_EQ(test, log.ctx[0].walk_end, 0x400000ull);
	/* The same L1 entry again: already a table. */
	KUNIT_ASSERT_EQ(test, core_domain_map(dc, 0x301000, phys, SZ_4K, 1, IOMMU_READ, false,
					      &mapped), 0);
	log = ct_log(test, FAKE_C);
	KUNIT_EXPECT_EQ(test, log.ctx[0].walk_flushes, 1u);

	KUNIT_ASSERT_EQ(test, core_domain_map(da, 0x300000, phys, SZ_4K, 1, IOMMU_READ, false,
					      &mapped), 0);
	log = ct_log(test, FAKE_A);
	KUNIT_EXPECT_EQ(test, log.ctx[0].walk_flushes, 0u);

	/*
	 * Unmaps: while the L2 keeps a page, only the TLB; the unmap that
	 * unlinks it also the walk cache, in the same sync, before the L2
	 * is freed.  Hardware without a walk cache hears nothing of it.
	 */
	KUNIT_EXPECT_EQ(test, core_domain_unmap(dc, 0x301000, SZ_4K, 1), (size_t)SZ_4K);
	core_domain_sync(dc, 0, 0);
	log = ct_log(test, FAKE_C);
	KUNIT_EXPECT_EQ(test, log.ctx[0].range_flushes, 1u);
	KUNIT_EXPECT_EQ(test, log.ctx[0].walk_flushes, 1u);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(dc, 0x300000, SZ_4K, 1), (size_t)SZ_4K);
	core_domain_sync(dc, 0, 0);
	log = ct_log(test, FAKE_C);
	KUNIT_EXPECT_EQ(test, log.ctx[0].range_flushes, 2u);
	KUNIT_EXPECT_EQ(test, log.ctx[0].walk_flushes, 2u);
	KUNIT_EXPECT_EQ(test, log.ctx[0].walk_start, 0x300000ull);
	KUNIT_EXPECT_EQ(test, log.ctx[0].walk_end, 0x301000ull);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(da, 0x300000, SZ_4K, 1), (size_t)SZ_4K);
	core_domain_sync(da, 0, 0);
	log = ct_log(test, FAKE_A);
	KUNIT_EXPECT_EQ(test, log.ctx[0].range_flushes, 1u);
	KUNIT_EXPECT_EQ(test, log.ctx[0].walk_flushes, 0u);
}

/* Map errors keep their errno; a domain no IOMMU has met yet maps nothing. */
static void ct_map_errors(struct kunit *test)
{
	struct socmmu_endpoint ep = ct_ep(FAKE_A, 1);
	struct core_domain *unbound, *d;
	struct core_client *ca;
	u64 phys = ct_page(test);
	size_t mapped = 0;

	ct_hold(test, FAKE_A);
	ca = ct_client(test, &ep, 1, NULL);
	KUNIT_ASSERT_NOT_NULL(test, ca);
	unbound = ct_domain(test, NULL);
	KUNIT_EXPECT_EQ(test, core_domain_map(unbound, 0x100000, phys, SZ_4K, 1, IOMMU_READ,
					      false, &mapped), -ENODEV);
	KUNIT_EXPECT_EQ(test, core_domain_iova_to_phys(unbound, 0x100000), 0ull);
	d = ct_domain(test, ca);
	KUNIT_EXPECT_EQ(test, core_domain_map(d, 0x100800, phys, SZ_4K, 1, IOMMU_READ, false,
					      &mapped), -EINVAL);
	KUNIT_EXPECT_EQ(test, core_domain_map(d, 0x100000, phys, SZ_4K, 1, IOMMU_READ, false,
					      &mapped), 0);
	KUNIT_EXPECT_EQ(test, core_domain_map(d, 0x100000, phys, SZ_4K, 1, IOMMU_READ, false,
					      &mapped), -EEXIST);
	KUNIT_EXPECT_EQ(test, mapped, (size_t)SZ_4K);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(d, 0x200000, SZ_4K, 1), (size_t)0);
}

/*
 * The DMA layer's map of a list: each run in the largest pages its
 * alignment allows (a 64K page where iova and phys allow one, then 4K;
 * a 1M section), the same translations as one core_domain_map() per page,
 * and a walk cache told once for the whole list.
 */
static void ct_map_runs(struct kunit *test)
{
	struct socmmu_endpoint ep;
	struct core_domain *d, *each, *dc;
	struct core_client *ca, *cb, *cc;
	u64 p1 = ct_page(test), p2 = ct_page(test), iova;
	const struct kx_map_run runs[] = {
		{ 0x100000, p1, SZ_4K },
		{ 0x101000, p2, SZ_4K },
		{ 0x110000, 0x20000000, SZ_64K + SZ_4K },
		{ 0x200000, 0x20100000, SZ_1M },
	};
	const struct kx_map_run apart[] = { { 0x300000, p1, SZ_4K }, { 0x500000, p2, SZ_4K } };
	struct fake_log log;
	size_t mapped = 0;
	unsigned int i;

	ct_hold(test, FAKE_A);
	ct_hold(test, FAKE_C);
	ep = ct_ep(FAKE_A, 1);
	ca = ct_client(test, &ep, 1, NULL);
	ep = ct_ep(FAKE_A, 2);
	cb = ct_client(test, &ep, 1, NULL);
	ep = ct_ep(FAKE_C, 1);
	cc = ct_client(test, &ep, 1, NULL);
	KUNIT_ASSERT_TRUE(test, ca && cb && cc);
	d = ct_domain(test, ca);
	each = ct_domain(test, cb);
	KUNIT_ASSERT_EQ(test, core_domain_map_runs(d, runs, ARRAY_SIZE(runs), IOMMU_READ, false),
			0);
	for (i = 0; i < ARRAY_SIZE(runs); i++)
		for (iova = 0; iova < runs[i].size; iova += SZ_4K)
			KUNIT_ASSERT_EQ(test, core_domain_map(each, runs[i].iova + iova,
							      runs[i].phys + iova, SZ_4K, 1,
							      IOMMU_READ, false, &mapped), 0);
	for (iova = 0x100000; iova < 0x300000; iova += SZ_4K)
		KUNIT_EXPECT_EQ_MSG(test, core_domain_iova_to_phys(d, iova + 0x123),
				    core_domain_iova_to_phys(each, iova + 0x123),
				    "at 0x%llx", iova);
	KUNIT_EXPECT_EQ(test, core_domain_iova_to_phys(d, 0x110123), 0x20000123ull);
	KUNIT_EXPECT_EQ(test, core_domain_iova_to_phys(d, 0x120123), 0x20010123ull);
	/* A 64K page and a section: nothing starts inside them. */
	KUNIT_EXPECT_EQ(test, core_domain_unmap(d, 0x111000, SZ_4K, 1), (size_t)0);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(d, 0x201000, SZ_4K, 1), (size_t)0);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(d, 0x110000, SZ_4K, 1), (size_t)SZ_64K);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(d, 0x120000, SZ_4K, 1), (size_t)SZ_4K);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(d, 0x200000, SZ_4K, 1), (size_t)SZ_1M);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(d, 0x100000, SZ_4K, 2), (size_t)SZ_8K);
	core_domain_sync(d, 0, 0);
	KUNIT_EXPECT_EQ(test, core_domain_iova_to_phys(d, 0x100000), 0ull);

	/* Two L1 entries filled by one call: one walk-cache invalidation. */
	dc = ct_domain(test, cc);
	KUNIT_ASSERT_EQ(test, core_domain_attach(dc, cc), 0);
	KUNIT_ASSERT_EQ(test, core_domain_map_runs(dc, apart, 2, IOMMU_READ, false), 0);
	log = ct_log(test, FAKE_C);
	KUNIT_EXPECT_EQ(test, log.ctx[0].walk_flushes, 1u);
	KUNIT_EXPECT_EQ(test, log.ctx[0].walk_start, 0x300000ull);
	KUNIT_EXPECT_EQ(test, log.ctx[0].walk_end, 0x600000ull);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(dc, 0x300000, SZ_4K, 1), (size_t)SZ_4K);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(dc, 0x500000, SZ_4K, 1), (size_t)SZ_4K);
	core_domain_sync(dc, 0, 0);
}

/* The log line before the refused lists of ct_map_runs_refused. */
#define CT_RUNS_REFUSED	"refused lists follow"

/*
 * A list fails whole: a run the domain's smallest page does not divide is
 * refused before anything is mapped, one that meets a mapping midway
 * leaves none of the list mapped, invalidated; each failure logs one
 * line with its errno.
 */
static void ct_map_runs_refused(struct kunit *test)
{
	struct socmmu_endpoint ep = ct_ep(FAKE_A, 1);
	const char *name = dev_name(ct.dev[FAKE_A]);
	u64 p = ct_page(test), other = ct_page(test);
	const struct kx_map_run misaligned[] = {
		{ 0x100000, p, SZ_4K }, { 0x101800, p, SZ_4K },
	};
	const struct kx_map_run empty[] = { { 0x100000, p, SZ_4K }, { 0x101000, p, 0 } };
	const struct kx_map_run overlap[] = {
		{ 0x100000, p, SZ_4K },
		{ 0x140000, 0x20000000, SZ_64K },
		{ 0x17f000, p, SZ_8K },		/* its second page is taken */
		{ 0x190000, p, SZ_4K },
	};
	struct core_domain *unbound, *d;
	struct core_client *ca;
	unsigned int flushes;
	size_t mapped = 0;

	d = ct_attached_domain(test, FAKE_A, &ep, &ca);
	KUNIT_ASSERT_EQ(test, core_domain_map(d, 0x180000, other, SZ_4K, 1, IOMMU_READ, false,
					      &mapped), 0);
	flushes = ct_log(test, FAKE_A).ctx[0].range_flushes;
	pr_info("%s\n", CT_RUNS_REFUSED);

	KUNIT_EXPECT_EQ(test, core_domain_map_runs(d, misaligned, 2, IOMMU_READ, false), -EINVAL);
	KUNIT_EXPECT_EQ(test, core_domain_map_runs(d, empty, 2, IOMMU_READ, false), -EINVAL);
	KUNIT_EXPECT_EQ(test, core_domain_iova_to_phys(d, 0x100000), 0ull);
	KUNIT_EXPECT_EQ(test, kx_kunit_log_lines(CT_RUNS_REFUSED, name,
						 "bad page size or alignment"), 2);
	KUNIT_EXPECT_EQ(test, kx_kunit_log_lines(CT_RUNS_REFUSED, name, "0x101800"), 1);

	KUNIT_EXPECT_EQ(test, core_domain_map_runs(d, overlap, ARRAY_SIZE(overlap), IOMMU_READ,
						   false), -EEXIST);
	KUNIT_EXPECT_EQ(test, core_domain_iova_to_phys(d, 0x100000), 0ull);
	KUNIT_EXPECT_EQ(test, core_domain_iova_to_phys(d, 0x140000), 0ull);
	KUNIT_EXPECT_EQ(test, core_domain_iova_to_phys(d, 0x17f000), 0ull);
	KUNIT_EXPECT_EQ(test, core_domain_iova_to_phys(d, 0x190000), 0ull);
	KUNIT_EXPECT_EQ(test, core_domain_iova_to_phys(d, 0x180000), other);
	KUNIT_EXPECT_EQ(test, ct_log(test, FAKE_A).ctx[0].range_flushes, flushes + 1);
	KUNIT_EXPECT_EQ(test, kx_kunit_log_lines(CT_RUNS_REFUSED, name, "overlaps a mapping"), 1);
	/* Nothing of the list is left to unmap: the area maps again. */
	KUNIT_EXPECT_EQ(test, core_domain_map_runs(d, overlap, 2, IOMMU_READ, false), 0);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(d, 0x100000, SZ_4K, 1), (size_t)SZ_4K);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(d, 0x140000, SZ_4K, 16), (size_t)SZ_64K);
	KUNIT_EXPECT_EQ(test, core_domain_unmap(d, 0x180000, SZ_4K, 1), (size_t)SZ_4K);
	core_domain_sync(d, 0, 0);

	unbound = ct_domain(test, NULL);
	KUNIT_EXPECT_EQ(test, core_domain_map_runs(unbound, overlap, 1, IOMMU_READ, false),
			-ENODEV);
}

static struct {
	int count;
	struct device *dev;
	unsigned long iova;
	int flags;
	int ret;
} ct_fault;

static int ct_fault_handler(struct iommu_domain *domain, struct device *dev, unsigned long iova,
			    int flags, void *token)
{
	ct_fault.count++;
	ct_fault.dev = dev;
	ct_fault.iova = iova;
	ct_fault.flags = flags;
	return ct_fault.ret;
}

/* The log line before the refused faults of ct_fault_path. */
#define CT_REFUSED	"refused faults follow"

/*
 * The IRQ path: a fault on a context goes to its domain's handler with the
 * client device, address and direction, then to end_fault() with whether
 * the handler took it; one that nobody took is counted and logged, with
 * what became of the stalled master as the driver counted it.
 */
static void ct_fault_path(struct kunit *test)
{
	struct socmmu_endpoint ep = ct_ep(FAKE_A, 2);
	struct core_instance *ci = core_instance_find(ct.key[FAKE_A]);
	const char *name = dev_name(ct.dev[FAKE_A]);
	struct socmmu_iommu_stats before, after;
	struct core_client *ca;
	struct core_domain *d;
	struct fake_log log;
	struct device *client;
	u32 ctx;

	KUNIT_ASSERT_NOT_NULL(test, ci);
	d = ct_attached_domain(test, FAKE_A, &ep, &ca);
	client = &cs.pdev[cs.npdev - 1]->dev;
	log = ct_log(test, FAKE_A);
	for (ctx = 0; ctx < log.contexts && log.ctx[ctx].first_id != 2; ctx++)
		;
	KUNIT_ASSERT_LT(test, ctx, log.contexts);
	memset(&ct_fault, 0, sizeof(ct_fault));
	iommu_set_fault_handler(cs.domain[cs.ndomains - 1], ct_fault_handler, NULL);
	KUNIT_ASSERT_EQ(test, socmmu_iommu_get_stats(ct.dev[FAKE_A], &before), 0);

	/* Nothing pending: not our interrupt. */
	KUNIT_EXPECT_FALSE(test, core_instance_irq(ci));

	/* Handled: reported with the client, the master resumed. */
	KUNIT_ASSERT_EQ(test, fake_iommu_raise_fault(ct.dev[FAKE_A], ctx, 0x123000, true, true), 0);
	KUNIT_EXPECT_TRUE(test, core_instance_irq(ci));
	KUNIT_EXPECT_EQ(test, ct_fault.count, 1);
	KUNIT_EXPECT_PTR_EQ(test, ct_fault.dev, client);
	KUNIT_EXPECT_EQ(test, ct_fault.iova, 0x123000ul);
	KUNIT_EXPECT_EQ(test, ct_fault.flags, IOMMU_FAULT_WRITE);
	log = ct_log(test, FAKE_A);
	KUNIT_EXPECT_EQ(test, log.end_faults, 1u);
	KUNIT_EXPECT_TRUE(test, log.last_handled);
	KUNIT_ASSERT_EQ(test, socmmu_iommu_get_stats(ct.dev[FAKE_A], &after), 0);
	KUNIT_EXPECT_EQ(test, after.faults, before.faults + 1);
	KUNIT_EXPECT_EQ(test, after.resumed, before.resumed + 1);
	KUNIT_EXPECT_EQ(test, after.unhandled_faults, before.unhandled_faults);

	/* Refused, on hardware that can terminate its master, and on one that cannot. */
	ct_fault.ret = -EPERM;
	pr_info("socmmu_iommu_core: %s\n", CT_REFUSED);
	KUNIT_ASSERT_EQ(test, fake_iommu_raise_fault(ct.dev[FAKE_A], ctx, 0x124000, false, true),
			0);
	KUNIT_EXPECT_TRUE(test, core_instance_irq(ci));
	KUNIT_ASSERT_EQ(test, fake_iommu_raise_fault(ct.dev[FAKE_A], ctx, 0x125000, false, false),
			0);
	KUNIT_EXPECT_TRUE(test, core_instance_irq(ci));
	KUNIT_EXPECT_EQ(test, ct_fault.count, 3);
	KUNIT_EXPECT_EQ(test, ct_fault.flags, IOMMU_FAULT_READ);
	KUNIT_EXPECT_FALSE(test, ct_log(test, FAKE_A).last_handled);
	KUNIT_ASSERT_EQ(test, socmmu_iommu_get_stats(ct.dev[FAKE_A], &after), 0);
	KUNIT_EXPECT_EQ(test, after.unhandled_faults, before.unhandled_faults + 2);
	KUNIT_EXPECT_EQ(test, after.terminated, before.terminated + 1);
	KUNIT_EXPECT_EQ(test, after.resumed, before.resumed + 2);
	/* One line each, saying what became of the master. */
	KUNIT_EXPECT_EQ(test, kx_kunit_log_lines(CT_REFUSED, name,
						 "unhandled fake read fault at 0x00124000"), 1);
	KUNIT_EXPECT_EQ(test, kx_kunit_log_lines(CT_REFUSED, "master terminated", "0x00124000"), 1);
	KUNIT_EXPECT_EQ(test, kx_kunit_log_lines(CT_REFUSED, "master resumed", "0x00125000"), 1);

	/* Powered off: the handler touches nothing. */
	ct_release(FAKE_A);
	KUNIT_ASSERT_EQ(test, fake_iommu_raise_fault(ct.dev[FAKE_A], ctx, 0x126000, false, true),
			0);
	KUNIT_EXPECT_FALSE(test, core_instance_irq(ci));
	KUNIT_EXPECT_EQ(test, ct_fault.count, 3);
}

/*
 * An instance its driver refused at create() leaves nothing behind: no
 * instance, no driver bound, and its clocks, which the framework enabled
 * for create(), off again before they are unprepared (the clock framework
 * WARNs at unpreparing an enabled clock).
 */
static void ct_refused_instance(struct kunit *test)
{
	struct device_node *np = of_find_compatible_node(NULL, NULL,
							 "socmmu,test-fake-iommu-refused");
	struct platform_device *pdev;
	struct clk *clk;

	KUNIT_ASSERT_NOT_NULL(test, np);
	KUNIT_EXPECT_NULL(test, core_instance_find(of_fwnode_handle(np)));
	pdev = of_find_device_by_node(np);
	clk = of_clk_get_by_name(np, "core");
	of_node_put(np);
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	KUNIT_EXPECT_NULL(test, pdev->dev.driver);
	put_device(&pdev->dev);
	KUNIT_ASSERT_FALSE(test, IS_ERR(clk));
	KUNIT_EXPECT_FALSE(test, __clk_is_enabled(clk));
	clk_put(clk);
}

static int ct_suite_init(struct kunit_suite *suite)
{
	struct device_node *np = NULL;
	int n = 0;

	for_each_compatible_node(np, NULL, "socmmu,test-fake-iommu") {
		struct platform_device *pdev = of_find_device_by_node(np);

		if (n == NR_FAKES || !pdev || !core_instance_find(of_fwnode_handle(np))) {
			pr_err("socmmu_iommu_core: fake IOMMU %pOF not probed\n", np);
			of_node_put(np);
			return -ENODEV;
		}
		ct.dev[n] = &pdev->dev;
		ct.key[n] = of_fwnode_handle(np);
		/* The device stays registered while the fake driver is loaded. */
		put_device(&pdev->dev);
		n++;
	}
	if (n != NR_FAKES)
		return -ENODEV;
	np = of_find_compatible_node(NULL, NULL, "ti,omap2-iommu");
	if (np && core_instance_find(of_fwnode_handle(np)))
		ct.omap_key = of_fwnode_handle(np);
	of_node_put(np);
	return 0;
}

static struct kunit_case ct_cases[] = {
	KUNIT_CASE(ct_client_rules),
	KUNIT_CASE(ct_attach_rules),
	KUNIT_CASE(ct_sync_batching),
	KUNIT_CASE(ct_power),
	KUNIT_CASE(ct_walk_cache),
	KUNIT_CASE(ct_map_errors),
	KUNIT_CASE(ct_map_runs),
	KUNIT_CASE(ct_map_runs_refused),
	KUNIT_CASE(ct_fault_path),
	KUNIT_CASE(ct_refused_instance),
	{}
};

static struct kunit_suite ct_suite = {
	.name = "socmmu_iommu_core",
	.suite_init = ct_suite_init,
	.init = ct_init,
	.exit = ct_exit,
	.test_cases = ct_cases,
};

kunit_test_suites(&ct_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_DESCRIPTION("socmmu: the IOMMU framework's core, on a fake driver");
MODULE_LICENSE("GPL");
