/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The SMP stress suite (kunit/smp/): the page-table engine and the IOVA
 * allocator driven from two CPUs at once.  The cases are C++
 * (smp_stress_test.cpp); the threads, the device and the suite table are
 * C (smp_suites.c).
 */
#ifndef SOCMMU_SMP_STRESS_H
#define SOCMMU_SMP_STRESS_H

#include <shim/base.h>

struct device;
struct kunit;

KX_BEGIN_DECLS

/*
 * Runs @work(@ctx, 0) and @work(@ctx, 1) in two kernel threads bound to
 * two different online CPUs, released together once both are running,
 * and returns when both have finished.  -ENODEV with fewer than two
 * online CPUs, -ENOMEM or another errno when a thread cannot be made
 * (then @work ran nowhere).
 */
int smp_stress_on_two_cpus(void (*work)(void *ctx, unsigned int worker), void *ctx) KX_NOEXCEPT;

/* The CPU the caller runs on (it may move at once: for reports only). */
unsigned int smp_stress_cpu(void) KX_NOEXCEPT;

/* A monotonic clock, for the workers' deadline. */
u64 smp_stress_now_ns(void) KX_NOEXCEPT;

/* Give the CPU to whoever waits for it, in long loops of a preemptible kernel or not. */
void smp_stress_yield(void) KX_NOEXCEPT;

/* A line of the case's log (kunit_info()): what the case measured. */
KX_PRINTF(2, 3) void smp_stress_info(struct kunit *test, const char *fmt, ...) KX_NOEXCEPT;

/* The running case's stand-in for the IOMMU: a platform device, 32-bit DMA mask. */
struct device *smp_stress_device(void) KX_NOEXCEPT;

void smp_pgtable_shared_l2(struct kunit *test);
void smp_pgtable_shared_l2_v7s(struct kunit *test);
void smp_pgtable_one_l2_runs(struct kunit *test);
void smp_iova_cross_cpu(struct kunit *test);
void smp_iova_and_table(struct kunit *test);

KX_END_DECLS

#endif
