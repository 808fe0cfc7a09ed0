// SPDX-License-Identifier: GPL-2.0
/*
 * Device-side abuse for every driver's suite (bench_storm.h).
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/iommu.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/string.h>

#include "../../iommu/core/socmmu_iommu.h"
#include "bench_storm.h"
#include "iommu_bench.h"

/*
 * Interrupts one fault may take before its master must have been let go:
 * a retried access that faults again (MSM) takes one each, up to the
 * driver's retry limit.
 */
#define IB_IRQS_PER_FAULT	16
/* The fault log's rate limit (platform_shim.c): so many lines per interval. */
#define IB_LOG_BURST		DEFAULT_RATELIMIT_BURST
#define IB_LOG_INTERVAL_NS	((u64)DEFAULT_RATELIMIT_INTERVAL * (NSEC_PER_SEC / HZ))

static int ib_abuse_fault(struct iommu_domain *domain, struct device *dev, unsigned long iova,
			  int flags, void *token)
{
	struct ib_abuse *a = token;

	a->faults.count++;
	if (dev != a->client)
		a->faults.wrong_dev++;
	if (flags != a->faults.want_flags)
		a->faults.wrong_flags++;
	a->faults.iova = iova;
	a->faults.flags = flags;
	return a->faults.ret;
}

static void ib_abuse_handler(struct ib_abuse *a, int ret, int want_flags)
{
	memset(&a->faults, 0, sizeof(a->faults));
	a->faults.ret = ret;
	a->faults.want_flags = want_flags;
	iommu_set_fault_handler(a->domain, ib_abuse_fault, a);
}

static void ib_abuse_stats(struct kunit *test, struct ib_abuse *a, struct socmmu_iommu_stats *s)
{
	KUNIT_ASSERT_EQ(test, socmmu_iommu_get_stats(a->iommu, s), 0);
}

/*
 * The interrupt controller delivers the fault's interrupt; a stalled
 * master waits for the driver.  False if it still waits after every
 * interrupt the fault may take: the bus is wedged.
 */
static bool ib_deliver(struct ib_abuse *a)
{
	unsigned int i;

	for (i = 0; i < IB_IRQS_PER_FAULT; i++) {
		if (!model_bus_irq_now(&a->bus, false) && !model_bus_stalled(&a->bus))
			return true;
	}
	return !model_bus_stalled(&a->bus);
}

/* DMA to and from the mapped page through the master, checked from the CPU. */
static bool ib_expect_dma_works(struct kunit *test, struct ib_abuse *a, const char *when)
{
	struct model_bus_result res;
	u8 out[64], in[64];
	unsigned int i;
	int wrote, read;

	for (i = 0; i < sizeof(out); i++)
		out[i] = (u8)(0x5a ^ i ^ a->faults.count);
	KUNIT_EXPECT_EQ_MSG(test, iommu_iova_to_phys(a->domain, a->mapped),
			    virt_to_phys(a->mapped_cpu), "%s: the mapping moved", when);
	KUNIT_EXPECT_EQ_MSG(test, iommu_iova_to_phys(a->domain, a->hole), 0,
			    "%s: the hole translates", when);
	wrote = model_bus_write(&a->bus, a->mapped + 128, out, sizeof(out), &res);
	KUNIT_EXPECT_EQ_MSG(test, wrote, MODEL_BUS_OK, "%s: DMA write to the mapped page", when);
	KUNIT_EXPECT_EQ_MSG(test, res.phys, virt_to_phys(a->mapped_cpu) + 128,
			    "%s: DMA went elsewhere", when);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(a->mapped_cpu + 128, out, sizeof(out)), 0,
			    "%s: the CPU does not see the DMA write", when);
	memset(in, 0, sizeof(in));
	read = model_bus_read(&a->bus, a->mapped + 128, in, sizeof(in), &res);
	KUNIT_EXPECT_EQ_MSG(test, read, MODEL_BUS_OK, "%s: DMA read of the mapped page", when);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(in, out, sizeof(in)), 0, "%s: DMA read wrong data",
			    when);
	return wrote == MODEL_BUS_OK && read == MODEL_BUS_OK && !memcmp(in, out, sizeof(in)) &&
	       !memcmp(a->mapped_cpu + 128, out, sizeof(out)) &&
	       iommu_iova_to_phys(a->domain, a->mapped) == virt_to_phys(a->mapped_cpu);
}

/* No fault left behind: the line is low, the master goes on. */
static void ib_expect_quiet(struct kunit *test, struct ib_abuse *a, const char *when)
{
	struct model_bus_stats before, after;

	KUNIT_EXPECT_FALSE_MSG(test, model_bus_stalled(&a->bus), "%s: the master waits", when);
	model_bus_stats(&a->bus, &before);
	/* Five ticks: the models' irq_work would deliver a line left asserted. */
	msleep(50);
	KUNIT_EXPECT_EQ_MSG(test, model_bus_irq_now(&a->bus, false), 0,
			    "%s: an interrupt is still asserted", when);
	model_bus_stats(&a->bus, &after);
	KUNIT_EXPECT_EQ_MSG(test, after.irqs, before.irqs, "%s: interrupts went on", when);
}

/**
 * ib_storm() - a master that faults as fast as it can
 * @test: the case
 * @a: the client, domain and master
 * @transfers: faulting transfers to make
 * @write: writes, else reads
 * @handler_ret: what the domain's fault handler returns (0: handled)
 */
void ib_storm(struct kunit *test, struct ib_abuse *a, unsigned int transfers, bool write,
	      int handler_ret)
{
	const unsigned int pages = max_t(u64, a->hole_size >> PAGE_SHIFT, 1);
	struct socmmu_iommu_stats s0, s1;
	struct model_bus_stats m0, m1;
	struct model_bus_result res;
	unsigned int i, wedged = 0, completed = 0;
	u64 last = 0, ns, faults, unhandled, lines, dropped, allowed, taken, rate;
	bool dma_ok;
	u64 t0;
	u8 buf[8] = { 0xde, 0xad };

	ib_abuse_handler(a, handler_ret, write ? a->write_flags : IOMMU_FAULT_READ);
	ib_abuse_stats(test, a, &s0);
	model_bus_stats(&a->bus, &m0);
	t0 = ktime_get_ns();
	for (i = 0; i < transfers; i++) {
		/* A new page and offset each time: no TLB or fault register to hide behind. */
		u64 iova = a->hole + ((u64)(i % pages) << PAGE_SHIFT) + (i * 8) % PAGE_SIZE;
		int status = write ? model_bus_write(&a->bus, iova, buf, sizeof(buf), &res)
				   : model_bus_read(&a->bus, iova, buf, sizeof(buf), &res);

		if (status == MODEL_BUS_OK) {
			completed++;
			continue;
		}
		last = iova;
		if (!ib_deliver(a)) {
			wedged = i + 1;
			break;
		}
		if (!(i % 64))
			cond_resched();
	}
	ns = ktime_get_ns() - t0;
	/* What a driver that took one fault late would still take. */
	ib_deliver(a);
	ib_abuse_stats(test, a, &s1);
	model_bus_stats(&a->bus, &m1);

	faults = s1.faults - s0.faults;
	unhandled = s1.unhandled_faults - s0.unhandled_faults;
	lines = s1.fault_lines - s0.fault_lines;
	dropped = s1.fault_lines_dropped - s0.fault_lines_dropped;
	taken = m1.faults - m0.faults;
	rate = ns ? div64_u64(taken * NSEC_PER_SEC, ns) : 0;

	KUNIT_EXPECT_EQ_MSG(test, wedged, 0, "the master stayed stalled after transfer %u", wedged);
	KUNIT_EXPECT_EQ(test, completed, 0);
	KUNIT_EXPECT_GE(test, taken, (u64)transfers);
	/* Every fault the hardware recorded was taken, once, and reported, once. */
	KUNIT_EXPECT_EQ(test, faults, taken);
	KUNIT_EXPECT_EQ(test, (u64)a->faults.count, faults);
	KUNIT_EXPECT_EQ(test, a->faults.wrong_dev, 0);
	KUNIT_EXPECT_EQ(test, a->faults.wrong_flags, 0);
	KUNIT_EXPECT_EQ(test, a->faults.iova, (unsigned long)last);
	KUNIT_EXPECT_EQ(test, m1.off_accesses, m0.off_accesses);
	if (handler_ret) {
		/*
		 * Each unhandled fault is a line, printed or dropped; the
		 * printed ones within the rate limit: a burst per interval the
		 * storm touched (the first may have begun before it).
		 */
		allowed = IB_LOG_BURST * (div64_u64(ns, IB_LOG_INTERVAL_NS) + 2);
		KUNIT_EXPECT_EQ(test, unhandled, faults);
		KUNIT_EXPECT_EQ(test, lines + dropped, unhandled);
		KUNIT_EXPECT_LE_MSG(test, lines, allowed, "%llu lines in %llu ms", lines,
				    div_u64(ns, NSEC_PER_MSEC));
	} else {
		KUNIT_EXPECT_EQ(test, unhandled, 0);
		KUNIT_EXPECT_EQ(test, lines + dropped, 0);
	}
	ib_expect_quiet(test, a, "after the storm");
	dma_ok = ib_expect_dma_works(test, a, "after the storm");
	iommu_set_fault_handler(a->domain, NULL, NULL);
	/* For `make storm` (scripts/storm.sh), whatever the checks said. */
	kunit_info(test,
		   "storm: %s: %u transfers, %llu faults raised, %u irqs, %llu faults handled, %llu unhandled, %llu resumed, %llu terminated, %llu lines logged, %llu dropped, %llu ms, %llu faults/s, %s, DMA afterwards %s\n",
		   model_bus_name(&a->bus), i, taken, m1.irqs - m0.irqs, faults, unhandled,
		   s1.resumed - s0.resumed, s1.terminated - s0.terminated, lines, dropped,
		   div_u64(ns, NSEC_PER_MSEC), rate, wedged ? "master wedged" : "master free",
		   dma_ok ? "ok" : "FAILED");
}
EXPORT_SYMBOL_GPL(ib_storm);

static void ib_irqs_enable(struct device *iommu, bool on)
{
	struct platform_device *pdev = to_platform_device(iommu);
	int i, n = platform_irq_count(pdev);

	for (i = 0; i < n; i++) {
		int irq = platform_get_irq(pdev, i);

		if (irq <= 0)
			continue;
		if (on)
			enable_irq(irq);
		else
			disable_irq(irq);
	}
}

static bool ib_iommu_suspended(void *dev, long unused)
{
	return pm_runtime_status_suspended(dev);
}

/**
 * ib_fault_at_suspend() - a fault pending as the IOMMU suspends
 * @test: the case
 * @a: the client, domain and master; the case holds the client's runtime PM
 * @sleep: by the system-sleep stand-in, else by runtime PM
 */
void ib_fault_at_suspend(struct kunit *test, struct ib_abuse *a, bool sleep)
{
	struct socmmu_iommu_stats s0, s1;
	struct model_bus_stats m0, m1;
	struct model_bus_result res;
	u8 buf[8];
	int ret;

	/* Refused: one fault (a retried one would fault again on MSM), its master terminated. */
	ib_abuse_handler(a, -EFAULT, IOMMU_FAULT_READ);
	ib_abuse_stats(test, a, &s0);
	/* The interrupt is raised but not yet delivered, as on a busy CPU. */
	ib_irqs_enable(a->iommu, false);
	KUNIT_EXPECT_NE(test, model_bus_read(&a->bus, a->hole + 0x40, buf, sizeof(buf), &res),
			MODEL_BUS_OK);
	KUNIT_EXPECT_EQ(test, a->faults.count, 0);
	model_bus_stats(&a->bus, &m0);

	if (sleep) {
		ret = ib_sleep_suspend(a->bench, a->client_index);
	} else {
		ib_pm_put(a->bench, a->client);
		ret = ib_poll(ib_iommu_suspended, a->iommu, 0) ? 0 : -ETIMEDOUT;
	}
	ib_irqs_enable(a->iommu, true);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "the IOMMU did not suspend");
	KUNIT_EXPECT_TRUE(test, pm_runtime_status_suspended(a->iommu));

	/* Reported before power went, with what the hardware recorded. */
	KUNIT_EXPECT_EQ(test, a->faults.count, 1);
	KUNIT_EXPECT_EQ(test, a->faults.iova, (unsigned long)(a->hole + 0x40));
	KUNIT_EXPECT_EQ(test, a->faults.wrong_dev, 0);
	ib_abuse_stats(test, a, &s1);
	KUNIT_EXPECT_EQ(test, s1.suspend_faults - s0.suspend_faults, 1);
	KUNIT_EXPECT_EQ(test, s1.faults - s0.faults, 1);
	KUNIT_EXPECT_FALSE(test, model_bus_stalled(&a->bus));

	/* An interrupt on the shared line now: not ours, and nothing is read. */
	KUNIT_EXPECT_GE(test, model_bus_irq_now(&a->bus, true), 1);
	KUNIT_EXPECT_EQ(test, a->faults.count, 1);
	model_bus_stats(&a->bus, &m1);
	KUNIT_EXPECT_EQ(test, m1.off_accesses, m0.off_accesses);

	ret = sleep ? ib_sleep_resume(a->bench, a->client_index) : ib_pm_get(a->bench, a->client);
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_EXPECT_FALSE(test, pm_runtime_status_suspended(a->iommu));
	ib_expect_quiet(test, a, "after resume");
	ib_expect_dma_works(test, a, "after resume");
	/* The next fault is the next one reported. */
	KUNIT_EXPECT_NE(test, model_bus_read(&a->bus, a->hole + 0x80, buf, sizeof(buf), &res),
			MODEL_BUS_OK);
	KUNIT_EXPECT_TRUE(test, ib_deliver(a));
	KUNIT_EXPECT_EQ(test, a->faults.count, 2);
	KUNIT_EXPECT_EQ(test, a->faults.iova, (unsigned long)(a->hole + 0x80));
	model_bus_stats(&a->bus, &m1);
	KUNIT_EXPECT_EQ(test, m1.off_accesses, m0.off_accesses);
	iommu_set_fault_handler(a->domain, NULL, NULL);
}
EXPORT_SYMBOL_GPL(ib_fault_at_suspend);

/**
 * ib_readonly_write() - a write to a read-only page
 * @test: the case
 * @a: the client, domain and master
 * @ro_iova: a 4 KiB page mapped IOMMU_READ only ...
 * @ro_cpu: ... to this memory
 */
void ib_readonly_write(struct kunit *test, struct ib_abuse *a, u64 ro_iova, u8 *ro_cpu)
{
	struct socmmu_iommu_stats s0, s1;
	struct model_bus_result res;
	u8 out[64], in[64];

	memset(ro_cpu, 0x5a, PAGE_SIZE);
	memset(out, 0xa5, sizeof(out));
	ib_abuse_handler(a, 0, IOMMU_FAULT_WRITE);
	ib_abuse_stats(test, a, &s0);

	KUNIT_EXPECT_NE(test, model_bus_write(&a->bus, ro_iova + 0x100, out, sizeof(out), &res),
			MODEL_BUS_OK);
	KUNIT_EXPECT_EQ(test, res.fault_addr, ro_iova + 0x100);
	KUNIT_EXPECT_TRUE(test, ib_deliver(a));
	/* Not a byte reached memory. */
	KUNIT_EXPECT_NULL(test, memchr_inv(ro_cpu, 0x5a, PAGE_SIZE));
	KUNIT_EXPECT_GE(test, a->faults.count, 1);
	KUNIT_EXPECT_EQ(test, a->faults.iova, (unsigned long)(ro_iova + 0x100));
	KUNIT_EXPECT_EQ(test, a->faults.flags, IOMMU_FAULT_WRITE);
	KUNIT_EXPECT_EQ(test, a->faults.wrong_flags, 0);
	KUNIT_EXPECT_EQ(test, a->faults.wrong_dev, 0);
	ib_abuse_stats(test, a, &s1);
	KUNIT_EXPECT_EQ(test, s1.faults - s0.faults, (u64)a->faults.count);
	KUNIT_EXPECT_EQ(test, s1.unhandled_faults, s0.unhandled_faults);
	ib_expect_quiet(test, a, "after the refused write");

	/* Reads of the page still work, and the mapping is what it was. */
	memset(in, 0, sizeof(in));
	KUNIT_EXPECT_EQ(test, model_bus_read(&a->bus, ro_iova + 0x100, in, sizeof(in), &res),
			MODEL_BUS_OK);
	KUNIT_EXPECT_NULL(test, memchr_inv(in, 0x5a, sizeof(in)));
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(a->domain, ro_iova), virt_to_phys(ro_cpu));
	ib_expect_dma_works(test, a, "after the refused write");
	iommu_set_fault_handler(a->domain, NULL, NULL);
}
EXPORT_SYMBOL_GPL(ib_readonly_write);
