// SPDX-License-Identifier: GPL-2.0
/*
 * The Exynos SYSMMU model's register file: which offset is which register
 * in each layout (v1-v3, v5, v7, v7 with VM), and what reading or writing
 * it does.  Callers hold m->lock and have checked power, clock and
 * alignment (exynos_model.c).
 */
#include <linux/kernel.h>
#include <linux/string.h>

#include "exynos_model_internal.h"

enum exm_reg {
	R_NONE, R_CTRL, R_CFG, R_STATUS, R_VERSION, R_PT_BASE,
	R_FLUSH_ALL, R_FLUSH_ENTRY, R_FLUSH_RANGE, R_FLUSH_START, R_FLUSH_END,
	R_INT_STATUS, R_INT_CLEAR,
	R_PAGE_VA, R_AR_VA, R_AW_VA, R_BUS_VA,	/* v1-v3; v5 has AR/AW */
	R_FAULT_VA, R_FAULT_INFO,		/* v7 */
	R_CAPA0, R_CAPA1, R_CTRL_VM,
};

struct exm_reg_map {
	u16 offset;
	u8 reg;
};

static const struct exm_reg_map exm_v1_map[] = {
	{ EXYNOS_MODEL_V1_FLUSH_ALL, R_FLUSH_ALL },
	{ EXYNOS_MODEL_V1_FLUSH_ENTRY, R_FLUSH_ENTRY },
	{ EXYNOS_MODEL_V1_PT_BASE, R_PT_BASE },
	{ EXYNOS_MODEL_V1_INT_STATUS, R_INT_STATUS },
	{ EXYNOS_MODEL_V1_INT_CLEAR, R_INT_CLEAR },
	{ EXYNOS_MODEL_V1_PAGE_FAULT_VA, R_PAGE_VA },
	{ EXYNOS_MODEL_V1_AW_FAULT_VA, R_AW_VA },
	{ EXYNOS_MODEL_V1_AR_FAULT_VA, R_AR_VA },
	{ EXYNOS_MODEL_V1_BUS_FAULT_VA, R_BUS_VA },
	{}
};

static const struct exm_reg_map exm_v5_map[] = {
	{ EXYNOS_MODEL_V5_PT_BASE, R_PT_BASE },
	{ EXYNOS_MODEL_V5_FLUSH_ALL, R_FLUSH_ALL },
	{ EXYNOS_MODEL_V5_FLUSH_ENTRY, R_FLUSH_ENTRY },
	{ EXYNOS_MODEL_V5_FLUSH_RANGE, R_FLUSH_RANGE },
	{ EXYNOS_MODEL_V5_FLUSH_START, R_FLUSH_START },
	{ EXYNOS_MODEL_V5_FLUSH_END, R_FLUSH_END },
	{ EXYNOS_MODEL_V5_INT_STATUS, R_INT_STATUS },
	{ EXYNOS_MODEL_V5_INT_CLEAR, R_INT_CLEAR },
	{ EXYNOS_MODEL_V5_FAULT_AR_VA, R_AR_VA },
	{ EXYNOS_MODEL_V5_FAULT_AW_VA, R_AW_VA },
	{}
};

static const struct exm_reg_map exm_v7_map[] = {
	{ EXYNOS_MODEL_V5_PT_BASE, R_PT_BASE },
	{ EXYNOS_MODEL_V5_FLUSH_ALL, R_FLUSH_ALL },
	{ EXYNOS_MODEL_V5_FLUSH_ENTRY, R_FLUSH_ENTRY },
	{ EXYNOS_MODEL_V5_FLUSH_RANGE, R_FLUSH_RANGE },
	{ EXYNOS_MODEL_V5_FLUSH_START, R_FLUSH_START },
	{ EXYNOS_MODEL_V5_FLUSH_END, R_FLUSH_END },
	{ EXYNOS_MODEL_V5_INT_STATUS, R_INT_STATUS },
	{ EXYNOS_MODEL_V5_INT_CLEAR, R_INT_CLEAR },
	{ EXYNOS_MODEL_V7_FAULT_VA, R_FAULT_VA },
	{ EXYNOS_MODEL_V7_FAULT_INFO, R_FAULT_INFO },
	{ EXYNOS_MODEL_V7_CAPA0, R_CAPA0 },
	{ EXYNOS_MODEL_V7_CAPA1, R_CAPA1 },
	{}
};

static const struct exm_reg_map exm_v7_vm_map[] = {
	{ EXYNOS_MODEL_V5_INT_STATUS, R_INT_STATUS },
	{ EXYNOS_MODEL_V5_INT_CLEAR, R_INT_CLEAR },
	{ EXYNOS_MODEL_VM_FAULT_VA, R_FAULT_VA },
	{ EXYNOS_MODEL_VM_FAULT_INFO, R_FAULT_INFO },
	{ EXYNOS_MODEL_V7_CAPA0, R_CAPA0 },
	{ EXYNOS_MODEL_V7_CAPA1, R_CAPA1 },
	{ EXYNOS_MODEL_VM_CTRL, R_CTRL_VM },
	{ EXYNOS_MODEL_VM_PT_BASE, R_PT_BASE },
	{ EXYNOS_MODEL_VM_FLUSH_ALL, R_FLUSH_ALL },
	{ EXYNOS_MODEL_VM_FLUSH_ENTRY, R_FLUSH_ENTRY },
	{ EXYNOS_MODEL_VM_FLUSH_RANGE, R_FLUSH_RANGE },
	{ EXYNOS_MODEL_VM_FLUSH_START, R_FLUSH_START },
	{ EXYNOS_MODEL_VM_FLUSH_END, R_FLUSH_END },
	{}
};

static const struct exm_reg_map *const exm_maps[] = {
	[EXM_V1] = exm_v1_map,
	[EXM_V5] = exm_v5_map,
	[EXM_V7] = exm_v7_map,
	[EXM_V7_VM] = exm_v7_vm_map,
};

static enum exm_reg exm_reg_at(const struct exynos_model *m, unsigned int offset)
{
	const struct exm_reg_map *r;

	switch (offset) {
	case EXYNOS_MODEL_CTRL:
		return R_CTRL;
	case EXYNOS_MODEL_CFG:
		return R_CFG;
	case EXYNOS_MODEL_STATUS:
		return R_STATUS;
	case EXYNOS_MODEL_VERSION:
		return R_VERSION;
	}
	for (r = exm_maps[m->layout]; r->reg != R_NONE; r++)
		if (r->offset == offset)
			return r->reg;
	return R_NONE;
}

/* What CFG keeps, per version (mainline's __sysmmu_init_config). */
static u32 exm_cfg_mask(const struct exynos_model *m)
{
	u32 mask = EXYNOS_MODEL_CFG_LRU | EXYNOS_MODEL_CFG_EAP |
		   EXYNOS_MODEL_CFG_QOS_15;

	if (exm_at_least(m, 3, 2))
		mask |= EXYNOS_MODEL_CFG_FLPDCACHE | EXYNOS_MODEL_CFG_SYSSEL;
	if (exm_at_least(m, 3, 3))
		mask |= EXYNOS_MODEL_CFG_ACGEN;
	return mask;
}

void exm_update_line(struct exynos_model *m)
{
	bool line = m->powered && m->int_status;

	WRITE_ONCE(m->line, line);
	if (line && m->irq > 0)
		irq_work_queue(&m->irq_work);
}

void exm_reset(struct exynos_model *m)
{
	m->ctrl = 0;
	m->cfg = 0;
	m->pt_base = 0;
	m->int_status = 0;
	m->flush_start = 0;
	m->flush_end = 0;
	m->ctrl_vm = 0;
	m->page_va = 0;
	m->ar_va = 0;
	m->aw_va = 0;
	m->bus_va = 0;
	m->fault_va = 0;
	m->fault_info = 0;
	memset(m->tlb, 0, sizeof(m->tlb));
	memset(m->flpd, 0, sizeof(m->flpd));
	m->tlb_next = 0;
	m->flpd_next = 0;
	m->stalled = false;
	m->stall_va = 0;
	exm_update_line(m);
}

u32 exm_reg_read(struct exynos_model *m, unsigned int offset)
{
	switch (exm_reg_at(m, offset)) {
	case R_CTRL:
		return m->ctrl;
	case R_CFG:
		return m->cfg;
	case R_STATUS:
		/* Blocked by CTRL (unless held off), or by a fault the master waits on. */
		return ((m->ctrl & EXYNOS_MODEL_CTRL_BLOCK_BIT) && !m->block_held) ||
		       m->stalled ? EXYNOS_MODEL_STATUS_BLOCKED : 0;
	case R_VERSION:
		return m->version_reg;
	case R_PT_BASE:
		return m->pt_base;
	case R_FLUSH_START:
		return m->flush_start;
	case R_FLUSH_END:
		return m->flush_end;
	case R_INT_STATUS:
		return m->int_status;
	case R_PAGE_VA:
		return m->page_va;
	case R_AR_VA:
		return m->ar_va;
	case R_AW_VA:
		return m->aw_va;
	case R_BUS_VA:
		return m->bus_va;
	case R_FAULT_VA:
		return m->fault_va;
	case R_FAULT_INFO:
		return m->fault_info;
	case R_CAPA0:
		/* Every v7 says CAPA1 exists; only a VM one sets VCR there. */
		return EXYNOS_MODEL_CAPA0_CAPA1_EXIST;
	case R_CAPA1:
		return m->layout == EXM_V7_VM ? EXYNOS_MODEL_CAPA1_VCR_ENABLED : 0;
	case R_CTRL_VM:
		return m->ctrl_vm;
	default:	/* write-only commands and reserved offsets read 0 */
		return 0;
	}
}

void exm_reg_write(struct exynos_model *m, unsigned int offset, u32 value)
{
	switch (exm_reg_at(m, offset)) {
	case R_CTRL:
		/* Bit 2 is set by ENABLE and BLOCK alike; kept, not used. */
		m->ctrl = value & EXYNOS_MODEL_CTRL_BLOCK;
		/* The handler's re-enable lets a stalled master go, once clear. */
		if (!m->int_status)
			m->stalled = false;
		break;
	case R_CFG:
		m->cfg = value & exm_cfg_mask(m);
		break;
	case R_PT_BASE:
		m->cnt.pt_base_writes++;
		m->pt_base = value;
		break;
	case R_FLUSH_ALL:
		if (value & EXYNOS_MODEL_FLUSH_GO)
			exm_flush_all(m);
		break;
	case R_FLUSH_ENTRY:
		if (value & EXYNOS_MODEL_FLUSH_GO)
			exm_flush_entry(m, value & ~0xfffu);
		break;
	case R_FLUSH_RANGE:
		if (value & EXYNOS_MODEL_FLUSH_GO)
			exm_flush_range(m, m->flush_start, m->flush_end);
		break;
	case R_FLUSH_START:
		m->flush_start = value & ~0xfffu;
		break;
	case R_FLUSH_END:
		m->flush_end = value & ~0xfffu;
		break;
	case R_INT_CLEAR:
		m->int_status &= ~value;
		exm_update_line(m);
		break;
	case R_CTRL_VM:
		m->ctrl_vm = value & (EXYNOS_MODEL_CTRL_VM_ENABLE |
				      EXYNOS_MODEL_CTRL_VM_STALL);
		break;
	default:	/* read-only or reserved */
		break;
	}
}
