// The CLI's usage: an unknown command exits 2 with the usage text, --help prints it. (The imports
// themselves, with real CLI processes, are in import.slow.test.ts.)
import t from 'tap'
import { runCli } from '../support/cli.ts'

t.test('usage errors exit 2 with the usage text', async (t) => {
  const result = await runCli(['export', 'x'], {})
  t.equal(result.code, 2)
  t.match(result.stderr, /unknown command "export"[\s\S]*Usage: kibo-order-bridge import FILE/)
  const help = await runCli(['--help'], {})
  t.equal(help.code, 0)
  t.match(help.stdout, /--dry-run/)
})
