// Run once by tap before any test file (package.json "tap"."before"): makes the pre-migrated
// PGlite image that every test file loads instead of running initdb (test/support/databases.ts),
// so that the files that start first do not each make their own.
import { pristineDump } from './databases.ts'

await pristineDump()
