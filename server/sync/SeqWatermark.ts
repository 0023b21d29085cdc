/**
 * Which stored updates a loaded copy holds, by sequence number: every number up to `watermark`, plus
 * ranges heard of ahead of it (a later batch arrived before an earlier one). A range ahead of the watermark
 * is a hole: something numbered in between was stored by another node and not (yet) heard of here.
 */
export class SeqWatermark {
  private mark = 0;
  /** Ranges above the watermark: first → last. */
  private readonly ahead = new Map<number, number>();

  /** Every update numbered ≤ this is in the copy. */
  get watermark(): number {
    return this.mark;
  }

  /** True when some range was heard of beyond a hole. */
  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  /** The highest number heard of. */
  get highest(): number {
    return Math.max(this.mark, ...this.ahead.values());
  }

  /** Records that updates `first … last` are in the copy. */
  add(first: number, last: number): void {
    if (last <= this.mark) return;
    if (first > this.mark + 1) {
      this.ahead.set(first, Math.max(last, this.ahead.get(first) ?? 0));
      return;
    }
    this.mark = last;
    // Absorb the ranges that now touch the watermark (and drop those it passed).
    for (let moved = true; moved;) {
      moved = false;
      for (const [start, end] of this.ahead) {
        if (start > this.mark + 1) continue;
        this.ahead.delete(start);
        this.mark = Math.max(this.mark, end);
        moved = true;
      }
    }
  }

  /** Records that the copy holds everything up to `seq` (it was read from the store). */
  advanceTo(seq: number): void {
    this.add(1, seq);
  }
}
