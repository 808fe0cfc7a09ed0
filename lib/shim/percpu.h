/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU storage for C++: what alloc_percpu() hands out, as an opaque
 * handle, and the ways to reach one CPU's copy.  kcxx::PerCpu<T>
 * (lib/kcxx/percpu.h) builds typed objects on top.
 */
#ifndef KX_SHIM_PERCPU_H
#define KX_SHIM_PERCPU_H

#include <shim/base.h>

/* A dynamic per-CPU area: `void __percpu *` on the C side. */
struct kx_percpu;

KX_BEGIN_DECLS

struct kx_percpu *kx_percpu_alloc(size_t size, size_t align) KX_NOEXCEPT;
void kx_percpu_free(struct kx_percpu *area) KX_NOEXCEPT;

/* per_cpu_ptr(): @cpu's copy. */
void *kx_percpu_ptr(struct kx_percpu *area, unsigned int cpu) KX_NOEXCEPT;
/* get_cpu_ptr(): this CPU's copy, preemption off until kx_percpu_put(). */
void *kx_percpu_get(struct kx_percpu *area) KX_NOEXCEPT;
void kx_percpu_put(void) KX_NOEXCEPT;
/*
 * raw_cpu_ptr(): the copy of the CPU the caller runs on now, with no
 * guarantee that it stays there; for copies protected by their own lock.
 */
void *kx_percpu_raw_ptr(struct kx_percpu *area) KX_NOEXCEPT;

/*
 * This CPU's copy with the spinlock at @lock_offset in it held and local
 * interrupts off, in one call: a fast path's way to a per-CPU object that
 * other CPUs may take under its lock.  Release with
 * kx_spin_unlock_irqrestore(lock, *flags).
 */
void *kx_percpu_lock_irqsave(struct kx_percpu *area, size_t lock_offset,
			     unsigned long *flags) KX_NOEXCEPT;

/* Possible CPUs: first, next after @cpu; kx_nr_cpu_ids() or above ends. */
unsigned int kx_cpu_first(void) KX_NOEXCEPT;
unsigned int kx_cpu_next(unsigned int cpu) KX_NOEXCEPT;
unsigned int kx_nr_cpu_ids(void) KX_NOEXCEPT;

KX_END_DECLS

#endif
