// Turns an Electron IPC event into the sender description the router checks. Kept out of main.ts
// so the exact mapping Electron runs is tested, on event shapes like Electron's.
import type { IpcSender } from './ipc-router.ts';

/** The part of a WebFrameMain this needs. Electron throws on reading a frame that was disposed. */
export interface FrameLike {
  readonly url: string;
}

/** The part of an IpcMainInvokeEvent this needs. */
export interface IpcEventLike {
  sender: { id: number; mainFrame: FrameLike };
  /** Null when the frame navigated away or was destroyed before main read it. */
  senderFrame: FrameLike | null;
}

/** Who sent `event`: a frame that is gone, or cannot be read, is described as no frame at all. */
export function describeSender(event: IpcEventLike): IpcSender {
  const webContentsId = event.sender.id;
  const frame = event.senderFrame;
  try {
    if (frame === null) return { webContentsId, isMainFrame: false, url: '' };
    const url = frame.url;
    // Electron hands out one WebFrameMain object per frame, so identity tells the top frame apart.
    return { webContentsId, isMainFrame: frame === event.sender.mainFrame, url };
  } catch {
    return { webContentsId, isMainFrame: false, url: '' };
  }
}
