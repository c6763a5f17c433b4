// A `requestsModule` for autocannon (loaded inside the load process): requests that vary, read from
// a JSON file the scenario wrote, handed out in order across all connections by one shared counter
// (so concurrent connections never send the same request at the same time), wrapping around.
import { readFileSync } from 'node:fs';

/** [method, path, index into headerSets, body or null] */
export type RotatingRequest = [string, string, number, string | null];

export interface RotatingRequestsFile {
  /** Header sets shared by many requests (e.g. one per signed-in account). */
  headerSets: Record<string, string>[];
  requests: RotatingRequest[];
}

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

export function requests(params: { file: string }): { setupRequest(req: AutocannonRequest): AutocannonRequest }[] {
  const spec = JSON.parse(readFileSync(params.file, 'utf8')) as RotatingRequestsFile;
  if (spec.requests.length === 0) throw new Error(`${params.file} holds no requests`);
  let next = 0;
  return [
    {
      setupRequest(req) {
        const [method, path, headerSet, body] = spec.requests[next++ % spec.requests.length];
        return { ...req, method, path, headers: spec.headerSets[headerSet], body: body ?? undefined };
      },
    },
  ];
}
