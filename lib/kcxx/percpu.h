/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PerCpu<T>: one T on every possible CPU, in per-CPU storage it owns.
 *
 *	auto caches = KCXX_TRY(kcxx::PerCpu<Cache>::create(KCXX_LOCK_CLASS("x.cache")));
 *	Cache *mine = caches.raw_local();	// under Cache's own lock
 *	caches.for_each([](unsigned int cpu, Cache &c) { ... });
 *
 * Every copy is constructed with the same arguments by placement new, and
 * destroyed with the PerCpu.  T's constructor must not fail (nothing can
 * be reported from it); the storage starts zeroed.
 */
#ifndef KCXX_PERCPU_H
#define KCXX_PERCPU_H

#include <kcxx/new.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>
#include <shim/percpu.h>

namespace kcxx {

template <typename T> class PerCpu {
public:
	constexpr PerCpu() = default;

	/* Allocation may sleep. */
	template <typename... Args> static Result<PerCpu> create(Args &&...args)
	{
		kx_percpu *area = kx_percpu_alloc(sizeof(T), alignof(T));

		if (!area)
			return Error(-ENOMEM);
		PerCpu percpu(area);
		percpu.for_each([&](unsigned int, T &slot) { new (&slot) T(args...); });
		return percpu;
	}

	PerCpu(const PerCpu &) = delete;
	PerCpu &operator=(const PerCpu &) = delete;

	PerCpu(PerCpu &&other) : area_(exchange(other.area_, nullptr)) {}

	PerCpu &operator=(PerCpu &&other)
	{
		destroy();
		area_ = exchange(other.area_, nullptr);
		return *this;
	}

	~PerCpu() { destroy(); }

	explicit operator bool() const { return area_ != nullptr; }

	T *on(unsigned int cpu) const { return static_cast<T *>(kx_percpu_ptr(area_, cpu)); }

	/*
	 * The copy of the CPU the caller runs on, which it may leave at once:
	 * for a T that any CPU may use under T's own lock.
	 */
	T *raw_local() const { return static_cast<T *>(kx_percpu_raw_ptr(area_)); }

	/*
	 * This CPU's copy with its spinlock at @lock_offset held and local
	 * interrupts off, in one call into the kernel: release it with that
	 * lock's unlock_irqrestore(*@flags).
	 */
	T *lock_local_irqsave(size_t lock_offset, unsigned long *flags) const
	{
		return static_cast<T *>(kx_percpu_lock_irqsave(area_, lock_offset, flags));
	}

	/* This CPU's copy with preemption off, for as long as the Local lives. */
	class [[nodiscard]] Local : Pinned {
	public:
		explicit Local(const PerCpu &percpu)
			: ptr_(static_cast<T *>(kx_percpu_get(percpu.area_)))
		{
		}
		~Local() { kx_percpu_put(); }
		T *operator->() const { return ptr_; }
		T &operator*() const { return *ptr_; }

	private:
		T *ptr_;
	};

	[[nodiscard]] Local local() const { return Local(*this); }

	/* @function(cpu, copy) for every possible CPU. */
	template <typename F> void for_each(F &&function) const
	{
		const unsigned int end = kx_nr_cpu_ids();

		for (unsigned int cpu = kx_cpu_first(); cpu < end; cpu = kx_cpu_next(cpu))
			function(cpu, *on(cpu));
	}

private:
	explicit PerCpu(kx_percpu *area) : area_(area) {}

	void destroy()
	{
		if (!area_)
			return;
		for_each([](unsigned int, T &slot) { slot.~T(); });
		kx_percpu_free(exchange(area_, nullptr));
	}

	kx_percpu *area_ = nullptr;
};

} // namespace kcxx

#endif
