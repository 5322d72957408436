// Counts the files of a zip as its bytes arrive, for the bulk download's progress bar: each entry
// starts with a local file header (signature PK\x03\x04, 30 fixed bytes, then the file name), and
// our entries are all named "telnyx-invoice-…", which rules out a false match inside PDF data.
const SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const NAME_PREFIX = Array.from(new TextEncoder().encode("telnyx-invoice-"));
const HEADER_SPAN = 30 + NAME_PREFIX.length;

export class ZipEntryCounter {
  private tail = new Uint8Array(0);
  /** Entries whose header has arrived. */
  entries = 0;
  bytes = 0;

  push(chunk: Uint8Array): number {
    this.bytes += chunk.length;
    const buf = new Uint8Array(this.tail.length + chunk.length);
    buf.set(this.tail);
    buf.set(chunk, this.tail.length);
    // Headers are only counted once all of their bytes are here; the rest waits in `tail`.
    const limit = buf.length - HEADER_SPAN;
    let i = 0;
    for (; i <= limit; i++) {
      if (buf[i] !== SIGNATURE[0] || buf[i + 1] !== SIGNATURE[1] || buf[i + 2] !== SIGNATURE[2] || buf[i + 3] !== SIGNATURE[3]) continue;
      if (NAME_PREFIX.every((b, k) => buf[i + 30 + k] === b)) {
        this.entries++;
        i += HEADER_SPAN - 1;
      }
    }
    this.tail = buf.slice(Math.max(i, buf.length - HEADER_SPAN + 1));
    return this.entries;
  }
}
