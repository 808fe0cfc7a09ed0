/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A client device: the instances its "iommus" names, grouped per
 * instance, each with the context it holds there, its stream IDs, its
 * device link and a reference on the instance's driver module.
 * Everything a client holds is released by its destructor, so a probe
 * that fails half-way leaves nothing behind.
 */
#ifndef SOCMMU_IOMMU_CLIENT_H
#define SOCMMU_IOMMU_CLIENT_H

#include <kcxx/owner.h>
#include <kcxx/result.h>
#include <kcxx/types.h>

#include "core_abi.h"
#include "policy.h"
#include "services.h"

namespace socmmu {

class Instance;
class Registry;

class Client : kcxx::Pinned {
public:
	struct Binding {
		Instance *instance;
		u32 context;
		bool claimed;
		bool driver_ref;
		struct kx_link *link;
		u32 nids;
		u32 ids[kMaxEndpoints];
	};

	/*
	 * The whole of "iommus", before anything is claimed: 1 to
	 * kMaxEndpoints entries, each naming an IOMMU of ours (@owners), all
	 * of one driver, with that binding's number of cells, and no stream
	 * ID twice on one IOMMU.  create_locked() runs it on the registered
	 * instances, a check of an unprobed tree on the drivers alone.
	 */
	static kcxx::Result<void> check_endpoints(struct device *dev, const socmmu_endpoint *eps,
						  const socmmu_endpoint_owner *owners, u32 n);
	/* Registry mutex held. */
	static kcxx::Result<kcxx::Owner<Client>> create_locked(Registry &registry,
								struct device *dev,
								const socmmu_endpoint *eps,
								u32 n);
	explicit Client(struct device *dev, kcxx::OwnedArray<Binding> bindings);
	/* Registry mutex held. */
	~Client();

	struct device *dev() const { return dev_; }
	u32 bindings() const { return count_; }
	Binding &binding(u32 index) { return bindings_[index]; }

	/* Registry mutex held: every context to bypass or to the blocking table. */
	void leave_locked(bool blocked);

private:
	void group_locked(Registry &registry, const socmmu_endpoint *eps, u32 n);
	kcxx::Result<void> acquire_locked();

	struct device *const dev_;
	kcxx::OwnedArray<Binding> bindings_;
	u32 count_ = 0;
};

} // namespace socmmu

#endif
