// SPDX-License-Identifier: GPL-2.0
/*
 * The IOVA allocator, compiled into the test module under a name of its
 * own (the DMA layer's module links the original), with its test hooks
 * (iova_tests.h) switched on.
 */
#include "iova_tests.h"

namespace {

unsigned int nodes_to_fail;
u64 node_allocs[2];	/* sleepable, atomic */

} // namespace

void iova_test_fail_node_allocs(unsigned int count)
{
	nodes_to_fail = count;
}

u64 iova_test_node_allocs(bool atomic)
{
	return node_allocs[atomic];
}

bool iova_test_node_alloc_hook(bool atomic)
{
	node_allocs[atomic]++;
	if (!nodes_to_fail)
		return false;
	nodes_to_fail--;
	return true;
}

#define SOCMMU_IOVA_FAULT_INJECTION 1
#include "../../dma/iova_allocator.cpp"
