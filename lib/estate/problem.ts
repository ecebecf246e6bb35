/** A problem with an input, at the path of the field it is about: what a CLI prints and a form shows under the field. */
export interface Problem {
  /** Dotted path into the input (`key.create.name`), or `$` for the whole of it. */
  path: string;
  message: string;
}

/** The first problem at `path` or below it, for a field's validation message. */
export function problemAt(problems: readonly Problem[], path: string): string | undefined {
  return problems.find((p) => p.path === path || p.path.startsWith(`${path}.`))?.message;
}
