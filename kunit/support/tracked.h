/* SPDX-License-Identifier: GPL-2.0 */
/* An object that counts its constructions and destructions, for tests. */
#ifndef SOCMMU_TRACKED_H
#define SOCMMU_TRACKED_H

namespace kcxx::test {

struct Tracked {
	static inline int constructed;
	static inline int destroyed;

	static void reset_counts()
	{
		constructed = 0;
		destroyed = 0;
	}

	explicit Tracked(int v = 0) : value(v) { constructed++; }
	Tracked(const Tracked &other) : value(other.value) { constructed++; }
	Tracked(Tracked &&other) : value(other.value) { constructed++; }
	~Tracked() { destroyed++; }

	int value;
};

/* Hide a value from the optimiser so the run-time path is what gets tested. */
template <typename T> T opaque(T value)
{
	asm volatile("" : "+r"(value));
	return value;
}

} // namespace kcxx::test

#endif
