import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** ESLint's and typescript-eslint's recommended rules; formatting is left to Prettier. */
export default defineConfig(
  {
    ignores: [
      'dist/',
      'coverage/',
      'models/',
      'embeddings/',
      'data/',
      'bench/results/',
      'bench/models/',
      '**/node_modules/',
      'test/fixtures/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // A leading underscore marks a parameter or binding kept on purpose (a callback's signature, a skipped tuple element), as tsconfig's noUnusedParameters allows.
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The CommonJS jest environment and the plain-JS configs run in node.
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', globalThis: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The simulator and the tests read Discord's and ONNX's JSON as it comes off the wire; typing every field there would add nothing.
    files: ['harness/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
