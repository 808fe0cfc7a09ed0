/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The example camera driver: the boundary between its C shim
 * (isp_example_shim.c: platform driver, V4L2 and vb2 ops, runtime PM, IRQ)
 * and its C++ logic (isp_format.cpp: what formats the hardware takes;
 * isp_hw.cpp: the registers).  See Documentation/isp-example.rst.
 *
 * The driver does all its DMA through the DMA API (vb2's dma-contig
 * allocator): it never sees the IOMMU behind the ISP.
 */
#ifndef SOCMMU_ISP_EXAMPLE_H
#define SOCMMU_ISP_EXAMPLE_H

#include <shim/base.h>

struct kx_iomem;
/* The ISP's registers (C++). */
struct isp_hw;

/* V4L2 fourccs, restated for C++; checked against videodev2.h in the shim. */
#define ISP_FOURCC(a, b, c, d) \
	((u32)(a) | ((u32)(b) << 8) | ((u32)(c) << 16) | ((u32)(d) << 24))
#define ISP_FOURCC_RGB24	ISP_FOURCC('R', 'G', 'B', '3')
#define ISP_FOURCC_YUYV		ISP_FOURCC('Y', 'U', 'Y', 'V')

/* A single-plane format, as the hardware will write it. */
struct isp_pix {
	u32 fourcc;
	u32 width;
	u32 height;
	u32 bytesperline;
	u32 sizeimage;
};

/* What one interrupt said. */
struct isp_hw_event {
	bool frame_done;
	bool dma_error;		/* the frame is incomplete */
	u32 error_addr;		/* bus address of the failed write */
};

KX_BEGIN_DECLS

/* ---- formats ---- */
/* The @index-th supported fourcc; false past the last. */
bool isp_fmt_enum(u32 index, u32 *fourcc) KX_NOEXCEPT;
/* Make @pix one the hardware takes: fourcc, size, bytesperline, sizeimage. */
void isp_fmt_try(struct isp_pix *pix) KX_NOEXCEPT;
/* The default: 320x240 RGB24. */
void isp_fmt_default(struct isp_pix *pix) KX_NOEXCEPT;

/* ---- registers; the caller serialises every call on one isp_hw ---- */
struct isp_hw *isp_hw_create(struct kx_iomem *base, int *err) KX_NOEXCEPT;
void isp_hw_destroy(struct isp_hw *hw) KX_NOEXCEPT;
/* Powered: is the ID register the model's?  0 or -ENODEV. */
int isp_hw_check_id(struct isp_hw *hw, u32 *id) KX_NOEXCEPT;
/* Program a stream's format, restart the frame counter, enable IRQs. */
void isp_hw_setup(struct isp_hw *hw, const struct isp_pix *pix) KX_NOEXCEPT;
/* Capture one frame at bus address @addr. */
void isp_hw_capture(struct isp_hw *hw, u32 addr) KX_NOEXCEPT;
/* Take and acknowledge the pending interrupt; false when none was. */
bool isp_hw_take_irq(struct isp_hw *hw, struct isp_hw_event *ev) KX_NOEXCEPT;
/* Abort the frame in flight (nothing is written after) and mask IRQs. */
void isp_hw_stop(struct isp_hw *hw) KX_NOEXCEPT;

KX_END_DECLS

#endif
