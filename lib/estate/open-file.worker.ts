/**
 * Reads, parses and validates an estate file off the main thread: a 10,000-server capture is some 50 MB of JSON, and
 * parsing and checking it holds a thread for a third of a second. The file comes back in pieces (the top-level fields,
 * then the resources a couple of hundred at a time), each sent when the page asks for it: the browser hands a page the
 * messages waiting for it in one task, so pieces sent all at once arrived as one long task of copying.
 */
import { EstateFileError, parseEstateFile } from './file';
import type { ArmResource } from './file';
import type { OpenFileMessage, OpenFileRequest } from './open-file';

/** Resources per message: about a megabyte, which the page copies in a few milliseconds. */
const CHUNK = 200;

const post = (m: OpenFileMessage) => (self as unknown as Worker).postMessage(m);
/** The file's resources, and how many of them the page has been sent. */
let resources: ArmResource[] = [];
let sent = 0;

self.onmessage = async (event: MessageEvent<OpenFileRequest>) => {
  if (event.data.kind === 'next') {
    const piece = resources.slice(sent, sent + CHUNK);
    sent += piece.length;
    post(piece.length > 0 ? { kind: 'resources', resources: piece } : { kind: 'done' });
    return;
  }
  try {
    const parsed = parseEstateFile(await event.data.file.text(), event.data.file.name);
    resources = parsed.resources;
    sent = 0;
    // The top-level fields keep their order (an export writes them back as they came): resources arrive into the same slot.
    post({ kind: 'head', head: { ...parsed, resources: [] } });
  } catch (e) {
    post(
      e instanceof EstateFileError
        ? { kind: 'invalid', source: e.source, jsonPath: e.jsonPath, detail: e.detail }
        : { kind: 'failed', message: (e as Error).message ?? String(e) },
    );
  }
};
