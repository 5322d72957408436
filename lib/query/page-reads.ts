// How a page waits for its server reads. A dashboard page is sent in one piece, its data in its first
// paint (no loading screen streamed ahead of it: a streamed page is shown at least 300 ms after the
// first paint, which made the content the page's late Largest Contentful Paint). But Telnyx may be
// slow or hang: a page waits for its reads at most PAGE_READS_WAIT_MS, then is sent with what it
// has. A card whose read is still running shows its skeleton and reads through /api in the browser,
// where it joins the same upstream call (reads are coalesced), so nothing is asked twice.

export const PAGE_READS_WAIT_MS = 1_000;

/**
 * Resolves when every read has settled or after `waitMs`, whichever comes first; never rejects
 * (a failed read is not dehydrated, and its card shows the error from its own request).
 */
export async function awaitPageReads(reads: readonly (Promise<unknown> | null | undefined | false)[], waitMs: number = PAGE_READS_WAIT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitMs);
  });
  try {
    await Promise.race([Promise.allSettled(reads.filter((r): r is Promise<unknown> => !!r)), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
