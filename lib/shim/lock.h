/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel spinlocks and mutexes, embedded in C++ objects as opaque storage.
 * The sizes are upper bounds, checked against the real types (which grow
 * with lockdep and lock debugging) by static_assert in lib/shim/lock.c.
 */
#ifndef KX_SHIM_LOCK_H
#define KX_SHIM_LOCK_H

#include <shim/base.h>

#define KX_SPINLOCK_SIZE 128
#define KX_MUTEX_SIZE 256
#define KX_LOCK_CLASS_KEY_SIZE 16

struct kx_spinlock {
	u64 storage[KX_SPINLOCK_SIZE / 8];
};

struct kx_mutex {
	u64 storage[KX_MUTEX_SIZE / 8];
};

/*
 * A lockdep class.  Must live in static storage, one per initialisation
 * site, so that lockdep tells locks of different roles apart.
 */
struct kx_lock_class_key {
	u64 storage[KX_LOCK_CLASS_KEY_SIZE / 8];
};

KX_BEGIN_DECLS

void kx_spin_lock_init(struct kx_spinlock *lock, const char *name,
		       struct kx_lock_class_key *key) KX_NOEXCEPT;
void kx_spin_lock(struct kx_spinlock *lock) KX_NOEXCEPT;
void kx_spin_unlock(struct kx_spinlock *lock) KX_NOEXCEPT;
unsigned long kx_spin_lock_irqsave(struct kx_spinlock *lock) KX_NOEXCEPT;
void kx_spin_unlock_irqrestore(struct kx_spinlock *lock, unsigned long flags) KX_NOEXCEPT;
bool kx_spin_is_locked(struct kx_spinlock *lock) KX_NOEXCEPT;
void kx_spin_assert_held(struct kx_spinlock *lock) KX_NOEXCEPT;

void kx_mutex_init(struct kx_mutex *mutex, const char *name,
		   struct kx_lock_class_key *key) KX_NOEXCEPT;
void kx_mutex_destroy(struct kx_mutex *mutex) KX_NOEXCEPT;
void kx_mutex_lock(struct kx_mutex *mutex) KX_NOEXCEPT;
bool kx_mutex_trylock(struct kx_mutex *mutex) KX_NOEXCEPT;
void kx_mutex_unlock(struct kx_mutex *mutex) KX_NOEXCEPT;
bool kx_mutex_is_locked(struct kx_mutex *mutex) KX_NOEXCEPT;
void kx_mutex_assert_held(struct kx_mutex *mutex) KX_NOEXCEPT;

bool kx_irqs_disabled(void) KX_NOEXCEPT;
/* The lockdep class a lock was initialised with (NULL without lockdep). */
const void *kx_spin_lock_class(struct kx_spinlock *lock) KX_NOEXCEPT;

KX_END_DECLS

#endif
