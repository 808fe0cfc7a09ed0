/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every lock of the IOMMU framework, outermost first.  A lock may be
 * taken while holding only locks above it in this list; lockdep checks
 * the order at run time, and each *_locked() method asserts what it needs.
 *
 *  1. Registry mutex (sleeping).  Instances coming and going, clients'
 *     probe and release, attach and leave, a domain's first binding and
 *     its destruction, the debugfs page-table dump.  Never held while
 *     calling into the IOMMU core.
 *  1a. Instance fault-report mutex (sleeping).  Held by runtime suspend
 *     while it takes and reports the faults still pending; taken after
 *     the registry mutex where a context leaves its domain, to wait for
 *     those reports as synchronize_irq() waits for the handler's.
 *  2. Domain unmap lock.  The domain's pending Gather: unmap, sync and the
 *     release of tables the walker can no longer reach.
 *  3. Domain attach lock.  The domain's list of attached contexts.
 *  4. Instance lock.  The instance's registers, power state, context
 *     states and counters; the IRQ handler takes it alone.
 *  5. Page-table lock (inside the engine, iommu/pgtable/).  Taken under
 *     the unmap lock, or alone (map, iova_to_phys, dumps).
 *
 * A map takes the attach lock, then instance locks, only to invalidate a
 * walk cache over the L1 entries it filled, after the engine released its
 * lock.
 *
 * Locks 2 to 5 are spinlocks taken with interrupts off: map and unmap may
 * run in atomic context, and the IRQ handler shares the instance lock.
 * Only the outermost of a nest saves and restores them; the locks taken
 * inside it (the attach lock in a sync, the instance lock in a flush)
 * are plain.
 */
#ifndef SOCMMU_IOMMU_LOCKS_H
#define SOCMMU_IOMMU_LOCKS_H

#include <kcxx/lock.h>

namespace socmmu::locks {

inline kcxx::LockClass registry() { return KCXX_LOCK_CLASS("socmmu_iommu.registry"); }
inline kcxx::LockClass fault_reports() { return KCXX_LOCK_CLASS("socmmu_iommu.fault_reports"); }
inline kcxx::LockClass domain_unmap() { return KCXX_LOCK_CLASS("socmmu_iommu.domain_unmap"); }
inline kcxx::LockClass domain_attach() { return KCXX_LOCK_CLASS("socmmu_iommu.domain_attach"); }
inline kcxx::LockClass instance() { return KCXX_LOCK_CLASS("socmmu_iommu.instance"); }

} // namespace socmmu::locks

#endif
