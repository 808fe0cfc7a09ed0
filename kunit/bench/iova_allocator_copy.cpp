// SPDX-License-Identifier: GPL-2.0
/*
 * The IOVA allocator, compiled into the bench module under a name of its
 * own: the DMA layer's module links the original.
 */
#include "../../dma/iova_allocator.cpp"
