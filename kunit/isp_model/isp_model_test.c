// SPDX-License-Identifier: GPL-2.0
/*
 * The ISP model's own suite, driving it through its registers as a driver
 * would, with the MMU model in bypass (powered, MMU off) or enabled on an
 * empty table; and the second camera of the test DT behind an Exynos
 * SYSMMU (v7 with VM), programmed at register level, with no driver.
 * Test bench code, so plain kernel C.
 *
 * The module's exit also destroys the ISP's platform device: the IOMMU
 * core holds a reference on the OMAP IOMMU driver per probed client, and
 * the harness unloads this module (after the ISP driver, before the IOMMU
 * driver) so that the IOMMU driver can be unloaded too.
 */
#include <kunit/test.h>
#include <linux/clk.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include "../exynos_model/exynos_model.h"
#include "../model_bus/model_bus.h"
#include "../omap_model/omap_model.h"
#include "isp_model.h"
#include "isp_pattern.h"

#define ISP_PHYS	0xd1070000
/* Above UML's RAM and outside any test IOVA window. */
#define ISP_NOWHERE	0xe0000000u

struct imt {
	void __iomem *isp;
	void __iomem *mmu;
	struct omap_model *m;
};

static void wr(void __iomem *base, u32 off, u32 v)
{
	writel(v, base + off);
}

static u32 rd(void __iomem *base, u32 off)
{
	return readl(base + off);
}

/* ----------------------------------------------- the second camera -- */

#define CAM2_NODE	"/isp@d20b0000"
#define CAM2_IOVA	0x10000000u

struct cam2 {
	struct isp_model *cam;
	void __iomem *isp, *mmu;
	struct clk *clk;
	struct page *l1, *l2, *buf;
	struct model_bus_master bus;
};

/* The SYSMMU in front of it, as mainline's driver enables a v7 VM one. */
static void cam2_mmu_enable(struct cam2 *c)
{
	u32 *l1 = page_address(c->l1), *l2 = page_address(c->l2);

	/* v5+ descriptors: PA >> 4, little-endian. */
	l1[CAM2_IOVA >> 20] = (__force u32)cpu_to_le32((u32)(page_to_phys(c->l2) >> 4) |
						       EXYNOS_MODEL_L1_TABLE);
	l2[(CAM2_IOVA >> 12) & 0xff] = (__force u32)cpu_to_le32((u32)(page_to_phys(c->buf) >> 4) |
		((EXYNOS_MODEL_PROT_R | EXYNOS_MODEL_PROT_W) << EXYNOS_MODEL_V5_L2_PROT_SHIFT) |
		EXYNOS_MODEL_L2_SMALL);
	wr(c->mmu, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_BLOCK);
	wr(c->mmu, EXYNOS_MODEL_CFG, EXYNOS_MODEL_CFG_QOS_15 | EXYNOS_MODEL_CFG_FLPDCACHE |
	   EXYNOS_MODEL_CFG_ACGEN | EXYNOS_MODEL_CFG_EAP);
	wr(c->mmu, EXYNOS_MODEL_VM_PT_BASE, page_to_phys(c->l1) >> 12);
	wr(c->mmu, EXYNOS_MODEL_VM_FLUSH_ALL, EXYNOS_MODEL_FLUSH_GO);
	wr(c->mmu, EXYNOS_MODEL_VM_CTRL, EXYNOS_MODEL_CTRL_VM_ENABLE | EXYNOS_MODEL_CTRL_VM_STALL);
	wr(c->mmu, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_ENABLE);
}

/* What the case holds, released by imt_exit even when an assertion ends it. */
static struct cam2 imt_cam2;

static void cam2_release(struct cam2 *c)
{
	if (c->mmu) {
		wr(c->mmu, EXYNOS_MODEL_VM_CTRL, 0);
		wr(c->mmu, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_DISABLE);
		wr(c->mmu, EXYNOS_MODEL_VM_FLUSH_ALL, EXYNOS_MODEL_FLUSH_GO);
		iounmap(c->mmu);
	}
	if (c->clk) {
		clk_disable_unprepare(c->clk);
		clk_put(c->clk);
	}
	if (c->cam)
		isp_model_cam_set_power(c->cam, false);
	if (c->isp)
		iounmap(c->isp);
	if (c->l1)
		__free_pages(c->l1, 2);
	if (c->l2)
		__free_page(c->l2);
	if (c->buf)
		__free_page(c->buf);
	memset(c, 0, sizeof(*c));
}

static bool cam2_mmu_bound(struct device_node *mmu_np)
{
	struct platform_device *pdev = of_find_device_by_node(mmu_np);
	bool bound = pdev && pdev->dev.driver;

	if (pdev)
		put_device(&pdev->dev);
	return bound;
}

/* Its registers, its SYSMMU's registers and clock, and memory. */
static void cam2_setup(struct kunit *test, struct cam2 *c)
{
	struct device_node *np = of_find_node_by_path(CAM2_NODE), *mmu_np;
	struct resource res;
	struct clk *clk;

	KUNIT_ASSERT_NOT_NULL(test, np);
	KUNIT_EXPECT_TRUE(test, of_device_is_available(np));
	KUNIT_ASSERT_EQ(test, model_bus_master_of(np, 0, &c->bus), 0);
	mmu_np = of_parse_phandle(np, "iommus", 0);
	of_node_put(np);
	KUNIT_ASSERT_NOT_NULL(test, mmu_np);
	/* Registers programmed by hand: no driver may own the SYSMMU yet. */
	KUNIT_ASSERT_FALSE_MSG(test, cam2_mmu_bound(mmu_np),
			       "the Exynos driver is bound: load this suite before it");
	KUNIT_ASSERT_EQ(test, of_address_to_resource(mmu_np, 0, &res), 0);
	clk = of_clk_get_by_name(mmu_np, "sysmmu");
	of_node_put(mmu_np);
	KUNIT_ASSERT_FALSE(test, IS_ERR(clk));
	if (clk_prepare_enable(clk))
		clk_put(clk);
	else
		c->clk = clk;
	KUNIT_ASSERT_NOT_NULL(test, c->clk);
	c->mmu = ioremap(res.start, resource_size(&res));
	c->isp = ioremap(isp_model_cam_phys_base(c->cam), ISP_MODEL_WINDOW);
	c->l1 = alloc_pages(GFP_KERNEL | __GFP_ZERO, 2);
	c->l2 = alloc_page(GFP_KERNEL | __GFP_ZERO);
	c->buf = alloc_page(GFP_KERNEL | __GFP_ZERO);
	KUNIT_ASSERT_TRUE(test, c->mmu && c->isp && c->l1 && c->l2 && c->buf);
	isp_model_cam_set_power(c->cam, false);
	isp_model_cam_set_power(c->cam, true);
	KUNIT_EXPECT_EQ(test, rd(c->isp, ISP_MODEL_REG_ID), ISP_MODEL_ID);
}

static void imt_exit(struct kunit *test)
{
	struct imt *t = test->priv;

	cam2_release(&imt_cam2);
	if (t->m)
		omap_model_set_power(t->m, false);
	isp_model_set_power(false);
	if (t->isp)
		iounmap(t->isp);
	if (t->mmu)
		iounmap(t->mmu);
}

static int imt_init(struct kunit *test)
{
	struct imt *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	test->priv = t;
	t->m = omap_model_find("mmu_cam");
	if (!t->m || !isp_model_device())
		return 0;
	t->isp = ioremap(ISP_PHYS, ISP_MODEL_WINDOW);
	t->mmu = ioremap(omap_model_phys_base(t->m), OMAP_MODEL_WINDOW);
	/* Power cycles reset both: MMU off (bypass), ISP registers zero. */
	omap_model_set_power(t->m, false);
	omap_model_set_power(t->m, true);
	isp_model_set_power(false);
	isp_model_set_power(true);
	return 0;
}

static struct imt *imt_get(struct kunit *test)
{
	struct imt *t = test->priv;

	if (!t->m || !isp_model_device())
		kunit_skip(test, "no ISP behind mmu_cam in the device tree");
	KUNIT_ASSERT_TRUE(test, t->isp && t->mmu);
	return t;
}

static void setup(struct imt *t, u32 addr, u32 w, u32 h, u32 stride, u32 fmt)
{
	wr(t->isp, ISP_MODEL_REG_BUF_ADDR, addr);
	wr(t->isp, ISP_MODEL_REG_WIDTH, w);
	wr(t->isp, ISP_MODEL_REG_HEIGHT, h);
	wr(t->isp, ISP_MODEL_REG_STRIDE, stride);
	wr(t->isp, ISP_MODEL_REG_FORMAT, fmt);
}

/* Wait for the frame's end; returns IRQSTATUS. */
static u32 wait_idle(struct kunit *test, struct imt *t)
{
	int i;

	for (i = 0; i < 50 && (rd(t->isp, ISP_MODEL_REG_STATUS) & ISP_MODEL_STATUS_BUSY); i++)
		msleep(20);
	KUNIT_EXPECT_EQ(test, rd(t->isp, ISP_MODEL_REG_STATUS), 0u);
	return rd(t->isp, ISP_MODEL_REG_IRQSTATUS);
}

static u32 capture(struct kunit *test, struct imt *t)
{
	wr(t->isp, ISP_MODEL_REG_CTRL, ISP_MODEL_CTRL_START);
	return wait_idle(test, t);
}

static void expect_frame(struct kunit *test, const u8 *buf, u32 w, u32 h,
			 u32 stride, bool yuyv, u32 frame)
{
	u32 len = w * (yuyv ? 2 : 3), y;
	u8 *line = kunit_kzalloc(test, len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, line);
	for (y = 0; y < h; y++) {
		isp_pattern_line(line, y, w, yuyv, frame);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(buf + y * stride, line, len), 0, "line %u", y);
		/* Padding past the line is not the engine's to write. */
		if (stride > len)
			KUNIT_EXPECT_EQ(test, buf[y * stride + len], 0);
	}
}

/* Both formats, every byte, the counter, and a stride with padding. */
static void imt_pattern(struct kunit *test)
{
	struct imt *t = imt_get(test);
	u32 w = 64, h = 16, stride = 64 * 3 + 16;
	struct omap_model_counters mc;
	u8 *buf = kunit_kzalloc(test, stride * h, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	setup(t, virt_to_phys(buf), w, h, stride, ISP_MODEL_FORMAT_RGB24);
	wr(t->isp, ISP_MODEL_REG_FRAME_COUNT, 0xa5000001);
	KUNIT_EXPECT_EQ(test, capture(test, t), ISP_MODEL_IRQ_FRAME_DONE);
	expect_frame(test, buf, w, h, stride, false, 0xa5000001);
	KUNIT_EXPECT_EQ(test, rd(t->isp, ISP_MODEL_REG_FRAME_COUNT), 0xa5000002u);
	/* Every line went through the MMU model, bypassed with the MMU off. */
	omap_model_counters(t->m, &mc);
	KUNIT_EXPECT_GE(test, mc.bypassed, h);

	wr(t->isp, ISP_MODEL_REG_IRQSTATUS, ISP_MODEL_IRQ_MASK);
	KUNIT_EXPECT_EQ(test, rd(t->isp, ISP_MODEL_REG_IRQSTATUS), 0u);
	memset(buf, 0, stride * h);
	stride = 64 * 2 + 8;
	setup(t, virt_to_phys(buf), w, h, stride, ISP_MODEL_FORMAT_YUYV);
	KUNIT_EXPECT_EQ(test, capture(test, t), ISP_MODEL_IRQ_FRAME_DONE);
	expect_frame(test, buf, w, h, stride, true, 0xa5000002);
}

/* Nothing answers at the address: the frame ends early, errored. */
static void imt_bus_error(struct kunit *test)
{
	struct imt *t = imt_get(test);
	struct isp_model_counters before, after;

	isp_model_counters(&before);
	setup(t, ISP_NOWHERE, 64, 16, 64 * 3, ISP_MODEL_FORMAT_RGB24);
	KUNIT_EXPECT_EQ(test, capture(test, t),
			ISP_MODEL_IRQ_FRAME_DONE | ISP_MODEL_IRQ_DMA_ERROR);
	KUNIT_EXPECT_EQ(test, rd(t->isp, ISP_MODEL_REG_ERROR_ADDR), ISP_NOWHERE);
	isp_model_counters(&after);
	KUNIT_EXPECT_EQ(test, after.frame_errors, before.frame_errors + 1);
	KUNIT_EXPECT_EQ(test, after.mmu_faults, before.mmu_faults);
}

/*
 * The MMU enabled on an empty table: the first line faults, the MMU
 * stalls, the frame ends errored; a frame started while the MMU is still
 * stalled waits for software to clear the fault.
 */
static void imt_mmu_fault(struct kunit *test)
{
	struct imt *t = imt_get(test);
	struct isp_model_counters before, after;
	struct page *l1 = alloc_pages(GFP_KERNEL | __GFP_ZERO, 2);
	u8 *buf = kunit_kzalloc(test, 64 * 3 * 16, GFP_KERNEL);

	KUNIT_ASSERT_TRUE(test, l1 && buf);
	isp_model_counters(&before);
	wr(t->mmu, OMAP_MODEL_TTB, page_to_phys(l1));
	wr(t->mmu, OMAP_MODEL_CNTL, OMAP_MODEL_CNTL_MMU_EN | OMAP_MODEL_CNTL_TWL_EN);
	setup(t, 0x10000000, 64, 16, 64 * 3, ISP_MODEL_FORMAT_RGB24);
	KUNIT_EXPECT_EQ(test, capture(test, t),
			ISP_MODEL_IRQ_FRAME_DONE | ISP_MODEL_IRQ_DMA_ERROR);
	KUNIT_EXPECT_EQ(test, rd(t->isp, ISP_MODEL_REG_ERROR_ADDR), 0x10000000u);
	KUNIT_EXPECT_TRUE(test, omap_model_stalled(t->m));
	KUNIT_EXPECT_EQ(test, rd(t->mmu, OMAP_MODEL_FAULT_AD), 0x10000000u);
	isp_model_counters(&after);
	KUNIT_EXPECT_EQ(test, after.mmu_faults, before.mmu_faults + 1);

	/* Stalled: the next frame waits, then runs once the MMU is let go. */
	wr(t->isp, ISP_MODEL_REG_IRQSTATUS, ISP_MODEL_IRQ_MASK);
	wr(t->mmu, OMAP_MODEL_CNTL, 0);
	setup(t, virt_to_phys(buf), 64, 16, 64 * 3, ISP_MODEL_FORMAT_RGB24);
	wr(t->isp, ISP_MODEL_REG_CTRL, ISP_MODEL_CTRL_START);
	msleep(50);
	KUNIT_EXPECT_EQ(test, rd(t->isp, ISP_MODEL_REG_STATUS), ISP_MODEL_STATUS_BUSY);
	wr(t->mmu, OMAP_MODEL_IRQSTATUS, OMAP_MODEL_IRQ_MASK);
	KUNIT_EXPECT_FALSE(test, omap_model_stalled(t->m));
	wr(t->isp, ISP_MODEL_REG_CTRL, 0);	/* no-op: neither bit */
	KUNIT_EXPECT_EQ(test, wait_idle(test, t), ISP_MODEL_IRQ_FRAME_DONE);
	expect_frame(test, buf, 64, 16, 64 * 3, false, 1);
	__free_pages(l1, 2);
}

/* ABORT before the frame's first line: nothing written, no interrupt. */
static void imt_abort(struct kunit *test)
{
	struct imt *t = imt_get(test);
	u8 *buf = kunit_kzalloc(test, 64 * 3 * 16, GFP_KERNEL);
	u32 i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	setup(t, virt_to_phys(buf), 64, 16, 64 * 3, ISP_MODEL_FORMAT_RGB24);
	wr(t->isp, ISP_MODEL_REG_CTRL, ISP_MODEL_CTRL_START);
	wr(t->isp, ISP_MODEL_REG_CTRL, ISP_MODEL_CTRL_ABORT);
	KUNIT_EXPECT_EQ(test, rd(t->isp, ISP_MODEL_REG_STATUS), 0u);
	msleep(50);
	KUNIT_EXPECT_EQ(test, rd(t->isp, ISP_MODEL_REG_IRQSTATUS), 0u);
	for (i = 0; i < 64 * 3 * 16; i++)
		if (buf[i])
			break;
	KUNIT_EXPECT_EQ(test, i, 64u * 3 * 16);
}

/* Power off resets the registers; accesses while off are counted. */
static void imt_power(struct kunit *test)
{
	struct imt *t = imt_get(test);
	struct isp_model_counters before, after;

	setup(t, 0x1000, 64, 16, 64 * 3, ISP_MODEL_FORMAT_YUYV);
	wr(t->isp, ISP_MODEL_REG_IRQENABLE, ISP_MODEL_IRQ_MASK);
	KUNIT_EXPECT_EQ(test, rd(t->isp, ISP_MODEL_REG_ID), ISP_MODEL_ID);
	isp_model_counters(&before);
	isp_model_set_power(false);
	KUNIT_EXPECT_EQ(test, rd(t->isp, ISP_MODEL_REG_ID), 0u);
	isp_model_counters(&after);
	KUNIT_EXPECT_EQ(test, after.off_accesses, before.off_accesses + 1);
	KUNIT_EXPECT_EQ(test, after.power_offs, before.power_offs + 1);
	isp_model_set_power(true);
	KUNIT_EXPECT_EQ(test, rd(t->isp, ISP_MODEL_REG_WIDTH), 0u);
	KUNIT_EXPECT_EQ(test, rd(t->isp, ISP_MODEL_REG_IRQENABLE), 0u);
	KUNIT_EXPECT_EQ(test, rd(t->isp, ISP_MODEL_REG_BUF_ADDR), 0u);
}

/*
 * A camera node with no driver yet: the model serves it behind its SYSMMU
 * through the model bus.  Frames go through the SYSMMU's tables; a fault
 * stalls it and errors the frame; the next frame waits until the fault
 * handler's INT_CLEAR and re-enable.
 */
static void imt_second_camera(struct kunit *test)
{
	struct isp_model_counters before, after;
	struct imt t = { .isp = NULL };
	struct model_bus_stats st;
	struct cam2 *c = &imt_cam2;

	c->cam = isp_model_cam_find("isp@d20b0000");
	if (!c->cam)
		kunit_skip(test, "the second camera is not modelled (no Exynos model loaded)");
	KUNIT_EXPECT_PTR_EQ(test, isp_model_cam_find(CAM2_NODE), c->cam);
	KUNIT_EXPECT_PTR_EQ(test, isp_model_cam_get(1), c->cam);
	/* Enabled in the test DT: a device the model powers, no driver yet. */
	KUNIT_EXPECT_NOT_NULL(test, isp_model_cam_device(c->cam));
	cam2_setup(test, c);
	t.isp = c->isp;
	cam2_mmu_enable(c);

	isp_model_cam_counters(c->cam, &before);
	setup(&t, CAM2_IOVA, 64, 16, 64 * 3, ISP_MODEL_FORMAT_RGB24);
	KUNIT_EXPECT_EQ(test, capture(test, &t), ISP_MODEL_IRQ_FRAME_DONE);
	expect_frame(test, page_address(c->buf), 64, 16, 64 * 3, false, 0);
	model_bus_stats(&c->bus, &st);
	KUNIT_EXPECT_EQ(test, st.walks_by_size[MODEL_BUS_4K], 1u);
	KUNIT_EXPECT_EQ(test, st.bypassed, 0u);

	/* Unmapped: the SYSMMU stalls, the frame ends with an error. */
	wr(t.isp, ISP_MODEL_REG_IRQSTATUS, ISP_MODEL_IRQ_MASK);
	setup(&t, 0x20000000, 64, 16, 64 * 3, ISP_MODEL_FORMAT_RGB24);
	KUNIT_EXPECT_EQ(test, capture(test, &t),
			ISP_MODEL_IRQ_FRAME_DONE | ISP_MODEL_IRQ_DMA_ERROR);
	KUNIT_EXPECT_EQ(test, rd(t.isp, ISP_MODEL_REG_ERROR_ADDR), 0x20000000u);
	KUNIT_EXPECT_TRUE(test, model_bus_stalled(&c->bus));
	KUNIT_EXPECT_EQ(test, rd(c->mmu, EXYNOS_MODEL_V5_INT_STATUS), EXYNOS_MODEL_V7_INT_PAGE);
	KUNIT_EXPECT_EQ(test, rd(c->mmu, EXYNOS_MODEL_VM_FAULT_VA), 0x20000000u);
	KUNIT_EXPECT_EQ(test, rd(c->mmu, EXYNOS_MODEL_VM_FAULT_INFO),
			EXYNOS_MODEL_FAULT_INFO_WRITE);
	isp_model_cam_counters(c->cam, &after);
	KUNIT_EXPECT_EQ(test, after.mmu_faults, before.mmu_faults + 1);

	/* The next frame waits for the handler's INT_CLEAR and re-enable. */
	wr(t.isp, ISP_MODEL_REG_IRQSTATUS, ISP_MODEL_IRQ_MASK);
	setup(&t, CAM2_IOVA, 64, 16, 64 * 3, ISP_MODEL_FORMAT_RGB24);
	wr(t.isp, ISP_MODEL_REG_CTRL, ISP_MODEL_CTRL_START);
	msleep(50);
	KUNIT_EXPECT_EQ(test, rd(t.isp, ISP_MODEL_REG_STATUS), ISP_MODEL_STATUS_BUSY);
	wr(c->mmu, EXYNOS_MODEL_V5_INT_CLEAR, EXYNOS_MODEL_V7_INT_PAGE);
	wr(c->mmu, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_ENABLE);
	KUNIT_EXPECT_EQ(test, wait_idle(test, &t), ISP_MODEL_IRQ_FRAME_DONE);
	expect_frame(test, page_address(c->buf), 64, 16, 64 * 3, false, 2);
	cam2_release(c);
}

static struct kunit_case imt_cases[] = {
	KUNIT_CASE(imt_pattern),
	KUNIT_CASE(imt_bus_error),
	KUNIT_CASE(imt_mmu_fault),
	KUNIT_CASE(imt_abort),
	KUNIT_CASE(imt_power),
	KUNIT_CASE(imt_second_camera),
	{}
};

static struct kunit_suite imt_suite = {
	.name = "socmmu_isp_model",
	.init = imt_init,
	.exit = imt_exit,
	.test_cases = imt_cases,
};

kunit_test_suites(&imt_suite);

static int __init imt_mod_init(void)
{
	return 0;
}
module_init(imt_mod_init);

/* Give the ISP device back: see the comment at the top. */
static void __exit imt_mod_exit(void)
{
	struct isp_model *cam;
	unsigned int i;

	/* Every camera: each holds a reference on its IOMMU's driver. */
	for (i = 0; (cam = isp_model_cam_get(i)); i++) {
		struct device *dev = isp_model_cam_device(cam);

		if (dev)
			of_platform_device_destroy(dev, NULL);
	}
}
module_exit(imt_mod_exit);

MODULE_DESCRIPTION("socmmu test bench: the ISP model's suite");
MODULE_LICENSE("GPL");
