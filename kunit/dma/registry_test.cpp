// SPDX-License-Identifier: GPL-2.0
/*
 * The registry of the devices the DMA layer serves (dma/dma_devices.h),
 * through the entry points setup and removal call (socmmu_dma exports
 * them to KUnit suites): O(log n) by device, one entry per device.
 */
#include <kcxx/bits.h>
#include <kcxx/errno.h>

#include "../../dma/dma_devices.h"
#include "../kcxx_test.h"
#include "engine_tests.h"

namespace {

const void *fake_device(unsigned int i)
{
	return reinterpret_cast<const void *>(uintptr_t{0x10000} + i * 0x40);
}

/* The AVL bound: height <= 1.45 log2(n) + 2. */
bool height_within_bound(int height, u64 nodes)
{
	if (nodes < 2)
		return static_cast<u64>(height) <= nodes;
	return 100 * static_cast<u64>(height) <= 145 * (kcxx::ilog2(nodes) + 1) + 200;
}

} // namespace

void registry_devices(struct kunit *test) noexcept
{
	constexpr unsigned int n = 1024;
	auto *entries = static_cast<dma_devices_entry *>(
		kx_kunit_kzalloc(test, (n + 1) * sizeof(dma_devices_entry)));
	int err = 0, height;
	u64 count;

	KX_ASSERT_TRUE(test, entries != nullptr);
	dma_devices *devices = dma_devices_create(&err);
	KX_ASSERT_TRUE(test, devices != nullptr);

	/* Devices in ascending address order: the worst case for an unbalanced tree. */
	for (unsigned int i = 0; i < n; i++)
		KX_ASSERT_EQ(test, dma_devices_add(devices, &entries[i], fake_device(i)), 0);
	dma_devices_shape(devices, &count, &height);
	KX_EXPECT_EQ(test, count, u64{n});
	KX_EXPECT_TRUE(test, height_within_bound(height, n));

	/* One entry per device. */
	KX_EXPECT_EQ(test, dma_devices_add(devices, &entries[n], fake_device(5)), -kcxx::EEXIST);
	KX_EXPECT_TRUE(test, dma_devices_find(devices, fake_device(5)) == &entries[5]);

	for (unsigned int i = 0; i < n; i++)
		KX_EXPECT_TRUE(test, dma_devices_find(devices, fake_device(i)) == &entries[i]);
	KX_EXPECT_TRUE(test, dma_devices_find(devices, fake_device(n)) == nullptr);
	KX_EXPECT_TRUE(test, dma_devices_find(devices, reinterpret_cast<const u8 *>(
							      fake_device(3)) + 1) == nullptr);

	/* Every other device goes: found no more, the others still are. */
	for (unsigned int i = 0; i < n; i += 2) {
		KX_EXPECT_TRUE(test, dma_devices_take(devices, fake_device(i)) == &entries[i]);
		KX_EXPECT_TRUE(test, dma_devices_take(devices, fake_device(i)) == nullptr);
	}
	for (unsigned int i = 0; i < n; i++)
		KX_EXPECT_TRUE(test, dma_devices_find(devices, fake_device(i)) ==
				     (i % 2 ? &entries[i] : nullptr));
	dma_devices_shape(devices, &count, &height);
	KX_EXPECT_EQ(test, count, u64{n / 2});
	KX_EXPECT_TRUE(test, height_within_bound(height, n / 2));

	for (unsigned int i = 1; i < n; i += 2)
		KX_EXPECT_TRUE(test, dma_devices_take(devices, fake_device(i)) == &entries[i]);
	dma_devices_shape(devices, &count, &height);
	KX_EXPECT_EQ(test, count, 0u);
	dma_devices_destroy(devices);
}
