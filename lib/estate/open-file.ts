/**
 * Opens an estate file the user picked: read, parsed and validated in a Web Worker (open-file.worker.ts) so the page
 * keeps drawing while a large capture loads; on the main thread where there are no workers.
 */
import type { ArmResource, EstateFile } from './file';
import { EstateFileError } from './file-error';

export type OpenFileMessage =
  | { kind: 'head'; head: EstateFile }
  | { kind: 'resources'; resources: ArmResource[] }
  | { kind: 'done' }
  | { kind: 'invalid'; source: string; jsonPath: string; detail: string }
  | { kind: 'failed'; message: string };

/** What the page asks of the worker: read this file, then each next piece of it. */
export type OpenFileRequest = { kind: 'open'; file: File } | { kind: 'next' };

/** Rejects with an EstateFileError naming the JSON path of the first bad field, as parseEstateFile does. */
export async function openEstateFile(file: File): Promise<EstateFile> {
  if (typeof Worker === 'undefined') {
    // The schema runs where the file is read: here only when there is no worker to read it.
    const { parseEstateFile } = await import('./file');
    return parseEstateFile(await file.text(), file.name);
  }
  const worker = new Worker(new URL('./open-file.worker.ts', import.meta.url));
  try {
    return await new Promise<EstateFile>((resolve, reject) => {
      let head: EstateFile | undefined;
      worker.onerror = (e) => reject(new Error(e.message || 'the file could not be read'));
      worker.onmessageerror = () => reject(new Error('the file could not be handed to the page'));
      const next = () => worker.postMessage({ kind: 'next' } satisfies OpenFileRequest);
      worker.onmessage = (event: MessageEvent<OpenFileMessage>) => {
        const m = event.data;
        if (m.kind === 'head') {
          head = m.head;
          next();
        } else if (m.kind === 'resources' && head) {
          for (const r of m.resources) head.resources.push(r);
          next();
        } else if (m.kind === 'done' && head) resolve(head);
        else if (m.kind === 'invalid') reject(new EstateFileError(m.source, m.jsonPath, m.detail));
        else if (m.kind === 'failed') reject(new Error(m.message));
      };
      worker.postMessage({ kind: 'open', file } satisfies OpenFileRequest);
    });
  } finally {
    worker.terminate();
  }
}
