// The lines that turn an Electron IPC event into the sender the router checks, on event shapes
// like Electron's: the main frame, a subframe, a page that navigated away, a disposed frame.
import { describe, expect, it } from 'vitest';
import { describeSender, type IpcEventLike } from '../../main/ipc-sender.ts';
import { APP_ENTRY_URL, createSenderCheck } from '../../main/security.ts';

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

function windowWithFrames(id: number, url = APP_ENTRY_URL) {
  const mainFrame: FakeFrame = { url, parent: null };
  const subframe: FakeFrame = { url, parent: mainFrame };
  const sender = { id, mainFrame };
  return { sender, mainFrame, subframe };
}

const trusted = createSenderCheck(() => 7);
const check = (event: IpcEventLike) => trusted(describeSender(event));

describe('describeSender', () => {
  it('describes the main frame of the app window as that window, top frame, at its URL', () => {
    const { sender, mainFrame } = windowWithFrames(7);
    expect(describeSender({ sender, senderFrame: mainFrame })).toEqual({ webContentsId: 7, isMainFrame: true, url: APP_ENTRY_URL });
    expect(check({ sender, senderFrame: mainFrame })).toBe(true);
  });

  it('tells a subframe from the top frame, even when it shows an app URL', () => {
    const { sender, subframe } = windowWithFrames(7);
    expect(describeSender({ sender, senderFrame: subframe })).toMatchObject({ isMainFrame: false });
    expect(check({ sender, senderFrame: subframe })).toBe(false);
  });

  it('refuses a message whose frame has navigated away or been destroyed (Electron gives null)', () => {
    const { sender } = windowWithFrames(7);
    expect(describeSender({ sender, senderFrame: null })).toEqual({ webContentsId: 7, isMainFrame: false, url: '' });
    expect(check({ sender, senderFrame: null })).toBe(false);
  });

  it('refuses a frame that was disposed while the message was on its way (reading it throws)', () => {
    const { sender } = windowWithFrames(7);
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    sender.mainFrame = disposed;
    expect(describeSender({ sender, senderFrame: disposed })).toEqual({ webContentsId: 7, isMainFrame: false, url: '' });
  });

  it('describes the page after a navigation by the URL it shows now', () => {
    const { sender, mainFrame } = windowWithFrames(7);
    mainFrame.url = 'https://evil.example/';
    expect(describeSender({ sender, senderFrame: mainFrame }).url).toBe('https://evil.example/');
    expect(check({ sender, senderFrame: mainFrame })).toBe(false);
  });

  it('keeps another window apart, even at an app URL', () => {
    const { sender, mainFrame } = windowWithFrames(8);
    expect(check({ sender, senderFrame: mainFrame })).toBe(false);
  });
});
