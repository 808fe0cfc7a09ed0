/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KX_SHIM_MMIO_H
#define KX_SHIM_MMIO_H

#include <shim/base.h>

/* An ioremap()ed register window: `void __iomem *` on the C side. */
struct kx_iomem;

KX_BEGIN_DECLS

struct kx_iomem *kx_ioremap(u64 phys, size_t size) KX_NOEXCEPT;
void kx_iounmap(struct kx_iomem *base) KX_NOEXCEPT;

/* readl()/writel(): ordered against the CPU's normal memory accesses. */
u32 kx_readl(const struct kx_iomem *base, u32 offset) KX_NOEXCEPT;
void kx_writel(struct kx_iomem *base, u32 offset, u32 value) KX_NOEXCEPT;
/* The _relaxed forms: ordered only against other MMIO to the same device. */
u32 kx_readl_relaxed(const struct kx_iomem *base, u32 offset) KX_NOEXCEPT;
void kx_writel_relaxed(struct kx_iomem *base, u32 offset, u32 value) KX_NOEXCEPT;

KX_END_DECLS

#endif
