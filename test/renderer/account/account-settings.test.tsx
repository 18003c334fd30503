import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../render-app.tsx';

const clipboardForm = () => screen.getByRole('form', { name: 'Clear the clipboard after copying a token' });

describe('Account Settings', () => {
  it('has the left panel with Back, the Account section and the active tab highlighted', async () => {
    await renderApp({ hash: '#/account/tokens' });
    const panel = screen.getByRole('navigation', { name: 'Account Settings' });
    expect(panel.textContent).toContain('Back');
    expect(panel.textContent).toContain('Account');
    expect(screen.getByRole('link', { name: 'API Tokens' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Profile' }).getAttribute('aria-current')).toBeNull();
    expect(screen.getByRole('navigation', { name: 'Breadcrumb' }).textContent).toBe('Account/Tokens');
  });

  it('switches to Profile and back home through the panel', async () => {
    const { user } = await renderApp({ hash: '#/account/tokens' });
    await user.click(screen.getByRole('link', { name: 'Profile' }));
    expect(await screen.findByRole('heading', { name: 'Account Details' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Breadcrumb' }).textContent).toBe('Account/Profile');
    await user.click(screen.getByRole('link', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: 'Accounts' })).toBeTruthy();
  });

  it('Profile shows the initials, the editable name, user id and the email read-only', async () => {
    const { fake } = await renderApp({ hash: '#/account/profile' });
    expect(screen.getByText(`USER ID: ${fake.server().users[0]!.id}`)).toBeTruthy(); // the id the server gave
    const email = screen.getByLabelText('Account Email ID') as HTMLInputElement;
    expect(email.value).toBe('admin@example.com');
    expect(email.disabled).toBe(true);
    expect((screen.getByLabelText('Name') as HTMLInputElement).readOnly).toBe(false);
  });

  it('Profile changes how long a copied token stays on the clipboard', async () => {
    const { user, fake } = await renderApp({ hash: '#/account/profile', clipboardClearSeconds: 30 });
    const seconds = screen.getByLabelText('Seconds') as HTMLInputElement;
    await waitFor(() => expect(seconds.value).toBe('30'));
    await user.clear(seconds);
    await user.type(seconds, '0');
    await user.click(within(clipboardForm()).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(fake.callsTo('settings.update')).toEqual([{ method: 'settings.update', arg: { clipboardClearSeconds: 0 } }]);
  });

  it('Profile refuses a delay that is not a whole number of seconds', async () => {
    const { user } = await renderApp({ hash: '#/account/profile' });
    const seconds = screen.getByLabelText('Seconds') as HTMLInputElement;
    await waitFor(() => expect(seconds.value).toBe('30'));
    await user.clear(seconds);
    await user.type(seconds, '1.5');
    expect(screen.getByText(/Enter a whole number/)).toBeTruthy();
    expect((within(clipboardForm()).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
