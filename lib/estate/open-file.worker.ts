/**
 * Reads, parses and validates an estate file off the main thread: a 10,000-server capture is some 50 MB of JSON, and
 * parsing and checking it holds a thread for a third of a second. The file comes back in pieces (the top-level fields,
 * then the resources a few hundred at a time), so no single message costs the page a long task to receive.
 */
import { EstateFileError, parseEstateFile } from './file';
import type { OpenFileMessage } from './open-file';

/** Resources per message: a few megabytes, which the page takes in well within a frame's budget. */
const CHUNK = 400;

const post = (m: OpenFileMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (event: MessageEvent<{ file: File }>) => {
  const { file } = event.data;
  try {
    const parsed = parseEstateFile(await file.text(), file.name);
    const { resources } = parsed;
    // The top-level fields keep their order (an export writes them back as they came): resources arrive into the same slot.
    post({ kind: 'head', head: { ...parsed, resources: [] } });
    for (let i = 0; i < resources.length; i += CHUNK) post({ kind: 'resources', resources: resources.slice(i, i + CHUNK) });
    post({ kind: 'done' });
  } catch (e) {
    post(
      e instanceof EstateFileError
        ? { kind: 'invalid', source: e.source, jsonPath: e.jsonPath, detail: e.detail }
        : { kind: 'failed', message: (e as Error).message ?? String(e) },
    );
  }
};
