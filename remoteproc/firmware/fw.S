/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Firmware for the simulated remote processor (Documentation/remoteproc.rst):
 * an ARM ELF32 image with a resource table, built by
 * scripts/build-firmware.sh with GNU as and ld.  The core model never
 * executes it; it checks, through the IOMMU, that the host loaded every
 * byte of it at its device address, then reads its resource table.
 *
 * One source for every image; --defsym picks the layout:
 *   TEXT_DA TEXT_LEN DATA_DA DATA_LEN   the fixed carveouts "text", "data"
 *   SHM_LEN                             the shared memory, at an address
 *                                       the host picks in its DMA window
 *   VRING_NUM                           entries per vring
 *   NO_TABLE                            no .resource_table at all
 *   EXTRA_SECTION                       a loadable section (at EXTRA_DA,
 *                                       from the linker script) outside
 *                                       every carveout
 */
	.syntax unified
	.arm

/* struct fw_rsc_carveout's name: 32 bytes, NUL-padded. */
	.macro	rsc_name name
0:	.asciz	"\name"
	.space	32 - (. - 0b)
	.endm

	.section .text, "ax", %progbits
	.global	_start
_start:
	/* The core halts in a loop; the model checks these bytes instead. */
	wfi
	b	_start
	.balign	16
	/* 4 KiB of code-like words, each its own address's function. */
	.set	n, 0
	.rept	1024
	.word	0xe3a00000 + (n * 0x9e3779b1 & 0x00ffffff)
	.set	n, n + 1
	.endr

	.section .data, "aw", %progbits
	.balign	16
	.asciz	"socmmu simulated remote processor firmware: data"
	.balign	16
	.set	n, 0
	.rept	256
	.word	0x5a5a0000 + n
	.set	n, n + 1
	.endr

	.ifndef	NO_TABLE
	.section .resource_table, "aw", %progbits
	.balign	4
rsc_table:
	.word	1			/* ver */
	.word	5			/* num */
	.word	0, 0			/* reserved */
	.word	text_co - rsc_table
	.word	data_co - rsc_table
	.word	shm_co - rsc_table
	.word	trace - rsc_table
	.word	vdev - rsc_table
text_co:
	.word	0			/* RSC_CARVEOUT */
	.word	TEXT_DA, 0xffffffff, TEXT_LEN, 0, 0	/* da, pa (the host's), len, flags */
	rsc_name "text"
data_co:
	.word	0
	.word	DATA_DA, 0xffffffff, DATA_LEN, 0, 0
	rsc_name "data"
shm_co:
	.word	0
	.word	0xffffffff, 0xffffffff, SHM_LEN, 0, 0	/* at FW_RSC_ADDR_ANY */
	rsc_name "shm"
trace:
	.word	2			/* RSC_TRACE */
	.word	trace_buf, 4096, 0
	rsc_name "trace0"
vdev:
	.word	3			/* RSC_VDEV */
	.word	7			/* VIRTIO_ID_RPMSG */
	.word	0			/* notifyid */
	.word	1			/* dfeatures: VIRTIO_RPMSG_F_NS */
	.word	0, 0			/* gfeatures, config_len */
	.byte	0, 2, 0, 0		/* status, num_of_vrings, reserved */
	.word	0xffffffff, 4096, VRING_NUM, 0, 0	/* da (the host's), align, num */
	.word	0xffffffff, 4096, VRING_NUM, 0, 0
	.endif

	.ifdef	EXTRA_SECTION
	.section .extra, "aw", %progbits
	.asciz	"a section no carveout holds"
	.endif

	.section .bss, "aw", %nobits
	.balign	4096
trace_buf:
	.space	4096

	.section .note.GNU-stack, "", %progbits
