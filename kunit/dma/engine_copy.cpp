// SPDX-License-Identifier: GPL-2.0
/*
 * The DMA engine and its IOVA allocator, compiled into the test module
 * under names of their own (the DMA layer's module links the originals);
 * engine_test.cpp supplies the kernel services they call.
 */
#include "../../dma/dma_engine.cpp"
#include "../../dma/iova_allocator.cpp"
