// SPDX-License-Identifier: GPL-2.0
/*
 * The DMA engine, compiled into the test module under a name of its own
 * (the DMA layer's module links the original; its IOVA allocator is
 * header-only); engine_test.cpp supplies the kernel services it calls.
 */
#include "../../dma/dma_engine.cpp"
