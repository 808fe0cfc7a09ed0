// SPDX-License-Identifier: GPL-2.0
#include <kcxx/new.h>

#include "../kcxx_test.h"
#include "support_tests.h"
#include "tracked.h"

using kcxx::test::Tracked;

namespace {

struct Shape {
	virtual ~Shape() = default;
	virtual int corners() const = 0;
};

int squares_destroyed;

struct Square final : Shape {
	~Square() override { squares_destroyed++; }
	int corners() const override { return 4; }
};

} // namespace

void runtime_new_nothrow_constructs(struct kunit *test)
{
	Tracked::reset_counts();
	Tracked *t = new (std::nothrow) Tracked(3);

	KX_ASSERT_TRUE(test, t != nullptr);
	KX_EXPECT_EQ(test, t->value, 3);
	KX_EXPECT_EQ(test, Tracked::constructed, 1);
	delete t;
	KX_EXPECT_EQ(test, Tracked::destroyed, 1);
}

void runtime_new_array_constructs_each(struct kunit *test)
{
	Tracked::reset_counts();
	Tracked *array = new (std::nothrow) Tracked[5];

	KX_ASSERT_TRUE(test, array != nullptr);
	KX_EXPECT_EQ(test, Tracked::constructed, 5);
	array[4].value = 11;
	delete[] array;
	KX_EXPECT_EQ(test, Tracked::destroyed, 5);
}

void runtime_new_nothrow_fails_cleanly(struct kunit *test)
{
	Tracked::reset_counts();
	size_t count = kcxx::test::opaque(~size_t{0} / (2 * sizeof(Tracked)));
	Tracked *array = new (std::nothrow) Tracked[count];

	KX_EXPECT_TRUE(test, array == nullptr);
	/* No memory, so no element may have been constructed. */
	KX_EXPECT_EQ(test, Tracked::constructed, 0);
	delete[] array;
}

void runtime_virtual_dispatch_and_delete(struct kunit *test)
{
	squares_destroyed = 0;
	Shape *shape = new (std::nothrow) Square;

	KX_ASSERT_TRUE(test, shape != nullptr);
	KX_EXPECT_EQ(test, kcxx::test::opaque(shape)->corners(), 4);
	delete shape;
	KX_EXPECT_EQ(test, squares_destroyed, 1);
}
