/** The server's host as the user knows it (`nocodb.example.com`); the URL itself when it has none. */
export function hostOf(serverUrl: string): string {
  try {
    return new URL(serverUrl).host || serverUrl;
  } catch {
    return serverUrl;
  }
}
