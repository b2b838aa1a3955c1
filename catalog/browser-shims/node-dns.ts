// Redirect checks resolve host names with node:dns; a browser cannot, and fetch follows redirects itself.
export async function lookup(): Promise<never> {
  throw new Error('DNS lookups are not available in the browser catalog');
}
