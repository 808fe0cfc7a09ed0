// SPDX-License-Identifier: GPL-2.0
/*
 * The MSM IOMMU model's translation: a TLB per context bank tagged by
 * ASID, the ARMv7 short-descriptor walker (the format of
 * io-pgtable-arm-v7s.c), access permissions and memory attributes.  The
 * caller holds the instance's lock.
 */
#include <linux/bits.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/printk.h>

#include "../model_mem/model_mem.h"
#include "msm_model_priv.h"

/* Descriptor fields (io-pgtable-arm-v7s.c, ARMv7 VMSA short format). */
#define L1_TYPE_MASK		0x3u
#define L1_TYPE_TABLE		0x1u
#define L1_TYPE_SECTION		0x2u
#define L1_SUPERSECTION		BIT(18)
#define L1_TABLE_MASK		0xfffffc00u
#define L2_TYPE_LARGE		0x1u
#define L2_TYPE_SMALL		0x2u
#define DESC_B			BIT(2)
#define DESC_C			BIT(3)
#define L1_XN			BIT(4)
#define L2_SMALL_XN		BIT(0)
#define L2_LARGE_XN		BIT(15)

static const u32 mm_page_mask[MSM_MODEL_NR_SIZES] = {
	[MSM_MODEL_4K] = 0xfffff000, [MSM_MODEL_64K] = 0xffff0000,
	[MSM_MODEL_1M] = 0xfff00000, [MSM_MODEL_16M] = 0xff000000,
};

/* ---------------------------------------------------------------- TLB -- */

static bool mm_entry_covers(const struct mm_tlb_entry *e, u32 va)
{
	return e->valid && ((va & mm_page_mask[e->page]) == e->va);
}

void mm_tlb_invalidate_all(struct mm_ctx *ctx)
{
	memset(ctx->tlb, 0, sizeof(ctx->tlb));
}

void mm_tlb_invalidate_asid(struct mm_ctx *ctx, u8 asid)
{
	unsigned int i;

	for (i = 0; i < MSM_MODEL_TLB_ENTRIES; i++)
		if (!ctx->tlb[i].global && ctx->tlb[i].asid == asid)
			ctx->tlb[i].valid = false;
}

/* ARMv7 TLBIMVA: the VA with this ASID, or global; TLBIMVAA: any ASID. */
void mm_tlb_invalidate_va(struct mm_ctx *ctx, u32 va, u8 asid, bool any_asid)
{
	unsigned int i;

	for (i = 0; i < MSM_MODEL_TLB_ENTRIES; i++) {
		struct mm_tlb_entry *e = &ctx->tlb[i];

		if (mm_entry_covers(e, va) && (any_asid || e->global || e->asid == asid))
			e->valid = false;
	}
}

static void mm_tlb_refill(struct mm_ctx *ctx, const struct mm_tlb_entry *e,
			  unsigned int *index)
{
	*index = ctx->victim;
	ctx->tlb[ctx->victim] = *e;
	ctx->victim = (ctx->victim + 1) % MSM_MODEL_TLB_ENTRIES;
}

/* ----------------------------------------------------------- attributes -- */

static int mm_par_mt(const struct mm_xlate *x)
{
	static const u32 inner_mt[] = {
		[MSM_MODEL_CACHE_NC] = MSM_MODEL_PAR_MT_NC,
		[MSM_MODEL_CACHE_WBWA] = MSM_MODEL_PAR_MT_WBWA,
		[MSM_MODEL_CACHE_WT] = MSM_MODEL_PAR_MT_WT,
		[MSM_MODEL_CACHE_WB] = MSM_MODEL_PAR_MT_WB,
	};

	switch (x->memtype) {
	case MSM_MODEL_MT_STRONGLY_ORDERED:
		return MSM_MODEL_PAR_MT_SO;
	case MSM_MODEL_MT_DEVICE:
		return MSM_MODEL_PAR_MT_DEVICE;
	default:
		return inner_mt[x->inner & 3];
	}
}

/* TEX remap (SCTLR.TRE): {TEX[0], C, B} indexes PRRR and NMRR. */
static void mm_attrs_remapped(const struct mm_ctx *ctx, const struct mm_tlb_entry *e,
			      struct mm_xlate *x)
{
	unsigned int n = (e->tex & 1) << 2 | e->c << 1 | e->b;

	switch ((ctx->prrr >> (2 * n)) & 3) {
	case 1:
		x->memtype = MSM_MODEL_MT_DEVICE;
		x->sh = ctx->prrr & BIT(16 + e->s);	/* DS0/DS1 */
		break;
	case 2:
		x->memtype = MSM_MODEL_MT_NORMAL;
		x->inner = (ctx->nmrr >> (2 * n)) & 3;
		x->outer = (ctx->nmrr >> (2 * n + 16)) & 3;
		x->sh = ctx->prrr & BIT(18 + e->s);	/* NS0/NS1 */
		x->nos = x->sh && (ctx->prrr & BIT(24 + n));
		break;
	default:	/* 0, and 3 which is reserved: strongly ordered */
		x->memtype = MSM_MODEL_MT_STRONGLY_ORDERED;
		x->sh = true;
		break;
	}
}

/* Without TEX remap: TEX[2:0], C and B as ARMv7 defines them. */
static void mm_attrs_classic(const struct mm_tlb_entry *e, struct mm_xlate *x)
{
	unsigned int cb = e->c << 1 | e->b;

	x->memtype = MSM_MODEL_MT_NORMAL;
	x->sh = e->s;
	if (e->tex & 4) {		/* 1BB: outer BB, inner CB */
		x->outer = e->tex & 3;
		x->inner = cb;
		return;
	}
	switch (e->tex << 2 | cb) {
	case 0x1:			/* shareable device */
		x->memtype = MSM_MODEL_MT_DEVICE;
		x->sh = true;
		return;
	case 0x2:
		x->inner = MSM_MODEL_CACHE_WT;
		x->outer = x->inner;
		return;
	case 0x3:
		x->inner = MSM_MODEL_CACHE_WB;
		x->outer = x->inner;
		return;
	case 0x4:
		x->inner = MSM_MODEL_CACHE_NC;
		x->outer = x->inner;
		return;
	case 0x7:
		x->inner = MSM_MODEL_CACHE_WBWA;
		x->outer = x->inner;
		return;
	case 0x8:			/* non-shareable device */
		x->memtype = MSM_MODEL_MT_DEVICE;
		x->sh = false;
		return;
	default:			/* 000/00 and the reserved encodings */
		x->memtype = MSM_MODEL_MT_STRONGLY_ORDERED;
		x->sh = true;
		return;
	}
}

/**
 * mm_par() - the PAR value of a translation
 * @x: a translation without fault
 * @va: the address translated
 *
 * Return: PA [31:12], SS, outer [3:2], MT [6:4], SH and NOS.
 */
u32 mm_par(const struct mm_xlate *x, u32 va)
{
	u32 par = x->pa & MSM_MODEL_PAR_PA_MASK;

	if (x->bypass)
		return va & MSM_MODEL_PAR_PA_MASK;
	if (x->page == MSM_MODEL_16M)
		par |= MSM_MODEL_PAR_SS;
	if (x->memtype == MSM_MODEL_MT_NORMAL)
		par |= x->outer << MSM_MODEL_PAR_OUTER_SHIFT;
	par |= mm_par_mt(x) << MSM_MODEL_PAR_MT_SHIFT;
	if (x->sh)
		par |= MSM_MODEL_PAR_SH;
	if (x->nos)
		par |= MSM_MODEL_PAR_NOS;
	return par;
}

/* ---------------------------------------------------------- permissions -- */

/* The fault an access gets from an entry, or 0. */
static u32 mm_check_access(const struct mm_ctx *ctx, const struct mm_tlb_entry *e,
			   unsigned int access)
{
	bool write = access & MSM_MODEL_ACC_WRITE, priv = access & MSM_MODEL_ACC_PRIV;
	u32 sl = e->level == 2 ? MSM_MODEL_FSR_SL : 0;
	bool ok;

	if (ctx->sctlr & MSM_MODEL_SCTLR_AFE) {
		/* AP[0] is the access flag; AP[2:1] the simplified model. */
		if (!(e->ap & 1) && !(ctx->sctlr & MSM_MODEL_SCTLR_AFFD))
			return MSM_MODEL_FSR_AFF | sl;
		ok = (priv || (e->ap & 2)) && !(write && (e->ap & 4));
	} else {
		switch (e->ap) {
		case 1:		/* privileged read/write */
			ok = priv;
			break;
		case 2:		/* privileged read/write, unprivileged read */
			ok = priv || !write;
			break;
		case 3:		/* read/write */
			ok = true;
			break;
		case 5:		/* privileged read */
			ok = priv && !write;
			break;
		case 6:
		case 7:		/* read */
			ok = !write;
			break;
		default:	/* no access, reserved */
			ok = false;
			break;
		}
	}
	if (ok && e->xn && (access & MSM_MODEL_ACC_INSTR))
		ok = false;
	return ok ? 0 : MSM_MODEL_FSR_APF | sl;
}

/* ------------------------------------------------------- table walker -- */

/*
 * Read one descriptor of the table at table_pa.  Not RAM: HTWDEEF.  Freed:
 * HTWSEEF, counted.  Returns the fault, or 0.
 */
static u32 mm_walker_read(struct msm_model *m, u32 table_pa, u32 pa, u32 *val)
{
	switch (model_mem_read_desc(table_pa, pa, val)) {
	case MODEL_MEM_OK:
		return 0;
	case MODEL_MEM_NOT_RAM:
		return MSM_MODEL_FSR_HTWDEEF;
	default:
		m->cnt.freed_reads++;
		pr_err("socmmu msm model %s: table walk reads freed memory at %#x\n",
		       m->name, pa);
		return MSM_MODEL_FSR_HTWSEEF;
	}
}

/* Attributes common to L1 sections and L2 pages, from their 8-bit field. */
static void mm_entry_attrs(struct mm_tlb_entry *e, u32 d, unsigned int ap_shift)
{
	/* AP0 at +0, AP1 at +1, AP2 at +5, S at +6, nG at +7. */
	u32 a = d >> ap_shift;

	e->ap = (a & 1) | (a & 2) | ((a >> 5) & 1) << 2;
	e->s = a & BIT(6);
	e->global = !(a & BIT(7));
	e->b = d & DESC_B;
	e->c = d & DESC_C;
}

/* Walk the tables for va into *e; returns the fault, or 0. */
static u32 mm_walk(struct msm_model *m, struct mm_ctx *ctx, u32 va, struct mm_tlb_entry *e)
{
	unsigned int n = ctx->ttbcr & MSM_MODEL_TTBCR_N_MASK;
	u32 l1_base, l1_index, d, l2_base, fault;

	memset(e, 0, sizeof(*e));
	if (n && (va >> (32 - n))) {
		if (ctx->ttbcr & MSM_MODEL_TTBCR_PD1)
			return MSM_MODEL_FSR_TF;
		l1_base = ctx->ttbr1 & 0xffffc000u;
		l1_index = va >> 20;
	} else {
		if (ctx->ttbcr & MSM_MODEL_TTBCR_PD0)
			return MSM_MODEL_FSR_TF;
		l1_base = ctx->ttbr0 & ~((0x4000u >> n) - 1);
		l1_index = (va >> 20) & ((0x1000u >> n) - 1);
	}

	m->cnt.table_walks++;
	fault = mm_walker_read(m, l1_base, l1_base + l1_index * 4, &d);
	if (fault)
		return fault;
	e->level = 1;
	switch (d & L1_TYPE_MASK) {
	case L1_TYPE_TABLE:
		break;
	case L1_TYPE_SECTION:
		if (d & L1_SUPERSECTION) {
			e->page = MSM_MODEL_16M;
			e->pa = d & 0xff000000u;
		} else {
			e->page = MSM_MODEL_1M;
			e->pa = d & 0xfff00000u;
		}
		mm_entry_attrs(e, d, 10);
		e->xn = d & L1_XN;
		e->tex = (d >> 12) & 7;
		goto found;
	default:	/* 0 invalid; 3 reserved */
		return MSM_MODEL_FSR_TF;
	}

	l2_base = d & L1_TABLE_MASK;
	fault = mm_walker_read(m, l2_base, l2_base + ((va >> 12) & 0xff) * 4, &d);
	if (fault)
		return fault | MSM_MODEL_FSR_SL;
	e->level = 2;
	if (d & L2_TYPE_SMALL) {
		e->page = MSM_MODEL_4K;
		e->pa = d & 0xfffff000u;
		e->xn = d & L2_SMALL_XN;
		e->tex = (d >> 6) & 7;
	} else if (d & L2_TYPE_LARGE) {
		e->page = MSM_MODEL_64K;
		e->pa = d & 0xffff0000u;
		e->xn = d & L2_LARGE_XN;
		e->tex = (d >> 12) & 7;
	} else {
		return MSM_MODEL_FSR_TF | MSM_MODEL_FSR_SL;
	}
	mm_entry_attrs(e, d, 4);

found:
	e->valid = true;
	e->asid = ctx->contextidr & MSM_MODEL_ASID_MASK;
	e->va = va & mm_page_mask[e->page];
	m->cnt.walks_by_size[e->page]++;
	return 0;
}

/* ---------------------------------------------------------- translate -- */

/**
 * mm_translate() - translate one access in one context bank
 * @m: the instance (locked)
 * @c: the context bank
 * @va: the address
 * @access: MSM_MODEL_ACC_* attributes of the access
 * @may_walk: walk the tables on a TLB miss (else a TLB-miss fault)
 * @x: the outcome; x->fsr is 0 when translated
 *
 * Looks the TLB up under the context's current ASID, walks on a miss and
 * refills, then checks the access against the entry and decodes its
 * memory type.  Records no fault: the caller decides where it goes.
 */
void mm_translate(struct msm_model *m, unsigned int c, u32 va, unsigned int access,
		  bool may_walk, struct mm_xlate *x)
{
	struct mm_ctx *ctx = &m->ctx[c];
	u8 asid = ctx->contextidr & MSM_MODEL_ASID_MASK;
	const struct mm_tlb_entry *e = NULL;
	struct mm_tlb_entry walked;
	unsigned int i, hits = 0;

	memset(x, 0, sizeof(*x));
	if (!(ctx->sctlr & MSM_MODEL_SCTLR_M)) {
		x->bypass = true;
		x->pa = va;
		return;
	}
	for (i = 0; i < MSM_MODEL_TLB_ENTRIES; i++) {
		const struct mm_tlb_entry *t = &ctx->tlb[i];

		if (mm_entry_covers(t, va) && (t->global || t->asid == asid)) {
			hits++;
			e = t;
			x->tlb_index = i;
		}
	}
	if (hits > 1) {
		x->fsr = MSM_MODEL_FSR_MHF;
		return;
	}
	if (e) {
		m->cnt.tlb_hits++;
		x->hit = true;
	} else {
		m->cnt.tlb_misses++;
		if (!may_walk) {
			x->fsr = MSM_MODEL_FSR_TLBMF;
			return;
		}
		x->fsr = mm_walk(m, ctx, va, &walked);
		if (x->fsr)
			return;
		/* A valid descriptor is cached even if this access faults. */
		mm_tlb_refill(ctx, &walked, &x->tlb_index);
		e = &ctx->tlb[x->tlb_index];
	}

	x->fsr = mm_check_access(ctx, e, access);
	if (x->fsr)
		return;
	x->page = e->page;
	x->pa = e->pa | (va & ~mm_page_mask[e->page]);
	if (ctx->sctlr & MSM_MODEL_SCTLR_TRE)
		mm_attrs_remapped(ctx, e, x);
	else
		mm_attrs_classic(e, x);
}

/**
 * mm_walk_on_miss() - does a transfer's TLB miss walk the tables?
 * @ctx: the context bank
 *
 * Return: true when ACTLR.TLBMCFG is 3.
 */
bool mm_walk_on_miss(const struct mm_ctx *ctx)
{
	return (ctx->actlr & MSM_MODEL_ACTLR_TLBMCFG_WALK) == MSM_MODEL_ACTLR_TLBMCFG_WALK;
}
