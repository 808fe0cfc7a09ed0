/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Behavioural model of the example camera ISP (isp-example/): a DMA engine
 * that writes one frame of a test pattern (isp_pattern.h) per START, line
 * by line, as the bus master behind the IOMMU named by the node's "iommus"
 * (mmu_cam, an OMAP MMU, for the first camera of the test DT), through the
 * model bus (kunit/model_bus/model_bus.h) only: it works behind any IOMMU
 * model.  It never writes memory itself: every byte goes through the IOMMU
 * model, which translates (or bypasses, with no domain attached) and faults.
 *
 * Every "socmmu,example-isp" node is a camera of its own, disabled nodes
 * included (their IOMMU must be modelled; a disabled camera whose IOMMU
 * model is not loaded is skipped).  The nodes (kunit/dts/socmmu-test.dts):
 *	isp@d1070000 { compatible = "socmmu,example-isp"; reg = <... 0x100>;
 *		       interrupt-parent = <&isp_intc>; interrupts = <0>;
 *		       iommus = <&mmu_cam>; };
 *	isp@d20b0000 { ... interrupts = <1>; iommus = <&sysmmu_isp>; ... };
 * and their interrupt controller, "socmmu,isp-model-intc", one hwirq per
 * camera.  The functions without a camera argument act on the first
 * camera in DT order.
 *
 * Registers (32-bit, aligned; the driver's copy is isp-example/isp_hw.cpp):
 *
 *   0x00 ID           RO  ISP_MODEL_ID
 *   0x04 CTRL         WO  bit 0 START: capture one frame into BUF_ADDR;
 *                         bit 1 ABORT: stop the frame in flight; no byte of
 *                         it is written after the write returns, and it
 *                         raises no interrupt
 *   0x08 STATUS       RO  bit 0 BUSY: a frame is in flight
 *   0x0c IRQSTATUS    W1C bit 0 FRAME_DONE, bit 1 DMA_ERROR
 *   0x10 IRQENABLE    RW  same bits
 *   0x14 BUF_ADDR     RW  bus address (IOVA) of the frame's first byte
 *   0x18 WIDTH        RW  pixels, 16..ISP_MODEL_MAX_WIDTH, even for YUYV
 *   0x1c HEIGHT       RW  lines, 1..ISP_MODEL_MAX_HEIGHT
 *   0x20 STRIDE       RW  bytes from one line to the next, >= a line
 *   0x24 FORMAT       RW  0 RGB24, 1 YUYV
 *   0x28 FRAME_COUNT  RW  frames started; the pattern shows it; START
 *                         increments it after the frame
 *   0x2c ERROR_ADDR   RO  bus address of the first write that failed
 *
 * A frame ends with FRAME_DONE; when a write failed (an MMU fault, a bus
 * error, or the MMU powered off) it ends early with DMA_ERROR | FRAME_DONE
 * and ERROR_ADDR set, writing nothing more.  While the MMU holds its master
 * (stalled on an earlier fault, or blocked) the frame waits, at its start
 * or at the line the MMU held, and fails after 100 ticks of waiting.
 * START with bad geometry (or while busy) ends the frame at once with
 * DMA_ERROR and ERROR_ADDR = BUF_ADDR.
 *
 * Power follows a dev_pm_domain (model_pm.h) on the ISP device:
 * registers read 0 and writes are dropped while off (counted in
 * off_accesses); power off aborts the frame and resets the registers.
 *
 * debugfs, /sys/kernel/debug/socmmu_isp_model/ (for the first camera; each
 * camera also has the same files in a directory named after its node,
 * "isp@d1070000"):
 *   stats         "name value" lines: the ISP's counters, then the IOMMU's
 *                 (model_bus_stats of the iommus instance, "mmu_" names;
 *                 mmu_gflushes and mmu_flush_entries are OMAP's names for
 *                 mmu_full_flushes and mmu_entry_flushes)
 *   inject_fault  write a bus address: the next frame writes its first
 *                 HEIGHT/2 lines to BUF_ADDR and its next line there, as an
 *                 engine given a corrupt address mid-frame would
 */
#ifndef SOCMMU_ISP_MODEL_H
#define SOCMMU_ISP_MODEL_H

#include <shim/base.h>

#define ISP_MODEL_ID		0x15900001u
#define ISP_MODEL_WINDOW	0x100u

#define ISP_MODEL_REG_ID		0x00
#define ISP_MODEL_REG_CTRL		0x04
#define ISP_MODEL_REG_STATUS		0x08
#define ISP_MODEL_REG_IRQSTATUS		0x0c
#define ISP_MODEL_REG_IRQENABLE		0x10
#define ISP_MODEL_REG_BUF_ADDR		0x14
#define ISP_MODEL_REG_WIDTH		0x18
#define ISP_MODEL_REG_HEIGHT		0x1c
#define ISP_MODEL_REG_STRIDE		0x20
#define ISP_MODEL_REG_FORMAT		0x24
#define ISP_MODEL_REG_FRAME_COUNT	0x28
#define ISP_MODEL_REG_ERROR_ADDR	0x2c

#define ISP_MODEL_CTRL_START		0x1u
#define ISP_MODEL_CTRL_ABORT		0x2u
#define ISP_MODEL_STATUS_BUSY		0x1u
#define ISP_MODEL_IRQ_FRAME_DONE	0x1u
#define ISP_MODEL_IRQ_DMA_ERROR		0x2u
#define ISP_MODEL_IRQ_MASK		0x3u
#define ISP_MODEL_FORMAT_RGB24		0u
#define ISP_MODEL_FORMAT_YUYV		1u

#define ISP_MODEL_MIN_WIDTH	16u
#define ISP_MODEL_MAX_WIDTH	1920u
#define ISP_MODEL_MAX_HEIGHT	1080u

struct isp_model_counters {
	unsigned int frames;		/* frames started */
	unsigned int frames_ok;
	unsigned int frame_errors;	/* frames ended with DMA_ERROR */
	unsigned int mmu_faults;	/* ... of them, by an MMU fault */
	unsigned int aborts;
	unsigned int irqs;		/* interrupts delivered to Linux */
	unsigned int power_ons;
	unsigned int power_offs;
	unsigned int off_accesses;	/* register accesses while off */
	unsigned int bad_accesses;	/* not an aligned 32-bit access */
};

struct device;
struct isp_model;

KX_BEGIN_DECLS

/* The first camera in DT order. */
/* Power, bypassing PM (tests); off aborts the frame and resets registers. */
void isp_model_set_power(bool on) KX_NOEXCEPT;
bool isp_model_powered(void) KX_NOEXCEPT;
void isp_model_counters(struct isp_model_counters *out) KX_NOEXCEPT;
/* The next frame sends its line HEIGHT/2 to @iova (see inject_fault). */
void isp_model_inject_fault(u32 iova) KX_NOEXCEPT;
/* The ISP's platform device, or NULL. */
struct device *isp_model_device(void) KX_NOEXCEPT;

/* Any camera: by index in DT order (NULL past the last), or by node name. */
struct isp_model *isp_model_cam_get(unsigned int index) KX_NOEXCEPT;
struct isp_model *isp_model_cam_find(const char *name) KX_NOEXCEPT;
const char *isp_model_cam_name(const struct isp_model *cam) KX_NOEXCEPT;
u64 isp_model_cam_phys_base(const struct isp_model *cam) KX_NOEXCEPT;
void isp_model_cam_set_power(struct isp_model *cam, bool on) KX_NOEXCEPT;
bool isp_model_cam_powered(const struct isp_model *cam) KX_NOEXCEPT;
void isp_model_cam_counters(const struct isp_model *cam,
			    struct isp_model_counters *out) KX_NOEXCEPT;
void isp_model_cam_inject_fault(struct isp_model *cam, u32 iova) KX_NOEXCEPT;
struct device *isp_model_cam_device(const struct isp_model *cam) KX_NOEXCEPT;

KX_END_DECLS

#endif
