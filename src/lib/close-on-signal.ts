// For the stand-ins run on their own (`node src/kibo-simulator/main.ts`, the storefront stand-ins'
// main.ts): SIGINT or SIGTERM closes the server, then the process exits (1 if the close failed).
export function closeOnSignal (server: { close(): Promise<unknown> }): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1)
      )
    })
  }
}
