// SWR's registry hosts: one per region (the API lives on swr-api.{region}, images on swr.{region}).

/** SWR's registry host of a region. */
export function swrRegistryHost(region: string): string {
  return `swr.${region}.myhuaweicloud.com`;
}

/** How users write an SWR registry host, for messages. */
export const SWR_HOST_FORM = 'swr.<region>.myhuaweicloud.com';

const SWR_HOST = /^swr\.([a-z]{2,}(?:-[a-z]+)+-\d+)\.myhuaweicloud\.com$/;

/** The login inputs an SWR registry host implies (its region); undefined for any other host. */
export function swrHostInputs(host: string): Readonly<Record<string, string>> | undefined {
  const region = SWR_HOST.exec(host)?.[1];
  return region ? { region } : undefined;
}
