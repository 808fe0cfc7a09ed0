// SPDX-License-Identifier: GPL-2.0
/*
 * Register access for C++.  All of it goes through the kernel's own
 * accessors, so their barriers hold, and on UML through logic_iomem, which
 * is how the hardware models in kunit/ see the driver's accesses.
 */
#include <linux/export.h>
#include <linux/io.h>

#include <shim/mmio.h>

static void __iomem *to_iomem(const struct kx_iomem *base, u32 offset)
{
	return (void __iomem *)((__force unsigned long)base + offset);
}

/**
 * kx_ioremap() - ioremap() for C++
 * @phys: physical address of the register window
 * @size: its size in bytes
 *
 * Return: the mapping, or NULL.
 */
struct kx_iomem *kx_ioremap(u64 phys, size_t size)
{
	return (__force struct kx_iomem *)ioremap(phys, size);
}
EXPORT_SYMBOL_GPL(kx_ioremap);

/**
 * kx_iounmap() - iounmap() for C++
 * @base: what kx_ioremap() returned
 */
void kx_iounmap(struct kx_iomem *base)
{
	iounmap((__force void __iomem *)base);
}
EXPORT_SYMBOL_GPL(kx_iounmap);

/**
 * kx_readl() - readl() at an offset into a register window
 * @base: the window
 * @offset: byte offset of the register
 *
 * Return: the register's value.
 */
u32 kx_readl(const struct kx_iomem *base, u32 offset)
{
	return readl(to_iomem(base, offset));
}
EXPORT_SYMBOL_GPL(kx_readl);

/**
 * kx_writel() - writel() at an offset into a register window
 * @base: the window
 * @offset: byte offset of the register
 * @value: what to write
 */
void kx_writel(struct kx_iomem *base, u32 offset, u32 value)
{
	writel(value, to_iomem(base, offset));
}
EXPORT_SYMBOL_GPL(kx_writel);

/**
 * kx_readl_relaxed() - readl_relaxed() at an offset into a register window
 * @base: the window
 * @offset: byte offset of the register
 *
 * Return: the register's value.
 */
u32 kx_readl_relaxed(const struct kx_iomem *base, u32 offset)
{
	return readl_relaxed(to_iomem(base, offset));
}
EXPORT_SYMBOL_GPL(kx_readl_relaxed);

/**
 * kx_writel_relaxed() - writel_relaxed() at an offset into a register window
 * @base: the window
 * @offset: byte offset of the register
 * @value: what to write
 */
void kx_writel_relaxed(struct kx_iomem *base, u32 offset, u32 value)
{
	writel_relaxed(value, to_iomem(base, offset));
}
EXPORT_SYMBOL_GPL(kx_writel_relaxed);
