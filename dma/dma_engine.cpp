// SPDX-License-Identifier: GPL-2.0
/*
 * One device's DMA engine: IOVAs from the window's allocator, mapped into
 * the device's IOMMU domain through the backend it was created with, and
 * given back only once the IOMMU can no longer reach them (strict: before
 * unmap returns; deferred: at the next flush-queue drain).  It also files
 * the device's coherent buffers and answers the DMA API's questions about
 * cache maintenance and limits.  See Documentation/dma-layer.rst.
 */
#include <kcxx/atomic.h>
#include <kcxx/bits.h>
#include <kcxx/errno.h>
#include <kcxx/lock.h>
#include <kcxx/log.h>
#include <kcxx/owner.h>
#include <kcxx/result.h>

#include "buffer_registry.h"
#include "dma_engine.h"
#include "iova_allocator.h"

namespace {

using kcxx::AllocContext;
using kcxx::Error;
using kcxx::Result;
using socmmu::dma::IovaAllocator;

/*
 * How a scatterlist lands in one IOVA range: every segment starts at the
 * granule offset of its physical address, segments follow each other at
 * granule boundaries, and a segment is padded to the next segment boundary
 * when it would otherwise cross one.
 */
struct SgLayout {
	u64 iova_len = 0;
	u64 boundary = 0;	/* seg_mask + 1, or 0 when it cannot matter */
	bool padded = false;	/* some segment was moved to a boundary */
	bool whole = true;	/* every segment starts and ends on a granule */
};

/*
 * A scatterlist's entries, DMA_SG_BATCH per backend call: each entry's
 * CPU side is copied once, and the walk makes no indirect call of its own.
 */
class SgReader {
public:
	SgReader(const dma_engine_backend &be, scatterlist *sg, int nents, bool clear_dma)
		: be_(be), cursor_(sg), left_(static_cast<unsigned int>(nents)), clear_(clear_dma)
	{
	}

	bool next(dma_sg_entry *out)
	{
		if (pos_ == have_) {
			if (!left_)
				return false;
			have_ = kcxx::min(left_, static_cast<unsigned int>(DMA_SG_BATCH));
			be_.sg_read(&cursor_, batch_, have_, clear_);
			left_ -= have_;
			pos_ = 0;
		}
		*out = batch_[pos_++];
		return true;
	}

private:
	const dma_engine_backend &be_;
	scatterlist *cursor_;
	unsigned int left_;
	unsigned int have_ = 0, pos_ = 0;
	bool clear_;
	dma_sg_entry batch_[DMA_SG_BATCH];
};

/* DMA segments into consecutive entries, DMA_SG_BATCH per backend call. */
class SgWriter {
public:
	SgWriter(const dma_engine_backend &be, scatterlist *sg) : be_(be), cursor_(sg) {}

	void put(u64 addr, u64 len)
	{
		batch_[n_++] = { addr, static_cast<u32>(len) };
		if (n_ == DMA_SG_BATCH)
			flush();
	}

	void flush()
	{
		if (n_)
			be_.sg_write_dma(&cursor_, batch_, n_);
		n_ = 0;
	}

private:
	const dma_engine_backend &be_;
	scatterlist *cursor_;
	unsigned int n_ = 0;
	dma_sg_seg batch_[DMA_SG_BATCH];
};

/*
 * The runs of one mapping to the IOMMU: DMA_SG_BATCH to a call with a
 * backend that has map_runs, one call each otherwise.  It counts what was
 * mapped for the caller to undo after a failure: the runs of the calls
 * that succeeded (a failed call leaves none of its own mapped).
 */
class RunMapper {
public:
	RunMapper(const dma_engine_backend &be, void *ctx, int prot, bool atomic)
		: be_(be), ctx_(ctx), prot_(prot), atomic_(atomic)
	{
	}

	int add(u64 iova, u64 phys, u64 size)
	{
		if (!be_.map_runs) {
			int ret = be_.map(ctx_, iova, phys, size, prot_, atomic_);

			if (!ret)
				account(1, size);
			return ret;
		}
		runs_[n_++] = { iova, phys, size };
		batch_bytes_ += size;
		return n_ == DMA_SG_BATCH ? flush() : 0;
	}

	/* After the last add(). */
	int flush()
	{
		if (!n_)
			return 0;
		int ret = be_.map_runs(ctx_, runs_, n_, prot_, atomic_);

		if (!ret)
			account(n_, batch_bytes_);
		n_ = 0;
		batch_bytes_ = 0;
		return ret;
	}

	unsigned int mapped_runs() const { return mapped_runs_; }
	u64 mapped_bytes() const { return mapped_bytes_; }

private:
	void account(unsigned int runs, u64 bytes)
	{
		mapped_runs_ += runs;
		mapped_bytes_ += bytes;
	}

	const dma_engine_backend &be_;
	void *const ctx_;
	const int prot_;
	const bool atomic_;
	unsigned int n_ = 0;
	u64 batch_bytes_ = 0;
	unsigned int mapped_runs_ = 0;
	u64 mapped_bytes_ = 0;
	kx_map_run runs_[DMA_SG_BATCH];
};

/*
 * Entries laid end to end become runs: an entry joins the run before it
 * when it is adjacent both physically and in the IOVA range, so that a
 * run is one IOMMU call with the largest pages it allows.  @emit(iova,
 * phys, len) gets each finished run; its non-zero return stops the walk.
 */
class RunJoiner {
public:
	template <typename Emit>
	int add(u64 at, u64 phys, u64 len, Emit emit)
	{
		if (len_ && (phys_ + len_ != phys || at_ + len_ != at)) {
			if (int ret = emit(at_, phys_, len_))
				return ret;
			len_ = 0;
		}
		if (!len_) {
			at_ = at;
			phys_ = phys;
		}
		len_ += len;
		return 0;
	}

	/* After the last add(). */
	template <typename Emit>
	int finish(Emit emit)
	{
		return len_ ? emit(at_, phys_, len_) : 0;
	}

private:
	u64 at_ = 0, phys_ = 0, len_ = 0;
};

/*
 * The runs of the list map_sg() is laying out, at offsets from the start
 * of its range, kept so that mapping them needs no second walk of the
 * list: that walk was most of what our map_sg() cost above the kernel's
 * alloc_iova_fast() + iommu_map_sg() (Documentation/performance.rst).
 * The engine has one; a map_sg() that finds it taken (another CPU, or an
 * interrupt on this one) walks twice instead of waiting.
 */
class RunLog {
public:
	/* Whether the caller now holds the log; release() when done. */
	bool claim()
	{
		u32 free = 0;

		return kcxx::cmpxchg_acquire(&busy_, &free, 1);
	}

	void release() { __atomic_store_n(&busy_, 0, __ATOMIC_RELEASE); }

	void start()
	{
		n_ = 0;
		overflowed_ = false;
	}

	void add(u64 offset, u64 phys, u64 len)
	{
		if (n_ == DMA_RUN_LOG)
			overflowed_ = true;
		else
			runs_[n_++] = { offset, phys, len };
	}

	/* Every run of the list is here. */
	bool complete() const { return !overflowed_; }
	unsigned int count() const { return n_; }

	/* The runs, moved from offsets to IOVAs from @iova. */
	const kx_map_run *placed_at(u64 iova)
	{
		for (unsigned int i = 0; i < n_; i++)
			runs_[i].iova += iova;
		return runs_;
	}

private:
	u32 busy_ = 0;
	unsigned int n_ = 0;
	bool overflowed_ = false;
	kx_map_run runs_[DMA_RUN_LOG];
};

/* The engine's run log for one map_sg(), if it is free and of use. */
class RunLogClaim {
public:
	RunLogClaim(RunLog &log, bool wanted) : log_(wanted && log.claim() ? &log : nullptr)
	{
		if (log_)
			log_->start();
	}

	~RunLogClaim()
	{
		if (log_)
			log_->release();
	}

	RunLogClaim(const RunLogClaim &) = delete;
	RunLogClaim &operator=(const RunLogClaim &) = delete;

	RunLog *log() const { return log_; }

private:
	RunLog *const log_;
};

/*
 * A statistics counter += @delta, atomic against whatever can run
 * concurrently, as kcxx/atomic.h's are: on a uniprocessor x86 kernel
 * (UML) one unlocked add, which no interrupt can split, where GCC's
 * builtin locks the bus (13 ns on the bench's host, four per map and
 * unmap); the builtin everywhere else.
 */
inline void counter_add(u64 *p, u64 delta)
{
#if defined(KX_UP) && defined(__x86_64__)
	asm volatile("addq %1, %0" : "+m"(*p) : "er"(delta) : "cc");
#else
	__atomic_add_fetch(p, delta, __ATOMIC_RELAXED);
#endif
}

/* The highest IOVA + 1 a DMA mask allows. */
constexpr u64 mask_limit(u64 mask)
{
	return mask == ~u64{0} ? mask : mask + 1;
}

} // namespace

struct dma_engine {
public:
	dma_engine(const dma_engine_config &cfg, kcxx::Owner<IovaAllocator> iovas)
		: cfg_(cfg), be_(*cfg.backend), iovas_(kcxx::move(iovas)), buffers_(cfg.cpu_page)
	{
	}

	~dma_engine()
	{
		u64 buffers, height;

		flush_queue();
		/* The shim sweeps them first: one left would be freed memory. */
		buffers_.shape(&buffers, &height);
		KCXX_WARN_ON(buffers);
	}

	Result<void> reserve(u64 start, u64 size) { return iovas_->reserve(start, size); }
	void unreserve(u64 start, u64 size) { iovas_->unreserve(start, size); }

	Result<u64> map_chunks(const dma_chunk *chunks, unsigned int n, const dma_access &access)
	{
		return map_runs(n, [&](unsigned int i) { return chunks[i]; }, access);
	}

	Result<u64> map_pages(const u64 *phys, unsigned int n, const dma_access &access)
	{
		return map_runs(n, [&](unsigned int i) { return dma_chunk{ phys[i], cfg_.cpu_page }; },
				access);
	}

	Result<u64> map_phys(u64 phys, u64 size, const dma_access &access)
	{
		if (!size || kcxx::range_overflows(phys, size))
			return Error(-kcxx::EINVAL);
		u64 start = kcxx::align_down(phys, cfg_.granule);
		dma_chunk chunk = { start, kcxx::align_up(phys + size, cfg_.granule) - start };
		u64 iova = KCXX_TRY(map_chunks(&chunk, 1, access));
		return iova + (phys - start);
	}

	void unmap_phys(u64 iova, u64 size)
	{
		u64 start = kcxx::align_down(iova, cfg_.granule);

		unmap_range(start, kcxx::align_up(iova + size, cfg_.granule) - start);
	}

	/* Take @size bytes at @iova out of the domain and give the IOVAs back. */
	void unmap_range(u64 iova, u64 size)
	{
		account_unmap(size);
		if (!deferred()) {
			unmap_now(iova, size);
			iovas_->free(iova, size);
			return;
		}
		be_.unmap(cfg_.ctx, iova, size, false);
		queue(iova, size);
	}

	/*
	 * One walk lays the list out and writes its DMA segments, relative to
	 * the range; the IOVA is added to the segments once it is known.  The
	 * layout does not depend on the address because of how the range is
	 * aligned (boundary_alignment()).
	 */
	Result<int> map_sg(scatterlist *sg, int nents, const dma_access &access, u64 max_seg,
			   u64 seg_mask)
	{
		const int prot = KCXX_TRY(prot_of(access));
		SgLayout layout;

		if (nents <= 0)
			return Error(-kcxx::EINVAL);
		const u64 boundary = boundary_of(seg_mask + 1);

		RunLogClaim claim(run_log_, be_.map_runs != nullptr);
		RunLog *const log = claim.log();
		const int count = KCXX_TRY(lay_out_sg(sg, nents, max_seg, boundary, &layout, log));
		u64 iova = KCXX_TRY(alloc(layout.iova_len, access,
					  boundary_alignment(layout.iova_len, boundary)));
		int ret;

		if (log && log->complete()) {
			/* All or nothing: a failed call leaves none of the list mapped. */
			ret = be_.map_runs(cfg_.ctx, log->placed_at(iova), log->count(), prot,
					   access.atomic);
		} else if (!be_.map_runs && be_.map_sg && layout.whole && !layout.padded) {
			/* The same runs at the same IOVAs, synced once; undone on failure. */
			ret = be_.map_sg(cfg_.ctx, iova, sg, nents, prot, access.atomic);
		} else {
			RunMapper runs(be_, cfg_.ctx, prot, access.atomic);

			ret = for_each_run(sg, nents, layout, iova, [&](u64 at, u64 phys, u64 len) {
				return runs.add(at, phys, len);
			});
			if (!ret)
				ret = runs.flush();
			if (ret)
				unmap_runs(sg, nents, layout, iova, runs.mapped_runs());
		}
		if (ret) {
			iovas_->free(iova, layout.iova_len);
			bump(stats_.map_errors);
			return Error(ret);
		}
		be_.sg_offset_dma(sg, static_cast<unsigned int>(count), iova);
		account_map(layout.iova_len);
		return count;
	}

	/*
	 * What map_sg() mapped, from the DMA segments it wrote: each covers
	 * whole granules of IOVA without a hole, and holes (padding) lie only
	 * between segments.  The list's CPU side is not read again.
	 */
	void unmap_sg(scatterlist *sg, int nents)
	{
		scatterlist *cursor = sg;
		unsigned int left = nents > 0 ? static_cast<unsigned int>(nents) : 0;
		dma_sg_seg batch[DMA_SG_BATCH];
		u64 iova = 0, run_start = 0, run_end = 0;
		bool started = false, holes = false;

		while (left) {
			const unsigned int n = kcxx::min(left, static_cast<unsigned int>(DMA_SG_BATCH));

			be_.sg_read_dma(&cursor, batch, n);
			left -= n;
			for (unsigned int i = 0; i < n; i++) {
				if (!batch[i].len) {
					left = 0;
					break;
				}
				const u64 start = kcxx::align_down(batch[i].addr, cfg_.granule);
				const u64 end = kcxx::align_up(batch[i].addr + batch[i].len, cfg_.granule);

				if (!started) {
					iova = run_start = start;
					started = true;
				} else if (start != run_end) {
					/* A hole: unmap what lies before it now, run by run. */
					holes = true;
					unmap_now(run_start, run_end - run_start);
					run_start = start;
				}
				run_end = end;
			}
		}
		if (!started)
			return;
		if (!holes) {
			unmap_range(iova, run_end - iova);
			return;
		}
		unmap_now(run_start, run_end - run_start);
		account_unmap(run_end - iova);
		if (deferred())
			queue(iova, run_end - iova);
		else
			iovas_->free(iova, run_end - iova);
	}

	void flush_queue()
	{
		kcxx::IrqSaveGuard guard(fq_lock_);

		if (!fq_len_)
			return;
		be_.flush_all(cfg_.ctx);
		/* Only now can the device no longer reach them: reuse is safe. */
		for (unsigned int i = 0; i < fq_len_; i++)
			iovas_->free(fq_[i].iova, fq_[i].size);
		fq_len_ = 0;
		bump(stats_.queue_flushes);
	}

	void stats(dma_engine_stats *out)
	{
		socmmu::dma::IovaStats iova;

		*out = stats_;
		out->window_base = cfg_.base;
		out->window_limit = cfg_.limit;
		iovas_->stats(&iova);
		out->iova_bytes = iova.allocated_bytes;
		buffers_.shape(&out->buffers, &out->buffer_tree_height);
	}

	bool deferred() const { return __atomic_load_n(&deferred_, __ATOMIC_RELAXED); }

	/* A flush queue needs an IOMMU that can invalidate all at once. */
	Result<void> set_deferred(bool deferred)
	{
		if (deferred && !cfg_.can_flush_all)
			return Error(-kcxx::EOPNOTSUPP);
		__atomic_store_n(&deferred_, deferred, __ATOMIC_RELAXED);
		if (!deferred)
			flush_queue();
		return {};
	}

	/*
	 * Non-coherent devices on architectures that maintain caches for DMA
	 * (ARM32): clean before the device reads, and invalidate before the
	 * CPU reads what it may have written, unless the caller syncs itself.
	 */
	bool sync_for_device(u64 attrs) const
	{
		return syncs() && !(attrs & KX_DMA_ATTR_SKIP_CPU_SYNC);
	}

	bool sync_for_cpu(u32 dir, u64 attrs) const
	{
		return sync_for_device(attrs) && dir != KX_DMA_TO_DEVICE;
	}

	/* Any mask that reaches into the window will do. */
	bool supported(u64 mask) const { return mask >= cfg_.base; }

	/* The mask that covers the window's top. */
	u64 required_mask() const
	{
		const unsigned int bits = kcxx::ilog2(cfg_.limit - 1) + 1;

		return bits >= 64 ? ~u64{0} : (u64{1} << bits) - 1;
	}

	u64 max_mapping_size() const { return cfg_.limit - cfg_.base; }

	/* Segments that meet at an IOMMU-page boundary merge (as dma-iommu's). */
	u64 merge_boundary() const { return cfg_.granule - 1; }

	socmmu::dma::BufferRegistry &buffers() { return buffers_; }

private:
	struct Entry {
		u64 iova;
		u64 size;
	};

	bool aligned(u64 value) const { return kcxx::is_aligned(value, cfg_.granule); }

	bool syncs() const { return cfg_.arch_syncs && !cfg_.coherent; }

	Result<int> prot_of(const dma_access &access) const
	{
		const int prot = dma_prot(cfg_.coherent, &access);

		if (prot < 0)
			return Error(prot);
		return prot;
	}

	/*
	 * Map @n chunks, @chunk(i) each, end to end into one IOVA range.
	 * Physically adjacent chunks go in one call: larger pages.
	 */
	template <typename Chunk>
	Result<u64> map_runs(unsigned int n, Chunk chunk, const dma_access &access)
	{
		const int prot = KCXX_TRY(prot_of(access));
		u64 total = 0;

		for (unsigned int i = 0; i < n; i++) {
			const dma_chunk c = chunk(i);

			if (!aligned(c.phys) || !aligned(c.size) || !c.size)
				return Error(-kcxx::EINVAL);
			total += c.size;
		}
		if (!total)
			return Error(-kcxx::EINVAL);
		u64 iova = KCXX_TRY(alloc(total, access, single_alignment(total, access)));
		RunMapper runs(be_, cfg_.ctx, prot, access.atomic);
		u64 offset = 0;
		int ret = 0;
		for (unsigned int i = 0; i < n && !ret; i++) {
			const dma_chunk first = chunk(i);
			u64 size = first.size;

			while (i + 1 < n && chunk(i + 1).phys == first.phys + size)
				size += chunk(++i).size;
			ret = runs.add(iova + offset, first.phys, size);
			offset += size;
		}
		if (!ret)
			ret = runs.flush();
		if (ret) {
			/* What was mapped lies at the start of the range, without a hole. */
			unmap_now(iova, runs.mapped_bytes());
			iovas_->free(iova, total);
			bump(stats_.map_errors);
			return Error(ret);
		}
		account_map(total);
		return iova;
	}

	/* Below the window's limit and the device's mask, aligned to @align. */
	Result<u64> alloc(u64 size, const dma_access &access, u64 align)
	{
		u64 top = kcxx::min(mask_limit(access.mask), cfg_.limit);
		auto iova = iovas_->alloc(size, top,
					  access.atomic ? AllocContext::Atomic : AllocContext::Sleepable,
					  align);
		if (!iova.ok())
			bump(stats_.map_errors);
		return iova;
	}

	void unmap_now(u64 iova, u64 size)
	{
		if (!size)
			return;
		u64 unmapped = be_.unmap(cfg_.ctx, iova, size, true);
		KCXX_WARN_ON(unmapped != size);
		bump(stats_.strict_syncs);
	}

	void queue(u64 iova, u64 size)
	{
		bool full, first;
		{
			kcxx::IrqSaveGuard guard(fq_lock_);
			first = fq_len_ == 0;
			fq_[fq_len_++] = { iova, size };
			full = fq_len_ == DMA_ENGINE_FQ_DEPTH;
		}
		bump(stats_.queued);
		if (full)
			flush_queue();
		else if (first)
			be_.schedule_flush(cfg_.ctx, DMA_ENGINE_FQ_TIMEOUT_MS);
	}

	static void bump(u64 &counter) { counter_add(&counter, 1); }

	void account_map(u64 size)
	{
		counter_add(&stats_.maps, 1);
		counter_add(&stats_.mapped_bytes, size);
	}

	void account_unmap(u64 size)
	{
		counter_add(&stats_.unmaps, 1);
		counter_add(&stats_.mapped_bytes, -size);
	}

	/*
	 * A segment boundary (a power of two, 0 for none) that can matter in
	 * this window: none when the whole window lies between two lines.
	 */
	u64 boundary_of(u64 boundary) const
	{
		if (!boundary || !kcxx::is_power_of_2(boundary) ||
		    kcxx::align_down(cfg_.base, boundary) ==
			    kcxx::align_down(cfg_.limit - 1, boundary))
			return 0;
		return boundary;
	}

	/*
	 * How to align a range of @len bytes that must respect @boundary
	 * (from boundary_of()), as dma-iommu's size-aligned IOVAs do.  One no
	 * longer than the boundary goes on its size rounded up to a power of
	 * two (at most the boundary), so it crosses no line; the allocator's
	 * own rule is not enough (192 KiB aligns to 128 KiB and can straddle a
	 * 256 KiB line).  A longer one starts on a line, so that lines fall at
	 * multiples of the boundary from its start, where lay_out_sg() put
	 * them.  0: the allocator's rule.
	 */
	static u64 boundary_alignment(u64 len, u64 boundary)
	{
		if (!boundary)
			return 0;
		return len <= boundary ? u64{1} << kcxx::ceil_log2(len) : boundary;
	}

	/* A single mapping's or a buffer's (map_runs()) alignment. */
	u64 single_alignment(u64 len, const dma_access &access) const
	{
		if (access.size_aligned)
			return u64{1} << kcxx::ceil_log2(len);
		return boundary_alignment(len, boundary_of(access.boundary));
	}

	/* The granule-aligned IOVA span an entry needs. */
	u64 span(const dma_sg_entry &entry) const
	{
		return kcxx::align_up(entry.phys + entry.length, cfg_.granule) -
		       kcxx::align_down(entry.phys, cfg_.granule);
	}

	/*
	 * Where a segment of @len goes when the previous one ended at @offset.
	 * Lines fall at offsets that are multiples of the boundary, or the
	 * range crosses none (boundary_alignment()); a range no longer than
	 * the boundary is never padded.
	 */
	static u64 place(const SgLayout &layout, u64 offset, u64 len)
	{
		if (!layout.boundary || !offset)
			return offset;
		u64 next = kcxx::align_up(offset + 1, layout.boundary);
		if (offset + len > next && len <= layout.boundary)
			return next;
		return offset;
	}

	static bool crosses(u64 start, u64 len, const SgLayout &layout)
	{
		if (!layout.boundary)
			return false;
		return kcxx::align_down(start, layout.boundary) !=
		       kcxx::align_down(start + len - 1, layout.boundary);
	}

	/*
	 * Lay the list out in one walk and write its DMA segments, at offsets
	 * from the start of the range: consecutive entries merge while the
	 * IOVA is contiguous (the earlier one ends on a granule and the later
	 * one starts on one), the result stays within @max_seg, and no segment
	 * boundary is crossed.  Without a DMA length of their own
	 * (NEED_SG_DMA_LENGTH), entries cannot merge: each is its own segment,
	 * in one contiguous range still.  With one, every entry read gets a
	 * zero DMA length first, so those after the last segment keep it.
	 * The count of segments, or -EINVAL for an empty entry.
	 *
	 * The boundary applies from the first entry on, before the total is
	 * known: when the whole list fits in one boundary, no entry is padded
	 * and no segment crosses it, as if there were no boundary.
	 *
	 * With a @log, the runs to map go into it too, at the same offsets.
	 */
	Result<int> lay_out_sg(scatterlist *sg, int nents, u64 max_seg, u64 boundary,
			       SgLayout *layout, RunLog *log) const
	{
		const bool can_merge = be_.sg_has_dma_length;
		SgReader entries(be_, sg, nents, can_merge);
		SgWriter out(be_, sg);
		RunJoiner runs;
		auto keep = [log](u64 at, u64 phys, u64 len) {
			log->add(at, phys, len);
			return 0;
		};
		u64 cur_start = 0, cur_len = 0, offset = 0;
		dma_sg_entry entry;
		int count = 0;

		layout->boundary = boundary;
		while (entries.next(&entry)) {
			if (!entry.length)
				return Error(-kcxx::EINVAL);
			const u64 len = span(entry);
			const u64 at = place(*layout, offset, len);
			const u64 start = at + (entry.phys & (cfg_.granule - 1));

			layout->whole &= len == entry.length;
			layout->padded |= at != offset;
			if (count && can_merge && cur_start + cur_len == start &&
			    cur_len + entry.length <= max_seg &&
			    !crosses(cur_start, cur_len + entry.length, *layout)) {
				cur_len += entry.length;
			} else {
				if (count)
					out.put(cur_start, cur_len);
				cur_start = start;
				cur_len = entry.length;
				count++;
			}
			if (log)
				runs.add(at, kcxx::align_down(entry.phys, cfg_.granule), len, keep);
			offset = at + len;
		}
		if (log)
			runs.finish(keep);
		out.put(cur_start, cur_len);
		out.flush();
		layout->iova_len = offset;
		return count;
	}

	/*
	 * Call @fn(iova, phys, len) for each run of the list laid out from
	 * @iova (RunJoiner), stopping at the first error, which it returns.
	 */
	template <typename Fn>
	int for_each_run(scatterlist *sg, int nents, const SgLayout &layout, u64 iova, Fn fn) const
	{
		SgReader entries(be_, sg, nents, false);
		RunJoiner runs;
		u64 offset = 0;
		dma_sg_entry entry;

		while (entries.next(&entry)) {
			const u64 len = span(entry);
			const u64 at = place(layout, offset, len);
			const u64 phys = kcxx::align_down(entry.phys, cfg_.granule);

			if (int ret = runs.add(iova + at, phys, len, fn))
				return ret;
			offset = at + len;
		}
		return runs.finish(fn);
	}

	/* Unmap (strictly) the first @runs runs. */
	void unmap_runs(scatterlist *sg, int nents, const SgLayout &layout, u64 iova,
			unsigned int runs)
	{
		(void)for_each_run(sg, nents, layout, iova, [&](u64 at, u64, u64 len) {
			if (!runs)
				return -kcxx::EINTR;
			runs--;
			unmap_now(at, len);
			return 0;
		});
	}

	const dma_engine_config cfg_;
	const dma_engine_backend &be_;
	kcxx::Owner<IovaAllocator> iovas_;
	socmmu::dma::BufferRegistry buffers_;
	kcxx::SpinLock fq_lock_{KCXX_LOCK_CLASS("socmmu_dma.flush_queue")};
	Entry fq_[DMA_ENGINE_FQ_DEPTH] = {};
	unsigned int fq_len_ = 0;
	bool deferred_ = cfg_.deferred && cfg_.can_flush_all;
	dma_engine_stats stats_ = {};
	RunLog run_log_;
};

namespace {

/* A mapping's IOVA, or DMA_ENGINE_ERROR with *err set. */
u64 iova_or_error(const Result<u64> &iova, int *err)
{
	if (!iova.ok()) {
		*err = iova.to_errno();
		return DMA_ENGINE_ERROR;
	}
	return iova.value();
}

} // namespace

struct dma_engine *dma_engine_create(const struct dma_engine_config *cfg, int *err) noexcept
{
	if (!cfg->backend || !kcxx::is_power_of_2(cfg->cpu_page) || cfg->granule > cfg->cpu_page) {
		*err = -kcxx::EINVAL;
		return nullptr;
	}
	auto iovas = socmmu::dma::create_iova_allocator(cfg->base, cfg->limit, cfg->granule);

	if (!iovas.ok()) {
		*err = iovas.to_errno();
		return nullptr;
	}
	auto e = kcxx::make_owned<dma_engine>(*cfg, kcxx::move(iovas.value()));
	if (!e.ok()) {
		*err = e.to_errno();
		return nullptr;
	}
	return e.value().release();
}

void dma_engine_destroy(struct dma_engine *e) noexcept
{
	delete e;
}

int dma_engine_reserve(struct dma_engine *e, u64 start, u64 size) noexcept
{
	return e->reserve(start, size).to_errno();
}

void dma_engine_unreserve(struct dma_engine *e, u64 start, u64 size) noexcept
{
	e->unreserve(start, size);
}

u64 dma_engine_map_phys(struct dma_engine *e, u64 phys, u64 size,
			const struct dma_access *access, int *err) noexcept
{
	return iova_or_error(e->map_phys(phys, size, *access), err);
}

void dma_engine_unmap_phys(struct dma_engine *e, u64 iova, u64 size) noexcept
{
	e->unmap_phys(iova, size);
}

u64 dma_engine_map_chunks(struct dma_engine *e, const struct dma_chunk *chunks, unsigned int n,
			  const struct dma_access *access, int *err) noexcept
{
	return iova_or_error(e->map_chunks(chunks, n, *access), err);
}

u64 dma_engine_map_pages(struct dma_engine *e, const u64 *phys, unsigned int n,
			 const struct dma_access *access, int *err) noexcept
{
	return iova_or_error(e->map_pages(phys, n, *access), err);
}

int dma_engine_map_sg(struct dma_engine *e, struct scatterlist *sg, int nents,
		      const struct dma_access *access, u64 max_seg, u64 seg_mask) noexcept
{
	auto count = e->map_sg(sg, nents, *access, max_seg, seg_mask);

	return count.ok() ? count.value() : count.to_errno();
}

void dma_engine_unmap_sg(struct dma_engine *e, struct scatterlist *sg, int nents) noexcept
{
	e->unmap_sg(sg, nents);
}

void dma_engine_flush_queue(struct dma_engine *e) noexcept
{
	e->flush_queue();
}

bool dma_engine_deferred(struct dma_engine *e) noexcept
{
	return e->deferred();
}

int dma_engine_set_deferred(struct dma_engine *e, bool deferred) noexcept
{
	return e->set_deferred(deferred).to_errno();
}

void dma_engine_get_stats(struct dma_engine *e, struct dma_engine_stats *out) noexcept
{
	e->stats(out);
}

bool dma_engine_sync_for_device(struct dma_engine *e, u64 attrs) noexcept
{
	return e->sync_for_device(attrs);
}

bool dma_engine_sync_for_cpu(struct dma_engine *e, u32 dir, u64 attrs) noexcept
{
	return e->sync_for_cpu(dir, attrs);
}

bool dma_engine_supported(struct dma_engine *e, u64 mask) noexcept
{
	return e->supported(mask);
}

u64 dma_engine_required_mask(struct dma_engine *e) noexcept
{
	return e->required_mask();
}

u64 dma_engine_max_mapping_size(struct dma_engine *e) noexcept
{
	return e->max_mapping_size();
}

u64 dma_engine_merge_boundary(struct dma_engine *e) noexcept
{
	return e->merge_boundary();
}

int dma_engine_add_buffer(struct dma_engine *e, struct dma_engine_buffer *buf) noexcept
{
	return e->buffers().add(buf);
}

struct dma_engine_buffer *dma_engine_find_buffer(struct dma_engine *e, u64 iova, u64 offset,
						 u64 size) noexcept
{
	return e->buffers().find(iova, offset, size);
}

struct dma_engine_buffer *dma_engine_take_buffer(struct dma_engine *e, u64 iova,
						 const void *cpu_addr, u64 size) noexcept
{
	return e->buffers().take(iova, cpu_addr, size);
}

struct dma_engine_buffer *dma_engine_take_any_buffer(struct dma_engine *e) noexcept
{
	return e->buffers().take_any();
}

/* The atomic pool is an IOVA allocator over physical addresses. */
struct dma_range_pool *dma_range_pool_create(u64 base, u64 limit, u64 granule, int *err) noexcept
{
	auto pool = socmmu::dma::create_iova_allocator(base, limit, granule);

	if (!pool.ok()) {
		*err = pool.to_errno();
		return nullptr;
	}
	return reinterpret_cast<struct dma_range_pool *>(pool.value().release());
}

void dma_range_pool_destroy(struct dma_range_pool *pool) noexcept
{
	delete reinterpret_cast<IovaAllocator *>(pool);
}

/* Above 128 KiB, the allocator's own rule would put 192 KiB on a 128 KiB boundary. */
u64 dma_range_pool_alloc(struct dma_range_pool *pool, u64 size) noexcept
{
	auto addr = reinterpret_cast<IovaAllocator *>(pool)->alloc(
		size, ~0ULL, AllocContext::Atomic, u64{1} << kcxx::ceil_log2(size));

	return addr.ok() ? addr.value() : DMA_ENGINE_ERROR;
}

void dma_range_pool_free(struct dma_range_pool *pool, u64 addr, u64 size) noexcept
{
	reinterpret_cast<IovaAllocator *>(pool)->free(addr, size);
}
