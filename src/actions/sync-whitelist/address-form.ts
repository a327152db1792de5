import { alternateForm, type IpNetwork } from '../../core/net/ip-network.ts';

/**
 * How to write `network` so that it does not collide with entries about to be replaced: the API has no
 * update, and deletes by exact text, so a single host moves between `1.2.3.4` and `1.2.3.4/32` and the new
 * entry exists before the old one goes (no moment without access). Wider networks have one form only.
 * `taken` are forms held by entries that are not being replaced: never chosen while another form is free
 * of them (the rewrite then happens in place, delete then add, under the form being replaced).
 */
export function unusedForm(
  network: IpNetwork,
  occupied: readonly string[],
  taken: readonly string[] = [],
): string {
  const forms = [network.text, alternateForm(network, network.text)].filter(
    (form): form is string => form !== undefined && !taken.includes(form),
  );
  // Both forms taken by others: write the usual form and let the API's answer decide.
  return forms.find((form) => !occupied.includes(form)) ?? forms[0] ?? network.text;
}
