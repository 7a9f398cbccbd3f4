/**
 * The text of one section of the generated SQL (DDL, sample queries, quality checks), written line by line and
 * joined in large chunks, with the text of each table kept for the next render of an edited contract.
 *
 * Why chunks: a 4 MB contract gives megabytes of SQL in some hundred thousand short lines. Joining the lines of a
 * few hundred kilobytes at a time makes each chunk one string the engine allocates outside the young generation, so
 * the garbage collector never copies the output, and the line fragments die young. The text a table contributed is
 * remembered as a slice of its chunk (no copy), which the next render can write back as a single line.
 */

/** Lines per chunk: a few hundred kilobytes of SQL, well above the engine's size for directly old-space strings. */
const CHUNK_LINES = 4096;

interface PendingItem<T> {
  readonly item: T;
  /** Line indexes in the current chunk: the item's lines are `lines[start..end)`. */
  readonly start: number;
  readonly end: number;
}

export class SectionText<T> {
  private lines: string[] = [];
  private readonly chunks: string[] = [];
  private pending: PendingItem<T>[] = [];

  /**
   * @param separator what joins two lines (or two blocks) of the section
   * @param remember called with each item's text once it is final, to be written back by a later render
   */
  constructor(private readonly separator: string, private readonly remember: (item: T, text: string) => void) {}

  /** Appends a line (or a block of lines already joined with the separator). */
  push(text: string): void {
    this.lines.push(text);
  }

  /** Where the next item's lines start, to pass to `endItem`. */
  mark(): number {
    return this.lines.length;
  }

  /** Ends the lines of `item` that began at `start`; a chunk may end here. */
  endItem(item: T, start: number): void {
    if (this.lines.length > start) this.pending.push({ item, start, end: this.lines.length });
    if (this.lines.length >= CHUNK_LINES) this.flush();
  }

  /** True while nothing has been written. */
  isEmpty(): boolean {
    return this.chunks.length === 0 && this.lines.length === 0;
  }

  /** The whole section. */
  text(): string {
    this.flush();
    return this.chunks.length === 1 ? this.chunks[0]! : this.chunks.join(this.separator);
  }

  private flush(): void {
    const { lines, pending, separator } = this;
    if (!lines.length) return;
    const chunk = lines.join(separator);
    // Offsets of the pending items' lines in the chunk, in one pass over the line lengths.
    let offset = 0;
    let line = 0;
    for (const { item, start, end } of pending) {
      for (; line < start; line++) offset += lines[line]!.length + separator.length;
      const from = offset;
      for (; line < end; line++) offset += lines[line]!.length + separator.length;
      this.remember(item, chunk.slice(from, offset - separator.length));
    }
    this.chunks.push(chunk);
    this.lines = [];
    this.pending = [];
  }
}
