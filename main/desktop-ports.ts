// Desktop ports of the All tokens view: the OS save dialog and OS notifications. main.ts passes
// Electron's; tests and the end-to-end harness pass their own.

/** Asks the user where to save a file and writes it there; null when they cancelled. */
export interface SaveDialogPort {
  saveText(request: { defaultName: string; text: string; filterName: string; extension: string }): Promise<{ path: string } | null>;
}

/** Shows one OS notification; `onClick` runs when the user clicks it. */
export interface NotificationPort {
  show(notice: { title: string; body: string; onClick: () => void }): void;
}
