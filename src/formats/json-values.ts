/**
 * A streaming JSON reader that hands over the values at chosen paths (`$.Results.*.Vulnerabilities.*`: a key
 * names an object member, `*` any array element), each parsed by the engine's own JSON.parse, and checks the
 * grammar of everything around them itself. A value is held only until it ends, so memory is bounded by the
 * largest chosen value, not by the document. Errors are JsonSyntaxError (bad JSON), JsonDepthError (nesting
 * deeper than allowed) and, from `end()`, JsonIncompleteError (the document stops early).
 */
export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
}
export class JsonDepthError extends Error {
  override name = 'JsonDepthError';
}
export class JsonIncompleteError extends Error {
  override name = 'JsonIncompleteError';
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** What the grammar allows next outside a chosen value. */
const Expect = {
  Value: 0,
  ValueOrEnd: 1,
  Key: 2,
  KeyOrEnd: 3,
  Colon: 4,
  CommaOrEnd: 5,
  Done: 6,
} as const;
type Expect = (typeof Expect)[keyof typeof Expect];

interface Frame {
  array: boolean;
  path: string;
  key: string;
}

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const SCALAR = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;
/** Bytes that can continue a number or literal. */
const isScalarByte = (b: number) =>
  (b >= 0x30 && b <= 0x39) ||
  (b >= 0x61 && b <= 0x7a) ||
  b === 0x2d ||
  b === 0x2b ||
  b === 0x2e ||
  b === 0x45;

export class JsonValueReader {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private readonly stack: Frame[] = [];
  private expect: Expect = Expect.Value;
  /** The chosen value being read: where it starts in `buf`, and nesting inside it. */
  private capture: { start: number; path: string; depth: number; inString: boolean } | null = null;

  constructor(
    private readonly paths: ReadonlySet<string>,
    private readonly onValue: (path: string, value: unknown) => void,
    private readonly maxDepth: number,
  ) {}

  write(chunk: Uint8Array): void {
    const keep = this.capture ? this.capture.start : this.pos;
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.buf = keep >= this.buf.length ? bytes : Buffer.concat([this.buf.subarray(keep), bytes]);
    this.pos -= keep;
    if (this.capture) this.capture.start -= keep;
    this.run();
  }

  end(): void {
    if (this.capture || this.expect !== Expect.Done) throw new JsonIncompleteError('The JSON ends early');
    for (let i = this.pos; i < this.buf.length; i++) {
      if (!isSpace(this.buf[i] as number)) throw new JsonSyntaxError(`Unexpected data after the end at ${i}`);
    }
  }

  private fail(what: string): never {
    const near = this.buf.toString('utf8', this.pos, Math.min(this.buf.length, this.pos + 20));
    throw new JsonSyntaxError(`${what} near "${near}"`);
  }

  private run(): void {
    const buf = this.buf;
    while (this.pos < buf.length) {
      if (this.capture) {
        if (!this.readCaptured()) return;
        continue;
      }
      const b = buf[this.pos] as number;
      if (isSpace(b)) {
        this.pos++;
        continue;
      }
      if (!this.step(b)) return;
    }
  }

  /** One token outside a chosen value; false when the buffer ends inside it (read again with more bytes). */
  private step(b: number): boolean {
    switch (this.expect) {
      case Expect.Done:
        return this.fail('Unexpected data after the end');
      case Expect.Colon:
        if (b !== COLON) this.fail('Expected ":"');
        this.pos++;
        this.expect = Expect.Value;
        return true;
      case Expect.CommaOrEnd:
        if (b === COMMA) {
          this.pos++;
          this.expect = this.top().array ? Expect.Value : Expect.Key;
          return true;
        }
        return this.close(b) || this.fail('Expected "," or the end of the object or array');
      case Expect.Key:
      case Expect.KeyOrEnd: {
        if (b !== QUOTE) {
          if (this.expect === Expect.KeyOrEnd && this.close(b)) return true;
          this.fail('Expected a member name');
        }
        const end = this.stringEnd(this.pos + 1);
        if (end < 0) return false;
        this.top().key = this.decodeString(this.pos, end + 1);
        this.pos = end + 1;
        this.expect = Expect.Colon;
        return true;
      }
      default:
        if (this.expect === Expect.ValueOrEnd && this.close(b)) return true;
        return this.value(b);
    }
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1] as Frame;
  }

  private pathOfValue(): string {
    const top = this.stack[this.stack.length - 1];
    if (!top) return '$';
    return top.array ? `${top.path}.*` : `${top.path}.${top.key}`;
  }

  private value(b: number): boolean {
    const path = this.pathOfValue();
    if (this.paths.has(path)) {
      if (this.stack.length >= this.maxDepth && (b === OPEN_OBJECT || b === OPEN_ARRAY)) this.tooDeep();
      this.capture = { start: this.pos, path, depth: 0, inString: false };
      return true;
    }
    if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      if (this.stack.length >= this.maxDepth) this.tooDeep();
      this.stack.push({ array: b === OPEN_ARRAY, path, key: '' });
      this.pos++;
      this.expect = b === OPEN_ARRAY ? Expect.ValueOrEnd : Expect.KeyOrEnd;
      return true;
    }
    if (b === QUOTE) {
      const end = this.stringEnd(this.pos + 1);
      if (end < 0) return false;
      this.decodeString(this.pos, end + 1);
      this.pos = end + 1;
    } else {
      let end = this.pos;
      while (end < this.buf.length && isScalarByte(this.buf[end] as number)) end++;
      if (end === this.buf.length) return false;
      if (!SCALAR.test(this.buf.toString('latin1', this.pos, end))) this.fail('Unexpected token');
      this.pos = end;
    }
    this.afterValue();
    return true;
  }

  private close(b: number): boolean {
    const top = this.stack[this.stack.length - 1];
    if (!top || b !== (top.array ? CLOSE_ARRAY : CLOSE_OBJECT)) return false;
    this.stack.pop();
    this.pos++;
    this.afterValue();
    return true;
  }

  private afterValue(): void {
    this.expect = this.stack.length === 0 ? Expect.Done : Expect.CommaOrEnd;
  }

  private tooDeep(): never {
    throw new JsonDepthError(`The JSON nests deeper than ${this.maxDepth} levels`);
  }

  /** Index of the quote closing a string whose content starts at `from`, or -1 if the buffer ends first. */
  private stringEnd(from: number): number {
    let i = from;
    for (;;) {
      const q = this.buf.indexOf(QUOTE, i);
      if (q < 0) return -1;
      let slashes = 0;
      while (this.buf[q - 1 - slashes] === BACKSLASH) slashes++;
      if (slashes % 2 === 0) return q;
      i = q + 1;
    }
  }

  private decodeString(start: number, end: number): string {
    try {
      return JSON.parse(this.buf.toString('utf8', start, end)) as string;
    } catch (err) {
      this.pos = start;
      return this.fail(`Invalid string (${(err as Error).message})`);
    }
  }

  /** Reads on inside the chosen value; hands it over when it ends. False when the buffer ends first. */
  private readCaptured(): boolean {
    const c = this.capture as NonNullable<typeof this.capture>;
    const buf = this.buf;
    let i = this.pos;
    const first = buf[c.start] as number;
    if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
      // A scalar: a string to its closing quote, anything else to the next delimiter.
      let end: number;
      if (first === QUOTE) {
        const q = this.stringEnd(c.start + 1);
        if (q < 0) return false;
        end = q + 1;
      } else {
        end = c.start;
        while (end < buf.length && isScalarByte(buf[end] as number)) end++;
        if (end === buf.length) return false;
      }
      this.pos = end;
      this.emit(end);
      return true;
    }
    while (i < buf.length) {
      if (c.inString) {
        const q = this.stringEnd(i);
        if (q < 0) {
          this.pos = buf.length;
          return false;
        }
        c.inString = false;
        i = q + 1;
        continue;
      }
      const b = buf[i] as number;
      if (b === QUOTE) c.inString = true;
      else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
        c.depth++;
        if (this.stack.length + c.depth > this.maxDepth) this.tooDeep();
      } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        c.depth--;
        if (c.depth === 0) {
          this.pos = i + 1;
          this.emit(i + 1);
          return true;
        }
      }
      i++;
    }
    this.pos = i;
    return false;
  }

  private emit(end: number): void {
    const c = this.capture as NonNullable<typeof this.capture>;
    let value: unknown;
    try {
      value = JSON.parse(this.buf.toString('utf8', c.start, end));
    } catch (err) {
      this.pos = c.start;
      this.fail(`Invalid value at ${c.path} (${(err as Error).message})`);
    }
    this.capture = null;
    this.afterValue();
    this.onValue(c.path, value);
  }
}
