/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux 6.1 against 6.12: every difference the C shims must bridge is
 * named here, once.  Included by C shims only, after the kernel headers
 * it tests.
 */
#ifndef KX_SHIM_KCOMPAT_H
#define KX_SHIM_KCOMPAT_H

#include <linux/version.h>

/*
 * Per-device dma_map_ops: CONFIG_DMA_OPS on 6.1, CONFIG_ARCH_HAS_DMA_OPS
 * from 6.8 on (ARM32 selects it; our 6.12 UML test kernel is patched to,
 * see Documentation/dma-ops-on-uml.rst).  Without either, set_dma_ops()
 * is an empty inline.
 */
#if defined(CONFIG_DMA_OPS) || defined(CONFIG_ARCH_HAS_DMA_OPS)
#define KX_HAVE_DMA_OPS 1
#else
#define KX_HAVE_DMA_OPS 0
#endif

#endif
