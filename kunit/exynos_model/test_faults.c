// SPDX-License-Identifier: GPL-2.0
/*
 * The Exynos SYSMMU model's faults: permission bits per version, how each
 * variant reports a fault (INT_STATUS bit, fault address registers,
 * direction), the stall until INT_CLEAR and re-enable, the v7 VM fault
 * mode, and the interrupt.
 */
#include <linux/bitops.h>
#include <linux/completion.h>
#include <linux/interrupt.h>

#include "exynos_model_test.h"

enum ext_kind { EXT_PAGE, EXT_ACCESS };

/* The INT_STATUS bit mainline's decode expects for this fault. */
static u32 ext_fault_bit(const struct ext *e, enum ext_kind kind, bool write)
{
	if (e->major < 5) {
		if (kind == EXT_PAGE)
			return EXYNOS_MODEL_V1_INT_PAGE;
		return write ? EXYNOS_MODEL_V1_INT_AW_ACCESS : EXYNOS_MODEL_V1_INT_AR_ACCESS;
	}
	if (e->major < 7) {
		u32 bit = kind == EXT_PAGE ? EXYNOS_MODEL_V5_INT_PAGE : EXYNOS_MODEL_V5_INT_ACCESS;

		return write ? bit << EXYNOS_MODEL_V5_INT_AW_SHIFT : bit;
	}
	return kind == EXT_PAGE ? EXYNOS_MODEL_V7_INT_PAGE : EXYNOS_MODEL_V7_INT_ACCESS;
}

/* Where mainline reads the fault's address, per variant and fault. */
static u32 ext_fault_va_reg(const struct ext *e, u32 bit)
{
	if (e->major < 5) {
		switch (bit) {
		case EXYNOS_MODEL_V1_INT_PAGE:
			return EXYNOS_MODEL_V1_PAGE_FAULT_VA;
		case EXYNOS_MODEL_V1_INT_AW_ACCESS:
			return EXYNOS_MODEL_V1_AW_FAULT_VA;
		default:
			return EXYNOS_MODEL_V1_AR_FAULT_VA;
		}
	}
	if (e->major < 7)
		return bit >> EXYNOS_MODEL_V5_INT_AW_SHIFT ? EXYNOS_MODEL_V5_FAULT_AW_VA :
		       EXYNOS_MODEL_V5_FAULT_AR_VA;
	return e->vm ? EXYNOS_MODEL_VM_FAULT_VA : EXYNOS_MODEL_V7_FAULT_VA;
}

/*
 * A transfer that must fault: the SYSMMU stalls, INT_STATUS has exactly
 * the expected bit, the variant's registers give the address and (v7) the
 * direction.  Then the handler's end clears it.
 */
static void ext_expect_fault(struct kunit *test, struct ext *e, u32 va,
			     bool write, enum ext_kind kind)
{
	u32 bit = ext_fault_bit(e, kind, write), status;
	struct exynos_model_result r;

	KUNIT_EXPECT_EQ_MSG(test, ext_xlate(e, va, write, &r), EXYNOS_MODEL_STALLED,
			    "v%u.%u %s at %#x", e->major, e->minor, write ? "write" : "read", va);
	KUNIT_EXPECT_EQ(test, r.int_status, bit);
	KUNIT_EXPECT_EQ(test, r.fault_addr, va);
	status = ext_rd(e, e->int_status);
	KUNIT_EXPECT_EQ(test, status, bit);
	if (status)
		KUNIT_EXPECT_EQ(test, ext_rd(e, ext_fault_va_reg(e, BIT(__ffs(status)))), va);
	if (e->major >= 7) {
		u32 info = ext_rd(e, e->vm ? EXYNOS_MODEL_VM_FAULT_INFO :
					     EXYNOS_MODEL_V7_FAULT_INFO);

		KUNIT_EXPECT_EQ(test, (bool)(info & EXYNOS_MODEL_FAULT_INFO_WRITE), write);
	}
	ext_clear_fault(e);
	KUNIT_EXPECT_EQ(test, ext_rd(e, e->int_status), 0u);
	KUNIT_EXPECT_FALSE(test, exynos_model_stalled(e->m));
}

static void ext_expect_ok(struct kunit *test, struct ext *e, u32 va, bool write)
{
	KUNIT_EXPECT_EQ_MSG(test, ext_xlate(e, va, write, NULL), EXYNOS_MODEL_OK,
			    "v%u.%u %s at %#x", e->major, e->minor, write ? "write" : "read", va);
}

/* Read, write, or fault, as prot (EXYNOS_MODEL_PROT_*) allows. */
static void ext_expect_prot(struct kunit *test, struct ext *e, u32 va, u32 prot)
{
	if (prot & EXYNOS_MODEL_PROT_R)
		ext_expect_ok(test, e, va, false);
	else
		ext_expect_fault(test, e, va, false, EXT_ACCESS);
	if (prot & EXYNOS_MODEL_PROT_W)
		ext_expect_ok(test, e, va, true);
	else
		ext_expect_fault(test, e, va, true, EXT_ACCESS);
}

/* v1-v3: AP0 grants access, AP2 makes it read-only; L1 bits 10/15, L2 4/9. */
void ext_perm_v1(struct kunit *test)
{
	static const u32 prots[] = { 0, EXYNOS_MODEL_PROT_R, EXT_PROT_RW };
	unsigned int v, i, faults;

	for (v = 0; v < ext_nr_variants; v++) {
		struct ext *e = ext_open(test, ext_variants[v]);

		if (e->major >= 5)
			continue;
		for (i = 0; i < ARRAY_SIZE(prots); i++) {
			ext_map_section(e, 0x10000000 + i * 0x100000, 0x01000000, prots[i]);
			ext_map_small(e, 0, 0x20000000 + i * 0x1000, 0x01000000, prots[i]);
		}
		ext_enable(e);
		for (i = 0; i < ARRAY_SIZE(prots); i++) {
			ext_expect_prot(test, e, 0x10000000 + i * 0x100000, prots[i]);
			ext_expect_prot(test, e, 0x20000000 + i * 0x1000, prots[i]);
		}
		faults = ext_counters(e).perm_faults;
		KUNIT_EXPECT_EQ(test, faults, 6u);
		/* The bits themselves: AP0 alone is read-write. */
		KUNIT_EXPECT_EQ(test, ext_l1_section(e, 0x01000000, EXT_PROT_RW),
				0x01000000u | EXYNOS_MODEL_V1_L1_AP0 | EXYNOS_MODEL_L1_SECTION);

		/* Without CFG.EAP nothing is checked. */
		ext_wr(e, EXYNOS_MODEL_CFG, ext_cfg(e) & ~EXYNOS_MODEL_CFG_EAP);
		ext_expect_ok(test, e, 0x10000000, true);
		ext_expect_ok(test, e, 0x20001000, true);
		KUNIT_EXPECT_EQ(test, ext_counters(e).perm_faults, faults);
	}
}

/* v5+: a two-bit field, 1 read, 2 write, 3 both; L1 [5:4], L2 [3:2]. */
void ext_perm_v5(struct kunit *test)
{
	unsigned int v, prot, ran = 0;

	for (v = 0; v < ext_nr_variants; v++) {
		struct ext *e = ext_open(test, ext_variants[v]);

		if (e->major < 5)
			continue;
		ran++;
		for (prot = 0; prot < 4; prot++) {
			ext_map_section(e, 0x10000000 + prot * 0x100000, 0x01000000, prot);
			ext_map_small(e, 0, 0x20000000 + prot * 0x1000, 0x01000000, prot);
		}
		KUNIT_EXPECT_EQ(test, ext_l2_small(e, 0x01000000, EXYNOS_MODEL_PROT_W),
				0x00100000u | (2u << 2) | EXYNOS_MODEL_L2_SMALL);
		ext_enable(e);
		for (prot = 0; prot < 4; prot++) {
			ext_expect_prot(test, e, 0x10000000 + prot * 0x100000, prot);
			ext_expect_prot(test, e, 0x20000000 + prot * 0x1000, prot);
		}
		KUNIT_EXPECT_EQ(test, ext_counters(e).perm_faults, 8u);
	}
	KUNIT_EXPECT_EQ(test, ran, 3u);
}

/* Unmapped, and an L2 entry of type 0: page faults, decoded per variant. */
void ext_page_fault_decode(struct kunit *test)
{
	unsigned int v;

	for (v = 0; v < ext_nr_variants; v++) {
		struct ext *e = ext_open(test, ext_variants[v]);

		ext_map_small(e, 0, 0x30000000, 0x01000000, EXT_PROT_RW);
		ext_enable(e);
		ext_expect_fault(test, e, 0x40123000, false, EXT_PAGE);
		ext_expect_fault(test, e, 0x40456000, true, EXT_PAGE);
		ext_expect_fault(test, e, 0x30001000, true, EXT_PAGE);
		KUNIT_EXPECT_EQ_MSG(test, ext_counters(e).page_faults, 3u, "%s", ext_variants[v]);
		KUNIT_EXPECT_EQ(test, ext_counters(e).faults, 3u);
	}
}

/*
 * A fault stalls the SYSMMU: the master waits (STALLED, no new fault)
 * until software clears INT_STATUS and then writes CTRL, in that order.
 */
void ext_stall_until_clear_and_enable(struct kunit *test)
{
	static const char *const names[] = { "sysmmu-v2", "sysmmu-v5", "sysmmu-v7vm" };
	struct exynos_model_result r;
	unsigned int v;
	u8 b;

	for (v = 0; v < ARRAY_SIZE(names); v++) {
		struct ext *e = ext_open(test, names[v]);
		u64 data = ext_data_page(test, 0x5a);
		u32 va = 0x50007000, status;

		ext_enable(e);
		KUNIT_EXPECT_EQ(test, exynos_model_read(e->m, va, &b, 1, &r),
				EXYNOS_MODEL_STALLED);
		KUNIT_EXPECT_TRUE(test, exynos_model_stalled(e->m));
		KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_STATUS), EXYNOS_MODEL_STATUS_BLOCKED);
		status = ext_rd(e, e->int_status);
		KUNIT_EXPECT_NE(test, status, 0u);

		/* Mapped now, but the master stays held, and no new fault. */
		ext_map_small(e, 0, va, data, EXT_PROT_RW);
		KUNIT_EXPECT_EQ(test, exynos_model_read(e->m, va, &b, 1, &r),
				EXYNOS_MODEL_STALLED);
		KUNIT_EXPECT_EQ(test, r.fault_addr, va);
		/* Re-enabling before INT_CLEAR does not release it... */
		ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_ENABLE);
		KUNIT_EXPECT_TRUE_MSG(test, exynos_model_stalled(e->m), "%s", names[v]);
		/* ...nor does INT_CLEAR alone. */
		ext_wr(e, e->int_clear, status);
		KUNIT_EXPECT_EQ(test, ext_rd(e, e->int_status), 0u);
		KUNIT_EXPECT_TRUE(test, exynos_model_stalled(e->m));
		KUNIT_EXPECT_EQ(test, exynos_model_read(e->m, va, &b, 1, &r),
				EXYNOS_MODEL_STALLED);
		ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_ENABLE);
		KUNIT_EXPECT_FALSE(test, exynos_model_stalled(e->m));
		KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_STATUS), 0u);
		KUNIT_EXPECT_EQ(test, exynos_model_read(e->m, va, &b, 1, &r), EXYNOS_MODEL_OK);
		KUNIT_EXPECT_EQ(test, b, *(u8 *)phys_to_virt(data));
		KUNIT_EXPECT_EQ(test, ext_counters(e).faults, 1u);
	}
}

/*
 * v7 VM: CTRL_VM enables translation for VM 0; without its stall bit a
 * fault answers the master with an error and holds nothing.  The non-VM
 * function offsets are not registers there.
 */
void ext_vm_fault_mode(struct kunit *test)
{
	struct ext *e = ext_open(test, "sysmmu-v7vm");
	struct exynos_model_result r;

	KUNIT_ASSERT_TRUE(test, e->vm);
	ext_map_small(e, 0, 0x60000000, 0x01000000, EXT_PROT_RW);
	ext_enable(e);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_VM_CTRL),
			EXYNOS_MODEL_CTRL_VM_ENABLE | EXYNOS_MODEL_CTRL_VM_STALL);
	KUNIT_EXPECT_EQ(test, ext_phys(e, 0x60000010), 0x01000010ull);
	ext_wr(e, EXYNOS_MODEL_V5_PT_BASE, 0x12345);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_V5_PT_BASE), 0u);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_VM_PT_BASE), (u32)(e->l1_pa >> 12));

	/* No stall-on-fault: an error, every time, and no stall. */
	ext_wr(e, EXYNOS_MODEL_VM_CTRL, EXYNOS_MODEL_CTRL_VM_ENABLE);
	KUNIT_EXPECT_EQ(test, ext_xlate(e, 0x61000000, true, &r), EXYNOS_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.int_status, EXYNOS_MODEL_V7_INT_PAGE);
	KUNIT_EXPECT_FALSE(test, exynos_model_stalled(e->m));
	KUNIT_EXPECT_EQ(test, ext_xlate(e, 0x61001000, false, &r), EXYNOS_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_VM_FAULT_VA), 0x61001000u);
	KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_VM_FAULT_INFO), 0u);
	KUNIT_EXPECT_EQ(test, ext_phys(e, 0x60000010), 0x01000010ull);
	ext_clear_fault(e);

	/* CTRL_VM off: VM 0 is not translated, whatever CTRL says. */
	ext_wr(e, EXYNOS_MODEL_VM_CTRL, 0);
	KUNIT_EXPECT_EQ(test, ext_phys(e, 0x60000010), 0x60000010ull);
	KUNIT_EXPECT_EQ(test, ext_counters(e).bypassed, 1u);
}

static struct {
	struct completion done;
	struct ext *e;
	u32 status, va;
	bool hardirq;
	int calls;
} ext_irq;

/* Mainline's handler: lowest bit, its address, INT_CLEAR, then re-enable. */
static irqreturn_t ext_irq_handler(int irq, void *data)
{
	struct ext *e = ext_irq.e;
	u32 status = ext_rd(e, e->int_status);

	if (!status)
		return IRQ_NONE;
	ext_irq.status = BIT(__ffs(status));
	ext_irq.va = ext_rd(e, EXYNOS_MODEL_V5_FAULT_AW_VA);
	ext_irq.hardirq = in_hardirq();
	ext_irq.calls++;
	ext_wr(e, e->int_clear, ext_irq.status);
	ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_ENABLE);
	complete(&ext_irq.done);
	return IRQ_HANDLED;
}

void ext_fault_interrupt(struct kunit *test)
{
	struct ext *e = ext_open(test, "sysmmu-v5");
	int irq = exynos_model_irq(e->m);

	KUNIT_ASSERT_GT(test, irq, 0);
	memset(&ext_irq, 0, sizeof(ext_irq));
	init_completion(&ext_irq.done);
	ext_irq.e = e;
	KUNIT_ASSERT_EQ(test, request_irq(irq, ext_irq_handler, 0, "exynos-model-test",
					  &ext_irq), 0);
	ext_enable(e);
	KUNIT_EXPECT_EQ(test, ext_xlate(e, 0x70abc000, true, NULL), EXYNOS_MODEL_STALLED);
	KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&ext_irq.done, HZ) > 0);
	KUNIT_EXPECT_EQ(test, ext_irq.status,
			EXYNOS_MODEL_V5_INT_PAGE << EXYNOS_MODEL_V5_INT_AW_SHIFT);
	KUNIT_EXPECT_EQ(test, ext_irq.va, 0x70abc000u);
	KUNIT_EXPECT_TRUE(test, ext_irq.hardirq);
	KUNIT_EXPECT_FALSE(test, exynos_model_stalled(e->m));
	free_irq(irq, &ext_irq);
	KUNIT_EXPECT_EQ(test, ext_irq.calls, 1);
	KUNIT_EXPECT_EQ(test, ext_counters(e).irqs, 1u);
	KUNIT_EXPECT_EQ(test, ext_rd(e, e->int_status), 0u);
}
