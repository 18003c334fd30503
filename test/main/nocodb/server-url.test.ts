import { describe, expect, it } from 'vitest';
import { normalizeServerUrl } from '../../../main/nocodb/server-url.ts';

describe('normalizeServerUrl', () => {
  it.each([
    ['http://localhost:8080', 'http://localhost:8080'],
    ['http://localhost:8080/', 'http://localhost:8080'],
    ['  https://App.NocoDB.com/  ', 'https://app.nocodb.com'],
    ['https://app.nocodb.com/dashboard/#/base/p1', 'https://app.nocodb.com'],
    ['http://127.0.0.1:8080/api/v1?x=1#top', 'http://127.0.0.1:8080'],
    ['HTTP://EXAMPLE.org:80/', 'http://example.org'],
    ['https://example.org:443', 'https://example.org'],
    ['https://example.org:8443/nocodb/', 'https://example.org:8443'],
    ['http://[::1]:8080/', 'http://[::1]:8080'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeServerUrl(input)).toBe(expected);
  });

  it.each([
    ['localhost:8080', 'http:// or https://'],
    ['app.nocodb.com', 'http:// or https://'],
    ['', 'http:// or https://'],
    ['ftp://example.org', 'must start with http:// or https://'],
    ['file:///etc/passwd', 'must start with http:// or https://'],
    ['javascript://alert(1)', 'must start with http:// or https://'],
    ['http://', 'not a valid URL'],
    ['http://exa mple.org', 'not a valid URL'],
    ['http://user:secret@example.org', 'must not contain a user name or password'],
  ])('refuses %j', (input, words) => {
    expect(() => normalizeServerUrl(input)).toThrow(
      expect.objectContaining({ code: 'invalid_argument', message: expect.stringContaining(words) }),
    );
  });
});
