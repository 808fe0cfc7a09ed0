// SPDX-License-Identifier: GPL-2.0
/*
 * The DMA layer's rules that need no engine (dma_rules.h): protection,
 * granule, window, page allocation plan.  The shims only read and act.
 * See Documentation/dma-layer.rst.
 */
#include <kcxx/bits.h>
#include <kcxx/errno.h>
#include <kcxx/utility.h>

#include "dma_rules.h"

namespace {

enum PlanMode : u32 {
	kHighOrdersFirst,	/* large blocks where memory allows, split */
	kSinglePages,		/* DMA_ATTR_ALLOC_SINGLE_PAGES: order 0 only */
	kContiguous,		/* DMA_ATTR_FORCE_CONTIGUOUS: one exact block */
};

/* Big-endian cells to a number, as of_read_number(): only the low 64 bits survive. */
u64 read_cells(const u32 *cells, u32 count)
{
	u64 value = 0;

	for (u32 i = 0; i < count; i++)
		value = (value << 32) | cells[i];
	return value;
}

/* [start, start + size) as [start, end); false if it wraps. */
bool span(u64 start, u64 size, u64 *end)
{
	return !__builtin_add_overflow(start, size, end);
}

} // namespace

int dma_prot(bool coherent, const struct dma_access *access) noexcept
{
	int prot;

	switch (access->dir) {
	case KX_DMA_BIDIRECTIONAL:
		prot = KX_DMA_IOMMU_READ | KX_DMA_IOMMU_WRITE;
		break;
	case KX_DMA_TO_DEVICE:
		prot = KX_DMA_IOMMU_READ;
		break;
	case KX_DMA_FROM_DEVICE:
		prot = KX_DMA_IOMMU_WRITE;
		break;
	default:
		/* DMA_NONE: a mapping nobody may use is a caller bug. */
		return -kcxx::EINVAL;
	}
	if (access->mmio)
		/* Registers are never cacheable, whatever the device snoops (as dma-iommu). */
		prot |= KX_DMA_IOMMU_MMIO;
	else if (coherent)
		prot |= KX_DMA_IOMMU_CACHE;
	if (access->attrs & KX_DMA_ATTR_PRIVILEGED)
		prot |= KX_DMA_IOMMU_PRIV;
	return prot;
}

int dma_granule(u64 pgsize_bitmap, u64 cpu_page, u64 *granule) noexcept
{
	*granule = pgsize_bitmap & (~pgsize_bitmap + 1);
	if (!*granule || *granule > cpu_page)
		return -kcxx::EINVAL;
	return 0;
}

void dma_window_add_range(struct dma_window_input *in, u64 dma_start, u64 size) noexcept
{
	u64 end;

	if (!size)
		return;
	if (!span(dma_start, size, &end))
		end = ~u64{0};
	if (!in->nr_ranges) {
		in->ranges_start = dma_start;
		in->ranges_end = end;
	} else {
		in->ranges_start = kcxx::min(in->ranges_start, dma_start);
		in->ranges_end = kcxx::max(in->ranges_end, end);
	}
	in->nr_ranges++;
}

int dma_window_choose(const struct dma_window_input *in, struct dma_window *out) noexcept
{
	const u64 granule = in->granule;
	u64 base, limit;

	*out = {};
	out->aperture_base = in->aperture_start;
	/* An aperture that ends at the top of the address space ends a granule early. */
	out->aperture_limit = in->aperture_end == ~u64{0} ? kcxx::align_down(~u64{0}, granule)
							   : in->aperture_end + 1;
	if (in->has_property) {
		const u32 na = in->addr_cells, ns = in->size_cells;

		if (na + ns > sizeof(in->cells) / sizeof(in->cells[0]) ||
		    in->property_bytes != (na + ns) * sizeof(u32)) {
			out->verdict = DMA_WINDOW_BAD_PROPERTY;
			return -kcxx::EINVAL;
		}
		base = read_cells(in->cells, na);
		if (!span(base, read_cells(in->cells + na, ns), &limit))
			limit = 0;	/* wraps: refused below */
	} else if (in->nr_ranges) {
		base = in->ranges_start;
		limit = in->ranges_end;
	} else {
		/* No buffer at bus address 0, which devices use as "none". */
		base = kcxx::max(in->aperture_start, granule);
		limit = out->aperture_limit;
	}
	out->base = kcxx::max(base, out->aperture_base);
	out->limit = kcxx::min(limit, out->aperture_limit);
	if (out->base >= out->limit || !granule || !kcxx::is_aligned(out->base, granule) ||
	    !kcxx::is_aligned(out->limit, granule)) {
		out->verdict = DMA_WINDOW_BAD;
		return -kcxx::EINVAL;
	}
	out->verdict = DMA_WINDOW_OK;
	return 0;
}

void dma_page_plan_init(struct dma_page_plan *plan, u32 npages, u64 attrs) noexcept
{
	*plan = {};
	plan->left = npages;
	if (attrs & KX_DMA_ATTR_FORCE_CONTIGUOUS)
		plan->mode = kContiguous;
	else if (attrs & KX_DMA_ATTR_ALLOC_SINGLE_PAGES)
		plan->mode = kSinglePages;
	else
		plan->mode = kHighOrdersFirst;
}

/*
 * High orders first, so that the IOMMU can map large pages and the
 * allocator keeps few entries; capped at DMA_PAGE_PLAN_MAX_ORDER, and a
 * failed order is not tried again for this buffer (memory is fragmented:
 * trying again only costs reclaim and compaction).  Only order 0 may
 * sleep and warn; the others fall back quietly.
 */
int dma_page_plan_next(struct dma_page_plan *plan, struct dma_page_step *step) noexcept
{
	u32 order = 0;

	if (!plan->left)
		return 0;
	*step = {};
	if (plan->mode == kContiguous) {
		if (plan->failed)
			return -kcxx::ENOMEM;
		step->exact = true;
		step->pages = plan->left;
		return 1;
	}
	if (plan->mode == kHighOrdersFirst) {
		order = kcxx::min<u32>(kcxx::ilog2(plan->left), DMA_PAGE_PLAN_MAX_ORDER);
		while (order && (plan->failed & (u32{1} << order)))
			order--;
	}
	if (plan->failed & 1)
		return -kcxx::ENOMEM;
	plan->order = order;
	step->order = order;
	step->pages = u32{1} << order;
	step->opportunistic = order > 0;
	step->split = order > 0;
	return 1;
}

void dma_page_plan_result(struct dma_page_plan *plan, bool allocated) noexcept
{
	if (!allocated)
		plan->failed |= u32{1} << plan->order;
	else if (plan->mode == kContiguous)
		plan->left = 0;
	else
		plan->left -= u32{1} << plan->order;
}

/*
 * device_del() announces DEL_DEVICE before it unbinds the driver, whose
 * remove() may still free buffers and stop DMA through the layer: the
 * layer goes only once the driver has let go (UNBOUND_DRIVER comes before
 * the device leaves its IOMMU group), or at once if no driver is bound.
 * An unbind alone keeps the layer for the next driver.
 */
enum dma_removal dma_removal_on(enum dma_bus_event event, bool bound, bool going) noexcept
{
	if (event == DMA_EVENT_DEL_DEVICE)
		return bound ? DMA_REMOVAL_LATER : DMA_REMOVAL_NOW;
	return going ? DMA_REMOVAL_NOW : DMA_REMOVAL_KEEP;
}
