/** SWR's registry host of a region (the API lives on swr-api.{region}, images on swr.{region}). */
export function swrRegistryHost(region: string): string {
  return `swr.${region}.myhuaweicloud.com`;
}
