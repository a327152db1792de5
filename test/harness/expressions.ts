// Evaluates workflow expressions with GitHub's own evaluator (@actions/expressions), over the contexts the
// runner provides: github, env, secrets, vars, steps, inputs, job, runner, matrix, needs, strategy, jobs.
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';

/** JSON-like values of each context, by context name. */
export type Contexts = Partial<Record<ContextName, unknown>>;

export const CONTEXT_NAMES = [
  'github',
  'env',
  'secrets',
  'vars',
  'steps',
  'inputs',
  'job',
  'jobs',
  'runner',
  'matrix',
  'needs',
  'strategy',
] as const;
export type ContextName = (typeof CONTEXT_NAMES)[number];

/** What the status functions see: the job (or composite action) so far. */
export type JobStatus = 'success' | 'failure' | 'cancelled';

/** Converts a JSON-like value into the evaluator's data (objects become case-insensitive dictionaries). */
export function toExpressionData(value: unknown): data.ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as data.ExpressionData;
}

/** Converts evaluated data back into a JSON-like value. */
export function fromExpressionData(value: data.ExpressionData): unknown {
  return JSON.parse(JSON.stringify(value, data.replacer)) as unknown;
}

/** Evaluates one expression (without `${{ }}`). */
export function evaluate(
  expression: string,
  contexts: Contexts,
  status: JobStatus = 'success',
): data.ExpressionData {
  const functions = statusFunctions(status);
  const lexed = new Lexer(expression).lex();
  const tree = new Parser(lexed.tokens, [...CONTEXT_NAMES], [...functions.values()]).parse();
  const dictionary = new data.Dictionary();
  for (const name of CONTEXT_NAMES) dictionary.add(name, toExpressionData(contexts[name] ?? {}));
  return new Evaluator(tree, dictionary, functions).evaluate();
}

/** An `if:` condition as the runner reads it: the expression's truthiness. */
export function evaluateCondition(expression: string, contexts: Contexts, status: JobStatus): boolean {
  return truthy(evaluate(expression, contexts, status));
}

/** The text an input, env value or `run:` script receives from an expression. */
export function evaluateString(
  expression: string,
  contexts: Contexts,
  status: JobStatus = 'success',
): string {
  return evaluate(expression, contexts, status).coerceString();
}

function statusFunctions(status: JobStatus): Map<string, FunctionDefinition> {
  const fixed = (name: string, value: boolean): FunctionDefinition => ({
    name,
    minArgs: 0,
    maxArgs: 0,
    call: () => new data.BooleanData(value),
  });
  return new Map([
    ['success', fixed('success', status === 'success')],
    ['failure', fixed('failure', status === 'failure')],
    ['cancelled', fixed('cancelled', status === 'cancelled')],
    ['always', fixed('always', true)],
    [
      'hashfiles',
      {
        name: 'hashFiles',
        minArgs: 1,
        maxArgs: 255,
        call: () => {
          throw new Error('hashFiles() is not available in this runner model');
        },
      },
    ],
  ]);
}
