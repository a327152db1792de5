/** A generic next step when the provider's hintFor has none. */
export function defaultHint(status: number): string | undefined {
  if (status === 0) return 'Check the endpoint, the network and any HTTPS_PROXY / NO_PROXY settings.';
  if (status === 401) return 'Check the credentials.';
  if (status === 403) return 'Check that the credentials are allowed to do this.';
  if (status === 429)
    return 'The API kept limiting the request rate; lower the concurrency or run again later.';
  if (status >= 500) return 'The service failed; run again later.';
  return undefined;
}
