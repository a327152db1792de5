// Values of parsed template tokens (GitHub's workflow parser): literals as written, `${{ }}` through the
// evaluator (the parser has already turned `a ${{ x }} b` into `format('a {0} b', x)`).
import { parse } from 'yaml';
import { type Contexts, evaluate, fromExpressionData, type JobStatus } from './expressions.ts';
import { workflowParser } from './github-parser.ts';

export type Token = import('@actions/workflow-parser/templates/tokens/template-token').TemplateToken;
type MappingToken = import('@actions/workflow-parser/templates/tokens/mapping-token').MappingToken;
type ExpressionToken =
  import('@actions/workflow-parser/templates/tokens/basic-expression-token').BasicExpressionToken;

const { isBasicExpression, isLiteral, isMapping, isSequence, isString } = workflowParser;

/** The JSON-like value of a token, expressions evaluated. */
export function tokenValue(
  token: Token | undefined,
  contexts: Contexts,
  status: JobStatus = 'success',
): unknown {
  if (token === undefined) return undefined;
  if (isBasicExpression(token)) return fromExpressionData(evaluate(expressionOf(token), contexts, status));
  if (isMapping(token)) {
    const result: Record<string, unknown> = {};
    for (const { key, value } of token)
      result[String(tokenValue(key, contexts, status))] = tokenValue(value, contexts, status);
    return result;
  }
  if (isSequence(token)) return [...token].map((item) => tokenValue(item, contexts, status));
  if (isLiteral(token)) {
    const literal = token as unknown as { value?: unknown };
    return literal.value ?? null;
  }
  return undefined;
}

/**
 * The expression a token stands for. For a multi-line block scalar (`|`, `>`) the parser builds its
 * format() from the scalar's source lines, indentation and all (easier for editor positions); the runner
 * reads the scalar as YAML does, so the block is decoded here first and the format() rebuilt from it.
 */
function expressionOf(token: ExpressionToken): string {
  const header = token.blockScalarHeader;
  const source = token.source;
  if (!header || !source?.includes('\n')) return token.expression;
  const decoded = String((parse(`value: ${header}\n${source}`) as { value: unknown }).value ?? '');
  const args: string[] = [];
  const literal = decoded.replace(/\$\{\{(.*?)\}\}/gs, (_match, expression: string) => {
    args.push(expression.trim());
    return `\u0000${args.length - 1}\u0000`;
  });
  const format = literal
    .replace(/'/g, "''")
    .replace(/\{/g, '{{')
    .replace(/\}/g, '}}')
    .replace(/\u0000(\d+)\u0000/g, '{$1}');
  return `format('${format}'${args.map((arg) => `, ${arg}`).join('')})`;
}

/** A token's value as the text an input, env variable or script receives (the runner's string conversion). */
export function tokenString(
  token: Token | undefined,
  contexts: Contexts,
  status: JobStatus = 'success',
): string {
  return asText(tokenValue(token, contexts, status));
}

/** The runner's string conversion of an evaluated value. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 2);
}

/** A mapping's values as text, keyed as written (env, with, outputs). */
export function mappingStrings(
  token: Token | undefined,
  contexts: Contexts,
  status: JobStatus = 'success',
): Record<string, string> {
  const result: Record<string, string> = {};
  if (token === undefined || !isMapping(token)) return result;
  for (const { key, value } of token)
    result[String(tokenValue(key, contexts, status))] = tokenString(value, contexts, status);
  return result;
}

/** The value token under a key of a mapping token, if any. */
export function child(token: Token | undefined, key: string): Token | undefined {
  if (token === undefined || !isMapping(token)) return undefined;
  return (token as MappingToken).find(key);
}

/** The items of a sequence token under a key, if any. */
export function children(token: Token | undefined, key: string): Token[] {
  const sequence = child(token, key);
  return sequence !== undefined && isSequence(sequence) ? [...sequence] : [];
}

/** A literal string under a key, if any. */
export function literalString(token: Token | undefined, key: string): string | undefined {
  const value = child(token, key);
  return value !== undefined && isString(value) ? value.value : undefined;
}
