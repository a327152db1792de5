import type { ApiClient } from '../http/types.ts';
import { type IamToken, readIamToken } from './iam-token.ts';

/** An IAM user's sign-in: user name, password and the account (domain) name. */
export interface IamPassword {
  username: string;
  password: string;
  domain: string;
}

/** The body of `POST /v3/auth/tokens` with the password method, scoped to the region's project (SWR spec 3.2). */
function passwordTokenBody(user: IamPassword, projectName: string): unknown {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: { name: user.username, password: user.password, domain: { name: user.domain } },
        },
      },
      scope: { project: { name: projectName } },
    },
  };
}

/** Gets a project-scoped IAM token for an IAM user; the token is masked as soon as it arrives. */
export async function requestPasswordToken(
  iam: ApiClient,
  user: IamPassword,
  projectName: string,
  now: () => Date = () => new Date(),
): Promise<IamToken> {
  const operation = `get a token for IAM user ${user.username} in project ${projectName}`;
  const response = await iam.request({
    method: 'POST',
    path: '/v3/auth/tokens',
    body: passwordTokenBody(user, projectName),
    operation,
    // Issuing a token creates nothing that a repeat could duplicate.
    retrySafe: true,
  });
  return readIamToken(response, operation, now());
}
