/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Behavioural model of a simulated remote processor (the driver is
 * remoteproc/, Documentation/remoteproc.rst): a core held in reset until
 * the host releases it, a mailbox in each direction and an interrupt, for
 * every "socmmu,sim-rproc" node of the test device tree.  The core reaches
 * memory only as the bus master behind the IOMMU(s) of its node's
 * "iommus", through the model bus (kunit/model_bus): entry 0 is the core's
 * own port (code, resource table, vrings), the last entry its data mover's
 * (message payloads); with one entry both are the same.  So it works behind
 * any IOMMU model, and an unmapped address faults in that IOMMU.
 *
 * Node (kunit/dts/socmmu-test.dts):
 *	rproc@d5000000 { compatible = "socmmu,sim-rproc"; reg = <... 0x100>;
 *			 interrupt-parent = <&rproc_intc>; interrupts = <0>;
 *			 iommus = <&mmu_ipu2>;
 *			 firmware-name = "socmmu-rproc-ipu.elf"; };
 * and the model's interrupt controller, "socmmu,rproc-model-intc", one
 * hwirq per core.
 *
 * Registers (32-bit, aligned; the driver's copy is remoteproc/srp_hw.cpp):
 *
 *   0x00 ID            RO  RPROC_MODEL_ID
 *   0x04 CTRL          RW  bit 0 RUN: 0 -> 1 releases the core at BOOT_ADDR,
 *                          1 -> 0 stops it (its context stays in its memory);
 *                          bit 1 WARM, with RUN: resume that context instead
 *                          of a cold boot
 *   0x08 STATUS        RO  bit 0 RUNNING, bit 1 IDLE (no mailbox message
 *                          pending, nothing in flight), bit 2 HALTED
 *   0x0c BOOT_ADDR     RW  must be the firmware's entry point
 *   0x10 ERROR         RO  why the core halted (RPROC_MODEL_ERR_*)
 *   0x14 ERROR_ADDR    RO  the device address involved
 *   0x18 MBOX_TX       WO  host -> core message (a vring's notifyid); 16 deep,
 *                          a write to a full mailbox is lost (counted)
 *   0x1c MBOX_RX       RO  core -> host: takes the oldest message
 *   0x20 MBOX_RX_COUNT RO  messages waiting in MBOX_RX
 *   0x24 IRQSTATUS     W1C bit 0 MBOX (a message was put in MBOX_RX),
 *                          bit 1 HALT
 *   0x28 IRQENABLE     RW  same bits
 *
 * The "firmware" it runs: at a cold boot the core checks what the host
 * loaded against the ELF file named by the node's "firmware-name" (the
 * board's firmware, as a test oracle; read with request_firmware()):
 * BOOT_ADDR is its entry, every loadable segment reads back through the
 * IOMMU at its device address (p_paddr) as in the file, zeros past the
 * file size, except the .resource_table section, which the host rewrites.
 * It then reads its resource table (at that section's address) through
 * the IOMMU: its carveouts' (pa, da, len) are how it turns the physical
 * addresses in vring descriptors into device addresses, as TI's IPC
 * firmware does.  A warm boot checks the executable segments again and
 * keeps the rest.
 *
 * Messages: on any MBOX_TX message, once the host has set DRIVER_OK in the
 * vdev's status, the core serves rpmsg (vring 0: the host's receive
 * buffers; vring 1: what the host sends): it announces its echo service
 * ("socmmu-rproc-echo" at address RPROC_MODEL_ECHO_ADDR) to the name
 * service once, and answers every message to that address with the same
 * payload from it; messages to other addresses are consumed and counted.
 * It puts a vring's notifyid in MBOX_RX when it used buffers of it, unless
 * the host's avail flags ask for no interrupt.
 *
 * A transfer that fails (a fault, a bus error, the IOMMU off), a resource
 * table or vring it cannot use, an image that differs or a wrong BOOT_ADDR
 * halts the core with HALT and ERROR/ERROR_ADDR set; only a cold boot
 * starts it again.
 *
 * Power follows a dev_pm_domain on the core's device (model_pm): while off,
 * registers read 0 and writes are lost (counted), and power off resets
 * them and stops the core as CTRL.RUN = 0 does.
 *
 * debugfs, /sys/kernel/debug/socmmu_rproc_model/<node name>/:
 *   stats         "name value" lines: the core's counters, then its
 *                 IOMMU's (model_bus_stats of "iommus" entry 0, "mmu_");
 *                 a write zeroes both
 *   state         what the core learnt: carveouts, vrings, buffer range
 *   inject_fault  write a device address: the next message the core takes
 *                 makes its data mover read there first, as a corrupt
 *                 pointer would
 */
#ifndef SOCMMU_RPROC_MODEL_H
#define SOCMMU_RPROC_MODEL_H

#include <shim/base.h>

#define RPROC_MODEL_ID			0x52500001u
#define RPROC_MODEL_WINDOW		0x100u

#define RPROC_MODEL_REG_ID		0x00
#define RPROC_MODEL_REG_CTRL		0x04
#define RPROC_MODEL_REG_STATUS		0x08
#define RPROC_MODEL_REG_BOOT_ADDR	0x0c
#define RPROC_MODEL_REG_ERROR		0x10
#define RPROC_MODEL_REG_ERROR_ADDR	0x14
#define RPROC_MODEL_REG_MBOX_TX		0x18
#define RPROC_MODEL_REG_MBOX_RX		0x1c
#define RPROC_MODEL_REG_MBOX_RX_COUNT	0x20
#define RPROC_MODEL_REG_IRQSTATUS	0x24
#define RPROC_MODEL_REG_IRQENABLE	0x28

#define RPROC_MODEL_CTRL_RUN		0x1u
#define RPROC_MODEL_CTRL_WARM		0x2u
#define RPROC_MODEL_STATUS_RUNNING	0x1u
#define RPROC_MODEL_STATUS_IDLE		0x2u
#define RPROC_MODEL_STATUS_HALTED	0x4u
#define RPROC_MODEL_IRQ_MBOX		0x1u
#define RPROC_MODEL_IRQ_HALT		0x2u
#define RPROC_MODEL_IRQ_MASK		0x3u
#define RPROC_MODEL_MBOX_DEPTH		16u

/* ERROR values. */
#define RPROC_MODEL_ERR_NONE		0u
#define RPROC_MODEL_ERR_BUS		1u	/* a transfer through the IOMMU failed */
#define RPROC_MODEL_ERR_IMAGE		2u	/* memory differs from the ELF there */
#define RPROC_MODEL_ERR_TABLE		3u	/* resource table unusable */
#define RPROC_MODEL_ERR_VRING		4u	/* a vring or descriptor unusable */
#define RPROC_MODEL_ERR_BOOT		5u	/* bad BOOT_ADDR, no firmware, no context */

/* The core's echo service and the rpmsg name service's address. */
#define RPROC_MODEL_ECHO_ADDR		0x400u
#define RPROC_MODEL_ECHO_NAME		"socmmu-rproc-echo"
#define RPROC_MODEL_NS_ADDR		53u

#define RPROC_MODEL_MAX_CARVEOUTS	8

struct rproc_model_counters {
	unsigned int cold_boots;	/* boots that reached RUNNING */
	unsigned int warm_boots;
	unsigned int image_bytes;	/* checked by the last boot */
	unsigned int image_segments;	/* checked by the last boot */
	unsigned int doorbells;		/* MBOX_TX messages */
	unsigned int mbox_lost;		/* MBOX_TX or MBOX_RX full */
	unsigned int messages;		/* rpmsg messages taken */
	unsigned int echoes;
	unsigned int dropped;		/* for no service of the core */
	unsigned int announcements;	/* name-service messages sent */
	unsigned int notifies;		/* MBOX_RX messages */
	unsigned int irqs;		/* interrupts delivered to Linux */
	unsigned int halts;
	unsigned int bus_errors;	/* failed transfers */
	unsigned int power_ons;
	unsigned int power_offs;
	unsigned int off_accesses;	/* register accesses while off */
	unsigned int bad_accesses;	/* not an aligned 32-bit access */
};

struct rproc_model_carveout {
	char name[32];
	u32 da, pa, len;
};

struct rproc_model_vring {
	u32 da, num, align, notifyid;
};

/* What the core learnt from its resource table, and what it touched. */
struct rproc_model_state {
	bool running;
	bool halted;
	u32 error;
	u32 error_addr;
	u32 table_da;
	unsigned int nr_carveouts;
	struct rproc_model_carveout carveouts[RPROC_MODEL_MAX_CARVEOUTS];
	bool vdev_ready;		/* DRIVER_OK seen, vrings read */
	struct rproc_model_vring vring[2];
	bool bufs_seen;
	u32 buf_da_min;			/* every buffer a descriptor named */
	u32 buf_da_end;			/* ... is in [min, end) */
};

struct rproc_model;
struct device;
struct device_node;
struct model_bus_result;
struct model_bus_stats;

KX_BEGIN_DECLS

/* The core of a "socmmu,sim-rproc" node, or NULL. */
struct rproc_model *rproc_model_of(const struct device_node *np) KX_NOEXCEPT;
/* Its platform device (&pdev->dev), or NULL. */
struct device *rproc_model_device(const struct rproc_model *m) KX_NOEXCEPT;
bool rproc_model_powered(const struct rproc_model *m) KX_NOEXCEPT;
void rproc_model_counters(const struct rproc_model *m,
			  struct rproc_model_counters *out) KX_NOEXCEPT;
void rproc_model_reset_counters(struct rproc_model *m) KX_NOEXCEPT;
void rproc_model_state(const struct rproc_model *m, struct rproc_model_state *out) KX_NOEXCEPT;
/*
 * While held, the core takes no mailbox message: what the host sends waits
 * in MBOX_TX and the core is not idle, as if it were busy.
 */
void rproc_model_hold(struct rproc_model *m, bool hold) KX_NOEXCEPT;
/* The next message the core takes makes its data mover read @da first. */
void rproc_model_inject_fault(struct rproc_model *m, u32 da) KX_NOEXCEPT;
/*
 * A transfer by the core's port (@port 0) or its data mover (1), through
 * the same IOMMU the core uses: a model_bus status (MODEL_BUS_OK, ...).
 */
int rproc_model_read(struct rproc_model *m, unsigned int port, u32 da, void *buf, size_t len,
		     struct model_bus_result *res) KX_NOEXCEPT;
/* The counters of the IOMMU in front of @port (0 or 1). */
void rproc_model_iommu_stats(struct rproc_model *m, unsigned int port,
			     struct model_bus_stats *out) KX_NOEXCEPT;

KX_END_DECLS

#endif
