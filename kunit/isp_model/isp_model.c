// SPDX-License-Identifier: GPL-2.0
/*
 * Behavioural model of the example camera ISP: see isp_model.h for its
 * registers and behaviour.  Test bench code, so plain kernel C.
 *
 * Everything lives in static storage: the module stays loaded (logic_iomem
 * cannot unregister a region), and on 6.1 kmemleak cannot see module data.
 *
 * Locks: isp.lock (raw, IRQ-safe) covers the registers, the frame in
 * flight and the counters; the frame worker holds it across each line's
 * omap_model_write(), which takes the MMU model's lock inside it, so an
 * ABORT or a power off never races a line.  The MMU model never calls back.
 */
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/irq.h>
#include <linux/irq_work.h>
#include <linux/irqdomain.h>
#include <linux/logic_iomem.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/pm.h>
#include <linux/pm_domain.h>
#include <linux/pm_runtime.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#include "../model_pm/model_pm.h"
#include "../omap_model/omap_model.h"
#include "isp_model.h"
#include "isp_pattern.h"

/* Frames wait this many ticks for a stalled MMU before giving up. */
#define ISP_STALL_RETRIES	100

static struct {
	raw_spinlock_t lock;
	struct device_node *np;
	struct resource res;
	struct omap_model *mmu;
	struct device *dev;
	struct model_pm_domain pm;

	/* The interrupt: one line, delivered from an irq_work. */
	struct irq_domain *domain;
	int irq;
	bool masked;
	bool line;
	struct irq_work irq_work;

	/* Registers: what power off resets. */
	bool powered;
	u32 irqstatus, irqenable, buf_addr, width, height, stride, format;
	u32 frame_count, error_addr;

	/* The frame in flight, latched at START. */
	bool busy;
	unsigned int gen;	/* changes on every START, ABORT and power off */
	u32 f_addr, f_width, f_height, f_stride, f_format, f_number;
	u32 f_fault_iova;	/* 0: no injected fault in this frame */
	unsigned int stall_waits;
	struct delayed_work frame_work;

	u32 inject_iova;	/* for the next START */
	struct isp_model_counters cnt;
} isp = {
	.lock = __RAW_SPIN_LOCK_UNLOCKED(isp.lock),
	.irq = -ENXIO,
	.masked = true,
};

/* One line of the largest frame: only the frame worker uses it. */
static u8 isp_line[ISP_MODEL_MAX_WIDTH * 3];

/* ------------------------------------------------------------ the IRQ -- */

static void isp_update_line(void)
{
	bool line = isp.powered && (isp.irqstatus & isp.irqenable);

	WRITE_ONCE(isp.line, line);
	if (line && isp.irq > 0 && !READ_ONCE(isp.masked))
		irq_work_queue(&isp.irq_work);
}

/* As in the OMAP model: hard interrupt context, from the timer tick. */
static void isp_irq_work_fn(struct irq_work *work)
{
	if (!READ_ONCE(isp.line) || READ_ONCE(isp.masked))
		return;
	raw_spin_lock(&isp.lock);
	isp.cnt.irqs++;
	raw_spin_unlock(&isp.lock);
	generic_handle_domain_irq(isp.domain, 0);
}

static void isp_irq_mask(struct irq_data *d)
{
	WRITE_ONCE(isp.masked, true);
}

static void isp_irq_unmask(struct irq_data *d)
{
	WRITE_ONCE(isp.masked, false);
	if (READ_ONCE(isp.line))
		irq_work_queue(&isp.irq_work);
}

static struct irq_chip isp_irq_chip = {
	.name = "socmmu-isp-model",
	.irq_mask = isp_irq_mask,
	.irq_unmask = isp_irq_unmask,
};

static int isp_irq_map(struct irq_domain *d, unsigned int virq,
		       irq_hw_number_t hw)
{
	if (hw != 0)
		return -EINVAL;
	irq_set_chip_and_handler(virq, &isp_irq_chip, handle_level_irq);
	return 0;
}

static const struct irq_domain_ops isp_irq_domain_ops = {
	.map = isp_irq_map,
	.xlate = irq_domain_xlate_onecell,
};

/* -------------------------------------------------------- the engine -- */

static void isp_end_frame(u32 bits)
{
	isp.busy = false;
	isp.gen++;
	if (bits & ISP_MODEL_IRQ_DMA_ERROR)
		isp.cnt.frame_errors++;
	else
		isp.cnt.frames_ok++;
	isp.irqstatus |= bits;
	isp_update_line();
}

static void isp_fail_frame(u32 addr)
{
	isp.error_addr = addr;
	isp_end_frame(ISP_MODEL_IRQ_FRAME_DONE | ISP_MODEL_IRQ_DMA_ERROR);
}

static u32 isp_bpp(u32 format)
{
	return format == ISP_MODEL_FORMAT_YUYV ? 2 : 3;
}

static bool isp_geometry_ok(void)
{
	return isp.width >= ISP_MODEL_MIN_WIDTH &&
	       isp.width <= ISP_MODEL_MAX_WIDTH &&
	       isp.height >= 1 && isp.height <= ISP_MODEL_MAX_HEIGHT &&
	       isp.format <= ISP_MODEL_FORMAT_YUYV &&
	       !(isp.format == ISP_MODEL_FORMAT_YUYV && isp.width % 2) &&
	       isp.stride >= isp.width * isp_bpp(isp.format);
}

static void isp_start(void)
{
	isp.cnt.frames++;
	if (isp.busy || !isp_geometry_ok()) {
		pr_err("socmmu isp model: START %s\n",
		       isp.busy ? "while busy" : "with bad geometry");
		isp.frame_count++;
		isp_fail_frame(isp.buf_addr);
		return;
	}
	isp.busy = true;
	isp.gen++;
	isp.f_addr = isp.buf_addr;
	isp.f_width = isp.width;
	isp.f_height = isp.height;
	isp.f_stride = isp.stride;
	isp.f_format = isp.format;
	isp.f_number = isp.frame_count++;
	isp.f_fault_iova = isp.inject_iova;
	isp.inject_iova = 0;
	isp.stall_waits = 0;
	/* A frame takes a tick: the sensor's exposure, as it were. */
	schedule_delayed_work(&isp.frame_work, 1);
}

static void isp_abort(void)
{
	if (!isp.busy)
		return;
	isp.busy = false;
	isp.gen++;
	isp.cnt.aborts++;
}

static void isp_frame_work_fn(struct work_struct *work)
{
	struct omap_model_result res;
	unsigned long flags;
	unsigned int gen, y;
	u32 addr, width, height, stride, number, fault_iova, len;
	bool yuyv;

	raw_spin_lock_irqsave(&isp.lock, flags);
	if (!isp.busy) {
		raw_spin_unlock_irqrestore(&isp.lock, flags);
		return;
	}
	gen = isp.gen;
	/* A stalled MMU holds the bus: the frame waits, as the hardware would. */
	if (omap_model_stalled(isp.mmu)) {
		if (++isp.stall_waits < ISP_STALL_RETRIES) {
			schedule_delayed_work(&isp.frame_work, 1);
		} else {
			isp.cnt.mmu_faults++;
			isp_fail_frame(isp.f_addr);
		}
		raw_spin_unlock_irqrestore(&isp.lock, flags);
		return;
	}
	addr = isp.f_addr;
	width = isp.f_width;
	height = isp.f_height;
	stride = isp.f_stride;
	number = isp.f_number;
	fault_iova = isp.f_fault_iova;
	yuyv = isp.f_format == ISP_MODEL_FORMAT_YUYV;
	len = width * isp_bpp(isp.f_format);
	raw_spin_unlock_irqrestore(&isp.lock, flags);

	for (y = 0; y < height; y++) {
		u32 line_addr = addr + y * stride;
		int status;

		if (fault_iova && y == height / 2)
			line_addr = fault_iova;
		isp_pattern_line(isp_line, y, width, yuyv, number);
		raw_spin_lock_irqsave(&isp.lock, flags);
		/* An ABORT, a power off or a new START ended this frame. */
		if (!isp.busy || isp.gen != gen) {
			raw_spin_unlock_irqrestore(&isp.lock, flags);
			return;
		}
		status = omap_model_write(isp.mmu, line_addr, isp_line, len, &res);
		if (status != OMAP_MODEL_OK) {
			if (status == OMAP_MODEL_STALLED || res.irqstatus)
				isp.cnt.mmu_faults++;
			isp_fail_frame(res.fault_addr);
			raw_spin_unlock_irqrestore(&isp.lock, flags);
			return;
		}
		raw_spin_unlock_irqrestore(&isp.lock, flags);
		cond_resched();
	}
	raw_spin_lock_irqsave(&isp.lock, flags);
	if (isp.busy && isp.gen == gen)
		isp_end_frame(ISP_MODEL_IRQ_FRAME_DONE);
	raw_spin_unlock_irqrestore(&isp.lock, flags);
}

/* ----------------------------------------------------------- the MMIO -- */

static void isp_reset(void)
{
	isp_abort();
	isp.irqstatus = 0;
	isp.irqenable = 0;
	isp.buf_addr = 0;
	isp.width = 0;
	isp.height = 0;
	isp.stride = 0;
	isp.format = 0;
	isp.frame_count = 0;
	isp.error_addr = 0;
	isp_update_line();
}

static void isp_power_locked(bool on)
{
	if (isp.powered == on)
		return;
	isp.powered = on;
	if (on) {
		isp.cnt.power_ons++;
	} else {
		isp.cnt.power_offs++;
		isp_reset();
	}
}

static bool isp_access_ok(unsigned int offset, int size)
{
	if (size == sizeof(u32) && offset % sizeof(u32) == 0 &&
	    offset < ISP_MODEL_WINDOW) {
		if (isp.powered)
			return true;
		isp.cnt.off_accesses++;
		pr_err("socmmu isp model: access at 0x%x while powered off\n",
		       offset);
		return false;
	}
	isp.cnt.bad_accesses++;
	pr_err("socmmu isp model: bad %d-byte access at 0x%x\n", size, offset);
	return false;
}

static unsigned long isp_mmio_read(void *priv, unsigned int offset, int size)
{
	unsigned long flags, value = 0;

	raw_spin_lock_irqsave(&isp.lock, flags);
	if (!isp_access_ok(offset, size))
		goto out;
	switch (offset) {
	case ISP_MODEL_REG_ID:
		value = ISP_MODEL_ID;
		break;
	case ISP_MODEL_REG_STATUS:
		value = isp.busy ? ISP_MODEL_STATUS_BUSY : 0;
		break;
	case ISP_MODEL_REG_IRQSTATUS:
		value = isp.irqstatus;
		break;
	case ISP_MODEL_REG_IRQENABLE:
		value = isp.irqenable;
		break;
	case ISP_MODEL_REG_BUF_ADDR:
		value = isp.buf_addr;
		break;
	case ISP_MODEL_REG_WIDTH:
		value = isp.width;
		break;
	case ISP_MODEL_REG_HEIGHT:
		value = isp.height;
		break;
	case ISP_MODEL_REG_STRIDE:
		value = isp.stride;
		break;
	case ISP_MODEL_REG_FORMAT:
		value = isp.format;
		break;
	case ISP_MODEL_REG_FRAME_COUNT:
		value = isp.frame_count;
		break;
	case ISP_MODEL_REG_ERROR_ADDR:
		value = isp.error_addr;
		break;
	default:	/* CTRL is write-only; reserved reads 0 */
		break;
	}
out:
	raw_spin_unlock_irqrestore(&isp.lock, flags);
	return value;
}

static void isp_mmio_write(void *priv, unsigned int offset, int size,
			   unsigned long value)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&isp.lock, flags);
	if (!isp_access_ok(offset, size))
		goto out;
	switch (offset) {
	case ISP_MODEL_REG_CTRL:
		if (value & ISP_MODEL_CTRL_ABORT)
			isp_abort();
		else if (value & ISP_MODEL_CTRL_START)
			isp_start();
		break;
	case ISP_MODEL_REG_IRQSTATUS:
		isp.irqstatus &= ~(value & ISP_MODEL_IRQ_MASK);
		isp_update_line();
		break;
	case ISP_MODEL_REG_IRQENABLE:
		isp.irqenable = value & ISP_MODEL_IRQ_MASK;
		isp_update_line();
		break;
	case ISP_MODEL_REG_BUF_ADDR:
		isp.buf_addr = value;
		break;
	case ISP_MODEL_REG_WIDTH:
		isp.width = value;
		break;
	case ISP_MODEL_REG_HEIGHT:
		isp.height = value;
		break;
	case ISP_MODEL_REG_STRIDE:
		isp.stride = value;
		break;
	case ISP_MODEL_REG_FORMAT:
		isp.format = value;
		break;
	case ISP_MODEL_REG_FRAME_COUNT:
		isp.frame_count = value;
		break;
	default:	/* read-only or reserved */
		break;
	}
out:
	raw_spin_unlock_irqrestore(&isp.lock, flags);
}

static const struct logic_iomem_ops isp_mmio_ops = {
	.read = isp_mmio_read,
	.write = isp_mmio_write,
};

static long isp_map(unsigned long offset, size_t size,
		    const struct logic_iomem_ops **ops, void **priv)
{
	if (offset + size > ISP_MODEL_WINDOW)
		return -EINVAL;
	*ops = &isp_mmio_ops;
	*priv = NULL;
	return offset;
}

static const struct logic_iomem_region_ops isp_region_ops = {
	.map = isp_map,
};

/* --------------------------------------------------------- the API -- */

/**
 * isp_model_set_power() - power the ISP on or off, bypassing PM
 * @on: the new state
 *
 * Powering off aborts the frame in flight and resets every register.
 */
void isp_model_set_power(bool on)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&isp.lock, flags);
	isp_power_locked(on);
	raw_spin_unlock_irqrestore(&isp.lock, flags);
}
EXPORT_SYMBOL_GPL(isp_model_set_power);

/**
 * isp_model_powered() - is the ISP powered?
 *
 * Return: its power state.
 */
bool isp_model_powered(void)
{
	return READ_ONCE(isp.powered);
}
EXPORT_SYMBOL_GPL(isp_model_powered);

/**
 * isp_model_counters() - copy the ISP's counters
 * @out: where they go
 */
void isp_model_counters(struct isp_model_counters *out)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&isp.lock, flags);
	*out = isp.cnt;
	raw_spin_unlock_irqrestore(&isp.lock, flags);
}
EXPORT_SYMBOL_GPL(isp_model_counters);

/**
 * isp_model_inject_fault() - send a line of the next frame to @iova
 * @iova: a bus address nothing maps (0 cancels)
 */
void isp_model_inject_fault(u32 iova)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&isp.lock, flags);
	isp.inject_iova = iova;
	raw_spin_unlock_irqrestore(&isp.lock, flags);
}
EXPORT_SYMBOL_GPL(isp_model_inject_fault);

/**
 * isp_model_device() - the ISP's platform device
 *
 * Return: &pdev->dev of the ISP node's platform device, or NULL.
 */
struct device *isp_model_device(void)
{
	return READ_ONCE(isp.dev);
}
EXPORT_SYMBOL_GPL(isp_model_device);

/* ------------------------------------------------------------ debugfs -- */

static int isp_stats_show(struct seq_file *s, void *unused)
{
	struct isp_model_counters c;
	struct omap_model_counters m;

	isp_model_counters(&c);
	omap_model_counters(isp.mmu, &m);
	seq_printf(s, "frames %u\nframes_ok %u\nframe_errors %u\nmmu_faults_in_frames %u\n",
		   c.frames, c.frames_ok, c.frame_errors, c.mmu_faults);
	seq_printf(s, "aborts %u\nirqs %u\npower_ons %u\npower_offs %u\n",
		   c.aborts, c.irqs, c.power_ons, c.power_offs);
	seq_printf(s, "off_accesses %u\nbad_accesses %u\npowered %d\n",
		   c.off_accesses, c.bad_accesses, isp_model_powered());
	seq_printf(s, "mmu_name %s\nmmu_faults %u\nmmu_irqs %u\nmmu_table_walks %u\n",
		   omap_model_name(isp.mmu), m.faults, m.irqs, m.table_walks);
	seq_printf(s, "mmu_tlb_hits %u\nmmu_tlb_misses %u\nmmu_gflushes %u\nmmu_flush_entries %u\n",
		   m.tlb_hits, m.tlb_misses, m.gflushes, m.flush_entries);
	seq_printf(s, "mmu_walks_4k %u\nmmu_walks_64k %u\nmmu_walks_1m %u\nmmu_walks_16m %u\n",
		   m.walks_by_size[OMAP_MODEL_CAM_SIZE_4K],
		   m.walks_by_size[OMAP_MODEL_CAM_SIZE_64K],
		   m.walks_by_size[OMAP_MODEL_CAM_SIZE_1M],
		   m.walks_by_size[OMAP_MODEL_CAM_SIZE_16M]);
	seq_printf(s, "mmu_bypassed %u\nmmu_power_ons %u\nmmu_power_offs %u\nmmu_off_accesses %u\n",
		   m.bypassed, m.power_ons, m.power_offs, m.off_accesses);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(isp_stats);

static ssize_t isp_inject_write(struct file *file, const char __user *ubuf,
				size_t count, loff_t *ppos)
{
	u32 iova;
	int ret = kstrtou32_from_user(ubuf, count, 0, &iova);

	if (ret)
		return ret;
	isp_model_inject_fault(iova);
	return count;
}

static const struct file_operations isp_inject_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = isp_inject_write,
};

/* ------------------------------------------------------- the PM domain -- */

/* The OMAP model's kind (model_pm.h): the driver's callbacks, and power. */
static void isp_pd_set_power(struct model_pm_domain *pd, bool on)
{
	isp_model_set_power(on);
}

static bool isp_pd_powered(struct model_pm_domain *pd)
{
	return isp_model_powered();
}

static void isp_attach_device(struct device *dev)
{
	if (!isp.np || dev->of_node != isp.np || isp.dev)
		return;
	if (dev->pm_domain) {
		dev_warn(dev, "socmmu isp model: device already has a PM domain\n");
		return;
	}
	dev_pm_domain_set(dev, &isp.pm.pmd);
	WRITE_ONCE(isp.dev, dev);
}

static int isp_bus_notify(struct notifier_block *nb, unsigned long action,
			  void *data)
{
	struct device *dev = data;

	switch (action) {
	case BUS_NOTIFY_ADD_DEVICE:
		isp_attach_device(dev);
		break;
	case BUS_NOTIFY_DEL_DEVICE:
		if (isp.dev == dev) {
			dev_pm_domain_set(dev, NULL);
			WRITE_ONCE(isp.dev, NULL);
		}
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block isp_bus_nb = {
	.notifier_call = isp_bus_notify,
};

/* ---------------------------------------------- the interrupt controller -- */

static int isp_intc_probe(struct platform_device *pdev)
{
	struct irq_domain *d;

	if (isp.domain)
		return -EBUSY;
	d = irq_domain_create_linear(of_fwnode_handle(pdev->dev.of_node), 1,
				     &isp_irq_domain_ops, NULL);
	if (!d)
		return -ENOMEM;
	isp.domain = d;
	return 0;
}

static const struct of_device_id isp_intc_of_match[] = {
	{ .compatible = "socmmu,isp-model-intc" },
	{}
};

static struct platform_driver isp_intc_driver = {
	.probe = isp_intc_probe,
	.driver = {
		.name = "socmmu-isp-model-intc",
		.of_match_table = isp_intc_of_match,
		.suppress_bind_attrs = true,
	},
};

/* ------------------------------------------------------------- init -- */

static int isp_find_mmu(void)
{
	struct device_node *mmu_np = of_parse_phandle(isp.np, "iommus", 0);
	char path[64];

	if (!mmu_np) {
		pr_err("socmmu isp model: %pOF has no iommus\n", isp.np);
		return -EINVAL;
	}
	snprintf(path, sizeof(path), "%pOF", mmu_np);
	of_node_put(mmu_np);
	isp.mmu = omap_model_find(path);
	if (!isp.mmu) {
		pr_err("socmmu isp model: %s is not an OMAP model MMU\n", path);
		return -ENODEV;
	}
	return 0;
}

static int __init isp_model_init(void)
{
	struct platform_device *pdev;
	struct dentry *dir;
	int ret;

	isp.np = of_find_compatible_node(NULL, NULL, "socmmu,example-isp");
	if (!isp.np) {
		pr_info("socmmu isp model: no ISP in the device tree\n");
		return 0;
	}
	ret = isp_find_mmu();
	if (ret)
		return ret;
	ret = of_address_to_resource(isp.np, 0, &isp.res);
	if (ret)
		return ret;
	if (resource_size(&isp.res) != ISP_MODEL_WINDOW) {
		pr_err("socmmu isp model: %pOF: window is not 0x100 bytes\n", isp.np);
		return -EINVAL;
	}
	isp.res.name = "socmmu-isp-model";
	INIT_DELAYED_WORK(&isp.frame_work, isp_frame_work_fn);
	init_irq_work(&isp.irq_work, isp_irq_work_fn);
	model_pm_domain_init(&isp.pm, isp_pd_set_power, isp_pd_powered);
	ret = logic_iomem_add_region(&isp.res, &isp_region_ops);
	if (ret)
		return ret;

	ret = platform_driver_register(&isp_intc_driver);
	if (ret)
		return ret;
	if (!isp.domain) {
		pr_err("socmmu isp model: its interrupt controller did not probe\n");
		return -ENODEV;
	}
	isp.irq = irq_of_parse_and_map(isp.np, 0);
	if (isp.irq <= 0) {
		pr_err("socmmu isp model: %pOF: no interrupt\n", isp.np);
		return -ENXIO;
	}

	ret = bus_register_notifier(&platform_bus_type, &isp_bus_nb);
	if (ret)
		return ret;
	pdev = of_find_device_by_node(isp.np);
	if (pdev) {
		device_lock(&pdev->dev);
		isp_attach_device(&pdev->dev);
		device_unlock(&pdev->dev);
		put_device(&pdev->dev);
	}

	dir = debugfs_create_dir("socmmu_isp_model", NULL);
	debugfs_create_file("stats", 0444, dir, NULL, &isp_stats_fops);
	debugfs_create_file("inject_fault", 0200, dir, NULL, &isp_inject_fops);
	pr_info("socmmu isp model: %pOF behind %s, irq %d\n", isp.np,
		omap_model_name(isp.mmu), isp.irq);
	return 0;
}
module_init(isp_model_init);

MODULE_DESCRIPTION("socmmu test bench: behavioural model of the example camera ISP");
MODULE_LICENSE("GPL");
