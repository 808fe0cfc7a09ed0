// SPDX-License-Identifier: GPL-2.0
/*
 * The simulated remote processor's driver, on the kernel's remoteproc
 * core: platform driver, rproc_ops, the carveouts, the mailbox interrupt,
 * IOMMU faults, runtime and system PM.  Which firmware it takes and how
 * its registers work is in C++ (srp_firmware.cpp, srp_hw.cpp).
 *
 * It calls no IOMMU driver's API.  The DMA layer installed itself on the
 * device before probe; everything goes into the one domain the DMA API
 * maps into (socmmu_dma_domain()), which the core never sees (has_iommu
 * stays false: rproc_enable_iommu() would get -EBUSY against it):
 *  - fixed-address sections: socmmu_dma_alloc_fixed() in the alloc of
 *    carveouts registered in parse_fw, before the core handles the table;
 *  - the shared memory ("shm"): socmmu_dma_declare_coherent(), so that the
 *    vrings (dma_alloc_coherent() on this device) and the rpmsg buffers
 *    (on its rproc-virtio child, which shares our dma_map_ops) come from
 *    one block whose (pa, da, len) the core reads in its resource table;
 *  - faults: the domain's fault handler reports RPROC_MMUFAULT.
 * Runtime PM of this device powers the IOMMUs through the device links
 * their driver made.  See Documentation/remoteproc.rst.
 */
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/elf.h>
#include <linux/firmware.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/remoteproc.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include <shim/kcompat.h>
#include <socmmu_dma.h>
/* The core's own header (Kbuild adds its directory): exported helpers. */
#include <remoteproc_internal.h>

#include "socmmu_rproc.h"
#include "srp.h"

#define SRP_NAME		"socmmu-rproc"
#define SRP_AUTOSUSPEND_MS	100
#define SRP_IDLE_WAIT_MS	1000

static_assert(RSC_CARVEOUT == SRP_RSC_CARVEOUT);
static_assert(RSC_DEVMEM == SRP_RSC_DEVMEM);
static_assert(RSC_TRACE == SRP_RSC_TRACE);
static_assert(RSC_VDEV == SRP_RSC_VDEV);
static_assert((u32)FW_RSC_ADDR_ANY == SRP_ADDR_ANY);
static_assert(sizeof(struct resource_table) == SRP_TABLE_HDR_SIZE);
static_assert(sizeof(struct fw_rsc_hdr) == SRP_RSC_HDR_SIZE);
static_assert(sizeof(struct fw_rsc_carveout) == SRP_CARVEOUT_SIZE);
static_assert(offsetof(struct fw_rsc_carveout, name) == SRP_CARVEOUT_NAME);
static_assert(sizeof(struct fw_rsc_devmem) == SRP_CARVEOUT_SIZE);
static_assert(sizeof(struct fw_rsc_trace) == SRP_TRACE_SIZE);
static_assert(sizeof(struct fw_rsc_vdev) == SRP_VDEV_SIZE);
static_assert(offsetof(struct fw_rsc_vdev, config_len) == SRP_VDEV_CONFIG_LEN);
static_assert(offsetof(struct fw_rsc_vdev, num_of_vrings) == SRP_VDEV_NUM_VRINGS);
static_assert(sizeof(struct fw_rsc_vdev_vring) == SRP_VRING_SIZE);
static_assert(sizeof_field(struct fw_rsc_carveout, name) == SRP_NAME_LEN);
static_assert(sizeof(struct elf32_hdr) == SRP_ELF_EHDR_SIZE);
static_assert(sizeof(struct elf32_phdr) == SRP_ELF_PHDR_SIZE);
static_assert(sizeof(struct elf32_shdr) == SRP_ELF_SHDR_SIZE);
static_assert(PT_LOAD == SRP_PT_LOAD);

struct srp {
	struct device *dev;
	struct rproc *rproc;
	struct iommu_domain *domain;	/* the DMA layer's: where faults come from */
	u64 win_base, win_limit;	/* its DMA window */
	int irq;
	atomic_t in_irq;		/* IRQ threads between taking and handing over */
	struct dentry *debugfs;

	spinlock_t lock;		/* hw, and everything below */
	struct srp_hw *hw;
	bool hw_running;		/* released and not stopped: resume warm-boots it */
	u32 boot_addr;
	struct socmmu_rproc_stats stats;

	/* Under the rproc core's lock (parse_fw, unprepare). */
	bool shm_declared;
	struct socmmu_dma_declared shm;
};

/* ----------------------------------------------------------- crashes -- */

static void srp_report_crash(struct srp *srp, enum rproc_crash_type type)
{
	unsigned long flags;

	spin_lock_irqsave(&srp->lock, flags);
	srp->stats.crashes++;
	srp->stats.last_crash = type;
	spin_unlock_irqrestore(&srp->lock, flags);
	rproc_report_crash(srp->rproc, type);
}

/*
 * The IOMMU's fault handler (hard IRQ context, from its driver's
 * interrupt).  A fault while the core is stopped is not the core's doing:
 * the IOMMU driver logs it as unhandled.
 */
static int srp_iommu_fault(struct iommu_domain *domain, struct device *dev, unsigned long iova,
			   int flags, void *token)
{
	struct srp *srp = token;
	unsigned long irqflags;
	bool running;

	spin_lock_irqsave(&srp->lock, irqflags);
	running = srp->hw_running;
	if (running) {
		srp->stats.iommu_faults++;
		srp->stats.last_fault_iova = iova;
	} else {
		srp->stats.stray_faults++;
	}
	spin_unlock_irqrestore(&srp->lock, irqflags);
	if (!running)
		return -ENODEV;
	dev_err(srp->dev, "IOMMU fault at device address 0x%08lx\n", iova);
	srp_report_crash(srp, RPROC_MMUFAULT);
	return 0;
}

/* ------------------------------------------------------------- the IRQ -- */

/*
 * Threaded: the vring callbacks (rpmsg's) take mutexes.  Registers are
 * read with a runtime PM reference held, so the device cannot suspend
 * under us; the callbacks run without it (they kick, which takes its own).
 */
static irqreturn_t srp_irq_thread(int irq, void *data)
{
	struct srp *srp = data;
	struct srp_hw_event ev;
	unsigned long flags;
	unsigned int i;
	bool taken;

	atomic_inc(&srp->in_irq);
	if (kx_pm_runtime_get_if_active(srp->dev) <= 0) {
		atomic_dec(&srp->in_irq);
		return IRQ_NONE;
	}
	spin_lock_irqsave(&srp->lock, flags);
	taken = srp_hw_take_irq(srp->hw, &ev);
	if (taken && ev.halted) {
		srp->stats.halts++;
		srp->stats.last_halt_error = ev.error;
		srp->stats.last_halt_addr = ev.error_addr;
	}
	srp->stats.vq_interrupts += ev.nr_msgs;
	spin_unlock_irqrestore(&srp->lock, flags);
	pm_runtime_mark_last_busy(srp->dev);
	pm_runtime_put_autosuspend(srp->dev);

	if (taken && ev.halted) {
		dev_err(srp->dev, "the core halted: error %u at device address 0x%08x\n",
			ev.error, ev.error_addr);
		/* A failed transfer is the IOMMU's refusal: its fault, if it saw one. */
		srp_report_crash(srp, ev.error == SRP_ERR_BUS ? RPROC_MMUFAULT : RPROC_FATAL_ERROR);
	}
	for (i = 0; i < ev.nr_msgs; i++)
		rproc_vq_interrupt(srp->rproc, ev.msgs[i]);
	atomic_dec(&srp->in_irq);
	return taken ? IRQ_HANDLED : IRQ_NONE;
}

/* ------------------------------------------------------------ carveouts -- */

static int srp_fixed_alloc(struct rproc *rproc, struct rproc_mem_entry *mem)
{
	struct srp *srp = rproc->priv;
	phys_addr_t pa;
	void *va;
	int ret;

	ret = socmmu_dma_alloc_fixed(srp->dev, mem->da, mem->len, &va, &pa);
	if (ret)
		return ret;
	/* The recovery coredump saves what the core had at its addresses. */
	ret = rproc_coredump_add_segment(rproc, mem->da, mem->len);
	if (ret) {
		socmmu_dma_free_fixed(srp->dev, mem->da, mem->len, va);
		return ret;
	}
	mem->va = va;
	mem->dma = mem->da;
	return 0;
}

/* Also for the entries after one whose alloc failed: they have no memory. */
static int srp_fixed_release(struct rproc *rproc, struct rproc_mem_entry *mem)
{
	struct srp *srp = rproc->priv;

	if (mem->va)
		socmmu_dma_free_fixed(srp->dev, mem->da, mem->len, mem->va);
	mem->va = NULL;
	return 0;
}

static void srp_fw_report(struct srp *srp, const char *fw, const struct srp_fw_verdict *why)
{
	struct device *dev = srp->dev;

	switch (why->error) {
	case SRP_FW_NOT_ELF32:
		dev_err(dev, "%s: not a little-endian ELF32 image\n", fw);
		break;
	case SRP_FW_NO_TABLE:
		dev_err(dev, "%s: no .resource_table section: the core could not find its memory\n",
			fw);
		break;
	case SRP_FW_BAD_TABLE:
		dev_err(dev, "%s: malformed resource table at byte 0x%llx\n", fw, why->a);
		break;
	case SRP_FW_DEVMEM:
		dev_err(dev, "%s: devmem '%s': device memory is not supported\n", fw, why->name);
		break;
	case SRP_FW_TOO_MANY:
		dev_err(dev, "%s: carveout '%s': more than %d fixed carveouts\n", fw, why->name,
			SRP_MAX_FIXED);
		break;
	case SRP_FW_CARVEOUT_NAME:
		dev_err(dev, "%s: carveout '%s': empty, reserved or repeated name\n", fw,
			why->name);
		break;
	case SRP_FW_CARVEOUT_ALIGN:
		dev_err(dev, "%s: carveout '%s' [0x%llx +0x%llx]: not page-aligned or beyond 4 GiB\n",
			fw, why->name, why->a, why->b);
		break;
	case SRP_FW_CARVEOUT_WINDOW:
		dev_err(dev, "%s: carveout '%s' [0x%llx +0x%llx] overlaps the DMA window [0x%llx, 0x%llx)\n",
			fw, why->name, why->a, why->b, srp->win_base, srp->win_limit);
		break;
	case SRP_FW_CARVEOUT_OVERLAP:
		dev_err(dev, "%s: carveout '%s' [0x%llx +0x%llx] overlaps carveout '%s'\n", fw,
			why->name, why->a, why->b, why->other);
		break;
	case SRP_FW_BAD_SHM:
		dev_err(dev, "%s: bad shared memory (0x%llx bytes at 0x%llx): at most %u pages, anywhere\n",
			fw, why->b, why->a, SRP_SHM_MAX >> PAGE_SHIFT);
		break;
	case SRP_FW_NO_SHM:
		dev_err(dev, "%s: a vdev but no carveout '%s': no shared memory for vrings\n", fw,
			SRP_SHM_NAME);
		break;
	case SRP_FW_VRING_FIXED:
		dev_err(dev, "%s: vring %llu at fixed address 0x%llx: vrings come from the DMA API\n",
			fw, why->a, why->b);
		break;
	case SRP_FW_BAD_SEGMENT:
		dev_err(dev, "%s: program header %llu is malformed\n", fw, why->a);
		break;
	case SRP_FW_SEGMENT_OUTSIDE:
		dev_err(dev, "%s: segment %llu [0x%llx +0x%llx] is outside every fixed carveout\n",
			fw, why->a, why->b, why->c);
		break;
	case SRP_FW_TABLE_OUTSIDE:
		dev_err(dev, "%s: resource table [0x%llx +0x%llx] is not loaded into a fixed carveout\n",
			fw, why->a, why->b);
		break;
	case SRP_FW_ENTRY_OUTSIDE:
		dev_err(dev, "%s: entry point 0x%llx is outside every fixed carveout\n", fw,
			why->a);
		break;
	case SRP_FW_TRACE_OUTSIDE:
		dev_err(dev, "%s: trace '%s' [0x%llx +0x%llx] is outside every fixed carveout\n",
			fw, why->name, why->a, why->b);
		break;
	default:
		dev_err(dev, "%s: refused (%d)\n", fw, why->error);
		break;
	}
}

static void srp_forget_table(struct rproc *rproc)
{
	kfree(rproc->cached_table);
	rproc->cached_table = NULL;
	rproc->table_ptr = NULL;
	rproc->table_sz = 0;
}

static void srp_release_shm(struct srp *srp)
{
	if (srp->shm_declared && !socmmu_dma_release_coherent(srp->dev))
		srp->shm_declared = false;
}

/*
 * Register the carveouts the core will find by name: fixed ones with our
 * alloc, the shared memory already allocated.  On failure, none stays.
 */
static int srp_register_carveouts(struct srp *srp, const struct srp_plan *plan)
{
	struct rproc_mem_entry *added[SRP_MAX_FIXED + 1];
	struct rproc *rproc = srp->rproc;
	unsigned int i, n = 0;

	for (i = 0; i < plan->nr_fixed; i++) {
		const struct srp_fixed *f = &plan->fixed[i];

		added[n] = rproc_mem_entry_init(&rproc->dev, NULL, 0, f->len, f->da,
						srp_fixed_alloc, srp_fixed_release, "%s", f->name);
		if (!added[n])
			goto err;
		rproc_add_carveout(rproc, added[n++]);
	}
	if (srp->shm_declared) {
		added[n] = rproc_mem_entry_init(&rproc->dev, srp->shm.cpu_addr, srp->shm.iova,
						srp->shm.size, srp->shm.iova, NULL, NULL,
						SRP_SHM_NAME);
		if (!added[n])
			goto err;
		rproc_add_carveout(rproc, added[n++]);
	}
	return 0;
err:
	while (n--) {
		list_del(&added[n]->node);
		kfree(added[n]);
	}
	return -ENOMEM;
}

/*
 * The core's ELF loader, after the image's address map is checked: the
 * carveouts are registered before the core handles the resource table, so
 * that it fills them in rather than allocating its own.
 */
static int srp_parse_fw(struct rproc *rproc, const struct firmware *fw)
{
	struct srp *srp = rproc->priv;
	struct srp_fw_verdict why;
	struct srp_plan plan;
	int ret;

	ret = srp_fw_check(fw->data, fw->size, srp->win_base, srp->win_limit, PAGE_SIZE, &plan,
			   &why);
	if (ret) {
		srp_fw_report(srp, rproc->firmware, &why);
		return ret;
	}
	ret = rproc_elf_load_rsc_table(rproc, fw);
	if (ret) {
		dev_err(srp->dev, "%s: cannot copy the resource table: %d\n", rproc->firmware, ret);
		return ret;
	}
	if (plan.shm_len) {
		ret = socmmu_dma_declare_coherent(srp->dev, plan.shm_len, &srp->shm);
		if (ret)
			goto err_table;
		srp->shm_declared = true;
	}
	ret = srp_register_carveouts(srp, &plan);
	if (ret)
		goto err_shm;
	rproc_coredump_set_elf_info(rproc, ELFCLASS32, plan.machine);
	return 0;

err_shm:
	srp_release_shm(srp);
err_table:
	srp_forget_table(rproc);
	return ret;
}

/* After every boot's end, good or failed: the carveouts are gone by then. */
static int srp_unprepare(struct rproc *rproc)
{
	srp_release_shm(rproc->priv);
	return 0;
}

/* ------------------------------------------------------ start and stop -- */

static int srp_start(struct rproc *rproc)
{
	struct srp *srp = rproc->priv;
	unsigned long flags;
	int ret;

	/* Powers the core, and its IOMMUs first through the device links. */
	ret = pm_runtime_resume_and_get(srp->dev);
	if (ret) {
		dev_err(srp->dev, "cannot power up to start: %d\n", ret);
		return ret;
	}
	spin_lock_irqsave(&srp->lock, flags);
	srp->boot_addr = rproc->bootaddr;
	srp->hw_running = true;
	srp_hw_run(srp->hw, srp->boot_addr, false);
	spin_unlock_irqrestore(&srp->lock, flags);
	pm_runtime_mark_last_busy(srp->dev);
	pm_runtime_put_autosuspend(srp->dev);
	return 0;
}

static int srp_stop(struct rproc *rproc)
{
	struct srp *srp = rproc->priv;
	unsigned long flags;
	int ret;

	/* First, so that the resume below does not warm-boot it. */
	spin_lock_irqsave(&srp->lock, flags);
	srp->hw_running = false;
	spin_unlock_irqrestore(&srp->lock, flags);
	ret = pm_runtime_resume_and_get(srp->dev);
	if (ret) {
		/* Powered off, it is stopped anyway. */
		dev_err(srp->dev, "cannot power up to stop: %d\n", ret);
		return 0;
	}
	spin_lock_irqsave(&srp->lock, flags);
	srp_hw_stop(srp->hw);
	spin_unlock_irqrestore(&srp->lock, flags);
	pm_runtime_mark_last_busy(srp->dev);
	pm_runtime_put_autosuspend(srp->dev);
	return 0;
}

/* A vring has news for the core: it may sleep (every caller can). */
static void srp_kick(struct rproc *rproc, int vqid)
{
	struct srp *srp = rproc->priv;
	unsigned long flags;
	int ret;

	ret = pm_runtime_resume_and_get(srp->dev);
	if (ret) {
		dev_err_ratelimited(srp->dev, "cannot power up to kick vring %d: %d\n", vqid, ret);
		return;
	}
	spin_lock_irqsave(&srp->lock, flags);
	srp_hw_kick(srp->hw, vqid);
	srp->stats.kicks++;
	spin_unlock_irqrestore(&srp->lock, flags);
	pm_runtime_mark_last_busy(srp->dev);
	pm_runtime_put_autosuspend(srp->dev);
}

static const struct rproc_ops srp_ops = {
	.unprepare = srp_unprepare,
	.start = srp_start,
	.stop = srp_stop,
	.kick = srp_kick,
	/* Set load, so that the core keeps our parse_fw (rproc_alloc_ops()). */
	.load = rproc_elf_load_segments,
	.parse_fw = srp_parse_fw,
	.find_loaded_rsc_table = rproc_elf_find_loaded_rsc_table,
	.sanity_check = rproc_elf_sanity_check,
	.get_boot_addr = rproc_elf_get_boot_addr,
};

/* -------------------------------------------------------------- PM -- */

/*
 * Only an idle core is put to sleep; its context stays in its memory and
 * the IOMMUs keep theirs (their driver saves it), so the next kick resumes
 * where it was.  The model's PM domain (the SoC's, on a board) cuts power
 * after this, and the device links then let the IOMMUs suspend.
 */
static int srp_runtime_suspend(struct device *dev)
{
	struct srp *srp = dev_get_drvdata(dev);
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&srp->lock, flags);
	if (srp->hw_running) {
		if (srp_hw_quiesce(srp->hw)) {
			srp->stats.suspends++;
		} else {
			srp->stats.suspend_busy++;
			ret = -EBUSY;
		}
	}
	spin_unlock_irqrestore(&srp->lock, flags);
	/* Busy: autosuspend tries again after another delay. */
	if (ret)
		pm_runtime_mark_last_busy(dev);
	return ret;
}

static int srp_runtime_resume(struct device *dev)
{
	struct srp *srp = dev_get_drvdata(dev);
	unsigned long flags;

	spin_lock_irqsave(&srp->lock, flags);
	if (srp->hw_running) {
		srp_hw_run(srp->hw, srp->boot_addr, true);
		srp->stats.warm_resumes++;
	}
	spin_unlock_irqrestore(&srp->lock, flags);
	return 0;
}

static bool srp_settled(struct srp *srp)
{
	unsigned long flags;
	bool idle;

	spin_lock_irqsave(&srp->lock, flags);
	idle = !srp->hw_running || srp_hw_idle(srp->hw);
	spin_unlock_irqrestore(&srp->lock, flags);
	return idle && !atomic_read(&srp->in_irq);
}

/*
 * System sleep with the core running: let it finish what it was given and
 * the host take its answers (device_prepare holds a runtime PM reference,
 * so the device stays as it is meanwhile), then suspend as runtime PM does.
 */
static int srp_suspend(struct device *dev)
{
	struct srp *srp = dev_get_drvdata(dev);
	unsigned int waited;

	if (pm_runtime_active(dev)) {
		for (waited = 0; !srp_settled(srp) && waited < SRP_IDLE_WAIT_MS; waited++)
			usleep_range(1000, 2000);
		if (!srp_settled(srp)) {
			dev_err(dev, "the core is still busy after %d ms: cannot suspend\n",
				SRP_IDLE_WAIT_MS);
			return -EBUSY;
		}
	}
	return pm_runtime_force_suspend(dev);
}

static int srp_resume(struct device *dev)
{
	return pm_runtime_force_resume(dev);
}

static const struct dev_pm_ops srp_pm_ops = {
	SET_SYSTEM_SLEEP_PM_OPS(srp_suspend, srp_resume)
	SET_RUNTIME_PM_OPS(srp_runtime_suspend, srp_runtime_resume, NULL)
};

/* ------------------------------------------------------------ debugfs -- */

static struct platform_driver srp_driver;
static struct dentry *srp_debugfs_root;

/**
 * socmmu_rproc_get() - the remote processor of a device node, if ours
 * @np: a "socmmu,sim-rproc" node
 *
 * Return: the rproc, with a reference on its device (drop it with
 * put_device(&rproc->dev)), or NULL if no device of @np is bound to us.
 */
struct rproc *socmmu_rproc_get(struct device_node *np)
{
	struct platform_device *pdev = of_find_device_by_node(np);
	struct rproc *rproc = NULL;

	if (!pdev)
		return NULL;
	device_lock(&pdev->dev);
	if (pdev->dev.driver == &srp_driver.driver) {
		struct srp *srp = platform_get_drvdata(pdev);

		rproc = srp->rproc;
		get_device(&rproc->dev);
	}
	device_unlock(&pdev->dev);
	put_device(&pdev->dev);
	return rproc;
}
EXPORT_SYMBOL_GPL(socmmu_rproc_get);

/**
 * socmmu_rproc_get_stats() - the driver's counters for one remote processor
 * @rproc: a remote processor
 * @out: filled in
 *
 * Return: 0, or -ENODEV if @rproc is not one of this driver's.
 */
int socmmu_rproc_get_stats(struct rproc *rproc, struct socmmu_rproc_stats *out)
{
	struct device *parent = rproc->dev.parent;
	struct srp *srp = rproc->priv;
	unsigned long flags;

	if (!parent || parent->driver != &srp_driver.driver)
		return -ENODEV;
	spin_lock_irqsave(&srp->lock, flags);
	*out = srp->stats;
	spin_unlock_irqrestore(&srp->lock, flags);
	/* Under the rproc lock when it changes; a snapshot is all we promise. */
	out->shm_declared = READ_ONCE(srp->shm_declared);
	if (out->shm_declared) {
		out->shm_iova = srp->shm.iova;
		out->shm_phys = srp->shm.phys;
		out->shm_size = srp->shm.size;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(socmmu_rproc_get_stats);

static int srp_stats_show(struct seq_file *s, void *unused)
{
	struct srp *srp = s->private;
	struct socmmu_rproc_stats st;

	if (socmmu_rproc_get_stats(srp->rproc, &st))
		return -ENODEV;
	seq_printf(s, "kicks %llu\nvq_interrupts %llu\niommu_faults %llu\nstray_faults %llu\n",
		   st.kicks, st.vq_interrupts, st.iommu_faults, st.stray_faults);
	seq_printf(s, "halts %llu\ncrashes %llu\nlast_crash %d\nlast_fault_iova 0x%08x\n",
		   st.halts, st.crashes, st.last_crash, st.last_fault_iova);
	seq_printf(s, "last_halt_error %u\nlast_halt_addr 0x%08x\n", st.last_halt_error,
		   st.last_halt_addr);
	seq_printf(s, "suspends %llu\nsuspend_busy %llu\nwarm_resumes %llu\n", st.suspends,
		   st.suspend_busy, st.warm_resumes);
	seq_printf(s, "shm_declared %d\nshm_iova 0x%llx\nshm_phys 0x%llx\nshm_size 0x%llx\n",
		   st.shm_declared, st.shm_iova, st.shm_phys, st.shm_size);
	seq_printf(s, "window 0x%llx-0x%llx\n", srp->win_base, srp->win_limit);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(srp_stats);

/* ----------------------------------------------------------- probe -- */

static int srp_check_hw(struct srp *srp)
{
	unsigned long flags;
	u32 id = 0;
	int ret;

	ret = pm_runtime_resume_and_get(srp->dev);
	if (ret) {
		dev_err(srp->dev, "cannot power up: %d\n", ret);
		return ret;
	}
	spin_lock_irqsave(&srp->lock, flags);
	ret = srp_hw_check_id(srp->hw, &id);
	spin_unlock_irqrestore(&srp->lock, flags);
	pm_runtime_mark_last_busy(srp->dev);
	pm_runtime_put_autosuspend(srp->dev);
	if (ret)
		dev_err(srp->dev, "ID register reads 0x%08x, not a simulated remote processor: %d\n",
			id, ret);
	return ret;
}

static int srp_setup_dma(struct srp *srp)
{
	struct socmmu_dma_info info;
	int ret;

	srp->domain = socmmu_dma_domain(srp->dev);
	if (!srp->domain || socmmu_dma_get_info(srp->dev, &info)) {
		dev_err(srp->dev, "no DMA layer: the core must sit behind one of our IOMMUs\n");
		return -ENODEV;
	}
	srp->win_base = info.window_base;
	srp->win_limit = info.window_limit;
	/* The core's device addresses are 32-bit. */
	ret = dma_set_mask_and_coherent(srp->dev, DMA_BIT_MASK(32));
	if (ret)
		dev_err(srp->dev, "no 32-bit DMA: %d\n", ret);
	return ret;
}

static void srp_pm_disable(struct device *dev)
{
	pm_runtime_dont_use_autosuspend(dev);
	pm_runtime_disable(dev);
}

static int srp_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	const char *fw_name = NULL;
	void __iomem *base;
	struct rproc *rproc;
	struct srp *srp;
	int ret;

	base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(base))
		return PTR_ERR(base);
	ret = rproc_of_parse_firmware(dev, 0, &fw_name);
	if (ret && ret != -EINVAL)
		return dev_err_probe(dev, ret, "bad firmware-name\n");
	rproc = rproc_alloc(dev, dev_name(dev), &srp_ops, fw_name, sizeof(*srp));
	if (!rproc)
		return -ENOMEM;
	/* Our DMA layer's domain is the one: the core must not attach its own. */
	rproc->has_iommu = false;
	rproc->auto_boot = of_property_read_bool(dev->of_node, "socmmu,auto-boot");
	srp = rproc->priv;
	srp->dev = dev;
	srp->rproc = rproc;
	srp->stats.last_crash = -1;
	spin_lock_init(&srp->lock);
	atomic_set(&srp->in_irq, 0);

	ret = srp_setup_dma(srp);
	if (ret)
		goto err_free;
	srp->hw = srp_hw_create((__force struct kx_iomem *)base, &ret);
	if (!srp->hw)
		goto err_free;
	srp->irq = platform_get_irq(pdev, 0);
	if (srp->irq < 0) {
		ret = srp->irq;
		goto err_hw;
	}
	ret = request_threaded_irq(srp->irq, NULL, srp_irq_thread, IRQF_ONESHOT,
				   dev_name(dev), srp);
	if (ret) {
		dev_err(dev, "cannot request IRQ %d: %d\n", srp->irq, ret);
		goto err_hw;
	}
	platform_set_drvdata(pdev, srp);
	pm_runtime_set_autosuspend_delay(dev, SRP_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(dev);
	pm_runtime_enable(dev);
	ret = srp_check_hw(srp);
	if (ret)
		goto err_pm;
	iommu_set_fault_handler(srp->domain, srp_iommu_fault, srp);
	ret = rproc_add(rproc);
	if (ret) {
		dev_err(dev, "cannot add the remote processor: %d\n", ret);
		goto err_fault;
	}
	srp->debugfs = debugfs_create_dir(dev_name(dev), srp_debugfs_root);
	debugfs_create_file("stats", 0444, srp->debugfs, srp, &srp_stats_fops);
	dev_info(dev, "%s: DMA window [0x%llx, 0x%llx), firmware %s\n", rproc->name,
		 srp->win_base, srp->win_limit, rproc->firmware);
	return 0;

err_fault:
	iommu_set_fault_handler(srp->domain, NULL, NULL);
err_pm:
	srp_pm_disable(dev);
	free_irq(srp->irq, srp);
err_hw:
	srp_hw_destroy(srp->hw);
err_free:
	rproc_free(rproc);
	return ret;
}

static void srp_remove(struct platform_device *pdev)
{
	struct srp *srp = platform_get_drvdata(pdev);

	debugfs_remove_recursive(srp->debugfs);
	/* Shuts the core down if it runs: stop, carveouts, shared memory. */
	rproc_del(srp->rproc);
	iommu_set_fault_handler(srp->domain, NULL, NULL);
	srp_pm_disable(&pdev->dev);
	free_irq(srp->irq, srp);
	srp_hw_destroy(srp->hw);
	rproc_free(srp->rproc);
}

static const struct of_device_id srp_of_match[] = {
	{ .compatible = "socmmu,sim-rproc" },
	{}
};
MODULE_DEVICE_TABLE(of, srp_of_match);

static struct platform_driver srp_driver = {
	.probe = srp_probe,
	.remove_new = srp_remove,
	.driver = {
		.name = SRP_NAME,
		.of_match_table = srp_of_match,
		.pm = &srp_pm_ops,
		.suppress_bind_attrs = true,
	},
};

static int __init srp_init(void)
{
	int ret;

	srp_debugfs_root = debugfs_create_dir(SRP_NAME, NULL);
	ret = platform_driver_register(&srp_driver);
	if (ret)
		debugfs_remove_recursive(srp_debugfs_root);
	return ret;
}

static void __exit srp_exit(void)
{
	platform_driver_unregister(&srp_driver);
	debugfs_remove_recursive(srp_debugfs_root);
}

module_init(srp_init);
module_exit(srp_exit);
MODULE_DESCRIPTION("socmmu: a simulated remote processor on the remoteproc core, behind any of our IOMMUs");
MODULE_LICENSE("GPL");
