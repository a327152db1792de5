// The inputs and outputs an action.yml declares, as the bundles and tools read them at run time.
// Each src/actions/<name>/action-metadata.ts is generated from actions/<name>/action.yml
// (scripts/action-metadata.ts, run by `npm run build` and `npm run docs`; `npm run check:docs` checks it).

export interface InputMetadata {
  description: string;
  required: boolean;
  /** The default the runner passes when the step leaves the input out; absent: the runner passes ''. */
  default?: string;
}

export interface ActionMetadata {
  /** The action's directory name under actions/, e.g. prune-tags. */
  name: string;
  /** What the action does (action.yml `description`), for the CLI's --help. */
  description: string;
  inputs: Readonly<Record<string, InputMetadata>>;
  outputs: Readonly<Record<string, { description: string }>>;
}

/** The runner's environment variable for an input: `INPUT_` + name upper-cased, spaces as `_`, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
