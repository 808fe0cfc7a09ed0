/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every short-descriptor format shares, and the contract a Format
 * fulfils for ShortDescTable<Format> (short_desc_table.h).
 *
 * The geometry is fixed by the ARM short-descriptor family: a 32-bit IOVA,
 * an L1 entry per 1 MB, an L2 entry per 4 KB, 64 KB pages and 16 MB
 * supersections written as 16 identical consecutive entries.  OMAP,
 * Exynos and ARMv7s differ only in how entries are encoded, which sizes
 * exist, how wide a physical address is, and whether an unused L1 entry
 * is a fault or a link to a shared empty L2.
 *
 * A Format is a copyable object, not just a type: the engine keeps the one
 * passed to create() for the table's life and calls its hooks on it.  What
 * only the hardware can tell (Exynos's PA shift, 0 on v1-v3 and 4 on v5+,
 * and its permission layout) is decided at probe time and held in the
 * object; what every instance of the format shares stays static.
 *
 * Static members (the same for every object of the type):
 *   using Entry                      u32; entries are stored in CPU byte
 *                                    order (all three formats run on
 *                                    little-endian CPUs only).
 *   kL1Entries, kL2Entries           4096 and 256: checked by the engine
 *                                    against the fixed geometry.
 *   kL1Bytes, kL2Bytes               table sizes; tables are aligned to
 *                                    their size (the walker finds an L2 from
 *                                    the pointer's high bits alone).
 *   kPageSizes                       bitmap of supported page sizes, what
 *                                    iommu_domain.pgsize_bitmap advertises
 *                                    (Exynos: no 16 MB).
 *   kProtHonoured                    the Prot bits the encoders encode; they
 *                                    ignore every other bit (OMAP: none,
 *                                    Exynos: READ and WRITE).  Check it with
 *                                    honours_only_declared_prot() below.
 *   kFault                           the fault entry: 0, since tables come
 *                                    zeroed and the engine relies on a new
 *                                    table being all faults.
 *   kUnusedL1PointsToZeroL2          true: every unused L1 entry links to
 *                                    one shared zeroed L2 instead of being a
 *                                    fault (Exynos v3.3 FLPD cache
 *                                    workaround); the engine allocates it.
 *   kAccessRequired (optional)       true: the entries cannot say "no
 *                                    access" (ARMv7s's simplified AP model
 *                                    makes every mapping readable), so
 *                                    map() refuses a prot with neither
 *                                    IOMMU_READ nor IOMMU_WRITE (-EINVAL)
 *                                    rather than grant what was not asked
 *                                    for.  Absent means false.
 *
 * Const member functions (constexpr where the format allows):
 *   pa_bits()                        physical address width the entries can
 *                                    hold, 32 to 63 (OMAP 32, Exynos v5+
 *                                    36).  The engine refuses to map a PA
 *                                    beyond it (-ERANGE) and to use a table
 *                                    it cannot point to.
 *   l1_table(l2_pa)                  L1 entry pointing at an L2 table.
 *   l1_section(pa, prot)             1 MB section.
 *   l1_supersection(pa, prot)        16 MB supersection (one of its 16
 *                                    identical replicas); only formats with
 *                                    16 MB in kPageSizes need it.
 *   l2_large(pa, prot)               64 KB large page (one of 16 replicas).
 *   l2_small(pa, prot)               4 KB small page.
 *   l1_kind(entry), l2_kind(entry)   classify an entry.
 *   l1_table_pa(entry)               the L2 a table entry points to.
 *   l1_block_pa(entry)               base of a section or supersection.
 *   l2_page_pa(entry)                base of a large or small page.
 *
 * The engine only ever passes encoders addresses aligned to the page size
 * and below 1 << pa_bits(), and passes every one of them the prot the
 * caller gave map(), unchanged (IOMMU_READ.. flags, as Prot): a format
 * encodes the bits of kProtHonoured and ignores the rest.  The engine
 * calls an encoder once per page and writes its result to every replica,
 * so replicas always carry the same permissions.
 */
#ifndef SOCMMU_PGTABLE_FORMAT_H
#define SOCMMU_PGTABLE_FORMAT_H

#include <kcxx/types.h>

#include "table_memory_shim.h"

namespace pgtable {

inline constexpr u64 kSize4K = u64{1} << 12;
inline constexpr u64 kSize64K = u64{1} << 16;
inline constexpr u64 kSize1M = u64{1} << 20;
inline constexpr u64 kSize16M = u64{1} << 24;

/* IOMMU_READ.. as the IOMMU core passes them to map_pages. */
using Prot = u32;
inline constexpr Prot kProtRead = KX_IOMMU_READ;
inline constexpr Prot kProtWrite = KX_IOMMU_WRITE;
inline constexpr Prot kProtCache = KX_IOMMU_CACHE;
inline constexpr Prot kProtNoExec = KX_IOMMU_NOEXEC;
inline constexpr Prot kProtMmio = KX_IOMMU_MMIO;
inline constexpr Prot kProtPriv = KX_IOMMU_PRIV;
inline constexpr Prot kProtAll =
	kProtRead | kProtWrite | kProtCache | kProtNoExec | kProtMmio | kProtPriv;

enum class L1Kind { Fault, Table, Section, Supersection };
enum class L2Kind { Fault, Large, Small };

/* Format::kAccessRequired, false for a format that does not declare it. */
template <typename Format> constexpr bool access_required()
{
	if constexpr (requires { Format::kAccessRequired; })
		return Format::kAccessRequired;
	else
		return false;
}

/*
 * Does @format encode no Prot bit outside Format::kProtHonoured?  Every
 * encoder, for every combination of Prot bits, at @pa (aligned to 16 MB
 * and within pa_bits()) must give the entry it gives for the honoured bits
 * alone.  Constexpr for constexpr formats: static_assert it next to them.
 */
template <typename Format> constexpr bool honours_only_declared_prot(const Format &format, u64 pa)
{
	for (Prot prot = 0; prot <= kProtAll; prot++) {
		const Prot honoured = prot & Format::kProtHonoured;

		if (format.l1_section(pa, prot) != format.l1_section(pa, honoured) ||
		    format.l2_large(pa, prot) != format.l2_large(pa, honoured) ||
		    format.l2_small(pa, prot) != format.l2_small(pa, honoured))
			return false;
		if constexpr (Format::kPageSizes & kSize16M) {
			const auto super = format.l1_supersection(pa, prot);

			if (super != format.l1_supersection(pa, honoured))
				return false;
		}
	}
	return true;
}

} // namespace pgtable

#endif
