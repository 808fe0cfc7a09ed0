/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The framework's one global object: the registered instances and the
 * mutex at the top of the lock hierarchy (locks.h).  Created at module
 * load (no global constructors), destroyed at unload.
 */
#ifndef SOCMMU_IOMMU_REGISTRY_H
#define SOCMMU_IOMMU_REGISTRY_H

#include <kcxx/lock.h>
#include <kcxx/types.h>

#include "locks.h"

namespace socmmu {

class Instance;

class Registry : kcxx::Pinned {
public:
	Registry() : mutex_(locks::registry()) {}

	kcxx::Mutex &mutex() { return mutex_; }

	/* Mutex held. */
	void add_locked(Instance &instance);
	void remove_locked(Instance &instance);
	Instance *find_locked(const void *key);

private:
	kcxx::Mutex mutex_;
	Instance *instances_ = nullptr;
};

/* The registry, between core_init() and core_exit(). */
Registry &registry();

} // namespace socmmu

#endif
