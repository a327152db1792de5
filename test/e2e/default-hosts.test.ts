// The host each built action contacts when no endpoint is given, observed as the CONNECT target at an
// HTTPS proxy (not read from our URL builder): SWR, IAM, CCR enterprise and CCR personal.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, startEmulator } from '../emulator/index.ts';
import { runStep } from '../harness/runner.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { startConnectRecorder } from '../support/connect-recorder.ts';

const hw = DEFAULT_CREDENTIALS.huawei;
const bce = DEFAULT_CREDENTIALS.baidu;
const recorderForTest = closedAfterEach(startConnectRecorder);
const emulatorForTest = closedAfterEach(startEmulator);

const huaweiKeys = { 'access-key-id': hw.accessKeyId, 'secret-access-key': hw.secretAccessKey };
const baiduKeys = { 'access-key-id': bce.accessKeyId, 'secret-access-key': bce.secretAccessKey };

const cases = [
  {
    family: 'SWR (API host of the region)',
    action: 'login',
    inputs: { provider: 'swr', region: 'cn-north-4', ...huaweiKeys },
    host: 'swr-api.cn-north-4.myhuaweicloud.com:443',
  },
  {
    family: 'IAM (regional endpoint, password sign-in)',
    action: 'login',
    inputs: {
      provider: 'swr',
      region: 'ap-southeast-1',
      'iam-username': hw.userName,
      'iam-password': hw.password,
      'iam-domain': hw.domainName,
    },
    host: 'iam.ap-southeast-1.myhuaweicloud.com:443',
  },
  {
    family: 'CCR enterprise (regional host)',
    action: 'login',
    inputs: {
      provider: 'ccr',
      region: 'bj',
      'instance-id': 'ccr-4k74gw7d',
      'user-id': bce.userId,
      ...baiduKeys,
    },
    host: 'ccr.bj.baidubce.com:443',
  },
  {
    family: 'CCR personal (one host for every region, as its Host line says)',
    action: 'ensure-namespace',
    inputs: { provider: 'ccr', region: 'gz', namespace: 'team', ...baiduKeys },
    host: 'ccr.baidubce.com:443',
  },
] as const;

describe('default API hosts, seen through HTTPS_PROXY', () => {
  it.each(cases)('$family: $host', async ({ action, inputs, host }) => {
    const proxy = await recorderForTest();
    const result = await runStep({ action, inputs, env: { HTTPS_PROXY: proxy.url, NO_PROXY: '' } });
    expect(result.exitCode).toBe(1);
    expect([...new Set(proxy.targets)]).toEqual([host]);
  });
});

describe('one base URL per API family (emulator separateHosts)', () => {
  it('login with an IAM password sends IAM calls to iam-endpoint and SWR calls to endpoint', async () => {
    const e = await emulatorForTest({ separateHosts: true, seed: { region: 'cn-north-4' } });
    const result = await runStep({
      action: 'login',
      inputs: {
        provider: 'swr',
        region: 'cn-north-4',
        endpoint: e.urls!.swr,
        'iam-endpoint': e.urls!.iam,
        'iam-username': hw.userName,
        'iam-password': hw.password,
        'iam-domain': hw.domainName,
      },
    });
    expect(result.exitCode, result.log).toBe(0);
    expect(e.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /v3/auth/tokens 201',
      'POST /v2/manage/utils/secret 200',
    ]);
  });
});
