/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Result<T>: a value or a negative errno, in place of exceptions.
 *
 *	Result<Owner<Table>> Table::create(...);
 *
 *	Result<void> Domain::map(...)
 *	{
 *		auto table = KCXX_TRY(Table::create(...));
 *		...
 *		return {};
 *	}
 *
 * The error side is always a negative errno, so it crosses into C
 * unchanged: to_errno() for int-returning callbacks, to_err_ptr() for
 * pointer-returning ones; from_errno() and from_err_ptr() go the other way.
 */
#ifndef KCXX_RESULT_H
#define KCXX_RESULT_H

#include <kcxx/errno.h>
#include <kcxx/new.h>
#include <kcxx/utility.h>
#include <shim/log.h>

namespace kcxx {

/* A negative errno.  Constructed only from a negative value. */
class [[nodiscard]] Error {
public:
	constexpr explicit Error(int negative_errno) : errno_(negative_errno)
	{
		if (negative_errno >= 0 || negative_errno < -MAX_ERRNO)
			kx_warn(__FILE__, __LINE__, "kcxx::Error from a value that is not a negative errno");
	}

	constexpr int to_errno() const { return errno_; }

private:
	int errno_;
};

template <typename T> class [[nodiscard]] Result {
public:
	using value_type = T;

	Result(const T &value) : has_value_(true) { new (&value_) T(value); }
	Result(T &&value) : has_value_(true) { new (&value_) T(move(value)); }
	constexpr Result(Error error) : error_(error.to_errno()), has_value_(false) {}

	Result(const Result &other) : has_value_(other.has_value_)
	{
		if (has_value_)
			new (&value_) T(other.value_);
		else
			error_ = other.error_;
	}

	Result(Result &&other) : has_value_(other.has_value_)
	{
		if (has_value_)
			new (&value_) T(move(other.value_));
		else
			error_ = other.error_;
	}

	Result &operator=(Result other)
	{
		destroy();
		has_value_ = other.has_value_;
		if (has_value_)
			new (&value_) T(move(other.value_));
		else
			error_ = other.error_;
		return *this;
	}

	~Result() { destroy(); }

	constexpr bool ok() const { return has_value_; }
	constexpr explicit operator bool() const { return has_value_; }

	/* The negative errno.  Only valid when !ok(). */
	constexpr Error error() const
	{
		check(!has_value_, "error() on a Result that holds a value");
		return Error(error_);
	}

	/* 0 on success, the negative errno otherwise. */
	constexpr int to_errno() const { return has_value_ ? 0 : error_; }

	T &value() &
	{
		check(has_value_, "value() on a Result that holds an error");
		return value_;
	}

	const T &value() const &
	{
		check(has_value_, "value() on a Result that holds an error");
		return value_;
	}

	T value() &&
	{
		check(has_value_, "value() on a Result that holds an error");
		return move(value_);
	}

	T value_or(T fallback) const & { return has_value_ ? value_ : fallback; }

private:
	static constexpr void check(bool condition, const char *what)
	{
		if (!condition)
			kx_bug(__FILE__, __LINE__, what);
	}

	void destroy()
	{
		if (has_value_)
			value_.~T();
	}

	union {
		T value_;
		int error_;
	};
	bool has_value_;
};

template <> class [[nodiscard]] Result<void> {
public:
	using value_type = void;

	constexpr Result() : error_(0) {}
	constexpr Result(Error error) : error_(error.to_errno()) {}

	constexpr bool ok() const { return error_ == 0; }
	constexpr explicit operator bool() const { return ok(); }

	constexpr Error error() const
	{
		if (ok())
			kx_bug(__FILE__, __LINE__, "error() on a successful Result");
		return Error(error_);
	}

	constexpr int to_errno() const { return error_; }

	/* For KCXX_TRY, which takes the value of whatever it unwraps. */
	constexpr void value() const {}

private:
	int error_;
};

/* A kernel return convention (0 or positive on success) into a Result. */
constexpr Result<void> from_errno(int ret)
{
	if (ret < 0)
		return Error(ret);
	return {};
}

/* Pointers that encode an errno, as ERR_PTR() makes them. */
template <typename T> constexpr bool is_err_ptr(const T *ptr)
{
	return reinterpret_cast<uintptr_t>(ptr) >= static_cast<uintptr_t>(-MAX_ERRNO);
}

template <typename T> constexpr T *err_ptr(Error error)
{
	return reinterpret_cast<T *>(static_cast<intptr_t>(error.to_errno()));
}

/* ERR_PTR() convention into a Result; NULL is a value, as for IS_ERR(). */
template <typename T> Result<T *> from_err_ptr(T *ptr)
{
	if (is_err_ptr(ptr))
		return Error(static_cast<int>(reinterpret_cast<intptr_t>(ptr)));
	return ptr;
}

/* A Result into the ERR_PTR() convention. */
template <typename T> T *to_err_ptr(const Result<T *> &result)
{
	if (!result.ok())
		return err_ptr<T>(result.error());
	return result.value();
}

} // namespace kcxx

/*
 * Evaluate a Result; on error return its errno from the enclosing function
 * (which must return a Result or an Error), otherwise yield the value.
 */
#define KCXX_TRY(...)                                                   \
	({                                                              \
		auto kcxx_try_result_ = (__VA_ARGS__);                  \
		if (!kcxx_try_result_.ok())                             \
			return kcxx_try_result_.error();                \
		::kcxx::move(kcxx_try_result_).value();                 \
	})

#endif
