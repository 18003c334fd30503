// Placeholder until the real-NocoDB global setup lands (owned by the NocoDB client work).
export default async function setup(): Promise<void> {}
