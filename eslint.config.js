// Lint: neostandard (the configuration fastify/demo and pg-boss use), TypeScript-aware, plus a
// 140-column limit. `npm run lint` runs it; `npm test` runs it before the fast suite.
import neostandard from 'neostandard'

export default [
  ...neostandard({ ts: true, ignores: ['node_modules/**', 'coverage/**', '.tap/**', 'test/golden/**'] }),
  {
    rules: {
      '@stylistic/max-len': [
        'error',
        { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreStrings: false, ignoreTemplateLiterals: false }
      ]
    }
  }
]
