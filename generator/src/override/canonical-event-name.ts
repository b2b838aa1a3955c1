/**
 * One spelling for event names written different ways: GitHub's spec names `issues-opened` and
 * `pull-request-opened` what deliveries call `issues.opened` and `pull_request.opened`.
 */
export function canonicalEventName(name: string): string {
  return name.toLowerCase().replace(/[._/\s-]+/g, '-');
}
