/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device-side abuse, the same for every driver (bench_storm.c): a master
 * behind an attached domain that faults thousands of times a second, a
 * fault pending while its IOMMU suspends, a write to a read-only page.
 * The master is the model bus's (kunit/model_bus): what the device does,
 * not what a driver would like it to do.  A driver's suite sets up the
 * client, domain and pages with its own shim and fills a struct ib_abuse;
 * the checks here read the framework's counters (socmmu_iommu_get_stats(),
 * what debugfs prints) and the model's.  C only.
 */
#ifndef SOCMMU_IOMMU_BENCH_STORM_H
#define SOCMMU_IOMMU_BENCH_STORM_H

#include <linux/types.h>

#include "../model_bus/model_bus.h"

struct device;
struct iommu_domain;
struct kunit;
struct ib_bench;

/* What the domain's fault handler (the bench's) saw. */
struct ib_abuse_faults {
	int ret;		/* what the handler returns: 0 handled */
	unsigned int count;
	unsigned int wrong_dev;	/* reports naming another device than the client */
	unsigned int wrong_flags;
	unsigned long iova;	/* the last report's */
	int flags;
	int want_flags;		/* the flags every report must carry */
};

/*
 * The fault handler's token while a function below runs: give it static
 * storage, so that an interrupt after a failed assertion finds no dead
 * stack.
 */
struct ib_abuse {
	/* Set by the case: @domain attached to @client, @iommu powered by it. */
	struct ib_bench *bench;
	unsigned int client_index;
	struct device *client;
	struct device *iommu;	/* the instance @bus goes through */
	struct iommu_domain *domain;
	struct model_bus_master bus;
	u64 hole;		/* an unmapped range of @hole_size bytes */
	u64 hole_size;
	u64 mapped;		/* a 4 KiB page mapped read-write ... */
	u8 *mapped_cpu;		/* ... and its CPU address */
	/*
	 * Flags the hardware reports for a write to an unmapped page
	 * (IOMMU_FAULT_READ where it cannot tell).
	 */
	int write_flags;

	/* The bench's. */
	struct ib_abuse_faults faults;
};

/*
 * A storm of @transfers faulting transfers (writes if @write) into the
 * hole, each fault's interrupt delivered at once, the fault handler
 * returning @handler_ret; then the checks (no wedged master, every fault
 * taken and reported once, the rate-limited log, no interrupt left, DMA to
 * the mapped page still right) and a "storm:" line with the numbers.
 */
void ib_storm(struct kunit *test, struct ib_abuse *a, unsigned int transfers, bool write,
	      int handler_ret);

/*
 * A fault pending (its interrupt held back) when the IOMMU suspends: by
 * runtime PM (@sleep false: the client's last reference goes) or by the
 * system-sleep stand-in (ib_sleep_suspend()).  The fault is reported
 * before power goes, nothing touches the powered-off hardware (not even
 * an interrupt on the shared line then), and after resume no fault is
 * left, the mapped page works and a new fault is reported.  The case
 * holds the client's runtime PM reference on entry and on return.
 */
void ib_fault_at_suspend(struct kunit *test, struct ib_abuse *a, bool sleep);

/*
 * A write through the master to @ro_iova, mapped read-only to @ro_cpu:
 * refused (memory unchanged), reported with IOMMU_FAULT_WRITE, handled,
 * and reads of the page still work.
 */
void ib_readonly_write(struct kunit *test, struct ib_abuse *a, u64 ro_iova, u8 *ro_cpu);

#endif
