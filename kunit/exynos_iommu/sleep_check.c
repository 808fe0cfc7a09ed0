// SPDX-License-Identifier: GPL-2.0
/*
 * After the system sleep (see exynos_sleep.h), through the state that
 * socmmu_exynos_sleep_prep kept: both MFC SYSMMUs were powered off and on
 * once with every clock off in between, nothing touched their registers
 * while they were off, each still translates the domain's mappings, the
 * page unmapped before the sleep still faults, and a map over the zero-L2
 * link after it invalidates the FLPD cache the resume rebuilt.  The last
 * case gives the client back.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/iommu.h>
#include <linux/module.h>

#include <shim/kcompat.h>

#include "../exynos_model/exynos_model.h"
#include "exynos_sleep.h"

static const struct exynos_sleep_state *esc;

/* What the checks need: prep's set-up, complete. */
static bool esc_ready(void)
{
	esc = exynos_sleep_state();
	return esc->ready;
}

static struct exynos_model_counters esc_counters(struct exynos_model *m)
{
	struct exynos_model_counters c;

	exynos_model_counters(m, &c);
	return c;
}

static bool esc_page_holds(const u8 *buf, size_t len, unsigned int seed, size_t offset)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (buf[i] != exynos_sleep_byte(seed, offset + i))
			return false;
	}
	return true;
}

static bool esc_wait_faults(int count)
{
	int i;

	for (i = 0; i < 50 && atomic_read(&esc->faults) < count; i++)
		msleep(20);
	return atomic_read(&esc->faults) >= count;
}

static bool esc_wait_unstalled(struct exynos_model *m)
{
	int i;

	for (i = 0; i < 50 && exynos_model_stalled(m); i++)
		msleep(20);
	return !exynos_model_stalled(m);
}

/* The counters since prep's last case: the sleep and nothing else. */
static void esc_power_cycled(struct kunit *test)
{
	int i;

	KUNIT_ASSERT_TRUE_MSG(test, esc_ready(), "socmmu_exynos_sleep_prep set up no sleep");

	for (i = 0; i < EXYNOS_SLEEP_NR_MMUS; i++) {
		struct exynos_model *m = esc->mmus[i];
		struct exynos_model_counters c = esc_counters(m);

		kunit_info(test, "%s: power offs %u, ons %u, accesses while off %u, clock off %u\n",
			   exynos_model_name(m), c.power_offs, c.power_ons, c.off_accesses,
			   c.clk_off_accesses);
		KUNIT_EXPECT_EQ(test, c.power_offs, 1u);
		KUNIT_EXPECT_EQ(test, c.power_ons, 1u);
		KUNIT_EXPECT_EQ(test, c.off_accesses, 0u);
		KUNIT_EXPECT_EQ(test, c.clk_off_accesses, 0u);
		KUNIT_EXPECT_EQ(test, c.bad_accesses, 0u);
		/* The client is still runtime-active: so is each SYSMMU. */
		KUNIT_EXPECT_TRUE(test, exynos_model_powered(m));
	}
}

/* The context (CFG, PT_BASE, CTRL) came back: a walk finds the page. */
static void esc_translates(struct kunit *test)
{
	struct exynos_model_result res;
	u8 buf[64];
	int i;

	KUNIT_ASSERT_TRUE_MSG(test, esc_ready(), "socmmu_exynos_sleep_prep set up no sleep");

	for (i = 0; i < EXYNOS_SLEEP_NR_MMUS; i++) {
		struct exynos_model *m = esc->mmus[i];

		KUNIT_EXPECT_EQ(test, exynos_model_read(m, EXYNOS_SLEEP_IOVA_MAPPED + 0x100, buf,
							sizeof(buf), &res), EXYNOS_MODEL_OK);
		KUNIT_EXPECT_EQ(test, res.phys, esc->mapped_phys + 0x100);
		KUNIT_EXPECT_TRUE(test, esc_page_holds(buf, sizeof(buf), EXYNOS_SLEEP_SEED_MAPPED,
						       0x100));
		KUNIT_EXPECT_EQ(test, esc_counters(m).bypassed, 0u);
	}
}

/* Unmapped and synced before the sleep: no stale entry came back. */
static void esc_unmapped_faults(struct kunit *test)
{
	struct exynos_model_result res;
	u8 buf[16];
	int i;

	KUNIT_ASSERT_TRUE_MSG(test, esc_ready(), "socmmu_exynos_sleep_prep set up no sleep");

	for (i = 0; i < EXYNOS_SLEEP_NR_MMUS; i++) {
		struct exynos_model *m = esc->mmus[i];
		unsigned int hits = esc_counters(m).tlb_hits;

		KUNIT_EXPECT_NE(test, exynos_model_read(m, EXYNOS_SLEEP_IOVA_UNMAPPED, buf,
							sizeof(buf), &res), EXYNOS_MODEL_OK);
		KUNIT_EXPECT_EQ(test, res.fault_addr, EXYNOS_SLEEP_IOVA_UNMAPPED);
		KUNIT_EXPECT_EQ(test, esc_counters(m).tlb_hits, hits);
		/* The fault reached the domain's handler, which let it go. */
		KUNIT_EXPECT_TRUE(test, esc_wait_faults(i + 1));
		KUNIT_EXPECT_TRUE(test, esc_wait_unstalled(m));
	}
	KUNIT_EXPECT_EQ(test, READ_ONCE(esc->fault_iova),
			(unsigned long)EXYNOS_SLEEP_IOVA_UNMAPPED);
	KUNIT_EXPECT_PTR_EQ(test, READ_ONCE(esc->fault_dev), esc->client);
}

/*
 * A map over the zero-L2 link after the resume: the link, walked and
 * cached since, is invalidated, and both SYSMMUs find the page.
 */
static void esc_map_after_sleep(struct kunit *test)
{
	struct exynos_model_result res;
	int faults, i;
	u8 buf[32];

	KUNIT_ASSERT_TRUE_MSG(test, esc_ready(), "socmmu_exynos_sleep_prep set up no sleep");
	faults = atomic_read(&esc->faults);
	for (i = 0; i < EXYNOS_SLEEP_NR_MMUS; i++) {
		struct exynos_model *m = esc->mmus[i];

		KUNIT_EXPECT_EQ(test, exynos_model_translate(m, EXYNOS_SLEEP_IOVA_LATER, false,
							     &res), EXYNOS_MODEL_STALLED);
		KUNIT_EXPECT_TRUE(test, esc_wait_faults(faults + i + 1));
		KUNIT_EXPECT_TRUE(test, esc_wait_unstalled(m));
	}
	KUNIT_ASSERT_EQ(test, kx_iommu_map(esc->domain, EXYNOS_SLEEP_IOVA_LATER, esc->later_phys,
					   PAGE_SIZE, IOMMU_READ | IOMMU_WRITE), 0);
	for (i = 0; i < EXYNOS_SLEEP_NR_MMUS; i++) {
		struct exynos_model *m = esc->mmus[i];

		KUNIT_EXPECT_EQ(test, exynos_model_read(m, EXYNOS_SLEEP_IOVA_LATER, buf,
							sizeof(buf), &res), EXYNOS_MODEL_OK);
		KUNIT_EXPECT_TRUE(test, esc_page_holds(buf, sizeof(buf), EXYNOS_SLEEP_SEED_LATER,
						       0));
		KUNIT_EXPECT_EQ(test, esc_counters(m).stale_flpd_hits, 0u);
		KUNIT_EXPECT_EQ(test, esc_counters(m).off_accesses, 0u);
	}
}

/*
 * Last: give the client back (socmmu_exynos_iommu_test, loaded next,
 * binds every client).  Without the client's reference both SYSMMUs power
 * off.
 */
static void esc_release(struct kunit *test)
{
	struct exynos_model *mmus[EXYNOS_SLEEP_NR_MMUS];
	int i, j;

	esc = exynos_sleep_state();
	for (i = 0; i < EXYNOS_SLEEP_NR_MMUS; i++) {
		mmus[i] = esc->mmus[i];
		KUNIT_ASSERT_NOT_NULL(test, mmus[i]);
	}
	exynos_sleep_release();
	KUNIT_EXPECT_NULL(test, esc->client);
	KUNIT_EXPECT_NULL(test, esc->domain);
	for (i = 0; i < EXYNOS_SLEEP_NR_MMUS; i++) {
		for (j = 0; j < 50 && exynos_model_powered(mmus[i]); j++)
			msleep(20);
		KUNIT_EXPECT_FALSE(test, exynos_model_powered(mmus[i]));
		KUNIT_EXPECT_EQ(test, esc_counters(mmus[i]).off_accesses, 0u);
	}
}

static struct kunit_case esc_cases[] = {
	KUNIT_CASE(esc_power_cycled),
	KUNIT_CASE(esc_translates),
	KUNIT_CASE(esc_unmapped_faults),
	KUNIT_CASE(esc_map_after_sleep),
	KUNIT_CASE(esc_release),
	{}
};

static struct kunit_suite esc_suite = {
	.name = "exynos_sleep_check",
	.test_cases = esc_cases,
};

kunit_test_suites(&esc_suite);

MODULE_DESCRIPTION("socmmu: Exynos SYSMMU across a system sleep, the checks after it");
MODULE_LICENSE("GPL");
