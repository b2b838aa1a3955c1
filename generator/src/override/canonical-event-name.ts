/**
 * One spelling for event names written different ways: GitHub's spec names `issues-opened` and
 * `pull-request-opened` what deliveries call `issues.opened` and `pull_request.opened`; a spec's
 * `orderPaid` is an `order.paid` event.
 */
export function canonicalEventName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[._/\s-]+/g, '-');
}
