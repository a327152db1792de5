import { describe, expect, it } from 'vitest';
import { splitLineTokens } from '../../../../src/core/action/line-tokens.ts';
import { InputError } from '../../../../src/core/errors/errors.ts';
import { parsePermissionLines } from '../../../../src/providers/swr/ensure-namespace/permission-lines.ts';
import { parseRepositoryLines } from '../../../../src/providers/swr/ensure-namespace/repository-lines.ts';

describe('splitLineTokens', () => {
  it('keeps blanks and escaped quotes inside double quotes', () => {
    expect(splitLineTokens('app description="a \\"big\\" app"  category=linux')).toEqual([
      'app',
      'description=a "big" app',
      'category=linux',
    ]);
  });

  it('keeps an empty quoted value', () => {
    expect(splitLineTokens('app description=""')).toEqual(['app', 'description=']);
  });

  it('refuses an open quote', () => {
    expect(() => splitLineTokens('app description="open')).toThrow('a double quote is not closed');
  });
});

describe('parseRepositoryLines', () => {
  it('reads name and the attributes given, leaving the others undefined', () => {
    expect(
      parseRepositoryLines(['app visibility=public category=linux description="web app"', 'tools/cli']),
    ).toEqual([
      { name: 'app', isPublic: true, category: 'linux', description: 'web app' },
      { name: 'tools/cli' },
    ]);
  });

  it('lists every bad line in one InputError naming the input', () => {
    let error: unknown;
    try {
      parseRepositoryLines(['App', 'web visibility=open', 'db colour=red', 'x category=os', 'y', 'y']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).message;
    expect((error as InputError).inputs).toEqual(['repositories']);
    expect(message).toContain('line "App": repository name "App" may contain only');
    expect(message).toContain('visibility must be private or public, got "open"');
    expect(message).toContain('unknown attribute "colour"');
    expect(message).toContain('category must be one of app_server, linux');
    expect(message).toContain('"y" is declared twice');
  });
});

describe('parsePermissionLines', () => {
  it('reads user, level by name or number, and optional id', () => {
    expect(parsePermissionLines(['alice manage id=u-1', 'bob read', 'carol 3', 'dave write'])).toEqual([
      { userName: 'alice', level: 7, userId: 'u-1' },
      { userName: 'bob', level: 1 },
      { userName: 'carol', level: 3 },
      { userName: 'dave', level: 3 },
    ]);
  });

  it('rejects unknown levels, missing levels and stray words', () => {
    expect(() => parsePermissionLines(['alice admin'])).toThrow(
      'level must be manage, edit or read (7, 3, 1), got "admin"',
    );
    expect(() => parsePermissionLines(['alice'])).toThrow('give a user name and a level');
    expect(() => parsePermissionLines(['alice read uid=1'])).toThrow('"uid=1" is not id=<IAM user id>');
    expect(() => parsePermissionLines(['alice read', 'alice edit'])).toThrow(
      'user "alice" is declared twice',
    );
  });

  it('rejects words that are names of object members, not levels', () => {
    for (const level of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(() => parsePermissionLines([`alice ${level}`])).toThrow(
        `level must be manage, edit or read (7, 3, 1), got "${level}"`,
      );
    }
  });
});
