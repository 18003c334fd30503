// What the app and its keytar worker say to each other: one request, one answer, matched by id.
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
