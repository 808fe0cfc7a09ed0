// SPDX-License-Identifier: GPL-2.0
/*
 * Spinlocks and mutexes for C++.  Every lock is initialised with the lockdep
 * class key of its C++ initialisation site (see KCXX_LOCK_CLASS), so
 * lockdep keeps locks of different roles apart just as it does for C's
 * spin_lock_init() and mutex_init() macros.
 */
#include <linux/build_bug.h>
#include <linux/export.h>
#include <linux/irqflags.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

#include <shim/lock.h>

static_assert(sizeof(spinlock_t) <= sizeof(struct kx_spinlock));
static_assert(__alignof__(spinlock_t) <= __alignof__(struct kx_spinlock));
static_assert(sizeof(struct mutex) <= sizeof(struct kx_mutex));
static_assert(__alignof__(struct mutex) <= __alignof__(struct kx_mutex));
static_assert(sizeof(struct lock_class_key) <= sizeof(struct kx_lock_class_key));
static_assert(__alignof__(struct lock_class_key) <= __alignof__(struct kx_lock_class_key));

static spinlock_t *to_spinlock(struct kx_spinlock *lock)
{
	return (spinlock_t *)lock->storage;
}

static struct mutex *to_mutex(struct kx_mutex *mutex)
{
	return (struct mutex *)mutex->storage;
}

/**
 * kx_spin_lock_init() - spin_lock_init() with an explicit lockdep class
 * @lock: storage for the spinlock
 * @name: lockdep's name for the class
 * @key: the class, in static storage
 */
void kx_spin_lock_init(struct kx_spinlock *lock, const char *name,
		       struct kx_lock_class_key *key)
{
	spinlock_t *l = to_spinlock(lock);

#ifdef CONFIG_DEBUG_SPINLOCK
	/* spin_lock_init() with the caller's key instead of one of ours. */
	__raw_spin_lock_init(spinlock_check(l), name,
			     (struct lock_class_key *)key->storage, LD_WAIT_CONFIG);
#else
	spin_lock_init(l);
#endif
}
EXPORT_SYMBOL_GPL(kx_spin_lock_init);

/**
 * kx_spin_lock() - spin_lock()
 * @lock: an initialised spinlock
 */
void kx_spin_lock(struct kx_spinlock *lock)
	__acquires(lock)
{
	spin_lock(to_spinlock(lock));
}
EXPORT_SYMBOL_GPL(kx_spin_lock);

/**
 * kx_spin_unlock() - spin_unlock()
 * @lock: a spinlock the caller holds
 */
void kx_spin_unlock(struct kx_spinlock *lock)
	__releases(lock)
{
	spin_unlock(to_spinlock(lock));
}
EXPORT_SYMBOL_GPL(kx_spin_unlock);

/**
 * kx_spin_lock_irqsave() - spin_lock_irqsave()
 * @lock: an initialised spinlock
 *
 * Return: the interrupt state to hand back to kx_spin_unlock_irqrestore().
 */
unsigned long kx_spin_lock_irqsave(struct kx_spinlock *lock)
	__acquires(lock)
{
	unsigned long flags;

	spin_lock_irqsave(to_spinlock(lock), flags);
	return flags;
}
EXPORT_SYMBOL_GPL(kx_spin_lock_irqsave);

/**
 * kx_spin_unlock_irqrestore() - spin_unlock_irqrestore()
 * @lock: a spinlock the caller holds
 * @flags: what kx_spin_lock_irqsave() returned
 */
void kx_spin_unlock_irqrestore(struct kx_spinlock *lock, unsigned long flags)
	__releases(lock)
{
	spin_unlock_irqrestore(to_spinlock(lock), flags);
}
EXPORT_SYMBOL_GPL(kx_spin_unlock_irqrestore);

/**
 * kx_spin_is_locked() - spin_is_locked()
 * @lock: an initialised spinlock
 *
 * Return: whether anyone holds @lock.
 */
bool kx_spin_is_locked(struct kx_spinlock *lock)
{
	return spin_is_locked(to_spinlock(lock));
}
EXPORT_SYMBOL_GPL(kx_spin_is_locked);

/**
 * kx_spin_assert_held() - lockdep_assert_held() on a spinlock
 * @lock: the spinlock the caller must hold
 */
void kx_spin_assert_held(struct kx_spinlock *lock)
{
	lockdep_assert_held(to_spinlock(lock));
}
EXPORT_SYMBOL_GPL(kx_spin_assert_held);

/**
 * kx_spin_lock_class() - the lockdep class key of a spinlock
 * @lock: an initialised spinlock
 *
 * Return: the key, or NULL when lockdep is off.
 */
const void *kx_spin_lock_class(struct kx_spinlock *lock)
{
#ifdef CONFIG_DEBUG_LOCK_ALLOC
	return to_spinlock(lock)->dep_map.key;
#else
	return NULL;
#endif
}
EXPORT_SYMBOL_GPL(kx_spin_lock_class);

/**
 * kx_mutex_init() - mutex_init() with an explicit lockdep class
 * @mutex: storage for the mutex
 * @name: lockdep's name for the class
 * @key: the class, in static storage
 */
void kx_mutex_init(struct kx_mutex *mutex, const char *name,
		   struct kx_lock_class_key *key)
{
	__mutex_init(to_mutex(mutex), name, (struct lock_class_key *)key->storage);
}
EXPORT_SYMBOL_GPL(kx_mutex_init);

/**
 * kx_mutex_destroy() - mutex_destroy()
 * @mutex: a mutex nobody holds
 */
void kx_mutex_destroy(struct kx_mutex *mutex)
{
	mutex_destroy(to_mutex(mutex));
}
EXPORT_SYMBOL_GPL(kx_mutex_destroy);

/**
 * kx_mutex_lock() - mutex_lock()
 * @mutex: an initialised mutex
 */
void kx_mutex_lock(struct kx_mutex *mutex)
{
	mutex_lock(to_mutex(mutex));
}
EXPORT_SYMBOL_GPL(kx_mutex_lock);

/**
 * kx_mutex_trylock() - mutex_trylock()
 * @mutex: an initialised mutex
 *
 * Return: true if the caller now holds @mutex.
 */
bool kx_mutex_trylock(struct kx_mutex *mutex)
{
	return mutex_trylock(to_mutex(mutex));
}
EXPORT_SYMBOL_GPL(kx_mutex_trylock);

/**
 * kx_mutex_unlock() - mutex_unlock()
 * @mutex: a mutex the caller holds
 */
void kx_mutex_unlock(struct kx_mutex *mutex)
{
	mutex_unlock(to_mutex(mutex));
}
EXPORT_SYMBOL_GPL(kx_mutex_unlock);

/**
 * kx_mutex_is_locked() - mutex_is_locked()
 * @mutex: an initialised mutex
 *
 * Return: whether anyone holds @mutex.
 */
bool kx_mutex_is_locked(struct kx_mutex *mutex)
{
	return mutex_is_locked(to_mutex(mutex));
}
EXPORT_SYMBOL_GPL(kx_mutex_is_locked);

/**
 * kx_mutex_assert_held() - lockdep_assert_held() on a mutex
 * @mutex: the mutex the caller must hold
 */
void kx_mutex_assert_held(struct kx_mutex *mutex)
{
	lockdep_assert_held(to_mutex(mutex));
}
EXPORT_SYMBOL_GPL(kx_mutex_assert_held);

/**
 * kx_irqs_disabled() - irqs_disabled()
 *
 * Return: whether local interrupts are off.
 */
bool kx_irqs_disabled(void)
{
	return irqs_disabled();
}
EXPORT_SYMBOL_GPL(kx_irqs_disabled);
