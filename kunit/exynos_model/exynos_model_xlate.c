// SPDX-License-Identifier: GPL-2.0
/*
 * The Exynos SYSMMU model's translation path: TLB, FLPD cache, the table
 * walker (tables read from memory by physical address), permission checks,
 * faults, and the bus master's transfers.  Callers hold m->lock.
 */
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "../model_clk/model_clk.h"
#include "../model_mem/model_mem.h"
#include "exynos_model_internal.h"

/* ---------------------------------------------------------------- TLB -- */

static bool exm_tlb_covers(const struct exm_tlb_entry *e, u32 va)
{
	return e->valid && (va & e->mask) == e->va;
}

static struct exm_tlb_entry *exm_tlb_lookup(struct exynos_model *m, u32 va)
{
	unsigned int i;

	for (i = 0; i < EXM_TLB_ENTRIES; i++)
		if (exm_tlb_covers(&m->tlb[i], va))
			return &m->tlb[i];
	return NULL;
}

static const struct exm_tlb_entry *exm_tlb_fill(struct exynos_model *m,
						const struct exm_tlb_entry *e)
{
	struct exm_tlb_entry *slot = &m->tlb[m->tlb_next];

	*slot = *e;
	slot->valid = true;
	m->tlb_next = (m->tlb_next + 1) % EXM_TLB_ENTRIES;
	return slot;
}

/* ---------------------------------------------------------- FLPD cache -- */

static bool exm_flpd_on(const struct exynos_model *m)
{
	return exm_has_flpd(m) && (m->cfg & EXYNOS_MODEL_CFG_FLPDCACHE);
}

static struct exm_flpd_entry *exm_flpd_lookup(struct exynos_model *m, u32 index)
{
	unsigned int i;

	for (i = 0; i < EXM_FLPD_ENTRIES; i++)
		if (m->flpd[i].valid && m->flpd[i].index == index)
			return &m->flpd[i];
	return NULL;
}

static void exm_flpd_fill(struct exynos_model *m, u32 index, u32 desc)
{
	struct exm_flpd_entry *slot = &m->flpd[m->flpd_next];

	slot->valid = true;
	slot->index = index;
	slot->desc = desc;
	m->flpd_next = (m->flpd_next + 1) % EXM_FLPD_ENTRIES;
}

/* ----------------------------------------------------------- flushes -- */

void exm_flush_all(struct exynos_model *m)
{
	m->cnt.full_flushes++;
	memset(m->tlb, 0, sizeof(m->tlb));
	if (exm_has_flpd(m)) {
		m->cnt.flpd_flushes++;
		memset(m->flpd, 0, sizeof(m->flpd));
	}
}

void exm_flush_entry(struct exynos_model *m, u32 va)
{
	struct exm_flpd_entry *f;
	unsigned int i;

	m->cnt.entry_flushes++;
	for (i = 0; i < EXM_TLB_ENTRIES; i++)
		if (exm_tlb_covers(&m->tlb[i], va))
			m->tlb[i].valid = false;
	/* v3.3 drops the L1 descriptor too; v5+ needs FLUSH_ALL for that. */
	if (exm_has_flpd(m) && m->layout == EXM_V1) {
		m->cnt.flpd_flushes++;
		f = exm_flpd_lookup(m, va >> 20);
		if (f)
			f->valid = false;
	}
}

void exm_flush_range(struct exynos_model *m, u32 start, u32 end)
{
	u32 last = end | 0xfff;
	unsigned int i;

	m->cnt.range_flushes++;
	for (i = 0; i < EXM_TLB_ENTRIES; i++) {
		struct exm_tlb_entry *e = &m->tlb[i];

		if (e->valid && e->va <= last && (e->va | ~e->mask) >= start)
			e->valid = false;
	}
}

/* ------------------------------------------------------- table walker -- */

/* One descriptor of the table at table_pa; a read of freed memory is counted. */
static bool exm_walker_read(struct exynos_model *m, u64 table_pa, u64 pa, u32 *val)
{
	enum model_mem r = model_mem_read_desc(table_pa, pa, val);

	if (r == MODEL_MEM_FREED) {
		m->cnt.freed_reads++;
		pr_err("socmmu exynos model %s: table walk reads freed memory at %#llx\n",
		       m->name, pa);
	}
	return r == MODEL_MEM_OK;
}

/* Entries hold PA >> 4 from v5 on: 36-bit physical addresses. */
static u64 exm_ent_to_phys(const struct exynos_model *m, u32 ent)
{
	return (u64)ent << (m->major >= 5 ? 4 : 0);
}

static u64 exm_l1_base(const struct exynos_model *m)
{
	u64 base = m->layout == EXM_V1 ? m->pt_base : (u64)m->pt_base << 12;

	return base & ~0x3fffull;
}

static u8 exm_l1_prot(const struct exynos_model *m, u32 d)
{
	if (m->major >= 5)
		return (d >> EXYNOS_MODEL_V5_L1_PROT_SHIFT) & 3;
	if (!(d & EXYNOS_MODEL_V1_L1_AP0))
		return 0;
	return d & EXYNOS_MODEL_V1_L1_AP2 ? EXYNOS_MODEL_PROT_R :
	       EXYNOS_MODEL_PROT_R | EXYNOS_MODEL_PROT_W;
}

static u8 exm_l2_prot(const struct exynos_model *m, u32 d)
{
	if (m->major >= 5)
		return (d >> EXYNOS_MODEL_V5_L2_PROT_SHIFT) & 3;
	if (!(d & EXYNOS_MODEL_V1_L2_AP0))
		return 0;
	return d & EXYNOS_MODEL_V1_L2_AP2 ? EXYNOS_MODEL_PROT_R :
	       EXYNOS_MODEL_PROT_R | EXYNOS_MODEL_PROT_W;
}

enum exm_fault { EXM_NO_FAULT, EXM_FAULT_PAGE, EXM_FAULT_ACCESS, EXM_FAULT_PTW };

/* The L1 descriptor for va: from the FLPD cache, or from memory. */
static enum exm_fault exm_walk_l1(struct exynos_model *m, u32 va, u32 *d)
{
	u64 l1_base = exm_l1_base(m), l1_pa = l1_base + (va >> 20) * 4;
	struct exm_flpd_entry *f = NULL;
	u32 now;

	if (exm_flpd_on(m))
		f = exm_flpd_lookup(m, va >> 20);
	if (f) {
		m->cnt.flpd_hits++;
		*d = f->desc;
		/* Silicon uses the cached copy whatever memory says now. */
		if (model_mem_read_desc(l1_base, l1_pa, &now) == MODEL_MEM_OK && now != f->desc) {
			m->cnt.stale_flpd_hits++;
			pr_info_ratelimited("socmmu exynos model %s: stale FLPD entry for %#x: %#x, memory has %#x\n",
					    m->name, va, f->desc, now);
		}
		return EXM_NO_FAULT;
	}
	if (!exm_walker_read(m, l1_base, l1_pa, d))
		return EXM_FAULT_PTW;
	if (exm_flpd_on(m) && (*d & 3) == EXYNOS_MODEL_L1_TABLE)
		exm_flpd_fill(m, va >> 20, *d);
	return EXM_NO_FAULT;
}

/* Walk the tables for va; on success *e is the translation to cache. */
static enum exm_fault exm_walk(struct exynos_model *m, u32 va,
			       struct exm_tlb_entry *e)
{
	enum exm_fault fault;
	u64 l2_base, l2_pa;
	u32 d;

	m->cnt.table_walks++;
	fault = exm_walk_l1(m, va, &d);
	if (fault)
		return fault;
	switch (d & 3) {
	case EXYNOS_MODEL_L1_SECTION:
		e->size = EXYNOS_MODEL_1M;
		e->mask = 0xfff00000;
		e->pa = exm_ent_to_phys(m, d) & ~0xfffffull;
		e->prot = exm_l1_prot(m, d);
		break;
	case EXYNOS_MODEL_L1_TABLE:
		l2_base = exm_ent_to_phys(m, d & ~0x3fu);
		l2_pa = l2_base + ((va >> 12) & 0xff) * 4;
		if (!exm_walker_read(m, l2_base, l2_pa, &d))
			return EXM_FAULT_PTW;
		if (d & EXYNOS_MODEL_L2_SMALL) {
			e->size = EXYNOS_MODEL_4K;
			e->mask = 0xfffff000;
			e->pa = exm_ent_to_phys(m, d) & ~0xfffull;
		} else if (d & EXYNOS_MODEL_L2_LARGE) {
			e->size = EXYNOS_MODEL_64K;
			e->mask = 0xffff0000;
			e->pa = exm_ent_to_phys(m, d) & ~0xffffull;
		} else {
			return EXM_FAULT_PAGE;
		}
		e->prot = exm_l2_prot(m, d);
		break;
	default:	/* 0 and 3: no mapping */
		return EXM_FAULT_PAGE;
	}
	e->va = va & e->mask;
	m->cnt.walks_by_size[e->size]++;
	return EXM_NO_FAULT;
}

/* ------------------------------------------------------------ faults -- */

/* Record a fault as this variant reports it; returns its INT_STATUS bit. */
static u32 exm_record_fault(struct exynos_model *m, u32 va, enum exm_fault f,
			    bool write)
{
	u32 bit;

	switch (m->layout) {
	case EXM_V1:
		if (f == EXM_FAULT_PAGE) {
			bit = EXYNOS_MODEL_V1_INT_PAGE;
			m->page_va = va;
		} else if (f == EXM_FAULT_PTW) {
			bit = EXYNOS_MODEL_V1_INT_BUS_ERROR;
			m->bus_va = va;
		} else if (write) {
			bit = EXYNOS_MODEL_V1_INT_AW_ACCESS;
			m->aw_va = va;
		} else {
			bit = EXYNOS_MODEL_V1_INT_AR_ACCESS;
			m->ar_va = va;
		}
		break;
	case EXM_V5:
		bit = f == EXM_FAULT_PAGE ? EXYNOS_MODEL_V5_INT_PAGE :
		      f == EXM_FAULT_PTW ? EXYNOS_MODEL_V5_INT_PTW :
		      EXYNOS_MODEL_V5_INT_ACCESS;
		if (write) {
			bit <<= EXYNOS_MODEL_V5_INT_AW_SHIFT;
			m->aw_va = va;
		} else {
			m->ar_va = va;
		}
		break;
	default:	/* v7, with or without VM */
		bit = f == EXM_FAULT_PAGE ? EXYNOS_MODEL_V7_INT_PAGE :
		      f == EXM_FAULT_PTW ? EXYNOS_MODEL_V7_INT_PTW :
		      EXYNOS_MODEL_V7_INT_ACCESS;
		m->fault_va = va;
		m->fault_info = write ? EXYNOS_MODEL_FAULT_INFO_WRITE : 0;
		break;
	}
	m->cnt.faults++;
	if (f == EXM_FAULT_PAGE)
		m->cnt.page_faults++;
	else if (f == EXM_FAULT_ACCESS)
		m->cnt.perm_faults++;
	else
		m->cnt.ptw_faults++;
	m->int_status |= bit;
	exm_update_line(m);
	return bit;
}

static int exm_fault(struct exynos_model *m, u32 va, enum exm_fault f,
		     bool write, struct exynos_model_result *res)
{
	res->int_status = exm_record_fault(m, va, f, write);
	res->fault_addr = va;
	/* A v7 VM without stall-on-fault answers the master with an error. */
	if (m->layout == EXM_V7_VM && !(m->ctrl_vm & EXYNOS_MODEL_CTRL_VM_STALL))
		return EXYNOS_MODEL_ERROR;
	m->stalled = true;
	m->stall_va = va;
	return EXYNOS_MODEL_STALLED;
}

/* ------------------------------------------------------- translation -- */

static bool exm_translating(const struct exynos_model *m)
{
	if (!(m->ctrl & EXYNOS_MODEL_CTRL_EN_BIT))
		return false;
	return m->layout != EXM_V7_VM || (m->ctrl_vm & EXYNOS_MODEL_CTRL_VM_ENABLE);
}

static enum exm_fault exm_translate(struct exynos_model *m, u32 va, bool write,
				    u64 *pa)
{
	struct exm_tlb_entry walked = {};
	const struct exm_tlb_entry *e = exm_tlb_lookup(m, va);
	enum exm_fault fault;

	if (e) {
		m->cnt.tlb_hits++;
	} else {
		m->cnt.tlb_misses++;
		fault = exm_walk(m, va, &walked);
		if (fault)
			return fault;
		e = exm_tlb_fill(m, &walked);
	}
	if ((m->cfg & EXYNOS_MODEL_CFG_EAP) &&
	    !(e->prot & (write ? EXYNOS_MODEL_PROT_W : EXYNOS_MODEL_PROT_R)))
		return EXM_FAULT_ACCESS;
	*pa = e->pa | (va & ~e->mask);
	return EXM_NO_FAULT;
}

/* Why a transfer cannot start at all: a status, or -1 when it can. */
static int exm_refuse(struct exynos_model *m, u32 iova, size_t len,
		      struct exynos_model_result *res)
{
	if (!m->powered || (u64)iova + len > (1ull << 32)) {
		/* No power, or beyond the 32-bit bus: an error. */
		res->fault_addr = iova;
		return EXYNOS_MODEL_ERROR;
	}
	if (m->stalled || ((m->ctrl & EXYNOS_MODEL_CTRL_BLOCK_BIT) && !m->block_held)) {
		res->fault_addr = m->stalled ? m->stall_va : iova;
		return EXYNOS_MODEL_STALLED;
	}
	if (exm_translating(m) && m->bus_clk && !model_clk_enabled(m->bus_clk)) {
		m->cnt.clk_off_transfers++;
		pr_err("socmmu exynos model %s: transfer at %#x with the bus clock off\n",
		       m->name, iova);
		res->fault_addr = iova;
		return EXYNOS_MODEL_ERROR;
	}
	return -1;
}

int exm_transfer(struct exynos_model *m, u32 iova, void *rbuf,
		 const void *wbuf, size_t len, bool write,
		 struct exynos_model_result *res)
{
	int status = exm_refuse(m, iova, len, res);
	bool bypass = !exm_translating(m);
	size_t done = 0;

	if (status >= 0)
		return status;
	if (bypass)
		m->cnt.bypassed++;
	do {
		u32 va = iova + done;
		size_t chunk = min_t(size_t, len - done,
				     PAGE_SIZE - (va & (PAGE_SIZE - 1)));
		enum exm_fault fault = EXM_NO_FAULT;
		u64 pa = va;

		if (!bypass)
			fault = exm_translate(m, va, write, &pa);
		if (fault)
			return exm_fault(m, va, fault, write, res);
		if (done == 0)
			res->phys = pa;
		if (!len)
			break;
		if (!pfn_valid(PHYS_PFN(pa))) {
			/* Nothing answers at that address: a bus error. */
			res->fault_addr = va;
			return EXYNOS_MODEL_ERROR;
		}
		if (rbuf)
			memcpy(rbuf + done, phys_to_virt(pa), chunk);
		else if (wbuf)
			memcpy(phys_to_virt(pa), wbuf + done, chunk);
		done += chunk;
	} while (done < len);
	return EXYNOS_MODEL_OK;
}
