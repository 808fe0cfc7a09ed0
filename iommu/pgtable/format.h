/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every short-descriptor format shares, and the contract a Format
 * type fulfils for ShortDescTable<Format> (short_desc_table.h).
 *
 * The geometry is fixed by the ARM short-descriptor family: a 32-bit IOVA,
 * an L1 entry per 1 MB, an L2 entry per 4 KB, 64 KB pages and 16 MB
 * supersections written as 16 identical consecutive entries.  OMAP,
 * Exynos and ARMv7s differ only in how entries are encoded, which sizes
 * exist, how wide a physical address is, and whether an unused L1 entry
 * is a fault or a link to a shared empty L2.  Those are the hooks:
 *
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
 *   kPaBits                          physical address width the entries
 *                                    can hold (OMAP 32, Exynos v5+ 36).
 *   kPaShift                         how far PAs are shifted right when
 *                                    stored (Exynos v5+: 4); used only
 *                                    inside the format's own encode/decode.
 *   kFault                           an entry the walker faults on.
 *   kUnusedL1PointsToZeroL2          true: every unused L1 entry links to
 *                                    one shared zeroed L2 instead of being a
 *                                    fault (Exynos v3.3 FLPD cache
 *                                    workaround); the engine allocates it.
 *   l1_table(l2_pa)                  L1 entry pointing at an L2 table.
 *   l1_section(pa, prot)             1 MB section.
 *   l1_supersection(pa, prot)        16 MB supersection (one of its 16
 *                                    identical replicas).
 *   l2_large(pa, prot)               64 KB large page (one of 16 replicas).
 *   l2_small(pa, prot)               4 KB small page.
 *   l1_kind(entry), l2_kind(entry)   classify an entry.
 *   l1_table_pa(entry)               the L2 a table entry points to.
 *   l1_block_pa(entry)               base of a section or supersection.
 *   l2_page_pa(entry)                base of a large or small page.
 *
 * The engine only ever passes encoders addresses aligned to the page size
 * and below 1 << kPaBits, and permissions as IOMMU_READ.. flags (Prot).
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

enum class L1Kind { Fault, Table, Section, Supersection };
enum class L2Kind { Fault, Large, Small };

} // namespace pgtable

#endif
