// SPDX-License-Identifier: GPL-2.0
/*
 * The fake IOMMU's hardware (fake_iommu.h): a log of every request.
 */
#include <kcxx/errno.h>
#include <kcxx/lock.h>
#include <kcxx/log.h>
#include <kcxx/owner.h>

#include "../../iommu/core/hardware.h"
#include "../../iommu/pgtable/omap_format.h"
#include "fake_iommu.h"

namespace {

using socmmu::ContextSetup;
using socmmu::Fault;
using socmmu::Mode;
using socmmu::Printer;
using socmmu::Program;
using socmmu::Stats;

constexpr unsigned int kMaxFakes = 8;

class FakeHardware;
/* Zero-initialised; each fake takes a slot at create and gives it back when destroyed. */
FakeHardware *fakes[kMaxFakes];

class FakeHardware final : public socmmu::Hardware {
public:
	FakeHardware(struct device *dev, u32 contexts, u32 format, u32 max_id, bool walk_cache)
		: dev_(dev), contexts_(contexts), format_(format), max_id_(max_id),
		  walk_cache_(walk_cache)
	{
		log_.contexts = contexts;
	}

	~FakeHardware() override
	{
		for (FakeHardware *&f : fakes) {
			if (f == this)
				f = nullptr;
		}
	}

	struct device *dev() const { return dev_; }

	u32 contexts() const override { return contexts_; }

	kcxx::Result<void> check_ids(const u32 *ids, u32 nids) const override
	{
		kcxx::IrqSaveGuard guard(lock_);

		log_.check_ids++;
		for (u32 i = 0; i < nids; i++) {
			if (ids[i] > max_id_) {
				KCXX_DEV_ERR(dev_, "stream ID %u beyond %u\n", ids[i], max_id_);
				return kcxx::Error(-kcxx::EINVAL);
			}
		}
		return {};
	}

	kcxx::Result<kcxx::Owner<socmmu::PageTable>> create_table(pgtable::TableMemory &memory) override
	{
		return socmmu::ShortDescPageTable<pgtable::OmapFormat>::create(memory);
	}

	u32 table_format() const override { return format_; }
	unsigned int table_dma_bits() const override { return 32; }

	void program(u32 ctx, const ContextSetup &setup, Program why, Stats &stats) override
	{
		kcxx::IrqSaveGuard guard(lock_);
		fake_context_log &c = log_.ctx[ctx];

		c.programs++;
		c.resumes += why == Program::Resume;
		c.translate = setup.mode == Mode::Translate;
		c.ttb = setup.ttb;
		c.nids = setup.nids;
		c.first_id = setup.nids ? setup.ids[0] : 0;
		c.has_client = setup.has_client;
		stats.programs++;
	}

	void flush_range(u32 ctx, u64 start, u64 end, Stats &stats) override
	{
		kcxx::IrqSaveGuard guard(lock_);
		fake_context_log &c = log_.ctx[ctx];

		c.range_flushes++;
		c.range_start = start;
		c.range_end = end;
		stats.range_flushes++;
	}

	void flush_all(u32 ctx, Stats &stats) override
	{
		kcxx::IrqSaveGuard guard(lock_);

		log_.ctx[ctx].full_flushes++;
		stats.full_flushes++;
	}

	bool caches_empty_l1() const override { return walk_cache_; }

	void flush_walk_cache(u32 ctx, u64 start, u64 end, Stats &stats) override
	{
		kcxx::IrqSaveGuard guard(lock_);
		fake_context_log &c = log_.ctx[ctx];

		c.walk_flushes++;
		c.walk_start = start;
		c.walk_end = end;
		stats.walk_cache_flushes++;
	}

	void save(Stats &) override
	{
		kcxx::IrqSaveGuard guard(lock_);

		log_.saves++;
	}

	void restore(Stats &) override
	{
		kcxx::IrqSaveGuard guard(lock_);

		log_.restores++;
	}

	/* The fault the suite raised, once: a stalled master, as Exynos or MSM have. */
	bool take_fault(Fault &fault) override
	{
		kcxx::IrqSaveGuard guard(lock_);

		if (!pending_)
			return false;
		pending_ = false;
		fault.context = fault_ctx_;
		fault.addr = fault_addr_;
		fault.flags = fault_write_ ? SOCMMU_FAULT_WRITE : SOCMMU_FAULT_READ;
		fault.reason = "fake";
		fault.stalled = true;
		return true;
	}

	/* Unhandled: terminated where the suite says the hardware can, else resumed. */
	void end_fault(const Fault &, bool handled, Stats &stats) override
	{
		kcxx::IrqSaveGuard guard(lock_);

		log_.end_faults++;
		log_.last_handled = handled;
		if (!handled && can_terminate_)
			stats.terminated++;
		else
			stats.resumed++;
	}

	void raise(u32 ctx, u64 addr, bool write, bool can_terminate)
	{
		kcxx::IrqSaveGuard guard(lock_);

		pending_ = true;
		fault_ctx_ = ctx;
		fault_addr_ = addr;
		fault_write_ = write;
		can_terminate_ = can_terminate;
	}

	void dump_regs(Printer &out) override { out.print("fake: no registers\n"); }

	fake_log log()
	{
		kcxx::IrqSaveGuard guard(lock_);

		return log_;
	}

	void clear_log()
	{
		kcxx::IrqSaveGuard guard(lock_);

		log_ = fake_log{};
		log_.contexts = contexts_;
		pending_ = false;
	}

private:
	struct device *const dev_;
	const u32 contexts_, format_, max_id_;
	const bool walk_cache_;
	/* The framework calls under its instance lock; the suite reads under this one. */
	mutable kcxx::SpinLock lock_{KCXX_LOCK_CLASS("socmmu_fake_iommu.log")};
	mutable fake_log log_ = {};
	/* raise()'s fault, until take_fault() takes it. */
	bool pending_ = false, fault_write_ = false, can_terminate_ = false;
	u32 fault_ctx_ = 0;
	u64 fault_addr_ = 0;
};

FakeHardware *find(struct device *dev)
{
	for (FakeHardware *f : fakes) {
		if (f && f->dev() == dev)
			return f;
	}
	return nullptr;
}

} // namespace

extern "C" {

void *fake_hw_create(const struct socmmu_hw_params *p, int *err) noexcept
{
	const u32 contexts = p->props[FAKE_PROP_CONTEXTS].present ? p->props[FAKE_PROP_CONTEXTS].cells[0] : 1;
	unsigned int slot = 0;

	if (!contexts || contexts > FAKE_MAX_CONTEXTS) {
		KCXX_DEV_ERR(p->dev, "socmmu,contexts must be 1 to %u\n", FAKE_MAX_CONTEXTS);
		*err = -kcxx::EINVAL;
		return nullptr;
	}
	while (slot < kMaxFakes && fakes[slot])
		slot++;
	if (slot == kMaxFakes) {
		*err = -kcxx::ENOSPC;
		return nullptr;
	}
	auto hw = kcxx::make_owned<FakeHardware>(p->dev, contexts, p->props[FAKE_PROP_FORMAT].cells[0],
						 p->props[FAKE_PROP_MAX_ID].cells[0],
						 p->props[FAKE_PROP_CACHES_EMPTY_L1].present);
	if (!hw.ok()) {
		*err = hw.to_errno();
		return nullptr;
	}
	fakes[slot] = hw.value().get();
	return static_cast<socmmu::Hardware *>(hw.value().release());
}

int fake_iommu_log(struct device *iommu, struct fake_log *out) noexcept
{
	FakeHardware *f = find(iommu);

	if (!f)
		return -kcxx::ENODEV;
	*out = f->log();
	return 0;
}

void fake_iommu_clear_log(struct device *iommu) noexcept
{
	if (FakeHardware *f = find(iommu))
		f->clear_log();
}

int fake_iommu_raise_fault(struct device *iommu, u32 ctx, u64 addr, bool write,
			   bool can_terminate) noexcept
{
	FakeHardware *f = find(iommu);

	if (!f)
		return -kcxx::ENODEV;
	if (ctx >= f->contexts())
		return -kcxx::EINVAL;
	f->raise(ctx, addr, write, can_terminate);
	return 0;
}

} // extern "C"
