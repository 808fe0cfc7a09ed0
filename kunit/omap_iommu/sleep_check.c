// SPDX-License-Identifier: GPL-2.0
/*
 * After the system sleep (see omap_sleep.h), through the state that
 * socmmu_omap_sleep_prep kept: both DSP MMU instances were powered off and
 * on once, nothing touched their registers while they were off, and each
 * still translates the domain's mappings and its locked TLB entry, while
 * the page unmapped before the sleep still faults.  The last case gives
 * the client back.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/module.h>

#include "../omap_model/omap_model.h"
#include "omap_sleep.h"

static const struct omap_sleep_state *osc;

/* What the checks need: prep's set-up, complete. */
static bool osc_ready(void)
{
	osc = omap_sleep_state();
	return osc->ready;
}

static struct omap_model_counters osc_counters(struct omap_model *m)
{
	struct omap_model_counters c;

	omap_model_counters(m, &c);
	return c;
}

static bool osc_page_holds(const u8 *buf, size_t len, unsigned int seed, size_t offset)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (buf[i] != omap_sleep_byte(seed, offset + i))
			return false;
	}
	return true;
}

/* The counters since prep's last case: the sleep and nothing else. */
static void osc_power_cycled(struct kunit *test)
{
	int i;

	KUNIT_ASSERT_TRUE_MSG(test, osc_ready(), "socmmu_omap_sleep_prep did not set up the sleep");

	for (i = 0; i < OMAP_SLEEP_NR_MMUS; i++) {
		struct omap_model *m = osc->mmus[i];
		struct omap_model_counters c = osc_counters(m);

		kunit_info(test, "%s: power offs %u, ons %u, accesses while off %u\n",
			   omap_model_name(m), c.power_offs, c.power_ons, c.off_accesses);
		KUNIT_EXPECT_EQ(test, c.power_offs, 1u);
		KUNIT_EXPECT_EQ(test, c.power_ons, 1u);
		KUNIT_EXPECT_EQ(test, c.off_accesses, 0u);
		KUNIT_EXPECT_EQ(test, c.bad_accesses, 0u);
		/* The client is still runtime-active: so is each MMU. */
		KUNIT_EXPECT_TRUE(test, omap_model_powered(m));
	}
}

/* The page table (TTB, CNTL, syscon) came back: a walk finds the page. */
static void osc_translates(struct kunit *test)
{
	struct omap_model_result res;
	u8 buf[64];
	int i;

	KUNIT_ASSERT_TRUE_MSG(test, osc_ready(), "socmmu_omap_sleep_prep did not set up the sleep");

	for (i = 0; i < OMAP_SLEEP_NR_MMUS; i++) {
		struct omap_model *m = osc->mmus[i];

		KUNIT_EXPECT_EQ(test, omap_model_read(m, OMAP_SLEEP_IOVA_MAPPED + 0x100, buf,
						      sizeof(buf), &res), OMAP_MODEL_OK);
		KUNIT_EXPECT_EQ(test, res.phys, osc->mapped_phys + 0x100);
		KUNIT_EXPECT_TRUE(test, osc_page_holds(buf, sizeof(buf), OMAP_SLEEP_SEED_MAPPED,
						       0x100));
		KUNIT_EXPECT_EQ(test, osc_counters(m).bypassed, 0u);
	}
}

/* The locked entry, in no table, was saved and reloaded on each instance. */
static void osc_locked_entry(struct kunit *test)
{
	struct omap_model_result res;
	u8 buf[32];
	int i;

	KUNIT_ASSERT_TRUE_MSG(test, osc_ready(), "socmmu_omap_sleep_prep did not set up the sleep");

	for (i = 0; i < OMAP_SLEEP_NR_MMUS; i++) {
		struct omap_model *m = osc->mmus[i];
		unsigned int hits = osc_counters(m).tlb_hits;

		KUNIT_EXPECT_EQ(test, omap_model_read(m, OMAP_SLEEP_IOVA_LOCKED, buf, sizeof(buf),
						      &res), OMAP_MODEL_OK);
		KUNIT_EXPECT_EQ(test, res.phys, osc->locked_phys);
		KUNIT_EXPECT_TRUE(test,
				  osc_page_holds(buf, sizeof(buf), OMAP_SLEEP_SEED_LOCKED, 0));
		KUNIT_EXPECT_EQ(test, osc_counters(m).tlb_hits, hits + 1);
	}
}

/* Unmapped and flushed before the sleep: no stale entry came back. */
static void osc_unmapped_faults(struct kunit *test)
{
	struct omap_model_result res;
	u8 buf[16];
	int i, j;

	KUNIT_ASSERT_TRUE_MSG(test, osc_ready(), "socmmu_omap_sleep_prep did not set up the sleep");

	for (i = 0; i < OMAP_SLEEP_NR_MMUS; i++) {
		struct omap_model *m = osc->mmus[i];
		unsigned int hits = osc_counters(m).tlb_hits;

		KUNIT_EXPECT_NE(test, omap_model_read(m, OMAP_SLEEP_IOVA_UNMAPPED, buf,
						      sizeof(buf), &res), OMAP_MODEL_OK);
		KUNIT_EXPECT_EQ(test, res.fault_addr, OMAP_SLEEP_IOVA_UNMAPPED);
		KUNIT_EXPECT_EQ(test, osc_counters(m).tlb_hits, hits);
		/* The fault reached the domain's handler, which let it go. */
		for (j = 0; j < 50 && atomic_read(&osc->faults) < i + 1; j++)
			msleep(20);
		KUNIT_EXPECT_EQ(test, atomic_read(&osc->faults), i + 1);
		for (j = 0; j < 50 && omap_model_stalled(m); j++)
			msleep(20);
		KUNIT_EXPECT_FALSE(test, omap_model_stalled(m));
	}
	KUNIT_EXPECT_EQ(test, READ_ONCE(osc->fault_iova), (unsigned long)OMAP_SLEEP_IOVA_UNMAPPED);
	KUNIT_EXPECT_PTR_EQ(test, READ_ONCE(osc->fault_dev), osc->client);
	for (i = 0; i < OMAP_SLEEP_NR_MMUS; i++)
		KUNIT_EXPECT_EQ(test, osc_counters(osc->mmus[i]).off_accesses, 0u);
}

/*
 * Last: give the client back (socmmu_omap_iommu_test, loaded next, binds
 * every client).  Without the client's reference both MMUs power off.
 */
static void osc_release(struct kunit *test)
{
	struct omap_model *mmus[OMAP_SLEEP_NR_MMUS];
	int i, j;

	osc = omap_sleep_state();
	for (i = 0; i < OMAP_SLEEP_NR_MMUS; i++) {
		mmus[i] = osc->mmus[i];
		KUNIT_ASSERT_NOT_NULL(test, mmus[i]);
	}
	omap_sleep_release();
	KUNIT_EXPECT_NULL(test, osc->client);
	KUNIT_EXPECT_NULL(test, osc->domain);
	for (i = 0; i < OMAP_SLEEP_NR_MMUS; i++) {
		for (j = 0; j < 50 && omap_model_powered(mmus[i]); j++)
			msleep(20);
		KUNIT_EXPECT_FALSE(test, omap_model_powered(mmus[i]));
		KUNIT_EXPECT_EQ(test, osc_counters(mmus[i]).off_accesses, 0u);
	}
}

static struct kunit_case osc_cases[] = {
	KUNIT_CASE(osc_power_cycled),
	KUNIT_CASE(osc_translates),
	KUNIT_CASE(osc_locked_entry),
	KUNIT_CASE(osc_unmapped_faults),
	KUNIT_CASE(osc_release),
	{}
};

static struct kunit_suite osc_suite = {
	.name = "omap_sleep_check",
	.test_cases = osc_cases,
};

kunit_test_suites(&osc_suite);

MODULE_DESCRIPTION("socmmu: OMAP IOMMU across a system sleep, the checks after it");
MODULE_LICENSE("GPL");
