// SPDX-License-Identifier: GPL-2.0
#include <kcxx/lock.h>
#include <kcxx/owner.h>

#include "../kcxx_test.h"
#include "support_tests.h"
#include "tracked.h"

using namespace kcxx;
using kcxx::test::Tracked;

namespace {

int base_destroyed;
int derived_destroyed;

struct Base {
	virtual ~Base() { base_destroyed++; }
	virtual int kind() const { return 1; }
};

struct Derived : Base {
	~Derived() override { derived_destroyed++; }
	int kind() const override { return 2; }
};

} // namespace

void owner_constructs_and_destroys(struct kunit *test)
{
	Tracked::reset_counts();
	{
		auto r = make_owned<Tracked>(7);

		KX_ASSERT_OK(test, r);
		KX_EXPECT_EQ(test, r.value()->value, 7);
		KX_EXPECT_EQ(test, (*r.value()).value, 7);
		KX_EXPECT_EQ(test, Tracked::constructed, 1);
		KX_EXPECT_EQ(test, Tracked::destroyed, 0);
	}
	KX_EXPECT_EQ(test, Tracked::destroyed, 1);
}

void owner_release_and_reset(struct kunit *test)
{
	Tracked::reset_counts();
	Owner<Tracked> owner = move(make_owned<Tracked>(1)).value();
	Tracked *raw = owner.release();

	KX_EXPECT_FALSE(test, static_cast<bool>(owner));
	KX_EXPECT_EQ(test, Tracked::destroyed, 0);

	/* Ownership back, then replaced: the old object goes at once. */
	owner.reset(raw);
	owner.reset(new (std::nothrow) Tracked(2));
	KX_EXPECT_EQ(test, Tracked::destroyed, 1);
	KX_ASSERT_TRUE(test, static_cast<bool>(owner));
	KX_EXPECT_EQ(test, owner->value, 2);
	owner.reset();
	KX_EXPECT_EQ(test, Tracked::destroyed, 2);
	KX_EXPECT_EQ(test, Tracked::constructed, 2);
}

void owner_move_transfers(struct kunit *test)
{
	Tracked::reset_counts();
	{
		Owner<Tracked> a = move(make_owned<Tracked>(3)).value();
		Tracked *object = a.get();
		Owner<Tracked> b = move(a);

		KX_EXPECT_EQ(test, a.get(), static_cast<Tracked *>(nullptr));
		KX_EXPECT_EQ(test, b.get(), object);

		Owner<Tracked> c;
		c = move(b);
		KX_EXPECT_EQ(test, c.get(), object);
		KX_EXPECT_EQ(test, Tracked::destroyed, 0);
	}
	KX_EXPECT_EQ(test, Tracked::constructed, 1);
	KX_EXPECT_EQ(test, Tracked::destroyed, 1);
}

void owner_deletes_through_base(struct kunit *test)
{
	base_destroyed = 0;
	derived_destroyed = 0;
	{
		Owner<Base> base = move(make_owned<Derived>()).value();

		KX_EXPECT_EQ(test, base->kind(), 2);
	}
	KX_EXPECT_EQ(test, derived_destroyed, 1);
	KX_EXPECT_EQ(test, base_destroyed, 1);
}

void owner_atomic_allocation(struct kunit *test)
{
	SpinLock lock{KCXX_LOCK_CLASS("kcxx_test.atomic_alloc")};

	Tracked::reset_counts();
	{
		/* Interrupts off and a spinlock held: GFP_ATOMIC territory. */
		IrqSaveGuard guard(lock);
		auto r = make_owned_atomic<Tracked>(9);

		KX_EXPECT_TRUE(test, r.ok());
		if (r.ok())
			KX_EXPECT_EQ(test, r.value()->value, 9);
	}
	KX_EXPECT_EQ(test, Tracked::destroyed, Tracked::constructed);
}

void owned_array_zeroed_and_sized(struct kunit *test)
{
	auto r = OwnedArray<u32>::create(16);

	KX_ASSERT_OK(test, r);
	OwnedArray<u32> array = move(r).value();
	KX_EXPECT_EQ(test, array.size(), size_t{16});

	u32 sum = 0;
	for (u32 word : array)
		sum |= word;
	KX_EXPECT_EQ(test, sum, 0u);

	array[15] = 0xdeadbeef;
	KX_EXPECT_EQ(test, array.data()[15], 0xdeadbeefu);

	OwnedArray<u32> moved = move(array);
	KX_EXPECT_EQ(test, moved.size(), size_t{16});
	KX_EXPECT_EQ(test, array.size(), size_t{0});
	KX_EXPECT_EQ(test, moved[15], 0xdeadbeefu);
}

void owned_array_rejects_impossible_sizes(struct kunit *test)
{
	size_t overflowing = kcxx::test::opaque(~size_t{0} / 2);
	size_t too_large = kcxx::test::opaque(~size_t{0} / 16);

	KX_EXPECT_EQ(test, OwnedArray<u64>::create(overflowing).to_errno(), -EOVERFLOW);
	KX_EXPECT_EQ(test, OwnedArray<u8>::create(too_large).to_errno(), -ENOMEM);
}
