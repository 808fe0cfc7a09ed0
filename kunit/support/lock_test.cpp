// SPDX-License-Identifier: GPL-2.0
#include <kcxx/lock.h>
#include <kcxx/percpu.h>

#include "../kcxx_test.h"
#include "support_tests.h"

using namespace kcxx;

namespace {

/* Two locks of one role: constructed at one site, so one lockdep class. */
struct Instance {
	SpinLock lock{KCXX_LOCK_CLASS("kcxx_test.instance")};
};

struct Counter {
	int value = 0;
	bool lock_was_held = false;
};

} // namespace

void lock_spin_guard_holds_lock(struct kunit *test)
{
	SpinLock lock{KCXX_LOCK_CLASS("kcxx_test.spin")};

	KX_EXPECT_FALSE(test, lock.is_locked());
	{
		Guard<SpinLock> guard(lock);

		KX_EXPECT_TRUE(test, lock.is_locked());
		lock.assert_held();
	}
	KX_EXPECT_FALSE(test, lock.is_locked());
}

void lock_irqsave_guard_masks_irqs(struct kunit *test)
{
	SpinLock lock{KCXX_LOCK_CLASS("kcxx_test.irqsave")};
	bool before = kx_irqs_disabled();

	{
		IrqSaveGuard guard(lock);

		KX_EXPECT_TRUE(test, lock.is_locked());
		KX_EXPECT_TRUE(test, kx_irqs_disabled());
	}
	KX_EXPECT_FALSE(test, lock.is_locked());
	KX_EXPECT_EQ(test, kx_irqs_disabled(), before);
}

void lock_mutex_guard_and_trylock(struct kunit *test)
{
	Mutex mutex{KCXX_LOCK_CLASS("kcxx_test.mutex")};

	{
		Guard<Mutex> guard(mutex);

		KX_EXPECT_TRUE(test, mutex.is_locked());
		mutex.assert_held();
	}
	KX_EXPECT_FALSE(test, mutex.is_locked());
	KX_ASSERT_TRUE(test, mutex.try_lock());
	KX_EXPECT_TRUE(test, mutex.is_locked());
	mutex.unlock();
	KX_EXPECT_FALSE(test, mutex.is_locked());
}

void lock_locked_data_only_under_lock(struct kunit *test)
{
	Locked<Counter> counter{KCXX_LOCK_CLASS("kcxx_test.locked")};

	int seen = counter.with([](Counter &c) {
		c.value++;
		return c.value;
	});
	KX_EXPECT_EQ(test, seen, 1);

	counter.with([&counter](Counter &c) { c.lock_was_held = counter.raw_lock().is_locked(); });
	{
		auto access = counter.lock();

		KX_EXPECT_TRUE(test, access->lock_was_held);
		KX_EXPECT_TRUE(test, counter.raw_lock().is_locked());
		access->value += 10;
	}
	KX_EXPECT_FALSE(test, counter.raw_lock().is_locked());
	KX_EXPECT_EQ(test, counter.with([](Counter &c) { return c.value; }), 11);

	Locked<Counter, Mutex> guarded{KCXX_LOCK_CLASS("kcxx_test.locked_mutex")};
	guarded.with([&guarded](Counter &c) { c.lock_was_held = guarded.raw_lock().is_locked(); });
	KX_EXPECT_TRUE(test, guarded.lock()->lock_was_held);
}

void lock_class_per_init_site(struct kunit *test)
{
	SpinLock a{KCXX_LOCK_CLASS("kcxx_test.site_a")};
	SpinLock b{KCXX_LOCK_CLASS("kcxx_test.site_b")};
	Instance first, second;

	if (!a.lockdep_class())
		kx_kunit_skip(test, "lockdep is off in this kernel");
	KX_EXPECT_NE(test, a.lockdep_class(), b.lockdep_class());
	KX_EXPECT_EQ(test, first.lock.lockdep_class(), second.lock.lockdep_class());
	KX_EXPECT_NE(test, first.lock.lockdep_class(), a.lockdep_class());
}

void lock_nesting_two_classes(struct kunit *test)
{
	/*
	 * Outer then inner, as a domain lock and an instance lock nest.  Were
	 * both one lockdep class, lockdep would report recursive locking and
	 * `make check` would fail on the splat.
	 */
	Mutex outer{KCXX_LOCK_CLASS("kcxx_test.outer")};
	SpinLock inner{KCXX_LOCK_CLASS("kcxx_test.inner")};
	SpinLock innermost{KCXX_LOCK_CLASS("kcxx_test.innermost")};

	Guard<Mutex> g1(outer);
	IrqSaveGuard g2(inner);
	Guard<SpinLock> g3(innermost);

	KX_EXPECT_TRUE(test, outer.is_locked());
	KX_EXPECT_TRUE(test, inner.is_locked());
	KX_EXPECT_TRUE(test, innermost.is_locked());
}

namespace {

/* A per-CPU object under its own lock, which is not its first member. */
struct PerCpuSlot {
	explicit PerCpuSlot(LockClass cls) : lock(cls) {}

	u64 before_lock = 0;
	SpinLock lock;
};

} // namespace

/*
 * PerCpu::lock_local_irqsave(): this CPU's copy, its lock (at the offset
 * given) held and interrupts off, all restored by unlock_irqrestore().
 */
void lock_percpu_local_irqsave(struct kunit *test)
{
	auto slots = PerCpu<PerCpuSlot>::create(KCXX_LOCK_CLASS("kcxx_test.percpu"));
	const bool before = kx_irqs_disabled();
	unsigned long flags;

	KX_ASSERT_TRUE(test, slots.ok());
	PerCpuSlot *mine = slots.value().lock_local_irqsave(__builtin_offsetof(PerCpuSlot, lock),
							     &flags);
	KX_EXPECT_TRUE(test, kx_irqs_disabled());
	KX_EXPECT_TRUE(test, mine->lock.is_locked());
	mine->lock.assert_held();
	/* Interrupts off: the caller cannot move, raw_local() is this copy. */
	KX_EXPECT_TRUE(test, slots.value().raw_local() == mine);
	KX_EXPECT_EQ(test, mine->before_lock, 0u);
	mine->lock.unlock_irqrestore(flags);
	KX_EXPECT_FALSE(test, mine->lock.is_locked());
	KX_EXPECT_EQ(test, kx_irqs_disabled(), before);
}
