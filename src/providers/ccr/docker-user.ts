// The docker user of a CCR enterprise temporary login, as the inputs name it.
import type { InputReader } from '../../core/action/input-reader.ts';
import { InputError } from '../../core/errors/errors.ts';

/**
 * Who the docker user is: named (`username`), or read from the profile of a Baidu Cloud user id
 * (`user-id`), since the profile call takes the id (`GET /v1/users/profile?userId=`).
 */
export type CcrDockerUser = { username: string; userId?: string } | { username?: undefined; userId: string };

/**
 * `username`, else `user-id` whose profile names the docker user; one of them is needed. `needs` says
 * what needs it, completed by "the docker user name": "a CCR enterprise login needs".
 */
export function readCcrDockerUser(reader: InputReader, needs: string): CcrDockerUser {
  const username = reader.optional('username');
  const userId = reader.optional('user-id');
  if (username) return userId ? { username, userId } : { username };
  if (userId) return { userId };
  throw new InputError(
    ['username', 'user-id'],
    `Inputs 'username' and 'user-id' are both empty: ${needs} the docker user name (username), or the ` +
      'Baidu Cloud user id whose profile names it (user-id, shown in the account center), since the ' +
      'profile call takes a user id.',
  );
}
