// SPDX-License-Identifier: GPL-2.0
/*
 * The simulated remote processor's registers: a core held in reset until
 * released at a boot address, a mailbox each way carrying vring notifyids,
 * and one interrupt.  The register map is the model's
 * (kunit/rproc_model/rproc_model.h), restated here as the driver's own
 * copy, as a real driver would have it from the hardware manual.
 *
 * Not locked: the shim calls every function under its IRQ-safe lock.
 */
#include <kcxx/errno.h>
#include <kcxx/mmio.h>
#include <kcxx/owner.h>
#include <kcxx/result.h>
#include <kcxx/types.h>

#include "srp.h"

namespace srp {
namespace {

struct Id : kcxx::Register32<Id, 0x00> {};
struct Ctrl : kcxx::Register32<Ctrl, 0x04> {
	KCXX_REG_FIELD(run, 0, 0)
	KCXX_REG_FIELD(warm, 1, 1)
};
struct Status : kcxx::Register32<Status, 0x08> {
	KCXX_REG_FIELD(running, 0, 0)
	KCXX_REG_FIELD(idle, 1, 1)
	KCXX_REG_FIELD(halted, 2, 2)
};
struct BootAddr : kcxx::Register32<BootAddr, 0x0c> {};
struct ErrorCode : kcxx::Register32<ErrorCode, 0x10> {};
struct ErrorAddr : kcxx::Register32<ErrorAddr, 0x14> {};
struct MboxTx : kcxx::Register32<MboxTx, 0x18> {};
struct MboxRx : kcxx::Register32<MboxRx, 0x1c> {};
struct MboxRxCount : kcxx::Register32<MboxRxCount, 0x20> {};
/* IRQSTATUS (write 1 to clear) and IRQENABLE share their fields. */
template <typename Derived, u32 Offset> struct IrqBits : kcxx::Register32<Derived, Offset> {
	KCXX_REG_FIELD(mbox, 0, 0)
	KCXX_REG_FIELD(halt, 1, 1)
};
struct IrqStatus : IrqBits<IrqStatus, 0x24> {};
struct IrqEnable : IrqBits<IrqEnable, 0x28> {};

constexpr u32 kId = 0x52500001;

} // namespace

class Hw : kcxx::Pinned {
public:
	explicit Hw(kx_iomem *base) : mmio_(base) {}

	/* @id gets what the register said, right or wrong, for the message. */
	kcxx::Result<void> check_id(u32 *id)
	{
		*id = mmio_.read<Id>().raw();
		if (*id != kId)
			return kcxx::Error(-kcxx::ENODEV);
		return {};
	}

	void run(u32 boot_addr, bool warm)
	{
		mmio_.write(IrqStatus().set_mbox(1).set_halt(1));
		mmio_.write(IrqEnable().set_mbox(1).set_halt(1));
		mmio_.write(BootAddr::from_raw(boot_addr));
		/* writel orders the image's earlier CPU writes before the release. */
		mmio_.write(Ctrl().set_run(1).set_warm(warm));
	}

	void stop()
	{
		mmio_.write(Ctrl());
		mmio_.write(IrqEnable());
		mmio_.write(IrqStatus().set_mbox(1).set_halt(1));
		/* Whatever the core said last is about vrings that are gone. */
		for (u32 n = mmio_.read<MboxRxCount>().raw(); n; n--)
			(void)mmio_.read<MboxRx>();
	}

	bool idle()
	{
		return mmio_.read<Status>().idle() && !mmio_.read<MboxRxCount>().raw() &&
		       !mmio_.read<IrqStatus>().mbox();
	}

	bool quiesce()
	{
		if (!idle())
			return false;
		mmio_.write(IrqEnable());
		mmio_.write(Ctrl());
		return true;
	}

	void kick(u32 vqid) { mmio_.write(MboxTx::from_raw(vqid)); }

	bool take_irq(srp_hw_event *ev)
	{
		const IrqStatus status = mmio_.read<IrqStatus>();

		*ev = {};
		if (!status.mbox() && !status.halt())
			return false;
		/* Clear first: a message the core adds while we drain raises it again. */
		mmio_.write(status);
		if (status.halt()) {
			ev->halted = true;
			ev->error = mmio_.read<ErrorCode>().raw();
			ev->error_addr = mmio_.read<ErrorAddr>().raw();
		}
		u32 n = mmio_.read<MboxRxCount>().raw();

		for (; n && ev->nr_msgs < SRP_MAX_MSGS; n--)
			ev->msgs[ev->nr_msgs++] = mmio_.read<MboxRx>().raw();
		return true;
	}

private:
	kcxx::Mmio mmio_;
};

} // namespace srp

struct srp_hw : srp::Hw {
	using Hw::Hw;
};

extern "C" {

struct srp_hw *srp_hw_create(struct kx_iomem *base, int *err) noexcept
{
	auto hw = kcxx::make_owned<srp_hw>(base);

	if (!hw.ok()) {
		*err = hw.to_errno();
		return nullptr;
	}
	return hw.value().release();
}

void srp_hw_destroy(struct srp_hw *hw) noexcept
{
	delete hw;
}

int srp_hw_check_id(struct srp_hw *hw, u32 *id) noexcept
{
	return hw->check_id(id).to_errno();
}

void srp_hw_run(struct srp_hw *hw, u32 boot_addr, bool warm) noexcept
{
	hw->run(boot_addr, warm);
}

void srp_hw_stop(struct srp_hw *hw) noexcept
{
	hw->stop();
}

bool srp_hw_idle(struct srp_hw *hw) noexcept
{
	return hw->idle();
}

bool srp_hw_quiesce(struct srp_hw *hw) noexcept
{
	return hw->quiesce();
}

void srp_hw_kick(struct srp_hw *hw, u32 vqid) noexcept
{
	hw->kick(vqid);
}

bool srp_hw_take_irq(struct srp_hw *hw, struct srp_hw_event *ev) noexcept
{
	return hw->take_irq(ev);
}

} /* extern "C" */
