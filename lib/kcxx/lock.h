/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks, mutexes, their guards, and Locked<T>, which keeps data reachable
 * only with its lock held.
 *
 * Every lock names its lockdep class where it is constructed:
 *
 *	kcxx::SpinLock lock_{KCXX_LOCK_CLASS("omap_iommu.lock")};
 *
 * KCXX_LOCK_CLASS places one static lock_class_key at each place it is
 * written, which is what spin_lock_init() and mutex_init() do in C: locks
 * from different sites are different classes, so lockdep can check the
 * order between them.
 */
#ifndef KCXX_LOCK_H
#define KCXX_LOCK_H

#include <kcxx/utility.h>
#include <shim/lock.h>

namespace kcxx {

/* Zero-initialised static storage: no constructor, so no global ctor. */
struct LockClassKey {
	kx_lock_class_key key;
};

struct LockClass {
	const char *name;
	LockClassKey *key;
};

/*
 * The key and the name (a string literal) are statics of the lambda: one
 * object each per place the macro is written, also when that place is a
 * header inlined into several C++ files of a module, where a bare literal
 * may be one copy per file and lockdep WARNs when one key comes with two
 * name pointers.
 */
#define KCXX_LOCK_CLASS(name)                                                   \
	([]() -> ::kcxx::LockClass {                                            \
		static constexpr char kcxx_lock_class_name_[] = name;           \
		static ::kcxx::LockClassKey kcxx_lock_class_key_;               \
		return { kcxx_lock_class_name_, &kcxx_lock_class_key_ };        \
	}())

class SpinLock : Pinned {
public:
	explicit SpinLock(LockClass cls) { kx_spin_lock_init(&lock_, cls.name, &cls.key->key); }

	void lock() { kx_spin_lock(&lock_); }
	void unlock() { kx_spin_unlock(&lock_); }
	[[nodiscard]] unsigned long lock_irqsave() { return kx_spin_lock_irqsave(&lock_); }
	void unlock_irqrestore(unsigned long flags) { kx_spin_unlock_irqrestore(&lock_, flags); }
	bool is_locked() { return kx_spin_is_locked(&lock_); }
	void assert_held() { kx_spin_assert_held(&lock_); }
	/* The lockdep class key, or nullptr without lockdep; for tests. */
	const void *lockdep_class() { return kx_spin_lock_class(&lock_); }

private:
	kx_spinlock lock_;
};

class Mutex : Pinned {
public:
	explicit Mutex(LockClass cls) { kx_mutex_init(&mutex_, cls.name, &cls.key->key); }
	~Mutex() { kx_mutex_destroy(&mutex_); }

	void lock() { kx_mutex_lock(&mutex_); }
	[[nodiscard]] bool try_lock() { return kx_mutex_trylock(&mutex_); }
	void unlock() { kx_mutex_unlock(&mutex_); }
	bool is_locked() { return kx_mutex_is_locked(&mutex_); }
	void assert_held() { kx_mutex_assert_held(&mutex_); }

private:
	kx_mutex mutex_;
};

/* Holds a SpinLock or Mutex for its lifetime. */
template <typename Lock> class [[nodiscard]] Guard : Pinned {
public:
	[[nodiscard]] explicit Guard(Lock &lock) : lock_(lock) { lock_.lock(); }
	~Guard() { lock_.unlock(); }

private:
	Lock &lock_;
};

/* Holds a SpinLock with local interrupts off, for data an IRQ handler shares. */
class [[nodiscard]] IrqSaveGuard : Pinned {
public:
	[[nodiscard]] explicit IrqSaveGuard(SpinLock &lock) : lock_(lock), flags_(lock.lock_irqsave()) {}
	~IrqSaveGuard() { lock_.unlock_irqrestore(flags_); }

private:
	SpinLock &lock_;
	unsigned long flags_;
};

/*
 * Data that is reachable only with its lock held:
 *
 *	kcxx::Locked<Stats> stats_{KCXX_LOCK_CLASS("stats")};
 *	stats_.with([](Stats &s) { s.faults++; });
 */
template <typename T, typename Lock = SpinLock> class Locked : Pinned {
public:
	template <typename... Args>
	explicit Locked(LockClass cls, Args &&...args) : lock_(cls), data_(forward<Args>(args)...)
	{
	}

	template <typename F> decltype(auto) with(F &&function)
	{
		Guard<Lock> guard(lock_);
		return function(data_);
	}

	/* A guard that also gives access: valid while it lives. */
	class [[nodiscard]] Access : Pinned {
	public:
		explicit Access(Locked &owner) : guard_(owner.lock_), data_(owner.data_) {}
		T *operator->() { return &data_; }
		T &operator*() { return data_; }

	private:
		Guard<Lock> guard_;
		T &data_;
	};

	[[nodiscard]] Access lock() { return Access(*this); }

	/* For lockdep assertions and tests; never to reach the data. */
	Lock &raw_lock() { return lock_; }

private:
	Lock lock_;
	T data_;
};

} // namespace kcxx

#endif
