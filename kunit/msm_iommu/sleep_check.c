// SPDX-License-Identifier: GPL-2.0
/*
 * After the system sleep (see msm_sleep.h), through the state that
 * socmmu_msm_sleep_prep kept: both MSM instances of msm-client-multi were
 * powered off and on once, nothing touched their registers while they
 * were off or unclocked, each bank was programmed again and still
 * translates the domain's mapping, and the page unmapped before the sleep
 * still faults.  The last case gives the client back.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/module.h>

#include "../../iommu/core/socmmu_iommu.h"
#include "../msm_model/msm_model.h"
#include "msm_sleep.h"

static const struct msm_sleep_state *msc;

/* What the checks need: prep's set-up, complete. */
static bool msc_ready(void)
{
	msc = msm_sleep_state();
	return msc->ready;
}

static struct msm_model_counters msc_counters(struct msm_model *m)
{
	struct msm_model_counters c;

	msm_model_counters(m, &c);
	return c;
}

/* The counters since prep's last case: the sleep and nothing else. */
static void msc_power_cycled(struct kunit *test)
{
	struct socmmu_iommu_stats s;
	int i;

	KUNIT_ASSERT_TRUE_MSG(test, msc_ready(), "socmmu_msm_sleep_prep did not set up the sleep");

	for (i = 0; i < MSM_SLEEP_NR_IOMMUS; i++) {
		struct msm_model *m = msc->iommus[i];
		struct msm_model_counters c = msc_counters(m);

		kunit_info(test, "%s: power offs %u, ons %u, accesses while off %u, unclocked %u\n",
			   msm_model_name(m), c.power_offs, c.power_ons, c.off_accesses,
			   c.off_clock_accesses);
		KUNIT_EXPECT_EQ(test, c.power_offs, 1u);
		KUNIT_EXPECT_EQ(test, c.power_ons, 1u);
		KUNIT_EXPECT_EQ(test, c.off_accesses, 0u);
		KUNIT_EXPECT_EQ(test, c.off_clock_accesses, 0u);
		KUNIT_EXPECT_EQ(test, c.bad_accesses, 0u);
		/* The client is still runtime-active: so is each instance. */
		KUNIT_EXPECT_TRUE(test, msm_model_powered(m));
		/* Every bank programmed again after the power came back. */
		KUNIT_ASSERT_EQ(test, socmmu_iommu_get_stats(msm_model_device(m), &s), 0);
		KUNIT_EXPECT_EQ(test, s.programs, msc->programs[i] + msm_model_ncb(m));
	}
}

/* The bank came back (route, TTBR0, attributes): a walk finds the page. */
static void msc_translates(struct kunit *test)
{
	struct msm_model_result res;
	const u8 *p;
	u8 buf[64];
	int i, j;

	KUNIT_ASSERT_TRUE_MSG(test, msc_ready(), "socmmu_msm_sleep_prep did not set up the sleep");

	p = msc->mapped;
	for (i = 0; i < MSM_SLEEP_NR_IOMMUS; i++) {
		struct msm_model *m = msc->iommus[i];

		KUNIT_EXPECT_EQ(test, msm_model_read(m, msm_sleep_mid(i),
						     MSM_SLEEP_IOVA_MAPPED + 0x100, buf,
						     sizeof(buf), &res), MSM_MODEL_OK);
		KUNIT_EXPECT_EQ(test, res.phys, msc->mapped_phys + 0x100);
		KUNIT_EXPECT_EQ(test, res.ctx, msc->banks[i]);
		KUNIT_EXPECT_FALSE(test, res.bypassed);
		for (j = 0; j < sizeof(buf); j++)
			KUNIT_EXPECT_EQ(test, buf[j], p[0x100 + j]);
	}
}

/* Unmapped and synced before the sleep: no stale entry came back. */
static void msc_unmapped_faults(struct kunit *test)
{
	struct msm_model_result res;
	int i, j;

	KUNIT_ASSERT_TRUE_MSG(test, msc_ready(), "socmmu_msm_sleep_prep did not set up the sleep");

	for (i = 0; i < MSM_SLEEP_NR_IOMMUS; i++) {
		struct msm_model *m = msc->iommus[i];
		u32 mid = msm_sleep_mid(i);
		unsigned int hits = msc_counters(m).tlb_hits;

		KUNIT_EXPECT_EQ(test, msm_model_translate(m, mid, MSM_SLEEP_IOVA_UNMAPPED, 0, &res),
				MSM_MODEL_STALLED);
		KUNIT_EXPECT_EQ(test, msc_counters(m).tlb_hits, hits);
		/* The fault reached the domain's handler, which refused it: terminated. */
		for (j = 0; j < 50 && (atomic_read(&msc->faults) < i + 1 ||
				       msm_model_stalled(m, mid)); j++)
			msleep(20);
		KUNIT_EXPECT_EQ(test, atomic_read(&msc->faults), i + 1);
		KUNIT_EXPECT_FALSE(test, msm_model_stalled(m, mid));
		KUNIT_EXPECT_EQ(test, msm_model_translate(m, mid, MSM_SLEEP_IOVA_UNMAPPED, 0, &res),
				MSM_MODEL_ERROR);
	}
	KUNIT_EXPECT_EQ(test, READ_ONCE(msc->fault_iova), (unsigned long)MSM_SLEEP_IOVA_UNMAPPED);
	KUNIT_EXPECT_PTR_EQ(test, READ_ONCE(msc->fault_dev), msc->client);
}

/*
 * Last: give the client back (socmmu_msm_iommu_test, loaded next, binds
 * every client).  Without the client's reference both instances power off.
 */
static void msc_release(struct kunit *test)
{
	struct msm_model *iommus[MSM_SLEEP_NR_IOMMUS];
	int i, j;

	msc = msm_sleep_state();
	for (i = 0; i < MSM_SLEEP_NR_IOMMUS; i++) {
		iommus[i] = msc->iommus[i];
		KUNIT_ASSERT_NOT_NULL(test, iommus[i]);
	}
	msm_sleep_release();
	KUNIT_EXPECT_NULL(test, msc->client);
	KUNIT_EXPECT_NULL(test, msc->domain);
	for (i = 0; i < MSM_SLEEP_NR_IOMMUS; i++) {
		for (j = 0; j < 50 && msm_model_powered(iommus[i]); j++)
			msleep(20);
		KUNIT_EXPECT_FALSE(test, msm_model_powered(iommus[i]));
		KUNIT_EXPECT_EQ(test, msc_counters(iommus[i]).off_accesses, 0u);
	}
}

static struct kunit_case msc_cases[] = {
	KUNIT_CASE(msc_power_cycled),
	KUNIT_CASE(msc_translates),
	KUNIT_CASE(msc_unmapped_faults),
	KUNIT_CASE(msc_release),
	{}
};

static struct kunit_suite msc_suite = {
	.name = "msm_sleep_check",
	.test_cases = msc_cases,
};

kunit_test_suites(&msc_suite);

MODULE_DESCRIPTION("socmmu: MSM IOMMU across a system sleep, the checks after it");
MODULE_LICENSE("GPL");
