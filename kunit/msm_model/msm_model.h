/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Behavioural model of the Qualcomm MSM IOMMU of the APQ8064, for tests:
 * the 1 MiB register window of every `qcom,apq8064-iommu` node of the test
 * device tree (kunit/dts/socmmu-test.dts) behind logic_iomem, with the
 * node's qcom,ncb context banks at base + n * 0x1000 and the global
 * registers at 0xFF000-0xFFFFF; a TLB per context bank tagged by ASID; an
 * ARMv7 short-descriptor (io-pgtable-arm-v7s) table walker reading tables
 * from memory by physical address; faults with stall-on-fault and RESUME;
 * both fault interrupts of the binding through the model's own interrupt
 * controller; the smmu_pclk and iommu_clk gates (kunit/model_clk); and
 * power through a PM domain (kunit/model_pm).  Documentation/msm-model.rst
 * describes it in full.
 *
 * A driver reaches the model only through ioremap()/readl()/writel(), its
 * IRQs, its clocks and runtime PM.  Tests also use the bus-master API below
 * to play the devices behind the IOMMU: a transfer names its MID (the
 * client's "iommus" argument), which M2VCBR maps to a context bank.
 *
 * Semantics the model chooses where the documentation is silent:
 *  - An instance is powered when the model loads (the binding has no power
 *    domain).  Runtime suspend of its device (the PM domain) powers it off,
 *    which resets every register, empties every TLB and drops a stalled
 *    transaction; while off, register reads return 0, writes are dropped
 *    and both are counted in off_accesses; transfers get an error.
 *  - With smmu_pclk off, a register access is counted in off_clock_accesses
 *    and dropped (reads return 0), unless msm_model_serve_off_clock(true).
 *    Transfers with iommu_clk off are served and counted in
 *    unclocked_transfers: on the SoC that clock is the master's bus clock,
 *    which the master's own driver keeps running.
 *  - SCTLR.M clear: the context bypasses translation (PA = VA).
 *  - A TLB miss walks when ACTLR.TLBMCFG is 3; otherwise it is a TLB-miss
 *    fault (FSR.TLBMF).  V2P operations: ACTLR.V2PCFG bit 0 enables them (a
 *    write with it clear is ignored), bit 1 lets them walk on a TLB miss.
 *  - V2P results go to PAR (and V2PSR) only: no FSR, stall or interrupt.
 *  - A fault records FSR/FAR/FSYNR0-1 unless FSR already holds one, in
 *    which case only FSR.MULTI is set.  With ACTLR.CFCFG the faulting
 *    transfer stalls (FSR.SS) and every transfer of that context waits
 *    until RESUME: TNR=0 retries the stalled access at once (a new fault
 *    stalls again), TNR=1 terminates it and the faulting MID's next
 *    transfer gets the error (not on the model bus, whose master had
 *    MODEL_BUS_STALLED for that transfer).  Clearing FSR does not release
 *    a stall.
 *  - Interrupt index k is asserted while a context with ACTLR.CFEIE and
 *    CBACR.IRPTNDX == k has a non-zero FSR.
 *  - Descriptors whose walk fails: memory that is not RAM gives
 *    FSR.HTWDEEF, freed table memory FSR.HTWSEEF (and freed_reads).  An L1
 *    descriptor of type 3 is a translation fault.  Domains, TLB lockdown,
 *    VMIDs, BFB prefetch, HAF, big-endian walks and the ESR/EAR global
 *    error path are not modelled (their registers read back).
 */
#ifndef SOCMMU_MSM_MODEL_H
#define SOCMMU_MSM_MODEL_H

#include <shim/base.h>

#define MSM_MODEL_WINDOW	0x100000u
#define MSM_MODEL_CTX_STRIDE	0x1000u
#define MSM_MODEL_MAX_CTX	4	/* qcom,ncb is 1..4 */
#define MSM_MODEL_NR_MIDS	256	/* M2VCBR entries */
#define MSM_MODEL_NR_IRQS	2	/* non-secure (index 0), secure (1) */
#define MSM_MODEL_TLB_ENTRIES	16	/* per context bank */

/* Global registers (drivers/iommu/msm_iommu_hw-8xxx.h). */
#define MSM_MODEL_M2VCBR(mid)		(0xff000u + 4 * (mid))
#define MSM_MODEL_CBACR(ctx)		(0xff800u + 4 * (ctx))
#define MSM_MODEL_TLBRSW		0xffe00u
#define MSM_MODEL_TLBTR0		0xffe80u
#define MSM_MODEL_TLBTR1		0xffe84u
#define MSM_MODEL_TLBTR2		0xffe88u
#define MSM_MODEL_TESTBUSCR		0xffe8cu
#define MSM_MODEL_GLOBAL_TLBIALL	0xfff00u
#define MSM_MODEL_TLBIVMID		0xfff04u
#define MSM_MODEL_CR			0xfff80u
#define MSM_MODEL_EAR			0xfff84u
#define MSM_MODEL_ESR			0xfff88u
#define MSM_MODEL_ESRRESTORE		0xfff8cu
#define MSM_MODEL_ESYNR0		0xfff90u
#define MSM_MODEL_ESYNR1		0xfff94u
#define MSM_MODEL_REV			0xffff4u
#define MSM_MODEL_IDR			0xffff8u
#define MSM_MODEL_RPU_ACR		0xffffcu
#define MSM_MODEL_GLOBAL_BASE		0xff000u

/* Context bank registers, at ctx * MSM_MODEL_CTX_STRIDE + offset. */
#define MSM_MODEL_SCTLR		0x000u
#define MSM_MODEL_ACTLR		0x004u
#define MSM_MODEL_CONTEXTIDR	0x008u
#define MSM_MODEL_TTBR0		0x010u
#define MSM_MODEL_TTBR1		0x014u
#define MSM_MODEL_TTBCR		0x018u
#define MSM_MODEL_PAR		0x01cu
#define MSM_MODEL_FSR		0x020u
#define MSM_MODEL_FSRRESTORE	0x024u
#define MSM_MODEL_FAR		0x028u
#define MSM_MODEL_FSYNR0	0x02cu
#define MSM_MODEL_FSYNR1	0x030u
#define MSM_MODEL_PRRR		0x034u
#define MSM_MODEL_NMRR		0x038u
#define MSM_MODEL_TLBLCKR	0x03cu
#define MSM_MODEL_V2PSR		0x040u
#define MSM_MODEL_TLBFLPTER	0x044u
#define MSM_MODEL_TLBSLPTER	0x048u
#define MSM_MODEL_BFBCR		0x04cu
#define MSM_MODEL_CTX_TLBIALL	0x800u
#define MSM_MODEL_TLBIASID	0x804u
#define MSM_MODEL_TLBIVA	0x808u
#define MSM_MODEL_TLBIVAA	0x80cu
#define MSM_MODEL_V2PPR		0x810u
#define MSM_MODEL_V2PPW		0x814u
#define MSM_MODEL_V2PUR		0x818u
#define MSM_MODEL_V2PUW		0x81cu
#define MSM_MODEL_RESUME	0x820u

/* M2VCBR_N, CBACR_N. */
#define MSM_MODEL_M2VCBR_CBNDX_SHIFT	8
#define MSM_MODEL_M2VCBR_CBNDX_MASK	0xffu
#define MSM_MODEL_M2VCBR_NSCFG_SHIFT	22
#define MSM_MODEL_CBACR_IRPTNDX_SHIFT	24
#define MSM_MODEL_CBACR_IRPTNDX_MASK	0xffu

/* IDR and REV. */
#define MSM_MODEL_IDR_NM2VCBMT_MASK	0x1ffu
#define MSM_MODEL_IDR_HTW		(1u << 9)
#define MSM_MODEL_IDR_TLBSIZE_SHIFT	12
#define MSM_MODEL_IDR_NCB_SHIFT		16
#define MSM_MODEL_IDR_NIRPT_SHIFT	24
#define MSM_MODEL_REV_VALUE		0x10u	/* major 1, minor 0: a model choice */

/* SCTLR. */
#define MSM_MODEL_SCTLR_M	(1u << 0)
#define MSM_MODEL_SCTLR_TRE	(1u << 1)
#define MSM_MODEL_SCTLR_AFE	(1u << 2)
#define MSM_MODEL_SCTLR_HAF	(1u << 3)
#define MSM_MODEL_SCTLR_BE	(1u << 4)
#define MSM_MODEL_SCTLR_AFFD	(1u << 5)

/* ACTLR. */
#define MSM_MODEL_ACTLR_CFERE		(1u << 0)
#define MSM_MODEL_ACTLR_CFEIE		(1u << 1)
#define MSM_MODEL_ACTLR_TLBMCFG_SHIFT	12
#define MSM_MODEL_ACTLR_TLBMCFG_WALK	(3u << 12)
#define MSM_MODEL_ACTLR_CFCFG		(1u << 14)
#define MSM_MODEL_ACTLR_V2PCFG_SHIFT	16
#define MSM_MODEL_ACTLR_V2PCFG_TLB	(1u << 16)	/* V2P enabled */
#define MSM_MODEL_ACTLR_V2PCFG_WALK	(3u << 16)	/* ... and walks */

/* TTBCR (ARMv7: N [2:0], PD0 bit 4, PD1 bit 5). */
#define MSM_MODEL_TTBCR_N_MASK	0x7u
#define MSM_MODEL_TTBCR_PD0	(1u << 4)
#define MSM_MODEL_TTBCR_PD1	(1u << 5)

/* FSR; PAR with FAULT set carries the same reason bits. */
#define MSM_MODEL_FSR_TF	(1u << 1)	/* translation */
#define MSM_MODEL_FSR_AFF	(1u << 2)	/* access flag */
#define MSM_MODEL_FSR_APF	(1u << 3)	/* permission */
#define MSM_MODEL_FSR_TLBMF	(1u << 4)	/* TLB miss, no walk */
#define MSM_MODEL_FSR_HTWDEEF	(1u << 5)	/* walk: no memory there */
#define MSM_MODEL_FSR_HTWSEEF	(1u << 6)	/* walk: freed table memory */
#define MSM_MODEL_FSR_MHF	(1u << 7)	/* TLB multi-hit */
#define MSM_MODEL_FSR_SL	(1u << 16)	/* at a second-level descriptor */
#define MSM_MODEL_FSR_SS	(1u << 30)	/* the transfer is stalled */
#define MSM_MODEL_FSR_MULTI	(1u << 31)	/* another fault while one was held */
#define MSM_MODEL_FSR_REASONS	0xfeu

/* FSYNR0 / FSYNR1. */
#define MSM_MODEL_FSYNR0_AMID_MASK	0xffu
#define MSM_MODEL_FSYNR1_APRIV		(1u << 5)
#define MSM_MODEL_FSYNR1_AINST		(1u << 7)
#define MSM_MODEL_FSYNR1_AWRITE		(1u << 8)

/* PAR. */
#define MSM_MODEL_PAR_FAULT		(1u << 0)
#define MSM_MODEL_PAR_SS		(1u << 1)	/* no fault: a supersection */
#define MSM_MODEL_PAR_OUTER_SHIFT	2		/* [3:2], as NMRR ORn */
#define MSM_MODEL_PAR_MT_SHIFT		4		/* [6:4], MSM_MODEL_PAR_MT_* */
#define MSM_MODEL_PAR_SH		(1u << 7)
#define MSM_MODEL_PAR_NS		(1u << 9)
#define MSM_MODEL_PAR_NOS		(1u << 10)
#define MSM_MODEL_PAR_PA_MASK		0xfffff000u
/* PAR.MT, as the ARMv7 PAR's inner attributes. */
#define MSM_MODEL_PAR_MT_NC		0u
#define MSM_MODEL_PAR_MT_SO		1u
#define MSM_MODEL_PAR_MT_DEVICE		3u
#define MSM_MODEL_PAR_MT_WBWA		5u
#define MSM_MODEL_PAR_MT_WT		6u
#define MSM_MODEL_PAR_MT_WB		7u

/* V2PSR. */
#define MSM_MODEL_V2PSR_HIT		(1u << 0)
#define MSM_MODEL_V2PSR_INDEX_SHIFT	8

/* RESUME. */
#define MSM_MODEL_RESUME_TERMINATE	(1u << 0)

/* TLBIVA / TLBIVAA / V2Pxx: VA [31:12] | ASID or index [7:0]. */
#define MSM_MODEL_VA_MASK		0xfffff000u
#define MSM_MODEL_ASID_MASK		0xffu

/* Attributes of a bus-master access (msm_model_translate()). */
#define MSM_MODEL_ACC_WRITE	(1u << 0)
#define MSM_MODEL_ACC_PRIV	(1u << 1)
#define MSM_MODEL_ACC_INSTR	(1u << 2)

/* Outcome of a bus-master transfer. */
enum msm_model_status {
	MSM_MODEL_OK = 0,	/* the transfer completed */
	MSM_MODEL_ERROR = 1,	/* an error was returned to the master */
	MSM_MODEL_STALLED = 2,	/* the master waits for RESUME */
};

/* Page sizes, as indices of walks_by_size. */
enum msm_model_page { MSM_MODEL_4K, MSM_MODEL_64K, MSM_MODEL_1M, MSM_MODEL_16M,
		      MSM_MODEL_NR_SIZES };

/* Memory types, and cache policies as NMRR encodes them. */
enum msm_model_memtype { MSM_MODEL_MT_STRONGLY_ORDERED, MSM_MODEL_MT_DEVICE,
			 MSM_MODEL_MT_NORMAL };
enum msm_model_cache { MSM_MODEL_CACHE_NC, MSM_MODEL_CACHE_WBWA, MSM_MODEL_CACHE_WT,
		       MSM_MODEL_CACHE_WB };

struct msm_model_result {
	int status;		/* enum msm_model_status */
	int ctx;		/* the context bank, or -1 when the MID maps to none */
	u32 fault_addr;		/* the faulting bus address, when not OK */
	u32 fsr;		/* the fault's FSR reason bits (and SL), or 0 */
	u64 phys;		/* physical address of the first byte, when OK */
	/* The translation of the first byte, when OK and not bypassed: */
	int page;		/* enum msm_model_page */
	int memtype;		/* enum msm_model_memtype */
	int inner, outer;	/* enum msm_model_cache, for normal memory */
	bool shareable, outer_shareable;
	bool bypassed;		/* SCTLR.M clear: PA = VA */
	bool tlb_hit;
};

struct msm_model_counters {
	unsigned int reg_reads;
	unsigned int reg_writes;
	unsigned int bad_accesses;	/* not an aligned 32-bit access */
	unsigned int off_accesses;	/* register access while powered off */
	unsigned int off_clock_accesses; /* register access with smmu_pclk off */
	unsigned int unclocked_transfers; /* transfers with iommu_clk off */
	unsigned int unrouted;		/* transfers whose MID maps to no context */
	unsigned int bypassed;		/* transfers through a context with M clear */
	unsigned int table_walks;
	unsigned int walks_by_size[MSM_MODEL_NR_SIZES];	/* walks that found a page */
	unsigned int tlb_hits;
	unsigned int tlb_misses;
	unsigned int freed_reads;	/* walker reads of freed table memory */
	unsigned int faults;		/* faults of transfers (not V2P) */
	unsigned int stalls;
	unsigned int resumes_retry;
	unsigned int resumes_terminate;
	unsigned int resumes_ignored;	/* RESUME with nothing stalled */
	unsigned int v2p;		/* V2P operations performed */
	unsigned int irqs[MSM_MODEL_NR_IRQS];	/* interrupts delivered to Linux */
	unsigned int global_tlbialls;	/* GLOBAL_TLBIALL and TLBIVMID writes */
	unsigned int power_ons;
	unsigned int power_offs;
	/* Per context bank. */
	unsigned int ctx_faults[MSM_MODEL_MAX_CTX];
	unsigned int tlbialls[MSM_MODEL_MAX_CTX];	/* CTX_TLBIALL */
	unsigned int tlbiasids[MSM_MODEL_MAX_CTX];
	unsigned int tlbivas[MSM_MODEL_MAX_CTX];
	unsigned int tlbivaas[MSM_MODEL_MAX_CTX];
};

struct msm_model;
struct device;
struct model_clk;

KX_BEGIN_DECLS

/*
 * Find an instance by DT node name ("iommu@d4000000") or full path
 * ("/iommu@d4000000").  NULL when no instance matches.
 */
struct msm_model *msm_model_find(const char *name) KX_NOEXCEPT;
/* Instances in DT order; NULL past the last. */
struct msm_model *msm_model_get(unsigned int index) KX_NOEXCEPT;

/* Identity. */
const char *msm_model_name(const struct msm_model *m) KX_NOEXCEPT;
u64 msm_model_phys_base(const struct msm_model *m) KX_NOEXCEPT;
/* qcom,ncb. */
unsigned int msm_model_ncb(const struct msm_model *m) KX_NOEXCEPT;
/* How many interrupts the node has (1 or 2). */
unsigned int msm_model_nr_irqs(const struct msm_model *m) KX_NOEXCEPT;
/* The Linux IRQ of interrupt @index (> 0), or a negative errno. */
int msm_model_irq(const struct msm_model *m, unsigned int index) KX_NOEXCEPT;
/* The IOMMU's platform device (&pdev->dev), or NULL if none was created. */
struct device *msm_model_device(const struct msm_model *m) KX_NOEXCEPT;
/* The gate behind clock-names entry @name ("smmu_pclk", "iommu_clk"), or NULL. */
struct model_clk *msm_model_clk(const struct msm_model *m, const char *name) KX_NOEXCEPT;

/*
 * Bus-master transfers of len bytes at iova by master @mid, unprivileged
 * data accesses.  Return the status; *res (may be NULL) gets the details.
 */
int msm_model_read(struct msm_model *m, u32 mid, u32 iova, void *buf, size_t len,
		   struct msm_model_result *res) KX_NOEXCEPT;
int msm_model_write(struct msm_model *m, u32 mid, u32 iova, const void *buf, size_t len,
		    struct msm_model_result *res) KX_NOEXCEPT;
/*
 * One access by @mid with MSM_MODEL_ACC_* attributes, moving no data: the
 * same routing, TLB, walk, faults and stalls as a transfer.
 */
int msm_model_translate(struct msm_model *m, u32 mid, u32 iova, unsigned int access,
			struct msm_model_result *res) KX_NOEXCEPT;
/* True while a transfer of @mid's context bank waits for RESUME. */
bool msm_model_stalled(const struct msm_model *m, u32 mid) KX_NOEXCEPT;

/* Power, as the PM domain sees it.  Off resets every register and TLB. */
void msm_model_set_power(struct msm_model *m, bool on) KX_NOEXCEPT;
bool msm_model_powered(const struct msm_model *m) KX_NOEXCEPT;

/*
 * Serve register accesses made with smmu_pclk off (still counting them),
 * for every instance; the default, false, drops them.  Mainline's probe
 * touches the registers with its clocks only prepared.
 */
void msm_model_serve_off_clock(bool serve) KX_NOEXCEPT;

/* Counters since the last reset. */
void msm_model_counters(const struct msm_model *m, struct msm_model_counters *out) KX_NOEXCEPT;
void msm_model_reset_counters(struct msm_model *m) KX_NOEXCEPT;

KX_END_DECLS

#endif
