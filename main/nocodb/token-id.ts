// A token row's id, as main accepts it from the server and from the renderer. NocoDB 0.301.3 sends
// numbers, today's servers type the id as a string; main treats it as opaque text. The id goes
// into a URL path and a keychain entry name, so only URL-safe characters and no spaces.
export const TOKEN_ID = /^[A-Za-z0-9_.:~-]{1,128}$/;

export const isTokenId = (value: string): boolean => TOKEN_ID.test(value);
