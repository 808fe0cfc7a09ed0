/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the Exynos driver's C++ cases share: the set-up of a client with a
 * domain, and the model's view of it.  C++ only.
 */
#ifndef SOCMMU_EXYNOS_IOMMU_TEST_UTIL_H
#define SOCMMU_EXYNOS_IOMMU_TEST_UTIL_H

#include <kcxx/types.h>

#include "../exynos_model/exynos_model.h"
#include "../kcxx_test.h"
#include "exynos_iommu_test.h"

namespace eit {

inline constexpr u64 k4K = 0x1000;
inline constexpr u64 k64K = 0x10000;
inline constexpr u64 k1M = 0x100000;
inline constexpr int kRW = EIT_READ | EIT_WRITE;

/* The variants, one client and one SYSMMU each. */
inline constexpr eit_id kVariants[] = { EIT_V1, EIT_V2, EIT_V31, EIT_V32,
					    EIT_V33, EIT_V5, EIT_V7, EIT_V7VM };

/* v5 and later: PA >> 4 entries, a R/W permission field, FLUSH_RANGE. */
constexpr bool v5_plus(eit_id which)
{
	return which >= EIT_V5;
}

/* v3.3 and later: the FLPD cache keeps the zero-L2 link. */
constexpr bool has_flpd(eit_id which)
{
	return which >= EIT_V33;
}

struct Setup {
	struct device *client;
	struct iommu_domain *domain;
	struct exynos_model *mmu;
};

inline struct exynos_model_counters counters(struct exynos_model *m)
{
	struct exynos_model_counters c;

	exynos_model_counters(m, &c);
	return c;
}

inline void fill(u8 *p, size_t len, u8 seed)
{
	for (size_t i = 0; i < len; i++)
		p[i] = static_cast<u8>(seed + i * 7);
}

inline bool same(const u8 *a, const u8 *b, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (a[i] != b[i])
			return false;
	}
	return true;
}

/*
 * A domain attached to @which (when @attach), the client runtime-active:
 * its SYSMMUs are powered through the device links.  Null members after
 * a failed assertion; the case has ended then.
 */
inline Setup setup(struct kunit *test, eit_id which, bool attach = true)
{
	Setup s = {};

	s.client = eit_client(which);
	KX_ASSERT_TRUE(test, s.client != nullptr);
	s.mmu = eit_model(which, 0);
	KX_ASSERT_TRUE(test, s.mmu != nullptr);
	s.domain = eit_domain_alloc(s.client);
	KX_ASSERT_TRUE(test, s.domain != nullptr);
	if (attach)
		KX_ASSERT_EQ(test, eit_attach(s.domain, s.client), 0);
	KX_ASSERT_EQ(test, eit_client_get(s.client), 0);
	KX_ASSERT_TRUE(test, exynos_model_powered(s.mmu));
	return s;
}

/* A model translation; ~0 when it does not complete. */
inline u64 phys_of(struct exynos_model *m, u64 iova, bool write = false)
{
	exynos_model_result res;

	if (exynos_model_translate(m, static_cast<u32>(iova), write, &res) != EXYNOS_MODEL_OK)
		return ~u64{0};
	return res.phys;
}

} // namespace eit

#define EIT_EXPECT_HAS(test, text, needle)                                              \
	do {                                                                            \
		if (!eit_contains((text), (needle))) {                                  \
			kx_kunit_fail((test), __FILE__, __LINE__, "expected \"%s\" in it", \
				      (needle));                                        \
			eit_log((test), "read", (text));                                \
		}                                                                       \
	} while (0)

#define EIT_EXPECT_HASNT(test, text, needle)                                            \
	do {                                                                            \
		if (eit_contains((text), (needle))) {                                   \
			kx_kunit_fail((test), __FILE__, __LINE__, "unexpected \"%s\" in it", \
				      (needle));                                        \
			eit_log((test), "read", (text));                                \
		}                                                                       \
	} while (0)

#endif
