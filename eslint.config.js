import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const node = { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' };
const browser = {
  window: 'readonly',
  document: 'readonly',
  fetch: 'readonly',
  setInterval: 'readonly',
  Intl: 'readonly',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '**/testdata/', 'data/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: node },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/web/static/**/*.js'],
    languageOptions: { globals: browser, sourceType: 'script' },
  },
);
