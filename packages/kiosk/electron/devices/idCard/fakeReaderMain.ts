/** `node dist/electron/fake-id-reader.js [port]`: the reader simulator as a process. */
import { startFakeReader } from './fakeReaderService'

const port = Number(process.argv[2] ?? 19196)
void startFakeReader(port).then((reader) => {
  process.stdout.write(`fake ID card reader at ${reader.url}\n`)
})
