/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The simulated remote processor's driver: the boundary between its C shim
 * (srp_shim.c: platform driver, rproc_ops, carveouts, IRQ, IOMMU faults,
 * runtime and system PM) and its C++ logic (srp_firmware.cpp: which
 * firmware images it takes and what their address map needs;
 * srp_hw.cpp: the registers).  See Documentation/remoteproc.rst.
 */
#ifndef SOCMMU_SRP_H
#define SOCMMU_SRP_H

#include <shim/base.h>

struct kx_iomem;
/* The core's registers (C++). */
struct srp_hw;

/*
 * The remoteproc resource table and ELF32 formats, restated for C++
 * (include/linux/rsc_table.h, include/uapi/linux/elf.h); srp_shim.c
 * checks every value against the kernel's.
 */
#define SRP_RSC_CARVEOUT	0u
#define SRP_RSC_DEVMEM		1u
#define SRP_RSC_TRACE		2u
#define SRP_RSC_VDEV		3u
#define SRP_ADDR_ANY		0xffffffffu
#define SRP_TABLE_HDR_SIZE	16u	/* ver, num, reserved[2] */
#define SRP_RSC_HDR_SIZE	4u	/* type */
#define SRP_CARVEOUT_SIZE	52u	/* da, pa, len, flags, reserved, name[32] */
#define SRP_CARVEOUT_NAME	20u
#define SRP_TRACE_SIZE		44u	/* da, len, reserved, name[32] */
#define SRP_VDEV_SIZE		24u	/* ..., config_len 16, status, num_of_vrings 21 */
#define SRP_VDEV_CONFIG_LEN	16u
#define SRP_VDEV_NUM_VRINGS	21u
#define SRP_VRING_SIZE		20u	/* da, align, num, notifyid, pa */
#define SRP_NAME_LEN		32u
#define SRP_ELF_EHDR_SIZE	52u
#define SRP_ELF_PHDR_SIZE	32u
#define SRP_ELF_SHDR_SIZE	40u
#define SRP_PT_LOAD		1u

/* The shared-memory carveout: where vrings and rpmsg buffers come from. */
#define SRP_SHM_NAME		"shm"
#define SRP_SHM_MAX		(4u << 20)
#define SRP_MAX_FIXED		8

/* A carveout at a fixed device address. */
struct srp_fixed {
	char name[SRP_NAME_LEN];
	u32 da;
	u32 len;
};

/* What a firmware image needs, once it is accepted. */
struct srp_plan {
	unsigned int nr_fixed;
	struct srp_fixed fixed[SRP_MAX_FIXED];
	u32 shm_len;		/* 0: no vdev, no shared memory */
	u16 machine;		/* e_machine, for the coredump */
};

/* Why an image is refused: srp_shim.c says it in one line. */
enum srp_fw_error {
	SRP_FW_OK,
	SRP_FW_NOT_ELF32,	/* a: 0 */
	SRP_FW_NO_TABLE,
	SRP_FW_BAD_TABLE,	/* a: byte offset in the table */
	SRP_FW_DEVMEM,		/* name */
	SRP_FW_TOO_MANY,	/* name */
	SRP_FW_CARVEOUT_NAME,	/* name: empty or used twice */
	SRP_FW_CARVEOUT_ALIGN,	/* name, a: da, b: len */
	SRP_FW_CARVEOUT_WINDOW,	/* name, a: da, b: len */
	SRP_FW_CARVEOUT_OVERLAP, /* name, a: da, b: len, other: the other's name */
	SRP_FW_BAD_SHM,		/* a: da, b: len */
	SRP_FW_NO_SHM,
	SRP_FW_VRING_FIXED,	/* a: vring index, b: da */
	SRP_FW_BAD_SEGMENT,	/* a: index */
	SRP_FW_SEGMENT_OUTSIDE,	/* a: index, b: paddr, c: memsz */
	SRP_FW_TABLE_OUTSIDE,	/* a: address, b: size */
	SRP_FW_ENTRY_OUTSIDE,	/* a: entry */
	SRP_FW_TRACE_OUTSIDE,	/* name, a: da, b: len */
};

struct srp_fw_verdict {
	int error;			/* enum srp_fw_error */
	char name[SRP_NAME_LEN];
	char other[SRP_NAME_LEN];
	u64 a, b, c;
};

/* What one interrupt said. */
#define SRP_MAX_MSGS	16
struct srp_hw_event {
	unsigned int nr_msgs;
	u32 msgs[SRP_MAX_MSGS];		/* vring notifyids, oldest first */
	bool halted;
	u32 error;			/* why (the core's ERROR register) */
	u32 error_addr;
};

/* The core's ERROR values (the driver's copy of the hardware's). */
#define SRP_ERR_BUS		1u

KX_BEGIN_DECLS

/* ---- firmware images ---- */
/*
 * Accept or refuse an ELF32 image for a core whose DMA window is
 * [@win_base, @win_limit) and whose IOMMU maps @granule-byte pages.
 * Return: 0 with *@plan filled, or -EINVAL with *@why.
 */
int srp_fw_check(const u8 *data, size_t size, u64 win_base, u64 win_limit, u32 granule,
		 struct srp_plan *plan, struct srp_fw_verdict *why) KX_NOEXCEPT;

/* ---- registers; the caller serialises every call on one srp_hw ---- */
struct srp_hw *srp_hw_create(struct kx_iomem *base, int *err) KX_NOEXCEPT;
void srp_hw_destroy(struct srp_hw *hw) KX_NOEXCEPT;
/* Powered: is the ID register the core's?  0 or -ENODEV. */
int srp_hw_check_id(struct srp_hw *hw, u32 *id) KX_NOEXCEPT;
/* Release the core at @boot_addr: a cold boot, or a warm one resuming its context. */
void srp_hw_run(struct srp_hw *hw, u32 boot_addr, bool warm) KX_NOEXCEPT;
/* Stop the core, mask and clear its interrupts, drop what the mailboxes held. */
void srp_hw_stop(struct srp_hw *hw) KX_NOEXCEPT;
/* Nothing in flight and nothing for the host to take. */
bool srp_hw_idle(struct srp_hw *hw) KX_NOEXCEPT;
/* If idle: stop the core with its context kept for a warm boot, and say true. */
bool srp_hw_quiesce(struct srp_hw *hw) KX_NOEXCEPT;
void srp_hw_kick(struct srp_hw *hw, u32 vqid) KX_NOEXCEPT;
/* Take and acknowledge the pending interrupt; false when none was. */
bool srp_hw_take_irq(struct srp_hw *hw, struct srp_hw_event *ev) KX_NOEXCEPT;

KX_END_DECLS

#endif
