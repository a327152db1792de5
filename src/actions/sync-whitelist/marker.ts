// The ownership marker this action writes at the end of an allowlist description, readable in the console:
//   "office (registry-actions run 1001-1)"                          a declared entry, added by run 1001 attempt 1
//   "GitHub Actions runner (registry-actions lease v3 until 2025-06-01T13:00Z: 1001-1.k3f9 1002-1.a8c2)"
//                                                                   a runner lease: version, expiry, holders
// Entries without a marker for the configured owner are never changed.

/** A declared entry: stays until the declaration drops it. */
interface PermanentMark {
  kind: 'permanent';
  owner: string;
  runId: string;
}

/** A runner lease shared by every job listed in `holders`; `overflow` counts holders that did not fit. */
export interface LeaseMark {
  kind: 'lease';
  owner: string;
  /** Bumped on every rewrite, so the newest of two entries for one address is known during a swap. */
  version: number;
  until: Date;
  holders: string[];
  overflow: number;
}

export type Mark = PermanentMark | LeaseMark;

/** A description split into the user's text and the marker (absent for entries made by hand). */
export interface ParsedDescription {
  text: string;
  mark?: Mark;
}

/** Descriptions are kept short enough for the console; holders that do not fit become `+N`. */
export const MAX_DESCRIPTION_LENGTH = 200;
/** Longest user text, so the marker always fits. */
export const MAX_TEXT_LENGTH = 64;

const TOKEN = '[A-Za-z0-9][A-Za-z0-9._-]*';
const MARKER = new RegExp(
  `^(?<text>.*?)\\s*\\((?<owner>${TOKEN}) (?:run (?<run>${TOKEN})|lease v(?<version>\\d{1,9}) ` +
    `until (?<until>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ): (?<holders>[^()]*))\\)$`,
  's',
);

/** Reads the marker at the end of a description, if any (of any owner). */
export function parseDescription(description: string): ParsedDescription {
  const match = description.trim().match(MARKER);
  if (!match?.groups) return { text: description.trim() };
  const { text = '', owner = '', run, version, until, holders = '' } = match.groups;
  if (run !== undefined) return { text, mark: { kind: 'permanent', owner, runId: run } };
  if (until === undefined) return { text: description.trim() };
  const tokens = holders.split(' ').filter((token) => token !== '');
  const overflowToken = tokens.find((token) => /^\+\d+$/.test(token));
  const expiry = new Date(until.replace('Z', ':00Z'));
  const names = tokens.filter((token) => new RegExp(`^${TOKEN}$`).test(token));
  if (Number.isNaN(expiry.getTime()) || names.length + (overflowToken ? 1 : 0) !== tokens.length) {
    return { text: description.trim() };
  }
  return {
    text,
    mark: {
      kind: 'lease',
      owner,
      version: Number(version),
      until: expiry,
      holders: names,
      overflow: overflowToken ? Number(overflowToken.slice(1)) : 0,
    },
  };
}

/** Writes text and marker; lease holders beyond MAX_DESCRIPTION_LENGTH are folded into `+N`, oldest first. */
export function formatDescription(text: string, mark: Mark): string {
  const prefix = text === '' ? '' : `${text} `;
  if (mark.kind === 'permanent') return `${prefix}(${mark.owner} run ${mark.runId})`;
  const head = `${prefix}(${mark.owner} lease v${mark.version} until ${formatMinute(mark.until)}:`;
  const listed = [...mark.holders];
  let overflow = mark.overflow;
  for (;;) {
    const tail = overflow > 0 ? [...listed, `+${overflow}`] : listed;
    const description = `${head} ${tail.join(' ')})`;
    if (description.length <= MAX_DESCRIPTION_LENGTH || listed.length <= 1) return description;
    listed.shift();
    overflow++;
  }
}

/** True when the description carries this owner's marker. */
export function isOwnedBy(mark: Mark | undefined, owner: string): mark is Mark {
  return mark?.owner === owner;
}

/** `2025-06-01T13:00Z`: minute precision, rounded up so a lease never ends earlier than asked. */
export function formatMinute(date: Date): string {
  return `${ceilMinute(date).toISOString().slice(0, 16)}Z`;
}

/** The date rounded up to a whole minute: the expiry a marker written now would show. */
export function ceilMinute(date: Date): Date {
  return new Date(Math.ceil(date.getTime() / 60_000) * 60_000);
}

/** The owner name rule: it must read as one token in the marker. */
export function isValidOwner(owner: string): boolean {
  return owner.length <= 32 && new RegExp(`^${TOKEN}$`).test(owner);
}
