import { connect, type Socket } from 'node:net';
import type { RedisScriptClient } from '@specwire/runtime';

type Reply = string | number | null | Reply[] | Error;

/**
 * A minimal RESP2 client for the Redis tests (ioredis is what hosts use; the store only needs
 * `eval`, which this provides with ioredis's signature). One command at a time per client.
 */
export class RespClient implements RedisScriptClient {
  private readonly socket: Socket;
  private buffer = Buffer.alloc(0);
  private readonly waiting: Array<{ resolve: (reply: Reply) => void; reject: (error: Error) => void }> = [];

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const parsed = parseReply({ buffer: this.buffer, offset: 0 });
        if (!parsed) break;
        this.buffer = this.buffer.subarray(parsed.end);
        this.waiting.shift()?.resolve(parsed.reply);
      }
    });
    socket.on('error', (error) => {
      for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    });
  }

  static connect(port: number): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RespClient(socket)));
      socket.once('error', reject);
    });
  }

  async command(args: Array<string | number>): Promise<Reply> {
    const parts = args.map(String);
    const wire = `*${parts.length}\r\n${parts.map((part) => `$${Buffer.byteLength(part)}\r\n${part}\r\n`).join('')}`;
    const reply = await new Promise<Reply>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.socket.write(wire);
    });
    if (reply instanceof Error) throw reply;
    return reply;
  }

  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown> {
    return this.command(['EVAL', script, numKeys, ...args]);
  }

  close(): void {
    this.socket.end();
  }
}

function parseReply(options: { buffer: Buffer; offset: number }): { reply: Reply; end: number } | undefined {
  const { buffer, offset } = options;
  const lineEnd = buffer.indexOf('\r\n', offset);
  if (lineEnd === -1) return undefined;
  const type = String.fromCharCode(buffer[offset] ?? 0);
  const line = buffer.toString('utf8', offset + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case '+':
      return { reply: line, end: next };
    case '-':
      return { reply: new Error(line), end: next };
    case ':':
      return { reply: Number(line), end: next };
    case '$': {
      const length = Number(line);
      if (length === -1) return { reply: null, end: next };
      if (buffer.length < next + length + 2) return undefined;
      return { reply: buffer.toString('utf8', next, next + length), end: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count === -1) return { reply: null, end: next };
      const items: Reply[] = [];
      let cursor = next;
      for (let index = 0; index < count; index++) {
        const item = parseReply({ buffer, offset: cursor });
        if (!item) return undefined;
        items.push(item.reply);
        cursor = item.end;
      }
      return { reply: items, end: cursor };
    }
    default:
      return { reply: new Error(`unexpected RESP type ${JSON.stringify(type)}`), end: next };
  }
}
