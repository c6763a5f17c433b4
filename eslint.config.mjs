// ESLint flat config: typescript-eslint's recommended rules for the TypeScript sources; for the web
// app (apps/web) also the rules of React hooks and a guard against user-visible text outside the
// translation catalogues.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TEXT_IN_CATALOGUES = 'User-visible text belongs in apps/web/src/i18n/locales/*.json: use t().';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'apps/web/dist/**', 'bench/.work/**', 'test-artifacts/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  { files: ['test/**', '**/*.spec.ts', '**/*.e2e-spec.ts', 'scripts/**', 'bench/**'], rules: { 'no-console': 'off' } },
  { files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } } },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXText[value=/[A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF]/]', message: TEXT_IN_CATALOGUES },
        { selector: 'JSXElement > JSXExpressionContainer > Literal[value=/[A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF]/]', message: TEXT_IN_CATALOGUES },
        {
          selector: 'JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|title|alt|placeholder|label)$/] > Literal',
          message: TEXT_IN_CATALOGUES,
        },
      ],
    },
  },
);
