/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The DMA layer's rules that need no engine: the IOMMU protection of a
 * mapping, the granule, the window, and how a buffer's pages are
 * allocated.  C++ (dma_rules.cpp) decides; the C shims read the kernel's
 * objects, hand the raw values over and act on the answer.  See
 * Documentation/dma-layer.rst.
 */
#ifndef SOCMMU_DMA_RULES_H
#define SOCMMU_DMA_RULES_H

#include <shim/base.h>

/*
 * Kernel constants the rules read, restated for C++ and checked against
 * the kernel's by static_assert in dma_kernel_shim.c.
 */
#define KX_DMA_BIDIRECTIONAL		0
#define KX_DMA_TO_DEVICE		1
#define KX_DMA_FROM_DEVICE		2
#define KX_DMA_NONE			3
#define KX_DMA_ATTR_SKIP_CPU_SYNC	(1ULL << 5)
#define KX_DMA_ATTR_FORCE_CONTIGUOUS	(1ULL << 6)
#define KX_DMA_ATTR_ALLOC_SINGLE_PAGES	(1ULL << 7)
#define KX_DMA_ATTR_PRIVILEGED		(1ULL << 9)
#define KX_DMA_IOMMU_READ		(1 << 0)
#define KX_DMA_IOMMU_WRITE		(1 << 1)
#define KX_DMA_IOMMU_CACHE		(1 << 2)
#define KX_DMA_IOMMU_MMIO		(1 << 4)
#define KX_DMA_IOMMU_PRIV		(1 << 5)

/* What a mapping is for, as the DMA API call says it. */
struct dma_access {
	u32 dir;		/* KX_DMA_BIDIRECTIONAL ... KX_DMA_NONE */
	u64 attrs;		/* DMA_ATTR_*, as given */
	bool mmio;		/* map_resource: a device's registers, not memory */
	u64 mask;		/* the device's DMA mask that applies */
	bool atomic;		/* the caller cannot sleep */
	/*
	 * Single streaming mappings: the device's segment boundary,
	 * dma_get_seg_boundary() + 1 (0: none).  map_sg takes its own.
	 */
	u64 boundary;
	/*
	 * Allocations: the IOVA is aligned to the buffer's size rounded up
	 * to a power of two, as the DMA API promises for dma_alloc_coherent()
	 * (a buffer of 64 KiB or less crosses no 64 KiB line).
	 */
	bool size_aligned;
};

/* A client's window from the device tree and its domain (dma_window_choose()). */
struct dma_window_input {
	u64 aperture_start;
	u64 aperture_end;	/* inclusive, as struct iommu_domain_geometry */
	u64 granule;		/* from dma_granule() */
	/* "socmmu,dma-window" = <base size>: its length and first cells */
	bool has_property;
	u32 property_bytes;
	u32 addr_cells;
	u32 size_cells;
	u32 cells[4];		/* in CPU byte order */
	/* The bus's dma-ranges, gathered by dma_window_add_range(). */
	u32 nr_ranges;
	u64 ranges_start;
	u64 ranges_end;		/* exclusive */
};

enum dma_window_verdict {
	DMA_WINDOW_OK,
	DMA_WINDOW_BAD_PROPERTY,	/* not <base size> in the parent's cells */
	DMA_WINDOW_BAD,			/* empty or misaligned within the aperture */
};

struct dma_window {
	enum dma_window_verdict verdict;
	u64 base;
	u64 limit;		/* exclusive */
	u64 aperture_base;	/* for the report */
	u64 aperture_limit;
};

/*
 * How to get the pages of a buffer: dma_page_plan_next() says what to
 * allocate, the shim does it and reports with dma_page_plan_result().
 * The fields are the plan's own.
 */
struct dma_page_plan {
	u32 left;		/* pages still to get */
	u32 failed;		/* bit k: order k failed, not tried again */
	u32 order;		/* of the step under way */
	u32 mode;
};

struct dma_page_step {
	u32 order;		/* alloc_pages() of this order ... */
	u32 pages;		/* ... bringing this many pages */
	bool exact;		/* instead, one alloc_pages_exact() of @pages pages */
	bool opportunistic;	/* may fail quietly: a smaller order follows */
	bool split;		/* split_page() it, so that each page frees alone */
};

/* The bus events a device's DMA-layer state must outlive or end with. */
enum dma_bus_event {
	DMA_EVENT_DEL_DEVICE,		/* device_del() begins: its driver may still be bound */
	DMA_EVENT_UNBOUND_DRIVER,	/* a driver let the device go */
};

enum dma_removal {
	DMA_REMOVAL_KEEP,		/* nothing to do */
	DMA_REMOVAL_LATER,		/* going, once its driver has let go */
	DMA_REMOVAL_NOW,		/* tear the layer down now */
};

/* The highest order a buffer's pages are tried at: 1 MiB, a section. */
#define DMA_PAGE_PLAN_MAX_ORDER 8

KX_BEGIN_DECLS

/* IOMMU_* bits for @access, or -EINVAL when it allows no access (DMA_NONE). */
int dma_prot(bool coherent, const struct dma_access *access) KX_NOEXCEPT;

/*
 * The layer's granule: the IOMMU's smallest page in @pgsize_bitmap.
 * -EINVAL when there is none, or when it is larger than @cpu_page (a CPU
 * page could then not be mapped alone).
 */
int dma_granule(u64 pgsize_bitmap, u64 cpu_page, u64 *granule) KX_NOEXCEPT;

/* Count one dma-ranges entry into the span dma_window_choose() may use. */
void dma_window_add_range(struct dma_window_input *in, u64 dma_start, u64 size) KX_NOEXCEPT;
/*
 * The window: the property, else the dma-ranges span, else the aperture
 * minus its first granule; clipped to the aperture.  0, or -EINVAL with
 * @out->verdict saying why.
 */
int dma_window_choose(const struct dma_window_input *in, struct dma_window *out) KX_NOEXCEPT;

/* Plan @npages pages for a buffer allocated with @attrs. */
void dma_page_plan_init(struct dma_page_plan *plan, u32 npages, u64 attrs) KX_NOEXCEPT;
/* 1: do @step, then dma_page_plan_result(); 0: all pages are there; -ENOMEM: give up. */
int dma_page_plan_next(struct dma_page_plan *plan, struct dma_page_step *step) KX_NOEXCEPT;
void dma_page_plan_result(struct dma_page_plan *plan, bool allocated) KX_NOEXCEPT;

/*
 * When the layer leaves a device: @event on a device whose driver is
 * @bound, and which an earlier DEL_DEVICE marked @going.
 */
enum dma_removal dma_removal_on(enum dma_bus_event event, bool bound, bool going) KX_NOEXCEPT;

KX_END_DECLS

#endif
