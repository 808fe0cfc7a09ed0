// SPDX-License-Identifier: GPL-2.0
/*
 * Malformed device trees (issue 14, item 2): the test tree's bad IOMMU
 * nodes, each probed again by the driver core.  Each must fail with
 * exactly one error line of its own (ours, or the kernel helper's that
 * refused it) and a clean errno, become no instance, and leave every
 * good instance working; the suites loaded after this one then use the
 * good instances.  See Documentation/bad-dt.rst.
 */
#include <kunit/test.h>
#include <linux/device.h>
#include <linux/kmsg_dump.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../../iommu/core/socmmu_iommu.h"
#include "../omap_model/omap_model.h"

struct bad_node {
	const char *path;
	int err;		/* what the probe returns */
	const char *why;	/* in its one line */
};

static const struct bad_node bad_nodes[] = {
	{ "/mmu-bad-noreg", -EINVAL, "invalid resource" },
	{ "/mmu-bad-shortreg@d0000e80", -EINVAL, "register window of 64 bytes" },
	{ "/mmu-bad-noirq@d0000e90", -EINVAL, "0 interrupts; the binding has 1 to 1" },
	{ "/mmu-bad-twoirqs@d0000ea0", -EINVAL, "2 interrupts; the binding has 1 to 1" },
	{ "/mmu-bad-tlb@d0000eb0", -EINVAL, "ti,#tlb-entries must be 8 or 32, not 7" },
	{ "/mmu-bad-cells@d0000ec0", -EINVAL, "#iommu-cells = <1>; the binding has <0>" },
	{ "/mmu-bad-nocells@d0000ed0", -EINVAL, "no #iommu-cells" },
	{ "/mmu-bad-syscon-none@d0000ee0", -ENODEV, "ti,syscon-mmuconfig" },
	{ "/mmu-bad-syscon-notsyscon@d0000ef0", -EINVAL, "ti,syscon-mmuconfig" },
	{ "/mmu-bad-syscon-id@d0000f00", -EINVAL, "needs an id of 0 or 1" },
	{ "/mmu-bad-duplicate@d1000080", -EBUSY, "can't request region" },
	{ "/sysmmu-bad-noclk@d0000c00", -EINVAL, "(0 clocks named)" },
	{ "/iommu@d4800000", -EINVAL, "qcom,ncb must be 1..4, not 0" },
	{ "/iommu@d4400000", -EINVAL, "qcom,ncb must be 1..4, not 5" },
	{ "/iommu@d4600000", -EINVAL, "qcom,ncb is required" },
	{ "/iommu@d4500000", -EINVAL, "clock \"core\": the binding names only" },
};

/*
 * Clients whose "iommus" the core refuses, checked by the parse-only
 * entry (the kernel makes no device of them): the checks probe_device
 * makes, with the same one line.  A phandle to a node without
 * #iommu-cells never gets this far: dtc warns, and the kernel's parser
 * refuses it before any IOMMU driver is asked.
 */
static const struct bad_node bad_clients[] = {
	{ "/bad-clients/client-not-iommu", -ENODEV,
	  "iommus entry 1 is not a registered IOMMU of ours" },
	{ "/bad-clients/client-mixed", -EINVAL,
	  "iommus mixes socmmu-omap-iommu and socmmu-exynos-sysmmu IOMMUs" },
	{ "/bad-clients/client-no-entries", -EINVAL, "iommus has 0 entries" },
};

/* What the IOMMUs the bad nodes sit beside must still be. */
static const char *const good_nodes[] = {
	"/mmu@d1000000", "/mmu@d1010000", "/mmu@d1020000", "/mmu@d1021000",
	"/mmu@d10c0000",
};

static void bad_dt_mark(char *marker, size_t len)
{
	static unsigned int marks;

	snprintf(marker, len, "socmmu_bad_dt: mark %u", ++marks);
	pr_info("%s\n", marker);
}

/* The driver core's own line about a failed probe, 6.12's and 6.1's. */
static bool bad_dt_core_line(const char *line, int *err)
{
	const char *p = strstr(line, "failed with error ");

	if (!p || (!strstr(line, "probe with driver") && !strstr(line, ": probe of ")))
		return false;
	if (kstrtoint(p + strlen("failed with error "), 10, err))
		*err = 0;
	return true;
}

struct bad_dt_result {
	int lines;		/* error lines naming the device, the core's aside */
	int err;		/* from the core's line; -ENODEV when it has none */
	char first[256];
};

static void bad_dt_scan(const char *marker, const char *dev, struct bad_dt_result *r)
{
	struct kmsg_dump_iter iter;
	bool after = false, core = false;
	char *line;
	size_t n;

	line = kmalloc(1024, GFP_KERNEL);
	if (!line)
		return;
	kmsg_dump_rewind(&iter);
	while (kmsg_dump_get_line(&iter, false, line, 1023, &n)) {
		line[n] = '\0';
		if (strstr(line, marker)) {
			after = true;
			continue;
		}
		if (!after || !strstr(line, dev))
			continue;
		if (bad_dt_core_line(line, &r->err)) {
			core = true;
			continue;
		}
		if (!r->lines++)
			strscpy(r->first, strim(line), sizeof(r->first));
	}
	/* -ENODEV and -ENXIO refuse a match quietly (call_driver_probe()). */
	if (!core)
		r->err = -ENODEV;
	kfree(line);
}

static struct platform_device *bad_dt_pdev(const char *path)
{
	struct device_node *np = of_find_node_by_path(path);
	struct platform_device *pdev = np ? of_find_device_by_node(np) : NULL;

	of_node_put(np);
	return pdev;
}

static bool bad_dt_is_instance(struct platform_device *pdev)
{
	struct socmmu_iommu_stats stats;

	return !socmmu_iommu_get_stats(&pdev->dev, &stats);
}

static void bad_dt_desc(const struct bad_node *b, char *desc)
{
	strscpy(desc, b->path + 1, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(bad_dt, bad_nodes, bad_dt_desc);

/* One bad node, probed again: one line, a clean errno, no instance. */
static void bad_dt_refused(struct kunit *test)
{
	const struct bad_node *b = test->param_value;
	struct platform_device *pdev = bad_dt_pdev(b->path);
	struct bad_dt_result *r;
	char marker[64];

	KUNIT_ASSERT_NOT_NULL_MSG(test, pdev, "%s has no platform device", b->path);
	r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r);
	KUNIT_EXPECT_NULL(test, pdev->dev.driver);
	bad_dt_mark(marker, sizeof(marker));
	KUNIT_EXPECT_EQ(test, device_attach(&pdev->dev), 0);
	bad_dt_scan(marker, dev_name(&pdev->dev), r);

	KUNIT_EXPECT_EQ_MSG(test, r->lines, 1, "%s", r->first);
	KUNIT_EXPECT_EQ(test, r->err, b->err);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(r->first, b->why), "\"%s\" lacks \"%s\"",
				  r->first, b->why);
	KUNIT_EXPECT_NULL(test, pdev->dev.driver);
	KUNIT_EXPECT_FALSE(test, bad_dt_is_instance(pdev));
	put_device(&pdev->dev);
}

KUNIT_ARRAY_PARAM(bad_client, bad_clients, bad_dt_desc);

/* One bad client, checked as probe_device checks it: one line, its errno. */
static void bad_dt_client_refused(struct kunit *test)
{
	const struct bad_node *b = test->param_value;
	struct device_node *np = of_find_node_by_path(b->path);
	struct bad_dt_result *r;
	char marker[64], *name;

	KUNIT_ASSERT_NOT_NULL(test, np);
	r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r);
	/* The check's messages name the node as a device name can: '/' is '!'. */
	name = kunit_kzalloc(test, strlen(b->path) + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, name);
	strscpy(name, b->path, strlen(b->path) + 1);
	strreplace(name, '/', '!');
	bad_dt_mark(marker, sizeof(marker));
	KUNIT_EXPECT_EQ(test, socmmu_iommu_check_client(np), b->err);
	bad_dt_scan(marker, name, r);
	KUNIT_EXPECT_EQ_MSG(test, r->lines, 1, "%s", r->first);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(r->first, b->why), "\"%s\" lacks \"%s\"",
				  r->first, b->why);
	of_node_put(np);
}

/* After every refusal, the good IOMMUs beside them are still instances. */
static void bad_dt_good_unharmed(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(good_nodes); i++) {
		struct platform_device *pdev = bad_dt_pdev(good_nodes[i]);

		KUNIT_ASSERT_NOT_NULL(test, pdev);
		KUNIT_EXPECT_NOT_NULL(test, pdev->dev.driver);
		KUNIT_EXPECT_TRUE_MSG(test, bad_dt_is_instance(pdev), "%s", good_nodes[i]);
		put_device(&pdev->dev);
	}
}

/*
 * Every OMAP MMU the driver has served so far kept to its node's window
 * (mmu_small's is 0x80 bytes, mainline's OMAP3 ISP's, without GP_REG).
 */
static void bad_dt_windows_kept(struct kunit *test)
{
	struct omap_model_counters c;
	struct omap_model *m;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, omap_model_find("mmu_small"));
	for (i = 0; (m = omap_model_get(i)); i++) {
		omap_model_counters(m, &c);
		KUNIT_EXPECT_EQ_MSG(test, c.bad_accesses, 0u, "%s", omap_model_name(m));
	}
}

static struct kunit_case bad_dt_cases[] = {
	KUNIT_CASE_PARAM(bad_dt_refused, bad_dt_gen_params),
	KUNIT_CASE_PARAM(bad_dt_client_refused, bad_client_gen_params),
	KUNIT_CASE(bad_dt_good_unharmed),
	KUNIT_CASE(bad_dt_windows_kept),
	{}
};

static struct kunit_suite bad_dt_suite = {
	.name = "socmmu_bad_dt",
	.test_cases = bad_dt_cases,
};

kunit_test_suites(&bad_dt_suite);

MODULE_DESCRIPTION("socmmu: malformed IOMMU nodes, refused one line each");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
