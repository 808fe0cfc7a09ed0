/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An address-ordered AVL tree of disjoint ranges [start, start + len) of
 * granule numbers, augmented so that one descent from the root finds the
 * lowest range that can host an allocation.  The IOVA allocator keeps its
 * FREE ranges here (coalesced: no two touch) and its reserved areas in a
 * second instance.  See Documentation/iova-allocator.rst.
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
 * can make sure an operation that must not fail has what it needs.  Every
 * operation is O(log n): a descent, then a walk back to the root that
 * recomputes heights and augmentation and rotates where the AVL balance
 * (subtree heights differ by at most one) is broken.  An AVL tree of n
 * nodes is at most 1.44 log2(n + 2) high.
 */
#ifndef SOCMMU_DMA_FREE_RANGE_TREE_H
#define SOCMMU_DMA_FREE_RANGE_TREE_H

#include <kcxx/bits.h>
#include <kcxx/types.h>
#include <kcxx/utility.h>

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

class FreeRangeTree : kcxx::Pinned {
public:
	FreeRangeTree() = default;

	RangeNode *root() const { return root_; }
	u64 size() const { return size_; }
	int height() const { return height_of(root_); }
	bool empty() const { return root_ == nullptr; }

	/* The orders mask of a single range [start, start + len). */
	static u64 own_orders(u64 start, u64 len)
	{
		if (!len)
			return 0;
		unsigned int k = kcxx::ilog2(len);

		/* 2^k <= len, so an aligned 2^(k-1) block always fits. */
		if (kcxx::align_up(start, u64{1} << k) + (u64{1} << k) > start + len)
			k--;
		return (u64{2} << k) - 1;	/* bits 0..k; all ones for k == 63 */
	}

	/* The range with the largest start <= @key, or nullptr. */
	RangeNode *floor(u64 key) const
	{
		RangeNode *node = root_, *best = nullptr;

		while (node) {
			if (node->start <= key) {
				best = node;
				node = node->right;
			} else {
				node = node->left;
			}
		}
		return best;
	}

	/* The range with the smallest start > @key, or nullptr. */
	RangeNode *above(u64 key) const
	{
		RangeNode *node = root_, *best = nullptr;

		while (node) {
			if (node->start > key) {
				best = node;
				node = node->left;
			} else {
				node = node->right;
			}
		}
		return best;
	}

	/* The range starting exactly at @key, or nullptr. */
	RangeNode *find(u64 key) const
	{
		RangeNode *node = floor(key);

		return node && node->start == key ? node : nullptr;
	}

	/*
	 * The lowest block of 2^@order granules aligned to 2^@order: the
	 * subtree masks say which side holds one, so the descent never
	 * backtracks.
	 */
	bool find_aligned_block(unsigned int order, Placement *out) const
	{
		const u64 bit = u64{1} << order, size = u64{1} << order;
		RangeNode *node = root_;

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
	 * aligned block of 2^@fit_order >= @size granules (then aligned to at
	 * least @align, as @align <= @size).  A range met on the way down that
	 * fits by the luck of its start is taken too, being lower than anything
	 * to its right.
	 */
	bool find_fit(u64 size, u64 align, unsigned int fit_order, Placement *out) const
	{
		const u64 sure_len = size + align - 1, bit = u64{1} << fit_order;
		auto hosts = [&](const RangeNode *n) {
			return n && (n->max_len >= sure_len || (n->orders & bit));
		};
		RangeNode *node = root_;

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

	/* Link @node, whose range overlaps no other, in address order. */
	void insert(RangeNode *node)
	{
		RangeNode **link = &root_, *parent = nullptr;

		while (*link) {
			parent = *link;
			link = node->start < parent->start ? &parent->left : &parent->right;
		}
		node->left = node->right = nullptr;
		node->parent = parent;
		*link = node;
		size_++;
		retrace(node);
	}

	/*
	 * Unlink the range of @node.  With two children the successor's range
	 * moves into @node and the successor's own node goes: the node
	 * returned is the one now out of the tree, not necessarily @node.
	 */
	RangeNode *erase(RangeNode *node)
	{
		if (node->left && node->right) {
			RangeNode *next = node->right;

			while (next->left)
				next = next->left;
			node->start = next->start;
			node->len = next->len;
			node = next;
		}
		RangeNode *child = node->left ? node->left : node->right;
		RangeNode *parent = node->parent;

		replace_child(parent, node, child);
		if (child)
			child->parent = parent;
		size_--;
		retrace(parent);
		node->left = node->right = node->parent = nullptr;
		return node;
	}

	/*
	 * @node's start or length changed without moving it past a neighbour:
	 * recompute the augmentation up to the root.
	 */
	void resized(RangeNode *node)
	{
		for (; node; node = node->parent)
			update(node);
	}

	/* Unlink every node, calling @release(node) on each; O(n). */
	template <typename F> void clear(F &&release)
	{
		RangeNode *node = root_;

		while (node) {
			if (node->left) {
				node = node->left;
			} else if (node->right) {
				node = node->right;
			} else {
				RangeNode *parent = node->parent;

				if (parent)
					(parent->left == node ? parent->left : parent->right) = nullptr;
				release(node);
				node = parent;
			}
		}
		root_ = nullptr;
		size_ = 0;
	}

	/*
	 * For tests: 0 if every invariant holds (order, disjointness, parent
	 * links, AVL balance, heights, augmentation, size, and no two ranges
	 * touching when @coalesced), otherwise a code saying which broke.
	 */
	int validate(bool coalesced) const
	{
		u64 count = 0;
		const RangeNode *prev = nullptr;
		int ret = validate_subtree(root_, nullptr, coalesced, &prev, &count, 0);

		if (!ret && count != size_)
			ret = 9;
		return ret;
	}

private:
	static int height_of(const RangeNode *node) { return node ? node->height : 0; }

	static void update(RangeNode *node)
	{
		const RangeNode *l = node->left, *r = node->right;

		node->height = 1 + kcxx::max(height_of(l), height_of(r));
		node->max_len = node->len;
		node->orders = own_orders(node->start, node->len);
		if (l) {
			node->max_len = kcxx::max(node->max_len, l->max_len);
			node->orders |= l->orders;
		}
		if (r) {
			node->max_len = kcxx::max(node->max_len, r->max_len);
			node->orders |= r->orders;
		}
	}

	void replace_child(RangeNode *parent, RangeNode *old_child, RangeNode *new_child)
	{
		if (!parent)
			root_ = new_child;
		else if (parent->left == old_child)
			parent->left = new_child;
		else
			parent->right = new_child;
	}

	/* Rotate @x down to the left; returns the subtree's new root. */
	RangeNode *rotate_left(RangeNode *x)
	{
		RangeNode *y = x->right;

		x->right = y->left;
		if (y->left)
			y->left->parent = x;
		y->parent = x->parent;
		replace_child(x->parent, x, y);
		y->left = x;
		x->parent = y;
		update(x);
		update(y);
		return y;
	}

	RangeNode *rotate_right(RangeNode *x)
	{
		RangeNode *y = x->left;

		x->left = y->right;
		if (y->right)
			y->right->parent = x;
		y->parent = x->parent;
		replace_child(x->parent, x, y);
		y->right = x;
		x->parent = y;
		update(x);
		update(y);
		return y;
	}

	/* From @node up to the root: recompute, and restore the AVL balance. */
	void retrace(RangeNode *node)
	{
		while (node) {
			update(node);
			int balance = height_of(node->left) - height_of(node->right);

			if (balance > 1) {
				if (height_of(node->left->left) < height_of(node->left->right))
					rotate_left(node->left);
				node = rotate_right(node);
			} else if (balance < -1) {
				if (height_of(node->right->right) < height_of(node->right->left))
					rotate_right(node->right);
				node = rotate_left(node);
			}
			node = node->parent;
		}
	}

	static int validate_subtree(const RangeNode *node, const RangeNode *parent, bool coalesced,
				    const RangeNode **prev, u64 *count, int depth)
	{
		if (!node)
			return 0;
		if (depth > kMaxHeight)
			return 10;	/* no AVL tree is this high: stop recursing */
		if (node->parent != parent)
			return 1;
		int ret = validate_subtree(node->left, node, coalesced, prev, count, depth + 1);
		if (ret)
			return ret;
		if (!node->len)
			return 2;
		if (*prev && (*prev)->end() > node->start)
			return 3;	/* out of order or overlapping */
		if (coalesced && *prev && (*prev)->end() == node->start)
			return 4;	/* touching: should have been merged */
		*prev = node;
		(*count)++;
		ret = validate_subtree(node->right, node, coalesced, prev, count, depth + 1);
		if (ret)
			return ret;
		int hl = height_of(node->left), hr = height_of(node->right);
		if (node->height != 1 + kcxx::max(hl, hr))
			return 5;
		if (hl - hr > 1 || hr - hl > 1)
			return 6;	/* AVL balance broken */
		u64 max_len = node->len, orders = own_orders(node->start, node->len);
		if (node->left) {
			max_len = kcxx::max(max_len, node->left->max_len);
			orders |= node->left->orders;
		}
		if (node->right) {
			max_len = kcxx::max(max_len, node->right->max_len);
			orders |= node->right->orders;
		}
		if (node->max_len != max_len)
			return 7;
		if (node->orders != orders)
			return 8;
		return 0;
	}

	/* 1.44 log2(2^64) */
	static constexpr int kMaxHeight = 93;

	RangeNode *root_ = nullptr;
	u64 size_ = 0;
};

} // namespace socmmu::dma

#endif
