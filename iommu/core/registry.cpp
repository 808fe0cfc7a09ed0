// SPDX-License-Identifier: GPL-2.0
/*
 * The registered instances (registry.h).
 */
#include "instance.h"
#include "registry.h"

namespace socmmu {

void Registry::add_locked(Instance &instance)
{
	mutex_.assert_held();
	instance.next_registered = instances_;
	instances_ = &instance;
}

void Registry::remove_locked(Instance &instance)
{
	mutex_.assert_held();
	for (Instance **p = &instances_; *p; p = &(*p)->next_registered) {
		if (*p == &instance) {
			*p = instance.next_registered;
			return;
		}
	}
}

Instance *Registry::find_locked(const void *key)
{
	mutex_.assert_held();
	for (Instance *i = instances_; i; i = i->next_registered) {
		if (i->key() == key)
			return i;
	}
	return nullptr;
}

} // namespace socmmu
