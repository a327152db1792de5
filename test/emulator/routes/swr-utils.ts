// SWR temporary login secret (spec 4.10) and API versions (spec 4.5).
import { randomBytes } from 'node:crypto';
import { json } from '../responses.ts';
import type { RequestContext, Route } from '../route-types.ts';
import { swrRegistryHost } from '../swr-rules.ts';

/** POST /v2/manage/utils/secret: a docker login (fixed by registryCredentials.swr, else generated). */
function createSecret(context: RequestContext) {
  const fixed = context.state.registryCredentials.swr;
  const project = context.query.get('projectname') ?? context.state.region;
  const username = fixed?.username ?? `${project}@EMU${randomBytes(8).toString('hex').toUpperCase()}`;
  const password = fixed?.password ?? randomBytes(32).toString('hex');
  const host = swrRegistryHost(context, project);
  const auth = Buffer.from(`${username}:${password}`).toString('base64');
  return json(
    200,
    { auths: { [host]: { auth } } },
    { 'X-Swr-Dockerlogin': `docker login -u ${username} -p ${password} ${host}` },
  );
}

const V2 = {
  id: 'v2',
  min_version: '2.0',
  status: 'CURRENT',
  updated: '2020-07-09T00:00:00Z',
  version: '2.26',
};

function versionRecord(context: RequestContext) {
  return { ...V2, links: [{ href: `${context.url.origin}/v2`, rel: 'self' }] };
}

function getVersion(context: RequestContext) {
  if (context.params.api_version !== 'v2') {
    return json(404, [
      { errorCode: 'SVCSTG.SWR.4040083', errorMessage: 'The requested URL cannot be found.', detail: '' },
    ]);
  }
  return json(200, { version: versionRecord(context) });
}

export const swrUtilRoutes: Route[] = [
  { method: 'POST', path: '/v2/manage/utils/secret', provider: 'swr', handle: createSecret },
  {
    method: 'GET',
    path: '/',
    provider: 'swr',
    handle: (context) => json(200, { versions: [versionRecord(context)] }),
  },
  { method: 'GET', path: '/:api_version', provider: 'swr', handle: getVersion },
];
