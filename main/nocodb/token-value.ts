// What an API token's value looks like: 40 characters of A-Za-z0-9_- (0.301.3 and every Community
// Edition token), or `nc_pat_` + 40 (the images of April 2026 and later, when a create carries an
// expiry). A value the server answers, or the keychain holds, in any other shape is not handed out.
export const API_TOKEN_VALUE = /^(nc_pat_)?[A-Za-z0-9_-]{40}$/;

export const isApiTokenValue = (value: string): boolean => API_TOKEN_VALUE.test(value);
