// Checks a seed read from JSON (file, admin endpoint) before it becomes state; errors name the bad field.
import { parseFaultConfig } from './faults.ts';
import { checkGithubSeed } from './seed-github.ts';
import { checkOidcProviders } from './seed-oidc.ts';
import type { EmulatorSeed } from './seed-types.ts';
import { checkWhitelistRules } from './whitelist-rules.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown, where: string): Json[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`seed: ${where} must be an array`);
  return value.map((item, index) => {
    if (!isObject(item)) throw new Error(`seed: ${where}[${index}] must be an object`);
    return item;
  });
}

function requireName(item: Json, key: string, where: string): void {
  if (typeof item[key] !== 'string' || item[key] === '')
    throw new Error(`seed: ${where}.${key} must be a string`);
}

function checkOptional(item: Json, key: string, type: 'string' | 'number' | 'boolean', where: string): void {
  if (item[key] !== undefined && typeof item[key] !== type)
    throw new Error(`seed: ${where}.${key} must be a ${type}`);
}

function checkTags(value: unknown, where: string): void {
  list(value, where).forEach((tag, i) => {
    const at = `${where}[${i}]`;
    requireName(tag, 'tag', at);
    for (const key of ['digest', 'created', 'updated']) checkOptional(tag, key, 'string', at);
    checkOptional(tag, 'size', 'number', at);
    if (tag.tagType !== undefined && tag.tagType !== 0 && tag.tagType !== 1) {
      throw new Error(`seed: ${at}.tagType must be 0 or 1`);
    }
    if (
      tag.children !== undefined &&
      !(Array.isArray(tag.children) && tag.children.every((c) => typeof c === 'string'))
    ) {
      throw new Error(`seed: ${at}.children must be an array of digests`);
    }
    if (tag.manifest !== undefined && tag.manifest !== null && typeof tag.manifest !== 'string') {
      throw new Error(`seed: ${at}.manifest must be text or null`);
    }
  });
}

function checkSwr(value: unknown): void {
  if (value === undefined) return;
  if (!isObject(value)) throw new Error('seed: swr must be an object');
  list(value.namespaces, 'swr.namespaces').forEach((ns, i) => {
    const at = `swr.namespaces[${i}]`;
    requireName(ns, 'name', at);
    checkOptional(ns, 'owner', 'string', at);
    list(ns.permissions, `${at}.permissions`);
    list(ns.repositories, `${at}.repositories`).forEach((repo, j) => {
      const repoAt = `${at}.repositories[${j}]`;
      requireName(repo, 'name', repoAt);
      checkOptional(repo, 'isPublic', 'boolean', repoAt);
      list(repo.permissions, `${repoAt}.permissions`);
      list(repo.retentions, `${repoAt}.retentions`);
      checkTags(repo.tags, `${repoAt}.tags`);
    });
  });
}

function checkCcrForms(value: unknown): void {
  if (value === undefined) return;
  if (!isObject(value)) throw new Error('seed: ccrForms must be an object');
  checkOptional(value, 'projectListKey', 'string', 'seed.ccrForms');
  const encoding = value.repositoryEncoding;
  if (encoding !== undefined && encoding !== 'single' && encoding !== 'double') {
    throw new Error("seed: ccrForms.repositoryEncoding must be 'single' or 'double'");
  }
}

function checkCcr(value: unknown): void {
  if (value === undefined) return;
  if (!isObject(value)) throw new Error('seed: ccr must be an object');
  list(value.personalProjects, 'ccr.personalProjects').forEach((p, i) => {
    requireName(p, 'name', `ccr.personalProjects[${i}]`);
  });
  list(value.instances, 'ccr.instances').forEach((instance, i) => {
    const at = `ccr.instances[${i}]`;
    requireName(instance, 'id', at);
    list(instance.privateLinks, `${at}.privateLinks`);
    if (instance.publicLinks !== undefined && !isObject(instance.publicLinks)) {
      throw new Error(`seed: ${at}.publicLinks must be an object`);
    }
    list(instance.projects, `${at}.projects`).forEach((project, j) => {
      const projectAt = `${at}.projects[${j}]`;
      requireName(project, 'name', projectAt);
      list(project.repositories, `${projectAt}.repositories`).forEach((repo, k) => {
        requireName(repo, 'name', `${projectAt}.repositories[${k}]`);
        checkTags(repo.tags, `${projectAt}.repositories[${k}].tags`);
      });
    });
  });
}

/** A seed checked for shape; throws an Error naming the first bad field. */
export function parseSeed(value: unknown): EmulatorSeed {
  if (!isObject(value)) throw new Error('seed: must be a JSON object');
  if (
    value.tagDeleteMode !== undefined &&
    value.tagDeleteMode !== 'tag' &&
    value.tagDeleteMode !== 'digest'
  ) {
    throw new Error("seed: tagDeleteMode must be 'tag' or 'digest'");
  }
  checkWhitelistRules(value.whitelistRules);
  for (const key of ['tokenLifetimeSeconds', 'signatureSkewSeconds'])
    checkOptional(value, key, 'number', 'seed');
  const cap = value.swrPageCap;
  if (cap !== undefined && (typeof cap !== 'number' || !Number.isInteger(cap) || cap < 1)) {
    throw new Error('seed: swrPageCap must be a whole number ≥ 1');
  }
  checkOptional(value, 'region', 'string', 'seed');
  if (value.credentials !== undefined && !isObject(value.credentials))
    throw new Error('seed: credentials must be an object');
  if (value.registryCredentials !== undefined && !isObject(value.registryCredentials)) {
    throw new Error('seed: registryCredentials must be an object');
  }
  checkOidcProviders(value.oidcProviders);
  checkGithubSeed(value.github);
  checkSwr(value.swr);
  checkCcr(value.ccr);
  checkCcrForms(value.ccrForms);
  const faults = value.faults === undefined ? undefined : parseFaultConfig(value.faults);
  return { ...(value as EmulatorSeed), ...(faults ? { faults } : {}) };
}
