/**
 * Text that remembers where its tab stops are. The engine renders a fragment once, then re-indents it, changes
 * its line endings and cuts it; each step moves the tab stops with the text, so placeholders survive every
 * transformation without a second search.
 */

/** A tab stop inside a text: `[start, end)` covers the placeholder's default text; `id` links equal stops. */
export interface Tabstop {
  readonly start: number;
  readonly end: number;
  readonly id: string;
}

export class TrackedText {
  constructor(readonly text: string, readonly tabstops: readonly Tabstop[] = []) {}

  static of(part: TrackedText | string): TrackedText {
    return typeof part === 'string' ? new TrackedText(part) : part;
  }

  static concat(...parts: (TrackedText | string)[]): TrackedText {
    let text = '';
    const tabstops: Tabstop[] = [];
    for (const part of parts) {
      const tracked = TrackedText.of(part);
      for (const stop of tracked.tabstops) tabstops.push({ start: stop.start + text.length, end: stop.end + text.length, id: stop.id });
      text += tracked.text;
    }
    return new TrackedText(text, tabstops);
  }

  get length(): number {
    return this.text.length;
  }

  /** The part `[start, end)`; tab stops that do not lie wholly inside it are dropped. */
  slice(start: number, end = this.text.length): TrackedText {
    const tabstops = this.tabstops
      .filter((stop) => stop.start >= start && stop.end <= end)
      .map((stop) => ({ start: stop.start - start, end: stop.end - start, id: stop.id }));
    return new TrackedText(this.text.slice(start, end), tabstops);
  }

  /** Prefixes every non-empty line (optionally except the first) with `prefix`. */
  indentLines(prefix: string, skipFirstLine = false): TrackedText {
    if (!prefix) return this;
    return this.mapLineStarts((lineStart, lineIsEmpty) => (lineIsEmpty || (skipFirstLine && lineStart === 0) ? '' : prefix));
  }

  /** Replaces every `\n` by `eol` (`\r\n` for documents written with Windows line endings). */
  withEol(eol: string): TrackedText {
    if (eol === '\n') return this;
    let text = '';
    const shifts: number[] = [];
    for (let i = 0; i < this.text.length; i++) {
      shifts.push(text.length - i);
      text += this.text[i] === '\n' ? eol : this.text[i];
    }
    shifts.push(text.length - this.text.length);
    return new TrackedText(text, this.tabstops.map((stop) => ({ start: stop.start + shifts[stop.start]!, end: stop.end + shifts[stop.end]!, id: stop.id })));
  }

  /** Removes one trailing line ending, if any. */
  withoutFinalNewline(): TrackedText {
    if (this.text.endsWith('\r\n')) return this.slice(0, this.text.length - 2);
    if (this.text.endsWith('\n')) return this.slice(0, this.text.length - 1);
    return this;
  }

  /** Inserts the string chosen by `insertAt` at the start of every line, moving tab stops accordingly. */
  private mapLineStarts(insertAt: (lineStart: number, lineIsEmpty: boolean) => string): TrackedText {
    let text = '';
    const shifts: number[] = [];
    let atLineStart = true;
    for (let i = 0; i < this.text.length; i++) {
      if (atLineStart) {
        const char = this.text[i];
        text += insertAt(i, char === '\n' || char === '\r');
        atLineStart = false;
      }
      shifts.push(text.length - i);
      text += this.text[i];
      if (this.text[i] === '\n') atLineStart = true;
    }
    shifts.push(text.length - this.text.length);
    // A tab stop starting at a line start moves past the inserted prefix: shifts[] already counts it.
    return new TrackedText(text, this.tabstops.map((stop) => ({ start: stop.start + shifts[stop.start]!, end: stop.end + shifts[Math.max(stop.start, stop.end - 1)]!, id: stop.id })));
  }
}
