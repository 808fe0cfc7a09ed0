// SPDX-License-Identifier: GPL-2.0
/*
 * What the test bench relies on from the test kernel itself.  These fail
 * when a test kernel is configured or patched wrongly, before any suite
 * of ours gives a confusing answer for the same reason.
 */
#include <kunit/test.h>
#include <linux/dma-map-ops.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>

#include <shim/kcompat.h>

#include "scratch_mmio.h"
#include "testbench_tests.h"

#define TB_FAKE_IOVA 0x40000000

static struct {
	int allocs;
	int frees;
	void *buffer;
} recorded;

static void *recording_alloc(struct device *dev, size_t size,
			     dma_addr_t *handle, gfp_t gfp, unsigned long attrs)
{
	recorded.allocs++;
	recorded.buffer = kzalloc(size, gfp);
	*handle = TB_FAKE_IOVA;
	return recorded.buffer;
}

static void recording_free(struct device *dev, size_t size, void *cpu_addr,
			   dma_addr_t handle, unsigned long attrs)
{
	recorded.frees++;
	kfree(cpu_addr);
}

static const struct dma_map_ops recording_ops = {
	.alloc = recording_alloc,
	.free = recording_free,
};

/*
 * dma_alloc_coherent() on a device with its own dma_map_ops must reach
 * them: 6.1 UML has DMA_OPS, 6.12 UML has it through our test-kernel patch
 * (Documentation/dma-ops-on-uml.rst).  Without it the DMA layer could only
 * be tested by calling its ops by hand.
 */
static void tb_per_device_dma_ops_dispatch(struct kunit *test)
{
	struct platform_device *pdev;
	dma_addr_t handle = 0;
	void *cpu;

	if (!KX_HAVE_DMA_OPS)
		KUNIT_FAIL(test, "this test kernel has no per-device dma_map_ops");

	pdev = platform_device_register_simple("socmmu-tb-dma", PLATFORM_DEVID_AUTO, NULL, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(pdev));
	KUNIT_ASSERT_EQ(test, dma_coerce_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32)), 0);

	memset(&recorded, 0, sizeof(recorded));
	set_dma_ops(&pdev->dev, &recording_ops);
	cpu = dma_alloc_coherent(&pdev->dev, 256, &handle, GFP_KERNEL);
	KUNIT_EXPECT_EQ(test, recorded.allocs, KX_HAVE_DMA_OPS);
	KUNIT_EXPECT_PTR_EQ(test, cpu, recorded.buffer);
	if (KX_HAVE_DMA_OPS)
		KUNIT_EXPECT_EQ(test, handle, (dma_addr_t)TB_FAKE_IOVA);
	if (cpu)
		dma_free_coherent(&pdev->dev, 256, cpu, handle);
	KUNIT_EXPECT_EQ(test, recorded.frees, recorded.allocs);

	set_dma_ops(&pdev->dev, NULL);
	platform_device_unregister(pdev);
}

/* ioremap() of the scratch window goes through logic_iomem to our ops. */
static void tb_scratch_window_reaches_model(struct kunit *test)
{
	void __iomem *base;

	tb_scratch_reset();
	base = ioremap(TB_SCRATCH_PHYS, TB_SCRATCH_SIZE);
	KUNIT_ASSERT_TRUE(test, base);

	writel(0x12345678, base + 0x10);
	KUNIT_EXPECT_EQ(test, tb_scratch_peek(0x10), 0x12345678u);
	tb_scratch_poke(0x14, 0xcafef00d);
	KUNIT_EXPECT_EQ(test, readl(base + 0x14), 0xcafef00du);
	KUNIT_EXPECT_EQ(test, tb_scratch_writes(0x10), 1u);
	KUNIT_EXPECT_EQ(test, tb_scratch_reads(0x14), 1u);

	/* A byte access is not a register access: the window rejects it. */
	writeb(0xff, base + 0x18);
	KUNIT_EXPECT_EQ(test, tb_scratch_bad_accesses(), 1u);
	KUNIT_EXPECT_EQ(test, tb_scratch_peek(0x18), 0u);

	iounmap(base);

	/* A mapping of part of the window (a device node inside it) starts there. */
	base = ioremap(TB_SCRATCH_PHYS + 0x800, 0x100);
	KUNIT_ASSERT_TRUE(test, base);
	tb_scratch_poke(0x834, 0x5000000f);
	KUNIT_EXPECT_EQ(test, readl(base + 0x34), 0x5000000fu);
	KUNIT_EXPECT_EQ(test, tb_scratch_reads(0x834), 1u);
	KUNIT_EXPECT_EQ(test, tb_scratch_reads(0x34), 0u);
	iounmap(base);
	tb_scratch_reset();
}

/*
 * The model clocks' node is bound to the bench's driver: fw_devlink lets
 * their consumers (SYSMMUs, MSM IOMMUs) probe only once their supplier's
 * device is bound, so an unbound node would hold them all back until the
 * deferred-probe timeout.
 */
static void tb_model_clocks_bound(struct kunit *test)
{
	struct device_node *np = of_find_compatible_node(NULL, NULL, "socmmu,model-clocks");
	struct platform_device *pdev;

	if (!np || !IS_ENABLED(CONFIG_COMMON_CLK)) {
		of_node_put(np);
		kunit_skip(test, "no model clocks in this tree or kernel");
	}
	pdev = of_find_device_by_node(np);
	of_node_put(np);
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	KUNIT_EXPECT_NOT_NULL(test, pdev->dev.driver);
	KUNIT_EXPECT_STREQ(test, dev_driver_string(&pdev->dev), "socmmu-model-clocks");
	put_device(&pdev->dev);
}

static struct kunit_case testbench_cases[] = {
	KUNIT_CASE(tb_per_device_dma_ops_dispatch),
	KUNIT_CASE(tb_scratch_window_reaches_model),
	KUNIT_CASE(tb_model_clocks_bound),
	{}
};

static struct kunit_suite testbench_suite = {
	.name = "socmmu_testbench",
	.test_cases = testbench_cases,
};

static struct kunit_case mmio_cases[] = {
	KUNIT_CASE(mmio_write_lands_at_offset),
	KUNIT_CASE(mmio_read_decodes_fields),
	KUNIT_CASE(mmio_relaxed_accessors),
	KUNIT_CASE(mmio_modify_is_one_read_one_write),
	KUNIT_CASE(mmio_register_arrays),
	KUNIT_CASE(mmio_bit_fields_are_bools),
	KUNIT_CASE(mmio_address_fields),
	KUNIT_CASE(mmio_registers_at_layout_offsets),
	KUNIT_CASE(mmio_register_array_elements),
	KUNIT_CASE(mmio_windows),
	{}
};

static struct kunit_suite mmio_suite = {
	.name = "kcxx_mmio",
	.test_cases = mmio_cases,
};

kunit_test_suites(&testbench_suite, &mmio_suite);

MODULE_DESCRIPTION("KUnit suites for the socmmu test bench and typed registers");
MODULE_LICENSE("GPL");
