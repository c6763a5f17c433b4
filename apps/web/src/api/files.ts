// Evidence files over the network: the upload with progress (XMLHttpRequest: fetch reports no upload
// progress), and downloads of files that need the bearer token (fetched, then saved from a blob).
import { session } from './client';
import { ApiError, isApiErrorBody, NETWORK_ERROR } from './errors';

function send(url: string, body: FormData, token: string | null, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => resolve({ status: request.status, text: request.responseText });
    request.onerror = () => reject(new ApiError(NETWORK_ERROR, null));
    request.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort());
    request.send(body);
  });
}

/** POST multipart `file`; renews the session once on a 401 (as the typed client does). */
export async function uploadFile<T>(path: string, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  let answer = await send(path, body, await session.accessToken(), onProgress, signal);
  if (answer.status === 401) {
    const renewed = await session.renew();
    if (renewed) answer = await send(path, body, renewed, onProgress, signal);
  }
  let parsed: unknown;
  try {
    parsed = answer.text ? JSON.parse(answer.text) : null;
  } catch {
    parsed = null;
  }
  if (answer.status < 200 || answer.status >= 300) throw new ApiError(answer.status, isApiErrorBody(parsed) ? parsed : null);
  return parsed as T;
}

/** Downloads a protected file and saves it under `filename`. */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const response = await session.authorizedFetch(new Request(new URL(path, window.location.origin)));
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new ApiError(response.status, isApiErrorBody(body) ? body : null);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A protected text resource (the scores CSV). */
export async function fetchText(path: string, signal?: AbortSignal): Promise<string> {
  const response = await session.authorizedFetch(new Request(new URL(path, window.location.origin), { signal }));
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new ApiError(response.status, isApiErrorBody(body) ? body : null);
  }
  return response.text();
}

