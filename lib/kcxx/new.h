/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Allocation functions.  Only the non-throwing forms exist: a plain `new T`
 * refers to operator new(size_t), which nobody defines, so it fails to link
 * (modpost reports it) instead of pretending it cannot fail.  Prefer
 * kcxx::make_owned(), which returns a Result.
 */
#ifndef KCXX_NEW_H
#define KCXX_NEW_H

#include <kcxx/types.h>

namespace std {
struct nothrow_t {
	explicit nothrow_t() = default;
};
inline constexpr nothrow_t nothrow{};

} // namespace std

/* Defined in lib/runtime.cpp, exported by socmmu_core. */
void *operator new(size_t size, const std::nothrow_t &) noexcept;
void *operator new[](size_t size, const std::nothrow_t &) noexcept;
void operator delete(void *ptr) noexcept;
void operator delete(void *ptr, size_t size) noexcept;
void operator delete[](void *ptr) noexcept;
void operator delete[](void *ptr, size_t size) noexcept;

/* Placement forms. */
inline void *operator new(size_t, void *where) noexcept
{
	return where;
}

inline void *operator new[](size_t, void *where) noexcept
{
	return where;
}

inline void operator delete(void *, void *) noexcept
{
}

inline void operator delete[](void *, void *) noexcept
{
}

#endif
