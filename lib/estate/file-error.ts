/**
 * An estate file that could not be read: which file, the JSON path of the first bad field, and what is wrong there. Its
 * own module, without the schema, so the page can name a refused file without loading the validator (which a worker runs).
 */
export class EstateFileError extends Error {
  constructor(
    readonly source: string,
    readonly jsonPath: string,
    readonly detail: string,
  ) {
    super(`${source}: ${jsonPath}: ${detail}`);
    this.name = 'EstateFileError';
  }
}
