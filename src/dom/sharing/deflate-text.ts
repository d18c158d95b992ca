/** Compresses UTF-8 text with raw DEFLATE (the platform's CompressionStream). */
export async function deflateText(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const source = new Response(text).body ?? new Blob([text]).stream();
  const stream = source.pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Decompresses raw DEFLATE bytes to text; rejects on damaged data or output over `maxBytes`. */
export async function inflateText(
  bytes: Uint8Array<ArrayBuffer>,
  maxBytes: number,
): Promise<string> {
  const source = new Response(bytes).body ?? new Blob([bytes]).stream();
  const stream = source.pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    // A tiny link must not expand into something that stalls the page.
    if (total > maxBytes) {
      await reader.cancel();
      throw new RangeError('The shared data is larger than allowed.');
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(chunks).arrayBuffer());
}
