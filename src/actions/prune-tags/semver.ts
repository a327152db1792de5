// `keep-semver: N`: keep the N highest release versions of each major version.
interface Version {
  major: number;
  minor: number;
  patch: number;
}

/** Release versions only (`1.2.3`, `v1.2.3`, build metadata allowed); pre-releases are not releases. */
function parseReleaseVersion(tag: string): Version | undefined {
  const match = tag.match(/^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:\+[0-9A-Za-z.-]+)?$/);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/** Reason text for each tag name that is among the `count` highest releases of its major version. */
export function semverKeepers(names: readonly string[], count: number): Map<string, string> {
  const byMajor = new Map<number, { tag: string; version: Version }[]>();
  if (count <= 0) return new Map();
  for (const tag of names) {
    const version = parseReleaseVersion(tag);
    if (!version) continue;
    const group = byMajor.get(version.major) ?? [];
    group.push({ tag, version });
    byMajor.set(version.major, group);
  }
  const keepers = new Map<string, string>();
  for (const [major, group] of byMajor) {
    group.sort(
      (a, b) => compareVersions(b.version, a.version) || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0),
    );
    const reason = `kept: among the ${count} highest releases of major ${major} (keep-semver)`;
    for (const { tag } of group.slice(0, count)) keepers.set(tag, reason);
  }
  return keepers;
}

function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}
