// `tidings cluster`: groups articles into stories with the engine's own clusterer.
// Reads JSON lines `{id, title, text?, published?}` in arrival order and writes `{"id","story"}`
// for each, in the same order, once the input ends: a later article can merge two stories, and
// the output gives every article its final story, as the engine's store would hold it.
import { createInterface } from 'node:readline';
import { createStoryClusterer, type ClusterInput } from '../pipeline/cluster/story-clusterer.js';

/** Clusters JSON lines from `input` into `{id, story}` lines on `output`; 1 if any line was bad. */
export async function runCluster(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  errors: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const clusterer = createStoryClusterer();
  const ids: string[] = [];
  let bad = 0;
  let lineNumber = 0;
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    lineNumber += 1;
    const text = lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line;
    if (text.trim() === '') continue;
    const parsed = parseLine(text);
    if (!parsed.ok) {
      bad += 1;
      errors.write(`tidings cluster: line ${lineNumber}: ${parsed.error}\n`);
      continue;
    }
    clusterer.add(parsed.doc);
    ids.push(parsed.doc.id);
  }
  for (const id of ids) {
    await write(output, `${JSON.stringify({ id, story: clusterer.storyOf(id) ?? id })}\n`);
  }
  if (bad > 0) errors.write(`tidings cluster: ${bad} bad line(s) skipped\n`);
  return bad > 0 ? 1 : 0;
}

type ParsedLine = { ok: true; doc: ClusterInput } | { ok: false; error: string };

function parseLine(line: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return {
      ok: false,
      error: `not JSON (${error instanceof Error ? error.message : 'parse error'})`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'expected an object {id, title, text?, published?}' };
  }
  const { id, title, text, published } = value as Record<string, unknown>;
  if (typeof id !== 'string' || id === '')
    return { ok: false, error: '"id" must be a non-empty string' };
  if (typeof title !== 'string') return { ok: false, error: `"title" must be a string (id ${id})` };
  if (text !== undefined && text !== null && typeof text !== 'string') {
    return { ok: false, error: `"text" must be a string when given (id ${id})` };
  }
  if (published !== undefined && published !== null && typeof published !== 'string') {
    return { ok: false, error: `"published" must be an ISO 8601 string when given (id ${id})` };
  }
  if (typeof published === 'string' && Number.isNaN(Date.parse(published))) {
    return {
      ok: false,
      error: `"published" is not a date: ${JSON.stringify(published)} (id ${id})`,
    };
  }
  const doc: ClusterInput = { id, title };
  if (typeof text === 'string') doc.text = text;
  if (typeof published === 'string') doc.published = published;
  return { ok: true, doc };
}

// Honours back-pressure so a large output piped to a slow reader does not pile up in memory.
function write(output: NodeJS.WritableStream, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ready = output.write(chunk, (error) => {
      if (error) reject(error);
    });
    if (ready) resolve();
    else output.once('drain', () => resolve());
  });
}
