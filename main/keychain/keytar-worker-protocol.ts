// What the app and its keytar worker say to each other: one request, one answer, matched by id.
// The worker is another process (and native code): its answers are checked for shape before any
// is believed, so a garbled line can fail a call but never read as "no entry" or "deleted".
export type WorkerOp = 'getPassword' | 'setPassword' | 'deletePassword' | 'names';

export interface WorkerRequest {
  id: number;
  op: WorkerOp;
  args: string[];
}

export type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/** The keytar functions the worker calls (findCredentials only there: it can crash its process). */
export interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export async function answerKeytarRequest(keytar: KeytarModule, { id, op, args }: WorkerRequest): Promise<WorkerAnswer> {
  const [service = '', account = '', password = ''] = args;
  try {
    let value: unknown;
    if (op === 'names') value = (await keytar.findCredentials(service)).map((entry) => entry.account);
    else if (op === 'getPassword') value = await keytar.getPassword(service, account);
    else if (op === 'setPassword') value = await keytar.setPassword(service, account, password);
    else value = await keytar.deletePassword(service, account);
    return { id, ok: true, value: value ?? null };
  } catch (error) {
    return { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The id of something shaped like an answer, or null: only then can it be matched to its call. */
export function answerId(value: unknown): number | null {
  return isRecord(value) && Number.isSafeInteger(value['id']) ? (value['id'] as number) : null;
}

/** Whether a successful answer's value is what `op` returns. */
const VALUE_SHAPES: Record<WorkerOp, (value: unknown) => boolean> = {
  getPassword: (value) => value === null || typeof value === 'string',
  setPassword: (value) => value === null,
  deletePassword: (value) => typeof value === 'boolean',
  names: (value) => Array.isArray(value) && value.every((name) => typeof name === 'string'),
};

/**
 * What one answer to an `op` call means: its value, the worker's failure message, or null when the
 * answer is not one (a wrong shape, a value the call cannot return) — the caller fails the call.
 */
export function readAnswer(op: WorkerOp, answer: unknown): { ok: true; value: unknown } | { ok: false; message: string } | null {
  if (!isRecord(answer) || answerId(answer) === null) return null;
  if (answer['ok'] === true) return 'value' in answer && VALUE_SHAPES[op](answer['value']) ? { ok: true, value: answer['value'] } : null;
  if (answer['ok'] === false && typeof answer['message'] === 'string') return { ok: false, message: answer['message'].slice(0, 500) };
  return null;
}
