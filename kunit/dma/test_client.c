// SPDX-License-Identifier: GPL-2.0
/*
 * The client driver the DMA-layer suites drive: a platform driver for the
 * test DT's "socmmu,test-dma" nodes and nothing more.  It makes no IOMMU
 * and no PM call; `make check` verifies that from its undefined symbols
 * (scripts/check-client-symbols.sh).  Its devices get their DMA ops and
 * domain from the IOMMU driver's probe_finalize alone.
 */
#include <linux/device.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>

#include "dma_test.h"

static struct device *dma_test_clients[DMA_TEST_NR_CLIENTS];

static int dma_test_client_probe(struct platform_device *pdev)
{
	static const char *const names[DMA_TEST_NR_CLIENTS] = {
		"dma-client0", "dma-client1", "dma-client2",
	};
	int i;

	for (i = 0; i < DMA_TEST_NR_CLIENTS; i++) {
		if (of_node_name_eq(pdev->dev.of_node, names[i]))
			dma_test_clients[i] = &pdev->dev;
	}
	return 0;
}

static void dma_test_client_remove(struct platform_device *pdev)
{
	int i;

	for (i = 0; i < DMA_TEST_NR_CLIENTS; i++) {
		if (dma_test_clients[i] == &pdev->dev)
			dma_test_clients[i] = NULL;
	}
}

static const struct of_device_id dma_test_client_match[] = {
	{ .compatible = "socmmu,test-dma" },
	{}
};

static struct platform_driver dma_test_client_driver = {
	.probe = dma_test_client_probe,
	.remove_new = dma_test_client_remove,
	.driver = {
		.name = "socmmu-dma-test-client",
		.of_match_table = dma_test_client_match,
	},
};

/**
 * dma_test_client() - a DMA client device of the test device tree
 * @index: which, below DMA_TEST_NR_CLIENTS
 *
 * For the mapping rows of `make bench` (kunit/bench/map_bench.c).
 *
 * Return: the bound client device, or NULL.
 */
struct device *dma_test_client(unsigned int index)
{
	return index < DMA_TEST_NR_CLIENTS ? dma_test_clients[index] : NULL;
}
EXPORT_SYMBOL_GPL(dma_test_client);

/* No owner: on 6.1 suites run before the module's init (see suites.c). */
int dma_test_client_register(void)
{
	return __platform_driver_register(&dma_test_client_driver, NULL);
}

void dma_test_client_unregister(void)
{
	platform_driver_unregister(&dma_test_client_driver);
}
