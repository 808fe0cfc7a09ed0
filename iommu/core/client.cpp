// SPDX-License-Identifier: GPL-2.0
/*
 * A client device and what it holds (client.h).
 */
#include <kcxx/errno.h>
#include <kcxx/log.h>

#include "client.h"
#include "instance.h"
#include "registry.h"

namespace socmmu {

Client::Client(struct device *dev, kcxx::OwnedArray<Binding> bindings)
	: dev_(dev), bindings_(kcxx::move(bindings))
{
}

/*
 * Validates "iommus" completely before anything is claimed: every entry
 * names a registered instance of one driver, with that binding's number
 * of cells, and no stream ID twice; then claims a context, a link and a
 * driver reference per instance.
 */
kcxx::Result<kcxx::Owner<Client>> Client::create_locked(Registry &registry, struct device *dev,
							 const socmmu_endpoint *eps, u32 n)
{
	registry.mutex().assert_held();
	if (!n || n > kMaxEndpoints) {
		KCXX_DEV_ERR(dev, "iommus has %u entries; 1 to %u are supported\n", n, kMaxEndpoints);
		return kcxx::Error(-kcxx::EINVAL);
	}
	auto bindings = KCXX_TRY(kcxx::OwnedArray<Binding>::create(n));
	auto client = KCXX_TRY(kcxx::make_owned<Client>(dev, kcxx::move(bindings)));

	KCXX_TRY(client->group_locked(registry, eps, n));
	KCXX_TRY(client->acquire_locked());
	return client;
}

kcxx::Result<void> Client::group_locked(Registry &registry, const socmmu_endpoint *eps, u32 n)
{
	const socmmu_driver_info *driver = nullptr;

	registry.mutex().assert_held();
	for (u32 e = 0; e < n; e++) {
		Instance *instance = registry.find_locked(eps[e].key);
		Binding *b = nullptr;

		if (!instance) {
			KCXX_DEV_ERR(dev_, "iommus entry %u is not a registered IOMMU of ours\n", e);
			return kcxx::Error(-kcxx::ENODEV);
		}
		if (driver && instance->driver() != driver) {
			KCXX_DEV_ERR(dev_, "iommus mixes %s and %s IOMMUs\n", driver->name,
				     instance->driver()->name);
			return kcxx::Error(-kcxx::EINVAL);
		}
		driver = instance->driver();
		if (eps[e].nargs != driver->iommu_cells) {
			KCXX_DEV_ERR(dev_, "iommus entry %u: %s takes %u cells, not %u\n", e,
				     kx_dev_name(instance->dev()), driver->iommu_cells, eps[e].nargs);
			return kcxx::Error(-kcxx::EINVAL);
		}
		for (u32 i = 0; i < count_; i++) {
			if (bindings_[i].instance == instance)
				b = &bindings_[i];
		}
		if (!b) {
			b = &bindings_[count_++];
			b->instance = instance;
		}
		for (u32 a = 0; a < eps[e].nargs; a++) {
			for (u32 i = 0; i < b->nids; i++) {
				if (b->ids[i] != eps[e].args[a])
					continue;
				KCXX_DEV_ERR(dev_, "iommus lists stream ID %u of %s twice\n",
					     eps[e].args[a], kx_dev_name(instance->dev()));
				return kcxx::Error(-kcxx::EINVAL);
			}
			if (b->nids == kMaxEndpoints) {
				KCXX_DEV_ERR(dev_, "iommus gives %s more than %u stream IDs\n",
					     kx_dev_name(instance->dev()), kMaxEndpoints);
				return kcxx::Error(-kcxx::EINVAL);
			}
			b->ids[b->nids++] = eps[e].args[a];
		}
	}
	return {};
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
		kx_inst_sync_irqs(b.instance->kernel());
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
		kx_inst_sync_irqs(bindings_[i].instance->kernel());
}

} // namespace socmmu
