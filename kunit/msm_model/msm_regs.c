// SPDX-License-Identifier: GPL-2.0
/*
 * The MSM IOMMU model's register window: global registers at
 * 0xFF000-0xFFFFF, context bank n at n * 0x1000 (n < qcom,ncb; the banks
 * above read as zero and ignore writes), behind logic_iomem.  Bit layout
 * from drivers/iommu/msm_iommu_hw-8xxx.h.
 */
#include <linux/bits.h>
#include <linux/log2.h>
#include <linux/logic_iomem.h>
#include <linux/printk.h>

#include "../model_clk/model_clk.h"
#include "msm_model_priv.h"

/* Writable bits: the fields msm_iommu_hw-8xxx.h defines. */
#define M2VCBR_BITS	0x0fffff1fu	/* VMID, CBNDX, BYPASSD..BPMEMTYPE */
#define CBACR_BITS	0xff1f031fu	/* RWVMID, RWE, RWGE, CBVMID, IRPTNDX */
#define CR_BITS		0x3ffu
#define SCTLR_BITS	0x3fu
#define ACTLR_BITS	0x00f7ff7fu
#define TTBCR_BITS	(MSM_MODEL_TTBCR_N_MASK | MSM_MODEL_TTBCR_PD0 | MSM_MODEL_TTBCR_PD1)
#define FSR_BITS	(MSM_MODEL_FSR_REASONS | MSM_MODEL_FSR_SL | MSM_MODEL_FSR_SS | \
			 MSM_MODEL_FSR_MULTI)
static unsigned int v2p_access(u32 off)
{
	return (off & 4 ? MSM_MODEL_ACC_WRITE : 0) | (off & 8 ? 0 : MSM_MODEL_ACC_PRIV);
}

/**
 * mm_reset() - every register and TLB back to its reset value
 * @m: the instance (locked)
 *
 * Power loss.  A stalled transaction is dropped with the rest.
 */
void mm_reset(struct msm_model *m)
{
	memset(m->m2vcbr, 0, sizeof(m->m2vcbr));
	memset(m->cbacr, 0, sizeof(m->cbacr));
	memset(m->tlbtr, 0, sizeof(m->tlbtr));
	m->tlbrsw = 0;
	m->testbuscr = 0;
	m->cr = 0;
	m->ear = 0;
	m->esr = 0;
	m->esynr0 = 0;
	m->esynr1 = 0;
	m->rpu_acr = 0;
	memset(m->ctx, 0, sizeof(m->ctx));
	mm_update_lines(m);
}

static u32 mm_idr(const struct msm_model *m)
{
	return MSM_MODEL_NR_MIDS | MSM_MODEL_IDR_HTW |
	       ilog2(MSM_MODEL_TLB_ENTRIES) << MSM_MODEL_IDR_TLBSIZE_SHIFT |
	       m->ncb << MSM_MODEL_IDR_NCB_SHIFT | m->nirq << MSM_MODEL_IDR_NIRPT_SHIFT;
}

/* ----------------------------------------------------------- global -- */

static u32 *mm_global_reg(struct msm_model *m, unsigned int offset)
{
	switch (offset) {
	case MSM_MODEL_TLBRSW:
		return &m->tlbrsw;
	case MSM_MODEL_TLBTR0:
	case MSM_MODEL_TLBTR1:
	case MSM_MODEL_TLBTR2:
		return &m->tlbtr[(offset - MSM_MODEL_TLBTR0) / 4];
	case MSM_MODEL_TESTBUSCR:
		return &m->testbuscr;
	case MSM_MODEL_EAR:
		return &m->ear;
	case MSM_MODEL_ESR:
		return &m->esr;
	case MSM_MODEL_ESYNR0:
		return &m->esynr0;
	case MSM_MODEL_ESYNR1:
		return &m->esynr1;
	case MSM_MODEL_RPU_ACR:
		return &m->rpu_acr;
	default:
		return NULL;
	}
}

static u32 mm_global_read(struct msm_model *m, unsigned int offset)
{
	unsigned int i = (offset & 0x7ff) / 4;
	u32 *reg;

	if (offset < MSM_MODEL_M2VCBR(MSM_MODEL_NR_MIDS))
		return m->m2vcbr[i];
	if (offset >= MSM_MODEL_CBACR(0) && offset < MSM_MODEL_CBACR(m->ncb))
		return m->cbacr[i];
	switch (offset) {
	case MSM_MODEL_CR:
		return m->cr;
	case MSM_MODEL_REV:
		return MSM_MODEL_REV_VALUE;
	case MSM_MODEL_IDR:
		return mm_idr(m);
	}
	reg = mm_global_reg(m, offset);
	return reg ? *reg : 0;
}

static void mm_global_write(struct msm_model *m, unsigned int offset, u32 value)
{
	unsigned int i = (offset & 0x7ff) / 4, c;
	u32 *reg;

	if (offset < MSM_MODEL_M2VCBR(MSM_MODEL_NR_MIDS)) {
		m->m2vcbr[i] = value & M2VCBR_BITS;
		return;
	}
	if (offset >= MSM_MODEL_CBACR(0) && offset < MSM_MODEL_CBACR(m->ncb)) {
		m->cbacr[i] = value & CBACR_BITS;
		mm_update_lines(m);	/* IRPTNDX picks the line */
		return;
	}
	switch (offset) {
	case MSM_MODEL_CR:
		m->cr = value & CR_BITS;
		return;
	case MSM_MODEL_GLOBAL_TLBIALL:
		m->cnt.global_tlbialls++;
		for (c = 0; c < m->ncb; c++)
			mm_tlb_invalidate_all(&m->ctx[c]);
		return;
	case MSM_MODEL_TLBIVMID:
		m->cnt.global_tlbialls++;
		for (c = 0; c < m->ncb; c++)
			if (((m->cbacr[c] >> 16) & 0x1f) == (value & 0x1f))
				mm_tlb_invalidate_all(&m->ctx[c]);
		return;
	case MSM_MODEL_ESRRESTORE:
		m->esr = value;
		return;
	}
	reg = mm_global_reg(m, offset);
	if (reg)
		*reg = value;
}

/* ---------------------------------------------------------- context -- */

static u32 *mm_ctx_reg(struct mm_ctx *ctx, unsigned int reg)
{
	switch (reg) {
	case MSM_MODEL_SCTLR:
		return &ctx->sctlr;
	case MSM_MODEL_ACTLR:
		return &ctx->actlr;
	case MSM_MODEL_CONTEXTIDR:
		return &ctx->contextidr;
	case MSM_MODEL_TTBR0:
		return &ctx->ttbr0;
	case MSM_MODEL_TTBR1:
		return &ctx->ttbr1;
	case MSM_MODEL_TTBCR:
		return &ctx->ttbcr;
	case MSM_MODEL_PAR:
		return &ctx->par;
	case MSM_MODEL_FSR:
		return &ctx->fsr;
	case MSM_MODEL_FAR:
		return &ctx->far;
	case MSM_MODEL_FSYNR0:
		return &ctx->fsynr0;
	case MSM_MODEL_FSYNR1:
		return &ctx->fsynr1;
	case MSM_MODEL_PRRR:
		return &ctx->prrr;
	case MSM_MODEL_NMRR:
		return &ctx->nmrr;
	case MSM_MODEL_TLBLCKR:
		return &ctx->tlblckr;
	case MSM_MODEL_V2PSR:
		return &ctx->v2psr;
	case MSM_MODEL_TLBFLPTER:
		return &ctx->tlbflpter;
	case MSM_MODEL_TLBSLPTER:
		return &ctx->tlbslpter;
	case MSM_MODEL_BFBCR:
		return &ctx->bfbcr;
	default:	/* the write-only operations, reserved */
		return NULL;
	}
}

/* A V2P operation (V2PPR/PW/UR/UW): the result goes to PAR and V2PSR. */
static void mm_v2p(struct msm_model *m, unsigned int c, unsigned int reg, u32 value)
{
	struct mm_ctx *ctx = &m->ctx[c];
	u32 v2pcfg = ctx->actlr & MSM_MODEL_ACTLR_V2PCFG_WALK;
	u32 va = value & MSM_MODEL_VA_MASK;
	struct mm_xlate x;

	if (!(v2pcfg & MSM_MODEL_ACTLR_V2PCFG_TLB))
		return;
	m->cnt.v2p++;
	mm_translate(m, c, va, v2p_access(reg), v2pcfg == MSM_MODEL_ACTLR_V2PCFG_WALK, &x);
	if (x.fsr) {
		ctx->par = MSM_MODEL_PAR_FAULT | x.fsr;
		ctx->v2psr = 0;
		return;
	}
	ctx->par = mm_par(&x, va);
	ctx->v2psr = x.hit ? MSM_MODEL_V2PSR_HIT | x.tlb_index << MSM_MODEL_V2PSR_INDEX_SHIFT : 0;
}

static void mm_ctx_write(struct msm_model *m, unsigned int c, unsigned int reg, u32 value)
{
	struct mm_ctx *ctx = &m->ctx[c];
	u32 *r;

	switch (reg) {
	case MSM_MODEL_SCTLR:
		ctx->sctlr = value & SCTLR_BITS;
		return;
	case MSM_MODEL_ACTLR:
		ctx->actlr = value & ACTLR_BITS;
		mm_update_lines(m);	/* CFEIE */
		return;
	case MSM_MODEL_TTBCR:
		ctx->ttbcr = value & TTBCR_BITS;
		return;
	case MSM_MODEL_FSR:		/* write one to clear */
		ctx->fsr &= ~value;
		mm_update_lines(m);
		return;
	case MSM_MODEL_FSRRESTORE:
		ctx->fsr = value & FSR_BITS;
		mm_update_lines(m);
		return;
	case MSM_MODEL_V2PSR:		/* read-only */
		return;
	case MSM_MODEL_CTX_TLBIALL:
		m->cnt.tlbialls[c]++;
		mm_tlb_invalidate_all(ctx);
		return;
	case MSM_MODEL_TLBIASID:
		m->cnt.tlbiasids[c]++;
		mm_tlb_invalidate_asid(ctx, value & MSM_MODEL_ASID_MASK);
		return;
	case MSM_MODEL_TLBIVA:
		m->cnt.tlbivas[c]++;
		mm_tlb_invalidate_va(ctx, value & MSM_MODEL_VA_MASK,
				     value & MSM_MODEL_ASID_MASK, false);
		return;
	case MSM_MODEL_TLBIVAA:
		m->cnt.tlbivaas[c]++;
		mm_tlb_invalidate_va(ctx, value & MSM_MODEL_VA_MASK, 0, true);
		return;
	case MSM_MODEL_V2PPR:
	case MSM_MODEL_V2PPW:
	case MSM_MODEL_V2PUR:
	case MSM_MODEL_V2PUW:
		mm_v2p(m, c, reg, value);
		return;
	case MSM_MODEL_RESUME:
		mm_resume(m, c, value);
		return;
	}
	r = mm_ctx_reg(ctx, reg);
	if (r)
		*r = value;
}

/* ------------------------------------------------------------ access -- */

static bool mm_access_ok(struct msm_model *m, unsigned int offset, int size)
{
	if (size == sizeof(u32) && offset % sizeof(u32) == 0 && offset < MSM_MODEL_WINDOW)
		return true;
	m->cnt.bad_accesses++;
	pr_err("socmmu msm model %s: bad %d-byte access at 0x%x\n", m->name, size, offset);
	return false;
}

/* Powered, and smmu_pclk running (or the model told to serve anyway)? */
static bool mm_may_access(struct msm_model *m, unsigned int offset)
{
	if (!m->powered) {
		m->cnt.off_accesses++;
		pr_err("socmmu msm model %s: access at 0x%x while powered off\n",
		       m->name, offset);
		return false;
	}
	if (m->pclk && !model_clk_enabled(m->pclk)) {
		m->cnt.off_clock_accesses++;
		if (READ_ONCE(mm_serve_off_clock))
			return true;
		pr_err("socmmu msm model %s: access at 0x%x with smmu_pclk off\n",
		       m->name, offset);
		return false;
	}
	return true;
}

static u32 mm_reg_read(struct msm_model *m, unsigned int offset)
{
	unsigned int c = offset / MSM_MODEL_CTX_STRIDE;
	u32 *r;

	if (offset >= MSM_MODEL_GLOBAL_BASE)
		return mm_global_read(m, offset);
	if (c >= m->ncb)
		return 0;
	r = mm_ctx_reg(&m->ctx[c], offset % MSM_MODEL_CTX_STRIDE);
	return r ? *r : 0;
}

static void mm_reg_write(struct msm_model *m, unsigned int offset, u32 value)
{
	unsigned int c = offset / MSM_MODEL_CTX_STRIDE;

	if (offset >= MSM_MODEL_GLOBAL_BASE)
		mm_global_write(m, offset, value);
	else if (c < m->ncb)
		mm_ctx_write(m, c, offset % MSM_MODEL_CTX_STRIDE, value);
}

static unsigned long mm_mmio_read(void *priv, unsigned int offset, int size)
{
	struct msm_model *m = priv;
	unsigned long flags, value = ~0UL;

	raw_spin_lock_irqsave(&m->lock, flags);
	if (mm_access_ok(m, offset, size)) {
		m->cnt.reg_reads++;
		value = mm_may_access(m, offset) ? mm_reg_read(m, offset) : 0;
	}
	raw_spin_unlock_irqrestore(&m->lock, flags);
	return value;
}

static void mm_mmio_write(void *priv, unsigned int offset, int size, unsigned long value)
{
	struct msm_model *m = priv;
	unsigned long flags;

	raw_spin_lock_irqsave(&m->lock, flags);
	if (mm_access_ok(m, offset, size)) {
		m->cnt.reg_writes++;
		if (mm_may_access(m, offset))
			mm_reg_write(m, offset, value);
	}
	raw_spin_unlock_irqrestore(&m->lock, flags);
}

static const struct logic_iomem_ops mm_mmio_ops = {
	.read = mm_mmio_read,
	.write = mm_mmio_write,
};

/*
 * logic_iomem's map() gets no pointer back to the region, so each window
 * has a region_ops of its own, as in the OMAP model.
 */
#define MM_MAP_FN(n)							\
static long mm_map_##n(unsigned long offset, size_t size,		\
		       const struct logic_iomem_ops **ops, void **priv)	\
{									\
	if (offset + size > MSM_MODEL_WINDOW)				\
		return -EINVAL;						\
	*ops = &mm_mmio_ops;						\
	*priv = &mm_instances[n];					\
	return offset;							\
}

MM_MAP_FN(0)
MM_MAP_FN(1)
MM_MAP_FN(2)
MM_MAP_FN(3)
MM_MAP_FN(4)
MM_MAP_FN(5)
MM_MAP_FN(6)
MM_MAP_FN(7)

const struct logic_iomem_region_ops mm_region_ops[MM_MAX_INSTANCES] = {
	{ .map = mm_map_0 }, { .map = mm_map_1 }, { .map = mm_map_2 }, { .map = mm_map_3 },
	{ .map = mm_map_4 }, { .map = mm_map_5 }, { .map = mm_map_6 }, { .map = mm_map_7 },
};
