import { startRecordingServer, type RecordedRequest, type RecordingServer } from '@specwire/runtime/testing';

export interface Issue {
  id: number;
  title: string;
  created_at: string;
  updated_at: string;
}

/**
 * A GitHub-like issue list on 127.0.0.1 whose contents a test changes between (and during) polls:
 * `sort=created|updated`, newest first, `per_page` + `page` with a Link rel="next" header, and
 * `since` (updated at or after). `beforePage` runs before a page is served, to move the list mid-walk.
 */
export async function startIssueServer(): Promise<{
  server: RecordingServer;
  issues: Issue[];
  add(title: string): Issue;
  touch(id: number): void;
  beforePage: { hook?: (page: number) => void };
}> {
  const issues: Issue[] = [];
  let clock = Date.parse('2025-01-01T00:00:00Z');
  let nextId = 1;
  const tick = (): string => new Date((clock += 60_000)).toISOString();
  const beforePage: { hook?: (page: number) => void } = {};
  const server = await startRecordingServer((request: RecordedRequest) => {
    const page = Number(request.query.page?.[0] ?? '1');
    beforePage.hook?.(page);
    const perPage = Number(request.query.per_page?.[0] ?? '30');
    const sort = request.query.sort?.[0] === 'updated' ? 'updated_at' : 'created_at';
    const since = request.query.since?.[0];
    const listed = issues
      .filter((issue) => since === undefined || issue.updated_at >= since)
      .sort((a, b) => (a[sort] < b[sort] ? 1 : a[sort] > b[sort] ? -1 : b.id - a.id));
    const slice = listed.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < listed.length) {
      const next = new URLSearchParams({ ...Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, v[0] ?? ''])), page: String(page + 1) });
      headers.link = `<${server.url}/issues?${next.toString()}>; rel="next"`;
    }
    return { json: slice.map((issue) => ({ ...issue })), headers };
  });
  return {
    server,
    issues,
    beforePage,
    add: (title) => {
      const at = tick();
      const issue = { id: nextId++, title, created_at: at, updated_at: at };
      issues.push(issue);
      return issue;
    },
    touch: (id) => {
      const issue = issues.find((candidate) => candidate.id === id);
      if (issue) {
        issue.updated_at = tick();
        issue.title = `${issue.title} (edited)`;
      }
    },
  };
}
