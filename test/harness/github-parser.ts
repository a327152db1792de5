// GitHub's own workflow and action parser (@actions/workflow-parser, which also checks the schema),
// loadable in plain Node (the demo) as well as under vitest: the package imports its JSON schemas without
// an import attribute, which Node refuses, so a load hook adds the attribute for that package only.
import { registerHooks } from 'node:module';

registerHooks({
  load(url, context, nextLoad) {
    if (url.includes('/@actions/workflow-parser/') && url.endsWith('.json')) {
      return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
    }
    return nextLoad(url, context);
  },
});

export const workflowParser = await import('@actions/workflow-parser');
export const actionParser = await import('@actions/workflow-parser/actions/index');
export const templateTokens = await import('@actions/workflow-parser/templates/tokens/index');
