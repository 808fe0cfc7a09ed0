// SPDX-License-Identifier: GPL-2.0
/*
 * The example ISP's registers: a DMA engine that captures one frame per
 * START into a bus address it is given.  The register map is the model's
 * (kunit/isp_model/isp_model.h), restated here as the driver's own copy,
 * as a real driver would have it from the hardware manual.
 *
 * Not locked: the shim calls every function under its IRQ-safe lock.
 */
#include <kcxx/errno.h>
#include <kcxx/mmio.h>
#include <kcxx/owner.h>
#include <kcxx/result.h>
#include <kcxx/types.h>

#include "isp_example.h"

namespace isp_example {
namespace {

struct Id : kcxx::Register32<Id, 0x00> {};
struct Ctrl : kcxx::Register32<Ctrl, 0x04> {
	KCXX_REG_FIELD(start, 0, 0)
	KCXX_REG_FIELD(abort, 1, 1)
};
struct Status : kcxx::Register32<Status, 0x08> {
	KCXX_REG_FIELD(busy, 0, 0)
};
/* IRQSTATUS (write 1 to clear) and IRQENABLE share their fields. */
template <typename Derived, u32 Offset> struct IrqBits : kcxx::Register32<Derived, Offset> {
	KCXX_REG_FIELD(frame_done, 0, 0)
	KCXX_REG_FIELD(dma_error, 1, 1)
};
struct IrqStatus : IrqBits<IrqStatus, 0x0c> {};
struct IrqEnable : IrqBits<IrqEnable, 0x10> {};
struct BufAddr : kcxx::Register32<BufAddr, 0x14> {};
struct Width : kcxx::Register32<Width, 0x18> {};
struct Height : kcxx::Register32<Height, 0x1c> {};
struct Stride : kcxx::Register32<Stride, 0x20> {};
struct Format : kcxx::Register32<Format, 0x24> {
	KCXX_REG_FIELD(yuyv, 0, 0)
};
struct FrameCount : kcxx::Register32<FrameCount, 0x28> {};
struct ErrorAddr : kcxx::Register32<ErrorAddr, 0x2c> {};

constexpr u32 kIspId = 0x15900001;

} // namespace

class Hw : kcxx::Pinned {
public:
	explicit Hw(kx_iomem *base) : mmio_(base) {}

	/* @id gets what the register said, right or wrong, for the message. */
	kcxx::Result<void> check_id(u32 *id)
	{
		*id = mmio_.read<Id>().raw();
		if (*id != kIspId)
			return kcxx::Error(-kcxx::ENODEV);
		return {};
	}

	void setup(const isp_pix &pix)
	{
		mmio_.write(Width::from_raw(pix.width));
		mmio_.write(Height::from_raw(pix.height));
		mmio_.write(Stride::from_raw(pix.bytesperline));
		mmio_.write(Format().set_yuyv(pix.fourcc == ISP_FOURCC_YUYV));
		/* Frame n of a stream shows n: V4L2's sequence number. */
		mmio_.write(FrameCount());
		mmio_.write(IrqStatus().set_frame_done(1).set_dma_error(1));
		mmio_.write(IrqEnable().set_frame_done(1).set_dma_error(1));
	}

	void capture(u32 addr)
	{
		mmio_.write(BufAddr::from_raw(addr));
		/* writel orders the buffer's earlier CPU writes before START. */
		mmio_.write(Ctrl().set_start(1));
	}

	bool take_irq(isp_hw_event *ev)
	{
		const IrqStatus status = mmio_.read<IrqStatus>();

		if (!status.frame_done() && !status.dma_error())
			return false;
		ev->frame_done = status.frame_done();
		ev->dma_error = status.dma_error();
		ev->error_addr = status.dma_error() ? mmio_.read<ErrorAddr>().raw() : 0;
		mmio_.write(status);
		return true;
	}

	void stop()
	{
		mmio_.write(Ctrl().set_abort(1));
		mmio_.write(IrqEnable());
		mmio_.write(IrqStatus().set_frame_done(1).set_dma_error(1));
	}

private:
	kcxx::Mmio mmio_;
};

} // namespace isp_example

struct isp_hw : isp_example::Hw {
	using Hw::Hw;
};

extern "C" {

struct isp_hw *isp_hw_create(struct kx_iomem *base, int *err) noexcept
{
	auto hw = kcxx::make_owned<isp_hw>(base);

	if (!hw.ok()) {
		*err = hw.to_errno();
		return nullptr;
	}
	return hw.value().release();
}

void isp_hw_destroy(struct isp_hw *hw) noexcept
{
	delete hw;
}

int isp_hw_check_id(struct isp_hw *hw, u32 *id) noexcept
{
	return hw->check_id(id).to_errno();
}

void isp_hw_setup(struct isp_hw *hw, const struct isp_pix *pix) noexcept
{
	hw->setup(*pix);
}

void isp_hw_capture(struct isp_hw *hw, u32 addr) noexcept
{
	hw->capture(addr);
}

bool isp_hw_take_irq(struct isp_hw *hw, struct isp_hw_event *ev) noexcept
{
	return hw->take_irq(ev);
}

void isp_hw_stop(struct isp_hw *hw) noexcept
{
	hw->stop();
}

} /* extern "C" */
