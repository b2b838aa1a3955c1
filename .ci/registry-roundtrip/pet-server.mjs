import { createServer } from 'node:http';

/** A local Petstore on 127.0.0.1: pet 7 exists, every other path is a JSON 404. */
export async function startPetServer() {
  const server = createServer((request, response) => {
    const found = /\/pet\/7$/.test(new URL(request.url, 'http://127.0.0.1').pathname);
    response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(found ? { id: 7, name: 'Rex', photoUrls: [] } : { message: 'not found' }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/v2`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
