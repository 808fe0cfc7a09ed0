/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Owner<T>: sole ownership of one heap object, freed with kfree() through
 * operator delete when the Owner goes away.  OwnedArray<T>: the same for a
 * zeroed array of trivially constructible elements.
 *
 * Construction that can fail returns a Result, so an Owner never holds a
 * half-built object:
 *
 *	auto table = KCXX_TRY(kcxx::make_owned<Table>(format));
 */
#ifndef KCXX_OWNER_H
#define KCXX_OWNER_H

#include <kcxx/new.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>
#include <shim/alloc.h>

namespace kcxx {

enum class AllocContext {
	Sleepable = KX_ALLOC_SLEEPABLE,
	Atomic = KX_ALLOC_ATOMIC,
};

template <typename T> class Owner {
public:
	constexpr Owner() = default;
	constexpr Owner(nullptr_t) {}
	/* Takes ownership of an object allocated with operator new. */
	constexpr explicit Owner(T *ptr) : ptr_(ptr) {}

	Owner(const Owner &) = delete;
	Owner &operator=(const Owner &) = delete;

	constexpr Owner(Owner &&other) : ptr_(other.release()) {}

	/* Converting move, e.g. Owner<Derived> into Owner<Base>. */
	template <typename U> constexpr Owner(Owner<U> &&other) : ptr_(other.release()) {}

	Owner &operator=(Owner &&other)
	{
		reset(other.release());
		return *this;
	}

	~Owner() { reset(); }

	T *get() const { return ptr_; }
	T *operator->() const { return ptr_; }
	T &operator*() const { return *ptr_; }
	explicit operator bool() const { return ptr_ != nullptr; }

	/* Gives up ownership without freeing; the caller now owns the object. */
	[[nodiscard]] T *release() { return exchange(ptr_, nullptr); }

	void reset(T *ptr = nullptr)
	{
		T *old = exchange(ptr_, ptr);
		delete old;
	}

private:
	T *ptr_ = nullptr;
};

template <typename T, typename... Args>
Result<Owner<T>> make_owned(Args &&...args)
{
	T *ptr = new (std::nothrow) T(forward<Args>(args)...);

	if (!ptr)
		return Error(-ENOMEM);
	return Owner<T>(ptr);
}

/* make_owned() for callers that cannot sleep (GFP_ATOMIC). */
template <typename T, typename... Args>
Result<Owner<T>> make_owned_atomic(Args &&...args)
{
	void *memory = kx_kmalloc(sizeof(T), KX_ALLOC_ATOMIC, false);

	static_assert(alignof(T) <= alignof(u64), "kmalloc guarantees 8-byte alignment only");
	if (!memory)
		return Error(-ENOMEM);
	return Owner<T>(new (memory) T(forward<Args>(args)...));
}

/* A zeroed heap array of trivially constructible elements (kcalloc). */
template <typename T> class OwnedArray {
	static_assert(__is_trivial(T),
		      "OwnedArray holds plain data only");

public:
	constexpr OwnedArray() = default;

	static Result<OwnedArray> create(size_t count, AllocContext context = AllocContext::Sleepable)
	{
		size_t bytes;

		if (__builtin_mul_overflow(count, sizeof(T), &bytes))
			return Error(-EOVERFLOW);
		void *memory = kx_kmalloc(bytes, static_cast<kx_alloc_context>(context), true);
		if (!memory)
			return Error(-ENOMEM);
		return OwnedArray(static_cast<T *>(memory), count);
	}

	OwnedArray(const OwnedArray &) = delete;
	OwnedArray &operator=(const OwnedArray &) = delete;

	OwnedArray(OwnedArray &&other)
		: data_(exchange(other.data_, nullptr)), size_(exchange(other.size_, size_t{0}))
	{
	}

	OwnedArray &operator=(OwnedArray &&other)
	{
		kx_kfree(data_);
		data_ = exchange(other.data_, nullptr);
		size_ = exchange(other.size_, size_t{0});
		return *this;
	}

	~OwnedArray() { kx_kfree(data_); }

	size_t size() const { return size_; }
	T *data() const { return data_; }
	T *begin() const { return data_; }
	T *end() const { return data_ + size_; }

	/* Index checked: an out-of-range index is a bug, not memory corruption. */
	T &operator[](size_t index) const
	{
		if (index >= size_)
			kx_bug(__FILE__, __LINE__, "OwnedArray index out of range");
		return data_[index];
	}

private:
	OwnedArray(T *data, size_t size) : data_(data), size_(size) {}

	T *data_ = nullptr;
	size_t size_ = 0;
};

} // namespace kcxx

#endif
