/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An intrusive AVL tree: the DMA layer's one balanced tree.  It keeps the
 * IOVA allocator's free ranges (free_range_tree.h, augmented), the
 * coherent buffers of a device by IOVA and the devices the layer serves
 * (dma_registry.h).  See Documentation/iova-allocator.rst.
 *
 * A node type T carries the links itself, so the tree never allocates and
 * its nodes may live in C structures:
 *
 *	T *left, *right, *parent;
 *	int height;		(of the subtree; a leaf is 1)
 *
 * Traits says how nodes are ordered and what they summarise:
 *
 *	static u64 key(const T &node);	unique in one tree
 *	static void augment(T &node);	recompute @node's summary of its
 *					subtree from itself and its children
 *					(which are up to date); may do nothing
 *
 * Every operation is O(log n): a descent, then a walk back to the root that
 * recomputes heights and summaries and rotates where the AVL balance
 * (subtree heights differ by at most one) is broken.  An AVL tree of n
 * nodes is at most 1.44 log2(n + 2) high.  Nodes never move between
 * objects: erase() unlinks exactly the node it is given.
 */
#ifndef SOCMMU_DMA_AVL_TREE_H
#define SOCMMU_DMA_AVL_TREE_H

#include <kcxx/types.h>
#include <kcxx/utility.h>

namespace socmmu::dma {

template <typename T, typename Traits> class AvlTree : kcxx::Pinned {
public:
	AvlTree() = default;

	T *root() const { return root_; }
	u64 size() const { return size_; }
	int height() const { return height_of(root_); }
	bool empty() const { return root_ == nullptr; }

	/* The node with the largest key <= @key, or nullptr. */
	T *floor(u64 key) const
	{
		T *node = root_, *best = nullptr;

		while (node) {
			if (Traits::key(*node) <= key) {
				best = node;
				node = node->right;
			} else {
				node = node->left;
			}
		}
		return best;
	}

	/* The node with the smallest key > @key, or nullptr. */
	T *above(u64 key) const
	{
		T *node = root_, *best = nullptr;

		while (node) {
			if (Traits::key(*node) > key) {
				best = node;
				node = node->left;
			} else {
				node = node->right;
			}
		}
		return best;
	}

	/* The node whose key is @key, or nullptr. */
	T *find(u64 key) const
	{
		T *node = floor(key);

		return node && Traits::key(*node) == key ? node : nullptr;
	}

	/* The node with the smallest key, or nullptr. */
	T *first() const { return root_ ? leftmost(root_) : nullptr; }

	/* Link @node, whose key no other node has. */
	void insert(T *node)
	{
		T **link = &root_, *parent = nullptr;
		const u64 key = Traits::key(*node);

		while (*link) {
			parent = *link;
			link = key < Traits::key(*parent) ? &parent->left : &parent->right;
		}
		node->left = node->right = nullptr;
		node->parent = parent;
		node->height = 1;
		*link = node;
		size_++;
		retrace(node);
	}

	/* Unlink @node, which is in this tree. */
	void erase(T *node)
	{
		T *from;	/* the lowest node whose subtree changed */

		if (node->left && node->right) {
			/* Its successor, which has no left child, takes its place. */
			T *next = leftmost(node->right);

			if (next == node->right) {
				from = next;
			} else {
				from = next->parent;
				from->left = next->right;
				if (next->right)
					next->right->parent = from;
				next->right = node->right;
				node->right->parent = next;
			}
			next->left = node->left;
			node->left->parent = next;
			next->parent = node->parent;
			replace_child(node->parent, node, next);
		} else {
			T *child = node->left ? node->left : node->right;

			from = node->parent;
			replace_child(from, node, child);
			if (child)
				child->parent = from;
		}
		size_--;
		retrace(from);
		node->left = node->right = node->parent = nullptr;
	}

	/*
	 * What @node summarises changed, its key did not move it past a
	 * neighbour: recompute the summaries up to the root.
	 */
	void refresh(T *node)
	{
		for (; node; node = node->parent)
			update(node);
	}

	/* Unlink every node, calling @release(node) on each; O(n). */
	template <typename F> void clear(F &&release)
	{
		T *node = root_;

		while (node) {
			if (node->left) {
				node = node->left;
			} else if (node->right) {
				node = node->right;
			} else {
				T *parent = node->parent;

				if (parent)
					(parent->left == node ? parent->left : parent->right) = nullptr;
				node->parent = nullptr;
				release(node);
				node = parent;
			}
		}
		root_ = nullptr;
		size_ = 0;
	}

	/*
	 * For tests: 0 if the tree's own invariants hold (parent links, keys in
	 * strictly increasing order, heights, AVL balance, size) and
	 * @check(prev, node) returns 0 for every node in order (prev: the node
	 * before it, or nullptr), else the first failing code.  Codes of the
	 * tree: 1 parent link, 3 key order, 5 height, 6 balance, 9 size,
	 * 10 too high to be an AVL tree.
	 */
	template <typename F> int validate(F &&check) const
	{
		u64 count = 0;
		const T *prev = nullptr;
		int ret = validate_subtree(root_, nullptr, check, &prev, &count, 0);

		if (!ret && count != size_)
			ret = 9;
		return ret;
	}

	int validate() const
	{
		return validate([](const T *, const T &) { return 0; });
	}

private:
	static int height_of(const T *node) { return node ? node->height : 0; }

	static T *leftmost(T *node)
	{
		while (node->left)
			node = node->left;
		return node;
	}

	static void update(T *node)
	{
		node->height = 1 + kcxx::max(height_of(node->left), height_of(node->right));
		Traits::augment(*node);
	}

	void replace_child(T *parent, T *old_child, T *new_child)
	{
		if (!parent)
			root_ = new_child;
		else if (parent->left == old_child)
			parent->left = new_child;
		else
			parent->right = new_child;
	}

	/* Rotate @x down to the left; returns the subtree's new root. */
	T *rotate_left(T *x)
	{
		T *y = x->right;

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

	T *rotate_right(T *x)
	{
		T *y = x->left;

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

	/*
	 * From @node up to the root: recompute, and restore the AVL balance.
	 * The whole path, always: summaries above may change even where no
	 * height does.
	 */
	void retrace(T *node)
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

	template <typename F>
	static int validate_subtree(const T *node, const T *parent, F &check, const T **prev,
				    u64 *count, int depth)
	{
		if (!node)
			return 0;
		if (depth > kMaxHeight)
			return 10;	/* no AVL tree is this high: stop recursing */
		if (node->parent != parent)
			return 1;
		int ret = validate_subtree(node->left, node, check, prev, count, depth + 1);
		if (ret)
			return ret;
		if (*prev && Traits::key(**prev) >= Traits::key(*node))
			return 3;
		ret = check(*prev, *node);
		if (ret)
			return ret;
		*prev = node;
		(*count)++;
		ret = validate_subtree(node->right, node, check, prev, count, depth + 1);
		if (ret)
			return ret;
		int hl = height_of(node->left), hr = height_of(node->right);
		if (node->height != 1 + kcxx::max(hl, hr))
			return 5;
		if (hl - hr > 1 || hr - hl > 1)
			return 6;
		return 0;
	}

	/* 1.44 log2(2^64) */
	static constexpr int kMaxHeight = 93;

	T *root_ = nullptr;
	u64 size_ = 0;
};

} // namespace socmmu::dma

#endif
