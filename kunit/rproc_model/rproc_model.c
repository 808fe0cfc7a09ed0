// SPDX-License-Identifier: GPL-2.0
/*
 * Behavioural model of the simulated remote processor: see rproc_model.h
 * for its registers and what its firmware does.  Test bench code, so
 * plain kernel C.
 *
 * Everything lives in static storage: the module stays loaded
 * (logic_iomem cannot unregister a region), and on 6.1 kmemleak cannot
 * see module data, so no heap memory hangs from it between calls.
 *
 * Locks: rm->lock (raw, IRQ-safe) covers the registers, the mailboxes, the
 * core's state and its counters; it is never held across a transfer.  The
 * core runs in rm->work, one step at a time: each step takes a snapshot
 * of rm->gen, which power off and CTRL.RUN = 0 change, and a step whose
 * generation is gone changes nothing.  Transfers go through the model bus,
 * which takes the IOMMU model's lock inside.
 */
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/elf.h>
#include <linux/firmware.h>
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
#include <linux/pm_domain.h>
#include <linux/remoteproc.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ids.h>
#include <linux/virtio_ring.h>
#include <linux/workqueue.h>

#include "../model_bus/model_bus.h"
#include "../model_pm/model_pm.h"
#include "rproc_model.h"

#define RM_MAX_CORES		4
#define RM_CHUNK		512	/* bytes per image transfer */
#define RM_MSG_MAX		512	/* one rpmsg buffer */
#define RM_TABLE_MAX		1024	/* resource table bytes read */

/* virtio_rpmsg_bus's wire format (its structs are private to it). */
struct rm_rpmsg_hdr {
	u32 src;
	u32 dst;
	u32 reserved;
	u16 len;
	u16 flags;
} __packed;

struct rm_rpmsg_ns {
	char name[32];
	u32 addr;
	u32 flags;
} __packed;

/*
 * The vring as the core sees it: legacy virtio (rproc offers no
 * VIRTIO_F_VERSION_1), so little-endian like the host here, in plain types.
 */
struct rm_vring_desc {
	u64 addr;
	u32 len;
	u16 flags;
	u16 next;
};

struct rm_used_elem {
	u32 id;
	u32 len;
};

static_assert(sizeof(struct rm_vring_desc) == sizeof(struct vring_desc));
static_assert(sizeof(struct rm_used_elem) == sizeof(struct vring_used_elem));
static_assert(sizeof(struct rm_rpmsg_hdr) == 16);
static_assert(sizeof(struct rm_rpmsg_ns) == 40);

enum rm_core_state { RM_RESET, RM_BOOTING, RM_RUNNING, RM_HALTED };

/* A vring as the core keeps it in its memory: the context a warm boot resumes. */
struct rm_vring {
	u32 desc, avail, used, num, align, notifyid;
	u16 last_avail;
	u16 used_idx;
};

struct rm_core {
	raw_spinlock_t lock;
	struct device_node *np;
	char name[32];
	struct resource res;
	struct model_bus_master port;	/* the core's: code, table, vrings */
	struct model_bus_master mover;	/* the data mover's: payloads */
	const char *fw_name;
	struct device *dev;
	struct model_pm_domain pm;
	unsigned int hwirq;
	int irq;
	struct irq_work irq_work;
	bool line;
	bool masked;
	struct work_struct work;

	/* Registers: what power off resets. */
	bool powered;
	u32 ctrl, boot_addr, error, error_addr, irqstatus, irqenable;
	u32 tx[RPROC_MODEL_MBOX_DEPTH], rx[RPROC_MODEL_MBOX_DEPTH];
	unsigned int tx_head, tx_count, rx_head, rx_count;

	/* The core. */
	enum rm_core_state state;
	bool warm;		/* the boot in progress resumes the context */
	bool busy;		/* a step is queued or running */
	bool hold;		/* rproc_model_hold(): take no message */
	unsigned int gen;
	u32 inject_da;		/* 0: none */

	/* Its context, kept across power off; a cold boot starts it afresh. */
	bool ctx_valid;
	u32 table_da, table_len, vdev_off;
	unsigned int nr_carveouts;
	struct rproc_model_carveout carveouts[RPROC_MODEL_MAX_CARVEOUTS];
	bool vdev_ready;
	bool announced;
	struct rm_vring vring[2];
	bool bufs_seen;
	u32 buf_da_min, buf_da_end;

	struct rproc_model_counters cnt;
};

static struct rm_core cores[RM_MAX_CORES];
static unsigned int nr_cores;
static struct irq_domain *rm_domain;
static struct dentry *rm_debugfs;

/* One transfer buffer per core, used by its work item only. */
static u8 rm_buf[RM_MAX_CORES][RM_TABLE_MAX];

static unsigned int rm_index(const struct rm_core *c)
{
	return c - cores;
}

/* ------------------------------------------------------------ the IRQ -- */

static void rm_update_line(struct rm_core *c)
{
	bool line = c->powered && (c->irqstatus & c->irqenable);

	WRITE_ONCE(c->line, line);
	if (line && c->irq > 0 && !READ_ONCE(c->masked))
		irq_work_queue(&c->irq_work);
}

/* Hard interrupt context, from the timer tick, as the OMAP model's. */
static void rm_irq_work_fn(struct irq_work *work)
{
	struct rm_core *c = container_of(work, struct rm_core, irq_work);

	if (!READ_ONCE(c->line) || READ_ONCE(c->masked))
		return;
	raw_spin_lock(&c->lock);
	c->cnt.irqs++;
	raw_spin_unlock(&c->lock);
	generic_handle_domain_irq(rm_domain, c->hwirq);
}

static void rm_irq_mask(struct irq_data *d)
{
	WRITE_ONCE(cores[d->hwirq].masked, true);
}

static void rm_irq_unmask(struct irq_data *d)
{
	struct rm_core *c = &cores[d->hwirq];

	WRITE_ONCE(c->masked, false);
	if (READ_ONCE(c->line))
		irq_work_queue(&c->irq_work);
}

static struct irq_chip rm_irq_chip = {
	.name = "socmmu-rproc-model",
	.irq_mask = rm_irq_mask,
	.irq_unmask = rm_irq_unmask,
};

static int rm_irq_map(struct irq_domain *d, unsigned int virq, irq_hw_number_t hw)
{
	if (hw >= RM_MAX_CORES)
		return -EINVAL;
	irq_set_chip_and_handler(virq, &rm_irq_chip, handle_level_irq);
	return 0;
}

static const struct irq_domain_ops rm_irq_domain_ops = {
	.map = rm_irq_map,
	.xlate = irq_domain_xlate_onecell,
};

/* ------------------------------------------------------ the mailboxes -- */

/* Core -> host; lock held. */
static void rm_notify_locked(struct rm_core *c, u32 msg)
{
	if (c->rx_count == RPROC_MODEL_MBOX_DEPTH) {
		c->cnt.mbox_lost++;
		return;
	}
	c->rx[(c->rx_head + c->rx_count++) % RPROC_MODEL_MBOX_DEPTH] = msg;
	c->cnt.notifies++;
	c->irqstatus |= RPROC_MODEL_IRQ_MBOX;
	rm_update_line(c);
}

/* The work item runs the core; busy stays set until it has nothing to do. */
static void rm_kick_locked(struct rm_core *c)
{
	c->busy = true;
	schedule_work(&c->work);
}

/* Stop the core (RUN cleared, power off): its context stays. */
static void rm_stop_locked(struct rm_core *c)
{
	c->state = RM_RESET;
	c->gen++;
	c->tx_count = 0;
	c->rx_count = 0;
}

/* ------------------------------------------------------------ the core -- */

/* Lock held.  False when the step's generation is gone. */
static bool rm_current(struct rm_core *c, unsigned int gen)
{
	return c->gen == gen && c->powered;
}

static void rm_halt(struct rm_core *c, unsigned int gen, u32 error, u32 addr)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&c->lock, flags);
	if (rm_current(c, gen)) {
		c->state = RM_HALTED;
		c->error = error;
		c->error_addr = addr;
		c->cnt.halts++;
		c->irqstatus |= RPROC_MODEL_IRQ_HALT;
		rm_update_line(c);
	}
	raw_spin_unlock_irqrestore(&c->lock, flags);
	pr_info("socmmu rproc model %s: core halted: error %u at 0x%08x\n", c->name, error, addr);
}

/* A transfer by one of the core's masters; on failure the core halts. */
static int rm_xfer(struct rm_core *c, unsigned int gen, struct model_bus_master *m, u32 da,
		   void *rbuf, const void *wbuf, size_t len)
{
	struct model_bus_result res = {};
	unsigned long flags;
	int status;

	status = rbuf ? model_bus_read(m, da, rbuf, len, &res)
		      : model_bus_write(m, da, wbuf, len, &res);
	if (status == MODEL_BUS_OK)
		return 0;
	raw_spin_lock_irqsave(&c->lock, flags);
	c->cnt.bus_errors++;
	raw_spin_unlock_irqrestore(&c->lock, flags);
	rm_halt(c, gen, RPROC_MODEL_ERR_BUS, status == MODEL_BUS_STALLED ? res.fault_addr : da);
	return -EIO;
}

static int rm_read(struct rm_core *c, unsigned int gen, u32 da, void *buf, size_t len)
{
	return rm_xfer(c, gen, &c->port, da, buf, NULL, len);
}

static int rm_write(struct rm_core *c, unsigned int gen, u32 da, const void *buf, size_t len)
{
	return rm_xfer(c, gen, &c->port, da, NULL, buf, len);
}

/* ------------------------------------------------------------ booting -- */

static const struct elf32_shdr *rm_elf_table(const struct firmware *fw, const struct elf32_hdr *eh)
{
	const struct elf32_shdr *sh = (const void *)fw->data + eh->e_shoff;
	const char *names;
	unsigned int i;

	if (!eh->e_shnum || eh->e_shstrndx >= eh->e_shnum ||
	    eh->e_shoff + (u64)eh->e_shnum * sizeof(*sh) > fw->size ||
	    sh[eh->e_shstrndx].sh_offset >= fw->size)
		return NULL;
	names = (const char *)fw->data + sh[eh->e_shstrndx].sh_offset;
	for (i = 0; i < eh->e_shnum; i++) {
		u64 end = sh[eh->e_shstrndx].sh_offset + (u64)sh[i].sh_name;

		if (end < fw->size &&
		    !strncmp(names + sh[i].sh_name, ".resource_table", fw->size - end))
			return &sh[i];
	}
	return NULL;
}

/*
 * Check one segment through the core's port: the file's bytes, then
 * zeros; [skip, skip_end) is the resource table, which the host rewrites.
 */
static int rm_check_segment(struct rm_core *c, unsigned int gen, const struct firmware *fw,
			    const struct elf32_phdr *ph, u32 skip, u32 skip_end,
			    unsigned int *bytes)
{
	u8 *buf = rm_buf[rm_index(c)];
	u32 off;

	for (off = 0; off < ph->p_memsz; off += RM_CHUNK) {
		u32 len = min_t(u32, RM_CHUNK, ph->p_memsz - off);
		u32 i;

		if (rm_read(c, gen, ph->p_paddr + off, buf, len))
			return -EIO;
		for (i = 0; i < len; i++) {
			u32 at = off + i, da = ph->p_paddr + at;
			u8 want = at < ph->p_filesz ? fw->data[ph->p_offset + at] : 0;

			if (da >= skip && da < skip_end)
				continue;
			if (buf[i] != want) {
				pr_err("socmmu rproc model %s: 0x%08x reads 0x%02x, the ELF has 0x%02x\n",
				       c->name, da, buf[i], want);
				rm_halt(c, gen, RPROC_MODEL_ERR_IMAGE, da);
				return -EIO;
			}
		}
		*bytes += len;
	}
	return 0;
}

/* The image through the IOMMU against the ELF; the table's place from it. */
static int rm_check_image(struct rm_core *c, unsigned int gen, bool warm)
{
	const struct firmware *fw = NULL;
	const struct elf32_hdr *eh;
	const struct elf32_phdr *ph;
	const struct elf32_shdr *table;
	unsigned int i, segments = 0, bytes = 0;
	unsigned long flags;
	int ret = -EINVAL;

	if (!c->fw_name || request_firmware_direct(&fw, c->fw_name, c->dev)) {
		pr_err("socmmu rproc model %s: no firmware %s to check against\n", c->name,
		       c->fw_name ?: "(no firmware-name)");
		rm_halt(c, gen, RPROC_MODEL_ERR_BOOT, 0);
		return -ENOENT;
	}
	eh = (const void *)fw->data;
	if (fw->size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_phoff + (u64)eh->e_phnum * sizeof(*ph) > fw->size) {
		pr_err("socmmu rproc model %s: %s is not an ELF32 image\n", c->name, c->fw_name);
		rm_halt(c, gen, RPROC_MODEL_ERR_BOOT, 0);
		goto out;
	}
	table = rm_elf_table(fw, eh);
	if (!table || table->sh_size < sizeof(struct resource_table)) {
		pr_err("socmmu rproc model %s: %s has no resource table\n", c->name, c->fw_name);
		rm_halt(c, gen, RPROC_MODEL_ERR_TABLE, 0);
		goto out;
	}
	if (c->boot_addr != eh->e_entry) {
		pr_err("socmmu rproc model %s: BOOT_ADDR 0x%08x, the entry is 0x%08x\n", c->name,
		       c->boot_addr, eh->e_entry);
		rm_halt(c, gen, RPROC_MODEL_ERR_BOOT, c->boot_addr);
		goto out;
	}
	ph = (const void *)fw->data + eh->e_phoff;
	for (i = 0; i < eh->e_phnum; i++, ph++) {
		if (ph->p_type != PT_LOAD || !ph->p_memsz)
			continue;
		/* A warm core's data is its own by now: only code is fetched again. */
		if (warm && !(ph->p_flags & PF_X))
			continue;
		if (ph->p_filesz > ph->p_memsz || ph->p_offset + (u64)ph->p_filesz > fw->size) {
			rm_halt(c, gen, RPROC_MODEL_ERR_BOOT, ph->p_paddr);
			goto out;
		}
		ret = rm_check_segment(c, gen, fw, ph, table->sh_addr,
				       table->sh_addr + table->sh_size, &bytes);
		if (ret)
			goto out;
		segments++;
	}
	raw_spin_lock_irqsave(&c->lock, flags);
	c->cnt.image_bytes = bytes;
	c->cnt.image_segments = segments;
	if (!warm) {
		c->table_da = table->sh_addr;
		c->table_len = min_t(u32, table->sh_size, RM_TABLE_MAX);
	}
	raw_spin_unlock_irqrestore(&c->lock, flags);
	ret = 0;
out:
	release_firmware(fw);
	return ret;
}

/* The table as the host left it in device memory: carveouts and the vdev. */
static int rm_read_table(struct rm_core *c, unsigned int gen)
{
	struct resource_table *t = (void *)rm_buf[rm_index(c)];
	struct rproc_model_carveout cos[RPROC_MODEL_MAX_CARVEOUTS];
	unsigned int i, n = 0;
	unsigned long flags;
	u32 len = c->table_len, vdev_off = 0;

	if (rm_read(c, gen, c->table_da, t, len))
		return -EIO;
	if (t->ver != 1 || struct_size(t, offset, t->num) > len)
		goto bad;
	for (i = 0; i < t->num; i++) {
		u64 off = t->offset[i];
		struct fw_rsc_hdr *hdr = (void *)t + off;

		if (off + sizeof(*hdr) > len)
			goto bad;
		if (hdr->type == RSC_CARVEOUT) {
			struct fw_rsc_carveout *co = (void *)hdr->data;

			if (off + sizeof(*hdr) + sizeof(*co) > len || n == ARRAY_SIZE(cos))
				goto bad;
			strscpy(cos[n].name, co->name, sizeof(cos[n].name));
			cos[n].da = co->da;
			cos[n].pa = co->pa;
			cos[n].len = co->len;
			n++;
		} else if (hdr->type == RSC_VDEV) {
			struct fw_rsc_vdev *vdev = (void *)hdr->data;

			if (off + sizeof(*hdr) + struct_size(vdev, vring, 2) > len ||
			    vdev->id != VIRTIO_ID_RPMSG || vdev->num_of_vrings != 2)
				goto bad;
			vdev_off = off + sizeof(*hdr);
		}
	}
	if (!vdev_off)
		goto bad;
	raw_spin_lock_irqsave(&c->lock, flags);
	memcpy(c->carveouts, cos, sizeof(cos));
	c->nr_carveouts = n;
	c->vdev_off = vdev_off;
	raw_spin_unlock_irqrestore(&c->lock, flags);
	return 0;
bad:
	pr_err("socmmu rproc model %s: the resource table at 0x%08x is unusable\n", c->name,
	       c->table_da);
	rm_halt(c, gen, RPROC_MODEL_ERR_TABLE, c->table_da);
	return -EINVAL;
}

static int rm_boot(struct rm_core *c, unsigned int gen, bool warm)
{
	unsigned long flags;
	int ret;

	if (warm && !c->ctx_valid) {
		rm_halt(c, gen, RPROC_MODEL_ERR_BOOT, c->boot_addr);
		return -EINVAL;
	}
	if (!warm) {
		raw_spin_lock_irqsave(&c->lock, flags);
		c->ctx_valid = false;
		c->nr_carveouts = 0;
		c->vdev_ready = false;
		c->announced = false;
		c->bufs_seen = false;
		raw_spin_unlock_irqrestore(&c->lock, flags);
	}
	ret = rm_check_image(c, gen, warm);
	if (!ret && !warm)
		ret = rm_read_table(c, gen);
	if (ret)
		return ret;
	raw_spin_lock_irqsave(&c->lock, flags);
	if (rm_current(c, gen)) {
		c->state = RM_RUNNING;
		c->ctx_valid = true;
		if (warm)
			c->cnt.warm_boots++;
		else
			c->cnt.cold_boots++;
	}
	raw_spin_unlock_irqrestore(&c->lock, flags);
	return 0;
}

/* ---------------------------------------------------------- messaging -- */

/* Physical address (as the host put it in a descriptor) to device address. */
static bool rm_translate(struct rm_core *c, u64 pa, u32 len, u32 *da)
{
	unsigned int i;

	for (i = 0; i < c->nr_carveouts; i++) {
		const struct rproc_model_carveout *co = &c->carveouts[i];

		if (co->pa == FW_RSC_ADDR_ANY || co->da == FW_RSC_ADDR_ANY)
			continue;
		if (pa >= co->pa && pa - co->pa < co->len && len <= co->len - (pa - co->pa)) {
			*da = co->da + (u32)(pa - co->pa);
			return true;
		}
	}
	return false;
}

static void rm_saw_buffer(struct rm_core *c, u32 da, u32 len)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&c->lock, flags);
	if (!c->bufs_seen || da < c->buf_da_min)
		c->buf_da_min = da;
	if (!c->bufs_seen || da + len > c->buf_da_end)
		c->buf_da_end = da + len;
	c->bufs_seen = true;
	raw_spin_unlock_irqrestore(&c->lock, flags);
}

/* The device address of descriptor @head's buffer, at least @need long. */
static int rm_desc(struct rm_core *c, unsigned int gen, struct rm_vring *v, u16 head, u32 need,
		   u32 *da, u32 *len)
{
	struct rm_vring_desc desc;

	if (head >= v->num) {
		rm_halt(c, gen, RPROC_MODEL_ERR_VRING, v->desc);
		return -EINVAL;
	}
	if (rm_read(c, gen, v->desc + head * sizeof(desc), &desc, sizeof(desc)))
		return -EIO;
	if ((desc.flags & (VRING_DESC_F_NEXT | VRING_DESC_F_INDIRECT)) || desc.len < need ||
	    !rm_translate(c, desc.addr, desc.len, da)) {
		pr_err("socmmu rproc model %s: descriptor %u (0x%llx, %u bytes) is unusable\n",
		       c->name, head, desc.addr, desc.len);
		rm_halt(c, gen, RPROC_MODEL_ERR_VRING, (u32)desc.addr);
		return -EINVAL;
	}
	*len = desc.len;
	rm_saw_buffer(c, *da, desc.len);
	return 0;
}

static int rm_read16(struct rm_core *c, unsigned int gen, u32 da, u16 *v)
{
	return rm_read(c, gen, da, v, sizeof(*v));
}

/* The next buffer the host made available on @v, if any: 1, 0, or -errno. */
static int rm_take(struct rm_core *c, unsigned int gen, struct rm_vring *v, u16 *head)
{
	u16 idx;
	int ret = rm_read16(c, gen, v->avail + 2, &idx);

	if (ret)
		return ret;
	if (idx == v->last_avail)
		return 0;
	ret = rm_read16(c, gen, v->avail + 4 + 2 * (v->last_avail % v->num), head);
	return ret ? ret : 1;
}

static int rm_use(struct rm_core *c, unsigned int gen, struct rm_vring *v, u16 head, u32 len)
{
	struct rm_used_elem elem = { .id = head, .len = len };
	u32 at = v->used + 4 + sizeof(elem) * (v->used_idx % v->num);

	if (rm_write(c, gen, at, &elem, sizeof(elem)))
		return -EIO;
	v->last_avail++;
	v->used_idx++;
	return 0;
}

/* A message into the host's next receive buffer: 1, 0 (none), -errno. */
static int rm_send(struct rm_core *c, unsigned int gen, u32 src, u32 dst, const void *payload,
		   u16 len)
{
	struct rm_vring *rx = &c->vring[0];
	struct rm_rpmsg_hdr hdr = { .src = src, .dst = dst, .len = len };
	u8 *buf = rm_buf[rm_index(c)];
	u32 da, size;
	u16 head;
	int ret = rm_take(c, gen, rx, &head);

	if (ret <= 0)
		return ret;
	ret = rm_desc(c, gen, rx, head, sizeof(hdr) + len, &da, &size);
	if (ret)
		return ret;
	memcpy(buf, &hdr, sizeof(hdr));
	memcpy(buf + sizeof(hdr), payload, len);
	if (rm_xfer(c, gen, &c->mover, da, NULL, buf, sizeof(hdr) + len))
		return -EIO;
	ret = rm_use(c, gen, rx, head, sizeof(hdr) + len);
	return ret ? ret : 1;
}

/* DRIVER_OK: the host's vrings are in the table; read them once. */
static int rm_vdev_ready(struct rm_core *c, unsigned int gen)
{
	struct fw_rsc_vdev_vring vr[2];
	unsigned long flags;
	u32 vdev = c->table_da + c->vdev_off;
	unsigned int i;
	u8 status;

	if (rm_read(c, gen, vdev + offsetof(struct fw_rsc_vdev, status), &status, 1))
		return -EIO;
	if (!(status & VIRTIO_CONFIG_S_DRIVER_OK)) {
		raw_spin_lock_irqsave(&c->lock, flags);
		c->vdev_ready = false;
		raw_spin_unlock_irqrestore(&c->lock, flags);
		return 0;
	}
	if (c->vdev_ready)
		return 1;
	if (rm_read(c, gen, vdev + offsetof(struct fw_rsc_vdev, vring), vr, sizeof(vr)))
		return -EIO;
	for (i = 0; i < 2; i++) {
		struct rm_vring *v = &c->vring[i];

		if (!vr[i].da || vr[i].da == FW_RSC_ADDR_ANY || !is_power_of_2(vr[i].num) ||
		    vr[i].num > 1024 || !is_power_of_2(vr[i].align)) {
			rm_halt(c, gen, RPROC_MODEL_ERR_VRING, vr[i].da);
			return -EINVAL;
		}
		v->desc = vr[i].da;
		v->num = vr[i].num;
		v->align = vr[i].align;
		v->notifyid = vr[i].notifyid;
		v->avail = v->desc + v->num * sizeof(struct rm_vring_desc);
		v->used = ALIGN(v->avail + sizeof(u16) * (3 + v->num), vr[i].align);
		v->last_avail = 0;
		v->used_idx = 0;
	}
	raw_spin_lock_irqsave(&c->lock, flags);
	c->vdev_ready = true;
	c->announced = false;
	raw_spin_unlock_irqrestore(&c->lock, flags);
	return 1;
}

static void rm_count(struct rm_core *c, unsigned int *counter)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&c->lock, flags);
	(*counter)++;
	raw_spin_unlock_irqrestore(&c->lock, flags);
}

/* One message of the host's: echo, or count it.  1 done, 0 wait, -errno. */
static int rm_serve_one(struct rm_core *c, unsigned int gen, u16 head)
{
	struct rm_vring *tx = &c->vring[1];
	u8 *msg = rm_buf[rm_index(c)] + RM_MSG_MAX;
	struct rm_rpmsg_hdr hdr;
	u32 da, len, inject;
	unsigned long flags;
	int ret;

	ret = rm_desc(c, gen, tx, head, sizeof(hdr), &da, &len);
	if (ret)
		return ret;
	raw_spin_lock_irqsave(&c->lock, flags);
	inject = c->inject_da;
	c->inject_da = 0;
	raw_spin_unlock_irqrestore(&c->lock, flags);
	if (inject && !rm_xfer(c, gen, &c->mover, inject, msg, NULL, 4))
		pr_err("socmmu rproc model %s: injected read at 0x%08x did not fault\n",
		       c->name, inject);
	if (inject)
		return -EIO;
	len = min_t(u32, len, RM_MSG_MAX);
	if (rm_xfer(c, gen, &c->mover, da, msg, NULL, len))
		return -EIO;
	memcpy(&hdr, msg, sizeof(hdr));
	if (hdr.len > len - sizeof(hdr)) {
		rm_halt(c, gen, RPROC_MODEL_ERR_VRING, da);
		return -EINVAL;
	}
	if (hdr.dst == RPROC_MODEL_ECHO_ADDR) {
		ret = rm_send(c, gen, RPROC_MODEL_ECHO_ADDR, hdr.src, msg + sizeof(hdr), hdr.len);
		if (ret < 0)
			return ret;
		if (!ret)	/* no receive buffer yet: take it again later */
			return 0;
		rm_count(c, &c->cnt.echoes);
	} else {
		rm_count(c, &c->cnt.dropped);
	}
	rm_count(c, &c->cnt.messages);
	ret = rm_use(c, gen, tx, head, 0);
	return ret ? ret : 1;
}

static int rm_write_used_idx(struct rm_core *c, unsigned int gen, struct rm_vring *v)
{
	return rm_write(c, gen, v->used + 2, &v->used_idx, sizeof(v->used_idx));
}

/* After used entries: tell the host, unless it asked not to be told. */
static int rm_publish(struct rm_core *c, unsigned int gen, struct rm_vring *v, u16 before)
{
	unsigned long flags;
	u16 avail_flags;

	if (v->used_idx == before)
		return 0;
	if (rm_write_used_idx(c, gen, v) || rm_read16(c, gen, v->avail, &avail_flags))
		return -EIO;
	if (avail_flags & VRING_AVAIL_F_NO_INTERRUPT)
		return 0;
	raw_spin_lock_irqsave(&c->lock, flags);
	if (rm_current(c, gen))
		rm_notify_locked(c, v->notifyid);
	raw_spin_unlock_irqrestore(&c->lock, flags);
	return 0;
}

static void rm_serve(struct rm_core *c, unsigned int gen)
{
	struct rm_vring *rx = &c->vring[0], *tx = &c->vring[1];
	struct rm_rpmsg_ns ns = { .addr = RPROC_MODEL_ECHO_ADDR };
	u16 rx_before, tx_before, head;
	int ret = rm_vdev_ready(c, gen);

	if (ret <= 0)
		return;
	rx_before = rx->used_idx;
	tx_before = tx->used_idx;
	if (!c->announced) {
		strscpy(ns.name, RPROC_MODEL_ECHO_NAME, sizeof(ns.name));
		ret = rm_send(c, gen, RPROC_MODEL_ECHO_ADDR, RPROC_MODEL_NS_ADDR, &ns, sizeof(ns));
		if (ret < 0)
			return;
		if (ret) {
			c->announced = true;
			rm_count(c, &c->cnt.announcements);
		}
	}
	while (c->announced) {
		ret = rm_take(c, gen, tx, &head);
		if (ret > 0)
			ret = rm_serve_one(c, gen, head);
		if (ret < 0)
			return;
		if (!ret)
			break;
	}
	if (!rm_publish(c, gen, rx, rx_before))
		rm_publish(c, gen, tx, tx_before);
}

static void rm_work_fn(struct work_struct *work)
{
	struct rm_core *c = container_of(work, struct rm_core, work);
	unsigned long flags;
	unsigned int gen;
	bool warm;

	raw_spin_lock_irqsave(&c->lock, flags);
	gen = c->gen;
	warm = c->warm;
	if (c->state == RM_BOOTING && c->powered) {
		raw_spin_unlock_irqrestore(&c->lock, flags);
		if (rm_boot(c, gen, warm))
			goto done;
		raw_spin_lock_irqsave(&c->lock, flags);
	}
	while (rm_current(c, gen) && c->state == RM_RUNNING && c->tx_count && !c->hold) {
		/* Every message means "look at the vrings": take them all. */
		c->tx_count = 0;
		raw_spin_unlock_irqrestore(&c->lock, flags);
		rm_serve(c, gen);
		cond_resched();
		raw_spin_lock_irqsave(&c->lock, flags);
	}
	raw_spin_unlock_irqrestore(&c->lock, flags);
done:
	raw_spin_lock_irqsave(&c->lock, flags);
	/* A message or a boot that came meanwhile queued the work again. */
	if (!work_pending(&c->work))
		c->busy = false;
	raw_spin_unlock_irqrestore(&c->lock, flags);
}

/* ----------------------------------------------------------- the MMIO -- */

static void rm_reset_regs(struct rm_core *c)
{
	c->ctrl = 0;
	c->boot_addr = 0;
	c->error = 0;
	c->error_addr = 0;
	c->irqstatus = 0;
	c->irqenable = 0;
	rm_stop_locked(c);
	rm_update_line(c);
}

static void rm_power_locked(struct rm_core *c, bool on)
{
	if (c->powered == on)
		return;
	if (on) {
		c->powered = true;
		c->cnt.power_ons++;
	} else {
		rm_reset_regs(c);
		c->powered = false;
		c->cnt.power_offs++;
	}
}

static bool rm_access_ok(struct rm_core *c, unsigned int offset, int size)
{
	if (size == sizeof(u32) && offset % sizeof(u32) == 0 && offset < RPROC_MODEL_WINDOW) {
		if (c->powered)
			return true;
		c->cnt.off_accesses++;
		pr_err("socmmu rproc model %s: access at 0x%x while powered off\n", c->name,
		       offset);
		return false;
	}
	c->cnt.bad_accesses++;
	pr_err("socmmu rproc model %s: bad %d-byte access at 0x%x\n", c->name, size, offset);
	return false;
}

static u32 rm_status(struct rm_core *c)
{
	u32 v = 0;

	if (c->state == RM_RUNNING)
		v |= RPROC_MODEL_STATUS_RUNNING;
	if (c->state == RM_HALTED)
		v |= RPROC_MODEL_STATUS_HALTED;
	/* A stopped or halted core takes no message: idle all the same. */
	if (!c->busy && c->state != RM_BOOTING && (c->state != RM_RUNNING || !c->tx_count))
		v |= RPROC_MODEL_STATUS_IDLE;
	return v;
}

static unsigned long rm_mmio_read(void *priv, unsigned int offset, int size)
{
	struct rm_core *c = priv;
	unsigned long flags, value = 0;

	raw_spin_lock_irqsave(&c->lock, flags);
	if (!rm_access_ok(c, offset, size))
		goto out;
	switch (offset) {
	case RPROC_MODEL_REG_ID:
		value = RPROC_MODEL_ID;
		break;
	case RPROC_MODEL_REG_CTRL:
		value = c->ctrl;
		break;
	case RPROC_MODEL_REG_STATUS:
		value = rm_status(c);
		break;
	case RPROC_MODEL_REG_BOOT_ADDR:
		value = c->boot_addr;
		break;
	case RPROC_MODEL_REG_ERROR:
		value = c->error;
		break;
	case RPROC_MODEL_REG_ERROR_ADDR:
		value = c->error_addr;
		break;
	case RPROC_MODEL_REG_MBOX_RX:
		if (c->rx_count) {
			value = c->rx[c->rx_head];
			c->rx_head = (c->rx_head + 1) % RPROC_MODEL_MBOX_DEPTH;
			c->rx_count--;
		}
		break;
	case RPROC_MODEL_REG_MBOX_RX_COUNT:
		value = c->rx_count;
		break;
	case RPROC_MODEL_REG_IRQSTATUS:
		value = c->irqstatus;
		break;
	case RPROC_MODEL_REG_IRQENABLE:
		value = c->irqenable;
		break;
	default:	/* MBOX_TX is write-only; reserved reads 0 */
		break;
	}
out:
	raw_spin_unlock_irqrestore(&c->lock, flags);
	return value;
}

static void rm_write_ctrl(struct rm_core *c, u32 value)
{
	bool was = c->ctrl & RPROC_MODEL_CTRL_RUN, run = value & RPROC_MODEL_CTRL_RUN;

	c->ctrl = value & (RPROC_MODEL_CTRL_RUN | RPROC_MODEL_CTRL_WARM);
	if (was && !run) {
		rm_stop_locked(c);
	} else if (!was && run) {
		c->gen++;
		c->state = RM_BOOTING;
		c->warm = value & RPROC_MODEL_CTRL_WARM;
		c->error = 0;
		c->error_addr = 0;
		rm_kick_locked(c);
	}
}

static void rm_mmio_write(void *priv, unsigned int offset, int size, unsigned long value)
{
	struct rm_core *c = priv;
	unsigned long flags;

	raw_spin_lock_irqsave(&c->lock, flags);
	if (!rm_access_ok(c, offset, size))
		goto out;
	switch (offset) {
	case RPROC_MODEL_REG_CTRL:
		rm_write_ctrl(c, value);
		break;
	case RPROC_MODEL_REG_BOOT_ADDR:
		c->boot_addr = value;
		break;
	case RPROC_MODEL_REG_MBOX_TX:
		c->cnt.doorbells++;
		if (c->tx_count == RPROC_MODEL_MBOX_DEPTH) {
			c->cnt.mbox_lost++;
			break;
		}
		c->tx[(c->tx_head + c->tx_count++) % RPROC_MODEL_MBOX_DEPTH] = value;
		if (c->state == RM_RUNNING)
			rm_kick_locked(c);
		break;
	case RPROC_MODEL_REG_IRQSTATUS:
		c->irqstatus &= ~(value & RPROC_MODEL_IRQ_MASK);
		rm_update_line(c);
		break;
	case RPROC_MODEL_REG_IRQENABLE:
		c->irqenable = value & RPROC_MODEL_IRQ_MASK;
		rm_update_line(c);
		break;
	default:	/* read-only or reserved */
		break;
	}
out:
	raw_spin_unlock_irqrestore(&c->lock, flags);
}

static const struct logic_iomem_ops rm_mmio_ops = {
	.read = rm_mmio_read,
	.write = rm_mmio_write,
};

/* logic_iomem's map() gets no pointer back to its region: one per core. */
#define RM_MAP_FN(n)							\
static long rm_map_##n(unsigned long offset, size_t size,		\
		       const struct logic_iomem_ops **ops, void **priv)	\
{									\
	if (offset + size > RPROC_MODEL_WINDOW)				\
		return -EINVAL;						\
	*ops = &rm_mmio_ops;						\
	*priv = &cores[n];						\
	return offset;							\
}

RM_MAP_FN(0)
RM_MAP_FN(1)
RM_MAP_FN(2)
RM_MAP_FN(3)

static const struct logic_iomem_region_ops rm_region_ops[RM_MAX_CORES] = {
	{ .map = rm_map_0 }, { .map = rm_map_1 }, { .map = rm_map_2 }, { .map = rm_map_3 },
};

/* --------------------------------------------------------- the API -- */

/**
 * rproc_model_of() - the core of a "socmmu,sim-rproc" node
 * @np: the node
 *
 * Return: the core, or NULL.
 */
struct rproc_model *rproc_model_of(const struct device_node *np)
{
	unsigned int i;

	for (i = 0; i < nr_cores; i++)
		if (cores[i].np == np)
			return (struct rproc_model *)&cores[i];
	return NULL;
}
EXPORT_SYMBOL_GPL(rproc_model_of);

static struct rm_core *rm_core(const struct rproc_model *m)
{
	return (struct rm_core *)m;
}

/**
 * rproc_model_device() - the core's platform device
 * @m: the core
 *
 * Return: &pdev->dev, or NULL.
 */
struct device *rproc_model_device(const struct rproc_model *m)
{
	return READ_ONCE(rm_core(m)->dev);
}
EXPORT_SYMBOL_GPL(rproc_model_device);

/**
 * rproc_model_powered() - is the core powered?
 * @m: the core
 *
 * Return: its power state.
 */
bool rproc_model_powered(const struct rproc_model *m)
{
	return READ_ONCE(rm_core(m)->powered);
}
EXPORT_SYMBOL_GPL(rproc_model_powered);

/**
 * rproc_model_counters() - copy the core's counters
 * @m: the core
 * @out: where they go
 */
void rproc_model_counters(const struct rproc_model *m, struct rproc_model_counters *out)
{
	struct rm_core *c = rm_core(m);
	unsigned long flags;

	raw_spin_lock_irqsave(&c->lock, flags);
	*out = c->cnt;
	raw_spin_unlock_irqrestore(&c->lock, flags);
}
EXPORT_SYMBOL_GPL(rproc_model_counters);

/**
 * rproc_model_reset_counters() - zero the core's counters
 * @m: the core
 */
void rproc_model_reset_counters(struct rproc_model *m)
{
	struct rm_core *c = rm_core(m);
	unsigned long flags;

	raw_spin_lock_irqsave(&c->lock, flags);
	memset(&c->cnt, 0, sizeof(c->cnt));
	raw_spin_unlock_irqrestore(&c->lock, flags);
}
EXPORT_SYMBOL_GPL(rproc_model_reset_counters);

/**
 * rproc_model_state() - what the core learnt and touched
 * @m: the core
 * @out: filled in
 */
void rproc_model_state(const struct rproc_model *m, struct rproc_model_state *out)
{
	struct rm_core *c = rm_core(m);
	unsigned long flags;
	unsigned int i;

	memset(out, 0, sizeof(*out));
	raw_spin_lock_irqsave(&c->lock, flags);
	out->running = c->state == RM_RUNNING;
	out->halted = c->state == RM_HALTED;
	out->error = c->error;
	out->error_addr = c->error_addr;
	out->table_da = c->table_da;
	out->nr_carveouts = c->nr_carveouts;
	memcpy(out->carveouts, c->carveouts, sizeof(out->carveouts));
	out->vdev_ready = c->vdev_ready;
	for (i = 0; i < 2; i++) {
		out->vring[i].da = c->vring[i].desc;
		out->vring[i].num = c->vring[i].num;
		out->vring[i].align = c->vring[i].align;
		out->vring[i].notifyid = c->vring[i].notifyid;
	}
	out->bufs_seen = c->bufs_seen;
	out->buf_da_min = c->buf_da_min;
	out->buf_da_end = c->buf_da_end;
	raw_spin_unlock_irqrestore(&c->lock, flags);
}
EXPORT_SYMBOL_GPL(rproc_model_state);

/**
 * rproc_model_hold() - keep the core from taking mailbox messages
 * @m: the core
 * @hold: true to hold, false to let it take what waits
 */
void rproc_model_hold(struct rproc_model *m, bool hold)
{
	struct rm_core *c = rm_core(m);
	unsigned long flags;

	raw_spin_lock_irqsave(&c->lock, flags);
	c->hold = hold;
	if (!hold && c->tx_count && c->state == RM_RUNNING)
		rm_kick_locked(c);
	raw_spin_unlock_irqrestore(&c->lock, flags);
}
EXPORT_SYMBOL_GPL(rproc_model_hold);

/**
 * rproc_model_inject_fault() - make the core's next message read @da first
 * @m: the core
 * @da: a device address nothing maps (0 cancels)
 */
void rproc_model_inject_fault(struct rproc_model *m, u32 da)
{
	struct rm_core *c = rm_core(m);
	unsigned long flags;

	raw_spin_lock_irqsave(&c->lock, flags);
	c->inject_da = da;
	raw_spin_unlock_irqrestore(&c->lock, flags);
}
EXPORT_SYMBOL_GPL(rproc_model_inject_fault);

/**
 * rproc_model_read() - a read by one of the core's masters
 * @m: the core
 * @port: 0 for the core's port, 1 for its data mover
 * @da: device address
 * @buf: where the bytes go
 * @len: how many
 * @res: the IOMMU's answer (may be NULL)
 *
 * Through the IOMMU in front of that master, as the core's own reads go.
 *
 * Return: a model_bus status.
 */
int rproc_model_read(struct rproc_model *m, unsigned int port, u32 da, void *buf, size_t len,
		     struct model_bus_result *res)
{
	struct rm_core *c = rm_core(m);

	return model_bus_read(port ? &c->mover : &c->port, da, buf, len, res);
}
EXPORT_SYMBOL_GPL(rproc_model_read);

/**
 * rproc_model_iommu_stats() - the counters of the IOMMU in front of a master
 * @m: the core
 * @port: 0 for the core's port, 1 for its data mover
 * @out: filled in
 */
void rproc_model_iommu_stats(struct rproc_model *m, unsigned int port,
			     struct model_bus_stats *out)
{
	struct rm_core *c = rm_core(m);

	model_bus_stats(port ? &c->mover : &c->port, out);
}
EXPORT_SYMBOL_GPL(rproc_model_iommu_stats);

/* ------------------------------------------------------------ debugfs -- */

static int rm_stats_show(struct seq_file *s, void *unused)
{
	struct rm_core *c = s->private;
	struct rproc_model_counters n;
	struct model_bus_stats b;

	rproc_model_counters((struct rproc_model *)c, &n);
	model_bus_stats(&c->port, &b);
	seq_printf(s, "cold_boots %u\nwarm_boots %u\nimage_bytes %u\nimage_segments %u\n",
		   n.cold_boots, n.warm_boots, n.image_bytes, n.image_segments);
	seq_printf(s, "doorbells %u\nmbox_lost %u\nmessages %u\nechoes %u\ndropped %u\n",
		   n.doorbells, n.mbox_lost, n.messages, n.echoes, n.dropped);
	seq_printf(s, "announcements %u\nnotifies %u\nirqs %u\nhalts %u\nbus_errors %u\n",
		   n.announcements, n.notifies, n.irqs, n.halts, n.bus_errors);
	seq_printf(s, "power_ons %u\npower_offs %u\noff_accesses %u\nbad_accesses %u\n",
		   n.power_ons, n.power_offs, n.off_accesses, n.bad_accesses);
	seq_printf(s, "powered %d\n", rproc_model_powered((struct rproc_model *)c));
	seq_printf(s, "mmu_name %s\nmmu_faults %u\nmmu_table_walks %u\nmmu_power_ons %u\n",
		   model_bus_name(&c->port), b.faults, b.table_walks, b.power_ons);
	seq_printf(s, "mmu_power_offs %u\nmmu_off_accesses %u\n", b.power_offs, b.off_accesses);
	return 0;
}

static int rm_stats_open(struct inode *inode, struct file *file)
{
	return single_open(file, rm_stats_show, inode->i_private);
}

/* Any write zeroes the core's counters and those of the IOMMUs in front of it. */
static ssize_t rm_stats_write(struct file *file, const char __user *ubuf, size_t count,
			      loff_t *ppos)
{
	struct rm_core *c = ((struct seq_file *)file->private_data)->private;

	rproc_model_reset_counters((struct rproc_model *)c);
	c->port.ops->reset_stats(c->port.iommu);
	c->mover.ops->reset_stats(c->mover.iommu);
	return count;
}

static const struct file_operations rm_stats_fops = {
	.owner = THIS_MODULE,
	.open = rm_stats_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.write = rm_stats_write,
	.release = single_release,
};

static int rm_state_show(struct seq_file *s, void *unused)
{
	struct rproc_model_state st;
	unsigned int i;

	rproc_model_state(s->private, &st);
	seq_printf(s, "running %d\nhalted %d\nerror %u\nerror_addr 0x%08x\ntable_da 0x%08x\n",
		   st.running, st.halted, st.error, st.error_addr, st.table_da);
	for (i = 0; i < st.nr_carveouts; i++)
		seq_printf(s, "carveout %s da 0x%08x pa 0x%08x len 0x%x\n", st.carveouts[i].name,
			   st.carveouts[i].da, st.carveouts[i].pa, st.carveouts[i].len);
	for (i = 0; i < 2 && st.vdev_ready; i++)
		seq_printf(s, "vring%u da 0x%08x num %u notifyid %u\n", i, st.vring[i].da,
			   st.vring[i].num, st.vring[i].notifyid);
	if (st.bufs_seen)
		seq_printf(s, "buffers 0x%08x-0x%08x\n", st.buf_da_min, st.buf_da_end);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(rm_state);

static ssize_t rm_inject_write(struct file *file, const char __user *ubuf, size_t count,
			       loff_t *ppos)
{
	u32 da;
	int ret = kstrtou32_from_user(ubuf, count, 0, &da);

	if (ret)
		return ret;
	rproc_model_inject_fault(file->private_data, da);
	return count;
}

static const struct file_operations rm_inject_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = rm_inject_write,
};

/* ------------------------------------------------------- the PM domain -- */

static struct rm_core *rm_of_pd(struct model_pm_domain *pd)
{
	return container_of(pd, struct rm_core, pm);
}

static void rm_pd_set_power(struct model_pm_domain *pd, bool on)
{
	struct rm_core *c = rm_of_pd(pd);
	unsigned long flags;

	raw_spin_lock_irqsave(&c->lock, flags);
	rm_power_locked(c, on);
	raw_spin_unlock_irqrestore(&c->lock, flags);
}

static bool rm_pd_powered(struct model_pm_domain *pd)
{
	return READ_ONCE(rm_of_pd(pd)->powered);
}

static bool rm_pm_find(const struct device_node *np, struct model_pm_slot *slot)
{
	unsigned int i;

	for (i = 0; i < nr_cores; i++) {
		if (cores[i].np == np) {
			slot->pd = &cores[i].pm;
			slot->dev = &cores[i].dev;
			return true;
		}
	}
	return false;
}

static struct model_pm_binder rm_binder = {
	.name = "rproc",
	.find = rm_pm_find,
};

/* ---------------------------------------------- the interrupt controller -- */

static int rm_intc_probe(struct platform_device *pdev)
{
	struct irq_domain *d;

	if (rm_domain)
		return -EBUSY;
	d = irq_domain_create_linear(of_fwnode_handle(pdev->dev.of_node), RM_MAX_CORES,
				     &rm_irq_domain_ops, NULL);
	if (!d)
		return -ENOMEM;
	rm_domain = d;
	return 0;
}

static const struct of_device_id rm_intc_of_match[] = {
	{ .compatible = "socmmu,rproc-model-intc" },
	{}
};

static struct platform_driver rm_intc_driver = {
	.probe = rm_intc_probe,
	.driver = {
		.name = "socmmu-rproc-model-intc",
		.of_match_table = rm_intc_of_match,
		.suppress_bind_attrs = true,
	},
};

/* ------------------------------------------------------------- init -- */

static int rm_add_core(struct device_node *np)
{
	struct rm_core *c = &cores[nr_cores];
	struct of_phandle_args args;
	int ret, n;

	raw_spin_lock_init(&c->lock);
	c->hwirq = nr_cores;
	c->irq = -ENXIO;
	c->masked = true;
	INIT_WORK(&c->work, rm_work_fn);
	init_irq_work(&c->irq_work, rm_irq_work_fn);
	model_pm_domain_init(&c->pm, rm_pd_set_power, rm_pd_powered);
	strscpy(c->name, kbasename(np->full_name), sizeof(c->name));

	ret = of_address_to_resource(np, 0, &c->res);
	if (ret)
		return ret;
	if (resource_size(&c->res) != RPROC_MODEL_WINDOW) {
		pr_err("socmmu rproc model: %pOF: window is not 0x100 bytes\n", np);
		return -EINVAL;
	}
	n = of_count_phandle_with_args(np, "iommus", "#iommu-cells");
	if (n < 1) {
		pr_err("socmmu rproc model: %pOF has no iommus\n", np);
		return -EINVAL;
	}
	ret = model_bus_master_of(np, 0, &c->port);
	if (!ret)
		ret = model_bus_master_of(np, n - 1, &c->mover);
	if (ret) {
		pr_err("socmmu rproc model: %pOF: no IOMMU model behind its iommus: %d\n", np, ret);
		return ret;
	}
	of_property_read_string(np, "firmware-name", &c->fw_name);
	ret = of_irq_parse_one(np, 0, &args);
	if (ret || args.np != irq_domain_get_of_node(rm_domain) || args.args[0] >= RM_MAX_CORES) {
		pr_err("socmmu rproc model: %pOF: its interrupt is not the model's\n", np);
		of_node_put(args.np);
		return -EINVAL;
	}
	of_node_put(args.np);
	c->hwirq = args.args[0];
	c->res.name = c->name;
	ret = logic_iomem_add_region(&c->res, &rm_region_ops[nr_cores]);
	if (ret)
		return ret;
	c->np = of_node_get(np);
	nr_cores++;
	return 0;
}

static int __init rm_init(void)
{
	struct device_node *np;
	unsigned int i;
	int ret;

	np = of_find_compatible_node(NULL, NULL, "socmmu,sim-rproc");
	of_node_put(np);
	if (!np) {
		pr_info("socmmu rproc model: no remote processor in the device tree\n");
		return 0;
	}
	ret = platform_driver_register(&rm_intc_driver);
	if (ret)
		return ret;
	if (!rm_domain) {
		pr_err("socmmu rproc model: its interrupt controller did not probe\n");
		return -ENODEV;
	}
	for_each_compatible_node(np, NULL, "socmmu,sim-rproc") {
		if (!of_device_is_available(np))
			continue;
		if (nr_cores == RM_MAX_CORES) {
			of_node_put(np);
			pr_err("socmmu rproc model: more than %d cores\n", RM_MAX_CORES);
			return -ENOSPC;
		}
		ret = rm_add_core(np);
		if (ret) {
			of_node_put(np);
			return ret;
		}
	}
	/* Interrupt routing: our hwirq number is the core's slot. */
	for (i = 0; i < nr_cores; i++) {
		int irq = irq_of_parse_and_map(cores[i].np, 0);

		cores[i].irq = irq > 0 ? irq : -ENXIO;
		if (cores[i].hwirq != i) {
			pr_err("socmmu rproc model: %pOF must use hwirq %u\n", cores[i].np, i);
			return -EINVAL;
		}
	}
	ret = model_pm_binder_register(&rm_binder);
	if (ret)
		return ret;
	rm_debugfs = debugfs_create_dir("socmmu_rproc_model", NULL);
	for (i = 0; i < nr_cores; i++) {
		struct rm_core *c = &cores[i];
		struct dentry *dir = debugfs_create_dir(c->name, rm_debugfs);

		model_pm_binder_attach(&rm_binder, c->np);
		debugfs_create_file("stats", 0644, dir, c, &rm_stats_fops);
		debugfs_create_file("state", 0444, dir, c, &rm_state_fops);
		debugfs_create_file("inject_fault", 0200, dir, c, &rm_inject_fops);
		pr_info("socmmu rproc model: %pOF behind %s, irq %d\n", c->np,
			model_bus_name(&c->port), c->irq);
	}
	return 0;
}
module_init(rm_init);

MODULE_DESCRIPTION("socmmu test bench: behavioural model of a simulated remote processor");
MODULE_LICENSE("GPL");
