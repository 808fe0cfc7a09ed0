// SPDX-License-Identifier: GPL-2.0
/*
 * A client device and what it holds (client.h).
 */
#include <kcxx/errno.h>
#include <kcxx/log.h>
#include <kcxx/utility.h>

#include "client.h"
#include "instance.h"
#include "registry.h"

namespace socmmu {

Client::Client(struct device *dev, kcxx::OwnedArray<Binding> bindings)
	: dev_(dev), bindings_(kcxx::move(bindings))
{
}

kcxx::Result<void> Client::check_endpoints(struct device *dev, const socmmu_endpoint *eps,
					   const socmmu_endpoint_owner *owners, u32 n)
{
	const socmmu_driver_info *driver = nullptr;

	if (!n || n > kMaxEndpoints) {
		KCXX_DEV_ERR(dev, "iommus has %u entries; 1 to %u are supported\n", n, kMaxEndpoints);
		return kcxx::Error(-kcxx::EINVAL);
	}
	for (u32 e = 0; e < n; e++) {
		const socmmu_endpoint_owner &owner = owners[e];

		if (!owner.drv) {
			KCXX_DEV_ERR(dev, "iommus entry %u is not a registered IOMMU of ours\n", e);
			return kcxx::Error(-kcxx::ENODEV);
		}
		if (driver && owner.drv != driver) {
			KCXX_DEV_ERR(dev, "iommus mixes %s and %s IOMMUs\n", driver->name,
				     owner.drv->name);
			return kcxx::Error(-kcxx::EINVAL);
		}
		driver = owner.drv;
		if (eps[e].nargs != driver->iommu_cells) {
			KCXX_DEV_ERR(dev, "iommus entry %u: %s takes %u cells, not %u\n", e,
				     owner.name, driver->iommu_cells, eps[e].nargs);
			return kcxx::Error(-kcxx::EINVAL);
		}
		/* Each ID against those before it on the same IOMMU, in this entry or earlier. */
		for (u32 a = 0; a < eps[e].nargs; a++) {
			u32 before = 0;

			for (u32 f = 0; f <= e; f++) {
				const u32 upto = f < e ? eps[f].nargs : a;

				if (eps[f].key != eps[e].key)
					continue;
				for (u32 b = 0; b < upto; b++) {
					if (eps[f].args[b] != eps[e].args[a])
						continue;
					KCXX_DEV_ERR(dev, "iommus lists stream ID %u of %s twice\n",
						     eps[e].args[a], owner.name);
					return kcxx::Error(-kcxx::EINVAL);
				}
				before += upto;
			}
			if (before == kMaxEndpoints) {
				KCXX_DEV_ERR(dev, "iommus gives %s more than %u stream IDs\n",
					     owner.name, kMaxEndpoints);
				return kcxx::Error(-kcxx::EINVAL);
			}
		}
	}
	return {};
}

/*
 * Validates "iommus" completely before anything is claimed (on the
 * registered instances: check_endpoints()), then claims a context, a link
 * and a driver reference per instance.
 */
kcxx::Result<kcxx::Owner<Client>> Client::create_locked(Registry &registry, struct device *dev,
							 const socmmu_endpoint *eps, u32 n)
{
	/* check_endpoints() refuses more than kMaxEndpoints before it reads them. */
	const u32 m = kcxx::min(n, kMaxEndpoints);
	auto owners = KCXX_TRY(kcxx::OwnedArray<socmmu_endpoint_owner>::create(m ? m : 1));

	registry.mutex().assert_held();
	for (u32 e = 0; e < m; e++) {
		const Instance *instance = registry.find_locked(eps[e].key);

		if (instance)
			owners[e] = { instance->driver(), kx_dev_name(instance->dev()) };
	}
	KCXX_TRY(check_endpoints(dev, eps, owners.data(), n));

	auto bindings = KCXX_TRY(kcxx::OwnedArray<Binding>::create(n));
	auto client = KCXX_TRY(kcxx::make_owned<Client>(dev, kcxx::move(bindings)));

	client->group_locked(registry, eps, n);
	KCXX_TRY(client->acquire_locked());
	return client;
}

/* After check_endpoints(): every entry is a registered instance and fits. */
void Client::group_locked(Registry &registry, const socmmu_endpoint *eps, u32 n)
{
	registry.mutex().assert_held();
	for (u32 e = 0; e < n; e++) {
		Instance *instance = registry.find_locked(eps[e].key);
		Binding *b = nullptr;

		for (u32 i = 0; i < count_; i++) {
			if (bindings_[i].instance == instance)
				b = &bindings_[i];
		}
		if (!b) {
			b = &bindings_[count_++];
			b->instance = instance;
		}
		for (u32 a = 0; a < eps[e].nargs; a++)
			b->ids[b->nids++] = eps[e].args[a];
	}
}

kcxx::Result<void> Client::acquire_locked()
{
	registry().mutex().assert_held();
	for (u32 i = 0; i < count_; i++) {
		Binding &b = bindings_[i];

		KCXX_TRY(b.instance->hw().check_ids(b.ids, b.nids));
		b.context = KCXX_TRY(b.instance->claim_context_locked(this, b.ids, b.nids));
		b.claimed = true;
		b.driver_ref = kx_inst_driver_get(b.instance->kernel());
		if (!b.driver_ref) {
			KCXX_DEV_ERR(dev_, "%s is going away\n", kx_dev_name(b.instance->dev()));
			return kcxx::Error(-kcxx::ENODEV);
		}
		/* The IOMMU resumes before the client and suspends after it. */
		b.link = kx_link_add(dev_, b.instance->dev());
		if (!b.link) {
			KCXX_DEV_ERR(dev_, "cannot link to %s\n", kx_dev_name(b.instance->dev()));
			return kcxx::Error(-kcxx::EINVAL);
		}
	}
	return {};
}

Client::~Client()
{
	registry().mutex().assert_held();
	for (u32 i = 0; i < count_; i++) {
		Binding &b = bindings_[i];

		if (b.claimed)
			b.instance->release_context_locked(b.context);
		b.instance->sync_faults();
		if (b.link)
			kx_link_del(dev_, b.link);
		if (b.driver_ref)
			kx_inst_driver_put(b.instance->kernel());
	}
}

void Client::leave_locked(bool blocked)
{
	registry().mutex().assert_held();
	for (u32 i = 0; i < count_; i++) {
		Binding &b = bindings_[i];

		b.instance->set_context_locked(b.context, nullptr, blocked);
	}
	/* The IRQ handler may still hold the old domain: let it finish. */
	for (u32 i = 0; i < count_; i++)
		bindings_[i].instance->sync_faults();
}

} // namespace socmmu
