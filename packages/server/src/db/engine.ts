/** The two storage engines the service runs on. */
export type Engine = 'sqlite' | 'postgres'
