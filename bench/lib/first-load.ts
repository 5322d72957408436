// A route's first-load JavaScript, read from the HTML the server sends: every chunk it references
// (script tags, preloads, and the client components named in the inline RSC payload), less the
// `noModule` polyfills, which modern browsers skip. Chunks loaded later (lazy charts, forms opened
// on demand) are not named by the HTML and not counted. Used by the bench and by e2e/bundles.spec.ts.
import { gzipSync } from "node:zlib";

/** Pages whose first screen is a form validated with the routes' zod schemas: the only ones whose first load may carry zod. */
export const FORM_PAGES: ReadonlySet<string> = new Set(["/settings/billing"]);

const CHUNK = /(?:\/_next\/)?static\/chunks\/[A-Za-z0-9_.~-]+\.js/g;
const NOMODULE_SCRIPT = /<script\b[^>]*\bnoModule\b[^>]*>/gi;
const normalize = (chunk: string) => `/_next/${chunk.replace(/^\/_next\//, "")}`;

/** The URLs (origin-relative) of the chunks a page's HTML loads before it is interactive. */
export function firstLoadChunkUrls(html: string): string[] {
  const skipped = new Set<string>();
  for (const tag of html.match(NOMODULE_SCRIPT) ?? []) for (const m of tag.matchAll(CHUNK)) skipped.add(normalize(m[0]));
  const urls = new Set<string>();
  for (const m of html.matchAll(CHUNK)) if (!skipped.has(normalize(m[0]))) urls.add(normalize(m[0]));
  return [...urls];
}

export interface Chunk {
  url: string;
  body: Buffer;
}

export async function fetchChunks(origin: string, html: string): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for (const url of firstLoadChunkUrls(html)) {
    const res = await fetch(origin + url);
    if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
    chunks.push({ url, body: Buffer.from(await res.arrayBuffer()) });
  }
  return chunks;
}

/**
 * zod 4's core, recognised in minified code by the class names it registers at run time
 * (`$constructor("$ZodType", …)`): minifiers keep string literals, and no other package uses them.
 */
const ZOD_CORE = /["'`]\$Zod(?:Type|Object|String)["'`]/;

export function containsZod(source: Buffer | string): boolean {
  return ZOD_CORE.test(typeof source === "string" ? source : source.toString("utf8"));
}

/** Size (gzip level 6, what `next start` sends), raw size, count, and whether zod is among them. */
export function firstLoadFigures(chunks: readonly Chunk[]): { bytes: number; raw: number; chunks: number; zodChunks: string[] } {
  let bytes = 0;
  let raw = 0;
  for (const c of chunks) {
    raw += c.body.length;
    bytes += gzipSync(c.body, { level: 6 }).length;
  }
  return { bytes, raw, chunks: chunks.length, zodChunks: chunks.filter((c) => containsZod(c.body)).map((c) => c.url) };
}
