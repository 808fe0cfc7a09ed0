// SPDX-License-Identifier: GPL-2.0
/*
 * The Exynos SYSMMU model as part of the SoC: lookup, versions and
 * layouts, reset values, CTRL/STATUS, clocks, power and runtime PM,
 * malformed accesses, and the model bus.
 */
#include <linux/device.h>
#include <linux/io.h>
#include <linux/of.h>
#include <linux/pm_runtime.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "../model_bus/model_bus.h"
#include "exynos_model_test.h"

static const struct {
	const char *name;
	u64 phys;
	u32 window, version;
	unsigned int major, minor;
	bool vm;
} ext_expected[] = {
	{ "sysmmu-v1", 0xd2000000, 0x1000, 0x80000001, 1, 0, false },
	{ "sysmmu-v2", 0xd2010000, 0x1000, 0x20200000, 2, 1, false },
	{ "sysmmu-v31", 0xd2020000, 0x1000, 0x30200000, 3, 1, false },
	{ "sysmmu-v32", 0xd2030000, 0x1000, 0x30400000, 3, 2, false },
	{ "sysmmu-v33", 0xd2040000, 0x1000, 0x30600000, 3, 3, false },
	{ "sysmmu-v5", 0xd2050000, 0x1000, 0x50000000, 5, 0, false },
	{ "sysmmu-v7", 0xd2060000, 0x1000, 0x70000000, 7, 0, false },
	{ "sysmmu-v7vm", 0xd2070000, 0x10000, 0x70000000, 7, 0, true },
	{ "sysmmu-mfc0", 0xd2080000, 0x1000, 0x50000000, 5, 0, false },
	{ "sysmmu-mfc1", 0xd2090000, 0x1000, 0x50000000, 5, 0, false },
	{ "sysmmu-isp", 0xd20a0000, 0x10000, 0x70000000, 7, 0, true },
};

void ext_lookup(struct kunit *test)
{
	struct exynos_model *m = exynos_model_find("sysmmu-v33");
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_PTR_EQ(test, exynos_model_find("sysmmu-v33@d2040000"), m);
	KUNIT_EXPECT_PTR_EQ(test, exynos_model_find("/sysmmu-v33@d2040000"), m);
	KUNIT_EXPECT_STREQ(test, exynos_model_name(m), "sysmmu-v33");
	KUNIT_EXPECT_NULL(test, exynos_model_find("sysmmu-v9"));
	KUNIT_EXPECT_NULL(test, exynos_model_get(ARRAY_SIZE(ext_expected)));
	for (i = 0; i < ARRAY_SIZE(ext_expected); i++) {
		m = exynos_model_find(ext_expected[i].name);
		KUNIT_ASSERT_NOT_NULL_MSG(test, m, "%s", ext_expected[i].name);
		KUNIT_EXPECT_PTR_EQ(test, exynos_model_get(i), m);
		KUNIT_EXPECT_EQ(test, exynos_model_phys_base(m), ext_expected[i].phys);
		KUNIT_EXPECT_EQ(test, exynos_model_window(m), ext_expected[i].window);
		KUNIT_EXPECT_EQ(test, exynos_model_major(m), ext_expected[i].major);
		KUNIT_EXPECT_EQ(test, exynos_model_minor(m), ext_expected[i].minor);
		KUNIT_EXPECT_EQ(test, exynos_model_has_vm(m), ext_expected[i].vm);
		KUNIT_EXPECT_EQ(test, exynos_model_version_reg(m), ext_expected[i].version);
		KUNIT_EXPECT_GT(test, exynos_model_irq(m), 0);
		KUNIT_EXPECT_NOT_NULL(test, exynos_model_device(m));
		if (i)
			KUNIT_EXPECT_NE(test, exynos_model_irq(m),
					exynos_model_irq(exynos_model_get(i - 1)));
	}
}

/* What a driver reads: VERSION, and CAPA0/CAPA1 on v7 only. */
void ext_version_and_layout(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ext_expected); i++) {
		struct ext *e = ext_open(test, ext_expected[i].name);
		u32 capa0 = ext_rd(e, EXYNOS_MODEL_V7_CAPA0);
		u32 capa1 = ext_rd(e, EXYNOS_MODEL_V7_CAPA1);

		KUNIT_EXPECT_EQ_MSG(test, ext_rd(e, EXYNOS_MODEL_VERSION),
				    ext_expected[i].version, "%s", ext_expected[i].name);
		KUNIT_EXPECT_EQ(test, e->major, ext_expected[i].major);
		KUNIT_EXPECT_EQ(test, e->minor, ext_expected[i].minor);
		KUNIT_EXPECT_EQ(test, e->vm, ext_expected[i].vm);
		if (e->major < 7) {
			KUNIT_EXPECT_EQ(test, capa0, 0u);
			KUNIT_EXPECT_EQ(test, capa1, 0u);
		} else {
			KUNIT_EXPECT_EQ(test, capa0, EXYNOS_MODEL_CAPA0_CAPA1_EXIST);
			KUNIT_EXPECT_EQ(test, capa1, e->vm ? EXYNOS_MODEL_CAPA1_VCR_ENABLED : 0);
		}
	}
}

/* The registers every layout has, and what a power cycle leaves in them. */
static void ext_expect_reset(struct kunit *test, struct ext *e)
{
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_CTRL), 0u);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_CFG), 0u);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_STATUS), 0u);
	KUNIT_EXPECT_EQ(test, ext_rd(e, e->pt_base), 0u);
	KUNIT_EXPECT_EQ(test, ext_rd(e, e->int_status), 0u);
	if (e->flush_start) {
		KUNIT_EXPECT_EQ(test, ext_rd(e, e->flush_start), 0u);
		KUNIT_EXPECT_EQ(test, ext_rd(e, e->flush_end), 0u);
	}
	if (e->vm)
		KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_VM_CTRL), 0u);
}

void ext_reset_values(struct kunit *test)
{
	unsigned int v;

	for (v = 0; v < ext_nr_variants; v++) {
		struct ext *e = ext_open(test, ext_variants[v]);

		ext_expect_reset(test, e);
		ext_enable(e);
		if (e->flush_start) {
			ext_wr(e, e->flush_start, 0x12345000);
			ext_wr(e, e->flush_end, 0x23456000);
		}
		KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_CFG), ext_cfg(e));
		KUNIT_EXPECT_NE(test, ext_rd(e, e->pt_base), 0u);
		exynos_model_set_power(e->m, false);
		exynos_model_set_power(e->m, true);
		ext_expect_reset(test, e);
		KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_VERSION),
				exynos_model_version_reg(e->m));
	}
}

/* Disabled: bypass.  Blocked: STATUS says so and the master waits. */
void ext_ctrl_block_and_bypass(struct kunit *test)
{
	static const char *const names[] = { "sysmmu-v1", "sysmmu-v5", "sysmmu-v7vm" };
	struct exynos_model_result r;
	unsigned int v;

	for (v = 0; v < ARRAY_SIZE(names); v++) {
		struct ext *e = ext_open(test, names[v]);
		struct exynos_model_counters c;

		ext_map_small(e, 0, 0x10000000, 0x01000000, EXT_PROT_RW);
		KUNIT_EXPECT_EQ(test, ext_phys(e, 0x10000000), 0x10000000ull);
		ext_enable(e);
		KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_STATUS), 0u);
		KUNIT_EXPECT_EQ(test, ext_phys(e, 0x10000000), 0x01000000ull);

		ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_BLOCK);
		KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_STATUS), EXYNOS_MODEL_STATUS_BLOCKED);
		KUNIT_EXPECT_TRUE(test, exynos_model_stalled(e->m));
		KUNIT_EXPECT_EQ(test, ext_xlate(e, 0x10000000, false, &r), EXYNOS_MODEL_STALLED);
		KUNIT_EXPECT_EQ(test, r.int_status, 0u);
		ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_ENABLE);
		KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_STATUS), 0u);
		KUNIT_EXPECT_EQ(test, ext_phys(e, 0x10000000), 0x01000000ull);

		ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_DISABLE);
		KUNIT_EXPECT_EQ_MSG(test, ext_phys(e, 0x10000000), 0x10000000ull, "%s", names[v]);
		c = ext_counters(e);
		KUNIT_EXPECT_EQ(test, c.bypassed, 2u);
		KUNIT_EXPECT_EQ(test, c.faults, 0u);
	}
}

/*
 * The test bench's stuck master: CTRL = BLOCK never shows in STATUS and
 * transfers go on, until the hold ends; a fault still stalls and reads
 * blocked.
 */
void ext_block_held(struct kunit *test)
{
	struct ext *e = ext_open(test, "sysmmu-v5");
	struct exynos_model_result r;

	ext_map_small(e, 0, 0x10000000, 0x01000000, EXT_PROT_RW);
	ext_enable(e);
	exynos_model_hold_block(e->m, true);
	ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_BLOCK);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_STATUS), 0u);
	KUNIT_EXPECT_FALSE(test, exynos_model_stalled(e->m));
	KUNIT_EXPECT_EQ(test, ext_phys(e, 0x10000000), 0x01000000ull);
	KUNIT_EXPECT_EQ(test, ext_xlate(e, 0x20000000, false, &r), EXYNOS_MODEL_STALLED);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_STATUS), EXYNOS_MODEL_STATUS_BLOCKED);
	ext_clear_fault(e);
	KUNIT_EXPECT_FALSE(test, exynos_model_stalled(e->m));
	exynos_model_hold_block(e->m, false);
	ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_BLOCK);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_STATUS), EXYNOS_MODEL_STATUS_BLOCKED);
	KUNIT_EXPECT_EQ(test, ext_xlate(e, 0x10000000, false, &r), EXYNOS_MODEL_STALLED);
	KUNIT_EXPECT_EQ(test, r.int_status, 0u);
	ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_ENABLE);
}

/*
 * The register clock ("sysmmu", else "pclk") gates register access: off,
 * reads give 0 and writes are lost, and each is counted.  The bus clock
 * ("sysmmu", else "aclk") gates translation; "master" gates nothing here.
 */
void ext_clock_off_accesses(struct kunit *test)
{
	struct ext *e = ext_open(test, "sysmmu-v31");
	struct exynos_model_counters c;

	ext_map_small(e, 0, 0x10000000, 0x01000000, EXT_PROT_RW);
	ext_enable(e);
	ext_clock(e, "pclk", false);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_VERSION), 0u);
	ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_DISABLE);
	/* Translation runs on aclk: still on. */
	KUNIT_EXPECT_EQ(test, ext_phys(e, 0x10000000), 0x01000000ull);
	ext_clock(e, "pclk", true);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_CTRL), EXYNOS_MODEL_CTRL_ENABLE);
	c = ext_counters(e);
	KUNIT_EXPECT_EQ(test, c.clk_off_accesses, 2u);
	KUNIT_EXPECT_EQ(test, c.off_accesses, 0u);

	/* aclk off: registers work, an enabled SYSMMU refuses transfers. */
	ext_clock(e, "aclk", false);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_VERSION), 0x30200000u);
	KUNIT_EXPECT_EQ(test, ext_xlate(e, 0x10000000, false, NULL), EXYNOS_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, ext_counters(e).clk_off_transfers, 1u);
	/* Disabled, it passes the bus through with no clock at all. */
	ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_DISABLE);
	ext_clock(e, "pclk", false);
	KUNIT_EXPECT_EQ(test, ext_phys(e, 0x10000000), 0x10000000ull);
	KUNIT_EXPECT_EQ(test, ext_counters(e).clk_off_accesses, 2u);

	/* One "sysmmu" clock gates both; "master" gates neither. */
	e = ext_open(test, "sysmmu-v2");
	ext_clock(e, "master", false);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_VERSION), 0x20200000u);
	ext_clock(e, "sysmmu", false);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_VERSION), 0u);
	ext_wr(e, EXYNOS_MODEL_CFG, EXYNOS_MODEL_CFG_EAP);
	ext_clock(e, "sysmmu", true);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_CFG), 0u);
	c = ext_counters(e);
	KUNIT_EXPECT_EQ(test, c.clk_off_accesses, 2u);

	/* Powered off with the clock on: counted as a power-off access. */
	exynos_model_set_power(e->m, false);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_VERSION), 0u);
	c = ext_counters(e);
	KUNIT_EXPECT_EQ(test, c.off_accesses, 1u);
	KUNIT_EXPECT_EQ(test, c.clk_off_accesses, 2u);
}

/* Power loss: registers, TLB, FLPD cache and a stall all gone. */
void ext_power_loss_resets(struct kunit *test)
{
	struct ext *e = ext_open(test, "sysmmu-v33");
	struct exynos_model_counters c;
	u32 page = 0x10000000, linked = 0x20003000;
	u8 b;

	ext_map_small(e, 0, page, 0x01000000, EXT_PROT_RW);
	ext_set_l1(e, linked, ext_l1_table(e, e->l2_pa[EXT_ZERO]));
	ext_enable(e);
	KUNIT_EXPECT_EQ(test, ext_phys(e, page), 0x01000000ull);
	/* The link cached in FLPD, and the SYSMMU left stalled. */
	KUNIT_EXPECT_EQ(test, ext_xlate(e, linked, false, NULL), EXYNOS_MODEL_STALLED);
	ext_map_small(e, 0, page, 0x03000000, EXT_PROT_RW);
	ext_map_small(e, 1, linked, 0x05000000, EXT_PROT_RW);

	exynos_model_set_power(e->m, false);
	KUNIT_EXPECT_FALSE(test, exynos_model_powered(e->m));
	KUNIT_EXPECT_FALSE(test, exynos_model_stalled(e->m));
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_VERSION), 0u);
	ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_ENABLE);
	KUNIT_EXPECT_EQ(test, exynos_model_read(e->m, page, &b, 1, NULL), EXYNOS_MODEL_ERROR);

	exynos_model_set_power(e->m, true);
	ext_expect_reset(test, e);
	/* Programmed again, with no flush: nothing old is left to hit. */
	ext_wr(e, EXYNOS_MODEL_CFG, ext_cfg(e));
	ext_wr(e, e->pt_base, (u32)e->l1_pa);
	ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_ENABLE);
	KUNIT_EXPECT_EQ(test, ext_phys(e, page), 0x03000000ull);
	KUNIT_EXPECT_EQ(test, ext_phys(e, linked), 0x05000000ull);

	c = ext_counters(e);
	KUNIT_EXPECT_EQ(test, c.power_offs, 1u);
	KUNIT_EXPECT_EQ(test, c.power_ons, 1u);
	KUNIT_EXPECT_EQ(test, c.off_accesses, 2u);
	KUNIT_EXPECT_EQ(test, c.stale_flpd_hits, 0u);
}

/* The PM domain: runtime PM of the SYSMMU's device powers the model. */
void ext_runtime_pm_powers_model(struct kunit *test)
{
	struct ext *e = ext_open(test, "sysmmu-v5");
	struct exynos_model_counters c;
	struct device *dev = exynos_model_device(e->m);

	KUNIT_ASSERT_NOT_NULL(test, dev);
	if (dev->driver)
		kunit_skip(test, "a driver owns %s", dev_name(dev));
	exynos_model_set_power(e->m, false);
	exynos_model_reset_counters(e->m);

	pm_runtime_enable(dev);
	KUNIT_EXPECT_GE(test, pm_runtime_get_sync(dev), 0);
	KUNIT_EXPECT_TRUE(test, exynos_model_powered(e->m));
	ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_ENABLE);
	KUNIT_EXPECT_EQ(test, pm_runtime_put_sync(dev), 0);
	KUNIT_EXPECT_FALSE(test, exynos_model_powered(e->m));
	KUNIT_EXPECT_GE(test, pm_runtime_get_sync(dev), 0);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_CTRL), 0u);
	pm_runtime_put_sync(dev);
	pm_runtime_disable(dev);

	c = ext_counters(e);
	KUNIT_EXPECT_EQ(test, c.power_ons, 2u);
	KUNIT_EXPECT_EQ(test, c.power_offs, 2u);
	KUNIT_EXPECT_EQ(test, c.off_accesses, 0u);
}

void ext_bad_accesses(struct kunit *test)
{
	struct ext *e = ext_open(test, "sysmmu-v7");

	ext_wr(e, EXYNOS_MODEL_CFG, EXYNOS_MODEL_CFG_EAP);
	KUNIT_EXPECT_EQ(test, readb(e->base + EXYNOS_MODEL_CFG), 0xffu);
	KUNIT_EXPECT_EQ(test, readw(e->base + EXYNOS_MODEL_CFG), 0xffffu);
	writeb(0, e->base + EXYNOS_MODEL_CFG);
	writew(0, e->base + EXYNOS_MODEL_CFG);
	KUNIT_EXPECT_EQ(test, readl(e->base + EXYNOS_MODEL_CFG + 2), 0xffffffffu);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_CFG), EXYNOS_MODEL_CFG_EAP);
	KUNIT_EXPECT_EQ(test, ext_counters(e).bad_accesses, 5u);
	KUNIT_EXPECT_EQ(test, ext_counters(e).reg_writes, 1u);
}

static struct device_node *ext_client(struct kunit *test, const char *path)
{
	struct device_node *np = of_find_node_by_path(path);

	KUNIT_ASSERT_NOT_NULL_MSG(test, np, "no %s in the device tree", path);
	return np;
}

/*
 * Client models find each SYSMMU through the model bus, behind their
 * "iommus": one per client, two for the MFC, one for the second camera.
 */
void ext_model_bus(struct kunit *test)
{
	struct device_node *np;
	struct model_bus_master bus;
	struct model_bus_result res;
	struct model_bus_stats st;
	struct ext *e = ext_open(test, "sysmmu-v5");
	u64 data = ext_data_page(test, 0x33);
	unsigned int v;
	char path[40];
	u8 buf[8];

	for (v = 0; v < ext_nr_variants; v++) {
		snprintf(path, sizeof(path), "/exynos-client-%s",
			 ext_variants[v] + strlen("sysmmu-"));
		np = ext_client(test, path);
		KUNIT_ASSERT_EQ(test, model_bus_master_of(np, 0, &bus), 0);
		KUNIT_EXPECT_STREQ(test, model_bus_name(&bus), ext_variants[v]);
		KUNIT_EXPECT_EQ(test, bus.stream, 0u);
		KUNIT_EXPECT_EQ(test, model_bus_master_of(np, 1, &bus), -EINVAL);
		of_node_put(np);
	}
	np = ext_client(test, "/exynos-client-v5");
	KUNIT_ASSERT_EQ(test, model_bus_master_of(np, 0, &bus), 0);
	of_node_put(np);

	/* Bypassed, then translated, then a fault that stalls. */
	KUNIT_EXPECT_EQ(test, model_bus_read(&bus, data, buf, sizeof(buf), &res), MODEL_BUS_OK);
	KUNIT_EXPECT_EQ(test, res.phys, data);
	KUNIT_EXPECT_EQ(test, memcmp(buf, phys_to_virt(data), sizeof(buf)), 0);
	ext_map_small(e, 0, 0x10000000, data, EXT_PROT_RW);
	ext_enable(e);
	KUNIT_EXPECT_EQ(test, model_bus_write(&bus, 0x10000008, buf, 4, &res), MODEL_BUS_OK);
	KUNIT_EXPECT_EQ(test, res.phys, data + 8);
	KUNIT_EXPECT_EQ(test, model_bus_write(&bus, 0x20000000, buf, 4, &res), MODEL_BUS_STALLED);
	KUNIT_EXPECT_EQ(test, res.fault_addr, 0x20000000ull);
	KUNIT_EXPECT_TRUE(test, model_bus_stalled(&bus));
	ext_clear_fault(e);
	KUNIT_EXPECT_FALSE(test, model_bus_stalled(&bus));
	/* Beyond the 32-bit bus. */
	KUNIT_EXPECT_EQ(test, model_bus_read(&bus, 0x100000000ull, buf, 1, &res), MODEL_BUS_ERROR);
	KUNIT_EXPECT_EQ(test, res.fault_addr, 0x100000000ull);
	model_bus_stats(&bus, &st);
	KUNIT_EXPECT_EQ(test, st.bypassed, 1u);
	KUNIT_EXPECT_EQ(test, st.faults, 1u);
	KUNIT_EXPECT_EQ(test, st.full_flushes, 1u);
	KUNIT_EXPECT_EQ(test, st.walks_by_size[MODEL_BUS_4K], 1u);

	/* The MFC: one master behind two SYSMMUs. */
	np = ext_client(test, "/exynos-client-mfc");
	KUNIT_ASSERT_EQ(test, model_bus_master_of(np, 0, &bus), 0);
	KUNIT_EXPECT_STREQ(test, model_bus_name(&bus), "sysmmu-mfc0");
	KUNIT_ASSERT_EQ(test, model_bus_master_of(np, 1, &bus), 0);
	KUNIT_EXPECT_STREQ(test, model_bus_name(&bus), "sysmmu-mfc1");
	KUNIT_EXPECT_EQ(test, model_bus_master_of(np, 2, &bus), -EINVAL);
	of_node_put(np);

	/* The second camera, disabled for now, and its SYSMMU. */
	np = ext_client(test, "/isp@d20b0000");
	KUNIT_ASSERT_EQ(test, model_bus_master_of(np, 0, &bus), 0);
	KUNIT_EXPECT_STREQ(test, model_bus_name(&bus), "sysmmu-isp");
	of_node_put(np);
}
