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
 * C only: the suites that sweep are C, and current->fail_nth is a kernel
 * field.
 */
#ifndef SOCMMU_KUNIT_FAILNTH_H
#define SOCMMU_KUNIT_FAILNTH_H

#include <kunit/test.h>
#include <linux/moduleparam.h>
#include <linux/sched.h>

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

#endif
