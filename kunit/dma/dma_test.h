/* SPDX-License-Identifier: GPL-2.0 */
#ifndef SOCMMU_KUNIT_DMA_TEST_H
#define SOCMMU_KUNIT_DMA_TEST_H

struct device;

/*
 * The test DT's DMA clients: dma0 (property window, reserved area), dma1
 * (1 MiB dma-ranges window), dma2 (default window).
 */
#define DMA_TEST_NR_CLIENTS 3

struct device *dma_test_client(unsigned int index);
int dma_test_client_register(void);
void dma_test_client_unregister(void);

#endif
