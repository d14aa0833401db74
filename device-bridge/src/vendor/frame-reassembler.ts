/**
 * Cuts a stream of notification values into protocol frames.
 *
 * Vendor devices send frames longer than one notification (20 bytes before an
 * MTU exchange), and sometimes two frames in one notification. A reassembler
 * keeps the bytes that do not yet make a whole frame and hands out the frames
 * as soon as they are complete.
 *
 * Recovery: when a complete-looking frame fails to parse (bad checksum, a
 * corrupted length, a notification lost in the middle of a frame), only its
 * first byte is dropped and the search for the next header starts again from
 * the second byte. Dropping the whole announced length instead would also
 * swallow the start of the next good frame when a fragment was lost.
 *
 * Every refused frame, and every run of bytes that belongs to no frame, is
 * reported in `rejected`: nothing is dropped silently.
 */
import { MeasurementFormatError } from '../errors';
import { toBytes } from './bytes';

/** How one vendor protocol delimits and checks its frames. */
export interface FramingRules<F> {
  /** Name used in error messages, e.g. "Contec PC-300 frame". */
  readonly name: string;
  /**
   * Looks at `buffer`, whose first byte is a candidate frame start, and answers the
   * length of the frame starting there (whether or not all its bytes have arrived),
   * `'need-more'` when more bytes are needed to know it, or `'not-a-start'` when the
   * first byte cannot begin a frame. `atEnd` is true when no more bytes will come.
   */
  measure(buffer: Uint8Array, atEnd: boolean): number | 'need-more' | 'not-a-start';
  /** Parses one whole frame; throws MeasurementFormatError when it cannot be trusted. */
  parse(frame: Uint8Array): F;
}

/** What one push (or flush) produced: the frames completed, and the problems met on the way. */
export interface ReassemblyResult<F> {
  frames: F[];
  rejected: MeasurementFormatError[];
}

/** Stateful frame reassembler for one connection; call {@link reset} after a reconnection. */
export class FrameReassembler<F> {
  private buffer = new Uint8Array(0);
  // Bytes still inside the span of the last refused frame: skipping them is not reported again.
  private quietBytes = 0;

  constructor(private readonly rules: FramingRules<F>) {}

  /** Number of bytes held while waiting for the rest of a frame. */
  get pendingByteCount(): number {
    return this.buffer.length;
  }

  /** Adds the bytes of one notification and returns the frames they complete. */
  push(chunk: DataView | Uint8Array): ReassemblyResult<F> {
    const bytes = toBytes(chunk);
    const joined = new Uint8Array(this.buffer.length + bytes.length);
    joined.set(this.buffer, 0);
    joined.set(bytes, this.buffer.length);
    this.buffer = joined;
    return this.drain(false);
  }

  /** No more bytes will come (disconnection, end of a transfer): returns what can still be parsed and refuses the rest. */
  flush(): ReassemblyResult<F> {
    const result = this.drain(true);
    if (this.buffer.length > 0) {
      result.rejected.push(
        new MeasurementFormatError({
          code: 'too-short',
          characteristic: this.rules.name,
          detail: `stream ended inside a frame: ${this.buffer.length} byte(s) discarded`,
        }),
      );
    }
    this.reset();
    return result;
  }

  /** Forgets any partial frame (after a reconnection, the rest of it will never come). */
  reset(): void {
    this.buffer = new Uint8Array(0);
    this.quietBytes = 0;
  }

  private drain(atEnd: boolean): ReassemblyResult<F> {
    const result: ReassemblyResult<F> = { frames: [], rejected: [] };
    let start = 0;
    let strayBytes = 0;
    const reportStrayBytes = (): void => {
      if (strayBytes === 0) return;
      result.rejected.push(
        new MeasurementFormatError({
          code: 'inconsistent',
          characteristic: this.rules.name,
          field: 'header',
          detail: `${strayBytes} byte(s) outside any frame discarded`,
        }),
      );
      strayBytes = 0;
    };

    while (start < this.buffer.length) {
      const rest = this.buffer.subarray(start);
      const length = this.rules.measure(rest, atEnd);
      if (length === 'not-a-start') {
        if (this.quietBytes > 0) this.quietBytes--;
        else strayBytes++;
        start++;
        continue;
      }
      reportStrayBytes();
      if (length === 'need-more' || length > rest.length) break;
      try {
        result.frames.push(this.rules.parse(rest.slice(0, length)));
        start += length;
        this.quietBytes = 0;
      } catch (error) {
        if (!(error instanceof MeasurementFormatError)) throw error;
        result.rejected.push(error);
        this.quietBytes = length - 1;
        start += 1;
      }
    }
    reportStrayBytes();
    this.buffer = this.buffer.slice(start);
    return result;
  }
}
