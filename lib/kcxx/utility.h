/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The few pieces of <utility> and <type_traits> we need, written out because
 * there is no libstdc++ in the kernel.
 */
#ifndef KCXX_UTILITY_H
#define KCXX_UTILITY_H

#include <kcxx/types.h>

namespace kcxx {

template <typename T> struct remove_reference { using type = T; };
template <typename T> struct remove_reference<T &> { using type = T; };
template <typename T> struct remove_reference<T &&> { using type = T; };
template <typename T> using remove_reference_t = typename remove_reference<T>::type;

template <typename A, typename B> inline constexpr bool is_same_v = false;
template <typename A> inline constexpr bool is_same_v<A, A> = true;

/* Keeps a parameter out of template argument deduction. */
template <typename T> struct type_identity { using type = T; };
template <typename T> using type_identity_t = typename type_identity<T>::type;

template <typename T> inline constexpr bool is_pointer_v = false;
template <typename T> inline constexpr bool is_pointer_v<T *> = true;
template <typename T> inline constexpr bool is_pointer_v<T *const> = true;

template <typename T> inline constexpr bool is_lvalue_reference_v = false;
template <typename T> inline constexpr bool is_lvalue_reference_v<T &> = true;

template <typename T>
constexpr remove_reference_t<T> &&move(T &&value) noexcept
{
	return static_cast<remove_reference_t<T> &&>(value);
}

template <typename T>
constexpr T &&forward(remove_reference_t<T> &value) noexcept
{
	return static_cast<T &&>(value);
}

template <typename T>
constexpr T &&forward(remove_reference_t<T> &&value) noexcept
{
	static_assert(!is_lvalue_reference_v<T>, "forwarding an rvalue as an lvalue");
	return static_cast<T &&>(value);
}

template <typename T, typename U = T>
constexpr T exchange(T &object, U &&new_value) noexcept
{
	T old = move(object);
	object = forward<U>(new_value);
	return old;
}

template <typename T>
constexpr void swap(T &a, T &b) noexcept
{
	T tmp = move(a);
	a = move(b);
	b = move(tmp);
}

template <typename T>
constexpr const T &min(const T &a, const T &b) noexcept
{
	return b < a ? b : a;
}

template <typename T>
constexpr const T &max(const T &a, const T &b) noexcept
{
	return a < b ? b : a;
}

/* Non-copyable, non-movable base for objects with identity (locks, devices). */
class Pinned {
protected:
	constexpr Pinned() = default;
	~Pinned() = default;

public:
	Pinned(const Pinned &) = delete;
	Pinned &operator=(const Pinned &) = delete;
};

} // namespace kcxx

#endif
