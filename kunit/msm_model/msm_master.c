// SPDX-License-Identifier: GPL-2.0
/*
 * The MSM IOMMU model's bus side: transfers by MID, routed by M2VCBR to a
 * context bank; faults into FSR/FAR/FSYNR; stall on fault and RESUME; the
 * model bus (kunit/model_bus) for client models.
 */
#include <linux/export.h>
#include <linux/io.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/string.h>

#include "../model_bus/model_bus.h"
#include "../model_clk/model_clk.h"
#include "msm_model_priv.h"

static u32 mm_fsynr1(unsigned int access)
{
	return (access & MSM_MODEL_ACC_WRITE ? MSM_MODEL_FSYNR1_AWRITE : 0) |
	       (access & MSM_MODEL_ACC_PRIV ? MSM_MODEL_FSYNR1_APRIV : 0) |
	       (access & MSM_MODEL_ACC_INSTR ? MSM_MODEL_FSYNR1_AINST : 0);
}

/* Record a transfer's fault; with CFCFG the transfer stalls. */
static int mm_fault(struct msm_model *m, unsigned int c, u32 mid, u32 va,
		    unsigned int access, u32 fsr, bool bus)
{
	struct mm_ctx *ctx = &m->ctx[c];

	m->cnt.faults++;
	m->cnt.ctx_faults[c]++;
	if (ctx->fsr & MSM_MODEL_FSR_REASONS) {
		ctx->fsr |= MSM_MODEL_FSR_MULTI;
	} else {
		ctx->fsr |= fsr;
		ctx->far = va;
		ctx->fsynr0 = mid & MSM_MODEL_FSYNR0_AMID_MASK;
		ctx->fsynr1 = mm_fsynr1(access);
	}
	if (ctx->actlr & MSM_MODEL_ACTLR_CFCFG) {
		m->cnt.stalls++;
		ctx->fsr |= MSM_MODEL_FSR_SS;
		ctx->stall = MM_STALLED;
		ctx->stall_mid = mid;
		ctx->stall_va = va;
		ctx->stall_access = access;
		ctx->stall_bus = bus;
	}
	mm_update_lines(m);
	return ctx->stall == MM_STALLED ? MSM_MODEL_STALLED : MSM_MODEL_ERROR;
}

/**
 * mm_resume() - a write to a context bank's RESUME register
 * @m: the instance (locked)
 * @c: the context bank
 * @value: TNR (bit 0): 0 retries the stalled access, 1 terminates it
 *
 * A retry translates the stalled access again at once: if it faults again
 * (the mapping was not fixed, or the TLB still holds the faulting entry)
 * the fault is recorded and, with CFCFG, the transfer stalls again.
 *
 * A terminated transfer's error goes to the faulting MID's next transfer
 * through the C API (msm_model_read() and friends).  A master on the
 * model bus learnt of it already: MODEL_BUS_STALLED with a new fault is
 * the outcome of its transfer there, as with every IOMMU model, so its
 * next transfer is not charged with it.
 */
void mm_resume(struct msm_model *m, unsigned int c, u32 value)
{
	struct mm_ctx *ctx = &m->ctx[c];
	struct mm_xlate x;

	if (ctx->stall != MM_STALLED) {
		m->cnt.resumes_ignored++;
		return;
	}
	ctx->fsr &= ~MSM_MODEL_FSR_SS;
	if (value & MSM_MODEL_RESUME_TERMINATE) {
		m->cnt.resumes_terminate++;
		ctx->stall = ctx->stall_bus ? MM_IDLE : MM_TERMINATED;
		mm_update_lines(m);
		return;
	}
	m->cnt.resumes_retry++;
	ctx->stall = MM_IDLE;
	mm_translate(m, c, ctx->stall_va, ctx->stall_access, mm_walk_on_miss(ctx), &x);
	if (x.fsr)
		mm_fault(m, c, ctx->stall_mid, ctx->stall_va, ctx->stall_access, x.fsr,
			 ctx->stall_bus);
	else
		mm_update_lines(m);
}

static void mm_fill_result(struct msm_model_result *res, const struct mm_xlate *x)
{
	res->phys = x->pa;
	res->bypassed = x->bypass;
	res->tlb_hit = x->hit;
	if (x->bypass)
		return;
	res->page = x->page;
	res->memtype = x->memtype;
	res->inner = x->inner;
	res->outer = x->outer;
	res->shareable = x->sh;
	res->outer_shareable = x->sh && !x->nos;
}

/* The context bank of @mid, or -1 (counted) when it maps to none. */
static int mm_route(struct msm_model *m, u32 mid)
{
	unsigned int c;

	if (mid < MSM_MODEL_NR_MIDS) {
		c = (m->m2vcbr[mid] >> MSM_MODEL_M2VCBR_CBNDX_SHIFT) & MSM_MODEL_M2VCBR_CBNDX_MASK;
		if (c < m->ncb)
			return c;
	}
	m->cnt.unrouted++;
	return -1;
}

/* Before translating: the context's stall, or the error of a terminated one. */
static int mm_pending(struct mm_ctx *ctx, u32 mid, struct msm_model_result *res)
{
	if (ctx->stall == MM_STALLED) {
		res->fault_addr = ctx->stall_va;
		return MSM_MODEL_STALLED;
	}
	if (ctx->stall == MM_TERMINATED && ctx->stall_mid == mid) {
		ctx->stall = MM_IDLE;
		res->fault_addr = ctx->stall_va;
		return MSM_MODEL_ERROR;
	}
	return MSM_MODEL_OK;
}

static int mm_transfer(struct msm_model *m, u32 mid, u32 iova, void *rbuf, const void *wbuf,
		       size_t len, unsigned int access, bool bus, struct msm_model_result *res)
{
	struct msm_model_result dummy;
	unsigned long flags;
	size_t done = 0;
	int status, c;

	if (!res)
		res = &dummy;
	memset(res, 0, sizeof(*res));
	res->ctx = -1;
	raw_spin_lock_irqsave(&m->lock, flags);
	if (!m->powered) {
		/* No power: the interconnect answers with an error. */
		res->fault_addr = iova;
		status = MSM_MODEL_ERROR;
		goto out;
	}
	if (m->clk && !model_clk_enabled(m->clk))
		m->cnt.unclocked_transfers++;
	c = mm_route(m, mid);
	if (c < 0) {
		res->fault_addr = iova;
		status = MSM_MODEL_ERROR;
		goto out;
	}
	res->ctx = c;
	status = mm_pending(&m->ctx[c], mid, res);
	if (status != MSM_MODEL_OK)
		goto out;

	do {
		u32 va = iova + done;
		size_t chunk = min_t(size_t, len - done, PAGE_SIZE - (va & (PAGE_SIZE - 1)));
		struct mm_xlate x;
		void *cpu;

		mm_translate(m, c, va, access, mm_walk_on_miss(&m->ctx[c]), &x);
		if (x.fsr) {
			res->fault_addr = va;
			res->fsr = x.fsr;
			status = mm_fault(m, c, mid, va, access, x.fsr, bus);
			break;
		}
		if (done == 0) {
			mm_fill_result(res, &x);
			if (x.bypass)
				m->cnt.bypassed++;
		}
		if (!len)
			break;
		if (!pfn_valid(PHYS_PFN(x.pa))) {
			/* Nothing answers at that address: a bus error. */
			res->fault_addr = va;
			status = MSM_MODEL_ERROR;
			break;
		}
		cpu = phys_to_virt(x.pa);
		if (rbuf)
			memcpy(rbuf + done, cpu, chunk);
		else
			memcpy(cpu, wbuf + done, chunk);
		done += chunk;
	} while (done < len);
out:
	res->status = status;
	raw_spin_unlock_irqrestore(&m->lock, flags);
	return status;
}

/**
 * msm_model_read() - read memory through the IOMMU as one of its masters
 * @m: the instance
 * @mid: the master's MID
 * @iova: bus address of the first byte
 * @buf: where the bytes go
 * @len: how many bytes
 * @res: details of the outcome; may be NULL
 *
 * An unprivileged data read.
 *
 * Return: an enum msm_model_status.
 */
int msm_model_read(struct msm_model *m, u32 mid, u32 iova, void *buf, size_t len,
		   struct msm_model_result *res)
{
	return mm_transfer(m, mid, iova, buf, NULL, len, 0, false, res);
}
EXPORT_SYMBOL_GPL(msm_model_read);

/**
 * msm_model_write() - write memory through the IOMMU as one of its masters
 * @m: the instance
 * @mid: the master's MID
 * @iova: bus address of the first byte
 * @buf: the bytes
 * @len: how many bytes
 * @res: details of the outcome; may be NULL
 *
 * An unprivileged data write.
 *
 * Return: an enum msm_model_status.
 */
int msm_model_write(struct msm_model *m, u32 mid, u32 iova, const void *buf, size_t len,
		    struct msm_model_result *res)
{
	return mm_transfer(m, mid, iova, NULL, buf, len, MSM_MODEL_ACC_WRITE, false, res);
}
EXPORT_SYMBOL_GPL(msm_model_write);

/**
 * msm_model_translate() - one access, moving no data
 * @m: the instance
 * @mid: the master's MID
 * @iova: the bus address
 * @access: MSM_MODEL_ACC_WRITE, _PRIV and _INSTR, or 0 for an unprivileged read
 * @res: details of the outcome, the physical address and attributes among
 *	them; may be NULL
 *
 * Routes, looks up the TLB, walks, faults and stalls exactly as a transfer.
 *
 * Return: an enum msm_model_status.
 */
int msm_model_translate(struct msm_model *m, u32 mid, u32 iova, unsigned int access,
			struct msm_model_result *res)
{
	return mm_transfer(m, mid, iova, NULL, NULL, 0, access, false, res);
}
EXPORT_SYMBOL_GPL(msm_model_translate);

/**
 * msm_model_stalled() - does a transfer of @mid's context bank wait for RESUME?
 * @m: the instance
 * @mid: the master's MID
 *
 * Return: true from a fault with ACTLR.CFCFG set until RESUME is written
 * (or the instance loses power).
 */
bool msm_model_stalled(const struct msm_model *m, u32 mid)
{
	struct msm_model *mm = (struct msm_model *)m;
	unsigned long flags;
	bool stalled = false;
	unsigned int c;

	if (mid >= MSM_MODEL_NR_MIDS)
		return false;
	raw_spin_lock_irqsave(&mm->lock, flags);
	c = (m->m2vcbr[mid] >> MSM_MODEL_M2VCBR_CBNDX_SHIFT) & MSM_MODEL_M2VCBR_CBNDX_MASK;
	if (c < m->ncb)
		stalled = m->ctx[c].stall == MM_STALLED;
	raw_spin_unlock_irqrestore(&mm->lock, flags);
	return stalled;
}
EXPORT_SYMBOL_GPL(msm_model_stalled);

/* ------------------------------------------------------- the model bus -- */

static int mm_bus_result(int status, const struct msm_model_result *r,
			 struct model_bus_result *res)
{
	if (res) {
		res->status = status;
		res->fault_addr = r->fault_addr;
		res->phys = r->phys;
	}
	return status;
}

static int mm_bus_read(void *iommu, u32 stream, u64 iova, void *buf, size_t len,
		       struct model_bus_result *res)
{
	struct msm_model_result r;

	return mm_bus_result(mm_transfer(iommu, stream, iova, buf, NULL, len, 0, true, &r), &r,
			     res);
}

static int mm_bus_write(void *iommu, u32 stream, u64 iova, const void *buf, size_t len,
			struct model_bus_result *res)
{
	struct msm_model_result r;

	return mm_bus_result(mm_transfer(iommu, stream, iova, NULL, buf, len,
					 MSM_MODEL_ACC_WRITE, true, &r), &r, res);
}

static bool mm_bus_stalled(void *iommu, u32 stream)
{
	return msm_model_stalled(iommu, stream);
}

static void mm_bus_stats(void *iommu, struct model_bus_stats *out)
{
	struct msm_model_counters c;
	unsigned int i;

	msm_model_counters(iommu, &c);
	*out = (struct model_bus_stats) {
		.table_walks = c.table_walks,
		.tlb_hits = c.tlb_hits,
		.tlb_misses = c.tlb_misses,
		.faults = c.faults,
		.full_flushes = c.global_tlbialls,
		.off_accesses = c.off_accesses + c.off_clock_accesses,
		.power_ons = c.power_ons,
		.power_offs = c.power_offs,
	};
	for (i = 0; i < MSM_MODEL_NR_IRQS; i++)
		out->irqs += c.irqs[i];
	for (i = 0; i < MSM_MODEL_MAX_CTX; i++) {
		out->entry_flushes += c.tlbivas[i] + c.tlbivaas[i];
		out->full_flushes += c.tlbialls[i] + c.tlbiasids[i];
	}
	for (i = 0; i < MSM_MODEL_NR_SIZES; i++)
		out->walks_by_size[i] = c.walks_by_size[i];
}

static void mm_bus_reset_stats(void *iommu)
{
	msm_model_reset_counters(iommu);
}

static const char *mm_bus_name(void *iommu)
{
	return msm_model_name(iommu);
}

static unsigned int mm_bus_irq_now(void *iommu, bool force)
{
	return mm_irq_now(iommu, force);
}

const struct model_bus_ops mm_bus_ops = {
	.read = mm_bus_read,
	.write = mm_bus_write,
	.stalled = mm_bus_stalled,
	.stats = mm_bus_stats,
	.reset_stats = mm_bus_reset_stats,
	.name = mm_bus_name,
	.irq_now = mm_bus_irq_now,
};
