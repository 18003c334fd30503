import { createStore } from 'zustand/vanilla';
import type { AppError, Bridge, PasswordChange, Result, SessionState } from '../../preload/contract.ts';
import { errorMsg, type Text } from '../i18n/index.ts';
import { callBridge } from './call-bridge.ts';

export type FormStatus = 'idle' | 'saving' | 'done' | 'error';

/** The Profile name form and the Password form. Passwords pass through `changePassword`, never into the store. */
export interface ProfileStore {
  name: { status: FormStatus; error: Text | null };
  password: { status: FormStatus; error: Text | null };
  /** Resolves to true when the server kept the name. */
  saveName: (displayName: string) => Promise<boolean>;
  /** Resolves to true when the password was changed. */
  changePassword: (change: PasswordChange) => Promise<boolean>;
  /** Forgets the last outcome of a form (the user is typing again). */
  resetName: () => void;
  resetPassword: () => void;
}

interface Deps {
  bridge: Bridge;
  /** Main answers both calls with the session, which carries the new name (or a new persistence). */
  onSession: (state: SessionState) => void;
  onFailure: (error: AppError) => void;
}

const IDLE = { status: 'idle', error: null } as const;

export function createProfileStore({ bridge, onSession, onFailure }: Deps) {
  return createStore<ProfileStore>()((set, get) => {
    /** Runs one form's request: busy while it is out, then done or the error in words. */
    async function submit(form: 'name' | 'password', run: () => Promise<Result<SessionState>>) {
      if (get()[form].status === 'saving') return false;
      set({ [form]: { status: 'saving', error: null } });
      const result = await callBridge(run);
      if (!result.ok) {
        onFailure(result.error);
        set({ [form]: { status: 'error', error: errorMsg(result.error) } });
        return false;
      }
      onSession(result.value);
      set({ [form]: { status: 'done', error: null } });
      return true;
    }

    return {
      name: IDLE,
      password: IDLE,
      saveName: (displayName) => submit('name', () => bridge.profile.update({ displayName })),
      changePassword: (change) => submit('password', () => bridge.profile.changePassword(change)),
      resetName: () => {
        if (get().name.status !== 'saving') set({ name: IDLE });
      },
      resetPassword: () => {
        if (get().password.status !== 'saving') set({ password: IDLE });
      },
    };
  });
}

export type ProfileStoreApi = ReturnType<typeof createProfileStore>;
