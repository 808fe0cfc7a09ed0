// SPDX-License-Identifier: GPL-2.0
/*
 * The C entry points of the framework's core (core_abi.h).  The opaque C
 * types are the C++ objects themselves.
 */
#include <kcxx/errno.h>
#include <kcxx/lock.h>
#include <kcxx/owner.h>

#include "client.h"
#include "core_abi.h"
#include "domain.h"
#include "instance.h"
#include "registry.h"

namespace socmmu {
namespace {

/* Zero-initialised, set by core_init(): no global constructor. */
Registry *the_registry;

Instance *of(struct core_instance *ci)
{
	return reinterpret_cast<Instance *>(ci);
}

Client *of(struct core_client *cc)
{
	return reinterpret_cast<Client *>(cc);
}

Domain *of(struct core_domain *cd)
{
	return reinterpret_cast<Domain *>(cd);
}

} // namespace

Registry &registry()
{
	return *the_registry;
}

} // namespace socmmu

using socmmu::Client;
using socmmu::Domain;
using socmmu::Instance;
using socmmu::registry;

extern "C" {

int core_init(void) noexcept
{
	auto r = kcxx::make_owned<socmmu::Registry>();

	if (!r.ok())
		return r.to_errno();
	socmmu::the_registry = r.value().release();
	return 0;
}

void core_exit(void) noexcept
{
	delete kcxx::exchange(socmmu::the_registry, nullptr);
}

struct core_instance *core_instance_create(const struct socmmu_driver_info *drv,
					   const struct socmmu_hw_params *params,
					   const void *key, int *err) noexcept
{
	auto instance = Instance::create(drv, params, key);

	if (!instance.ok()) {
		*err = instance.to_errno();
		return nullptr;
	}
	kcxx::Guard<kcxx::Mutex> guard(registry().mutex());

	registry().add_locked(*instance.value());
	return reinterpret_cast<struct core_instance *>(instance.value().release());
}

/* Clients hold driver references: none is left when an instance goes. */
void core_instance_destroy(struct core_instance *ci) noexcept
{
	{
		kcxx::Guard<kcxx::Mutex> guard(registry().mutex());

		registry().remove_locked(*socmmu::of(ci));
	}
	delete socmmu::of(ci);
}

void core_instance_suspend(struct core_instance *ci) noexcept
{
	socmmu::of(ci)->suspend();
}

void core_instance_resume(struct core_instance *ci) noexcept
{
	socmmu::of(ci)->resume();
}

bool core_instance_irq(struct core_instance *ci) noexcept
{
	return socmmu::of(ci)->handle_irq();
}

void core_instance_dump(struct core_instance *ci, enum core_dump what, void *seq) noexcept
{
	socmmu::of(ci)->dump(what, seq);
}

void core_instance_stats(struct core_instance *ci, struct socmmu_iommu_stats *out) noexcept
{
	*out = socmmu::of(ci)->stats();
}

struct core_instance *core_instance_find(const void *key) noexcept
{
	kcxx::Guard<kcxx::Mutex> guard(registry().mutex());

	return reinterpret_cast<struct core_instance *>(registry().find_locked(key));
}

bool core_instance_serves(struct core_instance *ci, const struct device *dev) noexcept
{
	kcxx::Guard<kcxx::Mutex> guard(registry().mutex());

	return socmmu::of(ci)->serves_locked(dev);
}

struct core_client *core_client_create(struct device *dev, const struct socmmu_endpoint *eps,
				       unsigned int n, int *err) noexcept
{
	kcxx::Guard<kcxx::Mutex> guard(registry().mutex());
	auto client = Client::create_locked(registry(), dev, eps, n);

	if (!client.ok()) {
		*err = client.to_errno();
		return nullptr;
	}
	return reinterpret_cast<struct core_client *>(client.value().release());
}

int core_client_check(struct device *dev, const struct socmmu_endpoint *eps,
		      const struct socmmu_endpoint_owner *owners, unsigned int n) noexcept
{
	return Client::check_endpoints(dev, eps, owners, n).to_errno();
}

void core_client_destroy(struct core_client *cc) noexcept
{
	kcxx::Guard<kcxx::Mutex> guard(registry().mutex());

	delete socmmu::of(cc);
}

struct socmmu_inst *core_client_inst(struct core_client *cc) noexcept
{
	return socmmu::of(cc)->binding(0).instance->kernel();
}

bool core_client_isolated(struct core_client *cc) noexcept
{
	socmmu::Client *client = socmmu::of(cc);

	for (u32 i = 0; i < client->bindings(); i++) {
		if (client->binding(i).instance->contexts() < 2)
			return false;
	}
	return true;
}

void core_client_leave(struct core_client *cc, bool blocked) noexcept
{
	kcxx::Guard<kcxx::Mutex> guard(registry().mutex());

	socmmu::of(cc)->leave_locked(blocked);
}

struct core_domain *core_domain_create(struct iommu_domain *domain, struct core_client *client,
				       int *err) noexcept
{
	auto d = kcxx::make_owned<Domain>(domain);

	if (!d.ok()) {
		*err = d.to_errno();
		return nullptr;
	}
	if (client) {
		kcxx::Guard<kcxx::Mutex> guard(registry().mutex());
		kcxx::Result<void> ret = d.value()->bind_locked(*socmmu::of(client)->binding(0).instance);

		if (!ret.ok()) {
			*err = ret.to_errno();
			return nullptr;
		}
	}
	return reinterpret_cast<struct core_domain *>(d.value().release());
}

void core_domain_destroy(struct core_domain *cd) noexcept
{
	kcxx::Guard<kcxx::Mutex> guard(registry().mutex());

	socmmu::of(cd)->detach_all_locked();
	delete socmmu::of(cd);
}

int core_domain_attach(struct core_domain *cd, struct core_client *cc) noexcept
{
	kcxx::Guard<kcxx::Mutex> guard(registry().mutex());

	return socmmu::of(cd)->attach_locked(*socmmu::of(cc)).to_errno();
}

int core_domain_map(struct core_domain *cd, u64 iova, u64 paddr, u64 pgsize, size_t pgcount,
		    int prot, bool atomic, size_t *mapped) noexcept
{
	return socmmu::of(cd)->map(iova, paddr, pgsize, pgcount, prot, atomic, mapped).to_errno();
}

int core_domain_map_runs(struct core_domain *cd, const struct kx_map_run *runs, size_t n,
			 int prot, bool atomic) noexcept
{
	return socmmu::of(cd)->map_runs(runs, n, prot, atomic).to_errno();
}

size_t core_domain_unmap(struct core_domain *cd, u64 iova, u64 pgsize, size_t pgcount) noexcept
{
	return socmmu::of(cd)->unmap(iova, pgsize, pgcount);
}

void core_domain_sync(struct core_domain *cd, u64 start, u64 end) noexcept
{
	socmmu::of(cd)->sync(start, end);
}

void core_domain_flush_all(struct core_domain *cd) noexcept
{
	socmmu::of(cd)->flush_all();
}

u64 core_domain_iova_to_phys(struct core_domain *cd, u64 iova) noexcept
{
	return socmmu::of(cd)->iova_to_phys(iova);
}

} // extern "C"
