// The runtime base64-encodes with Buffer (basic auth, base64 bodies); this covers those two uses.
function bytesOf(value: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof value === 'string') return new TextEncoder().encode(value);
  return value instanceof Uint8Array ? value : new Uint8Array(value);
}

export const Buffer = {
  from(value: string | Uint8Array | ArrayBuffer) {
    const bytes = bytesOf(value);
    return {
      toString(encoding?: string): string {
        if (encoding !== 'base64') return new TextDecoder().decode(bytes);
        let binary = '';
        for (const byte of bytes) binary += String.fromCharCode(byte);
        return btoa(binary);
      },
    };
  },
};
