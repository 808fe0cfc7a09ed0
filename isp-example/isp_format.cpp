// SPDX-License-Identifier: GPL-2.0
/*
 * The formats the example ISP writes: packed RGB24 and YUYV, one plane,
 * lines back to back.  V4L2's rule is that TRY/S_FMT correct what they
 * cannot take instead of refusing it; these functions do the correcting.
 */
#include <kcxx/bits.h>
#include <kcxx/types.h>
#include <kcxx/utility.h>

#include "isp_example.h"

namespace isp_example {
namespace {

struct Format {
	u32 fourcc;
	u32 bytes_per_pixel;
	u32 width_align;	/* YUYV pairs pixels */
};

constexpr Format kFormats[] = {
	{ ISP_FOURCC_RGB24, 3, 1 },
	{ ISP_FOURCC_YUYV, 2, 2 },
};
constexpr u32 kNumFormats = sizeof(kFormats) / sizeof(kFormats[0]);

/* The hardware's limits (kunit/isp_model/isp_model.h), made even. */
constexpr u32 kMinWidth = 16;
constexpr u32 kMaxWidth = 1920;
constexpr u32 kMinHeight = 8;
constexpr u32 kMaxHeight = 1080;

u32 clamp(u32 value, u32 lo, u32 hi)
{
	return kcxx::min(kcxx::max(value, lo), hi);
}

const Format &lookup(u32 fourcc)
{
	for (const Format &f : kFormats)
		if (f.fourcc == fourcc)
			return f;
	return kFormats[0];
}

} // namespace
} // namespace isp_example

using namespace isp_example;

extern "C" bool isp_fmt_enum(u32 index, u32 *fourcc) noexcept
{
	if (index >= kNumFormats)
		return false;
	*fourcc = kFormats[index].fourcc;
	return true;
}

extern "C" void isp_fmt_try(struct isp_pix *pix) noexcept
{
	const Format &f = lookup(pix->fourcc);

	pix->fourcc = f.fourcc;
	pix->width = kcxx::align_down(clamp(pix->width, kMinWidth, kMaxWidth), f.width_align);
	pix->height = clamp(pix->height, kMinHeight, kMaxHeight);
	/* The DMA engine writes lines back to back. */
	pix->bytesperline = pix->width * f.bytes_per_pixel;
	pix->sizeimage = pix->bytesperline * pix->height;
}

extern "C" void isp_fmt_default(struct isp_pix *pix) noexcept
{
	pix->fourcc = ISP_FOURCC_RGB24;
	pix->width = 320;
	pix->height = 240;
	isp_fmt_try(pix);
}
