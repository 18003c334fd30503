// The whole token journey with the keyboard alone (Tab, Shift+Tab, Enter, Space, Escape, arrows),
// checking after every key that the focus is on a visible, named element and never on <body>.
import { describe, expect, it } from 'vitest';
import { setUpFakeServerApp } from './fake-server-app.ts';
import { expectFocus, press, tabTo } from './focus.ts';

describe('keyboard only', () => {
  const current = setUpFakeServerApp();

  it('signs in, opens Tokens, creates, shows, copies and deletes tokens, and logs out', async () => {
    const { app, server } = current;
    const { page } = app;
    const { keyboard } = page;
    const rows = page.getByTestId('nc-token-row');

    // Sign in (the harness typed the server's address, so the focus is in that field).
    await expectFocus(page, /^- textbox "Server URL"/, 'start');
    await press(page, 'Tab', /^- textbox "Email"/);
    await keyboard.type(server.admin.email);
    await press(page, 'Tab', /^- textbox "Password"/);
    await keyboard.type(server.admin.password);
    await press(page, 'Enter', /^- heading "Accounts"/);

    // User menu: Enter opens it on Account Settings (not Log Out); Tab closes it back to the avatar.
    await tabTo(page, /^- button "AD, user menu for admin@example.com"/, { back: true });
    await press(page, 'Enter', /^- menuitem "Account Settings/);
    await press(page, 'Tab', /^- button "AD, user menu/);
    expect(await page.getByRole('menu').count()).toBe(0);
    await press(page, 'Space', /^- menuitem "Account Settings/);
    await press(page, 'ArrowUp', /^- menuitem "API Tokens"/);
    await press(page, 'Escape', /^- button "AD, user menu/);
    await press(page, 'ArrowDown', /^- menuitem "Account Settings/);
    await press(page, 'ArrowUp', /^- menuitem "API Tokens"/);
    await press(page, 'Enter', /^- heading "Tokens"/);

    // Create two tokens: Enter in the name field saves, and the focus returns to the add button.
    for (const name of ['first by keyboard', 'second by keyboard']) {
      await tabTo(page, /^- button "Add New API Token"/);
      await press(page, 'Enter', /^- textbox "Token Name"/);
      await keyboard.type(name);
      await press(page, 'Enter', /^- button "Add New API Token"/);
      await rows.filter({ hasText: name }).waitFor();
    }
    // Escape cancels the create row, and the focus comes back too.
    await press(page, 'Enter', /^- textbox "Token Name"/);
    await press(page, 'Escape', /^- button "Add New API Token"/);

    // Show (Space) and Copy (Enter) keep the focus while they work.
    const first = rows.first();
    const firstName = (await first.locator('.token-name').textContent())!;
    await tabTo(page, /^- button "Show or Hide"/);
    await press(page, 'Space', /^- button "Show or Hide" \[pressed\]/);
    await first.locator('.token-secret').waitFor();
    await press(page, 'Tab', /^- button "Copy"/);
    await press(page, 'Enter', /^- button "Copy"/);
    await page.getByText('Copied to clipboard', { exact: true }).waitFor();
    expect(await app.clipboardText()).toBe((await first.locator('.token-secret').textContent())!.trim());

    // Use it (Enter) opens the panel under the table and Test (Space) answers in the row; both keep the focus.
    await press(page, 'Tab', /^- button "Use it"/);
    await press(page, 'Enter', /^- button "Use it"/);
    await page
      .getByTestId('nc-token-usage')
      .getByRole('heading', { name: `Use “${firstName}”` })
      .waitFor();
    await press(page, 'Tab', /^- button "Test"/);
    await press(page, 'Space', /^- button "Test"/);
    await first
      .getByRole('status')
      .filter({ hasText: /^Works$/ })
      .waitFor();

    // Delete: Escape keeps the token and returns to its Delete button; a delete moves on to the next row's.
    await press(page, 'Tab', /^- button "Rotate"/);
    await press(page, 'Tab', /^- button "Delete"/);
    await press(page, 'Enter', /^- button "Cancel"/);
    await press(page, 'Escape', /^- button "Delete"/);
    expect(await rows.count()).toBe(2);
    await press(page, 'Enter', /^- button "Cancel"/);
    await press(page, 'Tab', /^- button "Delete Token"/);
    await press(page, 'Enter', /^- button "Delete"/);
    await expect.poll(() => rows.filter({ hasText: firstName }).count()).toBe(0);
    expect(await page.locator(':focus').evaluate((el) => el.closest('tr')?.textContent)).toContain(
      (await rows.first().locator('.token-name').textContent())!,
    );
    // Deleting the last token leaves the focus on "Add New API Token".
    await press(page, 'Enter', /^- button "Cancel"/);
    await press(page, 'Tab', /^- button "Delete Token"/);
    await press(page, 'Enter', /^- button "Add New API Token"/);
    await page.getByText('No API Tokens created').waitFor();

    // Back to the start and log out from the user menu (ArrowUp twice from Account Settings).
    await tabTo(page, /^- link "Back"/, { back: true });
    await press(page, 'Enter', /^- heading "Accounts"/);
    await tabTo(page, /^- button "AD, user menu/, { back: true });
    await press(page, 'Enter', /^- menuitem "Account Settings/);
    await press(page, 'ArrowUp', /^- menuitem "API Tokens"/);
    await press(page, 'ArrowUp', /^- menuitem "All tokens"/);
    await press(page, 'ArrowUp', /^- menuitem "Log Out"/);
    await press(page, 'Enter', /^- textbox "Email"/);
    await page.getByTestId('nc-form-signin').waitFor();
  });
});
