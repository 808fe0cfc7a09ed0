// SPDX-License-Identifier: GPL-2.0
/*
 * Behavioural model of the example camera ISP: see isp_model.h for its
 * registers and behaviour.  Test bench code, so plain kernel C.
 *
 * Everything lives in static storage: the module stays loaded (logic_iomem
 * cannot unregister a region), and on 6.1 kmemleak cannot see module data.
 *
 * Locks: each camera's lock (raw, IRQ-safe) covers its registers, the
 * frame in flight and the counters; the frame worker holds it across each
 * line's model_bus_write(), which takes the IOMMU model's lock inside it,
 * so an ABORT or a power off never races a line.  The IOMMU model never
 * calls back.
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
#include <linux/platform_device.h>
#include <linux/pm.h>
#include <linux/pm_domain.h>
#include <linux/pm_runtime.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#include "../model_bus/model_bus.h"
#include "../model_pm/model_pm.h"
#include "isp_model.h"
#include "isp_pattern.h"

/* Frames wait this many ticks for a stalled MMU before giving up. */
#define ISP_STALL_RETRIES	100
#define ISP_MAX_CAMERAS		4

struct isp_model {
	raw_spinlock_t lock;
	struct device_node *np;
	char name[32];
	struct resource res;
	struct model_bus_master mmu;
	struct device *dev;
	struct model_pm_domain pm;

	/* The interrupt: one line, delivered from an irq_work. */
	unsigned int hwirq;
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
	u32 f_line;		/* the next line to write */
	unsigned int stall_waits;
	struct delayed_work frame_work;

	u32 inject_iova;	/* for the next START */
	struct isp_model_counters cnt;

	/* One line of the largest frame: only the frame worker uses it. */
	u8 line_buf[ISP_MODEL_MAX_WIDTH * 3];
};

static struct isp_model cams[ISP_MAX_CAMERAS];
static unsigned int nr_cams;
static struct irq_domain *isp_domain;

/* ------------------------------------------------------------ the IRQ -- */

static void isp_update_line(struct isp_model *cam)
{
	bool line = cam->powered && (cam->irqstatus & cam->irqenable);

	WRITE_ONCE(cam->line, line);
	if (line && cam->irq > 0 && !READ_ONCE(cam->masked))
		irq_work_queue(&cam->irq_work);
}

/* As in the IOMMU models: hard interrupt context, from the timer tick. */
static void isp_irq_work_fn(struct irq_work *work)
{
	struct isp_model *cam = container_of(work, struct isp_model, irq_work);

	if (!READ_ONCE(cam->line) || READ_ONCE(cam->masked))
		return;
	raw_spin_lock(&cam->lock);
	cam->cnt.irqs++;
	raw_spin_unlock(&cam->lock);
	generic_handle_domain_irq(isp_domain, cam->hwirq);
}

static struct isp_model *isp_of_hwirq(irq_hw_number_t hw)
{
	unsigned int i;

	for (i = 0; i < nr_cams; i++)
		if (cams[i].hwirq == hw)
			return &cams[i];
	return NULL;
}

static void isp_irq_mask(struct irq_data *d)
{
	struct isp_model *cam = irq_data_get_irq_chip_data(d);

	WRITE_ONCE(cam->masked, true);
}

static void isp_irq_unmask(struct irq_data *d)
{
	struct isp_model *cam = irq_data_get_irq_chip_data(d);

	WRITE_ONCE(cam->masked, false);
	if (READ_ONCE(cam->line))
		irq_work_queue(&cam->irq_work);
}

static struct irq_chip isp_irq_chip = {
	.name = "socmmu-isp-model",
	.irq_mask = isp_irq_mask,
	.irq_unmask = isp_irq_unmask,
};

static int isp_irq_map(struct irq_domain *d, unsigned int virq,
		       irq_hw_number_t hw)
{
	struct isp_model *cam = isp_of_hwirq(hw);

	if (!cam)
		return -EINVAL;
	irq_set_chip_data(virq, cam);
	irq_set_chip_and_handler(virq, &isp_irq_chip, handle_level_irq);
	return 0;
}

static const struct irq_domain_ops isp_irq_domain_ops = {
	.map = isp_irq_map,
	.xlate = irq_domain_xlate_onecell,
};

/* -------------------------------------------------------- the engine -- */

static void isp_end_frame(struct isp_model *cam, u32 bits)
{
	cam->busy = false;
	cam->gen++;
	if (bits & ISP_MODEL_IRQ_DMA_ERROR)
		cam->cnt.frame_errors++;
	else
		cam->cnt.frames_ok++;
	cam->irqstatus |= bits;
	isp_update_line(cam);
}

static void isp_fail_frame(struct isp_model *cam, u32 addr)
{
	cam->error_addr = addr;
	isp_end_frame(cam, ISP_MODEL_IRQ_FRAME_DONE | ISP_MODEL_IRQ_DMA_ERROR);
}

static u32 isp_bpp(u32 format)
{
	return format == ISP_MODEL_FORMAT_YUYV ? 2 : 3;
}

static bool isp_geometry_ok(const struct isp_model *cam)
{
	return cam->width >= ISP_MODEL_MIN_WIDTH &&
	       cam->width <= ISP_MODEL_MAX_WIDTH &&
	       cam->height >= 1 && cam->height <= ISP_MODEL_MAX_HEIGHT &&
	       cam->format <= ISP_MODEL_FORMAT_YUYV &&
	       !(cam->format == ISP_MODEL_FORMAT_YUYV && cam->width % 2) &&
	       cam->stride >= cam->width * isp_bpp(cam->format);
}

static void isp_start(struct isp_model *cam)
{
	cam->cnt.frames++;
	if (cam->busy || !isp_geometry_ok(cam)) {
		pr_err("socmmu isp model %s: START %s\n", cam->name,
		       cam->busy ? "while busy" : "with bad geometry");
		cam->frame_count++;
		isp_fail_frame(cam, cam->buf_addr);
		return;
	}
	cam->busy = true;
	cam->gen++;
	cam->f_addr = cam->buf_addr;
	cam->f_width = cam->width;
	cam->f_height = cam->height;
	cam->f_stride = cam->stride;
	cam->f_format = cam->format;
	cam->f_number = cam->frame_count++;
	cam->f_fault_iova = cam->inject_iova;
	cam->f_line = 0;
	cam->inject_iova = 0;
	cam->stall_waits = 0;
	/* A frame takes a tick: the sensor's exposure, as it were. */
	schedule_delayed_work(&cam->frame_work, 1);
}

static void isp_abort(struct isp_model *cam)
{
	if (!cam->busy)
		return;
	cam->busy = false;
	cam->gen++;
	cam->cnt.aborts++;
}

/* Held by the IOMMU: wait a tick, or give up; the lock is held. */
static void isp_wait_for_mmu(struct isp_model *cam, u32 addr)
{
	if (++cam->stall_waits < ISP_STALL_RETRIES) {
		schedule_delayed_work(&cam->frame_work, 1);
		return;
	}
	cam->cnt.mmu_faults++;
	isp_fail_frame(cam, addr);
}

static unsigned int isp_mmu_faults(const struct isp_model *cam)
{
	struct model_bus_stats st;

	model_bus_stats(&cam->mmu, &st);
	return st.faults;
}

static void isp_frame_work_fn(struct work_struct *work)
{
	struct isp_model *cam = container_of(to_delayed_work(work), struct isp_model,
					     frame_work);
	struct model_bus_result res;
	unsigned long flags;
	unsigned int gen, faults, y;
	u32 addr, height, stride, width, number, fault_iova, len;
	bool yuyv;

	raw_spin_lock_irqsave(&cam->lock, flags);
	if (!cam->busy) {
		raw_spin_unlock_irqrestore(&cam->lock, flags);
		return;
	}
	gen = cam->gen;
	addr = cam->f_addr;
	width = cam->f_width;
	height = cam->f_height;
	stride = cam->f_stride;
	number = cam->f_number;
	fault_iova = cam->f_fault_iova;
	yuyv = cam->f_format == ISP_MODEL_FORMAT_YUYV;
	len = width * isp_bpp(cam->f_format);
	y = cam->f_line;
	faults = isp_mmu_faults(cam);
	raw_spin_unlock_irqrestore(&cam->lock, flags);

	for (; y < height; y++) {
		u32 line_addr = addr + y * stride;
		int status;

		if (fault_iova && y == height / 2)
			line_addr = fault_iova;
		isp_pattern_line(cam->line_buf, y, width, yuyv, number);
		raw_spin_lock_irqsave(&cam->lock, flags);
		/* An ABORT, a power off or a new START ended this frame. */
		if (!cam->busy || cam->gen != gen) {
			raw_spin_unlock_irqrestore(&cam->lock, flags);
			return;
		}
		status = model_bus_write(&cam->mmu, line_addr, cam->line_buf, len, &res);
		if (status != MODEL_BUS_OK) {
			bool faulted = isp_mmu_faults(cam) != faults;

			if (status == MODEL_BUS_STALLED && !faulted) {
				/*
				 * Held, with no new fault: stalled on an earlier
				 * one, or blocked.  The line waits, as on the bus.
				 */
				cam->f_line = y;
				isp_wait_for_mmu(cam, line_addr);
			} else {
				if (faulted)
					cam->cnt.mmu_faults++;
				isp_fail_frame(cam, res.fault_addr);
			}
			raw_spin_unlock_irqrestore(&cam->lock, flags);
			return;
		}
		raw_spin_unlock_irqrestore(&cam->lock, flags);
		cond_resched();
	}
	raw_spin_lock_irqsave(&cam->lock, flags);
	if (cam->busy && cam->gen == gen)
		isp_end_frame(cam, ISP_MODEL_IRQ_FRAME_DONE);
	raw_spin_unlock_irqrestore(&cam->lock, flags);
}

/* ----------------------------------------------------------- the MMIO -- */

static void isp_reset(struct isp_model *cam)
{
	isp_abort(cam);
	cam->irqstatus = 0;
	cam->irqenable = 0;
	cam->buf_addr = 0;
	cam->width = 0;
	cam->height = 0;
	cam->stride = 0;
	cam->format = 0;
	cam->frame_count = 0;
	cam->error_addr = 0;
	isp_update_line(cam);
}

static void isp_power_locked(struct isp_model *cam, bool on)
{
	if (cam->powered == on)
		return;
	cam->powered = on;
	if (on) {
		cam->cnt.power_ons++;
	} else {
		cam->cnt.power_offs++;
		isp_reset(cam);
	}
}

static bool isp_access_ok(struct isp_model *cam, unsigned int offset, int size)
{
	if (size == sizeof(u32) && offset % sizeof(u32) == 0 &&
	    offset < ISP_MODEL_WINDOW) {
		if (cam->powered)
			return true;
		cam->cnt.off_accesses++;
		pr_err("socmmu isp model %s: access at 0x%x while powered off\n",
		       cam->name, offset);
		return false;
	}
	cam->cnt.bad_accesses++;
	pr_err("socmmu isp model %s: bad %d-byte access at 0x%x\n", cam->name,
	       size, offset);
	return false;
}

static unsigned long isp_mmio_read(void *priv, unsigned int offset, int size)
{
	struct isp_model *cam = priv;
	unsigned long flags, value = 0;

	raw_spin_lock_irqsave(&cam->lock, flags);
	if (!isp_access_ok(cam, offset, size))
		goto out;
	switch (offset) {
	case ISP_MODEL_REG_ID:
		value = ISP_MODEL_ID;
		break;
	case ISP_MODEL_REG_STATUS:
		value = cam->busy ? ISP_MODEL_STATUS_BUSY : 0;
		break;
	case ISP_MODEL_REG_IRQSTATUS:
		value = cam->irqstatus;
		break;
	case ISP_MODEL_REG_IRQENABLE:
		value = cam->irqenable;
		break;
	case ISP_MODEL_REG_BUF_ADDR:
		value = cam->buf_addr;
		break;
	case ISP_MODEL_REG_WIDTH:
		value = cam->width;
		break;
	case ISP_MODEL_REG_HEIGHT:
		value = cam->height;
		break;
	case ISP_MODEL_REG_STRIDE:
		value = cam->stride;
		break;
	case ISP_MODEL_REG_FORMAT:
		value = cam->format;
		break;
	case ISP_MODEL_REG_FRAME_COUNT:
		value = cam->frame_count;
		break;
	case ISP_MODEL_REG_ERROR_ADDR:
		value = cam->error_addr;
		break;
	default:	/* CTRL is write-only; reserved reads 0 */
		break;
	}
out:
	raw_spin_unlock_irqrestore(&cam->lock, flags);
	return value;
}

static void isp_mmio_write(void *priv, unsigned int offset, int size,
			   unsigned long value)
{
	struct isp_model *cam = priv;
	unsigned long flags;

	raw_spin_lock_irqsave(&cam->lock, flags);
	if (!isp_access_ok(cam, offset, size))
		goto out;
	switch (offset) {
	case ISP_MODEL_REG_CTRL:
		if (value & ISP_MODEL_CTRL_ABORT)
			isp_abort(cam);
		else if (value & ISP_MODEL_CTRL_START)
			isp_start(cam);
		break;
	case ISP_MODEL_REG_IRQSTATUS:
		cam->irqstatus &= ~(value & ISP_MODEL_IRQ_MASK);
		isp_update_line(cam);
		break;
	case ISP_MODEL_REG_IRQENABLE:
		cam->irqenable = value & ISP_MODEL_IRQ_MASK;
		isp_update_line(cam);
		break;
	case ISP_MODEL_REG_BUF_ADDR:
		cam->buf_addr = value;
		break;
	case ISP_MODEL_REG_WIDTH:
		cam->width = value;
		break;
	case ISP_MODEL_REG_HEIGHT:
		cam->height = value;
		break;
	case ISP_MODEL_REG_STRIDE:
		cam->stride = value;
		break;
	case ISP_MODEL_REG_FORMAT:
		cam->format = value;
		break;
	case ISP_MODEL_REG_FRAME_COUNT:
		cam->frame_count = value;
		break;
	default:	/* read-only or reserved */
		break;
	}
out:
	raw_spin_unlock_irqrestore(&cam->lock, flags);
}

static const struct logic_iomem_ops isp_mmio_ops = {
	.read = isp_mmio_read,
	.write = isp_mmio_write,
};

/*
 * logic_iomem's map() gets no pointer back to the region, so each window
 * has a region_ops of its own; ISP_MAX_CAMERAS of them, generated.
 */
#define ISP_MAP_FN(n)							\
static long isp_map_##n(unsigned long offset, size_t size,		\
			const struct logic_iomem_ops **ops, void **priv)\
{									\
	if (offset + size > ISP_MODEL_WINDOW)				\
		return -EINVAL;						\
	*ops = &isp_mmio_ops;						\
	*priv = &cams[n];						\
	return offset;							\
}

ISP_MAP_FN(0)
ISP_MAP_FN(1)
ISP_MAP_FN(2)
ISP_MAP_FN(3)

static const struct logic_iomem_region_ops isp_region_ops[ISP_MAX_CAMERAS] = {
	{ .map = isp_map_0 }, { .map = isp_map_1 }, { .map = isp_map_2 },
	{ .map = isp_map_3 },
};

/* --------------------------------------------------------- the API -- */

/**
 * isp_model_cam_set_power() - power a camera on or off, bypassing PM
 * @cam: the camera
 * @on: the new state
 *
 * Powering off aborts the frame in flight and resets every register.
 */
void isp_model_cam_set_power(struct isp_model *cam, bool on)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&cam->lock, flags);
	isp_power_locked(cam, on);
	raw_spin_unlock_irqrestore(&cam->lock, flags);
}
EXPORT_SYMBOL_GPL(isp_model_cam_set_power);

/**
 * isp_model_cam_powered() - is a camera powered?
 * @cam: the camera
 *
 * Return: its power state.
 */
bool isp_model_cam_powered(const struct isp_model *cam)
{
	return READ_ONCE(cam->powered);
}
EXPORT_SYMBOL_GPL(isp_model_cam_powered);

/**
 * isp_model_cam_counters() - copy a camera's counters
 * @cam: the camera
 * @out: where they go
 */
void isp_model_cam_counters(const struct isp_model *cam,
			    struct isp_model_counters *out)
{
	struct isp_model *c = (struct isp_model *)cam;
	unsigned long flags;

	raw_spin_lock_irqsave(&c->lock, flags);
	*out = cam->cnt;
	raw_spin_unlock_irqrestore(&c->lock, flags);
}
EXPORT_SYMBOL_GPL(isp_model_cam_counters);

/**
 * isp_model_cam_inject_fault() - send a line of a camera's next frame to @iova
 * @cam: the camera
 * @iova: a bus address nothing maps (0 cancels)
 */
void isp_model_cam_inject_fault(struct isp_model *cam, u32 iova)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&cam->lock, flags);
	cam->inject_iova = iova;
	raw_spin_unlock_irqrestore(&cam->lock, flags);
}
EXPORT_SYMBOL_GPL(isp_model_cam_inject_fault);

/**
 * isp_model_cam_device() - a camera's platform device
 * @cam: the camera
 *
 * Return: &pdev->dev of the camera node's platform device, or NULL (a
 * disabled node has none).
 */
struct device *isp_model_cam_device(const struct isp_model *cam)
{
	return READ_ONCE(cam->dev);
}
EXPORT_SYMBOL_GPL(isp_model_cam_device);

/**
 * isp_model_cam_get() - a camera by index, in DT order
 * @index: 0 for the first
 *
 * Return: the camera, or NULL past the last.
 */
struct isp_model *isp_model_cam_get(unsigned int index)
{
	return index < nr_cams ? &cams[index] : NULL;
}
EXPORT_SYMBOL_GPL(isp_model_cam_get);

/**
 * isp_model_cam_find() - a camera by its node's name
 * @name: "isp@d1070000", or the full path
 *
 * Return: the camera, or NULL when none matches.
 */
struct isp_model *isp_model_cam_find(const char *name)
{
	unsigned int i;
	char path[64];

	for (i = 0; i < nr_cams; i++) {
		snprintf(path, sizeof(path), "%pOF", cams[i].np);
		if (!strcmp(name, cams[i].name) || !strcmp(name, path))
			return &cams[i];
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(isp_model_cam_find);

/**
 * isp_model_cam_name() - a camera's node name
 * @cam: the camera
 *
 * Return: "isp@d1070000" and the like.
 */
const char *isp_model_cam_name(const struct isp_model *cam)
{
	return cam->name;
}
EXPORT_SYMBOL_GPL(isp_model_cam_name);

/**
 * isp_model_cam_phys_base() - physical address of a camera's registers
 * @cam: the camera
 *
 * Return: the address; the window is ISP_MODEL_WINDOW bytes.
 */
u64 isp_model_cam_phys_base(const struct isp_model *cam)
{
	return cam->res.start;
}
EXPORT_SYMBOL_GPL(isp_model_cam_phys_base);

/* The first camera, for the single-camera API; never NULL once loaded. */
static struct isp_model *isp_first(void)
{
	return &cams[0];
}

/**
 * isp_model_set_power() - power the first camera on or off, bypassing PM
 * @on: the new state
 *
 * Powering off aborts the frame in flight and resets every register.
 */
void isp_model_set_power(bool on)
{
	isp_model_cam_set_power(isp_first(), on);
}
EXPORT_SYMBOL_GPL(isp_model_set_power);

/**
 * isp_model_powered() - is the first camera powered?
 *
 * Return: its power state.
 */
bool isp_model_powered(void)
{
	return isp_model_cam_powered(isp_first());
}
EXPORT_SYMBOL_GPL(isp_model_powered);

/**
 * isp_model_counters() - copy the first camera's counters
 * @out: where they go
 */
void isp_model_counters(struct isp_model_counters *out)
{
	isp_model_cam_counters(isp_first(), out);
}
EXPORT_SYMBOL_GPL(isp_model_counters);

/**
 * isp_model_inject_fault() - send a line of the first camera's next frame to @iova
 * @iova: a bus address nothing maps (0 cancels)
 */
void isp_model_inject_fault(u32 iova)
{
	isp_model_cam_inject_fault(isp_first(), iova);
}
EXPORT_SYMBOL_GPL(isp_model_inject_fault);

/**
 * isp_model_device() - the first camera's platform device
 *
 * Return: &pdev->dev of the ISP node's platform device, or NULL.
 */
struct device *isp_model_device(void)
{
	return nr_cams ? isp_model_cam_device(isp_first()) : NULL;
}
EXPORT_SYMBOL_GPL(isp_model_device);

/* ------------------------------------------------------------ debugfs -- */

static int isp_stats_show(struct seq_file *s, void *unused)
{
	struct isp_model *cam = s->private;
	struct isp_model_counters c;
	struct model_bus_stats m;

	isp_model_cam_counters(cam, &c);
	model_bus_stats(&cam->mmu, &m);
	seq_printf(s, "frames %u\nframes_ok %u\nframe_errors %u\nmmu_faults_in_frames %u\n",
		   c.frames, c.frames_ok, c.frame_errors, c.mmu_faults);
	seq_printf(s, "aborts %u\nirqs %u\npower_ons %u\npower_offs %u\n",
		   c.aborts, c.irqs, c.power_ons, c.power_offs);
	seq_printf(s, "off_accesses %u\nbad_accesses %u\npowered %d\n",
		   c.off_accesses, c.bad_accesses, isp_model_cam_powered(cam));
	seq_printf(s, "mmu_name %s\nmmu_faults %u\nmmu_irqs %u\nmmu_table_walks %u\n",
		   model_bus_name(&cam->mmu), m.faults, m.irqs, m.table_walks);
	seq_printf(s, "mmu_tlb_hits %u\nmmu_tlb_misses %u\nmmu_gflushes %u\nmmu_flush_entries %u\n",
		   m.tlb_hits, m.tlb_misses, m.full_flushes, m.entry_flushes);
	seq_printf(s, "mmu_full_flushes %u\nmmu_entry_flushes %u\nmmu_range_flushes %u\n",
		   m.full_flushes, m.entry_flushes, m.range_flushes);
	seq_printf(s, "mmu_walks_4k %u\nmmu_walks_64k %u\nmmu_walks_1m %u\nmmu_walks_16m %u\n",
		   m.walks_by_size[MODEL_BUS_4K], m.walks_by_size[MODEL_BUS_64K],
		   m.walks_by_size[MODEL_BUS_1M], m.walks_by_size[MODEL_BUS_16M]);
	seq_printf(s, "mmu_bypassed %u\nmmu_power_ons %u\nmmu_power_offs %u\nmmu_off_accesses %u\n",
		   m.bypassed, m.power_ons, m.power_offs, m.off_accesses);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(isp_stats);

static ssize_t isp_inject_write(struct file *file, const char __user *ubuf,
				size_t count, loff_t *ppos)
{
	struct isp_model *cam = file->private_data;
	u32 iova;
	int ret = kstrtou32_from_user(ubuf, count, 0, &iova);

	if (ret)
		return ret;
	isp_model_cam_inject_fault(cam, iova);
	return count;
}

static const struct file_operations isp_inject_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = isp_inject_write,
};

static void isp_debugfs_files(struct dentry *dir, struct isp_model *cam)
{
	debugfs_create_file("stats", 0444, dir, cam, &isp_stats_fops);
	debugfs_create_file("inject_fault", 0200, dir, cam, &isp_inject_fops);
}

/* ------------------------------------------------------- the PM domain -- */

/* The models' PM domain (model_pm.h): the driver's callbacks, and power. */
static void isp_pd_set_power(struct model_pm_domain *pd, bool on)
{
	isp_model_cam_set_power(container_of(pd, struct isp_model, pm), on);
}

static bool isp_pd_powered(struct model_pm_domain *pd)
{
	return isp_model_cam_powered(container_of(pd, struct isp_model, pm));
}

static bool isp_pm_find(const struct device_node *np, struct model_pm_slot *slot)
{
	unsigned int i;

	for (i = 0; i < nr_cams; i++) {
		if (cams[i].np == np) {
			slot->pd = &cams[i].pm;
			slot->dev = &cams[i].dev;
			return true;
		}
	}
	return false;
}

static struct model_pm_binder isp_binder = {
	.name = "isp",
	.find = isp_pm_find,
};

/* ---------------------------------------------- the interrupt controller -- */

static int isp_intc_probe(struct platform_device *pdev)
{
	struct irq_domain *d;

	if (isp_domain)
		return -EBUSY;
	d = irq_domain_create_linear(of_fwnode_handle(pdev->dev.of_node),
				     ISP_MAX_CAMERAS, &isp_irq_domain_ops, NULL);
	if (!d)
		return -ENOMEM;
	isp_domain = d;
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

/*
 * The IOMMU in front of the camera, from the model bus.  A disabled camera
 * whose IOMMU has no model loaded (make demo loads only OMAP's) is skipped:
 * -EAGAIN.  An enabled one must have its IOMMU.
 */
static int isp_find_mmu(struct isp_model *cam, struct device_node *np)
{
	int ret = model_bus_master_of(np, 0, &cam->mmu);

	if (ret == -ENODEV && !of_device_is_available(np)) {
		pr_info("socmmu isp model: %pOF skipped: its IOMMU has no model loaded\n", np);
		return -EAGAIN;
	}
	if (ret)
		pr_err("socmmu isp model: %pOF: no modelled IOMMU behind iommus: %d\n", np, ret);
	return ret;
}

/* The camera's interrupt cell: its hwirq on isp_intc. */
static int isp_take_hwirq(struct isp_model *cam, struct device_node *np)
{
	struct of_phandle_args args;
	int ret = of_irq_parse_one(np, 0, &args);

	if (ret || args.args_count != 1 || args.args[0] >= ISP_MAX_CAMERAS ||
	    isp_of_hwirq(args.args[0])) {
		pr_err("socmmu isp model: %pOF: needs its own interrupt on isp_intc\n", np);
		if (!ret)
			of_node_put(args.np);
		return -EINVAL;
	}
	of_node_put(args.np);
	cam->hwirq = args.args[0];
	return 0;
}

static int isp_add_camera(struct device_node *np)
{
	struct isp_model *cam = &cams[nr_cams];
	int ret;

	cam->irq = -ENXIO;
	cam->masked = true;
	strscpy(cam->name, kbasename(np->full_name), sizeof(cam->name));
	ret = isp_find_mmu(cam, np);
	if (ret)
		return ret;
	ret = isp_take_hwirq(cam, np);
	if (ret)
		return ret;
	ret = of_address_to_resource(np, 0, &cam->res);
	if (ret)
		return ret;
	if (resource_size(&cam->res) != ISP_MODEL_WINDOW) {
		pr_err("socmmu isp model: %pOF: window is not 0x100 bytes\n", np);
		return -EINVAL;
	}
	cam->res.name = cam->name;
	INIT_DELAYED_WORK(&cam->frame_work, isp_frame_work_fn);
	init_irq_work(&cam->irq_work, isp_irq_work_fn);
	model_pm_domain_init(&cam->pm, isp_pd_set_power, isp_pd_powered);
	ret = logic_iomem_add_region(&cam->res, &isp_region_ops[nr_cams]);
	if (ret)
		return ret;
	cam->np = of_node_get(np);
	nr_cams++;
	return 0;
}

static int __init isp_add_cameras(void)
{
	struct device_node *np;
	int ret;

	for_each_compatible_node(np, NULL, "socmmu,example-isp") {
		if (nr_cams == ISP_MAX_CAMERAS) {
			pr_err("socmmu isp model: more than %d cameras\n", ISP_MAX_CAMERAS);
			of_node_put(np);
			return -ENOSPC;
		}
		ret = isp_add_camera(np);
		if (ret == -EAGAIN)
			continue;
		if (ret) {
			of_node_put(np);
			return ret;
		}
	}
	return 0;
}

static int __init isp_model_init(void)
{
	struct dentry *dir;
	unsigned int i;
	int ret;

	/* The single-camera API may run with no camera: its lock must work. */
	for (i = 0; i < ISP_MAX_CAMERAS; i++)
		raw_spin_lock_init(&cams[i].lock);
	ret = isp_add_cameras();
	if (ret)
		return ret;
	if (!nr_cams) {
		pr_info("socmmu isp model: no ISP in the device tree\n");
		return 0;
	}

	ret = platform_driver_register(&isp_intc_driver);
	if (ret)
		return ret;
	if (!isp_domain) {
		pr_err("socmmu isp model: its interrupt controller did not probe\n");
		return -ENODEV;
	}
	for (i = 0; i < nr_cams; i++) {
		cams[i].irq = irq_of_parse_and_map(cams[i].np, 0);
		if (cams[i].irq <= 0) {
			pr_err("socmmu isp model: %pOF: no interrupt\n", cams[i].np);
			return -ENXIO;
		}
	}

	ret = model_pm_binder_register(&isp_binder);
	if (ret)
		return ret;
	for (i = 0; i < nr_cams; i++)
		model_pm_binder_attach(&isp_binder, cams[i].np);

	dir = debugfs_create_dir("socmmu_isp_model", NULL);
	isp_debugfs_files(dir, isp_first());
	for (i = 0; i < nr_cams; i++) {
		isp_debugfs_files(debugfs_create_dir(cams[i].name, dir), &cams[i]);
		pr_info("socmmu isp model: %pOF behind %s, irq %d\n", cams[i].np,
			model_bus_name(&cams[i].mmu), cams[i].irq);
	}
	return 0;
}
module_init(isp_model_init);

MODULE_DESCRIPTION("socmmu test bench: behavioural model of the example camera ISP");
MODULE_LICENSE("GPL");
