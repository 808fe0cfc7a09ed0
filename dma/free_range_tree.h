/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An address-ordered AVL tree (avl_tree.h) of disjoint ranges
 * [start, start + len) of granule numbers, augmented so that one descent
 * from the root finds the lowest range that can host an allocation.  The
 * IOVA allocator keeps its FREE ranges here (coalesced: no two touch) and
 * its reserved areas in a second instance.  See
 * Documentation/iova-allocator.rst.
 *
 * Each node also records, for its subtree:
 *  - max_len: the longest range;
 *  - orders: bit k set iff some range holds a block of 2^k granules aligned
 *    to 2^k.  Within one range these orders are 0..m for some m (a range
 *    holding an aligned 2^k block holds an aligned 2^(k-1) block), so the
 *    mask of a node is a low mask, and that of a subtree the OR of them.
 *
 * The tree never allocates: callers hand it nodes and take back the ones
 * it unlinks, so the allocator decides where node memory comes from and
 * can make sure an operation that must not fail has what it needs.
 */
#ifndef SOCMMU_DMA_FREE_RANGE_TREE_H
#define SOCMMU_DMA_FREE_RANGE_TREE_H

#include <kcxx/bits.h>
#include <kcxx/types.h>
#include <kcxx/utility.h>

#include "avl_tree.h"

namespace socmmu::dma {

struct RangeNode {
	u64 start = 0;		/* in granules */
	u64 len = 0;		/* in granules, never 0 in a tree */
	RangeNode *left = nullptr;
	RangeNode *right = nullptr;
	RangeNode *parent = nullptr;
	u64 max_len = 0;	/* of the subtree */
	u64 orders = 0;		/* of the subtree, see above */
	int height = 0;		/* of the subtree; a leaf is 1 */

	u64 end() const { return start + len; }
};

/* Where an allocation of @size granules aligned to @align granules goes. */
struct Placement {
	RangeNode *node;
	u64 at;
};

/* The orders mask of a single range [start, start + len). */
constexpr u64 range_orders(u64 start, u64 len)
{
	if (!len)
		return 0;
	unsigned int k = kcxx::ilog2(len);

	/* 2^k <= len, so an aligned 2^(k-1) block always fits. */
	if (kcxx::align_up(start, u64{1} << k) + (u64{1} << k) > start + len)
		k--;
	return (u64{2} << k) - 1;	/* bits 0..k; all ones for k == 63 */
}

struct RangeTraits {
	static u64 key(const RangeNode &node) { return node.start; }

	static void augment(RangeNode &node)
	{
		const RangeNode *l = node.left, *r = node.right;

		node.max_len = node.len;
		node.orders = range_orders(node.start, node.len);
		if (l) {
			node.max_len = kcxx::max(node.max_len, l->max_len);
			node.orders |= l->orders;
		}
		if (r) {
			node.max_len = kcxx::max(node.max_len, r->max_len);
			node.orders |= r->orders;
		}
	}
};

class FreeRangeTree : public AvlTree<RangeNode, RangeTraits> {
public:
	static u64 own_orders(u64 start, u64 len) { return range_orders(start, len); }

	/*
	 * The lowest block of 2^@order granules aligned to 2^@order: the
	 * subtree masks say which side holds one, so the descent never
	 * backtracks.
	 */
	bool find_aligned_block(unsigned int order, Placement *out) const
	{
		const u64 bit = u64{1} << order, size = u64{1} << order;
		RangeNode *node = root();

		if (!node || !(node->orders & bit))
			return false;
		while (node) {
			if (node->left && (node->left->orders & bit)) {
				node = node->left;
				continue;
			}
			u64 at = kcxx::align_up(node->start, size);
			if (at + size <= node->end()) {
				*out = {node, at};
				return true;
			}
			node = node->right;	/* holds one: the subtree did */
		}
		return false;
	}

	/*
	 * The lowest range that surely hosts @size granules aligned to @align
	 * (a power of two): one at least @size + @align - 1 long, or holding an
	 * aligned block of 2^@fit_order granules, which the caller makes at
	 * least @size and at least @align (the block's start is then aligned
	 * to @align).  A range met on the way down that
	 * fits by the luck of its start is taken too, being lower than anything
	 * to its right.
	 */
	bool find_fit(u64 size, u64 align, unsigned int fit_order, Placement *out) const
	{
		const u64 sure_len = size + align - 1, bit = u64{1} << fit_order;
		auto hosts = [&](const RangeNode *n) {
			return n && (n->max_len >= sure_len || (n->orders & bit));
		};
		RangeNode *node = root();

		while (node) {
			if (hosts(node->left)) {
				node = node->left;
				continue;
			}
			u64 at = kcxx::align_up(node->start, align);
			if (at + size <= node->end()) {
				*out = {node, at};
				return true;
			}
			if (!hosts(node->right))
				return false;
			node = node->right;
		}
		return false;
	}

	/* Unlink @node and hand it back. */
	RangeNode *erase(RangeNode *node)
	{
		AvlTree::erase(node);
		return node;
	}

	/* @node's start or length changed without moving it past a neighbour. */
	void resized(RangeNode *node) { refresh(node); }

	/*
	 * For tests: 0 if every invariant holds (the tree's, see avl_tree.h,
	 * and: no empty range 2, no overlap 3, no two ranges touching when
	 * @coalesced 4, max_len 7, orders 8), otherwise the code that broke.
	 */
	int validate(bool coalesced) const
	{
		return AvlTree::validate([coalesced](const RangeNode *prev, const RangeNode &node) {
			if (!node.len)
				return 2;
			if (prev && prev->end() > node.start)
				return 3;
			if (coalesced && prev && prev->end() == node.start)
				return 4;
			RangeNode copy = node;

			RangeTraits::augment(copy);
			if (copy.max_len != node.max_len)
				return 7;
			if (copy.orders != node.orders)
				return 8;
			return 0;
		});
	}
};

} // namespace socmmu::dma

#endif
