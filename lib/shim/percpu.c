// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU storage for C++ (lib/shim/percpu.h).  C++ holds the area as an
 * opaque struct kx_percpu *; only here is it the `void __percpu *` that
 * alloc_percpu() returned.
 */
#include <linux/cpumask.h>
#include <linux/export.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

#include <shim/percpu.h>

static void __percpu *to_percpu(struct kx_percpu *area)
{
	return (void __force __percpu *)area;
}

/**
 * kx_percpu_alloc() - __alloc_percpu(): zeroed storage on every possible CPU
 * @size: bytes per CPU
 * @align: alignment of each copy, a power of two no larger than a page
 *
 * May sleep.
 *
 * Return: the area, or NULL.
 */
struct kx_percpu *kx_percpu_alloc(size_t size, size_t align)
{
	return (struct kx_percpu __force *)__alloc_percpu(size, align);
}
EXPORT_SYMBOL_GPL(kx_percpu_alloc);

/**
 * kx_percpu_free() - free_percpu()
 * @area: what kx_percpu_alloc() returned, or NULL
 */
void kx_percpu_free(struct kx_percpu *area)
{
	free_percpu(to_percpu(area));
}
EXPORT_SYMBOL_GPL(kx_percpu_free);

/**
 * kx_percpu_ptr() - per_cpu_ptr()
 * @area: a per-CPU area
 * @cpu: a possible CPU
 *
 * Return: @cpu's copy.
 */
void *kx_percpu_ptr(struct kx_percpu *area, unsigned int cpu)
{
	return per_cpu_ptr(to_percpu(area), cpu);
}
EXPORT_SYMBOL_GPL(kx_percpu_ptr);

/**
 * kx_percpu_get() - get_cpu_ptr(): this CPU's copy, with preemption off
 * @area: a per-CPU area
 *
 * Pair with kx_percpu_put().
 *
 * Return: this CPU's copy.
 */
void *kx_percpu_get(struct kx_percpu *area)
{
	return get_cpu_ptr(to_percpu(area));
}
EXPORT_SYMBOL_GPL(kx_percpu_get);

/**
 * kx_percpu_put() - put_cpu_ptr(): preemption back on
 */
void kx_percpu_put(void)
{
	put_cpu();
}
EXPORT_SYMBOL_GPL(kx_percpu_put);

/**
 * kx_percpu_raw_ptr() - raw_cpu_ptr(): the current CPU's copy, unpinned
 * @area: a per-CPU area
 *
 * The caller may migrate right after: only for copies that any CPU may
 * touch under their own lock.
 *
 * Return: the copy of the CPU the caller runs on.
 */
void *kx_percpu_raw_ptr(struct kx_percpu *area)
{
	return raw_cpu_ptr(to_percpu(area));
}
EXPORT_SYMBOL_GPL(kx_percpu_raw_ptr);

/**
 * kx_percpu_lock_irqsave() - this CPU's copy, locked, with interrupts off
 * @area: a per-CPU area
 * @lock_offset: where the copy's spinlock (a struct kx_spinlock) is in it
 * @flags: the interrupt state to hand back to kx_spin_unlock_irqrestore()
 *
 * Interrupts go off before the copy is chosen, so the caller gets the
 * copy of the CPU it stays on while it holds the lock.
 *
 * Return: this CPU's copy, its lock held.
 */
void *kx_percpu_lock_irqsave(struct kx_percpu *area, size_t lock_offset, unsigned long *flags)
	__acquires(lock)
{
	void *copy;

	local_irq_save(*flags);
	copy = raw_cpu_ptr(to_percpu(area));
	spin_lock((spinlock_t *)((char *)copy + lock_offset));
	return copy;
}
EXPORT_SYMBOL_GPL(kx_percpu_lock_irqsave);

/**
 * kx_cpu_first() - the first possible CPU
 *
 * Return: its number, or kx_nr_cpu_ids() or above if there is none.
 */
unsigned int kx_cpu_first(void)
{
	return cpumask_first(cpu_possible_mask);
}
EXPORT_SYMBOL_GPL(kx_cpu_first);

/**
 * kx_cpu_next() - the next possible CPU
 * @cpu: a possible CPU
 *
 * Return: the next possible CPU after @cpu, or kx_nr_cpu_ids() or above.
 */
unsigned int kx_cpu_next(unsigned int cpu)
{
	return cpumask_next((int)cpu, cpu_possible_mask);
}
EXPORT_SYMBOL_GPL(kx_cpu_next);

/**
 * kx_nr_cpu_ids() - nr_cpu_ids
 *
 * Return: one more than the highest possible CPU number.
 */
unsigned int kx_nr_cpu_ids(void)
{
	return nr_cpu_ids;
}
EXPORT_SYMBOL_GPL(kx_nr_cpu_ids);
