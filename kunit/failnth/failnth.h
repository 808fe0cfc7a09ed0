/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Allocation failure at every site, with the kernel's own fault injection:
 * a sweep arms the running task's fail-nth (what
 * /proc/self/task/<tid>/fail-nth sets) to 1, 2, ... N before one call, so
 * that the Nth fault point that call reaches (a slab or page allocation,
 * with failslab and fail_page_alloc counting sleeping allocations too:
 * kunit/failnth/setup.sh) fails, until a call reaches fewer than N.  Each
 * failed call must return a clean errno, leave nothing mapped, leak
 * nothing (kmemleak, at the run's end) and not stop the next call from
 * working; the suites check that.  Documentation/testing.rst, "Allocation
 * failure at every site".
 *
 * The sweeps every driver's suite runs (domain allocation, attach,
 * map_pages, the DMA layer's calls, probe) are socmmu_failnth's
 * (failnth.c): a suite describes its IOMMU instances' own walk
 * (struct failnth_walker) and its bench (struct failnth_bench), the
 * sweep does the rest.  So is the number of sites a sweep fails
 * (failnth_limit(), the module's "limit" parameter): a module parameter
 * of the suites' own modules is not set yet when 6.1 runs their suites.
 *
 * C only: the suites that sweep are C, and current->fail_nth is a kernel
 * field.
 */
#ifndef SOCMMU_KUNIT_FAILNTH_H
#define SOCMMU_KUNIT_FAILNTH_H

#include <kunit/test.h>
#include <linux/sched.h>
#include <linux/sizes.h>

struct device;
struct iommu_domain;

/* A sweep that never ends is a call that allocates without bound: fail it. */
#define FAILNTH_MAX_SITES 400

struct failnth_sweep {
	const char *name;
	unsigned int limit;	/* sites to fail before stopping; 0: all */
	unsigned int n;		/* the fault point armed now, from 1 */
	unsigned int runs;	/* calls made under injection */
	unsigned int failed;	/* of which returned an error */
	bool done;
};

static inline bool failnth_available(void)
{
	return IS_ENABLED(CONFIG_FAULT_INJECTION);
}

/* The next call's @n-th fault point fails (this task only). */
static inline void failnth_arm(unsigned int n)
{
#ifdef CONFIG_FAULT_INJECTION
	WRITE_ONCE(current->fail_nth, n);
#endif
}

/*
 * Disarms; true when the armed fault point was reached (and so failed):
 * fail_nth counts down to 0 at it.  A call that never got that far leaves
 * it above 0: the call completed with nothing failed.
 */
static inline bool failnth_disarm(void)
{
#ifdef CONFIG_FAULT_INJECTION
	unsigned int left = READ_ONCE(current->fail_nth);

	WRITE_ONCE(current->fail_nth, 0);
	return left == 0;
#else
	return false;
#endif
}

/* Sites each sweep fails: `make check` 3, `make faultinject` 0 (all). */
unsigned int failnth_limit(void);

/*
 * for (failnth_begin(&s, ...); failnth_next(test, &s);) {
 *	failnth_arm(s.n); ret = call(); hit = failnth_disarm(); ...
 *	failnth_ran(&s, hit, ret != 0);
 * }
 */
static inline void failnth_begin(struct failnth_sweep *s, const char *name, unsigned int limit)
{
	*s = (struct failnth_sweep){ .name = name, .limit = limit };
}

static inline bool failnth_next(struct kunit *test, struct failnth_sweep *s)
{
	if (s->done)
		return false;
	if (s->n >= FAILNTH_MAX_SITES) {
		KUNIT_FAIL(test, "%s: still failing at fault point %u: no end", s->name, s->n);
		return false;
	}
	if (s->limit && s->n >= s->limit) {
		/* The bounded sweep of `make check`: report what it covered. */
		kunit_info(test, "failnth: %s: %u sites (first %u only), %u runs, %u failed\n",
			   s->name, s->n, s->limit, s->runs, s->failed);
		return false;
	}
	s->n++;
	return true;
}

/*
 * Records one call: @hit, the armed point was reached; @failed, the call
 * returned an error.  A call that reached no armed point ends the sweep;
 * one that returned an error without reaching it failed by itself.
 */
static inline void failnth_ran(struct kunit *test, struct failnth_sweep *s, bool hit, bool failed)
{
	s->runs++;
	s->failed += failed;
	if (failed && !hit)
		KUNIT_FAIL(test, "%s: failed at run %u with no injected failure", s->name, s->n);
	if (!hit) {
		s->done = true;
		/* Parsed by scripts/faultinject.sh: keep the format. */
		kunit_info(test, "failnth: %s: %u sites, %u runs, %u failed\n",
			   s->name, s->n - 1, s->runs, s->failed);
	}
}

/*
 * Ends the sweep at site @s->n, which was reached, for @why: what lies
 * beyond is not the code under test (the report says where it stopped).
 */
static inline void failnth_stop(struct kunit *test, struct failnth_sweep *s, const char *why)
{
	s->done = true;
	/* Parsed by scripts/faultinject.sh: keep the format. */
	kunit_info(test, "failnth: %s: %u sites, %u runs, %u failed; stopped at site %u: %s\n",
		   s->name, s->n, s->runs, s->failed, s->n, why);
}

/* ------------------------------------------ the shared sweeps (failnth.c) -- */

/*
 * The range the IOMMU sweeps map: 192 KiB across a section boundary, a
 * 64 KiB large page at the end of one section and two at the start of the
 * next, so two L2 tables are made.  The physical side is only walked,
 * never read: any 64 KiB-aligned address.
 */
#define FAILNTH_IOVA 0x200f0000u
#define FAILNTH_PA 0x9a0f0000u
#define FAILNTH_SIZE (3 * SZ_64K)

/* The IOMMU instances in front of one client, as the hardware sees them. */
struct failnth_walker {
	/*
	 * The instance @mmu's own walk of @iova: true when it translates.  A
	 * fault it takes must be over (handled, the instance resumed) when
	 * this returns.
	 */
	bool (*translates)(void *mmu, unsigned long iova);
	/* The word the device reads at @iova through @mmu; 0 or an errno. */
	int (*read)(void *mmu, unsigned long iova, u32 *val);
	void *mmu[2];
	unsigned int nr;
};

/* The driver suite's bench calls: what a case holds is given back at its end. */
struct failnth_bench {
	int (*attach)(struct iommu_domain *domain, struct device *client);
	void (*detach)(struct iommu_domain *domain, struct device *client);
	int (*client_get)(struct device *client);
	void (*client_put)(struct device *client);
};

/* kx_iommu_paging_domain_alloc() with its Nth allocation failed. */
void failnth_sweep_domain_alloc(struct kunit *test, struct device *client);
/* Attaching @domain to @client; every walker then reaches a page of it. */
void failnth_sweep_attach(struct kunit *test, struct iommu_domain *domain,
			  struct device *client, const struct failnth_bench *b,
			  const struct failnth_walker *w);
/*
 * iommu_map() of FAILNTH_IOVA, sleeping or atomic (under a spinlock), on
 * @domain, attached, its client powered and faults handled.
 */
void failnth_sweep_map(struct kunit *test, const char *name, struct iommu_domain *domain,
		       const struct failnth_walker *w, bool atomic);
int failnth_map_armed(struct iommu_domain *domain, gfp_t gfp, unsigned int n, bool *hit);
int failnth_map_armed_atomic(struct iommu_domain *domain, unsigned int n, bool *hit);

/* The DMA layer on one client (its default domain), seen through @w->mmu[0]. */
struct failnth_dma {
	struct device *dev;
	struct iommu_domain *domain;			/* the layer's (socmmu_dma_domain()) */
	u64 (*mapped_bytes)(struct device *dev);	/* what the layer has mapped */
	const struct failnth_walker *w;
};

void failnth_sweep_dma_coherent(struct kunit *test, const char *name,
				const struct failnth_dma *d, size_t len, gfp_t gfp);
void failnth_sweep_dma_map_sg(struct kunit *test, const struct failnth_dma *d,
			      unsigned int npages);
void failnth_sweep_dma_map_single(struct kunit *test, const struct failnth_dma *d);

/* The DMA layer's calls every driver's suite sweeps, the same way. */
enum failnth_dma_call {
	FAILNTH_DMA_COHERENT,		/* 72 KiB: several pages and an L2 table */
	FAILNTH_DMA_ATOMIC,		/* 16 KiB with GFP_ATOMIC */
	FAILNTH_DMA_MAP_SG,		/* 300 pages: a second L2 table at the 257th */
	FAILNTH_DMA_MAP_SINGLE,
	/*
	 * 1 MiB + 128 KiB, aligned to 1 MiB: the tail needs a second L2
	 * table after the first MiB is mapped, which a failure must take out.
	 */
	FAILNTH_DMA_COHERENT_TWO_TABLES,
};

void failnth_sweep_dma(struct kunit *test, const struct failnth_dma *d,
		       enum failnth_dma_call call);
void failnth_sweep_dma_setup(struct kunit *test, struct device *dev, unsigned int limit,
			     void (*expect_set_up)(struct kunit *test, struct device *dev,
						   unsigned int n));

/*
 * The IOMMU instance at DT @path unbound, then bound again with its Nth
 * allocation failed: each failure a clean errno and nothing of it left
 * (no driver, no instance, no IRQ, runtime PM disabled, no IOMMU in
 * sysfs), and the next probe works.  The instance stays bound.  Its
 * clients must have no driver (the sweep checks).
 */
void failnth_sweep_probe(struct kunit *test, const char *path);

#endif
