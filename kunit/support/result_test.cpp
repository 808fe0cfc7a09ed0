// SPDX-License-Identifier: GPL-2.0
#include <kcxx/owner.h>
#include <kcxx/result.h>

#include "../kcxx_test.h"
#include "support_tests.h"
#include "tracked.h"

using namespace kcxx;
using kcxx::test::Tracked;

namespace {

int side_effects;

Result<int> parse_positive(int value)
{
	if (value <= 0)
		return Error(-EINVAL);
	return value;
}

/* Doubles a parsed value; must stop at the first failing step. */
Result<int> parse_and_double(int value)
{
	int parsed = KCXX_TRY(parse_positive(value));

	side_effects++;
	return parsed * 2;
}

Result<void> step_that_fails_with(int err)
{
	if (err)
		return Error(err);
	return {};
}

Result<void> two_steps(int first_err, int second_err)
{
	KCXX_TRY(step_that_fails_with(first_err));
	side_effects++;
	KCXX_TRY(step_that_fails_with(second_err));
	side_effects++;
	return {};
}

} // namespace

void result_holds_value(struct kunit *test)
{
	Result<int> r = 42;

	KX_EXPECT_TRUE(test, r.ok());
	KX_EXPECT_TRUE(test, static_cast<bool>(r));
	KX_EXPECT_EQ(test, r.value(), 42);
	KX_EXPECT_EQ(test, r.to_errno(), 0);
	KX_EXPECT_EQ(test, Result<int>(Error(-EIO)).value_or(7), 7);
}

void result_holds_error(struct kunit *test)
{
	Result<int> r = Error(-EINVAL);
	Result<void> v = Error(-EBUSY);

	KX_EXPECT_FALSE(test, r.ok());
	KX_EXPECT_EQ(test, r.error().to_errno(), -EINVAL);
	KX_EXPECT_EQ(test, r.to_errno(), -EINVAL);
	KX_EXPECT_FALSE(test, v.ok());
	KX_EXPECT_EQ(test, v.to_errno(), -EBUSY);
	KX_EXPECT_EQ(test, Result<void>().to_errno(), 0);
}

void result_try_propagates_error(struct kunit *test)
{
	side_effects = 0;
	Result<int> r = parse_and_double(-3);

	KX_EXPECT_EQ(test, r.to_errno(), -EINVAL);
	KX_EXPECT_EQ(test, side_effects, 0);

	side_effects = 0;
	KX_EXPECT_EQ(test, two_steps(0, -ENOSPC).to_errno(), -ENOSPC);
	KX_EXPECT_EQ(test, side_effects, 1);

	side_effects = 0;
	KX_EXPECT_EQ(test, two_steps(-ENOMEM, 0).to_errno(), -ENOMEM);
	KX_EXPECT_EQ(test, side_effects, 0);
}

void result_try_yields_value(struct kunit *test)
{
	side_effects = 0;
	Result<int> r = parse_and_double(21);

	KX_ASSERT_OK(test, r);
	KX_EXPECT_EQ(test, r.value(), 42);
	KX_EXPECT_EQ(test, side_effects, 1);
	KX_EXPECT_TRUE(test, two_steps(0, 0).ok());
	KX_EXPECT_EQ(test, side_effects, 3);
}

void result_from_errno(struct kunit *test)
{
	KX_EXPECT_EQ(test, from_errno(-ENOMEM).to_errno(), -ENOMEM);
	KX_EXPECT_TRUE(test, from_errno(0).ok());
	/* Positive returns (byte counts, IRQ numbers) are success too. */
	KX_EXPECT_TRUE(test, from_errno(5).ok());
}

void result_err_ptr_round_trip(struct kunit *test)
{
	int object = 1;
	int *encoded = err_ptr<int>(Error(-EBUSY));

	KX_EXPECT_TRUE(test, is_err_ptr(encoded));
	KX_EXPECT_EQ(test, from_err_ptr(encoded).to_errno(), -EBUSY);

	Result<int *> plain = from_err_ptr(&object);
	KX_ASSERT_OK(test, plain);
	KX_EXPECT_EQ(test, plain.value(), &object);

	/* NULL is not an error, as for IS_ERR(). */
	Result<int *> null = from_err_ptr(static_cast<int *>(nullptr));
	KX_ASSERT_OK(test, null);
	KX_EXPECT_EQ(test, null.value(), static_cast<int *>(nullptr));

	KX_EXPECT_EQ(test, to_err_ptr(Result<int *>(Error(-EIO))), err_ptr<int>(Error(-EIO)));
	KX_EXPECT_EQ(test, to_err_ptr(Result<int *>(&object)), &object);

	/* The boundary: the top MAX_ERRNO addresses, and not one more. */
	KX_EXPECT_TRUE(test, is_err_ptr(reinterpret_cast<int *>(-static_cast<intptr_t>(MAX_ERRNO))));
	KX_EXPECT_FALSE(test, is_err_ptr(reinterpret_cast<int *>(-static_cast<intptr_t>(MAX_ERRNO) - 1)));
}

void result_owns_move_only_value(struct kunit *test)
{
	Tracked::reset_counts();
	{
		Result<Owner<Tracked>> r = make_owned<Tracked>(5);

		KX_ASSERT_OK(test, r);
		KX_EXPECT_EQ(test, r.value()->value, 5);
		Owner<Tracked> taken = move(r).value();
		KX_EXPECT_EQ(test, taken->value, 5);
		KX_EXPECT_EQ(test, Tracked::destroyed, 0);
	}
	/* One object, destroyed exactly once, by whoever held it last. */
	KX_EXPECT_EQ(test, Tracked::constructed, 1);
	KX_EXPECT_EQ(test, Tracked::destroyed, 1);
}
