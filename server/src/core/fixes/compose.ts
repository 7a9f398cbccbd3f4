/**
 * Applies edits one batch after another to a working copy while keeping, for every changed region, where it came
 * from in the original text. Later actions see the text as earlier ones left it (a parent created by one fix is
 * filled by the next), yet the result is one set of non-overlapping edits on the ORIGINAL text: edits that touch
 * or overlap merge into one, everything else stays separate and minimal. No diff of the whole text is needed.
 *
 * A batch is applied in one pass over the text and the (sorted) regions, so "fix all" with thousands of edits
 * on a large document costs a few linear passes, not one copy of the document per edit.
 */
import type { Span } from '../types';
import type { RawEdit } from './actions';
import { TrackedText, type Tabstop } from './trackedText';

interface Region {
  /** The replaced range of the original text. */
  readonly origStart: number;
  readonly origEnd: number;
  /** Where its replacement sits in the working copy. */
  readonly curStart: number;
  readonly curEnd: number;
}

/** A composed edit on the original text; its new text carries the tab stops that fall inside it. */
export interface ComposedEdit {
  readonly span: Span;
  readonly text: TrackedText;
}

export class EditComposer {
  private current: string;
  /** Sorted by position, never overlapping or touching. */
  private regions: Region[] = [];
  /** Sorted by position. */
  private tabstops: Tabstop[] = [];

  constructor(readonly original: string) {
    this.current = original;
  }

  /** The text as all edits so far have left it. */
  get text(): string {
    return this.current;
  }

  /** A copy of the state, to roll back a fix that turned out to do harm. */
  snapshot(): () => void {
    const { current, regions, tabstops } = this;
    return () => {
      this.current = current;
      this.regions = regions;
      this.tabstops = tabstops;
    };
  }

  /** Applies edits computed on the current text (non-overlapping among themselves; they may touch). */
  apply(edits: readonly RawEdit[]): void {
    const ordered = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.rank ?? 0) - (b.rank ?? 0));
    for (let i = 1; i < ordered.length; i++) {
      if (ordered[i]!.span.start < ordered[i - 1]!.span.end) throw new Error('edit engine: overlapping edits in one batch');
    }
    this.regions = this.mergeRegions(ordered);
    this.tabstops = this.moveTabstops(ordered);
    const parts: string[] = [];
    let position = 0;
    for (const edit of ordered) {
      parts.push(this.current.slice(position, edit.span.start), edit.text.text);
      position = edit.span.end;
    }
    parts.push(this.current.slice(position));
    this.current = parts.join('');
  }

  /** The composed edits, in document order, without the ones that ended up changing nothing. */
  result(): ComposedEdit[] {
    const edits: ComposedEdit[] = [];
    let stop = 0;
    for (const region of this.regions) {
      while (stop < this.tabstops.length && this.tabstops[stop]!.start < region.curStart) stop++;
      const inside: Tabstop[] = [];
      for (let i = stop; i < this.tabstops.length && this.tabstops[i]!.start <= region.curEnd; i++) {
        const tabstop = this.tabstops[i]!;
        if (tabstop.end <= region.curEnd) inside.push({ start: tabstop.start - region.curStart, end: tabstop.end - region.curStart, id: tabstop.id });
      }
      const text = this.current.slice(region.curStart, region.curEnd);
      if (text === this.original.slice(region.origStart, region.origEnd)) continue;
      edits.push({ span: { start: region.origStart, end: region.origEnd }, text: new TrackedText(text, inside) });
    }
    return edits;
  }

  /**
   * One walk over the sorted regions and the edits. Regions between edits are shifted; an edit and the regions
   * (old, or merged earlier in this batch) it touches become one region. Positions before the batch are "pre",
   * after it "post"; a merged region's post end always equals its pre end plus the shift of every edit so far.
   */
  private mergeRegions(edits: readonly RawEdit[]): Region[] {
    const old = this.regions;
    const merged: Region[] = [];
    let index = 0;
    /** Sum of (new length - original length) over the old regions passed so far. */
    let regionShift = 0;
    /** Sum of (new length - replaced length) over the edits of this batch applied so far. */
    let editShift = 0;
    for (const edit of edits) {
      const { start, end } = edit.span;
      while (index < old.length && old[index]!.curEnd < start) {
        const region = old[index++]!;
        regionShift += (region.curEnd - region.curStart) - (region.origEnd - region.origStart);
        merged.push({ ...region, curStart: region.curStart + editShift, curEnd: region.curEnd + editShift });
      }
      const shiftBefore = regionShift;
      const touching: Region[] = [];
      while (index < old.length && old[index]!.curStart <= end) {
        const region = old[index++]!;
        regionShift += (region.curEnd - region.curStart) - (region.origEnd - region.origStart);
        touching.push(region);
      }
      const first = touching[0];
      const lastTouching = touching[touching.length - 1];
      const preStart = Math.min(start, first?.curStart ?? start);
      const preEnd = Math.max(end, lastTouching?.curEnd ?? end);
      const origEnd = lastTouching && lastTouching.curEnd >= end ? lastTouching.origEnd : end - regionShift;
      const delta = edit.text.length - (end - start);
      const previous = merged[merged.length - 1];
      const previousPreEnd = previous ? previous.curEnd - editShift : -1;
      if (previous && previousPreEnd >= preStart) {
        // touches (or lies inside) what an earlier edit of this batch produced
        merged[merged.length - 1] = {
          origStart: previous.origStart,
          origEnd: preEnd > previousPreEnd ? origEnd : previous.origEnd,
          curStart: previous.curStart,
          curEnd: Math.max(preEnd, previousPreEnd) + editShift + delta,
        };
      } else {
        merged.push({
          origStart: first && first.curStart <= start ? first.origStart : start - shiftBefore,
          origEnd,
          curStart: preStart + editShift,
          curEnd: preEnd + editShift + delta,
        });
      }
      editShift += delta;
    }
    while (index < old.length) {
      const region = old[index++]!;
      merged.push({ ...region, curStart: region.curStart + editShift, curEnd: region.curEnd + editShift });
    }
    return merged;
  }

  /** Old tab stops follow the text around them (those overwritten are dropped); the edits bring their own. */
  private moveTabstops(edits: readonly RawEdit[]): Tabstop[] {
    if (!this.tabstops.length && !edits.some((edit) => edit.text.tabstops.length)) return this.tabstops;
    const moved: Tabstop[] = [];
    let editIndex = 0;
    let shift = 0;
    const added = (edit: RawEdit, newStart: number): Tabstop[] =>
      edit.text.tabstops.map((stop) => ({ start: stop.start + newStart, end: stop.end + newStart, id: stop.id }));
    for (const stop of this.tabstops) {
      // edits wholly before the stop (an insertion exactly at its start goes before it)
      while (editIndex < edits.length && edits[editIndex]!.span.end <= stop.start) {
        const edit = edits[editIndex++]!;
        moved.push(...added(edit, edit.span.start + shift));
        shift += edit.text.length - (edit.span.end - edit.span.start);
      }
      const next = edits[editIndex];
      if (next && next.span.start < stop.end && next.span.end > stop.start) continue; // overwritten
      moved.push({ start: stop.start + shift, end: stop.end + shift, id: stop.id });
    }
    while (editIndex < edits.length) {
      const edit = edits[editIndex++]!;
      moved.push(...added(edit, edit.span.start + shift));
      shift += edit.text.length - (edit.span.end - edit.span.start);
    }
    return moved.sort((a, b) => a.start - b.start);
  }
}
