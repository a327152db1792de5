// How an error message names the inputs involved, the same way everywhere: `Input 'a' …`, `Inputs 'a' and 'b' …`.

/** `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`. */
export function quoteInputs(names: readonly string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}` : (quoted[0] ?? '');
}

/** `Input 'a'` or `Inputs 'a' and 'b'`: how an InputError message starts. */
export function inputLabel(names: readonly string[]): string {
  return `${names.length > 1 ? 'Inputs' : 'Input'} ${quoteInputs(names)}`;
}
