// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the simulated remote processor's driver (remoteproc/,
 * Documentation/remoteproc.rst), on the remote-processor model behind the
 * OMAP MMU model: rproc_ipu behind one OMAP4 MMU (bus-error-back), rproc_dsp
 * behind the two MMUs of a DRA7 DSP (stall on fault).  Every check of
 * where something is goes through the IOMMU: the model's masters read the
 * device addresses, and the IOMMU says what it translates them to.
 *
 * The echo cases are a kernel rpmsg client (an rpmsg driver for the core's
 * "socmmu-rproc-echo" channel) registered by each suite.  The firmware
 * directory must be set before this module loads (modules.list runs
 * "rproc-test rproc_firmware" first).
 *
 * The module's exit destroys the two platform devices, so that the IOMMU
 * driver's module can be unloaded after it (its clients hold it).
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/remoteproc.h>
#include <linux/rpmsg.h>
#include <linux/slab.h>

#include <socmmu_dma.h>

#include "../../remoteproc/socmmu_rproc.h"
#include "../failnth/failnth.h"
#include "../model_bus/model_bus.h"
#include "../rproc_model/rproc_model.h"

#define RT_TIMEOUT_MS		10000
#define RT_MSG_MAX		496	/* a 512-byte rpmsg buffer less its header */
#define RT_NOWHERE_IPU		0x7ff00000u	/* no carveout, outside the window */
#define RT_NOWHERE_DSP		0x96000000u

enum { RT_IPU, RT_DSP, RT_NR };

struct rt_rproc {
	const char *path;
	const char *firmware;
	u32 text_da, text_len, data_da, data_len;
	u32 win_base, win_limit;
	u32 nowhere;
	unsigned int segment_bytes;	/* what the core checks at a cold boot */

	struct device *dev;
	struct rproc *rproc;
	struct rproc_model *model;

	/* The echo channel, while the core runs and announced it. */
	struct rpmsg_device *rpdev;
	struct completion probed;
	struct completion reply;
	u8 reply_buf[RT_MSG_MAX];
	int reply_len;
	u32 reply_src;
};

static struct rt_rproc rt[RT_NR] = {
	[RT_IPU] = {
		.path = "/rproc@d5000000",
		.firmware = "socmmu-rproc-ipu.elf",
		.text_da = 0x00000000, .text_len = 0x100000,
		.data_da = 0x80000000, .data_len = 0x100000,
		.win_base = 0xa0000000, .win_limit = 0xb0000000,
		.nowhere = RT_NOWHERE_IPU,
		.segment_bytes = 0x1010 + 0x2000,
	},
	[RT_DSP] = {
		.path = "/rproc@d5001000",
		.firmware = "socmmu-rproc-dsp.elf",
		.text_da = 0x95000000, .text_len = 0x100000,
		.data_da = 0x95100000, .data_len = 0x40000,
		.win_base = 0x40000000, .win_limit = 0x41000000,
		.nowhere = RT_NOWHERE_DSP,
		.segment_bytes = 0x1010 + 0x2000,
	},
};

static const char rt_data_text[] = "socmmu simulated remote processor firmware: data";
#define RT_WFI	0xe320f003u	/* the first instruction of the image */

/* ------------------------------------------------------ the rpmsg client -- */

static int rt_echo_probe(struct rpmsg_device *rpdev)
{
	struct rproc *rproc = rproc_get_by_child(&rpdev->dev);
	int i;

	for (i = 0; i < RT_NR; i++) {
		if (rt[i].rproc && rt[i].rproc == rproc) {
			dev_set_drvdata(&rpdev->dev, &rt[i]);
			WRITE_ONCE(rt[i].rpdev, rpdev);
			complete_all(&rt[i].probed);
			return 0;
		}
	}
	return -ENODEV;
}

static void rt_echo_remove(struct rpmsg_device *rpdev)
{
	struct rt_rproc *r = dev_get_drvdata(&rpdev->dev);

	WRITE_ONCE(r->rpdev, NULL);
}

static int rt_echo_cb(struct rpmsg_device *rpdev, void *data, int len, void *priv, u32 src)
{
	struct rt_rproc *r = dev_get_drvdata(&rpdev->dev);

	r->reply_len = min_t(int, len, sizeof(r->reply_buf));
	memcpy(r->reply_buf, data, r->reply_len);
	r->reply_src = src;
	complete(&r->reply);
	return 0;
}

static struct rpmsg_device_id rt_echo_ids[] = {
	{ .name = RPROC_MODEL_ECHO_NAME },
	{}
};

static struct rpmsg_driver rt_echo_driver = {
	.drv.name = "socmmu-rproc-test-echo",
	.id_table = rt_echo_ids,
	.probe = rt_echo_probe,
	.callback = rt_echo_cb,
	.remove = rt_echo_remove,
};

/* --------------------------------------------------------------- helpers -- */

static int rt_suite_init(struct kunit_suite *suite)
{
	int i;

	for (i = 0; i < RT_NR; i++) {
		struct device_node *np = of_find_node_by_path(rt[i].path);

		init_completion(&rt[i].probed);
		init_completion(&rt[i].reply);
		rt[i].rproc = np ? socmmu_rproc_get(np) : NULL;
		rt[i].model = np ? rproc_model_of(np) : NULL;
		rt[i].dev = rt[i].rproc ? rt[i].rproc->dev.parent : NULL;
		of_node_put(np);
	}
	/* No owner: on 6.1 this runs before the module's kobject exists. */
	return __register_rpmsg_driver(&rt_echo_driver, NULL);
}

static void rt_suite_exit(struct kunit_suite *suite)
{
	int i;

	unregister_rpmsg_driver(&rt_echo_driver);
	for (i = 0; i < RT_NR; i++) {
		if (rt[i].rproc)
			put_device(&rt[i].rproc->dev);
		rt[i].rproc = NULL;
		rt[i].dev = NULL;
	}
}

/* make check boots with the test device tree: a missing core must fail. */
static struct rt_rproc *rt_get(struct kunit *test, int which)
{
	struct rt_rproc *r = &rt[which];

	KUNIT_ASSERT_NOT_NULL_MSG(test, r->rproc, "%s is not driven by socmmu_rproc", r->path);
	KUNIT_ASSERT_NOT_NULL_MSG(test, r->model, "%s has no model", r->path);
	KUNIT_ASSERT_EQ(test, r->rproc->state, RPROC_OFFLINE);
	KUNIT_ASSERT_EQ(test, rproc_set_firmware(r->rproc, r->firmware), 0);
	rproc_model_reset_counters(r->model);
	return r;
}

static bool rt_wait(struct completion *done)
{
	return wait_for_completion_timeout(done, msecs_to_jiffies(RT_TIMEOUT_MS));
}

static void rt_boot(struct kunit *test, struct rt_rproc *r)
{
	struct rproc_model_state st;

	reinit_completion(&r->probed);
	KUNIT_ASSERT_EQ(test, rproc_boot(r->rproc), 0);
	KUNIT_ASSERT_TRUE_MSG(test, rt_wait(&r->probed), "%s: no echo channel announced", r->path);
	rproc_model_state(r->model, &st);
	KUNIT_ASSERT_TRUE(test, st.running);
	KUNIT_ASSERT_TRUE(test, st.vdev_ready);
}

static void rt_shutdown(struct rt_rproc *r)
{
	if (r->rproc && r->rproc->state != RPROC_OFFLINE)
		rproc_shutdown(r->rproc);
}

/* Each case leaves both cores off, whatever failed. */
static void rt_case_exit(struct kunit *test)
{
	int i;

	for (i = 0; i < RT_NR; i++) {
		if (rt[i].model)
			rproc_model_hold(rt[i].model, false);
		rt_shutdown(&rt[i]);
		if (rt[i].rproc)
			rproc_set_firmware(rt[i].rproc, rt[i].firmware);
	}
}

/* Message @n of a sequence: its length and bytes follow from @n alone. */
static int rt_fill(u8 *buf, unsigned int n)
{
	int len = 1 + (n * 37) % RT_MSG_MAX, i;

	for (i = 0; i < len; i++)
		buf[i] = (u8)(n * 131 + i * 7 + (i >> 3));
	return len;
}

static void rt_echo(struct kunit *test, struct rt_rproc *r, unsigned int first, unsigned int n)
{
	u8 *msg = kunit_kzalloc(test, RT_MSG_MAX, GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, msg);
	for (i = first; i < first + n; i++) {
		struct rpmsg_device *rpdev = READ_ONCE(r->rpdev);
		int len = rt_fill(msg, i);

		KUNIT_ASSERT_NOT_NULL(test, rpdev);
		reinit_completion(&r->reply);
		KUNIT_ASSERT_EQ(test, rpmsg_send(rpdev->ept, msg, len), 0);
		KUNIT_ASSERT_TRUE_MSG(test, rt_wait(&r->reply), "%s: no echo of message %u",
				      r->path, i);
		KUNIT_ASSERT_EQ(test, r->reply_len, len);
		KUNIT_ASSERT_EQ(test, r->reply_src, RPROC_MODEL_ECHO_ADDR);
		KUNIT_ASSERT_EQ_MSG(test, memcmp(r->reply_buf, msg, len), 0,
				    "%s: message %u came back changed", r->path, i);
	}
}

static const struct rproc_model_carveout *rt_carveout(const struct rproc_model_state *st,
						      const char *name)
{
	unsigned int i;

	for (i = 0; i < st->nr_carveouts; i++)
		if (!strcmp(st->carveouts[i].name, name))
			return &st->carveouts[i];
	return NULL;
}

static unsigned int rt_count(struct list_head *head)
{
	struct list_head *pos;
	unsigned int n = 0;

	list_for_each(pos, head)
		n++;
	return n;
}

static bool rt_in_window(struct rt_rproc *r, u64 da, u64 len)
{
	return da >= r->win_base && len <= r->win_limit - da;
}

static bool rt_overlaps(u64 a, u64 alen, u64 b, u64 blen)
{
	return a < b + blen && b < a + alen;
}

/* Counts the faults of one domain while a case makes them on purpose. */
static struct {
	atomic_t count;
	unsigned long last;
} rt_faults;

static int rt_count_fault(struct iommu_domain *domain, struct device *dev, unsigned long iova,
			  int flags, void *token)
{
	rt_faults.last = iova;
	atomic_inc(&rt_faults.count);
	return 0;
}

static bool rt_wait_for(atomic_t *v, int want)
{
	int ms;

	for (ms = 0; ms < RT_TIMEOUT_MS && atomic_read(v) < want; ms += 2)
		usleep_range(2000, 3000);
	return atomic_read(v) >= want;
}

/*
 * A read by the core's data mover at @da must fault in the IOMMU: the
 * transfer fails, and the IOMMU driver reports a fault at @da.
 */
static void rt_expect_fault(struct kunit *test, struct rt_rproc *r, u32 da)
{
	struct model_bus_result res = {};
	int before = atomic_read(&rt_faults.count);
	u32 word;

	KUNIT_EXPECT_NE_MSG(test, rproc_model_read(r->model, 1, da, &word, sizeof(word), &res),
			    MODEL_BUS_OK, "%s: 0x%08x still reads", r->path, da);
	KUNIT_EXPECT_TRUE_MSG(test, rt_wait_for(&rt_faults.count, before + 1),
			      "%s: no fault reported at 0x%08x", r->path, da);
	KUNIT_EXPECT_EQ(test, rt_faults.last, (unsigned long)da);
}

/* --------------------------------------------------------- boot cases -- */

static void rt_boot_checks_image_one(struct kunit *test, int which)
{
	struct rt_rproc *r = rt_get(test, which);
	struct rproc_model_counters c;
	struct rproc_model_state st;
	struct socmmu_rproc_stats stats;
	const struct rproc_model_carveout *co;

	rt_boot(test, r);
	rproc_model_counters(r->model, &c);
	rproc_model_state(r->model, &st);
	KUNIT_EXPECT_EQ(test, c.cold_boots, 1u);
	KUNIT_EXPECT_EQ(test, c.image_segments, 2u);
	KUNIT_EXPECT_EQ(test, c.image_bytes, r->segment_bytes);
	KUNIT_EXPECT_EQ(test, c.halts, 0u);
	KUNIT_EXPECT_EQ(test, c.announcements, 1u);
	KUNIT_EXPECT_EQ(test, st.nr_carveouts, 3u);
	co = rt_carveout(&st, "text");
	KUNIT_ASSERT_NOT_NULL(test, co);
	KUNIT_EXPECT_EQ(test, co->da, r->text_da);
	KUNIT_EXPECT_EQ(test, co->len, r->text_len);
	co = rt_carveout(&st, "data");
	KUNIT_ASSERT_NOT_NULL(test, co);
	KUNIT_EXPECT_EQ(test, co->da, r->data_da);
	KUNIT_EXPECT_EQ(test, co->len, r->data_len);
	/* The shared memory: where the DMA layer declared it, in the window. */
	co = rt_carveout(&st, "shm");
	KUNIT_ASSERT_NOT_NULL(test, co);
	KUNIT_ASSERT_EQ(test, socmmu_rproc_get_stats(r->rproc, &stats), 0);
	KUNIT_EXPECT_TRUE(test, stats.shm_declared);
	KUNIT_EXPECT_EQ(test, (u64)co->da, stats.shm_iova);
	KUNIT_EXPECT_EQ(test, (u64)co->pa, stats.shm_phys);
	KUNIT_EXPECT_EQ(test, (u64)co->len, stats.shm_size);
	KUNIT_EXPECT_TRUE(test, rt_in_window(r, co->da, co->len));
}

static void rt_boot_checks_image(struct kunit *test)
{
	rt_boot_checks_image_one(test, RT_IPU);
	rt_boot_checks_image_one(test, RT_DSP);
}

/* The device reads each fixed section at its address, and finds it there. */
static void rt_fixed_at_address_one(struct kunit *test, int which)
{
	struct rt_rproc *r = rt_get(test, which);
	struct iommu_domain *domain = socmmu_dma_domain(r->dev);
	struct rproc_model_state st;
	char text[sizeof(rt_data_text)];
	const struct { const char *name; u32 da, len; } fixed[] = {
		{ "text", r->text_da, r->text_len }, { "data", r->data_da, r->data_len },
	};
	unsigned int i, port;
	phys_addr_t phys;
	u32 word;

	KUNIT_ASSERT_NOT_NULL(test, domain);
	rt_boot(test, r);
	rproc_model_state(r->model, &st);
	for (i = 0; i < ARRAY_SIZE(fixed); i++) {
		const struct rproc_model_carveout *co = rt_carveout(&st, fixed[i].name);
		const u32 offs[] = { 0, fixed[i].len / 2, fixed[i].len - 4 };
		unsigned int j;

		KUNIT_ASSERT_NOT_NULL(test, co);
		KUNIT_EXPECT_FALSE(test, rt_overlaps(co->da, co->len, r->win_base,
						     r->win_limit - r->win_base));
		for (j = 0; j < ARRAY_SIZE(offs); j++) {
			for (port = 0; port < 2; port++) {
				struct model_bus_result res = {};

				KUNIT_EXPECT_EQ(test, rproc_model_read(r->model, port,
								       fixed[i].da + offs[j], &word,
								       4, &res), MODEL_BUS_OK);
				/* Exactly where the table says the memory is. */
				KUNIT_EXPECT_EQ(test, res.phys, (u64)co->pa + offs[j]);
			}
			phys = iommu_iova_to_phys(domain, fixed[i].da + offs[j]);
			KUNIT_EXPECT_EQ(test, (u64)phys, (u64)co->pa + offs[j]);
		}
	}
	KUNIT_EXPECT_EQ(test, rproc_model_read(r->model, 0, r->text_da, &word, 4, NULL),
			MODEL_BUS_OK);
	KUNIT_EXPECT_EQ(test, word, RT_WFI);
	KUNIT_EXPECT_EQ(test, rproc_model_read(r->model, 1, r->data_da, text, sizeof(text), NULL),
			MODEL_BUS_OK);
	KUNIT_EXPECT_EQ(test, memcmp(text, rt_data_text, sizeof(text)), 0);
}

static void rt_fixed_at_address(struct kunit *test)
{
	rt_fixed_at_address_one(test, RT_IPU);
	rt_fixed_at_address_one(test, RT_DSP);
}

static void rt_echo_exact(struct kunit *test)
{
	struct rproc_model_counters c;
	int i;

	for (i = 0; i < RT_NR; i++) {
		struct rt_rproc *r = rt_get(test, i);

		rt_boot(test, r);
		rt_echo(test, r, 0, 300);
		rproc_model_counters(r->model, &c);
		KUNIT_EXPECT_EQ(test, c.echoes, 300u);
		KUNIT_EXPECT_EQ(test, c.dropped, 0u);
		KUNIT_EXPECT_EQ(test, c.halts, 0u);
		KUNIT_EXPECT_EQ(test, c.mbox_lost, 0u);
	}
}

/* Every DMA-API buffer the core was given is in the window, away from the fixed sections. */
static void rt_buffers_in_window_one(struct kunit *test, int which)
{
	struct rt_rproc *r = rt_get(test, which);
	const struct rproc_model_carveout *shm;
	struct rproc_model_state st;
	struct socmmu_dma_info info;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(r->dev, &info), 0);
	KUNIT_EXPECT_EQ(test, info.window_base, (dma_addr_t)r->win_base);
	KUNIT_EXPECT_EQ(test, info.window_limit, (dma_addr_t)r->win_limit);
	rt_boot(test, r);
	rt_echo(test, r, 1000, 64);
	rproc_model_state(r->model, &st);
	shm = rt_carveout(&st, "shm");
	KUNIT_ASSERT_NOT_NULL(test, shm);
	KUNIT_ASSERT_TRUE(test, st.bufs_seen);
	KUNIT_EXPECT_TRUE(test, rt_in_window(r, shm->da, shm->len));
	KUNIT_EXPECT_TRUE(test, rt_in_window(r, st.buf_da_min, st.buf_da_end - st.buf_da_min));
	/* In the shared memory: the descriptors' physical addresses say so. */
	KUNIT_EXPECT_GE(test, st.buf_da_min, shm->da);
	KUNIT_EXPECT_LE(test, st.buf_da_end, shm->da + shm->len);
	for (i = 0; i < 2; i++) {
		KUNIT_EXPECT_TRUE(test, rt_in_window(r, st.vring[i].da, PAGE_SIZE));
		KUNIT_EXPECT_GE(test, st.vring[i].da, shm->da);
		KUNIT_EXPECT_LT(test, st.vring[i].da, shm->da + shm->len);
	}
	for (i = 0; i < st.nr_carveouts; i++) {
		const struct rproc_model_carveout *co = &st.carveouts[i];

		if (co == shm)
			continue;
		KUNIT_EXPECT_FALSE(test, rt_overlaps(co->da, co->len, r->win_base,
						     r->win_limit - r->win_base));
		KUNIT_EXPECT_FALSE(test, rt_overlaps(co->da, co->len, st.buf_da_min,
						     st.buf_da_end - st.buf_da_min));
	}
}

static void rt_buffers_in_window(struct kunit *test)
{
	rt_buffers_in_window_one(test, RT_IPU);
	rt_buffers_in_window_one(test, RT_DSP);
}

/* After shutdown nothing is mapped: every address the core had faults. */
static void rt_shutdown_unmaps_one(struct kunit *test, int which)
{
	struct rt_rproc *r = rt_get(test, which);
	struct iommu_domain *domain = socmmu_dma_domain(r->dev);
	iommu_fault_handler_t saved_handler;
	struct socmmu_dma_info before, after;
	struct rproc_model_state st;
	void *saved_token;
	u32 das[16];
	unsigned int n = 0, i;

	KUNIT_ASSERT_NOT_NULL(test, domain);
	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(r->dev, &before), 0);
	rt_boot(test, r);
	rt_echo(test, r, 2000, 16);
	rproc_model_state(r->model, &st);
	for (i = 0; i < st.nr_carveouts; i++) {
		das[n++] = st.carveouts[i].da;
		das[n++] = st.carveouts[i].da + st.carveouts[i].len - 4;
	}
	das[n++] = st.vring[0].da;
	das[n++] = st.vring[1].da;
	das[n++] = st.buf_da_min;
	das[n++] = st.buf_da_end - 4;
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_NE(test, (u64)iommu_iova_to_phys(domain, das[i]), 0ull);

	rproc_shutdown(r->rproc);
	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(r->dev, &after), 0);
	KUNIT_EXPECT_EQ(test, after.mapped_bytes, before.mapped_bytes);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ_MSG(test, (u64)iommu_iova_to_phys(domain, das[i]), 0ull,
				    "0x%08x is still mapped", das[i]);

	/* The device itself: its IOMMUs powered, every former address faults. */
	KUNIT_ASSERT_EQ(test, pm_runtime_resume_and_get(r->dev), 0);
	saved_handler = domain->handler;
	saved_token = domain->handler_token;
	atomic_set(&rt_faults.count, 0);
	iommu_set_fault_handler(domain, rt_count_fault, NULL);
	for (i = 0; i < n; i++)
		rt_expect_fault(test, r, das[i]);
	iommu_set_fault_handler(domain, saved_handler, saved_token);
	pm_runtime_mark_last_busy(r->dev);
	pm_runtime_put_autosuspend(r->dev);
}

static void rt_shutdown_unmaps(struct kunit *test)
{
	rt_shutdown_unmaps_one(test, RT_IPU);
	rt_shutdown_unmaps_one(test, RT_DSP);
}

/* ------------------------------------------------------ recovery cases -- */

static bool rt_wait_running(struct rt_rproc *r, unsigned int crashes)
{
	int ms;

	for (ms = 0; ms < RT_TIMEOUT_MS; ms += 5) {
		if (r->rproc->crash_cnt >= crashes && READ_ONCE(r->rproc->state) == RPROC_RUNNING)
			return true;
		usleep_range(5000, 6000);
	}
	return false;
}

static void rt_fault_recovers_one(struct kunit *test, int which)
{
	struct rt_rproc *r = rt_get(test, which);
	struct iommu_domain *domain = socmmu_dma_domain(r->dev);
	struct socmmu_rproc_stats s0, s1;
	struct socmmu_dma_info w0, w1;
	struct rproc_model_state st0, st1;
	struct rproc_model_counters c;
	unsigned int crashes = r->rproc->crash_cnt, i;
	u8 msg[8] = "crash";

	rt_boot(test, r);
	rt_echo(test, r, 3000, 10);
	rproc_model_state(r->model, &st0);
	KUNIT_ASSERT_EQ(test, socmmu_rproc_get_stats(r->rproc, &s0), 0);
	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(r->dev, &w0), 0);

	/* The next message makes the core read where nothing is mapped. */
	reinit_completion(&r->probed);
	rproc_model_inject_fault(r->model, r->nowhere);
	KUNIT_ASSERT_EQ(test, rpmsg_send(READ_ONCE(r->rpdev)->ept, msg, sizeof(msg)), 0);
	KUNIT_ASSERT_TRUE_MSG(test, rt_wait_running(r, crashes + 1), "%s did not recover",
			      r->path);
	KUNIT_ASSERT_TRUE(test, rt_wait(&r->probed));
	KUNIT_ASSERT_EQ(test, socmmu_rproc_get_stats(r->rproc, &s1), 0);
	KUNIT_EXPECT_EQ(test, s1.iommu_faults, s0.iommu_faults + 1);
	KUNIT_EXPECT_EQ(test, s1.last_fault_iova, r->nowhere);
	KUNIT_EXPECT_EQ(test, s1.last_crash, (int)RPROC_MMUFAULT);
	KUNIT_EXPECT_GE(test, s1.crashes, s0.crashes + 1);
	KUNIT_EXPECT_EQ(test, r->rproc->crash_cnt, crashes + 1);
	rproc_model_counters(r->model, &c);
	KUNIT_EXPECT_EQ(test, c.halts, 1u);
	KUNIT_EXPECT_EQ(test, c.cold_boots, 2u);

	/* The same domain, window, carveouts and shared memory. */
	KUNIT_EXPECT_PTR_EQ(test, socmmu_dma_domain(r->dev), domain);
	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(r->dev, &w1), 0);
	KUNIT_EXPECT_EQ(test, w1.window_base, w0.window_base);
	KUNIT_EXPECT_EQ(test, w1.window_limit, w0.window_limit);
	rproc_model_state(r->model, &st1);
	KUNIT_ASSERT_EQ(test, st1.nr_carveouts, st0.nr_carveouts);
	for (i = 0; i < st0.nr_carveouts; i++) {
		KUNIT_EXPECT_STREQ(test, st1.carveouts[i].name, st0.carveouts[i].name);
		KUNIT_EXPECT_EQ(test, st1.carveouts[i].da, st0.carveouts[i].da);
		KUNIT_EXPECT_EQ(test, st1.carveouts[i].pa, st0.carveouts[i].pa);
		KUNIT_EXPECT_EQ(test, st1.carveouts[i].len, st0.carveouts[i].len);
	}
	KUNIT_EXPECT_EQ(test, s1.shm_iova, s0.shm_iova);
	KUNIT_EXPECT_EQ(test, s1.shm_phys, s0.shm_phys);
	/* The coredump has the fixed sections to save. */
	KUNIT_EXPECT_EQ(test, rt_count(&r->rproc->dump_segments), 2u);
	KUNIT_EXPECT_EQ(test, r->rproc->elf_class, (u8)ELFCLASS32);
	rt_echo(test, r, 4000, 50);
}

static void rt_fault_recovers(struct kunit *test)
{
	rt_fault_recovers_one(test, RT_IPU);
	rt_fault_recovers_one(test, RT_DSP);
}

/* ------------------------------------------------------------ PM cases -- */

static bool rt_wait_suspended(struct device *dev)
{
	int ms;

	for (ms = 0; ms < RT_TIMEOUT_MS; ms += 5) {
		if (pm_runtime_suspended(dev))
			return true;
		usleep_range(5000, 6000);
	}
	return false;
}

static void rt_autosuspend_one(struct kunit *test, int which)
{
	struct rt_rproc *r = rt_get(test, which);
	struct socmmu_rproc_stats s0, s1;
	struct rproc_model_counters c0, c1;
	struct model_bus_stats m0, m1;

	pm_runtime_set_autosuspend_delay(r->dev, 20);
	rt_boot(test, r);
	rt_echo(test, r, 5000, 4);
	KUNIT_ASSERT_TRUE_MSG(test, rt_wait_suspended(r->dev), "%s never suspended", r->path);
	KUNIT_EXPECT_FALSE(test, rproc_model_powered(r->model));
	rproc_model_counters(r->model, &c0);
	rproc_model_iommu_stats(r->model, 0, &m0);
	KUNIT_ASSERT_EQ(test, socmmu_rproc_get_stats(r->rproc, &s0), 0);
	/* The IOMMUs went down with it, through the device links. */
	KUNIT_EXPECT_GE(test, m0.power_offs, 1u);
	KUNIT_EXPECT_EQ(test, m0.power_offs, m0.power_ons);

	/* The next kick brings both back, and the vrings go on where they were. */
	rt_echo(test, r, 5004, 8);
	rproc_model_counters(r->model, &c1);
	rproc_model_iommu_stats(r->model, 0, &m1);
	KUNIT_ASSERT_EQ(test, socmmu_rproc_get_stats(r->rproc, &s1), 0);
	KUNIT_EXPECT_EQ(test, c1.warm_boots, c0.warm_boots + 1);
	KUNIT_EXPECT_EQ(test, c1.cold_boots, 1u);
	KUNIT_EXPECT_EQ(test, c1.off_accesses, 0u);
	KUNIT_EXPECT_EQ(test, c1.halts, 0u);
	KUNIT_EXPECT_EQ(test, m1.power_ons, m0.power_ons + 1);
	KUNIT_EXPECT_EQ(test, m1.off_accesses, 0u);
	KUNIT_EXPECT_EQ(test, s1.warm_resumes, s0.warm_resumes + 1);
	KUNIT_EXPECT_GE(test, s0.suspends, 1ull);
	pm_runtime_set_autosuspend_delay(r->dev, 100);
}

static void rt_autosuspend(struct kunit *test)
{
	rt_autosuspend_one(test, RT_IPU);
	rt_autosuspend_one(test, RT_DSP);
}

/* A core with work to do is not put to sleep: the message is not lost. */
static void rt_busy_core_stays_up(struct kunit *test)
{
	struct rt_rproc *r = rt_get(test, RT_IPU);
	struct socmmu_rproc_stats s0, s1;
	u8 msg[16] = "not yet";

	rt_boot(test, r);
	rt_echo(test, r, 7000, 2);
	KUNIT_ASSERT_EQ(test, socmmu_rproc_get_stats(r->rproc, &s0), 0);
	rproc_model_hold(r->model, true);
	reinit_completion(&r->reply);
	KUNIT_ASSERT_EQ(test, rpmsg_send(READ_ONCE(r->rpdev)->ept, msg, sizeof(msg)), 0);
	KUNIT_EXPECT_EQ(test, pm_runtime_suspend(r->dev), -EBUSY);
	KUNIT_EXPECT_TRUE(test, rproc_model_powered(r->model));
	KUNIT_ASSERT_EQ(test, socmmu_rproc_get_stats(r->rproc, &s1), 0);
	KUNIT_EXPECT_EQ(test, s1.suspend_busy, s0.suspend_busy + 1);
	KUNIT_EXPECT_EQ(test, s1.suspends, s0.suspends);
	rproc_model_hold(r->model, false);
	KUNIT_ASSERT_TRUE(test, rt_wait(&r->reply));
	KUNIT_EXPECT_EQ(test, r->reply_len, (int)sizeof(msg));
	KUNIT_EXPECT_EQ(test, memcmp(r->reply_buf, msg, sizeof(msg)), 0);
	/* Idle again, it goes to sleep when asked. */
	KUNIT_EXPECT_TRUE(test, rt_wait_suspended(r->dev));
}

/* ------------------------------------------------------ bad firmware -- */

struct rt_bad_fw {
	const char *name;
	const char *why;
};

static const struct rt_bad_fw rt_bad_fws[] = {
	{ "socmmu-rproc-bad-notable.elf", "no resource table" },
	{ "socmmu-rproc-bad-window.elf", "a carveout in the DMA window" },
	{ "socmmu-rproc-bad-section.elf", "a section outside every carveout" },
};

static void rt_bad_fw_desc(const struct rt_bad_fw *p, char *desc)
{
	strscpy(desc, p->why, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rt_bad_fw, rt_bad_fws, rt_bad_fw_desc);

static void rt_bad_firmware(struct kunit *test)
{
	const struct rt_bad_fw *bad = test->param_value;
	struct rt_rproc *r = rt_get(test, RT_IPU);
	struct socmmu_dma_info before, after;
	struct socmmu_rproc_stats stats;
	struct rproc_model_counters c;

	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(r->dev, &before), 0);
	KUNIT_ASSERT_EQ(test, rproc_set_firmware(r->rproc, bad->name), 0);
	KUNIT_EXPECT_EQ(test, rproc_boot(r->rproc), -EINVAL);
	KUNIT_EXPECT_EQ(test, r->rproc->state, RPROC_OFFLINE);
	/* Nothing left: no carveout, table, dump segment, shared memory or mapping. */
	KUNIT_EXPECT_TRUE(test, list_empty(&r->rproc->carveouts));
	KUNIT_EXPECT_TRUE(test, list_empty(&r->rproc->dump_segments));
	KUNIT_EXPECT_TRUE(test, list_empty(&r->rproc->rvdevs));
	KUNIT_EXPECT_NULL(test, r->rproc->cached_table);
	KUNIT_ASSERT_EQ(test, socmmu_rproc_get_stats(r->rproc, &stats), 0);
	KUNIT_EXPECT_FALSE(test, stats.shm_declared);
	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(r->dev, &after), 0);
	KUNIT_EXPECT_EQ(test, after.mapped_bytes, before.mapped_bytes);
	KUNIT_EXPECT_EQ(test, after.maps, before.maps);
	/* The core was never released. */
	rproc_model_counters(r->model, &c);
	KUNIT_EXPECT_EQ(test, c.cold_boots + c.halts, 0u);

	/* And the right image still boots afterwards. */
	KUNIT_ASSERT_EQ(test, rproc_set_firmware(r->rproc, r->firmware), 0);
	rt_boot(test, r);
	rt_echo(test, r, 6000, 2);
}

/* -------------------------------------------- allocation failure at boot -- */

/*
 * After a boot that failed: the core off, nothing of the firmware left
 * (carveouts, table, dump segments, vdevs, shared memory, DMA-layer bytes)
 * and its fixed device addresses translate nowhere, for the domain and
 * for the core's own reads through the IOMMU.
 */
static void rt_expect_nothing_booted(struct kunit *test, struct rt_rproc *r, u64 mapped_before,
				     unsigned int n)
{
	struct iommu_domain *domain = socmmu_dma_domain(r->dev);
	const u32 das[] = { r->text_da, r->text_da + r->text_len - 4, r->data_da,
			    r->data_da + r->data_len - 4 };
	iommu_fault_handler_t saved_handler = domain->handler;
	void *saved_token = domain->handler_token;
	struct socmmu_rproc_stats stats;
	struct socmmu_dma_info info;
	struct rproc_model_state st;
	unsigned int i;

	KUNIT_EXPECT_EQ_MSG(test, r->rproc->state, RPROC_OFFLINE, "site %u", n);
	KUNIT_EXPECT_TRUE_MSG(test, list_empty(&r->rproc->carveouts), "site %u", n);
	KUNIT_EXPECT_TRUE_MSG(test, list_empty(&r->rproc->dump_segments), "site %u", n);
	KUNIT_EXPECT_TRUE_MSG(test, list_empty(&r->rproc->rvdevs), "site %u", n);
	KUNIT_EXPECT_NULL_MSG(test, r->rproc->cached_table, "site %u", n);
	KUNIT_EXPECT_EQ(test, socmmu_rproc_get_stats(r->rproc, &stats), 0);
	KUNIT_EXPECT_FALSE_MSG(test, stats.shm_declared, "site %u", n);
	KUNIT_EXPECT_EQ(test, socmmu_dma_get_info(r->dev, &info), 0);
	KUNIT_EXPECT_EQ_MSG(test, info.mapped_bytes, mapped_before, "site %u", n);
	rproc_model_state(r->model, &st);
	KUNIT_EXPECT_FALSE_MSG(test, st.running, "site %u: the core runs", n);
	for (i = 0; i < ARRAY_SIZE(das); i++)
		KUNIT_EXPECT_EQ_MSG(test, (u64)iommu_iova_to_phys(domain, das[i]), 0ull,
				    "site %u: 0x%08x still mapped", n, das[i]);
	if (pm_runtime_resume_and_get(r->dev) < 0) {
		KUNIT_FAIL(test, "site %u: %s does not power up", n, r->path);
		return;
	}
	atomic_set(&rt_faults.count, 0);
	iommu_set_fault_handler(domain, rt_count_fault, NULL);
	rt_expect_fault(test, r, r->text_da);
	rt_expect_fault(test, r, r->data_da);
	iommu_set_fault_handler(domain, saved_handler, saved_token);
	pm_runtime_mark_last_busy(r->dev);
	pm_runtime_put_autosuspend(r->dev);
}

/*
 * rproc_boot() with its Nth allocation failed, for every N
 * (kunit/failnth/failnth.h): the firmware's request, its resource table,
 * the carveouts at fixed device addresses and in the window, the shared
 * memory, up to the rproc-virtio device (see below).  Each failure a
 * clean errno and nothing left (above); the next boot works, and each
 * boot that completed echoes.
 */
static void rt_failnth_boot_one(struct kunit *test, int which, const char *name)
{
	struct rt_rproc *r = rt_get(test, which);
	struct socmmu_dma_info before;
	struct failnth_sweep s;

	if (!failnth_available())
		kunit_skip(test, "no CONFIG_FAULT_INJECTION");
	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(r->dev, &before), 0);
	for (failnth_begin(&s, name, failnth_limit()); failnth_next(test, &s);) {
		bool hit;
		int ret;

		reinit_completion(&r->probed);
		failnth_arm(s.n);
		ret = rproc_boot(r->rproc);
		hit = failnth_disarm();
		failnth_ran(test, &s, hit, ret);
		if (ret) {
			/*
			 * The kernel's words for an allocation that failed:
			 * the firmware loader's -ENOENT for its read, the
			 * driver core's -EINVAL for a device whose name it
			 * could not allocate (the rproc-virtio device).
			 */
			KUNIT_EXPECT_TRUE_MSG(test, ret == -ENOMEM || ret == -ENOENT ||
					      ret == -EINVAL, "site %u: %d", s.n, ret);
			rt_expect_nothing_booted(test, r, before.mapped_bytes, s.n);
			rt_boot(test, r);
		} else if (!wait_for_completion_timeout(&r->probed, msecs_to_jiffies(2000))) {
			/*
			 * The boot reached the rproc-virtio device, whose probe
			 * mainline's remoteproc core does not wait for: its
			 * failure leaves the core up without its vdev.  The
			 * sites beyond are the kernel's virtio and rpmsg
			 * drivers', whose errors nobody sees (and rpmsg_ctrl's
			 * probe error path WARNs: a device without release()).
			 * The next boot must still work.
			 */
			rproc_shutdown(r->rproc);
			rt_boot(test, r);
			failnth_stop(test, &s, "the rproc-virtio probe (the core ignores it)");
		}
		rt_echo(test, r, 8000 + s.n, 1);
		rproc_shutdown(r->rproc);
	}
	/* Asleep before the next test counts the IOMMU's power cycles. */
	KUNIT_EXPECT_TRUE(test, rt_wait_suspended(r->dev));
}

static void rt_failnth_boot_ipu(struct kunit *test)
{
	rt_failnth_boot_one(test, RT_IPU, "rproc_boot ipu");
}

static void rt_failnth_boot_dsp(struct kunit *test)
{
	rt_failnth_boot_one(test, RT_DSP, "rproc_boot dsp");
}

/* ------------------------------------------------------- the DMA layer -- */

/* The layer's fixed areas, on the core's device while it is off. */
static void rt_dma_fixed(struct kunit *test)
{
	struct rt_rproc *r = rt_get(test, RT_IPU);
	const u32 in_window = r->win_base + 0x100000, outside = 0x90000000, len = 0x10000;
	struct iommu_domain *domain = socmmu_dma_domain(r->dev);
	struct socmmu_dma_info before, after;
	struct model_bus_result res = {};
	iommu_fault_handler_t saved_handler;
	void *saved_token, *va, *va2, *busy_va;
	dma_addr_t handles[64], busy;
	phys_addr_t pa, pa2;
	unsigned int i;
	u32 word;

	KUNIT_ASSERT_NOT_NULL(test, domain);
	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(r->dev, &before), 0);
	KUNIT_ASSERT_EQ(test, pm_runtime_resume_and_get(r->dev), 0);

	/* In the window: mapped where asked, and no DMA-API buffer comes there. */
	KUNIT_ASSERT_EQ(test, socmmu_dma_alloc_fixed(r->dev, in_window, len, &va, &pa), 0);
	KUNIT_ASSERT_EQ(test, socmmu_dma_alloc_fixed(r->dev, outside, len, &va2, &pa2), 0);
	memset(va, 0x5c, len);
	KUNIT_EXPECT_EQ(test, rproc_model_read(r->model, 0, in_window + 0x100, &word, 4, &res),
			MODEL_BUS_OK);
	KUNIT_EXPECT_EQ(test, res.phys, (u64)pa + 0x100);
	KUNIT_EXPECT_EQ(test, word, 0x5c5c5c5cu);
	KUNIT_EXPECT_EQ(test, rproc_model_read(r->model, 0, outside + len - 4, &word, 4, &res),
			MODEL_BUS_OK);
	KUNIT_EXPECT_EQ(test, res.phys, (u64)pa2 + len - 4);
	for (i = 0; i < ARRAY_SIZE(handles); i++) {
		void *cpu = dma_alloc_coherent(r->dev, 0x10000, &handles[i], GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, cpu);
		KUNIT_EXPECT_FALSE(test, rt_overlaps(handles[i], 0x10000, in_window, len));
		dma_free_coherent(r->dev, 0x10000, cpu, handles[i]);
	}
	/* Where a DMA-API buffer is, or another fixed area: refused, nothing left. */
	busy_va = dma_alloc_coherent(r->dev, PAGE_SIZE, &busy, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, busy_va);
	KUNIT_EXPECT_EQ(test, socmmu_dma_alloc_fixed(r->dev, busy, PAGE_SIZE, &va2, &pa2), -EBUSY);
	dma_free_coherent(r->dev, PAGE_SIZE, busy_va, busy);
	KUNIT_EXPECT_NE(test, socmmu_dma_alloc_fixed(r->dev, outside + PAGE_SIZE, PAGE_SIZE,
						     &busy_va, &pa2), 0);
	KUNIT_EXPECT_EQ(test, socmmu_dma_alloc_fixed(r->dev, outside + 1, PAGE_SIZE, &busy_va,
						     &pa2), -EINVAL);

	/* Freed: unmapped before the call returns. */
	socmmu_dma_free_fixed(r->dev, in_window, len, va);
	socmmu_dma_free_fixed(r->dev, outside, len, va2);
	KUNIT_EXPECT_EQ(test, (u64)iommu_iova_to_phys(domain, in_window), 0ull);
	KUNIT_EXPECT_EQ(test, (u64)iommu_iova_to_phys(domain, outside), 0ull);
	saved_handler = domain->handler;
	saved_token = domain->handler_token;
	atomic_set(&rt_faults.count, 0);
	iommu_set_fault_handler(domain, rt_count_fault, NULL);
	rt_expect_fault(test, r, in_window);
	rt_expect_fault(test, r, outside);
	iommu_set_fault_handler(domain, saved_handler, saved_token);
	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(r->dev, &after), 0);
	KUNIT_EXPECT_EQ(test, after.mapped_bytes, before.mapped_bytes);
	/* The area is the window's again. */
	KUNIT_ASSERT_EQ(test, socmmu_dma_alloc_fixed(r->dev, in_window, len, &va, &pa), 0);
	socmmu_dma_free_fixed(r->dev, in_window, len, va);
	pm_runtime_mark_last_busy(r->dev);
	pm_runtime_put_autosuspend(r->dev);
}

/*
 * Declared memory: every buffer at the block's IOVA plus its offset in the
 * block, aligned to its size rounded up to a power of two (the DMA API's
 * promise: 192 KiB on 256 KiB, past the small ones).
 */
static void rt_dma_declared(struct kunit *test)
{
	struct rt_rproc *r = rt_get(test, RT_IPU);
	const size_t sizes[] = { 100, PAGE_SIZE, 3 * PAGE_SIZE, 0x10000, 1, 5000, 0x30000 };
	struct iommu_domain *domain = socmmu_dma_domain(r->dev);
	struct socmmu_dma_declared decl, again;
	struct model_bus_result res = {};
	iommu_fault_handler_t saved_handler;
	dma_addr_t handles[ARRAY_SIZE(sizes)];
	void *cpus[ARRAY_SIZE(sizes)], *saved_token;
	unsigned int i;
	u32 word;

	KUNIT_ASSERT_EQ(test, pm_runtime_resume_and_get(r->dev), 0);
	KUNIT_ASSERT_EQ(test, socmmu_dma_declare_coherent(r->dev, 0x80000, &decl), 0);
	KUNIT_EXPECT_EQ(test, socmmu_dma_declare_coherent(r->dev, 0x80000, &again), -EBUSY);
	KUNIT_EXPECT_TRUE(test, rt_in_window(r, decl.iova, decl.size));
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t align = roundup_pow_of_two(PAGE_ALIGN(sizes[i]));

		cpus[i] = dma_alloc_coherent(r->dev, sizes[i], &handles[i], GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, cpus[i]);
		KUNIT_EXPECT_EQ_MSG(test, handles[i] & (align - 1), 0, "%zu bytes at %pad",
				    sizes[i], &handles[i]);
		KUNIT_EXPECT_PTR_EQ(test, cpus[i], decl.cpu_addr + (handles[i] - decl.iova));
		KUNIT_EXPECT_GE(test, handles[i], decl.iova);
		KUNIT_EXPECT_LE(test, handles[i] + sizes[i], decl.iova + decl.size);
		memset(cpus[i], 0x30 + i, sizes[i]);
		/* The device finds it at phys + (iova - phys): one offset for all. */
		KUNIT_EXPECT_EQ(test, rproc_model_read(r->model, 0, handles[i], &word, 1, &res),
				MODEL_BUS_OK);
		KUNIT_EXPECT_EQ(test, res.phys, (u64)decl.phys + (handles[i] - decl.iova));
		KUNIT_EXPECT_EQ(test, word & 0xff, 0x30u + i);
	}
	KUNIT_EXPECT_EQ(test, socmmu_dma_release_coherent(r->dev), -EBUSY);
	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		dma_free_coherent(r->dev, sizes[i], cpus[i], handles[i]);
	KUNIT_EXPECT_EQ(test, socmmu_dma_release_coherent(r->dev), 0);
	KUNIT_EXPECT_EQ(test, (u64)iommu_iova_to_phys(domain, decl.iova), 0ull);
	saved_handler = domain->handler;
	saved_token = domain->handler_token;
	atomic_set(&rt_faults.count, 0);
	iommu_set_fault_handler(domain, rt_count_fault, NULL);
	rt_expect_fault(test, r, decl.iova);
	iommu_set_fault_handler(domain, saved_handler, saved_token);
	/* The ops are the layer's own again. */
	cpus[0] = dma_alloc_coherent(r->dev, PAGE_SIZE, &handles[0], GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cpus[0]);
	dma_free_coherent(r->dev, PAGE_SIZE, cpus[0], handles[0]);
	pm_runtime_mark_last_busy(r->dev);
	pm_runtime_put_autosuspend(r->dev);
}

/* ------------------------------------------------------------- suites -- */

static struct kunit_case rt_dma_cases[] = {
	KUNIT_CASE(rt_dma_fixed),
	KUNIT_CASE(rt_dma_declared),
	{}
};

static struct kunit_suite rt_dma_suite = {
	.name = "socmmu_rproc_dma",
	.suite_init = rt_suite_init,
	.suite_exit = rt_suite_exit,
	.exit = rt_case_exit,
	.test_cases = rt_dma_cases,
};

static struct kunit_case rt_boot_cases[] = {
	KUNIT_CASE(rt_boot_checks_image),
	KUNIT_CASE(rt_fixed_at_address),
	KUNIT_CASE(rt_echo_exact),
	KUNIT_CASE(rt_buffers_in_window),
	KUNIT_CASE(rt_shutdown_unmaps),
	{}
};

static struct kunit_suite rt_boot_suite = {
	.name = "socmmu_rproc_boot",
	.suite_init = rt_suite_init,
	.suite_exit = rt_suite_exit,
	.exit = rt_case_exit,
	.test_cases = rt_boot_cases,
};

static struct kunit_case rt_bad_fw_cases[] = {
	KUNIT_CASE_PARAM(rt_bad_firmware, rt_bad_fw_gen_params),
	{}
};

static struct kunit_suite rt_bad_fw_suite = {
	.name = "socmmu_rproc_bad_fw",
	.suite_init = rt_suite_init,
	.suite_exit = rt_suite_exit,
	.exit = rt_case_exit,
	.test_cases = rt_bad_fw_cases,
};

static struct kunit_case rt_recovery_cases[] = {
	KUNIT_CASE(rt_fault_recovers),
	{}
};

static struct kunit_suite rt_recovery_suite = {
	.name = "socmmu_rproc_recovery",
	.suite_init = rt_suite_init,
	.suite_exit = rt_suite_exit,
	.exit = rt_case_exit,
	.test_cases = rt_recovery_cases,
};

static struct kunit_case rt_pm_cases[] = {
	KUNIT_CASE(rt_autosuspend),
	KUNIT_CASE(rt_busy_core_stays_up),
	{}
};

static struct kunit_suite rt_pm_suite = {
	.name = "socmmu_rproc_pm",
	.suite_init = rt_suite_init,
	.suite_exit = rt_suite_exit,
	.exit = rt_case_exit,
	.test_cases = rt_pm_cases,
};

/* Allocation failure at every site of a boot (make faultinject: all). */
static struct kunit_case rt_failnth_cases[] = {
	KUNIT_CASE(rt_failnth_boot_ipu),
	KUNIT_CASE(rt_failnth_boot_dsp),
	{}
};

static struct kunit_suite rt_failnth_suite = {
	.name = "socmmu_rproc_failnth",
	.suite_init = rt_suite_init,
	.suite_exit = rt_suite_exit,
	.exit = rt_case_exit,
	.test_cases = rt_failnth_cases,
};

kunit_test_suites(&rt_dma_suite, &rt_boot_suite, &rt_bad_fw_suite, &rt_recovery_suite,
		  &rt_pm_suite, &rt_failnth_suite);

static int __init rt_init(void)
{
	return 0;
}
module_init(rt_init);

/*
 * The cores' devices go: their IOMMU driver can then be unloaded.  The
 * driver lets go first, while the device still has its DMA layer and PM
 * domain: deleting a device takes those away (BUS_NOTIFY_DEL_DEVICE)
 * before a driver still bound would be told.
 */
static void __exit rt_exit(void)
{
	int i;

	for (i = 0; i < RT_NR; i++) {
		struct device_node *np = of_find_node_by_path(rt[i].path);
		struct platform_device *pdev = np ? of_find_device_by_node(np) : NULL;

		if (pdev) {
			device_release_driver(&pdev->dev);
			of_platform_device_destroy(&pdev->dev, NULL);
			put_device(&pdev->dev);
		}
		of_node_put(np);
	}
}
module_exit(rt_exit);

MODULE_DESCRIPTION("socmmu: KUnit suites for the simulated remote processor's driver");
MODULE_LICENSE("GPL");
