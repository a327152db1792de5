// The shared step of the `shown`, `md` and `apiPath` tags: the project's own literal parts, with each value
// put in through the tag's own conversion.

/** Joins a template literal's parts with converted values; refuses anything but a real template literal. */
export function fillTemplate<V>(
  tag: string,
  parts: TemplateStringsArray,
  values: readonly V[],
  convert: (value: V) => string,
): string {
  // Only a real template literal's frozen parts count as the project's own words.
  if (!Object.isFrozen(parts) || !Array.isArray(parts.raw)) throw new TypeError(`${tag} is a template tag`);
  let text = parts[0] ?? '';
  values.forEach((value, index) => {
    text += convert(value) + (parts[index + 1] ?? '');
  });
  return text;
}
