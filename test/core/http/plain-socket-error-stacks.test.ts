import { errors } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { plainSocketErrorStacks } from '../../../src/core/http/plain-socket-error-stacks.ts';

const saved = Error.prepareStackTrace;
/** Stands for the source-map formatter dist/ installs; says which errors it was asked to format. */
const mapper = vi.fn((error: Error) => `mapped ${error.message}`);

beforeEach(() => {
  mapper.mockClear();
  Error.prepareStackTrace = mapper;
});

afterEach(() => {
  if (saved) Error.prepareStackTrace = saved;
  else Reflect.deleteProperty(Error, 'prepareStackTrace');
});

describe('stack traces of undici’s connection-closing errors', () => {
  it('are V8’s own for the errors undici closes sockets with, without asking the installed formatter', () => {
    plainSocketErrorStacks();
    const idle = new errors.InformationalError('socket idle timeout');
    const closed = new errors.SocketError('other side closed');
    expect(idle.stack).toMatch(/^InformationalError: socket idle timeout\n {4}at .+:\d+:\d+/);
    expect(closed.stack).toMatch(/^SocketError: other side closed\n {4}at .+:\d+:\d+/);
    expect(mapper).not.toHaveBeenCalled();
  });

  it('still go through the installed formatter for every other error, undici’s included', () => {
    plainSocketErrorStacks();
    plainSocketErrorStacks();
    expect(new TypeError('a bug').stack).toBe('mapped a bug');
    expect(new errors.HeadersTimeoutError().stack).toBe('mapped Headers Timeout Error');
    expect(mapper).toHaveBeenCalledTimes(2);
  });

  it('leave V8 formatting every trace itself when no formatter is installed', () => {
    Reflect.deleteProperty(Error, 'prepareStackTrace');
    plainSocketErrorStacks();
    expect(Error.prepareStackTrace).toBeUndefined();
    expect(new errors.InformationalError('socket idle timeout').stack).toMatch(
      /^InformationalError: socket idle timeout\n {4}at /,
    );
  });
});
