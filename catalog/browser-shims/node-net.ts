// node:net's address checks, enough for the runtime's redirect guard.
export function isIPv4(value: string): boolean {
  return /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(value) && value.split('.').every((part) => Number(part) <= 255);
}

export function isIPv6(value: string): boolean {
  return value.includes(':') && /^[0-9a-fA-F:.]+$/.test(value);
}
